"""The character classes the package reads Japanese text by: which characters
are kanji, kana, Latin letters or digits, and which of them count as a text's
content. One home for what modules used to spell as their own Unicode ranges.

Two kinds of names:

- *fragments* (strings, no brackets) to build a regex from:
  ``re.compile(f"[{KANJI}{KATAKANA}]+")``;
- *content classes* (compiled, one character each) for the readings that
  several modules share;
- ``PUNCT_AND_SPACE``, the punctuation a comparison key drops.

Where two modules read "kanji" or "katakana" differently the difference is kept
under its own name, said below; unifying them would change verdicts, which is
an accuracy change to be measured, not a refactor. Pure.
"""

from __future__ import annotations

import re

# --- kanji -------------------------------------------------------------------

KANJI = "\u4e00-\u9fff々"
"""CJK Unified Ideographs (the basic block, U+4E00–9FFF) and the iteration mark 々:
the kanji of ordinary modern text."""

KANJI_EXT = "\u4e00-\u9fff\u3400-\u4dbf々〆"
"""``KANJI`` with Extension A (U+3400–4DBF, rare and old forms) and 〆: what the
compare stages count as kanji when they measure a text's content."""

KANJI_ALL = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff々〆ヵヶ"
"""``KANJI_EXT`` with the compatibility ideographs (U+F900–FAFF, variant forms in
PDF text) and ヵ/ヶ written as counters (3ヶ月, 一ヵ所): a kanji *word* as
chardiff cuts units and comments.page_reading reads terms."""

KANJI_ALL_AND_HEXAGRAMS = KANJI_ALL + "\u4dc0-\u4dff"
"""``KANJI_ALL`` and the Yijing hexagram symbols U+4DC0–4DFF, which lie between
Extension A and the basic block: comments.page_reading spelled its kanji as the
one range U+3400–9FFF, which takes them in. Kept as it was (they do not occur in
plans or comments); not unified with ``KANJI_ALL`` in a refactor."""

KANJI_CLASSIC = "\u4e00-\u9fa5々〆ヵヶ"
"""The classic ``一-龥`` idiom (U+4E00–9FA5, the ideographs of Unicode 1.1) with
々〆ヵヶ: the privacy patterns (names, addresses) were written and tested with
it. It leaves out U+9FA6–9FFF (later additions) and Extension A."""

# --- kana --------------------------------------------------------------------

HIRAGANA = "\u3041-\u309f"
"""Hiragana letters with ゔゕゖ, the sound marks ゛゜ and ゝゞゟ."""

HIRAGANA_BLOCK = "\u3040-\u309f"
"""The whole Hiragana block: ``HIRAGANA`` and the unassigned U+3040. Kept apart
from ``HIRAGANA`` only so that a refactor changes no match; on assigned
characters the two are the same."""

KATAKANA_LETTERS = "\u30a1-\u30fa"
"""Katakana letters ァ…ヺ, without the long-vowel mark ー."""

KATAKANA = "\u30a1-\u30fa\u30fc"
"""Katakana letters and the long-vowel mark ー: a katakana word (カタカナ, データ)."""

KATAKANA_NO_DOT = "\u30a1-\u30fa\u30fc-\u30ff"
"""The Katakana block without ゠ (U+30A0) and the middle dot ・ (U+30FB), which
separate words: letters, ー and the iteration marks ヽヾ and ヿ."""

KATAKANA_BLOCK = "\u30a0-\u30ff"
"""The whole Katakana block, ゠ and the middle dot ・ included (changes.text_match
reads ワーク・ライフ・バランス as one term)."""

HALFWIDTH_KATAKANA = "\uff66-\uff9f"
"""Half-width katakana ｦ…ﾟ (old PDF text)."""

KANA_CLASSIC = "ぁ-んァ-ヶー"
"""The classic ``ぁ-んァ-ヶー`` idiom (ぁ…ん, ァ…ヶ and ー) of the privacy patterns:
no ゔゕゖ, ヷ…ヺ or iteration marks."""

KATAKANA_CLASSIC = "ァ-ヶー"
"""The katakana half of ``KANA_CLASSIC`` (privacy: a name or place in katakana)."""

# --- Latin and digits --------------------------------------------------------

LATIN = "A-Za-z"
ASCII_ALNUM = "A-Za-z0-9"
FULLWIDTH_LATIN = "Ａ-Ｚａ-ｚ"
FULLWIDTH_DIGITS = "０-９"

# --- punctuation --------------------------------------------------------------

PUNCT_AND_SPACE = r"\s、。，．,.・：:；;！!？?「」『』（）()\[\]【】〔〕"
"""Spaces, sentence punctuation and brackets (a regex class body): what a
comparison of two texts drops from their comparison keys. compare.sentence_moves
drops these; compare.footnote_moves these and ※ (a note mark); the editorial
rules (compare.editorial_context) these and the dashes, ー and tildes."""

# --- content classes ---------------------------------------------------------

CONTENT_CHAR = re.compile(f"[{KANJI_EXT}{HIRAGANA}{KATAKANA_NO_DOT}{ASCII_ALNUM}]")
"""A character that carries words — kanji, kana, ASCII letters and digits; not
spaces, punctuation, brackets or symbols. The length of a moved sentence or
footnote text (compare.sentence_moves, compare.footnote_moves)."""

CONTENT_CHAR_NO_HIRAGANA = re.compile(f"[{KANJI_EXT}{KATAKANA_NO_DOT}{ASCII_ALNUM}]")
"""``CONTENT_CHAR`` without hiragana: the editorial rules (compare.editorial_context
and the rules that import it) weigh a hunk by its kanji, katakana and Latin
characters, so that okurigana and particles (を, に, する) add no weight."""

TERM_CHAR = re.compile(f"[{KANJI}{KATAKANA_BLOCK}{ASCII_ALNUM}]")
"""A character of a term as changes.text_match (a comment quoting the plan) and
changes.promises read it: basic-block kanji and 々, the whole Katakana block
(with ・), ASCII letters and digits; no hiragana. Narrower than
``CONTENT_CHAR_NO_HIRAGANA`` on kanji (no Extension A, no 〆) and wider on
katakana (・ and ゠): the two grew apart and are kept apart."""

NAME_LETTER = re.compile(f"[{KANJI}{KATAKANA_LETTERS}{FULLWIDTH_LATIN}{LATIN}]")
"""A letter of a name's words (compare.editorial_rewording: does a new name share
any kanji, katakana or Latin letter with the old one): no digits, no ー or ・,
which any two katakana names share."""
