"""DOCX -> ``Document``.

python-docx opens the package (styles, numbering, footnotes, comments, core
properties); the body is walked as XML (``docx_runs``, ``docx_tables``)
because python-docx's own text and cell accessors lose or garble text.

Headings, in this order: a direct ``w:outlineLvl``, then the style chain,
nearest style first, each style by its own ``w:outlineLvl`` and then by its
*name* (``heading N`` / ``見出し N``; never the styleId, which is ``1`` in
Japanese Word), and only then a numbering marker in the text
(``certain=False``).  When the
styles give an outline of two or more levels it is the author's declared
outline (what Word's navigation pane shows) and no guess is made: bold ①
lines under a styled （4） stay list items.  With one styled level only, bold
or enlarged marker lines after the first styled heading are guessed too;
without styles, the direct formatting tells (``_format_headings``): each
heading level set in a formatting of its own (bold and/or larger than the
body's dominant size) ranks as a level, the numbering nests within it, and an
unnumbered line in a heading's formatting (資料編, 基本目標Ⅰ) is a heading too;
with one formatting only, every marker line (list-like markers （1）, ①, ア
only when emphasized).  Table-of-contents lines (a tab or leader followed by a
page number, or a TOC style) are never headings; their page numbers are
dropped; a typed 目次 block (leader lines after a 目次 title, or three in a
row) is told as a whole (``_mark_toc_block``).

Blocks: paragraphs, list items (``label`` from Word's numbering, a leading
bullet such as ・, or a typed marker such as （1）/①/ア), tables.  A one-cell
table is a frame around text: its content is read as blocks.  A table that
directly follows another with the same header rows is its continuation (split
by hand at a page break) and is joined to it, header once.  Text boxes
follow the paragraph that anchors them.  Footnotes and endnotes become
paragraph blocks labelled ``注N`` right after the paragraph that cites them.
Word comments (reviewers' notes), hidden text (``w:vanish``) and tracked-change
authors are never plan text: they are left out, counted in ``Document.left_out``
and named in one warning; ``include_comments=True`` (``ingest
--include-comments``) keeps the comments as blocks labelled ``コメント`` after
the paragraph they are attached to.  DOCX has no fixed pages: ``pages`` stays ``None``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from revtool.errors import InputFileError
from revtool.extract.base import RawHeading, RawItem
from revtool.extract.docx_numbering import Numbering, w, wval
from revtool.extract.docx_runs import FieldState, ParagraphContent, paragraph_mark_removed, read_paragraph
from revtool.extract.docx_styles import Styles
from revtool.extract.docx_tables import is_single_cell, read_table, single_cell
from revtool.extract.outline import (
    LIST_MARKER_KINDS,
    Marker,
    build_outline,
    is_quantity,
    ladder_rank,
    looks_like_heading,
    parse_marker,
    strip_decoration,
)
from revtool.model import Block, BlockKind, Document, Table

BULLETS = "・•●○◦■□◆◇▪▫◎☆★➢➤✓✔❖"
ITEM_MARKER_KINDS = frozenset({"circled", "katakana", "paren_katakana", "rparen_katakana", "alpha_lower", "rparen_alpha_lower"})
"""Markers that number the items of a list, never sections, once the styles declare the headings."""
_TOC_LINE = re.compile(r"[\t…‥・.．]\s*[0-9０-９ivxIVX]+\s*$")
_LEADER_TAIL = re.compile(r"[ \u3000]*(?:\t[ \u3000\t]*|[…‥]+[ \u3000]*|[・･.．]{2,}[ \u3000]*)[0-9０-９ivxIVXⅰ-ⅻⅠ-Ⅻ]+[ \u3000]*$")
"""The end of a 目次 entry as typed: a tab or a leader (…… / ・・・ / ....) and a page number."""
_TOC_TITLES = frozenset({"目次", "もくじ", "contents"})
_MIN_TOC_RUN = 3
"""Leader lines in a row that make a 目次 without a 目次 title before them."""
_TYPED_NOTE_MARK = re.compile(r"^([0-9]{1,4})\s")

_PARTS = {
    "footnotes": "word/footnotes.xml",
    "endnotes": "word/endnotes.xml",
    "comments": "word/comments.xml",
}


@dataclass
class _Paragraph:
    """A body paragraph before the heading decision."""

    text: str
    label: str = ""  # from Word's automatic numbering
    certain_level: int | None = None
    body_only: bool = False  # outlineLvl 9, a TOC style or inside a table / text box
    emphasized: bool = False
    bold: bool = False  # bold as a whole
    size: int | None = None
    toc: bool = False  # a TOC style
    toc_entry: bool = False  # a line of a typed 目次 block (``_mark_toc_block``)


@dataclass
class _Extractor:
    styles: Styles
    numbering: Numbering
    original: bool
    notes: dict[str, dict[str, etree._Element]]
    include_comments: bool = False
    hidden_runs: int = 0
    items: list[_Paragraph | Block] = field(default_factory=list)
    fields: FieldState = field(default_factory=FieldState)
    carried: str = ""
    footnote_count: int = 0
    warnings: list[str] = field(default_factory=list)
    cell_notes: list[ParagraphContent] = field(default_factory=list)  # cited inside a table

    # ------------------------------------------------------------ containers

    def body(self, container: etree._Element, *, headings: bool = True) -> None:
        for element in _block_elements(container, original=self.original):
            if element.tag == w("p"):
                self.paragraph(element, headings=headings)
            elif element.tag == w("tbl"):
                self.flush_carried()
                self.table(element, headings=headings)
        self.flush_carried()

    def table(self, element: etree._Element, *, headings: bool) -> None:
        if is_single_cell(element):
            self.body(single_cell(element), headings=headings)
            return
        table = read_table(element, self.cell_text, original=self.original)
        if not any(cell.text for row in table.rows for cell in row):
            self.flush_cell_notes()
            return
        previous = self.items[-1] if self.items else None
        if isinstance(previous, Block) and previous.table is not None:
            continued = _continue_table(previous.table, table)
            if continued is not None:
                self.items[-1] = Block(BlockKind.TABLE, continued.as_text(), table=continued)
                self.flush_cell_notes()
                return
        self.items.append(Block(BlockKind.TABLE, table.as_text(), table=table))
        self.flush_cell_notes()

    def flush_cell_notes(self) -> None:
        """Notes cited inside the table just read follow the table."""
        pending, self.cell_notes = self.cell_notes, []
        for content in pending:
            self.notes_of(content)

    def cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs (numbered as Word shows them) and nested
        tables, one line each."""
        lines: list[str] = []
        for element in _block_elements(cell, original=self.original):
            if element.tag == w("p"):
                content, label, _ = self.read(element)
                text = _join_label(label, content.text.strip())
                if text:
                    lines.append(text)
                if content.footnote_ids or content.endnote_ids or content.comment_ids:
                    self.cell_notes.append(content)
                for box in content.text_boxes:
                    lines.append(self.cell_text(box))
            elif element.tag == w("tbl"):
                nested = read_table(element, self.cell_text, original=self.original)
                lines.extend("\t".join(c.text for c in row) for row in nested.rows)
        return "\n".join(line for line in lines if line)

    # ------------------------------------------------------------ paragraphs

    def read(self, p: etree._Element) -> tuple[ParagraphContent, tuple[str, str], etree._Element | None]:
        """Text, (numbering label, separator) and effective pPr of ``p``."""
        ppr = _effective_ppr(p, original=self.original)
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        content = read_paragraph(
            p,
            original=self.original,
            fields=self.fields,
            bold=self.styles.bold(style_id),
            size=self.styles.size(style_id),
            char_styles=self.styles.run_emphasis,
        )
        self.hidden_runs += content.hidden_runs
        label = ("", "")
        if not paragraph_mark_removed(p.find(w("pPr")), original=self.original):
            label = self.number(ppr, style_id)
        return content, label, ppr

    def number(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str, str]:
        """The automatic number Word shows before this paragraph and the
        separator after it (``("", "")`` when not numbered)."""
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            num_id = wval(num_pr.find(w("numId")))
            level = wval(num_pr.find(w("ilvl")))
            ilvl = int(level) if level and level.isdigit() else None
        if num_id is None:
            from_style = self.styles.numbering(style_id)
            if from_style is None:
                return "", ""
            num_id, style_ilvl = from_style
            if ilvl is None:
                ilvl = style_ilvl
            if ilvl is None and style_id:
                ilvl = self.numbering.level_for_style(num_id, style_id)
        labelled = self.numbering.next_label(num_id, ilvl or 0)
        return labelled if labelled is not None else ("", "")

    def paragraph(self, p: etree._Element, *, headings: bool) -> None:
        # A field still in its instruction at a paragraph boundary is broken
        # (its end was lost): do not let it hide the rest of the document.
        self.fields.stack = [shown for shown in self.fields.stack if shown]
        content, label, ppr = self.read(p)
        pure_ppr = p.find(w("pPr"))
        text = content.text
        if paragraph_mark_removed(pure_ppr, original=self.original):
            self.carried += text
            self.attachments(content)
            return
        text = self.carried + text
        self.carried = ""
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        toc = self.styles.is_toc(style_id)
        body_only = not headings or toc
        direct = wval(ppr.find(w("outlineLvl"))) if ppr is not None else None
        certain = self.styles.heading_level(style_id, int(direct) if direct and direct.isdigit() else None)
        if certain is None and (direct == "9" or self.styles.outline_level(style_id) == 9):
            body_only = True  # explicitly body text
        if body_only:
            certain = None
        body_size = self.styles.size(self.styles.default_paragraph)
        emphasized = content.visible_chars > 0 and (
            content.bold_chars == content.visible_chars
            or (content.max_size is not None and body_size is not None and content.max_size > body_size)
        )
        stripped = text.strip()
        if stripped:
            self.items.append(
                _Paragraph(
                    text=_join_label(label, stripped),
                    label=label[0],
                    certain_level=certain,
                    body_only=body_only,
                    emphasized=emphasized,
                    bold=content.visible_chars > 0 and content.bold_chars == content.visible_chars,
                    toc=toc,
                    size=content.max_size,
                )
            )
        self.attachments(content)

    def attachments(self, content: ParagraphContent) -> None:
        for box in content.text_boxes:
            saved = self.carried
            self.carried = ""
            self.body(box, headings=False)
            self.carried = saved
        self.notes_of(content)

    def notes_of(self, content: ParagraphContent) -> None:
        """Footnotes, endnotes and comments cited in ``content``, as blocks."""
        for note_id in content.footnote_ids:
            self.note("footnotes", note_id, f"footnote:{note_id}" in content.custom_mark_ids)
        for note_id in content.endnote_ids:
            self.note("endnotes", note_id, f"endnote:{note_id}" in content.custom_mark_ids)
        for comment_id in content.comment_ids if self.include_comments else ():
            text = self.story_text(self.notes["comments"].get(comment_id))
            if text:
                self.items.append(Block(BlockKind.PARAGRAPH, text, label="コメント"))

    def note(self, part: str, note_id: str, custom_mark: bool = False) -> None:
        text = self.story_text(self.notes[part].get(note_id))
        self.footnote_count += 1
        if text:
            # a custom mark typed at the head of the note (``customMarkFollows``) is
            # the number the document prints; Word's own count otherwise
            typed = _TYPED_NOTE_MARK.match(text) if custom_mark else None
            number = typed.group(1) if typed else str(self.footnote_count)
            self.items.append(Block(BlockKind.PARAGRAPH, text, label=f"注{number}"))

    def story_text(self, story: etree._Element | None) -> str:
        if story is None:
            return ""
        lines = []
        for p in story.iter(w("p")):
            content = read_paragraph(p, original=self.original, fields=FieldState())
            if content.text.strip():
                lines.append(content.text.strip())
        return "\n".join(lines)

    def flush_carried(self) -> None:
        if self.carried.strip():
            self.items.append(_Paragraph(text=self.carried.strip()))
        self.carried = ""


