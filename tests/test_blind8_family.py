"""The eighth blind family's generator (benchmarks/blind8_family.py) on two
tuning seeds (one with the 別紙1 as an XLSX, one as a ruled PDF table): it is
deterministic, and its ground truth agrees with the files it writes — every
page a row names carries the row's key words on that printed page of the 案
PDF, the paths are headings of the 案, the editorial edits are really in the
素案 and the 案, the comment table reads back with one truth entry per row,
every linked comment exists and the campaign's members are counted exactly.
No revtool run, no LibreOffice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pdfplumber

from benchmarks import blind8_family as fam
from benchmarks.blind8_family import BLIND8_SEEDS, BLIND8_TUNING_SEEDS
from tests.blind_helpers import (
    case_fixture, check_editorial_in_versions, check_linked_comments, check_pdf_prints_the_docx, docx_text,
    key, paragraphs, pdf_pages,
)

case = case_fixture(fam, BLIND8_TUNING_SEEDS, "b8")


def _read_bessi1(path: Path) -> tuple[list[str], list[list[str]]]:
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(str(path)).active
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        assert rows[0][0].startswith("「第６次") and not any(rows[1])  # a title row, a blank row, then the header
        return rows[2], rows[3:]
    body: list[list[str]] = []
    head: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for t in page.extract_tables():
                head = [c.replace("\n", "") for c in t[0]]
                body += [[c.replace("\n", "") for c in r] for r in t[1:]]
    return head, body


def test_seeds_are_split():
    assert not set(BLIND8_SEEDS) & set(BLIND8_TUNING_SEEDS)


def test_same_seed_same_files(case, tmp_path):
    plan, files, exp = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    assert json.loads(again["expected"].read_text(encoding="utf-8")) == exp
    for k in ("soan_pdf", "an_pdf"):
        assert again[k].read_bytes() == files[k].read_bytes(), k
    if files["comments"].suffix == ".pdf":
        assert again["comments"].read_bytes() == files["comments"].read_bytes()
    else:
        assert _read_bessi1(again["comments"]) == _read_bessi1(files["comments"])
    for k in ("soan", "an"):
        assert docx_text(again[k]) == docx_text(files[k])
    other = fam.generate(BLIND8_TUNING_SEEDS[2])
    assert [c.opinion for c in other.comments] != [c.opinion for c in plan.comments]


def test_every_page_named_carries_the_rows_key_words(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    soan = docx_text(files["soan"])
    assert 60 <= len(pages) <= 120
    assert 10 <= len(exp["rows"]) <= 17
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r["id"]
        for p in r["an_pages"]:  # each page named shows the decision (starting there: a name may run over the page end)
            assert any(key(m) in key(pages[p] + pages.get(p + 1, ""))[:len(key(pages[p])) + len(key(m)) - 1]
                       for m in r["must_mention"]), (r["id"], r["decision"], p)
        text = key("".join(pages[p] for p in r["an_pages"]))
        for m in r["must_mention"]:  # a new value on the 案 pages; an old one (an org, an old title) in the 素案
            assert key(m) in text or key(m) in soan, (r["id"], m)


def test_paths_are_headings_of_the_an(case):
    _, files, exp = case
    heads = [(int(p.style.name[-1]), key(p.text)) for p in paragraphs(files["an"]) if p.style.name.startswith("Heading")]
    chains = set()  # every heading's path from its Heading 1
    chain: list[str] = []
    for level, text in heads:
        chain = chain[:level - 1] + [text]
        chains.add(tuple(chain))
    for r in exp["rows"] + [dict(id=e["id"], section_paths=[e["section_path"]]) for e in exp["editorial"]]:
        assert r["section_paths"], r["id"]
        for path in r["section_paths"]:
            assert len(path) >= 2, r["id"]
            assert tuple(key(h) for h in path) in chains, (r["id"], path)


def test_one_row_per_decision_however_many_places(case):
    _, files, exp = case
    pages = pdf_pages(files["an_pdf"])
    soan_pages = pdf_pages(files["soan_pdf"])
    by = {r["decision"]: r for r in exp["rows"]}
    law = by["X_law"]  # one law quoted in two 分野: one row, both pages
    assert len(law["section_paths"]) == 2 and len(law["an_pages"]) == 2
    assert len({p[1][:4] for p in law["section_paths"]}) == 2
    assert {r["cause"]["type"] for r in exp["rows"]} == {"comment", "external", "internal"}
    assert 6 <= sum(r["cause"]["type"] == "comment" for r in exp["rows"]) <= 10
    assert 1 <= sum(r["cause"]["type"] == "external" for r in exp["rows"]) <= 3
    assert 2 <= sum(r["cause"]["type"] == "internal" for r in exp["rows"]) <= 4
    cur = by["I_current"]  # every 成果目標 table, one row
    assert len(cur["section_paths"]) == 8
    for p in cur["an_pages"]:
        assert "(2024年)" in key(pages[p])
    assert "(2023年)" not in key("".join(pages.values()))
    assert key("".join(soan_pages.values())).count("(2023年)") >= 24
    org = by["I_org"]  # the secretariat renamed everywhere: one row, every page
    old, new = org["must_mention"]
    assert key(old) not in key("".join(pages.values()))
    assert {p for p, t in pages.items() if key(new) in key(t)} <= set(org["an_pages"])
    assert key("".join(pages[p] for p in org["an_pages"])).count(key(new)) >= len(org["an_pages"]) - 1
    assert len([d for d in exp["rows"] if d["decision"] in ("I_rename", "I_swap", "I_split", "I_merge")]) == 2


def test_pdf_prints_what_the_docx_says(case):
    _, files, _ = case
    check_pdf_prints_the_docx(files, toc_lines=4 + 4 + 8 + 3 + 2)


def test_editorial_edits_are_in_the_versions(case):
    _, files, exp = case
    check_editorial_in_versions(files, exp, 8, raw_soan=True)


def test_comment_table_reads_back_with_every_row(case):
    plan, files, exp = case
    head, body = _read_bessi1(files["comments"])
    assert head == ["番号", "該当箇所", "御意見の概要", "御意見に対する考え方"]
    n = len(exp["comments"])
    assert 300 <= n <= 800 and [int(r[0]) for r in body] == list(range(1, n + 1))
    assert [f"C{int(r[0]):02d}" for r in body] == [c["id"] for c in exp["comments"]]
    assert [r[2] for r in body] == [c["opinion"] for c in exp["comments"]]
    assert [r[3] for r in body] == [c["response"] for c in exp["comments"]]
    refs = {r[1] for r in body}
    assert "全体" in refs and any(re.fullmatch(r"P\.\d+", x) for x in refs)
    assert any(re.fullmatch(r"第２部第[１-８]分野２（[１-６]）[①-⑦]", x) for x in refs)
    check_linked_comments(exp)
    answers = " ".join(r[3] for r in body)
    for phrase in ("御意見を踏まえ", "いたします。", "原案のとおりとさせていただきます", "御意見として承ります",
                   "今後の施策の参考とさせていただきます"):
        assert phrase in answers, phrase
    group = next(r for r in exp["rows"] if r["decision"] == "C_add")  # caused by a 同趣旨 group: its one row
    (gid,) = group["cause"]["comment_ids"]
    assert re.search(r"。同趣旨の御意見（他\d+件）$", body[int(gid[1:]) - 1][2])


def test_campaign_members_are_counted_exactly(case):
    _, files, exp = case
    _, body = _read_bessi1(files["comments"])
    (camp,) = exp["campaigns"]
    rep = int(camp["representative"][1:])
    item = re.search(r"成果目標「[^」]+」の目標値", body[rep - 1][2])
    assert item
    members = [f"C{int(r[0]):02d}" for r in body if item[0] in r[2]]
    assert members[0] == camp["representative"] and members[1:] == camp["members"]
    assert 110 <= camp["count"] == len(members) <= 300
    assert len({r[2] for r in body if item[0] in r[2]}) >= 10  # small edits, not one text
    for cid in camp["members"]:
        assert body[int(cid[1:]) - 1][3] == f"番号{rep}の御意見に対する考え方を御参照ください。"
    target = next(r for r in exp["rows"] if r["decision"] == "C_target")
    assert target["cause"]["comment_ids"] == [camp["representative"]]
    assert not set(camp["members"]) & {c for r in exp["rows"] for c in r["cause"]["comment_ids"]}
