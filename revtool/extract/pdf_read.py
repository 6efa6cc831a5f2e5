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
import struct
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as R

from revtool.extract.docx_numbering import display_symbol


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


SYMBOL_PUA = (0xF021, 0xF0FF)
"""Where a symbol font (Wingdings, Symbol) puts its glyphs when the PDF has no
Unicode for them: list bullets (Word's ● and ■ bullets are Wingdings \uf06c,
\uf06e). Read as the bullet they draw, the same table as the DOCX reader's
(``display_symbol``), so a list item stays an item and both formats agree."""


def is_bad_codepoint(cp: int) -> bool:
    """A code point that means the glyph could not be mapped to text."""
    if cp in (0xFFFD, 0xFFFE, 0xFFFF):
        return True
    if cp < 0x20 and cp not in (0x09, 0x0A, 0x0D):
        return True
    if 0x7F <= cp < 0xA0:
        return True
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def read_page(pdf: pdfium.PdfDocument, index: int, glyphs: bool = True) -> RawPage:
    """Read page ``index`` (0-based) and close it again. ``glyphs=False``: leave
    the text out (a page whose text is read through pdfminer)."""
    page = pdf[index]
    try:
        # pdfium reports glyphs and objects in unrotated user space: measure the
        # page there too (a /Rotate 90 page is still read in its own axes)
        left, bottom, right, top = page.get_cropbox()
        width, height = right - left, top - bottom
        found: list[Glyph] = []
        bad = 0
        texts: set[int] = set()  # the page's text objects met by the glyphs
        if glyphs:
            textpage = page.get_textpage()
            try:
                found, bad = _read_glyphs(textpage.raw, left, top, texts)
            finally:
                textpage.close()
        edges, boxes, image_cover = _read_objects(page.raw, left, top, width, height, texts)
    finally:
        page.close()
    label = ""
    try:
        label = pdf.get_page_label(index)
    except Exception:  # a broken /PageLabels tree is not worth failing for
        label = ""
    return RawPage(index, width, height, tuple(found), tuple(edges), image_cover, bad, label, tuple(boxes))


class _Fast:
    """pdfium functions called once per glyph, as ctypes function pointers
    without ``argtypes``: pypdfium2's bindings convert every argument through
    ``from_param`` and return pointers as objects that need a ``cast``; here
    the page handle is passed as one ``c_void_p`` made per page, indexes as
    plain ints, and pointers come back as ints (about half the time a call,
    issue 15). The same library, the same functions.

    The pointers are ``PYFUNCTYPE`` prototypes: the call keeps the GIL
    instead of releasing and taking it back around each call (~20 % of a
    call's cost; a page makes ~6,500 of them). These functions return at
    once and call no Python; pdfium is not thread-safe anyway, so no other
    thread may call it meanwhile."""

    def __init__(self) -> None:
        def fn(f: Any, restype: Any) -> Any:
            return ctypes.PYFUNCTYPE(restype)(ctypes.cast(f, ctypes.c_void_p).value or 0)

        self.unicode = fn(R.FPDFText_GetUnicode, ctypes.c_uint)
        self.is_generated = fn(R.FPDFText_IsGenerated, ctypes.c_int)
        self.map_error = fn(R.FPDFText_HasUnicodeMapError, ctypes.c_int)
        self.loose_box = fn(R.FPDFText_GetLooseCharBox, ctypes.c_int)
        self.text_object = fn(R.FPDFText_GetTextObject, ctypes.c_void_p)
        self.font_size = fn(R.FPDFText_GetFontSize, ctypes.c_double)
        self.matrix = fn(R.FPDFText_GetMatrix, ctypes.c_int)
        self.object_font = fn(R.FPDFTextObj_GetFont, ctypes.c_void_p)
        self.render_mode = fn(R.FPDFTextObj_GetTextRenderMode, ctypes.c_int)
        # page objects: the handle as an int, to look up and to pass on in a reused c_void_p
        self.object_address = fn(R.FPDFPage_GetObject, ctypes.c_size_t)
        self.object_type = fn(R.FPDFPageObj_GetType, ctypes.c_int)


