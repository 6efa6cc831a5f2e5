"""The fifth blind family (``benchmarks.blind5_family``: a 県's 教育振興基本計画,
素案 → 案 after a public comment, 別紙1 as a ruled PDF table or a Word table)
through the CLI, exactly as a user runs it, and the same scorer as
``make accuracy``; figures printed and written to
``bench-out/accuracy/blind5-s<seed>/score.json``.

    python -m benchmarks.blind5_accuracy            # held-out seeds 4101-4103
    python -m benchmarks.blind5_accuracy --tuning   # tuning seeds 4001-4003
    python -m benchmarks.blind5_accuracy --seed 4001
    python -m benchmarks.blind5_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind5_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone
    python -m benchmarks.blind5_accuracy --tuning --mixed      # 素案 from its DOCX, 案 from its PDF alone

Only the tuning seeds may be studied (their tables, misses, invented rows);
of the held-out seeds read the aggregate figures only.
"""

from __future__ import annotations

import sys

from benchmarks import blind5_family, blind_runner
from benchmarks.blind5_family import BLIND5_SEEDS, BLIND5_TUNING_SEEDS
from benchmarks.blind_runner import BlindFamily


def describe() -> str:
    return ("`benchmarks/blind5_family.py` was written without reading revtool/changes, revtool/comments, "
            "revtool/compare or the other families' generators: a 県's 教育振興基本計画 (第1編 / 第1章 / 第1節 / "
            "「1　現状と課題」 / (1) or （1） as Word heading styles; ①②③ items as paragraphs; KPI tables KPI | "
            "基準値（年度） | 目標値（年度） | 所管; 図表1-n / 図表2-n-k captions over data tables; 第1編第3章 with the previous "
            "plan's indicator table; a boxed コラム (one-cell table); a "
            "施策の体系 table; a 目次 with pages; 用語解説; a running header), and a 別紙1 of 110-170 rows as a ruled PDF "
            "table 番号 | 該当箇所 | 意見の概要 | 県の考え方 (odd seeds) or a Word table 番号 | 意見の概要 | 県の考え方 with "
            "the reference inside the opinion 「【第2編第3章 P.9】…」「P9の「…」について、…」 (even seeds); a grouped row "
            "「（同趣旨 他N件）」, a campaign answered in full or 「番号nの考え方のとおりです。」, a typo pointed out, an "
            "unreflected campaign. Decisions: a KPI 目標値 raised, a sentence added, a ④ item added, a コラム added, "
            "「検討します」→「…実施します」 (comment); a law amended quoted in 第1編 and 第2編 (one row, both pages), a "
            "national plan revised (external); four of: 基準値 updated in every KPI table, a 課 renamed everywhere, a 節 "
            "renamed (heading + 体系 line), two ① items swapped, a 節 split (internal). Not rows: renumbering, 目次, "
            "header, 公用文 表記 (子供→子ども, 障害のある→障がいのある, 等→など, 全て→すべて, 様々な→さまざまな, "
            "既に→すでに, 取り組み→取組), typos (指道, 育生), ２０３０→2030, 「，．」→「、。」.")


FAMILY = BlindFamily(module=blind5_family, generator_file="blind5_family.py", case_prefix="blind5", label="blind5-pref-edu",
                     tuning=BLIND5_TUNING_SEEDS, heldout=BLIND5_SEEDS,
                     mark="## Fifth blind family (a prefecture's 教育振興基本計画, written without reading the tool)",
                     describe=describe)


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
