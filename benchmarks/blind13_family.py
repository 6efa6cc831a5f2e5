"""The thirteenth blind family, written without reading how revtool decides
anything: a Tokyo special ward's combined 「第３次 健康づくり推進計画（健康増進計画・
食育推進計画・自殺対策計画）」, 素案 → 案 after a パブリックコメント and 区民意見交換会.

The plan: 目次, 第１章 計画の策定にあたって, 第２章 区民の健康をめぐる現状, the three
plans as 第３章 健康増進計画 / 第４章 食育推進計画 / 第５章 自殺対策計画 with the same
sub-structure (「１　基本方針１　…」 → 「（１）…」 with 【現状】【課題】【区の取組】 and a
取組 | 内容 | 所管課 table, 「（４）目標指標」 指標 | 現状値 | 目標値（令和１２年度） | 出典),
a 「①…」 list of 相談窓口, 第６章 計画の推進 (ライフステージ別の取組 matrix, 推進体制),
資料編 (用語解説). Formats: 素案 DOCX (Heading styles) + PDF; 案 PDF only on odd
seeds, DOCX + PDF on even seeds. 別紙1: XLSX with a 区分 column (odd) or a DOCX
table with a heading row before each block (even).

    plan = generate(15001); files = write_plan(plan, Path("out"))
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.plan_pdf import BOTTOM, LEFT, PAGE_W, TOP, wrap, text_op, write_page_ops

BLIND13_TUNING_SEEDS = (15001, 15002, 15003)
BLIND13_SEEDS = (15101, 15102, 15103)

ZEN = str.maketrans("0123456789", "０１２３４５６７８９")


def zen(n: int | str) -> str:
    return str(n).translate(ZEN)


# ---------------------------------------------------------------- model


@dataclass
class Block:
    uid: int
    kind: str  # "para" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Node:
    uid: int
    heading: str
    blocks: list[Block] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)


@dataclass
class Plan:
    seed: int
    title_soan: str
    title_an: str
    soan: list[Node]
    an: list[Node]
    an_pdf_only: bool
    bessi_xlsx: bool
    comments: list[dict]
    rows: list[dict]
    editorial: list[dict]
    pages: dict[str, int]


class Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


# ---------------------------------------------------------------- content

CH3 = ("健康増進計画", [
    ("生活習慣病の発症予防と早期発見", [
        ("がん対策の推進", "がん検診", "４０歳以上の区民", "がん検診（胃・肺・大腸）の受診率"),
        ("循環器病・糖尿病の予防", "特定健康診査", "国民健康保険の加入者", "特定健康診査の受診率"),
        ("重症化予防の推進", "特定保健指導", "生活習慣病のリスクがある区民", "特定保健指導の実施率")]),
    ("こころと体の休養", [
        ("休養・睡眠", "睡眠と休養", "働く世代", "睡眠で休養が十分とれている区民の割合"),
        ("身体活動・運動", "運動習慣づくり", "２０歳から６４歳までの区民", "運動習慣のある区民の割合"),
        ("飲酒・喫煙対策", "禁煙支援", "喫煙する区民", "受動喫煙の機会がなかった区民の割合")]),
    ("健康を支える環境づくり", [
        ("歯と口の健康", "歯科健診", "成人期の区民", "過去１年間に歯科健診を受けた区民の割合"),
        ("女性の健康", "女性の健康相談", "女性", "骨粗しょう症検診の受診率"),
        ("地域で支える健康づくり", "健康ポイント事業", "区民", "健康づくりに取り組んでいる区民の割合")]),
])
CH4 = ("食育推進計画", [
    ("食を通じた健康づくり", [
        ("朝食の摂取", "朝食の摂取", "子どもと若い世代", "朝食を毎日食べる区民の割合"),
        ("栄養バランスのよい食事", "主食・主菜・副菜をそろえた食事", "若い世代", "栄養バランスに配慮した食事をとる区民の割合"),
        ("減塩の推進", "減塩", "壮年期の区民", "減塩に気を付けている区民の割合")]),
    ("持続可能な食を支える食育", [
        ("食品ロスの削減", "食品ロス削減", "家庭", "食品ロス削減に取り組む区民の割合"),
        ("地産地消と農業体験", "農業体験", "小学生", "農業体験に参加した児童の数"),
        ("食の安全・安心", "食品衛生", "食品事業者", "食品衛生講習会の参加者数")]),
    ("食文化の継承と共食", [
        ("共食の推進", "共食", "一人暮らしの高齢者", "家族や友人と一緒に食事をする区民の割合"),
        ("行事食・郷土料理", "行事食の継承", "子育て家庭", "行事食を知っている区民の割合"),
        ("保育園・学校での食育", "給食を通じた食育", "児童・生徒", "給食を残さず食べる児童の割合")]),
])
CH5 = ("自殺対策計画", [
    ("地域におけるネットワークの強化", [
        ("関係機関の連携", "自殺対策連絡協議会", "関係機関", "自殺対策連絡協議会の開催回数"),
        ("ゲートキーパーの養成", "ゲートキーパー養成講座", "区職員と地域の支援者", "ゲートキーパー養成講座の受講者数"),
        ("普及啓発の推進", "自殺予防週間の啓発", "区民", "ゲートキーパーを知っている区民の割合")]),
    ("生きることの促進要因への支援", [
        ("生活困窮者への支援", "生活困窮者自立支援", "生活に困窮する区民", "自立相談支援窓口の新規相談件数"),
        ("子ども・若者への支援", "ＳＯＳの出し方に関する教育", "児童・生徒と若者", "ＳＯＳの出し方に関する授業の実施校数"),
        ("働く世代・高齢者への支援", "メンタルヘルス対策", "働く世代と高齢者", "こころの健康相談の利用件数")]),
    ("自殺未遂者・遺された人への支援", [
        ("自殺未遂者の支援", "自殺未遂者支援", "自殺未遂者とその家族", "救急医療機関からの連絡による支援件数"),
        ("遺された人への支援", "遺族支援", "自死遺族", "わかちあいの会の開催回数")]),
])
DIVS = {3: ["健康推進課", "保健予防課", "地域保健課", "スポーツ振興課"],
        4: ["健康推進課", "保育園・幼稚園課", "学校教育課", "環境課", "産業振興課"],
        5: ["保健予防課", "生活援護課", "子ども家庭支援課", "地域包括ケア推進課", "地域保健課"]}
RENAMES = [("地域保健課", "地域健康推進課"), ("保健予防課", "保健予防・こころの健康課"), ("生活援護課", "生活福祉課")]

GENJO = [
    "区民健康意識調査（令和４年度）によると、{s}について関心があると回答した区民の割合は{p}％で、前回調査から{d}ポイント{ud}しています。",
    "{g}における{s}の状況をみると、年代や性別によって差がみられます。",
    "特に、{g}のうち若い世代では、{s}に取り組んでいない人の割合が高くなっています。",
    "区ではこれまで、{s}に関する講座や情報発信等を行ってきました。",
    "子供のころからの生活習慣が、成人期以降の健康に大きく影響することが知られています。",
    "新型コロナウイルス感染症の流行以降、{s}をめぐる状況は大きく変化しました。",
    "地域の関係団体と連携した取組も少しずつ広がっています。",
    "一方で、{s}に関する情報が必要な人に十分届いていないことが指摘されています。",
    "２０歳以上の区民のうち、{s}を意識している人は{q}％にとどまっています。",
    "第２次計画の期間中の取組により、{s}に関する指標には一定の改善がみられました。",
    "身近な場所で気軽に相談出来る環境を求める声も寄せられています。",
    "区では、{s}に関する普及啓発を継続して実施しています。",
    "国や東京都の調査でも、{s}の重要性が改めて示されています。",
    "健康づくりを行う区民を支える仕組みの充実が求められています。",
    "{s}に取り組む区民の割合は、男性より女性の方が高い傾向にあります。",
    "年代別にみると、３０歳代から５０歳代の働く世代で{s}への関心が低い傾向がみられます。",
    "単身世帯が多い区の特性から、{g}が地域とのつながりを持ちにくい状況もうかがえます。",
    "区が実施したアンケートでは、{s}に取り組めない理由として「時間がない」「きっかけがない」との回答が多くなっています。",
    "区内の医療機関や薬局、地域の団体等が、それぞれの立場から{s}に関わっています。",
    "また、{s}に関する区の事業を知らないと回答した区民は{q}％となっています。",
    "近年は、スマートフォンのアプリやオンラインでの講座など、新たな手法も広がっています。",
    "第２次計画の最終評価では、{s}に関する目標の一部が未達成となりました。",
]
KADAI = [
    "{g}が{s}に関心を持ち、主体的に取り組めるよう、分かりやすい情報発信を行うことが必要です。",
    "関係機関等と連携し、{s}の機会を広げていくことが求められます。",
    "ライフステージに応じた{s}の支援を、切れ目なく行うことが課題です。",
    "デジタル技術を活用し、これまで支援が届きにくかった層への働きかけを強化する必要があります。",
    "{s}に取り組む区民を、地域全体で支える環境づくりが必要です。",
    "子供から高齢者まで、誰もが{s}に取り組める仕組みをつくることが重要です。",
    "{s}に無関心な層にも届くよう、日常生活の中で自然に取り組める工夫が求められます。",
    "事業の効果を検証し、成果の上がる取組に重点化していく必要があります。",
    "区民、地域団体、事業者、区がそれぞれの役割を果たし、協働して取り組むことが重要です。",
]
TORIKUMI = [
    ("{s}の普及啓発", "区報やホームページ、ＳＮＳ等を活用し、{s}に関する情報を発信します。"),
    ("{s}講座の開催", "{g}を対象に、{s}に関する講座を年{n}回開催します。"),
    ("{s}に関する相談", "保健師や栄養士等の専門職が、{s}に関する相談に応じます。"),
    ("関係機関と連携した{s}", "医療機関や地域の関係団体と連携し、{s}を推進します。"),
    ("{g}への個別の働きかけ", "{g}に対し、個別通知等により{s}を勧奨します。"),
    ("{s}の環境整備", "区民が身近な地域で{s}に取り組めるよう、環境を整備します。"),
    ("{s}に関する調査・分析", "区民健康意識調査等のデータを分析し、{s}の効果的な進め方を明らかにします。"),
    ("{s}の担い手の育成", "地域で{s}を支える区民ボランティアを育成し、活動を支援します。"),
    ("{s}キャンペーンの実施", "{g}を主な対象として、毎年度{s}キャンペーンを実施します。"),
]
KENTO = ("デジタルを活用した{s}", "アプリやオンラインを活用した{s}の仕組みを検討します。")
MOVED = ("野菜をとろう月間の実施", "８月を野菜摂取推進月間とし、区内の飲食店やスーパーマーケットと連携して野菜の摂取を呼びかけます。",
         "健康推進課")
STAGES = ["乳幼児期", "学齢期", "青年期", "壮年期", "高齢期"]
MATRIX = [
    ("生活習慣病の予防", ["乳幼児健診での生活習慣の確認", "健康教育の実施", "－", "特定健康診査・がん検診", "重症化予防・フレイル予防"]),
    ("休養・こころの健康", ["親子のふれあいの促進", "ＳＯＳの出し方に関する教育", "－", "職場のメンタルヘルス対策", "通いの場での交流"]),
    ("身体活動・運動", ["外遊びの推進", "体力づくり", "スポーツ教室への参加促進", "ウォーキングの推進", "介護予防体操"]),
    ("食育", ["離乳食講習会", "給食を通じた食育", "－", "減塩の推進", "低栄養の予防"]),
    ("歯と口の健康", ["フッ化物塗布", "歯みがき指導", "－", "成人歯科健診", "オーラルフレイル予防"]),
]
MATRIX_FILL = {"休養・こころの健康": "大学と連携した若者の相談支援", "食育": "大学・専門学校と連携した朝食欠食の改善",
               "生活習慣病の予防": "若者向け健康チェックの実施", "歯と口の健康": "２０歳の歯科健診の周知"}
SOUDAN = ["こころの健康相談（保健予防課）", "子ども家庭総合相談（子ども家庭支援課）", "生活相談・自立相談支援窓口（生活援護課）",
          "高齢者の総合相談（地域包括支援センター）", "東京都自殺相談ダイヤル（東京都）", "よりそいホットライン（国）"]
TERMS = [("ゲートキーパー", "自殺の危険を示すサインに気付き、声をかけ、話を聞いて、必要な支援につなげ、見守る人のこと。"),
         ("健康寿命", "健康上の問題で日常生活が制限されることなく生活できる期間のこと。"),
         ("フレイル", "加齢に伴い心身の活力が低下し、要介護状態となる危険性が高くなった状態のこと。"),
         ("共食", "家族や友人などと一緒に食事をとり、食を通じたコミュニケーションを図ること。"),
         ("食品ロス", "まだ食べられるのに廃棄される食品のこと。"),
         ("特定健康診査", "４０歳から７４歳までの医療保険加入者を対象とした、メタボリックシンドロームに着目した健康診査のこと。"),
         ("ＳＯＳの出し方に関する教育", "児童・生徒が困難やストレスに直面した際に、信頼できる大人に助けを求めることができるようにする教育のこと。"),
         ("地産地消", "地域で生産された農産物をその地域で消費すること。"),
         ("受動喫煙", "他人の喫煙により、たばこから発生した煙にさらされること。"),
         ("オーラルフレイル", "噛む、飲み込む、話すなどの口の機能がささいな衰えから低下していく状態のこと。")]


def _fill(t: str, s: str, g: str, rng: random.Random) -> str:
    return t.format(s=s, g=g, p=f"{rng.randint(300, 700) / 10:.1f}", d=f"{rng.randint(5, 60) / 10:.1f}",
                    ud=rng.choice(["増加", "減少"]), q=f"{rng.randint(200, 600) / 10:.1f}", n=zen(rng.randint(2, 12)))


def build_soan(rng: random.Random, ids: Ids, ward: str) -> tuple[list[Node], dict]:
    """The 素案 tree and handles on the places decisions act on."""
    h: dict = {"shisaku": [], "kpi": [], "torikumi_tables": {}}
    p = lambda t: Block(ids(), "para", t)  # noqa: E731
    tree: list[Node] = []
    ch1 = Node(ids(), "第１章　計画の策定にあたって", [], [
        Node(ids(), "１　計画策定の趣旨", [p(
            f"{ward}では、平成２７年に「第２次健康づくり推進計画」を策定し、区民の健康づくりを総合的に推進してきました。"
            "この間、少子高齢化の進行や単身世帯の増加、新型コロナウイルス感染症の流行など、区民の健康を取り巻く環境は大きく変化しました。"
            "こうした状況を踏まえ、健康増進・食育推進・自殺対策を一体的に進めるため、「第３次健康づくり推進計画」を策定します。"),
            p("本計画では、区民一人ひとりが健康への関心を高め、生涯にわたって心身ともに健やかに暮らせるまちを目指します。")]),
        Node(ids(), "２　計画の位置付け", [p(
            "本計画は、健康増進法第８条第２項に基づく市町村健康増進計画、食育基本法第１８条第１項に基づく市町村食育推進計画及び"
            "自殺対策基本法第１３条第２項に基づく市町村自殺対策計画を一体的に策定するものです。"),
            p("LAW1"),
            p(f"また、{ward}基本構想及び基本計画を上位計画とし、地域福祉計画、高齢者保健福祉計画、子ども・子育て支援事業計画等の"
              "関連計画との整合を図ります。")]),
        Node(ids(), "３　計画の期間", [p("本計画の期間は、令和８年度から令和１２年度までの５年間とします。"
                                     "なお、社会情勢の変化や国の動向等を踏まえ、必要に応じて見直しを行います。")]),
        Node(ids(), "４　計画の策定体制", [p(
            "計画の策定にあたっては、学識経験者、医療関係者、区民等で構成する健康づくり推進協議会において検討を行いました。"
            "また、区民健康意識調査、パブリックコメント及び区民意見交換会を実施し、区民の意見を計画に反映しました。")]),
    ])
    tree.append(ch1)
    h["law_ch1"] = ch1.children[1].blocks[1]
    pop = [["区分", "令和元年", "令和３年", "令和５年", "令和７年"]]
    base = rng.randint(320, 420) * 1000
    for lab, f in (("総人口（人）", 1.0), ("６５歳以上（人）", 0.21), ("１５歳未満（人）", 0.11)):
        pop.append([lab] + [f"{int(base * f * (1 + k * 0.006)):,}" for k in range(4)])
    life = [["区分", "平均寿命（男性）", "平均寿命（女性）", "健康寿命（男性）", "健康寿命（女性）"],
            [ward, f"{81 + rng.random():.1f}歳", f"{87 + rng.random():.1f}歳", f"{79 + rng.random():.1f}歳", f"{82 + rng.random():.1f}歳"],
            ["東京都", "81.8歳", "87.9歳", "80.1歳", "82.9歳"]]
    eval_rows = [["指標", "策定時", "現状", "評価"]]
    for name in ("がん検診の受診率", "運動習慣のある区民の割合", "朝食を毎日食べる区民の割合", "自殺死亡率（人口１０万対）",
                 "成人の喫煙率", "食育に関心のある区民の割合"):
        a = rng.randint(100, 600) / 10
        eval_rows.append([name, f"{a:.1f}", f"{a + rng.randint(-30, 50) / 10:.1f}", rng.choice(["Ａ", "Ｂ", "Ｃ"])])
    ch2 = Node(ids(), "第２章　区民の健康をめぐる現状", [], [
        Node(ids(), "１　人口と世帯の状況", [p(f"{ward}の人口は増加傾向にあり、高齢化率は緩やかに上昇しています。"
                                            "単身世帯の割合は５割を超え、２３区の中でも高い水準にあります。"),
                                          Block(ids(), "table", rows=pop)]),
        Node(ids(), "２　平均寿命と健康寿命", [p("平均寿命と健康寿命の差は、男性で約１.５年、女性で約４.５年となっています。"
                                             "健康寿命を延ばすことが、区民の生活の質を高めるうえで重要です。"),
                                           Block(ids(), "table", rows=life)]),
        Node(ids(), "３　主な死因の状況", [p(_fill(GENJO[0], "死因", "区民", rng) + "主な死因は、悪性新生物、心疾患、老衰の順となっており、"
                                         "生活習慣病による死亡が全体の約５割を占めています。また、自殺による死亡は年間５０人前後で推移しています。")]),
        Node(ids(), "４　第２次計画の評価", [p("第２次計画で設定した指標について、策定時と現状を比較し、Ａ（改善）、Ｂ（変化なし）、"
                                           "Ｃ（悪化）の３段階で評価しました。"), Block(ids(), "table", rows=eval_rows)]),
    ])
    survey = Node(ids(), "５　区民健康意識調査の結果", [p(
        "令和４年度に、無作為に抽出した２０歳以上の区民３，０００人を対象に区民健康意識調査を実施しました（回収率４１．８％）。"
        "主な結果は次のとおりです。")], [])
    for k, (theme, s_, g_) in enumerate([("健康状態", "健康づくり", "区民"), ("食生活", "バランスのよい食事", "若い世代"),
                                          ("運動", "運動習慣", "働く世代"), ("休養・睡眠", "十分な睡眠", "働く世代"),
                                          ("こころの健康", "こころの健康", "区民"), ("たばこ・飲酒", "禁煙", "喫煙する区民")], 1):
        vals = [rng.randint(50, 400) / 10 for _ in range(4)]
        tab = [["回答", "割合（％）"]] + [[lab, f"{v:.1f}"] for lab, v in
                                        zip(["とてもあてはまる", "ややあてはまる", "あまりあてはまらない", "あてはまらない"], vals)]
        survey.children.append(Node(ids(), f"（{zen(k)}）{theme}", [
            p("".join(_fill(t, s_, g_, rng) for t in rng.sample(GENJO[:14], 5))), Block(ids(), "table", rows=tab)], []))
    ch2.children.append(survey)
    tree.append(ch2)
    for ci, (pname, bps) in ((3, CH3), (4, CH4), (5, CH5)):
        intro = {3: "本章は、健康増進法に基づく健康増進計画として、LAW3を踏まえ、生活習慣病の予防と健康寿命の延伸を目指すものです。",
                 4: "本章は、食育基本法に基づく食育推進計画として、国の「第４次食育推進基本計画」を踏まえ、生涯にわたる食育を推進するものです。",
                 5: "本章は、自殺対策基本法に基づく自殺対策計画として、LAW5を踏まえ、誰も自殺に追い込まれることのない社会の実現を目指すものです。"}[ci]
        taikei = [["基本方針", "施策"]] + [[f"基本方針{zen(bi)}　{bn}" if si == 1 else "", f"（{zen(si)}）{it[0]}"]
                                          for bi, (bn, its) in enumerate(bps, 1) for si, it in enumerate(its, 1)]
        ch = Node(ids(), f"第{zen(ci)}章　{pname}", [p(intro), p("【施策の体系】"), Block(ids(), "table", rows=taikei)], [])
        h[f"intro{ci}"] = ch.blocks[0]
        for bi, (bname, items) in enumerate(bps, 1):
            bp = Node(ids(), f"{zen(bi)}　基本方針{zen(bi)}　{bname}", [p(
                f"基本方針{zen(bi)}では、{bname}に向けて、次の施策に取り組みます。"
                "施策ごとに【目指す姿】【現状】【課題】を整理し、【区の取組】と【区民の取組】を示します。"
                "各施策の進捗は、基本方針ごとに設定した目標指標により毎年度確認します。")], [])
            kpi = [["指標", "現状値", "目標値（令和１２年度）", "出典"]]
            for si, (title, s, g, ind) in enumerate(items, 1):
                sec = Node(ids(), f"（{zen(si)}）{title}", [], [])
                genjo = [_fill(t, s, g, rng) for t in rng.sample(GENJO, rng.randint(14, 18))]
                kadai = [_fill(t, s, g, rng) for t in rng.sample(KADAI, rng.randint(6, 8))]
                rows = [["取組", "内容", "所管課"]]
                pats = rng.sample(TORIKUMI, rng.randint(6, 8))
                if rng.random() < 0.5:
                    pats.insert(rng.randint(0, len(pats)), KENTO)
                for nm, ct in pats:
                    rows.append([nm.format(s=s, g=g), _fill(ct, s, g, rng), rng.choice(DIVS[ci])])
                if (ci, bi, si) == (3, 1, 2):
                    rows.insert(rng.randint(2, len(rows)), list(MOVED))
                tb = Block(ids(), "table", rows=rows)
                cut = rng.randint(3, len(genjo) - 3)
                sec.blocks = [p("【目指す姿】"), p(f"{g}をはじめ、すべての区民が{s}の大切さを理解し、"
                                                  f"自分に合った方法で取り組んでいる状態を目指します。"), p("【現状】"), p("".join(genjo[:cut])), p("".join(genjo[cut:])), p("【課題】"), p("".join(kadai)),
                              p("【区の取組】"), tb, p("【区民の取組】"),
                              p("".join(rng.sample([f"{s}について正しい知識を持ち、自分に合った方法で取り組みます。",
                                                    "家族や友人と声をかけ合い、一緒に健康づくりに参加します。",
                                                    "区や地域の団体が実施する講座やイベントに積極的に参加します。",
                                                    "気になることがあれば、早めに身近な窓口や専門職に相談します。",
                                                    "自分の健康状態を知るため、年に１回は健診を受けます。"], 3)))]
                bp.children.append(sec)
                h["shisaku"].append({"chapter": ci, "bp": bi, "si": si, "node": sec, "s": s, "g": g, "table": tb,
                                     "genjo": sec.blocks[3:5], "kadai": sec.blocks[6], "title": title})
                a = rng.randint(150, 650) / 10
                if ind.endswith("数"):
                    cur, tgt = f"{rng.randint(20, 900):,}", None
                    tgt = f"{int(cur.replace(',', '')) * rng.choice([12, 13, 15]) // 10:,}"
                    unit = "人" if "者数" in ind or "児童の数" in ind else ("件" if "件数" in ind else "回")
                    cur, tgt = cur + unit, tgt + unit
                else:
                    cur, tgt = f"{a:.1f}％", f"{min(95.0, a + rng.randint(5, 15)):.1f}％"
                src = "区民健康意識調査（令和４年度）" if cur.endswith("％") else "区事業実績（令和６年度）"
                kpi.append([ind, cur, tgt, src])
            if ci == 5 and bi == 3:
                sou = Node(ids(), "（３）主な相談窓口", [p("区では、こころの悩みや生活の困りごとについて、次の窓口で相談を受け付けています。")]
                           + [p(f"{'①②③④⑤⑥⑦⑧⑨'[k]}{x}") for k, x in enumerate(SOUDAN)], [])
                bp.children.append(sou)
                h["soudan"] = sou
            kn = Node(ids(), f"（{zen(len(bp.children) + 1)}）目標指標", [Block(ids(), "table", rows=kpi)], [])
            bp.children.append(kn)
            h["kpi"].append({"chapter": ci, "bp": bi, "node": kn, "table": kn.blocks[0]})
            h[f"bp{ci}_{bi}"] = bp
            ch.children.append(bp)
        tree.append(ch)
    matrix = Block(ids(), "table", rows=[["分野"] + STAGES] + [[a] + list(b) for a, b in MATRIX])
    all_divs = sorted({d for v in DIVS.values() for d in v})
    ch6 = Node(ids(), "第６章　計画の推進", [], [
        Node(ids(), "１　ライフステージ別の取組", [p("区民一人ひとりが生涯を通じて健康づくりに取り組めるよう、ライフステージごとの主な取組を"
                                                 "次のとおり整理します。"), matrix]),
        Node(ids(), "２　推進体制", [p("本計画は、健康推進課が中心となり、関係各課と連携して推進します。計画の推進にあたる主な課は、"
                                    + "、".join(all_divs) + "です。"),
                                  p("また、区民、地域団体、医療機関、事業者等と協働し、地域全体で健康づくりを推進します。")]),
        Node(ids(), "３　進行管理", [p("健康づくり推進協議会において、毎年度、取組の実施状況と目標指標の達成状況を確認し、"
                                    "ＰＤＣＡサイクルにより計画を着実に推進します。計画の最終年度には、区民健康意識調査を実施し、"
                                    "計画全体の評価を行います。")]),
    ])
    tree.append(ch6)
    h["matrix"] = matrix
    h["taisei"] = ch6.children[1].blocks[0]
    tree.append(Node(ids(), "資料編", [], [
        Node(ids(), "１　用語解説", [p(f"{a}：{b}") for a, b in TERMS]),
        Node(ids(), "２　健康づくり推進協議会委員名簿", [Block(ids(), "table", rows=[["区分", "氏名", "所属"]] + [
            [rng.choice(["学識経験者", "医療関係者", "関係団体", "公募区民"]), f"委員{zen(k)}", rng.choice(
                ["区医師会", "区歯科医師会", "区薬剤師会", "大学", "町会連合会", "民生・児童委員協議会", "商店街連合会", "公募"])]
            for k in range(1, 17)])]),
        Node(ids(), "３　関係法令（抜粋）", [p(x) for x in [
            "健康増進法（平成１４年法律第１０３号）",
            "第８条第２項　市町村は、基本方針及び都道府県健康増進計画を勘案して、当該市町村の住民の健康の増進の推進に関する施策に"
            "ついての計画（以下「市町村健康増進計画」という。）を定めるよう努めるものとする。",
            "食育基本法（平成１７年法律第６３号）",
            "第１８条第１項　市町村は、食育推進基本計画（都道府県食育推進計画が作成されているときは、食育推進基本計画及び都道府県"
            "食育推進計画）を基本として、当該市町村の区域内における食育の推進に関する施策についての計画（以下「市町村食育推進計画」"
            "という。）を作成するよう努めなければならない。",
            "自殺対策基本法（平成１８年法律第８５号）",
            "第１３条第２項　市町村は、自殺総合対策大綱及び都道府県自殺対策計画並びに地域の実情を勘案して、当該市町村の区域内に"
            "おける自殺対策についての計画（次条において「市町村自殺対策計画」という。）を定めるものとする。"]]),
        Node(ids(), "４　計画策定の経過", [Block(ids(), "table", rows=[["年月", "内容"], ["令和６年１１月", "区民健康意識調査の実施"],
                                                                ["令和７年５月", "健康づくり推進協議会（第１回）"],
                                                                ["令和７年８月", "健康づくり推進協議会（第２回）"],
                                                                ["令和７年１２月", "素案の公表、パブリックコメント、区民意見交換会"],
                                                                ["令和８年２月", "健康づくり推進協議会（第３回）、案の決定"]])]),
    ]))
    return tree, h


LAWS = {
    "kenko21": ("国の「健康日本２１（第二次）」", "国の「健康日本２１（第三次）」（令和６年度から令和１７年度まで）", "第三次"),
    "taiko": ("「自殺総合対策大綱（平成２９年７月閣議決定）」", "「自殺総合対策大綱（令和４年１０月閣議決定）」", "令和４年１０月"),
}


def _set_laws(h: dict, kenko: str, taiko: str) -> None:
    h["law_ch1"].text = f"国の{kenko.removeprefix('国の')}、「第４次食育推進基本計画」及び{taiko}並びに東京都の関連計画との整合を図ります。"
    h["intro3"].text = h["intro3"].text.replace("LAW3", kenko)
    h["intro5"].text = h["intro5"].text.replace("LAW5", taiko)


# ---------------------------------------------------------------- helpers on trees


def walk(tree: list[Node]) -> list[tuple[list[str], Node]]:
    out: list[tuple[list[str], Node]] = []

    def go(n: Node, path: list[str]) -> None:
        out.append((path + [n.heading], n))
        for c in n.children:
            go(c, path + [n.heading])

    for n in tree:
        go(n, [])
    return out


def block_path(tree: list[Node], uid: int) -> list[str]:
    for path, n in walk(tree):
        if any(b.uid == uid for b in n.blocks):
            return path
    raise KeyError(uid)


def node_path(tree: list[Node], uid: int) -> list[str]:
    return next(path for path, n in walk(tree) if n.uid == uid)


def find_block(tree: list[Node], uid: int) -> Block:
    return next(b for _, n in walk(tree) for b in n.blocks if b.uid == uid)


def find_node(tree: list[Node], uid: int) -> Node:
    return next(n for _, n in walk(tree) if n.uid == uid)


def with_toc(tree: list[Node], pages: dict[int, int], ids_base: int) -> list[Node]:
    """The tree with a 目次 node first: chapters and their first-level sections with the page of each."""
    lines = []
    for n in tree:
        lines.append(f"{n.heading}　……　{pages.get(n.uid, 0)}")
        for c in n.children:
            lines.append(f"　{c.heading}　……　{pages.get(c.uid, 0)}")
    return [Node(ids_base, "目次", [Block(ids_base + 1 + k, "para", x) for k, x in enumerate(lines)], [])] + tree


TABLE_SIZE = 9.0
TEXT_W = PAGE_W - 2 * LEFT


def _columns(rows: list[list[str]]) -> list[int]:
    """Column widths in characters of the table font: by the longest cell, within the text width."""
    total = int(TEXT_W / TABLE_SIZE) - len(rows[0])
    want = [max(3, min(40, max(len(r[j]) for r in rows))) for j in range(len(rows[0]))]
    widths = [max(3, w * total // sum(want)) for w in want]
    widths[widths.index(max(widths))] += total - sum(widths)
    return widths


class _Pages:
    """Printed pages as content-stream operators: an unnumbered cover, then pages with a 「- n -」 footer."""

    def __init__(self, title: str) -> None:
        self.pages: list[list[str]] = [[text_op(LEFT, 600, 20, title)]]
        self.cur: list[str] = []
        self.y: float = TOP
        self.printed = 1
        self.where: dict[tuple, int] = {}

    def finish(self) -> None:
        self.cur.append(text_op(PAGE_W / 2 - 15, 40, 9, f"- {self.printed} -"))
        self.pages.append(self.cur)
        self.cur, self.y = [], TOP
        self.printed += 1

    def need(self, h: float, new_page: bool = False) -> None:
        if (new_page and self.cur) or self.y - h < BOTTOM:
            self.finish()

    def line(self, text: str, size: float, key: tuple, new_page: bool = False) -> None:
        self.need(size + 6, new_page)
        self.y -= size + 6
        self.cur.append(text_op(LEFT, self.y, size, text))
        self.where.setdefault(key, self.printed)

    def table(self, uid: int, rows: list[list[str]]) -> None:
        """A ruled table: each cell's text wrapped to its column, one row never split over two pages."""
        widths = _columns(rows)
        step = TABLE_SIZE + 5
        for i, row in enumerate(rows):
            cells = [wrap(c, w) if c else [(0, "")] for c, w in zip(row, widths)]
            h = max(len(c) for c in cells) * step + 4
            self.need(h)
            top = self.y
            x: float = LEFT
            for c, w in zip(cells, widths):
                cw = (w + 1) * TABLE_SIZE
                self.cur.append(f"{x:.1f} {top - h:.1f} {cw:.1f} {h:.1f} re S")
                for k, (_, piece) in enumerate(c):
                    if piece:
                        self.cur.append(text_op(x + TABLE_SIZE / 2, top - (k + 1) * step, TABLE_SIZE, piece))
                x += cw
            self.y = top - h
            self.where.setdefault(("t", uid, i), self.printed)
        self.y -= 6


