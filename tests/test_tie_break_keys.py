"""``tie_break.section_bigrams`` (paragraph keys cached, issue 15) gives the
bigrams of the joined section text exactly: on every section of generated
plans of every family, of the scale generator (deep templated trees, chapters
over the 20,000-character cut) and of text built to sit on the seams (dashes
after kana at a paragraph's start, spaces between Latin words across a
paragraph break, a cut inside a combining sequence) — the same set, in the
same iteration order."""

from __future__ import annotations

import pytest

from benchmarks import families
from benchmarks.scale import _to_document, generate
from revtool.comments.tie_break import bigrams, section_bigrams, section_text
from revtool.model import Block, BlockKind, Document, Section


def _sections(doc: Document) -> list[Section]:
    out: list[Section] = []
    stack = list(doc.sections)
    while stack:
        s = stack.pop()
        out.append(s)
        stack.extend(s.children)
    return out


def _check(doc: Document, limit: int = 20_000) -> int:
    sections = _sections(doc)
    for s in sections:
        got, want = section_bigrams(s, limit), bigrams(section_text(s, limit))
        assert got == want, s.heading
        # the same order too: tie_break sums float weights over the set in its iteration order
        assert list(got) == list(want), s.heading
    return len(sections)


@pytest.mark.parametrize("family", sorted(families.FAMILIES))
def test_family_sections_give_the_joined_texts_bigrams(family: str) -> None:
    plan = families.generate_plan(families.FAMILIES[family], 101)
    old, _ = _to_document(families._to_psec(plan.old), "素案")
    assert _check(old) > 20
    assert _check(old, limit=300) > 20  # every section cut inside a paragraph


def test_scale_plan_sections_give_the_joined_texts_bigrams() -> None:
    pair = generate(120, 5)
    assert _check(pair.new) > 100
    assert max(len(section_text(s)) for s in _sections(pair.new)) == 20_000  # the cut is exercised


def _block(text: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text)


@pytest.mark.parametrize("texts", [
    ("データ", "－タの活用", "ー"),  # a dash after kana in one paragraph, at the start of the next
    ("サービス", "－ －", "ー ー ー"),  # dashes and spaces after kana settle over several passes
    ("Digital Transformation", "Office 365 の導入"),  # Latin words meet across the break
    ("ｶﾞｲﾄﾞﾗｲﾝ", "ﾞ濁点から始まる段落"),  # half-width voiced mark at a paragraph's start
    ("①　施策の推進", "　　全角空白で始まり終わる　", "㈱と㍻"),
    ("推進する。", "、「計画」", "。。", "a", "", "b、", "「」", "c"),  # punctuation and one-character paragraphs at the seams
    ("・", "（１）", "－", "ア"),  # paragraphs that keep nothing or one character
])
def test_seams_between_paragraphs(texts: tuple[str, ...]) -> None:
    section = Section(heading="1 見出し", blocks=tuple(_block(t) for t in texts))
    for limit in range(1, sum(len(t) + 1 for t in texts) + 12):
        got, want = section_bigrams(section, limit), bigrams(section_text(section, limit))
        assert got == want and list(got) == list(want)
