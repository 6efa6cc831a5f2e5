"""The pages a row is printed on: in 案 (each fact's block, a structural
decision's headings and echoes, the page a section lost blocks on) and in
素案 (the pages of its places, which comments cite). Pure."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from revtool.changes.fact_groups import MIN_SIGNATURE
from revtool.changes.facts import (
    BLOCK_ADDED,
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
from revtool.changes.headings import heading_title, path_key
from revtool.changes.group import Group
from revtool.model import Block, BlockKind, Change, ChangeKind, Document, PageSpan, Section, SectionPath


# ---------------------------------------------------------------- rows


def new_version_pages(facts: list[Fact], new_doc: Document | None, anchor: SectionPath,
                      old_doc: Document | None = None) -> tuple[int, ...]:
    """Printed pages in the new version: the changes' own, and where each
    deletion would stand in 案 (``deletion_page``: a 施策 deleted is a place of
    its row as much as its line struck from the 施策の体系); else the first
    page of the section it was deleted from; never the old version's."""
    new = sorted({p for f in facts for p in fact_pages(f, new_doc)}
                 | {p for f in facts if (p := deletion_page(f, new_doc, old_doc)) is not None})
    if new:
        return tuple(new)
    if new_doc is not None:
        where = anchor
        while where:
            sec = new_doc.find(where)
            if sec is not None and sec.pages is not None:
                return (sec.pages.first,)
            where = where[:-1]
    return ()


def deletion_page(f: Fact, new_doc: Document | None, old_doc: Document | None) -> int | None:
    """Where a block or section deleted whole would stand in 案, as staff cite a
    deletion: the page of what now precedes it. A section deleted: the last
    page of the sibling before it in 素案 (found in 案 by its title, else by its
    place), or, when it was the first, of its parent's own text. A block: the
    block before it (``_cut_page``). None for anything else, or when 案's
    section is unknown."""
    if f.change.kind != ChangeKind.DELETED or f.change.new_pages or new_doc is None:
        return None
    sec = new_doc.find(f.section_path)
    if sec is None:
        return None
    if f.kind != SECTION_DELETED:
        return _cut_page(sec, [f])
    before = _section_before(f.change.old_section_path, sec, old_doc)
    if before is not None:
        return _last_page(before)
    own = [b.pages for b in sec.blocks if b.pages is not None]
    if own:
        return own[-1].last
    return sec.pages.first if sec.pages is not None else None


def _section_before(old_path: SectionPath, parent: Section, old_doc: Document | None) -> Section | None:
    """The child of ``parent`` (in 案) that stood just before the deleted section
    ``old_path`` in 素案: by its title, else the one at that place."""
    up = old_doc.find(old_path[:-1]) if old_doc is not None and len(old_path) > 1 else None
    if up is None:
        return None
    at = next((i for i, c in enumerate(up.children) if c.heading == old_path[-1]), None)
    if not at or not parent.children:
        return None
    title = key(heading_title(up.children[at - 1].heading))
    same = next((c for c in parent.children if key(heading_title(c.heading)) == title), None)
    return same or parent.children[min(at, len(parent.children)) - 1]


def _last_page(sec: Section) -> int | None:
    """The page of the last printed block in a section and everything under it."""
    for child in reversed(sec.children):
        if (page := _last_page(child)) is not None:
            return page
    own = [b.pages.last for b in sec.blocks if b.pages is not None]
    if own:
        return own[-1]
    return sec.pages.last if sec.pages is not None else None


def fact_pages(f: Fact, new_doc: Document | None = None) -> tuple[int, ...]:
    """The printed page(s) in 案 of one fact. A paragraph or table printed over
    several pages gives the page(s) where the fact sits: exactly when the block
    knows where it turns the page (``Block.page_breaks``), else estimated from
    its place in the block (its share of the text before it, or its row among
    the table's rows); a section added keeps its whole span. A term cut by a
    page break (``is_term``) is on the page where it starts."""
    pages = f.change.new_pages
    if len(pages) <= 1 or f.kind in (SECTION_ADDED, SECTION_RENAMED, SECTION_MOVED):
        return pages
    place = _fact_place(f, new_doc)
    if place is None:
        return pages
    block, start, end, share = place
    if block.page_breaks:
        if f.kind in (TEXT, BLOCK_ADDED) and is_term(block.text[start:end]):
            end = start + 1  # a name cut by the page break: looked up where it starts
        return block.pages_of(start, end)
    if f.kind in (TEXT, BLOCK_ADDED) and (end - start) * 2 > len(block.text):
        return pages  # a rewrite of most of the block keeps all its pages
    return (pages[min(int(share * len(pages)), len(pages) - 1)],)


