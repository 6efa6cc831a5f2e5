"""The group of facts that becomes one row (``Group``: its facts, anchor,
places and the reasons it was grouped so) and the small helpers every
grouping step shares. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from revtool.changes.facts import CELL, SECTION_DELETED, TEXT, Fact, key, row_cells
from revtool.changes.headings import heading_number, heading_order, heading_title
from revtool.changes.text_spans import edit_core
from revtool.model import SectionPath


MIN_NAME = 4  # characters a name needs before its mention elsewhere counts
_T = TypeVar("_T")


@dataclass(eq=False)
class Group:
    """The facts of one row while rows are being formed. A group is itself, not
    its value (``eq=False``): ``g in groups`` and ``groups.remove(g)`` ask for
    this very group, and comparing two groups field by field (their facts, their
    texts) made each such test cost the size of the plan (1,200 pages:
    ``structure.pair_splits`` 54 s → 0.06 s)."""

    facts: list[Fact]
    anchor: SectionPath
    every: str = ""
    added_root: bool = False
    paths: list[SectionPath] = field(default_factory=list)
    mentions: set[int] = field(default_factory=set)  # facts that only announce an added section
    echoes: set[int] = field(default_factory=set)  # facts repeating the decision elsewhere (counted for pages, not summarized)
    why: list[str] = field(default_factory=list)  # the evidence of each grouping beyond one place
    structural: str = ""  # renamed | split | merged | swapped | moved | reordered (an item of a list), when the row is a structural decision
    heading_paths: list[SectionPath] = field(default_factory=list)  # sections whose heading page the row cites
    cut_paths: list[SectionPath] = field(default_factory=list)  # sections whose content was cut at their end (a split): their last page is cited
    statement: str = ""  # the decision in words when no fact says it (「AとB」を「A」と「B」に分割)
    moved_from: SectionPath = ()  # a table row moved here from that section (``row_moves``): the row is a move
    own_update: str = ""  # evidence that the row is the plan's own update of its figures to a later date (its cause: internal)

    def __getstate__(self) -> dict[str, object]:
        """``mentions`` and ``echoes`` name facts by ``id``, which a copy
        (pickle: ``changelog.Basis``) does not keep: they travel as the
        positions of those facts in ``facts``."""
        state = dict(self.__dict__)
        state["mentions"] = [i for i, f in enumerate(self.facts) if id(f) in self.mentions]
        state["echoes"] = [i for i, f in enumerate(self.facts) if id(f) in self.echoes]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        facts: list[Fact] = state["facts"]  # type: ignore[assignment]
        mentions: list[int] = state["mentions"]  # type: ignore[assignment]
        echoes: list[int] = state["echoes"]  # type: ignore[assignment]
        self.__dict__.update(state)
        self.mentions = {id(facts[i]) for i in mentions}
        self.echoes = {id(facts[i]) for i in echoes}


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
    (施策3 → (3,), 施策4-2 → (4, 2), イ → (2,)); () when it has none."""
    return heading_order(path[-1]) if path else ()


def heading_key(heading_or_text: str) -> str:
    return key(heading_title(single_line(heading_or_text)))


def parents_named(f: Fact, path: SectionPath) -> int:
    """How many of the parents of section ``path`` a table fact's line names in
    its other cells, by number or by title (the 施策の体系 line 「第11章 | 2 |
    ごみ収集の推進」 names 第11章): which of two sections of one name the line is."""
    cells = {key(c) for c in (f.row or row_cells(f.new or f.old)) if c.strip()} | {key(f.row_key)}
    cells.discard("")
    return sum(1 for h in path[:-1] if key(heading_number(h)) in cells or heading_key(h) in cells)


def join_groups(into: Group, other: Group, *, echo: bool, why: str) -> None:
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


def move_fact(f: Fact, source: Group, into: Group) -> None:
    source.facts.remove(f)
    into.facts = sorted(into.facts + [f], key=lambda g: g.order)
    into.echoes.add(id(f))
    into.paths = ordered_unique(into.paths + [where(f)])


def take_facts(facts: list[Fact], source: Group, into: Group, groups: list[Group]) -> None:
    """Move ``facts`` of ``source`` into ``into``: the whole group joins it (and leaves
    ``groups``) when they are all it holds, else each fact moves and ``source`` keeps
    the places of its other edits."""
    if len(facts) == len(source.facts):
        join_groups(into, source, echo=True, why="")
        groups.remove(source)
        return
    for f in facts:
        move_fact(f, source, into)
    source.paths = ordered_unique([where(f) for f in source.facts])


_SENTENCE_END = ("。", "」", "）", ")", "．", "』")


def with_continuations(chosen: list[Fact], facts: list[Fact]) -> list[Fact]:
    """``chosen`` and the added blocks of ``facts`` that go on with the same passage:
    a block added that stops mid-sentence (…交通空白の解消に向けた地方) goes on in the
    block added right after it in the same section (公共団体の役割が明確化されました。) —
    one paragraph a PDF line break cut in two, one decision."""
    keep = {id(f) for f in chosen}
    ordered = sorted(facts, key=lambda f: f.order)
    grown = True
    while grown:
        grown = False
        for a, b in zip(ordered, ordered[1:]):
            if (id(a) in keep) != (id(b) in keep) and b.order[0] == a.order[0] + 1 and where(a) == where(b) \
                    and not a.old.strip() and not b.old.strip() and a.new.strip() and b.new.strip() \
                    and not a.new.rstrip().endswith(_SENTENCE_END):
                keep.update((id(a), id(b)))
                grown = True
    return [f for f in facts if id(f) in keep]


def own_row(first: Group, facts: list[Fact], groups: list[Group]) -> Group:
    """The row of a decision written into several places, starting with ``facts`` of
    ``first``: ``first`` itself when they are all it holds, else a new row of them
    beside it in ``groups`` (``first``'s other edits are another decision and stay)."""
    if len(facts) == len(first.facts):
        return first
    row = Group(facts=[], anchor=where(facts[0]))
    take_facts(facts, first, row, groups)
    row.echoes.difference_update(id(f) for f in facts)  # the first place's words make the summary
    groups.insert(groups.index(first) + (1 if min(f.order for f in first.facts) < min(f.order for f in facts) else 0), row)
    return row


def carries_rename(f: Fact, old_title: str, new_title: str) -> bool:
    """Whether fact ``f`` is the rename old_title → new_title written somewhere
    else (a cell of the 施策の体系 table, a line of the text): the edit is the
    heading itself, number and all, written again; or its unit holds the old
    name before and the new one after, and its edit lies inside them."""
    if f.kind not in (TEXT, CELL) or not old_title or not new_title:
        return False
    ou, nu = key(f.old_unit or f.old), key(f.new_unit or f.new)
    if old_title not in ou or new_title not in nu:
        return False
    if heading_key(f.old) == old_title and heading_key(f.new) == new_title:
        return True  # the cell or the line is the heading itself, number and all (第３節　…, a list of the 基本目標)
    o, n = key(edit_core(f.old)), key(edit_core(f.new))
    return (not o or o in old_title) and (not n or n in new_title) and bool(o or n)
