"""主な変更点 sentences in the register of 別紙2."""

from __future__ import annotations

from revtool.changes.facts import TEXT, Fact, facts_of
from revtool.changes.external import detect_external
from revtool.model import CauseType, ChangeKind
from revtool.changes.summary import SummaryStyle, fact_clauses, summarize, whole_phrase_summary
from revtool.changes.summary_reasons import answer_action, reason_from_note
from tests.changelog_helpers import CH3, EACH, IND, ISSUES, ROADMAP, S2, cell, change, comment, row_added


def facts(*changes):  # type: ignore[no-untyped-def]
    out = []
    for i, c in enumerate(changes):
        out.extend(facts_of(c, i))
    return out


def test_replacement_and_deletion() -> None:
    fs = facts(change((CH3, ISSUES), "現在は第4.0版が最新版となっている。", "現在は第5.0版が最新版となっている。"))
    assert fact_clauses(fs) == ["「第4.0版」を「第5.0版」に変更"]
    fs = facts(change((CH3, ISSUES), "基幹システム及び財務会計システムの改修を行う。", "基幹システムの改修を行う。"))
    assert fact_clauses(fs) == ["「財務会計システム」の文言を削除"]


def test_target_values_raised() -> None:
    fs = facts(
        cell((CH3, EACH, S2, IND), "電話による問合せ件数", "目標値（2030年度）", "▲30%（導入前比）", "32.5%減（約5,000件→約3,400件）"),
        cell((CH3, EACH, S2, IND), "ワンストップ解決率", "目標値（2030年度）", "+30%（導入直後比）", "32.5%"),
    )
    assert summarize(fs, CauseType.UNKNOWN) == (
        "成果指標のうち、以下の2つで目標値の上方修正を実施 "
        "・電話による問合せ件数 ▲30%（導入前比） → 32.5%減（約5,000件→約3,400件） "
        "・ワンストップ解決率 +30%（導入直後比） → 32.5%"
    )
    (single,) = facts(cell((CH3, EACH, S2, IND), "登録者数", "目標値", "5万人", "3万人"))
    # one target is named by its row, as staff write it
    assert summarize([single], CauseType.UNKNOWN) == "成果指標「登録者数」の目標値を下方修正（5万人 → 3万人）"
    # a title that already says 目標値 is not repeated (主な事業と目標値の目標値)
    (single,) = facts(cell((CH3, EACH, S2, "（2）　主な事業と目標値"), "地域循環共生圏対策事業", "目標値", "54%", "64%"))
    assert summarize([single], CauseType.UNKNOWN) == "「地域循環共生圏対策事業」の目標値を上方修正（54% → 64%）"


def test_list_cells_name_what_came_and_went() -> None:
    fs = facts(
        cell(("第4章　計画の推進体制", "2. 推進体制"), "企画部", "構成員", "企画課長、財政課長、デジタル基盤整備担当課長", "企画課長、デジタルサービス担当課長、財政課長"),
        cell(("第4章　計画の推進体制", "2. 推進体制"), "総務部", "構成員", "総務課長、働き方DX推進担当課長、防災課長", "総務課長、防災課長"),
    )
    assert fact_clauses(fs) == ["・デジタル基盤整備担当課長を削除 ・働き方DX推進担当課長を削除 ・デジタルサービス担当課長を追加"]
    assert summarize(fs, CauseType.EXTERNAL, organisation=True).startswith("組織改正を次のとおり反映 ・デジタル基盤整備担当課長を削除")


def test_wording_cell() -> None:
    # the row's key cell changed: the column names it
    fs = facts(cell((CH3, EACH, S2, IND), "オンラインツールを活用した避難所開設訓練の実施率", "指標",
                    "オンラインによる避難所開設訓練の実施率", "オンラインツールを活用した避難所開設訓練の実施率"))
    assert fact_clauses(fs) == ["指標の文言を「オンラインによる避難所開設訓練の実施率」から「オンラインツールを活用した避難所開設訓練の実施率」に変更"]
    # another cell of a named row: the row says whose indicator changed
    fs = facts(cell((CH3, EACH, S2, IND), "土壌汚染普及啓発事業", "指標", "講座等の参加者数", "講座等の参加者の満足度"))
    assert fact_clauses(fs) == ["「土壌汚染普及啓発事業」の指標を「講座等の参加者数」から「講座等の参加者の満足度」に変更"]


def test_row_added_and_added_section() -> None:
    fs = facts(row_added((CH3, EACH, S2, ROADMAP), ["デジタルツールの計画的な導入", "計画の策定", "導入"]))
    # without the table's header the key column has no name
    assert fact_clauses(fs) == ["ロードマップに「デジタルツールの計画的な導入」を追加"]
    fs = facts(change(("参考資料", "1. 取組一覧"), "", "1. 取組一覧\n一覧", kind=ChangeKind.ADDED, block_kind="section"))
    assert fact_clauses(fs) == ["「取組一覧」を掲載"]


def test_many_edits_in_one_table_update_the_list() -> None:
    path = ("第2章　計画策定の背景", "（2）自治体DXの推進")
    fs = facts(
        cell(path, "A", "重点取組事項", "標準化", "標準化（運用最適化を含む）"),
        cell(path, "B", "重点取組事項", "カードの普及促進・利用の推進", "カードの利用の推進"),
        row_added(path, ["7", "BPRの取組の徹底", "業務の見直し", "施策9"]),
    )
    assert fact_clauses(fs) == ["重点取組事項の一覧を更新"]


def test_reason_for_external_revision() -> None:
    c = change(("第2章　計画策定の背景", "（2）自治体DXの推進"),
               "その後、自治体DX推進計画は改定が重ねられ、現在は第4.0版が最新版となっている。",
               "その後、自治体DX推進計画は改定が重ねられ、2025年（令和7年）12月には第5.0版に改定された。")
    fs = facts(c)
    ext = detect_external(fs[0].new, fs[0].new_unit)
    text = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert text.startswith("2025年12月に「自治体DX推進計画」が第5.0版に改定されたため、")


