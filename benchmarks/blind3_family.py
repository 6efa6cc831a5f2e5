"""The third blind family: a 市's 総合計画 基本計画, 素案 → 案 after a public
comment, written without reading how revtool decides anything.

House style (unlike the ward, prefecture and ministry families): です・ます調;
第1章 / 第1節 / 「1　…」 in the opening chapters; in 第3章 the 施策体系
基本目標N / 政策N-M / 施策N-M-K (full-width digits on odd seeds), each 施策
on its own page with ■ parts (目指す姿, 現状と課題, 主な取組, 成果指標,
関連する個別計画); 主な取組 as （ア）（イ）… items; ※1 notes per 施策;
成果指標 tables 指標名 | 単位 | 現状値（令和N年度） | 目標値（令和12年度）;
a 施策体系 table at the head of 第3章. The comment table 別紙1 is the city's:
No. | 該当ページ | 該当箇所 | ご意見の要旨 | 市の考え方 | 対応区分 (A–D,
XLSX) on odd seeds, 番号 | 該当箇所 | 意見の概要 | 市の考え方 (Word table)
on even seeds; answers in the 市 register.

Decisions 素案 → 案 (each a truth row as a staff member would write it in
別紙2): a national plan adopted and a law amended between the versions, the
prefecture's plan renamed (external); 目標値 raised, an indicator added,
取組 added, a sentence added (the answer in its own words), 「検討します」 →
「令和9年度までに実施します」, a sentence with a new ※ note (answers of
one to three comments each) (comment); the city's reorganisation, a 施策
moved to another 政策, two 施策 merged, a paragraph moved to another 施策,
an 取組 deleted, 現状値 updated in every 成果指標 table (some seeds)
(internal). Consequences that are not rows: 施策 renumbered after a move or
a merge, the 施策体系 table (the line of a moved or merged 施策 is one more page
of that decision's row, as issue 11 states for a rename), ※ notes renumbered. Editorial edits that are
never rows: 公用文 表記 (取り組み→取組, 子供→こども, 障がい→障害, 等→など,
様々→さまざま, すべて→全て, 出来る→できる, 一人ひとり→一人一人, 更に→さらに),
IME slips (意外→以外, 感心→関心, 適性→適正, 週知→周知, 補償→保障),
full-width digits, ＩＣＴ→ICT.

    plan = generate(6001)
    files = write_plan(plan, Path("out"))   # soan/an .docx/.pdf, comments, expected.json

Seeds: tuning 6001–6003, held-out 6101–6103.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, CHARS_PER_LINE, LEFT, TOP, Line, PrintLine, lay_out, wrap, write_pdf

BLIND3_TUNING_SEEDS = (6001, 6002, 6003)
BLIND3_SEEDS = (6101, 6102, 6103)

CITIES = ["若葉市", "北浜市", "桜台市", "東山市", "緑川市", "南原市", "青葉台市", "西ノ宮市"]
PREFS = ["山辺県", "海原県", "高森県", "川内県"]
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")

# ---------------------------------------------------------------------------
# the 施策 pool: key, title, nouns, vision, 取組 (title, sentence), indicators (name, unit, now, target, up), ext idea, note term
# ---------------------------------------------------------------------------

M = dict  # a measure of the pool

GOALS = [
    ("子どもが健やかに育ち、誰もが学び続けられるまち", [
        ("子ども・子育て支援の充実", [
            M(key="ninshin", title="妊娠・出産から子育て期までの切れ目のない支援",
              nouns=["こども家庭センター", "伴走型相談支援", "産後ケア事業", "乳幼児健康診査"], theme="子育て家庭への支援",
              vision="全ての妊産婦と子育て家庭が、地域の中で孤立することなく、安心してこどもを産み育てています。",
              acts=[("こども家庭センターによる相談支援", "母子保健と児童福祉の一体的な相談支援を行い、支援が必要な家庭を早期に把握します。"),
                    ("産後ケア事業の充実", "宿泊型・通所型・訪問型の産後ケアを組み合わせ、出産後の心身の回復を支えます。"),
                    ("乳幼児健康診査の実施", "乳幼児の発育・発達を確認するとともに、保護者の育児に関する不安の軽減を図ります。")],
              inds=[("産後ケア事業の利用率", "％", 18.5, 30.0), ("この地域で子育てをしたいと思う親の割合", "％", 88.2, 95.0)],
              ext="産後ケアの利用料の減免", note=("伴走型相談支援", "妊娠期から出産・子育てまで、面談等を通じて必要な支援につなぐ取組")),
            M(key="hoiku", title="保育サービスと放課後の居場所の充実",
              nouns=["保育所", "放課後児童クラブ", "こども誰でも通園制度", "保育士"], theme="保育の受け皿の確保",
              vision="保護者の就労や家庭の状況にかかわらず、こどもが安全で質の高い保育や放課後の居場所を利用できています。",
              acts=[("保育の受け皿の確保", "保育需要の見込みに応じて、認可保育所等の整備や既存施設の定員の見直しを進めます。"),
                    ("保育士の確保と定着支援", "保育士の宿舎借上げや研修の充実により、保育人材の確保と定着を図ります。"),
                    ("放課後児童クラブの充実", "小学校の余裕教室の活用等により、放課後児童クラブの受入れ枠を拡大します。")],
              inds=[("保育所等待機児童数", "人", 12, 0), ("放課後児童クラブの待機児童数", "人", 35, 0)],
              ext="病児保育の実施施設の拡充", note=("こども誰でも通園制度", "保護者の就労要件を問わず、時間単位で保育所等を利用できる制度")),
            M(key="kenri", title="こどもの権利の保障と児童虐待の防止",
              nouns=["要保護児童対策地域協議会", "ヤングケアラー", "こどもの権利", "児童相談所"], theme="こどもの権利の保障",
              vision="こどもが権利の主体として尊重され、虐待や困難を抱えるこどもが早期に支援につながっています。",
              acts=[("こどもの権利に関する普及啓発", "こどもの権利について、こども自身や大人が学ぶ機会を設けます。"),
                    ("児童虐待の未然防止と早期対応", "要保護児童対策地域協議会を中心に、関係機関の情報共有と連携を強化します。"),
                    ("ヤングケアラーへの支援", "学校や福祉サービス事業者と連携し、ヤングケアラーを早期に把握して支援につなげます。")],
              inds=[("こどもの権利について知っているこどもの割合", "％", 42.3, 70.0), ("児童虐待相談の対応件数に占める継続支援の割合", "％", 61.0, 75.0)],
              ext="こどもの意見を聴く仕組みの整備", note=("ヤングケアラー", "本来大人が担うと想定されている家事や家族の世話などを日常的に行っているこども")),
        ]),
        ("学校教育の充実", [
            M(key="gakuryoku", title="確かな学力の育成",
              nouns=["一人一台端末", "全国学力・学習状況調査", "外国語教育", "学校図書館"], theme="児童生徒の学力の向上",
              vision="こどもたちが、基礎的な知識と技能を確実に身に付け、自ら考え表現する力を育んでいます。",
              acts=[("ICTを活用した授業づくり", "一人一台端末を活用し、児童生徒一人一人に応じた学びを充実させます。"),
                    ("外国語教育の推進", "外国語指導助手の配置を充実し、実践的なコミュニケーション能力を育成します。"),
                    ("学校図書館の活用", "学校司書の配置を進め、読書活動と調べ学習の充実を図ります。")],
              inds=[("授業の内容がよく分かると答える児童生徒の割合", "％", 78.4, 85.0), ("学校の授業以外に1日30分以上読書をする児童の割合", "％", 36.2, 45.0)],
              ext="学習支援員の全校配置", note=("GIGAスクール構想", "児童生徒一人一台端末と高速通信網を一体的に整備する国の構想")),
            M(key="futoko", title="不登校やいじめへの対応",
              nouns=["教育支援センター", "スクールカウンセラー", "スクールソーシャルワーカー", "校内教育支援センター"], theme="不登校児童生徒への支援",
              vision="悩みや不安を抱える児童生徒が、安心して相談でき、一人一人に合った学びの場につながっています。",
              acts=[("教育相談体制の充実", "スクールカウンセラーとスクールソーシャルワーカーを計画的に配置します。"),
                    ("多様な学びの場の確保", "教育支援センターの機能を充実し、校内教育支援センターを全中学校に設置します。"),
                    ("いじめの未然防止", "いじめ防止基本方針に基づき、学校と家庭、地域が連携して未然防止に取り組みます。")],
              inds=[("不登校児童生徒のうち相談・支援を受けている割合", "％", 71.0, 90.0), ("いじめの解消率", "％", 82.5, 95.0)],
              ext="オンラインによる学習支援", note=("校内教育支援センター", "学校には行けるが自分の教室に入りづらい児童生徒のための校内の居場所")),
            M(key="gakko", title="学校施設の長寿命化と教育環境の整備",
              nouns=["長寿命化改修", "体育館の空調設備", "学校給食センター", "通学路"], theme="学校施設の計画的な整備",
              vision="児童生徒が、安全で快適な学校施設の中で、落ち着いて学校生活を送っています。",
              acts=[("学校施設の長寿命化改修", "学校施設長寿命化計画に基づき、計画的な改修を行います。"),
                    ("体育館への空調設備の設置", "避難所としての機能も踏まえ、体育館への空調設備の設置を進めます。"),
                    ("学校給食の安全・安心の確保", "学校給食センターの衛生管理を徹底し、地場産物の活用を進めます。")],
              inds=[("体育館への空調設備の設置率", "％", 25.0, 100.0), ("学校給食における地場産物の使用割合", "％", 28.4, 35.0)],
              ext="学校施設の複合化", note=("長寿命化改修", "建物の耐用年数を延ばすため、劣化した部分の機能を回復し性能を高める改修")),
        ]),
    ]),
    ("健康で、支え合いながら安心して暮らせるまち", [
        ("健康づくりと地域医療", [
            M(key="kenko", title="生涯を通じた健康づくり",
              nouns=["特定健康診査", "がん検診", "フレイル予防", "健康寿命"], theme="市民の健康づくり",
              vision="市民一人一人が、自らの健康に関心を持ち、生涯にわたって健康づくりに取り組んでいます。",
              acts=[("特定健康診査・がん検診の受診促進", "受診勧奨の通知やインターネット予約により、受診率の向上を図ります。"),
                    ("フレイル予防の推進", "通いの場での体操や栄養指導など、高齢期のフレイル予防を推進します。"),
                    ("こころの健康づくり", "ゲートキーパーの養成など、自殺対策を含むこころの健康づくりを進めます。")],
              inds=[("特定健康診査受診率", "％", 38.6, 60.0), ("胃がん検診受診率", "％", 8.2, 15.0)],
              ext="健康ポイント事業の導入", note=("フレイル", "加齢に伴い心身の活力が低下し、要介護状態となるおそれが高い状態")),
            M(key="iryo", title="地域医療体制の確保",
              nouns=["かかりつけ医", "休日夜間急患診療所", "救急医療", "在宅医療"], theme="地域医療の確保",
              vision="市民が、必要なときに身近な地域で適切な医療を受けることができています。",
              acts=[("かかりつけ医の普及", "医師会と連携し、かかりつけ医を持つことの大切さを周知します。"),
                    ("救急医療体制の確保", "休日夜間急患診療所の運営を支援し、初期救急医療体制を確保します。"),
                    ("在宅医療と介護の連携", "医療と介護の関係者による多職種連携の研修を実施します。")],
              inds=[("かかりつけ医がいる市民の割合", "％", 61.5, 70.0), ("在宅医療・介護連携の研修参加者数", "人", 180, 300)],
              ext="オンライン診療の普及", note=("在宅医療", "通院が困難な人の自宅等に医師等が訪問して行う医療")),
        ]),
        ("地域福祉の推進", [
            M(key="korei", title="高齢者の地域生活の支援",
              nouns=["地域包括支援センター", "認知症サポーター", "介護予防", "生活支援コーディネーター"], theme="高齢者の地域生活の支援",
              vision="高齢者が、住み慣れた地域で、自分らしく安心して暮らし続けています。",
              acts=[("地域包括支援センターの機能強化", "相談件数の増加に対応できるよう、地域包括支援センターの体制を充実します。"),
                    ("認知症施策の推進", "認知症サポーターの養成や認知症カフェの運営を支援します。"),
                    ("介護予防・生活支援の充実", "住民主体の通いの場の立ち上げと継続を支援します。")],
              inds=[("認知症サポーター養成講座の受講者数（累計）", "人", 12400, 18000), ("通いの場の数", "か所", 96, 130)],
              ext="高齢者の移動支援の拡充", note=("生活支援コーディネーター", "地域の支え合いの体制づくりを進めるため、各地区に配置する調整役")),
            M(key="shogai", title="障害のある人の自立と社会参加",
              nouns=["相談支援事業所", "就労支援", "合理的配慮", "地域生活支援拠点"], theme="障害のある人の地域生活の支援",
              vision="障害のある人が、必要な支援を受けながら、地域の一員として自立した生活を送っています。",
              acts=[("相談支援体制の充実", "基幹相談支援センターを中心に、相談支援事業所への助言と人材育成を行います。"),
                    ("一般就労への移行支援", "ハローワーク等と連携し、福祉施設から一般就労への移行を支援します。"),
                    ("障害を理由とする差別の解消", "事業者や市民に向けて、合理的配慮の提供に関する周知を行います。")],
              inds=[("福祉施設から一般就労への移行者数", "人", 18, 30), ("地域生活支援拠点の登録事業所数", "か所", 6, 12)],
              ext="手話言語条例の制定", note=("合理的配慮", "障害のある人から求めがあった場合に、負担が重すぎない範囲で行う必要かつ適当な変更・調整")),
            M(key="jusou", title="重層的な支援体制の構築",
              nouns=["重層的支援体制整備事業", "自立相談支援機関", "ひきこもり", "孤独・孤立"], theme="複合的な課題を抱える世帯への支援",
              vision="制度の狭間にある人や複合的な課題を抱える世帯が、分野を越えた支援を受けています。",
              acts=[("包括的な相談支援", "分野ごとの相談窓口が連携し、相談を断らずに受け止める体制を整えます。"),
                    ("生活困窮者の自立支援", "自立相談支援機関による就労支援や家計改善支援を行います。"),
                    ("孤独・孤立対策の推進", "民生委員・児童委員や地域の団体と連携し、見守りの体制を強化します。")],
              inds=[("自立相談支援機関の新規相談受付件数", "件", 420, 500), ("重層的支援会議で支援方針を決定した件数", "件", 24, 60)],
              ext="ひきこもり支援拠点の設置", note=("重層的支援体制整備事業", "属性を問わない相談支援、参加支援、地域づくりに向けた支援を一体的に行う事業")),
        ]),
    ]),
    ("災害に強く、安全で快適に暮らせるまち", [
        ("防災・防犯", [
            M(key="bosai", title="防災・減災対策の推進",
              nouns=["自主防災組織", "避難所", "個別避難計画", "防災訓練"], theme="地域の防災力の向上",
              vision="市民と地域、行政がそれぞれの役割を果たし、災害に備えた地域づくりが進んでいます。",
              acts=[("自主防災組織の活動支援", "資機材の整備や訓練の実施を支援し、地域の防災力を高めます。"),
                    ("避難所の環境整備", "避難所の備蓄品を充実し、要配慮者に配慮した運営マニュアルを整備します。"),
                    ("個別避難計画の作成", "福祉専門職と連携し、避難行動要支援者の個別避難計画の作成を進めます。")],
              inds=[("自主防災組織の組織率", "％", 72.5, 85.0), ("個別避難計画の作成率", "％", 22.0, 60.0)],
              ext="マンション防災の推進", note=("個別避難計画", "避難行動要支援者ごとに、避難の支援者や避難先などを定めた計画")),
            M(key="bohan", title="防犯・交通安全の推進",
              nouns=["防犯カメラ", "交通事故", "通学路", "自転車"], theme="犯罪や交通事故のない地域づくり",
              vision="市民が、犯罪や交通事故の不安を感じることなく、安全に暮らしています。",
              acts=[("地域の防犯活動への支援", "防犯パトロール団体の活動を支援し、防犯カメラの設置を進めます。"),
                    ("通学路の安全対策", "合同点検の結果に基づき、通学路の危険箇所の改善を進めます。"),
                    ("自転車の安全利用の促進", "ヘルメットの着用や交通ルールの遵守について啓発を行います。")],
              inds=[("市内の交通事故発生件数", "件", 412, 350), ("市内の刑法犯認知件数", "件", 1280, 1100)],
              ext="自転車用ヘルメットの購入費助成", note=("合同点検", "学校、警察、道路管理者等が合同で通学路の危険箇所を確認する点検")),
        ]),
        ("都市基盤の整備", [
            M(key="kotsu", title="地域公共交通の確保",
              nouns=["コミュニティバス", "デマンド交通", "地域公共交通計画", "交通事業者"], theme="市民の移動手段の確保",
              vision="高齢者をはじめ誰もが、日常生活に必要な移動手段を確保できています。",
              acts=[("コミュニティバスの運行", "利用状況に応じて、運行ルートとダイヤの見直しを行います。"),
                    ("デマンド交通の導入", "公共交通の空白地域において、予約型のデマンド交通を運行します。"),
                    ("公共交通の利用促進", "乗り方教室の開催などにより、公共交通の利用を促進します。")],
              inds=[("コミュニティバスの年間利用者数", "人", 182000, 210000), ("公共交通の空白地域に住む人口の割合", "％", 6.8, 3.0)],
              ext="運転手不足への対応", note=("デマンド交通", "利用者の予約に応じて、運行経路や時刻を柔軟に設定する交通")),
            M(key="jukan", title="良好な住環境の形成",
              nouns=["空き家", "住宅の耐震化", "市営住宅", "景観"], theme="安全で良好な住環境の形成",
              vision="良好な住環境が保たれ、多様な世代が住み続けたいと感じています。",
              acts=[("空き家対策の推進", "空き家の所有者への助言や利活用の支援を行い、管理不全の空き家の発生を防ぎます。"),
                    ("住宅の耐震化の促進", "木造住宅の耐震診断と耐震改修の費用の一部を助成します。"),
                    ("市営住宅の適正な管理", "市営住宅等長寿命化計画に基づき、計画的な修繕を行います。")],
              inds=[("住宅の耐震化率", "％", 89.0, 95.0), ("空き家バンクの成約件数（累計）", "件", 42, 100)],
              ext="空き家の除却費用の助成", note=("管理不全空家", "放置すれば特定空家等になるおそれのある空き家")),
            M(key="suido", title="上下水道の安定した経営",
              nouns=["基幹管路", "水道施設の耐震化", "下水道", "経営戦略"], theme="上下水道の持続的な経営",
              vision="安全な水が安定して供給され、下水道が適切に維持されています。",
              acts=[("基幹管路の耐震化", "重要施設に接続する管路を優先して耐震化を進めます。"),
                    ("下水道施設の計画的な改築", "ストックマネジメント計画に基づき、施設の改築を行います。"),
                    ("経営基盤の強化", "経営戦略に基づき、効率的な事業運営と適正な料金水準の検討を行います。")],
              inds=[("基幹管路の耐震適合率", "％", 48.2, 60.0), ("有収率", "％", 90.1, 92.0)],
              ext="広域連携による事業の共同化", note=("有収率", "配水量のうち料金収入の対象となった水量の割合")),
        ]),
    ]),
    ("にぎわいと活力があり、環境にやさしいまち", [
        ("産業の振興", [
            M(key="sogyo", title="中小企業の経営支援と創業の促進",
              nouns=["創業支援", "事業承継", "商店街", "商工会議所"], theme="地域経済の活性化",
              vision="市内の中小企業が元気に活動し、新たな創業が生まれています。",
              acts=[("創業支援の充実", "商工会議所等と連携し、創業塾や創業後の相談を行います。"),
                    ("事業承継の支援", "後継者不在の事業者に対し、専門家による相談の機会を設けます。"),
                    ("商店街の活性化", "商店街が行うイベントや空き店舗の活用を支援します。")],
              inds=[("市の創業支援による創業件数（累計）", "件", 64, 150), ("空き店舗の活用件数（累計）", "件", 11, 30)],
              ext="キャッシュレス決済の導入支援", note=("事業承継", "経営者が後継者に事業を引き継ぐこと")),
            M(key="nogyo", title="農業の振興",
              nouns=["認定農業者", "耕作放棄地", "地産地消", "スマート農業"], theme="農業の持続的な発展",
              vision="担い手が確保され、市内の農地が守られながら、農業が持続的に営まれています。",
              acts=[("担い手の確保と育成", "新規就農者への研修や経営の支援を行います。"),
                    ("農地の保全", "農地の集積・集約化を進め、耕作放棄地の発生を防ぎます。"),
                    ("地産地消の推進", "直売所や学校給食での市内農産物の利用を進めます。")],
              inds=[("認定農業者数", "人", 146, 160), ("耕作放棄地の面積", "ha", 82.0, 70.0)],
              ext="スマート農業技術の導入支援", note=("認定農業者", "農業経営改善計画を作成し、市町村の認定を受けた農業者")),
            M(key="kanko", title="観光の振興",
              nouns=["観光客", "観光協会", "インバウンド", "観光資源"], theme="観光によるにぎわいの創出",
              vision="市の魅力が広く発信され、多くの人が訪れ、地域がにぎわっています。",
              acts=[("観光資源の磨き上げ", "歴史や自然などの観光資源を活かした体験型観光を進めます。"),
                    ("情報発信の強化", "SNSや多言語のウェブサイトにより、市の魅力を発信します。"),
                    ("受入環境の整備", "案内表示の多言語化や観光案内所の機能強化を行います。")],
              inds=[("観光入込客数", "万人", 315, 380), ("観光客の満足度", "％", 74.0, 85.0)],
              ext="観光DMOの設立", note=("インバウンド", "外国人が訪れてくる旅行")),
        ]),
        ("環境の保全", [
            M(key="datsutanso", title="脱炭素社会の実現",
              nouns=["温室効果ガス", "再生可能エネルギー", "ゼロカーボンシティ", "省エネルギー"], theme="脱炭素社会の実現",
              vision="市民・事業者・市が一体となって、温室効果ガスの排出削減に取り組んでいます。",
              acts=[("再生可能エネルギーの導入", "公共施設への太陽光発電設備の設置を進めます。"),
                    ("省エネルギーの推進", "住宅の断熱改修や高効率な設備の導入を支援します。"),
                    ("環境学習の推進", "こどもから大人まで、環境について学ぶ機会を提供します。")],
              inds=[("公共施設への太陽光発電設備の導入施設数", "施設", 18, 45), ("市の事務事業に伴う温室効果ガス排出量の削減率（平成25年度比）", "％", 31.0, 50.0)],
              ext="公用車の電動化", note=("ゼロカーボンシティ", "2050年までに二酸化炭素排出量実質ゼロを目指すことを表明した自治体")),
            M(key="gomi", title="循環型社会の形成",
              nouns=["ごみの減量", "食品ロス", "プラスチック資源", "リサイクル"], theme="ごみの減量と資源化",
              vision="ごみの発生が抑えられ、資源が循環する暮らしが定着しています。",
              acts=[("ごみの発生抑制", "食品ロスの削減や使い捨てプラスチックの削減を呼びかけます。"),
                    ("分別収集の徹底", "プラスチック資源の一括回収を実施し、資源化を進めます。"),
                    ("不法投棄の防止", "パトロールと監視カメラにより、不法投棄を防止します。")],
              inds=[("市民一人一日当たりのごみ排出量", "g", 862, 800), ("リサイクル率", "％", 21.5, 26.0)],
              ext="生ごみの資源化", note=("食品ロス", "まだ食べられるのに捨てられてしまう食品")),
        ]),
    ]),
    ("市民とともにつくる持続可能なまち", [
        ("協働と多様性", [
            M(key="kyodo", title="市民協働と地域コミュニティの活性化",
              nouns=["自治会", "地域づくり協議会", "NPO", "市民活動センター"], theme="地域コミュニティの活性化",
              vision="市民や地域の団体が主体的にまちづくりに参加し、地域の課題解決に取り組んでいます。",
              acts=[("自治会活動の支援", "加入促進の取組や活動の担い手確保を支援します。"),
                    ("地域づくり協議会の設立支援", "小学校区ごとの地域づくり協議会の設立と運営を支援します。"),
                    ("市民活動の促進", "市民活動センターを拠点に、NPO等の活動を支援します。")],
              inds=[("自治会加入率", "％", 64.8, 70.0), ("地域づくり協議会の設立数", "協議会", 8, 20)],
              ext="地域活動のデジタル化支援", note=("地域づくり協議会", "自治会、PTA、地域の団体等で構成し、地域の課題に取り組む組織")),
            M(key="danjo", title="男女共同参画と多様性の尊重",
              nouns=["男女共同参画", "審議会", "多文化共生", "パートナーシップ宣誓制度"], theme="誰もが尊重される社会づくり",
              vision="性別や国籍などにかかわらず、誰もが個性と能力を発揮し、互いに尊重し合っています。",
              acts=[("男女共同参画の推進", "審議会等への女性の参画を進め、固定的な役割分担意識の解消に向けた啓発を行います。"),
                    ("多文化共生の推進", "外国人市民への多言語による情報提供と日本語学習の支援を行います。"),
                    ("性の多様性の理解促進", "パートナーシップ宣誓制度の運用と、職員や市民への研修を行います。")],
              inds=[("審議会等における女性委員の割合", "％", 31.5, 40.0), ("多様性が尊重されていると感じる市民の割合", "％", 45.2, 60.0)],
              ext="DV被害者への支援体制の強化", note=("パートナーシップ宣誓制度", "性的少数者のカップルが互いを人生のパートナーとして宣誓したことを市が証明する制度")),
        ]),
        ("持続可能な行政経営", [
            M(key="dx", title="行政のデジタル化の推進",
              nouns=["オンライン申請", "書かない窓口", "自治体情報システムの標準化", "デジタルデバイド"], theme="行政サービスのデジタル化",
              vision="市民が、時間や場所にとらわれず、便利に行政サービスを利用できています。",
              acts=[("行政手続のオンライン化", "申請件数の多い手続から順次、オンライン申請を可能にします。"),
                    ("書かない窓口の推進", "窓口での申請書の記入を減らし、手続の時間を短縮します。"),
                    ("デジタルデバイド対策", "スマートフォン教室などにより、誰もがデジタル化の恩恵を受けられるよう支援します。")],
              inds=[("オンラインで申請できる手続の割合", "％", 45.0, 80.0), ("書かない窓口の対象手続数", "手続", 12, 60)],
              ext="生成AIの業務への活用", note=("書かない窓口", "職員が聞き取った内容を基に申請書を作成し、申請者の記入を省く窓口")),
            M(key="zaisei", title="持続可能な財政運営と公共施設マネジメント",
              nouns=["公共施設等総合管理計画", "経常収支比率", "受益者負担", "民間活力"], theme="持続可能な財政運営",
              vision="将来世代に負担を先送りしない、健全で持続可能な財政運営が行われています。",
              acts=[("公共施設の最適化", "公共施設等総合管理計画に基づき、施設の複合化や集約化を進めます。"),
                    ("歳入の確保", "受益者負担の適正化や未利用地の売却などにより、歳入を確保します。"),
                    ("民間活力の活用", "指定管理者制度やPFIなど、民間の活力を活用します。")],
              inds=[("経常収支比率", "％", 93.1, 90.0), ("公共施設の延床面積の削減率（令和3年度比）", "％", 1.2, 5.0)],
              ext="ふるさと納税の活用", note=("経常収支比率", "経常的な支出に経常的な収入がどの程度充てられているかを示す比率")),
        ]),
    ]),
]

# outside documents that change between the versions (external causes)
NATIONAL_PLANS = [
    ("第6次男女共同参画基本計画", "閣議決定", "あらゆる分野における女性の参画の拡大と、固定的な性別役割分担意識の解消に向けた方向性"),
    ("第5次食育推進基本計画", "決定", "生涯を通じた心身の健康を支える食育と、持続可能な食を支える食育の推進の方向性"),
    ("第12次交通安全基本計画", "決定", "高齢者と子どもの安全確保や自転車の安全利用を重点とする交通安全対策の方向性"),
    ("第3期国土強靱化実施中期計画", "閣議決定", "防災・減災、国土強靱化に向けて今後5年間に重点的に取り組む施策の方向性"),
]
LAWS = {  # measure key -> (law, what the amendment does)
    "bosai": ("災害対策基本法", "避難所における生活環境の整備や福祉サービスの提供が災害救助の内容に位置付けられる"),
    "jusou": ("生活困窮者自立支援法", "住まいに困難を抱える人への居住支援が強化される"),
    "hoiku": ("子ども・子育て支援法", "乳児等通園支援事業（こども誰でも通園制度）が全ての市町村で実施される"),
    "shogai": ("障害者差別解消法", "事業者による合理的配慮の提供が義務化される"),
    "datsutanso": ("地球温暖化対策の推進に関する法律", "地域脱炭素化促進事業の促進区域の設定が進められる"),
    "jukan": ("空家等対策の推進に関する特別措置法", "管理不全空家等に対する指導・勧告の制度が設けられる"),
    "gakuryoku": ("学校教育法", "教育データの利活用に関する規定が整備される"),
}
SENTENCE_ADDS = [  # (key word, sentence) added to 現状と課題 in answer to a comment
    ("多言語", "また、外国人市民の増加に伴い、多言語による情報提供ややさしい日本語での案内が課題となっています。"),
    ("担い手", "加えて、活動の担い手の高齢化が進んでおり、新たな担い手の確保と育成が急務となっています。"),
    ("物価高騰", "さらに、物価高騰の影響により、生活に困難を抱える世帯が増えていることにも留意する必要があります。"),
    ("男性の育児参加", "また、共働き世帯の増加を踏まえ、男性の育児参加を後押しする取組も求められています。"),
    ("災害時", "また、災害時にも必要なサービスを継続できるよう、平時からの備えが重要となっています。"),
]
NEW_NOTES = [  # (term, sentence with the term, definition)
    ("EBPM", "今後は、EBPM※1の考え方に基づき、統計データを活用して取組の効果を検証していく必要があります。",
     "証拠に基づく政策立案。統計や業務データ等の客観的な証拠を基に政策を立案する考え方"),
    ("ウェルビーイング", "市民一人一人のウェルビーイング※1の向上を意識した取組が求められています。",
     "身体的・精神的・社会的に良い状態にあること"),
    ("アウトリーチ", "支援が届きにくい人に対しては、アウトリーチ※1による働きかけを強化する必要があります。",
     "支援が必要な人に対し、行政等が積極的に出向いて働きかけること"),
]
NEW_INDICATORS = [("{theme}に関する相談窓口の認知度", "％", 35.0, 60.0), ("{theme}に満足している市民の割合", "％", 52.4, 65.0),
                  ("{theme}に関する講座・イベントの参加者数", "人", 850, 1200)]
ORGS = [("企画部企画政策課", "政策企画部政策推進課"), ("総務部行政改革推進課", "総務部行政経営課"),
        ("市民部市民協働課", "地域振興部地域協働課"), ("企画部デジタル推進室", "デジタル戦略部デジタル推進課")]

# editorial edits: (素案 form, 案 form); the 案 form is the canonical text
EDITORIAL_WORDS = [("取り組み", "取組"), ("子供", "こども"), ("障がい", "障害"), ("様々", "さまざま"), ("すべて", "全て"),
                   ("出来る", "できる"), ("一人ひとり", "一人一人"), ("更に", "さらに"), ("意外", "以外"), ("感心", "関心"),
                   ("適性", "適正"), ("週知", "周知"), ("補償", "保障"), ("等の", "などの"), ("ＩＣＴ", "ICT"), ("令和６年度", "令和6年度")]

# ---------------------------------------------------------------------------
# the plan model
# ---------------------------------------------------------------------------


@dataclass
class Blk:
    uid: str
    text: str = ""
    style: str = "p"  # p | item | note | table
    rows: list[list[str]] | None = None


@dataclass
class Part:
    uid: str
    title: str
    blocks: list[Blk]


@dataclass
class Measure:
    uid: str
    key: str
    title: str
    parts: list[Part]
    spec: dict = field(default_factory=dict)


@dataclass
class Policy:
    uid: str
    title: str
    measures: list[Measure]


@dataclass
class Goal:
    uid: str
    title: str
    policies: list[Policy]


@dataclass
class Sect:
    uid: str
    title: str
    blocks: list[Blk]
    subs: list[Sect] = field(default_factory=list)


@dataclass
class State:
    front: list[tuple[str, str, list[Sect]]]   # (uid, chapter title, 節)
    goals: list[Goal]
    back: list[tuple[str, str, list[Sect]]]
    genzai_year: str = "令和5年度"


@dataclass
class Rendered:
    """A version as printed: blocks in order with level (0 body, 1–5 heading), the heading path of each,
    the PDF pages and the printed page of every line key."""
    blocks: list[tuple[str, int, Blk, bool]]
    paths: dict[str, list[str]]
    pages: list
    where: dict[tuple, int]
    line_keys: dict[str, list[tuple[int, int]]]  # uid -> [(offset, page)]


@dataclass
class Plan:
    seed: int
    city: str
    pref: str
    title: str
    soan: State
    an: State
    rows: list[dict]
    comments: list[dict]
    editorial: list[dict]
    non_reportable: list[str]
    fullwidth: bool
    comment_style: str


def _num(s: str, fullwidth: bool) -> str:
    return s.translate(FW) if fullwidth else s


def _fmt(v: float, like: float) -> str:
    if isinstance(like, int) and isinstance(v, int):
        return f"{v:,}"
    return f"{v:.1f}"


# ---------------------------------------------------------------------------
# building the 素案 (canonical, 案-form wording)
# ---------------------------------------------------------------------------


def _measure(m: dict, uid: str, rng: random.Random, year: str) -> Measure:
    n = m["nouns"]
    pct = rng.choice([28.4, 31.9, 35.2, 38.7, 41.3, 44.6])
    th = m["theme"]
    issues = [rng.choice(v) for v in (
        [f"本市では、{n[0]}や{n[1]}などを通じて、{th}に取り組んできました。一方で、社会環境の変化に伴い、"
         "市民のニーズはさまざまな形で多様化しています。",
         f"これまで本市は、{n[0]}の充実を中心に{th}を進めてきました。しかし、人口構造や生活様式の変化により、"
         f"{n[1]}を取り巻く状況はさまざまな面で変わりつつあります。",
         f"{th}については、{n[0]}や{n[1]}などの取組により一定の成果を上げてきた一方、新たな課題も生じています。"],
        [f"令和6年度に実施した市民意識調査では、{th}について「満足している」と回答した市民の割合は{pct}％にとどまっており、"
         f"特に{n[2]}に対する関心が高まっています。",
         f"市民意識調査（令和6年度）によると、{th}に関する施策の重要度は高い一方で、満足度は{pct}％にとどまっています。"
         f"自由記述では、{n[2]}に関する意見が多く寄せられました。",
         f"近年、{n[2]}に対する市民の関心が高まっており、令和6年度の市民意識調査でも、{th}の満足度は{pct}％と、"
         "前回調査を下回る結果となりました。"],
        [f"今後は、{n[3]}の取組をはじめ、関係機関との連携を一層強化し、市民一人一人の状況に応じた適正な支援を行う必要があります。"
         f"また、{th}以外の分野とも連携し、制度の周知を図るとともに、全ての市民が必要な情報を入手できる環境を整えることが求められています。",
         f"このため、{n[3]}などの関係機関との役割分担を明確にしながら、市民一人一人に寄り添った適正な支援を行うことが課題です。"
         "さらに、必要な情報が全ての市民に届くよう、制度の周知の方法を工夫することが求められています。",
         f"限られた人材と財源の中で、{n[3]}の取組を含めた事業の優先度を見極め、適正な資源配分を行う必要があります。"
         f"また、{th}以外の分野とも連携し、全ての市民が必要な支援を受けることができる体制を整えることが重要です。"])]
    term, _ = m["note"]
    issues[1] += f"{term}※1の活用も含め、取組の一層の充実が求められています。"
    parts = [
        Part(f"{uid}.v", "■ 目指す姿", [Blk(f"{uid}.v1", m["vision"])]),
        Part(f"{uid}.i", "■ 現状と課題", [Blk(f"{uid}.i{k}", t) for k, t in enumerate(issues, 1)]
             + [Blk(f"{uid}.n1", f"※1　{term}：{m['note'][1]}", "note")]),
        Part(f"{uid}.a", "■ 主な取組", []),
        Part(f"{uid}.k", "■ 成果指標", [Blk(f"{uid}.t", "", "table", _ind_table(m["inds"], year))]),
        Part(f"{uid}.r", "■ 市民・地域・事業者に期待される役割", [
            Blk(f"{uid}.r1", f"・市民：{m['theme']}について関心を持ち、身近な取組に参加します。"),
            Blk(f"{uid}.r2", f"・地域：地域の団体や関係機関が連携し、{m['theme']}に向けた取組を支えます。"),
            Blk(f"{uid}.r3", "・事業者：専門性や資源を活かし、市や地域の取組に協力します。")]),
        Part(f"{uid}.p", "■ 関連する個別計画", [Blk(f"{uid}.p1", "・" + _plan_of(m))]),
    ]
    for k, (t, s) in enumerate(m["acts"]):
        parts[2].blocks += [Blk(f"{uid}.a{k}h", f"（{'アイウエオカ'[k]}）{t}", "item"), Blk(f"{uid}.a{k}b", s)]
    return Measure(uid, m["key"], m["title"], parts, m)


def _plan_of(m: dict) -> str:
    return {"ninshin": "こども計画", "hoiku": "こども計画", "kenri": "こども計画", "gakuryoku": "教育振興基本計画",
            "futoko": "教育振興基本計画", "gakko": "学校施設長寿命化計画", "kenko": "健康増進計画・食育推進計画",
            "iryo": "健康増進計画・食育推進計画", "korei": "高齢者保健福祉計画・介護保険事業計画",
            "shogai": "障害者計画・障害福祉計画", "jusou": "地域福祉計画", "bosai": "地域防災計画・国土強靱化地域計画",
            "bohan": "交通安全計画", "kotsu": "地域公共交通計画", "jukan": "住生活基本計画・空家等対策計画",
            "suido": "水道事業経営戦略・下水道事業経営戦略", "sogyo": "産業振興ビジョン", "nogyo": "農業振興地域整備計画",
            "kanko": "観光振興計画", "datsutanso": "地球温暖化対策実行計画", "gomi": "一般廃棄物処理基本計画",
            "kyodo": "市民協働推進指針", "danjo": "男女共同参画プラン", "dx": "DX推進計画",
            "zaisei": "公共施設等総合管理計画"}[m["key"]]


def _ind_table(inds: list, year: str) -> list[list[str]]:
    rows = [["指標名", "単位", f"現状値（{year}）", "目標値（令和12年度）"]]
    for name, unit, now, target in inds:
        rows.append([name, unit, _fmt(now, now), _fmt(target, target)])
    return rows


def _front(city: str, pref: str, plan_title: str, nat: tuple, orgs: list[tuple[str, str]]) -> tuple[list, list]:
    ch1 = ("c1", "計画の策定にあたって", [
        Sect("c1s1", "計画策定の趣旨", [
            Blk("c1s1p1", f"本市では、令和3年度に「{city}第5次総合計画」を策定し、「ひと・まち・みどりが輝く{city}」を将来都市像として、"
                          "まちづくりを進めてきました。"),
            Blk("c1s1p2", "この間、人口減少と少子高齢化の進行、自然災害の激甚化、デジタル技術の急速な進展など、本市を取り巻く環境は大きく変化しています。"
                          "こうした変化に的確に対応し、将来にわたって持続可能なまちづくりを進めるため、新たな総合計画を策定します。")]),
        Sect("c1s2", "計画の位置付け", [
            Blk("c1s2p1", f"本計画は、本市の最上位計画として、まちづくりの基本的な方向性を示すものです。分野別の個別計画は、"
                          "本計画との整合を図りながら策定・推進します。"),
            Blk("c1s2p2", f"また、本計画の策定に当たっては、{pref}の総合計画である「{pref}総合計画（第3次）」（策定中）との整合を図ります。")]),
        Sect("c1s3", "計画の構成と期間", [
            Blk("c1s3p1", "本計画は、基本構想、基本計画及び実施計画で構成します。基本計画の計画期間は、令和8年度から令和12年度までの5年間とします。"),
            Blk("c1s3p2", "実施計画は、基本計画に掲げる施策を具体的に推進するための事業を定めるもので、毎年度見直しを行います。")]),
    ])
    ch2 = ("c2", "本市を取り巻く社会経済情勢", [
        Sect("c2s1", "人口の動向", [
            Blk("c2s1p1", "本市の人口は、平成27年の約12万4千人をピークに減少に転じ、令和7年10月1日現在で約11万8千人となっています。"),
            Blk("c2s1p2", "国立社会保障・人口問題研究所の推計によると、令和32年には約9万6千人まで減少し、高齢化率は38％を超える見込みです。")]),
        Sect("c2s2", "国・県の動向", [], [
            Sect("c2s2a", "1　地方創生と地域の活性化", [
                Blk("c2s2a1", "国では、人口減少に歯止めをかけ、地方の活力を高めるため、地方創生の取組を進めています。"),
                Blk("c2s2a2", "デジタル技術を活用した地域課題の解決や、若者や女性に選ばれる地域づくりが重要とされています。")]),
            Sect("c2s2b", "2　関連する国の計画", [
                Blk("c2s2b1", f"国においては、現在、{nat[0]}の策定に向けた検討が進められており、本市においても、その動向を注視しながら施策を推進する必要があります。"),
                Blk("c2s2b2", "このほか、こども大綱や健康日本21（第三次）など、各分野で国の計画が策定されています。")]),
        ]),
        Sect("c2s3", "市民意識調査の結果", [
            Blk("c2s3p1", "令和6年度に実施した市民意識調査では、「住みやすい」と回答した市民の割合は78.3％でした。"),
            Blk("c2s3p2", "今後特に力を入れるべき取組としては、「子育て支援」「防災対策」「公共交通」の順に多く挙げられています。")]),
    ])
    back = [("c4", "計画の推進に向けて", [
        Sect("c4s1", "推進体制", [
            Blk("c4s1p1", f"本計画の推進に当たっては、{orgs[0][0]}が全体の進行管理を行い、各施策の所管部署が連携して取組を進めます。"),
            Blk("c4s1p2", f"また、市民協働の推進については{orgs[1][0]}が、地域の団体やNPO等との調整を担います。")]),
        Sect("c4s2", "進行管理", [
            Blk("c4s2p1", "本計画の進行管理は、PDCAサイクルに基づき、成果指標の達成状況を毎年度検証することにより行います。"),
            Blk("c4s2p2", "検証の結果は、総合計画審議会に報告するとともに、市のウェブサイトで公表します。")]),
    ])]
    return [ch1, ch2], back


def _build_soan(seed: int, rng: random.Random, city: str, pref: str, nat: tuple, orgs: list) -> State:
    goals = []
    for gi, (gtitle, pols) in enumerate(GOALS, 1):
        gp = []
        for pi, (ptitle, ms) in enumerate(pols, 1):
            keep = ms if len(ms) <= 2 else sorted(rng.sample(ms, k=rng.choice([2, 3])), key=ms.index)
            gp.append(Policy(f"g{gi}p{pi}", ptitle, [_measure(m, f"m_{m['key']}", rng, "令和5年度") for m in keep]))
        goals.append(Goal(f"g{gi}", gtitle, gp))
    front, back = _front(city, pref, "", nat, orgs)
    return State(front, goals, back)


# ---------------------------------------------------------------------------
# rendering: numbering, headings, printed lines, pages
# ---------------------------------------------------------------------------


def measure_numbers(st: State, fullwidth: bool) -> dict[str, str]:
    out = {}
    for gi, g in enumerate(st.goals, 1):
        for pi, p in enumerate(g.policies, 1):
            for mi, m in enumerate(p.measures, 1):
                out[m.uid] = _num(f"{gi}-{pi}-{mi}", fullwidth)
    return out


def _taikei(st: State, fw: bool) -> list[list[str]]:
    rows = [["基本目標", "政策", "施策"]]
    for gi, g in enumerate(st.goals, 1):
        for pi, p in enumerate(g.policies, 1):
            for mi, m in enumerate(p.measures, 1):
                rows.append([_num(f"{gi}", fw) + " " + g.title if pi == 1 and mi == 1 else "",
                             _num(f"{gi}-{pi}", fw) + " " + p.title if mi == 1 else "",
                             _num(f"{gi}-{pi}-{mi}", fw) + " " + m.title])
    return rows


def flatten(st: State, fw: bool) -> list[tuple[str, int, Blk, bool]]:
    """(uid, level, block, starts a page): level 1–5 for headings (the block's text is the heading), 0 for body."""
    out: list[tuple[str, int, Blk, bool]] = []

    def h(uid: str, level: int, text: str, page: bool = False) -> None:
        out.append((uid, level, Blk(uid, text), page))

    def sects(ss: list[Sect], level: int, numbered: bool) -> None:
        for si, s in enumerate(ss, 1):
            h(s.uid, level, (f"第{_num(str(si), fw)}節　" if numbered else "") + s.title)
            out.extend((b.uid, 0, b, False) for b in s.blocks)
            sects(s.subs, level + 1, False)

    ci = 0
    for uid, title, ss in st.front:
        ci += 1
        h(uid, 1, f"第{_num(str(ci), fw)}章　{title}", True)
        sects(ss, 2, True)
    ci += 1
    h("c3", 1, f"第{_num(str(ci), fw)}章　施策の展開", True)
    out.append(("c3.intro", 0, Blk("c3.intro", "本章では、基本構想に掲げる5つの基本目標の実現に向けて、政策と施策の体系に沿って取組を示します。"), False))
    out.append(("c3.taikei", 0, Blk("c3.taikei", "", "table", _taikei(st, fw)), False))
    for gi, g in enumerate(st.goals, 1):
        h(g.uid, 2, f"基本目標{_num(str(gi), fw)}　{g.title}", True)
        for pi, p in enumerate(g.policies, 1):
            h(p.uid, 3, f"政策{_num(f'{gi}-{pi}', fw)}　{p.title}")
            for mi, m in enumerate(p.measures, 1):
                h(m.uid, 4, f"施策{_num(f'{gi}-{pi}-{mi}', fw)}　{m.title}", mi > 1)
                for part in m.parts:
                    h(part.uid, 5, part.title)
                    out.extend((b.uid, 0, b, False) for b in part.blocks)
    for uid, title, ss in st.back:
        ci += 1
        h(uid, 1, f"第{_num(str(ci), fw)}章　{title}", True)
        sects(ss, 2, True)
    return out


def table_line(row: list[str]) -> str:
    return "　".join(c for c in row if c)


def render(st: State, fw: bool, title: str) -> Rendered:
    flat = flatten(st, fw)
    lines: list[PrintLine] = []
    paths: dict[str, list[str]] = {}
    stack: list[tuple[int, str]] = []
    blocks = []
    for uid, level, b, page in flat:
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, b.text.removeprefix("■ ")))  # the title; ■ is a decoration
            paths[uid] = [t for _, t in stack]
            lines.append(PrintLine(b.text, {1: 16, 2: 14, 3: 13, 4: 12, 5: 11}[level], (uid, 0), page))
        else:
            paths[uid] = [t for _, t in stack]
            if b.style == "table":
                for i, r in enumerate(b.rows or []):
                    for off, piece in wrap(table_line(r)):
                        lines.append(PrintLine(piece, 9.5, (uid, "r", i, off)))
            else:
                size = 9 if b.style == "note" else BODY_SIZE
                for off, piece in wrap(b.text):
                    lines.append(PrintLine(piece, size, (uid, off)))
        blocks.append((uid, level, b, page))
    pages, where = lay_out(lines, title)
    keys: dict[str, list[tuple[int, int]]] = {}
    for k, p in where.items():
        if len(k) == 2:
            keys.setdefault(k[0], []).append((k[1], p))
    return Rendered(blocks, paths, pages, where, keys)


