"""blind11 tuning kinds (a town's 男女共同参画プラン), on small hand-made cases:
a law revision the 案 newly cites by its number is an outside cause whatever
its year; a コラム added as a title line and its body is one row, whatever the
body names in 「」; a 取組 whose predicate alone changed (検討します → 実施します) is
named by its item title."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import Block, BlockKind, ChangeKind, Document, Section

from tests.changelog_helpers import cell, change

POLICY = ("第４章　施策の展開", "基本目標Ⅳ　ワーク・ライフ・バランスの実現", "施策の方向１１　男性の家事・育児・介護への参画促進")


def test_a_column_title_and_its_body_added_are_one_row() -> None:
    """「コラム　男性の育児休業」 and the paragraph after it, added together: the body
    names 「産後パパ育休」, which the title does not, yet it is what the title heads."""
    title = change(POLICY, "", "コラム　男性の育児休業", kind=ChangeKind.ADDED, pages=(30,))
    body = change(POLICY, "", "育児・介護休業法の改正により、子どもの出生後８週間以内に取得できる「産後パパ育休」が創設されました。",
                  kind=ChangeKind.ADDED, pages=(30,))
    rows = build_changelog([title, body]).rows
    assert len(rows) == 1 and {c.new_text for c in rows[0].changes} == {title.new_text, body.new_text}
    # two sentences added one after the other, each naming its own service: two decisions
    one = change(POLICY, "", "父親向けの「パパ講座」を開催します。", kind=ChangeKind.ADDED, pages=(30,))
    two = change(POLICY, "", "事業所向けに「育休ハンドブック」を配布します。", kind=ChangeKind.ADDED, pages=(30,))
    assert len(build_changelog([one, two]).rows) == 2


def _doc(path: tuple[str, ...], *texts: str) -> Document:
    """One section at ``path`` holding paragraphs ``texts`` (its parents without text)."""
    sec = Section(heading=path[-1], title=path[-1].split("　")[-1],
                  blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in texts))
    for h in reversed(path[:-1]):
        sec = Section(heading=h, title=h.split("　")[-1], children=(sec,))
    return Document(title="プラン", sections=(sec,))


def test_a_predicate_changed_in_an_items_body_is_said_of_the_item_by_its_title() -> None:
    """「ことについて、「検討します」を「実施します」に変更」 lost what the 取組 is: the
    item's title line (②　ＳＮＳを活用した啓発) names it, as staff write it."""
    path = POLICY + ("★（１）広報・啓発活動の充実",)
    title = "②　ＳＮＳを活用した啓発"
    old = "若い世代に届くよう、町の公式ＳＮＳで男女共同参画に関する情報を定期的に発信することを検討します。"
    new = old.replace("検討します", "実施します")
    (row,) = build_changelog([change(path, old, new, pages=(9,))], old_doc=_doc(path, title, old),
                             new_doc=_doc(path, title, new)).rows
    assert row.summary == "「ＳＮＳを活用した啓発」について、「検討します」を「実施します」に変更"
    # a paragraph after a sentence (no item title before it): said of the sentence's own subject
    lead = "町の広報紙などを活用し、情報を分かりやすく発信します。"
    (row,) = build_changelog([change(path, old, new, pages=(9,))], old_doc=_doc(path, lead, old),
                             new_doc=_doc(path, lead, new)).rows
    assert "ＳＮＳを活用した啓発" not in row.summary and row.summary.endswith("「検討します」を「実施します」に変更")


# ---------------------------------------------------------------- structural decisions of the office


def _verdict(old: str, new: str):  # type: ignore[no-untyped-def]
    from revtool.compare.chardiff import char_diff, judged_hunks
    from revtool.compare.editorial import combine, judge
    from revtool.compare.editorial_config import EditorialRules

    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, EditorialRules()))


def test_a_name_whose_term_is_replaced_by_other_words_is_renamed() -> None:
    """ワーク・ライフ・バランス → 仕事と生活の調和 in a 基本目標's heading: words sharing no
    kanji or katakana with the old ones, another name (blind11 13002: read as a 軽微な言い換え)."""
    assert _verdict("基本目標Ⅳ　ワーク・ライフ・バランスの実現と推進体制の充実",
                    "基本目標Ⅳ　仕事と生活の調和の実現と推進体制の充実").substantive
    # a filler in a name, or a paraphrase in a sentence, stays a rewording
    assert not _verdict("地域福祉の推進", "地域福祉の一層の推進").substantive
    assert not _verdict("必要な対応を遅滞なく行う。", "必要な対応を速やかに行う。").substantive