def test_answer_wording_reused_when_it_describes_the_change() -> None:
    fs = facts(change((CH3, EACH, S2, IND), "", "設定理由\n区の人口の約3割を目標とした。", kind=ChangeKind.ADDED,
                      rule="column-added", block_kind="table", location="表1 列『設定理由』"))
    c = comment(1, "根拠が乏しい。", "ご指摘のとおり、設定理由や算定根拠等が明らかでないため、成果指標欄の見直しを行い、設定理由等を表記する。")
    assert summarize(fs, CauseType.COMMENT, [c]) == "成果指標欄の見直しを行い、設定理由等を表記"
    unrelated = comment(2, "防災について", "防災行政無線の整備を進めていく。")
    assert summarize(fs, CauseType.COMMENT, [unrelated]) == "成果指標の表に「設定理由」欄を追加"
    lead = SummaryStyle(comment_lead="ご意見を踏まえ、")
    assert summarize(fs, CauseType.COMMENT, [c], style=lead) == "ご意見を踏まえ、成果指標欄の見直しを行い、設定理由等を表記"


def test_answer_reused_when_every_thing_it_speaks_of_is_in_the_added_sentence() -> None:
    """「毎年度進捗状況を公表することを第３部第３章に記載します」: its stock words
    (することを, 第３部第３章に記載) keep the shared bigrams low, but 年度, 進捗状況
    and 公表 are all in the sentence added — it describes the edit, and says
    more than the head of the sentence quoted with 「…」."""
    path = ("第３部　障がい福祉計画", "第３章　計画の推進体制", "２　計画の進捗管理")
    fs = facts(change(path, "", "計画の進捗状況は、毎年度、自立支援協議会に報告し、その結果を市ホームページで公表します。",
                      kind=ChangeKind.ADDED, rule="block-added", location="段落2"))
    c = comment(6, "進捗状況を公表してほしい。", "ご意見を踏まえ、毎年度進捗状況を公表することを第３部第３章に記載します。")
    assert summarize(fs, CauseType.COMMENT, [c]) == "毎年度進捗状況を公表することを第３部第３章に記載"
    # an answer speaking of other things is not reused
    other = comment(7, "研修について", "ご意見を踏まえ、毎年度研修内容を見直すことを第３部第３章に記載します。")
    assert "研修" not in summarize(fs, CauseType.COMMENT, [other])


def test_content_nouns_leave_out_places_formal_nouns_and_the_editing() -> None:
    from revtool.changes.summary_reasons import content_nouns

    assert content_nouns("毎年度進捗状況を公表することを第３部第３章に記載") == ["年度", "進捗状況", "公表"]


def test_answer_action() -> None:
    assert answer_action("ご指摘のとおり、一元的に確認できる資料がないため、参考資料として、取組一覧を掲載する。") == "参考資料として、取組一覧を掲載"
    assert answer_action("今後研究していく。") == ""


def test_rows_added_to_a_table_are_named() -> None:
    path = ("参考資料", "2. 用語集")
    fs = facts(*(row_added(path, [w, "説明"]) for w in ("BPR", "EBPM", "GIS", "RPA")))
    assert fact_clauses(fs) == ["用語集に「BPR」「EBPM」「GIS」ほか1件を追加"]


# issue 11 item 2: quotes are whole words and 文節, numbers/dates/law numbers/「」 names whole


def _clauses(old: str, new: str) -> list[str]:
    return fact_clauses(facts(change((CH3, ISSUES), old, new)))


def test_conjunction_is_not_cut_from_its_okurigana() -> None:
    # was 「及」を「居住支援の強化及」に更新
    got = _clauses("高齢者の見守り及び住まいの確保を図る。", "高齢者の見守り、居住支援の強化及び住まいの確保を図る。")
    assert got == ["「居住支援の強化」を追記"]


def test_short_insertion_is_quoted_with_its_phrase() -> None:
    # was 「作成を」を追加
    got = _clauses("区は個別避難計画を推進する。", "区は個別避難計画の作成を推進する。")
    assert got == ["「個別避難計画」を「個別避難計画の作成」に変更"]


def test_law_number_is_quoted_whole() -> None:
    # was 「令和6年法律」
    got = _clauses("改正法（令和6年法律第20号）に基づき対応する。", "改正法（令和6年法律第21号）に基づき対応する。")
    assert got == ["「令和6年法律第20号」を「令和6年法律第21号」に変更"]
    got = _clauses("法改正に基づき対応する。", "改正法（令和6年法律第21号）に基づき対応する。")
    assert any("令和6年法律第21号" in c for c in got), got


def test_dates_versions_and_names_are_quoted_whole() -> None:
    assert _clauses("2024年3月に策定した。", "2025年12月に策定した。") == ["「2024年3月」を「2025年12月」に変更"]
    assert _clauses("現在は第4.0版が最新である。", "現在は第5.0版が最新である。") == ["「第4.0版」を「第5.0版」に変更"]
    got = _clauses("指標は「オンラインによる避難所開設訓練」とする。", "指標は「オンラインツールを活用した避難所開設訓練」とする。")
    assert got == ["「オンラインによる避難所開設訓練」を「オンラインツールを活用した避難所開設訓練」に変更"]  # no 「「…」」


def test_compound_words_are_quoted_whole() -> None:
    got = _clauses("デジタル基盤整備担当課長が担う。", "デジタルサービス担当課長が担う。")
    assert got == ["「デジタル基盤整備担当課長」を「デジタルサービス担当課長」に変更"]


def test_every_quote_of_a_text_edit_starts_and_ends_on_word_boundaries() -> None:
    from revtool.compare import morph

    pairs = [
        ("高齢者の見守り及び住まいの確保を図る。", "高齢者の見守り、居住支援の強化及び住まいの確保を図る。"),
        ("区は個別避難計画を推進する。", "区は個別避難計画の作成を推進する。"),
        ("地域の見守り活動を支援する。", "地域の見守り活動と居場所づくりを支援する。"),
        ("相談窓口を設置する。", "総合相談窓口を設置する。"),
        ("研修を年2回実施する。", "研修を年4回実施する。"),
    ]
    for old, new in pairs:
        for f in facts(change((CH3, ISSUES), old, new)):
            for text, span in ((old, f.old), (new, f.new)):
                if not span:
                    continue
                start = text.index(span)
                bounds = {m.begin for m in morph.morphemes(text)} | {len(text)}
                assert start in bounds and start + len(span) in bounds, (text, span)


