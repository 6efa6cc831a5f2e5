"""Glyphs of a page read through pdfminer: the slower path for pages whose text
pdfium cannot lay out without the machine's fonts (``pdf_glyphs`` decides).

pdfminer maps the codes of a CID font through the PDF's CMaps and its own
Adobe-Japan1 tables and takes widths from the PDF, so what it returns depends
on the file alone.  Coordinates are made the same as ``pdf_read``'s: top-down,
relative to the crop box, in the page's own (unrotated) axes.
"""

from __future__ import annotations

from typing import Any, Iterator

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import Matrix

from revtool.extract.pdf_read import Glyph, is_bad_codepoint, is_bold_font


_Char = tuple[str, str, float, float, float, float, float]  # text, font name, x0, y0, x1, y1, size


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
        # apply_matrix_rect(matrix, bbox), written out: the same operations in the same order
        a, b, c, d, e, f = matrix
        left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
        right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
        right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
        left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
        x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
        x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        self.chars.append((text, font.fontname, x0, y0, x1, y1, x1 - x0 if vertical else y1 - y0))
        return adv


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
        interpreter = PDFPageInterpreter(rsrc, device)
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
                    glyphs.append(Glyph(text, x0 + 0 * w, x0 + 1 * w, t, b, size, bold))
                    continue
                for k, c in enumerate(text):  # a ligature's letters share its box
                    glyphs.append(Glyph(c, x0 + k * w, x0 + (k + 1) * w, t, b, size, bold))
            device.chars = []
            yield i, glyphs, bad
