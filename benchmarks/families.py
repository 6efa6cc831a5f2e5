"""Plan families for the accuracy evaluation (issue 11): 素案/案 pairs that
differ the way real plans do, each with the 別紙1 comment table and the
別紙2 ground truth staff would publish.

    plan = generate_plan(FAMILIES["goals-taikei"], seed=7001)
    write_plan(plan, outdir)   # soan.docx/pdf, an.docx/pdf, bessi1.tsv, expected.json

Builds on ``benchmarks.scale`` (sentence factory, vocabulary, the plan model
``PBlock``, ``_to_document`` and the DOCX writer); the PDF comes from
``benchmarks.plan_pdf`` and its layout gives every change its printed page.

Families differ in numbering (第1章/第1節/1-1; 基本目標1/施策1-1; Ⅰ/1/(1)/ア;
第1部/第1章/1/(1)), in their tables (施策の体系, 事業 tables, 成果指標), in the
register of the answers (ward 「反映します」「既に記載しています」; national
「ご指摘を踏まえて…を追記いたします」「…に統一いたします」「修文いたします」)
and in size (up to 300 comments competing for the same sections).

Ground truth: ONE ROW PER DECISION, as staff publish it. A decision may touch
several places (a law revision quoted twice; a rename in the heading and the
施策の体系 table; a split or merge; a reorder) — one row with the 案 pages of
all its places. Pages: a text edit is cited by the page the edit is on; a
whole 施策 that appears, moves or results from a merge by the page of its
heading; a 施策の体系 line by its own page. Consequences (renumbering of the 施策 after a split/merge,
their lines in the 施策の体系 table) and editorial edits (表記ゆれ from
公用文作成の考え方, typo fixes, words that change nothing, digit width,
punctuation) are never rows; comments answered 反映 whose only edit is
editorial are linked to no row.

Seeds: ``TUNING_SEEDS`` may be looked at by anyone fixing the tool;
``HELDOUT_SEEDS`` are only measured (ACCURACY.md reports them). They are
disjoint ranges; ``split_of(seed)`` says which a seed belongs to.
"""

from __future__ import annotations

import copy
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import CHARS_PER_LINE, PrintLine, lay_out, tree_lines, write_pdf
from benchmarks.scale import (NAME_HEAD, NAME_TAIL, OBJECTS, PLACES, SUBJECTS, PBlock, PSec, _Text, _to_document, write_docx,
                              write_tsv_table)

TUNING_SEEDS: tuple[int, ...] = (101, 102, 103)
"""Seeds anyone may look at while fixing the tool (tuning)."""
HELDOUT_SEEDS: tuple[int, ...] = (9001, 9002, 9003)
"""Seeds only measured: never open their outputs to tune rules on them."""


def split_of(seed: int) -> str:
    return "tuning" if seed < 1000 else "held-out"


@dataclass(frozen=True)
class Family:
    name: str
    label: str
    numbering: str  # chapter-section | goal-shisaku | roman | part
    measures: int  # number of 施策
    comments: int
    register: str  # ward | national | mixed
    taikei: bool  # a 施策の体系 table
    jigyo_table: bool  # a 事業 table in each 施策's 主な取組
    decisions: int
    editorial: int
    competing: float = 0.3  # share of the other comments aimed at sections that changed
    crowd: bool = False  # a comment table at scale (``at_scale``): campaigns, answers in their own words


def at_scale(fam: Family, comments: int) -> Family:
    """``fam`` with a comment table of ``comments`` rows the way a large
    consultation writes it (issue 11 point 4): more comments per decision,
    answers promising the edit in their own words (「…を位置付けます」「…を盛り込みます」),
    campaigns (the same opinion sent 5–40 times, answered once: 同趣旨), many
    comments on the sections that changed competing for their rows, the
    templated opinions repeated. The plan itself (素案, 案, rows) is the family's
    own for the seed: only the comment table differs. Off by default: the
    families' plans and tables are unchanged."""
    from dataclasses import replace

    return replace(fam, name=f"{fam.name}-c{comments}", label=f"{fam.label}、意見{comments}件", comments=comments,
                   crowd=True, competing=max(fam.competing, 0.6))


FAMILIES: dict[str, Family] = {f.name: f for f in (
    Family("ward-welfare", "区の福祉計画（第1章/第1節/1-1、事業表、区の回答）", "chapter-section", 9, 30, "ward",
           False, True, 12, 24),
    Family("goals-taikei", "基本計画（基本目標1/施策1-1、施策の体系表、区の回答）", "goal-shisaku", 15, 60, "ward",
           True, True, 16, 30),
    Family("national-roman", "国の計画（Ⅰ/1/(1)/ア、国の回答「追記いたします」「修文いたします」）", "roman", 12, 80, "national",
           False, False, 14, 30),
    Family("parts-large", "大きな計画（第1部/第1章/1/(1)、体系表、意見300件、両方の回答）", "part", 27, 300, "mixed",
           True, True, 30, 50, competing=0.6),
)}

# ---------------------------------------------------------------- vocabulary

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
IROHA = "アイウエオカキクケコ"
MEASURE_TAILS = ["の充実", "の推進", "の強化", "による地域づくり", "の仕組みづくり"]
GROUP_TITLES = ["誰もが安心して暮らせる地域をつくる", "子どもと子育て家庭を支える", "健康で生きがいのある暮らしを支える",
                "障害のある人の地域生活を支える", "一人暮らし高齢者を地域で見守る", "災害に強い地域をつくる",
                "地域の担い手を育てる", "学びと交流の場をひろげる", "区政の基盤を強くする", "多様性を認め合う社会をつくる"]
LAWS = [("地域共生社会の実現のための社会福祉法等の一部を改正する法律", "令和2年法律第52号", "令和6年法律第47号"),
        ("こども基本法", "令和4年法律第77号", "令和6年法律第65号"),
        ("障害者総合支援法", "平成17年法律第123号", "令和4年法律第104号"),
        ("孤独・孤立対策推進法", "令和5年法律第45号", "令和6年法律第52号")]
PLANS = [("地域福祉計画策定ガイドライン", "第2版", "第3版"), ("自治体DX推進計画", "第4.0版", "第5.0版"),
         ("こども大綱", "令和5年版", "令和7年版"), ("健康日本21", "第二次", "第三次")]
DEPTS = ["福祉推進課", "子ども政策課", "障害福祉課", "地域支えあい推進課", "健康推進課", "防災危機管理課", "区民活動推進課"]

# editorial edits: (素案, 案) — 表記ゆれ from 公用文作成の考え方 (2022), the 案 side being the unified form
VARIANTS = [("一人暮らし", "ひとり暮らし"), ("誰もが", "だれもが"), ("子ども", "こども"), ("障害のある", "障がいのある"),
            ("等の", "などの"), ("を行う", "をする"), ("及び", "および"), ("取組を", "取り組みを"), ("様々な", "さまざまな"),
            ("全ての", "すべての"), ("出来る", "できる"), ("更に、", "さらに、"), ("但し、", "ただし、"), ("又は", "または")]
