"""Running revtool in-process and a small workspace to run it on, shared by the
CLI tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from revtool.cli import main
from tests.test_comments_resolve import DOC


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """One revtool command in this process: (exit status, stdout, stderr).
    The command must end as the console script does, with SystemExit."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def git(ws: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws, capture_output=True, text=True, check=True).stdout


def workspace_with_soan(tmp_path: Path) -> Path:
    """A workspace with one version (素案, the hand-built ``DOC``), so that comment
    imports have something to resolve against."""
    from revtool.workspace.store import init_workspace

    root = tmp_path / "ws"
    ws = init_workspace(root, "テスト計画")
    source = tmp_path / "soan.docx"
    source.write_bytes(b"PK fake source for the hand-built document")
    ws.ingest(DOC, source, "素案")
    return root
