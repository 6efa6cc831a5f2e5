"""The fifteenth blind family: a prefecture's 「○○県国土強靱化地域計画」 (改定), 素案 → 案 after a
パブリックコメント, written without reading revtool's decision code (issue 11).

The plan: 目次, 第１章 基本的な考え方, 第２章 地域の特性 (hazard tables), 第３章 脆弱性評価 (the 施策分野 table
and the table of 「事前に備えるべき目標」1–8 with their 「起きてはならない最悪の事態（リスクシナリオ）」 1-1 …),
第４章 強靱化の推進方針 by 施策分野 (個別施策分野 （１）行政機能／警察・消防等 … and 横断的施策分野), each with
「○」推進方針 paragraphs and a 【重要業績指標（KPI）】 table 指標 | 現状値（年度） | 目標値（年度）, 第５章 計画の
推進と進捗管理, 別表 主な事業. Headings are numbered by Word's automatic multilevel list on some seeds (the
number lives in numbering.xml / numPr, not in the paragraph's text) and typed on the others; the PDFs print
what Word shows.

Truth: one row per decision as a careful prefecture officer would publish it in 別紙2 (案のページ = printed pages
of the 案 where the change is); the editorial edits that must not be rows are listed apart.

    plan = generate(17001)
    files = write_plan(plan, Path("out"))   # soan, an, soan_pdf, an_pdf, comments, expected
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import LEFT, Line, PrintLine, lay_out, tree_lines, write_pdf

BLIND15_TUNING_SEEDS = (17001, 17002, 17003)
BLIND15_SEEDS = (17101, 17102, 17103)

# seed -> (素案 format, 案 format, 別紙1 format, heading numbers "auto" (Word list) | "typed")
_FORMATS: dict[int, tuple[str, str, str, str]] = {
    17001: ("docx", "docx", "docx-merged", "auto"),
    17002: ("pdf", "pdf", "xlsx", "typed"),
    17003: ("docx", "pdf", "docx", "typed"),
    17101: ("docx", "docx", "xlsx", "typed"),
    17102: ("pdf", "pdf", "docx-merged", "typed"),
    17103: ("docx", "pdf", "docx-merged", "auto"),
}

_PREFS = ["東山県", "北浜県", "南海県", "西峰県", "中原県", "大川県", "青葉県", "白浜県"]

_uid = 0


def _next() -> int:
    global _uid
    _uid += 1
    return _uid


@dataclass
class Block:
    kind: str  # "para" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    uid: int = field(default_factory=_next)


@dataclass
class Node:
    title: str
    numbered: bool = True
    blocks: list[Block] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    uid: int = field(default_factory=_next)


@dataclass(frozen=True)
class PSec:
    """A section as printed: its heading with the number Word shows."""
    uid: int
    heading: str
    blocks: list[Block]
    children: list["PSec"]


@dataclass
class Plan:
    seed: int
    pref: str
    fmts: tuple[str, str, str, str]
    soan: list[Node]
    an: list[Node]
    rows: list[dict]  # truth rows; their places as ("b"|"t"|"h", uid, ...) keys, resolved in write_plan
    editorial: list[dict]
    comments: list[dict]


_FW = str.maketrans("0123456789", "０１２３４５６７８９")
_HW = str.maketrans("０１２３４５６７８９", "0123456789")


def _fw(n: int) -> str:
    return str(n).translate(_FW)


def number(level: int, n: int) -> str:
    """The number Word's list (or the typist) puts before a heading of ``level`` (1-based)."""
    return {1: f"第{_fw(n)}章", 2: _fw(n), 3: f"（{_fw(n)}）"}[level]


def printed(tree: list[Node], sep: str = "\u3000") -> list[PSec]:
    """The tree with each numbered heading's number; ``sep`` between number and title (Word's list
    suffix is a plain space, a typist's an ideographic one)."""

    def walk(nodes: list[Node], level: int) -> list[PSec]:
        out, n = [], 0
        for x in nodes:
            if x.numbered:
                n += 1
                head = number(level, n) + sep + x.title
            else:
                head = x.title
            out.append(PSec(x.uid, head, x.blocks, walk(x.children, level + 1)))
        return out

    return walk(tree, 1)


def heading_path(tree: list[Node], uid: int) -> list[str]:
    """The printed headings (typed form) from the chapter down to section ``uid``."""

    def find(nodes: list[PSec], trail: list[str]) -> list[str] | None:
        for s in nodes:
            if s.uid == uid:
                return trail + [s.heading]
            got = find(s.children, trail + [s.heading])
            if got:
                return got
        return None

    got = find(printed(tree), [])
    assert got, uid
    return got


def section_of_block(tree: list[Node], buid: int) -> int:
    def find(nodes: list[Node]) -> int | None:
        for s in nodes:
            if any(b.uid == buid for b in s.blocks):
                return s.uid
            got = find(s.children)
            if got:
                return got
        return None

    got = find(tree)
    assert got, buid
    return got


def walk(tree: list[Node]):
    for n in tree:
        yield n
        yield from walk(n.children)


def block(tree: list[Node], uid: int) -> Block:
    return next(b for n in walk(tree) for b in n.blocks if b.uid == uid)


def node(tree: list[Node], uid: int) -> Node:
    return next(n for n in walk(tree) if n.uid == uid)


# ---------------------------------------------------------------- content

