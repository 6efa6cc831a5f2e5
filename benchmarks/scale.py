"""Scale generator (issue 8): a 素案/案 pair of a ~300-page plan with its
comment table (別紙1) and ground truth, deterministic from a seed.

    pair = generate(pages=300, seed=1)
    pair.old, pair.new                 # revtool.model.Document
    pair.edits                         # GroundEdit: every edit made, substantive or not
    pair.comments                      # GroundComment: 別紙1 rows, with the edits each caused
    pair.raw_rows()                    # revtool.comments.RawRow, for import_comments
    write_docx(pair.old, path)         # python-docx; Heading 1-4, tables, "- n -" footers
    write_comments_tsv(pair, path)

    python -m benchmarks.scale OUTDIR [--pages 300] [--seed 1]   # writes soan.docx, an.docx,
                                                                  # bessi1.tsv, truth.json

At ``pages=300``: about 400,000 characters of administrative prose (templates
and vocabulary drawn at random, so no two paragraphs are alike), 200
substantive edits, 500 editorial edits, 100 moved or renamed sections and
2,000 comments. Every count scales linearly with ``pages`` (``counts(pages)``).

The plan: 第1章 (purpose, position, period), 第2章 (national trends, the
ward's situation, issues), then chapters 基本目標N each with ``1.`` policies,
``施策N`` measures and four ``（n）`` parts: 現状と課題, 主な取組 (bullets),
成果指標 (indicator table), ロードマップ (roadmap table); a closing chapter.

Ground truth: each edit touches exactly one paragraph, table or section (no
paragraph gets two edits), so a diff's change can be matched to at most one
edit by section path and text (``match_changes``).
"""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from revtool.extract.outline import parse_marker
from revtool.model import Block, BlockKind, Document, PageSpan, Section, SectionPath, Table

CHARS_PER_PAGE = 1333  # 400,000 characters for 300 pages
PAGE_CHARS = 1450  # what fits on a printed page (headings and table rulings take the rest)
PER_300 = {"substantive": 200, "editorial": 500, "moved": 100, "comments": 2000}


def counts(pages: int) -> dict[str, int]:
    """The requested counts for a plan of ``pages`` pages."""
    out = {k: max(1, round(v * pages / 300)) for k, v in PER_300.items()}
    out["chars"] = pages * CHARS_PER_PAGE
    return out


# ---------------------------------------------------------------- vocabulary

SUBJECTS = ["区民", "事業者", "地域団体", "町会・自治会", "子育て世帯", "高齢者", "障害のある方", "外国人住民", "学校",
            "関係機関", "NPO", "大学", "医療機関", "民間事業者", "若者", "職員"]
OBJECTS = ["オンライン申請", "相談体制", "情報発信", "データ連携", "窓口サービス", "防災情報", "健康づくり", "見守り活動",
           "業務プロセス", "電子決裁", "キャッシュレス決済", "施設予約", "研修体系", "調達手続", "セキュリティ対策",
           "オープンデータ", "地域活動支援", "子育て相談", "介護予防", "就労支援", "図書館サービス", "公共交通",
           "ごみ収集", "税務事務", "住民記録", "学習支援", "文化振興", "道路維持管理", "公園利用", "保健指導"]
VERBS = ["の充実を図る", "の拡大を進める", "の見直しを行う", "の効率化に取り組む", "の質の向上を目指す",
         "の利便性を高める", "を段階的に導入する", "の在り方を検討する", "を着実に推進する", "の定着を支援する"]
LINKS = ["このため、", "また、", "あわせて、", "さらに、", "具体的には、", "今後は、", "一方で、", ""]
PLACES = ["区役所本庁舎", "地域事務所", "すこやか福祉センター", "区立図書館", "区民活動センター", "区立小・中学校"]
NATIONAL = ["デジタル社会の実現に向けた重点計画", "自治体DX推進計画", "自治体情報システムの標準化・共通化に係る基本方針",
            "地方公共団体における情報セキュリティポリシーに関するガイドライン", "こども大綱", "地域共生社会の実現に向けた指針"]
NAME_HEAD = ["なかの", "まちなか", "すこやか", "みらい", "つながる", "あんしん", "スマート", "ひろば", "いきいき", "ふれあい"]
NAME_TAIL = ["窓口", "相談ナビ", "ポータル", "アプリ", "手続きガイド", "見守りネット", "学びサポート", "区民カード",
             "ステーション", "プラットフォーム"]
ROADMAP = ["検討", "準備", "試行", "実施", "拡充", "検証", "運用", "見直し", "―"]
GOALS = ["誰もが暮らしやすいまち", "安全・安心なまち", "子どもと子育て家庭を支えるまち", "健康で生きがいのあるまち",
         "活力あるにぎわいのまち", "環境にやさしいまち", "学び合い育ち合うまち", "つながり支え合うまち",
         "効率的で開かれた区政", "災害に強いまち", "多様性を認め合うまち", "文化とスポーツのまち"]

# (素案, 案) pairs an editorial edit applies; each template below contains some.
REPLACEMENTS = [("及び", "および"), ("取組み", "取組"), ("様々な", "さまざまな"), ("行う事", "行うこと"), ("出来る", "できる"),
                ("手続き", "手続"), ("問い合わせ", "問合せ"), ("子供", "子ども"), ("全て", "すべて"), ("但し、", "ただし、"),
                ("更に、", "さらに、"), ("等の", "などの"), ("図って", "図り、"), ("申し込み", "申込み")]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
TYPO_PARTICLES = ["を", "の", "に", "が", "は"]


def _fw(s: str) -> str:
    return s.translate(FULLWIDTH)


