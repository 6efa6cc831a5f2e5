"""Structural decisions as one row each: a section renamed, split, merged,
moved or two sections swapped. Pure.

Staff write one row per decision even when it touches several places. A
structural decision is anchored on its heading fact (renamed, added, deleted,
moved section) and collects:

* its *echoes*: the same names changed elsewhere — the 施策の体系 table's
  cell renamed, its row added or deleted, two rows trading names — fact by
  fact, so one overview table touched by three decisions feeds three rows;
* for a **split** (a section added next to a sibling that lost the very
  content the new one holds), the sibling's deletions;
* for a **merge** (a section deleted whose content reappears in a renamed
  sibling), the deleted section and the content added to the sibling;
* for a **swap**, the other section of the pair.

A *consequence* — a number shifted by an insertion (施策3-4 → 施策3-5 in the
overview table) — never makes a row: facts that only renumber an existing
title are dropped. Every grouping says why (``Group.why``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TypeVar

from revtool.changes.facts import (
    BLOCK_DELETED,
    BLOCK_MOVED,
    CELL,
    ROW_ADDED,
    ROW_DELETED,
    SECTION_ADDED,
    SECTION_DELETED,
    SECTION_MOVED,
    SECTION_RENAMED,
    TEXT,
    Fact,
    key,
)
from revtool.changes.text_spans import edit_core
from revtool.changes.headings import heading_number, heading_title
from revtool.model import ChangeKind, Document, SectionPath

MIN_NAME = 4  # characters a name needs before its mention elsewhere counts
_T = TypeVar("_T")


@dataclass
class Group:
    """The facts of one row while rows are being formed."""

    facts: list[Fact]
    anchor: SectionPath
    every: str = ""
    added_root: bool = False
    paths: list[SectionPath] = field(default_factory=list)
    mentions: set[int] = field(default_factory=set)  # facts that only announce an added section
    echoes: set[int] = field(default_factory=set)  # facts repeating the decision elsewhere (counted for pages, not summarized)
    why: list[str] = field(default_factory=list)  # the evidence of each grouping beyond one place
    structural: str = ""  # renamed | split | merged | swapped, when the row is a structural decision
    heading_paths: list[SectionPath] = field(default_factory=list)  # sections whose heading page the row cites
    cut_paths: list[SectionPath] = field(default_factory=list)  # sections whose content was cut at their end (a split): their last page is cited
    statement: str = ""  # the decision in words when no fact says it (「AとB」を「A」と「B」に分割)


def ordered_unique(items: Iterable[_T]) -> list[_T]:
    """The items without repeats, in the order first seen."""
    return list(dict.fromkeys(items))


def common_prefix(paths: list[SectionPath]) -> SectionPath:
    if not paths:
        return ()
    first = paths[0]
    n = 0
    while all(len(p) > n and p[n] == first[n] for p in paths):
        n += 1
    return first[:n]


def where(f: Fact) -> SectionPath:
    """The section a fact belongs to: a deleted section is its own place."""
    if f.kind == SECTION_DELETED and f.change.old_section_path:
        return f.change.old_section_path
    return f.section_path


def single_line(text: str) -> str:
    return text.strip().split("\n")[0]


def position(path: SectionPath) -> tuple[int, ...]:
    """Where a heading stands among its siblings, read from its number
    (施策3 → (3,), 施策4-2 → (4, 2)); () when it has none."""
    number = unicodedata.normalize("NFKC", heading_number(path[-1]) if path else "")
    return tuple(int(n) for n in re.findall(r"[0-9]+", number))


def _title(heading_or_text: str) -> str:
    return key(heading_title(single_line(heading_or_text)))


def _join(into: Group, other: Group, *, echo: bool, why: str) -> None:
    into.facts = sorted(into.facts + other.facts, key=lambda f: f.order)
    if echo:
        into.echoes.update(id(f) for f in other.facts)
    into.mentions.update(other.mentions)
    into.echoes.update(other.echoes)
    into.paths = ordered_unique(into.paths + other.paths)
    into.heading_paths = ordered_unique(into.heading_paths + other.heading_paths)
    into.why.extend(other.why)
    if why:
        into.why.append(why)


def _move_fact(f: Fact, source: Group, into: Group) -> None:
    source.facts.remove(f)
    into.facts = sorted(into.facts + [f], key=lambda g: g.order)
    into.echoes.add(id(f))
    into.paths = ordered_unique(into.paths + [where(f)])


def carries_rename(f: Fact, old_title: str, new_title: str) -> bool:
    """Whether fact ``f`` is the rename old_title → new_title written somewhere
    else (a cell of the 施策の体系 table, a line of the text): its unit holds
    the old name before and the new one after, and its edit lies inside them."""
    if f.kind not in (TEXT, CELL) or not old_title or not new_title:
        return False
    ou, nu = key(f.old_unit or f.old), key(f.new_unit or f.new)
    if old_title not in ou or new_title not in nu:
        return False
    if f.kind == CELL and _title(f.old) == old_title and _title(f.new) == new_title:
        return True  # the cell is the heading itself, number and all (第３節　…)
    o, n = key(edit_core(f.old)), key(edit_core(f.new))
    return (not o or o in old_title) and (not n or n in new_title) and bool(o or n)


@dataclass(frozen=True)
class _Anchor:
    group: Group
    role: str  # renamed | added | deleted | swapped
    old: str  # the key of the old name ("" for an added section)
    new: str  # the key of the new name ("" for a deleted section)
    other: str = ""  # swapped: the key of the other section's name


def _anchors(groups: list[Group]) -> list[_Anchor]:
    out: list[_Anchor] = []
    for g in groups:
        for f in g.facts:
            if f.kind == SECTION_RENAMED:
                old, new = _title(f.old), _title(f.new)
                if len(old) >= MIN_NAME and old != new:
                    out.append(_Anchor(g, "renamed", old, new))
            elif f.kind == SECTION_ADDED and g.added_root and f.section_path == g.anchor:
                new = _title(f.section_path[-1])
                if len(new) >= MIN_NAME:
                    out.append(_Anchor(g, "added", "", new))
            elif f.kind == SECTION_DELETED:
                old = _title((f.change.old_section_path or f.section_path)[-1])
                if len(old) >= MIN_NAME:
                    out.append(_Anchor(g, "deleted", old, ""))
        if g.structural == "swapped":
            a, b = (_title(p[-1]) for p in g.heading_paths[:2])
            out.append(_Anchor(g, "swapped", a, b, b))
    return out


def _echoes(f: Fact, a: _Anchor) -> bool:
    """Whether fact ``f`` repeats the decision of anchor ``a`` elsewhere."""
    old, new = key(f.old), key(f.new)
    if a.role == "renamed":
        # a cell renamed, or the row keyed by the name deleted and added again
        return carries_rename(f, a.old, a.new) or (f.kind == ROW_ADDED and a.new in new and a.old not in new) or (
            f.kind == ROW_DELETED and a.old in old and a.new not in old)
    if a.role == "added":
        return f.kind in (ROW_ADDED, CELL, TEXT) and a.new in new and a.new not in old
    if a.role == "deleted":
        return f.kind in (ROW_DELETED, CELL, TEXT, BLOCK_DELETED) and a.old in old and a.old not in new
    if a.role == "swapped":
        return f.kind in (CELL, TEXT, ROW_ADDED, ROW_DELETED) and (
            (a.old in old and a.other in new) or (a.other in old and a.old in new) or (a.old in new + old and f.kind != TEXT)
        )
    return False


def _fact_bigrams(f: Fact) -> set[str]:
    """The bigrams of every text ``_echoes`` looks for a name in: the fact's
    old and new text (also joined, new then old), and their units."""
    out: set[str] = set()
    for t in (key(f.new) + key(f.old), key(f.old_unit or f.old), key(f.new_unit or f.new)):
        out.update(t[i : i + 2] for i in range(len(t) - 1))
    return out


def _names(a: _Anchor) -> tuple[str, ...]:
    """The names one of which ``_echoes`` needs whole in one of a fact's texts."""
    return {"renamed": (a.old, a.new), "added": (a.new,), "deleted": (a.old,), "swapped": (a.old, a.other)}.get(a.role, ())


