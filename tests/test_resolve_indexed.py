"""The indexed resolution (``comments/resolve.py``: classes of alike sections,
members set apart by a cited page or ancestor, title blocking) gives exactly
what scoring every section did (``tests/oracle_resolve.py``, the scan it
replaced), on a generated plan with printed pages and the reference shapes
real 別紙1 tables use."""

from __future__ import annotations

import importlib
import random

import pytest

from benchmarks.scale import generate
from revtool.comments.refs import parse_ref
from revtool.model import Document, Section
from tests import oracle_resolve

indexed = importlib.import_module("revtool.comments.resolve")


def _fields(res: object) -> tuple:
    return tuple(getattr(res, f) for f in ("candidates", "chosen", "pages", "warnings"))


def _refs(doc: Document, comment_refs: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    sections = [(path, s) for path, s in doc.walk()]
    refs = list(comment_refs)
    refs += ["P.12", "P.3-5", "P.999", "第2章 1 （2）", "2 (1)", "各施策", "第3章 各施策", "施策1.1", "（2）主な取組",
             "ロードマップ", "主な取…", "P.40 ロードマップ", "1. (2)", "第1章 3", "3 (4) ロードマップ", "基本目標2"]
    for _ in range(150):  # headings as cited, with and without their parents, pages right and wrong
        path, s = rng.choice(sections)
        page = s.pages.first if s.pages and rng.random() < 0.6 else rng.randint(1, 400)
        shape = rng.randrange(5)
        if shape == 0:
            refs.append(f"P.{page}（{s.heading}）")
        elif shape == 1:
            refs.append(" ".join(path[-2:]))
        elif shape == 2:
            refs.append(f"{s.number} {s.title[:3]}…" if s.number else s.heading[:4] + "…")
        elif shape == 3:
            refs.append(f"P.{page}")
        else:
            refs.append(f"{path[0].split()[0]} {s.heading}")
    return refs


@pytest.mark.parametrize("pages,seed", [(90, 5), (150, 11)])
def test_indexed_resolution_equals_the_full_scan(pages: int, seed: int) -> None:
    pair = generate(pages, seed)
    doc = pair.old
    assert any(s.pages for _, s in doc.walk())  # page votes are exercised
    refs = _refs(doc, [c.ref for c in pair.comments], seed)
    fast, slow = indexed.index(doc), oracle_resolve.index(doc)
    differ = []
    for ref in dict.fromkeys(refs):
        loc = parse_ref(ref)
        a, b = indexed.resolve(loc, doc, fast), oracle_resolve.resolve(loc, doc, slow)
        if _fields(a) != _fields(b):
            differ.append((ref, _fields(a), _fields(b)))
    assert not differ, differ[:2]


def test_duplicate_headings_and_digit_numbers_resolve_as_the_full_scan() -> None:
    """Two siblings with one heading (one path), 第2節 cited as 「2」, a number
    cited under the wrong parent: the members set apart are found by path."""
    sub = (Section("（1）現状と課題", "（1）", "現状と課題", 3), Section("（2）主な取組", "（2）", "主な取組", 3))
    doc = Document(sections=(
        Section("第1章　総論", "第1章", "総論", 1, children=(
            Section("第1節　計画の目的", "第1節", "計画の目的", 2, children=sub),
            Section("第2節　計画の位置付け", "第2節", "計画の位置付け", 2, children=sub),
            Section("第2節　計画の位置付け", "第2節", "計画の位置付け", 2, children=sub[:1]),
        )),
        Section("第2章　施策", "第2章", "施策", 1, children=(
            Section("施策1　窓口", "施策1", "窓口", 2, children=sub),
            Section("施策2　相談", "施策2", "相談", 2, children=sub),
        )),
    ))
    fast, slow = indexed.index(doc), oracle_resolve.index(doc)
    for ref in ["第1章 2 （1）", "2 (1)", "第2節 （2）主な取組", "施策2 （1）現状と課題", "施策3 （1）", "（1）", "第2章 各施策",
                "現状と課題", "第1章 （2）", "1 2 (2)", "施策2 主な…"]:
        loc = parse_ref(ref)
        assert _fields(indexed.resolve(loc, doc, fast)) == _fields(oracle_resolve.resolve(loc, doc, slow)), ref
