"""Extraction gives the same section files on every supported Python (issue 12).

Extracts small committed fixtures (one PDF, one DOCX) here and under each
OTHER Python version found, and compares the serialized section files byte
for byte. Other interpreters: the paths in $REVTOOL_PYTHONS (os.pathsep
separated, e.g. venvs made with ``pip install -c requirements.lock -e
'.[test]'``), then python3.11/3.12/3.13 on PATH. One that cannot import
revtool's dependencies is left out (nothing is installed from here); the test
skips, naming what it tried, when no other version is usable. The whole
corpus comparison is ``make pyversions`` (benchmarks/pyversions.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from revtool.extract import extract
from revtool.workspace.serialize import document_to_files

REPO = Path(__file__).resolve().parents[1]
FIXTURES = [REPO / "tests" / "fixtures" / "pdf" / "sample.pdf", REPO / "tests" / "fixtures" / "docx" / "numbering_formats.docx"]
HERE = "%d.%d" % sys.version_info[:2]

_EXTRACT = """
import json, sys
from pathlib import Path
from revtool.extract import extract
from revtool.workspace.serialize import document_to_files
out = {}
for name in sys.argv[1:]:
    files = document_to_files(extract(Path(name)))
    out[name] = {k: v.decode("utf-8") for k, v in sorted(files.items())}
print(json.dumps({"version": "%d.%d" % sys.version_info[:2], "files": out}))
"""

_PROBE = "import sys, pdfplumber, pypdfium2, docx, git, rapidfuzz, sudachipy; print('%d.%d' % sys.version_info[:2])"


def _candidates() -> list[str]:
    listed = [p for p in os.environ.get("REVTOOL_PYTHONS", "").split(os.pathsep) if p]
    on_path = [p for n in ("python3.11", "python3.12", "python3.13") if (p := shutil.which(n))]
    return listed + on_path


def _other_pythons() -> tuple[dict[str, str], list[str]]:
    """Usable interpreters of another version (version -> path) and why the others were left out."""
    found: dict[str, str] = {}
    notes: list[str] = []
    for python in _candidates():
        try:
            done = subprocess.run([python, "-c", _PROBE], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            notes.append(f"{python}: {exc}")
            continue
        version = done.stdout.strip()
        if done.returncode != 0:
            lines = done.stderr.strip().splitlines() or ["fails"]
            notes.append(f"{python}: {lines[-1] if lines[0].startswith('Traceback') else lines[0]}")
        elif version != HERE and version not in found:
            found[version] = python
    return found, notes


def _run_elsewhere(python: str, paths: list[Path]) -> dict[str, dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "random"}
    done = subprocess.run([python, "-c", _EXTRACT, *map(str, paths)], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.splitlines()[-1])
    files: dict[str, dict[str, str]] = result["files"]
    return files


def test_fixture_extraction_is_identical_on_other_python_versions() -> None:
    others, notes = _other_pythons()
    if not others:
        tried = "; ".join(notes) or "none on PATH and $REVTOOL_PYTHONS is empty"
        pytest.skip(f"no other Python version (than {HERE}) with revtool's dependencies: {tried}")
    here = {str(p): {k: v.decode("utf-8") for k, v in sorted(document_to_files(extract(p)).items())}
            for p in FIXTURES}
    assert all(len(files) > 2 for files in here.values())  # real section trees, not an empty document
    for version, python in sorted(others.items()):
        there = _run_elsewhere(python, FIXTURES)
        for name, files in here.items():
            assert sorted(there[name]) == sorted(files), f"{version}: other section files for {name}"
            for key, text in files.items():
                assert there[name][key] == text, f"{version}: {Path(name).name} {key} differs from {HERE}"