class _AnchorIndex:
    """The anchors a fact may echo, in anchor order: a name found in a text
    has each of its bigrams there, so each anchor is filed under the rarest
    bigram of each of its names (among the facts' texts) and a fact looks up
    its own bigrams; an anchor with a name under two characters is always a
    candidate. ``_echoes`` then decides, as on the full list."""

    def __init__(self, anchors: list[_Anchor], facts: list[Fact]) -> None:
        self._grams: dict[int, set[str]] = {id(f): _fact_bigrams(f) for f in facts}
        df: dict[str, int] = {}
        for grams in self._grams.values():
            for g in grams:
                df[g] = df.get(g, 0) + 1
        self._by_gram: dict[str, list[int]] = {}
        self._always: list[int] = []
        for k, a in enumerate(anchors):
            names = _names(a)
            if not names or any(len(n) < 2 for n in names):
                self._always.append(k)
                continue
            for n in names:
                rarest = min((n[i : i + 2] for i in range(len(n) - 1)), key=lambda g: (df.get(g, 0), g))
                self._by_gram.setdefault(rarest, []).append(k)

    def candidates(self, f: Fact) -> list[int]:
        grams = self._grams.get(id(f))
        if grams is None:
            grams = _fact_bigrams(f)
        found = set(self._always)
        for g in grams:
            found.update(self._by_gram.get(g, ()))
        return sorted(found)


