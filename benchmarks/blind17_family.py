"""The seventeenth blind family: a prefecture's 「第５次○○県男女共同参画基本計画」, 素案 → 案 after a パブリック
コメント (campaign-like near-duplicates answered once as 同趣旨) and a 県民意見交換会, written without reading the tool.

``generate(seed)`` -> Plan, ``write_plan(plan, dir)`` -> the files (soan, an, soan_pdf, an_pdf, comments, expected),
``summary(plan)``. The words are data at the top of the module; the versions are built from one model
(``build(plan, an)``), so the truth (``expected``) is read off the 案 as printed: the heading path and printed page of
each place a decision touched, every editorial edit (⟨class⟩ and {素案|案} marks) with its context.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_H, PAGE_W, text_op, write_page_ops

# The words of the family: a prefecture's 男女共同参画基本計画, its 基本目標 / 重点目標 / 施策 (ア, イ, …), their 取組
# and 成果指標, the 用語解説 and the comment wording. The generator picks from them per seed.


PREFECTURES = ("青葉", "白浜", "東山", "北浦", "南丘", "若草", "大川", "緑ヶ丘", "西海", "高森")

# ⟨class⟩ marks a word spelled one way in the 素案 and, on some seeds, another in the 案 (公用文の表記).
# 基本目標: (title, [重点目標]); 重点目標: (title, split_title or "", [items]); item: (title, focus, means, partner, dept,
# [(取組, 内容)], indicator or None); indicator: (name, unit, current range, target)
GOALS: list[tuple[str, list[tuple[str, str, list[Any]]]]] = [
    ("男女共同参画社会の実現に向けた意識の改革", [
        ("男女共同参画に関する意識改革と理解の促進", "", [
            ("固定的な性別役割分担意識の解消に向けた広報・啓発", "固定的な性別役割分担意識の解消",
             "県民向けセミナーの開催や啓発資料の作成", "市町村や男女共同参画推進員", "県民生活部",
             [("男女共同参画推進月間における啓発", "６月の推進月間に合わせ、街頭啓発やパネル展示⟨等⟩を実施する。"),
              ("県民向け男女共同参画セミナー", "身近なテーマによるセミナーを県内各地で開催する。")],
             ("「夫は外で働き、妻は家庭を守るべき」という考え方に反対する人の割合", "％", (58, 66), "75％")),
            ("男性にとっての男女共同参画の推進", "男性の意識改革と家庭・地域への参画",
             "男性向け講座や企業と連携した啓発", "企業や経済団体", "県民生活部",
             [("男性向け家事・育児講座", "父親や若い男性を対象とした家事・育児の実践講座を開催する。"),
              ("男性相談の実施", "男性が抱える悩みに対応する電話相談を実施する。")],
             None),
            ("メディアにおける男女共同参画の推進", "メディア・リテラシーの向上",
             "情報を主体的に読み解く力を育む学習機会の提供", "報道機関や教育機関", "県民生活部",
             [("メディア・リテラシー講座", "中高生や保護者を対象に、情報を読み解く力を育む講座を実施する。")],
             None),
        ]),
        ("男女共同参画を推進する教育・学習の充実", "", [
            ("学校教育における男女共同参画の推進", "学校教育における男女平等の意識の醸成",
             "発達段階に応じた授業づくりや教職員研修", "市町村教育委員会", "教育委員会",
             [("教職員研修の実施", "男女共同参画の視点に立った指導についての研修を実施する。"),
              ("人権教育資料の活用", "人権教育資料を作成し、県内の小・中・高等学校で活用する。")],
             ("男女共同参画に関する研修を受講した教職員の数（累計）", "人", (1800, 2600), "6,000人")),
            ("多様な選択を可能にするキャリア教育の推進", "性別にとらわれない進路選択",
             "理工系分野で活躍する女性との交流機会の提供", "大学や企業", "教育委員会",
             [("理工系女性人材育成事業", "女子中高生を対象に、理工系分野の職場見学や交流会を実施する。"),
              ("キャリア教育推進事業", "地域の企業と連携した職場体験やキャリア講座を実施する。")],
             ("理工系学部に進学する女子生徒の割合", "％", (14, 19), "25％")),
            ("家庭・地域における学習機会の充実", "生涯を通じた学習機会の充実",
             "公民館や男女共同参画センターにおける講座の開催", "市町村や社会教育団体", "県民生活部",
             [("男女共同参画センター講座", "男女共同参画センターにおいて、年代に応じた講座を開催する。")],
             None),
        ]),
        ("多様性を尊重する意識の醸成", "", [
            ("性の多様性に関する理解の促進", "性的指向・ジェンダーアイデンティティに関する理解の促進",
             "県民や事業者向けの啓発と相談体制の整備", "当事者支援団体", "県民生活部",
             [("性の多様性理解促進セミナー", "事業者や県民を対象に、性の多様性に関するセミナーを開催する。"),
              ("パートナーシップ宣誓制度の運用", "パートナーシップ宣誓制度を運用し、市町村との連携を図る。")],
             ("性の多様性について理解している県民の割合", "％", (48, 56), "70％")),
            ("外国人県民⟨等⟩への配慮", "外国人県民⟨等⟩が安心して暮らせる環境づくり",
             "多言語による情報提供や相談対応", "国際交流協会", "県民生活部",
             [("多言語相談窓口の運営", "外国人県民からの相談に多言語で対応する。")],
             None),
        ]),
    ]),
    ("あらゆる分野における女性の参画拡大", [
        ("政策・方針決定過程への女性の参画拡大", "", [
            ("県の審議会等における女性委員の登用促進", "審議会等委員への女性の登用",
             "委員改選時の事前協議制度の運用", "各部局", "総務部",
             [("審議会等委員の事前協議", "委員の改選時に女性委員の割合について事前協議を行う。"),
              ("女性人材リストの整備", "審議会等の委員候補となる女性人材の情報を整備し、活用する。")],
             ("県の審議会等委員に占める女性の割合", "％", (36, 41), "40％")),
            ("県職員の女性管理職の登用促進", "県職員における女性の活躍推進",
             "計画的な人材育成と柔軟な働き方の推進", "人事委員会", "総務部",
             [("女性職員キャリア形成研修", "若手・中堅の女性職員を対象としたキャリア形成研修を実施する。")],
             ("県職員の管理職に占める女性の割合", "％", (11, 15), "20％")),
            ("市町村における女性の参画促進", "市町村の政策・方針決定過程への女性の参画",
             "市町村の取組状況の把握と情報提供", "市町村", "県民生活部",
             [("市町村男女共同参画担当者会議", "市町村の担当者会議を開催し、先進事例を共有する。")],
             None),
        ]),
        ("働く場における女性の活躍推進", "女性の起業・再就職への支援", [
            ("女性の就業継続とキャリア形成の支援", "女性の就業継続とキャリア形成",
             "企業の人材育成の取組への支援", "労働局や経済団体", "商工労働部",
             [("女性の活躍推進企業認定制度", "女性の活躍推進に積極的な企業を認定し、その取組を広く紹介する。"),
              ("女性社員のキャリアアップ研修", "企業の女性社員を対象に、管理職を目指すための研修を実施する。")],
             ("女性の活躍推進企業の認定数", "社", (180, 260), "500社")),
            ("企業における女性活躍推進の取組支援", "中小企業における女性活躍推進",
             "一般事業主行動計画の策定支援", "商工会議所や商工会", "商工労働部",
             [("一般事業主行動計画策定支援", "中小企業を訪問し、一般事業主行動計画の策定を支援する。")],
             None),
            ("女性の起業・再就職への支援", "女性の起業と再就職",
             "起業相談や再就職に向けた職業訓練の実施", "金融機関や産業支援機関", "商工労働部",
             [("女性起業家支援事業", "起業を目指す女性に、セミナーや個別相談による支援を行う。"),
              ("再就職支援セミナー", "子育て等で離職した女性の再就職を支援するセミナーを開催する。")],
             ("女性の起業相談件数", "件", (120, 180), "300件")),
        ]),
        ("地域・防災分野における男女共同参画の推進", "防災・復興分野における男女共同参画の推進", [
            ("地域活動における女性の参画促進", "自治会・町内会等における女性の参画",
             "地域活動の担い手となる人材の育成", "市町村や地域団体", "県民生活部",
             [("地域リーダー養成講座", "地域活動の中心となる女性リーダーを養成する講座を開催する。")],
             ("自治会長に占める女性の割合", "％", (5, 8), "10％")),
            ("農林水産業における女性の活躍推進", "農林水産業に従事する女性の経営参画",
             "家族経営協定の締結促進や女性農業者のネットワークづくり", "農業協同組合⟨等⟩", "農林水産部",
             [("女性農業者ネットワーク支援", "女性農業者の交流や学習の機会を提供する。"),
              ("家族経営協定の締結促進", "家族経営協定の普及・啓発を行い、締結を促進する。")],
             ("家族経営協定の締結数", "件", (900, 1200), "1,500件")),
            ("防災・復興分野における男女共同参画の推進", "防災分野への女性の参画",
             "避難所運営における男女共同参画の視点の反映", "市町村や自主防災組織", "危機管理部",
             [("避難所運営研修", "市町村職員や自主防災組織を対象に、男女共同参画の視点からの避難所運営研修を実施する。"),
              ("女性防災リーダーの育成", "地域の防災活動の中心となる女性リーダーを育成する。")],
             ("県防災会議の委員に占める女性の割合", "％", (14, 20), "30％")),
        ]),
    ]),
    ("仕事と生活の調和（ワーク・ライフ・バランス）の実現", [
        ("働き方改革と仕事と生活の調和の推進", "", [
            ("長時間労働の是正と多様で柔軟な働き方の普及", "多様で柔軟な働き方",
             "テレワークや短時間勤務制度の導入支援", "労働局や経済団体", "商工労働部",
             [("働き方改革推進アドバイザー派遣", "中小企業に社会保険労務士⟨等⟩の専門家を派遣する。"),
              ("テレワーク導入支援", "テレワークの導入を検討する企業に対し、セミナーや相談を行う。")],
             ("年次有給休暇の取得率", "％", (56, 63), "70％")),
            ("男性の家事・育児・介護への参画促進", "男性の家事・育児・介護への参画",
             "男性の育児休業取得の促進", "企業や市町村", "こども未来部",
             [("男性の育児休業取得促進事業", "男性の育児休業取得に取り組む中小企業に奨励金を支給する。"),
              ("イクボス宣言の普及", "管理職が部下の仕事と生活の両立を応援するイクボス宣言を普及する。")],
             ("男性の育児休業取得率（民間企業）", "％", (22, 32), "50％")),
        ]),
        ("子育て・介護の支援体制の充実", "", [
            ("保育サービス⟨等⟩の充実", "多様な保育ニーズへの対応",
             "保育所等の整備と保育人材の確保", "市町村", "こども未来部",
             [("保育人材確保事業", "保育士の就職支援や処遇改善を通じて、保育人材を確保する。"),
              ("放課後児童クラブの充実", "放課後児童クラブの設置や運営を支援する。")],
             ("保育所等の待機児童数", "人", (20, 60), "0人")),
            ("介護サービスと介護者支援の充実", "介護と仕事の両立",
             "介護に関する相談体制の充実", "地域包括支援センター", "健康福祉部",
             [("介護離職防止セミナー", "企業の従業員を対象に、介護と仕事の両立に関するセミナーを開催する。")],
             None),
            ("ひとり親家庭⟨等⟩への支援", "ひとり親家庭の自立",
             "就業支援と生活支援の一体的な実施", "母子・父子福祉団体", "こども未来部",
             [("ひとり親家庭就業支援", "ひとり親家庭の親の資格取得や就職活動を支援する。")],
             None),
        ]),
    ]),
    ("安全・安心に暮らせる社会の実現", [
        ("あらゆる暴力の根絶", "性犯罪・性暴力及びハラスメントの根絶", [
            ("配偶者⟨等⟩からの暴力の防止と被害者支援", "配偶者⟨等⟩からの暴力の防止",
             "相談体制の充実と被害者の安全確保", "配偶者暴力相談支援センター", "健康福祉部",
             [("ＤＶ相談窓口の運営", "配偶者暴力相談支援センターにおいて、電話や面接による相談に対応する。"),
              ("若年層向けデートＤＶ防止講座", "高校生や大学生を対象に、デートＤＶの防止に関する講座を実施する。")],
             ("配偶者暴力相談支援センターを知っている人の割合", "％", (40, 52), "70％")),
            ("性犯罪・性暴力への対策の推進", "性犯罪・性暴力の根絶",
             "ワンストップ支援センターによる支援", "警察や医療機関", "警察本部",
             [("性暴力被害者ワンストップ支援センターの運営", "医療的支援や法的支援を一か所で提供する。")],
             None),
            ("ストーカー行為・セクシュアルハラスメント⟨等⟩の防止", "ハラスメントの防止",
             "事業者向けの研修と相談対応", "労働局", "商工労働部",
             [("ハラスメント防止研修", "事業者を対象に、ハラスメントの防止に関する研修を実施する。")],
             None),
        ]),
        ("困難を抱える女性への支援", "", [
            ("困難な問題を抱える女性への包括的な支援", "困難な問題を抱える女性への支援",
             "関係機関の連携による切れ目のない支援", "民間団体", "健康福祉部",
             [("女性相談支援センターの運営", "女性が抱える様々な問題について相談に応じ、必要な支援につなぐ。"),
              ("民間団体との協働による支援", "民間団体と協働し、アウトリーチや居場所の提供を行う。")],
             ("女性相談支援センターの相談件数", "件", (1800, 2400), "2,800件")),
            ("貧困⟨等⟩生活上の困難に直面する女性への支援", "生活上の困難に直面する女性の自立",
             "就労支援と生活支援の一体的な実施", "市町村や社会福祉協議会", "健康福祉部",
             [("生活困窮者自立相談支援", "生活困窮者の自立に向けた相談支援を実施する。")],
             None),
        ]),
        ("生涯を通じた健康支援", "", [
            ("ライフステージに応じた健康づくりの支援", "生涯を通じた健康づくり",
             "女性特有の健康課題に関する情報提供", "医療機関や市町村", "健康福祉部",
             [("女性の健康づくり講座", "更年期や女性特有の疾病に関する講座を開催する。")],
             ("乳がん検診の受診率", "％", (42, 48), "60％")),
            ("妊娠・出産⟨等⟩に関する健康支援", "安心して妊娠・出産できる環境",
             "妊娠期から子育て期までの切れ目のない支援", "市町村", "こども未来部",
             [("妊娠・出産包括支援事業", "市町村のこども家庭センターと連携し、妊産婦を支援する。")],
             None),
            ("スポーツ分野における男女共同参画の推進", "スポーツ分野における女性の参画",
             "女性指導者の育成", "スポーツ協会", "教育委員会",
             [("女性スポーツ指導者研修", "女性のスポーツ指導者を育成する研修を実施する。")],
             None),
        ]),
    ]),
]

# sentences a comment may ask to add to a 施策の基本的方向 (the added text, its key word)
ADDITIONS = [  # (sentence, key word, what the comment asks, what the answer says was added)
    ("また、ＳＮＳや動画配信を活用し、若い世代に届く情報発信に取り組みます。", "ＳＮＳ",
     "若い世代はテレビや新聞を見ないので、ＳＮＳや動画を使った発信を計画に書き込んでほしい",
     "ＳＮＳや動画配信を活用した情報発信に取り組む旨"),
    ("さらに、当事者団体の意見を聴く機会を設け、施策に反映します。", "当事者団体",
     "施策を進めるに当たっては、当事者の声を直接聴く場を設けるべきである",
     "当事者団体の意見を聴く機会を設ける旨"),
    ("また、オンラインによる相談や講座の実施など、参加しやすい環境づくりを進めます。", "オンライン",
     "仕事や子育てで忙しい人も参加できるよう、オンラインでの相談や講座を充実してほしい",
     "オンラインによる相談や講座の実施について"),
    ("あわせて、中山間地域や島しょ部においても取組が行き届くよう、市町村への支援を強化します。", "中山間地域",
     "県の取組は都市部に偏りがちであり、中山間地域や島しょ部にも目を向けてほしい",
     "中山間地域や島しょ部への取組について"),
    ("さらに、先進的な取組を行う事業者を表彰し、その事例を広く県民に紹介します。", "表彰",
     "積極的に取り組む事業者を表彰するなど、取組を後押しする仕組みが必要ではないか",
     "先進的な事業者の表彰と事例の紹介について"),
]

# 取組 rows a comment may ask for (name, content)
NEW_TORIKUMI = [
    ("出前講座の実施", "学校や地域団体、企業からの依頼に応じて講師を派遣する出前講座を実施する。"),
    ("相談窓口の夜間・休日対応", "平日の夜間や休日にも相談できるよう、相談窓口の受付時間を拡充する。"),
    ("若年層向け啓発動画の制作", "若い世代に向けた啓発動画を制作し、ＳＮＳ等で配信する。"),
    ("ユースアドバイザーの設置", "大学生等をユースアドバイザーとして委嘱し、同世代への啓発を担ってもらう。"),
]

# renames asked for by a comment: a better title for an item
RENAMES = {
    "男性にとっての男女共同参画の推進": "男性の意識改革と家庭・地域への参画促進",
    "メディアにおける男女共同参画の推進": "メディア・リテラシーの向上と表現への配慮",
    "家庭・地域における学習機会の充実": "生涯を通じた学習機会の充実",
    "市町村における女性の参画促進": "市町村の政策・方針決定過程への女性の参画促進",
    "企業における女性活躍推進の取組支援": "中小企業における女性活躍推進の取組支援",
    "介護サービスと介護者支援の充実": "介護と仕事の両立支援の充実",
    "性犯罪・性暴力への対策の推進": "性犯罪・性暴力の根絶に向けた対策の推進",
    "スポーツ分野における男女共同参画の推進": "スポーツ分野における女性の参画促進",
}

GLOSSARY = [
    ("ＤＶ（ドメスティック・バイオレンス）", "配偶者や恋人など親密な関係にある、又はあった者から振るわれる暴力をいう。"),
    ("イクボス", "部下の仕事と生活の両立を応援しながら、組織の業績も上げる上司のことをいう。"),
    ("一般事業主行動計画", "女性活躍推進法⟨等⟩に基づき、事業主が自社の取組について定める計画をいう。"),
    ("家族経営協定", "家族で農業経営を営む世帯員が、経営方針や役割分担⟨等⟩について取り決めるものをいう。"),
    ("ジェンダー", "社会的・文化的に形成された性別をいう。"),
    ("デートＤＶ", "交際相手からの暴力をいう。"),
    ("パートナーシップ宣誓制度", "一方又は双方が性的マイノリティであるカップルが、パートナーであることを宣誓する制度をいう。"),
    ("メディア・リテラシー", "メディアからの情報を主体的に読み解き、活用する能力をいう。"),
    ("ワーク・ライフ・バランス", "仕事と生活の調和をいう。"),
    ("ワンストップ支援センター", "性犯罪・性暴力の被害者に、被害直後から総合的な支援を一か所で提供する機関をいう。"),
]

# a 用語解説 entry a comment may ask for (the term appears in the text)
NEW_TERMS = [
    ("アンコンシャス・バイアス", "無意識の思い込み、偏見をいう。", "アンコンシャス・バイアス（無意識の思い込み）"),
    ("ポジティブ・アクション", "男女間の格差を改善するため、必要な範囲で一方に機会を積極的に提供する措置をいう。",
     "ポジティブ・アクション（積極的改善措置）"),
]

COLUMNS = [
    ("男性の育児休業", "令和４年10月から「産後パパ育休」制度が始まり、子の出生後８週間以内に最大４週間の休業を取得できる"
     "ようになった。県内でも、この制度を活用して育児休業を取得する男性が増えている。"),
    ("女性の視点を取り入れた避難所運営", "過去の災害では、着替えや授乳のスペースがないなど、女性の視点が不足していたことが"
     "指摘されている。避難所の運営に女性が参画することで、誰もが安心して過ごせる避難所づくりが進められている。"),
    ("理工系分野で活躍する女性", "県内の製造業では、設計や研究開発の分野で活躍する女性技術者が増えている。ある企業では、"
     "女子中高生向けの職場見学会を毎年開催し、将来の進路を考えるきっかけを提供している。"),
    ("デートＤＶを知っていますか", "交際相手からの暴力であるデートＤＶは、身体的な暴力だけでなく、スマートフォンのチェックや"
     "行動の制限なども含まれる。県では、高校生や大学生を対象とした講座を実施している。"),
]
NEW_COLUMNS = [
    ("アンコンシャス・バイアスに気付く", "「女性だから」「男性だから」という無意識の思い込みは、誰にでもあるものである。"
     "まずは自分の中の思い込みに気付くことが、一人一人が自分らしく生きられる社会への第一歩となる。"),
    ("家事シェアのすすめ", "共働き世帯が増える中、家事や育児の負担が一方に偏らないよう、家族で話し合って分担する"
     "「家事シェア」が広がっている。県では、家事の見える化シートを配布している。"),
    ("女性の起業を応援するネットワーク", "県内では、起業を目指す女性同士が互いに学び合うネットワークが生まれている。先輩"
     "起業家の体験談を聞く交流会には、毎回多くの参加者が集まっている。"),
]

DEMANDS = [
    "もっと具体的な取組内容を示してほしい",
    "市町村との連携を一層強化すべきである",
    "若い世代に届く広報の工夫をお願いしたい",
    "数値目標をより高く設定すべきではないか",
    "取組に必要な予算を十分に確保してほしい",
    "取組の成果を県民に分かりやすく公表してほしい",
    "民間団体との協働をさらに進めてほしい",
    "県の姿勢をもっと強く打ち出すべきである",
]
ANSWERS_KISAI = [
    "御意見の趣旨については、既に{place}に記載しております。",
    "御指摘の点については、既に{place}において取組を記載しております。引き続き推進してまいります。",
]
ANSWERS_SANKO = [
    "御意見については、今後の施策の参考とさせていただきます。",
    "貴重な御意見として、今後の施策の参考とさせていただきます。",
    "御意見については、具体的な事業を実施する際の参考とさせていただきます。",
]
ANSWERS_FUHANEI = [
    "本計画では県全体の方向性を示すこととしているため、原案のとおりといたします。",
    "目標値は国の目標や本県の現状を踏まえて設定しているため、原案のとおりといたします。",
]


# ---------------------------------------------------------------------------------------------------------------
# the plan model

BLIND17_TUNING_SEEDS = (19001, 19002, 19003)
BLIND17_SEEDS = (19101, 19102, 19103)  # held out
# soan format, an format, 別紙1 format, DOCX headings ("styles": Word styles named 見出し n; "bold": larger bold runs)
FORMATS = {
    19001: ("docx", "docx", "xlsx", "styles"),
    19002: ("pdf", "pdf", "pdf", "bold"),
    19003: ("docx", "pdf", "xlsx", "bold"),
    19101: ("pdf", "pdf", "xlsx", "styles"),
    19102: ("docx", "docx", "pdf", "bold"),
    19103: ("docx", "pdf", "pdf", "styles"),
}

ROMAN = "ⅠⅡⅢⅣⅤⅥ"
KANA = "アイウエオカキク"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def fw(n: int | str) -> str:
    return str(n).translate(FW)


@dataclass
class Item:
    title: str
    focus: str
    means: str
    partner: str
    dept: str
    rows: list[tuple[str, str]]
    indicator: tuple | None
    issue: list[int]          # template indices of its 現状と課題 paragraph
    direction: list[int]      # template indices of its 施策の基本的方向 paragraphs
    values: dict = field(default_factory=dict)   # indicator values {"r4": .., "r5": .., "pct": .., "prev": ..}


@dataclass
class Goal:
    title: str
    split_title: str
    items: list[Item]


@dataclass
class Plan:
    seed: int
    pref: str
    formats: tuple[str, str, str, str]
    footer: str                          # "dash" (- 12 -) or "plain" (12)
    aims: list[tuple[str, list[Goal]]]   # 基本目標 (title, goals)
    editorial: dict[str, tuple[str, str]]  # class -> (素案 form, 案 form)
    d: dict                              # the decisions (see generate)
    stats: dict
    comments: list[dict] = field(default_factory=list)


# ⟨class⟩ words: per seed unified in the 案 or left alone
EDITORIAL_CLASSES = {
    "子供": ("子供", "子ども"),
    "障害": ("障害", "障がい"),
    "及び": ("及び", "および"),
    "等": ("等", "など"),
    "取組み": ("取組み", "取組"),
}

ISSUE_T = [
    "本県が令和５年度に実施した「男女共同参画に関する県民意識調査」によると、{f}について「進んでいる」又は「どちらかと"
    "いえば進んでいる」と回答した人の割合は{a}％であり、前回調査（平成30年度）の{b}％から上昇しているものの、依然として"
    "十分とはいえない状況にある。",
    "{f}については、これまで{p}と連携しながら{取組みを進めてきたが|取組を進めてきたが}、地域や世代によって取組の状況に差がみられ、"
    "県民一人一人の行動にまで結び付いていない面がある。",
    "特に、⟨子供⟩や若い世代、子育て世代においては{f}への関心が高い一方で、必要な情報や支援が届いていないとの声も寄せられ"
    "ており、きめ細かな対応が求められている。",
    "また、高齢者や⟨障害⟩のある人、外国人県民など、複合的な困難を抱える人の状況にも配慮しながら、{f}を進めることが"
    "求められている。",
    "こうした状況を踏まえ、{f}に向けて、県、市町村、事業者⟨及び⟩県民がそれぞれの役割を果たしながら、より一層取組を"
    "進めていく必要がある。",
]
DIRECTION_T = [
    "{f}に向けて、{m}を推進します。",
    "また、{p}と連携し、{f}に関する取組の充実を図ります。",
    "{f}は、男女共同参画社会の実現に向けて欠かすことのできない課題であることから、{p}をはじめとする関係機関との情報"
    "共有を図り、総合的かつ計画的に取組を進める。",
    "取組の実施に当たっては、県民のニーズや社会情勢の変化を的確に把握し、効果的な手法により推進する。",
    "さらに、取組の成果を定期的に検証し、必要に応じて{取組内容の見直しを行います|取組内容を見直します}。",
    "{m}に当たっては、⟨子供⟩から高齢者まで、あらゆる世代の県民が参加しやすいよう工夫します。",
]


def _goal_path_ok(g: Goal) -> bool:
    return g.title != "困難を抱える女性への支援"


def generate(seed: int) -> Plan:
    """The plan of ``seed``: its words, numbers, formats and decisions (deterministic)."""
    rng = random.Random(seed * 7919 + 17)
    aims: list[tuple[str, list[Goal]]] = []
    for atitle, goal_specs in GOALS:
        gl = []
        for gtitle, split_title, items in goal_specs:
            its = []
            for (title, focus, means, partner, dept, rows, ind) in items:
                one = rng.choice([1, 2])
                two = [x for x in (2, 3) if x != one]
                issue = [0, one, 9] + rng.sample(two, rng.randint(1, len(two))) + [4]
                direction = [0, 1] + ([2] if rng.random() < 0.5 else []) + [5 if rng.random() < 0.4 else 3, 4]
                values: dict[str, Any] = {"a": round(rng.uniform(25, 45), 1)}
                values["b"] = round(values["a"] - rng.uniform(1.5, 6.0), 1)
                if ind:
                    lo, hi = ind[2]
                    r5 = rng.uniform(lo, hi)
                    r4 = r5 - (hi - lo) * rng.uniform(0.05, 0.25)
                    if ind[1] == "％":
                        values["r5"], values["r4"] = f"{r5:.1f}％", f"{r4:.1f}％"
                    else:
                        values["r5"], values["r4"] = f"{int(r5):,}{ind[1]}", f"{int(r4):,}{ind[1]}"
                its.append(Item(title, focus, means, partner, dept, list(rows), ind, issue, direction, values))
            gl.append(Goal(gtitle, split_title, its))
        aims.append((atitle, gl))
    goals = [g for _, gl in aims for g in gl]
    formats = FORMATS.get(seed, ("docx", "docx", "xlsx", "styles"))
    editorial = {}
    for cls, (w1, w2) in EDITORIAL_CLASSES.items():
        if rng.random() < 0.75:
            editorial[cls] = (w2, w1) if cls == "障害" and rng.random() < 0.5 else (w1, w2)
        else:
            editorial[cls] = (w1, w1)
    d: dict = {}
    # internal: a 重点目標 split, two items reordered, an item moved, 現状値 refreshed, statistics, a コラム added
    splittable = [i for i, g in enumerate(goals) if g.split_title]
    d["split"] = rng.choice(splittable)
    busy = {d["split"]}
    movable = [(i, j) for i, g in enumerate(goals) if i not in busy and len(g.items) >= 3 and _goal_path_ok(g)
               for j, it in enumerate(g.items) if it.indicator is None and j > 0]
    a, j = rng.choice(movable)
    b = rng.choice([i for i in range(len(goals)) if i not in busy | {a}])
    d["move"] = (a, j, b)
    busy |= {a, b}
    r = rng.choice([i for i, g in enumerate(goals) if i not in busy and len(g.items) >= 2 and _goal_path_ok(g)])
    d["reorder"] = (r, rng.randrange(len(goals[r].items) - 1))
    busy.add(r)
    free = [i for i in range(len(goals)) if i not in busy]
    with_ind = [i for i in free if any(it.indicator for it in goals[i].items)]
    d["refresh"] = rng.choice(with_ind)
    pct = [(i, k) for i in with_ind if i != d["refresh"] for k, it in enumerate(goals[i].items)
           if it.indicator and it.indicator[1] == "％"]
    d["target"] = rng.choice(pct)
    d["column"] = (rng.choice(free), rng.randrange(len(NEW_COLUMNS)))
    # comment-caused: a sentence added, a 取組 row added, an item renamed, the campaign's sentence, a 用語解説 entry
    content_items = [(i, k) for i in free for k, it in enumerate(goals[i].items)
                     if it.title != "困難な問題を抱える女性への包括的な支援"]
    renamable = [(i, k) for (i, k) in content_items if goals[i].items[k].title in RENAMES]
    d["rename"] = rng.choice(renamable)
    rest = [x for x in content_items if x != d["rename"]]
    picks = rng.sample(rest, 3)
    adds = rng.sample(range(len(ADDITIONS)), 2)
    d["sentence"] = (picks[0], adds[0])
    d["campaign"] = (picks[1], adds[1])
    d["row"] = (picks[2], rng.randrange(len(NEW_TORIKUMI)))
    d["term"] = rng.randrange(len(NEW_TERMS)) if seed % 2 else None
    # external: the 困難女性支援法 quoted (plan's position and its 施策), and/or the national 基本計画 revised
    ext = rng.choice(["law", "national", "both"])
    d["law"] = ext in ("law", "both")
    d["national"] = ext in ("national", "both")
    stats = {"years": [2019 + i for i in range(6)],
             "council": [round(33 + i * 1.1 + rng.uniform(-0.4, 0.4), 1) for i in range(6)],
             "manager": [round(8 + i * 0.8 + rng.uniform(-0.3, 0.3), 1) for i in range(6)],
             "pop": rng.randrange(900, 2400) * 1000}
    plan = Plan(seed, PREFECTURES[random.Random(seed).randrange(len(PREFECTURES))], formats, rng.choice(["dash", "plain"]), aims, editorial, d, stats)
    plan.comments = _comments(plan, rng)
    return plan


# ---------------------------------------------------------------------------------------------------------------
# one version's blocks

@dataclass
class Block:
    kind: str                  # h (heading), p (paragraph), table, column (a boxed コラム: rows[0][0] title)
    raw: str = ""              # with ⟨class⟩ and {素案|案} marks
    level: int = 0
    rows_raw: list[list[Any]] = field(default_factory=list)  # None: merged with the cell above
    widths: tuple[int, ...] = ()
    path: tuple[str, ...] = ()
    new_page: bool = False
    text: str = ""
    rows: list[list[str | None]] = field(default_factory=list)


MARK = re.compile(r"⟨([^⟩]+)⟩|\{([^{}|]*)\|([^{}|]*)\}")


def resolve(raw: str, plan: Plan, an: bool) -> str:
    def one(m: re.Match) -> str:
        if m.group(1):
            return plan.editorial[m.group(1)][1 if an else 0]
        return m.group(3) if an else m.group(2)
    return MARK.sub(one, raw)


def editorial_edits(raw: str, plan: Plan) -> list[tuple[str, str, str, str]]:
    """(before, after, core_before, core_after) of every mark in ``raw`` spelled differently in the two versions,
    with up to 8 characters of context each side."""
    out = []
    old_parts: list[str] = []
    new_parts: list[str] = []
    spans = []
    pos = 0
    for m in MARK.finditer(raw):
        old_parts.append(raw[pos:m.start()])
        new_parts.append(raw[pos:m.start()])
        o = plan.editorial[m.group(1)][0] if m.group(1) else m.group(2)
        n = plan.editorial[m.group(1)][1] if m.group(1) else m.group(3)
        so, sn = sum(map(len, old_parts)), sum(map(len, new_parts))
        old_parts.append(o)
        new_parts.append(n)
        if o != n:
            spans.append((so, so + len(o), sn, sn + len(n), o, n))
        pos = m.end()
    old_parts.append(raw[pos:])
    new_parts.append(raw[pos:])
    old, new = "".join(old_parts), "".join(new_parts)
    for so, eo, sn, en, o, n in spans:
        out.append((old[max(0, so - 8):eo + 8], new[max(0, sn - 8):en + 8], o, n))
    return out


def fill(t: str, **kw: str) -> str:
    for k, v in kw.items():
        t = t.replace("{" + k + "}", v)
    return t


def reiwa(year: int) -> str:
    return "元" if year == 2019 else fw(year - 2018)


LAW = "困難な問題を抱える女性への支援に関する法律（令和４年法律第52号）"
LAW_POSITION = f"さらに、{LAW}第８条第１項に基づく都道府県基本計画としても位置付ける。"
LAW_MEASURE = (f"{LAW}の趣旨を踏まえ、支援を必要とする女性の早期把握から自立までを、関係機関と民間団体との協働により"
               "包括的に支援します。")
NATIONAL_OLD = "国の第５次男女共同参画基本計画（令和２年12月閣議決定）"
NATIONAL_NEW = "国の第６次男女共同参画基本計画（令和７年12月閣議決定）"
EXISTING_COLUMNS = {"働き方改革と仕事と生活の調和の推進": 0, "地域・防災分野における男女共同参画の推進": 1,
                    "男女共同参画を推進する教育・学習の充実": 2, "あらゆる暴力の根絶": 3}


def goals_of(plan: Plan, an: bool) -> list[tuple[str, list[tuple[Goal, list[Item], int]]]]:
    """The 基本目標 with their 重点目標 and items as the version has them (the internal decisions applied in
    the 案); the int is the 重点目標's index in the 素案 (its decisions follow it)."""
    d = plan.d
    flat = [(ai, g, list(g.items), gi) for ai, (_, gl) in enumerate(plan.aims) for gi, g in
            enumerate(gl, start=sum(len(x[1]) for x in plan.aims[:ai]))]
    if an:
        a, j, b = d["move"]
        moved = flat[a][2][j]
        flat[a][2].remove(moved)
        flat[b][2].append(moved)
        r, k = d["reorder"]
        its = flat[r][2]
        its[k], its[k + 1] = its[k + 1], its[k]
        s = d["split"]
        ai, g, its, gi = flat[s]
        cut = len(its) - 1 if g.split_title == its[-1].title else 1
        flat[s] = (ai, g, its[:cut], gi)
        flat.insert(s + 1, (ai, Goal(g.split_title, "", []), its[cut:], -1))
    out: list[tuple[str, list]] = [(t, []) for t, _ in plan.aims]
    for ai, g, its, gi in flat:
        out[ai][1].append((g, its, gi))
    return out


