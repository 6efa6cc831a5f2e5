"""The law named before its number (changes/law_citation.name_before): its
whole name, never the clause that dates it nor the clause's topic."""

from __future__ import annotations

from revtool.changes.law_citation import name_before


def _name(sentence: str) -> str:
    return name_before(sentence, sentence.index("（令和") + 1)  # where the number starts, as external reads it


def test_the_dating_clause_is_no_part_of_the_name() -> None:
    s = "令和７年に成立した日本語教育の推進に関する法律の一部を改正する法律（令和７年法律第36号）の施行を踏まえ、施策を実施する。"
    assert _name(s) == "日本語教育の推進に関する法律の一部を改正する法律"
    s = "また、令和６年に改正された子ども・子育て支援法（令和６年法律第47号）に基づき、事業を実施する。"
    assert _name(s) == "子ども・子育て支援法"


def test_a_name_that_says_what_it_does_keeps_its_verbs() -> None:
    # 改正する / 関する / 理由とする are words of the name, not a dating clause
    s = "障害を理由とする差別の解消の推進に関する法律の一部を改正する法律（令和７年法律第58号）の施行を踏まえる。"
    assert _name(s) == "障害を理由とする差別の解消の推進に関する法律の一部を改正する法律"


def test_the_topic_before_the_name_is_no_part_of_it() -> None:
    s = "国においては孤独・孤立対策推進法（令和５年法律第45号）が施行された。"
    assert _name(s) == "孤独・孤立対策推進法"
