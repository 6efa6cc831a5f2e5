"""Two measures of a 推進方針 (items that title themselves: 「○漁港施設の機能強化　…を推進する。」)
traded places: the order the plan gives its measures in changed — one row (記載順の変更), said
with both names; a plain paragraph moved in its section stays 文言整理 (tests/cases/diff/block_moved)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents
from revtool.compare.titled_items import item_title, measure_title

from tests.diff_helpers import parse_plan

A = "○ため池の防災・減災対策　県民の生命と財産を守るため、ため池の防災・減災対策を推進する。点検を計画的に進める。"
B = "○漁港施設の機能強化　豪雨災害を踏まえ、漁港施設の機能強化を推進する。関係機関と連携して取り組む。"
C = "○森林の保全　山地災害を防ぐため、森林の保全を推進する。"
P1 = "本県の農林水産業は中山間地域に多い。"
P2 = "担い手の高齢化により、施設の管理が難しくなっている。"


def _plan(*blocks: str) -> str:
    return "\n".join(["# 第4章　強靱化の推進方針", "## （8）　農林水産", "@p 25", *blocks]) + "\n"


def test_titles_of_measures() -> None:
    assert measure_title(A) == "ため池の防災・減災対策"  # the body repeats its title
    assert measure_title(B) == "漁港施設の機能強化"  # named by an action (強化)
    assert item_title("○背景　近年は災害が多い。") == "背景" and measure_title("○背景　近年は災害が多い。") == ""
    assert item_title(P1) == "" and measure_title("（背景）　近年は災害が多い。") == ""


def test_measures_swapped_make_one_row_naming_both() -> None:
    old, new = parse_plan(_plan(P1, A, B, C)), parse_plan(_plan(P1, B, A, C))
    changes = diff_documents(old, new)
    moved = [c for c in changes if c.substantive]
    assert len(moved) == 1 and moved[0].verdict.rule == "item-reordered"
    assert "記載順" in moved[0].verdict.evidence  # why it is a row (DESIGN §4)
    (row,) = build_changelog(changes).rows
    assert "記載順を変更" in row.summary
    assert "ため池の防災・減災対策" in row.summary and "漁港施設の機能強化" in row.summary
    assert row.new_pages == (25,)
    assert row.cause.type.value == "internal" and "推定" in row.cause.evidence  # inferred, and said so


def test_plain_paragraphs_swapped_stay_editorial() -> None:
    old, new = parse_plan(_plan(P1, P2, A)), parse_plan(_plan(P2, P1, A))
    changes = diff_documents(old, new)
    assert changes and not any(c.substantive for c in changes)
    assert build_changelog(changes).rows == ()