class _Text:
    """Sentence factory: templates filled from the vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        r = self.rng
        return f"{r.choice(NAME_HEAD)}{r.choice(NAME_TAIL)}"

    def sentence(self, topic: str = "") -> str:
        r = self.rng
        obj = topic or r.choice(OBJECTS)
        k = r.randrange(12)
        link = r.choice(LINKS)
        if k == 0:
            return f"{link}{r.choice(SUBJECTS)}と連携し、{obj}{r.choice(VERBS)}。"
        if k == 1:
            return f"{link}{r.randint(2026, 2031)}年度までに{r.randint(2, 95)}件の取組みを行う事とし、様々な手続きの問い合わせに対応出来る体制を整える。"
        if k == 2:
            return f"区の調査によると、{obj}を利用したことがある区民の割合は{r.randint(10, 80)}．{r.randint(0, 9)}％にとどまっている。"
        if k == 3:
            return f"国の「{r.choice(NATIONAL)}」では、{obj}及び{r.choice(OBJECTS)}が重点的な取組として位置付けられている。"
        if k == 4:
            return f"{link}{r.choice(PLACES)}において、「{self.name()}」を活用した{obj}の取組を進める。"
        if k == 5:
            return f"特に、{r.choice(SUBJECTS)}や{r.choice(SUBJECTS)}に対しては、{obj}に関する丁寧な支援が必要である。"
        if k == 6:
            return f"{obj}については、全ての{r.choice(SUBJECTS)}が必要な時に必要な情報を得られるよう、更に、分かりやすい案内に努める。"
        if k == 7:
            return f"{link}子供から高齢者まで、様々な世代が{obj}等の身近なサービスを安心して利用出来る環境をつくる。"
        if k == 8:
            return f"但し、{obj}の実施に当たっては、個人情報の保護及び情報セキュリティの確保を前提とする。"
        if k == 9:
            return f"{link}{r.choice(SUBJECTS)}の意見を聴きながら、{obj}の申し込み方法の改善を図って、利用者の負担を軽減する。"
        if k == 10:
            return f"令和{_fw(str(r.randint(6, 11)))}年度には、{obj}の利用件数を{r.randint(100, 990) * 10:,}件とすることを目指す。"
        return f"{link}{obj}の現状を把握するため、{r.choice(SUBJECTS)}を対象とした調査を{r.randint(2, 5)}年ごとに実施する。"

    def paragraph(self, topic: str = "", lo: int = 3, hi: int = 6) -> str:
        return "".join(self.sentence(topic if self.rng.random() < 0.5 else "") for _ in range(self.rng.randint(lo, hi)))

    def item(self, topic: str) -> str:
        r = self.rng
        return f"・{r.choice(SUBJECTS)}向けの{topic}{r.choice(VERBS)}（{r.choice(PLACES)}）"

    def indicator_rows(self, topic: str, n: int) -> list[list[str]]:
        r = self.rng
        rows = [["指標", "現状値（令和6年度）", "目標値（令和11年度）"]]
        for i in range(n):
            kind = r.choice(["利用率", "満足度", "実施件数", "登録者数", "オンライン化率"])
            now = r.randint(5, 70)
            unit = "％" if kind in ("利用率", "満足度", "オンライン化率") else "件"
            rows.append([f"{r.choice(OBJECTS) if i else topic}の{kind}", f"{now}{unit}", f"{now + r.randint(5, 25)}{unit}"])
        return rows

    def roadmap_rows(self, topic: str, n: int) -> list[list[str]]:
        r = self.rng
        rows = [["取組", "令和8年度", "令和9年度", "令和10年度", "令和11年度"]]
        for i in range(n):
            rows.append([f"{topic if i == 0 else r.choice(OBJECTS)}{r.choice(['の導入', 'の拡充', 'の見直し', 'の推進'])}"]
                        + [r.choice(ROADMAP) for _ in range(4)])
        return rows


# ---------------------------------------------------------------- mutable plan model


@dataclass
class PBlock:
    uid: int
    kind: str  # p | item | table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class PSec:
    uid: int
    number: str
    title: str
    blocks: list[PBlock] = field(default_factory=list)
    children: list["PSec"] = field(default_factory=list)
    role: str = ""  # chapter | policy | shisaku | part | plain
    topic: str = ""

    @property
    def heading(self) -> str:
        if self.number.startswith(("第", "施策")):
            return f"{self.number}\u3000{self.title}"
        if self.number.endswith("."):
            return f"{self.number} {self.title}"
        return f"{self.number}{self.title}"


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _walk(secs: list[PSec], parent: tuple[PSec, ...] = ()):
    for s in secs:
        yield parent + (s,), s
        yield from _walk(s.children, parent + (s,))


def _chars(secs: list[PSec]) -> int:
    n = 0
    for _, s in _walk(secs):
        n += len(s.heading)
        for b in s.blocks:
            n += len(b.text) if b.kind != "table" else sum(len(c) for row in b.rows for c in row)
    return n


def _build(rng: random.Random, target_chars: int) -> list[PSec]:
    t = _Text(rng)
    uid = _Ids()

    def para(topic: str = "", lo: int = 3, hi: int = 6) -> PBlock:
        return PBlock(uid(), "p", t.paragraph(topic, lo, hi))

    def plain(number: str, title: str, n_paras: int, topic: str = "") -> PSec:
        return PSec(uid(), number, title, [para(topic) for _ in range(n_paras)], role="plain", topic=topic)

    ch1 = PSec(uid(), "第1章", "計画の策定にあたって", role="chapter", children=[
        plain("1.", "計画策定の趣旨", 3), plain("2.", "計画の位置付け", 2), plain("3.", "計画期間", 1)])
    ch2 = PSec(uid(), "第2章", "計画策定の背景", role="chapter", children=[
        PSec(uid(), "1.", "国の動向", role="policy", children=[
            plain(f"（{i}）", f"{n}の動向", 2, n) for i, n in enumerate(rng.sample(OBJECTS, 4), 1)]),
        PSec(uid(), "2.", "区の現状", role="policy", children=[
            plain(f"（{i}）", f"{n}の現状", 2, n) for i, n in enumerate(rng.sample(OBJECTS, 4), 1)]),
        PSec(uid(), "3.", "課題", [PBlock(uid(), "item", t.item(o)) for o in rng.sample(OBJECTS, 6)], role="policy")])
    closing = PSec(uid(), "第0章", "計画の推進に向けて", role="chapter", children=[
        plain("1.", "推進体制", 3), plain("2.", "進行管理", 2), plain("3.", "評価と見直し", 2)])
    secs = [ch1, ch2, closing]
    fixed = _chars(secs)
    shisaku: list[PSec] = []
    total = fixed
    while total < target_chars:
        topic = rng.choice(OBJECTS)
        n = len(shisaku) + 1
        s = PSec(uid(), f"施策{n}", f"{topic}{rng.choice(['の充実', 'の推進', 'による区民サービスの向上', 'の強化'])}",
                 role="shisaku", topic=topic, children=[
                     PSec(uid(), "（1）", "現状と課題", [para(topic, 4, 7) for _ in range(rng.randint(3, 4))], role="part", topic=topic),
                     PSec(uid(), "（2）", "主な取組",
                          [PBlock(uid(), "item", t.item(topic)) for _ in range(rng.randint(3, 5))]
                          + [para(topic, 4, 7) for _ in range(rng.randint(3, 4))], role="part", topic=topic),
                     PSec(uid(), "（3）", "成果指標", [para(topic, 3, 5), PBlock(uid(), "table", rows=t.indicator_rows(topic, rng.randint(2, 4)))],
                          role="part", topic=topic),
                     PSec(uid(), "（4）", "ロードマップ", [para(topic, 2, 4), PBlock(uid(), "table", rows=t.roadmap_rows(topic, rng.randint(2, 4)))],
                          role="part", topic=topic)])
        shisaku.append(s)
        total += _chars([s])
    # 3 施策 per policy, 3 policies per goal chapter
    chapters = []
    for c in range(0, len(shisaku), 9):
        group = shisaku[c:c + 9]
        goal = GOALS[(c // 9) % len(GOALS)]
        policies = [PSec(uid(), f"{i + 1}.", f"{group[i * 3].topic}を中心とした取組", [para()], role="policy",
                         children=group[i * 3:i * 3 + 3]) for i in range((len(group) + 2) // 3)]
        chapters.append(PSec(uid(), "", f"基本目標{c // 9 + 1}　{goal}", [para()], role="chapter", children=policies))
    out = [ch1, ch2] + chapters + [closing]
    for i, ch in enumerate(out, 1):
        ch.number = f"第{i}章"
    return out


# ---------------------------------------------------------------- ground truth


@dataclass(frozen=True)
class GroundEdit:
    id: str  # S1… substantive, E1… editorial, M1… moved/renamed
    kind: str
    substantive: bool
    old_path: SectionPath  # () for an added section
    new_path: SectionPath  # () for a deleted section
    before: str  # the changed span in 素案, with context
    after: str  # the changed span in 案, with context
    cause: str = ""  # comment | external | internal (substantive edits)
    comment_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroundComment:
    id: str
    row: int
    ref: str
    opinion: str
    response: str
    response_type: str  # 反映 | 既記載 | 参考 | 不反映 | その他
    section_path: SectionPath  # the 素案 section it points at
    edit_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScalePair:
    pages: int
    seed: int
    old: Document
    new: Document
    edits: tuple[GroundEdit, ...]
    comments: tuple[GroundComment, ...]

    def counts(self) -> dict[str, int]:
        return {
            "chars": len(full_text(self.old)),
            "substantive": sum(e.substantive for e in self.edits if not e.id.startswith("M")),
            "editorial": sum(not e.substantive for e in self.edits if not e.id.startswith("M")),
            "moved": sum(e.id.startswith("M") for e in self.edits),
            "comments": len(self.comments),
        }

    def raw_rows(self):
        from revtool.comments.table import RawRow

        return [RawRow(c.row, c.ref, c.opinion, c.response, where=f"別紙1 {c.row}行目") for c in self.comments]

    def truth_json(self) -> dict:
        return {"pages": self.pages, "seed": self.seed, "counts": self.counts(),
                "edits": [asdict(e) for e in self.edits], "comments": [asdict(c) for c in self.comments]}


def full_text(doc: Document) -> str:
    return "\n".join(b.text for _, s in doc.walk() for b in s.blocks)


def _span(a: str, b: str, context: int = 8) -> tuple[str, str]:
    """The differing span of a and b with up to ``context`` characters each side."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    lo = max(0, p - context)
    return a[lo:len(a) - s + context if s else len(a)], b[lo:len(b) - s + context if s else len(b)]


