"""A section moved: to another parent it is said with both parents; within its
parent it only changed place."""

from __future__ import annotations

from revtool.changes.facts import facts_of
from revtool.changes.summary import fact_clauses, summarize
from revtool.model import CauseType, ChangeKind
from tests.changelog_helpers import change

CH3 = "第３章　施策の展開"
GOAL2 = "基本目標２　健康で、支え合いながら安心して暮らせるまち"
GOAL5 = "基本目標５　市民とともにつくる持続可能なまち"
POL22 = "政策２－２　地域福祉の推進"
POL51 = "政策５－１　協働と多様性"


def test_a_section_moved_to_another_parent_names_both_parents() -> None:
    moved = change((CH3, GOAL5, POL51, "施策５－１－３　重層的な支援体制の構築"),
                   "施策２－２－２　重層的な支援体制の構築", "施策５－１－３　重層的な支援体制の構築",
                   kind=ChangeKind.MOVED, block_kind="section",
                   old_path=(CH3, GOAL2, POL22, "施策２－２－２　重層的な支援体制の構築"))
    fs = facts_of(moved)
    assert fact_clauses(fs) == ["施策２－２－２「重層的な支援体制の構築」を政策２－２から政策５－１に移動（施策５－１－３）"]
    assert summarize(fs, CauseType.UNKNOWN) == fact_clauses(fs)[0]


def test_parents_of_the_same_name_are_told_apart_by_the_heading_above_them() -> None:
    # （２）主な取組 of 施策1 → （２）主な取組 of 施策3: the part is named with its own 施策
    moved = change(("第3章　施策", "施策3　子育て支援", "（２）主な取組", "ア　相談窓口の充実"),
                   "ア　相談窓口の充実", "ア　相談窓口の充実", kind=ChangeKind.MOVED, block_kind="section",
                   old_path=("第3章　施策", "施策1　健康づくり", "（２）主な取組", "イ　相談窓口の充実"))
    assert fact_clauses(facts_of(moved)) == ["「相談窓口の充実」を施策「健康づくり」の主な取組から施策「子育て支援」の主な取組に移動"]


def test_a_section_moved_within_its_parent_only_changes_place() -> None:
    moved = change((CH3, GOAL5, POL51, "施策５－１－３　観光の振興"), "施策５－１－１　観光の振興", "施策５－１－３　観光の振興",
                   kind=ChangeKind.MOVED, block_kind="section", old_path=(CH3, GOAL5, POL51, "施策５－１－１　観光の振興"))
    assert fact_clauses(facts_of(moved)) == ["「観光の振興」の掲載位置を変更"]
