"""The ``commitment`` rule: a clause's predicate moved to another level of
commitment is substantive; the same predicate said anew (公用文) stays editorial."""

from __future__ import annotations

import pytest

from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_commitment import clause_predicates
from revtool.compare.editorial_config import EditorialRules
from revtool.errors import WorkspaceError

RULES = EditorialRules()


def verdict(old: str, new: str, rules: EditorialRules = RULES):
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, rules))


@pytest.mark.parametrize("old, new", [
    ("●デマンド型交通の運行により、移動手段の確保に努めます。", "●デマンド型交通の運行により、移動手段の確保に取り組みます。"),
    ("●商店街と連携し、空き店舗の活用に取り組みます。", "●商店街と連携し、空き店舗の活用に努めます。"),  # weaker: as substantive
    ("相談窓口の一本化に努めます。", "相談窓口の一本化を実施します。"),
    ("関係機関との連携を図ります。", "関係機関との連携を進めます。"),
    ("住民の福祉の向上に努めます。", "住民の福祉の向上を図ります。"),
    ("見守り活動の充実に努め、地域の安心を守ります。", "見守り活動の充実を推進し、地域の安心を守ります。"),
    ("学習支援の場の確保に努めます。", "学習支援の場を確保します。"),
])
def test_a_predicate_at_another_level_is_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive and v.rule == "commitment", (v.rule, v.evidence)
    assert "確約" in v.evidence


@pytest.mark.parametrize("old, new", [
    ("交流会の開催を行います。", "交流会を開催します。"),  # 公用文: 〜の開催を行う → 〜を開催する
    ("職場定着への支援を行います。", "職場定着を支援します。"),
    ("防災訓練を行います。", "防災訓練をします。"),
    ("推進本部において調整を図る。", "推進本部において調整を行う。"),  # 〜を図る after a サ変 noun: 〜する
    ("地域福祉の推進を図ります。", "地域福祉を推進します。"),
    ("健康づくりを推進します。", "健康づくりを進めます。"),  # another word of the same level
])
def test_the_same_commitment_said_anew_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, (v.rule, v.evidence)


def test_consider_to_do_stays_substantive() -> None:
    # 検討 is a listed substantive word: the meaning rule decides before this one
    assert verdict("相談窓口の一本化を検討します。", "相談窓口の一本化を実施します。").substantive


def test_a_typo_in_the_predicate_is_no_change_of_level() -> None:
    # 推准 is no word: its fix is a typo fix, not a predicate moved from 実施 to 推進
    v = verdict("施策を総合的に推准する。", "施策を総合的に推進する。")
    assert not v.substantive and v.rule == "typo", v


def test_a_change_away_from_the_predicate_is_not_read_as_one() -> None:
    # 努めます stays; the change is in a word before it
    v = verdict("情報発信に努めます。", "情報の発信に努めます。")
    assert v.rule != "commitment"


def test_clause_predicates_read_the_head_of_each_clause() -> None:
    heads = [p.head for p in clause_predicates("把握に努め、情報を関係機関と共有し、支援を行っていきます。")]
    assert heads == ["努める", "共有", "支援"]


def test_a_word_added_to_a_level_in_the_plan_settings() -> None:
    old, new = "ごみの減量に心掛けます。", "ごみの減量に取り組みます。"
    assert verdict(old, new).rule != "commitment"
    rules = EditorialRules.from_config({"commitment": {"努める": ["心掛ける"]}})
    assert verdict(old, new, rules).rule == "commitment"


def test_an_unknown_level_in_the_settings_is_a_clear_error() -> None:
    with pytest.raises(WorkspaceError, match="不明な段階"):
        EditorialRules.from_config({"commitment": {"約束する": ["誓う"]}})
