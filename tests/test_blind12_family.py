"""The twelfth blind family's generator is consistent with itself: each truth row's
text is printed in the 案 on the pages it names and nowhere in the 素案, its
section paths are headings of the 案, its comments exist and were answered 反映,
editorial edits are in the versions, the 別紙1 carries every comment, and a seed
always gives the same plan. Tuning seeds only; no revtool decision is asserted."""

from __future__ import annotations

import json
import re

from openpyxl import load_workbook

from benchmarks import blind12_family as fam
from tests.blind_helpers import case_fixture, check_linked_comments, check_pdf_prints_the_docx, key, pdf_pages

case = case_fixture(fam, fam.BLIND12_TUNING_SEEDS, "blind12")


def test_formats_follow_the_seed(case):
    plan, files, _ = case
    if plan.seed % 2:
        assert files["soan"].suffix == ".docx" and files["comments"].suffix == ".pdf"
    else:
        assert files["soan"] == files["soan_pdf"] and files["comments"].suffix == ".xlsx"


def test_each_row_is_printed_in_the_an_on_its_pages_and_not_in_the_soan(case):
    plan, files, exp = case
    an, soan = pdf_pages(files["an_pdf"]), pdf_pages(files["soan_pdf"])
    assert 55 <= max(an) <= 90
    soan_all = key("".join(soan.values()))
    rows = {r["decision"]: r for r in exp["rows"]}
    assert {d for d, _ in plan.shown} == set(rows)
    for d, text in plan.shown:
        on_pages = key("".join(an[p] for p in rows[d]["an_pages"]))
        assert key(text) in on_pages, (d, text)
        assert key(text) not in soan_all, (d, text)


def test_rows_point_at_headings_of_the_an(case):
    plan, _, exp = case
    heads = [b.path for b in plan.an if b.kind.startswith("h")]
    assert 12 <= len(exp["rows"]) <= 15
    for r in exp["rows"]:
        for p in r["section_paths"]:
            assert p in heads, (r["id"], p)
        assert all(m in r["summary"] for m in r["must_mention"])
    causes = [r["cause"]["type"] for r in exp["rows"]]
    assert 6 <= causes.count("comment") <= 9 and causes.count("external") == 2 and causes.count("internal") == 4
    law = next(r for r in exp["rows"] if r["decision"] == "law")
    assert [p[0] for p in law["section_paths"]] == ["第１編　総論", "第２編　基本計画"] and len(law["an_pages"]) == 2


def test_comments_and_the_campaign(case):
    plan, _, exp = case
    check_linked_comments(exp)
    assert 40 <= len(plan.comments) <= 120
    (camp,) = exp["campaigns"]
    assert 10 <= len(camp["members"]) <= 20 and camp["representative"] == camp["members"][0]
    rep = next(c for c in plan.comments if c["id"] == camp["representative"])
    organic = next(r for r in exp["rows"] if r["decision"] == "organic")
    assert organic["cause"]["comment_ids"] == [rep["id"]]
    for c in plan.comments:
        if c["id"] in camp["members"][1:]:
            assert c["answer"] == f"No.{rep['no']}と同じ"


def test_editorial_edits_are_in_the_versions(case):
    _, files, exp = case
    soan = "".join(pdf_pages(files["soan_pdf"]).values())
    an = "".join(pdf_pages(files["an_pdf"]).values())
    assert len(exp["editorial"]) >= 8
    for e in exp["editorial"]:
        assert e["after"] in an, e["id"]
        if e["before"]:
            assert e["before"] in soan and e["before"] not in an, e["id"]


def test_bessi1_carries_every_comment(case):
    plan, files, _ = case
    if files["comments"].suffix == ".xlsx":
        rows = list(load_workbook(files["comments"]).active.iter_rows(values_only=True))
        header = rows.index(tuple(fam.HEADER))
        assert (rows[1][0] == fam.LEGEND) == plan.choices["legend"]
        assert [r[0] for r in rows[header + 1:]] == [c["no"] for c in plan.comments]
    else:
        data = files["comments"].read_bytes().decode("latin-1")
        pages = ["".join(bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", st))
                 for st in re.findall(r"stream\n(.*?)\nendstream", data, re.S)]
        text = "".join(pages)
        assert len(pages) >= 2 and all("番号区分該当箇所" in t for t in pages)  # the header on every page
        assert data.count(" l") > 100  # ruled
        assert (fam.LEGEND in text) == plan.choices["legend"]
        for c in plan.comments:  # a cell's first line is printed whole, whatever page the row ends on
            assert c["opinion"][:fam.COLS[3][1]] in text, c["id"]


def test_the_docx_prints_as_its_pdf(case):
    plan, files, _ = case
    if plan.seed % 2:
        check_pdf_prints_the_docx(files, toc_lines=sum(b.kind == "toc" for b in plan.an))


def test_a_seed_gives_the_same_plan(case, tmp_path):
    plan, files, exp = case
    again = fam.generate(plan.seed)
    f2 = fam.write_plan(again, tmp_path)
    assert json.loads(f2["expected"].read_text(encoding="utf-8")) == exp
    assert f2["an_pdf"].read_bytes() == files["an_pdf"].read_bytes()
    assert f2["comments"].suffix != ".pdf" or f2["comments"].read_bytes() == files["comments"].read_bytes()
