"""One 取組 added in its 施策's （2）取組内容 and in its schedule table is one row."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.entry_places import named_by
from revtool.model import ChangeKind
from tests.changelog_helpers import change

CH5 = "第5章　目標達成のための施策"
POLICY = "5-2　基本方針1　持続可能な公共交通ネットワークの形成"
M12 = "5-2-2　施策1-2　コミュニティバスの路線再編"
M13 = "5-2-3　施策1-3　デマンド型交通の導入"
WORK, PLAN = "(2)　取組内容", "(3)　実施主体とスケジュール"


def _item(measure: str, text: str, page: int) -> object:
    return change((CH5, POLICY, measure, WORK), "", text, kind=ChangeKind.ADDED, rule="block-added",
                  block_kind="list", location="箇条書き5", pages=(page,))


def _line(measure: str, cells: list[str], page: int) -> object:
    return change((CH5, POLICY, measure, PLAN), "", " | ".join(cells), kind=ChangeKind.ADDED, rule="row-added",
                  block_kind="table", location=f"表1 行『{cells[0]}』", pages=(page,))


def test_a_measure_added_to_the_text_and_to_its_schedule_is_one_row() -> None:
    rows = build_changelog([
        _item(M12, "⑤　地域の要望を踏まえ、南部地区への停留所の新設を検討します。", 17),
        _line(M12, ["停留所の新設", "市", "検討", "実施", "→"], 18),
    ]).rows
    assert len(rows) == 1
    row = rows[0]
    assert [p[-1] for p in row.section_paths] == [WORK, PLAN] and row.new_pages == (17, 18)
    assert "隣の節に加えた文がその語で述べる同じ事柄" in row.grouping


def test_a_schedule_line_the_text_does_not_name_stays_its_own_row() -> None:
    # another 取組 in the schedule, or the same words under another 施策: two decisions
    other = build_changelog([
        _item(M12, "⑤　地域の要望を踏まえ、南部地区への停留所の新設を検討します。", 17),
        _line(M12, ["乗継ぎ割引", "市", "検討", "実施", "→"], 18),
    ]).rows
    assert len(other) == 2
    elsewhere = build_changelog([
        _item(M12, "⑤　地域の要望を踏まえ、南部地区への停留所の新設を検討します。", 17),
        _line(M13, ["停留所の新設", "市", "検討", "実施", "→"], 19),
    ]).rows
    assert len(elsewhere) == 2


def test_a_row_name_is_said_by_its_words_not_its_letters() -> None:
    assert named_by("女性運転士の確保", "女性や若年層の運転士を確保するため、多様な働き方を支援します。")
    assert named_by("車両の小型化", "利用の少ない時間帯について、小型車両による運行への切替えを協議します。")
    assert not named_by("乗継ぎ割引", "乗継ぎ拠点を整備します。")
    assert not named_by("新設", "停留所を新設します。")  # one word is too little to tell
