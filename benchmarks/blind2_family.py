"""A second blind plan family: a NATIONAL ministry plan revised 素案 → 案 after a
public comment, written without reading revtool's comparison, change-table
or comment code (issue 11).

House style (a 省, not a ward or a prefecture): である調, full-width numbers in
headings (第１部 / 第１章 / 第１節 / １． / （１） / ア), 【施策の方向性】/【主な取組】
blocks, footnote marks ※n with the notes at the end of their section, 図表
references, 成果指標 tables (指標名 | 現状値 | 目標値 | 年度), a 施策体系 table, a
table of contents, a running header and 「- n -」 footers in the PDF.

The comment table is the ministry's 別紙1 (番号 | 該当箇所 | 御意見の概要 | 御意見に
対する考え方) with campaign duplicates and messy references.

    plan = generate(seed)
    files = write_plan(plan, out_dir)   # soan/an .docx + .pdf, comments .xlsx, expected .json

Truth: ``expected.json`` in the shape ``benchmarks.accuracy_score.score_case``
reads (rows with section_paths / an_pages / must_mention / cause; editorial
edits; comments with ``reflected``). 案 pages come from where the text lands in
the generated 案 PDF (the layout below is the one written to the PDF).
"""

from __future__ import annotations

import copy
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import PAGE_H, PAGE_W, Line, write_pdf

BLIND2_TUNING_SEEDS = (8001, 8002, 8003)
BLIND2_SEEDS = (8101, 8102, 8103)

FW = str.maketrans("0123456789", "０１２３４５６７８９")


def fw(n: int | str) -> str:
    return str(n).translate(FW)


KATA = "アイウエオカキクケコ"

# ---------------------------------------------------------------------------
# vocabulary (the ministry's own)

PLAN_THEMES = [
    ("生涯学習推進基本計画", "文部科学省", "社会教育法", "昭和24年法律第207号"),
    ("生涯学習推進基本計画", "文部科学省", "生涯学習の振興のための施策の推進体制等の整備に関する法律", "平成2年法律第71号"),
]
ORG_RENAMES = [
    ("内閣府地域学習推進室", "地域学習推進庁"),
    ("内閣官房共生社会推進本部事務局", "共生社会推進庁"),
    ("文部科学省総合教育政策局地域学習推進課", "地域学習推進庁"),
]
NATIONAL_PLANS = [
    ("第４期教育振興基本計画", "第５期教育振興基本計画", "令和７年６月"),
    ("第２期デジタル田園都市国家構想総合戦略", "地方創生２．０基本構想", "令和７年６月"),
    ("第５次男女共同参画基本計画", "第６次男女共同参画基本計画", "令和７年12月"),
]

CHAPTERS = [
    ("生涯を通じた学びの機会の充実", "学びの機会", ["リカレント教育", "学び直し", "公開講座", "放送大学", "学習成果の評価",
                                     "資格取得", "職業能力開発", "大学開放", "通信教育", "学習情報の提供", "キャリア形成支援",
                                     "オンライン講座"]),
    ("子供・若者の育ちと学びの支援", "若者支援", ["体験活動", "読書活動", "放課後の居場所", "青少年教育施設", "自然体験",
                                     "家庭教育支援", "若者の社会参画", "不登校児童生徒の学び", "地域学校協働活動",
                                     "ボランティア活動", "多世代交流", "相談体制"]),
    ("障害のある人の生涯を通じた学びの支援", "共生", ["共生社会", "障害者の学習機会", "合理的配慮", "学校卒業後の学び",
                                          "特別支援学校", "点字図書", "手話", "バリアフリー", "福祉との連携",
                                          "移動支援", "文化芸術活動", "スポーツ活動"]),
    ("地域における学びと社会参画の推進", "地域", ["公民館", "図書館", "博物館", "社会教育主事", "社会教育士",
                                      "地域コミュニティ", "住民の学習活動", "地域課題の解決", "防災学習",
                                      "環境学習", "消費者教育", "地域人材"]),
    ("デジタル社会における学びの推進", "デジタル", ["デジタル・シティズンシップ", "情報モラル", "オンライン学習",
                                       "学習ログ", "デジタル教材", "情報リテラシー", "デジタル格差",
                                       "生成ＡＩ", "遠隔講座", "データ利活用", "通信環境", "学習プラットフォーム"]),
    ("学びを支える人材の育成と推進体制の整備", "人材", ["指導者の育成", "専門職員", "研修体系", "コーディネーター",
                                           "大学との連携", "企業との連携", "ＮＰＯとの協働", "財源の確保",
                                           "評価手法", "調査研究", "広報", "表彰制度"]),
]
ENDS = ["推進", "充実", "強化", "促進", "支援", "整備", "確保", "向上", "普及", "活用", "拡充", "推進体制の構築"]
ACTORS = ["地方公共団体", "都道府県", "市町村", "大学", "民間団体", "社会教育施設", "企業", "関係府省", "教育委員会", "ＮＰＯ"]
BASIC_POLICIES = ["誰もが生涯にわたって学び続けられる環境をつくる", "学びを通じて地域と社会を支える",
                  "学びを支える基盤を強化する"]

TEMPLATES = [
    "{n1}については、{a1}と連携しながら、{n2}の{e1}に取り組む。",
    "近年、{n1}をめぐる状況は大きく変化しており、{n2}への的確な対応が求められている。",
    "国は、{n1}に関する調査研究を実施し、その成果を{a1}に広く提供する。",
    "{n1}の{e1}に向けて、{n2}に関する先進的な事例を収集し、全国への普及を図る。",
    "また、{n1}と{n2}を一体的に進めるため、関係府省の連携体制を強化する。",
    "{a1}が主体的に{n1}に取り組むことができるよう、必要な情報提供や助言に努める。",
    "{n1}の現状を把握するため、定期的に実態調査を実施し、その結果を施策の改善につなげる。",
    "特に、{n1}においては地域間の差が指摘されており、{n2}の{e1}が急務となっている。",
    "{a1}における{n1}の取組状況には差が見られることから、{n2}の{e1}を図る必要がある。",
    "このため、{n1}に携わる関係者の資質の向上を図るとともに、{a1}との連携を一層深める。",
    "{n1}の意義について国民の理解を深めるため、{n2}と連動した広報を展開する。",
    "さらに、{a1}と{a2}が協働して{n1}を進める体制を構築し、その取組を継続的に支援する。",
    "{n1}に関する指針を見直し、{a1}が活用しやすい手引を作成する。",
    "前計画期間中には{n1}の{e1}に一定の進展が見られたものの、{n2}については依然として課題が残っている。",
    "今後は、{n1}を担う人材の確保と{n2}の{e1}を両輪として施策を展開する。",
]

# (素案 form, 案 form, kind): planted editorial edits (公用文作成の考え方 2022, typos, marks)
EDITORIAL_CARRIERS = [
    ("{a1}等の多様な主体が参画する{n1}の仕組みを構築する。", "{a1}などの多様な主体が参画する{n1}の仕組みを構築する。", "等→など"),
    ("{n1}の実施状況の点検を行う。", "{n1}の実施状況を点検する。", "行う→する"),
    ("{n1}の効果について検証を行い、必要な見直しを行う。", "{n1}の効果について検証し、必要な見直しをする。", "行う→する"),
    ("{n1}および{n2}の連携を図る。", "{n1}及び{n2}の連携を図る。", "および→及び"),
    ("全ての子供が{n1}に参加できる環境を整える。", "全てのこどもが{n1}に参加できる環境を整える。", "子供→こども"),
    ("子どもたちの{n1}を地域全体で支える。", "こどもたちの{n1}を地域全体で支える。", "子ども→こども"),
    ("障がいのある人も{n1}に参加しやすいよう配慮する。", "障害のある人も{n1}に参加しやすいよう配慮する。", "障がい→障害"),
    ("{a1}の取り組みを後押しする。", "{a1}の取組を後押しする。", "取り組み→取組"),
    ("国民一人ひとりが{n1}の意義を実感できるようにする。", "国民一人一人が{n1}の意義を実感できるようにする。", "一人ひとり→一人一人"),
    ("{n1}に関する施索を総合的に展開する。", "{n1}に関する施策を総合的に展開する。", "typo 施索"),
    ("{n1}の利用を促准する。", "{n1}の利用を促進する。", "typo 促准"),
    ("{n1}に関する普及啓登を図る。", "{n1}に関する普及啓発を図る。", "typo 啓登"),
    ("{n1}の実施状祝を公表する。", "{n1}の実施状況を公表する。", "typo 状祝"),
    ("{n1}の推進体勢を整える。", "{n1}の推進体制を整える。", "typo 体勢"),
    ("更に、{n1}の成果を{a1}と共有する。", "さらに、{n1}の成果を{a1}と共有する。", "更に→さらに"),
    ("様々な{n1}の機会を提供する。", "さまざまな{n1}の機会を提供する。", "様々→さまざま"),
    ("２０３０年までに{n1}の基盤を整える。", "2030年までに{n1}の基盤を整える。", "全角数字"),
    ("{n1}の参加者は約１２万人となっている。", "{n1}の参加者は約12万人となっている。", "全角数字"),
    ("『社会教育調査』によれば、{n1}の実施件数は増加している。", "「社会教育調査」によれば、{n1}の実施件数は増加している。", "『』→「」"),
    ("{n1}を進める。　また、{n2}にも留意する。", "{n1}を進める。また、{n2}にも留意する。", "空白"),
    ("{n1}の在り方について、　{a1}と意見交換する。", "{n1}の在り方について、{a1}と意見交換する。", "空白"),
]
PUNCT_SENTENCES = ["{n1}については，{a1}と連携し，{n2}の{e1}を図る．", "また，{n1}の成果を検証し，次期の取組に反映する．"]

