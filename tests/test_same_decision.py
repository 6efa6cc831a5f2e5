"""One decision repeated in many places is one row (issue 11, blind5 tuning
kinds), on small hand-made cases of a 県's 教育振興基本計画: the 基準値 column
of the KPI table of every 節 brought to the newer year is one row, wherever
the 節 stand; a 目標値 raised in one of those tables stays its own row; a
column whose cells moved by different steps is no common decision."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog

from tests.changelog_helpers import cell

MEASURES = "第2編　施策の展開"
CH2, CH4 = "第2章　確かな学力と豊かな心の育成", "第4章　学びを支える教育環境の整備"
KPI_A = (MEASURES, CH2, "第1節　確かな学力の育成", "3　成果指標")
KPI_B = (MEASURES, CH4, "第3節　学校・家庭・地域の連携・協働", "3　成果指標")
BASE, GOAL = "基準値（年度）", "目標値（年度）"


def _base_updates(b_new: str = "74.2％（令和6年度）") -> list:  # type: ignore[type-arg]
    return [cell(KPI_A, "授業でICTを活用している学校の割合", BASE, "72.4％（令和5年度）", "80.1％（令和6年度）", pages=(8,)),
            cell(KPI_B, "地域学校協働活動を実施している学校の割合", BASE, "68.0％（令和5年度）", b_new, pages=(16,))]


def test_the_base_column_of_kpi_tables_in_different_chapters_moved_a_year_on_is_one_row() -> None:
    """Both KPI tables' 基準値（年度） moved from 令和5年度 to 令和6年度: one
    decision (the 基準値 brought up to date), one row citing both pages, saying
    the year it now stands at and one value old → new."""
    (row,) = build_changelog(_base_updates()).rows
    assert row.section_paths == (KPI_A, KPI_B)
    assert row.new_pages == (8, 16)
    assert row.summary == ("「基準値（年度）」を令和6年度の値に更新（授業でICTを活用している学校の割合 "
                           "72.4％（令和5年度） → 80.1％（令和6年度）ほか）")
    assert "「基準値（年度）」の列の値を同じく令和5年から令和6年に進めた変更が2か所" in row.grouping


def test_a_target_raised_in_one_of_the_tables_stays_its_own_row() -> None:
    """The 目標値 raised in the second table (a comment's answer) is another
    decision: it stays a row of its own, the 基準値 row keeps both tables."""
    changes = _base_updates() + [cell(KPI_B, "地域学校協働活動を実施している学校の割合", GOAL,
                                      "90.0％（令和12年度）", "100％（令和12年度）", pages=(16,))]
    rows = build_changelog(changes).rows
    assert len(rows) == 2
    base = next(r for r in rows if "基準値" in r.summary)
    goal = next(r for r in rows if r is not base)
    assert base.section_paths == (KPI_A, KPI_B)
    assert "100％" in goal.summary and "基準値" not in goal.summary
    assert goal.section_paths == (KPI_B,)


def test_base_values_moved_by_different_steps_are_no_common_update() -> None:
    """One table's 基準値 moved a year on, the other's two years: nothing says
    it is the same update; two rows."""
    assert len(build_changelog(_base_updates("74.2％（令和7年度）")).rows) == 2


# ---------------------------------------------------------------- one law, cited in two places

GENERAL = ("第1編　総論", "第2章　本県教育を取り巻く現状と課題", "第1節　社会の変化")
LEARNING = (MEASURES, CH2, "第1節　確かな学力の育成", "2　主な取組", "（1）　個別最適な学びと協働的な学びの一体的な充実")
OLD_GENERAL = "国では、学校教育法の改正が検討されています。"
NEW_GENERAL = "令和7年12月に学校教育法の一部を改正する法律（令和7年法律第91号）が成立しました。"
OLD_LEARNING = "教育課程の弾力化について、国において学校教育法の改正が検討されています。"
NEW_LEARNING = "学校教育法の一部改正（令和7年法律第91号）により、教育課程の弾力化が図られることとなりました。"


def _law_docs(cited_before: str = "") -> tuple:  # type: ignore[type-arg]
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(general: str, learning: str) -> object:
        return _doc(_section(GENERAL[0], _section(GENERAL[1], _section(GENERAL[2], blocks=(_para(general + cited_before),)))),
                    _section(MEASURES, _section(CH2, _section(LEARNING[2], _section(LEARNING[3], _section(
                        LEARNING[4], blocks=(_para(learning),)))))))
    return plan(OLD_GENERAL, OLD_LEARNING), plan(NEW_GENERAL, NEW_LEARNING)


def _law_changes() -> list:  # type: ignore[type-arg]
    from tests.changelog_helpers import change
    return [change(GENERAL, OLD_GENERAL, NEW_GENERAL, pages=(4,)), change(LEARNING, OLD_LEARNING, NEW_LEARNING, pages=(8,))]


def test_a_law_newly_cited_by_its_number_in_two_places_is_one_row() -> None:
    """素案 never cites 令和7年法律第91号; 案 cites it in the 総論 and in a 施策,
    each sentence rewritten its own way: one law passed, one row, pages 4 and 8."""
    old, new = _law_docs()
    (row,) = build_changelog(_law_changes(), new_doc=new, old_doc=old).rows
    assert row.new_pages == (4, 8)
    assert row.section_paths == (GENERAL, LEARNING)
    assert "素案にない同じ法律番号「令和7年法律第91号」を引く改定が2か所" in row.grouping


def test_a_law_number_already_cited_in_the_draft_joins_nothing() -> None:
    """The number was already in 素案: citing it again is no sign of one new
    law; the two edits stay two rows."""
    old, new = _law_docs(cited_before="（令和7年法律第91号）")
    assert len(build_changelog(_law_changes(), new_doc=new, old_doc=old).rows) == 2