# ---------------------------------------------------------------- helpers


def _join_label(label: tuple[str, str], text: str) -> str:
    number, separator = label
    if not number:
        return text
    return f"{number}{separator}{text}" if text else number


def _block_elements(container: etree._Element, *, original: bool) -> Iterator[etree._Element]:
    """``w:p`` and ``w:tbl`` in reading order, looking through block-level
    content controls, custom XML and tracked-change wrappers (the ones that
    exist in this view)."""
    shown = (w("ins"), w("moveTo")) if not original else (w("del"), w("moveFrom"))
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _block_elements(content, original=original)
        elif child.tag == w("customXml") or child.tag in shown:
            yield from _block_elements(child, original=original)


def _effective_ppr(p: etree._Element, *, original: bool) -> etree._Element | None:
    """The paragraph properties in force in this view: for the original, the
    properties recorded in ``w:pPrChange``."""
    ppr = p.find(w("pPr"))
    if original and ppr is not None:
        change = ppr.find(w("pPrChange"))
        if change is not None and change.find(w("pPr")) is not None:
            return change.find(w("pPr"))
    return ppr


def _continue_table(first: Table, second: Table) -> Table | None:
    """``second`` as the continuation of ``first`` when it directly follows it
    with the same header rows (a table split by hand at a page break, header
    repeated): one table, header once, so that moving the split between
    versions is not a change.  ``None`` when they are different tables."""
    if second.width != first.width or second.header_rows != first.header_rows:
        return None
    if first.texts()[: first.header_rows] != second.texts()[: second.header_rows]:
        return None
    return Table(first.rows + second.rows[second.header_rows:], first.header_rows)


