"""What a table row added or removed holds, said after its name.

A reader of 別紙2 needs the row's name AND its figures: 成果指標に「公共交通の
利用率」（現状値 53％、目標値 63％）を追加, not the first cell alone.  Only
cells with a figure in them are said, each after its column's header (the
header's bracketed qualifier left out: 現状値（令和6年度） → 現状値); a row of
more than ``MAX_FIGURES`` figures (a series over years) is said by its first
and last figure (令和７年度 30 ～ 令和11年度 70).  A short text cell before
the figures says what they measure (量の見込み（人）の…, 実施率の目標値 40％).  A row without figures (主な取組 rows of a 事業
and its 所管課) is said by its name alone, as before.
"""

from __future__ import annotations

import re
from typing import Sequence

from revtool.normalize import compact_key as key

MAX_FIGURES = 3
MAX_LABEL = 12
"""A text cell said before a series of figures is at most this long (区分: 量の見込み（人）)."""

_FIGURE = re.compile(r"[0-9０-９]")
_PLACEHOLDER = re.compile(r"^[\s\u3000\-－―−ー‐／/・…]*$")
_YEAR = re.compile(r"^(?:令和|平成|昭和)?[0-9０-９元]+年度?$")
"""A cell that says when (令和12年度, 2030年): the date of the figure before it."""
_QUALIFIER = re.compile(r"[（(][^（）()]*[）)]$")


def _head(header: str) -> str:
    """A column header as said before its value: its trailing bracketed
    qualifier dropped unless nothing else is left (令和７年度 stays)."""
    h = header.strip().replace("\n", "")
    short = _QUALIFIER.sub("", h).strip()
    return short or h


def row_values(cells: Sequence[str], header: Sequence[str], row_key: str) -> str:
    """``（現状値 53％、目標値 63％）`` for a row's figures, or "" when the row
    has none (or its header is unknown).  A short text cell before the
    figures names what they measure (指標 実施率, 区分 量の見込み（人）):
    ``（実施率の目標値 40％）``; cells after them (担当課) are left out."""
    if not header:
        return ""
    pairs = [(h, c.strip().replace("\n", "")) for h, c in zip(header, cells)
             if not _PLACEHOLDER.match(c) and key(c) != key(row_key)]
    figures: list[tuple[str, str]] = []
    for h, c in pairs:
        if _YEAR.match(c) and figures and not figures[-1][1].endswith("）"):
            figures[-1] = (figures[-1][0], f"{figures[-1][1]}（{c}）")  # 目標値 5万人, 年度 令和12年度 → 5万人（令和12年度）
        elif _FIGURE.search(c):
            figures.append((h, c))
    if not figures:
        return ""
    first = next((k for k, (h, c) in enumerate(pairs) if _FIGURE.search(c) and not _YEAR.match(c)),
                 pairs.index(figures[0]) if figures[0] in pairs else 0)
    before = pairs[:first]
    unit = next((c for h, c in before if "単位" in h), "")  # 指標名 | 単位 | 現状値 | 目標値: 853 → 853人
    if unit:
        figures = [(h, c + unit if c[-1:].isdigit() else c) for h, c in figures]
    labels = [c for h, c in before if len(c) <= MAX_LABEL and "単位" not in h]
    prefix = labels[0] + "の" if labels else ""
    if len(figures) <= MAX_FIGURES:
        said = [f"{_head(h)} {c}" if _head(h) else c for h, c in figures]
        return "（" + prefix + "、".join(said) + "）"
    (h1, c1), (h2, c2) = figures[0], figures[-1]
    return "（" + prefix + f"{_head(h1)} {c1} ～ {_head(h2)} {c2}" + "）"


def joined_values(said: Sequence[str]) -> str:
    """The figures of several rows of one name in one bracket:
    （量の見込み（人） … 、確保方策（人） …）."""
    inner = [s[1:-1] for s in said if s]
    return "（" + "、".join(dict.fromkeys(inner)) + "）" if inner else ""
