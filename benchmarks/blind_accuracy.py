"""The blind family (``benchmarks.blind_family``) through the CLI and the
same scorer as ``make accuracy``; figures printed and written to
``bench-out/accuracy/blind-env-s<seed>/score.json``.

    python -m benchmarks.blind_accuracy [--seed 7001]
"""

from __future__ import annotations

import json
import sys
import time

from benchmarks.accuracy import OUT, print_case, run_pipeline
from benchmarks.accuracy_score import score_case, summarize
from benchmarks.blind_family import BLIND_SEEDS, generate, summary, write_plan


def run_case(seed: int) -> dict:
    d = OUT / f"blind-env-s{seed}"
    t = time.perf_counter()
    plan = generate(seed)
    f = write_plan(plan, d)
    gen = run_pipeline(d, f["soan"], f["an"], f["soan_pdf"], f["an_pdf"], f["comments"])
    s = score_case(gen, json.loads(f["expected"].read_text(encoding="utf-8")))
    s.update(case=f"blind-env-s{seed}", family="blind-env", seed=seed, plan=summary(plan), seconds=time.perf_counter() - t)
    (d / "score.json").write_text(json.dumps(s, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return s


def main(argv: list[str]) -> int:
    seeds = [int(argv[argv.index("--seed") + 1])] if "--seed" in argv else list(BLIND_SEEDS)
    scores = [run_case(x) for x in seeds]
    for s in scores:
        print_case(s)
        print("  ", json.dumps(s["plan"], ensure_ascii=False))
        for d in s["details"]:
            print("    ", json.dumps(d, ensure_ascii=False))
    a = summarize(scores)
    print(json.dumps({k: (round(a[k], 3) if isinstance(a[k], float) else a[k]) for k in a}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