def distribute_echoes(groups: list[Group], renumbered: frozenset[str] = frozenset()) -> None:
    """Each fact elsewhere that repeats a structural decision joins that
    decision's row; facts that only renumber a title (``renumbered``: titles
    present in both versions under other numbers) are consequences and are
    dropped; groups left empty disappear."""
    anchors = _anchors(groups)
    if not anchors and not renumbered:
        return
    anchored = {id(a.group) for a in anchors}
    index = _AnchorIndex(anchors, [f for g in groups if not (g.every or g.added_root or id(g) in anchored) for f in g.facts])
    for g in list(groups):
        if g.every or g.added_root or id(g) in anchored:
            continue
        for f in list(g.facts):
            target = next((anchors[k] for k in index.candidates(f) if _echoes(f, anchors[k])), None)
            if target is not None:
                _move_fact(f, g, target.group)
                name = target.new or target.old
                reason = f"「{name}」の{_ROLE_JA[target.role]}が{'・'.join(heading_title(h) for h in g.anchor[-1:])}にも現れるため一つの行"
                if reason not in target.group.why:
                    target.group.why.append(reason)
            elif renumbered and f.kind in (ROW_ADDED, ROW_DELETED, CELL) and _only_renumbers(f, renumbered):
                g.facts.remove(f)  # a consequence: the number of a 施策 that kept its name
        if not g.facts:
            groups.remove(g)
        else:
            g.paths = ordered_unique([where(f) for f in g.facts])


_ROLE_JA = {"renamed": "名称変更", "added": "追加", "deleted": "削除", "swapped": "順序の入れ替え"}


def _only_renumbers(f: Fact, renumbered: frozenset[str]) -> bool:
    text = key(f.new or f.old)
    return any(t in text for t in renumbered)


