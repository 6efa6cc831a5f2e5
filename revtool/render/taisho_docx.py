"""The 新旧対照表 as DOCX: A4 landscape, a title, a two-column table 新 | 旧
(or 旧 | 新) whose header row repeats on every page, one table row per changed
section, changed text underlined (傍線), a Japanese font, page numbers in the
footer."""

from __future__ import annotations

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from revtool.views.taisho_text import (
    FOLD, Item, Para, Run, SectionHeading, Side, TableRow, Taisho, TaishoMeta, column_labels, grouped, is_fold,
    missing_mark, note_text, para_text, title_text,
)
from revtool.render.text import page_range
from revtool.render.docx_common import (
    add_title, finish, repeat_header, row_flag, set_fonts, set_page, set_widths, shade,
)
from revtool.render.options import RenderOptions, TaishoFile

BODY_PT = 9.5
PAGE_W, PAGE_H, MARGIN = Mm(297), Mm(210), Mm(15)
GREY = RGBColor(0x59, 0x59, 0x59)
USABLE = PAGE_W - 2 * MARGIN
INNER_PT = 8.5
INNER_CHAR_MM = 3.1  # width of one full-width character at INNER_PT
INNER_PAD_MM = 4.5  # left and right cell margins of a table inside a cell
INNER_NOWRAP = 5  # cell texts up to this many characters are kept on one line
LINE_CHARS = 42  # characters on one line of a column at BODY_PT
KEEP_TOGETHER = LINE_CHARS * 16  # rows up to about 16 lines are never split across pages


def _spacing(para: object, after: float = 2) -> None:
    fmt = para.paragraph_format  # type: ignore[attr-defined]
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.15


def _add_runs(para: object, runs: Para, bold: bool = False, grey: bool = False, size: float | None = None) -> None:
    for r in runs:
        run = para.add_run(r.text)  # type: ignore[attr-defined]
        if size:
            run.font.size = Pt(size)
        if r.underline:
            run.underline = WD_UNDERLINE.SINGLE
        if bold:
            run.bold = True
        if grey:
            run.font.color.rgb = GREY
        set_fonts(run)


def _size(side: Side | None) -> int:
    """Rough height of a cell in characters (a paragraph costs at least a line)."""
    if side is None:
        return 0
    items = [side.heading] + list(side.body)
    return sum(max(LINE_CHARS, len(para_text(p))) for p in items) + LINE_CHARS * len(side.ancestors)


def _ems(text: str) -> float:
    """Width of a text in full-width characters (half-width ones count about half)."""
    return sum(0.55 if ord(ch) < 0x2E80 or 0xFF61 <= ord(ch) <= 0xFF9F else 1.0 for ch in text)


def _inner_widths(rows: list[Item], total: int) -> list[int]:
    """Column widths of a table inside a cell: a column of short values (No., ○,
    区分) exactly as wide as they need, never broken; the others at least as wide
    as their short words and sharing the rest by the length of their longest text."""
    width = max((len(r.cells) for r in rows if isinstance(r, TableRow)), default=1)
    longest = [1.0] * width
    word = [1.0] * width
    for r in rows:
        if isinstance(r, TableRow):
            for i, c in enumerate(r.cells):
                n = _ems(para_text(c))
                longest[i] = max(longest[i], min(40.0, n))
                if n <= INNER_NOWRAP:
                    word[i] = max(word[i], n)
    floor = [int(Mm(INNER_PAD_MM + INNER_CHAR_MM * n)) for n in word]
    narrow = [longest[i] <= INNER_NOWRAP for i in range(width)]
    spare = max(0, total - sum(floor))
    weights = [0.0 if narrow[i] else longest[i] ** 0.8 for i in range(width)]
    if not any(weights):
        weights = [1.0] * width
    return [f + int(spare * w / sum(weights)) for f, w in zip(floor, weights)]


