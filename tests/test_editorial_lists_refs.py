"""Kinds of a national plan's wording (branch env6lab): the items of a 「、」「及び」 list
reordered or written anew (editorial) against an item added or taken out (substantive);
two coordinated clauses swapped (editorial) against words swapped across a clause
(substantive: who does what); words that point to another place of the text (前述 = 上記,
以下に述べる) against 以下 as a bound; 国 and 政府 for the national government."""

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
    ("国は、地方公共団体、事業者及び国民と連携し、取組を推進する。",
     "国は、事業者、地方公共団体及び国民と連携し、取組を推進する。"),
    ("大気、水及び土壌の保全を図る。", "水、大気及び土壌の保全を図る。"),
])
def test_the_items_of_a_list_in_another_order_are_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "reorder"


def test_words_swapped_across_a_clause_stay_substantive() -> None:
    v = verdict("市が事業を実施し、県が支援する。", "県が事業を実施し、市が支援する。")
    assert v.substantive, v


@pytest.mark.parametrize(("old", "new", "item"), [
    ("大気、水及び土壌の保全を図る。", "大気、水、土壌及び海洋の保全を図る。", "海洋"),
    ("大気、水、土壌及び海洋の保全を図る。", "大気、水及び土壌の保全を図る。", "海洋"),
    ("再生可能エネルギーや水素の導入を進める。", "再生可能エネルギー、水素やアンモニアの導入を進める。", "アンモニア"),
])
def test_an_item_added_to_a_list_or_taken_out_is_substantive(old: str, new: str, item: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert v.rule == "list-item" and f"「{item}」" in v.evidence


def test_a_list_ending_in_a_filler_is_no_new_item() -> None:
    v = verdict("再生可能エネルギー及び水素の導入を進める。", "再生可能エネルギー、水素等の導入を進める。")
    assert not v.substantive, v


def test_two_coordinated_clauses_swapped_are_editorial() -> None:
    v = verdict("循環経済への移行を進めるとともに、資源の効率的な利用を促進する。",
                "資源の効率的な利用を促進するとともに、循環経済への移行を進める。")
    assert not v.substantive, v
    assert v.rule == "reorder"


def test_a_clause_swapped_for_another_stays_substantive() -> None:
    v = verdict("循環経済への移行を進めるとともに、資源の効率的な利用を促進する。",
                "資源の効率的な利用を促進するとともに、廃棄物の適正処理を進める。")
    assert v.substantive, v


@pytest.mark.parametrize(("old", "new"), [
    ("前述のとおり、パートナーシップが重要である。", "上記のとおり、パートナーシップが重要である。"),
    ("後述するとおり、パートナーシップが重要である。", "以下に述べるとおり、パートナーシップが重要である。"),
])
def test_words_pointing_to_another_place_of_the_text_are_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v


def test_a_bound_added_stays_substantive() -> None:
    v = verdict("中学生の子どもを対象とする。", "中学生以下の子どもを対象とする。")
    assert v.substantive and v.rule == "meaning", v


def test_the_national_government_named_either_way_is_editorial() -> None:
    assert not verdict("国は、地域脱炭素を推進する。", "政府は、地域脱炭素を推進する。").substantive
    assert verdict("国は、地域脱炭素を推進する。", "県は、地域脱炭素を推進する。").substantive


@pytest.mark.parametrize(("old", "new"), [
    ("地域脱炭素を推進し、省エネルギーを徹底する。", "地域脱炭素を推進する。加えて、省エネルギーを徹底する。"),
    ("地域脱炭素を推進し、省エネルギーを徹底する。", "地域脱炭素を推進する。併せて、省エネルギーを徹底する。"),
    ("地域脱炭素を推進し、再生可能エネルギーの最大限の導入を図るとともに、省エネルギーを徹底する。",
     "地域脱炭素を推進する。さらに、再生可能エネルギーの最大限の導入を図る。加えて、省エネルギーを徹底する。"),
])
def test_a_long_sentence_cut_with_a_connective_verb_at_the_new_head_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v


@pytest.mark.parametrize(("old", "new"), [
    ("地域脱炭素を推進し、省エネルギーを徹底する。", "地域脱炭素を推進し、省エネルギーを加えて徹底する。"),  # inside a clause
    ("新たな施策を加えて、省エネルギーを徹底する。", "省エネルギーを徹底する。"),  # 加える with its object: an action
    ("地域脱炭素を推進する。", "地域脱炭素を推進する。加えて、新たに省エネルギー診断を全ての事業所で実施する。"),
])
def test_the_verb_adding_something_stays_substantive(old: str, new: str) -> None:
    assert verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("地域循環共生圏の取組を推進する。", "地域循環共生圏の取組を推進する（第３部第２章４参照）。"),
    ("地域循環共生圏の取組を推進する（第１章参照）。", "地域循環共生圏の取組を推進する。"),
    ("地域循環共生圏の取組を推進する。", "第１部第２章で述べた地域循環共生圏の取組を推進する。"),
    ("地域循環共生圏の取組を推進する。", "地域循環共生圏の取組を推進する（詳細は後述）。"),
])
def test_a_pointer_to_another_place_of_the_plan_added_or_removed_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "cross-reference"


@pytest.mark.parametrize(("old", "new"), [
    ("第４部において点検する。", "第４部及び第５部において点検する。"),  # where a thing is done, no pointer
    ("施策を推進する。", "施策を第５部において推進する。"),
])
def test_a_place_without_a_referring_word_is_no_pointer(old: str, new: str) -> None:
    assert verdict(old, new).substantive