def pair_splits(groups: list[Group], moves: "list[tuple[SectionPath, SectionPath]] | None" = None) -> None:
    """A section added whose content was cut from a sibling (the sibling's
    deleted items are in the new section, or blocks moved from the sibling
    into it: ``moves`` holds (the sibling's path in 案, the block's new path))
    is a split: one row with the sibling's deletions and both headings."""
    for a in [g for g in groups if g.added_root]:
        depth = len(a.anchor)
        sources = ordered_unique(
            src for src, dst in (moves or []) if dst[:depth] == a.anchor and len(src) >= depth and src[:depth] != a.anchor
            and src[: depth - 1] == a.anchor[:-1]
        )
        donors = ordered_unique(src[:depth] for src in sources)
        if donors and not a.structural:
            a.structural = "split"
            # seen where the new section starts and where the donor's content was cut
            a.heading_paths = ordered_unique([a.anchor] + a.heading_paths)
            a.cut_paths = [src for src in sources if src[:depth] == donors[0]][:1]
            a.paths = ordered_unique([donors[0]] + a.paths)
            a.why.append(f"「{heading_title(donors[0][-1])}」の内容が新しい「{heading_title(a.anchor[-1])}」に移ったため分割として一つの行")
            a.statement = a.statement or _split_from(donors[0], a.anchor)
        text = key("\n".join(f.new for f in a.facts))
        parent = a.anchor[:-1]
        for g in list(groups):
            if g is a or g.added_root or g.every or g not in groups:
                continue
            cut = [f for f in g.facts if f.polarity == "-" and f.kind != SECTION_DELETED]
            if not cut or len(cut) != len(g.facts):
                continue
            if not all(len(key(edit_core(f.old))) >= MIN_NAME and key(edit_core(f.old)).lstrip("・") in text for f in cut):
                continue
            sibling = where(cut[0])
            sibling = sibling[: len(parent) + 1] if sibling[: len(parent)] == parent else sibling
            _join(a, g, echo=True, why=f"「{heading_title(sibling[-1])}」から削られた内容が新しい「{heading_title(a.anchor[-1])}」にあるため分割として一つの行")
            a.structural = "split"
            # seen where the new section starts and where the sibling's content was cut
            # (not on the sibling's heading, which the split leaves as it was)
            a.heading_paths = ordered_unique([a.anchor] + a.heading_paths)
            a.cut_paths = ordered_unique(a.cut_paths + [where(cut[-1])])
            # the donor's cut is an echo (never summarized): the decision is said from the group
            a.statement = a.statement or _split_from(sibling, a.anchor)
            groups.remove(g)


def _split_from(donor: SectionPath, new: SectionPath) -> str:
    """A 施策 split off a sibling, as staff write it: 「A」から「B」を分割."""
    return f"「{heading_title(single_line(donor[-1]))}」から「{heading_title(single_line(new[-1]))}」を分割"


def pair_merges(groups: list[Group]) -> None:
    """A section deleted whose content reappears in a sibling (renamed, or
    not) is a merge: one row on the sibling's heading with the deleted section
    and the content it received."""
    for d in [g for g in groups if any(f.kind == SECTION_DELETED for f in g.facts)]:
        if d not in groups:
            continue
        gone = next(f for f in d.facts if f.kind == SECTION_DELETED)
        old_path = gone.change.old_section_path or gone.section_path
        old_text = key(gone.old)
        parent = old_path[:-1]
        receivers: list[tuple[Group, list[Fact], SectionPath]] = []
        for g in groups:
            if g is d or g.added_root or g.every:
                continue
            home = next((p for p in g.paths if len(p) > len(parent) and _same_parent(p[: len(parent)], parent)), None)
            if home is None:
                continue
            added = [f for f in g.facts if f.polarity == "+" and len(key(edit_core(f.new))) >= MIN_NAME]
            received = [f for f in added if key(edit_core(f.new)).lstrip("・") in old_text]
            # or whole parts of the deleted section now under the sibling (ウ 成果指標 merged)
            moved_in = [f for f in g.facts if f.kind == SECTION_MOVED and _same_parent(f.change.old_section_path[: len(old_path)], old_path)]
            if moved_in:
                home = next((f.section_path for f in moved_in if len(f.section_path) > len(parent)), home)
                receivers.append((g, _merge_parts(g, old_path, old_text), home[: len(parent) + 1]))
            elif received and len(received) * 2 >= len(added):
                receivers.append((g, received, home[: len(parent) + 1]))
        if not receivers:
            named = _named_receiver(groups, d, old_path)
            if named is None:
                continue
            receivers.append(named)
        head = receivers[0][2]
        receivers = [r for r in receivers if r[2] == head]
        renamed = next((g for g in groups if any(f.kind == SECTION_RENAMED and f.section_path == head for f in g.facts)), None)
        target = renamed or receivers[0][0]
        target.structural = "merged"
        target.heading_paths = ordered_unique([head] + target.heading_paths)
        for g, received, _ in receivers:
            if g is target:
                target.echoes.update(id(f) for f in received)
            elif len(received) == len(g.facts):
                _join(target, g, echo=True, why="")
                groups.remove(g)
            elif any(f.kind == SECTION_MOVED for f in received):
                for f in received:  # the part's own other changes stay a row of their own
                    _move_fact(f, g, target)
        # the deleted section's parts that now sit under the sibling (（3）成果指標 merged into its namesake)
        for g in list(groups):
            if g is not target and g is not d and g.facts and all(
                f.kind == SECTION_MOVED and f.section_path[: len(head)] == head for f in g.facts
            ):
                _join(target, g, echo=True, why="")
                groups.remove(g)
        _join(target, d, echo=False, why=f"削除された「{heading_title(old_path[-1])}」の内容が「{heading_title(head[-1])}」に移ったため統合として一つの行")
        target.echoes.update(id(f) for f in d.facts if f.kind != SECTION_DELETED)
        groups.remove(d)