def lay_out_ruled(tree: list[Node], title: str) -> tuple[list[list[str]], dict[tuple, int]]:
    """The PDF pages and the printed page of every line key: headings by level (a chapter and each 基本方針 on a
    new page), paragraphs wrapped at 40 characters, tables ruled with their cells in columns, as Word prints them."""
    out = _Pages(title)

    def visit(n: Node, level: int) -> None:
        out.line(n.heading, {1: 16.0, 2: 13.0, 3: 12.0}.get(level, 11.0), ("h", n.uid),
                 new_page=level == 1 or (level == 2 and "基本方針" in n.heading))
        for b in n.blocks:
            if b.kind == "table":
                out.table(b.uid, b.rows)
            else:
                for off, piece in wrap(b.text):
                    out.line(piece, 10.5, ("b", b.uid, off))
        for c in n.children:
            visit(c, level + 1)

    for n in tree:
        visit(n, 1)
    if out.cur:
        out.finish()
    return out.pages, out.where


def layout(tree: list[Node], title: str) -> tuple[list[Node], list, dict]:
    """The printed tree (with its 目次), the PDF pages and the page of every line key; the 目次 settled in a few passes."""
    pages: dict[int, int] = {}
    for _ in range(4):
        full = with_toc(tree, pages, 900000)
        pdf, where = lay_out_ruled(full, title)
        new = {n.uid: where[("h", n.uid)] for _, n in walk(tree)}
        if new == pages:
            break
        pages = new
    return full, pdf, where


