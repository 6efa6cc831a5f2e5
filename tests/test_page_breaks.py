"""Block.page_breaks: where a block printed over several pages turns the page
(model, sections/ serialization, the PDF reader, --pages-from)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.extract.pagemap import PagedText, assign_pages, text_key
from revtool.model import Block, BlockKind, Document, PageSpan, Section, Table, paged_span
from revtool.workspace.serialize import MANIFEST, document_from_files, document_to_files

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"

TEXT = "区は、行政手続のオンライン化を進めてきた。令和7年度からは窓口の予約も受け付ける。"
TURN = TEXT.index("令和")


def P(text: str, first: int | None, last: int | None = None, breaks: tuple[int, ...] = ()) -> Block:
    pages = PageSpan(first, last if last is not None else first) if first is not None else None
    return Block(BlockKind.PARAGRAPH, text, pages=pages, page_breaks=breaks)


# ---------------------------------------------------------------- model


def test_page_of_each_character() -> None:
    b = P(TEXT, 12, 13, (TURN,))
    assert b.page_at(0) == 12 and b.page_at(TURN - 1) == 12
    assert b.page_at(TURN) == 13 and b.page_at(len(TEXT) - 1) == 13
    assert b.pages_of(0, 5) == (12,)
    assert b.pages_of(TURN, TURN + 4) == (13,)
    assert b.pages_of(TURN - 3, TURN + 3) == (12, 13)


def test_without_breaks_a_block_knows_only_its_span() -> None:
    b = P(TEXT, 12, 13)
    assert b.page_at(TURN) == 12  # the first page: nothing better is known
    assert b.pages_of(TURN, TURN + 4) == (12, 13)
    assert P(TEXT, None).pages_of(0, 3) == ()


def test_a_skipped_page_repeats_the_offset() -> None:
    b = P(TEXT, 5, 7, (TURN, TURN))  # page 6 is a full-page figure
    assert b.page_at(TURN - 1) == 5 and b.page_at(TURN) == 7


@pytest.mark.parametrize("pages, breaks", [
    (None, (3,)),                     # breaks without pages
    (PageSpan(1, 3), (3,)),           # one break for three pages
    (PageSpan(1, 2), (len(TEXT) + 1,)),  # past the end
    (PageSpan(1, 3), (9, 4)),         # going backwards
])
def test_breaks_that_do_not_fit_are_refused(pages: PageSpan | None, breaks: tuple[int, ...]) -> None:
    with pytest.raises(ValueError):
        Block(BlockKind.PARAGRAPH, TEXT, pages=pages, page_breaks=breaks)


def test_breaks_are_not_content() -> None:
    assert P(TEXT, 12, 13, (TURN,)).content_hash == P(TEXT, 12, 13).content_hash == P(TEXT, None).content_hash


def test_paged_span_from_pieces() -> None:
    assert paged_span([0, 10, 20], [4, 4, 5]) == (PageSpan(4, 5), (20,))
    assert paged_span([0, 10], [4, 6]) == (PageSpan(4, 6), (10, 10))  # page 5 skipped
    assert paged_span([0, 10], [None, 6]) == (PageSpan(6, 6), ())  # unnumbered page
    assert paged_span([0, 10], [7, 6]) == (PageSpan(6, 7), ())  # backwards: the span alone
    assert paged_span([0], [None]) == (None, ())


# ---------------------------------------------------------------- sections/


def _doc(*blocks: Block) -> Document:
    return Document(title="t", sections=(Section("第1章　概要", "第1章", "概要", 1, "chapter", blocks=blocks),))


def test_breaks_round_trip_through_sections() -> None:
    doc = _doc(P(TEXT, 12, 13, (TURN,)), P("次の段落。", 13))
    files = document_to_files(doc)
    assert document_from_files(files) == doc
    metas = json.loads(files[MANIFEST])["sections"][0]["blocks"]
    assert metas[0]["page_breaks"] == [TURN]
    assert "page_breaks" not in metas[1]  # a block on one page: its entry as before


def test_sections_of_blocks_without_breaks_are_unchanged() -> None:
    """The manifest of a document without page breaks is byte-identical to what
    revtool wrote before the field existed (no new key)."""
    files = document_to_files(_doc(P(TEXT, 12, 13), P("次の段落。", 13)))
    assert b"page_breaks" not in files[MANIFEST]


# ---------------------------------------------------------------- PDF reader


@pytest.fixture(scope="module")
def sample() -> Document:
    from revtool.extract.pdf import extract_pdf

    return extract_pdf(PDF / "sample.pdf", workers=1)


def test_pdf_paragraph_over_a_page_break(sample: Document) -> None:
    over = [b for _, s in sample.walk() for b in s.blocks
            if b.kind != BlockKind.TABLE and b.pages is not None and b.pages.first != b.pages.last]
    assert over, "the fixture has a paragraph crossing a page break"
    for b in over:
        assert len(b.page_breaks) == b.pages.last - b.pages.first
    b = over[0]
    turn = b.page_breaks[0]
    # the break falls on a line start: the text before it ends a full line of the page
    assert 0 < turn < len(b.text)
    assert b.page_at(turn - 1) == b.pages.first and b.page_at(turn) == b.pages.first + 1


def test_pdf_table_over_a_page_break(sample: Document) -> None:
    sec = sample.find(("第1章　計画の概要", "2. 成果指標"))
    assert sec is not None
    t = next(b for b in sec.blocks if b.kind == BlockKind.TABLE)
    assert t.pages == PageSpan(2, 3) and t.table is not None and len(t.page_breaks) == 1
    turn = t.page_breaks[0]
    assert t.text[turn - 1] == "\n"  # the break is at the start of a row
    rows_before = t.text[:turn].count("\n")
    assert 1 < rows_before < len(t.table.rows)  # header and some rows on page 2, the rest on 3


# ---------------------------------------------------------------- --pages-from


def test_docx_paragraph_gets_breaks_from_two_pdf_blocks() -> None:
    docx = _doc(P(TEXT, None))
    pdf = _doc(P(TEXT[:TURN], 12), P(TEXT[TURN:], 13))
    b = assign_pages(docx, pdf).sections[0].blocks[0]
    assert b.pages == PageSpan(12, 13) and b.page_breaks == (TURN,)


def test_docx_paragraph_gets_breaks_from_a_pdf_block_with_breaks() -> None:
    # the DOCX writes the same text with other widths and spaces: offsets are the DOCX's own
    docx_text = "区は、行政手続の オンライン化を進めてきた。令和７年度からは窓口の予約も受け付ける。"
    docx = _doc(P(docx_text, None))
    pdf = _doc(P(TEXT, 12, 13, (TURN,)))
    b = assign_pages(docx, pdf).sections[0].blocks[0]
    assert b.pages == PageSpan(12, 13)
    assert b.page_breaks == (docx_text.index("令和"),)


def test_edited_docx_paragraph_found_in_part_keeps_exact_pages() -> None:
    edited = TEXT.replace("行政手続の", "すべての行政手続の")
    b = assign_pages(_doc(P(edited, None)), _doc(P(TEXT, 12, 13, (TURN,)))).sections[0].blocks[0]
    assert b.pages == PageSpan(12, 13)
    assert b.page_breaks == (edited.index("令和"),)


def test_docx_block_on_pages_known_only_as_a_span_gets_no_breaks() -> None:
    b = assign_pages(_doc(P(TEXT, None)), _doc(P(TEXT, 12, 13))).sections[0].blocks[0]
    assert b.pages == PageSpan(12, 13) and b.page_breaks == ()


def test_table_found_over_two_pages() -> None:
    table = Table.from_texts([["指標", "現状値"], ["登録者数", "約4.8万人"], ["申請率", "約44％"]])
    text = table.as_text()
    turn = text.index("申請率")
    pdf = _doc(Block(BlockKind.TABLE, text, table=table, pages=PageSpan(3, 4), page_breaks=(turn,)))
    docx = _doc(Block(BlockKind.TABLE, text, table=table))
    b = assign_pages(docx, pdf).sections[0].blocks[0]
    assert b.page_breaks == (turn,)
    assert PagedText.of(pdf.sections[0].blocks).locate(text_key("申請率")) == (True, PageSpan(4, 4))