_FAST: _Fast | None = None


def _fast() -> _Fast:
    global _FAST
    if _FAST is None:
        _FAST = _Fast()
    return _FAST


_BOX = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_MATRIX = struct.Struct("4f")  # the first four of FS_MATRIX: a, b, c, d


def _page_codes(tp: Any, count: int) -> list[int] | None:
    """The Unicode of every character of the text page from one call
    (``FPDFText_GetText``) instead of one ``FPDFText_GetUnicode`` a character,
    or ``None`` when that text is not one UTF-16 unit a character.

    pdfium's page text holds one unit for each character of its list, in the
    same order, except that it leaves control characters out and writes a
    character beyond the BMP as nothing or as a surrogate pair: the length
    then differs or a surrogate shows, and the caller asks per character.
    A character whose unit is U+FFFE or NUL (pdfium's stand-in for a
    hyphen that ends a line, or for an empty mapping) is asked again too."""
    if count <= 0:
        return None
    buf = (ctypes.c_ushort * (2 * count + 2))()  # room for every character as a surrogate pair
    if R.FPDFText_GetText(tp, 0, count, buf) != count + 1:  # the text and its NUL
        return None
    data = ctypes.string_at(buf, 2 * count)
    try:
        if len(data.decode("utf-16-le")) != count:  # a surrogate pair
            return None
    except UnicodeDecodeError:  # a lone surrogate
        return None
    return memoryview(data).cast("H").tolist()


def _read_glyphs(tp: Any, left: float, top: float, objects: set[int] | None = None) -> tuple[list[Glyph], int]:
    """The page's glyphs, in pdfium's order, without the characters pdfium
    generates (spaces between objects, line breaks) and without unmapped ones
    (counted in the second value).

    The Unicode of all characters comes from one call (``_page_codes``);
    then two or three calls a glyph: map error, loose box, text object.  A
    character that needs a rule (a space, a control or private-use code, a
    line break) takes the careful path: ``FPDFText_IsGenerated`` is asked
    only of a space, as pdfium generates nothing but spaces and line breaks,
    and a line break is dropped either way. What belongs to the text object
    (effective size, weight) is asked once per object (the glyphs of an
    object come one after another: the last object's answer is checked
    first), and the font's name and flags once per font. ``objects`` gets
    the address of every text object a glyph was read from."""
    f = _fast()
    page = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
    count = R.FPDFText_CountChars(tp)
    rect = R.FS_RECTF()
    box = ctypes.byref(rect)
    matrix = R.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    bold_cache: dict[bytes, bool] = {}
    per_font: dict[int, bool] = {}  # font -> bold by name or flags (fonts stay put while the page is open)
    per_object: dict[int, tuple[float, bool]] = {}  # text object -> (effective size, bold)
    rounded_sizes: dict[float, float] = {}  # size -> round(size, 2) (a page has few sizes; round is slow)
    glyphs: list[Glyph] = []
    append = glyphs.append
    new = tuple.__new__
    bad = 0
    get_unicode, map_error, is_generated = f.unicode, f.map_error, f.is_generated
    char_box, text_object = f.loose_box, f.text_object
    font_size, char_matrix, object_font, render_mode = f.font_size, f.matrix, f.object_font, f.render_mode
    fill_stroke = R.FPDF_TEXTRENDERMODE_FILL_STROKE
    obj_ref = ctypes.c_void_p()  # the text object asked about, one handle reused (making one costs more than a call)
    unpack_box, unpack_matrix = _BOX.unpack_from, _MATRIX.unpack_from
    pua_lo, pua_hi = SYMBOL_PUA
    codes = _page_codes(tp, count)
    if codes is None:
        codes = [get_unicode(page, k) for k in range(count)]
    last_addr = 0  # the text object of the last glyph read (0: none yet)
    size, bold = 0.0, False
    for k, cp in enumerate(codes):
        if 0xA0 <= cp < 0xE000 or 0x20 < cp < 0x7F:  # printable, no rule applies (not a space); CJK first
            if map_error(page, k) == 1:
                bad += 1
                continue
        else:
            if cp == 0xFFFE or cp == 0:
                cp = get_unicode(page, k)
            if cp == 0x20 and is_generated(page, k) == 1:
                continue
            if pua_lo <= cp <= pua_hi:
                cp = ord(display_symbol(chr(cp)))
            elif cp == 0x02:
                cp = 0x2D  # pdfium's mark for a drawn hyphen that ends a line (``e-`` / ``methane``): a hyphen
            if map_error(page, k) == 1 or is_bad_codepoint(cp):
                bad += 1
                continue
            if cp == 0x0A or cp == 0x0D:
                continue
        char_box(page, k, box)
        addr = text_object(page, k) or 0
        if addr != last_addr or not addr:
            known = per_object.get(addr) if addr else None
            if known is None:
                # the object's effective font size (points, scaled by the text matrix) and weight
                size = font_size(page, k)
                if char_matrix(page, k, matrix_ref):
                    a, b, c, d = unpack_matrix(matrix)
                    scale = abs(a * d - b * c) ** 0.5
                    if scale > 0:
                        size *= scale
                obj_ref.value = addr
                font = (object_font(obj_ref) or 0) if addr else 0
                is_bold = per_font.get(font) if font else None
                if is_bold is None:
                    is_bold = _font_bold(tp, k, buf, flags, bold_cache)
                    if font:
                        per_font[font] = is_bold
                if not is_bold and addr:  # Word's synthetic bold: the outline stroked as well as filled
                    is_bold = render_mode(obj_ref) == fill_stroke
                rounded = rounded_sizes.get(size) if size else None  # (0.0 and -0.0 are one key: not cached)
                if rounded is None:
                    rounded = rounded_sizes[size] = round(size, 2)
                known = (rounded, is_bold)
                if addr:
                    per_object[addr] = known
            size, bold = known
            last_addr = addr
        x0, y0, x1, y1 = unpack_box(rect)  # left, top, right, bottom (bottom-up)
        append(new(Glyph, (chr(cp), x0 - left, x1 - left, top - y0, top - y1, size, bold)))
    if objects is not None:
        objects.update(per_object)
    return glyphs, bad