def _is_toc_line(text: str) -> bool:
    return bool(_TOC_LINE.search(text)) and "\t" in text


def _body_block(paragraph: _Paragraph, *, in_front: bool) -> Block:
    text = paragraph.text
    if paragraph.toc_entry:
        text = _toc_entry_text(text)  # a typed 目次 line: the heading it names, not its page
    elif (paragraph.toc or in_front) and _is_toc_line(text):
        # a table-of-contents entry: its page number moves with every edit
        # and is not content, so only the heading it names is kept
        text = _TOC_LINE.sub("", text).rstrip(" \u3000\t…‥・.．")
        text = re.sub(r"\t+", "\u3000", text)  # number (or ■) and title: the gap as printed
    if paragraph.label:
        return Block(BlockKind.LIST, text, label=paragraph.label)
    if text[:1] in BULLETS:
        return Block(BlockKind.LIST, text, label=text[0])
    marker = parse_marker(text)
    if marker is not None and marker.kind in LIST_MARKER_KINDS and marker.title:
        return Block(BlockKind.LIST, text, label=marker.number)
    return Block(BlockKind.PARAGRAPH, text)


def _heading_line(text: str) -> str:
    """A heading on one line: a tab becomes U+3000 (the gap Word shows between
    number and title), a line break disappears next to CJK, else a space."""
    text = re.sub(r"\t+", "\u3000", text.strip())
    return re.sub(r"(?<=[\x21-\x7e])\n+(?=[\x21-\x7e])", " ", text).replace("\n", "")


