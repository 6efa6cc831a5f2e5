"""The twelfth blind family: a prefecture's 「第４期 ○○県農林水産業振興計画」,
素案 → 案 after a パブリックコメント, written WITHOUT reading how revtool decides
anything (revtool/changes, revtool/comments, revtool/compare and the other
families' generators were not opened).

    plan = generate(seed)           # both versions, their printed pages, the comments, the truth
    files = write_plan(plan, dir)   # soan/an (DOCX on odd seeds, PDF only on even), 別紙1, expected.json
    summary(plan)                   # a few figures about the plan

The plan: 第１編 総論 / 第２編 基本計画 (戦略１…５, 施策１－１…, （１） items with
ア・イ paragraphs, KPI tables KPI | 基準値（R4） | 目標値（R10） | 単位, a 重点プロジェクト
chapter of boxed projects) / 第３編 地域別計画 (one chapter a 地域, the same template
each time) / 資料編, a 目次 and printed page numbers. 別紙1: 番号 | 区分 | 該当箇所 |
御意見の概要 | 県の考え方 | 対応 (◎ 反映 / ○ 既記載 / △ 参考 / × 不反映, the legend
printed above the table on some seeds), a ruled PDF table on odd seeds and an XLSX on
even seeds, with a campaign on 有機農業 answered once and 「No.nと同じ」 after.

The truth (expected.json) is one row per decision, the way careful staff write 別紙2:
comment decisions, external ones (the 基本法 改正 cited in 第１編 and 第２編 is one row),
internal ones (a 戦略 renamed, a 施策 moved from 戦略２ to 戦略３, two 地域 基準値
refreshed, a 部局 renamed everywhere). 表記ゆれ, typos, ％/%, digit widths, renumbering,
目次 lines and a sentence moved unchanged are editorial and never rows.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, Line, PrintLine, lay_out, text_op, wrap, write_page_ops, write_pdf

BLIND12_TUNING_SEEDS = (14001, 14002, 14003)
BLIND12_SEEDS = (14101, 14102, 14103)

PREFS = ("青葉", "白峰", "若潮", "朝日", "緑川", "東山")
DEPT_OLD, DEPT_NEW = "農林水産部", "農林水産振興部"
SIZES = {1: 16.0, 2: 14.0, 3: 12.0, 4: 11.0}
TABLE_SIZE = 9.0
LEGEND = "（注）対応欄の記号　◎：反映　○：既記載　△：参考　×：不反映"
SYMBOL = {"反映": "◎", "既記載": "○", "参考": "△", "不反映": "×"}

# ---------------------------------------------------------------- content

# 戦略: name, renamed name, 施策 [(name, topic, [items], [(kpi, base, target, unit)])]
STRATEGIES: list[tuple[str, str, list[tuple[str, str, list[str], list[tuple[str, str, str, str]]]]]] = [
    ("多様な担い手の確保・育成", "次代を担う多様な人材の確保・育成", [
        ("新規就農者の確保・定着", "新規就農", ["就農相談から定着までの一貫した支援", "研修体制の充実", "就農後の経営安定"],
         [("新規就農者数", "185", "220", "人/年")]),
        ("農業経営の法人化・規模拡大", "経営発展", ["法人化の促進", "農地の集積・集約化", "経営管理能力の向上"],
         [("農業法人数", "412", "520", "法人"), ("担い手への農地集積率", "48.5", "60.0", "％")]),
        ("女性・高齢者など多様な人材の活躍", "多様な人材", ["女性農業者の経営参画", "農福連携の推進", "副業的経営体への支援"],
         [("家族経営協定締結数", "1,250", "1,400", "戸")]),
        ("林業・漁業の担い手育成", "林業・漁業の担い手", ["林業大学校による人材育成", "漁業就業者の確保", "労働安全対策の徹底"],
         [("新規林業就業者数", "48", "60", "人/年"), ("新規漁業就業者数", "32", "40", "人/年")]),
    ]),
    ("生産力の強化と産地づくり", "", [
        ("水田農業の構造転換", "水田農業", ["高収益作物への転換", "麦・大豆の生産拡大", "米の需要に応じた生産"],
         [("高収益作物作付面積", "1,250", "1,600", "ha")]),
        ("スマート農林水産業の推進", "スマート農林水産業", ["スマート農業技術の導入支援", "データを活用した生産管理", "技術を使いこなす人材の育成"],
         [("スマート農業技術導入経営体数", "640", "1,100", "経営体")]),
        ("園芸産地の育成", "園芸産地", ["施設園芸の生産性向上", "露地野菜の産地拡大", "果樹の改植と新品種導入"],
         [("園芸農業産出額", "318", "360", "億円")]),
        ("畜産の生産基盤強化", "畜産", ["飼養規模の拡大", "自給飼料の生産拡大", "家畜防疫体制の強化"],
         [("畜産産出額", "542", "580", "億円")]),
    ]),
    ("環境と調和した持続可能な農林水産業", "", [
        ("環境にやさしい農業の推進", "環境にやさしい農業", ["有機農業の拡大", "化学肥料・化学農薬の低減", "温室効果ガスの排出削減"],
         [("環境保全型農業直接支払取組面積", "3,400", "4,200", "ha")]),
        ("森林資源の循環利用", "森林資源", ["主伐・再造林の推進", "県産材の利用拡大", "森林経営管理制度の推進"],
         [("県産材素材生産量", "612", "700", "千m3")]),
        ("水産資源の適切な管理", "水産資源", ["資源評価に基づく管理", "種苗放流の効果的な実施", "漁場環境の保全"],
         [("漁業生産額", "128", "135", "億円")]),
    ]),
    ("付加価値の向上と販路拡大", "県産品の価値向上と国内外への販路拡大", [
        ("県産農林水産物のブランド化", "ブランド化", ["ブランド戦略の展開", "品質基準の徹底", "情報発信の強化"],
         [("県ブランド認証品目数", "24", "32", "品目")]),
        ("６次産業化・農商工連携", "６次産業化", ["加工・販売への進出支援", "商工業者とのマッチング", "地域資源を生かした商品開発"],
         [("６次産業化取組販売額", "3.2", "4.5", "億円")]),
        ("輸出の拡大", "輸出", ["輸出に取り組む産地の育成", "海外での販路開拓", "輸出に対応した施設整備"],
         [("農林水産物輸出額", "18.6", "30.0", "億円")]),
    ]),
    ("活力ある農山漁村の実現", "", [
        ("中山間地域の振興", "中山間地域", ["日本型直接支払制度の活用", "地域資源の保全", "多様な主体による農村づくり"],
         [("中山間地域等直接支払協定面積", "8,450", "8,600", "ha")]),
        ("鳥獣被害対策の推進", "鳥獣被害対策", ["侵入防止柵の整備", "捕獲体制の強化", "地域ぐるみの被害防止活動"],
         [("野生鳥獣による農作物被害額", "2.8", "2.0", "億円")]),
        ("農業・農村の防災・減災", "防災・減災", ["防災重点農業用ため池の対策", "農業水利施設の長寿命化", "農地の保全と災害復旧"],
         [("防災重点農業用ため池の整備箇所数", "36", "80", "箇所")]),
    ]),
]

REGIONS = ["県北地域", "県央地域", "県南地域", "沿岸地域", "山間地域", "西部地域"]
PRODUCTS = {"県北地域": ("水稲", "りんご", "肉用牛"), "県央地域": ("施設野菜", "花き", "水稲"),
            "県南地域": ("かんきつ", "茶", "露地野菜"), "沿岸地域": ("養殖わかめ", "定置網漁業", "いちご"),
            "山間地域": ("スギ・ヒノキ", "わさび", "しいたけ"), "西部地域": ("大豆", "酪農", "ぶどう")}
REGION_ITEMS = ["担い手の確保と経営の安定", "地域の特性を生かした産地づくり", "農山漁村の活性化"]
REGION_INDICATORS = [("農業産出額", "億円"), ("認定農業者数", "経営体"), ("耕地面積", "ha")]

PROJECTS = [("未来の担い手応援プロジェクト", "就農から定着まで、市町村・JA・農業法人と一体となって切れ目なく支援し、次代を担う人材を県全体で育てます。"),
            ("みどり生産拡大プロジェクト", "化学肥料・化学農薬の使用を減らした生産方式を広げ、環境と調和した産地づくりを県内全域で進めます。"),
            ("県産品ブランド強化プロジェクト", "県産農林水産物の魅力を国内外に発信し、価格に見合う価値を消費者に届ける仕組みを整えます。"),
            ("スマート技術実装プロジェクト", "スマート農業技術を現場で使いこなせるよう、実証から導入、人材育成までを一体的に進めます。")]

ACTORS = ["市町村", "ＪＡグループ", "農業委員会", "森林組合", "漁業協同組合", "試験研究機関", "民間企業", "大学"]
VERBS = ["推進します", "支援します", "促進します", "強化します", "進めます", "図ります"]
MEASURES = ["相談窓口の機能強化", "技術指導の充実", "先進事例の普及", "補助事業の活用", "研修会の開催",
            "関係機関の連携体制づくり", "施設・機械の導入支援", "情報提供の充実", "実証ほの設置"]
MORE = ["また、{m}については、{a}の意見を聞きながら、地域の実情に応じて{v}。",
        "あわせて、{a}が行う取組に対して、{m}などの面から支援を行います。",
        "さらに、取組の成果を毎年度検証し、必要に応じて内容の見直しを行います。",
        "特に、若い世代や新たに参入する人が取り組みやすい環境を整えることに重点を置きます。",
        "これらの取組を通じて、{s}の成果が県内全域に広がるよう、{a}と情報を共有します。",
        "実施に当たっては、国の交付金を有効に活用するとともに、{m}を組み合わせて効果を高めます。",
        "なお、{a}の役割分担を明確にし、重複のない効率的な推進体制を構築します。",
        "県の普及指導員が現地に出向き、個別の経営体に応じたきめ細かな助言を行います。"]
MUNI = ["青葉", "白石", "緑ヶ丘", "桜木", "川辺", "松原", "高原", "港", "北浜", "南台", "西山", "東原", "大沢", "小松",
        "中川", "上野", "下田", "宮前", "本郷", "新田", "杉谷", "栗原", "柳瀬", "石橋", "竹内", "梅田", "菊川", "藤沢",
        "若宮", "平野", "岩井", "野口", "浜名", "北山", "南川", "日向"]
ISSUES = ["農業者の高齢化と減少が続いており", "生産資材価格の高騰が経営を圧迫しており", "気候変動による高温障害などの影響が顕在化しており",
          "人口減少により地域の共同活動の維持が難しくなっており", "消費者ニーズが多様化しており", "国際的な競争が激しさを増しており"]


@dataclass
class Block:
    uid: str
    kind: str  # h1..h4, p, table, toc, box
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    new_page: bool = False


@dataclass
class Mark:
    """Where a decision shows in a version: block ``uid``, the ``part`` of its text (or a table row index)."""
    row: str
    uid: str
    part: str | int
    path: list[str]


@dataclass
class Plan:
    seed: int
    title: str
    choices: dict
    soan: list[Block]
    an: list[Block]
    soan_where: dict
    an_where: dict
    soan_pages: list[list[Line]]
    an_pages: list[list[Line]]
    comments: list[dict]
    truth: dict
    shown: list[tuple[str, str]] = field(default_factory=list)  # (decision, text printed in the 案 only)


def zen(n: int | str) -> str:
    return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


# ---------------------------------------------------------------- the plan's choices


def _choices(seed: int) -> dict:
    rng = random.Random(seed)
    strategies = []
    for si, (name, renamed, policies) in enumerate(STRATEGIES):
        ps = list(policies)
        if len(ps) == 4 and si == 0 and rng.random() < 0.5:
            ps.pop(3)
        strategies.append((name, renamed, ps))
    regions = rng.sample(REGIONS, 5)
    comment_rows = ["kpi_raise", "region_add", "sakutei", "project_para", "organic"]
    comment_rows += rng.sample(["kpi_add", "issue_sentence", "term_add", "item_text"], rng.randint(1, 4))
    refreshed = rng.sample(range(5), 2)
    organic_ha = rng.choice([400, 450, 500, 600])
    return {"pref": rng.choice(PREFS), "strategies": strategies, "regions": regions, "rows": comment_rows,
            "refreshed": sorted(refreshed), "organic_ha": organic_ha, "docx": seed % 2 == 1,
            "legend": seed % 3 != 0, "region_add": rng.randrange(5), "project_para": rng.randrange(4),
            "typo_comment": rng.random() < 0.6, "rng": rng.random()}


# ---------------------------------------------------------------- building one version


class Builder:
    def __init__(self, version: str, ch: dict, seed: int) -> None:
        self.v, self.ch = version, ch
        self.seed = seed
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.marks: list[Mark] = []
        self.editorial: list[dict] = []
        self.n = 0

    @property
    def an(self) -> bool:
        return self.v == "an"

    def head(self, level: int, text: str, new_page: bool = False) -> Block:
        self.stack = self.stack[:level - 1] + [text]
        return self._add(Block("", f"h{level}", text, new_page=new_page))

    def para(self, text: str) -> Block:
        return self._add(Block("", "p", text))

    def table(self, rows: list[list[str]]) -> Block:
        return self._add(Block("", "table", rows=rows))

    def _add(self, b: Block) -> Block:
        self.n += 1
        b.uid = f"b{self.n}"
        b.path = list(self.stack)
        self.blocks.append(b)
        return b

    def mark(self, row: str, b: Block, part: str | int, depth: int = 0) -> None:
        """``depth``: the section the change belongs to when not the block's own (a KPI table after the
        last （ｎ） item belongs to its 施策)."""
        if self.an:
            self.marks.append(Mark(row, b.uid, part, list(b.path[:depth] if depth else b.path)))

    def edit(self, text: str, before: str, after: str) -> str:
        """``text`` (the 案's) with the editorial variant ``before`` in the 素案; recorded once."""
        assert after in text, after
        if self.an:
            i = text.index(after)
            ctx_a = text[max(0, i - 6):i + len(after) + 6]
            ctx_b = ctx_a.replace(after, before, 1)
            self.editorial.append({"section_path": list(self.stack), "before": ctx_b, "after": ctx_a,
                                   "core_before": before, "core_after": after})
            return text
        return text.replace(after, before, 1)

    def rr(self, key: str) -> random.Random:
        """The same words for ``key`` in both versions, whatever moved before it."""
        return random.Random(f"{self.seed}|{key}")

    def sentence(self, subject: str, key: str = "", n: int = 3) -> str:
        r = self.rr(key or subject)
        out = (f"{subject}に向けて、{r.choice(ACTORS)}や{r.choice(ACTORS)}と連携し、{r.choice(MEASURES)}と"
               f"{r.choice(MEASURES)}を{r.choice(VERBS)}。")
        for t in r.sample(MORE, n - 1):
            out += t.format(a=r.choice(ACTORS), m=r.choice(MEASURES), v=r.choice(VERBS), s=subject)
        return out


def build(version: str, ch: dict, seed: int, toc_pages: dict[str, int] | None) -> Builder:
    b = Builder(version, ch, seed)
    an = b.an
    rows = set(ch["rows"])
    dept = DEPT_NEW if an else DEPT_OLD
    strategies = ch["strategies"]
    # numbering in this version: the 施策 moved from 戦略２ (its second) to the end of 戦略３ in the 案
    moved = strategies[1][2][1]
    layout: list[tuple[str, list]] = []
    for si, (name, renamed, ps) in enumerate(strategies):
        ps = list(ps)
        if an and si == 1:
            ps.remove(moved)
        if an and si == 2:
            ps.append(moved)
        layout.append((renamed if an and renamed and si == 3 else name, ps))
    regions = ch["regions"]

    def sname(si: int) -> str:
        return f"戦略{zen(si + 1)}　{layout[si][0]}"

    def pname(si: int, pi: int) -> str:
        return f"施策{zen(si + 1)}－{zen(pi + 1)}　{layout[si][1][pi][0]}"

    # 目次
    b.head(1, "目　次", new_page=True)
    heads: list[str] = ["第１編　総論", *[f"第{zen(i + 1)}章　{t}" for i, t in enumerate(PART1)], "第２編　基本計画",
                        *[sname(i) for i in range(5)], "重点プロジェクト", "第３編　地域別計画",
                        *[f"第{zen(i + 1)}章　{r}" for i, r in enumerate(regions)], "資料編"]
    for h in heads:
        b.para(f"{'' if h.startswith('第') and '編' in h[:4] or h == '資料編' else '　'}{h}　……　"
               f"{(toc_pages or {}).get(h, 0)}")
    b.blocks[-len(heads):] = [Block(x.uid, "toc", x.text, path=x.path) for x in b.blocks[-len(heads):]]

    # ---------------------------------------------------------------- 第１編
    pref = ch["pref"]
    b.head(1, "第１編　総論", new_page=True)
    b.head(2, "第１章　計画策定の趣旨")
    b.para(f"本県では、令和２年度に「第３期{pref}県農林水産業振興計画」を策定し、担い手の確保・育成や産地の生産力強化などに"
           "取り組んできました。この間、農林水産業を取り巻く環境は、人口減少や高齢化の進行、気候変動の影響、"
           "生産資材価格の高騰など、大きく変化しています。")
    law_old = ("国においては、令和３年５月に「みどりの食料システム戦略」が策定されるとともに、食料・農業・農村基本法の"
               "見直しに向けた検討が進められています。")
    law_new = ("国においては、令和３年５月に「みどりの食料システム戦略」が策定されるとともに、令和６年６月に"
               "食料・農業・農村基本法が改正され（令和６年法律第44号）、食料安全保障の確保や環境と調和のとれた"
               "食料システムの確立が基本理念に位置付けられました。")
    p = b.para(law_new if an else law_old)
    b.mark("law", p, "令和６年６月に食料・農業・農村基本法が改正され")
    b.para("こうした状況を踏まえ、本県農林水産業の持続的な発展と農山漁村の活性化に向けて、今後４年間に取り組む施策の方向を"
           "明らかにするため、「第４期" + pref + "県農林水産業振興計画」を策定します。")
    b.head(2, "第２章　計画の位置付け", new_page=True)
    plan_date = "令和７年４月" if an else "令和２年３月"
    p = b.para(f"この計画は、{pref}県総合計画の部門別計画であり、本県農林水産業の振興に関する基本的な計画です。また、国の"
               f"食料・農業・農村基本計画（{plan_date}閣議決定）や森林・林業基本計画、水産基本計画との整合を図っています。")
    b.mark("plan_date", p, plan_date)
    b.head(2, "第３章　計画期間", new_page=True)
    b.para(b.edit("計画期間は、令和７年度から令和10年度までの４年間とします。なお、社会情勢の変化等により必要が生じた場合は、"
                  "計画期間中であっても見直しを行います。", "令和１０年度", "令和10年度"))
    b.head(2, "第４章　農林水産業を取り巻く現状と課題", new_page=True)
    moved_sentence = "農業産出額は近年横ばいで推移しており、品目別では園芸と畜産の割合が高まっています。"
    for i, (t, words) in enumerate([("（１）担い手の状況", "基幹的農業従事者"), ("（２）生産の状況", "農業産出額"),
                                    ("（３）環境への対応", "温室効果ガス"), ("（４）農山漁村の状況", "集落機能")]):
        b.head(3, t)
        r = b.rr(t)
        text = (f"本県の{words}については、{r.choice(ISSUES)}、今後も厳しい状況が見込まれます。"
                f"{r.choice(ISSUES)}、{r.choice(ACTORS)}をはじめとする関係者が一体となった対応が求められています。")
        if i == 1:  # a sentence moved unchanged from the second paragraph to the first
            text = (moved_sentence + text) if an else text
        if i == 2:
            text = b.edit(text + "子どもたちへの食育や環境学習の機会も広げていく必要があります。", "子供たち", "子どもたち")
        b.para(text)
        if i == 1:
            b.para("一方、生産資材や燃油の価格は高い水準が続いており、経営コストの低減が課題です。" + ("" if an else moved_sentence))
        if i == 1:
            b.table([["区分", "令和元年", "令和４年"], ["農業産出額（億円）", "1,842", "1,906"],
                     ["林業産出額（億円）", "212", "236"], ["漁業産出額（億円）", "131", "128"]])
        if an and i == 1:
            b.editorial.append({"section_path": list(b.stack), "before": "", "after": moved_sentence,
                                "core_before": "", "core_after": moved_sentence})
    b.head(2, "第５章　基本理念と目指す姿", new_page=True)
    b.para(b.edit("本計画では、「豊かな恵みを未来へつなぐ、稼げる農林水産業と活力ある農山漁村」を基本理念とし、５つの戦略に基づき"
                  "施策を総合的に展開します。令和10年度には、担い手への農地集積率を60.0％まで高めることなどを目指します。",
                  "60.0%", "60.0％"))
    b.head(2, "第６章　施策体系", new_page=True)
    taikei = [["戦略", "施策"]]
    for si in range(5):
        for pi in range(len(layout[si][1])):
            taikei.append([sname(si), pname(si, pi)])
    tb = b.table(taikei)
    for ri, row in enumerate(taikei):
        if row[0] == sname(3):
            b.mark("rename", tb, ri)
    for ri, row in enumerate(taikei):
        if row[1].endswith(moved[0]):
            b.mark("move", tb, ri)
    b.head(2, "第７章　計画の推進", new_page=True)
    p = b.para(f"計画の推進に当たっては、{dept}が中心となり、市町村、関係団体、農林漁業者と連携して取り組みます。また、"
               f"毎年度、KPIの達成状況を把握し、{dept}内に設置する推進会議において点検・評価を行います。")
    b.mark("dept", p, dept)
    b.para(b.edit("点検・評価の結果は、県のホームページなどで公表し、施策の見直しに反映させます。", "ホームページ等で", "ホームページなどで"))

    # ---------------------------------------------------------------- 第２編
    b.head(1, "第２編　基本計画", new_page=True)
    typo_done = False
    for si in range(5):
        sh = b.head(2, sname(si), new_page=si > 0)
        if si == 3:
            b.mark("rename", sh, sname(si))
        intro = f"{layout[si][0]}に向けて、次の施策に取り組みます。"
        if si == 2:
            intro = ("国の「みどりの食料システム戦略」を踏まえ、" + ("改正された食料・農業・農村基本法の基本理念に沿って、" if an else "")
                     + "環境負荷の低減と生産性の向上を両立する持続可能な農林水産業の実現に向けて、次の施策に取り組みます。")
        p = b.para(intro)
        if si == 2:
            b.mark("law", p, "改正された食料・農業・農村基本法の基本理念に沿って、")
        r = b.rr(f"strategy{si}")
        b.para("【目指す姿】" + f"令和10年度には、{layout[si][1][0][1]}をはじめとする取組の成果が県内各地で実感され、"
               + b.sentence(f"戦略{zen(si + 1)}の目指す姿の実現", f"strategy{si}|aim", n=2))
        for pi, (pn, topic, items, kpis) in enumerate(layout[si][1]):
            ph = b.head(3, pname(si, pi), new_page=True)
            if an and (pn, topic) == moved[:2]:
                b.mark("move", ph, pname(si, pi))
            b.para("【現状と課題】")
            r = b.rr(topic)
            issue = (f"{topic}をめぐっては、{r.choice(ISSUES)}、{r.choice(ISSUES)}。このため、{items[0]}や{items[1]}"
                     f"などを通じて、{topic}の取組を一層強化していく必要があります。")
            if topic == "新規就農":
                issue = b.edit(issue + "農業法人などへの雇用就農も増えています。", "農業法人等への", "農業法人などへの")
            if topic == "鳥獣被害対策" and "issue_sentence" in rows:
                add = "捕獲した鳥獣をジビエとして活用する取組も一部の地域で始まっており、処理加工施設の確保が課題となっています。"
                issue += add if an else ""
            p = b.para(issue)
            b.para(f"また、{r.choice(ISSUES)}、{topic}に関わる{r.choice(ACTORS)}や{r.choice(ACTORS)}との連携をさらに強める必要があります。"
                   f"{r.choice(MORE).format(a=r.choice(ACTORS), m=r.choice(MEASURES), v=r.choice(VERBS), s=topic)}")
            b.para(f"こうした課題に対応するため、本計画では、{items[2]}を含めた総合的な取組を進めるとともに、"
                   + b.sentence(f"{topic}の課題の解決", f"{topic}|issues", n=3))
            if topic == "鳥獣被害対策" and "issue_sentence" in rows:
                b.mark("issue_sentence", p, "ジビエ")
            if topic == "森林資源":
                p.text += "森林の二酸化炭素吸収量をJ-クレジットとして販売し、森林整備の財源とする動きも広がっています。"
            if topic == "水田農業":
                p.text = b.edit(p.text + "取り組みの成果を検証しながら進めます。", "取り組み", "取組")
            b.para("【取組の方向】")
            for ii, item in enumerate(items):
                b.head(4, f"（{zen(ii + 1)}）{item}")
                for k, kana in enumerate("アイウ"[:2 + (ii + len(pn)) % 2]):  # not by position: a 施策 moves
                    text = f"{kana}　" + b.sentence(item if k == 0 else f"{topic}の{['現場', '地域', '経営'][k % 3]}", f"{item}|{k}")
                    if topic == "環境にやさしい農業" and ii == 0 and k == 0:
                        extra = f"有機農業の取組面積を令和10年度までに{ch['organic_ha']}haに拡大することを目指し、"
                        text = f"{kana}　" + (extra if an else "") + "有機農業に新たに取り組む農業者への技術指導や、有機農産物の販路確保を支援します。"
                        pp = b.para(text)
                        b.mark("organic", pp, extra)
                        continue
                    if topic == "防災・減災" and ii == 0 and k == 0:
                        old = "ため池の防災・減災に向けた保全計画の策定を推進します。"
                        new = "ため池の防災・減災に向けた保全計画を令和８年度までに策定します。"
                        pp = b.para(f"{kana}　防災重点農業用ため池について、劣化状況評価と地震・豪雨耐性評価を進めるとともに、"
                                    + (new if an else old))
                        b.mark("sakutei", pp, "保全計画を令和８年度までに策定します")
                        continue
                    if topic == "経営発展" and ii == 2 and k == 0 and "item_text" in rows:
                        add = "とともに、経営継承（事業承継）の相談体制を強化します"
                        base = f"{kana}　経営管理能力の向上に向けて、簿記や労務管理の研修を充実し、経営改善計画の作成を支援する"
                        pp = b.para(base + (add if an else "") + "。")
                        b.mark("item_text", pp, "経営継承（事業承継）の相談体制を強化します")
                        continue
                    if not typo_done and si == 3 and k == 1:
                        text = b.edit(text, "推准", "推進") if "推進" in text else b.edit(text + "取組を着実に推進します。", "推准", "推進")
                        typo_done = True
                    b.para(text)
            b.para(f"【主な取組主体】県、{'、'.join(r.sample(ACTORS, 3))}、農林漁業者")
            b.para("【成果指標（KPI）】")
            krows = [["KPI", "基準値（R4）", "目標値（R10）", "単位"]]
            for kn, base, target, unit in kpis:
                if kn == "新規就農者数" and an:
                    target = "250"
                krows.append([kn, base, target, unit])
            raise_row = next((i for i, r in enumerate(krows) if r[0] == "新規就農者数"), None)
            if topic == "多様な人材" and "kpi_add" in rows and an:
                krows.append(["女性の認定農業者数", "86", "120", "人"])
            if topic == "環境にやさしい農業" and an:
                krows.append(["有機農業取組面積", "210", str(ch["organic_ha"]), "ha"])
            tb = b.table(krows)
            if raise_row is not None:
                b.mark("kpi_raise", tb, raise_row, 3)
            if topic == "多様な人材" and "kpi_add" in rows:
                b.mark("kpi_add", tb, len(krows) - 1, 3)
            if topic == "環境にやさしい農業":
                b.mark("organic", tb, len(krows) - 1, 3)
            if topic == "ブランド化":
                b.para(b.edit("※県ブランド認証品目数には、農産物、畜産物、水産物、林産物及び加工品を含みます。", "林産物及び加工品等を含みます",
                              "林産物及び加工品を含みます"))
    # 重点プロジェクト
    b.head(2, "重点プロジェクト", new_page=True)
    b.para("戦略を横断して重点的に取り組むプロジェクトを次のとおり設定し、関係部局が連携して推進します。")
    for k, (pn, text) in enumerate(PROJECTS):
        b.head(3, f"重点プロジェクト{zen(k + 1)}　{pn}", new_page=k > 0)
        box = Block("", "box", text)
        b._add(box)
        r = b.rr(pn)
        b.para(f"このプロジェクトでは、{r.choice(MEASURES)}や{r.choice(MEASURES)}を重点的に{r.choice(VERBS)}。"
               f"また、{r.choice(ACTORS)}と連携した推進体制を整備し、進捗を毎年度確認します。")
        b.para("【主な取組】" + "、".join(r.sample(MEASURES, 4)) + "に取り組み、" + b.sentence(pn, f"{pn}|main", n=2))
        if k == ch["project_para"]:
            add = (f"特に、{pn.replace('プロジェクト', '')}の成果を県内各地に広げるため、モデル地区を県内５か所に設定し、"
                   "現地研修会を通じて取組の横展開を図ります。")
            if an:
                p = b.para(add)
                b.mark("project_para", p, add)
    # ---------------------------------------------------------------- 第３編
    b.head(1, "第３編　地域別計画", new_page=True)
    for ri, region in enumerate(regions):
        b.head(2, f"第{zen(ri + 1)}章　{region}", new_page=ri > 0)
        prods = PRODUCTS[region]
        b.head(3, "１　地域の概要")
        r = b.rr(region)
        b.para(f"{region}は、{prods[0]}や{prods[1]}、{prods[2]}の生産が盛んな地域です。{r.choice(ISSUES)}、"
               "地域の特性に応じた取組が求められています。")
        ind = [["指標", "基準値（R4）", "目標値（R10）", "単位"]]
        refreshed = ri in ch["refreshed"]
        for k, (name, unit) in enumerate(REGION_INDICATORS):
            rb = 120 + ri * 37 + k * 611
            rt = int(rb * 1.08)
            if refreshed and an:
                rb += 3 + k
            ind.append([name, f"{rb:,}", f"{rt:,}", unit])
        tb = b.table(ind)
        if refreshed:
            for k in range(1, len(ind)):
                b.mark("refresh", tb, k)
        b.para(f"{region}の農林水産業は、{prods[0]}を中心に発展してきましたが、{r.choice(ISSUES)}、産地の維持が課題となっています。"
               + b.sentence(f"{region}の農林水産業の振興", f"{region}|overview"))
        b.head(3, "２　地域の課題")
        b.para(f"{region}では、{r.choice(ISSUES)}、担い手の確保と経営の安定が課題です。また、{prods[0]}の産地を維持するため、"
               "生産性の向上と販路の確保が求められています。")
        b.para(f"さらに、{r.choice(ISSUES)}、{prods[1]}や{prods[2]}についても、{r.choice(MEASURES)}や{r.choice(MEASURES)}を"
               f"通じた経営の安定が必要です。" + b.sentence(f"{region}の課題の解決", f"{region}|issues", n=2))
        b.head(3, "３　重点的な取組", new_page=True)
        for ii, item in enumerate(REGION_ITEMS):
            b.head(4, f"（{zen(ii + 1)}）{item}")
            b.para("ア　" + b.sentence(f"{region}の{prods[ii % 3]}の{['担い手確保', '産地強化', '地域活性化'][ii]}"))
            b.para("イ　" + b.sentence(f"{region}の{item}"))
            b.para("ウ　" + b.sentence(f"{region}の{['人材育成', '生産基盤整備', '交流人口の拡大'][ii]}", n=2)
                   if ii != 1 else "ウ　" + b.sentence(f"{region}の{prods[(ii + 1) % 3]}の生産拡大", n=2))
            if ii == 1 and ri == ch["region_add"]:
                add = (f"エ　{region}の沿岸部や河川流域において、藻場・干潟の保全活動や水源林の整備を地域住民と協働して進め、"
                       "豊かな漁場と水環境を次の世代に引き継ぎます。")
                if an:
                    p = b.para(add)
                    b.mark("region_add", p, add)
    # ---------------------------------------------------------------- 資料編
    b.head(1, "資料編", new_page=True)
    b.head(2, "１　計画策定の経過")
    keika = [["時期", "内容"], ["令和６年６月", f"{dept}内に策定検討会を設置"], ["令和６年９月", "農林水産業振興審議会（第１回）"],
             ["令和６年12月", "素案の公表、パブリックコメントの実施"], ["令和７年２月", "農林水産業振興審議会（第２回）・答申"]]
    tb = b.table(keika)
    b.mark("dept", tb, 1)
    b.head(2, "２　統計資料", new_page=True)
    for k, (tname, cols) in enumerate([("市町村別農業産出額", ["市町村", "令和２年", "令和３年", "令和４年"]),
                                       ("市町村別認定農業者数", ["市町村", "令和２年度", "令和３年度", "令和４年度"]),
                                       ("市町村別森林面積", ["市町村", "人工林（ha）", "天然林（ha）", "計（ha）"])]):
        b.para(f"（{zen(k + 1)}）{tname}")
        r = b.rr(tname)
        srows = [cols]
        for m in range(36):
            v = r.randint(200, 9000)
            srows.append([f"{MUNI[m % len(MUNI)]}{'市町村'[m % 3]}" if m < len(MUNI) else f"第{zen(m)}地区",
                          f"{v:,}", f"{v + r.randint(-90, 120):,}", f"{v + r.randint(-60, 240):,}"])
        b.table(srows)
    b.head(2, "３　用語解説", new_page=True)
    terms = [("GAP（農業生産工程管理）", "農業生産活動の持続性を確保するため、食品安全、環境保全、労働安全等の観点から生産工程を管理する取組。"),
             ("スマート農業", "ロボット、AI、IoTなどの先端技術を活用する農業。"),
             ("６次産業化", "農林漁業者が生産・加工・販売を一体的に行い、付加価値を高める取組。"),
             ("農福連携", "障害のある人などが農業分野で活躍することを通じ、自信や生きがいを持って社会参画を実現していく取組。")]
    if "term_add" in rows and an:
        terms.insert(2, ("J-クレジット", "省エネルギー設備の導入や森林経営などによる温室効果ガスの排出削減量・吸収量を、国がクレジットとして認証する制度。"))
    for tn, tx in terms:
        p = b.para(f"{tn}　{tx}")
        if tn == "J-クレジット":
            b.mark("term_add", p, p.text)
    return b


PART1 = ["計画策定の趣旨", "計画の位置付け", "計画期間", "農林水産業を取り巻く現状と課題", "基本理念と目指す姿", "施策体系", "計画の推進"]


# ---------------------------------------------------------------- printing


def print_lines(blocks: list[Block]) -> list[PrintLine]:
    out: list[PrintLine] = []
    for b in blocks:
        if b.kind.startswith("h"):
            out.append(PrintLine(b.text, SIZES[int(b.kind[1])], (b.uid, 0), new_page=b.new_page))
        elif b.kind == "table":
            for i, r in enumerate(b.rows):
                out.append(PrintLine("　".join(r), TABLE_SIZE, (b.uid, i)))
        elif b.kind == "box":
            out.append(PrintLine("┌" + "─" * 38 + "┐", BODY_SIZE))
            for off, piece in wrap(b.text, 38):
                out.append(PrintLine(piece, BODY_SIZE, (b.uid, off)))
            out.append(PrintLine("└" + "─" * 38 + "┘", BODY_SIZE))
        else:
            for off, piece in wrap(b.text):
                out.append(PrintLine(piece, BODY_SIZE, (b.uid, off)))
    return out


def _page_of(blocks: dict[str, Block], where: dict, uid: str, part: str | int) -> list[int]:
    b = blocks[uid]
    if isinstance(part, int):
        return [where[(uid, part)]]
    if b.kind.startswith("h"):
        return [where[(uid, 0)]]
    width = 38 if b.kind == "box" else 40
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(part), b.text)]
    assert spans, (uid, part)
    offs = [o for o, _ in wrap(b.text, width) for i, j in spans if o + width > i and o < j]
    return sorted({where[(uid, o)] for o in offs})


