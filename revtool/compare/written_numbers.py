"""Numbers as written in a plan's text: digits, kanji numerals before a counter
(三百五件 → 305), 和暦 read as 西暦 (令和8年 → 2026年). Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter


_DIGITS = re.compile(r"[0-9]")  # written digits; kanji numerals inside words (一人一人, 一層) are words


_COUNTERS = "年月日度回件人%％割倍つ個名社校点か箇所台冊本枚歳時分"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[〇一二三四五六七八九十百千万億]+(?=[" + _COUNTERS + "])")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def _kanji_number(text: str) -> str:
    """一 → 1, 十二 → 12, 三百五 → 305 (up to 千; 万/億 kept as written)."""
    if any(ch in "万億" for ch in text):
        return text
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch] if digit is None else digit * 10 + _KANJI_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _KANJI_UNITS[ch]
            digit = None
    return str(total + (digit or 0))


_ERA = re.compile(r"(令和|平成|昭和)\s*([0-9]+|元)(?=\s*年)")
_ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}


def _seireki(t: str) -> str:
    """令和8年 → 2026年 (so 和暦 and 西暦 spellings of one year compare equal)."""
    return _ERA.sub(lambda m: str(_ERA_BASE[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))), t)


def _numbers(text: str) -> Counter[str]:
    t = _seireki(unicodedata.normalize("NFKC", text))
    return Counter(n.replace(",", "") if n[0].isascii() else _kanji_number(n) for n in _NUMBER.findall(t))


def _has_number(text: str) -> bool:
    return bool(_NUMBER.search(unicodedata.normalize("NFKC", text)) or _ERA.search(text))
