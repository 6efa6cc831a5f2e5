"""The ninth blind family: a prefecture's 第８次医療計画 (「○○県保健医療計画」),
素案 → 案 after a パブリックコメント. Written without reading how revtool decides
anything; only the expected.json schema of ``accuracy_score`` was read.

House style (what a prefecture's 医療政策担当 writes):

- Printed A4 plan of about 60-90 pages, printed page numbers 「－ 12 －」 in the
  footer, an unnumbered cover and 目次 (章 and 節 with their pages).
- 第１章 計画の基本的事項 / 第２章 保健医療の現状 / 第３章 保健医療圏と基準病床数
  (二次医療圏 table 圏域 | 基準病床数 | 既存病床数) / 第４章 ５疾病・６事業及び在宅医療
  with twelve 節 (第１節 がん … 第１２節 在宅医療), each 「１　現状と課題」「２　目指すべき方向」
  「３　施策の方向」「４　数値目標」, 「（１）」 headings below, 「ア」「（ア）」 paragraphs
  inside; 指標 tables 指標名 | 区分 (S/P/O) | 現状値（年度） | 目標値（令和11年度） | 出典;
  【コラム】 boxes; ※ footnotes / 第５章 医療従事者の確保 / 第６章 地域医療構想及び外来医療 /
  第７章 計画の推進体制. Headings carry their numbers in the text (no auto numbering).
- 素案/案: DOCX (Heading 1-4 styles) with a PDF for printed pages on odd seeds;
  on even seeds the PDF alone (the user has no DOCX). PDFs use the standard CID
  font HeiseiMin-W3 (``plan_pdf.write_pdf``), so no system font is needed.
- 別紙1: a Word table 番号 | 該当箇所（ページ・項目） | 御意見の要旨 | 県の考え方 | 対応区分
  (A 反映 / B 既に記載 / C 参考 / D 反映困難 / E その他), 120-300 rows; refs like
  「P.45 第４章第２節」「第３章（基準病床数）」「全体」「Ｐ.１２」; answers in the prefecture's
  past-tense register (「御意見を踏まえ、…を追記しました。」「御意見の趣旨は既に記載しています。」).

Decisions (the truth, one row each, as careful staff write 別紙2):
comment (6-10 of: a 目標値 raised, sentences added, a 指標 row added, a コラム
added, 「検討します」→「推進します」); external (国の「医療計画作成指針」一部改正,
quoted in 第１章 and 第４章第８節: one row with both pages); internal (医療整備課 →
医療政策課 everywhere, every 現状値 令和４年度 → 令和５年度 in every 指標 table as
one row, 基準病床数 recomputed, and a 節 swap in 第５章 or a 節 split in 第６章, or
both). Not rows (``editorial``): 子供→こども, または→又は, １０か所→10か所, 医僚→医療,
連係→連携, 出来る→できる, 取組み→取組, renumbering, 目次 lines.

Tuning seeds 11001-11003; held-out seeds 11101-11103.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import Line, write_pdf

BLIND9_TUNING_SEEDS = (11001, 11002, 11003)
BLIND9_SEEDS = (11101, 11102, 11103)

PREFS = ["青浜県", "北嶺県", "南陵県", "東陽県", "西海県", "美原県"]
KEN = "県"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def fw(n: int | str) -> str:
    return str(n).translate(FW)


# ---------------------------------------------------------------- content

@dataclass
class Block:
    kind: str  # h | p | t
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    # (tag, offset-or-row): where a decision / editorial edit / comment anchor sits in this block
    marks: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Plan:
    seed: int
    pref: str
    pdf_only: bool
    content: dict
    decisions: list[dict]
    editorial: list[dict]
    comments: list[dict] = field(default_factory=list)


DISEASES: list[tuple[str, list[str], list[tuple[str, str, float, float, str, str]]]] = [
    # (節 title, key terms, 指標 rows: (name, SPO, base, target, unit, source))
    ("がん", ["がん検診", "精密検査", "がん診療連携拠点病院", "緩和ケア", "がん相談支援センター", "就労支援", "ＡＹＡ世代"],
     [("がん検診受診率（胃がん）", "P", 41.2, 50, "％", "国民生活基礎調査"),
      ("精密検査受診率", "P", 80.1, 90, "％", "地域保健・健康増進事業報告"),
      ("がんの75歳未満年齢調整死亡率", "O", 68.4, 60.0, "", "国立がん研究センター"),
      ("緩和ケア研修修了医師数", "S", 1210, 1500, "人", "県調べ")]),
    ("脳卒中", ["特定健康診査", "血圧管理", "t-PA療法", "血栓回収療法", "回復期リハビリテーション", "再発予防"],
     [("特定健康診査受診率", "P", 52.3, 70, "％", "特定健診・保健指導実施状況"),
      ("血栓回収療法実施件数", "P", 412, 520, "件", "ＮＤＢ"),
      ("脳血管疾患の年齢調整死亡率（男性）", "O", 93.1, 85.0, "", "人口動態統計")]),
    ("心筋梗塞等の心血管疾患", ["急性心筋梗塞", "心大血管リハビリテーション", "ＡＥＤ", "心不全", "経皮的冠動脈インターベンション"],
     [("心大血管リハビリテーション実施医療機関数", "S", 38, 48, "施設", "診療報酬施設基準"),
      ("急性心筋梗塞の年齢調整死亡率（男性）", "O", 32.5, 28.0, "", "人口動態統計")]),
    ("糖尿病", ["糖尿病性腎症", "重症化予防", "かかりつけ医", "専門医", "保健指導"],
     [("特定保健指導実施率", "P", 24.8, 45, "％", "特定健診・保健指導実施状況"),
      ("糖尿病専門医数", "S", 118, 140, "人", "日本糖尿病学会")]),
    ("精神疾患", ["精神科救急", "地域移行", "認知症疾患医療センター", "依存症", "ひきこもり", "自殺対策"],
     [("精神病床における１年以上長期入院患者数", "O", 3420, 3000, "人", "精神保健福祉資料"),
      ("退院後３か月時点の再入院率", "O", 21.3, 18.0, "％", "精神保健福祉資料"),
      ("認知症サポート医養成数", "S", 265, 330, "人", "県調べ")]),
    ("救急医療", ["救急搬送", "初期救急医療", "二次救急医療", "救命救急センター", "救急安心センター事業", "ドクターヘリ"],
     [("救急搬送困難事案の件数", "O", 1875, 1400, "件", "消防庁調査"),
      ("心肺機能停止傷病者の１か月後生存率", "O", 11.2, 13.5, "％", "救急・救助の現況")]),
    ("災害医療", ["災害拠点病院", "ＤＭＡＴ", "ＤＰＡＴ", "業務継続計画", "広域災害救急医療情報システム"],
     [("業務継続計画を策定した病院の割合", "S", 61.5, 100, "％", "県調べ"),
      ("ＤＭＡＴ隊員数", "S", 210, 260, "人", "県調べ")]),
    ("新興感染症発生・まん延時における医療", ["協定締結医療機関", "病床確保", "発熱外来", "自宅療養者", "個人防護具"],
     [("確保病床数（流行初期）", "S", 310, 420, "床", "県調べ"),
      ("発熱外来協定締結医療機関数", "S", 640, 800, "施設", "県調べ")]),
    ("へき地医療", ["へき地医療拠点病院", "へき地診療所", "巡回診療", "オンライン診療", "自治医科大学卒業医師"],
     [("へき地医療拠点病院からの巡回診療実施回数", "P", 186, 220, "回", "へき地医療現況調査")]),
    ("周産期医療", ["総合周産期母子医療センター", "地域周産期母子医療センター", "ハイリスク妊産婦", "分娩取扱施設", "母体搬送"],
     [("周産期死亡率（出産千対）", "O", 3.4, 3.0, "", "人口動態統計"),
      ("分娩取扱医療機関数", "S", 42, 42, "施設", "県調べ")]),
    ("小児医療", ["小児救急電話相談", "小児科医", "小児救命救急センター", "小児在宅医療", "子供の事故予防"],
     [("小児救急電話相談の応答率", "P", 78.4, 90, "％", "県調べ"),
      ("乳児死亡率（出生千対）", "O", 1.9, 1.7, "", "人口動態統計")]),
    ("在宅医療", ["訪問診療", "訪問看護", "在宅療養支援診療所", "人生会議", "多職種連携", "退院支援"],
     [("訪問診療を実施する医療機関数", "S", 520, 600, "施設", "ＮＤＢ"),
      ("訪問看護ステーション数", "S", 188, 230, "か所", "介護サービス施設・事業所調査"),
      ("在宅看取りを実施する医療機関数", "P", 210, 260, "施設", "ＮＤＢ")]),
]

AREAS = ["中央", "北部", "東部", "南部", "西部", "沿岸", "山間"]

CUR_S = "令和４年度"
CUR_A = "令和５年度"
TARGET = "令和11年度"
OLD_KA = "医療整備課"
NEW_KA = "医療政策課"

FILL_ISSUE = [
    "{t}については、{a}圏域と他の圏域との間で体制に差がみられ、県全体での均てん化が課題となっています。",
    "本県の{t}に関する取組は着実に進んでいますが、高齢化の進行に伴い需要の増加が見込まれることから、{u}との連携を一層強化する必要があります。",
    "{t}の提供体制を維持するためには、医療従事者の確保と{u}の機能分担を進めることが求められています。",
    "{a}圏域では{t}を担う医療機関が限られており、圏域を越えた受療が多くなっています。",
    "県民が身近な地域で{t}を受けられるよう、{u}に関する情報提供の充実が必要です。",
    "{t}の実施状況には医療機関による差があり、質の向上に向けた研修や症例検討の機会が不足しています。",
]
FILL_DIR = [
    "県民が住み慣れた地域で、{t}から{u}まで切れ目のない医療を受けられる体制を目指します。",
    "{t}と{u}の役割分担と連携を進め、効率的で質の高い医療提供体制の構築を目指します。",
]
FILL_MEAS = [
    "県は、関係団体と連携し、{t}に関する研修会を開催するとともに、{u}の体制整備を支援します。",
    "市町村及び医療機関と協力し、{t}の普及啓発に取り組みます。",
    "{a}圏域においては、地域医療構想調整会議の場を活用し、{t}の提供体制について協議を進めます。",
    "{t}に係るデータを収集・分析し、その結果を関係機関と共有することにより、{u}の質の向上を図ります。",
    "ＩＣＴを活用した情報共有を進め、{t}と{u}の円滑な連携を支援します。",
]


def _fill(rng: random.Random, pool: list[str], terms: list[str]) -> str:
    t, u = rng.sample(terms, 2)
    return rng.choice(pool).format(t=t, u=u, a=rng.choice(AREAS))


def _para(rng: random.Random, pool: list[str], terms: list[str], n: int) -> str:
    return "".join(_fill(rng, pool, terms) for _ in range(n))


def _val(v: float, unit: str) -> str:
    s = f"{v:,}" if isinstance(v, int) else f"{v:.1f}"
    return s + unit


# ---------------------------------------------------------------- generate

COMMENT_POOL = ["raise_cancer", "stroke_window", "dm_indicator", "mental_column", "ems_strengthen",
                "child_mcc", "home_target", "peri_postpartum", "disaster_nurse", "doctor_quota"]


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    pref = rng.choice(PREFS)
    nsec = len(DISEASES)
    content: dict = {"texts": {}}
    # body text drawn once, shared by both versions
    for i, (name, terms, _) in enumerate(DISEASES):
        sub = rng.randint(3, 4)
        content["texts"][i] = {
            "issues": [[_para(rng, FILL_ISSUE, terms, rng.randint(5, 7)) for _ in range(3)] for _ in range(sub)],
            "dir": _para(rng, FILL_DIR, terms, 2),
            "meas": [[_para(rng, FILL_MEAS, terms, rng.randint(3, 5)) for _ in range(rng.randint(3, 4))]
                     for _ in range(rng.randint(3, 4))],
            "sub_items": [_fill(rng, FILL_MEAS, terms) for _ in range(2)],
            "subtitles": rng.sample(terms, 4),
            "column": rng.random() < 0.4,
            "note": rng.random() < 0.5,
        }
    content["general"] = [_para(rng, FILL_ISSUE, ["医療提供体制", "地域医療構想", "医師の働き方改革", "医療ＤＸ",
                                                   "外来医療", "かかりつけ医機能"], 4) for _ in range(40)]
    content["beds"] = []
    for a in AREAS[: rng.randint(5, 7)]:
        base = rng.randint(18, 60) * 100 + rng.randint(0, 99)
        exist = base + rng.randint(-300, 600)
        content["beds"].append((a, base, exist, base + rng.randint(-180, 120)))
    content["refresh"] = {}
    for i, (_, _, inds) in enumerate(DISEASES):
        for j, (_, _, b, *_r) in enumerate(inds):
            content["refresh"][(i, j)] = (int(b * rng.uniform(0.97, 1.05)) if isinstance(b, int)
                                          else round(b * rng.uniform(0.97, 1.05), 1))
    content["structure"] = rng.choice(["swap", "split", "both"])
    content["ext_month"] = rng.choice(["令和７年３月", "令和７年６月", "令和７年10月"])
    chosen = sorted(rng.sample(COMMENT_POOL, rng.randint(6, 10)), key=COMMENT_POOL.index)
    content["comment_changes"] = chosen
    content["editorial"] = rng.sample(["kodomo", "mataha", "digits", "typo_iryo", "typo_renkei", "dekiru", "torikumi"],
                                      rng.randint(5, 7))
    content["ed_sec"] = {e: rng.randrange(nsec) for e in content["editorial"]}
    content["ed_sec"]["kodomo"] = 10
    content["n_comments"] = rng.randint(120, 300)
    plan = Plan(seed=seed, pref=pref, pdf_only=seed % 2 == 0, content=content, decisions=[], editorial=[])
    return plan


# ---------------------------------------------------------------- rendering one version

ED_TEXT = {  # editorial: sentence in 素案 / in 案, the changed phrase context
    "kodomo": ("子供の急病時に保護者が相談できる体制を整えるとともに、子供の事故予防に関する啓発を行います。",
               "こどもの急病時に保護者が相談できる体制を整えるとともに、こどもの事故予防に関する啓発を行います。",
               "子供の急病時", "こどもの急病時"),
    "mataha": ("研修は、集合形式またはオンライン形式により実施します。", "研修は、集合形式又はオンライン形式により実施します。",
               "集合形式またはオンライン", "集合形式又はオンライン"),
    "digits": ("現在、県内１０か所で関係者による連絡会議を開催しています。", "現在、県内10か所で関係者による連絡会議を開催しています。",
               "県内１０か所", "県内10か所"),
    "typo_iryo": ("地域の医僚機関との情報共有を進めます。", "地域の医療機関との情報共有を進めます。", "地域の医僚機関", "地域の医療機関"),
    "typo_renkei": ("市町村との連係を密にし、取組の成果を検証します。", "市町村との連携を密にし、取組の成果を検証します。",
                    "市町村との連係", "市町村との連携"),
    "dekiru": ("誰もが必要な情報を入手出来る環境を整えます。", "誰もが必要な情報を入手できる環境を整えます。", "入手出来る", "入手できる"),
    "torikumi": ("これまでの取組みを評価し、必要な見直しを行います。", "これまでの取組を評価し、必要な見直しを行います。",
                 "これまでの取組み", "これまでの取組"),
}


class Doc:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def h(self, level: int, text: str, *marks: tuple[str, int]) -> None:
        self.blocks.append(Block("h", text, level, marks=list(marks)))

    def p(self, text: str, *marks: tuple[str, int]) -> Block:
        b = Block("p", text, marks=list(marks))
        self.blocks.append(b)
        return b

    def t(self, rows: list[list[str]], widths: list[int], *marks: tuple[str, int]) -> Block:
        b = Block("t", rows=rows, widths=widths, marks=list(marks))
        self.blocks.append(b)
        return b


def _sent(doc: Doc, base: str, add: str, an: bool, tag: str, before: bool = False) -> None:
    """A paragraph that gains ``add`` in 案 (``tag`` marks where)."""
    if not an:
        doc.p(base)
    elif before:
        doc.p(add + base, (tag, 0))
    else:
        doc.p(base + add, (tag, len(base)))


COMMENT_EDITS = {
    # key: (section index, what) the comment-caused change, its 案 wording and the 別紙2 key words
    "raise_cancer": (0, "がん検診受診率（胃がん）の目標値", ["60"]),
    "stroke_window": (1, "脳卒中相談窓口", ["脳卒中相談窓口"]),
    "dm_indicator": (3, "糖尿病性腎症による年間新規透析導入患者数", ["新規透析導入患者数"]),
    "mental_column": (4, "コラム「こころのサポーター」", ["こころのサポーター"]),
    "ems_strengthen": (5, "救急安心センター事業（＃7119）", ["救急安心センター事業"]),
    "child_mcc": (10, "医療的ケア児", ["医療的ケア児"]),
    "home_target": (11, "訪問診療を実施する医療機関数の目標値", ["650"]),
    "peri_postpartum": (9, "産後ケア", ["産後ケア"]),
    "disaster_nurse": (6, "災害支援ナース", ["災害支援ナース"]),
    "doctor_quota": (-1, "地域枠", ["地域枠"]),
}


def build(plan: Plan, an: bool) -> Doc:
    c = plan.content
    cc = set(c["comment_changes"])
    ed = set(c["editorial"])
    rng = random.Random(plan.seed * 7 + 1)  # layout-free draws shared by both versions
    doc = Doc()
    gen = iter(c["general"])
    ka = NEW_KA if an else OLD_KA

    def ed_sentence(key: str) -> None:
        s, a, _, _ = ED_TEXT[key]
        doc.p((a if an else s), ("E:" + key, 0))

    # 第１章
    doc.h(1, "第１章　計画の基本的事項")
    doc.h(2, "１　計画策定の趣旨")
    doc.p(f"{plan.pref}では、平成元年に最初の{plan.pref}保健医療計画を策定して以来、医療を取り巻く環境の変化に対応し、"
          "おおむね６年ごとに計画の見直しを行ってきました。" + next(gen))
    doc.p("このたび、第７次計画の計画期間が満了することから、新興感染症への対応や医師の働き方改革など新たな課題を踏まえ、"
          f"第８次となる{plan.pref}保健医療計画を策定します。")
    doc.h(2, "２　計画の位置付け")
    base = ("本計画は、医療法第30条の４第１項に規定する医療計画であり、国の「医療提供体制の確保に関する基本方針」及び"
            "「医療計画作成指針」（令和５年３月31日付け医政発0331第16号厚生労働省医政局長通知）")
    tail = "を踏まえて策定するものです。"
    if an:
        add = f"（{c['ext_month']}一部改正）"
        doc.p(base + add + tail, ("X:ext", len(base)))
    else:
        doc.p(base + tail)
    doc.p("また、本計画は、県の総合計画の部門別計画として位置付けるとともに、健康増進計画、介護保険事業支援計画、"
          "障害福祉計画その他の関連計画との調和を図ります。")
    doc.h(2, "３　計画の期間")
    doc.p("本計画の期間は、令和６年度から令和11年度までの６年間とします。ただし、在宅医療その他必要な事項については、"
          "３年ごとに調査、分析及び評価を行い、必要に応じて見直しを行います。")
    doc.h(2, "４　計画の策定体制")
    doc.p(f"本計画は、{plan.pref}医療審議会及び各圏域の地域医療構想調整会議における御意見を踏まえ、健康福祉部{ka}が"
          "関係課と連携して策定しました。", ("I:rename", 0))
    # 第２章
    doc.h(1, f"第２章　{plan.pref}の保健医療の現状")
    for k, title in enumerate(["人口の推移", "人口動態", "受療動向", "医療資源の状況"], 1):
        doc.h(2, f"{fw(k)}　{title}")
        for _ in range(4):
            doc.p(next(gen))
        if k == 2:
            doc.t([["区分", "令和元年", "令和４年", "全国（令和４年）"],
                   ["出生率（人口千対）", "6.8", "6.3", "6.3"],
                   ["死亡率（人口千対）", "12.4", "13.5", "12.9"],
                   ["平均寿命（男性）", "81.1", "81.3", "81.1"]], [14, 8, 8, 12])
            doc.p("※　人口動態統計（厚生労働省）による。")
    # 第３章
    doc.h(1, "第３章　保健医療圏と基準病床数")
    doc.h(2, "第１節　保健医療圏")
    doc.p("保健医療圏は、地域の実情に応じた保健医療サービスを提供するための地域的単位であり、一次、二次及び三次の保健医療圏を設定します。"
          + next(gen))
    doc.p(f"二次保健医療圏は、第７次計画と同様に{fw(len(c['beds']))}圏域とします。")
    doc.h(2, "第２節　基準病床数")
    doc.p("基準病床数は、医療法第30条の４第２項第14号に基づき、療養病床及び一般病床について二次保健医療圏ごとに、"
          "精神病床、結核病床及び感染症病床について県全域で定めるものです。")
    doc.p("基準病床数は、性別・年齢階級別人口、病床利用率及び平均在院日数等を用いて、国が定める算定式により算定します。"
          "既存病床数が基準病床数を超える圏域では、原則として病院の開設及び増床は認められません。")
    rows = [["圏域", "基準病床数", "既存病床数"]]
    bm = []
    for r, (a, b, e, b2) in enumerate(c["beds"], 1):
        rows.append([f"{a}", f"{(b2 if an else b):,}", f"{e:,}"])
        if an and b2 != b:
            bm.append(("I:beds", r))
    tot_b = sum((x[3] if an else x[1]) for x in c["beds"])
    rows.append(["合計", f"{tot_b:,}", f"{sum(x[2] for x in c['beds']):,}"])
    doc.t(rows, [10, 10, 10], *bm)
    doc.p("※　既存病床数は令和５年４月１日現在。")
    # 第４章
    doc.h(1, "第４章　５疾病・６事業及び在宅医療")
    for i, (name, terms, inds) in enumerate(DISEASES):
        tx = c["texts"][i]
        doc.h(2, f"第{fw(i + 1)}節　{name}")
        doc.h(3, "１　現状と課題")
        for k, paras in enumerate(tx["issues"], 1):
            doc.h(4, f"（{fw(k)}）{tx['subtitles'][k - 1]}")
            doc.p("ア　" + paras[0])
            doc.p("イ　" + paras[1])
            doc.p("ウ　" + paras[2])
            if k == 1:
                for key in sorted(ed):
                    if c["ed_sec"][key] == i and key not in ("kodomo",):
                        ed_sentence(key)
        if tx["note"]:
            doc.p(f"※１　{terms[0]}の状況は、{plan.pref}の調査による。")
        doc.h(3, "２　目指すべき方向")
        doc.p(tx["dir"])
        if i == 7:
            b8 = ("新興感染症の発生・まん延時には、感染症法に基づく予防計画と整合を図りながら、協定締結医療機関による"
                  "病床確保、発熱外来及び自宅療養者等への医療の提供を行います。")
            add8 = (f"なお、{c['ext_month']}に国の「医療計画作成指針」が一部改正され、協定締結医療機関の役割に関する記載が"
                    "求められたことから、平時からの訓練の実施についても記載しています。")
            _sent(doc, b8, add8, an, "X:ext")
        doc.h(3, "３　施策の方向")
        for k, paras in enumerate(tx["meas"], 1):
            doc.h(4, f"（{fw(k)}）{tx['subtitles'][-k]}の充実")
            for m, para in enumerate(paras):
                label = "アイウエ"[m] + "　"
                text = label + para
                if k == 1 and m == 0:
                    text = _comment_para(doc, plan, i, text, an, cc)
                if text:
                    doc.p(text)
                if k == 2 and m == 0:
                    for z, item in enumerate(tx["sub_items"]):
                        doc.p(f"（{'アイ'[z]}）{item}")
            if k == 1:
                _comment_extra(doc, plan, i, an, cc)
                if i == 10 and "kodomo" in ed:
                    ed_sentence("kodomo")
        if tx["column"] or (i == 4 and an and "mental_column" in cc):
            if tx["column"]:
                doc.p(f"【コラム】{terms[1]}を知っていますか")
                doc.p(f"{terms[1]}は、{terms[0]}と深く関わっています。県では、{terms[1]}に関するリーフレットを作成し、"
                      f"医療機関や市町村の窓口で配布しています。（問合せ先：健康福祉部{ka}）",
                      ("I:rename", 0))
        if i == 4 and an and "mental_column" in cc:
            doc.p("【コラム】こころのサポーター", ("C:mental_column", 0))
            doc.p("こころのサポーターは、メンタルヘルスや精神疾患に関する正しい知識と理解を持ち、地域や職域で悩みを抱える人を"
                  "支える人のことです。県では、市町村と連携して養成研修を実施しています。", ("C:mental_column", 0))
        doc.h(3, "４　数値目標")
        rows = [["指標名", "区分", "現状値（年度）", f"目標値（{TARGET}）", "出典"]]
        marks = []
        for j, (iname, spo, b, target, unit, src) in enumerate(inds):
            cur = c["refresh"][(i, j)] if an else b
            tgt = target
            if an and i == 0 and j == 0 and "raise_cancer" in cc:
                tgt = 60
                marks.append(("C:raise_cancer", len(rows)))
            if an and i == 11 and j == 0 and "home_target" in cc:
                tgt = 650
                marks.append(("C:home_target", len(rows)))
            if an:
                marks.append(("I:refresh", len(rows)))
            rows.append([iname, spo, f"{_val(cur, unit)}（{CUR_A if an else CUR_S}）", _val(tgt, unit), src])
        if i == 3 and an and "dm_indicator" in cc:
            marks.append(("C:dm_indicator", len(rows)))
            rows.append(["糖尿病性腎症による年間新規透析導入患者数", "O", f"412人（{CUR_A}）", "370人", "日本透析医学会"])
        doc.t(rows, [20, 3, 13, 8, 13], *marks)
        doc.p("※　区分　Ｓ：ストラクチャー指標、Ｐ：プロセス指標、Ｏ：アウトカム指標")
    # 第５章
    doc.h(1, "第５章　医療従事者の確保")
    sw = c["structure"] in ("swap", "both")
    order = ["医師", "歯科医師", "薬剤師", "看護職員", "その他の保健医療従事者"]
    if an and sw:
        order = ["医師", "歯科医師", "看護職員", "薬剤師", "その他の保健医療従事者"]
    ch5_text = {name: next(gen)[:120] for name in ["医師", "歯科医師", "薬剤師", "看護職員", "その他の保健医療従事者"]}
    for k, name in enumerate(order, 1):
        mark = ("I:swap", 0) if (an and sw and name in ("看護職員", "薬剤師")) else None
        if mark:
            doc.h(2, f"第{fw(k)}節　{name}", mark)
        else:
            doc.h(2, f"第{fw(k)}節　{name}")
        doc.h(3, "１　現状と課題")
        doc.p(f"本県の{name}数は、人口10万人当たりでみると全国平均を下回っており、地域による偏在がみられます。" + ch5_text[name])
        doc.h(3, "２　施策の方向")
        base5 = (f"県は、修学資金の貸与や研修体制の充実により、{name}の確保と県内定着を図ります。"
                 f"また、{name}の勤務環境の改善に取り組む医療機関を支援します。")
        if name == "医師" and "doctor_quota" in cc:
            _sent(doc, base5, "さらに、大学医学部の地域枠を活用し、医師少数区域等に勤務する医師の養成を計画的に進めます。",
                  an, "C:doctor_quota")
        else:
            doc.p(base5)
    # 第６章
    doc.h(1, "第６章　地域医療構想及び外来医療")
    doc.h(2, "第１節　地域医療構想の推進")
    doc.p(next(gen))
    doc.p(next(gen))
    split = c["structure"] in ("split", "both")
    gai = ["（１）外来医師偏在指標", "（２）紹介受診重点医療機関"]
    kiki = ["医療機器の共同利用", "ＣＴ及びＭＲＩ等の配置状況"]
    if an and split:
        doc.h(2, "第２節　外来医療", ("I:split", 0))
    else:
        doc.h(2, "第２節　外来医療及び医療機器の効率的な活用")
    for h_ in gai:
        doc.h(3, h_)
        doc.p(next(gen)[:200])
    if an and split:
        doc.h(2, "第３節　医療機器の効率的な活用", ("I:split", 0))
        for k, h_ in enumerate(kiki, 1):
            doc.h(3, f"（{fw(k)}）{h_}")
            doc.p(f"{h_}について、" + next(gen)[:160])
    else:
        for k, h_ in enumerate(kiki, 3):
            doc.h(3, f"（{fw(k)}）{h_}")
            doc.p(f"{h_}について、" + next(gen)[:160])
    # 第７章
    doc.h(1, "第７章　計画の推進体制")
    doc.h(2, "１　推進体制")
    doc.p(f"計画の推進に当たっては、{plan.pref}医療審議会を中心に、県、市町村、医療機関、関係団体及び県民がそれぞれの役割を"
          f"果たしながら連携して取り組みます。計画の進行管理は、健康福祉部{ka}が行います。", ("I:rename", 0))
    doc.h(2, "２　評価及び見直し")
    doc.p("数値目標の達成状況は毎年度把握し、医療審議会に報告するとともに、県のホームページで公表します。"
          "ＰＤＣＡサイクルに基づき、必要に応じて施策の見直しを行います。")
    doc.h(1, "資料編")
    doc.h(2, "用語解説")
    for name, terms, _ in DISEASES[:8]:
        doc.p(f"{terms[0]}：{name}の医療提供体制に関する用語。本計画第４章を参照。")
    return doc


def _comment_para(doc: Doc, plan: Plan, i: int, text: str, an: bool, cc: set[str]) -> str:
    """The first 施策 paragraph of 節 ``i``, strengthened by a comment where chosen."""
    if i == 5 and "ems_strengthen" in cc:
        s = "救急安心センター事業（＃7119）の導入について検討します。"
        a = "救急安心センター事業（＃7119）を令和８年度までに導入し、適正受診を推進します。"
        if an:
            doc.p(text + a, ("C:ems_strengthen", len(text)))
        else:
            doc.p(text + s)
        return ""
    return text


def _comment_extra(doc: Doc, plan: Plan, i: int, an: bool, cc: set[str]) -> None:
    """Sentences added on a comment, at the end of the first 施策 of 節 ``i``."""
    adds = {
        1: ("stroke_window", "脳卒中患者とその家族の相談に応じるため、脳卒中相談窓口を設置する医療機関を支援します。"),
        10: ("child_mcc", "医療的ケア児とその家族が地域で安心して暮らせるよう、医療的ケア児支援センターを中心に関係機関の連携を進めます。"),
        9: ("peri_postpartum", "出産後の母子の心身のケアを行うため、市町村の産後ケア事業と医療機関との連携を支援します。"),
        6: ("disaster_nurse", "災害時に被災地で看護活動を行う災害支援ナースの養成を、県看護協会と連携して進めます。"),
    }
    if i in adds and adds[i][0] in cc:
        key, sentence = adds[i]
        base = "なお、関係機関の連携体制については、定期的に検証を行います。"
        _sent(doc, base, sentence, an, "C:" + key)


# ---------------------------------------------------------------- layout (printed pages)

PAGE_W, PAGE_H = 595, 842
LEFT, TOP, BOTTOM = 70, 780, 90
CPL = 40  # characters per body line
SIZES = {1: 14.0, 2: 12.0, 3: 10.5, 4: 10.5}


@dataclass
class Laid:
    pages: list[list[Line]]
    # block index -> [(offset or row, printed page)]
    where: dict[int, list[tuple[int, int]]]
    paths: list[list[str]]


def _paths(doc: Doc) -> list[list[str]]:
    stack: list[str] = []
    out = []
    for b in doc.blocks:
        if b.kind == "h":
            stack = stack[: b.level - 1] + [b.text]
        out.append(list(stack))
    return out


def _toc(doc: Doc, pages: dict[int, int]) -> list[str]:
    lines = []
    for bi, b in enumerate(doc.blocks):
        if b.kind == "h" and b.level <= 2:
            indent = "" if b.level == 1 else "　"
            lines.append(f"{indent}{b.text}{'・' * max(2, 34 - len(indent + b.text))}{pages.get(bi, 0)}")
    return lines


def lay_out(doc: Doc, title: str) -> Laid:
    """Cover and 目次 unnumbered, then the body from printed page 1 with 「－ n －」 footers."""
    body: list[list[Line]] = []
    where: dict[int, list[tuple[int, int]]] = {}
    cur: list[Line] = []
    y: float = TOP

    def finish() -> None:
        nonlocal cur, y
        cur.append(Line(PAGE_W / 2 - 20, 40, 9, f"－ {len(body) + 1} －"))
        body.append(cur)
        cur, y = [], TOP

    def put(size: float, items: list[tuple[float, str]], bi: int, k: int) -> None:
        nonlocal y
        if y - (size + 6) < BOTTOM:
            finish()
        y -= size + 6
        for x, t in items:
            cur.append(Line(x, y, size, t))
        where.setdefault(bi, []).append((k, len(body) + 1))

    for bi, b in enumerate(doc.blocks):
        if b.kind == "h":
            if b.level == 1 and cur:
                finish()
            if b.level <= 2 and y < BOTTOM + 120:
                finish()
            put(SIZES[b.level], [(LEFT, b.text)], bi, 0)
        elif b.kind == "p":
            text = "　" + b.text if not b.text.startswith(("ア", "イ", "ウ", "エ", "※", "【")) else b.text
            shift = len(text) - len(b.text)
            for i in range(0, len(text), CPL):
                put(10.5, [(LEFT, text[i:i + CPL])], bi, max(0, i - shift))
        else:
            size = 8.0
            xs: list[float] = [LEFT]
            for w in b.widths[:-1]:
                xs.append(xs[-1] + (w + 1) * size)
            for r, row in enumerate(b.rows):
                wrapped = [[cell[i:i + w] for i in range(0, len(cell), w)] or [""] for cell, w in zip(row, b.widths)]
                for ln in range(max(map(len, wrapped))):
                    put(size, [(x, cw[ln]) for x, cw in zip(xs, wrapped) if ln < len(cw)], bi, r)
    if cur:
        finish()
    first = {bi: v[0][1] for bi, v in where.items()}
    toc_pages: list[list[Line]] = []
    cur2: list[Line] = [Line(LEFT, TOP, 14, "目　次")]
    y2 = TOP - 30
    for t in _toc(doc, first):
        if y2 < BOTTOM:
            toc_pages.append(cur2)
            cur2, y2 = [], TOP
        cur2.append(Line(LEFT, y2, 10.5, t))
        y2 -= 17
    toc_pages.append(cur2)
    cover = [Line(LEFT, 600, 20, title), Line(LEFT, 560, 12, "令和６年３月")]
    return Laid([cover] + toc_pages + body, where, _paths(doc))


def page_at(laid: Laid, bi: int, k: int) -> int:
    """The printed page of offset (or table row) ``k`` of block ``bi``."""
    page = laid.where[bi][0][1]
    for off, p in laid.where[bi]:
        if off <= k:
            page = p
    if laid.paths and k >= 0:
        for off, p in laid.where[bi]:
            if off == k:
                return p
    return page


# ---------------------------------------------------------------- truth and comments

ITEM_NAMES = {
    "raise_cancer": ("value", "がん検診受診率（胃がん）の目標値を50％から60％に引き上げ"),
    "stroke_window": ("sentence", "脳卒中相談窓口の設置を支援する旨を追記"),
    "dm_indicator": ("indicator", "数値目標に「糖尿病性腎症による年間新規透析導入患者数」を追加"),
    "mental_column": ("column", "コラム「こころのサポーター」を追加"),
    "ems_strengthen": ("wording", "救急安心センター事業（＃7119）について「導入について検討します」を「令和８年度までに導入」に修正"),
    "child_mcc": ("sentence", "医療的ケア児とその家族への支援に関する記述を追記"),
    "home_target": ("value", "訪問診療を実施する医療機関数の目標値を600施設から650施設に引き上げ"),
    "peri_postpartum": ("sentence", "産後ケア事業と医療機関との連携に関する記述を追記"),
    "disaster_nurse": ("sentence", "災害支援ナースの養成に関する記述を追記"),
    "doctor_quota": ("sentence", "大学医学部の地域枠を活用した医師の養成に関する記述を追記"),
}

COMMENT_TEXT = {
    "raise_cancer": [("がん検診受診率の目標値50％は、国の第４期がん対策推進基本計画の目標（60％）より低い。国に合わせて60％に引き上げるべきである。",
                      "御意見を踏まえ、がん検診受診率（胃がん）の目標値を60％に引き上げました。"),
                     ("がん検診の目標値が低すぎる。受診率向上に本気で取り組むのであれば、より高い目標を掲げてほしい。",
                      "御意見を踏まえ、目標値を60％に見直しました。")],
    "stroke_window": [("脳卒中の後遺症に悩む患者や家族が気軽に相談できる窓口が必要である。計画に明記してほしい。",
                       "御意見を踏まえ、脳卒中相談窓口を設置する医療機関への支援について追記しました。")],
    "dm_indicator": [("糖尿病の重症化予防の成果を測る指標として、新規透析導入患者数を数値目標に設定すべきではないか。",
                      "御意見を踏まえ、数値目標に「糖尿病性腎症による年間新規透析導入患者数」を追加しました。")],
    "mental_column": [("精神疾患への偏見をなくすため、県民への普及啓発の取組を分かりやすく示してほしい。",
                       "御意見を踏まえ、こころのサポーターに関するコラムを追加しました。"),
                      ("身近な人の心の不調に気付いて支える人を増やす取組を紹介してほしい。",
                       "御意見を踏まえ、こころのサポーターの養成についてコラムで紹介することとしました。")],
    "ems_strengthen": [("＃7119の導入を「検討します」では遅い。救急車の適正利用のため、早期に導入すべきである。",
                        "御意見を踏まえ、救急安心センター事業（＃7119）を令和８年度までに導入する旨に修正しました。")],
    "child_mcc": [("医療的ケア児への支援について記載がない。家族の負担は大きく、小児医療の中で位置付けるべきである。",
                   "御意見を踏まえ、医療的ケア児とその家族への支援に関する記述を追記しました。"),
                  ("人工呼吸器を使う子の在宅生活を支える医療と福祉の連携について書いてほしい。",
                   "御意見を踏まえ、医療的ケア児支援センターを中心とした関係機関の連携について追記しました。")],
    "home_target": [("訪問診療を実施する医療機関数の目標が低い。高齢者の増加を考えると、もっと高く設定すべきである。",
                     "御意見を踏まえ、目標値を650施設に見直しました。")],
    "peri_postpartum": [("産後うつ対策として、産後ケアの充実を周産期医療の施策に記載してほしい。",
                         "御意見を踏まえ、市町村の産後ケア事業と医療機関との連携に関する記述を追記しました。")],
    "disaster_nurse": [("災害時の看護職の派遣体制についても記載すべきである。",
                        "御意見を踏まえ、災害支援ナースの養成に関する記述を追記しました。")],
    "doctor_quota": [("医師の地域偏在対策として、大学医学部の地域枠の活用を明記すべきである。",
                      "御意見を踏まえ、地域枠の活用に関する記述を追記しました。")],
}

FILL_OPINION = [
    "{a}圏域では{t}を担う医療機関が不足している。県として{u}の確保に取り組んでほしい。",
    "{t}について、県民に分かりやすい情報発信をしてほしい。",
    "{t}に関わる医療従事者の負担が大きい。働き方改革への対応を含めて支援を充実すべきである。",
    "{t}と{u}の連携がうまくいっていない事例がある。県が調整役を担ってほしい。",
    "{t}の数値目標の設定根拠を示してほしい。",
    "高齢者が{t}を受けるための交通手段の確保も考えてほしい。",
    "{t}に係る費用の助成を拡充してほしい。",
    "{u}の役割について、もう少し具体的に記載してほしい。",
]
FILL_ANSWER = {
    "B": ["御意見の趣旨は既に記載しています。引き続き、{t}の充実に取り組みます。",
          "御意見の趣旨は、「３　施策の方向」に既に記載しています。",
          "御意見の趣旨については、本計画に既に盛り込んでいます。"],
    "C": ["御意見は、今後の施策を推進する上での参考とさせていただきます。",
          "いただいた御意見は、{t}に関する今後の取組の参考とさせていただきます。",
          "{u}については、関係機関の御意見を伺いながら検討してまいります。御意見は今後の参考とさせていただきます。"],
    "D": ["{t}に係る費用の助成は国の制度によるものであり、計画への反映は困難ですが、国に対して要望してまいります。",
          "個別の医療機関に関する事項であるため、計画への反映は困難です。"],
    "E": ["御意見として承りました。", "計画の内容に関する御意見ではありませんが、担当課に伝えます。"],
}


def _decide(plan: Plan, an_doc: Doc, an_laid: Laid) -> tuple[list[dict], list[dict]]:
    """Truth rows (by decision tag) and editorial edits, with 案 paths and printed pages."""
    places: dict[str, list[tuple[list[str], int]]] = {}
    for bi, b in enumerate(an_doc.blocks):
        for tag, k in b.marks:
            if tag == "I:rename":
                k = b.text.find(NEW_KA)
            places.setdefault(tag, []).append((an_laid.paths[bi], page_at(an_laid, bi, k)))
    c = plan.content
    rows: list[dict] = []

    def row(tag: str, kind: str, cause: dict, must: list[str], gist: str) -> None:
        pl = places.get(tag, [])
        if not pl:
            return
        paths: list[list[str]] = []
        for p, _ in pl:
            if p not in paths:
                paths.append(p)
        rows.append({"id": f"R{len(rows) + 1}", "tag": tag, "kind": kind,
                     "item": "、".join(" ".join(p) for p in paths[:3]) + ("ほか" if len(paths) > 3 else ""),
                     "section_paths": paths, "an_pages": sorted({pg for _, pg in pl}),
                     "summary": gist, "must_mention": must, "cause": cause})

    for key in c["comment_changes"]:
        kind, gist = ITEM_NAMES[key]
        row("C:" + key, kind, {"type": "comment", "comment_ids": []}, COMMENT_EDITS[key][2], gist)
    row("X:ext", "external", {"type": "external", "comment_ids": []}, ["医療計画作成指針", "一部改正"],
        f"{c['ext_month']}に国の「医療計画作成指針」が一部改正されたため、関連する記述を更新")
    row("I:rename", "rename", {"type": "internal", "comment_ids": []}, [NEW_KA],
        f"組織改正により「{OLD_KA}」を「{NEW_KA}」に変更")
    row("I:refresh", "refresh", {"type": "internal", "comment_ids": []}, ["現状値", CUR_A],
        f"各節の数値目標の現状値を最新の数値（{CUR_A}）に更新")
    row("I:beds", "beds", {"type": "internal", "comment_ids": []}, ["基準病床数"],
        "最新の人口等を用いて基準病床数を再算定")
    row("I:swap", "swap", {"type": "internal", "comment_ids": []}, ["看護職員", "薬剤師"],
        "国の指針の構成に合わせ、「看護職員」と「薬剤師」の節の順序を入れ替え")
    row("I:split", "split", {"type": "internal", "comment_ids": []}, ["医療機器の効率的な活用"],
        "「外来医療及び医療機器の効率的な活用」を「外来医療」と「医療機器の効率的な活用」の２節に分割")
    editorial: list[dict] = []
    for key in c["editorial"]:
        for p, _ in places.get("E:" + key, []):
            s, a, sb, sa = ED_TEXT[key]
            editorial.append({"id": f"E{len(editorial) + 1}", "key": key, "section_path": p, "before": sb, "after": sa})
    return rows, editorial


def _ref(rng: random.Random, path: list[str], page: int) -> str:
    """A 該当箇所 as staff and residents write it."""
    import re

    chap = re.match(r"第(\S+?)章", path[0]) if path else None
    sec = re.match(r"第(\S+?)節", path[1]) if len(path) > 1 else None
    where = ""
    if chap:
        where = f"第{chap.group(1)}章" + (f"第{sec.group(1)}節" if sec else "")
    form = rng.random()
    if form < 0.45:
        return f"P.{page} {where}".strip()
    if form < 0.6:
        return f"Ｐ.{fw(page)}"
    if form < 0.75 and len(path) > 2:
        return where + path[2].split("　")[0]
    if form < 0.9:
        return where or "全体"
    return f"P.{page}"


def make_comments(plan: Plan, soan_doc: Doc, soan_laid: Laid, rows: list[dict]) -> list[dict]:
    rng = random.Random(plan.seed * 13 + 5)
    c = plan.content
    # the 素案 places: 第４章 節 i -> (path of 「３　施策の方向」 or 「４　数値目標」, page)
    sec_place: dict[tuple[int, str], tuple[list[str], int, int]] = {}
    order: dict[tuple[str, ...], int] = {}
    for bi, b in enumerate(soan_doc.blocks):
        p = soan_laid.paths[bi]
        order.setdefault(tuple(p), bi)
        if b.kind == "h" and len(p) >= 3 and p[0].startswith("第４章"):
            i = int(str(p[1][1:p[1].index("節")]).translate(str.maketrans("０１２３４５６７８９", "0123456789"))) - 1
            sec_place[(i, b.text)] = (p, page_at(soan_laid, bi, 0), bi)
        if b.kind == "h" and p[0].startswith("第５章") and b.text.endswith("医師") and len(p) == 2:
            sec_place[(-1, "医師")] = (p + ["２　施策の方向"], page_at(soan_laid, bi, 0), bi)
    items: list[tuple[int, dict]] = []
    row_of = {r["tag"]: r for r in rows}
    for key in c["comment_changes"]:
        i = COMMENT_EDITS[key][0]
        head = "４　数値目標" if key in ("raise_cancer", "dm_indicator", "home_target") else "３　施策の方向"
        if i == -1:
            p, pg, bi = sec_place[(-1, "医師")]
        else:
            p, pg, bi = sec_place[(i, head)]
        texts = COMMENT_TEXT[key][: rng.choice([1, 2])]
        for op, ans in texts:
            items.append((bi, {"ref": _ref(rng, p, pg), "opinion": op, "answer": ans, "cls": "A", "tag": "C:" + key}))
    if "typo_iryo" in c["editorial"]:
        i = c["ed_sec"]["typo_iryo"]
        p, pg, bi = sec_place[(i, "１　現状と課題")]
        items.append((bi, {"ref": f"P.{pg}", "opinion": "「医僚機関」は「医療機関」の誤りではないか。",
                           "answer": "御指摘のとおり修正しました。", "cls": "A", "tag": ""}))
    # other comments: no change in the plan
    heads = [v for k, v in sec_place.items() if k[0] >= 0]
    other_blocks = [(soan_laid.paths[bi], page_at(soan_laid, bi, 0), bi) for bi, b in enumerate(soan_doc.blocks)
                    if b.kind == "h" and b.level <= 2]
    while len(items) < c["n_comments"]:
        if rng.random() < 0.75:
            p, pg, bi = rng.choice(heads)
            i = next(k for k, (nm, _, _) in enumerate(DISEASES) if p[1].endswith(nm))
            terms = DISEASES[i][1]
        else:
            p, pg, bi = rng.choice(other_blocks)
            terms = ["医療提供体制", "地域医療構想", "医師確保", "病床", "医療ＤＸ", "かかりつけ医機能"]
        t, u = rng.sample(terms, 2)
        cls = rng.choices("BCDE", weights=[30, 45, 15, 10])[0]
        op = rng.choice(FILL_OPINION).format(t=t, u=u, a=rng.choice(AREAS))
        if rng.random() < 0.3:
            op += rng.choice(["県の考えを示してほしい。", "よろしくお願いしたい。", "早急に対応してほしい。"])
        ans = rng.choice(FILL_ANSWER[cls]).format(t=t, u=u)
        ref = "全体" if rng.random() < 0.06 else ("第３章（基準病床数）" if rng.random() < 0.02 else _ref(rng, p, pg))
        items.append((0 if ref == "全体" else bi, {"ref": ref, "opinion": op, "answer": ans, "cls": cls, "tag": ""}))
    items.sort(key=lambda x: x[0])
    out = []
    for n, (_, it) in enumerate(items, 1):
        it["id"] = f"C{n:02d}"
        it["no"] = n
        out.append(it)
        if it["tag"] in row_of:
            row_of[it["tag"]]["cause"]["comment_ids"].append(it["id"])
    return out


def truth(plan: Plan) -> tuple[Doc, Laid, Doc, Laid, dict]:
    title_s = f"第８次{plan.pref}保健医療計画（素案）"
    title_a = f"第８次{plan.pref}保健医療計画（案）"
    sd, ad = build(plan, False), build(plan, True)
    sl, al = lay_out(sd, title_s), lay_out(ad, title_a)
    rows, editorial = _decide(plan, ad, al)
    plan.comments = make_comments(plan, sd, sl, rows)
    plan.decisions, plan.editorial = rows, editorial
    exp = {"plan": title_a, "rows": [{k: v for k, v in r.items() if k != "tag"} for r in rows],
           "editorial": [{k: v for k, v in e.items() if k != "key"} for e in editorial],
           "comments": [{"id": x["id"], "reflected": x["cls"] == "A"} for x in plan.comments]}
    return sd, sl, ad, al, exp


def summary(plan: Plan) -> dict:
    if not plan.decisions:
        truth(plan)
    return {"pref": plan.pref, "pdf_only": plan.pdf_only, "rows": len(plan.decisions),
            "comment_rows": sum(r["cause"]["type"] == "comment" for r in plan.decisions),
            "structure": plan.content["structure"], "comments": len(plan.comments), "editorial": len(plan.editorial)}


# ---------------------------------------------------------------- writers

def _docx_plan(doc: Doc, title: str, path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph(title)
    d.add_paragraph("令和６年３月")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for b in doc.blocks:
        if b.kind == "h":
            d.add_heading(b.text, b.level)
        elif b.kind == "p":
            d.add_paragraph(b.text)
        else:
            t = d.add_table(rows=len(b.rows), cols=len(b.widths))
            t.style = "Table Grid"
            for trow, row in zip(t.rows, b.rows):
                for tcell, cell in zip(trow.cells, row):
                    tcell.text = cell
    d.save(str(path))


def _docx_comments(plan: Plan, path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(f"第８次{plan.pref}保健医療計画（素案）に対する御意見の要旨及び県の考え方")
    d.add_paragraph(f"意見募集期間：令和５年12月15日から令和６年１月15日まで　意見提出者数：{max(40, len(plan.comments) // 3)}人　"
                    f"意見件数：{len(plan.comments)}件")
    d.add_paragraph("対応区分　Ａ：御意見を踏まえ計画に反映したもの　Ｂ：既に計画に記載しているもの　Ｃ：今後の参考とするもの　"
                    "Ｄ：計画への反映が困難なもの　Ｅ：その他")
    t = d.add_table(rows=1 + len(plan.comments), cols=5)
    t.style = "Table Grid"
    for k, h in enumerate(["番号", "該当箇所（ページ・項目）", "御意見の要旨", "県の考え方", "対応区分"]):
        t.cell(0, k).text = h
    for r, (row, c) in enumerate(zip(t.rows[1:], plan.comments), 1):
        for cell, v in zip(row.cells, [fw(c["no"]) if r % 2 else str(c["no"]), c["ref"], c["opinion"], c["answer"], c["cls"]]):
            cell.text = v
    d.save(str(path))


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    sd, sl, ad, al, exp = truth(plan)
    f: dict[str, Path] = {"soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf", "comments": d / "betsu1.docx",
                          "expected": d / "expected.json"}
    write_pdf(sl.pages, f["soan_pdf"])
    write_pdf(al.pages, f["an_pdf"])
    if plan.pdf_only:
        f["soan"], f["an"] = f["soan_pdf"], f["an_pdf"]
    else:
        f["soan"], f["an"] = d / "soan.docx", d / "an.docx"
        _docx_plan(sd, f"第８次{plan.pref}保健医療計画（素案）", f["soan"])
        _docx_plan(ad, f"第８次{plan.pref}保健医療計画（案）", f["an"])
    _docx_comments(plan, f["comments"])
    f["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f