def pages_of(r: Rendered, uid: str, start: int | None = None, end: int | None = None, row: int | None = None) -> list[int]:
    """Printed pages of a block, of the characters [start, end) of it, or of one table row."""
    if row is not None:
        return sorted({p for k, p in r.where.items() if len(k) == 4 and k[0] == uid and k[2] == row})
    if uid not in r.line_keys:  # a table: all rows
        return sorted({p for k, p in r.where.items() if len(k) == 4 and k[0] == uid})
    lines = sorted(r.line_keys[uid])
    if start is None:
        return sorted({p for _, p in lines})
    end = start + 1 if end is None else end
    return sorted({p for off, p in lines if off < end and off + CHARS_PER_LINE > start})


# ---------------------------------------------------------------------------
# the decisions
# ---------------------------------------------------------------------------


def _blk(st: State, uid: str) -> Blk:
    for _, _, ss in st.front + st.back:
        for s in ss:
            for x in [s] + s.subs:
                for b in x.blocks:
                    if b.uid == uid:
                        return b
    for g in st.goals:
        for p in g.policies:
            for m in p.measures:
                for part in m.parts:
                    for b in part.blocks:
                        if b.uid == uid:
                            return b
    raise KeyError(uid)


def _part(m: Measure, suffix: str) -> Part:
    return next(p for p in m.parts if p.uid.endswith("." + suffix))


