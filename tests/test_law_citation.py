"""The law named before its number (changes/law_citation.name_before): its
whole name, never the clause that dates it nor the clause's topic."""

from __future__ import annotations

from revtool.changes.law_citation import cited_law, name_before, revised_law


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


def test_a_listed_item_starts_its_name_after_the_mark_and_blank() -> None:
    # 「④　…」: the list mark and the ideographic blank end a clause as 、 does (blind8 tuning 1001/1003)
    s = "④　令和７年に成立した孤独・孤立対策推進法の一部を改正する法律（令和７年法律第42号）の施行を踏まえ、取組を進める。"
    assert _name(s) == "孤独・孤立対策推進法の一部を改正する法律"
    s = "⑦　令和７年に成立した日本語教育の推進に関する法律の一部を改正する法律（令和７年法律第36号）の施行を踏まえる。"
    assert _name(s) == "日本語教育の推進に関する法律の一部を改正する法律"


def test_a_summary_names_the_cited_law_by_the_same_reading() -> None:
    s = "④　令和７年に成立した孤独・孤立対策推進法の一部を改正する法律（令和７年法律第42号）の施行を踏まえ、取組を進める。"
    assert cited_law(s) == "「孤独・孤立対策推進法の一部を改正する法律」（令和７年法律第42号）"
    assert cited_law("本計画は、「こども基本法」（令和4年法律第77号）の趣旨を踏まえて策定する。") == "「こども基本法」（令和4年法律第77号）"
    assert cited_law("令和4年法律第77号に基づき策定する。") == ""  # a number not in a bracket after a name
    assert cited_law("こども基本法（令和4年法律第77号）", longest=3) == ""


def test_a_law_revision_dated_by_its_number_names_the_law() -> None:
    # 「…法の改正（令和５年法律第３０号）」: the number dates the revision of the law before it
    text = "令和５年のＤＶ防止法の改正（令和５年法律第３０号）により、保護命令の対象が拡大されました。"
    assert name_before(text, text.index("令和５年法律")) == "ＤＶ防止法"
    assert cited_law(text) == "「ＤＶ防止法」の改正（令和５年法律第３０号）"
    text = "令和６年６月の食料・農業・農村基本法の一部改正（令和６年法律第44号）を踏まえ"
    assert cited_law(text) == "「食料・農業・農村基本法」の改正（令和６年法律第44号）"


def test_the_same_law_is_the_law_named_before_it() -> None:
    text = ("配偶者からの暴力の防止及び被害者の保護等に関する法律（ＤＶ防止法）に基づき、被害者の保護が進められています。"
            "令和５年の同法の改正（令和５年法律第３０号）により、保護命令制度が拡充されました。")
    assert cited_law(text) == "「ＤＶ防止法」の改正（令和５年法律第３０号）"
    # 同法 with no law before it in the passage names nothing (no guess)
    assert cited_law("同法の改正（令和５年法律第３０号）により拡充されました。") == ""


def test_the_same_law_revised_as_the_subject_is_the_defined_short_name() -> None:
    """「同法が改正され（…）」: the law the paragraph named before, by the short name it defines
    (以下「…」という), whole with its number (issue 11)."""
    text = ("平成30年に高齢者の移動の円滑化の促進に関する法律（平成18年法律第91号。以下「移動円滑化法」という。）"
            "が改正され、基本方針が示されました。その後、令和６年には同法が改正され（令和６年法律第12号）、"
            "市町村の役割が拡充されました。")
    at = text.index("令和６年法律")
    assert revised_law(text, at) == "移動円滑化法"
    assert cited_law(text, 80, at) == "「移動円滑化法」の改正（令和６年法律第12号）"
    # a law revised by its own name (…法が改正され（…）) is no 同法: unchanged, no bracketed name
    assert revised_law("令和６年には道路交通法が改正され（令和６年法律第34号）、", 21) == ""
    # 同法 with no law named before it names nothing
    assert cited_law("令和６年には同法が改正され（令和６年法律第12号）、役割が拡充されました。") == ""


def test_the_law_subject_of_its_revision_carries_no_particle_of_the_date_before_it() -> None:
    """「令和６年６月には…法が改正され（…）」: the name after the date and its particles
    (に, には, は), never 「は子ども・子育て支援法」 (issue 11)."""
    text = "令和６年６月には子ども・子育て支援法が改正され（令和６年法律第47号）、給付が拡充されました。"
    assert name_before(text, text.index("令和６年法律")) == "子ども・子育て支援法"
    text = "平成30年度は、障害者総合支援法が改正され（平成30年法律第65号）、"
    assert name_before(text, text.index("平成30年法律")) == "障害者総合支援法"
    # a name holding the kanji 年 is not cut at it (no date before it)
    text = "青少年健全育成法が改正され（令和６年法律第47号）、"
    assert name_before(text, text.index("令和６年法律")) == "青少年健全育成法"


def test_the_same_law_as_the_subject_is_read_as_the_law_its_paragraph_named() -> None:
    """「令和７年には同法が改正され（…）」: 同法 is the law named before it in its
    paragraph — never 「は同法」, never 「同法」 itself, never a law of another paragraph."""
    text = ("本市は、地域公共交通の活性化及び再生に関する法律（平成19年法律第59号。以下「活性化再生法」という。）"
            "に基づき計画を定めます。さらに、令和７年には同法が改正され（令和７年法律第61号）、役割が明確化されました。")
    assert name_before(text, text.index("令和７年法律")) == "活性化再生法"
    alone = "さらに、令和７年には同法が改正され（令和７年法律第61号）、役割が明確化されました。"
    assert name_before(alone, alone.index("令和７年法律")) == ""
    apart = "道路運送法（昭和26年法律第183号）に基づき運行します。\n" + alone
    at = apart.index("令和７年法律")
    assert name_before(apart, at) == ""
    assert revised_law(apart, at) == ""
    assert cited_law(apart, 80, at) == ""
