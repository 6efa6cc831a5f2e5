"""Unruled tables printed as lines of text -> cell grids.

A table without rules reaches the reader as lines: each row one line set
smaller than the body, its cells separated by an ideographic space (U+3000),
a row too long for the line wrapped onto the next one
(``乳児家庭全戸訪問事業　量の見込み（人）　1,042　…　953`` / ``940``).  Read
as paragraphs, a figure changed in a cell becomes a sentence edit, and a row
added, a new paragraph.  This module finds such runs and rebuilds the grid:

* a run is at least two lines of three or more cells, set smaller than the
  body, with the lines between and after them that complete a row;
* the table is as wide as its widest row; a line joins the row above while
  the row is short of that width and the line fits in what is left (a cell
  cut by the wrap is joined again when only that fits);
* a row one cell short, under a full row, has its first cell merged from the
  row above (``確保方策（人）　…`` under ``延長保育事業　量の見込み（人）　…``),
  as a Word table's vertically merged 事業名 reads (``Cell.merged``).

Pure functions of ``pdf_lines.Line``; ``pdf.py`` places the tables in the
reading order as it places ruled ones (``pdf_tables.PageTable``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from revtool.extract.outline import is_quantity, parse_marker
from revtool.extract.pdf_lines import NO_LINE_START, Line, join_wrapped
from revtool.extract.pdf_tables import PageTable, is_value
from revtool.model import Cell

SEPARATOR = "\u3000"
MIN_CELLS = 3
"""A line of fewer cells is a label and its text (``基本目標１　…``), not a row."""
MIN_ROWS = 2
SMALLER = 0.5
"""Table text is set at least this many points smaller than the body."""

_NOT_A_CELL = re.compile(r"^(?:※|注|（注|\(注|資料|出典)|[。．]$")
"""A short line after a table that is a note under it, not the rest of a row."""
_LEADER = re.compile(r"[…‥]{2,}|[.．・･]{4,}")
"""A dot leader: a table-of-contents entry, not a row."""


def cells_of(line: Line) -> list[str]:
    """The cells a line prints: its text cut at ideographic spaces."""
    return [c.strip(" ") for c in line.text.strip(" \u3000").split(SEPARATOR) if c.strip(" ")]


def _small(line: Line, body_size: float) -> bool:
    return line.size <= body_size - SMALLER


def _is_row(line: Line, body_size: float) -> bool:
    return _small(line, body_size) and len(cells_of(line)) >= MIN_CELLS and not _LEADER.search(line.text)


def _same_style(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= 0.3 and a.bold == b.bold


def columns_signature(width: int) -> tuple[float, ...]:
    """``PageTable.columns`` of a text table: no border positions are printed,
    so negative ordinals stand for them; two text tables of one width continue
    each other across a page (``pdf_tables.same_columns``), never a ruled one."""
    return tuple(-float(k + 1) for k in range(width + 1))


def _labelled(cells: Sequence[str]) -> list[str]:
    """A row one cell wider than the header whose first cell is a numbering
    label: the label and its title are one cell (``第1節　脱炭素社会の実現``
    under 基本方針)."""
    if len(cells) >= 2 and not is_value(cells[1]):
        m = parse_marker(cells[0] + SEPARATOR + cells[1])
        if m is not None and m.number == cells[0] and not is_quantity(m):
            return [cells[0] + SEPARATOR + cells[1], *cells[2:]]
    return list(cells)


PrintedLine = tuple[tuple[str, ...], bool]
"""A printed line of a text table: its cells, and whether it ran to the
table's right edge with no separator at the break (its last cell may go on
on the next line: ``…地域支えあい推進`` / ``課``)."""


_NUMBER = re.compile(r"^[△▲\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?$")


def _one_number(left: str, right: str) -> bool:
    """Whether two pieces a cut separated make one well-formed figure
    (``5`` / ``0.0``), not two (``1,541`` / ``1,574``)."""
    return bool(_NUMBER.match(unicodedata.normalize("NFKC", left + right)))


def _goes_on(left: str, right: str) -> bool:
    """Whether a cell ending a line goes on at the start of the next one
    whatever the line's width: a bracket left open (``35.0％（令和12`` /
    ``年度）``), or a next piece that cannot start a cell (``100`` / ``％（令和…``)."""
    opened = sum(left.count(c) for c in "（(「『［[") - sum(left.count(c) for c in "）)」』］]")
    return opened > 0 or right[:1] in NO_LINE_START or right[:1] in "％%"


def assemble(lines: Sequence[PrintedLine]) -> list[list[str]]:
    """Rows from consecutive printed lines.  A line of figures only, shorter
    than the line above, is the rest of that line (a row wrapped after its
    label: ``…　953`` / ``940``; its first figure the rest of the last one
    when the line above was cut at the edge, they make one number and two
    would make the line wider than all others: ``…　5`` / ``0.0``).  The
    table is then as wide as its widest line; a line goes on the row above
    while that row is short of the width and the line fits (a header
    wrapped: ``…令和10年度`` / ``令和11年度``), or, after a line cut at the
    right edge or a cell left open (``_goes_on``), when it fits with its
    first cell the rest of the row's last one (``…地域支えあい推進`` / ``課``)."""
    head = len(lines[0][0]) if lines else 0
    joined: list[tuple[list[str], bool]] = []  # cells, after a line cut at the edge
    cut_at: dict[int, int] = {}  # joined line -> where a cut may have split one number in two
    prev_cut = False
    for printed, cut in lines:
        cells = _labelled(printed) if len(printed) == head + 1 else list(printed)
        prev = joined[-1][0] if joined else None
        if prev is not None and cells and len(cells) < len(prev) and all(is_value(c) for c in cells) \
                and not all(is_value(c) for c in prev):
            if prev_cut and _one_number(prev[-1], cells[0]):
                cut_at[len(joined) - 1] = len(prev)
            prev.extend(cells)
        else:
            joined.append((cells, prev_cut))
        prev_cut = cut
    # a number cut in two only when two figures would make the line wider than every other line
    plain = max((len(c) for k, (c, _) in enumerate(joined) if k not in cut_at), default=0)
    for k, at in cut_at.items():
        cells = joined[k][0]
        if len(cells) > plain:
            cells[at - 1:at + 1] = [cells[at - 1] + cells[at]]
    width = max((len(c) for c, _ in joined), default=0)
    rows: list[list[str]] = []
    for cells, after_cut in joined:
        if rows and cells and parse_marker(cells[0]) is None:  # （２）… starts a row of its own
            row = rows[-1]
            if len(row) < width and len(row) + len(cells) <= width:
                row.extend(cells)
                continue
            if (after_cut or _goes_on(row[-1], cells[0])) and len(row) + len(cells) - 1 <= width:
                digits = row[-1][-1:].isdigit() and cells[0][:1].isdigit()  # ``50%（203`` / ``0年）``
                row[-1] = row[-1] + cells[0] if digits else join_wrapped(row[-1], cells[0])
                row.extend(cells[1:])
                continue
        rows.append(cells)
    return rows


