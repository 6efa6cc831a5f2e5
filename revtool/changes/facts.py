"""Split Changes into *facts*: the atomic edits a 別紙2 row talks about.

A diff engine may report a whole table or paragraph as one Change; a row of
「素案からの主な変更点」 talks about smaller things: a column added to a table,
one cell rewritten, a phrase deleted from a sentence. ``facts_of`` turns one
Change into such facts so that grouping and summaries work the same whatever
granularity the diff stage chose. Pure: no files, no clock, deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from revtool.changes.headings import bare_title, heading_title, path_key
from revtool.changes.text_spans import balanced_span, changed_share, phrase_context, predicate_context, sentence_rewrites, text_spans, sentence_around
from revtool.compare.tablediff import align_tables
from revtool.model import Change, ChangeKind, SectionPath, Table
from revtool.normalize import compact_key


# Fact kinds
TEXT = "text"  # a span of a paragraph (or a cell reported alone) replaced/inserted/deleted
CELL = "cell"  # one table cell changed inside a table reported as a whole
ROW_ADDED = "row-added"
ROW_DELETED = "row-deleted"
COLUMN_ADDED = "column-added"
COLUMN_DELETED = "column-deleted"
BLOCK_ADDED = "block-added"  # a paragraph or list item added
BLOCK_DELETED = "block-deleted"
TABLE_ADDED = "table-added"
TABLE_DELETED = "table-deleted"
SECTION_ADDED = "section-added"
SECTION_DELETED = "section-deleted"
SECTION_RENAMED = "section-renamed"
SECTION_MOVED = "section-moved"
BLOCK_MOVED = "block-moved"  # a paragraph or list item moved, as it was, to another section
ITEM_REORDERED = "item-reordered"  # a measure's titled item moved, as it was, to another place in its list


@dataclass(frozen=True)
class Fact:
    """One atomic edit. ``old``/``new`` are the changed spans expanded to natural
    units (a word, a cell, a row); ``old_unit``/``new_unit`` the enclosing unit
    (the sentence or the cell) for quoting; ``column`` the column header of a
    table cell, ``row_key`` the row's key cell."""

    change: Change
    kind: str
    old: str = ""
    new: str = ""
    old_unit: str = ""
    new_unit: str = ""
    column: str = ""
    row_key: str = ""
    order: tuple[int, int] = (0, 0)
    header: tuple[str, ...] = ()  # the table's header row, when known
    row: tuple[str, ...] = ()  # the cells of the table row holding a cell fact, when found (its line's other names)
    item: str = ""  # the name of the numbered item (②　ＳＮＳを活用した啓発) whose body the fact edits, when known

    @property
    def section_path(self) -> SectionPath:
        return self.change.section_path

    @property
    def pages(self) -> tuple[int, ...]:
        return self.change.new_pages or self.change.old_pages

    @cached_property
    def polarity(self) -> str:
        """``+`` adds content, ``-`` removes it, ``~`` rewrites it."""
        if self.kind in (ROW_ADDED, BLOCK_ADDED, TABLE_ADDED, SECTION_ADDED):
            return "+"
        if self.kind in (ROW_DELETED, BLOCK_DELETED, TABLE_DELETED, SECTION_DELETED, COLUMN_DELETED):
            return "-"
        if self.kind in (TEXT, CELL):
            if self.old and not self.new:
                return "-"
            if self.new and not self.old:
                return "+"
            spans = text_spans(self.old, self.new)
            if spans and all(b1 == b2 for _, _, b1, b2 in spans):
                return "-"
            if spans and all(a1 == a2 for a1, a2, _, _ in spans):
                return "+"
        return "~"


# ---------------------------------------------------------------- text helpers

key = compact_key  # the comparison key of revtool.normalize: NFKC, no whitespace


# ---------------------------------------------------------------- tables


def is_table_text(text: str) -> bool:
    return "\t" in text


def parse_table(text: str) -> list[list[str]]:
    rows = [r.split("\t") for r in text.split("\n")]
    return [r for r in rows if any(c.strip() for c in r)]


_MARKERISH = re.compile(r"^[\s\u3000]*[0-9０-９]*[.．)）]?[\s\u3000]*$")


def row_key(row: list[str]) -> str:
    """A row's key: its first cell that is more than a number or a marker."""
    for c in row:
        if c.strip() and not _MARKERISH.match(c):
            return c.strip()
    return row[0].strip() if row else ""


