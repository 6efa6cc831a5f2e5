"""blind12 tuning kinds (a prefecture's 農林水産業振興計画), on small hand-made
cases: a national plan's decision date changed is an outside revision, not a
version stamp; a law amended and cited in two places is one external row; a
策定経過 line naming the plan's own study group dates no outside revision; a
部 renamed is one row with the 策定経過 cell that writes it inside a sentence;
one column of template sections restated is one row; one 反映 answer carried
out in two places of its 施策 is one row; a KPI named in brackets resolves to
the section whose table holds it."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.external import prior_of
from revtool.changes.law_citation import name_before
from revtool.changes.reportable import version_stamp_only
from revtool.comments.refs import parse_ref
from revtool.comments.resolve import resolve
from revtool.model import Block, BlockKind, CauseType, Document, Section

from tests.changelog_helpers import cell, change, comment, row_added, table_block

PLACE = ("第１編　総論", "第２章　計画の位置付け")
AIM = ("第１編　総論", "第１章　計画策定の趣旨")
STRATEGY = ("第２編　基本計画", "戦略３　環境と調和した持続可能な農林水産業")
STEPS = ("資料編", "１　計画策定の経過")
PUSH = ("第１編　総論", "第７章　計画の推進")


def _para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def _doc(*parts: tuple[tuple[str, ...], tuple[Block, ...]]) -> Document:
    """Sections two deep from (path, blocks) pairs, parents shared in order."""
    tops: dict[str, list[Section]] = {}
    for path, blocks in parts:
        tops.setdefault(path[0], []).append(Section(heading=path[1], title=path[1].split("　")[-1], blocks=blocks))
    return Document(title="計画", sections=tuple(Section(heading=h, title=h.split("　")[-1], children=tuple(kids))
                                                for h, kids in tops.items()))


# ---------------------------------------------------------------- dates of decision, version stamps


def test_a_cited_plans_decision_date_changed_is_no_version_stamp() -> None:
    old = "また、国の食料・農業・農村基本計画（令和２年３月閣議決定）との整合を図っています。"
    new = "また、国の食料・農業・農村基本計画（令和７年４月閣議決定）との整合を図っています。"
    assert not version_stamp_only(old, new)
    assert version_stamp_only("第４期農林水産業振興計画（素案）　令和６年12月", "第４期農林水産業振興計画（案）　令和７年２月")


def test_the_new_decision_date_of_a_cited_plan_is_a_row_with_an_outside_cause() -> None:
    old = "この計画は、国の食料・農業・農村基本計画（令和２年３月閣議決定）との整合を図っています。"
    new = old.replace("令和２年３月", "令和７年４月")
    doc_old, doc_new = _doc((PLACE, (_para(old),))), _doc((PLACE, (_para(new),)))
    (row,) = build_changelog([change(PLACE, old, new, rule="number", pages=(3,))], old_doc=doc_old, new_doc=doc_new).rows
    assert row.cause.type == CauseType.EXTERNAL
    assert "令和７年４月" in row.summary and "閣議決定" in row.cause.evidence


# ---------------------------------------------------------------- a law amended, cited twice

LAW_OLD = "国においては、食料・農業・農村基本法の見直しに向けた検討が進められています。"
LAW_NEW = ("国においては、令和６年６月に食料・農業・農村基本法が改正され（令和６年法律第44号）、"
           "食料安全保障の確保が基本理念に位置付けられました。")
STRAT_OLD = "環境負荷の低減と生産性の向上を両立する農林水産業の実現に向けて、次の施策に取り組みます。"
STRAT_NEW = "改正された食料・農業・農村基本法の基本理念に沿って、" + STRAT_OLD
STEP_LINE = "令和６年６月\t農林水産部内に策定検討会を設置"
CITED = "国の食料・農業・農村基本計画（令和２年３月閣議決定）との整合を図ります。"


def test_a_law_named_as_the_subject_of_its_amendment_before_its_number() -> None:
    at = LAW_NEW.index("令和６年法律")
    assert name_before(LAW_NEW, at) == "食料・農業・農村基本法"


def test_a_study_group_set_up_in_the_steps_of_drafting_dates_no_outside_revision() -> None:
    assert prior_of(CITED + "\n" + STEP_LINE).newest == (2020, 3)
    assert prior_of(CITED + "\n令和６年６月に「○○戦略」が策定されました。").newest == (2024, 6)


def test_a_law_amended_and_recalled_in_another_place_is_one_external_row() -> None:
    old = _doc((AIM, (_para(LAW_OLD), _para(CITED))), (STRATEGY, (_para(STRAT_OLD),)), (STEPS, (table_block([["時期", "内容"], STEP_LINE.split("\t")]),)))
    new = _doc((AIM, (_para(LAW_NEW), _para(CITED))), (STRATEGY, (_para(STRAT_NEW),)), (STEPS, (table_block([["時期", "内容"], STEP_LINE.split("\t")]),)))
    changes = [change(AIM, LAW_OLD, LAW_NEW, pages=(2,)), change(STRATEGY, STRAT_OLD, STRAT_NEW, pages=(25,))]
    (row,) = build_changelog(changes, old_doc=old, new_doc=new).rows
    assert row.cause.type == CauseType.EXTERNAL
    assert "食料・農業・農村基本法" in row.cause.evidence and "令和６年６月" in row.cause.evidence
    assert row.new_pages == (2, 25)
    assert row.section_paths == (AIM, STRATEGY)
    assert "2か所のため一つの行" in row.grouping


def test_another_row_that_only_names_the_law_with_other_words_stays_apart() -> None:
    other_old = "担い手の確保に取り組みます。"
    other_new = "食料・農業・農村基本法の改正を踏まえ、担い手の確保と農地の集積に取り組みます。"
    old = _doc((AIM, (_para(LAW_OLD), _para(CITED))), (STRATEGY, (_para(other_old),)))
    new = _doc((AIM, (_para(LAW_NEW), _para(CITED))), (STRATEGY, (_para(other_new),)))
    changes = [change(AIM, LAW_OLD, LAW_NEW, pages=(2,)), change(STRATEGY, other_old, other_new, pages=(25,))]
    assert len(build_changelog(changes, old_doc=old, new_doc=new).rows) == 2


# ---------------------------------------------------------------- a 部 renamed, also inside a sentence


def test_a_department_renamed_is_one_row_with_the_steps_cell_that_writes_it_inside_a_sentence() -> None:
    push_old, push_new = "農林水産部が中心となり、計画を推進します。", "農林水産振興部が中心となり、計画を推進します。"
    old = _doc((PUSH, (_para(push_old),)), (STEPS, (table_block([["時期", "内容"], STEP_LINE.split("\t")]),)))
    new_line = STEP_LINE.replace("農林水産部", "農林水産振興部")
    new = _doc((PUSH, (_para(push_new),)), (STEPS, (table_block([["時期", "内容"], new_line.split("\t")]),)))
    changes = [change(PUSH, "農林水産部", "農林水産振興部", pages=(8,)),
               cell(STEPS, "令和６年６月", "内容", "農林水産部内に策定検討会を設置", "農林水産振興部内に策定検討会を設置", pages=(62,))]
    (row,) = build_changelog(changes, old_doc=old, new_doc=new).rows
    assert row.new_pages == (8, 62)
    assert row.section_paths == (PUSH, STEPS)
    assert "文中（「農林水産部内に策定検討会を設置」）" in row.grouping


# ---------------------------------------------------------------- one column of template sections restated

SOUTH = ("第３編　地域別計画", "第１章　県南地域", "１　地域の概要")
WEST = ("第３編　地域別計画", "第２章　西部地域", "１　地域の概要")
BASE = "基準値（R4）"


def test_the_base_column_of_two_regions_restated_is_one_row() -> None:
    changes = [cell(SOUTH, "農業産出額", BASE, "120", "123", pages=(52,)), cell(SOUTH, "認定農業者数", BASE, "731", "735", pages=(52,)),
               cell(WEST, "農業産出額", BASE, "157", "160", pages=(54,)), cell(WEST, "認定農業者数", BASE, "768", "772", pages=(54,))]
    (row,) = build_changelog(changes).rows
    assert row.new_pages == (52, 54)
    assert row.section_paths == (SOUTH, WEST)
    assert row.cause.type == CauseType.INTERNAL and "基準値（R4）" in row.cause.evidence
    assert "同じ形の2つの節" in row.grouping


def test_one_value_changed_in_each_region_is_no_common_refresh() -> None:
    changes = [cell(SOUTH, "農業産出額", BASE, "120", "123", pages=(52,)), cell(WEST, "認定農業者数", BASE, "768", "772", pages=(54,))]
    assert len(build_changelog(changes).rows) == 2


# ---------------------------------------------------------------- one answer, two places of its 施策

MEASURE = ("第２編　基本計画", "戦略３　環境と調和した持続可能な農林水産業", "施策３－１　環境にやさしい農業の推進")
ORGANIC = MEASURE + ("（１）有機農業の拡大",)
CLIMATE = MEASURE + ("（３）温室効果ガスの排出削減",)
OTHER = ("第２編　基本計画", "戦略１　多様な担い手の確保・育成", "施策１－１　新規就農者の確保・定着")
ANSWER = ("ご意見を踏まえ、施策３－１（１）に有機農業の取組面積を令和10年度までに450haに拡大する目標を追記するとともに、"
          "成果指標に「有機農業取組面積」を追加します。")


def _organic_changes(kpi_path: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    sentence_old = "ア　化学肥料・化学農薬の使用を低減する取組を推進します。"
    sentence_new = "ア　有機農業の取組面積を令和10年度までに450haに拡大することを目指し、化学肥料・化学農薬の使用を低減する取組を推進します。"
    return [change(ORGANIC, sentence_old, sentence_new, pages=(26,)),
            row_added(kpi_path, ["有機農業取組面積", "210", "450", "ha"], pages=(27,))]


def test_one_answer_carried_out_in_two_places_of_its_measure_is_one_row() -> None:
    c = comment(6, "有機農業の目標を明記してほしい。", ANSWER, paths=(MEASURE,))
    log = build_changelog(_organic_changes(CLIMATE), [c])
    (row,) = log.rows
    assert row.id == "R1" and row.new_pages == (26, 27)
    assert row.cause.type == CauseType.COMMENT and row.cause.comment_ids == ("C06",)
    # the evidence says why the two places are one row: the one answer, or (entry_places, found first)
    # the table row named by the sentence added beside it
    assert "一つの回答" in row.grouping or "同じ事柄" in row.grouping, row.grouping
    assert {(link.comment_id, link.row_id) for link in log.links} == {("C06", "R1")}


def test_the_same_answer_carried_out_outside_the_section_it_answers_for_stays_two_rows() -> None:
    c = comment(6, "有機農業の目標を明記してほしい。", ANSWER, paths=(ORGANIC,))
    rows = build_changelog(_organic_changes(OTHER + ("（３）就農後の経営安定",)), [c]).rows
    assert len(rows) == 2


# ---------------------------------------------------------------- a KPI named in brackets


def test_a_kpi_named_in_brackets_resolves_to_the_section_whose_table_holds_it() -> None:
    kpi = table_block([["KPI", "基準値（R4）", "目標値（R10）", "単位"], ["新規就農者数", "180", "220", "人/年"]])
    doc = Document(title="計画", sections=(Section(heading=OTHER[0], title="基本計画", children=(
        Section(heading=OTHER[1], title="多様な担い手の確保・育成", children=(
            Section(heading=OTHER[2], title="新規就農者の確保・定着", blocks=(_para("新規就農者の確保に取り組みます。"), kpi)),
            Section(heading="施策１－２　経営力の強化", title="経営力の強化", blocks=(_para("経営力を高めます。"),)),
        )),)),))
    res = resolve(parse_ref("KPI（新規就農者数）"), doc)
    assert res.chosen == (OTHER,) and not res.warnings
    assert "新規就農者数" in res.candidates[0].reason
    assert not resolve(parse_ref("KPI（存在しない指標名）"), doc).chosen
