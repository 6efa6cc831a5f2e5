"""A law's article cited as the basis of what the new text adds (…法律第8条第1項に
基づく「地方再犯防止推進計画」を含むものとして位置付けます): the plan does what a law
requires of it — an outside cause named by the law and its article, one row for
the places that quote it, and a summary that names both whole (blind16 tuning kind)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.external import BASIS, detect_external, prior_of
from revtool.changes.law_citation import article_bases
from revtool.changes.summary_reasons import reason_for_external
from revtool.model import ChangeKind, CauseType

from tests.changelog_helpers import change

PLACED = "また、本計画は、再犯の防止等の推進に関する法律第8条第1項に基づく「地方再犯防止推進計画」を含むものとして位置付けます。"
MEASURE = ("再犯の防止等の推進に関する法律第8条第1項に基づく地方再犯防止推進計画として、保護司会などと連携し、"
           "就労や住まいの確保を支援します。")
OLD = "本計画は、社会福祉法第107条に基づく市町村地域福祉計画です。"


def test_the_law_and_its_article_are_read_whole() -> None:
    assert article_bases(PLACED) == [("再犯の防止等の推進に関する法律", "第8条第1項")]
    assert article_bases("本市では社会福祉法第106条の5第1項に基づく重層的支援体制整備事業実施計画と一体的に策定します。") \
        == [("社会福祉法", "第106条の5第1項")]
    # the basis of another plan this one only harmonises with, or of a service
    assert article_bases("介護保険法第117条第1項に基づく介護保険事業計画との調和を図ります。") == []
    assert article_bases("介護保険法第115条の45第1項に基づき事業を実施します。") == []
    # the law's number between its name and the article
    assert article_bases("本計画は、再犯の防止等の推進に関する法律（平成28年法律第104号）第8条第1項に規定する"
                         "地方再犯防止推進計画です。") == [("再犯の防止等の推進に関する法律", "第8条第1項")]
    # an article only mentioned, not the basis of what the sentence says
    assert article_bases("詳しくは社会福祉法第107条を参照してください。") == []
    # an article that is the basis of something else than a plan (real env6, tuning part: the 年次報告)
    assert article_bases("点検結果については、環境基本法第 12 条に基づく年次報告等に反映することにより情報提供を行う。") == []
    assert article_bases("本計画は、社会福祉法第107条に基づき、市が策定するものです。") == [("社会福祉法", "第107条")]


def test_an_article_brought_in_as_the_basis_is_an_outside_cause() -> None:
    ext = detect_external(PLACED, PLACED, "", prior_of(OLD))
    assert ext is not None
    assert (ext.document, ext.number, ext.verb) == ("再犯の防止等の推進に関する法律", "第8条第1項", BASIS)
    assert reason_for_external(ext) == "「再犯の防止等の推進に関する法律」第8条第1項に基づき"


def test_an_article_the_old_version_already_cites_is_no_news() -> None:
    again = "本計画は、社会福祉法第107条に基づき、地域福祉を推進する計画です。"
    assert detect_external(again, again, "", prior_of(OLD)) is None
    # the same article, now cited down to its paragraph
    closer = "本計画は、社会福祉法第107条第1項に基づく計画です。"
    assert detect_external(closer, closer, "", prior_of(OLD)) is None


CH1 = ("第１章　計画の策定にあたって", "３　計画の位置付け")
CH4 = ("第４章　施策の展開", "（３）生活に困りごとを抱える人への支援")
COLUMN = "コラム　フードドライブに参加しよう"


def test_the_article_quoted_in_two_places_is_one_row_and_an_unrelated_block_stays_its_own() -> None:
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(*ch4: str, placed: str = "") -> object:
        return _doc(_section(CH1[0], _section(CH1[1], blocks=tuple(_para(t) for t in (OLD, placed) if t))),
                    _section(CH4[0], _section(CH4[1], blocks=tuple(_para(t) for t in ("生活困窮者の相談が増えています。",) + ch4))))
    old, new = plan(), plan(MEASURE, COLUMN, placed=PLACED)
    changes = [change(CH1, "", PLACED, kind=ChangeKind.ADDED, pages=(2,)),
               change(CH4, "", MEASURE, kind=ChangeKind.ADDED, pages=(21,)),
               change(CH4, "", COLUMN, kind=ChangeKind.ADDED, pages=(21,))]
    rows = build_changelog(changes, new_doc=new, old_doc=old).rows  # type: ignore[arg-type]
    law = next(r for r in rows if r.cause.type == CauseType.EXTERNAL)
    assert law.section_paths == (CH1, CH4) and law.new_pages == (2, 21)
    assert "再犯の防止等の推進に関する法律" in law.summary and "第8条第1項" in law.summary
    # joined for the article both places cite (by external_rows, or by same_decision's join of a new provision)
    assert all(w in law.grouping for w in ("再犯の防止等の推進に関する法律", "第8条第1項", "2か所"))
    assert "法令の規定に基づく記載" in law.cause.evidence
    (other,) = [r for r in rows if r is not law]
    assert "フードドライブ" in other.summary and "再犯" not in other.summary
    assert [c.new_text for c in other.changes] == [COLUMN]


def test_a_law_revised_by_a_numbered_act_is_said_with_the_number() -> None:
    """社会福祉法が改正（令和7年法律第41号）され: the reason names the law and the act's number whole."""
    from revtool.changes.summary_reasons import beyond_lead_words
    from revtool.changes.facts import BLOCK_ADDED, Fact

    old = "本計画は、地域福祉を推進するための計画です。令和６年４月に施行された法律に基づき、支援を行います。"
    added = ("令和7年には社会福祉法が改正（令和7年法律第41号）され、市町村が実施する重層的支援体制整備事業について、"
             "体制の整備が一層求められることとなりました。")
    ext = detect_external(added, added, "", prior_of(old))
    assert ext is not None and (ext.document, ext.verb, ext.number) == ("社会福祉法", "改正", "令和7年法律第41号")
    assert reason_for_external(ext) == "「社会福祉法」が改正（令和7年法律第41号）されたため"
    # the passage named by what it brings beyond the reason's own words, not by its first words
    fact = Fact(change(CH1, "", added, kind=ChangeKind.ADDED),
                BLOCK_ADDED, new=added, new_unit=added)
    assert beyond_lead_words("「令和7年には社会福祉法が改正…」の記述を追加", [fact], ext) == "「重層的支援体制整備事業」に関する記述を追加"
    assert beyond_lead_words("コラム「見守り」を追加", [fact], ext) == "コラム「見守り」を追加"


