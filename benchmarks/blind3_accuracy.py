"""The third blind family (``benchmarks.blind3_family``: a 市's 総合計画 基本計画,
素案 → 案 after a public comment, 別紙1 in the city's own shape) through the
CLI, exactly as a user runs it, and the same scorer as ``make accuracy``;
figures printed and written to ``bench-out/accuracy/blind3-s<seed>/score.json``.

    python -m benchmarks.blind3_accuracy            # held-out seeds 6101-6103
    python -m benchmarks.blind3_accuracy --tuning   # tuning seeds 6001-6003
    python -m benchmarks.blind3_accuracy --seed 6001
    python -m benchmarks.blind3_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind3_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone
    python -m benchmarks.blind3_accuracy --tuning --mixed      # 素案 from its DOCX, 案 from its PDF alone

Only the tuning seeds may be studied (their tables, misses, invented rows);
of the held-out seeds read the aggregate figures only.
"""

from __future__ import annotations

import sys

from benchmarks import blind3_family, blind_runner
from benchmarks.blind3_family import BLIND3_SEEDS, BLIND3_TUNING_SEEDS
from benchmarks.blind_runner import BlindFamily

MARK = "## Third blind family (a city's 総合計画, written without reading the tool)"


def describe() -> str:
    return (
        "`benchmarks/blind3_family.py` was written without reading revtool/changes, revtool/comments, "
        "revtool/compare or the other families' generators: a 市's 第6次総合計画 基本計画 (です・ます調; "
        "第1章 / 第1節 / 「1　…」; 第3章 基本目標N / 政策N-M / 施策N-M-K with ■ parts 目指す姿・現状と課題・主な取組・"
        "成果指標・期待される役割・関連する個別計画; （ア） items; ※1 notes per 施策; 成果指標 tables 指標名 | 単位 | "
        "現状値 | 目標値; a 施策体系 table), and a 別紙1 in the city's shape (No. | 該当ページ | 該当箇所 | ご意見の要旨 | "
        "市の考え方 | 対応区分 A–D in XLSX, or 番号 | 該当箇所 | 意見の概要 | 市の考え方 in Word; 40–150 comments, "
        "a campaign of near-duplicates on some seeds, refs like 「P.12」「12ページ」「施策1-2-3」「基本施策1-2」, pages one off). "
        "Decisions: a national plan adopted, a law amended, the prefecture's plan renamed (external); 目標値 raised, an "
        "indicator added, 取組 added, sentences added (answers in their own words), 「検討します」→「令和9年度までに実施します」, "
        "a sentence with a new ※ note (comment); the city's reorganisation, a 施策 moved to another 政策, two 施策 merged, "
        "a paragraph moved to another 施策, an 取組 deleted, 現状値 updated in every table on some seeds (internal). "
        "Not rows: 施策 renumbered, the 施策体系 table, ※ notes renumbered, 公用文 表記 (取り組み→取組, 子供→こども, "
        "障がい→障害, 等の→などの, 様々→さまざま, すべて→全て, 出来る→できる, 一人ひとり→一人一人, 更に→さらに), IME slips "
        "(意外→以外, 感心→関心, 適性→適正, 週知→周知, 補償→保障; one pointed out by a comment answered 「修正しました」), "
        "full-width digits, ＩＣＴ→ICT."
    )


FAMILY = BlindFamily(module=blind3_family, generator_file="blind3_family.py", case_prefix="blind3", label="blind3-city",
                     tuning=BLIND3_TUNING_SEEDS, heldout=BLIND3_SEEDS, mark=MARK, describe=describe)


def generator_digest() -> str:
    return blind_runner.generator_digest(FAMILY)


def run_case(seed: int, pdf_only: bool = False) -> dict:
    return blind_runner.run_case(FAMILY, seed, pdf_only)


def section(scores: list[dict]) -> str:
    return blind_runner.section(FAMILY, scores)


def replace_section(text: str, new: str) -> str:
    return blind_runner.replace_section(text, MARK, new)


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
