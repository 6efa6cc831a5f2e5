"""Facts elsewhere that repeat a structural decision (the 施策の体系 table's
cell renamed, its row added or deleted, two rows trading names, the line of a
施策 moved to another 政策) join that
decision's row; facts that only renumber a title that kept its name are
consequences and are dropped (``distribute_echoes``). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.changes.facts import (
    BLOCK_DELETED,
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
    row_cells,
)
from revtool.changes.group import (carries_rename, Group, MIN_NAME, move_fact, ordered_unique, heading_key, parents_named,
                                  single_line, where)
from revtool.changes.headings import bare_title, heading_number, heading_title
from revtool.model import ChangeKind, SectionPath


@dataclass(frozen=True)
class _Anchor:
    group: Group
    role: str  # renamed | widened (a short name extended) | added | deleted | swapped | moved | reshaped (a split's or merge's section)
    old: str  # the key of the old name ("" for an added section)
    new: str  # the key of the new name ("" for a deleted section)
    other: str = ""  # swapped: the key of the other section's name
    # renamed: the old and new names without a second numbering (基本方針２　こころと体の休養 →
    # こころと体の休養), as running prose names the section (「基本方針２では、こころと体の休養に向けて…」)
    bare: tuple[str, str] = ("", "")
    # moved: the parent it left and the parent it joined (5-3　基本方針2　…, 5-4　基本方針3　…)
    parents: tuple[str, str] = ("", "")
    path: SectionPath = ()  # the section the decision is about (in 案; a deleted one's old path)


def _anchors(groups: list[Group]) -> list[_Anchor]:
    out: list[_Anchor] = []
    for g in groups:
        for f in g.facts:
            if f.kind == SECTION_RENAMED:
                old, new = heading_key(f.old), heading_key(f.new)
                if len(old) >= MIN_NAME and old != new:
                    out.append(_Anchor(g, "renamed", old, new, bare=_bare_names(f.old, f.new), path=f.section_path))
                elif old and len(new) >= MIN_NAME and new.startswith(old):
                    # a short name widened (環境 → 環境・廃棄物処理): too short to look for alone, its
                    # rename is found only where the very same widening is written (``carries_rename``)
                    out.append(_Anchor(g, "widened", old, new, path=f.section_path))
            elif f.kind == SECTION_ADDED and g.added_root and f.section_path == g.anchor:
                new = heading_key(f.section_path[-1])
                if len(new) >= MIN_NAME:
                    out.append(_Anchor(g, "added", "", new, path=g.anchor))
            elif f.kind == SECTION_DELETED:
                old = heading_key((f.change.old_section_path or f.section_path)[-1])
                if len(old) >= MIN_NAME:
                    out.append(_Anchor(g, "deleted", old, "", path=f.change.old_section_path or f.section_path))
            elif gone := merged_away(f):
                out.append(_Anchor(g, "deleted", gone, "", path=f.change.old_section_path))  # its line in the 施策の体系 table goes with it
        if g.structural == "swapped":
            a, b = (heading_key(p[-1]) for p in g.heading_paths[:2])
            out.append(_Anchor(g, "swapped", a, b, b, path=g.heading_paths[0]))
        if g.structural in ("split", "merged"):
            for p in g.heading_paths:  # the sections it reshaped: their lines of an overview table are its
                name = heading_key(p[-1])
                if len(name) >= MIN_NAME:
                    out.append(_Anchor(g, "reshaped", name, name, path=p))
        moved = _moved_across(g)
        if moved:
            f = g.facts[0]
            parents = (single_line(f.change.old_section_path[-2]), single_line(f.change.section_path[-2]))
            out.append(_Anchor(g, "moved", moved, moved, parents=parents, path=g.heading_paths[0]))
    return out


def _bare_names(old: str, new: str) -> tuple[str, str]:
    """A renamed heading's old and new names without any number
    (``２　基本方針２　こころと体の休養`` → ``こころと体の休養``), when that strips
    more than the heading's own number and both names stay long enough to be
    recognised in a sentence; ("", "") otherwise."""
    o, n = (heading_title(heading_title(single_line(t))).strip() for t in (old, new))
    ko, kn = key(o), key(n)
    if (ko, kn) == (heading_key(old), heading_key(new)) or min(len(ko), len(kn)) < MIN_NAME or ko == kn:
        return ("", "")
    return o, n


def _named_in_prose(f: Fact, a: _Anchor) -> bool:
    """Whether a text fact is the rename of anchor ``a`` written in running
    prose: its sentence names the section by its old bare name, and replacing
    that name by the new one gives the new sentence — nothing else changed."""
    old, new = (key(n) for n in a.bare)
    if f.kind != TEXT or not old or not f.old_unit or not f.new_unit:
        return False
    ou, nu = key(f.old_unit), key(f.new_unit)
    return old in ou and new not in ou and ou.replace(old, new) == nu


def merged_away(f: Fact) -> str:
    """The key of the title of a section the diff merged into a sibling under
    another title (（３）高齢者虐待の防止 → （２）権利擁護と虐待防止の推進), "" for
    any other fact: the merged section is gone as a deleted one is."""
    ch = f.change
    if ch.block_kind != "section" or ch.kind != ChangeKind.MERGED or f.kind == SECTION_MOVED or not ch.old_section_path:
        return ""
    old = heading_key(ch.old_section_path[-1])
    new = heading_key(ch.section_path[-1]) if ch.section_path else ""
    return old if len(old) >= MIN_NAME and old != new else ""


def _moved_across(g: Group) -> str:
    """The key of the name of the section a group moves to another parent
    (``structure.mark_moves``: 施策「X」を政策「A」から政策「B」に移動); "" otherwise."""
    if g.structural != "moved" or not g.heading_paths:
        return ""
    # a heading numbered twice (5-4-5　施策3-5　…) is named by its title alone, as its table line is
    name = key(bare_title(single_line(g.heading_paths[0][-1])))
    return name if len(name) >= MIN_NAME else ""


def _table_line_of(f: Fact, name: str) -> bool:
    """Whether a table fact holds ``name`` as a cell of its own, number aside
    (the 施策体系 line ５－１－３ 重層的な支援体制の構築)."""
    if f.kind == CELL:
        cells = [f.old, f.new]
    elif f.kind in (ROW_ADDED, ROW_DELETED):
        cells = row_cells(f.new or f.old)  # tab- or " | "-joined, as the table diff wrote the row
    else:
        return False
    return any(heading_key(c) == name for c in cells if c.strip())


def _names_parent(cell: str, parent: str) -> bool:
    """Whether a table cell names a parent section: by its title (基本方針2　誰もが… for 5-3　基本方針2
    誰もが…) or by its number alone (基本方針2, 5-3)."""
    if not cell.strip() or not parent:
        return False
    c = single_line(cell)
    if len(key(bare_title(c))) >= MIN_NAME and key(bare_title(c)) == key(bare_title(parent)):
        return True
    numbers = {key(heading_number(parent)), key(heading_number(heading_title(parent)))} - {""}
    return number_only(c) and key(c) in numbers


def number_only(text: str) -> bool:
    """Whether a text is a section number and nothing else (3-3-4, 施策3-4, 第2節)."""
    number = heading_number(text.strip())
    return bool(number) and key(number) == key(text)


def renumbers_line(f: Fact) -> bool:
    """Whether a table fact only changes the number in a line (the 分野 cell 3-3-4 → 3-3-6 of
    the 施策の体系 table), the line's name in another cell (``Fact.row``)."""
    return f.kind == CELL and bool(f.row) and number_only(f.old) and number_only(f.new)