MAX_TERM = 30  # characters: longer than a name or a value, a span is a passage


def is_term(span: str) -> bool:
    """A name, a word or a value (「健康福祉部医療政策課」「60％」), not a passage: no
    sentence or clause mark and at most ``MAX_TERM`` characters. A term that a
    page break cuts is cited on the page where it starts (a reader looks it up
    there); a passage that runs on to the next page covers both."""
    text = span.strip()
    return bool(text) and len(text) <= MAX_TERM and not re.search(r"[。．、，\n]", text)


def _fact_place(f: Fact, new_doc: Document | None) -> tuple[Block, int, int, float] | None:
    """The block of 案 a fact sits in, the fact's range in its text (a table
    fact: its row's) and where it sits as a share of the block (a table fact:
    of its rows)."""
    pages = f.change.new_pages
    if new_doc is None:
        return None
    sec = new_doc.find(f.section_path)
    blocks = [b for b in (sec.blocks if sec is not None else ()) if b.pages is not None and b.pages.pages() == tuple(pages)]
    if f.kind in (CELL, ROW_ADDED, ROW_DELETED) and f.row_key:
        wanted = key(f.row_key)
        for b in blocks:
            if b.table is None or not wanted:
                continue
            lines = b.text.split("\n")
            rows = [key(" | ".join(c.text for c in r)) for r in b.table.rows]
            hit = _row_of(f, rows)
            if hit is None:
                continue
            share = (hit + 0.5) / len(rows)
            if len(lines) != len(rows):  # cells with line breaks: no offsets, the share only
                return replace(b, page_breaks=()), 0, 0, share
            start = sum(len(line) + 1 for line in lines[:hit])
            return b, start, start + max(len(lines[hit]), 1), share
    elif f.kind in (TEXT, BLOCK_ADDED) and f.change.new_text:
        text = f.change.new_text
        probe = f.new or f.new_unit
        at = text.find(probe) if probe else -1
        if at < 0:
            return None
        block = next((b for b in blocks if b.text == text), None)
        if block is None:
            block = Block(BlockKind.PARAGRAPH, text, pages=PageSpan(pages[0], pages[-1]))
        return block, at, at + len(probe), (at + len(probe) / 2) / len(text)
    return None


def old_version_pages(facts: list[Fact], old_doc: Document | None, structural: bool = False) -> tuple[int, ...]:
    """The 素案 pages the row's places are printed on: each changed block's pages
    and the span of the 素案 section holding it (a comment citing 「P.16」 names the
    page of the section's heading or of its text). A structural row (a 施策
    split, merged, renamed, moved) is also on the page of the heading of the
    section holding its changed parts (the 施策 itself)."""
    pages: set[int] = set()
    for f in facts:
        pages.update(f.change.old_pages)
        path = f.change.old_section_path
        if old_doc is None or not path:
            continue
        section = old_doc.find(path)
        if section is not None and section.pages is not None:
            pages.update(section.pages.pages())
        parent = old_doc.find(path[:-1]) if structural and len(path) > 1 else None
        if parent is not None and parent.pages is not None:
            pages.add(parent.pages.first)
    return tuple(sorted(pages))


