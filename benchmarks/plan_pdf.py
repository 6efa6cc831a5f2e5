"""A plain PDF of a generated plan, written directly (no LibreOffice, no font
file): Type0 font ``HeiseiMin-W3`` with the predefined ``UniJIS-UCS2-H``
CMap, text as UTF-16 strings, one ``Td`` per printed line, a ``- n -``
footer. Every PDF reader decodes its text through Adobe-Japan1 without the
font being present (the glyphs are substituted when rendered).

    pages = [[Line(x, y, size, text), ...], ...]
    write_pdf(pages, path)

``write_page_ops`` writes pages of raw content-stream operators (``text_op``
for text; rules and rectangles as the caller draws them), on any page size:
the families' ruled 別紙1 tables use it.

``lay_out`` turns a plan's printed lines into pages and says where each
line landed, so the generator knows the printed page of every change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

PAGE_W, PAGE_H = 595, 842
LEFT = 70
TOP = 780
BOTTOM = 90
BODY_SIZE = 10.5
CHARS_PER_LINE = 40


@dataclass(frozen=True)
class Line:
    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class PrintLine:
    """One line to print: ``key`` says what it belongs to (a block uid and the
    character offset of the line's start, or a heading/table-row key)."""

    text: str
    size: float = BODY_SIZE
    key: tuple = ()
    new_page: bool = False


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[tuple[int, str]]:
    """(offset, line) pieces of at most ``width`` characters."""
    if not text:
        return [(0, "")]
    return [(i, text[i:i + width]) for i in range(0, len(text), width)]


class PrintedBlock(Protocol):
    """A generated plan's block as ``tree_lines`` prints it (scale.PBlock)."""

    @property
    def uid(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def rows(self) -> Sequence[Sequence[str]]: ...


class PrintedSection(Protocol):
    """A generated plan's section as ``tree_lines`` prints it (scale.PSec, families.Node)."""

    @property
    def uid(self) -> int: ...
    @property
    def heading(self) -> str: ...
    @property
    def blocks(self) -> Sequence[PrintedBlock]: ...
    @property
    def children(self) -> Sequence["PrintedSection"]: ...


def tree_lines(tree: Sequence[PrintedSection]) -> list[PrintLine]:
    """A section tree's printed lines: headings by level (a chapter on a new page), table rows cells
    joined by U+3000 and wrapped a little wider than the body, paragraphs wrapped at the body's width."""
    out: list[PrintLine] = []

    def visit(n: PrintedSection, level: int) -> None:
        out.append(PrintLine(n.heading, {1: 16.0, 2: 13.0, 3: 12.0}.get(level, 11.0), ("h", n.uid), new_page=level == 1))
        for b in n.blocks:
            if b.kind == "table":
                for i, row in enumerate(b.rows):
                    for j, (_, piece) in enumerate(wrap("\u3000".join(row), CHARS_PER_LINE + 4)):
                        out.append(PrintLine(piece, 9.5, ("t", b.uid, i) if j == 0 else ("t", b.uid, i, j)))
            else:
                for off, piece in wrap(b.text):
                    out.append(PrintLine(piece, 10.5, ("b", b.uid, off)))
        for c in n.children:
            visit(c, level + 1)

    for n in tree:
        visit(n, 1)
    return out


def lay_out(lines: list[PrintLine], title: str, first_printed: int = 1) -> tuple[list[list[Line]], dict[tuple, int]]:
    """Pages of positioned lines (an unnumbered cover first, then printed pages
    numbered from ``first_printed``) and the printed page of every line key."""
    pages: list[list[Line]] = [[Line(LEFT, 600, 20, title)]]
    where: dict[tuple, int] = {}
    cur: list[Line] = []
    y = TOP
    printed = first_printed

    def finish() -> None:
        nonlocal cur, y, printed
        cur.append(Line(PAGE_W / 2 - 15, 40, 9, f"- {printed} -"))
        pages.append(cur)
        cur, y = [], TOP
        printed += 1

    for ln in lines:
        step = ln.size + 6
        if (ln.new_page and cur) or y - step < BOTTOM:
            finish()
        y -= step
        cur.append(Line(LEFT, y, ln.size, ln.text))
        if ln.key:
            where.setdefault(ln.key, printed)
    if cur:
        finish()
    return pages, where


def text_op(x: float, y: float, size: float, text: str) -> str:
    """The content-stream operators that print ``text`` at (x, y) in the Type0 font ``/F1``."""
    return f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET"


def write_pdf(pages: list[list[Line]], path: Path) -> None:
    """A portrait A4 PDF of positioned lines."""
    write_page_ops([[text_op(ln.x, ln.y, ln.size, ln.text) for ln in lines] for lines in pages], path)


def write_page_ops(pages: list[list[str]], path: Path, width: int = PAGE_W, height: int = PAGE_H) -> None:
    """A PDF of one content stream a page (its operators, one a line: text from ``text_op``, rules, rectangles)
    on ``width`` x ``height`` pages, with the one font ``/F1`` every page's text is set in."""
    objs: list[bytes] = []

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    desc = add(b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] "
               b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) "
              f"/Ordering (Japan1) /Supplement 2 >> /FontDescriptor {desc} 0 R /DW 1000 /W [1 631 500] >>".encode())
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H "
               f"/DescendantFonts [{cid} 0 R] >>".encode())
    pages_id = add(b"")
    kids = []
    for ops in pages:
        data = "\n".join(ops).encode()
        c = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>".encode()))
    objs[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    cat = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {cat} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    Path(path).write_bytes(bytes(out))
