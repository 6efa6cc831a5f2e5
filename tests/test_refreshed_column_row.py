"""A KPI table whose 現状値 column was brought up to a later year in every row (96,000人（令和5年度）
→ 98,880人（令和6年度））, nothing else changed: the plan's own update (internal, inferred, said so),
summarised by the column and the year it now stands at. One figure alone moved on stays unexplained
(a correction may have been asked for)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents

from tests.diff_helpers import parse_plan


def _plan(rows: list[tuple[str, str, str]]) -> str:
    return "\n".join(["# 第4章　強靱化の推進方針", "## （５）　情報通信", "@p 20", "重要業績指標は次のとおり。",
                      "| 指標 | 現状値（年度） | 目標値（年度） |", *[f"| {a} | {b} | {c} |" for a, b, c in rows]]) + "\n"


OLD = [("防災情報メール登録者数", "96,000人（令和5年度）", "120,000人（令和12年度）"),
       ("伝達手段を複数確保した市町村数", "28市町村（令和5年度）", "35市町村（令和12年度）")]
NEW = [("防災情報メール登録者数", "98,880人（令和6年度）", "120,000人（令和12年度）"),
       ("伝達手段を複数確保した市町村数", "30市町村（令和6年度）", "35市町村（令和12年度）")]


def test_column_moved_to_a_later_year_is_the_plans_own_update() -> None:
    (row,) = build_changelog(diff_documents(parse_plan(_plan(OLD)), parse_plan(_plan(NEW)))).rows
    assert row.cause.type.value == "internal"
    assert "時点更新と推定" in row.cause.evidence and "現状値" in row.cause.evidence
    assert "令和6年度" in row.summary and "現状値" in row.summary


def test_one_figure_moved_on_stays_unexplained() -> None:
    new = [NEW[0], OLD[1]]
    (row,) = build_changelog(diff_documents(parse_plan(_plan(OLD)), parse_plan(_plan(new)))).rows
    assert row.cause.type.value == "unknown"


def test_figures_moved_back_are_no_update() -> None:
    back = [("防災情報メール登録者数", "98,880人（令和4年度）", "120,000人（令和12年度）"),
            ("伝達手段を複数確保した市町村数", "30市町村（令和4年度）", "35市町村（令和12年度）")]
    (row,) = build_changelog(diff_documents(parse_plan(_plan(OLD)), parse_plan(_plan(back)))).rows
    assert row.cause.type.value == "unknown"


def test_a_refreshed_column_beside_a_raised_target_is_said_by_its_column_and_date() -> None:
    """現状値（令和5年度） → 現状値（令和6年度） with its figures, and a 目標値 raised on a comment in the
    same table: the refresh is its own row, said as staff write it — what was updated and to which
    year, one figure as the example (blind16 tuning kind), not 「現状値（令和6年度）の一覧を更新」."""
    def plan(year: str, rows: list[tuple[str, str, str]]) -> str:
        return "\n".join(["# 第5章　計画の推進", "## 3　成果指標", "@p 30", "成果指標は次のとおりです。",
                          f"| 指標 | 現状値（{year}） | 目標値（令和12年度） |", *[f"| {a} | {b} | {c} |" for a, b, c in rows]]) + "\n"
    old = plan("令和5年度", [("ボランティアの登録者数", "85人", "120人"), ("サロンの数", "222か所", "240か所"),
                            ("相談窓口を知っている市民の割合", "41％", "51％")])
    new = plan("令和6年度", [("ボランティアの登録者数", "103人", "120人"), ("サロンの数", "226か所", "240か所"),
                            ("相談窓口を知っている市民の割合", "42％", "56％")])
    rows = build_changelog(diff_documents(parse_plan(old), parse_plan(new))).rows
    refresh = next(r for r in rows if r.cause.type.value == "internal")
    assert refresh.summary == "成果指標の「現状値」を令和5年度から令和6年度の値に更新（ボランティアの登録者数 85人 → 103人ほか）"
    assert any("56％" in r.summary for r in rows if r is not refresh)
