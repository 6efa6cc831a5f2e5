"""The eighth blind family: a ministry's NATIONAL 基本計画 at scale
(「第６次共生社会形成基本計画（案）」), 素案 → 案 after a national public comment,
written without reading how revtool decides anything (issue 11).

House style (unlike the ward DX plan, the 環境基本計画, the ministry plan, the
総合計画, the 介護保険事業計画, the 教育振興基本計画, the 都市計画マスタープラン and
the 子ども・子育て支援事業計画): 第１部 基本的な考え方 / 第２部 分野別施策 / 第３部
推進体制 / 参考資料 as Heading 1; in 第２部 eight 「第ｎ分野　…」 (Heading 2), each
with 「１　基本認識」 / 「２　施策の基本的方向と具体的な取組」 / 「３　成果目標」
(Heading 3), 施策 「（１）…」 (Heading 4) and 取組 「①　…」 as plain paragraphs
ending with the 担当府省 in parentheses; 成果目標 tables 項目 | 現状 | 成果目標（期限）
with 西暦 years (「32.4％（2023年）」「40％（2030年）」); footnotes 「※　語：説明」;
a 計画の構成 table (分野 | 分野名) in 第１部; 参考資料 with a 用語解説 and a 策定経緯
table; a 目次 with pages. 60-120 printed pages.

別紙1: 300-800 rows 番号 | 該当箇所 | 御意見の概要 | 御意見に対する考え方, as an XLSX
(odd seeds; a title row above the header) or a ruled PDF table on A4 landscape
(even seeds). 該当箇所 「全体」「第２部第３分野」「P.45」 (a 素案 page)
「第２部第５分野２（１）③」「第３部」; answers in the ministry register
(「御意見を踏まえ、…を追記いたします」「…に修正いたします」「原案のとおりと
させていただきます」「御意見として承ります」「今後の施策の参考とさせていただきます」).
A heavy campaign: one text repeated 100-300 times with small edits in consecutive
rows (the first answered in full, the others 「番号ｎの御意見に対する考え方を
御参照ください。」 — only the first is linked in the truth), plus rows
「…。同趣旨の御意見（他Ｎ件）」, one of which causes a decision.

Decisions (one truth row each, as a ministry writes 「主な変更点」):
comment — 6 to 9 of: a 成果目標 raised (the heavy campaign), a 取組 added (a
同趣旨 group row), a sentence added to a 基本認識, 「検討する」→「推進する」, a
※ note added, a 成果目標 row added, a sentence added to 第３部, a term added to
the 用語解説, 「早期に」→「2027年度までに」; external — a law amendment quoted in
two 分野 (one row, both pages), on some seeds a 閣議決定 action plan revised;
internal — the secretariat's 室/課 renamed everywhere, every 成果目標 table's
現状 moved from 2023年 to 2024年 (one row), plus two of: a 分野 renamed (heading
+ 計画の構成 table), two 取組 swapped, a 取組 split, two 取組 merged.
Never rows: renumbering, 目次 lines, 出来る→できる, 又は→または, 様々→さまざま,
全て→すべて, typos (推准→推進, 共生杜会→共生社会), 「１０か所」→「10か所」, a stray
space, 「等」→「など」.

    plan = generate(1001)
    files = write_plan(plan, Path("out"))  # soan/an .docx/.pdf, bessi1.xlsx|pdf, expected.json

Truth (expected.json): ``rows`` [{id, decision, item, section_paths (案 headings
as printed), an_pages (printed pages of the 案 PDF where the decision's lines
print), kind, cause {type, comment_ids}, must_mention}], ``editorial`` [{id,
section_path, before, after}], ``comments`` [{id, row, ref, opinion, response,
reflected}], ``campaigns`` [{representative, members, count}].

Seeds: tuning 1001-1003, held-out 1101-1103.
"""

from __future__ import annotations

import copy
import datetime
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt

from benchmarks.plan_pdf import BODY_SIZE, PrintLine, lay_out, text_op, wrap, write_page_ops, write_pdf

BLIND8_TUNING_SEEDS = (1001, 1002, 1003)
BLIND8_SEEDS = (1101, 1102, 1103)

TITLE = "第６次共生社会形成基本計画"
ORG_RENAMES = [("内閣府共生社会推進室", "内閣府共生社会政策局"), ("内閣府地域共生企画課", "内閣府地域共生推進課"),
               ("内閣府共生社会政策課", "内閣府共生・地域社会政策課")]
MINISTRIES = ["総務省", "法務省", "文部科学省", "厚生労働省", "国土交通省", "経済産業省", "こども家庭庁", "出入国在留管理庁"]
FIELDS = [
    ("あらゆる分野における参画の拡大", ["意思決定過程への参画", "審議会委員の構成", "地方議会への参画", "政策立案過程"]),
    ("雇用・働き方分野における共生", ["多様な働き方", "職場環境の整備", "ハラスメントの防止", "仕事と生活の両立支援"]),
    ("地域・コミュニティにおける共生社会の形成", ["地域活動への参加", "自治会・町内会の活性化", "地域福祉活動", "居場所づくり"]),
    ("障害者・高齢者の社会参加の促進", ["社会参加の機会", "合理的配慮の提供", "公共施設のバリアフリー化", "移動支援"]),
    ("外国人との共生と多文化共生の推進", ["日本語教育", "多言語による情報提供", "外国人の生活相談", "多文化共生の地域づくり"]),
    ("困難を抱える人への包括的な支援", ["孤独・孤立対策", "生活困窮者への支援", "包括的な相談支援体制", "伴走型支援"]),
    ("防災・復興分野における共生の視点", ["避難所運営", "要配慮者の避難支援", "地域防災計画", "復興まちづくり"]),
    ("教育・意識啓発の推進", ["人権教育", "国民の意識啓発", "学校教育における理解促進", "生涯学習の機会"]),
]
FIELD_RENAMES = ["政策・方針決定過程への参画の拡大", "雇用・就業分野における共生の推進",
                 "地域社会・コミュニティにおける共生の推進", "障害者・高齢者の活躍と社会参加の推進",
                 "外国人材の受入れと多文化共生の推進", "困難を抱える人への包括的かつ継続的な支援",
                 "防災・減災・復興分野における共生の視点の強化", "教育・広報啓発の推進"]
FACETS = ["に関する実態把握", "を担う人材の育成", "の担い手の確保", "に係る相談体制の充実", "に関する普及啓発",
          "に関する好事例の展開", "に対する財政的支援", "に係る手続のデジタル化", "に係る指針の整備",
          "に関する研修の充実", "に係る評価指標の開発", "への当事者の参画"]
SHISAKU_SUFFIX = ["の推進", "に向けた環境の整備", "に関する理解の促進", "を支える基盤の強化", "に関する調査研究と情報発信",
                  "に係る連携体制の構築"]
