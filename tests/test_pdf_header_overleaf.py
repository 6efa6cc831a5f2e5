"""A ruled table whose header row Word left alone at the foot of a page, its
body rows overleaf: one table with its header, as the DOCX reader gives it
(``tests/fixtures/pdf/make_header_overleaf.py``)."""

from __future__ import annotations

from pathlib import Path

from revtool.extract.pdf import extract_pdf
from revtool.model import Block, BlockKind, Section

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "header-overleaf.pdf"


def _blocks(sections: tuple[Section, ...]) -> list[Block]:
    return [b for s in sections for b in (*s.blocks, *_blocks(s.children))]


def test_a_header_row_left_at_the_foot_of_a_page_heads_the_table_overleaf() -> None:
    blocks = _blocks(extract_pdf(FIXTURE, workers=1).sections)
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    t = tables[0]
    assert t.table is not None and t.table.header_rows == 1
    assert t.table.texts() == (
        ("取組", "内容", "所管課"),
        ("がん検診講座の開催", "区民を対象に、がん検診に関する講座を開催します。", "健康推進課"),
        ("がん検診に関する相談", "保健師等の専門職が、相談に応じます。", "保健予防課"),
        ("デジタルを活用したがん検診", "オンラインの仕組みを検討します。", "保健予防課"),
    )
    assert t.pages is not None and (t.pages.first, t.pages.last) == (1, 2)
    assert t.text[t.page_breaks[0]:].startswith("がん検診講座の開催")  # the body rows are printed on page 2
    texts = [b.text for b in blocks]
    assert "取組" not in texts and "所管課" not in texts
    # a one-row ruled box at the foot of a page whose next page opens with text stays running text
    assert "※お問い合わせ" in texts and "健康推進課　健康づくり係" in texts
