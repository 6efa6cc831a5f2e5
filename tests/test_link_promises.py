"""Linking at scale (issue 11, kind 4): what an answer promises, where a
page reference points, template phrases, and comments competing for rows.
Small hand-made plans; the rows are what ``changelog`` hands to ``link``."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.row_target import RowTarget
from revtool.changes.link import cause_for, choose_links
from revtool.changes.external import detect_external
from revtool.changes.promises import promised_kinds, row_family
from revtool.changes.link_scores import score_pairs
from revtool.model import CauseType, Comment, Locator
from tests.changelog_helpers import comment

PART = "第2部　施策の展開"
CH7 = "第7章　誰もが安心して暮らせる地域をつくる"


def _m(n: int, leaf: str = "") -> tuple[str, ...]:
    base = (PART, CH7, f"{n}　施策{n}の推進")
    return base + ((leaf,) if leaf else ())


def on_page(c: Comment, *pages: int) -> Comment:
    """The comment as read from a 素案該当箇所 of pages only (「P.14」)."""
    return replace(c, ref=f"P.{pages[0]}", locator=Locator(f"P.{pages[0]}", pages=tuple(pages)))


def linked(rows: list[RowTarget], comments: list[Comment]) -> list[tuple[str, str]]:
    answers = {c.id: c.response for c in comments}
    return [(l.comment_id, l.row_id) for l in choose_links(score_pairs(rows, comments), answers=answers)]


def test_the_promise_is_read_as_a_kind_of_row() -> None:
    assert promised_kinds("ご意見を踏まえ、施策を二つに分けて記載します。") == {"split"}
    assert promised_kinds("ご指摘を踏まえ、両者を統合する形で修文いたします。") == {"merged"}
    assert promised_kinds("ご意見を踏まえ、施策の順序を入れ替えます。") == {"moved"}
    assert promised_kinds("ご意見を踏まえ、施策の名称を見直します。") == {"renamed"}
    assert promised_kinds("ご指摘を踏まえ、構成を見直し修文いたします。") == {"split", "merged", "moved"}
    assert promised_kinds("ご指摘を踏まえ、目標値を修正いたします。") == {"value"}
    assert promised_kinds("ご意見を踏まえ、目標値を68％に引き上げます。") == {"value"}
    assert promised_kinds("目標値が単年度の値か累計値かを設定理由欄に記載する。") != {"value"}  # it writes, not changes, the value
    assert promised_kinds("ご指摘を踏まえ、当該記述を削除いたします。") == {"deleted"}
    assert promised_kinds("ご意見を踏まえ、あんしん窓口事業を主な事業に加えます。") == {"added"}
    assert promised_kinds("いただいたご意見は、今後の取組の参考とさせていただきます。") == frozenset()


def test_a_changed_value_is_a_quantity_not_a_law_number() -> None:
    assert row_family(RowTarget("R1", (_m(1),), (), removed="43人", added="51人", kind="modified")) == "value"
    assert row_family(RowTarget("R2", (_m(1),), (), removed="令和4年法律第77号", added="令和6年法律第65号",
                                kind="modified")) == "modified"
    assert row_family(RowTarget("R3", (_m(1),), (), removed="", added="", kind="split")) == "split"


def test_a_vague_structural_answer_with_a_page_reference_links_the_split_on_that_page() -> None:
    """「構成を見直し修文いたします」 cited as 「P.14」 (resolved to the whole chapter):
    the split printed on page 14, not the value or the sentence of that chapter."""
    split = RowTarget("R1", (_m(2), _m(3)), (_m(2, "（2）　主な取組"),), removed="・相談窓口の周知に取り組む",
                      added="3　公共交通の推進\n・相談窓口の周知に取り組む", kind="split", old_pages=(14,))
    value = RowTarget("R2", (_m(1, "（3）　成果指標"),), (), removed="39回", added="42回", kind="modified", old_pages=(14,),
                      labels="セキュリティ対策の実施回数 目標値（令和11年度）")
    sentence = RowTarget("R3", (_m(4, "（1）　現状と課題"),), (), removed="",
                         added="外国人住民の声を踏まえ、「スマートアプリ」による支援を新たに実施する。", kind="added",
                         old_pages=(16,))
    c = on_page(comment(1, "にかかる費用と効果を明らかにすべきである。", "ご指摘を踏まえ、構成を見直し修文いたします。",
                        ((PART, CH7),)), 14)
    links = choose_links(score_pairs([split, value, sentence], [c]))
    assert [(l.comment_id, l.row_id) for l in links] == [("C01", "R1")]
    assert "分割" in links[0].evidence and "P.14" in links[0].evidence


def test_a_page_reference_prefers_the_row_printed_on_that_page() -> None:
    """Two deletions in the section a page-only reference resolves to: the one
    on the cited page links; the other is only 「ページ外」."""
    p12 = RowTarget("R1", (_m(1, "（1）　現状と課題"),), (), removed="区は、「みらいアプリ」を活用した周知を行う。", added="",
                    kind="deleted", old_pages=(12,))
    p16 = RowTarget("R2", (_m(4, "（1）　現状と課題"),), (), removed="区は、「まちなか相談ナビ」を活用した周知を行う。", added="",
                    kind="deleted", old_pages=(16,))
    c = on_page(comment(1, "学習支援について分かりやすい説明を加えてほしい。", "ご指摘を踏まえ、当該記述を削除いたします。",
                        ((PART, CH7),)), 12)
    assert linked([p12, p16], [c]) == [("C01", "R1")]


def test_an_answer_contradicting_the_row_does_not_link_it() -> None:
    """「削除いたします」 and the only row of the section is an addition: no link."""
    added = RowTarget("R1", (_m(2, "（1）　現状と課題"),), (), removed="", added="窓口の開設時間を延長する。", kind="added")
    c = comment(1, "この記述は不要ではないか。", "ご指摘を踏まえ、当該記述を削除いたします。", (_m(2, "（1）　現状と課題"),))
    assert linked([added], [c]) == []


def test_a_template_phrase_shared_by_many_rows_does_not_spill_the_link() -> None:
    """Every added sentence says 「…外国人住民の声を踏まえ」: the answer's 「外国人住民」
    names none of them; the comment links one row at most, never all four."""
    rows = [RowTarget(f"R{n}", (_m(n, "（1）　現状と課題"),), (), removed="",
                      added=f"外国人住民の声を踏まえ、「{name}」による支援を新たに実施する。", kind="added", old_pages=(16,))
            for n, name in enumerate(["スマートアプリ", "なかの相談ナビ", "すこやか窓口", "ひろばポータル"], 1)]
    c = on_page(comment(1, "住民記録にかかる費用と効果を明らかにすべきである。",
                        "ご意見を踏まえ、外国人住民への支援について記載を追加します。", ((PART,),)), 16)
    assert len(linked(rows, [c])) <= 1


def test_one_answer_links_one_row_unless_it_names_a_second() -> None:
    a = RowTarget("R1", (_m(1, "（2）　主な取組"),), (), removed="", added="「なかの窓口事業」を実施する。", kind="added")
    b = RowTarget("R2", (_m(1, "（2）　主な取組"),), (), removed="", added="「ひろば相談事業」を実施する。", kind="added")
    one = comment(1, "事業を充実してほしい。", "ご意見を踏まえ、窓口事業の記載を追加します。", (_m(1, "（2）　主な取組"),))
    assert linked([a, b], [one]) == [("C01", "R1")]  # R2 is an addition in the same place, but not what it names
    both = comment(2, "事業を充実してほしい。", "ご意見を踏まえ、「なかの窓口事業」と「ひろば相談事業」を追記します。",
                   (_m(1, "（2）　主な取組"),))
    assert linked([a, b], [both]) == [("C02", "R1"), ("C02", "R2")]


def test_comments_with_other_answers_compete_for_close_rows() -> None:
    """Two 削除 answers on one section holding two deletions: the one whose
    opinion names 「みらいアプリ」 takes that row; the other, hesitating between
    both, takes the row left."""
    a = RowTarget("R1", (_m(2, "（1）　現状と課題"),), (), removed="区は、「みらいアプリ」を活用した周知を行う。", added="",
                  kind="deleted")
    b = RowTarget("R2", (_m(2, "（1）　現状と課題"),), (), removed="区は、「まちなか相談ナビ」を活用した周知を行う。", added="",
                  kind="deleted")
    named = comment(1, "「みらいアプリ」の記述は実態と合っていないのではないか。", "ご意見を踏まえ、該当する記述を削除します。",
                    (_m(2, "（1）　現状と課題"),))
    vague = comment(2, "現状と課題の記述をもっと具体的にしてほしい。", "ご指摘を踏まえ、当該記述を削除いたします。",
                    (_m(2, "（1）　現状と課題"),))
    assert sorted(linked([a, b], [named, vague])) == [("C01", "R1"), ("C02", "R2")]


def test_a_stated_value_names_its_cell_when_the_reference_is_ambiguous() -> None:
    """「3（3）成果指標」 read as another 施策's （3）: the answer's 「47人に引き上げ」
    still names the cell now holding 47人."""
    mine = RowTarget("R1", (_m(3, "（3）　成果指標"),), (), removed="44人", added="47人", kind="modified")
    other = RowTarget("R2", (_m(5, "（3）　成果指標"),), (), removed="12回", added="15回", kind="modified")
    c = comment(1, "登録者数の目標が低すぎる。", "ご意見を踏まえ、目標値を47人に引き上げます。", (_m(5, "（3）　成果指標"),))
    assert linked([mine, other], [c]) == [("C01", "R1")]


def test_the_opinion_names_the_indicator_of_a_vague_value_answer() -> None:
    watch = RowTarget("R1", (_m(2, "（3）　成果指標"),), (), removed="43人", added="51人", kind="modified",
                      labels="見守り活動の登録者数 目標値（令和11年度）")
    consult = RowTarget("R2", (_m(2, "（3）　成果指標"),), (), removed="44人", added="50人", kind="modified",
                        labels="相談体制の利用者数 目標値（令和11年度）")
    c = comment(1, "見守り活動の登録者数の目標値は引き上げるべきではないか。", "ご指摘を踏まえ、目標値を修正いたします。",
                (_m(2, "（3）　成果指標"),))
    links = choose_links(score_pairs([watch, consult], [c]))
    assert [(l.comment_id, l.row_id) for l in links] == [("C01", "R1")]
    assert "見守り活動の登録者数" in links[0].evidence


def test_a_notation_answer_does_not_link_a_substantive_row() -> None:
    """「「障がいのある」に統一いたします」 is answered by a 文言整理; the sentence
    added in the same section is not its change."""
    row = RowTarget("R1", (_m(1, "（1）　現状と課題"),), (), removed="", added="「つながるポータル」による支援を新たに実施する。",
                    kind="added")
    c = comment(1, "「障害のある」と「障がいのある」の表記を統一すべき。", "ご指摘を踏まえ、「障がいのある」に統一いたします。",
                (_m(1, "（1）　現状と課題"),))
    assert linked([row], [c]) == []


def test_the_plans_own_reorganisation_is_internal_an_outside_one_external() -> None:
    own = detect_external("令和8年度の組織改正に合わせて所管課を改めた。")
    assert own is not None and cause_for("R1", (), own).type == CauseType.INTERNAL
    national = detect_external("国の組織改正により、こども家庭庁が所管することとなった。")
    assert national is not None and cause_for("R1", (), national).type == CauseType.EXTERNAL
    assert cause_for("R1", (), None, organisation=True).type == CauseType.INTERNAL


def test_the_object_of_the_promise_names_the_text_now_in_the_plan() -> None:
    """「つながるアプリ事業を追記いたします」 (unquoted) names the one row holding it,
    though the reference points at another 施策's （2）."""
    from revtool.changes.promises import promised_objects

    assert promised_objects("ご指摘を踏まえ、つながるアプリ事業を追記いたします。") == ["つながるアプリ事業"]
    assert promised_objects("ご意見を踏まえ、あんしん区民カード事業を主な事業に加えます。") == ["あんしん区民カード事業"]
    assert promised_objects("ご指摘を踏まえ、当該記述を削除いたします。") == []
    mine = RowTarget("R1", (_m(1, "（2）　主な取組"),), (), removed="", added="つながるアプリ事業\t事業者を対象に支援する\t福祉推進課",
                     kind="added")
    other = RowTarget("R2", (_m(5, "（2）　主な取組"),), (), removed="", added="スマートアプリ事業\t学校を対象に支援する\t福祉推進課",
                      kind="added")
    c = comment(1, "具体的な事業を示すべき。", "ご指摘を踏まえ、つながるアプリ事業を追記いたします。", (_m(5, "（2）　主な取組"),))
    assert linked([mine, other], [c]) == [("C01", "R1")]


