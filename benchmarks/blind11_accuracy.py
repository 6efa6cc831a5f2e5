"""The eleventh blind family (``benchmarks.blind11_family``: a small town's
第２次男女共同参画プラン, 素案 → 案 after a パブリックコメント, headings without
Heading styles on odd seeds, 別紙1 as a DOCX table or a UTF-8 CSV with BOM) through
the CLI, exactly as a user runs it, and the same scorer as ``make accuracy``;
figures printed and written to ``bench-out/accuracy/blind11-s<seed>/score.json``.

    python -m benchmarks.blind11_accuracy            # held-out seeds 13101-13103
    python -m benchmarks.blind11_accuracy --tuning   # tuning seeds 13001-13003
    python -m benchmarks.blind11_accuracy --seed 13001
    python -m benchmarks.blind11_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind11_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone
    python -m benchmarks.blind11_accuracy --tuning --mixed      # 素案 from its DOCX, 案 from its PDF alone

Tune on the tuning seeds only; of the held-out seeds read the aggregate figures only.
"""

from __future__ import annotations

import sys

from benchmarks import blind11_family, blind_runner
from benchmarks.blind11_family import BLIND11_SEEDS, BLIND11_TUNING_SEEDS
from benchmarks.blind_runner import BlindFamily


def describe() -> str:
    return ("`benchmarks/blind11_family.py` was written without reading revtool/changes, revtool/comments, "
            "revtool/compare or the other families' generators: a small town's 「第２次○○町男女共同参画プラン」 "
            "(第１章 計画の策定にあたって … 第３章 with the 施策の体系 table, 第４章 施策の展開: 基本目標Ⅰ～Ⅳ each with a "
            "成果指標 table 指標名 | 現状値（令和５年度） | 目標値（令和１１年度）, 施策の方向１～１２ with 【現状と課題】, "
            "具体的施策（１）… marked ★ when 重点, ① items each with a 担当課 line, コラム boxes as one-cell tables; "
            "第５章 計画の推進; 資料編 with a 用語解説 table; a 目次 with pages, cover and 目次 unnumbered). On odd seeds "
            "the DOCX has no Heading styles at all (headings are bold, larger Normal paragraphs) and 別紙1 is a DOCX "
            "table; on even seeds Heading 1-4 and 別紙1 is a UTF-8 CSV with BOM; columns No. | 該当ページ | 意見の概要 | "
            "町の考え方, 24-56 rows, pages as staff copy them (「12」「P12」「P12～13」「12ページ」「全般」, a few one page "
            "off, some only inside the opinion as 【P.12】 or 「基本目標Ⅱについて、」), answers in the town's register "
            "(「…追加しました」「…追記しました」「ご意見として承ります」「既に記載しています」). Decisions: comment (6-7: a "
            "具体的施策 added, a sentence added to 現状と課題, 検討します → 実施します, a 成果指標 target raised by 10 "
            "points, a 用語解説 term, a コラム); external (ＤＶ防止法 or 女性活躍推進法 revised, cited in 第１章 and in "
            "its 施策の方向: one row, both pages); internal (a 課 renamed everywhere, a 基本目標 renamed in heading and "
            "体系 table, two 施策の方向 swapped, one 具体的施策 split in two, 現状値 速報値 → 確定値). Not rows: 子供→子ども, "
            "様々→さまざま, 出来る→できる, 等→など, 行う→する, typos 推准/参面/相淡, half-width digits, renumbering "
            "after the split, 目次 lines, a paragraph split with its words unchanged.")


FAMILY = BlindFamily(module=blind11_family, generator_file="blind11_family.py", case_prefix="blind11",
                     label="blind11-danjo", tuning=BLIND11_TUNING_SEEDS, heldout=BLIND11_SEEDS,
                     mark="## Eleventh blind family (a town's 男女共同参画プラン, headings without styles, written without reading the tool)",
                     describe=describe,
                     first_measured=("Before anyone tuned on it (session 9, main 6a791a2, held-out seeds, aggregates only): "
                                     "recall 0.47, precision 0.25 (54 invented rows of 72, 30 of them editorial), link F1 0.37, "
                                     "cause 0.83, pages 0.83, summary 0.89. By heading kind: the two seeds whose DOCX has no "
                                     "Heading styles (bold, larger Normal paragraphs) recall 0.23 / 0.17, precision 0.10 / 0.07, "
                                     "links 0/8 (目次 lines read as headings, the 基本目標 level lost); the seed with Heading styles "
                                     "1.00 / 1.00 / 1.00, cause 0.92, pages 0.92, summary 0.85. Tuned on seeds 13001-13003 from "
                                     "then on (branch b11tune)."))


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
