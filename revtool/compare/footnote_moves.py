"""Text moved between the body and a footnote (文言整理). Pure.

A drafter often turns an explanation in the body into a footnote, or writes a
footnote's text back into the body (``生物多様性条約（CBD）は、…を定めた条約で
ある。`` in the 素案's body becomes 注12 in the 案, the body keeping the mark
``12``). Seen one paragraph at a time this is a sentence deleted from the body
and a footnote added (or a footnote that gained text) — two substantive
changes where a reader sees the same words in another place.

Texts are compared with spaces and punctuation dropped (``comparison_key``),
the body and the footnotes of each version apart. A piece of text *moved into
a footnote* is found less often in the new body than in the old one and more
often in the new footnotes than in the old ones; *moved out of a footnote*,
the other way round. Only a piece of at least ``MOVE_MIN`` content characters
counts (a short word is in many places), and the other side of the hunk must
be empty or a bare footnote mark (``（…）`` → ``12``): text that replaces other
words is an edit, whatever else it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from revtool.compare.chardiff import Hunk, common_ends
from revtool.compare.comparison_key import comparison_key
from revtool.compare.structural_verdicts import verdict_for
from revtool.compare.footnote_marks import footnotes, note_number
from revtool.model import Document, Verdict
from revtool.text_chars import CONTENT_CHAR, PUNCT_AND_SPACE

RULE = "footnote-moved"  # its label is in structural_verdicts.STRUCTURAL
MOVE_MIN = 8
"""Fewest content characters (kanji, kana, Latin, digits) of a piece of text judged moved."""

_DROP = re.compile(f"[{PUNCT_AND_SPACE}※]")
_MARK = re.compile(r"[0-9]{0,4}")


def _key(text: str) -> str:
    return _DROP.sub("", comparison_key(text))


@dataclass(frozen=True)
class NoteTexts:
    """The body and the footnotes of both versions, as comparison keys (one line each)."""

    old_body: str = ""
    new_body: str = ""
    old_notes: str = ""
    new_notes: str = ""

    def __bool__(self) -> bool:
        return bool(self.old_notes or self.new_notes)

    def direction(self, text: str) -> str | None:
        """「本文から脚注へ」 or 「脚注から本文へ」 when ``text`` moved so, else None."""
        k = _key(text)
        if len(CONTENT_CHAR.findall(k)) < MOVE_MIN or not (k in self.old_notes or k in self.new_notes):
            return None
        body = self.old_body.count(k) - self.new_body.count(k)
        notes = self.new_notes.count(k) - self.old_notes.count(k)
        if body > 0 and notes > 0:
            return "本文から脚注へ"
        if body < 0 and notes < 0:
            return "脚注から本文へ"
        return None


def note_texts(old: Document, new: Document) -> NoteTexts:
    """The body and footnote texts of ``old`` and ``new`` (empty when neither has footnotes)."""
    a, b = footnotes(old), footnotes(new)
    if not a and not b:
        return NoteTexts()

    def body(doc: Document) -> str:
        parts = [_key(sec.heading) for _, sec in doc.walk()]
        parts += [_key(bl.text) for _, sec in doc.walk() for bl in sec.blocks if note_number(bl) is None]
        return "\n".join(parts)

    return NoteTexts(body(old), body(new), "\n".join(_key(t) for _, t in a), "\n".join(_key(t) for _, t in b))


def moved_hunk(hunk: Hunk, texts: NoteTexts) -> str | None:
    """Evidence when the hunk only takes text out of the body into a footnote (or
    back), the other side empty or a footnote mark; else None."""
    if not texts:
        return None
    a, b = hunk.old, hunk.new
    p, s = common_ends(a, b)
    a, b = a[p:len(a) - s], b[p:len(b) - s]
    for side, other in ((a, b), (b, a)):
        if not _MARK.fullmatch(_key(other)):
            continue
        way = texts.direction(side)
        if way is not None:
            shown = side.strip()
            return f"{way}移動「{shown if len(shown) <= 30 else shown[:30] + '…'}」"
    return None


def relabel_moves(hs: Sequence[Hunk], verdicts: Sequence[Verdict], texts: NoteTexts) -> list[Verdict]:
    """``verdicts`` with each substantive hunk that only moves text between the body and a footnote judged editorial."""
    out = list(verdicts)
    if not texts:
        return out
    for k, h in enumerate(hs):
        if out[k].substantive:
            evidence = moved_hunk(h, texts)
            if evidence is not None:
                out[k] = verdict_for(RULE, evidence)
    return out


def moved_note(text: str, texts: NoteTexts) -> str | None:
    """Evidence when a footnote added (or deleted) whole holds text that left the
    body (or went into it): its text without its number, else None."""
    body = re.sub(r"^\s*(?:注\s*)?[0-9０-９]{1,4}\s*", "", text, count=1)
    way = texts.direction(body) if texts else None
    if way is None:
        return None
    shown = body.strip()
    return f"{way}移動「{shown if len(shown) <= 30 else shown[:30] + '…'}」"