_FIELDS: list[tuple[str, list[str], list[tuple[str, str, str, str, str]]]] = [
    # 施策分野, 推進方針 subjects, KPIs (指標, unit, 現状値, 目標値, target year)
    ("行政機能／警察・消防等", ["県有施設の耐震化", "災害対策本部機能の強化", "業務継続計画の実効性確保", "警察施設の機能強化",
                         "消防団の充実強化", "広域応援・受援体制の整備", "市町村の災害対応力の向上", "防災拠点の非常用電源の確保"],
     [("県有施設の耐震化率", "％", "96.2", "100", "12"), ("受援計画を策定した市町村の割合", "％", "55", "100", "11"),
      ("消防団員数", "人", "15,820", "16,500", "12")]),
    ("住宅・都市", ["住宅の耐震化", "密集市街地の改善", "大規模盛土造成地の対策", "避難場所となる都市公園の整備",
               "空き家対策の推進", "ブロック塀等の安全対策", "下水道施設の耐震化", "無電柱化の推進"],
     [("住宅の耐震化率", "％", "88.5", "95", "12"), ("下水道重要管渠の耐震化率", "％", "61.0", "75", "12"),
      ("無電柱化に着手した道路延長", "km", "42", "60", "12")]),
    ("保健医療・福祉", ["災害拠点病院の機能強化", "災害派遣医療チームの養成", "福祉避難所の確保", "避難所の衛生環境の確保",
                  "医薬品等の供給体制の整備", "社会福祉施設の耐震化", "災害派遣福祉チームの体制整備", "感染症対策の推進"],
     [("災害拠点病院の業務継続計画策定率", "％", "80", "100", "10"), ("福祉避難所の指定数", "箇所", "312", "380", "12"),
      ("災害派遣福祉チーム登録者数", "人", "210", "300", "12")]),
    ("エネルギー", ["石油燃料の供給体制の確保", "再生可能エネルギーの導入促進", "自立・分散型エネルギーの導入",
               "電力供給の早期復旧", "ＬＰガスの災害時供給体制", "水素エネルギーの利活用", "防災拠点への蓄電池の導入"],
     [("防災拠点への自立・分散型電源導入率", "％", "48", "70", "12"), ("中核ＳＳの数", "箇所", "64", "72", "10")]),
    ("情報通信", ["防災行政無線の機能強化", "災害情報の多様な伝達手段の確保", "通信事業者との連携強化",
              "県防災情報システムの更新", "デジタル技術を活用した情報収集", "外国人への情報提供", "ＳＮＳによる情報発信"],
     [("防災情報メール登録者数", "人", "96,000", "150,000", "12"), ("災害情報の伝達手段を複数確保した市町村数", "市町村", "28", "35", "11")]),
    ("産業・経済", ["事業継続計画の策定支援", "サプライチェーンの強靱化", "中小企業の防災・減災対策", "工業用水道施設の耐震化",
               "金融機能の維持", "観光客の安全確保", "商店街の防災力向上"],
     [("事業継続計画を策定した中小企業の割合", "％", "34", "50", "12"), ("工業用水道の管路耐震化率", "％", "44", "60", "12")]),
    ("交通・物流", ["緊急輸送道路の整備", "橋梁の耐震化", "港湾施設の耐震強化", "空港の機能確保", "鉄道施設の安全対策",
               "道路啓開計画の実効性確保", "物資輸送拠点の整備", "代替輸送手段の確保"],
     [("緊急輸送道路上の橋梁耐震化率", "％", "83", "95", "12"), ("耐震強化岸壁の整備数", "バース", "5", "8", "12"),
      ("道路啓開訓練の実施回数", "回／年", "1", "3", "12")]),
    ("農林水産", ["農業水利施設の耐震化", "ため池の防災・減災対策", "森林の適正な整備・保全", "漁港施設の機能強化",
              "食料の安定供給体制", "治山施設の整備", "農村地域の防災力向上"],
     [("防災重点農業用ため池の対策着手数", "箇所", "140", "260", "12"), ("間伐等の森林整備面積", "ha／年", "5,200", "6,000", "12")]),
    ("国土保全", ["河川改修の推進", "土砂災害対策の推進", "海岸保全施設の整備", "流域治水の推進", "ダムの事前放流の推進",
              "高潮・津波対策", "河川の樹木伐採・河道掘削", "火山防災対策"],
     [("河川整備計画に基づく整備率", "％", "52", "60", "12"), ("土砂災害警戒区域の指定率", "％", "97", "100", "9"),
      ("海岸堤防の整備率", "％", "71", "85", "12")]),
    ("環境", ["災害廃棄物処理計画の実効性確保", "有害物質の流出防止", "し尿処理体制の確保", "廃棄物処理施設の強靱化",
            "アスベスト飛散防止対策", "自然環境の保全"],
     [("災害廃棄物処理計画を策定した市町村の割合", "％", "86", "100", "10")]),
    ("土地利用", ["地籍調査の推進", "災害リスクを踏まえた土地利用", "所有者不明土地への対応", "立地適正化計画の推進",
              "復興事前準備の推進", "被災宅地危険度判定体制の整備"],
     [("地籍調査の進捗率", "％", "48", "55", "12"), ("復興事前準備に取り組む市町村数", "市町村", "6", "20", "12")]),
]
_CROSS: list[tuple[str, list[str], list[tuple[str, str, str, str, str]]]] = [
    ("リスクコミュニケーション", ["自主防災組織の活性化", "防災教育の推進", "避難行動要支援者の支援", "地区防災計画の策定促進",
                        "ハザードマップの周知", "男女共同参画の視点からの防災"],
     [("自主防災組織の活動カバー率", "％", "90.1", "95", "12"), ("個別避難計画を作成した市町村の割合", "％", "40", "100", "10")]),
    ("人材育成", ["防災士の養成", "県職員の防災研修", "技術職員の確保・育成", "建設業の担い手確保", "災害ボランティアの育成"],
     [("防災士の登録者数", "人", "9,400", "12,000", "12")]),
    ("官民連携", ["民間事業者との災害時応援協定", "物資調達の官民連携", "ＮＰＯとの連携体制", "民間施設の避難所活用",
              "情報共有の官民連携"],
     [("災害時応援協定の締結数", "件", "380", "450", "12")]),
    ("老朽化対策", ["インフラ長寿命化計画の推進", "県有建築物の計画的保全", "新技術を活用した点検", "上水道施設の更新",
               "公営住宅の長寿命化"],
     [("個別施設計画に基づく修繕の着手率", "％", "62", "100", "12")]),
]

_REASONS = ["大規模地震や風水害が発生した場合にも必要な機能を維持できるよう", "南海トラフ地震等の大規模災害に備え",
            "近年の激甚化・頻発化する豪雨災害を踏まえ", "被害の最小化と迅速な復旧・復興につなげるため",
            "平時から関係機関と連携して", "県民の生命と財産を守るため"]
_SECOND = ["市町村や関係機関と連携し、取組の進捗状況を定期的に確認しながら計画的に進める。",
           "国の補助制度を活用し、財源の確保に努めながら取組を加速させる。",
           "訓練を通じて課題を把握し、必要な見直しを行いながら実効性を高める。",
           "地域の実情に応じた対策となるよう、関係者の意見を聴きながら進める。",
           "優先度の高いものから順次対策を講じ、早期の完了を目指す。",
           "デジタル技術の活用による効率化についても併せて検討を進める。",
           "整備後の維持管理体制についても、関係者間で役割分担を明確にする。",
           "平時の利活用と災害時の活用の両立を図り、持続可能な体制を構築する。"]
_THIRD = ["また、県民への普及啓発を通じて、自助・共助の取組の促進につなげる。",
          "また、民間事業者の知見やノウハウを積極的に取り入れる。",
          "さらに、近隣県との広域的な連携体制の構築を図る。",
          "あわせて、老朽化した施設の更新についても計画的に実施する。",
          "なお、取組の成果は重要業績指標により把握し、毎年度公表する。",
          "また、女性や高齢者、障害者など多様な視点を取り入れる。"]

_GOALS = [
    ("直接死を最大限防ぐ", ["住宅・建物・交通施設等の複合的・大規模倒壊や住宅密集地における火災による多数の死傷者の発生",
                       "不特定多数が集まる施設の倒壊・火災による多数の死傷者の発生",
                       "広域にわたる大規模津波等による多数の死傷者の発生",
                       "突発的又は広域かつ長期的な市街地等の浸水による多数の死傷者の発生",
                       "大規模な火山噴火・土砂災害等による多数の死傷者の発生"]),
    ("救助・救急、医療活動が迅速に行われるとともに、被災者等の健康・避難生活環境を確実に確保する",
     ["被災地での食料・飲料水・電力・燃料等、生命に関わる物資・エネルギー供給の停止",
      "多数かつ長期にわたる孤立地域等の同時発生",
      "警察、消防、自衛隊等の被災等による救助・救急活動等の絶対的不足",
      "医療施設及び関係者の絶対的不足・被災、支援ルートの途絶による医療機能の麻痺",
      "被災地における疫病・感染症等の大規模発生"]),
    ("必要不可欠な行政機能を確保する", ["被災による警察機能の大幅な低下による治安の悪化、社会の混乱",
                             "県及び市町村の職員・施設等の被災による行政機能の大幅な低下"]),
    ("経済活動を機能不全に陥らせない", ["サプライチェーンの寸断等による企業の生産力低下",
                             "エネルギー供給の停止による社会経済活動・サプライチェーンの維持への甚大な影響",
                             "基幹的交通ネットワークの機能停止による物流・人流への甚大な影響",
                             "食料等の安定供給の停滞"]),
    ("情報通信サービス、電力等ライフライン、燃料供給関連施設、交通ネットワーク等の被害を最小限に留めるとともに、早期に復旧させる",
     ["防災・災害対応に必要な通信インフラの麻痺・機能停止",
      "上下水道施設の長期間にわたる機能停止",
      "地域交通ネットワークが分断する事態",
      "電力供給ネットワークの長期間にわたる機能の停止"]),
    ("制御不能な複合災害・二次災害を発生させない", ["ため池、ダム、防災施設等の損壊・機能不全による二次災害の発生",
                                      "有害物質の大規模拡散・流出による国土の荒廃",
                                      "農地・森林等の被害による国土の荒廃"]),
    ("社会・経済が迅速かつ従前より強靱な姿で復興できる条件を整備する",
     ["大量に発生する災害廃棄物の処理の停滞により復興が大幅に遅れる事態",
      "復興を支える人材等の不足により復興できなくなる事態",
      "事業用地の確保、仮設住宅・仮店舗・仮事業所等の整備が進まず復興が大幅に遅れる事態",
      "貴重な文化財や環境的資産の喪失、地域コミュニティの崩壊等による有形・無形の文化の衰退・損失"]),
    ("地域の強靱化に向けた体制を確保する", ["地域防災力の低下により避難や救助が十分に行われない事態",
                                "平時からの備えの不足により応急対応が遅れる事態",
                                "災害に関する情報が県民に届かず適切な避難行動がとられない事態",
                                "広域的な応援・受援体制が機能しない事態"]),
]

