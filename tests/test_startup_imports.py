"""issue 15: a command imports what it uses. Each command runs in a fresh
interpreter and reports the modules it loaded; ``--help`` and ``versions`` load
no stage and no heavy library, and the views of a change table already built
(``trace``, ``show``) read it back without loading the stages that build it.
Behaviour, not timing: the figures are in BENCHMARKS.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.review_helpers import build_example, run

# libraries that only some stages need: reading DOCX/PDF/XLSX, Japanese
# morphology, fuzzy matching, character diffs, editing TOML
HEAVY = ("sudachipy", "openpyxl", "docx", "lxml", "pdfplumber", "pdfminer", "pypdfium2", "diff_match_patch", "rapidfuzz",
         "tomlkit")
# typer's help and error screens (rich's markdown, markdown-it, pygments): only to show one
HELP_SCREENS = ("typer.rich_utils", "rich.markdown", "markdown_it", "pygments")
# the stages that compute (a view of a kept table needs none of them)
STAGES = ("revtool.compare", "revtool.extract", "revtool.comments", "revtool.changes.changelog", "revtool.changes.link",
          "revtool.changes.link_scores", "revtool.changes.promises", "revtool.changes.external", "revtool.changes.text_match",
          "revtool.changes.row_target", "revtool.changes.reportable", "revtool.changes.fact_groups", "revtool.changes.row_pages",
          "revtool.changes.row_fields", "revtool.changes.table_warnings", "revtool.changes.facts", "revtool.changes.headings",
          "revtool.changes.text_spans", "revtool.changes.item_markers", "revtool.changes.structure", "revtool.changes.group",
          "revtool.changes.echoes", "revtool.changes.title_splits", "revtool.changes.summary", "revtool.changes.editorial_answers",
          "revtool.changes.moved_content", "revtool.changes.same_decision")

_PROBE = """\
import sys
from revtool.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
print("exit", code, file=sys.stderr)
"""


def loaded(*args: str) -> tuple[set[str], str]:
    """The modules a fresh ``revtool ARGS`` process had loaded when it ended, and its output."""
    got = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=300,
                         env={"COLUMNS": "80", "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    lines = got.stderr.split("\n")
    assert "exit 0" in lines, got.stderr[-2000:]
    return {m for m in lines if m and not m.startswith("exit ")}, got.stdout


def among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = build_example(tmp_path_factory.mktemp("startup"))
    run(ws, "changelog", "素案", "案", "-f", "json", "-o", str(ws.parent / "out.json"))  # fills the cache
    return ws


def test_help_loads_no_heavy_library_no_git_and_no_stage() -> None:
    modules, out = loaded("--help")
    assert "使い方" in out  # the help screen itself still says it in Japanese
    assert among(modules, HEAVY + ("git",) + STAGES) == []


def test_a_usage_error_is_still_one_japanese_line() -> None:
    got = subprocess.run([sys.executable, "-m", "revtool", "trace", "--bogus"], capture_output=True, text=True, timeout=120)
    assert got.returncode == 2 and got.stderr.startswith("エラー: オプション「--bogus」はありません"), got.stderr


def test_versions_loads_no_heavy_library_and_no_stage(ws: Path) -> None:
    modules, out = loaded("-C", str(ws), "versions")
    assert "素案" in out and "案" in out
    assert among(modules, HEAVY + HELP_SCREENS + STAGES) == []


def test_a_kept_change_table_is_read_without_the_stages_that_build_it(ws: Path) -> None:
    for args in (("trace", "R1"), ("trace", "C01"), ("show", "案", "施策1"), ("blame", "案", "施策1"),
                 ("review", "素案", "案", "--warnings")):
        modules, out = loaded("-C", str(ws), *args)
        assert out.strip(), args
        assert among(modules, HEAVY + HELP_SCREENS + STAGES) == [], args
