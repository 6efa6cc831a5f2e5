"""The sixteenth blind family (``benchmarks.blind16_family``: a city's 「第４期○○市地域福祉計画（地域福祉活動計画と
一体）」, 素案 → 案 after a パブリックコメント and 地区懇談会; DOCX 素案 and 案, PDF only, or a DOCX 素案 with a PDF-only
案; 別紙1 as a CSV (UTF-8 BOM or CP932) or a DOCX table) through the CLI, exactly as a user runs it, and the same
scorer as ``make accuracy``; figures printed and written to ``bench-out/accuracy/blind16-s<seed>/score.json``.

    python -m benchmarks.blind16_accuracy            # held-out seeds 18101-18103
    python -m benchmarks.blind16_accuracy --tuning   # tuning seeds 18001-18003
    python -m benchmarks.blind16_accuracy --seed 18001
    python -m benchmarks.blind16_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind16_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone
    python -m benchmarks.blind16_accuracy --tuning --mixed      # 素案 from its DOCX, 案 from its PDF alone

This family is the lead's final check: measured once, at the end of the session, before anyone tunes on it.
Tune on the tuning seeds only (and only after that first measure); of the held-out seeds read the aggregate
figures only.
"""

from __future__ import annotations

import sys

from benchmarks import blind16_family, blind_runner
from benchmarks.blind16_family import BLIND16_SEEDS, BLIND16_TUNING_SEEDS
from benchmarks.blind_runner import BlindFamily


def describe() -> str:
    return ("`benchmarks/blind16_family.py` was written without reading revtool/changes, revtool/comments, "
            "revtool/compare, revtool/extract or the other families' generators: a city's 「第４期○○市地域福祉計画"
            "（地域福祉活動計画と一体）」 of 31-33 printed pages after an unnumbered cover and 目次; です・ます調; headings "
            "「第１章　…」/「１　…」/「（１）…」/「①…」 as Word Heading styles on some seeds and bold Normal paragraphs with a "
            "目次 typed with leader dots on the others; bar charts with captions 「図表２－１　…」 (captions only in the DOCX); "
            "第4章 施策の展開: 基本目標１-３ on a page of their own > 施策の方向 （１）… a page each > 【現状と課題】, ● lists "
            "【市民・地域の取組】【社協の取組】【市の取組】, 【主な取組】 取組 | 内容 | 担当課 | 社協 (○), コラム boxes; a 第３期"
            "計画の評価 table, a 施策の体系 table, 成果指標 指標 | 現状値（令和5年度） | 目標値（令和12年度）, 用語解説 in 資料編. "
            "Formats per seed: DOCX 素案 and 案 (+ PDFs), PDF only, or a DOCX 素案 with a PDF-only 案. 別紙1 of 28-31 "
            "comments 番号 | 該当箇所（素案ページ） | 意見の要旨 | 市の考え方 as a CSV (UTF-8 BOM or CP932, two title lines "
            "first) or a DOCX table; places written 「p.18」「18頁」「p.18（（２）…）」「第4章 基本目標2」, some one page off or "
            "naming the wrong 基本目標; answers 「ご意見を踏まえ、…を追記しました」「既に…に記載しています」「今後の参考と"
            "します」「…のため、原案どおりとします」; two comments answered 反映 whose edit is only a typo fix or a 表記 "
            "unified (no row); a second 地区懇談会 comment on the same point as one. Decisions (11-12 rows a seed): comment "
            "(a ● added to 市民・地域の取組; a 取組 row added; a paragraph added to 現状と課題; 「…に努めます」→「…に取り組み"
            "ます」; a 成果指標 target raised; a 用語解説 entry on odd seeds); external (社会福祉法 amended, 令和7年法律第41号, "
            "重層的支援体制整備事業 / 地方再犯防止推進計画 / 市町村成年後見制度利用促進基本計画 included by law — quoted in 第1章 "
            "and in a 施策 of 第4章: one row); internal (a 施策の方向 renamed in its heading and the 施策の体系, the last 施策の"
            "方向 of 基本目標１ moved to 基本目標２ and renumbered, 成果指標 現状値 refreshed to 令和6年度, a コラム added, the "
            "population table and its sentence brought to 令和7年). Not rows: 子供→子ども, 障害→障がい, 一人ひとり→一人一人, "
            "取組み→取組, 等→など, 「の開催を行います」→「を開催します」, typos (支え会い, ボランテイア, 見守リ, 社会福祉協議界), "
            "full-width digits, 目次 pages, the cover's 【素案】 and date.")


FAMILY = BlindFamily(module=blind16_family, generator_file="blind16_family.py", case_prefix="blind16",
                     label="blind16-welfare-city", tuning=BLIND16_TUNING_SEEDS, heldout=BLIND16_SEEDS,
                     mark="## Sixteenth blind family (a city's 地域福祉計画, DOCX/PDF/mixed, written without reading the tool)",
                     describe=describe,
                     first_measured=("Measured once, at the end of session 11 (main fc7683b), never tuned on: nobody but its writer "
                                     "ran revtool on it before (its writer: `revtool ingest` of the tuning seeds only). "
                                     "recall 0.91, precision 0.80 (8 invented rows of 40), link F1 0.87, cause 0.88, pages 0.78, "
                                     "summary 0.88, 0 editorial rows (0 of 89 edits leaked). Read as staff would: s18101 (DOCX "
                                     "素案 and 案 with bold Normal headings, DOCX 別紙1): 12 rows for 12 decisions — 1 row to "
                                     "delete (the 施策の体系 line of a renamed 施策の方向 as a row of its own, beside the rename "
                                     "row), 1 decision missing (「…に努めます」→「…に取り組みます」 on request read as "
                                     "wording), about 3 summaries to rewrite (the 成年後見制度利用促進基本計画 row without the "
                                     "law and its article, and said as comment-caused; the law's second place glued to a コラム "
                                     "row; the statistics row 「令和7年の一覧を更新、…」). s18103 (DOCX 素案, PDF-only 案): 19 "
                                     "rows for 12 decisions — 7 rows 「「【現状と課題】」を「（１）…」に変更」 (a label and its "
                                     "施策 heading paired across the two readers); the same 19 rows on 865c77a, before this "
                                     "session's mixed-format work. Not publishable."))


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