def test_a_coin_toss_between_equal_rows_links_neither() -> None:
    """「目標値を修正いたします」 with two changed values in the section it points
    at, nothing telling them apart: no link (staff choose; the 反映 answer is
    warned), rather than a wrong one half of the time."""
    a = RowTarget("R1", (_m(3, "（3）　成果指標"),), (), removed="22回", added="37回", kind="modified")
    b = RowTarget("R2", (_m(3, "（3）　成果指標"),), (), removed="72人", added="86人", kind="modified")
    c = comment(1, "にかかる費用と効果を明らかにすべきである。", "ご指摘を踏まえ、目標値を修正いたします。", (_m(3, "（3）　成果指標"),))
    assert linked([a, b], [c]) == []
    named = comment(2, "実施回数の目標値は引き上げるべきではないか。", "ご指摘を踏まえ、目標値を37回に修正いたします。",
                    (_m(3, "（3）　成果指標"),))
    assert linked([a, b], [named]) == [("C02", "R1")]


def test_a_rename_promise_does_not_link_a_merge() -> None:
    """「施策の名称を見直します」 and the only row on the cited page merges two 施策
    (renaming one of them): another decision, not linked."""
    merge = RowTarget("R1", (_m(1),), (_m(1), _m(2)), removed="1　情報発信による地域づくり\n2　電子決裁の仕組みづくり",
                      added="1　電子決裁と情報発信の一体的な推進", kind="merged", old_pages=(3,))
    c = on_page(comment(1, "「データ連携の仕組みづくり」という名称は内容が分かりにくい。", "ご意見を踏まえ、施策の名称を見直します。",
                        ((PART, CH7),)), 3)
    assert linked([merge], [c]) == []
    rename = RowTarget("R2", (_m(4),), (_m(4),), removed="4　データ連携の仕組みづくり", added="4　データ連携を通じた参加の促進",
                       kind="renamed", old_pages=(3,))
    assert linked([merge, rename], [c]) == [("C01", "R2")]


