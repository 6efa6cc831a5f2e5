"""The committed sample ``changelogs/`` is what ``make demo`` produces today
(commit ids and file timestamps aside): a change to the tool that changes the
example's table must regenerate the sample (``make demo``, then copy
``demo-workspace/changelogs/*`` to ``changelogs/``), so the README never shows
a table the tool no longer makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revtool.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "changelogs"
COMMIT = re.compile(r"\b[0-9a-f]{40}\b")
REGENERATE = "changelogs/ is out of date: run `make demo` and copy demo-workspace/changelogs/* to changelogs/"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("demo") / "demo-workspace"
    result = CliRunner().invoke(app, ["demo", "--drafts", str(REPO / "drafts"), "--into", str(ws)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return ws / "changelogs"


def _text(path: Path) -> str:
    return COMMIT.sub("<commit>", path.read_text(encoding="utf-8-sig"))


def _docx(path: Path) -> list[str]:
    import docx

    doc = docx.Document(str(path))
    out = [p.text for p in doc.paragraphs]
    out += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for s in doc.sections:
        out += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return [COMMIT.sub("<commit>", x) for x in out]


def _xlsx(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return [(ws.title, [tuple(COMMIT.sub("<commit>", v) if isinstance(v, str) else v for v in row)
                        for row in ws.iter_rows(values_only=True)]) for ws in book.worksheets]


def test_the_sample_holds_every_file_the_demo_writes(demo: Path) -> None:
    def files(folder: Path) -> list[str]:
        return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))

    assert files(SAMPLE) == files(demo)


@pytest.mark.parametrize("name", ["changes.md", "changes.csv", "changes.json", "taisho.html"])
def test_text_sample_matches_the_demo(demo: Path, name: str) -> None:
    assert _text(SAMPLE / name) == _text(demo / name), REGENERATE


@pytest.mark.parametrize("name", ["changes.docx", "taisho.docx"])
def test_docx_sample_matches_the_demo(demo: Path, name: str) -> None:
    assert _docx(SAMPLE / name) == _docx(demo / name), REGENERATE


def test_xlsx_sample_matches_the_demo(demo: Path) -> None:
    assert _xlsx(SAMPLE / "changes.xlsx") == _xlsx(demo / "changes.xlsx"), REGENERATE


def test_readme_trace_example_is_what_trace_prints(demo: Path) -> None:
    """The README's `revtool trace C05` block (80 columns) is the tool's output today."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme.split("意見から変更点へたどる（`revtool trace C05`", 1)[1]
    shown = after.split("```\n", 2)[1]
    result = CliRunner().invoke(app, ["-C", str(demo.parent), "trace", "C05"], env={"COLUMNS": "80", "REVTOOL_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    assert result.output == shown, "README.md's trace C05 example is out of date: paste the output of `revtool -C demo-workspace trace C05` at 80 columns"
