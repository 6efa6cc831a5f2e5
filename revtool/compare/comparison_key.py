"""The comparison key: the text two versions are compared on (NFKC, one
dash/tilde class, no spaces, no word-final katakana long vowel). Equal keys
are the same text. Pure."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from revtool.text_chars import KATAKANA, KATAKANA_LETTERS


_DASHES = (("‐", "-"), ("－", "-"), ("−", "-"), ("―", "-"), ("‒", "-"), ("–", "-"), ("—", "-"),
           ("〜", "~"), ("～", "~"), ("，", "、"), (",", "、"), ("．", "。"))
_LONG_VOWEL_END = re.compile(f"(?<=[{KATAKANA_LETTERS}])ー(?![{KATAKANA}])")


@lru_cache(maxsize=65536)
def comparison_key(text: str) -> str:
    """Text for deciding equality: NFKC, one dash/tilde class (with the minus
    sign − a PDF's text layer gives for Word's －), no spaces, and no
    word-final katakana long vowel (セキュリティー = セキュリティ)."""
    t = unicodedata.normalize("NFKC", text)
    for a, b in _DASHES:
        if a in t:
            t = t.replace(a, b)
    t = "".join(t.split())
    return _LONG_VOWEL_END.sub("", t)