TYPOS = [("施策", "施索"), ("連携", "違携"), ("推進", "推准"), ("充実", "充美")]  # (right, typo in 素案)
FILLERS = [("啓発を", "啓発活動を"), ("周知を", "周知活動を"), ("相談を", "相談対応を")]  # words that change nothing


class _PlanText(_Text):
    """Sentences of a welfare/basic plan, in the ward's or the ministry's voice;
    they carry the words that 表記ゆれ edits and typos act on."""

    def __init__(self, rng: random.Random, register: str) -> None:
        super().__init__(rng)
        self.register = register

    def sentence(self, topic: str = "") -> str:
        r = self.rng
        obj = topic or r.choice(OBJECTS)
        k = r.randrange(11)
        who = "区" if self.register == "ward" or (self.register == "mixed" and r.random() < 0.5) else "国"
        if k == 0:
            return f"{who}は、一人暮らし高齢者及び障害のある人の{obj}を行う体制の充実を図る。"
        if k == 1:
            return f"誰もが住み慣れた地域で暮らし続けられるよう、{r.choice(SUBJECTS)}と連携して{obj}等の取組を進める。"
        if k == 2:
            return f"子ども・子育て家庭を対象とした{obj}の啓発を{r.choice(PLACES)}で行う。"
        if k == 3:
            return f"様々な{r.choice(SUBJECTS)}が参加出来る{obj}の仕組みを、関係機関と連携して推進する。"
        if k == 4:
            return f"{who}は、「{self.name()}」を活用した{obj}の周知を全ての地域で実施する。"
        if k == 5:
            return f"更に、{obj}に関する相談を{r.choice(PLACES)}又はオンラインで受け付ける。"
        if k == 6:
            return f"但し、{obj}の実施に当たっては、個人情報の保護及び{r.choice(SUBJECTS)}の意向の尊重を前提とする。"
        if k == 7:
            return f"{who}は、{obj}に関する施策を{r.choice(SUBJECTS)}との連携により総合的に推進する。"
        return super().sentence(topic)

    def measure_title(self, topic: str) -> str:
        return f"{topic}{self.rng.choice(MEASURE_TAILS)}"

    def jigyo(self, topic: str) -> list[str]:
        r = self.rng
        return [f"{self.name()}事業", f"{r.choice(SUBJECTS)}を対象に{topic}を支援する", r.choice(DEPTS)]

    def indicator(self, topic: str) -> list[str]:
        r = self.rng
        kind = r.choice(["利用率", "満足度", "参加者数", "登録者数", "実施回数"])
        now = r.randint(5, 70)
        unit = "％" if kind in ("利用率", "満足度") else ("人" if kind.endswith("者数") else "回")
        return [f"{topic}の{kind}", f"{now}{unit}", f"{now + r.randint(5, 25)}{unit}"]


# ---------------------------------------------------------------- the plan tree


@dataclass
class Node:
    uid: int
    role: str  # chapter | group | measure | part | plain
    title: str
    blocks: list[PBlock] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    topic: str = ""
    heading: str = ""


def walk(tree: list[Node], parent: tuple[Node, ...] = ()):
    for n in tree:
        yield parent + (n,), n
        yield from walk(n.children, parent + (n,))


def number_tree(tree: list[Node], style: str) -> None:
    """Headings from positions, as each numbering style prints them (the 案's
    renumbering after a split or merge comes from here)."""
    chapter = group = 0
    for i1, n1 in enumerate(tree, 1):
        lab1 = {"roman": ROMAN[i1 - 1], "part": f"第{i1}部"}.get(style, f"第{i1}章")
        n1.heading = f"{lab1}\u3000{n1.title}"
        for i2, n2 in enumerate(n1.children, 1):
            if n2.role == "group":
                group += 1
            if style == "chapter-section":
                lab2 = f"第{i2}節"
            elif style == "goal-shisaku":
                lab2 = f"基本目標{group}" if n2.role == "group" else f"{i2}"
            elif style == "part":
                chapter += 1
                lab2 = f"第{chapter}章"
            else:
                lab2 = f"{i2}"
            n2.heading = f"{lab2}\u3000{n2.title}"
            for i3, n3 in enumerate(n2.children, 1):
                if style == "chapter-section":
                    lab3 = f"{i2}-{i3}"
                elif style == "goal-shisaku" and n3.role == "measure":
                    lab3 = f"施策{group}-{i3}"
                elif style == "part":
                    lab3 = f"{i3}"
                else:
                    lab3 = f"（{i3}）"
                n3.heading = f"{lab3}\u3000{n3.title}"
                for i4, n4 in enumerate(n3.children, 1):
                    lab4 = IROHA[i4 - 1] if style == "roman" else f"（{i4}）"
                    n4.heading = f"{lab4}\u3000{n4.title}"


def measure_number(n: Node) -> str:
    return n.heading.split("\u3000")[0]


def refresh_taikei(tree: list[Node]) -> None:
    """The 施策の体系 table lists every group and measure as numbered now."""
    for _, n in walk(tree):
        for b in n.blocks:
            if b.kind == "table" and b.rows and b.rows[0][0] == "基本目標":
                rows = [["基本目標", "施策", "施策名"]]
                for _, g in walk(tree):
                    if g.role == "group":
                        for m in g.children:
                            rows.append([g.heading.split("\u3000")[0], measure_number(m), m.title])
                b.rows = rows


