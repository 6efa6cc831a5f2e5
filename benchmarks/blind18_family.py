"""The eighteenth blind family: a national ministry's basic plan, 「第３次○○推進基本計画」 (食育, 消費者教育,
自殺対策 or 交通安全, one per seed), 素案 → 案 after a 意見公募手続（パブリックコメント） of 400-1,500 opinions, many of
them campaign texts, published as 「意見募集の結果」 (No. | 該当箇所 | 御意見の概要 | 御意見に対する考え方).

Written without reading the tool (revtool/changes, comments, compare, extract) nor the other families' generators:
only the JSON contract (DESIGN.md), the runner interface (blind_runner.py), the scorer's truth format
(accuracy_score.py) and the PDF writer (plan_pdf.py).

The plan: an unnumbered cover (title, 「素案」/「（案）」, date), a 目次, はじめに, 第１部 総論 / 第２部 施策の推進 /
第３部 推進体制 / 参考資料 (用語集, 策定経過); headings 第１部 > 第１章 > 第１節 > １． > （１） > ①; 具体的施策 as
「【施策番号12】…」 paragraphs or a table 施策番号 | 具体的施策 | 担当府省庁 (per seed); 数値目標 目標 | 現状値 |
目標値（令和12年度）; ※ notes after paragraphs. About 70-100 printed pages.

Formats per seed (each in both the tuning and the held-out set): both versions as PDF only; DOCX 素案 and 案 with
their PDFs; a DOCX 素案 (with its PDF) and a PDF-only 案. 意見募集の結果 as XLSX, CSV (CP932) or a ruled PDF table.

Decisions (12-16 truth rows a seed): comment (sentences added, a 数値目標 raised, a 具体的施策 added with its
担当府省庁, a 用語集 term defined, a sentence asked by a campaign; on some seeds 「検討する」→「推進する」, a 推進体制
sentence, a new 数値目標); external (the plan's law amended — its amending act 「令和７年法律第N号」 quoted in two
places: one row; a 大綱 「（令和６年○月閣議決定）」 newer); internal (a 節 split in two with the later 節 renumbered,
two 施策 reordered, the last 施策 of a 章 moved to the next 章, statistics refreshed to a newer year, a 節 renamed in
its heading and in the 施策の体系). Editorial noise listed in the truth and never a row: 子供/子ども, 障害/障がい,
及び/および, 等/など, 「の実施を行う」/「を実施する」, 取組/取り組み, typos, full/half-width digits, 御/ご; page shifts,
the cover and the 目次 are not rows either.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import CHARS_PER_LINE, Line, PrintLine, lay_out, text_op, wrap, write_page_ops, write_pdf

BLIND18_TUNING_SEEDS = (20001, 20002, 20003)
BLIND18_SEEDS = (20101, 20102, 20103)

# plan format, comment format, how the reflected campaign is listed — every value in both seed sets
FORMATS = {20001: ("pdf", "xlsx", "grouped"), 20002: ("docx", "csv", "listed"), 20003: ("mixed", "pdf", "grouped"),
           20101: ("docx", "pdf", "grouped"), 20102: ("mixed", "xlsx", "listed"), 20103: ("pdf", "csv", "listed")}

Z = str.maketrans("0123456789", "０１２３４５６７８９")


def zen(n: int | str) -> str:
    return str(n).translate(Z)


# ---------------------------------------------------------------- subjects

SUBJECTS = [
    dict(key="shokuiku", title="第３次食育推進基本計画", ministry="農林水産省", law="食育基本法", law_no="平成17年法律第63号",
         art="16", amend_no="令和7年法律第38号", amend_point="学校、保育所等における食育の推進に関する国及び地方公共団体の責務",
         taiko="食料・農業・農村基本計画", taiko_old="令和2年3月", taiko_new="令和6年6月",
         ministries=["農林水産省", "文部科学省", "厚生労働省", "こども家庭庁", "消費者庁", "環境省"],
         nouns=["共食", "朝食の欠食", "地産地消", "食品ロスの削減", "栄養バランス", "学校給食", "食文化の継承", "農林漁業体験",
                "食の安全", "生活習慣病の予防", "災害時の食の備え", "郷土料理", "減塩", "若い世代の食生活", "高齢者の低栄養"],
         chapters=[("家庭における食育の推進", ["子供の基本的な生活習慣の形成", "妊産婦や乳幼児に関する栄養指導", "若い世代の食生活の改善及び共食の推進"]),
                   ("学校、保育所等における食育の推進", ["食に関する指導の充実", "学校給食の充実", "保育所等における食育の推進"]),
                   ("地域における食育の推進", ["健康寿命の延伸につながる食育の推進", "食文化の継承に向けた食育の推進", "災害に備えた食育の推進"]),
                   ("生産者と消費者との交流の促進", ["農林漁業体験の推進", "地産地消の推進", "環境と調和のとれた食料生産への理解"])],
         stat="朝食を欠食する子供の割合", stat_unit="％", indicators=[("食育に関心を持っている国民の割合", "78.9", "90"),
         ("朝食又は夕食を家族と一緒に食べる共食の回数（週当たり）", "9.6", "11"), ("朝食を欠食する子供の割合", "4.6", "0"),
         ("学校給食における地場産物を使用する割合（金額ベース）", "56", "90"), ("食品ロス削減のために何らかの行動をしている国民の割合", "76.5", "80"),
         ("郷土料理や伝統料理を月１回以上食べている国民の割合", "44.6", "50"), ("農林漁業体験を経験した国民の割合", "65.7", "70")],
         terms=[("共食", "家族や友人等、誰かと共に食事をすること。"), ("地産地消", "地域で生産された農林水産物をその地域で消費すること。"),
                ("食品ロス", "本来食べられるにもかかわらず廃棄されている食品。"), ("健康寿命", "健康上の問題で日常生活が制限されることなく生活できる期間。"),
                ("栄養教諭", "学校における食に関する指導を担う教員。"), ("和食", "日本人の伝統的な食文化。ユネスコ無形文化遺産に登録されている。")],
         new_term=("フードバンク", "食品企業の製造工程で発生する規格外品等を引き取り、福祉施設等へ無料で提供する団体・活動。"),
         campaign=("有機農業", "学校給食における有機農産物の活用を推進すべき"),
         campaign_no=("遺伝子組換え", "遺伝子組換え食品の表示を全面的に義務化すべき")),
    dict(key="shohisha", title="第３次消費者教育推進基本計画", ministry="消費者庁", law="消費者教育の推進に関する法律",
         law_no="平成24年法律第61号", art="9", amend_no="令和7年法律第52号", amend_point="成年年齢に達した若年者への消費者教育の機会の確保",
         taiko="消費者基本計画", taiko_old="令和2年3月", taiko_new="令和6年4月",
         ministries=["消費者庁", "文部科学省", "金融庁", "法務省", "デジタル庁", "経済産業省"],
         nouns=["悪質商法", "インターネット取引", "金融リテラシー", "契約トラブル", "消費生活相談", "エシカル消費", "高齢者の見守り",
                "成年年齢の引下げ", "消費者市民社会", "定期購入トラブル", "デジタル化への対応", "地域の消費者団体", "多重債務", "食品表示"],
         chapters=[("学校における消費者教育の推進", ["小学校・中学校における消費者教育", "高等学校・特別支援学校における消費者教育", "大学等における消費者教育"]),
                   ("地域社会における消費者教育の推進", ["高齢者・障害者への消費者教育", "地域の見守りネットワークとの連携", "消費生活センターの活用"]),
                   ("家庭・職域における消費者教育の推進", ["家庭における消費者教育", "職域における消費者教育", "事業者・事業者団体による取組"]),
                   ("デジタル社会に対応した消費者教育", ["インターネット取引に関する教育", "情報リテラシーの向上", "国際的な取引への対応"])],
         stat="消費生活相談の件数", stat_unit="万件", indicators=[("消費者教育を受けたことがある国民の割合", "35.2", "50"),
         ("消費生活センターを知っている国民の割合", "74.0", "85"), ("消費者教育推進地域協議会を設置している都道府県の数", "40", "47"),
         ("エシカル消費に関心がある国民の割合", "59.3", "75"), ("見守りネットワークを設置した市区町村の数", "519", "900"),
         ("教員研修の受講者数（年間）", "3200", "5000")],
         terms=[("エシカル消費", "人や社会、環境に配慮した消費行動。"), ("消費者市民社会", "消費者が自らの消費生活が社会に影響を及ぼし得ることを自覚し、公正かつ持続可能な社会の形成に参画する社会。"),
                ("見守りネットワーク", "消費者安全確保地域協議会。"), ("定期購入", "一定期間継続して商品を購入する契約。"),
                ("成年年齢", "民法上、単独で有効な契約をすることができる年齢。"), ("クーリング・オフ", "一定期間内であれば無条件で契約を解除できる制度。")],
         new_term=("ダークパターン", "消費者が気付かないうちに不利な判断・意思決定をしてしまうよう誘導する仕組みを持つウェブデザイン。"),
         campaign=("ゲーム課金", "子供のオンラインゲームへの高額課金の防止策を計画に明記すべき"),
         campaign_no=("通信販売", "インターネット通信販売を全面的に規制すべき")),
    dict(key="jisatsu", title="第３次自殺対策推進基本計画", ministry="厚生労働省", law="自殺対策基本法", law_no="平成18年法律第85号",
         art="13", amend_no="令和7年法律第41号", amend_point="子供・若者の自殺対策に関する施策の充実",
         taiko="自殺総合対策大綱", taiko_old="令和4年10月", taiko_new="令和6年11月",
         ministries=["厚生労働省", "こども家庭庁", "文部科学省", "警察庁", "総務省", "法務省"],
         nouns=["相談体制", "ゲートキーパー", "自殺未遂者への支援", "遺族等への支援", "SNS相談", "職場のメンタルヘルス", "生活困窮者への支援",
                "孤独・孤立対策", "ハイリスク地への対策", "自殺報道", "精神科医療", "地域自殺対策計画", "SOSの出し方に関する教育", "アルコール健康障害"],
         chapters=[("子供・若者の自殺対策の推進", ["児童生徒の自殺対策の強化", "若者の自殺対策の推進", "SOSの出し方に関する教育の推進"]),
                   ("地域レベルの実践的な取組への支援", ["地域自殺対策推進センターへの支援", "地域自殺対策計画の策定支援", "ゲートキーパーの養成"]),
                   ("適切な精神保健医療福祉サービスの提供", ["精神科医療との連携", "自殺未遂者等への支援", "遺された人への支援"]),
                   ("社会全体の自殺リスクの低減", ["職場におけるメンタルヘルス対策", "生活困窮者への支援", "孤独・孤立対策との連携"])],
         stat="自殺者数", stat_unit="人", indicators=[("自殺死亡率（人口10万人当たり）", "17.3", "13.0"),
         ("ゲートキーパー養成研修の受講者数（累計）", "52", "100"), ("地域自殺対策計画を見直した市町村の割合", "61", "100"),
         ("SNS相談の対応件数（年間）", "8.1", "12"), ("ストレスチェックを実施した事業場の割合", "82.5", "90"),
         ("こころの健康相談統一ダイヤルの認知度", "18.4", "30")],
         terms=[("ゲートキーパー", "悩んでいる人に気付き、声をかけ、話を聞いて、必要な支援につなげ、見守る人。"), ("自殺死亡率", "人口10万人当たりの自殺者数。"),
                ("地域自殺対策推進センター", "都道府県・指定都市に設置される地域の自殺対策の拠点。"), ("ストレスチェック", "労働者のストレスの状況を把握する検査。"),
                ("SOSの出し方に関する教育", "児童生徒が困難な事態に直面した際に助けを求める力を身に付ける教育。"), ("自殺未遂者", "自殺を図ったが死に至らなかった者。")],
         new_term=("こども家庭センター", "市区町村において全ての妊産婦、子育て世帯、子供への一体的な相談支援を行う機関。"),
         campaign=("市販薬の過量服薬", "市販薬の過量服薬（オーバードーズ）への対策を明記すべき"),
         campaign_no=("相談窓口", "相談窓口を全て24時間対応とすべき")),
    dict(key="kotsu", title="第３次交通安全推進基本計画", ministry="内閣府", law="交通安全対策基本法", law_no="昭和45年法律第110号",
         art="22", amend_no="令和7年法律第47号", amend_point="特定小型原動機付自転車等の新たな交通主体に係る安全対策",
         taiko="自転車活用推進計画", taiko_old="令和3年5月", taiko_new="令和6年5月",
         ministries=["内閣府", "警察庁", "国土交通省", "文部科学省", "こども家庭庁", "総務省"],
         nouns=["高齢運転者", "自転車の安全利用", "通学路の安全", "生活道路", "飲酒運転の根絶", "電動キックボード", "先進安全技術",
                "交通安全教育", "救急医療", "被害者支援", "踏切道", "ヘルメットの着用", "夜間の歩行者", "運転免許制度"],
         chapters=[("道路交通環境の整備", ["生活道路における安全確保", "通学路等の安全確保", "幹線道路における対策"]),
                   ("交通安全思想の普及徹底", ["段階的かつ体系的な交通安全教育", "高齢者に対する交通安全教育", "自転車の安全利用の推進"]),
                   ("安全運転の確保", ["運転者教育等の充実", "高齢運転者対策の充実", "飲酒運転の根絶"]),
                   ("被害者支援と救助・救急活動の充実", ["救助・救急体制の整備", "交通事故被害者等への支援", "損害賠償の適正化"])],
         stat="交通事故死者数", stat_unit="人", indicators=[("交通事故死者数（24時間）", "2610", "2000"),
         ("重傷者数", "27636", "22000"), ("自転車乗用中のヘルメット着用率", "13.5", "50"), ("通学路の合同点検に基づく対策完了率", "71", "100"),
         ("飲酒運転による死亡事故件数", "112", "60"), ("生活道路におけるゾーン30プラスの整備地区数", "120", "400")],
         terms=[("ゾーン30プラス", "最高速度30km/hの区域規制と物理的デバイスを組み合わせた生活道路の安全対策。"), ("特定小型原動機付自転車", "電動キックボード等の一定の基準を満たす車両。"),
                ("先進安全技術", "衝突被害軽減ブレーキ等の運転支援技術。"), ("ヒヤリ地図", "危険箇所を地図上に示したもの。"),
                ("交通安全運動", "国民の交通安全意識の高揚を図る全国的な運動。"), ("安全運転サポート車", "先進安全技術を搭載した自動車。")],
         new_term=("ラウンドアバウト", "中央島の周囲を一方通行で回る環状の交差点。"),
         campaign=("歩行者優先", "横断歩道における歩行者優先の徹底を明記すべき"),
         campaign_no=("自転車免許", "自転車の運転に免許制度を導入すべき")),
]

ACTIONS = ["{n}に関する普及啓発の推進", "{n}に係る相談体制の充実", "{n}に関する実態把握と調査研究", "地方公共団体における{n}の取組への支援",
           "{n}に関する人材の育成", "{n}に関する情報発信の強化", "関係団体と連携した{n}の推進", "{n}に関する指針の策定と周知",
           "{n}に関するモデル事業の実施", "{n}に係る研修の充実", "民間団体による{n}の活動への支援", "{n}に関するデータの整備と活用"]

SENT = ["{a}については、国、地方公共団体、関係団体等が連携して取り組むことが重要である。",
        "近年、{a}をめぐる状況は大きく変化しており、{b}との関係にも留意が必要である。",
        "このため、国は{a}に関する施策を総合的かつ計画的に推進する。",
        "また、{b}に関する知見の蓄積を図り、その成果を施策に反映する。",
        "地域の実情に応じた{a}の取組が行われるよう、地方公共団体への情報提供に努める。",
        "{a}の推進に当たっては、子供から高齢者までライフステージに応じた取組が求められる。",
        "特に、{b}については、地域間の差が依然として大きいことが指摘されている。",
        "こうした状況を踏まえ、{a}と{b}を一体的に捉えた取組を進める必要がある。",
        "関係府省庁は、{a}に関する取組の実施状況を定期的に把握し、必要な見直しを行う。",
        "{a}に関する国民の意識は高まりつつあるものの、実際の行動に結び付いていない面もある。",
        "地方公共団体においては、{b}に関する計画の策定が進められている。",
        "{b}の分野では、デジタル技術を活用した新たな取組も始まっている。",
        "今後は、{a}に関する効果的な取組を全国に広げていくことが課題である。",
        "また、{a}に関する取組の成果を客観的に評価するための指標の在り方についても検討を進める。",
        "{b}については、関係機関の役割分担を明確にした上で、切れ目のない支援を行うことが重要である。",
        "このほか、{a}に関する国際的な動向にも留意しつつ、必要な情報の収集に努める。",
        "人口減少や高齢化の進展に伴い、{b}を取り巻く環境は一層厳しさを増している。",
        "あわせて、{b}に関する優良事例を収集し、全国への横展開を図る。",
        "障害のある人を含め、誰もが{a}の取組に参加できる環境の整備が求められる。",
        "{a}に関する取組は、民間団体やボランティア等の活動によっても支えられている。"]


# ---------------------------------------------------------------- model

@dataclass
class Blk:
    uid: int
    kind: str  # "p" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Sec:
    uid: int
    heading: str
    blocks: list[Blk] = field(default_factory=list)
    children: list["Sec"] = field(default_factory=list)


@dataclass
class Comment:
    ref: str
    opinion: str
    answer: str
    reflected: bool = False
    campaign: str = ""  # campaign key, members share it


@dataclass
class Plan:
    seed: int
    subject: dict
    fmt: tuple[str, str, str]
    soan: list[Sec]
    an: list[Sec]
    soan_title: str
    an_title: str
    comments: list[Comment]
    rows: list[dict]  # truth rows, an_pages filled by write_plan; "_where": [(uid, substring)] places
    editorial: list[dict]
    opinions_total: int


class Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


# ---------------------------------------------------------------- building the 素案

def _para(rng: random.Random, nouns: list[str], k: int) -> str:
    a, b = rng.sample(nouns, 2)
    return "".join(s.format(a=a, b=b) for s in rng.sample(SENT, k))


def build_soan(seed: int) -> tuple[list[Sec], dict]:
    """The 素案 tree and the handles of the places the 案 changes."""
    rng = random.Random(seed)
    sub = SUBJECTS[seed % len(SUBJECTS)]
    nid = Ids()
    nouns = sub["nouns"]
    h: dict = {"table_style": seed % 2 == 0}

    def P(text: str) -> Blk:
        return Blk(nid(), "p", text)

    def S(heading: str, blocks: list[Blk] | None = None, children: list[Sec] | None = None) -> Sec:
        return Sec(nid(), heading, blocks or [], children or [])

    intro = S("はじめに", [P(f"我が国では、{sub['law']}（{sub['law_no']}）の制定以来、{nouns[0]}をはじめとする施策が推進されてきた。" + _para(rng, nouns, 3)),
                          P(_para(rng, nouns, 4)), P(f"本計画は、令和８年度から令和12年度までの５年間を計画期間とする{sub['title']}として、{sub['ministry']}が関係府省庁と連携して策定するものである。")])
    # 第１部 総論
    law_p = P(f"本計画は、{sub['law']}（{sub['law_no']}）第{sub['art']}条の規定に基づき、政府が策定する計画である。" + _para(rng, nouns, 2))
    taiko_p = P(f"また、本計画は、{sub['taiko']}（{sub['taiko_old']}閣議決定）その他の関連する計画との整合を図りつつ策定するものである。" + _para(rng, nouns, 2))
    h["law1"], h["taiko"] = law_p, taiko_p
    c1 = S("第１章　計画策定の趣旨", children=[
        S("第１節　計画策定の背景", [P(_para(rng, nouns, rng.randint(4, 6))) for _ in range(6)]),
        S("第２節　計画の位置付け", [law_p, taiko_p, P(_para(rng, nouns, 3))]),
        S("第３節　計画の期間", [P("本計画の期間は、令和８年度から令和12年度までの５年間とする。なお、社会情勢の変化等を踏まえ、必要に応じて見直しを行う。")])])
    v1 = rng.randint(200, 900) / 10 if sub["stat_unit"] in ("％", "万件") else rng.randint(2000, 22000)
    v2 = round(v1 * rng.uniform(0.9, 0.97), 1) if isinstance(v1, float) else int(v1 * rng.uniform(0.9, 0.97))
    h["stat"] = (v1, v2)
    stat_p = P(f"令和４年の{sub['stat']}は{v1}{sub['stat_unit']}となっており、前年と比べて減少したものの、依然として高い水準にある。" + _para(rng, nouns, 2))
    h["stat_p"] = stat_p
    eval_children = []
    for i, (cname, _) in enumerate(sub["chapters"][:3]):
        eval_children.append(S(f"（{zen(i + 1)}）{cname}", [P(_para(rng, nouns, 3))],
                               [S(f"{'①②③'[j]}{x}", [P(_para(rng, nouns, 3))]) for j, x in enumerate(["成果", "課題"])]))
    juten = [S(f"重点課題{zen(i + 1)}　{nouns[i + 2]}への対応", [P(_para(rng, nouns, rng.randint(4, 6))) for _ in range(4)]) for i in range(3)]
    c2 = S("第２章　現状と課題", children=[
        S("第１節　統計等から見た現状", [stat_p, P(_para(rng, nouns, 4)),
                                     Blk(nid(), "table", rows=[["区分", "令和２年", "令和３年", "令和４年"]] +
                                         [[n, *(str(rng.randint(10, 99)) for _ in range(3))] for n in rng.sample(nouns, 5)]),
                                     P("（資料）" + sub["ministry"] + "調べ（令和４年）")]),
        S("第２節　第２次計画の評価", [P(_para(rng, nouns, 3))], [S("１．評価の概要", [P(_para(rng, nouns, 3))]),
                                                          S("２．分野別の評価", [P(_para(rng, nouns, 2))], eval_children)]),
        S("第３節　重点課題", [P("第２次計画の評価等を踏まえ、本計画においては、以下の重点課題に取り組む。")], juten)])
    # 第２部 施策の推進
    num = [0]
    part2 = []
    mins = sub["ministries"]
    item_names: list[list[list[str]]] = []
    for ci, (cname, secs) in enumerate(sub["chapters"]):
        kids = []
        ch_items = []
        for si, sname in enumerate(secs):
            items = []
            names = []
            for _ in range(rng.randint(4, 6)):
                num[0] += 1
                name = rng.choice(ACTIONS).format(n=rng.choice(nouns))
                while name in [x for c in item_names for s in c for x in s] + names:
                    name = rng.choice(ACTIONS).format(n=rng.choice(nouns))
                names.append(name)
                items.append((num[0], name, "、".join(rng.sample(mins, rng.randint(1, 3)))))
            ch_items.append(names)
            kids.append(S(f"第{zen(si + 1)}節　{sname}", children=[
                S("１．現状と課題", [P(_para(rng, nouns, 6)), P(_para(rng, nouns, 6))] + [P(_para(rng, nouns, rng.randint(5, 8))) for _ in range(rng.randint(14, 18))]),
                S("２．具体的施策", _items_blocks(items, h["table_style"], rng, nouns, nid))]))
        item_names.append(ch_items)
        part2.append(S(f"第{zen(ci + 1)}章　{cname}", [P(_para(rng, nouns, 4)), P(_para(rng, nouns, 5)), P(_para(rng, nouns, 4))], kids))
    h["law2"] = part2[rng.randrange(len(part2))].blocks[0]
    law2 = h["law2"]
    law2.text = f"{sub['law']}第{sub['art']}条においては、国が必要な施策を講ずることとされている。" + law2.text
    taikei = Blk(nid(), "table", rows=[["章", "節（施策の方向）"]] + [[c, s] for c, secs in sub["chapters"] for s in secs])
    h["taikei"] = taikei
    c3 = S("第３章　施策の体系", [P("本計画の施策の体系は、次のとおりである。"), taikei])
    p1 = S("第１部　総論", children=[c1, c2, c3])
    p2 = S("第２部　施策の推進", [P("第２部では、第１部に掲げた重点課題を踏まえ、分野ごとに具体的施策を示す。※１"),
                                 P("※１　施策番号は、本計画の進捗管理において用いる番号である。")], part2)
    # 第３部
    ind = Blk(nid(), "table", rows=[["目標", "現状値", "目標値（令和12年度）"]] + [[a, b, c] for a, b, c in sub["indicators"]])
    h["ind"] = ind
    suishin = S("第１章　推進体制", children=[
        S("第１節　関係府省庁の連携", [P(_para(rng, nouns, 4)), P(_para(rng, nouns, 3))]),
        S("第２節　地方公共団体、関係団体等との連携・協働", [P(_para(rng, nouns, 4)), P(_para(rng, nouns, 3))])])
    h["suishin"] = suishin.children[0].blocks[1]
    p3 = S("第３部　推進体制", children=[
        suishin,
        S("第２章　数値目標", [P("本計画の推進に当たっては、以下の数値目標を設定し、その達成状況を評価する。"), ind,
                              P("※２　現状値は、原則として令和５年度の値である。")]),
        S("第３章　計画の見直し", [P(_para(rng, nouns, 3)), P("本計画は、おおむね５年後を目途に見直しを行う。")])])
    gloss = Blk(nid(), "table", rows=[["用語", "解説"]] + [list(t) for t in sub["terms"]])
    h["gloss"] = gloss
    ref = S("参考資料", children=[S("１．用語集", [gloss]),
                               S("２．策定経過", [Blk(nid(), "table", rows=[["年月", "経過"], ["令和７年６月", "有識者会議（第１回）"],
                                                                          ["令和７年９月", "有識者会議（第２回）"], ["令和７年11月", "素案の公表、意見公募手続"]])])])
    h["nid"], h["rng"], h["items"] = nid, rng, item_names
    return [intro, p1, p2, p3, ref], h


def _items_blocks(items: list[tuple[int, str, str]], table: bool, rng: random.Random, nouns: list[str], nid: Ids) -> list[Blk]:
    if table:
        return [Blk(nid(), "p", "主な具体的施策は、以下のとおりである。"),
                Blk(nid(), "table", rows=[["施策番号", "具体的施策", "担当府省庁"]] + [[zen(n), name, m] for n, name, m in items])]
    return [Blk(nid(), "p", f"【施策番号{zen(n)}】{name}　" + _para(rng, nouns, rng.randint(3, 5)) + f"【{m}】") for n, name, m in items]


# ---------------------------------------------------------------- helpers on trees

def walk(tree: list[Sec], path: tuple[str, ...] = ()):
    for s in tree:
        p = path + (s.heading,)
        yield s, list(p)
        yield from walk(s.children, p)


def path_of_block(tree: list[Sec], uid: int) -> list[str]:
    for s, p in walk(tree):
        if any(b.uid == uid for b in s.blocks):
            return p
    raise KeyError(uid)


def sec_of_block(tree: list[Sec], uid: int) -> Sec:
    for s, _ in walk(tree):
        if any(b.uid == uid for b in s.blocks):
            return s
    raise KeyError(uid)


def block(tree: list[Sec], uid: int) -> Blk:
    for s, _ in walk(tree):
        for b in s.blocks:
            if b.uid == uid:
                return b
    raise KeyError(uid)


def path_of_sec(tree: list[Sec], uid: int) -> list[str]:
    for s, p in walk(tree):
        if s.uid == uid:
            return p
    raise KeyError(uid)


def all_text(tree: list[Sec]) -> str:
    out = []
    for s, _ in walk(tree):
        out.append(s.heading)
        for b in s.blocks:
            out.append(b.text if b.kind == "p" else "\n".join("\u3000".join(r) for r in b.rows))
    return "\n".join(out)


# ---------------------------------------------------------------- the 案 and the truth

def generate(seed: int) -> Plan:
    soan, h = build_soan(seed)
    sub = SUBJECTS[seed % len(SUBJECTS)]
    rng = random.Random(seed * 7 + 1)
    an = copy.deepcopy(soan)
    nid: Ids = h["nid"]
    rows: list[dict] = []
    comments: list[Comment] = []
    part2 = an[2].children

    def add_row(kind: str, places: list[tuple[str, int]], where: list[tuple], must: list[str], cause: str,
                cids: list[Comment] | None = None) -> None:
        """``places``: ("b", block uid) or ("s", section uid), their paths read in the finished 案."""
        rows.append(dict(kind=kind, _places=places, _where=where, must_mention=must, cause=cause, _cids=cids or []))

    xc = rng.randrange(4)  # the chapter whose second 節 is split; no other decision in it
    mc = rng.choice([c for c in range(3) if xc not in (c, c + 1)])  # the last 施策 of 章 mc moves to 章 mc+1
    free = [(c, s) for c in range(4) for s in range(3) if c != xc and (c, s) not in ((mc, 2), (mc + 1, 0))]
    rng.shuffle(free)

    def comment(ref: str, opinion: str, answer: str, reflected: bool = False, campaign: str = "") -> Comment:
        comments.append(Comment(ref, opinion, answer, reflected, campaign))
        return comments[-1]

    def p2blk(ci: int, si: int, sub_i: int, bi: int) -> Blk:
        return part2[ci].children[si].children[sub_i].blocks[bi]

    used_secs: set[int] = set()

    # -- comment: a sentence added to a 現状と課題
    ci, si = free.pop()
    b = p2blk(ci, si, 0, 1)
    topic = rng.choice(sub["nouns"][8:])
    add = f"さらに、{topic}に関する取組の地域差にも留意し、先進的な事例の共有を図る。"
    b.text += add
    used_secs.add(sec_of_block(an, b.uid).uid)
    ref = f"第２部第{zen(ci + 1)}章第{zen(si + 1)}節"
    c1 = comment(ref, f"{topic}に関する取組には地域差が大きいため、その点に留意する旨を記載していただきたい。",
                 f"御指摘を踏まえ、{topic}に関する取組の地域差に留意する旨を追記いたします。", True)
    c1b = comment(ref, f"{topic}について、先進的な事例の共有を進めてほしい。", "御指摘を踏まえ、先進的な事例の共有を図る旨を追記いたします。", True)
    comment(ref, f"{part2[ci].children[si].heading.split('　')[1]}について、予算を大幅に増額すべき。",
            "予算については、毎年度の予算編成過程において検討してまいります。今後の施策の推進に当たっての参考とさせていただきます。")
    add_row("modified", [("b", b.uid)], [(b.uid, add)], [topic, "先進的な事例"], "comment", [c1, c1b])

    # -- comment: a 数値目標 raised
    ind = block(an, h["ind"].uid)
    k = rng.choice([i for i in range(1, len(ind.rows)) if _raised(ind.rows[i][2], ind.rows[i][0]) != ind.rows[i][2]])
    name, cur, old = ind.rows[k]
    new = _raised(old, name)
    ind.rows[k] = [name, cur, new]
    c = comment("第３部第２章", f"「{name}」の目標値（{old}）は低すぎる。より高い目標とすべき。",
                f"御指摘を踏まえ、目標値を{new}に修正いたします。", True)
    comment("第３部第２章", "数値目標の達成状況を毎年度検証すべき。", "御指摘の趣旨は既に第３部第３章に盛り込まれております。")
    add_row("modified", [("b", ind.uid)], [(ind.uid, ("cell", name))], [name, old, new], "comment", [c])

    # -- comment: a 具体的施策 added with its 担当府省庁
    ca, sa = free.pop()
    blocks = part2[ca].children[sa].children[1].blocks
    noun = rng.choice(sub["nouns"])
    new_item = f"{noun}に関する官民連携プラットフォームの構築"
    dept = "、".join(rng.sample(sub["ministries"], 2))
    if h["table_style"]:
        tb = blocks[1]
        last = tb.rows[-1][0]
        tb.rows.append([f"{last}の２", new_item, dept])
        where: list[tuple] = [(tb.uid, ("cell", new_item))]
    else:
        last = blocks[-1].text.split("】")[0].removeprefix("【施策番号")
        nb = Blk(nid(), "p", f"【施策番号{last}の２】{new_item}　{noun}に関わる企業、団体、地方公共団体等が参画するプラットフォームを構築し、取組の連携を促進する。【{dept}】")
        blocks.append(nb)
        where = [(nb.uid, new_item)]
    used_secs.add(part2[ca].children[sa].children[1].uid)
    ref = f"第２部第{zen(ca + 1)}章第{zen(sa + 1)}節２．"
    c = comment(ref, f"{noun}について、企業や団体が連携できる仕組みを設けるべき。",
                f"御指摘を踏まえ、具体的施策として「{new_item}」を追加いたします。", True)
    add_row("added", [("s", part2[ca].children[sa].children[1].uid)], where, [new_item, dept.split("、")[0]], "comment", [c])

    # -- comment: a 用語集 term
    gl = block(an, h["gloss"].uid)
    pos = rng.randrange(1, len(gl.rows) + 1)
    gl.rows.insert(pos, list(sub["new_term"]))
    c = comment("参考資料１．", f"「{sub['new_term'][0]}」は一般になじみのない用語であり、用語集に解説を加えるべき。",
                f"御指摘を踏まえ、用語集に「{sub['new_term'][0]}」を追加いたします。", True)
    # the term appears in the body too (it was already in the 素案)
    hostb = p2blk((ci + 2) % 4, (si + 1) % 3, 0, 0)
    for t in (soan, an):
        block(t, hostb.uid).text += f"{sub['new_term'][0]}等の民間の取組とも連携を図る。"
    add_row("added", [("b", gl.uid)], [(gl.uid, ("cell", sub["new_term"][0]))], [sub["new_term"][0]], "comment", [c])

    # -- comment: a campaign (one text, hundreds of senders) causes a sentence
    kw, ask = sub["campaign"]
    cc, cs = free.pop()
    cb = p2blk(cc, cs, 0, 0)
    sentence = f"また、{kw}に関する取組についても、関係者の意見を踏まえつつ推進する。"
    cb.text += sentence
    used_secs.add(sec_of_block(an, cb.uid).uid)
    camp_ref = f"第２部第{zen(cc + 1)}章"
    camp_size = rng.randint(180, 420)
    camp_answer = f"御指摘を踏まえ、{kw}に関する取組を推進する旨を追記いたします。"
    camp_variants = ["{ask}。", "{ask}だと考えます。", "{ask}です。よろしくお願いします。", "私は{ask}と考えます。",
                     "子供たちの将来のために、{ask}。", "{ask}。強く要望します。"]
    fmt = FORMATS[seed]
    camp_first = len(comments)
    if fmt[2] == "listed":
        for j in range(camp_size):
            comment(camp_ref, rng.choice(camp_variants).format(ask=ask), camp_answer, True, "A")
    else:
        comment(camp_ref, f"{ask}。（同趣旨の御意見　他{camp_size - 1}件）", camp_answer, True, "A")
    add_row("modified", [("b", cb.uid)], [(cb.uid, sentence)], [kw], "comment",
            comments[camp_first:])

    # -- external: the law amended, quoted in two places (one row)
    amend = f"なお、令和７年に{sub['law']}が改正され（{sub['amend_no']}）、{sub['amend_point']}が新たに規定された。"
    l1, l2 = block(an, h["law1"].uid), block(an, h["law2"].uid)
    s1 = amend
    l1.text = l1.text.replace("政府が策定する計画である。", "政府が策定する計画である。" + s1)
    s2 = f"改正後の{sub['law']}（{sub['amend_no']}による改正後のもの）を踏まえ、{sub['amend_point']}に係る施策を強化する。"
    l2.text += s2
    used_secs |= {sec_of_block(an, l1.uid).uid, sec_of_block(an, l2.uid).uid}
    add_row("modified", [("b", l1.uid), ("b", l2.uid)], [(l1.uid, sub["amend_no"]), (l2.uid, sub["amend_no"])],
            [sub["law"], unicodedata.normalize("NFKC", sub["amend_no"])], "external")

    # -- external: the 大綱/計画 newer
    tb = block(an, h["taiko"].uid)
    tb.text = tb.text.replace(f"（{sub['taiko_old']}閣議決定）", f"（{sub['taiko_new']}閣議決定）")
    add_row("modified", [("b", tb.uid)], [(tb.uid, sub["taiko_new"])],
            [sub["taiko"], sub["taiko_new"]], "external")

    # -- internal: statistics refreshed
    v1, v2 = h["stat"]
    sp = block(an, h["stat_p"].uid)
    sp.text = sp.text.replace(f"令和４年の{sub['stat']}は{v1}", f"令和５年の{sub['stat']}は{v2}")
    src = sec_of_block(an, sp.uid).blocks[-1]
    src.text = src.text.replace("（令和４年）", "（令和５年）")
    add_row("modified", [("b", sp.uid)], [(sp.uid, f"令和５年の{sub['stat']}は{v2}")],
            ["令和5年", str(v2)], "internal")

    # -- internal: a 節 renamed in its heading and in the 体系
    rc, rs = free.pop()
    rsec = part2[rc].children[rs]
    old_name = rsec.heading.split("　", 1)[1]
    new_name = old_name.replace("の推進", "の充実") if "の推進" in old_name else old_name + "の強化"
    rsec.heading = rsec.heading.replace(old_name, new_name)
    tk = block(an, h["taikei"].uid)
    ti = next(i for i, r in enumerate(tk.rows) if r[1] == old_name)
    tk.rows[ti][1] = new_name
    add_row("renamed", [("s", rsec.uid), ("b", tk.uid)], [(("h", rsec.uid), None), (tk.uid, ("cell", new_name))],
            [new_name], "internal")
    used_secs.add(rsec.uid)

    # -- optional comment rows (0-3): 「検討する」→「推進する」, a 推進体制 sentence, a new 数値目標
    extras = rng.sample(["strengthen", "suishin", "indicator"], rng.randint(0, 3))
    if "strengthen" in extras:
        pc, ps = free.pop()
        kb = p2blk(pc, ps, 0, 0)
        for t in (soan, an):
            block(t, kb.uid).text += f"{sub['nouns'][1]}に関する新たな支援策の在り方について検討する。"
        block(an, kb.uid).text = block(an, kb.uid).text.replace("の在り方について検討する。", "を推進する。")
        c = comment(f"第２部第{zen(pc + 1)}章第{zen(ps + 1)}節", f"{sub['nouns'][1]}に関する支援策は「検討する」ではなく、「推進する」と明記すべき。",
                    f"御指摘を踏まえ、「{sub['nouns'][1]}に関する新たな支援策を推進する」に修正いたします。", True)
        add_row("modified", [("b", kb.uid)], [(kb.uid, "新たな支援策を推進する")], ["推進する"], "comment", [c])
        used_secs.add(sec_of_block(an, kb.uid).uid)
    if "suishin" in extras:
        sb = block(an, h["suishin"].uid)
        s = "また、本計画に基づく施策の進捗状況を毎年度取りまとめ、公表する。"
        sb.text += s
        c = comment("第３部第１章", "計画の進捗状況を毎年度公表すべきである。", "御指摘を踏まえ、進捗状況を毎年度取りまとめ、公表する旨を追記いたします。", True)
        add_row("modified", [("b", sb.uid)], [(sb.uid, s)], ["毎年度", "公表"], "comment", [c])
        used_secs.add(sec_of_block(an, sb.uid).uid)
    if "indicator" in extras:
        nm = f"{sub['nouns'][5]}に取り組む地方公共団体の割合"
        ind.rows.append([nm, "62", "80"])
        c = comment("第３部第２章", f"{sub['nouns'][5]}についても数値目標を設定すべき。", f"御指摘を踏まえ、「{nm}」を数値目標に追加いたします。", True)
        add_row("added", [("b", ind.uid)], [(ind.uid, ("cell", nm))], [nm], "comment", [c])

    # -- internal: two 施策 reordered (adjacent, numbers kept in order)
    oc, os_ = free.pop()
    osec = part2[oc].children[os_].children[1]
    if h["table_style"]:
        t = osec.blocks[1]
        a_, b_ = t.rows[1][1:], t.rows[2][1:]
        t.rows[1][1:], t.rows[2][1:] = b_, a_
        where = [(t.uid, ("cell", b_[0])), (t.uid, ("cell", a_[0]))]
        names = [a_[0], b_[0]]
    else:
        x, y = osec.blocks[0], osec.blocks[1]
        nx, ny = x.text.split("】", 1), y.text.split("】", 1)
        x.text, y.text = nx[0] + "】" + ny[1], ny[0] + "】" + nx[1]
        names = [nx[1].split("　")[0], ny[1].split("　")[0]]
        where = [(x.uid, names[1]), (y.uid, names[0])]
    add_row("moved", [("s", osec.uid)], where, names, "internal")
    used_secs.add(osec.uid)

    # -- internal: the last 施策 of a 章 moved to the first 節 of the next 章 (numbers stay continuous)
    src_sec = part2[mc].children[2].children[1]
    dst_sec = part2[mc + 1].children[0].children[1]
    if h["table_style"]:
        st, dt = src_sec.blocks[1], dst_sec.blocks[1]
        row = st.rows.pop()
        dt.rows.insert(1, row)
        mname = row[1]
        where = [(dt.uid, ("cell", mname))]
    else:
        mb = src_sec.blocks.pop()
        dst_sec.blocks.insert(0, mb)
        mname = mb.text.split("】", 1)[1].split("　")[0]
        where = [(mb.uid, mname)]
    add_row("moved", [("s", dst_sec.uid), ("s", src_sec.uid)], where, [mname], "internal")
    used_secs |= {src_sec.uid, dst_sec.uid}

    # -- internal: a 節 split in two, the later 節 renumbered (chapter not touched by the move's target)
    ch = part2[xc]
    victim_i = 1
    victim = ch.children[victim_i]
    vname = victim.heading.split("　", 1)[1]
    na, nb_ = vname + "に向けた基盤づくり", vname + "に向けた担い手の育成"
    victim.heading = f"第{zen(victim_i + 1)}節　{na}"
    new = Sec(nid(), f"第{zen(victim_i + 2)}節　{nb_}")
    kadai, shisaku = victim.children
    k2 = Sec(nid(), "１．現状と課題", [kadai.blocks.pop()])
    s2 = Sec(nid(), "２．具体的施策")
    if h["table_style"]:
        t = shisaku.blocks[1]
        half = (len(t.rows) + 1) // 2
        s2.blocks = [Blk(nid(), "p", "主な具体的施策は、以下のとおりである。"), Blk(nid(), "table", rows=[t.rows[0]] + t.rows[half:])]
        t.rows[:] = t.rows[:half]
    else:
        half = len(shisaku.blocks) // 2
        s2.blocks = shisaku.blocks[half:]
        shisaku.blocks[:] = shisaku.blocks[:half]
    new.children = [k2, s2]
    ch.children.insert(victim_i + 1, new)
    for j in range(victim_i + 2, len(ch.children)):
        ch.children[j].heading = f"第{zen(j + 1)}節　" + ch.children[j].heading.split("　", 1)[1]
    ti = next(i for i, r in enumerate(tk.rows) if r[1] == vname)
    tk.rows[ti:ti + 1] = [[tk.rows[ti][0], na], [tk.rows[ti][0], nb_]]
    add_row("split", [("s", victim.uid), ("s", new.uid), ("b", tk.uid)],
            [(("h", victim.uid), None), (("h", new.uid), None), (tk.uid, ("cell", na)), (tk.uid, ("cell", nb_))],
            [na, nb_], "internal")
    used_secs |= {victim.uid, new.uid, kadai.uid, shisaku.uid}

    editorial = _editorial(soan, an, rng, sub, used_secs)
    comments = _more_comments(comments, rng, sub, fmt)
    total = sum(_group_size(c.opinion) for c in comments)
    for r in rows:
        paths = [path_of_block(an, u) if k == "b" else path_of_sec(an, u) for k, u in r.pop("_places")]
        r["item"], r["section_paths"] = " ".join(paths[0]), paths
        r["cause"] = {"type": r["cause"], "comment_ids": [f"C{_index(comments, c) + 1:02d}" for c in r.pop("_cids")]}
    soan_title = f"{sub['title']}（素案）　令和７年11月　{sub['ministry']}"
    an_title = f"{sub['title']}（案）　令和８年２月　{sub['ministry']}"
    return Plan(seed, sub, fmt, soan, an, soan_title, an_title, comments, rows, editorial, total)


def _index(comments: list[Comment], c: Comment) -> int:
    return next(i for i, x in enumerate(comments) if x is c)


def _raised(old: str, name: str) -> str:
    x = float(old)
    lower_better = any(w in name for w in ("欠食", "死者", "死亡", "重傷", "飲酒"))
    y = x * 0.8 if lower_better else (min(100.0, x + 5) if "割合" in name or "率" in name else x * 1.2)
    return str(int(y)) if "." not in old else f"{y:.1f}"


def _group_size(op: str) -> int:
    if "（同趣旨の御意見　他" in op:
        return 1 + int(op.split("他")[-1].split("件")[0])
    return 1


EDITS = [("子供", "子ども"), ("障害", "障がい"), ("及び", "および"), ("等が", "などが"), ("取組", "取り組み"),
         ("民間団体", "民間団体")]


def _editorial(soan: list[Sec], an: list[Sec], rng: random.Random, sub: dict, used: set[int]) -> list[dict]:
    """Wording-only edits in paragraphs no decision touched: each recorded with its context."""
    out: list[dict] = []
    cand = [(s, p, b) for s, p in walk(an) if s.uid not in used for b in s.blocks
            if b.kind == "p" and "【施策番号" not in b.text and "※" not in b.text]
    rng.shuffle(cand)
    typos = [("推進する", "推進すろ"), ("地方公共団体", "地方公供団体"), ("取り組む", "取り組すむ"), ("関係府省庁", "関係府省長")]
    plays = [("子供", "子ども"), ("障害", "障がい"), ("及び", "および"), ("等が", "などが"), ("取組", "取り組み"),
             ("の実施を行う", "を実施する"), ("御", "ご"), ("10万", "１０万"), ("typo", "")]
    done: set[int] = set()
    for s, p, b in cand:
        if len(out) >= 30:
            break
        if b.uid in done:
            continue
        for old_w, new_w in rng.sample(plays, len(plays)):
            if old_w == "typo":
                good, bad = rng.choice(typos)
                if good not in b.text:
                    continue
                i = b.text.index(good)
                sb = _find(soan, b.uid)
                if sb is None or sb.text != b.text:
                    continue
                sb.text = b.text[:i] + bad + b.text[i + len(good):]
                out.append(_ed(p, sb.text, b.text, i, len(bad), len(good)))
                done.add(b.uid)
                break
            if old_w in b.text:
                i = b.text.index(old_w)
                sb = _find(soan, b.uid)
                if sb is None or sb.text != b.text:
                    continue
                b.text = b.text[:i] + new_w + b.text[i + len(old_w):]
                out.append(_ed(p, sb.text, b.text, i, len(old_w), len(new_w)))
                done.add(b.uid)
                break
    # a few sentences written with the wording the editorial pass then changes
    for s, p, b in cand[30:60]:
        if b.uid in done or len(out) >= 40:
            continue
        sb = _find(soan, b.uid)
        if sb is None or sb.text != b.text:
            continue
        extra_old, extra_new = rng.choice([("研修の実施を行う。", "研修を実施する。"), ("御協力を得ながら取り組む。", "ご協力を得ながら取り組む。"),
                                           ("2030年度までに取り組む。", "２０３０年度までに取り組む。")])
        sb.text += extra_old
        b.text += extra_new
        out.append(_ed(p, sb.text, b.text, len(sb.text) - len(extra_old), len(extra_old), len(extra_new)))
        done.add(b.uid)
    return out


def _find(tree: list[Sec], uid: int) -> Blk | None:
    try:
        return block(tree, uid)
    except KeyError:
        return None


def _ed(path: list[str], old: str, new: str, i: int, lo: int, ln: int) -> dict:
    a, z = max(0, i - 12), 12
    return {"section_path": path, "before": old[a:i + lo + z], "after": new[a:i + ln + z],
            "core_before": old[i:i + lo], "core_after": new[i:i + ln]}


def _more_comments(first: list[Comment], rng: random.Random, sub: dict, fmt: tuple[str, str, str]) -> list[Comment]:
    """The causing comments among many others (参考, 既記載, 原案のとおり), a second campaign answered 原案のとおり, in
    the order of the plan's places."""
    out = list(first)
    nouns = sub["nouns"]
    kw, ask = sub["campaign_no"]
    big = rng.randint(150, 600)
    out.append(Comment("全体", f"{ask}。（同趣旨の御意見　他{big - 1}件）",
                       f"{kw}については、関係法令に基づき適切に対応しているところであり、原案のとおりとさせていただきます。"))
    answers = ["今後の施策の推進に当たっての参考とさせていただきます。", "御指摘の趣旨は既に本計画（素案）に盛り込まれております。",
               "御意見として承ります。原案のとおりとさせていただきます。", "御指摘の点については、{n}の取組の中で対応してまいります。",
               "いただいた御意見は、今後の{n}に関する施策の検討に当たっての参考とさせていただきます。"]
    asks = ["{n}について、もっと具体的な取組を記載すべき。", "{n}に関する施策の効果を検証する仕組みが必要。", "{n}について、地方公共団体への財政支援を拡充してほしい。",
            "{n}の取組に民間の力を活用すべき。", "{n}に関する周知が不十分である。", "{n}について、国の責任を明確にすべき。",
            "{n}の現状について、より詳しいデータを示してほしい。"]
    refs = ["はじめに", "第１部第１章", "第１部第２章第１節", "第１部第２章第３節", "第１部第３章"] + \
           [f"第２部第{zen(c)}章第{zen(s)}節" for c in range(1, 5) for s in range(1, 4)] + ["第３部第１章", "第３部第３章", "全体"]
    for _ in range(rng.randint(70, 120)):
        n = rng.choice(nouns)
        op = rng.choice(asks).format(n=n)
        if rng.random() < 0.2:
            op += f"（同趣旨の御意見　他{rng.randint(1, 12)}件）"
        out.append(Comment(rng.choice(refs), op, rng.choice(answers).format(n=n)))
    order = {r: i for i, r in enumerate(refs)}

    def rank(c: Comment) -> tuple:
        r = c.ref
        base = next((i for k, i in order.items() if r.startswith(k.rstrip("節"))), 0)
        if r.startswith("第３部第２章"):
            base = order["第３部第１章"] + 0.5
        if r.startswith("参考資料"):
            base = len(refs) - 1.5
        if r == "全体":
            base = -1
        return (base,)

    out.sort(key=rank)  # stable: a campaign's members stay together
    return out