def test_verbs_by_kind() -> None:
    assert _clauses("基幹システム及び財務会計システムの改修を行う。", "基幹システムの改修を行う。") == ["「財務会計システム」の文言を削除"]
    assert _clauses("窓口で受け付ける。", "窓口及び郵送で受け付ける。")[0].endswith("に変更") or \
        _clauses("窓口で受け付ける。", "窓口及び郵送で受け付ける。")[0].endswith("を追記")
    renamed = facts(change((CH3, "施策2　防災DXによる安全なまちづくり"), "施策2　防災DXによる安全なまちづくり",
                           "施策2　防災DXによる安全・安心なまちづくり", kind=ChangeKind.RENAMED, block_kind="section"))
    assert fact_clauses(renamed) == ["名称を「防災DXによる安全なまちづくり」から「防災DXによる安全・安心なまちづくり」に変更"]


# issue 13 item 5 and item 14: the staff's note is the printed reason; the lead phrase is a setting


def test_note_on_a_cause_is_printed_as_the_reason() -> None:
    fs = facts(
        cell(("第4章　計画の推進体制", "2. 推進体制"), "企画部", "構成員", "企画課長、デジタル基盤整備担当課長", "企画課長、デジタルサービス担当課長"),
    )
    text = summarize(fs, CauseType.INTERNAL, reason="令和8年度組織編制（案）")
    assert text == "令和8年度組織編制（案）を次のとおり反映 ・デジタル基盤整備担当課長を削除 ・デジタルサービス担当課長を追加"
    fs = facts(change((CH3, S2, IND), "オンラインによる避難所開設訓練を実施する。", "オンラインツールを活用した避難所開設訓練を実施する。"))
    text = summarize(fs, CauseType.INTERNAL, reason="誤解を招く表現であった")
    assert text.startswith("誤解を招く表現であったため、") and "オンラインツールを活用した" in text
    assert summarize(fs, CauseType.INTERNAL, reason="組織改正").startswith("組織改正のため、")
    assert summarize(fs, CauseType.INTERNAL, reason="国の方針変更に伴い").startswith("国の方針変更に伴い、")


def test_a_list_body_never_starts_a_row() -> None:
    fs = facts(
        cell(("第4章　計画の推進体制", "2. 推進体制"), "企画部", "構成員", "企画課長、財政課長", "企画課長、防災課長"),
    )
    for cause in CauseType:
        assert not summarize(fs, cause).startswith("・"), cause


def test_reason_from_note() -> None:
    assert reason_from_note("組織改正") == "組織改正のため"
    assert reason_from_note("表現が分かりにくかった。") == "表現が分かりにくかったため"
    assert reason_from_note("国のガイドラインの改定を踏まえ") == "国のガイドラインの改定を踏まえ"


def test_comment_lead_only_when_set_and_only_with_a_comment_link() -> None:
    fs = facts(change((CH3, ISSUES), "区は情報を発信する。", "区は情報を発信する。また、発信した情報の効果を毎年度検証する。"))
    c = comment(1, "効果を検証すべき。", "効果の検証について記載する。")
    lead = SummaryStyle(comment_lead="ご意見を踏まえ、")
    assert not summarize(fs, CauseType.COMMENT, [c]).startswith("ご意見")  # default as the real 別紙2
    assert summarize(fs, CauseType.COMMENT, [c], style=lead).startswith("ご意見を踏まえ、")
    assert not summarize(fs, CauseType.COMMENT, [], style=lead).startswith("ご意見")  # no link, no lead
    assert not summarize(fs, CauseType.UNKNOWN, [c], style=lead).startswith("ご意見")


def test_summary_style_from_config() -> None:
    import pytest

    from revtool.errors import WorkspaceError

    assert SummaryStyle.from_config({}) == SummaryStyle()
    assert SummaryStyle.from_config({"comment_lead": "ご意見を踏まえ、"}).comment_lead == "ご意見を踏まえ、"
    with pytest.raises(WorkspaceError):
        SummaryStyle.from_config({"comment_lead": 1})


# issue 16 item 5: a very long paragraph gives a correct result (its speed is in `make bench`)


def test_hundred_thousand_character_paragraph() -> None:
    sentence = "区は地域の関係団体と連携し、高齢者の見守り活動を推進する。"
    body = [f"{sentence[:-1]}（第{i}項）。" for i in range(3000)]
    old = "".join(body)
    assert len(old) > 100_000
    new_body = list(body)
    new_body[1000] = new_body[1000].replace("高齢者", "障害者")
    new_body[2500] = new_body[2500].replace("推進する", "強化する")
    new = "".join(new_body)
    fs = facts(change((CH3, ISSUES), old, new))
    assert [(f.old, f.new) for f in fs] == [("高齢者", "障害者"), ("推進", "強化")]
    assert fact_clauses(fs) == ["「高齢者」を「障害者」に変更", "高齢者の見守り活動について、「推進する」を「強化する」に変更"]  # the 文節 whole, said of its subject


def test_long_added_or_removed_sentence_is_named_by_its_names_not_cut() -> None:
    old = "区は相談体制を整える。"
    new = "区は相談体制を整える。子育て世帯の声を踏まえ、「スマートプラットフォーム」による手続の案内を充実させる。"
    assert _clauses(old, new) == ["「スマートプラットフォーム」に関する記述を追記"]
    assert _clauses(new, old) == ["「スマートプラットフォーム」に関する記述を削除"]


def test_long_text_without_names_is_cut_after_a_whole_phrase() -> None:
    old = "区は相談体制を整える。"
    new = "区は相談体制を整える。区民が身近な場所で学習支援を利用できるよう、地域の相談の場を関係機関と連携しながら計画的に設けていく。"
    (clause,) = _clauses(old, new)
    quoted = clause[1:clause.index("…")]
    assert new.find(quoted) >= 0 and quoted.endswith(("できる", "よう", "利用")), clause


def test_answer_lead_with_te_is_dropped() -> None:
    assert answer_action("ご意見を踏まえて、地域団体への支援に関する記述を追記します。") == "地域団体への支援に関する記述を追記"
    assert answer_action("いただいたご指摘を受けて、表現を修正いたします。") == "表現を修正"


