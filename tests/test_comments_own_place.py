"""A blank 該当ページ in a CSV/TSV 別紙1 repeats the row above (a merged cell lost in
the export) — unless the opinion names its own place (「【P.12】…」「基本目標Ⅱについて、…」):
then that place is the comment's (blind11 even seeds)."""

from __future__ import annotations

from revtool.comments import import_comments
from revtool.comments.ref_in_opinion import ref_in_opinion
from revtool.comments.refs import parse_ref
from revtool.comments.table import Grid, rows_from_grids
from revtool.model import Block, BlockKind, Document, PageSpan, Section

HEADER = ("No.", "該当ページ", "意見の概要", "町の考え方")


def _rows() -> list:  # type: ignore[type-arg]
    grid = Grid(rows=(
        HEADER,
        ("1", "P8", "意識啓発の取組を充実してほしい。", "ご意見として承ります。"),
        ("2", "", "講座の回数を増やしてほしい。", "ご意見として承ります。"),
        ("3", "", "【P.12】刊行物の表現について、近隣の市の例を参考にしてほしい。", "既に記載しています。"),
        ("4", "", "基本目標Ⅱについて、防災の視点を加えてほしい。", "追記しました。"),
        ("5", "", "相談窓口の周知を進めてほしい。", "ご意見として承ります。"),
    ), blank_ref_inherits=True)
    return rows_from_grids([grid], "bessi1.csv")


def test_a_blank_place_is_inherited_only_when_the_opinion_names_none() -> None:
    rows = _rows()
    assert [(r.ref, bool(r.note)) for r in rows] == [
        ("P8", False), ("P8", True), ("", False), ("", False), ("P8", True)]


def test_the_opinion_s_own_place_is_the_comment_s_place() -> None:
    def sec(title: str, number: str, page: int) -> Section:
        return Section(f"{number}　{title}", "", "", 1, blocks=(Block(BlockKind.PARAGRAPH, f"{title}を進めます。"),),
                       pages=PageSpan(page, page))
    plan = Document(sections=(sec("意識づくり", "基本目標Ⅰ", 8), sec("女性の活躍推進", "基本目標Ⅱ", 12)))
    comments = import_comments(_rows(), plan)
    assert comments[2].old_pages == (12,)
    assert comments[2].resolved_section_paths == (("基本目標Ⅱ　女性の活躍推進",),)
    assert comments[3].resolved_section_paths == (("基本目標Ⅱ　女性の活躍推進",),)
    assert comments[1].resolved_section_paths == (("基本目標Ⅰ　意識づくり",),)  # P8, inherited


def test_a_roman_numeral_after_a_label_word_is_a_label() -> None:
    assert parse_ref("基本目標Ⅳ　ワーク・ライフ・バランス").numbers == ("基本目標IV",)
    assert ref_in_opinion("基本目標Ⅱについて、防災の視点を") == "基本目標Ⅱ"
    assert ref_in_opinion("施策IT化について、") == ""
