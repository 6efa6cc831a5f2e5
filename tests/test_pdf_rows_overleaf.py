"""A ruled table's row that a page break left alone — its header row at the
foot of a page, or its last body row at the top of the next — belongs to the
table, as the DOCX reader gives it (``tests/fixtures/pdf/make_rows_overleaf.py``)."""

from __future__ import annotations

from pathlib import Path

from revtool.extract.pdf import extract_pdf
from revtool.extract.pdf_tables import stitch
from revtool.model import Block, BlockKind, Cell, Section, Table

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "rows-overleaf.pdf"


def _blocks(sections: tuple[Section, ...]) -> list[Block]:
    return [b for s in sections for b in (*s.blocks, *_blocks(s.children))]


def test_rows_left_alone_by_a_page_break_stay_in_their_table() -> None:
    blocks = _blocks(extract_pdf(FIXTURE, workers=1).sections)
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 2
    torikumi, survey = tables
    # the header row at the foot of page 1 heads the body rows of page 2
    assert torikumi.table is not None and torikumi.table.header_rows == 1
    assert torikumi.table.texts() == (
        ("取組", "内容", "所管課"),
        ("がん検診講座の開催", "区民を対象に、がん検診に関する講座を開催します。", "健康推進課"),
        ("がん検診に関する相談", "保健師等の専門職が、相談に応じます。", "保健予防課"),
        ("デジタルを活用したがん検診", "オンラインの仕組みを検討します。", "保健予防課"),
    )
    assert torikumi.pages is not None and (torikumi.pages.first, torikumi.pages.last) == (1, 2)
    assert torikumi.text[torikumi.page_breaks[0]:].startswith("がん検診講座の開催")  # printed on page 2
    # the survey's last row, carried to the top of page 4, ends the table of page 3
    assert survey.table is not None and survey.table.texts()[-2:] == (("あまりあてはまらない", "6.2"), ("あてはまらない", "10.0"))
    assert survey.pages is not None and (survey.pages.first, survey.pages.last) == (3, 4)
    texts = [b.text for b in blocks]
    assert not {"取組", "所管課", "あてはまらない", "10.0"} & set(texts)
    # a one-row ruled box at the foot of a page whose next page opens with text stays running text
    assert "※お問い合わせ" in texts and "健康推進課　健康づくり係" in texts


def test_a_figure_under_a_figure_starts_a_row_of_its_own() -> None:
    # the rows overleaf of a survey table: ややあてはまる 23.4 ended page 4, あまりあてはまらない (hiragana) opens page 5
    head = Table.from_texts([["回答", "割合（％）"], ["とてもあてはまる", "5.5"], ["ややあてはまる", "23.4"]])
    tail = [(Cell("あまりあてはまらない"), Cell("35.4")), (Cell("あてはまらない"), Cell("24.0"))]
    assert stitch(head, tail).texts()[2:] == (("ややあてはまる", "23.4"), ("あまりあてはまらない", "35.4"),
                                              ("あてはまらない", "24.0"))