def test_an_edition_inside_a_long_name_is_quoted_alone() -> None:
    got = _clauses("「保育所等におけるICT活用ガイドライン（第2版）」に基づき進める。",
                   "「保育所等におけるICT活用ガイドライン（第3版）」に基づき進める。")
    assert got == ["「第2版」を「第3版」に変更"]
    # a word changed inside a name: the name is quoted whole
    got = _clauses("「中野区DX推進本部」において調整する。", "「中野区DX推進会議」において調整する。")
    assert got == ["「中野区DX推進本部」を「中野区DX推進会議」に変更"]


def test_a_changed_predicate_is_quoted_to_its_end() -> None:
    # a word deleted inside a predicate: the quote runs to the end of the verb (創設します, not 創設し)
    # and, as it names nothing by itself, says what it is about (the noun phrase it belongs to)
    fs = facts(change((CH3, ISSUES), "地域の環境活動を支援する基金の創設を検討します。", "地域の環境活動を支援する基金の創設します。"))
    assert fact_clauses(fs) == ["地域の環境活動を支援する基金について、「創設を検討します」を「創設します」に変更"]
    # a replacement starting with a particle borrows its 文節 and the verb's endings
    fs = facts(change((CH3, ISSUES), "県民の活動を支援する制度の創設を検討します。あわせて推進します。",
                      "県民の活動を支援する制度を創設します。あわせて推進します。"))
    assert fact_clauses(fs) == ["「制度の創設を検討します」を「制度を創設します」に変更"]
    # a noun replaced before a particle is not widened
    fs = facts(change((CH3, ISSUES), "現在は第4.0版が最新版となっている。", "現在は第5.0版が最新版となっている。"))
    assert fact_clauses(fs) == ["「第4.0版」を「第5.0版」に変更"]


def test_a_name_holding_numbers_is_one_quote_apart_from_its_date() -> None:
    old = "本計画は、国の「生物多様性国家戦略2012-2020」（平成24年9月閣議決定）及び「第五次環境基本計画」を踏まえます。"
    new = "本計画は、国の「生物多様性国家戦略2023-2030」（令和5年3月閣議決定）及び「第五次環境基本計画」を踏まえます。"
    fs = facts(change((CH3, ISSUES), old, new))
    assert fact_clauses(fs) == ["「生物多様性国家戦略2012-2020」を「生物多様性国家戦略2023-2030」に変更",
                                "「平成24年9月」を「令和5年3月」に変更"]
    # the removed text as the pipeline passes it: the old text cites the strategy with another date
    ext = detect_external("\n".join(f.new for f in fs), new, "\n".join(f.old for f in fs))
    assert ext is not None and ext.document == "生物多様性国家戦略2023-2030"
    # 第五次 belongs to the neighbouring 「第五次環境基本計画」, not to the revised strategy
    assert ext.edition == ""
    text = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert text.startswith("令和5年3月に「生物多様性国家戦略2023-2030」が閣議決定されたため、")
    assert "第五次" not in text and "「「" not in text


def test_a_number_in_a_sentence_is_named_by_what_it_counts() -> None:
    # issue 11: 「「46%」を「52%」に変更」 says nothing; staff name the subject and the kind of change
    fs = facts(change((CH3, ISSUES), "本県では、令和12年度までに県内の温室効果ガス排出量を平成25年度比で48%削減することを目標としています。",
                      "本県では、令和12年度までに県内の温室効果ガス排出量を平成25年度比で52%削減することを目標としています。"))
    assert fact_clauses(fs) == ["県内の温室効果ガス排出量の削減目標を上方修正（48% → 52%）"]
    fs = facts(change((CH3, ISSUES), "令和８年度には、窓口サービスの利用件数を9,280件とすることを目指す。",
                      "令和８年度には、窓口サービスの利用件数を8,000件とすることを目指す。"))
    assert fact_clauses(fs) == ["窓口サービスの利用件数の目標値を下方修正（9,280件 → 8,000件）"]
    # a value that is no target is changed, not revised
    fs = facts(change((CH3, ISSUES), "区の調査によると、相談窓口を利用した区民の割合は54.6%にとどまっている。",
                      "区の調査によると、相談窓口を利用した区民の割合は60.1%にとどまっている。"))
    assert fact_clauses(fs) == ["相談窓口を利用した区民の割合を「54.6%」から「60.1%」に変更"]
    # a number that is itself the subject (第5.0版が最新版) or a date stays quoted as it is
    fs = facts(change((CH3, ISSUES), "現在は第4.0版が最新版となっている。", "現在は第5.0版が最新版となっている。"))
    assert fact_clauses(fs) == ["「第4.0版」を「第5.0版」に変更"]


def test_a_law_number_revised_names_its_law_in_the_reason() -> None:
    old = "本計画は、「こども基本法」（令和4年法律第77号）の趣旨を踏まえて策定する。"
    new = "本計画は、「こども基本法」（令和6年法律第65号）の趣旨を踏まえて策定する。"
    fs = facts(change((CH3, ISSUES), old, new))
    ext = detect_external("\n".join(f.new for f in fs), new)
    if ext is None or not ext.document:
        from revtool.changes.external import External
        ext = External("", "", "", "改正", "")  # the number alone: no document named by the link stage
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == (
        "「こども基本法」が改正されたため、「令和4年法律第77号」を「令和6年法律第65号」に更新")


def test_a_bare_predicate_says_what_it_is_about() -> None:
    fs = facts(change((CH3, ISSUES), "④地下水汚染に関する新たな支援制度の創設を検討します。", "④地下水汚染に関する新たな支援制度の創設します。"))
    assert fact_clauses(fs) == ["地下水汚染に関する新たな支援制度について、「創設を検討します」を「創設します」に変更"]


def test_a_row_added_is_named_the_way_its_table_names_rows() -> None:
    from revtool.changes.facts import ROW_ADDED, Fact
    ch = change((CH3, EACH, S2, "（2）　主な事業と目標値"), "", "（新規）干潟普及啓発事業\t実施率\t－\t40%\t自然環境課")
    f = Fact(ch, ROW_ADDED, new=ch.new_text, row_key="（新規）干潟普及啓発事業",
             header=("主な事業", "指標", "現状値", "目標値", "担当課"))
    # its figures after its name, what they measure first (issue 11: a reader needs the values too)
    assert fact_clauses([f]) == ["主な事業に「（新規）干潟普及啓発事業」（実施率の目標値 40%）を追加"]
    f = Fact(ch, ROW_ADDED, new=ch.new_text, row_key="みらいアプリ事業", header=("事業名", "内容", "所管課"))
    assert fact_clauses([f]) == ["主な事業と目標値に「みらいアプリ事業」を追加"]