def _lay(ch: dict, seed: int, version: str, title: str) -> tuple[Builder, list[list[Line]], dict]:
    b = build(version, ch, seed, None)
    pages, where = lay_out(print_lines(b.blocks), title)
    toc = {x.text: where[(x.uid, 0)] for x in b.blocks if x.kind in ("h1", "h2")}
    b = build(version, ch, seed, toc)
    pages, where2 = lay_out(print_lines(b.blocks), title)
    assert where2 == where
    return b, pages, where


# ---------------------------------------------------------------- comments and truth

ROW_TEXT = {
    "kpi_raise": ("KPI", "新規就農者数の目標値（220人/年）は低すぎる。本県の農業者の減少を考えれば、より高い目標とすべきである。",
                  "ご意見を踏まえ、新規就農者数の目標値を250人/年に引き上げます。", "comment", ["新規就農者数", "250"],
                  "戦略１の施策の成果指標「新規就農者数」の目標値（令和10年度）を220人/年から250人/年に引き上げ"),
    "region_add": ("region", "{region}の取組に、藻場・干潟の保全や水源林の整備など、水環境を守る取組を加えてほしい。",
                   "ご意見を踏まえ、{region}の重点的な取組に、藻場・干潟の保全活動と水源林の整備を追記します。", "comment", ["藻場"],
                   "{region}の重点的な取組に、藻場・干潟の保全活動や水源林の整備を地域住民と協働して進める取組を追加"),
    "sakutei": ("sakutei", "ため池の保全計画について「策定を推進します」では、いつまでに策定するのか分からない。時期を明示すべき。",
                "ご意見を踏まえ、保全計画を令和８年度までに策定することを明記します。", "comment", ["令和８年度までに策定"],
                "防災重点農業用ため池の保全計画について、「策定を推進します」を「令和８年度までに策定します」に修正"),
    "project_para": ("project", "重点プロジェクトの成果を県内全体に広げるための具体的な方法を示すべきではないか。",
                     "ご意見を踏まえ、モデル地区を設定し、現地研修会を通じて取組の横展開を図ることを追記します。", "comment", ["モデル地区"],
                     "重点プロジェクトに、モデル地区を県内５か所に設定し、現地研修会を通じて横展開を図る旨を追加"),
    "organic": ("organic", "", "", "comment", ["有機農業"],
                "有機農業の取組面積を令和10年度までに{ha}haに拡大する目標を追加し、成果指標に「有機農業取組面積」を追加"),
    "kpi_add": ("kpi_add", "女性農業者の活躍を進めるのであれば、その成果を測る指標を設定すべきである。",
                "ご意見を踏まえ、成果指標に「女性の認定農業者数」を追加します。", "comment", ["女性の認定農業者数"],
                "成果指標に「女性の認定農業者数」（基準値86人、目標値120人）を追加"),
    "issue_sentence": ("issue", "鳥獣被害対策について、捕獲した鳥獣をジビエとして活用する視点も記載してほしい。",
                       "ご意見を踏まえ、現状と課題にジビエとしての活用と処理加工施設の確保に関する記述を追記します。", "comment", ["ジビエ"],
                       "現状と課題に、捕獲した鳥獣のジビエとしての活用と処理加工施設の確保に関する記述を追加"),
    "term_add": ("term", "用語解説に、本文で使われている「J-クレジット」を加えてほしい。",
                 "ご意見を踏まえ、用語解説に「J-クレジット」を追加します。", "comment", ["J-クレジット"],
                 "用語解説に「J-クレジット」を追加"),
    "item_text": ("item", "農業経営の法人化・規模拡大の施策に、経営継承（事業承継）への支援を位置付けるべき。",
                  "ご意見を踏まえ、経営継承（事業承継）の相談体制を強化することを追記します。", "comment", ["経営継承"],
                  "経営管理能力の向上の取組に、経営継承（事業承継）の相談体制の強化を追加"),
}

