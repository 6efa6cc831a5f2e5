"""The second blind family (``benchmarks.blind2_family``: a ministry's 基本計画,
素案 → 案 after a public comment with campaign duplicates) through the CLI,
exactly as a user runs it, and the same scorer as ``make accuracy``; figures
printed and written to ``bench-out/accuracy/blind2-s<seed>/score.json``.

    python -m benchmarks.blind2_accuracy            # held-out seeds 8101-8103
    python -m benchmarks.blind2_accuracy --tuning   # tuning seeds 8001-8003
    python -m benchmarks.blind2_accuracy --seed 8001
    python -m benchmarks.blind2_accuracy --write    # held-out, and replace the section in ACCURACY.md

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
from benchmarks.blind2_family import BLIND2_SEEDS, BLIND2_TUNING_SEEDS, generate, summary, write_plan


def generator_digest() -> str:
    """Figures are comparable only between runs with the same generator and scorer."""
    h = hashlib.sha256()
    for name in ("blind2_family.py", "plan_pdf.py", "accuracy_score.py"):
        h.update((REPO / "benchmarks" / name).read_bytes())
    return h.hexdigest()[:10]


def run_case(seed: int) -> dict:
    d = OUT / f"blind2-s{seed}"
    t = time.perf_counter()
    plan = generate(seed)
    f = write_plan(plan, d)
    gen = run_pipeline(d, f["soan"], f["an"], f["soan_pdf"], f["an_pdf"], f["comments"])
    s = score_case(gen, json.loads(f["expected"].read_text(encoding="utf-8")))
    s.update(case=f"blind2-s{seed}", family="blind2-ministry", seed=seed, plan=summary(plan), seconds=time.perf_counter() - t)
    (d / "score.json").write_text(json.dumps(s, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return s


MARK = "## Second blind family (a ministry's plan, written without reading the tool)"


def section(scores: list[dict]) -> str:
    lines = [MARK, "",
             f"Measured on: {measured_state()}, generator digest `{generator_digest()}`. "
             f"`python -m benchmarks.blind2_accuracy --write` (held-out seeds {list(BLIND2_SEEDS)}; "
             f"tuning seeds {list(BLIND2_TUNING_SEEDS)} via `--tuning`).",
             "",
             "`benchmarks/blind2_family.py` was written without reading revtool/changes, revtool/comments, "
             "revtool/compare, benchmarks/families.py or benchmarks/blind_family.py: a national 省's 第n次基本計画 "
             "(である調; 第１部 / 第１章 / 第１節 / １． / （１） / ア; 【施策の方向性】/【主な取組】; ※ footnotes; "
             "図表 references; 成果指標 tables 指標名 | 現状値 | 目標値 | 年度; a 施策体系 table; a table of contents; "
             "60–100 printed pages), and a 別紙1 in the national register (番号 | 該当箇所 | 御意見の概要 | "
             "御意見に対する考え方; 600–1,000 comments with two campaigns of 100–420 near-duplicates; 該当箇所 such as "
             "「第１部第２章」「P.34」「34頁」「第2章第3節2.(1)」「全体」, wrong pages, 素案 numbers). Decisions: a law "
             "amended and quoted in two chapters, a national plan revised, an organisation renamed by the government "
             "(three places), a 目標値 raised in a table and in the text, a 目標値 raised and an indicator added in "
             "answer to comments, a 節 renamed (heading + 施策体系), a 節 split in two, two （ｎ） merged, two （ｎ） "
             "swapped, three long sentences added in answer to comments (one brings a new ※ note), a paragraph added, "
             "a sentence deleted (one in answer to a comment), 「…について検討する」→「…を令和９年度までに実施する」 "
             "in answer to a comment. Editorial (never rows): 等→など, 行う→する, および→及び, 子供/子ども→こども, "
             "障がい→障害, 取り組み→取組, 一人ひとり→一人一人, 更に→さらに, 様々→さまざま, typos (施索, 促准, 啓登, "
             "状祝, 体勢), ，．→、。, full-width digits, 『』→「」, stray spaces, 図表 renumbered, ※ notes renumbered.",
             "", HEADER]
    for s in scores:
        lines.append(family_line(s["case"], summarize([s])))
    lines.append(family_line(f"**blind2-ministry, {len(scores)} seeds**", summarize(scores)))
    lines += ["", by_kind_table(scores), ""]
    return "\n".join(lines) + "\n"


def write_section(scores: list[dict]) -> None:
    """Replace this family's section of ACCURACY.md (or append it), keeping every other section."""
    path = REPO / "ACCURACY.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = section(scores)
    if MARK in text:
        start = text.index(MARK)
        nxt = text.find("\n## ", start + len(MARK))
        text = text[:start].rstrip("\n") + "\n\n" + new + ("\n" + text[nxt + 1:] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if "--seed" in argv:
        seeds = [int(argv[argv.index("--seed") + 1])]
    else:
        seeds = list(BLIND2_TUNING_SEEDS if "--tuning" in argv else BLIND2_SEEDS)
    heldout = set(seeds) <= set(BLIND2_SEEDS)
    scores = [run_case(x) for x in seeds]
    for s in scores:
        print_case(s)
        print("  ", json.dumps(s["plan"], ensure_ascii=False))
        if not heldout:  # held-out details are not for study
            for d in s["details"]:
                print("    ", json.dumps(d, ensure_ascii=False))
    a = summarize(scores)
    print(json.dumps({k: (round(a[k], 3) if isinstance(a[k], float) else a[k]) for k in a}, ensure_ascii=False))
    print(f"generator digest {generator_digest()}")
    if "--write" in argv and "--tuning" not in argv and "--seed" not in argv:
        write_section(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
