"""Consequences of a split or a merge are never rows of their own
(``absorb_moved_content``). Pure.

When two 施策 merge, the items of the one merged away move under the other
(ア 早期発見の体制づくり → ウ), its 事業一覧 table and the other's become one,
a label (■主な事業) is printed once instead of twice; when a 施策 is split,
its table's rows are shared out between the two new ones. Each of these
reads, alone, as an edit (「…の表を削除」, 「…の掲載位置を変更」), but the
content is still there: what was deleted in one of the reshaped sections is
in 案 in those sections, what was added there was in 素案 in them. Such facts
join the split or merge row as its echoes (cited for pages, not summarized),
with the evidence; an edit that brings new content stays a row.
"""

from __future__ import annotations

from collections.abc import Sequence

from revtool.changes.facts import (
    BLOCK_ADDED,
    BLOCK_DELETED,
    BLOCK_MOVED,
    ROW_ADDED,
    ROW_DELETED,
    SECTION_MOVED,
    SECTION_RENAMED,
    TABLE_ADDED,
    TABLE_DELETED,
    Fact,
    key,
)
from revtool.changes.group import Group, move_fact, ordered_unique, take_facts, where
from revtool.changes.headings import heading_title
from revtool.changes.text_spans import edit_core
from revtool.model import ChangeKind, Document, SectionPath

_RESHAPING = (ChangeKind.SPLIT, ChangeKind.MERGED)
_TAKEN = (ROW_DELETED, BLOCK_DELETED, TABLE_DELETED)
_BROUGHT = (ROW_ADDED, BLOCK_ADDED, TABLE_ADDED)


def reshaped(g: Group) -> tuple[list[SectionPath], list[SectionPath]]:
    """(the sections of 素案, the sections of 案) that a split or a merge in
    ``g`` reshaped, read from its heading facts; ([], []) when ``g`` is no
    split or merge. A split: one old section, two new; a merge: two old, one new."""
    heads = [f for f in g.facts if f.change.block_kind == "section" and f.change.old_section_path
             and f.change.section_path and f.kind != SECTION_MOVED
             and (f.kind == SECTION_RENAMED or f.change.kind in _RESHAPING)]
    if not heads or (g.structural not in ("split", "merged") and not any(f.change.kind in _RESHAPING for f in heads)):
        return [], []
    olds = ordered_unique(f.change.old_section_path for f in heads)
    news = ordered_unique(f.change.section_path for f in heads)
    return (olds, news) if len(olds) != len(news) else ([], [])


def content_lines(text: str) -> list[str]:
    """A block's or a fact's content as comparable lines: a table row's cells
    joined (tabs or 「 | 」 between them), a paragraph whole."""
    return [k for line in text.split("\n") if (k := key(line).replace("|", ""))]


def _inside(path: SectionPath, roots: list[SectionPath]) -> bool:
    return any(tuple(path[: len(r)]) == tuple(r) for r in roots)


def _lines_under(doc: Document, roots: list[SectionPath]) -> set[str]:
    out: set[str] = set()
    for path, sec in doc.walk():
        if _inside(path, roots):
            for b in sec.blocks:
                out.update(content_lines(b.text))
    return out


def substitutions(groups: list[Group]) -> list[tuple[str, str, Group]]:
    """The one wording edit a repeated-edit row makes in every place (a 課
    renamed in every table), with that row: content that moved with a split
    or a merge carries it too."""
    out: list[tuple[str, str, Group]] = []
    for g in groups:
        if len(g.paths) < 2 or g.structural:
            continue
        pairs = {(key(edit_core(f.old)), key(edit_core(f.new))) for f in g.facts}
        if len(pairs) == 1:
            o, n = next(iter(pairs))
            if len(o) >= 2 and len(n) >= 2:
                out.append((o, n, g))
    return out


