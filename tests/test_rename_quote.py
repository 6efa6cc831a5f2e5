"""A heading renamed is said with its whole old and new titles, even when the
same words changed in the paragraph under it (the diff cuts that edit to the
words that differ: 「地域におけるネットワーク」→「地域で支える自殺対策ネットワーク」)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import ChangeKind

from tests.changelog_helpers import change

CH5 = "第５章　自殺対策計画"
OLD, NEW = "１　基本方針１　地域におけるネットワークの強化", "１　基本方針１　地域で支える自殺対策ネットワークの強化"
WHOLE = "名称を「基本方針１　地域におけるネットワークの強化」から「基本方針１　地域で支える自殺対策ネットワークの強化」に変更"


def _renamed():  # type: ignore[no-untyped-def]
    return change((CH5, NEW), OLD, NEW, kind=ChangeKind.RENAMED, block_kind="section", rule="section-renamed",
                  old_path=(CH5, OLD), location="見出し", pages=(38,))


def test_a_rename_repeated_in_its_first_paragraph_quotes_the_whole_titles() -> None:
    text = change((CH5, NEW), "地域におけるネットワーク", "地域で支える自殺対策ネットワーク", old_path=(CH5, OLD),
                  location="段落1", pages=(38,))
    (row,) = build_changelog([_renamed(), text]).rows
    assert row.kind is ChangeKind.RENAMED
    assert row.summary == WHOLE


def test_a_rename_alone_quotes_the_whole_titles() -> None:
    (row,) = build_changelog([_renamed()]).rows
    assert row.summary == WHOLE


def test_two_cells_with_one_replacement_still_say_the_shorter_quote() -> None:
    path = (CH5, NEW)
    a = change(path, "生活援護課", "生活福祉課", block_kind="table", location="表1 行『A』 列『所管課』", pages=(40,))
    b = change(path, "生活援護課（福祉事務所）", "生活福祉課（福祉事務所）", location="段落2", pages=(40,))
    rows = build_changelog([a, b]).rows
    assert any("「生活援護課」" in r.summary and "「生活福祉課」" in r.summary for r in rows)
    assert all("（福祉事務所）」" not in r.summary for r in rows)
