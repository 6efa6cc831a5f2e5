"""The seventh blind family: a 市's 子ども・子育て支援事業計画 (第３期), 素案 → 案
after a public comment, written without reading how revtool decides anything
(issue 11).

House style (unlike the ward DX plan, the 環境基本計画, the ministry plan, the
総合計画, the 介護保険事業計画, the 教育振興基本計画 and the 都市計画マスタープラン):
公用文 numbering with full-width digits 「第１　計画の策定にあたって」 /
「１　計画策定の趣旨」 / 「（１）…」 / 「ア　…」 / 「（ア）…」. 第１-第３ levels are
Word heading styles in both versions; the 「ア　…」 取組 headings of 第４ are
Heading 4 in one version and bold plain paragraphs in the other (odd seeds: bold
in the 素案; even seeds: bold in the 案); 「（ア）…」 are plain list paragraphs.
第３ carries a 施策の体系 table (基本目標 | 基本施策) listing every 基本施策;
第５ 量の見込みと確保方策 has tables 区分 | 実績（令和５年度） | 令和７年度 … 令和11年度,
one per 認定区分 and, for the 地域子ども・子育て支援事業, one per group with two rows
per 事業 (量の見込み / 確保方策; the 事業名 cell merged over both). コラム are
one-cell tables (「コラム　…」 then its paragraphs), 用語解説 are 「※１　語：説明」
note paragraphs under the paragraph that uses the word, and a 目次 lists 第n and
n with their pages (plain paragraphs, never headings). Digits: one digit
full-width, two or more half-width (「令和７年度」「令和10年度」).

別紙1: odd seeds a DOCX table No | 該当ページ | 御意見の概要 | 御意見に対する市の考え方;
even seeds a CSV in CP932 No. | 該当箇所 | 御意見の概要 | 市の考え方. References
「P.12」 (a 素案 page), 「第４の３（２）」, 「全体」. 40-80 rows; answers in the 国/県
register (「御意見を踏まえ、…を追記いたします」「…に修正いたします」
「原案のとおりといたします」「今後の参考とさせていただきます」) or the ward register
(「ご意見を踏まえ、…記載します」「…考えています」) by seed and row; a campaign row
「（他３件）」; one answer 「No.nと同様です。」 pointing at a 反映 row; a typo
pointed out (反映, no 別紙2 row).

Decisions (one truth row each, as staff write 別紙2 素案からの主な変更点):
comment — 4 or 5 of: 放課後児童健全育成事業's 量の見込み raised (the campaign row),
子育て世帯訪問支援事業 added to a 量の見込み table (two comments, one of them
「No.nと同様です」), a sentence on 医療的ケア児等コーディネーター added, 入所申請の
オンライン化 「検討します」→「令和８年度から実施します」, a コラム 「こどもの権利って
なに？」 added; external — 子ども・子育て支援法等の一部を改正する法律（令和６年法律
第47号） quoted in 第１の１ and 第５の３ (one row, both pages), and on some seeds the
国の基本指針 revised (令和６年11月); internal — a 課 renamed everywhere, every
量の見込み table's 実績 moved to 令和６年度 (always), plus two of: a 基本施策
renamed (heading + 体系 line), two 取組 swapped, a 基本施策 split in two, two
基本施策 merged.
Never rows: renumbering, 目次 lines, 出来る→できる, 又は→または, 様々→さまざま,
全て→すべて, typos (健全育生→健全育成, 包活的→包括的, 子育て世体→子育て世帯),
「１０か所」→「10か所」, a stray space.

    plan = generate(2001)
    files = write_plan(plan, Path("out"))  # soan/an .docx/.pdf, bessi1.docx|csv, expected.json

Truth (expected.json): ``rows`` [{id, decision, item, section_paths (案 headings
as printed), an_pages (printed pages of the 案 PDF where the decision's lines
print), kind, cause {type, comment_ids}, must_mention}], ``editorial`` [{id,
section_path, before, after}], ``comments`` [{id, row, ref, opinion, response,
reflected}].

Seeds: tuning 2001-2003, held-out 2101-2103.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.shared import Pt

from benchmarks.plan_pdf import BODY_SIZE, PrintLine, lay_out, wrap, write_pdf

BLIND7_TUNING_SEEDS = (2001, 2002, 2003)
BLIND7_SEEDS = (2101, 2102, 2103)

CITIES = ["ひかり市", "もみじ市", "あさひ市", "ゆりが丘市", "かすみ市", "なぎさ市"]
KA_RENAMES = [("子ども育成課", "こども家庭支援課"), ("子育て支援課", "こども未来課"), ("児童福祉課", "こども家庭課")]
STRUCTURAL = ["rename", "swap", "split", "merge"]
RAISE = {  # 事業 whose 量の見込み a comment raises: (table group, opinion)
    "放課後児童健全育成事業": (3, "放課後児童クラブは既に待機児童が出ており、放課後児童健全育成事業の量の見込みが過小である。"
                        "利用希望の増加を踏まえて見直すべきである。"),
    "一時預かり事業": (2, "一時預かりは予約が取れないことが多く、一時預かり事業の量の見込みが実態に合っていない。見直すべきである。"),
    "病児保育事業": (2, "病児保育は朝のうちに定員が埋まってしまう。病児保育事業の量の見込みを実態に合わせて増やすべきである。")}
ADDED = {  # 事業 a comment adds to a table: (group, unit, 量の見込み, 確保方策, opinion, second opinion)
    "子育て世帯訪問支援事業": (1, "世帯", 40, 45, "家事や育児に不安を抱える家庭への訪問支援が重要である。子育て世帯訪問支援事業の量の見込みも示すべきである。",
                      "ヘルパーを派遣して家事・育児を支援する事業を計画に位置付けてほしい。"),
    "児童育成支援拠点事業": (3, "人", 30, 35, "家庭や学校に居場所のない子どものための児童育成支援拠点事業を計画に位置付け、量の見込みを示すべきである。",
                    "養育環境に課題のある子どもが安心して過ごせる場所を整備してほしい。"),
    "親子関係形成支援事業": (1, "人", 50, 60, "子どもとの関わり方に悩む保護者のため、親子関係形成支援事業の量の見込みを示すべきである。",
                    "ペアレント・トレーニングのような、子育ての仕方を学べる講座を事業として位置付けてほしい。")}
SENTENCE = {  # 取組 a comment adds a sentence to: (sentence, key words, opinion, what the answer promises)
    "3-2b": ("また、医療的ケア児とその家族が身近な地域で必要な支援を受けられるよう、医療的ケア児等コーディネーターを配置し、"
             "保健、医療、福祉、教育の関係機関との連絡調整を行います。", "医療的ケア児等コーディネーター",
             "医療的ケア児の家族は、相談先が分からず苦労している。関係機関との調整役を置いてほしい。",
             "医療的ケア児等コーディネーターの配置について"),
    "3-1a": ("また、ヤングケアラーを早期に把握し、必要な支援につなげるため、ヤングケアラー・コーディネーターを配置し、"
             "学校や関係機関との連携を強化します。", "ヤングケアラー・コーディネーター",
             "家族の世話を担う子どもへの支援が見えない。ヤングケアラーへの支援を明記してほしい。",
             "ヤングケアラーへの支援について")}
JISSHI = {  # 取組 whose 「…について検討します」 a comment turns into 「…を令和８年度から実施します」: (lead, opinion, topic)
    "1-3c": ("保護者の負担を軽減するため、保育所等の入所申請のオンライン化", "入所申請のオンライン化は「検討」ではなく、早期に実施してほしい。",
             "入所申請のオンライン化"),
    "2-2a": ("利用者の利便性を高めるため、病児保育の利用予約のオンライン化", "病児保育の予約は電話のみで不便である。オンライン予約を早期に実施してほしい。",
             "病児保育のオンライン予約")}
COLUMNS = {  # コラム a comment adds: (after the block, title, paragraphs, key word, opinion)
    "rights": ("h-3-1", "コラム　こどもの権利ってなに？",
               ["こども基本法では、全てのこどもが個人として尊重されること、自分に関係することについて意見を表明する機会が"
                "確保されることなどが基本理念として定められています。",
                "市では、子ども向けの説明資料を作成し、学校や児童館で「こどもの権利」について学ぶ機会を設けています。"],
               "こどもの権利", "こども基本法やこどもの権利について、市民に分かりやすく説明する内容を加えてほしい。"),
    "center": ("h-4-3-1", "コラム　こども家庭センターってどんなところ？",
               ["こども家庭センターは、妊産婦や子育て家庭、子ども本人からの相談に一体的に応じる機関です。",
                "保健師や社会福祉士等の専門職が、妊娠期から子育て期まで切れ目なく支援します。"],
               "こども家庭センター", "こども家庭センターの役割が分かりにくい。どのような相談ができるのか具体的に示してほしい。")}
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def jnum(n: int) -> str:
    """House style: one digit full-width, two or more half-width."""
    return str(n).translate(FW) if n < 10 else str(n)


def kana_letter(i: int) -> str:
    return "アイウエオカキクケコ"[i]


def paren(n: int) -> str:
    return f"（{jnum(n)}）"


@dataclass
class Block:
    kind: str  # h1 h2 h3 h4 p li note table column toc
    text: str = ""
    uid: str = ""
    rows: list[list[str]] = field(default_factory=list)
    merge_pairs: bool = False  # table: first cell merged over each pair of rows
    paras: list[str] = field(default_factory=list)  # column body
    bold_plain: bool = False  # heading written as a bold plain paragraph
    path: list[str] = field(default_factory=list)


@dataclass
class Comment:
    ref: str
    opinion: str
    answer: str
    reflected: bool
    decision: str = ""  # the truth row it caused
    order: float = 0.0
    same_as: object = None  # another Comment: answer 「No.nと同様です。」
    no: int = 0


@dataclass
class Plan:
    seed: int
    city: str
    comment_format: str  # docx | csv
    soan: list[Block]
    an: list[Block]
    marks: dict[str, list[tuple]]  # decision -> [(uid, span|row|None)] in the 案
    decisions: list[dict]
    editorial: list[dict]
    comments: list[Comment] = field(default_factory=list)
    soan_pages: dict[str, int] = field(default_factory=dict)
    an_pages: dict[tuple, int] = field(default_factory=dict)
    soan_lines: list[PrintLine] = field(default_factory=list)
    an_lines: list[PrintLine] = field(default_factory=list)
    spec: dict = field(default_factory=dict)  # what the seed drew


# --- the plan text ----------------------------------------------------------------------------------------------

class Builder:
    """One version's blocks; ``mark`` records where a decision shows in the 案."""

    def __init__(self, an: bool, bold_h4: bool):
        self.an = an
        self.bold_h4 = bold_h4
        self.blocks: list[Block] = []
        self.marks: dict[str, list[tuple]] = {}

    def add(self, kind: str, text: str = "", uid: str = "", **kw) -> Block:
        b = Block(kind, text, uid or f"b{len(self.blocks)}", **kw)
        if kind == "h4":
            b.bold_plain = self.bold_h4
        self.blocks.append(b)
        return b

    def mark(self, decision: str, b: Block, where: object = None) -> None:
        if self.an:
            self.marks.setdefault(decision, []).append((b.uid, where))

    def para_marked(self, decision: str | None, before: str, changed: str, after: str = "") -> Block:
        """A paragraph whose middle part ``changed`` is the decision's text in this version."""
        b = self.add("p", before + changed + after)
        if decision and changed:
            self.mark(decision, b, (len(before), len(before) + len(changed)))
        return b


