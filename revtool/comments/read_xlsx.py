"""Excel workbooks → ``Grid``s: visible sheets only, merged cells filled,
formulas as their values, the sheet chosen by its header row."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from revtool.comments.table import Grid, header_mapping
from revtool.errors import CommentTableError

def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    try:
        values_wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas_wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CommentTableError(f"{name}: Excel ファイルを読めません（{exc}）。") from exc
    grids: list[Grid] = []
    for ws in values_wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        fws = formulas_wb[ws.title]
        grids.append(_sheet_grid(ws, fws, formulas_wb))
    # the sheet is chosen by its header row: sheets without one yield no rows.
    with_header = [g for g in grids if any(header_mapping(r) for r in g.rows[:50])]
    return with_header[:1] if with_header else grids


MAX_EMPTY_RUN = 500  # rows formatted down to row 1048576 are not data


def _sheet_grid(ws, fws, formulas_wb) -> Grid:  # type: ignore[no-untyped-def]
    cells: list[list[str | None]] = []
    empty_run = 0
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)):
        values: list[str | None] = []
        for c, cell in enumerate(row):
            value = cell.value
            if value is None:
                formula = fws.cell(row=r + 1, column=c + 1).value
                if isinstance(formula, str) and formula.startswith("="):
                    value = evaluate_formula(formula, fws, formulas_wb)
            values.append(_cell_text(value))
        cells.append(values)
        empty_run = 0 if any(v for v in values) else empty_run + 1
        if empty_run >= MAX_EMPTY_RUN:
            break
    n_rows, n_cols = len(cells), ws.max_column
    for rng in ws.merged_cells.ranges:
        if rng.min_row - 1 >= n_rows:
            continue
        origin = cells[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row, min(rng.max_row, n_rows) + 1):
            for c in range(rng.min_col, min(rng.max_col, n_cols) + 1):
                # a column merged across (a header spanning two columns) keeps
                # its text in the first column only
                cells[r - 1][c - 1] = origin if c == rng.min_col else ""
    return Grid(tuple(tuple(r) for r in cells), name=ws.title)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_REF = re.compile(r"^(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)$")
_STR = re.compile(r'^"((?:[^"]|"")*)"$')


def evaluate_formula(formula: str, ws, wb, depth: int = 0) -> str:  # type: ignore[no-untyped-def]
    """Value of a formula whose cached value is missing (a file written by a
    program, never opened in Excel). Handles what comment tables use: a cell
    reference (``=B3``, ``=Sheet1!B3``), string literals and ``&``."""
    if depth > 20:
        return ""
    expr = formula[1:].strip() if formula.startswith("=") else formula.strip()
    parts = _split_concat(expr)
    out: list[str] = []
    for part in parts:
        part = part.strip()
        m = _STR.match(part)
        if m:
            out.append(m.group(1).replace('""', '"'))
            continue
        m = _REF.match(part)
        if m:
            sheet = wb[m.group(1)] if m.group(1) and m.group(1) in wb.sheetnames else ws
            value = sheet[f"{m.group(2)}{m.group(3)}"].value
            if isinstance(value, str) and value.startswith("="):
                out.append(evaluate_formula(value, sheet, wb, depth + 1))
            else:
                out.append(_cell_text(value))
            continue
        return ""  # something we do not evaluate
    return "".join(out)


def _split_concat(expr: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    in_str = False
    for ch in expr:
        if ch == '"':
            in_str = not in_str
        if ch == "&" and not in_str:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts
