"""The change table as DOCX, like the official 別紙2: title, a three-column table
(項目 | 案のページ | 主な変更点 ※文言整理等の一部修正は除く) with widths about 3:1:6,
the header row repeated on every page, a Japanese font."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from revtool.changelog import Changelog
from revtool.render.changelog_common import HEADER, TITLE, ChangelogMeta, bulleted, table_rows

EAST_ASIA_FONT = "ＭＳ 明朝"
LATIN_FONT = "Century"
RATIOS = (3, 1.1, 5.9)  # about 3:1:6; 案のページ just wide enough for 「P. 12、」
FIXED_TIME = datetime(2000, 1, 1)


def _fonts(style_or_run: object, size: float | None = None) -> None:
    font = style_or_run.font  # type: ignore[attr-defined]
    font.name = LATIN_FONT
    if size:
        font.size = Pt(size)
    rpr = style_or_run.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    tr_pr.append(cant)


def _shade(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _write(cell: object, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""  # type: ignore[attr-defined]
    lines = text.split("\n") or [""]
    para = cell.paragraphs[0]  # type: ignore[attr-defined]
    for i, line in enumerate(lines):
        if i:
            para = cell.add_paragraph()  # type: ignore[attr-defined]
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.bold = bold
        _fonts(run)


def changelog_docx(log: Changelog, meta: ChangelogMeta) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    _fonts(doc.styles["Normal"], 10)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.bold = True
    _fonts(run, 14)
    rows = table_rows(log.rows) or [("（変更なし）", "", "")]
    table = doc.add_table(rows=1 + len(rows), cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = Mm(170)
    widths = [int(total * r / sum(RATIOS)) for r in RATIOS]
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 635)))  # EMU → twips
    for i, column in enumerate(table.columns):
        column.width = widths[i]
    header = table.rows[0]
    _repeat_header(header)
    for i, text in enumerate(HEADER):
        cell = header.cells[i]
        _write(cell, text, bold=True, center=True)
        _shade(cell, "D9D9D9")
    for r, values in enumerate(rows, start=1):
        for i, text in enumerate(values):
            if i == 1:  # one page per line in the narrow column: 「P. 12、」「P. 13」
                text = text.replace("、", "、\n")
            if i == 2:
                text = bulleted(text)
            _write(table.rows[r].cells[i], text, center=(i == 1))
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
    props = doc.core_properties
    props.title = f"{TITLE}（{meta.old.version}→{meta.new.version}）"
    props.author = "revtool"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "revtool"
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