def ed(spec: dict, eid: str, before: str, after: str, an: bool) -> str:
    """An editorial edit: the 素案 form or the 案 form of the phrase when the seed draws it."""
    if eid in spec["editorial"]:
        return after if an else before
    return after


def build(spec: dict, an: bool) -> tuple[list[Block], dict]:
    s = spec
    d = set(s["decisions"]) if an else set()
    B = Builder(an, bold_h4=(s["bold_in"] == ("an" if an else "soan")))
    city = s["city"]
    ka = s["ka"][1] if "I_ka" in d else s["ka"][0]
    jy = "令和６年度" if "I_jisseki" in d else "令和５年度"
    E = lambda eid, b, a: ed(s, eid, b, a, an)  # noqa: E731

    def ka_para(before: str, after: str) -> None:
        b = B.add("p", before + ka + after)
        if "I_ka" in d:
            B.mark("I_ka", b, (len(before), len(before) + len(ka)))

    # 目次 (pages filled in after the first layout)
    B.add("toc", "目　次", uid="toc-head")

    # 第１
    B.add("h1", "第１　計画の策定にあたって", uid="h-1")
    B.add("h2", "１　計画策定の趣旨", uid="h-1-1")
    B.add("p", "我が国では、少子化の進行や核家族化、地域のつながりの希薄化などにより、子どもや子育て家庭を取り巻く環境が大きく"
               "変化しています。" + E("E_samazama", "子育てに関する様々な悩み", "子育てに関するさまざまな悩み")
          + "や孤立感を抱える保護者も少なくありません。")
    B.add("p", "国においては、令和５年４月にこども基本法が施行され、こども家庭庁が創設されました。同年12月には「こども大綱」及び"
               "「こども未来戦略」が閣議決定され、こども施策を社会全体で総合的に推進する方向性が示されています。")
    law_old = ("また、児童福祉法等の一部を改正する法律（令和４年法律第66号）により、市町村におけるこども家庭センターの設置が"
               "努力義務とされるなど、子育て家庭への包括的な支援体制の構築が求められています。")
    law_new = ("さらに、子ども・子育て支援法等の一部を改正する法律（令和６年法律第47号）により、妊婦等包括相談支援事業や"
               "乳児等通園支援事業が創設され、地域子ども・子育て支援事業の充実が図られることとなりました。")
    B.para_marked("X_law", law_old, law_new if "X_law" in d else "")
    B.add("p", f"{city}では、令和２年３月に「第２期{city}子ども・子育て支援事業計画」を策定し、教育・保育の提供体制の確保や"
               "地域における子育て支援の充実に取り組んできました。第２期計画の期間が満了することから、これまでの取組の成果と"
               "課題を踏まえ、「第３期" + city + "子ども・子育て支援事業計画」を策定します。")

    B.add("h2", "２　計画の位置付け", uid="h-1-2")
    B.add("p", "本計画は、子ども・子育て支援法第61条に基づく市町村子ども・子育て支援事業計画であり、次世代育成支援対策推進法第８条に"
               "基づく市町村行動計画を包含するものです。また、こども基本法第10条に基づく市町村こども計画と一体のものとして"
               "策定します。")
    g_old = "国の基本指針（令和５年９月改正）"
    g_new = "国の基本指針（令和６年11月改正）"
    gtext = g_new if "X_guide" in d else g_old
    gadd = ("改正後の基本指針では、量の見込みの算出に当たり、保護者の就労状況の変化や利用実績の動向を反映することが示されており、"
            "本計画においてもこれを踏まえて算出しています。") if "X_guide" in d else ""
    b = B.add("p", f"計画の策定に当たっては、{gtext}に即するとともに、{city}総合計画を上位計画とし、地域福祉計画、健康増進計画、"
                   "障害児福祉計画その他の関連計画との整合を図ります。" + gadd)
    if "X_guide" in d:
        B.mark("X_guide", b, (b.text.index(gtext), b.text.index(gtext) + len(gtext)))
        B.mark("X_guide", b, (b.text.index(gadd), len(b.text)))

    B.add("h2", "３　計画の期間", uid="h-1-3")
    B.add("p", "本計画の期間は、令和７年度から令和11年度までの５年間とします。ただし、社会情勢の変化" +
          E("E_mata", "又は国の制度改正", "または国の制度改正") + "があった場合には、必要に応じて計画の見直しを行います。")

    B.add("h2", "４　計画の策定体制", uid="h-1-4")
    B.add("h3", "（１）子ども・子育て会議における審議", uid="h-1-4-1")
    ka_para("学識経験者、子育て当事者、子ども・子育て支援事業者等で構成する「" + city + "子ども・子育て会議」において審議を行いました。"
            "事務局は", "が務めています。")
    B.add("h3", "（２）ニーズ調査の実施", uid="h-1-4-2")
    B.add("p", "就学前児童及び小学生の保護者を対象に、教育・保育の利用状況や今後の利用希望を把握するためのニーズ調査を令和５年度に"
               "実施しました。")
    B.add("h3", "（３）パブリックコメントの実施", uid="h-1-4-3")
    B.add("p", "計画の素案を公表し、市民の皆様から御意見を募集しました。いただいた御意見は、計画の案の作成に当たり参考としました。")

    # 第２
    B.add("h1", "第２　子ども・子育てを取り巻く現状", uid="h-2")
    B.add("h2", "１　人口と世帯の状況", uid="h-2-1")
    pop = s["pop"]
    B.add("p", f"本市の総人口は、令和２年の{pop[0][0]:,}人から令和６年には{pop[-1][0]:,}人となり、このうち０～５歳の就学前児童数は"
               f"{pop[0][1]:,}人から{pop[-1][1]:,}人へと減少しています。")
    rows = [["区分", "令和２年", "令和３年", "令和４年", "令和５年", "令和６年"],
            ["総人口（人）"] + [f"{p[0]:,}" for p in pop],
            ["０～５歳（人）"] + [f"{p[1]:,}" for p in pop],
            ["６～11歳（人）"] + [f"{p[2]:,}" for p in pop]]
    B.add("table", rows=rows, uid="t-pop")
    B.add("p", "世帯の状況をみると、核家族世帯の割合が増加しており、祖父母等の身近な支援を受けにくい子育て家庭が増えています。"
               "また、ひとり親世帯は全世帯の約２％で推移しています。")
    B.add("h2", "２　教育・保育の利用状況", uid="h-2-2")
    B.add("p", "共働き世帯の増加に伴い、保育所、認定こども園※１及び地域型保育事業の利用者は増加傾向にあります。一方で、幼稚園の"
               "利用者は減少しており、市内の幼稚園のうち" + E("E_zenkaku", "１０か所", "10か所") + "が認定こども園への移行を検討しています。")
    B.add("note", "※１　認定こども園：幼稚園と保育所の機能を併せ持ち、保護者の就労の有無にかかわらず利用できる施設。")
    B.add("h2", "３　ニーズ調査の結果", uid="h-2-3")
    B.add("p", "ニーズ調査では、就学前児童の保護者の約７割が「子育てについて気軽に相談" + E("E_dekiru", "することが出来る場所", "することができる場所")
          + "がほしい」と回答しています。また、小学生の保護者の約４割が放課後児童クラブの利用を希望しています。")
    B.add("column", "コラム　子育て応援アプリ「すくすく" + city[:-1] + "」", uid="col-app",
          paras=["妊娠期から子育て期までの健診の予定や予防接種の記録、市のイベント情報をスマートフォンで確認できるアプリを"
                 "配信しています。登録者数は約4,000人です。"])
    B.add("h2", "４　課題の整理", uid="h-2-4")
    B.add("h3", "（１）切れ目のない支援体制の充実", uid="h-2-4-1")
    B.add("p", "妊娠期から子育て期までの相談支援を一体的に行い、" + E("E_houkatsu", "包活的な支援", "包括的な支援") + "につなげることが課題です。")
    B.add("h3", "（２）教育・保育の受け皿の確保", uid="h-2-4-2")
    B.add("p", "低年齢児の保育需要の増加に対応した受け皿の確保と、保育人材の確保が課題です。")
    B.add("h3", "（３）放課後の居場所の確保", uid="h-2-4-3")
    B.add("p", "放課後児童クラブの利用希望の増加に対応し、子どもの" + E("E_ikusei", "健全育生", "健全育成") + "を図る居場所の確保が課題です。")
    B.add("h3", "（４）配慮が必要な家庭への支援", uid="h-2-4-4")
    B.add("p", "児童虐待、障害、貧困、ひとり親など、配慮が必要な子どもと家庭に対するきめ細かな支援が課題です。")

    # 第３
    B.add("h1", "第３　計画の基本的な考え方", uid="h-3")
    B.add("h2", "１　基本理念", uid="h-3-1")
    B.add("p", f"こどもまんなか　{city[:-1]}　～みんなで育ち、みんなで育てるまち～")
    B.add("p", "本計画では、" + E("E_subete", "全ての子どもが", "すべての子どもが") + "権利の主体として尊重され、心身ともに健やかに成長できるよう、"
               "家庭、地域、学校、事業者、行政が連携して子育てを支えるまちを目指します。")
    column = COLUMNS[s["column"]]

    def maybe_column(at: str) -> None:
        if "C_column" in d and column[0] == at:
            B.mark("C_column", B.add("column", column[1], uid="col-new", paras=list(column[2])))

    maybe_column("h-3-1")
    B.add("h2", "２　基本目標", uid="h-3-2")
    goals = s["goals"]
    for gi, (gname, _) in enumerate(goals, 1):
        B.add("h3", f"（{jnum(gi)}）基本目標{jnum(gi)}　{gname}", uid=f"h-3-2-{gi}")
        B.add("p", s["goal_text"][gi - 1])
    B.add("h2", "３　施策の体系", uid="h-3-3")
    B.add("p", "基本理念の実現に向け、３つの基本目標の下に次の基本施策を位置付けます。")
    measures = s["measures_an"] if an else s["measures_soan"]
    rows = [["基本目標", "基本施策"]]
    row_of: dict[str, int] = {}
    for gi, (gname, _) in enumerate(goals, 1):
        for mi, m in enumerate(measures[gi - 1], 1):
            row_of[m["key"]] = len(rows)
            rows.append([f"{jnum(gi)}　{gname}" if mi == 1 else "", f"（{jnum(mi)}）{m['name']}"])
    taikei = B.add("table", rows=rows, uid="t-taikei")
    for dec in ("I_rename", "I_split", "I_merge"):
        if dec in d:
            for k in s["struct_keys"][dec]:
                B.mark(dec, taikei, row_of[k])

    # 第４
    B.add("h1", "第４　施策の展開", uid="h-4")
    for gi, (gname, _) in enumerate(goals, 1):
        B.add("h2", f"{jnum(gi)}　{gname}", uid=f"h-4-{gi}")
        for mi, m in enumerate(measures[gi - 1], 1):
            h = B.add("h3", f"（{jnum(mi)}）{m['name']}", uid=f"h-4-{m['key']}")
            for dec in ("I_rename", "I_split", "I_merge"):
                if dec in d and m["key"] in s["struct_keys"][dec]:
                    B.mark(dec, h)
            B.add("p", "【現状と課題】" + m["intro"], uid=f"p-intro-{m['key']}")
            maybe_column(f"h-4-{m['key']}")
            for ii, it in enumerate(m["items"]):
                hi = B.add("h4", f"{kana_letter(ii)}　{it['name']}", uid=f"h-item-{it['key']}")
                if "I_swap" in d and it["key"] in s["struct_keys"]["I_swap"]:
                    B.mark("I_swap", hi)
                item_paras(it, s, an, d, B, ka)
                for li, sub in enumerate(it.get("subs", [])):
                    B.add("li", f"（{kana_letter(li)}）{sub}")
                for note in it.get("notes", []):
                    B.add("note", note)

    # 第５
    B.add("h1", "第５　量の見込みと確保方策", uid="h-5")
    B.add("h2", "１　教育・保育提供区域の設定", uid="h-5-1")
    B.add("p", "教育・保育提供区域は、地理的条件、人口、交通事情、教育・保育施設の整備状況等を総合的に勘案し、市全域を１区域として"
               "設定します。")
    B.add("h2", "２　幼児期の教育・保育の量の見込みと確保方策", uid="h-5-2")
    B.para_marked("I_jisseki" if "I_jisseki" in d else None,
                  "各年度の量の見込みは、", f"{jy}までの利用実績", "及びニーズ調査の結果を基に算出しています。")
    years = ["令和７年度", "令和８年度", "令和９年度", "令和10年度", "令和11年度"]
    head = ["区分", f"実績（{jy}）"] + years
    for ci, (cname, vals) in enumerate(s["nintei"], 1):
        B.add("h3", f"（{jnum(ci)}）{cname}", uid=f"h-5-2-{ci}")
        rows = [head]
        for label, base, series in vals:
            j = series[0] if "I_jisseki" in d else base
            rows.append([label, f"{j:,}"] + [f"{v:,}" for v in series[1:]])
        t = B.add("table", rows=rows, uid=f"t-nintei-{ci}")
        if "I_jisseki" in d:
            for r in range(len(rows)):
                B.mark("I_jisseki", t, r)
    B.add("h2", "３　地域子ども・子育て支援事業の量の見込みと確保方策", uid="h-5-3")
    law5_old = "地域子ども・子育て支援事業は、子ども・子育て支援法第59条に規定する事業であり、"
    law5_new = "子ども・子育て支援法等の一部を改正する法律（令和６年法律第47号）による改正後の同条に規定する事業を含め、"
    b = B.add("p", law5_old + (law5_new if "X_law" in d else "") + "各事業の量の見込みと確保方策を次のとおり定めます。")
    if "X_law" in d:
        B.mark("X_law", b, (len(law5_old), len(law5_old) + len(law5_new)))
    B.para_marked("I_jisseki" if "I_jisseki" in d else None,
                  "※量の見込みは、", f"{jy}までの利用実績", "及びニーズ調査の結果を基に算出しています。")
    head = ["事業名", "区分", f"実績（{jy}）"] + years
    for gi2, (gname2, jigyo) in enumerate(s["jigyo"], 1):
        B.add("h3", f"（{jnum(gi2)}）{gname2}", uid=f"h-5-3-{gi2}")
        rows = [head]
        mk: list[tuple[str, int]] = []
        for jg in jigyo:
            if jg.get("added") and "C_jigyo" not in d:
                continue
            for label, base, series, raised in jg["rows"]:
                ser = raised if (raised and "C_raise" in d) else series
                j = ser[0] if "I_jisseki" in d else base
                r = len(rows)
                rows.append([jg["name"], label, "－" if jg.get("added") else f"{j:,}"] + [f"{v:,}" for v in ser[1:]])
                if jg.get("added"):
                    mk.append(("C_jigyo", r))
                else:
                    if raised and "C_raise" in d:
                        mk.append(("C_raise", r))
                    if "I_jisseki" in d:
                        mk.append(("I_jisseki", r))
        t = B.add("table", rows=rows, uid=f"t-jigyo-{gi2}", merge_pairs=True)
        if "I_jisseki" in d:
            B.mark("I_jisseki", t, 0)
        for dec, r in mk:
            B.mark(dec, t, r)

    # 第６
    B.add("h1", "第６　計画の推進体制", uid="h-6")
    B.add("h2", "１　推進体制", uid="h-6-1")
    ka_para("本計画の推進に当たっては、", "が中心となり、保健、福祉、教育等の関係部署が横断的に連携して取り組みます。また、"
            "保護者" + E("E_mata2", "又は地域の関係団体", "または地域の関係団体") + "との協働を進めます。")
    B.add("h2", "２　進捗管理", uid="h-6-2")
    B.add("p", "計画の進捗状況は、毎年度、" + city + "子ども・子育て会議に報告し、ＰＤＣＡサイクルによる点検・評価を行います。"
               "点検・評価の結果は、市のホームページで公表します。")
    return B.blocks, B.marks