def structural_pages(g: Group, facts: list[Fact], new_doc: Document | None,
                     moved_blocks: "Sequence[Change]" = ()) -> tuple[int, ...]:
    """A structural decision is seen on the headings it moved, renamed, split
    or merged (their first page in 案) and wherever it is echoed (the 施策の体系
    table); not on every page of the sections involved. A split's donor is
    seen where its content was cut: its blocks deleted, or carried into the
    new section (``moved_blocks``: the diff's blocks moved between sections,
    none of them a fact of the row)."""
    pages: set[int] = set()
    for path in g.heading_paths:
        sec = new_doc.find(path) if new_doc is not None else None
        if sec is not None and sec.pages is not None:
            pages.add(sec.pages.first)
        else:  # the section's pages unknown: its heading change's own first page
            pages.update(f.change.new_pages[0] for f in facts if f.section_path == path and f.change.new_pages
                         and f.kind in (SECTION_RENAMED, SECTION_MOVED, SECTION_ADDED))
    for path in g.cut_paths:
        sec = new_doc.find(path) if new_doc is not None else None
        cuts = [f for f in facts if f.section_path == path and f.polarity == "-"]
        out = [ch for ch in moved_blocks if not cuts and path_key(ch.old_section_path) == path_key(path)
               and ch.section_path[: len(path)] != path]
        cut = _cut_page(sec, cuts, out) if sec is not None else None
        if cut is not None:
            pages.add(cut)
        elif sec is not None and sec.pages is not None:
            pages.add(sec.pages.last)
    for f in facts:
        inside = any(f.section_path[: len(h)] == h for h in g.heading_paths)
        if not inside or not g.heading_paths:
            pages.update(f.change.new_pages[:1] if f.kind in (SECTION_RENAMED, SECTION_MOVED) else fact_pages(f, new_doc))
    return tuple(sorted(pages)) or new_version_pages(facts, new_doc, g.anchor)


def order_echoes(g: Group, old_doc: Document | None, new_doc: Document | None) -> tuple[set[int], list[SectionPath]]:
    """Where two swapped sections are listed elsewhere in the opposite order
    from 素案 (the lines of the 施策の体系 table): pages of those lines and the
    sections holding them. A table whose rows only traded places has no
    changed cell, so no fact says so. Their own parent's list of its
    children (「【施策の方向】１　…　２　…」 under the 基本目標 heading, naming
    nothing deeper) is that parent's table of contents, like 目次: it follows
    the headings and is no place of the decision; an overview naming
    the sections below them too (a 施策の体系 at the head of the chapter) is.
    A table read as lines (a block per line, none a sentence) is one listing."""
    if g.structural != "swapped" or old_doc is None or new_doc is None or len(g.heading_paths) < 2:
        return set(), []
    titles = [heading_title(p[-1]) for p in g.heading_paths[:2]]
    if any(len(key(t)) < MIN_SIGNATURE for t in titles):
        return set(), []
    swapped = g.heading_paths[:2]
    parent = new_doc.find(swapped[0][:-1]) if len(swapped[0]) > 1 else None
    deeper = _titles_below(parent, 2) if parent is not None else set()

    def listings(doc: Document) -> list[tuple[SectionPath, bool, list[tuple[Block, int, str]]]]:
        """(section, titles[0] before titles[1], where each stands) of each listing of both titles."""
        out = []
        for path, sec in doc.walk():
            if any(path[: len(h)] == h for h in swapped):
                continue
            found = False
            for b in sec.blocks:
                a, c = b.text.find(titles[0]), b.text.find(titles[1])
                if a >= 0 and c >= 0 and not (sec is parent and not any(t in b.text for t in deeper)):
                    out.append((path, a < c, [(b, a, titles[0]), (b, c, titles[1])]))
                    found = True
            # a table read as lines (a borderless 施策の体系 in a PDF: a block per line): the
            # lines naming either title, none of them a sentence
            lines = [(i, b, b.text.find(t), t) for t in titles for i, b in enumerate(sec.blocks)
                     if "。" not in b.text and b.text.find(t) >= 0]
            first = [next((x for x in lines if x[3] == t), None) for t in titles]
            if not found and first[0] is not None and first[1] is not None and first[0][1] is not first[1][1] \
                    and sec is not parent:
                (i, b, a, t), (j, d, c, u) = first[0], first[1]
                out.append((path, (i, a) < (j, c), [(b, a, t), (d, c, u)]))
        return out

    old_order: dict[SectionPath, bool] = {}
    for p, order, _ in listings(old_doc):
        old_order.setdefault(p, order)
    pages: set[int] = set()
    paths: list[SectionPath] = []
    for path, order, hits in listings(new_doc):
        before = old_order.get(path)
        if before is None or before == order or any(b.pages is None for b, _, _ in hits):
            continue
        for b, at, title in hits:
            pages.update(_pages_at(b, at, len(title)))
        paths.append(path)
    return pages, paths


