"""An answer pointing to another row's answer (「No.6と同様です」) takes that row's type."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool.comments import comments_from_json, comments_to_json, import_comments, read_comment_table
from revtool.comments.answer_refs import answer_pointer
from revtool.comments.table import RawRow
from revtool.model import ResponseType as R


@pytest.mark.parametrize(
    ("response", "number"),
    [
        ("No.6と同様です。", "6"),
        ("No.3と同じです", "3"),
        ("番号5の回答をご参照ください。", "5"),
        ("Ｎｏ．１２と同様です。", "12"),
        ("意見番号4に同じ。", "4"),
        ("No.7のご意見に対する町の考え方をご覧ください。", "7"),
        ("番号72の考え方のとおりです。", "72"),
        ("上記と同様です。", ""),
    ],
)
def test_pointer_read_in_any_register(response: str, number: str) -> None:
    p = answer_pointer(response)
    assert p is not None and p.number == number


@pytest.mark.parametrize("response", [
    "No.6と同様に、記載を追加します。",  # an answer of its own that happens to cite a row
    "ご意見を踏まえ、記載を追加しました。",
    "第3章と同様の考え方です。",
    "平成6年と同じ水準です。",
    "第3章のとおりです。",
    "計画の記載のとおりです。",
])
def test_not_a_pointer(response: str) -> None:
    assert answer_pointer(response) is None


def _rows() -> list[RawRow]:
    return [
        RawRow(1, "P.4", "家族介護者への支援を明記してください。", "ご意見を踏まえ、「家族介護者への支援」の項目を追加しました。", number="10"),
        RawRow(2, "計画全体", "家族介護者への支援を位置付けてください。", "No.10と同様です。", number="11"),
        RawRow(3, "P.5", "もの忘れ検診を導入してほしい。", "既に記載しています。", number="12"),
        RawRow(4, "P.5", "検診を導入してください。", "No.12と同じです", number="13"),
        RawRow(5, "P.6", "同じく。", "No.11と同様です。", number="14"),  # a chain: 14 → 11 → 10
        RawRow(6, "P.6", "意見。", "No.99と同様です。", number="15"),
    ]


def test_pointing_answer_takes_the_referenced_type_and_says_so() -> None:
    c = {x.id: x for x in import_comments(_rows(), None)}
    assert c["C02"].response_type == R.REFLECTED and c["C02"].same_answer_as == "C01"
    assert c["C02"].response_evidence.startswith("No.10 の回答と同じ（C01）")
    assert c["C04"].response_type == R.ALREADY and c["C04"].same_answer_as == "C03"
    assert c["C05"].response_type == R.REFLECTED and c["C05"].same_answer_as == "C01"  # followed through C02
    assert c["C06"].response_type == R.OTHER and not c["C06"].same_answer_as
    assert any("指す意見が表にありません" in w for w in c["C06"].warnings)
    assert not c["C01"].same_answer_as and not c["C03"].same_answer_as


def test_without_a_number_column_the_row_position_is_the_number() -> None:
    rows = [RawRow(1, "P.4", "意見。", "記述を追加しました。"), RawRow(2, "P.4", "意見。", "No.1と同様です。")]
    c = import_comments(rows, None)
    assert c[1].response_type == R.REFLECTED and c[1].same_answer_as == "C01"


def test_the_rows_own_category_still_decides_the_type() -> None:
    rows = [RawRow(1, "P.4", "意見。", "記述を追加しました。"), RawRow(2, "P.4", "意見。", "No.1と同様です。", category="一部反映")]
    c = import_comments(rows, None)
    assert c[1].same_answer_as == "C01" and c[1].response_evidence == "区分「一部反映」"


def test_number_column_read_and_json_round_trip(tmp_path: Path) -> None:
    f = tmp_path / "bessi1.csv"
    f.write_text("No.,該当箇所,ご意見の要旨,町の考え方\n"
                 "3,P. 4,支援を明記してください。,ご意見を踏まえ、支援を記載しました。\n"
                 "4,計画全体,支援を明記すること。,No.3と同様です。\n", encoding="utf-8")
    rows = read_comment_table(f)
    assert [r.number for r in rows] == ["3", "4"]
    got = import_comments(rows, None)
    assert got[1].same_answer_as == "C01" and got[1].response_type == R.REFLECTED
    back = comments_from_json(comments_to_json(got))
    assert back[1].same_answer_as == "C01" and "same_answer_as" not in comments_to_json(got)["comments"][0]
