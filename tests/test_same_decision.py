"""One decision repeated in many places is one row (issue 11, blind5 tuning
kinds), on small hand-made cases of a 県's 教育振興基本計画: the 基準値 column
of the KPI table of every 節 brought to the newer year is one row, wherever
the 節 stand; a 目標値 raised in one of those tables stays its own row; a
column whose cells moved by different steps is no common decision."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import CauseType

from tests.changelog_helpers import cell, change

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
    # the tables named as every place names them (成果指標), the date the figures stood at and stand at
    assert row.summary == ("成果指標の「基準値（年度）」を令和5年度から令和6年度の値に更新（授業でICTを活用している学校の割合 "
                           "72.4％（令和5年度） → 80.1％（令和6年度）ほか）")
    assert "「基準値（年度）」の列の値を同じく令和5年から令和6年に進めた変更が2か所" in row.grouping
    # the plan's own update of its figures: internal, with its evidence (not 未確認)
    assert row.cause.type == CauseType.INTERNAL and "時点更新" in row.cause.evidence


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



# ---------------------------------------------------------------- 西暦 years inside the cells (a national 基本計画)

FIELD = "第２部　分野別施策"
GOALS_1 = (FIELD, "第１分野　あらゆる分野における参画の拡大", "３　成果目標")
GOALS_2 = (FIELD, "第２分野　雇用・働き方分野における共生", "３　成果目標")
GOALS_3 = (FIELD, "第３分野　地域・コミュニティにおける共生社会の形成", "３　成果目標")
NOW = "現状"


def _western_updates(third_new: str = "41.2％（2024年）") -> list:  # type: ignore[type-arg]
    """The 現状 column of three 成果目標 tables (項目 | 現状 | 成果目標（期限）), its
    header undated, each cell dated 「（2023年）」 moved to 「（2024年）」."""
    return [cell(GOALS_1, "審議会等委員に占める女性の割合", NOW, "25.7％（2023年）", "23.9％（2024年）", pages=(11,)),
            cell(GOALS_1, "政策立案過程に関する取組を実施している市区町村の割合", NOW, "31.5％（2023年）", "33.8％（2024年）",
                 pages=(11,)),
            cell(GOALS_2, "障害者の実雇用率", NOW, "２.３３％（２０２３年）", "２.４１％（２０２４年）", pages=(18,)),
            cell(GOALS_3, "地域活動に参加している人の割合", NOW, "40.8％（2023年）", third_new, pages=(25,))]


def test_western_years_inside_the_cells_of_every_goals_table_moved_on_are_one_row() -> None:
    """The year is in each cell (32.4％（2023年）), not in the column header:
    the same 2023年 → 2024年 step in the 現状 column of three 分野's tables is
    one decision, one row with the three pages, saying the year it stands at."""
    (row,) = build_changelog(_western_updates()).rows
    assert row.section_paths == (GOALS_1, GOALS_2, GOALS_3)
    assert row.new_pages == (11, 18, 25)
    assert row.summary.startswith("成果目標の「現状」を2023年から2024年の値に更新（審議会等委員に占める女性の割合 25.7％（2023年） → 23.9％（2024年）ほか")
    assert row.cause.type == CauseType.INTERNAL
    assert "「現状」の列の値を同じく2023年から2024年に進めた変更が3か所" in row.grouping


def test_a_western_year_moved_by_another_step_stays_apart() -> None:
    """The third table moved two years: not the same update; it stays its own row."""
    rows = build_changelog(_western_updates("41.2％（2025年）")).rows
    assert len(rows) == 2
    (joined,) = [r for r in rows if len(r.section_paths) == 2]
    assert joined.section_paths == (GOALS_1, GOALS_2)


def test_only_a_19xx_or_20xx_number_before_nen_is_a_year() -> None:
    """A 西暦 year is 19xx/20xx standing alone: 2023年 → 2024年 and 令和5年 →
    令和6年 are steps; 12023年 → 12024年 and 3000年 → 3001年 are none."""
    from revtool.changes.facts import CELL, Fact
    from revtool.changes.same_decision import year_steps
    from tests.changelog_helpers import change

    def steps(old: str, new: str) -> set[tuple[str, int, int]]:
        return year_steps(Fact(change=change(GOALS_1, old, new), kind=CELL, old=old, new=new, column=NOW, row_key="x"))
    assert steps("32.4％（２０２３年）", "33.0％（2024年）") == {("", 2023, 2024)}
    assert steps("5.0％（令和5年度）", "5.1％（令和6年度）") == {("令和", 5, 6)}
    assert steps("12023年", "12024年") == set()
    assert steps("3000年", "3001年") == set()


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



POSITION = ("第1章　計画の策定にあたって", "3　計画の位置付け", "（1）法的な位置付け")
SUPPORT = ("第4章　施策の展開", "基本目標2　必要な支援に確実につながる仕組みづくり", "（3）生活に困りごとを抱える人への支援")
KEPT_POSITION = "本計画は、社会福祉法第107条に基づく市町村地域福祉計画です。"
PLACED = "また、本計画は、再犯の防止等の推進に関する法律第8条第1項に基づく「地方再犯防止推進計画」を含むものとして位置付けます。"
CARRIED = "再犯の防止等の推進に関する法律第8条第1項に基づく地方再犯防止推進計画として、保護司会などと連携し、社会復帰を支援します。"
KEPT_SUPPORT = "生活困窮者自立相談支援事業により、相談に応じます。"


def _provision_docs(draft_cites: str = "") -> tuple:  # type: ignore[type-arg]
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(position: tuple[str, ...], support: tuple[str, ...]) -> object:
        return _doc(_section(POSITION[0], _section(POSITION[1], _section(POSITION[2], blocks=tuple(map(_para, position))))),
                    _section(SUPPORT[0], _section(SUPPORT[1], _section(SUPPORT[2], blocks=tuple(map(_para, support))))))
    return (plan((KEPT_POSITION + draft_cites,), (KEPT_SUPPORT,)),
            plan((KEPT_POSITION, PLACED), (KEPT_SUPPORT, CARRIED)))


def _provision_changes() -> list:  # type: ignore[type-arg]
    from revtool.model import ChangeKind
    return [change(POSITION, "", PLACED, kind=ChangeKind.ADDED, rule="block-added", pages=(2,)),
            change(SUPPORT, "", CARRIED, kind=ChangeKind.ADDED, rule="block-added", pages=(21,))]


def test_a_law_provision_newly_cited_in_two_places_is_one_row() -> None:
    """素案 never cites 再犯の防止等の推進に関する法律第8条第1項; 案 places the plan
    under it in its 位置付け and says so again in the 施策 that carries it out,
    each in a sentence of its own: one decision, one row, pages 2 and 21."""
    old, new = _provision_docs()
    (row,) = build_changelog(_provision_changes(), new_doc=new, old_doc=old).rows
    assert row.new_pages == (2, 21)
    assert row.section_paths == (POSITION, SUPPORT)
    assert "素案にない同じ法律の条項「再犯の防止等の推進に関する法律第8条第1項」を引く改定が2か所" in row.grouping


def test_a_provision_the_draft_cites_already_joins_nothing() -> None:
    old, new = _provision_docs(draft_cites="再犯の防止等の推進に関する法律第8条第1項にも留意します。")
    assert len(build_changelog(_provision_changes(), new_doc=new, old_doc=old).rows) == 2


# ---------------------------------------------------------------- the 見込量 of every サービス re-estimated

SERVICES = ("第３部　障がい福祉計画", "第２章　障害福祉サービス等の見込量と確保方策")
VISIT, DAY, HOME = SERVICES + ("１　訪問系サービス",), SERVICES + ("２　日中活動系サービス",), SERVICES + ("３　居住系サービス",)
R6, R7, R8 = "令和６年度", "令和７年度", "令和８年度"


def _estimates() -> list:  # type: ignore[type-arg]
    """Three sibling sections, each with a table サービス | 単位 | 令和６年度 | 令和７年度 | 令和８年度 whose
    figures were re-estimated (not every cell: 令和６年度 of the 居住系 table kept its value)."""
    return [cell(VISIT, "居宅介護", R6, "5,200", "5,408", pages=(53,)), cell(VISIT, "居宅介護", R8, "5,410", "5,626", pages=(53,)),
            cell(DAY, "生活介護", R7, "691", "657", pages=(53, 54)),
            cell(HOME, "共同生活援助", R7, "418", "443", pages=(54,)), cell(HOME, "施設入所支援", R8, "244", "237", pages=(54,))]


def test_the_yearly_figures_of_the_tables_of_sibling_sections_revised_are_one_row_named_by_the_parent_heading() -> None:
    """Every edit of the three sections is a figure in a column headed by a year
    alone: the estimates revised, one row over the three sections and their
    pages, saying what the figures are (the parent heading's 「…の見込量」) and
    the years the edited columns run over, with the evidence of the grouping."""
    (row,) = build_changelog(_estimates()).rows
    assert row.section_paths == (VISIT, DAY, HOME)
    assert row.new_pages == (53, 54)
    assert row.summary == "障害福祉サービス等の見込量（令和６年度～令和８年度）を更新"
    assert "「障害福祉サービス等の見込量と確保方策」の3つの節" in row.grouping
    assert "年度ごとの数値" in row.grouping


def test_a_section_whose_table_also_gained_a_word_stays_its_own_row() -> None:
    """The 居住系 section also rewrote a sentence: not only figures, so it is no
    part of the revision; the two others are still one row."""
    changes = _estimates() + [change(HOME, "共同生活援助の整備を進めます。", "共同生活援助の整備を計画的に進めます。", pages=(54,))]
    rows = build_changelog(changes).rows
    joined = [r for r in rows if len(r.section_paths) > 1]
    assert [r.section_paths for r in joined] == [(VISIT, DAY)]
    assert any(r.section_paths == (HOME,) for r in rows)


def test_figures_in_columns_that_are_not_years_are_no_schedule() -> None:
    """Columns 現状値 / 目標値 are no year-by-year schedule: nothing joins them
    here (their own rules decide), one row per section."""
    changes = [cell(VISIT, "居宅介護", "目標値", "5,200", "5,408", pages=(53,)),
               cell(DAY, "生活介護", "目標値", "691", "657", pages=(53,))]
    assert len(build_changelog(changes).rows) == 2


def test_what_figures_are_is_read_from_the_nearest_heading_that_names_a_quantity() -> None:
    from revtool.changes.same_decision import schedule_name

    assert schedule_name(SERVICES) == "障害福祉サービス等の見込量"
    assert schedule_name(("第３部　計画の目標", "第１章　成果目標及び活動指標の目標値")) == "活動指標の目標値"
    assert schedule_name(("第２部　施策の展開", "第１章　地域で暮らす")) == ""
