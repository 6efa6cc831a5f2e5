"""The fifth blind family: a 県's 教育振興基本計画, 素案 → 案 after a public
comment, written without reading how revtool decides anything (issue 11).

House style (unlike the ward, the 環境基本計画, the ministry, the city and the
town families): 第1編 / 第1章 / 第1節 / 「1　現状と課題」 / (1) (（1） on odd
seeds) as Word heading styles; each 節 of 第2編 has 1 現状と課題, 2 主な取組 with
(1)(2) whose items are ①②③ paragraphs, 3 成果指標 with a KPI table
KPI | 基準値（年度） | 目標値（年度） | 所管; 図表1-n captions over small data
tables in 第1編 and a 図表2-n-k trend table in each 節's 現状と課題; 第1編第3章 with the
previous plan's indicator table (目標値 | 実績値 | 評価, never edited); boxed コラム (a one-cell table, not numbered); a 施策の体系
table (章 | 節 | 主な取組); a 目次 with page numbers; 用語解説 at the end; a
running header 「…（素案）」/「…（案）」 in the PDF.

別紙1: 番号 | 該当箇所 | 意見の概要 | 県の考え方 as a ruled PDF table (odd seeds)
or 番号 | 意見の概要 | 県の考え方 as a Word table with the reference written
inside the opinion 「【第2編第3章 P.45】…」/「P45の…について」 (even seeds);
100-200 rows; a grouped row 「（同趣旨 他N件）」, a campaign of near-duplicates
(answered in full each time or 「番号nと同じ」), a typo pointed out.

Decisions (one truth row each, as staff write 別紙2): comment — a KPI 目標値
raised, a sentence added, a ④ item added, a コラム added, 「検討します」→
「…実施します」; external — a law amended (quoted in 第1編 and 第2編: one row,
both pages), a national plan revised; internal (4 of 5 per seed) — 基準値
updated in every KPI table, a 課 renamed everywhere, a 節 renamed (heading +
体系 line), two ① items swapped, a 節 split (both 節 + their 体系 lines).
Never rows: renumbering, 目次, running header, 公用文 表記 and typos
(子供→子ども, 障害のある→障がいのある, 等→など, 全て→すべて, 様々な→さまざまな,
既に→すでに, 取り組み→取組, 指道→指導, 育生→育成, ２０３０→2030, 「，．」→「、。」).

    plan = generate(4001)
    files = write_plan(plan, Path("out"))  # soan/an .docx/.pdf, bessi1.pdf|docx, expected.json

Seeds: tuning 4001-4003, held-out 4101-4103.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import PAGE_H, PAGE_W, Line, PrintLine, lay_out, text_op, wrap, write_page_ops, write_pdf

BLIND5_TUNING_SEEDS = (4001, 4002, 4003)
BLIND5_SEEDS = (4101, 4102, 4103)
PREFS = ["しおかぜ県", "たかね県", "みのり県", "かすみ県", "ひばり県", "あおば県"]

# ---------------------------------------------------------------- vocabulary
# 節: (title, 現状, 課題, [((n) title, intro, [① items])], [(KPI, unit, base, base_new, target)], 所管)
CHAPTERS = [
    ("確かな学力と豊かな心の育成", [
        ("確かな学力の育成", "すべての子どもたちが基礎的・基本的な知識及び技能を確実に習得できるよう、授業改善を進めてきました",
         "学力調査の結果からは、思考力・判断力・表現力に関する問題に課題が見られます", [
             ("個別最適な学びと協働的な学びの一体的な充実", "1人1台端末を効果的に活用し、子ども一人一人の学習状況に応じた指導を充実します",
              ["1人1台端末を活用した授業改善", "習熟の程度に応じた指導の充実", "探究的な学習の推進"]),
             ("学力調査の結果を生かした指導の改善", "県学力調査と全国学力・学習状況調査の結果を分析し、さまざまな授業改善の取組を支援します",
              ["県学力調査の実施と分析", "授業改善リーダーの育成", "家庭学習の充実に向けた支援"])],
         [("全国学力・学習状況調査で全国平均以上の教科の割合", "％", "50.0", "62.5", "100"),
          ("授業でICTを週3回以上活用している学校の割合", "％", "72.4", "80.1", "100")], "義務教育課"),
        ("豊かな心の育成", "道徳教育や体験活動を通じて、自他の生命を尊重する心を育んできました",
         "自己肯定感が低い傾向や、読書離れが進んでいることが課題となっています", [
             ("道徳教育の充実", "考え、議論する道徳の授業を通じて、子どもたちの豊かな心を育みます",
              ["考え、議論する道徳の推進", "家庭・地域と連携した道徳教育", "自然体験・社会体験活動の充実"]),
             ("読書活動の推進", "学校図書館の機能を高め、子どもたちが本に親しむ環境を整えます",
              ["学校図書館の機能強化", "公立図書館との連携", "読書習慣の定着に向けた取組"])],
         [("自分には良いところがあると思う児童生徒の割合", "％", "79.8", "81.2", "85.0"),
          ("1か月に1冊も本を読まない児童生徒の割合", "％", "8.2", "7.9", "5.0")], "義務教育課"),
        ("健やかな体の育成", "体育の授業の改善や運動習慣づくりに取り組み、子どもたちの体力の向上を図ってきました",
         "体力合計点は全国平均を下回る学年が多く、運動する子どもとしない子どもの二極化が見られます", [
             ("体力の向上", "子どもたちが運動の楽しさを味わい、生涯にわたって運動に親しむ資質を育てます",
              ["体育授業の改善", "運動習慣の定着", "休日の部活動の地域展開"]),
             ("食育と健康教育の推進", "望ましい食習慣や健康に関する正しい知識を身に付けられるよう、健康教育を進めます",
              ["学校給食を活用した食育", "がん教育の推進", "心の健康に関する教育"])],
         [("体力合計点が全国平均以上の学年の割合", "％", "40.0", "43.8", "70.0"),
          ("朝食を毎日食べる児童生徒の割合", "％", "88.5", "87.9", "95.0")], "保健体育課"),
    ]),
    ("誰一人取り残さない教育の推進", [
        ("特別支援教育の充実", "通級による指導を受ける児童生徒や特別支援学級の在籍者は年々増加しています",
         "障がいのある子どもたちの多様な教育的ニーズに応える学びの場の整備が求められています", [
             ("多様な学びの場の整備", "通常の学級、通級による指導、特別支援学級、特別支援学校の連続性のある学びの場を整備します",
              ["通級による指導の充実", "特別支援学級の教育課程の改善", "特別支援学校のセンター的機能の強化"]),
             ("切れ目ない支援体制の構築", "就学前から卒業後までの切れ目ない支援のため、関係機関との連携を進めます",
              ["個別の教育支援計画の活用", "就学前からの相談体制の充実", "卒業後の就労に向けた支援"])],
         [("個別の教育支援計画を作成している学校の割合", "％", "86.0", "90.3", "100"),
          ("特別支援学校高等部卒業生の就職率", "％", "31.5", "32.2", "35.0")], "特別支援教育課"),
        ("不登校・いじめへの対応", "不登校児童生徒数は過去最多を更新し、いじめの認知件数も増加しています",
         "学校内外の多様な学びの場の確保と、いじめの早期発見・早期対応が課題となっています", [
             ("不登校児童生徒への支援", "子どもたちが安心して学べるよう、学校内外の多様な学びの場を確保します",
              ["校内教育支援センターの設置促進", "教育支援センターの機能強化", "フリースクールなどとの連携"]),
             ("いじめの防止と早期対応", "いじめは、どの学校でも、どの子どもにも起こり得るとの認識の下、組織的に対応します",
              ["学校いじめ防止基本方針に基づく組織的対応", "SNSを活用した相談窓口の運営", "重大事態への適切な対処"])],
         [("学校内外の機関等で相談・指導を受けた不登校児童生徒の割合", "％", "61.0", "64.7", "80.0"),
          ("いじめの解消率", "％", "82.3", "83.0", "90.0")], "生徒指導課"),
        ("外国人児童生徒等への教育の充実", "日本語指導が必要な児童生徒は5年間で約1.6倍に増加しています",
         "指導体制の地域差が大きく、高校進学に向けた支援の充実が求められています", [
             ("日本語指導の充実", "日本語指導が必要な児童生徒が、学校生活に必要な日本語を身に付けられるよう支援します",
              ["日本語指導担当教員の配置", "初期指導教室の設置", "母語支援員の派遣"]),
             ("多文化共生の教育", "多様な文化的背景をもつ子どもたちが互いを尊重し合う教育を進めます",
              ["国際理解教育の推進", "保護者への多言語による情報提供", "高校進学に向けたガイダンスの実施"])],
         [("特別の教育課程による日本語指導を受けている児童生徒の割合", "％", "58.0", "61.4", "80.0")], "義務教育課"),
    ]),
    ("学びを支える教育環境の整備", [
        ("教職員の働き方改革と資質向上", "業務の適正化や外部人材の活用により、時間外在校等時間は減少傾向にあります",
         "依然として長時間勤務の教職員が多く、教員採用選考試験の受験者数も減少しています", [
             ("学校における働き方改革の推進", "教職員が子どもたちと向き合う時間を確保できるよう、業務の見直しを進めます",
              ["業務の適正化と外部人材の活用", "校務DXの推進", "勤務時間の客観的な把握"]),
             ("教職員の資質・能力の向上", "キャリアステージに応じた研修を体系的に実施し、教職員の資質・能力を高めます",
              ["キャリアステージに応じた研修の実施", "若手教員の育成支援", "教員養成大学との連携"])],
         [("時間外在校等時間が月45時間以下の教職員の割合", "％", "62.0", "66.5", "100"),
          ("教員採用選考試験の受験倍率", "倍", "2.1", "2.0", "3.0")], "教職員課"),
        ("学校施設とICT環境の整備", "学校施設の多くは建築後30年以上が経過し、老朽化が進んでいます",
         "災害時の避難所としての機能確保や、端末更新を見据えたICT環境の整備が課題です", [
             ("安全・安心な学校施設の整備", "子どもたちが安全・安心に学べるよう、計画的に施設の改修を進めます",
              ["校舎の長寿命化改修", "トイレの洋式化", "体育館への空調設備の設置"]),
             ("ICT環境の充実", "子どもたちがいつでも端末やネットワークを活用できる学習環境を整えます",
              ["1人1台端末の計画的な更新", "高速大容量の校内ネットワークの整備", "情報モラル教育の推進"])],
         [("県立学校体育館の空調設備の設置率", "％", "12.0", "18.5", "60.0"),
          ("校内ネットワークが推奨帯域を満たす学校の割合", "％", "45.0", "52.6", "100")], "教育施設課"),
        ("学校・家庭・地域の連携・協働", "コミュニティ・スクールの導入が進み、地域とともにある学校づくりが広がっています",
         "家庭の教育力の低下が指摘され、地域の担い手の確保も課題となっています", [
             ("コミュニティ・スクールの推進", "学校と地域が目標を共有し、一体となって子どもたちを育てる仕組みを広げます",
              ["学校運営協議会の設置促進", "地域学校協働活動の推進", "地域人材の活用"]),
             ("家庭教育への支援", "保護者が安心して子育てができるよう、家庭教育を社会全体で支えます",
              ["家庭教育支援チームの活動支援", "保護者向け学習機会の提供", "子育てに関する相談体制の充実"])],
         [("学校運営協議会を設置している公立学校の割合", "％", "68.0", "74.2", "100")], "生涯学習課"),
    ]),
]

ITEM_TEMPLATES = [
    "{n}に向けて、市町村教育委員会と連携しながら、子どもたちの実態に応じた取組を進めます。",
    "{n}のため、先進的な事例を県内の学校に広く紹介し、指導の充実を図ります。",
    "{n}について、研修や指導資料の作成などを通じて、学校を支援します。",
    "{n}を推進するため、必要な人員の配置や予算の確保に努めます。",
    "{n}に当たっては、すでに成果を上げている取組を参考にしながら、効果を検証します。",
]
TERMS = [("ICT", "情報通信技術（Information and Communication Technology）の略。"),
         ("GIGAスクール構想", "1人1台端末と高速大容量の通信ネットワークを一体的に整備する国の構想。"),
         ("コミュニティ・スクール", "学校運営協議会を設置した学校のこと。学校と地域住民などが力を合わせて学校運営に取り組む。"),
         ("通級による指導", "通常の学級に在籍する障がいのある児童生徒に対し、障がいに応じた特別の指導を行う指導形態。"),
         ("校内教育支援センター", "学校内の空き教室などを活用し、落ち着いた空間で学習や生活ができる環境。"),
         ("時間外在校等時間", "在校等時間から所定の勤務時間を除いた時間。"),
         ("学校運営協議会", "保護者や地域住民などが学校運営に参画する仕組み。")]

LAWS = [  # (short, full, number, 素案 sentence tail, 案 sentence, places: ("intro", 章, 節, k) or ("society",))
    ("学校教育法", "学校教育法の一部を改正する法律", "令和7年法律第91号",
     "教育課程の編成の弾力化について、国において学校教育法の改正が検討されています。",
     "令和7年12月に学校教育法の一部を改正する法律（令和7年法律第91号）が成立し、教育課程の編成の弾力化が図られることとなりました。",
     (0, 0, 0)),
    ("児童生徒性暴力等の防止等に関する法律", "教育職員等による児童生徒性暴力等の防止等に関する法律の一部を改正する法律", "令和7年法律第93号",
     "教育職員による児童生徒性暴力等の防止に向けて、国において法改正が検討されています。",
     "令和7年12月に教育職員等による児童生徒性暴力等の防止等に関する法律の一部を改正する法律（令和7年法律第93号）が成立し、"
     "採用時の確認の仕組みが強化されました。",
     (2, 0, 1)),
]
NATIONAL = [  # (name, 章, 節, k, 素案 sentence, 案 sentence)
    ("教育DXロードマップ", 2, 1, 1, "国の「教育DXロードマップ」（令和5年9月）を踏まえ、端末とネットワークを一体的に整備します。",
     "国の「教育DXロードマップ」（令和7年12月改定）を踏まえ、次世代の校務支援システムへの移行とあわせて、端末とネットワークを一体的に整備します。"),
    ("生徒指導提要", 1, 1, 1, "国の「生徒指導提要」（令和4年12月改訂）に基づき、組織的な対応を進めます。",
     "国の「生徒指導提要」（令和7年12月改訂）に基づき、不登校の未然防止に向けた発達支持的生徒指導を含め、組織的な対応を進めます。"),
]
SENTENCES = [  # comment-caused sentence added to a (n) intro: (章, 節, k, sentence, key word)
    (0, 1, 0, "また、ヤングケアラーなど家庭に困難を抱える子どもたちに気付き、関係機関につなぐ体制を整えます。", "ヤングケアラー"),
    (1, 2, 1, "あわせて、外国につながる子どもたちの母語や母文化を尊重する視点を大切にします。", "母語や母文化"),
    (2, 2, 0, "また、地域の企業やNPOとの連携による放課後の学習支援を広げます。", "放課後の学習支援"),
]
NEW_ITEMS = [(1, 1, 0, "オンラインを活用した学習支援"), (0, 0, 0, "デジタル教科書の効果的な活用"),
             (2, 0, 0, "教員業務支援員の全校配置")]
COLUMNS = [(0, 2, 0, "部活動の地域展開とは",
            ["休日の部活動を地域のスポーツ・文化芸術団体などに段階的に移行する取組です。",
             "子どもたちが将来にわたって、さまざまなスポーツや文化芸術活動に親しむ機会を確保することを目指しています。"]),
           (1, 0, 1, "インクルーシブ教育システムとは",
            ["障がいのある子どもと障がいのない子どもが、可能な限り共に学ぶ仕組みのことです。",
             "一人一人の教育的ニーズに応じた多様な学びの場を用意することが求められています。"])]
KENTO = [(0, 2, 0, 2, "休日の部活動の地域展開について、市町村の意向を踏まえて検討します。",
          "休日の部活動の地域展開について、令和8年度から市町村と連携して段階的に実施します。"),
         (2, 1, 0, 2, "体育館への空調設備の設置について、避難所機能の確保の観点から検討します。",
          "体育館への空調設備の設置について、避難所機能の確保の観点から令和9年度までに実施します。")]
RENAMES = [(0, 1, "豊かな心と健やかな体の基礎の育成"), (2, 2, "家庭・地域と連携・協働した教育の推進"),
           (1, 0, "特別支援教育の推進")]
ORGS = [("義務教育課", "学校教育課"), ("生涯学習課", "地域学習推進課"), ("教育施設課", "学校施設課")]
EDITORIAL = [("子ども", "子供"), ("障がいのある", "障害のある"), ("など", "等"), ("すべて", "全て"), ("さまざまな", "様々な"),
             ("すでに", "既に"), ("取組", "取り組み"), ("指導", "指道"), ("育成", "育生")]
"""(案, 素案): the 素案 has the right-hand form in one paragraph."""

FW = str.maketrans("0123456789", "０１２３４５６７８９")


# ---------------------------------------------------------------- document model


@dataclass
class Block:
    kind: str  # h (heading), p (paragraph), t (table), col (boxed コラム)
    uid: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    paras: list[str] = field(default_factory=list)


@dataclass
class Plan:
    seed: int
    pref: str
    soan: list[Block]
    an: list[Block]
    comments: list[dict]
    truth: list[dict]  # rows before pages: anchors to locate in the 案 layout
    editorial: list[dict]
    comment_style: str  # "pdf" or "docx"
    soan_pages: dict = field(default_factory=dict)
    an_pages: dict = field(default_factory=dict)


def paren(n: int, odd: bool) -> str:
    return f"（{n}）" if odd else f"({n})"


def circled(n: int) -> str:
    return "①②③④⑤⑥⑦⑧⑨"[n - 1]


def build_soan(rng: random.Random, pref: str, odd: bool) -> list[Block]:
    doc: list[Block] = []
    n = [0]

    def add(kind: str, **kw: object) -> Block:
        n[0] += 1
        b = Block(kind, f"b{n[0]}", **kw)  # type: ignore[arg-type]
        doc.append(b)
        return b

    h = lambda lvl, t, uid=None: add("h", level=lvl, text=t)  # noqa: E731
    p = lambda t: add("p", text=t)  # noqa: E731
    h(1, "第1編　総論")
    h(2, "第1章　計画の策定に当たって")
    h(3, "第1節　計画策定の趣旨")
    p(f"{pref}では、平成23年に{pref}教育振興基本計画を策定し、本県教育の振興に取り組んできました。")
    p("人口減少や急速なデジタル化など、子どもたちを取り巻く環境は大きく変化しています。こうした変化を踏まえ、"
      "今後5年間の本県教育の目指す姿と施策の方向性を示すため、第4期となる本計画を策定します。")
    h(3, "第2節　計画の位置付け")
    p("本計画は、教育基本法第17条第2項に基づき、本県の実情に応じた教育の振興のための施策に関する基本的な計画として"
      "位置付けるものです。")
    p(f"策定に当たっては、国の第4期教育振興基本計画（令和5年6月閣議決定）を参酌するとともに、{pref}総合計画との整合を図っています。")
    h(3, "第3節　計画の期間")
    p("本計画の期間は、令和8年度から令和12年度までの5年間とします。")
    h(2, "第2章　本県教育を取り巻く現状と課題")
    h(3, "第1節　社会の変化")
    p("本県の年少人口は減少を続けており、2030年には約12万人になると見込まれています。")
    p("図表1-1　年少人口の推移")
    add("t", rows=[["年", "2015年", "2020年", "2025年", "2030年（推計）"], ["年少人口（千人）", "151", "142", "131", "120"]])
    p("資料：総務省「国勢調査」、県統計課推計")
    p("生成AIをはじめとするデジタル技術の進展により、学びの在り方も大きく変わりつつあります。子どもたちには、"
      "情報を主体的に活用する力が一層求められます。")
    p("また、" + LAWS[0][3])  # law place 1 (may be replaced by the chosen law)
    h(3, "第2節　本県の子どもたちの現状")
    p("全国学力・学習状況調査の結果では、小学校は全国平均と同程度ですが、中学校の数学は全国平均を下回っています。")
    p("図表1-2　全国学力・学習状況調査の平均正答率（令和6年度）")
    add("t", rows=[["区分", "国語", "算数・数学"], ["小学校（県）", "67.1", "63.0"], ["中学校（県）", "58.2", "49.8"]])
    p("不登校児童生徒数は増加を続け、令和5年度は小・中学校で3,412人となりました。")
    p("図表1-3　不登校児童生徒数の推移")
    add("t", rows=[["年度", "令和元年度", "令和3年度", "令和5年度"], ["小学校（人）", "812", "1,203", "1,498"],
                   ["中学校（人）", "1,540", "1,811", "1,914"]])
    h(2, "第3章　第3期計画の成果と課題")
    h(3, "第1節　成果指標の達成状況")
    p("第3期計画で設定した成果指標の達成状況は、次のとおりです。評価は、A（目標達成）、B（改善）、C（横ばい・悪化）の3段階としています。")
    p("図表1-4　第3期計画の成果指標の達成状況")
    prev = [[name, f"{float(base) + 5 if unit == '％' else float(base) + 0.5:.1f}{unit}", f"{base}{unit}",
             rng.choice(["A", "B", "B", "C"])]
            for _, ss in CHAPTERS for x in ss for name, unit, base, _, _ in x[4][:1]]
    add("t", rows=[["指標", "目標値（令和5年度）", "実績値（令和5年度）", "評価"]] + prev)
    h(3, "第2節　主な成果と課題")
    p("ICT環境の整備や特別支援教育の充実については、おおむね計画どおりに進みました。")
    p("一方で、不登校児童生徒の増加や教職員の長時間勤務など、第3期計画の期間中に顕在化した課題もあり、第4期計画では、"
      "これらの課題に重点的に取り組む必要があります。")
    h(1, "第2編　施策の展開")
    fig: dict[int, int] = {}
    h(2, "第1章　基本理念と施策の体系")
    h(3, "第1節　基本理念")
    p(f"本計画では、「ふるさとに誇りをもち、未来を切り拓く人づくり」を基本理念とし、すべての子どもたちの可能性を引き出す教育を進めます。")
    h(3, "第2節　施策の体系")
    p("基本理念の実現に向けて、三つの柱の下に施策を体系化し、次のとおり推進します。")
    add("t", rows=[["章", "節", "主な取組"]], text="taikei")
    for ci, (ctitle, setsus) in enumerate(CHAPTERS):
        h(2, f"第{ci + 2}章　{ctitle}")
        for si, (stitle, genjo, kadai, tori, kpis, org) in enumerate(setsus):
            sid = f"s{ci}{si}"
            h(3, f"第{si + 1}節　{stitle}").text  # noqa: B018
            doc[-1].uid = sid
            h(4, "1　現状と課題")
            p(f"本県では、{genjo}。")
            doc[-1].uid = sid + "g"
            p(f"一方で、{kadai}。子どもたちの実態を丁寧に把握し、さまざまな関係者と連携して取組を進めることが必要です。")
            doc[-1].uid = sid + "k"
            name, unit, base = kpis[0][0], kpis[0][1], float(kpis[0][2])
            step = 0.1 if unit == "倍" else 1.5
            fig[ci] = fig.get(ci, 0) + 1
            p(f"図表2-{ci + 1}-{fig[ci]}　{name}の推移")
            add("t", rows=[["年度", "令和3年度", "令和4年度", "令和5年度"],
                           [f"（単位：{unit}）", f"{base - 2 * step:.1f}", f"{base - step:.1f}", f"{base:.1f}"]])
            p("資料：県教育委員会調べ")
            h(4, "2　主な取組")
            for k, (ttitle, intro, items) in enumerate(tori):
                h(5, f"{paren(k + 1, odd)}　{ttitle}")
                p(intro + "。")
                doc[-1].uid = f"{sid}i{k}"
                for j, it in enumerate(items):
                    p(f"{circled(j + 1)}　{it}：" + rng.choice(ITEM_TEMPLATES).format(n=it))
                    doc[-1].uid = f"{sid}i{k}_{j}"
            h(4, "3　成果指標")
            add("t", rows=[["KPI", "基準値（年度）", "目標値（年度）", "所管"]] +
                [[name, f"{base}{unit}（令和5年度）", f"{tgt}{unit}（令和12年度）", org] for name, unit, base, _, tgt in kpis])
            doc[-1].uid = sid + "kpi"
    h(1, "第3編　計画の推進")
    h(2, "第1章　計画の推進体制")
    h(3, "第1節　関係機関との連携")
    p("本計画の推進に当たっては、教育委員会事務局の各課が連携し、知事部局、市町村教育委員会、大学、企業などと協働して取り組みます。")
    orgs = sorted({s[5] for _, ss in CHAPTERS for s in ss})
    p("特に、" + "、".join(orgs) + "が中心となり、施策の進捗を共有します。")
    doc[-1].uid = "orgs"
    h(3, "第2節　計画の進行管理")
    p("成果指標の達成状況を毎年度把握し、教育委員会の点検・評価を通じて施策の改善につなげます。")
    p("点検・評価の結果は、ホームページなどで県民の皆様に公表します。")
    h(3, "第3節　計画の策定経過")
    add("t", rows=[["年月", "内容"], ["令和7年5月", "教育振興基本計画策定委員会（第1回）"],
                   ["令和7年8月", "教育振興基本計画策定委員会（第2回）"], ["令和7年11月", "素案の公表"],
                   ["令和7年12月～令和8年1月", "パブリック・コメントの実施"]])
    h(1, "用語解説")
    for t, d in TERMS:
        p(f"{t}：{d}")
    return doc


def fill_taikei(doc: list[Block]) -> None:
    """The 施策の体系 table from the 第2編 headings (so it follows every rename and split)."""
    taikei = next(b for b in doc if b.kind == "t" and b.text == "taikei")
    rows = [taikei.rows[0]]
    chap, setsu, tori = "", "", list[str]()
    in2 = False

    def flush() -> None:
        if setsu:
            rows.append([chap, setsu, "／".join(tori)])

    for b in doc:
        if b.kind != "h":
            continue
        if b.level == 1:
            in2 = b.text.startswith("第2編")
            continue
        if not in2:
            continue
        if b.level == 2:
            flush()
            chap, setsu, tori = b.text.split("　", 1)[1], "", []
            if chap.startswith("基本理念"):
                chap = ""
        elif b.level == 3 and chap:
            flush()
            setsu, tori = b.text.split("　", 1)[1], []
        elif b.level == 5 and chap:
            tori.append(b.text.split("　", 1)[1])
    flush()
    taikei.rows = rows


def find(doc: list[Block], uid: str) -> Block:
    return next(b for b in doc if b.uid == uid)


def index(doc: list[Block], uid: str) -> int:
    return next(i for i, b in enumerate(doc) if b.uid == uid)


def path_of(doc: list[Block], uid: str) -> list[str]:
    stack: list[Block] = []
    for b in doc:
        if b.kind == "h":
            stack = [x for x in stack if x.level < b.level] + [b]
        if b.uid == uid:
            return [x.text for x in stack]
    raise KeyError(uid)


# ---------------------------------------------------------------- decisions


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    odd = seed % 2 == 1
    pref = PREFS[seed % len(PREFS)]
    soan = build_soan(rng, pref, odd)
    fill_taikei(soan)
    an = copy.deepcopy(soan)
    truth: list[dict] = []
    touched: set[str] = set()
    sid = lambda c, s: f"s{c}{s}"  # noqa: E731

    def row(item: str, cause: str, anchors: list[tuple], must: list[str], comments: int = 0, kind: str = "modified") -> dict:
        r = {"id": f"R{len(truth) + 1}", "item": item, "anchors": anchors, "must_mention": must,
             "cause": {"type": cause, "comment_ids": []}, "kind": kind, "n_comments": comments}
        truth.append(r)
        return r

    def edit_para(uid: str, new: str, at: str) -> tuple:
        b = find(an, uid)
        b.text = new
        touched.add(uid)
        return ("p", uid, new.index(at), new.index(at) + len(at))

    # internal: a 節 split (on some seeds) — 第2編第3章第2節 into 不登校 / いじめ
    internal = rng.sample(["kpi_base", "org", "rename", "swap", "split"], 4)
    ext_law = LAWS[rng.randrange(len(LAWS))]
    nat = NATIONAL[rng.randrange(len(NATIONAL))]
    if "split" in internal and nat[0] == "生徒指導提要":
        nat = NATIONAL[0]
    # ---- comment-caused
    kpi_choices = [(c, s, k) for c, (_, ss) in enumerate(CHAPTERS) for s, x in enumerate(ss) for k, kp in enumerate(x[4])
                   if kp[4] != "100" and not (kp[0].endswith("読まない児童生徒の割合"))]
    c, s, k = rng.choice(kpi_choices)
    name, unit, base, _, tgt = CHAPTERS[c][1][s][4][k]
    new_tgt = f"{float(tgt) + rng.choice([3.0, 5.0]):.1f}" if unit == "％" else f"{float(tgt) + 0.5:.1f}"
    t = find(an, sid(c, s) + "kpi")
    t.rows[k + 1][2] = f"{new_tgt}{unit}（令和12年度）"
    row(f"{name}の目標値", "comment", [("r", sid(c, s) + "kpi", k + 1)], [f"{tgt}{unit}", f"{new_tgt}{unit}"], 2)
    kpi_raised = (c, s, k, name, tgt, new_tgt, unit, len(truth) - 1)

    sc, ss_, sk, sentence, word = rng.choice(SENTENCES)
    u = f"{sid(sc, ss_)}i{sk}"
    b = find(an, u)
    row(CHAPTERS[sc][1][ss_][3][sk][0], "comment", [edit_para(u, b.text + sentence, sentence)], [word], 1)
    sentence_added = (sc, ss_, sk, word, len(truth) - 1)

    ic, is_, ik, item = rng.choice(NEW_ITEMS)
    u = f"{sid(ic, is_)}i{ik}"
    last = f"{u}_2"
    pos = index(an, last) + 1
    new_b = Block("p", u + "_new", text=f"④　{item}：{item}に向けて、モデル校での実践を踏まえ、県内全域に広げます。")
    an.insert(pos, new_b)
    row(CHAPTERS[ic][1][is_][3][ik][0], "comment", [("p", new_b.uid, 0, len(new_b.text))], [item], 0, kind="added")
    item_added = (ic, is_, ik, item, len(truth) - 1)

    cc, cs, ck, ctitle, cparas = rng.choice(COLUMNS)
    u = f"{sid(cc, cs)}i{ck}_2"
    pos = index(an, u) + 1
    if an[pos].uid.endswith("_new"):
        pos += 1
    col = Block("col", "column", text=f"コラム　{ctitle}", paras=cparas)
    an.insert(pos, col)
    row(f"コラム「{ctitle}」", "comment", [("c", "column", 0)], [ctitle], 0, kind="added")
    column_added = (cc, cs, ck, ctitle, len(truth) - 1)

    kc, ks, kk, kj, kold, knew = rng.choice(KENTO)
    u = f"{sid(kc, ks)}i{kk}_{kj}"
    b = find(an, u)
    sb = find(soan, u)
    head = sb.text.split("：", 1)[0]
    sb.text = f"{head}：{kold}"
    edit_para(u, f"{head}：{knew}", knew.split("、", 1)[1])
    when = "令和8年度" if "令和8年度" in knew else "令和9年度"
    row(CHAPTERS[kc][1][ks][3][kk][0], "comment", [("p", u, len(head) + 1 + knew.index("、") + 1, len(b.text))],
        ["実施", when], 1)
    kento = (kc, ks, kk, kj, kold, len(truth) - 1)

    # ---- external: a law (two places) and a national plan
    lshort, lfull, lnum, lold, lnew, (lc, ls, lk) = ext_law
    soc = next(b.uid for b in soan if b.kind == "p" and b.text.startswith("また、") and "検討されています" in b.text)
    find(soan, soc).text = "また、" + lold
    a1 = edit_para(soc, "また、" + lnew, lnew)
    u = f"{sid(lc, ls)}i{lk}"
    sb, b = find(soan, u), find(an, u)
    sb.text = sb.text + lold
    a2 = edit_para(u, b.text + lnew, lnew)
    row(f"{lshort}の改正", "external", [a1, a2], [lnum.replace("令和7年", ""), lshort])
    nname, nc, ns, nk, nold, nnew = nat
    u = f"{sid(nc, ns)}i{nk}"
    sb, b = find(soan, u), find(an, u)
    sb.text = sb.text + nold
    row(f"国の「{nname}」の改定", "external", [edit_para(u, b.text + nnew, nnew[nnew.index("（"):])],
        [nname, "令和7年12月"])

    # ---- internal
    if "kpi_base" in internal:
        anchors: list[tuple] = []
        for ci, (_, ss) in enumerate(CHAPTERS):
            for si, x in enumerate(ss):
                t = find(an, sid(ci, si) + "kpi")
                for ri, (kname, unit, base, base_new, _) in enumerate(x[4]):
                    t.rows[ri + 1][1] = f"{base_new}{unit}（令和6年度）"
                    anchors.append(("r", t.uid, ri + 1))
        row("成果指標の基準値", "internal", anchors, ["基準値", "令和6年度"])
    if "org" in internal:
        old, new = rng.choice(ORGS)
        anchors = []
        for t in an:
            if t.kind == "t" and t.uid.endswith("kpi"):
                for ri, r in enumerate(t.rows[1:], 1):
                    if r[3] == old:
                        r[3] = new
                        anchors.append(("r", t.uid, ri))
        b = find(an, "orgs")
        pos = b.text.index(old)
        b.text = b.text.replace(old, new)
        touched.add("orgs")
        anchors.append(("p", "orgs", pos, pos + len(new)))
        row(f"所管課の名称（{old}→{new}）", "internal", anchors, [old, new])
    renamed = None
    if "rename" in internal:
        cands = [r for r in RENAMES if not ("split" in internal and r[:2] == (1, 1))]
        rc, rs, rtitle = rng.choice(cands)
        h = find(an, sid(rc, rs))
        old_title = h.text.split("　", 1)[1]
        h.text = f"第{rs + 1}節　{rtitle}"
        row(f"第2編第{rc + 2}章第{rs + 1}節の名称", "internal", [("h", h.uid), ("taikei", rtitle)], [rtitle])
        renamed = (rc, rs, old_title, rtitle)
    if "swap" in internal:
        swaps = [(c, s, k) for c in range(3) for s in range(len(CHAPTERS[c][1])) for k in range(2)
                 if (c, s, k) not in {kento[:3], item_added[:3], column_added[:3]}]
        c, s, k = rng.choice(swaps)
        u = f"{sid(c, s)}i{k}"
        i0, i1 = index(an, u + "_0"), index(an, u + "_1")
        b0, b1 = an[i0], an[i1]
        an[i0], an[i1] = b1, b0
        t0, t1 = b0.text.split("　", 1)[1], b1.text.split("　", 1)[1]
        b1.text, b0.text = "①　" + t1, "②　" + t0
        touched |= {b0.uid, b1.uid}
        n0, n1 = t0.split("：")[0], t1.split("：")[0]
        row(CHAPTERS[c][1][s][3][k][0], "internal", [("p", b1.uid, 0, len(b1.text)), ("p", b0.uid, 0, len(b0.text))],
            [n0, n1])
    split = None
    if "split" in internal:
        c, s = 1, 1
        h = find(an, sid(c, s))
        t1, t2 = "不登校児童生徒への支援", "いじめの防止と早期対応"
        h.text = f"第2節　{t1}"
        # the いじめ part: (2) with its items, the second KPI, and the second half of 現状と課題
        start = index(an, f"{sid(c, s)}i1") - 1  # the (2) heading
        end = index(an, f"{sid(c, s)}i1_2") + 1
        part = an[start:end]
        del an[start:end]
        part[0].text = f"{paren(1, odd)}　{t2}"
        kpi = find(an, sid(c, s) + "kpi")
        kpi_row = kpi.rows.pop(2)
        g = find(an, sid(c, s) + "g")
        find(an, sid(c, s) + "k").text = ("一方で、学校内外の多様な学びの場の確保が課題となっています。子どもたちの実態を丁寧に把握し、"
                                          "さまざまな関係者と連携して取組を進めることが必要です。")
        g.text = "本県では、不登校児童生徒数が過去最多を更新しています。"
        touched |= {g.uid, sid(c, s) + "k"}
        new_sec = [Block("h", "split", level=3, text=f"第3節　{t2}"), Block("h", "split1", level=4, text="1　現状と課題"),
                   Block("p", "split_g", text="本県では、いじめの認知件数が増加しています。"),
                   Block("p", "split_k", text="いじめの早期発見・早期対応が課題となっています。"),
                   Block("h", "split2", level=4, text="2　主な取組"), *part,
                   Block("h", "split3", level=4, text="3　成果指標"),
                   Block("t", "split_kpi", rows=[kpi.rows[0], kpi_row])]
        pos = index(an, sid(c, s) + "kpi") + 1
        an[pos:pos] = new_sec
        for b in an[pos + len(new_sec):]:  # renumber the following 節 of the chapter (a consequence)
            if b.kind == "h" and b.level <= 2:
                break
            if b.kind == "h" and b.level == 3:
                num = int(b.text[1:b.text.index("節")]) + 1
                b.text = f"第{num}節　" + b.text.split("　", 1)[1]
        cut = [("p", x.uid, 0, len(x.text)) for x in (g, find(an, sid(c, s) + "k"))] + [("r", kpi.uid, 0)]
        row("第2編第3章第2節の分割", "internal",  # both headings, the rewritten 現状と課題, the KPI table cut, 体系 lines
            [("h", h.uid), ("h", "split"), *cut, ("taikei", t1), ("taikei", t2)], [t1, t2])
        split = (t1, t2)
        for tr in truth:  # a KPI row that moved with the split is cited where it now is
            tr["anchors"] = [("r", "split_kpi", 1) if a == ("r", sid(c, s) + "kpi", 2) else a for a in tr["anchors"]]
    fill_taikei(an)
    # ---- editorial edits (素案 gets the old form in paragraphs no decision touched)
    editorial: list[dict] = []
    pairs = rng.sample(EDITORIAL, 6)
    paras = [b for b in an if b.kind == "p" and b.uid not in touched and not b.uid.endswith("_new")
             and not b.uid.startswith("split") and b.uid.startswith("s")]
    rng.shuffle(paras)
    used: set[str] = set()
    for new_w, old_w in pairs:
        hit = next((x for x in paras if new_w in x.text and x.uid not in used), None)
        if hit is None:
            continue
        used.add(hit.uid)
        sb = find(soan, hit.uid)
        i = sb.text.index(new_w)
        sb.text = sb.text[:i] + old_w + sb.text[i + len(new_w):]
        editorial.append({"section_path": path_of(an, hit.uid), "before": sb.text, "after": hit.text,
                          "core_before": old_w, "core_after": new_w})
    # full-width digits and 「，．」 in 第1編
    b = next(x for x in an if x.kind == "p" and "2030年" in x.text)
    find(soan, b.uid).text = b.text.replace("2030", "２０３０")
    editorial.append({"section_path": path_of(an, b.uid), "before": find(soan, b.uid).text, "after": b.text,
                      "core_before": "２０３０", "core_after": "2030"})
    b = next(x for x in an if x.kind == "p" and x.text.startswith("人口減少"))
    find(soan, b.uid).text = b.text.replace("、", "，").replace("。", "．")
    editorial.append({"section_path": path_of(an, b.uid), "before": find(soan, b.uid).text, "after": b.text,
                      "core_before": "，．", "core_after": "、。"})
    typo = next((e for e in editorial if e["core_before"] in ("指道", "育生")), None)
    plan = Plan(seed, pref, soan, an, [], truth, editorial, "pdf" if odd else "docx")
    plan.soan_pages = layout(plan, "素案")[1]
    plan.an_pages = layout(plan, "案")[1]
    plan.comments = make_comments(rng, plan, dict(kpi=kpi_raised, sentence=sentence_added, item=item_added,
                                                  column=column_added, kento=kento, typo=typo, renamed=renamed,
                                                  split=split))
    return plan


# ---------------------------------------------------------------- layout (PDF and pages)

H_SIZE = {1: 16, 2: 14, 3: 12.5, 4: 11.5, 5: 11}


def doc_of(plan: Plan, version: str) -> list[Block]:
    return plan.soan if version == "素案" else plan.an


def print_lines(doc: list[Block]) -> list[PrintLine]:
    out: list[PrintLine] = []
    for b in doc:
        if b.kind == "h":
            out.append(PrintLine(b.text, H_SIZE[b.level], ("h", b.uid), new_page=b.level <= 2 or b.text == "用語解説"))
        elif b.kind == "p":
            out += [PrintLine(s, key=("p", b.uid, off)) for off, s in wrap(b.text)]
        elif b.kind == "t":
            for i, r in enumerate(b.rows):
                for j, (_, s) in enumerate(wrap("　".join(c for c in r if c))):
                    out.append(PrintLine(s, 10, ("r", b.uid, i) if j == 0 else ()))
        elif b.kind == "col":
            out.append(PrintLine("┌" + "─" * 30 + "┐", 10))
            out.append(PrintLine(b.text, 11, ("c", b.uid, 0)))
            for k, para in enumerate(b.paras):
                out += [PrintLine(s, 10, ("c", b.uid, k + 1)) for off, s in wrap(para, 38)]
            out.append(PrintLine("└" + "─" * 30 + "┘", 10))
    return out


def toc_entries(doc: list[Block]) -> list[Block]:
    return [b for b in doc if b.kind == "h" and b.level <= 3]


def layout(plan: Plan, version: str) -> tuple[list[list[Line]], dict[tuple, int]]:
    """The PDF pages of a version (cover, 目次 with page numbers, body) and the printed page of every key."""
    doc = doc_of(plan, version)
    title = f"{plan.pref}教育振興基本計画"
    body = print_lines(doc)
    entries = toc_entries(doc)

    def toc(pages: dict[tuple, int]) -> list[PrintLine]:
        lines = [PrintLine("目次", 14, ("toc",))]
        for b in entries:
            indent = "　" * (b.level - 1)
            lines.append(PrintLine(f"{indent}{b.text}…{pages.get(('h', b.uid), 0)}", 10))
        return lines

    _, where = lay_out(toc({}) + body, title)
    pages, where = lay_out(toc(where) + body, title)
    pages[0] += [Line(70, 560, 14, f"（{version}）"), Line(70, 300, 12, "令和7年11月" if version == "素案" else "令和8年2月"),
                 Line(70, 280, 12, f"{plan.pref}教育委員会")]
    for pg in pages[1:]:
        pg.append(Line(300, 812, 8, f"{title}（{version}）"))
    return pages, where


def pages_of(where: dict[tuple, int], doc: list[Block], anchor: tuple) -> set[int]:
    """The printed pages an edit lands on: a heading's or a table row's page, every page of a コラム box,
    every page of the lines holding characters [pos, end) of a paragraph."""
    kind = anchor[0]
    if kind == "h":
        return {where[("h", anchor[1])]}
    if kind == "r":
        return {where[("r", anchor[1], anchor[2])]}
    if kind == "c":
        return {v for k, v in where.items() if k[:2] == ("c", anchor[1])}
    if kind == "taikei":
        t = next(b for b in doc if b.kind == "t" and b.text == "taikei")
        i = next(i for i, r in enumerate(t.rows) if r[1] == anchor[1])
        return {where[("r", t.uid, i)]}
    uid, pos, end = anchor[1], anchor[2], anchor[3]
    offs = sorted(k[2] for k in where if k[0] == "p" and k[1] == uid)
    first = max(o for o in offs if o <= pos)
    return {where[("p", uid, o)] for o in offs if first <= o < max(end, pos + 1)}


def anchor_uid(doc: list[Block], anchor: tuple) -> str:
    if anchor[0] == "taikei":
        return next(b.uid for b in doc if b.kind == "t" and b.text == "taikei")
    return anchor[1]


# ---------------------------------------------------------------- comments (別紙1)

FILLER = [  # (章, 節, opinion, answer)
    ("学力向上のために、少人数学級を全学年で実施してほしい。", "学級編制は国の標準に基づいており、今後の国の動向を注視してまいります。", None),
    ("タブレットの使い過ぎによる視力低下が心配である。", "健康面への配慮については、既に記載しております。今後の参考とさせていただきます。", None),
    ("道徳の教科書の内容をもっと地域に即したものにしてほしい。", "今後の参考とさせていただきます。", (0, 1)),
    ("図書館司書をすべての学校に配置してほしい。", "学校図書館の機能強化の中で検討してまいります。原案のとおりとします。", (0, 1)),
    ("部活動の指導者の確保が難しいので、県が人材を紹介してほしい。", "今後の参考とさせていただきます。", (0, 2)),
    ("特別支援学級の教員の専門性を高める研修を充実してほしい。", "研修の充実については、既に記載しております。", (1, 0)),
    ("不登校の子どもの居場所として、民間施設への支援を充実してほしい。", "フリースクールなどとの連携については、既に記載しております。", (1, 1)),
    ("いじめの相談窓口を子どもたちにもっと周知してほしい。", "今後の参考とさせていただきます。", (1, 1)),
    ("日本語指導の教員を増やしてほしい。", "国の加配制度を活用し、配置に努めてまいります。原案のとおりとします。", (1, 2)),
    ("教員の残業を減らすため、部活動の顧問を希望制にしてほしい。", "働き方改革の取組の中で、今後の参考とさせていただきます。", (2, 0)),
    ("教員採用試験の年齢制限を撤廃してほしい。", "ご意見として承ります。原案のとおりとします。", (2, 0)),
    ("トイレの洋式化を早く進めてほしい。", "計画的に整備を進めることとしており、原案のとおりとします。", (2, 1)),
    ("学校運営協議会の委員に若い世代を加えてほしい。", "今後の参考とさせていただきます。", (2, 2)),
    ("家庭教育の支援について、父親向けの講座を増やしてほしい。", "今後の参考とさせていただきます。", (2, 2)),
    ("計画の進捗状況をわかりやすく公表してほしい。", "点検・評価の結果は公表することとしており、既に記載しております。", None),
    ("成果指標が数値ばかりで、子どもの実感が反映されていない。", "今後の指標設定の参考とさせていただきます。", None),
]


def make_comments(rng: random.Random, plan: Plan, d: dict) -> list[dict]:
    """別紙1 rows: {no, ref, opinion, answer, reflected, decision (truth row index or None)}."""
    sp = plan.soan_pages
    rows: list[dict] = []
    in_cell = plan.comment_style == "docx"

    def pg(uid: str) -> int:
        return sp[("h", uid)]

    def add(c: int | None, s: int | None, opinion: str, answer: str, reflected: bool, decision: int | None,
            page: int | None = None) -> None:
        if c is None or s is None:
            ref, op = ("" if in_cell else "全体"), opinion
        else:
            page = page or pg(f"s{c}{s}")
            if in_cell:
                ref = ""
                op = (f"【第2編第{c + 2}章 P.{page}】{opinion}" if rng.random() < 0.5
                      else f"P{page}の「{CHAPTERS[c][1][s][0]}」について、{opinion}")
            else:
                op = opinion
                ref = rng.choice([f"第2編第{c + 2}章第{s + 1}節（P.{page}）", f"P.{page}",
                                  f"第2編第{c + 2}章第{s + 1}節 {CHAPTERS[c][1][s][0]}"])
        rows.append({"ref": ref, "opinion": op, "answer": answer, "reflected": reflected, "decision": decision})

    # comment-caused decisions
    c, s, k, name, tgt, new_tgt, unit, i = d["kpi"]
    add(c, s, f"「{name}」の目標値{tgt}{unit}は低すぎる。より高い目標を掲げるべきである。",
        f"ご意見を踏まえ、目標値を{new_tgt}{unit}に引き上げます。", True, i, sp[("r", f"s{c}{s}kpi", k + 1)])
    add(c, s, f"{name}について、目標をもっと意欲的な水準にしてほしい。（同趣旨 他{rng.randint(2, 6)}件）",
        "ご意見の趣旨を踏まえ、目標値を見直し、修正します。", True, i)
    c, s, k, word, i = d["sentence"]
    add(c, s, f"{word}の視点が計画に欠けている。取組の中に明記してほしい。",
        f"ご意見を踏まえ、{word}に関する記述を追記いたします。", True, i)
    c, s, k, item, camp_i = d["item"]
    c2, s2, k2, ctitle, col_i = d["column"]
    c3, s3, k3, j3, kold, kento_i = d["kento"]
    add(c3, s3, f"「{kold.rstrip('。')}」とあるが、検討ではなく実施時期を明らかにしてほしい。",
        "ご意見を踏まえ、実施時期を明記し、「実施します」に修正します。", True, kento_i)
    # the campaign: near-duplicates asking for the new ① item (or the コラム)
    camp_target, camp_text, camp_answer = (
        ((camp_i, (c, s)), f"{item}を取組に加えてほしい。", f"ご意見を踏まえ、④として「{item}」を追記いたします。")
        if rng.random() < 0.5 else
        ((col_i, (c2, s2)), f"{ctitle.replace('とは', '')}について、保護者にもわかるよう説明を加えてほしい。",
         f"ご意見を踏まえ、コラム「{ctitle}」を掲載いたします。"))
    other = col_i if camp_target[0] == camp_i else camp_i
    if other == col_i:
        add(c2, s2, f"{ctitle.replace('とは', '')}の意味がわかりにくい。解説を載せてほしい。",
            f"ご意見を踏まえ、コラムとして「{ctitle}」を追加いたします。", True, col_i)
    else:
        add(c, s, f"{item}についても記載してほしい。", f"ご意見を踏まえ、「{item}」を追記いたします。", True, camp_i)
    n_camp = rng.randint(6, 12)
    prefixes = ["", "私は保護者です。", "教員として働いています。", "子どもが小学生です。", ""]
    suffixes = ["", "よろしくお願いします。", "ぜひ検討してください。", "強く要望します。"]
    first_no = None
    for j in range(n_camp):
        op = rng.choice(prefixes) + camp_text + rng.choice(suffixes)
        if first_no is None or plan.seed % 4 in (1, 2):
            ans = camp_answer
        else:
            ans = f"番号{first_no}の考え方のとおりです。"
        add(*camp_target[1], op, ans, True, camp_target[0])
        if first_no is None:
            first_no = len(rows)
    # a typo pointed out (editorial: reflected, no row)
    if d["typo"] is not None:
        e = d["typo"]
        sec = e["section_path"][2]
        c, s = next((ci, si) for ci, (_, ss) in enumerate(CHAPTERS) for si, x in enumerate(ss) if x[0] in sec) \
            if any(x[0] in sec for _, ss in CHAPTERS for x in ss) else (None, None)
        add(c, s, f"「{e['core_before']}」は「{e['core_after']}」の誤りではないか。", "ご指摘のとおり修正します。", True, None)
    # an unreflected campaign (少人数学級)
    for j in range(rng.randint(5, 9)):
        add(None, None, rng.choice(prefixes) + "35人学級を中学校にも拡大してほしい。" + rng.choice(suffixes),
            "学級編制については国の動向を注視してまいります。原案のとおりとします。", False, None)
    # fillers up to 100-200 rows
    target = rng.randint(110, 170)
    while len(rows) < target:
        op, ans, where = rng.choice(FILLER)
        if where is None:
            add(None, None, op, ans, False, None)
        else:
            add(where[0], where[1], op, ans, False, None)
    head = rows[:8]
    rest = rows[8:]
    rng.shuffle(rest)
    rows = head[:1] + rest[: len(rest) // 2] + head[1:] + rest[len(rest) // 2:]
    # keep the campaign's "番号n" pointer right after shuffling: point to the first row with the full answer
    first = next((n for n, r in enumerate(rows, 1) if r["answer"] == camp_answer), None)
    for r in rows:
        if r["answer"].startswith("番号") and first is not None:
            r["answer"] = f"番号{first}の考え方のとおりです。"
    for n, r in enumerate(rows, 1):
        r["no"] = n
    return rows


# ---------------------------------------------------------------- files


def write_docx_plan(plan: Plan, version: str, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    title = f"{plan.pref}教育振興基本計画"
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(f"（{version}）")
    doc.add_paragraph("令和7年11月" if version == "素案" else "令和8年2月")
    doc.add_paragraph(f"{plan.pref}教育委員会").add_run().add_break(WD_BREAK.PAGE)
    pages, where = layout(plan, version)
    blocks = doc_of(plan, version)
    doc.add_paragraph("目次")
    for b in toc_entries(blocks):
        doc.add_paragraph(f"{'　' * (b.level - 1)}{b.text}…{where.get(('h', b.uid), 0)}")
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for b in blocks:
        if b.kind == "h":
            doc.add_heading(b.text, level=b.level if b.text != "用語解説" else 1)
        elif b.kind == "p":
            doc.add_paragraph(b.text)
        elif b.kind == "t":
            t = doc.add_table(rows=len(b.rows), cols=max(len(r) for r in b.rows))
            t.style = "Table Grid"
            for i, r in enumerate(b.rows):
                for j, cell in enumerate(r):
                    t.cell(i, j).text = cell
        elif b.kind == "col":
            t = doc.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            cell = t.cell(0, 0)
            cell.paragraphs[0].text = b.text
            for para in b.paras:
                cell.add_paragraph(para)
    doc.save(str(path))


def write_plan_pdf(plan: Plan, version: str, path: Path) -> None:
    write_pdf(layout(plan, version)[0], path)


COLS = [("番号", 36), ("該当箇所", 96), ("意見の概要", 200), ("県の考え方", 180)]


def write_comments_pdf(plan: Plan, path: Path) -> None:
    """別紙1 as a ruled table (A4 portrait, header repeated on every page)."""
    size = 8.5
    x0 = 42

    def cell_lines(text: str, width: float) -> list[str]:
        per = max(1, int((width - 6) // size))
        return [s for _, s in wrap(text, per)]

    pages: list[tuple[list[Line], list[tuple[float, float, float, float]]]] = []
    texts: list[Line] = []
    rects: list[tuple[float, float, float, float]] = []
    y: float = PAGE_H - 60

    def header() -> None:
        nonlocal y
        x = x0
        for name, w in COLS:
            rects.append((x, y - 16, w, 16))
            texts.append(Line(x + 3, y - 12, size, name))
            x += w
        y -= 16

    texts.append(Line(x0, y, 11, f"{plan.pref}教育振興基本計画（素案）に対する意見募集の結果について"))
    texts.append(Line(PAGE_W - 90, y + 20, 10, "別紙1"))
    y -= 24
    header()
    for r in plan.comments:
        cells = [str(r["no"]), r["ref"], r["opinion"], r["answer"]]
        ls = [cell_lines(c, w) for c, (_, w) in zip(cells, COLS)]
        h = max(len(x) for x in ls) * (size + 3) + 6
        if y - h < 50:
            pages.append((texts, rects))
            texts, rects, y = [], [], PAGE_H - 60
            header()
        x = x0
        for lines, (_, w) in zip(ls, COLS):
            rects.append((x, y - h, w, h))
            for i, s in enumerate(lines):
                texts.append(Line(x + 3, y - 3 - (i + 1) * (size + 3) + 3, size, s))
            x += w
        y -= h
    pages.append((texts, rects))
    for n, (t, _) in enumerate(pages, 1):
        t.append(Line(PAGE_W / 2 - 10, 25, 8, f"{n}"))
    write_ruled_pdf(pages, path)


def write_ruled_pdf(pages: list[tuple[list[Line], list[tuple[float, float, float, float]]]], path: Path) -> None:
    """plan_pdf's PDF with stroked rectangles (table rules) on each page."""
    write_page_ops([["0.5 w"] + [f"{x:.1f} {y:.1f} {w:.1f} {h:.1f} re S" for x, y, w, h in rects]
                    + [text_op(ln.x, ln.y, ln.size, ln.text) for ln in lines] for lines, rects in pages], path)


