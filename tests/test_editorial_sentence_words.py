"""Words that change nothing a planner commits to, seen on a real ministry
revision (issue 11, env6 素案 → 案): a sentence adverb added at the head of a
sentence (「例えば、」), 等 appended to a noun (悪化 → 悪化等), and — the other
way — the same kinds of edit that do change the plan (「必ず、」 added, a noun
suffix that makes another word, an adverb inside a clause)."""

from __future__ import annotations

import pytest

from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_config import EditorialRules

RULES = EditorialRules()


def verdict(old: str, new: str, rules: EditorialRules = RULES):
    return combine(judge(old, new, judged_hunks(old, new, char_diff(old, new)), rules))


EDITORIAL = [
    # a sentence adverb (副詞 of the connective words) at the head of a sentence, set off by 、
    ("再生可能エネルギーの導入が進んでいる。", "例えば、再生可能エネルギーの導入が進んでいる。", "connective"),
    ("資源の制約が強まっている。化石燃料の価格が上昇した。",
     "資源の制約が強まっている。例えば、化石燃料の価格が上昇した。", "connective"),
    ("資源の制約が強まっている。とりわけ、化石燃料の価格が上昇した。",
     "資源の制約が強まっている。化石燃料の価格が上昇した。", "connective"),
    ("地域の担い手が減少している。また、空き家が増えている。",
     "地域の担い手が減少している。また、例えば、空き家が増えている。", "connective"),
    # 等 (a noun suffix of the filler words) appended or dropped
    ("生物多様性の損失や水質の悪化が生じている。", "生物多様性の損失や水質の悪化等が生じている。", "filler"),
    ("大気汚染等の影響を把握する。", "大気汚染の影響を把握する。", "filler"),
]

SUBSTANTIVE = [
    # an adverb that changes a commitment is no connective, even where 例えば would be
    ("再生可能エネルギーの導入を進める。", "必ず、再生可能エネルギーの導入を進める。", "meaning"),
    ("再生可能エネルギーの導入を進める。", "直ちに、再生可能エネルギーの導入を進める。", "phrase"),
    # 例えば with words after it: an example added is content
    ("再生可能エネルギーの導入が進んでいる。", "例えば太陽光発電など、再生可能エネルギーの導入が進んでいる。", "phrase"),
    # a noun suffix that makes another word, or a noun added after 等's place
    ("生物多様性の損失や水質の悪化が生じている。", "生物多様性の損失や水質の悪化、土壌汚染が生じている。", "phrase"),
    ("行政手続のデジタル推進を図る。", "行政手続のデジタル化推進を図る。", "phrase"),
]


@pytest.mark.parametrize("old,new,rule", EDITORIAL)
def test_editorial(old: str, new: str, rule: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert rule in v.rule.split("+"), v
    assert v.evidence.startswith("文言整理")  # the rule's label says why


@pytest.mark.parametrize("old,new,rule", SUBSTANTIVE)
def test_substantive(old: str, new: str, rule: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert rule in v.rule.split("+"), v


def test_an_adverb_inside_a_clause_is_not_a_sentence_connective() -> None:
    """例えば in the middle of a clause, not set off by 、, qualifies the words after it."""
    v = verdict("太陽光を活用する。", "例えば太陽光を活用する。")
    assert v.rule != "connective", v


def test_user_connective_words_take_adverbs_too() -> None:
    old, new = "研修を行う。参加者が増えた。", "研修を行う。概して、参加者が増えた。"
    assert verdict(old, new).rule != "connective"
    v = verdict(old, new, EditorialRules.from_config({"connective_words": ["概して"]}))
    assert not v.substantive and v.rule == "connective", v


def test_organisation_suffix_must_end_a_word() -> None:
    """課題 starts with 課 but names no 課: a clause reworded before it is not an org change."""
    assert "org" not in verdict("地域の課題を解決する。", "地域が抱える課題を解決する。").rule
    assert "org" in verdict("企画部が担当する。", "企画局が担当する。").rule


def test_a_rewording_that_names_who_did_it_is_substantive() -> None:
    """A short clause reworded to name a country, a place or a body (固有名詞) adds a fact."""
    old = "生物多様性の保全を目的とした国際的な枠組みであるイニシアティブにより、技術協力を進める。"
    new = "生物多様性の保全を目的として日本が設立したイニシアティブにより、技術協力を進める。"
    v = verdict(old, new)
    assert v.substantive, v
    # the same clause reworded without a new name stays a rewording
    same = "生物多様性の保全を目的とした国際的な枠組みとしてのイニシアティブにより、技術協力を進める。"
    assert not verdict(old, same).substantive


def test_a_suffixed_term_used_throughout_the_document_is_no_filler() -> None:
    """開示等 written throughout a contract is a term: dropping 等 narrows it (a real
    METI NDA edit). The same edit on a word + 等 written once stays a filler."""
    old, new = "甲が乙に開示等する秘密情報を保護する。", "甲が乙に開示する秘密情報を保護する。"
    hunks = judged_hunks(old, new, char_diff(old, new))
    contract = "開示等する情報。開示等の方法。開示等した一切の情報。" + old
    v = combine(judge(old, new, hunks, RULES, (contract, contract.replace(old, new))))
    assert v.substantive, v
    once = "水質の状況。" + old
    assert not combine(judge(old, new, hunks, RULES, (once, once.replace(old, new)))).substantive
