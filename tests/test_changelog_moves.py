"""A 施策 moved to another 政策 is one row with its line of the 施策体系 table:
the row cites the heading's page and the table's page, and says both parents."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import CauseType, ChangeKind

from tests.changelog_helpers import cell, change

CH3 = "第３章　施策の展開"
GOAL2, GOAL5 = "基本目標２　健康で安心して暮らせるまち", "基本目標５　市民とともにつくるまち"
POL22, POL51 = "政策２－２　地域福祉の推進", "政策５－１　協働と多様性"
OLD_H, NEW_H = "施策２－２－２　重層的な支援体制の構築", "施策５－１－３　重層的な支援体制の構築"


def _moved(old_parent: tuple[str, ...], new_parent: tuple[str, ...], old_h: str, new_h: str):  # type: ignore[no-untyped-def]
    return change(new_parent + (new_h,), old_h, new_h, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
                  old_path=old_parent + (old_h,), location="見出し", pages=(22,))


def test_a_section_moved_to_another_parent_takes_its_overview_line() -> None:
    line = cell((CH3,), "５－１－３ 重層的な支援体制の構築", "施策", "２－２－２ 重層的な支援体制の構築",
                "５－１－３ 重層的な支援体制の構築", pages=(3,))
    (row,) = build_changelog([line, _moved((CH3, GOAL2, POL22), (CH3, GOAL5, POL51), OLD_H, NEW_H)]).rows
    assert row.new_pages == (3, 22)
    # as staff write it: the 施策 by its old number and title, the 政策 by their numbers, the new number last
    assert row.summary == "施策２－２－２「重層的な支援体制の構築」を政策２－２から政策５－１に移動（施策５－１－３）"
    assert "移動" in row.grouping


def test_a_section_moved_within_its_parent_takes_no_overview_line() -> None:
    line = cell((CH3,), "５－１－３ 観光の振興", "施策", "５－１－１ 観光の振興", "５－１－３ 観光の振興", pages=(3,))
    moved = _moved((CH3, GOAL5, POL51), (CH3, GOAL5, POL51), "施策５－１－１　観光の振興", "施策５－１－３　観光の振興")
    rows = build_changelog([line, moved]).rows
    assert all(r.new_pages != (3, 22) and "の移動が" not in r.grouping for r in rows)


def test_a_section_numbered_twice_moved_takes_its_overview_line() -> None:
    """5-3-3　施策2-3　… → 5-4-5　施策3-5　…: the heading carries its place number and its
    施策 number; the 施策の体系 writes 施策2-3　… → 施策3-5　…. The title alone names both:
    one row, not a row for the heading's numbers and another for the table."""
    ch5 = "第5章　目標達成のための施策"
    pol2, pol3 = "5-3　基本方針2　誰もが安心して利用できる公共交通サービスの提供", "5-4　基本方針3　地域とともに支え育てる公共交通の実現"
    title = "高齢者・障がいのある人の移動支援"
    line = cell((ch5, "5-1　施策の体系"), "免許返納者支援", "施策", f"施策2-3　{title}", f"施策3-5　{title}", pages=(14,))
    moved = _moved((ch5, pol2), (ch5, pol3), f"5-3-3　施策2-3　{title}", f"5-4-5　施策3-5　{title}")
    (row,) = build_changelog([line, moved]).rows
    assert row.new_pages == (14, 22)
    assert row.summary == f"施策2-3「{title}」を基本方針2から基本方針3に移動（施策3-5）"


def test_parents_without_a_level_number_are_named_by_their_titles() -> None:
    """１　… and ２　… carry no level word: the parents are named by their titles, the section has no number to add."""
    top = "Ⅳ　施策の展開"
    moved = _moved((top, "２　安心して暮らせるまちづくり"), (top, "１　地域包括ケアシステムの深化・推進"),
                   "（３）災害・感染症への備え", "（４）災害・感染症への備え")
    (row,) = build_changelog([moved]).rows
    assert row.summary == "「災害・感染症への備え」を「安心して暮らせるまちづくり」から「地域包括ケアシステムの深化・推進」に移動"


def test_parents_with_the_same_number_are_named_by_their_titles() -> None:
    """基本目標Ⅱ renamed in the same revision is no move from 基本目標Ⅱ to 基本目標Ⅱ."""
    top = "第４章　施策の展開"
    moved = _moved((top, "基本目標２　女性の活躍推進"), (top, "基本目標２　女性の参画と活躍の推進"),
                   "施策の方向５　防災分野における男女共同参画", "施策の方向６　防災分野における男女共同参画")
    (row,) = build_changelog([moved]).rows
    assert "基本目標「女性の活躍推進」から基本目標「女性の参画と活躍の推進」に移動" in row.summary


def test_a_paragraph_moved_as_it_was_is_no_organisation_change() -> None:
    """A paragraph moved, word for word, to another 施策's 現状と課題 and nothing else:
    the office's own restructuring (internal, inferred), with its own evidence —
    not 組織名のみの変更, which needs a changed name."""
    top = "第３章　施策の展開"
    old_path = (top, "施策１－２－２　不登校やいじめへの対応", "現状と課題")
    new_path = (top, "施策２－１－１　生涯を通じた健康づくり", "現状と課題")
    text = "なお、生涯を通じた健康づくりの観点からも、不登校やいじめへの対応に関する取組と連携した対応を進める必要があります。"
    moved = change(new_path, text, text, kind=ChangeKind.MOVED, rule="block-moved", old_path=old_path,
                   location="現状と課題 段落4 → 段落4", pages=(8,))
    (row,) = build_changelog([moved]).rows
    assert row.kind is ChangeKind.MOVED
    assert row.cause.type is CauseType.INTERNAL and row.cause.comment_ids == ()
    assert "組織" not in row.cause.evidence
    assert "文言を変えずに" in row.cause.evidence and "移動" in row.cause.evidence and "推定" in row.cause.evidence
    assert "組織" not in row.summary and "移動" in row.summary
