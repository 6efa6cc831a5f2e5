"""The seventh blind family's generator (benchmarks/blind7_family.py) on two
tuning seeds (one with the 別紙1 as a DOCX table, one as a CP932 CSV): it is
deterministic, and its ground truth agrees with the files it writes — every
page a row names carries the row's key words on that printed page of the 案
PDF, the paths are headings of the 案, the editorial edits are really in the
素案 and the 案, the comment table reads back with one truth entry per row and
every linked comment exists. No revtool run, no LibreOffice."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx

from benchmarks import blind7_family as fam
from benchmarks.blind7_family import BLIND7_SEEDS, BLIND7_TUNING_SEEDS
from tests.blind_helpers import (
    case_fixture, check_editorial_in_versions, check_linked_comments, check_pdf_prints_the_docx, docx_text,
    key, paragraphs, pdf_pages,
)

case = case_fixture(fam, BLIND7_TUNING_SEEDS, "b7")


def test_seeds_are_split():
    assert not set(BLIND7_SEEDS) & set(BLIND7_TUNING_SEEDS)


def test_same_seed_same_files(case, tmp_path):
    plan, files, exp = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    assert json.loads(again["expected"].read_text(encoding="utf-8")) == exp
    for k in ("soan_pdf", "an_pdf", "comments"):
        if files[k].suffix != ".docx":
            assert again[k].read_bytes() == files[k].read_bytes(), k
    for k in ("soan", "an"):
        assert docx_text(again[k]) == docx_text(files[k])
    other = fam.generate(BLIND7_TUNING_SEEDS[2])
    assert [c.opinion for c in other.comments] != [c.opinion for c in plan.comments]


def test_every_page_named_carries_the_rows_key_words(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    soan = docx_text(files["soan"])
    assert 8 <= len(pages) <= 30
    assert 9 <= len(exp["rows"]) <= 12
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r["id"]
        for p in r["an_pages"]:  # each page named shows the decision, not only the first
            assert any(key(m) in key(pages[p]) for m in r["must_mention"]), (r["id"], r["decision"], p)
        text = key("".join(pages[p] for p in r["an_pages"]))
        for m in r["must_mention"]:  # a new value on the 案 pages; an old one (a 課 name, an old title) in the 素案
            assert key(m) in text or key(m) in soan, (r["id"], m)


def test_paths_are_headings_of_the_an(case):
    _, files, exp = case
    heads = [key(p.text) for p in paragraphs(files["an"])]
    for r in exp["rows"] + [dict(id=e["id"], section_paths=[e["section_path"]]) for e in exp["editorial"]]:
        assert r["section_paths"], r["id"]
        for path in r["section_paths"]:
            assert len(path) >= 2, r["id"]
            at = [heads.index(key(h)) for h in path]
            assert at == sorted(at), (r["id"], path)


def test_one_row_per_decision_however_many_places(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    by = {r["decision"]: r for r in exp["rows"]}
    law = by["X_law"]  # one law quoted in 第１ and 第５: one row, both pages
    assert len(law["section_paths"]) == 2 and len(law["an_pages"]) == 2
    assert {p[0][:2] for p in law["section_paths"]} == {"第１", "第５"}
    assert {r["cause"]["type"] for r in exp["rows"]} == {"comment", "external", "internal"}
    assert 4 <= sum(r["cause"]["type"] == "comment" for r in exp["rows"]) <= 6
    assert 1 <= sum(r["cause"]["type"] == "external" for r in exp["rows"]) <= 2
    assert 2 <= sum(r["cause"]["type"] == "internal" for r in exp["rows"]) <= 4
    jisseki = by["I_jisseki"]  # every 量の見込み table, one row
    assert len(jisseki["section_paths"]) >= 6
    for p in jisseki["an_pages"]:
        assert "実績(令和6年度)" in key(pages[p])
    assert "実績(令和5年度)" not in key("".join(pages.values()))
    assert len([d for d in exp["rows"] if d["decision"] in ("I_rename", "I_swap", "I_split", "I_merge")]) == 2


def test_headings_are_styles_in_one_version_and_bold_paragraphs_in_the_other(case):
    plan, files, _ = case
    styled = {}
    for v in ("soan", "an"):
        items = [p for p in paragraphs(files[v]) if re.match(r"[アイウエオ]　", p.text)]
        assert items
        styled[v] = all(p.style.name == "Heading 4" for p in items)
        if not styled[v]:
            assert all(p.style.name != "Heading 4" and all(r.bold for r in p.runs) for p in items)
    assert styled["soan"] != styled["an"]
    heads = [p.text for p in paragraphs(files["an"]) if p.style.name == "Heading 1"]
    assert heads[0] == "第１　計画の策定にあたって" and all(re.match(r"第[１-９]　", h) for h in heads)


def test_pdf_prints_what_the_docx_says(case):
    _, files, _ = case
    check_pdf_prints_the_docx(files)


def test_editorial_edits_are_in_the_versions(case):
    _, files, exp = case
    check_editorial_in_versions(files, exp, 8)


def _read_bessi1(path: Path) -> tuple[list[str], list[list[str]]]:
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("cp932"))))
        return rows[0], rows[1:]
    t = docx.Document(str(path)).tables[0]
    rows = [[c.text for c in r.cells] for r in t.rows]
    return rows[0], rows[1:]


def test_comment_table_reads_back_with_every_row(case):
    plan, files, exp = case
    head, body = _read_bessi1(files["comments"])
    assert head[2] == "御意見の概要" and head[3].endswith("考え方")
    n = len(exp["comments"])
    assert 40 <= n <= 80 and [int(r[0]) for r in body] == list(range(1, n + 1))
    assert [f"C{int(r[0]):02d}" for r in body] == [c["id"] for c in exp["comments"]]
    assert [r[3] for r in body] == [c["response"] for c in exp["comments"]]
    refs = {r[1] for r in body}
    assert "全体" in refs and any(re.fullmatch(r"P\.\d+", x) for x in refs) and any(x.startswith("第") for x in refs)
    check_linked_comments(exp)
    assert any(re.search(r"（他[０-９]件）", r[2]) for r in body)
    same = [r for r in body if re.fullmatch(r"No\.\d+と同様です。", r[3])]
    assert len(same) == 1
    num = re.search(r"\d+", same[0][3])
    assert num
    target = f"C{int(num[0]):02d}"
    row = next(r for r in exp["rows"] if target in r["cause"]["comment_ids"])
    assert f"C{int(same[0][0]):02d}" in row["cause"]["comment_ids"]
    assert any("誤り" in c.opinion for c in plan.comments)
    answers = " ".join(r[3] for r in body)
    assert "いたします" in answers and ("します。" in answers.replace("いたします。", ""))