def test_a_section_number_glued_to_its_title_in_an_answer_is_dropped() -> None:
    from revtool.changes.summary_reasons import unglued_labels
    path = ("第3章　施策の展開", "第3節　自然と共生する社会の実現", "1　生物多様性の保全")
    fs = facts(change(path, "保全を進めます。", "保全を進めます。観光分野との連携の視点も踏まえます。"))
    action = answer_action("ご指摘の趣旨を踏まえ、1生物多様性の保全の記述に観光分野との連携について追記します。")
    assert unglued_labels(action, fs) == "生物多様性の保全の記述に観光分野との連携について追記"
    assert unglued_labels("１　生物多様性の保全及び第3節自然と共生する社会の実現に追記", fs) == \
        "生物多様性の保全及び自然と共生する社会の実現に追記"
    assert unglued_labels("11生物多様性の保全", fs) == "11生物多様性の保全"  # another number is kept


GOAL = ("第3章　施策の展開", "基本目標3　子どもと子育て家庭を支える")


def test_two_sections_merged_into_one_are_said_as_a_merge() -> None:
    gone = GOAL + ("施策3-1　就労支援による地域づくり",)
    kept = GOAL + ("施策3-2　キャッシュレス決済の推進",)
    into = GOAL + ("施策3-1　就労支援とキャッシュレス決済の一体的な推進",)
    fs = facts(
        change(GOAL, "施策3-1　就労支援による地域づくり\n本文。", "", kind=ChangeKind.DELETED, block_kind="section", old_path=gone),
        change(into, "施策3-2　キャッシュレス決済の推進", "施策3-1　就労支援とキャッシュレス決済の一体的な推進",
               kind=ChangeKind.RENAMED, block_kind="section", old_path=kept),
        change(into + ("（2）　主な取組",), "", "・関係機関向けの就労支援の定着を支援する", kind=ChangeKind.ADDED, block_kind="list",
               old_path=kept + ("（2）　主な取組",)),
        change(into + ("（3）　成果指標",), "（3）　成果指標", "（3）　成果指標", kind=ChangeKind.MERGED, block_kind="section",
               old_path=gone + ("（3）　成果指標",)),
    )
    assert fact_clauses(fs) == ["「就労支援による地域づくり」と「キャッシュレス決済の推進」を統合し、"
                                "名称を「就労支援とキャッシュレス決済の一体的な推進」に変更"]


def test_a_section_split_from_another_is_said_as_a_split() -> None:
    donor = GOAL + ("施策3-1　電子決裁の推進",)
    new = GOAL + ("施策3-2　相談体制の推進",)
    fs = facts(
        change(new, "", "施策3-2　相談体制の推進\n相談を受け付ける。", kind=ChangeKind.ADDED, block_kind="section"),
        change(new + ("（1）　現状と課題",), "（1）　現状と課題", "（1）　現状と課題", kind=ChangeKind.SPLIT, block_kind="section",
               old_path=donor + ("（1）　現状と課題",)),
        change(new + ("（1）　現状と課題",), "", "相談を区役所本庁舎又はオンラインで受け付ける。", kind=ChangeKind.ADDED),
        change(donor + ("（2）　主な取組",), "・相談体制を強化する", "", kind=ChangeKind.DELETED, block_kind="list"),
    )
    assert fact_clauses(fs) == ["「電子決裁の推進」から「相談体制の推進」を分割"]
    # the new section alone, its subsections brought from elsewhere: one clause, no 「現状と課題」の掲載位置を変更
    other = ("第3章　施策の展開", "基本目標1　学びと交流の場をひろげる", "施策1-1　文化振興の推進", "（1）　現状と課題")
    fs = facts(
        change(new, "", "施策3-2　相談体制の推進\n相談を受け付ける。", kind=ChangeKind.ADDED, block_kind="section"),
        change(new + ("（1）　現状と課題",), "（1）　現状と課題", "（1）　現状と課題", kind=ChangeKind.MOVED, block_kind="section",
               old_path=other),
    )
    assert fact_clauses(fs) == ["「相談体制の推進」を新たに掲載"]


def test_an_insertion_widened_over_a_neighbouring_word_is_said_as_an_addition() -> None:
    # a table read from a PDF as text: the new row's first word joins the last cell before it
    old = "事業名　内容　所管課あんしん相談ナビ事業　若者を対象に文化振興を支援する　防災危機管理課"
    new = old + "みらいアプリ事業　障害のある方を対象に文化振興を支援する　障害福祉課"
    (clause,) = fact_clauses(facts(change((CH3, ISSUES), old, new)))
    assert "みらいアプリ事業" in clause and clause.endswith("を追記"), clause
    assert "防災危機管理課" not in clause and not clause.endswith("の記述を更新")


def test_the_revision_date_beside_the_revised_name_is_not_repeated_after_the_reason() -> None:
    old = "本計画は、国の「生物多様性国家戦略2012-2020」（平成24年9月閣議決定）を踏まえます。"
    new = "本計画は、国の「生物多様性国家戦略2023-2030」（令和5年3月閣議決定）を踏まえます。"
    fs = facts(change((CH3, ISSUES), old, new))
    # the removed text as the pipeline passes it: the old text cites the strategy with another date
    ext = detect_external("\n".join(f.new for f in fs), new, "\n".join(f.old for f in fs))
    assert ext is not None and ext.when == "令和5年3月"
    text = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert text == ("令和5年3月に「生物多様性国家戦略2023-2030」が閣議決定されたため、"
                    "「生物多様性国家戦略2012-2020」を「生物多様性国家戦略2023-2030」に更新")


def test_a_deleted_sentence_and_a_deleted_list_item_say_what_was_deleted() -> None:
    fs = facts(change((CH3, ISSUES), "区は情報を発信する。区は窓口を設ける。", "区は情報を発信する。"))
    assert fact_clauses(fs) == ["「区は窓口を設ける。」を削除"]
    path = (CH3, "1　気候変動への適応", "（2）　主な取組")
    fs = facts(change(path, "④農作物の高温障害に取り組む市町村に対し、計画づくりや技術導入を支援します。", "",
                      kind=ChangeKind.DELETED, block_kind="list"))
    (clause,) = fact_clauses(fs)
    assert clause.startswith("主な取組から「農作物の高温障害") and clause.endswith("を削除"), clause


