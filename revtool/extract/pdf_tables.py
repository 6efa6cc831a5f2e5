"""Ruled tables -> cell grids.

The geometry is pdfplumber's own lattice algorithm (``merge_edges`` ->
``edges_to_intersections`` -> ``intersections_to_cells`` -> ``cells_to_tables``),
fed with the ruling edges pdfium read, so no pdfminer parse is needed.  On top
of that, this module:

* lays each table's cells on a grid of its distinct column and row borders and
  fills merged cells (``Cell.merged``);
* joins a cell's wrapped lines with the CJK rule (a line that stops short of
  the cell's right edge ends a paragraph: ``\\n``);
* stitches a table continued on the next page, dropping the repeated header.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Sequence

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from revtool.extract.pdf_lines import Line, continues_word, ends_sentence, group_lines, join_wrapped, stops_short
from revtool.extract.pdf_read import Edge, Glyph
from revtool.model import Cell, Table

SNAP = 3.0
MIN_EDGE = 3.0

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom
_VALUE = re.compile(r"^[0-9０-９,，.．%％△▲ー－―−-]+$")


def is_value(cell: str) -> bool:
    """A figure (``1,042``, ``３３.２``, ``－``), not a label."""
    return bool(_VALUE.match(cell))


@dataclass(frozen=True)
class PageTable:
    """A table found on one page: its box, its grid and its column borders.
    ``lines``: for a table printed without rules (``pdf_text_tables``), the
    cells of each printed line, from which a table continued on the next
    page is assembled again; () for a ruled table."""

    bbox: BBox
    rows: tuple[tuple[Cell, ...], ...]
    columns: tuple[float, ...]  # x of the column borders, left to right
    lines: tuple[tuple[tuple[str, ...], bool], ...] = ()  # pdf_text_tables.PrintedLine

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def _edge_dict(e: Edge) -> dict[str, Any]:
    return {
        "x0": e.x0,
        "x1": e.x1,
        "top": e.top,
        "bottom": e.bottom,
        "width": e.x1 - e.x0,
        "height": e.bottom - e.top,
        "orientation": e.orientation,
        "object_type": "line",
    }


def _cluster(values: Sequence[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(borders: Sequence[float], v: float) -> int:
    """The index of the border nearest ``v`` (the first of two as near):
    ``borders`` are sorted and apart (``_cluster``), so it is one of the two
    around ``v``'s place, found by bisection."""
    j = bisect_left(borders, v)
    if j == 0 or v != v:  # (NaN: the scan's answer, the first border)
        return 0
    if j == len(borders) or abs(borders[j - 1] - v) <= abs(borders[j] - v):
        return j - 1
    return j


def inside(g: Glyph, box: BBox) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def glyphs_inside(glyphs: Sequence[Glyph], box: BBox) -> list[Glyph]:
    """``[g for g in glyphs if inside(g, box)]``, the test written out."""
    x0, top, x1, bottom = box
    return [g for g in glyphs if x0 <= (g[1] + g[2]) / 2 <= x1 and top <= (g[3] + g[4]) / 2 <= bottom]


def glyphs_outside(glyphs: Sequence[Glyph], boxes: Sequence[BBox]) -> list[Glyph]:
    """The glyphs inside none of ``boxes`` (``inside``), in their order."""
    out = list(glyphs)
    for x0, top, x1, bottom in boxes:
        out = [g for g in out if not (x0 <= (g[1] + g[2]) / 2 <= x1 and top <= (g[3] + g[4]) / 2 <= bottom)]
    return out


def cell_text(lines: Sequence[Line], right: float) -> str:
    """Join a cell's lines: wrapped lines with the CJK rule; a line that
    stopped short of ``right`` (the widest text in the column) ends a paragraph."""
    out = ""
    prev: Line | None = None
    for ln in lines:
        t = ln.text.strip(" ")
        if prev is not None and stops_short(prev.x1, right, t, max(prev.size, 1.0)):
            out += "\n" + t
        else:
            out = join_wrapped(out, t)
        prev = ln
    return out


_EDGE_BBOX = itemgetter("x0", "top", "x1", "bottom")  # pdfplumber's obj_to_bbox


