"""The built-in word lists of the editorial rule table: 表記ゆれ (公用文の表記),
word pairs a dictionary cannot know, filler, connective, binding, substantive
and action words. Data only; the ``[editorial]`` table of ``revtool.toml``
extends them (compare/editorial_config.py)."""

from __future__ import annotations


# Built-in 表記ゆれ (公用文作成の要領 and common practice). First = canonical.
DEFAULT_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("及び", "および"), ("並びに", "ならびに"), ("又は", "または"), ("若しくは", "もしくは"),
    ("等", "など"), ("こと", "事"), ("もの", "物"), ("とき", "時"), ("ところ", "所"),
    ("できる", "出来る"), ("さまざま", "様々"), ("いろいろ", "色々"), ("あらかじめ", "予め"),
    ("既に", "すでに"), ("更に", "さらに"), ("ただし", "但し"), ("なお", "尚"),
    ("全て", "すべて"), ("ほとんど", "殆ど"), ("おおむね", "概ね"), ("よる", "因る", "依る"),
    ("おいて", "於いて"), ("ある", "有る"), ("いる", "居る"), ("いただく", "頂く"),
    ("ください", "下さい"), ("いたす", "致す"), ("図る", "はかる", "計る"), ("行う", "行なう", "おこなう"),
    ("取組", "取組み", "取り組み"), ("取り組む", "取組む"), ("申込", "申込み", "申し込み"),
    ("申し込む", "申込む"), ("問合せ", "問い合わせ", "問合わせ"), ("手続", "手続き"),
    ("位置付け", "位置づけ"), ("位置付ける", "位置づける"), ("基づく", "基く"),
    ("向け", "むけ"), ("わたる", "亘る", "渡る"), ("かかわる", "関わる"), ("ふさわしい", "相応しい"),
    ("一層", "いっそう"), ("引き続き", "引続き"), ("取扱い", "取り扱い"),
    ("受付", "受け付け", "受付け"), ("貸出し", "貸し出し", "貸出"), ("お知らせ", "御知らせ"),
    ("子ども", "子供"), ("障害", "障がい"), ("ほか", "他"), ("まで", "迄"), ("ため", "為"),
    ("わかりやすい", "分かりやすい", "分り易い", "分かり易い"), ("つくる", "作る"),
    ("あわせて", "併せて", "合わせて"), ("とともに", "と共に"), ("さらなる", "更なる"),
    ("ように", "様に"), ("ような", "様な"), ("うえで", "上で"),
    ("か所", "箇所", "ケ所", "ヶ所", "カ所", "ヵ所"), ("か月", "ケ月", "ヶ月", "カ月", "ヵ月", "箇月"),
    ("ウェブ", "Web", "WEB", "ウエブ"), ("メール", "Eメール", "eメール", "電子メール"), ("ホームページ", "HP"),
)

# What a dictionary cannot know (公用文作成の考え方, 2022): word pairs with
# different dictionary entries that a plan uses interchangeably. Compared on
# the morphemes' normalized forms (する → 為る), so 研修をする = 研修を行う.
DEFAULT_LEMMA_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("行う", "する"), ("等", "など"), ("及び", "および"), ("又は", "または"), ("並びに", "ならびに"),
    ("図る", "はかる"), ("更に", "さらに"), ("全て", "すべて"), ("%", "パーセント"),
    # words that point to another place of the text (前述のとおり = 上記のとおり)
    ("前述", "上記", "先述", "既述", "前記"), ("後述", "下記"),
    # the national government, named either way in a plan (国は、… = 政府は、…)
    ("国", "政府"),
)
_SURU = "為る"  # SudachiPy's normalized form of する (the light verb of 〜を行う → 〜する)
# Words whose addition or removal changes nothing (啓発 → 啓発活動, 推進 → 積極的に推進).
DEFAULT_FILLER_WORDS: tuple[str, ...] = (
    "活動", "等", "など", "全般", "各種", "一層", "更に", "引き続き", "積極的", "着実", "適切",
    "円滑", "効果的", "十分", "継続的", "一体的", "様々", "対応",
)

# Connective phrases (接続表現) the dictionary cuts into a noun or a verb plus
# particles (一方|で, 中|で|も, その|結果, こと|に|加え, により): the nouns that
# only name how a clause stands to the text around it, and the verbs of
# compound particles (に加え, により). 接続詞 need no entry (the dictionary tags them).
DEFAULT_CONNECTIVE_WORDS: tuple[str, ...] = (
    "一方", "他方", "中", "反面", "結果", "ため", "際", "上", "理由", "こと", "加える", "よる",
    # verbs that head a sentence in their て-form before 、 (加えて、 併せて、): see the rule
    "合わせる",
    # 副詞 that only say how a sentence stands to the one before (an example, a
    # stress, an order): connectives at the head of a sentence or clause, before
    # 、 (例えば、 / 特に、); 必ず, 常に, 直ちに change a commitment and are not here
    "例えば", "特に", "とりわけ", "まず", "現に",
)
# 接続詞 that add a condition or another item: never a connective that changes nothing.
DEFAULT_BINDING_CONNECTIVES: tuple[str, ...] = (
    "ただし", "但し", "及び", "および", "又は", "または", "並びに", "ならびに", "若しくは", "もしくは",
    "かつ", "且つ", "あるいは", "或いは", "ないし",
)

# Words whose appearance or disappearance changes what the plan commits to.
DEFAULT_SUBSTANTIVE_WORDS: tuple[str, ...] = (
    "検討", "研究", "試行", "廃止", "新設", "終了", "中止", "休止", "見送", "延期", "前倒し",
    "義務", "努める", "努力", "必須", "必ず", "原則", "例外", "全て", "一部", "以上", "以下",
    "未満", "上限", "下限", "できる", "しなければならない", "ものとする", "禁止", "有料", "無料",
    "完了", "毎年", "毎月", "定期", "随時", "常時", "必要に応じ",
)
# Action words: a paraphrase (実施する → 行う) is editorial, but swapping one for
# another listed word (拡大 → 縮小, 導入 → 検討) is substantive.
DEFAULT_ACTION_WORDS: tuple[str, ...] = (
    "実施", "導入", "推進", "設置", "追加", "削除", "拡充", "拡大", "縮小", "継続", "開始",
    "対象", "本格", "増", "減", "強化", "維持", "充実", "支援", "整備", "目指", "達成", "目標",
    # a trend read from the figures: ほぼ横ばいである → 増加に転じている is news, not a paraphrase
    "横ばい", "上昇", "低下", "改善", "悪化", "鈍化", "停滞", "転じ",
)

# How firmly a plan says it will do something, by the head word of a clause's
# predicate, weakest first (公用文・行政計画の書き方: 「検討する」は実施を約束せず、
# 「努める」は努力、「図る」は目標に向けた取組、「推進する」「取り組む」は進めること、
# 「実施する」「行う」はすることの約束). A predicate moved to another level
# (努める → 取り組む, 検討する → 実施する, 図る → 進める) changes what the plan
# promises; one said anew at its level (行う → する, 推進する → 進める) does not.
# Each level is named by its first word; ``[editorial.commitment]`` in
# revtool.toml adds words to a level by that name (努める = ["心掛ける"]).
# A サ変 noun with する/行う that no level lists (開催する, 支援を行う) says the
# plan does it: the level of 実施.
DEFAULT_COMMITMENT_LEVELS: tuple[tuple[str, ...], ...] = (
    ("検討", "研究"),
    ("努める", "努力"),
    ("図る",),
    ("推進", "進める", "促進", "取り組む"),
    ("実施", "行う", "する", "実行"),
)
