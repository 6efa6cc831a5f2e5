"""The seventeenth blind family's generator (benchmarks/blind17_family.py): the same files for the same seed, a
truth that agrees with the documents it describes (key words in the 案, pages where the 案 prints them, paths that
are the 案's headings, links to reflected comments, editorial edits that are in both versions), and formats spread
over the tuning and the held-out seeds. Tuning seeds only are generated here."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from benchmarks import blind17_family as fam


def key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


@pytest.fixture(scope="module", params=list(fam.BLIND17_TUNING_SEEDS))
def case(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    plan = fam.generate(request.param)
    files = fam.write_plan(plan, tmp_path_factory.mktemp(f"blind17-{request.param}"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def _doc_text(plan: fam.Plan, an: bool) -> str:
    blocks = fam.build(plan, an)
    return key(" ".join([b.text for b in blocks] + [c or "" for b in blocks for r in b.rows for c in r]))


def _pdf_pages(path: Path) -> dict[int, str]:
    """Printed page -> its text (the cover and 目次 have no number)."""
    out = {}
    with pdfplumber.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            if i >= 2:
                out[i - 1] = key(page.extract_text() or "")
            page.close()
    return out


def test_same_seed_same_files(case, tmp_path):  # type: ignore[no-untyped-def]
    plan, files, _ = case
    again = fam.write_plan(fam.generate(plan.seed), tmp_path)
    for name in ("soan_pdf", "an_pdf", "expected"):
        assert files[name].read_bytes() == again[name].read_bytes(), name
    for name in ("soan", "an"):
        if files[name].suffix == ".docx":
            with zipfile.ZipFile(files[name]) as a, zipfile.ZipFile(again[name]) as b:
                assert a.read("word/document.xml") == b.read("word/document.xml")
    if files["comments"].suffix == ".xlsx":
        def cells(p: Path) -> list:
            ws = load_workbook(p).active
            return [[c.value for c in row] for row in ws.iter_rows()] + [sorted(map(str, ws.merged_cells.ranges))]
        assert cells(files["comments"]) == cells(again["comments"])
    else:
        assert files["comments"].read_bytes() == again["comments"].read_bytes()


def test_plan_size(case):  # type: ignore[no-untyped-def]
    plan, files, exp = case
    s = fam.summary(plan)
    assert 40 <= s["an_pages"] <= 55
    assert 60 <= len(exp["comments"]) <= 120
    assert 11 <= len(exp["rows"]) <= 14 and s["rows"] == len(exp["rows"])
    assert len(exp["editorial"]) >= 20


def test_key_words_are_in_the_versions(case):  # type: ignore[no-untyped-def]
    """Every must_mention is in the 案 (an old value or name: in the 素案, and then its row has a new one in the 案)."""
    plan, _, exp = case
    an, soan = _doc_text(plan, True), _doc_text(plan, False)
    for row in exp["rows"]:
        assert row["must_mention"]
        assert any(key(m) in an for m in row["must_mention"]), row
        for m in row["must_mention"]:
            assert key(m) in an or key(m) in soan, (row["id"], m)


def test_pages_are_where_the_an_prints_them(case):  # type: ignore[no-untyped-def]
    """Each row's pages hold one of its key words as the 案's PDF prints them; no page outside the body."""
    plan, files, exp = case
    pages = _pdf_pages(files["an_pdf"])
    for row in exp["rows"]:
        assert set(row["an_pages"]) <= set(pages), row
        new_words = [key(m) for m in row["must_mention"] if key(m) in _doc_text(plan, True)]
        text = "".join(pages[p] for p in row["an_pages"])
        assert any(w in text or w[:8] in text for w in new_words), (row["id"], row["an_pages"], new_words)


def test_paths_are_headings_of_the_an(case):  # type: ignore[no-untyped-def]
    plan, _, exp = case
    heads = {b.path for b in fam.build(plan, True) if b.kind == "h"}
    for row in exp["rows"]:
        for p in row["section_paths"]:
            assert tuple(p) in heads, (row["id"], p)
    for e in exp["editorial"]:
        assert tuple(e["section_path"]) in heads


def test_links_and_comments(case):  # type: ignore[no-untyped-def]
    _, _, exp = case
    by_id = {c["id"]: c for c in exp["comments"]}
    assert list(by_id) == [f"C{i:02d}" for i in range(1, len(by_id) + 1)]
    linked = {c for row in exp["rows"] for c in row["cause"]["comment_ids"]}
    assert all(by_id[c]["reflected"] for c in linked)
    for row in exp["rows"]:
        assert (row["cause"]["type"] == "comment") == bool(row["cause"]["comment_ids"])
    # two reflected answers whose edit is a typo fixed: reflected, no row
    assert sum(1 for c in exp["comments"] if c["reflected"] and not c["row_ids"]) >= 2
    for k in exp["campaigns"]:
        nums = [int(m[1:]) for m in k["members"]]
        assert nums == list(range(nums[0], nums[0] + len(nums))) and len(nums) >= 3
        assert k["representative"] == k["members"][0]


def test_editorial_edits_are_in_both_versions(case):  # type: ignore[no-untyped-def]
    plan, _, exp = case
    an, soan = _doc_text(plan, True), _doc_text(plan, False)
    for e in exp["editorial"]:
        assert key(e["before"]) in soan and key(e["after"]) in an, e
        assert e["core_before"] != e["core_after"]


def test_formats_spread_over_both_seed_sets() -> None:
    for seeds in (fam.BLIND17_TUNING_SEEDS, fam.BLIND17_SEEDS):
        f = [fam.FORMATS[s] for s in seeds]
        assert {x[:2] for x in f} == {("docx", "docx"), ("pdf", "pdf"), ("docx", "pdf")}
        assert {x[2] for x in f} == {"xlsx", "pdf"}
        assert {x[3] for x in f if "docx" in x[:2]} == {"styles", "bold"}
