"""The sixth blind family: a 市's 都市計画マスタープラン, 素案 → 案 after a
public comment, written without reading how revtool decides anything (issue 11).

House style (unlike the ward DX plan, the 環境基本計画, the ministry plan, the
総合計画, the 介護保険事業計画 and the 教育振興基本計画): 「第1章　計画の概要」 /
decimal headings 「1-1　計画策定の目的」 / 「3-3-2　道路・交通の方針」 as Word
heading styles; 第3章 全体構想 with 分野別の方針 3-3-1 … 3-3-5, each ending in
a 数値目標 table 指標 | 現状値（令和5年度） | 目標値（令和17年度）; a 施策の体系
table (分野 | 方針 | 主な取組) listing every 3-3-n; 第4章 地域別構想 whose 地域
sections are headed by name only (「北部地域」, no number) and repeat the same
sub-structure (1) 地域の概要 / (2) 地域づくりの目標 / (3) 地域別の整備方針 with a
table 分野 | 整備方針; a 人口 data table in 第2章; a 目次 with pages (plain
paragraphs, never a heading).

別紙1: No | 区分 | 該当箇所 | 意見の要旨 | 市の考え方 as an XLSX sheet whose
該当箇所 cells are merged over consecutive rows on the same place (odd seeds) or
as a UTF-8 TSV (even seeds); 区分 A（反映）/B（既記載）/C（参考）/D（不反映）;
answers 「…修正しました」「…反映します」「記載済みです」「参考にします」
「対応は困難です」; 40-70 rows; a typo pointed out (A, no row).

Decisions (one truth row each, as staff write 別紙2): comment — a 目標値 raised
in the 公園・緑地 table, a sentence added to 防災まちづくりの方針, a row added to
one 地域's 整備方針 table, a sentence added to another 地域's 目標, 「…を検討します」
→「…実施します」 in 5-3; external — 都市緑地法 amended (quoted in 1-1 and
公園・緑地: one row, both pages), the 県's 都市計画区域マスタープラン revised;
internal — a 部 renamed everywhere and the 現状値 of every 数値目標 table moved to
令和6年度 (always), plus two of: 3-3-1 renamed (heading + 体系 line), 防災 and
景観 swapped, 3-3-2 split into 道路 and 公共交通.
Never rows: renumbering, 目次 lines, 公用文 表記 and typos (出来る→できる,
更に→さらに, 概ね→おおむね, 但し→ただし, 整偏→整備, 景感→景観, 「１０分」→「10分」,
「駅周辺 の」 stray space removed, 「。。」→「。」).

    plan = generate(3001)
    files = write_plan(plan, Path("out"))  # soan/an .docx/.pdf, bessi1.xlsx|tsv, expected.json

Seeds: tuning 3001-3003, held-out 3101-3103.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from openpyxl.styles import Alignment

from benchmarks.plan_pdf import PrintLine, lay_out, wrap, write_pdf

BLIND6_TUNING_SEEDS = (3001, 3002, 3003)
BLIND6_SEEDS = (3101, 3102, 3103)

CITIES = ["みなと市", "さくら市", "あおば市", "かわせ市", "ひがしの市", "つばさ市"]
AREAS = ["北部", "中央", "南部", "東部", "西部", "臨海", "丘陵"]
RIVERS = ["桜川", "青葉川", "中川", "白石川"]
STATIONS = ["中央駅", "北口駅", "市役所前駅", "川辺駅", "緑ケ丘駅"]
ED_IDS = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"]

FILL = {
    "land": ["駅周辺では、商業・業務機能や医療・福祉機能などの都市機能の集積を図ります。",
             "住宅地では、良好な住環境を維持しつつ、空き家や低未利用地の活用を促進します。",
             "工業地では、周辺環境との調和に配慮しながら、操業環境の維持・向上を図ります。",
             "市街化調整区域では、農地や自然環境の保全を基本とし、無秩序な市街化を抑制します。",
             "地区計画制度を活用し、地域の特性に応じたきめ細かなまちづくりを進めます。",
             "大規模な工場跡地では、周辺の土地利用と調和した計画的な土地利用転換を誘導します。",
             "幹線道路の沿道では、沿道サービス施設の立地を適切に誘導します。",
             "都市機能誘導区域と居住誘導区域を定め、緩やかな誘導により都市機能と居住の集約を図ります。"],
    "road": ["都市計画道路の整備を計画的に進め、市内外を結ぶ道路ネットワークの形成を図ります。",
             "歩道の拡幅やバリアフリー化を進め、誰もが安全に移動できる歩行空間を確保します。",
             "路線バスやコミュニティバスの運行を維持し、公共交通の利便性の向上に努めます。",
             "鉄道駅の交通結節機能を強化し、乗り継ぎの円滑化を図ります。",
             "長期未着手の都市計画道路については、必要性を検証し、見直しを行います。",
             "通学路の安全点検を定期的に行い、危険箇所の改善を進めます。",
             "橋りょうの長寿命化修繕計画に基づき、計画的な補修を行います。"],
    "park": ["身近な公園の再整備を進め、子どもから高齢者まで利用しやすい公園づくりを進めます。",
             "河川沿いの緑地や樹林地を保全し、水と緑のネットワークの形成を図ります。",
             "公園の管理運営に民間活力を導入し、にぎわいの創出を図ります。",
             "街路樹の適切な維持管理を行い、緑豊かな道路空間を確保します。",
             "公共施設や民有地の緑化を促進し、市街地の緑被率の向上を図ります。",
             "農地が持つ多面的な機能を生かし、市民農園などとしての活用を進めます。",
             "老朽化した公園施設は、計画的に更新します。"],
    "bosai": ["木造住宅が密集する地区では、建築物の不燃化と道路の拡幅を一体的に進めます。",
              "河川改修や雨水貯留施設の整備を進め、浸水被害の軽減を図ります。",
              "避難場所となる公園や学校の防災機能の強化を図ります。",
              "土砂災害警戒区域など災害リスクの高い区域では、居住の誘導を抑制します。",
              "防災指針に基づき、ハード・ソフトの両面から災害リスクの低減を図ります。",
              "ハザードマップの周知を図り、市民の防災意識の向上に努めます。",
              "上下水道などのライフラインの耐震化を進めます。"],
    "keikan": ["地域の歴史や文化を生かした景観づくりを進めます。",
               "幹線道路沿道では、屋外広告物の適正な誘導により、良好な沿道景観の形成を図ります。",
               "河川や丘陵地の眺望を保全し、自然と調和した景観の形成を図ります。",
               "景観計画に基づき、一定規模以上の建築行為について景観への配慮を求めます。",
               "市民による景観まちづくり活動を支援します。",
               "公共施設の整備に当たっては、周辺の景観との調和に配慮します。"],
    "area": ["地域の生活拠点では、日常の買い物や通院に必要な機能の維持を図ります。",
             "地域内の生活道路では、通過交通の抑制と歩行者の安全確保を図ります。",
             "地域の住民や事業者と連携し、地域の魅力を高めるまちづくりを進めます。",
             "空き家や空き店舗の活用を進め、地域のにぎわいの再生を図ります。",
             "身近な公園や広場を地域の交流の場として活用します。",
             "高齢者や障害のある人が安心して外出できるよう、段差の解消などを進めます。",
             "地域の農地や樹林地を保全し、身近な自然を次世代に引き継ぎます。",
             "地域の祭りや行事の場となる空間の確保を図ります。"],
}

FIELDS: list[tuple[str, str, list[tuple[str, str, float, float]]]] = [  # key, name, indicators (name, unit, now, target)
    ("land", "土地利用の方針", [("用途地域内の低未利用地面積", "ha", 42.0, 30.0),
                                ("地区計画の策定地区数", "地区", 12, 18)]),
    ("road", "道路・交通の方針", [("都市計画道路の整備率", "％", 61.5, 75.0),
                                  ("路線バスの年間利用者数", "万人", 812, 850)]),
    ("park", "公園・緑地の方針", [("市民一人当たりの都市公園面積", "㎡", 5.8, 6.5),
                                  ("緑地の保全面積", "ha", 310, 340)]),
    ("bosai", "防災まちづくりの方針", [("住宅の耐震化率", "％", 88.2, 95.0),
                                       ("不燃領域率（重点地区）", "％", 54.0, 70.0)]),
    ("keikan", "景観形成の方針", [("景観重要建造物の指定件数", "件", 6, 12),
                                  ("屋外広告物の是正件数（累計）", "件", 140, 300)]),
]
TRANSIT = FILL["road"][2] + FILL["road"][3]
RENAME_TO = "土地利用・市街地整備の方針"
SPLIT_TO = ("道路ネットワークの方針", "公共交通の方針")


@dataclass
class Block:
    kind: str  # h1 h2 h3 p table toc
    uid: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Plan:
    seed: int
    city: str
    areas: list[str]
    river: str
    station: str
    decisions: list[str]
    soan: list[Block]
    an: list[Block]
    comments: list[dict]
    k_row: int = 0  # the 地域 whose 整備方針 table gains a row (C_row)
    k_goal: int = 1  # the 地域 whose 目標 gains a sentence (C_goal)

    @property
    def title(self) -> str:
        return f"{self.city}都市計画マスタープラン"


def _filler(seed: int, uid: str, topic: str, n: int, skip: int = 0) -> str:
    """Sentences ``skip``..``n`` of the topic's pool shuffled for ``uid`` (never one twice)."""
    pool = FILL[topic][:]
    random.Random(f"{seed}:{uid}").shuffle(pool)
    return "".join(pool[skip:n])


