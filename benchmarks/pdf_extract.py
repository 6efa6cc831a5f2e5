"""PDF reading speed against the engine (issue 15), measured in the same run.

    python -m benchmarks.pdf_extract [--runs 3] [--quick] [--base DIR] [--scale PAGES] [--no-cli] [PDF ...]

Every figure is a **cold process** (a fresh interpreter, as a CLI run gets),
the same number of runs for ours and the baseline, **alternated** (A B A B …),
and the **median**; CPU (user + sys, from ``wait4`` of that process, pool
workers included) and wall time are both printed.

* **engine**: pypdfium2's raw text of every page (``get_text_range``: load
  the page, build its text page, read the text) — the baseline;
* **extract_pdf, 1 process** and **extract_pdf, pool**: revtool's whole PDF
  reader (glyphs with boxes and fonts, the content-stream glyph count that
  makes the result independent of installed fonts, lines, tables, page
  numbers, headings) with ``workers=1`` and ``workers=2``; the time of the
  work itself, imports excluded, as ms a page, and its ratio to the engine's;
* **CLI ingest**: ``revtool init`` + ``revtool ingest`` of the PDF, the whole
  process (start, imports, workspace, git commit), next to a process that
  imports pypdfium2 and reads the raw text (the engine's cold-process time).

Also printed: the peak RSS of the 1-process extraction, and the CPU of each
stage of the 1-process extraction (one more cold process with the stage
functions of ``revtool.extract.pdf`` wrapped: ``pdfium_read`` the engine's
own work in ``read_page`` (loading the page, building its text page),
``glyphs`` and ``objects`` ours inside it (``pdf_read._read_glyphs``: the
per-glyph and per-text-object queries; ``_read_objects``: rulings and
images), the pdfminer path, the content-stream glyph count, quality checks,
lines, tables (ruled grids included: ``find_ruled``), blocks and headings,
outline, page numbers).  ``--scale PAGES``: also a
generated plan of about that many pages (``benchmarks.scale_pdf``; its font is
a non-embedded CID font, read through pdfminer).  ``--no-cli``: leave out
the CLI ingest figures (on a long plan the workspace write dominates them). ``--base DIR``: also
measure the package found in DIR (e.g. ``git archive main revtool | tar -x -C DIR``),
alternated with ours: before and after in the same run. Defaults to
../shared/corpus/nakano-dx/soan.pdf and ../shared/corpus/real/env6-soan-an/*.pdf;
``--quick`` only the first.  ``ours`` and ``plain_pdfplumber`` are used by
``benchmarks.run`` and ``benchmarks.scale_bench``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT = [CORPUS / "nakano-dx" / "soan.pdf", CORPUS / "real" / "env6-soan-an" / "soan.pdf",
           CORPUS / "real" / "env6-soan-an" / "an.pdf"]


def plain_pdfplumber(path: Path) -> tuple[float, int]:
    import pdfplumber

    t = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - t, n


def ours(path: Path) -> float:
    from revtool.extract.pdf import extract_pdf

    t = time.perf_counter()
    extract_pdf(path)
    return time.perf_counter() - t


# what each child process runs: imports first, then the timed work, whose CPU
# and wall seconds it prints (the process's own total comes from wait4)
_RAW = """
import sys, time
import pypdfium2 as pdfium
c, t = time.process_time(), time.perf_counter()
pdf = pdfium.PdfDocument(sys.argv[1])
for i in range(len(pdf)):
    page = pdf[i]
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
print(len(pdf), time.process_time() - c, time.perf_counter() - t)
"""
_OURS = """
import resource, sys, time
from pathlib import Path
from revtool.extract.pdf import extract_pdf
c, t = time.process_time(), time.perf_counter()
extract_pdf(Path(sys.argv[1]), workers=int(sys.argv[2]))
ch = resource.getrusage(resource.RUSAGE_CHILDREN)  # pool workers
print(0, time.process_time() - c + ch.ru_utime + ch.ru_stime, time.perf_counter() - t)
"""

# one more cold process: extract_pdf with each stage's functions wrapped, CPU
# seconds per stage (the time inside a nested stage counted once, in the inner
# one); printed as "label seconds" lines, then the total
_STAGES = """
import functools, sys, time
from collections import defaultdict
from pathlib import Path
import revtool.extract.pdf as P
import revtool.extract.pdf_read as PR
acc = defaultdict(float)
stack = []
def timed(name, label, mod=P):
    f = getattr(mod, name, None)
    if f is None:  # not in this version of the code
        return
    @functools.wraps(f)
    def g(*a, **k):
        t = time.process_time()
        stack.append(0.0)
        try:
            return f(*a, **k)
        finally:
            dt = time.process_time() - t
            acc[label] += dt - stack.pop()
            if stack:
                stack[-1] += dt
    setattr(mod, name, g)