def intersection_cells(intersections: dict[tuple[float, float], dict[str, list[dict[str, Any]]]]) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same
    order, without its quadratic cost: for each intersection (sorted), the
    smallest cell whose corners it and the points below and right of it make,
    connected by a shared edge.  Each point's edge boxes are made into sets
    once (pdfplumber makes them for every pair it tests), and the points
    below or right of one are taken from its column and its row instead of
    a scan of every later point. Coordinates that are not numbers (NaN
    breaks the sorted columns) go to pdfplumber's own function."""
    points = sorted(intersections)
    if any(x != x or y != y for x, y in points):
        return intersections_to_cells(intersections)
    vertical = {p: set(map(_EDGE_BBOX, e["v"])) for p, e in intersections.items()}
    horizontal = {p: set(map(_EDGE_BBOX, e["h"])) for p, e in intersections.items()}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    rows: dict[float, list[tuple[float, float]]] = {}
    place: list[int] = []  # each point's place in its row
    for pt in points:
        row = rows.setdefault(pt[1], [])
        place.append(len(row))
        row.append(pt)
    cells: list[BBox] = []
    n = len(points)
    for i, pt in enumerate(points):
        j = i + 1
        while j < n and points[j][0] == pt[0]:  # the points below: the rest of its column, in order
            j += 1
        right = rows[pt[1]][place[i] + 1:]  # the points right of it: the rest of its row, in order
        cell = None
        for below_pt in points[i + 1:j]:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells


def find_tables(edges: Sequence[Edge], glyphs: Sequence[Glyph]) -> tuple[list[PageTable], list[BBox]]:
    """Ruled tables of at least two rows and two columns, top to bottom, and
    the frames (ruled boxes of one row or column: コラム boxes, shaded
    headings) whose text stays in the running text."""
    tables, frames, _ = find_ruled(edges, glyphs)
    return tables, frames


def find_ruled(edges: Sequence[Edge], glyphs: Sequence[Glyph]) -> tuple[list[PageTable], list[BBox], list[PageTable]]:
    """``find_tables``, and the frames that are one ruled row of two cells or
    more, as grids: such a row may be a table's header row left at the foot
    of a page, the table overleaf, or its last body row carried to the top of
    the next page (``row_overleaf``)."""
    usable = [
        _edge_dict(e)
        for e in edges
        if (e.orientation == "h" and e.x1 - e.x0 >= MIN_EDGE) or (e.orientation == "v" and e.bottom - e.top >= MIN_EDGE)
    ]
    if len(usable) < 4:
        return [], [], []
    merged = merge_edges(usable, SNAP, SNAP, SNAP, SNAP)
    cells = intersection_cells(edges_to_intersections(merged, 1, 1))
    tables: list[PageTable] = []
    frames: list[BBox] = []
    rows: list[PageTable] = []
    for group in cells_to_tables(cells):  # pdfplumber drops one-cell groups
        table = _grid(group, glyphs)
        if table is not None:
            tables.append(table)
        else:
            frames.append(
                (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group), max(c[3] for c in group))
            )
            row = _grid(group, glyphs, min_rows=1)
            if row is not None and any(c.text for c in row.rows[0]):
                rows.append(row)
    tables.sort(key=lambda t: t.top)
    return tables, frames, sorted(rows, key=lambda t: t.top)


def find_frames(boxes: Sequence[BBox], tables: Sequence[PageTable], more: Sequence[BBox] = ()) -> list[BBox]:
    """Ruled boxes that are not tables (nor a table's cells): コラム boxes, notes."""
    out: list[BBox] = []
    for b in list(boxes) + list(more):
        if any(b[0] >= t.bbox[0] - 2 and b[2] <= t.bbox[2] + 2 and b[1] >= t.bbox[1] - 2 and b[3] <= t.bbox[3] + 2 for t in tables):
            continue
        if b not in out:
            out.append(b)
    return out


