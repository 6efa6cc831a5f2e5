"""Is a page readable as text? Pure checks on what ``pdf_read`` found.

A page is unreadable when
* its glyphs have no Unicode mapping (pdfminer's ``(cid:NN)``), or decode to
  control or private-use characters, above a small share;
* its digits or kana decode to Windows-1252 symbols (``平成™—年›月``), the
  mark of a CID font whose ToUnicode map is wrong;
* it is a scanned image with (almost) no text layer.
"""

from __future__ import annotations

import re
from typing import Sequence

from revtool.extract.pdf_read import Glyph, RawPage

MOJIBAKE = set("ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ¡¢¤¦¨ª¬¯±²³´µ¶¸¹º¼½¾¿")
"""Symbols that a Japanese text only shows when bytes were decoded as cp1252."""

BAD_SHARE = 0.05
MIN_MOJIBAKE = 3
IMAGE_COVER = 0.5
MIN_TEXT = 20


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


_MOJIBAKE_ANY = re.compile("[" + re.escape("".join(sorted(MOJIBAKE))) + "]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
"""The characters of general category Cc, Co or Cs but tab, LF and CR (the
ranges are fixed by Unicode; tests/test_pdf_quality.py checks every code point)."""


def mojibake_count(text: str) -> int:
    """Symbols from ``MOJIBAKE`` standing next to Japanese text or to each other."""
    if _MOJIBAKE_ANY.search(text) is None:
        return 0
    n = 0
    for i, ch in enumerate(text):
        if ch not in MOJIBAKE:
            continue
        near = text[max(0, i - 1) : i] + text[i + 1 : i + 2]
        if any(is_cjk(c) or c in MOJIBAKE for c in near):
            n += 1
    return n


_BLANK = re.compile(r"\s")
"""A character ``str.isspace`` calls blank (both are Python's Unicode whitespace)."""


def visible_count(glyphs: Sequence[Glyph]) -> int:
    """Glyphs that are not blank."""
    text = "".join([g[0] for g in glyphs])
    if len(text) == len(glyphs):  # one character a glyph (always, from pdf_read and pdf_miner)
        return len(text) - len(_BLANK.findall(text))
    return sum(1 for g in glyphs if not g.text.isspace())


def control_count(text: str) -> int:
    """Control, private-use and surrogate characters (not tab, LF, CR)."""
    return len(_CONTROL.findall(text))


def page_problem(page: RawPage, visible: int | None = None) -> str:
    """A Japanese description of why the page cannot be read, or ``""``;
    ``visible``: the page's ``visible_count``, when the caller has it."""
    if visible is None:
        visible = visible_count(page.glyphs)
    total = visible + page.bad_chars
    if total and page.bad_chars / total > BAD_SHARE and page.bad_chars >= 5:
        return f"文字コードの対応表がない文字が {page.bad_chars} 字あります"
    text = "".join([g[0] for g in page.glyphs])
    bake = mojibake_count(text)
    if bake >= MIN_MOJIBAKE:
        sample = "".join(sorted({c for c in text if c in MOJIBAKE}))[:6]
        return f"文字化けした文字（{sample}）が {bake} 字あります"
    controls = control_count(text)
    if total and controls / max(total, 1) > BAD_SHARE:
        return f"制御文字・私用領域の文字が {controls} 字あります"
    if visible < MIN_TEXT and page.image_cover >= IMAGE_COVER:
        return "画像だけのページで、文字情報がありません（スキャンされたページ）"
    return ""