def item_paras(it: dict, s: dict, an: bool, d: set, B: Builder, ka: str) -> None:
    """The paragraphs of one 取組; decisions inside an item mark themselves."""
    paras = []
    for ptext in it["paras"]:
        ptext = ptext.replace("{E_space}", " " if ("E_space" in s["editorial"] and not an) else "")
        ptext = ptext.replace("{E_zenbu}", "全て" if ("E_zenbu" in s["editorial"] and not an) else "すべて")
        paras.append(ptext)
    for i, ptext in enumerate(paras):
        last = i == len(paras) - 1
        if "{ka}" in ptext:
            before, after = ptext.split("{ka}")
            b = B.add("p", before + ka + after)
            if "I_ka" in d:
                B.mark("I_ka", b, (len(before), len(before) + len(ka)))
        elif last and it["key"] == s["sentence_item"] and "C_sentence" in d:
            add = SENTENCE[it["key"]][0]
            b = B.add("p", ptext + add)
            B.mark("C_sentence", b, (len(ptext), len(ptext) + len(add)))
        else:
            B.add("p", ptext)
    if it["key"] == s["jisshi_item"]:
        lead = JISSHI[it["key"]][0]
        tail = "を令和８年度から実施します。" if "C_jisshi" in d else "について検討します。"
        b = B.add("p", lead + tail)
        if "C_jisshi" in d:
            B.mark("C_jisshi", b, (len(lead), len(lead) + len(tail)))


