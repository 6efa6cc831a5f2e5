"""The verdict rule table: editorial (文言整理) vs substantive, with evidence."""

from __future__ import annotations

import pytest

from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial import RULES, combine, judge
from revtool.compare.editorial_config import EditorialRules

RULES_DEFAULT = EditorialRules()


def verdict(old: str, new: str, rules: EditorialRules = RULES_DEFAULT):
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, rules))


EDITORIAL = [
    # (old, new, rule)
    ("社会全体のデジタル化に向けた取組みが進められた。", "社会全体のデジタル化に向けた取組が進められた。", "variant"),
    ("事業者及び区が協力しながら", "事業者および区が協力しながら", "variant"),
    ("計画どおり又は計画を上回って", "計画どおりまたは計画を上回って", "variant"),
    ("個別計画として位置づける。", "個別計画として位置付ける。", "variant"),
    ("5年間とする", "5年間とする。", "format"),
    ("特に20歳代から", "特に、20歳代から", "format"),
    ("アプリ（ＱＲコード決済）や", "アプリ（QRコード決済）や", "format"),
    ("情報セキュリティーに関する要件", "情報セキュリティに関する要件", "format"),
    ("本計画は 、区の  計画である。", "本計画は、区の計画である。", "format"),
    ("順調に増加しいるものの", "順調に増加しているものの", "typo"),
    ("実践研修を実施しするとともに", "実践研修を実施するとともに", "typo"),
    ("ガバメンクラウド上での連携", "ガバメントクラウド上での連携", "typo"),
    ("データに基く事業の見直し", "データに基づく事業の見直し", "variant"),
    ("PDCAサイクル（Plan-Do-Check-Action）に基づく", "PDCAサイクル（Plan-Do-Check-Act）に基づく", "spelling"),
    ("必要な対応を遅滞なく行う。", "必要な対応を速やかに行う。", "rewording"),
    ("利用件数は年々増加している。", "利用件数は年を追うごとに増加している。", "rewording"),
    ("GovTech東京は、区市町村のDXを支援するため、システムの共同調達や技術的な助言を提供している。",
     "区市町村のDXを支援するため、GovTech東京はシステムの共同調達、技術的な助言を提供している。", "reorder"),
    ("子どもの様々な体験を支える。", "子どものさまざまな体験を支える。", "variant"),
    ("取り組む必要がある。", "取組む必要がある。", "variant"),
    ("調査を行なう。", "調査をおこなう。", "variant"),
    ("1つの窓口で", "一つの窓口で", "era"),
    ("市内10ケ所で実施", "市内10か所で実施", "variant"),
    ("また、研修を行う。", "さらに、研修を行う。", "rewording"),
    ("申請し、審査する。", "申請する。審査する。", "rewording"),
    ("研修を実施する。", "研修を行う。", "rewording"),
    ("情報を発信していく。", "情報を発信する。", "rewording"),
    # connective phrases added or removed (一方|で, 中|で|も, こと|に|加え, 理由|に|より)
    ("成長率は低い。一方で、企業の収益は増えている。", "成長率は低い。企業の収益は増えている。", "connective"),
    ("近年、新興国が台頭し、我が国の存在感が低下している。", "近年、新興国が台頭し、中でも我が国の存在感が低下している。", "connective"),
    ("失業率が低い。また、労働参加率が高い。", "失業率が低いことに加え、労働参加率が高い。", "connective"),
    ("資源価格の高騰など、交易条件が悪化した。", "資源価格の高騰などの理由により、交易条件が悪化した。", "connective"),
    ("研修を行う。その結果、参加者が増えた。", "研修を行う。参加者が増えた。", "connective"),
]

