"""A 節 split in two while the old 節 took a new name (issue 11, blind5
tuning kinds): 「不登校・いじめへの対応」 became 「不登校児童生徒への支援」 and a new
「いじめの防止と早期対応」. Staff write one row, 「A」を「B」と「C」に分割: the
rename of the old 節, the new 節, what was cut from the old 節's text into the
new one and the 施策の体系 line that lost the new 節's name are that row, not
a rename, a split and two deletions."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import ChangeKind

from tests.changelog_helpers import cell, change

CH = "第3章　誰一人取り残さない教育の推進"
OLD_TITLE, KEPT, ADDED = "第2節　不登校・いじめへの対応", "第2節　不登校児童生徒への支援", "第3節　いじめの防止と早期対応"
ISSUES = "1　現状と課題"
OVERVIEW = ("第1章　基本理念と施策の体系", "第2節　施策の体系")
NEW_BODY = "本県では、いじめの認知件数が増加しています。\nいじめの早期発見・早期対応が課題となっています。"


def _changes(cut_old: str = "多様な学びの場の確保と、いじめの早期発見・早期対応が課題です。") -> list:  # type: ignore[type-arg]
    return [
        cell(OVERVIEW, "不登校児童生徒への支援", "主な取組", "不登校児童生徒への支援／いじめの防止と早期対応",
             "不登校児童生徒への支援", pages=(7,)),
        change((CH, KEPT), OLD_TITLE, KEPT, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=(CH, OLD_TITLE), pages=(11,)),
        change((CH, KEPT, ISSUES), cut_old, "多様な学びの場の確保が課題です。", old_path=(CH, OLD_TITLE, ISSUES), pages=(11,)),
        change((CH, ADDED), "", f"{ADDED}\n{ISSUES}\n{NEW_BODY}", kind=ChangeKind.ADDED, block_kind="section",
               rule="section-added", location="節全体", old_path=(), pages=(12,)),
        change((CH, ADDED, ISSUES), ISSUES, ISSUES, kind=ChangeKind.SPLIT, block_kind="section", rule="heading",
               old_path=(CH, OLD_TITLE, ISSUES), pages=(12,)),
    ]


def test_a_split_whose_old_section_was_renamed_is_one_row_naming_both_parts() -> None:
    (row,) = build_changelog(_changes()).rows
    assert row.summary == "「不登校・いじめへの対応」を「不登校児童生徒への支援」と「いじめの防止と早期対応」に分割"
    assert {(CH, KEPT), (CH, ADDED), OVERVIEW} <= set(row.section_paths)
    assert {7, 11, 12} <= set(row.new_pages)
    assert "改称も分割の一部" in row.grouping
    assert "削られた内容が新しい「いじめの防止と早期対応」にある" in row.grouping


def test_an_edit_of_the_old_section_unrelated_to_the_new_one_stays_its_own_row() -> None:
    """A sentence of the old 節 rewritten with words the new 節 does not hold is
    another decision: it stays a row."""
    rows = build_changelog(_changes("多様な学びの場の確保と、フリースクールとの連携が課題です。")).rows
    assert len(rows) == 2
    assert any("分割" in r.summary for r in rows)
    assert any("フリースクール" in r.summary for r in rows)


def test_a_sentence_of_the_old_section_rewritten_mostly_by_the_cut_is_part_of_the_split() -> None:
    """「…数は過去最多を更新し、いじめの認知件数も増加しています。」 →
    「…数が過去最多を更新しています。」, read as one rewording: it mostly lost
    words the new 節 holds (いじめの認知件数), so it is the split's cut too."""
    changes = _changes()
    changes[2] = change((CH, KEPT, ISSUES), "本県では、不登校児童生徒数は過去最多を更新し、いじめの認知件数も増加しています。",
                        "本県では、不登校児童生徒数が過去最多を更新しています。", old_path=(CH, OLD_TITLE, ISSUES), pages=(11,))
    (row,) = build_changelog(changes).rows
    assert "に分割" in row.summary
