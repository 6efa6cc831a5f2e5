"""A titled list item added or deleted with the paragraph that describes it is
one clause, said by the item's title."""

from __future__ import annotations

from revtool.changes.facts import facts_of
from revtool.changes.summary import fact_clauses
from revtool.model import ChangeKind
from tests.changelog_helpers import change

TORIKUMI = ("第３章　施策の展開", "施策３－２－２　上下水道の安定した経営", "主な取組")


def facts(*changes):  # type: ignore[no-untyped-def]
    out = []
    for i, c in enumerate(changes):
        out.extend(facts_of(c, i))
    return out


def test_a_deleted_item_and_its_description_are_one_clause() -> None:
    fs = facts(
        change(TORIKUMI, "（ウ）経営基盤の強化", "", kind=ChangeKind.DELETED, block_kind="list"),
        change(TORIKUMI, "経営戦略に基づき、効率的な事業運営と適正な料金水準の検討を行います。", "", kind=ChangeKind.DELETED),
    )
    assert fact_clauses(fs) == ["主な取組から「経営基盤の強化」を削除"]


def test_an_added_item_and_its_description_are_one_clause() -> None:
    fs = facts(
        change(TORIKUMI, "", "（エ）広域連携による事業の共同化", kind=ChangeKind.ADDED, block_kind="list"),
        change(TORIKUMI, "", "近隣市町と連携し、施設の共同化や事務の共同処理を進めます。", kind=ChangeKind.ADDED),
    )
    assert fact_clauses(fs) == ["主な取組に「広域連携による事業の共同化」を追加"]


def test_a_paragraph_that_does_not_follow_the_item_is_its_own_clause() -> None:
    fs = facts(
        change(TORIKUMI, "（ウ）経営基盤の強化", "", kind=ChangeKind.DELETED, block_kind="list"),
        change(TORIKUMI, "水道料金の改定について検討します。", "水道料金の改定を令和9年度までに実施します。"),
        change(TORIKUMI, "経営戦略に基づき、効率的な事業運営と適正な料金水準の検討を行います。", "", kind=ChangeKind.DELETED),
    )
    said = fact_clauses(fs)
    assert "主な取組から「経営基盤の強化」を削除" in said and len(said) == 3


IND = ("第３章　施策の展開", "施策１－１－１　保育サービスと放課後の居場所の充実", "成果指標")


def _header(old: str, new: str):  # type: ignore[no-untyped-def]
    return facts(change(IND, old, new, block_kind="table", location=f"表1 見出し行 列『{new}』"))


def test_a_header_whose_date_moved_on_says_the_values_were_updated() -> None:
    assert fact_clauses(_header("現状値（令和5年度）", "現状値（令和6年度）")) == ["成果指標の現状値を令和5年度から令和6年度の値に更新"]
    # a target column's header is no target value (目標値（令和11年度） is not 11 → 12)
    assert fact_clauses(_header("目標値（令和11年度）", "目標値（令和12年度）")) == ["成果指標の目標値を令和11年度から令和12年度の値に更新"]


def test_another_header_is_said_once_as_a_header() -> None:
    assert fact_clauses(_header("目標値", "目標値（令和12年度）")) == ["成果指標の表の見出しを「目標値」から「目標値（令和12年度）」に変更"]


ISSUES = ("第３章　施策の展開", "施策１－２－１　確かな学力の育成", "現状と課題")


def test_a_long_sentence_added_is_named_by_the_term_its_note_explains() -> None:
    before = "学力の向上に向けた取組を進めています。"
    added = "支援が届きにくい人に対しては、アウトリーチ※1による働きかけを強化する必要があります。"
    assert fact_clauses(facts(change(ISSUES, before, before + added))) == ["「アウトリーチ」に関する記述を追記"]
    # a name made of two words joined by ・ is named whole
    added = "国では、令和7年11月に子ども・子育て支援法※2が改正され、新たな給付の制度が設けられました。"
    assert fact_clauses(facts(change(ISSUES, before, before + added))) == ["「子ども・子育て支援法」に関する記述を追記"]