def _table_facts(change: Change, idx: int) -> list[Fact]:
    """The facts of a table reported as one change (both texts tab-separated, first
    row the header), aligned as the diff stage aligns tables (``compare.tablediff``)."""
    old_rows, new_rows = parse_table(change.old_text), parse_table(change.new_text)
    if not old_rows or not new_rows:
        return []
    al = align_tables(Table.from_texts(old_rows), Table.from_texts(new_rows))
    facts: list[Fact] = []

    def add(**kw: object) -> None:
        facts.append(Fact(change=change, order=(idx, len(facts)), **kw))  # type: ignore[arg-type]

    def at(row: list[str], c: int) -> str:
        return row[c] if c < len(row) else ""

    def column(rows: list[list[str]], c: int) -> str:
        return "\n".join(r[c] for r in rows[1:] if c < len(r))

    oh, nh = old_rows[0], new_rows[0]
    both = sorted(((i, j) for i, j in al.columns if i is not None and j is not None), key=lambda p: p[1])
    for i, j in both:
        if key(at(oh, i)) != key(at(nh, j)):
            add(kind=CELL, old=at(oh, i), new=at(nh, j), old_unit=at(oh, i), new_unit=at(nh, j), column=at(nh, j),
                row_key=nh[0])
    for added in [j for i, j in al.columns if i is None and j is not None]:
        add(kind=COLUMN_ADDED, new=at(nh, added), new_unit=column(new_rows, added), column=at(nh, added))
    for deleted in [i for i, j in al.columns if j is None and i is not None]:
        add(kind=COLUMN_DELETED, old=at(oh, deleted), old_unit=column(old_rows, deleted), column=at(oh, deleted))
    for oi, nj in al.rows:
        if oi is None and nj is not None:
            rk = row_key(new_rows[nj])
            add(kind=ROW_ADDED, new="\t".join(new_rows[nj]), new_unit=rk, row_key=rk)
        elif nj is None and oi is not None:
            rk = row_key(old_rows[oi])
            add(kind=ROW_DELETED, old="\t".join(old_rows[oi]), old_unit=rk, row_key=rk)
        elif oi is not None and nj is not None:
            orow, nrow = old_rows[oi], new_rows[nj]
            for i, j in both:
                if key(at(orow, i)) != key(at(nrow, j)):
                    add(kind=CELL, old=at(orow, i), new=at(nrow, j), old_unit=at(orow, i), new_unit=at(nrow, j),
                        column=at(nh, j), row_key=row_key(nrow))
    return facts


# ---------------------------------------------------------------- entry point

REWRITE_SHARE = 0.6  # above this share of changed characters a paragraph counts as rewritten
MIN_REWRITE = 30  # a text shorter than twice this is never "rewritten": its one edit is quoted

_COLUMN_IN_LOCATION = re.compile(r"(?:column|列)\s*[「『\"]([^」』\"]+)[」』\"]")
_ROW_IN_LOCATION = re.compile(r"(?:row|行)\s*[「『\"]([^」』\"]+)[」』\"]")
_ROW_SEPARATOR = " | "


def row_cells(text: str) -> list[str]:
    if "\t" in text:
        return text.split("\t")
    return [c.strip() for c in text.split(_ROW_SEPARATOR)]


def moved_block(change: Change) -> bool:
    """A block (not a section) moved unchanged to a section of another name: the
    text says nothing changed, the place says it did (a paragraph of one 施策's
    現状と課題 now in another 施策's)."""
    if change.kind != ChangeKind.MOVED or change.block_kind == "section" or not change.old_text.strip():
        return False
    if key(change.old_text) != key(change.new_text) or not change.old_section_path or not change.section_path:
        return False
    return path_key(change.old_section_path) != path_key(change.section_path)


def split_apart(changes: Sequence[Change]) -> frozenset[str]:
    """Ids of the section changes that are the new part of a 節 split in two
    while the old 節 took a new name (道路・交通の方針 → 道路ネットワークの方針 and
    公共交通の方針): the diff found the new part inside the old 節 (a split section
    change under a title of its own) and paired the old 節 with its renamed part.
    The old title is gone, two new ones hold its text: a split. (A part split off
    a 節 that kept its name is left to the other rules: a table that only moved
    to a new last item reads so too.)"""
    renamed = {ch.old_section_path for ch in changes
               if ch.block_kind == "section" and ch.kind == ChangeKind.RENAMED and ch.old_section_path}
    return frozenset(
        ch.id for ch in changes
        if ch.block_kind == "section" and ch.kind == ChangeKind.SPLIT and ch.old_section_path in renamed
        and ch.new_text.strip() and key(heading_title(ch.old_text.strip())) != key(heading_title(ch.new_text.strip()))
    )


