"""The one data model shared by every stage of revtool.

Everything here is a frozen dataclass made of tuples, strings and numbers, so
values can be hashed, compared and passed between stages without copying.
Section paths are tuples of headings *as printed* (number included), which is
also the form the JSON contract in docs/ARCHITECTURE.md §4 uses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from collections.abc import Sequence
from typing import ClassVar

SectionPath = tuple[str, ...]


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    LIST = "list"
    TABLE = "table"


@dataclass(frozen=True)
class PageSpan:
    """First and last *printed* page number (the footer's, never a PDF index)."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"page span {self.first}-{self.last} is reversed")

    def as_list(self) -> list[int]:
        return [self.first, self.last]

    def pages(self) -> tuple[int, ...]:
        return tuple(range(self.first, self.last + 1))

    @staticmethod
    def cover(spans: "list[PageSpan | None] | tuple[PageSpan | None, ...]") -> "PageSpan | None":
        known = [s for s in spans if s is not None]
        if not known:
            return None
        return PageSpan(min(s.first for s in known), max(s.last for s in known))


def page_breaks_valid(breaks: "tuple[int, ...] | list[int]", pages: PageSpan | None, length: int) -> bool:
    """Whether ``breaks`` can be a block's ``page_breaks`` for ``pages`` and a text of ``length`` characters."""
    if not breaks:
        return True
    if pages is None or len(breaks) != pages.last - pages.first:
        return False
    return all(0 <= a <= b <= length for a, b in zip(breaks, list(breaks[1:]) + [length]))


def paged_span(starts: "Sequence[int]", pages: "Sequence[int | None]") -> tuple[PageSpan | None, tuple[int, ...]]:
    """The page span of a block whose pieces start at ``starts`` (offsets into
    its text) on ``pages``, and its ``Block.page_breaks``: the offset of the
    first piece of each later page (repeated for a page the block skips).
    Pieces on unnumbered pages take no part; pages going backwards give the
    span alone."""
    known = [(at, p) for at, p in zip(starts, pages) if p is not None]
    if not known:
        return None, ()
    first = current = known[0][1]
    breaks: list[int] = []
    for at, p in known:
        if p < current:
            return PageSpan(min(q for _, q in known), max(q for _, q in known)), ()
        while current < p:
            breaks.append(at)
            current += 1
    return PageSpan(first, current), tuple(breaks)


@dataclass(frozen=True)
class Cell:
    """One grid position. Merged cells are filled: every position covered by a
    merge carries the origin's text, with ``merged=True`` on all but the origin."""

    text: str
    merged: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 1

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(c.text for c in row) for row in self.rows)

    def as_text(self) -> str:
        """Plain text form: cells joined by tabs, rows by newlines."""
        return "\n".join("\t".join(row) for row in self.texts())

    @staticmethod
    def from_texts(rows: "list[list[str]] | tuple[tuple[str, ...], ...]", header_rows: int = 1) -> "Table":
        return Table(tuple(tuple(Cell(t) for t in r) for r in rows), header_rows)


@dataclass(frozen=True)
class Block:
    """A paragraph, a list item or a table inside a section.

    ``text`` is the display text as extracted (for a table: ``Table.as_text``).
    ``label`` is a list marker read before any normalization (①, ・, ア).

    ``page_breaks``: where a block printed over several pages turns the page,
    as offsets into ``text``: ``text[page_breaks[i]]`` is the first character
    printed on page ``pages.first + i + 1``. Either empty (one page, or not
    known: then only ``pages`` is) or exactly ``pages.last - pages.first``
    non-decreasing offsets (a page the block skips, such as a full-page figure,
    repeats the offset). Like ``pages``, not part of ``content_hash``.
    """

    kind: BlockKind
    text: str
    label: str = ""
    table: Table | None = None
    pages: PageSpan | None = None
    page_breaks: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.page_breaks and not page_breaks_valid(self.page_breaks, self.pages, len(self.text)):
            raise ValueError(f"page breaks {self.page_breaks} do not fit pages {self.pages} of a {len(self.text)}-character block")

    def page_at(self, offset: int) -> int | None:
        """The printed page of the character at ``offset`` of ``text``: exact
        with ``page_breaks``, else the first page (``None`` when unknown)."""
        if self.pages is None:
            return None
        return self.pages.first + sum(1 for b in self.page_breaks if b <= offset)

    def pages_of(self, start: int, end: int) -> tuple[int, ...]:
        """The printed pages of ``text[start:end]`` (one page for an empty
        range); all the block's pages when they are known only as a span."""
        if self.pages is None:
            return ()
        if not self.page_breaks:
            return self.pages.pages()
        first = self.page_at(start)
        last = self.page_at(max(start, end - 1))
        assert first is not None and last is not None
        return tuple(range(first, last + 1))

    @cached_property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update(f"{self.kind}\0{self.label}\0{self.text}\0".encode())
        if self.table is not None:
            h.update(repr(self.table.texts()).encode())
        return h.hexdigest()[:16]


