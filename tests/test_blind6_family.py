"""The sixth blind family's generator (benchmarks/blind6_family.py) on two
tuning seeds (one with the 別紙1 as an XLSX with merged 該当箇所 cells, one as
a TSV): its ground truth agrees with the files it writes — every row's key
words are on the 案 pages it names, the pages exist, the editorial edits are
really in the 素案 and the 案, the comment table reads back with one truth
entry per row. No revtool run, no LibreOffice."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest

from benchmarks import blind6_family as fam
from benchmarks.blind6_family import BLIND6_SEEDS, BLIND6_TUNING_SEEDS


def _key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _pdf_pages(path: Path) -> dict[int, str]:
    """The text of each printed page by its 「- n -」 footer (the cover carries none)."""
    data = path.read_bytes().decode("latin-1")
    out = {}
    for s in re.findall(r"stream\n(.*?)\nendstream", data, re.S):
        lines = [bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", s)]
        nums = [int(m[1]) for x in lines if (m := re.fullmatch(r"- (\d+) -", x))]
        if nums:
            out[nums[0]] = "".join(x for x in lines if not re.fullmatch(r"- \d+ -", x))
    return out


def _docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += [c.text for r in t.rows for c in r.cells]
    return _key("".join(parts))


@pytest.fixture(scope="module", params=[BLIND6_TUNING_SEEDS[0], BLIND6_TUNING_SEEDS[1]])
def case(request, tmp_path_factory):
    plan = fam.generate(request.param)
    files = fam.write_plan(plan, tmp_path_factory.mktemp(f"b6-{request.param}"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def test_seeds_are_split():
    assert not set(BLIND6_SEEDS) & set(BLIND6_TUNING_SEEDS)


def test_every_key_word_is_on_the_an_pages_named(case):
    _, files, exp = case
    pages = _pdf_pages(files["an_pdf"])
    soan = _docx_text(files["soan"])
    assert 12 <= len(pages) <= 20
    assert 8 <= len(exp["rows"]) <= 12
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r["id"]
        text = _key("".join(pages[p] for p in r["an_pages"]))
        assert any(_key(m) in text for m in r["must_mention"]), r["id"]
        for m in r["must_mention"]:  # a new value on the 案 pages; an old one (6.5㎡, 都市整備部) in the 素案
            assert _key(m) in text or _key(m) in soan, (r["id"], m)
        assert r["section_paths"] and all(len(p) >= 2 for p in r["section_paths"]), r["id"]


def test_one_row_per_decision_however_many_places(case):
    _, files, exp = case
    pages = _pdf_pages(files["an_pdf"])
    law = [r for r in exp["rows"] if any("法律第" in m for m in r["must_mention"])]
    assert len(law) == 1 and len(law[0]["section_paths"]) == 2 and len(law[0]["an_pages"]) == 2
    assert {r["cause"]["type"] for r in exp["rows"]} == {"comment", "external", "internal"}
    now = next(r for r in exp["rows"] if r["decision"] == "I_now")  # every 数値目標 table, one row
    assert len(now["section_paths"]) >= 5
    for p in now["an_pages"]:
        assert "現状値(令和6年度)" in _key(pages[p])
    # a 地域 section is named without a number
    row = next(r for r in exp["rows"] if r["decision"] == "C_row")
    assert row["section_paths"][0][1].endswith("地域")


def test_editorial_edits_are_in_the_versions(case):
    _, files, exp = case
    soan, an = _docx_text(files["soan"]), _docx_text(files["an"])
    raw_an = "\n".join(p.text for p in docx.Document(str(files["an"])).paragraphs)
    assert len(exp["editorial"]) >= 8
    for e in exp["editorial"]:
        assert _key(e["before"]) in soan and _key(e["after"]) in an, e["id"]
        assert e["before"] not in raw_an, e["id"]


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
    ids = {c["id"] for c in exp["comments"]}
    linked = [c for r in exp["rows"] for c in r["cause"]["comment_ids"]]
    assert set(linked) <= ids and len(linked) == len(set(linked))
    assert set(linked) <= {c["id"] for c in exp["comments"] if c["reflected"]}
    for r in exp["rows"]:  # a comment decision is answered
        assert (r["cause"]["type"] == "comment") == bool(r["cause"]["comment_ids"]), r["id"]
    assert any("誤り" in c["opinion"] for c in plan.comments)
