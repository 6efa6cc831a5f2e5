"""Same input, same output on every supported Python (issue 12).

    python -m benchmarks.pyversions [--python PATH ...] [--only CASE ...] [--keep DIR]

Runs the real pipeline as a user would (``revtool init``, ``ingest``,
``comments import``, ``changelog --format json``) on ../shared/corpus with
each interpreter, then compares every file of the workspaces' ``sections/``
trees and the changelog JSON byte for byte against the first interpreter.
Prints identical/different per case and file; exit code 1 when anything
differs.

Interpreters: every ``--python`` given, else those in $REVTOOL_PYTHONS
(os.pathsep separated), ``python3.11``/``python3.12``/``python3.13`` on PATH
and this repository's ``.venv/bin/python`` (first usable one per version); one that
cannot import revtool and its dependencies is reported and left out (this
script installs nothing: make a venv per version with
``pip install -c requirements.lock -e '.[test]'``). Each run uses its own
random PYTHONHASHSEED, so set/dict-order dependence shows up as a difference.
Not part of ``make test`` (it takes minutes); ``make pyversions``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Case:
    """One workspace: versions to ingest (file, version, --pages-from) and an optional comment table."""

    name: str
    versions: tuple[tuple[str, str, str | None], ...]
    comments: str | None = None
    force: bool = False


CASES = (
    Case("nakano-docx", (("nakano-dx/soan.docx", "素案", "nakano-dx/soan.pdf"),
                         ("nakano-dx/an.docx", "案", "nakano-dx/an.pdf")), "nakano-dx/comments/bessi1.xlsx"),
    Case("nakano-pdf", (("nakano-dx/soan.pdf", "素案", None), ("nakano-dx/an.pdf", "案", None)),
         "nakano-dx/comments/bessi1.xlsx"),
    Case("meti-nda", (("real/meti-nda/nda_v1_0.docx", "DOCX", None), ("real/meti-nda/nda_v1_0.pdf", "PDF", None))),
    Case("jo", (("real/pdf-robustness/jo.pdf", "原本", None),), force=True),
    Case("env6-pdf", (("real/env6-soan-an/soan.pdf", "素案", None), ("real/env6-soan-an/an.pdf", "案", None))),
)

# Fixed author and dates: the commit ids in the changelog JSON then compare too (same commit id =
# same committed tree, comments.json and messages included).
PINNED_GIT = {"GIT_AUTHOR_NAME": "revtool", "GIT_AUTHOR_EMAIL": "revtool@example.invalid",
              "GIT_COMMITTER_NAME": "revtool", "GIT_COMMITTER_EMAIL": "revtool@example.invalid",
              "GIT_AUTHOR_DATE": "2026-01-01T00:00:00+0900", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00+0900"}

PROBE = "import revtool.cli, pdfplumber, pypdfium2, docx, git, sys; print('%d.%d' % sys.version_info[:2])"


def interpreter_version(python: str) -> str | None:
    """'3.12' when ``python`` can run revtool with its dependencies, else None."""
    try:
        done = subprocess.run([python, "-c", PROBE], capture_output=True, text=True, timeout=120, cwd=REPO)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def default_pythons() -> list[str]:
    listed = [p for p in os.environ.get("REVTOOL_PYTHONS", "").split(os.pathsep) if p]
    found = listed + [p for n in ("python3.11", "python3.12", "python3.13") if (p := shutil.which(n))]
    venv = REPO / ".venv" / "bin" / "python"
    if venv.exists():
        found.append(str(venv))
    return found


def run_case(python: str, case: Case, root: Path) -> Path:
    """Build the workspace of ``case`` under ``root`` with ``python``; returns the workspace folder."""
    ws = root / case.name
    env = {**os.environ, "PYTHONHASHSEED": "random", "REVTOOL_NO_CACHE": "1", **PINNED_GIT}

    def revtool(*args: str) -> str:
        done = subprocess.run([python, "-m", "revtool", "-C", str(ws), *args], capture_output=True,
                              text=True, env=env, cwd=root)
        if done.returncode != 0:
            raise RuntimeError(f"{python}: revtool {' '.join(args)} -> {done.returncode}\n{done.stderr[-2000:]}")
        return done.stdout

    subprocess.run([python, "-m", "revtool", "init", str(ws), "--plan", case.name], check=True,
                   capture_output=True, env=env, cwd=root)
    for file, version, pages_from in case.versions:
        extra = ["--pages-from", str(CORPUS / pages_from)] if pages_from else []
        extra += ["--force"] if case.force else []
        revtool("ingest", str(CORPUS / file), "--version", version, *extra)
    if case.comments:
        revtool("comments", "import", str(CORPUS / case.comments))
    if len(case.versions) >= 2:
        revtool("changelog", case.versions[0][1], case.versions[-1][1], "--format", "json",
                "--output", str(ws.parent / f"{case.name}.changelog.json"))
    return ws


def outputs(root: Path, case: Case) -> dict[str, Path]:
    """Relative name -> file for every compared output of one case."""
    files = {f"sections/{p.relative_to(root / case.name / 'sections')}": p
             for p in sorted((root / case.name / "sections").rglob("*")) if p.is_file()}
    log = root / f"{case.name}.changelog.json"
    if log.exists():
        files["changelog.json"] = log
    return files


def compare(reference: dict[str, Path], other: dict[str, Path]) -> list[str]:
    """Names that differ (content, or present on one side only)."""
    names = sorted(set(reference) | set(other))
    return [n for n in names
            if n not in reference or n not in other or not filecmp.cmp(reference[n], other[n], shallow=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="interpreter to compare (repeatable)")
    parser.add_argument("--only", action="append", help="case name (repeatable): " +
                        ", ".join(c.name for c in CASES))
    parser.add_argument("--keep", type=Path, help="keep the workspaces in this folder")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not available")
        return 0
    by_version: dict[str, str] = {}
    for python in args.python or default_pythons():
        version = interpreter_version(python)
        if version is None:
            print(f"left out: {python} (cannot import revtool and its dependencies)")
        elif version not in by_version:
            by_version[version] = os.path.abspath(python)
    if len(by_version) < 2:
        print(f"need two Python versions with revtool installed, found: {sorted(by_version) or 'none'}")
        return 0 if by_version else 1
    cases = [c for c in CASES if not args.only or c.name in args.only]
    base = args.keep or Path(tempfile.mkdtemp(prefix="revtool-pyversions-"))
    failed = False
    versions = sorted(by_version)
    for case in cases:
        results: dict[str, dict[str, Path]] = {}
        for version in versions:
            root = base / version
            root.mkdir(parents=True, exist_ok=True)
            run_case(by_version[version], case, root)
            results[version] = outputs(root, case)
        reference = versions[0]
        for version in versions[1:]:
            differing = compare(results[reference], results[version])
            count = len(results[reference])
            if differing:
                failed = True
                print(f"{case.name}: {reference} vs {version}: DIFFERENT {len(differing)}/{count} files")
                for name in differing:
                    print(f"    {name}")
            else:
                print(f"{case.name}: {reference} vs {version}: identical ({count} files)")
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)
    else:
        print(f"workspaces kept in {base}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
