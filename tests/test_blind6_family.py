"""The sixth blind family's generator (benchmarks/blind6_family.py) on two
tuning seeds (one with the 別紙1 as an XLSX with merged 該当箇所 cells, one as
a TSV): its ground truth agrees with the files it writes — every row's key
words are on the 案 pages it names, the pages exist, the editorial edits are
really in the 素案 and the 案, the comment table reads back with one truth
entry per row. No revtool run, no LibreOffice."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from benchmarks import blind6_family as fam
from benchmarks.blind6_family import BLIND6_SEEDS, BLIND6_TUNING_SEEDS
from tests.blind_helpers import (
    case_fixture, check_editorial_in_versions, check_linked_comments, docx_text, key, pdf_pages,
)

case = case_fixture(fam, BLIND6_TUNING_SEEDS, "b6")


def test_seeds_are_split():
    assert not set(BLIND6_SEEDS) & set(BLIND6_TUNING_SEEDS)


def test_every_key_word_is_on_the_an_pages_named(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    soan = docx_text(files["soan"])
    assert 12 <= len(pages) <= 20
    assert 8 <= len(exp["rows"]) <= 12
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r["id"]
        text = key("".join(pages[p] for p in r["an_pages"]))
        assert any(key(m) in text for m in r["must_mention"]), r["id"]
        for m in r["must_mention"]:  # a new value on the 案 pages; an old one (6.5㎡, 都市整備部) in the 素案
            assert key(m) in text or key(m) in soan, (r["id"], m)
        assert r["section_paths"] and all(len(p) >= 2 for p in r["section_paths"]), r["id"]


def test_one_row_per_decision_however_many_places(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    law = [r for r in exp["rows"] if any("法律第" in m for m in r["must_mention"])]
    assert len(law) == 1 and len(law[0]["section_paths"]) == 2 and len(law[0]["an_pages"]) == 2
    assert {r["cause"]["type"] for r in exp["rows"]} == {"comment", "external", "internal"}
    now = next(r for r in exp["rows"] if r["decision"] == "I_now")  # every 数値目標 table, one row
    assert len(now["section_paths"]) >= 5
    for p in now["an_pages"]:
        assert "現状値(令和6年度)" in key(pages[p])
    # a 地域 section is named without a number
    row = next(r for r in exp["rows"] if r["decision"] == "C_row")
    assert row["section_paths"][0][1].endswith("地域")


def test_editorial_edits_are_in_the_versions(case):
    _, files, exp = case
    check_editorial_in_versions(files, exp, 8)


def _read_bessi1(path: Path) -> tuple[list[str], list[list[str]]]:
    if path.suffix == ".tsv":
        rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))
        return rows[0], rows[1:]
    ws = openpyxl.load_workbook(str(path)).active
    rows = [[str(c.value) if c.value is not None else "" for c in r] for r in ws.iter_rows()]
    assert ws.merged_cells.ranges  # 該当箇所 merged over rows on the same place
    return rows[0], rows[1:]


def test_comment_table_reads_back_with_every_row(case):
    plan, files, exp = case
    head, body = _read_bessi1(files["comments"])
    assert head == ["No", "区分", "該当箇所", "意見の要旨", "市の考え方"]
    n = len(exp["comments"])
    assert 30 <= n <= 80 and [int(r[0]) for r in body] == list(range(1, n + 1))
    assert {r[1][0] for r in body} <= set("ABCD")
    check_linked_comments(exp)
    assert any("誤り" in c["opinion"] for c in plan.comments)