def test_the_opinion_names_the_row_an_ambiguous_reference_left_out() -> None:
    """「1（2）主な取組」 read as the （2） of other 施策 (numbering restarts in each
    chapter): the name the opinion quotes, held by one deletion elsewhere,
    still finds it; the indicator the opinion discusses finds its cell."""
    gone = RowTarget("R1", (_m(1, "（2）　主な取組"),), (), removed="区は、「あんしん窓口」を活用した周知を行う。", added="",
                     kind="deleted")
    other = RowTarget("R2", (_m(6, "（2）　主な取組"),), (), removed="", added="「すこやか窓口」を開設する。", kind="added")
    c = comment(1, "「あんしん窓口」に関する記述は削除すべき。", "ご指摘を踏まえ、当該記述を削除いたします。", (_m(6, "（2）　主な取組"),))
    links = choose_links(score_pairs([gone, other], [c]))
    assert [(l.comment_id, l.row_id) for l in links] == [("C01", "R1")]
    assert "意見の「あんしん窓口」" in links[0].evidence
    cell = RowTarget("R3", (_m(3, "（3）　成果指標"),), (), removed="40人", added="52人", kind="modified",
                     labels="ごみ収集の参加者数 目標値（令和11年度）")
    v = comment(2, "ごみ収集の参加者数の目標値は引き上げるべきではないか。", "ご指摘を踏まえ、目標値を修正いたします。",
                (_m(6, "（3）　成果指標"),))
    assert linked([cell, other], [v]) == [("C02", "R3")]
