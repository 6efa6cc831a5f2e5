"""One outside revision quoted in several places is one row (issue 11, blind9
tuning kind), on a small hand-made 医療計画: the national 「医療計画作成指針」
revised once, written into the plan's 位置付け and again into a 節 — one row
listing both places and both pages; two different revisions stay two rows."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import CauseType

from tests.changelog_helpers import change

BASICS = ("第１章　計画の基本的事項", "２　計画の位置付け")
INFECTION = ("第４章　５疾病・６事業及び在宅医療", "第８節　新興感染症発生・まん延時における医療", "２　目指すべき方向")
OLD_BASICS = "本計画は、国の「医療計画作成指針」（令和５年３月31日付け医政発0331第16号）を踏まえて策定するものです。"
NEW_BASICS = "本計画は、国の「医療計画作成指針」（令和５年３月31日付け医政発0331第16号）（令和７年６月一部改正）を踏まえて策定するものです。"
OLD_INFECTION = "平時から協定締結医療機関との訓練を実施します。"


def _docs(infection_new: str) -> tuple:  # type: ignore[type-arg]
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(basics: str, infection: str) -> object:
        return _doc(_section(BASICS[0], _section(BASICS[1], blocks=(_para(basics),))),
                    _section(INFECTION[0], _section(INFECTION[1], _section(INFECTION[2], blocks=(_para(infection),)))))
    return plan(OLD_BASICS, OLD_INFECTION), plan(NEW_BASICS, infection_new)


def _rows(infection_new: str) -> tuple:  # type: ignore[type-arg]
    old, new = _docs(infection_new)
    changes = [change(BASICS, OLD_BASICS, NEW_BASICS, pages=(1,)),
               change(INFECTION, OLD_INFECTION, infection_new, pages=(39,))]
    return build_changelog(changes, new_doc=new, old_doc=old).rows


def test_the_same_guideline_revision_in_two_places_is_one_row() -> None:
    (row,) = _rows(OLD_INFECTION + "なお、令和７年６月に国の「医療計画作成指針」が一部改正され、協定締結医療機関の役割に関する記載が求められました。")
    assert row.cause.type == CauseType.EXTERNAL
    assert row.new_pages == (1, 39)
    assert row.section_paths == (BASICS, INFECTION)
    assert "同じ外部の改定等（改正：「医療計画作成指針」、令和７年６月）を引く2か所のため一つの行" in row.grouping
    assert "医療計画作成指針" in row.summary


def test_a_revision_of_another_date_stays_its_own_row() -> None:
    rows = _rows(OLD_INFECTION + "なお、令和７年12月に国の「医療計画作成指針」が一部改正され、協定締結医療機関の役割に関する記載が求められました。")
    assert len(rows) == 2
    assert all("同じ外部の改定等" not in r.grouping for r in rows)
