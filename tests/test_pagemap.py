"""assign_pages: printed pages for a DOCX-derived Document from its PDF."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from revtool.extract.pagemap import PagedText, assign_pages, text_key
from revtool.model import Block, BlockKind, Document, PageSpan, Section, Table


def P(text: str, first: int | None = None, last: int | None = None) -> Block:
    pages = PageSpan(first, last if last is not None else first) if first is not None else None
    return Block(BlockKind.PARAGRAPH, text, pages=pages)


def test_text_key_ignores_whitespace_and_width() -> None:
    assert text_key("令和 3年度　ＤＸ\n推進") == text_key("令和3年度DX推進")


def test_paged_text_locates_in_order_and_in_part() -> None:
    pt = PagedText.of([P("第一の段落です。", 1), P("第二の段落はページをまたぐ。", 2, 3), P("表紙の文字", None)])
    assert pt.locate(text_key("第二の段落はページをまたぐ。")) == (True, PageSpan(2, 3))
    assert pt.locate(text_key("表紙の文字")) == (True, None)  # found, on an unnumbered page
    assert pt.locate(text_key("どこにもない")) == (False, None)
    edited = PagedText.of([P("区は、令和3年度から行政手続のオンライン化を進めてきた。", 7)])
    assert edited.locate(text_key("区は、令和4年度から行政手続のオンライン化を進めてきた。")) == (True, PageSpan(7, 7))


def _docx() -> Document:
    table = Table.from_texts([["指標", "現状値"], ["登録者数", "約4.8万人"]])
    return Document(
        title="t",
        front=(P("目次"),),
        sections=(
            Section("第1章　概要", "第1章", "概要", 1, "chapter", blocks=(P("はじめの段落です。"),), children=(
                Section("1. 趣旨", "1.", "趣旨", 2, "decimal", blocks=(
                    P("ページをまたぐ長い段落で、前半と後半が別のページにある。"),
                    Block(BlockKind.TABLE, table.as_text(), table=table),
                )),
            )),
            Section("第2章　取組", "第2章", "取組", 1, "chapter", blocks=(P("PDFにはない段落。"),)),
        ),
    )


def _pdf() -> Document:
    table = Table.from_texts([["指標", "現状値"], ["登録者数", "約4.8万人"]])
    return Document(
        front=(P("目次"),),
        sections=(
            Section("第1章　概要", "第1章", "概要", 1, "chapter", blocks=(P("はじめの段落です。", 1),), children=(
                Section("1. 趣旨", "1.", "趣旨", 2, "decimal", blocks=(
                    P("ページをまたぐ長い段落で、前半と後半が", 2, 2),
                    P("別のページにある。", 3, 3),
                    Block(BlockKind.TABLE, table.as_text(), table=table, pages=PageSpan(3, 3)),
                ), pages=PageSpan(2, 3)),
            ), pages=PageSpan(1, 3)),
            Section("第2章　取組", "第2章", "取組", 1, "chapter", pages=PageSpan(4, 4)),
        ),
    )


def test_assign_pages_by_heading_and_text() -> None:
    doc = assign_pages(_docx(), _pdf())
    s1 = doc.find(("第1章　概要",))
    s11 = doc.find(("第1章　概要", "1. 趣旨"))
    s2 = doc.find(("第2章　取組",))
    assert s1 is not None and s11 is not None and s2 is not None
    assert s1.blocks[0].pages == PageSpan(1, 1)
    assert s11.blocks[0].pages == PageSpan(2, 3)  # one DOCX paragraph, two PDF blocks
    assert s11.blocks[1].pages == PageSpan(3, 3)  # the table
    assert s11.pages == PageSpan(2, 3) and s1.pages == PageSpan(1, 3)
    assert s2.blocks[0].pages is None  # not in the PDF: stays unknown
    assert s2.pages == PageSpan(4, 4)  # but its heading is printed on page 4
    assert doc.front[0].pages is None
    # text is never changed
    assert [b.text for _, s in doc.walk() for b in s.blocks] == [b.text for _, s in _docx().walk() for b in s.blocks]


def test_unmatched_headings_are_reported() -> None:
    pdf = _pdf()
    renamed = Document(sections=(pdf.sections[0],))
    doc = assign_pages(_docx(), renamed)
    assert any("3 節中 2 節" in w for w in doc.warnings)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("version", ["soan", "an"])
def test_nakano_docx_gets_the_pdf_pages(nakano: Path, version: str) -> None:
    docx_mod = pytest.importorskip("revtool.extract.docx")
    from revtool.extract.pdf import extract_pdf

    doc = assign_pages(docx_mod.extract_docx(nakano / f"{version}.docx"), extract_pdf(nakano / f"{version}.pdf"))
    expected = json.loads((nakano / "expected" / "sections.json").read_text(encoding="utf-8"))[version]
    got = {tuple(_key(x) for x in p): s for p, s in doc.walk()}
    wrong = []
    for e in expected:
        s = got.get(tuple(_key(x) for x in e["path"]))
        if s is None or s.pages is None or (s.pages.first, s.pages.last) != (e["page"], e["end_page"]):
            wrong.append((e["title"], e["page"], e["end_page"], s.pages if s else None))
    assert wrong == []
    body = [b for _, s in doc.walk() for b in s.blocks]
    assert sum(b.pages is None for b in body) <= 5  # only the unnumbered back cover


def test_assign_pages_keeps_the_pdf_page_map() -> None:
    """The DOCX takes the PDF's page map with its printed pages, so that a
    該当箇所 citing the PDF viewer's page can be read as such."""
    pdf = replace(_pdf(), page_map=((3, 1), (4, 2), (5, 3), (6, 4)))
    assert assign_pages(_docx(), pdf).page_map == ((3, 1), (4, 2), (5, 3), (6, 4))
    assert assign_pages(_docx(), _pdf()).page_map == ()
