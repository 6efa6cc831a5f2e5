"""The thirteenth blind family's generator (benchmarks/blind13_family.py): the same files for the same
seed, mixed formats as published (the 案 a PDF alone on odd seeds), and a truth consistent with the
documents — each row's key words printed on its 案 pages, each editorial edit's before in the 素案 and
after in the 案, every reflected comment linked once. Tuning seeds only."""

from __future__ import annotations

import json

import docx
import openpyxl

from benchmarks import blind13_family as fam
from tests.blind_helpers import case_fixture, check_linked_comments, key, paragraphs, pdf_pages

case = case_fixture(fam, fam.BLIND13_TUNING_SEEDS, "blind13")


def _text(path) -> str:
    return key("".join(pdf_pages(path).values()))


def test_same_seed_same_files(case, tmp_path):
    plan, files, exp = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    assert json.loads(again["expected"].read_text(encoding="utf-8")) == exp
    assert again["soan_pdf"].read_bytes() == files["soan_pdf"].read_bytes()
    assert again["an_pdf"].read_bytes() == files["an_pdf"].read_bytes()


def test_formats_as_published(case):
    plan, files, exp = case
    assert files["soan"].suffix == ".docx"
    if plan.seed % 2:  # the 案 published as a PDF alone, 別紙1 as a workbook
        assert files["an"] == files["an_pdf"] and files["comments"].suffix == ".xlsx"
    else:
        assert files["an"].suffix == ".docx" and files["comments"].suffix == ".docx"
    pages = pdf_pages(files["an_pdf"])
    assert 45 <= len(pages) <= 70 and sorted(pages) == list(range(1, len(pages) + 1))
    styles = {p.style.name for p in paragraphs(files["soan"])}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles


def test_pdf_prints_every_docx_paragraph_and_cell(case):
    plan, files, exp = case
    for v in ("soan", "an"):
        if files[v].suffix != ".docx":
            continue
        pdf = _text(files[v + "_pdf"])
        for p in paragraphs(files[v])[1:]:  # the title is on the cover
            assert key(p.text) in pdf, p.text
        for t in docx.Document(str(files[v])).tables:
            for r in t.rows:
                for c in r.cells:
                    assert key(c.text) in pdf, c.text
        pages = pdf_pages(files[v + "_pdf"])
        for line in (p.text for p in paragraphs(files[v]) if "……" in p.text):  # the 目次 points at the right page
            head, num = line.strip("　").rsplit("　……　", 1)
            assert key(head) in key(pages[int(num)]), line


def test_rows_printed_on_their_pages(case):
    plan, files, exp = case
    pages = {n: key(t) for n, t in pdf_pages(files["an_pdf"]).items()}
    soan = _text(files["soan_pdf"])
    kinds = {r["kind"] for r in exp["rows"]}
    assert {"torikumi-added", "target-raised", "matrix-cell", "kento-jisshi", "soudan-added", "external-law",
            "internal-rename-division", "internal-baseline", "internal-renamed-policy", "internal-moved"} <= kinds
    for r in exp["rows"]:
        new = key(r["must_mention"][-1])
        for p in r["an_pages"]:  # the new words on every page cited (a sentence may run onto the next page)
            assert new in pages[p] + pages.get(p + 1, ""), (r["id"], p)
        if r["kind"] in ("torikumi-added", "matrix-cell", "soudan-added", "internal-rename-division", "internal-renamed-policy"):
            assert new not in soan, r["id"]
    ext = [r for r in exp["rows"] if r["cause"]["type"] == "external"]
    assert len(ext) == 1 and len(ext[0]["an_pages"]) == 2 and len(ext[0]["section_paths"]) == 2


def test_editorial_edits_in_the_versions(case):
    plan, files, exp = case
    soan, an = _text(files["soan_pdf"]), _text(files["an_pdf"])
    assert len([e for e in exp["editorial"] if e["kind"] == "editorial"]) >= 6
    for e in exp["editorial"]:
        assert key(e["before"]) in soan and key(e["after"]) in an, e["id"]
        if e["core_before"] and key(e["before"]) != key(e["after"]):  # one occurrence fewer (the template's phrases repeat in other sections)
            assert an.count(key(e["before"])) == soan.count(key(e["before"])) - 1, e["id"]


def test_comment_table_read_back(case):
    plan, files, exp = case
    check_linked_comments(exp)
    assert 30 <= len(exp["comments"]) <= 80
    assert {c["block"] for c in exp["comments"]} == {"パブリックコメント", "区民意見交換会"}
    if files["comments"].suffix == ".xlsx":
        ws = openpyxl.load_workbook(files["comments"]).active
        assert ws is not None
        got = [r for r in ws.iter_rows(min_row=4, values_only=True)]
        assert [r[5] == "反映" for r in got] == [c["reflected"] for c in exp["comments"]]
        assert [r[2] for r in got] == [c["ref"] for c in exp["comments"]]
    else:
        t = docx.Document(str(files["comments"])).tables[0]
        body = [[c.text for c in r.cells] for r in t.rows[1:]]
        heads = [r for r in body if len(set(r)) == 1]
        assert len(heads) == 2  # a merged heading row before each block
        got = [r for r in body if len(set(r)) > 1]
        assert [r[4] == "反映" for r in got] == [c["reflected"] for c in exp["comments"]]
        assert [int(r[0]) for r in got] == list(range(1, len(got) + 1))
