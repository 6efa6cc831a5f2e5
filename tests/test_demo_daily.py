"""Issue 13 item 13: ``make demo`` leaves tracked files alone, prints each
warning once pointing to ``revtool review``; the README says how to run
revtool afterwards."""

from __future__ import annotations

import hashlib
from pathlib import Path

from typer.testing import CliRunner

from revtool.cli import app

REPO = Path(__file__).resolve().parents[1]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_demo_writes_outside_tracked_files_and_warns_once(tmp_path: Path) -> None:
    before = _hashes(REPO / "changelogs")
    ws = tmp_path / "demo-workspace"
    result = CliRunner().invoke(app, ["demo", "--drafts", str(REPO / "drafts"), "--into", str(ws)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert _hashes(REPO / "changelogs") == before
    assert {"changes.md", "changes.xlsx", "changes.docx", "changes.csv", "changes.json", "taisho.docx"} <= set(_hashes(ws / "changelogs"))
    warnings = [line for line in result.output.splitlines() if line.startswith("注意: R")]
    assert warnings and len(warnings) == len(set(warnings))
    assert "revtool review 素案 案" in result.output


def test_readme_says_how_to_run_revtool_after_make_demo() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for needle in (".venv/bin/revtool", "source .venv/bin/activate", "pipx install .", "pip install .", "demo-workspace/changelogs"):
        assert needle in readme, needle
