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
  does not fit its columns.

Cells packed without a space between them (a cell filled to its width
runs into the next: ``…必要な支援高齢介護課``) are cut by the glyph positions
(``Line.xs``) at the columns where the header row's cells start (its pieces
cut at every space: ``実績（令和5　見込み（令和``), when the columns are
proven: every cell of every row starts at its column within ``CUT_EMS``,
the glyph before it ending ``CUT_GAP_EMS`` short of it (a cell's padding);
at least two body rows of three or more cells, each column started by cells
of two rows (or one row filling ``SINGLE_ROW_COLUMNS`` columns or more); and
at least one cut between glyphs with no space between them (without one,
the gaps decide, as above).  Such a table's rows are told from its wrapped
cells by the row pitch: where the table has two pitches, a printed row at
the smaller one with fewer cells than the row above is the rest of it.

Pure functions of ``pdf_lines.Line``; ``pdf.py`` places the tables as the
other unruled ones (full-width rows as ``PageTable.lines``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Sequence

from revtool.extract.outline import parse_marker
from revtool.extract.pdf_lines import Line, join_wrapped, text_width
from revtool.extract.pdf_tables import PageTable
from revtool.extract.pdf_text_tables import MIN_CELLS, MIN_ROWS, SEPARATOR, columns_signature, grid

ALIGN_EMS = 0.5
"""A cell starts at its column's left edge within this many ems."""
ROW_PITCH_EMS = 2.5
"""A printed row goes on the table at most this many ems below the row above."""
CUT_EMS = 0.1
"""In a row whose cells touch, a cell's first glyph starts this close to its
column's x (the cells of one column are set at one x to the point)."""
CUT_GAP_EMS = 0.3
"""The glyph before a cut ends (by its estimated width) at least this many
ems short of the column: a cell's padding.  Running text set at the same
left margin and pitch as a header spaced by ideographic spaces has its
glyphs at the header's columns too, but touching."""
SINGLE_ROW_COLUMNS = 4
"""A table of one body row is read when it has this many columns or more,
every one of them filled (each cut proven by the glyphs)."""
_BLANKS = " \u3000"
_UNSPACED = re.compile("[^ \u3000]+")

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


def assemble(rows: Sequence[dict[int, str]], width: int, rest: Sequence[bool] = ()) -> list[list[str]]:
    """Full-width rows from placed printed rows: a printed row of one cell,
    or of two without the first column's, is the rest of the row above; so
    is one ``rest`` says is."""
    out: list[list[str]] = []
    for n, r in enumerate(rows):
        if out and (len(r) == 1 or (len(r) < MIN_CELLS and 0 not in r) or (n < len(rest) and rest[n])):
            for k, t in r.items():
                out[-1][k] = join_wrapped(out[-1][k], t) if out[-1][k] else t
            continue
        out.append([r.get(k, "") for k in range(width)])
    return out


def _gap_table(rows: Sequence[Sequence[Line]], i: int, cells: Sequence[Piece], em: float) -> tuple[PageTable, int] | None:
    """The table whose header is the printed row ``i`` (its ``cells``), the
    cells apart by gaps, and the row after it; None when there is none."""
    if len(cells) < MIN_CELLS:
        return None
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
        return None
    return _table(rows[i:j], grid_rows, len(columns)), j


def _table(rows: Sequence[Sequence[Line]], grid_rows: Sequence[Sequence[str]], width: int) -> PageTable:
    run = [ln for r in rows for ln in r]
    bbox = (min(x.x0 for x in run), min(x.top for x in run), max(x.x1 for x in run), max(x.bottom for x in run))
    printed = tuple((tuple(r), False) for r in grid_rows)
    return PageTable(bbox, grid(grid_rows), columns_signature(width), printed)


def spaced_pieces(line: Line) -> list[Piece] | None:
    """A line's pieces cut at every space (a wide gap's, an ideographic
    space's), by its glyph positions; None when those are not known."""
    xs = line.xs
    if len(xs) != len(line.text):
        return None
    return [(xs[m.start()], xs[m.end()] if m.end() < len(xs) else line.x1, m.group())
            for m in _UNSPACED.finditer(line.text)]


def packed_cells(row: Sequence[Line], columns: Sequence[float], em: float) -> tuple[dict[int, str], int] | None:
    """The cells of a printed row cut at ``columns`` by its glyph positions,
    and how many cuts fell between glyphs with no space between them; None
    when a cell starts off its column, the glyph before a cut does not end
    ``CUT_GAP_EMS`` short of it, or two pieces fall in one column.  Each
    column's cut is looked up (bisect), not each character."""
    tol, pad = CUT_EMS * em, CUT_GAP_EMS * em
    out: dict[int, str] = {}
    touching = 0
    for ln in row:
        text, xs = ln.text, ln.xs
        if len(xs) != len(text):
            return None
        k = bisect_right(columns, ln.x0 + tol) - 1  # the column of the line's first glyph
        if k < 0 or abs(ln.x0 - columns[k]) > tol:
            return None
        cuts = [(k, 0)]
        cuts += [(n, bisect_left(xs, columns[n] - tol)) for n in range(k + 1, len(columns)) if columns[n] - tol <= ln.x1]
        last = -1  # the last visible character of the cells so far
        for (col, a), (_, b) in zip(cuts, [*cuts[1:], (0, len(text))]):
            piece = text[a:b]
            cell = piece.strip(_BLANKS)
            if not cell:
                continue  # an empty cell, or the line's end
            first = b - len(piece.lstrip(_BLANKS))
            if abs(xs[first] - columns[col]) > tol:
                return None  # a cell starting off its column: running text across it
            if last >= 0:
                if xs[last] + text_width(text[last], ln.size) > columns[col] - pad:
                    return None  # the glyph before runs across the column, or up to it (running text)
                touching += last + 1 == first
            if col in out:
                return None
            out[col] = cell
            last = first + len(cell) - 1
    return out, touching


def wrapped_rows(rows: Sequence[dict[int, str]], pitches: Sequence[float], em: float) -> list[bool]:
    """Which printed rows are the rest of the row above by the row pitch:
    where a table has two pitches (a wrapped cell's lines closer than the
    rows), a row at the smaller one with fewer cells than the row above."""
    line_pitch = min(pitches[1:], default=0.0)
    if max(pitches[1:], default=0.0) - line_pitch < 0.2 * em:
        return [False] * len(rows)
    out: list[bool] = []
    above = 0
    for r, pitch in zip(rows, pitches):
        out.append(bool(out) and pitch <= line_pitch + 0.1 * em and len(r) < above)
        above = above if out[-1] else len(r)
    return out


def _spaced_enough(row: Sequence[Line]) -> bool:
    """Whether a printed row has pieces enough between its spaces to be a
    table's header (told by the text: most rows have no space at all)."""
    n = len(row)
    for ln in row:
        t = ln.text
        if " " in t or "\u3000" in t:
            n += len(t.split()) - 1
    return n >= MIN_CELLS


def _packed_table(rows: Sequence[Sequence[Line]], i: int, em: float) -> tuple[PageTable, int] | None:
    """The table whose header is the printed row ``i``, its cells cut by
    glyph positions where they touch (module docstring), and the row after
    it; None when the columns are not proven."""
    head: list[Piece] = []
    for ln in rows[i]:
        p = spaced_pieces(ln)
        if p is None:
            return None
        head += p
    if len(head) < MIN_CELLS:
        return None
    columns = [p[0] for p in head]
    if any(b - a < em for a, b in zip(columns, columns[1:])):
        return None
    got: list[dict[int, str]] = [{k: p[2] for k, p in enumerate(head)}]
    pitches, touching = [0.0], 0
    j = i + 1
    while j < len(rows):
        row = rows[j]
        pitch = row[0].top - rows[j - 1][0].top
        if any(abs(ln.size - em) > 0.3 for ln in row) or not 0 < pitch <= ROW_PITCH_EMS * em:
            break  # (a row back up: columns of text read one after the other)
        cut = packed_cells(row, columns, em)
        if cut is None or _ends_table(row, _cells(row)):
            break
        got.append(cut[0])
        pitches.append(pitch)
        touching += cut[1]
        j += 1
    body = got[1:]
    full = [r for r in body if len(r) >= MIN_CELLS]
    # each column started by cells of two body rows; or, for a table of one
    # row, four columns or more, each started by a cell of that row
    proven = (len(full) >= MIN_ROWS and all(sum(1 for r in body if k in r) >= 2 for k in range(1, len(columns)))
              or len(full) == 1 and len(columns) >= SINGLE_ROW_COLUMNS and len(full[0]) == len(columns))
    if (not touching or not proven or packed_cells(rows[i], columns, em) is None
            or _goes_on(rows, i - 1, rows[i], em) or _goes_on(rows, j, rows[j - 1], em)):
        return None
    return _table(rows[i:j], assemble(got, len(columns), wrapped_rows(got, pitches, em)), len(columns)), j


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
        em = max(ln.size for ln in head)
        cells = _cells(head)
        gaps, packed = len(cells) >= MIN_CELLS, _spaced_enough(head)  # (most rows: neither, told at once)
        found = None
        if (gaps or packed) and not _ends_table(head, cells) and all(abs(ln.size - em) <= 0.3 for ln in head):
            found = _gap_table(rows, i, cells, em) if gaps else None
            if found is None and packed:
                found = _packed_table(rows, i, em)
        if found is None:
            keep.extend(head)
            i += 1
            continue
        tables.append(found[0])
        i = found[1]
    return keep, tables
