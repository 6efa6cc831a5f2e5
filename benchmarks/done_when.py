"""Issue 15's done-when, as one table at the end of ``make bench``: each
criterion, the figure measured, the baseline measured in the same run, and
✓/✗. Built from the figures of ``benchmarks/stages.py`` (every command a cold
process, the same number of runs for it and for its baseline, alternated,
medians of CPU and wall).

    rows = criteria(stages_results)      # list[Criterion]
    print_table(rows, quick=...)

    python -m benchmarks.done_when [bench-out/stages/results-pages-comments.json]   # the table again

Criteria (issue 15, "Done when"):
  1. 40,000 comments imported, grouped and linked in < 60 s on the 2-core
     machine: ``comments import`` + ``changelog`` (cache off: the diff, the
     grouping, the links all computed) at the largest comment table;
  2. peak memory < 1 GiB at that size (any command of the series);
  3. every stage's slope ≤ 1.1, 50 → 1,200 pages and 500 → 40,000 comments
     (over the whole range and over the last step);
  4. ``trace``/``show`` (and ``blame``, ``review``) after the first changelog
     < 0.3 s, or ≤ 2× ``revtool versions`` in the same run, on the 300-page
     plan with 2,000 comments (a review action, ``review --accept Rn
     --dry-run``, reported beside them with no mark);
  5. honest benchmarks: the same runs and statistic for ours and the
     baseline, cold processes, CPU and wall both reported.
With ``--quick`` the sizes are smaller (see ``stages.QUICK``): the table is
printed for the sizes run and says so; it is not the done-when measurement.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

SLOPE_TARGET = 1.1
SECONDS_TARGET = 60.0
PEAK_TARGET_MIB = 1024.0
VIEW_SECONDS = 0.3
VIEW_RATIO = 2.0
VIEW_PAGES = 300
VIEW_STAGES = ("trace R", "trace C", "show 案 SECTION", "blame 案 SECTION", "review --warnings")
# reported beside the views, with no target of their own in issue 15: a review action
# builds the table with a new decision (the undecided table and the comparison read back)
REPORTED_STAGES = ("review --accept R --dry-run",)


@dataclass
class Criterion:
    criterion: str
    figure: str
    baseline: str
    ok: bool | None  # None: not measured in this run
    note: str = ""

    @property
    def mark(self) -> str:
        return "—" if self.ok is None else ("✓" if self.ok else "✗")


def _fig(series: list[dict], stage: str, size: int | None = None) -> dict | None:
    for s in series:
        if s["stage"] == stage:
            figs = s["figures"] if size is None else [f for f in s["figures"] if f["size"] == size]
            return figs[-1] if figs else None
    return None


def _slope(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def criteria(res: dict[str, Any]) -> list[Criterion]:
    out: list[Criterion] = []
    pages, comments = res.get("pages") or [], res.get("comments") or []
    runs = res.get("runs", 0)
    load = res.get("load") or []
    load_txt = f"load average {min(load):.1f}–{max(load):.1f} on 2 cores" if load else ""

    # 1 + 2: the largest comment table
    imp, log = _fig(comments, "comments import"), _fig(comments, "changelog (cache off)")
    if imp and log and imp["size"] == log["size"]:
        n = imp["size"]
        cpu, wall = imp["cpu_s"] + log["cpu_s"], imp["wall_s"] + log["wall_s"]
        base_cpu, base_wall = imp["baseline_cpu_s"] + log["baseline_cpu_s"], imp["baseline_wall_s"] + log["baseline_wall_s"]
        ok = wall < SECONDS_TARGET and cpu < SECONDS_TARGET
        note = "" if ok or cpu >= SECONDS_TARGET else f"CPU within the target, wall over it ({load_txt})"
        out.append(Criterion(
            f"{n:,} comments imported, grouped and linked < {SECONDS_TARGET:.0f} s",
            f"import {imp['cpu_s']:.1f} + changelog {log['cpu_s']:.1f} = {cpu:.1f} s CPU; {wall:.1f} s wall",
            f"2 × revtool versions: {base_cpu:.2f} s CPU; {base_wall:.2f} s wall", ok, note))
        at_n = [f for s in comments for f in s["figures"] if f["size"] == n]
        worst = max(at_n, key=lambda f: f["peak_mib"])
        base_peak = max(f.get("baseline_peak_mib", 0.0) for f in at_n)
        stage = next(s["stage"] for s in comments if worst in s["figures"])
        out.append(Criterion(f"peak memory < 1 GiB at {n:,} comments", f"{worst['peak_mib']:.0f} MiB ({stage})",
                             f"revtool versions: {base_peak:.0f} MiB", worst["peak_mib"] < PEAK_TARGET_MIB))
    else:
        out.append(Criterion("40,000 comments imported, grouped and linked < 60 s", "not run", "", None))

    # 3: slopes
    for name, series, unit in (("pages", pages, "pages"), ("comments", comments, "comments")):
        for s in series:
            figs = s["figures"]
            if len(figs) < 2:
                continue
            lo, hi = figs[0], figs[-1]
            slopes = [x for x in (s["slope_all"], s["slope_last"]) if x is not None]
            out.append(Criterion(
                f"slope ≤ {SLOPE_TARGET} {s['stage']} ({lo['size']:,} → {hi['size']:,} {unit})",
                f"{_slope(s['slope_all'])} all / {_slope(s['slope_last'])} last "
                f"(net CPU {lo['net_cpu_s']:.2f} → {hi['net_cpu_s']:.2f} s)",
                f"revtool versions {lo['baseline_cpu_s']:.2f} → {hi['baseline_cpu_s']:.2f} s CPU",
                all(x <= SLOPE_TARGET for x in slopes) if slopes else None,
                "" if slopes else "net CPU below what a process start varies by"))

    # 4: the views after the first changelog, 300 pages / 2,000 comments
    for stage in VIEW_STAGES:
        f = _fig(pages, stage, VIEW_PAGES)
        if f is None:
            continue
        ratio = f["ratio_cpu"]
        out.append(Criterion(
            f"{stage} < {VIEW_SECONDS} s or ≤ {VIEW_RATIO:.0f}× versions ({VIEW_PAGES} pages, 2,000 comments, cached)",
            f"{f['cpu_s']:.2f} s CPU; {f['wall_s']:.2f} s wall; ratio {ratio:.2f} CPU, "
            f"{f['wall_s'] / f['baseline_wall_s']:.2f} wall" if f["baseline_wall_s"] else f"{f['cpu_s']:.2f} s CPU",
            f"revtool versions {f['baseline_cpu_s']:.2f} s CPU; {f['baseline_wall_s']:.2f} s wall",
            f["cpu_s"] < VIEW_SECONDS or ratio <= VIEW_RATIO))
    for stage in REPORTED_STAGES:
        f = _fig(pages, stage, VIEW_PAGES)
        if f is None:
            continue
        out.append(Criterion(
            f"{stage} ({VIEW_PAGES} pages, 2,000 comments, cached; a new decision each run)",
            f"{f['cpu_s']:.2f} s CPU; {f['wall_s']:.2f} s wall; ratio {f['ratio_cpu']:.2f} CPU, "
            f"{f['wall_s'] / f['baseline_wall_s']:.2f} wall" if f["baseline_wall_s"] else f"{f['cpu_s']:.2f} s CPU",
            f"revtool versions {f['baseline_cpu_s']:.2f} s CPU; {f['baseline_wall_s']:.2f} s wall",
            None, "reported: issue 15 sets no target for review actions"))

    # 5: how it was measured
    out.append(Criterion(
        "honest benchmarks", f"{runs} runs of each command and {runs} of its baseline, alternated; medians; cold processes; "
        "CPU (user+sys) and wall; peak RSS of the command alone (benchmarks/measure.py)",
        "the same runs and statistic", runs >= 1, load_txt))
    return out


def extra_rows(rows: list[Criterion], more: list[Callable[[], list[Criterion]]]) -> list[Criterion]:
    """Rows other engineers add (their bench hooks), after the issue's criteria."""
    for fn in more:
        rows.extend(fn())
    return rows


