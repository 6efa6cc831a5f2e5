"""Invariants of the accuracy generator (benchmarks/families.py): the ground
truth holds exactly the decisions injected, one row each, with every place's
page; editorial edits and consequences are never rows; held-out seeds are
apart from tuning seeds; the files read back as the truth says."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.accuracy_score import score_case
from benchmarks.families import (FAMILIES, HELDOUT_SEEDS, TUNING_SEEDS, generate_plan, split_of, walk,
                                 write_plan)

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