# editorial edits: (kind, before word, after word, sentence with {w})
_EDITORIAL = [
    ("hyouki", "子供", "子ども", "{s}に当たっては、{w}や高齢者を含む全ての県民の安全確保に配慮する。"),
    ("hyouki", "取組み", "取組", "{s}に係る{w}の状況は、毎年度の進捗管理において確認する。"),
    ("hyouki", "避難所等の", "避難所などの", "{s}とあわせて、{w}運営体制についても検討を進める。"),
    ("hyouki", "点検を行う", "点検をする", "{s}に関連する施設は、定期的に{w}。"),
    ("typo", "推准", "推進", "{s}の{w}に当たり、関係部局間の調整を図る。"),
    ("typo", "機能確報", "機能確保", "{s}により、災害時の{w}につなげる。"),
    ("typo", "災害時要擁護者", "災害時要援護者", "{s}では、{w}の視点を取り入れる。"),
    ("width", "令和１２年度", "令和12年度", "{s}は、{w}までの完了を目標とする。"),
    ("typo", "緊急輸送道略", "緊急輸送道路", "{s}に際しては、{w}の確保にも留意する。"),
    ("hyouki", "出来る限り", "できる限り", "{s}による影響を{w}小さくするよう努める。"),
]


_ISSUES = ["施設の多くが高度経済成長期に整備され、老朽化が進んでいる", "市町村によって取組の進捗に差がみられる",
           "担い手の高齢化や減少により、対応できる人材が不足している", "想定を超える規模の災害への備えが十分とはいえない",
           "関係機関の間で情報を共有する仕組みが十分に整っていない", "平時の利用が少なく、災害時に円滑に機能するか懸念がある",
           "財源の確保が課題となり、計画的な整備が遅れている", "県民の認知度が低く、取組への参加が広がっていない"]


_DETAIL = ["{s}の実施に当たっては、対象施設の重要度や被災時の影響の大きさを踏まえて優先順位を定め、計画的に取り組む。",
           "具体的には、{s}に関する現況調査を行い、その結果を基に整備方針を取りまとめる。",
           "{s}については、市町村が行う取組に対しても技術的な助言や財政的な支援を行う。",
           "{s}に関する情報は、県のホームページ等を通じて分かりやすく発信し、県民の理解を深める。",
           "{s}の効果を高めるため、関連する施策分野の取組と一体的に進める。",
           "{s}に係る国の動向を注視し、新たな制度や技術の導入についても柔軟に対応する。",
           "{s}の進捗状況は、関係部局で構成する会議において定期的に共有し、課題の解決を図る。"]


def _para(rng: random.Random, subj: str, extra: str = "") -> str:
    second = rng.sample(_SECOND, 2)
    s = (f"○{subj}　{rng.choice(_REASONS)}、{subj}を推進する。{rng.choice(_ISSUES)}ことから、"
         f"現状を把握した上で、必要な対策を講じる。" + "".join(second)
         + "".join(t.format(s=subj) for t in rng.sample(_DETAIL, rng.choice([3, 4]))))
    for t in rng.sample(_THIRD, 2 if rng.random() < 0.5 else 1):
        s += t
    return s + extra


def _issues_para(rng: random.Random) -> str:
    a, b = rng.sample(_ISSUES, 2)
    return f"【現状と課題】　この分野では、{a}。また、{b}。引き続き、関係機関と連携した取組が必要である。"


def _kpi_cell(v: str, unit: str, year: str) -> str:
    return f"{v}{unit}（令和{year}年度）"


def _kpi_table(kpis: list[tuple[str, str, str, str, str]]) -> Block:
    rows = [["指標", "現状値（年度）", "目標値（年度）"]]
    rows += [[n, _kpi_cell(now, u, "5"), _kpi_cell(tgt, u, y)] for n, u, now, tgt, y in kpis]
    return Block("table", rows=rows)


def _chapter1(rng: random.Random, pref: str) -> Node:
    bg = Node("計画策定の趣旨", blocks=[
        Block("para", f"本県では、これまで{pref}国土強靱化地域計画（以下「本計画」という。）に基づき、大規模自然災害に備えた"
                      "強靱な県土づくりを進めてきた。この間、令和６年能登半島地震をはじめとする大規模地震や、線状降水帯に"
                      "よる記録的な豪雨など、災害は激甚化・頻発化しており、これまで以上に事前防災の取組を加速させる必要がある。"),
        Block("para", "こうした状況を踏まえ、国土強靱化の取組を一層推進するため、計画期間の終了に合わせて本計画を改定する。"
                      "改定に当たっては、これまでの取組の進捗状況と新たな知見を踏まえて脆弱性評価をやり直し、推進方針と"
                      "重要業績指標を見直した。"),
    ])
    pos = Node("計画の位置付け", blocks=[
        Block("para", "本計画は、強くしなやかな国民生活の実現を図るための防災・減災等に資する国土強靱化基本法（平成25年法律"
                      "第95号）第13条に基づく国土強靱化地域計画であり、国の国土強靱化基本計画（平成30年12月閣議決定）との"
                      f"調和を図りつつ、本県における国土強靱化に関する施策の推進の指針となるものである。"),
        Block("para", f"本計画は、{pref}総合計画と整合を図るとともに、{pref}地域防災計画をはじめとする各分野の計画等の"
                      "国土強靱化に関する指針として位置付ける。"),
    ])
    basic = Node("基本目標", blocks=[
        Block("para", "本計画では、国の基本計画を踏まえ、次の４つを基本目標とする。"),
        Block("para", "①人命の保護が最大限図られること　②県及び社会の重要な機能が致命的な障害を受けず維持されること　"
                      "③県民の財産及び公共施設に係る被害の最小化　④迅速な復旧復興"),
        Block("para", "これらの基本目標の達成に向けて、自助・共助・公助を適切に組み合わせ、ハード対策とソフト対策を効果的に"
                      "組み合わせた取組を推進する。"),
    ])
    return Node("基本的な考え方", children=[bg, pos, basic])


def _chapter2(rng: random.Random, pref: str) -> Node:
    nat = Node("自然条件", blocks=[
        Block("para", f"{pref}は、東西に長い県土を有し、北部は急峻な山地、南部は海岸線に沿って平野が広がる。県土の約６割を"
                      "森林が占め、主要な河川は山地から平野部を貫流して海に注いでいる。"),
        Block("table", rows=[["区分", "概要"], ["面積", "約6,100平方キロメートル"], ["年間降水量", "約1,900ミリメートル（県平均）"],
                             ["海岸線延長", "約420キロメートル"], ["一級河川", "３水系"]]),
        Block("para", "気候は概ね温暖であるが、梅雨期から台風期にかけて降水量が多く、山間部では局地的な豪雨が発生しやすい。"),
    ])
    haz = Node("想定される大規模自然災害", blocks=[
        Block("para", "本計画では、過去の災害や被害想定調査の結果を踏まえ、県に大きな影響を及ぼすおそれのある次の大規模自然災害を想定する。"),
        Block("table", rows=[["災害の種類", "想定の概要", "主な被害"],
                             ["地震（海溝型）", "南海トラフ地震（Ｍ９クラス）", "建物倒壊、火災、津波による浸水"],
                             ["地震（内陸型）", "県内の活断層による直下型地震", "建物倒壊、土砂災害、ライフライン途絶"],
                             ["津波", "最大クラスの津波（最大津波高約12ｍ）", "沿岸部の浸水、港湾施設の被災"],
                             ["風水害", "台風・線状降水帯による豪雨", "河川の氾濫、内水氾濫、孤立集落の発生"],
                             ["土砂災害", "豪雨・地震に伴う土石流、がけ崩れ、地すべり", "人家の被災、道路の寸断"],
                             ["高潮", "伊勢湾台風級の台風の接近", "沿岸低地の浸水"],
                             ["火山", "県境の活火山の噴火", "降灰による交通障害、農作物被害"],
                             ["大雪", "短期間の集中的な降雪", "車両の立ち往生、集落の孤立"]]),
        Block("para", "これらの災害は単独で発生するだけでなく、地震と豪雨が相次いで発生するなど複合的に発生するおそれがあることにも留意する。"),
    ])
    towns = ["中央市", "港北市", "川辺市", "山田市", "東浜町", "西原町", "南台町", "北沢町", "桜川村", "緑ケ丘町", "青葉市", "高岡市",
             "白石町", "若松村", "新田町", "大野市", "小松町", "美浜町", "森下村", "日向市", "朝日町", "松原市", "本郷町", "上野村"]
    drng = random.Random(len(pref))
    dmg = [["市町村", "最大震度", "全壊・焼失棟数", "死者数", "避難者数（1日後）"]]
    for t in towns:
        dmg.append([t, rng.choice(["6強", "7", "6弱"]), f"{drng.randint(50, 9000):,}", f"{drng.randint(0, 900):,}", f"{drng.randint(500, 60000):,}"])
    quake = Node("南海トラフ地震の被害想定", blocks=[
        Block("para", "県が実施した地震被害想定調査によると、南海トラフ地震（最大クラス）が発生した場合の市町村別の被害は次のとおりである。"
                      "沿岸部の市町では津波による被害が、内陸部の市町村では建物倒壊や土砂災害による被害が大きくなると想定される。"),
        Block("table", rows=dmg),
        Block("para", "なお、被害想定は冬の夕方、風速８ｍ／秒の条件で算定したものであり、発生時刻や気象条件によって被害の様相は大きく異なる。"),
    ])
    past = Node("過去の主な災害", blocks=[
        Block("table", rows=[["発生年", "災害名", "県内の主な被害"],
                             ["昭和34年", "伊勢湾台風", "死者・行方不明者58人、住家全壊1,200棟"],
                             ["平成16年", "台風第23号", "死者7人、床上浸水3,400棟"],
                             ["平成23年", "東北地方太平洋沖地震", "津波による漁港施設の被害"],
                             ["平成30年", "平成30年７月豪雨", "死者3人、土砂災害142件"],
                             ["令和5年", "梅雨前線豪雨", "床上浸水860棟、県管理道路の通行止め58箇所"]]),
        Block("para", "近年は、短時間に強い雨が降る頻度が増加しており、中小河川の氾濫や土砂災害による被害が繰り返し発生している。"),
    ])
    soc = Node("社会経済条件", blocks=[
        Block("para", "本県の人口は約180万人で、平成12年をピークに減少が続いている。高齢化率は31.2％と全国平均を上回り、"
                      "特に中山間地域では高齢化と人口減少が進んでいる。"),
        Block("para", "産業面では、臨海部に製造業の集積があり、港湾と高速道路網を活用した物流拠点が形成されている。"
                      "また、中山間地域では農林業が地域経済を支えている。"),
    ])
    return Node("地域の特性", children=[nat, haz, quake, past, soc])