def align_rows(series: dict[str, list[tuple[int, float, float]]]) -> list[Criterion]:
    """difflin's hook (``benchmarks/diff_large.align_series``): the section
    alignment in one process, today's and the one it replaced, same runs."""
    import math

    names = list(series)
    if len(names) < 2 or len(series[names[0]]) < 2:
        return []
    ours, before = series[names[0]], series[names[1]]

    def slope(rows: list[tuple[int, float, float]], i: int, j: int) -> float | None:
        (pa, ca, _), (pb, cb, _) = rows[i], rows[j]
        return math.log(cb / ca) / math.log(pb / pa) if ca > 0 and cb > 0 else None

    s_all, s_last = slope(ours, 0, -1), slope(ours, -2, -1)
    slopes = [x for x in (s_all, s_last) if x is not None]
    return [Criterion(
        f"slope ≤ {SLOPE_TARGET} {names[0]}, library ({ours[0][0]:,} → {ours[-1][0]:,} pages)",
        f"{_slope(s_all)} all / {_slope(s_last)} last (CPU {ours[0][1]:.3f} → {ours[-1][1]:.3f} s)",
        f"{names[1]}: {_slope(slope(before, 0, -1))} all (CPU {before[0][1]:.3f} → {before[-1][1]:.3f} s)",
        all(x <= SLOPE_TARGET for x in slopes) if slopes else None)]


def print_table(rows: list[Criterion], quick: bool = False, out: Path | None = None) -> None:
    title = "issue 15 done-when" + (" — QUICK (smaller sizes: not the done-when measurement)" if quick else "")
    print(f"\n{'=' * 100}\n{title}\n{'=' * 100}")
    print("| criterion | measured | baseline (same run) | |")
    print("|---|---|---|:-:|")
    for r in rows:
        note = f" ({r.note})" if r.note else ""
        print(f"| {r.criterion} | {r.figure}{note} | {r.baseline} | {r.mark} |")
    met = sum(1 for r in rows if r.ok)
    print(f"\n{met} of {sum(1 for r in rows if r.ok is not None)} criteria met")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"quick": quick, "rows": [asdict(r) | {"mark": r.mark} for r in rows]},
                                  ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    import sys

    path = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "bench-out" / "stages" / "results-pages-comments.json"
    if not path.exists():
        print(f"{path}: not found (make bench writes it)", file=sys.stderr)
        return 1
    res = json.loads(path.read_text(encoding="utf-8"))
    print_table(criteria(res), bool(res.get("quick")))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
