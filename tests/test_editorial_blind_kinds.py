"""Editorial kinds the blind plan family found (issue 11): 公用文 行う → する in
any conjugation, a typo fixed next to a number, and a name whose head noun
changed (a reworded indicator is substantive)."""

from __future__ import annotations

import pytest

from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_config import EditorialRules
from revtool.model import Verdict

RULES = EditorialRules()


def verdict(old: str, new: str) -> Verdict:
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, RULES))


@pytest.mark.parametrize(("old", "new"), [
    ("大気の状況については、定期的に点検を行います。", "大気の状況については、定期的に点検します。"),
    ("施設の点検を行って、結果を公表します。", "施設の点検をして、結果を公表します。"),
    ("施設の点検が行われる。", "施設の点検がされる。"),
    ("研修を行い、制度を周知する。", "研修し、制度を周知する。"),
    ("毎年度、調査を行う。", "毎年度、調査する。"),
])
def test_suru_for_okonau_is_editorial_in_every_conjugation(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "variant"
    assert "用字・用語の統一" in v.evidence  # not the dictionary's 為る


@pytest.mark.parametrize(("old", "new"), [
    ("研修を行い、制度を周知する。", "研修を中止し、制度を周知する。"),  # another action
    ("調査を行う。", "調査を行わない。"),  # negation
    ("調査を行う。", "検討を行う。"),  # another object
])
def test_other_changes_around_okonau_stay_substantive(old: str, new: str) -> None:
    assert verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("温室効果ガス排出量を2030年度までに48%削滅します。", "温室効果ガス排出量を2030年度までに48%削減します。"),
    ("2030年度までに48％削滅する。", "2030年度までに48％削減する。"),
    ("10か所整傭する。", "10か所整備する。"),
])
def test_typo_fixed_next_to_a_number_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "typo"


@pytest.mark.parametrize(("old", "new"), [
    ("令和8年度中に策定する。", "令和8年度末に策定する。"),  # the date word itself changed
    ("10か所整備する。", "10か所設置する。"),  # two dictionary words
    ("48%削減する。", "46%削減する。"),  # the number
])
def test_changes_next_to_a_number_stay_substantive(old: str, new: str) -> None:
    assert verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("講座等の参加者数", "講座等の参加者の満足度"),
    ("支援件数（累計）", "支援を受けた事業者数（累計）"),
    ("取組市町村数", "取組を実施した市町村の割合"),
])
def test_indicator_with_another_head_noun_is_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert v.rule != "rewording"


@pytest.mark.parametrize(("old", "new"), [
    ("講座等の参加者数", "講座などの参加者数"),  # 等 → など
    ("地域福祉の推進", "地域福祉の一層の推進"),  # a filler before the head
    ("必要な対応を遅滞なく行う。", "必要な対応を速やかに行う。"),  # a sentence, not a name
])
def test_same_head_or_sentence_stays_editorial(old: str, new: str) -> None:
    assert not verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("地域の防災訓練を年3件実施する。", "地域の防災訓練を年3回実施する。"),
    ("説明会を年３件開催する。", "説明会を年3回開催する。"),  # digit width AND counter changed
    ("説明会を年三件開催する。", "説明会を年3回開催する。"),
    ("100人を対象とする。", "100社を対象とする。"),
    ("2030年度までに46%削減する。", "2030年度までに46ポイント削減する。"),
])
def test_a_counter_changed_next_to_the_same_number_is_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert v.rule == "counter", v


@pytest.mark.parametrize(("old", "new"), [
    ("10か所整備する。", "10箇所整備する。"),  # the same counter spelt two ways
    ("46%削減する。", "46パーセント削減する。"),
    ("令和8年度に策定する。", "2026年度に策定する。"),
    ("説明会を年３件開催する。", "説明会を年3件開催する。"),
])
def test_the_same_counter_written_otherwise_stays_editorial(old: str, new: str) -> None:
    assert not verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("施設の点検等を行う。", "施設の点検等する。"),
    ("施設の点検等を行います。", "施設の点検等します。"),
    ("施設の点検などを行う。", "施設の点検などする。"),
    ("職員の研修等を行います。", "職員の研修等します。"),
])
def test_suru_for_okonau_after_a_noun_with_its_suffix_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "variant"


def test_okonau_dropped_from_a_noun_with_suffix_but_another_action_stays_substantive() -> None:
    assert verdict("施設の点検等を行う。", "施設の点検等を中止する。").substantive


@pytest.mark.parametrize(("old", "new"), [
    ("通信環境の推移は図表１２のとおりである。", "通信環境の推移は図表１－３のとおりである。"),
    ("図表９　学習プラットフォームの推移", "図表３－５　学習プラットフォームの推移"),
    ("詳細は表3に示す。", "詳細は表4に示す。"),
])
def test_a_figure_or_table_renumbered_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "figure", v


@pytest.mark.parametrize(("old", "new"), [
    ("代表１名を置く。", "代表２名を置く。"),  # 表 inside a word is no label
    ("表1のとおり10件とする。", "表1のとおり12件とする。"),  # a number beside a label changed
])
def test_numbers_that_are_not_figure_labels_stay_substantive(old: str, new: str) -> None:
    assert verdict(old, new).substantive


def test_kanji_numerals_inside_a_word_are_words() -> None:
    # 一人ひとり / 一人一人: the dictionary's 表記ゆれ, not the number 1
    v = verdict("国民一人ひとりが学ぶ。", "国民一人一人が学ぶ。")
    assert not v.substantive and v.rule == "variant", v
    assert verdict("三人で行う。", "四人で行う。").substantive


def test_a_typo_that_spells_a_persons_name_is_still_a_typo() -> None:
    # 啓登 is in the dictionary only as a given name: 普及啓登 → 普及啓発 is a typo fix
    v = verdict("地域の普及啓登を進める。", "地域の普及啓発を進める。")
    assert not v.substantive and v.rule == "typo", v


@pytest.mark.parametrize(("old", "new"), [
    ("※７　リカレント教育：学び直しをいう。", "※８　リカレント教育：学び直しをいう。"),
    ("ライフステージ※７全体を見通す。", "ライフステージ※８全体を見通す。"),
    ("注3　用語の説明", "注4　用語の説明"),
    ("詳しくは脚注12を参照。", "詳しくは脚注13を参照。"),  # 脚 before 注 is part of the label
])
def test_a_note_renumbered_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive and v.rule == "figure", v


def test_a_name_whose_item_is_swapped_for_other_words_is_renamed() -> None:
    # one item of a 施策の方向's title replaced by words sharing no kanji with it: what the 施策 covers changed
    v = verdict("（２）社会参加と就労の支援", "（２）社会参加と多様な働き方の支援")
    assert v.substantive, v


@pytest.mark.parametrize(("old", "new"), [
    ("（１）子育て・見守りの充実", "（１）身近な子育てと見守りの充実"),  # words given to the name
    ("（３）緊急時の連絡体制づくり", "（３）災害に備えた地域の連絡体制づくり"),
    ("（２）地域福祉の担い手の育成", "（２）地域福祉を担う人の育成"),
])
def test_a_name_given_words_or_losing_some_is_renamed(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v


def test_a_name_given_a_word_that_adds_nothing_stays_the_same_name() -> None:
    assert not verdict("（１）健康づくりの推進", "（１）健康づくり活動の推進").substantive