def timed_iter(name, label):
    f = getattr(P, name)
    def g(*a, **k):
        it = f(*a, **k)
        while True:
            t = time.process_time()
            try:
                item = next(it)
            except StopIteration:
                acc[label] += time.process_time() - t
                return
            dt = time.process_time() - t
            acc[label] += dt
            if stack:
                stack[-1] += dt
            yield item
    setattr(P, name, g)
for name, label in [("_drawn", "stream_count"), ("read_page", "pdfium_read"), ("page_problem", "quality"),
                    ("visible_count", "quality"), ("needs_slow_path", "quality"), ("is_vertical", "lines"), ("vertical_share", "lines"),
                    ("group_lines", "lines"), ("order_columns", "lines"), ("find_tables", "tables"),
                    ("find_frames", "tables"), ("running_lines", "page_numbers"), ("most_common_size", "page_numbers"),
                    ("page_number_candidates", "page_numbers"), ("printed_numbers", "page_numbers"),
                    ("_check_pages", "quality"), ("_build_items", "blocks"), ("build_outline", "outline"),
                    ("read_bookmarks", "blocks"), ("find_ruled", "tables")]:
    timed(name, label)
# inside read_page: what is ours (glyphs and their fonts, page objects); the rest of
# pdfium_read is the engine's own work (loading the page, building its text page)
timed("_read_glyphs", "glyphs", PR)
timed("_read_objects", "objects", PR)
timed_iter("iter_miner_pages", "pdfminer")
c = time.process_time()
P.extract_pdf(Path(sys.argv[1]), workers=1)
total = time.process_time() - c
for label, v in acc.items():
    print(label, v)
print("other", total - sum(acc.values()))
print("total", total)
"""
STAGES = ("pdfium_read", "glyphs", "objects", "pdfminer", "stream_count", "quality", "lines", "tables", "blocks", "outline",
          "page_numbers", "other")


def stage_times(pdf: Path, code: Path = REPO) -> dict[str, float]:
    """CPU seconds of each stage of ``extract_pdf`` (1 process) in a cold process."""
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run([sys.executable, "-c", _STAGES, str(pdf)], capture_output=True, text=True, env=env,
                          cwd=tempfile.gettempdir(), check=True)
    out = {}
    for line in done.stdout.split("\n"):
        if line.strip():
            label, value = line.split()
            out[label] = float(value)
    return out


@dataclass(frozen=True)
class Run:
    work_cpu: float  # seconds of the timed work (children included)
    work_wall: float
    cpu: float  # the whole process (wait4)
    wall: float
    peak_mib: float
    pages: int = 0


def run(args: list[str], timed: bool = True, code: Path = REPO) -> Run:
    """One command in a fresh process running the package in ``code``; the work
    time it prints (``timed``) and its own rusage."""
    env = dict(os.environ, PYTHONPATH=str(code))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen(args, stdout=out, stderr=err, cwd=tempfile.gettempdir(), env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise RuntimeError(f"{args[1:3]} failed: {err.read()[-1500:].decode(errors='replace')}")
        out.seek(0)
        lines = out.read().decode().split()
    pages, cpu, w = (lines[-3], lines[-2], lines[-1]) if timed else ("0", "0", "0")
    return Run(float(cpu), float(w), ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss / 1024, int(pages))


def cli_ingest(pdf: Path, code: Path = REPO) -> Run:
    """``revtool init`` then ``revtool ingest`` in cold processes: the ingest process's figures."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        subprocess.run([sys.executable, "-m", "revtool", "init", str(ws)], check=True, capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(code)), cwd=tmp)
        return run([sys.executable, "-m", "revtool", "-C", str(ws), "ingest", str(pdf), "--version", "素案", "--force"],
                   timed=False, code=code)


