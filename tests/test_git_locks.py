"""git's own lock files left by a killed git (issue 16, item 7): recovered like
revtool's own lock when their owner is dead, never blocking a read-only command,
and named correctly when a live git owns them. Plus a looped kill -9 of the whole
process group (revtool and its git children) inside the commit window."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from revtool.workspace.store import JOURNAL_NAME
from tests.test_faults import TABLE_1, TABLE_2, an_docx, env, git, revtool, state, ws  # noqa: F401

pytestmark = pytest.mark.skipif(not Path("/proc/self/cwd").exists(), reason="needs /proc to see running git")


def plant(ws: Path, *names: str, age: float = 30.0) -> list[Path]:
    """Lock files as a git killed ``age`` seconds ago leaves them."""
    paths = []
    for name in names:
        path = ws / ".git" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
        then = time.time() - age
        os.utime(path, (then, then))
        paths.append(path)
    return paths


def locks(ws: Path) -> list[str]:
    git_dir = ws / ".git"
    return sorted(str(p.relative_to(git_dir)) for p in git_dir.rglob("*.lock"))


def test_read_only_commands_ignore_stale_git_locks_and_writes_clear_them(
    ws: Path, tmp_path: Path, env: dict[str, str]  # noqa: F811
) -> None:
    before = state(ws)
    plant(ws, "HEAD.lock", "index.lock", "refs/heads/main.lock")
    for args in (["versions"], ["show", "素案"]):
        done = revtool(ws, env, *args)
        assert done.returncode == 0, done.stderr
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert locks(ws) == [] and state(ws) != before
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""


def test_interrupted_commit_with_git_locks_left_is_rolled_back(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    before = state(ws)
    killed = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案", crash="after-refs")
    assert killed.returncode == -9
    plant(ws, "HEAD.lock", "index.lock")  # as if its git update-ref / restore had been killed with it
    done = revtool(ws, env, "versions")
    assert done.returncode == 0, done.stderr
    assert state(ws) == before and not (ws / ".git" / JOURNAL_NAME).exists() and locks(ws) == []
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr


def test_a_lock_held_by_a_running_git_is_named_and_left_alone(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    holder = subprocess.Popen(["git", "hash-object", "--stdin"], cwd=ws, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        (lock,) = plant(ws, "index.lock", age=0)
        done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        first = done.stderr.splitlines()[0]
        assert f"pid {holder.pid}" in first and "index.lock" in first
        assert lock.exists()
        assert revtool(ws, env, "versions").returncode == 0  # reading is never blocked
    finally:
        holder.communicate(b"x")
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert locks(ws) == []


def test_kill_9_of_the_process_group_in_the_commit_window_loop(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    tables = []
    for i, text in enumerate((TABLE_1, TABLE_2)):
        path = tmp_path / "in" / f"t{i}.tsv"
        path.write_text(text, encoding="utf-8")
        tables.append(path)
    started = time.monotonic()
    assert revtool(ws, env, "comments", "import", str(tables[0])).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(16)
    outcomes = {"killed": 0, "finished": 0}
    # The later half of a run is the commit. On a loaded machine a run's length
    # varies a lot, so a run that finished before its kill makes the next kills
    # come earlier, and the loop goes on (at most 16 runs) until 8 runs were
    # killed or all 16 ran: the property under test is "usable after a kill
    # at any moment", and at least one kill must have landed.
    scale = 1.0
    for i in range(16):
        if outcomes["killed"] >= 8 or (i >= 8 and outcomes["killed"] >= 1):
            break
        table = tables[(i + 1) % 2]
        proc = subprocess.Popen([sys.executable, "-m", "revtool", "-C", str(ws), "comments", "import", str(table)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(duration * scale * rng.uniform(0.5, 1.0))
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # revtool and the git it is running
        except ProcessLookupError:
            pass
        killed = proc.wait() == -9
        outcomes["killed" if killed else "finished"] += 1
        if not killed:
            scale *= 0.6
        done = revtool(ws, env, "versions")
        assert done.returncode == 0, (i, done.stderr)
        listed = revtool(ws, env, "comments", "list", "--format", "json")
        assert listed.returncode == 0, (i, listed.stderr)
    done = revtool(ws, env, "comments", "import", str(tables[1]))
    assert done.returncode == 0, (outcomes, done.stderr)
    assert locks(ws) == [] and not (ws / ".git" / JOURNAL_NAME).exists()
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""
    assert outcomes["killed"] >= 1


def test_file_size_limit_during_a_commit_is_one_clear_line(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    import resource

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    before = state(ws)
    an = an_docx(tmp_path)
    failed = subprocess.run([sys.executable, "-m", "revtool", "-C", str(ws), "ingest", str(an), "--version", "案"],
                            env=env, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    first = failed.stderr.splitlines()[0]
    assert "-25" not in first and ("ulimit" in first or "空き" in first), failed.stderr
    assert state(ws) == before
    done = revtool(ws, env, "ingest", str(an), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert locks(ws) == []


def _orphan(ws: Path, git_args: str) -> tuple[int, int]:
    """A git in ``ws`` whose parent has exited (as a killed revtool's children are),
    reading from a pipe that stays open; (its pid, its process group)."""
    shell = subprocess.Popen(["sh", "-c", f"sleep 30 | git {git_args} >/dev/null & echo $!"], cwd=ws,
                             stdout=subprocess.PIPE, start_new_session=True)
    out, _ = shell.communicate()
    return int(out), shell.pid


def test_a_git_reader_left_by_a_killed_revtool_owns_no_lock(ws: Path) -> None:  # noqa: F811
    """A revtool killed with kill -9 leaves GitPython's ``git cat-file --batch`` readers
    running until they see the end of their input (long on a loaded machine): they
    never lock, so they must not stop the next command from clearing a dead git's lock."""
    from revtool.workspace.lock import clear_stale_git_locks, git_running_in

    groups = []
    try:
        reader, group = _orphan(ws, "cat-file --batch")
        groups.append(group)
        writer, group = _orphan(ws, "hash-object --stdin")
        groups.append(group)
        running = git_running_in(ws, ws / ".git")
        assert running is not None and writer in running and reader not in running
        os.killpg(group, signal.SIGKILL)
        groups.pop()
        plant(ws, "index.lock")
        for _ in range(50):  # the killed writer is gone once reaped by init
            if writer not in (git_running_in(ws, ws / ".git") or []):
                break
            time.sleep(0.1)
        assert clear_stale_git_locks(ws, ws / ".git") == [] and locks(ws) == []
    finally:
        for group in groups:
            os.killpg(group, signal.SIGKILL)
