"""The third blind family (``benchmarks.blind3_family``: a 市's 総合計画 基本計画,
素案 → 案 after a public comment, 別紙1 in the city's own shape) through the
CLI, exactly as a user runs it, and the same scorer as ``make accuracy``;
figures printed and written to ``bench-out/accuracy/blind3-s<seed>/score.json``.

    python -m benchmarks.blind3_accuracy            # held-out seeds 6101-6103
    python -m benchmarks.blind3_accuracy --tuning   # tuning seeds 6001-6003
    python -m benchmarks.blind3_accuracy --seed 6001
    python -m benchmarks.blind3_accuracy --write    # held-out, and replace the section in ACCURACY.md
    python -m benchmarks.blind3_accuracy --tuning --pdf-only   # both versions ingested from their PDF alone

Only the tuning seeds may be studied (their tables, misses, invented rows);
of the held-out seeds read the aggregate figures only.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time

from benchmarks.accuracy import HEADER, OUT, REPO, by_kind_table, family_line, measured_state, print_case, run_pipeline
from benchmarks.accuracy_score import score_case, summarize
from benchmarks import blind3_family
from benchmarks.blind3_family import BLIND3_SEEDS, BLIND3_TUNING_SEEDS
from benchmarks.cli_flags import check_flags


def generator_digest() -> str:
    """Figures are comparable only between runs with the same generator and scorer."""
    h = hashlib.sha256()
    for name in ("blind3_family.py", "plan_pdf.py", "accuracy_score.py"):
        h.update((REPO / "benchmarks" / name).read_bytes())
    return h.hexdigest()[:10]


def run_case(seed: int, pdf_only: bool = False) -> dict:
    """One seed end to end."""
    name = f"blind3-s{seed}" + ("-pdf" if pdf_only else "")
    d = OUT / name
    t = time.perf_counter()
    plan = blind3_family.generate(seed)
    f = blind3_family.write_plan(plan, d)
    if pdf_only:  # both versions from their PDF alone, as a reviewer with only the published files
        gen = run_pipeline(d, f["soan_pdf"], f["an_pdf"], None, None, f["comments"])
    else:
        gen = run_pipeline(d, f["soan"], f["an"], f["soan_pdf"], f["an_pdf"], f["comments"])
    s = score_case(gen, json.loads(f["expected"].read_text(encoding="utf-8")))
    s.update(case=name + (" (PDF only)" if pdf_only else ""), family="blind3-city", seed=seed,
             plan=blind3_family.summary(plan), seconds=time.perf_counter() - t)
    (d / "score.json").write_text(json.dumps(s, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return s


MARK = "## Third blind family (a city's 総合計画, written without reading the tool)"


def section(scores: list[dict]) -> str:
    lines = [MARK, "",
             f"Measured on: {measured_state()}, generator digest `{generator_digest()}`. "
             f"`python -m benchmarks.blind3_accuracy --write` (held-out seeds {list(BLIND3_SEEDS)}; "
             f"tuning seeds {list(BLIND3_TUNING_SEEDS)} via `--tuning`).",
             "",
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
             "full-width digits, ＩＣＴ→ICT.",
             "", HEADER]
    for s in scores:
        lines.append(family_line(s["case"], summarize([s])))
    lines.append(family_line(f"**blind3-city, {len(scores)} seeds**", summarize(scores)))
    lines += ["", by_kind_table(scores), ""]
    return "\n".join(lines) + "\n"


def replace_section(text: str, new: str) -> str:
    """``text`` (ACCURACY.md) with this family's section replaced by ``new`` (or appended); other sections kept."""
    if MARK in text:
        start = text.index(MARK)
        nxt = text.find("\n## ", start + len(MARK))
        return text[:start].rstrip("\n") + "\n\n" + new + ("\n" + text[nxt + 1:] if nxt >= 0 else "")
    return text.rstrip("\n") + "\n\n" + new


def write_section(scores: list[dict]) -> None:
    path = REPO / "ACCURACY.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_section(text, section(scores)), encoding="utf-8")


def main(argv: list[str]) -> int:
    stop = check_flags(argv, {"--tuning", "--seed", "--write", "--pdf-only"}, __doc__ or "")
    if stop is not None:
        return stop
    if "--seed" in argv:
        seeds = [int(argv[argv.index("--seed") + 1])]
    else:
        seeds = list(BLIND3_TUNING_SEEDS if "--tuning" in argv else BLIND3_SEEDS)
    heldout = not set(seeds) & set(BLIND3_TUNING_SEEDS)
    scores = [run_case(x, "--pdf-only" in argv) for x in seeds]
    for s in scores:
        print_case(s)
        print("  ", json.dumps(s["plan"], ensure_ascii=False))
        if not heldout:  # held-out details are not for study
            for d in s["details"]:
                print("    ", json.dumps(d, ensure_ascii=False))
    a = summarize(scores)
    print(json.dumps({k: (round(a[k], 3) if isinstance(a[k], float) else a[k]) for k in a}, ensure_ascii=False))
    print()
    print(HEADER)
    for s in scores:
        print(family_line(s["case"], summarize([s])))
    print(family_line(f"**blind3-city, {len(scores)} seeds**", a))
    print(f"generator digest {generator_digest()}")
    if "--write" in argv and not {"--tuning", "--seed", "--pdf-only"} & set(argv):
        write_section(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