def _held(line: str, lines: set[str], subs: Sequence[tuple[str, str, Group]], forward: bool) -> bool:
    """Whether ``line`` is among ``lines``, as it is or with one repeated
    wording edit undone (``forward``: ``lines`` are 案's, ``line`` is 素案's)."""
    if line in lines:
        return True
    for o, n, _ in subs:
        a, b = (o, n) if forward else (n, o)
        if a in line and line.replace(a, b) in lines:
            return True
    return False


def moved_along(f: Fact, old_lines: set[str], new_lines: set[str], subs: Sequence[tuple[str, str, Group]] = ()) -> bool:
    """Whether fact ``f`` only carries content from one place of the reshaped
    sections to another: an item moved under the merged 施策 (ア → ウ), a table,
    row or paragraph deleted whose lines are all in 案's sections, one added
    whose lines were all in 素案's (``subs``: with a repeated wording edit
    undone)."""
    if f.kind in (SECTION_MOVED, BLOCK_MOVED):
        return True
    if f.kind in _TAKEN:
        lines = content_lines(f.old)
        return bool(lines) and all(_held(line, new_lines, subs, True) for line in lines)
    if f.kind in _BROUGHT:
        lines = content_lines(f.new)
        return bool(lines) and all(_held(line, old_lines, subs, False) for line in lines)
    return False


def _renamed_on_the_way(f: Fact, old_lines: set[str], subs: Sequence[tuple[str, str, Group]]) -> "Group | None":
    """The repeated-edit row whose new wording content brought into the
    reshaped sections carries (a row of the merged 事業一覧 with the renamed 課):
    that row is seen there too."""
    if f.kind not in _BROUGHT or moved_along(f, old_lines, set()):
        return None
    return next((g for o, n, g in subs if moved_along(f, old_lines, set(), [(o, n, g)])), None)


def absorb_moved_content(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> None:
    """Every fact inside the sections a split or a merge reshaped that only
    moved content along (``moved_along``) joins that row as an echo: a row of
    other facts gives them up, a row of nothing else joins whole."""
    if old_doc is None or new_doc is None:
        return
    subs = substitutions(groups)
    for g in [g for g in groups if not g.every]:
        olds, news = reshaped(g)
        if not olds or not any(x is g for x in groups):
            continue
        old_lines, new_lines = _lines_under(old_doc, olds), _lines_under(new_doc, news)
        what = "分割" if len(news) > len(olds) else "統合"

        def along(f: Fact) -> bool:
            return _inside(where(f), news) and (not f.change.old_section_path or _inside(f.change.old_section_path, olds)) \
                and moved_along(f, old_lines, new_lines, subs)

        own = [f for f in g.facts if id(f) not in g.echoes and f.kind != SECTION_MOVED and along(f)]
        g.echoes.update(id(f) for f in own)
        taken = len(own)
        for h in list(groups):
            if h is g or h.every:
                continue
            mine = [f for f in h.facts if along(f)]
            if not mine:
                continue
            for f in list(mine):
                renamed = _renamed_on_the_way(f, old_lines, subs)
                if renamed is not None and renamed is not h and any(x is renamed for x in groups):
                    mine.remove(f)  # the renamed wording is seen here: a place of that row, not of the split or merge
                    move_fact(f, h, renamed)
                    why = f"「{f.row_key or heading_title(where(f)[-1])}」が{what}で移った先でも同じ変更が現れるため一つの行"
                    if why not in renamed.why:
                        renamed.why.append(why)
            if not h.facts:
                groups.remove(h)
                continue
            if not mine:
                continue
            taken += len(mine)
            if len(mine) == len(h.facts):
                h.why = []  # its own grouping reasons are moot: all of it moved along
            take_facts(mine, h, g, groups)
        if taken:
            g.why.append(f"{what}した施策の中で内容が移っただけの変更（{taken}件：項目の移動、表・行・見出しの付け替え）は"
                         f"{what}の結果のため一つの行")
