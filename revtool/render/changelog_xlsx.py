"""The change table as XLSX: styled header, wrapped text, fitted column widths,
header row printed on every page; a second sheet with the reasons and links."""

from __future__ import annotations

import io
import math
import unicodedata
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from revtool.changes.changelog import Changelog
from revtool.render.changelog_common import HEADER, TITLE, ChangelogMeta, bulleted, cause_label, table_rows
from revtool.render.options import ChangelogFile, RenderOptions

FONT = "游ゴシック"
MIN_WIDTH, MAX_WIDTH = 8, 70
FIXED_TIME = datetime(2000, 1, 1)  # no clock in the file: same input, same bytes


def display_width(text: str) -> int:
    """Width in half-width columns (full-width characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _fit(values: list[str], cap: int) -> int:
    widest = max((display_width(line) for v in values for line in (v or "").split("\n")), default=0)
    return max(MIN_WIDTH, min(cap, widest + 2))


def _sheet(ws: Worksheet, header: tuple[str, ...], rows: list[tuple[str, ...]], caps: tuple[int, ...]) -> None:
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    widths = [_fit([header[i]] + [r[i] for r in rows], caps[i]) for i in range(len(header))]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="44546A")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for r_idx, row in enumerate(rows, start=2):
        lines = 1
        for c_idx, value in enumerate(row):
            cell = ws.cell(row=r_idx, column=c_idx + 1)
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
            text_lines = sum(max(1, math.ceil(display_width(part) / max(widths[c_idx] - 1, 1))) for part in (value or "").split("\n"))
            lines = max(lines, text_lines)
        ws.row_dimensions[r_idx].height = 15 * lines + 4
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def changelog_xlsx(log: Changelog, meta: ChangelogMeta) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "別紙2"
    _sheet(ws, HEADER, [(a, b, bulleted(c)) for a, b, c in table_rows(log.rows)], (40, 14, MAX_WIDTH))
    detail = wb.create_sheet("理由と意見")
    rows = []
    for r in log.rows:
        rows.append((r.id, r.item, cause_label(r), f"{r.cause.confidence:.2f}", r.cause.evidence))
    _sheet(detail, ("ID", "項目", "理由", "確信度", "根拠"), rows, (6, 40, 20, 8, MAX_WIDTH))
    if log.warnings:
        warn = wb.create_sheet("確認事項")
        _sheet(warn, ("種類", "内容"), [(w.code, w.message) for w in log.warnings], (26, MAX_WIDTH))
    wb.properties.title = f"{TITLE}（{meta.old.version}→{meta.new.version}）"
    wb.properties.creator = "revtool"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as an Excel workbook."""
    return changelog_xlsx(result.changelog, result.meta)