def _num(v: float, unit: str) -> str:
    s = f"{v:.1f}" if isinstance(v, float) else str(v)
    return f"{s}{unit}"


def build(seed: int, an: bool, dec: set[str], city: str, areas: list[str], river: str, station: str,
          k_row: int = 0, k_goal: int = 1) -> list[Block]:
    """One version's blocks (素案 when ``an`` is False); ``dec`` the decisions taken for the 案."""
    def has(d: str) -> bool:
        return an and d in dec

    def ed(before: str, after: str) -> str:
        return after if an else before

    bu = "まちづくり推進部" if has("I_org") else "都市整備部"
    year_now = "令和6年度" if has("I_now") else "令和5年度"
    b: list[Block] = []

    def h(kind: str, uid: str, text: str) -> None:
        b.append(Block(kind, uid, text))

    def p(uid: str, text: str) -> None:
        b.append(Block("p", uid, text))

    b.append(Block("toc", "toc", "目次"))
    # 第1章
    h("h1", "c1", "第1章　計画の概要")
    h("h2", "c1s1", "1-1　計画策定の目的")
    law = ("また、令和6年11月に施行された改正都市緑地法（昭和48年法律第72号）により、緑地の質の向上と量の確保が"
           "都市計画の課題として位置付けられたことを踏まえ、緑の保全と創出を一層重視します。" if has("E_law") else "")
    p("c1s1p1", f"{city}では、平成20年に都市計画マスタープランを策定し、「水と緑に抱かれた住みよいまち」を目指して"
                f"まちづくりを進めてきました。しかし、人口減少や高齢化の進行、頻発する自然災害など、都市を取り巻く"
                f"環境は大きく変化しています。" + ed("更に", "さらに") + f"、脱炭素社会の実現に向けた取組も求められています。")
    p("c1s1p2", "本計画は、こうした変化に対応し、概ね20年後の都市の将来像とその実現に向けた方針を明らかにするために"
                "策定するものです。".replace("概ね", ed("概ね", "おおむね")) + law)
    h("h2", "c1s2", "1-2　計画の位置付け")
    p("c1s2p1", f"本計画は、都市計画法（昭和43年法律第100号）第18条の2に規定する「市町村の都市計画に関する基本的な方針」"
                f"として定めるものです。{city}総合計画に即するとともに、県が定める都市計画区域の整備、開発及び保全の方針に"
                f"即して定めます。")
    pref = ("県の都市計画区域マスタープラン（令和8年3月改定）に即して定めます。令和8年3月の改定で示された"
            "「集約型都市構造への転換」の考え方を、本計画の将来都市構造に反映しています。"
            if has("E_pref") else "県の都市計画区域マスタープラン（令和3年3月）に即して定めます。")
    p("c1s2p2", "本計画は、立地適正化計画、緑の基本計画、景観計画などの分野別計画の上位に位置付けられ、"
                + pref)
    h("h2", "c1s3", "1-3　計画の期間")
    p("c1s3p1", "本計画の期間は、令和8年度から令和27年度までの20年間とします。但し、社会経済情勢の変化に応じて、"
                "おおむね10年後に中間見直しを行います。".replace("但し", ed("但し", "ただし")))
    # 第2章
    h("h1", "c2", "第2章　都市の現状と課題")
    h("h2", "c2s1", "2-1　人口の動向")
    p("c2s1p1", f"本市の人口は、平成27年をピークに減少に転じています。特に{areas[0]}地域や{areas[-1]}地域では高齢化が進み、"
                f"地域の生活を支える機能の維持が課題となっています。")
    r = random.Random(seed)
    pop = [r.randint(118000, 126000)]
    for _ in range(3):
        pop.append(pop[-1] - r.randint(1500, 3500))
    b.append(Block("table", "c2s1t", rows=[["年", "人口（人）", "高齢化率（％）"]] +
                   [[y, f"{v:,}", f"{24.0 + i * 2.1:.1f}"] for i, (y, v) in
                    enumerate(zip(["平成27年", "令和2年", "令和7年", "令和12年（推計）"], pop))]))
    p("c2s1p2", _filler(seed, "c2s1p2", "area", 3))
    h("h2", "c2s2", "2-2　土地利用の現状")
    p("c2s2p1", f"{station}周辺には商業施設が集積していますが、空き店舗が増加しています。" +
                ed("駅周辺 の", "駅周辺の") + "低未利用地の活用が課題です。" + _filler(seed, "c2s2p1", "land", 3))
    p("c2s2p2", _filler(seed, "c2s2p2", "land", 4))
    h("h2", "c2s3", "2-3　都市づくりの課題")
    p("c2s3p1", "人口減少下においても、生活に必要な機能を身近な場所で享受できる都市構造への転換が求められています。" +
                _filler(seed, "c2s3p1", "road", 3))
    p("c2s3p2", "また、近年の豪雨災害を踏まえ、災害に強い都市づくりを進める必要があります" +
                ed("。。", "。") + _filler(seed, "c2s3p2", "bosai", 3))
    # 第3章
    h("h1", "c3", "第3章　全体構想")
    h("h2", "c3s1", "3-1　将来都市像")
    p("c3s1p1", "本計画では、将来都市像を「水と緑がつなぐ、誰もが暮らしやすいコンパクトなまち」とします。"
                + _filler(seed, "c3s1p1", "area", 3))
    h("h2", "c3s2", "3-2　将来都市構造")
    p("c3s2p1", f"{station}周辺を都市拠点、各地域の駅やバス停の周辺を地域拠点と位置付け、拠点間を公共交通で結ぶ"
                f"「拠点ネットワーク型」の都市構造を目指します。拠点からは徒歩" + ed("１０分", "10分") +
                "圏内で日常の用事が済むまちを目指します。" + _filler(seed, "c3s2p1", "road", 2))
    h("h2", "c3s3", "3-3　分野別の方針")
    order = [f[0] for f in FIELDS]
    if has("I_swap"):
        order[3], order[4] = order[4], order[3]
    names: list[tuple[str, str]] = []  # (key, heading name) in printed order
    for key in order:
        name = next(f[1] for f in FIELDS if f[0] == key)
        if key == "land" and has("I_rename"):
            name = RENAME_TO
        if key == "road" and has("I_split"):
            names += [("road", SPLIT_TO[0]), ("transit", SPLIT_TO[1])]
        else:
            names.append((key, name))
    for i, (key, name) in enumerate(names, 1):
        h("h3", f"f_{key}", f"3-3-{i}　{name}")
        topic = "road" if key == "transit" else key
        if key == "road":
            p("f_road_p1", "".join(FILL["road"][i] for i in (0, 1, 4)) + ("" if has("I_split") else TRANSIT))
        elif key == "transit":
            p("f_transit_p1", TRANSIT)
        else:
            p(f"f_{key}_p1", _filler(seed, f"f_{key}_p1", topic, 3))
            p(f"f_{key}_p3", _filler(seed, f"f_{key}_p1", topic, 7, skip=3))
        if key == "land":
            p("f_land_p2", "市街地の縁辺部では、農地と住宅地が混在しないよう土地利用を誘導することが" +
                           ed("出来る", "できる") + "よう、制度の活用を検討します。")
        if key == "park":
            green = ("令和6年11月に施行された改正都市緑地法（昭和48年法律第72号）を踏まえ、緑の基本計画を改定し、"
                     "民間事業者による優良な緑地の確保を促進します。" if has("E_law")
                     else "都市緑地法に基づく緑の基本計画と連携し、緑地の保全を進めます。")
            p("f_park_p2", green + f"{river}沿いの緑地を市民の憩いの場として活用します。")
        if key == "bosai":
            add = ("避難路となる幹線道路の沿道では、建築物の耐震化と不燃化への助成を拡充し、延焼の防止を図ります。"
                   if has("C_sentence") else "")
            p("f_bosai_p2", "災害に強い都市構造の形成に向けて、防災上重要な施設の整" + ed("偏", "備") +
                            "を計画的に進めます。" + add)
        if key == "keikan":
            p("f_keikan_p2", f"{river}の河川" + ed("景感", "景観") + "を生かし、水辺と調和したまち並みの形成を図ります。")
        if key == "transit":
            continue
        ind = next(f[2] for f in FIELDS if f[0] == key)
        rows = [["指標", f"現状値（{year_now}）", "目標値（令和17年度）"]]
        rr = random.Random(f"{seed}:{key}")
        for (iname, unit, now, target) in ind:
            if has("I_now"):
                step = rr.choice([1, 2, 3])
                sign = 1 if target > now else -1
                now = round(now + step * sign * 0.3, 1) if isinstance(now, float) else now + step * sign
            if key == "park" and iname.startswith("市民一人") and has("C_target"):
                target = 7.0
            rows.append([iname, _num(now, unit), _num(target, unit)])
        p(f"f_{key}_tcap", "【数値目標】")
        b.append(Block("table", f"f_{key}_t", rows=rows))
    h("h2", "c3s4", "3-4　施策の体系")
    p("c3s4p1", "分野別の方針と主な取組の関係は、次のとおりです。")
    main = {"land": "低未利用地の活用、地区計画の推進", "road": "都市計画道路の整備、公共交通の維持",
            "transit": "バス路線の維持、交通結節点の強化", "park": "公園の再整備、緑地の保全",
            "bosai": "建築物の耐震化・不燃化、浸水対策", "keikan": "景観計画の運用、屋外広告物の誘導"}
    if has("I_split"):
        main["road"] = "都市計画道路の整備、歩行空間の確保"
    b.append(Block("table", "c3s4t", rows=[["分野", "方針", "主な取組"]] +
                   [[f"3-3-{i}", name, main[key]] for i, (key, name) in enumerate(names, 1)]))
    # 第4章
    h("h1", "c4", "第4章　地域別構想")
    p("c4p0", f"市域を{len(areas)}つの地域に区分し、地域ごとのまちづくりの方針を示します。")
    for k, a in enumerate(areas):
        u = f"a{k}"
        h("h2", u, f"{a}地域")
        h("h3", f"{u}s1", "(1)　地域の概要")
        p(f"{u}s1p1", f"{a}地域は、" + ["住宅地と農地が広がる地域です。", "鉄道駅を中心に商業・業務機能が集積する地域です。",
                                      f"{river}の流域に位置し、工業地と住宅地が共存する地域です。", "丘陵地の緑に囲まれた閑静な住宅地の地域です。"][k % 4]
              + _filler(seed, f"{u}s1p1", "area", 2))
        h("h3", f"{u}s2", "(2)　地域づくりの目標")
        goal = f"「{a}の暮らしを支える、安全で快適な地域」を目標とします。"
        if k == k_goal and has("C_goal"):
            goal += "あわせて、子育て世代が住み続けたいと思える住環境の形成を目指します。"
        p(f"{u}s2p1", goal)
        h("h3", f"{u}s3", "(3)　地域別の整備方針")
        p(f"{u}s3p1", _filler(seed, f"{u}s3p1", "area", 4))
        p(f"{u}s3p2", _filler(seed, f"{u}s3p1", "area", 7, skip=4))
        trows = [["分野", "整備方針"],
                 ["土地利用", f"{a}地域の拠点周辺における生活利便施設の誘導"],
                 ["道路・交通", "生活道路の安全対策と地域内のバス路線の維持"],
                 ["公園・緑地", "身近な公園の再整備と緑の保全"]]
        if k == k_row:
            trows.append(["防災", f"{river}沿いの浸水対策と避難場所の確保"])
        if k == k_row and has("C_row"):
            trows.append(["防災", f"{river}沿いの避難路の整備と案内標識の設置"])
        b.append(Block("table", f"{u}s3t", rows=trows))
    # 第5章
    h("h1", "c5", "第5章　計画の実現に向けて")
    h("h2", "c5s1", "5-1　協働のまちづくり")
    p("c5s1p1", "まちづくりは、市民、事業者、行政がそれぞれの役割を担い、協働して進めることが重要です。" +
                _filler(seed, "c5s1p1", "area", 2))
    h("h2", "c5s2", "5-2　推進体制")
    p("c5s2p1", f"本計画の推進に当たっては、{bu}都市計画課が中心となり、庁内の関係部署と連携して取り組みます。"
                f"また、{bu}は、都市計画審議会に進捗状況を報告します。")
    h("h2", "c5s3", "5-3　計画の進行管理")
    survey = ("数値目標の達成状況を毎年度点検するとともに、市民意識調査を5年ごとに実施します。" if has("C_survey")
              else "数値目標の達成状況を毎年度点検するとともに、市民意識調査の実施を検討します。")
    p("c5s3p1", "本計画は、PDCAサイクルに基づき進行管理を行います。" + survey +
                f"点検の結果は、{bu}のホームページで公表します。")
    return b


