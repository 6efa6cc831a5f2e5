"""Unruled tables whose cells stand at their columns' x positions -> cell grids.

A table printed without rules and without ideographic spaces between its
cells reaches the reader as rows of separate pieces, each cell set at its
column's left edge (``指標名`` | ``区分`` | ``現状値（年度）`` | ``目標値（令和11年度）``
| ``出典``): ``group_lines`` cuts a row where the gap is wider than three ems,
and ``Line.runs`` keeps the pieces of narrower wide gaps.  Read as paragraphs,
a figure changed in a cell becomes a sentence edit.  This module finds such
runs (``pdf_text_tables`` reads the ones whose cells are cut by U+3000):

* a printed row is the lines standing at one height, left to right; its
  cells, their pieces;
* a table starts at a printed row of three or more cells, its columns the
  cells' left edges; the rows below go on it while every cell starts at one
  of those columns (within half an em) and stays left of the next column,
  set in the same size, at most ``ROW_PITCH_EMS`` below the row above;
* a printed row of one or two cells without a cell at the first column, or
  of one cell, is the rest of the row above (a cell wrapped: ``目標値（令和11``
  / ``年度）``); a numbered line (``５　…``) or a note (``※``) ends the table;
* at least two rows of three or more cells make a table; two-column lists,
  a 目次 (a dot leader) and running text (one piece across the columns) stay
  text, and so does a run with more of a grid right above or below it that
  does not fit its columns (cells packed without gaps: a piece of a table
  only glyph positions could cut).

Pure functions of ``pdf_lines.Line``; ``pdf.py`` places the tables as the
other unruled ones (full-width rows as ``PageTable.lines``).
"""

from __future__ import annotations

from typing import Sequence

from revtool.extract.outline import parse_marker
from revtool.extract.pdf_lines import Line, join_wrapped, text_width
from revtool.extract.pdf_tables import PageTable
from revtool.extract.pdf_text_tables import MIN_CELLS, MIN_ROWS, SEPARATOR, columns_signature, grid

ALIGN_EMS = 0.5
"""A cell starts at its column's left edge within this many ems."""
ROW_PITCH_EMS = 2.5
"""A printed row goes on the table at most this many ems below the row above."""

_LEADERS = ("……", "‥‥", "・・・・", "....", "．．．．")
_NOTE_START = ("※", "注", "（注", "(注", "資料", "出典")

Piece = tuple[float, float, str]
"""A cell as printed: its left and right edges and its text."""


def pieces_of(line: Line) -> list[Piece]:
    """The cells a line prints: its wide-gap runs, or the whole line."""
    if not line.runs:
        return [(line.x0, line.x1, line.text.strip(" \u3000"))]
    out: list[Piece] = []
    for k, (x, t) in enumerate(line.runs):
        # a run ends where the next one starts, less the gap; the last at the line's end
        end = line.runs[k + 1][0] - 1.5 * line.size if k + 1 < len(line.runs) else line.x1
        out.append((x, max(x, end), t))
    return out