FOOTNOTE_TERMS = ["リカレント教育", "社会教育士", "地域学校協働活動", "デジタル・シティズンシップ", "合理的配慮",
                  "学習ログ", "ウェルビーイング", "コミュニティ・スクール", "オープンバッジ", "マイクロクレデンシャル",
                  "インクルーシブ教育システム", "ＥＢＰＭ", "リテラシー", "サードプレイス"]

INDICATOR_UNITS = [("の実施率", "％"), ("の参加者数", "万人"), ("の認知度", "％"), ("の設置数", "か所"), ("の満足度", "％"),
                   ("の登録者数", "万人")]


# ---------------------------------------------------------------------------
# the document model of this generator (both versions in one tree)


@dataclass
class Para:
    key: str
    soan: str | None
    an: str | None
    style: str = "body"  # body | item | bracket | note | toc


@dataclass
class Table:
    key: str
    header: list[str]
    rows: list[tuple[str, list[str] | None, list[str] | None]]  # (row key, 素案 cells, 案 cells)


@dataclass
class Node:
    key: str
    level: int  # 1 部/unnumbered top, 2 章, 3 節, 4 １．, 5 （１）
    soan_title: str | None
    an_title: str | None
    numbered: bool = True
    body: list = field(default_factory=list)  # Para | Table
    children: list["Node"] = field(default_factory=list)
    an_order: list[str] | None = None  # children keys in 案 order when it differs


def heading_text(level: int, n: int, title: str, numbered: bool) -> str:
    if not numbered:
        return title
    if level == 1:
        return f"第{fw(n)}部　{title}"
    if level == 2:
        return f"第{fw(n)}章　{title}"
    if level == 3:
        return f"第{fw(n)}節　{title}"
    if level == 4:
        return f"{fw(n)}．{title}"
    return f"（{fw(n)}）{title}"


@dataclass
class Block:
    kind: str  # h | p | t
    key: str
    text: str = ""
    level: int = 0
    style: str = "body"
    header: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[str]]] = field(default_factory=list)
    path: tuple[str, ...] = ()


def flatten(root: list[Node], version: str) -> list[Block]:
    """The blocks of one version in document order, headings numbered as printed in that version."""
    out: list[Block] = []

    def walk(nodes: list[Node], path: tuple[str, ...]) -> None:
        present = [n for n in nodes if (n.soan_title if version == "soan" else n.an_title) is not None]
        counters: dict[int, int] = {}
        for n in present:
            title = n.soan_title if version == "soan" else n.an_title
            assert title is not None
            counters[n.level] = counters.get(n.level, 0) + (1 if n.numbered else 0)
            h = heading_text(n.level, counters[n.level], title, n.numbered)
            p = path + (h,)
            out.append(Block("h", n.key, h, n.level, path=p))
            for b in n.body:
                if isinstance(b, Para):
                    t = b.soan if version == "soan" else b.an
                    if t is not None:
                        out.append(Block("p", b.key, t, style=b.style, path=p))
                else:
                    rows = [(rk, (s if version == "soan" else a)) for rk, s, a in b.rows]
                    out.append(Block("t", b.key, header=b.header, rows=[(rk, c) for rk, c in rows if c is not None], path=p))
            kids = n.children
            if version == "an" and n.an_order:
                by = {c.key: c for c in kids}
                kids = [by[k] for k in n.an_order]
            walk(kids, p)

    walk(root, ())
    return out


# ---------------------------------------------------------------------------
# layout: printed lines and pages (the same layout is written to the PDF)

CPL = 40  # characters per body line
TOP, BOTTOM, LEFT = 780, 80, 70
SIZE = 10.5
LH = 17.0
TABLE_SIZE = 9.0


@dataclass
class Layout:
    pages: list[list[Line]]
    first_printed_index: int  # PDF page index of printed page 1
    heading_page: dict[str, int]
    para_lines: dict[str, list[tuple[int, int]]]  # key -> [(offset, printed page)]
    row_page: dict[tuple[str, str], int]
    page_text: dict[int, str]

    def page_of(self, key: str, offset: int) -> int:
        page = self.para_lines[key][0][1]
        for off, pg in self.para_lines[key]:
            if off <= offset:
                page = pg
        return page

    def span_pages(self, key: str, start: int, end: int) -> list[int]:
        a = self.page_of(key, start)
        b = self.page_of(key, max(start, end - 1))
        return list(range(a, b + 1))


def _wrap(text: str, width: int) -> list[tuple[int, str]]:
    """(offset, line) pieces of at most ``width`` characters; a ``\n`` starts a new line."""
    if not text:
        return [(0, "")]
    out: list[tuple[int, str]] = []
    base = 0
    for seg in text.split("\n"):
        out += [(base + i, seg[i:i + width]) for i in range(0, max(len(seg), 1), width)]
        base += len(seg) + 1
    return out