# ---- layout -----------------------------------------------------------------------------------

def _print_lines(blocks: list[Block], toc_pages: dict[str, int] | None) -> list[PrintLine]:
    out: list[PrintLine] = []
    for bl in blocks:
        if bl.kind == "toc":
            out.append(PrintLine("目次", 14, ("h", "toc"), new_page=False))
            for x in blocks:
                if x.kind in ("h1", "h2"):
                    pg = (toc_pages or {}).get(x.uid, 0)
                    out.append(PrintLine(("" if x.kind == "h1" else "　") + f"{x.text}……{pg}", 10.5, ("toc", x.uid)))
        elif bl.kind == "h1":
            out.append(PrintLine(bl.text, 16, ("h", bl.uid), new_page=True))
        elif bl.kind in ("h2", "h3"):  # each 地域 of 第4章 starts a page
            out.append(PrintLine(bl.text, 13 if bl.kind == "h2" else 11.5, ("h", bl.uid),
                                 new_page=bl.kind == "h2" and bl.uid[0] == "a"))
        elif bl.kind == "p":
            for off, s in wrap("　" + bl.text):
                out.append(PrintLine(s, key=(bl.uid, max(off - 1, 0))))
        else:
            for i, row in enumerate(bl.rows):
                for j, (off, s) in enumerate(wrap("　".join(row), 44)):
                    out.append(PrintLine(("　　" if j else "") + s, 10, (bl.uid, "row", i) if j == 0 else ()))
    return out