def write_comments_docx(plan: Plan, path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("別紙1")
    doc.add_paragraph(f"{plan.pref}教育振興基本計画（素案）に対する意見募集の結果について")
    t = doc.add_table(rows=1 + len(plan.comments), cols=3)
    t.style = "Table Grid"
    for j, name in enumerate(["番号", "意見の概要", "県の考え方"]):
        t.cell(0, j).text = name
    for i, r in enumerate(plan.comments, 1):
        t.cell(i, 0).text = str(r["no"])
        t.cell(i, 1).text = r["opinion"]
        t.cell(i, 2).text = r["answer"]
    doc.save(str(path))


def expected(plan: Plan) -> dict:
    an = plan.an
    where = plan.an_pages
    rows = []
    links: dict[int, list[str]] = {}
    for r in plan.comments:
        if r["decision"] is not None:
            links.setdefault(r["decision"], []).append(f"C{r['no']:02d}")
    for i, t in enumerate(plan.truth):
        paths: list[list[str]] = []
        for a in t["anchors"]:
            if a[0] == "taikei":
                continue
            p = path_of(an, anchor_uid(an, a))
            if p not in paths:
                paths.append(p)
        rows.append({"id": t["id"], "item": t["item"], "kind": t["kind"],
                     "an_pages": sorted(set().union(*(pages_of(where, an, a) for a in t["anchors"]))),
                     "section_paths": paths, "must_mention": t["must_mention"],
                     "cause": {"type": t["cause"]["type"], "comment_ids": links.get(i, [])}})
    comments = [{"id": f"C{r['no']:02d}", "reflected": r["reflected"],
                 "row_ids": [plan.truth[r["decision"]]["id"]] if r["decision"] is not None else []} for r in plan.comments]
    editorial = [dict(e, id=f"E{k + 1}") for k, e in enumerate(plan.editorial)]
    return {"case": f"blind5-s{plan.seed}", "rows": rows, "comments": comments, "editorial": editorial}


def write_plan(plan: Plan, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    f = {"soan": out / "soan.docx", "an": out / "an.docx", "soan_pdf": out / "soan.pdf", "an_pdf": out / "an.pdf",
         "comments": out / ("bessi1.pdf" if plan.comment_style == "pdf" else "bessi1.docx"),
         "expected": out / "expected.json"}
    write_docx_plan(plan, "素案", f["soan"])
    write_docx_plan(plan, "案", f["an"])
    write_plan_pdf(plan, "素案", f["soan_pdf"])
    write_plan_pdf(plan, "案", f["an_pdf"])
    if plan.comment_style == "pdf":
        write_comments_pdf(plan, f["comments"])
    else:
        write_comments_docx(plan, f["comments"])
    f["expected"].write_text(json.dumps(expected(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    e = expected(plan)
    return {"seed": plan.seed, "rows": len(e["rows"]), "editorial": len(e["editorial"]), "comments": len(e["comments"]),
            "reflected": sum(c["reflected"] for c in e["comments"]), "comment_table": plan.comment_style}
