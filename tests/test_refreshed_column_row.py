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
