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

``compact_key`` is the lighter key (NFKC, no whitespace, a dash look-alike
between two digits read as ``-``) used to match headings, labels and table
headers; every stage takes both from here.  ``NUMBER_DASHES`` is the one class
of characters printed between the parts of a number such as 施策５－２－１:
PDFs of the same text give U+2212 −, U+2010 ‐, U+2013 –, U+FF0D － or even
U+30FC ー where the DOCX has －.

Pure: no I/O, no imports beyond the standard library.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\ufe58\ufe63\uff0d\u30fc\uff70")
_TILDES = frozenset("~\u301c\uff5e\u223c\u3030\u02dc")
_PROLONGED = "\u30fc"

NUMBER_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u30fc\uff70"
"""Every character a document prints between the parts of a compound number
(施策５－２－１, 1-2-3): hyphen-minus, the Unicode hyphens and dashes, the
minus sign, full-width hyphen-minus, and the prolonged sound mark ー that
Japanese IMEs and PDF text layers give for it.  A regex character class body."""
_NUMBER_DASH = re.compile(f"(?<=[0-9０-９])[{NUMBER_DASHES}](?=[0-9０-９])")


_DASH_AFTER_DIGIT = re.compile(f"([0-9０-９])[{NUMBER_DASHES}](?=[0-9０-９])")


def uniform_number_dashes(number: str) -> str:
    """A heading number with the dash Word writes between its digits: －
    (U+FF0D) after a full-width digit, ``-`` after an ASCII one.  A PDF's text
    layer gives − (U+2212, the JIS X 0208 reading of the same Shift_JIS
    character), ‐ or – for the printed －, so the PDF's 施策５−２−１ and the
    DOCX's 施策５－２－１ name one section."""
    return _DASH_AFTER_DIGIT.sub(lambda m: m.group(1) + ("\uff0d" if m.group(1) > "9" else "-"), number)


def fold_number_dashes(text: str) -> str:
    """``text`` with every dash look-alike between two digits read as ``-``
    (５−２−１ = ５－２－１ = 5-2-1 once NFKC folds the digits); a dash elsewhere
    (データ, 〜 ranges, a minus sign before a number) is left alone."""
    return _NUMBER_DASH.sub("-", text)


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


_PLAIN_CHARS = (
    "\x21-\x2c\x2e-\x7d\xa1-\xa7\xa9-\xac\xae\xb0-\xb3\xb5-\xb7\xb9-\xbb\xbf-\xff\u2016\u2018-\u2024"
    "\u2027\u2030-\u2032\u2035\u2038-\u203b\u203d\u203f-\u2046\u204a-\u2056\u2058-\u205e\u2065"
    "\u2070-\u207a\u207c-\u208a\u208c-\u20a7\u20a9-\u20cf\u20dd-\u20e0\u20e2-\u20e4\u20f1-\u20ff"
    "\u2102\u2104\u2107-\u2108\u210a-\u2115\u2117-\u211f\u2123-\u213a\u213c-\u214f\u2160\u2164\u2169"
    "\u216c-\u2170\u2174\u2179\u217c-\u2188\u218a-\u2211\u2213-\u222b\u222e\u2231-\u223b\u223d-\u2473"
    "\u24b6-\u24ff\u2502-\u2a0b\u2a0d-\u2a73\u2a77-\u2adb\u2add-\u2bff\u3001-\u301b\u301d-\u3029"
    "\u3031-\u3098\u309d-\u309e\u30a0-\u30fb\u30fd-\u30fe\u321f\u3244-\u324f\u3251-\u32bf"
    "\u32d0-\u32fe\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0c\uff0e-\uff5d\uff5f-\uff6f\uff71-\uff9d"
    "\uffa0-\uffe2\uffe4-\uffef"
)
"""Characters that are each their own cluster and whose key is one character
fixed by the key again, whatever surrounds them: no whitespace, dash, tilde,
variation selector, combining mark or invisible character, and an NFKC that
gives one such character (full-width ``Ａ`` → ``A``, kanji and kana unchanged).
tests/test_normalize_plain.py recomputes the class from the functions above."""
_KANA_CHARS = "\u3041-\u3098\u309d-\u309e\u30a1-\u30fa\u30fd-\u30fe\uff66-\uff6f\uff71-\uff9d"
"""The plain characters whose key is kana (``is_kana``): a dash after one is ``ー``."""
_SPACE_CHARS = "\t\n\r \u3000"
_DASH_CHARS = "".join(sorted(_DASHES))
_TILDE_KEYS = {ord(ch): "~" for ch in "~\u301c\uff5e\u223c\u3030"}  # not ˜ (U+02DC): NFKC gives a space and a mark
_SIMPLE = re.compile(f"[{_PLAIN_CHARS}{_SPACE_CHARS}{''.join(map(chr, _TILDE_KEYS))}{re.escape(_DASH_CHARS)}]*")
_DASH_AFTER_SPACE = re.compile(f"[{_SPACE_CHARS}][{re.escape(_DASH_CHARS)}]")
_DASH_RUN = re.compile(f"[{re.escape(_DASH_CHARS)}]+")
_SPACE_RUN = re.compile(r"[\t\n\r ]+")  # after the keys: U+3000 is a space


