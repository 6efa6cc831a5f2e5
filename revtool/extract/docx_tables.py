"""A ``w:tbl`` as a filled cell grid.

python-docx's cells are unreliable with merges, so the grid is built from the
XML: ``w:gridSpan`` (and the legacy ``w:hMerge``) repeats a cell across the
columns it covers,
``w:vMerge`` continuations take the text of the cell above where the merge
starts (``Cell.merged=True`` on every covered position but the origin),
``w:gridBefore``/``w:gridAfter`` pad rows, rows deleted (or, for the original
view, inserted) by tracked changes are left out, and ``w:tblHeader`` rows
give ``header_rows`` (1 when none is marked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from revtool.extract.docx_numbering import w, wval
from revtool.extract.docx_styles import on
from revtool.model import Cell, Table

CellReader = Callable[[etree._Element], str]
"""Reads the text of one ``w:tc`` (its paragraphs and nested tables)."""


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``w:<tag>`` children of ``parent``, also those wrapped in a content
    control (``w:sdt``) or in ``w:customXml``."""
    for child in parent:
        if child.tag == w(tag):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from (el for el in content if el.tag == w(tag))


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    return _children(table, "tr")


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    return _children(row, "tc")


def _int_prop(parent: etree._Element | None, tag: str, default: int) -> int:
    if parent is None:
        return default
    value = wval(parent.find(w(tag)))
    return int(value) if value and value.isdigit() else default


def row_removed(row: etree._Element, *, original: bool) -> bool:
    trpr = row.find(w("trPr"))
    if trpr is None:
        return False
    return trpr.find(w("ins" if original else "del")) is not None


def read_table(table: etree._Element, read_cell: CellReader, *, original: bool = False) -> Table:
    """The filled grid of ``table``."""
    grid: list[list[Cell]] = []
    header_rows = 0
    counting_headers = True
    # column -> text of the vMerge origin currently open in that column
    open_merges: dict[int, str] = {}
    for row in _rows(table):
        if row_removed(row, original=original):
            continue
        trpr = row.find(w("trPr"))
        if counting_headers and trpr is not None and on(trpr.find(w("tblHeader"))):
            header_rows += 1
        else:
            counting_headers = False
        cells: list[Cell] = [Cell("") for _ in range(_int_prop(trpr, "gridBefore", 0))]
        for tc in _cells(row):
            tcpr = tc.find(w("tcPr"))
            span = max(1, _int_prop(tcpr, "gridSpan", 1))
            column = len(cells)
            hmerge = tcpr.find(w("hMerge")) if tcpr is not None else None
            if hmerge is not None and wval(hmerge) in (None, "continue") and cells:
                # legacy horizontal merge: this cell continues the one on its left
                cells.extend(Cell(cells[-1].text, merged=True) for _ in range(span))
                continue
            vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
            if vmerge is not None and wval(vmerge) in (None, "continue"):
                text = open_merges.get(column, "")
                cells.extend(Cell(text, merged=True) for _ in range(span))
                continue
            text = read_cell(tc)
            if vmerge is not None:  # restart
                for offset in range(span):
                    open_merges[column + offset] = text
            else:
                for offset in range(span):
                    open_merges.pop(column + offset, None)
            cells.append(Cell(text))
            cells.extend(Cell(text, merged=True) for _ in range(span - 1))
        cells.extend(Cell("") for _ in range(_int_prop(trpr, "gridAfter", 0)))
        grid.append(cells)
    width = max((len(r) for r in grid), default=0)
    rows = tuple(tuple(r + [Cell("")] * (width - len(r))) for r in grid)
    return Table(rows, header_rows=header_rows if header_rows else 1)


def is_single_cell(table: etree._Element) -> bool:
    """A one-row, one-cell table: a frame drawn around text, not data."""
    rows = list(_rows(table))
    return len(rows) == 1 and len(list(_cells(rows[0]))) == 1


def single_cell(table: etree._Element) -> etree._Element:
    return next(_cells(next(_rows(table))))