@dataclass(frozen=True)
class Section:
    """A heading and what it contains.

    ``heading`` is the heading line as printed (``第3章　DXの取組``); ``number`` the
    numbering marker (``第3章``, ``1.``, ``（2）``, ``施策5``; may be empty) and
    ``title`` the rest. ``marker`` names the numbering scheme (``chapter``,
    ``decimal``, ``paren``, …) so later stages can tell siblings of one kind.
    """

    heading: str
    number: str = ""
    title: str = ""
    level: int = 1
    marker: str = ""
    blocks: tuple[Block, ...] = ()
    children: tuple["Section", ...] = ()
    pages: PageSpan | None = None

    @cached_property
    def content_hash(self) -> str:
        """Merkle hash of the heading, own blocks and children: equal subtrees
        compare equal in O(1)."""
        h = hashlib.sha256()
        h.update(f"{self.heading}\0{self.number}\0{self.title}\0{self.level}\0{self.marker}\0".encode())
        for b in self.blocks:
            h.update(b.content_hash.encode())
        h.update(b"\1")
        for c in self.children:
            h.update(c.content_hash.encode())
        return h.hexdigest()[:16]

    @cached_property
    def body_hash(self) -> str:
        """Hash of the section's own blocks only (not heading, not children)."""
        h = hashlib.sha256()
        for b in self.blocks:
            h.update(b.content_hash.encode())
        return h.hexdigest()[:16]

    def own_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Source:
    """Where a version came from: the original file's name, sha256 and format."""

    name: str
    sha256: str
    format: str  # "docx" | "pdf"


@dataclass(frozen=True)
class Document:
    """One version of a plan: front matter blocks, then the section tree."""

    title: str = ""
    front: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    source: Source | None = None
    warnings: tuple[str, ...] = ()
    # what the reader kept out of the plan text, as (kind, count): Word comments,
    # hidden text... (recorded in the manifest as "left_out")
    left_out: tuple[tuple[str, int], ...] = ()
    # (PDF page, printed page) for every page of the PDF the version was read
    # from (or took its printed pages from) that prints an arabic page number;
    # kept only when some printed number differs from its PDF page (an
    # unnumbered cover or 目次 before page 1): a 該当箇所 may cite the PDF
    # viewer's page (comments/page_reading.py). () otherwise.
    page_map: tuple[tuple[int, int], ...] = ()

    def walk(self) -> "list[tuple[SectionPath, Section]]":
        """Every section in document order with its path of headings."""
        out: list[tuple[SectionPath, Section]] = []

        def visit(sec: Section, parent: SectionPath) -> None:
            path = parent + (sec.heading,)
            out.append((path, sec))
            for child in sec.children:
                visit(child, path)

        for s in self.sections:
            visit(s, ())
        return out

    @cached_property
    def section_map(self) -> "dict[SectionPath, Section]":
        """Path of headings → section (the first in document order when two
        share a path), built once per document."""
        out: dict[SectionPath, Section] = {}
        for p, s in self.walk():
            out.setdefault(p, s)
        return out

    def find(self, path: SectionPath) -> Section | None:
        return self.section_map.get(tuple(path))


# ---------------------------------------------------------------- diff stage


class ChangeKind(StrEnum):
    ADDED = "added"
    DELETED = "deleted"
    MODIFIED = "modified"
    MOVED = "moved"
    RENAMED = "renamed"
    SPLIT = "split"
    MERGED = "merged"


class EditOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Edit:
    """One segment of a character diff, on the original (display) text."""

    op: EditOp
    text: str


@dataclass(frozen=True)
class Verdict:
    """Editorial (文言整理) or substantive, with the rule that decided and why."""

    substantive: bool
    rule: str
    evidence: str


@dataclass(frozen=True)
class SectionPair:
    """An alignment decision between an old and a new section."""

    old_path: SectionPath | None
    new_path: SectionPath | None
    kind: ChangeKind | None  # None = same section, unchanged placement
    score: float
    reason: str


@dataclass(frozen=True)
class Change:
    """One change between two versions, at block (or table cell) granularity.

    ``section_path`` is the path in the new version (old one for deletions);
    ``location`` says where inside the section (``paragraph 3``, ``table 1 row
    「指標」 column 「目標値」``).
    """

    id: str
    kind: ChangeKind
    section_path: SectionPath
    old_section_path: SectionPath
    old_text: str
    new_text: str
    verdict: Verdict
    edits: tuple[Edit, ...] = ()
    old_pages: tuple[int, ...] = ()
    new_pages: tuple[int, ...] = ()
    block_kind: str = ""  # paragraph | list | table | section
    location: str = ""

    @property
    def substantive(self) -> bool:
        return self.verdict.substantive


# ---------------------------------------------------------------- comments


class ResponseType(StrEnum):
    REFLECTED = "反映"
    ALREADY = "既記載"
    REFERENCE = "参考"
    NOT_REFLECTED = "不反映"
    OTHER = "その他"


