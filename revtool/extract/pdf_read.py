"""Read one PDF page with pypdfium2: glyphs with boxes and font hints, ruling
edges and image coverage.

pdfium parses a page about ten times faster than pdfminer (docs/ARCHITECTURE.md §7), so it
is the engine for everything we read; the table geometry that follows reuses
pdfplumber's pure edge/intersection functions (see ``pdf_tables``).  Spacing is
never taken from pdfium's generated characters: ``pdf_lines`` decides spaces
from the glyph boxes, so `令和 16 年度` cannot happen.

Coordinates are top-down like pdfplumber's: ``top`` grows down the page.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as R


class Glyph(NamedTuple):
    """One character as drawn. ``size`` is the effective font size in points."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


class Edge(NamedTuple):
    """A ruling line (a stroked line or one side of a rectangle), top-down."""

    x0: float
    x1: float
    top: float
    bottom: float
    orientation: str  # "h" | "v"


@dataclass(frozen=True)
class RawPage:
    """What a page holds before any layout analysis."""

    index: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    edges: tuple[Edge, ...]
    image_cover: float  # share of the page area covered by images (0..1)
    bad_chars: int  # glyphs with no Unicode mapping, controls, private use
    label: str  # /PageLabels entry, "" when the document has none
    boxes: tuple[tuple[float, float, float, float], ...] = ()  # filled or stroked rectangles (x0, top, x1, bottom)


_BOLD_WORDS = ("bold", "heavy", "black", "semibold", "demibold", "-w6", "-w7", "-w8", "-w9", "w6-", "w7-", "w8-", "w9-")
_FORCE_BOLD = 1 << 18


def is_bold_font(name: str, flags: int = 0) -> bool:
    """Whether a font name (or its descriptor flags) says bold: ``NotoSansCJKjp-Bold``,
    ``HGGothicE-W7``, ``MS-Gothic,Bold``."""
    low = name.lower()
    return bool(flags & _FORCE_BOLD) or any(w in low for w in _BOLD_WORDS)


def is_bad_codepoint(cp: int) -> bool:
    """A code point that means the glyph could not be mapped to text."""
    if cp in (0xFFFD, 0xFFFE, 0xFFFF):
        return True
    if cp < 0x20 and cp not in (0x09, 0x0A, 0x0D):
        return True
    if 0x7F <= cp < 0xA0:
        return True
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def read_page(pdf: pdfium.PdfDocument, index: int) -> RawPage:
    """Read page ``index`` (0-based) and close it again."""
    page = pdf[index]
    try:
        # pdfium reports glyphs and objects in unrotated user space: measure the
        # page there too (a /Rotate 90 page is still read in its own axes)
        left, bottom, right, top = page.get_cropbox()
        width, height = right - left, top - bottom
        textpage = page.get_textpage()
        try:
            glyphs, bad = _read_glyphs(textpage.raw, left, top)
        finally:
            textpage.close()
        edges, boxes, image_cover = _read_objects(page.raw, left, top, width, height)
    finally:
        page.close()
    label = ""
    try:
        label = pdf.get_page_label(index)
    except Exception:  # a broken /PageLabels tree is not worth failing for
        label = ""
    return RawPage(index, width, height, tuple(glyphs), tuple(edges), image_cover, bad, label, tuple(boxes))


def _read_glyphs(tp: object, left: float, top: float) -> tuple[list[Glyph], int]:
    count = R.FPDFText_CountChars(tp)
    rect = R.FS_RECTF()
    matrix = R.FS_MATRIX()
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    bold_cache: dict[bytes, bool] = {}
    mode_cache: dict[int, bool] = {}
    glyphs: list[Glyph] = []
    bad = 0
    for k in range(count):
        if R.FPDFText_IsGenerated(tp, k) == 1:
            continue
        cp = R.FPDFText_GetUnicode(tp, k)
        if R.FPDFText_HasUnicodeMapError(tp, k) == 1 or is_bad_codepoint(cp):
            bad += 1
            continue
        if cp in (0x0A, 0x0D):
            continue
        R.FPDFText_GetLooseCharBox(tp, k, rect)
        size = R.FPDFText_GetFontSize(tp, k)
        if R.FPDFText_GetMatrix(tp, k, matrix):
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            if scale > 0:
                size *= scale
        R.FPDFText_GetFontInfo(tp, k, buf, len(buf), flags)
        key = buf.value + flags.value.to_bytes(4, "little", signed=True)
        bold = bold_cache.get(key)
        if bold is None:
            bold = is_bold_font(buf.value.decode("latin-1"), flags.value)
            bold_cache[key] = bold
        if not bold:  # Word's synthetic bold: the outline stroked as well as filled
            obj = R.FPDFText_GetTextObject(tp, k)
            addr = ctypes.cast(obj, ctypes.c_void_p).value or 0
            stroked = mode_cache.get(addr)
            if stroked is None:
                stroked = R.FPDFTextObj_GetTextRenderMode(obj) == R.FPDF_TEXTRENDERMODE_FILL_STROKE
                mode_cache[addr] = stroked
            bold = stroked
        glyphs.append(
            Glyph(chr(cp), rect.left - left, rect.right - left, top - rect.top, top - rect.bottom, round(size, 2), bold)
        )
    return glyphs, bad


_MIN_EDGE = 3.0  # shorter ruling is decoration, not a table border (pdfplumber's edge_min_length)
_THIN = 3.0  # a rectangle thinner than this is a line


def _read_objects(
    page: object, origin_x: float, origin_top: float, width: float, height: float
) -> tuple[list[Edge], list[tuple[float, float, float, float]], float]:
    """Ruling edges and rectangles from path objects, and the share of the page under images."""
    edges: list[Edge] = []
    boxes: list[tuple[float, float, float, float]] = []
    image_area = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for i in range(R.FPDFPage_CountObjects(page)):
        obj = R.FPDFPage_GetObject(page, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind not in (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE):
            continue
        if not R.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, x1 = max(0.0, left.value - origin_x), min(width, right.value - origin_x)
        t, b = max(0.0, origin_top - top.value), min(height, origin_top - bottom.value)
        if x1 <= x0 and b <= t:
            continue
        if kind == R.FPDF_PAGEOBJ_IMAGE:
            image_area += max(0.0, x1 - x0) * max(0.0, b - t)
            continue
        if not R.FPDFPath_GetDrawMode(obj, fill, stroke) or (fill.value == 0 and not stroke.value):
            continue
        if R.FPDFPath_CountSegments(obj) > 6:
            continue  # curves, shapes of figures: not a table ruling
        found = box_edges(x0, x1, t, b)
        edges.extend(found)
        if len(found) == 4:
            boxes.append((x0, t, x1, b))
    cover = min(1.0, image_area / (width * height)) if width and height else 0.0
    return edges, boxes, cover


def box_edges(x0: float, x1: float, top: float, bottom: float) -> list[Edge]:
    """The ruling edges a path's bounding box stands for: a thin box is one
    line through its middle, a larger box its four sides."""
    w, h = x1 - x0, bottom - top
    if h < _THIN and w >= _MIN_EDGE:
        y = (top + bottom) / 2
        return [Edge(x0, x1, y, y, "h")]
    if w < _THIN and h >= _MIN_EDGE:
        x = (x0 + x1) / 2
        return [Edge(x, x, top, bottom, "v")]
    if w < _MIN_EDGE or h < _MIN_EDGE:
        return []
    return [
        Edge(x0, x1, top, top, "h"),
        Edge(x0, x1, bottom, bottom, "h"),
        Edge(x0, x0, top, bottom, "v"),
        Edge(x1, x1, top, bottom, "v"),
    ]
