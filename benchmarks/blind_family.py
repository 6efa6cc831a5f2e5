"""A BLIND plan family for the 別紙2 accuracy check (issue 11): a prefecture's
環境基本計画, written without reading revtool's change/comment/compare code or
the editing/comment code of ``benchmarks/families.py``.

Its own shape (第1章 / 第1節 / 1 / （1） / ①), its own vocabulary (climate,
waste, nature, air/water, environmental education), 主な事業 tables with
現状値/目標値/担当課, a 施策の体系 table, and the decisions a real revision has
(a national plan revised and quoted in two places, a 目標値 raised, a sentence
or a ① item added in answer to a comment, a 施策 renamed, a 事業 added, an
indicator reworded, a sentence deleted, a division renamed, two ① items
swapped) plus editorial edits that must not become rows (子ども→こども,
等→など, 行います→します, typo fixes, 読点, full-width digits).

Files written are the ones ``benchmarks.families.write_plan`` writes
(soan/an DOCX+PDF, bessi1.tsv, expected.json in the scorer's schema), so
``benchmarks.accuracy_score`` scores it unchanged. Run it with
``python -m benchmarks.blind_accuracy``.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import CHARS_PER_LINE, PrintLine, lay_out, tree_lines, write_pdf
from benchmarks.scale import PBlock, PSec, _to_document, write_docx

BLIND_TUNING_SEEDS = (7001, 7002, 7003)
"""Measured blind once (main 96121b8), then studied to fix the tool (from 00:00 UTC, session 3)."""
BLIND_SEEDS = (7101, 7102, 7103)
"""Held out: only measured (ACCURACY.md's blind section), never studied."""
PREF = ["みずほ県", "あさひ県", "やまなみ県"]

# ---------------------------------------------------------------- vocabulary

SETSU = [  # 第3章 節: (title, [(施策 title, [terms])])
    ("脱炭素社会の実現", [
        ("再生可能エネルギーの導入拡大", ["太陽光発電", "小水力発電", "木質バイオマス発電", "営農型太陽光発電", "地域マイクログリッド"]),
        ("省エネルギー対策の推進", ["住宅の断熱改修", "ZEH・ZEB", "高効率空調設備", "エコドライブ", "次世代自動車"]),
        ("気候変動への適応", ["熱中症対策", "豪雨災害への備え", "農作物の高温障害", "渇水対策", "クーリングシェルター"]),
    ]),
    ("循環型社会の形成", [
        ("廃棄物の発生抑制と資源化", ["食品ロス", "生ごみの堆肥化", "リユース", "資源回収拠点", "分別収集"]),
        ("プラスチック資源循環の推進", ["ワンウェイプラスチック", "海洋プラスチックごみ", "プラスチック一括回収", "バイオマスプラスチック"]),
        ("産業廃棄物の適正処理", ["不法投棄", "電子マニフェスト", "排出事業者", "最終処分場", "PCB廃棄物"]),
    ]),
    ("自然と共生する社会の実現", [
        ("生物多様性の保全", ["希少野生動植物", "外来種", "里地里山", "自然公園", "生態系ネットワーク"]),
        ("森林の整備と保全", ["間伐", "森林環境譲与税", "県産材", "保安林", "森林ボランティア"]),
        ("水辺環境の再生", ["干潟", "河川の多自然川づくり", "ため池", "藻場", "湧水"]),
    ]),
    ("安全・安心な生活環境の確保", [
        ("大気環境の保全", ["光化学オキシダント", "PM2.5", "アスベスト", "騒音・振動", "悪臭"]),
        ("水環境の保全", ["生活排水対策", "浄化槽", "地下水汚染", "湖沼の水質", "海域の富栄養化"]),
        ("化学物質の適正管理", ["PRTR制度", "ダイオキシン類", "土壌汚染", "PFAS", "農薬の適正使用"]),
    ]),
    ("環境を守り育てる人づくり", [
        ("環境教育・環境学習の推進", ["環境学習出前講座", "こどもエコクラブ", "環境アドバイザー", "自然観察会", "学校ビオトープ"]),
        ("県民・事業者との協働", ["環境保全活動団体", "環境マネジメントシステム", "グリーン購入", "ESG金融", "地域循環共生圏"]),
    ]),
]

SENT = [
    "{t}については、市町村や事業者と連携しながら、地域の実情に応じた取組を進める必要があります。",
    "県内における{t}の実績は増加傾向にあるものの、地域によって取組の進み具合に差が見られます。",
    "{t}の普及に向けて、県民等への情報提供や技術的な助言に取り組みます。",
    "今後は、{t}に関するデータを収集・分析し、効果的な施策の立案につなげていきます。",
    "特に、{t}については中山間地域や島しょ部での課題が大きく、きめ細かな対応が求められています。",
    "子どもから高齢者まで幅広い世代が{t}について学ぶ機会を設けます。",
    "令和５年度の調査では、{t}に取り組んでいる事業所は約３割にとどまっています。",
    "{t}の状況については、定期的に点検を行います。",
    "国の動向を注視しつつ、{t}に係る制度の周知と相談対応の充実を図ります。",
    "{t}の推進にあたっては、県、市町村、事業者、NPO等の各主体が役割を分担することが重要です。",
]
ITEM = [
    "{t}に取り組む市町村に対し、計画づくりや事業実施の費用の一部を助成します。",
    "{t}に関する研修会を開催し、市町村職員や事業者の人材育成を進めます。",
    "{t}の実態を把握するため、県内全域を対象とした調査を実施します。",
    "大学や研究機関と連携し、{t}に関する新たな技術の実証を進めます。",
    "{t}について、県のホームページやSNSを活用した情報発信を強化します。",
    "{t}に関する新たな支援制度の創設を検討します。",
]
JIGYO_IND = [("{t}推進事業", "取組市町村数", "{a}市町村", "{b}市町村"),
             ("{t}支援事業", "支援件数（累計）", "{a}件", "{b}件"),
             ("{t}普及啓発事業", "講座等の参加者数", "{a}人", "{b}人"),
             ("{t}対策事業", "実施率", "{a}%", "{b}%")]
DIVISIONS = ["温暖化対策課", "循環型社会推進課", "自然環境課", "水・大気環境課", "環境学習推進室", "森林整備課"]
NEW_ASPECT = ["障害のある方や外国人県民", "中小企業の負担軽減", "災害時のエネルギー確保", "景観や生態系への影響",
              "若い世代の参画", "観光分野との連携", "農林水産業への影響", "デジタル技術の活用"]
NEW_ITEM = [("「{t}」に関する相談窓口", "県民や事業者からの{t}に関する相談に応じる「{t}相談窓口」を県の地域振興局に設置します。"),
            ("{t}の見える化", "{t}の状況を地図上に表示する「{t}マップ」を作成し、県民に分かりやすく公表します。"),
            ("{t}の担い手育成", "{t}の担い手となる人材を育成するため、「{t}リーダー養成講座」を新たに開講します。")]
LAWS = [  # (old name, old date, new name, new date, what)
    ("第五次環境基本計画", "平成30年4月", "第六次環境基本計画", "令和6年5月", "環境基本計画"),
    ("第四次循環型社会形成推進基本計画", "平成30年6月", "第五次循環型社会形成推進基本計画", "令和6年8月", "循環型社会形成推進基本計画"),
    ("生物多様性国家戦略2012-2020", "平成24年9月", "生物多様性国家戦略2023-2030", "令和5年3月", "生物多様性国家戦略"),
]
TYPOS = {"推進": "推准", "削減": "削滅", "整備": "整傭", "連携": "連撨", "取組": "取祖", "普及": "普汲"}
DELETABLE = ["なお、「{t}モデル事業」については、令和6年度をもって国の補助制度が終了したため、県単独事業として継続するか検討します。",
             "また、{t}については、令和7年度に「{t}実態調査」を実施する予定です。"]


# ---------------------------------------------------------------- model


@dataclass
class Place:
    what: str  # b (text offset) | t (table row) | h (heading)
    uid: int
    at: int = 0


@dataclass
class Decision:
    id: str
    kind: str
    summary: str
    must: list[str]
    places: list[Place]
    cause: str  # comment | external | internal
    comment_ids: list[str] = field(default_factory=list)
    anchor: int = 0  # the 施策/節 uid a comment refers to


@dataclass
class Edit:
    id: str
    kind: str
    block: int
    before: str
    after: str
    core_before: str
    core_after: str
    at: int


@dataclass
class BlindPlan:
    seed: int
    old: list[PSec]
    new: list[PSec]
    decisions: list[Decision]
    editorial: list[Edit]
    comments: list[dict]
    title: str


class _Uid:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


def walk(tree: list[PSec], parent: tuple[PSec, ...] = ()):
    for s in tree:
        yield parent + (s,), s
        yield from walk(s.children, parent + (s,))


def _build(rng: random.Random, uid: _Uid, pref: str, seed: int) -> tuple[list[PSec], dict]:
    """The 素案 tree and handles (law places, taikei table, measures)."""
    law = LAWS[seed % len(LAWS)]  # each of 3 consecutive seeds revises a different national plan
    others = [x for x in LAWS if x is not law]

    def sents(terms: list[str], lo: int, hi: int) -> str:
        return "".join(rng.choice(SENT).format(t=rng.choice(terms)) for _ in range(rng.randint(lo, hi)))

    ghg = rng.choice([40, 46, 48])
    gen_terms = ["環境保全", "温室効果ガスの削減", "資源の循環利用", "自然環境の保全", "環境学習"]
    p_law1 = PBlock(uid(), "p", f"本計画は、{pref}環境基本条例第9条に基づき策定するもので、国の「{law[0]}」（{law[1]}閣議決定）"
                                f"及び「{others[0][0]}」を踏まえ、本県の環境行政の基本的な方向を示すものです。")
    p_law2 = PBlock(uid(), "p", f"国は、{law[1]}に「{law[0]}」を策定し、{law[4]}に基づく取組を総合的に推進しています。"
                                f"また、{others[1][1]}には「{others[1][0]}」が策定されています。")
    ch1 = PSec(uid(), "第1章", "計画の基本的事項", children=[
        PSec(uid(), "第1節", "計画策定の趣旨", [PBlock(uid(), "p", sents(gen_terms, 3, 4)) for _ in range(2)]),
        PSec(uid(), "第2節", "計画の位置付け", [p_law1, PBlock(uid(), "p", sents(gen_terms, 2, 3))]),
        PSec(uid(), "第3節", "計画の期間", [PBlock(uid(), "p", "本計画の期間は、令和８年度から令和12年度までの５年間とします。")]),
    ])
    ch2 = PSec(uid(), "第2章", "環境の現状と課題", children=[
        PSec(uid(), "第1節", "国内外の動向", children=[
            PSec(uid(), "1\u3000", "国の動向", [p_law2, PBlock(uid(), "p", sents(gen_terms, 2, 4))]),
            PSec(uid(), "2\u3000", "国際的な動向", [PBlock(uid(), "p", sents(gen_terms, 3, 4))]),
        ]),
        PSec(uid(), "第2節", "本県の環境の現状", children=[
            PSec(uid(), f"{i + 1}\u3000", t, [PBlock(uid(), "p", sents(ts, 3, 5)) for _ in range(2)]
                 + ([PBlock(uid(), "p", f"本県では、令和12年度までに県内の温室効果ガス排出量を平成25年度比で{ghg}%削減することを"
                                        "目標としています。")] if i == 0 else []))
            for i, (t, ts) in enumerate([("気候変動", SETSU[0][1][0][1]), ("資源循環", SETSU[1][1][0][1]),
                                         ("自然環境", SETSU[2][1][0][1]), ("生活環境", SETSU[3][1][0][1])])]),
    ])
    measures: list[tuple[PSec, list[str], PSec, PSec, PSec, PBlock]] = []
    setsu_nodes = []
    taikei_rows = [["基本方針", "番号", "施策"]]
    for si, (stitle, shisaku) in enumerate(SETSU):
        chosen = list(shisaku) if rng.random() < 0.7 else rng.sample(shisaku, 2)
        kids = []
        for mi, (mtitle, terms) in enumerate(chosen):
            cur = PSec(uid(), "（1）", "現状と課題", [PBlock(uid(), "p", sents(terms, 3, 6)) for _ in range(rng.randint(2, 4))])
            items = rng.sample(ITEM, rng.randint(3, 4))
            torikumi = PSec(uid(), "（2）", "主な取組",
                            [PBlock(uid(), "item", "①②③④⑤⑥"[k] + it.format(t=rng.choice(terms))) for k, it in enumerate(items)])
            rows = [["主な事業", "指標", "現状値（令和6年度）", "目標値（令和12年度）", "担当課"]]
            div = DIVISIONS[si] if si < 5 else DIVISIONS[-1]
            for t, (nm, ind, a, b) in zip(rng.sample(terms, rng.randint(2, 3)), rng.sample(JIGYO_IND, 3)):
                av = rng.randint(10, 60)
                rows.append([nm.format(t=t), ind, a.format(a=av), b.format(b=av + rng.choice([10, 15, 20])), div])
            table = PBlock(uid(), "table", rows=rows)
            jigyo = PSec(uid(), "（3）", "主な事業と目標値", [PBlock(uid(), "p", f"本施策の主な事業と目標値は次のとおりです。"), table])
            m = PSec(uid(), f"{mi + 1}\u3000", mtitle, [], children=[cur, torikumi, jigyo], topic=terms[0])
            measures.append((m, terms, cur, torikumi, jigyo, table))
            kids.append(m)
            taikei_rows.append([f"第{si + 1}節\u3000{stitle}", str(mi + 1), mtitle])
        s = PSec(uid(), f"第{si + 1}節", stitle, [PBlock(uid(), "p", sents(gen_terms, 1, 2))], children=kids)
        setsu_nodes.append(s)
    taikei = PBlock(uid(), "table", rows=taikei_rows)
    ch3 = PSec(uid(), "第3章", "施策の展開", [PBlock(uid(), "p", "本計画では、次の施策の体系に基づき施策を展開します。"), taikei],
               children=setsu_nodes)
    p_org = PBlock(uid(), "p", f"計画の推進にあたっては、知事を本部長とする「{pref}環境政策推進本部」のもと、環境森林部環境政策課が"
                               "総合調整を担い、関係部局が連携して施策を推進します。")
    ch4 = PSec(uid(), "第4章", "計画の推進", children=[
        PSec(uid(), "第1節", "推進体制", [p_org, PBlock(uid(), "p", sents(gen_terms, 2, 3))]),
        PSec(uid(), "第2節", "進行管理", [PBlock(uid(), "p", "計画の進捗状況は、毎年度、環境審議会に報告し、その意見を施策に反映します。"
                                                        + sents(gen_terms, 1, 2))]),
    ])
    return [ch1, ch2, ch3, ch4], {"ghg": ch2.children[1].children[0].blocks[-1], "law": law, "law_blocks": (p_law1.uid, p_law2.uid), "taikei": taikei,
                                  "measures": measures, "org": p_org, "setsu": setsu_nodes}


# ---------------------------------------------------------------- edits


def _find(tree: list[PSec], uid: int) -> tuple[tuple[PSec, ...], PSec | PBlock]:
    for p, s in walk(tree):
        if s.uid == uid:
            return p, s
        for b in s.blocks:
            if b.uid == uid:
                return p, b
    raise KeyError(uid)


def _ctx(a: str, b: str, n: int = 8) -> tuple[str, str, str, str, int]:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    ca, cb = a[i:len(a) - j], b[i:len(b) - j]
    s = max(0, i - n)
    return a[s:len(a) - j + n], b[s:len(b) - j + n], ca, cb, i


class _Reviser:
    def __init__(self, rng: random.Random, old: list[PSec], h: dict, uid: _Uid, pref: str) -> None:
        self.rng, self.old, self.h, self.uid, self.pref = rng, old, h, uid, pref
        self.new = copy.deepcopy(old)
        self.used: set[int] = set()  # block/section uids touched by a decision
        self.decisions: list[Decision] = []
        self.editorial: list[Edit] = []

    def n(self, uid: int):
        return _find(self.new, uid)[1]

    def add(self, kind: str, summary: str, must: list[str], places: list[Place], cause: str, anchor: int) -> None:
        self.decisions.append(Decision(f"R{len(self.decisions) + 1}", kind, summary, must, places, cause, anchor=anchor))

    def free_measures(self):
        return [m for m in self.h["measures"] if m[0].uid not in self.used]

    def take(self):
        ms = self.free_measures()
        m = self.rng.choice(ms)
        self.used.add(m[0].uid)
        return m

    # -- decisions
    def law(self) -> None:
        old, od, new, nd, what = self.h["law"]
        places = []
        for u in self.h["law_blocks"]:
            b = self.n(u)
            places.append(Place("b", u, b.text.index(old)))
            b.text = b.text.replace(f"「{old}」（{od}閣議決定）", f"「{new}」（{nd}閣議決定）").replace(
                f"{od}に「{old}」", f"{nd}に「{new}」")
            self.used.add(u)
        self.add("law_revision", f"{nd}に国の「{new}」が策定されたため、「{old}」としていた記述を「{new}」に更新",
                 [new], places, "external", 0)

    def target(self, cause: str) -> None:
        m, terms, cur, tor, jig, table = self.take()
        t = self.n(table.uid)
        i = self.rng.randrange(1, len(t.rows))
        old = t.rows[i][3]
        num = int("".join(c for c in old if c.isdigit()))
        unit = old[len(str(num)):]
        new = f"{num + self.rng.choice([5, 10, 20])}{unit}"
        t.rows[i][3] = new
        self.add("target_raised", f"「{t.rows[i][0]}」の目標値を上方修正（{old} → {new}）", [old, new],
                 [Place("t", table.uid, i)], cause, m.uid)

    def indicator(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        t = self.n(table.uid)
        i = self.rng.randrange(1, len(t.rows))
        old = t.rows[i][1]
        new = {"取組市町村数": "取組を実施した市町村の割合", "支援件数（累計）": "支援を受けた事業者数（累計）",
               "講座等の参加者数": "講座等の参加者の満足度", "実施率": "実施した事業所の割合"}[old]
        t.rows[i][1] = new
        self.add("indicator_changed", f"「{t.rows[i][0]}」の指標を「{old}」から「{new}」に変更", [new],
                 [Place("t", table.uid, i)], "comment", m.uid)

    def jigyo(self, cause: str) -> None:
        m, terms, cur, tor, jig, table = self.take()
        t = self.n(table.uid)
        existing = {r[0] for r in t.rows}
        nm, ind, a, b = self.rng.choice(JIGYO_IND)
        term = next((x for x in terms if nm.format(t=x) not in existing), terms[0])
        name = "（新規）" + nm.format(t=term)
        t.rows.append([name, ind, "－", b.format(b=self.rng.randint(20, 50)), t.rows[1][4]])
        self.add("jigyo_added", f"主な事業に「{name}」を追加", [nm.format(t=term)],
                 [Place("t", table.uid, len(t.rows) - 1)], cause, m.uid)

    def sentence(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        b = self.n(self.rng.choice(cur.blocks).uid)
        asp = self.rng.choice(NEW_ASPECT)
        s = f"また、{terms[0]}の取組にあたっては、{asp}の視点も踏まえて進めます。"
        at = len(b.text)
        b.text += s
        self.used.add(b.uid)
        self.add("sentence_added", f"{asp}の視点を踏まえて取組を進める旨を追記", [asp], [Place("b", b.uid, at)],
                 "comment", m.uid)

    def item(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        sec = self.n(tor.uid)
        title, text = self.rng.choice(NEW_ITEM)
        term = self.rng.choice(terms)
        nb = PBlock(self.uid(), "item", "①②③④⑤⑥"[len(sec.blocks)] + text.format(t=term))
        sec.blocks.append(nb)
        key = text.format(t=term).split("「")[1].split("」")[0]  # the name the new item introduces
        self.add("item_added", f"主な取組に「{key}」（{title.format(t=term)}）を追加", [key], [Place("b", nb.uid, 0)], "comment", m.uid)

    def rename(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        node = self.n(m.uid)
        old = node.title
        new = {"の推進": "の加速化", "の保全": "の保全と再生"}.get(old[-3:], "")
        new = old[:-3] + new if new else old + "と" + self.rng.choice(["地域づくり", "担い手の確保", "情報発信"])
        node.title = new
        tk = self.n(self.h["taikei"].uid)
        i = next(i for i, r in enumerate(tk.rows) if r[2] == old)
        tk.rows[i][2] = new
        self.add("rename", f"施策名を「{old}」から「{new}」に変更", [new], [Place("h", m.uid), Place("t", tk.uid, i)],
                 "internal", m.uid)

    def delete(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        b = self.rng.choice(cur.blocks)
        term = self.rng.choice(terms)
        s = self.rng.choice(DELETABLE).format(t=term)
        ob = _find(self.old, b.uid)[1]
        ob.text += s  # the 素案 had it
        nb = self.n(b.uid)
        self.used.add(b.uid)
        key = s.split("「")[1].split("」")[0]
        self.add("deleted", f"「{key}」に関する記述を削除", [key], [Place("b", b.uid, max(0, len(nb.text) - 1))],
                 "internal", m.uid)

    def org(self) -> None:
        b = self.n(self.h["org"].uid)
        at = b.text.index("環境政策課")
        b.text = b.text.replace("環境森林部環境政策課", "環境エネルギー部環境・脱炭素政策課")
        self.used.add(b.uid)
        self.add("org_renamed", "令和8年度の組織改正により、環境森林部環境政策課を環境エネルギー部環境・脱炭素政策課に変更",
                 ["環境・脱炭素政策課"], [Place("b", b.uid, at)], "internal", 0)

    def reorder(self) -> None:
        m, terms, cur, tor, jig, table = self.take()
        sec = self.n(tor.uid)
        a, c = sec.blocks[0], sec.blocks[1]
        ta, tc = a.text[1:], c.text[1:]
        a.text, c.text = a.text[0] + tc, c.text[0] + ta
        key = next((t for t in terms if t in ta), ta[:12])  # the subject of the item that moved
        self.add("reorder", f"主な取組の①と②の順序を入れ替え（{key}に関する取組を②に）", [key],
                 [Place("b", a.uid, 0), Place("b", c.uid, 0)], "internal", m.uid)

    def ghg_target(self) -> None:
        """The greenhouse-gas reduction target in the text raised (the 目標値 of the whole plan)."""
        b = self.n(self.h["ghg"].uid)
        old = b.text.split("比で")[1].split("削減")[0]
        new = f"{int(old[:-1]) + self.rng.choice([4, 6, 10])}%"
        at = b.text.index(old)
        b.text = b.text.replace(f"比で{old}削減", f"比で{new}削減")
        self.used.add(b.uid)
        self.add("target_text", f"温室効果ガス排出量の削減目標を上方修正（{old} → {new}）", [old, new], [Place("b", b.uid, at)],
                 "internal", 0)

    def commitment(self) -> None:
        """「…を検討します」 becomes 「…します」 in answer to a comment (a stronger commitment, a few characters)."""
        cands = [m for m in self.free_measures() if any("創設を検討します" in b.text for b in self.n(m[3].uid).blocks)]
        if not cands:
            return
        m = self.rng.choice(cands)
        self.used.add(m[0].uid)
        b = next(b for b in self.n(m[3].uid).blocks if "創設を検討します" in b.text)
        at = b.text.index("創設を検討します")
        b.text = b.text.replace("創設を検討します", "創設します")
        subject = b.text[1:].split("に関する")[0]
        self.add("commitment", f"{subject}に関する支援制度について「創設を検討します」を「創設します」に変更",
                 ["創設します"], [Place("b", b.uid, at)], "comment", m[0].uid)

    def item_deleted(self) -> None:
        """A ① item dropped; the items after it are renumbered (a consequence, not a row)."""
        cands = [m for m in self.free_measures() if len(m[3].blocks) >= 3]
        if not cands:
            return
        m = self.rng.choice(cands)
        self.used.add(m[0].uid)
        sec = self.n(m[3].uid)
        k = self.rng.randrange(1, len(sec.blocks) - 1)  # never the first or the last
        gone = sec.blocks.pop(k)
        for j in range(k, len(sec.blocks)):
            sec.blocks[j].text = "①②③④⑤⑥"[j] + sec.blocks[j].text[1:]
        term = next((t for t in m[1] if t in gone.text), gone.text[1:9])
        prev = sec.blocks[k - 1]
        self.add("item_deleted", f"主な取組から{term}に関する取組（{gone.text[1:25]}…）を削除", [term],
                 [Place("b", prev.uid, len(prev.text) - 1)], "internal", m[0].uid)

    def swap_measures(self) -> None:
        """Two neighbouring 施策 of a 節 change places; their numbers follow the new order (a consequence)."""
        pairs = [(st, st.children[i], st.children[i + 1]) for st in self.h["setsu"] for i in range(len(st.children) - 1)
                 if st.children[i].uid not in self.used and st.children[i + 1].uid not in self.used]
        if not pairs:
            return
        st, a, b = self.rng.choice(pairs)
        self.used |= {a.uid, b.uid}
        ns = self.n(st.uid)
        i = next(k for k, c in enumerate(ns.children) if c.uid == a.uid)
        na, nb = ns.children[i], ns.children[i + 1]
        ns.children[i], ns.children[i + 1] = nb, na
        na.number, nb.number = nb.number, na.number
        tk = self.n(self.h["taikei"].uid)
        ra = next(k for k, r in enumerate(tk.rows) if r[2] == na.title and r[0].startswith(st.number))
        rb = next(k for k, r in enumerate(tk.rows) if r[2] == nb.title and r[0].startswith(st.number))
        tk.rows[ra][2], tk.rows[rb][2] = nb.title, na.title
        # after the swap row ra holds nb's title, row rb holds na's
        self.add("reorder_measures", f"{st.number}の施策「{na.title}」と「{nb.title}」の順序を入れ替え",
                 [na.title, nb.title], [Place("h", na.uid), Place("h", nb.uid), Place("t", tk.uid, ra), Place("t", tk.uid, rb)],
                 "internal", a.uid)

    # -- editorial (on blocks no decision touches)
    def editorial_edits(self, k: int) -> None:
        kinds = ["kodomo", "nado", "suru", "typo", "touten", "width"]
        blocks = [(p, b) for p, s in walk(self.new) for b in s.blocks
                  if b.kind != "table" and b.uid not in self.used and not any(x.uid in self.used for x in p)]
        self.rng.shuffle(blocks)
        done = 0
        tables = [(m[5], m[0]) for m in self.h["measures"] if m[0].uid not in self.used]
        for table, m in self.rng.sample(tables, min(2, len(tables))):
            ob, nb = _find(self.old, table.uid)[1], self.n(table.uid)
            cell = nb.rows[1][2]
            full = cell.translate(str.maketrans("0123456789%", "０１２３４５６７８９％"))
            if full == cell:
                continue
            ob.rows[1][2] = full  # the 素案 printed the value in full-width digits
            self.used.add(m.uid)
            self.editorial.append(Edit(f"E{len(self.editorial) + 1}", "table_width", table.uid, full, cell, full, cell, 0))
        for kind in (kinds * 3)[:k]:
            for p, b in blocks:
                if b.uid in self.used:
                    continue
                ob = _find(self.old, b.uid)[1]
                o, n = ob.text, b.text
                if kind == "kodomo" and "子ども" in n:
                    n = n.replace("子ども", "こども", 1)
                elif kind == "nado" and "等の" in n and "県民等" not in n[:0]:
                    n = n.replace("等の", "などの", 1)
                elif kind == "suru" and "点検を行います" in n:
                    n = n.replace("点検を行います", "点検します", 1)
                elif kind == "width" and "約３割" in n:
                    n = n.replace("約３割", "約3割", 1)
                elif kind == "typo" and any(w in n for w in TYPOS):
                    w = next(w for w in TYPOS if w in n)
                    o = o.replace(w, TYPOS[w], 1)  # the 素案 had the typo
                elif kind == "touten" and "については、" in n:
                    o = o.replace("については、", "については", 1)  # the 素案 lacked the 読点
                else:
                    continue
                ob.text, b.text = o, n
                self.used.add(b.uid)
                bef, aft, cb, ca, at = _ctx(o, n)
                self.editorial.append(Edit(f"E{len(self.editorial) + 1}", kind, b.uid, bef, aft, cb, ca, at))
                done += 1
                break


# ---------------------------------------------------------------- comments

OPINION_ADD = ["{t}の取組を進める際には、{x}についても考慮すべきではないか。",
               "{x}の観点が計画に見当たらない。記載してほしい。",
               "{t}について、{x}をどう考えているのか計画に書き込むべきだ。"]
RESP_ADD = ["ご意見を踏まえ、{x}の視点を踏まえて取組を進める旨を加えます。",
            "ご指摘の趣旨を踏まえ、{sec}の記述に{x}について追記します。",
            "いただいたご意見を踏まえ、{x}に関する記載を追加いたします。"]
OPINION_ITEM = ["{t}について、県民が気軽に相談できる仕組みや分かりやすい情報提供が必要だと思う。",
                "{t}を進めるには担い手が不足している。具体的な取組を示してほしい。"]
RESP_ITEM = ["ご意見を踏まえ、主な取組に「{k}」を加えます。", "ご提案の趣旨を踏まえ、{k}の取組を主な取組に追記します。"]
OPINION_TARGET = ["「{j}」の目標値が低すぎる。もっと意欲的な目標にすべきだ。", "{j}の目標値は現状の伸びから見て達成が容易であり、引き上げるべき。"]
RESP_TARGET = ["ご意見を踏まえ、目標値を{new}に見直します。", "ご指摘を踏まえ、目標値を上方修正します。"]
OPINION_JIGYO = ["{t}に関する事業が主な事業に挙がっていないので、追加してほしい。"]
RESP_JIGYO = ["ご意見を踏まえ、主な事業に「{k}」を追加します。"]
OPINION_IND = ["「{j}」の指標では成果が測れないのではないか。", "{j}の指標は活動量であり、効果を示す指標にすべきである。"]
RESP_IND = ["ご指摘の趣旨を踏まえ、指標を「{new}」に修正します。", "ご意見を踏まえ、成果を把握できる指標に改めます。"]
OPINION_COMMIT = ["{t}の支援制度について「検討します」では弱い。創設すると明記すべきだ。",
                  "支援制度の創設は検討ではなく、計画期間中に必ず実施してほしい。"]
RESP_COMMIT = ["ご意見を踏まえ、「創設します」と改めます。", "ご指摘の趣旨を踏まえ、支援制度を創設する旨に修正します。"]
OPINION_OTHER = ["{t}について、もっと積極的に取り組んでほしい。", "{t}の現状について、県民にもっと周知すべきだ。",
                 "{t}は市町村任せにせず、県が主体となって進めるべきではないか。", "{t}の予算を拡充してほしい。",
                 "{t}に関する取組の成果が見えにくい。", "{t}について事業者への支援を充実させてほしい。",
                 "{t}に関して、他県の先進事例を参考にしてはどうか。", "{t}の取組について、県民が参加できる機会を増やしてほしい。"]
RESP_KISAI = ["ご意見の趣旨については、{sec}に記載しています。", "計画に記載済みです。{sec}の取組の中で進めてまいります。",
              "ご指摘の点は、既に{sec}に盛り込んでおります。"]
RESP_SANKO = ["今後の参考とさせていただきます。", "ご意見として承り、今後の施策の検討にあたっての参考とさせていただきます。",
              "いただいたご意見は、事業の実施段階で参考にさせていただきます。"]
RESP_SETSUMEI = ["県では、市町村や関係団体と連携し、{t}に取り組んでいるところです。引き続き、効果的な取組を進めてまいります。",
                 "{t}については、国の制度も活用しながら、計画に基づき着実に推進してまいります。",
                 "本計画は県全体の基本的な方向を示すものであり、個別の事業については各分野の計画で具体化してまいります。"]
OPINION_TYPO = ["{sec}に誤字があるのではないか。", "{sec}の表記が他の箇所と統一されていない。"]
RESP_TYPO = ["ご指摘のとおり修正します。", "ご指摘を踏まえ、表記を修正いたします。"]


def _ref(rng: random.Random, page: int | None, path: tuple[PSec, ...]) -> str:
    heads = [s.heading for s in path]
    short = "".join(h.split("\u3000")[0] for h in heads[:3])
    pg = page or 1
    form = rng.random()
    if form < 0.35:
        return f"P.{pg}（{heads[-1]}）"
    if form < 0.55:
        return f"P. {pg}"
    if form < 0.75:
        return " ".join(heads[:3]).replace("\u3000", " ")
    if form < 0.85:
        return short.translate(str.maketrans("0123456789", "０１２３４５６７８９"))  # 第３章第２節１
    if form < 0.92:
        return f"P{pg}、{heads[-1].split(chr(0x3000))[-1]}"
    return f"p.{pg}-{pg + 1}"  # messy span


def _comments(rng: random.Random, rv: _Reviser, where_old: dict, total: int) -> list[dict]:
    out: list[dict] = []
    secs = {s.uid: (p, s) for p, s in walk(rv.old)}

    def page(uid: int) -> int | None:
        return where_old.get(("h", uid))

    def add(anchor: int, opinion: str, response: str, rtype: str, decision: Decision | None = None, edit: str = "") -> None:
        path, s = secs.get(anchor) or secs[rv.h["setsu"][0].uid]
        out.append({"ref": _ref(rng, page(anchor), path), "opinion": opinion, "response": response, "type": rtype,
                    "decision": decision, "editorial": edit, "section_path": [x.heading for x in path]})

    measures = {m[0].uid: m for m in rv.h["measures"]}
    for d in rv.decisions:
        if d.cause != "comment":
            continue
        m = measures[d.anchor]
        t = rng.choice(m[1])
        sec = m[0].heading.replace("\u3000", "")
        for _ in range(2 if rng.random() < 0.25 else 1):
            if d.kind == "sentence_added":
                x = d.must[0]
                add(d.anchor, rng.choice(OPINION_ADD).format(t=t, x=x), rng.choice(RESP_ADD).format(x=x, sec=sec), "反映", d)
            elif d.kind == "item_added":
                add(d.anchor, rng.choice(OPINION_ITEM).format(t=t), rng.choice(RESP_ITEM).format(k=d.must[0]), "反映", d)
            elif d.kind == "target_raised":
                j = d.summary.split("」")[0].strip("「")
                add(d.anchor, rng.choice(OPINION_TARGET).format(j=j), rng.choice(RESP_TARGET).format(new=d.must[1]), "反映", d)
            elif d.kind == "jigyo_added":
                add(d.anchor, rng.choice(OPINION_JIGYO).format(t=t), rng.choice(RESP_JIGYO).format(k=d.must[0]), "反映", d)
            elif d.kind == "commitment":
                add(d.anchor, rng.choice(OPINION_COMMIT).format(t=t), rng.choice(RESP_COMMIT), "反映", d)
            elif d.kind == "indicator_changed":
                j = d.summary.split("」")[0].strip("「")
                add(d.anchor, rng.choice(OPINION_IND).format(j=j), rng.choice(RESP_IND).format(new=d.must[0]), "反映", d)
        if rng.random() < 0.6:  # a neighbour on the same 施策 that changed nothing (links must not go to it)
            add(d.anchor, rng.choice(OPINION_OTHER).format(t=t), rng.choice(RESP_KISAI + RESP_SANKO).format(sec=sec), "参考")
    for e in rv.editorial[:2]:
        if e.kind in ("typo", "kodomo"):
            p = _find(rv.old, e.block)[0]
            add(p[-1].uid, rng.choice(OPINION_TYPO).format(sec=p[-1].heading.replace("\u3000", "")),
                rng.choice(RESP_TYPO), "反映", None, e.id)
    while len(out) < total:
        m = rng.choice(rv.h["measures"])
        anchor = rng.choice([m[0].uid, m[0].uid, m[2].uid, m[3].uid])
        t = rng.choice(m[1])
        sec = m[0].heading.replace("\u3000", "")
        r = rng.random()
        if r < 0.3:
            resp, ty = rng.choice(RESP_KISAI).format(sec=sec), "記載済"
        elif r < 0.6:
            resp, ty = rng.choice(RESP_SANKO), "参考"
        else:
            resp, ty = rng.choice(RESP_SETSUMEI).format(t=t), "その他"
        add(anchor, rng.choice(OPINION_OTHER).format(t=t), resp, ty)
    rng.shuffle(out)
    for i, c in enumerate(out):
        c["id"] = f"C{i + 1:02d}"
        if c["decision"] is not None:
            c["decision"].comment_ids.append(c["id"])
            c["decision"] = c["decision"].id
        else:
            c["decision"] = ""
    return out


# ---------------------------------------------------------------- print, truth, files


def print_lines(tree: list[PSec]) -> list[PrintLine]:
    return tree_lines(tree)


def generate(seed: int) -> BlindPlan:
    rng = random.Random(f"blind-env:{seed}")
    uid = _Uid()
    pref = PREF[seed % len(PREF)]
    old, h = _build(rng, uid, pref, seed)
    rv = _Reviser(rng, old, h, uid, pref)
    rv.law()
    rv.org()
    plan = ["ghg", "commit", "commit", "item_del", "swap", "rename", "target_c", "target_i", "jigyo_c", "jigyo_i", "sentence", "sentence", "item", "indicator",
            "delete", "reorder"]
    rng.shuffle(plan)
    rv.swap_measures()  # a reorder of 施策 in every plan (a kind staff always report)
    for k in plan[: rng.randint(10, len(plan))]:
        if not rv.free_measures():
            break
        {"rename": rv.rename, "target_c": lambda: rv.target("comment"), "target_i": lambda: rv.target("internal"),
         "jigyo_c": lambda: rv.jigyo("comment"), "jigyo_i": lambda: rv.jigyo("internal"), "sentence": rv.sentence,
         "item": rv.item, "indicator": rv.indicator, "swap": rv.swap_measures, "ghg": rv.ghg_target,
         "commit": rv.commitment, "item_del": rv.item_deleted, "delete": rv.delete, "reorder": rv.reorder}[k]()
    rv.editorial_edits(rng.randint(8, 12))
    _, where_old = lay_out(print_lines(rv.old), "x")
    comments = _comments(rng, rv, where_old, rng.randint(40, 80))
    return BlindPlan(seed, rv.old, rv.new, rv.decisions, rv.editorial, comments, f"{pref}環境基本計画")


def expected_json(plan: BlindPlan, where: dict) -> dict:
    secs = {s.uid: p for p, s in walk(plan.new)}  # walk's path ends with the section itself
    owner = {b.uid: p for p, s in walk(plan.new) for b in s.blocks}

    def path(pl: Place) -> list[str]:
        return [x.heading for x in (secs[pl.uid] if pl.what == "h" else owner[pl.uid])]

    def page(pl: Place) -> int | None:
        if pl.what == "h":
            return where.get(("h", pl.uid))
        if pl.what == "t":
            return where.get(("t", pl.uid, pl.at))
        return where.get(("b", pl.uid, (pl.at // CHARS_PER_LINE) * CHARS_PER_LINE))

    rows = []
    for d in plan.decisions:
        paths: list[list[str]] = []
        for pl in d.places:
            if path(pl) not in paths:
                paths.append(path(pl))
        rows.append({"id": d.id, "kind": d.kind, "item": " / ".join(" ".join(p) for p in paths), "summary": d.summary,
                     "an_pages": sorted({x for x in map(page, d.places) if x is not None}), "section_paths": paths,
                     "cause": {"type": d.cause, "comment_ids": sorted(d.comment_ids)}, "must_mention": d.must})
    editorial = [{"id": e.id, "kind": e.kind, "section_path": [x.heading for x in owner[e.block]], "before": e.before,
                  "after": e.after, "core_before": e.core_before, "core_after": e.core_after,
                  "an_page": where.get(("b", e.block, (e.at // CHARS_PER_LINE) * CHARS_PER_LINE))} for e in plan.editorial]
    comments = [{"id": c["id"], "ref": c["ref"], "opinion": c["opinion"], "response": c["response"],
                 "response_type": c["type"], "reflected": c["type"] == "反映",
                 "row_ids": [c["decision"]] if c["decision"] else [], "editorial_id": c["editorial"],
                 "resolved_section_path": c["section_path"]} for c in plan.comments]
    return {"case": f"blind-env-s{plan.seed}", "family": "blind-env", "seed": plan.seed, "split": "blind", "rows": rows,
            "comments": comments, "editorial": editorial, "non_reportable": []}


def write_plan(plan: BlindPlan, outdir: Path) -> dict[str, Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    files = {k: outdir / v for k, v in (("soan", "soan.docx"), ("an", "an.docx"), ("soan_pdf", "soan.pdf"),
                                         ("an_pdf", "an.pdf"), ("comments", "bessi1.tsv"), ("expected", "expected.json"))}
    where_new: dict = {}
    for version, tree, dk, pk in (("素案", plan.old, "soan", "soan_pdf"), ("案", plan.new, "an", "an_pdf")):
        title = f"{plan.title}（{version}）"
        doc, _ = _to_document(tree, version)
        doc = type(doc)(title=title, sections=doc.sections)
        write_docx(doc, files[dk])
        pages, where = lay_out(print_lines(tree), title)
        write_pdf(pages, files[pk])
        where_new = where
    head = "素案該当箇所\t県民意見の概要\t県の考え方"
    lines = ["素案に対する県民意見の概要と県の考え方", head]
    lines += ["\t".join(x.replace("\t", " ") for x in (c["ref"], c["opinion"], c["response"])) for c in plan.comments]
    files["comments"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    files["expected"].write_text(json.dumps(expected_json(plan, where_new), ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    return files


def summary(plan: BlindPlan) -> dict:
    kinds: dict[str, int] = {}
    for d in plan.decisions:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    return {"family": "blind-env", "seed": plan.seed, "rows": len(plan.decisions), "kinds": kinds,
            "editorial": len(plan.editorial), "comments": len(plan.comments),
            "reflected": sum(c["type"] == "反映" for c in plan.comments)}


if __name__ == "__main__":
    import sys

    p = generate(int(sys.argv[1]))
    print(json.dumps(summary(p), ensure_ascii=False))
    for k, v in write_plan(p, Path(sys.argv[2])).items():
        print(k, v)