ACTORS = ["地方公共団体", "関係団体", "経済団体", "民間企業", "特定非営利活動法人", "大学・研究機関", "関係府省"]
ACTIONS = ["先進的な取組事例を収集し、全国に周知する", "実態把握のための調査を定期的に実施し、その結果を公表する",
           "担い手の育成と確保に向けた研修を充実する", "相談窓口の周知を図るとともに、支援につながる体制を整備する",
           "ガイドラインを策定し、その普及を図る", "必要な財政的支援の在り方について、具体的な措置を講ずる",
           "デジタル技術を活用した効率的な取組を促進する", "好事例の横展開を図り、地域間の格差の解消に取り組む"]
SECONDS = ["また、取組の進捗状況を把握し、必要に応じて見直しを行う。", "その際、当事者の意見を丁寧に聴取し、施策に反映する。",
           "特に、地方における取組の底上げを図る。", "あわせて、関係機関の間の情報共有を進める。",
           "これらの取組の効果を検証し、その結果を次の施策の立案に生かす。"]
DETAILS = ["具体的には、{actor}が地域で行う先導的な取組に対し、専門家の派遣や情報提供による支援を行う。",
           "取組の実施に当たっては、{actor}の知見を活用し、効果的な手法の開発と普及に努める。",
           "{actor}による自主的な取組を促すため、表彰制度の活用や優良事例の紹介を行う。",
           "各地域の取組状況を比較できるよう、{actor}の協力を得て、統一的な指標による把握を行う。"]
NINSHIKI = ["{kw}については、これまでの計画に基づく取組により一定の進展が見られるものの、地域や分野によって取組の状況に差がある。",
            "人口減少と少子高齢化が進む中で、{kw}の重要性は一層高まっている。社会経済情勢の変化に的確に対応した施策の展開が求められる。",
            "第５次計画期間中の調査では、{kw}に関して支援を必要とする人が増えている一方、必要な支援が届いていない状況も明らかになった。",
            "新型コロナウイルス感染症の拡大を契機として、{kw}を巡る課題が顕在化した。平時からの備えと関係者の連携が重要である。",
            "{kw}に関する国民の関心は高まっているが、具体的な行動につながっていないとの指摘がある。"]
NEW_TORIKUMI = ["当事者団体との定期的な意見交換の場", "若年層を対象とした参加促進プログラム", "地域の中間支援組織への支援",
                "企業による取組の見える化"]
TOPICS = ["ヤングケアラー", "就職氷河期世代", "ひとり親家庭", "性的マイノリティ"]
TERMS = [("アウトリーチ", "支援が必要であるにもかかわらず届いていない人に対し、支援機関の側から積極的に働きかけること。"),
         ("ピアサポート", "同じような立場や経験を持つ人同士が、対等な関係で支え合うこと。"),
         ("社会的処方", "孤立などの社会的な課題を抱える人を、地域の活動やつながりにつなぐこと。"),
         ("ユニバーサルデザイン", "年齢や障害の有無などにかかわらず、最初から誰もが利用しやすいように設計すること。")]
LAWS = [("障害を理由とする差別の解消の推進に関する法律の一部を改正する法律", "令和７年法律第58号", 3, 1),
        ("孤独・孤立対策推進法の一部を改正する法律", "令和７年法律第42号", 5, 2),
        ("日本語教育の推進に関する法律の一部を改正する法律", "令和７年法律第36号", 4, 7)]
TARGET_ITEMS = ["審議会等委員に占める女性の割合", "テレワーク導入企業の割合", "地域活動に参加している人の割合",
                "障害者の実雇用率", "日本語教室が開設されている市区町村の割合", "孤独感を感じる人の割合",
                "避難所運営マニュアルを策定した市区町村の割合", "人権教育に関する研修の受講者数"]
EDITORIAL = [("出来る", "できる", "誰もが安心して参加出来る環境を整えることが重要である。"),
             ("又は", "または", "当事者又はその家族からの相談に丁寧に応じる。"),
             ("様々", "さまざま", "地域の様々な主体との対話を重ねる。"),
             ("全て", "すべて", "全ての人が役割を持てる社会を目指す。"),
             ("推准", "推進", "関係機関と協力して取組を推准する。"),
             ("共生杜会", "共生社会", "誰もが参加できる共生杜会の実現を図る。"),
             ("１０か所", "10か所", "モデル事業を全国１０か所で実施する。"),
             ("地域の 実情", "地域の実情", "地域の 実情に応じた支援体制を構築する。"),
             ("学校等", "学校など", "学校等の関係機関との連携を強化する。")]

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫"


def fw(n: int) -> str:
    """公用文 digits: one digit full-width, two or more half-width."""
    return "０１２３４５６７８９"[n] if n < 10 else str(n)


@dataclass
class Block:
    uid: str
    level: int  # 1-4 heading, 0 body, -1 note, -2 table, -3 toc, -4 title
    text: str = ""
    rows: list[list[str]] | None = None


@dataclass
class Comment:
    id: str
    row: int
    ref: str
    opinion: str
    response: str
    reflected: bool


@dataclass
class Plan:
    seed: int
    soan: list[Block]
    an: list[Block]
    comments: list[Comment]
    rows: list[dict]
    editorial: list[dict]
    campaigns: list[dict]
    soan_layout: tuple = ()
    an_layout: tuple = ()
    fmt: str = "xlsx"
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- the 素案

def _torikumi(rng: random.Random, topic: str, org: str, org_share: bool) -> str:
    actor = rng.choice(ACTORS)
    body = (f"{topic}について、{actor}と連携し、{rng.choice(ACTIONS)}。" + "".join(rng.sample(SECONDS, 2)) +
            rng.choice(DETAILS).format(actor=rng.choice(ACTORS)))
    owners = sorted(rng.sample(MINISTRIES, rng.randint(1, 2)), key=MINISTRIES.index)
    if org_share:
        owners = [org] + owners
    return body + "（" + "、".join(owners) + "）"