def _merge_parts(g: Group, old_path: SectionPath, old_text: str) -> list[Fact]:
    """The facts of ``g`` that a merge of ``old_path`` into a sibling explains: the
    parts (■ 目指す姿, 成果指標 …) of either section now under the merged one,
    what the deleted section's parts lost there (a line both lists held, its
    table folded into the sibling's), and what the sibling gained from the
    deleted section's own text (its indicators as rows of the merged table)."""
    parent = old_path[:-1]
    out: list[Fact] = []
    for f in g.facts:
        source = f.change.old_section_path
        if f.kind == SECTION_MOVED:
            ok = _same_parent(source[: len(parent)], parent)
        elif source and _same_parent(source[: len(old_path)], old_path):
            ok = f.polarity == "-" or f.kind in (ROW_DELETED, BLOCK_DELETED, BLOCK_MOVED)
        else:
            core = key(f.row_key or edit_core(f.new))
            ok = f.polarity == "+" and len(core) >= MIN_NAME and core.lstrip("・") in old_text
        if ok:
            out.append(f)
    return out


def _named_receiver(groups: list[Group], d: Group, old_path: SectionPath) -> "tuple[Group, list[Fact], SectionPath] | None":
    """A sibling renamed to a name that takes up the deleted section's own words
    (調達手続の充実 deleted, 見守り活動による地域づくり → 調達手続と見守り活動の一体的な推進):
    the receiver of a merge even when no content is seen moving (a PDF read
    with other paragraph breaks)."""
    parent = old_path[:-1]
    gone = _title(old_path[-1])
    for g in groups:
        if g is d or g.added_root or g.every:
            continue
        for f in g.facts:
            if f.kind != SECTION_RENAMED or len(f.section_path) != len(old_path) or not _same_parent(f.section_path[:-1], parent):
                continue
            new, old = _title(f.new), _title(f.old)
            m = SequenceMatcher(None, gone, new, autojunk=False).find_longest_match(0, len(gone), 0, len(new))
            shared = gone[m.a : m.a + m.size]
            if m.size >= MIN_NAME and shared not in old:
                return g, [], f.section_path
    return None


def _same_parent(a: SectionPath, b: SectionPath) -> bool:
    return [key(heading_title(h)) for h in a] == [key(heading_title(h)) for h in b]


def _moved_section(g: Group) -> Fact | None:
    if len(g.facts) == 1 and g.facts[0].kind == SECTION_MOVED:
        return g.facts[0]
    return None


def pair_swaps(groups: list[Group]) -> None:
    """Two sibling sections that traded places (施策3 and 施策4 swapped) are one
    row: each alone reads as a move, or as nothing but a new number."""
    moved = [(g, f) for g in groups if (f := _moved_section(g)) is not None]
    used: set[int] = set()
    for i, (ga, fa) in enumerate(moved):
        if id(ga) in used:
            continue
        for gb, fb in moved[i + 1 :]:
            if id(gb) in used:
                continue
            na, nb = fa.change.section_path, fb.change.section_path
            oa, ob = fa.change.old_section_path, fb.change.old_section_path
            if not (na and nb and oa and ob) or na[:-1] != nb[:-1] or not _same_parent(oa[:-1], ob[:-1]):
                continue
            if _title(na[-1]) == _title(nb[-1]):
                continue
            pa, pb, qa, qb = position(oa), position(ob), position(na), position(nb)
            if not (pa and pb and qa and qb) or pa == pb or qa == qb or (pa < pb) == (qa < qb):
                continue  # their order kept: not a swap
            ga.facts = sorted(ga.facts + gb.facts, key=lambda f: f.order)
            ga.paths = ordered_unique(ga.paths + gb.paths)
            ga.anchor = common_prefix(ga.paths)
            ga.structural = "swapped"
            ga.heading_paths = sorted([na, nb], key=position)
            ga.why.append(f"「{heading_title(na[-1])}」と「{heading_title(nb[-1])}」が互いの位置に移ったため入れ替えとして一つの行")
            used.update((id(ga), id(gb)))
            groups.remove(gb)
            break