SUBSTANTIVE = [
    ("オンライン申請の対象は20手続とする。", "オンライン申請の対象は60手続とする。", "number"),
    ("計画期間は令和8年度から令和12年度まで", "計画期間は令和8年度から令和13年度まで", "number"),
    ("目標値は80％とする。", "目標値は90％とする。", "number"),
    ("「中野区DX推進本部」において調整する。", "「中野区DX推進会議」において調整する。", "name"),
    ("アプリを活用する。", "「なかのアプリ」を活用する。", "name"),
    ("窓口では現金による支払を受け付ける。", "窓口では現金による支払を受け付けない。", "negation"),
    ("本事業の実施を検討する。", "本事業を実施する。", "meaning"),
    ("区民が利用できる。", "区民が利用する。", "meaning"),
    ("基幹システム・財務会計システムの改修", "基幹システムの改修", "phrase"),
    ("オンラインによる避難所開設訓練", "オンラインツールを活用した避難所開設訓練", "phrase"),
    ("高齢者の見守りを行う。", "障害者の見守りを行う。", "term"),
    ("区は情報を発信する。", "区は情報を発信する。また、発信した情報の効果を毎年度検証し、改善につなげる。", "sentence"),
    ("区内全域で実施する。", "区内の一部地域で実施する。", "meaning"),
    ("必要に応じて見直す。", "毎年度見直す。", "meaning"),
    ("利用率50%を目指す。", "利用率50%を達成する。", "meaning"),
    ("デジタル化を進める。", "デジタル化を完了する。", "meaning"),
    ("オンライン申請を可能とする。", "オンライン申請を必須とする。", "meaning"),
    ("関係課で調整する。", "全課で調整する。", "org"),
    ("デジタル推進室が進行管理を行う。", "デジタル推進課が進行管理を行う。", "org"),  # 推進課 is a dictionary word, 推進室 is not
    ("令和8年度中に策定する。", "令和8年度末に策定する。", "counter"),  # 年度 → 年度末: the date word itself
    ("窓口で受け付ける。", "窓口及び郵送で受け付ける。", "phrase"),
    ("一つの窓口で", "二つの窓口で", "number"),
    # not connectives: a condition, another item, emphasis, scope
    ("申請を受け付ける。", "ただし、申請を受け付ける。", "proviso"),
    ("研修を行う。ただし、申請を受け付ける。", "研修を行う。申請を受け付ける。", "proviso"),
    ("課題がある。", "大きな課題がある。", "phrase"),
    ("窓口で受け付ける。", "窓口で受け付ける。又は郵送で受け付ける。", "phrase"),
    ("窓口で受け付ける。", "窓口又は郵送で受け付ける。", "phrase"),
]