def build_soan(rng: random.Random, org: str) -> tuple[list[Block], dict]:
    """The 素案 blocks and an index of named places (uids) the decisions use."""
    B: list[Block] = []
    idx: dict = {"fields": []}

    def add(uid: str, level: int, text: str = "", rows: list[list[str]] | None = None) -> Block:
        b = Block(uid, level, text, rows)
        B.append(b)
        return b

    add("title", -4, TITLE + "（案）")
    add("toc-head", 0, "目　次")
    add("toc", -3)
    add("p1", 1, "第１部　基本的な考え方")
    add("p1.1", 2, "１　計画策定の経緯と趣旨")
    add("p1.1.a", 0, "我が国では、第５次計画に基づき、共生社会の形成に向けた取組を総合的かつ計画的に推進してきた。"
        "この間、人口減少と少子高齢化の進行、単身世帯の増加、デジタル化の進展、大規模災害の頻発など、社会経済情勢は大きく変化した。")
    add("p1.1.b", 0, "本計画は、共生社会形成基本法第10条に基づき、政府が講ずべき施策の基本的な方向と具体的な取組を定めるものであり、"
        "計画期間は2026年度から2030年度までの５年間とする。")
    for i in range(3):
        add(f"p1.1.f{i}", 0, rng.choice(NINSHIKI).format(kw=rng.choice(["共生社会の形成", "地域共生", "多様性の尊重"])))
    add("p1.2", 2, "２　基本的な視点")
    for i, v in enumerate(["誰一人取り残さない社会の実現", "当事者の参画と主体性の尊重", "地域の実情に応じた取組の推進",
                           "デジタル技術の積極的な活用", "証拠に基づく政策立案の徹底"]):
        add(f"p1.2.{i}", 0, f"（{fw(i + 1)}）{v}　" + rng.choice(NINSHIKI).format(kw=v))
    add("p1.3", 2, "３　計画の構成")
    add("p1.3.a", 0, "本計画は、第２部において次の８つの分野を設定し、分野ごとに基本認識、施策の基本的方向と具体的な取組、成果目標を示す。")
    add("p1.3.t", -2, rows=[["分野", "分野名"]] + [[f"第{fw(i + 1)}分野", f[0]] for i, f in enumerate(FIELDS)])
    add("p1.4", 2, "４　計画の位置付け")
    add("p1.4.a", 0, "本計画は、共生社会の実現に向けた行動計画（令和６年12月閣議決定）その他の関連する計画と整合を図りつつ策定するものである。")
    add("p1.4.b", 0, rng.choice(NINSHIKI).format(kw="関連する計画との連携"))
    add("p2", 1, "第２部　分野別施策")
    for f, (fname, kws) in enumerate(FIELDS):
        fi: dict = {"kws": kws, "shisaku": []}
        idx["fields"].append(fi)
        u = f"f{f}"
        add(u, 2, f"第{fw(f + 1)}分野　{fname}")
        add(u + ".1", 3, "１　基本認識")
        fi["ninshiki"] = []
        for i in range(8):
            b = add(f"{u}.1.{i}", 0, rng.choice(NINSHIKI).format(kw=kws[i % 4]) + rng.choice(NINSHIKI).format(kw=kws[(i + 1) % 4]))
            fi["ninshiki"].append(b.uid)
        add(u + ".2", 3, "２　施策の基本的方向と具体的な取組")
        topics = [k + fc for k in kws for fc in FACETS]
        rng.shuffle(topics)
        order = list(range(len(SHISAKU_SUFFIX)))
        rng.shuffle(order)
        for j in range(6):
            s = f"{u}.2.{j}"
            add(s, 4, f"（{fw(j + 1)}）{kws[j % 4]}{SHISAKU_SUFFIX[order[j]]}")
            add(s + ".d", 0, "【施策の基本的方向】" + rng.choice(NINSHIKI).format(kw=kws[j % 4]) +
                f"このため、{kws[j % 4]}{SHISAKU_SUFFIX[order[j]]}に向けて、関係府省が連携して次の取組を進める。")
            sh: dict = {"uid": s, "tor": [], "topics": []}
            for t in range(7):
                topic = topics.pop()
                b = add(f"{s}.{t}", 0, CIRCLED[t] + "　" + _torikumi(rng, topic, org, rng.random() < 0.3))
                sh["tor"].append(b.uid)
                sh["topics"].append(topic)
            fi["shisaku"].append(sh)
        add(u + ".3", 3, "３　成果目標")
        rows = [["項目", "現状", "成果目標（期限）"]]
        items = [TARGET_ITEMS[f]] + [kws[i] + rng.choice(["に関する取組を実施している市区町村の割合",
                                                           "に関する研修の実施団体数",
                                                           "に関する相談件数に占める解決件数の割合"]) for i in (1, 2, 3)]
        fi["targets"] = []
        for it in items[:rng.randint(3, 4)]:
            cur = round(rng.uniform(12, 60), 1)
            tgt = int(cur // 10 * 10 + rng.choice([10, 20]))
            rows.append([it, f"{cur}％（2023年）", f"{tgt}％（2030年）"])
            fi["targets"].append((it, cur, tgt))
        add(u + ".3.t", -2, rows=rows)
        add(u + ".3.n", -1, f"※　現状の数値は、{rng.choice(MINISTRIES)}の調査による。")
    add("p3", 1, "第３部　推進体制")
    add("p3.1", 2, "１　推進体制の整備")
    add("p3.1.a", 0, f"本計画の推進に当たっては、共生社会形成推進会議の下、{org}が事務局となり、関係府省の緊密な連携を図る。"
        f"また、{org}は、地方公共団体との連絡会議を開催し、地域の実情の把握に努める。")
    add("p3.1.b", 0, rng.choice(NINSHIKI).format(kw="推進体制の強化"))
    add("p3.2", 2, "２　進捗管理と評価")
    add("p3.2.a", 0, "成果目標の達成状況については、共生社会形成推進会議において評価を行う。"
        f"評価に必要なデータの収集と分析は、{org}が関係府省の協力を得て行う。")
    add("p3.3", 2, "３　地方公共団体・関係団体との連携")
    add("p3.3.a", 0, rng.choice(NINSHIKI).format(kw="地方公共団体との連携") + "国は、地方公共団体の計画策定を支援する。")
    add("ref", 1, "参考資料")
    add("ref.1", 2, "１　用語解説")
    for i, (term, dfn) in enumerate(TERMS[1:]):
        add(f"ref.1.{i}", 0, f"{term}：{dfn}")
    for i, kw in enumerate(k for f in FIELDS for k in f[1][:2]):
        add(f"ref.1.x{i}", 0, f"{kw}：{rng.choice(NINSHIKI).format(kw=kw)}")
    add("ref.2", 2, "２　計画策定の経緯")
    add("ref.2.t", -2, rows=[["年月日", "事項"], ["令和６年４月18日", "共生社会形成推進会議に基本計画の策定について諮問"],
                             ["令和７年２月３日", "専門調査会において中間整理"], ["令和７年８月29日", "素案の公表"],
                             ["令和７年９月１日～10月15日", "意見募集（パブリックコメント）の実施"],
                             ["令和７年12月19日", "共生社会形成推進会議において案を決定"]])
    return B, idx


# ---------------------------------------------------------------- helpers on block lists

def find(blocks: list[Block], uid: str) -> Block:
    return next(b for b in blocks if b.uid == uid)


def insert_after(blocks: list[Block], uid: str, new: Block) -> None:
    blocks.insert(blocks.index(find(blocks, uid)) + 1, new)


def path_of(blocks: list[Block], uid: str) -> list[str]:
    chain: dict[int, str] = {}
    for b in blocks:
        if 1 <= b.level <= 4:
            chain = {k: v for k, v in chain.items() if k < b.level}
            chain[b.level] = b.text
        if b.uid == uid:
            return [chain[k] for k in sorted(chain)]
    raise KeyError(uid)


def renumber(blocks: list[Block], parent: str) -> None:
    """Circled numbers of the 取組 under the 施策 ``parent`` in order."""
    kids = [b for b in blocks if b.uid.startswith(parent + ".") and b.level == 0 and b.text[:1] in CIRCLED]
    for i, b in enumerate(kids):
        b.text = CIRCLED[i] + b.text[1:]


def field_ref(f: int, j: int | None = None, t: int | None = None) -> str:
    s = f"第２部第{fw(f + 1)}分野"
    if j is not None:
        s += f"２（{fw(j + 1)}）"
    if t is not None:
        s += CIRCLED[t]
    return s


# ---------------------------------------------------------------- decisions

def apply_decisions(seed: int, rng: random.Random, soan: list[Block], idx: dict, org: tuple[str, str]) -> tuple[list[Block], list[dict]]:
    """The 案 and one decision record per truth row (its 案 markers resolved to pages later).

    A record: decision, item, kind, cause, must_mention, places [(uid, marker)], comment spec."""
    an = copy.deepcopy(soan)
    decs: list[dict] = []
    used: set[str] = set()
    fields = list(range(8))
    rng.shuffle(fields)

    def fresh_tor(f: int) -> tuple[int, int, str]:
        while True:
            j, t = rng.randrange(5), rng.randrange(7)
            uid = idx["fields"][f]["shisaku"][j]["tor"][t]
            if uid not in used:
                used.add(uid)
                return j, t, uid

    law, lawno, fa, fb = LAWS[seed % len(LAWS)]
    internal_pick = rng.sample(["I_rename", "I_swap", "I_split", "I_merge"], 2)
    comment_pool = ["C_sentence", "C_kento", "C_footnote", "C_item", "C_promo", "C_term", "C_reword"]
    rng.shuffle(comment_pool)
    comment_pick = ["C_target", "C_add"] + comment_pool[:rng.randint(4, 7)]
    # the 施策 whose 取組 are restructured stay apart from the ones edited
    struct_fields = [f for f in fields if f not in (fa, fb)][:2]
    cfields = [f for f in fields if f not in struct_fields]

    # --- internal: structure
    for n, dec in enumerate(internal_pick):
        f = struct_fields[n]
        fi = idx["fields"][f]
        j = rng.randrange(5)
        sh = fi["shisaku"][j]
        sid = sh["uid"]
        used.update(sh["tor"])
        if dec == "I_rename":
            old = FIELDS[f][0]
            new = FIELD_RENAMES[f]
            h = find(an, f"f{f}")
            h.text = h.text.replace(old, new)
            tab = find(an, "p1.3.t")
            assert tab.rows is not None
            tab.rows[f + 1][1] = new
            decs.append(dict(decision="I_rename", item=f"第{fw(f + 1)}分野の名称", kind="renamed", cause="internal",
                             must=[old, new], places=[(f"f{f}", new), ("p1.3.t", new)]))
        elif dec == "I_swap":
            a, b = find(an, sh["tor"][0]), find(an, sh["tor"][1])
            ia, ib = an.index(a), an.index(b)
            an[ia], an[ib] = b, a
            renumber(an, sid)
            decs.append(dict(decision="I_swap", item=f"{field_ref(f, j)}の取組の順序", kind="moved", cause="internal",
                             must=[sh["topics"][0], sh["topics"][1]],
                             places=[(sh["tor"][1], sh["topics"][1]), (sh["tor"][0], sh["topics"][0])]))
        elif dec == "I_split":
            a_t = sh["topics"][2]
            b_t = fi["kws"][(j + 1) % 4] + "に係る広域的な連携体制の構築"
            s_b = find(soan, sh["tor"][2])
            body = s_b.text[2:]
            s_b.text = s_b.text[:2] + body.replace(f"{a_t}について、", f"{a_t}及び{b_t}について、", 1)
            an_b = find(an, sh["tor"][2])
            an_b.text = an_b.text[:2] + body
            insert_after(an, sh["tor"][2], Block(sh["tor"][2] + "s", 0, "③　" + f"{b_t}について、都道府県の区域を越えた"
                                                 "取組を促進するため、関係府省と地方公共団体による協議の場を設ける。（内閣府）"))
            renumber(an, sid)
            decs.append(dict(decision="I_split", item=f"{field_ref(f, j)}の取組の分割", kind="split", cause="internal",
                             must=[a_t, b_t], places=[(sh["tor"][2], a_t), (sh["tor"][2] + "s", b_t)]))
        else:  # I_merge
            a_t, b_t = sh["topics"][1], sh["topics"][2]
            a, b = find(an, sh["tor"][1]), find(an, sh["tor"][2])
            a.text = a.text[:2] + a.text[2:].replace(f"{a_t}について、", f"{a_t}及び{b_t}について、", 1)
            an.remove(b)
            renumber(an, sid)
            decs.append(dict(decision="I_merge", item=f"{field_ref(f, j)}の取組の統合", kind="merged", cause="internal",
                             must=[a_t, b_t], places=[(sh["tor"][1], b_t)]))

    # --- external
    s_a = idx["fields"][fa]["ninshiki"][1]
    j_b, t_b, u_b = fresh_tor(fb)
    used.add(s_a)
    sent = f"令和７年に成立した{law}（{lawno}）の施行を踏まえ、"
    find(an, s_a).text += sent + "関連する施策を着実に実施する必要がある。"
    tb = find(an, u_b)
    tb.text = tb.text[:2] + sent + tb.text[2:]
    decs.append(dict(decision="X_law", item=f"{law}の反映（第{fw(fa + 1)}分野、第{fw(fb + 1)}分野）", kind="modified",
                     cause="external", must=[lawno], places=[(s_a, lawno), (u_b, lawno)]))
    if rng.random() < 0.67:
        p = find(an, "p1.4.a")
        p.text = p.text.replace("（令和６年12月閣議決定）", "（令和６年12月閣議決定、令和７年６月改訂）")
        decs.append(dict(decision="X_plan", item="共生社会の実現に向けた行動計画の改訂", kind="modified", cause="external",
                         must=["令和７年６月改訂"], places=[("p1.4.a", "令和７年６月改訂")]))

    # --- internal: org everywhere, 現状 2023 → 2024 everywhere
    o_old, o_new = org
    places = []
    for b in an:
        if b.text and o_old in b.text:
            b.text = b.text.replace(o_old, o_new)
            places.append((b.uid, o_new))
    decs.append(dict(decision="I_org", item=f"組織名の変更（{o_old}→{o_new}）", kind="modified", cause="internal",
                     must=[o_old, o_new], places=places))
    places = []
    for f in range(8):
        tab = find(an, f"f{f}.3.t")
        assert tab.rows is not None
        for r in tab.rows[1:]:
            cur = float(r[1].split("％")[0])
            r[1] = f"{round(cur + rng.choice([-1.8, -0.6, 0.4, 1.1, 2.3]), 1)}％（2024年）"
            places.append((tab.uid, r[1]))
    decs.append(dict(decision="I_current", item="成果目標の現状値の更新（2023年→2024年）", kind="modified", cause="internal",
                     must=["2024年"], places=places))

    # --- comment-caused
    for k, dec in enumerate(comment_pick):
        f = cfields[k % len(cfields)]
        fi = idx["fields"][f]
        kw = fi["kws"][rng.randrange(4)]
        if dec == "C_target":
            it, cur, tgt = fi["targets"][0]
            new = tgt + 10
            tab = find(an, f"f{f}.3.t")
            assert tab.rows is not None
            tab.rows[1][2] = f"{new}％（2030年）"
            decs.append(dict(decision=dec, item=f"第{fw(f + 1)}分野の成果目標「{it}」", kind="modified", cause="comment",
                             must=[f"{tgt}％", f"{new}％"], places=[(tab.uid, it)],
                             com=dict(kind="campaign", ref=f"第２部第{fw(f + 1)}分野３", f=f, item=it, old=tgt, new=new, kw=kw)))
        elif dec == "C_add":
            j = rng.randrange(5)
            sh = fi["shisaku"][j]
            name = NEW_TORIKUMI[rng.randrange(len(NEW_TORIKUMI))]
            last = [b for b in an if b.uid.startswith(sh["uid"] + ".") and b.level == 0 and b.text[:1] in CIRCLED][-1]
            nb = Block(sh["uid"] + ".new", 0, "⑨　" + f"{kw}に関し、{name}を設け、その成果を施策の改善に生かす。（内閣府、"
                       + rng.choice(MINISTRIES) + "）")
            insert_after(an, last.uid, nb)
            renumber(an, sh["uid"])
            decs.append(dict(decision=dec, item=f"{field_ref(f, j)}の取組の追加", kind="added", cause="comment",
                             must=[name], places=[(nb.uid, name)],
                             com=dict(kind="group", ref=field_ref(f, j), kw=kw, name=name, f=f, j=j)))
        elif dec == "C_sentence":
            topic = TOPICS[rng.randrange(len(TOPICS))]
            u = fi["ninshiki"][2]
            used.add(u)
            find(an, u).text += f"また、{topic}についても、実態が十分に把握されておらず、支援が届きにくいとの指摘がある。"
            decs.append(dict(decision=dec, item=f"第{fw(f + 1)}分野の基本認識（{topic}）", kind="modified", cause="comment",
                             must=[topic], places=[(u, topic)],
                             com=dict(kind="one", ref=f"第２部第{fw(f + 1)}分野１",
                                      op=f"基本認識において、{topic}の状況に触れるべきである。",
                                      ans=f"御意見を踏まえ、第２部第{fw(f + 1)}分野の基本認識に{topic}に関する記述を追記いたします。")))
        elif dec == "C_kento":
            j, t, u = fresh_tor(f)
            obj = fi["kws"][j % 4] + "に関する認証制度"
            sb = find(soan, u)
            sb.text = sb.text[:2] + f"{obj}の導入を検討する。" + sb.text[2:]
            ab = find(an, u)
            ab.text = ab.text[:2] + f"{obj}の導入を推進する。" + ab.text[2:]
            decs.append(dict(decision=dec, item=f"{field_ref(f, j, t)}（{obj}）", kind="modified", cause="comment",
                             must=["推進する"], places=[(u, f"{obj}の導入を推進する")],
                             com=dict(kind="one", ref=field_ref(f, j, t) if rng.random() < 0.5 else "P",
                                      uid=u, op=f"{obj}について、「検討する」では弱い。導入を前提に取り組むべきである。",
                                      ans=f"御意見を踏まえ、「{obj}の導入を推進する」に修正いたします。")))
        elif dec == "C_footnote":
            term, dfn = TERMS[0]
            u = fi["ninshiki"][0]
            used.add(u)
            ab = find(an, u)
            ab.text = ab.text.replace("。", f"。{term}による支援も重要である。", 1)
            insert_after(an, u, Block(u + ".n", -1, f"※　{term}：{dfn}"))
            decs.append(dict(decision=dec, item=f"第{fw(f + 1)}分野の基本認識（{term}の注釈）", kind="added", cause="comment",
                             must=[term], places=[(u + ".n", term)],
                             com=dict(kind="one", ref=f"第２部第{fw(f + 1)}分野１",
                                      op=f"専門用語が多く分かりにくい。{term}のような支援の方法も記載し、説明を加えてほしい。",
                                      ans=f"御意見を踏まえ、{term}について記述と注釈を追記いたします。")))
        elif dec == "C_item":
            item = fi["kws"][0] + "に関する計画を策定した都道府県の数"
            tab = find(an, f"f{f}.3.t")
            assert tab.rows is not None
            tab.rows.append([item, "－", "47都道府県（2030年）"])
            decs.append(dict(decision=dec, item=f"第{fw(f + 1)}分野の成果目標の追加（{item}）", kind="added", cause="comment",
                             must=[item], places=[(tab.uid, item)],
                             com=dict(kind="one", ref=f"第２部第{fw(f + 1)}分野３",
                                      op=f"都道府県の取組状況を測る成果目標を設けるべきである。{fi['kws'][0]}の計画の有無を指標とすることを提案する。",
                                      ans=f"御意見を踏まえ、成果目標に「{item}」を追加いたします。")))
        elif dec == "C_promo":
            ab = find(an, "p3.2.a")
            ab.text = ab.text.replace("評価を行う。", "評価を行い、その結果を毎年度公表する。", 1)
            decs.append(dict(decision=dec, item="第３部２ 進捗管理と評価（評価結果の公表）", kind="modified", cause="comment",
                             must=["毎年度公表"], places=[("p3.2.a", "毎年度公表")],
                             com=dict(kind="one", ref="第３部",
                                      op="計画の進捗状況が国民に見えない。評価の結果を定期的に公表すべきである。",
                                      ans="御意見を踏まえ、評価の結果を毎年度公表する旨を追記いたします。")))
        elif dec == "C_term":
            term = TERMS[1 + rng.randrange(3)][0]
            term = {"ピアサポート": "ピアカウンセリング", "社会的処方": "リンクワーカー", "ユニバーサルデザイン": "アクセシビリティ"}[term]
            dfn = "障害や年齢にかかわらず、情報や施設、サービスを利用できること。" if term == "アクセシビリティ" else \
                "支援を必要とする人に寄り添い、地域の資源につなぐ役割を担う人や取組。"
            insert_after(an, "ref.1.2", Block("ref.1.new", 0, f"{term}：{dfn}"))
            decs.append(dict(decision=dec, item=f"参考資料１ 用語解説（{term}）", kind="added", cause="comment",
                             must=[term], places=[("ref.1.new", term)],
                             com=dict(kind="one", ref="参考資料",
                                      op=f"用語解説に{term}を加えてほしい。",
                                      ans=f"御意見を踏まえ、用語解説に「{term}」を追加いたします。")))
        else:  # C_reword
            j, t, u = fresh_tor(f)
            sb = find(soan, u)
            sb.text = sb.text[:2] + "早期に" + sb.text[2:]
            ab = find(an, u)
            ab.text = ab.text[:2] + "2027年度までに" + ab.text[2:]
            decs.append(dict(decision=dec, item=f"{field_ref(f, j, t)}（実施時期の明記）", kind="modified", cause="comment",
                             must=["2027年度までに"], places=[(u, "2027年度までに")],
                             com=dict(kind="one", ref=field_ref(f, j, t), uid=u,
                                      op="「早期に」では時期が不明確である。期限を明記すべきである。",
                                      ans="御意見を踏まえ、「2027年度までに」と期限を明記するよう修正いたします。")))
    return an, decs


def add_editorial(rng: random.Random, soan: list[Block], an: list[Block], touched: set[str]) -> list[dict]:
    """Each 公用文/typo edit carried by a sentence appended to one untouched paragraph."""
    cands = [b.uid for b in soan if b.level == 0 and b.uid.endswith(".d") and b.uid not in touched]
    rng.shuffle(cands)
    out = []
    for n, (old, new, sent) in enumerate(EDITORIAL):
        uid = cands[n]
        find(soan, uid).text += sent
        find(an, uid).text += sent.replace(old, new)
        out.append(dict(id=f"ED{n + 1}", uid=uid, before=sent, after=sent.replace(old, new)))
    return out


# ---------------------------------------------------------------- layout

def _cells(row: list[str]) -> str:
    return "　".join(row)


def print_lines(blocks: list[Block], toc: list[str]) -> list[PrintLine]:
    out: list[PrintLine] = []
    for b in blocks:
        if b.level == -4:
            continue
        if b.level == -3:
            out += [PrintLine(t, key=(b.uid, i, 0)) for i, t in enumerate(toc)]
        elif b.level == -2:
            assert b.rows is not None
            for i, r in enumerate(b.rows):
                out += [PrintLine(seg, size=9.5, key=(b.uid, i, off)) for off, seg in wrap(_cells(r), 44)]
        elif b.level == -1:
            out += [PrintLine(seg, size=9, key=(b.uid, 0, off)) for off, seg in wrap(b.text, 46)]
        elif b.level >= 1:
            size = {1: 16.0, 2: 14.0, 3: 12.0, 4: 11.0}[b.level]
            brk = b.level == 1 or (b.level == 2 and b.uid.startswith("f"))
            out += [PrintLine(seg, size=size, key=(b.uid, 0, off), new_page=brk and off == 0)
                    for off, seg in wrap(b.text, 30)]
        else:
            out += [PrintLine(seg, key=(b.uid, 0, off), new_page=b.uid == "toc-head") for off, seg in wrap(b.text)]
    return out


def toc_entries(blocks: list[Block], where: dict | None) -> list[str]:
    out = []
    for b in blocks:
        if b.level in (1, 2):
            pg = where[(b.uid, 0, 0)] if where else 0
            out.append(("" if b.level == 1 else "　") + f"{b.text}　……　{pg}")
    return out


def layout(blocks: list[Block]) -> tuple[list, dict]:
    """Pages and the printed page of every line key; the 目次 is laid out twice so its numbers are right."""
    _, where = lay_out(print_lines(blocks, toc_entries(blocks, None)), blocks[0].text)
    for _ in range(3):
        toc = toc_entries(blocks, where)
        pages, where2 = lay_out(print_lines(blocks, toc), blocks[0].text)
        if where2 == where:
            break
        where = where2
    find(blocks, "toc").rows = [[t] for t in toc_entries(blocks, where)]
    return pages, where


def page_of(blocks: list[Block], where: dict, uid: str, marker: str) -> int:
    """The printed page where ``marker`` starts inside block ``uid``."""
    b = find(blocks, uid)
    if b.level == -2:
        assert b.rows is not None
        for i, r in enumerate(b.rows):
            text = _cells(r)
            if marker in text:
                pos = text.index(marker)
                return where[(uid, i, max(off for off, _ in wrap(text, 44) if off <= pos))]
        raise KeyError((uid, marker))
    width = 46 if b.level == -1 else 30 if b.level >= 1 else 40
    pos = b.text.index(marker)
    return where[(uid, 0, max(off for off, _ in wrap(b.text, width) if off <= pos))]


# ---------------------------------------------------------------- comments

ORDINARY = ["{kw}について、国としてより踏み込んだ取組を示すべきである。", "{kw}に関する予算を大幅に拡充してほしい。",
            "{kw}の推進に当たっては、地方公共団体の負担に配慮すべきである。",
            "{kw}については、当事者の声を聴く仕組みを設けるべきである。", "{kw}に関する取組の実効性が乏しいのではないか。",
            "{kw}について、民間の力をもっと活用すべきである。", "{kw}に関する記述が抽象的で、具体的に何をするのか分からない。",
            "{kw}に係る成果目標の設定根拠を示してほしい。"]
WHOLE = ["計画全体として、具体的な数値目標が少ない。", "計画の分量が多く、国民に分かりにくい。概要版を作成すべきである。",
         "第５次計画の評価を十分に行った上で策定すべきである。", "計画全体を通じて、当事者の視点が不足している。"]
REASONS = ["", "", "現場の実情を踏まえてほしい。", "地方の声を反映してほしい。", "国民への説明が不足している。",
           "財源の裏付けが必要である。", "他国の事例も参考にすべきである。", "若い世代の意見も聴いてほしい。",
           "数値目標の達成が危ぶまれる。", "関係府省の役割分担を明確にすべきである。"]
ANSWERS = ["御意見として承ります。", "今後の施策の参考とさせていただきます。",
           "原案のとおりとさせていただきます。なお、いただいた御意見は、今後の施策の推進に当たっての参考とさせていただきます。",
           "本計画に基づき、関係府省が連携して取組を進めてまいります。御意見は今後の施策の参考とさせていただきます。"]


def _ref(rng: random.Random, f: int, soan: list[Block], where: dict) -> str:
    r = rng.random()
    if r < 0.35:
        return field_ref(f)
    if r < 0.6:
        return f"P.{where[(f'f{f}.1.0', 0, 0)] + rng.randrange(3)}"
    if r < 0.85:
        return field_ref(f, rng.randrange(5), rng.randrange(5))
    return field_ref(f, rng.randrange(5))


def make_comments(rng: random.Random, soan: list[Block], where: dict, idx: dict, decs: list[dict],
                  editorial: list[dict]) -> tuple[list[Comment], list[dict]]:
    """Comments in 該当箇所 order (全体, 第１部, 第２部 by 分野, 第３部, 参考資料), numbered from 1."""
    items: list[tuple[float, dict]] = []  # (sort key, spec)
    total = rng.randint(320, 760)
    camp = rng.randint(110, min(300, total // 2))

    def add(order: float, ref: str, op: str, ans: str, reflected: bool, dec: dict | None = None,
            group: str | None = None) -> None:
        items.append((order, dict(ref=ref, op=op, ans=ans, reflected=reflected, dec=dec, group=group)))

    for d in decs:
        c = d.get("com")
        if not c:
            continue
        if c["kind"] == "campaign":
            f = c["f"]
            base = (f"第２部第{fw(f + 1)}分野の成果目標「{c['item']}」の目標値{c['old']}％は低すぎる。{c['new']}％以上に"
                    f"引き上げるべきである。{c['kw']}の遅れは深刻であり、国が率先して高い目標を掲げることが必要だ。")
            ans = (f"御意見を踏まえ、第２部第{fw(f + 1)}分野の成果目標「{c['item']}」を「{c['new']}％（2030年）」に"
                   "修正いたします。")
            add(3 + f + 0.5, c["ref"], base, ans, True, d, "rep")
            for m in range(camp - 1):
                v = base
                if m % 3 == 0:
                    v = rng.choice(["私は", "一国民として、", "当事者の一人として、"]) + v
                if m % 4 == 1:
                    v = v.replace("べきである。", "べきだ。")
                if m % 5 == 2:
                    v = v.replace("国が率先して高い目標を掲げることが必要だ。", "強く要望する。")
                if m % 7 == 3:
                    v = v.replace("深刻であり、", "深刻で、")
                add(3 + f + 0.5 + (m + 1) * 1e-5, c["ref"], v, "", False, d, "member")
        elif c["kind"] == "group":
            n = rng.randint(12, 40)
            op = (f"{c['kw']}を進めるため、{c['name']}を具体的な取組として位置付けるべきである。"
                  f"同趣旨の御意見（他{n}件）")
            ans = f"御意見を踏まえ、{c['ref']}に{c['name']}に関する取組を追記いたします。"
            add(3 + c["f"] + 0.2 + c["j"] * 0.01, c["ref"], op, ans, True, d)
        else:
            ref = c["ref"]
            if ref == "P":
                ref = f"P.{page_of(soan, where, c['uid'], find(soan, c['uid']).text[2:8])}"
            order = 1.5 if ref.startswith("第１部") else 11.5 if ref.startswith("第３部") else \
                12.5 if ref.startswith("参考") else 3 + int("１２３４５６７８".index(ref[4])) + 0.3 if ref.startswith("第２部") \
                else 3 + [i for i in range(8) if where[(f"f{i}", 0, 0)] <= int(ref[2:])][-1] + 0.3
            add(order, ref, c["op"], c["ans"], True, d)
            if rng.random() < 0.4:  # a second voice, answered the same way
                add(order + 0.001, ref, c["op"].replace("べきである", "べきではないか").replace("ほしい", "いただきたい"),
                    c["ans"], True, d)
    # a typo pointed out (reflected, no row)
    e = next(x for x in editorial if x["before"].startswith("関係機関と協力して"))
    f = int(e["uid"][1])
    add(3 + f + 0.7, field_ref(f, int(e["uid"].split(".")[2])), "「推准」は「推進」の誤りではないか。",
        "御指摘を踏まえ、修正いたします。", True)
    # 同趣旨 groups answered without a change
    for g in range(rng.randint(5, 9)):
        f = rng.randrange(8)
        kw = idx["fields"][f]["kws"][rng.randrange(4)]
        add(3 + f + 0.8, field_ref(f), rng.choice(ORDINARY).format(kw=kw) + f"同趣旨の御意見（他{rng.randint(3, 60)}件）",
            rng.choice(ANSWERS), False)
    while len(items) < total:
        r = rng.random()
        if r < 0.08:
            add(0, "全体", rng.choice(WHOLE) + rng.choice(REASONS), rng.choice(ANSWERS), False)
        elif r < 0.14:
            add(1.5, "第１部", rng.choice(ORDINARY).format(kw=rng.choice(["基本的な視点", "計画の位置付け", "計画期間"]))
                + rng.choice(REASONS),
                rng.choice(ANSWERS), False)
        elif r < 0.19:
            add(11.5, "第３部", rng.choice(ORDINARY).format(kw="推進体制") + rng.choice(REASONS), rng.choice(ANSWERS), False)
        else:
            f = rng.randrange(8)
            kw = idx["fields"][f]["kws"][rng.randrange(4)]
            ref = _ref(rng, f, soan, where)
            if rng.random() < 0.15:
                ans = f"御指摘の点については、{field_ref(f)}２に記載しており、原案のとおりとさせていただきます。"
            else:
                ans = rng.choice(ANSWERS)
            add(3 + f + rng.choice([0.1, 0.3, 0.6, 0.9]), ref, rng.choice(ORDINARY).format(kw=kw) + rng.choice(REASONS), ans,
                False)
    items.sort(key=lambda x: x[0])
    comments: list[Comment] = []
    campaigns: dict[str, dict] = {}
    rep_no = 0
    for n, (_, s) in enumerate(items, 1):
        cid = f"C{n:02d}"
        ans = s["ans"]
        if s["group"] == "rep":
            rep_no = n
            campaigns[cid] = dict(representative=cid, members=[], count=1, decision=s["dec"]["decision"])
            s["dec"].setdefault("cids", []).append(cid)
        elif s["group"] == "member":
            ans = f"番号{rep_no}の御意見に対する考え方を御参照ください。"
            campaigns[f"C{rep_no:02d}"]["members"].append(cid)
            campaigns[f"C{rep_no:02d}"]["count"] += 1
        elif s["dec"] is not None:
            s["dec"].setdefault("cids", []).append(cid)
        comments.append(Comment(cid, n, s["ref"], s["op"], ans, s["reflected"]))
    return comments, list(campaigns.values())


# ---------------------------------------------------------------- generate

def generate(seed: int) -> Plan:
    rng = random.Random(seed * 7919 + 8)
    org = ORG_RENAMES[rng.randrange(len(ORG_RENAMES))]
    soan, idx = build_soan(rng, org[0])
    an, decs = apply_decisions(seed, rng, soan, idx, org)
    local = [u for d in decs if d["decision"] not in ("I_org", "I_current") for u, _ in d["places"]]
    touched = set(local) | {u.rsplit(".", 1)[0] + ".d" for u in local}
    editorial = add_editorial(rng, soan, an, touched)
    s_pages, s_where = layout(soan)
    a_pages, a_where = layout(an)
    comments, campaigns = make_comments(rng, soan, s_where, idx, decs, editorial)
    rows = []
    for n, d in enumerate(decs, 1):
        paths: list[list[str]] = []
        for u, _ in d["places"]:
            p = path_of(an, u)
            if p not in paths:
                paths.append(p)
        pages = sorted({page_of(an, a_where, u, m) for u, m in d["places"]})
        rows.append(dict(id=f"E{n}", decision=d["decision"], item=d["item"], section_paths=paths, an_pages=pages,
                         kind=d["kind"], cause=dict(type=d["cause"], comment_ids=d.get("cids", [])), must_mention=d["must"]))
    ed = [dict(id=e["id"], section_path=path_of(an, e["uid"]), before=e["before"], after=e["after"]) for e in editorial]
    return Plan(seed, soan, an, comments, rows, ed, campaigns, (s_pages, s_where), (a_pages, a_where),
                "xlsx" if seed % 2 else "pdf")


def summary(plan: Plan) -> dict:
    return {"pages": len(plan.an_layout[0]) - 1, "comments": len(plan.comments),
            "campaign": [c["count"] for c in plan.campaigns], "rows": len(plan.rows),
            "editorial": len(plan.editorial), "bessi1": plan.fmt}


# ---------------------------------------------------------------- files

def write_docx(blocks: list[Block], path: Path) -> None:
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = datetime.datetime(2025, 8, 29)
    d.styles["Normal"].font.size = Pt(BODY_SIZE)
    for b in blocks:
        if b.level == -4:
            d.add_paragraph(b.text, style="Title")
        elif b.level == -3:
            for r in b.rows or []:
                d.add_paragraph(r[0])
        elif b.level == -2:
            assert b.rows is not None
            t = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(b.rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
        elif b.level >= 1:
            d.add_heading(b.text, level=b.level)
        else:
            p = d.add_paragraph(b.text)
            if b.level == -1:
                for run in p.runs:
                    run.font.size = Pt(9)
    d.save(str(path))


def _wrap_cell(text: str, width: float) -> list[str]:
    """Lines of at most ``width`` full-width characters (half-width counts one half); a closing mark may
    run one character over, so callers keep one character of room in the cell."""
    out, cur, w = [], "", 0.0
    for ch in text:
        cw = 0.5 if ord(ch) < 0x7F else 1.0
        if w + cw > width and ch not in "。、）」":  # 禁則: no line starts with a closing mark
            out.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += cw
    return out + [cur] if cur or not out else out


COLS = [("番号", 38), ("該当箇所", 110), ("御意見の概要", 317), ("御意見に対する考え方", 317)]


def write_ruled_pdf(title: str, rows: list[list[str]], path: Path) -> None:
    """別紙1 as a ruled table on A4 landscape: the header repeated on every page, 9 pt text."""
    W, H, X0, TOPY, BOT, FS, LH = 842, 595, 30, 540, 40, 9.0, 12.0
    pages: list[list[str]] = []
    ops: list[str] = []

    def text(x: float, y: float, s: str, size: float = FS) -> None:
        ops.append(text_op(x, y, size, s))

    def rule(x1: float, y1: float, x2: float, y2: float) -> None:
        ops.append(f"0.6 w {x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l S")

    def draw_row(cells: list[str], y: float) -> float:
        wrapped = [_wrap_cell(c, (w - 6) / FS - 1) for c, (_, w) in zip(cells, COLS)]
        h = max(len(x) for x in wrapped) * LH + 6
        x = X0
        for lines, (_, w) in zip(wrapped, COLS):
            for i, ln in enumerate(lines):
                text(x + 3, y - 3 - FS - i * LH, ln)
            rule(x, y, x, y - h)
            x += w
        rule(x, y, x, y - h)
        rule(X0, y - h, x, y - h)
        return y - h

    def new_page(first: bool) -> float:
        nonlocal ops
        if ops:
            pages.append(ops)
        ops = []
        y = TOPY
        if first:
            text(X0, 560, title, 12)
        rule(X0, y, X0 + sum(w for _, w in COLS), y)
        return draw_row([c for c, _ in COLS], y)

    y = new_page(True)
    for r in rows:
        need = max(len(_wrap_cell(c, (w - 6) / FS - 1)) for c, (_, w) in zip(r, COLS)) * LH + 6
        if y - need < BOT:
            y = new_page(False)
        y = draw_row(r, y)
    pages.append(ops)
    write_page_ops(pages, path, W, H)


BESSI1_TITLE = f"「{TITLE}（案）」に対する意見募集の結果について（御意見の概要及び御意見に対する考え方）"


def comment_rows(plan: Plan) -> list[list[str]]:
    return [[str(c.row), c.ref, c.opinion, c.response] for c in plan.comments]


def write_comments(plan: Plan, d: Path) -> Path:
    rows = comment_rows(plan)
    if plan.fmt == "pdf":
        p = d / "bessi1.pdf"
        write_ruled_pdf(BESSI1_TITLE, rows, p)
        return p
    p = d / "bessi1.xlsx"
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 12, 19)
    ws = wb.active
    assert ws is not None
    ws.title = "別紙1"
    ws.append([BESSI1_TITLE])
    ws.append([])
    ws.append([c for c, _ in COLS])
    for r in rows:
        ws.append([int(r[0])] + r[1:])
    for col, wdt in zip("ABCD", (6, 24, 60, 60)):
        ws.column_dimensions[col].width = wdt
    wb.save(str(p))
    return p


def expected(plan: Plan) -> dict:
    return {"family": "blind8-national", "seed": plan.seed, "rows": plan.rows, "editorial": plan.editorial,
            "comments": [dict(id=c.id, row=c.row, ref=c.ref, opinion=c.opinion, response=c.response, reflected=c.reflected)
                         for c in plan.comments],
            "campaigns": plan.campaigns}


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    files = {"soan": d / "soan.docx", "an": d / "an.docx", "soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf",
             "expected": d / "expected.json"}
    write_docx(plan.soan, files["soan"])
    write_docx(plan.an, files["an"])
    write_pdf(plan.soan_layout[0], files["soan_pdf"])
    write_pdf(plan.an_layout[0], files["an_pdf"])
    files["comments"] = write_comments(plan, d)
    files["expected"].write_text(json.dumps(expected(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files