# --- the spec a seed draws --------------------------------------------------------------------------------------

def _measures(rng: random.Random) -> list[list[dict]]:
    """The 基本施策 of each 基本目標, as in the 素案 (before any structural decision)."""
    return [
        [dict(key="1-1", name="妊娠期から子育て期までの切れ目のない支援",
              intro="妊娠・出産・子育てに関する不安を抱える保護者が増えており、早い段階からの相談支援が求められています。",
              items=[dict(key="1-1a", name="妊娠期からの相談支援",
                          paras=["こども家庭センターにおいて、保健師等の専門職が妊娠届出時から面談を行い、一人ひとりに応じた支援プランを作成します。",
                                 "妊娠期から子育て期までの相談窓口は、{ka}が一元的に案内します。"]),
                     dict(key="1-1b", name="産後ケアの充実",
                          paras=["出産後の心身の不調や育児不安を抱える母親に対し、宿泊型、通所型及び訪問型の産後ケアを提供します。"],
                          subs=["宿泊型産後ケアの利用定員の拡大", "訪問型産後ケアの実施回数の拡充"]),
                     dict(key="1-1c", name="乳幼児健康診査の充実",
                          paras=["乳幼児健康診査を通じて、子どもの発育・発達の確認と保護者の育児相談を行います。未受診の家庭には訪問等により状況を把握します。"])]),
         dict(key="1-2", name="子どもの居場所づくりと放課後対策",
              intro="地域の中で子どもが安心して過ごせる居場所が不足しています。放課後児童クラブの利用希望も増加しています。",
              intro2="放課後児童クラブの利用希望は増加を続けており、待機児童の解消と放課後の過ごし方の充実が求められています。",
              items=[dict(key="1-2a", name="子どもの居場所の確保",
                          paras=["児童館や地域の公共施設を活用し、子どもが自由に過ごせる居場所を確保します。"]),
                     dict(key="1-2b", name="子ども食堂等への支援",
                          paras=["子ども食堂等の運営団体に対し、立ち上げや運営に係る費用の一部を助成します。"]),
                     dict(key="1-2c", name="放課後児童クラブの充実",
                          paras=["小学校の余裕教室等を活用し、放課後児童クラブの受け皿を計画的に拡大します。"]),
                     dict(key="1-2d", name="放課後子ども教室との連携",
                          paras=["放課後子ども教室と放課後児童クラブが連携し、全ての児童が多様な体験・活動を行える環境を整えます。"])]),
         dict(key="1-3", name="幼児期の教育・保育の充実",
              intro="低年齢児を中心に保育需要が高い状態が続いており、受け皿の確保と質の向上の両立が求められています。",
              items=[dict(key="1-3a", name="保育の受け皿の確保",
                          paras=["保育需要の動向を踏まえ、既存施設の定員拡大や小規模保育事業の活用により受け皿を確保します。"]),
                     dict(key="1-3b", name="保育の質の向上",
                          paras=["保育士等を対象とした研修を充実し、保育の質の{E_space}向上を図ります。"],
                          notes=[]),
                     dict(key="1-3c", name="入所手続の改善",
                          paras=["保育所等の入所に関する情報を分かりやすく提供します。"])])],
        [dict(key="2-1", name="子育て家庭への経済的支援",
              intro="物価の上昇等により、子育てに係る経済的な負担感が高まっています。",
              items=[dict(key="2-1a", name="児童手当の支給",
                          paras=["児童手当を適正に支給するとともに、制度の周知を図ります。"]),
                     dict(key="2-1b", name="子ども医療費の助成",
                          paras=["18歳到達後最初の３月31日までの子どもの医療費の自己負担分を助成します。"]),
                     dict(key="2-1c", name="就学援助",
                          paras=["経済的な理由により就学が困難な児童生徒の保護者に対し、学用品費等を援助します。"])]),
         dict(key="2-2", name="仕事と子育ての両立支援",
              intro="共働き世帯の増加により、多様な働き方に対応した保育サービスと職場環境の整備が求められています。",
              items=[dict(key="2-2a", name="多様な保育サービスの提供",
                          paras=["延長保育、一時預かり、病児保育等の多様な保育サービスを提供します。"]),
                     dict(key="2-2b", name="男性の育児参加の促進",
                          paras=["父親向けの講座を開催し、男性の育児休業の取得と家事・育児への参加を促進します。"])]),
         dict(key="2-3", name="地域の子育て支援ネットワークの充実",
              intro="身近な地域で子育て家庭を支える仕組みづくりが求められています。",
              items=[dict(key="2-3a", name="地域子育て支援拠点の充実",
                          paras=["地域子育て支援拠点において、親子の交流の場の提供と子育て相談を行います。"]),
                     dict(key="2-3b", name="ファミリー・サポート・センターの運営",
                          paras=["子育ての援助を受けたい人と行いたい人をつなぐファミリー・サポート・センター※２を運営し、{E_zenbu}の"
                                 "提供会員に安全講習の受講を求めます。"],
                          notes=["※２　ファミリー・サポート・センター：子育ての援助を受けたい人と援助を行いたい人が会員となり、"
                                 "地域で助け合う相互援助の仕組み。"])])],
        [dict(key="3-1", name="児童虐待防止対策の充実",
              intro="児童虐待に関する相談件数は増加傾向にあり、早期発見と切れ目のない支援が求められています。",
              items=[dict(key="3-1a", name="こども家庭センターの運営",
                          paras=["児童虐待に関する通告や相談は、{ka}が受け付けます。",
                                 "こども家庭センターにおいて、母子保健と児童福祉の両機能が一体的に相談支援を行います。"]),
                     dict(key="3-1b", name="要保護児童対策地域協議会の運営",
                          paras=["要保護児童対策地域協議会※３を通じて、関係機関が情報を共有し、支援を要する家庭を見守ります。"],
                          notes=["※３　要保護児童対策地域協議会：支援を要する子どもやその保護者に関する情報の交換や支援内容の協議を行う"
                                 "関係機関のネットワーク。"])]),
         dict(key="3-2", name="障害のある子どもへの支援",
              intro="発達に不安のある子どもや医療的ケアを必要とする子どもが増えており、専門的な支援の充実が求められています。",
              items=[dict(key="3-2a", name="早期発見・早期支援",
                          paras=["乳幼児健康診査や巡回相談を通じて、発達に不安のある子どもを早期に把握し、児童発達支援につなげます。"]),
                     dict(key="3-2b", name="医療的ケア児への支援",
                          paras=["医療的ケア児が保育所等を利用できるよう、看護師の配置に係る費用を助成します。"])]),
         dict(key="3-3", name="ひとり親家庭の自立支援",
              intro="ひとり親家庭は、子育てと生計の担い手という二重の役割を担っており、きめ細かな支援が必要です。",
              items=[dict(key="3-3a", name="相談体制の充実",
                          paras=["母子・父子自立支援員による相談を行い、生活や就業に関する情報を提供します。"]),
                     dict(key="3-3b", name="就業支援",
                          paras=["資格取得のための給付金を支給し、ひとり親の安定した就業を支援します。"])]),
         dict(key="3-4", name="子どもの貧困対策の推進",
              intro="経済的な困難を抱える家庭の子どもが、将来に希望を持てるよう支援することが求められています。",
              items=[dict(key="3-4a", name="学習支援",
                          paras=["生活困窮世帯の中学生等を対象に、学習支援教室を開催します。"]),
                     dict(key="3-4b", name="生活支援",
                          paras=["生活に困難を抱える家庭に対し、関係機関と連携して食料支援や生活相談を行います。"])]),
         dict(key="3-5", name="外国にルーツを持つ子どもへの支援",
              intro="外国にルーツを持つ子どもが増えており、言語や文化の違いに配慮した支援が求められています。",
              items=[dict(key="3-5a", name="日本語指導の支援",
                          paras=["日本語指導が必要な子どもに対し、支援員を派遣します。"])])]]