def test_a_law_number_quoted_in_two_places_leaves_an_unrelated_block_of_the_first_its_own_row() -> None:
    """The same act (令和7年法律第41号) cited in 第1章 and in a 施策: one row of both places,
    even when the first place's section also gained an unrelated コラム (same_decision)."""
    from tests.test_changelog_reshaped import _doc, _para, _section

    first = "令和7年には社会福祉法が改正（令和7年法律第41号）され、重層的支援体制の整備が求められることとなりました。"
    second = "社会福祉法の改正（令和7年法律第41号）を踏まえ、重層的支援体制整備事業を実施します。"
    column = "コラム　ヤングケアラーを知っていますか"

    def plan(*added: str) -> object:
        return _doc(_section(CH1[0], _section(CH1[1], blocks=tuple(_para(t) for t in (OLD,) + added[:2]))),
                    _section(CH4[0], _section(CH4[1], blocks=tuple(_para(t) for t in ("令和６年３月に国の「地域福祉計画策定ガイドライン」が改定されました。",) + added[2:]))))
    old, new = plan(), plan(first, column, second)
    changes = [change(CH1, "", first, kind=ChangeKind.ADDED, pages=(1,)),
               change(CH1, "", column, kind=ChangeKind.ADDED, pages=(2,)),
               change(CH4, "", second, kind=ChangeKind.ADDED, pages=(19,))]
    rows = build_changelog(changes, new_doc=new, old_doc=old).rows  # type: ignore[arg-type]
    law = next(r for r in rows if "社会福祉法" in r.summary)
    assert law.section_paths == (CH1, CH4) and law.new_pages == (1, 19)
    assert "令和7年法律第41号" in law.summary
    (other,) = [r for r in rows if r is not law]
    assert [c.new_text for c in other.changes] == [column] and other.new_pages == (2,)


def test_an_article_cited_with_the_laws_number_between_is_read_too() -> None:
    text = "また、本計画は、再犯の防止等の推進に関する法律（平成28年法律第104号）第8条第1項に規定する地方再犯防止推進計画とします。"
    ext = detect_external(text, text, "", prior_of(OLD))
    assert ext is not None and (ext.document, ext.number, ext.verb) == ("再犯の防止等の推進に関する法律", "第8条第1項", BASIS)


def test_a_passage_a_pdf_cut_in_two_stays_with_the_laws_row() -> None:
    """The first place's paragraph cut by a line break into two added blocks (…交通空白の
    解消に向けた地方 | 公共団体の役割が明確化されました。): both pieces are the law's row;
    only a block that starts its own passage stays apart."""
    from revtool.changes.facts import BLOCK_ADDED, Fact
    from revtool.changes.group import with_continuations

    pieces = ["令和7年には同法が改正され（令和7年法律第52号）、交通空白の解消に向けた地方", "公共団体の役割が明確化されました。",
              "コラム　バスに乗ろう"]
    facts = [Fact(change(CH1, "", t, kind=ChangeKind.ADDED), BLOCK_ADDED, new=t, new_unit=t, order=(i, 0)) for i, t in enumerate(pieces)]
    assert with_continuations(facts[:1], facts) == facts[:2]
    # the second half is found from either side; it ends its sentence, so the コラム after it is no part
    assert with_continuations(facts[1:2], facts) == facts[:2]
    assert with_continuations(facts[2:], facts) == facts[2:]