def _line_names(f: Fact) -> set[str]:
    return {heading_key(c) for c in f.row if c.strip()}


def _echoes(f: Fact, a: _Anchor) -> bool:
    """Whether fact ``f`` repeats the decision of anchor ``a`` elsewhere."""
    if renumbers_line(f) and a.role != "deleted":
        # the line of the decision's section renumbered by it (a swap, a split before it)
        return bool({a.old, a.new, a.other} & _line_names(f) - {""})
    if a.role == "reshaped":
        # any cell of the line of a section a split or merge reshaped (主な取組 shared out)
        return f.kind == CELL and a.new in _line_names(f)
    old, new = key(f.old), key(f.new)
    if a.role == "widened":
        return carries_rename(f, a.old, a.new)
    if a.role == "renamed":
        # a cell renamed, or the row keyed by the name deleted and added again
        return carries_rename(f, a.old, a.new) or (f.kind == ROW_ADDED and a.new in new and a.old not in new) or (
            f.kind == ROW_DELETED and a.old in old and a.new not in old) or _named_in_prose(f, a)
    if a.role == "added":
        return f.kind in (ROW_ADDED, CELL, TEXT) and a.new in new and a.new not in old
    if a.role == "deleted":
        return f.kind in (ROW_DELETED, CELL, TEXT, BLOCK_DELETED) and a.old in old and a.old not in new
    if a.role == "moved":
        # its line in an overview table, now under the new parent (a consequence of the move, one of its pages),
        # and that line's cell of the parent, changed from the parent it left to the one it joined
        return _table_line_of(f, a.new) or (f.kind == CELL and a.new in _line_names(f) and _names_parent(f.old, a.parents[0])
                                            and _names_parent(f.new, a.parents[1]))
    if a.role == "swapped":
        return f.kind in (CELL, TEXT, ROW_ADDED, ROW_DELETED) and (
            (a.old in old and a.other in new) or (a.other in old and a.old in new) or (a.old in new + old and f.kind != TEXT)
            # a cell of a swapped section's line emptied or filled: the text of a cell merged over
            # several lines (基本目標Ⅰ…) sits in the first line, which the swap changed
            or (f.kind == CELL and not (old and new) and bool({a.old, a.other} & (_line_names(f) | {heading_key(f.row_key)})))
        )
    return False


