"""One decision, one row, on the shapes of a city's 総合計画 (blind3 kinds
B3-1, B3-2, B3-3, B3-9): a column header moved on in every indicator table
with its figures, a paragraph moved between two 施策, two 施策 merged, two
laws amended in sentences of the same wording."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.fact_groups import reheaded_values
from revtool.changes.facts import BLOCK_MOVED, facts_of
from revtool.model import ChangeKind

from tests.changelog_helpers import cell, change

CH3 = "第３章　施策の展開"
GOAL1 = "基本目標１　子どもが健やかに育つまち"
POL = "政策１－１　子ども・子育て支援の充実"
MEASURES = ["施策１－１－１　保育サービスの充実", "施策１－１－２　こどもの権利の保障",
            "施策１－１－３　確かな学力の育成", "施策１－１－４　不登校への対応"]
OLD_HEAD, NEW_HEAD = "現状値（令和5年度）", "現状値（令和6年度）"
TARGET = "目標値（令和12年度）"


def _table(m: str) -> tuple[str, ...]:
    return (CH3, GOAL1, POL, m, "成果指標")


def _header(m: str, page: int) -> object:
    return change(_table(m), OLD_HEAD, NEW_HEAD, block_kind="table", location=f"表1 見出し行 列『{NEW_HEAD}』",
                  rule="number", pages=(page,))


def _updated_tables(n: int) -> list:  # type: ignore[type-arg]
    out = []
    for i, m in enumerate(MEASURES[:n]):
        out += [_header(m, 4 + i),
                cell(_table(m), f"指標{i}の割合", NEW_HEAD, f"{40 + i}.1", f"{40 + i}.7", pages=(4 + i,)),
                cell(_table(m), f"指標{i}の件数", NEW_HEAD, f"{120 + i}", f"{123 + i}", pages=(4 + i,))]
    return out


def test_figures_under_a_header_moved_on_in_every_table_are_one_row_with_it() -> None:
    """The 現状値 column's year moved on in four 成果指標 tables and its figures with
    it: one row for all (its pages every table's), not one per 施策; a target
    raised in one of those tables stays a row of its own."""
    raised = cell(_table(MEASURES[1]), "指標1の割合", TARGET, "50.0", "55.0", pages=(5,))
    rows = build_changelog(_updated_tables(4) + [raised]).rows
    assert len(rows) == 2
    update = next(r for r in rows if len(r.section_paths) == 4)
    assert update.new_pages == (4, 5, 6, 7)
    assert "令和6年度" in update.summary and "40.7" not in update.summary
    assert "同じく変わり" in update.grouping  # the evidence of the grouping
    target = next(r for r in rows if r is not update)
    assert "55.0" in target.summary and "41.7" not in target.summary


def test_figures_stay_their_own_rows_when_the_header_moved_in_too_few_tables() -> None:
    """Two tables are no statistic: the header edit is one row, each table's figures another."""
    rows = build_changelog(_updated_tables(2)).rows
    assert len(rows) == 3
    assert not reheaded_values([f for ch in _updated_tables(2) for f in facts_of(ch)])


def test_a_wording_in_the_reheaded_column_is_not_a_figure() -> None:
    facts = [f for ch in _updated_tables(3) for f in facts_of(ch)]
    worded = facts_of(cell(_table(MEASURES[0]), "指標9", NEW_HEAD, "調査中", "実施済み"))[0]
    follow = reheaded_values(facts + [worded])
    assert id(worded) not in follow and len(follow) == 6


LAW_A = "子ども・子育て支援法"
LAW_B = "空家等対策の推進に関する特別措置法"
HOUSING = (CH3, "基本目標３　安全なまち", "政策３－２　都市基盤の整備", "施策３－２－２　良好な住環境の形成", "現状と課題")


def test_two_laws_amended_in_sentences_of_one_wording_are_two_rows() -> None:
    """「国では、…法の改正に向けた検討が進められています」 → 「令和7年11月に…法が改正され、…」
    for two different laws: the shared 「国では」→「令和7年11月に」 is no decision
    of its own; each amendment is one row in its own 施策."""
    kids = ("令和6年度に実施した市民意識調査では、保育の受け皿の確保について「満足している」と回答した市民の割合は"
            "35.2％にとどまっています。取組の一層の充実が求められています。なお、")
    homes = ("近年、市営住宅に対する市民の関心が高まっており、安全で良好な住環境の形成の満足度は前回調査を"
             "下回る結果となりました。取組の一層の充実が求められています。なお、")
    changes = [
        change(_table(MEASURES[0])[:-1] + ("現状と課題",),
               f"{kids}国では、{LAW_A}の改正に向けた検討が進められています。",
               f"{kids}令和7年11月に{LAW_A}が改正され、乳児等通園支援事業が全ての市町村で実施されることとなりました。",
               pages=(4,)),
        change(HOUSING, f"{homes}国では、{LAW_B}の改正に向けた検討が進められています。",
               f"{homes}令和7年11月に{LAW_B}が改正され、管理不全空家等に対する指導・勧告の制度が設けられることとなりました。",
               pages=(15,)),
    ]
    rows = build_changelog(changes).rows
    assert [r.new_pages for r in rows] == [(4,), (15,)]
    assert all(len(r.section_paths) == 1 for r in rows)


def test_the_same_replacement_alone_in_its_sentences_is_still_one_row() -> None:
    changes = [change(_table(m)[:-1] + ("現状と課題",), "企画部デジタル推進室と連携します。",
                      "デジタル戦略部デジタル推進課と連携します。", pages=(4 + i,)) for i, m in enumerate(MEASURES[:2])]
    (row,) = build_changelog(changes).rows
    assert row.new_pages == (4, 5)


PARA = "なお、健康づくりの観点からも、不登校への対応に関する取組と連携した対応を進める必要があります。"


def test_a_paragraph_moved_to_another_measure_is_a_row_saying_from_where() -> None:
    src = _table(MEASURES[3])[:-1] + ("現状と課題",)
    dst = (CH3, "基本目標２　健康なまち", "政策２－１　健康づくり", "施策２－１－１　生涯を通じた健康づくり", "現状と課題")
    moved = change(dst, PARA, PARA, kind=ChangeKind.MOVED, rule="block-moved-section", old_path=src, pages=(8,))
    (fact,) = facts_of(moved)
    assert fact.kind == BLOCK_MOVED
    (row,) = build_changelog([moved]).rows
    assert row.new_pages == (8,)
    assert "施策「不登校への対応」の現状と課題から施策「生涯を通じた健康づくり」の現状と課題に移動" in row.summary
    # within one section (a reorder), or into a section of the same name renumbered: no move of a place
    assert facts_of(change(src, PARA, PARA, kind=ChangeKind.MOVED, old_path=src)) == []
    renumbered = src[:-2] + ("施策１－１－５　不登校への対応", "現状と課題")
    assert facts_of(change(renumbered, PARA, PARA, kind=ChangeKind.MOVED, old_path=src)) == []


KEEP, GONE = MEASURES[2], MEASURES[3]
MERGED = "施策１－１－３　確かな学力の育成と一人一人に応じた学びの支援"
PARTS = ["目指す姿", "現状と課題", "主な取組", "成果指標"]


def test_two_measures_merged_are_one_row_not_one_per_part() -> None:
    """The kept 施策 renamed, each ■ part of both now under it, the other 施策
    deleted with its line in the 施策体系 table: one row 「AとBを統合し…」."""
    base = (CH3, GOAL1, POL)
    changes = [change(base + (MERGED,), KEEP, MERGED, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                      old_path=base + (KEEP,), location="見出し", pages=(5,))]
    for part in PARTS:
        for source in (KEEP, GONE):
            changes.append(change(base + (MERGED, part), part, part, kind=ChangeKind.MERGED, block_kind="section",
                                  rule="section-merged", old_path=base + (source, part), location="見出し", pages=(5,)))
    changes.append(change(base, GONE + "\n悩みや不安を抱える児童生徒が安心して相談できるまち\n不登校児童生徒の割合", "",
                          kind=ChangeKind.DELETED, block_kind="section", rule="section-deleted", old_path=base + (GONE,),
                          pages=(5,)))
    changes.append(change(base + (MERGED, "成果指標"), "", "不登校児童生徒の割合 | ％ | 71.0 | 80.0", kind=ChangeKind.ADDED,
                          rule="row-added", block_kind="table", location="表1 行『不登校児童生徒の割合』", pages=(6,)))
    (row,) = build_changelog(changes).rows
    assert row.kind == ChangeKind.MERGED
    assert "確かな学力の育成" in row.summary and "不登校への対応" in row.summary and "統合" in row.summary
    assert "統合" in row.grouping


def test_the_places_of_every_measure_are_named_by_the_measure_not_the_goal() -> None:
    """The 成果指標 of every 施策 under 基本目標 and 政策: 「各施策」, the deepest level
    where each place has a section of its own, and only when all of them are there."""
    from revtool.changes.item import Outline, every_below

    goals = {(CH3,): ("基本目標１　a", "基本目標２　b"),
             (CH3, "基本目標１　a"): ("政策１－１　c",), (CH3, "基本目標２　b"): ("政策２－１　d",),
             (CH3, "基本目標１　a", "政策１－１　c"): ("施策１－１－１　e", "施策１－１－２　f"),
             (CH3, "基本目標２　b", "政策２－１　d"): ("施策２－１－１　g",)}
    outline = Outline(frozenset({(CH3,)}), frozenset(), goals)
    places = [(CH3, "基本目標１　a", "政策１－１　c", "施策１－１－１　e", "成果指標"),
              (CH3, "基本目標１　a", "政策１－１　c", "施策１－１－２　f", "成果指標"),
              (CH3, "基本目標２　b", "政策２－１　d", "施策２－１－１　g", "成果指標")]
    assert every_below((CH3,), places, outline) == "各施策"
    assert every_below((CH3,), places[:2], outline) == ""  # 施策２－１－１ not among them


def test_a_block_is_moved_only_between_sections_both_versions_have() -> None:
    """Out of a 施策 renamed (its content went with it, the merge's row says so) or
    into a section added (a split's content): no row of its own; between two
    施策 both versions have: a row."""
    from revtool.model import Document, PageSpan, Section

    def sec(heading: str, *children: Section) -> Section:
        number, title = heading.split("　", 1) if "　" in heading else ("", heading)
        return Section(heading=heading, number=number, title=title, level=1, children=children, pages=PageSpan(4, 5))

    def doc(*measures: str) -> Document:
        return Document(sections=(sec(CH3, *(sec(m, sec("現状と課題")) for m in measures)),))

    a, b, a_renamed = "施策１　保健指導の充実", "施策２　見守り活動の強化", "施策１　保健指導と見守り活動の一体的な推進"

    def moved(src: str, dst: str) -> object:
        return change((CH3, dst, "現状と課題"), PARA, PARA, kind=ChangeKind.MOVED, rule="block-moved-section",
                      old_path=(CH3, src, "現状と課題"), pages=(8,))

    assert len(build_changelog([moved(a, b)], old_doc=doc(a, b), new_doc=doc(a, b)).rows) == 1
    assert build_changelog([moved(a, a_renamed)], old_doc=doc(a, b), new_doc=doc(a_renamed, b)).rows == ()
    assert build_changelog([moved(a, b)], old_doc=doc(a), new_doc=doc(a, b)).rows == ()


def test_a_column_brought_to_a_later_year_beside_a_raised_target_is_two_rows() -> None:
    """One 評価指標 table: the 現状値 column moved from 令和5年度 to 令和6年度 with its
    figures (the plan's own update) and a 目標値 raised (a comment's decision) are
    two decisions, two rows — the refresh internal, the target not mixed into it."""
    from revtool.model import CauseType

    raised = cell(_table(MEASURES[0]), "指標0の割合", TARGET, "50.0", "55.0", pages=(4,))
    rows = build_changelog(_updated_tables(1) + [raised]).rows
    assert len(rows) == 2
    update = next(r for r in rows if "55.0" not in r.summary)
    target = next(r for r in rows if r is not update)
    assert "令和6年度" in update.summary and update.cause.type is CauseType.INTERNAL
    assert "時点更新" in update.cause.evidence and "別の行" in update.grouping
    assert "40.7" not in target.summary and "令和6年度の値" not in target.summary
    # the header and its figures alone are one decision, one row
    assert len(build_changelog(_updated_tables(1)).rows) == 1