def _series(rng: random.Random, base: int, trend: float) -> list[int]:
    out = []
    v = float(base)
    for _ in range(6):
        out.append(max(1, int(round(v))))
        v = v * (1 + trend + rng.uniform(-0.01, 0.01))
    return out


def draw_spec(seed: int) -> dict:
    rng = random.Random(seed)
    city = CITIES[rng.randrange(len(CITIES))]
    ka = KA_RENAMES[rng.randrange(len(KA_RENAMES))]
    comment_decs = ["C_raise", "C_jigyo", "C_sentence", "C_jisshi", "C_column"]
    if rng.random() < 0.5:
        comment_decs.remove(rng.choice(["C_sentence", "C_column", "C_jisshi"]))
    ext = ["X_law"] + (["X_guide"] if rng.random() < 0.6 else [])
    struct = rng.sample(STRUCTURAL, 2)
    internal = ["I_ka", "I_jisseki"] + ["I_" + x for x in struct]
    ed_pool = ["E_samazama", "E_mata", "E_zenkaku", "E_dekiru", "E_houkatsu", "E_ikusei", "E_subete", "E_mata2",
               "E_space", "E_zenbu"]
    editorial = rng.sample(ed_pool, rng.randint(8, 10))
    base_pop = rng.randint(90_000, 180_000)
    pop = []
    for i in range(5):
        pop.append((base_pop - i * rng.randint(200, 600), int(base_pop * 0.045) - i * rng.randint(60, 120),
                    int(base_pop * 0.052) - i * rng.randint(20, 60)))
    goals = [("すべての子どもの健やかな育ちを支える", ""), ("子育て家庭を地域全体で支える", ""),
             ("配慮が必要な子どもと家庭を支える", "")]
    goal_text = ["妊娠期から学齢期まで、子どもの成長の段階に応じた切れ目のない支援と、質の高い教育・保育を提供します。",
                 "子育て家庭の経済的負担を軽減し、仕事と子育ての両立を支えるとともに、地域の支え合いを広げます。",
                 "支援を必要とする子どもと家庭を早期に把握し、関係機関が連携してきめ細かな支援を行います。"]
    soan = _measures(rng)
    an = json.loads(json.dumps(soan))
    keys: dict[str, list[str]] = {}
    if "rename" in struct:
        old = an[1][1]["name"]
        an[1][1]["name"] = "共働き・共育ての推進"
        keys["I_rename"] = ["2-2"]
        rename = (old, "共働き・共育ての推進")
    else:
        rename = None
    if "swap" in struct:
        its = an[1][0]["items"]
        its[0], its[1] = its[1], its[0]
        keys["I_swap"] = ["2-1a", "2-1b"]
    if "split" in struct:
        m = an[0][1]
        new = dict(key="1-2x", name="放課後児童対策の充実", intro=m["intro2"], items=m["items"][2:])
        m["name"] = "子どもの居場所づくり"
        m["intro"] = "地域の中で子どもが安心して過ごせる居場所が不足しています。"
        m["items"] = m["items"][:2]
        an[0].insert(2, new)
        keys["I_split"] = ["1-2", "1-2x"]
    if "merge" in struct:
        a, b = an[2][2], an[2][3]
        a["name"] = "ひとり親家庭への支援と子どもの貧困対策"
        a["intro"] = a["intro"] + b["intro"]
        a["items"] = a["items"] + b["items"]
        del an[2][3]
        keys["I_merge"] = ["3-3"]
    for lst in (soan, an):
        for g in lst:
            for m in g:
                m.pop("intro2", None)

    def ser(base: int, trend: float) -> list[int]:
        return _series(rng, base, trend)

    k = base_pop / 120_000
    nintei = [("１号認定（３～５歳、教育）", [("量の見込み（人）", 0, ser(int(900 * k), -0.03)),
                                           ("確保方策（人）", 0, ser(int(1300 * k), -0.01))]),
              ("２号認定（３～５歳、保育）", [("量の見込み（人）", 0, ser(int(1800 * k), 0.0)),
                                           ("確保方策（人）", 0, ser(int(1900 * k), 0.005))]),
              ("３号認定（０～２歳、保育）", [("量の見込み（人）", 0, ser(int(1100 * k), 0.015)),
                                           ("確保方策（人）", 0, ser(int(1120 * k), 0.02))])]
    nintei = [(n, [(lab, int(v[0] * rng.uniform(0.9, 0.97)), v) for lab, _, v in rows]) for n, rows in nintei]

    raise_name = rng.choice(sorted(RAISE))
    added_name = rng.choice(sorted(ADDED))
    raise_by = rng.choice([0.06, 0.08, 0.1])

    def jg(name: str, unit: str, mi: int, kk: int, trend: float, added: bool = False) -> dict:
        raise_by_ = raise_by if name == raise_name else 0.0
        mi_s = ser(int(mi * k), trend)
        kk_s = ser(int(kk * k), trend + 0.005)
        raised = [int(round(v * (1 + raise_by_))) for v in mi_s] if raise_by_ else None
        if raised:
            raised[0] = mi_s[0]  # the 実績 stays
        return dict(name=name, added=added,
                    rows=[(f"量の見込み（{unit}）", int(mi_s[0] * rng.uniform(0.9, 0.97)), mi_s, raised),
                          (f"確保方策（{unit}）", int(kk_s[0] * rng.uniform(0.9, 0.97)), kk_s, None)])

    jigyo = [("相談・訪問に関する事業",
              [jg("利用者支援事業", "か所", 3, 3, 0.0), jg("乳児家庭全戸訪問事業", "人", 850, 850, -0.02),
               jg("養育支援訪問事業", "人", 60, 60, 0.01)]),
             ("預かりに関する事業",
              [jg("一時預かり事業", "人日", 12000, 13000, 0.0), jg("延長保育事業", "人", 700, 760, 0.01),
               jg("病児保育事業", "人日", 2400, 2600, 0.01), jg("子育て短期支援事業", "人日", 150, 180, 0.0)]),
             ("放課後に関する事業",
              [jg("放課後児童健全育成事業", "人", 1200, 1250, 0.02),
               jg("ファミリー・サポート・センター事業", "件", 3000, 3200, -0.01)])]
    ag, unit, mi, kk, _, _ = ADDED[added_name]
    jigyo[ag - 1][1].append(jg(added_name, unit, mi, kk, 0.05, added=True))
    return dict(seed=seed, city=city, raise_name=raise_name, added_name=added_name,
                column=rng.choice(sorted(COLUMNS)),  ka=ka, decisions=comment_decs + ext + internal, editorial=editorial, pop=pop,
                goals=goals, goal_text=goal_text, measures_soan=soan, measures_an=an, struct_keys=keys, rename=rename,
                nintei=nintei, jigyo=jigyo, bold_in="soan" if seed % 2 else "an",
                sentence_item=rng.choice(sorted(SENTENCE)), jisshi_item=rng.choice(sorted(JISSHI)), comment_format="docx" if seed % 2 else "csv",
                register=rng.random())