class _KeyTable(dict[int, "int | str"]):
    """The ``str.translate`` table of the plain path: each character's key,
    looked up on first sight (``__missing__``) and kept (a memo, as
    ``_convert``'s cache is); a character that is its own key maps to itself.
    Filled inside ``translate``, so a text is not first split into a set of
    its characters to find the new ones (issue 15: that set cost more than
    the translation itself, every CJK character a new string object)."""

    def __missing__(self, code: int) -> "int | str":
        ch = chr(code)
        key = _convert(ch)
        got: int | str = key if key != ch else code
        self[code] = got
        return got


_KEY_OF = _KeyTable(_TILDE_KEYS)


def _dash_key(m: re.Match[str]) -> str:
    """A run of dashes: prolonged sound marks after kana, ``-`` otherwise (``_fold``:
    each dash after the first follows the first's key)."""
    prev = m.string[m.start() - 1] if m.start() else ""
    return (_PROLONGED if prev and is_kana(_convert(prev)) else "-") * len(m.group())


def _space_key(m: re.Match[str]) -> str:
    """A run of whitespace in the converted text: one space between two non-CJK characters, else nothing."""
    t, i, j = m.string, m.start(), m.end()
    return " " if i and j < len(t) and not is_cjk(t[i - 1]) and not is_cjk(t[j]) else ""


def normalize_key(text: str) -> str:
    """The comparison key of ``text`` (see module doc).  A text made of
    ``_PLAIN_CHARS``, whitespace, tildes and dashes (none right after
    whitespace: the key's second pass would read it after the character
    before the whitespace) is keyed by regular expressions and
    ``str.translate`` (issue 15: most paragraphs of a plan), with the key
    ``normalize_with_map`` gives: each character its own cluster, converted
    alone, dashes folded by the character before them, whitespace dropped
    next to CJK — and that key keyed again is itself."""
    if not _SIMPLE.fullmatch(text) or _DASH_AFTER_SPACE.search(text):
        return normalize_with_map(text)[0]
    if _DASH_RUN.search(text):
        text = _DASH_RUN.sub(_dash_key, text)
    key = text.translate(_KEY_OF)
    return _SPACE_RUN.sub(_space_key, key) if _SPACE_RUN.search(key) else key


@lru_cache(maxsize=65536)
def compact_key(text: str | None) -> str:
    """The light key for matching labels, headings and table headers: NFKC with
    every whitespace (U+3000 included) removed and a dash look-alike between
    two digits read as ``-`` (施策５−２−１ from a PDF = 施策５－２－１ from the
    DOCX); no other dash or tilde folding."""
    return fold_number_dashes("".join(unicodedata.normalize("NFKC", text or "").split()))


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
