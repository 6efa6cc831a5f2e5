"""Character-bigram sets as bitsets, for comparing one section with thousands. Pure.

``align`` compares each leftover section with every section of the other
version (a split part can come from any section, paired or not). Set sizes
are what the measures need, so each bigram set becomes a Python ``int`` with
one bit per bigram of a vocabulary shared by both versions: the overlap of
two sets is ``(a & b).bit_count()``, computed in C, about ten times faster
than intersecting two ``frozenset`` of strings, with exactly the same counts.
Generated plans reuse a small vocabulary (about 2,000 bigrams at 1,200 pages),
so no rare-bigram index can prune candidates there; the scan stays exhaustive
and exact, only cheaper per pair.
"""

from __future__ import annotations

from operator import add

from revtool.normalize import compact_key


class BigramBits:
    """A shared vocabulary of bigrams and the bitset of a text over it."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def of(self, text: str) -> tuple[int, int]:
        """The bitset of ``text``'s bigrams (NFKC, no whitespace) and its size:
        the same set as ``align.bigrams(text)`` (a text of one character or
        none is its own single gram)."""
        t = compact_key(text)
        grams = set(map(add, t, t[1:])) if len(t) > 1 else {t}
        ids = self._ids
        known = list(map(ids.get, grams))
        bits: list[int] = [ids.setdefault(g, len(ids)) for g in grams] if None in known else known  # type: ignore[assignment]
        digits = bytearray(b"0") * (max(bits) + 1)  # the binary numeral, lowest bit first
        for i in bits:
            digits[i] = 49  # "1"
        digits.reverse()
        return int(digits, 2), len(bits)


def overlap(a: int, b: int) -> int:
    """How many bigrams two bitsets share."""
    return (a & b).bit_count()