def layout(blocks: list[Block], title: str) -> tuple[list, dict]:
    pages, where = lay_out(_print_lines(blocks, None), title)
    toc = {k[1]: v for k, v in where.items() if k and k[0] == "h"}
    return lay_out(_print_lines(blocks, toc), title)


def page_of(where: dict, blocks: list[Block], uid: str, needle: str | None = None, row: int | None = None) -> list[int]:
    """Printed pages of a heading/table row/paragraph span (start and end of ``needle``)."""
    bl = next(x for x in blocks if x.uid == uid)
    if bl.kind.startswith("h"):
        return [where[("h", uid)]]
    if bl.kind == "table":
        return [where[(uid, "row", row if row is not None else 0)]]
    i = bl.text.index(needle) if needle else 0
    j = i + (len(needle) - 1 if needle else 0)
    offs = sorted(k[1] for k in where if k[0] == uid and isinstance(k[1], int))

    def at(c: int) -> int:
        return where[(uid, max(o for o in offs if o <= c))]
    return sorted({at(i), at(j)})


# ---- generation -------------------------------------------------------------------------------

def generate(seed: int) -> Plan:
    r = random.Random(seed * 7 + 3)
    city = r.choice(CITIES)
    areas = r.sample(AREAS, r.choice([4, 5]))
    k_row, k_goal = r.sample(range(len(areas)), 2)
    river, station = r.choice(RIVERS), r.choice(STATIONS)
    internal = ["I_org", "I_now"] + sorted(r.sample(["I_rename", "I_swap", "I_split"], 2))
    comment = ["C_target", "C_sentence", "C_row", "C_goal", "C_survey"]
    if r.random() < 0.5:
        comment.remove(r.choice(["C_goal", "C_sentence"]))
    dec = comment + ["E_law", "E_pref"] + internal
    args = (city, areas, river, station, k_row, k_goal)
    soan = build(seed, False, set(dec), *args)
    an = build(seed, True, set(dec), *args)
    plan = Plan(seed, city, areas, river, station, dec, soan, an, [], k_row, k_goal)
    plan.comments = _comments(plan, r)
    return plan