def para_page(where: dict, uid: int, offset: int) -> int:
    return where[("b", uid, offset - offset % 40)]


def row_index(b: Block, first: str) -> int:
    return next(i for i, r in enumerate(b.rows) if r[0] == first)


# ---------------------------------------------------------------- decisions


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    ids = Ids()
    ward = rng.choice(["中央区", "文京区", "台東区", "墨田区", "品川区", "目黒区", "豊島区", "北区", "荒川区", "板橋区"])
    rename = rng.choice(RENAMES)
    ext = rng.choice(["kenko21", "taiko"])
    soan, h = build_soan(rng, ids, ward)
    # the external one is out of date in the 素案, the other already current
    if ext == "kenko21":
        _set_laws(h, LAWS["kenko21"][0], LAWS["taiko"][1])
    else:
        _set_laws(h, LAWS["kenko21"][1], LAWS["taiko"][0])
    # make sure the renamed division appears in a few 取組 tables of each chapter
    for sh in h["shisaku"]:
        if rename[0] in DIVS[sh["chapter"]] and rng.random() < 0.3 and sh["table"].rows[-1][0] != MOVED[0]:
            sh["table"].rows[-1][2] = rename[0]
    an = copy.deepcopy(soan)
    A = lambda b: find_block(an, b.uid)  # noqa: E731  the 案's copy of a 素案 block
    used: set[int] = set()  # 素案 blocks a decision or an edit touches
    rows: list[dict] = []
    comments: list[dict] = []  # reflected ones; others added later
    # pending: (row dict, places) places = [("b", uid, marker) | ("t", uid, first cell) | ("h", node uid)]
    pending: list[tuple[dict, list[tuple]]] = []

    def pick_shisaku(chapter: int | None = None, need_kento: bool = False) -> dict:
        cands = [s for s in h["shisaku"] if (chapter is None or s["chapter"] == chapter)
                 and s["table"].uid not in used and s["kadai"].uid not in used
                 and (s["chapter"], s["bp"], s["si"]) not in ((3, 1, 2), (4, 1, 2))
                 and (not need_kento or any(r[1].endswith("検討します。") for r in s["table"].rows))]
        return rng.choice(cands)

    def refs(sh: dict, p_soan: int) -> list[str]:
        ch = f"第{zen(sh['chapter'])}章"
        name = {3: "健康増進計画", 4: "食育推進計画", 5: "自殺対策計画"}[sh["chapter"]]
        return [f"{ch} 基本方針{zen(sh['bp'])}（{zen(sh['si'])}）", f"P.{p_soan}", f"{name} {sh['title']}",
                f"{ch} 基本方針{zen(sh['bp'])}"]

    kinds = ["torikumi-added", "target-raised", "kadai-sentence", "matrix-cell", "kento-jisshi", "soudan-added"]
    extra = rng.sample(["torikumi-added", "target-raised", "genjo-sentence"], rng.randint(0, 2))
    # the 素案 layout, for the P.xx a commenter cites
    _, _, where_s = layout(soan, "")
    kpi_used: set[tuple[int, int]] = set()
    for kind in kinds + extra:
        rid = f"R{len(pending) + 1}"
        if kind == "torikumi-added":
            sh = pick_shisaku()
            used.add(sh["table"].uid)
            name = rng.choice(["{s}の出張講座", "{g}向けオンライン相談", "{s}サポーターの養成", "商店街と連携した{s}"]).format(
                s=sh["s"], g=sh["g"])
            t = A(sh["table"])
            t.rows.insert(rng.randint(1, len(t.rows)), [name, f"{sh['g']}が参加しやすいよう、{name}を新たに実施します。",
                                                        rng.choice([x for x in DIVS[sh["chapter"]][:3] if x != rename[0]])])
            path = node_path(an, sh["node"].uid)
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[path], must=[name],
                                 summary=f"区の取組に「{name}」を追加",
                                 answer=f"ご意見を踏まえ、区の取組に「{name}」を追記しました。",
                                 opinion=f"{sh['s']}について、{sh['g']}がもっと参加しやすい取組を加えてほしい。",
                                 refs=refs(sh, where_s[("h", sh["node"].uid)])), [("t", t.uid, name)]))
        elif kind == "target-raised":
            k = rng.choice([x for x in h["kpi"] if (x["chapter"], x["bp"]) not in kpi_used])
            kpi_used.add((k["chapter"], k["bp"]))
            t = A(k["table"])
            i = rng.randint(1, len(t.rows) - 1)
            old = t.rows[i][2]
            m = re.match(r"([\d.,]+)(.*)", old)
            assert m
            if "." in m[1]:
                new = f"{min(98.0, float(m[1]) + rng.choice([3, 5, 10])):.1f}{m[2]}"
            else:
                new = f"{int(m[1].replace(',', '')) * 12 // 10:,}{m[2]}"
            t.rows[i][2] = new
            used.add(k["table"].uid)
            ind = t.rows[i][0]
            bp = h[f"bp{k['chapter']}_{k['bp']}"]
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[node_path(an, k["node"].uid)], must=[old, new],
                                 summary=f"目標指標「{ind}」の目標値を上方修正（{old} → {new}）",
                                 answer=f"ご意見を踏まえ、目標値を{new}に引き上げました。",
                                 opinion=f"目標指標「{ind}」の目標値（{old}）は低すぎる。もっと高い目標を掲げるべきだ。",
                                 refs=[f"第{zen(k['chapter'])}章 基本方針{zen(k['bp'])} 目標指標",
                                       f"P.{where_s[('t', k['table'].uid, i)]}", bp.heading.split("　", 1)[1]]),
                            [("t", t.uid, ind)]))
        elif kind in ("kadai-sentence", "genjo-sentence"):
            sh = pick_shisaku()
            words = rng.choice([("ヤングケアラー", "ヤングケアラーなど、家族の世話を担う子ども・若者への配慮も必要です。"),
                                ("外国人住民", "外国人住民にも必要な情報が届くよう、やさしい日本語や多言語での発信が必要です。"),
                                ("障害のある人", "障害のある人が参加しやすいよう、合理的配慮の提供に努める必要があります。"),
                                ("性的マイノリティ", "性的マイノリティの人が安心して相談できる環境づくりが求められます。")])
            if kind == "kadai-sentence":
                b = A(sh["kadai"])
                used.add(sh["kadai"].uid)
                where_txt = "【課題】"
            else:
                src = sh["genjo"][1]
                b = A(src)
                used.add(src.uid)
                words = (words[0], words[0] + "への支援の必要性についても、区民意見交換会等で意見が寄せられています。")
                where_txt = "【現状】"
            cut = [m.end() for m in re.finditer("。", b.text)]
            at = rng.choice(cut[:-1]) if len(cut) > 1 else len(b.text)
            b.text = b.text[:at] + words[1] + b.text[at:]
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[node_path(an, sh["node"].uid)], must=[words[0]],
                                 summary=f"{where_txt}に、{words[1].rstrip('。')}旨を追記",
                                 answer=f"ご意見を踏まえ、{sh['title']}の{where_txt}に{words[0]}に関する記述を追記しました。",
                                 opinion=f"{sh['s']}の取組を考えるうえで、{words[0]}の視点が欠けている。",
                                 refs=refs(sh, where_s[("h", sh["node"].uid)])), [("b", b.uid, words[1])]))
        elif kind == "matrix-cell":
            t = A(h["matrix"])
            r = rng.choice([x for x in t.rows[1:] if x[3] == "－" and x[0] in MATRIX_FILL])
            r[3] = MATRIX_FILL[r[0]]
            used.add(h["matrix"].uid)
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[block_path(an, t.uid)], must=[r[3]],
                                 summary=f"ライフステージ別の取組の青年期（{r[0]}）に「{r[3]}」を追加",
                                 answer=f"ご意見を踏まえ、青年期の{r[0]}の取組として「{r[3]}」を追記しました。",
                                 opinion=f"青年期の{r[0]}の欄が空欄になっている。大学生など若者向けの取組を書くべきだ。",
                                 refs=["ライフステージ別の取組（青年期）", "第６章 １ ライフステージ別の取組"]),
                            [("t", t.uid, r[0])]))
        elif kind == "kento-jisshi":
            sh = pick_shisaku(need_kento=True) if any(
                any(r[1].endswith("検討します。") for r in s["table"].rows) and s["table"].uid not in used
                for s in h["shisaku"] if (s["chapter"], s["bp"], s["si"]) not in ((3, 1, 2), (4, 1, 2))) else None
            if sh is None:  # no 検討 row drawn: write one into a table first (both versions)
                sh = pick_shisaku()
                nm, ct = KENTO
                row = [nm.format(s=sh["s"], g=sh["g"]), ct.format(s=sh["s"]), DIVS[sh["chapter"]][0]]
                sh["table"].rows.append(list(row))
                A(sh["table"]).rows.append(list(row))
            used.add(sh["table"].uid)
            t = A(sh["table"])
            r = next(x for x in t.rows if x[1].endswith("検討します。"))
            r[1] = r[1].replace("の仕組みを検討します。", "の仕組みを令和８年度から実施します。")
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[node_path(an, sh["node"].uid)],
                                 must=["実施します"], summary=f"「{r[0]}」を「検討します」から「令和８年度から実施します」に変更",
                                 answer="ご意見を踏まえ、令和８年度から実施することとし、記載を改めました。",
                                 opinion=f"「{r[0]}」は検討ではなく、早期に実施してほしい。",
                                 refs=refs(sh, where_s[("h", sh["node"].uid)])), [("t", t.uid, r[0])]))
        elif kind == "soudan-added":
            sou = find_node(an, h["soudan"].uid)
            entry = rng.choice(["ＳＮＳ相談「こころのLINE相談」（保健予防課）", "若者向けチャット相談（子ども家庭支援課）",
                                "夜間・休日のこころの電話相談（東京都）"])
            items = [b for b in sou.blocks[1:]]
            at = rng.randint(1, len(items))
            names = [b.text[1:] for b in items]
            names.insert(at, entry)
            new_uid = ids()
            sou.blocks = sou.blocks[:1] + [Block(items[k].uid if k < len(items) else new_uid, "para",
                                                 f"{'①②③④⑤⑥⑦⑧⑨'[k]}{x}") for k, x in enumerate(names)]
            used.update(b.uid for b in h["soudan"].blocks)
            short = entry.split("（")[0]
            pending.append((dict(id=rid, kind=kind, cause="comment", paths=[node_path(an, sou.uid)], must=[short],
                                 summary=f"主な相談窓口に「{short}」を追加",
                                 answer=f"ご意見を踏まえ、主な相談窓口に「{short}」を追記しました。",
                                 opinion="若い世代は電話での相談をためらう。電話以外の相談窓口も計画に載せてほしい。",
                                 refs=["自殺対策計画 相談窓口", f"P.{where_s[('h', h['soudan'].uid)]}", "第５章 基本方針３（３）"]),
                            [("b", None, short)]))
    # external: a national document cited in two chapters
    new_law, old_law, must = LAWS[ext][1], LAWS[ext][0], LAWS[ext][2]
    b1, b2 = A(h["law_ch1"]), A(h["intro3" if ext == "kenko21" else "intro5"])
    for b in (b1, b2):
        b.text = b.text.replace(old_law.removeprefix("国の"), new_law.removeprefix("国の"))
        used.add(b.uid)
    law_name = "健康日本２１（第三次）" if ext == "kenko21" else "自殺総合対策大綱"
    pending.append((dict(id=f"R{len(pending) + 1}", kind="external-law", cause="external",
                         paths=[block_path(an, b1.uid), block_path(an, b2.uid)], must=[must],
                         summary=(f"国の「健康日本２１（第三次）」の開始を踏まえ、「健康日本２１（第二次）」の記述を更新" if ext == "kenko21"
                                  else "令和４年１０月に「自殺総合対策大綱」が見直されたため、閣議決定の時期を更新")),
                    [("b", b1.uid, must), ("b", b2.uid, must)]))
    # internal 1: a division renamed everywhere
    places: list[tuple] = []
    for _, n in walk(an):
        for b in n.blocks:
            if b.kind == "table":
                for r in b.rows:
                    if r[-1] == rename[0]:
                        r[-1] = rename[1]
                        places.append(("t", b.uid, r[0]))
                        used.add(b.uid)
            elif rename[0] in b.text:
                b.text = b.text.replace(rename[0], rename[1])
                places.append(("b", b.uid, rename[1]))
                used.add(b.uid)
    paths = []
    for pl in places:
        pth = block_path(an, pl[1])
        if pth not in paths:
            paths.append(pth)
    pending.append((dict(id=f"R{len(pending) + 1}", kind="internal-rename-division", cause="internal", paths=paths,
                         must=[rename[1]], summary=f"組織改正に伴い、所管課「{rename[0]}」を「{rename[1]}」に変更"), places))
    # internal 2: a 現状値 refreshed from the latest survey
    k = rng.choice([x for x in h["kpi"] if (x["chapter"], x["bp"]) not in kpi_used
                    and any(r[3].startswith("区民健康意識調査") for r in x["table"].rows[1:])])
    kpi_used.add((k["chapter"], k["bp"]))
    t = A(k["table"])
    r = next(x for x in t.rows[1:] if x[3].startswith("区民健康意識調査"))
    old = r[1]
    new = f"{float(old[:-1]) + rng.choice([-2.1, 1.4, 2.7, 3.3]):.1f}％"
    r[1], r[3] = new, "区民健康意識調査（令和６年度）"
    used.add(k["table"].uid)
    pending.append((dict(id=f"R{len(pending) + 1}", kind="internal-baseline", cause="internal",
                         paths=[node_path(an, k["node"].uid)], must=[new],
                         summary=f"目標指標「{r[0]}」の現状値を令和６年度区民健康意識調査の結果に更新（{old} → {new}）"),
                    [("t", t.uid, r[0])]))
    # internal 3: a 基本方針 renamed
    cands = [(3, 2, "休養と身体活動による健康づくり"), (4, 2, "持続可能な食環境づくり"), (5, 1, "地域で支える自殺対策ネットワークの強化")]
    ci, bi, newname = rng.choice(cands)
    bp = find_node(an, h[f"bp{ci}_{bi}"].uid)
    oldname = bp.heading.split("　", 2)[2]
    old_heading = bp.heading
    bp.heading = f"{zen(bi)}　基本方針{zen(bi)}　{newname}"
    # rows recorded before the rename name their place in the 案 as it now reads (under the new name)
    for d, _ in pending:
        d["paths"] = [[bp.heading if c == old_heading else c for c in p] for p in d["paths"]]
    bp.blocks[0].text = bp.blocks[0].text.replace(oldname, newname)
    used.add(bp.blocks[0].uid)
    taikei = next(n for _, n in walk(an) if bp in n.children).blocks[2]
    cell = next(r for r in taikei.rows if r[0].endswith(oldname))
    cell[0] = cell[0].replace(oldname, newname)
    used.add(taikei.uid)
    pending.append((dict(id=f"R{len(pending) + 1}", kind="internal-renamed-policy", cause="internal",
                         paths=[node_path(an, bp.uid), node_path(an, next(n for _, n in walk(an) if bp in n.children).uid)],
                         must=[newname],
                         summary=f"基本方針{zen(bi)}の名称を「{oldname}」から「{newname}」に変更"),
                    [("h", bp.uid, None), ("t", taikei.uid, cell[0])]))
    # internal 4: a 取組 moved from 第３章 to 第４章
    src = find_node(an, next(s["node"].uid for s in h["shisaku"] if (s["chapter"], s["bp"], s["si"]) == (3, 1, 2)))
    dst_sh = next(s for s in h["shisaku"] if (s["chapter"], s["bp"], s["si"]) == (4, 1, 2))
    src_t = next(b for b in src.blocks if b.kind == "table")
    row = src_t.rows.pop(row_index(src_t, MOVED[0]))
    dst_t = A(dst_sh["table"])
    dst_t.rows.insert(rng.randint(1, len(dst_t.rows)), row)
    used.update({src_t.uid, dst_t.uid})
    pending.append((dict(id=f"R{len(pending) + 1}", kind="internal-moved", cause="internal",
                         paths=[node_path(an, dst_sh["node"].uid), node_path(an, src.uid)], must=[MOVED[0]],
                         summary=f"「{MOVED[0]}」の取組を第３章 基本方針１（２）から第４章 基本方針１（２）に移動"),
                    [("t", dst_t.uid, MOVED[0])]))
    # editorial edits, in paragraphs no decision touches
    editorial_ops = [("子供", "子ども"), ("取組", "取り組み"), ("等を", "などを"), ("行う", "する"), ("出来る", "できる"),
                     ("２０歳以上", "20歳以上"), ("TYPO", "普及啓発"), ("SPLIT", "")]
    rng.shuffle(editorial_ops)
    paras = [b for s in h["shisaku"] for b in s["genjo"] + [s["kadai"]] if b.uid not in used]
    rng.shuffle(paras)
    edits: list[dict] = []
    for old, new in editorial_ops:
        if old == "TYPO":  # a typo in the 素案, fixed in the 案
            found = next((x for x in paras if "普及啓発" in x.text and x.uid not in used), None)
            if found is None:
                continue
            b = found
            b.text = b.text.replace("普及啓発", "普及敬発", 1)  # the 素案's copy
            old, new = "普及敬発", "普及啓発"
        elif old == "SPLIT":
            found = next((x for x in paras if x.uid not in used and x.text.count("。") >= 4), None)
            if found is None:
                continue
            b = found
            used.add(b.uid)
            ab = A(b)
            ends = [m.end() for m in re.finditer("。", ab.text)]
            at = ends[len(ends) // 2 - 1]
            node = next(n for _, n in walk(an) if ab in n.blocks)
            j = node.blocks.index(ab)
            second = Block(ids(), "para", ab.text[at:])
            ab.text = ab.text[:at]
            node.blocks.insert(j + 1, second)
            ctx = b.text[max(0, at - 12):at + 12]
            edits.append(dict(uid=ab.uid, before=ctx, after=ctx, core_before="", core_after="", kind="paragraph-split",
                              off=at - 1))
            continue
        found = next((x for x in paras if old in x.text and x.uid not in used), None)
        if found is None:
            continue
        b = found
        used.add(b.uid)
        i = b.text.index(old)
        ab = A(b)
        ab.text = ab.text[:i] + new + ab.text[i + len(old):]
        lo, hi = max(0, i - 10), i + len(old) + 10
        edits.append(dict(uid=ab.uid, before=b.text[lo:hi], after=b.text[lo:i] + new + b.text[i + len(old):hi],
                          core_before=old, core_after=new, kind="editorial", off=i))
    title_soan = f"{ward}第３次健康づくり推進計画（素案）"
    title_an = f"{ward}第３次健康づくり推進計画（案）"
    full_s, pdf_s, where_s = layout(soan, title_soan)
    full_a, pdf_a, where_a = layout(an, title_an)
    # the truth rows with their 案 pages
    truth_rows: list[dict] = []
    for d, pls in pending:
        pages = set()
        for pl in pls:
            if pl[0] == "t":
                b = find_block(an, pl[1])
                pages.add(where_a[("t", pl[1], row_index(b, pl[2]))])
            elif pl[0] == "h":
                pages.add(where_a[("h", pl[1])])
            else:
                b = find_block(an, pl[1]) if pl[1] is not None else next(
                    x for _, n in walk(an) for x in n.blocks if x.kind == "para" and pl[2] in x.text)
                pages.add(para_page(where_a, b.uid, b.text.index(pl[2])))
        item = " ".join(h.replace("　", " ") for h in d["paths"][0])
        truth_rows.append({"id": d["id"], "item": item, "an_pages": sorted(pages), "summary": d["summary"],
                           "section_paths": d["paths"], "kind": d["kind"],
                           "cause": {"type": d["cause"], "comment_ids": [], "note": ""}, "must_mention": d["must"],
                           "_d": d})
    editorial = []
    for k, e in enumerate(edits, 1):
        editorial.append({"id": f"E{k}", "section_path": block_path(an, e["uid"]), "before": e["before"], "after": e["after"],
                          "core_before": e["core_before"], "core_after": e["core_after"], "kind": e["kind"],
                          "an_page": para_page(where_a, e["uid"], e["off"])})
    # 目次 lines whose page moved
    toc_s = [b.text for b in full_s[0].blocks]
    toc_a = [b.text for b in full_a[0].blocks]
    for a_, b_ in zip(toc_s, toc_a):
        if a_ != b_:
            editorial.append({"id": f"E{len(editorial) + 1}", "section_path": ["目次"], "before": a_, "after": b_,
                              "core_before": "", "core_after": "", "kind": "toc", "an_page": 1})
    comments = _comments(rng, h, truth_rows, where_s)
    for tr in truth_rows:
        del tr["_d"]
    return Plan(seed=seed, title_soan=title_soan, title_an=title_an, soan=soan, an=an, an_pdf_only=seed % 2 == 1,
                bessi_xlsx=seed % 2 == 1, comments=comments, rows=truth_rows, editorial=editorial,
                pages={"soan": len(pdf_s) - 1, "an": len(pdf_a) - 1})


OTHER = [
    ("既記載", "{s}について、{g}にも情報が届くよう工夫してほしい。",
     "ご意見の趣旨は既に記載しています。{place}の区の取組において、{s}に関する情報発信に取り組むこととしています。"),
    ("既記載", "{s}は関係機関との連携が重要だと思う。", "ご意見の趣旨は既に記載しています。引き続き関係機関と連携して取り組んでまいります。"),
    ("参考", "{s}について、民間企業のノウハウを活用してはどうか。", "民間事業者との連携の在り方については、今後の参考とします。"),
    ("参考", "{s}の講座を土日や夜間にも開催してほしい。", "開催日時については、参加者の状況を踏まえながら検討していきます。今後の参考とします。"),
    ("参考", "{g}向けに、{s}のリーフレットを作ってほしい。", "周知の方法については、今後の参考とします。"),
    ("その他", "{s}の昨年度の実績を教えてほしい。", "令和６年度の実績は、区のホームページで公表しています。"),
    ("その他", "{s}の予算はどのくらいか。", "事業の予算については、各年度の予算編成の中で検討します。"),
]
GLOBAL = [
    ("全体", "参考", "計画の分量が多く、区民には読みにくい。概要版を作成してほしい。", "概要版の作り方については、今後の参考とします。"),
    ("全体", "その他", "３つの計画を一つにまとめた理由を教えてほしい。",
     "健康増進、食育、自殺対策は相互に関連が深いことから、一体的に推進するため一つの計画としています。"),
    ("自殺対策計画", "既記載", "自殺対策は、保健だけでなく福祉や教育とも連携して進めるべきだ。",
     "ご意見の趣旨は既に記載しています。関係各課と連携し、全庁的に取り組んでまいります。"),
    ("第２章", "その他", "区民健康意識調査の回答者数を教えてほしい。", "令和４年度の調査では、無作為に抽出した区民３，０００人のうち１，２５４人から回答を得ました。"),
    ("第６章 ３ 進行管理", "参考", "計画の進捗状況を毎年公表してほしい。", "進捗状況の公表方法については、今後の参考とします。"),
]


def _comments(rng: random.Random, h: dict, rows: list[dict], where_s: dict) -> list[dict]:
    """別紙1: the reflected comments (one or two per comment decision) among the others, in two blocks."""
    pub: list[dict[str, Any]] = []
    meet: list[dict[str, Any]] = []
    for r in rows:
        d = r["_d"]
        if d["cause"] != "comment":
            continue
        first: dict[str, Any] = dict(ref=rng.choice(d["refs"]), opinion=d["opinion"], answer=d["answer"], type="反映", row=r)
        (pub if rng.random() < 0.7 else meet).append(first)
        if rng.random() < 0.35:  # the same point made at the 区民意見交換会 too
            again = d["opinion"].replace("してほしい", "してもらいたい").rstrip("。") + "。周りの人も同じことを話している。"
            meet.append(dict(ref=rng.choice(d["refs"]), opinion=again, answer=d["answer"], type="反映", row=r))
    n = rng.randint(30, 70)
    others: list[dict[str, Any]] = []
    for ref, typ, op, ans in GLOBAL:
        others.append(dict(ref=ref, opinion=op, answer=ans, type=typ, row=None))
    while len(others) + len(pub) + len(meet) < n:
        sh = rng.choice(h["shisaku"])
        typ, op, ans = rng.choice(OTHER)
        place = f"第{zen(sh['chapter'])}章 基本方針{zen(sh['bp'])}（{zen(sh['si'])}）"
        ref = rng.choice([place, f"P.{where_s[('h', sh['node'].uid)]}", f"第{zen(sh['chapter'])}章 基本方針{zen(sh['bp'])}",
                          {3: "健康増進計画", 4: "食育推進計画", 5: "自殺対策計画"}[sh["chapter"]]])
        others.append(dict(ref=ref, opinion=op.format(s=sh["s"], g=sh["g"]), answer=ans.format(s=sh["s"], place=place),
                           type=typ, row=None))
    rng.shuffle(others)
    for c in others:
        (pub if rng.random() < 0.65 else meet).append(c)
    rng.shuffle(pub)
    rng.shuffle(meet)
    out = []
    for k, (block, c) in enumerate([("パブリックコメント", c) for c in pub] + [("区民意見交換会", c) for c in meet], 1):
        cid = f"C{k:02d}"
        if c["row"] is not None:
            c["row"]["cause"]["comment_ids"].append(cid)
        out.append({"id": cid, "no": k, "block": block, "ref": c["ref"], "opinion": c["opinion"], "answer": c["answer"],
                    "response_type": c["type"], "reflected": c["type"] == "反映",
                    "row_ids": [c["row"]["id"]] if c["row"] is not None else []})
    return out


# ---------------------------------------------------------------- files


def _docx(tree: list[Node], title: str, path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph(title, style="Title")
    full = tree  # the 目次 node first: plain paragraphs, not a heading
    for pth, n in walk(full):
        if n.heading == "目次":
            doc.add_paragraph("目次")
        else:
            doc.add_heading(n.heading, level=len(pth))
        for b in n.blocks:
            if b.kind == "para":
                doc.add_paragraph(b.text)
            else:
                t = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
                t.style = "Table Grid"
                for i, r in enumerate(b.rows):
                    for j, c in enumerate(r):
                        t.cell(i, j).text = c
    doc.save(str(path))


def _bessi_xlsx(plan: Plan, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "別紙1"
    ws.append([plan.title_soan.replace("（素案）", "（素案）") + "に対する意見の概要及び区の考え方"])
    ws.append([])
    ws.append(["番号", "区分", "計画該当箇所", "ご意見（要旨）", "区の考え方", "対応区分"])
    for c in plan.comments:
        ws.append([c["no"], c["block"], c["ref"], c["opinion"], c["answer"], c["response_type"]])
    wb.save(str(path))


def _bessi_docx(plan: Plan, path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("素案に対する主な意見の概要及びそれに対する区の考え方")
    doc.add_paragraph("対応区分　反映：計画に反映したもの　既記載：既に計画に記載しているもの　参考：今後の参考とするもの　その他：質問等")
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for j, x in enumerate(["番号", "計画該当箇所", "ご意見（要旨）", "区の考え方", "対応区分"]):
        t.cell(0, j).text = x
    block = ""
    for c in plan.comments:
        if c["block"] != block:
            block = c["block"]
            cells = t.add_row().cells
            m = cells[0].merge(cells[4])
            m.text = ("１　パブリックコメント（令和７年１２月１日～令和８年１月５日）" if block == "パブリックコメント"
                      else "２　区民意見交換会（令和７年１２月１３日・１６日）")
        cells = t.add_row().cells
        for j, x in enumerate([str(c["no"]), c["ref"], c["opinion"], c["answer"], c["response_type"]]):
            cells[j].text = x
    doc.save(str(path))


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    f: dict[str, Path] = {}
    for v, tree, title in (("soan", plan.soan, plan.title_soan), ("an", plan.an, plan.title_an)):
        full, pdf, _ = layout(tree, title)
        f[v + "_pdf"] = d / f"{v}.pdf"
        write_page_ops(pdf, f[v + "_pdf"])
        if v == "an" and plan.an_pdf_only:
            f[v] = f[v + "_pdf"]
            (d / "an.docx").unlink(missing_ok=True)
        else:
            f[v] = d / f"{v}.docx"
            _docx(full, title, f[v])
    if plan.bessi_xlsx:
        f["comments"] = d / "bessi1.xlsx"
        _bessi_xlsx(plan, f["comments"])
    else:
        f["comments"] = d / "bessi1.docx"
        _bessi_docx(plan, f["comments"])
    exp = {"case": f"blind13-s{plan.seed}", "rows": plan.rows,
           "comments": [{k: c[k] for k in ("id", "ref", "reflected", "response_type", "row_ids", "block")} for c in plan.comments],
           "editorial": plan.editorial,
           "non_reportable": ["表紙の版表記（素案→案）", "目次のページ番号", "取組の並び替えによる番号の振り直し"]}
    f["expected"] = d / "expected.json"
    f["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    return {"seed": plan.seed, "rows": len(plan.rows), "editorial": len(plan.editorial), "comments": len(plan.comments),
            "reflected": sum(c["reflected"] for c in plan.comments), "pages_soan": plan.pages["soan"],
            "pages_an": plan.pages["an"], "an": "PDF only" if plan.an_pdf_only else "DOCX+PDF",
            "bessi1": "xlsx" if plan.bessi_xlsx else "docx"}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