# ---------------------------------------------------------------- writing

def _lines(tree: list[Sec]) -> list[PrintLine]:
    out: list[PrintLine] = [PrintLine("目次", 16.0, ("toc",), new_page=True)]
    for s, p in walk(tree):
        if len(p) <= 3:
            out.append(PrintLine("\u3000" * (len(p) - 1) + s.heading, 10.5, ("toc", s.uid)))

    def visit(n: Sec, level: int) -> None:
        out.append(PrintLine(n.heading, {1: 16.0, 2: 14.0, 3: 12.0}.get(level, 11.0), ("h", n.uid), new_page=level <= 2))
        for b in n.blocks:
            if b.kind == "table":
                for i, row in enumerate(b.rows):
                    for j, (_, piece) in enumerate(wrap("\u3000".join(row), CHARS_PER_LINE + 4)):
                        out.append(PrintLine(piece, 9.5, ("t", b.uid, i) if j == 0 else ("t", b.uid, i, j)))
            else:
                for off, piece in wrap(b.text):
                    out.append(PrintLine(piece, 10.5, ("b", b.uid, off)))
        for c in n.children:
            visit(c, level + 1)

    for n in tree:
        visit(n, 1)
    return out


def layout(tree: list[Sec], title: str) -> tuple[list[list[Line]], dict[tuple, int]]:
    return lay_out(_lines(tree), title)


