"""A long 項目 shortened the way staff write it. Pure.

A deep outline (第1部 / 第1章 / 4 / （1）) joined in full gives a 項目 of two
hundred characters.  Staff write the numbers of the places above and the title
of the place itself: ``第1部第1章4（1）持続可能な開発の概念の確立と国際枠組みの整備``.
Only a 項目 longer than ``ITEM_MAX`` is shortened (a short path such as
``第4章 計画の推進体制 2. 推進体制`` stays as it is); an ancestor without a
number keeps its title, and a subtitle between ～ ～ at the end of the place's
own title is left out when the 項目 is still long.
"""

from __future__ import annotations

import re

from revtool.changes.headings import heading_number

ITEM_MAX = 50
"""A 項目 longer than this (characters) is written with its ancestors' numbers only."""

_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SUBTITLE = re.compile(r"\s*[～〜~][^～〜~]+[～〜~]\s*$")


def _joined_numbers(pieces: list[tuple[str, bool]]) -> str:
    """The ancestors' numbers run together (``第1部第1章4``); an ancestor shown by
    its title (no number: ``基本目標Ⅰ　…``) is set off by spaces on both sides."""
    out = ""
    after_title = False
    for text, is_number in pieces:
        if out and (after_title or not is_number or (out[-1].isdigit() and text[:1].isdigit())):
            out += " "  # 4 then 2. would read 42; a title glued to the next number reads as one word
        out += text
        after_title = not is_number
    return out


def abbreviate(headings: list[str], formatted: list[str], joined: str, limit: int = ITEM_MAX) -> str:
    """``joined`` (the 項目 of ``headings``, each ``formatted``) when it is no
    longer than ``limit``; otherwise the ancestors' numbers followed by the last
    place's title."""
    if len(joined) <= limit or len(headings) < 2 or len(headings) != len(formatted):
        return joined
    prefix: list[tuple[str, bool]] = []
    for heading, shown in zip(headings[:-1], formatted[:-1]):
        number = heading_number(heading).translate(_DIGITS)
        prefix.append((number, True) if number else (shown, False))
    text = _joined_numbers(prefix)
    leaf = formatted[-1]
    short = _attach(text, leaf, after_title=not prefix[-1][1])
    if len(short) > ITEM_MAX:
        without = _SUBTITLE.sub("", leaf)
        if without and without != leaf:
            short = _attach(text, without, after_title=not prefix[-1][1])
    return short


def _attach(numbers: str, leaf: str, after_title: bool = False) -> str:
    """``第1章4`` + ``（1）…`` with no space; a space after a bare number
    (``第3章2 事業的手法``) unless the leaf opens with a bracket, and after an
    ancestor shown by its title."""
    if after_title:
        return f"{numbers} {leaf}"
    if numbers[-1:].isdigit() or numbers[-1:] == ".":
        if not leaf.startswith(("（", "(")):
            return f"{numbers} {leaf}"
    return numbers + leaf
