"""The indexed row-grouping steps of ``changes/fact_groups.py`` give exactly
what the scans they replaced gave (``tests/oracle_grouping.py``): the top
added sections and the section each path falls under, and the merge of
sibling rows that bring in the same new term, on a generated plan's tree with
groups that do and do not merge (siblings, a parent and its child, rows
flagged 各/added, rows whose section the old version lacks)."""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field

import pytest

from benchmarks.scale import generate
from revtool.changes import fact_groups
from revtool.changes.group import Group
from revtool.model import Change, ChangeKind, SectionPath
from tests import oracle_grouping

NEW_TERMS = ["ウェルビーイング", "オープンデータ", "スマートシティ", "ゼロカーボン", "デジタル田園都市", "地域共生社会推進"]


@dataclass
class _Fact:
    """What the merge reads of a fact."""
    change: Change
    new: str
    old: str
    polarity: str
    order: tuple[int, int] = (0, 0)
    tags: list[int] = field(default_factory=list)


def _paths(pages: int, seed: int) -> tuple:
    doc = generate(pages, seed).old
    return doc, [p for p, _ in doc.walk()]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_added_tops_and_top_of_equal_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    _, paths = _paths(40, seed)
    for _ in range(30):
        added = set(rng.sample(paths, rng.randint(0, 25)))
        tops = fact_groups.added_tops(added)
        assert tops == oracle_grouping.added_tops(added)
        for p in rng.sample(paths, 40):
            assert fact_groups.top_of(p, tops) == oracle_grouping.top_of(p, tops)


def _state(groups: list[Group]) -> list[tuple]:
    return [(tuple(f.order for f in g.facts), g.anchor, g.every, g.added_root, tuple(g.paths), tuple(g.why))
            for g in groups]


def _groups(rng: random.Random, paths: list[SectionPath]) -> list[Group]:
    deep = [p for p in paths if len(p) >= 2]
    groups: list[Group] = []
    order = 0
    while len(groups) < 60:
        anchor = rng.choice(deep)
        siblings = [p for p in deep if p[:-1] == anchor[:-1]]
        family = [anchor, *rng.sample(siblings, min(len(siblings), rng.randint(0, 3)))]
        if rng.random() < 0.3:
            family.append(anchor[:-1])  # the parent itself
        term = rng.choice(NEW_TERMS)
        for p in family:
            order += 1
            old_path = p if rng.random() < 0.9 else ("存在しない章", *p[1:])
            ch = Change("", ChangeKind.MODIFIED, p, old_path, "", "", None)
            text = f"{term}を推進する。" if rng.random() < 0.7 else f"{rng.choice(NEW_TERMS)}に取り組む。"
            polarity = rng.choice("+-~")
            fact = _Fact(ch, text, text if polarity == "-" else "", polarity, (order, 0))
            g = Group([fact], p, paths=[p])  # type: ignore[list-item]
            g.every = "各施策" if rng.random() < 0.05 else ""
            g.added_root = rng.random() < 0.05
            groups.append(g)
    rng.shuffle(groups)
    return groups


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_merge_by_new_terms_equals_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    doc, paths = _paths(40, seed)
    merges = 0
    for _ in range(5):
        groups = _groups(rng, paths)
        mine, theirs = copy.deepcopy(groups), copy.deepcopy(groups)
        fast = fact_groups.merge_by_new_terms(mine, doc)
        slow = oracle_grouping.merge_by_new_terms(theirs, doc)
        assert _state(fast) == _state(slow)
        merges += len(groups) - len(fast)
    assert merges > 10  # the merge path is exercised, parents included
