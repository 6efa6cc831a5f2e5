"""The fourteenth blind family: a city's 「地域公共交通計画」 (活性化再生法 第5条), 素案 → 案 after a
パブリックコメント, written without reading revtool/changes, comments, compare, extract or the other
families' generators.

A plan of about 35-45 printed pages: an unnumbered cover, front matter numbered in roman figures
(はじめに, 目次 with pages), then 第1章 … 第6章 and 資料編 with decimal numbering (第1章 / 1-1 / 1-1-1 /
(1), ① items in the text), a 施策の体系 table on a landscape page, figure captions with the space the
figure takes, a running head 「○○市地域公共交通計画（素案）」 and footers 「- n -」. The numbering is
printed half-width on some seeds and full-width (第１章 / １．１ / １．１．１ / （１）) on others.

Formats differ per seed as offices publish: DOCX 素案 and 案 (+ their PDFs), PDF only, or a DOCX 素案 with
a PDF-only 案. 別紙1 (No. | 該当ページ | 該当箇所 | ご意見の概要 | 市の考え方 [| 対応区分 / 区分]) as a CSV
(UTF-8 with BOM or CP932), an XLSX or a ruled PDF table; the answer type written out, as a letter with a
legend, or absent. Page refs are written 「p.12」「12ページ」「P12～13」, a few point at the wrong page or
施策 number; grouped comments say 「（ほか2件）」「（同趣旨3件）」.

Decisions (truth rows): comments (a KPI 目標値 raised, a 取組 added to a 施策's ① list and its schedule,
a sentence added to a 現状と課題, 「…を検討します」→ a dated commitment, a 用語解説 entry, a 課題 added);
external (活性化再生法 amended — new law number — cited in 1-1 and 1-3, one row); internal (a 施策 renamed
in its heading and the 施策の体系, the KPI 現状値 refreshed to 令和6年度, a schedule postponed, a 施策
deleted and another split in two (odd seeds) or a 施策 moved to another 基本方針 (even seeds)). Editorial edits that are not rows: 等→など, 行う→する, 子供→子ども,
取組み→取組, typos fixed, 「また」→「また、」, full-width digits, two sentences swapped.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

import docx
import openpyxl
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from benchmarks.plan_pdf import text_op, write_page_ops

BLIND14_TUNING_SEEDS = (16001, 16002, 16003)
BLIND14_SEEDS = (16101, 16102, 16103)

# soan format, an format, 別紙1 format, answer-type column
_FORMATS = {
    16001: ("docx", "docx", "csv-utf8", "written"),
    16002: ("pdf", "pdf", "pdf", "symbol"),
    16003: ("docx", "pdf", "xlsx", "symbol"),
    16101: ("docx", "pdf", "pdf", "written"),
    16102: ("docx", "docx", "xlsx", "none"),
    16103: ("pdf", "pdf", "csv-cp932", "symbol"),
}
_TYPES_SYMBOL = {"反映": "A", "既記載": "B", "参考": "C", "その他": "D"}

PW, PH = 595, 842
LW, LH = 842, 595

# --------------------------------------------------------------------------- model


@dataclass
class Block:
    uid: int
    kind: str  # p | item | table | figure
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    landscape: bool = False


@dataclass
class Sec:
    uid: int
    heading: str
    blocks: list[Block] = field(default_factory=list)
    children: list["Sec"] = field(default_factory=list)
    new_page: bool = False


@dataclass
class Plan:
    seed: int
    city: str
    formats: tuple[str, str, str, str]
    soan: list[Sec]
    an: list[Sec]
    decisions: list[dict]
    comments: list[dict]
    editorial: list[dict]
    fw: bool


# --------------------------------------------------------------------------- content banks

_CITIES = [("桜川市", "さくらループ", "JR東西線", "桜川駅", "北部", "西部", "川端"),
           ("東山市", "ひがしやま号", "東山電鉄本線", "東山中央駅", "山手", "南部", "緑町"),
           ("北浦市", "きたうらバス", "JR北浦線", "北浦駅", "浜手", "東部", "港町"),
           ("若葉台市", "わかばループ", "若葉台鉄道", "若葉台駅", "丘陵", "北部", "本町"),
           ("白石川市", "しろいしコミュニティバス", "JR白石川線", "白石川駅", "上流", "西部", "新町")]

_POLICIES = ["持続可能な公共交通ネットワークの形成",
             "誰もが安心して利用できる公共交通サービスの提供",
             "地域とともに支え育てる公共交通の実現"]

# 施策 bank per 基本方針: title, 現状と課題 sentences, 取組 items (label, text, actor, schedule),
# the item a comment adds, the sentence a comment adds, the title it may be renamed to
_MEASURES: list[list[dict]] = [[
    dict(t="幹線バス路線の維持・確保",
         k=["{station}と市内各地区を結ぶ幹線バス路線は、通勤・通学や通院に欠かせない移動手段ですが、年間利用者数は令和元年度と比べて約{d}割減少しています。",
            "運転士不足の影響により、令和6年4月以降、一部の路線で減便が行われており、運行本数の維持が課題となっています。"],
         i=[("運行の維持", "幹線バス路線について、交通事業者と連携し、運行本数と運行時間帯の維持を図ります。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("運行支援", "利用状況等を踏まえ、国・県の補助制度を活用した運行支援を行います。", "市", ["実施", "→", "→", "→", "→"]),
            ("経路の見直し", "{area1}方面の路線について、病院や商業施設を経由する運行経路への見直しを検討します。", "市・交通事業者", ["検討", "検討", "実施", "→", "→"]),
            ("利用実態の把握", "ICカードの乗降データ等を活用し、区間ごとの利用実態を定期的に把握します。", "市・交通事業者", ["実施", "→", "→", "→", "→"])],
         add=("車両の小型化", "利用の少ない時間帯について、小型車両による運行への切替えを交通事業者と協議します。", "市・交通事業者", ["協議", "実施", "→", "→", "→"]),
         ks="特に夜間の便が少なく、{station}から帰宅する通勤者や高校生が利用しにくい状況にあります。", kw="夜間の便",
         rn="幹線バス路線の維持・活性化", sp=("路線バスの利用実態の把握と見直し", "区間ごとの利用実態に基づき、路線と運行本数が適切に見直されています。", "路線の見直しには、区間ごとの利用実態を継続的に把握することが欠かせません。")),
    dict(t="コミュニティバスの路線再編",
         k=["コミュニティバス「{bus}」は、平成20年の運行開始から市民の日常の足として定着していますが、路線が長く、所要時間がかかることが課題です。",
            "運行経費に占める市の負担は年々増加しており、利用状況に応じた効率的な運行が求められています。"],
         i=[("路線の再編", "利用実態に応じて、循環ルートを短縮し、運行間隔を短くする路線再編を行います。", "市", ["検討", "実施", "→", "→", "→"]),
            ("ダイヤの見直し", "{station}での鉄道との接続を考慮したダイヤへの見直しを行います。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("運賃体系の検討", "子供や高齢者等の運賃割引を含めた運賃体系の見直しを検討します。", "市", ["検討", "検討", "実施", "→", "→"]),
            ("車両の更新", "老朽化した車両を、順次ノンステップバスに更新します。", "市", ["→", "実施", "→", "→", "→"])],
         add=("停留所の新設", "地域の要望と利用見込みを踏まえ、{area2}地区への停留所の新設を検討します。", "市", ["検討", "実施", "→", "→", "→"]),
         ks="また、{area2}地区では最寄りの停留所まで500m以上離れた住宅地があり、停留所の配置の見直しが必要です。", kw="500m以上",
         rn="コミュニティバスの路線再編と利便性向上", sp=("コミュニティバスの運賃と車両の見直し", "利用しやすい運賃体系と、乗り降りしやすい車両が整っています。", "運賃体系は平成20年の運行開始から見直されておらず、車両の老朽化も進んでいます。")),
    dict(t="デマンド型交通の導入・拡充",
         k=["{area1}地区では、路線バスの廃止により公共交通の空白地域が生じており、高齢者等の移動手段の確保が急務となっています。",
            "予約に応じて運行するデマンド型交通は、需要の少ない地域でも効率的な運行が可能な手段として期待されています。"],
         i=[("実証運行", "{area1}地区において、デマンド型交通の実証運行を行い、効果を検証します。", "市", ["実証", "検証", "→", "→", "→"]),
            ("本格運行", "実証運行の結果を踏まえ、本格運行への移行を検討します。", "市", ["→", "検討", "実施", "→", "→"]),
            ("予約方法の充実", "電話に加え、スマートフォン等による予約受付の導入を図ります。", "市・運行事業者", ["検討", "実施", "→", "→", "→"]),
            ("区域の設定", "他地区への展開について、需要の把握を行います。", "市", ["→", "→", "調査", "検討", "→"])],
         add=("乗合タクシーの活用", "タクシー事業者と連携し、乗合タクシーによる運行の可能性を検討します。", "市・タクシー事業者", ["検討", "検討", "実施", "→", "→"]),
         ks="なお、令和6年度に実施した地区懇談会では、買物や通院のための移動に不安を感じているとの声が多く聞かれました。", kw="地区懇談会",
         rn="デマンド型交通による移動手段の確保", sp=("デマンド型交通の利便性向上", "スマートフォン等で手軽に予約でき、必要な地区で利用できるデマンド型交通となっています。", "予約が電話に限られていることや、運行区域が一部の地区に限られていることが利用の妨げとなっています。")),
    dict(t="交通結節点の機能強化",
         k=["{station}の駅前広場は、バス・タクシー・送迎車両が混在し、朝夕の時間帯に混雑が生じています。",
            "鉄道とバスの乗継ぎ動線が分かりにくく、案内表示の改善が求められています。"],
         i=[("駅前広場の改良", "{station}駅前広場のバス乗降場とタクシー乗降場の配置の見直しを行います。", "市", ["設計", "工事", "完了", "→", "→"]),
            ("案内表示の改善", "乗継ぎ動線に沿った案内表示を、多言語で整備します。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("パークアンドライド", "駅周辺の駐車場を活用したパークアンドライドの導入を検討します。", "市", ["検討", "検討", "実施", "→", "→"]),
            ("サイクルアンドライド", "駅周辺の駐輪場の適正な配置を図ります。", "市", ["→", "→", "→", "→", "→"])],
         add=("送迎スペースの確保", "駅前広場に一般車の送迎スペースを確保し、バス乗降場との分離を図ります。", "市", ["設計", "工事", "完了", "→", "→"]),
         ks="さらに、駅舎のバリアフリー化は完了しているものの、駅前広場から各乗降場までの段差の解消が残されています。", kw="段差の解消",
         rn="交通結節点の機能強化と乗継ぎ拠点の整備", sp=("パークアンドライド等の推進", "駅周辺の駐車場や駐輪場を活用し、自家用車や自転車から公共交通への乗換えが進んでいます。", "駅周辺の駐車場や駐輪場は、乗換えの拠点として十分に活用されていません。")),
], [
    dict(t="乗継ぎ環境の改善",
         k=["鉄道、路線バス、コミュニティバスの間で運賃やダイヤの連携が十分でなく、乗継ぎの負担が大きくなっています。",
            "市民アンケートでは、乗継ぎに不便を感じている人が回答者の約{d}割を占めています。"],
         i=[("乗継ぎ割引", "路線バスとコミュニティバスの乗継ぎ割引の導入を検討します。", "市・交通事業者", ["検討", "検討", "実施", "→", "→"]),
            ("ダイヤの調整", "主要な乗継ぎ地点で、待ち時間を短縮するダイヤ調整を行います。", "交通事業者", ["実施", "→", "→", "→", "→"]),
            ("共通乗車券", "観光客等も利用しやすい共通一日乗車券の発行を図ります。", "市・交通事業者", ["検討", "実施", "→", "→", "→"]),
            ("キャッシュレス化", "全ての路線でICカードやQRコード決済が利用できるよう取組みを進めます。", "交通事業者", ["実施", "→", "→", "→", "→"])],
         add=("乗継ぎ拠点の整備", "{area1}地区に、路線バスとデマンド型交通の乗継ぎ拠点を整備します。", "市", ["設計", "工事", "供用", "→", "→"]),
         ks="特に、{area1}地区から市立病院へ向かう場合は2回の乗継ぎが必要となっています。", kw="2回の乗継ぎ",
         rn="乗継ぎの負担の軽減"),
    dict(t="バス待ち環境の整備",
         k=["市内のバス停留所のうち、上屋やベンチが設置されているのは約{d}割にとどまっています。",
            "高齢者等が安心してバスを待つことができる環境の整備が求められています。"],
         i=[("上屋・ベンチの設置", "利用者の多い停留所から順次、上屋とベンチの設置を行います。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("沿道施設との連携", "商業施設やコンビニエンスストア等と連携し、店舗内で待つことができるバス待ちスポットを設けます。", "市・民間事業者", ["協議", "実施", "→", "→", "→"]),
            ("照明の設置", "夜間の安全確保のため、停留所への照明の設置を検討します。", "市", ["検討", "実施", "→", "→", "→"]),
            ("停留所の名称", "目的地が分かりやすい停留所名称への見直しを行います。", "交通事業者", ["→", "実施", "→", "→", "→"])],
         add=("暑さ対策", "夏季の暑さ対策として、日よけやミストの設置を停留所で試行します。", "市", ["試行", "実施", "→", "→", "→"]),
         ks="また、近年の猛暑により、夏季の屋外での待ち時間が利用者の健康上の負担となっています。", kw="猛暑",
         rn="バス待ち環境の改善"),
    dict(t="分かりやすい運行情報の提供",
         k=["バスの運行情報は事業者ごとに提供されており、市内の公共交通を一元的に調べることが難しい状況です。",
            "スマートフォンを利用しない高齢者等に向けた紙媒体の情報提供も引き続き必要です。"],
         i=[("総合時刻表", "市内の鉄道・バス・デマンド型交通をまとめた公共交通マップと総合時刻表を作成します。", "市", ["作成", "更新", "更新", "更新", "更新"]),
            ("オープンデータ化", "バスの時刻表等をGTFS形式でオープンデータ化し、経路検索サービスへの掲載を図ります。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("バスロケーション", "バスの現在位置が分かるバスロケーションシステムの導入を検討します。", "交通事業者", ["検討", "検討", "導入", "→", "→"]),
            ("出前講座", "高齢者等を対象に、バスの乗り方や経路検索の方法を学ぶ出前講座を行います。", "市", ["実施", "→", "→", "→", "→"])],
         add=("外国人向け案内", "外国人住民や観光客に向けて、多言語の公共交通ガイドを作成します。", "市", ["作成", "→", "→", "→", "→"]),
         ks="さらに、市の外国人住民は10年間で約2倍に増えており、多言語での情報提供が求められています。", kw="外国人住民",
         rn="分かりやすく利用しやすい運行情報の提供"),
    dict(t="高齢者・障がいのある人の移動支援",
         k=["高齢化の進展に伴い、運転免許を自主返納する高齢者が増えており、自家用車に代わる移動手段の確保が課題となっています。",
            "障がいのある人が安心して利用できるよう、車両や施設のバリアフリー化を進める必要があります。"],
         i=[("免許返納者支援", "運転免許を自主返納した高齢者に、コミュニティバスの回数券を交付します。", "市", ["実施", "→", "→", "→", "→"]),
            ("福祉有償運送", "NPO等による福祉有償運送の運営を支援します。", "市・NPO等", ["実施", "→", "→", "→", "→"]),
            ("ユニバーサルデザインタクシー", "ユニバーサルデザインタクシーの導入に対する補助を検討します。", "市", ["検討", "実施", "→", "→", "→"]),
            ("介助の理解促進", "乗務員を対象とした接遇研修等を行います。", "交通事業者", ["実施", "→", "→", "→", "→"])],
         add=("外出支援の連携", "地域包括支援センターと連携し、外出に不安のある高齢者に公共交通の利用方法を案内します。", "市", ["実施", "→", "→", "→", "→"]),
         ks="令和6年の本市の運転免許の自主返納者数は{n}人で、5年前の約1.5倍となっています。", kw="自主返納者数",
         rn="高齢者・障がいのある人の外出支援"),
], [
    dict(t="公共交通の利用促進",
         k=["自家用車への依存が高く、通勤時の公共交通の分担率は約{d}割にとどまっています。",
            "公共交通を「みんなで利用して支える」意識を高めることが必要です。"],
         i=[("モビリティマネジメント", "市内の事業所や学校と連携し、通勤・通学での公共交通の利用を働きかけるモビリティマネジメントを行います。", "市・事業所等", ["実施", "→", "→", "→", "→"]),
            ("乗り方教室", "小学生等を対象に、バスの乗り方教室を行います。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("イベントとの連携", "市のイベント等と連携した公共交通の利用促進キャンペーンを行います。", "市", ["実施", "→", "→", "→", "→"]),
            ("転入者への案内", "転入者に公共交通マップ等を配布します。", "市", ["実施", "→", "→", "→", "→"])],
         add=("エコ通勤の推進", "市職員が率先して公共交通による通勤に取り組むエコ通勤デーを設けます。", "市", ["実施", "→", "→", "→", "→"]),
         ks="コロナ禍以降、テレワークの普及等により通勤時の利用者が回復していない状況にあります。", kw="テレワーク",
         rn="公共交通の利用促進と意識の醸成"),
    dict(t="運転士の確保・育成支援",
         k=["全国的にバス運転士が不足しており、市内の交通事業者でも運転士の高齢化と担い手不足が深刻化しています。",
            "運転士の確保は、路線の維持に直結する喫緊の課題です。"],
         i=[("就職説明会", "交通事業者と連携し、運転士の合同就職説明会を行います。", "市・交通事業者", ["実施", "→", "→", "→", "→"]),
            ("免許取得支援", "大型第二種運転免許の取得費用に対する補助を検討します。", "市", ["検討", "実施", "→", "→", "→"]),
            ("職場環境の改善", "休憩施設の整備等、運転士の職場環境の改善を支援します。", "交通事業者", ["→", "→", "→", "→", "→"]),
            ("魅力の発信", "運転士の仕事の魅力を発信するPRを行います。", "市・交通事業者", ["実施", "→", "→", "→", "→"])],
         add=("女性運転士の確保", "女性や若年層の運転士を確保するため、短時間勤務等の多様な働き方の導入を支援します。", "交通事業者", ["検討", "実施", "→", "→", "→"]),
         ks="市内の交通事業者の運転士の平均年齢は{age}歳を超えており、今後10年で多くの退職が見込まれます。", kw="平均年齢",
         rn="運転士の確保・定着支援"),
    dict(t="地域が主体となった移動手段の確保",
         k=["一部の地区では、自治会やNPOが主体となって高齢者の送迎等を行う取組みが始まっています。",
            "こうした地域の取組みを支援し、持続可能な仕組みとすることが求められています。"],
         i=[("地域交通の立ち上げ支援", "地域が主体となる移動手段の立ち上げに向けて、専門家の派遣を行います。", "市", ["実施", "→", "→", "→", "→"]),
            ("運営費の補助", "地域が運営する移動手段に対し、運営費の一部を補助します。", "市", ["実施", "→", "→", "→", "→"]),
            ("車両の貸与", "公用車の活用等による車両の貸与を検討します。", "市", ["検討", "実施", "→", "→", "→"]),
            ("担い手の育成", "運転ボランティア等の担い手の育成に取り組みます。", "市・地域", ["実施", "→", "→", "→", "→"])],
         add=("事例の共有", "先行する地区の事例を紹介する地域交通フォーラムを開催します。", "市", ["開催", "→", "開催", "→", "開催"]),
         ks="一方、担い手の高齢化により、活動の継続が困難となっている団体もあります。", kw="担い手の高齢化",
         rn="地域が主体となった移動手段の確保と支援"),
    dict(t="観光と連携した公共交通の活用",
         k=["市内の観光地の多くは駅から離れており、観光客の多くが自家用車で来訪しています。",
            "観光客の公共交通利用を促すことで、路線の収支改善と観光地の渋滞緩和が期待されます。"],
         i=[("観光周遊バス", "休日に主要な観光地を巡る周遊バスの運行を検討します。", "市・観光協会", ["検討", "実証", "実施", "→", "→"]),
            ("シェアサイクル", "駅と観光地を結ぶシェアサイクルの導入を図ります。", "市・民間事業者", ["検討", "実施", "→", "→", "→"]),
            ("観光パス", "観光施設の割引と公共交通の乗車券を組み合わせた観光パスを発行します。", "市・観光協会", ["検討", "実施", "→", "→", "→"]),
            ("観光案内", "観光案内所で公共交通の利用案内を行います。", "観光協会", ["実施", "→", "→", "→", "→"])],
         add=("MaaSの検討", "経路検索と予約・決済を一体で提供するMaaSの導入を検討します。", "市・交通事業者", ["検討", "検討", "実証", "→", "→"]),
         ks="また、観光シーズンの休日には、観光地周辺の道路で渋滞が発生しています。", kw="渋滞",
         rn="観光と連携した公共交通の利用促進"),
]]

_GOALS = ["通勤・通学や通院、買物等の日常の移動を支える公共交通網が、将来にわたって維持されています。",
          "年齢や障がいの有無にかかわらず、誰もが安心して公共交通を利用できています。",
          "市民、交通事業者、市がそれぞれの役割を担い、みんなで公共交通を支えています。"]

_GLOSSARY = [("活性化再生法", "地域公共交通の活性化及び再生に関する法律の略称。地域公共交通計画の作成等について定めています。"),
             ("地域公共交通会議", "道路運送法に基づき、地域の実情に応じた旅客運送の在り方を協議する会議。"),
             ("デマンド型交通", "利用者の予約に応じて、運行経路や時刻を柔軟に設定して運行する交通。"),
             ("ノンステップバス", "乗降口の段差をなくし、高齢者や車いす利用者が乗降しやすいバス。"),
             ("交通結節点", "鉄道とバスなど、異なる交通手段を相互に連絡する乗継ぎの場所。"),
             ("モビリティマネジメント", "一人ひとりの移動が、自家用車に過度に頼らない方向へ自発的に変化することを促す取組。"),
             ("公共交通空白地域", "駅やバス停留所から一定の距離以上離れ、公共交通を利用しにくい地域。")]
_GLOSSARY_ADD = [("GTFS", "公共交通の時刻表や停留所の情報を共通の形式で記述するためのデータ形式。"),
                 ("MaaS", "複数の交通手段を組み合わせて、検索・予約・決済を一括で行うサービス。"),
                 ("パークアンドライド", "自家用車で最寄りの駅等まで行き、駐車して公共交通に乗り換える方法。")]

# --------------------------------------------------------------------------- numbering


def _fw(s: str) -> str:
    """Full-width figures; the decimal numbers then written with 「．」 (１．２．１) — a 「－」 would come back
    from these PDFs as U+2212 (see ``as_read``), and the scorer compares headings by NFKC alone."""
    return s.translate(str.maketrans("0123456789-()", "０１２３４５６７８９．（）"))


class _Num:
    def __init__(self, fw: bool) -> None:
        self.fw = fw

    def conv(self, s: str) -> str:
        return _fw(s) if self.fw else s

    def chap(self, n: int, t: str) -> str:
        return self.conv(f"第{n}章") + "　" + t

    def l2(self, a: int, b: int, t: str) -> str:
        return self.conv(f"{a}-{b}") + "　" + t

    def l3(self, a: int, b: int, c: int, t: str) -> str:
        return self.conv(f"{a}-{b}-{c}") + "　" + t

    def paren(self, n: int, t: str) -> str:
        return self.conv(f"({n})") + ("" if self.fw else "　") + t

    def measure(self, p: int, m: int) -> str:
        return "施策" + self.conv(f"{p}-{m}")


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

# --------------------------------------------------------------------------- building the 素案


class _Builder:
    def __init__(self, rng: random.Random, fw: bool, city: tuple[str, ...]) -> None:
        self.rng = rng
        self.n = _Num(fw)
        self.uid = 0
        self.city, self.bus, self.rail, self.station, self.area1, self.area2, self.town = city
        self.fill = dict(city=self.city, bus=self.bus, rail=self.rail, station=self.station, area1=self.area1,
                         area2=self.area2, town=self.town)

    def next(self) -> int:
        self.uid += 1
        return self.uid

    def f(self, s: str) -> str:
        return s.format(d=self.rng.randint(2, 4), n=self.rng.choice([312, 287, 405, 356, 198]), age=self.rng.randint(50, 54),
                        **self.fill)

    def p(self, text: str) -> Block:
        return Block(self.next(), "p", self.f(text))

    def item(self, i: int, text: str) -> Block:
        return Block(self.next(), "item", _CIRCLED[i] + "　" + self.f(text))

    def table(self, rows: list[list[str]], landscape: bool = False) -> Block:
        return Block(self.next(), "table", rows=[[self.f(c) for c in r] for r in rows], landscape=landscape)

    def fig(self, caption: str) -> Block:
        return Block(self.next(), "figure", self.f(caption))

    def sec(self, heading: str, blocks: list[Block], children: list[Sec] | None = None, new_page: bool = False) -> Sec:
        return Sec(self.next(), self.f(heading) if "{" in heading else heading, blocks, children or [], new_page)


def _build(seed: int, rng: random.Random, fw: bool) -> tuple[list[Sec], dict]:
    city = _CITIES[(seed + seed // 100) % len(_CITIES)]
    b = _Builder(rng, fw, city)
    n = b.n
    chosen = [sorted(rng.sample(range(4), rng.choice([3, 4]))) for _ in range(3)]
    info: dict = {"city": b.city, "measures": [], "builder": b}
    law_old = "令和5年法律第18号"
    ch1 = b.sec(n.chap(1, "計画の概要"), [], [
        b.sec(n.l2(1, 1, "計画策定の背景と目的"), [
            b.p("本市の公共交通は、{rail}と路線バス、コミュニティバス「{bus}」、タクシー等により構成され、市民の通勤・通学や通院、買物等の日常生活を支えてきました。"),
            b.p("しかしながら、人口減少や少子高齢化の進展、自家用車への依存等により公共交通の利用者は減少傾向にあり、さらに運転士不足の深刻化により、路線の維持が困難になりつつあります。"),
            b.p(f"国においては、令和5年に地域公共交通の活性化及び再生に関する法律（平成19年法律第59号。以下「活性化再生法」という。）が改正され（{law_old}）、地域の関係者の連携と協働による地域公共交通の再構築を進める方針が示されました。"),
            b.p("本計画は、こうした状況を踏まえ、まちづくりと一体となった持続可能な公共交通網を形成するため、本市の地域公共交通のマスタープランとして策定するものです。"),
            b.fig("図表1-1　市内の公共交通の利用者数の推移"),
        ]),
        b.sec(n.l2(1, 2, "計画の区域と期間"), [
            b.p("本計画の区域は市全域とします。また計画期間は、令和8年度から令和12年度までの5年間とします。"),
            b.table([["項目", "内容"], ["計画の区域", "{city}全域"], ["計画の期間", "令和8年度～令和12年度（5年間）"]]),
        ]),
        b.sec(n.l2(1, 3, "計画の位置付け"), [
            b.p(f"本計画は、活性化再生法第5条に基づく地域公共交通計画（{law_old}による改正後のもの）として位置付けます。"),
            b.p("また、本市の最上位計画である「第6次{city}総合計画」や「{city}都市計画マスタープラン」、「{city}立地適正化計画」等の関連計画と整合を図ります。"),
            b.fig("図表1-2　計画の位置付け"),
        ]),
    ], new_page=True)
    pop = [rng.randint(118, 126) * 1000 + rng.randint(0, 999)]
    for _ in range(3):
        pop.append(pop[-1] - rng.randint(1500, 3500))
    ch2 = b.sec(n.chap(2, "地域の現状"), [], [
        b.sec(n.l2(2, 1, "人口と土地利用"), [], [
            b.sec(n.paren(1, "人口の推移"), [
                b.p(f"本市の人口は、平成22年の{pop[0]:,}人をピークに減少に転じ、令和7年には{pop[3]:,}人と推計されています。一方、65歳以上の人口は増加を続けており、高齢化率は約{rng.randint(29, 34)}％に達しています。"),
                b.table([["年", "総人口", "65歳以上人口", "高齢化率"]] +
                        [[y, f"{p:,}人", f"{int(p * r / 100):,}人", f"{r}％"] for y, p, r in
                         zip(["平成22年", "平成27年", "令和2年", "令和7年（推計）"], pop, [22, 26, 29, 31])]),
                b.fig("図表2-1　人口と高齢化率の推移"),
            ]),
            b.sec(n.paren(2, "市街地と主な施設の分布"), [
                b.p("市街地は{station}を中心に広がっており、市役所や市立病院、大型商業施設等の主な施設も駅周辺に集まっています。"),
                b.p("{area1}地区や{area2}地区には住宅団地が点在しており、駅から離れた地域でも高齢化が進んでいます。子供の通学や高齢者の通院等、日常の移動を支える公共交通の確保が求められています。"),
            ]),
        ]),
        b.sec(n.l2(2, 2, "公共交通の現状"), [], [
            b.sec(n.paren(1, "鉄道"), [
                b.p("市内には{rail}の3駅があり、{station}の1日平均乗車人員は市内で最も多くなっています。"),
                b.table([["駅名", "1日平均乗車人員（令和5年度）"], ["{station}", f"{rng.randint(14, 19)},{rng.randint(100, 999)}人"],
                         [f"{b.town}駅", f"{rng.randint(4, 7)},{rng.randint(100, 999)}人"], [f"{b.area2}口駅", f"{rng.randint(1, 3)},{rng.randint(100, 999)}人"]]),
            ]),
            b.sec(n.paren(2, "路線バス"), [
                b.p("路線バスは2社により{k}路線が運行されています。利用者数は新型コロナウイルス感染症の影響により大きく減少し、現在も令和元年度の水準まで回復していません。".replace("{k}", str(rng.randint(11, 16)))),
                b.table([["路線", "運行事業者", "運行本数（平日）", "年間利用者数（令和5年度）"]] +
                        [[f"{s}線", c, f"{rng.randint(12, 60)}便", f"{rng.randint(50, 420)}千人"] for s, c in
                         [(b.area1, "A交通"), (b.area2, "A交通"), (b.town, "B観光バス"), ("市立病院", "B観光バス")]]),
                b.fig("図表2-2　路線バスの運行状況"),
            ]),
            b.sec(n.paren(3, "コミュニティバス"), [
                b.p("コミュニティバス「{bus}」は、4路線を市が運行しています。運賃は1乗車100円で、令和5年度の年間利用者数は約{k}万人です。".replace("{k}", str(rng.randint(9, 14)))),
            ]),
            b.sec(n.paren(4, "タクシー・デマンド型交通"), [
                b.p("市内では3社がタクシーを運行しています。デマンド型交通は、令和4年度から{area1}地区で試験的に運行を行っています。"),
                b.p("デマンド型交通の利用登録者数は約{n}人で、利用者の多くは75歳以上の高齢者です。通院や買物での利用が中心となっています。"),
                b.fig("図表2-4　公共交通の路線図"),
            ]),
        ]),
        b.sec(n.l2(2, 3, "市民アンケート調査の結果"), [
            b.p("令和6年度に、市内在住の18歳以上の市民3,000人を対象にアンケート調査を行いました（回収率{k}％）。".replace("{k}", str(rng.randint(38, 47)))),
            b.table([["設問", "主な回答", "割合"], ["ふだんの主な移動手段", "自家用車", f"{rng.randint(58, 70)}％"],
                     ["公共交通への不満", "運行本数が少ない", f"{rng.randint(40, 55)}％"],
                     ["公共交通への不満", "乗継ぎが不便", f"{rng.randint(20, 33)}％"],
                     ["今後の公共交通", "市の負担を増やしてでも維持すべき", f"{rng.randint(35, 48)}％"]]),
            b.fig("図表2-3　アンケート調査の主な結果"),
        ]),
        b.sec(n.l2(2, 4, "上位・関連計画"), [], [
            b.sec(n.paren(1, "第6次{city}総合計画"), [
                b.p("総合計画では、将来都市像の実現に向けて「誰もが移動しやすいまちづくり」を掲げ、公共交通の維持・確保と利用促進を施策として位置付けています。"),
            ]),
            b.sec(n.paren(2, "{city}都市計画マスタープラン"), [
                b.p("都市計画マスタープランでは、{station}周辺を都市拠点、{town}駅周辺等を地域拠点とし、拠点間を公共交通で結ぶ集約型の都市構造を目指しています。"),
                b.fig("図表2-5　将来都市構造図"),
            ]),
            b.sec(n.paren(3, "{city}立地適正化計画"), [
                b.p("立地適正化計画では、居住誘導区域と都市機能誘導区域を定め、公共交通の利便性の高い地域への居住の誘導を図ることとしています。"),
                b.p("本計画では、これらの区域を結ぶ公共交通の充実を図り、まちづくりと一体となった公共交通網の形成を目指します。"),
            ]),
        ]),
        b.sec(n.l2(2, 5, "公共交通の収支と市の負担"), [
            b.p("コミュニティバスとデマンド型交通の運行経費は年々増加しており、令和5年度の市の負担額は約{k}千万円となっています。".replace("{k}", str(rng.randint(9, 15)))),
            b.table([["年度", "運行経費", "運賃収入", "市負担額"]] +
                    [[y, f"{c}百万円", f"{r}百万円", f"{c - r}百万円"] for y, c, r in
                     zip(["令和3年度", "令和4年度", "令和5年度"], [rng.randint(120, 130), rng.randint(131, 140), rng.randint(141, 150)],
                         [rng.randint(20, 24), rng.randint(24, 27), rng.randint(27, 30)])]),
            b.fig("図表2-6　運行経費と市負担額の推移"),
        ]),
    ], new_page=True)
    for c in ch2.children:
        c.new_page = True
    issues = ["人口減少と利用者の減少により、公共交通の維持が難しくなっています。",
              "{area1}地区等に公共交通の空白地域が生じています。",
              "鉄道とバス、バス相互の乗継ぎが不便です。",
              "高齢者等が利用しやすい環境の整備が十分ではありません。",
              "公共交通に関する情報が分かりにくくなっています。",
              "運転士不足により、運行本数の維持が困難になっています。"]
    ch3 = b.sec(n.chap(3, "地域公共交通の課題"), [], [
        b.sec(n.l2(3, 1, "課題の整理"), [b.p("第2章で整理した現状等から、本市の地域公共交通の課題を次のとおり整理します。")] +
              [b.item(i, t) for i, t in enumerate(issues)] + [b.fig("図表3-1　現状と課題の整理")]),
        b.sec(n.l2(3, 2, "課題と基本方針の関係"), [
            b.p("これらの課題に対応するため、次章において3つの基本方針を定めます。課題①②⑥は基本方針1、課題③④⑤は基本方針2、全ての課題に共通する地域の取組みは基本方針3に対応します。"),
        ]),
    ], new_page=True)
    kpis = [("コミュニティバスの年間利用者数", "{a}万人", lambda: rng.randint(9, 12), 1.5),
            ("路線バスの年間利用者数", "{a}万人", lambda: rng.randint(120, 160), 10),
            ("公共交通に満足している市民の割合", "{a}％", lambda: rng.randint(25, 35), 10),
            ("公共交通空白地域の人口", "{a}人", lambda: rng.randint(3000, 4500), -1500),
            ("上屋・ベンチのある停留所の割合", "{a}％", lambda: rng.randint(20, 30), 15),
            ("市の負担額（利用者1人当たり）", "{a}円", lambda: rng.randint(600, 800), -100)]
    kpi_rows = [["No.", "評価指標", "現状値（令和5年度）", "目標値（令和12年度）", "関連する施策"]]
    kpi_meta = []
    for i, (name, unit, now, step) in enumerate(kpis):
        a = now()
        tgt = round(a + step, 1) if isinstance(step, float) else a + step
        rel = n.measure(1 if i < 2 or i == 3 else (2 if i == 4 else 3 if i == 5 else 2), 1)
        kpi_rows.append([str(i + 1), name, unit.format(a=a), unit.format(a=tgt), rel])
        kpi_meta.append((name, unit, a, tgt, step))
    info["kpi_meta"] = kpi_meta
    ch4 = b.sec(n.chap(4, "計画の基本方針と目標"), [], [
        b.sec(n.l2(4, 1, "基本理念"), [b.p("本計画の基本理念を「まちと人をつなぎ、みんなで支える{city}の公共交通」とします。")]),
        b.sec(n.l2(4, 2, "基本方針"), [b.p(f"基本方針{i + 1}　{t}") for i, t in enumerate(_POLICIES)] +
              [b.p("3つの基本方針の下、交通事業者、市民、市が連携して施策を推進します。")]),
        b.sec(n.l2(4, 3, "計画の目標と評価指標"), [
            b.p("計画の達成状況を評価するため、次の評価指標を設定します。目標値は、計画の最終年度である令和12年度の値とします。"),
            b.table(kpi_rows),
        ]),
    ], new_page=True)
    # 第5章
    fig_no = [0]
    taikei = [["基本理念", "基本方針", "施策", "主な取組"]]
    pol_secs = []
    for p, picks in enumerate(chosen):
        ms = []
        for j, mi in enumerate(picks):
            m = _MEASURES[p][mi]
            label = n.measure(p + 1, j + 1)
            items = [b.item(k, it[1]) for k, it in enumerate(m["i"])]
            sched = b.table([["取組", "実施主体", "令和8年度", "令和9年度", "令和10年度", "令和11年度", "令和12年度"]] +
                            [[it[0], it[2]] + list(it[3]) for it in m["i"]])
            fig_no[0] += 1
            s = b.sec(n.l3(5, p + 2, j + 1, f"{label}　{m['t']}"), [
                b.p(f"【目指す姿】{m['i'][0][0]}や{m['i'][1][0]}などの取組を通じて、{_GOALS[p]}"),
            ], [
                b.sec(n.paren(1, "現状と課題"), [b.p("".join(m["k"])), b.fig(f"図表5-{fig_no[0]}　{m['i'][0][0]}の状況")]),
                b.sec(n.paren(2, "取組内容"), items),
                b.sec(n.paren(3, "実施主体とスケジュール"), [sched]),
            ])
            s.new_page = True
            ms.append(s)
            info["measures"].append(dict(p=p, j=j, bank=m, sec=s, label=label, items=items, sched=sched))
            taikei.append(["まちと人をつなぎ、みんなで支える公共交通" if p == 0 and j == 0 else "",
                           f"基本方針{p + 1}　{_POLICIES[p]}" if j == 0 else "", f"{label}　{m['t']}",
                           "・".join(it[0] for it in m["i"][:3])])
        pol_secs.append(b.sec(n.l2(5, p + 2, f"基本方針{p + 1}　{_POLICIES[p]}"), [], ms, new_page=True))
    taikei_block = b.table(taikei, landscape=True)
    info["taikei"] = taikei_block
    ch5 = b.sec(n.chap(5, "目標達成のための施策"), [], [
        b.sec(n.l2(5, 1, "施策の体系"), [b.p("基本理念の実現に向けて、基本方針ごとに次の施策を展開します。"), taikei_block]),
    ] + pol_secs, new_page=True)
    ch6 = b.sec(n.chap(6, "計画の推進"), [], [
        b.sec(n.l2(6, 1, "推進体制"), [
            b.p("本計画は、{city}地域公共交通会議を中心に、交通事業者、市民、関係機関と連携して推進します。事務局は都市整備部交通政策課が担います。"),
            b.fig("図表6-1　計画の推進体制"),
        ]),
        b.sec(n.l2(6, 2, "進行管理"), [
            b.p("計画の進行管理は、PDCAサイクルにより行います。評価指標の達成状況を毎年度把握し、{city}地域公共交通会議に報告します。"),
            b.item(0, "Plan（計画）：計画の策定、見直しを行います。"),
            b.item(1, "Do（実行）：各施策を実施します。"),
            b.item(2, "Check（評価）：評価指標等により達成状況を評価します。"),
            b.item(3, "Action（改善）：評価結果を踏まえ、施策の改善を行います。"),
        ]),
        b.sec(n.l2(6, 3, "評価の時期"), [
            b.table([["区分", "時期", "内容"], ["毎年度の評価", "毎年度末", "評価指標の把握、施策の実施状況の確認"],
                     ["中間評価", "令和10年度", "目標の達成状況の確認、必要に応じた計画の見直し"],
                     ["最終評価", "令和12年度", "計画全体の評価、次期計画への反映"]]),
        ]),
    ], new_page=True)
    gl = [list(x) for x in _GLOSSARY]
    glossary = b.table([["用語", "解説"]] + gl)
    info["glossary"] = glossary
    steps = [["令和7年5月", "市民アンケート調査の実施"], ["令和7年7月", "第1回{city}地域公共交通会議"],
             ["令和7年10月", "第2回{city}地域公共交通会議（素案の協議）"], ["令和7年11月", "パブリックコメントの実施"]]
    ch7 = b.sec("資料編", [], [
        b.sec(n.conv("1") + "　計画策定の経過", [b.table([["時期", "内容"]] + steps)]),
        b.sec(n.conv("2") + "　{city}地域公共交通会議委員名簿".replace("{city}", b.city), [b.table([["区分", "所属", "氏名"]] + [
            [k, f, nm] for k, f, nm in [("学識経験者", "県立大学", "青木　誠"), ("交通事業者", "A交通株式会社", "石田　健"),
                                          ("交通事業者", "B観光バス株式会社", "上野　浩"), ("交通事業者", "市タクシー協会", "江口　修"),
                                          ("運転者代表", "A交通労働組合", "大西　学"), ("市民代表", "自治会連合会", "加藤　和子"),
                                          ("市民代表", "老人クラブ連合会", "木村　昭"), ("市民代表", "公募委員", "久保　明美"),
                                          ("関係機関", "国土交通省運輸局", "小林　剛"), ("関係機関", "県交通政策課", "斉藤　亮"),
                                          ("関係機関", "警察署", "佐野　徹"), ("道路管理者", "県土木事務所", "島田　進"),
                                          ("市", "都市整備部長", "杉本　隆")]])]),
        b.sec(n.conv("3") + "　用語解説", [glossary]),
    ], new_page=True)
    ch1.children[2].new_page = True  # 計画の位置付け: its 図 takes most of a page
    ch4.children[2].new_page = True
    ch6.children[1].new_page = True
    info["issues_sec"] = ch3.children[0]
    info["ch1"] = ch1
    info["ch6"] = ch6
    info["kpi_block"] = ch4.children[2].blocks[1]
    info["kpi_sec"] = ch4.children[2]
    info["pol_secs"] = pol_secs
    info["steps"] = ch7.children[0]
    return [ch1, ch2, ch3, ch4, ch5, ch6, ch7], info


# --------------------------------------------------------------------------- tree helpers


def _walk(tree: list[Sec], path: tuple[str, ...] = ()):
    for s in tree:
        p = path + (s.heading,)
        yield s, list(p)
        yield from _walk(s.children, p)


def _find(tree: list[Sec], uid: int) -> tuple[Sec, list[str]]:
    for s, p in _walk(tree):
        if s.uid == uid:
            return s, p
    raise KeyError(uid)


def _block(tree: list[Sec], uid: int) -> tuple[Block, Sec, list[str]]:
    for s, p in _walk(tree):
        for bl in s.blocks:
            if bl.uid == uid:
                return bl, s, p
    raise KeyError(uid)


def _full_text(tree: list[Sec]) -> str:
    parts = []
    for s, _ in _walk(tree):
        parts.append(s.heading)
        for bl in s.blocks:
            parts.append(bl.text if bl.kind != "table" else "".join("".join(r) for r in bl.rows))
    return "".join(parts)


# --------------------------------------------------------------------------- decisions


def _plain(sent: str) -> str:
    """A です/ます sentence (without its 。) in plain form, as a commenter writes it."""
    for a, b2 in (("ています", "ている"), ("あります", "ある"), ("れます", "れる"), ("います", "いる"), ("です", "だ"),
                  ("ます", "る")):
        if sent.endswith(a):
            return sent[: -len(a)] + b2
    return sent


def _decide(seed: int, rng: random.Random, soan: list[Sec], info: dict) -> tuple[list[Sec], list[dict], set[int]]:
    """The 案 (a copy of the 素案 with the decisions applied), the decisions (with where their new text is)
    and the uids of blocks and sections the decisions touched (no editorial edit goes there)."""
    an = copy.deepcopy(soan)
    b: _Builder = info["builder"]
    n = b.n
    touched: set[int] = set()
    dec: list[dict] = []
    ms = info["measures"]
    pol_secs = info["pol_secs"]
    # the last 施策 of 基本方針2 and 3 may be moved or deleted: no other decision there
    spare = {pol_secs[0].children[-1].uid, pol_secs[1].children[-1].uid, pol_secs[2].children[-1].uid}
    order = [i for i in range(len(ms)) if ms[i]["sec"].uid not in spare]
    rng.shuffle(order)
    pool = iter(order)

    def blk(uid: int) -> Block:
        return _block(an, uid)[0]

    def add(kind: str, cause: str, paths: list[list[str]], locs: list[tuple], must: list[str], summary: str,
            comment: dict | None = None, soan_ref: int | None = None) -> None:
        dec.append(dict(kind=kind, cause=cause, paths=paths, locs=locs, must=must, summary=summary,
                        comment=comment, soan_ref=soan_ref))

    # external: the law amended, cited in 1-1 and 1-3 (one row)
    law_new = rng.choice(["令和7年法律第52号", "令和7年法律第38号", "令和7年法律第61号"])
    ch1 = info["ch1"]
    b11 = blk(ch1.children[0].blocks[2].uid)
    added = f"さらに、令和7年には同法が改正され（{law_new}）、交通空白の解消に向けた地方公共団体の役割が明確化されました。"
    b11.text = b11.text + added
    b13 = blk(ch1.children[2].blocks[0].uid)
    b13.text = b13.text.replace("令和5年法律第18号", law_new)
    touched |= {b11.uid, b13.uid}
    add("external-law", "external", [_find(an, ch1.children[0].uid)[1], _find(an, ch1.children[2].uid)[1]],
        [("b", b11.uid, added[:12]), ("b", b13.uid, law_new)], [law_new],
        f"活性化再生法の改正（{law_new}）を踏まえ、法改正の内容と計画の根拠法令の記載を更新")

    # comment: KPI target raised
    kb = blk(info["kpi_block"].uid)
    ki = rng.choice([0, 2, 4])
    name, unit, a, tgt, step = info["kpi_meta"][ki]
    new_t = round(tgt + step / 2, 1) if isinstance(step, float) else tgt + step // 2
    old_s, new_s = unit.format(a=tgt), unit.format(a=new_t)
    kb.rows[ki + 1][3] = new_s
    touched.add(kb.uid)
    kpi_path = _find(an, info["kpi_sec"].uid)[1]
    add("target-raised", "comment", [kpi_path], [("t", kb.uid, new_s)], [new_s],
        f"評価指標「{name}」の目標値を{old_s}から{new_s}に引き上げ",
        dict(op=f"評価指標の「{name}」の目標値（{old_s}）は、現状値からの伸びが小さく、目標として消極的である。より高い目標を設定すべき。",
             op2=f"{name}の目標をもっと意欲的にしてほしい。",
             ans=f"ご意見を踏まえ、「{name}」の目標値を{new_s}に上方修正します。", ref_sec=info["kpi_sec"].uid, place="評価指標"),
        soan_ref=info["kpi_sec"].uid)

    # comment: an item added to a 施策's list and its schedule
    for _ in range(rng.choice([1, 2])):
        m = ms[next(pool)]
        s2 = _find(an, m["sec"].children[1].uid)[0]
        s3 = _find(an, m["sec"].children[2].uid)[0]
        lab, text, actor, sched = m["bank"]["add"]
        text = b.f(text)
        it = Block(b.next(), "item", _CIRCLED[len(s2.blocks)] + "　" + text)
        s2.blocks.append(it)
        sb = s3.blocks[0]
        sb.rows.append([lab, actor] + list(sched))
        touched |= {it.uid, sb.uid}
        add("torikumi-added", "comment", [_find(an, s2.uid)[1], _find(an, s3.uid)[1]],
            [("b", it.uid, text[:10]), ("t", sb.uid, lab)], [lab],
            f"{m['label']}の取組内容に「{lab}」を追加し、スケジュールに追記",
            dict(op=f"{m['bank']['t']}について、" + (text[:-4] + "してほしい。" if text.endswith("します。")
                                                   else _plain(text.rstrip("。")) + "ようにしてほしい。"),
                 op2=f"{m['label']}に「{lab}」の取組を加えてほしい。",
                 ans=f"ご意見を踏まえ、{m['label']}の取組内容に「{lab}」を追加します。", ref_sec=m["sec"].uid, place=m["label"]),
            soan_ref=m["sec"].uid)

    # comment: a sentence added to 現状と課題
    for _ in range(rng.choice([1, 2])):
        m = ms[next(pool)]
        s1 = _find(an, m["sec"].children[0].uid)[0]
        pb = s1.blocks[0]
        sent = b.f(m["bank"]["ks"])
        pb.text = pb.text + sent
        touched.add(pb.uid)
        add("kadai-added", "comment", [_find(an, s1.uid)[1]], [("b", pb.uid, sent[:10])], [m["bank"]["kw"]],
            f"{m['label']}の現状と課題に「{sent.rstrip('。')}」旨を追記",
            dict(op=f"{m['bank']['t']}の現状と課題に、{_plain(sent.rstrip('。'))}ことも書くべきではないか。",
                 op2=f"{m['label']}の現状と課題の記述が不十分。{_plain(sent.rstrip('。'))}という実態を踏まえてほしい。",
                 ans=f"ご意見のとおり、{m['label']}の現状と課題に追記します。", ref_sec=m["sec"].uid, place=m["label"]),
            soan_ref=m["sec"].uid)

    # comment: 「…を検討します」→ a dated commitment
    cands = [mm for mm in ms if mm["sec"].uid not in spare and any(it[1].endswith("を検討します。") for it in mm["bank"]["i"])]
    rng.shuffle(cands)
    free = [mm for mm in cands if mm["sec"].uid not in {d.get("soan_ref") for d in dec}]
    if free:
        m = free[0]
        k = next(i for i, it in enumerate(m["bank"]["i"]) if it[1].endswith("を検討します。"))
        ib = blk(m["items"][k].uid)
        year = rng.choice(["令和8年度", "令和9年度"])
        old = ib.text
        ib.text = re.sub(r"の?(導入|見直し|運行|設置|交付|補助|貸与)?を検討します。$",
                         lambda mt: f"の{mt.group(1) or '実施'}を{year}から実施します。" if mt.group(1) else f"を{year}から実施します。", old)
        if ib.text == old:
            ib.text = old.replace("を検討します。", f"を{year}から実施します。")
        touched.add(ib.uid)
        found2 = _find(an, m["sec"].children[1].uid)
        lab = m["bank"]["i"][k][0]
        add("kento-jisshi", "comment", [found2[1]], [("b", ib.uid, year)], [year],
            f"{m['label']}の「{lab}」を検討から{year}の実施に変更",
            dict(op=f"{m['label']}の「{lab}」は「検討します」となっているが、実施時期を明確にしてほしい。",
                 op2=f"「{lab}」は検討ばかりでなく、早期に実施してほしい。",
                 ans=f"ご意見を踏まえ、{year}から実施することとし、記載を修正します。", ref_sec=m["sec"].uid, place=m["label"]),
            soan_ref=m["sec"].uid)

    # comment: a glossary entry (some seeds) / a 課題 added (others)
    if rng.random() < 0.6:
        g = blk(info["glossary"].uid)
        term, expl = rng.choice(_GLOSSARY_ADD)
        g.rows.append([term, expl])
        touched.add(g.uid)
        gsec = _find(an, [s for s, _ in _walk(an) if any(x.uid == g.uid for x in s.blocks)][0].uid)
        add("glossary-added", "comment", [gsec[1]], [("t", g.uid, term)], [term],
            f"用語解説に「{term}」を追加",
            dict(op=f"{term}など、専門用語やカタカナ語が多く分かりにくい。用語の解説を載せてほしい。",
                 op2=f"「{term}」の意味が分からない。説明を加えてほしい。",
                 ans=f"ご意見を踏まえ、資料編の用語解説に「{term}」を追加します。", ref_sec=gsec[0].uid, place="資料編　用語解説"),
            soan_ref=gsec[0].uid)
    else:
        isec = _find(an, info["issues_sec"].uid)[0]
        new = Block(b.next(), "item", _CIRCLED[6] + "　" + "観光客等の来訪者にとって、公共交通が利用しにくい状況です。")
        isec.blocks.append(new)
        touched.add(new.uid)
        add("issue-added", "comment", [_find(an, isec.uid)[1]], [("b", new.uid, "観光客等の来訪者")], ["来訪者"],
            "課題に「観光客等の来訪者にとって、公共交通が利用しにくい」を追加",
            dict(op="観光客など市外からの来訪者の視点が課題に含まれていない。来訪者にとっての分かりにくさも課題として挙げるべき。",
                 op2="市外から来た人には市内のバスの乗り方が分かりにくい。課題として認識してほしい。",
                 ans="ご意見のとおり、来訪者の視点からの課題を追加します。", ref_sec=isec.uid, place="課題の整理"),
            soan_ref=isec.uid)

    used = {d.get("soan_ref") for d in dec}
    rest = [i for i in pool if ms[i]["sec"].uid not in used]

    # internal: KPI 現状値 refreshed to 令和6年度
    kb.rows[0][2] = "現状値（令和6年度）"
    ri = rng.choice([i for i in (1, 3, 5) if i != ki])
    name2, unit2, a2, _, step2 = info["kpi_meta"][ri]
    now2 = a2 + (1 if isinstance(step2, float) or step2 > 0 else -200) if unit2.endswith("万人") or unit2.endswith("人") else a2 + 2
    kb.rows[ri + 1][2] = unit2.format(a=now2)
    add("baseline-refreshed", "internal", [kpi_path], [("t", kb.uid, "現状値（令和6年度）")], ["令和6年度"],
        "評価指標の現状値を令和6年度の実績に更新")

    # internal: a 施策 renamed (heading and 施策の体系)
    m = ms[rest.pop(0)]
    sec = _find(an, m["sec"].uid)[0]
    new_title = m["bank"]["rn"]
    sec.heading = sec.heading.replace(m["bank"]["t"], new_title)
    tb = blk(info["taikei"].uid)
    for r in tb.rows:
        if r[2].startswith(m["label"] + "　"):
            r[2] = f"{m['label']}　{new_title}"
    touched |= {sec.uid, tb.uid}
    taikei_path = [pp for ss, pp in _walk(an) if any(x.uid == tb.uid for x in ss.blocks)][0]
    add("measure-renamed", "internal", [_find(an, sec.uid)[1], taikei_path], [("h", sec.uid), ("t", tb.uid, new_title)], [new_title],
        f"{m['label']}の名称を「{new_title}」に変更")

    # internal: a schedule postponed (one row of a 施策's schedule shifted a year)
    m = ms[rest.pop(0)]
    found3 = _find(an, m["sec"].children[2].uid)
    sb = found3[0].blocks[0]
    ri2 = next((i for i, r in enumerate(sb.rows[1:], 1) if r[2] != "→" and r[3] != "→"), 1)
    row = sb.rows[ri2]
    row[2:] = ["準備"] + row[2:-1]
    touched.add(sb.uid)
    add("schedule-postponed", "internal", [found3[1]], [("t", sb.uid, row[0])], [row[0]],
        f"{m['label']}のスケジュールで「{row[0]}」の開始を1年後に変更")

    # internal: the last 施策 of 基本方針3 deleted, or the last of 基本方針2 moved to 基本方針3
    move = seed % 2 == 0
    p2 = _find(an, pol_secs[1].uid)[0]
    p3 = _find(an, pol_secs[2].uid)[0]
    if move:
        victim = p2.children.pop()
        vm = next(x for x in ms if x["sec"].uid == victim.uid)
        old_path = _find(soan, victim.uid)[1]
        newlab = n.measure(3, len(p3.children) + 1)
        victim.heading = n.l3(5, 4, len(p3.children) + 1, f"{newlab}　{vm['bank']['t']}")
        p3.children.append(victim)
        for r in tb.rows:
            if r[2].startswith(vm["label"] + "　"):
                tb.rows.remove(r)
                break
        tb.rows.append(["", "", f"{newlab}　{vm['bank']['t']}", "・".join(it[0] for it in vm["bank"]["i"][:3])])
        touched |= {victim.uid, tb.uid} | {x.uid for x in victim.children}
        add("measure-moved", "internal", [_find(an, victim.uid)[1], old_path, taikei_path],
            [("h", victim.uid), ("t", tb.uid, newlab)], [vm["bank"]["t"]],
            f"{vm['label']}「{vm['bank']['t']}」を基本方針3に移し、{newlab}とした")
    else:
        victim = p3.children.pop()
        vm = next(x for x in ms if x["sec"].uid == victim.uid)
        for r in tb.rows:
            if r[2].startswith(vm["label"] + "　"):
                tb.rows.remove(r)
                break
        touched.add(tb.uid)
        add("measure-deleted", "internal", [_find(soan, victim.uid)[1], taikei_path],
            [("after", p3.children[-1].uid), ("t", tb.uid, p3.children[-1].heading.split("　")[1])],
            [vm["bank"]["t"]], f"{vm['label']}「{vm['bank']['t']}」を削除")
    info["victim"] = victim.uid

    # internal (odd seeds): the last 施策 of 基本方針1 split in two, its last items and schedule rows moving to
    # a new 施策 after it
    if not move:
        p1 = _find(an, pol_secs[0].uid)[0]
        src = p1.children[-1]
        sm = next(x for x in ms if x["sec"].uid == src.uid)
        title, goal, kadai = sm["bank"]["sp"]
        k = len(p1.children) + 1
        newlab = n.measure(1, k)
        items2, sched2 = src.children[1], src.children[2].blocks[0]
        moved_items, items2.blocks = items2.blocks[2:], items2.blocks[:2]
        moved_rows, sched2.rows = sched2.rows[3:], sched2.rows[:3]
        for i, it in enumerate(moved_items):
            it.text = _CIRCLED[i] + it.text[1:]
        new_sched = Block(b.next(), "table", rows=[list(sched2.rows[0])] + moved_rows)
        split_sec = Sec(b.next(), n.l3(5, 2, k, f"{newlab}　{title}"), [Block(b.next(), "p", f"【目指す姿】{goal}")], [
            Sec(b.next(), n.paren(1, "現状と課題"), [Block(b.next(), "p", kadai)]),
            Sec(b.next(), n.paren(2, "取組内容"), moved_items),
            Sec(b.next(), n.paren(3, "実施主体とスケジュール"), [new_sched]),
        ], new_page=True)
        p1.children.append(split_sec)
        at = next(i for i, r in enumerate(tb.rows) if r[2].startswith(sm["label"] + "　"))
        tb.rows.insert(at + 1, ["", "", f"{newlab}　{title}", "・".join(r[0] for r in moved_rows)])
        touched |= {src.uid, tb.uid, sched2.uid} | {x.uid for x in src.children} | {x.uid for x in items2.blocks}
        add("measure-split", "internal", [_find(an, split_sec.uid)[1], _find(an, src.uid)[1], taikei_path],
            [("h", split_sec.uid), ("t", tb.uid, title), ("b", items2.blocks[-1].uid, items2.blocks[-1].text[:3])], [title],
            f"{sm['label']}の取組の一部を、新たな{newlab}「{title}」として分けた")
    return an, dec, touched


# --------------------------------------------------------------------------- editorial edits

_EDITS = [("等の", "などの"), ("等を", "などを"), ("等に", "などに"), ("を行います。", "をします。"), ("子供", "子ども"),
          ("取組み", "取組"), ("また本", "また、本")]
_TYPOS = [("利便性", "利便生"), ("高齢者", "高令者"), ("交通結節点", "交通結接点"), ("運行本数", "運航本数"),
          ("公共交通", "公共公通"), ("停留所", "停留場所")]


def _editorial(rng: random.Random, soan: list[Sec], an: list[Sec], touched: set[int]) -> list[dict]:
    """Edits that change no meaning, in blocks no decision touched; typos are put into the 素案 first."""
    cands: list[tuple[Block, Block, list[str]]] = []
    in_an = {s.uid for s, _ in _walk(an)}
    for s, p in _walk(soan):
        if s.uid in touched or s.uid not in in_an:
            continue
        for bl in s.blocks:
            if bl.kind in ("p", "item") and bl.uid not in touched:
                cands.append((bl, _block(an, bl.uid)[0], _find(an, s.uid)[1]))
    rng.shuffle(cands)
    out: list[dict] = []
    used: set[int] = set()

    def record(sb: Block, ab: Block, path: list[str], pos: int, old: str, new: str, kind: str) -> bool:
        full_old = _full_text(soan)
        for w in (6, 9, 14, 20):
            lo = max(0, pos - w)
            before = sb.text[lo:pos + len(old) + w]
            if full_old.count(before) == 1:
                break
        else:
            return False
        after = before[:pos - lo] + new + before[pos - lo + len(old):]
        ab.text = ab.text[:pos] + new + ab.text[pos + len(old):]
        out.append(dict(section_path=path, before=before, after=after, core_before=old, core_after=new, kind=kind))
        used.add(sb.uid)
        return True

    # typos in the 素案, fixed in the 案
    want_typos = rng.randint(3, 5)
    for right, wrong in rng.sample(_TYPOS, len(_TYPOS)):
        if want_typos == 0:
            break
        for sb, ab, path in cands:
            if sb.uid in used or right not in sb.text:
                continue
            pos = sb.text.index(right)
            sb.text = sb.text[:pos] + wrong + sb.text[pos + len(right):]
            ab.text = sb.text
            if record(sb, ab, path, pos, wrong, right, "typo"):
                want_typos -= 1
                break
            sb.text = ab.text = sb.text[:pos] + right + sb.text[pos + len(wrong):]
    # 公用文 edits on occurrences in the 素案
    want = rng.randint(9, 13)
    for _ in range(3):
        for old, new in _EDITS:
            for sb, ab, path in cands:
                if want == 0:
                    break
                if sb.uid in used or old not in sb.text or sb.text != ab.text:
                    continue
                if record(sb, ab, path, sb.text.index(old), old, new, "editorial"):
                    want -= 1
                    break
    # full-width digits in one place (素案 ８ → 案 8)
    for sb, ab, path in cands:
        if sb.uid in used or sb.text != ab.text:
            continue
        mt = re.search(r"令和(\d)年度", sb.text)
        if mt:
            pos = mt.start(1)
            sb.text = ab.text = sb.text[:pos] + _fw(mt.group(1)) + sb.text[pos + 1:]
            if record(sb, ab, path, pos, _fw(mt.group(1)), mt.group(1), "width"):
                break
    # two sentences swapped
    for sb, ab, path in cands:
        if sb.uid in used or sb.text != ab.text or sb.kind != "p":
            continue
        sents = re.findall(r"[^。]+。", sb.text)
        if len(sents) == 2 and "".join(sents) == sb.text and not sents[1].startswith(("また", "一方", "さらに", "特に", "なお", "こうした", "このため")):
            ab.text = sents[1] + sents[0]
            out.append(dict(section_path=path, before=sb.text, after=ab.text, core_before="", core_after="", kind="reorder"))
            used.add(sb.uid)
            break
    return out


# --------------------------------------------------------------------------- comments


_FILLER = [
    ("{t}について、具体的にいつから取り組むのかが分からない。", "各取組の実施時期は、{lab}の「実施主体とスケジュール」に記載しています。", "既記載"),
    ("バスの本数が少なく、通院に使いにくい。{t}を早く進めてほしい。", "いただいたご意見は、今後の施策の推進に当たっての参考とさせていただきます。", "参考"),
    ("{t}は大切な取組だと思う。着実に進めてほしい。", "本計画に基づき、関係者と連携して着実に取り組みます。", "既記載"),
    ("{t}について、市民の意見を聞く機会を設けてほしい。", "施策の実施に当たっては、地域の皆様のご意見を伺いながら進めてまいります。", "参考"),
    ("{t}の財源はどうするのか。市の負担が増えるのではないか。", "国・県の補助制度を活用するなど、財源の確保に努めます。", "その他"),
    ("近所のバス停にベンチや屋根を付けてほしい。", "個別の停留所については、交通事業者と共有し、今後の参考とさせていただきます。", "参考"),
    ("高校生の通学にバスを使っている。{t}では学生の意見も取り入れてほしい。", "ご意見は今後の取組の参考とさせていただきます。", "参考"),
    ("駅前の駐輪場が足りない。", "駐輪場の整備は本計画の対象外ですが、いただいたご意見は担当課と共有します。", "その他"),
    ("タクシーがつかまりにくい。", "タクシー事業者と情報を共有し、今後の参考とさせていただきます。", "その他"),
    ("計画全体として、文章が長く分かりにくい。概要版を作ってほしい。", "計画の策定に合わせて、概要版を作成する予定です。", "その他"),
    ("{t}について、他市の成功事例を参考にしてほしい。", "他市の事例も参考にしながら、取組を進めてまいります。", "参考"),
    ("評価指標について、毎年度の結果を公表してほしい。", "第6章に記載のとおり、評価指標の達成状況は毎年度把握し、地域公共交通会議に報告します。", "既記載"),
    ("運転士不足は深刻だと思う。市としても支援してほしい。", "運転士の確保・育成については、交通事業者と連携して取り組みます。", "既記載"),
    ("高齢の親が免許を返納したが、買物に行く手段がない。", "高齢者の移動手段の確保は重要な課題と認識しており、今後の参考とさせていただきます。", "参考"),
    ("コミュニティバスの運賃を無料にしてほしい。", "運賃については、受益と負担の観点から、今後の参考とさせていただきます。", "参考"),
]


def _comments(rng: random.Random, dec: list[dict], info: dict, soan: list[Sec], where_s: dict) -> list[dict]:
    """The 別紙1 rows: the comments behind the comment decisions (one or two each) among others; the
    ``ref_page`` and ``place`` columns as people write them."""
    ms = info["measures"]
    rows: list[dict] = []

    def page_of(uid: int) -> int:
        return where_s[("h", uid)]

    def page_str(p: int, span: int = 0) -> str:
        style = rng.random()
        if span:
            return f"P{p}～{p + span}" if style < 0.5 else f"p.{p}-{p + span}"
        if style < 0.4:
            return f"p.{p}"
        if style < 0.75:
            return f"{p}ページ"
        return f"P{p}"

    for d in dec:
        c = d["comment"]
        if not c:
            continue
        p = page_of(c["ref_sec"])
        wrong = rng.random() < 0.15
        rows.append(dict(op=c["op"], ans=c["ans"], type="反映", page=page_str(p + (1 if wrong else 0)), place=c["place"], dec=d))
        if rng.random() < 0.45:  # a second comment on the same point
            rows.append(dict(op=c["op2"], ans="同様のご意見を踏まえ、" + c["ans"].replace("ご意見を踏まえ、", "").replace("ご意見のとおり、", ""),
                             type="反映", page=page_str(p), place=c["place"], dec=d))
    n_fill = rng.randint(22, 34)
    for _ in range(n_fill):
        m = rng.choice(ms)
        op, ans, typ = rng.choice(_FILLER)
        lab = m["label"]
        if rng.random() < 0.1:  # a wrong 施策 number
            lab = lab[:-1] + ("2" if lab[-1] in "1１" else "1")
        op2 = op.format(t=m["bank"]["t"], lab=lab)
        if rng.random() < 0.2:
            op2 += rng.choice(["（ほか2件）", "（同趣旨3件）", "（ほか1件）"])
        if "{t}" in op:
            place, page = lab, page_str(page_of(m["sec"].uid), rng.choice([0, 0, 1]))
        elif "評価指標" in op:
            place, page = "第6章 計画の推進", page_str(page_of(info["ch6"].uid))
        elif "運転士" in op or "免許" in op or "運賃" in op:
            place, page = "第5章", "―"
        else:
            place, page = "全体", "―"
        rows.append(dict(op=op2, ans=ans.format(lab=m["label"]), type=typ, page=page, place=place, dec=None))
    rng.shuffle(rows)
    for i, r in enumerate(rows, 1):
        r["id"] = f"C{i:02d}"
    return rows


# --------------------------------------------------------------------------- generate


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    fmts = _FORMATS.get(seed) or list(_FORMATS.values())[seed % len(_FORMATS)]
    fw = seed % 3 == 1
    soan, info = _build(seed, rng, fw)
    an, dec, touched = _decide(seed, rng, soan, info)
    editorial = _editorial(rng, soan, an, touched)
    _, where_s, _ = _layout(soan, "")
    comments = _comments(rng, dec, info, soan, where_s)
    return Plan(seed, info["city"], fmts, soan, an, dec, comments, editorial, fw)


# --------------------------------------------------------------------------- layout (PDF pages)


def _wrap(text: str, width: int) -> list[tuple[int, str]]:
    if not text:
        return [(0, "")]
    return [(i, text[i:i + width]) for i in range(0, len(text), width)]


def _layout(tree: list[Sec], head: str) -> tuple[list[tuple[bool, list[Any]]], dict, list]:
    """Body pages (landscape?, lines), the printed page of every key, the 目次 entries (heading, page)."""
    pages: list[tuple[bool, list]] = []
    where: dict = {}
    toc: list[tuple[str, int]] = []
    cur: list = []
    land = False
    y = 780.0

    def finish() -> None:
        nonlocal cur, y
        if not cur:
            return
        pages.append((land, cur))
        cur = []
        y = 540.0 if land else 780.0

    def put(x: float, size: float, text: str, k: tuple | None, gap: float = 0.0) -> None:
        nonlocal y
        step = size + 6 + gap
        bottom = 60 if land else 90
        if y - step < bottom:
            finish()
        y -= step
        cur.append((x, y, size, text))
        if k is not None:
            where.setdefault(k, len(pages) + 1)

    def table(bl: Block) -> None:
        """A ruled table: cells at their column, wrapped inside it, a rectangle round each."""
        nonlocal y
        y -= 4
        total = 720.0 if land else 455.0
        x0 = 60.0 if land else 70.0
        ncol = len(bl.rows[0])
        need = [max(3, min(24, max(len(r[c]) for r in bl.rows))) for c in range(ncol)]
        widths = [total * n / sum(need) for n in need]
        chars = [max(2, int((w - 6) // 9.5)) for w in widths]
        for i, row in enumerate(bl.rows):
            pieces = [_wrap(c, k) for c, k in zip(row, chars)]
            hgt = max(len(pc) for pc in pieces) * 12.5 + 5
            if y - hgt < (60 if land else 90):
                finish()
            x = x0
            for pc, w in zip(pieces, widths):
                cur.append(("R", x, y - hgt, w, hgt))
                for k, (_, t) in enumerate(pc):
                    if t:
                        cur.append((x + 3, y - 11 - 12.5 * k, 9.5, t))
                x += w
            where.setdefault(("t", bl.uid, i), len(pages) + 1)
            y -= hgt
        y -= 8

    def visit(s: Sec, level: int) -> None:
        nonlocal land, y
        if (level == 1 or s.new_page) and cur:
            finish()
        put(70, {1: 16.0, 2: 13.0, 3: 12.0}.get(level, 11.0), s.heading, ("h", s.uid), gap=4 if level <= 2 else 0)
        if level <= 2 and s.heading:
            toc.append((s.heading, len(pages) + 1))
        for bl in s.blocks:
            if bl.kind == "table":
                if bl.landscape:  # a page of its own, turned
                    finish()
                    land, y = True, 540.0
                table(bl)
                if bl.landscape:
                    finish()
                    land, y = False, 780.0
            elif bl.kind == "figure":
                if y < 330:  # the figure and its caption on the next page
                    finish()
                put(70, 9.5, bl.text, ("b", bl.uid, 0))
                y -= 210
            else:
                x, w = (80, 39) if bl.kind == "item" else (70, 40)
                for off, piece in _wrap(bl.text, w):  # a paragraph's first line indented one character
                    put(x + (10.5 if off == 0 and bl.kind == "p" else 0), 10.5, piece, ("b", bl.uid, off))
        for c in s.children:
            visit(c, level + 1)

    for s in tree:
        visit(s, 1)
    finish()
    return pages, where, toc


def _page_at(where: dict, tree: list[Sec], loc: tuple) -> int:
    if loc[0] == "h":
        return where[("h", loc[1])]
    if loc[0] == "after":
        s = _find(tree, loc[1])[0]
        last = s
        while last.children:
            last = last.children[-1]
        bl = last.blocks[-1]
        if bl.kind == "table":
            return where[("t", bl.uid, len(bl.rows) - 1)]
        return where[("b", bl.uid, max(k[2] for k in where if k[:2] == ("b", bl.uid)))]
    bl = _block(tree, loc[1])[0]
    if loc[0] == "t":
        i = next(i for i, r in enumerate(bl.rows) if any(loc[2] in c for c in r))
        return where[("t", bl.uid, i)]
    pos = bl.text.index(loc[2])
    off = max(k[2] for k in where if k[:2] == ("b", bl.uid) and k[2] <= pos)
    return where[("b", bl.uid, off)]


def _front(plan: Plan, version: str, toc: list[tuple[str, int]]) -> tuple[list[str], list[str], list[str]]:
    """Cover lines, はじめに lines, 目次 lines (as printed and as DOCX paragraphs)."""
    cover = [f"{plan.city}地域公共交通計画（{version}）", "令和8年度～令和12年度", "令和7年11月" if version == "素案" else "令和8年2月", plan.city]
    intro = ["はじめに",
             f"公共交通は、市民の暮らしと地域の活力を支える大切な社会基盤です。{plan.city}では、これまでも路線バスやコミュニティバスの運行を支えてきましたが、人口減少や運転士不足により、公共交通を取り巻く環境は厳しさを増しています。",
             "本計画は、市民、交通事業者、市がそれぞれの役割を担い、みんなで公共交通を支えていくための指針として策定するものです。",
             f"{plan.city}長　山田　太郎"]
    lines = ["目　次"] + [f"{h}　……　{p}" for h, p in toc]
    return cover, intro, lines


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi"]


def _write_pdf(plan: Plan, tree: list[Sec], version: str, path: Path) -> dict:
    body, where, toc = _layout(tree, version)
    cover, intro, toc_lines = _front(plan, version, toc)
    head = f"{plan.city}地域公共交通計画（{version}）"
    ops: list[list[str]] = []
    lands: list[bool] = []
    ops.append([text_op(70, 600, 20, cover[0]), text_op(70, 560, 14, cover[1]), text_op(70, 300, 14, cover[2]),
                text_op(70, 270, 14, cover[3])])
    lands.append(False)
    front_pages: list[list[tuple[float, float, str]]] = [[]]
    y = 780.0
    for i, t in enumerate(intro):
        for _, piece in _wrap(t, 40):
            y -= 16.5 if i else 26
            front_pages[-1].append((y, 16.0 if i == 0 else 10.5, piece))
    front_pages.append([])
    y = 780.0
    for i, t in enumerate(toc_lines):
        if y - 17 < 90:
            front_pages.append([])
            y = 780.0
        y -= 26 if i == 0 else 17
        front_pages[-1].append((y, 16.0 if i == 0 else 10.5, t))
    for k, fp in enumerate(front_pages):
        ops.append([text_op(70, yy, sz, t) for yy, sz, t in fp] + [text_op(PW / 2 - 10, 40, 9, f"- {_ROMAN[k]} -")])
        lands.append(False)
    for n, (land, lines) in enumerate(body, 1):
        w = LW if land else PW
        top = LH - 25 if land else PH - 30
        o = [text_op(60 if land else 70, top, 8, head)] + [
            f"{t[1]:.1f} {t[2]:.1f} {t[3]:.1f} {t[4]:.1f} re S" if t[0] == "R" else text_op(t[0], t[1], t[2], t[3])
            for t in lines]
        o.append(text_op(w / 2 - 15, 30 if land else 40, 9, f"- {n} -"))
        ops.append(o)
        lands.append(land)
    write_page_ops(ops, path)
    _landscape(path, lands)
    return dict(where=where, toc=toc, cover=cover, intro=intro, toc_lines=toc_lines, pages=len(body))


def _landscape(path: Path, lands: list[bool]) -> None:
    """Turn the pages flagged in ``lands`` landscape (same byte length: the xref offsets hold)."""
    data = path.read_bytes()
    parts = data.split(b"/MediaBox [0 0 595 842]")
    assert len(parts) == len(lands) + 1
    out = parts[0]
    for land, rest in zip(lands, parts[1:]):
        out += (b"/MediaBox [0 0 842 595]" if land else b"/MediaBox [0 0 595 842]") + rest
    path.write_bytes(out)


# --------------------------------------------------------------------------- DOCX


def _page_field(par) -> None:
    par.add_run("- ")
    r = par.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        e = OxmlElement(tag)
        if attr:
            e.set(qn("w:fldCharType"), attr)
        else:
            e.set(qn("xml:space"), "preserve")
            e.text = " PAGE "
        r._r.append(e)
    r2 = par.add_run("1")
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    r2._r.append(e)
    par.add_run(" -")


def _pg_num(section, fmt: str | None, start: int | None) -> None:
    pg = OxmlElement("w:pgNumType")
    if fmt:
        pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    section._sectPr.append(pg)


def _write_docx(plan: Plan, tree: list[Sec], version: str, front: dict, path: Path) -> None:
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(10.5)
    sec0 = d.sections[0]
    sec0.page_width, sec0.page_height = Mm(210), Mm(297)
    cover = front["cover"]
    d.add_paragraph(cover[0], style="Title")
    for t in cover[1:]:
        d.add_paragraph(t)
    s = d.add_section(WD_SECTION.NEW_PAGE)
    _pg_num(s, "lowerRoman", 1)
    _page_field(s.footer.paragraphs[0])
    s.footer.is_linked_to_previous = False
    for i, t in enumerate(front["intro"]):
        p = d.add_paragraph(t)
        if i == 0:
            p.runs[0].bold = True
    p = d.add_paragraph(front["toc_lines"][0])
    p.paragraph_format.page_break_before = True
    p.runs[0].bold = True
    for t in front["toc_lines"][1:]:
        d.add_paragraph(t)
    body = d.add_section(WD_SECTION.NEW_PAGE)
    _pg_num(body, None, 1)
    body.footer.is_linked_to_previous = False
    _page_field(body.footer.paragraphs[0])
    body.header.is_linked_to_previous = False
    body.header.paragraphs[0].text = f"{plan.city}地域公共交通計画（{version}）"
    first = [True]

    def visit(s: Sec, level: int) -> None:
        h = d.add_paragraph(s.heading, style=f"Heading {min(level, 4)}")
        if (level == 1 or s.new_page) and not first[0]:
            h.paragraph_format.page_break_before = True
        first[0] = False
        for bl in s.blocks:
            if bl.kind == "table":
                if bl.landscape:
                    ls = d.add_section(WD_SECTION.NEW_PAGE)
                    ls.orientation = WD_ORIENT.LANDSCAPE
                    ls.page_width, ls.page_height = Mm(297), Mm(210)
                t = d.add_table(rows=len(bl.rows), cols=len(bl.rows[0]))
                t.style = "Table Grid"
                for i, r in enumerate(bl.rows):
                    for j, c in enumerate(r):
                        t.cell(i, j).text = c
                if bl.landscape:
                    ps = d.add_section(WD_SECTION.NEW_PAGE)
                    ps.orientation = WD_ORIENT.PORTRAIT
                    ps.page_width, ps.page_height = Mm(210), Mm(297)
            elif bl.kind == "figure":
                d.add_paragraph(bl.text, style="Caption")
            else:
                p = d.add_paragraph(bl.text)
                if bl.kind == "item":
                    p.paragraph_format.left_indent = Mm(5)
                else:
                    p.paragraph_format.first_line_indent = Pt(10.5)
        for child in s.children:
            visit(child, level + 1)

    for s in tree:
        visit(s, 1)
    d.core_properties.title = cover[0]
    d.core_properties.created = __import__("datetime").datetime(2025, 11, 1)
    d.core_properties.modified = __import__("datetime").datetime(2025, 11, 1)
    d.core_properties.last_modified_by = "交通政策課"
    d.core_properties.author = "交通政策課"
    d.core_properties.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same bytes for the same document (zip entry times fixed)."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 11, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data_ = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # the writer stamps the time of saving
                data_ = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-12-01T00:00:00Z", data_)
            z.writestr(zi, data_)
    return out.getvalue()


# --------------------------------------------------------------------------- 別紙1


def _comment_table(plan: Plan) -> tuple[str, list[str], list[str], list[list[str]]]:
    """Title, legend lines, header, rows."""
    cat = plan.formats[3]
    title = f"{plan.city}地域公共交通計画（素案）に対する意見の概要と市の考え方"
    header = ["No.", "該当ページ", "該当箇所", "ご意見の概要", "市の考え方"]
    legend: list[str] = []
    if cat == "written":
        header.append("対応区分")
    elif cat == "symbol":
        header.append("区分")
        legend = ["【区分】A：ご意見を反映し、計画案を修正したもの　B：既に計画案に記載しているもの　C：今後の参考とするもの　D：その他"]
    rows = []
    for i, c in enumerate(plan.comments, 1):
        r = [str(i), c["page"], c["place"], c["op"], c["ans"]]
        if cat == "written":
            r.append(c["type"])
        elif cat == "symbol":
            r.append(_TYPES_SYMBOL[c["type"]])
        rows.append(r)
    return title, legend, header, rows


def _write_comments_pdf(title: str, legend: list[str], header: list[str], rows: list[list[str]], path: Path) -> None:
    widths = [30, 58, 90, 250, 250, 38][:len(header)]
    chars = [3, 5, 8, 22, 22, 3][:len(header)]
    x0 = 40
    pages: list[list[str]] = []
    cur: list[str] = []
    y = 0.0

    def new_page(first: bool) -> None:
        nonlocal cur, y
        if cur:
            pages.append(cur)
        cur = []
        y = 555.0
        if first:
            cur.append(text_op(x0, y, 12, title))
            y -= 20
            for lg in legend:
                cur.append(text_op(x0, y, 8.5, lg))
                y -= 14
        draw(header)

    def draw(cells: list[str]) -> None:
        nonlocal y
        pieces = [_wrap(c, w) for c, w in zip(cells, chars)]
        hgt = max(len(p) for p in pieces) * 12 + 6
        if y - hgt < 40:
            new_page(False)
            pieces = [_wrap(c, w) for c, w in zip(cells, chars)]
        x = x0
        for p, w in zip(pieces, widths):
            cur.append(f"{x:.1f} {y - hgt:.1f} {w} {hgt} re S")
            for k, (_, t) in enumerate(p):
                cur.append(text_op(x + 3, y - 12 - 12 * k, 9, t))
            x += w
        y -= hgt

    new_page(True)
    for r in rows:
        draw(r)
    pages.append(cur)
    write_page_ops(pages, path, LW, LH)


def _write_comments(plan: Plan, d: Path) -> Path:
    title, legend, header, rows = _comment_table(plan)
    kind = plan.formats[2]
    if kind.startswith("csv"):
        enc = "utf-8-sig" if kind == "csv-utf8" else "cp932"
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([title])
        for lg in legend:
            w.writerow([lg])
        w.writerow(header)
        w.writerows(rows)
        p = d / "bessi1.csv"
        p.write_bytes(buf.getvalue().encode(enc))
        return p
    if kind == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "別紙1"
        ws.append([title])
        ws.append(list(legend[:1]))  # a legend, or an empty row
        ws.append(header)
        for r in rows:
            ws.append([int(r[0])] + r[1:])
        p = d / "bessi1.xlsx"
        wb.properties.created = wb.properties.modified = __import__("datetime").datetime(2025, 12, 1)
        xbuf = io.BytesIO()
        wb.save(xbuf)
        p.write_bytes(_stable_zip(xbuf.getvalue()))
        return p
    p = d / "bessi1.pdf"
    _write_comments_pdf(title, legend, header, rows, p)
    return p


# --------------------------------------------------------------------------- truth and files


def as_read(s: str, fmt: str) -> str:
    """``s`` as a reader gets it back from a version published as ``fmt``: a PDF set in a font without a
    ToUnicode map decodes full-width 「－」「～」 through Adobe-Japan1 as U+2212 and U+301C (real PDFs of
    Japanese plans often do the same), a DOCX keeps them."""
    return s.replace("－", "−").replace("～", "〜") if fmt == "pdf" else s


def truth(plan: Plan, where_s: dict, where_a: dict) -> dict:
    rows = []
    fs, fa = plan.formats[0], plan.formats[1]
    an_paths = {tuple(p) for _, p in _walk(plan.an)}

    def path_read(p: list[str]) -> list[str]:
        return [as_read(h, fa if tuple(p) in an_paths else fs) for h in p]

    cid_of: dict[int, list[str]] = {}
    for c in plan.comments:
        if c["dec"] is not None:
            cid_of.setdefault(id(c["dec"]), []).append(c["id"])
    for i, d in enumerate(plan.decisions, 1):
        pages = sorted({_page_at(where_a, plan.an, loc) for loc in d["locs"]})
        ids = sorted(cid_of.get(id(d), []))
        paths = [path_read(p) for p in d["paths"]]
        rows.append(dict(id=f"R{i}", item=" ".join(paths[0]), an_pages=pages, summary=d["summary"],
                         section_paths=paths, kind=d["kind"],
                         cause=dict(type=d["cause"], comment_ids=ids if d["cause"] == "comment" else []),
                         must_mention=[as_read(m, fa) for m in d["must"]]))
    row_of = {id(plan.decisions[int(r["id"][1:]) - 1]): r["id"] for r in rows}
    comments = [dict(id=c["id"], ref=f"{c['page']} {c['place']}", response_type=c["type"], reflected=c["type"] == "反映",
                     row_ids=[row_of[id(c["dec"])]] if c["dec"] is not None else []) for c in plan.comments]
    ed = []
    for k, e in enumerate(plan.editorial, 1):
        ed.append(dict(id=f"E{k:02d}", **dict(e, section_path=path_read(e["section_path"]), before=as_read(e["before"], fs),
                                               after=as_read(e["after"], fa))))
    return dict(case=f"blind14-s{plan.seed}", rows=rows, comments=comments, editorial=ed,
                non_reportable=["表紙・ヘッダーの版表記（素案→案）と日付", "目次のページ番号",
                                "editorial に列挙した文言整理（文言整理等の一部修正は除く）"])


def write_plan(plan: Plan, d: Path) -> dict:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    files: dict = {}
    lay = {}
    for v, tree, label in (("soan", plan.soan, "素案"), ("an", plan.an, "案")):
        pdf = d / f"{v}.pdf"
        lay[v] = _write_pdf(plan, tree, label, pdf)
        files[v + "_pdf"] = pdf
        fmt = plan.formats[0 if v == "soan" else 1]
        if fmt == "docx":
            p = d / f"{v}.docx"
            _write_docx(plan, tree, label, lay[v], p)
            files[v] = p
        else:
            files[v] = pdf
    files["comments"] = _write_comments(plan, d)
    exp = truth(plan, lay["soan"]["where"], lay["an"]["where"])
    files["expected"] = d / "expected.json"
    files["expected"].write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files


def summary(plan: Plan) -> dict:
    kinds: dict[str, int] = {}
    for d in plan.decisions:
        kinds[d["cause"]] = kinds.get(d["cause"], 0) + 1
    _, where, _ = _layout(plan.an, "")
    return dict(city=plan.city, soan=plan.formats[0], an=plan.formats[1], comments_format=plan.formats[2],
                answer_types=plan.formats[3], numbering="full-width" if plan.fw else "half-width",
                pages=max(where.values()), comments=len(plan.comments), rows=len(plan.decisions), causes=kinds,
                editorial=len(plan.editorial))


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