@pytest.mark.parametrize("old,new,rule", EDITORIAL)
def test_editorial(old: str, new: str, rule: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert rule in v.rule.split("+"), v
    assert v.evidence


@pytest.mark.parametrize("old,new,rule", SUBSTANTIVE)
def test_substantive(old: str, new: str, rule: str) -> None:
    v = verdict(old, new)
    assert v.substantive, v
    assert rule in v.rule.split("+"), v
    assert v.evidence


def test_mixed_change_is_substantive_with_the_deciding_evidence() -> None:
    v = verdict("取組みの目標は20件とする。", "取組の目標は30件とする。")
    assert v.substantive and v.rule == "number" and "20" in v.evidence and "30" in v.evidence


def test_rule_table_is_data_with_unique_ids() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert ids[-1] == "content"


def test_user_variants_and_words_extend_the_table() -> None:
    rules = EditorialRules.from_config({
        "variants": [["利活用", "活用"]],
        "substantive_words": ["試行"],
        "disable": ["rewording"],
        "typo_max_chars": 1,
    })
    assert not verdict("データの活用を進める。", "データの利活用を進める。", rules).substantive
    assert verdict("データの活用を進める。", "データの利活用を進める。").substantive  # default: a word added
    assert verdict("必要な対応を遅滞なく行う。", "必要な対応を速やかに行う。", rules).substantive  # rewording off
    assert ("及び", "および") in rules.variants  # defaults kept


def test_variant_folding_is_single_pass() -> None:
    rules = EditorialRules(variants=(("取扱い", "取扱", "取り扱い"),))
    assert rules.fold("取扱いの基準") == rules.fold("取扱の基準") == rules.fold("取り扱いの基準")


def test_comparison_key() -> None:
    assert comparison_key("ＱＲ コード") == "QRコード"
    assert comparison_key("3〜5年") == comparison_key("3～5年")
    assert comparison_key("セキュリティー") == "セキュリティ"
    assert comparison_key("ユーザー登録") == "ユーザ登録"


def test_doubled_character_is_a_typo() -> None:
    v = verdict("子ども医療費助成成及び児童手当", "子ども医療費助成及び児童手当")
    assert not v.substantive and v.rule == "typo"


def test_kanji_typo_corrected_to_the_documents_own_spelling() -> None:
    old, new = "単身世隊が増えている。", "単身世帯が増えている。"
    hs = judged_hunks(old, new, char_diff(old, new))
    vocab = ("世帯数の推移。単身世隊が増えている。", "世帯数の推移。単身世帯が増えている。")
    assert not combine(judge(old, new, hs, RULES_DEFAULT, vocab)).substantive
    # a real swap: the old word still appears in the new version
    old2, new2 = "高齢者の見守りを行う。", "障害者の見守りを行う。"
    hs2 = judged_hunks(old2, new2, char_diff(old2, new2))
    vocab2 = ("高齢者の見守りを行う。障害者の支援。", "障害者の見守りを行う。高齢者の支援。")
    assert combine(judge(old2, new2, hs2, RULES_DEFAULT, vocab2)).substantive


def test_homophone_corrected_to_the_documents_own_spelling() -> None:
    """補償 → 保障 where both are words: a slip when the old version already
    wrote 保障 in the same phrase and the new version never writes 補償."""
    old, new = "こどもの権利の補償を進めてきた。", "こどもの権利の保障を進めてきた。"
    hs = judged_hunks(old, new, char_diff(old, new))
    vocab = ("施策　こどもの権利の保障。" + old, "施策　こどもの権利の保障。" + new)
    v = combine(judge(old, new, hs, RULES_DEFAULT, vocab))
    assert not v.substantive and v.rule == "homophone" and "「保障」" in v.evidence
    # the old spelling still used in the new version: a deliberate word, not a slip
    vocab_kept = (vocab[0], vocab[1] + "損失の補償。")
    assert combine(judge(old, new, hs, RULES_DEFAULT, vocab_kept)).substantive
    # without the document, two words read alike are not enough
    assert verdict(old, new).substantive


def test_organisation_names_are_substantive() -> None:
    v = verdict("事務局は子ども家庭部子育て支援課とする。", "事務局はこども未来部こども政策課とする。")
    assert v.substantive and v.rule == "org"


def test_negating_prefix_but_not_words_that_merely_contain_it() -> None:
    assert verdict("調査を実施した施設", "調査を未実施の施設").substantive
    v = verdict("必要な手続", "不要な手続")
    assert v.substantive and v.rule == "negation"
    assert "negation" not in verdict("子ども家庭部", "こども未来部").rule


def test_era_and_western_years_are_the_same_year() -> None:
    v = verdict("2026年度から実施する。", "令和8年度から実施する。")
    assert not v.substantive and v.rule == "era"
    assert verdict("令和7年度から実施する。", "令和8年度から実施する。").substantive
    assert not verdict("令和7年（2025年）12月", "2025年（令和7年）12月").substantive


def test_symbol_cells_are_not_punctuation() -> None:
    # 取組一覧の区分 ◎ (新規・拡充) → ○ (推進) is a change of meaning
    assert verdict("◎", "○").substantive


def test_action_words_swapped_are_substantive_but_paraphrased_are_not() -> None:
    assert verdict("対象を拡大する。", "対象を縮小する。").substantive
    assert verdict("窓口を設置する。", "窓口の設置を検討する。").substantive
    assert verdict("本事業の実施を検討する。", "本事業を実施する。").substantive
    assert not verdict("研修を実施する。", "研修を行う。").substantive


@pytest.mark.parametrize("table", [
    {"variants": ["及び"]},
    {"variants": [["及び"]]},
    {"substantive_words": "検討"},
    {"disable": ["nope"]},
    {"typo_max_chars": "2"},
])
def test_malformed_config_is_a_clear_error(table) -> None:
    from revtool.errors import WorkspaceError

    with pytest.raises(WorkspaceError) as exc:
        EditorialRules.from_config(table)
    assert "revtool.toml" in exc.value.message


# issue 11 item 1: 表記ゆれ and 公用文 rewording found by the dictionary (SudachiPy
# core, normalized_form) and the rule table; typos by dictionary membership.
DICTIONARY_EDITORIAL = [
    ("一人暮らしの高齢者を見守る。", "ひとり暮らしの高齢者を見守る。", "variant"),
    ("誰もが利用できる窓口", "だれもが利用できる窓口", "variant"),
    ("子どもの居場所をつくる。", "こどもの居場所をつくる。", "variant"),
    ("障害のある人への支援", "障がいのある人への支援", "variant"),
    ("様々な主体と連携する。", "さまざまな主体と連携する。", "variant"),
    ("地域の取組を支援する。", "地域の取り組みを支援する。", "variant"),
    ("研修等を実施する。", "研修などを実施する。", "variant"),
    ("年1回の点検を行う。", "年1回の点検をする。", "variant"),
    ("区の施索を推進する。", "区の施策を推進する。", "typo"),
    ("防災の啓発を進める。", "防災の啓発活動を進める。", "filler"),
    ("防災DXを推進する。", "防災DXを積極的に推進する。", "filler"),
    # one spelling is one dictionary word, the other two (子供達 = 子供|達)
    ("子供たちの健やかな成長を支える。", "こどもたちの健やかな成長を支える。", "variant"),
    # an IME slip inside a compound: the same reading, only the new spelling is a word
    ("国立社会補償・人口問題研究所の推計", "国立社会保障・人口問題研究所の推計", "homophone"),
    ("社会補償制度を維持する。", "社会保障制度を維持する。", "homophone"),
]

DICTIONARY_SUBSTANTIVE = [
    ("区の施策を推進する。", "区の政策を推進する。"),  # both are words: not a typo
    ("防災の啓発を進める。", "防災の啓発事業を進める。"),  # 事業 is not a filler
    ("連携を強化する。", "連携を強調する。"),
    ("「子ども未来計画」を改定する。", "「こども未来計画」を改定する。"),  # a name, as printed
    ("研修を実施する。", "研修を実施しない。"),
    ("社会保障制度を維持する。", "社会補償制度を維持する。"),  # the slip made, not fixed
    ("損失の補償を行う。", "損失の支援を行う。"),  # another word, another reading
    ("子供たちを見守る。", "大人たちを見守る。"),  # another compound
]


@pytest.mark.parametrize("old,new,rule", DICTIONARY_EDITORIAL)
def test_dictionary_editorial(old: str, new: str, rule: str) -> None:
    v = verdict(old, new)
    assert not v.substantive, v
    assert rule in v.rule.split("+"), v
    assert "「" in v.evidence  # the evidence names the words


@pytest.mark.parametrize("old,new", DICTIONARY_SUBSTANTIVE)
def test_dictionary_does_not_hide_real_changes(old: str, new: str) -> None:
    assert verdict(old, new).substantive


def test_variant_evidence_names_the_dictionary_form() -> None:
    v = verdict("一人暮らしの高齢者を見守る。", "ひとり暮らしの高齢者を見守る。")
    assert "独り暮らし" in v.evidence


def test_typo_evidence_says_which_word_is_not_in_the_dictionary() -> None:
    v = verdict("区の施索を推進する。", "区の施策を推進する。")
    assert "「施索」は辞書にない語" in v.evidence and "「施策」" in v.evidence


def test_user_lemma_variants_and_fillers_extend_the_rule_table() -> None:
    rules = EditorialRules.from_config({"lemma_variants": [["推進", "促進"]], "filler_words": ["事業"]})
    assert not verdict("連携を推進する。", "連携を促進する。", rules).substantive
    assert verdict("連携を推進する。", "連携を促進する。").substantive
    assert not verdict("防災の啓発を進める。", "防災の啓発事業を進める。", rules).substantive


def test_morphology_can_be_switched_off() -> None:
    rules = EditorialRules.from_config({"morphology": False})
    assert verdict("障害のある人への支援", "障がいのある人への支援", rules).substantive is False  # built-in list
    assert verdict("一人暮らしの高齢者を見守る。", "ひとり暮らしの高齢者を見守る。", rules).rule != "variant"


@pytest.mark.parametrize("table", [{"lemma_variants": ["行う"]}, {"morphology": "yes"}, {"filler_words": "活動"}])
def test_malformed_morphology_settings_are_refused(table: dict) -> None:
    from revtool.errors import WorkspaceError

    with pytest.raises(WorkspaceError):
        EditorialRules.from_config(table)


def test_generic_head_noun_added_is_editorial() -> None:
    v = verdict("子育て相談を充実する。", "子育て相談対応を充実する。")
    assert not v.substantive and v.rule == "filler"


def test_typo_inside_a_name_is_a_typo() -> None:
    v = verdict("国の「自治体DX推准計画」を踏まえる。", "国の「自治体DX推進計画」を踏まえる。")
    assert not v.substantive and v.rule == "typo"
    assert verdict("国の「自治体DX推進計画」を踏まえる。", "国の「自治体DX実行計画」を踏まえる。").substantive


def test_a_typo_the_dictionary_reads_as_number_and_counter_is_a_typo() -> None:
    """参面 → 参画: 参 is the old form of 三 and 面 a counter, so the old text read
    as 「三面」 next to 第４次 — but 参面 is no word and 参画 is: a typo, not a counter changed."""
    old = "県では、令和３年３月に「第４次県男女共同参面計画」を策定し、連携を進めています。"
    v = verdict(old, old.replace("参面", "参画"))
    assert not v.substantive and v.rule == "typo"
    assert verdict("相談を３件受けた。", "相談を３回受けた。").rule == "counter"


def test_edits_close_together_that_add_a_noun_phrase_are_not_a_rewording() -> None:
    """予防的取組方法 → 予防的な取組方法及び順応的管理 reads as one hunk 取組方法 →
    な取組方法及び順応的管理 (short enough for a rewording), but it adds 順応的管理."""
    v = verdict("リスク評価と予防的取組方法の考え方", "リスク評価と予防的な取組方法及び順応的管理の考え方")
    assert v.substantive, v
    assert not verdict("リスク評価と予防的取組方法の考え方", "リスク評価と予防的な取組方法の考え方").substantive
    assert not verdict("施策の推進を図る。", "施策の推進を図っていく。").substantive


def test_a_retitled_heading_keeping_its_number_is_not_a_year_notation() -> None:
    """The hunk of a short heading spans its unchanged number （7）: the words
    changed, not how a year is written."""
    v = verdict("（7）重要な役割を果たしてきた科学的知見", "（7）利用可能な最良の科学的知見の活用の重要性")
    assert v.substantive, v
    assert not verdict("令和7年（2025年）に策定した。", "2025年（令和7年）に策定した。").substantive
    assert not verdict("平成31年度に開始した。", "令和元年度に開始した。").substantive


def test_a_kanji_word_added_with_its_separator_is_not_a_missing_character() -> None:
    """合理的配慮の強化 → 手話・合理的配慮の強化 (a heading's title once its number is
    set aside) adds the word 手話: not a 脱字 fixed."""
    v = verdict("合理的配慮の強化", "手話・合理的配慮の強化")
    assert v.substantive and v.rule == "phrase", v


def test_user_connective_words_extend_the_table() -> None:
    old, new = "研修を行う。参加者が増えた。", "研修を行う。この観点から、参加者が増えた。"
    assert verdict(old, new).substantive
    rules = EditorialRules.from_config({"connective_words": ["観点"]})
    v = verdict(old, new, rules)
    assert not v.substantive and v.rule == "connective", v


def test_a_phrase_replaced_by_the_plans_own_quoted_term_is_editorial() -> None:
    old = "将来にわたって質の高い生活をもたらす「新たな成長」の実現"
    new = "将来にわたって「ウェルビーイング／高い生活の質」をもたらす「新たな成長」の実現"
    plan = "本計画は「ウェルビーイング／高い生活の質」を目指す。" + old

    def judged(o: str, n: str, vocabulary: tuple[str, str]):
        return combine(judge(o, n, judged_hunks(o, n, char_diff(o, n)), RULES_DEFAULT, vocabulary))

    v = judged(old, new, (plan, new))
    assert not v.substantive and v.rule == "defined_term", v
    # a term new to the plan is a new name
    assert judged(old, new, (old, new)).rule == "name"
    # the plan's term in place of other words (豊かな暮らし) is a change of wording with meaning
    other = "将来にわたって豊かな暮らしをもたらす「新たな成長」の実現"
    assert judged(other, new, (plan.replace(old, other), new)).substantive


def _judged(old: str, new: str, vocab: tuple[str, str]):
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, RULES_DEFAULT, vocab))