# --- printing ---------------------------------------------------------------------------------------------------

SIZES = {"h1": 16.0, "h2": 13.0, "h3": 12.0, "h4": BODY_SIZE}


def wrap_cells(cells: list[str], width: int = 46) -> list[tuple[int, str]]:
    """A table row printed as lines that break between cells (a number is never cut), a long cell wrapped
    alone; (line number, text)."""
    lines: list[str] = []
    cur = ""
    for c in (c for c in cells if c != ""):
        if cur and len(cur) + 1 + len(c) > width:
            lines.append(cur)
            cur = ""
        if len(c) > width:
            lines += [t for _, t in wrap(c, width)]
            continue
        cur = c if not cur else cur + "　" + c
    if cur or not lines:
        lines.append(cur)
    return list(enumerate(lines))


def print_lines(blocks: list[Block], toc_pages: dict[str, int]) -> list[PrintLine]:
    out: list[PrintLine] = []
    for b in blocks:
        if b.kind == "toc":
            out.append(PrintLine(b.text, 14.0, key=(b.uid, 0)))
            for h in blocks:
                if h.kind in ("h1", "h2"):
                    out.append(PrintLine(toc_line(h, toc_pages), key=("toc", h.uid)))
        elif b.kind in SIZES:
            for off, t in wrap(b.text):
                out.append(PrintLine(t, SIZES[b.kind], key=(b.uid, off), new_page=(b.kind == "h1" and off == 0)))
        elif b.kind in ("p", "li", "note"):
            size = 9.0 if b.kind == "note" else BODY_SIZE
            for off, t in wrap(b.text):
                out.append(PrintLine(t, size, key=(b.uid, off)))
        elif b.kind == "table":
            for r, row in enumerate(b.rows):
                blank = b.merge_pairs and r > 0 and r % 2 == 0
                for off, t in wrap_cells(row[1:] if blank else row):
                    out.append(PrintLine(t, 9.0, key=(b.uid, "r", r, off)))
        elif b.kind == "column":
            out.append(PrintLine(b.text, BODY_SIZE, key=(b.uid, "t", 0)))
            for i, ptext in enumerate(b.paras):
                for off, t in wrap(ptext):
                    out.append(PrintLine(t, BODY_SIZE, key=(b.uid, i, off)))
    return out


def toc_line(h: Block, pages: dict[str, int]) -> str:
    indent = "" if h.kind == "h1" else "　"
    return f"{indent}{h.text}　……　{pages.get(h.uid, 0)}"


def layout(blocks: list[Block], title: str) -> tuple[list, dict, list[PrintLine]]:
    """Two passes: the 目次 needs the pages of the headings it lists."""
    pages: dict[str, int] = {}
    for _ in range(3):
        lines = print_lines(blocks, pages)
        laid, where = lay_out(lines, title)
        new = {b.uid: where[(b.uid, 0)] for b in blocks if b.kind in ("h1", "h2")}
        if new == pages:
            break
        pages = new
    return laid, where, lines


def assign_paths(blocks: list[Block]) -> None:
    stack: list[str] = []
    level = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
    for b in blocks:
        if b.kind in level:
            n = level[b.kind]
            stack = stack[:n - 1] + [b.text]
            b.path = list(stack)
        else:
            b.path = list(stack)


def pages_of(b: Block, where_, lines_where: dict[tuple, int]) -> set[int]:
    """Printed pages of a mark ``where_`` in block ``b`` (a span, a table row, or the whole block)."""
    ws = lines_where
    if b.kind == "table":
        rows = range(len(b.rows)) if where_ is None else [where_]
        return {p for k, p in ws.items() if k[0] == b.uid and len(k) == 4 and k[2] in rows}
    if b.kind == "column":
        return {p for k, p in ws.items() if k[0] == b.uid}
    if where_ is None:
        return {p for k, p in ws.items() if k[0] == b.uid}
    s, e = where_
    out = set()
    for off, t in wrap(b.text):
        if off < e and off + len(t) > s:
            out.add(ws[(b.uid, off)])
    return out


# --- comments ---------------------------------------------------------------------------------------------------

FILLER = [
    ("h-1-1", "計画策定の趣旨に、子どもの意見を聴く取組についても触れてほしい。", "既記載", "第３の１"),
    ("h-1-3", "計画期間の途中でも、状況の変化に応じて柔軟に見直してほしい。", "既記載", "第１の３"),
    ("h-1-4-2", "ニーズ調査の回収率と調査方法を示してほしい。", "参考", None),
    ("h-1-4-3", "パブリックコメントの周知期間が短い。子育て中の保護者が意見を出しやすい方法を工夫してほしい。", "参考", None),
    ("h-2-1", "出生数の減少が続いており、人口減少への危機感をもっと示すべきである。", "参考", None),
    ("h-2-2", "幼稚園の認定こども園への移行について、市としての方針を示してほしい。", "参考", None),
    ("h-2-3", "ニーズ調査の自由記述の意見も公表してほしい。", "参考", None),
    ("h-2-4", "課題の整理に、保育士の処遇改善を明記すべきである。", "不反映", None),
    ("h-3-1", "基本理念の「こどもまんなか」は分かりにくい。", "不反映", None),
    ("h-3-2", "基本目標に数値目標を設定すべきである。", "参考", None),
    ("h-4-1-1", "妊娠届出時の面談を、夜間や休日にも受けられるようにしてほしい。", "参考", None),
    ("h-4-1-1", "産後ケアの自己負担額を引き下げてほしい。", "参考", None),
    ("h-4-1-1", "乳幼児健康診査の未受診家庭への対応を丁寧に行ってほしい。", "既記載", "第４の１（１）ウ"),
    ("h-4-1-2", "子ども食堂への支援を拡充してほしい。", "既記載", "第４の１（２）イ"),
    ("h-4-1-2", "児童館の開館時間を延長してほしい。", "参考", None),
    ("h-4-1-3", "保育士の確保に向けて、市独自の家賃補助を行うべきである。", "不反映", None),
    ("h-4-1-3", "保育の質の向上のため、第三者評価の受審を促進してほしい。", "参考", None),
    ("h-4-2-1", "子ども医療費の助成に所得制限を設けないでほしい。", "既記載", "第４の２（１）"),
    ("h-4-2-1", "第２子以降の保育料を無償化してほしい。", "不反映", None),
    ("h-4-2-2", "病児保育の施設を増やしてほしい。", "参考", None),
    ("h-4-2-2", "市役所が率先して男性職員の育児休業取得を進めるべきである。", "参考", None),
    ("h-4-2-3", "地域子育て支援拠点を土曜日にも開設してほしい。", "参考", None),
    ("h-4-2-3", "ファミリー・サポート・センターの提供会員が不足している。", "参考", None),
    ("h-4-3-1", "児童虐待の相談窓口を２４時間対応にしてほしい。", "不反映", None),
    ("h-4-3-1", "要保護児童対策地域協議会の開催状況を公表してほしい。", "参考", None),
    ("h-4-3-2", "発達相談の待ち期間が長い。体制を強化してほしい。", "参考", None),
    ("h-4-3-3", "ひとり親家庭への家賃補助を新設してほしい。", "不反映", None),
    ("h-4-3-3", "学習支援教室の対象を小学生にも広げてほしい。", "参考", None),
    ("h-4-3-5", "外国にルーツを持つ保護者向けに、多言語で情報を発信してほしい。", "参考", None),
    ("h-5-2", "３号認定の量の見込みが実態より少ないのではないか。", "不反映", None),
    ("h-5-2", "確保方策の内訳を施設ごとに示してほしい。", "参考", None),
    ("h-5-3", "一時預かり事業の予約が取りにくい。", "参考", None),
    ("h-5-3", "病児保育事業の確保方策をもっと増やすべきである。", "参考", None),
    ("h-6-1", "計画の推進に当たり、子ども自身の意見を聴く場を設けてほしい。", "参考", None),
    ("h-6-2", "進捗状況の評価結果を分かりやすく公表してほしい。", "既記載", "第６の２"),
    ("all", "計画全体が文字ばかりで読みにくい。図や表を増やしてほしい。", "参考", None),
    ("all", "子ども向けの概要版を作成してほしい。", "参考", None),
    ("all", "計画の内容を実現するための財源を示してほしい。", "参考", None),
]


