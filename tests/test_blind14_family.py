"""The fourteenth blind family's generator (benchmarks/blind14_family.py): the same files for the same
seed, the formats each seed publishes, PDFs that print their DOCX (目次 pages right, roman front matter,
the 施策の体系 on a landscape page), and a truth consistent with the documents — each row's key words on
its 案 pages, each editorial edit's before in the 素案 and after in the 案, the comment table read back
with the answers the truth says. Tuning seeds only; no revtool run."""

from __future__ import annotations

import csv
import io
import json
import re

import docx
import openpyxl
import pytest

from benchmarks import blind14_family as fam
from tests.blind_helpers import check_linked_comments, docx_text, paragraphs, pdf_pages
from tests.blind_helpers import key as _key


def key(s: str) -> str:
    """The comparison key, with the dash and wave a PDF reader gets back for 「－」「～」 (the truth says what
    each published file reads as: ``blind14_family.as_read``)."""
    return _key(s).replace("−", "-").replace("〜", "~")


@pytest.fixture(scope="module", params=list(fam.BLIND14_TUNING_SEEDS))
def case(request, tmp_path_factory):
    plan = fam.generate(request.param)
    files = fam.write_plan(plan, tmp_path_factory.mktemp(f"blind14-{request.param}"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def _text(path) -> str:
    return key("".join(pdf_pages(path).values()))


def _pdf_lines(path) -> list[list[str]]:
    data = path.read_bytes().decode("latin-1")
    return [[bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", s)]
            for s in re.findall(r"stream\n(.*?)\nendstream", data, re.S)]


def test_same_seed_same_files(case, tmp_path):
    plan, files, exp = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    assert json.loads(again["expected"].read_text(encoding="utf-8")) == exp
    for k in ("soan", "an", "soan_pdf", "an_pdf", "comments"):
        assert again[k].read_bytes() == files[k].read_bytes(), k


def test_formats_as_published(case):
    plan, files, exp = case
    soan, an, com, _ = fam._FORMATS[plan.seed]
    assert files["soan"].suffix == "." + soan and files["an"].suffix == "." + an
    assert files["comments"].suffix == "." + com.split("-")[0]
    combos = {fam._FORMATS[s][:2] for s in fam.BLIND14_TUNING_SEEDS}
    assert combos == {("docx", "docx"), ("pdf", "pdf"), ("docx", "pdf")}
    for v in ("soan_pdf", "an_pdf"):
        pages = pdf_pages(files[v])
        assert 27 <= len(pages) <= 50 and sorted(pages) == list(range(1, len(pages) + 1))
        raw = _pdf_lines(files[v])
        assert ["- i -", "- ii -"] == [x for ls in raw for x in ls if x in ("- i -", "- ii -")]
        assert files[v].read_bytes().count(b"/MediaBox [0 0 842 595]") == 1  # the 施策の体系


def test_pdf_prints_every_docx_paragraph_and_cell(case):
    plan, files, exp = case
    for v in ("soan", "an"):
        if files[v].suffix != ".docx":
            continue
        pdf = _text(files[v + "_pdf"])
        paras = paragraphs(files[v])
        styles = {p.style.name for p in paras}
        assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4"} <= styles
        front = key("".join(x for ls in _pdf_lines(files[v + "_pdf"])[:4] for x in ls))
        for p in paras:
            assert key(p.text) in pdf or key(p.text) in front, p.text
        for t in docx.Document(str(files[v])).tables:
            for r in t.rows:
                for c in r.cells:
                    assert key(c.text) in pdf, c.text
    for v in ("soan_pdf", "an_pdf"):  # the 目次 points at the page each heading is printed on
        pages = pdf_pages(files[v])
        toc = [x for ls in _pdf_lines(files[v]) for x in ls if "　……　" in x]
        assert len(toc) >= 25
        for line in toc:
            head, num = line.rsplit("　……　", 1)
            assert key(head) in key(pages[int(num)]), line


def test_rows_printed_on_their_pages(case):
    plan, files, exp = case
    pages = {n: key(t) for n, t in pdf_pages(files["an_pdf"]).items()}
    soan = _text(files["soan_pdf"])
    an = _text(files["an_pdf"])
    kinds = {r["kind"] for r in exp["rows"]}
    assert {"external-law", "target-raised", "torikumi-added", "kadai-added", "baseline-refreshed", "measure-renamed",
            "schedule-postponed"} <= kinds
    assert len(kinds & {"measure-deleted", "measure-moved"}) == 1
    assert ("measure-split" in kinds) == ("measure-deleted" in kinds)  # odd seeds: a 施策 deleted, another split
    heads = {tuple(key(h) for h in p) for tree in (plan.soan, plan.an) for _, p in fam._walk(tree)}
    for _, p in fam._walk(plan.an):  # every heading of the 案 printed
        assert key(p[-1]) in an, p
    for r in exp["rows"]:
        assert r["an_pages"] and r["must_mention"], r["id"]
        for p in r["section_paths"]:
            assert tuple(key(h) for h in p) in heads, (r["id"], p)
        new = key(r["must_mention"][-1])
        if r["kind"] == "measure-deleted":
            assert new in soan and new not in an
            continue
        assert any(new in pages[p] + pages.get(p + 1, "") for p in r["an_pages"]), r["id"]
        if r["kind"] in ("torikumi-added", "kadai-added", "measure-renamed", "measure-split", "external-law",
                         "issue-added"):
            assert new not in soan, r["id"]
    ext = [r for r in exp["rows"] if r["cause"]["type"] == "external"]
    assert len(ext) == 1 and len(ext[0]["section_paths"]) == 2 and len(ext[0]["an_pages"]) == 2


def test_editorial_edits_in_the_versions(case):
    plan, files, exp = case
    soan, an = _text(files["soan_pdf"]), _text(files["an_pdf"])
    assert len(exp["editorial"]) >= 10
    assert {"typo", "editorial"} <= {e["kind"] for e in exp["editorial"]}
    for e in exp["editorial"]:
        assert key(e["before"]) in soan and key(e["after"]) in an, e["id"]
        if e["kind"] not in ("reorder", "width"):  # one occurrence fewer (NFKC makes ４ and 4 one)
            assert an.count(key(e["before"])) == soan.count(key(e["before"])) - 1, e["id"]
    if files["an"].suffix == ".docx":
        raw = docx_text(files["an"])
        for e in exp["editorial"]:
            assert key(e["after"]) in raw, e["id"]


def _comment_rows(files) -> list[list[str]]:
    p = files["comments"]
    if p.suffix == ".csv":
        data = p.read_bytes()
        text = data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("cp932")
        rows = list(csv.reader(io.StringIO(text)))
    elif p.suffix == ".xlsx":
        ws = openpyxl.load_workbook(p).active
        assert ws is not None
        rows = [["" if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]
    else:
        return []
    start = next(i for i, r in enumerate(rows) if r and r[0] == "No.")
    return rows[start + 1:]


def test_comment_table_read_back(case):
    plan, files, exp = case
    check_linked_comments(exp)
    assert 25 <= len(exp["comments"]) <= 60
    assert sum(c["reflected"] for c in exp["comments"]) >= 5
    rows = _comment_rows(files)
    if files["comments"].suffix == ".pdf":
        text = key("".join(x for ls in _pdf_lines(files["comments"]) for x in ls))
        for c, pc in zip(exp["comments"], plan.comments):
            assert key(pc["op"]) in text and key(pc["ans"]) in text, c["id"]
        return
    assert [int(r[0]) for r in rows] == list(range(1, len(exp["comments"]) + 1))
    cat = fam._FORMATS[plan.seed][3]
    for r, c in zip(rows, exp["comments"]):
        assert c["ref"] == f"{r[1]} {r[2]}"
        if cat == "written":
            assert (r[5] == "反映") == c["reflected"]
        elif cat == "symbol":
            assert (r[5] == "A") == c["reflected"]