def _inner_table(cell: object, rows: list[Item], total: int) -> None:
    width = max((len(r.cells) for r in rows if isinstance(r, TableRow)), default=1)
    table = cell.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.autofit = False
    for k, r in enumerate(rows):
        cells = table.rows[k].cells
        if isinstance(r, TableRow):
            for i in range(width):
                para = cells[i].paragraphs[0]
                _spacing(para, after=0)
                if i < len(r.cells):
                    _add_runs(para, r.cells[i], size=INNER_PT)
                if r.header:
                    shade(cells[i], "F2F2F2")
            if r.header:
                row_flag(table.rows[k], "w:cantSplit")
        else:
            merged = cells[0].merge(cells[-1]) if width > 1 else cells[0]
            para = merged.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _spacing(para, after=0)
            _add_runs(para, (Run(FOLD),), size=INNER_PT)
    set_widths(table, _inner_widths(rows, total))


def _fill(cell: object, side: Side | None, width: int, mark: str = "") -> None:
    """A cell: the ancestors' headings (grey), the section's heading (bold), the body
    (paragraphs, and tables as tables)."""
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    if side is None:
        _spacing(first)
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(first, (Run(mark),), grey=True)
        return
    paras: list[tuple[str, Para | list[Item]]] = [("ancestor", (Run(h),)) for h in side.ancestors]
    paras.append(("heading", side.heading))
    for p in grouped(side.body):
        paras.append(("heading", p.heading) if isinstance(p, SectionHeading) else ("body", p))
    used_first = False
    for role, item in paras:
        if isinstance(item, list):
            _inner_table(cell, item, width - Mm(4))
            used_first = True
            continue
        para = first if not used_first else cell.add_paragraph()  # type: ignore[attr-defined]
        used_first = True
        _spacing(para, after=4 if role == "heading" else 2)
        if role == "body" and is_fold(item):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(para, item, bold=(role == "heading"), grey=(role == "ancestor"))
        if role == "heading" and item is side.heading:
            pages = page_range(side.pages, missing="")
            if pages:  # the printed page of this side, as in the HTML
                _add_runs(para, (Run(f"　{pages}"),), grey=True, size=INNER_PT)


def _page_number_footer(section: object) -> None:
    para = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run("- ")
    set_fonts(run, 9)
    begin, instr, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    field = para.add_run()
    set_fonts(field, 9)
    field._r.append(begin)
    field._r.append(instr)
    field._r.append(end)
    run = para.add_run(" -")
    set_fonts(run, 9)


def _running_header(section: object, meta: TaishoMeta) -> None:
    """The plan's name and 新旧対照表 at the top right of every page."""
    para = section.header.paragraphs[0]  # type: ignore[attr-defined]
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = para.add_run(title_text(meta))
    set_fonts(run, 8.5)
    run.font.color.rgb = GREY


def taisho_docx(taisho: Taisho, meta: TaishoMeta, *, new_first: bool = True) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    set_page(section, PAGE_W, PAGE_H, MARGIN, landscape=True)
    section.footer_distance = Mm(7)
    set_fonts(doc.styles["Normal"], BODY_PT)
    _page_number_footer(section)
    section.header_distance = Mm(7)
    _running_header(section, meta)

    add_title(doc, title_text(meta))
    note = doc.add_paragraph()
    note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _spacing(note, after=4)
    run = note.add_run(note_text(meta, taisho))
    set_fonts(run, 8.5)

    labels = column_labels(meta, new_first)
    table = doc.add_table(rows=1 + max(1, len(taisho.rows)), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    repeat_header(header)
    for i, text in enumerate(labels):
        cell = header.cells[i]
        para = cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _spacing(para, after=0)
        run = para.add_run(text)
        run.bold = True
        set_fonts(run)
        shade(cell)
    if not taisho.rows:
        cell = table.rows[1].cells[0].merge(table.rows[1].cells[1])
        run = cell.paragraphs[0].add_run("（変更はありません）")
        set_fonts(run)
    for k, row in enumerate(taisho.rows, start=1):
        sides = (row.new, row.old) if new_first else (row.old, row.new)
        for i, side in enumerate(sides):
            _fill(table.rows[k].cells[i], side, USABLE // 2, missing_mark(row))
        if max(_size(row.new), _size(row.old)) <= KEEP_TOGETHER:
            row_flag(table.rows[k], "w:cantSplit")  # a short row moves to the next page whole
    set_widths(table, [USABLE // 2, USABLE // 2])

    return finish(doc, title_text(meta))


def render_file(result: TaishoFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the 新旧対照表 as a Word document."""
    return taisho_docx(result.taisho, result.meta, new_first=options.new_first)