def _grid(cells: Sequence[BBox], glyphs: Sequence[Glyph], min_rows: int = 2) -> PageTable | None:
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    ncols, nrows = len(xs) - 1, len(ys) - 1
    if ncols < 2 or nrows < min_rows:
        return None  # a framed box or a shaded heading, not a table
    box: BBox = (xs[0], ys[0], xs[-1], ys[-1])
    mine = glyphs_inside(glyphs, box)
    grid: list[list[Cell | None]] = [[None] * ncols for _ in range(nrows)]
    spans: list[tuple[BBox, int, int, int, int]] = []
    owner: dict[tuple[int, int], int] = {}  # grid position -> index into spans
    for c in sorted(cells, key=lambda c: (c[1], c[0])):
        c0, c1 = _index(xs, c[0]), _index(xs, c[2])
        r0, r1 = _index(ys, c[1]), _index(ys, c[3])
        if c1 > c0 and r1 > r0:
            for r in range(r0, r1):
                for k in range(c0, c1):
                    owner.setdefault((r, k), len(spans))
            spans.append((c, c0, c1, r0, r1))
    members: list[list[Glyph]] = [[] for _ in spans]
    last_col, last_row = ncols - 1, nrows - 1
    for g in mine:  # each glyph to the cell under its centre, by bisection on the borders (clamped to the grid)
        k = bisect_right(xs, (g[1] + g[2]) / 2) - 1
        k = 0 if k < 0 else last_col if k > last_col else k
        r = bisect_right(ys, (g[3] + g[4]) / 2) - 1
        r = 0 if r < 0 else last_row if r > last_row else r
        i = owner.get((r, k))
        if i is not None:
            members[i].append(g)
    placed: list[tuple[BBox, int, int, int, int, list[Line]]] = [
        (*span, group_lines(members[i])) for i, span in enumerate(spans)
    ]
    # the right edge of the text in each column span: wrapping stops there
    right: dict[tuple[int, int], float] = {}
    for c, c0, c1, _, _, lines in placed:
        for ln in lines:
            right[(c0, c1)] = max(right.get((c0, c1), 0.0), ln.x1)
    for c, c0, c1, r0, r1, lines in placed:
        text = cell_text(lines, right.get((c0, c1), c[2]))
        for r in range(r0, r1):
            for k in range(c0, c1):
                if grid[r][k] is None:
                    grid[r][k] = Cell(text, merged=(r, k) != (r0, c0))
    rows = tuple(tuple(cell if cell is not None else Cell("") for cell in row) for row in grid)
    return PageTable(box, rows, tuple(xs))


# ---------------------------------------------------------------- across pages


def same_columns(a: Sequence[float], b: Sequence[float], tol: float = 3.0) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def continues_row(last: Sequence[Cell], first: Sequence[Cell]) -> bool:
    """Whether the first row on the next page is the rest of a row the page
    break cut in two: its first (key) cell is empty under a filled one, or a
    cell goes on mid-sentence (``…保護者のニーズ`` / ``を捉え、…``) while no
    cell has more text under a finished sentence (``…実施します。`` /
    ``保健師や…``: a row of its own whose key merely starts with hiragana,
    ``がん検診に関する相談``) and no figure stands under a figure
    (``23.4`` / ``35.4`` beside ``ややあてはまる`` / ``あまりあてはまらない``)."""
    if len(last) != len(first) or not any(c.text for c in first):
        return False
    if last[0].text and not first[0].text:
        return True
    if any(a.text and b.text and (ends_sentence(a.text) or (is_value(a.text) and is_value(b.text)))
           for a, b in zip(last, first)):
        return False
    return any(
        a.text and b.text and not ends_sentence(a.text) and continues_word(b.text) for a, b in zip(last, first)
    )


def row_overleaf(row: PageTable, table: PageTable | None, between: Sequence[Line]) -> bool:
    """Whether ``row``, one ruled row standing alone on its side of a page
    break, belongs to ``table``, the ruled table on the other side in the same
    columns, with no text ``between`` them: a header row Word left at the foot
    of a page before the table overleaf, or a last body row carried to the top
    of the next page."""
    return (table is not None and not table.lines and not between
            and len(row.rows) == 1 and same_columns(row.columns, table.columns))


def stitch(head: Table, tail_rows: Sequence[Sequence[Cell]]) -> Table:
    """Append the rows of a table's continuation; a repeated header row (the
    same texts as ``head``'s header) is dropped, and a row the page break cut
    in two is joined again."""
    rows = [tuple(r) for r in tail_rows]
    n = head.header_rows
    header = [tuple(c.text for c in r) for r in head.rows[:n]]
    if n and len(rows) >= n and [tuple(c.text for c in r) for r in rows[:n]] == header:
        rows = rows[n:]
    body = list(head.rows)
    if rows and len(body) > n and continues_row(body[-1], rows[0]):
        body[-1] = tuple(Cell(join_wrapped(a.text, b.text), a.merged) for a, b in zip(body[-1], rows[0]))
        rows = rows[1:]
    return Table(tuple(body) + tuple(rows), head.header_rows)
