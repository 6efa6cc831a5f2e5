"""The fourth blind family: a 町's 高齢者保健福祉計画・介護保険事業計画, 素案 → 案
after a public comment, written without reading how revtool decides anything.

House style (unlike the ward, prefecture, ministry and city families): Ⅰ / 1 /
（1） / ア numbering (（１） and full-width digits in the text on odd seeds);
Ⅳ 施策の展開 with 基本目標 1–4, each 施策 （n） with 【現状と課題】 and
【施策の方向性】 paragraphs, ア/イ/ウ items as headings, and a 事業一覧 table
事業名 | 事業内容 | 担当課 | 実績（令和5年度） | 見込み（令和8年度） where many
decisions live in the cells; a 施策の体系 table (computed from the tree, so it
follows every renumbering); a running header 「…（素案）」/「…（案）」 and a
footer 「- n -」 (odd seeds) or a bare 「n」 (even seeds) in the PDF.

The comment table 別紙1 is a CSV: 番号 | ページ | 項目 | ご意見の内容 |
町の考え方 | 反映状況 in UTF-8 with BOM (odd seeds), No. | 該当箇所 |
ご意見の要旨 | 町の考え方 in cp932 (even seeds). References are messy
(「P. 18」「18頁」「p18-19」「施策2.3」「基本目標1(2)」, a typo in a section name,
a table row cited by its 事業名); answers in mixed registers; a campaign of
near-duplicates answered once 「（同趣旨のご意見 他N件）」 (odd) or row by
row with 「No.nと同様です。」 (even).

Decisions 素案 → 案 (one truth row each, as staff write 別紙2):
comment — a 事業 row added to a 事業一覧, a 見込み value raised, a cell's
事業内容 rewritten, a sentence added, 「検討します」→「実施します」, a new ウ
item (the campaign); external — the national 認知症施策推進基本計画 adopted
(quoted in Ⅰ-2 and in the 認知症 施策: one row, both places), the
prefecture's plan adopted, the 介護保険法 amendment (介護情報基盤);
internal — a 課 renamed in every table and in Ⅵ (one row), statistics
updated to the latest 基準日, the 保険料基準額 fixed, a 事業 row deleted;
structural — a 施策 split in two, two 施策 merged, two 施策 swapped, a 施策
moved to another 基本目標 (seed-dependent). Not rows: the renumbering that
follows, the 施策の体系 table (its line of a split/merged/swapped/moved 施策
is one more page of that decision's row, as issue 11 states for a rename), the running header, and editorial edits
(及び→および, 又は→または, 予め→あらかじめ, ケアマネージャー→ケアマネジャー,
障害→障がい, でございます→です, 致します→いたします, typos 介獲/福址/充室/
高令者/ボランテイア, a missing 読点, 「，」→「、」, a digit width in a table
cell; one typo pointed out by a comment answered 「修正しました」).

    plan = generate(5001)
    files = write_plan(plan, Path("out"))   # soan/an .docx/.pdf, bessi1.csv, expected.json

Seeds: tuning 5001–5003, held-out 5101–5103.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.plan_pdf import PAGE_W, Line, write_pdf

BLIND4_TUNING_SEEDS = (5001, 5002, 5003)
BLIND4_SEEDS = (5101, 5102, 5103)
"""Held out: only measured, never studied."""

TOWNS = [("みどり町", "あおば県"), ("かすみ町", "しらかわ県"), ("ひばり町", "おおうみ県"), ("さくら台町", "ときわ県")]
FW = str.maketrans("0123456789", "０１２３４５６７８９")
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨ"
KANA = "アイウエオカキクケコ"

# ---------------------------------------------------------------- vocabulary
# Base text is written in the 案's forms (および, 障がい, ケアマネジャー …); the
# 素案 gets the editorial variants afterwards. 課 names are placeholders {KA}… (letters: the digits of odd seeds are widened).

DIVISIONS = {"KA": "高齢介護課", "KB": "健康推進課", "KC": "福祉課", "KD": "地域振興課", "KE": "防災安全課", "KF": "生涯学習課"}
KA_RENAMES = [("KA", "長寿支援課"), ("KB", "健康づくり課"), ("KC", "福祉総合相談課")]

INTRO = {
    "趣旨": [
        "わが国の高齢化は急速に進行しており、{T}においても令和22年には町民のおよそ4割が65歳以上となる見込みです。",
        "本計画は、高齢者が住み慣れた地域で自分らしく暮らし続けることができるよう、介護、医療、予防、住まいおよび生活支援が一体的に提供される地域包括ケアシステムの深化を図るために策定するものです。",
        "計画の策定にあたっては、高齢者実態調査および介護支援専門員への調査を実施し、町民の皆様のご意見をあらかじめ伺いながら検討を進めてきました。",
    ],
    "位置付け": [
        "本計画は、老人福祉法第20条の8に基づく老人福祉計画と、介護保険法第117条に基づく介護保険事業計画を一体的に策定するものです。",
        "国の「認知症施策推進大綱」の考え方を踏まえ、認知症の人が尊厳を保持しつつ希望を持って暮らすことができる地域づくりを進めます。",
        "また、{T}総合計画を上位計画とし、地域福祉計画、健康増進計画および障がい者計画などの関連計画との整合を図ります。",
    ],
    "期間": [
        "本計画の期間は、令和6年度から令和8年度までの3年間とします。",
        "団塊ジュニア世代が65歳以上となる令和22年を見据え、中長期的な視点に立って施策を展開します。",
    ],
    "圏域": [
        "日常生活圏域は、地理的条件、人口および交通事情などを勘案し、北部、中部および南部の3圏域とします。",
        "各圏域に地域包括支援センターまたはそのブランチを配置し、身近な相談窓口の充実を図ります。",
    ],
}

STATS: dict[str, Any] = {
    "人口": ("{T}の総人口は減少が続いており、令和5年10月1日現在で18,420人、高齢化率は34.2％となっています。",
            "{T}の総人口は減少が続いており、令和6年10月1日現在で18,190人、高齢化率は35.1％となっています。"),
    "人口2": "今後も総人口の減少と高齢化の進行が見込まれ、特に75歳以上の後期高齢者の増加が続く見通しです。",
    "認定": ("要介護（要支援）認定者数は令和5年9月末現在で1,412人、認定率は22.1％です。",
            "要介護（要支援）認定者数は令和6年9月末現在で1,468人、認定率は22.8％です。"),
    "認定2": "認定者のうち要介護1および要介護2の方が全体の約4割を占めており、軽度の方への支援が重要となっています。",
    "課題": [
        "高齢者実態調査では、介護が必要になっても自宅で暮らし続けたいと答えた方が62.5％にのぼりました。",
        "一方で、家族介護者の負担感は大きく、介護離職の防止や介護者自身の健康づくりが課題となっています。",
        "また、一人暮らし高齢者および高齢者のみの世帯が増加しており、見守りと生活支援の体制づくりが求められています。",
    ],
}

RINEN = ("住み慣れた地域で　ともに支え合い　いきいきと暮らせるまち",
         "この基本理念は、前計画から引き継ぐものです。町民、地域、事業者および行政がそれぞれの役割を果たしながら、高齢者一人一人の尊厳が守られるまちを目指します。")

# 基本目標 -> 施策: name, 課題 sentences, 方向性 sentences, items (title, sentence), 事業 (name, 内容, 課, 実績, 見込み)
GOALS: list[tuple[str, list[dict]]] = [
    ("地域包括ケアシステムの深化・推進", [
        dict(key="houkatsu", name="地域包括支援センターの機能強化",
             issue=["地域包括支援センターへの相談件数は年々増加しており、相談内容も複雑化・複合化しています。",
                    "介護、障がい、子育ておよび生活困窮などの課題を複数抱える世帯への対応が増えています。"],
             direction=["センターの人員体制を充実し、関係機関と連携した総合的な相談支援体制を強化します。"],
             items=[("総合相談支援の充実", "高齢者や家族からのあらゆる相談を受け止め、適切な機関やサービスにつなぐ総合相談支援を行います。"),
                    ("地域ケア会議の推進", "個別事例の検討を通じて地域課題を把握し、必要な資源の開発や政策形成につなげます。")],
             jigyo=[("総合相談支援事業", "高齢者や家族からの相談に応じ、必要な支援につなげます。", "KA", "1,850件", "2,100件"),
                    ("地域ケア会議推進事業", "多職種による個別ケースの検討会議を開催します。", "KA", "24回", "30回"),
                    ("介護予防ケアマネジメント事業", "要支援者などに対し、自立支援に向けたケアプランを作成します。", "KA", "640件", "700件")]),
        dict(key="zaitaku", name="在宅医療・介護連携の推進",
             issue=["在宅での療養を希望する高齢者が増える一方、訪問診療を行う医療機関は限られています。",
                    "入退院時の情報共有が十分でない事例があり、医療と介護の切れ目のない連携が課題です。"],
             direction=["町医師会および介護サービス事業所と連携し、在宅医療と介護を一体的に提供する体制を構築します。"],
             items=[("医療・介護関係者の連携強化", "多職種合同研修会を開催し、顔の見える関係づくりを進めます。"),
                    ("町民への普及啓発", "人生の最終段階における医療やケアについて、町民が考える機会を設けます。")],
             jigyo=[("在宅医療・介護連携推進事業", "多職種合同研修会および連携会議を開催します。", "KA", "4回", "6回"),
                    ("入退院支援ルール運用事業", "入退院時の情報共有ルールを運用し、定期的に見直します。", "KA", "2回", "2回"),
                    ("在宅医療講演会", "在宅医療や看取りに関する町民向け講演会を開催します。", "KB", "1回", "2回")]),
        dict(key="ninchi", name="認知症施策の推進",
             issue=["認知症高齢者は今後も増加が見込まれ、早期発見と早期対応の体制づくりが求められています。",
                    "認知症に対する町民の理解はまだ十分とはいえず、地域での見守りの担い手も不足しています。"],
             direction=["国の「認知症施策推進大綱」に沿って、共生と予防を車の両輪とした施策を推進します。",
                        "認知症の人やその家族の声を聴き、本人の視点に立った支援を進めます。"],
             items=[("認知症への理解の促進", "認知症サポーターの養成を進め、地域での見守りの輪を広げます。"),
                    ("早期発見・早期対応の推進", "認知症初期集中支援チームが、医療や介護につながっていない方を訪問します。")],
             jigyo=[("認知症サポーター養成事業", "町民や事業所を対象に認知症サポーター養成講座を開催します。", "KA", "820人", "1,200人"),
                    ("認知症初期集中支援事業", "専門職のチームが自宅を訪問し、早期の支援につなげます。", "KA", "15件", "25件"),
                    ("認知症地域支援推進員配置事業", "推進員を配置し、医療機関や事業所との連携を図ります。", "KA", "2人", "3人")]),
    ]),
    ("介護予防と健康づくりの推進", [
        dict(key="yobou", name="介護予防・日常生活支援総合事業の推進",
             issue=["要支援者などの多様なニーズに対応するため、住民主体のサービスの充実が求められています。",
                    "通いの場への参加者は増加していますが、男性の参加が少ないことが課題です。"],
             direction=["住民主体の通いの場やサービスの担い手を育成し、介護予防の取組を地域に広げます。"],
             items=[("多様なサービスの充実", "住民主体の訪問型および通所型サービスの立ち上げを支援します。"),
                    ("通いの場の拡充", "体操や茶話会などの通いの場の立ち上げと継続を支援します。")],
             jigyo=[("通所型サービスB支援事業", "住民団体が運営する通所型サービスに補助を行います。", "KA", "6団体", "9団体"),
                    ("介護予防教室", "運動機能の向上や口腔機能の向上を目的とした教室を開催します。", "KB", "1,020人", "1,200人"),
                    ("配食サービス事業", "一人暮らし高齢者などに栄養バランスのとれた食事を届けます。", "KC", "9,800食", "10,000食")]),
        dict(key="kenkou", name="健康づくりと生きがいづくり",
             issue=["特定健康診査の受診率は県平均を下回っており、生活習慣病の予防が課題です。",
                    "退職後の高齢者が地域で活躍できる場が少なく、生きがいを感じる機会の確保が求められています。"],
             direction=["健診受診率の向上と生活習慣病の重症化予防に取り組みます。",
                        "高齢者の経験や知識を生かし、生きがいを持って活躍できる機会を広げます。"],
             items=[("健康寿命の延伸", "健診の受診勧奨と保健指導により、生活習慣病の重症化を防ぎます。"),
                    ("生きがい活動の支援", "老人クラブやシルバー人材センターの活動を支援します。")],
             jigyo=[("特定健康診査受診勧奨事業", "未受診者への個別通知と電話による受診勧奨を行います。", "KB", "38.5%", "45.0%"),
                    ("老人クラブ活動支援事業", "老人クラブの運営および地域貢献活動に補助を行います。", "KC", "21クラブ", "21クラブ"),
                    ("シルバー人材センター運営支援", "高齢者の就業機会の確保のため、センターの運営を支援します。", "KD", "310人", "330人")]),
        dict(key="sanka", name="社会参加の促進",
             issue=["地域活動に参加している高齢者の割合は、前回調査から低下しています。",
                    "ボランティア活動に関心はあるものの、参加のきっかけがない方が多くいます。"],
             direction=["高齢者が地域の担い手として活躍できるよう、参加のきっかけづくりを進めます。"],
             items=[("ボランティア活動の推進", "ボランティアに関する情報を発信し、活動への参加を促進します。"),
                    ("生涯学習の推進", "公民館講座などを通じて、学びと交流の場を提供します。")],
             jigyo=[("介護支援ボランティアポイント事業", "介護施設などでのボランティア活動にポイントを付与します。", "KA", "85人", "120人"),
                    ("高齢者学級", "公民館で教養や健康に関する講座を開催します。", "KF", "12講座", "14講座")]),
    ]),
    ("安心して暮らせるまちづくり", [
        dict(key="sumai", name="住まいと移動手段の確保",
             issue=["運転免許を返納した高齢者の通院や買い物の手段の確保が課題です。",
                    "住宅のバリアフリー化が進んでおらず、転倒による骨折が要介護の原因の一つとなっています。"],
             direction=["高齢者が安全に暮らせる住まいづくりを支援します。",
                        "町内の公共交通の空白地域について、デマンド交通の導入を検討します。"],
             items=[("住まいの確保", "住宅改修の助成により、在宅生活の継続を支援します。"),
                    ("移動手段の確保", "外出支援サービスにより、通院や買い物を支援します。")],
             jigyo=[("住宅改修費助成事業", "手すりの設置や段差の解消などの住宅改修に助成します。", "KA", "42件", "50件"),
                    ("外出支援サービス事業", "公共交通の利用が困難な高齢者の通院などを支援します。", "KC", "1,150回", "1,300回")]),
        dict(key="kenri", name="権利擁護の推進",
             issue=["判断能力が不十分な高齢者の増加に伴い、成年後見制度の需要が高まっています。",
                    "制度の認知度が低く、必要な方が利用に至っていない状況です。"],
             direction=["中核機関を中心に、成年後見制度の利用促進と権利擁護の支援を進めます。"],
             items=[("成年後見制度の利用促進", "制度の周知と申立て費用の助成により、利用を促進します。"),
                    ("消費者被害の防止", "関係機関と連携し、高齢者の消費者被害を防ぎます。")],
             jigyo=[("成年後見制度利用支援事業", "申立て費用や後見人報酬の助成を行います。", "KC", "8件", "12件"),
                    ("権利擁護センター運営事業", "権利擁護に関する相談と市民後見人の養成を行います。", "KC", "1か所", "1か所")]),
        dict(key="gyakutai", name="高齢者虐待の防止",
             issue=["高齢者虐待に関する相談および通報は増加傾向にあります。",
                    "養護者による虐待の背景には、介護疲れや経済的な困窮がある事例が多く見られます。"],
             direction=["虐待の未然防止、早期発見および再発防止のためのネットワークを強化します。"],
             items=[("早期発見の体制づくり", "民生委員や事業所などとの連携により、虐待の早期発見に努めます。"),
                    ("養護者への支援", "介護疲れなどを抱える養護者の相談に応じ、負担の軽減を図ります。")],
             jigyo=[("高齢者虐待防止ネットワーク事業", "関係機関によるネットワーク会議を開催します。", "KA", "2回", "3回")]),
        dict(key="bousai", name="災害・感染症への備え",
             issue=["近年、大規模な自然災害が頻発しており、避難に支援が必要な高齢者への対応が課題です。",
                    "介護サービス事業所における感染症対策の継続的な支援が求められています。"],
             direction=["避難行動要支援者の個別避難計画の作成を進め、事業所の業務継続計画の策定を支援します。"],
             items=[("避難支援体制の整備", "個別避難計画の作成を自主防災組織と連携して進めます。"),
                    ("事業所への支援", "事業所の業務継続計画の見直しと訓練の実施を支援します。")],
             jigyo=[("避難行動要支援者支援事業", "名簿の更新と個別避難計画の作成を進めます。", "KE", "320人", "500人"),
                    ("福祉避難所指定事業", "介護施設などと協定を結び、福祉避難所を指定します。", "KE", "5か所", "7か所")]),
    ]),
    ("介護保険事業の適正な運営", [
        dict(key="kiban", name="介護サービス基盤の整備",
             issue=["特別養護老人ホームの入所待機者は減少していますが、在宅サービスの需要は増加しています。",
                    "小規模多機能型居宅介護など地域密着型サービスの整備が求められています。"],
             direction=["サービス見込み量を踏まえ、地域密着型サービスを中心に基盤整備を進めます。"],
             items=[("地域密着型サービスの整備", "小規模多機能型居宅介護事業所の整備を計画的に進めます。"),
                    ("施設サービスの適正な提供", "施設入所の必要性の高い方が入所できるよう、入所指針の運用を図ります。")],
             jigyo=[("地域密着型サービス整備事業", "事業所の整備に対して補助を行います。", "KA", "0か所", "1か所")]),
        dict(key="jinzai", name="介護人材の確保・定着",
             issue=["介護職員の不足は深刻であり、町内の事業所の約7割が人材不足を感じています。",
                    "若い世代の介護職への関心が低く、将来の担い手の確保が課題となっています。"],
             direction=["県および事業所と連携し、介護人材の確保、育成および定着に向けた取組を進めます。",
                        "介護の仕事の魅力を発信し、若い世代の関心を高めます。"],
             items=[("資格取得の支援", "介護職員初任者研修などの受講費用を助成します。"),
                    ("働きやすい職場づくり", "介護ロボットやICTの導入を支援し、職員の負担軽減を図ります。")],
             jigyo=[("介護職員資格取得支援事業", "初任者研修などの受講費用の一部を助成します。", "KA", "6人", "10人"),
                    ("介護の仕事魅力発信事業", "中高生を対象とした職場体験を実施します。", "KA", "2回", "4回")]),
        dict(key="tekisei", name="介護給付の適正化",
             issue=["介護給付費は年々増加しており、保険料の上昇を抑えるためにも給付の適正化が重要です。"],
             direction=["ケアプラン点検などの適正化事業を計画的に実施し、真に必要なサービスの提供を確保します。"],
             items=[("ケアプラン点検の実施", "ケアマネジャーと協働してケアプランを点検し、自立支援に資するケアマネジメントを支援します。"),
                    ("要介護認定の適正化", "認定調査の内容を点検し、公平な認定に努めます。")],
             jigyo=[("ケアプラン点検事業", "居宅介護支援事業所のケアプランを点検します。", "KA", "30件", "40件"),
                    ("医療情報との突合事業", "国保連合会の情報を活用し、請求内容を点検します。", "KA", "12回", "12回")]),
    ]),
]

SURVEY = "高齢者実態調査では、「{name}」に関する取組を充実してほしいと答えた方が{pct}％でした。"
ROLE = "施策の推進にあたっては、町民、地域団体、事業所および行政がそれぞれの役割を果たし、協働して取り組みます。"

TARGETS = [  # comment: a 見込み raised — (施策, 事業名, new value, opinion, answer)
    ("ninchi", "認知症サポーター養成事業", "1,500人",
     "認知症サポーター養成事業の見込み1,200人は低すぎる。近隣の町と比べても目標を引き上げるべき。",
     "ご意見を踏まえ、認知症サポーター養成事業の見込みを1,500人に引き上げます。"),
    ("yobou", "介護予防教室", "1,500人",
     "介護予防教室の見込みが実績とほとんど変わらない。もっと意欲的な目標にすべきではないか。",
     "ご意見を踏まえ、介護予防教室の参加者数の見込みを1,500人に見直しました。"),
    ("jinzai", "介護職員資格取得支援事業", "15人",
     "資格取得支援の見込み10人では人材不足は解消しない。対象を広げて人数を増やしてほしい。",
     "ご意見を踏まえ、介護職員資格取得支援事業の見込みを15人に引き上げることといたします。"),
]
SENTENCES = [  # comment: a sentence added — (施策, after what, sentence, key word, opinion, answer)
    ("jinzai", "関心を高めます。", "さらに、外国人介護人材の受入れに向けて、日本語学習や生活面の支援を行う事業所を支援します。",
     "外国人介護人材",
     "介護人材の確保について、外国人の介護人材の受入れにも触れるべきではないか。事業所だけでは日本語教育まで手が回らない。",
     "ご指摘を踏まえ、外国人介護人材の受入れを行う事業所への支援について追記いたします。"),
    ("zaitaku", "体制を構築します。", "また、人生会議（ACP）について、町民が家族や医療・介護関係者と話し合うきっかけとなるよう、啓発リーフレットを作成します。",
     "人生会議",
     "人生の最終段階について家族と話し合う人生会議の普及を、計画の中で具体的に示してほしい。",
     "ご意見を踏まえ、人生会議（ACP）の普及啓発について、施策の方向性に追記しました。"),
    ("bousai", "策定を支援します。", "また、福祉避難所における認知症の人や障がいのある人への配慮について、運営マニュアルに定めます。",
     "運営マニュアル",
     "福祉避難所で認知症の人が落ち着いて過ごせるのか不安。具体的な配慮を書いてほしい。",
     "ご指摘の点は重要と考えており、福祉避難所の運営マニュアルに配慮事項を定める旨を記載いたします。"),
]

SERVICE_TABLE = [["サービス", "令和6年度", "令和7年度", "令和8年度"],
                 ["訪問介護（回/月）", "4,210", "4,380", "4,520"],
                 ["通所介護（回/月）", "3,050", "3,120", "3,200"],
                 ["短期入所生活介護（日/月）", "980", "1,010", "1,040"],
                 ["小規模多機能型居宅介護（人/月）", "28", "28", "42"]]

SUISHIN = ["計画の推進にあたっては、{KA}が中心となり、{KB}、{KC}などの関係課と連携して施策を進めます。",
           "また、{T}介護保険運営協議会において毎年度の進捗状況を報告し、ご意見をいただきながら計画を推進いたします。",
           "{P}の介護保険事業支援計画との整合を図りながら、広域的な課題に対応します。"]
SHINCHOKU = ["各施策の取組状況については、毎年度点検および評価を行い、その結果を公表します。",
             "評価の結果を踏まえ、必要に応じて施策の見直しを行います。"]


# ---------------------------------------------------------------- model


@dataclass
class Block:
    uid: str
    kind: str  # "p" paragraph | "t" table | "b" bold label paragraph
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Sec:
    uid: str
    name: str
    level: int
    body: list[Block] = field(default_factory=list)
    children: list["Sec"] = field(default_factory=list)
    label: str = ""  # a fixed heading label (基本目標N is numbered like the others)


@dataclass
class Plan:
    seed: int
    town: str
    pref: str
    soan: list[Sec]
    an: list[Sec]
    decisions: list[dict]
    editorial: list[dict]
    comments: list[dict]
    fullwidth: bool
    csv_shape: str
    footer: str
    layout: dict = field(default_factory=dict)


def number(level: int, i: int, fullwidth: bool) -> str:
    d = str(i + 1).translate(FW) if fullwidth else str(i + 1)
    if level == 1:
        return ROMAN[i] + "　"
    if level == 2:
        return d + "　"
    if level == 3:
        return f"（{d}）" if fullwidth else f"({d})"
    return KANA[i] + "　"


def headings(secs: list[Sec], fullwidth: bool, path: tuple = ()) -> list[tuple[Sec, tuple]]:
    out = []
    for i, s in enumerate(secs):
        h = number(s.level, i, fullwidth) + s.name
        p = path + (h,)
        out.append((s, p))
        out += headings(s.children, fullwidth, p)
    return out


def find(secs: list[Sec], uid: str) -> Sec:
    for s in secs:
        if s.uid == uid:
            return s
        try:
            return find(s.children, uid)
        except KeyError:
            pass
    raise KeyError(uid)


def block(secs: list[Sec], uid: str) -> Block:
    for s, _ in headings(secs, False):
        for b in s.body:
            if b.uid == uid:
                return b
    raise KeyError(uid)


# ---------------------------------------------------------------- base plan


def build_base(town: str, pref: str, fw: bool) -> list[Sec]:
    n = [0]

    def uid(p: str) -> str:
        n[0] += 1
        return f"{p}{n[0]}"

    def dg(s: str) -> str:
        return s.translate(FW) if fw else s

    def para(t: str) -> Block:
        return Block(uid("p"), "p", dg(t.replace("{T}", town).replace("{P}", pref)))

    I = Sec("S1", "計画の概要", 1, children=[
        Sec("S1.1", "計画策定の趣旨", 2, [para(t) for t in INTRO["趣旨"]]),
        Sec("S1.2", "計画の位置付け", 2, [para(t) for t in INTRO["位置付け"]]),
        Sec("S1.3", "計画の期間", 2, [para(t) for t in INTRO["期間"]]),
        Sec("S1.4", "日常生活圏域の設定", 2, [para(t) for t in INTRO["圏域"]])])
    pop = Block(uid("t"), "t", rows=[["区分", "令和3年", "令和4年", "令和5年"],
                                      ["総人口（人）", "18,980", "18,710", "18,420"],
                                      ["65歳以上（人）", "6,150", "6,220", "6,300"],
                                      ["高齢化率（％）", "32.4", "33.2", "34.2"]])
    pop.rows = [[dg(c) for c in r] for r in pop.rows]
    II = Sec("S2", "高齢者を取り巻く現状と課題", 1, children=[
        Sec("S2.1", "人口と高齢化率の推移", 2, [para(STATS["人口"][0]), pop, para(STATS["人口2"])]),
        Sec("S2.2", "要介護（要支援）認定者の状況", 2, [para(STATS["認定"][0]), para(STATS["認定2"])]),
        Sec("S2.3", "課題の整理", 2, [para(t) for t in STATS["課題"]])])
    III = Sec("S3", "計画の基本的な考え方", 1, children=[
        Sec("S3.1", "基本理念", 2, [Block(uid("b"), "b", RINEN[0]), para(RINEN[1])]),
        Sec("S3.2", "基本目標", 2, [para(f"基本目標{i + 1}　{g[0]}") for i, g in enumerate(GOALS)]),
        Sec("S3.3", "施策の体系", 2, [Block("taikei", "t")])])
    goals = []
    for gi, (gname, shisaku) in enumerate(GOALS):
        kids = []
        for sh in shisaku:
            pct = 40 + sum(map(ord, sh["key"])) % 35
            issue = [SURVEY.format(name=sh["name"], pct=f"{pct}.{len(sh['key'])}") + sh["issue"][0]] + sh["issue"][1:]
            direction = sh["direction"][:-1] + [sh["direction"][-1] + ROLE]
            body = [Block(uid("b"), "b", "【現状と課題】")] + [para(t) for t in issue]
            body += [Block(uid("b"), "b", "【施策の方向性】")] + [para(t) for t in direction]
            items = [Sec(f"{sh['key']}.{k}", it[0], 4, [para(it[1])]) for k, it in enumerate(sh["items"])]
            tbl = Block("tbl-" + sh["key"], "t", rows=[["事業名", "事業内容", "担当課", "実績（令和5年度）", "見込み（令和8年度）"]]
                        + [[j[0], j[1], "{" + j[2] + "}", dg(j[3]), dg(j[4])] for j in sh["jigyo"]])
            s = Sec(sh["key"], sh["name"], 3, body, items)
            s.body.append(Block(uid("b"), "b", "■主な事業"))
            s.body.append(tbl)
            kids.append(s)
        goals.append(Sec(f"G{gi + 1}", gname, 2, children=kids))
    IV = Sec("S4", "施策の展開", 1, children=goals)
    svc = Block(uid("t"), "t", rows=[[dg(c) for c in r] for r in SERVICE_TABLE])
    V = Sec("S5", "介護保険サービスの見込みと保険料", 1, children=[
        Sec("S5.1", "サービス量の見込み", 2, [para("計画期間における主な介護サービスの見込み量は、次のとおりです。"), svc]),
        Sec("S5.2", "第1号被保険者の保険料", 2, [
            para("第1号被保険者の保険料基準額は、サービス見込み量および介護報酬の改定などを踏まえ、月額5,800円と見込んでいます。"),
            para("所得段階は国の標準に合わせて13段階とし、低所得者の負担軽減を図ります。")])])
    VI = Sec("S6", "計画の推進体制", 1, children=[
        Sec("S6.1", "推進体制", 2, [para(t) for t in SUISHIN]),
        Sec("S6.2", "進捗管理", 2, [para(t) for t in SHINCHOKU])])
    return [I, II, III, IV, V, VI]


# ---------------------------------------------------------------- decisions


def _replace_in(b: Block, old: str, new: str) -> None:
    assert old in b.text, (old, b.text)
    b.text = b.text.replace(old, new, 1)


def _para_with(sec: Sec, needle: str) -> Block:
    for b in sec.body:
        if b.kind == "p" and needle in b.text:
            return b
    raise KeyError(needle)


def _table(sec: Sec) -> Block:
    return next(b for b in sec.body if b.kind == "t")


def apply_decisions(an: list[Sec], seed: int, rng: random.Random, fw: bool, town: str, pref: str) -> list[dict]:
    """Edit ``an`` in place; return the decisions with their places (anchors resolved after layout)."""
    dg = (lambda s: s.translate(FW)) if fw else (lambda s: s)
    D: list[dict] = []

    def dec(kind: str, cause: str, must: list[str], places: list[tuple], comments: int = 0, **kw) -> dict:
        places = [(p[0], p[1], dg(p[2])) if len(p) > 2 and isinstance(p[2], str) else p for p in places]
        d = dict(id=f"R{len(D) + 1}", kind=kind, cause=cause, must_mention=[dg(m) for m in must], places=places,
                 n_comments=comments, **kw)
        D.append(d)
        return d

    # --- external: national 認知症施策推進基本計画 adopted, quoted in Ⅰ-2 and the 認知症 施策
    s12, nin = find(an, "S1.2"), find(an, "ninchi")
    new_plan = "認知症施策推進基本計画"
    b1 = _para_with(s12, "認知症施策推進大綱")
    _replace_in(b1, "国の「認知症施策推進大綱」の考え方を踏まえ",
                dg("共生社会の実現を推進するための認知症基本法に基づき、令和6年12月に閣議決定された国の「認知症施策推進基本計画」を踏まえ"))
    b2 = _para_with(nin, "認知症施策推進大綱")
    _replace_in(b2, "国の「認知症施策推進大綱」に沿って、共生と予防を車の両輪とした施策を推進します。",
                "国の「認知症施策推進基本計画」に基づき、認知症の人を含めた一人一人がその個性と能力を十分に発揮し、共生する活力ある社会の実現に向けた施策を推進します。")
    dec("external-national-plan (two places)", "external", [new_plan],
        [("p", b1.uid, new_plan), ("p", b2.uid, new_plan)], subject="国の認知症施策推進基本計画の策定")

    # --- external: the prefecture's plan adopted (odd) / the 介護保険法 amended (even)
    if seed % 2:
        b = _para_with(find(an, "S6.1"), "介護保険事業支援計画")
        _replace_in(b, f"{pref}の介護保険事業支援計画との整合を図りながら",
                    dg(f"令和6年3月に策定された「第9期{pref}高齢者福祉計画・介護保険事業支援計画」との整合を図りながら"))
        dec("external-prefecture-plan", "external", [f"第9期{pref}高齢者福祉計画"], [("p", b.uid, "第9期")],
            subject="県計画の策定")
    else:
        ts = find(an, "tekisei")
        i = next(k for k, x in enumerate(ts.body) if x.kind == "p" and "適正化事業" in x.text)
        nb = Block("law-amend", "p", dg("また、令和5年の介護保険法の改正により創設された介護情報基盤を活用し、"
                                        "利用者の介護情報を事業所や医療機関と共有することで、給付の適正化と質の向上を図ります。"))
        ts.body.insert(i + 1, nb)
        dec("external-law-amended (sentence added)", "external", ["介護情報基盤"], [("p", nb.uid, "介護情報基盤")],
            subject="介護保険法の改正")

    # --- internal: a 課 renamed by the reorganisation, in every table and in Ⅵ
    kk, newname = KA_RENAMES[seed % len(KA_RENAMES)]
    dec("internal-division-renamed (every table)", "internal", [newname], [("ka", kk)], rename=(kk, newname))

    # --- internal: statistics to the latest 基準日
    s21, s22 = find(an, "S2.1"), find(an, "S2.2")
    bp = _para_with(s21, dg("令和5年10月1日"))
    bp.text = dg(STATS["人口"][1].replace("{T}", town))
    tb = _table(s21)
    tb.rows = [[dg(c) for c in r] for r in [["区分", "令和4年", "令和5年", "令和6年"], ["総人口（人）", "18,710", "18,420", "18,190"],
                                           ["65歳以上（人）", "6,220", "6,300", "6,385"], ["高齢化率（％）", "33.2", "34.2", "35.1"]]]
    bn = _para_with(s22, "認定者数")
    bn.text = dg(STATS["認定"][1])
    dec("internal-statistics-updated", "internal", ["令和6年10月1日"],
        [("p", bp.uid, "令和6年10月1日"), ("row", tb.uid, 0), ("p", bn.uid, "令和6年9月末")])

    # --- internal: 保険料基準額 fixed
    s52 = find(an, "S5.2")
    bq = _para_with(s52, "月額")
    _replace_in(bq, dg("月額5,800円と見込んでいます"), dg("月額5,950円としました"))
    dec("internal-premium-fixed", "internal", ["5,950円"], [("p", bq.uid, "5,950円")])

    # --- internal: a 事業 row deleted (配食サービス moved to the 総合事業's own service)
    yb = find(an, "yobou")
    t = _table(yb)
    t.rows = [r for r in t.rows if r[0] != "配食サービス事業"]
    dec("internal-jigyo-row-deleted", "internal", [], [("row", t.uid, len(t.rows) - 1)])

    # --- comment: a 事業 row added
    t = _table(nin)
    t.rows.append(["認知症カフェ運営支援事業", "認知症の人や家族が気軽に集える認知症カフェの開設と運営を支援します。", "{KA}",
                   dg("3か所"), dg("6か所")])
    dec("comment-jigyo-row-added", "comment", ["認知症カフェ"], [("row", t.uid, len(t.rows) - 1)], comments=2,
        topic="認知症カフェ",
        opinions=["認知症の人と家族が気軽に立ち寄れる認知症カフェを増やしてほしい。事業一覧に載っていないのはなぜか。",
                  "家族の会として、認知症カフェへの町の支援を計画に位置付けていただきたい。"],
        answer="ご意見を踏まえ、事業一覧に「認知症カフェ運営支援事業」を追加しました。")

    # --- comment: a 見込み raised
    sec_, name_, value, op, ans = rng.choice(TARGETS)
    t = _table(find(an, sec_))
    ri = next(i for i, r in enumerate(t.rows) if r[0] == name_)
    t.rows[ri][4] = dg(value)
    dec("comment-target-raised (table cell)", "comment", [value], [("row", t.uid, ri)], comments=1,
        topic=name_, opinions=[op], answer=ans)

    # --- comment: a cell's 事業内容 rewritten
    sk = find(an, "sanka")
    t = _table(sk)
    r = next(r for r in t.rows if r[0] == "介護支援ボランティアポイント事業")
    r[1] = "介護施設などでのボランティア活動にポイントを付与し、貯まったポイントは町内で使える商品券と交換できるようにします。"
    dec("comment-cell-rewritten", "comment", ["商品券"], [("row", t.uid, 1)], comments=1, topic="ボランティアポイント",
        opinions=["ボランティアポイントは貯めても使い道が分からない。地元の商店で使えるようにすれば参加者も増えるのではないか。"],
        answer="ポイントを町内で使える商品券と交換できるよう、事業内容を見直しいたします。")

    # --- comment: a sentence added
    sec_, anchor, sentence, word, op, ans = rng.choice(SENTENCES)
    bj = _para_with(find(an, sec_), anchor)
    _replace_in(bj, anchor, anchor + sentence)
    dec("comment-sentence-added", "comment", [word], [("p", bj.uid, word)], comments=1, topic=word, opinions=[op], answer=ans)

    # --- comment: 「検討します」→「実施します」
    sm = find(an, "sumai")
    bs = _para_with(sm, "デマンド交通の導入を検討します")
    _replace_in(bs, "デマンド交通の導入を検討します。", dg("令和7年度からデマンド交通の実証運行を実施します。"))
    dec("comment-commitment (検討→実施)", "comment", ["実証運行"], [("p", bs.uid, "実証運行")], comments=2,
        topic="デマンド交通",
        opinions=["免許返納後の足がない。デマンド交通は「検討」ではなく、時期を決めて実施してほしい。",
                  "デマンド交通の導入を早急に実現してください。北部地区にはバス停も少なく、通院に困っています。"],
        answer="ご意見を踏まえ、令和7年度から実証運行を実施する旨に修正しました。")

    # --- comment (campaign): a new ウ item
    hk = find(an, "houkatsu")
    item = Sec("houkatsu.new", "家族介護者への支援", 4, [Block("carer", "p", "介護者のつどいや相談の機会を設け、家族介護者の負担軽減と介護離職の防止を図ります。"
                                                               "また、ヤングケアラーを早期に把握し、学校や関係機関と連携して支援につなげます。")])
    hk.children.append(item)
    dec("comment-item-added (campaign)", "comment", ["家族介護者への支援", "ヤングケアラー"], [("h", item.uid, None)],
        comments=rng.randint(6, 9), campaign=True, topic="家族介護者",
        opinions=["家族介護者への支援、特にヤングケアラーへの支援を計画に明記してください。"],
        answer="ご意見を踏まえ、地域包括支援センターの機能強化に「家族介護者への支援」の項目を追加し、ヤングケアラーへの支援を記載しました。")

    # --- structural: split (seed-dependent kinds)
    kinds = ["split", "merge", "swap", "move"]
    rng.shuffle(kinds)
    chosen = kinds[:3]
    g2 = find(an, "G2")
    if "split" in chosen:
        ks = find(an, "kenkou")
        i = g2.children.index(ks)
        sa = Sec("kenkou", "健康づくりの推進", 3, [], [ks.children[0]])
        sb = Sec("ikigai", "生きがいづくりの推進", 3, [], [ks.children[1]])
        body = ks.body
        # 【現状と課題】 p p 【施策の方向性】 p p ■ table  -> split sentence by sentence
        lab = [x for x in body if x.kind == "b"]
        ps = [x for x in body if x.kind == "p"]
        tbl = _table(ks)
        ta = Block(tbl.uid, "t", rows=[tbl.rows[0], tbl.rows[1]])
        tb2 = Block("tbl-ikigai", "t", rows=[tbl.rows[0]] + tbl.rows[2:])
        sa.body = [lab[0], ps[0], lab[1], ps[2], lab[2], ta]
        sb.body = [Block("b-ik1", "b", "【現状と課題】"), ps[1], Block("b-ik2", "b", "【施策の方向性】"), ps[3],
                  Block("b-ik3", "b", "■主な事業"), tb2]
        g2.children[i:i + 1] = [sa, sb]
        dec("structure-split", "internal", ["健康づくりの推進", "生きがいづくりの推進"], [("h", "kenkou", None), ("h", "ikigai", None)])
    if "merge" in chosen:
        g3 = find(an, "G3")
        kr, gy = find(an, "kenri"), find(an, "gyakutai")
        m = Sec("kenri", "権利擁護と虐待防止の推進", 3)
        lab = [x for x in kr.body if x.kind == "b"]
        kp, gp = [x for x in kr.body if x.kind == "p"], [x for x in gy.body if x.kind == "p"]
        mt = Block(_table(kr).uid, "t", rows=_table(kr).rows + _table(gy).rows[1:])
        m.body = [lab[0], kp[0], kp[1], gp[0], gp[1], lab[1], kp[2], gp[2], lab[2], mt]
        m.children = kr.children + gy.children
        i = g3.children.index(kr)
        g3.children[i:i + 2] = [m]
        dec("structure-merge", "internal", ["権利擁護と虐待防止の推進"], [("h", "kenri", None)])
    if "swap" in chosen:
        g4 = find(an, "G4")
        a_, b_ = g4.children[1], g4.children[2]  # 介護人材 <-> 給付適正化
        g4.children[1], g4.children[2] = b_, a_
        dec("structure-swap", "internal", [], [("h", a_.uid, None), ("h", b_.uid, None)])
    if "move" in chosen:
        g3 = find(an, "G3")
        bs_ = find(an, "bousai")
        g3.children.remove(bs_)
        g1 = find(an, "G1")
        g1.children.append(bs_)
        dec("structure-move (other 基本目標)", "internal", [], [("h", "bousai", None)])
    return D


EDITS = [  # (after, before, kind) — base text has ``after``; the 素案 gets ``before``
    ("および", "及び", "公用文"), ("または", "又は", "公用文"), ("あらかじめ", "予め", "公用文"),
    ("ケアマネジャー", "ケアマネージャー", "外来語表記"), ("障がい", "障害", "公用文"), ("ものです。", "ものでございます。", "文体"),
    ("いたします", "致します", "公用文"), ("介護", "介獲", "誤字"), ("福祉", "福址", "誤字"), ("充実", "充室", "誤字"),
    ("高齢者", "高令者", "誤字"), ("ボランティア", "ボランテイア", "誤字"), ("、", "，", "句読点"), ("連携し、", "連携し", "読点"),
]


def apply_editorial(soan: list[Sec], an: list[Sec], touched: set[str], rng: random.Random, fw: bool) -> list[dict]:
    """Put editorial variants into the 素案 in blocks no decision touched; each recorded with its context."""
    an_paths = {s.uid: p for s, p in headings(an, fw)}
    out: list[dict] = []
    used: set[str] = set()
    edits = EDITS[:]
    rng.shuffle(edits)
    so_secs = headings(soan, fw)
    for after, before, kind in edits[:10]:
        cands = []
        for s, p in so_secs:
            if s.uid not in an_paths or an_paths[s.uid] != p or s.uid in touched:
                continue
            for b in s.body:
                if b.kind == "p" and b.uid not in touched and b.uid not in used and after in b.text:
                    cands.append((s, p, b))
        if not cands:
            continue
        s, p, b = rng.choice(cands)
        i = b.text.index(after)
        a_block = block(an, b.uid)
        assert a_block.text == b.text
        b.text = b.text[:i] + before + b.text[i + len(after):]
        used.add(b.uid)
        lo, hi = max(0, i - 8), i + len(after) + 8
        out.append(dict(id=f"E{len(out) + 1}", kind=kind, section_path=list(p), before=b.text[lo:i + len(before) + 8],
                        after=a_block.text[lo:hi], core_before=before, core_after=after, block=b.uid))
    # a digit width in a table cell (the 素案 mixed widths; the 案 is uniform)
    for s, p in so_secs:
        if s.uid in touched or s.uid not in an_paths or an_paths[s.uid] != p:
            continue
        t = next((b for b in s.body if b.kind == "t" and b.uid != "taikei" and b.uid not in touched), None)
        if t is None or len(t.rows) < 2:
            continue
        cell = t.rows[1][-1]
        flipped = cell.translate(str.maketrans("０１２３４５６７８９", "0123456789")) if fw else cell.translate(FW)
        if flipped == cell:
            continue
        t.rows[1][-1] = flipped
        out.append(dict(id=f"E{len(out) + 1}", kind="数字の全角半角", section_path=list(p), before=flipped, after=cell,
                        core_before=flipped, core_after=cell, block=t.uid))
        break
    return out


# ---------------------------------------------------------------- rendering


def taikei_rows(secs: list[Sec], fw: bool) -> list[list[str]]:
    iv = next(s for s in secs if s.uid == "S4")
    rows = [["基本目標", "施策"]]
    for gi, g in enumerate(iv.children):
        for si, s in enumerate(g.children):
            rows.append([f"{number(2, gi, fw)}{g.name}" if si == 0 else "", number(3, si, fw) + s.name])
    return rows


def items(secs: list[Sec], fw: bool, ka: dict[str, str]) -> list[tuple]:
    """Printed items in order: ("h", level, text, uid, path) | ("p"/"b", uid, text, path, printed_under) |
    ("t", uid, rows, path, printed_under). A 施策's 「■主な事業」 and its table print after its ア/イ items, as
    in the real plans: ``path`` is the 施策 they belong to, ``printed_under`` the heading they follow on paper
    (the last item's)."""
    out: list[tuple] = []

    def fill(t: str) -> str:
        for k, v in ka.items():
            t = t.replace("{" + k + "}", v)
        return t

    def emit(blocks: list[Block], p: tuple, under: tuple) -> None:
        for b in blocks:
            if b.kind == "t":
                rows = taikei_rows(secs, fw) if b.uid == "taikei" else [[fill(c) for c in r] for r in b.rows]
                out.append(("t", b.uid, rows, p, under))
            else:
                out.append((b.kind, b.uid, fill(b.text), p, under))

    def rec(level_secs: list[Sec], path: tuple) -> tuple:
        last = path
        for i, s in enumerate(level_secs):
            p = path + (number(s.level, i, fw) + s.name,)
            out.append(("h", s.level, p[-1], s.uid, p))
            cut = next((k for k, b in enumerate(s.body) if b.kind == "b" and b.text.startswith("■")), len(s.body))
            emit(s.body[:cut], p, p)
            under = rec(s.children, p) if s.children else p
            emit(s.body[cut:], p, under)
            last = under
        return last

    rec(secs, ())
    return out


def col_widths(n: int, header: list[str]) -> list[int]:
    if n == 5:
        return [10, 20, 7, 6, 6]
    if n == 2:
        return [22, 26]
    return [16] + [max(6, 32 // (n - 1))] * (n - 1)


def _lines(text: str, w: int) -> list[tuple[int, str]]:
    """(offset, line) pieces of ``w`` characters; a line never starts with 、 or 。 (禁則: it hangs on the line before)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(text) or not out:
        j = min(len(text), i + w)
        while j < len(text) and text[j] in "、。」）":
            j += 1
        out.append((i, text[i:j]))
        i = j
    return out


def _wrap(t: str, w: int) -> list[str]:
    return [t[i:i + w] for i in range(0, len(t), w)] or [""]


def toc_lines(its: list[tuple], where: dict) -> list[str]:
    """目次: headings down to the 施策 with dot leaders and their printed page."""
    out = ["目　次"]
    for it in its:
        if it[0] == "h" and it[1] <= 3:
            head = "　" * (it[1] - 1) + it[2]
            page = str(where[("h", it[3])])
            out.append(head + "…" * max(2, 38 - len(head) - len(page)) + page)
    return out


def layout(its: list[tuple], title: str, header: str, footer: str, front: list[str] | None = None) -> tuple[list[list[Line]], dict]:
    """Pages (a cover, unnumbered ``front`` pages (目次), then numbered pages with a running header and a
    footer) and where everything landed: ("h", uid) -> page, ("p", uid, offset) -> page per printed line,
    ("row", uid, i) -> page."""
    pages: list[list[Line]] = [[Line(70, 600, 20, title), Line(70, 560, 14, header.split("（")[-1].rstrip("）"))]]
    fy = 770.0
    for k, t in enumerate(front or []):
        if k == 0 or fy < 90:
            pages.append([])
            fy = 770.0
        fy -= 16.5
        pages[-1].append(Line(70, fy, 10.5 if k else 14, t))
    where: dict = {}
    cur: list[Line] = []
    top, bottom = 770, 90
    y = float(top)
    printed = 1

    def finish() -> None:
        nonlocal cur, y, printed
        cur.insert(0, Line(PAGE_W - 300, 810, 8, header))
        f = f"- {printed} -" if footer == "dash" else str(printed)
        cur.append(Line(PAGE_W / 2 - 10, 40, 9, f))
        pages.append(cur)
        cur, y = [], top
        printed += 1

    def put(x: float, size: float, text: str, step: float) -> None:
        nonlocal y
        if y - step < bottom:
            finish()
        y -= step
        cur.append(Line(x, y, size, text))

    for n, it in enumerate(its):
        prev = its[n - 1][0] if n else ""
        if it[0] == "h":
            lvl, text, uid = it[1], it[2], it[3]
            size = {1: 16, 2: 13, 3: 12}.get(lvl, 10.5)
            if lvl == 1 and cur:
                finish()
            if lvl == 3 and cur and prev != "h":  # each 施策 starts a page (after its 基本目標 heading)
                finish()
            put(70, size, text, size + 12)
            where[("h", uid)] = printed
        elif it[0] in "pb":
            uid, text = it[1], it[2]
            for k, (off, piece) in enumerate(_lines(text, 40)):
                put(70 + (10.5 if k == 0 and it[0] == "p" else 0), 10.5, piece, 16.5)
                where[("p", uid, off)] = printed
        else:
            uid, rows = it[1], it[2]
            ws = col_widths(len(rows[0]), rows[0])
            for ri, r in enumerate(rows):
                cells = [_wrap(c, w) for c, w in zip(r, ws)]
                h = max(len(c) for c in cells)
                if y - 14 * h < bottom:
                    finish()
                x0 = 70.0
                for c, w in zip(cells, ws):
                    for k, piece in enumerate(c):
                        cur.append(Line(x0, y - 14 * (k + 1), 9, piece))
                    x0 += 9 * w + 6
                y -= 14 * h + 3
                where[("row", uid, ri)] = printed
            y -= 8
    if cur:
        finish()
    return pages, where


def page_of_phrase(where: dict, uid: str, text: str, phrase: str) -> int:
    i = text.index(phrase)
    offs = sorted(k[2] for k in where if k[0] == "p" and k[1] == uid)
    start = max(o for o in offs if o <= i)
    return where[("p", uid, start)]


def write_docx(its: list[tuple], title: str, header: str, path: Path, front: list[str] | None = None) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    d.add_paragraph(title).runs[0].font.size = Pt(20)
    for t in front or []:
        d.add_paragraph(t)
    for it in its:
        if it[0] == "h":
            d.add_heading(it[2], level=min(it[1], 4))
        elif it[0] == "p":
            d.add_paragraph(it[2])
        elif it[0] == "b":
            d.add_paragraph().add_run(it[2]).bold = True
        else:
            rows = it[2]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in zip(t.rows, rows):
                for c, v in zip(r.cells, row):
                    c.text = v
    d.save(str(path))


# ---------------------------------------------------------------- comments


FILLERS = [  # (opinion, answer, 反映状況, section uid in the 素案)
    ("計画全体として文字が多く、町民には分かりにくい。概要版を作成してほしい。", "計画の策定後、概要版を作成し、町ホームページなどで公表いたします。", "その他", "S1.1"),
    ("地域包括支援センターの場所が分かりにくい。周知を強化してほしい。", "センターの周知については、既に施策の方向性に記載しています。広報紙などで引き続き周知してまいります。", "既記載", "houkatsu"),
    ("介護予防教室を平日の夜や土日にも開催してほしい。", "開催日時については、参加者の状況を踏まえ今後の参考とさせていただきます。", "参考", "yobou"),
    ("保険料の引上げには反対である。基金を取り崩して据え置くべきだ。", "介護給付費準備基金を活用し、保険料の上昇の抑制を図っています。保険料は必要なサービス量に基づき設定しています。", "対応なし", "S5.2"),
    ("特別養護老人ホームを増設してほしい。", "入所待機者の状況およびサービス見込み量を踏まえ、計画期間中の施設の増設は予定していません。", "対応なし", "kiban"),
    ("老人クラブの会員が減っている。若い高齢者が入りたくなる工夫が必要だ。", "老人クラブ連合会と連携し、活動内容の工夫を支援してまいります。今後の参考とさせていただきます。", "参考", "kenkou"),
    ("成年後見制度の相談窓口はどこか。", "権利擁護センターで相談をお受けしています。", "その他", "kenri"),
    ("避難行動要支援者名簿の情報を自治会と共有してほしい。", "本人の同意を得たうえで、自主防災組織などと名簿情報を共有しています。既に記載しています。", "既記載", "bousai"),
    ("ケアプラン点検は事業所の負担にならないよう配慮してほしい。", "点検の実施にあたっては、事業所の負担に配慮してまいります。", "参考", "tekisei"),
    ("在宅医療を担う医師が少ない。町として医師確保に取り組むべきだ。", "医師の確保については、県および医師会と連携して取り組んでまいります。", "参考", "zaitaku"),
    ("シルバー人材センターの仕事の種類を増やしてほしい。", "センターと連携し、就業機会の拡大に努めます。ご意見は今後の参考とさせていただきます。", "参考", "kenkou"),
    ("通いの場の会場として集会所の使用料を免除してほしい。", "使用料の取扱いについては、関係課と協議してまいります。", "参考", "yobou"),
    ("介護職員の処遇改善を町独自に行うべきだ。", "処遇改善は国の介護報酬において行われるものであり、町では資格取得の支援などに取り組みます。", "対応なし", "jinzai"),
    ("認知症の早期発見のため、もの忘れ検診を導入してほしい。", "認知症初期集中支援チームの活動の中で、早期発見に取り組んでいます。既に記載しています。", "既記載", "ninchi"),
    ("住宅改修の助成額を引き上げてほしい。", "助成額については、他市町の状況なども踏まえ、今後の参考とさせていただきます。", "参考", "sumai"),
    ("計画の進捗状況を分かりやすく公表してほしい。", "毎年度の点検および評価の結果を公表する旨を、既に進捗管理に記載しています。", "既記載", "S6.2"),
    ("高齢者の移動手段として、タクシー券の助成を拡充してほしい。", "外出支援サービスの利用状況を踏まえ、今後の参考とさせていただきます。", "参考", "sumai"),
    ("生活支援コーディネーターの役割が分からない。", "生活支援コーディネーターは、地域の支え合い活動を広げる役割を担っています。", "その他", "yobou"),
    ("アンケートの回収率はどの程度だったのか。", "高齢者実態調査の回収率は68.2％でした。", "その他", "S2.3"),
    ("介護サービスの見込み量の根拠を示してほしい。", "見込み量は、国の地域包括ケア「見える化」システムを用いて推計しています。", "その他", "S5.1"),

    ("地域ケア会議で検討した地域課題を町民にも公開してほしい。", "個人情報に配慮しつつ、公開の方法について今後の参考とさせていただきます。", "参考", "houkatsu"),
    ("認知症の人本人の声を聞く場を設けてほしい。", "本人の視点に立った支援を進めることを、既に施策の方向性に記載しています。", "既記載", "ninchi"),
    ("ICTの導入支援の対象を小規模な事業所にも広げてほしい。", "事業所の規模にかかわらず支援の対象としております。", "その他", "jinzai"),
    ("日常生活圏域を5圏域に細分化すべきではないか。", "現在の3圏域で地域包括支援センターの体制を整えており、原案のとおりとします。", "対応なし", "S1.4"),
    ("高齢化率の将来推計の根拠を示してほしい。", "住民基本台帳の人口を基にコーホート要因法により推計しています。", "その他", "S2.1"),]


def _ref(rng: random.Random, page: int, path: tuple, viewer: int, jigyo: str | None = None) -> tuple[str, str]:
    """(page cell, 項目 cell) written the way residents and staff write them; now and then the page a PDF
    viewer shows (the printed page + ``viewer``: the cover and the 目次 are not numbered)."""
    name = path[-1]
    r = rng.random()
    if jigyo:
        item = jigyo if r < 0.5 else f"{jigyo}について"
    elif r < 0.2 and len(path) == 3 and path[0].startswith("Ⅳ"):
        goal = path[1].split("　")[0]
        item = f"基本目標{goal}{name[:3]}"  # 「基本目標1(2)」-like
    elif r < 0.35 and len(path) == 3 and path[0].startswith("Ⅳ"):
        goal = path[1].split("　")[0]
        item = f"施策{goal}.{name[1:2]}"  # 「施策2.3」
    elif r < 0.45:
        plain = name.split("　")[-1].lstrip("（(0123456789０１２３４５６７８９)）")
        item = plain.replace("支援", "支授", 1) if "支援" in plain else plain.replace("推進", "推准", 1)  # a typo
    else:
        item = name
    f = rng.random()
    if f < 0.3:
        pg = f"P. {page}"
    elif f < 0.5:
        pg = f"{page}頁"
    elif f < 0.65:
        pg = f"p{page}-{page + 1}"
    elif f < 0.8:
        pg = f"{page}ページ"
    elif f < 0.92:
        pg = f"P{page}"
    else:
        pg = f"{page + viewer}ページ"
    return pg, item


def make_comments(plan_decs: list[dict], soan_its: list[tuple], soan_where: dict, rng: random.Random, seed: int,
                  editorial: list[dict], viewer: int) -> list[dict]:
    """The comment rows in the order of the 素案 (by page), with their truth (row ids, reflected)."""
    sec_page = {it[3]: soan_where[("h", it[3])] for it in soan_its if it[0] == "h"}
    sec_path = {it[3]: it[4] for it in soan_its if it[0] == "h"}
    rows: list[dict] = []
    for d in plan_decs:
        if not d["n_comments"]:
            continue
        sec = d["comment_sec"]
        if d.get("campaign"):
            base = d["opinions"][0]
            variants = [base, base.replace("明記してください", "位置付けてください"), "ヤングケアラーや家族介護者への支援を計画に明記してください。",
                        base.replace("。", "。介護で仕事を辞める人をなくしてほしい。"), base + "学校との連携も必要です。",
                        "家族介護者への支援（特にヤングケアラー）を明記すること。", base.replace("特に", "とりわけ"),
                        base + "私自身も親の介護をしています。", base.replace("家族介護者", "介護をしている家族")]
            n = d["n_comments"]
            if seed % 2:  # answered once: 「（同趣旨のご意見 他N件）」
                rows.append(dict(sec=sec, op=base + f"（同趣旨のご意見　他{n - 1}件）", ans=d["answer"], status="反映",
                                 rows=[d["id"]], reflected=True))
            else:  # row by row, the later ones answered 「No.nと同様です。」
                for k in range(n):
                    rows.append(dict(sec=sec, op=variants[k % len(variants)], ans=d["answer"] if k == 0 else "@same",
                                     status="反映", rows=[d["id"]], reflected=True, campaign=True, whole=k % 3 == 2))
            continue
        for k, op in enumerate(d["opinions"][:d["n_comments"]]):
            rows.append(dict(sec=sec, op=op, ans=d["answer"], status="反映" if k == 0 else "一部反映", rows=[d["id"]],
                             reflected=True, jigyo=d.get("jigyo_ref")))
    # a typo pointed out and fixed: reflected, but no row
    typo = next((e for e in editorial if e["kind"] == "誤字"), None)
    if typo is not None:
        sid = next(it[3] for it in soan_its if it[0] == "h" and tuple(typo["section_path"]) == it[4])
        rows.append(dict(sec=sid, op=f"「{typo['core_before']}」は「{typo['core_after']}」の誤りではないか。",
                         ans="ご指摘を踏まえ修正しました。", status="反映", rows=[], reflected=True))
    # fillers on sections, some where decisions were made (a trap for linking)
    for op, ans, st, sec in rng.sample(FILLERS, rng.randint(18, len(FILLERS))):
        rows.append(dict(sec=sec, op=op, ans=ans, status=st, rows=[], reflected=False))
    # a plain duplicate of a filler (same opinion with small edits)
    op, ans, st, sec = FILLERS[2]
    rows.append(dict(sec=sec, op=op.replace("してほしい", "してください"), ans=ans, status=st, rows=[], reflected=False))
    rows.sort(key=lambda r: (sec_page[r["sec"]], 0 if r["reflected"] else 1))
    first_of: dict[str, int] = {}
    out = []
    for i, r in enumerate(rows, 1):
        page = sec_page[r["sec"]]
        pg, item = _ref(rng, page, sec_path[r["sec"]], viewer, r.get("jigyo"))
        if r.get("whole"):
            pg, item = "", "計画全体"
        ans = r["ans"]
        if ans == "@same":
            ans = f"No.{first_of[r['rows'][0]]}と同様です。"
        elif r.get("campaign"):
            first_of[r["rows"][0]] = i
        out.append(dict(id=f"C{i:02d}", no=i, page=pg, item=item, opinion=r["op"], answer=ans, status=r["status"],
                        row_ids=r["rows"], reflected=r["reflected"], sec=r["sec"]))
    return out


def write_comments(comments: list[dict], shape: str, path: Path) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if shape == "bom6":
        w.writerow(["番号", "ページ", "項目", "ご意見の内容", "町の考え方", "反映状況"])
        for c in comments:
            w.writerow([c["no"], c["page"], c["item"], c["opinion"], c["answer"], c["status"]])
        path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    else:
        w.writerow(["No.", "該当箇所", "ご意見の要旨", "町の考え方"])
        for c in comments:
            w.writerow([c["no"], f"{c['page']} {c['item']}".strip(), c["opinion"], c["answer"]])
        path.write_bytes(buf.getvalue().encode("cp932"))


# ---------------------------------------------------------------- generate / write


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    town, pref = TOWNS[seed % len(TOWNS)]
    fw = bool(seed % 2)
    base = build_base(town, pref, fw)
    soan, an = copy.deepcopy(base), copy.deepcopy(base)
    decs = apply_decisions(an, seed, rng, fw, town, pref)
    touched = touched_uids(soan, an, decs)
    editorial = apply_editorial(soan, an, touched, rng, fw)
    return Plan(seed, town, pref, soan, an, decs, editorial, [], fw, "bom6" if seed % 2 else "cp932-4",
                "dash" if seed % 2 else "bare")


def touched_uids(soan: list[Sec], an: list[Sec], decs: list[dict]) -> set[str]:
    """Sections and blocks whose text differs between the versions (or whose 課 is renamed): no editorial edit there."""
    out: set[str] = set()
    so = {s.uid: s for s, _ in headings(soan, False)}
    for s, _ in headings(an, False):
        o = so.get(s.uid)
        if o is None or o.name != s.name or [b.uid for b in o.body] != [b.uid for b in s.body] or \
                [c.uid for c in o.children] != [c.uid for c in s.children]:
            out.add(s.uid)
        for b in s.body:
            ob = next((x for x in o.body if x.uid == b.uid), None) if o else None
            if ob is None or ob.text != b.text or ob.rows != b.rows:
                out.add(b.uid)
                out.add(s.uid)
    for s, _ in headings(soan, False):
        if s.uid not in {x.uid for x, _ in headings(an, False)}:
            out.add(s.uid)
    for s, _ in headings(soan, False):
        for b in s.body:
            if "{" in b.text or any("{" in c for r in b.rows for c in r) or b.kind == "t":
                out.add(b.uid)
    out.add("S6.1")
    return out


def summary(plan: Plan) -> dict:
    return {"town": plan.town, "decisions": len(plan.decisions), "editorial": len(plan.editorial),
            "comments": len(plan.comments), "fullwidth": plan.fullwidth, "comment_table": plan.csv_shape,
            "footer": plan.footer, "kinds": [d["kind"] for d in plan.decisions]}


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    title = f"{plan.town}高齢者保健福祉計画・第9期介護保険事業計画"
    seed = plan.seed
    ka_so = dict(DIVISIONS)
    ka_an = dict(ka_so)
    rename = next(x["rename"] for x in plan.decisions if "rename" in x)
    ka_an[rename[0]] = rename[1]
    so_its, an_its = items(plan.soan, plan.fullwidth, ka_so), items(plan.an, plan.fullwidth, ka_an)
    so_pages, so_where = layout(so_its, title, f"{title}（素案）", plan.footer)
    an_pages, an_where = layout(an_its, title, f"{title}（案）", plan.footer)
    so_toc, an_toc = toc_lines(so_its, so_where), toc_lines(an_its, an_where)
    so_pages, so_where2 = layout(so_its, title, f"{title}（素案）", plan.footer, so_toc)
    an_pages, an_where2 = layout(an_its, title, f"{title}（案）", plan.footer, an_toc)
    assert so_where2 == so_where and an_where2 == an_where  # the 目次 pages are not numbered
    n_front = len(an_pages) - len(layout(an_its, title, "", plan.footer)[0])
    so_front = len(so_pages) - len(layout(so_its, title, "", plan.footer)[0])
    files = {"soan": d / "soan.docx", "an": d / "an.docx", "soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf",
             "comments": d / "bessi1.csv", "expected": d / "expected.json"}
    write_docx(so_its, title, f"{title}（素案）", files["soan"], so_toc)
    write_docx(an_its, title, f"{title}（案）", files["an"], an_toc)
    write_pdf(so_pages, files["soan_pdf"])
    write_pdf(an_pages, files["an_pdf"])
    an_text = {it[1]: it[2] for it in an_its if it[0] in "pb"}
    printed_under = {it[1]: it[4] for it in an_its if it[0] != "h"}
    for e in plan.editorial:  # an edit is in the section it is printed under (a table: after the last item)
        e["section_path"] = list(printed_under[e["block"]])
    an_rows = {it[1]: (it[2], it[3]) for it in an_its if it[0] == "t"}
    an_path = {it[3]: it[4] for it in an_its if it[0] == "h"}
    blk_path = {it[1]: it[3] for it in an_its if it[0] != "h"}
    rows = []
    for dec in plan.decisions:
        paths, pages = [], []
        for pl in dec["places"]:
            if pl[0] == "h":
                paths.append(an_path[pl[1]])
                pages.append(an_where[("h", pl[1])])
                dec["comment_sec"] = pl[1]
                if dec["kind"].startswith("structure-") and "taikei" in an_rows:
                    # issue 11: the decision changes the 施策の体系 table too; its row lists that page as well
                    t_rows = an_rows["taikei"][0]
                    ri = next((i for i, r in enumerate(t_rows) if r[-1] == an_path[pl[1]][-1]), None)
                    if ri is not None:
                        pages.append(an_where[("row", "taikei", ri)])
            elif pl[0] == "p":
                paths.append(blk_path[pl[1]])
                pages.append(page_of_phrase(an_where, pl[1], an_text[pl[1]], pl[2]))
            elif pl[0] == "row":
                paths.append(an_rows[pl[1]][1])
                pages.append(an_where[("row", pl[1], pl[2])])
            elif pl[0] == "ka":  # every table row and paragraph that prints the renamed 課
                new = ka_an[pl[1]]
                for it in an_its:
                    if it[0] == "t":
                        for ri, r in enumerate(it[2]):
                            if new in r:
                                paths.append(it[3])
                                pages.append(an_where[("row", it[1], ri)])
                    elif it[0] == "p" and new in it[2]:
                        paths.append(it[3])
                        pages.append(page_of_phrase(an_where, it[1], it[2], new))
        if "comment_sec" not in dec and dec["places"][0][0] == "ka":
            dec["comment_sec"] = "S6.1"
        if "comment_sec" not in dec:
            pl = dec["places"][0]
            blk = pl[1]
            owner = next(it for it in an_its if it[0] != "h" and it[1] == blk)
            dec["comment_sec"] = next(it[3] for it in an_its if it[0] == "h" and it[4] == owner[3])
        if dec.get("topic") and dec["places"][0][0] == "row":
            dec["jigyo_ref"] = an_rows[dec["places"][0][1]][0][dec["places"][0][2]][0]
        uniq: list[list[str]] = []
        for p in paths:
            if list(p) not in uniq:
                uniq.append(list(p))
        rows.append(dict(id=dec["id"], item=" ".join(uniq[0]) if len(uniq) == 1 else "、".join(p[-1] for p in uniq),
                         an_pages=sorted(set(pages)), section_paths=uniq, kind=dec["kind"],
                         cause={"type": dec["cause"], "comment_ids": []}, must_mention=dec["must_mention"]))
    # comments need the 素案's pages; a comment's section must exist in the 素案
    so_secs = {it[3] for it in so_its if it[0] == "h"}
    for dec in plan.decisions:
        if dec.get("comment_sec") not in so_secs:
            dec["comment_sec"] = {"houkatsu.new": "houkatsu", "ikigai": "kenkou"}.get(dec["comment_sec"], dec["comment_sec"])
    plan.comments = make_comments(plan.decisions, so_its, so_where, random.Random(seed * 7), seed, plan.editorial,
                                  1 + so_front)
    write_comments(plan.comments, plan.csv_shape, files["comments"])
    by_id = {r["id"]: r for r in rows}
    for c in plan.comments:
        for rid in c["row_ids"]:
            by_id[rid]["cause"]["comment_ids"].append(c["id"])
    expected = {
        "case": f"blind4-s{seed}", "rows": rows,
        "comments": [{"id": c["id"], "ref": f"{c['page']} {c['item']}".strip(), "reflected": c["reflected"], "row_ids": c["row_ids"]}
                     for c in plan.comments],
        "editorial": [{k: v for k, v in e.items() if k != "block"} for e in plan.editorial],
        "non_reportable": ["ヘッダーの版表記（素案→案）", "目次（施策名・ページの変更）", "施策の再編に伴う施策番号の繰り下げ・繰り上げ", "施策の体系（表）の番号と施策名"],
        "an_pages_total": len(an_pages) - 1 - n_front,
    }
    files["expected"].write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    plan.layout = {"an_pages": len(an_pages) - 1 - n_front, "soan_pages": len(so_pages) - 1 - so_front}
    return files
