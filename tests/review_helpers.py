"""A workspace built from the bundled example (drafts/): 素案 and 案 DOCX with
pages from their PDFs, and 別紙1 as TSV. Shared by the trace, review and blame
tests; runs without ../shared and without LibreOffice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from revtool.cli import app

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
WIDTH = {"COLUMNS": "80"}

runner = CliRunner()


def run(ws: Path, *args: str, input: str | None = None) -> Result:
    """One revtool command on ``ws`` at 80 columns; fails the test on a non-zero exit."""
    result = runner.invoke(app, ["-C", str(ws), *args], env=WIDTH, input=input)
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result


def build_example(root: Path) -> Path:
    ws = root / "ws"
    result = runner.invoke(app, ["init", str(ws), "--plan", "かえで市子育て支援推進計画"], env=WIDTH)
    assert result.exit_code == 0, result.output
    git(ws, "config", "user.name", "Reviewer Tanaka")
    git(ws, "config", "user.email", "tanaka@example.jp")
    run(ws, "ingest", str(DRAFTS / "soan.docx"), "--version", "素案", "--pages-from", str(DRAFTS / "soan.pdf"))
    run(ws, "ingest", str(DRAFTS / "an.docx"), "--version", "案", "--pages-from", str(DRAFTS / "an.pdf"))
    run(ws, "comments", "import", str(DRAFTS / "bessi1.tsv"))
    return ws


def copy_workspace(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def git(ws: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(ws), *args], check=True, capture_output=True, text=True).stdout


def expected() -> dict[str, Any]:
    return json.loads((DRAFTS / "expected.json").read_text(encoding="utf-8"))


def flat(text: str) -> str:
    """Output with the line breaks, box drawing and padding of wrapped cells removed."""
    return re.sub(r"[\s│╭╮╰╯─┃┏┓┗┛━┡┩╇┳┻╋┼├┤┬┴└┘┌┐]+", "", text)
