"""``make bench``: every figure next to a baseline measured in the same run.

    python -m benchmarks.run [--quick] [--no-scale]      # make bench [QUICK=1]

Sections run only when their input exists (../shared/corpus/nakano-dx for the
real pair, drafts/ for the bundled example). Figures are ratios against the
baseline, so they compare across machines; absolute times are printed too.
Then the scale figures (benchmarks/scale_bench.py): nakano-dx end to end and
the generated 300-page pair (skipped with ``--quick``), each stage in its own
process with its peak memory; then every stage as a cold CLI process over
pages and comments (benchmarks/stages.py), and last ONE table: issue 15's
done-when, each criterion with its figure, the baseline measured in the same
run and ✓/✗ (benchmarks/done_when.py; also bench-out/done-when.json).

``--quick`` (``make bench QUICK=1``): the same parts at smaller sizes
(stages.QUICK; long paragraph up to 30,000 chars) in a few minutes; its
done-when table says it is not the done-when measurement.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAKANO = REPO.parent / "shared" / "corpus" / "nakano-dx"


RUNS = 3  # every figure and its baseline: the same number of runs, the median


def timed(fn, repeat: int = RUNS) -> float:
    """Median seconds of ``repeat`` calls (the same statistic for ours and the baseline)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold(code: str, repeat: int = RUNS) -> float:
    """Median seconds printed by ``code`` run in a fresh interpreter each time
    (no cache warmed by an earlier call, as a CLI run gets)."""
    times = []
    for _ in range(repeat):
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
        times.append(float(p.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def line(name: str, ours: float, base: float, base_name: str, target: str) -> None:
    print(f"  {name:<34} {ours * 1000:9.1f} ms   baseline {base_name} {base * 1000:9.1f} ms   ratio {ours / base:5.2f}   target {target}")


def bench_pdf(pdf: Path) -> None:
    from benchmarks.pdf_extract import ours, plain_pdfplumber

    _, pages = plain_pdfplumber(pdf)
    pre = "from benchmarks.pdf_extract import ours, plain_pdfplumber; from pathlib import Path; "
    mine = cold(pre + f"print(ours(Path({str(pdf)!r})))")
    base = cold(pre + f"print(plain_pdfplumber(Path({str(pdf)!r}))[0])")
    line(f"PDF extraction ({pages} pages, wall)", mine, base, "pdfplumber extract_text", "<= 0.7x")


def bench_ingest(doc: Path) -> None:
    exe = [sys.executable, "-m", "revtool.cli.__main__"]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        subprocess.run([*exe, "init", str(ws)], check=True, capture_output=True)
        firsts = []
        for i in range(RUNS):
            t = time.perf_counter()
            subprocess.run([*exe, "-C", str(ws), "ingest", str(doc), "--version", f"v{i}"], check=True, capture_output=True)
            firsts.append(time.perf_counter() - t)
        first = statistics.median(firsts)
        again = timed(lambda: subprocess.run([*exe, "-C", str(ws), "ingest", str(doc), "--version", "v0"],
                                             check=True, capture_output=True))
        noop = timed(lambda: subprocess.run([*exe, "--help"], check=True, capture_output=True))
    line("re-ingest unchanged file", again, first, "first ingest", "< 1 s")
    line("re-ingest unchanged file", again, noop, "revtool --help", "(startup share)")


def bench_diff(old_path: Path, new_path: Path) -> None:
    try:
        from revtool.compare.diff import diff_documents
    except ImportError:
        return
    from revtool.extract import extract

    old, new = extract(old_path), extract(new_path)

    def whole_text(doc) -> str:
        return "\n".join(b.text for _, s in doc.walk() for b in s.blocks)

    a = whole_text(old)
    pre = (f"import time; from pathlib import Path; from revtool.extract import extract; "
           f"old, new = extract(Path({str(old_path)!r})), extract(Path({str(new_path)!r})); ")
    ours = cold(pre + "from revtool.compare.diff import diff_documents; t = time.perf_counter(); "
                "diff_documents(old, new); print(time.perf_counter() - t)")
    base = cold(pre + "import diff_match_patch; dmp = diff_match_patch.diff_match_patch(); dmp.Diff_Timeout = 0; "
                "a, b = ('\\n'.join(b.text for _, s in d.walk() for b in s.blocks) for d in (old, new)); "
                "t = time.perf_counter(); dmp.diff_main(a, b); print(time.perf_counter() - t)")
    line(f"diff ({len(a):,} chars, cold process)", ours, base, "one whole-text diff-match-patch", "<= 0.5x")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    print(f"revtool benchmarks on {sys.platform}, Python {sys.version.split()[0]}"
          + ("  (QUICK: smaller sizes; `make bench` without QUICK for the done-when figures)" if quick else ""))
    from benchmarks.stages import compile_package

    compile_package()  # as an installed package: no process below compiles revtool from source
    pairs = []
    if (NAKANO / "soan.pdf").exists():
        pairs.append(("nakano-dx (PDF)", NAKANO / "soan.pdf", NAKANO / "an.pdf"))
        pairs.append(("nakano-dx (DOCX)", NAKANO / "soan.docx", NAKANO / "an.docx"))
    else:
        print("  ../shared/corpus/nakano-dx not found: corpus figures skipped")
    pairs.append(("bundled example (DOCX)", REPO / "drafts" / "soan.docx", REPO / "drafts" / "an.docx"))
    for name, old, new in pairs:
        print(f"\n{name}")
        if old.suffix == ".pdf":
            bench_pdf(old)
        bench_ingest(old)
        bench_diff(old, new)
    if (NAKANO / "soan.pdf").exists():
        from benchmarks import pdf_extract  # issue 15: PDF pages against pypdfium2's raw text, cold processes

        print("\nPDF pages at the speed of the engine (benchmarks/pdf_extract.py)")
        pdf_extract.main(["--quick"] if quick else [])
    from benchmarks import long_paragraph

    print()
    long_paragraph.main(["--sizes", "3000,30000"] if quick else [])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MiB (target < 1024 MiB)")
    if "--no-scale" in argv:
        return 0
    from benchmarks import done_when, scale_bench, stages

    if (NAKANO / "soan.pdf").exists():
        scale_bench.bench_e2e("nakano-dx (PDF)", NAKANO / "soan.pdf", NAKANO / "an.pdf", NAKANO / "comments" / "bessi1.tsv")
    if not quick:  # the library-level figures of the 300-page pair (the CLI stages below cover the quick run)
        print("\nscale: generated plan pair (benchmarks/scale.py)")
        scale_bench.bench_pair(300, 1, pdf=True)
    # issue 15: every stage as a cold CLI process, slopes over pages and comments, then the done-when table
    results = stages.run(["--quick"] if quick else [])
    rows = done_when.criteria(results)
    from benchmarks import diff_large  # difflin's hook: section alignment today vs before, one process

    if hasattr(diff_large, "align_series"):
        try:
            print()
            rows += done_when.align_rows(diff_large.align_series([50, 300] if quick else [50, 300, 1200]))
        except ImportError as exc:  # its oracle (tests/oracle_align.py) not on this branch
            print(f"  section alignment series skipped: {exc}")
    done_when.print_table(rows, quick, REPO / "bench-out" / f"done-when{'-quick' if quick else ''}.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
