"""The tenth blind family's generator is consistent with itself: its truth rows
point at headings and printed pages that exist in 案, the comments they cite
exist, editorial edits are nothing but the edit, and a seed always gives the
same plan. No revtool decision is asserted here."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from benchmarks import blind10_family as fam


@pytest.fixture(scope="module", params=[12001, 12002])
def plan(request):
    return fam.generate(request.param)


def _headings(blocks):
    return [b.path for b in blocks if b.kind in ("h1", "h2", "h3")]


def test_truth_paths_and_pages_exist_in_an(plan):
    heads = _headings(plan.an)
    last = max(plan.an_where.values())
    assert 50 <= last <= 90
    for r in plan.rows:
        assert r["section_paths"] and r["an_pages"]
        for p in r["section_paths"]:
            assert p in heads, (r["id"], p)
        assert all(1 <= n <= last for n in r["an_pages"])
        for m in r["must_mention"]:
            assert m in r["summary"]


def test_decisions_change_the_text_where_the_truth_says(plan):
    soan = {b.uid: b for b in plan.soan}
    an = {b.uid: b for b in plan.an}
    by_path: dict = {}
    for b in plan.an:
        by_path.setdefault(tuple(b.path), []).append(b)
    for r in plan.rows:
        changed = False
        for p in r["section_paths"]:
            for b in by_path[tuple(p)]:
                old = soan.get(b.uid)
                if old is None or (old.text, old.rows) != (b.text, b.rows):
                    changed = True
        assert changed, r["id"]
    assert set(an) - set(soan)  # the split adds sections


def test_kinds_and_comment_links(plan):
    kinds = [r["kind"] for r in plan.rows]
    assert 7 <= kinds.count("comment") <= 9
    assert kinds.count("external") == 1
    assert kinds.count("internal") == 5
    ext = next(r for r in plan.rows if r["kind"] == "external")
    assert len(ext["an_pages"]) == 2 and len(ext["section_paths"]) == 2
    ids = {c["id"]: c for c in plan.comments}
    assert 60 <= len(ids) <= 200
    for r in plan.rows:
        if r["kind"] == "comment":
            assert r["cause"]["comment_ids"]
            for c in r["cause"]["comment_ids"]:
                assert ids[c]["reflected"] and ids[c]["status"] == "反映"
        else:
            assert not r["cause"]["comment_ids"]
    cited = {c for r in plan.rows for c in r["cause"]["comment_ids"]}
    assert cited == {c for c, v in ids.items() if v["reflected"]}


def test_editorial_edits_are_only_the_edit_and_not_rows(plan):
    soan = {b.uid: b for b in plan.soan}
    an = {b.uid: b for b in plan.an}
    row_paths = {tuple(p) for r in plan.rows for p in r["section_paths"]}
    kinds = {e["what"] for e in plan.editorial}
    assert {"障害のある人→障がいのある人", "子供→子ども", "出来る→できる", "全て→すべて", "目次", "番号の繰下げ"} <= kinds
    for e in plan.editorial:
        if e["what"] in ("目次", "番号の繰下げ"):
            continue
        olds = [b for b in plan.soan if b.kind == "p" and e["before"] in b.text and b.uid in an]
        assert any(b.text.replace(e["before"], e["after"], 1) == an[b.uid].text for b in olds), e
        assert not any(m in e["after"] for r in plan.rows for m in r["must_mention"])
    # a paragraph that differs and carries no decision differs by one editorial edit
    edits = [e for e in plan.editorial if e["what"] not in ("目次", "番号の繰下げ")]
    for uid, b in soan.items():
        if b.kind == "p" and uid in an and b.text != an[uid].text and not b.fixed:
            assert sum(e["before"] in b.text and e["after"] in an[uid].text for e in edits) >= 1, uid
            assert tuple(an[uid].path) not in row_paths or not any(
                m in an[uid].text for r in plan.rows for m in r["must_mention"]), uid


def test_deterministic_per_seed_and_files(tmp_path):
    a, b = fam.generate(12003), fam.generate(12003)
    assert a.rows == b.rows and a.editorial == b.editorial and a.comments == b.comments
    assert fam.generate(12002).rows != a.rows or fam.generate(12002).comments != a.comments
    f = fam.write_plan(a, tmp_path)
    for k in ("soan", "an", "soan_pdf", "an_pdf", "comments", "expected"):
        assert f[k].stat().st_size > 0
    exp = json.loads(f["expected"].read_text(encoding="utf-8"))
    assert [r["id"] for r in exp["rows"]] == [r["id"] for r in a.rows]
    wb = load_workbook(f["comments"])
    data = sum(ws.max_row - 2 for ws in wb)  # a title row and a header row per sheet
    assert data == len(a.comments)
    assert [ws.title for ws in wb] == ["パブリックコメント", "団体ヒアリング"]  # odd seed: two sheets
