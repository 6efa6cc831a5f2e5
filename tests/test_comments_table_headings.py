"""Result tables without a 該当箇所 column group their rows under heading rows
(「第３章について」「１．総論」「【全体】」), as ministries publish パブコメ results:
the heading is where each row below it points, unless the row says otherwise."""

from __future__ import annotations

from revtool.comments import import_comments
from revtool.comments.table import Grid, group_heading, rows_from_grids
from revtool.model import Block, BlockKind, Document, PageSpan, Section

HEADER = ("番号", "御意見の概要", "御意見に対する考え方")


def _plan() -> Document:
    def sec(num: str, title: str, text: str, page: int) -> Section:
        return Section(f"{num}　{title}", num, title, 1, blocks=(Block(BlockKind.PARAGRAPH, text),),
                       pages=PageSpan(page, page + 3))
    return Document(sections=(
        sec("第1章", "計画の基本的事項", "計画の趣旨と位置付けを示します。", 1),
        sec("第2章", "現状と課題", "高齢化率は上昇しています。", 5),
        sec("第3章", "施策の展開", "地域の見守り体制を強化します。", 9)))


def test_heading_rows_of_a_result_table_become_the_reference_of_the_rows_below():
    grid = Grid(rows=(
        ("「〇〇計画（案）」に対する意見募集の結果", None, None),
        HEADER,
        ("第２章について", "第２章について", "第２章について"),  # a merged row, filled in every cell
        ("1", "高齢化率の推計の出典を示してください。", "出典を追記いたします。"),
        ("2", "課題の整理が不十分です。", "原案のとおりとさせていただきます。"),
        ("【第３章　施策の展開】", "", ""),
        ("3", "見守り体制の強化に賛成します。", "御意見として承ります。"),
        ("4", "【P.1】計画の趣旨を分かりやすくしてください。", "今後の参考とさせていただきます。"),
    ))
    rows = rows_from_grids([grid], "kekka.xlsx")
    assert [r.number for r in rows] == ["1", "2", "3", "4"]  # headings are not comments
    assert [r.group for r in rows] == ["第２章について", "第２章について", "【第３章　施策の展開】", "【第３章　施策の展開】"]
    assert all(r.ref == "" for r in rows)  # the table has no 該当箇所 column: nothing invented in ref itself
    comments = import_comments(rows, _plan())
    assert [c.ref for c in comments] == ["第２章について", "第２章について", "【第３章　施策の展開】", "P.1"]
    assert [c.resolved_section_paths for c in comments] == [(("第2章　現状と課題",),)] * 2 + [
        (("第3章　施策の展開",),), (("第1章　計画の基本的事項",),)]


def test_a_row_with_its_own_reference_keeps_it_under_a_heading():
    grid = Grid(rows=(("該当箇所", "意見の要旨", "市の考え方"), ("１．総論", None, None),
                      ("P.5", "現状の数値を更新してください。", "更新します。"), ("", "全体に賛成です。", "承ります。")))
    rows = rows_from_grids([grid], "kekka.pdf")
    assert [(r.ref, r.group) for r in rows] == [("P.5", "１．総論"), ("", "１．総論")]


def test_what_is_not_a_heading():
    assert group_heading(("12", "", "")) == ""  # a row number alone
    assert group_heading(("", "賛成です", "")) == ""  # a short opinion without an answer
    assert group_heading(("", "第３章の記述を充実すべき", "")) == ""  # an opinion naming a chapter
    assert group_heading(("第１章について", "御意見を踏まえ修正します。", "")) == ""  # two texts: a data row
    assert group_heading(("", "この計画全体について、高齢者の視点が欠けているので見直してほしいと考えます", "")) == ""
    assert group_heading(("第２部第１章関係", None, None)) == "第２部第１章関係"
    assert group_heading(("計画全般に関する御意見", "", "")) == "計画全般に関する御意見"
    assert group_heading(("１．計画の基本的事項", "", "")) == "１．計画の基本的事項"
    assert group_heading(("■全体", "", "")) == "■全体"


def test_a_ruled_pdf_result_table_with_rows_merged_across_for_headings():
    # tests/fixtures/comments/headings.pdf: 番号 | 御意見の概要 | 御意見に対する考え方, with
    # 「第２章について」 and 「第３章について」 in one cell ruled across the table
    # (written by benchmarks.blind5_family.write_ruled_pdf; no font file needed)
    from pathlib import Path

    from revtool.comments import read_comment_table

    rows = read_comment_table(Path(__file__).parent / "fixtures" / "comments" / "headings.pdf")
    assert [(r.number, r.group) for r in rows] == [("1", "第２章について"), ("2", "第２章について"), ("3", "第３章について")]
    assert rows[0].opinion == "高齢化率の推計の出典を示してください。" and rows[2].response == "御意見として承ります。"
    assert [c.resolved_section_paths for c in import_comments(rows, _plan())] == [
        (("第2章　現状と課題",),), (("第2章　現状と課題",),), (("第3章　施策の展開",),)]


def test_a_data_row_with_only_its_place_filled_is_not_a_heading():
    grid = Grid(rows=(("該当箇所", "意見の概要", "市の考え方"), ("P.3", "", ""), ("P.4", "駐輪場を設けてほしい。", "参考とします。"),
                      ("第２章について", "", ""), ("", "全体に賛成です。", "承ります。")))
    rows = rows_from_grids([grid], "t.tsv")
    assert [(r.ref, r.group) for r in rows] == [("P.4", ""), ("", "第２章について")]  # P.3: empty row, dropped as before
    kept = rows_from_grids([Grid(rows=grid.rows[:3], row_notes=((1, "B2: 保存された値がない数式"),))], "t.xlsx")
    assert [(r.ref, r.group) for r in kept] == [("P.3", ""), ("P.4", "")]  # a row the reader noted is kept as a row
