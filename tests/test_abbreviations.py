"""Kinds that leaked as substantive on a real ministry revision (issue 11, env6):
an abbreviation expanded to its full form or the reverse (再エネ ⇄ 再生可能エネルギー,
a law's short name the plan defines), and list items renumbered or reordered
(① ⇄ ②). Each is 文言整理; their look-alikes that change meaning stay substantive."""

from __future__ import annotations

import pytest

from revtool.changes.changelog import build_changelog
from revtool.compare.abbreviations import definitions, formed_from
from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.diff import diff_documents
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_config import EditorialRules
from revtool.model import Verdict

from tests.diff_helpers import parse_plan

RULES = EditorialRules()
DEFINED = ("再生可能エネルギー（以下「再エネ」という。）の主力電源化を進める。\n"
           "「環境教育等による環境保全の取組の促進に関する法律」（平成15年法律第130号）"
           "（以下「環境教育等促進法」という。）に基づき進める。")


def verdict(old: str, new: str, vocabulary: str = "") -> Verdict:
    hs = judged_hunks(old, new, char_diff(old, new))
    vocab = (vocabulary + "\n" + old, vocabulary + "\n" + new)
    return combine(judge(old, new, hs, RULES, vocab))


def test_the_plans_definitions_are_read() -> None:
    assert set(definitions(DEFINED)) == {
        ("再エネ", "再生可能エネルギー"),
        ("環境教育等促進法", "環境教育等による環境保全の取組の促進に関する法律"),  # brackets and law number left out
    }


@pytest.mark.parametrize(("old", "new"), [
    ("地域で再エネの導入を進める。", "地域で再生可能エネルギーの導入を進める。"),
    ("地域で再生可能エネルギーの導入を進める。", "地域で再エネの導入を進める。"),
    ("環境教育等による環境保全の取組の促進に関する法律に基づく基本方針を改定する。",
     "環境教育等促進法に基づく基本方針を改定する。"),
    ("環境教育等促進法に基づく基本方針を改定する。",
     "環境教育等による環境保全の取組の促進に関する法律に基づく基本方針を改定する。"),
])
def test_a_defined_short_form_and_its_full_form_are_the_same_thing(old: str, new: str) -> None:
    v = verdict(old, new, DEFINED)
    assert not v.substantive, v
    assert v.rule == "abbreviation" and "計画で定めた略称" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    ("地域で再エネの導入を進める。", "地域で再生可能エネルギー熱の導入を進める。"),  # another thing
    ("地域で再エネの導入を進める。", "地域で原子力エネルギーの導入を進める。"),
    ("環境教育等促進法に基づく基本方針を改定する。", "環境基本法に基づく基本方針を改定する。"),  # another law
])
def test_another_word_in_place_of_a_defined_one_stays_substantive(old: str, new: str) -> None:
    assert verdict(old, new, DEFINED).substantive


@pytest.mark.parametrize(("short", "full"), [
    ("再エネ", "再生可能エネルギー"), ("省エネ", "省エネルギー"), ("コンビニ", "コンビニエンスストア"),
])
def test_abbreviations_made_the_japanese_way(short: str, full: str) -> None:
    assert formed_from(short, full)


@pytest.mark.parametrize(("short", "full"), [
    ("国際", "国際協力"),  # words left out: another, wider thing
    ("高齢者", "高齢障害者"),  # whole words joined anew: another group of people
    ("市民", "市民活動団体"),
    ("子ども", "子ども・子育て"),
    ("再エネ", "再生可能エネルギー等"),
    ("イン", "インバウンド"),  # too short to be read as an abbreviation
])
def test_no_abbreviation(short: str, full: str) -> None:
    assert not formed_from(short, full)


def test_an_undefined_abbreviation_expanded_is_editorial_and_a_narrower_word_is_not() -> None:
    v = verdict("地域で再エネの導入を進める。", "地域で再生可能エネルギーの導入を進める。")
    assert not v.substantive and v.rule == "abbreviation" and "略語「再エネ」" in v.evidence
    assert verdict("国際協力の推進を図る。", "国際の推進を図る。").substantive
    assert verdict("高齢者の見守りを行う。", "高齢障害者の見守りを行う。").substantive


def _items(order: list[str], head: str = "## 1.　主な取組") -> str:
    marks = "①②③④"
    return "# 第2章　施策\n" + head + "\n" + "".join(f"{marks[i]}{t}\n" for i, t in enumerate(order))


def test_items_renumbered_after_an_insertion_are_editorial() -> None:
    a, b, c, d = "太陽光発電の導入を進める。", "省エネ診断を支援する。", "森林整備を進める。", "環境教育の機会を広げる。"
    changes = diff_documents(parse_plan(_items([a, b, c])), parse_plan(_items([d, a, b, c])))
    renumbered = [ch for ch in changes if ch.new_text in ("③" + b, "④" + c)]
    assert len(renumbered) == 2 and all(not ch.substantive and ch.verdict.rule == "item-number" for ch in renumbered)
    assert "「②」→「③」" in renumbered[0].verdict.evidence
    assert any(ch.substantive for ch in changes)  # the item added is a change
    assert len(build_changelog(changes).rows) == 1  # and the one row


def test_two_items_swapped_are_editorial_in_the_diff_and_one_row_in_the_table() -> None:
    a, b, c = "太陽光発電の導入を進める。", "省エネ診断を支援する。", "森林整備を進める。"
    changes = diff_documents(parse_plan(_items([a, b, c])), parse_plan(_items([b, a, c])))
    assert changes and all(ch.verdict.rule == "item-number" and not ch.substantive for ch in changes)
    (row,) = build_changelog(changes).rows  # the swap of two 取組 is still a decision (issue 11)
    assert "順序を入れ替え" in row.summary


def test_an_item_number_inside_a_sentence_or_a_decimal_is_still_a_number() -> None:
    assert verdict("対象は（1）の区域とする。", "対象は（2）の区域とする。").substantive
    assert verdict("55.0％", "60.0％").substantive  # a target value, not item 55.
    assert verdict("1.5倍に増やす。", "2.5倍に増やす。").substantive


def test_an_item_renumbered_and_edited_is_judged_with_its_edit() -> None:
    # blind8 s1002: two items swapped, one of them also naming a renamed division; cut into a
    # 項番 piece and a moved 「（…課）」 piece, the division's row grew a spurious 掲載位置を変更
    old = "①　伴走型支援に係る評価指標の開発について、相談窓口の周知を図る。（内閣府共生社会政策課、経済産業省）"
    new = "②　伴走型支援に係る評価指標の開発について、相談窓口の周知を図る。（内閣府共生・地域社会政策課、経済産業省）"
    v = verdict(old, new)
    assert v.substantive and "item-number" not in v.rule.split("+") and "number" in v.rule.split("+")
    assert verdict(old, old.replace("①", "②")).rule == "item-number"