class Builder:
    """Applies decisions to the 案 state and records the truth, with the places to locate in the 案."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.fw = seed % 2 == 1
        self.city = self.rng.choice(CITIES)
        self.pref = self.rng.choice(PREFS)
        self.nat = self.rng.choice(NATIONAL_PLANS)
        self.orgs = self.rng.sample(ORGS, 2)
        self.title = f"{self.city}第6次総合計画 基本計画"
        self.soan = _build_soan(seed, self.rng, self.city, self.pref, self.nat, self.orgs)
        self.an = copy.deepcopy(self.soan)
        self.rows: list[dict] = []
        self.comments: list[dict] = []   # opinion, answer, category, target (soan uid), reflected, row
        self.touched: set[str] = set()   # uids of blocks/measures no editorial edit may touch
        self.nonrep: list[str] = []
        self.edits: list[tuple[str, str, str, str, str]] = []  # (uid, before ctx, after ctx, core before, core after)
        self.move_dst = self.move_src = ""

    def row(self, kind: str, cause: str, summary: str, must: list[str], locs: list[tuple], label: str) -> dict:
        r = {"id": f"R{len(self.rows) + 1}", "kind": kind, "label": label, "summary": summary, "must_mention": must,
             "cause": {"type": cause, "comment_ids": []}, "locs": locs}
        self.rows.append(r)
        return r

    def comment(self, target: str, opinion: str, answer: str, cat: str, reflected: bool = False, row: dict | None = None,
                part: str | None = None) -> None:
        self.comments.append({"target": target, "part": part, "opinion": opinion, "answer": answer, "cat": cat,
                              "reflected": reflected, "row": row["id"] if row else None})

    # -- external ------------------------------------------------------------------------------
    def ext_national_plan(self) -> None:
        name, verb, content = self.nat
        b = _blk(self.an, "c2s2b1")
        b.text = (f"国においては、令和7年12月に「{name}」が{verb}され、{content}が示されました。"
                  "本市においても、この内容を踏まえて関連する施策を推進します。")
        self.touched.add("c2s2b1")
        self.row("modified", "external", f"令和7年12月に国の「{name}」が{verb}されたため、記述を更新",
                 [name], [("c2s2b1", name)], "national-plan")

    def ext_pref_plan(self) -> None:
        new = f"{self.pref}未来創造プラン"
        b = _blk(self.an, "c1s2p2")
        b.text = f"また、本計画の策定に当たっては、{self.pref}の総合計画である「{new}」（令和7年11月策定）との整合を図ります。"
        self.touched.add("c1s2p2")
        self.row("modified", "external", f"{self.pref}の総合計画が「{new}」として策定されたため、名称を更新",
                 [new], [("c1s2p2", new)], "pref-plan")

    def ext_law(self, m: Measure) -> None:
        law, what = LAWS[m.key]
        sb = next(x for x in _part(m, "i").blocks if x.uid.endswith(".i2"))
        b = _blk(self.an, sb.uid)
        add_s = f"なお、国では、{law}の改正に向けた検討が進められています。"
        add_a = f"なお、令和7年11月に{law}が改正され、{what}こととなりました。"
        sb.text += add_s
        b.text += add_a
        self.touched |= {b.uid, m.uid}
        self.row("modified", "external", f"令和7年11月の{law}の改正により、{what}こととなったため、記述を更新",
                 [law], [(b.uid, add_a)], "law")

    # -- comment ---------------------------------------------------------------------------------
    def cmt_target(self, m: Measure, ncom: int) -> None:
        t = next(x for x in _part(m, "k").blocks if x.style == "table")
        i = self.rng.choice([k for k, r in enumerate(t.rows or []) if k and r[3] not in ("0", "0.0")])
        name, unit, now_s, old_s = (t.rows or [])[i]
        old = float(old_s.replace(",", ""))
        now = float(now_s.replace(",", ""))
        sign = 1 if old >= now else -1
        if "." in old_s:
            new_s = f"{old + sign * 5.0:.1f}"
        else:
            step = max(1, int(round(abs(old) * 0.1, -len(str(int(abs(old)))) + 2)))
            new_s = f"{int(old) + sign * step:,}"
        (t.rows or [])[i][3] = new_s
        self.touched |= {t.uid, m.uid}
        r = self.row("modified", "comment", f"成果指標「{name}」の目標値を{old_s}{unit}から{new_s}{unit}に見直し",
                     [name, new_s], [(t.uid, ("row", i))], "target")
        ops = [f"成果指標「{name}」の目標値{old_s}{unit}は、現状値から見て意欲的とは言えない。より高い目標を設定すべきではないか。",
               f"{name}の目標が低すぎると思う。近隣市の状況も踏まえて見直してほしい。",
               f"目標値の設定根拠が分からない。{name}については、もっと高い水準を目指すべきだと考える。"]
        answers = [f"ご意見を踏まえ、成果指標「{name}」の目標値を{new_s}{unit}に修正しました。",
                   "ご意見を踏まえ、目標値を上方修正しました。",
                   f"ご指摘を踏まえ、{name}の目標値を見直し、{old_s}{unit}から{new_s}{unit}に引き上げました。"]
        for k in range(ncom):
            self.comment(m.uid, ops[k], answers[k], "A", True, r, "k")

    def cmt_indicator(self, m: Measure) -> None:
        t = next(x for x in _part(m, "k").blocks if x.style == "table")
        name, unit, now, target = self.rng.choice(NEW_INDICATORS)
        name = name.format(theme=m.spec["theme"])
        (t.rows or []).append([name, unit, _fmt(now, now), _fmt(target, target)])
        self.touched |= {t.uid, m.uid}
        r = self.row("added", "comment", f"成果指標に「{name}」を追加", [name], [(t.uid, ("row", len(t.rows or []) - 1))], "indicator")
        self.comment(m.uid, f"成果指標が{len(t.rows or []) - 2}つだけでは、施策の成果を測るには不十分ではないか。市民の実感が分かる指標も加えてほしい。",
                     f"ご意見を踏まえ、成果指標に「{name}」を追加しました。", "A", True, r, "k")

    def cmt_torikumi(self, m: Measure, ncom: int) -> None:
        part = _part(m, "a")
        k = sum(1 for b in part.blocks if b.style == "item")
        title = EXT_OF[m.key]
        hb = Blk(f"{m.uid}.a{k}h", f"（{'アイウエオカ'[k]}）{title}", "item")
        bb = Blk(f"{m.uid}.a{k}b", f"{title}について、関係機関と連携しながら、令和8年度から段階的に取組を進めます。")
        part.blocks += [hb, bb]
        self.touched |= {m.uid}
        r = self.row("added", "comment", f"主な取組に「{title}」を追加", [title], [(hb.uid, None), (bb.uid, None)], "torikumi")
        ops = [f"{title}についての記載がない。市として取り組むべきではないか。",
               f"{m.title}に関連して、{title}を計画に位置付けてほしい。",
               f"他市では{title}が進んでいる。本市でもぜひ実施してほしい。"]
        answers = [f"ご意見を踏まえ、主な取組に「{title}」を追加しました。",
                   f"ご意見の趣旨を踏まえ、{title}について、主な取組に位置付けました。",
                   "いただいたご意見を踏まえ、主な取組に追記しました。"]
        for j in range(ncom):
            self.comment(m.uid, ops[j], answers[j], "A", True, r, "a")

    def cmt_sentence(self, m: Measure, used: set) -> None:
        word, sent = next(x for x in SENTENCE_ADDS if x[0] not in used)
        used.add(word)
        b = next(x for x in _part(m, "i").blocks if x.uid.endswith(".i1"))
        b.text += sent
        self.touched |= {b.uid, m.uid}
        r = self.row("modified", "comment", f"現状と課題に{word}に関する記述を追記", [word], [(b.uid, sent)], "sentence")
        self.comment(m.uid, f"{m.title}について、{word}の視点が欠けているのではないか。現状の課題として認識してほしい。",
                     "ご指摘の視点は重要であると考えており、現状と課題にその旨を追記しました。", "A", True, r, "i")

    def cmt_wording(self, m: Measure) -> None:
        ext = EXT_OF[m.key]
        part = _part(m, "a")
        b_an = part.blocks[1]
        b_so = _blk(self.soan, b_an.uid)
        s_so = f"また、{ext}について検討します。"
        s_an = f"また、{ext}を令和9年度までに実施します。"
        b_so.text += s_so
        b_an.text += s_an
        self.touched |= {b_an.uid, m.uid}
        r = self.row("modified", "comment", f"「{ext}について検討します」を「{ext}を令和9年度までに実施します」に修正",
                     ["令和9年度"], [(b_an.uid, s_an)], "wording")
        self.comment(m.uid, f"「{ext}について検討します」とあるが、検討ではなく実施時期を明記すべきである。",
                     f"ご意見を踏まえ、「検討します」を「令和9年度までに実施します」に修正しました。", "A", True, r, "a")

    def cmt_note(self, m: Measure) -> None:
        term, sent, definition = self.rng.choice(NEW_NOTES)
        part = _part(m, "i")
        b = part.blocks[0]
        b.text += sent
        # the measure's old ※1 becomes ※2, in its text and its note line (editorial consequences)
        b2 = part.blocks[1]
        old_note = next(x for x in part.blocks if x.style == "note")
        ctx_b = b2.text[b2.text.index("※1") - 6: b2.text.index("※1") + 6]
        b2.text = b2.text.replace("※1", "※2")
        old_note.text = old_note.text.replace("※1", "※2")
        new_note = Blk(f"{m.uid}.n0", f"※1　{term}：{definition}", "note")
        part.blocks.insert(part.blocks.index(old_note), new_note)
        self.touched |= {b.uid, b2.uid, old_note.uid, m.uid}
        self.edits.append((b2.uid, ctx_b, ctx_b.replace("※1", "※2"), "※1", "※2"))
        self.edits.append((old_note.uid, old_note.text[:10].replace("※2", "※1"), old_note.text[:10], "※1", "※2"))
        r = self.row("modified", "comment", f"現状と課題に{term}の考え方を追記し、用語の注釈を追加", [term],
                     [(b.uid, sent), (new_note.uid, None)], "note")
        self.comment(m.uid, f"{m.title}の取組について、{term}の観点を取り入れるべきではないか。",
                     f"ご意見を踏まえ、{term}の考え方を追記するとともに、用語の説明を加えました。", "A", True, r, "i")

    # -- internal --------------------------------------------------------------------------------
    def int_reorg(self) -> None:
        (o1, n1), (o2, n2) = self.orgs
        for uid, o, n in (("c4s1p1", o1, n1), ("c4s1p2", o2, n2)):
            b = _blk(self.an, uid)
            b.text = b.text.replace(o, n)
            self.touched.add(uid)
        self.row("modified", "internal", f"令和8年度の組織改正に伴い、「{o1}」を「{n1}」に、「{o2}」を「{n2}」に変更",
                 [n1, n2], [("c4s1p1", n1), ("c4s1p2", n2)], "reorg")

    def int_move(self, m: Measure, src: Policy, dst: Policy, dst_label: str) -> None:
        src_a = next(p for g in self.an.goals for p in g.policies if p.uid == src.uid)
        dst_a = next(p for g in self.an.goals for p in g.policies if p.uid == dst.uid)
        ma = next(x for x in src_a.measures if x.uid == m.uid)
        src_a.measures.remove(ma)
        dst_a.measures.append(ma)
        self.touched |= {m.uid}
        self.row("modified", "internal", f"施策体系の見直しにより、施策「{m.title}」を{dst_label}に移動", [m.title],
                 [(m.uid, "heading"), ("c3.taikei", ("taikei", m.title))], "move")
        self.nonrep.append(f"施策の移動に伴う施策番号の繰上げ・繰下げと施策体系表の変更（{m.title}）")

    def int_merge(self, pol: Policy, a: Measure, b: Measure, new_title: str) -> None:
        pa = next(p for g in self.an.goals for p in g.policies if p.uid == pol.uid)
        ma = next(x for x in pa.measures if x.uid == a.uid)
        mb = next(x for x in pa.measures if x.uid == b.uid)
        ma.title = new_title
        for suf in "vikarp":
            pa_, pb_ = _part(ma, suf), _part(mb, suf)
            if suf == "k":
                ta = next(x for x in pa_.blocks if x.style == "table")
                tb = next(x for x in pb_.blocks if x.style == "table")
                ta.rows = (ta.rows or []) + (tb.rows or [])[1:]
            elif suf == "a":
                n = sum(1 for x in pa_.blocks if x.style == "item")
                for x in pb_.blocks:
                    if x.style == "item":
                        x.text = f"（{'アイウエオカキク'[n]}）" + x.text[3:]
                        n += 1
                pa_.blocks += pb_.blocks
            elif suf == "i":  # notes: b's ※1 becomes ※2
                for x in pb_.blocks:
                    x.text = x.text.replace("※1", "※2")
                notes_a = [x for x in pa_.blocks if x.style == "note"]
                body_a = [x for x in pa_.blocks if x.style != "note"]
                notes_b = [x for x in pb_.blocks if x.style == "note"]
                body_b = [x for x in pb_.blocks if x.style != "note"]
                pa_.blocks = body_a + body_b + notes_a + notes_b
            elif suf == "p":
                if pb_.blocks[0].text != pa_.blocks[0].text:
                    pa_.blocks += pb_.blocks
            else:
                pa_.blocks += pb_.blocks
        pa.measures.remove(mb)
        self.touched |= {a.uid, b.uid}
        self.row("modified", "internal", f"施策「{a.title}」と施策「{b.title}」を統合し、施策「{new_title}」に再編",
                 [new_title], [(a.uid, "heading"), ("c3.taikei", ("taikei", new_title))], "merge")
        self.nonrep.append(f"施策の統合に伴う施策番号の繰上げと施策体系表の変更（{new_title}）")

    def int_para_move(self, a: Measure, b: Measure) -> None:
        """The last paragraph of a's 現状と課題 moved to b's."""
        pb = _part(next(x for g in self.an.goals for p in g.policies for x in p.measures if x.uid == b.uid), "i")
        text = f"なお、{b.title}の観点からも、{a.title}に関する取組と連携した対応を進める必要があります。"
        blk = Blk(f"{a.uid}.mv", text)
        sp = _part(a, "i")
        sp.blocks.insert(len([x for x in sp.blocks if x.style != "note"]), blk)
        pb.blocks.insert(len([x for x in pb.blocks if x.style != "note"]), copy.deepcopy(blk))
        self.touched |= {a.uid, b.uid}
        self.row("modified", "internal", f"{a.title}との連携に関する記述を、施策「{a.title}」から施策「{b.title}」の現状と課題に移動",
                 [a.title], [(blk.uid, None)], "para-move")

    def int_delete(self, m: Measure) -> None:
        part = _part(m, "a")
        hb, bb = part.blocks[-2], part.blocks[-1]
        title = hb.text[3:]
        part.blocks = part.blocks[:-2]
        self.touched |= {m.uid}
        self.row("deleted", "internal", f"事業の見直しにより、主な取組から「{title}」を削除", [title],
                 [(part.blocks[-1].uid, None)], "delete")

    def int_genzai(self) -> None:
        locs = []
        for g in self.an.goals:
            for p in g.policies:
                for m in p.measures:
                    t = next(x for x in _part(m, "k").blocks if x.style == "table")
                    rows = t.rows or []
                    rows[0][2] = "現状値（令和6年度）"
                    for r in rows[1:]:
                        v = r[2]
                        if "." in v:
                            r[2] = f"{float(v) + 0.6:.1f}"
                        else:
                            r[2] = f"{int(v.replace(',', '')) + 3:,}" if int(v.replace(",", "")) else "0"
                    locs.append((t.uid, ("row", 0)))
        self.an.genzai_year = "令和6年度"
        self.row("modified", "internal", "各施策の成果指標の現状値を令和6年度の実績に更新", ["現状値", "令和6年度"], locs, "genzai")


MOVES = [("kenri", "協働と多様性"), ("danjo", "地域福祉の推進"), ("iryo", "地域福祉の推進"), ("bohan", "都市基盤の整備"),
         ("jusou", "協働と多様性"), ("kanko", "協働と多様性")]
MERGES = {("kenko", "iryo"): "健康づくりと地域医療の充実", ("bosai", "bohan"): "防災・防犯対策の推進",
          ("datsutanso", "gomi"): "脱炭素・循環型社会の実現", ("kyodo", "danjo"): "市民協働と多様性の尊重",
          ("dx", "zaisei"): "デジタル化と持続可能な行政経営の推進", ("ninshin", "hoiku"): "妊娠期からの切れ目のない子育て支援と保育の充実",
          ("gakuryoku", "futoko"): "確かな学力の育成と一人一人に応じた学びの支援", ("korei", "shogai"): "高齢者と障害のある人の地域生活の支援",
          ("kotsu", "jukan"): "公共交通と住環境の充実", ("sogyo", "nogyo"): "商工業と農業の振興"}
EXT_OF = {m["key"]: m["ext"] for _, pols in GOALS for _, ms in pols for m in ms}


def _all_measures(st: State) -> list[tuple[Goal, Policy, Measure]]:
    return [(g, p, m) for g in st.goals for p in g.policies for m in p.measures]


def generate(seed: int) -> Plan:
    b = Builder(seed)
    rng = b.rng
    ms = _all_measures(b.soan)
    free = [x for x in ms]
    rng.shuffle(free)

    def take(pred=lambda t: True) -> tuple[Goal, Policy, Measure]:
        for t in free:
            if pred(t) and t[2].uid not in b.touched:
                free.remove(t)
                return t
        raise LookupError

    # structure first: a move, a merge (both reshape numbering)
    pols = [(g, p) for g in b.soan.goals for p in g.policies]
    by_title = {p.title: (g, p) for g, p in pols}
    movable = [(g, p, m, by_title[dst]) for g, p, m in ms for key, dst in MOVES
               if m.key == key and len(p.measures) >= 2]
    if movable:
        g, p, m, (gd, pd) = rng.choice(movable)
        free.remove((g, p, m))
        gi = b.soan.goals.index(gd) + 1
        pi = gd.policies.index(pd) + 1
        b.int_move(m, p, pd, f"政策{_num(f'{gi}-{pi}', b.fw)}「{pd.title}」")
        b.move_dst, b.move_src = pd.uid, p.uid
    mergeable = [(p, MERGES[(p.measures[0].key, p.measures[1].key)]) for _, p in pols
                 if len(p.measures) == 2 and (p.measures[0].key, p.measures[1].key) in MERGES
                 and p.uid not in (b.move_dst, b.move_src)]
    if mergeable:
        p, new_title = rng.choice(mergeable)
        a, c = p.measures
        for t in list(free):
            if t[2].uid in (a.uid, c.uid):
                free.remove(t)
        b.int_merge(p, a, c, new_title)
    # external
    b.ext_national_plan()
    if rng.random() < 0.7:
        b.ext_pref_plan()
    lawful = [t for t in free if t[2].key in LAWS]
    for t in rng.sample(lawful, k=min(len(lawful), rng.choice([1, 2]))):
        free.remove(t)
        b.ext_law(t[2])
    # comments
    am = {x.uid: x for _, _, x in _all_measures(b.an)}
    b.cmt_target(am[take()[2].uid], rng.choice([1, 2, 3]))
    b.cmt_indicator(am[take()[2].uid])
    b.cmt_torikumi(am[take()[2].uid], rng.choice([1, 2, 3]))
    if rng.random() < 0.6:
        b.cmt_torikumi(am[take()[2].uid], 1)
    used: set = set()
    b.cmt_sentence(am[take()[2].uid], used)
    b.cmt_sentence(am[take()[2].uid], used)
    b.cmt_wording(am[take()[2].uid])
    b.cmt_note(am[take()[2].uid])
    # internal
    b.int_reorg()
    x = take()[2]
    y = take()[2]
    b.int_para_move(x, y)
    b.int_delete(am[take()[2].uid])
    if rng.random() < 0.5:
        b.int_genzai()
    # editorial edits and the remaining comments
    _editorial(b)
    _other_comments(b)
    return _finish(b)


# ---------------------------------------------------------------------------
# editorial edits
# ---------------------------------------------------------------------------


def _body_blocks(st: State) -> list[Blk]:
    out = []
    for _, _, ss in st.front + st.back:
        for s in ss:
            for x in [s] + s.subs:
                out += x.blocks
    for _, _, m in _all_measures(st):
        for part in m.parts:
            out += [b for b in part.blocks if b.style in ("p", "item")]
    return out


def _measure_of_uid(uid: str) -> str:
    return uid.split(".")[0]


def _editorial(b: Builder) -> None:
    rng = b.rng
    an_blocks = {x.uid: x for x in _body_blocks(b.an)}
    so_blocks = {x.uid: x for x in _body_blocks(b.soan)}
    cands = [u for u in an_blocks if u in so_blocks and u not in b.touched and _measure_of_uid(u) not in b.touched
             and an_blocks[u].text == so_blocks[u].text]
    rules = EDITORIAL_WORDS[:]
    rng.shuffle(rules)
    n_target = rng.randint(18, 24)
    done = 0
    used_blocks: set[str] = set()
    for before, after in rules * 2:
        if done >= n_target:
            break
        opts = [u for u in cands if after in an_blocks[u].text and u not in used_blocks]
        if not opts:
            continue
        u = rng.choice(opts)
        used_blocks.add(u)
        t = an_blocks[u].text
        i = t.index(after)
        so_blocks[u].text = t[:i] + before + t[i + len(after):]
        lo, hi = max(0, i - 8), min(len(t), i + len(after) + 8)
        b.edits.append((u, so_blocks[u].text[lo:hi - len(after) + len(before)], t[lo:hi], before, after))
        done += 1


# ---------------------------------------------------------------------------
# the comments that change nothing
# ---------------------------------------------------------------------------

FILLER_OPINIONS = [
    ("{t}の取組について、具体的な事業内容が分からない。もっと詳しく書いてほしい。",
     "具体的な事業内容については、毎年度策定する実施計画においてお示しします。", "D"),
    ("{t}に関して、市民への周知が不足していると感じる。広報紙だけでなくSNSも活用してほしい。",
     "いただいたご意見は、今後の事業実施の参考とさせていただきます。", "C"),
    ("{t}について、関係機関との連携を進めてほしい。",
     "ご意見の趣旨については、{t}の主な取組に既に記載しております。", "B"),
    ("{t}の成果指標は、市民の実感と合っていないのではないか。",
     "成果指標は、施策の達成度を客観的に把握できるものとして設定しており、原案のとおりとします。", "D"),
    ("{t}について、予算を増やして取組を強化すべきである。",
     "限られた財源の中で、事業の優先度を見極めながら取り組んでまいります。", "C"),
    ("{t}について、高齢者にも分かりやすい説明をお願いしたい。",
     "ご意見として承ります。今後の取組の参考とさせていただきます。", "C"),
    ("{t}に記載されている内容に賛成する。着実に進めてほしい。",
     "計画に基づき、着実に取組を推進してまいります。", "D"),
    ("{t}について、民間事業者との連携も検討すべきではないか。",
     "民間事業者との連携については、主な取組の中で既に記載しております。", "B"),
]
GENERAL_OPINIONS = [
    ("計画全体として、文章が長く分かりにくい。概要版を作成してほしい。", "計画の策定後に概要版を作成し、公表する予定です。", "D"),
    ("計画の進捗状況を市民に分かりやすく公表してほしい。", "第4章に記載のとおり、成果指標の達成状況を毎年度公表します。", "B"),
    ("パブリックコメントの周知期間が短い。", "今後の意見募集の参考とさせていただきます。", "C"),
    ("SDGsとの関係を明示してほしい。", "各施策とSDGsの関係については、資料編において整理しております。", "B"),
]


def _other_comments(b: Builder) -> None:
    rng = b.rng
    ms = _all_measures(b.soan)
    total = rng.randint(40, 150)
    typo = next((e for e in b.edits if e[3] in ("意外", "感心", "適性", "週知", "補償")), None)
    if typo:  # a comment that points out a typo: 反映, fixed, and no row
        b.comment(typo[0], f"「{typo[3]}」は「{typo[4]}」の誤りではないか。", "ご指摘のとおり修正しました。", "A", True, None, "typo")
    camp = rng.random() < 0.67
    if camp:
        g, p, m = next((t for t in ms if t[2].key == "zaisei"), rng.choice(ms))
        n = rng.randint(10, 25)
        for k in range(n):
            tail = ["", "ぜひ再考をお願いします。", "市民の声を聞いてほしい。", "強く要望します。"][k % 4]
            b.comment(m.uid, f"公共施設の統廃合には反対です。身近な地域の施設を残してください。{tail}",
                      "施設の在り方については、利用状況や地域の実情を踏まえ、丁寧に検討してまいります。原案のとおりとします。",
                      "D", False, None, "a")
            b.comments[-1]["campaign"] = True  # the city lists them under one 該当箇所
    for opi, ans, cat in GENERAL_OPINIONS:
        if rng.random() < 0.7:
            b.comment("", opi, ans, cat, False, None, None)
    while len(b.comments) < total:
        g, p, m = rng.choice(ms)
        opi, ans, cat = rng.choice(FILLER_OPINIONS)
        part = rng.choice(["i", "a", "k", None])
        b.comment(m.uid, opi.format(t=m.title), ans.format(t=m.title), cat, False, None, part)
    # the table is in document order of the place each comment points at, as a city sorts it
    order = {m.uid: i for i, (_, _, m) in enumerate(ms)}
    front = {"c1s2p2": -3, "c2s2b1": -2}
    b.comments.sort(key=lambda c: -10 if not c["target"] else order.get(_measure_of_uid(c["target"]), front.get(c["target"], 999)))


# ---------------------------------------------------------------------------
# finishing: render both versions, pages, paths, refs, truth
# ---------------------------------------------------------------------------


def _digits(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _finish(b: Builder) -> Plan:
    fw = b.fw
    b.soan_title = f"{b.title}（素案）"
    so = render(b.soan, fw, b.soan_title)
    an = render(b.an, fw, f"{b.title}（案）")
    an_text = {uid: blk for uid, _, blk, _ in an.blocks}
    rows = []
    for r in b.rows:
        paths: list[list[str]] = []
        pages: set[int] = set()
        for uid, what in r["locs"]:
            blk = an_text[uid]
            if isinstance(what, tuple) and what[0] == "taikei":
                # issue 11: the decision changes the 施策体系 table too; its row lists that line's page as well
                hit = next((i for i, cells in enumerate(blk.rows or []) if cells[-1].endswith(what[1])), None)
                if hit is not None:
                    pages |= set(pages_of(an, uid, row=hit))
                continue
            if what == "heading":
                paths.append(an.paths[uid])
                pages |= set(pages_of(an, uid, 0, 1))
                continue
            paths.append(an.paths[uid])
            if isinstance(what, tuple):
                pages |= set(pages_of(an, uid, row=what[1]))
            elif what is None:
                pages |= set(pages_of(an, uid))
            else:
                i = blk.text.index(what)
                pages |= set(pages_of(an, uid, i, i + len(what)))
        uniq = []
        for p in paths:
            if p not in uniq:
                uniq.append(p)
        head = uniq[0]
        shown = [h for h in head if not h.startswith(("基本目標", "政策", "■"))]
        item = " ".join(_digits(h).replace("　", " ") for h in shown)
        if r["label"] == "genzai":
            item = _digits(head[0]).replace("　", " ") + " 各施策"
        rows.append({"id": r["id"], "item": item.strip(), "an_pages": sorted(pages), "section_paths": uniq,
                     "kind": r["kind"], "decision": r["label"], "summary": r["summary"], "blocks": [u for u, _ in r["locs"]],
                     "cause": {"type": r["cause"]["type"], "comment_ids": []}, "must_mention": r["must_mention"]})
    # comments: ids, refs
    comments = []
    rng = random.Random(b.seed * 7 + 1)
    mnum = measure_numbers(b.soan, False)
    mtitle = {m.uid: m.title for _, _, m in _all_measures(b.soan)}
    camp_ref: tuple[str, str, list[int]] | None = None
    for i, c in enumerate(b.comments, 1):
        cid = f"C{i:02d}"
        ref_page, ref_place, pages = camp_ref if c.get("campaign") and camp_ref else _ref(so, c, mnum, mtitle, rng)
        if c.get("campaign"):
            camp_ref = (ref_page, ref_place, pages)
        comments.append({"id": cid, "no": i, "ref_page": ref_page, "ref_place": ref_place, "opinion": c["opinion"],
                         "response": c["answer"], "category": c["cat"], "reflected": c["reflected"],
                         "row_ids": [c["row"]] if c["row"] else [], "target": c["target"], "soan_pages": pages})
        if c["row"]:
            row = next(r for r in rows if r["id"] == c["row"])
            row["cause"]["comment_ids"].append(cid)
    editorial = []
    for uid, bef, aft, cb, ca in b.edits:
        editorial.append({"id": f"E{len(editorial) + 1}", "block": uid, "section_path": an.paths[uid], "before": bef, "after": aft, "core_before": cb, "core_after": ca,
                          "soan_page": _page_of_text(so, uid, bef), "an_page": _page_of_text(an, uid, aft)})
    nonrep = b.nonrep + ["表紙の版表記（素案→案）", "目次（施策の移動・統合とページの移動に伴う変更）", "第3章の施策体系表（施策の移動・統合に伴う変更）"]
    plan = Plan(b.seed, b.city, b.pref, b.title, b.soan, b.an, rows, comments, editorial, nonrep, fw,
                "xlsx" if b.seed % 2 == 1 else "docx")
    return plan


def _page_of_text(r: Rendered, uid: str, piece: str) -> int | None:
    blk = next(x for u, _, x, _ in r.blocks if u == uid)
    i = blk.text.find(piece)
    ps = pages_of(r, uid, max(i, 0), max(i, 0) + len(piece))
    return ps[0] if ps else None


def _ref(so: Rendered, c: dict, mnum: dict, mtitle: dict, rng: random.Random) -> tuple[str, str, list[int]]:
    """The 該当ページ and 該当箇所 a resident writes: the 素案 page (sometimes one off), the 施策 number or words."""
    t = c["target"]
    if not t:
        return "", rng.choice(["全体", "計画全体", "その他"]), []
    if t.startswith("c"):
        pages = pages_of(so, t)
        path = so.paths[t]
        return f"P.{pages[0]}", _digits(" ".join(path[:2])), pages
    part = {"i": "現状と課題", "a": "主な取組", "k": "成果指標"}.get(c["part"] or "", "")
    puid = {"i": ".i", "a": ".a", "k": ".k", "typo": ""}.get(c["part"] or "", "")
    if c["part"] == "typo":
        pages = pages_of(so, t)
        n = mnum.get(_measure_of_uid(t), "")
        return f"P.{pages[0]}", f"施策{n}" if n else "", pages
    anchor = t + puid if puid else t
    pages = sorted({p for k, p in so.where.items() if k[0] == anchor}) or sorted({p for k, p in so.where.items() if k[0] == t})
    # the whole 施策's pages
    mpages = sorted({p for k, p in so.where.items() if str(k[0]).startswith(t + ".") or k[0] == t})
    page = pages[0] if pages else mpages[0]
    if rng.random() < 0.1:
        page += rng.choice([-1, 1])  # a slip
    n = mnum[t]
    place = rng.choice([f"施策{n}", f"施策{n} {mtitle[t]}", f"{mtitle[t]}", f"第3章 施策{n}", f"施策{n.replace('-', '－')}"])
    if part and rng.random() < 0.6:
        place += f" {part}"
    if rng.random() < 0.08:
        place = f"基本施策{n.rsplit('-', 1)[0]}"  # the resident's own word for a 政策
    return (rng.choice([f"P.{page}", f"{page}", f"p{page}", f"{page}ページ"]), place, mpages)


# ---------------------------------------------------------------------------
# writing the files
# ---------------------------------------------------------------------------


def toc(r: Rendered) -> list[str]:
    """The 目次 as printed: 章, 節 / 基本目標 and 施策 with their printed pages, dot leaders."""
    out = []
    for uid, level, b, _ in r.blocks:
        if level in (1, 2, 4):
            head = "　" * {1: 0, 2: 1, 4: 2}[level] + b.text
            out.append(f"{head}{'…' * max(2, 44 - len(head))}{r.where[(uid, 0)]}")
    return out


def _toc_pages(r: Rendered) -> list[list[Line]]:
    """Unnumbered 目次 pages, placed after the cover (printed page 1 is then not PDF page 2)."""
    pages: list[list[Line]] = []
    cur = [Line(LEFT, TOP, 16, "目　次")]
    y = TOP - 30
    for text in toc(r):
        if y < 100:
            pages.append(cur)
            cur, y = [], TOP
        cur.append(Line(LEFT, y, 9, text))
        y -= 14
    pages.append(cur)
    return pages


def _docx(r: Rendered, title: str, path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(10.5)
    st.font.name = "ＭＳ 明朝"
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "ＭＳ 明朝")
    d.add_paragraph(title).runs[0].font.size = Pt(20)
    d.sections[0].header.paragraphs[0].text = title
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("目　次")
    for line in toc(r):
        d.add_paragraph(line).runs[0].font.size = Pt(9)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    footer = d.sections[0].footer.paragraphs[0]
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        else:
            e = OxmlElement("w:instrText")
            e.text = text
        run._r.append(e)
    first = True
    for uid, level, b, page in r.blocks:
        if level:
            if page and not first:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            first = False
            d.add_heading(b.text, level)
        elif b.style == "table":
            rows = b.rows or []
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        else:
            p = d.add_paragraph(b.text)
            if b.style == "note":
                for run_ in p.runs:
                    run_.font.size = Pt(9)
            elif b.style == "item":
                for run_ in p.runs:
                    run_.bold = True
    d.save(str(path))


def _running_heads(r: Rendered, title: str) -> list[list[Line]]:
    """Every printed page with the running head real plans carry: plan title (版) and the chapter."""
    starts = sorted((r.where[(uid, 0)], b.text) for uid, level, b, _ in r.blocks if level == 1)
    out = []
    for n, page in enumerate(r.pages[1:], 1):
        chapter = next((t for p, t in reversed(starts) if p <= n), "")
        out.append([Line(LEFT, 810, 8, f"{title}　{chapter}".strip())] + page)
    return out


def _pdf(r: Rendered, title: str, path: Path) -> None:
    write_pdf(r.pages[:1] + _toc_pages(r) + _running_heads(r, title), path)


HEAD_A = ["No.", "該当ページ", "該当箇所", "ご意見の要旨", "市の考え方", "対応区分"]
HEAD_B = ["番号", "該当箇所", "意見の概要", "市の考え方"]
LEGEND = ["【対応区分】", "A：ご意見を反映し、計画案に盛り込んだもの", "B：既に計画案に盛り込まれているもの",
          "C：今後の取組の参考とするもの", "D：その他（原案のとおりとするもの、質問等）"]


def comment_table(plan: Plan) -> list[list[str]]:
    if plan.comment_style == "xlsx":
        return [HEAD_A] + [[str(c["no"]), c["ref_page"], c["ref_place"], c["opinion"], c["response"], c["category"]]
                           for c in plan.comments]
    return [HEAD_B] + [[str(c["no"]), (c["ref_page"] + " " + c["ref_place"]).strip() if c["ref_page"] else c["ref_place"],
                        c["opinion"], c["response"]] for c in plan.comments]


def merged_runs(rows: list[list[str]], cols: list[int]) -> list[tuple[int, int]]:
    """(first, last) data-row indexes of runs (2 or more) of rows with the same non-empty 該当箇所, which the
    city's table shows as one vertically merged cell."""
    runs, start = [], 1
    for i in range(2, len(rows) + 1):
        same = i < len(rows) and all(rows[i][c] == rows[start][c] for c in cols) and any(rows[start][c] for c in cols)
        if not same:
            if i - 1 > start:
                runs.append((start, i - 1))
            start = i
    return runs


