"""The pdfminer path's own content-stream reader and glyph device against
pdfminer itself (the oracle): the same objects, the same glyphs."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from revtool.extract.pdf_miner import content_objects, miner_pages

REPO = Path(__file__).resolve().parents[1]
JO = REPO.parent / "shared" / "corpus" / "real" / "pdf-robustness" / "jo.pdf"


def pdfminer_objects(data: bytes) -> list[object]:
    parser = PDFContentParser([PDFStream({}, data)])
    out: list[object] = []
    while True:
        try:
            out.append(parser.nextobject()[1])
        except PSEOF:
            return out


SUPPORTED = [
    b"BT /F1 10.5 Tf 1 0 0 1 72 700 Tm (abc) Tj ET",
    b"BT /F2 12 Tf 0 -14.2 Td <3042 3044>Tj T* <304> Tj ET",
    b"[<0041>-250<00420043> 12.5 (x)]TJ -.5 +3 5. .25 Tc 1.2.3 Tw",
    b"q 0.5 0 0 0.5 10 20 cm /Im1 Do Q",
    b"BT (line) ' 1 2 (quoted) \" ET",
    b"[[1 2] [/a /b]] true false d0 Tz3 5Tw",
    b"<>Tj /N\xc3\xa9 Tf /\xff gs",
    b"BT\n/F1 1 Tf\r\nET",  # no blank at the very end, CR LF
]

FALLBACK = [
    b"(a\\)b) Tj",  # escapes
    b"(a(b)c) Tj",  # nested parentheses
    b"/P <</MCID 0>> BDC EMC",  # dictionaries
    b"% a comment\nBT ET",
    b"BI /W 1 /H 1 ID \x00 EI",  # inline image
    b"/A#20B Tf",  # # in a name
    b"[1 2",  # an array left open
    b"1 2] Tj",  # an array closed twice
    b"1.5. Tc",  # a lone dot
    b"{ 1 } Tj",  # procedures
    b"<41>> Tj",
    b"\x00 Tj",
]


@pytest.mark.parametrize("data", SUPPORTED)
def test_content_objects_are_pdfminers(data: bytes) -> None:
    got = content_objects(data)
    assert got is not None
    assert got == pdfminer_objects(data)
    # same types too (1 and 1.0 compare equal)
    assert [type(x) for x in got] == [type(x) for x in pdfminer_objects(data)]


@pytest.mark.parametrize("data", FALLBACK)
def test_content_objects_leave_the_rest_to_pdfminer(data: bytes) -> None:
    assert content_objects(data) is None


def _pdf(content: bytes) -> bytes:
    """One page drawn in a non-embedded CID font (UniJIS-UCS2-H) and in Helvetica."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [10 10 585 832] "
        b"/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >>",
        None,
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Japan1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 /W [1 631 500] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 69 >>",
    ]
    packed = zlib.compress(content)
    objs[3] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


CONTENT = (
    b"BT /F1 10.5 Tf 2 Tc 3 Tw 110 Tz 1 Ts 72 760 Td <30423044 0020 3046> Tj "
    b"0 -15 Td [<304A> -300 <304B0041> 120 (\x00B)] TJ T* (\x00 \x00C) ' "
    b"/F2 9 Tf 1 0 0.2 1 72 700 Tm (AV Wa) Tj 1 2 (x y) \" ET "
    b"q 0 1 -1 0 300 300 cm BT /F1 12 Tf 0 0 Td <30423044> Tj ET Q"
)


