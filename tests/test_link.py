"""Linking rows to comments: candidates, ranking, many-to-many, causes."""

from __future__ import annotations

from revtool.changes.row_target import RowTarget, relation
from revtool.changes.link import cause_for, choose_links
from revtool.changes.promises import described_words, promises_edit
from revtool.changes.external import detect_external, organisation_only, prior_of
from revtool.changes.link_scores import score_pairs
from revtool.model import CauseType, Link, ResponseType
from tests.changelog_helpers import CH3, EACH, IND, ISSUES, ROADMAP, S1, S2, S3, comment

P1 = (CH3, EACH, S1, IND)
P2 = (CH3, EACH, S2, IND)
REASON_ROW = RowTarget(
    "R1",
    (P1, (CH3, EACH, S3, IND)),
    (),
    removed="",
    added="設定理由\n区の人口の約3割に当たる水準を目標とし、登録者数の伸びを踏まえて設定した。年度末時点の累計値である。",
)
WORDING_ROW = RowTarget("R2", (P2,), (), removed="オンラインによる避難所開設訓練", added="オンラインツールを活用した避難所開設訓練")

SETTING_REASON = comment(
    1,
    "成果指標について、設定の根拠が乏しいものや現状値が示されていないものがある。",
    "ご指摘のとおり、設定理由や算定根拠等が明らかでないため、成果指標欄の見直しを行い、設定理由等を表記する。",
    ((CH3, EACH),),
)


def links_for(targets: list[RowTarget], comments: list, **kw) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(l.comment_id, l.row_id) for l in choose_links(score_pairs(targets, comments), **kw)]


def test_relation_same_descendant_ancestor() -> None:
    assert relation(((CH3, EACH, S1),), (P1,)) == "descendant"
    assert relation(((CH3, EACH, S1, IND),), ((CH3, EACH, S1),)) == "ancestor"
    assert relation(((CH3, EACH, S1),), ((CH3, EACH, S1),)) == "same"
    assert relation(((CH3, EACH, S2),), (P1,)) == ""
    # headings compare without their numbering and spacing
    assert relation((("第3章 DXの取組", "1. 施策ごとの取組"),), (P1,)) == "descendant"


def test_reflected_answer_links_its_row_not_the_neighbour() -> None:
    assert links_for([REASON_ROW, WORDING_ROW], [SETTING_REASON]) == [("C01", "R1")]


def test_many_to_one_two_comments_cause_one_row() -> None:
    other = comment(
        2,
        "目標値が単年度の値なのか累計値なのか分かりにくい。",
        "目標値が単年度の値か累計値かを設定理由欄に記載する。",
        ((CH3, EACH, S1),),
    )
    got = links_for([REASON_ROW, WORDING_ROW], [SETTING_REASON, other])
    assert sorted(got) == [("C01", "R1"), ("C02", "R1")]
    links = choose_links(score_pairs([REASON_ROW, WORDING_ROW], [SETTING_REASON, other]))
    cause = cause_for("R1", links, None)
    assert cause.type == CauseType.COMMENT and cause.comment_ids == ("C01", "C02")


def test_one_to_many_one_comment_causes_two_rows() -> None:
    deleted_a = RowTarget("R1", ((CH3, EACH, S2, ISSUES),), (), removed="財務会計システム", added="")
    deleted_b = RowTarget("R2", ((CH3, EACH, S2, ROADMAP),), (), removed="財務会計システム", added="")
    c = comment(3, "財務会計システムの改修は不要ではないか。", "ご指摘を踏まえ、「財務会計システム」の記載を削除する。", ((CH3, EACH, S2),))
    assert links_for([deleted_a, deleted_b], [c]) == [("C03", "R1"), ("C03", "R2")]


def test_answer_type_reference_does_not_link() -> None:
    c = comment(
        4,
        SETTING_REASON.opinion,
        "今後の参考とさせていただきます。",
        ((CH3, EACH),),
        rtype=ResponseType.REFERENCE,
    )
    assert links_for([REASON_ROW], [c]) == []


def test_answer_naming_an_added_section_links_outside_its_reference() -> None:
    added = RowTarget(
        "R9",
        (("参考資料", "1. 取組一覧"),),
        (),
        removed="",
        added="取組一覧\n各施策の取組を一覧にしたもの。区分欄の「◎」は新規・拡充、「○」は推進を示す。",
    )
    c = comment(
        2,
        "各施策の取組が一覧化されておらず、新規拡充施策と推進施策の別がわからない。",
        "ご指摘のとおり、参考資料として、新規・拡充事業と推進事業とを記号で表現した取組一覧を掲載する。",
        ((CH3, EACH),),
    )
    assert links_for([REASON_ROW, added], [c]) == [("C02", "R9")]