def _is_toc_title(item: _Paragraph | Block) -> bool:
    return isinstance(item, _Paragraph) and re.sub(r"\s", "", item.text).lower() in _TOC_TITLES


def _mark_toc_block(items: list[_Paragraph | Block]) -> None:
    """Mark the lines of a typed 目次 (``toc_entry``): runs of paragraphs that end
    in a tab or a leader (……, ・・・) and a page number, right after a 目次 title
    or at least ``_MIN_TOC_RUN`` in a row.  They name headings and their pages,
    which move with every edit: they are neither headings nor content."""
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and _is_leader_line(items[end]):
            end += 1
        if end > start and (end - start >= _MIN_TOC_RUN or (start and _is_toc_title(items[start - 1]))):
            for item in items[start:end]:
                assert isinstance(item, _Paragraph)
                item.toc_entry = True
        start = end + 1 if end > start else start + 1


def _is_leader_line(item: _Paragraph | Block) -> bool:
    if not isinstance(item, _Paragraph):
        return False
    found = _LEADER_TAIL.search(item.text.strip())
    return found is not None and found.start() > 0 and "\n" not in item.text.strip()


def _toc_entry_text(text: str) -> str:
    """A 目次 entry without its leader and page number, number and title parted as printed."""
    text = _LEADER_TAIL.sub("", text.strip()).rstrip(" \u3000\t…‥・･.．")
    return re.sub(r"\t+", "\u3000", text)