CAMPAIGN = ["有機農業の拡大に向けて、取組面積の具体的な目標を計画に明記すべきである。",
            "有機農業の取組面積について、具体的な数値目標を計画に明記してほしい。",
            "有機農業を拡大するため、取組面積の数値目標を計画に盛り込むべきである。",
            "有機農業の拡大について、計画に取組面積の具体的な目標を明記すべき。"]

FILLER = [
    ("既記載", "第２編　基本計画", "新規就農者の住まいの確保について支援が必要である。",
     "新規就農者の定着に向けた支援については、施策１－１（３）に記載しており、市町村と連携して取り組んでまいります。"),
    ("既記載", "第２編　基本計画", "スマート農業の導入には費用がかかるため、導入への支援を充実してほしい。",
     "スマート農業技術の導入支援については、施策２－２（１）に記載しており、引き続き支援します。"),
    ("参考", "第２編　基本計画", "学校給食での県産農産物の利用をもっと増やすべき。",
     "ご意見は、今後の施策の参考とさせていただきます。"),
    ("参考", "全体", "計画が長すぎて分かりにくい。概要版を作成してほしい。",
     "計画の周知に当たっては、分かりやすい概要版を作成するなど工夫してまいります。今後の参考とさせていただきます。"),
    ("不反映", "第２編　基本計画", "輸出よりも県内消費を優先すべきであり、輸出額の目標は不要である。",
     "輸出は生産者の所得向上と産地の維持に資する重要な取組であることから、原案のとおりとします。"),
    ("参考", "第３編　地域別計画", "地域別計画の指標に、各地域の新規就農者数も加えてほしい。",
     "地域別の指標については、今後の施策の参考とさせていただきます。"),
    ("既記載", "第２編　基本計画", "鳥獣被害対策では、侵入防止柵の整備に加えて地域ぐるみの活動が大切である。",
     "地域ぐるみの被害防止活動については、施策５－２（３）に記載しています。"),
    ("参考", "第２編　基本計画", "森林環境譲与税の使い道を計画に示してほしい。", "今後の施策の参考とさせていただきます。"),
    ("不反映", "第１編　総論", "計画期間を５年間とすべきである。",
     "本計画は県総合計画の計画期間に合わせて４年間としていることから、原案のとおりとします。"),
    ("既記載", "第２編　基本計画", "有機農業の技術指導を充実してほしい。",
     "有機農業に取り組む農業者への技術指導については、施策３－１（１）に記載しています。"),
    ("参考", "第２編　基本計画", "畜産の飼料価格高騰への支援を充実してほしい。", "今後の施策の参考とさせていただきます。"),
    ("参考", "第３編　地域別計画", "地域の農産物直売所への支援を強化してほしい。", "ご意見は、今後の施策の参考とさせていただきます。"),
    ("既記載", "全体", "気候変動への適応策を盛り込むべきである。",
     "高温に強い品種の導入など気候変動への対応については、施策２－３（１）等に記載しています。"),
    ("不反映", "第２編　基本計画", "KPIの数を減らして分かりやすくすべきである。",
     "KPIは施策ごとの成果を把握するために設定していることから、原案のとおりとします。"),
    ("参考", "第２編　基本計画", "女性農業者向けのトイレや更衣室の整備を支援してほしい。", "今後の施策の参考とさせていただきます。"),
    ("参考", "第２編　基本計画", "新規就農者への研修の内容を充実してほしい。", "今後の施策の参考とさせていただきます。"),
]


