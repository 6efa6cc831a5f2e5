"""``align``'s subtree bitsets, built from the sections' own-text bitsets and
their seams (issue 15), are the bitsets of the joined subtree text: on every
section of generated plans and on subtrees built to sit on the seams (a
number's dash at a section's edge, digits meeting across sections, one-character
and empty or blank sections, a combining mark starting a section)."""

from __future__ import annotations

import pytest

from benchmarks.scale import generate
from revtool.compare.align import _Aligner, subtree_text
from revtool.model import Block, BlockKind, Document, Section


def _check(doc: Document, other: Document) -> int:
    aligner = _Aligner(doc, other)
    for path, section in doc.walk():
        bits, size = aligner.body(True, path)
        want_bits, want_size = aligner.grams.of(subtree_text(section))
        assert (bits, size) == (want_bits, want_size), path
    return len(doc.walk())


def test_scale_plan_subtrees() -> None:
    pair = generate(60, 3)
    assert _check(pair.old, pair.new) > 30


def _section(heading: str, texts: tuple[str, ...], children: tuple[Section, ...] = ()) -> Section:
    return Section(heading=heading, blocks=tuple(Block(kind=BlockKind.PARAGRAPH, text=t) for t in texts),
                   children=children)


@pytest.mark.parametrize("parts", [
    (("施策５", ), ("－２－１の推進",), ("",)),  # a number's dash starts a section after a digit
    (("第3章 5－",), ("2 の取組",)),  # a dash ends one section, a digit starts the next
    (("1", "2"), ("3",), ("４",)),  # one-character sections, digits meeting
    (("",), ("　 ",), ("あ",)),  # empty and blank sections, one character in all
    (("か",), ("\u3099は濁点",), ("ｶ", "ﾞ")),  # combining marks at a section's start
    (("データ",), ("ー",), ("タの活用。",)),
])
def test_seams(parts: tuple[tuple[str, ...], ...]) -> None:
    leaves = tuple(_section(f"（{i}）節", texts) for i, texts in enumerate(parts[1:], 1))
    root = _section("1 見出し", parts[0], (_section("（0）子", ("子の本文",), leaves[:1]), *leaves[1:]))
    doc = Document(sections=(root,))
    assert _check(doc, doc) >= len(parts)