def _oracle_glyphs(path: Path) -> list[tuple[str, float, float, float, float, float]]:
    """What pdfminer's layout objects give for the same page (the arithmetic
    ``iter_miner_pages`` uses for coordinates)."""
    with open(path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        rsrc = PDFResourceManager(caching=True)
        device = PDFPageAggregator(rsrc, laparams=None)
        interpreter = PDFPageInterpreter(rsrc, device)
        page = next(iter(PDFPage.create_pages(doc)))
        interpreter.process_page(page)
        mx0, my0 = page.mediabox[0], page.mediabox[1]
        crop = page.cropbox
        left, top = min(crop[0], crop[2]), max(crop[1], crop[3])

        def chars(items: object) -> list[LTChar]:
            out: list[LTChar] = []
            for item in items:  # type: ignore[attr-defined]
                if isinstance(item, LTChar):
                    out.append(item)
                elif isinstance(item, LTContainer):
                    out.extend(chars(item))
            return out

        return [(ch.get_text(), ch.x0 + mx0 - left, ch.x1 + mx0 - left, top - (ch.y1 + my0), top - (ch.y0 + my0),
                 round(ch.size, 2)) for ch in chars(device.get_result()) if ch.get_text().strip()]


def test_miner_glyphs_are_pdfminers_layout(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(_pdf(CONTENT))
    glyphs, bad = miner_pages(str(path), None, {0})[0]
    got = [(g.text, g.x0, g.x1, g.top, g.bottom, g.size) for g in glyphs if g.text.strip()]
    assert bad == 0
    assert "".join(t[0] for t in got) == "あいうおかAB" + "C" + "AVWaxy" + "あい"
    assert got == _oracle_glyphs(path)  # exactly the same floats
    assert [g.bold for g in glyphs if g.text in ("V", "W", "a", "x", "y")] == [True] * 5  # Helvetica-Bold
    assert [g.bold for g in glyphs if g.text in ("B", "C", "あ")] == [False] * 4  # the CID font


@pytest.mark.skipif(not JO.exists(), reason="../shared corpus not available")
def test_miner_glyphs_on_a_real_pdf_are_pdfminers_layout() -> None:
    glyphs, _ = miner_pages(str(JO), None, {0})[0]
    got = [(g.text, g.x0, g.x1, g.top, g.bottom, g.size) for g in glyphs if g.text.strip()]
    assert len(got) > 500
    assert got == _oracle_glyphs(JO)


def test_pair_decoder_gives_pdfminers_cids_on_two_byte_cmaps() -> None:
    """``fast_decoder``'s lookup by byte pairs against pdfminer's byte walk on
    the predefined UCS2 CMaps: aligned pairs, unknown second bytes, first
    bytes that start no code (the walk shifts by one byte), odd lengths."""
    import random

    from pdfminer.cmapdb import CMapDB

    from revtool.extract.pdf_glyphs import _PairDecoder

    rnd = random.Random(7)
    for name in ("UniJIS-UCS2-H", "UniJIS-UCS2-V", "UniGB-UCS2-H"):
        cmap = CMapDB.get_cmap(name)
        decode = _PairDecoder(cmap.code2cid, cmap.decode)  # type: ignore[arg-type]
        heads = sorted(cmap.code2cid)
        assert len(heads) < 256  # some first bytes start no code: the shifting case is reachable
        cases = [b"", b"\x30", b"\x30\x42", "あいう漢字ＡＢ".encode("utf-16-be"), bytes([heads[0], 0xFF, 0x01, 0x30, 0x42])]
        for _ in range(5000):
            if rnd.random() < 0.5:
                s = bytes(rnd.randrange(256) for _ in range(rnd.randrange(12)))
            else:
                s = b"".join(bytes([rnd.choice(heads), rnd.randrange(256)]) for _ in range(rnd.randrange(8)))
            cases.append(s + (bytes([rnd.randrange(256)]) if rnd.random() < 0.2 else b""))
        for s in cases:
            assert list(decode(s)) == list(cmap.decode(s)), (name, s)


def test_fast_decoder_keeps_pdfminers_decode_for_other_fonts() -> None:
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.psparser import LIT

    from revtool.extract.pdf_glyphs import _PairDecoder, fast_decoder

    rsrc = PDFResourceManager()
    spec = {"Subtype": LIT("CIDFontType0"), "BaseFont": LIT("HeiseiMin-W3"),
            "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Japan1", "Supplement": 2}}
    identity = PDFCIDFont(rsrc, dict(spec, Encoding=LIT("Identity-H")))
    ucs2 = PDFCIDFont(rsrc, dict(spec, Encoding=LIT("UniJIS-UCS2-H")))
    assert not isinstance(fast_decoder(identity), _PairDecoder)
    assert isinstance(fast_decoder(ucs2), _PairDecoder)
    text = "令和６年度の計画。".encode("utf-16-be")
    assert list(fast_decoder(ucs2)(text)) == list(ucs2.decode(text))