def _ref(style: str, page: int, num: str, name: str, rng: random.Random) -> str:
    """A 該当箇所 for a 施策 ``num`` like 「２－３」 (素案 numbering)."""
    a, c = num.split("－")
    han = a.translate(str.maketrans("０１２３４５６７８９", "0123456789")), c.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return {"page": f"P.{page} 施策{num}", "half": f"施策{han[0]}-{han[1]}", "no": f"施策{a}の{c}",
            "plain": f"施策{num}　{name}"}[style]


def _comments(ch: dict, soan: Builder, soan_where: dict, rng: random.Random) -> tuple[list[dict], dict]:
    """The 別紙1 rows and, for each decision row, its comment ids (campaign: its representative)."""
    blocks = {b.uid: b for b in soan.blocks}

    def head_of(prefix: str) -> tuple[str, int]:
        for b in soan.blocks:
            if b.kind.startswith("h") and b.text.endswith(prefix):
                return b.text, soan_where[(b.uid, 0)]
        raise KeyError(prefix)

    def policy(name: str) -> tuple[str, str, int]:
        text, page = head_of(name)
        return text.split("　")[0][2:], name, page

    region = ch["regions"][ch["region_add"]]
    styles = ["page", "half", "no", "plain"]
    items: list[dict] = []
    for row in ch["rows"]:
        if row == "organic":
            continue
        kind, op, ans, _, _, _ = ROW_TEXT[row]
        st = rng.choice(styles)
        if kind == "KPI":
            ref, cat = "KPI（新規就農者数）", "第２編　基本計画"
        elif kind == "region":
            _, page = head_of(region)
            ref, cat = rng.choice([f"第３編 {region}", f"P.{page} {region}"]), "第３編　地域別計画"
        elif kind == "project":
            k = ch["project_para"]
            ref, cat = f"重点プロジェクト{zen(k + 1)}", "第２編　基本計画"
        elif kind == "term":
            ref, cat = "資料編 用語解説", "資料編"
        else:
            name = {"sakutei": "農業・農村の防災・減災", "kpi_add": "女性・高齢者など多様な人材の活躍",
                    "issue": "鳥獣被害対策の推進", "item": "農業経営の法人化・規模拡大"}[kind]
            num, nm, page = policy(name)
            ref, cat = _ref(st, page, num, nm, rng), "第２編　基本計画"
        items.append({"cat": cat, "ref": ref, "opinion": op.format(region=region), "answer": ans.format(region=region),
                      "type": "反映", "row": row})
    total = rng.randint(40, 110)
    n_campaign = rng.randint(10, 20)
    fill = total - len(items) - n_campaign - (1 if ch["typo_comment"] else 0)
    for k in range(fill):
        t, cat, op, ans = FILLER[k % len(FILLER)]
        if k >= len(FILLER):
            op = op.replace("。", "と考える。", 1) if k % 2 else "（再掲）" + op
        items.append({"cat": cat, "ref": rng.choice(["全体", cat.split("　")[0], "第２編"]), "opinion": op, "answer": ans,
                      "type": t, "row": None})
    if ch["typo_comment"]:
        _, page = head_of(ch["strategies"][3][0])
        items.append({"cat": "第２編　基本計画", "ref": f"P.{page}以降 戦略４", "opinion": "「推准」は「推進」の誤りではないか。",
                      "answer": "ご指摘のとおり修正します。", "type": "反映", "row": None})
    rng.shuffle(items)
    start = rng.randint(3, max(4, len(items) // 2))
    num, name, page = policy("環境にやさしい農業の推進")
    camp = []
    for k in range(n_campaign):
        camp.append({"cat": "第２編　基本計画", "ref": rng.choice([_ref("page", page, num, name, rng), _ref("half", page, num, name, rng),
                                                                     "施策３－１（１）"]),
                     "opinion": CAMPAIGN[k % len(CAMPAIGN)] + ("" if k < 4 else ["", "", "県民として強く望む。"][k % 3]),
                     "answer": "", "type": "反映", "row": "organic" if k == 0 else "organic-member"})
    items[start:start] = camp
    rep = start + 1
    camp[0]["answer"] = (f"ご意見を踏まえ、施策{num}（１）に有機農業の取組面積を令和10年度までに{ch['organic_ha']}haに拡大する目標を"
                         "追記するとともに、成果指標に「有機農業取組面積」を追加します。")
    for c in camp[1:]:
        c["answer"] = f"No.{rep}と同じ"
    out = []
    links: dict[str, list[str]] = {}
    for i, it in enumerate(items, 1):
        cid = f"C{i:02d}"
        out.append({**it, "no": i, "id": cid})
        if it["row"] and it["row"] != "organic-member":
            links.setdefault(it["row"], []).append(cid)
    members = [c["id"] for c in out if c["row"] in ("organic", "organic-member")]
    links["_campaign"] = members
    return out, links


INTERNAL = {
    "law": ("external", "令和６年６月の食料・農業・農村基本法の改正（令和６年法律第44号）を踏まえ、計画策定の趣旨及び戦略３の記述を更新",
            ["食料・農業・農村基本法"], "modified", "食料・農業・農村基本法の改正（令和６年法律第44号）"),
    "plan_date": ("external", "国の食料・農業・農村基本計画の改定に伴い、閣議決定の時期を令和２年３月から令和７年４月に更新",
                  ["令和７年４月"], "modified", "国の食料・農業・農村基本計画の改定（令和７年４月閣議決定）"),
    "rename": ("internal", "戦略４の名称を「{old}」から「{new}」に変更", ["{new}"], "renamed", "庁内の検討による名称の見直し"),
    "move": ("internal", "施策「{name}」を戦略２から戦略３に移動（施策３－{n}）", ["{name}"], "moved", "施策体系の見直し（庁内検討）"),
    "refresh": ("internal", "{regions}の地域指標の基準値（R4）を確定値に更新", ["基準値"], "modified", "統計の確定値の公表による更新"),
    "dept": ("internal", "組織改正により「{old}」を「{new}」に改める", ["{new}"], "modified", "令和７年度組織改正"),
}


def _truth(ch: dict, soan: Builder, an: Builder, soan_where: dict, an_where: dict, comments: list[dict],
           links: dict[str, list[str]], case: str) -> dict:
    an_blocks = {b.uid: b for b in an.blocks}
    by_row: dict[str, list[Mark]] = {}
    for m in an.marks:
        by_row.setdefault(m.row, []).append(m)
    strategies = ch["strategies"]
    moved = strategies[1][2][1]
    n_moved = len(strategies[2][2]) + 1
    regions = [ch["regions"][i] for i in ch["refreshed"]]
    rows = []
    order = [r for r in ch["rows"]] + ["law", "plan_date", "rename", "move", "refresh", "dept"]
    for i, key in enumerate(order, 1):
        marks = by_row[key]
        paths: list[list[str]] = []
        for m in marks:
            if m.path not in paths:
                paths.append(m.path)
        # a change in a （ｎ） item and one in its 施策's table: one place, the 施策
        paths = [p for p in paths if not any(q != p and p[:len(q)] == q for q in paths)]
        pages = sorted({p for m in marks for p in _page_of(an_blocks, an_where, m.uid, m.part)})
        if key in ROW_TEXT:
            _, _, _, cause, must, summ = ROW_TEXT[key]
            summ = summ.format(region=ch["regions"][ch["region_add"]], ha=ch["organic_ha"])
            kind = "added" if key in ("region_add", "project_para", "term_add") else "modified"
            cause_d = {"type": "comment", "comment_ids": links[key], "note": "意見を踏まえた変更"}
            if key == "organic":
                must = ["有機農業", str(ch["organic_ha"])]
        else:
            ctype, summ, must, kind, note = INTERNAL[key]
            fmt = {"old": strategies[3][0] if key == "rename" else DEPT_OLD,
                   "new": strategies[3][1] if key == "rename" else DEPT_NEW,
                   "name": moved[0], "n": zen(n_moved), "regions": "・".join(regions)}
            summ = summ.format(**fmt)
            must = [m.format(**fmt) for m in must]
            cause_d = {"type": ctype, "comment_ids": [], "note": note}
        assert all(m in summ for m in must), (key, must, summ)
        rows.append({"id": f"R{i}", "item": " ".join(paths[0]), "an_pages": pages, "summary": summ,
                     "section_paths": paths, "kind": kind, "cause": cause_d, "must_mention": must, "decision": key})
    row_of = {r["decision"]: r["id"] for r in rows}
    cs = []
    for c in comments:
        rid = [row_of[c["row"]]] if c["row"] in row_of else []
        if c["row"] == "organic-member":
            rid = [row_of["organic"]]
        cs.append({"id": c["id"], "ref": c["ref"], "reflected": c["type"] == "反映", "row_ids": rid})
    campaign = links["_campaign"]
    return {"case": case, "rows": rows, "comments": cs,
            "campaigns": [{"representative": campaign[0], "members": campaign}],
            "editorial": [{"id": f"E{i}", **e} for i, e in enumerate(an.editorial, 1)],
            "non_reportable": ["目次（戦略４の名称変更と施策の移動に伴う変更）", "施策の移動に伴う戦略２の施策番号の繰上げ",
                               "第１編 第４章（２）の一文の移動（文言の変更なし）", "editorial に列挙した文言整理"]}


def generate(seed: int) -> Plan:
    ch = _choices(seed)
    title_base = f"第４期　{ch['pref']}県農林水産業振興計画"
    soan, soan_pages, soan_where = _lay(ch, seed, "soan", title_base + "（素案）")
    an, an_pages, an_where = _lay(ch, seed, "an", title_base + "（案）")
    rng = random.Random(seed * 31 + 5)
    comments, links = _comments(ch, soan, soan_where, rng)
    truth = _truth(ch, soan, an, soan_where, an_where, comments, links, f"blind12-s{seed}")
    blocks = {x.uid: x for x in an.blocks}
    shown = [(m.row, m.part if isinstance(m.part, str) else "　".join(blocks[m.uid].rows[m.part])) for m in an.marks]
    return Plan(seed, title_base, ch, soan.blocks, an.blocks, soan_where, an_where, soan_pages, an_pages, comments, truth,
                shown)


# ---------------------------------------------------------------- files


def _docx(blocks: list[Block], title: str, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph(title, style="Title")
    for b in blocks:
        if b.kind.startswith("h"):
            p = d.add_heading(b.text, level=int(b.kind[1]))
            if b.new_page:
                p.paragraph_format.page_break_before = True
        elif b.kind == "table":
            t = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(b.rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
        elif b.kind == "box":
            t = d.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            t.cell(0, 0).text = b.text
        else:
            d.add_paragraph(b.text)
    footer = d.sections[0].footer.paragraphs[0]
    run = footer.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    d.core_properties.created = d.core_properties.modified = __import__("datetime").datetime(2025, 1, 1)
    d.save(str(path))


HEADER = ["番号", "区分", "該当箇所", "御意見の概要", "県の考え方", "対応"]
COLS = [(30, 3), (70, 7), (100, 10), (250, 27), (250, 27), (36, 2)]  # (width pt, chars a line at 9 pt)


def _xlsx(plan: Plan, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "別紙1"
    ws.append([f"{plan.title}（素案）に対する御意見の概要と県の考え方"])
    if plan.choices["legend"]:
        ws.append([LEGEND])
    ws.append(HEADER)
    for c in plan.comments:
        ws.append([c["no"], c["cat"], c["ref"], c["opinion"], c["answer"], SYMBOL[c["type"]]])
    wb.save(str(path))


def _ruled_pdf(plan: Plan, path: Path) -> None:
    """別紙1 as a ruled table on landscape pages: the header repeated on each page, rows that do not fit
    continued overleaf (their cells split at the page end)."""
    W, H, left, top, bottom, size, lh = 842, 595, 40, 540.0, 40, 9.0, 12.0
    pages: list[tuple[list[Line], list[tuple[float, float, float, float]]]] = []
    xs = [left]
    for w, _ in COLS:
        xs.append(xs[-1] + w)

    def cell_lines(values: list[str]) -> list[list[str]]:
        return [[v[i:i + n] for i in range(0, len(v), n)] or [""] for v, (_, n) in zip(values, COLS)]

    texts: list[Line] = []
    rules: list[tuple[float, float, float, float]] = []
    y = top

    def start_page(first: bool) -> None:
        nonlocal texts, rules, y
        texts, rules, y = [], [], top
        if first:
            texts.append(Line(left, y, 12, f"{plan.title}（素案）に対する御意見の概要と県の考え方"))
            y -= 20
            if plan.choices["legend"]:
                texts.append(Line(left, y, size, LEGEND))
                y -= 16
        row(HEADER, header=True)

    def finish() -> None:
        texts.append(Line(W / 2 - 10, 20, 8, f"{len(pages) + 1}"))
        pages.append((texts, rules))

    def row(values: list[str], header: bool = False) -> None:
        nonlocal y
        cols = cell_lines(values)
        n = max(len(c) for c in cols)
        k = 0
        while k < n:
            room = int((y - bottom - 4) // lh)
            if room <= 0:
                finish()
                start_page(False)
                continue
            take = min(room, n - k)
            y0 = y
            for j, c in enumerate(cols):
                for m, s in enumerate(c[k:k + take]):
                    texts.append(Line(xs[j] + 3, y0 - (m + 1) * lh + 2, size, s))
            y1 = y0 - take * lh - 4
            rules.append((xs[0], y0, xs[-1], y0))
            rules.append((xs[0], y1, xs[-1], y1))
            for x in xs:
                rules.append((x, y0, x, y1))
            y = y1
            k += take
            if k < n:
                finish()
                start_page(False)

    start_page(True)
    for c in plan.comments:
        row([str(c["no"]), c["cat"], c["ref"], c["opinion"], c["answer"], SYMBOL[c["type"]]])
    finish()
    _write_ruled(pages, W, H, path)


def _write_ruled(pages: list[tuple[list[Line], list[tuple[float, float, float, float]]]], w: int, h: int, path: Path) -> None:
    """The pages on ``w`` x ``h``: each page's ruling lines drawn first (``m l`` joined, one ``S``), then its text."""
    out: list[list[str]] = []
    for texts, rules in pages:
        ops = [text_op(ln.x, ln.y, ln.size, ln.text) for ln in texts]
        if rules:
            ops.insert(0, "0.5 w " + " ".join(f"{x0:.1f} {y0:.1f} m {x1:.1f} {y1:.1f} l" for x0, y0, x1, y1 in rules) + " S")
        out.append(ops)
    write_page_ops(out, path, w, h)


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    f: dict[str, Path] = {"soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf", "expected": d / "expected.json"}
    write_pdf(plan.soan_pages, f["soan_pdf"])
    write_pdf(plan.an_pages, f["an_pdf"])
    if plan.choices["docx"]:
        f["soan"], f["an"] = d / "soan.docx", d / "an.docx"
        _docx(plan.soan, plan.title + "（素案）", f["soan"])
        _docx(plan.an, plan.title + "（案）", f["an"])
        f["comments"] = d / "bessi1.pdf"
        _ruled_pdf(plan, f["comments"])
    else:
        f["soan"], f["an"] = f["soan_pdf"], f["an_pdf"]
        f["comments"] = d / "bessi1.xlsx"
        _xlsx(plan, f["comments"])
    f["expected"].write_text(json.dumps(plan.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    t = plan.truth
    causes: dict[str, int] = {}
    for r in t["rows"]:
        causes[r["cause"]["type"]] = causes.get(r["cause"]["type"], 0) + 1
    return {"seed": plan.seed, "pages_soan": max(plan.soan_where.values()), "pages_an": max(plan.an_where.values()),
            "format": "docx+pdf" if plan.choices["docx"] else "pdf", "comments": len(plan.comments),
            "bessi1": "pdf" if plan.choices["docx"] else "xlsx", "legend": plan.choices["legend"],
            "campaign": len(t["campaigns"][0]["members"]), "rows": len(t["rows"]), "causes": causes,
            "editorial": len(t["editorial"])}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