def _path(blocks: list[Block], uid: str) -> list[str]:
    """Heading path of a block: the h1/h2/h3 above it (the block's own heading included)."""
    stack: dict[int, str] = {}
    for bl in blocks:
        if bl.kind in ("h1", "h2", "h3"):
            lv = int(bl.kind[1])
            stack = {k: v for k, v in stack.items() if k < lv}
            stack[lv] = bl.text
        if bl.uid == uid:
            return [stack[k] for k in sorted(stack)]
    raise KeyError(uid)


def _ref(plan: Plan, uid: str, where_s: dict) -> str:
    path = _path(plan.soan, uid)
    ch = path[0].split("　")[0]
    last = path[-1] if len(path) > 1 else ""
    if len(path) >= 3 and path[-1].startswith("("):
        last = path[1]  # a 地域 section: 「第4章 北部地域」
    pg = page_of(where_s, plan.soan, uid)[0]
    return f"P.{pg}　{ch} {last}".strip()


def _comments(plan: Plan, r: random.Random) -> list[dict]:
    _, where_s = layout(plan.soan, plan.title + "（素案）")
    a0, a1 = plan.areas[plan.k_row], plan.areas[plan.k_goal]
    r0, g1 = f"a{plan.k_row}", f"a{plan.k_goal}"
    linked = {
        "C_target": [("公園・緑地の方針の数値目標で、市民一人当たりの都市公園面積の目標値6.5㎡は低すぎる。県内の平均並みの7.0㎡を目指すべきではないか。",
                      "ご意見を踏まえ、市民一人当たりの都市公園面積の目標値を7.0㎡に修正しました。", "f_park_t"),
                     ("子どもの遊び場が足りないので、公園面積の目標をもっと高くしてほしい。",
                      "ご意見を踏まえ、目標値を引き上げました（No.{first}の考え方のとおり）。", "f_park_t")],
        "C_sentence": [("幹線道路の沿道に古い建物が多く、地震の際に道路がふさがるおそれがある。沿道建築物の耐震化・不燃化への支援を書き込んでほしい。",
                        "ご意見を踏まえ、避難路となる幹線道路の沿道における耐震化と不燃化への助成の拡充について追記しました。", "f_bosai_p2")],
        "C_row": [(f"{a0}地域では{plan.river}沿いの避難路が分かりにくい。避難路の整備と案内標識の設置を整備方針に加えてほしい。",
                   f"ご意見を踏まえ、{a0}地域の整備方針に避難路の整備と案内標識の設置を加えました。", f"{r0}s3t"),
                  (f"{plan.river}があふれたときの逃げ道の案内がない。（同趣旨ほか2件）",
                   "反映します。避難路の案内標識の設置を地域別の整備方針に記載しました。", f"{r0}s3t")],
        "C_goal": [(f"{a1}地域の目標に、若い世代や子育て世代が住み続けられるまちという視点を入れてほしい。",
                    f"ご意見を踏まえ、{a1}地域の目標に子育て世代が住み続けたいと思える住環境の形成を追記しました。", f"{g1}s2p1")],
        "C_survey": [("市民意識調査の実施を「検討します」では弱い。定期的に実施すると明記すべき。",
                      "ご意見を踏まえ、市民意識調査を5年ごとに実施することとし、記載を修正しました。", "c5s3p1")],
    }
    fill_b = [("空き家の活用を進めてほしい。", "2-2及び地域別構想に記載済みです。", "c2s2p1"),
              ("駅前のにぎわいを取り戻してほしい。", "3-3-1に記載済みです。今後の取組の中で進めてまいります。", "f_land_p1"),
              ("歩道のバリアフリー化を進めてほしい。", "道路・交通の方針に記載済みです。", "f_road_p1"),
              ("浸水対策を進めてほしい。", "防災まちづくりの方針に記載済みです。", "f_bosai_p1"),
              (f"{plan.station}周辺の拠点性を高めてほしい。", "将来都市構造に記載済みです。", "c3s2p1")]
    fill_c = [("公園にカフェなどを設けてほしい。", "今後の公園の再整備の参考にします。", "f_park_p1"),
              ("自転車専用道を整備してほしい。", "ご意見として参考にします。", "f_road_p1"),
              ("景観について市民が学べる機会をつくってほしい。", "今後の施策の参考にさせていただきます。", "f_keikan_p1"),
              ("地域の集会所を建て替えてほしい。", "ご意見は関係部署と共有し、参考にします。", "a3s3p1"),
              ("計画の概要版を作ってほしい。", "公表の方法の参考にします。", "c1s1p1")]
    fill_d = [("市街化調整区域を広く市街化区域に編入すべき。", "農地や自然環境の保全の観点から、対応は困難です。", "f_land_p1"),
              ("新たな高速道路のインターチェンジを計画に入れるべき。", "本計画の範囲を超えるため、対応は困難です。", "f_road_p1"),
              ("全ての公園に駐車場を設けてほしい。", "用地の制約があり、対応は困難です。", "f_park_p1")]
    rows: list[dict] = []
    for d in plan.decisions:
        for k, (op, ans, uid) in enumerate(linked.get(d, [])):
            rows.append({"decision": d, "kubun": "A（反映）", "uid": uid, "opinion": op, "answer": ans, "sub": k})
    rows.append({"decision": None, "kubun": "A（反映）", "uid": "f_keikan_p2", "opinion": "「河川景感」は「河川景観」の誤りではないか。",
                 "answer": "ご指摘のとおり修正しました。", "typo": True})
    n = r.randint(40, 70)
    pools = [("B（既記載）", fill_b), ("C（参考）", fill_c), ("D（不反映）", fill_d)]
    pre = ["", "私は", "かねてから", "", "子育て中の立場から、", "高齢の家族がいるので、"]
    while len(rows) < n:
        kub, pool = r.choice(pools)
        op, ans, uid = r.choice(pool)
        rows.append({"decision": None, "kubun": kub, "uid": uid, "opinion": r.choice(pre) + op, "answer": ans})
    order = {b.uid: i for i, b in enumerate(plan.soan)}
    rows.sort(key=lambda x: (order[x["uid"]], x.get("sub", 0), x["opinion"]))
    for i, x in enumerate(rows, 1):
        x["no"] = i
        x["id"] = f"C{i:02d}"
        x["ref"] = _ref(plan, x["uid"], where_s)
    first = {x["decision"]: x["no"] for x in reversed(rows) if x["decision"]}
    for x in rows:
        x["answer"] = x["answer"].replace("{first}", str(first.get(x["decision"], "")))
    return rows