def test_what_counts_as_a_quantity_and_what_its_subject_is() -> None:
    from revtool.compare import morph
    assert morph.is_quantity("約5,000件")
    assert morph.is_quantity("64人") and morph.is_quantity("48%")
    for label in ("3", "第3版", "令和6年法律第65号", "令和5年3月", "2030年度"):
        assert not morph.is_quantity(label), label
    text = "本計画は、「こども基本法」（令和6年法律第65号）の趣旨を踏まえて策定する。"
    assert morph.subject_before(text, text.index("令和")) == "「こども基本法」"
    text = "現在は第4.0版が最新版となっている。"
    assert morph.subject_before(text, text.index("第4")) == ""  # 現在は is a time word, no subject
    assert morph.is_predicate_only("創設を検討します") and not morph.is_predicate_only("基金を創設します")


def test_a_target_named_as_the_topic_of_its_sentence() -> None:
    # …の設置数については、令和12年度までに46か所とすることを目指す: 設置数 is what is counted (か所 kept whole)
    t = "学校卒業後の学びの設置数については、令和12年度までに46か所とすることを目指す。"
    fs = facts(change((CH3, ISSUES), t, t.replace("46", "51")))
    assert fact_clauses(fs) == ["学校卒業後の学びの設置数の目標値を上方修正（46か所 → 51か所）"]


def test_a_long_sentence_without_names_is_named_by_its_topic_then_its_first_words() -> None:
    a = "国は調査を行う。"
    t = ("若者の社会参画の推進に当たっては、学校卒業後も含めたライフステージ※７全体を見通し、関係府省や地方公共団体と"
         "連携しながら、当事者や家族の意見を丁寧に聴き、身近な地域で継続的に学ぶことができる環境の整備を推進する。")
    (clause,) = fact_clauses(facts(change((CH3, ISSUES), a, a + t)))
    assert clause.startswith("若者の社会参画の推進について、「学校卒業後も含めたライフステージ") and clause.endswith("の記述を追記")
    assert "※" not in clause


def test_two_headings_that_became_one_are_said_as_a_merge() -> None:
    path = (CH3, "第2節　福祉との連携の普及")
    fs = facts(
        change(path, "（２）福祉との連携の促進", "（２）福祉との連携・バリアフリーの普及"),
        change(path, "（３）バリアフリーの普及", "", kind=ChangeKind.DELETED),
    )
    assert fact_clauses(fs) == ["「福祉との連携の促進」と「バリアフリーの普及」を統合し、名称を「福祉との連携・バリアフリーの普及」に変更"]
    # two headings renamed to the same name
    fs = facts(
        change(path, "（１）特別支援学校の活用", "（１）特別支援学校・文化芸術活動の整備"),
        change(path, "（２）文化芸術活動の整備", "（１）特別支援学校・文化芸術活動の整備"),
    )
    assert fact_clauses(fs) == ["「特別支援学校の活用」と「文化芸術活動の整備」を統合し、名称を「特別支援学校・文化芸術活動の整備」に変更"]


def test_a_target_said_in_its_table_and_its_text_is_said_once() -> None:
    t = "学校卒業後の学びの設置数については、令和12年度までに46か所とすることを目指す。"
    fs = facts(cell((CH3, EACH, S2, IND), "学校卒業後の学びの設置数", "目標値", "46か所", "51か所"),
               change((CH3, EACH, S2), t, t.replace("46", "51")))
    assert fact_clauses(fs) == ["成果指標「学校卒業後の学びの設置数」の目標値を上方修正（46か所 → 51か所）"]


def test_national_register_answer_leads_and_places_are_dropped() -> None:
    assert answer_action("御指摘の趣旨を踏まえ、第２部第４章第４節に、担い手の高齢化を踏まえた仕組みづくりについて追記いたします。") == \
        "担い手の高齢化を踏まえた仕組みづくりについて追記"
    assert answer_action("御意見を踏まえ、やさしい日本語による情報発信について追記します。") == "やさしい日本語による情報発信について追記"


def test_a_name_replaced_is_quoted_as_a_name_on_both_sides() -> None:
    # the diff kept 「を中心に」 on the new side only: the quote is the organisation, not its sentence
    fs = facts(change((CH3, ISSUES), "内閣官房共生社会推進本部事務局", "共生社会推進庁を中心に"))
    assert fact_clauses(fs) == ["「内閣官房共生社会推進本部事務局」を「共生社会推進庁」に変更"]
    fs = facts(change((CH3, ISSUES), "基金", "基金を創設"))
    assert "「基金」を「基金」" not in fact_clauses(fs)[0]


def test_words_a_rename_already_brings_are_not_said_added_again() -> None:
    """名称を「生きがいづくりの多様化」から「趣味講座・生きがいづくりの多様化」に変更、
    「生きがいづくり」を追記: the second clause repeats what the first says."""
    sec = GOAL + ("施策2-1　生きがいづくりの多様化",)
    new_sec = GOAL + ("施策2-1　趣味講座・生きがいづくりの多様化",)
    fs = facts(
        change(new_sec, "施策2-1　生きがいづくりの多様化", "施策2-1　趣味講座・生きがいづくりの多様化",
               kind=ChangeKind.RENAMED, block_kind="section", old_path=sec),
        change(new_sec + ("（1）　現状と課題",), "高齢者の多様化する関心に応える必要がある。",
               "高齢者の生きがいづくりと多様化する関心に応える必要がある。"),
    )
    assert fact_clauses(fs) == ["名称を「生きがいづくりの多様化」から「趣味講座・生きがいづくりの多様化」に変更"]
    # words the rename does not bring are still said
    fs = facts(
        change(new_sec, "施策2-1　生きがいづくりの多様化", "施策2-1　趣味講座・生きがいづくりの多様化",
               kind=ChangeKind.RENAMED, block_kind="section", old_path=sec),
        change(new_sec + ("（1）　現状と課題",), "高齢者の多様化する関心に応える必要がある。",
               "高齢者の社会参加と多様化する関心に応える必要がある。"),
    )
    assert fact_clauses(fs) == ["名称を「生きがいづくりの多様化」から「趣味講座・生きがいづくりの多様化」に変更",
                                "「社会参加」を追記"]


