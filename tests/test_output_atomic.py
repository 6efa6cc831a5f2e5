"""Every output is written all or nothing (issue 16, item 8): on a full disk
(here: a file size limit, RLIMIT_FSIZE, in the child process) each format ends
with one Japanese line, the earlier output is untouched, no temporary file is left."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from revtool.atomic_write import OutputWriteError, write_atomic
from tests.test_faults import an_docx, env, revtool, ws  # noqa: F401

OUTPUTS = [
    ("changelog", "md"), ("changelog", "csv"), ("changelog", "xlsx"), ("changelog", "docx"), ("changelog", "json"),
    ("taisho", "docx"), ("taisho", "html"),
]


def small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))


@pytest.fixture
def two_versions(ws: Path, tmp_path: Path, env: dict[str, str]) -> Path:  # noqa: F811
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    return ws


@pytest.mark.parametrize(("command", "fmt"), OUTPUTS)
def test_full_disk_leaves_the_old_output_whole(two_versions: Path, tmp_path: Path, env: dict[str, str], command: str, fmt: str) -> None:  # noqa: F811
    out_dir = tmp_path / "out"
    target = out_dir / f"{command}.{fmt}"
    args = [command, "素案", "案", "-f", fmt, "-o", str(target)]
    done = revtool(two_versions, env, *args)
    assert done.returncode == 0, done.stderr
    good = target.read_bytes()
    assert len(good) > 100
    failed = subprocess.run([sys.executable, "-m", "revtool", "-C", str(two_versions), *args], env=env,
                            capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr and "Exception ignored" not in failed.stderr
    lines = failed.stderr.strip().splitlines()
    assert lines[0].startswith("エラー: ") and len(lines) <= 2, failed.stderr
    assert "書き込めませんでした" in lines[0] or "一時ファイル" in lines[0]
    assert target.read_bytes() == good  # the old file, whole
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]  # no temporary file left
    new = out_dir / f"new.{fmt}"
    failed = subprocess.run([sys.executable, "-m", "revtool", "-C", str(two_versions), command, "素案", "案", "-f", fmt,
                             "-o", str(new)], env=env, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert failed.returncode == 1 and not new.exists()


def test_write_atomic_replaces_whole_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a" / "別紙2.json"
    write_atomic(target, b"{}")
    target.chmod(0o640)
    write_atomic(target, b'{"rows": []}')
    assert target.read_bytes() == b'{"rows": []}' and target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["別紙2.json"]


def test_unwritable_folder_is_one_clear_line(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(OutputWriteError) as exc:
        write_atomic(folder / "x.md", b"x")
    assert "x.md" in exc.value.message and "権限" in exc.value.message