def nb_rows_order(wanted: set[tuple[str, ...]], rows: list[list[str]]) -> list[tuple[str, ...]]:
    return [tuple(r) for r in rows if tuple(r) in wanted]


# ---------------------------------------------------------------- edits


class _Editor:
    def __init__(self, rng: random.Random, base: list[PSec]) -> None:
        self.rng = rng
        self.t = _Text(rng)
        self.old = copy.deepcopy(base)
        self.new = copy.deepcopy(base)
        self.used_blocks: set[int] = set()
        self.used_secs: set[int] = set()  # structurally changed: no content edits inside
        self.uid = _Ids()
        self.uid.n = 10_000_000
        self.records: list[dict] = []
        # the 素案 tree never changes shape: index its blocks once, with their ancestors
        self.old_blocks = [(tuple(p.uid for p in path), s, b) for path, s in _walk(self.old) for b in s.blocks]
        self.index = {t: {b.uid: (s, b) for _, s in _walk(tree) for b in s.blocks} for t, tree in (("old", self.old), ("new", self.new))}

    # lookups -------------------------------------------------------
    def secs(self, tree: list[PSec]) -> dict[int, tuple[tuple[PSec, ...], PSec]]:
        return {s.uid: (p, s) for p, s in _walk(tree)}

    def block(self, tree: list[PSec], uid: int) -> tuple[PSec, PBlock]:
        return self.index["old" if tree is self.old else "new"][uid]

    def reserve(self, sec_uid: int) -> None:
        """No content edit inside this section any more (it is moved, renamed, added to or cut)."""
        self.used_secs.add(sec_uid)
        self.used_blocks.update(b.uid for anc, _, b in self.old_blocks if sec_uid in anc)

    def free_blocks(self, kind: str, pred=lambda s, b: True) -> list[tuple[PSec, PBlock]]:
        used = self.used_blocks
        return [(s, b) for _, s, b in self.old_blocks if b.kind == kind and b.uid not in used and pred(s, b)]

    def pick(self, kind: str, pred=lambda s, b: True) -> tuple[PSec, PBlock] | None:
        pool = self.free_blocks(kind, pred)
        if not pool:
            return None
        s, b = self.rng.choice(pool)
        self.used_blocks.add(b.uid)
        return s, b

    def record(self, kind: str, substantive: bool, old_sec: int | None, new_sec: int | None, a: str, b: str,
               structural: bool = False) -> dict:
        before, after = _span(a, b)
        rec = {"kind": kind, "substantive": substantive, "old_sec": old_sec, "new_sec": new_sec,
               "before": before, "after": after, "structural": structural}
        self.records.append(rec)
        return rec

    def set_text(self, uid: int, old_text: str | None, new_text: str | None) -> None:
        if old_text is not None:
            self.block(self.old, uid)[1].text = old_text
        if new_text is not None:
            self.block(self.new, uid)[1].text = new_text

    # substantive ----------------------------------------------------
    def s_number(self) -> dict | None:
        import re

        got = self.pick("p", lambda s, b: re.search(r"[0-9,]+件", b.text) is not None)
        if not got:
            return None
        s, b = got
        new = re.sub(r"([0-9,]+)件", lambda m: f"{int(m.group(1).replace(',', '')) + self.rng.randint(3, 40) * 10:,}件", b.text, count=1)
        self.set_text(b.uid, None, new)
        return self.record("number", True, s.uid, s.uid, b.text, new)

    def s_sentence_added(self, external: bool = False) -> dict | None:
        got = self.pick("p")
        if not got:
            return None
        s, b = got
        r = self.rng
        if external:
            add = f"令和7年{r.randint(1, 12)}月に国の「{r.choice(NATIONAL)}」が改定されたことを踏まえ、{s.topic or r.choice(OBJECTS)}の取組を見直す。"
        else:
            add = f"{r.choice(SUBJECTS)}の意見を踏まえ、「{self.t.name()}」による{r.choice(OBJECTS)}の支援を新たに実施する。"
        new = b.text + add
        self.set_text(b.uid, None, new)
        return self.record("sentence-added", True, s.uid, s.uid, b.text, new)

    def s_sentence_deleted(self) -> dict | None:
        got = self.pick("p", lambda s, b: b.text.count("。") >= 3)
        if not got:
            return None
        s, b = got
        sents = [x + "。" for x in b.text.split("。") if x]
        k = self.rng.randrange(1, len(sents))
        new = "".join(sents[:k] + sents[k + 1:])
        self.set_text(b.uid, None, new)
        return self.record("sentence-deleted", True, s.uid, s.uid, b.text, new)

    def s_name(self) -> dict | None:
        import re

        got = self.pick("p", lambda s, b: "「" in b.text and any(h in b.text for h in NAME_HEAD))
        if not got:
            return None
        s, b = got
        m = re.search("「(" + "|".join(NAME_HEAD) + ")([^」]+)」", b.text)
        if not m:
            return None
        name = self.t.name()
        while name == m.group(1) + m.group(2):
            name = self.t.name()
        new = b.text[:m.start()] + f"「{name}」" + b.text[m.end():]
        self.set_text(b.uid, None, new)
        return self.record("name-renamed", True, s.uid, s.uid, b.text, new)

    def s_paragraph_added(self) -> dict | None:
        got = self.pick("p")
        if not got:
            return None
        s, b = got
        text = self.t.paragraph(s.topic, 2, 3)
        nsec = self.secs(self.new)[s.uid][1]
        i = next(i for i, x in enumerate(nsec.blocks) if x.uid == b.uid)
        nsec.blocks.insert(i + 1, PBlock(self.uid(), "p", text))
        return self.record("paragraph-added", True, s.uid, s.uid, "", text)

    def s_table(self, what: str) -> dict | None:
        got = self.pick("table")
        if not got:
            return None
        s, b = got
        nb = self.block(self.new, b.uid)[1]
        rows = [list(r) for r in nb.rows]
        r = self.rng
        if what == "cell":
            row = r.randrange(1, len(rows))
            col = len(rows[0]) - 1
            cell = rows[row][col]
            if cell[:-1].isdigit():
                rows[row][col] = f"{int(cell[:-1]) + r.randint(3, 15)}{cell[-1]}"
            else:
                rows[row][col] = r.choice([x for x in ROADMAP if x != cell])
        elif what == "row-added":
            if rows[0][0] == "指標":
                rows.append(self.t.indicator_rows(r.choice(OBJECTS), 2)[2])
            else:
                rows.append(self.t.roadmap_rows(r.choice(OBJECTS), 2)[2])
        else:
            if len(rows) < 3:
                return None
            del rows[r.randrange(1, len(rows))]
        old_rows = {tuple(x) for x in nb.rows}
        new_rows = {tuple(x) for x in rows}
        nb.rows = rows
        # the rows that differ, whole (a diff reports table changes by row)
        rec = self.record(f"table-{what}", True, s.uid, s.uid, "", "")
        rec["before"] = "\n".join("\t".join(x) for x in nb_rows_order(old_rows - new_rows, b.rows))
        rec["after"] = "\n".join("\t".join(x) for x in nb_rows_order(new_rows - old_rows, rows))
        return rec

    def s_section(self, added: bool) -> dict | None:
        cands = [s for _, s in _walk(self.old) if s.role == "shisaku" and s.uid not in self.used_secs
                 and not any(b.uid in self.used_blocks for _, x in _walk(s.children) for b in x.blocks)]
        if not cands:
            return None
        s = self.rng.choice(cands)
        self.reserve(s.uid)
        nsec = self.secs(self.new)[s.uid][1]
        if added:
            title = self.rng.choice(["関係機関との連携", "人材の確保と育成", "情報セキュリティの確保", "区民参加の推進"])
            child = PSec(self.uid(), f"（{len(nsec.children) + 1}）", title,
                         [PBlock(self.uid(), "p", self.t.paragraph(s.topic, 3, 5)) for _ in range(2)], role="part")
            nsec.children.append(child)
            self.used_secs.add(child.uid)
            return self.record("section-added", True, None, child.uid, "", child.heading + "\n" + child.blocks[0].text,
                               structural=True)
        gone = nsec.children.pop()  # the last part: no renumbering of its siblings
        return self.record("section-deleted", True, gone.uid, None, gone.heading + "\n" + (gone.blocks[0].text if gone.blocks else ""),
                           "", structural=True)

    # editorial ------------------------------------------------------
    def e_edit(self) -> dict | None:
        r = self.rng
        kind = r.choices(["replace", "width", "typo", "comma"], [6, 2, 1, 1])[0]
        if kind == "replace":
            got = self.pick("p", lambda s, b: any(a in b.text for a, _ in REPLACEMENTS))
            if not got:
                return None
            s, b = got
            a, c = r.choice([x for x in REPLACEMENTS if x[0] in b.text])
            new = b.text.replace(a, c, 1)
            self.set_text(b.uid, None, new)
            return self.record(f"wording:{a}→{c}", False, s.uid, s.uid, b.text, new)
        if kind == "width":
            import re

            got = self.pick("p", lambda s, b: re.search("[０-９]+", b.text) is not None)
            if not got:
                return None
            s, b = got
            new = re.sub("[０-９]+", lambda m: m.group().translate({ord(x): ord(x) - 0xFEE0 for x in m.group()}), b.text, count=1)
            self.set_text(b.uid, None, new)
            return self.record("width", False, s.uid, s.uid, b.text, new)
        if kind == "typo":
            got = self.pick("p", lambda s, b: any(p + "、" not in b.text and p in b.text[5:] for p in TYPO_PARTICLES))
            if not got:
                return None
            s, b = got
            for p in TYPO_PARTICLES:
                i = b.text.find(p, 5)
                if i > 0:
                    right = b.text
                    typo = right[:i] + p + right[i:]  # doubled particle in 素案, fixed in 案
                    self.set_text(b.uid, typo, None)
                    return self.record("typo", False, s.uid, s.uid, typo, right)
            return None
        got = self.pick("p", lambda s, b: any(b.text.startswith(x) or ("。" + x) in b.text for x in LINKS if x))
        if not got:
            return None
        s, b = got
        for x in LINKS:
            if x and (b.text.startswith(x) or ("。" + x) in b.text):
                new = b.text.replace(x, x[:-1], 1)  # 読点 dropped after a conjunction
                self.set_text(b.uid, None, new)
                return self.record("punctuation", False, s.uid, s.uid, b.text, new)
        return None

    # moved / renamed ------------------------------------------------
    def m_move(self) -> dict | None:
        new_secs = self.secs(self.new)
        cands = [s for _, s in _walk(self.old) if s.role == "shisaku" and s.uid not in self.used_secs
                 and not any(b.uid in self.used_blocks for _, x in _walk([s]) for b in x.blocks)]
        if not cands:
            return None
        s = self.rng.choice(cands)
        path, ns = new_secs[s.uid]
        parent = path[-2]
        policies = [p for _, p in _walk(self.new) if p.role == "policy" and p.children and p.children[0].role == "shisaku"
                    and p.uid != parent.uid]
        if not policies:
            return None
        dest = self.rng.choice(policies)
        parent.children.remove(ns)
        dest.children.insert(self.rng.randint(0, len(dest.children)), ns)
        self.reserve(s.uid)
        return self.record("moved", False, s.uid, s.uid, "", "", structural=True)

    def m_rename(self) -> dict | None:
        cands = [s for _, s in _walk(self.old) if s.role in ("shisaku", "policy", "plain") and s.uid not in self.used_secs
                 and s.number and not any(b.uid in self.used_blocks for b in s.blocks)]
        if not cands:
            return None
        s = self.rng.choice(cands)
        ns = self.secs(self.new)[s.uid][1]
        r = self.rng
        ns.title = r.choice([f"{s.title}に向けた取組", f"{s.topic or r.choice(OBJECTS)}の一層の推進", s.title.replace("の", "等の", 1)
                             if "の" in s.title else s.title + "の推進"])
        self.used_secs.add(s.uid)  # its own blocks stay as they are; its subsections may still be edited
        self.used_blocks.update(b.uid for b in s.blocks)
        return self.record("renamed", False, s.uid, s.uid, s.heading, ns.heading, structural=True)


