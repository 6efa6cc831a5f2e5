"""Glyphs of a page read through pdfminer: the slower path for pages whose text
pdfium cannot lay out without the machine's fonts (``pdf_glyphs`` decides).

pdfminer maps the codes of a CID font through the PDF's CMaps and its own
Adobe-Japan1 tables and takes widths from the PDF, so what it returns depends
on the file alone.  Coordinates are made the same as ``pdf_read``'s: top-down,
relative to the crop box, in the page's own (unrotated) axes.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword
from pdfminer.utils import Matrix

from revtool.extract.pdf_glyphs import fast_decoder
from revtool.extract.pdf_read import Glyph, is_bad_codepoint, is_bold_font


_Char = tuple[str, str, float, float, float, float, float]  # text, font name, x0, y0, x1, y1, size


def _char_rect(a: float, b: float, c: float, d: float, e: float, f: float,
               bx0: float, by0: float, bx1: float, by1: float) -> tuple[float, float, float, float]:
    """pdfminer's ``apply_matrix_rect((a, b, c, d, e, f), (bx0, by0, bx1, by1))``
    as ``LTChar`` takes it: the same operations in the same order, the box
    ``(x0, y0, x1, y1)`` of the four corners (its ``x1 < x0`` swaps cannot
    happen after a min and a max)."""
    left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
    right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
    right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
    left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
    return (min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2),
            max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2))


class _GlyphDevice(PDFTextDevice):
    """A pdfminer device that keeps each character's text, font name, box and
    size as a tuple, in drawing order: what ``PDFPageAggregator`` with
    ``laparams=None`` gives as ``LTChar`` objects, by the same arithmetic
    (``LTChar.__init__``), without building the layout objects (about half of
    pdfminer's time on a page of text).  Text and width are asked of the font
    once per character code."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.chars: list[_Char] = []
        self._codes: dict[int, tuple[PDFFont, dict[int, tuple[str, float]]]] = {}  # id(font) -> (font, cid -> text, width)
        self._decoders: dict[int, Callable[[bytes], Iterable[int]]] = {}  # id(font) -> its decode (``fast_decoder``)

    def render_string_horizontal(self, seq: Any, matrix: Matrix, pos: Any, font: PDFFont, fontsize: float,
                                 scaling: float, charspace: float, wordspace: float, rise: float, dxscale: float,
                                 ncs: Any, graphicstate: Any) -> Any:
        """``PDFTextDevice.render_string_horizontal`` with ``translate_matrix``
        and ``render_char`` (horizontal case) written out: the same operations
        in the same order, per character."""
        if not all(isinstance(obj, (int, float, bytes)) for obj in seq):  # pdfminer warns and skips those
            return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                                    rise, dxscale, ncs, graphicstate)
        (x, y) = pos
        needcharspace = False
        a, b, c, d, e, f = matrix
        known = self._codes.get(id(font))
        if known is None:
            known = self._codes[id(font)] = (font, {})
        codes = known[1]
        decode = self._decoders.get(id(font))
        if decode is None:
            decode = self._decoders[id(font)] = fast_decoder(font)
        fontname = font.fontname
        descent = font.get_descent() * fontsize
        by0, by1 = descent + rise, descent + rise + fontsize
        chars = self.chars
        rect = _char_rect
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in decode(obj):
                    if needcharspace:
                        x += charspace
                    hit = codes.get(cid)
                    if hit is None:
                        try:
                            text = font.to_unichr(cid)
                        except PDFUnicodeNotDefined:
                            text = f"(cid:{cid})"  # PDFLayoutAnalyzer.handle_undefined_char
                        hit = codes[cid] = (text, font.char_width(cid))
                    adv = hit[1] * fontsize * scaling
                    # translate_matrix(matrix, (x, y)), then apply_matrix_rect of (0, by0, adv, by1)
                    x0, y0, x1, y1 = rect(a, b, c, d, x * a + y * c + e, x * b + y * d + f, 0, by0, adv, by1)
                    chars.append((hit[0], fontname, x0, y0, x1, y1, y1 - y0))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return (x, y)

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: Any, graphicstate: Any) -> float:
        known = self._codes.get(id(font))
        if known is None:
            known = self._codes[id(font)] = (font, {})
        hit = known[1].get(cid)
        if hit is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"  # PDFLayoutAnalyzer.handle_undefined_char
            hit = known[1][cid] = (text, font.char_width(cid))
        text, textwidth = hit
        adv = textwidth * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)  # type: ignore[misc]
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bx0, by0, bx1, by1 = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bx0, by0, bx1, by1 = (0, descent + rise, adv, descent + rise + fontsize)
        x0, y0, x1, y1 = _char_rect(*matrix, bx0, by0, bx1, by1)
        self.chars.append((text, font.fontname, x0, y0, x1, y1, x1 - x0 if vertical else y1 - y0))
        return adv


