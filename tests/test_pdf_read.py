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


def _tounicode_pdf(path: Path, shown: bytes, mapping: dict[int, str]) -> None:
    """A one-page PDF showing ``shown`` in Helvetica whose ToUnicode CMap maps
    single-byte codes to ``mapping`` (written by hand: pypdfium2 cannot set
    a ToUnicode map)."""
    pairs = "\n".join(f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in mapping.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
            f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(mapping)} beginbfchar\n{pairs}\nendbfchar "
            "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    escaped = shown.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = b"BT /F1 12 Tf 72 700 Td (" + escaped + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)


def _per_char(path: Path) -> tuple[list[int], list[int]]:
    """pdfium's Unicode of each character asked one by one, and ``_page_codes``."""
    from revtool.extract.pdf_read import _page_codes

    doc = pdfium.PdfDocument(str(path))
    tp = doc[0].get_textpage()
    n = R.FPDFText_CountChars(tp.raw)
    return [R.FPDFText_GetUnicode(tp.raw, k) for k in range(n)], _page_codes(tp.raw, n) or []


def test_page_text_in_one_call_or_per_character(tmp_path: Path) -> None:
    """``_page_codes`` takes the page's text from one ``FPDFText_GetText``
    call when it is one unit a character, and gives up (``None``: asked per
    character) when pdfium's text is not: control characters it leaves out,
    a character beyond the BMP. read_page gives the same glyphs either way."""
    plain, odd, wide = tmp_path / "plain.pdf", tmp_path / "odd.pdf", tmp_path / "wide.pdf"
    _tounicode_pdf(plain, b"ABC", {0x41: "a", 0x42: "\u3042", 0x43: "\u4e00"})
    _tounicode_pdf(odd, b"AB\x02C\x93DE", {0x41: "a", 0x42: "\x02", 0x43: "\x93", 0x44: "\ufffe", 0x45: "\uf06c"})
    _tounicode_pdf(wide, b"AB", {0x41: "a", 0x42: "\U00020BB7"})
    each, once = _per_char(plain)
    assert each == once == [0x61, 0x3042, 0x4E00]
    assert _per_char(odd)[1] == [] and _per_char(wide)[1] == []
    raw = read_page(pdfium.PdfDocument(str(plain)), 0)
    assert "".join(g.text for g in raw.glyphs) == "aあ一"
    raw = read_page(pdfium.PdfDocument(str(odd)), 0)
    assert "".join(g.text for g in raw.glyphs) == "a-●" and raw.bad_chars == 4  # \x93 twice, U+FFFE, unmapped \x02


def test_page_text_in_one_call_matches_each_character(real_corpus: Path) -> None:
    """On every page of the real PDFs, the text read in one call is pdfium's
    Unicode of each character (U+FFFE and NUL, asked again, aside)."""
    import pytest

    from revtool.extract.pdf_read import _page_codes

    pdfs = sorted(real_corpus.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDF in ../shared/corpus/real")
    pages = 0
    for path in pdfs:
        doc = pdfium.PdfDocument(str(path))
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            n = R.FPDFText_CountChars(tp.raw)
            codes = _page_codes(tp.raw, n)
            if codes is not None:
                each = [R.FPDFText_GetUnicode(tp.raw, k) for k in range(n)]
                assert [c for c, e in zip(codes, each) if c not in (0, 0xFFFE)] == [
                    e for c, e in zip(codes, each) if c not in (0, 0xFFFE)]
                pages += 1
            tp.close()
        doc.close()
    assert pages


def test_box_and_matrix_layouts_match_pdfium_structs() -> None:
    """``_read_glyphs`` unpacks FS_RECTF and FS_MATRIX with ``struct``: the
    field order and sizes it assumes are pypdfium2's."""
    from revtool.extract.pdf_read import _BOX, _MATRIX

    assert [name for name, _ in R.FS_RECTF._fields_] == ["left", "top", "right", "bottom"]
    assert _BOX.size == ctypes.sizeof(R.FS_RECTF)
    assert [name for name, _ in R.FS_MATRIX._fields_][:4] == ["a", "b", "c", "d"]
    assert _MATRIX.size == 4 * ctypes.sizeof(ctypes.c_float) == ctypes.sizeof(R.FS_MATRIX) * 4 // 6
    rect = R.FS_RECTF(1.5, 2.25, 3.125, -4.0)
    assert _BOX.unpack_from(rect) == (1.5, 2.25, 3.125, -4.0)