def _comments_file(plan: Plan, d: Path) -> Path:
    rows = comment_table(plan)
    title = f"{plan.title}（素案）に対する意見募集の結果"
    if plan.comment_style == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "意見一覧"
        ws.append([title])
        for line in LEGEND:
            ws.append([line])
        ws.append([])
        for r in rows:
            ws.append(r)
        top = ws.max_row - len(rows) + 1  # the header's row
        for a, b in merged_runs(rows, [1, 2]):
            for col, k in (("B", 1), ("C", 2)):
                if rows[a][k]:
                    ws.merge_cells(f"{col}{top + a}:{col}{top + b}")
        p = d / "iken.xlsx"
        wb.save(str(p))
        return p
    import docx
    doc = docx.Document()
    doc.add_paragraph(title)
    doc.add_paragraph(f"意見の件数：{len(plan.comments)}件")
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, cell in enumerate(r):
            t.cell(i, j).text = cell
    for a, b in merged_runs(rows, [1]):
        for i in range(a + 1, b + 1):
            t.cell(i, 1).text = ""
        t.cell(a, 1).merge(t.cell(b, 1)).text = rows[a][1]
    p = d / "iken.docx"
    doc.save(str(p))
    return p


def expected(plan: Plan) -> dict:
    return {"case": f"blind3-s{plan.seed}", "rows": plan.rows,
            "comments": [{"id": c["id"], "ref": (c["ref_page"] + " " + c["ref_place"]).strip(), "soan_pages": c["soan_pages"],
                          "reflected": c["reflected"], "row_ids": c["row_ids"], "category": c["category"]} for c in plan.comments],
            "editorial": plan.editorial, "non_reportable": plan.non_reportable}


