"""Every stage of revtool as a user runs it (issue 15): each command in a cold
process, the same number of runs for it and for its baseline, alternated
(A B A B …), medians of CPU (user + sys) and wall seconds, the peak memory of
the process, and how each stage grows (log-log slope) with the plan's pages
and with the number of comments.

    python -m benchmarks.stages [--pages 50,300,1200] [--comments 500,5000,40000]
                                [--comment-pages 300] [--runs 3] [--quick] [--series pages|comments]
                                [--stages ingest,diff,import,changelog,views]

``--quick``: pages 50,300 and 500,4,000 comments on a 60-page plan (minutes,
not the done-when sizes).

Two series:
  pages     generated plans (``benchmarks/scale.py``) of each size, with their
            organic comment tables (2,000 comments per 300 pages);
  comments  one plan of ``--comment-pages`` pages with campaign tables
            (``benchmarks/campaign.py``) of each size.

Stages: ingest 素案 (a fresh workspace each run), ingest 案 (its second
version), diff, comments import, changelog with the cache off (everything
computed), changelog with the cache filled, trace of the first row and of the
first comment, ``show`` and ``blame`` of the first row's section, ``review
--warnings`` (the views, read from the cache) and a review action (``review
--accept Rn --dry-run``, another row each run: the table with that decision is
built, the rest read from the cache). Baseline, measured next to every run: ``revtool versions`` on
the same workspace (process start, imports and opening the workspace). The
figure is the stage's median; ``net`` is the median of (stage − baseline) CPU
over the paired runs; the slope is log(net₂/net₁)/log(size₂/size₁) over the
whole range and over the last step (target ≤ 1.1). Results also go to
``bench-out/stages/results-<series>.json``.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.cli_flags import check_flags

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench-out" / "stages"
EXE = [sys.executable, "-m", "revtool.cli.__main__"]
SLOPE_TARGET = 1.1


@dataclass
class Run:
    cpu: float
    wall: float
    peak_mib: float
    code: int


MEASURE = Path(__file__).with_name("measure.py")


def run_once(args: list[str], env: dict[str, str] | None = None, cwd: Path = REPO) -> Run:
    """One command in a fresh process; its own CPU, wall time and peak RSS,
    taken by ``benchmarks/measure.py`` (a small launcher, so that the peak is
    the command's own and not this process's: see that module)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile(suffix=".json") as res:
        p = subprocess.run([sys.executable, str(MEASURE), res.name, *args], stdout=out, stderr=out, cwd=cwd, env=env)
        if p.returncode != 0:
            out.seek(0)
            raise RuntimeError(f"{' '.join(args[2:])} failed ({p.returncode}): {out.read()[-1500:].decode(errors='replace')}")
        r = json.loads(Path(res.name).read_text(encoding="utf-8"))
    return Run(r["cpu"], r["wall"], r["peak_mib"], r["code"])


def revtool(ws: Path, *args: str, cache: bool = True) -> list[str]:
    return [*EXE, "-C", str(ws), *args] if str(ws) else [*EXE, *args]


@dataclass
class Figure:
    stage: str
    size: int
    runs: list[Run] = field(default_factory=list)
    base: list[Run] = field(default_factory=list)

    def med(self, attr: str, runs: list[Run] | None = None) -> float:
        return statistics.median(getattr(r, attr) for r in (self.runs if runs is None else runs))

    @property
    def net_cpu(self) -> float:
        return statistics.median(max(0.0, a.cpu - b.cpu) for a, b in zip(self.runs, self.base))

    @property
    def ratio_cpu(self) -> float:
        return statistics.median(a.cpu / b.cpu for a, b in zip(self.runs, self.base) if b.cpu)

    def as_json(self) -> dict:
        return {"stage": self.stage, "size": self.size, "runs": len(self.runs),
                "cpu_s": self.med("cpu"), "wall_s": self.med("wall"), "peak_mib": max(r.peak_mib for r in self.runs),
                "baseline": "revtool versions", "baseline_cpu_s": self.med("cpu", self.base),
                "baseline_wall_s": self.med("wall", self.base),
                "baseline_peak_mib": max(r.peak_mib for r in self.base), "net_cpu_s": self.net_cpu, "ratio_cpu": self.ratio_cpu}


def paired(fig: Figure, n: int, stage_cmd, base_cmd: list[str], prepare=None,
           env: dict[str, str] | None = None) -> Figure:
    """n runs of the stage and n of the baseline, alternated; ``prepare()`` before each stage run.
    ``stage_cmd``: the command, or a function of the run's number giving it (a review
    action naming another row each run, so that every run is a new decision)."""
    for i in range(n):
        if prepare is not None:
            prepare()
        fig.runs.append(run_once(stage_cmd(i) if callable(stage_cmd) else stage_cmd, env))
        fig.base.append(run_once(base_cmd))
    return fig


# ---------------------------------------------------------------- data


