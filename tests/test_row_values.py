"""A table row added is said with its name AND its figures (issue 11):
成果指標に「利用者数」（現状値 2万人、目標値 8万人）を追加."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.row_values import row_values
from revtool.model import Document, Section
from tests.changelog_helpers import CH3, EACH, IND, S1, row_added, table_block

INDICATORS = ["指標", "現状値（令和6年度）", "目標値（令和11年度）"]


def test_a_row_of_figures_is_said_by_each_figure_after_its_header() -> None:
    assert row_values(["公共交通の利用率", "53％", "63％"], INDICATORS, "公共交通の利用率") == "（現状値 53％、目標値 63％）"


def test_what_the_figures_measure_is_said_before_them_and_the_office_after_them_is_not() -> None:
    header = ["主な事業", "指標", "現状値", "目標値", "担当課"]
    cells = ["（新規）干潟普及啓発事業", "実施率", "－", "40%", "自然環境課"]
    assert row_values(cells, header, "（新規）干潟普及啓発事業") == "（実施率の目標値 40%）"


def test_a_year_column_dates_the_figure_before_it() -> None:
    header = ["指標名", "現状値", "目標値", "年度"]
    cells = ["リカレント教育に関する講座の受講者数", "3.2万人（令和６年度）", "5万人", "令和12年度"]
    assert row_values(cells, header, cells[0]) == "（現状値 3.2万人（令和６年度）、目標値 5万人（令和12年度））"


def test_a_unit_column_goes_with_each_figure() -> None:
    header = ["指標名", "単位", "現状値（令和6年度）", "目標値（令和12年度）"]
    cells = ["こどもの権利の保障に関する講座・イベントの参加者数", "人", "853", "1,200"]
    assert row_values(cells, header, cells[0]) == "（現状値 853人、目標値 1,200人）"


def test_a_row_without_figures_or_without_a_header_says_nothing_more() -> None:
    header = ["事業名", "内容", "所管課"]
    assert row_values(["みらいアプリ事業", "障害のある方を対象に文化振興を支援する", "障害福祉課"], header, "みらいアプリ事業") == ""
    assert row_values(["公共交通の利用率", "53％", "63％"], [], "公共交通の利用率") == ""


def test_a_series_over_years_is_said_by_its_label_first_and_last_figure() -> None:
    header = ["事業名", "区分", "実績（令和６年度）", "令和７年度", "令和８年度", "令和９年度", "令和10年度", "令和11年度"]
    cells = ["子育て世帯訪問支援事業", "量の見込み（人）", "－", "30", "40", "50", "60", "70"]
    assert row_values(cells, header, "子育て世帯訪問支援事業") == "（量の見込み（人）の令和７年度 30 ～ 令和11年度 70）"


def test_the_changelog_row_of_an_added_indicator_names_its_figures() -> None:
    table = table_block([INDICATORS, ["登録者数", "1万人", "5万人"], ["利用者数", "2万人", "8万人"]])
    measure = Section(heading=S1, number="施策1", title="デジタル地域通貨の活用", level=3,
                      children=(Section(heading=IND, number="（2）", title="成果指標", level=4, blocks=(table,)),))
    each = Section(heading=EACH, number="1.", title="施策ごとの取組", level=2, children=(measure,))
    doc = Document(title="計画", sections=(Section(heading=CH3, number="第3章", title="DXの取組", level=1, children=(each,)),))
    (row,) = build_changelog([row_added((CH3, EACH, S1, IND), ["利用者数", "2万人", "8万人"], pages=(21,))], new_doc=doc).rows
    assert "「利用者数」（現状値 2万人、目標値 8万人）" in row.summary
    assert row.summary.endswith("を追加")


def test_the_rows_of_one_name_are_one_clause() -> None:
    """A 事業 added with its 量の見込み and 確保方策 rows (the 事業名 merged over both)."""
    header = ["事業名", "区分", "実績（令和６年度）", "令和７年度", "令和８年度", "令和９年度", "令和10年度", "令和11年度"]
    rows = [["児童育成支援拠点事業", "量の見込み（人）", "－", "38", "40", "42", "44", "47"],
            ["児童育成支援拠点事業", "確保方策（人）", "－", "44", "46", "49", "51", "55"]]
    table = table_block([header, ["放課後児童健全育成事業", "量の見込み（人）", "1,471", "1,488", "1,517", "1,541", "1,574", "1,608"], *rows])
    path = (CH3, EACH, S1, IND)
    measure = Section(heading=S1, number="施策1", title="デジタル地域通貨の活用", level=3,
                      children=(Section(heading=IND, number="（2）", title="成果指標", level=4, blocks=(table,)),))
    each = Section(heading=EACH, number="1.", title="施策ごとの取組", level=2, children=(measure,))
    doc = Document(title="計画", sections=(Section(heading=CH3, number="第3章", title="DXの取組", level=1, children=(each,)),))
    (row,) = build_changelog([row_added(path, r, pages=(9,)) for r in rows], new_doc=doc).rows
    assert row.summary.count("「児童育成支援拠点事業」") == 1
    assert "量の見込み（人）の令和７年度 38 ～ 令和11年度 47、確保方策（人）の令和７年度 44 ～ 令和11年度 55" in row.summary
