"""A lock file that serializes the commands which change a workspace.

``<git dir>/revtool.lock`` is created with O_CREAT|O_EXCL and holds the owner's pid,
host and a random token. A lock whose owner is a dead process on this host is
stale and is cleared; clearing goes through a short-lived ``.break`` file so that
two processes never both clear it (and so never remove a fresh lock by mistake).
A live lock is waited for, then refused with a Japanese message.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import time
from pathlib import Path
from types import TracebackType

from revtool.errors import WorkspaceError

LOCK_NAME = "revtool.lock"
_BREAK_TIMEOUT = 30.0  # a .break file older than this was left by a killed process
_UNWRITTEN_GRACE = 5.0  # an empty lock file younger than this is being written right now


class WorkspaceLock:
    """``with WorkspaceLock(git_dir): ...`` — exclusive for the duration of the block."""

    def __init__(self, git_dir: Path, *, timeout: float = 10.0, poll: float = 0.1) -> None:
        self.path = git_dir / LOCK_NAME
        self.timeout = timeout
        self.poll = poll
        self._token: str | None = None

    def __enter__(self) -> "WorkspaceLock":
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()

    @property
    def held(self) -> bool:
        return self._token is not None

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            if self.try_acquire():
                return
            if time.monotonic() >= deadline:
                owner = _describe(self.path)
                raise WorkspaceError(
                    f"ワークスペースは別の revtool（{owner}）が使用中です。終わるのを待ってから、もう一度実行してください。",
                    hint=f"その処理がもう動いていないなら、{self.path} を削除してください。",
                )
            time.sleep(self.poll)

    def try_acquire(self) -> bool:
        """Take the lock if it is free or stale (a stale one is cleared first), without
        waiting. True when the lock is now ours."""
        return self._attempt() or self._attempt()  # the second try follows clearing a stale lock

    def _attempt(self) -> bool:
        token = secrets.token_hex(8)
        content = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "token": token}).encode()
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            seen = _read(self.path)
            if seen is not None and _is_stale(self.path, seen):
                self._break(seen)
            return False
        try:
            os.write(fd, content)
            os.fsync(fd)
        finally:
            os.close(fd)
        self._token = token
        return True

    def release(self) -> None:
        if self._token is None:
            return
        data = _read(self.path)
        if data is not None and _owner(data).get("token") == self._token:
            self.path.unlink(missing_ok=True)
        self._token = None

    def _break(self, seen: bytes) -> None:
        breaker = self.path.with_name(self.path.name + ".break")
        fd = _create_exclusive(breaker)
        if fd is None:
            try:
                if time.time() - breaker.stat().st_mtime <= _BREAK_TIMEOUT:
                    return  # another process is clearing the lock right now
                breaker.unlink(missing_ok=True)  # left by a process killed while clearing
            except FileNotFoundError:
                pass
            fd = _create_exclusive(breaker)
            if fd is None:
                return
        try:
            if _read(self.path) == seen:  # still the same stale lock, not a fresh one
                self.path.unlink(missing_ok=True)
        finally:
            os.close(fd)
            breaker.unlink(missing_ok=True)


def _create_exclusive(path: Path) -> int | None:
    try:
        return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _owner(data: bytes) -> dict[str, object]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _is_stale(path: Path, data: bytes) -> bool:
    owner = _owner(data)
    pid = owner.get("pid")
    if not isinstance(pid, int) or owner.get("host") is None:
        # written by a process killed between create and write, or garbage
        try:
            return time.time() - path.stat().st_mtime > _UNWRITTEN_GRACE
        except FileNotFoundError:
            return False
    if owner.get("host") != socket.gethostname():
        return False  # cannot tell from here: treat as live
    return not _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _describe(path: Path) -> str:
    data = _read(path)
    owner = _owner(data) if data is not None else {}
    if owner.get("pid") is None:
        return "プロセス不明"
    return f"pid {owner.get('pid')}, {owner.get('host')}"


# ------------------------------------------------------------------ git's own lock files

# Lock files git creates next to what it changes; a git killed with its parent
# (kill -9 during a commit, SIGXFSZ on a full disk) leaves them behind, and then
# every later git command that writes fails.
_GIT_LOCK_NAMES = ("index.lock", "HEAD.lock", "ORIG_HEAD.lock", "packed-refs.lock", "config.lock", "shallow.lock")
_UNKNOWN_OWNER_AGE = 600.0  # without /proc, a git lock is stale only when this old


def git_lock_files(git_dir: Path) -> list[Path]:
    """Every git lock file in ``git_dir`` (index, HEAD, refs, packed-refs, config)."""
    found = [git_dir / name for name in _GIT_LOCK_NAMES if (git_dir / name).exists()]
    refs = git_dir / "refs"
    if refs.is_dir():
        found += sorted(p for p in refs.rglob("*.lock") if p.is_file())
    return found


def git_running_in(work_tree: Path, git_dir: Path) -> list[int] | None:
    """pids of git processes working in this repository (their current folder is the
    work tree or inside the git folder) that may hold a lock; None when this system
    cannot tell (no /proc). Not counted: this process's own helpers, any ``git
    cat-file`` (GitPython's ``--batch`` readers never lock; those of a revtool killed
    a moment ago outlive it until they read the end of their input, longer on a
    loaded machine) and exited processes not yet reaped."""
    proc = Path("/proc")
    if not (proc / "self" / "cwd").exists():
        return None
    roots = {str(work_tree.resolve()), str(git_dir.resolve())}
    found: list[int] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            if not comm.startswith("git"):
                continue
            state, parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
            if int(parent) == os.getpid() or state in ("Z", "X"):
                continue
            if _git_subcommand((entry / "cmdline").read_bytes().split(b"\0")) == b"cat-file":
                continue
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue  # gone, or not ours to look at
        if any(cwd == root or cwd.startswith(root + os.sep) for root in roots):
            found.append(int(entry.name))
    return found


def _git_subcommand(argv: list[bytes]) -> bytes:
    """``cat-file`` of ``git -C dir -c k=v cat-file --batch`` ("" when none)."""
    args = iter(argv[1:])
    for arg in args:
        if arg in (b"-C", b"-c"):
            next(args, None)
        elif not arg.startswith(b"-"):
            return arg
    return b""


def clear_stale_git_locks(work_tree: Path, git_dir: Path) -> list[Path]:
    """Remove git lock files whose owner is dead; returns the locks that remain
    (held by a running git, or too fresh to judge). Call with the workspace lock
    held, so that no other revtool is running git here."""
    locks = git_lock_files(git_dir)
    if not locks:
        return []
    checked_at = time.time()
    running = git_running_in(work_tree, git_dir)
    if running:
        return locks  # a live git (the user's, or an IDE's) owns them
    # no git runs here: a lock that existed before we looked has no owner. Without
    # /proc we cannot look, and only a lock much older than any git command is judged dead.
    cutoff = checked_at if running is not None else checked_at - _UNKNOWN_OWNER_AGE
    remaining: list[Path] = []
    for lock in locks:
        try:
            seen = lock.stat()
        except FileNotFoundError:
            continue
        if seen.st_mtime >= cutoff:
            remaining.append(lock)
            continue
        try:  # still the same file we judged, not one a git created since
            current = lock.stat()
            if (current.st_ino, current.st_mtime_ns) == (seen.st_ino, seen.st_mtime_ns):
                lock.unlink()
        except FileNotFoundError:
            pass
    return remaining
