"""lock: the workspace lock file (O_CREAT|O_EXCL, pid + host, stale detection)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from revtool.errors import WorkspaceError
from revtool.workspace.lock import LOCK_NAME, WorkspaceLock


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_lock_file_names_its_owner_and_goes_away(tmp_path: Path) -> None:
    with WorkspaceLock(tmp_path) as lock:
        owner = json.loads((tmp_path / LOCK_NAME).read_text())
        assert owner["pid"] == os.getpid() and owner["host"] == socket.gethostname()
        assert lock.held
    assert not (tmp_path / LOCK_NAME).exists()


def test_second_holder_waits_then_fails_with_a_japanese_message(tmp_path: Path) -> None:
    with WorkspaceLock(tmp_path):
        other = WorkspaceLock(tmp_path, timeout=0.2, poll=0.05)
        with pytest.raises(WorkspaceError, match="使用中です") as info:
            other.acquire()
        assert str(tmp_path / LOCK_NAME) in info.value.hint
        assert not other.held


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": dead_pid(), "host": socket.gethostname(), "token": "old"}))
    lock = WorkspaceLock(tmp_path, timeout=0)
    assert lock.try_acquire()
    assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == os.getpid()
    lock.release()


def test_empty_lock_file_is_young_then_stale(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    path.write_bytes(b"")  # its writer was killed between create and write, or is writing now
    assert not WorkspaceLock(tmp_path).try_acquire()
    age(path, 60)
    assert WorkspaceLock(tmp_path).try_acquire()


def test_a_breaker_left_by_a_killed_process_expires(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": dead_pid(), "host": socket.gethostname(), "token": "old"}))
    breaker = tmp_path / (LOCK_NAME + ".break")
    breaker.write_bytes(b"")
    assert not WorkspaceLock(tmp_path).try_acquire()  # someone else seems to be clearing it
    assert (tmp_path / LOCK_NAME).exists()
    age(breaker, 120)
    assert WorkspaceLock(tmp_path).try_acquire()
    assert not breaker.exists()