_TOKEN = re.compile(
    rb"(\s+)"  # 1: blanks (pdfminer: \s between tokens)
    rb"|([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"  # 2: a number
    rb"|/([^#/%\[\]()<>{}\s]*)(?!#)"  # 3: a name without # escapes
    rb"|\(([^()\\]*)\)"  # 4: a literal string without escapes or nested parentheses
    rb"|<([0-9A-Fa-f\s]*)>(?!>)"  # 5: a hex string
    rb"|([A-Za-z][^#/%\[\]()<>{}\s]*)"  # 6: an operator (pdfminer's keyword)
    rb"|(\[)|(\])"  # 7, 8: an array
    rb"|(['\"])"  # 9: the one-character text operators
)
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_BLANK = re.compile(rb"\s")
_UNSUPPORTED_KEYWORDS = (b"BI", b"ID", b"EI")  # inline images: pdfminer's parser handles them


def _hex(body: bytes) -> bytes:
    """pdfminer's value of a hex string (an odd last digit is a byte of its own value)."""
    if not len(body) % 2:
        try:
            return bytes.fromhex(body.decode("ascii"))  # pairs of digits only: the same bytes
        except ValueError:  # blanks inside
            pass
    return _HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), _BLANK.sub(b"", body))


def content_objects(data: bytes) -> list[Any] | None:
    """The objects pdfminer's ``PDFContentParser`` yields for ``data`` (numbers,
    names as ``PSLiteral``, strings as bytes, arrays as lists, operators as
    ``PSKeyword``, ``true``/``false``), read with one regex; ``None`` when the
    stream holds anything outside that common subset (escaped strings,
    dictionaries, comments, inline images, # in names, stray characters):
    pdfminer's parser then reads it."""
    data += b"\n"  # pdfminer ends the last token at the end of the data as if a blank followed
    out: list[Any] = []
    arrays: list[list[Any]] = []
    top = out
    pos, end = 0, len(data)
    match = _TOKEN.match
    while pos < end:
        m = match(data, pos)
        if m is None:
            return None
        pos = m.end()
        kind = m.lastindex
        if kind == 1:
            continue
        if kind == 2:
            tok = m.group(2)
            value: Any = float(tok) if b"." in tok else int(tok)
        elif kind == 3:
            raw = m.group(3)
            try:
                name: str | bytes = str(raw, "utf-8")
            except UnicodeDecodeError:
                name = raw
            value = LIT(name)
        elif kind == 4:
            value = m.group(4)
        elif kind == 5:
            value = _hex(m.group(5))
        elif kind == 6:
            tok = m.group(6)
            if tok in _UNSUPPORTED_KEYWORDS:
                return None
            value = True if tok == b"true" else False if tok == b"false" else KWD(tok)
        elif kind == 7:
            arrays.append(top)
            top = []
            continue
        elif kind == 8:
            if not arrays:
                return None
            value, top = top, arrays.pop()
        else:
            value = KWD(m.group(9))
        top.append(value)
    return out if not arrays else None


