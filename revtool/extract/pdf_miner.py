"""Glyphs of a page read through pdfminer: the slower path for pages whose text
pdfium cannot lay out without the machine's fonts (``pdf_glyphs`` decides).

pdfminer maps the codes of a CID font through the PDF's CMaps and its own
Adobe-Japan1 tables and takes widths from the PDF, so what it returns depends
on the file alone.  Coordinates are made the same as ``pdf_read``'s: top-down,
relative to the crop box, in the page's own (unrotated) axes.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from revtool.extract.pdf_read import Glyph, is_bad_codepoint, is_bold_font


def _chars(items: Iterable[LTItem]) -> Iterator[LTChar]:
    for item in items:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _chars(item)


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
        device = PDFPageAggregator(rsrc, laparams=None)
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
            interpreter.process_page(page)
            glyphs: list[Glyph] = []
            bad = 0
            for ch in _chars(device.get_result()):
                text = ch.get_text()
                unmapped = bad_text.get(text)
                if unmapped is None:
                    unmapped = bad_text[text] = _bad(text)
                if unmapped:
                    bad += 1
                    continue
                if text in ("\n", "\r"):
                    continue
                bold = bold_font.get(ch.fontname)
                if bold is None:
                    bold = bold_font[ch.fontname] = is_bold_font(ch.fontname)
                x0, x1 = ch.x0 + mx0 - left, ch.x1 + mx0 - left
                t, b = top - (ch.y1 + my0), top - (ch.y0 + my0)
                for k, c in enumerate(text):  # a ligature's letters share its box
                    w = (x1 - x0) / len(text)
                    glyphs.append(Glyph(c, x0 + k * w, x0 + (k + 1) * w, t, b, round(ch.size, 2), bold))
            yield i, glyphs, bad
