"""A reorder of explanatory subsections is 文言整理; a reorder of measures is a
decision (issue 11; policy in compare/section_roles.py). Found on env6 第1部第3章
(the principles （1）環境効率性 （2）… （3）… put in another order, every sentence
kept): the hand labels call it editorial, the seed's 別紙2 lists no such row."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents
from revtool.compare.section_roles import measure_evidence, table_titles
from revtool.model import Block, BlockKind, Section, Table

from tests.diff_helpers import parse_plan

PRINCIPLES = {
    "A": ("環境効率性", "環境負荷を大幅に減らしつつ経済の付加価値を高めることが必要である。"),
    "B": ("リスク評価と未然防止原則", "環境リスクを科学的に評価し、被害を未然に防ぐことが重要である。"),
    "C": ("汚染者負担の原則等", "汚染の費用は汚染者が負担するという考え方が基本となる。"),
}
MEASURES = {
    "A": ("省エネルギー対策の推進", "事業者の省エネルギー診断を支援します。"),
    "B": ("再生可能エネルギーの導入拡大", "公共施設に太陽光発電設備を導入します。"),
    "C": ("廃棄物の発生抑制と資源化", "家庭ごみの分別を徹底します。"),
}


def _plan(sections: dict[str, tuple[str, str]], order: str, table: str = "") -> str:
    lines = ["# 第3章　環境政策の原則・手法", "## 1.　環境政策における原則等"]
    for i, k in enumerate(order, 1):
        title, body = sections[k]
        lines += [f"### （{i}）{title}", body]
    return "\n".join(lines + (["# 第4章　原則と施策の対応", table] if table else [])) + "\n"


def _moved(sections: dict[str, tuple[str, str]], table: str = ""):  # type: ignore[no-untyped-def]
    old, new = parse_plan(_plan(sections, "ABC", table)), parse_plan(_plan(sections, "BCA", table))
    changes = diff_documents(old, new)
    (moved,) = [c for c in changes if c.new_text.endswith(sections["A"][0]) and c.block_kind == "section"]
    return changes, moved


def test_explanatory_subsections_reordered_are_editorial_and_no_row() -> None:
    changes, moved = _moved(PRINCIPLES)
    assert moved.old_text == "（1）環境効率性" and moved.new_text == "（3）環境効率性"
    assert not moved.substantive and moved.verdict.rule == "section-reordered"
    assert "説明の節" in moved.verdict.evidence  # the evidence says why (DESIGN §4)
    assert not any(c.substantive for c in changes)
    assert build_changelog(changes).rows == ()


def test_measures_reordered_stay_a_decision_and_a_row() -> None:
    changes, moved = _moved(MEASURES)  # titles named by an action: 推進, 導入拡大, 資源化
    assert moved.substantive and moved.verdict.rule == "section-moved"
    (row,) = build_changelog(changes).rows
    assert "省エネルギー対策の推進" in row.summary


def test_a_concept_title_listed_in_a_table_is_a_measure() -> None:
    # the same explanatory titles, but the plan lists them in a table (its 体系): their order is the plan's
    table = "| 原則 | 関連する施策 |\n| 環境効率性 | 省エネルギー |\n| 汚染者負担の原則等 | 廃棄物 |"
    _, moved = _moved(PRINCIPLES, table)
    assert moved.substantive and moved.verdict.rule == "section-moved"


def _section(title: str, blocks: tuple[Block, ...] = (), children: tuple[Section, ...] = ()) -> Section:
    return Section(heading=f"（1）{title}", number="（1）", title=title, level=3, blocks=blocks, children=children)


def test_what_makes_a_section_a_measure() -> None:
    text = (Block(BlockKind.PARAGRAPH, "環境負荷を減らすことが重要である。"),)
    assert measure_evidence(_section("環境効率性", text), frozenset()) == ""
    assert measure_evidence(_section("汚染者負担の原則等", text), frozenset()) == ""  # 等 is no action
    assert measure_evidence(_section("基本的な考え方", text), frozenset()) == ""
    assert measure_evidence(_section("ごみ収集の推進", text), frozenset()) == "取組を表す見出し"
    assert measure_evidence(_section("児童手当の支給", text), frozenset()) == "取組を表す見出し"
    assert measure_evidence(_section("企業行動における環境の主流化", text), frozenset()) == "取組を表す見出し"  # ～化
    sheet = _section("防災まちづくりの方針", children=(_section("現状と課題", text),))
    assert measure_evidence(sheet, frozenset()) == "小見出しを持つ節"
    t = Table.from_texts([["指標", "現状値", "目標値"], ["耐震化率", "80%", "95%"]])
    indicators = _section("景観形成の方針", text + (Block(BlockKind.TABLE, t.as_text(), table=t),))
    assert measure_evidence(indicators, frozenset()) == "表を含む節"
    listed = table_titles(parse_plan("# 第1章　体系\n| 分野 | 方針 |\n| 都市 | 1-1 景観形成の方針 |\n"))
    assert measure_evidence(_section("景観形成の方針", text), listed) == "表に掲載された項目"


def test_two_swapped_explanatory_subsections_are_no_row_and_two_swapped_measures_one() -> None:
    def rows(sections: dict[str, tuple[str, str]]) -> list[str]:
        changes = diff_documents(parse_plan(_plan(sections, "ABC")), parse_plan(_plan(sections, "BAC")))
        return [r.summary for r in build_changelog(changes).rows]

    assert rows(PRINCIPLES) == []
    assert rows(MEASURES) == ["「再生可能エネルギーの導入拡大」と「省エネルギー対策の推進」の順序を入れ替え"]