def expected(plan: Plan, where_a: dict) -> dict:
    an = plan.an

    def pg(uid: str, needle: str | None = None, row: int | None = None) -> list[int]:
        return page_of(where_a, an, uid, needle, row)

    def ids(d: str) -> list[str]:
        return [c["id"] for c in plan.comments if c["decision"] == d]

    rows: list[dict] = []

    def add(d: str, item: str, kind: str, cause: str, paths: list[str], pages: list[int], must: list[str],
            summary: str) -> None:
        rows.append({"id": f"R{len(rows) + 1}", "decision": d, "item": item, "kind": kind,
                     "section_paths": [_path(an, u) for u in paths], "an_pages": sorted(set(pages)),
                     "must_mention": must, "summary": summary,
                     "cause": {"type": cause, "comment_ids": ids(d) if cause == "comment" else []}})

    def head(uid: str) -> str:
        return " ".join(_path(an, uid))

    dec = plan.decisions
    a0, a1 = plan.areas[plan.k_row], plan.areas[plan.k_goal]
    r0, g1 = f"a{plan.k_row}", f"a{plan.k_goal}"
    if "E_law" in dec:
        add("E_law", head("c1s1") + "、" + head("f_park"), "modified", "external", ["c1s1", "f_park"],
            pg("c1s1p2", "改正都市緑地法") + pg("f_park_p2", "改正都市緑地法"), ["法律第72号", "令和6年11月"],
            "令和6年11月の改正都市緑地法（昭和48年法律第72号）の施行を踏まえ、記述を更新")
    if "E_pref" in dec:
        add("E_pref", head("c1s2"), "modified", "external", ["c1s2"], pg("c1s2p2", "令和8年3月改定"),
            ["令和8年3月"], "県の都市計画区域マスタープランが令和8年3月に改定されたため、改定年月と考え方を追記")
    if "C_target" in dec:
        add("C_target", head("f_park"), "modified", "comment", ["f_park"], pg("f_park_t", row=1),
            ["6.5㎡", "7.0㎡"], "市民一人当たりの都市公園面積の目標値を6.5㎡から7.0㎡に引上げ")
    if "C_sentence" in dec:
        add("C_sentence", head("f_bosai"), "modified", "comment", ["f_bosai"], pg("f_bosai_p2", "避難路となる幹線道路"),
            ["耐震化", "不燃化"], "避難路となる幹線道路の沿道における建築物の耐震化・不燃化への助成の拡充を追記")
    if "C_row" in dec:
        t = next(b for b in an if b.uid == f"{r0}s3t")
        add("C_row", head(f"{r0}s3"), "modified", "comment", [f"{r0}s3"], pg(f"{r0}s3t", row=len(t.rows) - 1),
            ["案内標識"], f"{a0}地域の整備方針に避難路の整備と案内標識の設置を追加")
    if "C_goal" in dec:
        add("C_goal", head(f"{g1}s2"), "modified", "comment", [f"{g1}s2"], pg(f"{g1}s2p1", "あわせて"),
            ["子育て世代"], f"{a1}地域の目標に子育て世代が住み続けたいと思える住環境の形成を追記")
    if "C_survey" in dec:
        add("C_survey", head("c5s3"), "modified", "comment", ["c5s3"], pg("c5s3p1", "5年ごとに実施します"),
            ["5年ごと", "実施します"], "市民意識調査の実施を「検討します」から「5年ごとに実施します」に修正")
    if "I_org" in dec:
        add("I_org", head("c5s2") + "、" + head("c5s3"), "modified", "internal", ["c5s2", "c5s3"],
            pg("c5s2p1", "まちづくり推進部") + pg("c5s2p1", "また、まちづくり推進部") + pg("c5s3p1", "まちづくり推進部のホーム"),
            ["まちづくり推進部", "都市整備部"], "組織改正により、都市整備部をまちづくり推進部に名称変更")
    if "I_now" in dec:
        tabs = [b.uid for b in an if b.kind == "table" and b.uid.startswith("f_")]
        add("I_now", "第3章 全体構想 3-3 分野別の方針（数値目標）", "modified", "internal",
            [t[:-2] for t in tabs], [p for t in tabs for p in pg(t, row=0)], ["令和6年度"],
            "各分野の数値目標の現状値を令和6年度の値に更新")
    if "I_rename" in dec:
        add("I_rename", head("f_land"), "modified", "internal", ["f_land", "c3s4"],
            pg("f_land") + pg("c3s4t", row=1), [RENAME_TO], f"3-3-1の名称を「土地利用の方針」から「{RENAME_TO}」に変更")
    if "I_swap" in dec:
        t = next(b for b in an if b.uid == "c3s4t")
        rk = [i for i, r in enumerate(t.rows) if r[1] in ("防災まちづくりの方針", "景観形成の方針")]
        add("I_swap", head("f_bosai") + "、" + head("f_keikan"), "moved", "internal", ["f_keikan", "f_bosai", "c3s4"],
            pg("f_keikan") + pg("f_bosai") + [p for i in rk for p in pg("c3s4t", row=i)],
            ["景観形成の方針", "防災まちづくりの方針"], "「景観形成の方針」と「防災まちづくりの方針」の順序を入替え")
    if "I_split" in dec:
        t = next(b for b in an if b.uid == "c3s4t")
        rk = [i for i, r in enumerate(t.rows) if r[1] in SPLIT_TO]
        add("I_split", head("f_road") + "、" + head("f_transit"), "split", "internal", ["f_road", "f_transit", "c3s4"],
            pg("f_road") + pg("f_transit") + [p for i in rk for p in pg("c3s4t", row=i)],
            [SPLIT_TO[0], SPLIT_TO[1]], f"「道路・交通の方針」を「{SPLIT_TO[0]}」と「{SPLIT_TO[1]}」に分割")
    edits = [("c1s1p1", "境も求められて", "。更に、脱炭素", "。さらに、脱炭素"),
             ("c1s1p2", "", "、概ね20年後", "、おおむね20年後"),
             ("c1s3p1", "", "。但し、社会", "。ただし、社会"),
             ("c2s2p1", "", "駅周辺 の低未利用地", "駅周辺の低未利用地"),
             ("c2s3p2", "", "す。。", "す。"),
             ("c3s2p1", "", "徒歩１０分圏内", "徒歩10分圏内"),
             ("f_land_p2", "", "ことが出来るよう", "ことができるよう"),
             ("f_bosai_p2", "", "施設の整偏を", "施設の整備を"),
             ("f_keikan_p2", "", "河川景感を", "河川景観を")]
    editorial = [{"id": ED_IDS[i], "section_path": _path(an, uid), "before": bef, "after": aft}
                 for i, (uid, _, bef, aft) in enumerate(edits)]
    comments = [{"id": c["id"], "reflected": c["kubun"].startswith("A"), "decision": c["decision"]} for c in plan.comments]
    return {"case": f"blind6-s{plan.seed}", "rows": rows, "editorial": editorial, "comments": comments}


