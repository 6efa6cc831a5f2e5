"""A table row moved from one section to another (``join_row_moves``). Pure.

A 取組 taken out of one 施策's table and put, as it was, in another 施策's
table (第３章 基本方針１（２） → 第４章 基本方針１（２）) reaches the grouping as
two rows: 「…から「X」の取組を削除」 and 「…に「X」（内容 …）の取組を追加」. Staff
write one: 「X」の取組を第３章 基本方針１（２）から第４章 基本方針１（２）に移動.
A group that is only one row deleted and a group that is only one row added,
in another section, with the same key (the row's first cell) and the same or
nearly the same other cells, each key seen once on each side, become one row;
the deleted row stays in it as the place it came from (cited in 素案, not
summarized), and the grouping says why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from revtool.changes.facts import ROW_ADDED, ROW_DELETED, Fact, key
from revtool.changes.group import MIN_NAME, Group, join_groups, where
from revtool.changes.headings import heading_number, heading_title
from revtool.model import SectionPath

SAME_CONTENT = 0.9  # how alike the other cells of the two rows must be (0-1, on the normalised text)
_LEVEL = re.compile(r"^([^\W\d_]{2,6}[0-9０-９]+)(?=[\s　]|$)")


def _lone_row(g: Group, kind: str) -> Fact | None:
    """The one row fact of ``kind`` that is all the group says; None otherwise."""
    if g.every or g.added_root or g.structural or g.statement:
        return None
    facts = [f for f in g.facts if id(f) not in g.mentions]
    if len(facts) != 1 or facts[0].kind != kind:
        return None
    f = facts[0]
    return f if len(key(f.row_key)) >= MIN_NAME else None


def _rest(text: str, row_key: str) -> str:
    """The row's other cells, normalised (its key cell left out)."""
    cells = [c for c in re.split(r"\t| \| ", text)]
    if cells and key(cells[0]) == key(row_key):
        cells = cells[1:]
    return key("".join(cells))


def same_content(old: Fact, new: Fact) -> float:
    """How alike two rows' other cells are (1.0 the same; both empty counts as the same)."""
    a, b = _rest(old.old, old.row_key), _rest(new.new, new.row_key)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def short_place(path: SectionPath) -> str:
    """A section named by its numbers, as staff cite a place: 第３章 基本方針１（２）
    (a heading numbered by a level word, 「１　基本方針１　…」, by that word and number)."""
    labels = []
    for h in path:
        title = heading_title(h.split("\n")[0])
        m = _LEVEL.match(title)
        labels.append(m.group(1) if m else heading_number(h.split("\n")[0]) or title)
    return labels[0] + (" " + "".join(labels[1:]) if len(labels) > 1 else "") if labels else ""


def _row_word(f: Fact) -> str:
    """The word for what a row is: the header of the table's key column (取組), when short."""
    head = f.header[0].strip() if f.header else ""
    return head if 0 < len(head) <= 8 and not re.search(r"\d", head) and not head.endswith("名") else ""


def join_row_moves(groups: list[Group]) -> list[Group]:
    """The groups with each table row moved to another section made one row
    (see the module docstring); the others as they were, in their order."""
    dels: dict[str, list[tuple[Group, Fact]]] = defaultdict(list)
    adds: dict[str, list[tuple[Group, Fact]]] = defaultdict(list)
    for g in groups:
        if (f := _lone_row(g, ROW_DELETED)) is not None:
            dels[key(f.row_key)].append((g, f))
        elif (f := _lone_row(g, ROW_ADDED)) is not None:
            adds[key(f.row_key)].append((g, f))
    gone: set[int] = set()
    for k, olds in dels.items():
        news = adds.get(k, [])
        if len(olds) != 1 or len(news) != 1:
            continue  # a key seen twice on a side: which went where is not known
        (dg, d), (ag, a) = olds[0], news[0]
        old_path = d.change.old_section_path or where(d)
        new_path = where(a)
        if not old_path or not new_path or key("".join(old_path)) == key("".join(new_path)):
            continue
        alike = same_content(d, a)
        if alike < SAME_CONTENT:
            continue
        word = _row_word(a) or _row_word(d)
        what = f"「{a.row_key.strip()}」{'の' + word if word else ''}"
        join_groups(ag, dg, echo=True, why="")
        ag.mentions.add(id(d))  # the place it left: cited in 素案, not a page of the row in 案
        ag.statement = f"{what}を{short_place(old_path)}から{short_place(new_path)}に移動"
        ag.moved_from = old_path
        ag.why.append(f"{short_place(old_path)}の表から削除した行と{short_place(new_path)}の表に追加した行が"
                      f"同じ「{a.row_key.strip()}」で内容も同じ（一致度{alike:.2f}）のため、一つの移動")
        gone.add(id(dg))
    return [g for g in groups if id(g) not in gone]