SUBSTANTIVE_MIX = [("number", 40), ("sentence-added", 30), ("external", 20), ("sentence-deleted", 20), ("table-cell", 30),
                   ("table-row-added", 20), ("table-row-deleted", 5), ("section-added", 10), ("section-deleted", 5),
                   ("name-renamed", 10), ("paragraph-added", 10)]


def _do_substantive(ed: _Editor, kind: str) -> dict | None:
    if kind == "number":
        return ed.s_number()
    if kind in ("sentence-added", "external"):
        return ed.s_sentence_added(external=kind == "external")
    if kind == "sentence-deleted":
        return ed.s_sentence_deleted()
    if kind.startswith("table-"):
        return ed.s_table(kind[len("table-"):])
    if kind.startswith("section-"):
        return ed.s_section(added=kind == "section-added")
    if kind == "name-renamed":
        return ed.s_name()
    return ed.s_paragraph_added()


# ---------------------------------------------------------------- to Document


def _to_document(tree: list[PSec], version: str) -> tuple[Document, dict[int, SectionPath]]:
    """The revtool Document of a plan model, printed pages counted at
    ``CHARS_PER_PAGE`` (a chapter starts a page), and each section's path by uid."""
    paths: dict[int, SectionPath] = {}
    pos = [0, 1]  # chars on the current page, current page

    def advance(n: int) -> PageSpan:
        first = pos[1]
        pos[0] += n
        while pos[0] >= PAGE_CHARS:
            pos[0] -= PAGE_CHARS
            pos[1] += 1
        return PageSpan(first, pos[1])

    def conv(s: PSec, parent: SectionPath, level: int) -> Section:
        if level == 1 and pos[0]:
            pos[0], pos[1] = 0, pos[1] + 1
        path = parent + (s.heading,)
        paths[s.uid] = path
        first = pos[1]
        advance(len(s.heading) + 20)
        blocks = []
        for b in s.blocks:
            if b.kind == "table":
                t = Table.from_texts(b.rows)
                blocks.append(Block(BlockKind.TABLE, t.as_text(), table=t, pages=advance(len(t.as_text()) + 10 * len(b.rows))))
            elif b.kind == "item":
                blocks.append(Block(BlockKind.LIST, b.text, label=b.text[0], pages=advance(len(b.text))))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, b.text, pages=advance(len(b.text))))
        children = tuple(conv(c, path, level + 1) for c in s.children)
        m = parse_marker(s.heading)
        return Section(s.heading, m.number if m else "", m.title if m else s.heading, level, m.kind if m else "",
                       tuple(blocks), children, PageSpan(first, pos[1]))

    secs = tuple(conv(s, (), 1) for s in tree)
    return Document(title=f"ベンチマーク区総合計画（{version}）", sections=secs), paths


