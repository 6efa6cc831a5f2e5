"""The change table as DOCX, like the official 別紙2: title, a three-column table
(項目 | 案のページ | 主な変更点 ※文言整理等の一部修正は除く) with widths about 3:1:6,
the header row repeated on every page, a Japanese font."""

from __future__ import annotations

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from revtool.changes.table import Changelog
from revtool.render.changelog_common import HEADER, MARK, TITLE, ChangelogMeta, bulleted, plan_heading, table_rows
from revtool.render.docx_common import add_title, finish, repeat_header, set_fonts, set_page, set_widths, shade
from revtool.render.options import ChangelogFile, RenderOptions

RATIOS = (3, 1.1, 5.9)  # about 3:1:6; 案のページ just wide enough for 「P. 12、」


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
        set_fonts(run)


def changelog_docx(log: Changelog, meta: ChangelogMeta) -> bytes:
    doc = new_docx()
    set_page(doc.sections[0], Mm(210), Mm(297), Mm(20))
    set_fonts(doc.styles["Normal"], 10)
    mark = doc.sections[0].header.paragraphs[0]  # 「別紙2」 at the top right of every page
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    set_fonts(mark.add_run(MARK))
    add_title(doc, TITLE)
    plan = doc.add_paragraph()
    plan.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(plan.add_run(plan_heading(meta)))
    rows = table_rows(log.rows) or [("（変更なし）", "", "")]
    table = doc.add_table(rows=1 + len(rows), cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = Mm(170)
    widths = [int(total * r / sum(RATIOS)) for r in RATIOS]
    header = table.rows[0]
    repeat_header(header)
    for i, text in enumerate(HEADER):
        cell = header.cells[i]
        _write(cell, text, bold=True, center=True)
        shade(cell)
    for r, values in enumerate(rows, start=1):
        for i, text in enumerate(values):
            if i == 1:  # one page per line in the narrow column: 「P. 12、」「P. 13」
                text = text.replace("、", "、\n")
            if i == 2:
                text = bulleted(text)
            _write(table.rows[r].cells[i], text, center=(i == 1))
    set_widths(table, widths)
    return finish(doc, f"{TITLE}（{meta.old.version}→{meta.new.version}）")


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as a Word document."""
    return changelog_docx(result.changelog, result.meta)