def item_title(plan: Plan, it: Item, an: bool) -> str:
    if an and plan.d["rename"] and it is _item(plan, plan.d["rename"]):
        return RENAMES[it.title]
    return it.title


def _item(plan: Plan, ik: tuple[int, int]) -> Item:
    goals = [g for _, gl in plan.aims for g in gl]
    return goals[ik[0]].items[ik[1]]


def build(plan: Plan, an: bool) -> list[Block]:
    """The version's body, in reading order, each block with its heading path."""
    d, P = plan.d, plan.pref
    blocks: list[Block] = []
    stack: list[str] = []

    def h(level: int, title: str, new_page: bool = False) -> None:
        title = resolve(title, plan, False)  # headings keep their wording
        del stack[level - 1:]
        stack.append(title)
        blocks.append(Block("h", title, level, path=tuple(stack), new_page=new_page))

    def p(raw: str) -> None:
        blocks.append(Block("p", raw, path=tuple(stack)))

    def table(rows: list[list[Any]], widths: tuple[int, ...]) -> None:
        blocks.append(Block("table", rows_raw=rows, widths=widths, path=tuple(stack)))

    national = NATIONAL_NEW if an and d["national"] else NATIONAL_OLD
    # 第１部
    h(1, "第１部　計画の基本的な考え方", True)
    h(2, "１　計画策定の趣旨")
    p(f"　本県では、平成13年に「{P}県男女共同参画推進条例」を制定し、これまで４次にわたる男女共同参画基本計画に基づき、"
      "男女が互いにその人権を尊重しつつ責任を分かち合い、性別にかかわりなく、その個性と能力を十分に発揮することができる"
      "男女共同参画社会の実現に向けて、総合的かつ計画的に施策を{推准|推進}してきた。")
    p("　この間、県の審議会等委員に占める女性の割合の上昇や、男性の育児休業取得率の向上など、一定の成果がみられる一方で、"
      "固定的な性別役割分担意識や無意識の思い込みは依然として根強く、政策・方針決定過程への女性の参画も十分とはいえない状況にある。"
      "また、人口減少と少子高齢化の進行、デジタル化の進展、頻発する自然災害など、社会情勢は大きく変化している。")
    p(f"　こうした状況を踏まえ、{national}の内容を勘案するとともに、第４次計画の成果と課題を検証し、男女共同参画社会の実現に"
      f"向けた取組を一層推進するため、「第５次{P}県男女共同参画基本計画」を策定する。")
    h(2, "２　計画の位置付け")
    p(f"　本計画は、男女共同参画社会基本法第14条第１項に基づく都道府県男女共同参画計画であるとともに、{P}県男女共同参画"
      "推進条例第９条に基づく基本計画である。")
    p("　また、女性の職業生活における活躍の推進に関する法律（女性活躍推進法）第６条第１項に基づく都道府県推進計画、"
      "配偶者からの暴力の防止及び被害者の保護等に関する法律（ＤＶ防止法）第２条の３第１項に基づく都道府県基本計画を包含する"
      "ものとして位置付ける。" + (LAW_POSITION if an and d["law"] else ""))
    p(f"　なお、本計画は「{P}県総合計画」を上位計画とし、県の他の分野別計画との整合を図るものとする。")
    h(2, "３　計画の期間")
    p("　本計画の期間は、令和７年度から令和12年度までの６年間とする。ただし、社会情勢の変化⟨等⟩により必要が生じた場合は、"
      "計画期間中であっても見直しを行うものとする。")
    h(2, "４　本県の男女共同参画の現状")
    h(3, "(1)　人口と世帯の状況")
    pop = plan.stats["pop"]
    p(f"　令和２年国勢調査によると、本県の総人口は{pop:,}人であり、平成27年と比べて{int(pop * 0.042):,}人減少している。"
      "世帯の状況をみると、単独世帯の割合が上昇するとともに、共働き世帯が専業主婦世帯を大きく上回っており、家族の姿は"
      "多様化している。")
    table([["区分", "平成27年", "令和２年"],
           ["総人口（人）", f"{int(pop * 1.042):,}", f"{pop:,}"],
           ["単独世帯の割合（％）", "29.8", "32.6"],
           ["共働き世帯数（世帯）", f"{int(pop * 0.101):,}", f"{int(pop * 0.108):,}"]], (18, 14, 14))
    h(3, "(2)　政策・方針決定過程への女性の参画状況")
    st = plan.stats
    last = 5 if an else 4
    p(f"　県の審議会等委員に占める女性の割合は、令和{reiwa(st['years'][last])}年４月１日現在{st['council'][last]}％であり、"
      f"県職員の管理職に占める女性の割合は{st['manager'][last]}％となっている。いずれも上昇傾向にあるものの、国の目標には"
      "達していない。")
    yrs = st["years"][last - 4:last + 1]
    table([["項目"] + [f"令和{reiwa(y)}年" for y in yrs],
           ["審議会等委員に占める女性の割合（％）"] + [str(v) for v in st["council"][last - 4:last + 1]],
           ["県職員の管理職に占める女性の割合（％）"] + [str(v) for v in st["manager"][last - 4:last + 1]]],
          (16, 6, 6, 6, 6, 6))
    h(3, "(3)　県民意識調査の結果")
    p("　令和５年度に実施した「男女共同参画に関する県民意識調査」では、社会全体で男女の地位が「平等」と感じている人の割合は、"
      "前回調査からわずかに上昇したものの、２割に満たない状況にある。特に、政治の場⟨及び⟩社会通念・慣習・しきたりにおいて、"
      "男性が優遇されていると感じている人の割合が高くなっている。")
    p("　また、「夫は外で働き、妻は家庭を守るべき」という考え方に反対する人の割合は上昇しているが、"
      f"{NEW_TERMS[0][2]}や{NEW_TERMS[1][2]}という言葉を知っている人の割合は３割程度にとどまっており、"
      "一層の周知が必要である。")
    h(2, "５　国の動向")
    p(f"　国においては、令和２年12月に「第５次男女共同参画基本計画」が閣議決定され、" + (
        "令和７年12月には、その後の社会情勢の変化を踏まえた「第６次男女共同参画基本計画」が閣議決定された。"
        if an and d["national"] else "2030年代に誰もが性別を意識することなく活躍できる社会を目指すこととされた。") +
      "また、女性活躍推進法の改正により、一般事業主行動計画の策定義務の対象が常時雇用する労働者{１０１|101}人以上の事業主に拡大された。")
    p("　さらに、{令和 ６年|令和６年}４月には、困難な問題を抱える女性への支援に関する法律が施行され、女性が抱える様々な困難な問題に"
      "対応するための支援体制の整備が求められている。また、ＤＶ防止法の改正により、保護命令制度の拡充が図られた。")
    h(2, "６　第４次計画の評価")
    p("　第４次計画では、５つの基本目標のもとに22の数値目標を設定し、施策を推進してきた。令和５年度末時点で目標を達成した"
      "指標は８、目標に向けて改善している指標は10であり、一定の成果がみられた。一方で、政策・方針決定過程への女性の参画や、"
      "男性の家事・育児への参画に関する指標は目標を下回っており、引き続き重点的な取組が必要である。")
    p("　また、審議会での議論や県民意識調査の結果からは、⟨子供⟩の頃からの意識づくりや、地域における固定的な役割分担の解消、"
      "困難を抱える女性への支援の充実を求める意見が多く寄せられている。第５次計画では、これらの課題を踏まえて施策を体系化する。")
    ev = [["指標", "策定時", "目標値", "実績値", "評価"]]
    for it in [it for _, gl in plan.aims for g in gl for it in g.items if it.indicator][:10]:
        ind = it.indicator
        assert ind
        ev.append([ind[0], it.values["r4"], ind[3], it.values["r5"], "Ａ" if len(ind[0]) % 3 == 0 else "Ｂ"])
    table(ev, (20, 7, 7, 7, 5))
    # 第２部
    h(1, "第２部　施策の展開", True)
    versions = goals_of(plan, an)
    h(2, "施策の体系")
    rows: list[list[str | None]] = [["基本目標", "重点目標", "施策の基本的方向"]]
    n = 0
    for ai, (atitle, goals) in enumerate(versions):
        for gi, (g, its, _) in enumerate(goals):
            n += 1
            for k, it in enumerate(its):
                rows.append([f"{ROMAN[ai]}　{atitle}" if gi == 0 and k == 0 else None,
                             f"{fw(n)}　{g.title}" if k == 0 else None,
                             resolve(f"{KANA[k]}　{item_title(plan, it, an)}", plan, False)])
    table(rows, (14, 16, 18))
    n = 0
    for ai, (atitle, goals) in enumerate(versions):
        h(2, f"基本目標{ROMAN[ai]}　{atitle}", True)
        p(f"　基本目標{ROMAN[ai]}では、「{atitle}」に向けて、{len(goals)}つの重点目標を掲げ、施策を展開します。")
        for g, its, gi in goals:
            n += 1
            h(3, f"重点目標{fw(n)}　{g.title}", True)
            h(4, "(1)　現状と課題")
            for it in its:
                v = it.values
                cut = it.issue.index(9)
                for part in (it.issue[:cut], it.issue[cut + 1:]):
                    p("　" + "".join(fill(ISSUE_T[t], f=it.focus, p=it.partner, a=str(v["a"]), b=str(v["b"]))
                                     for t in dict.fromkeys(part)))
            if g.title in EXISTING_COLUMNS:
                blocks.append(Block("column", rows_raw=[[f"コラム　{COLUMNS[EXISTING_COLUMNS[g.title]][0]}"],
                                                        [COLUMNS[EXISTING_COLUMNS[g.title]][1]]], path=tuple(stack)))
            if an and gi == d["column"][0]:
                c = NEW_COLUMNS[d["column"][1]]
                blocks.append(Block("column", rows_raw=[[f"コラム　{c[0]}"], [c[1]]], path=tuple(stack)))
            h(4, "(2)　施策の基本的方向")
            for k, it in enumerate(its):
                h(5, f"{KANA[k]}　{item_title(plan, it, an)}")
                first = [t for t in it.direction if t <= 2]
                second = [t for t in it.direction if t > 2]
                para = "".join(fill(DIRECTION_T[t], f=it.focus, p=it.partner, m=it.means) for t in first)
                for key in ("sentence", "campaign"):
                    if an and it is _item(plan, d[key][0]):
                        para += ADDITIONS[d[key][1]][0]
                if an and d["law"] and it.title == "困難な問題を抱える女性への包括的な支援":
                    para += LAW_MEASURE
                p("　" + para)
                p("　" + "".join(fill(DIRECTION_T[t], f=it.focus, p=it.partner, m=it.means) for t in second))
            h(4, "(3)　具体的な取組")
            trs: list[list[str | None]] = [["取組", "内容", "担当部局"]]
            for it in its:
                trs += [[name, content, it.dept] for name, content in it.rows]
                if an and it is _item(plan, d["row"][0]):
                    trs.append([NEW_TORIKUMI[d["row"][1]][0], NEW_TORIKUMI[d["row"][1]][1], it.dept])
            table(trs, (14, 26, 8))
            inds = [it for it in its if it.indicator]
            if inds:
                h(4, "(4)　成果指標")
                old = not an and gi == d["refresh"]
                irs: list[list[str | None]] = [["指標", f"現状値（令和{'４' if old else '５'}年度）", "目標値（令和12年度）"]]
                for it in inds:
                    name, unit, _, target = it.indicator  # type: ignore[misc]
                    if an and it is _item(plan, d["target"]):
                        target = f"{int(target.rstrip('％')) + 5}％"
                    irs.append([name, it.values["r4" if old else "r5"], target])
                table(irs, (26, 11, 11))
    # 第３部
    h(1, "第３部　計画の推進", True)
    h(2, "１　推進体制")
    p(f"　知事を本部長とする「{P}県男女共同参画推進本部」において、全庁的な連携のもと、本計画に基づく施策を総合的かつ"
      "効果的に推進します。また、男女共同参画センターを拠点として、県民や団体の活動を支援する。")
    p(f"　{P}県男女共同参画審議会に施策の実施状況を報告し、その意見を施策に反映します。")
    h(2, "２　計画の進行管理")
    p("　本計画に掲げた成果指標の達成状況や施策の実施状況を毎年度把握し、年次報告書として取りまとめ、公表します。"
      "進行管理に当たっては、ＰＤＣＡサイクルに基づき、施策の効果を検証し、必要に応じて{取組みの改善を行う|取組を改善する}。")
    h(2, "３　県民・事業者・市町村等との連携")
    p("　男女共同参画社会の実現には、県だけでなく、県民、事業者、市町村、民間団体⟨等⟩の主体的な取組が不可欠である。"
      "県は、それぞれの主体との連携・協働を一層強化し、情報の共有や取組の支援を行います。")
    p("　特に、市町村は住民に最も身近な行政主体であることから、市町村における{男女共同参加|男女共同参画}計画の策定や改定を支援するとともに、"
      "先進的な取組事例の情報提供に努める。")
    # 資料編
    h(1, "資料編", True)
    h(2, "１　用語解説")
    gloss = list(GLOSSARY)
    if an and d["term"] is not None:
        t = NEW_TERMS[d["term"]]
        gloss.insert(0 if t[0].startswith("ア") else 6, (t[0], t[1]))
    table([["用語", "解説"]] + [[a, b] for a, b in gloss], (14, 34))
    h(2, "２　男女共同参画に関する県民意識調査の概要")
    p("　本計画の策定に当たり、県民の意識や実態を把握し、施策の検討に活用するため、県内に居住する18歳以上の男女3,000人を"
      "対象に、令和５年７月から８月にかけて郵送とインターネットによる調査を実施した。有効回答数は1,284人（回収率42.8％）であった。")
    qs = [("社会全体で男女の地位は平等になっている", 12.1, 21.4), ("家庭生活で男女の地位は平等になっている", 25.3, 38.0),
          ("職場で男女の地位は平等になっている", 20.8, 29.5), ("学校教育の場で男女の地位は平等になっている", 55.2, 63.1),
          ("政治の場で男女の地位は平等になっている", 6.4, 11.9), ("地域活動の場で男女の地位は平等になっている", 30.2, 41.7),
          ("「夫は外で働き、妻は家庭を守るべき」に反対", 66.8, 58.9), ("配偶者等からの暴力の相談窓口を知っている", 48.0, 41.2),
          ("男性の育児休業取得に賛成", 81.5, 74.3), ("審議会等への女性の登用を進めるべき", 70.2, 61.8)]
    table([["設問", "女性（％）", "男性（％）"]] + [[q, f"{a}", f"{b}"] for q, a, b in qs], (30, 8, 8))
    h(2, "３　計画の策定経過")
    table([["年月日", "内容"],
           ["令和６年５月28日", f"{P}県男女共同参画審議会に諮問"],
           ["令和６年７月23日", "審議会（第１回）：計画の骨子案について審議"],
           ["令和６年10月８日", "審議会（第２回）：計画の素案について審議"],
           ["令和６年11月15日～12月16日", "パブリックコメントの実施"],
           ["令和６年11月30日", "県民意見交換会の開催"],
           ["令和７年１月21日", "審議会（第３回）：計画の案について審議"],
           ["令和７年２月", f"{P}県男女共同参画審議会から答申"]], (16, 32))
    for b in blocks:
        b.text = resolve(b.raw, plan, an) if b.kind == "p" else b.raw
        b.rows = [[None if c is None else resolve(c, plan, an) for c in r] for r in b.rows_raw]
    return blocks


