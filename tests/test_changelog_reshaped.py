"""Rows of a town's 介護保険事業計画 (issue 11, blind4 tuning kinds), each on a
small hand-made case: one decision written in several places is one row; the
consequences of a split or a merge (items renumbered under the merged 施策, a
事業一覧 table that only moved) are no rows of their own; a 施策 moved while a
sentence was added inside it is two rows; a table's new 事業 and a 見込み
raised in another of its rows are two rows."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.changes.title_splits import _joins
from revtool.model import Block, BlockKind, ChangeKind, Document, Section

from tests.changelog_helpers import cell, change, row_added, table_block

PLAN = "Ⅰ　計画の概要"
PLACE = "２　計画の位置付け"
STATS = "Ⅱ　高齢者を取り巻く現状と課題"
POP, CARE = "１　人口と高齢化率の推移", "２　要介護（要支援）認定者の状況"
MEASURES = "Ⅳ　施策の展開"
G1, G3 = "１　地域包括ケアシステムの深化・推進", "３　安心して暮らせるまちづくり"
DEMENTIA = "（３）認知症施策の推進"
HEADER = ["事業名", "事業内容", "担当課", "実績（令和5年度）", "見込み（令和8年度）"]


def _para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def _section(heading: str, *children: Section, blocks: tuple[Block, ...] = ()) -> Section:
    return Section(heading=heading, title=heading.split("　")[-1], children=children, blocks=blocks)


def _doc(*sections: Section) -> Document:
    return Document(title="計画", sections=sections)


# ---------------------------------------------------------------- one decision, several places

OLD_PLAN_SENTENCE = "国の「認知症施策推進大綱」の考え方を踏まえて策定します。"
NEW_PLAN_SENTENCE = "令和６年１２月に閣議決定された国の「認知症施策推進基本計画」を踏まえて策定します。"
OLD_MEASURE = "国の「認知症施策推進大綱」に沿って、共生と予防を車の両輪とした施策を推進します。"
NEW_MEASURE = "国の「認知症施策推進基本計画」に基づき、一人一人が個性と能力を発揮できる社会に向けた施策を推進します。"


def _plan_docs(old_elsewhere: str = "") -> tuple[Document, Document]:
    old = _doc(_section(PLAN, _section(PLACE, blocks=(_para(OLD_PLAN_SENTENCE),))),
               _section(MEASURES, _section(G1, _section(DEMENTIA, blocks=(_para(OLD_MEASURE),)))))
    new = _doc(_section(PLAN, _section(PLACE, blocks=(_para(NEW_PLAN_SENTENCE),))),
               _section(MEASURES, _section(G1, _section(DEMENTIA, blocks=(_para(NEW_MEASURE + old_elsewhere),)))))
    return old, new


def _plan_changes(measure_new: str = NEW_MEASURE) -> list:  # type: ignore[type-arg]
    return [change((PLAN, PLACE), OLD_PLAN_SENTENCE, NEW_PLAN_SENTENCE, pages=(1,)),
            change((MEASURES, G1, DEMENTIA), OLD_MEASURE, measure_new, pages=(6,))]


def test_a_national_plan_replaced_in_two_places_is_one_row_with_both_pages() -> None:
    """Each place rewrote its sentence its own way; the old name is nowhere in
    案 and the new one nowhere in 素案: one revision, one row, pages 1 and 6."""
    old, new = _plan_docs()
    (row,) = build_changelog(_plan_changes(), new_doc=new, old_doc=old).rows
    assert row.new_pages == (1, 6)
    assert row.section_paths == ((PLAN, PLACE), (MEASURES, G1, DEMENTIA))
    assert "認知症施策推進基本計画" in row.summary
    assert "「認知症施策推進大綱」を「認知症施策推進基本計画」に置き換える同じ改定が2か所" in row.grouping


def test_a_name_still_quoted_in_the_new_version_is_no_replacement_throughout() -> None:
    """The old plan is still cited in 案 (next to the new one): the two edits
    are not one replacement of a document by another, and stay two rows."""
    old, new = _plan_docs(old_elsewhere="「認知症施策推進大綱」の成果も引き継ぎます。")
    log = build_changelog(_plan_changes(), new_doc=new, old_doc=old)
    assert len(log.rows) == 2
    assert not any("置き換える" in r.grouping for r in log.rows)


def _stats(care_new: str) -> list:  # type: ignore[type-arg]
    return [change((STATS, POP), "令和５年１０月１日現在の総人口は１８,４２０人です。",
                   "令和６年１０月１日現在の総人口は１８,１９０人です。", pages=(2,)),
            change((STATS, CARE), "令和５年９月末の認定者数は１,４１２人です。", care_new, pages=(2,))]


def test_statistics_moved_to_the_same_later_date_in_two_sections_are_one_row() -> None:
    """Only figures changed in both sibling sections, and both dates moved on
    by the same step (令和5年 → 令和6年): the statistics updated, one row."""
    (row,) = build_changelog(_stats("令和６年９月末の認定者数は１,４６８人です。")).rows
    assert row.section_paths == ((STATS, POP), (STATS, CARE))
    assert row.new_pages == (2,)
    assert "令和６年１０月１日" in row.summary
    assert "基準日を同じく令和5年から令和6年に進めた" in row.grouping


def test_a_figure_without_the_date_step_stays_its_own_row() -> None:
    """The sibling changed a figure but kept its date: nothing says it is the
    same update; two rows."""
    log = build_changelog(_stats("令和５年９月末の認定者数は１,４６８人です。"))
    assert len(log.rows) == 2


# ---------------------------------------------------------------- consequences of a merge

OLD_A, OLD_B = "（２）権利擁護の推進", "（３）高齢者虐待の防止"
MERGED = "（２）権利擁護と虐待防止の推進"
CONSUMER, EARLY_OLD, EARLY_NEW = "イ　消費者被害の防止", "ア　早期発見の体制づくり", "ウ　早期発見の体制づくり"
CARERS_OLD, CARERS_NEW = "イ　養護者への支援", "エ　養護者への支援"
GUARDIAN = ["成年後見制度利用支援事業", "申立て費用の助成を行います。", "福祉課", "８件", "１２件"]
NETWORK = ["高齢者虐待防止ネットワーク事業", "関係機関の連携会議を開催します。", "福祉課", "２回", "２回"]


def _merge_docs() -> tuple[Document, Document]:
    old = _doc(_section(MEASURES, _section(G3,
        _section(OLD_A, _section(CONSUMER, blocks=(_para("■主な事業"), table_block([HEADER, GUARDIAN])))),
        _section(OLD_B, _section(EARLY_OLD, blocks=(_para("相談窓口を周知します。"),)),
                 _section(CARERS_OLD, blocks=(_para("■主な事業"), table_block([HEADER, NETWORK])))))))
    new = _doc(_section(MEASURES, _section(G3,
        _section(MERGED, _section(CONSUMER), _section(EARLY_NEW, blocks=(_para("相談窓口を周知します。"),)),
                 _section(CARERS_NEW, blocks=(_para("■主な事業"), table_block([HEADER, NETWORK, GUARDIAN])))))))
    return old, new


def test_what_only_moved_with_a_merge_is_part_of_the_merge_row() -> None:
    """Two 施策 merged: the items of the one merged away now ウ and エ, the
    事業一覧 of the other deleted under イ with its row added to the merged
    table, one 「■主な事業」 label less — all still there in 案: one row."""
    old, new = _merge_docs()
    base = (MEASURES, G3)
    changes = [
        change(base + (MERGED,), OLD_A, MERGED, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=base + (OLD_A,), pages=(12,)),
        change(base + (MERGED,), OLD_B, MERGED, kind=ChangeKind.MERGED, block_kind="section", rule="section-merged",
               old_path=base + (OLD_B,), pages=(12,)),
        change(base + (MERGED, CONSUMER), "■主な事業", "", kind=ChangeKind.DELETED, old_path=base + (OLD_A, CONSUMER), pages=(12,)),
        change(base + (MERGED, CONSUMER), table_block([HEADER, GUARDIAN]).text, "", kind=ChangeKind.DELETED,
               block_kind="table", rule="block-deleted", old_path=base + (OLD_A, CONSUMER), pages=(12,)),
        change(base + (MERGED, EARLY_NEW), EARLY_OLD, EARLY_NEW, kind=ChangeKind.MOVED, block_kind="section",
               rule="section-moved", old_path=base + (OLD_B, EARLY_OLD), pages=(12,)),
        change(base + (MERGED, CARERS_NEW), CARERS_OLD, CARERS_NEW, kind=ChangeKind.MOVED, block_kind="section",
               rule="section-moved", old_path=base + (OLD_B, CARERS_OLD), pages=(12,)),
    ]
    # the other 施策's row, now in the merged table (the diff aligned エ with the old イ of （３）)
    changes.append(replace(row_added(base + (MERGED, CARERS_NEW), GUARDIAN, pages=(12,)), old_section_path=base + (OLD_B, CARERS_OLD)))
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert row.new_pages == (12,)
    assert "統合" in row.summary and "表を削除" not in row.summary and "掲載位置" not in row.summary
    assert "統合の結果のため一つの行" in row.grouping


def test_a_row_added_with_new_content_in_the_merged_section_stays_a_row() -> None:
    """A 事業 the old version never had, added to the merged table, is a
    decision of its own, not something that moved along."""
    old, new = _merge_docs()
    base = (MEASURES, G3)
    changes = [
        change(base + (MERGED,), OLD_A, MERGED, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=base + (OLD_A,), pages=(12,)),
        change(base + (MERGED,), OLD_B, MERGED, kind=ChangeKind.MERGED, block_kind="section", rule="section-merged",
               old_path=base + (OLD_B,), pages=(12,)),
        row_added(base + (MERGED, CARERS_NEW), ["養護者交流事業", "介護者の交流会を開きます。", "福祉課", "－", "４回"], pages=(13,)),
    ]
    log = build_changelog(changes, new_doc=new, old_doc=old)
    assert len(log.rows) == 2
    assert any("養護者交流事業" in r.summary for r in log.rows)


# ---------------------------------------------------------------- a move and an edit inside it

DISASTER = "（４）災害・感染症への備え"


def test_a_section_moved_and_a_sentence_added_inside_it_are_two_rows() -> None:
    """The 施策 went to another 基本目標 (an internal decision) and a comment's
    sentence was added inside it: the move must stay a row of its own."""
    moved = change((MEASURES, G1, DISASTER), DISASTER, DISASTER, kind=ChangeKind.MOVED, block_kind="section",
                   rule="section-moved", old_path=(MEASURES, G3, DISASTER), pages=(7,))
    sentence = change((MEASURES, G1, DISASTER), "個別避難計画の作成を進めます。",
                      "個別避難計画の作成を進めます。また、福祉避難所の運営マニュアルに配慮事項を定めます。",
                      old_path=(MEASURES, G3, DISASTER), pages=(7,))
    log = build_changelog([moved, sentence])
    assert len(log.rows) == 2
    move_row = next(r for r in log.rows if r.kind == ChangeKind.MOVED)
    # a move to another 基本目標 names both parents (sumfix): not the bare 「…の掲載位置を変更」
    assert move_row.summary == "「災害・感染症への備え」を「安心して暮らせるまちづくり」から「地域包括ケアシステムの深化・推進」に移動"
    assert "移動と、その中の変更は別の決定" in move_row.grouping
    assert any("運営マニュアル" in r.summary for r in log.rows if r is not move_row)


# ---------------------------------------------------------------- a split by title

def test_a_joint_title_split_into_halves_with_the_same_new_tail() -> None:
    assert _joins("健康づくりと生きがいづくり", "健康づくりの推進", "生きがいづくりの推進")
    assert not _joins("健康づくりと生きがいづくり", "健康づくりの推進", "生きがいづくりの支援")  # tails differ
    assert not _joins("健康づくりと生きがいづくり", "健康づくりの推進", "健康づくりの推進")


# ---------------------------------------------------------------- a table's entries and values

DEMENTIA_ITEM = (MEASURES, G1, DEMENTIA, "イ　早期発見・早期対応の推進")


def test_a_new_jigyo_and_a_raised_projection_in_the_same_table_are_two_rows() -> None:
    """A 事業 added (one comment) and another 事業's 見込み raised (another):
    two decisions; the raise says 上方修正 with the 事業名 and both values."""
    changes = [cell(DEMENTIA_ITEM, "認知症サポーター養成事業", "見込み（令和8年度）", "１,２００人", "１,５００人", pages=(6,)),
               row_added(DEMENTIA_ITEM, ["認知症カフェ運営支援事業", "認知症カフェの運営を支援します。", "高齢介護課", "３か所", "６か所"],
                         pages=(6,))]
    log = build_changelog(changes)
    assert len(log.rows) == 2
    raised, added = log.rows
    assert raised.summary == "「認知症サポーター養成事業」の見込み（令和8年度）を上方修正（１,２００人 → １,５００人）"
    assert "認知症カフェ運営支援事業" in added.summary
    assert "既にあった行（「認知症サポーター養成事業」）の値の変更は別の決定" in raised.grouping


def test_a_year_row_added_with_its_figures_stays_one_row() -> None:
    """A statistics table given a new year row and its neighbours' figures
    revised: the table brought up to date, one decision."""
    path = (STATS, POP)
    changes = [cell(path, "令和５年", "高齢化率", "３４.２％", "３４.４％", pages=(2,)),
               row_added(path, ["令和６年", "１８,１９０", "３５.１％"], pages=(2,))]
    assert len(build_changelog(changes).rows) == 1


def test_a_row_moved_by_the_merge_carrying_a_renamed_division_is_a_place_of_the_rename() -> None:
    """The 課 renamed in every table (one row) and a row of the merged table
    that moved with the merge and carries the new 課: still two rows, the
    merge and the rename, and the rename is seen on the merged 施策's page too."""
    renamed = "福祉総合相談課"
    old, new = _merge_docs()
    moved_row = [c.replace("福祉課", renamed) for c in GUARDIAN]
    base = (MEASURES, G3)
    other = [(MEASURES, G1, DEMENTIA, "イ　早期発見・早期対応の推進"), (MEASURES, G3, "（１）住まいと移動手段の確保", "イ　移動手段の確保")]
    changes = [cell(path, f"事業{n}", "担当課", "福祉課", renamed, pages=(6 + 4 * n,)) for n, path in enumerate(other)]
    changes += [
        change(base + (MERGED,), OLD_A, MERGED, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=base + (OLD_A,), pages=(13,)),
        change(base + (MERGED,), OLD_B, MERGED, kind=ChangeKind.MERGED, block_kind="section", rule="section-merged",
               old_path=base + (OLD_B,), pages=(13,)),
        replace(row_added(base + (MERGED, CARERS_NEW), moved_row, pages=(13,)), old_section_path=base + (OLD_B, CARERS_OLD)),
    ]
    log = build_changelog(changes, new_doc=new, old_doc=old)
    assert len(log.rows) == 2
    rename = next(r for r in log.rows if renamed in r.summary)
    assert rename.new_pages == (6, 10, 13)
    assert "「成年後見制度利用支援事業」が統合で移った先でも同じ変更が現れる" in rename.grouping
