"""What every DOCX revtool writes shares: a Japanese font (w:eastAsia) beside the
Latin one, the page, a centred bold title, a header row repeated on every page,
grey header cells, fixed column widths, and fixed document properties so that
the same input gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

EAST_ASIA_FONT = "ＭＳ 明朝"
LATIN_FONT = "Century"
FIXED_TIME = datetime(2000, 1, 1)
HEADER_FILL = "D9D9D9"
TITLE_PT = 14


def set_fonts(obj: object, size: float | None = None) -> None:
    """Latin and East Asian font (w:eastAsia) on a style or a run."""
    font = obj.font  # type: ignore[attr-defined]
    font.name = LATIN_FONT
    if size:
        font.size = Pt(size)
    rpr = obj.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def set_page(section: object, width: int, height: int, margin: int, *, landscape: bool = False) -> None:
    """Page size and equal margins on all four sides."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE  # type: ignore[attr-defined]
    section.page_width, section.page_height = width, height  # type: ignore[attr-defined]
    section.left_margin = section.right_margin = margin  # type: ignore[attr-defined]
    section.top_margin = section.bottom_margin = margin  # type: ignore[attr-defined]


def add_title(doc: object, text: str) -> None:
    """A centred bold title paragraph."""
    title = doc.add_paragraph()  # type: ignore[attr-defined]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(text)
    run.bold = True
    set_fonts(run, TITLE_PT)


def row_flag(row: object, name: str) -> None:
    """Switch on a table-row property such as ``w:cantSplit``."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement(name)
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def repeat_header(row: object) -> None:
    """The row repeats at the top of every page and is never split."""
    row_flag(row, "w:tblHeader")
    row_flag(row, "w:cantSplit")


def shade(cell: object, fill: str = HEADER_FILL) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def set_widths(table: object, widths: list[int]) -> None:
    """Fixed column widths (EMU) on the grid, the columns and every cell."""
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 635)))  # EMU → twips
    for i, column in enumerate(table.columns):  # type: ignore[attr-defined]
        column.width = widths[i]
    for row in table.rows:  # type: ignore[attr-defined]
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]


def finish(doc: object, title: str) -> bytes:
    """Fixed document properties (no clock), then the file's bytes."""
    props = doc.core_properties  # type: ignore[attr-defined]
    props.title = title
    props.author = "revtool"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "revtool"
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)  # type: ignore[attr-defined]
    return with_fixed_zip_times(buf.getvalue())


def with_fixed_zip_times(data: bytes) -> bytes:
    """The same package with every member dated 1980-01-01: python-docx stamps
    members with the clock, so two saves a second apart differed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