def _font_bold(tp: object, k: int, buf: ctypes.Array[ctypes.c_char], flags: ctypes.c_int,
               bold_cache: dict[bytes, bool]) -> bool:
    """Whether the font of glyph ``k`` is bold by its name or descriptor flags."""
    R.FPDFText_GetFontInfo(tp, k, buf, len(buf), flags)
    key = buf.value + flags.value.to_bytes(4, "little", signed=True)
    bold = bold_cache.get(key)
    if bold is None:
        bold = is_bold_font(buf.value.decode("latin-1"), flags.value)
        bold_cache[key] = bold
    return bold


_MIN_EDGE = 3.0  # shorter ruling is decoration, not a table border (pdfplumber's edge_min_length)
_THIN = 3.0  # a rectangle thinner than this is a line


def _read_objects(
    page: Any, origin_x: float, origin_top: float, width: float, height: float, texts: frozenset[int] | set[int] = frozenset(),
) -> tuple[list[Edge], list[tuple[float, float, float, float]], float]:
    """Ruling edges and rectangles from path objects, and the share of the page
    under images. ``texts``: addresses of objects known to be text objects
    (``_read_glyphs`` met them), passed over without asking their type."""
    edges: list[Edge] = []
    boxes: list[tuple[float, float, float, float]] = []
    image_area = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    f = _fast()
    handle = ctypes.c_void_p(ctypes.cast(page, ctypes.c_void_p).value)
    object_address, object_type = f.object_address, f.object_type
    obj_ref = ctypes.c_void_p()
    path_kind, image_kind = R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE
    for i in range(R.FPDFPage_CountObjects(page)):
        address = object_address(handle, i)  # most objects are text objects, known from the glyphs
        if address in texts:
            continue
        obj_ref.value = address
        kind = object_type(obj_ref)
        if kind != path_kind and kind != image_kind:
            continue
        obj = R.FPDFPage_GetObject(page, i)
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
