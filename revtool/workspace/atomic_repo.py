"""A git repository changed only by atomic commits: the transaction engine
under the plan workspace (``store.Workspace`` is the plan on top of it).

Every change is atomic. It is built as git objects first (blobs, a tree made in a
temporary index, a commit), none of which is visible until the refs move. A journal
in the git dir records the old and new ref values; the branch and the version tag
then move in one ``git update-ref --stdin`` transaction (compare-and-swap); last,
the work tree is brought to the new commit for exactly the paths that changed
(``git restore``). An exception or Ctrl-C at any step rolls back what was done; a
process killed outright leaves the journal, and the next command that opens the
workspace rolls it back. SIGINT/SIGTERM are held back while the refs and the work
tree change, so Ctrl-C there lands after a consistent state. Commits are never
rewritten: a forced re-ingest adds a commit and moves the tag, and the old commit
stays in the branch history. Git's own lock files left by a killed git are
removed under the workspace lock (``lock.clear_stale_git_locks``).

Tests may set ``REVTOOL_TEST_CRASH_AT`` to one of ``after-objects``, ``after-journal``,
``after-refs``, ``after-materialize``: the process then kills itself (SIGKILL) there;
with a ``sigint:`` prefix it sends itself SIGINT (Ctrl-C) there instead.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import signal
import subprocess
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from git import Repo
from gitdb import IStream, LooseObjectDB

from revtool.errors import WorkspaceError
from revtool.workspace.lock import WorkspaceLock, clear_stale_git_locks, git_running_in

JOURNAL_NAME = "revtool-journal.json"
CRASH_ENV = "REVTOOL_TEST_CRASH_AT"
FALLBACK_NAME = "revtool"
FALLBACK_EMAIL = "revtool@localhost"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_ZERO = "0" * 40


@dataclass(frozen=True)
class RefUpdate:
    ref: str
    new: str | None  # None: delete
    old: str | None  # None: must not exist


class AtomicRepo:
    """A git work tree whose branch (and a tag with it) only moves by
    ``_commit_and_apply``, under the workspace lock (``_locked``)."""

    lock_timeout: float = 10.0  # seconds to wait for another revtool working on this workspace

    def __init__(self, root: Path, repo: Repo) -> None:
        self.root = root
        self.repo = repo
        self.git_dir = Path(repo.git_dir)
        # GitPython keeps its `git cat-file` processes, and their pipes, until a repository is
        # closed, not when it is collected: a process that opens many workspaces (a test run, a
        # library caller) would run out of file descriptors. Closed when this object goes.
        weakref.finalize(self, repo.close)

    def close(self) -> None:
        self.repo.close()

    def __enter__(self) -> "AtomicRepo":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def recover(self) -> bool:
        """Roll back an operation interrupted by a killed process. True when one was found."""
        with self._locked():
            return self._recover()

    # ---------------------------------------------------------------- commits

    def _commit_and_apply(
        self,
        head: str | None,
        files: Mapping[str, bytes | None],
        replace_folders: Sequence[str],
        message: str,
        *,
        tag: RefUpdate | None,
        always: bool = False,
    ) -> str:
        """Build the commit, then move the refs and the work tree. Lock must be held.
        Without ``always``, a commit that would change nothing is skipped (HEAD returned)."""
        tree = self._build_tree(head, files, replace_folders)
        if head is not None and not always and tree == self._tree_of(head):
            return head
        commit = self._git_out(["commit-tree", tree, *(["-p", head] if head else []), "-F", "-"], input=message.encode("utf-8"), env=self._identity()).strip()
        crash_point("after-objects")
        branch = self._branch()
        updates = [RefUpdate(branch, commit, head)]
        if tag is not None:
            updates.append(RefUpdate(tag.ref, commit, tag.old))
        self._apply(updates, old_tree=self._tree_of(head) if head else EMPTY_TREE, new_tree=tree)
        return commit

    def _build_tree(self, base: str | None, files: Mapping[str, bytes | None], replace_folders: Sequence[str]) -> str:
        index = self.git_dir / f"revtool-index-{os.getpid()}"
        env = {"GIT_INDEX_FILE": str(index)}
        try:
            self._git(["read-tree", base] if base else ["read-tree", "--empty"], env=env)
            removals = [p for p, data in files.items() if data is None] + list(replace_folders)
            lines: list[bytes] = []
            if removals:
                listed = self._git(["ls-files", "-z", "--", *removals], env=env)
                lines += [b"0 " + _ZERO.encode() + b"\t" + p + b"\0" for p in listed.split(b"\0") if p]
            store = self._blob_writer
            for path, data in sorted((p, d) for p, d in files.items() if d is not None):
                blob = store(IStream(b"blob", len(data), BytesIO(data))).hexsha
                blob_hex = blob.decode() if isinstance(blob, bytes) else blob
                lines.append(f"100644 {blob_hex}\t".encode() + path.encode("utf-8") + b"\0")
            if lines:
                self._git(["update-index", "-z", "--index-info"], input=b"".join(lines), env=env)
            return self._git_out(["write-tree"], env=env).strip()
        finally:
            index.unlink(missing_ok=True)
            index.with_name(index.name + ".lock").unlink(missing_ok=True)

    @functools.cached_property
    def _blob_writer(self) -> Callable[[IStream], IStream]:
        """Writes loose objects in-process (gitdb) for SHA-1 repositories — one git
        process per blob costs seconds on a real plan — else through GitPython's odb."""
        objects = Path(self._git_out(["rev-parse", "--git-path", "objects"]).strip())
        object_format = self._git_out(["rev-parse", "--show-object-format"]).strip()
        if object_format == "sha1":
            return LooseObjectDB(str(objects if objects.is_absolute() else self.root / objects)).store
        return self.repo.odb.store

    def _apply(self, updates: list[RefUpdate], *, old_tree: str, new_tree: str) -> None:
        """Journal, move the refs in one transaction, update the work tree; undo on failure."""
        journal = {
            "refs": [[u.ref, u.new, u.old] for u in updates],
            "old_tree": old_tree,
            "new_tree": new_tree,
        }
        with signals_held():
            self._write_journal(journal)
            crash_point("after-journal")
            try:
                self._update_refs(updates, "revtool")
                crash_point("after-refs")
                self._materialize(old_tree, new_tree)
                crash_point("after-materialize")
            except BaseException as failure:
                try:
                    self._roll_back(journal)
                except BaseException as undo_failure:  # the journal stays: the next command rolls back
                    failure.add_note(f"取り消しにも失敗しました: {undo_failure}")
                    raise failure
                self._journal_path().unlink(missing_ok=True)
                raise
            self._journal_path().unlink(missing_ok=True)

    def _update_refs(self, updates: Sequence[RefUpdate], reason: str) -> None:
        lines = []
        for u in updates:
            if u.new is None:
                lines.append(f"delete {u.ref} {u.old or ''}".rstrip())
            else:
                lines.append(f"update {u.ref} {u.new} {u.old or _ZERO}")
        try:
            self._git(["update-ref", "-m", reason, "--stdin"], input=("\n".join(lines) + "\n").encode("utf-8"))
        except WorkspaceError as exc:
            names = "、".join(u.ref.removeprefix("refs/heads/").removeprefix("refs/tags/") for u in updates)
            raise WorkspaceError(
                f"{names} を更新できませんでした（処理中に別の git 操作で変わった可能性があります）。もう一度実行してください。",
                hint=exc.message,
            ) from exc

    def _materialize(self, from_tree: str, to_tree: str) -> None:
        """Make the index and the work tree match ``to_tree`` for the paths that differ
        from ``from_tree`` (adds, changes, deletions); nothing else is touched. Idempotent,
        also over a work tree left half-written by a killed process."""
        changed = self._git(["diff-tree", "-r", "-z", "--no-renames", "--name-status", from_tree, to_tree])
        fields = [f for f in changed.split(b"\0") if f]
        pairs = list(zip(fields[0::2], fields[1::2]))
        gone = [path for status, path in pairs if status == b"D"]
        present = [path for status, path in pairs if status != b"D"]
        if gone:
            self._git(["update-index", "-z", "--force-remove", "--stdin"], input=b"\0".join(gone) + b"\0")
            written = self._blob_ids(from_tree, gone)
            for raw in gone:
                self._remove_from_work_tree(raw.decode("utf-8"), written.get(raw))
        if present:
            self._git(
                ["restore", f"--source={to_tree}", "--staged", "--worktree", "--pathspec-from-file=-", "--pathspec-file-nul"],
                input=b"\0".join(present) + b"\0",
            )

    def _blob_ids(self, tree: str, paths: Sequence[bytes]) -> dict[bytes, str]:
        found: dict[bytes, str] = {}
        for start in range(0, len(paths), 500):
            chunk = [p.decode("utf-8") for p in paths[start:start + 500]]
            listed = self._git(["ls-tree", "-r", "-z", "--full-tree", tree, "--", *chunk])
            for entry in listed.split(b"\0"):
                if entry:
                    meta, path = entry.split(b"\t", 1)
                    found[path] = meta.split()[2].decode()
        return found

    def _remove_from_work_tree(self, relpath: str, expected_blob: str | None) -> None:
        """Delete a file this workspace wrote (its content is ``expected_blob``); a file
        with other content is someone else's and stays."""
        target = self.root / relpath
        if target.is_file() and not target.is_symlink() and blob_sha(target.read_bytes()) == expected_blob:
            target.unlink()
        parent = target.parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    # ---------------------------------------------------------------- recovery

    def _journal_path(self) -> Path:
        return self.git_dir / JOURNAL_NAME

    def _write_journal(self, journal: Mapping[str, Any]) -> None:
        temp = self._journal_path().with_suffix(".tmp")
        with open(temp, "wb") as f:
            f.write(json.dumps(journal, ensure_ascii=False).encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, self._journal_path())

    def _recover_if_possible(self) -> None:
        """Roll back what a killed process left, when nobody else holds the lock. Never
        fails: a read-only command reads tagged commits and must not be blocked by it;
        a writing command recovers under the lock (``_locked``) and reports there."""
        if not self._journal_path().exists():
            return
        lock = WorkspaceLock(self.git_dir, timeout=0)
        if lock.try_acquire():  # a live process holding the lock owns the journal
            try:
                self._clear_git_locks()
                self._recover()
            except WorkspaceError:
                pass
            finally:
                lock.release()

    def _clear_git_locks(self) -> None:
        """Remove git's lock files left by a killed git (like a stale workspace lock);
        refuse, naming them, when a running git owns them. Workspace lock held."""
        remaining = clear_stale_git_locks(self.root, self.git_dir)
        if not remaining:
            return
        names = "、".join(str(p) for p in remaining)
        running = git_running_in(self.root, self.git_dir)
        if running:
            raise WorkspaceError(
                f"別の git（pid {'、'.join(map(str, running))}）がこのワークスペースで動いています（ロック: {names}）。",
                hint="その git が終わってから、もう一度実行してください。",
            )
        raise WorkspaceError(
            f"git のロックファイルが残っています: {names}",
            hint="git が動いていないことを確かめてから、そのファイルを削除して、もう一度実行してください。",
        )

    def _recover(self) -> bool:
        # files a killed process left behind; the lock is ours, so nobody is using them
        for leftover in [*self.git_dir.glob("revtool-index-*"), self._journal_path().with_suffix(".tmp")]:
            leftover.unlink(missing_ok=True)
        path = self._journal_path()
        if not path.exists():
            return False
        try:
            journal = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            path.unlink(missing_ok=True)  # written only partly: nothing had moved yet
            return True
        self._roll_back(journal)
        path.unlink(missing_ok=True)
        return True

    def _roll_back(self, journal: Mapping[str, Any]) -> None:
        """Put refs that reached their new value back, and the work tree with them."""
        refs = [RefUpdate(ref, new, old) for ref, new, old in journal["refs"]]
        moved = [u for u in refs if self._rev(u.ref) == u.new and u.new is not None]
        with signals_held():
            if moved:
                self._update_refs([RefUpdate(u.ref, u.old, u.new) for u in moved], "revtool: 中断した操作を取り消し")
            self._materialize(str(journal["new_tree"]), str(journal["old_tree"]))

    # ---------------------------------------------------------------- git

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with WorkspaceLock(self.git_dir, timeout=self.lock_timeout):
            self._clear_git_locks()
            try:
                self._recover()
            except WorkspaceError as exc:
                raise WorkspaceError(
                    f"前回中断した revtool の操作を取り消せませんでした（{exc.message}）。",
                    hint="別の git が動いていないことを確かめてから、もう一度実行してください。",
                ) from exc
            yield

    def _git(self, args: Sequence[str], *, input: bytes | None = None, env: Mapping[str, str] | None = None) -> bytes:
        return run_git(self.root, args, input=input, env=env)

    def _git_out(self, args: Sequence[str], *, input: bytes | None = None, env: Mapping[str, str] | None = None) -> str:
        return run_git(self.root, args, input=input, env=env).decode("utf-8")

    def _rev(self, rev: str) -> str | None:
        result = subprocess.run(
            ["git", "-C", str(self.root), "rev-parse", "-q", "--verify", rev + ("" if rev.endswith("}") else "^{commit}")],
            capture_output=True,
        )
        return result.stdout.decode().strip() if result.returncode == 0 else None

    def _tree_of(self, commit: str) -> str:
        return self._git_out(["rev-parse", commit + "^{tree}"]).strip()

    def _head_commit(self) -> str | None:
        return self._rev("HEAD")

    def _required_head(self) -> str:
        """HEAD, which a commit on top of it needs."""
        head = self._head_commit()
        if head is None:
            raise WorkspaceError(f"{self.root} にコミットがありません（revtool init で作成してください）。")
        return head

    def _branch(self) -> str:
        result = subprocess.run(["git", "-C", str(self.root), "symbolic-ref", "-q", "HEAD"], capture_output=True)
        if result.returncode != 0:
            raise WorkspaceError(
                f"{self.root} はブランチ上にありません（detached HEAD）。",
                hint="git switch main などでブランチに戻ってから実行してください。",
            )
        return result.stdout.decode().strip()

    def _identity(self) -> dict[str, str]:
        """Author/committer from the user's git config; a fallback for this command only."""
        env: dict[str, str] = {}
        name = git_config(self.root, "user.name")
        email = git_config(self.root, "user.email")
        for role in ("AUTHOR", "COMMITTER"):
            if not name and not os.environ.get(f"GIT_{role}_NAME"):
                env[f"GIT_{role}_NAME"] = FALLBACK_NAME
            if not email and not os.environ.get(f"GIT_{role}_EMAIL"):
                env[f"GIT_{role}_EMAIL"] = FALLBACK_EMAIL
        return env

    def _ensure_clean(self, paths: Sequence[str]) -> None:
        if not paths:
            return
        out = self._git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths])
        entries = [e.decode("utf-8", "replace") for e in out.split(b"\0") if e]
        dirty = [e[3:] if len(e) > 3 and e[2] == " " else e for e in entries]
        if dirty:
            shown = "、".join(dirty[:5]) + (f" ほか {len(dirty) - 5} 件" if len(dirty) > 5 else "")
            raise WorkspaceError(
                f"ワークスペースの {shown} が手で変更されています。上書きしないよう処理を中止しました。",
                hint="git status で確認し、git commit で記録するか git restore で元に戻してから、もう一度実行してください。",
            )


