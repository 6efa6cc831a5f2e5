"""A page drawn in embedded fonts only is not glyph-counted (issue 15): pdfium
needs no font of the machine there, so the count could not send it to the
slow path. Hand-made resource dictionaries for the rule, and every page of
the real PDFs for the premise (counting such a page would not have changed
its path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT

from revtool.extract.pdf import needs_slow_path
from revtool.extract.pdf_glyphs import GlyphCounter, PageGlyphs, StreamCaps


def _file() -> PDFStream:
    return PDFStream({"Length": 0}, b"")


def _type0(embedded: bool) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"Type": LIT("FontDescriptor"), "FontName": LIT("MS-Mincho")}
    if embedded:
        descriptor["FontFile2"] = _file()
    child = {"Type": LIT("Font"), "Subtype": LIT("CIDFontType2"), "BaseFont": LIT("MS-Mincho"),
             "FontDescriptor": descriptor}
    return {"Type": LIT("Font"), "Subtype": LIT("Type0"), "BaseFont": LIT("MS-Mincho"),
            "Encoding": LIT("Identity-H"), "DescendantFonts": [child]}


def _simple(subtype: str, embedded: bool) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"Type": LIT("FontDescriptor"), "FontName": LIT("Century")}
    if embedded:
        descriptor["FontFile2" if subtype == "TrueType" else "FontFile"] = _file()
    return {"Type": LIT("Font"), "Subtype": LIT(subtype), "BaseFont": LIT("Century"), "FontDescriptor": descriptor}


def _embedded_only(resources: dict[str, Any]) -> bool:
    return GlyphCounter(StreamCaps("x.pdf")).embedded_only(resources)


def test_a_page_in_embedded_fonts_only_is_not_counted() -> None:
    image = PDFStream({"Subtype": LIT("Image"), "Width": 1, "Height": 1}, b"\x00")
    assert _embedded_only({"Font": {"F1": _type0(True), "F2": _simple("TrueType", True)}})
    assert _embedded_only({"Font": {"F1": _simple("Type1", True)}, "XObject": {"Im0": image}})


def test_any_font_the_machine_must_supply_makes_the_page_counted() -> None:
    assert not _embedded_only({"Font": {"F1": _type0(True), "F2": _type0(False)}})
    assert not _embedded_only({"Font": {"F1": _simple("TrueType", False)}})  # MS-Mincho by name only
    type3 = {"Type": LIT("Font"), "Subtype": LIT("Type3"), "FontMatrix": [0.001, 0, 0, 0.001, 0, 0]}
    assert not _embedded_only({"Font": {"F1": _type0(True), "T3": type3}})
    assert not _embedded_only({"Font": {}})  # text without a font: only the counter sees it
    assert not _embedded_only({})


def test_a_form_xobject_makes_the_page_counted() -> None:
    form = PDFStream({"Subtype": LIT("Form"), "BBox": [0, 0, 10, 10]}, b"BT /F9 10 Tf <0041> Tj ET")
    assert not _embedded_only({"Font": {"F1": _type0(True)}, "XObject": {"Fm0": form}})


def test_count_is_none_only_for_embedded_pages_and_skipping_changes_no_path(real_corpus: Path) -> None:
    """On every page of the real PDFs the rule skips, the full count agrees
    with pdfium (the page would not have taken the slow path), and a page the
    rule keeps is counted as before."""
    import pypdfium2 as pdfium
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    from revtool.extract.pdf_read import read_page

    pdfs = sorted(real_corpus.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDF in ../shared/corpus/real")
    skipped = counted = 0
    for path in pdfs:
        engine = pdfium.PdfDocument(str(path))
        with open(path, "rb") as fh:
            counter = GlyphCounter(StreamCaps(path.name))
            for i, page in enumerate(PDFPage.create_pages(PDFDocument(PDFParser(fh)))):
                contents = page.contents if isinstance(page.contents, list) else [page.contents]
                drawn = counter.count(page.resources, contents)
                full = PageGlyphs()
                data = b"\n".join(counter._decoded(resolve1(c)) for c in contents)
                counter._run(data, resolve1(page.resources) or {}, full, 0, set())
                if drawn is None:
                    skipped += 1
                    assert not full.unembedded_cid
                    assert not needs_slow_path(read_page(engine, i), full), (path.name, i)
                elif drawn.partial:  # stopped at the first non-embedded CID glyph: the slow path either way
                    counted += 1
                    assert drawn.unembedded_cid and full.unembedded_cid and drawn.visible <= full.visible
                else:
                    counted += 1
                    assert drawn == full
        engine.close()
    assert skipped > 100 and counted > 10


def test_counting_stops_at_the_first_glyph_of_a_non_embedded_cid_font() -> None:
    """Such a page goes to pdfminer whatever it draws after; with a form on the
    page the count goes on (the form is read as before)."""
    data = b"BT /F2 10 Tf (abc) Tj /F1 10 Tf <00410042> Tj /F2 10 Tf (de) Tj ET"
    fonts = {"F1": _type0(False), "F2": _simple("TrueType", True)}
    drawn = GlyphCounter(StreamCaps("x.pdf")).count({"Font": fonts}, [PDFStream({}, data)])
    assert drawn is not None and drawn.partial and drawn.unembedded_cid and drawn.visible == 5
    form = PDFStream({"Subtype": LIT("Form"), "BBox": [0, 0, 10, 10]}, b"BT /F2 10 Tf (xyz) Tj ET")
    whole = GlyphCounter(StreamCaps("x.pdf")).count({"Font": fonts, "XObject": {"Fm0": form}},
                                                    [PDFStream({}, data + b" /Fm0 Do")])
    assert whole is not None and not whole.partial and whole.unembedded_cid and whole.visible == 10


def _with_tounicode(font: dict[str, Any], cmap: bytes) -> dict[str, Any]:
    return {**font, "ToUnicode": PDFStream({}, cmap)}


_SPACE_AT_3 = b"begincmap 1 beginbfchar <0003> <0020> endbfchar endcmap"
_BROKEN = b"begincmap 1 beginbfchar <0003> <020> endbfchar endcmap"  # three hex digits: unreadable


def test_blank_codes_are_read_only_for_a_counted_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page in embedded fonts only reads its fonts (their ToUnicode inflated
    under the caps) but not which codes are blank; a counted page that uses
    the same font later gets the same count as if they had been read at once,
    and a ToUnicode that cannot be read makes a broken font (its bytes counted)
    either way."""
    import revtool.extract.pdf_glyphs as G

    calls: list[bytes] = []
    real = G.blank_codes
    monkeypatch.setattr(G, "blank_codes", lambda data: calls.append(data) or real(data))
    data = b"BT /F1 10 Tf <000300410003> Tj /F2 10 Tf <0041> Tj ET"
    for cmap, visible in ((_SPACE_AT_3, 1 + 1), (_BROKEN, 3 + 1)):  # broken: its non-blank bytes count
        embedded = {"F1": _with_tounicode(_type0(True), cmap)}
        counter = GlyphCounter(StreamCaps("x.pdf"))
        assert counter.count({"Font": embedded}, [PDFStream({}, data)]) is None
        assert calls == []
        both = {**embedded, "F2": _type0(False)}
        drawn = counter.count({"Font": both}, [PDFStream({}, data)])
        fresh = GlyphCounter(StreamCaps("x.pdf")).count({"Font": both}, [PDFStream({}, data)])
        assert drawn is not None and fresh is not None
        assert (drawn.visible, drawn.unembedded_cid) == (fresh.visible, fresh.unembedded_cid) == (visible, True)
        assert calls == [cmap, cmap]
        calls.clear()