def _same_title(change: Change) -> bool:
    """Whether a moved section kept its title and only its numbers changed, however
    many its heading carries (5-3-3　施策2-3　… → 5-4-5　施策3-5　…: the diff's span is
    「3-3　施策2-3」 → 「4-5　施策3-5」, the titles under both numbers are one)."""
    if not change.old_section_path or not change.section_path:
        return False
    a, b = (key(bare_title(p[-1].strip())) for p in (change.old_section_path, change.section_path))
    return bool(a) and a == b


def _to_another_parent(change: Change) -> bool:
    """Whether a section the diff paired by its content as moved now sits under
    another parent (施策2-3 of 基本方針2 → 施策3-5 of 基本方針3): a move, even when
    its title was edited in the same revision (the move says the new name too,
    ``summary_structure.section_moved_clause``) — never an edit of the heading's numbers."""
    old_p, new_p = change.old_section_path, change.section_path
    if not old_p or not new_p or not change.old_text.strip() or not change.new_text.strip():
        return False
    return path_key(old_p[:-1]) != path_key(new_p[:-1])


def facts_of(change: Change, idx: int = 0, apart: bool = False) -> list[Fact]:
    """The atomic edits of one Change, in document order. ``apart``: the change
    is the new part of a split whose old 節 was renamed (``split_apart``)."""
    kind = change.kind
    old, new = change.old_text, change.new_text
    bk = change.block_kind
    rule = change.verdict.rule
    loc = change.location
    mcol = _COLUMN_IN_LOCATION.search(loc)
    mrow = _ROW_IN_LOCATION.search(loc)
    if rule in ("column-added", "column-deleted") or (bk == "table" and mcol and not mrow and (not old or not new)):
        text = new or old
        head, _, values = text.partition("\n")
        column = mcol.group(1) if mcol else head
        if new and not old:
            return [Fact(change, COLUMN_ADDED, new=head, new_unit=values, column=column, order=(idx, 0))]
        return [Fact(change, COLUMN_DELETED, old=head, old_unit=values, column=column, order=(idx, 0))]
    if rule in ("row-added", "row-deleted") or (bk == "table" and mrow and not mcol and (not old or not new)):
        text = new or old
        cells = row_cells(text)
        rk = row_key(cells) if cells else (mrow.group(1) if mrow else "")
        if new and not old:
            return [Fact(change, ROW_ADDED, new=text, new_unit=rk, row_key=rk, order=(idx, 0))]
        return [Fact(change, ROW_DELETED, old=text, old_unit=rk, row_key=rk, order=(idx, 0))]
    if bk == "section":
        if kind == ChangeKind.ADDED:
            return [Fact(change, SECTION_ADDED, new=new, new_unit=change.section_path[-1] if change.section_path else "", order=(idx, 0))]
        if kind == ChangeKind.DELETED:
            return [Fact(change, SECTION_DELETED, old=old, old_unit=change.old_section_path[-1] if change.old_section_path else "", order=(idx, 0))]
        if kind in (ChangeKind.RENAMED,):
            return [Fact(change, SECTION_RENAMED, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
        if kind in (ChangeKind.MOVED, ChangeKind.SPLIT, ChangeKind.MERGED) and (
            key(old) == key(new) or (old.strip() and key(heading_title(old.strip())) == key(heading_title(new.strip())))
            or _same_title(change) or (kind == ChangeKind.MOVED and _to_another_parent(change))
        ):
            return [Fact(change, SECTION_MOVED, old=old, new=new, order=(idx, 0))]
        if kind == ChangeKind.SPLIT and apart and new.strip():
            # the new part of a 節 split in two (道路・交通の方針 → 公共交通の方針, the diff found its
            # text in the old 節, renamed 道路ネットワークの方針): a new section, never an edit of a heading
            return [Fact(change, SECTION_ADDED, new=new, new_unit=change.section_path[-1] if change.section_path else "",
                         order=(idx, 0))]
    if rule == ITEM_REORDERED:
        return [Fact(change, ITEM_REORDERED, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
    if moved_block(change):
        return [Fact(change, BLOCK_MOVED, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
    if bk == "table" and mcol and mrow and not (is_table_text(old) or is_table_text(new)):
        # one cell filled or emptied (the text of a cell merged over several lines now in another
        # line): a cell of its row and column, never a table added or deleted
        return [Fact(change, CELL, old=old, new=new, old_unit=old, new_unit=new, column=mcol.group(1),
                     row_key=mrow.group(1), order=(idx, 0))]
    if not old.strip() and new.strip():
        if bk == "table" or is_table_text(new):
            rows = parse_table(new)
            return [Fact(change, TABLE_ADDED, new=new, new_unit="\t".join(rows[0]) if rows else "", order=(idx, 0))]
        return [Fact(change, BLOCK_ADDED, new=new, new_unit=new, order=(idx, 0))]
    if old.strip() and not new.strip():
        if bk == "table" or is_table_text(old):
            rows = parse_table(old)
            return [Fact(change, TABLE_DELETED, old=old, old_unit="\t".join(rows[0]) if rows else "", order=(idx, 0))]
        return [Fact(change, BLOCK_DELETED, old=old, old_unit=old, order=(idx, 0))]
    if is_table_text(old) and is_table_text(new):
        facts = _table_facts(change, idx)
        if facts:
            return facts
    column = ""
    rkey = ""
    if mcol and (bk == "table" or mrow):
        # one table cell, as the diff stage reported it
        rkey = mrow.group(1) if mrow else ""
        return [Fact(change, CELL, old=old, new=new, old_unit=old, new_unit=new, column=mcol.group(1), row_key=rkey, order=(idx, 0))]
    spans = text_spans(old, new, change)
    rewritten = changed_share(old, new) > REWRITE_SHARE
    pure = len(spans) == 1 and (spans[0][0] == spans[0][1] or spans[0][2] == spans[0][3]
                                or (len(old) < 2 * MIN_REWRITE and not rewritten))
    if not column and spans and not pure and rewritten:
        # mostly rewritten: one before/after pair reads better than confetti
        return [Fact(change, TEXT, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
    out: list[Fact] = []
    for n, (a1, a2, b1, b2) in enumerate(sentence_rewrites(old, new, spans, REWRITE_SHARE)):
        a1, a2, b1, b2 = balanced_span(old, new, *predicate_context(old, new, *phrase_context(old, new, a1, a2, b1, b2)))
        out.append(
            Fact(
                change,
                TEXT,
                old=old[a1:a2],
                new=new[b1:b2],
                old_unit=sentence_around(old, a1, a2) if not column else old,
                new_unit=sentence_around(new, b1, b2) if not column else new,
                column=column,
                row_key=rkey,
                order=(idx, n),
            )
        )
    return out


# ---------------------------------------------------------------- table context


def with_table_context(fact: Fact, blocks: "tuple[object, ...]") -> Fact:
    """The fact with its table's header row, the full row label and the row's
    cells, found among the section's blocks (a diff stage may shorten labels with …)."""
    if not fact.column and fact.kind not in (ROW_ADDED, ROW_DELETED, COLUMN_ADDED, COLUMN_DELETED, CELL):
        return fact
    probe = key(fact.new or fact.old)
    label = fact.row_key.rstrip("…")
    for b in blocks:
        table = getattr(b, "table", None)
        if table is None:
            continue
        rows = [[c.text for c in r] for r in table.rows]
        if not rows:
            continue
        header = tuple(rows[0])
        if fact.kind in (COLUMN_ADDED, COLUMN_DELETED):
            if key(fact.column) in {key(h) for h in header}:
                return replace(fact, header=header)
            continue
        for r in rows[1:]:
            keys = [key(c) for c in r]
            if fact.kind in (ROW_ADDED, ROW_DELETED):
                if key("".join(row_cells(fact.new or fact.old))) == "".join(keys):
                    return replace(fact, header=header, row_key=row_key(r))
            elif probe and probe in keys and (not label or key(row_key(r)).startswith(key(label))):
                return replace(fact, header=header, row_key=row_key(r), row=tuple(r))
    if fact.kind == CELL and probe and label:
        # the row keyed by another cell than its first (a number column before the name): found by both
        for b in blocks:
            table = getattr(b, "table", None)
            for r in ([[c.text for c in r] for r in table.rows[1:]] if table is not None else []):
                keys = [key(c) for c in r]
                if probe in keys and any(k.startswith(key(label)) for k in keys):
                    return replace(fact, row=tuple(r))
    return fact