@dataclass(frozen=True)
class Locator:
    """素案該当箇所 parsed into its parts. ``every`` is set for 「各施策」-style refs;
    ``whole`` for a reference to the whole plan (「計画全体」「全般」): no section
    to find, and nothing missing."""

    raw: str
    pages: tuple[int, ...] = ()
    numbers: tuple[str, ...] = ()
    title: str = ""
    every: str = ""
    whole: bool = False


@dataclass(frozen=True)
class Candidate:
    section_path: SectionPath
    score: float
    reason: str


@dataclass(frozen=True)
class Comment:
    id: str
    row: int
    ref: str
    opinion: str
    response: str
    locator: Locator
    candidates: tuple[Candidate, ...] = ()  # ranked; the first is the chosen one
    resolved_section_paths: tuple[SectionPath, ...] = ()
    old_pages: tuple[int, ...] = ()  # printed pages in the version it was matched against (JSON: "soan_pages")
    response_type: ResponseType = ResponseType.OTHER
    response_evidence: str = ""
    warnings: tuple[str, ...] = ()
    group_id: str = ""  # G1 …: same opinion as other rows (comments/grouping.py); "" alone
    group_evidence: str = ""  # why it is in the group (the representative, the similarity)
    submissions: int = 1  # how many submissions the row stands for (a grouped table's 件数 / 「（他N件）」)
    submissions_evidence: str = ""  # where that count was read (comments/submissions.py)
    same_answer_as: str = ""  # the comment whose answer this one's points to (「No.6と同様です」: comments/answer_refs.py)


# ---------------------------------------------------------------- changelog


class CauseType(StrEnum):
    COMMENT = "comment"
    EXTERNAL = "external"
    INTERNAL = "internal"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Link:
    comment_id: str
    row_id: str
    confidence: float
    evidence: str


@dataclass(frozen=True)
class Cause:
    type: CauseType
    comment_ids: tuple[str, ...] = ()
    confidence: float = 0.0
    evidence: str = ""


@dataclass(frozen=True)
class ChangeRow:
    """One row of 素案からの主な変更点 (別紙2)."""

    id: str
    item: str
    new_pages: tuple[int, ...]  # printed pages in the new version, 案のページ (JSON: "an_pages")
    summary: str
    kind: ChangeKind
    section_paths: tuple[SectionPath, ...]
    changes: tuple[Change, ...]
    cause: Cause = field(default_factory=lambda: Cause(CauseType.UNKNOWN))
    page_label: str = ""  # e.g. 「各施策」 when the row spans sibling sections
    grouping: str = ""  # why several places make this one row (evidence), "" for one place


@dataclass(frozen=True)
class BlockRef:
    """A block of a version: its section and its index among the section's blocks."""

    section_path: SectionPath
    index: int


@dataclass(frozen=True)
class TableAlignment:
    """How two versions of a table map (``compare.tablediff.align_tables``):
    columns by header label, body rows by the key column, then by similarity."""

    columns: tuple[tuple[int | None, int | None], ...]  # (old col, new col), new order
    rows: tuple[tuple[int | None, int | None], ...]  # body rows (absolute indexes), new order
    old_labels: tuple[str, ...]
    new_labels: tuple[str, ...]
    key_old: int | None
    key_new: int | None
    numbering_old: int | None  # a 1, 2, 3 … column (its changes are renumbering)
    key2_old: int | None = None  # a second key column: the rows are keyed by the two together
    key2_new: int | None = None


@dataclass(frozen=True)
class BlockPair:
    """An alignment decision between blocks of a pair of sections.

    ``relation``: ``equal`` (same text), ``edited`` (an edited block),
    ``moved``, ``joined`` (a paragraph broken differently: ``old``/``new`` are
    the first blocks of each side, ``old_span``/``new_span`` count them),
    ``added`` (old is None) or ``deleted`` (new is None). A comparison holds
    every pair of every pair of sections whose bodies differ, in order.
    ``table``: for two differing tables, how their rows and columns map.
    """

    old: BlockRef | None
    new: BlockRef | None
    relation: str
    old_span: int = 1
    new_span: int = 1
    table: TableAlignment | None = None


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare`` decided between two versions, computed once.

    ``section_pairs``: how each old section maps to a new one (with relation and
    score); ``block_pairs``: how the blocks inside aligned sections map;
    ``changes``: the changes (ids D1, D2, …) with their edits and verdicts.
    Views (taisho, trace, blame) and the change table read this value and do
    not align or diff again. ``old_label``/``new_label`` name the versions
    when the comparison comes from a workspace.
    """

    old: Document
    new: Document
    section_pairs: tuple[SectionPair, ...]
    block_pairs: tuple[BlockPair, ...]
    changes: tuple[Change, ...]
    old_label: str = ""
    new_label: str = ""
    kind: ClassVar[str] = "diff"  # what ``render`` makes of it

    @property
    def substantive(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.substantive)