def test_quote_lost_in_a_long_added_section_does_not_steal_the_link() -> None:
    roadmap = RowTarget("R7", ((CH3, EACH, S3, ROADMAP),), (), removed="", added="デジタルツールの計画的な導入\t導入計画の策定")
    big = RowTarget("R9", (("参考資料", "1. 取組一覧"),), (), removed="", added="取組一覧\n" + "施策の取組の一覧。" * 80 + "デジタルツールの計画的な導入")
    c = comment(19, "Copilotの取組を計画に記載すべき。", "「デジタルツールの計画的な導入」という取組を記載する。", ((CH3, EACH, S3),))
    assert links_for([roadmap, big], [c]) == [("C19", "R7")]


def test_citations_and_decisions_win() -> None:
    weak = comment(5, "全体的に分かりにくい。", "分かりやすい表現に努める。", ((CH3, EACH, S1),), rtype=ResponseType.OTHER)
    scored = score_pairs([REASON_ROW], [weak])
    assert [(l.comment_id, l.row_id) for l in choose_links(scored)] == []
    cited = choose_links(scored, cited=frozenset({"C05"}))
    assert [(l.comment_id, l.row_id) for l in cited] == [("C05", "R1")]
    confirmed = choose_links([], confirmed=(("C07", "R2"),))
    assert confirmed == (Link("C07", "R2", 1.0, "職員が確認したリンク（decisions.toml）"),)
    assert choose_links(score_pairs([REASON_ROW], [SETTING_REASON]), rejected=(("C01", "R1"),)) == ()


def test_every_link_has_confidence_and_evidence() -> None:
    (link,) = choose_links(score_pairs([REASON_ROW], [SETTING_REASON]))
    assert 0 < link.confidence <= 1
    assert "反映" in link.evidence and "\n" not in link.evidence


def test_external_revision_with_edition() -> None:
    ext = detect_external(
        "2025年（令和7年）12月には第5.0版に改定された",
        "その後、自治体DX推進計画は、改定が重ねられ、2025年（令和7年）12月には第5.0版に改定された。",
    )
    assert ext is not None
    assert (ext.document, ext.edition, ext.when, ext.verb) == ("自治体DX推進計画", "第5.0版", "2025年12月", "改定")


def test_external_named_guideline_with_finding() -> None:
    text = (
        "総務省は、2025年（令和7年）12月に「自治体におけるAI活用・導入ガイドブック＜導入手順編＞第4版」を公表した。"
        "同ガイドブックでは、責任者の設置に関する考え方が示され、利活用を進めることが求められている。"
    )
    ext = detect_external(text)
    assert ext is not None and ext.document.startswith("自治体におけるAI活用") and ext.verb == "公表"
    assert ext.finding == "責任者の設置に関する考え方"


def test_external_law_amendment_and_nothing() -> None:
    ext = detect_external("令和6年4月に「障害者差別解消法」が改正され、合理的配慮の提供が義務化された。")
    assert ext is not None and ext.document == "障害者差別解消法" and ext.verb == "改正"
    assert detect_external("区民の利便性を高めるため、窓口の案内を充実する。") is None
    assert detect_external("令和8年度の組織改正に合わせて所管課を改めた。") is not None


def test_organisation_only() -> None:
    assert organisation_only(["デジタル基盤整備担当課長"], ["デジタルサービス担当課長"])
    assert not organisation_only(["財務会計システム"], [])
    # no changed unit at all (a paragraph moved as it was): no name changed, no organisation change
    assert not organisation_only([], [])
    assert not organisation_only(["  "], [])


def test_cause_precedence() -> None:
    links = (Link("C01", "R1", 0.7, "x"),)
    ext = detect_external("2025年12月に「国の計画」が改定された。")
    assert cause_for("R1", links, ext).type == CauseType.COMMENT
    assert cause_for("R2", links, ext).type == CauseType.EXTERNAL
    assert cause_for("R2", links, None).type == CauseType.UNKNOWN
    # the plan's own divisions renamed: its own reorganisation (令和8年度組織編制), not an outside revision
    assert cause_for("R2", links, None, organisation=True).type == CauseType.INTERNAL
    assert cause_for("R1", links, ext, internal_note="区の見直し").type == CauseType.INTERNAL
    # text moved or reordered without a changed word: the office's own restructuring, with evidence saying so
    moved = cause_for("R2", links, None, unworded=True)
    assert moved.type == CauseType.INTERNAL and "組織" not in moved.evidence and "移動" in moved.evidence
    assert cause_for("R1", links, None, unworded=True).type == CauseType.COMMENT  # a linked comment explains it first