# ---------------------------------------------------------------------------------------------------------------
# printing: pages of positioned text and rules (plan_pdf's writer), the printed page of every block

BODY_W = 455.0
HEAD_SIZE = {1: 16.0, 2: 13.5, 3: 12.0, 4: 11.0, 5: 10.5}


def units(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2000 or 0xFF61 <= ord(ch) <= 0xFF9F else 1.0


def wrap_units(text: str, width: float) -> list[tuple[int, str]]:
    """(offset, line) pieces of at most ``width`` em (half-width characters count half), 、。 kept off a line's start."""
    out: list[tuple[int, str]] = []
    start, w = 0, 0.0
    for i, ch in enumerate(text):
        u = units(ch)
        if w + u > width and i > start and ch not in "、。）」":
            out.append((start, text[start:i]))
            start, w = i, 0.0
        w += u
    out.append((start, text[start:]))
    return out


@dataclass
class Printed:
    pages: list[list[str]]            # content-stream operators a page (cover and 目次 first)
    heading_pages: dict[int, int]     # block index -> printed page
    line_pages: dict[int, list[tuple[int, int]]]  # paragraph block -> (offset, printed page) of each line
    row_pages: dict[int, list[int]]   # table / column block -> printed page of each row


def _rule(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"0.5 w {x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l S"


def draw_table(rows: list[list[Any]], widths: tuple[int, ...], x0: float, y: float, size: float,
               bottom: float) -> tuple[list[list[str]], list[int], float]:
    """A ruled table from ``y`` down; a row that does not fit starts a new page (the ops of each page, the page index
    of each row, and the final y). Cells ``None`` continue the cell above (no rule between them)."""
    step = size + 3
    col_w = [w * size + 8 for w in widths]
    pages: list[list[str]] = [[]]
    row_page: list[int] = []
    for r, row in enumerate(rows):
        cells = [wrap_units(c or "", w) for c, w in zip(row, widths)]
        hgt = max(len(c) for c in cells) * step + 6
        if y - hgt < bottom:
            pages.append([])
            y = TOP_Y
            row = [c if c is not None else "" for c in row]
        row_page.append(len(pages) - 1)
        x = x0
        ops = pages[-1]
        for j, (c, w) in enumerate(zip(cells, col_w)):
            if rows[r][j] is not None or y == TOP_Y:
                ops.append(_rule(x, y, x + w, y))
            ops.append(_rule(x, y, x, y - hgt))
            ops.append(_rule(x + w, y, x + w, y - hgt))
            for li, (_, piece) in enumerate(c):
                if piece:
                    ops.append(text_op(x + 4, y - 3 - size - li * step, size, piece))
            x += w
        y -= hgt
        # the bottom rule of every cell whose next row does not continue it
        nxt = rows[r + 1] if r + 1 < len(rows) else None
        x = x0
        for j, w in enumerate(col_w):
            if nxt is None or nxt[j] is not None:
                ops.append(_rule(x, y, x + w, y))
            x += w
    return pages, row_page, y


TOP_Y = 780.0
BOTTOM_Y = 80.0


def lay_out_plan(plan: Plan, blocks: list[Block], an: bool) -> Printed:
    title = f"第５次{plan.pref}県男女共同参画基本計画"
    running = title + ("（案）" if an else "（素案）")
    body: list[list[str]] = [[]]
    hp: dict[int, int] = {}
    lp: dict[int, list[tuple[int, int]]] = {}
    rp: dict[int, list[int]] = {}
    y = TOP_Y

    def new_page() -> None:
        nonlocal y
        body.append([])
        y = TOP_Y

    for i, b in enumerate(blocks):
        if b.kind == "h":
            size = HEAD_SIZE[b.level]
            chain = 0.0  # keep with next: the headings that follow and three lines of text
            for nb in blocks[i:]:
                if nb.kind != "h":
                    break
                chain += HEAD_SIZE[nb.level] + 14
            if (b.new_page and body[-1]) or y - chain - 60 < BOTTOM_Y:
                new_page()
            y -= size + 10
            body[-1].append(text_op(LEFT, y, size, b.text))
            hp[i] = len(body)
            y -= 4
        elif b.kind == "p":
            lp[i] = []
            for off, piece in wrap_units(b.text, 38):
                if y - 18 < BOTTOM_Y:
                    new_page()
                y -= 18
                body[-1].append(text_op(LEFT, y, BODY_SIZE, piece))
                lp[i].append((off, len(body)))
            y -= 4
        elif b.kind == "table":
            y -= 6
            pages, row_page, y2 = draw_table(b.rows, b.widths, LEFT, y, 9.0, BOTTOM_Y)
            first = len(body)
            body[-1].extend(pages[0])
            for extra in pages[1:]:
                body.append(extra)
            rp[i] = [first + k for k in row_page]
            y = y2 - 10
        else:  # a boxed コラム
            lines = [(11.0, b.rows[0][0] or "")] + [(10.0, piece) for _, piece in wrap_units(b.rows[1][0] or "", 40)]
            hgt = sum(s + 6 for s, _ in lines) + 16
            if y - hgt < BOTTOM_Y:
                new_page()
            top = y - 6
            yy = top - 6
            for s, t in lines:
                yy -= s + 6
                body[-1].append(text_op(LEFT + 10, yy, s, t))
            body[-1].append(f"0.8 w {LEFT:.1f} {top - hgt + 6:.1f} {BODY_W:.1f} {hgt - 6:.1f} re S")
            rp[i] = [len(body)] * 2
            y = top - hgt - 4
    numbered: list[list[str]] = []
    for n, ops in enumerate(body, start=1):
        foot = f"- {n} -" if plan.footer == "dash" else str(n)
        numbered.append([text_op(PAGE_W - 70 - len(running) * 8, 812, 8.0, running)] + ops +
                     [text_op(PAGE_W / 2 - len(foot) * 2.5, 40, 9.0, foot)])
    cover = [text_op(LEFT + 20, 560, 20.0, title)]
    if not an:
        cover.append(text_op(LEFT + 160, 520, 16.0, "【素案】"))
    cover += [text_op(LEFT + 150, 260, 14.0, "令和７年２月" if an else "令和６年11月"),
              text_op(LEFT + 170, 230, 14.0, f"{plan.pref}県")]
    toc = [text_op(LEFT + 180, TOP_Y, 16.0, "目　　次")]
    ty = TOP_Y - 30
    for i, b in enumerate(blocks):
        if b.kind == "h" and (b.level == 1 or (b.level == 2 and not b.text.startswith("施策の体系"))):
            text = ("" if b.level == 1 else "　　") + b.text
            dots = "・" * max(2, int(38 - sum(units(c) for c in text)))
            ty -= 18 if b.level == 1 else 15
            toc.append(text_op(LEFT, ty, 10.5 if b.level == 1 else 10.0, f"{text}{dots}{hp[i]}"))
    return Printed([cover, toc] + numbered, hp, lp, rp)


def write_plan_pdf(printed: Printed, path: Path) -> None:
    write_page_ops(printed.pages, path)


# ---------------------------------------------------------------------------------------------------------------
# Word

def _heading_styles(doc: DocxDocument) -> None:
    for lvl in range(1, 6):
        st = doc.styles.add_style(f"見出し {lvl}", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = doc.styles["Normal"]
        st.font.bold = True
        st.font.size = Pt(HEAD_SIZE[lvl])
        ppr = st.element.get_or_add_pPr()
        ol = OxmlElement("w:outlineLvl")
        ol.set(qn("w:val"), str(lvl - 1))
        ppr.append(ol)
        st.element.set(qn("w:styleId"), str(lvl))


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def write_docx(plan: Plan, blocks: list[Block], printed: Printed, an: bool, path: Path) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr()
    styles = plan.formats[3] == "styles"
    if styles:
        _heading_styles(doc)
    title = f"第５次{plan.pref}県男女共同参画基本計画"
    for t, size in ((title, 20), ("" if an else "【素案】", 16), ("令和７年２月" if an else "令和６年11月", 14),
                    (f"{plan.pref}県", 14)):
        if t:
            par = doc.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = par.add_run(t)
            run.font.size = Pt(size)
    doc.add_page_break()
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.add_run("目　　次").font.size = Pt(16)
    for i, b in enumerate(blocks):
        if b.kind == "h" and (b.level == 1 or (b.level == 2 and not b.text.startswith("施策の体系"))):
            text = ("" if b.level == 1 else "　　") + b.text
            dots = "・" * max(2, int(38 - sum(units(c) for c in text)))
            doc.add_paragraph(f"{text}{dots}{printed.heading_pages[i]}")
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    body._sectPr.append(pg)
    body.header.is_linked_to_previous = False
    body.footer.is_linked_to_previous = False
    body.header.paragraphs[0].text = title + ("（案）" if an else "（素案）")
    fpar = body.footer.paragraphs[0]
    fpar.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if plan.footer == "dash":
        fpar.add_run("- ")
    _page_field(fpar)
    if plan.footer == "dash":
        fpar.add_run(" -")
    first = True
    for b in blocks:
        if b.kind == "h":
            if styles:
                par = doc.add_paragraph(b.text, style=f"見出し {b.level}")
            else:
                par = doc.add_paragraph()
                run = par.add_run(b.text)
                run.bold = True
                run.font.size = Pt(HEAD_SIZE[b.level])
            if b.new_page and not first:
                par.paragraph_format.page_break_before = True
            first = False
        elif b.kind == "p":
            doc.add_paragraph(b.text)
        elif b.kind == "table":
            ncol = len(b.rows[0])
            tbl = doc.add_table(rows=len(b.rows), cols=ncol)
            tbl.style = doc.styles["Table Grid"]
            for r, row in enumerate(b.rows):
                for j, c in enumerate(row):
                    if c is not None:
                        tbl.cell(r, j).text = c
            for j in range(ncol):  # merge the cells that continue the one above
                r = 1
                while r < len(b.rows):
                    if b.rows[r][j] is None:
                        top = r - 1
                        while r < len(b.rows) and b.rows[r][j] is None:
                            r += 1
                        tbl.cell(top, j).merge(tbl.cell(r - 1, j))
                        tbl.cell(top, j).text = b.rows[top][j] or ""
                    else:
                        r += 1
            doc.add_paragraph()
        else:
            tbl = doc.add_table(rows=1, cols=1)
            tbl.style = doc.styles["Table Grid"]
            cell = tbl.cell(0, 0)
            cell.paragraphs[0].add_run(b.rows[0][0] or "").bold = True
            cell.add_paragraph(b.rows[1][0] or "")
            doc.add_paragraph()
    doc.save(str(path))


# ---------------------------------------------------------------------------------------------------------------
# 別紙1: the comments and the prefecture's answers

def _near_duplicate(base: str, rng: random.Random) -> str:
    """The same opinion sent again with small edits (a campaign)."""
    edits = [lambda s: "私も" + s if not s.startswith("私") else s,
             lambda s: s.replace("してほしい", "してください"),
             lambda s: s.replace("べきである", "べきだと思います"),
             lambda s: s.rstrip("。") + "。よろしくお願いします。",
             lambda s: s.replace("。", "！", 1),
             lambda s: "ぜひ" + s,
             lambda s: s.replace("計画", "県の計画", 1),
             lambda s: "県民の一人として意見を述べます。" + s]
    out = base
    for e in rng.sample(edits, rng.randint(1, 2)):
        out = e(out)
    return out


def _places(plan: Plan, blocks: list[Block], printed: Printed) -> dict:
    """Where the 素案 has each 重点目標 (its number, 基本目標, subsections) and item: printed pages and labels."""
    out: dict = {}
    gi = -1
    ai = -1
    sub = ""
    for i, b in enumerate(blocks):
        if b.kind == "h" and b.level == 2 and b.text.startswith("基本目標"):
            ai += 1
        if b.kind == "h" and b.level == 3 and b.text.startswith("重点目標"):
            gi += 1
            out[("goal", gi)] = (printed.heading_pages[i], f"第２部{ROMAN[ai]}-{fw(gi + 1)}", ai)
        if b.kind == "h" and b.level == 4 and gi >= 0:
            sub = b.text[:3]
            out[("sub", gi, sub)] = (printed.heading_pages[i], f"第２部{ROMAN[ai]}-{fw(gi + 1)}-{sub}", ai)
        if b.kind == "h" and b.level == 5:
            k = KANA.index(b.text[0])
            out[("item", gi, k)] = (printed.heading_pages[i], f"第２部{ROMAN[ai]}-{fw(gi + 1)}-(2)-{b.text[0]}", ai)
        if b.kind == "p" and "アンコンシャス" in b.text:
            out["survey"] = (printed.line_pages[i][0][1], "第１部４(3)", -1)
        if b.kind == "h" and b.level == 2 and b.text.startswith("５　国の動向"):
            out["trend"] = (printed.heading_pages[i], "第１部５", -1)
        if b.kind == "p" and "男女共同参加" in b.text:
            out["typo1"] = (printed.line_pages[i][0][1], "第３部３", -1)
        if b.kind == "p" and "推准" in b.text:
            out["typo2"] = (printed.line_pages[i][0][1], "第１部１", -1)
    return out


def _ref(place: tuple[int, str, int], rng: random.Random, goal_no: int | None = None) -> str:
    page, label, ai = place
    if rng.random() < 0.15:
        page += rng.choice((-1, 1))
    forms = [f"P{page}", f"{page}ページ", label]
    if ai >= 0:
        forms += [f"基本目標{ROMAN[ai]}", f"P{page}（{label}）"]
    if goal_no:
        forms.append(f"P{page}（重点目標{fw(goal_no)}）")
    return rng.choice(forms)


def _comments(plan: Plan, rng: random.Random) -> list[dict]:
    blocks = build(plan, False)
    printed = lay_out_plan(plan, blocks, False)
    pl = _places(plan, blocks, printed)
    d = plan.d
    goals = [g for _, gl in plan.aims for g in gl]
    out: list[dict] = []

    def add(place: tuple, opinion: str, answer: str, decision: str | None = None, group: str | None = None,
            reflected: bool = False, goal_no: int | None = None, ref: str | None = None) -> None:
        out.append({"ref": ref or _ref(place, rng, goal_no), "page": place[0], "opinion": opinion, "answer": answer,
                    "decision": decision, "group": group, "reflected": reflected})

    (gi, k), ai_ = d["sentence"]
    it = goals[gi].items[k]
    add(pl[("item", gi, k)], f"「{it.title}」について、{ADDITIONS[ai_][2]}。",
        f"御意見を踏まえ、{pl[('item', gi, k)][1]}に、{ADDITIONS[ai_][3]}を追記いたします。", "sentence", reflected=True)
    (gi, k), ai_ = d["campaign"]
    it = goals[gi].items[k]
    base = f"{it.focus}に当たっては、{ADDITIONS[ai_][2]}。"
    place = pl[("item", gi, k)]
    ref = _ref(place, rng)
    for _ in range(rng.randint(4, 7)):
        add(place, _near_duplicate(base, rng), "", "campaign", "camp1", True, ref=ref)
    out[-rng.randint(1, 3)]["opinion"] = base  # the text itself, sent as it was, among the edited copies
    out[len(out) - len([c for c in out if c["group"] == "camp1"])]["answer"] = (
        f"同趣旨の御意見を複数いただきました。御意見を踏まえ、{place[1]}に、{ADDITIONS[ai_][3]}を追記いたします。")
    (gi, k), ri = d["row"]
    name, _content = NEW_TORIKUMI[ri]
    add(pl[("sub", gi, "(3)")], f"「{goals[gi].title}」の具体的な取組として、{name.replace('の実施', '')}を加えてほしい。"
        "現在の取組だけでは県民に十分届かないと考える。",
        f"御意見を踏まえ、具体的な取組に「{name}」を追加いたします。", "row", reflected=True, goal_no=gi + 1)
    gi, k = d["target"]
    ind = goals[gi].items[k].indicator
    assert ind
    new_t = f"{int(ind[3].rstrip('％')) + 5}％"
    add(pl[("sub", gi, "(4)")], f"成果指標「{ind[0]}」の目標値{ind[3]}は低すぎる。国の目標も踏まえ、より高い目標を掲げるべきである。",
        f"御意見を踏まえ、目標値を{new_t}に修正いたします。", "target", reflected=True, goal_no=gi + 1)
    add(pl[("sub", gi, "(4)")], f"【県民意見交換会】{ind[0]}の目標は、もう少し意欲的なものにしてもよいのではないか。",
        f"御意見を踏まえ、目標値を{new_t}に引き上げることといたします。", "target", reflected=True, goal_no=gi + 1)
    gi, k = d["rename"]
    it = goals[gi].items[k]
    add(pl[("item", gi, k)], f"施策「{it.title}」は、名称から取組の内容が伝わりにくい。具体的な内容が分かる名称にしてほしい。",
        f"御意見を踏まえ、施策名を「{RENAMES[it.title]}」に修正いたします。", "rename", reflected=True)
    if d["term"] is not None:
        term = NEW_TERMS[d["term"]][0]
        add(pl["survey"], f"「{term}」という言葉は、一般の県民には分かりにくい。用語解説に加えてはどうか。",
            f"御意見を踏まえ、資料編の用語解説に「{term}」を追加いたします。", "term", reflected=True)
    add(pl["typo1"], "「男女共同参加計画」となっているが、「男女共同参画計画」の誤りではないか。",
        "御指摘を踏まえ、「男女共同参画計画」に修正いたします。", None, reflected=True)
    add(pl["typo2"], "「推准」は「推進」の誤字と思われる。", "御指摘のとおり修正いたします。", None, reflected=True)
    # a second campaign, answered once, nothing changed
    base2 = "選択的夫婦別氏制度の導入について、県から国に強く働きかけるべきである。"
    ref2 = rng.choice(["全体", "計画全体", "第１部"])
    n2 = rng.randint(3, 6)
    for m in range(n2):
        add(pl["trend"], base2 if m == 0 else _near_duplicate(base2, rng),
            "同趣旨の御意見を複数いただきました。婚姻制度に関することは国において議論されるべきものであり、国の動向を注視して"
            "まいります。" if m == 0 else "", None, "camp2", ref=ref2)
    # the others: 既記載, 参考, 不反映
    total = rng.randint(60, 120)
    kinds = ["kisai", "sanko", "sanko", "fuhanei"]
    while len(out) < total:
        gi = rng.randrange(len(goals))
        k = rng.randrange(len(goals[gi].items))
        it = goals[gi].items[k]
        kind = rng.choice(kinds)
        forum = rng.random() < 0.12
        demand = rng.choice(DEMANDS)
        opinion = ("【県民意見交換会】" if forum else "") + resolve(f"{it.focus}について、{demand}。", plan, False)
        if kind == "kisai":
            place = pl[("item", gi, k)]
            answer = rng.choice(ANSWERS_KISAI).replace("{place}", f"{place[1]}「{resolve(it.title, plan, False)}」")
        elif kind == "sanko":
            place = pl[("item", gi, k)]
            answer = rng.choice(ANSWERS_SANKO)
        else:
            place = pl[("sub", gi, "(4)")] if ("sub", gi, "(4)") in pl else pl[("goal", gi)]
            opinion = ("【県民意見交換会】" if forum else "") + f"「{goals[gi].title}」の成果指標について、{demand}。"
            answer = rng.choice(ANSWERS_FUHANEI)
        add(place, opinion, answer, goal_no=gi + 1)
    firsts = {"全体": -1, "計画全体": -1, "第１部": 0}
    order = sorted(range(len(out)), key=lambda i: (firsts.get(out[i]["ref"], out[i]["page"]), i))
    return [out[i] for i in order]


BESSI1_TITLE = "「第５次{P}県男女共同参画基本計画（素案）」に対する御意見の概要及び県の考え方"
BESSI1_HEAD = ["No.", "該当箇所", "御意見の概要", "御意見に対する県の考え方"]


def _groups(comments: list[dict]) -> list[tuple[int, int]]:
    """(first, last) row indexes of each 同趣旨 group."""
    spans: dict[str, list[int]] = {}
    for i, c in enumerate(comments):
        if c["group"]:
            spans.setdefault(c["group"], []).append(i)
    return [(min(v), max(v)) for v in spans.values()]


def write_bessi1_xlsx(plan: Plan, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "別紙1"
    ws.append([BESSI1_TITLE.replace("{P}", plan.pref)])
    ws.merge_cells("A1:D1")
    ws.append(BESSI1_HEAD)
    for i, c in enumerate(plan.comments, start=1):
        ws.append([i, c["ref"], c["opinion"], c["answer"]])
    for a, b in _groups(plan.comments):
        ws.merge_cells(f"B{a + 3}:B{b + 3}")
        ws.merge_cells(f"D{a + 3}:D{b + 3}")
    for col, w in zip("ABCD", (6, 18, 60, 60)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(str(path))


def write_bessi1_pdf(plan: Plan, path: Path) -> None:
    """A landscape ruled table, its header on every page; a 同趣旨 group's 該当箇所 and answer one merged cell."""
    W, H = PAGE_H, PAGE_W
    rows: list[list[str | None]] = []
    spans = _groups(plan.comments)
    inside = {i for a, b in spans for i in range(a + 1, b + 1)}
    for i, c in enumerate(plan.comments):
        rows.append([str(i + 1), None if i in inside else c["ref"], c["opinion"], None if i in inside else c["answer"]])
    widths = (3, 9, 30, 30)
    pages: list[list[str]] = []
    start = 0
    while start < len(rows):
        ops = [text_op(50, H - 50, 12.0, BESSI1_TITLE.replace("{P}", plan.pref))] if not pages else []
        top = H - 70
        # as many rows as fit, a group never cut
        chunk: list[list[Any]] = [list(BESSI1_HEAD)]
        end = start
        y: float = top
        while end < len(rows):
            grp = next(((a, b) for a, b in spans if a == end), (end, end))
            need = 0.0
            for r in rows[grp[0]:grp[1] + 1]:
                need += max(len(wrap_units(c or "", w)) for c, w in zip(r, widths)) * 12 + 6
            if y - need - 40 < 50 and end > start:
                break
            y -= need
            end = grp[1] + 1
        chunk += rows[start:end]
        page_ops, _, _ = draw_table(chunk, widths, 40, top, 9.0, 20)
        ops += page_ops[0]
        ops.append(text_op(W / 2 - 10, 25, 9.0, f"{len(pages) + 1}"))
        pages.append(ops)
        start = end
    write_page_ops(pages, path, width=W, height=H)


# ---------------------------------------------------------------------------------------------------------------
# the truth

def _find(blocks: list[Block], printed: Printed, needle: str, kinds: str = "p", under: str = "",
          count: int = 1) -> list[tuple[tuple[str, ...], int]]:
    """(heading path, printed page) of each place ``needle`` is in the 案: a paragraph line, a table row, a heading,
    a コラム; ``under``: only blocks whose path has a heading starting so; exactly ``count`` places."""
    out = []
    for i, b in enumerate(blocks):
        if b.kind not in kinds or (under and not any(x.startswith(under) for x in b.path)):
            continue
        if b.kind == "p" and needle in b.text:
            off = b.text.index(needle)
            out.append((b.path, max(pg for o, pg in printed.line_pages[i] if o <= off)))
        elif b.kind == "h" and needle == b.text:
            out.append((b.path, printed.heading_pages[i]))
        elif b.kind in ("table", "column"):
            for r, row in enumerate(b.rows):
                if any(c and needle in c for c in row):
                    out.append((b.path, printed.row_pages[i][r]))
    assert len(out) == count, (needle, out)
    return out


def expected(plan: Plan) -> dict:
    d = plan.d
    blocks = build(plan, True)
    pr = lay_out_plan(plan, blocks, True)
    goals = [g for _, gl in plan.aims for g in gl]
    ids = {i: f"C{i + 1:02d}" for i in range(len(plan.comments))}
    by_decision: dict[str, list[str]] = {}
    for i, c in enumerate(plan.comments):
        if c["decision"] and (c["group"] is None or not by_decision.get(c["decision"])):
            by_decision.setdefault(c["decision"], []).append(ids[i])
    rows: list[dict] = []

    def row(key: str, places: list, must: list[str], kind: str, cause: str, summary: str) -> None:
        paths = []
        for p, _ in places:
            if list(p) not in paths:
                paths.append(list(p))
        rows.append({"id": f"R{len(rows) + 1}", "key": key, "item": " ".join(paths[0]),
                     "an_pages": sorted({pg for _, pg in places}), "summary": summary, "section_paths": paths,
                     "kind": kind, "cause": {"type": cause, "comment_ids": by_decision.get(key, []) if cause == "comment" else []},
                     "must_mention": must})

    ti = "施策の体系"
    # the external decisions come first in the 別紙2, in the order of the plan
    if d["national"]:
        row("national", _find(blocks, pr, NATIONAL_NEW) + _find(blocks, pr, "「第６次男女共同参画基本計画」が閣議決定"),
            ["第６次男女共同参画基本計画"], "modified", "external",
            "国の第６次男女共同参画基本計画（令和７年12月閣議決定）を踏まえ、計画策定の趣旨及び国の動向の記述を更新")
    if d["law"]:
        row("law", _find(blocks, pr, LAW_POSITION) + _find(blocks, pr, LAW_MEASURE),
            ["困難な問題を抱える女性への支援に関する法律", "令和４年法律第52号"], "modified", "external",
            f"{LAW}に基づく都道府県基本計画として位置付けるとともに、同法の趣旨を踏まえた支援を追記")
    st = plan.stats
    row("stats", _find(blocks, pr, "令和６年４月１日現在") + _find(blocks, pr, "令和６年", "table", "(2)　政策"),
        ["令和６年", str(st["council"][5])], "modified", "internal",
        f"統計数値を令和６年の数値に更新（審議会等委員に占める女性の割合 {st['council'][4]}％→{st['council'][5]}％）")
    # the split: the 重点目標 that keeps its first items, the new one, and the 施策の体系 line of the new one
    kept = next(b for b in blocks if b.kind == "h" and b.level == 3 and b.text.endswith("　" + goals[d["split"]].title))
    new_goal = next(b for b in blocks if b.kind == "h" and b.level == 3 and b.text.endswith(goals[d["split"]].split_title))
    row("split", _find(blocks, pr, kept.text, "h") + _find(blocks, pr, new_goal.text, "h") +
        _find(blocks, pr, new_goal.text.replace("重点目標", ""), "table", ti),
        [goals[d["split"]].split_title], "split", "internal",
        f"重点目標「{goals[d['split']].title}」を分割し、重点目標「{goals[d['split']].split_title}」を新設（以降の重点目標を繰下げ）")
    r, k = d["reorder"]
    x, y = goals[r].items[k], goals[r].items[k + 1]
    places = []
    for it in (y, x):
        t = resolve(it.title, plan, False)
        places += [p for p in _find_heading_endswith(blocks, pr, t)] + _find(blocks, pr, t, "table", ti)
        places += [p for name, _ in it.rows for p in _find(blocks, pr, name, "table", "(3)")]
    row("reorder", places, [resolve(x.title, plan, False), resolve(y.title, plan, False)], "moved", "internal",
        f"施策「{resolve(x.title, plan, False)}」と「{resolve(y.title, plan, False)}」の順序を入れ替え")
    a, j, b = d["move"]
    it = goals[a].items[j]
    t = resolve(it.title, plan, False)
    row("move", _find_heading_endswith(blocks, pr, t) + _find(blocks, pr, t, "table", ti) +
        [p for name, _ in it.rows for p in _find(blocks, pr, name, "table", "(3)")],
        [t], "moved", "internal", f"施策「{t}」を重点目標「{goals[a].title}」から「{goals[b].title}」に移動")
    (gi, k), ai_ = d["sentence"]
    row("sentence", _find(blocks, pr, ADDITIONS[ai_][0]), [ADDITIONS[ai_][1]], "modified", "comment",
        f"「{ADDITIONS[ai_][0]}」を追記")
    (gi, k), ai_ = d["campaign"]
    row("campaign", _find(blocks, pr, ADDITIONS[ai_][0]), [ADDITIONS[ai_][1]], "modified", "comment",
        f"「{ADDITIONS[ai_][0]}」を追記")
    gi, k = d["rename"]
    old = goals[gi].items[k].title
    row("rename", _find_heading_endswith(blocks, pr, RENAMES[old]) + _find(blocks, pr, RENAMES[old], "table", ti),
        [old, RENAMES[old]], "renamed", "comment", f"施策名「{old}」を「{RENAMES[old]}」に変更")
    (gi, k), ri = d["row"]
    name = NEW_TORIKUMI[ri][0]
    row("row", _find(blocks, pr, name, "table", "(3)"), [name], "modified", "comment", f"具体的な取組に「{name}」を追加")
    gi, k = d["column"]
    c = NEW_COLUMNS[k]
    # a コラム is a box in its 重点目標, no heading of the outline: the row is the 重点目標's
    row("column", [(p[:3], pg) for p, pg in _find(blocks, pr, f"コラム　{c[0]}", "column")], [c[0]], "added", "internal",
        f"コラム「{c[0]}」を追加")
    gi, k = d["target"]
    ind = goals[gi].items[k].indicator
    assert ind
    new_t = f"{int(ind[3].rstrip('％')) + 5}％"
    row("target", _find(blocks, pr, ind[0], "table", "(4)"), [ind[3], new_t], "modified", "comment",
        f"成果指標「{ind[0]}」の目標値を{ind[3]}から{new_t}に引上げ")
    inds = [it for it in goals[d["refresh"]].items if it.indicator]
    row("refresh", [p for it in inds for p in _find(blocks, pr, it.indicator[0], "table", "(4)")],  # type: ignore[index]
        ["令和５年度", inds[0].values["r5"]], "modified", "internal",
        f"成果指標の現状値を令和５年度の数値に更新（{inds[0].indicator[0]} {inds[0].values['r4']}→{inds[0].values['r5']}）")  # type: ignore[index]
    if d["term"] is not None:
        term = NEW_TERMS[d["term"]][0]
        row("term", _find(blocks, pr, term, "table", "１　用語解説"), [term], "modified", "comment",
            f"用語解説に「{term}」を追加")
    # the 別紙2 in the order of the 案's pages
    rows.sort(key=lambda rw: (min(rw["an_pages"]), rw["an_pages"]))
    for n, rw in enumerate(rows, start=1):
        rw["id"] = f"R{n}"
    editorial: list[dict] = []
    for b in blocks:
        raws = [b.raw] if b.kind == "p" else [c for r in b.rows_raw for c in r if c]
        for raw in raws:
            for before, after, cb, ca in editorial_edits(raw, plan):
                editorial.append({"id": f"E{len(editorial) + 1}", "section_path": list(b.path), "before": before,
                                  "after": after, "core_before": cb, "core_after": ca})
    row_of: dict[str, list[str]] = {}
    for rw in rows:
        for cid in rw["cause"]["comment_ids"]:
            row_of.setdefault(cid, []).append(rw["id"])
    comments = []
    campaigns: dict[str, list[str]] = {}
    for i, c in enumerate(plan.comments):
        if c["group"]:
            campaigns.setdefault(c["group"], []).append(ids[i])
    for i, c in enumerate(plan.comments):
        rep = campaigns[c["group"]][0] if c["group"] else ids[i]
        comments.append({"id": ids[i], "ref": c["ref"], "reflected": c["reflected"], "row_ids": row_of.get(rep, [])})
    return {"case": f"blind17-s{plan.seed}", "rows": rows, "comments": comments, "editorial": editorial,
            "campaigns": [{"representative": m[0], "members": m} for m in campaigns.values()]}


def _find_heading_endswith(blocks: list[Block], printed: Printed, title: str) -> list[tuple[tuple[str, ...], int]]:
    out = [(b.path, printed.heading_pages[i]) for i, b in enumerate(blocks)
           if b.kind == "h" and b.level == 5 and b.text[2:] == title]
    assert len(out) == 1, (title, out)
    return out


# ---------------------------------------------------------------------------------------------------------------
# the files

def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    """素案 and 案 (DOCX and/or PDF, as the seed publishes them), 別紙1 (XLSX or PDF) and expected.json in ``d``."""
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for an, name in ((False, "soan"), (True, "an")):
        blocks = build(plan, an)
        printed = lay_out_plan(plan, blocks, an)
        pdf = d / f"{name}.pdf"
        write_plan_pdf(printed, pdf)
        files[f"{name}_pdf"] = pdf
        fmt = plan.formats[1 if an else 0]
        if fmt == "docx":
            docx = d / f"{name}.docx"
            write_docx(plan, blocks, printed, an, docx)
            files[name] = docx
        else:
            files[name] = pdf
    if plan.formats[2] == "xlsx":
        files["comments"] = d / "bessi1.xlsx"
        write_bessi1_xlsx(plan, files["comments"])
    else:
        files["comments"] = d / "bessi1.pdf"
        write_bessi1_pdf(plan, files["comments"])
    files["expected"] = d / "expected.json"
    files["expected"].write_text(json.dumps(expected(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files


def summary(plan: Plan) -> dict:
    blocks = build(plan, True)
    pages = len(lay_out_plan(plan, blocks, True).pages) - 2
    return {"prefecture": plan.pref, "soan": plan.formats[0], "an": plan.formats[1], "bessi1": plan.formats[2],
            "headings": plan.formats[3] if "docx" in plan.formats[:2] else "-", "an_pages": pages,
            "comments": len(plan.comments), "rows": 12 + plan.d["law"] + plan.d["national"] - 1 + (plan.d["term"] is not None)}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
