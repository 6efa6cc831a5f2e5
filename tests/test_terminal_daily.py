"""Issue 13 items 8–12: the terminal (pager, labels never cut, 禁則処理,
show of a subtree, help and usage errors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pty_helpers import run_in_pty
from tests.review_helpers import build_example, run, runner
from revtool.cli import app


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("terminal"))


# ---------------------------------------------------------------- 8. pager


def test_diff_on_a_terminal_goes_through_the_pager(ws: Path, tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案"], {"PAGER": f"cat > {got}", "COLUMNS": "80"})
    assert code == 0, out
    paged = got.read_text(encoding="utf-8")
    assert "施策" in paged and "施策" not in out  # all of it went to the pager, nothing around it


def test_no_pager_and_pager_cat_print_directly(ws: Path, tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案", "--no-pager"], {"PAGER": f"cat > {got}"})
    assert code == 0 and "施策" in out and not got.exists()
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案"], {"PAGER": "cat"})
    assert code == 0 and "施策" in out


def test_diff_piped_never_pages(ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {got}")
    assert "施策" in run(ws, "diff", "素案", "案").output and not got.exists()