def test_promises_edit() -> None:
    assert promises_edit("「デジタルツールの計画的な導入」という取組を記載する。")
    assert not promises_edit("今後研究していく。")
    assert not promises_edit("計画に記載する予定はない。")
    assert not promises_edit("個別の事業を記載することは考えていない。")


def test_cited_comment_is_a_candidate_everywhere() -> None:
    c = comment(8, "取組一覧がほしい。", "一覧を掲載する。", ((CH3, EACH, S1),))
    far = RowTarget("R5", (("参考資料", "1. 一覧"),), (), removed="", added="取組の一覧を掲載する。")
    assert links_for([far], [c]) == []
    got = choose_links(score_pairs([far], [c], cited=frozenset({"C08"})), cited=frozenset({"C08"}))
    assert [(l.comment_id, l.row_id) for l in got] == [("C08", "R5")]


def test_external_kanji_edition_and_notice() -> None:
    ext = detect_external("国の「健康日本21（第三次）」（令和5年5月告示）を踏まえ、目標を見直した。")
    assert ext is not None and ext.document == "健康日本21（第三次）" and ext.verb == "告示" and ext.when == "令和5年5月"


def test_a_national_plan_decided_between_the_versions_is_external() -> None:
    """「…の策定に向けた検討が進められており」 → 「令和7年12月に「第12次交通安全基本計画」が
    決定され」: the plan was adopted between the versions, its name in both."""
    old = "国においては、現在、第12次交通安全基本計画の策定に向けた検討が進められています。"
    new = "国においては、令和7年12月に「第12次交通安全基本計画」が決定され、自転車の安全利用を重点とする方向性が示されました。"
    ext = detect_external(new, "", old)
    assert ext is not None and (ext.document, ext.when, ext.verb) == ("第12次交通安全基本計画", "令和7年12月", "決定")
    cabinet = detect_external("令和7年12月に「第6次男女共同参画基本計画」が閣議決定されました。", "", old)
    assert cabinet is not None and cabinet.document == "第6次男女共同参画基本計画"
    # 決定 said of anything but a plan-like document is no outside revision
    assert detect_external("令和7年12月に「地域清掃事業」の実施が決定されました。") is None


def test_the_plan_speaking_of_itself_is_not_external() -> None:
    assert detect_external("本計画は、令和8年4月に第3期計画として策定する。") is None


def test_longest_match_and_scored_phrase_agree_with_difflib() -> None:
    """score_pairs' own longest-block search is SequenceMatcher's
    (autojunk=False), and its pruned phrase search finds shared_phrase's
    phrase whenever that scores (three characters or more)."""
    import random
    from difflib import SequenceMatcher

    from revtool.changes.text_match import _longest_match, phrase_words, _shared, shared_scored

    rnd = random.Random(3)
    for _ in range(3000):
        alpha = rnd.choice(["ab", "abc", "あいう漢", "abcdefgh"])
        a = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 12)))
        b = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 40)))
        alo = rnd.randint(0, len(a))
        ahi = rnd.randint(alo, len(a))
        blo = rnd.randint(0, len(b))
        bhi = rnd.randint(blo, len(b))
        expected = tuple(SequenceMatcher(None, a, b, autojunk=False).find_longest_match(alo, ahi, blo, bhi))
        assert _longest_match(a, b, alo, ahi, blo, bhi) == expected
    parts = ["デジタル", "窓口", "推進", "を", "に", "の", "する", "行政", "DX", "サービス", "あ", "データ連携", "。", "区民", "化"]
    for _ in range(3000):
        a = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 10)))
        b = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 40)))
        words = phrase_words(a)
        full, pruned = _shared(a, words, b, None), shared_scored(a, words, b, None, True)
        assert (full if len(full) >= 3 else "") == (pruned if len(pruned) >= 3 else "")


# ---------------------------------------------------------------- at scale: competing comments, templated plans


def _each(n: int, leaf: str) -> tuple[str, ...]:
    return (CH3, EACH, f"施策{n}　取組{n}の推進", leaf)


def test_promise_quoting_surroundings_finds_its_row_among_templated_ones() -> None:
    """「…を追記しました」 quoting the new sentence with some unchanged text
    before it: the row holding most of the quote wins; the templated start of
    the sentence, shared by every row, names none of them."""
    rows = [
        RowTarget(f"R{n}", (_each(n, ISSUES),), (), removed="",
                  added=f"区民の意見を踏まえ、「{name}」による相談の支援を新たに実施する。")
        for n, name in enumerate(["なかの相談ナビ", "まちなかポータル", "すこやか区民カード", "あんしん学びサポート"], 1)
    ]
    c = comment(1, "相談の取組を記載してほしい。",
                "ご意見を踏まえ、「取組を進める。区民の意見を踏まえ、「すこやか区民カード」による相談の支援」を追記しました。",
                ((CH3,),))
    assert links_for(rows, [c]) == [("C01", "R3")]


