"""The blind family (``benchmarks.blind_family``) through the CLI and the
same scorer as ``make accuracy``; figures printed and written to
``bench-out/accuracy/blind-env-s<seed>/score.json``.

    python -m benchmarks.blind_accuracy [--tuning | --seed 7001] [--write | --pdf-only | --mixed]

``--write`` replaces the section "Blind family" of ACCURACY.md with this
run's figures, other sections kept (``make accuracy`` rewrites ACCURACY.md
from scratch: run this again after it). The runner is
``benchmarks.blind_runner``.
"""

from __future__ import annotations

import json
import sys

from benchmarks import blind_family, blind_runner
from benchmarks.accuracy import measured_state
from benchmarks.blind_family import BLIND_SEEDS, BLIND_TUNING_SEEDS
from benchmarks.blind_runner import BlindFamily

MARK = "## Blind family (written without reading the tool)"


def measured() -> str:
    return f"Measured on: {measured_state()}. `python -m benchmarks.blind_accuracy --write` (seeds {list(BLIND_SEEDS)})."


def describe() -> str:
    return (
        "`benchmarks/blind_family.py` was written without reading revtool/changes, revtool/comments, revtool/compare "
        "or the editing/comment code of `benchmarks/families.py`: a prefecture's 環境基本計画 (第1章 / 第1節 / 1 / "
        "（1） / ①), its own vocabulary and sentence lists, 主な事業 tables with 現状値/目標値/担当課, a 施策の体系 table, "
        "a 別紙1 in the prefecture register (県民意見の概要 / 県の考え方; refs such as 「P.6（（1）現状と課題）」, "
        "「第３章第２節１」, 「p.7-8」). Decisions: a national plan revised and quoted in two chapters, a 目標値 raised "
        "(table, and the GHG target in the text), a sentence / a ① item added in answer to a comment, 「創設を検討します」"
        "→「創設します」 in answer to a comment, an indicator reworded, a 施策 renamed (heading + 体系), two 施策 of a 節 "
        "swapped (+ 体系), two ① items swapped, a ① item deleted (later ones renumbered), a sentence deleted, a 事業 "
        "added, a division renamed; editorial: 子ども→こども, 等の→などの, 点検を行います→点検します, typo fixes "
        "(素案 had 推准/削滅/整傭/連撨/取祖/普汲), a missing 読点, full-width digits in text and in a table cell. "
        "Same CLI pipeline and scorer as `make accuracy`."
    )


FIRST_MEASURED = (
    "First blind measurement, seeds 7001–7003, main 96121b8, before the tool was changed for this family: "
    "rows found 38/40 = 0.95, rows invented 7 of 45 → 0.84 ✗, link F1 0.81 ✗, cause 1.00, 案のページ 0.95, "
    "summary key words 0.89, 6 editorial rows ✗. Those seeds were then studied (`--tuning`) to fix the kinds "
    "they showed (行う→する in any conjugation, a typo next to a number, a reworded indicator, two decisions "
    "merged into one row, cut predicates, names holding digits, item swaps); the figures below are the "
    "held-out seeds 7101–7103, not studied by the engineers who fixed the tool. Disclosure: the lead then read "
    "the 7101–7103 tables as staff would (issue 11's done-when) and fixed one kind seen there (a list item "
    "renumbered after a cut, 「「④」を「③」に変更」, appended to a deletion row: commit 31f8900); the 7101–7103 "
    "figures are measured after that reading. The next blind check needs a new family or new seeds."
)


def after(scores: list[dict]) -> list[str]:
    """The kinds of failure seen when the section was first written, and this run's misses."""
    lines = [
        "Kinds of failure seen when this section was first written (`de651a0`; see the list below for this run): "
        "(1) 「点検を行います」→「点検します」 (公用文 行う→する) published as a row in every seed, summary "
        "「「を行い」を「し」に変更」; a typo fixed next to a number (「48%削滅」→「48%削減」) published as a row; "
        "(2) an indicator reworded in a table cell (「講座等の参加者数」→「講座等の参加者の満足度」) classed 文言整理 "
        "by `diff` and dropped, with its two comment links; "
        "(3) the same small edit in two 施策 (「創設を検討します」→「創設します」, two comments, two decisions) "
        "merged into one row at 「第3章 施策の展開」 with both pages and the other 施策's links; its summary cuts the "
        "verb (「創設を検討し」を「創設し」); "
        "(4) a national plan whose name holds numbers (「生物多様性国家戦略2012-2020」→「…2023-2030」) quoted in two "
        "chapters gives two rows (the plans named 第五次/第六次 are grouped), and the first row's summary has "
        "unbalanced quotes and a word from the neighbouring plan (「…が第五次に策定されたため、「「生物多様性国家戦略"
        "2012-2020」（平成24年9月」を…」); "
        "(5) two ① items swapped: found, but summarised 「「②」を「①」に変更」.",
        "", "Every miss, invented row and wrong figure of this run:", ""]
    for s in scores:
        for d in s["details"]:
            lines.append(f"- {s['case']}: " + json.dumps(d, ensure_ascii=False))
    return lines


FAMILY = BlindFamily(module=blind_family, generator_file="blind_family.py", case_prefix="blind-env", label="blind-env",
                     tuning=BLIND_TUNING_SEEDS, heldout=BLIND_SEEDS, mark=MARK, describe=describe,
                     first_measured=FIRST_MEASURED, command="blind_accuracy", measured=measured, after=after)


def run_case(seed: int, pdf_only: bool = False) -> dict:
    return blind_runner.run_case(FAMILY, seed, pdf_only)


def section(scores: list[dict]) -> str:
    return blind_runner.section(FAMILY, scores)


def main(argv: list[str]) -> int:
    return blind_runner.main(argv, FAMILY, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