def grid(rows: Sequence[Sequence[str]]) -> tuple[tuple[Cell, ...], ...]:
    """Rows of equal width: a row one cell short under a fuller data row
    takes the first cell of the row above as merged (a 事業名 over its two
    rows); a first row one cell short has an empty corner cell; any other
    short row is filled with empty cells on the right."""
    width = max((len(r) for r in rows), default=0)
    out: list[tuple[Cell, ...]] = []
    for i, r in enumerate(rows):
        cells = [Cell(t) for t in r]
        if len(r) == width - 1 and i == 0:
            cells.insert(0, Cell(""))
        elif len(r) == width - 1 and i > 1 and out[-1][0].text:
            cells.insert(0, Cell(out[-1][0].text, merged=True))
        cells += [Cell("")] * (width - len(cells))
        out.append(tuple(cells))
    return tuple(out)


def table_of(lines: Sequence[PrintedLine]) -> tuple[tuple[Cell, ...], ...]:
    """The grid of a text table from its printed lines."""
    return grid(assemble(lines))


def text_table_starts(lines: Sequence[PrintedLine], page_starts: Sequence[int], text: str) -> list[int]:
    """Where each page's part of a text table starts in ``text`` (its
    ``Table.as_text``), for ``paged_span``: after the rows begun on the pages
    before (a row the break cut counts on the page where it starts)."""
    rows = assemble(lines)
    out: list[int] = []
    for n in page_starts:
        before = len(assemble(lines[:n])) if n else 0
        at = len("\n".join("\t".join(r) for r in rows[:before])) + 1 if before else 0
        out.append(min(max(at, out[-1] if out else 0), len(text)))
    return out


