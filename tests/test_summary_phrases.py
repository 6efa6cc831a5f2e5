"""Quotes are whole 文節 (issue 11, blind8 tuning kinds): a サ変 noun replaced
keeps its する, a phrase cut after a particle keeps the particles after it;
and a revision's date written into the document's own citation is the edit
itself, not an echo of the reason."""

from __future__ import annotations

from revtool.changes.external import External
from revtool.changes.facts import facts_of
from revtool.changes.summary import fact_clauses, summarize
from revtool.model import CauseType
from tests.changelog_helpers import CH3, ISSUES, change


def _clauses(old: str, new: str) -> list[str]:
    return fact_clauses(facts_of(change((CH3, ISSUES), old, new)))


def test_a_verbal_noun_replaced_is_quoted_with_its_suru() -> None:
    # 「検討」→「推進」 is 「検討する」→「推進する」, a predicate: said of what it acts on, as staff name the 取組
    assert _clauses("公共施設に関する認証制度の導入を検討する。", "公共施設に関する認証制度の導入を推進する。") == \
        ["公共施設に関する認証制度の導入について、「検討する」を「推進する」に変更"]
    # the passive keeps its auxiliaries: 検討される → 実施される
    assert _clauses("制度の導入が検討される。", "制度の導入が実施される。")[0].endswith("「検討される」を「実施される」に変更")


def test_a_phrase_cut_after_a_particle_keeps_the_particles_after_it() -> None:
    assert _clauses("避難所の運営に関する指針を早期に策定する。", "避難所の運営に関する指針を2027年度までに策定する。") == \
        ["「早期に」を「2027年度までに」に変更"]


def test_a_noun_replaced_before_a_particle_stays_a_noun() -> None:
    # no particle was cut: the quote is the noun alone, as staff write it
    assert _clauses("民間企業の知見を活用する。", "大学・研究機関の知見を活用する。") == ["「民間企業」を「大学・研究機関」に変更"]


def test_a_date_written_into_the_documents_citation_is_said() -> None:
    old = "本計画は、共生社会の実現に向けた行動計画（令和６年12月閣議決定）その他の関連する計画と整合を図る。"
    new = "本計画は、共生社会の実現に向けた行動計画（令和６年12月閣議決定、令和７年６月改訂）その他の関連する計画と整合を図る。"
    fs = facts_of(change((CH3, ISSUES), old, new))
    ext = External("共生社会の実現に向けた行動計画", "令和７年６月", "", "改訂", new)
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == \
        "令和７年６月に「共生社会の実現に向けた行動計画」が改訂されたため、「令和７年６月改訂」を追記"


def test_a_dated_clause_outside_the_citation_still_echoes_the_reason() -> None:
    # 「令和5年5月に改正された」 only says what the reason says: not repeated after it
    old = "介護保険法に基づき、地域包括ケアを推進する。"
    new = "令和5年5月に改正された介護保険法に基づき、地域包括ケアを推進する。"
    fs = facts_of(change((CH3, ISSUES), old, new))
    ext = External("介護保険法", "令和5年5月", "", "改正", new)
    said = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert "「令和5年5月に改正された」を追記" not in said, said


def test_an_amending_law_is_said_once_with_its_number_as_the_reason() -> None:
    """「「令和７年に成立したX」が改正されたため、「Xの一部を改正する法律」（…）に関する
    記述を追記」 said the law twice, with its dating clause: the amending law by
    its name and number is the reason, with the verb the text says of it."""
    added = ("令和７年に成立した日本語教育の推進に関する法律の一部を改正する法律（令和７年法律第36号）の施行を踏まえ、"
             "関連する施策を着実に実施する必要がある。")
    fs = facts_of(change((CH3, ISSUES), "関連する施策を実施する。", "関連する施策を実施する。" + added))
    ext = External("令和７年に成立した日本語教育の推進に関する法律", "", "", "改正", added)
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == (
        "「日本語教育の推進に関する法律の一部を改正する法律」（令和７年法律第36号）が成立したため、関連する記述を追記")
    # another law amended than the one the passage cites: the reason stays the revision's
    other = External("介護保険法", "", "", "改正", added)
    assert summarize(fs, CauseType.EXTERNAL, external=other).startswith("「介護保険法」が改正されたため、")


def test_a_law_revision_cited_by_its_number_is_said_once_as_the_reason() -> None:
    """「「ＤＶ防止法」が改正されたため、「ＤＶ防止法」の改正（令和５年法律第３０号）に関する
    記述を追記」 said the law twice: its revision by its number is the reason (issue 11, blind11)."""
    added = "ＤＶ防止法の改正（令和５年法律第３０号）により、保護命令の対象が拡大されたことを踏まえ、被害者の保護を強化します。"
    fs = facts_of(change((CH3, ISSUES), "関係機関と連携します。", "関係機関と連携します。" + added))
    ext = External("ＤＶ防止法", "", "", "改正", added)
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == \
        "「ＤＶ防止法」の改正（令和５年法律第３０号）を反映し、関連する記述を追記"
    # another law revised than the one the passage cites: the reason stays the revision's
    other = External("女性活躍推進法", "", "", "改正", added)
    assert summarize(fs, CauseType.EXTERNAL, external=other).startswith("「女性活躍推進法」が改正されたため、")


def test_the_same_law_revised_in_an_added_sentence_is_named_with_its_number() -> None:
    """An added 「…同法が改正され（令和６年法律第12号）…」 under a reason that names no law
    (the number replaced elsewhere in the row): the law the paragraph named before, by its
    defined short name, and its number whole, not 「令和６年には同法が…」の記述 (issue 11)."""
    before = ("平成30年に高齢者の移動の円滑化の促進に関する法律（平成18年法律第91号。以下「移動円滑化法」という。）"
              "が改正され、基本方針が示されました。")
    added = "その後、令和６年には同法が改正され（令和６年法律第12号）、市町村の役割が拡充されました。"
    fs = facts_of(change((CH3, ISSUES), before, before + added))
    ext = External("", "", "", "改正", "「平成30年法律第32号」→「令和６年法律第12号」")
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == \
        "「移動円滑化法」の改正（令和６年法律第12号）を反映し、関連する記述を追記"