VOICES = ["子育て中の保護者として、", "保育士として働く立場から、", "小学生の保護者です。", "地域で子育て支援に携わる者として、",
          "祖父母の立場から、", "共働き世帯として、"]
TAILS = ["特に早急な対応をお願いしたい。", "市の考えを示してほしい。", "他市の事例も参考にしてほしい。"]


def answer_for(kind: str, where: str | None, national: bool) -> str:
    if kind == "既記載":
        return (f"御指摘の点については、{where}に記載しております。引き続き取組を進めてまいります。" if national
                else f"ご指摘の内容は、{where}に記載しています。")
    if kind == "参考":
        return ("御意見は、今後の施策の推進に当たっての参考とさせていただきます。" if national
                else "いただいたご意見は、今後の事業の参考にします。")
    return ("御意見の趣旨は理解いたしますが、現時点では原案のとおりといたします。" if national
            else "現時点では、実施は考えていません。")


def section_ref(key: str, blocks: list[Block], soan_pages: dict[str, int], rng: random.Random) -> tuple[str, float]:
    """A 別紙1 reference to the section headed by block ``key`` in the 素案, and its order."""
    if key == "all":
        return "全体", -1.0
    idx = next(i for i, b in enumerate(blocks) if b.uid == key)
    b = blocks[idx]
    if rng.random() < 0.6 or not b.path:
        return f"P.{soan_pages[key]}", float(idx)
    return address(b.path), float(idx)


def address(path: list[str]) -> str:
    """「第４の３（２）」 from a heading path."""
    parts = [path[0].split("　")[0]]
    if len(path) > 1:
        parts.append(path[1].split("　")[0])
    out = "の".join(parts)
    if len(path) > 2:
        out += path[2][:3]
    return out


def make_comments(spec: dict, soan: list[Block], soan_pages: dict[str, int]) -> list[Comment]:
    rng = random.Random(spec["seed"] * 7 + 1)
    nat = spec["register"]
    decs = set(spec["decisions"])
    uid_of = {b.uid: b for b in soan}
    out: list[Comment] = []

    def natl() -> bool:
        return rng.random() < (0.75 if nat < 0.5 else 0.3)

    def order_of(uid: str) -> float:
        return float(next(i for i, b in enumerate(soan) if b.uid == uid))

    def ref_for(uid: str) -> str:
        b = uid_of[uid]
        return f"P.{soan_pages[uid]}" if rng.random() < 0.5 else address(b.path)

    item_uid = {it["key"]: f"h-item-{it['key']}" for g in spec["measures_soan"] for m in g for it in m["items"]}
    def say(nat_text: str, ward_text: str) -> str:
        return nat_text if natl() else ward_text

    if "C_raise" in decs:
        name = spec["raise_name"]
        u = f"h-5-3-{RAISE[name][0]}"
        out.append(Comment(ref_for(u), RAISE[name][1] + f"（他{jnum(rng.choice([3, 4, 5]))}件）",
                           say(f"御意見を踏まえ、利用実績とニーズ調査の結果を再集計し、{name}の量の見込みを上方修正いたします。",
                               f"ご意見を踏まえ、{name}の量の見込みを見直し、修正します。"),
                           True, "C_raise", order_of(u) + 0.1))
    if "C_jigyo" in decs:
        name = spec["added_name"]
        g, _, _, _, op1, op2 = ADDED[name]
        u = f"h-5-3-{g}"
        first = Comment(ref_for(u), op1, say(f"御意見を踏まえ、{name}の量の見込みと確保方策を追記いたします。",
                                             f"ご意見を踏まえ、{name}の量の見込みと確保方策を記載します。"),
                        True, "C_jigyo", order_of(u) + 0.1)
        out.append(first)
        out.append(Comment(ref_for(u), op2, "", True, "C_jigyo", order_of(u) + 0.2, same_as=first))
    if "C_sentence" in decs:
        u = item_uid[spec["sentence_item"]]
        _, _, op, topic = SENTENCE[spec["sentence_item"]]
        out.append(Comment(ref_for(u), op, say(f"御意見を踏まえ、{topic}追記いたします。", f"ご意見を踏まえ、{topic}記載します。"),
                           True, "C_sentence", order_of(u) + 0.1))
    if "C_jisshi" in decs:
        u = item_uid[spec["jisshi_item"]]
        _, op, topic = JISSHI[spec["jisshi_item"]]
        out.append(Comment(ref_for(u), op, say(f"御意見を踏まえ、{topic}を令和８年度から実施する旨に修正いたします。",
                                               "ご意見を踏まえ、令和８年度から実施することとし、記載を改めます。"),
                           True, "C_jisshi", order_of(u) + 0.1))
    if "C_column" in decs:
        at, _, _, word, op = COLUMNS[spec["column"]]
        out.append(Comment(ref_for(at), op, say(f"御意見を踏まえ、{word}を紹介するコラムを追加いたします。",
                                                f"ご意見を踏まえ、{word}について紹介するコラムを掲載します。"),
                           True, "C_column", order_of(at) + 0.1))
    # a typo pointed out: answered 反映, editorial only
    typo = next((e for e in ("E_ikusei", "E_houkatsu") if e in spec["editorial"]), None)
    if typo:
        word = "健全育生" if typo == "E_ikusei" else "包活的"
        right = "健全育成" if typo == "E_ikusei" else "包括的"
        out.append(Comment(ref_for("h-2-4"), f"「{word}」は「{right}」の誤りではないか。",
                           "御指摘のとおり修正いたします。" if natl() else "ご指摘のとおり修正します。", True, "", order_of("h-2-4") + 0.3))
    # near misses on the decisions' sections, answered without an edit
    out.append(Comment(ref_for("h-5-3-3"), "放課後児童クラブの利用料を引き下げてほしい。", answer_for("参考", None, natl()), False, "",
                       order_of("h-5-3-3") + 0.2))
    out.append(Comment(ref_for("h-1-1"), "法改正の内容をもっと詳しく説明してほしい。", answer_for("参考", None, natl()), False, "",
                       order_of("h-1-1") + 0.2))
    total = rng.randint(40, 70)
    pool = list(FILLER)
    seen: set[str] = set()
    while len(out) < total:
        if not pool:
            pool = list(FILLER)
        sec, op, kind, where = pool.pop(rng.randrange(len(pool)))
        if sec != "all" and sec not in uid_of:
            sec = "h-" + sec.split("-")[1]
        ref, order = section_ref(sec, soan, soan_pages, rng)
        if op in seen:  # the same wish from another writer, in their words
            op = rng.choice(VOICES) + op
        if rng.random() < 0.15:
            op = op.rstrip("。") + "。" + rng.choice(TAILS)
        seen.add(op)
        out.append(Comment(ref, op, answer_for(kind, where, natl()), False, "", order + rng.random() * 0.05))
    out.sort(key=lambda c: c.order)
    for i, c in enumerate(out, 1):
        c.no = i
    for c in out:
        if c.same_as is not None:
            c.answer = f"No.{c.same_as.no}と同様です。"  # type: ignore[attr-defined]
    return out


# --- the whole plan ---------------------------------------------------------------------------------------------

ITEM_OF = {"I_jisseki": "第５ 量の見込みと確保方策 各表"}