def _values_only(line: Line) -> bool:
    cells = cells_of(line)
    return bool(cells) and all(is_value(c) for c in cells)


def _ends_run(line: Line) -> bool:
    return bool(_NOT_A_CELL.search(line.text.strip(" \u3000")))


def printed_lines(run: Sequence[Line]) -> tuple[PrintedLine, ...]:
    """The cells of each line of a run, and whether it was cut at the right
    edge: as wide as the run's widest line (within an em and a half), no
    ideographic space on either side of the break."""
    right = max(x.x1 for x in run)
    out: list[PrintedLine] = []
    for k, x in enumerate(run):
        nxt = run[k + 1].text if k + 1 < len(run) else SEPARATOR
        cut = x.x1 >= right - 1.5 * x.size and not x.text.endswith(SEPARATOR) and not nxt.startswith(SEPARATOR)
        out.append((tuple(cells_of(x)), cut))
    return tuple(out)


def find_text_tables(lines: Sequence[Line], body_size: float, table_open: bool = False) -> tuple[list[Line], list[PageTable]]:
    """The lines of a page that are no table's, and the unruled tables among
    them, top to bottom (``PageTable.columns``: ``columns_signature``;
    ``PageTable.lines``: its printed lines, so a table continued on the next
    page is assembled again as a whole).  Small lines of figures at the top
    of the page right before a table's rows go with it: the rest of a row
    the page break cut.  ``table_open``: the page before ended in a text
    table, so one row at the top of this page goes on it; one row at the
    foot of the page starts a table (its header, the rows overleaf)."""
    keep: list[Line] = []
    tables: list[PageTable] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if not _is_row(ln, body_size):
            keep.append(ln)
            i += 1
            continue
        j = i + 1
        last_row = i
        while j < n and _same_style(lines[j], ln) and lines[j].top >= lines[j - 1].top and not _ends_run(lines[j]):
            if _is_row(lines[j], body_size):
                last_row = j
            j += 1
        at_top = len(keep) == i and i <= 2
        rows_needed = 1 if (table_open and at_top) or j == n else MIN_ROWS
        if sum(1 for x in lines[i:last_row + 1] if _is_row(x, body_size)) < rows_needed:
            keep.append(ln)
            i += 1
            continue
        start = i
        if at_top and i > 0 and all(_same_style(x, ln) and _values_only(x) for x in lines[:i]):
            start = 0  # the page opens with the rest of a row cut by the break
            del keep[:]
        end = last_row + 1
        # short lines right after the last row complete it (a wrapped value) or make rows of
        # their own as wide as the table's (a last row wrapped before its figures); a note does not
        base = assemble(printed_lines(lines[start:end]))
        width = max(len(r) for r in base)
        for e in range(end + 1, j + 1):
            rows = assemble(printed_lines(lines[start:e]))
            if len(rows) == len(base) or all(len(r) >= width - 1 for r in rows[len(base) - 1:]):
                end = e
        run = lines[start:end]
        printed = printed_lines(run)
        rows = assemble(printed)
        width = max(len(r) for r in rows)
        if 3 * sum(len(r) < width - 1 for r in rows[1:]) > len(rows) - 1:
            # rows that do not fill the grid: cells left out where merged (a 施策の体系 printed
            # by its lines) cannot be placed; the lines stay text
            keep.extend(lines[i:end])
            i = end
            continue
        bbox = (min(x.x0 for x in run), run[0].top, max(x.x1 for x in run), run[-1].bottom)
        tables.append(PageTable(bbox, grid(rows), columns_signature(width), printed))
        i = end
    return keep, tables
