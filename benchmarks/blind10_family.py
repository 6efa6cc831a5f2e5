"""The tenth blind family: a city's combined 「障がい者計画・第７期障がい福祉計画・
第３期障がい児福祉計画」, 素案 → 案 after a public comment AND a 団体ヒアリング.
Written without reading how revtool decides anything.

House style (what a city's 障がい福祉課 writes):

- Heading 1 「第１部　総論」「第２部　障がい者計画」「第３部　第７期障がい福祉計画・第３期
  障がい児福祉計画」「資料編」; Heading 2 「第１章　…」 or 「基本目標１　…」; Heading 3
  「１　…」 or the 施策の方向 「（１）…」.
- Each 施策の方向: 【現状と課題】 paragraphs, then 【主な取組】 and a table 取組名 | 内容 | 担当課.
- 第３部: 成果目標 tables 項目 | 目標値 | 考え方, サービス見込量 tables サービス | 単位 |
  令和６年度 | 令和７年度 | 令和８年度 (人/月, 時間/月, 人日/月, か所), 確保方策 paragraphs.
- 第１部第３章３ 計画の体系 as a table 基本目標 | 施策の方向; 資料編 用語解説 as a table.
- A 目次 with printed pages before 第１部; page numbers 「- n -」 in the footer.
- The city writes 「障がい」 in running text (a policy), 「障害」 in names of laws, services and
  手帳 (障害者総合支援法, 障害福祉サービス, 障害者手帳).

Files: 素案/案 as DOCX (Heading styles, tables, a PAGE field in the footer) and as PDF
(``plan_pdf``), always both; 別紙1 as an XLSX with a title row: on odd seeds a workbook with
two sheets 「パブリックコメント」 and 「団体ヒアリング」 (each numbered from 1, the second with a
団体名 column), on even seeds one sheet with a 区分 column (パブリックコメント / 団体ヒアリング)
and one running No. Comment ids in the truth are C + the running position over the whole
import (sheet order). 該当箇所 as staff copy them: 「P24 基本目標２」「24ページ」「施策の方向2-(3)」,
「基本目標３（２）」「全体について」「第３部 成果目標」.

Decisions (the truth, one row each, as careful staff write 別紙2):
comment (7-9 of a pool of 10: a 取組 row added, a sentence added to 現状と課題, 検討します →
令和８年度までに完了します, a 成果目標 row, 毎年度公表 in 推進体制, a 用語解説 term); external
(the national 基本指針 revised: one sentence in 第１部第１章１ and in 第３部第１章, one row with
both pages); internal (a 課 renamed everywhere, every 見込量 table updated as one row, a 基本目標
renamed (heading, 基本目標 list, 体系), two 施策 of 基本目標４ swapped, 基本目標２（２） split).
Not rows (``editorial``): 障害→障がい in running text, 子供→子ども, 出来る→できる, 全て→すべて,
typos (推准, 福社, 支授), full-width digits, the renumbering after the split, 目次 lines.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import PrintLine, lay_out, write_pdf

BLIND10_TUNING_SEEDS = (12001, 12002, 12003)
BLIND10_SEEDS = (12101, 12102, 12103)

ZEN = str.maketrans("0123456789", "０１２３４５６７８９")


def zen(n: int | str) -> str:
    return str(n).translate(ZEN)


CITY = ["青葉市", "桜ヶ丘市", "川原市", "緑野市", "東浜市", "北山市"]

# 基本目標 → 施策の方向 (name, key words, 担当課)
GOALS: list[tuple[str, list[tuple[str, list[str], list[str]]]]] = [
    ("地域で安心して暮らせる支援体制の充実", [
        ("相談支援体制の充実", ["相談支援", "基幹相談支援センター", "計画相談支援"], ["障がい福祉課", "福祉政策課"]),
        ("障害福祉サービスの充実", ["居宅介護", "短期入所", "日中活動の場"], ["障がい福祉課"]),
        ("保健・医療との連携", ["精神保健福祉", "訪問看護", "地域包括ケア"], ["保健予防課", "地域包括ケア推進課"]),
        ("地域生活への移行と定着", ["グループホーム", "地域移行支援", "地域生活支援拠点"], ["障がい福祉課", "地域包括ケア推進課"]),
    ]),
    ("自分らしく学び、活動できる環境づくり", [
        ("情報アクセシビリティの向上", ["手話", "意思疎通支援", "情報保障"], ["障がい福祉課", "広報課"]),
        ("スポーツ・文化芸術活動と生涯学習の推進", ["障がい者スポーツ", "文化芸術活動", "生涯学習"], ["スポーツ振興課", "生涯学習課"]),
        ("移動支援と外出機会の確保", ["移動支援", "同行援護", "福祉タクシー"], ["障がい福祉課", "福祉政策課"]),
    ]),
    ("安全・安心に暮らせるまちづくり", [
        ("ユニバーサルデザインのまちづくり", ["バリアフリー", "公共施設", "歩道の段差解消"], ["都市計画課", "道路課"]),
        ("災害時の支援体制の整備", ["避難行動要支援者", "福祉避難所", "防災訓練"], ["危機管理課", "福祉政策課"]),
        ("防犯・消費者被害の防止", ["消費者被害", "防犯", "地域の見守り"], ["商工振興課", "危機管理課"]),
    ]),
    ("いきいきと働ける社会の実現", [
        ("一般就労への支援の充実", ["就労移行支援", "職場定着", "障がい者就労支援センター"], ["商工振興課", "障がい福祉課"]),
        ("福祉的就労の充実", ["就労継続支援", "工賃向上", "優先調達"], ["障がい福祉課", "商工振興課"]),
        ("雇用の場の拡大", ["市役所での雇用", "企業への啓発", "農福連携"], ["人事課", "商工振興課"]),
    ]),
    ("共に生きる地域社会の実現", [
        ("差別の解消と合理的配慮の推進", ["障がい者差別解消", "合理的配慮", "心のバリアフリー"], ["人権推進課", "障がい福祉課"]),
        ("権利擁護と虐待防止", ["成年後見制度", "虐待防止センター", "権利擁護"], ["福祉政策課", "障がい福祉課"]),
        ("障がい児支援の充実", ["児童発達支援", "医療的ケア児", "放課後等デイサービス"], ["子ども発達支援課", "障がい福祉課"]),
        ("地域での交流と理解促進", ["交流イベント", "ボランティア", "ヘルプマーク"], ["福祉政策課", "生涯学習課"]),
    ]),
]

GOAL_RENAMES = {3: "安心して暮らせる安全なまちづくり", 5: "互いを尊重し共に生きる地域社会の実現"}
KA_RENAMES = [("福祉政策課", "福祉総務課"), ("危機管理課", "危機管理防災課"), ("商工振興課", "産業振興課"),
              ("地域包括ケア推進課", "地域共生推進課")]
SPLIT = ("スポーツ・文化芸術活動の推進", "生涯学習の推進")

GENBA = [
    "{k0}については、利用を希望する人が年々増加しており、必要なときに必要な支援を受けられる体制の確保が課題となっています。",
    "アンケート調査では、{k1}について「充実してほしい」と回答した人の割合が{pct}％となっており、前回調査から{d}ポイント増加しています。",
    "障がいのある人が住み慣れた地域で安心して生活できるよう、{k0}と{k2}を一体的に進める必要があります。",
    "また、団体ヒアリングでは、{k2}に関する情報が十分に届いていないとの意見が多く寄せられました。",
    "市内には{n}か所の{k1}に関する事業所がありますが、地域によって偏りがみられます。",
    "今後は、すべての人が{k1}を身近に感じられるよう、関係機関と連携した取組を推進していくことが求められています。",
    "特に、障がいのある子どもとその家族に対する{k0}については、ライフステージに応じた切れ目のない支援が必要です。",
    "{k2}の担い手となる人材の確保・育成も、引き続き重要な課題です。",
    "障がいのある人が自らの意思で{k1}を選択できる環境を整えることが大切です。",
    "前期計画では{k0}の周知に取り組みましたが、支援を必要とする人に十分に届いているとはいえない状況です。",
    "{k1}の利用者数は、令和２年度の{n}人から令和４年度には{m}人となり、増加傾向にあります。",
    "家族の高齢化が進むなか、{k2}を含め、親亡き後を見据えた支援の充実を望む声が寄せられています。",
    "{k0}を担う事業所からは、職員の確保が難しく、新たな利用の申込みに応えられない場合があるとの声が聞かれます。",
    "国や県の動向を注視しつつ、{k1}に関する本市の実情に合った取組を検討していく必要があります。",
    "障がいの特性や程度に応じた{k2}のあり方について、当事者の視点から見直すことが求められています。",
]
NAIYO = [
    "{k}について、関係機関と連携しながら、利用者の状況に応じたきめ細かな支援を行います。",
    "{k}に関する情報を、市報やホームページ、SNS等を活用して分かりやすく発信します。",
    "{k}の実施状況を把握し、課題を整理したうえで、事業の改善に取り組みます。",
    "障がいのある人や家族の意見を聞きながら、{k}のあり方を検討します。",
    "{k}に携わる職員や事業所向けの研修を実施し、支援の質の向上を図ります。",
    "{k}を必要とする人が円滑に利用できるよう、手続の簡素化と相談体制の充実を図ります。",
]
ACTS = ["の充実", "の推進", "の強化", "の周知・啓発", "の体制整備", "の利用促進", "に関する情報提供", "の実態把握"]

SERVICES = [  # 第３部第２章: section name, [(service, unit, base)]
    ("訪問系サービス", [("居宅介護", "時間/月", 5200), ("重度訪問介護", "時間/月", 3100), ("同行援護", "時間/月", 820),
                     ("行動援護", "時間/月", 410), ("重度障害者等包括支援", "人/月", 2)]),
    ("日中活動系サービス", [("生活介護", "人/月", 640), ("自立訓練（機能訓練）", "人/月", 12), ("自立訓練（生活訓練）", "人/月", 38),
                       ("就労選択支援", "人/月", 15), ("就労移行支援", "人/月", 96), ("就労継続支援（Ａ型）", "人/月", 140),
                       ("就労継続支援（Ｂ型）", "人/月", 720), ("就労定着支援", "人/月", 54), ("短期入所（福祉型）", "人日/月", 980)]),
    ("居住系サービス", [("自立生活援助", "人/月", 6), ("共同生活援助", "人/月", 410), ("施設入所支援", "人/月", 230)]),
    ("相談支援", [("計画相談支援", "人/月", 520), ("地域移行支援", "人/月", 4), ("地域定着支援", "人/月", 9)]),
    ("障害児通所支援等", [("児童発達支援", "人/月", 310), ("放課後等デイサービス", "人/月", 690), ("保育所等訪問支援", "人/月", 45),
                      ("居宅訪問型児童発達支援", "人/月", 3), ("障害児相談支援", "人/月", 260)]),
    ("地域生活支援事業", [("意思疎通支援事業（手話通訳者派遣）", "件/年", 640), ("日常生活用具給付等事業", "件/年", 5400),
                      ("移動支援事業", "時間/月", 2900), ("日中一時支援事業", "人/月", 130), ("地域活動支援センター", "か所", 4)]),
]
SEIKA = [
    ("福祉施設の入所者の地域生活への移行", [("地域生活移行者数", "{a}人", "令和４年度末の施設入所者数の６％以上"),
                                   ("施設入所者の削減数", "{b}人", "令和４年度末の施設入所者数の５％以上削減")]),
    ("精神障がいにも対応した地域包括ケアシステムの構築", [("保健・医療・福祉関係者による協議の場の開催回数", "年{c}回", "年４回以上の開催"),
                                              ("精神病床からの退院後１年以内の地域における平均生活日数", "325.3日以上", "国の基本指針どおり")]),
    ("地域生活支援の充実", [("地域生活支援拠点等の整備", "１か所以上", "令和８年度末までに整備"),
                       ("強度行動障がいを有する人の支援体制の整備", "ニーズの把握と体制整備", "関係機関の協議により検討")]),
    ("福祉施設から一般就労への移行等", [("一般就労移行者数", "{d}人", "令和３年度実績の1.28倍以上"),
                                 ("就労移行支援事業の利用者の移行者数", "{e}人", "令和３年度実績の1.31倍以上")]),
    ("障がい児支援の提供体制の整備等", [("児童発達支援センターの設置", "１か所以上", "令和８年度末までに設置"),
                                 ("医療的ケア児等に関するコーディネーターの配置", "{f}人", "関係分野の支援を調整する人材を配置")]),
    ("相談支援体制の充実・強化等", [("基幹相談支援センターの設置", "設置済み", "機能の充実を図る"),
                              ("協議会における個別事例の検討", "年{g}回", "個別事例を通じた地域課題の抽出")]),
]
YOGO = [("意思疎通支援", "聴覚、言語機能、音声機能、視覚等の障がいのため、意思疎通を図ることに支障がある人に、手話通訳や要約筆記等により意思疎通を仲介すること。"),
        ("合理的配慮", "障がいのある人が日常生活や社会生活で受けるさまざまな制限をもたらす原因となる社会的障壁を取り除くため、個別の状況に応じて行われる配慮。"),
        ("基幹相談支援センター", "地域における相談支援の中核的な役割を担う機関。総合的・専門的な相談支援や地域の相談支援体制の強化に取り組む。"),
        ("グループホーム", "障がいのある人が、世話人等の支援を受けながら、地域のアパートや一戸建て等で共同生活を行う住まいの場。"),
        ("地域生活支援拠点等", "障がいのある人の重度化・高齢化や親亡き後を見据え、相談、緊急時の受入れ等の機能を地域で一体的に担う体制。"),
        ("福祉避難所", "災害時に、一般の避難所での生活が困難な高齢者や障がいのある人等に配慮した避難所。"),
        ("成年後見制度", "判断能力が十分でない人の財産管理や契約等を、家庭裁判所が選任した後見人等が支援する制度。"),
        ("優先調達", "障害者優先調達推進法に基づき、国や地方公共団体等が障害者就労施設等から物品等を優先的に購入すること。"),
        ("医療的ケア児", "日常生活及び社会生活を営むために恒常的に医療的ケア（人工呼吸器による呼吸管理、喀痰吸引等）を受けることが不可欠である児童。")]

KIHON_OLD = "国の「障害福祉サービス等及び障害児通所支援等の円滑な実施を確保するための基本的な指針」（以下「基本指針」という。）"
EXT_SENT = ("令和６年３月には基本指針が一部改正され、地域生活支援拠点等の機能の充実や強度行動障がいを有する人への支援体制の整備が"
            "新たに示されたことから、本計画ではこれらを踏まえて目標を設定しています。")

COMMENT_POOL: dict[str, tuple] = {
    # key: (goal, sec) or part, change kind, payload, must, opinions [(source, opinion)], answer
    "A": ((1, 1), "row", ["相談支援専門員の確保・育成", "相談支援専門員の不足に対応するため、事業所と連携して研修受講を支援し、人材の確保と定着を図ります。", "障がい福祉課"],
          ["相談支援専門員"],
          [("pc", "相談支援専門員が不足しており、計画相談を受けられない人がいる。相談支援専門員の人材確保の取組を計画に明記してほしい。"),
           ("hear", "相談支援専門員の負担が大きく離職が続いている。育成と定着の支援が必要である。")],
          "ご意見を踏まえ、主な取組に「相談支援専門員の確保・育成」を追加します。"),
    "B": ((1, 3), "sent", "また、精神科病院からの退院後に地域で孤立することがないよう、ピアサポーターの活動の場を広げていく必要があります。",
          ["ピアサポーター"],
          [("hear", "退院後の地域生活では、同じ経験をもつピアサポーターの存在が大きい。計画の中で位置付けてほしい。")],
          "ご意見を踏まえ、現状と課題にピアサポーターの活動に関する記述を追加します。"),
    "C": ((2, 1), "row", ["手話通訳者・要約筆記者の養成", "手話通訳者や要約筆記者の養成講座を開催し、意思疎通支援の担い手の確保に努めます。", "障がい福祉課"],
          ["要約筆記者"],
          [("hear", "手話通訳者だけでなく要約筆記者も高齢化している。養成講座の開催を計画に位置付けてほしい。"),
           ("pc", "中途失聴者のために要約筆記者を増やしてほしい。")],
          "ご意見を踏まえ、主な取組に手話通訳者・要約筆記者の養成を追加します。"),
    "D": ((3, 2), "cell", ("個別避難計画の作成を検討します。", "個別避難計画の作成を令和８年度までに完了させます。"),
          ["令和８年度までに"],
          [("pc", "個別避難計画の作成を「検討します」では遅い。いつまでに作成するのか期限を示してほしい。")],
          "ご意見を踏まえ、個別避難計画の作成を令和８年度までに完了させることを明記します。"),
    "E": ((4, 3), "row", ["短時間雇用の促進", "週20時間未満の短時間であれば働くことのできる人の雇用について、企業への働きかけを行います。", "商工振興課"],
          ["短時間"],
          [("hear", "精神障がいのある人の中には短時間であれば働ける人が多い。短時間雇用を進めてほしい。")],
          "ご意見を踏まえ、主な取組に「短時間雇用の促進」を追加します。"),
    "F": ((5, 1), "row", ["事業者向け合理的配慮セミナーの開催", "事業者による合理的配慮の提供が義務化されたことを受け、商店や企業を対象としたセミナーを開催します。", "人権推進課"],
          ["セミナー"],
          [("pc", "合理的配慮について、事業者側がどうすればよいか分からないという声を聞く。事業者向けの学習の機会を設けてほしい。")],
          "ご意見を踏まえ、事業者向けのセミナーの開催を主な取組に追加します。"),
    "G": ((5, 3), "sent", "医療的ケア児等コーディネーターを配置し、保健、医療、福祉、教育等の関係機関の連携による支援を進めます。",
          ["コーディネーター"],
          [("hear", "医療的ケア児の家族は、複数の機関に何度も同じ説明をしなければならない。調整役となる人を置いてほしい。"),
           ("pc", "医療的ケア児の支援には関係機関の調整役が欠かせない。")],
          "ご意見を踏まえ、医療的ケア児等コーディネーターの配置について記載します。"),
    "H": ("seika", "seika", ["就労定着支援事業の利用者の一定期間後の就労定着率", "７割以上の事業所が全体の２割５分以上", "就労定着支援事業所ごとの実績"],
          ["就労定着率"],
          [("pc", "一般就労への移行者数だけでなく、就労が続いているかどうかの目標も設定すべきではないか。")],
          "ご意見を踏まえ、就労定着率に関する成果目標を追加します。"),
    "I": ("suishin", "suishin", "計画の進捗状況は、毎年度、自立支援協議会に報告し、その結果を市ホームページで公表します。",
          ["公表"],
          [("pc", "計画を作って終わりにせず、毎年度の進捗状況を市民に公表してほしい。")],
          "ご意見を踏まえ、毎年度進捗状況を公表することを第３部第３章に記載します。"),
    "J": ("yogo", "yogo", ["ヘルプマーク", "義足や人工関節を使用している人、内部障がいや難病の人など、外見からは分からなくても援助や配慮を必要としている人が、周囲の人に配慮を必要としていることを知らせるマーク。"],
          ["ヘルプマーク"],
          [("hear", "ヘルプマークを知らない市民がまだ多い。計画の中でも説明を載せてほしい。")],
          "ご意見を踏まえ、用語解説に「ヘルプマーク」を追加します。"),
}


@dataclass
class Block:
    uid: str
    kind: str  # h1 h2 h3 p table toc
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    fixed: bool = False  # carries a decision: no editorial edit injected


@dataclass
class Mark:
    row: str
    uid: str
    what: str | int  # a substring of the block's text, or a table row index
    path: list[str]


class Doc:
    def __init__(self, an: bool) -> None:
        self.an = an
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.marks: list[Mark] = []
        self.n = 0

    def _uid(self, uid: str | None) -> str:
        self.n += 1
        return uid or f"b{self.n}"

    def h(self, level: int, text: str, uid: str | None = None) -> Block:
        self.stack = self.stack[:level - 1] + [text]
        b = Block(self._uid(uid), f"h{level}", text, path=list(self.stack))
        self.blocks.append(b)
        return b

    def p(self, text: str, uid: str | None = None, fixed: bool = False) -> Block:
        b = Block(self._uid(uid), "p", text, path=list(self.stack), fixed=fixed)
        self.blocks.append(b)
        return b

    def table(self, rows: list[list[str]], uid: str | None = None) -> Block:
        b = Block(self._uid(uid), "table", rows=rows, path=list(self.stack), fixed=True)
        self.blocks.append(b)
        return b

    def mark(self, row: str, b: Block, what: str | int) -> None:
        if self.an:
            self.marks.append(Mark(row, b.uid, what, list(b.path)))


@dataclass
class Plan:
    seed: int
    city: str
    soan: list[Block]
    an: list[Block]
    soan_where: dict
    an_where: dict
    rows: list[dict]
    editorial: list[dict]
    comments: list[dict]  # source, no, dantai, ref, opinion, answer, status, reflected
    two_sheets: bool
    pages: tuple[int, int]


def _choices(seed: int) -> dict:
    r = random.Random(seed)
    keys = sorted(COMMENT_POOL)
    return {
        "city": r.choice(CITY),
        "comment_keys": sorted(r.sample(keys, r.randint(7, 9))),
        "ka": r.choice(KA_RENAMES),
        "goal_renamed": r.choice(sorted(GOAL_RENAMES)),
        "text_seed": r.randrange(10**9),
        "n_other": r.randint(55, 150),
        "two_sheets": seed % 2 == 1,
    }


def _goals_for(v_an: bool, ch: dict) -> list[tuple[str, list[tuple[str, int, int | None]]]]:
    """基本目標 and their 施策 (name, index in 素案, part of a split) as printed in this version."""
    out = []
    for gi, (gname, secs) in enumerate(GOALS, 1):
        if v_an and gi == ch["goal_renamed"]:
            gname = GOAL_RENAMES[gi]
        items: list[tuple[str, int, int | None]] = [(s[0], k, None) for k, s in enumerate(secs, 1)]
        if v_an and gi == 4:
            items[0], items[1] = items[1], items[0]
        if v_an and gi == 2:
            items[1:2] = [(SPLIT[0], 2, 0), (SPLIT[1], 2, 1)]
        out.append((gname, items))
    return out


def _sec_content(ch: dict, gi: int, orig: int) -> tuple[list[str], list[list[str]], list[str], list[list[str]]]:
    """The 素案 text of a 施策: three 現状と課題 paragraphs and its 取組 rows (担当課 as in 素案)."""
    rr = random.Random(f"{ch['text_seed']}:{gi}:{orig}")
    _, kws, kas = GOALS[gi - 1][1][orig - 1]
    paras = [_filler(rr, kws) for _ in range(5)]
    acts = rr.sample(ACTS, len(ACTS))
    rows = []
    for k in range(rr.randint(5, 8)):
        kw = kws[k % len(kws)]
        rows.append([kw + acts[k], rr.choice(NAIYO).format(k=kw), kas[k % len(kas)]])
    kitai = [f"●{kws[1]}について理解を深め、身近な障がいのある人に声をかけましょう。",
             f"●地域の行事や{kws[2]}に関する活動に、障がいのある人と一緒に参加しましょう。"]
    inds = [[f"{kws[0]}の満足度", f"{rr.randint(30, 60)}.{rr.randint(0, 9)}％", f"{rr.randint(61, 75)}.0％"],
            [f"{kws[1]}の利用者数", f"{rr.randint(20, 300)}人", "増加"]]
    if (gi, orig) == (3, 2):
        rows.append(["個別避難計画の作成", "避難行動要支援者名簿を活用し、本人や家族、地域の支援者と調整しながら、"
                     "個別避難計画の作成を検討します。", "危機管理課"])
    return paras, rows, kitai, inds


def _build(v_an: bool, ch: dict) -> Doc:
    d = Doc(v_an)
    rr = random.Random(f"{ch['text_seed']}:part1")  # 第１部: the same draws in both versions
    city = ch["city"]
    old_ka, new_ka = ch["ka"]
    ka = new_ka if v_an else old_ka
    goals = _goals_for(v_an, ch)
    ck = set(ch["comment_keys"])

    def ka_of(name: str) -> str:
        return ka if name == old_ka else name

    # 第１部
    d.h(1, "第１部　総論", "H1")
    d.h(2, "第１章　計画の策定にあたって", "H1-1")
    d.h(3, "１　計画策定の趣旨", "H1-1-1")
    d.p(f"{city}では、令和３年３月に「{city}障がい者計画」及び「第６期{city}障がい福祉計画・第２期{city}障がい児福祉計画」を策定し、"
        "障がいのある人が地域で自分らしく暮らせるまちの実現に向けて、さまざまな施策に取り組んできました。", "P-shushi1")
    d.p("この間、国においては、障害者総合支援法の改正により、障がいのある人の地域生活や就労の支援の強化が図られるとともに、"
        "障害者差別解消法の改正により、事業者による合理的配慮の提供が義務化されるなど、障がいのある人を取り巻く環境は大きく変化しています。",
        "P-shushi2")
    b = d.p("本計画は、これまでの取組の成果と課題を踏まえ、" + KIHON_OLD + "に即して、新たな計画として策定するものです。"
            + (EXT_SENT if v_an else ""), "P-shushi3", fixed=True)
    d.mark("X1", b, EXT_SENT)
    d.h(3, "２　計画の位置付け", "H1-1-2")
    d.p("障がい者計画は、障害者基本法第11条第３項に基づく「市町村障害者計画」であり、障がいのある人のための施策に関する基本的な計画です。", "P-ichi1")
    d.p("障がい福祉計画は、障害者総合支援法第88条第１項に基づく「市町村障害福祉計画」であり、障がい児福祉計画は、児童福祉法第33条の20第１項に"
        "基づく「市町村障害児福祉計画」です。これらの計画では、障害福祉サービス等の見込量とその確保のための方策を定めます。", "P-ichi2")
    d.p(f"また、本計画は「{city}総合計画」を上位計画とし、「{city}地域福祉計画」「{city}高齢者保健福祉計画・介護保険事業計画」"
        f"「{city}子ども・子育て支援事業計画」等の関連計画との整合を図ります。", "P-ichi3")
    d.h(3, "３　計画の期間", "H1-1-3")
    d.p("障がい者計画の期間は令和６年度から令和11年度までの６年間、障がい福祉計画及び障がい児福祉計画の期間は令和６年度から令和８年度までの３年間です。", "P-kikan")
    d.table([["計画", "令和６年度", "令和７年度", "令和８年度", "令和９年度", "令和10年度", "令和11年度"],
             ["障がい者計画", "●", "●", "●", "●", "●", "●"],
             ["第７期障がい福祉計画", "●", "●", "●", "", "", ""],
             ["第３期障がい児福祉計画", "●", "●", "●", "", "", ""]], "T-kikan")
    d.h(3, "４　計画の策定体制", "H1-1-4")
    d.p(f"計画の策定にあたっては、学識経験者、障がい者団体、サービス事業者等で構成する「{city}障がい者施策推進協議会」において審議を行いました。", "P-taisei1")
    d.p("また、障がいのある人や家族、市民を対象としたアンケート調査、障がい者団体等との団体ヒアリング（意見交換会）、パブリックコメントを実施し、"
        "幅広い意見の把握に努めました。", "P-taisei2")

    d.h(2, "第２章　障がいのある人を取り巻く現状", "H1-2")
    stats = [("１　障害者手帳所持者数の推移", "身体障害者手帳", 5400), ("２　療育手帳所持者数の推移", "療育手帳", 1300),
             ("３　精神障害者保健福祉手帳所持者数の推移", "精神障害者保健福祉手帳", 1800)]
    for i, (title, kind, base) in enumerate(stats):
        d.h(3, title, f"H1-2-{i + 1}")
        vals = [base + rr.randint(-80, 120) * k for k in range(5)]
        d.p(f"{kind}の所持者数は、令和５年３月末現在で{vals[-1]:,}人となっており、この５年間で{abs(vals[-1] - vals[0]):,}人"
            f"{'増加' if vals[-1] >= vals[0] else '減少'}しています。等級別・年齢別にみると、障がいのある人の高齢化が進んでいることがうかがえます。",
            f"P-stat{i}")
        d.table([["区分", "平成31年", "令和２年", "令和３年", "令和４年", "令和５年"],
                 [f"{kind}所持者数（人）"] + [f"{v:,}" for v in vals],
                 ["うち18歳未満（人）"] + [f"{v // 20:,}" for v in vals],
                 ["うち65歳以上（人）"] + [f"{v // 2:,}" for v in vals]], f"T-stat{i}")
        for j in range(3):
            d.p(_filler(rr, [kind, "障害福祉サービス", "相談支援"]), f"P-stat{i}-{j}")
    d.h(3, "４　アンケート調査結果の概要", "H1-2-4")
    for j in range(5):
        d.p(_filler(rr, ["日常生活", "外出", "就労"]), f"P-enq{j}")
    d.table([["困っていること（上位）", "割合"], ["将来の生活のこと", f"{rr.randint(40, 55)}.{rr.randint(0, 9)}％"],
             ["経済的なこと", f"{rr.randint(30, 40)}.{rr.randint(0, 9)}％"], ["外出のこと", f"{rr.randint(20, 30)}.{rr.randint(0, 9)}％"],
             ["相談先が分からないこと", f"{rr.randint(10, 20)}.{rr.randint(0, 9)}％"]], "T-enq")
    d.h(3, "５　団体ヒアリングの概要", "H1-2-5")
    for j in range(3):
        d.p(_filler(rr, ["団体活動", "情報提供", "人材確保"]), f"P-hear{j}")
    d.h(3, "６　前期計画の評価と課題", "H1-2-6")
    for j in range(4):
        d.p(_filler(rr, ["前期計画", "地域生活", "障がい児支援"]), f"P-eval{j}")

    d.h(2, "第３章　計画の基本的な考え方", "H1-3")
    d.h(3, "１　基本理念", "H1-3-1")
    d.p("障がいのある人もない人も、互いに人格と個性を尊重し合い、住み慣れた地域で共に安心して暮らせるまち", "P-rinen0")
    for j in range(2):
        d.p(_filler(rr, ["基本理念", "共生社会", "地域"]), f"P-rinen{j + 1}")
    d.h(3, "２　基本目標", "H1-3-2")
    d.p("基本理念の実現に向けて、次の５つの基本目標を定めます。", "P-mokuhyo")
    for gi, (gname, _) in enumerate(goals, 1):
        b = d.p(f"基本目標{zen(gi)}　{gname}", f"P-goal{gi}", fixed=True)
        if v_an and gi == ch["goal_renamed"]:
            d.mark("I3", b, gname)
    d.h(3, "３　計画の体系", "H1-3-3")
    trows = [["基本目標", "施策の方向"]]
    for gi, (gname, secs) in enumerate(goals, 1):
        for si, (sname, _, _) in enumerate(secs, 1):  # type: ignore[assignment]
            trows.append([f"基本目標{zen(gi)}　{gname}" if si == 1 else "", f"（{zen(si)}）{sname}"])
    tb = d.table(trows, "T-taikei")
    if v_an:
        for ri, r in enumerate(trows):
            if GOAL_RENAMES[ch["goal_renamed"]] in r[0]:
                d.mark("I3", tb, ri)
            if any(s in r[1] for s in SPLIT):
                d.mark("I5", tb, ri)
            if any(s[0] in r[1] for s in GOALS[3][1][:2]):
                d.mark("I4", tb, ri)

    # 第２部
    d.h(1, "第２部　障がい者計画", "H2")
    d.p("第２部では、基本目標ごとに施策の方向と主な取組を示します。取組の担当課は令和６年４月現在の組織名称で記載しています。", "P-2intro")
    for gi, (gname, secs) in enumerate(goals, 1):
        d.h(2, f"基本目標{zen(gi)}　{gname}", f"H2-{gi}")
        if v_an and gi == ch["goal_renamed"]:
            d.mark("I3", d.blocks[-1], gname)
        first = GOALS[gi - 1][1]
        d.p(_filler(random.Random(f"{ch['text_seed']}:intro{gi}"), [first[0][1][0], first[-1][1][0], "関係機関"]), f"P2-{gi}-intro")
        for si, (sname, orig, part) in enumerate(secs, 1):
            sid = f"{gi}:{sname}"
            hb = d.h(3, f"（{zen(si)}）{sname}", f"H2-{sid}")
            if v_an and gi == 4 and si <= 2:
                d.mark("I4", hb, sname)
            if v_an and part is not None:
                d.mark("I5", hb, sname)
            paras, trows, kitai, inds = _sec_content(ch, gi, orig)
            if part is not None:
                lifelong = GOALS[gi - 1][1][orig - 1][1][2]
                paras = paras[:3] if part == 0 else paras[3:]
                trows = [r for r in trows if r[0].startswith(lifelong) == (part == 1)]
            d.p("【現状と課題】", f"P2-{sid}-l1")
            sent = [c for c in ck if COMMENT_POOL[c][0] == (gi, orig) and COMMENT_POOL[c][1] == "sent"]
            for j, text in enumerate(paras):
                extra = COMMENT_POOL[sent[0]][2] if sent and j == 0 and v_an else ""
                b = d.p(text + str(extra), f"P2-{sid}-{j}", fixed=bool(sent) and j == 0)
                if extra:
                    d.mark(sent[0], b, str(extra))
            d.p("【主な取組】", f"P2-{sid}-l2")
            rows = [["取組名", "内容", "担当課"]]
            for r in trows:
                r = list(r)
                if v_an and "D" in ck and r[0] == "個別避難計画の作成":
                    r[1] = r[1].replace("個別避難計画の作成を検討します。", "個別避難計画の作成を令和８年度までに完了させます。")
                r[2] = ka_of(r[2])
                rows.append(r)
            added = None
            for c in ck:
                if COMMENT_POOL[c][0] == (gi, orig) and COMMENT_POOL[c][1] == "row" and v_an:
                    pl = [str(x) for x in COMMENT_POOL[c][2]]
                    pl[2] = ka_of(pl[2])
                    rows.insert(3, pl)
                    added = c
            tb = d.table(rows, f"T2-{sid}")
            if v_an:
                for ri, r in enumerate(rows):
                    if added and r[0] == COMMENT_POOL[added][2][0]:
                        d.mark(added, tb, ri)
                    elif ri and r[2] == new_ka:
                        d.mark("I1", tb, ri)
                    if "D" in ck and "令和８年度までに" in r[1]:
                        d.mark("D", tb, ri)
            if part != 1:
                d.p("【目標とする指標】", f"P2-{sid}-l3")
                d.table([["指標", "現状値（令和４年度）", "目標値（令和11年度）"]] + inds, f"T2-{sid}-ind")
            d.p("【市民や地域に期待すること】", f"P2-{sid}-l4")
            for j, t in enumerate(kitai):
                d.p(t, f"P2-{sid}-k{j}")

    # 第３部
    rr = random.Random(f"{ch['text_seed']}:part3")
    d.h(1, "第３部　第７期障がい福祉計画・第３期障がい児福祉計画", "H3")
    d.h(2, "第１章　成果目標", "H3-1")
    b = d.p("国の基本指針に基づき、令和８年度を目標年度として、次の成果目標を設定します。" + (EXT_SENT if v_an else ""),
            "P3-1-intro", fixed=True)
    d.mark("X1", b, EXT_SENT)
    nums = {k: rr.randint(3, 30) for k in "abcdefg"}
    for i, (title, items) in enumerate(SEIKA, 1):
        d.h(3, f"{zen(i)}　{title}", f"H3-1-{i}")
        d.p(_filler(rr, [title, "成果目標", "関係機関"]), f"P3-1-{i}")
        rows = [["項目", "目標値", "考え方"]] + [[a, v.format(**nums), c] for a, v, c in items]
        if i == 4 and v_an and "H" in ck:
            rows.append(list(COMMENT_POOL["H"][2]))
        tb = d.table(rows, f"T3-1-{i}")
        if i == 4 and v_an and "H" in ck:
            d.mark("H", tb, len(rows) - 1)
    d.h(2, "第２章　障害福祉サービス等の見込量と確保方策", "H3-2")
    d.p("各サービスの見込量は、これまでの利用実績の推移、アンケート調査の結果、サービス提供事業所の整備の見通し等を踏まえて推計しました。", "P3-2-intro")
    for i, (title, svcs) in enumerate(SERVICES, 1):
        d.h(3, f"{zen(i)}　{title}", f"H3-2-{i}")
        d.p(_filler(rr, [svcs[0][0], svcs[1][0], "サービス提供事業所"]), f"P3-2-{i}")
        rows = [["サービス", "単位", "令和６年度", "令和７年度", "令和８年度"]]
        for name, unit, base in svcs:
            growth = rr.choice([1.02, 1.03, 1.05, 1.08])
            upd = rr.choice([1.04, 0.97, 1.06, 0.95])
            upd = upd if v_an else 1.0
            vals = [max(1, round(base * upd * growth ** k)) for k in range(3)]
            rows.append([name, unit] + [f"{v:,}" for v in vals])
        tb = d.table(rows, f"T3-2-{i}")
        if v_an:
            for ri in range(1, len(rows)):
                d.mark("I2", tb, ri)
        d.p("【確保方策】", f"P3-2-{i}-l")
        d.p(_filler(rr, [svcs[0][0], "事業所", "人材確保"]), f"P3-2-{i}-m")
    d.h(2, "第３章　計画の推進体制", "H3-3")
    d.h(3, "１　関係機関との連携", "H3-3-1")
    b = d.p(f"計画の推進にあたっては、障がい福祉課を中心に、{ka}をはじめとする関係各課が連携し、全庁的に取り組みます。", "P3-3-1", fixed=True)
    if v_an:
        d.mark("I1", b, ka)
    d.p(_filler(rr, ["自立支援協議会", "サービス提供事業所", "障がい者団体"]), "P3-3-1b")
    d.h(3, "２　計画の進捗管理", "H3-3-2")
    d.p("計画の進捗については、ＰＤＣＡサイクルに基づき、成果目標及び見込量の達成状況を把握し、分析・評価を行います。"
        + ("計画の進捗状況は、毎年度、自立支援協議会に報告し、その結果を市ホームページで公表します。" if v_an and "I" in ck else ""),
        "P3-3-2", fixed=True)
    if "I" in ck:
        d.mark("I", d.blocks[-1], "計画の進捗状況は、毎年度、自立支援協議会に報告し、その結果を市ホームページで公表します。")

    # 資料編
    d.h(1, "資料編", "H4")
    d.h(2, "１　策定経過", "H4-1")
    d.table([["時期", "内容"], ["令和５年６月", "アンケート調査の実施"], ["令和５年８月", "団体ヒアリング（意見交換会）の実施"],
             ["令和５年10月", "障がい者施策推進協議会（素案の審議）"], ["令和５年12月", "パブリックコメントの実施"],
             ["令和６年２月", "障がい者施策推進協議会（案の審議）"]], "T4-1")
    d.h(2, "２　用語解説", "H4-2")
    yrows = [["用語", "解説"]] + [list(y) for y in YOGO]
    if v_an and "J" in ck:
        yrows.append(list(COMMENT_POOL["J"][2]))
        yrows[1:] = sorted(yrows[1:], key=lambda r: r[0])
    tb = d.table(yrows, "T4-2")
    if v_an and "J" in ck:
        d.mark("J", tb, next(i for i, r in enumerate(yrows) if r[0] == "ヘルプマーク"))
    return d


def _filler(rr: random.Random, kws: list[str]) -> str:
    sents = rr.sample(GENBA, 4)
    f = {"k0": kws[0], "k1": kws[1 % len(kws)], "k2": kws[2 % len(kws)], "pct": rr.randint(25, 70), "d": rr.randint(2, 12),
         "n": rr.randint(10, 40), "m": rr.randint(41, 90)}
    return "".join(s.format(**f) for s in sents)


# ---- layout -------------------------------------------------------------------------------------------

SIZES = {"h1": 16.0, "h2": 14.0, "h3": 12.0}


def _cells(r: list[str]) -> str:
    return "　".join(c for c in r if c)


def _new_page(b: Block) -> bool:
    """部, 章 and 基本目標 and every 施策の方向 of 第２部 start a page."""
    return b.kind in ("h1", "h2") or (b.kind == "h3" and b.uid.startswith("H2-"))


def _print_lines(blocks: list[Block], toc: list[str]) -> list[PrintLine]:
    out = [PrintLine("目　次", 14.0, ("toc", -1))]
    out += [PrintLine(t, key=("toc", i)) for i, t in enumerate(toc)]
    for b in blocks:
        if b.kind in SIZES:
            out.append(PrintLine(b.text, SIZES[b.kind], (b.uid, 0), new_page=_new_page(b)))
        elif b.kind == "p":
            out += [PrintLine(t, key=(b.uid, off)) for off, t in _wrap(b.text)]
        else:
            for ri, r in enumerate(b.rows):
                for k, (off, t) in enumerate(_wrap(_cells(r))):
                    out.append(PrintLine(t, key=(b.uid, "r", ri) if k == 0 else (b.uid, "r", ri, off)))
    return out


def _wrap(text: str) -> list[tuple[int, str]]:
    from benchmarks.plan_pdf import wrap
    return wrap(text)


def _toc(blocks: list[Block], where: dict) -> list[str]:
    lines = []
    for b in blocks:
        if b.kind in ("h1", "h2") or (b.kind == "h3" and b.uid.startswith("H2-")):
            indent = {"h1": "", "h2": "　", "h3": "　　"}[b.kind]
            page = where.get((b.uid, 0), 0)
            lines.append(f"{indent}{b.text}{'…' * 4}{zen(page)}")
    return lines


def _layout(blocks: list[Block], title: str) -> tuple[list, dict, list[str]]:
    toc = _toc(blocks, {})
    pages, where = lay_out(_print_lines(blocks, toc), title)
    toc = _toc(blocks, where)
    pages, where = lay_out(_print_lines(blocks, toc), title)
    return pages, where, toc


def _pages_of(where: dict, blocks: dict[str, Block], m: Mark) -> set[int]:
    """Every printed page the marked text (a table row, a heading, a substring) is printed on."""
    b = blocks[m.uid]
    if isinstance(m.what, int):
        return {p for k, p in where.items() if k[0] == b.uid and len(k) >= 3 and k[1] == "r" and k[2] == m.what}
    if b.kind in SIZES:
        return {where[(b.uid, 0)]}
    pos = b.text.index(m.what)
    end = pos + len(m.what)
    return {where[(b.uid, off)] for off, t in _wrap(b.text) if off < end and off + len(t) > pos}


# ---- editorial edits (soan gets the "before" form) ---------------------------------------------------

EDITS = [("障がいのある人", "障害のある人", 5), ("子ども", "子供", 2), ("できる", "出来る", 2), ("すべて", "全て", 2),
         ("推進", "推准", 1), ("福祉", "福社", 1), ("支援", "支授", 1)]


def _editorial(soan: list[Block], an_by: dict[str, Block], rr: random.Random) -> list[dict]:
    out: list[dict] = []
    cands = [b for b in soan if b.kind == "p" and not b.fixed and b.uid in an_by and b.text == an_by[b.uid].text
             and b.uid.startswith(("P2-", "P-stat", "P-enq", "P-eval", "P3-"))]
    used: set[str] = set()

    def one(b: Block, after: str, before: str) -> None:
        pos = b.text.index(after)
        lo, hi = max(0, pos - 6), pos + len(after) + 6
        a_ctx = b.text[lo:hi]
        b.text = b.text[:pos] + before + b.text[pos + len(after):]
        b_ctx = b.text[lo:hi - len(after) + len(before)]
        used.add(b.uid)
        out.append({"section_path": list(an_by[b.uid].path), "before": b_ctx, "after": a_ctx, "what": f"{before}→{after}"})

    for after, before, n in EDITS:
        pool = [b for b in cands if after in b.text and b.uid not in used]
        for b in rr.sample(pool, min(n, len(pool))):
            one(b, after, before)
    # a number in full width
    pool = [b for b in cands if "か所" in b.text and b.uid not in used]
    for b in rr.sample(pool, min(1, len(pool))):
        pos = b.text.index("か所")
        st = pos
        while st > 0 and b.text[st - 1].isdigit():
            st -= 1
        after = b.text[st:pos + 2]
        one(b, after, zen(after))
    return out


# ---- comments ----------------------------------------------------------------------------------------

DANTAI = ["市身体障害者福祉協会", "市手をつなぐ育成会", "精神障がい者家族会", "聴覚障害者協会", "視覚障害者福祉協会",
          "重症心身障害児（者）を守る会", "発達障がい児親の会", "障がい者就労支援事業所連絡会"]
OTHER_OP = [
    ("{k}について、さらに充実を図ってほしい。", "既記載", "基本目標{g}（{s}）に記載のとおり、{k}の充実に取り組んでまいります。"),
    ("{k}の利用手続が分かりにくい。もっと簡単にしてほしい。", "参考", "ご意見として承ります。今後の事業実施の参考とさせていただきます。"),
    ("{k}の事業所が足りていない。市で直接運営してほしい。", "その他", "市が直接運営することは考えていませんが、事業所の参入を促進してまいります。"),
    ("{k}の情報を、障がいの特性に応じた方法で届けてほしい。", "既記載", "計画案に既に記載しています。引き続き分かりやすい情報発信に努めます。"),
    ("{k}に関わる人材が不足している。待遇改善を国に要望してほしい。", "参考", "ご意見として承ります。国や県の動向を注視してまいります。"),
    ("{k}の取組の成果が見えるよう、数値目標を設けてほしい。", "その他", "第３部において成果目標と見込量を定め、進捗を管理してまいります。"),
    ("{k}について、家族の負担にも目を向けてほしい。", "既記載", "ご指摘の趣旨は、現状と課題に記載しています。"),
]
GENERAL_OP = [
    ("計画全体について、文章が難しく、知的障がいのある人にも分かりやすい版を作ってほしい。", "参考",
     "計画策定後、概要版を作成する際の参考とさせていただきます。"),
    ("計画の内容は良いが、実行できるだけの予算が確保されるのか心配である。", "その他", "計画の推進に必要な予算の確保に努めてまいります。"),
    ("計画の策定にあたり、当事者の声をもっと聞く場を設けてほしかった。", "参考", "今後の計画策定の参考とさせていただきます。"),
]
SEIKA_OP = ("見込量の推計根拠が分からない。算定方法を示してほしい。", "その他",
            "見込量は、利用実績の推移等を踏まえて推計しています。推計方法の詳細は市ホームページで公表しています。")


def _ref(rr: random.Random, gi: int, si: int, page: int, name: str) -> str:
    forms = [f"P{page} 基本目標{gi}", f"{page}ページ", f"施策の方向{gi}-({si})", f"基本目標{zen(gi)}（{zen(si)}）",
             f"P.{page}（{name}）", f"基本目標{gi} ({si}){name}"]
    return rr.choice(forms)


def _comments(ch: dict, soan: list[Block], soan_where: dict, rr: random.Random) -> list[dict]:
    sec_page: dict[tuple[int, int], tuple[int, str]] = {}
    for gi, (_, secs) in enumerate(_goals_for(False, ch), 1):
        for si, (sname, kws, _) in enumerate(secs, 1):
            sec_page[(gi, si)] = (soan_where[(f"H2-{gi}:{sname}", 0)], sname)
    out: list[dict] = []
    for key in ch["comment_keys"]:
        where, kind, _, _, ops, ans = COMMENT_POOL[key]
        for src, op in ops[:1 + rr.randint(0, 1)]:
            if isinstance(where, tuple):
                page, name = sec_page[where]
                ref = _ref(rr, where[0], where[1], page, name)
            else:
                ref = {"seika": "第３部 成果目標", "suishin": "第３部第３章 計画の推進体制", "yogo": "資料編 用語解説"}[str(where)]
            out.append({"source": src, "ref": ref, "opinion": op, "answer": ans, "status": "反映", "reflected": True,
                        "decision": key})
    for _ in range(ch["n_other"]):
        x = rr.random()
        src = "pc" if rr.random() < 0.6 else "hear"
        if x < 0.06:
            op, st, ans = rr.choice(GENERAL_OP)
            ref = rr.choice(["全体について", "計画全体", "全体"])
        elif x < 0.12:
            op, st, ans = SEIKA_OP
            ref = rr.choice(["第３部第２章", "見込量について", f"P{soan_where[('H3-2', 0)]}"])
        else:
            (gi, si), (page, name) = rr.choice(sorted(sec_page.items()))
            kwl: list[str] = [s for s in GOALS[gi - 1][1] if s[0] == name][0][1]
            tpl, st, ans = rr.choice(OTHER_OP)
            k = rr.choice(kwl)
            op, ans = tpl.format(k=k), ans.format(k=k, g=zen(gi), s=zen(si))
            ref = _ref(rr, gi, si, page, name)
        out.append({"source": src, "ref": ref, "opinion": op, "answer": ans, "status": st, "reflected": False, "decision": ""})
    rr.shuffle(out)
    pcs = [c for c in out if c["source"] == "pc"]
    hears = [c for c in out if c["source"] == "hear"]
    for c in hears:
        c["dantai"] = rr.choice(DANTAI)
    hears.sort(key=lambda c: DANTAI.index(c["dantai"]))
    ordered = pcs + hears
    for i, c in enumerate(ordered, 1):
        c["id"] = f"C{i:02d}"
    return ordered


# ---- the plan and its files ---------------------------------------------------------------------------

ROW_TEXT = {
    "X1": ("external", "令和６年３月の国の基本指針の一部改正を踏まえ、計画策定の趣旨及び成果目標の前文に、改正の内容（地域生活支援拠点等の機能の充実、強度行動障がいを有する人への支援体制の整備）を追記", ["基本指針"]),
    "I1": ("internal", "組織改正に伴い、担当課名を「{old}」から「{new}」に変更", ["{new}"]),
    "I2": ("internal", "令和５年度の利用実績を反映し、障害福祉サービス等の見込量（令和６年度～令和８年度）を更新", ["見込量"]),
    "I3": ("internal", "基本目標{g}の名称を「{old}」から「{new}」に変更", ["{new}"]),
    "I4": ("internal", "基本目標４の施策の方向「{a}」と「{b}」の順序を入れ替え", ["{a}", "{b}"]),
    "I5": ("internal", "基本目標２の施策の方向「{old}」を「{a}」と「{b}」に分割", ["{a}", "{b}"]),
}


def _item(paths: list[list[str]]) -> str:
    return "、".join(" ".join(p) for p in paths)


def generate(seed: int) -> Plan:
    ch = _choices(seed)
    soan_doc, an_doc = _build(False, ch), _build(True, ch)
    rr = random.Random(seed * 7 + 1)
    an_by = {b.uid: b for b in an_doc.blocks}
    editorial = _editorial(soan_doc.blocks, an_by, rr)
    title = f"{ch['city']}障がい者計画・第７期{ch['city']}障がい福祉計画・第３期{ch['city']}障がい児福祉計画"
    _, soan_where, soan_toc = _layout(soan_doc.blocks, title + "（素案）")
    _, an_where, an_toc = _layout(an_doc.blocks, title + "（案）")
    def bare(t: str) -> str:
        return t.rstrip("０１２３４５６７８９").rstrip("…")

    old_toc = {bare(t): t for t in soan_toc}
    for t in an_toc:
        if t not in soan_toc:
            editorial.append({"section_path": [], "before": old_toc.get(bare(t), ""), "after": t, "what": "目次"})
    # renumbering after the split: （３）移動支援… → （４）
    old3 = f"（３）{GOALS[1][1][2][0]}"
    new4 = f"（４）{GOALS[1][1][2][0]}"
    p4 = next(b.path for b in an_doc.blocks if b.text == new4)
    editorial.append({"section_path": p4, "before": old3, "after": new4, "what": "番号の繰下げ"})
    comments = _comments(ch, soan_doc.blocks, soan_where, rr)
    rows = []
    marks: dict[str, list[Mark]] = {}
    for m in an_doc.marks:
        marks.setdefault(m.row, []).append(m)
    old_ka, new_ka = ch["ka"]
    g = ch["goal_renamed"]
    fill = {"I1": {"old": old_ka, "new": new_ka}, "I3": {"g": zen(g), "old": GOALS[g - 1][0], "new": GOAL_RENAMES[g]},
            "I4": {"a": GOALS[3][1][1][0], "b": GOALS[3][1][0][0]},
            "I5": {"old": GOALS[1][1][1][0], "a": SPLIT[0], "b": SPLIT[1]}}
    order = ch["comment_keys"] + ["X1", "I1", "I2", "I3", "I4", "I5"]
    for n, rid in enumerate(order, 1):
        ms = marks[rid]
        paths: list[list[str]] = []
        for m in ms:
            if m.path not in paths:
                paths.append(m.path)
        pages = sorted(set().union(*(_pages_of(an_where, an_by, m) for m in ms)))
        if rid in COMMENT_POOL:
            ans = COMMENT_POOL[rid][5]
            summary = ans.replace("ご意見を踏まえ、", "").replace("します。", "").rstrip("。")
            must = COMMENT_POOL[rid][3]
            cause = {"type": "comment", "comment_ids": [c["id"] for c in comments if c["decision"] == rid]}
            kind = "comment"
        else:
            kind, text, must = ROW_TEXT[rid]
            summary = text.format(**fill.get(rid, {}))
            must = [x.format(**fill.get(rid, {})) for x in must]
            cause = {"type": kind, "comment_ids": []}
        rows.append({"id": f"E{n}", "kind": kind, "item": _item(paths), "section_paths": paths, "an_pages": pages,
                     "summary": summary, "must_mention": must, "cause": cause, "decision": rid})
    return Plan(seed, ch["city"], soan_doc.blocks, an_doc.blocks, soan_where, an_where, rows, editorial, comments,
                ch["two_sheets"], (max(soan_where.values()), max(an_where.values())))


def _docx(blocks: list[Block], where: dict, title: str, path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph(title).runs[0].bold = True
    doc.add_page_break()
    doc.add_paragraph("目　次")
    for t in _toc(blocks, where):
        doc.add_paragraph(t)
    for b in blocks:
        if b.kind in SIZES:
            if _new_page(b):
                doc.add_page_break()
            doc.add_heading(b.text, int(b.kind[1]))
        elif b.kind == "p":
            doc.add_paragraph(b.text)
        else:
            t = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = "Table Grid"
            for ri, r in enumerate(b.rows):
                for ci, c in enumerate(r):
                    t.cell(ri, ci).text = c
    footer = doc.sections[0].footer.paragraphs[0]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    footer.add_run("- ")
    footer._p.append(fld)
    footer.add_run(" -")
    doc.save(str(path))


def _xlsx(plan: Plan, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    title = f"{plan.city}障がい者計画等（素案）に対する意見の概要と市の考え方"
    pcs = [c for c in plan.comments if c["source"] == "pc"]
    hears = [c for c in plan.comments if c["source"] == "hear"]
    if plan.two_sheets:
        ws = wb.active
        ws.title = "パブリックコメント"
        ws.append([title + "（パブリックコメント）"])
        ws.append(["No.", "ページ・項目", "意見の概要", "市の考え方", "反映状況"])
        for i, c in enumerate(pcs, 1):
            ws.append([i, c["ref"], c["opinion"], c["answer"], c["status"]])
        ws2 = wb.create_sheet("団体ヒアリング")
        ws2.append([title + "（団体ヒアリング）"])
        ws2.append(["No.", "団体名", "ページ・項目", "意見の概要", "市の考え方", "反映状況"])
        for i, c in enumerate(hears, 1):
            ws2.append([i, c["dantai"], c["ref"], c["opinion"], c["answer"], c["status"]])
    else:
        ws = wb.active
        ws.title = "意見一覧"
        ws.append([title])
        ws.append(["No.", "区分", "ページ・項目", "意見の概要", "市の考え方", "反映状況"])
        for i, c in enumerate(pcs + hears, 1):
            ws.append([i, "パブリックコメント" if c["source"] == "pc" else f"団体ヒアリング（{c['dantai']}）", c["ref"],
                       c["opinion"], c["answer"], c["status"]])
    wb.save(str(path))


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    title = f"{plan.city}障がい者計画・第７期{plan.city}障がい福祉計画・第３期{plan.city}障がい児福祉計画"
    f = {"soan": d / "soan.docx", "an": d / "an.docx", "soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf",
         "comments": d / "bessi1.xlsx", "expected": d / "expected.json", "bessi2": d / "bessi2_truth.tsv"}
    for blocks, where, label, key in ((plan.soan, plan.soan_where, "（素案）", "soan"), (plan.an, plan.an_where, "（案）", "an")):
        pages, w, _ = _layout(blocks, title + label)
        write_pdf(pages, f[key + "_pdf"])
        _docx(blocks, w, title + label, f[key])
    _xlsx(plan, f["comments"])
    exp = {"rows": plan.rows, "editorial": plan.editorial,
           "comments": [{"id": c["id"], "reflected": c["reflected"]} for c in plan.comments], "campaigns": []}
    f["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    f["bessi2"].write_text("項目\t案のページ\t主な変更点\n" + "".join(
        f"{r['item']}\t{'、'.join(map(str, r['an_pages']))}\t{r['summary']}\n" for r in plan.rows), encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    return {"city": plan.city, "pages": list(plan.pages), "rows": len(plan.rows),
            "comment_rows": sum(r["kind"] == "comment" for r in plan.rows), "comments": len(plan.comments),
            "editorial": len(plan.editorial), "layout": "two sheets" if plan.two_sheets else "one sheet with 区分"}