def test_new_value_inside_the_promise_names_the_row() -> None:
    rows = [
        RowTarget("R1", (_each(1, IND),), (), removed="1,530件", added="1,660件"),
        RowTarget("R2", (_each(2, IND),), (), removed="2,100件", added="2,400件"),
        RowTarget("R3", (_each(3, ISSUES),), (), removed="", added="利用件数を増やすことを目指し、窓口を再編する。"),
    ]
    c = comment(1, "目標値を見直すべき。", "ご意見を踏まえ、目標を「利用件数を1,660件とすることを目指す」に修正しました。", ((CH3, EACH),))
    assert links_for(rows, [c]) == [("C01", "R1")]


def test_a_template_heading_in_the_answer_does_not_pull_rows_of_other_sections() -> None:
    """（4）ロードマップ is under every 施策: naming it does not link the
    roadmap of another 施策; the row in the comment's own section links."""
    rows = [RowTarget(f"R{n}", (_each(n, ROADMAP),), (), removed="検討", added="実施", kind="modified") for n in range(1, 6)]
    c = comment(1, "工程を早めてほしい。", "ご意見を踏まえ、（5）ロードマップの表を修正しました。", (_each(4, ROADMAP),))
    assert links_for(rows, [c]) == [("C01", "R4")]


def test_the_promised_kind_of_edit_ranks_rows_of_one_section() -> None:
    """Two rows in the section the comment points at: 「削除しました」 links the
    deletion, not the addition next to it; the evidence says why."""
    deleted = RowTarget("R1", (_each(2, ISSUES),), (), removed="紙の申請書による受付を継続する。", added="", kind="deleted")
    added = RowTarget("R2", (_each(2, ISSUES),), (), removed="", added="キャッシュレス決済を導入する。", kind="added")
    c = comment(1, "この記述は不要ではないか。", "ご意見を踏まえ、当該記述を削除しました。", (_each(2, ISSUES),))
    links = choose_links(score_pairs([deleted, added], [c]))
    assert [(l.comment_id, l.row_id) for l in links] == [("C01", "R1")]
    assert "削除" in links[0].evidence


def test_boilerplate_of_the_answer_is_not_a_shared_phrase() -> None:
    """ご意見を踏まえ in the answer and 「…の意見を踏まえ、」 in the plan are no
    evidence: a row outside the comment's section is not linked by it."""
    far = RowTarget("R1", (("第2章 計画の背景", "1. 国の動向"),), (), removed="", added="区民の意見を踏まえ、相談体制を見直す。")
    near = RowTarget("R2", (_each(1, ISSUES),), (), removed="", added="窓口の開設時間を延長する。", kind="added")
    c = comment(1, "窓口を使いやすくしてほしい。", "ご意見を踏まえ、記載を追加しました。", (_each(1, ISSUES),))
    assert links_for([far, near], [c]) == [("C01", "R2")]


def test_law_number_or_edition_replaced_is_an_outside_revision() -> None:
    from revtool.changes.external import replaced_reference

    law = replaced_reference("障害者総合支援法（平成17年法律第123号）に基づき", "障害者総合支援法（令和4年法律第104号）に基づき")
    assert law is not None and (law.document, law.verb) == ("障害者総合支援法", "改正")
    plan = replaced_reference("「地域福祉計画（第2版）」を踏まえ", "「地域福祉計画（第3版）」を踏まえ")
    assert plan is not None and (plan.document, plan.edition, plan.verb) == ("地域福祉計画", "第3版", "改定")
    assert replaced_reference("令和4年法律第104号", "令和4年法律第104号に基づき") is None  # the same number


def test_a_new_table_row_naming_its_division_is_not_an_organisation_change() -> None:
    assert not organisation_only([], ["みらいアプリ事業 | 障害のある方を対象に支援する | 子ども政策課"])
    assert organisation_only(["福祉推進課"], ["福祉政策課"])
    assert organisation_only([], ["地域包括ケア推進課"])  # a division added to the list of divisions


