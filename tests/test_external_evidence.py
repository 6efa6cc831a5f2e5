"""An outside document's revision is a cause only with evidence that it changed
between the versions: a date of the revision with the document (「2025年12月に
「自治体DX推進計画」が改定」), or the same document cited with another edition or
number in the old text.  An edition word inside added text (第一次, 第二期, 第六次)
recalls history, never a revision (issue 11, a ministry plan: 「「生物多様性国家戦略」が
第二期に策定されたため」)."""

from revtool.changes.external import detect_external, replaced_reference


def test_an_edition_word_in_added_text_is_no_revision() -> None:
    assert detect_external("第一次環境基本計画が策定されて以来、環境政策は「循環」「共生」を掲げてきた。") is None
    assert detect_external("「生物多様性国家戦略」は第二期に策定された戦略を基礎としている。") is None
    assert detect_external(
        "IPCC 第６次評価報告書が公表され、「人間活動が主に温室効果ガスの排出を通して地球温暖化を引き起こしてきたことは疑う余地がない」とされた。"
    ) is None


def test_a_dated_revision_is_still_a_cause() -> None:
    ext = detect_external("2025年（令和7年）12月には第5.0版に改定された", "自治体DX推進計画は、改定が重ねられ、2025年（令和7年）12月には第5.0版に改定された。")
    assert ext is not None and ext.edition == "第5.0版" and ext.when == "2025年12月"


def test_an_edition_replaced_in_the_text_is_a_cause() -> None:
    ext = replaced_reference("国の「第五次環境基本計画（第5版）」を踏まえる。", "国の「第六次環境基本計画（第6版）」を踏まえる。")
    assert ext is not None and ext.verb == "改定"


def test_a_revision_dated_by_its_year_alone_named_as_the_reason() -> None:
    """「令和5年の介護保険法の改正により創設された…」: the law amended, dated by its year,
    is the reason for the added sentence; a time reference (施行以来) is not, nor a
    revision the old version already dates later than that year."""
    from revtool.changes.external import prior_of

    ext = detect_external("また、令和5年の介護保険法の改正により創設された介護情報基盤を活用します。")
    assert ext is not None and (ext.document, ext.verb, ext.when) == ("介護保険法", "改正", "令和5年")
    assert detect_external("平成12年の介護保険法の施行以来、制度は定着してきました。") is None
    assert detect_external("令和5年の介護保険法の改正により創設された基盤を活用します。",
                           prior=prior_of("令和6年3月に策定された県の計画に基づき")) is None
    assert detect_external("令和5年の事業の見直しにより、回数を増やします。") is None


def test_a_law_cited_with_its_number_is_named_by_its_name_not_by_its_number() -> None:
    from revtool.changes.external import detect_external

    for text, name in [
        ("また、令和6年11月に施行された改正都市緑地法（昭和48年法律第72号）により、緑地の質の向上が課題として位置付けられました。",
         "改正都市緑地法"),
        ("令和7年4月に施行された生涯学習の振興のための施策の推進体制等の整備に関する法律（平成2年法律第71号）を踏まえ、取組を進めます。",
         "生涯学習の振興のための施策の推進体制等の整備に関する法律"),
    ]:
        found = detect_external(text, text)
        assert found is not None and found.document == name and "年法律" not in found.document
        assert found.number in text and found.number.endswith("号")  # and its number, kept for the summary


def test_the_reason_says_the_law_with_its_number() -> None:
    """Summaries keep law numbers whole (issue 11): 「改正都市緑地法」（昭和48年法律第72号）."""
    from revtool.changes.summary_reasons import reason_for_external

    text = "また、令和6年11月に施行された改正都市緑地法（昭和48年法律第72号）により、緑地の質の向上が課題として位置付けられました。"
    found = detect_external(text, text)
    assert found is not None
    assert reason_for_external(found) == "令和6年11月に「改正都市緑地法」（昭和48年法律第72号）が施行されたため"


POSITION = ("本計画は、立地適正化計画、緑の基本計画などの分野別計画の上位に位置付けられ、"
            "県の都市計画区域マスタープラン（令和8年3月改定）に即して定めます。")
SAID = "令和8年3月の改定で示された「集約型都市構造への転換」の考え方を、本計画の将来都市構造に反映しています。"


def test_a_quoted_idea_the_revision_showed_is_not_the_revised_document() -> None:
    """「令和8年3月の改定で示された「集約型都市構造への転換」」: the quote is what the
    revision said, not a plan or law; the revision named by its date alone is of the
    document the text cites with that date (issue 11, blind6: an invented cause
    「「集約型都市構造への転換」が改定された」)."""
    ext = detect_external(SAID, POSITION + SAID)
    assert ext is not None and ext.document == "県の都市計画区域マスタープラン" and ext.when == "令和8年3月"
    # no document dated so: no name is made up from the quote
    ext = detect_external(SAID, SAID)
    assert ext is None or ext.document != "集約型都市構造への転換"