def _chapter3(rng: random.Random, fields: list[str], cross: list[str], goals: list[tuple[str, list[str]]]) -> Node:
    frame = Node("評価の枠組み", blocks=[
        Block("para", "脆弱性評価は、国が実施した評価手法を参考に、８つの「事前に備えるべき目標」と、その妨げとなる"
                      "「起きてはならない最悪の事態（リスクシナリオ）」を設定し、リスクシナリオを回避するための施策の現状と課題を"
                      "分析・評価する方法により実施した。"),
        Block("para", "また、評価に当たっては、施策の分野として、次の11の個別施策分野と４つの横断的施策分野を設定した。"),
        Block("table", rows=[["区分", "施策分野"]] + [["個別施策分野", f"{'①②③④⑤⑥⑦⑧⑨⑩⑪'[i]}{f}"] for i, f in enumerate(fields)]
              + [["横断的施策分野", f"{'ⅠⅡⅢⅣ'[i]}{f}"] for i, f in enumerate(cross)]),
    ])
    rows = [["事前に備えるべき目標", "番号", "起きてはならない最悪の事態（リスクシナリオ）"]]
    for g, (goal, scen) in enumerate(goals, 1):
        for k, s in enumerate(scen, 1):
            rows.append([f"{g}　{goal}" if k == 1 else "", f"{g}-{k}", s])
    risk = Node("事前に備えるべき目標とリスクシナリオ", blocks=[
        Block("para", "国の基本計画を参考に、本県の地域特性を踏まえて、次のとおり８つの事前に備えるべき目標と"
                      f"{sum(len(s) for _, s in goals)}のリスクシナリオを設定した。"),
        Block("table", rows=rows),
    ])
    res_blocks = [Block("para", "脆弱性評価の結果、本県の国土強靱化に関する主な課題は次のとおりである。")]
    for g, (goal, scen) in enumerate(goals, 1):
        res_blocks.append(Block("para", f"【目標{g}】　{goal}"))
        for _ in range(5):
            res_blocks.append(Block("para", f"{rng.choice(_REASONS)}、{rng.choice(_ISSUES)}ことから、" + "".join(rng.sample(_SECOND, 2))))
        res_blocks.append(Block("para", "このため、"
                                        f"{rng.choice(['施設の耐震化や老朽化対策', '関係機関との連携体制', '人材の確保', '情報の収集・伝達体制', '資機材の備蓄'])}"
                                        f"に課題がある。{rng.choice(['取組の進捗に地域差がみられることから、', '計画的な対策が遅れていることから、', '想定を超える災害への備えが十分でないことから、'])}"
                                        f"{rng.choice(['重点的な対策が必要である。', '取組の加速化が必要である。', '計画的な対策の推進が必要である。'])}"))
    result = Node("評価結果", blocks=res_blocks)
    return Node("脆弱性評価", children=[frame, risk, result])


def _chapter4(rng: random.Random, fields, cross, subjects: dict[str, list[str]]) -> Node:
    def sec(name: str, kpis) -> Node:
        blocks = [Block("para", _issues_para(rng)), Block("para", "【推進方針】")]
        blocks += [Block("para", _para(rng, s)) for s in subjects[name]]
        blocks.append(Block("para", "【重要業績指標（KPI）】"))
        blocks.append(_kpi_table(kpis))
        return Node(name, blocks=blocks)

    ind = Node("個別施策分野の推進方針", children=[sec(f, k) for f, _, k in fields])
    cro = Node("横断的施策分野の推進方針", children=[sec(f, k) for f, _, k in cross])
    intro = Block("para", "第３章の脆弱性評価の結果を踏まえ、リスクシナリオを回避するための推進方針を、施策分野ごとに次のとおり定める。"
                          "推進方針の進捗を把握するため、施策分野ごとに重要業績指標（KPI）を設定する。")
    return Node("強靱化の推進方針", blocks=[intro], children=[ind, cro])


def _chapter5(pref: str) -> Node:
    return Node("計画の推進と進捗管理", children=[
        Node("推進体制", blocks=[Block("para", f"本計画の推進に当たっては、知事を本部長とする{pref}国土強靱化推進本部において全庁的な"
                                             "調整を行うとともに、国、市町村、民間事業者等と連携して取組を進める。")]),
        Node("進捗管理", blocks=[Block("para", "本計画の推進方針の進捗状況は、重要業績指標（KPI）等により毎年度把握し、"
                                            "ＰＤＣＡサイクルにより取組の改善を図る。進捗状況は県のホームページで公表する。"),
                              Block("para", "また、毎年度、本計画に基づく主な事業をアクションプランとして取りまとめ、予算編成に反映させる。")]),
        Node("計画の見直し", blocks=[Block("para", "本計画は、社会経済情勢の変化や国の基本計画の見直し等を踏まえ、必要に応じて見直しを行う。"
                                              "また、他の計画の見直しの際には、本計画との整合を図る。")]),
        Node("計画期間", blocks=[Block("para", "本計画の計画期間は、令和８年度から令和12年度までの５年間とする。"
                                            "ただし、計画期間中であっても、必要に応じて見直しを行う。")]),
    ])


def _annex(rng: random.Random, fields, cross, subjects: dict[str, list[str]]) -> Node:
    rows = [["施策分野", "主な事業", "実施主体", "事業期間"]]
    for f, _, _ in fields + cross:
        for s in subjects[f]:
            rows.append([f, f"{s}事業", rng.choice(["県", "県・市町村", "県・民間事業者", "国・県"]),
                         rng.choice(["令和８年度～令和12年度", "令和８年度～令和10年度", "令和９年度～令和12年度"])])
    return Node("別表　主な事業一覧", numbered=False, blocks=[Block("table", rows=rows)])


# ---------------------------------------------------------------- the plan and its decisions