def _fact_bigrams(f: Fact) -> set[str]:
    """The bigrams of every text ``_echoes`` looks for a name in: the fact's
    old and new text (also joined, new then old), their units, its row's key and cells."""
    out: set[str] = set()
    for t in (key(f.new) + key(f.old), key(f.old_unit or f.old), key(f.new_unit or f.new), key(f.row_key),
              *(key(c) for c in f.row)):
        out.update(t[i : i + 2] for i in range(len(t) - 1))
    return out


def _names(a: _Anchor) -> tuple[str, ...]:
    """The names one of which ``_echoes`` needs whole in one of a fact's texts."""
    return {"renamed": (a.old, a.new, *(key(n) for n in a.bare if n)), "widened": (a.new,), "added": (a.new,), "deleted": (a.old,), "swapped": (a.old, a.other),
            "moved": (a.new,), "reshaped": (a.new,)}.get(a.role, ())


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
            target = _nearest([anchors[k] for k in index.candidates(f) if _echoes(f, anchors[k])], f)
            if target is not None:
                move_fact(f, g, target.group)
                reason = echo_reason(target, g, f)
                if reason not in target.group.why:
                    target.group.why.append(reason)
            elif renumbered and f.kind in (ROW_ADDED, ROW_DELETED, CELL) and _only_renumbers(f, renumbered):
                g.facts.remove(f)  # a consequence: the number of a 施策 that kept its name
        if not g.facts:
            groups.remove(g)
        else:
            g.paths = ordered_unique([where(f) for f in g.facts])


def _nearest(anchors: list[_Anchor], f: Fact) -> _Anchor | None:
    """Of the decisions a fact repeats, the one whose section the fact's line
    places: two 施策 of one name added under two chapters, and the 施策の体系
    line 「第11章 | 2 | ごみ収集の推進」 names the chapter of the second (its other
    cells name the section's parents by number or title). Else the first."""
    if len(anchors) < 2:
        return anchors[0] if anchors else None
    return max(anchors, key=lambda a: parents_named(f, a.path))  # the first among equals


_ROLE_JA = {"renamed": "名称変更", "widened": "名称変更", "added": "追加", "deleted": "削除", "swapped": "順序の入れ替え", "moved": "移動"}
_RESHAPED_JA = {"split": "分割", "merged": "統合"}


def echo_reason(target: _Anchor, g: Group, f: Fact | None = None) -> str:
    """The evidence of a fact ``f`` of ``g`` joining the decision of ``target``."""
    name = target.new or target.old
    if f is not None and target.role == "renamed" and not carries_rename(f, target.old, target.new) and _named_in_prose(f, target):
        old, new = target.bare
        return (f"「{name}」の名称変更が「{heading_title(where(f)[-1])}」の本文にも現れるため一つの行"
                f"（文中の「{old}」→「{new}」のほかは同じ文）")
    role = _ROLE_JA[target.role] if target.role != "reshaped" else _RESHAPED_JA.get(target.group.structural, "分割")
    # (a group of repeated edits may have no common section: its first place names it)
    place = g.anchor or (g.paths[0] if g.paths else ())
    return f"「{name}」の{role}が{'・'.join(heading_title(h) for h in place[-1:])}にも現れるため一つの行"


def _only_renumbers(f: Fact, renumbered: frozenset[str]) -> bool:
    text = key(f.new or f.old)
    # or the number cell of a line whose name kept its name (公園・緑地の方針 3-3-3 → 3-3-4 after a split)
    return any(t in text for t in renumbered) or (renumbers_line(f) and bool(_line_names(f) & renumbered))
