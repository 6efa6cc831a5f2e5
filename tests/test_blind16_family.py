"""The sixteenth blind family's generator (benchmarks/blind16_family.py): the same files for the same seed, the
formats each seed publishes, PDFs that print their DOCX (a 目次 pointing at the right pages), and a truth consistent
with the documents — each row's key words on its 案 pages, each editorial edit's before in the 素案 and after in the
案, the comment table read back with the answers the truth says. Tuning seeds only; no revtool run."""

from __future__ import annotations

import csv
import io
import json
import re

import docx
import pytest

from benchmarks import blind16_family as fam
from tests.blind_helpers import check_linked_comments, key, paragraphs, pdf_pages


@pytest.fixture(scope="module", params=list(fam.BLIND16_TUNING_SEEDS))
def case(request, tmp_path_factory):
    plan = fam.generate(request.param)
    files = fam.write_plan(plan, tmp_path_factory.mktemp(f"blind16-{request.param}"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def _pdf_lines(path) -> list[list[str]]:
    data = path.read_bytes().decode("latin-1")
    return [[bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", s)]
            for s in re.findall(r"stream\n(.*?)\nendstream", data, re.S)]


def _text(path) -> str:
    return key("".join(pdf_pages(path).values()))


def test_same_seed_same_files(case, tmp_path):
    plan, files, exp = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    assert json.loads(again["expected"].read_text(encoding="utf-8")) == exp
    for k in ("soan", "an", "soan_pdf", "an_pdf", "comments"):
        assert again[k].read_bytes() == files[k].read_bytes(), k


def test_formats_as_published(case):
    plan, files, exp = case
    soan, an, com, styled, _ = fam._FORMATS[plan.seed]
    assert files["soan"].suffix == "." + soan and files["an"].suffix == "." + an
    assert files["comments"].suffix == "." + com.split("-")[0]
    assert {fam._FORMATS[s][:2] for s in fam.BLIND16_TUNING_SEEDS} == {("docx", "docx"), ("pdf", "pdf"), ("docx", "pdf")}
    assert {fam._FORMATS[s][3] for s in fam.BLIND16_TUNING_SEEDS} == {True, False}
    for v in ("soan_pdf", "an_pdf"):
        pages = pdf_pages(files[v])
        assert 30 <= len(pages) <= 45 and sorted(pages) == list(range(1, len(pages) + 1))
    for v in ("soan", "an"):
        if files[v].suffix != ".docx":
            continue
        paras = paragraphs(files[v])
        names = {p.style.name for p in paras}
        toc = [p.text for p in paras if re.search(r"(…{4,}|\t)\d+$", p.text)]
        assert len(toc) >= 25
        if styled:
            assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4"} <= names
        else:  # bold Normal paragraphs, a 目次 typed with leader dots
            assert not any(n.startswith("Heading") for n in names)
            assert any(p.text == "第１章　計画の策定にあたって" and p.runs[0].bold for p in paras)
            assert all("…" in t for t in toc)


def test_pdf_prints_every_docx_paragraph_and_cell(case):
    plan, files, exp = case
    for v in ("soan", "an"):
        if files[v].suffix != ".docx":
            continue
        pdf = key("".join(x for ls in _pdf_lines(files[v + "_pdf"]) for x in ls if not re.fullmatch(r"- \d+ -", x)))
        for p in paragraphs(files[v]):
            assert key(p.text) in pdf, p.text
        for t in docx.Document(str(files[v])).tables:
            for r in t.rows:
                for c in r.cells:
                    assert key(c.text) in pdf, c.text
    for v in ("soan_pdf", "an_pdf"):  # the 目次 points at the page each heading is printed on
        pages = pdf_pages(files[v])
        toc = _pdf_lines(files[v])[1]
        assert toc[0] == "目　次" and len(toc) >= 25
        entries = [x for x in toc[1:] if not x.isdigit()]
        nums = [int(m[1]) for x in toc[1:] if (m := re.search(r"(\d+)$", x))]
        assert len(entries) == len(nums)
        for head, num in zip(entries, nums):
            assert key(re.sub(r"…+\d+$", "", head)) in key(pages[num]), head


def test_rows_printed_on_their_pages(case):
    plan, files, exp = case
    pages = {n: key(t) for n, t in pdf_pages(files["an_pdf"]).items()}
    soan, an = _text(files["soan_pdf"]), _text(files["an_pdf"])
    kinds = [r["kind"] for r in exp["rows"]]
    assert len(kinds) == len(set(kinds))
    assert {"bullet-added", "torikumi-added", "kadai-added", "wording-firmer", "target-raised", "external-law",
            "measure-renamed", "measure-moved", "baseline-refreshed", "column-added", "statistics-updated"} <= set(kinds)
    assert ("term-added" in kinds) == bool(plan.seed % 2)
    heads = {tuple(key(h) for h in p) for _, p in fam._walk(plan.an)}
    for r in exp["rows"]:
        assert r["an_pages"] and r["must_mention"] and r["summary"], r["id"]
        for p in r["section_paths"]:
            assert tuple(key(h) for h in p) in heads, (r["id"], p)
        new = key(r["must_mention"][-1])
        assert any(new in pages[p] for p in r["an_pages"]), r["id"]
        for m in r["must_mention"]:  # the summary a careful officer writes names them
            assert key(m) in key(r["summary"]), (r["id"], m)
        if r["kind"] in ("bullet-added", "torikumi-added", "column-added", "term-added", "measure-renamed"):
            assert new not in soan, r["id"]
        if r["kind"] == "kadai-added":  # the topic may be named elsewhere already; one more time in the 案
            assert an.count(new) > soan.count(new), r["id"]
    ext = [r for r in exp["rows"] if r["cause"]["type"] == "external"]
    assert len(ext) == 1 and len(ext[0]["section_paths"]) == 2 and len(ext[0]["an_pages"]) == 2
    for p in ext[0]["an_pages"]:
        assert key(ext[0]["must_mention"][0]) in pages[p]
    for k in ("measure-renamed", "measure-moved"):  # its heading and its line of the 施策の体系: one row
        r = next(r for r in exp["rows"] if r["kind"] == k)
        assert len(r["section_paths"]) == 2 and any("施策の体系" in h for h in r["section_paths"][1])
    moved = next(r for r in exp["rows"] if r["kind"] == "measure-moved")
    assert moved["section_paths"][0][1].startswith("基本目標２")
    assert [r["an_pages"][0] for r in exp["rows"]] == sorted(r["an_pages"][0] for r in exp["rows"])


def test_editorial_edits_in_the_versions(case):
    plan, files, exp = case
    soan, an = _text(files["soan_pdf"]), _text(files["an_pdf"])
    kinds = {e["kind"] for e in exp["editorial"]}
    assert {"hyoki", "typo", "suru", "width", "toc", "cover"} <= kinds
    assert sum(e["kind"] not in ("toc", "cover") for e in exp["editorial"]) >= 12
    for e in exp["editorial"]:
        if e["kind"] in ("toc", "cover"):
            continue
        assert key(e["before"]) in soan and key(e["after"]) in an, e["id"]
        if e["kind"] != "width":  # one occurrence fewer (NFKC makes １８ and 18 one)
            assert an.count(key(e["before"])) == soan.count(key(e["before"])) - 1, e["id"]
        assert e["core_before"] in e["before"] and e["core_after"] in e["after"]
        sp, ap = pdf_pages(files["soan_pdf"]), pdf_pages(files["an_pdf"])  # on its page (or running over to the next)
        assert key(e["before"]) in key(sp[e["soan_page"]] + sp.get(e["soan_page"] + 1, "")), e["id"]
        assert key(e["after"]) in key(ap[e["an_page"]] + ap.get(e["an_page"] + 1, "")), e["id"]
    raw = "".join(x for ls in _pdf_lines(files["an_pdf"])[:2] for x in ls)
    for e in exp["editorial"]:
        if e["kind"] in ("toc", "cover"):
            assert key(e["after"]) in key(raw), e["id"]
    # a row's change and an editorial edit never share a paragraph
    row_words = [key(r["must_mention"][-1]) for r in exp["rows"]]
    for e in exp["editorial"]:
        assert not any(w in key(e["after"]) for w in row_words), e["id"]


def _comment_rows(files) -> list[list[str]]:
    p = files["comments"]
    if p.suffix == ".csv":
        data = p.read_bytes()
        text = data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("cp932")
        rows = list(csv.reader(io.StringIO(text)))
    else:
        t = docx.Document(str(p)).tables[0]
        rows = [[c.text for c in r.cells] for r in t.rows]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "番号")
    assert rows[start] == ["番号", "該当箇所（素案ページ）", "意見の要旨", "市の考え方"]
    return rows[start + 1:]


def test_comment_table_read_back(case):
    plan, files, exp = case
    check_linked_comments(exp)
    assert 25 <= len(exp["comments"]) <= 40
    if fam._FORMATS[plan.seed][2] == "csv-cp932":
        assert not files["comments"].read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _comment_rows(files)
    assert [int(r[0]) for r in rows] == list(range(1, len(exp["comments"]) + 1))
    soan_pages = pdf_pages(files["soan_pdf"])
    wrong = 0
    for r, c in zip(rows, exp["comments"]):
        assert r[1] == c["ref"]
        if c["reflected"]:
            assert r[3].startswith(("ご意見を踏まえ", "ご指摘のとおり")), r
        else:
            assert not re.search("(追記|追加|修正|見直|統一)しました", r[3]), r  # nothing promised in the 案
        m = re.match(r"p\.(\d+)|(\d+)頁", c["ref"])
        if m and c["soan_pages"]:
            wrong += int(m[1] or m[2]) != c["soan_pages"][0]
            assert int(m[1] or m[2]) in soan_pages
    assert wrong <= 3
    reflected_no_row = [c for c in exp["comments"] if c["reflected"] and not c["row_ids"]]
    assert len(reflected_no_row) == 2  # a typo and a 表記 pointed out: fixed, no row
    assert sum(e.get("commented", False) for e in exp["editorial"]) == 2
    linked = {c for r in exp["rows"] for c in r["cause"]["comment_ids"]}
    assert len(linked) >= 6 and max(len(r["cause"]["comment_ids"]) for r in exp["rows"]) == 2
