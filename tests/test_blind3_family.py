"""The third blind family's generator (benchmarks/blind3_family.py): the same
seed gives the same plan, and its ground truth agrees with the documents it
writes (key words of every row on the 案 pages it names, editorial edits
really in the text, comments pointing at places that exist). No revtool run."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from benchmarks import blind3_family as fam
from benchmarks.blind3_family import BLIND3_TUNING_SEEDS

SEEDS = list(BLIND3_TUNING_SEEDS)


def _key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


@pytest.fixture(scope="module")
def plans() -> dict[int, fam.Plan]:
    return {s: fam.generate(s) for s in SEEDS}


def _page_text(st: fam.State, plan: fam.Plan) -> dict[int, str]:
    r = fam.render(st, plan.fullwidth, plan.title)
    return {n: _key("".join(ln.text for ln in page)) for n, page in enumerate(r.pages) if n}


def _all_text(st: fam.State, plan: fam.Plan) -> str:
    return "".join(_page_text(st, plan).values())


def test_same_seed_same_plan_other_seed_other_plan(tmp_path) -> None:
    a, b = fam.generate(6001), fam.generate(6001)
    assert fam.expected(a) == fam.expected(b)
    assert fam.comment_table(a) == fam.comment_table(b)
    fa = fam.write_plan(a, tmp_path / "a")
    fb = fam.write_plan(b, tmp_path / "b")
    assert fa["an_pdf"].read_bytes() == fb["an_pdf"].read_bytes()
    assert fa["expected"].read_text(encoding="utf-8") == fb["expected"].read_text(encoding="utf-8")
    assert fam.expected(fam.generate(6002))["rows"] != fam.expected(a)["rows"]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_row_key_word_is_on_the_an_pages_it_names(plans, seed) -> None:
    plan = plans[seed]
    an, so = _page_text(plan.an, plan), _all_text(plan.soan, plan)
    assert 12 <= len(plan.rows) <= 20
    for r in plan.rows:
        assert r["an_pages"], r["id"]
        shown = "".join(an[p] for p in r["an_pages"])
        for m in r["must_mention"]:
            if r["kind"] == "deleted":  # gone from the 案: it was in the 素案 and is no more
                assert so.count(_key(m)) > _all_text(plan.an, plan).count(_key(m)), (r["id"], m)
            else:
                assert _key(m) in shown, (r["id"], m, r["an_pages"])


@pytest.mark.parametrize("seed", SEEDS)
def test_rows_sit_under_real_an_headings_and_causes_are_consistent(plans, seed) -> None:
    plan = plans[seed]
    r_an = fam.render(plan.an, plan.fullwidth, plan.title)
    heads = {tuple(_key(h) for h in p) for uid, level, _, _ in r_an.blocks if level for p in [r_an.paths[uid]]}
    linked = {c["id"]: c for c in plan.comments}
    for r in plan.rows:
        for path in r["section_paths"]:
            assert tuple(_key(h) for h in path) in heads, (r["id"], path)
        ids = r["cause"]["comment_ids"]
        assert (r["cause"]["type"] == "comment") == bool(ids), r["id"]
        for c in ids:
            assert linked[c]["reflected"] and linked[c]["row_ids"] == [r["id"]]
    kinds = {r["cause"]["type"] for r in plan.rows}
    assert kinds == {"comment", "external", "internal"}


@pytest.mark.parametrize("seed", SEEDS)
def test_editorial_edits_are_in_the_text_and_not_in_any_row(plans, seed) -> None:
    plan = plans[seed]
    so, an = _all_text(plan.soan, plan), _all_text(plan.an, plan)
    assert len(plan.editorial) >= 15
    for e in plan.editorial:
        assert e["core_before"] != e["core_after"]
        assert _key(e["before"]) in so, e
        assert _key(e["after"]) in an, e
        assert e["soan_page"] and e["an_page"]
    # the block holding an edit differs by the edits only (no row's change hides in it)
    so_b = {uid: b.text for uid, _, b, _ in fam.render(plan.soan, plan.fullwidth, "").blocks}
    an_b = {uid: b.text for uid, _, b, _ in fam.render(plan.an, plan.fullwidth, "").blocks}
    edited: dict[str, str] = {}
    for e in plan.editorial:
        t = edited.get(e["block"], an_b[e["block"]])
        assert e["after"] in t, e
        edited[e["block"]] = t.replace(e["after"], e["before"], 1)
    for uid, t in edited.items():
        assert t == so_b[uid], uid
    located = {uid for r in plan.rows for uid in r["blocks"]}
    assert located and not located & set(edited)


@pytest.mark.parametrize("seed", SEEDS)
def test_comments_point_at_places_of_the_soan(plans, seed) -> None:
    plan = plans[seed]
    so = fam.render(plan.soan, plan.fullwidth, plan.title)
    last = len(so.pages) - 1
    assert 40 <= len(plan.comments) <= 150
    assert [c["id"] for c in plan.comments] == [f"C{i:02d}" for i in range(1, len(plan.comments) + 1)]
    off = 0
    for c in plan.comments:
        if not c["target"]:
            assert c["ref_place"] and not c["soan_pages"]
            continue
        assert c["soan_pages"] and all(1 <= p <= last for p in c["soan_pages"])
        page = re.search(r"\d+", c["ref_page"])
        assert page, c
        n = int(page.group())
        assert min(c["soan_pages"]) - 1 <= n <= max(c["soan_pages"]) + 1, c
        off += not (min(c["soan_pages"]) <= n <= max(c["soan_pages"]))
    assert off <= len(plan.comments) // 4  # slips are the exception
    reflected = [c for c in plan.comments if c["reflected"]]
    assert all(c["category"] == "A" for c in reflected)
    assert any(not c["row_ids"] for c in reflected)  # the typo pointed out, fixed, no row


def test_the_files_are_what_the_truth_describes(plans, tmp_path) -> None:
    import docx
    import openpyxl

    for seed in (6001, 6002):
        plan = plans[seed]
        f = fam.write_plan(plan, tmp_path / str(seed))
        exp = json.loads(f["expected"].read_text(encoding="utf-8"))
        assert [r["id"] for r in exp["rows"]] == [r["id"] for r in plan.rows]
        d = docx.Document(str(f["an"]))
        styles = {p.style.name for p in d.paragraphs if p.text.startswith(("第", "施策", "基本目標"))}
        assert {"Heading 1", "Heading 2", "Heading 4"} <= styles
        assert f["an_pdf"].read_bytes().startswith(b"%PDF")
        want = fam.comment_table(plan)
        if plan.comment_style == "xlsx":
            ws = openpyxl.load_workbook(str(f["comments"])).active
            rows = [["" if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]
            for rng in ws.merged_cells.ranges:  # a merged cell holds its value in the top-left cell only
                top = rows[rng.min_row - 1][rng.min_col - 1]
                assert top and all(not rows[r - 1][rng.min_col - 1] for r in range(rng.min_row + 1, rng.max_row + 1))
                for r in range(rng.min_row + 1, rng.max_row + 1):
                    rows[r - 1][rng.min_col - 1] = top
            head = next(i for i, r in enumerate(rows) if r and r[0] == "No.")
            assert rows[head:] == want
        else:
            t = docx.Document(str(f["comments"])).tables[0]
            assert [[c.text for c in r.cells] for r in t.rows] == want  # python-docx repeats a merged cell per row
    assert fam.merged_runs(fam.comment_table(plans[6001]), [1, 2])  # the campaign under one 該当箇所
