"""Does a change to the PDF reader change what is ingested? Ingest every PDF of
../shared/corpus (and generated plans) with the code of a git revision and with
the working tree, each into its own temporary plan workspace through the CLI,
and compare the ``sections/`` trees byte for byte (and the exit code and
stderr of a PDF that is refused).

    python -m benchmarks.pdf_same [--base REV] [--pages 1200] [--no-generated] [PDF ...]

``--base`` defaults to ``main``; its code is taken with ``git archive`` into a
temporary folder and run with the same interpreter (``PYTHONPATH``).  The
generated plans: the 素案 and 案 PDFs of one plan of each family
(``benchmarks.families``, tuning seed 101) and a scale plan of ``--pages``
pages (``benchmarks.scale_pdf``).  Exit code 0 when every tree is identical.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
ENV = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00+0900", GIT_COMMITTER_DATE="2026-01-01T00:00:00+0900")


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.rglob("*.pdf")) if CORPUS.exists() else []


def generated_pdfs(folder: Path, pages: int) -> list[Path]:
    from benchmarks.families import FAMILIES, generate_plan, write_plan
    from benchmarks.scale_pdf import write_scale_pdf

    out: list[Path] = []
    for name, fam in sorted(FAMILIES.items()):
        files = write_plan(generate_plan(fam, 101), folder / f"{name}-s101")
        out += [files["soan_pdf"], files["an_pdf"]]
    if pages:
        big = folder / f"scale-p{pages}.pdf"
        write_scale_pdf(big, pages)
        out.append(big)
    return out


def export(rev: str, folder: Path) -> Path:
    """The package of ``rev`` unpacked under ``folder``."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", rev, "revtool"], check=True, capture_output=True).stdout
    folder.mkdir(parents=True, exist_ok=True)
    tar = folder / "base.tar"
    tar.write_bytes(data)
    with tarfile.open(tar) as tf:
        tf.extractall(folder, filter="data")
    return folder


def ingest(code: Path, pdf: Path, workspace: Path) -> tuple[int, str, float]:
    """Ingest ``pdf`` with the package found in ``code``: exit code, stderr, seconds."""
    env = dict(ENV, PYTHONPATH=str(code))
    run = lambda *a: subprocess.run([sys.executable, "-m", "revtool", *a], capture_output=True, text=True, env=env)  # noqa: E731
    init = run("init", str(workspace))
    if init.returncode != 0:
        raise RuntimeError(init.stderr)
    t = time.perf_counter()
    done = run("-C", str(workspace), "ingest", str(pdf), "--version", "素案", "--force")
    return done.returncode, done.stderr.replace(str(pdf), "<pdf>"), time.perf_counter() - t


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ between two folders (missing on one side or other bytes)."""
    diff: list[str] = []
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} if a.exists() else set()
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()} if b.exists() else set()
    for rel in sorted(files_a ^ files_b):
        diff.append(f"only in {'base' if rel in files_a else 'new'}: {rel}")
    for rel in sorted(files_a & files_b):
        if not filecmp.cmp(a / rel, b / rel, shallow=False):
            diff.append(f"differs: {rel}")
    return diff


def main(argv: list[str]) -> int:
    base = argv[argv.index("--base") + 1] if "--base" in argv else "main"
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 1200
    skip = {i for i, a in enumerate(argv) if a in ("--base", "--pages")}
    skip |= {i + 1 for i in skip}
    given = [Path(a).resolve() for i, a in enumerate(argv) if i not in skip and not a.startswith("--")]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="pdf-same-") as tmp:
        root = Path(tmp)
        old_code = export(base, root / "base")
        pdfs = given or corpus_pdfs()
        if not given and "--no-generated" not in argv:
            pdfs += generated_pdfs(root / "generated", pages)
        print(f"base {base} vs working tree {REPO}: {len(pdfs)} PDFs")
        for i, pdf in enumerate(pdfs):
            ws_old, ws_new = root / f"ws{i}-base", root / f"ws{i}-new"
            rc_old, err_old, t_old = ingest(old_code, pdf, ws_old)
            rc_new, err_new, t_new = ingest(REPO, pdf, ws_new)
            diff = same_tree(ws_old / "sections", ws_new / "sections")
            if rc_old != rc_new or err_old != err_new:
                diff.append(f"exit {rc_old} -> {rc_new}; stderr {err_old.strip()[:200]!r} -> {err_new.strip()[:200]!r}")
            files = sum(1 for p in (ws_new / "sections").rglob("*") if p.is_file()) if (ws_new / "sections").exists() else 0
            name = pdf.relative_to(CORPUS) if pdf.is_relative_to(CORPUS) else pdf.relative_to(root) if pdf.is_relative_to(root) else pdf
            status = "same" if not diff else "DIFFERENT"
            print(f"{status:9} {name}  ({files} files, exit {rc_new}; ingest {t_old:.1f} s -> {t_new:.1f} s wall)")
            for d in diff[:10]:
                print(f"    {d}")
            failures += bool(diff)
    print("all identical" if not failures else f"{failures} PDF(s) differ")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