class _Uid:
    def __init__(self, start: int = 0) -> None:
        self.n = start

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _build(fam: Family, rng: random.Random, uid: _Uid) -> list[Node]:
    t = _PlanText(rng, fam.register)

    def para(topic: str = "", lo: int = 3, hi: int = 5) -> PBlock:
        return PBlock(uid(), "p", t.paragraph(topic, lo, hi))

    def plain(title: str, n: int, topic: str = "") -> Node:
        return Node(uid(), "plain", title, [para(topic) for _ in range(n)], topic=topic)

    topics = rng.sample(OBJECTS, min(len(OBJECTS), fam.measures))
    while len(topics) < fam.measures:
        topics.append(rng.choice(OBJECTS))
    measures = []
    for topic in topics:
        parts = [Node(uid(), "part", "現状と課題", [para(topic) for _ in range(rng.randint(2, 3))], topic=topic)]
        main = [PBlock(uid(), "item", t.item(topic)) for _ in range(rng.randint(3, 4))] + [para(topic)]
        if fam.jigyo_table:
            main.append(PBlock(uid(), "table", rows=[["事業名", "内容", "所管課"]] + [t.jigyo(topic) for _ in range(rng.randint(2, 4))]))
        parts.append(Node(uid(), "part", "主な取組", main, topic=topic))
        parts.append(Node(uid(), "part", "成果指標", [para(topic, 1, 2), PBlock(uid(), "table", rows=[
            ["指標", "現状値（令和6年度）", "目標値（令和11年度）"]] + [t.indicator(rng.choice(OBJECTS) if i else topic)
                                                      for i in range(rng.randint(2, 3))])], topic=topic))
        measures.append(Node(uid(), "measure", t.measure_title(topic), children=parts, topic=topic))
    groups = []
    titles = rng.sample(GROUP_TITLES, (len(measures) + 2) // 3)
    for g, title in enumerate(titles):
        groups.append(Node(uid(), "group", title, [para(lo=2, hi=3)], children=measures[g * 3:g * 3 + 3]))
    front1 = Node(uid(), "chapter", "計画の策定にあたって", children=[
        plain("計画策定の趣旨", 2), plain("計画の位置付け", 2), plain("計画期間", 1)])
    trends = [plain(f"{o}をめぐる状況", 2, o) for o in rng.sample(OBJECTS, 3)]
    front2 = Node(uid(), "chapter", "計画の背景と課題", children=[
        Node(uid(), "plain", "国の動向", [para(lo=2, hi=3)], children=trends if fam.numbering == "part" else []),
        plain("区の現状", 2), Node(uid(), "plain", "主な課題", [PBlock(uid(), "item", t.item(o)) for o in rng.sample(OBJECTS, 5)])])
    if fam.taikei:
        front2.children.append(Node(uid(), "plain", "施策の体系", [para(lo=1, hi=2), PBlock(uid(), "table", rows=[["基本目標"]])]))
    closing = Node(uid(), "chapter", "計画の推進に向けて", children=[plain("推進体制", 2), plain("進行管理", 2)])
    if fam.numbering == "part":
        tree = [Node(uid(), "chapter", "総論", children=[front1, front2]),
                Node(uid(), "chapter", "施策の展開", children=groups),
                Node(uid(), "chapter", "計画の推進", children=[closing])]
        for ch in (front1, front2, closing):
            ch.role = "group-like"
    else:
        body = Node(uid(), "chapter", "施策の展開", [para(lo=2, hi=3)], children=groups)
        tree = [front1, front2, body, closing]
    # a law and a national plan quoted in two places each (a revision is one row with both pages)
    law = rng.choice(LAWS)
    plan = rng.choice(PLANS)
    positions = [p for p in front1.children if p.title == "計画の位置付け"][0]
    m1, m2 = rng.sample(measures, 2)
    positions.blocks[0].text += f"本計画は、「{law[0]}」（{law[1]}）の趣旨を踏まえて策定する。"
    m1.children[0].blocks[0].text += f"「{law[0]}」（{law[1]}）により、{m1.topic}の取組の充実が求められている。"
    positions.blocks[1].text += f"また、国の「{plan[0]}（{plan[1]}）」との整合を図る。"
    m2.children[0].blocks[-1].text += f"国の「{plan[0]}（{plan[1]}）」では、{m2.topic}が重点的な取組とされている。"
    number_tree(tree, fam.numbering)
    refresh_taikei(tree)
    return tree


# ---------------------------------------------------------------- ground truth records


@dataclass
class Place:
    """Where a decision shows in 案: a heading, a block at a character offset, or a table row."""

    uid: int  # node uid (heading) or block uid
    what: str  # heading | block | row
    at: int = 0  # character offset in the 案 text (block) or row index (row)


@dataclass
class Decision:
    id: str
    kind: str
    summary: str
    must_mention: list[str]
    places: list[Place]
    cause: str = "internal"  # comment | external | internal
    comment_ids: list[str] = field(default_factory=list)
    soan_uid: int = 0  # the 素案 node the comments point at
    fill: dict = field(default_factory=dict)


@dataclass
class EditorialEdit:
    id: str
    kind: str
    block: int
    before: str
    after: str
    core_before: str
    core_after: str
    at: int = 0


@dataclass
class Plan:
    family: Family
    seed: int
    old: list[Node]
    new: list[Node]
    decisions: list[Decision]
    editorial: list[EditorialEdit]
    comments: list[dict]
    consequences: list[str]


def _diff_at(a: str, b: str) -> int:
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    return p


def _context(a: str, b: str, n: int = 8) -> tuple[str, str, int]:
    p = _diff_at(a, b)
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    lo = max(0, p - n)
    return a[lo:len(a) - s + n if s else len(a)], b[lo:len(b) - s + n if s else len(b)], p


class _Editor:
    """Applies decisions and editorial edits to the 案 tree (and typos to 素案);
    each paragraph gets at most one edit, structural decisions reserve their 施策."""

    def __init__(self, fam: Family, rng: random.Random, tree: list[Node]) -> None:
        self.fam, self.rng = fam, rng
        self.t = _PlanText(rng, fam.register)
        self.old = tree
        self.new = copy.deepcopy(tree)
        self.uid = _Uid(10_000_000)
        self.used: set[int] = set()
        self.reserved: set[int] = set()  # measure uids changed in structure
        self.decisions: list[Decision] = []
        self.editorial: list[EditorialEdit] = []
        self.consequences: list[str] = []

    def nodes(self, tree: list[Node]) -> dict[int, tuple[tuple[Node, ...], Node]]:
        return {n.uid: (p, n) for p, n in walk(tree)}

    def blocks(self, tree: list[Node]) -> dict[int, tuple[Node, PBlock]]:
        return {b.uid: (n, b) for _, n in walk(tree) for b in n.blocks}

    def free(self, kind: str, pred=lambda n, b: True) -> list[tuple[tuple[Node, ...], Node, PBlock]]:
        return [(p, n, b) for p, n in walk(self.new) for b in n.blocks
                if b.kind == kind and b.uid not in self.used and not any(x.uid in self.reserved for x in p) and pred(n, b)]

    def pick(self, kind: str, pred=lambda n, b: True):
        pool = self.free(kind, pred)
        if not pool:
            return None
        got = self.rng.choice(pool)
        self.used.add(got[2].uid)
        return got

    def decide(self, kind: str, summary: str, must: list[str], places: list[Place], soan_uid: int, **fill) -> Decision:
        d = Decision(f"R{len(self.decisions) + 1}", kind, summary, must, places, soan_uid=soan_uid, fill=fill)
        self.decisions.append(d)
        return d

    @staticmethod
    def owner(path: tuple[Node, ...]) -> Node:
        return path[-1]

    # substantive ------------------------------------------------------
    def d_target(self) -> Decision | None:
        got = self.pick("table", lambda n, b: b.rows[0][0] == "指標")
        if not got:
            return None
        path, n, b = got
        i = self.rng.randrange(1, len(b.rows))
        old = b.rows[i][2]
        m = re.match(r"(\d+)(\D+)", old)
        if not m:
            return None
        new = f"{int(m.group(1)) + self.rng.randint(2, 15)}{m.group(2)}"
        b.rows[i][2] = new
        return self.decide("target", f"成果指標「{b.rows[i][0]}」の目標値を上方修正（{old} → {new}）", [old, new],
                           [Place(b.uid, "row", i)], n.uid, leaf=path[-2].title if len(path) > 1 else n.title,
                           indicator=b.rows[i][0], old=old, new=new)

    def d_sentence_added(self, external: bool = False) -> Decision | None:
        got = self.pick("p", lambda n, b: n.role in ("part", "plain"))
        if not got:
            return None
        path, n, b = got
        r = self.rng
        subj = r.choice(SUBJECTS)
        name = self.t.name()
        add = f"{subj}の声を踏まえ、「{name}」による{n.topic or r.choice(OBJECTS)}の支援を新たに実施する。"
        at = len(b.text)
        b.text += add
        return self.decide("sentence-added", f"「{name}」による{subj}への支援を追記", [name], [Place(b.uid, "block", at)],
                           n.uid, subj=subj, name=name, topic=n.topic or path[0].title, leaf=n.title)

    def d_paragraph_added(self) -> Decision | None:
        got = self.pick("p", lambda n, b: n.role == "part")
        if not got:
            return None
        path, n, b = got
        name = self.t.name()
        subj = self.rng.choice(SUBJECTS)
        text = f"{subj}が身近な場所で{n.topic}を利用できるよう、「{name}」を新たに開設する。" + self.t.paragraph(n.topic, 1, 2)
        nb = PBlock(self.uid(), "p", text)
        n.blocks.insert(n.blocks.index(b) + 1, nb)
        self.used.add(nb.uid)
        return self.decide("paragraph-added", f"「{name}」の開設について記載を追加", [name], [Place(nb.uid, "block", 0)],
                           n.uid, subj=subj, name=name, topic=n.topic, leaf=n.title)

    def d_sentence_deleted(self) -> Decision | None:
        def ok(n: Node, b: PBlock) -> bool:
            sents = [x for x in b.text.split("。") if x]
            return len(sents) >= 2 and any("「" in s and "」" in s and "法" not in s and "国の" not in s for s in sents[1:])

        got = self.pick("p", ok)
        if not got:
            return None
        path, n, b = got
        sents = [x + "。" for x in b.text.split("。") if x]
        k = next(i for i, s in enumerate(sents) if i and "「" in s and "」" in s and "法" not in s and "国の" not in s)
        name = re.search("「([^」]+)」", sents[k]).group(1)  # type: ignore[union-attr]
        at = len("".join(sents[:k]))
        b.text = "".join(sents[:k] + sents[k + 1:])
        return self.decide("sentence-deleted", f"「{name}」に関する記述を削除", [name], [Place(b.uid, "block", max(0, at - 1))],
                           n.uid, name=name, leaf=n.title, topic=n.topic)

    def d_jigyo_added(self) -> Decision | None:
        got = self.pick("table", lambda n, b: b.rows[0][0] == "事業名")
        if not got:
            return None
        path, n, b = got
        row = self.t.jigyo(n.topic)
        b.rows.append(row)
        return self.decide("jigyo-added", f"主な事業に「{row[0]}」を追加", [row[0]], [Place(b.uid, "row", len(b.rows) - 1)],
                           n.uid, jname=row[0], topic=n.topic, leaf=path[-2].title)

    def _measure_pool(self, need_sibling: bool = False) -> list[tuple[Node, Node, int]]:
        out = []
        for p, g in walk(self.new):
            if g.role != "group":
                continue
            for i, m in enumerate(g.children):
                if m.uid in self.reserved or any(b.uid in self.used for _, x in walk([m]) for b in x.blocks):
                    continue
                if need_sibling:
                    if i + 1 >= len(g.children):
                        continue
                    nxt = g.children[i + 1]
                    if nxt.uid in self.reserved or any(b.uid in self.used for _, x in walk([nxt]) for b in x.blocks):
                        continue
                out.append((g, m, i))
        return out

    def _reserve(self, *ms: Node) -> None:
        for m in ms:
            self.reserved.add(m.uid)
            self.used.update(b.uid for _, x in walk([m]) for b in x.blocks)

    def _taikei_places(self, *ms: Node) -> list[Place]:
        for _, n in walk(self.new):
            for b in n.blocks:
                if b.kind == "table" and b.rows and b.rows[0][0] == "基本目標":
                    return [Place(b.uid, "taikei", m.uid) for m in ms]
        return []

    def d_rename(self) -> Decision | None:
        pool = self._measure_pool()
        if not pool:
            return None
        g, m, _ = self.rng.choice(pool)
        self._reserve(m)
        old = m.title
        other = self.rng.choice([o for o in OBJECTS if o != m.topic])
        m.title = self.rng.choice([f"{m.topic}を通じた{self.rng.choice(['支え合い', '安心の確保', '参加の促進'])}",
                                   f"{m.topic}と{other}の一体的な推進"])
        return self.decide("rename", f"施策の名称を「{old}」から「{m.title}」に変更", [m.title],
                           [Place(m.uid, "heading")] + self._taikei_places(m), m.uid, old=old, new=m.title, leaf=old)

    def d_split(self) -> Decision | None:
        pool = [x for x in self._measure_pool() if sum(b.kind == "item" for b in x[1].children[1].blocks) >= 3]
        if not pool:
            return None
        g, m, i = self.rng.choice(pool)
        self._reserve(m)
        items = [b for b in m.children[1].blocks if b.kind == "item"]
        moved = items[len(items) // 2:]
        m.children[1].blocks = [b for b in m.children[1].blocks if b not in moved]
        topic = self.rng.choice([o for o in OBJECTS if o != m.topic])
        title = f"{topic}の推進"
        nm = Node(self.uid(), "measure", title, topic=topic, children=[
            Node(self.uid(), "part", "現状と課題", [PBlock(self.uid(), "p", self.t.paragraph(topic, 2, 3))], topic=topic),
            Node(self.uid(), "part", "主な取組", moved, topic=topic)])
        g.children.insert(i + 1, nm)
        self._reserve(nm)
        self.consequences.append(f"{title} の追加に伴う以降の施策の番号の繰り下げ")
        kept = [b for b in m.children[1].blocks if b.kind == "item"][-1]  # the items left: the cut is after the last one
        return self.decide("split", f"「{m.title}」から「{title}」を分割し、新たな施策として記載", [title],
                           [Place(kept.uid, "block", len(kept.text) - 1), Place(nm.uid, "heading")]
                           + self._taikei_places(nm), m.uid,
                           old=m.title, new=title, leaf=m.title)

    def d_merge(self) -> Decision | None:
        pool = self._measure_pool(need_sibling=True)
        if not pool:
            return None
        g, a, i = self.rng.choice(pool)
        b = g.children[i + 1]
        self._reserve(a, b)
        old_a, old_b = a.title, b.title
        a.title = f"{a.topic}と{b.topic}の一体的な推進" if a.topic != b.topic else f"{a.topic}の総合的な推進"
        for pa, pb in zip(a.children, b.children):
            pa.blocks.extend(pb.blocks)
        g.children.remove(b)
        self.consequences.append(f"{old_b} の統合に伴う以降の施策の番号の繰り上げ")
        return self.decide("merge", f"「{old_a}」と「{old_b}」を統合し、「{a.title}」として記載", [a.title],
                           [Place(a.uid, "heading")] + self._taikei_places(a), a.uid, a=old_a, b=old_b, new=a.title, leaf=old_a)

    def d_reorder(self) -> Decision | None:
        pool = self._measure_pool(need_sibling=True)
        if not pool:
            return None
        g, a, i = self.rng.choice(pool)
        b = g.children[i + 1]
        self._reserve(a, b)
        g.children[i], g.children[i + 1] = b, a
        return self.decide("reorder", f"「{a.title}」と「{b.title}」の順序を入れ替え", [a.title, b.title],
                           [Place(b.uid, "heading"), Place(a.uid, "heading")] + self._taikei_places(a, b), a.uid,
                           a=a.title, b=b.title, leaf=a.title)

    def d_law_revision(self) -> Decision | None:
        for law, old_no, new_no in LAWS + [(p, o, n) for p, o, n in PLANS]:
            hits = [(p, n, b) for p, n, b in self.free("p") if (f"「{law}」（{old_no}）" in b.text
                                                                 or f"「{law}（{old_no}）」" in b.text)]
            if len(hits) >= 2:
                places = []
                for p, n, b in hits:
                    self.used.add(b.uid)
                    at = b.text.index(old_no)
                    b.text = b.text.replace(old_no, new_no)
                    places.append(Place(b.uid, "block", at))
                return self.decide("law-revision", f"「{law}」の改正（{new_no}）を反映し、記述を更新", [new_no], places,
                                   hits[0][1].uid, law=law, new=new_no, leaf=hits[0][1].title)
        return None

    # editorial --------------------------------------------------------
    def e_edit(self, kind: str) -> EditorialEdit | None:
        r = self.rng
        if kind in ("variant", "filler"):
            pairs = VARIANTS if kind == "variant" else FILLERS
            got = self.pick("p", lambda n, b: any(a in b.text for a, _ in pairs)) or \
                self.pick("item", lambda n, b: any(a in b.text for a, _ in pairs))
            if not got:
                return None
            _, n, b = got
            a, c = r.choice([x for x in pairs if x[0] in b.text])
            old = b.text
            b.text = b.text.replace(a, c, 1)
            return self._record(f"{kind}:{a}→{c}", b.uid, old, b.text, old)
        if kind == "typo":
            ok, typo = r.choice(TYPOS)  # the typo first, so that each is drawn as often
            got = self.pick("p", lambda n, b: ok in b.text)
            if not got:
                return None
            _, n, b = got
            ob = self.blocks(self.old)[b.uid][1]
            ob.text = ob.text.replace(ok, typo, 1)
            return self._record(f"typo:{typo}→{ok}", b.uid, ob.text, b.text, ob.text)
        if kind == "width":
            got = self.pick("p", lambda n, b: re.search("[０-９]+", b.text) is not None)
            if not got:
                return None
            _, n, b = got
            old = b.text
            b.text = re.sub("[０-９]+", lambda m: m.group().translate({ord(x): ord(x) - 0xFEE0 for x in m.group()}), b.text, count=1)
            return self._record("width", b.uid, old, b.text, old)
        got = self.pick("p", lambda n, b: "このため、" in b.text or "また、" in b.text)
        if not got:
            return None
        _, n, b = got
        old = b.text
        x = "このため、" if "このため、" in old else "また、"
        b.text = old.replace(x, x[:-1], 1)
        return self._record("punctuation", b.uid, old, b.text, old)

    def _record(self, kind: str, uid: int, old: str, new: str, _unused: str) -> EditorialEdit:
        before, after, at = _context(old, new)
        core_b, core_a, _ = _context(old, new, 0)
        e = EditorialEdit(f"E{len(self.editorial) + 1}", kind, uid, before, after, core_b, core_a, at)
        self.editorial.append(e)
        return e

    def e_unify(self) -> list[EditorialEdit]:
        """A plan-wide unification (子ども → こども everywhere it is still free)."""
        a, c = self.rng.choice([("子ども", "こども"), ("障害のある", "障がいのある"), ("一人暮らし", "ひとり暮らし")])
        out = []
        for p, n, b in self.free("p", lambda n, b: a in b.text)[:6]:
            self.used.add(b.uid)
            old = b.text
            b.text = b.text.replace(a, c)
            out.append(self._record(f"unify:{a}→{c}", b.uid, old, b.text, old))
        return out


DECISION_MIX = [("target", 3), ("sentence-added", 3), ("sentence-deleted", 2), ("jigyo-added", 2), ("paragraph-added", 1),
                ("rename", 1), ("split", 1), ("merge", 1), ("reorder", 1)]


def _decide(ed: _Editor, kind: str) -> Decision | None:
    return {"target": ed.d_target, "sentence-added": ed.d_sentence_added, "sentence-deleted": ed.d_sentence_deleted,
            "jigyo-added": ed.d_jigyo_added, "paragraph-added": ed.d_paragraph_added, "rename": ed.d_rename,
            "split": ed.d_split, "merge": ed.d_merge, "reorder": ed.d_reorder}[kind]()


# ---------------------------------------------------------------- comments

REFLECT_WARD = {
    "target": ("{leaf}の{indicator}の目標が低すぎる。もっと高い目標を掲げるべきだ。", "ご意見を踏まえ、目標値を{new}に引き上げます。"),
    "sentence-added": ("{topic}について、{subj}への支援を具体的に書いてほしい。", "ご意見を踏まえ、{subj}への支援について記載を追加します。"),
    "paragraph-added": ("{topic}を身近な場所で利用できるようにしてほしい。", "反映します。身近な場所での{topic}の取組を書き加えます。"),
    "sentence-deleted": ("「{name}」の記述は実態と合っていないのではないか。", "ご意見を踏まえ、該当する記述を削除します。"),
    "jigyo-added": ("{topic}に関する新しい事業を加えてほしい。", "ご意見を踏まえ、{jname}を主な事業に加えます。"),
    "rename": ("「{old}」という名称は内容が分かりにくい。", "ご意見を踏まえ、施策の名称を見直します。"),
    "split": ("「{old}」は内容が多岐にわたるため、分けて示すべきだ。", "ご意見を踏まえ、施策を二つに分けて記載します。"),
    "merge": ("「{a}」と「{b}」は内容が重なっている。", "ご意見を踏まえ、二つの施策を統合します。"),
    "reorder": ("「{b}」を先に示すべきではないか。", "ご意見を踏まえ、施策の順序を入れ替えます。"),
}
REFLECT_NATIONAL = {
    "target": ("{indicator}の目標値は引き上げるべきではないか。", "ご指摘を踏まえ、目標値を修正いたします。"),
    "sentence-added": ("{subj}への支援の視点が不足している。", "ご指摘を踏まえて、{subj}への支援に関する記述を追記いたします。"),
    "paragraph-added": ("{topic}の提供体制について記載が不十分である。", "ご意見を踏まえて、{topic}の提供体制に関する記述を追記いたします。"),
    "sentence-deleted": ("「{name}」に関する記述は削除すべき。", "ご指摘を踏まえ、当該記述を削除いたします。"),
    "jigyo-added": ("{topic}の具体的な事業を示すべき。", "ご指摘を踏まえ、{jname}を追記いたします。"),
    "rename": ("「{old}」の表現は適切ではない。", "ご指摘を踏まえ、「{new}」に修文いたします。"),
    "split": ("「{old}」は二つの施策に分けるべき。", "ご指摘を踏まえ、構成を見直し修文いたします。"),
    "merge": ("「{a}」と「{b}」は重複している。", "ご指摘を踏まえ、両者を統合する形で修文いたします。"),
    "reorder": ("施策の順序は「{b}」を先にすべき。", "ご指摘を踏まえ、順序を入れ替えるよう修文いたします。"),
}
EDITORIAL_REFLECT = {
    "ward": ("「{a}」と「{c}」の表記が混在している。", "ご意見を踏まえ、表記を「{c}」に統一します。"),
    "national": ("「{a}」と「{c}」の表記を統一すべき。", "ご指摘を踏まえ、「{c}」に統一いたします。"),
}
TYPO_REFLECT = {"ward": ("「{a}」は「{c}」の誤りではないか。", "ご指摘のとおり修正します。"),
                "national": ("「{a}」は誤記ではないか。", "ご指摘を踏まえ、修文いたします。")}
OTHER_WARD = {
    "既記載": ["ご意見の趣旨は、{leaf}に既に記載しています。", "{topic}については、既に計画に位置付けており、着実に取り組んでまいります。"],
    "参考": ["いただいたご意見は、今後の取組の参考とさせていただきます。", "{topic}の実施に当たっての参考とさせていただきます。"],
    "不反映": ["{topic}については、国の動向を踏まえて検討する必要があるため、原案のとおりとします。",
             "現時点では計画への記載は考えておりません。"],
    "その他": ["ご質問の件は、担当課から個別に回答いたします。"],
}
OTHER_NATIONAL = {
    "既記載": ["ご指摘の点については、{leaf}において記載しております。", "ご意見の趣旨は既に盛り込まれていると考えております。"],
    "参考": ["今後の施策の推進に当たっての参考とさせていただきます。", "いただいたご意見は、今後の検討の参考にさせていただきます。"],
    "不反映": ["原案のとおりといたします。", "{topic}については、関係省庁と連携して検討すべき課題であり、原案どおりとさせていただきます。"],
    "その他": ["ご意見として承ります。"],
}
# at scale (Family.crowd): the same promise in the answer's own words
REFLECT_OWN = {
    "target": ["{indicator}の目標値を{new}へ見直すことといたします。", "ご提案の趣旨を踏まえ、目標を{new}に改めます。"],
    "sentence-added": ["ご意見の趣旨を踏まえ、「{name}」による支援を記載することとします。",
                       "{subj}の声を踏まえた「{name}」の取組について書き加えました。"],
    "paragraph-added": ["「{name}」を開設する旨を追記いたします。", "{topic}について、身近な場所で利用できる「{name}」の開設を盛り込みます。"],
    "sentence-deleted": ["「{name}」に関する記述は削除することといたします。", "いただいた御意見を踏まえ、「{name}」の記載を削ります。"],
    "jigyo-added": ["{jname}を主な事業として位置付けます。", "「{jname}」を新たに掲載いたします。"],
    "rename": ["施策の名称を「{new}」に改めます。", "御指摘を踏まえ、施策名を「{new}」に変更いたします。"],
    "split": ["「{old}」を二つの施策に分割して記載いたします。", "御意見を踏まえ、「{new}」を独立させて記載します。"],
    "merge": ["「{a}」と「{b}」を一つの施策にまとめます。", "御指摘のとおり、二つの施策を統合いたします。"],
    "reorder": ["「{b}」を前に移し、順序を変更いたします。", "御意見を踏まえ、施策の並びを入れ替えます。"],
}
CAMPAIGN_OPINIONS = ["{topic}については、{subj}の立場から見て現在の記載では不十分であり、具体的な取組と財源を計画に明記するよう強く求めます。",
                     "{leaf}に関して、{subj}の意見を十分に聴いたうえで計画を策定し、{topic}の実施状況を毎年度公表することを求めます。",
                     "{topic}の推進に当たっては、{place}をはじめ地域の実情に応じたきめ細かな対応を行い、{subj}が参加できる仕組みを整えてください。"]
OTHER_OPINIONS = ["{topic}について、{subj}にも分かりやすい説明を加えてほしい。", "{topic}の取組は重要であり、着実に進めてほしい。",
                  "{topic}の目標値が低いのではないか。", "{subj}への支援を充実してほしい。", "{place}での{topic}の実施状況を公表してほしい。",
                  "{topic}にかかる費用と効果を明らかにすべきである。", "{leaf}の記述をもっと具体的にしてほしい。"]


def _register(fam: Family, rng: random.Random) -> str:
    return fam.register if fam.register != "mixed" else rng.choice(["ward", "national"])


def _make_comments(fam: Family, rng: random.Random, ed: _Editor, refs: dict[int, str]) -> list[dict]:
    nodes = ed.nodes(ed.old)
    drafts: list[dict] = []
    causes = ["comment"] * 5 + ["internal"] * 4
    for d in ed.decisions:
        if d.kind == "law-revision":
            d.cause = "external"
            continue
        d.cause = rng.choice(causes)
        if d.cause != "comment":
            continue
        for k in range(rng.choice([1, 1, 2] if not fam.crowd else [1, 2, 2, 3])):
            reg = _register(fam, rng)
            op, ans = (REFLECT_WARD if reg == "ward" else REFLECT_NATIONAL)[d.kind]
            if fam.crowd and rng.random() < 0.5:
                ans = rng.choice(REFLECT_OWN[d.kind])
            fill = {"leaf": "", "topic": "", "subj": rng.choice(SUBJECTS), "indicator": "", "new": "", "old": "", "name": "",
                    "jname": "", "a": "", "b": "", **d.fill}
            if k:
                op = rng.choice(OTHER_OPINIONS)
                fill["place"] = rng.choice(PLACES)
            drafts.append({"opinion": op.format(**fill), "response": ans.format(**fill), "type": "反映",
                           "uid": d.soan_uid, "decision": d.id})
    # comments answered 反映 whose edit is editorial: linked to no row
    for e in [e for e in ed.editorial if e.kind.startswith(("variant", "unify", "typo"))][:max(1, fam.comments // 30)]:
        reg = _register(fam, rng)
        a, c = e.kind.split(":")[1].split("→")
        op, ans = (TYPO_REFLECT if e.kind.startswith("typo") else EDITORIAL_REFLECT)[reg]
        owner = ed.blocks(ed.old)[e.block][0]
        drafts.append({"opinion": op.format(a=a, c=c), "response": ans.format(a=a, c=c), "type": "反映",
                       "uid": owner.uid, "decision": "", "editorial": e.id})
    changed = [d.soan_uid for d in ed.decisions]
    sections = [n.uid for _, n in walk(ed.old) if n.blocks]
    new_nodes = ed.nodes(ed.new) if fam.crowd else {}
    if fam.crowd:
        drafts += _campaigns(fam, rng, ed, nodes, changed)
    rest = fam.comments - len(drafts)
    weights = {"既記載": 0.38, "参考": 0.34, "不反映": 0.22, "その他": 0.06}
    kinds = [k for k, w in weights.items() for _ in range(round(w * rest))]
    kinds = (kinds + ["参考"] * rest)[:rest]
    for k in kinds:
        uid = rng.choice(changed) if changed and rng.random() < fam.competing else rng.choice(sections)
        n = nodes[uid][1]
        reg = _register(fam, rng)
        fill = {"leaf": n.title, "topic": n.topic or rng.choice(OBJECTS), "subj": rng.choice(SUBJECTS), "place": rng.choice(PLACES)}
        opinion = rng.choice(OTHER_OPINIONS).format(**fill)
        response = rng.choice((OTHER_WARD if reg == "ward" else OTHER_NATIONAL)[k]).format(**fill)
        if fam.crowd and k == "既記載" and rng.random() < 0.5:
            # 「…」と記載しております: the answer quotes the plan's (案) words, maybe next to a change
            quoted = _sentence_of(new_nodes.get(uid, nodes[uid])[1], rng)
            if quoted:
                response = (f"ご意見の趣旨は、「{quoted}」と記載しています。" if reg == "ward"
                            else f"御指摘の点については、「{quoted}」と記載しております。")
        drafts.append({"opinion": opinion, "response": response,
                       "type": k, "uid": uid, "decision": ""})
    rng.shuffle(drafts)
    out = []
    for i, dr in enumerate(drafts, 1):
        cid = f"C{i:02d}"
        near = rng.random() < 0.8
        near = dr.get("near", near)  # a campaign's copies cite the same place
        dr["id"], dr["row"], dr["ref"] = cid, i, refs[dr["uid"]] if near else refs.get(-dr["uid"], refs[dr["uid"]])
        dr["section_path"] = [x.heading for x in nodes[dr["uid"]][0]]
        out.append(dr)
        if dr["decision"]:
            next(d for d in ed.decisions if d.id == dr["decision"]).comment_ids.append(cid)
    return out


def _sentence_of(n: Node, rng: random.Random) -> str:
    """A sentence of the section's paragraphs (without its 。, at most 30 characters), or ""."""
    sents = [x for b in n.blocks if b.kind == "p" for x in b.text.split("。") if 8 <= len(x) and "「" not in x]
    return rng.choice(sents)[:30] if sents else ""


def _campaigns(fam: Family, rng: random.Random, ed: _Editor, nodes: dict, changed: list[int]) -> list[dict]:
    """Campaign comments (組織的な意見): one opinion sent 5–40 times, every copy
    answered with the same text. About a tenth of the table; a third of the
    campaigns are behind a decision the comments caused (反映, linked as one
    同趣旨 group), the others are answered 参考/不反映 on a section that changed."""
    out: list[dict] = []
    budget = fam.comments // 10
    by_comment = [d for d in ed.decisions if d.cause == "comment"]
    while budget > 0:
        size = min(budget, rng.randint(5, 40))
        budget -= size
        reflected = by_comment and rng.random() < 0.34
        d = rng.choice(by_comment) if reflected else None
        uid = d.soan_uid if d else rng.choice(changed)
        n = nodes[uid][1]
        reg = _register(fam, rng)
        fill = {"leaf": n.title, "topic": n.topic or rng.choice(OBJECTS), "subj": rng.choice(SUBJECTS),
                "place": rng.choice(PLACES), "indicator": "", "new": "", "old": "", "name": "", "jname": "", "a": "",
                "b": "", **(d.fill if d else {})}
        op = rng.choice(CAMPAIGN_OPINIONS).format(**fill)
        if d:  # a campaign behind a decision asks for it in so many words
            op = (REFLECT_WARD if reg == "ward" else REFLECT_NATIONAL)[d.kind][0].format(**fill) + op
            ans = rng.choice([(REFLECT_WARD if reg == "ward" else REFLECT_NATIONAL)[d.kind][1]] + REFLECT_OWN[d.kind])
            kind = "反映"
        else:
            kind = rng.choice(["参考", "不反映", "既記載"])
            ans = rng.choice((OTHER_WARD if reg == "ward" else OTHER_NATIONAL)[kind])
        ans = ans.format(**fill)
        near = rng.random() < 0.8
        out += [{"opinion": op, "response": ans, "type": kind, "uid": uid, "decision": d.id if d else "", "near": near}
                for _ in range(size)]
    return out


# ---------------------------------------------------------------- printing


def print_lines(tree: list[Node]) -> list[PrintLine]:
    return tree_lines(tree)


def page_of(where: dict[tuple, int], key: tuple) -> int | None:
    return where.get(key)


def _to_psec(tree: list[Node]) -> list[PSec]:
    return [PSec(n.uid, "", n.heading, n.blocks, _to_psec(n.children), role=n.role, topic=n.topic) for n in tree]


# ---------------------------------------------------------------- generate


def generate_plan(fam: Family, seed: int) -> Plan:
    rng = random.Random(f"{fam.name}:{seed}")
    uid = _Uid()
    tree = _build(fam, rng, uid)
    ed = _Editor(fam, rng, tree)
    # structural decisions first (they reserve whole 施策), then the law revision, then content
    structural = ["rename", "split", "merge", "reorder"]
    ed.d_law_revision()
    n_struct = max(4, fam.decisions // 5)
    for k in range(n_struct):
        _decide(ed, structural[k % len(structural)])
    content = [k for k, w in DECISION_MIX if k not in structural for _ in range(w)]
    if not fam.jigyo_table:
        content = [k for k in content if k != "jigyo-added"]
    guard = 0
    while len(ed.decisions) < fam.decisions and guard < fam.decisions * 10:
        guard += 1
        _decide(ed, rng.choice(content))
    ed.e_unify()
    kinds = ["variant"] * 6 + ["typo"] * 2 + ["filler", "width", "punctuation"]
    guard = 0
    while len(ed.editorial) < fam.editorial and guard < fam.editorial * 20:
        guard += 1
        ed.e_edit(rng.choice(kinds))
    number_tree(ed.new, fam.numbering)
    refresh_taikei(ed.new)
    number_tree(ed.old, fam.numbering)
    refresh_taikei(ed.old)
    # 素案 pages for the references of the comment table
    _, where_old = lay_out(print_lines(ed.old), "素案")
    refs: dict[int, str] = {}
    for path, n in walk(ed.old):
        page = where_old.get(("h", n.uid), 1)
        num = n.heading.split("\u3000")[0]
        if n.role == "part" and len(path) > 1:  # 「施策1-2（2）」, 「1-2（2）」: a part is named with its 施策
            num = path[-2].heading.split("\u3000")[0] + num
        style = rng.randrange(4)
        refs[n.uid] = [f"P.{page}", f"P.{page}（{num}）", f"{num}　{n.title}", f"{page}ページ"][style]
        refs[-n.uid] = " ".join(x.heading.split("\u3000")[0] for x in path)
    comments = _make_comments(fam, rng, ed, refs)
    return Plan(fam, seed, ed.old, ed.new, ed.decisions, ed.editorial, comments, ed.consequences)


def expected_json(plan: Plan, where_new: dict[tuple, int]) -> dict:
    """The ground truth in the shape of nakano-dx/expected/changes.json."""
    nodes = {n.uid: (p, n) for p, n in walk(plan.new)}
    owner = {b.uid: (p, n) for p, n in walk(plan.new) for b in n.blocks}

    def place_path(pl: Place) -> list[str]:
        if pl.what == "heading":
            return [x.heading for x in nodes[pl.uid][0]]
        return [x.heading for x in owner[pl.uid][0]]

    def place_page(pl: Place) -> int | None:
        if pl.what == "heading":
            return where_new.get(("h", pl.uid))
        if pl.what == "row":
            return where_new.get(("t", pl.uid, pl.at))
        if pl.what == "taikei":
            b = owner[pl.uid][1].blocks
            table = next(x for x in b if x.uid == pl.uid)
            m = nodes[pl.at][1]
            # the measure's own line: its number and title (numbers repeat per chapter: 第3章 1, 第4章 1)
            i = next((i for i, r in enumerate(table.rows) if r[1] == measure_number(m) and r[2] == m.title),
                     next((i for i, r in enumerate(table.rows) if r[1] == measure_number(m)), 0))
            return where_new.get(("t", pl.uid, i))
        return where_new.get(("b", pl.uid, (pl.at // CHARS_PER_LINE) * CHARS_PER_LINE))

    rows = []
    for d in plan.decisions:
        paths: list[list[str]] = []
        for pl in d.places:
            p = place_path(pl)
            if p not in paths:
                paths.append(p)
        pages = sorted({x for x in (place_page(pl) for pl in d.places) if x is not None})
        rows.append({"id": d.id, "kind": d.kind, "item": " / ".join(" ".join(p) for p in paths), "summary": d.summary,
                     "an_pages": pages, "section_paths": paths,
                     "cause": {"type": d.cause, "comment_ids": sorted(d.comment_ids)}, "must_mention": d.must_mention})
    editorial = []
    for e in plan.editorial:
        p, n = owner[e.block]
        editorial.append({"id": e.id, "kind": e.kind, "section_path": [x.heading for x in p], "before": e.before,
                          "after": e.after, "core_before": e.core_before, "core_after": e.core_after,
                          "an_page": where_new.get(("b", e.block, (e.at // CHARS_PER_LINE) * CHARS_PER_LINE))})
    comments = [{"id": c["id"], "ref": c["ref"], "opinion": c["opinion"], "response": c["response"],
                 "response_type": c["type"], "reflected": c["type"] == "反映",
                 "row_ids": [c["decision"]] if c["decision"] else [], "editorial_id": c.get("editorial", ""),
                 "resolved_section_path": c["section_path"]} for c in plan.comments]
    return {"case": f"{plan.family.name}-s{plan.seed}", "family": plan.family.name, "seed": plan.seed,
            "split": split_of(plan.seed), "rows": rows, "comments": comments, "editorial": editorial,
            "non_reportable": plan.consequences}


def write_comments_tsv(plan: Plan, path: Path) -> None:
    title = "素案に対する意見の概要及び区の考え方" if plan.family.register == "ward" else "意見募集の結果（提出された御意見の概要及び御意見に対する考え方）"
    head = "素案該当箇所\t主な意見\t区の考え方" if plan.family.register == "ward" else "該当箇所\t御意見の概要\t御意見に対する考え方"
    write_tsv_table(((c["ref"], c["opinion"], c["response"]) for c in plan.comments), path, title, head)


def write_plan(plan: Plan, outdir: Path) -> dict[str, Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    files = {k: outdir / v for k, v in (("soan", "soan.docx"), ("an", "an.docx"), ("soan_pdf", "soan.pdf"),
                                         ("an_pdf", "an.pdf"), ("comments", "bessi1.tsv"), ("expected", "expected.json"))}
    title = plan.family.label.split("（")[0]
    for version, tree, docx_key, pdf_key in (("素案", plan.old, "soan", "soan_pdf"), ("案", plan.new, "an", "an_pdf")):
        doc, _ = _to_document(_to_psec(tree), version)
        doc = type(doc)(title=f"ベンチマーク{title}（{version}）", sections=doc.sections)
        write_docx(doc, files[docx_key])
        pages, where = lay_out(print_lines(tree), f"ベンチマーク{title}（{version}）")
        write_pdf(pages, files[pdf_key])
        if version == "案":
            where_new = where
    write_comments_tsv(plan, files["comments"])
    files["expected"].write_text(json.dumps(expected_json(plan, where_new), ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    return files


def plan_summary(plan: Plan) -> dict:
    kinds: dict[str, int] = {}
    for d in plan.decisions:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    return {"family": plan.family.name, "seed": plan.seed, "rows": len(plan.decisions), "kinds": kinds,
            "editorial": len(plan.editorial), "comments": len(plan.comments),
            "reflected": sum(c["type"] == "反映" for c in plan.comments)}


if __name__ == "__main__":
    import sys

    fam = FAMILIES[sys.argv[1]]
    p = generate_plan(fam, int(sys.argv[2]))
    print(json.dumps(plan_summary(p), ensure_ascii=False))
    for k, v in write_plan(p, Path(sys.argv[3])).items():
        print(k, v)
    _ = asdict
