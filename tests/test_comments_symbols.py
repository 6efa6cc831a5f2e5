"""対応区分 written as bare symbols (A–E, ◎○△×): the file's legend names their
class; without one, each symbol's class is learned from the answers it labels
and used for the answers whose own words decide nothing."""

from __future__ import annotations

from pathlib import Path

from revtool.comments import import_comments, read_comment_table
from revtool.comments.symbols import legend_type, parse_legend, symbol_key
from revtool.comments.table import RawRow
from revtool.model import ResponseType as R

# 「紹介することとしました」 names no edit verb the answer classifier knows
AMBIGUOUS = "御意見を踏まえ、こころのサポーターの養成についてコラムで紹介することとしました。"


def _rows(cells: list[tuple[str, str]]) -> list[RawRow]:
    return [RawRow(i, "P.3", "意見です。", answer, category=cat) for i, (answer, cat) in enumerate(cells, 1)]


def test_symbol_class_learned_from_its_other_answers() -> None:
    rows = _rows([
        ("御意見を踏まえ、目標値を60％に見直しました。", "Ａ"),
        ("御意見を踏まえ、相談窓口について明記しました。", "A"),
        ("御意見を踏まえ、記述を追加しました。", "A"),
        (AMBIGUOUS, "Ａ"),
        ("御意見は今後の参考とさせていただきます。", "C"),
        ("いただいた御意見は、今後の取組の参考とさせていただきます。", "C"),
        ("担当課に伝えます。", "E"),
    ])
    comments = import_comments(rows, None, {})
    c = comments[3]
    assert c.response_type == R.REFLECTED
    assert "区分「A」" in c.response_evidence and "3件中3件が反映" in c.response_evidence
    # answers read on their own words keep their own type and phrase
    assert comments[0].response_evidence.startswith("御意見を踏まえ")
    # a symbol no answer's words decide (E) stays その他: nothing to learn from
    assert comments[6].response_type == R.OTHER and comments[6].response_evidence == ""


def test_no_class_without_enough_agreeing_votes() -> None:
    # one vote is not a class; a split vote (2 反映 / 2 参考) is none either
    one = import_comments(_rows([("御意見を踏まえ、記述を追加しました。", "○"), (AMBIGUOUS, "〇")]), None, {})
    assert one[1].response_type == R.OTHER
    split = import_comments(_rows([
        ("御意見を踏まえ、記述を追加しました。", "○"), ("御意見を踏まえ、相談窓口について明記しました。", "○"),
        ("御意見は今後の参考とさせていただきます。", "○"), ("今後の参考とさせていただきます。", "○"),
        (AMBIGUOUS, "○"),
    ]), None, {})
    assert split[4].response_type == R.OTHER


def test_a_symbols_class_never_overrides_an_answers_own_words() -> None:
    rows = _rows([
        ("御意見を踏まえ、記述を追加しました。", "A"), ("御意見を踏まえ、相談窓口について明記しました。", "A"),
        ("御意見を踏まえ、目標値を見直しました。", "A"), ("御意見は今後の参考とさせていただきます。", "A"),
    ])
    comments = import_comments(rows, None, {})
    assert comments[3].response_type == R.REFERENCE  # its words say 参考; the symbol only fills silence


def test_words_in_the_category_cell_are_not_symbols() -> None:
    assert symbol_key("Ａ") == "A" and symbol_key(" 〇 ") == "○" and symbol_key("×") == "×"
    assert symbol_key("A 反映") == "" and symbol_key("反映") == "" and symbol_key("施策1") == ""


def test_legend_lines_name_each_symbols_class() -> None:
    one_line = parse_legend(["対応区分　Ａ：御意見を踏まえ計画に反映したもの　Ｂ：既に計画に記載しているもの　"
                             "Ｃ：今後の参考とするもの　Ｄ：計画への反映が困難なもの　Ｅ：その他"])
    assert [legend_type(one_line[k]) for k in "ABCDE"] == [R.REFLECTED, R.ALREADY, R.REFERENCE, R.NOT_REFLECTED, R.OTHER]
    lines = parse_legend(["【対応区分】", "◎：ご意見を反映し、計画案に盛り込んだもの", "○：既に計画案に盛り込まれているもの",
                          "△：今後の取組の参考とするもの"])
    assert [legend_type(lines[k]) for k in "◎○△"] == [R.REFLECTED, R.ALREADY, R.REFERENCE]
    assert parse_legend(["A：一つだけの行は凡例ではない"]) == {}


def test_the_legend_above_the_table_wins(tmp_path: Path) -> None:
    path = tmp_path / "iken.tsv"
    path.write_text(
        "【対応区分】\nA：ご意見を反映し、計画案に盛り込んだもの\nB：既に計画案に盛り込まれているもの\n"
        "C：今後の取組の参考とするもの\n\n"
        "No.\t該当箇所\tご意見の要旨\t市の考え方\t対応区分\n"
        f"1\tP.3\t意見です。\t{AMBIGUOUS}\tA\n"
        "2\tP.4\t意見です。\t御意見を踏まえ、記述を追加しました。\tB\n",
        encoding="utf-8")
    rows = read_comment_table(path)
    assert [r.legend for r in rows] == ["ご意見を反映し、計画案に盛り込んだもの", "既に計画案に盛り込まれているもの"]
    first, second = import_comments(rows, None, {})
    assert first.response_type == R.REFLECTED and "凡例" in first.response_evidence
    # the legend wins over the answer's words, with the disagreement said
    assert second.response_type == R.ALREADY and any("食い違" in w for w in second.warnings)


def test_the_legend_paragraph_before_a_word_table(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("計画（素案）に対する御意見の要旨及び県の考え方")
    d.add_paragraph("対応区分　Ａ：御意見を踏まえ計画に反映したもの　Ｂ：既に計画に記載しているもの　Ｃ：今後の参考とするもの")
    t = d.add_table(rows=3, cols=5)
    for row, cells in zip(t.rows, [["番号", "該当箇所", "御意見の要旨", "県の考え方", "対応区分"],
                                   ["1", "P.3", "意見です。", AMBIGUOUS, "Ａ"],
                                   ["2", "P.4", "意見です。", "御意見は今後の参考とさせていただきます。", "Ｃ"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    path = tmp_path / "betsu1.docx"
    d.save(str(path))
    first, second = import_comments(read_comment_table(path), None, {})
    assert first.response_type == R.REFLECTED and "凡例「御意見を踏まえ計画に反映したもの」" in first.response_evidence
    assert second.response_type == R.REFERENCE and not second.warnings


def test_category_words_of_a_refusal_and_of_text_already_there() -> None:
    from revtool.comments.classify import category_type

    assert category_type("反映困難") == R.NOT_REFLECTED  # was read as 反映 by its first word
    assert category_type("計画への反映が困難なもの") == R.NOT_REFLECTED
    assert category_type("既に計画に記載しているもの") == R.ALREADY
    assert category_type("反映") == R.REFLECTED