def mark_renames(groups: list[Group]) -> None:
    """A group holding a section's rename cites that section's heading page."""
    for g in groups:
        for f in g.facts:
            if f.kind == SECTION_RENAMED and not g.structural:
                g.structural = "renamed"
                g.heading_paths = ordered_unique([f.section_path] + g.heading_paths)


def regroup(
    groups: list[Group],
    renumbered: frozenset[str] = frozenset(),
    moves: "list[tuple[SectionPath, SectionPath]] | None" = None,
    splits: "list[TitleSplit] | None" = None,
) -> None:
    """All the structural passes, in order."""
    pair_title_splits(groups, splits or [])
    pair_swaps(groups)
    pair_splits(groups, moves)
    pair_merges(groups)
    mark_renames(groups)
    distribute_echoes(groups, renumbered)
    for g in groups:
        if g.echoes or g.structural:
            donors = [p for p in g.paths if any(c[: len(p)] == p for c in g.cut_paths)]
            g.paths = ordered_unique(donors + [where(f) for f in g.facts])
            g.anchor = common_prefix(g.paths)


# ---------------------------------------------------------------- a 節 split by its title

_CONNECTORS = ("並びに", "及び", "および", "と", "・", "、")


@dataclass(frozen=True)
class TitleSplit:
    """「第２節　AとB」 of 素案 became 「第２節　A」 and 「第３節　B」 side by side in 案."""

    old_path: SectionPath  # the joint section in 素案
    kept: SectionPath  # A in 案
    added: SectionPath  # B in 案
    old_title: str  # the keys of the three titles
    kept_title: str
    added_title: str


def _joins(whole: str, first: str, second: str) -> bool:
    """Whether ``whole`` is ``first`` and ``second`` joined by a connector, the
    words they share said once: 「AとB」, 「AとBの推進」 (「Aの推進」「Bの推進」),
    「地域のAとB」 (「地域のA」「地域のB」)."""
    if first == second:
        return False
    for c in _CONNECTORS:
        at = whole.find(c)
        while at > 0:
            left, right = whole[:at], whole[at + len(c):]
            # first = left + S, second = P + right: S ends right, P starts left, each side keeps its own word
            suffix, prefix = first[len(left):], second[: len(second) - len(right)]
            if right and first.startswith(left) and second.endswith(right) and right.endswith(suffix) \
                    and left.startswith(prefix) and len(left) > len(prefix) and len(right) > len(suffix):
                return True
            at = whole.find(c, at + 1)
    return False


def title_splits(old_doc: "Document | None", new_doc: "Document | None") -> list[TitleSplit]:
    """Sections of 素案 whose title joins two titles of siblings in 案 under the
    same parent (the first before the second, side by side or not), neither of
    them a title of 素案 there (the old title itself gone): the section was
    split in two, one decision, whatever the diff aligned with what."""
    if old_doc is None or new_doc is None:
        return []
    titles = lambda path: tuple(_title(h) for h in path)  # noqa: E731
    old_children: dict[tuple[str, ...], list[SectionPath]] = {}
    for path, _ in old_doc.walk():
        old_children.setdefault(titles(path[:-1]), []).append(path)
    new_children: dict[tuple[str, ...], list[SectionPath]] = {}
    for path, _ in new_doc.walk():
        new_children.setdefault(titles(path[:-1]), []).append(path)
    out: list[TitleSplit] = []
    for parent, olds in old_children.items():
        news = new_children.get(parent, [])
        old_titles = {_title(p[-1]) for p in olds}
        new_titles = {_title(p[-1]) for p in news}
        for old in olds:
            whole = _title(old[-1])
            if len(whole) < 2 * MIN_NAME or whole in new_titles:
                continue
            for a, b in ((a, b) for i, a in enumerate(news) for b in news[i + 1:]):
                first, second = _title(a[-1]), _title(b[-1])
                if len(first) >= MIN_NAME and len(second) >= MIN_NAME and first not in old_titles \
                        and second not in old_titles and _joins(whole, first, second):
                    out.append(TitleSplit(old, a, b, whole, first, second))
    return out