# ---------------------------------------------------------------- comments


def _ref(path: SectionPath, doc: dict[SectionPath, Section], rng: random.Random) -> str:
    sec = doc.get(path)
    page = sec.pages.first if sec is not None and sec.pages else 1
    leaf = path[-1]
    style = rng.randrange(5)
    p = rng.choice(["P.", "P. ", "Ｐ．", "p."])
    if style == 0:
        return f"{p}{page}"
    if style == 1:
        return f"{p}{page}（{leaf}）"
    if style == 2:
        return " ".join(path[-2:])
    if style == 3:
        return f"{p}{page} {path[0]}"
    return leaf


OPINIONS = [
    "{obj}について、{subj}にも分かりやすい説明を加えてほしい。",
    "{obj}の取組は重要であり、着実に進めてほしい。",
    "{obj}の目標値が低いのではないか。もっと意欲的な目標を設定すべきである。",
    "{subj}の視点が足りないと感じる。{obj}に{subj}の意見を反映させる仕組みをつくってほしい。",
    "{obj}を進めるに当たり、デジタルに不慣れな{subj}への支援を充実してほしい。",
    "{place}での{obj}の実施状況を、区民に定期的に公表してほしい。",
    "{obj}にかかる費用と効果を明らかにすべきである。",
    "「{name}」は名称が分かりにくい。",
]
ANSWERS = {
    "既記載": ["ご意見の趣旨は、{leaf}に記載しております。", "{obj}については、既に計画に位置付けており、着実に取り組んでまいります。",
             "ご指摘の点は、素案の{leaf}において既に記載しています。"],
    "参考": ["いただいたご意見は、今後の取組の参考とさせていただきます。", "{obj}の実施に当たっての参考とさせていただきます。",
           "ご意見として承り、今後の事業運営の参考にいたします。"],
    "不反映": ["{obj}については、国の動向を踏まえて検討する必要があるため、原案のとおりとします。",
            "現時点では計画への記載は考えておりません。原案のとおりとします。"],
    "その他": ["ご質問の件は、担当課から個別に回答いたします。", "ご意見ありがとうございました。"],
}
REFLECT = {
    "number": ("{leaf}の目標値を見直すべきである。", "ご意見を踏まえ、目標を「{after}」に修正しました。"),
    "sentence-added": ("{obj}について、具体的な取組を記載してほしい。", "ご意見を踏まえ、「{after}」を追記しました。"),
    "sentence-deleted": ("{leaf}の「{before}」という記述は不要ではないか。", "ご意見を踏まえ、当該記述を削除しました。"),
    "table-cell": ("{leaf}の成果指標の目標値を引き上げてほしい。", "ご意見を踏まえ、{leaf}の表を修正しました。"),
    "table-row-added": ("{leaf}に指標を追加してほしい。", "ご意見を踏まえ、{leaf}の表に「{after}」を追加しました。"),
    "table-row-deleted": ("{leaf}の表の項目は整理すべきである。", "ご意見を踏まえ、{leaf}の表を修正しました。"),
    "section-added": ("{leaf}に{obj}の項目を設けてほしい。", "ご意見を踏まえ、項目を追加しました。"),
    "section-deleted": ("{leaf}の記述は他の施策と重複している。", "ご意見を踏まえ、重複する項目を削除しました。"),
    "name-renamed": ("「{before}」という名称は分かりにくい。", "ご意見を踏まえ、名称を「{after}」に改めました。"),
    "paragraph-added": ("{obj}の取組について、もっと詳しく書いてほしい。", "ご意見を踏まえ、{leaf}に記載を追加しました。"),
}


