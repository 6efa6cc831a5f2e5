"""A kanji typed wrong inside a compound word: the wrong kanji is one the document
never writes anywhere else. Pure.

「災害時要擁護者」 → 「災害時要援護者」: one kanji of a compound replaced by
another, both spellings analysed by the dictionary as words (擁護, 援護), so
neither the dictionary fix (a non-word made a word) nor the document's spelling
(the new compound written elsewhere) shows it. What shows it is how the document
writes: the old kanji appears nowhere else in either version — written once, at
this spot, and gone — while the new kanji is one the 素案 already writes many
times. A real edit of one kanji swaps one ordinary character of the document for
another (推進 → 促進, 市民 → 区民, 増加 → 減少: 推, 市, 増 are written elsewhere),
so it keeps the old kanji in the document; numbers, dates (``_touches_number``)
and proper nouns (place and person names) are never read so.
"""

from __future__ import annotations

import re

from revtool.compare import morph
from revtool.text_chars import KANJI

NEW_KANJI_MIN = 3  # the new kanji is the document's own: written at least this often in 素案
COMPOUND_MIN = 3  # the change lies inside a compound word of at least this many kanji

_KANJI_RUN = re.compile(f"[{KANJI}]+")


def _is_kanji(s: str) -> bool:
    return len(s) == 1 and ("\u4e00" <= s <= "\u9fff")


def _run_at(text: str, at: int) -> str:
    """The run of kanji holding position ``at``."""
    for m in _KANJI_RUN.finditer(text):
        if m.start() <= at < m.end():
            return m.group(0)
    return ""


def _proper(text: str, at: int) -> bool:
    """A proper noun (a place, a person, an organisation) holds position ``at``."""
    return any(m.pos2 == "固有名詞" for m in morph.words_at(text, at, at + 1) if m.begin <= at < m.end)


def rare_kanji_fix(old_text: str, new_text: str, at: tuple[int, int], core: tuple[str, str],
                   vocabulary: tuple[str, str]) -> str | None:
    """The evidence when one kanji inside a compound (the core ``core`` at
    positions ``at``) was a kanji the document writes nowhere else, replaced by
    one the 素案 writes often; None otherwise."""
    a, b = core
    if not (_is_kanji(a) and _is_kanji(b)):
        return None
    old_doc, new_doc = vocabulary
    if old_doc.count(a) != 1 or a in new_doc or old_doc.count(b) < NEW_KANJI_MIN:
        return None
    old_run, new_run = _run_at(old_text, at[0]), _run_at(new_text, at[1])
    if len(new_run) < COMPOUND_MIN or len(old_run) != len(new_run):
        return None
    if _proper(old_text, at[0]) or _proper(new_text, at[1]):
        return None
    return (f"誤字の修正（「{old_run}」の「{a}」は文書の他の箇所で使われない字、"
            f"「{b}」は素案が{old_doc.count(b)}回使う字：「{new_run}」）")
