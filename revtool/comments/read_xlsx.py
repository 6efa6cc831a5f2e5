"""Excel workbooks → ``Grid``s: visible sheets only, merged cells filled,
formulas as their values, the sheets chosen by their header row.

The workbook is read once, in openpyxl's streaming (read-only) mode, row by
row: a sheet with a million rows costs no more memory than the rows kept, and
more than ``MAX_ROWS`` rows is refused with a clear message. A formula without
a value saved by Excel (a file written by a program) is evaluated when it is a
cell reference, a string or a ``&`` of them; otherwise its cell is left empty
and the row carries a note naming the cell (never dropped silently).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from revtool.comments.table import Grid, header_mapping
from revtool.errors import CommentTableError

MAX_ROWS = 100_000  # a comment table is hundreds of rows; more is not one
MAX_CELLS = 5_000_000  # rows × columns kept in memory (a few hundred MB at most)
MAX_EMPTY_RUN = 500  # rows formatted down to row 1048576 are not data
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)"')


@dataclass
class _Sheet:
    title: str
    state: str
    rows: list[list[str]] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) 0-based, no saved value
    merged: list[str] = field(default_factory=list)


def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CommentTableError(f"{name}: Excel ファイルを読めません（{exc}）。") from exc
    try:
        sheets = {ws.title: _read_sheet(wb, ws, name) for ws in wb.worksheets if hasattr(ws, "_worksheet_path")}
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CommentTableError(f"{name}: Excel ファイルを読めません（{exc}）。") from exc
    finally:
        wb.close()
    grids = [_grid(sheet, sheets) for sheet in sheets.values() if sheet.state == "visible"]
    # the sheets are chosen by their header row: a summary sheet (分類 | 件数) yields no rows;
    # every sheet with a comment table is read (パブリックコメント, 団体ヒアリング …), in
    # workbook order, except a copy of an earlier one (公表用 beside 原本)
    with_header = [g for g in grids if any(header_mapping(r) for r in g.rows[:50])]
    kept: list[Grid] = []
    for g in with_header:
        if not any(g.rows == k.rows for k in kept):
            kept.append(g)
    return kept or grids


def _read_sheet(wb: Any, ws: Any, name: str) -> _Sheet:
    """One sheet streamed row by row: cached values, and the formula of each
    cell that has no cached value."""
    from openpyxl.worksheet._reader import WorkSheetParser

    sheet = _Sheet(ws.title, ws.sheet_state)
    formulas = sheet.formulas

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if element.find(_FORMULA_TAG) is not None:
                formula = self.parse_formula(element)  # also registers shared formulas
                if cell["value"] is None:
                    text = formula if isinstance(formula, str) else getattr(formula, "text", None) or ""
                    formulas[(cell["row"] - 1, cell["column"] - 1)] = str(text)
            return cell

    last_data_row = width = 0
    complete = True
    with wb._archive.open(ws._worksheet_path) as src:
        parser = _Parser(src, wb.shared_strings, data_only=True, epoch=wb.epoch,
                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for row_number, cells in parser.parse():
            values = {c["column"]: _cell_text(c["value"]) for c in cells}
            has_data = any(values.values()) or any((row_number - 1, col - 1) in formulas for col in values)
            if not has_data:
                if row_number - last_data_row >= MAX_EMPTY_RUN:
                    complete = False
                    break
                continue
            if row_number - last_data_row > MAX_EMPTY_RUN and last_data_row:
                complete = False
                break
            if row_number > MAX_ROWS:
                raise CommentTableError(
                    f"{name}: シート「{ws.title}」の行が多すぎます（{MAX_ROWS:,} 行を超えています）。意見の表とは考えられません。",
                    hint="意見の表の行だけを残したファイル（または CSV）にして取り込んでください。",
                )
            width = max(width, max(values, default=0))
            if row_number * width > MAX_CELLS:
                raise CommentTableError(
                    f"{name}: シート「{ws.title}」のセルが多すぎます（{row_number:,} 行 × {width:,} 列）。意見の表とは考えられません。",
                    hint="意見の表の行と列だけを残したファイル（または CSV）にして取り込んでください。",
                )
            while len(sheet.rows) < row_number - 1:
                sheet.rows.append([])
            sheet.rows.append([values.get(c, "") for c in range(1, max(values, default=0) + 1)])
            last_data_row = row_number
        if complete:
            merged = getattr(parser, "merged_cells", None)
            sheet.merged = [str(m.ref) for m in getattr(merged, "mergeCell", [])]
    if not complete:  # the merges follow the rows in the file: find them without parsing the rest
        sheet.merged = _scan_merges(wb._archive, ws._worksheet_path)
    return sheet


_FORMULA_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f"


def _scan_merges(archive: zipfile.ZipFile, member: str) -> list[str]:
    found: list[str] = []
    tail = b""
    with archive.open(member) as src:
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            found.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(buf))
            tail = buf[-200:]
    return list(dict.fromkeys(found))


def _grid(sheet: _Sheet, sheets: dict[str, _Sheet]) -> Grid:
    width = max((len(r) for r in sheet.rows), default=0)
    cells: list[list[str | None]] = [[*r, *([""] * (width - len(r)))] for r in sheet.rows]
    notes: dict[int, str] = {}
    for (r, c), formula in sorted(sheet.formulas.items()):
        if r >= len(cells) or c >= width:
            continue
        value = evaluate_formula(formula, _lookup(sheet, sheets))
        if value is None:
            where = f"{sheet.title}!{_column_letters(c + 1)}{r + 1}"
            notes[r] = (notes.get(r, "") + f"セル {where} の数式（{formula[:60]}）に保存された値がないため読めませんでした。"
                        "Excel で開いて保存し直してください。")
            value = ""
        cells[r][c] = value
    n_rows = len(cells)
    for ref in sheet.merged:
        (min_col, min_row), (max_col, max_row) = _range(ref)
        if min_row - 1 >= n_rows or min_col - 1 >= width:
            continue
        origin = cells[min_row - 1][min_col - 1]
        for r in range(min_row, min(max_row, n_rows) + 1):
            for c in range(min_col, min(max_col, width) + 1):
                # a column merged across (a header spanning two columns) keeps
                # its text in the first column only
                cells[r - 1][c - 1] = origin if c == min_col else ""
    return Grid(tuple(tuple(r) for r in cells), name=sheet.title, row_notes=tuple(sorted(notes.items())))


def _lookup(sheet: _Sheet, sheets: dict[str, _Sheet]) -> Callable[[str | None, str, int, int], str | None]:
    def value(sheet_name: str | None, column: str, row: int, depth: int) -> str | None:
        target = sheets.get(sheet_name, sheet) if sheet_name else sheet
        r, c = row - 1, _column_index(column) - 1
        if (r, c) in target.formulas:
            return evaluate_formula(target.formulas[(r, c)], _lookup(target, sheets), depth + 1)
        if r < len(target.rows) and c < len(target.rows[r]):
            return target.rows[r][c]
        return ""

    return value


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _range(ref: str) -> tuple[tuple[int, int], tuple[int, int]]:
    first, _, last = ref.partition(":")
    a, b = _cell_ref(first), _cell_ref(last or first)
    return a, b


def _cell_ref(ref: str) -> tuple[int, int]:
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    if not m:
        raise ValueError(ref)
    return _column_index(m.group(1)), int(m.group(2))


_REF = re.compile(r"^(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)$")
_STR = re.compile(r'^"((?:[^"]|"")*)"$')


def evaluate_formula(
    formula: str, lookup: Callable[[str | None, str, int, int], str | None], depth: int = 0
) -> str | None:
    """Value of a formula whose cached value is missing (a file written by a
    program, never opened in Excel), or None when it is more than what comment
    tables use: a cell reference (``=B3``, ``=Sheet1!B3``), string literals and
    ``&``. ``lookup(sheet or None, column letters, row, depth)`` gives a cell's text."""
    if depth > 20:
        return None
    expr = formula[1:].strip() if formula.startswith("=") else formula.strip()
    out: list[str] = []
    for part in _split_concat(expr):
        part = part.strip()
        m = _STR.match(part)
        if m:
            out.append(m.group(1).replace('""', '"'))
            continue
        m = _REF.match(part)
        if m:
            value = lookup(m.group(1), m.group(2), int(m.group(3)), depth)
            if value is None:
                return None
            out.append(value)
            continue
        return None  # something we do not evaluate
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