def test_a_heading_renamed_and_figures_updated_in_its_table_are_two_rows() -> None:
    """基本目標Ⅳ renamed, and its 成果指標's 現状値 速報値 → 確定値: two decisions."""
    goal_old, goal_new = "基本目標Ⅳ　ワーク・ライフ・バランスの実現", "基本目標Ⅳ　仕事と生活の調和の実現"
    path = ("第４章　施策の展開", goal_new)
    changes = [
        change(path, goal_old, goal_new, kind=ChangeKind.RENAMED, block_kind="section", rule="section-renamed",
               old_path=("第４章　施策の展開", goal_old), location="見出し", pages=(27,)),
        cell(path, "町職員（男性）の育児休業取得率", "現状値（令和５年度）", "２８.８％（速報値）", "３０.２％", pages=(27,)),
        cell(path, "家事を夫婦で分担していると回答した町民の割合", "現状値（令和５年度）", "２９.１％（速報値）", "２９.５％", pages=(27,)),
    ]
    rows = build_changelog(changes).rows
    assert [r.kind for r in rows] == [ChangeKind.RENAMED, ChangeKind.MODIFIED]
    assert "仕事と生活の調和の実現" in rows[0].summary and "３０.２％" in rows[1].summary
    assert "表の値の変更" in rows[1].grouping


def test_a_cell_filled_or_emptied_is_a_cell_not_a_table() -> None:
    from revtool.changes.facts import CELL, facts_of

    (f,) = facts_of(cell(("第３章", "３　施策の体系"), "１　学校教育の推進", "基本目標", "", "基本目標Ⅰ　意識づくり"))
    assert f.kind == CELL and f.column == "基本目標" and f.row_key == "１　学校教育の推進"


def test_a_merged_cells_text_moved_by_a_swap_of_its_lines_is_part_of_the_swap() -> None:
    """施策の方向１ and ２ swapped: the 体系's 基本目標 cell, merged over their lines, is
    printed in the first line, now the other one — the cell emptied in one line and
    filled in the other is the swap's, not a row of its own."""
    up, taikei = ("第４章　施策の展開", "基本目標Ⅰ　意識づくり"), ("第３章　計画の基本的な考え方", "３　施策の体系")
    a, b = "学校教育・生涯学習における男女共同参画の推進", "男女共同参画に関する意識啓発の推進"
    changes = [
        change(up + (f"施策の方向１　{a}",), f"施策の方向２　{a}", f"施策の方向１　{a}", kind=ChangeKind.MOVED,
               block_kind="section", rule="section-moved", old_path=up + (f"施策の方向２　{a}",), location="見出し", pages=(9,)),
        change(up + (f"施策の方向２　{b}",), f"施策の方向１　{b}", f"施策の方向２　{b}", kind=ChangeKind.MOVED,
               block_kind="section", rule="section-moved", old_path=up + (f"施策の方向１　{b}",), location="見出し", pages=(11,)),
        cell(taikei, f"１　{a}", "基本目標", "", "基本目標Ⅰ　意識づくり", pages=(6,)),
        cell(taikei, f"２　{b}", "基本目標", "基本目標Ⅰ　意識づくり", "", pages=(6,)),
    ]
    (row,) = build_changelog(changes).rows
    assert row.kind == ChangeKind.MOVED and taikei in row.section_paths


# ---------------------------------------------------------------- the office's own decisions, inferred


def test_provisional_figures_made_final_are_the_plans_own_update() -> None:
    """現状値 ５５.２％（速報値） → ５３.９％ in each row: the plan brought its figures up to
    date (internal, said as inferred); a figure changed without such a mark stays unknown."""
    from revtool.model import CauseType

    path = ("第４章　施策の展開", "基本目標Ⅲ　安全・安心に暮らせる環境づくり")
    rows = build_changelog([
        cell(path, "ＤＶの相談窓口を知っている町民の割合", "現状値（令和５年度）", "４３.５％（速報値）", "４４.９％", pages=(21,)),
        cell(path, "子宮がん検診の受診率", "現状値（令和５年度）", "１９.３％（速報値）", "１８.０％", pages=(21,)),
    ]).rows
    assert len(rows) == 1 and rows[0].cause.type == CauseType.INTERNAL
    assert rows[0].cause.evidence == "計画自身の数値の更新と推定（速報値を確定値に更新、2か所）"
    (row,) = build_changelog([cell(path, "子宮がん検診の受診率", "現状値（令和５年度）", "１９.３％", "１８.０％")]).rows
    assert row.cause.type == CauseType.UNKNOWN


def test_a_structural_decision_no_open_promise_explains_is_the_offices_own() -> None:
    """A section renamed with no comment linked and no outside revision: internal (inferred)
    when every comment near it that promised an edit is linked to another row; unknown
    while one such comment is linked nowhere (a link may have been missed)."""
    from revtool.changes.row_fields import office_structure_cause
    from revtool.changes.table import Scored
    from revtool.model import CauseType

    near = [Scored("C19", "R2", 0.21, "", "", promised=True), Scored("C22", "R2", 0.18, "", "", promised=False)]
    cause = office_structure_cause("renamed", near, {"C19"})
    assert cause is not None and cause.type == CauseType.INTERNAL and cause.confidence == 0.5
    assert "名称の変更" in cause.evidence and "推定" in cause.evidence and "C19" in cause.evidence
    assert office_structure_cause("renamed", near, set()) is None  # C19 promised and is linked nowhere
    assert office_structure_cause("", near, {"C19"}) is None  # not a structural decision