def test_typo_next_to_the_same_kanji_is_found_where_it_is() -> None:
    """公共公通 → 公共交通: the changed 公 is the second one; read at the first,
    the words around it are 公共 and the fix looked like a word replaced."""
    old, new = "誰もが使いやすい公共公通サービスを提供します。", "誰もが使いやすい公共交通サービスを提供します。"
    vocab = ("公共交通の現状。" + old, "公共交通の現状。" + new)
    v = _judged(old, new, vocab)
    assert not v.substantive and v.rule == "typo"
    # a real word swapped next to the same kanji stays a change
    old2, new2 = "公共公園を整備します。", "公共施設を整備します。"
    assert _judged(old2, new2, (old2, new2)).substantive


def test_stray_character_removed_from_a_word_is_a_typo() -> None:
    """停留場所 → 停留所: one character typed into a word; 停留所 is a dictionary word
    the plan writes elsewhere, 停留場所 is no word and is gone from the new version."""
    old, new = "④　分かりやすい停留場所名称に見直します。", "④　分かりやすい停留所名称に見直します。"
    v = _judged(old, new, ("停留所の新設を行います。" + old, "停留所の新設を行います。" + new))
    assert not v.substantive and v.rule == "typo" and "「停留所」は辞書の語" in v.evidence
    # the old spelling still written elsewhere in the new version: a choice, not a slip
    assert _judged(old, new, ("停留所の新設。" + old, "停留所の新設。停留場所の案内。" + new)).substantive
    # a character removed at a word's edge changes the word (利用者数 → 利用数 is not a typo)
    old3, new3 = "利用者数を増やします。", "利用数を増やします。"
    assert _judged(old3, new3, ("利用数の推移。" + old3, "利用数の推移。" + new3)).substantive


def test_two_sentences_swapped_in_a_paragraph_are_editorial() -> None:
    """The figures of the sentence moved (2社, 11路線) are the same figures: no number changed."""
    a = "路線バスは2社により11路線が運行されています。"
    b = "利用者数は新型コロナウイルス感染症の影響により大きく減少し、現在も回復していません。"
    v = verdict(a + b, b + a)
    assert not v.substantive and v.rule == "sentence-moved"
    # a sentence dropped and another one written is no swap
    assert verdict(a + b, b + "路線バスは3社により12路線が運行されています。").substantive