def _core(s: str, n: int = 24) -> str:
    s = s.replace("\n", " ").replace("\t", " ").replace("「", "").replace("」", "")
    return s[:n]


def _make_comments(rng: random.Random, n_total: int, subs: list[GroundEdit], old: Document) -> tuple[list[GroundComment], dict[str, list[str]]]:
    """別紙1 rows: 反映 ones for the comment-caused edits (1-2 each), the rest
    既記載/参考/不反映/その他 on random sections, shuffled into a table order."""
    t = _Text(rng)
    by_path = dict(old.walk())
    drafts: list[tuple[str, str, str, str, SectionPath, tuple[str, ...]]] = []
    for e in subs:
        if e.cause != "comment":
            continue
        path = e.old_path or e.new_path[:-1]
        leaf = path[-1]
        for k in range(rng.choice([1, 1, 1, 2])):
            op, ans = REFLECT[e.kind if e.kind in REFLECT else "sentence-added"]
            fill = dict(leaf=leaf, obj=rng.choice(OBJECTS), before=_core(e.before), after=_core(e.after))
            opinion = op.format(**fill) if k == 0 else OPINIONS[rng.randrange(len(OPINIONS))].format(
                obj=fill["obj"], subj=rng.choice(SUBJECTS), place=rng.choice(PLACES), name=t.name())
            drafts.append((opinion, ans.format(**fill), "反映", _ref(path, by_path, rng), path, (e.id,)))
    sections = [p for p, s in old.walk() if s.blocks]
    rest = n_total - len(drafts)
    weights = {"既記載": 0.38, "参考": 0.34, "不反映": 0.22, "その他": 0.06}
    kinds = [k for k, w in weights.items() for _ in range(round(w * rest))]
    kinds = (kinds + ["参考"] * rest)[:rest]
    for k in kinds:
        path = rng.choice(sections)
        fill = dict(leaf=path[-1], obj=rng.choice(OBJECTS), subj=rng.choice(SUBJECTS), place=rng.choice(PLACES), name=t.name())
        opinion = rng.choice(OPINIONS).format(**fill)
        if rng.random() < 0.3:
            opinion += rng.choice(OPINIONS).format(**{**fill, "obj": rng.choice(OBJECTS)})
        drafts.append((opinion, rng.choice(ANSWERS[k]).format(**fill), k, _ref(path, by_path, rng), path, ()))
    rng.shuffle(drafts)
    comments = []
    by_edit: dict[str, list[str]] = {}
    for i, (op, ans, typ, ref, path, eids) in enumerate(drafts, 1):
        cid = f"C{i:02d}"
        comments.append(GroundComment(cid, i, ref, op, ans, typ, path, eids))
        for e in eids:
            by_edit.setdefault(e, []).append(cid)
    return comments, by_edit