def test_a_passage_rewritten_at_length_is_named_by_the_words_it_gained() -> None:
    """Not 「地域コミュニティの変容の記述を更新」: the key new words, whole
    (numbers and 「」 names whole, noun compounds whole), as 別紙2 quotes them."""
    path = ("第2章　計画の背景", "地域コミュニティの変容")
    old, new = "変容しつつある。町会・自治会の加入率は低下", "変容しつつあり、担い手の高齢化が進んでいる。町会・自治会の加入率は令和5年度に45.2％まで低下"
    # one span of a longer edit, as the diff gives it when the words in between changed too
    (clause,) = fact_clauses([Fact(change(path, old, new), TEXT, old=old, new=new)])
    assert clause == "地域コミュニティの変容の記述に「担い手」「令和5年度」「45.2％」を追記"
    # words that went and came: both said; a long title is left to the 項目 column
    path = ("第1部　総論", "引き続き課題が残る環境汚染及び化学物質管理")
    fs = facts(change(path, "当事者意識を持って、業種や組織を超え連携する。その上で取組を進める。",
                      "パートナーシップを充実・強化する必要がある。そして、各主体がリーダーシップを発揮して取組を進める。"))
    (clause,) = fact_clauses(fs)
    # nouns joined by ・ are one term, quoted whole (充実・強化, as 指導・勧告)
    assert clause == "記述を更新し、「パートナーシップ」「充実・強化」「リーダーシップ」を追記"


def test_an_outside_revision_is_named_by_its_name_not_by_a_date_or_a_number() -> None:
    """「第２期…総合戦略」を「令和７年６月」に更新 and 「令和7年法律第60号」が制定されたため
    are what staff would rewrite: the new plan's name replaces the old one; a law
    cited by its number is named by the words its number is a note on."""
    from revtool.changes.external import External

    path = ("第1部　総論", "2. デジタル化の進展")
    fs = facts(change(path, "「第２期デジタル田園都市国家構想総合戦略」においても、学びの重要性が示されている。",
                      "令和７年６月に閣議決定された「地方創生２．０基本構想」においても、学びの重要性が示されている。"))
    ext = External("地方創生２．０基本構想", "令和７年６月", "", "閣議決定", "")
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == (
        "令和７年６月に「地方創生２．０基本構想」が閣議決定されたため、"
        "「第２期デジタル田園都市国家構想総合戦略」を「地方創生２．０基本構想」に更新")
    law = "生涯学習の振興のための施策の推進体制等の整備に関する法律の一部を改正する法律"
    fs = facts(change(path, f"また、{law}案が第217回国会に提出されたところである。",
                      f"また、{law}（令和７年法律第60号）が成立したところである。"))
    ext = External("令和7年法律第60号", "", "", "制定", "")
    assert summarize(fs, CauseType.EXTERNAL, external=ext).startswith(f"「{law}」が制定されたため、")


def test_a_law_found_by_its_last_words_is_named_whole() -> None:
    """「支援法」が改正されたため → 「子ども・子育て支援法」; 「特別措置法」 →
    「空家等対策の推進に関する特別措置法」 (the date before it is no part of it)."""
    from revtool.changes.external import External

    path = ("第3章　施策の展開", "（1）現状と課題")
    fs = facts(change(path, "取組の充実が求められています。",
                      "取組の充実が求められています。なお、令和7年11月に子ども・子育て支援法が改正され、乳児等通園支援事業が全ての市町村で実施されることとなりました。"))
    ext = External("支援法", "令和7年11月", "", "改正", "")
    assert summarize(fs, CauseType.EXTERNAL, external=ext).startswith("令和7年11月に「子ども・子育て支援法」が改正されたため、")
    fs = facts(change(path, "なお、国では空家等対策の推進に関する特別措置法の改正に向けた検討が進められています。",
                      "なお、令和7年11月に空家等対策の推進に関する特別措置法が改正され、指導・勧告の制度が設けられることとなりました。"))
    ext = External("特別措置法", "令和7年11月", "", "改正", "")
    assert summarize(fs, CauseType.EXTERNAL, external=ext).startswith("令和7年11月に「空家等対策の推進に関する特別措置法」が改正されたため、")


def test_a_law_after_a_relative_clause_is_named_alone() -> None:
    from revtool.changes.summary_text import whole_name

    assert whole_name("介護保険法", ["令和5年5月に改正された介護保険法に基づき"]) == "介護保険法"
    assert whole_name("支援法", ["令和7年11月に改正された子ども・子育て支援法に基づき"]) == "子ども・子育て支援法"


def test_words_that_only_echo_the_revision_add_no_filler_clause() -> None:
    """Not 「…、「第４期」を「第５期」に更新、地域コミュニティの変容の記述を更新」: the
    added 「令和７年６月に閣議決定された」 says what the reason says; nothing else changed."""
    from revtool.changes.external import External

    path = ("第1部　総論", "3. 地域コミュニティの変容")
    fs = facts(change(path, "「第４期教育振興基本計画」においても、学びの重要性が示されている。",
                      "令和７年６月に閣議決定された「第５期教育振興基本計画」においても、学びの重要性が示されている。"))
    ext = External("第５期教育振興基本計画", "令和７年６月", "", "閣議決定", "")
    assert summarize(fs, CauseType.EXTERNAL, external=ext) == \
        "令和７年６月に「第５期教育振興基本計画」が閣議決定されたため、「第４期」を「第５期」に更新"


def test_an_enacted_amending_law_is_named_in_the_reason() -> None:
    """法律案が…提出された → …法律（令和７年法律第41号）が成立した: the reason quotes the law
    the sentence names, not its number (「「令和7年法律第41号」が制定されたため」)."""
    old = "また、社会教育法の一部を改正する法律案が第217回国会に提出されたところであり、改正の趣旨を踏まえた施策の展開が求められる。"
    new = "また、社会教育法の一部を改正する法律（令和７年法律第41号）が成立したところであり、改正の趣旨を踏まえた施策の展開が求められる。"
    fs = facts(change((CH3, ISSUES), old, new))
    ext = detect_external("\n".join(f.new for f in fs), new, "\n".join(f.old for f in fs))
    assert ext is not None
    text = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert text.startswith("「社会教育法」が改正されたため、"), text
    assert "令和７年法律第41号" in text  # the change itself still quotes the number