def lay_out(blocks: list[Block], title: str, version_label: str, date: str, ministry: str) -> Layout:
    body_pages: list[list[Line]] = []
    cur: list[Line] = []
    y = TOP
    heading_page: dict[str, int] = {}
    para_lines: dict[str, list[tuple[int, int]]] = {}
    row_page: dict[tuple[str, str], int] = {}

    def new_page() -> None:
        nonlocal cur, y
        body_pages.append(cur)
        cur, y = [], TOP

    def need(h: float) -> None:
        nonlocal y
        if y - h < BOTTOM:
            new_page()

    for b in blocks:
        if b.kind == "h":
            if b.level <= 2 and cur:
                new_page()
            size = {1: 16, 2: 14, 3: 12.5, 4: 11.5, 5: 10.5}[b.level]
            need(size + 14 + LH * 2)  # keep a heading with two lines of what follows
            y -= size + 10
            cur.append(Line(LEFT, y, size, b.text))
            heading_page[b.key] = len(body_pages) + 1
        elif b.kind == "p":
            size = 9.0 if b.style in ("note", "caption") else SIZE
            width = 46 if b.style in ("note", "caption") else CPL
            x = LEFT + (10 if b.style == "item" else 60 if b.style == "caption" else 0)
            lines = para_lines.setdefault(b.key, [])
            for off, piece in _wrap(b.text, width):
                need(LH)
                y -= LH if size == SIZE else 14
                cur.append(Line(x, y, size, piece))
                lines.append((off, len(body_pages) + 1))
            y -= 3
        else:
            ncol = len(b.header)
            widths = [18, 9, 9, 6] if ncol == 4 else [14, 14, 14] if ncol == 3 else [46 // ncol] * ncol
            xs = [LEFT]
            for w in widths[:-1]:
                xs.append(xs[-1] + w * TABLE_SIZE + 6)
            for rk, cells in [("__header__", b.header)] + list(b.rows):
                wrapped = [_wrap(c, w) for c, w in zip(cells, widths)]
                h = max(len(w) for w in wrapped) * (TABLE_SIZE + 4) + 4
                need(h)
                y -= 4
                for j, w in enumerate(wrapped):
                    yy = y
                    for _, piece in w:
                        yy -= TABLE_SIZE + 4
                        cur.append(Line(xs[j], yy, TABLE_SIZE, piece))
                y -= h - 4
                row_page[(b.key, rk)] = len(body_pages) + 1
            y -= 6
    if cur:
        body_pages.append(cur)
    # running header and footer on every printed page
    for i, pg in enumerate(body_pages, 1):
        pg.insert(0, Line(PAGE_W - 250, PAGE_H - 35, 8, f"{title}（{version_label}）"))
        pg.append(Line(PAGE_W / 2 - 15, 40, 9, f"- {i} -"))
    # cover and table of contents (unnumbered)
    cover = [Line(LEFT, 600, 20, f"{title}（{version_label}）"), Line(LEFT + 150, 300, 12, date), Line(LEFT + 150, 280, 12, ministry)]
    tocs: list[list[Line]] = [[Line(LEFT, TOP, 14, "目　次")]]
    yy = TOP - 30
    for b in blocks:
        if b.kind == "h" and b.level <= 3:
            if yy - 15 < BOTTOM:
                tocs.append([])
                yy = TOP
            yy -= 15
            tocs[-1].append(Line(LEFT + 12 * (b.level - 1), yy, 10, f"{b.text}　……　{heading_page[b.key]}"))
    pages = [cover] + tocs + body_pages
    page_text = {i: "".join(ln.text for ln in pg[1:-1]) for i, pg in enumerate(body_pages, 1)}
    return Layout(pages, 1 + len(tocs), heading_page, para_lines, row_page, page_text)


# ---------------------------------------------------------------------------
# generation


@dataclass
class Plan:
    seed: int
    title: str
    ministry: str
    roots: list[Node]
    rows: list[dict]  # truth rows with places (resolved to pages after layout)
    editorial: list[dict]  # editorial edits: para key + 素案/案 spans
    comments: list[dict]
    index: dict[str, Node]
    paras: dict[str, Para]
    tables: dict[str, Table]


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.seed = seed
        self.n = 0
        self.paras: dict[str, Para] = {}
        self.tables: dict[str, Table] = {}
        self.index: dict[str, Node] = {}

    def k(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def sentence(self, pool: list[str]) -> str:
        r = self.r
        n1, n2 = r.sample(pool, 2)
        a1, a2 = r.sample(ACTORS, 2)
        return r.choice(TEMPLATES).format(n1=n1, n2=n2, a1=a1, a2=a2, e1=r.choice(ENDS))

    def text(self, pool: list[str], lo: int = 3, hi: int = 5) -> str:
        return "".join(self.sentence(pool) for _ in range(self.r.randint(lo, hi)))

    def para(self, pool: list[str], style: str = "body", prefix: str = "　", text: str | None = None) -> Para:
        t = prefix + (text if text is not None else self.text(pool))
        p = Para(self.k("p"), t, t, style)
        self.paras[p.key] = p
        return p

    def node(self, level: int, title: str, numbered: bool = True) -> Node:
        nd = Node(self.k("h"), level, title, title, numbered)
        self.index[nd.key] = nd
        return nd


def _titles(r: random.Random, pool: list[str], n: int) -> list[str]:
    nouns = r.sample(pool, n)
    return [f"{x}の{r.choice(ENDS[:10])}" for x in nouns]


def generate(seed: int) -> Plan:
    g = Gen(seed)
    r = g.r
    theme, ministry, law, law_no = r.choice(PLAN_THEMES)
    nth = r.choice([3, 4, 5, 6])
    title = f"第{fw(nth)}次{theme}"
    general = [x for _, _, pool in CHAPTERS for x in pool]

    roots: list[Node] = []
    intro = g.node(1, "はじめに", numbered=False)
    intro.body = [g.para(general) for _ in range(3)]
    roots.append(intro)

    # 第１部 総論
    part1 = g.node(1, "総論")
    roots.append(part1)
    c11 = g.node(2, "計画の策定に当たって")
    s111 = g.node(3, "計画策定の趣旨")
    s111.body = [g.para(general) for _ in range(4)]
    s112 = g.node(3, "計画の位置付け")
    s112.body = [g.para(general) for _ in range(3)]
    s113 = g.node(3, "計画期間")
    s113.body = [g.para(general, text=f"本計画の計画期間は、令和８年度から令和12年度までの５年間とする。{g.text(general, 1, 2)}")]
    c11.children = [s111, s112, s113]
    c12 = g.node(2, "生涯学習をめぐる現状と課題")
    s121 = g.node(3, "社会の変化")
    for t in ["人口減少と少子高齢化の進行", "デジタル化の進展", "地域コミュニティの変容"]:
        it = g.node(4, t)
        it.body = [g.para(general) for _ in range(r.randint(2, 3))]
        s121.children.append(it)
    s122 = g.node(3, "前計画の成果と課題")
    s122.body = [g.para(general) for _ in range(4)]
    c12.children = [s121, s122]
    c13 = g.node(2, "基本的な方針")
    s131 = g.node(3, "基本理念")
    s131.body = [g.para(general) for _ in range(3)]
    s132 = g.node(3, "基本方針")
    for bp in BASIC_POLICIES:
        it = g.node(4, bp)
        it.body = [g.para(general) for _ in range(2)]
        s132.children.append(it)
    s133 = g.node(3, "施策体系")
    s133.body = [g.para(general, text="本計画の施策体系は、次のとおりである。")]
    c13.children = [s131, s132, s133]
    part1.children = [c11, c12, c13]

    # 第２部 各論
    part2 = g.node(1, "各論")
    roots.append(part2)
    chapters: list[Node] = []
    indicator_tables: list[tuple[Node, Table, list[str]]] = []
    for ci, (ctitle, _short, pool) in enumerate(CHAPTERS):
        ch = g.node(2, ctitle)
        ch.body = [g.para(pool) for _ in range(2)]
        n_sec = r.randint(4, 5)
        stitles = _titles(r, pool, n_sec + 1)
        for si in range(n_sec):
            sec = g.node(3, stitles[si])
            style = r.random() < 0.4
            if style:  # 【施策の方向性】/【主な取組】
                sec.body = [g.para(pool, "bracket", "", "【施策の方向性】")] + [g.para(pool) for _ in range(r.randint(1, 2))]
                sec.body.append(g.para(pool, "bracket", "", "【主な取組】"))
                for j in range(r.randint(3, 4)):
                    sec.body.append(g.para(pool, "item", f"{KATA[j]}　", g.text(pool, 1, 2)))
            else:
                sec.body = [g.para(pool) for _ in range(r.randint(1, 2))]
                ititles = _titles(r, pool, 4)
                for ii in range(r.randint(2, 4)):
                    it = g.node(4, ititles[ii])
                    it.body = [g.para(pool) for _ in range(r.randint(1, 3))]
                    if r.random() < 0.75:
                        subt = _titles(r, pool, 4)
                        for si2 in range(r.randint(2, 4)):
                            sub = g.node(5, subt[si2])
                            sub.body = [g.para(pool) for _ in range(r.randint(2, 3))]
                            if r.random() < 0.4:
                                sub.body += [g.para(pool, "item", f"{KATA[j]}　", g.text(pool, 1, 2)) for j in range(2)]
                            it.children.append(sub)
                    sec.children.append(it)
            ch.children.append(sec)
        ind = g.node(3, "成果指標")
        ind.body = [g.para(pool, text=f"本章の施策の進捗を把握するため、次の成果指標を設定する。")]
        tab = Table(g.k("t"), ["指標名", "現状値", "目標値", "年度"], [])
        inames = []
        for x in r.sample(pool, 4):
            suf, unit = r.choice(INDICATOR_UNITS)
            cur = r.randint(20, 60)
            tgt = cur + r.randint(2, 6) * 5
            name = f"{x}{suf}"
            inames.append(name)
            cells = [name, f"{cur}{unit}（令和６年度）", f"{tgt}{unit}", "令和12年度"]
            tab.rows.append((g.k("r"), cells, list(cells)))
        g.tables[tab.key] = tab
        ind.body.append(tab)
        ch.children.append(ind)
        indicator_tables.append((ind, tab, pool))
        chapters.append(ch)
    c_end = g.node(2, "計画の推進")
    s_e1 = g.node(3, "推進体制")
    s_e1.body = [g.para(general) for _ in range(3)]
    s_e2 = g.node(3, "進捗管理と評価")
    s_e2.body = [g.para(general) for _ in range(3)]
    c_end.children = [s_e1, s_e2]
    part2.children = chapters + [c_end]

    ref = g.node(1, "参考資料", numbered=False)
    gl = g.node(2, "用語解説", numbered=False)
    gl.body = [g.para(general, "body", "", f"{t}：{g.sentence(general)}") for t in FOOTNOTE_TERMS[:8]]
    ref.children = [gl]
    roots.append(ref)

    # 施策体系 table (built from the 素案 tree; edited by the decisions below)
    taikei = Table(g.k("t"), ["基本方針", "施策分野", "施策"], [])
    taikei_row: dict[str, str] = {}
    for ci, ch in enumerate(chapters):
        for si, sec in enumerate(ch.children[:-1]):
            rk = g.k("r")
            cells = [BASIC_POLICIES[min(ci // 2, 2)], heading_text(2, ci + 1, ch.soan_title or "", True),
                     heading_text(3, si + 1, sec.soan_title or "", True)]
            taikei.rows.append((rk, cells, list(cells)))
            taikei_row[sec.key] = rk
    g.tables[taikei.key] = taikei
    s133.body.append(taikei)

    plan = Plan(seed, title, ministry, roots, [], [], [], g.index, g.paras, g.tables)
    plan.__dict__["law"] = law
    used: set[str] = set()  # paragraph keys carrying a decision
    _decisions(g, plan, law, law_no, chapters, indicator_tables, taikei, taikei_row, s112, s121, s_e1, used)
    _editorial(g, plan, used)
    _place_footnotes(plan, g)
    _renumber_taikei(plan, taikei, chapters, taikei_row)
    lay = lay_out(flatten(plan.roots, "soan"), title, "素案", "", "")
    plan.__dict__["soan_pages"] = {b.path: lay.heading_page[b.key] for b in flatten(plan.roots, "soan") if b.kind == "h"}
    _comments(g, plan)
    return plan


# ---------------------------------------------------------------------------
# decisions (素案 → 案), each a truth row with its places


def _place_para(plan: Plan, key: str, start: int, end: int) -> dict:
    return {"para": key, "start": start, "end": end}


def _append_sentence(p: Para, sentence: str) -> tuple[int, int]:
    assert p.an is not None
    start = len(p.an)
    p.an = p.an + sentence
    return start, len(p.an)


def _replace(p: Para, old: str, new: str) -> tuple[int, int]:
    assert p.an is not None and old in p.an, (old, p.an)
    i = p.an.index(old)
    p.an = p.an[:i] + new + p.an[i + len(old):]
    # the place of the change is its differing core (a phrase both versions share is not part of it)
    pre = 0
    while pre < min(len(old), len(new)) and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < min(len(old), len(new)) - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    return i + pre, i + len(new) - suf


def _has_free(node: Node, used: set[str]) -> bool:
    try:
        _free_para(None, node, used, dry=True)
        return True
    except IndexError:
        return False


def _free_para(g: Gen | None, node: Node, used: set[str], style: str = "body", dry: bool = False) -> Para:
    def ok(b: object) -> bool:
        return isinstance(b, Para) and b.style == style and b.key not in used and b.soan is not None and b.soan == b.an

    cands = [b for b in node.body if ok(b)]
    stack = list(node.children)
    while not cands and stack:
        c = stack.pop(0)
        if c.soan_title is not None and c.an_title is not None:
            cands = [b for b in c.body if ok(b)]
        stack.extend(c.children)
    if dry:
        if not cands:
            raise IndexError(node.key)
        return cands[0]
    assert g is not None
    p = g.r.choice(cands)
    used.add(p.key)
    return p


def _sections(chapters: list[Node], used: set[str] | None = None) -> list[tuple[int, Node]]:
    return [(ci, s) for ci, ch in enumerate(chapters) for s in ch.children[:-1]
            if s.soan_title is not None and s.an_title is not None and not s.key.endswith("s")
            and (used is None or _has_free(s, used))]


def _decisions(g: Gen, plan: Plan, law: str, law_no: str, chapters: list[Node], ind_tables, taikei: Table,
               taikei_row: dict[str, str], s112: Node, s121: Node, s_e1: Node, used: set[str]) -> None:
    r = g.r
    rows = plan.rows
    taken: set[str] = set()  # section keys with a structural decision

    def row(rid: str, kind: str, cause: str, must: list[str], places: list[dict], comments: list[str] | None = None,
            item_hint: str = "") -> dict:
        d = {"id": rid, "kind": kind, "cause": {"type": cause, "comment_ids": []}, "must_mention": must,
             "places": places, "comment_keys": comments or [], "item_hint": item_hint}
        rows.append(d)
        return d

    # D1 a law amended, quoted in two chapters (external)
    bill = f"{law}の一部を改正する法律案が第217回国会に提出されたところであり"
    lawno = f"令和７年法律第{r.randint(20, 89)}号"
    enacted = f"{law}の一部を改正する法律（{lawno}）が成立したところであり"
    p1 = _free_para(g, s112, used)
    p1.soan = p1.an = p1.soan + f"また、{bill}、改正の趣旨を踏まえた施策の展開が求められる。"  # type: ignore[operator]
    i1 = _replace(p1, bill, enacted)
    ch4 = chapters[3].children[0]
    p2 = _free_para(g, ch4, used)
    p2.soan = p2.an = p2.soan + f"{bill}、{ch4.soan_title}については、その内容を踏まえて取組を進める。"  # type: ignore[operator]
    i2 = _replace(p2, bill, enacted)
    row("law", "modified", "external", [lawno], [_place_para(plan, p1.key, *i1), _place_para(plan, p2.key, *i2)])

    # D2 a national plan revised (external)
    old_plan, new_plan, when = r.choice(NATIONAL_PLANS)
    it = r.choice(s121.children)
    p = _free_para(g, it, used)
    s_old = f"「{old_plan}」においても、学びを通じた地域づくりの重要性が示されている。"
    s_new = f"{when}に閣議決定された「{new_plan}」においても、学びを通じた地域づくりの重要性が示されている。"
    p.soan = p.an = p.soan + s_old  # type: ignore[operator]
    i = _replace(p, s_old, s_new)
    row("plan", "modified", "external", [new_plan], [_place_para(plan, p.key, *i)])

    # D16 an organisation renamed by the government (external), three places
    old_org, new_org = r.choice(ORG_RENAMES)
    places = []
    for nd, sent in ((s_e1, f"本計画の推進に当たっては、{old_org}を中心に関係府省が緊密に連携する。"),
                     (r.choice(s121.children), f"{old_org}が実施した調査では、地域の学習活動への参加率は低下傾向にある。"),
                     (chapters[1], f"{old_org}と連携し、施策の一体的な推進を図る。")):
        p = _free_para(g, nd, used)
        p.soan = p.an = p.soan + sent  # type: ignore[operator]
        places.append(_place_para(plan, p.key, *_replace(p, old_org, new_org)))
    row("org", "modified", "external", [new_org], places)

    # D3 a target raised in the indicator table and in the text (internal)
    cidx = r.randrange(len(chapters))
    ind, tab, pool = ind_tables[cidx]
    rk, cells, _ = tab.rows[0]
    m = re.match(r"(\d+)(.*)", cells[2])
    assert m
    old_t, unit = int(m.group(1)), m.group(2)
    new_t = old_t + 5 * r.randint(1, 3)
    tab.rows[0] = (rk, cells, [cells[0], cells[1], f"{new_t}{unit}", cells[3]])
    sec = r.choice([s for s in chapters[cidx].children[:-1]])
    taken.add(sec.key)
    p = _free_para(g, sec, used)
    sent = f"{cells[0]}については、令和12年度までに{old_t}{unit}とすることを目指す。"
    p.soan = p.an = p.soan + sent  # type: ignore[operator]
    i = _replace(p, f"{old_t}{unit}とする", f"{new_t}{unit}とする")
    row("target", "modified", "internal", [f"{old_t}{unit}", f"{new_t}{unit}"],
        [_place_para(plan, p.key, *i), {"table": tab.key, "row": rk}])

    # D4 a target revised in a table in answer to comments
    c2 = (cidx + 2) % len(chapters)
    ind, tab, pool = ind_tables[c2]
    rk, cells, _ = tab.rows[2]
    m = re.match(r"(\d+)(.*)", cells[2])
    assert m
    t2 = int(m.group(1)) + 10
    tab.rows[2] = (rk, cells, [cells[0], cells[1], f"{t2}{m.group(2)}", cells[3]])
    row("target-comment", "modified", "comment", [f"{t2}{m.group(2)}"], [{"table": tab.key, "row": rk}],
        ["target"], item_hint=cells[0])

    # D5 a new indicator row in answer to comments
    c3 = (cidx + 4) % len(chapters)
    ind, tab, pool = ind_tables[c3]
    new_name = f"{r.choice([x for x in pool if x not in ' '.join(c[0] for _, c, _ in tab.rows)])}に関する講座の受講者数"
    rk = g.k("r")
    tab.rows.insert(r.randint(1, len(tab.rows)), (rk, None, [new_name, "3.2万人（令和６年度）", "5万人", "令和12年度"]))
    row("indicator", "added", "comment", [new_name], [{"table": tab.key, "row": rk}], ["indicator"], item_hint=new_name)

    # D6 a 節 renamed (heading + 施策体系)
    secs = [(ci, s) for ci, s in _sections(chapters) if s.key not in taken]
    ci, sec = r.choice(secs)
    taken.add(sec.key)
    noun = sec.soan_title.rsplit("の", 1)[0]  # type: ignore[union-attr]
    new_title = f"{noun}を通じた{r.choice(['共生社会の実現', '地域の活性化', '学びの循環の創出', '社会的包摂の推進'])}"
    sec.an_title = new_title
    trk = taikei_row[sec.key]
    row("rename", "renamed", "internal", [new_title], [{"heading": sec.key}, {"table": taikei.key, "row": trk}])

    # D7 a 節 split in two: a 素案 節 "AとB" with items under it; 案: 節 A and 節 B
    secs = [(ci, s) for ci, s in _sections(chapters) if s.key not in taken and len(s.children) >= 2 and ci != 3]
    ci, sec = r.choice(secs)
    taken.add(sec.key)
    ch = chapters[ci]
    ta = sec.soan_title
    tb_noun = r.choice([x for x in CHAPTERS[ci][2] if x not in (ta or "")])
    tb = f"{tb_noun}の{r.choice(ENDS[:10])}"
    sec.soan_title = f"{ta}と{tb}"
    sec.an_title = ta
    newsec = Node(g.k("h"), 3, None, tb)
    g.index[newsec.key] = newsec
    moved = sec.children[len(sec.children) // 2:]
    sec.children = sec.children[:len(sec.children) // 2]
    # in 素案 the moved items stay under the joint 節: model as children present only in 素案 under sec,
    # and the same nodes present only in 案 under newsec (same paragraphs, so no text change)
    ghost = []
    for mv in moved:
        twin = copy.deepcopy(mv)
        _retitle_tree(twin, soan=True)  # present in 素案 only
        _retitle_tree(mv, soan=False)  # present in 案 only
        ghost.append(twin)
        _share_paras(twin, mv)
    sec.children = sec.children + ghost
    newsec.children = moved
    newsec.body = [Para(g.k("p"), None, f"　{tb}については、次の施策に取り組む。")]
    g.paras[newsec.body[0].key] = newsec.body[0]
    ch.children.insert(ch.children.index(sec) + 1, newsec)
    taikei_split = {"after": taikei_row[sec.key], "sec": sec, "new": newsec}
    plan.__dict__["taikei_split"] = taikei_split
    rk_new = g.k("r")
    taikei_split["row"] = rk_new
    row("split", "split", "internal", [ta, tb],
        [{"heading": sec.key}, {"heading": newsec.key}, {"table": taikei.key, "row": rk_new}])
    plan.__dict__["split_chapter"] = ci

    # D8 two 取組 merged: （２）（３） of a １． become one （２）
    items = [(ci, it) for ci, s in _sections(chapters) if s.key not in taken for it in s.children if len(it.children) >= 3]
    ci, it = r.choice(items)
    taken.add(it.key)
    a, b = it.children[1], it.children[2]
    merged = f"{a.soan_title.rsplit('の', 1)[0]}・{b.soan_title}"  # type: ignore[union-attr]
    a.an_title = merged
    b.an_title = None
    # b's paragraphs stay under b in 素案 and come under the merged heading in 案
    for x in b.body:
        if isinstance(x, Para):
            used.add(x.key)
            twin = Para(g.k("p"), None, x.soan, x.style)
            g.paras[twin.key] = twin
            used.add(twin.key)
            a.body.append(twin)
    row("merge", "merged", "internal", [merged], [{"heading": a.key}])

    # D9 two （ｎ） items swapped
    items = [(ci, it) for ci, s in _sections(chapters) if s.key not in taken for it in s.children
             if len(it.children) >= 2 and it.key not in taken]
    ci, it = r.choice(items)
    taken.add(it.key)
    order = [c.key for c in it.children]
    order[0], order[1] = order[1], order[0]
    it.an_order = order
    row("reorder", "moved", "internal", [it.children[0].soan_title, it.children[1].soan_title],  # type: ignore[list-item]
        [{"heading": it.children[0].key}, {"heading": it.children[1].key}])

    # D10-D12 sentences added in answer to comments (long, 〜を推進する。)
    adds = [
        ("add1", "{n1}の推進に当たっては、学校卒業後も含めたライフステージ全体を見通し、{a1}や{a2}と連携しながら、"
                 "当事者や家族の意見を丁寧に聴き、身近な地域で継続的に学ぶことができる環境の整備を推進する。",
         "ライフステージ"),
        ("add2", "また、{n1}に関する情報が必要とする人に確実に届くよう、やさしい日本語や多言語による情報発信、"
                 "アクセシビリティに配慮したウェブサイトの整備など、誰一人取り残さない情報提供の取組を推進する。",
         "やさしい日本語"),
        ("add3", "加えて、{n1}の担い手の高齢化や固定化が課題となっていることを踏まえ、若い世代や企業人材が{n2}に参画"
                 "しやすい仕組みづくりを進めるとともに、活動に関わる人々の負担軽減を図るための支援を推進する。",
         "担い手の高齢化"),
    ]
    chosen = r.sample([(ci, s) for ci, s in _sections(chapters, used) if s.key not in taken and ci != plan.__dict__["split_chapter"]], 3)
    chosen.sort(key=lambda x: x[0])
    for (rid, tmpl, must), (ci, sec) in zip(adds, chosen):
        taken.add(sec.key)
        pool = CHAPTERS[ci][2]
        n1, n2 = r.sample(pool, 2)
        a1, a2 = r.sample(ACTORS, 2)
        p = _free_para(g, sec, used)
        sent = tmpl.format(n1=n1, n2=n2, a1=a1, a2=a2)
        if rid == "add1":  # this one brings a new footnote ※ in 案 (the later ones are renumbered)
            sent = sent.replace("ライフステージ全体", "ライフステージ※0全体")
        i = _append_sentence(p, sent)
        row(rid, "modified", "comment", [must], [_place_para(plan, p.key, *i)], [rid])

    # D13 a paragraph added by the ministry (internal): a new survey result
    ci, sec = r.choice([(ci, s) for ci, s in _sections(chapters, used) if s.key not in taken])
    taken.add(sec.key)
    host = sec if any(isinstance(b, Para) and b.style == "body" for b in sec.body) else sec.children[0]
    n1 = r.choice(CHAPTERS[ci][2])
    pct = r.randint(31, 68)
    newp = Para(g.k("p"), None, f"　令和６年度に実施した「生涯学習に関する世論調査」では、{n1}に関心があると回答した人の割合は{pct}．{r.randint(1, 9)}％であり、前回調査から増加している。", "body")
    g.paras[newp.key] = newp
    pos = max(i for i, b in enumerate(host.body) if isinstance(b, Para) and b.style == "body")
    host.body.insert(pos + 1, newp)
    used.add(newp.key)
    row("add-internal", "added", "internal", ["世論調査"], [_place_para(plan, newp.key, 0, len(newp.an or ""))])

    # D14 a sentence deleted (internal); D15 a sentence deleted in answer to a comment
    for rid, sent_t, cause, ck in (
            ("del", "なお、{n1}については、民間の取組に委ねることを基本とし、国の関与は必要最小限にとどめる。", "internal", None),
            ("del-comment", "{n1}の利用に当たっては、原則として受益者が費用を負担するものとする。", "comment", "del")):
        ci, sec = r.choice([(ci, s) for ci, s in _sections(chapters, used) if s.key not in taken])
        taken.add(sec.key)
        n1 = r.choice(CHAPTERS[ci][2])
        p = _free_para(g, sec, used)
        sent = sent_t.format(n1=n1)
        assert p.soan is not None
        p.soan = p.soan + sent  # the 案 keeps the paragraph without the sentence
        at = len(p.an or "")
        must = ["民間の取組" if rid == "del" else "受益者"]
        row(rid, "deleted", cause, must, [_place_para(plan, p.key, at, at)], [ck] if ck else [])

    # D17 wording changed in answer to a comment (検討する → 実施する)
    ci, sec = r.choice([(ci, s) for ci, s in _sections(chapters, used) if s.key not in taken])
    taken.add(sec.key)
    n1 = r.choice(CHAPTERS[ci][2])
    p = _free_para(g, sec, used)
    old = f"{n1}に関する全国調査の実施について検討する。"
    p.soan = p.an = (p.soan or "") + old
    i = _replace(p, "の実施について検討する", "を令和９年度までに実施する")
    d = row("wording", "modified", "comment", ["令和９年度までに実施"], [_place_para(plan, p.key, *i)], ["wording"])
    d["quote"] = (old, f"{n1}に関する全国調査を令和９年度までに実施する。")
    plan.__dict__["taken"] = taken


def _retitle_tree(nd: Node, soan: bool) -> None:
    if soan:
        nd.an_title = None
    else:
        nd.soan_title = None
    for b in nd.body:
        if isinstance(b, Para):
            if soan:
                b.an = None
            else:
                b.soan = None
    for c in nd.children:
        _retitle_tree(c, soan)


def _share_paras(twin: Node, mv: Node) -> None:
    """The 素案-only twin and the 案-only original keep their own paragraph keys; nothing else to do."""
    twin.key = mv.key + "s"
    for b in twin.body:
        if isinstance(b, Para):
            b.key = b.key + "s"
    for c1, c2 in zip(twin.children, mv.children):
        _share_paras(c1, c2)


def _renumber_taikei(plan: Plan, taikei: Table, chapters: list[Node], taikei_row: dict[str, str]) -> None:
    """Cells of the 施策体系 in both versions from the trees (rename, split, renumbering all follow)."""
    split = plan.__dict__["taikei_split"]
    cells: dict[str, dict[str, list[str]]] = {}
    order: list[str] = []
    for v in ("soan", "an"):
        for ci, ch in enumerate(chapters):
            n = 0
            for s in ch.children[:-1]:
                t = s.soan_title if v == "soan" else s.an_title
                if t is None:
                    continue
                n += 1
                rk = taikei_row.get(s.key) or split["row"]
                cells.setdefault(rk, {})[v] = [BASIC_POLICIES[min(ci // 2, 2)], heading_text(2, ci + 1, ch.soan_title or "", True),
                                               heading_text(3, n, t, True)]
                if v == "an":
                    order.append(rk)
    taikei.rows = [(rk, cells[rk].get("soan"), cells[rk].get("an")) for rk in order]


# ---------------------------------------------------------------------------
# editorial edits (must not become rows)


def _editorial(g: Gen, plan: Plan, used: set[str]) -> None:
    r = g.r
    general = [x for _, _, pool in CHAPTERS for x in pool]
    free = [p for p in plan.paras.values() if p.key not in used and p.style in ("body", "item")
            and p.soan is not None and p.an is not None and p.soan == p.an]
    r.shuffle(free)
    n_edits = r.randint(28, 36)
    carriers = list(EDITORIAL_CARRIERS)
    for i in range(n_edits):
        p = free.pop()
        used.add(p.key)
        s_form, a_form, kind = carriers[i % len(carriers)]
        n1, n2 = r.sample(general, 2)
        a1 = r.choice(ACTORS)
        s = s_form.format(n1=n1, n2=n2, a1=a1)
        a = a_form.format(n1=n1, n2=n2, a1=a1)
        at = r.choice([len(p.soan or ""), _sentence_start(p.soan or "", r)])
        p.soan = (p.soan or "")[:at] + s + (p.soan or "")[at:]
        p.an = (p.an or "")[:at] + a + (p.an or "")[at:]
        plan.editorial.append({"para": p.key, "kind": kind})
    # punctuation: two paragraphs written with ，． in 素案
    for _ in range(2):
        p = free.pop()
        used.add(p.key)
        n1, n2 = r.sample(general, 2)
        s = "".join(t.format(n1=n1, n2=n2, a1=r.choice(ACTORS), e1=r.choice(ENDS)) for t in PUNCT_SENTENCES)
        p.soan = (p.soan or "") + s
        p.an = (p.an or "") + s.replace("，", "、").replace("．", "。")
        plan.editorial.append({"para": p.key, "kind": "，．→、。"})
    # a manual line break in the middle of a sentence in 素案, gone in 案
    for _ in range(2):
        p = free.pop()
        used.add(p.key)
        text = p.soan or ""
        at = r.randrange(len(text) // 3, 2 * len(text) // 3)
        p.soan = text[:at] + "\n" + text[at:]
        plan.editorial.append({"para": p.key, "kind": "改行"})
    # 図表 references renumbered (図表１２ → 図表２－３) and footnotes (※n) renumbered after the 案's new note
    for j in range(r.randint(4, 6)):
        p = free.pop()
        used.add(p.key)
        n1 = r.choice(general)
        num = 3 + 3 * j
        s = f"{n1}の推移は図表{fw(num)}のとおりである。"
        a = f"{n1}の推移は図表{fw(j % 3 + 1)}－{fw(num % 5 + 1)}のとおりである。"
        at = _sentence_start(p.soan or "", r)
        p.soan = (p.soan or "")[:at] + s + (p.soan or "")[at:]
        p.an = (p.an or "")[:at] + a + (p.an or "")[at:]
        plan.editorial.append({"para": p.key, "kind": "図表番号"})
        # the figure's caption and source line after the paragraph (the figure itself is an image)
        nd = _owner(plan, p.key)
        cap = Para(g.k("c"), f"図表{fw(num)}　{n1}の推移", f"図表{fw(j % 3 + 1)}－{fw(num % 5 + 1)}　{n1}の推移", "caption")
        src = f"（出典）{plan.ministry}「{r.choice(['社会教育調査', '生涯学習に関する世論調査', '学習活動等実態調査'])}」"
        source = Para(g.k("c"), src, src, "caption")
        for x in (cap, source):
            plan.paras[x.key] = x
            used.add(x.key)
        at_b = nd.body.index(p) + 1
        nd.body[at_b:at_b] = [cap, source]
        plan.editorial.append({"para": cap.key, "kind": "図表番号"})
    _footnotes(g, plan, free, used)


def _owner(plan: Plan, key: str) -> Node:
    for nd in plan.index.values():
        if any(isinstance(b, Para) and b.key == key for b in nd.body):
            return nd
    raise KeyError(key)


def _sentence_start(text: str, r: random.Random) -> int:
    ends = [m.end() for m in re.finditer("。", text)]
    return r.choice(ends[:-1]) if len(ends) > 1 else len(text)


def _footnotes(g: Gen, plan: Plan, free: list[Para], used: set[str]) -> None:
    """※ marks numbered through the document; the 案 adds ※ in the add1 sentence, so later marks move by one."""
    r = g.r
    terms = list(FOOTNOTE_TERMS)
    r.shuffle(terms)
    hosts = [p for p in free[:12]]
    for p in hosts:
        free.remove(p)
        used.add(p.key)
    plan.__dict__["footnote_hosts"] = [(p.key, terms[i]) for i, p in enumerate(hosts)]


def _place_footnotes(plan: Plan, g: Gen) -> None:
    """Insert the marks and the notes (at the end of the section holding the mark) in document order."""
    hosts = dict(plan.__dict__["footnote_hosts"])
    add1_key = plan.rows[[x["id"] for x in plan.rows].index("add1")]["places"][0]["para"]
    order_s = [b.key for b in flatten(plan.roots, "soan") if b.kind == "p"]
    order_a = [b.key for b in flatten(plan.roots, "an") if b.kind == "p"]
    ns, na = 0, 0
    note_of: dict[str, Node] = {}

    def owner(key: str) -> Node:
        return _owner(plan, key)

    marks_s: dict[str, int] = {}
    marks_a: dict[str, int] = {}
    for k in order_s:
        if k in hosts:
            ns += 1
            marks_s[k] = ns
    for k in order_a:
        if k in hosts or k == add1_key:
            na += 1
            marks_a[k] = na
    for k, term in hosts.items():
        p = plan.paras[k]
        assert p.soan and p.an
        s_mark, a_mark = f"※{fw(marks_s[k])}", f"※{fw(marks_a[k])}"
        sent_s = f"{term}{s_mark}の考え方を取り入れ、施策を展開する。"
        sent_a = f"{term}{a_mark}の考え方を取り入れ、施策を展開する。"
        p.soan, p.an = p.soan + sent_s, p.an + sent_a
        nd = owner(k)
        note_text = f"{term}：{term}に関する国際的な議論を踏まえ、本計画では広く学びの文脈で用いる。"
        note = Para(g.k("n"), f"{s_mark}　{note_text}", f"{a_mark}　{note_text}", "note")
        plan.paras[note.key] = note
        nd.body.append(note)
        if marks_s[k] != marks_a[k]:
            plan.editorial.append({"para": k, "kind": "注番号"})
            plan.editorial.append({"para": note.key, "kind": "注番号"})
    # the 案's new note of add1
    p = plan.paras[add1_key]
    assert p.an
    a_mark = f"※{fw(marks_a[add1_key])}"
    p.an = p.an.replace("※0", a_mark)
    nd = owner(add1_key)
    note = Para(g.k("n"), None, f"{a_mark}　ライフステージ：乳幼児期から高齢期までの人生の各段階をいう。", "note")
    plan.paras[note.key] = note
    nd.body.append(note)
    plan.__dict__["add1_note"] = note.key


# ---------------------------------------------------------------------------
# comments (別紙1 of a ministry)

OPINION_TEMPLATES = [
    "{topic}について、もっと具体的な取組を記載すべきである。",
    "{topic}に関する記述があるが、地方の実情を踏まえた支援を充実してほしい。",
    "{topic}の推進に当たっては、現場の負担が増えないよう配慮していただきたい。",
    "{topic}に関する予算を大幅に拡充すべきだと考える。",
    "{topic}については、国がより主導的な役割を果たすべきではないか。",
    "{topic}の成果を測る指標が不十分であり、見直しが必要である。",
    "{topic}について、関係機関との連携の在り方をより明確にしていただきたい。",
    "私の住む地域では{topic}がほとんど進んでいない。地域間の格差の解消に向けた取組を求める。",
    "{topic}について賛成である。着実に進めてほしい。",
    "{topic}は重要であるが、担い手の確保が課題であり、その点にも言及すべきである。",
]
ANSWERS_NOT = [
    ("参考", "御意見については、今後の施策の参考とさせていただきます。"),
    ("参考", "いただいた御意見は、今後の施策の推進に当たっての参考とさせていただきます。"),
    ("不反映", "本計画では、{topic}について基本的な方向性を示しており、原案のとおりといたします。"),
    ("その他", "御意見として承ります。"),
    ("既記載", "御指摘の点については、{where}に既に記載しております。"),
    ("既記載", "御意見の趣旨は、{where}に記載しているところです。"),
]

CAMPAIGNS = [
    ("{law}の改正に反対します。社会教育の自由が損なわれるおそれがあり、計画から関連する記述を削除すべきです。",
     "原案のとおりといたします。なお、{law}の改正の趣旨を踏まえ、地方公共団体の自主性・自律性に配慮しつつ施策を推進してまいります。",
     "law"),
    ("公民館や図書館の職員の多くが非正規雇用となっており、正規職員の配置を国の責任で進めることを計画に明記してください。",
     "職員の配置については各地方公共団体において判断されるものですが、いただいた御意見は今後の施策の参考とさせていただきます。",
     "staff"),
]
CAMPAIGN_EDITS = ["", "私は", "強く", "ぜひ", "", "一市民として、", ""]


def _comments(g: Gen, plan: Plan) -> None:
    r = g.r
    out: list[dict] = []
    rows = {x["id"]: x for x in plan.rows}
    soan_blocks = flatten(plan.roots, "soan")
    an_paths = {b.key: b.path for b in flatten(plan.roots, "an")}
    soan_paths = {b.key: b.path for b in soan_blocks}
    sections = [b for b in soan_blocks if b.kind == "h" and b.level >= 2]

    def para_section(key: str) -> tuple[str, ...]:
        return soan_paths.get(key) or an_paths[key]

    def place_path(pl: dict) -> tuple[str, ...]:
        if "para" in pl:
            return para_section(pl["para"])
        if "table" in pl:
            return soan_paths.get(pl["table"]) or an_paths[pl["table"]]
        return soan_paths.get(pl["heading"]) or an_paths[pl["heading"]]

    # reflected comments tied to decisions
    promises = {
        "target": ("{item}の目標値が低すぎる。より意欲的な目標を設定すべきである。",
                   "御指摘を踏まえ、{item}の目標値を{new}に修正いたします。"),
        "indicator": ("{item}を把握する指標を追加すべきである。",
                      "御意見を踏まえ、成果指標に「{item}」を追加いたします。"),
        "add1": ("学校を卒業した後の学びの場が少ない。生涯を見通した支援を明記してほしい。",
                 "御指摘を踏まえ、ライフステージ全体を見通した学びの環境整備を推進する旨を追記いたします。"),
        "add2": ("情報が必要な人に届いていない。外国人や障害のある人にも分かりやすい情報提供を進めてほしい。",
                 "御意見を踏まえ、やさしい日本語や多言語による情報発信等について追記いたします。"),
        "add3": ("地域活動の担い手が高齢化しており、若い世代が参加しやすい仕組みが必要である。",
                 "御指摘の趣旨を踏まえ、{an_loc}に、担い手の高齢化を踏まえた仕組みづくりについて追記いたします。"),
        "del": ("受益者負担を原則とする記述は、経済的に困難な人の学びを妨げるおそれがあり、削除すべきである。",
                "御指摘を踏まえ、当該記述を削除いたします。"),
        "wording": ("全国調査は「検討する」ではなく、期限を定めて実施すべきである。",
                    "御指摘を踏まえ、以下のとおり修文いたします。（修正前）「{q0}」（修正後）「{q1}」"),
    }
    for rid in ("target-comment", "indicator", "add1", "add2", "add3", "del-comment", "wording"):
        row = rows[rid]
        key = row["comment_keys"][0]
        op_t, ans_t = promises[key]
        item = row.get("item_hint", "")
        new = row["must_mention"][0]
        path = place_path(row["places"][0])
        k = r.randint(1, 3)
        for j in range(k):
            op = op_t.format(item=item)
            if j:
                op = r.choice(["", "特に、", "なお、"]) + op.replace("べきである", "べきではないか")
            q0, q1 = row.get("quote", ("", ""))
            an_loc = "".join(_num(h) for h in an_paths[row["places"][0]["para"]][:3]) if "para" in row["places"][0] else ""
            out.append({"ref": _messy_ref(r, path, plan), "opinion": op,
                        "answer": ans_t.format(item=item, new=new, q0=q0, q1=q1, an_loc=an_loc),
                        "row": rid, "reflected": True, "section": path})
        # a neighbour on the same place, close in words, answered without a change (must not be linked)
        topic = re.sub(r"^(第.+?[章節]|[０-９]+．|（[０-９]+）)　?", "", path[-1])
        decoy = f"{topic}に関する記述について、関係機関や国民への周知を徹底するとともに、{item or topic}の進捗を分かりやすく公表していただきたい。"
        out.append({"ref": _messy_ref(r, path, plan), "opinion": decoy,
                    "answer": r.choice(["御指摘の点については、本計画の趣旨に沿って、今後の施策の参考とさせていただきます。",
                                        "周知については、既に記載しているとおり、関係機関と連携して取り組んでまいります。",
                                        "御意見として承ります。"]),
                    "row": None, "reflected": False, "section": path})
    # a small campaign answered 反映 (linked to add2)
    for _ in range(r.randint(15, 30)):
        op = r.choice(CAMPAIGN_EDITS) + "障害のある人や外国人にも分かりやすい情報提供を計画に明記してください。"
        out.append({"ref": r.choice(["全体", "第２部", "情報提供について"]), "opinion": op,
                    "answer": promises["add2"][1], "row": "add2", "reflected": True, "section": ()})
    # reflected with an editorial edit only (no row)
    out.append({"ref": "全体", "opinion": "「子供」「子ども」「こども」の表記が混在しているので統一すべきである。",
                "answer": "御指摘を踏まえ、表記を統一いたします。", "row": None, "reflected": True, "section": ()})
    out.append({"ref": f"P.{r.randint(20, 60)}", "opinion": "「施索」は「施策」の誤りではないか。",
                "answer": "御指摘のとおり修正いたします。", "row": None, "reflected": True, "section": ()})
    # the big campaigns (not reflected)
    law_row = rows["law"]
    law_path = place_path(law_row["places"][0])
    for text, ans, topic in CAMPAIGNS:
        n = r.randint(200, 420) if topic == "law" else r.randint(100, 240)
        for _ in range(n):
            op = text.format(law=plan.__dict__["law"])
            e = r.choice(CAMPAIGN_EDITS)
            if e:
                op = e + op
            if r.random() < 0.2:
                op = op.replace("。", "．", 1)
            if r.random() < 0.15:
                op += r.choice(["よろしくお願いします。", "地域の声を聞いてください。", ""])
            ref = _messy_ref(r, law_path, plan) if topic == "law" else r.choice(["第２部第４章", "全体", "公民館について", "P.{}".format(r.randint(40, 80))])
            out.append({"ref": ref, "opinion": op, "answer": ans.format(law=plan.__dict__["law"]), "row": None, "reflected": False,
                        "section": law_path if topic == "law" else ()})
    # individual comments, not reflected, spread over the sections (some on the changed ones)
    n_ind = r.randint(180, 320)
    for _ in range(n_ind):
        h = r.choice(sections)
        topic = re.sub(r"^第.+?[章節]　|^[０-９]+．|^（[０-９]+）", "", h.text)
        kind, ans = r.choice(ANSWERS_NOT)
        where = _messy_ref(r, h.path, plan, clean=True)
        out.append({"ref": _messy_ref(r, h.path, plan), "opinion": r.choice(OPINION_TEMPLATES).format(topic=topic),
                    "answer": ans.format(topic=topic, where=where), "row": None, "reflected": False, "section": h.path})
    # the ministry's table is ordered by where the comment points (then shuffled within a place)
    order = {b.path: i for i, b in enumerate(soan_blocks) if b.kind == "h"}
    r.shuffle(out)
    out.sort(key=lambda c: order.get(tuple(c["section"]), -1) if c["section"] else -1)
    for i, c in enumerate(out, 1):
        c["id"] = f"C{i:02d}"
    plan.comments = out


def _num(h: str) -> str:
    m = re.match(r"(第.+?[部章節]|[０-９]+．|（[０-９]+）)", h)
    return m.group(1) if m else h


def _messy_ref(r: random.Random, path: tuple[str, ...], plan: Plan, clean: bool = False) -> str:
    """How commenters (and the ministry) write 該当箇所: numbers of the 素案, half or full width, pages right or wrong."""
    if not path:
        return "全体"
    nums = [_num(h) for h in path if h not in ("はじめに", "参考資料")]
    if clean:
        return "".join(nums[:3])
    style = r.randrange(7)
    if style == 0:
        return "".join(nums[:2])  # 第１部第２章
    if style == 1:
        return "".join(nums[1:]).translate(str.maketrans("０１２３４５６７８９（）．", "0123456789().")) or "全体"  # 第2章第3節2.(1)
    if style == 2:
        return "".join(nums)
    if style == 3:
        return path[-1].split("　")[-1]  # the title alone
    if style == 4:
        return "全体"
    pg = plan.__dict__.get("soan_pages", {}).get(path, r.randint(5, 90))
    pg += r.choice([0, 0, 0, 1, -1, 2])  # wrong page numbers happen
    return f"P.{pg}" if style == 5 else f"{pg}頁"


# ---------------------------------------------------------------------------
# files


def _docx(blocks: list[Block], title: str, version_label: str, date: str, ministry: str, layout: Layout, path: Path,
          plain_items: bool) -> None:
    """``plain_items``: （１） headings are bold Normal paragraphs (odd seeds) instead of a style with an outline level."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    d = Document()
    d.sections[0].header.paragraphs[0].text = f"{title}（{version_label}）"
    p = d.add_paragraph()
    run = p.add_run(f"{title}（{version_label}）")
    run.font.size = Pt(20)
    d.add_paragraph(date)
    d.add_paragraph(ministry)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("目　次", style="TOC Heading")
    for b in blocks:
        if b.kind == "h" and b.level <= 3:  # as Word writes a TOC field's result: styles 「toc 1」-「toc 3」
            d.add_paragraph(f"{b.text}\t{layout.heading_page[b.key]}", style=_toc_style(d, b.level))
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    first = True
    for b in blocks:
        if b.kind == "h":
            if b.level <= 3:
                hp = d.add_heading(b.text, level=b.level)
            elif b.level == 4:  # the ministry's own style, with an outline level but no built-in heading name
                hp = d.add_paragraph(b.text, style=_item_style(d, "項目見出し", 3))
            elif plain_items:  # （１）: a bold Normal paragraph, its level only in the typed number
                hp = d.add_paragraph()
                hp.add_run(b.text).bold = True
            else:
                hp = d.add_paragraph(b.text, style=_item_style(d, "小項目見出し", 4))
            if b.level <= 2 and not first:
                hp.paragraph_format.page_break_before = True
            first = False
        elif b.kind == "p":
            para = d.add_paragraph()
            for piece in re.split(r"(※[０-９]+|\n)", b.text):
                if not piece:
                    continue
                if piece == "\n":
                    para.add_run().add_break()
                    continue
                run = para.add_run(piece)
                if piece.startswith("※") and b.style != "note":
                    run.font.superscript = True
                if b.style == "bracket":
                    run.bold = True
                if b.style == "note":
                    run.font.size = Pt(8)
            if b.style == "caption":
                para.style = d.styles["Caption"]
        else:
            t = d.add_table(rows=1 + len(b.rows), cols=len(b.header))
            t.style = "Table Grid"
            for j, h in enumerate(b.header):
                t.cell(0, j).text = h
            for i, (_, cells) in enumerate(b.rows, 1):
                for j, c in enumerate(cells):
                    t.cell(i, j).text = c
            d.add_paragraph()
    d.save(str(path))


def _item_style(d: object, name: str, level: int) -> object:
    """A paragraph style of the ministry's own (based on Normal, bold, an outline level) created once per document."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = d.styles  # type: ignore[attr-defined]
    if name in [s.name for s in styles]:
        return styles[name]
    st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles["Normal"]
    st.font.bold = True
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    st.element.get_or_add_pPr().append(lvl)
    return st


def _toc_style(d: object, level: int) -> object:
    from docx.enum.style import WD_STYLE_TYPE

    styles = d.styles  # type: ignore[attr-defined]
    name = f"toc {level}"
    if name in [x.name for x in styles]:
        return styles[name]
    st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles["Normal"]
    return st


def _xlsx(plan: Plan, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "別紙1"
    ws.append([f"「{plan.title}（素案）」に関する意見募集の結果について"])
    ws.append([])
    ws.append(["番号", "該当箇所", "御意見の概要", "御意見に対する考え方"])
    for i, c in enumerate(plan.comments, 1):
        ws.append([i, c["ref"], c["opinion"], c["answer"]])
    wb.save(str(path))


def _comments_docx(plan: Plan, path: Path) -> None:
    """The 別紙1 as a Word table (landscape, header row repeated on every page), as ministries publish it."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = Document()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_paragraph("別紙1")
    d.add_paragraph(f"「{plan.title}（素案）」に関する意見募集の結果について")
    d.add_paragraph(f"意見募集期間：令和７年９月１日～令和７年９月30日　意見提出数：{len(plan.comments)}件")
    t = d.add_table(rows=1 + len(plan.comments), cols=4)
    t.style = "Table Grid"
    for j, h in enumerate(["番号", "該当箇所", "御意見の概要", "御意見に対する考え方"]):
        t.cell(0, j).text = h
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    for i, c in enumerate(plan.comments, 1):
        cells = t.rows[i].cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = str(i), c["ref"], c["opinion"], c["answer"]
    d.save(str(path))


def _edits(s: str, a: str) -> list[tuple[int, int, int, int]]:
    """Small edits between two texts (difflib opcodes, neighbours under 4 equal characters merged)."""
    import difflib

    ops = [o for o in difflib.SequenceMatcher(None, s, a, autojunk=False).get_opcodes() if o[0] != "equal"]
    merged: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if merged and i1 - merged[-1][1] < 4:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    return [tuple(m) for m in merged]  # type: ignore[misc]


def resolve_truth(plan: Plan) -> tuple[dict, Layout, Layout]:
    soan_blocks = flatten(plan.roots, "soan")
    an_blocks = flatten(plan.roots, "an")
    date_s, date_a = "令和７年９月", "令和８年２月"
    lay_s = lay_out(soan_blocks, plan.title, "素案", date_s, plan.ministry)
    lay_a = lay_out(an_blocks, plan.title, "案", date_a, plan.ministry)
    an_path = {b.key: b.path for b in an_blocks}
    rows = []
    for x in plan.rows:
        pages: set[int] = set()
        paths: list[list[str]] = []
        probes = []
        for pl in x["places"]:
            if "para" in pl:
                pages.update(lay_a.span_pages(pl["para"], pl["start"], pl["end"]))
                p = plan.paras[pl["para"]]
                probes.append({"page": lay_a.page_of(pl["para"], pl["start"]),
                               "text": (p.an or "")[pl["start"]:pl["start"] + 12] if pl["end"] > pl["start"] else ""})
                path = an_path[pl["para"]]
            elif "table" in pl:
                pages.add(lay_a.row_page[(pl["table"], pl["row"])])
                tab = plan.tables[pl["table"]]
                cells = next(a for rk, _, a in tab.rows if rk == pl["row"])
                probes.append({"page": lay_a.row_page[(pl["table"], pl["row"])], "text": (cells or [""])[-1]})
                path = an_path[pl["table"]]
            else:
                pages.add(lay_a.heading_page[pl["heading"]])
                hb = next(b for b in an_blocks if b.kind == "h" and b.key == pl["heading"])
                probes.append({"page": lay_a.heading_page[pl["heading"]], "text": hb.text})
                path = hb.path
            if list(path) not in paths:
                paths.append(list(path))
        item = " ".join(paths[0])
        rows.append({"id": x["id"], "item": item, "kind": x["kind"], "section_paths": paths, "an_pages": sorted(pages),
                     "must_mention": x["must_mention"], "cause": dict(x["cause"]), "probes": probes})
    # link comments
    cid_by_row: dict[str, list[str]] = {}
    for c in plan.comments:
        if c["row"]:
            cid_by_row.setdefault(c["row"], []).append(c["id"])
    for x in rows:
        x["cause"]["comment_ids"] = cid_by_row.get(x["id"], [])
    # editorial edits with their context
    editorial = []
    n = 0
    for e in plan.editorial:
        p = plan.paras[e["para"]]
        s, a = p.soan or "", p.an or ""
        for i1, i2, j1, j2 in _edits(s, a):
            n += 1
            editorial.append({"id": f"E{n}", "kind": e["kind"], "section_path": list(an_path[p.key]),
                              "before": s[max(0, i1 - 8):i2 + 8], "after": a[max(0, j1 - 8):j2 + 8],
                              "core_before": s[i1:i2], "core_after": a[j1:j2],
                              "an_page": lay_a.page_of(p.key, j1)})
    seen = set()
    uniq = []
    for e in editorial:
        k = (tuple(e["section_path"]), e["before"], e["after"])
        if k not in seen:
            seen.add(k)
            uniq.append(e)
    comments = [{"id": c["id"], "ref": c["ref"], "reflected": c["reflected"],
                 "row_ids": [c["row"]] if c["row"] else []} for c in plan.comments]
    truth = {"case": f"blind2-s{plan.seed}", "rows": rows, "editorial": uniq, "comments": comments,
             "non_reportable": ["表紙・ヘッダーの版表記と日付", "目次のページ番号", "節の分割・統合に伴う番号の繰下げ・繰上げ",
                                "施策体系の番号の繰下げ", "注番号の繰下げ"]}
    return truth, lay_s, lay_a


def build(seed: int) -> tuple[Plan, dict, Layout, Layout]:
    plan = generate(seed)
    truth, lay_s, lay_a = resolve_truth(plan)
    return plan, truth, lay_s, lay_a


def write_plan(plan: Plan, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    truth, lay_s, lay_a = resolve_truth(plan)
    f = {"soan": out / "soan.docx", "an": out / "an.docx", "soan_pdf": out / "soan.pdf", "an_pdf": out / "an.pdf",
         "comments": out / ("bessi1.docx" if plan.seed % 2 == 0 else "bessi1.xlsx"), "expected": out / "expected.json"}
    for v, lay, label, date in (("soan", lay_s, "素案", "令和７年９月"), ("an", lay_a, "案", "令和８年２月")):
        blocks = flatten(plan.roots, v)
        _docx(blocks, plan.title, label, date, plan.ministry, lay, f[v], plain_items=plan.seed % 2 == 1)
        write_pdf(lay.pages, f[f"{v}_pdf"])
    (_comments_docx if plan.seed % 2 == 0 else _xlsx)(plan, f["comments"])
    f["expected"].write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    truth, lay_s, lay_a = resolve_truth(plan)
    return {"pages": [len(lay_s.page_text), len(lay_a.page_text)], "rows": len(truth["rows"]),
            "editorial": len(truth["editorial"]), "comments": len(plan.comments),
            "reflected": sum(c["reflected"] for c in plan.comments)}