def move_echoes(g: Group, old_doc: Document | None, new_doc: Document | None) -> tuple[set[int], list[SectionPath]]:
    """Where a section moved to another parent (a 施策 now under another 基本目標)
    is listed elsewhere under its new parent where 素案 listed it under the old
    one (its line of the 施策の体系 table, whose cells did not change: the
    line only moved to the other group): pages of those lines and the sections
    holding them. The owner of a listed name is the nearest parent-level title
    before it in the listing."""
    if g.structural != "moved" or old_doc is None or new_doc is None or len(g.heading_paths) != 1:
        return set(), []
    new_path = g.heading_paths[0]
    moved = next((f for f in g.facts if f.kind == SECTION_MOVED and f.section_path == new_path), None)
    old_path = moved.change.old_section_path if moved is not None else ()
    if len(new_path) < 2 or len(old_path) < 2:
        return set(), []
    name, old_name = heading_title(new_path[-1]), heading_title(old_path[-1])
    if len(key(name)) < MIN_SIGNATURE or len(key(old_name)) < MIN_SIGNATURE:
        return set(), []

    def owners(doc: Document, path: SectionPath, title: str, parent: str) -> list[tuple[SectionPath, Block, int]]:
        """Blocks outside the moved section listing ``title`` after ``parent``,
        nearest of the parent-level titles before it."""
        up = doc.find(path[:-2]) if len(path) > 2 else None
        level = [heading_title(c.heading) for c in (up.children if up is not None else doc.sections)]
        level = [t for t in level if len(key(t)) >= MIN_SIGNATURE]
        out = []
        for where, b, at in first_in_each_block(doc, title):
            if where[: len(path)] == path:
                continue
            nearest = max(((b.text.rfind(t, 0, at), t) for t in level), default=(-1, ""))
            if nearest[0] >= 0 and nearest[1] == parent:
                out.append((where, b, at))
        return out

    was = {where for where, _, _ in owners(old_doc, old_path, old_name, heading_title(old_path[-2]))}
    pages: set[int] = set()
    paths: list[SectionPath] = []
    for where, b, at in owners(new_doc, new_path, name, heading_title(new_path[-2])):
        if where in was and b.pages is not None:
            pages.update(_pages_at(b, at, len(name)))
            paths.append(where)
    return pages, paths


_SEPARATOR = "\n\x00"  # no name holds it, so a name found in the joined text lies inside one block
_INDEXES: dict[int, tuple[Document, tuple[str, list[int], list[tuple[SectionPath, Block]]]]] = {}


def _block_text_index(doc: Document) -> tuple[str, list[int], list[tuple[SectionPath, Block]]]:
    """Every block's text of ``doc`` joined in document order, where each starts, and the
    blocks with their section paths. Kept for the last few documents: ``move_echoes`` looks a
    name up in the whole document once per moved section, and a Python loop over every block
    for each move was quadratic in a 1,200-page plan (3.9 s of a 15 s changelog)."""
    hit = _INDEXES.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    blocks = [(where, b) for where, sec in doc.walk() for b in sec.blocks]
    starts: list[int] = []
    pos = 0
    for _, b in blocks:
        starts.append(pos)
        pos += len(b.text) + len(_SEPARATOR)
    index = (_SEPARATOR.join(b.text for _, b in blocks), starts, blocks)
    if len(_INDEXES) >= 4:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(doc)] = (doc, index)
    return index


def first_in_each_block(doc: Document, title: str) -> list[tuple[SectionPath, Block, int]]:
    """(section path, block, offset) of the first ``title`` in each block of ``doc`` that holds
    it, in document order: what ``b.text.find(title)`` over every block gives, found at C speed."""
    if not title:
        return []
    text, starts, blocks = _block_text_index(doc)
    out: list[tuple[SectionPath, Block, int]] = []
    i = text.find(title)
    while i >= 0:
        n = bisect_right(starts, i) - 1
        where, b = blocks[n]
        at = i - starts[n]
        if at + len(title) <= len(b.text):
            out.append((where, b, at))
            i = text.find(title, starts[n] + len(b.text) + len(_SEPARATOR))  # the next block on
        else:  # ran over the block's end into the separator: look further
            i = text.find(title, i + 1)
    return out