def dataset(pages: int, comments: int | None, seed: int = 1) -> Path:
    """soan.docx, an.docx, bessi1.tsv for a plan of ``pages`` pages: the organic
    comment table (``comments`` None) or a campaign table of ``comments`` rows."""
    from benchmarks.campaign import campaign_table, write_campaign_tsv
    from benchmarks.scale import generate, write_all

    d = OUT / "data" / f"p{pages}-c{comments or 'organic'}-s{seed}"
    if (d / "bessi1.tsv").exists():
        return d
    plan = OUT / "data" / f"p{pages}-s{seed}"
    pair = generate(pages, seed)
    if not (plan / "an.docx").exists():
        write_all(pair, plan)
    d.mkdir(parents=True, exist_ok=True)
    for name in ("soan.docx", "an.docx"):
        shutil.copyfile(plan / name, d / name)
    if comments is None:
        shutil.copyfile(plan / "bessi1.tsv", d / "bessi1.tsv")
    else:
        write_campaign_tsv(campaign_table(pair, comments, seed), d / "bessi1.tsv")
    return d


# ---------------------------------------------------------------- one size


def bench_size(d: Path, size: int, n: int, stages: set[str]) -> list[Figure]:
    """Every stage on one dataset; workspaces in a temporary folder."""
    no_cache = dict(os.environ, REVTOOL_NO_CACHE="1")
    figs: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        one, two, scratch = t / "one", t / "two", t / "scratch"
        run_once(revtool(Path(""), "init", str(one), "--plan", "ベンチマーク計画"))
        run_once(revtool(one, "ingest", str(d / "soan.docx"), "--version", "素案"))
        shutil.copytree(one, two)
        run_once(revtool(two, "ingest", str(d / "an.docx"), "--version", "案"))
        run_once(revtool(two, "comments", "import", str(d / "bessi1.tsv")))

        def fresh(src: Path | None):
            def prepare() -> None:
                shutil.rmtree(scratch, ignore_errors=True)
                if src is None:
                    run_once(revtool(Path(""), "init", str(scratch), "--plan", "ベンチマーク計画"))
                else:
                    shutil.copytree(src, scratch)
            return prepare

        base = revtool(two, "versions")
        if "ingest" in stages:
            figs.append(paired(Figure("ingest 素案", size), n, revtool(scratch, "ingest", str(d / "soan.docx"), "--version", "素案"),
                               base, fresh(None)))
            figs.append(paired(Figure("ingest 案 (2nd version)", size), n,
                               revtool(scratch, "ingest", str(d / "an.docx"), "--version", "案"), base, fresh(one)))
        if "diff" in stages:
            figs.append(paired(Figure("diff", size), n, revtool(two, "diff", "素案", "案"), base, env=no_cache))
        if "import" in stages:
            figs.append(paired(Figure("comments import", size), n, revtool(two, "comments", "import", str(d / "bessi1.tsv")),
                               base))
        target = str(t / "changelog.json")
        if "changelog" in stages:
            figs.append(paired(Figure("changelog (cache off)", size), n,
                               revtool(two, "changelog", "素案", "案", "-f", "json", "-o", target), base, env=no_cache))
        if "views" in stages:
            run_once(revtool(two, "changelog", "素案", "案", "-f", "json", "-o", target))  # fills the cache
            data = json.loads(Path(target).read_text(encoding="utf-8"))
            row = data["rows"][0]["id"] if data["rows"] else "R1"
            comment = data["comments"][0]["id"] if data["comments"] else "C01"
            heading = data["rows"][0]["section_paths"][0][-1] if data["rows"] and data["rows"][0]["section_paths"] else "第1章"
            figs.append(paired(Figure("changelog (cache filled)", size), n,
                               revtool(two, "changelog", "素案", "案", "-f", "json", "-o", target), base))
            figs.append(paired(Figure(f"trace {row}", size), n, revtool(two, "trace", row), base))
            figs.append(paired(Figure(f"trace {comment}", size), n, revtool(two, "trace", comment), base))
            figs.append(paired(Figure("show 案 SECTION", size), n, revtool(two, "show", "案", heading), base))
            figs.append(paired(Figure("blame 案 SECTION", size), n, revtool(two, "blame", "案", heading), base))
            figs.append(paired(Figure("review --warnings", size), n, revtool(two, "review", "素案", "案", "--warnings"), base))
            row_ids = [r["id"] for r in data["rows"]] or ["R1"]

            def accept(i: int) -> list[str]:  # each run a decision not made before: the decided table is built
                return revtool(two, "review", "素案", "案", "--accept", row_ids[(i + 1) % len(row_ids)], "--dry-run")

            figs.append(paired(Figure("review --accept R --dry-run", size), n, accept, base))
    for f in figs:  # as it goes: a run stopped early still leaves its figures
        print(f"  [{size:,}] {f.stage:<26} {_cell(f)}   baseline {_cell(f, f.base)}", flush=True)
    return figs


# ---------------------------------------------------------------- report


def slope(a: Figure, b: Figure) -> float | None:
    if a.net_cpu <= 0.02 or b.net_cpu <= 0.02:  # below what a process start varies by
        return None
    return math.log(b.net_cpu / a.net_cpu) / math.log(b.size / a.size)


