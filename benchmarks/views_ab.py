"""The views of a kept change table before and after a change, in one run
(issue 15): every view a cold process, run with the code of the BEFORE tree
and of this tree alternately, each run followed by its own baseline
(``revtool versions`` with the same code), N times; medians of CPU
(user + sys) and wall, and the median of the per-run ratio to the baseline.
Interleaving the two codes keeps the machine's load the same for both.

    python -m benchmarks.views_ab BEFORE_TREE [--runs 5] [--pages 300]

BEFORE_TREE: a checkout of the code to compare with (``git archive main | tar
-x -C DIR``); its ``revtool`` package is imported (the command runs with that
folder as its working directory). The workspace is the generated plan of
``benchmarks/stages.py`` (2,000 comments per 300 pages); each code fills its
own cache entries first (the key holds revtool's code). A review action
(``review --accept Rn --dry-run``) names a row not decided before in each run.
Results: a table on stdout and ``bench-out/stages/views-ab.json``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.stages import EXE, OUT, REPO, Run, compile_package, dataset, run_once

VIEWS = ("trace R", "trace C", "show 案 SECTION", "blame 案 SECTION", "review --warnings", "review --accept R --dry-run")


def _cmd(ws: Path, *args: str) -> list[str]:
    return [*EXE, "-C", str(ws), *args]


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    before = Path(argv[0]).resolve()
    n = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 300
    import compileall

    compile_package()
    compileall.compile_dir(str(before / "revtool"), quiet=1)
    trees = {"before": before, "after": REPO}
    d = dataset(pages, None)
    figures: dict[str, dict[str, list[tuple[Run, Run]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        run_once([*EXE, "init", str(ws), "--plan", "ベンチマーク計画"])
        run_once(_cmd(ws, "ingest", str(d / "soan.docx"), "--version", "素案"))
        run_once(_cmd(ws, "ingest", str(d / "an.docx"), "--version", "案"))
        run_once(_cmd(ws, "comments", "import", str(d / "bessi1.tsv")))
        target = Path(tmp) / "changelog.json"
        for tree in trees.values():  # each code fills its own cache
            run_once(_cmd(ws, "changelog", "素案", "案", "-f", "json", "-o", str(target)), cwd=tree)
        data = json.loads(target.read_text(encoding="utf-8"))
        rows = [r["id"] for r in data["rows"]] or ["R1"]
        heading = data["rows"][0]["section_paths"][0][-1] if data["rows"] and data["rows"][0]["section_paths"] else "第1章"
        comment = data["comments"][0]["id"] if data["comments"] else "C01"
        fixed = {"trace R": ["trace", rows[0]], "trace C": ["trace", comment], "show 案 SECTION": ["show", "案", heading],
                 "blame 案 SECTION": ["blame", "案", heading], "review --warnings": ["review", "素案", "案", "--warnings"]}
        turn = 0
        for view in VIEWS:
            figures[view] = {name: [] for name in trees}
            for _ in range(n):
                for name, tree in trees.items():
                    if view in fixed:
                        args = fixed[view]
                    else:
                        turn += 1  # a decision not made before, by either code
                        args = ["review", "素案", "案", "--accept", rows[turn % len(rows)], "--dry-run"]
                    got = run_once(_cmd(ws, *args), cwd=tree)
                    base = run_once(_cmd(ws, "versions"), cwd=tree)
                    figures[view][name].append((got, base))
    out = report(figures, n, pages)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "views-ab.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _med(pairs: list[tuple[Run, Run]], which: int, attr: str) -> float:
    return statistics.median(getattr(p[which], attr) for p in pairs)


def report(figures: dict[str, dict[str, list[tuple[Run, Run]]]], n: int, pages: int) -> dict:
    print(f"\nviews, {pages} pages, 2,000 comments, cache filled: {n} runs of each, before and after alternated, "
          "each followed by its baseline (revtool versions, same code); medians")
    print("| command | before CPU s / wall s | ratio before (CPU, wall) | after CPU s / wall s | ratio after (CPU, wall) | "
          "after / before CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    out: dict = {"runs": n, "pages": pages, "views": {}}
    for view, by in figures.items():
        cells, rec = [], {}
        for name in ("before", "after"):
            pairs = by[name]
            cpu, wall = _med(pairs, 0, "cpu"), _med(pairs, 0, "wall")
            r_cpu = statistics.median(a.cpu / b.cpu for a, b in pairs if b.cpu)
            r_wall = statistics.median(a.wall / b.wall for a, b in pairs if b.wall)
            rec[name] = {"cpu_s": cpu, "wall_s": wall, "ratio_cpu": r_cpu, "ratio_wall": r_wall,
                         "baseline_cpu_s": _med(pairs, 1, "cpu"), "baseline_wall_s": _med(pairs, 1, "wall")}
            cells += [f"{cpu:.2f} / {wall:.2f}", f"{r_cpu:.2f}, {r_wall:.2f}"]
        speed = rec["after"]["cpu_s"] / rec["before"]["cpu_s"] if rec["before"]["cpu_s"] else 0.0
        print(f"| {view} | " + " | ".join(cells) + f" | {speed:.2f} |")
        out["views"][view] = rec
    base = {name: statistics.median(p[1].cpu for by in figures.values() for p in by[name]) for name in ("before", "after")}
    base_wall = {name: statistics.median(p[1].wall for by in figures.values() for p in by[name]) for name in ("before", "after")}
    print(f"| revtool versions (every baseline run) | {base['before']:.2f} / {base_wall['before']:.2f} | | "
          f"{base['after']:.2f} / {base_wall['after']:.2f} | | {base['after'] / base['before']:.2f} |")
    out["versions"] = {name: {"cpu_s": base[name], "wall_s": base_wall[name]} for name in base}
    return out


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
