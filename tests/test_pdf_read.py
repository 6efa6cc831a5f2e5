"""pdf_read on tiny PDFs built with pypdfium2 in the test itself."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as R

from revtool.extract.pdf_read import read_page


def _text(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, x: float, y: float, mode: int) -> None:
    obj = R.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    R.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(R.FPDF_WCHAR)))
    R.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    R.FPDFTextObj_SetTextRenderMode(obj, mode)
    R.FPDFPage_InsertObject(page.raw, obj)


def test_stroked_text_is_bold_and_coordinates_are_top_down(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(300, 200)
    _text(pdf, page, "Plain", 20, 150, R.FPDF_TEXTRENDERMODE_FILL)
    _text(pdf, page, "Bold", 20, 100, R.FPDF_TEXTRENDERMODE_FILL_STROKE)  # Word's synthetic bold
    page.gen_content()
    path = tmp_path / "stroke.pdf"
    pdf.save(str(path))
    doc = pdfium.PdfDocument(str(path))
    raw = read_page(doc, 0)
    assert "".join(g.text for g in raw.glyphs if not g.bold) == "Plain"
    assert "".join(g.text for g in raw.glyphs if g.bold) == "Bold"
    plain = raw.glyphs[0]
    assert 35 < plain.top < 50 and plain.size == 12.0  # y = 150 from the bottom of a 200 pt page
    assert (raw.width, raw.height) == (300, 200) and raw.edges == () and raw.bad_chars == 0


def test_pdfium_generates_only_spaces_and_line_breaks(real_corpus: Path) -> None:
    """What ``_read_glyphs`` relies on to ask ``FPDFText_IsGenerated`` of spaces
    only: every character pdfium generates is a space, CR or LF (checked on
    every page of the real PDFs, so a pdfium that changes this fails here)."""
    import pytest

    pdfs = sorted(real_corpus.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDF in ../shared/corpus/real")
    generated: set[int] = set()
    for path in pdfs:
        doc = pdfium.PdfDocument(str(path))
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            for k in range(R.FPDFText_CountChars(tp.raw)):
                if R.FPDFText_IsGenerated(tp.raw, k) == 1:
                    generated.add(R.FPDFText_GetUnicode(tp.raw, k))
            tp.close()
            page.close()
        doc.close()
    assert generated and generated <= {0x20, 0x0D, 0x0A}
