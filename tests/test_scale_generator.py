"""The scale generator of ``make bench`` (benchmarks/scale.py): deterministic,
hits the requested counts, and its ground truth agrees with the documents.

And the plan families of ``make accuracy`` (benchmarks/families.py): the
ground truth holds exactly the decisions injected, one row each, with every
place's page; editorial edits and consequences are never rows; held-out seeds
are apart from tuning seeds; the scorer counts a perfect table as perfect."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.accuracy_score import score_case
from benchmarks.families import (FAMILIES, HELDOUT_SEEDS, TUNING_SEEDS, generate_plan, split_of, walk,
                                 write_plan)
from benchmarks.scale import ScalePair, counts, generate, match_changes, write_comments_tsv, write_docx
from revtool.model import Change, ChangeKind, Section, Verdict

PAGES = 15


@pytest.fixture(scope="module")
def pair() -> ScalePair:
    return generate(PAGES, seed=7)


def _key(s: str) -> str:
    return "".join(s.split())


def _own(sec: Section | None) -> str:
    return _key(sec.own_text()) if sec is not None else ""


def test_same_seed_same_pair(pair: ScalePair) -> None:
    again = generate(PAGES, seed=7)
    assert again == pair
    assert generate(PAGES, seed=8).old != pair.old


def test_requested_counts(pair: ScalePair) -> None:
    want = counts(PAGES)
    got = pair.counts()
    for k in ("substantive", "editorial", "moved", "comments"):
        assert got[k] == want[k], k
    assert want["chars"] <= got["chars"] <= 1.25 * want["chars"]
    assert counts(300) == {"substantive": 200, "editorial": 500, "moved": 100, "comments": 2000, "chars": 399_900}


def test_edit_paths_exist(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    for e in pair.edits:
        assert e.old_path or e.new_path
        if e.old_path:
            assert e.old_path in old, e
        if e.new_path:
            assert e.new_path in new, e


def test_content_edits_are_in_the_text(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    for e in pair.edits:
        if e.id.startswith("M") or e.kind.startswith("section-"):
            continue
        before, after = _key(e.before), _key(e.after)
        assert before != after, e
        if before:
            assert before in _own(old[e.old_path]), e
        if after:
            assert after in _own(new[e.new_path]), e
        assert (before and before not in _own(new[e.new_path])) or (after and after not in _own(old[e.old_path])), e


def test_every_difference_is_an_edit(pair: ScalePair) -> None:
    """A section whose own text differs between the versions (same path) carries an edit."""
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    edited = {e.new_path for e in pair.edits} | {e.old_path for e in pair.edits}
    for path in old.keys() & new.keys():
        if _own(old[path]) != _own(new[path]):
            assert path in edited, path
    for path in new.keys() - old.keys():
        assert any(e.new_path == path[:len(e.new_path)] for e in pair.edits), path


def test_moves_and_renames_keep_the_content(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    moved = [e for e in pair.edits if e.id.startswith("M")]
    assert moved
    for e in moved:
        a, b = old[e.old_path], new[e.new_path]
        assert e.old_path != e.new_path
        assert a.body_hash == b.body_hash
        if e.kind == "moved":
            assert a.content_hash == b.content_hash
            assert e.old_path[:-1] != e.new_path[:-1]
        else:
            assert a.heading != b.heading


def test_comments_agree_with_edits(pair: ScalePair) -> None:
    old = dict(pair.old.walk())
    edits = {e.id: e for e in pair.edits}
    assert [c.row for c in pair.comments] == list(range(1, len(pair.comments) + 1))
    assert {c.response_type for c in pair.comments} == {"反映", "既記載", "参考", "不反映", "その他"}
    for c in pair.comments:
        assert c.id == f"C{c.row:02d}"
        assert c.ref and c.opinion and c.response
        assert (c.response_type == "反映") == bool(c.edit_ids)
        for eid in c.edit_ids:
            assert edits[eid].substantive and edits[eid].cause == "comment"
            assert c.id in edits[eid].comment_ids
        assert c.section_path in old
    for e in pair.edits:
        assert (e.cause == "comment") == bool(e.comment_ids), e
        if e.substantive and not e.id.startswith("M"):
            assert e.cause in ("comment", "external", "internal")


def test_truth_json_round_trips(pair: ScalePair) -> None:
    import json

    data = json.loads(json.dumps(pair.truth_json(), ensure_ascii=False))
    assert data["counts"] == pair.counts()
    assert len(data["edits"]) == len(pair.edits)


def test_match_changes_on_a_perfect_diff(pair: ScalePair) -> None:
    """One change per content edit, built from the truth, is all found and nothing is left over."""
    changes = []
    for e in pair.edits:
        if e.id.startswith("M"):
            kind = ChangeKind.MOVED if e.kind == "moved" else ChangeKind.RENAMED
        else:
            kind = ChangeKind.MODIFIED
        changes.append(Change(e.id, kind, e.new_path or e.old_path, e.old_path or e.new_path, e.before, e.after,
                              Verdict(e.substantive, "truth", "")))
    got = match_changes(pair, changes)
    assert got["substantive_found"] == got["substantive_as_substantive"] == got["substantive"]
    assert got["editorial_shown"] == got["editorial"] and got["editorial_as_substantive"] == 0
    assert got["moved_seen"] == got["moved"]
    assert got["unmatched_changes"] == 0


def test_comment_table_reads_back(pair: ScalePair, tmp_path: Path) -> None:
    from revtool.comments import read_comment_table

    path = tmp_path / "bessi1.tsv"
    write_comments_tsv(pair, path)
    rows = read_comment_table(path)
    assert [(r.ref, r.opinion, r.response) for r in rows] == [(c.ref, c.opinion, c.response) for c in pair.comments]


def test_docx_extracts_to_the_same_headings(tmp_path: Path) -> None:
    from revtool.extract import extract

    small = generate(3, seed=2)
    path = tmp_path / "soan.docx"
    write_docx(small.old, path)
    first = path.read_bytes()
    write_docx(small.old, path)
    assert path.read_bytes() == first  # deterministic bytes
    got = [p for p, _ in extract(path).walk()]
    assert got == [p for p, _ in small.old.walk()]


@pytest.mark.parametrize("pages,seed", [(1, 1), (5, 3), (24, 4)])
def test_counts_at_other_sizes(pages: int, seed: int) -> None:
    want, got = counts(pages), generate(pages, seed).counts()
    assert {k: got[k] for k in PER_KEYS} == {k: want[k] for k in PER_KEYS}


PER_KEYS = ("substantive", "editorial", "moved", "comments")


# ---------------------------------------------------------------- plan families (make accuracy)

SMALL = {name: replace(f, measures=6, comments=min(f.comments, 20), decisions=8, editorial=10)
         for name, f in FAMILIES.items()}


def _text(tree) -> str:
    out = []
    for _, n in walk(tree):
        out.append(n.heading)
        for b in n.blocks:
            out.append(b.text if b.kind != "table" else "\n".join("\t".join(r) for r in b.rows))
    return "\n".join(out)


def test_seeds_are_disjoint_and_labelled() -> None:
    assert not set(TUNING_SEEDS) & set(HELDOUT_SEEDS)
    assert all(split_of(s) == "tuning" for s in TUNING_SEEDS)
    assert all(split_of(s) == "held-out" for s in HELDOUT_SEEDS)


@pytest.mark.parametrize("family", sorted(SMALL))
def test_truth_rows_are_the_decisions_injected(family: str, tmp_path: Path) -> None:
    plan = generate_plan(SMALL[family], TUNING_SEEDS[0])
    files = write_plan(plan, tmp_path)
    exp = json.loads(files["expected"].read_text(encoding="utf-8"))
    assert exp["split"] == "tuning"
    assert [r["id"] for r in exp["rows"]] == [d.id for d in plan.decisions]
    assert len(plan.decisions) >= 6
    # the structural kinds the issue lists are there
    kinds = {r["kind"] for r in exp["rows"]}
    assert {"law-revision", "rename"} <= kinds, kinds
    for r in exp["rows"]:
        assert r["an_pages"], r  # every place has a printed page
        assert r["section_paths"] and all(r["section_paths"])
        assert r["must_mention"]
        if r["kind"] == "law-revision":
            assert len(r["section_paths"]) == 2 and r["cause"]["type"] == "external"  # quoted twice: one row
        for m in r["must_mention"]:  # every key word is in the plan (an old value in 素案, the rest in 案)
            assert m in _text(plan.new) or (r["kind"] in ("target", "sentence-deleted") and m in _text(plan.old)), (r["id"], m)
        if r["cause"]["type"] == "comment":
            assert r["cause"]["comment_ids"]
        else:
            assert not r["cause"]["comment_ids"]
    # comments: every link in the rows is a 反映 comment pointing back at its row
    by_id = {c["id"]: c for c in exp["comments"]}
    for r in exp["rows"]:
        for cid in r["cause"]["comment_ids"]:
            assert by_id[cid]["reflected"] and by_id[cid]["row_ids"] == [r["id"]]
    # editorial edits are no rows, and are real differences between 素案 and 案
    assert exp["editorial"]
    old, new = _text(plan.old), _text(plan.new)
    for e in exp["editorial"]:
        assert e["before"] in old.replace("\n", "") or e["before"] in old, e
        assert e["after"] in new, e
        assert e["before"] != e["after"]
    # 反映 answers about an editorial edit are linked to no row
    assert all(not c["row_ids"] for c in exp["comments"] if c["editorial_id"])
    # the comment table has one line per comment after title and header
    lines = files["comments"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + len(exp["comments"])


def test_same_seed_same_plan_other_seed_other_plan() -> None:
    fam = SMALL["ward-welfare"]
    a, b = generate_plan(fam, 101), generate_plan(fam, 101)
    assert _text(a.new) == _text(b.new) and [d.summary for d in a.decisions] == [d.summary for d in b.decisions]
    assert _text(generate_plan(fam, 102).new) != _text(a.new)


def test_numbering_styles_print_as_families_differ() -> None:
    heads = {}
    for name, fam in SMALL.items():
        plan = generate_plan(fam, 101)
        heads[name] = [n.heading for _, n in walk(plan.old)]
    assert any(re.match(r"第\d+節", h) for h in heads["ward-welfare"])
    assert any(re.match(r"施策\d+-\d+", h) for h in heads["goals-taikei"])
    assert any(h.startswith("Ⅱ") for h in heads["national-roman"]) and any(h.startswith("ア") for h in heads["national-roman"])
    assert any(re.match(r"第\d+部", h) for h in heads["parts-large"])


def test_split_renumbers_but_truth_has_one_row(tmp_path: Path) -> None:
    """A split renumbers the 施策 after it (a consequence): the truth keeps one
    row for the split and lists the renumbering as non-reportable."""
    fam = replace(SMALL["goals-taikei"], decisions=6)
    for seed in TUNING_SEEDS:
        plan = generate_plan(fam, seed)
        if any(d.kind == "split" for d in plan.decisions):
            break
    else:
        pytest.skip("no split drawn")
    exp = json.loads(write_plan(plan, tmp_path)["expected"].read_text(encoding="utf-8"))
    assert sum(r["kind"] == "split" for r in exp["rows"]) == 1
    assert any("繰り下げ" in c for c in exp["non_reportable"])


def test_scorer_counts_a_perfect_table_as_perfect() -> None:
    """The scorer on the truth itself: all rows found, none invented, links and pages right."""
    plan = generate_plan(SMALL["national-roman"], 101)
    from benchmarks.families import expected_json, lay_out, print_lines

    _, where = lay_out(print_lines(plan.new), "案")
    exp = expected_json(plan, where)
    gen = {"rows": [dict(r, cause=dict(r["cause"]), changes=[]) for r in exp["rows"]],
           "comments": [{"id": c["id"], "response_type": "反映" if c["reflected"] else "参考"} for c in exp["comments"]]}
    s = score_case(gen, exp)
    assert (s["found"], s["generated"], s["pages_right"], s["summary_right"]) == (len(exp["rows"]),) * 4
    assert s["links_right"] == s["links_expected"] == s["links_made"]
    assert s["invented_editorial"] == s["invented_other"] == 0
    # a row dropped and an editorial row added are both seen
    edit = exp["editorial"][0]
    gen["rows"] = gen["rows"][1:] + [{"id": "X1", "section_paths": [edit["section_path"]], "an_pages": [], "summary": "",
                                      "cause": {"type": "unknown", "comment_ids": []},
                                      "changes": [{"section_path": edit["section_path"], "old_text": edit["core_before"],
                                                   "new_text": edit["core_after"]}]}]
    s = score_case(gen, exp)
    assert s["found"] == len(exp["rows"]) - 1 and s["invented_editorial"] == 1