def test_vague_reflected_answer_links_the_only_row_in_its_section() -> None:
    only = RowTarget("R1", (_each(3, IND),), (), removed="68回", added="81回", kind="modified")
    other = RowTarget("R2", (_each(5, IND),), (), removed="10件", added="12件", kind="modified")
    c = comment(1, "目標が低い。", "ご指摘を踏まえ、目標値を修正いたします。", ((CH3, EACH, "施策3　取組3の推進"),))
    assert links_for([only, other], [c]) == [("C01", "R1")]
    # not when the section holds no changed row
    far = comment(2, "目標が低い。", "ご指摘を踏まえ、目標値を修正いたします。", ((CH3, EACH, "施策4　取組4の推進"),))
    assert links_for([only, other], [far]) == []


def test_a_second_row_named_by_the_answer_is_not_taken_farther_from_the_comment() -> None:
    from revtool.changes.table import Scored
    # the same words (「創設します」) edited in the comment's 施策 and in another one
    here = Scored("C14", "R9", 0.88, "descendant", "指摘箇所の下位の節", promised=True, named=1.0, fits=1)
    there = Scored("C14", "R13", 0.80, "named", "回答が「創設します」に言及", promised=True, named=1.0, fits=1)
    assert [(l.comment_id, l.row_id) for l in choose_links([here, there])] == [("C14", "R9")]
    # a second row as near to where the comment points still links (one answer, two places in its 施策)
    also_here = Scored("C14", "R10", 0.80, "descendant", "指摘箇所の下位の節", promised=True, named=1.0, fits=1)
    assert [(l.comment_id, l.row_id) for l in choose_links([here, also_here])] == [("C14", "R9"), ("C14", "R10")]


def test_a_promise_naming_the_rows_very_edit_links_it_from_a_lower_score() -> None:
    """「施策を二つに分けて記載します」 cited by the page of the 施策's heading: the one
    split in the section the page resolved to is off that page (its cut is a page
    later) and scores low, but the promise names its very kind of edit (a split) and
    it is clearly ahead of the comment's other rows: linked. A verb that only agrees
    (追記 and an added sentence) still needs PROMISE_FLOOR."""
    from revtool.changes.link_scores import PROMISE_FLOOR
    from revtool.changes.table import Scored

    split = Scored("C04", "R6", 0.339, "off-page", "回答の約束（分割）と変更の種類が一致", promised=True, fits=2)
    other = Scored("C04", "R14", 0.097, "off-page", "回答の約束（分割）と変更の種類が異なる", promised=True, fits=-1)
    assert split.score < PROMISE_FLOOR
    assert [(l.comment_id, l.row_id) for l in choose_links([split, other])] == [("C04", "R6")]
    added = Scored("C05", "R7", 0.339, "off-page", "回答の約束（追記）と変更の種類が一致", promised=True, fits=1)
    assert choose_links([added, other]) == ()
    # and the score says it: a split promised and a split row
    row = RowTarget("R1", ((CH3, EACH, S3),), (), removed="", added="施策4　母子の相談支援", kind="split")
    c = comment(4, "施策が多岐にわたる。", "ご意見を踏まえ、施策を二つに分けて記載します。", ((CH3, EACH),))
    (s,) = score_pairs([row], [c])
    assert s.fits == 2


def test_a_law_number_the_new_text_brings_is_an_outside_cause() -> None:
    """法律案が…国会に提出された → 法律（令和７年法律第60号）が成立した: the law was enacted
    between the versions (blind2 kind); the law is named by its name or its number,
    never by a piece of the number (「令和７年法律」), and an amending law amends its law."""
    bill = "法律案が第217回国会に提出された"
    ext = detect_external("法律（令和７年法律第60号）が成立した", "", bill)
    assert ext is not None and (ext.document, ext.verb) == ("令和7年法律第60号", "制定")
    ext = detect_external("（令和７年法律第60号）", "「生涯学習振興法の一部を改正する法律」（令和７年法律第60号）が成立した。", bill)
    assert ext is not None and (ext.document, ext.verb) == ("生涯学習振興法", "改正")
    ext = detect_external("（令和７年法律第60号）", "こども基本法（令和７年法律第60号）が公布された。", "改正案")
    assert ext is not None and (ext.document, ext.verb) == ("こども基本法", "公布")
    # a law number the plan already cited (only the context holds it) is no news
    assert detect_external("地域の支援を行う。", "「こども基本法」（令和4年法律第77号）に基づき、支援を行う。", bill) is None
    # nor is an old law quoted anew where no bill was spoken of (env6: 平成９年法律第81号 … 施行されてから)
    assert detect_external("環境影響評価法（平成９年法律第 81 号）は、平成 11 年に完全施行されてから 10 年が経過した。") is None


