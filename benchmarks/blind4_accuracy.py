"""The fourth blind family (``benchmarks.blind4_family``: a 町's 高齢者保健福祉計画・
介護保険事業計画, 素案 → 案 after a public comment, 別紙1 as a CSV) through the
CLI, exactly as a user runs it, and the same scorer as ``make accuracy``;
figures printed and written to ``bench-out/accuracy/blind4-s<seed>/score.json``.

    python -m benchmarks.blind4_accuracy            # held-out seeds 5101-5103
    python -m benchmarks.blind4_accuracy --tuning   # tuning seeds 5001-5003
    python -m benchmarks.blind4_accuracy --seed 5001
    python -m benchmarks.blind4_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind4_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone
    python -m benchmarks.blind4_accuracy --tuning --mixed      # 素案 from its DOCX, 案 from its PDF alone

Only the tuning seeds may be studied (their tables, misses, invented rows);
of the held-out seeds read the aggregate figures only.
"""

from __future__ import annotations

import sys

from benchmarks import blind4_family
from benchmarks.blind4_family import BLIND4_SEEDS, BLIND4_TUNING_SEEDS
from benchmarks import blind_runner
from benchmarks.blind_runner import BlindFamily


def describe() -> str:
    return ("`benchmarks/blind4_family.py` was written without reading revtool/changes, revtool/comments, "
            "revtool/compare or the other families' generators: a 町's 高齢者保健福祉計画・介護保険事業計画 "
            "(Ⅰ / 1 / （1） / ア; full-width digits on odd seeds; Ⅳ 施策の展開 with 基本目標 and 施策 （n） carrying "
            "【現状と課題】【施策の方向性】, ア/イ items and a 事業一覧 table 事業名 | 事業内容 | 担当課 | 実績（令和5年度） | "
            "見込み（令和8年度）; a 施策の体系 table; a running header and 「- n -」 or bare 「n」 footers), and a 別紙1 CSV "
            "(番号 | ページ | 項目 | ご意見の内容 | 町の考え方 | 反映状況 in UTF-8 with BOM, or No. | 該当箇所 | ご意見の要旨 | "
            "町の考え方 in cp932; refs 「P. 18」「18頁」「p18-19」「施策2.3」「基本目標1(2)」, a typo in a section name, a "
            "事業名 as the reference; a campaign answered once 「同趣旨のご意見 他N件」 or row by row 「No.nと同様です。」). "
            "Decisions: the national 認知症施策推進基本計画 adopted (quoted twice: one row), the prefecture's plan adopted "
            "or the 介護保険法 amended (external); a 事業 row added, a 見込み raised, a 事業内容 cell rewritten, a sentence "
            "added, 「検討します」→「実施します」, a new ウ item for a campaign (comment); a 課 renamed in every table, "
            "statistics to the latest 基準日, the 保険料基準額 fixed, a 事業 row deleted, and three of: a 施策 split, two "
            "merged, two swapped, one moved to another 基本目標 (internal). Not rows: renumbering, the 施策の体系 table, "
            "the header, 公用文 表記 (及び→および, 又は→または, 予め→あらかじめ, 障害→障がい, 致します→いたします, "
            "でございます→です, ケアマネージャー→ケアマネジャー), typos (介獲, 福址, 充室, 高令者, ボランテイア; one "
            "pointed out by a comment answered 「修正しました」), 読点 and 「，」→「、」, a digit width in a table cell.")


FAMILY = BlindFamily(module=blind4_family, generator_file="blind4_family.py", case_prefix="blind4", label="blind4-town",
                     tuning=BLIND4_TUNING_SEEDS, heldout=BLIND4_SEEDS,
                     mark="## Fourth blind family (a town's 介護保険事業計画, written without reading the tool)",
                     describe=describe)


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