def generate(seed: int) -> Plan:
    global _uid
    _uid = seed * 10000
    rng = random.Random(seed)
    fmts = _FORMATS.get(seed) or list(_FORMATS.values())[seed % len(_FORMATS)]
    pref = _PREFS[seed % len(_PREFS)]
    fields = [(f, list(s), list(k)) for f, s, k in _FIELDS]
    cross = [(f, list(s), list(k)) for f, s, k in _CROSS]
    subjects = {f: s for f, s, _ in fields + cross}
    for f_, s in subjects.items():
        rng.shuffle(s)
        del s[max(6, len(s) - rng.randint(0, 2)):]  # some 施策分野 with fewer 推進方針
    fields = [(f, subjects[f], k) for f, _, k in fields]
    cross = [(f, subjects[f], k) for f, _, k in cross]
    goals = [(g, list(s)) for g, s in _GOALS]
    names = [f for f, _, _ in fields]
    cnames = [f for f, _, _ in cross]
    soan = [_chapter1(rng, pref), _chapter2(rng, pref), _chapter3(rng, names, cnames, goals),
            _chapter4(rng, fields, cross, subjects), _chapter5(pref), _annex(rng, fields, cross, subjects)]
    # extra sentences (the decisions' hooks and the editorial edits) go into the 素案 before it is copied
    ch4 = soan[3]
    sec_of = {n.title: n for n in walk(ch4.children)}
    paras = {f: [b for b in sec_of[f].blocks if b.kind == "para" and b.text.startswith("○")] for f in names + cnames}
    kpi = {f: next(b for b in sec_of[f].blocks if b.kind == "table") for f in names + cnames}
    f_ext = "保健医療・福祉"  # the law's second place
    f_rename = rng.choice(list(_RENAMES))
    kp_of = dict((f, k) for f, _, k in fields)
    order = [x for x in names if x not in (f_ext, f_rename)]
    rng.shuffle(order)
    f_raise = next(x for x in order if any(k[3] != "100" for k in kp_of[x]))
    order.remove(f_raise)
    f_add, f_sent, f_kento, f_refresh, f_swap = order[:5]
    busy = {f_add, f_raise, f_sent, f_kento, f_ext, f_refresh, f_swap}
    # 検討する hook
    kp = paras[f_kento][1]
    kento_obj = f"{subjects[f_kento][1]}に向けた新たな支援制度の創設"
    kp.text += f"加えて、{kento_obj}について検討する。"
    # editorial sentences, each in a paragraph no decision touches (the last paragraphs of quiet 施策分野)
    quiet = [f for f in names + cnames if f not in busy | {f_rename}]
    rng.shuffle(quiet)
    ed_specs = []
    chosen = rng.sample(_EDITORIAL, 8)
    for i, (kind, w0, w1, tmpl) in enumerate(chosen):
        f = quiet[i % len(quiet)]
        b = paras[f][-1 - i // len(quiet)]
        subj = b.text[1:b.text.index("　")]
        sent0 = tmpl.format(s=subj, w=w0)
        b.text += sent0
        ed_specs.append((b.uid, f, kind, w0, w1, sent0, tmpl.format(s=subj, w=w1)))
    an = copy.deepcopy(soan)
    A = {n.title: n for n in walk(an)}
    rows: list[dict] = []
    comments: list[dict] = []

    def bl(tree, uid):
        return block(tree, uid)

    def sec_path(uid_block):  # the 案 path of a block's section
        return heading_path(an, section_of_block(an, uid_block))

    # ---- comment decisions
    # C1: a KPI added
    new_kpi = {"行政機能／警察・消防等": ("業務継続計画を策定した市町村の割合", "％", "72", "100"),
               "住宅・都市": ("危険なブロック塀の撤去件数", "件", "1,240", "2,000"),
               "保健医療・福祉": ("個別避難計画を作成した市町村の割合", "％", "40", "100"),
               "エネルギー": ("防災拠点への蓄電池導入施設数", "施設", "35", "80"),
               "情報通信": ("Ｌアラートによる情報発信訓練の実施回数", "回／年", "1", "2"),
               "産業・経済": ("事業継続力強化計画の認定件数", "件", "1,150", "1,800"),
               "交通・物流": ("道路啓開計画を策定した路線数", "路線", "12", "30"),
               "農林水産": ("農業用ため池のハザードマップ作成率", "％", "78", "100"),
               "国土保全": ("流域治水プロジェクトの対策着手率", "％", "45", "80"),
               "環境": ("災害廃棄物の仮置場候補地を選定した市町村の割合", "％", "70", "100"),
               "土地利用": ("事前復興まちづくり計画を策定した市町村数", "市町村", "2", "10")}[f_add]
    t = bl(an, kpi[f_add].uid)
    t.rows.append([new_kpi[0], _kpi_cell(new_kpi[2], new_kpi[1], "5"), _kpi_cell(new_kpi[3], new_kpi[1], "12")])
    rows.append(dict(kind="kpi-added", cause="comment", places=[("t", t.uid, len(t.rows) - 1)],
                     summary=f"{f_add}の重要業績指標に「{new_kpi[0]}」を追加", must=[new_kpi[0]],
                     comments=[dict(op=f"{f_add}の推進方針について、進捗を測るため「{new_kpi[0]}」を重要業績指標に加えるべきである。",
                                    ans=f"御意見を踏まえ、「{new_kpi[0]}」を重要業績指標に追加いたします。", at=("t", kpi[f_add].uid, 1),
                                    place=f"第4章 1({names.index(f_add) + 1})")]))
    # C2: a target raised
    t = bl(an, kpi[f_raise].uid)
    ki, k0 = next((i, k) for i, k in enumerate(kp_of[f_raise], 1) if k[3] != "100")
    r = t.rows[ki]
    raised = _raise(k0[3], k0[1])
    r[2] = _kpi_cell(raised, k0[1], k0[4])
    rows.append(dict(kind="target-raised", cause="comment", places=[("t", t.uid, ki)],
                     summary=f"重要業績指標「{r[0]}」の目標値を{k0[3]}{k0[1]}から{raised}{k0[1]}に引き上げ",
                     must=[r[0], f"{raised}{k0[1]}"],
                     comments=[dict(op=f"「{r[0]}」の目標値{k0[3]}{k0[1]}は低すぎる。より高い目標を掲げるべきではないか。",
                                    ans=f"御意見を踏まえ、目標値を{raised}{k0[1]}に引き上げます。", at=("t", kpi[f_raise].uid, ki),
                                    place=f"第4章 1({names.index(f_raise) + 1}) KPI"),
                               dict(op=f"{r[0]}について、国の目標に合わせて目標値を見直してほしい。",
                                    ans="同様の御意見を踏まえ、目標値を見直しました。", at=("t", kpi[f_raise].uid, ki),
                                    place=f"第4章 1({names.index(f_raise) + 1}) KPI")]))
    # C3: a sentence added to a 推進方針
    b = bl(an, paras[f_sent][2].uid)
    subj = subjects[f_sent][2]
    added = f"特に、{subj}については、中山間地域や島しょ部など孤立が懸念される地域を優先して取り組む。"
    start = len(b.text)
    b.text += added
    rows.append(dict(kind="sentence-added", cause="comment", places=[("b", b.uid, start, len(b.text))],
                     summary=f"{f_sent}の推進方針「{subj}」に、孤立が懸念される地域を優先して取り組む旨を追記",
                     must=["孤立が懸念される地域を優先"],
                     comments=[dict(op=f"{subj}は、中山間地域や島しょ部など孤立のおそれがある地域を優先すべきである。",
                                    ans="御意見を踏まえ、孤立が懸念される地域を優先して取り組む旨を追記いたします。",
                                    at=("b", b.uid, 0), place=f"第4章 1({names.index(f_sent) + 1})")]))
    # C4: 検討する -> 推進する
    b = bl(an, kp.uid)
    old = f"{kento_obj}について検討する。"
    pos = b.text.index(old)
    b.text = b.text.replace(old, f"{kento_obj}を推進する。")
    rows.append(dict(kind="kento-to-suishin", cause="comment", places=[("b", b.uid, pos, pos + len(kento_obj) + 6)],
                     summary=f"「{kento_obj}について検討する」を「{kento_obj}を推進する」に修正",
                     must=["支援制度の創設を推進"],
                     comments=[dict(op=f"{kento_obj}は「検討する」では弱い。具体的に進めるべきである。",
                                    ans=f"御意見を踏まえ、「{kento_obj}を推進する」に修正いたします。",
                                    at=("b", kp.uid, 0), place=f"第4章 1({names.index(f_kento) + 1})")]))
    # C5 and I3: the risk scenario table
    rtab = next(b for b in A["事前に備えるべき目標とリスクシナリオ"].blocks if b.kind == "table")
    g_word = rng.choice([2, 5])
    k_word = 3 if g_word == 2 else 2
    ri = next(i for i, r in enumerate(rtab.rows) if r[1] == f"{g_word}-{k_word}")
    old_s = rtab.rows[ri][2]
    new_s = {(2, 3): "警察、消防、自衛隊等の被災等による救助・救急活動等の絶対的不足及び道路の寸断による救助活動の遅延",
             (5, 2): "上下水道施設の長期間にわたる機能停止による生活用水の不足と衛生環境の悪化"}[(g_word, k_word)]
    rtab.rows[ri][2] = new_s
    c5: dict = dict(kind="scenario-reworded", cause="comment", places=[],
                     summary=f"リスクシナリオ{g_word}-{k_word}を「{new_s}」に修正",
                     must=[new_s[len(old_s):] if new_s.startswith(old_s) else new_s[-12:]],
                     comments=[dict(op=f"リスクシナリオ{g_word}-{k_word}「{old_s}」は、" +
                                    ("道路の寸断による救助の遅れも含めて記載すべきである。" if g_word == 2 else "断水が生活用水や衛生に及ぼす影響が分かるように表現すべきである。"),
                                    ans=f"御意見を踏まえ、リスクシナリオ{g_word}-{k_word}の表現を修正いたします。",
                                    at=("t", rtab.uid, ri), place=f"リスクシナリオ{g_word}-{k_word}")])
    rows.append(c5)
    # I3: a scenario split in two, the ones after it renumbered (goal 8 or 1: other goal than C5)
    g_split = rng.choice([1, 8])
    k_split = 2 if g_split == 1 else 1
    si = next(i for i, r in enumerate(rtab.rows) if r[1] == f"{g_split}-{k_split}")
    split_a, split_b = {1: ("不特定多数が集まる施設の倒壊による多数の死傷者の発生", "不特定多数が集まる施設の火災による多数の死傷者の発生"),
                        8: ("地域防災力の低下により避難が十分に行われない事態", "地域防災力の低下により救助が十分に行われない事態")}[g_split]
    first = rtab.rows[si][0]
    rtab.rows[si:si + 1] = [[first, f"{g_split}-{k_split}", split_a], ["", f"{g_split}-{k_split + 1}", split_b]]
    for r in rtab.rows[si + 2:]:
        if r[1].startswith(f"{g_split}-"):
            r[1] = f"{g_split}-{int(r[1].split('-')[1]) + 1}"
    c5["places"] = [("t", rtab.uid, next(i for i, r in enumerate(rtab.rows) if r[2] == new_s))]
    rows.append(dict(kind="scenario-split", cause="internal", places=[("t", rtab.uid, si), ("t", rtab.uid, si + 1)],
                     summary=f"リスクシナリオ{g_split}-{k_split}を「{split_a}」と「{split_b}」の２つに分割（以降の番号を繰下げ）",
                     must=[split_b], comments=[]))
    total = sum(len(s) for _, s in goals)
    intro = next(b for b in A["事前に備えるべき目標とリスクシナリオ"].blocks if b.kind == "para")
    intro.text = intro.text.replace(f"{total}のリスクシナリオ", f"{total + 1}のリスクシナリオ")
    at_n = intro.text.index(f"{total + 1}のリスクシナリオ")
    rows[-1]["places"].insert(0, ("b", intro.uid, at_n, at_n + len(str(total + 1))))
    # ---- external
    pos_p = A["計画の位置付け"].blocks[0]
    old_k = "国土強靱化基本計画（平成30年12月閣議決定）"
    at0 = pos_p.text.index(old_k)
    pos_p.text = pos_p.text.replace(old_k, "国土強靱化基本計画（令和５年７月閣議決定）")
    add_k = ("なお、国の基本計画は令和５年７月に見直され、デジタル等新技術の活用や地域における防災力の一層の強化など"
             "５つの施策の柱が示されたことから、本計画においてもこれらの視点を取り入れた。")
    start = len(pos_p.text)
    pos_p.text += add_k
    rows.append(dict(kind="external-plan", cause="external", places=[("b", pos_p.uid, at0, len(pos_p.text))],
                     summary="国土強靱化基本計画の見直し（令和５年７月閣議決定）を踏まえ、計画の位置付けの記述を更新",
                     must=["令和５年７月"], comments=[]))
    law = "災害対策基本法等の一部を改正する法律（令和７年法律第51号）"
    bg_p = A["計画策定の趣旨"].blocks[0]
    s1 = len(bg_p.text)
    bg_p.text += f"また、令和７年には{law}が成立し、被災者援護協力団体の登録制度の創設や福祉サービスの提供の充実など、被災者支援の強化が図られた。"
    wp = bl(an, paras[f_ext][0].uid)
    s2 = len(wp.text)
    wp.text += f"また、{law}により災害救助法の救助の種類に福祉サービスの提供が追加されたことを踏まえ、避難所等における福祉的支援の体制を整備する。"
    rows.append(dict(kind="external-law", cause="external",
                     places=[("b", bg_p.uid, s1, len(bg_p.text)), ("b", wp.uid, s2, len(wp.text))],
                     summary=f"{law}の成立を踏まえ、被災者支援の強化に関する記述を追記", must=["令和７年法律第51号"], comments=[]))
    # ---- internal
    # I1: a 施策分野 renamed in its heading and in the 施策分野 table
    new_name = _RENAMES[f_rename]
    A[f_rename].title = new_name
    ftab = next(b for b in A["評価の枠組み"].blocks if b.kind == "table")
    fi = next(i for i, r in enumerate(ftab.rows) if r[1][1:] == f_rename)
    ftab.rows[fi][1] = ftab.rows[fi][1][0] + new_name
    atab = A["別表　主な事業一覧"].blocks[0]
    arows = [i for i, r in enumerate(atab.rows) if r[0] == f_rename]
    for i in arows:
        atab.rows[i][0] = new_name
    rows.append(dict(kind="field-renamed", cause="internal",
                     places=[("h", A[f_rename].uid), ("t", ftab.uid, fi)] + [("t", atab.uid, i) for i in arows],
                     summary=f"施策分野「{f_rename}」の名称を「{new_name}」に変更", must=[new_name], comments=[]))
    # I2: 現状値 refreshed in one KPI table
    t = bl(an, kpi[f_refresh].uid)
    kp_list = kp_of[f_refresh]
    for i, (n, u, now, tgt, y) in enumerate(kp_list, 1):
        t.rows[i][1] = _kpi_cell(_refresh(now), u, "6")
    rows.append(dict(kind="baseline-refreshed", cause="internal", places=[("t", t.uid, i) for i in range(1, len(t.rows))],
                     summary=f"{f_refresh}の重要業績指標の現状値を令和６年度の数値に更新", must=["令和6年度"], comments=[]))
    # I4: two 推進方針 paragraphs swapped
    sw = A[f_swap]
    pi = [i for i, b in enumerate(sw.blocks) if b.kind == "para" and b.text.startswith("○")]
    a_i, b_i = pi[3], pi[4]
    sw.blocks[a_i], sw.blocks[b_i] = sw.blocks[b_i], sw.blocks[a_i]
    up = sw.blocks[a_i]
    up_subj = up.text[1:up.text.index("　")]
    rows.append(dict(kind="paragraphs-swapped", cause="internal",
                     places=[("b", sw.blocks[a_i].uid, 0, len(sw.blocks[a_i].text)), ("b", sw.blocks[b_i].uid, 0, len(sw.blocks[b_i].text))],
                     summary=f"{f_swap}の推進方針の記載順を変更し、「{up_subj}」を前に移動", must=[up_subj], comments=[]))
    # I5: a section moved to another chapter (第５章 計画期間 -> 第１章)
    ch5 = next(n for n in an if n.title == "計画の推進と進捗管理")
    per = next(n for n in ch5.children if n.title == "計画期間")
    ch5.children.remove(per)
    an[0].children.append(per)
    rows.append(dict(kind="section-moved", cause="internal", places=[("h", per.uid), ("b", per.blocks[0].uid, 0, len(per.blocks[0].text))],
                     summary="「計画期間」を第５章から第１章に移動", must=["計画期間"], comments=[]))
    # ---- editorial edits applied to the 案
    editorial = []
    for n_, (buid, f, kind, w0, w1, sent0, sent1) in enumerate(ed_specs, 1):
        b = bl(an, buid)
        assert sent0 in b.text
        b.text = b.text.replace(sent0, sent1)
        editorial.append(dict(id=f"E{n_:02d}", uid=buid, kind=kind, before=sent0, after=sent1, core_before=w0, core_after=w1))
    # ---- non-reflected comments
    others = _other_comments(rng, names, cnames, subjects, paras, kpi, rtab, A, soan)
    all_c = [c | {"row": i} for i, r in enumerate(rows) for c in r["comments"]] + others
    return Plan(seed, pref, fmts, soan, an, rows, editorial, all_c)


_RENAMES = {"情報通信": "情報通信・デジタル", "産業・経済": "産業・経済・金融", "土地利用": "土地利用・地域づくり",
            "エネルギー": "エネルギー・燃料供給", "環境": "環境・廃棄物処理"}


def _raise(v: str, unit: str) -> str:
    """A target raised as a comment asked: a rate by ten points (at most 100), a count by a fifth."""
    x = float(v.replace(",", ""))
    if unit == "％":
        return str(min(100, int(x) + 10))
    n = -(-int(x * 12) // 10)
    return f"{n:,}" if n >= 1000 else str(n)


def _refresh(v: str) -> str:
    if "," in v:
        return f"{int(int(v.replace(',', '')) * 1.03):,}"
    if "." in v:
        return f"{float(v) + 0.7:.1f}"
    return str(int(v) + 2)


def _other_comments(rng, names, cnames, subjects, paras, kpi, rtab, A, soan) -> list[dict]:
    out: list[dict] = []
    picks = rng.sample(names + cnames, rng.randint(12, 15))
    for f in picks:
        idx = (names.index(f) + 1, 1) if f in names else (cnames.index(f) + 1, 2)
        place = f"第4章 {idx[1]}({idx[0]})"
        p = paras[f][0]
        subj = subjects[f][0]
        kind = rng.choice(["already", "ref", "keep"])
        if kind == "already":
            out.append(dict(op=f"{subj}について、市町村との連携を明記すべきである。",
                            ans=f"{subj}における市町村との連携については、{place}に既に記載しております。", at=("b", p.uid, 0), place=place))
        elif kind == "ref":
            out.append(dict(op=f"{subj}を進めるに当たっては、県民への丁寧な説明をお願いしたい。",
                            ans="いただいた御意見は、今後の施策推進の参考とさせていただきます。", at=("b", p.uid, 0), place=place))
        else:
            out.append(dict(op=f"{f}の重要業績指標は数が多すぎるので絞り込むべきではないか。",
                            ans="重要業績指標は取組の進捗を把握するために必要なものを設定していることから、原案のとおりといたします。",
                            at=("t", kpi[f].uid, 1), place=place + " KPI"))
    for g in rng.sample(range(1, 9), rng.randint(3, 6)):
        ri = next(i for i, r in enumerate(rtab.rows) if r[1] == f"{g}-1")
        out.append(dict(op=f"リスクシナリオ{g}-1について、県の想定が甘いのではないか。",
                        ans="リスクシナリオは国の基本計画を参考に本県の地域特性を踏まえて設定しており、原案のとおりといたします。",
                        at=("t", rtab.uid, ri), place=f"リスクシナリオ{g}-1"))
    gen = [("計画策定の趣旨", "能登半島地震の教訓をもっと具体的に書くべきである。", "能登半島地震の教訓については、{place}に既に記載しております。"),
           ("想定される大規模自然災害", "想定する災害に感染症を加えるべきではないか。", "本計画は大規模自然災害を対象としており、原案のとおりといたします。"),
           ("社会経済条件", "人口減少の影響をもっと分析してほしい。", "今後の参考とさせていただきます。"),
           ("進捗管理", "進捗状況を分かりやすく公表してほしい。", "進捗状況の公表については、{place}に既に記載しております。"),
           ("推進体制", "市町村の計画策定を県が支援すべきである。", "市町村への支援については、今後の参考とさせていただきます。"),
           (None, "計画全体が分かりにくい。概要版を作成してほしい。", "概要版を作成し、分かりやすい周知に努めます。"),
           ("評価の枠組み", "施策分野の設定の考え方を説明すべきである。", "施策分野は国の基本計画に準じて設定しており、原案のとおりといたします。"),
           ("南海トラフ地震の被害想定", "市町村別の被害想定に液状化の被害も示してほしい。", "今後の参考とさせていただきます。"),
           ("別表　主な事業一覧", "主な事業の事業費を示してほしい。", "事業費は各年度の予算で定めるため、原案のとおりといたします。")]
    for title, op, ans in gen:
        if title is None:
            out.append({"op": op, "ans": ans, "at": None, "place": "全体"})
            continue
        n = next(x for x in walk(soan) if x.title == title)
        path = heading_path(soan, n.uid)
        place = "別表" if title.startswith("別表") else f"第{int(path[0][1:path[0].index('章')].translate(_HW))}章 {int(path[1].split()[0].translate(_HW))}"
        out.append(dict(op=op, ans=ans.format(place=place), at=("h", n.uid), place=place))
    # a second comment on a field that was renamed (not reflected: the rename is the office's own)
    return out


# ---------------------------------------------------------------- printing

def _sep(plan: Plan) -> str:
    return " " if plan.fmts[3] == "auto" else "\u3000"


def _title(plan: Plan, v: str) -> str:
    return f"{plan.pref}国土強靱化地域計画（{'素案' if v == 'soan' else '案'}）"


def _toc_entries(tree: list[PSec]) -> list[tuple[tuple, str]]:
    out = []
    for c in tree:
        out.append((("h", c.uid), c.heading))
        for s in c.children:
            out.append((("h", s.uid), "\u3000" + s.heading))
    return out


def layout(plan: Plan, v: str) -> tuple[list[list[Line]], dict[tuple, int], list[str]]:
    """The version's printed pages (cover, 目次, body; running head and footer on each printed page), where each
    line key landed, and the 目次 lines."""
    tree = printed(plan.soan if v == "soan" else plan.an, _sep(plan))
    body = tree_lines(tree)
    entries = _toc_entries(tree)
    toc = [f"{h}　……　0" for _, h in entries]
    for _ in range(2):
        lines = [PrintLine("目次", 16.0, ("toc",))] + [PrintLine(x, 10.5, ("toc", i)) for i, x in enumerate(toc)] + body
        pages, where = lay_out(lines, _title(plan, v))
        toc = [f"{h}　……　{where[k]}" for k, h in entries]
    head = _title(plan, v)
    for p in pages[1:]:
        p.insert(0, Line(LEFT, 812, 9, head))
    return pages, where, toc


def _pages_of(where: dict[tuple, int], b: Block | None, place: tuple) -> set[int]:
    if place[0] == "h":
        return {where[("h", place[1])]}
    if place[0] == "t":
        return {where[("t", place[1], place[2])]}
    _, uid, s, e = place
    out = set()
    assert b is not None
    for off in range(0, max(len(b.text), 1), 40):
        if off + 40 > s and off < e:
            out.add(where[("b", uid, off)])
    return out


def _place_pages(tree: list[Node], where: dict[tuple, int], place: tuple) -> set[int]:
    b = block(tree, place[1]) if place[0] == "b" else None
    return _pages_of(where, b, place)


def _section_uid(tree: list[Node], place: tuple) -> int:
    if place[0] == "h":
        return place[1]
    return section_of_block(tree, place[1])


def truth(plan: Plan) -> dict:
    _, where_an, _ = layout(plan, "an")
    _, where_so, _ = layout(plan, "soan")
    rows, exp_comments = [], []
    cid = {}
    cs = _ordered_comments(plan, where_so)
    for i, c in enumerate(cs, 1):
        cid[id(c)] = f"C{i:02d}"
    for n, r in enumerate(plan.rows, 1):
        pages: set[int] = set()
        paths: list[list[str]] = []
        for pl in r["places"]:
            pages |= _place_pages(plan.an, where_an, pl)
            p = heading_path(plan.an, _section_uid(plan.an, pl))
            if p not in paths:
                paths.append(p)
        ids = [cid[id(c)] for c in cs if c.get("row") == n - 1]
        rows.append(dict(id=f"R{n}", item=f"{paths[0][0]} {paths[0][-1]}" if len(paths[0]) > 1 else paths[0][0],
                         an_pages=sorted(pages), summary=r["summary"], section_paths=paths, kind=r["kind"],
                         cause=dict(type=r["cause"], comment_ids=ids), must_mention=r["must"]))
    for c in cs:
        refl = c.get("row") is not None
        exp_comments.append(dict(id=cid[id(c)], ref=f"{c['page']} {c['place']}", response_type="反映" if refl else "その他",
                                 reflected=refl, row_ids=[f"R{c['row'] + 1}"] if refl else []))
    editorial = [dict(id=e["id"], section_path=heading_path(plan.an, section_of_block(plan.an, e["uid"])), before=e["before"],
                      after=e["after"], core_before=e["core_before"], core_after=e["core_after"], kind=e["kind"])
                 for e in plan.editorial]
    return dict(case=f"blind15-s{plan.seed}", rows=rows, comments=exp_comments, editorial=editorial,
                non_reportable=["表紙・ヘッダーの版表記（素案→案）", "目次のページ番号",
                                "editorial に列挙した文言整理（表記の統一、誤字の修正、全角・半角）"])


def _ordered_comments(plan: Plan, where_so: dict[tuple, int]) -> list[dict]:
    """The comments in 別紙1 order (by 素案 page), each with the page it cites ("P.n", some one page off)."""
    rng = random.Random(plan.seed * 7 + 1)
    out = []
    for c in plan.comments:
        if c["at"] is None:
            page = 10_000
        elif c["at"][0] == "b":
            page = where_so[("b", c["at"][1], 0)]
        else:
            page = where_so[c["at"]] if c["at"] in where_so else where_so[("h", c["at"][1])]
        c = dict(c, _p=page)
        out.append(c)
    out.sort(key=lambda c: (c["_p"], c["place"], c["op"]))
    for c in out:
        if c["_p"] == 10_000:
            c["page"] = "―"
            continue
        shown = c["_p"] + (1 if rng.random() < 0.15 else 0)
        c["page"] = f"P.{shown}"
        if rng.random() < 0.08 and c["place"].startswith("第4章 1("):  # a wrong 施策分野 number
            n = int(c["place"][6:].split(")")[0])
            c["place"] = c["place"].replace(f"({n})", f"({n % 11 + 1})", 1)
    return out


# ---------------------------------------------------------------- files

def _docx(plan: Plan, v: str, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    auto = plan.fmts[3] == "auto"
    num_id = _add_list(d) if auto else 0
    d.sections[0].header.paragraphs[0].text = _title(plan, v)
    d.add_paragraph(_title(plan, v), style="Title")
    _, _, toc = layout(plan, v)
    d.add_paragraph("目次")
    for x in toc:
        d.add_paragraph(x)
    tree = plan.soan if v == "soan" else plan.an
    ptree = printed(tree, "\u3000")

    def emit(nodes: list[Node], ps: list[PSec], level: int) -> None:
        for x, p in zip(nodes, ps):
            if auto and x.numbered:
                h = d.add_paragraph(x.title, style=f"Heading {level}")
                ppr = h._p.get_or_add_pPr()
                npr = OxmlElement("w:numPr")
                il = OxmlElement("w:ilvl")
                il.set(qn("w:val"), str(level - 1))
                ni = OxmlElement("w:numId")
                ni.set(qn("w:val"), str(num_id))
                npr.append(il)
                npr.append(ni)
                ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, npr)
            else:
                h = d.add_paragraph(p.heading, style=f"Heading {level}")
            h.paragraph_format.page_break_before = level == 1
            for b in x.blocks:
                if b.kind == "table":
                    t = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
                    t.style = "Table Grid"
                    for i, r in enumerate(b.rows):
                        for j, c in enumerate(r):
                            t.cell(i, j).text = c
                else:
                    d.add_paragraph(b.text)
            emit(x.children, p.children, level + 1)

    emit(tree, ptree, 1)
    d.core_properties.title = _title(plan, v)
    d.save(str(path))


def _add_list(d) -> int:
    """A multilevel list 第１章 / １ / （１） in numbering.xml (suffix: a space); its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = d.part.numbering_part.element
    aid, nid = 90, 90
    lvls = [("第%1章", "decimalFullWidth"), ("%2", "decimalFullWidth"), ("（%3）", "decimalFullWidth")]
    xml = f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    for i, (text, fmt) in enumerate(lvls):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="Heading{i + 1}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>')
    xml += "</w:abstractNum>"
    absn = parse_xml(xml)
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


_COLS = ["No.", "該当ページ", "該当箇所", "御意見の概要", "御意見に対する県の考え方"]


def _comment_rows(plan: Plan) -> list[list[str]]:
    _, where_so, _ = layout(plan, "soan")
    return [[str(i), c["page"], c["place"], c["op"], c["ans"]] for i, c in enumerate(_ordered_comments(plan, where_so), 1)]


def _comments_file(plan: Plan, d: Path) -> Path:
    kind = plan.fmts[2]
    title = f"{plan.pref}国土強靱化地域計画（素案）に対する意見の概要と県の考え方"
    rows = _comment_rows(plan)
    if kind == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "別紙1"
        ws.append([title])
        ws.append(_COLS)
        for r in rows:
            ws.append([int(r[0])] + r[1:])
        p = d / "bessi1.xlsx"
        wb.save(str(p))
        _fix_zip_times(p)
        return p
    import docx
    doc = docx.Document()
    doc.add_paragraph("別紙1")
    doc.add_paragraph(title)
    t = doc.add_table(rows=len(rows) + 1, cols=len(_COLS))
    t.style = "Table Grid"
    for j, c in enumerate(_COLS):
        t.cell(0, j).text = c
    for i, r in enumerate(rows, 1):
        for j, c in enumerate(r):
            if j == 2 and kind == "docx-merged" and i > 1 and rows[i - 2][2] == c:
                continue
            t.cell(i, j).text = c
    if kind == "docx-merged":  # one merged 該当箇所 cell over consecutive comments on the same place
        i = 1
        while i <= len(rows):
            k = i
            while k < len(rows) and rows[k][2] == rows[i - 1][2]:
                k += 1
            if k > i:
                t.cell(i, 2).merge(t.cell(k, 2))
                t.cell(i, 2).text = rows[i - 1][2]
            i = k + 1
    doc.core_properties.title = title
    p = d / "bessi1.docx"
    doc.save(str(p))
    _fix_zip_times(p)
    return p


def _fix_zip_times(p: Path) -> None:
    """The same bytes for the same seed: every zip member dated 1980 and core.xml's dates fixed."""
    import re
    import zipfile

    data = {}
    with zipfile.ZipFile(p) as z:
        for n in z.namelist():
            data[n] = z.read(n)
    for n in list(data):
        if n.endswith("core.xml"):
            data[n] = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2025-01-01T00:00:00Z<", data[n])
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in data.items():
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), b, zipfile.ZIP_DEFLATED)


def write_plan(plan: Plan, d: Path) -> dict:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for v, fmt in (("soan", plan.fmts[0]), ("an", plan.fmts[1])):
        pages, _, _ = layout(plan, v)
        pdf = d / f"{v}.pdf"
        write_pdf(pages, pdf)
        out[v + "_pdf"] = pdf
        if fmt == "docx":
            p = d / f"{v}.docx"
            _docx(plan, v, p)
            _fix_zip_times(p)
            out[v] = p
        else:
            out[v] = pdf
    out["comments"] = _comments_file(plan, d)
    exp = d / "expected.json"
    exp.write_text(json.dumps(truth(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    out["expected"] = exp
    return out


def summary(plan: Plan) -> dict:
    pages, _, _ = layout(plan, "an")
    return {"seed": plan.seed, "pref": plan.pref, "formats": "/".join(plan.fmts), "an_pages": len(pages) - 1,
            "rows": len(plan.rows), "comments": len(plan.comments), "editorial": len(plan.editorial)}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
