"""Editorial kinds found on a real ministry revision (issue 11, env6 tuning parts,
branch realfix4): a clause end inflected anew to take a connective (多く、 → 多い一方で),
「対」 before the base of a ratio (対GDP比 = GDP比), and 関係 / 一部, which end in
係 / 部 without naming an organisation. Their counterparts stay substantive."""

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


@pytest.mark.parametrize(("old", "new", "phrase"), [
    ("例えば、所得が低いほど穀物摂取量が多く、野菜や肉類の摂取が少ない。",
     "例えば、所得が低いほど穀物摂取量が多い一方で野菜や肉類の摂取が少ない。", "一方で"),
    ("穀物摂取量が多い一方で野菜の摂取が少ない。", "穀物摂取量が多く、野菜の摂取が少ない。", "一方で"),
    ("人口が減少し、税収が減っている。", "人口が減少する中で、税収が減っている。", "中で"),
])
def test_a_clause_end_reinflected_for_a_connective_is_editorial(old: str, new: str, phrase: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert v.rule == "connective" and f"「{phrase}」" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    ("人口が減少し、税収が減っている。", "人口が減少しない中で、税収が減っている。"),  # a negation
    ("人口が減少し、税収が減っている。", "人口が減少する地域で、税収が減っている。"),  # a place, no connective
    ("穀物摂取量が多く、野菜の摂取が少ない。", "穀物摂取量が多い地域では野菜の摂取が少ない。"),
    ("施設を整備し、運営を見直す。", "施設を整備し、検討する中で運営を見直す。"),  # a new action
])
def test_a_reinflected_clause_end_with_content_stays_substantive(old: str, new: str) -> None:
    assert verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("「経済的競争能力」の対GDP比と相関が高い。", "「経済的競争能力」のGDP比と相関が高い。"),
    ("「経済的競争能力」の対GDP 比と相関が高い。", "「経済的競争能力」のGDP 比と相関が高い。"),
    ("出荷額は前年比で増加した。", "出荷額は対前年比で増加した。"),
])
def test_tai_before_the_base_of_a_ratio_is_notation(old: str, new: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert "比の基準" in v.evidence


@pytest.mark.parametrize(("old", "new"), [
    ("対象者の比率を示す。", "象者の比率を示す。"),
    ("対策の比較を行う。", "策の比較を行う。"),
])
def test_tai_that_is_part_of_a_word_is_no_ratio_notation(old: str, new: str) -> None:
    assert verdict(old, new).substantive


@pytest.mark.parametrize(("old", "new"), [
    ("（3）国際関係", "（3）環境を軸とした国際協調の重要性の拡大"),
    ("国際関係の変化を踏まえる。", "国際協調の変化を踏まえる。"),
    ("計画の一部を見直す。", "計画の全体を見直す。"),
])
def test_kankei_and_ichibu_name_no_organisation(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v  # another meaning all the same
    assert "org" not in v.rule.split("+"), v


@pytest.mark.parametrize(("old", "new"), [
    ("担当は企画部とする。", "担当は企画局とする。"),
    ("デジタル推進室が進行管理を行う。", "デジタル推進課が進行管理を行う。"),
    ("計画係が担当する。", "庶務係が担当する。"),
])
def test_units_of_organisations_stay_org(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive and "org" in v.rule, v


@pytest.mark.parametrize(("old", "new"), [
    ("温室効果ガスの排出量はほぼ横ばいである。", "温室効果ガスの排出量は増加に転じている。"),  # flat → rising
    ("水質は改善している。", "水質は悪化している。"),
    ("出生率は上昇している。", "出生率は低下している。"),
])
def test_a_trend_read_from_the_figures_that_changes_is_substantive(old: str, new: str) -> None:
    v = verdict(old, new)
    assert v.substantive and v.rule == "meaning", v


@pytest.mark.parametrize(("old", "new"), [
    ("排出量は横ばいである。", "排出量は横ばいとなっている。"),  # the same trend, another ending
    ("出生率は低下している。", "出生率は下がっている。"),  # the same trend in other words
])
def test_the_same_trend_in_other_words_stays_editorial(old: str, new: str) -> None:
    assert not verdict(old, new).substantive
