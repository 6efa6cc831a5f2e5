"""Text similarity for linking: the normalised form of a text, character-bigram
TF-IDF vectors, and the phrases two texts share (longest common blocks,
whole words). Pure."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from revtool.text_chars import ASCII_ALNUM, HIRAGANA_BLOCK, KANJI, KATAKANA_BLOCK, TERM_CHAR


# ---------------------------------------------------------------- text similarity


@lru_cache(maxsize=65536)
def norm_text(text: str) -> str:
    # table cells are joined by tabs or " | " (a quoted row is written with spaces); a
    # footnote mark inside a phrase (ライフステージ※５全体) is no part of its words
    return _FOOTNOTE.sub("", re.sub(r"[\s\u3000|｜]+", "", unicodedata.normalize("NFKC", text)))


_FOOTNOTE = re.compile(r"※\d{1,2}(?![\d,.])")


_PUNCT = set("、。，．・「」『』（）()[]［］：:；;！!？?　 \n\t-ー→…")


def bigrams(text: str) -> Counter[str]:
    t = norm_text(text)
    # a bigram counts when neither of its characters is punctuation
    return Counter(x + y for x, y in zip(t, t[1:]) if x not in _PUNCT and y not in _PUNCT)


class Tfidf:
    def __init__(self, texts: list[str]) -> None:
        df: Counter[str] = Counter()
        self._grams: dict[str, Counter[str]] = {}  # text → bigrams, for vector()
        for t in texts:
            grams = self._grams.get(t)
            if grams is None:
                grams = self._grams[t] = bigrams(t)
            df.update(set(grams))
        self.n = max(len(texts), 1)
        self.df = df
        self._idf: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}

    def idf(self, g: str) -> float:
        # smoothed: with a handful of rows a bigram shared by a comment and a row
        # (df = 2) must still count
        w = self._idf.get(g)
        if w is None:
            w = self._idf[g] = math.log(1 + self.n / max(self.df.get(g, 0), 1))
        return w

    def vector(self, text: str) -> dict[str, float]:
        """The text's TF-IDF vector (computed once per text; do not modify it)."""
        vec = self._vectors.get(text)
        if vec is None:
            grams = self._grams.get(text)
            if grams is None:
                grams = bigrams(text)
            vec = self._vectors[text] = {g: (1 + math.log(c)) * self.idf(g) for g, c in grams.items()}
        return vec

    def coverage(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Share of ``a``'s weight whose bigrams occur in ``b``."""
        total = sum(a.values())
        return sum(v for g, v in a.items() if g in b) / total if total else 0.0
MAX_ALIGN = 2_000_000  # characters² above which only whole words are looked up


_EDGE = re.compile(f"^[{HIRAGANA_BLOCK}、。・]+|[{HIRAGANA_BLOCK}、。・]+$")
_HIRA = re.compile(f"[{HIRAGANA_BLOCK}]")
_WORD = re.compile(f"[{KANJI}{KATAKANA_BLOCK}{ASCII_ALNUM}]{{4,}}")  # TERM_CHAR runs


def phrase_words(a: str) -> list[str]:
    """The answer's own words (normalised answer ``a``) looked up whole."""
    return _WORD.findall(a)


def _shared(a: str, words: list[str], b: str, matcher: SequenceMatcher | None, align: bool = True) -> str:
    """The longest phrase the answer ``a`` shares with the changed text ``b``
    (normalised; kanji, katakana or latin in it, hiragana at its edges
    trimmed); ``matcher`` has ``b`` as its
    second sequence (``set_seq2`` caches its index, so one matcher serves
    every answer scored against ``b``). ``align=False`` skips the alignment
    (the caller knows ``a`` and ``b`` share no three characters in a row, so
    it could only find phrases of one or two characters, which score 0)."""
    if not a or not b:
        return ""
    best = ""
    if align and len(a) * len(b) <= MAX_ALIGN:
        if matcher is None:
            matcher = SequenceMatcher(None, a, b, autojunk=False)
        else:
            matcher.set_seq1(a)
        blocks = matcher.get_matching_blocks()
    else:
        blocks = []
    for m in blocks:
        if m.size <= len(best):
            continue  # trimming only shortens a block
        piece = _EDGE.sub("", a[m.a : m.a + m.size])
        if len(piece) > len(best) and _phrase(piece):
            best = piece
    # the matching blocks of one alignment can miss a phrase; look for the
    # answer's own words in the changed text too
    return _longest_word_in(words, b, best)


def _phrase(piece: str) -> bool:
    """Whether a shared piece (hiragana at its edges trimmed) is a phrase worth
    quoting: a term character in it, at most a quarter of it hiragana."""
    return bool(TERM_CHAR.search(piece)) and len(_HIRA.findall(piece)) * 4 <= len(piece)


def _longest_word_in(words: list[str], b: str, best: str) -> str:
    """``best``, or the first of the longest of ``words`` found in ``b`` that is
    longer than it."""
    for word in words:
        if len(word) > len(best) and word in b:
            best = word
    return best


def _longest_match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """``SequenceMatcher(None, a, b, autojunk=False).find_longest_match(alo,
    ahi, blo, bhi)`` (nothing junk): the longest common block, the earliest in
    ``a``, then in ``b``. Found with ``str.find``, growing the length while
    some start in ``a`` still matches (a block of length n + 1 starts with one
    of length n), which is quick for a short answer against a long change."""
    starts = [i for i in range(alo, ahi) if b.find(a[i], blo, bhi) >= 0]
    n = 0
    while starts:
        n += 1
        longer = [i for i in starts if i + n < ahi and b.find(a[i : i + n + 1], blo, bhi) >= 0]
        if not longer:
            break
        starts = longer
    if not starts:
        return alo, blo, 0
    i = starts[0]
    return i, b.find(a[i : i + n], blo, bhi), n


def longest_from(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, least: int) -> tuple[int, int, int]:
    """``_longest_match(a, b, alo, ahi, blo, bhi)`` when its block has ``least``
    characters or more, else ``(alo, blo, 0)``: the same growth, started at
    ``least`` characters (the starts of blocks that long are those of the
    longest block's length's too)."""
    least = max(least, 1)
    starts = [i for i in range(alo, ahi - least + 1) if b.find(a[i : i + least], blo, bhi) >= 0]
    if not starts:
        return alo, blo, 0
    n = least
    while True:
        longer = [i for i in starts if i + n < ahi and b.find(a[i : i + n + 1], blo, bhi) >= 0]
        if not longer:
            break
        starts = longer
        n += 1
    i = starts[0]
    return i, b.find(a[i : i + n], blo, bhi), n


def shared_scored(a: str, words: list[str], b: str, matcher: SequenceMatcher | None, align: bool, least: int = 3) -> str:
    """``_shared`` as far as scoring can tell: the same phrase whenever it has
    three characters or more (shorter phrases score 0 and are not shown).

    It walks the ranges of ``SequenceMatcher.get_matching_blocks`` itself
    (the same longest blocks, ``_longest_match``, in the same order) but leaves out
    a range too small to hold a phrase that could win: one shorter than
    three characters, than the longest of the answer's words found in ``b``
    (a word wins over a phrase shorter than it) or than the best phrase so
    far (a phrase must be strictly longer, or as long and earlier, to win).
    Without junk the blocks of nested ranges are never adjacent, so
    get_matching_blocks' merging of adjacent blocks does nothing here.

    ``least`` (≥ 3): the shortest phrase the caller reads; ranges too small to
    hold one are left out as well, so the phrase is the same whenever it has
    ``least`` characters or more (the ranges that can hold one are the same
    ranges, walked in the same order). A range whose longest block is too
    short to win is not split further either: the blocks of its parts are no
    longer. Below ``least`` characters the phrase may differ from ``_shared``'s
    (scoring reads none)."""
    if not a or not b:
        return ""
    if not align or len(a) * len(b) > MAX_ALIGN:
        return _shared(a, words, b, None, align)
    floor = max([least] + [len(w) for w in words if w in b])
    best, best_at = "", -1
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        if min(ahi - alo, bhi - blo) < max(floor, len(best)):
            continue
        i, j, k = longest_from(a, b, alo, ahi, blo, bhi, max(floor, len(best)))
        if k < max(floor, len(best)):
            # no block of the range, nor of the ranges it splits into (none longer than
            # this one), can win: shorter than the best phrase, or than the floor (a word
            # found in ``b`` is longer than any such phrase and replaces it at the end)
            continue
        if k >= len(best):
            piece = _EDGE.sub("", a[i : i + k])
            if (
                (len(piece) > len(best) or (len(piece) == len(best) and i < best_at))
                and _phrase(piece)
            ):
                best, best_at = piece, i
        if alo < i and blo < j:
            queue.append((alo, i, blo, j))
        if i + k < ahi and j + k < bhi:
            queue.append((i + k, ahi, j + k, bhi))
    return _longest_word_in(words, b, best)


def char_trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def vector_norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))