def _format_key(item: _Paragraph, body_size: int | None) -> tuple[int, bool]:
    return (item.size if item.size is not None else body_size or 0), item.bold


def _body_size(items: list[_Paragraph | Block]) -> int | None:
    """The font size most of the text is set in (half-points), by characters."""
    weights: dict[int, int] = {}
    for item in items:
        if isinstance(item, _Paragraph) and item.size is not None and not item.bold and not item.toc_entry:
            weights[item.size] = weights.get(item.size, 0) + len(item.text)
    return max(weights, key=lambda size: weights[size]) if weights else None


def _format_marker(text: str) -> Marker | None:
    """The numbering of a line told a heading by its formatting (an ornament such as ★ before it left out)."""
    marker = parse_marker(strip_decoration(text.strip()))
    if marker is None or marker.kind.split("-")[0] in ITEM_MARKER_KINDS or is_quantity(marker):
        return None
    return marker


def _format_headings(items: list[_Paragraph | Block]) -> dict[int, tuple[int, bool]] | None:
    """Headings told by direct formatting, for a document without Heading styles:
    index -> (rank of its formatting, numbered).

    Word users who never touch styles still set every heading level in a
    formatting of its own (bold and/or larger than the body's dominant size).
    A candidate is such a line, short and not a sentence, numbered on a marker
    that numbers sections (① / ア number the items of a list); an
    unnumbered line (資料編, 基本目標Ⅰ) counts when it has the formatting of a
    numbered heading and comes after the first one (the cover and the 目次
    title come before).  The formattings are ranked, largest and bold first:
    the rank is the level the formatting says.  ``None`` when fewer than two
    formattings are found: then the numbering alone decides."""
    body_size = _body_size(items)
    if body_size is None:
        return None
    candidates: dict[int, tuple[tuple[int, bool], bool]] = {}
    for index, item in enumerate(items):
        if not isinstance(item, _Paragraph) or item.body_only or item.toc or item.toc_entry:
            continue
        key = _format_key(item, body_size)
        if not (item.bold or key[0] > body_size) or "\n" in item.text.strip() or _is_toc_line(item.text):
            continue
        text = strip_decoration(item.text.strip())
        marker = _format_marker(text)
        if looks_like_heading(text, marker) and (marker is not None or key[0] > body_size):
            candidates[index] = (key, marker is not None)
    numbered = {key for key, has_marker in candidates.values() if has_marker}
    if len(numbered) < 2:
        return None
    first = min(index for index, (_, has_marker) in candidates.items() if has_marker)
    ladder = sorted(numbered, key=lambda key: (-key[0], not key[1]))
    return {index: (ladder.index(key) + 1, has_marker) for index, (key, has_marker) in candidates.items()
            if key in numbered and (has_marker or index > first)}


def _typed_sub_heading(item: _Paragraph, marker: Marker | None, styled_rank: int | None, styled_kinds: set[str],
                       preceding: _Paragraph | Block | None, following: _Paragraph | Block | None) -> bool:
    """Whether a paragraph under styled headings is a heading typed by hand
    one step further down the official numbering ladder (a bold 「（１）…」
    under a styled 「１．」, the style of a deeper level never made).

    All of: bold as a whole; a marker on the ladder, deeper than the styled
    heading it follows, of a kind no styled heading uses; short and not a
    sentence; followed by a plain body paragraph and not preceded by a bold
    line of its own kind (a run of bold lines is a list, not headings)."""
    if marker is None or styled_rank is None or not item.bold or item.body_only:
        return False
    rank = ladder_rank(marker.kind)
    if rank is None or rank <= styled_rank or marker.kind in styled_kinds:
        return False
    if not looks_like_heading(item.text, marker) or _is_toc_line(item.text):
        return False
    if isinstance(preceding, _Paragraph) and preceding.bold and preceding.certain_level is None:
        before = parse_marker(preceding.text)
        if before is not None and before.kind == marker.kind:
            return False
    return (isinstance(following, _Paragraph) and following.certain_level is None
            and not following.emphasized and not following.body_only)