def write_plan(plan: Plan, d: Path) -> dict[str, Path]:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    so = render(plan.soan, plan.fullwidth, f"{plan.title}（素案）")
    an = render(plan.an, plan.fullwidth, f"{plan.title}（案）")
    f = {"soan": d / "soan.docx", "an": d / "an.docx", "soan_pdf": d / "soan.pdf", "an_pdf": d / "an.pdf"}
    _docx(so, f"{plan.title}（素案）", f["soan"])
    _docx(an, f"{plan.title}（案）", f["an"])
    _pdf(so, f"{plan.title}（素案）", f["soan_pdf"])
    _pdf(an, f"{plan.title}（案）", f["an_pdf"])
    f["comments"] = _comments_file(plan, d)
    f["expected"] = d / "expected.json"
    f["expected"].write_text(json.dumps(expected(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f


def summary(plan: Plan) -> dict:
    an = render(plan.an, plan.fullwidth, "")
    return {"city": plan.city, "rows": len(plan.rows), "comments": len(plan.comments),
            "linked": sum(1 for c in plan.comments if c["row_ids"]), "editorial": len(plan.editorial),
            "an_pages": len(an.pages) - 1, "comment_table": plan.comment_style,
            "decisions": [r["decision"] for r in plan.rows]}


def digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