# ---------------------------------------------------------------- generate


def generate(pages: int = 300, seed: int = 1) -> ScalePair:
    want = counts(pages)
    rng = random.Random(seed)
    base = _build(rng, want["chars"])
    ed = _Editor(rng, base)
    # structure first (it reserves whole sections), then substantive, then editorial
    n_move = want["moved"]
    for i in range(n_move):
        for k in range(6):
            if (ed.m_move() if (i + k) % 2 == 0 else ed.m_rename()) is not None:
                break
    mix = [k for k, w in SUBSTANTIVE_MIX for _ in range(w)]
    plan = [mix[round(i * len(mix) / want["substantive"]) % len(mix)] for i in range(want["substantive"])]
    rng.shuffle(plan)
    for kind in plan:
        for attempt in range(5):
            if _do_substantive(ed, kind if attempt < 3 else "sentence-added") is not None:
                break
    done_ed = 0
    for _ in range(want["editorial"] * 20):
        if done_ed == want["editorial"]:
            break
        if ed.e_edit() is not None:
            done_ed += 1

    old_doc, old_paths = _to_document(ed.old, "素案")
    new_doc, new_paths = _to_document(ed.new, "案")
    edits: list[GroundEdit] = []
    ns = ne = nm = 0
    causes = ["comment"] * 70 + ["external"] * 15 + ["internal"] * 15
    for rec in ed.records:
        op = old_paths.get(rec["old_sec"], ()) if rec["old_sec"] is not None else ()
        np_ = new_paths.get(rec["new_sec"], ()) if rec["new_sec"] is not None else ()
        if rec["kind"] in ("moved", "renamed"):
            nm += 1
            eid = f"M{nm}"
            cause = ""
        elif rec["substantive"]:
            ns += 1
            eid = f"S{ns}"
            cause = "external" if "国の「" in rec["after"] and "改定" in rec["after"] else (
                "comment" if rng.choice(causes) != "internal" else "internal")
        else:
            ne += 1
            eid = f"E{ne}"
            cause = ""
        edits.append(GroundEdit(eid, rec["kind"], rec["substantive"], op, np_, rec["before"], rec["after"], cause))
    comments, by_edit = _make_comments(rng, want["comments"], [e for e in edits if e.id.startswith("S")], old_doc)
    edits = [GroundEdit(**{**asdict(e), "old_path": e.old_path, "new_path": e.new_path,
                           "comment_ids": tuple(by_edit.get(e.id, ()))}) for e in edits]
    return ScalePair(pages, seed, old_doc, new_doc, tuple(edits), tuple(comments))


# ---------------------------------------------------------------- matching a diff to the truth