def pages_of(tree: list[Sec], where: dict[tuple, int], uid: int | tuple, what: object) -> list[int]:
    """Printed pages of a place: a heading, a table row, or a substring of a paragraph."""
    if isinstance(uid, tuple):
        return [where[uid]]
    if isinstance(what, tuple):  # ("cell", text): the table row holding it
        rows = block(tree, uid).rows
        return [where[("t", uid, next(i for i, r in enumerate(rows) if what[1] in r))]]
    text = block(tree, uid).text
    i = text.index(str(what))
    return sorted({where[("b", uid, off)] for off, _ in wrap(text) if off + CHARS_PER_LINE > i and off < i + len(str(what))})


def _docx(tree: list[Sec], title: str, path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph(title.split("　")[0]).runs[0].bold = True
    for part in title.split("　")[1:]:
        d.add_paragraph(part)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("目次")
    for s, p in walk(tree):
        if len(p) <= 3:
            d.add_paragraph("\u3000" * (len(p) - 1) + s.heading)

    def visit(n: Sec, level: int) -> None:
        if level <= 2:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_heading(n.heading, level=min(level, 6))
        for b in n.blocks:
            if b.kind == "table":
                t = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
                t.style = "Table Grid"
                for i, row in enumerate(b.rows):
                    for j, cell in enumerate(row):
                        t.cell(i, j).text = cell
            else:
                d.add_paragraph(b.text)
        for c in n.children:
            visit(c, level + 1)

    for n in tree:
        visit(n, 1)
    d.save(str(path))


HEADER = ["No.", "該当箇所", "御意見の概要", "御意見に対する考え方"]


def _comment_rows(plan: Plan) -> list[list[str]]:
    return [[str(i + 1), c.ref, c.opinion, c.answer] for i, c in enumerate(plan.comments)]


def _title_lines(plan: Plan) -> list[str]:
    return [f"「{plan.subject['title']}（素案）」に関する意見募集の結果について",
            f"意見募集期間：令和７年11月14日～令和７年12月13日　提出意見数：{plan.opinions_total:,}件（{plan.subject['ministry']}）"]


def _write_comments(plan: Plan, d: Path) -> Path:
    kind = plan.fmt[1]
    rows = _comment_rows(plan)
    if kind == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "意見募集の結果"
        for t in _title_lines(plan):
            ws.append([t])
        ws.append(HEADER)
        for r in rows:
            ws.append([int(r[0])] + r[1:])
        p = d / "kekka.xlsx"
        wb.save(str(p))
        return p
    if kind == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for t in _title_lines(plan):
            w.writerow([t])
        w.writerow(HEADER)
        w.writerows(rows)
        p = d / "kekka.csv"
        p.write_bytes(buf.getvalue().encode("cp932"))
        return p
    p = d / "kekka.pdf"
    _comments_pdf(plan, rows, p)
    return p


def _comments_pdf(plan: Plan, rows: list[list[str]], path: Path) -> None:
    """A ruled table on landscape A4, the header repeated on every page, cells wrapped to their column."""
    W, H = 842, 595
    xs = [40, 75, 185, 470, 802]
    widths = [3, 9, 24, 27]  # characters a line, at 11pt
    size, lh = 10.5, 13.5
    pages: list[list[str]] = []
    ops: list[str] = []
    y = H - 50

    def hline(yy: float) -> None:
        ops.append(f"{xs[0]} {yy:.1f} m {xs[-1]} {yy:.1f} l S")

    def put_row(cells: list[str]) -> None:
        nonlocal y
        wrapped = [[t for _, t in wrap(c, w)] for c, w in zip(cells, widths)]
        n = max(len(w) for w in wrapped)
        top = y
        for j, lines in enumerate(wrapped):
            for k, t in enumerate(lines):
                ops.append(text_op(xs[j] + 3, top - (k + 1) * lh + 2, size, t))
        y = top - n * lh - 4
        for x in xs:
            ops.append(f"{x} {top:.1f} m {x} {y:.1f} l S")
        hline(y)

    def new_page(first: bool) -> None:
        nonlocal ops, y
        if ops:
            ops.append(text_op(W / 2 - 10, 25, 9, str(len(pages) + 1)))
            pages.append(ops)
        ops, y = [], H - 50
        if first:
            for t in _title_lines(plan):
                ops.append(text_op(xs[0], y, 12, t))
                y -= 20
        hline(y)
        put_row(HEADER)

    new_page(True)
    for r in rows:
        need = max(len(wrap(c, w)) for c, w in zip(r, widths)) * lh + 4
        if y - need < 45:
            new_page(False)
        put_row(r)
    new_page(False)
    write_page_ops(pages, path, W, H)


def write_plan(plan: Plan, d: Path) -> dict:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    files: dict = {}
    where_of = {}
    for v, tree, title in (("soan", plan.soan, plan.soan_title), ("an", plan.an, plan.an_title)):
        pages, where = layout(tree, title)
        where_of[v] = where
        pdf = d / f"{v}.pdf"
        write_pdf(pages, pdf)
        files[f"{v}_pdf"] = pdf
        files[v] = pdf
    kind = plan.fmt[0]
    if kind in ("docx", "mixed"):
        _docx(plan.soan, plan.soan_title, d / "soan.docx")
        files["soan"] = d / "soan.docx"
    if kind == "docx":
        _docx(plan.an, plan.an_title, d / "an.docx")
        files["an"] = d / "an.docx"
    files["comments"] = _write_comments(plan, d)
    exp = expected(plan, where_of["an"], where_of["soan"])
    files["expected"] = d / "expected.json"
    files["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files


def expected(plan: Plan, where_an: dict[tuple, int], where_soan: dict[tuple, int]) -> dict:
    rows = []
    for i, r in enumerate(plan.rows):
        pages: set[int] = set()
        for uid, what in r["_where"]:
            pages |= set(pages_of(plan.an, where_an, uid, what))
        rows.append({"id": f"R{i + 1}", "kind": r["kind"], "item": r["item"], "section_paths": r["section_paths"],
                     "an_pages": sorted(pages), "must_mention": r["must_mention"], "cause": r["cause"]})
    linked = {c: row["id"] for row in rows for c in row["cause"]["comment_ids"]}
    comments = [{"id": f"C{i + 1:02d}", "ref": c.ref, "reflected": c.reflected, "row_ids": [linked[f"C{i + 1:02d}"]] if f"C{i + 1:02d}" in linked else []}
                for i, c in enumerate(plan.comments)]
    members = [f"C{i + 1:02d}" for i, c in enumerate(plan.comments) if c.campaign == "A"]
    campaigns = [{"representative": members[0], "members": members}] if len(members) > 1 else []
    # the truth names the campaign once, by its representative (the scorer counts a link to any member as that one)
    for row in rows:
        if members and members[0] in row["cause"]["comment_ids"]:
            row["cause"]["comment_ids"] = [members[0]]
    return {"case": f"blind18-s{plan.seed}", "rows": rows, "comments": comments, "editorial": plan.editorial,
            "campaigns": campaigns, "opinions_total": plan.opinions_total}


def summary(plan: Plan) -> dict:
    return {"subject": plan.subject["key"], "plan": plan.fmt[0], "comments": plan.fmt[1], "campaign": plan.fmt[2],
            "table_style": plan.seed % 2 == 0, "rows": len(plan.rows), "comment_rows": len(plan.comments),
            "opinions": plan.opinions_total, "editorial": len(plan.editorial)}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