def _raw_items(items: list[_Paragraph | Block]) -> list[RawItem]:
    """Decide which paragraphs are headings (see module doc).

    With styled headings on two or more levels the styles are the outline,
    except a bold line numbered one step further down the official ladder
    than the styled heading above it (``_typed_sub_heading``).
    With styles on one level only (chapters styled, 1. / （1） typed in bold),
    emphasized marker lines after the first styled heading are candidates too.
    Without any styled heading every marker line is a candidate (list-like
    markers only when emphasized)."""
    _mark_toc_block(items)
    styled = [i for i in items if isinstance(i, _Paragraph) and i.certain_level is not None]
    styled_levels = {i.certain_level for i in styled}
    formatted = None if styled_levels else _format_headings(items)
    styled_markers = [parse_marker(i.text) for i in styled]
    styled_kinds = {m.kind for m in styled_markers if m is not None}
    out: list[RawItem] = []
    seen_styled = False
    seen_heading = False
    styled_rank: int | None = None  # ladder rank of the last styled heading
    for index, item in enumerate(items):
        if isinstance(item, Block):
            out.append(item)
            continue
        marker = parse_marker(item.text)
        if item.certain_level is not None:
            seen_styled = seen_heading = True
            styled_rank = ladder_rank(marker.kind) if marker is not None else None
            out.append(RawHeading(_heading_line(item.text), item.certain_level, True))
            continue
        if formatted is not None:
            if index in formatted:
                seen_heading = True
                rank, has_marker = formatted[index]
                out.append(RawHeading(_heading_line(item.text), rank, False, min_level=rank if has_marker else None))
                continue
            guess = False
        elif not styled_levels:
            guess = marker is not None and (item.emphasized or marker.kind not in LIST_MARKER_KINDS)
        elif len(styled_levels) == 1:
            # ① / ア / ａ under styled headings number the items of a list, not sections
            guess = (seen_styled and marker is not None and item.emphasized
                     and marker.kind.split("-")[0] not in ITEM_MARKER_KINDS)
        else:
            preceding = items[index - 1] if index else None
            following = items[index + 1] if index + 1 < len(items) else None
            guess = _typed_sub_heading(item, marker, styled_rank, styled_kinds, preceding, following)
        candidate = guess and not item.body_only and not item.toc_entry and not _is_toc_line(item.text)
        if candidate:
            seen_heading = True
            out.append(RawHeading(_heading_line(item.text), None, False))
        else:
            out.append(_body_block(item, in_front=not seen_heading))
    return out


