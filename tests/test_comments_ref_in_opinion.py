"""Tables without a 該当箇所 column: the place written at the head of the opinion."""

from __future__ import annotations

import pytest

from revtool.comments import import_comments
from revtool.comments.ref_in_opinion import ref_in_opinion
from revtool.comments.table import Grid, rows_from_grids
from tests.test_comments_resolve import DOC


@pytest.mark.parametrize(
    ("opinion", "ref"),
    [
        ("【第2章第1節 P.5】国の動向の記述を最新にすべき。", "第2章第1節 P.5"),
        ("［P.7］部活動の地域移行について記載すべき。", "P.7"),
        ("P7の「教員の働き方改革」について、数値目標を示すべき。", "P7"),
        ("Ｐ．４５の記述について、具体例を示すべき。", "Ｐ．４５"),
        ("第2章第1節について、記述を増やすべき。", "第2章第1節"),
        ("施策11の研修について、回数を示すべき。", "施策11"),
        ("12ページの図表について、出典を示すべき。", "12ページ"),
    ],
)
def test_the_place_at_the_head_of_the_opinion_is_read(opinion: str, ref: str) -> None:
    assert ref_in_opinion(opinion) == ref


@pytest.mark.parametrize(
    "opinion",
    [
        "【意見】35人学級を早期に実現すべき。",  # a bracket that is no place
        "35人学級を早期に実現すべき。",  # the opinion's own number
        "1 計画全体について、わかりやすくすべき。",  # list numbering
        "【13件】窓口のオンライン化を急ぐべき。",  # a count
        "計画全体について、P.7を見ると目標が低い。",  # a page inside the sentence, not its head
        "",
    ],
)
def test_an_opinion_that_names_no_place_first_keeps_an_empty_reference(opinion: str) -> None:
    assert ref_in_opinion(opinion) == ""


def test_a_table_without_a_reference_column_resolves_from_the_opinion() -> None:
    grid = Grid((
        ("番号", "意見の概要", "市の考え方"),
        ("1", "【施策11】職員研修の回数を示すべき。", "ご指摘を踏まえ、回数を追記いたします。"),
        ("2", "P.28の防災DXについて、高齢者への配慮を記載すべき。", "今後の参考とさせていただきます。"),
        ("3", "計画全体について、わかりやすい表現にすべき。", "原案のとおりとします。"),
    ))
    comments = import_comments(rows_from_grids([grid], "kekka.docx"), DOC)
    assert [c.ref for c in comments] == ["施策11", "P.28", ""]
    assert comments[0].resolved_section_paths[0][-1] == "施策11　職員のデジタルスキルの向上"
    assert comments[1].resolved_section_paths[0][-1] == "施策2　防災DXの推進"
    assert not comments[2].resolved_section_paths
    assert [c.opinion for c in comments][0] == "【施策11】職員研修の回数を示すべき。"  # the text stays as written


def test_a_written_reference_is_never_replaced_by_the_opinions_head() -> None:
    grid = Grid((
        ("該当箇所", "意見の概要", "市の考え方"),
        ("施策1", "P.28の防災DXについて、高齢者への配慮を記載すべき。", "今後の参考とさせていただきます。"),
    ))
    assert [c.ref for c in import_comments(rows_from_grids([grid], "kekka.docx"), DOC)] == ["施策1"]
