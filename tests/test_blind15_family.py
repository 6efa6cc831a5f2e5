"""The fifteenth blind family's generator (benchmarks/blind15_family.py): the same files for the same seed, the
formats each seed publishes, headings numbered by Word's list (numPr, the number not in the text) on some seeds
and typed on the others, PDFs that print what Word shows (目次 pages right), and a truth consistent with the
documents — each row's key words on its 案 pages, each editorial edit's before in the 素案 and after in the 案,
the comment table read back with the answers the truth says. Tuning seeds only; no revtool run."""

from __future__ import annotations

import json
import re

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from benchmarks import blind15_family as fam
from tests.blind_helpers import check_linked_comments, docx_text, key, paragraphs, pdf_pages


@pytest.fixture(scope="module", params=list(fam.BLIND15_TUNING_SEEDS))
def case(request, tmp_path_factory):
    plan = fam.generate(request.param)
    files = fam.write_plan(plan, tmp_path_factory.mktemp(f"blind15-{request.param}"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def _head(plan, v: str) -> str:
    return re.escape(fam._title(plan, v))


def _pages(plan, files, v: str) -> dict[int, str]:
    """The printed pages of a version's PDF without the footer and the running head."""
    return pdf_pages(files[v + "_pdf"], skip=rf"- \d+ -|{_head(plan, v)}")


def _text(plan, files, v: str) -> str:
    return key("".join(_pages(plan, files, v).values()))


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


def test_formats_and_pages(case):
    plan, files, exp = case
    soan, an, com, numbering = fam._FORMATS[plan.seed]
    assert files["soan"].suffix == "." + soan and files["an"].suffix == "." + an
    assert files["comments"].suffix == "." + com.split("-")[0]
    assert {fam._FORMATS[s][:2] for s in fam.BLIND15_TUNING_SEEDS} == {("docx", "docx"), ("pdf", "pdf"), ("docx", "pdf")}
    assert {fam._FORMATS[s][3] for s in fam.BLIND15_TUNING_SEEDS} == {"auto", "typed"}
    assert {fam._FORMATS[s][3] for s in fam.BLIND15_SEEDS} == {"auto", "typed"}
    for v in ("soan", "an"):
        pages = pdf_pages(files[v + "_pdf"])
        assert 40 <= len(pages) <= 70 and sorted(pages) == list(range(1, len(pages) + 1))
        for n, t in pages.items():  # the running head on every printed page
            assert fam._title(plan, v) in t, n


def test_word_list_numbering_or_typed_numbers(case):
    """On an auto seed a heading's text is its title alone and its number comes from numbering.xml (第%1章 / %2 /
    （%3）, full-width digits); on a typed seed the number is in the text. Either way the PDF prints the number."""
    plan, files, exp = case
    for v in ("soan", "an"):
        if files[v].suffix != ".docx":
            continue
        d = docx.Document(str(files[v]))
        heads = [p for p in d.paragraphs if p.style.name.startswith("Heading")]
        assert len(heads) >= 30
        numbered = [p for p in heads if p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None]
        if plan.fmts[3] == "auto":
            assert len(numbered) == len(heads) - 1  # all but the 別表
            assert not any(re.match(r"第[０-９0-9]+章|[０-９0-9]+\s|（[０-９0-9]+）", p.text) for p in heads)
            lvl = d.part.numbering_part.element.xml
            assert 'w:val="第%1章"' in lvl and 'w:val="（%3）"' in lvl and 'w:val="decimalFullWidth"' in lvl
        else:
            assert not numbered
            assert sum(p.text.startswith("第") and "章" in p.text[:4] for p in heads) == 5
    pages = _pages(plan, files, "an")
    text = "".join(pages.values())
    sep = " " if plan.fmts[3] == "auto" else "\u3000"
    for x in ("第１章", "第４章", "（１１）"):
        assert x + sep in text, x


def test_pdf_prints_every_docx_paragraph_and_cell(case):
    plan, files, exp = case
    for v in ("soan", "an"):
        pdf = _text(plan, files, v)
        if files[v].suffix == ".docx":
            for p in paragraphs(files[v])[1:]:  # the title is on the cover
                assert key(p.text) in pdf, p.text
            for t in docx.Document(str(files[v])).tables:
                for r in t.rows:
                    for c in r.cells:
                        assert key(c.text) in pdf, c.text
        pages = _pages(plan, files, v)
        toc = [x for ls in _pdf_lines(files[v + "_pdf"]) for x in ls if "　……　" in x]
        assert len(toc) >= 20
        for line in toc:  # each 目次 entry points at the page its heading is printed on
            head, num = line.rsplit("　……　", 1)
            assert key(head) in key(pages[int(num)]), line


def test_rows_printed_on_their_pages(case):
    plan, files, exp = case
    pages = {n: key(t) for n, t in _pages(plan, files, "an").items()}
    soan = _text(plan, files, "soan")
    kinds = [r["kind"] for r in exp["rows"]]
    assert sorted(kinds) == sorted(["kpi-added", "target-raised", "sentence-added", "kento-to-suishin", "scenario-reworded",
                                    "scenario-split", "external-plan", "external-law", "field-renamed", "baseline-refreshed",
                                    "paragraphs-swapped", "section-moved"])
    heads = {tuple(key(h) for h in fam.heading_path(plan.an, n.uid)) for n in fam.walk(plan.an)}
    for r in exp["rows"]:
        assert r["an_pages"] and r["must_mention"] and r["summary"], r["id"]
        assert all(key(m) in key(r["summary"]) for m in r["must_mention"]), r["id"]  # the officer's own words
        for p in r["section_paths"]:
            assert tuple(key(h) for h in p) in heads, (r["id"], p)
        new = key(r["must_mention"][-1])
        assert any(new in pages[p] for p in r["an_pages"]), r["id"]
        if r["kind"] in ("kpi-added", "sentence-added", "scenario-reworded", "scenario-split", "external-law", "field-renamed"):
            assert new not in soan, r["id"]
    by = {r["kind"]: r for r in exp["rows"]}
    assert len(by["external-law"]["section_paths"]) == 2 and len(by["external-law"]["an_pages"]) == 2
    assert len(by["field-renamed"]["section_paths"]) == 3
    assert by["section-moved"]["section_paths"][0][0].startswith("第１章")
    assert {r["cause"]["type"] for r in exp["rows"] if r["cause"]["comment_ids"]} == {"comment"}
    assert sum(r["cause"]["type"] == "external" for r in exp["rows"]) == 2


def test_scenario_table_split_and_renumbered(case):
    plan, files, exp = case
    so = next(b for n in fam.walk(plan.soan) for b in n.blocks if b.kind == "table" and b.rows[0][1] == "番号")
    an = next(b for n in fam.walk(plan.an) for b in n.blocks if b.kind == "table" and b.rows[0][1] == "番号")
    assert len(an.rows) == len(so.rows) + 1
    for t in (so, an):  # numbered 1-1, 1-2 … without a gap in every 目標
        nums = [r[1] for r in t.rows[1:]]
        for g in range(1, 9):
            ks = [int(x.split("-")[1]) for x in nums if x.startswith(f"{g}-")]
            assert ks == list(range(1, len(ks) + 1))


def test_editorial_edits_in_the_versions(case):
    plan, files, exp = case
    soan, an = _text(plan, files, "soan"), _text(plan, files, "an")
    assert len(exp["editorial"]) >= 8
    assert {"typo", "hyouki"} <= {e["kind"] for e in exp["editorial"]}
    for e in exp["editorial"]:
        assert key(e["before"]) in soan and key(e["after"]) in an, e["id"]
        assert e["core_before"] in e["before"] and e["core_after"] in e["after"]
        if e["kind"] != "width":  # NFKC makes １２ and 12 one
            assert an.count(key(e["before"])) == soan.count(key(e["before"])) - 1, e["id"]
    if files["an"].suffix == ".docx":
        raw = docx_text(files["an"])
        for e in exp["editorial"]:
            assert key(e["after"]) in raw, e["id"]


def _comment_rows(files) -> list[list[str]]:
    p = files["comments"]
    if p.suffix == ".xlsx":
        ws = openpyxl.load_workbook(p).active
        assert ws is not None
        rows = [["" if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]
    else:
        t = docx.Document(str(p)).tables[0]
        rows = [[c.text for c in r.cells] for r in t.rows]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "No.")
    return rows[start + 1:]


def test_comment_table_read_back(case):
    plan, files, exp = case
    check_linked_comments(exp)
    assert 25 <= len(exp["comments"]) <= 60
    assert sum(c["reflected"] for c in exp["comments"]) >= 5
    rows = _comment_rows(files)
    assert [int(r[0]) for r in rows] == list(range(1, len(exp["comments"]) + 1))
    for r, c in zip(rows, exp["comments"]):
        assert c["ref"] == f"{r[1]} {r[2]}"
        assert ("御意見を踏まえ" in r[4]) == c["reflected"], c["id"]
    assert any("既に記載しております" in r[4] for r in rows) and any("原案のとおり" in r[4] for r in rows)
    if plan.fmts[2] == "docx-merged":  # consecutive comments on one place share one merged 該当箇所 cell
        t = docx.Document(str(files["comments"])).tables[0]
        merged = [tc for tc in t._tbl.iter(qn("w:tc")) if tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") is not None]
        assert merged
    # a comment's page is its place's 素案 page or one off
    so = _pages(plan, files, "soan")
    for r, c in zip(rows, exp["comments"]):
        if r[1].startswith("P."):
            assert 1 <= int(r[1][2:]) <= len(so) + 1