def _cell(f: Figure, runs: list[Run] | None = None) -> str:
    runs = f.runs if runs is None else runs
    net = f"({f.net_cpu:.2f})" if runs is f.runs else "      "
    return f"{f.med('cpu', runs):.2f} {net} {f.med('wall', runs):.2f} {max(r.peak_mib for r in runs):.0f}"


def _series_key(stage: str) -> str:
    """「trace R1」 and 「trace R3」 are one stage across sizes: 「trace R」."""
    return stage if not stage.startswith("trace ") else stage[:7]  # 「trace R」, 「trace C」


def report(title: str, unit: str, series: dict[str, list[Figure]]) -> list[dict]:
    print(f"\n{title}: median of each figure; baseline = `revtool versions` on the same workspace, run alternately")
    sizes = sorted({f.size for figs in series.values() for f in figs})
    print(f"  {'stage':<26}" + "".join(f"{f'{s:,} {unit}':>30}" for s in sizes) + f"{'slope all / last':>20}")
    print(f"  {'':<26}" + "".join(f"{'CPU s (net) wall s MiB':>30}" for _ in sizes))
    out = []
    for stage, figs in series.items():
        figs = sorted(figs, key=lambda f: f.size)
        cells = "".join(f"{_cell(f):>30}" for f in figs)
        s_all = slope(figs[0], figs[-1]) if len(figs) > 1 else None
        s_last = slope(figs[-2], figs[-1]) if len(figs) > 2 else s_all
        txt = " / ".join("—" if s is None else f"{s:.2f}" for s in (s_all, s_last))
        flag = "" if all(s is None or s <= SLOPE_TARGET for s in (s_all, s_last)) else "  > 1.1"
        print(f"  {stage:<26}{cells}{txt:>20}{flag}")
        out.append({"stage": stage, "figures": [f.as_json() for f in figs], "slope_all": s_all, "slope_last": s_last})
    base = {f.size: f for figs in series.values() for f in figs}
    print(f"  {'baseline: revtool versions':<26}" + "".join(f"{_cell(base[s], base[s].base):>30}" for s in sizes))
    return out


def _ints(argv: list[str], flag: str, default: list[int]) -> list[int]:
    return [int(x) for x in argv[argv.index(flag) + 1].split(",")] if flag in argv else default


QUICK = {"pages": [50, 300], "comments": [500, 4000], "comment_pages": 60}
FULL = {"pages": [50, 300, 1200], "comments": [500, 5000, 40000], "comment_pages": 300}


def compile_package() -> None:
    """Byte-compile revtool once, as an installed package is: with
    PYTHONDONTWRITEBYTECODE set, every cold process would compile it from
    source again (~0.1 s CPU a process that no user pays)."""
    import compileall

    compileall.compile_dir(str(REPO / "revtool"), quiet=1)


def run(argv: list[str]) -> dict:
    """The two series; their figures (also written to ``bench-out/stages/``)."""
    quick = "--quick" in argv
    sizes = QUICK if quick else FULL
    pages = _ints(argv, "--pages", sizes["pages"])
    comments = _ints(argv, "--comments", sizes["comments"])
    cpages = _ints(argv, "--comment-pages", [sizes["comment_pages"]])[0]
    n = _ints(argv, "--runs", [3])[0]
    only = set(argv[argv.index("--stages") + 1].split(",")) if "--stages" in argv else {
        "ingest", "diff", "import", "changelog", "views"}
    compile_package()
    results: dict = {"runs": n, "quick": quick, "comment_pages": cpages, "pages": [], "comments": [],
                     "load": [os.getloadavg()[0]]}
    t0 = time.time()
    by_stage: dict[str, list[Figure]] = {}
    series = argv[argv.index("--series") + 1] if "--series" in argv else "pages,comments"
    if "pages" in series:
        for p in pages:
            for f in bench_size(dataset(p, None), p, n, only):
                by_stage.setdefault(_series_key(f.stage), []).append(f)
        results["pages"] = report("pages series (organic comments, 2,000 per 300 pages)", "pages", by_stage)
        _save(results, series, quick)  # a run stopped later keeps these
    by_stage = {}
    if "comments" in series:
        for c in comments:
            # the diff does not read the comments: measured once, in the pages series
            for f in bench_size(dataset(cpages, c), c, n, only - {"ingest", "diff"}):
                by_stage.setdefault(_series_key(f.stage), []).append(f)
        results["comments"] = report(f"comments series (campaign tables on a {cpages}-page plan)", "comments", by_stage)
    results["load"].append(os.getloadavg()[0])
    results["seconds"] = time.time() - t0
    print(f"\n  ({n} runs of each command and of its baseline; {results['seconds']:.0f} s in all)")
    _save(results, series, quick)
    return results


def _save(results: dict, series: str, quick: bool) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"results-{series.replace(',', '-')}{'-quick' if quick else ''}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    stop = check_flags(argv, {"--pages", "--comments", "--comment-pages", "--runs", "--quick", "--series", "--stages"},
                       __doc__ or "")
    if stop is not None:
        return stop
    run(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
