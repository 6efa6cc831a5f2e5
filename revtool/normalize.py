"""Comparison keys for Japanese text, with a map back to the original.

Two versions of a plan are compared on a *key* and shown in their *original*
text.  The key is:

1. ideographic variation selectors (IVS, U+E0100–E01EF), variation
   selectors (U+FE00–FE0F), invisible format characters (zero-width space,
   soft hyphen, BOM) and control characters stripped;
2. NFKC, applied per character cluster (a base and its combining marks, so that
   half-width ｶﾞ still becomes ガ) — except circled numbers and letters (①, ㋐),
   which are list labels and must not become ``1``;
3. one class for dashes (‐ ‑ ‒ – — ― − － ─ and a ー that does not follow kana)
   → ``-``, and one for tildes and wave dashes (〜 ～ ~ ∼ 〰) → ``~``; a dash right
   after kana is the prolonged sound mark ``ー`` (デ－タ = データ).  Never
   jaconv's or neologdn's defaults, which turn 〜 into ー or delete it;
4. no whitespace next to CJK (U+3000 included); a run of whitespace between two
   non-CJK characters becomes one space; leading and trailing whitespace goes.

``normalize_with_map`` also returns, for every key character, the index of the
original character it came from (plus a final entry for the end), so diff
ranges on keys can be shown on the original with ``original_span``.

``compact_key`` is the lighter key (NFKC, no whitespace) used to match
headings, labels and table headers; every stage takes both from here.

Pure: no I/O, no imports beyond the standard library.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\ufe58\ufe63\uff0d\u30fc\uff70")
_TILDES = frozenset("~\u301c\uff5e\u223c\u3030\u02dc")
_PROLONGED = "\u30fc"


def _is_variation_selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _is_combining(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or ch in "\u3099\u309a\uff9e\uff9f"


@lru_cache(maxsize=4096)
def _keeps_its_form(ch: str) -> bool:
    """Circled numbers, letters and kana are list labels: NFKC would turn ①
    into 1 and ㋐ into ア."""
    return "CIRCLED" in unicodedata.name(ch, "") and "PARENTHESIZED" not in unicodedata.name(ch, "")


def is_kana(ch: str) -> bool:
    """Hiragana or katakana (the middle dot ・ and ゠ excluded): a dash after it is ー."""
    cp = ord(ch)
    return 0x3041 <= cp <= 0x30FF and ch not in "\u30fb\u30a0"


@lru_cache(maxsize=4096)
def is_cjk(ch: str) -> bool:
    """Wide, full-width or ambiguous-width characters: kanji, kana, CJK
    punctuation, ※, ○ … (after NFKC, full-width ASCII is already ASCII)."""
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")


def _clusters(text: str) -> list[tuple[int, str]]:
    """(start index, cluster) for each base character with its combining marks;
    variation selectors are dropped."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if _is_variation_selector(ch):
            continue
        if out and _is_combining(ch):
            start, cluster = out[-1]
            out[-1] = (start, cluster + ch)
        else:
            out.append((i, ch))
    return out


@lru_cache(maxsize=8192)
def _convert(cluster: str) -> str:
    """NFKC of one cluster, variation selectors dropped, list labels kept."""
    if len(cluster) == 1 and _keeps_its_form(cluster):
        return cluster
    return "".join(ch for ch in unicodedata.normalize("NFKC", cluster) if not _is_invisible(ch))


def _is_invisible(ch: str) -> bool:
    """Variation selectors, format characters (zero-width space, soft hyphen,
    BOM) and control characters other than whitespace: never compared."""
    if _is_variation_selector(ch):
        return True
    category = unicodedata.category(ch)
    return category == "Cf" or (category == "Cc" and not ch.isspace())


def _fold(ch: str, previous: str) -> str:
    if ch in _DASHES:
        return _PROLONGED if previous and is_kana(previous) else "-"
    if ch in _TILDES:
        return "~"
    return ch


def _one_pass(text: str) -> tuple[str, list[int]]:
    """The comparison key of ``text`` and, for each key character, the index of
    the original character it comes from.  The map has ``len(key) + 1``
    entries: the last one is ``len(text)``, so ``text[m[i]:m[j]]`` is the
    original behind ``key[i:j]`` for cluster-aligned ranges (see
    ``original_span`` for any range)."""
    chars: list[str] = []
    origin: list[int] = []
    for start, cluster in _clusters(text):
        for ch in _convert(cluster):
            ch = _fold(ch, chars[-1] if chars else "")
            chars.append(ch)
            origin.append(start)

    key_chars: list[str] = []
    key_origin: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        if not chars[i].isspace():
            key_chars.append(chars[i])
            key_origin.append(origin[i])
            i += 1
            continue
        j = i
        while j < n and chars[j].isspace():
            j += 1
        before = key_chars[-1] if key_chars else ""
        after = chars[j] if j < n else ""
        if before and after and not is_cjk(before) and not is_cjk(after):
            key_chars.append(" ")
            key_origin.append(origin[i])
        i = j
    key_origin.append(len(text))
    return "".join(key_chars), key_origin


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The comparison key of ``text`` and, for each key character, the index of
    the original character it comes from.  The map has ``len(key) + 1``
    entries: the last one is ``len(text)``, so ``text[m[i]:m[j]]`` is the
    original behind ``key[i:j]`` for cluster-aligned ranges (see
    ``original_span`` for any range).  ``normalize_key(key) == key``."""
    key, offsets = _one_pass(text)
    for _ in range(4):  # rare inputs (´ → space + combining mark) settle in a second pass
        again, inner = _one_pass(key)
        if again == key:
            break
        key, offsets = again, [offsets[i] for i in inner]
    return key, offsets


def normalize_key(text: str) -> str:
    """The comparison key of ``text`` (see module doc)."""
    return normalize_with_map(text)[0]


@lru_cache(maxsize=65536)
def compact_key(text: str | None) -> str:
    """The light key for matching labels, headings and table headers: NFKC with
    every whitespace (U+3000 included) removed; no dash or tilde folding."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def original_span(text: str, offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The ``(start, end)`` in the original ``text`` behind ``key[start:end]``
    (``offsets`` from ``normalize_with_map(text)``), widened to whole original
    characters when one expanded into several key characters (㈱ → (株)), and
    without the whitespace the key dropped at its edges."""
    if start >= end:
        return offsets[start], offsets[start]
    first = offsets[start]
    last_origin = offsets[end - 1]
    stop = next((value for value in offsets[end:] if value > last_origin), offsets[-1])
    while stop > last_origin + 1 and text[stop - 1].isspace():
        stop -= 1
    return first, stop


# ---------------------------------------------------------------- sentences

def split_sentences(text: str) -> list[str]:
    """Split Japanese text after 。！？ (keeping closing brackets such as 」 with
    their sentence) and at line breaks; empty pieces are dropped.  A 。 inside
    「…」 or （…） does not end the sentence."""
    out: list[str] = []
    current: list[str] = []
    depth = 0
    opening, closing = "「『（(【〔", "」』）)】〕"
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            _flush(current, out)
            depth = 0
            i += 1
            continue
        current.append(ch)
        if ch in opening:
            depth += 1
        elif ch in closing and depth:
            depth -= 1
        elif ch in "。！？!?" and depth == 0:
            while i + 1 < len(text) and text[i + 1] in "。！？!?":
                i += 1
                current.append(text[i])
            _flush(current, out)
        i += 1
    _flush(current, out)
    return out


def _flush(current: list[str], out: list[str]) -> None:
    piece = "".join(current).strip()
    if piece:
        out.append(piece)
    current.clear()
