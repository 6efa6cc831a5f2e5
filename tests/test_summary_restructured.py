"""A sentence restructured by a revision is quoted as whole phrases, never as
the pieces the character diff set against each other by position."""

from __future__ import annotations

import re

from revtool.changes.facts import facts_of
from revtool.changes.summary import fact_clauses
from tests.changelog_helpers import change

PLACE = ("第３章　施策の展開", "施策３－２－２　良好な住環境の形成", "現状と課題")
FIRST = "管理不全空家※1の活用も含め、取組の一層の充実が求められています。"


def test_a_restructured_sentence_is_one_before_and_after_pair() -> None:
    old = FIRST + "なお、国では、空家等対策の推進に関する特別措置法の改正に向けた検討が進められています。"
    new = FIRST + "なお、令和7年11月に空家等対策の推進に関する特別措置法が改正され、管理不全空家等に対する指導・勧告の制度が設けられることとなりました。"
    fs = facts_of(change(PLACE, old, new))
    # the character diff alone pairs 「国では、」 with 「令和7年11月に」 and 「の改正に向けた…」 with 「が改正され、…」
    assert [(f.old, f.new) for f in fs] == [(old[len(FIRST):], new[len(FIRST):])]
    said = "、".join(fact_clauses(fs))
    assert "国では" not in said and not re.search(r"「[のがをにはで]", said), said
    assert "管理不全空家等" in said


def test_like_for_like_edits_in_one_sentence_keep_their_own_pairs() -> None:
    old = "温室効果ガス排出量を2030年度までに48%削減することを目指します。"
    new = "温室効果ガス排出量を2035年度までに52%削減することを目指します。"
    fs = facts_of(change(PLACE, old, new))
    assert [(f.old, f.new) for f in fs] == [("2030年度", "2035年度"), ("48%", "52%")]
    assert fact_clauses(fs) == ["「2030年度」を「2035年度」に変更", "温室効果ガス排出量の削減目標を上方修正（48% → 52%）"]


def test_nouns_joined_by_a_middle_dot_are_quoted_as_one_term() -> None:
    old = FIRST + "なお、国では、空家等対策の推進に関する特別措置法の改正に向けた検討が進められています。"
    new = FIRST + "なお、令和7年11月に空家等対策の推進に関する特別措置法が改正され、管理不全空家等に対する指導・勧告の制度が設けられることとなりました。"
    said = "、".join(fact_clauses(facts_of(change(PLACE, old, new))))
    assert "「指導・勧告」" in said and "「指導」" not in said, said
