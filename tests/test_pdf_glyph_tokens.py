"""The content-stream tokenizer's fast paths (issue 15) yield exactly what the
token-by-token definition yields, on hand-written edge cases, on random
streams built from the shapes that matter, and on every page of the real PDFs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from revtool.extract.pdf_glyphs import GlyphCounter, StreamCaps, _Font, operations
from tests.oracle_pdf_tokens import operations_reference

RELEVANT = {b"Tj", b"TJ", b"'", b'"', b"Tf", b"Do", b"q", b"Q"}

EDGE = [
    rb"BT /F1 12 Tf [(a\(b\)c) -120 <4142> 3 (y\101)] TJ (nested (paren) ok) Tj ET",
    rb"[<00 4 1> <414> <> () (x)]TJ <0 04>Tj <41 42 >Tj (a\)b)Tj",
    rb"/F1 10.5 Tf1 0 0 1 72 700 Tm/F2 9Tf <0041>Tjx <0041>Tj[(a)%comment" + b"\n" + rb"]TJ",
    rb"/GS0 gs (s) 3 Tj (t) (u) Tj /F3 1 2 Tf /F4 Tf 12 Tf [[<41>] (b)] TJ",
    b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\x01(Tj) EI Q q /Fm0 Do true (x) null Tj",
    rb"0 0 0 rg BT 63.9 767.089 Td /F2 10.5 Tf[<04>-9<89>]TJ ET Q 12Tf 5Tm (z)' 1 2 (w)\"",
    b"<41\x0042>Tj [<41\x0042>]TJ (a\r\nb)Tj [(c\nd)]TJ",
    rb"/F1 10.5 Tf% c" + b"\n" + rb"<41>Tj -1.5 .5 +2 Tc [ <41> 5 ( b ) ]  TJ",
]


def _relevant(ops: list[tuple[bytes, list[object]]]) -> list[tuple[bytes, list[object]]]:
    return [(op, args) for op, args in ops if op in RELEVANT]


def _same(data: bytes) -> None:
    ref = list(operations_reference(data))
    assert list(operations(data)) == ref
    assert list(_relevant(list(operations(data, counting=True)))) == _relevant(ref)


@pytest.mark.parametrize("data", EDGE)
def test_fast_paths_agree_with_the_token_definition(data: bytes) -> None:
    _same(data)


def test_fast_paths_agree_on_random_streams() -> None:
    rng = random.Random(15)
    pieces = [b"<0041>", b"<41 4>", b"(ab)", b"(a\\)b)", b"(x(y)z)", b"[", b"]", b"/F1", b"/GS0", b" 10.5", b" -9",
              b" ", b"\n", b"Tj", b"TJ", b"Tf", b"Tm", b"q", b"Q", b"Do", b"gs", b"'", b"BT", b"ET", b"%c\n", b"true",
              b"<<", b">>", b"12", b".5", b"Tjx", b"{", b"}"]
    for _ in range(3000):
        _same(b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))


def test_two_byte_codes_are_counted_across_strings() -> None:
    font = _Font(2, {0x0003}, False, "F")
    assert font.visible_all([b"\x00\x41\x00\x03", b"\x00\x42"]) == 2
    assert font.visible_all([b"\x00", b"\x41\x00\x42"]) == 1  # an odd string keeps its own code boundaries
    assert _Font(1, {0x20}, False, "F").visible_all([b"a b", b" c"]) == 3


def test_fast_paths_agree_on_the_real_pdfs(real_corpus: Path) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    pdfs = sorted(real_corpus.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDF in ../shared/corpus/real")
    pages = 0
    for path in pdfs:
        with open(path, "rb") as fh:
            counter = GlyphCounter(StreamCaps(path.name))
            for page in PDFPage.create_pages(PDFDocument(PDFParser(fh))):
                contents = page.contents if isinstance(page.contents, list) else [page.contents]
                _same(b"\n".join(counter._decoded(resolve1(c)) for c in contents))
                pages += 1
    assert pages > 100