def test_the_states_reorganisation_is_an_outside_cause_and_the_authors_own_is_not() -> None:
    """内閣府地域学習推進室 → 地域学習推進庁 (a changed unit may carry its particle
    phrase: 共生社会推進庁と連携し): the government reorganised its bodies, external;
    a ward's 課 renamed stays its own reorganisation (internal)."""
    from revtool.changes.external import national_organisation

    for old, new in (("内閣府地域学習推進室", "地域学習推進庁"), ("内閣官房共生社会推進本部事務局", "共生社会推進庁と連携し")):
        assert organisation_only([old], [new]) and national_organisation([old], [new])
        assert cause_for("R3", (), None, organisation=True, national=True).type == CauseType.EXTERNAL
    assert organisation_only(["デジタル基盤整備担当課長"], ["デジタルサービス担当課長"])
    assert not national_organisation(["デジタル基盤整備担当課長"], ["デジタルサービス担当課長"])
    # divisions renamed inside one and the same state body (内閣府…室 → 内閣府…局, the ministry
    # renaming the office that writes the plan, at every place): its own reorganisation
    for old, new in (("内閣府共生社会推進室", "内閣府共生社会政策局"), ("総務省自治行政局地域振興室", "総務省自治行政局地域政策課")):
        assert organisation_only([old], [new]) and not national_organisation([old], [new])
    # a body of its own (a 庁) or another ministry: the state was reorganised
    assert national_organisation(["文部科学省総合教育政策局地域学習推進課"], ["地域学習推進庁"])
    assert national_organisation(["内閣府地域共生推進室"], ["こども家庭庁地域共生推進室"])
    assert not organisation_only(["区民と連携し"], ["事業者と連携し"])


def test_a_dated_citation_is_not_an_outside_revision() -> None:
    """A document quoted with its date in parentheses (（令和３年３月閣議決定）) or a
    time reference (施行（令和４年４月）後５年を目途に) names no revision between the
    versions; the document is never an unrelated 「」 quote of the sentence."""
    assert detect_external("「新たな成長」を支える開発に向けて、科学技術・イノベーション基本計画（令和３年３月閣議決定）等の最新の動向を踏まえつつ、取組を進める。") is None
    assert detect_external("「瀬戸内海環境保全特別措置法」による取組を推進し、改正瀬戸内法施行（令和４年４月）後５年を目途に検討を行う。") is None
    assert detect_external("「三位一体の労働市場改革」（「経済財政運営と改革の基本方針 2023」（令和５年６月 16日閣議決定））等の動向も注視する。") is None


def test_a_dated_citation_counts_when_the_old_text_cites_another_date() -> None:
    new = "「科学技術・イノベーション基本計画」（令和３年３月閣議決定）を踏まえ、取組を進める。"
    ext = detect_external(new, "", "「科学技術・イノベーション基本計画」（平成28年1月閣議決定）を踏まえ、取組を進める。")
    assert ext is not None and ext.document == "科学技術・イノベーション基本計画" and ext.when == "令和３年３月" and ext.verb == "閣議決定"
    # the same date in the old text: the citation is only reworded
    assert detect_external(new, "", "「科学技術・イノベーション基本計画」（令和３年３月閣議決定）に基づき、取組を進める。") is None


def test_the_revised_document_is_the_quote_before_the_revision_word() -> None:
    ext = detect_external("「第五次環境基本計画」の成果を踏まえ、令和6年5月に「第六次環境基本計画」が閣議決定された。")
    assert ext is not None and ext.document == "第六次環境基本計画" and ext.when == "令和6年5月"


def test_the_authors_own_intent_is_not_an_outside_revision() -> None:
    """「…戦略を新たに策定する」: the plan announces its own work, no outside event."""
    assert detect_external("「新たな成長」を支えるため、令和３年３月以降の動向を踏まえつつ、推進戦略を新たに策定する。") is None
    ext = detect_external("令和7年4月に改定された「自治体DX推進計画」を踏まえ、取組を改めた。")
    assert ext is not None and ext.document == "自治体DX推進計画" and ext.verb == "改定"


# an old version (a 素案 written in the summer of 令和５年) that dates its newest citation
OLD_PLAN = (
    "脱炭素成長型経済構造移行推進戦略（令和５年７月 28 日閣議決定）に基づき、取組を進める。"
    "「水循環基本法」（平成 26 年法律第 16 号）に基づき、健全な水循環の維持・回復に取り組む。"
    "こども家庭庁が示す「保育所等におけるICT活用ガイドライン（第2版）」（令和6年3月）を踏まえる。"
    "「くらしの10年ロードマップ」（令和７年４月策定予定）を踏まえ、令和８年４月に施行する条例に備える。"
)


