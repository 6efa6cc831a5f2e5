"""The bitset passes of ``compare/align.py`` (leftovers compared as bigram
bitsets, one split/merge loop with a direction) pair exactly as the frozenset
scan they replaced (``tests/oracle_align.py``): on generated plans of every
family, the blind family and the scale generator, where sections are renamed,
split, merged, moved, added and deleted; on real DOCX pairs; and on a version
compared with an unrelated plan (everything left over)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import blind_family, families
from benchmarks.scale import _to_document, generate
from revtool.compare.align import align_sections
from revtool.extract import extract
from revtool.model import ChangeKind, Document
from tests import oracle_align

REPO = Path(__file__).resolve().parents[1]
ENV6 = REPO.parent / "shared" / "corpus" / "real" / "env6-soan-an"


def _same(old: Document, new: Document) -> tuple:
    fast, slow = align_sections(old, new), oracle_align.align_sections(old, new)
    assert len(fast) == len(slow)
    assert [p for p in fast if p not in slow] == []
    assert fast == slow
    return fast


def _kinds(pairs: tuple) -> set:
    return {p.kind for p in pairs}


@pytest.mark.parametrize("family", sorted(families.FAMILIES))
@pytest.mark.parametrize("seed", [101, 202])
def test_families_align_as_the_frozenset_scan(family: str, seed: int) -> None:
    plan = families.generate_plan(families.FAMILIES[family], seed)
    old, _ = _to_document(families._to_psec(plan.old), "素案")
    new, _ = _to_document(families._to_psec(plan.new), "案")
    assert _kinds(_same(old, new)) & {ChangeKind.SPLIT, ChangeKind.MERGED, ChangeKind.RENAMED, ChangeKind.MOVED}


@pytest.mark.parametrize("seed", [7001, 7002])
def test_blind_family_aligns_as_the_frozenset_scan(seed: int) -> None:
    plan = blind_family.generate(seed)
    old, _ = _to_document(plan.old, "素案")
    new, _ = _to_document(plan.new, "案")
    _same(old, new)


@pytest.mark.parametrize("pages,seed", [(60, 3), (150, 8)])
def test_scale_plans_align_as_the_frozenset_scan(pages: int, seed: int) -> None:
    pair = generate(pages, seed)
    assert _kinds(_same(pair.old, pair.new)) & {ChangeKind.SPLIT, ChangeKind.MERGED, ChangeKind.RENAMED}


def test_unrelated_plans_leave_everything_over() -> None:
    """Two different plans: the leftover passes see every section on both sides."""
    a, b = generate(40, 1), generate(40, 2)
    _same(a.old, b.new)
    _same(b.new, a.old)


def test_bundled_example_aligns_as_the_frozenset_scan() -> None:
    _same(extract(REPO / "drafts" / "soan.docx"), extract(REPO / "drafts" / "an.docx"))


@pytest.mark.skipif(not (ENV6 / "an.docx").exists(), reason="../shared/corpus/real/env6-soan-an not present")
def test_real_ministry_plan_aligns_as_the_frozenset_scan() -> None:
    """The env6 environment plan, 96 → 185 pages, rewritten more than edited."""
    _same(extract(ENV6 / "soan.docx"), extract(ENV6 / "an.docx"))
