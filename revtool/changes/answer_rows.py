"""One 反映 answer that accounts alone for several rows inside the section it
answers for is one decision, one row. Pure.

A comment on 施策３－１ answered 「…（１）に有機農業の取組面積を…450haに拡大する
目標を追記するとともに、成果指標に「有機農業取組面積」を追加します」 is carried
out by a sentence in （１） and a row of the KPI table, which the outline puts
under （３）: two rows by their sections, one decision by their cause. Staff
write it once, listing both pages. Joined: rows linked to the very same
comments, every one of them answered 反映, each row inside a section one of
those comments resolves to (never across the plan: an answer may promise edits
in two 施策, and those stay rows of their own when their places are apart).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from revtool.changes.group import Group, common_prefix, join_groups
from revtool.changes.table import Scored
from revtool.model import Comment, Link, ResponseType, SectionPath


def _inside(path: SectionPath, place: SectionPath) -> bool:
    return len(place) >= 2 and tuple(path[: len(place)]) == tuple(place)


def answered_together(drafts: Sequence[tuple[str, Group]], links: Sequence[Link],
                      comments: Sequence[Comment]) -> dict[str, str]:
    """Row id → the row id it joins (the first of its kind), for rows accounted
    for by the same 反映 comments inside a section they resolve to."""
    by_id = {c.id: c for c in comments}
    linked: dict[str, set[str]] = defaultdict(set)
    for link in links:
        linked[link.row_id].add(link.comment_id)
    by_set: dict[frozenset[str], list[tuple[str, Group]]] = defaultdict(list)
    for rid, g in drafts:
        ids = frozenset(linked.get(rid, ()))
        if ids and not (g.every or g.added_root or g.structural):
            by_set[ids].append((rid, g))
    out: dict[str, str] = {}
    for ids, rows in by_set.items():
        if len(rows) < 2:
            continue
        said = [by_id[c] for c in ids if c in by_id]
        if len(said) != len(ids) or any(c.response_type != ResponseType.REFLECTED for c in said):
            continue
        places = {tuple(p) for c in said for p in c.resolved_section_paths}
        if not any(all(_inside(p, place) for _, g in rows for p in g.paths) for place in places):
            continue
        first = rows[0][0]
        out.update((rid, first) for rid, _ in rows[1:])
    return out


def join_answered_rows(drafts: list[tuple[str, Group]], links: Sequence[Link], scored: Sequence[Scored],
                       comments: Sequence[Comment]) -> tuple[list[tuple[str, Group]], tuple[Link, ...], list[Scored]]:
    """``drafts`` with the rows one answer accounts for joined (``answered_together``)
    and renumbered R1…, ``links`` and ``scored`` following the new ids."""
    into = answered_together(drafts, links, comments)
    if not into:
        return drafts, tuple(links), list(scored)
    groups = dict(drafts)
    for rid, first in into.items():
        home, other = groups[first], groups[rid]
        join_groups(home, other, echo=False, why="")
        home.anchor = common_prefix(home.paths) or home.anchor
    for first in sorted(set(into.values())):
        joined = [first] + [rid for rid, f in into.items() if f == first]
        home = groups[first]
        home.why.append(f"同じ意見への一つの回答（反映）が{len(joined)}か所の変更を約束し、"
                        "いずれもその意見の指摘箇所の中にあるため一つの行")
    kept = [(rid, g) for rid, g in drafts if rid not in into]
    renumber = {rid: f"R{i}" for i, (rid, _) in enumerate(kept, 1)}
    renumber.update((rid, renumber[first]) for rid, first in into.items())
    new_links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for link in links:
        moved = replace(link, row_id=renumber.get(link.row_id, link.row_id))
        if (moved.comment_id, moved.row_id) not in seen:
            seen.add((moved.comment_id, moved.row_id))
            new_links.append(moved)
    new_scored = [replace(s, row_id=renumber.get(s.row_id, s.row_id)) for s in scored]
    return [(renumber[rid], g) for rid, g in kept], tuple(new_links), new_scored
