"""Editorial kinds of a real ministry revision (issue 11, env6 tuning parts, branch
acc-env6): characters dropped by mistake up to the middle of a word (the text is
damaged, nothing is withdrawn), and a predicate said in another form of the same
kanji (低下する → 低い). Their counterparts stay substantive."""

from __future__ import annotations

import pytest

from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.editorial import EditorialRules, combine, judge
from revtool.model import Verdict

RULES = EditorialRules()


def verdict(old: str, new: str) -> Verdict:
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, RULES))


@pytest.mark.parametrize(("old", "new"), [
    # dropped from a phrase up to the middle of the katakana word after it
    ("事業者の指針では、例として、サプライチェーン全体での排出削減を求めている。",
     "事業者の指針では、例プライチェーン全体での排出削減を求めている。"),
    ("地域の取組として、リサイクル率の向上を目指す。",
     "地域の取組サイクル率の向上を目指す。"),
    # the reverse: a broken word made whole again
    ("事業者の指針では、例プライチェーン全体での排出削減を求めている。",
     "事業者の指針では、例として、サプライチェーン全体での排出削減を求めている。"),
])
def test_characters_dropped_into_the_middle_of_a_word_are_a_typo(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "broken-word" and "語の途中の脱字" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    # a word deleted whole leaves whole words, however the character diff aligns it
    ("バイオ燃料とバイオガスを活用する。", "バイオガスを活用する。"),
    ("リサイクルとリユースを進める。", "リユースを進める。"),
    ("地域では、例として、サプライチェーン全体での削減を進める。", "地域では、サプライチェーン全体での削減を進める。"),
    # a long phrase cut with the word is more than a slip
    ("指針では、国際的な枠組みの下での具体例として、サプライチェーン全体を対象とする。",
     "指針では、プライチェーン全体を対象とする。"),
])
def test_a_phrase_deleted_on_word_boundaries_stays_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert v.rule != "broken-word"


@pytest.mark.parametrize(("old", "new", "kanji"), [
    ("高齢世帯では、利用率が大幅に低下する（格差）。", "高齢世帯では、利用率が大幅に低い（格差）。", "低"),
    ("若年層の人口が減少している。", "若年層の人口が減っている。", "減"),
    ("利用者数が増加する見込みである。", "利用者数が増える見込みである。", "増"),
    ("利用者数が増える見込みである。", "利用者数が増加する見込みである。", "増"),
])
def test_a_predicate_in_another_form_of_the_same_kanji_is_editorial(old: str, new: str, kanji: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "predicate-form" and f"「{kanji}」" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    ("利用率が大幅に低下する。", "利用率の低下を防ぐ。"),  # an action added
    ("利用率が大幅に低下する。", "利用率が大幅に低下しない。"),  # a negation
    ("利用率が大幅に低下する。", "利用率が大幅に減る。"),  # another kanji: another word
    ("制度の導入を検討する。", "制度の導入を検める。"),  # a substantive word
])
def test_a_predicate_with_another_meaning_stays_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.rule != "predicate-form", v


@pytest.mark.parametrize(("old", "new"), [
    ("環境と経済の好循環を実現することが重要である。", "経済と環境の好循環の実現が重要である。"),
    ("各主体が相互に連携し協力することで、地域の脱炭素化を実現する。", "各主体の相互の連携と協力で、地域の脱炭素化を実現する。"),
])
def test_the_same_words_built_into_another_construction_are_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "same-words"


@pytest.mark.parametrize(("old", "new"), [
    ("環境と経済の好循環を実現することが重要である。", "環境と社会の好循環の実現が重要である。"),  # a word swapped
    ("環境と経済の好循環を実現することが重要である。", "経済と環境の好循環の実現を目指すことが重要である。"),  # an aim added
    ("各主体が相互に連携し協力することで、地域の脱炭素化を実現する。", "各主体の相互の連携と支援で、地域の脱炭素化を実現する。"),  # another word
    ("各主体が相互に連携し協力することで、地域の脱炭素化を実現する。", "各主体の連携と協力で、地域の脱炭素化を実現する。"),  # a word dropped
])
def test_another_word_in_the_new_construction_stays_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v


@pytest.mark.parametrize(("old", "new"), [
    ("具体的な施策は第2部第1章を参照のこと。", "具体的な施策は第2部第2章を参照のこと。"),
    ("指標の考え方（第３章２で詳述）を示す。", "指標の考え方（第３章３で詳述）を示す。"),
    ("各主体の役割（p.25参照）を踏まえる。", "各主体の役割（p.31参照）を踏まえる。"),
    ("後述する第4部において進捗を点検する。", "後述する第5部において進捗を点検する。"),
])
def test_a_reference_to_a_renumbered_part_of_the_plan_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "cross-reference"


@pytest.mark.parametrize(("old", "new"), [
    ("計画の進捗は第4部において点検する。", "計画の進捗は第5部において点検する。"),  # no referring word: a number
    ("具体的な施策は第2部第1章を参照のこと。目標は25%とする。", "具体的な施策は第2部第1章を参照のこと。目標は31%とする。"),
    ("補助の対象は第２条に規定する事業者とする。", "補助の対象は第３条に規定する事業者とする。"),  # an article of a law
])
def test_a_number_that_is_no_place_reference_stays_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v


@pytest.mark.parametrize(("old", "new"), [
    ("国と市町村が連携して取り組む。", "国及び市町村が連携して取り組む。"),
    ("国や市町村が連携して取り組む。", "国及び市町村が連携して取り組む。"),
    ("国、市町村が連携して取り組む。", "国及び市町村が連携して取り組む。"),
    ("国及び市町村が連携して取り組む。", "国と市町村が連携して取り組む。"),
    ("申請者又は代理人が届け出る。", "申請者若しくは代理人が届け出る。"),
])
def test_the_same_items_joined_by_another_word_of_the_kind_are_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "coordinator"


@pytest.mark.parametrize(("old", "new"), [
    ("国及び市町村が連携して取り組む。", "国又は市町村が連携して取り組む。"),
    ("国と市町村が負担する。", "国か市町村が負担する。"),
    ("申請者又は代理人が届け出る。", "申請者及び代理人が届け出る。"),
])
def test_items_joined_turned_into_a_choice_is_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert v.rule == "alternative"


@pytest.mark.parametrize(("old", "new"), [
    ("地域の担い手が不足している。これは人口減少が進んでいるためである。",
     "人口減少が進んでいるため、地域の担い手が不足している。"),
    ("公共交通の利用者が減っている。これは自家用車への依存が高まったためである。",
     "自家用車への依存が高まったため、公共交通の利用者が減っている。"),
])
def test_a_clause_moved_and_rebuilt_in_its_paragraph_is_editorial(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "reorder" and "別の位置" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    # the moved clause says something else where it now stands
    ("地域の担い手が不足している。これは人口減少が進んでいるためである。",
     "人口減少が進んでいないため、地域の担い手が不足している。"),
    ("地域の担い手が不足している。これは人口減少が進んでいるためである。",
     "若年人口の減少が進んでいるため、地域の担い手が不足している。"),
])
def test_a_moved_clause_with_other_words_stays_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
