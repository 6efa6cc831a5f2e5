"""A 節 split by its title: 「A及びB」 in 素案 is 「A」 and 「B」 in 案
(``title_splits``), and the facts of that split join one row
(``pair_title_splits``). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.changes.facts import CELL, ROW_ADDED, ROW_DELETED, SECTION_ADDED, SECTION_DELETED, TEXT, Fact, key
from revtool.changes.group import (
    common_prefix,
    Group,
    join_groups,
    MIN_NAME,
    move_fact,
    ordered_unique,
    single_line,
    heading_key,
    where,
)
from revtool.changes.headings import heading_title
from revtool.model import ChangeKind, Document, SectionPath


# ---------------------------------------------------------------- a 節 split by its title

_CONNECTORS = ("並びに", "及び", "および", "と", "・", "、")
MAX_TAIL = 4  # characters both parts may add to their halves of the joint title (の推進)


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
    「地域のAとB」 (「地域のA」「地域のB」), or each half given the same short
    tail: 「AとB」 (「Aの推進」「Bの推進」)."""
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
            # or each part took the same new tail: 「AとB」 → 「Aの推進」「Bの推進」
            tail = first[len(left):]
            if right and tail and first.startswith(left) and second == right + tail and len(tail) <= MAX_TAIL:
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
    titles = lambda path: tuple(heading_key(h) for h in path)  # noqa: E731
    old_children: dict[tuple[str, ...], list[SectionPath]] = {}
    for path, _ in old_doc.walk():
        old_children.setdefault(titles(path[:-1]), []).append(path)
    new_children: dict[tuple[str, ...], list[SectionPath]] = {}
    for path, _ in new_doc.walk():
        new_children.setdefault(titles(path[:-1]), []).append(path)
    out: list[TitleSplit] = []
    for parent, olds in old_children.items():
        news = new_children.get(parent, [])
        old_titles = {heading_key(p[-1]) for p in olds}
        new_titles = {heading_key(p[-1]) for p in news}
        for old in olds:
            whole = heading_key(old[-1])
            if len(whole) < 2 * MIN_NAME or whole in new_titles:
                continue
            for a, b in ((a, b) for i, a in enumerate(news) for b in news[i + 1:]):
                first, second = heading_key(a[-1]), heading_key(b[-1])
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
    if f.kind == CELL and heading_key(f.new) == s.added_title and heading_key(f.old) != s.added_title:
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
                join_groups(target, g, echo=True, why="")
                groups.remove(g)
            else:
                for f in mine:
                    move_fact(f, g, target)
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
