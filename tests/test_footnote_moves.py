"""Text moved between the body and a footnote is 文言整理 (issue 11, env6: a
footnote's text written back into the body, or an explanation in the body
turned into a footnote). Text that is new, or that differs from what left the
other place, stays substantive."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from revtool.model import Block, BlockKind, Document, Section

CBD = "生物多様性条約は、生物の多様性の保全を目的とする国際条約である。"


def note(n: int, text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, f"{n} {text}", label=f"注{n}")


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def doc(*blocks: Block) -> Document:
    return Document(sections=(Section("1 現状", blocks=tuple(blocks)),))


BODY = doc(para("生物多様性の損失が続いている1。" + CBD), note(1, "環境省の報告による。"))
NOTE = doc(para("生物多様性の損失が続いている1 2。"), note(1, "環境省の報告による。"), note(2, CBD))


def verdicts(old: Document, new: Document) -> list[tuple[str, bool, str, str]]:
    return [(str(c.kind), c.verdict.substantive, c.verdict.rule, c.verdict.evidence) for c in diff_documents(old, new)]


def test_body_text_moved_into_a_new_footnote_is_editorial_on_both_sides() -> None:
    vs = verdicts(BODY, NOTE)
    assert {k for k, *_ in vs} == {"modified", "added"}, vs
    for _, substantive, rule, evidence in vs:
        assert not substantive and rule == "footnote-moved", vs
        assert "本文から脚注へ移動" in evidence and "生物多様性条約" in evidence


def test_footnote_text_written_back_into_the_body_is_editorial() -> None:
    vs = verdicts(NOTE, BODY)
    assert {k for k, *_ in vs} == {"modified", "deleted"}, vs
    assert all(not s and r == "footnote-moved" and "脚注から本文へ移動" in e for _, s, r, e in vs), vs


def test_text_into_an_existing_footnote_is_editorial() -> None:
    new = doc(para("生物多様性の損失が続いている1。"), note(1, "環境省の報告による。" + CBD))
    vs = verdicts(BODY, new)
    assert vs and all(not s and r == "footnote-moved" for _, s, r, _ in vs), vs


def test_a_footnote_that_says_something_else_stays_substantive() -> None:
    other = "生物多様性条約は、遺伝資源の利用から生ずる利益の配分を目的とする国際条約である。"
    new = doc(para("生物多様性の損失が続いている1 2。"), note(1, "環境省の報告による。"), note(2, other))
    vs = verdicts(BODY, new)
    assert any(s for _, s, _, _ in vs), vs
    assert not any(r == "footnote-moved" for _, _, r, _ in vs if r.startswith("block")), vs


def test_a_new_footnote_that_repeats_the_body_is_an_addition() -> None:
    """The body keeps the sentence: nothing moved, a footnote was added."""
    new = doc(para("生物多様性の損失が続いている1 2。" + CBD), note(1, "環境省の報告による。"), note(2, CBD))
    vs = verdicts(BODY, new)
    assert any(k == "added" and s and r == "block-added" for k, s, r, _ in vs), vs


def test_body_text_deleted_with_no_footnote_stays_substantive() -> None:
    new = doc(para("生物多様性の損失が続いている1。"), note(1, "環境省の報告による。"))
    vs = verdicts(BODY, new)
    assert vs and all(s for _, s, _, _ in vs), vs