def _pages_at(b: Block, at: int, length: int) -> tuple[int, ...]:
    """The page(s) of ``b.text[at:at + length]``: exact when the block knows where
    it turns the page, else estimated from its place in the block."""
    if b.pages is None:
        return ()
    if b.page_breaks:
        return b.pages_of(at, at + length)
    span = b.pages.pages()
    return (span[min(int(at / max(len(b.text), 1) * len(span)), len(span) - 1)],)


def _titles_below(sec: Section, depth: int) -> set[str]:
    """The titles (keys long enough to be told apart) of the sections ``depth``
    levels or more below ``sec``."""
    out: set[str] = set()
    level, d = list(sec.children), 1
    while level:
        if d >= depth:
            out.update(t for c in level if len(t := heading_title(c.heading)) >= MIN_SIGNATURE)
        level, d = [c for s in level for c in s.children], d + 1
    return out


def _row_of(f: Fact, rows: list[str]) -> int | None:
    """The row of 案's table a table fact stands on (``rows``: each row's key,
    cells joined by ``|``): an added row by its whole text, a cell by its row
    key; a deleted row where the surviving row most like it stands (a renamed
    施策's old line next to its new one, a merged 施策's line by the merged one,
    a line renumbered by a swap by its name: （２）X now （１）X); a cell by the
    line holding its new text when lines share the key."""
    wanted = key(f.row_key)
    if f.kind == ROW_ADDED:
        whole = key(f.new)
        hit = next((i for i, k in enumerate(rows) if k == whole), None)
        if hit is not None:
            return hit
    if f.kind == ROW_DELETED:
        gone = key(f.old)
        # by its key, else by its name without the number (a line renumbered by a swap: （２）X now （１）X)
        name = key(heading_title(f.row_key))
        for probe in (wanted, name if len(name) >= MIN_SIGNATURE else None):
            scored = [(SequenceMatcher(None, gone, k, autojunk=False).ratio(), -i) for i, k in enumerate(rows)
                      if probe is not None and probe in k]
            if scored:
                break
        best = max(scored, default=None)
        return -best[1] if best is not None and best[0] >= 0.5 else None
    held = [i for i, k in enumerate(rows) if wanted in k]
    # a key that several lines share (施策の体系 keyed by its chapter: 第3章 | 1, 第3章 | 2 …): the line
    # holding the cell's new text
    probes = [p for p in (key(f.change.new_text), key(f.new_unit), key(f.new)) if len(p) >= MIN_SIGNATURE]
    hit = next((i for p in probes if len(held) > 1 for i in held if p in rows[i]), held[0] if held else None)
    parts = [key(p) for p in f.row_key.split()]
    if hit is None and len(parts) > 1 and all(parts):  # a row named by two key cells: 「一時預かり事業 量の見込み」
        hit = next((i for i, k in enumerate(rows) if all(p in k for p in parts)), None)
    return hit


_INDEX = re.compile(r"([0-9]+)$")


_MOVED_FROM = re.compile(r"([0-9]+)\s*→")


def _cut_page(sec: Section, cuts: list[Fact], moved_out: "Sequence[Change]" = ()) -> int | None:
    """The page of 案 where a section lost the blocks ``cuts`` deleted, or the
    blocks ``moved_out`` carried to another section (a split: 「箇条書き3 →
    箇条書き1」): the page of the block that now stands where the first of them
    stood (the one before it among the blocks of its kind, by the old block's
    number), else the page of the section's last block."""
    places = [(f.change.block_kind, m) for f in cuts if (m := _INDEX.search(f.change.location))]
    places += [(ch.block_kind, m) for ch in moved_out if (m := _MOVED_FROM.search(ch.location))]
    for block_kind, m in places:
        kin = [b for b in sec.blocks if str(b.kind) == block_kind and b.pages is not None]
        if not kin:
            continue
        before = kin[max(0, min(int(m.group(1)) - 1, len(kin)) - 1)]
        assert before.pages is not None
        return before.pages.last
    known = [b.pages for b in sec.blocks if b.pages is not None]
    return known[-1].last if known else None