def test_a_document_named_right_after_its_revision_word_is_still_the_document() -> None:
    ext = detect_external("令和7年3月に改定された「第3次つばさ市環境基本計画」を踏まえ、目標を見直しました。")
    assert ext is not None and ext.document == "第3次つばさ市環境基本計画"
    ext = detect_external("令和7年3月の改定で示された「つばさ市景観計画」に基づき、誘導を進めます。")
    assert ext is not None and ext.document == "つばさ市景観計画"


def test_a_revision_date_added_to_a_citation_without_brackets_is_the_cause() -> None:
    """A national plan cites 共生社会の実現に向けた行動計画（令和６年12月閣議決定） unquoted; the 案
    adds 「、令和７年６月改訂」 to that citation: the 行動計画 was revised between the versions,
    dated by the date the new text added (not by the 閣議決定 the 素案 already cited)."""
    from revtool.changes.external import prior_of

    old = "本計画は、共生社会の実現に向けた行動計画（令和６年12月閣議決定）その他の関連する計画と整合を図りつつ策定するものである。"
    new = old.replace("閣議決定）", "閣議決定、令和７年６月改訂）")
    ext = detect_external("、令和７年６月改訂", new, "", prior_of(old))
    assert ext is not None
    assert (ext.document, ext.when, ext.verb) == ("共生社会の実現に向けた行動計画", "令和７年６月", "改訂")
    # the same citation with nothing added to it is no revision
    assert detect_external("その他の関連する計画", old, "", prior_of(old)) is None


def test_the_plans_own_draft_dates_no_outside_revision() -> None:
    """The 素案's 策定経過 (令和７年８月29日　素案の公表) is the plan's own step: a law of
    令和７年 the 案 brings is still news, though the 素案 was published that year."""
    from revtool.changes.external import prior_of

    old = ("本計画は、共生社会の実現に向けた行動計画（令和６年12月閣議決定）を踏まえ策定する。\n"
           "令和７年８月29日\t素案の公表\n令和７年９月１日\t意見募集の開始")
    prior = prior_of(old)
    assert prior.newest == (2024, 12)
    added = "令和７年に成立した日本語教育の推進に関する法律の一部を改正する法律（令和７年法律第36号）の施行を踏まえ、関連する施策を実施する。"
    ext = detect_external(added, added, "", prior)
    assert ext is not None and ext.verb == "改正" and "日本語教育の推進に関する法律" in ext.document
    # an outside revision dated in the 素案 still bounds what the 素案 could cite
    assert prior_of(old + "\n令和７年３月に改定された地域福祉計画を踏まえる。").newest == (2025, 3)


def test_a_law_revision_the_new_text_cites_by_its_number_is_a_cause_whatever_its_year() -> None:
    """「ＤＶ防止法の改正（令和５年法律第３０号）により…」 added in the 案 of a plan whose
    素案 dates 令和６年４月: the number dates a law's revision the 素案 never cited, so the
    new text reflects it (issue 11, blind11) — the law, 改正, and no date taken from
    another clause (令和６年４月から…対象となった). A law's own number quoted anew stays no news."""
    from revtool.changes.external import prior_of

    prior = prior_of("令和６年４月に施行された法律に基づき、支援を行います。")
    assert prior.newest == (2024, 4)
    added = "令和５年のＤＶ防止法の改正（令和５年法律第３０号）により、令和６年４月から精神的な暴力も保護命令の対象となりました。"
    ext = detect_external(added, added, "", prior)
    assert ext is not None and (ext.document, ext.verb, ext.when) == ("ＤＶ防止法", "改正", "")
    # 同法 (the same law): the law the passage named before the sentence
    before = "平成１３年に配偶者からの暴力の防止及び被害者の保護等に関する法律（ＤＶ防止法）が制定されました。"
    same = "同法の改正（令和５年法律第３０号）により、保護命令制度が拡充されました。"
    ext = detect_external(same, before + same, "", prior)
    assert ext is not None and (ext.document, ext.verb) == ("ＤＶ防止法", "改正")
    # a law's own number (not its revision's), of a year the 素案 already dates: no news
    assert detect_external("配偶者暴力防止法（平成１３年法律第３１号）に基づき、相談支援を行います。",
                           "", "", prior) is None
    # the same revision the 素案 already cites: no news
    assert detect_external(added, added, "", prior_of("令和６年４月に施行された。" + added)) is None


def test_a_cover_date_does_not_date_a_revision_named_on_a_later_line() -> None:
    # the cover's 令和７年８月 and the 目次 line 「計画の策定にあたって」 are two lines:
    # no revision the old version knows of is dated by them
    from revtool.changes.external import prior_of
    cover = "○○町男女共同参画プラン（素案）\n令和７年８月\n目次\n第１章　計画の策定にあたって"
    assert prior_of(cover).newest is None
    assert prior_of("令和７年８月に計画を策定しました。").newest == (2025, 8)
