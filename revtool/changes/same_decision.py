"""One decision written in several places is one row, even when the places
do not share the same edit word for word. Pure.

* ``join_replaced_names``: a named document replaced by another everywhere
  it is quoted (国の「認知症施策推進大綱」 → 「認知症施策推進基本計画」 in the
  plan's 位置付け and in the 認知症 施策, each sentence rewritten its own way):
  the old name is nowhere in 案, the new one nowhere in 素案 — one revision,
  one row listing both places and both pages.
* ``join_refreshed_statistics``: sibling sections whose every edit is a
  figure, their 基準日 moved on by the same step (令和5年10月1日 → 令和6年10月1日
  in one, 令和5年9月 → 令和6年9月 in the next): the statistics brought up to
  date, one row.

Every join says why (``Group.why``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from revtool.changes.facts import CELL, TEXT, Fact, key
from revtool.changes.group import Group, MIN_NAME, _join, _move_fact, ordered_unique, where
from revtool.changes.headings import heading_title
from revtool.compare.diff import full_text
from revtool.model import Document

_NAME = re.compile(r"「([^「」]{2,40})」")
_ERA_YEAR = re.compile(r"(令和|平成)([0-9]{1,2}|元)年")
_FIGURES = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def _kept(g: Group, groups: list[Group]) -> bool:
    """Whether ``g`` is still one of ``groups`` (by identity: groups compare by value)."""
    return any(x is g for x in groups)


def _movable(g: Group) -> bool:
    return not (g.every or g.added_root or g.structural)


def replaced_names(f: Fact, old_text: str, new_text: str) -> list[tuple[str, str]]:
    """(old name, new name) for each 「」 name the edit ``f`` drops and each it
    brings, when the old name is nowhere in 案 (``new_text``, a comparison key)
    and the new one nowhere in 素案 (``old_text``): a document replaced
    throughout, not a name edited in one place."""
    if not f.old or not f.new:
        return []
    olds = {key(n): n for n in _NAME.findall(f.old) if len(key(n)) >= MIN_NAME}
    news = {key(n): n for n in _NAME.findall(f.new) if len(key(n)) >= MIN_NAME}
    return [(olds[o], news[n]) for o in olds if o not in news and o not in new_text
            for n in news if n not in olds and n not in old_text]


def join_replaced_names(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> None:
    """Rows in different places that replace the same quoted name by the same
    new one (``replaced_names``) are one row: the first keeps its words, the
    others' edits of the sentences carrying the name become its echoes (their
    pages and places count); their other edits stay their rows."""
    if old_doc is None or new_doc is None:
        return
    old_text, new_text = key(full_text(old_doc)), key(full_text(new_doc))
    carriers: dict[tuple[str, str], list[tuple[Group, Fact, tuple[str, str]]]] = defaultdict(list)
    for g in groups:
        if g.added_root or g.structural:
            continue
        for f in g.facts:
            for pair in replaced_names(f, old_text, new_text):
                carriers[(key(pair[0]), key(pair[1]))].append((g, f, pair))
    for found in carriers.values():
        target = found[0][0]
        if not _kept(target, groups):
            continue
        others = [(g, f) for g, f, _ in found if g is not target and _kept(g, groups) and _movable(g)]
        if not others or all(where(f) in target.paths for _, f in others):
            continue
        old, new = found[0][2]
        for g in list({id(g): g for g, _ in others}.values()):
            # the carrier's whole sentence goes with it: its other words were rewritten for the same revision
            carried = {id(f.change) for h, f in others if h is g}
            mine = [f for f in g.facts if id(f.change) in carried]
            if len(mine) == len(g.facts):
                _join(target, g, echo=True, why="")
                groups.remove(g)
            else:
                for f in mine:
                    _move_fact(f, g, target)
                g.paths = ordered_unique([where(f) for f in g.facts])
        places = ordered_unique(where(f) for _, f, _ in found)
        target.why.append(f"「{old}」を「{new}」に置き換える同じ改定が{len(places)}か所（"
                          + "、".join(heading_title(p[-1]) for p in places)
                          + "）にあり、古い名称は案に、新しい名称は素案にないため一つの行")


def _figures_only(f: Fact) -> bool:
    """An edit of figures alone: both sides the same but for their numbers."""
    if f.kind not in (TEXT, CELL) or not f.old or not f.new:
        return False
    old, new = key(f.old), key(f.new)
    return old != new and _FIGURES.sub("0", old) == _FIGURES.sub("0", new)


def _year(text: str) -> int:
    return 1 if text == "元" else int(text)


def year_steps(f: Fact) -> set[tuple[str, int, int]]:
    """(era, old year, new year) for each dated year the edit moves forward
    (令和5年10月1日 → 令和6年10月1日: ("令和", 5, 6))."""
    old, new = _ERA_YEAR.findall(key(f.old)), _ERA_YEAR.findall(key(f.new))
    if len(old) != len(new):
        return set()
    return {(a[0], _year(a[1]), _year(b[1])) for a, b in zip(old, new) if a[0] == b[0] and _year(b[1]) > _year(a[1])}


def join_refreshed_statistics(groups: list[Group]) -> None:
    """Rows of sibling sections made only of figures updated, each moving a
    date forward by a step another shares: the statistics brought up to the
    latest 基準日, one row in the first section."""
    steps: dict[int, set[tuple[str, int, int]]] = {}
    for g in groups:
        if _movable(g) and len(g.paths) == 1 and g.facts and all(_figures_only(f) for f in g.facts):
            found = set().union(*(year_steps(f) for f in g.facts))
            if found:
                steps[id(g)] = found
    by_parent: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in groups:
        if id(g) in steps and len(g.paths[0]) >= 2:
            by_parent[tuple(g.paths[0][:-1])].append(g)
    for siblings in by_parent.values():
        while len(siblings) >= 2:
            target, rest = siblings[0], siblings[1:]
            joined = [g for g in rest if steps[id(g)] & steps[id(target)]]
            siblings = [g for g in rest if not steps[id(g)] & steps[id(target)]]
            if not joined:
                continue
            era, a, b = sorted(set.intersection(steps[id(target)], *(steps[id(g)] for g in joined)) or steps[id(target)])[0]
            for g in joined:
                _join(target, g, echo=False, why="")
                groups.remove(g)
            target.anchor = target.paths[0][:-1] if len(target.paths) > 1 else target.anchor
            target.why.append(f"数値だけの更新で、基準日を同じく{era}{a}年から{era}{b}年に進めた変更が{len(target.paths)}か所（"
                              + "、".join(heading_title(p[-1]) for p in target.paths) + "）にあるため、統計の時点更新として一つの行")


def join_across_places(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> list[Group]:
    """Both joins, the rows back in document order."""
    join_replaced_names(groups, old_doc, new_doc)
    join_refreshed_statistics(groups)
    groups.sort(key=lambda g: min(f.order for f in g.facts))
    return groups