# ---- files ------------------------------------------------------------------------------------

def _docx(blocks: list[Block], where: dict, path: Path) -> None:
    d = docx.Document()
    for bl in blocks:
        if bl.kind == "toc":
            d.add_paragraph("目次")
            for x in blocks:
                if x.kind in ("h1", "h2"):
                    d.add_paragraph(("" if x.kind == "h1" else "　") + f"{x.text}……{where.get(('h', x.uid), '')}")
        elif bl.kind.startswith("h"):
            if bl.kind == "h1":
                d.add_page_break()
            d.add_heading(bl.text, level=int(bl.kind[1]))
        elif bl.kind == "p":
            d.add_paragraph("　" + bl.text)
        else:
            t = d.add_table(rows=len(bl.rows), cols=len(bl.rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(bl.rows):
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
    d.save(str(path))


HEAD = ["No", "区分", "該当箇所", "意見の要旨", "市の考え方"]


def _bessi1(plan: Plan, d: Path) -> Path:
    rows = [[str(c["no"]), c["kubun"], c["ref"], c["opinion"], c["answer"]] for c in plan.comments]
    if plan.seed % 2 == 0:
        path = d / "bessi1.tsv"
        path.write_text("\n".join("\t".join(r) for r in [HEAD] + rows) + "\n", encoding="utf-8")
        return path
    path = d / "bessi1.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "意見と市の考え方"
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    i = 0
    while i < len(rows):  # 該当箇所 merged over consecutive rows on the same place
        j = i
        while j + 1 < len(rows) and rows[j + 1][2] == rows[i][2]:
            j += 1
        if j > i:
            ws.merge_cells(start_row=i + 2, start_column=3, end_row=j + 2, end_column=3)
            ws.cell(i + 2, 3).alignment = Alignment(vertical="top", wrap_text=True)
        i = j + 1
    for col, w in zip("ABCDE", (5, 12, 24, 60, 60)):
        ws.column_dimensions[col].width = w
    wb.save(str(path))
    return path


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    where_a: dict = {}
    for label, blocks, stem in (("（素案）", plan.soan, "soan"), ("（案）", plan.an, "an")):
        pages, where = layout(blocks, plan.title + label)
        write_pdf(pages, d / f"{stem}.pdf")
        _docx(blocks, where, d / f"{stem}.docx")
        out[stem], out[stem + "_pdf"] = d / f"{stem}.docx", d / f"{stem}.pdf"
        if stem == "an":
            where_a = where
    out["comments"] = _bessi1(plan, d)
    out["expected"] = d / "expected.json"
    out["expected"].write_text(json.dumps(expected(plan, where_a), ensure_ascii=False, indent=1) + "\n",
                               encoding="utf-8")
    return out


def summary(plan: Plan) -> dict:
    pages, _ = layout(plan.an, plan.title)
    return {"city": plan.city, "areas": plan.areas, "decisions": plan.decisions, "comments": len(plan.comments),
            "an_pages": len(pages) - 1, "bessi1": "tsv" if plan.seed % 2 == 0 else "xlsx"}