def test_cited_law_named_with_its_number() -> None:
    # a long added passage citing a law by its number names that law whole, not its cut first words
    added = ("令和７年に成立した障害を理由とする差別の解消の推進に関する法律の一部を改正する法律"
             "（令和７年法律第58号）の施行を踏まえ、関連する施策を着実に実施する必要がある。")
    fs = facts(change((CH3, ISSUES), "関連する施策を実施する。", "関連する施策を実施する。" + added))
    assert fact_clauses(fs) == [
        "「障害を理由とする差別の解消の推進に関する法律の一部を改正する法律」（令和７年法律第58号）に関する記述を追記"]
    fs = facts(change((CH3, ISSUES), "", "こどもの権利を保障するため、こども基本法（令和4年法律第77号）に基づき、施策を総合的かつ計画的に推進する。"))
    assert "「こども基本法」（令和4年法律第77号）" in fact_clauses(fs)[0]


def test_word_replaced_inside_a_name_quotes_the_names() -> None:
    fs = facts(change((CH3, ISSUES), "普及啓発を行う。（担当府省：内閣府共生社会政策課、総務省）",
                      "普及啓発を行う。（担当府省：内閣府共生・地域社会政策課、総務省）"))
    assert fact_clauses(fs) == ["「内閣府共生社会政策課」を「内閣府共生・地域社会政策課」に変更"]
    # a word after a particle is widened over no noun before it; its 文節 keeps its する; a sentence edited twice keeps its quotes
    fs = facts(change((CH3, ISSUES), "導入を検討する。", "導入を推進する。"))
    assert fact_clauses(fs) == ["導入について、「検討する」を「推進する」に変更"]


def test_many_edits_all_in_one_column_name_the_column() -> None:
    """基準病床数 recomputed for every 圏域: the column says what changed, not 「圏域の一覧を更新」;
    edits spread over columns stay the list's update."""
    from dataclasses import replace

    path = ("第３章　保健医療圏と基準病床数", "第２節　基準病床数")
    header = ("圏域", "基準病床数", "既存病床数")
    beds = [("中央", "3,000", "2,928"), ("北部", "2,952", "2,968"), ("東部", "5,988", "5,983"), ("南部", "2,882", "2,942")]
    fs = [replace(f, header=header) for f in facts(*(cell(path, area, "基準病床数", a, b) for area, a, b in beds))]
    assert fact_clauses(fs) == ["圏域ごとの基準病床数を更新"]
    mixed = facts(*(cell(path, area, "基準病床数" if k % 2 else "既存病床数", a, b) for k, (area, a, b) in enumerate(beds)))
    assert fact_clauses([replace(f, header=header) for f in mixed]) == ["圏域の一覧を更新"]


def test_a_quote_never_starts_inside_a_name_at_its_parenthesis() -> None:
    from revtool.changes.summary_text import with_annotated_word

    unit = "救急医療の適正利用を図るため、救急安心センター事業（＃7119）の導入について検討します。"
    assert with_annotated_word(unit, "（＃7119）の導入について検討します") == "救急安心センター事業（＃7119）の導入について検討します"
    assert with_annotated_word(unit, "導入について検討します") == "導入について検討します"  # no bracket first: as it was
    assert with_annotated_word("（仮称）を設置します。", "（仮称）を設置します") == "（仮称）を設置します"  # nothing before it


def test_many_edits_in_one_line_of_a_table_name_the_line() -> None:
    """A 取組's schedule moved a year on (検討 → 準備, 実施 → 検討, → → 実施): the line
    names what changed, not 「取組の一覧を更新」."""
    from dataclasses import replace

    path = (CH3, EACH, S2, ROADMAP)
    header = ("取組", "実施主体", "令和8年度", "令和9年度", "令和10年度", "令和11年度")
    edits = [("令和8年度", "検討", "準備"), ("令和10年度", "実施", "検討"), ("令和11年度", "→", "実施")]
    fs = [replace(f, header=header) for f in facts(*(cell(path, "乗継ぎ割引", c, a, b) for c, a, b in edits))]
    assert fact_clauses(fs) == ["取組「乗継ぎ割引」の令和8年度～令和11年度の記載を変更"]


def test_an_answer_naming_only_the_place_does_not_replace_what_was_written() -> None:
    """「施策１．３の現状と課題に追記します」 says where, the edit says what: the row quotes the edit."""
    path = ("第５章　目標達成のための施策", "５．２．３　施策１．３　デマンド型交通の導入・拡充", "（１）現状と課題")
    fs = facts(change(path, "", "なお、令和6年度に実施した地区懇談会では、移動に不安を感じているとの声が多く聞かれました。",
                      kind=ChangeKind.ADDED, rule="block-added"))
    c = comment(1, "地区の声を書いてほしい。", "ご意見を踏まえ、施策１．３の現状と課題に追記します。")
    text = summarize(fs, CauseType.COMMENT, [c])
    assert "地区懇談会" in text and text != "施策１．３の現状と課題に追記"


def test_whole_phrase_summary_quotes_each_edit_and_is_never_empty() -> None:
    """The last resort of a row's summary: each edit quoted whole, a name's own
    brackets as 『』 inside the quote; a long span cut after a whole phrase."""
    fs = facts(change((CH3, ISSUES), "「こころと体の休養」に向けて取り組みます。", "「休養と身体活動による健康づくり」に向けて取り組みます。"),
               change((CH3, ISSUES), "", "相談窓口を設けます。"), change((CH3, IND), "旧来の手順は廃止します。", ""))
    summary = whole_phrase_summary(fs)
    assert summary.startswith("「『こころと体の休養』")
    assert "『休養と身体活動による健康づくり』" in summary
    assert "「相談窓口を設けます。」を追加" in summary and "「旧来の手順は廃止します。」を削除" in summary
    long = "区民が参加しやすいよう、運動習慣づくりサポーターの養成を新たに実施し、地域の運動教室と連携して継続的に支援します。"
    (f,) = facts(change((CH3, ISSUES), "", long))
    assert whole_phrase_summary([f]).endswith("…」を追加") and len(whole_phrase_summary([f])) < len(long)
    assert whole_phrase_summary([]) == "記載を変更"