def _split_fact(f: Fact, s: TitleSplit) -> str:
    """Why fact ``f`` belongs to split ``s`` ("" when it does not): the
    headings of the two parts, what moved from the joint section into the
    new one, and the lines elsewhere (施策体系) naming the joint title."""
    ch = f.change
    parts = (s.kept, s.added)
    if ch.block_kind == "section" and ch.section_path in parts and f.kind != SECTION_DELETED:
        return "heading"
    if f.kind == SECTION_ADDED and f.section_path == s.added:
        return "heading"
    old_path = ch.old_section_path or ()
    inside = any(f.section_path[: len(p)] == p for p in parts)
    if inside and old_path[: len(s.old_path)] == s.old_path and ch.kind in (ChangeKind.MOVED, ChangeKind.SPLIT):
        return "moved"  # a part of the joint section now under one of the two (whichever the diff took for the old one)
    if inside:
        return ""
    old, new = key(f.old_unit or f.old), key(f.new_unit or f.new)
    if f.kind in (CELL, TEXT) and s.old_title in old and s.old_title not in new and (s.kept_title in new or s.added_title in new):
        return "echo"
    if f.kind == CELL and _title(f.new) == s.added_title and _title(f.old) != s.added_title:
        return "echo"  # the new part's line of the 施策体系 table, whichever old line the table diff set against it
    if f.kind == ROW_ADDED and s.added_title in key(f.new) and s.old_title not in key(f.new):
        return "echo"
    if f.kind == ROW_DELETED and s.old_title in key(f.old):
        return "echo"
    return ""


def pair_title_splits(groups: list[Group], splits: "list[TitleSplit]") -> None:
    """Each split by title is one row: the two headings (and what the new
    one received), the lines naming the joint title elsewhere; the row cites
    both headings and every echo."""
    for s in splits:
        chosen: list[tuple[Group, Fact, str]] = [
            (g, f, why) for g in groups if not g.every for f in g.facts if (why := _split_fact(f, s))]
        if not any(why == "heading" for _, _, why in chosen):
            continue
        target = next(g for g, _, why in chosen if why == "heading")
        heading_groups = {id(g) for g, _, why in chosen if why == "heading"}
        for g in list({id(g): g for g, _, _ in chosen}.values()):
            if g is target:
                continue
            mine = [f for gg, f, _ in chosen if gg is g]
            if id(g) in heading_groups or len(mine) == len(g.facts):
                _join(target, g, echo=True, why="")
                groups.remove(g)
            else:
                for f in mine:
                    _move_fact(f, g, target)
                if not g.facts:
                    groups.remove(g)
        target.echoes.update(id(f) for _, f, why in chosen if why != "heading")
        target.added_root = False
        target.structural = "split"
        target.heading_paths = ordered_unique([s.kept, s.added] + target.heading_paths)
        target.paths = ordered_unique([s.kept, s.added] + [where(f) for f in target.facts])
        target.anchor = common_prefix(target.paths)
        target.statement = f"「{heading_title(single_line(s.old_path[-1]))}」を「{heading_title(single_line(s.kept[-1]))}」と「{heading_title(single_line(s.added[-1]))}」に分割"
        target.why.append(f"「{heading_title(s.old_path[-1])}」の見出しが「{heading_title(s.kept[-1])}」と「{heading_title(s.added[-1])}」に分かれたため、"
                          "見出し・移った内容・施策体系の行を分割として一つの行")