def test_the_old_version_knows_the_revisions_it_dates() -> None:
    """The newest revision the old version dates, in any era or calendar;
    one still to come (…策定予定, 令和８年４月に施行する) is no event it knew."""
    assert prior_of(OLD_PLAN).newest == (2024, 3)
    assert prior_of("2023年3月に公表された報告書と、令和元年5月に改定された指針を踏まえる。").newest == (2023, 3)
    assert prior_of("2025年（令和7年）12月に改定された。").newest == (2025, 12)
    assert prior_of("令和10年度までに半減を目指す。令和５年11月現在、74地域が選定されている。").newest is None


def test_a_revision_dated_before_the_old_version_is_no_change_between_the_versions() -> None:
    """令和３年６月 and 令和４年６月 amendments, added to a 案 whose 素案 already cites a
    decision of 令和５年７月: history the 素案 could have cited, not news."""
    new = ("さらに、令和３年６月の水循環基本法及び令和４年６月の水循環基本計画の一部改正により、"
           "「地下水の適正な保全及び利用」等が追加された趣旨を踏まえ、取組を進める。")
    old = prior_of("脱炭素成長型経済構造移行推進戦略（令和５年７月 28 日閣議決定）に基づき、取組を進める。")
    assert detect_external(new) is not None  # without the old version, nothing tells the dates apart
    assert detect_external(new, "", "", old) is None
    # a revision dated after it is one between the versions
    ext = detect_external("令和６年５月に「第六次環境基本計画」が閣議決定された。", "", "", old)
    assert ext is not None and ext.document == "第六次環境基本計画" and ext.when == "令和６年５月"
    # the later of two dates is the revision's (the earlier one the old version could cite)
    ext = detect_external("令和４年６月に改定された「水循環基本計画」は、令和６年８月に再び改定された。", "", "", old)
    assert ext is not None and ext.when == "令和６年８月"


def test_a_citation_revised_is_found_in_the_whole_old_version() -> None:
    """The row's removed text is only the replaced edition and date (第2版, 令和6年3月);
    the old version cites the guideline with them: the guideline was revised."""
    new = ("こども家庭庁が示す「保育所等におけるICT活用ガイドライン（第3版）」（令和7年12月改定）では、"
           "業務にICTを活用することが重要であるとされている。")
    ext = detect_external("第3版\n令和7年12月改定", new, "第2版\n令和6年3月", prior_of(OLD_PLAN))
    assert ext is not None
    assert (ext.document, ext.edition, ext.when, ext.verb) == ("保育所等におけるICT活用ガイドライン（第3版）", "第3版", "令和7年12月", "改定")
    # without the old version the removed text does not name the guideline: a citation only
    assert detect_external("第3版\n令和7年12月改定", new, "第2版\n令和6年3月") is None
    # the old version cites the guideline undated: the new text only adds its date
    undated = prior_of("「保育所等におけるICT活用ガイドライン」を踏まえる。")
    assert detect_external("（令和7年12月改定）", new, "", undated) is None


def test_a_document_the_old_version_cites_with_another_edition_is_revised_whatever_the_date() -> None:
    """A 素案 that cited an outdated strategy (2012-2020, 平成24年9月) though it dates a
    later decision: the 案 citing the new one (令和5年3月) still names a revision."""
    old = prior_of("国の「生物多様性国家戦略2012-2020」（平成24年9月閣議決定）を踏まえる。"
                   "戦略（令和５年７月 28 日閣議決定）に基づく。")
    new = "国は、令和5年3月に「生物多様性国家戦略2023-2030」を策定した。"
    ext = detect_external(new, "", "", old)
    assert ext is not None and ext.document == "生物多様性国家戦略2023-2030" and ext.when == "令和5年3月"


def test_an_enacted_law_is_named_from_its_sentence() -> None:
    """The added fragment holds the number alone (法律（令和７年法律第60号）が成立した);
    the sentence names the law before the same number, however long its name, and
    the evidence is that sentence (blind2 kind: the reason quotes the name, not the number)."""
    bill = "法律案が第217回国会に提出された"
    new = ("また、生涯学習の振興のための施策の推進体制等の整備に関する法律の一部を改正する法律"
           "（令和７年法律第60号）が成立したところであり、改正の趣旨を踏まえた施策の展開が求められる。")
    ext = detect_external("法律（令和７年法律第60号）が成立した", new, bill)
    assert ext is not None
    assert (ext.document, ext.verb) == ("生涯学習の振興のための施策の推進体制等の整備に関する法律", "改正")
    assert ext.sentence == new
    # a law enacted (not an amending law) is 制定; the clause's topic (本市では) is no part of its name
    ext = detect_external("法律（令和７年法律第60号）が成立した", "本市では地域学習推進法（令和７年法律第60号）が成立した。", bill)
    assert ext is not None and (ext.document, ext.verb) == ("地域学習推進法", "制定")
    # another law's number in the sentence names nothing for this one
    ext = detect_external("法律（令和７年法律第60号）が成立した",
                          "こども基本法（令和４年法律第77号）に加え、法律（令和７年法律第60号）が成立した。", bill)
    assert ext is not None and ext.document == "令和7年法律第60号"


