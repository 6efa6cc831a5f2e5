"""The one in-order pairing: two sequences paired without crossing so that the
scores of the pairs add up to the most. Pure.

A dynamic programme over the two sequences (``n × m`` cells): at each cell the
best total of what is left is the largest of skipping the first of ``a``,
skipping the first of ``b``, or pairing the two (when the pair has a score) and
going on after both. Traced from the start, a pair is taken whenever pairing
there reaches the best total (within ``TIE``), so among equally good pairings
the one that pairs earliest wins; then an item of ``a`` is skipped before one
of ``b``. ``compare/diff.py`` pairs the edited blocks of a gap with it,
``compare/footnote_marks.py`` the reworded footnotes of a gap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

TIE = 1e-12
"""Two totals this close are equal: a pair is taken when pairing reaches the
best total up to the rounding of the sums."""


def best_in_order(a: Sequence[A], b: Sequence[B], scores: Mapping[tuple[A, B], float],
                  tie: float = TIE) -> list[tuple[A, B]]:
    """The pairs ``(a item, b item)``, in order on both sides, whose scores add
    up to the most. Only the pairs in ``scores`` may be made (the caller leaves
    out those below its threshold); scores are non-negative."""
    n, m = len(a), len(b)
    if not n or not m or not scores:
        return []
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            top = max(best[x + 1][y], best[x][y + 1])
            s = scores.get((a[x], b[y]))
            if s is not None:
                top = max(top, s + best[x + 1][y + 1])
            best[x][y] = top
    out: list[tuple[A, B]] = []
    x = y = 0
    while x < n and y < m:
        s = scores.get((a[x], b[y]))
        if s is not None and abs(best[x][y] - (s + best[x + 1][y + 1])) < tie:
            out.append((a[x], b[y]))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return out