def generate(seed: int) -> Plan:
    spec = draw_spec(seed)
    soan, _ = build(spec, an=False)
    an, marks = build(spec, an=True)
    for blocks in (soan, an):
        assign_paths(blocks)
    title = f"第３期{spec['city']}子ども・子育て支援事業計画"
    _, sw, slines = layout(soan, title + "（素案）")
    _, aw, alines = layout(an, title + "（案）")
    soan_pages = {b.uid: sw[(b.uid, 0)] for b in soan if b.kind in SIZES}
    plan = Plan(seed, spec["city"], spec["comment_format"], soan, an, marks, [], [], soan_pages=soan_pages,
                an_pages=aw, soan_lines=slines, an_lines=alines)
    plan.comments = make_comments(spec, soan, soan_pages)
    plan.decisions = truth_rows(spec, plan)
    plan.editorial = editorial_truth(spec, soan, an)
    plan.spec = spec
    return plan


def must_mention(spec: dict, dec: str, an: list[Block]) -> list[str]:
    ka_old, ka_new = spec["ka"]
    raise_row = next(r for g in spec["jigyo"] for jg in g[1] for r in jg["rows"] if r[3])
    m = {"C_raise": [spec["raise_name"], f"{raise_row[3][1]:,}"],
         "C_jigyo": [spec["added_name"]],
         "C_sentence": [SENTENCE[spec["sentence_item"]][1]],
         "C_jisshi": ["令和８年度", "実施"],
         "C_column": ["コラム", COLUMNS[spec["column"]][3]],
         "X_law": ["令和６年法律第47号"],
         "X_guide": ["基本指針", "令和６年11月"],
         "I_ka": [ka_old, ka_new],
         "I_jisseki": ["令和６年度", "実績"],
         "I_rename": list(spec["rename"]) if spec["rename"] else [],
         "I_swap": ["児童手当の支給", "子ども医療費の助成"],
         "I_split": ["子どもの居場所づくり", "放課後児童対策の充実"],
         "I_merge": ["ひとり親家庭への支援と子どもの貧困対策"]}
    return m[dec]


def truth_rows(spec: dict, plan: Plan) -> list[dict]:
    by_uid = {b.uid: b for b in plan.an}
    rows: list[dict] = []
    cause_of = {"C": "comment", "X": "external", "I": "internal"}
    kind_of = {"C_column": "added", "C_jigyo": "modified", "I_split": "split", "I_merge": "merged", "I_swap": "moved",
               "I_rename": "renamed"}
    for dec in spec["decisions"]:
        marks = plan.marks.get(dec, [])
        assert marks, dec
        paths: list[list[str]] = []
        pages: set[int] = set()
        for uid, w in marks:
            b = by_uid[uid]
            if b.path not in paths:
                paths.append(b.path)
            pages |= pages_of(b, w, plan.an_pages)
        ids = [f"C{c.no:02d}" for c in plan.comments if c.decision == dec]
        rows.append({"id": f"E{len(rows) + 1}", "decision": dec,
                     "item": ITEM_OF.get(dec, "、".join(" ".join(p) for p in paths)),
                     "section_paths": paths, "an_pages": sorted(pages), "kind": kind_of.get(dec, "modified"),
                     "cause": {"type": cause_of[dec[0]], "comment_ids": ids},
                     "must_mention": must_mention(spec, dec, plan.an)})
    return rows


ED_PAIRS = {"E_samazama": ("子育てに関する様々な悩み", "子育てに関するさまざまな悩み"),
            "E_mata": ("社会情勢の変化又は国の制度改正", "社会情勢の変化または国の制度改正"),
            "E_zenkaku": ("市内の幼稚園のうち１０か所", "市内の幼稚園のうち10か所"),
            "E_dekiru": ("相談することが出来る場所", "相談することができる場所"),
            "E_houkatsu": ("包活的な支援", "包括的な支援"),
            "E_ikusei": ("子どもの健全育生を図る", "子どもの健全育成を図る"),
            "E_subete": ("全ての子どもが権利の主体", "すべての子どもが権利の主体"),
            "E_mata2": ("保護者又は地域の関係団体", "保護者または地域の関係団体"),
            "E_space": ("保育の質の 向上を図ります", "保育の質の向上を図ります"),
            "E_zenbu": ("全ての提供会員", "すべての提供会員")}


def editorial_truth(spec: dict, soan: list[Block], an: list[Block]) -> list[dict]:
    out = []
    for eid in spec["editorial"]:
        before, after = ED_PAIRS[eid]
        b = next(x for x in an if after in x.text and x.kind in ("p", "li", "note"))
        assert any(before in x.text for x in soan), eid
        out.append({"id": eid, "section_path": b.path, "before": before, "after": after})
    return out


def summary(plan: Plan) -> dict:
    return {"city": plan.city, "comments": len(plan.comments), "format": plan.comment_format,
            "rows": len(plan.decisions), "decisions": [r["decision"] for r in plan.decisions],
            "editorial": len(plan.editorial), "an_pages": max(plan.an_pages.values())}


# --- files ------------------------------------------------------------------------------------------------------

def write_docx(blocks: list[Block], title: str, path: Path, toc_pages: dict[str, int]) -> None:
    doc = docx.Document()
    doc.add_paragraph(title, style="Title")
    for b in blocks:
        if b.kind == "toc":
            doc.add_paragraph(b.text)
            for h in blocks:
                if h.kind in ("h1", "h2"):
                    doc.add_paragraph(toc_line(h, toc_pages))
        elif b.kind in SIZES:
            if b.bold_plain:
                p = doc.add_paragraph()
                p.add_run(b.text).bold = True
            else:
                doc.add_heading(b.text, level=int(b.kind[1]))
        elif b.kind in ("p", "li"):
            doc.add_paragraph(b.text)
        elif b.kind == "note":
            p = doc.add_paragraph()
            p.add_run(b.text).font.size = Pt(8)
        elif b.kind == "table":
            t = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(b.rows):
                for c, v in enumerate(row):
                    t.cell(r, c).text = v
            if b.merge_pairs:
                for r in range(1, len(b.rows) - 1, 2):
                    top = t.cell(r, 0)
                    top.merge(t.cell(r + 1, 0))
                    top.text = b.rows[r][0]
        elif b.kind == "column":
            t = doc.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            cell = t.cell(0, 0)
            cell.paragraphs[0].add_run(b.text).bold = True
            for ptext in b.paras:
                cell.add_paragraph(ptext)
    doc.save(str(path))


def write_comments(plan: Plan, d: Path) -> Path:
    if plan.comment_format == "docx":
        doc = docx.Document()
        doc.add_paragraph(f"第３期{plan.city}子ども・子育て支援事業計画（素案）に対する御意見の概要及び市の考え方")
        t = doc.add_table(rows=1 + len(plan.comments), cols=4)
        t.style = "Table Grid"
        for c, h in enumerate(["No", "該当ページ", "御意見の概要", "御意見に対する市の考え方"]):
            t.cell(0, c).text = h
        for r, cm in enumerate(plan.comments, 1):
            for c, v in enumerate([str(cm.no), cm.ref, cm.opinion, cm.answer]):
                t.cell(r, c).text = v
        path = d / "bessi1.docx"
        doc.save(str(path))
        return path
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["No.", "該当箇所", "御意見の概要", "市の考え方"])
    for cm in plan.comments:
        w.writerow([cm.no, cm.ref, cm.opinion, cm.answer])
    path = d / "bessi1.csv"
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    title = f"第３期{plan.city}子ども・子育て支援事業計画"
    files: dict[str, Path] = {}
    for name, blocks, label in (("soan", plan.soan, "（素案）"), ("an", plan.an, "（案）")):
        laid, where, _ = layout(blocks, title + label)
        toc_pages = {b.uid: where[(b.uid, 0)] for b in blocks if b.kind in ("h1", "h2")}
        write_docx(blocks, title + label, d / f"{name}.docx", toc_pages)
        write_pdf(laid, d / f"{name}.pdf")
        files[name] = d / f"{name}.docx"
        files[name + "_pdf"] = d / f"{name}.pdf"
    files["comments"] = write_comments(plan, d)
    exp = {"case": f"blind7-s{plan.seed}", "rows": plan.decisions, "editorial": plan.editorial,
           "comments": [{"id": f"C{c.no:02d}", "row": c.no, "ref": c.ref, "opinion": c.opinion, "response": c.answer,
                         "reflected": c.reflected} for c in plan.comments]}
    files["expected"] = d / "expected.json"
    files["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files