def test_an_answer_pointing_back_links_the_one_row_holding_what_the_opinion_describes() -> None:
    """「当該記述を削除いたします」 names nothing itself; the opinion describes the text
    (受益者負担を原則とする記述は…): the one row holding all its nouns is named, even
    where the comment's page was miscounted into another chapter (blind2 K10)."""
    assert described_words("受益者負担を原則とする記述は、学びを妨げるおそれがあり、削除すべきである。") == ("受益者", "負担", "原則")
    assert described_words("全国調査は期限を定めて実施すべきである。") == ()  # describes no text
    assert described_words("子育ての記述は分かりにくい。") == ()  # one noun names no row
    elsewhere = (CH3, EACH, S2)
    deleted = RowTarget("R1", ((CH3, EACH, S1),), (), removed="施設の利用に当たっては、原則として受益者が費用を負担するものとする。",
                        added="", kind="deleted")
    # where the miscounted page points: a row of another kind (a value changed)
    other = RowTarget("R2", (elsewhere,), (), removed="防災訓練を年1回実施する。", added="防災訓練を年2回実施する。", kind="modified")
    c = comment(1, "受益者負担を原則とする記述は、学びを妨げるおそれがあり、削除すべきである。",
                "御指摘を踏まえ、当該記述を削除いたします。", (elsewhere,))
    links = choose_links(score_pairs([deleted, other], [c]))
    assert [(l.comment_id, l.row_id) for l in links] == [("C01", "R1")]
    assert "（受益者・負担・原則）をすべて含む唯一の変更" in links[0].evidence
    # an answer that does not point back does not read the opinion so
    plain = comment(2, c.opinion, "御意見として承ります。", (elsewhere,), rtype=ResponseType.NOT_REFLECTED)
    assert not [s for s in score_pairs([deleted, other], [plain]) if s.row_id == "R1"]
    # two rows holding the words: neither is named by them
    twin = RowTarget("R3", ((CH3, EACH, S3),), (), removed="原則として受益者が費用を負担する。", added="", kind="deleted")
    assert not [s for s in score_pairs([deleted, other, twin], [c]) if s.row_id in ("R1", "R3")]


def test_an_earlier_step_of_a_documents_history_is_no_revision() -> None:
    """The old version cites 「水循環基本計画」（令和６年８月改定）; the new text recalls its
    令和４年６月 change: the old version already knew a later one."""
    old = prior_of("「水循環基本計画」（令和６年８月改定）に基づき、取組を進める。")
    assert detect_external("令和４年６月に改定された「水循環基本計画」では、地下水の保全が加えられた。", "", "", old) is None
    later = prior_of("「水循環基本計画」（令和４年６月改定）に基づき、取組を進める。")
    ext = detect_external("令和６年８月に改定された「水循環基本計画」では、地下水の保全が加えられた。", "", "", later)
    assert ext is not None and ext.when == "令和６年８月"


def test_an_answer_quoting_the_sentence_as_it_now_reads_names_the_edit_in_it() -> None:
    # 「検討する」→「推進する」: the row's change is one word; the answer quotes the whole
    # new sentence. A 成果目標 row of a sibling section holds a long word of that quote
    # (相談支援体制) in its table label, and must not take the link.
    field = ("第２部　分野別施策", "第６分野　困難を抱える人への包括的な支援")
    measure = field + ("２　施策の基本的方向と具体的な取組", "（３）包括的な相談支援体制の推進")
    verb = RowTarget("R1", (measure,), (), removed="検討", added="推進",
                     context="④　包括的な相談支援体制に関する認証制度の導入を推進する。（厚生労働省）", kind="modified")
    table = RowTarget("R2", (field + ("３　成果目標",),), (), removed="35.3％（2023年）", added="33.5％（2024年）",
                      kind="modified", labels="包括的な相談支援体制に関する研修の実施団体数 現状")
    c = comment(1, "認証制度の導入は検討にとどめず、推進すべきである。",
                "御意見を踏まえ、「包括的な相談支援体制に関する認証制度の導入を推進する」に修正いたします。", (measure,))
    assert links_for([verb, table], [c]) == [("C01", "R1")]
    best = score_pairs([verb, table], [c])[0]
    assert best.row_id == "R1" and "変更後の文" in best.evidence
