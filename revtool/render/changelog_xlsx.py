"""The change table as XLSX, ready to print: the 「別紙2」 mark, the title and the
plan name above a styled header, wrapped text, fitted column widths, A4 with
the header row printed on every page. Separate 「確認用」 sheets (reasons,
links, what to check) for staff; every sheet name and label in Japanese."""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from revtool.changes.table import Changelog
from revtool.atomic_write import collect_quietly, scratch_write_error
from revtool.render.changelog_common import (
    HEADER, MARK, TITLE, ChangelogMeta, bulleted, cause_label, plan_heading, table_rows, warning_kind,
)
from revtool.render.safe_cell import set_xlsx_text
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


def _sheet(
    ws: Worksheet, header: tuple[str, ...], rows: "Sequence[tuple[str, ...]]", caps: tuple[int, ...], top: int = 0,
    landscape: bool = True,
) -> None:
    """The table from row ``top + 1`` (rows above it: a heading already written)."""
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    first = top + 1
    for r_idx, values in enumerate([header, *rows], start=first):
        for c_idx, value in enumerate(values, start=1):
            set_xlsx_text(ws.cell(row=r_idx, column=c_idx), value)  # text, never a formula
    widths = [_fit([header[i]] + [r[i] for r in rows], caps[i]) for i in range(len(header))]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    for cell in ws[first]:
        cell.font = Font(name=FONT, bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="44546A")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for r_idx, row in enumerate(rows, start=first + 1):
        lines = 1
        for c_idx, value in enumerate(row):
            cell = ws.cell(row=r_idx, column=c_idx + 1)
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
            text_lines = sum(max(1, math.ceil(display_width(part) / max(widths[c_idx] - 1, 1))) for part in (value or "").split("\n"))
            lines = max(lines, text_lines)
        ws.row_dimensions[r_idx].height = 15 * lines + 4
    ws.freeze_panes = f"A{first + 1}"
    ws.print_title_rows = f"{first}:{first}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


HEADING_ROWS = 3  # 別紙2 / title / plan name, then the table


def _heading(ws: Worksheet, meta: ChangelogMeta) -> None:
    """「別紙2」 at the top right, the title and the plan name centred over the table."""
    set_xlsx_text(ws["C1"], MARK)
    ws["C1"].alignment = Alignment(horizontal="right")
    ws["C1"].font = Font(name=FONT)
    set_xlsx_text(ws["A2"], TITLE)
    ws["A2"].font = Font(name=FONT, bold=True, size=14)
    set_xlsx_text(ws["A3"], plan_heading(meta))
    ws["A3"].font = Font(name=FONT)
    for row in (2, 3):
        ws.merge_cells(f"A{row}:C{row}")
        ws[f"A{row}"].alignment = Alignment(horizontal="center")


def changelog_xlsx(log: Changelog, meta: ChangelogMeta) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = MARK
    _heading(ws, meta)
    _sheet(ws, HEADER, [(a, b, bulleted(c)) for a, b, c in table_rows(log.rows)], (40, 14, MAX_WIDTH), top=HEADING_ROWS,
           landscape=False)
    ws.oddFooter.center.text = "&P / &N"
    detail = wb.create_sheet("確認用_理由と意見")
    rows: list[tuple[str, ...]] = []
    for r in log.rows:
        rows.append((r.id, r.item, cause_label(r), f"{r.cause.confidence:.2f}", r.cause.evidence))
    _sheet(detail, ("ID", "項目", "理由", "確信度", "根拠"), rows, (6, 40, 20, 8, MAX_WIDTH))
    if log.warnings:
        warn = wb.create_sheet("確認用_確認事項")
        _sheet(warn, ("種類", "内容"), [(warning_kind(w.code), w.message) for w in log.warnings], (26, MAX_WIDTH))
    wb.properties.title = f"{TITLE}（{meta.old.version}→{meta.new.version}）"
    wb.properties.creator = "revtool"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    error = None
    try:
        wb.save(buf)  # openpyxl writes each sheet to a temporary file first
    except (OSError, etree.SerialisationError) as exc:
        error = scratch_write_error("XLSX", exc)
    if error is not None:
        collect_quietly()  # openpyxl's half-closed sheet writers would complain at exit
        raise error
    return buf.getvalue()


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as an Excel workbook."""
    return changelog_xlsx(result.changelog, result.meta)