def match_changes(pair: ScalePair, changes) -> dict[str, int]:
    """How a diff's ``Change``s compare with the ground truth.

    A content edit is found when a change in the same section (old or new
    path) shows its changed span (``before`` in old_text or ``after`` in
    new_text, whitespace ignored). Returns counts: substantive edits found
    and found as substantive, editorial edits shown and misclassified as
    substantive, structural edits (moves/renames) seen, and the changes that
    match no edit at all (false alarms)."""
    def key(s: str) -> str:
        return "".join(s.replace("|", " ").split())

    by_path: dict[SectionPath, list] = {}
    for c in changes:
        for p in {tuple(c.section_path), tuple(c.old_section_path)}:
            by_path.setdefault(p, []).append(c)
    matched: set[int] = set()
    out = {"substantive": 0, "substantive_found": 0, "substantive_as_substantive": 0,
           "editorial": 0, "editorial_shown": 0, "editorial_as_substantive": 0,
           "moved": 0, "moved_seen": 0, "changes": len(changes), "unmatched_changes": 0}
    for e in pair.edits:
        group = "moved" if e.id.startswith("M") else "substantive" if e.substantive else "editorial"
        out[group] += 1
        cands = by_path.get(e.new_path, []) + by_path.get(e.old_path, [])
        hit = None
        b, a = key(e.before), key(e.after)
        if group != "moved":
            # the change showing the most of the edit: both sides, then the longer one
            # (a short context alone can occur in a neighbouring paragraph's change)
            def shown(c) -> int:
                ot, nt = key(c.old_text), key(c.new_text)
                return (len(b) if b and b in ot and b not in nt else 0) + (len(a) if a and a in nt and a not in ot else 0)
            cands = sorted(cands, key=shown, reverse=True)
        for c in cands:
            if group == "moved":
                if c.kind.value in ("moved", "renamed") and tuple(c.old_section_path) == e.old_path \
                        and tuple(c.section_path) == e.new_path:
                    hit = c  # the section itself paired across its two places
                    break
                continue
            ot, nt = key(c.old_text), key(c.new_text)
            if (b and b in ot and (not a or a not in ot)) or (a and a in nt and (not b or b not in nt)):
                hit = c
                break
            if e.kind.startswith("table-") and ((ot and ot != nt and ot in b) or (nt and nt != ot and nt in a)):
                hit = c  # a cell or row change inside the changed rows
                break
            if e.kind.startswith("section-") and c.kind.value in ("added", "deleted"):
                hit = c
                break
        if hit is None:
            continue
        matched.add(id(hit))
        if group == "moved":
            out["moved_seen"] += 1
        elif group == "substantive":
            out["substantive_found"] += 1
            out["substantive_as_substantive"] += bool(hit.substantive)
        else:
            out["editorial_shown"] += 1
            out["editorial_as_substantive"] += bool(hit.substantive)
    out["unmatched_changes"] = sum(1 for c in changes if id(c) not in matched)
    out["unmatched_substantive"] = sum(1 for c in changes if id(c) not in matched and c.substantive)
    return out


# ---------------------------------------------------------------- files


def write_docx(doc: Document, path: Path) -> None:
    """The document as a DOCX a 自治体 would write: Heading 1-4 with the number
    typed in the text, a chapter per page, grid tables with a header row, a
    ``- n -`` PAGE field in the footer. Deterministic bytes (fixed properties)."""
    import datetime
    import io
    import zipfile

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(0)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin = sec.bottom_margin = Mm(22)
    sec.left_margin = sec.right_margin = Mm(25)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("- ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None)):
        r = OxmlElement("w:r")
        if kind:
            c = OxmlElement("w:fldChar")
            c.set(qn("w:fldCharType"), kind)
            r.append(c)
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = text
            r.append(it)
        fp._p.append(r)
    fp.add_run("1")
    r = OxmlElement("w:r")
    c = OxmlElement("w:fldChar")
    c.set(qn("w:fldCharType"), "end")
    r.append(c)
    fp._p.append(r)
    fp.add_run(" -")
    # The body is written as WordprocessingML text (python-docx's add_table and
    # cell.text take a minute for 300 pages); styles, footer and sectPr come
    # from python-docx's template.
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def para(text: str, style: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    parts = [para(doc.title, "Title")]
    width = 8500  # twips between the margins

    def visit(s: Section, level: int, first: bool) -> None:
        if level == 1 and not first:
            parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        parts.append(para(s.heading, f"Heading{min(level, 4)}"))
        for b in s.blocks:
            if b.kind is BlockKind.TABLE and b.table is not None:
                rows = b.table.texts()
                cols = max(len(r) for r in rows)
                w = width // cols
                parts.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{w * cols}" w:type="dxa"/>'
                             '</w:tblPr><w:tblGrid>' + f'<w:gridCol w:w="{w}"/>' * cols + '</w:tblGrid>')
                for i, row in enumerate(rows):
                    head = '<w:trPr><w:tblHeader/></w:trPr>' if i == 0 else ""
                    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{para(t)}</w:tc>' for t in row)
                    parts.append(f"<w:tr>{head}{cells}</w:tr>")
                parts.append("</w:tbl>" + para(""))
            else:
                parts.append(para(b.text))
        for c in s.children:
            visit(c, level + 1, False)

    for i, s in enumerate(doc.sections):
        visit(s, 1, i == 0)
    body = d.element.body
    sect = body[-1]
    for child in list(parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")):
        sect.addprevious(child)
    cp = d.core_properties
    cp.author = cp.last_modified_by = "revtool benchmarks"
    cp.created = cp.modified = datetime.datetime(2025, 1, 1)
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    Path(path).write_bytes(out.getvalue())


WARD_TSV_TITLE = "素案に対する主な意見の概要及びそれに対する区の考え方"
WARD_TSV_HEAD = "素案該当箇所\t主な意見\t区の考え方"


def write_tsv_table(rows: Iterable[tuple[str, str, str]], path: Path, title: str = WARD_TSV_TITLE,
                    head: str = WARD_TSV_HEAD) -> None:
    """別紙1 as TSV: a title line, the header row, one row per comment (該当箇所, 意見, 考え方);
    a tab or line break inside a cell becomes a space."""
    def cell(s: str) -> str:
        return s.replace("\t", " ").replace("\n", " ")

    lines = [title, head] + [f"{cell(ref)}\t{cell(opinion)}\t{cell(response)}" for ref, opinion, response in rows]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_comments_tsv(pair: ScalePair, path: Path) -> None:
    """The scale pair's 別紙1 as TSV (``write_tsv_table``)."""
    write_tsv_table(((c.ref, c.opinion, c.response) for c in pair.comments), path)


def write_all(pair: ScalePair, outdir: Path) -> dict[str, Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    files = {"soan": outdir / "soan.docx", "an": outdir / "an.docx", "comments": outdir / "bessi1.tsv",
             "truth": outdir / "truth.json"}
    write_docx(pair.old, files["soan"])
    write_docx(pair.new, files["an"])
    write_comments_tsv(pair, files["comments"])
    files["truth"].write_text(json.dumps(pair.truth_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 300
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    pair = generate(pages, seed)
    files = write_all(pair, Path(argv[0]))
    print(json.dumps(pair.counts(), ensure_ascii=False), *(str(p) for p in files.values()), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