def med(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def bench(pdf: Path, runs: int = 3, base: Path | None = None, cli: bool = True) -> dict[str, float]:
    """The figures for one PDF (ms a page, ratios, MiB), printed and returned;
    ``base``: a folder holding another version of the package, measured too
    (before/after in the same run)."""
    got: dict[str, list[Run]] = {"raw": [], "one": [], "pool": [], "cli": [], "base_one": [], "base_cli": []}
    for _ in range(runs):  # alternated, so that a change in the machine's load hits all alike
        got["raw"].append(run([sys.executable, "-c", _RAW, str(pdf)]))
        got["one"].append(run([sys.executable, "-c", _OURS, str(pdf), "1"]))
        got["pool"].append(run([sys.executable, "-c", _OURS, str(pdf), "2"]))
        if cli:
            got["cli"].append(cli_ingest(pdf))
        if base is not None:
            got["base_one"].append(run([sys.executable, "-c", _OURS, str(pdf), "1"], code=base))
            if cli:
                got["base_cli"].append(cli_ingest(pdf, base))
    n = got["raw"][0].pages or 1
    ms = lambda runs, attr: med(runs, attr) / n * 1000  # noqa: E731
    raw_cpu, raw_wall = ms(got["raw"], "work_cpu"), ms(got["raw"], "work_wall")
    one_cpu, one_wall = ms(got["one"], "work_cpu"), ms(got["one"], "work_wall")
    pool_cpu, pool_wall = ms(got["pool"], "work_cpu"), ms(got["pool"], "work_wall")
    raw_proc_cpu, raw_proc_wall = ms(got["raw"], "cpu"), ms(got["raw"], "wall")
    cli_cpu, cli_wall = (ms(got["cli"], "cpu"), ms(got["cli"], "wall")) if cli else (0.0, 0.0)
    try:
        load = f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:
        load = ""
    print(f"{pdf.parent.name}/{pdf.name}: {n} pages, {runs} cold runs each, medians; {load}")
    print(f"  engine: pypdfium2 raw text      {raw_cpu:6.2f} ms/page CPU {raw_wall:6.2f} wall")
    print(f"  extract_pdf, 1 process          {one_cpu:6.2f} ms/page CPU {one_wall:6.2f} wall   "
          f"ratio {one_cpu / raw_cpu:5.1f}x CPU {one_wall / raw_wall:5.1f}x wall   target <= 5 ms/page   "
          f"peak RSS {med(got['one'], 'peak_mib'):.0f} MiB")
    print(f"  extract_pdf, pool of 2          {pool_cpu:6.2f} ms/page CPU {pool_wall:6.2f} wall   "
          f"ratio {pool_cpu / raw_cpu:5.1f}x CPU {pool_wall / raw_wall:5.1f}x wall   "
          f"(pool/1 process: CPU {pool_cpu / one_cpu:.2f}, wall {pool_wall / one_wall:.2f})")
    if cli:
        print(f"  CLI ingest, whole process       {cli_cpu:6.2f} ms/page CPU {cli_wall:6.2f} wall   "
              f"engine's whole process {raw_proc_cpu:.2f} CPU {raw_proc_wall:.2f} wall   "
              f"ratio {cli_cpu / raw_proc_cpu:5.1f}x CPU {cli_wall / raw_proc_wall:5.1f}x wall")
    for who, code in [("ours", REPO)] + ([(f"base ({base.name})", base)] if base is not None else []):
        parts = stage_times(pdf, code)
        print(f"  stages, {who}, 1 process, ms/page CPU (one instrumented run): "
              + ", ".join(f"{k} {parts.get(k, 0.0) / n * 1000:.2f}" for k in STAGES)
              + f"; total {parts['total'] / n * 1000:.2f}")
    if base is not None:
        b_cpu, b_wall = ms(got["base_one"], "work_cpu"), ms(got["base_one"], "work_wall")
        cli_part = ""
        if cli:
            bc_cpu, bc_wall = ms(got["base_cli"], "cpu"), ms(got["base_cli"], "wall")
            cli_part = f";  CLI ingest {bc_cpu:6.2f} CPU {bc_wall:6.2f} wall"
        print(f"  base code ({base.name}): extract_pdf, 1 process {b_cpu:6.2f} ms/page CPU {b_wall:6.2f} wall   "
              f"ratio {b_cpu / raw_cpu:5.1f}x CPU {b_wall / raw_wall:5.1f}x wall{cli_part}   "
              f"peak RSS {med(got['base_one'], 'peak_mib'):.0f} MiB")
    return {"pages": n, "raw_cpu": raw_cpu, "one_cpu": one_cpu, "one_wall": one_wall, "pool_cpu": pool_cpu,
            "pool_wall": pool_wall, "cli_cpu": cli_cpu, "cli_wall": cli_wall}


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    base = Path(argv[argv.index("--base") + 1]).resolve() if "--base" in argv else None
    scale = int(argv[argv.index("--scale") + 1]) if "--scale" in argv else 0
    skip = {argv.index(f) + 1 for f in ("--runs", "--base", "--scale") if f in argv}
    paths = [Path(a) for i, a in enumerate(argv) if i not in skip and not a.startswith("--")]
    paths = paths or [p for p in DEFAULT if p.exists()][: 1 if "--quick" in argv else None]
    with tempfile.TemporaryDirectory(prefix="pdf-extract-") as tmp:
        if scale:  # a generated plan (non-embedded CID font: the pdfminer path)
            from benchmarks.scale_pdf import write_scale_pdf

            plan = Path(tmp) / f"scale-p{scale}.pdf"
            write_scale_pdf(plan, scale)
            paths.append(plan)
        if not paths:
            print("no PDF given and ../shared/corpus not found", file=sys.stderr)
            return 1
        for path in paths:
            bench(path.resolve(), runs, base, cli="--no-cli" not in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
