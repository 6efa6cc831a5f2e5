"""A sentence moved unchanged to another paragraph of its section is 文言整理
(blind12: 「農業産出額は近年横ばいで…」 leaves the end of the second paragraph and
opens the first). Moved to another section, or moved with its words changed,
it stays substantive."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from revtool.model import Block, BlockKind, Document, Section

MOVED = "農業産出額は近年横ばいで推移しており、品目別では園芸と畜産の割合が高まっています。"
P1 = "本県の農業産出額については、消費者ニーズが多様化しており、今後も厳しい状況が見込まれます。"
P2 = "一方、生産資材や燃油の価格は高い水準が続いており、経営コストの低減が課題です。"


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def doc(*sections: tuple[str, tuple[str, ...]]) -> Document:
    return Document(sections=tuple(Section(h, blocks=tuple(para(t) for t in ts)) for h, ts in sections))


def verdicts(old: Document, new: Document) -> list[tuple[bool, str, str]]:
    return [(c.verdict.substantive, c.verdict.rule, c.verdict.evidence) for c in diff_documents(old, new)]


def test_a_sentence_moved_to_another_paragraph_of_its_section_is_editorial() -> None:
    old = doc(("（２）生産の状況", (P1, P2 + MOVED)))
    new = doc(("（２）生産の状況", (MOVED + P1, P2)))
    vs = verdicts(old, new)
    assert len(vs) == 2, vs
    for substantive, rule, evidence in vs:
        assert not substantive and rule == "sentence-moved", vs
        assert "農業産出額は近年横ばい" in evidence and "文言の変更なし" in evidence


def test_a_sentence_moved_with_its_words_changed_stays_substantive() -> None:
    old = doc(("（２）生産の状況", (P1, P2 + MOVED)))
    new = doc(("（２）生産の状況", (MOVED.replace("横ばい", "減少傾向") + P1, P2)))
    assert any(s for s, _, _ in verdicts(old, new))


def test_a_sentence_moved_to_another_section_is_not_this_rule() -> None:
    old = doc(("（１）担い手の状況", (P1 + MOVED,)), ("（２）生産の状況", (P2,)))
    new = doc(("（１）担い手の状況", (P1,)), ("（２）生産の状況", (MOVED + P2,)))
    vs = verdicts(old, new)
    assert vs and all(r != "sentence-moved" for _, r, _ in vs), vs
    assert any(s for s, _, _ in vs)


def test_a_sentence_added_while_another_is_deleted_stays_substantive() -> None:
    other = "農地の集積・集約化が進み、担い手への集積率は年々上昇しています。"
    old = doc(("（２）生産の状況", (P1, P2 + other)))
    new = doc(("（２）生産の状況", (MOVED + P1, P2)))
    assert all(s and r != "sentence-moved" for s, r, _ in verdicts(old, new))