def _title(core_title: str, items: list[_Paragraph | Block]) -> str:
    if core_title.strip():
        return core_title.strip()
    front: list[_Paragraph] = []
    for item in items:
        if isinstance(item, _Paragraph):
            if item.certain_level is not None:
                break
            if not item.body_only and not _is_toc_line(item.text) and re.sub(r"\s", "", item.text) != "目次":
                front.append(item)
    sized = [p for p in front if p.size is not None]
    if sized:
        return max(sized, key=lambda p: p.size or 0).text.splitlines()[0]
    return front[0].text.splitlines()[0] if front else ""


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def _read_part(package: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        data = package.read(name)
    except KeyError:
        return None
    return etree.fromstring(data, _SAFE_PARSER)


def _stories(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    if root is None:
        return {}
    return {
        element.get(w("id"), ""): element
        for element in root.findall(w(tag))
        if element.get(w("type")) in (None, "normal")
    }


def _revision_warnings(name: str, body: etree._Element, *, original: bool) -> list[str]:
    """Say so when the file still has tracked changes, and which view was read."""
    insertions = sum(1 for _ in body.iter(w("ins"), w("moveTo")))
    deletions = sum(1 for _ in body.iter(w("del"), w("moveFrom")))
    if not insertions and not deletions:
        return []
    counts = f"挿入 {insertions} 件、削除 {deletions} 件"
    if original:
        return [f"{name}: 変更履歴が残っています（{counts}）。変更を反映する前の状態で取り込みました。"]
    return [
        f"{name}: 変更履歴が残っています（{counts}）。変更をすべて反映した状態で取り込みました"
        "（変更前の状態は --original で取り込めます）。"
    ]


def _left_out(
    comments: dict[str, etree._Element], hidden_runs: int, body: etree._Element, include_comments: bool
) -> dict[str, int]:
    """What is in the file but not in the plan text, by kind (only kinds present)."""
    authors = {
        element.get(w("author"), "")
        for element in body.iter(w("ins"), w("del"), w("moveTo"), w("moveFrom"), w("rPrChange"), w("pPrChange"))
    }
    counts = {
        "word_comments": 0 if include_comments else len(comments),
        "hidden_text_runs": hidden_runs,
        "revision_authors": len(authors - {""}),
    }
    return {kind: n for kind, n in counts.items() if n}


def _left_out_warning(name: str, left_out: dict[str, int], *, kept_comments: int) -> str:
    """One warning naming what was left out (and comments kept on request)."""
    parts = []
    if left_out.get("word_comments"):
        parts.append(f"Word のコメント {left_out['word_comments']} 件")
    if left_out.get("hidden_text_runs"):
        parts.append(f"隠し文字 {left_out['hidden_text_runs']} か所")
    if kept_comments:
        return (f"{name}: Word のコメント {kept_comments} 件を、指定どおり該当する段落の後に「コメント」として取り込みました。"
                + (f"{'、'.join(parts)}は本文ではないため取り込んでいません。" if parts else ""))
    if not parts:
        return ""
    return (f"{name}: {'、'.join(parts)}は計画の本文ではないため取り込みませんでした"
            "（コメントを本文として取り込むには --include-comments）。")


# ---------------------------------------------------------------- entry point


def extract_docx(path: Path, *, original: bool = False, include_comments: bool = False) -> Document:
    """Read ``path`` into a ``Document`` (accepted view of tracked changes, or
    the ``original`` view before them).  ``source`` is left for the caller.
    Word comments are left out unless ``include_comments``."""
    import docx  # python-docx: the package, styles and core properties

    name = path.name
    try:
        word = docx.Document(str(path))
        with zipfile.ZipFile(path) as package:
            numbering_root = _read_part(package, "word/numbering.xml")
            notes = {
                "footnotes": _stories(_read_part(package, _PARTS["footnotes"]), "footnote"),
                "endnotes": _stories(_read_part(package, _PARTS["endnotes"]), "endnote"),
                "comments": _stories(_read_part(package, _PARTS["comments"]), "comment"),
            }
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        raise InputFileError(f"{name}: DOCX を読めません（{exc}）。") from exc
    except Exception as exc:  # python-docx raises its own types for broken packages
        raise InputFileError(f"{name}: DOCX を読めません（{type(exc).__name__}: {exc}）。") from exc

    extractor = _Extractor(
        styles=Styles(word.styles.element),
        numbering=Numbering(numbering_root),
        original=original,
        notes=notes,
        include_comments=include_comments,
    )
    extractor.body(word.element.body)
    front, sections = build_outline(_raw_items(extractor.items))
    extractor.warnings.extend(_revision_warnings(name, word.element.body, original=original))
    left_out = _left_out(notes["comments"], extractor.hidden_runs, word.element.body, include_comments)
    warning = _left_out_warning(name, left_out, kept_comments=len(notes["comments"]) if include_comments else 0)
    if warning:
        extractor.warnings.append(warning)
    if not sections:
        extractor.warnings.append(f"{name}: 見出しが見つかりませんでした。本文はすべて前付けとして扱います。")
    return Document(
        title=_title(word.core_properties.title or "", extractor.items),
        front=front,
        sections=sections,
        source=None,
        warnings=tuple(extractor.warnings),
        left_out=tuple(left_out.items()),
    )