def printed_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Consecutive lines standing at one height, left to right, as rows."""
    rows: list[list[Line]] = []
    for ln in lines:
        if rows:
            prev = rows[-1][-1]
            if abs(ln.top - rows[-1][0].top) <= 0.3 * max(ln.size, prev.size) and ln.x0 > prev.x1:
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return rows


def _cells(row: Sequence[Line]) -> list[Piece]:
    return [p for ln in row for p in pieces_of(ln) if p[2]]


def _column(x: float, columns: Sequence[float], em: float) -> int | None:
    for k, c in enumerate(columns):
        if abs(x - c) <= ALIGN_EMS * em:
            return k
    return None


def _split(cells: Sequence[Piece], columns: Sequence[float], em: float) -> list[Piece]:
    """Pieces that run into the next column cut at their last ideographic
    space, the tail placed by its estimated width from the piece's right
    edge (two cells an em apart: ``…巡回診療実施回数　P``)."""
    out: list[Piece] = []
    todo = list(cells)
    while todo:
        x0, x1, text = todo.pop(0)
        k = _column(x0, columns, em)
        crosses = k is not None and k + 1 < len(columns) and x1 > columns[k + 1] - 0.25 * em
        if crosses and SEPARATOR in text:
            head, tail = text.rsplit(SEPARATOR, 1)
            at = x1 - text_width(tail, em)
            todo[:0] = [(x0, at - 0.8 * em, head.strip(" \u3000")), (at, x1, tail.strip(" \u3000"))]
            continue
        out.append((x0, x1, text))
    return out


def placed(cells: Sequence[Piece], columns: Sequence[float], em: float) -> dict[int, str] | None:
    """The cells of a printed row by column, or None when one starts off
    every column or runs into the next column (running text, a diagram)."""
    out: dict[int, str] = {}
    for x0, x1, text in _split(cells, columns, em):
        k = _column(x0, columns, em)
        if k is None or k in out:
            return None
        if k + 1 < len(columns) and x1 > columns[k + 1] - 0.25 * em:
            return None
        out[k] = text
    return out


def _ends_table(row: Sequence[Line], cells: Sequence[Piece]) -> bool:
    text = " ".join(ln.text for ln in row).strip(" \u3000")
    if any(d in text for d in _LEADERS):
        return True
    return len(cells) == 1 and (text.startswith(_NOTE_START) or parse_marker(text) is not None)


def _goes_on(rows: Sequence[Sequence[Line]], k: int, edge: Sequence[Line], em: float) -> bool:
    """Whether the printed row ``k``, right above or below a run, is more of
    the same grid that does not fit its columns (cells packed without gaps,
    a header wrapped into another column): set alike, at a row's distance,
    of two cells or more.  Then the run is a piece of a table this module
    cannot read, and stays text."""
    if k < 0 or k >= len(rows):
        return False
    row = rows[k]
    c = _cells(row)
    return (len(c) >= 2 and all(abs(ln.size - em) <= 0.3 for ln in row) and not _ends_table(row, c)
            and abs(row[0].top - edge[0].top) <= ROW_PITCH_EMS * em)


def assemble(rows: Sequence[dict[int, str]], width: int) -> list[list[str]]:
    """Full-width rows from placed printed rows: a printed row of one cell,
    or of two without the first column's, is the rest of the row above."""
    out: list[list[str]] = []
    for r in rows:
        if out and (len(r) == 1 or (len(r) < MIN_CELLS and 0 not in r)):
            for k, t in r.items():
                out[-1][k] = join_wrapped(out[-1][k], t) if out[-1][k] else t
            continue
        out.append([r.get(k, "") for k in range(width)])
    return out


def find_column_tables(lines: Sequence[Line], body_size: float) -> tuple[list[Line], list[PageTable]]:
    """The lines of a page that are no table's, and the tables whose cells
    stand at their columns' x positions, top to bottom."""
    del body_size  # set smaller than the body or not: the columns decide
    rows = printed_rows(lines)
    keep: list[Line] = []
    tables: list[PageTable] = []
    i = 0
    while i < len(rows):
        head = rows[i]
        cells = _cells(head)
        em = max(ln.size for ln in head)
        if len(cells) < MIN_CELLS or _ends_table(head, cells) or any(abs(ln.size - em) > 0.3 for ln in head):
            keep.extend(head)
            i += 1
            continue
        columns = [c[0] for c in cells]
        first = placed(cells, columns, em)
        got: list[dict[int, str]] = [first] if first is not None else []
        j = i + 1
        while first is not None and j < len(rows):
            row = rows[j]
            c = _cells(row)
            if (not c or any(abs(ln.size - em) > 0.3 for ln in row) or _ends_table(row, c)
                    or row[0].top - rows[j - 1][0].top > ROW_PITCH_EMS * em):
                break
            p = placed(c, columns, em)
            if p is None:
                break
            got.append(p)
            j += 1
        full = [r for r in got if len(r) >= MIN_CELLS]
        grid_rows = assemble(got, len(columns)) if got else []
        if len(full) < MIN_ROWS or len(grid_rows) < MIN_ROWS or _goes_on(rows, i - 1, rows[i], em) \
                or _goes_on(rows, j, rows[j - 1], em):
            keep.extend(head)
            i += 1
            continue
        run = [ln for r in rows[i:j] for ln in r]
        bbox = (min(x.x0 for x in run), min(x.top for x in run), max(x.x1 for x in run), max(x.bottom for x in run))
        printed = tuple((tuple(r), False) for r in grid_rows)
        tables.append(PageTable(bbox, grid(grid_rows), columns_signature(len(columns)), printed))
        i = j
    return keep, tables
