"""A national plan replaced by its next edition (第５次 → 第６次男女共同参画基本計画):
the 国の動向 says when it was decided (令和７年12月…閣議決定), and the 趣旨 that cites
the plan with its date only has its edition and date brought up to date — the same
outside revision, one row with both places; an edition that is not the one cited
elsewhere stays its own row."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import CauseType

from tests.changelog_helpers import change

PURPOSE = ("第１部　計画の基本的な考え方", "１　計画策定の趣旨")
TRENDS = ("第１部　計画の基本的な考え方", "５　国の動向")
OLD_PURPOSE = "本計画は、国の第５次男女共同参画基本計画（令和２年12月閣議決定）を踏まえ、県の施策の方向を示すものである。"
OLD_TRENDS = "国は、女性活躍推進法に基づく取組を進めている。"
NEW_TRENDS = OLD_TRENDS + "令和７年12月には、「第６次男女共同参画基本計画」が閣議決定された。"


def _rows(new_purpose: str) -> tuple:  # type: ignore[type-arg]
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(purpose: str, trends: str) -> object:
        return _doc(_section(PURPOSE[0], _section(PURPOSE[1], blocks=(_para(purpose),)),
                             _section(TRENDS[1], blocks=(_para(trends),))))
    old, new = plan(OLD_PURPOSE, OLD_TRENDS), plan(new_purpose, NEW_TRENDS)
    changes = [change(PURPOSE, OLD_PURPOSE, new_purpose, pages=(1,)), change(TRENDS, OLD_TRENDS, NEW_TRENDS, pages=(2,))]
    return build_changelog(changes, new_doc=new, old_doc=old).rows


def test_the_edition_and_date_brought_up_to_date_are_the_same_revision() -> None:
    (row,) = _rows(OLD_PURPOSE.replace("第５次", "第６次").replace("令和２年12月", "令和７年12月"))
    assert row.cause.type == CauseType.EXTERNAL
    assert row.new_pages == (1, 2)
    assert set(row.section_paths) == {PURPOSE, TRENDS}


def test_another_edition_or_another_text_stays_its_own_row() -> None:
    assert len(_rows(OLD_PURPOSE.replace("第５次", "第７次").replace("令和２年12月", "令和７年12月"))) == 2
    assert len(_rows(OLD_PURPOSE.replace("第５次", "第６次").replace("県の施策の方向", "県の施策の体系"))) == 2