# ------------------------------------------------------------------ helpers


def run_git(root: Path, args: Sequence[str], *, input: bytes | None = None, env: Mapping[str, str] | None = None) -> bytes:
    full_env = {**os.environ, "GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    try:
        result = subprocess.run(["git", "-C", str(root), *args], input=input, capture_output=True, env=full_env)
    except FileNotFoundError as exc:
        raise WorkspaceError("git が見つかりません。git をインストールしてください。") from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise WorkspaceError(f"git {args[0]} に失敗しました（{root}）：{_git_failure(result.returncode, detail)}")
    return result.stdout


def _git_failure(returncode: int, detail: list[str]) -> str:
    """Why git failed, in Japanese where we know the cause (a signal, a full disk)."""
    text = "\n".join(detail)
    if returncode == -getattr(signal, "SIGXFSZ", 0) != 0 or "File too large" in text:
        return "ファイルサイズの上限（ulimit -f）に達しました。上限を上げるか空き容量を確保してから、もう一度実行してください"
    if "No space left on device" in text or "Disk quota exceeded" in text:
        return "ディスクの空きが足りません。空き容量を確保してから、もう一度実行してください"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        return f"git がシグナル {name} で終了しました"
    return detail[-1] if detail else str(returncode)


def git_config(root: Path, key: str, *, outside_repo: bool = False) -> str:
    cwd = ["-C", str(root)] if not outside_repo else []
    result = subprocess.run(["git", *cwd, "config", "--get", key], capture_output=True)
    return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else ""


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def crash_point(name: str) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if wanted == name:
        os.kill(os.getpid(), signal.SIGKILL)
    elif wanted == "sigint:" + name:
        os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl-C were pressed here


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM back (also in git children, which inherit the mask) while
    refs and work tree change; a held signal is delivered when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


__all__ = [
    "CRASH_ENV",
    "EMPTY_TREE",
    "JOURNAL_NAME",
    "AtomicRepo",
    "RefUpdate",
    "blob_sha",
    "git_config",
    "run_git",
]