class _FastInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter reading content streams with ``content_objects``
    (one regex, about a third of pdfminer's parsing time) and pdfminer's own
    parser where that gives up; the operators run as in ``execute``, in the
    same order with the same operands."""

    def execute(self, streams: Any) -> None:
        valid: list[PDFStream] = []
        try:
            for obj in streams:
                stream = stream_value(obj)
                if stream.objid is None or stream.objid in self.parent_stream_ids:
                    return super().execute(streams)  # warnings and refusals as pdfminer gives them
                valid.append(stream)
            objects = content_objects(b"\n".join(stream.get_data() for stream in valid))
        except Exception:  # a broken stream: as pdfminer handles it
            objects = None
        if objects is None:
            return super().execute(streams)
        self.stream_ids.clear()
        self.stream_ids.update(stream.objid for stream in valid if stream.objid is not None)
        methods: dict[PSKeyword, tuple[Callable[..., Any], int] | None] = {}
        for obj in objects:
            if isinstance(obj, PSKeyword):
                if obj in methods:
                    known = methods[obj]
                else:
                    name = str(obj.name, "utf-8", "ignore")  # keyword_name
                    method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
                    found = getattr(self, method) if hasattr(self, method) else None
                    known = methods[obj] = (found, found.__code__.co_argcount - 1) if found is not None else None
                if known is None:
                    continue  # an operator pdfminer does not know: ignored (not strict)
                func, nargs = known
                if nargs:
                    args = self.pop(nargs)
                    if len(args) == nargs:
                        func(*args)
                else:
                    func()
            else:
                self.push(obj)


def _bad(text: str) -> bool:
    return not text or text.startswith("(cid:") or any(is_bad_codepoint(ord(c)) for c in text)


def miner_pages(path: str, password: str | None, indexes: set[int]) -> dict[int, tuple[list[Glyph], int]]:
    """For each page index in ``indexes``: its glyphs and the number of glyphs
    without a Unicode mapping (left out, as ``pdf_read`` does)."""
    return {i: (glyphs, bad) for i, glyphs, bad in iter_miner_pages(path, password, indexes)}


def iter_miner_pages(path: str, password: str | None, indexes: set[int]) -> Iterator[tuple[int, list[Glyph], int]]:
    """``miner_pages`` one page at a time, in page order (a caller that is done
    with a page lets its glyphs go)."""
    if not indexes:
        return
    last = max(indexes)
    with open(path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh), password=password or "")
        rsrc = PDFResourceManager(caching=True)
        device = _GlyphDevice(rsrc)
        interpreter = _FastInterpreter(rsrc, device)
        bad_text: dict[str, bool] = {}  # per distinct text and font name, not per glyph
        bold_font: dict[str, bool] = {}
        for i, page in enumerate(PDFPage.create_pages(doc)):
            if i > last:
                break
            if i not in indexes:
                continue
            page.rotate = 0  # read in the page's own axes, like pdfium
            mx0, my0 = page.mediabox[0], page.mediabox[1]
            crop = page.cropbox or page.mediabox
            left, top = min(crop[0], crop[2]), max(crop[1], crop[3])
            device.chars = []
            interpreter.process_page(page)
            glyphs: list[Glyph] = []
            append = glyphs.append
            new = tuple.__new__  # Glyph(...) without the named tuple's own __new__: the same tuple
            bad = 0
            for text, fontname, cx0, cy0, cx1, cy1, csize in device.chars:
                unmapped = bad_text.get(text)
                if unmapped is None:
                    unmapped = bad_text[text] = _bad(text)
                if unmapped:
                    bad += 1
                    continue
                if text in ("\n", "\r"):
                    continue
                bold = bold_font.get(fontname)
                if bold is None:
                    bold = bold_font[fontname] = is_bold_font(fontname)
                x0, x1 = cx0 + mx0 - left, cx1 + mx0 - left
                t, b = top - (cy1 + my0), top - (cy0 + my0)
                size = round(csize, 2)
                w = (x1 - x0) / len(text)
                if len(text) == 1:  # the loop below for k = 0, the same values
                    append(new(Glyph, (text, x0 + 0 * w, x0 + 1 * w, t, b, size, bold)))
                    continue
                for k, c in enumerate(text):  # a ligature's letters share its box
                    glyphs.append(Glyph(c, x0 + k * w, x0 + (k + 1) * w, t, b, size, bold))
            device.chars = []
            yield i, glyphs, bad
