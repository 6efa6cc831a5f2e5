"""The plan workspace (docs/ARCHITECTURE.md §1): a git repository with revtool.toml, drafts/,
sections/, comments/, decisions.toml and changelogs/. The only module that imports git.

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
stays in the branch history.

Tests may set ``REVTOOL_TEST_CRASH_AT`` to one of ``after-objects``, ``after-journal``,
``after-refs``, ``after-materialize``: the process then kills itself (SIGKILL) there;
with a ``sigint:`` prefix it sends itself SIGINT (Ctrl-C) there instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import signal
import subprocess
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any

import tomlkit
from git import Blob, Repo
from git.exc import GitError
from gitdb import IStream, LooseObjectDB
from tomlkit.exceptions import ParseError as TomlParseError

from revtool.errors import InputFileError, VersionLabelError, WorkspaceError
from revtool.workspace.lock import WorkspaceLock, clear_stale_git_locks, git_running_in
from revtool.model import Document, Source
from revtool.workspace.serialize import MANIFEST, document_from_files, document_to_files, safe_name, section_count

from revtool.workspace.paths import CHANGELOGS, COMMENTS, CONFIG, DECISIONS, DRAFTS, MANAGED_PATHS, SECTIONS

# What an ingest refuses to run over when edited by hand; changelogs/ holds regenerable
# outputs that ingest never writes, so uncommitted outputs there do not block it.
_INGEST_GUARDED = (CONFIG, SECTIONS, DRAFTS, COMMENTS, DECISIONS)
GITATTRIBUTES = ".gitattributes"
# The manifest is machine data (hashes, pages, block kinds): a plain `git diff` of two
# versions shows the changed sentences in the .md files and only one line for it.
_GITATTRIBUTES_TEXT = """\
# revtool: sections/manifest.json は機械用のデータです（git diff --text で差分を表示できます）
sections/manifest.json -diff linguist-generated=true
"""
TAG_PREFIX = "refs/tags/revtool/"
JOURNAL_NAME = "revtool-journal.json"
CRASH_ENV = "REVTOOL_TEST_CRASH_AT"
FALLBACK_NAME = "revtool"
FALLBACK_EMAIL = "revtool@localhost"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_ZERO = "0" * 40
_LABEL_MAX = 64
_NOT_A_WORKSPACE = "{path} は revtool のワークスペースではありません（revtool init で作成してください）。"


@dataclass(frozen=True)
class IngestResult:
    version: str
    commit: str
    created: bool  # False: the same file was already ingested under this label
    tag_moved: bool  # True: the label existed and now points at the new commit


@dataclass(frozen=True)
class VersionInfo:
    label: str
    commit: str
    date: datetime
    source: str
    sha256: str
    section_count: int
    cites: tuple[str, ...]
    message: str
    format: str = ""
    draft: str = ""  # path of the original file in the commit, e.g. drafts/soan.docx


@dataclass(frozen=True)
class _RefUpdate:
    ref: str
    new: str | None  # None: delete
    old: str | None  # None: must not exist


# ------------------------------------------------------------------ version labels


def normalize_label(label: str) -> str:
    """One spelling per label: NFC, so that 「ガ」 typed as one character (NFC) and
    as カ + ゛ (NFD, as macOS file names give it) name the same version."""
    return unicodedata.normalize("NFC", label)


def validate_version_label(label: str) -> str:
    """Return ``label`` (NFC) when it can name a version (a git tag ``revtool/<label>``),
    else raise VersionLabelError. 素案, 案, 案2, v1.0 are fine."""
    label = normalize_label(label)
    problem = _label_problem(label)
    if problem:
        shown = "".join(ch if ch.isprintable() else "?" for ch in label)[:_LABEL_MAX]
        raise VersionLabelError(f"版の名前「{shown}」は使えません：{problem}。", hint="例: 素案、案、案2")
    return label


def _label_problem(label: str) -> str:
    if not label:
        return "空です"
    if len(label) > _LABEL_MAX:
        return f"{_LABEL_MAX} 文字以内にしてください"
    if any(ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp") for ch in label):
        return "空白（全角スペースを含む）を含めないでください"
    if "/" in label or "\\" in label:
        return "「/」や「\\」を含めないでください"
    if ".." in label:
        return "「..」を含めないでください"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in label):
        return "制御文字や見えない文字を含めないでください"
    if label.startswith(("-", ".")):
        return "「-」や「.」で始めないでください"
    if label == "HEAD":
        return "「HEAD」は git の名前と紛らわしいので使えません"
    try:
        result = subprocess.run(["git", "check-ref-format", TAG_PREFIX + label], capture_output=True)
    except FileNotFoundError:
        return ""  # no git: the checks above already exclude what matters; init/open will report it
    if result.returncode != 0:
        return "git のタグ名に使えない文字（~ ^ : ? * [ @{ など）を含めないか、「.」「.lock」で終えないでください"
    return ""


# ------------------------------------------------------------------ init


def init_workspace(path: Path, plan: str = "") -> "Workspace":
    """Create a workspace in ``path`` (git init unless it is already a repository)
    with revtool.toml and the managed folders, as one first commit."""
    root = path.absolute()
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{path} はフォルダではありません。")
    if (root / CONFIG).exists():
        raise WorkspaceError(f"{path} はすでに revtool のワークスペースです。")
    root.mkdir(parents=True, exist_ok=True)
    if not (root / ".git").exists():
        args = ["init", "-q"]
        if not _git_config(root, "init.defaultBranch", outside_repo=True):
            args.append("--initial-branch=main")
        _git(root, args)
        _git(root, ["config", "core.quotepath", "false"])  # show Japanese paths as they are
    workspace = Workspace(root, Repo(root))
    config = tomlkit.document()
    config.add(tomlkit.comment("revtool のワークスペース設定"))
    config["plan"] = plan
    versions = tomlkit.table()
    versions["order"] = tomlkit.array()
    config["versions"] = versions
    files: dict[str, bytes | None] = {CONFIG: tomlkit.dumps(config).encode("utf-8")}
    with workspace._locked():
        head = workspace._head_commit()
        workspace._ensure_clean(MANAGED_PATHS)
        existing = workspace._tree_paths(head) if head else set()
        for folder in (DRAFTS, SECTIONS, COMMENTS, CHANGELOGS):
            if not any(p.startswith(folder + "/") for p in existing):
                files[f"{folder}/.gitkeep"] = b""
        if not (root / GITATTRIBUTES).exists() and GITATTRIBUTES not in existing:
            files[GITATTRIBUTES] = _GITATTRIBUTES_TEXT.encode("utf-8")
        subject = f"revtool ワークスペースを作成（{_one_line(plan)}）" if plan.strip() else "revtool ワークスペースを作成"
        workspace._commit_and_apply(head, files, (), _message(subject, "", {}), tag=None)
    return workspace


# ------------------------------------------------------------------ the workspace


class Workspace:
    """One plan workspace. Open with :meth:`open` or :func:`init_workspace`."""

    lock_timeout: float = 10.0  # seconds to wait for another revtool working on this workspace

    def __init__(self, root: Path, repo: Repo) -> None:
        self.root = root
        self.repo = repo
        self.git_dir = Path(repo.git_dir)

    @classmethod
    def open(cls, path: Path) -> "Workspace":
        root = path.absolute()
        if not (root / CONFIG).is_file() or not (root / ".git").exists():
            raise WorkspaceError(_NOT_A_WORKSPACE.format(path=root))
        try:
            repo = Repo(root)
        except GitError as exc:
            raise WorkspaceError(_NOT_A_WORKSPACE.format(path=root)) from exc
        workspace = cls(root, repo)
        workspace._recover_if_possible()
        return workspace

    def close(self) -> None:
        self.repo.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- reading

    @property
    def plan_name(self) -> str:
        try:
            value = tomllib.loads((self.root / CONFIG).read_text(encoding="utf-8")).get("plan", "")
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return ""
        return value if isinstance(value, str) else ""

    def resolve(self, version: str) -> str:
        """The commit sha the version's tag points at."""
        commit = self._tag_commit(version)
        if commit is None:
            known = "、".join(v.label for v in self.versions()) or "（まだありません）"
            raise WorkspaceError(
                f"版「{version}」はありません。取り込み済みの版: {known}",
                hint="revtool versions で一覧を確認してください。",
            )
        return commit

    def version_sha256(self, version: str) -> str | None:
        """sha256 of the file last ingested as ``version``; None for an unknown version."""
        commit = self._tag_commit(version)
        if commit is None:
            return None
        trailers = _trailers(self._commit_message(commit))
        if trailers.get("Revtool-Sha256"):
            return trailers["Revtool-Sha256"]
        source = self._manifest(commit).get("source") or {}
        sha = source.get("sha256") if isinstance(source, dict) else None
        return sha if isinstance(sha, str) else None

    def versions(self) -> list[VersionInfo]:
        """Every version, in ingest order (the order in revtool.toml)."""
        tags = self._version_tags()
        order = [label for label in self._version_order(self._head_commit()) if label in tags]
        rest = sorted(set(tags) - set(order), key=lambda label: (self.repo.commit(tags[label]).committed_date, label))
        return [self._version_info(label, tags[label]) for label in order + rest]

    def oldest_version(self) -> str | None:
        versions = self.versions()
        return versions[0].label if versions else None

    def load(self, version: str) -> Document:
        """The Document ingested as ``version``, read from its tag's git objects."""
        commit = self.resolve(version)
        files = self._files_under(commit, SECTIONS)
        if MANIFEST not in files:
            raise WorkspaceError(f"版「{version}」のコミット {commit[:8]} に sections/{MANIFEST} がありません。")
        return document_from_files(files)

    def read_at(self, ref: str, relpath: str) -> bytes | None:
        """A file's bytes at a version label or any git revision; None when absent."""
        _check_relpath(relpath)
        commit = self._tag_commit(ref) or self._rev(ref)
        if commit is None:
            raise WorkspaceError(f"「{ref}」という版やコミットはありません。")
        return self._read_blob(commit, relpath)

    def _tag_commit(self, version: str) -> str | None:
        """The commit of the version's tag, the label taken in NFC (then as given, for a
        tag made before labels were normalized); None when there is none."""
        for label in dict.fromkeys((normalize_label(version), version)):
            if not _label_problem(label):
                commit = self._rev(TAG_PREFIX + label)
                if commit is not None:
                    return commit
        return None

    def _read_blob(self, commit: str, relpath: str) -> bytes | None:
        try:
            blob = self.repo.commit(commit).tree / relpath
        except KeyError:
            return None
        if blob.type != "blob":
            return None
        return blob.data_stream.read()

    # ---------------------------------------------------------------- writing

    def ingest(
        self,
        doc: Document,
        source_file: Path,
        version: str,
        *,
        cites: Sequence[str] = (),
        message: str | None = None,
        force: bool = False,
    ) -> IngestResult:
        """Record ``doc`` (extracted from ``source_file``) as ``version``: one commit and
        the tag ``revtool/<version>``; sections/ is replaced and the file kept in drafts/."""
        version = validate_version_label(version)
        cites = tuple(_check_cite(c) for c in cites)
        data = _read_source(source_file)
        sha = hashlib.sha256(data).hexdigest()
        doc = _with_source(doc, source_file, sha)
        assert doc.source is not None
        tag = TAG_PREFIX + version
        with self._locked():
            head = self._required_head()
            old_tag = self._rev(tag)
            # folder names kept from the version re-ingested, else from the last one (serialize.stable_names)
            previous = self._read_blob(old_tag or head, f"{SECTIONS}/{MANIFEST}") if (old_tag or head) else None
            sections = {f"{SECTIONS}/{path}": content for path, content in document_to_files(doc, previous).items()}
            if old_tag is not None:
                same_file = self.version_sha256(version) == sha
                same_sections = self._same_files(old_tag, SECTIONS, sections)
                if same_file and same_sections:
                    return IngestResult(version, old_tag, created=False, tag_moved=False)
                if not force:
                    raise VersionLabelError(*_refusal(version, source_file.name, sha, same_file))
            self._ensure_clean(_INGEST_GUARDED)
            draft = self._draft_path(head, version, doc.source.name)
            files: dict[str, bytes | None] = dict(sections)
            files[draft] = data
            config = self._config_with_version(head, version)
            if config is not None:
                files[CONFIG] = config
            trailers = {
                "Revtool-Version": version,
                "Revtool-Source": doc.source.name,
                "Revtool-Sha256": sha,
                "Revtool-Draft": draft,
            }
            if cites:
                trailers["Revtool-Cites"] = ",".join(cites)
            subject = f"{version} を取り込み（{doc.source.name}, sha256 {sha[:12]}）"
            body = f"{version} を取り込み（{doc.source.name}, sha256 {sha}）" if message else ""
            text = _message(message or subject, body, trailers)
            commit = self._commit_and_apply(head, files, (SECTIONS,), text, tag=_RefUpdate(tag, None, old_tag), always=True)
            return IngestResult(version, commit, created=True, tag_moved=old_tag is not None)

    def commit_files(self, files: Mapping[str, bytes | None], message: str, trailers: Mapping[str, str] = {}) -> str:
        """Commit these files (path relative to the workspace -> bytes; None deletes the
        file or folder) as one atomic commit. Returns the new commit, or HEAD when
        nothing changes."""
        for path in files:
            _check_relpath(path)
        with self._locked():
            head = self._required_head()
            self._ensure_clean(tuple(files))
            return self._commit_and_apply(head, dict(files), (), _message(message, "", trailers), tag=None)

    def recover(self) -> bool:
        """Roll back an operation interrupted by a killed process. True when one was found."""
        with self._locked():
            return self._recover()

    # ---------------------------------------------------------------- internals: commits

    def _commit_and_apply(
        self,
        head: str | None,
        files: Mapping[str, bytes | None],
        replace_folders: Sequence[str],
        message: str,
        *,
        tag: _RefUpdate | None,
        always: bool = False,
    ) -> str:
        """Build the commit, then move the refs and the work tree. Lock must be held.
        Without ``always``, a commit that would change nothing is skipped (HEAD returned)."""
        tree = self._build_tree(head, files, replace_folders)
        if head is not None and not always and tree == self._tree_of(head):
            return head
        commit = self._git_out(["commit-tree", tree, *(["-p", head] if head else []), "-F", "-"], input=message.encode("utf-8"), env=self._identity()).strip()
        _crash_point("after-objects")
        branch = self._branch()
        updates = [_RefUpdate(branch, commit, head)]
        if tag is not None:
            updates.append(_RefUpdate(tag.ref, commit, tag.old))
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

    def _apply(self, updates: list[_RefUpdate], *, old_tree: str, new_tree: str) -> None:
        """Journal, move the refs in one transaction, update the work tree; undo on failure."""
        journal = {
            "refs": [[u.ref, u.new, u.old] for u in updates],
            "old_tree": old_tree,
            "new_tree": new_tree,
        }
        with _signals_held():
            self._write_journal(journal)
            _crash_point("after-journal")
            try:
                self._update_refs(updates, "revtool")
                _crash_point("after-refs")
                self._materialize(old_tree, new_tree)
                _crash_point("after-materialize")
            except BaseException as failure:
                try:
                    self._roll_back(journal)
                except BaseException as undo_failure:  # the journal stays: the next command rolls back
                    failure.add_note(f"取り消しにも失敗しました: {undo_failure}")
                    raise failure
                self._journal_path().unlink(missing_ok=True)
                raise
            self._journal_path().unlink(missing_ok=True)

    def _update_refs(self, updates: Sequence[_RefUpdate], reason: str) -> None:
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
        if target.is_file() and not target.is_symlink() and _blob_sha(target.read_bytes()) == expected_blob:
            target.unlink()
        parent = target.parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    # ---------------------------------------------------------------- internals: recovery

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
        refs = [_RefUpdate(ref, new, old) for ref, new, old in journal["refs"]]
        moved = [u for u in refs if self._rev(u.ref) == u.new and u.new is not None]
        with _signals_held():
            if moved:
                self._update_refs([_RefUpdate(u.ref, u.old, u.new) for u in moved], "revtool: 中断した操作を取り消し")
            self._materialize(str(journal["new_tree"]), str(journal["old_tree"]))

    # ---------------------------------------------------------------- internals: git

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
        return _git(self.root, args, input=input, env=env)

    def _git_out(self, args: Sequence[str], *, input: bytes | None = None, env: Mapping[str, str] | None = None) -> str:
        return _git(self.root, args, input=input, env=env).decode("utf-8")

    def _rev(self, rev: str) -> str | None:
        result = subprocess.run(
            ["git", "-C", str(self.root), "rev-parse", "-q", "--verify", rev + ("" if rev.endswith("}") else "^{commit}")],
            capture_output=True,
        )
        return result.stdout.decode().strip() if result.returncode == 0 else None

    def _tree_of(self, commit: str) -> str:
        return self._git_out(["rev-parse", commit + "^{tree}"]).strip()

    def _commit_message(self, commit: str) -> str:
        message = self.repo.commit(commit).message
        return message if isinstance(message, str) else message.decode("utf-8", "replace")

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
        name = _git_config(self.root, "user.name")
        email = _git_config(self.root, "user.email")
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

    def _tree_paths(self, commit: str, folder: str = "") -> set[str]:
        args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit] + (["--", folder] if folder else [])
        return {p.decode("utf-8") for p in self._git(args).split(b"\0") if p}

    def _files_under(self, commit: str, folder: str) -> dict[str, bytes]:
        try:
            tree = self.repo.commit(commit).tree / folder
        except KeyError:
            return {}
        prefix = folder + "/"
        return {
            str(item.path)[len(prefix):]: item.data_stream.read()
            for item in tree.traverse()
            if isinstance(item, Blob)
        }

    def _same_files(self, commit: str, folder: str, files: Mapping[str, bytes]) -> bool:
        listed = self._git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder])
        stored: dict[str, str] = {}
        for entry in listed.split(b"\0"):
            if entry:
                meta, path = entry.split(b"\t", 1)
                stored[path.decode("utf-8")] = meta.split()[2].decode()
        return stored == {path: _blob_sha(data) for path, data in files.items()}

    def _manifest(self, commit: str) -> dict[str, Any]:
        try:
            blob = self.repo.commit(commit).tree / f"{SECTIONS}/{MANIFEST}"
            return json.loads(blob.data_stream.read().decode("utf-8"))
        except (KeyError, ValueError):
            return {}

    def _version_tags(self) -> dict[str, str]:
        out = self._git_out(["for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)", TAG_PREFIX.rstrip("/")])
        tags: dict[str, str] = {}
        for line in out.splitlines():
            ref, obj, peeled = line.split("\0")
            label = ref[len(TAG_PREFIX):]
            if "/" not in label:
                tags[label] = peeled or obj
        return tags

    def _version_order(self, commit: str | None) -> list[str]:
        if commit is None:
            return []
        try:
            config = tomllib.loads((self._read_blob(commit, CONFIG) or b"").decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return []
        order = config.get("versions", {}).get("order", [])
        return [str(v) for v in order] if isinstance(order, list) else []

    def _version_info(self, label: str, commit: str) -> VersionInfo:
        obj = self.repo.commit(commit)
        message = self._commit_message(commit)
        trailers = _trailers(message)
        manifest = self._manifest(commit)
        source = manifest.get("source") or {}
        assert isinstance(source, dict)
        try:
            count = section_count({MANIFEST: json.dumps(manifest).encode()})
        except (KeyError, TypeError):
            count = 0
        cites = tuple(c for c in trailers.get("Revtool-Cites", "").split(",") if c)
        return VersionInfo(
            label=label,
            commit=commit,
            date=obj.committed_datetime,
            source=str(source.get("name", trailers.get("Revtool-Source", ""))),
            sha256=str(source.get("sha256", trailers.get("Revtool-Sha256", ""))),
            section_count=count,
            cites=cites,
            message=_strip_trailers(message),
            format=str(source.get("format", "")),
            draft=trailers.get("Revtool-Draft", ""),
        )

    def _draft_path(self, head: str, version: str, source_name: str) -> str:
        """drafts/<name>, or drafts/<version>/<name> when another version already keeps
        a file under that name."""
        name = _safe_file_name(source_name)
        plain = f"{DRAFTS}/{name}"
        owners = {info.draft: info.label for info in self.versions() if info.draft}
        if plain not in self._tree_paths(head, DRAFTS) or owners.get(plain) == version:
            return plain
        return f"{DRAFTS}/{safe_name(version, 60) or 'version'}/{name}"

    def _config_with_version(self, head: str, version: str) -> bytes | None:
        """revtool.toml with ``version`` appended to [versions] order; None if already there."""
        raw = (self._read_blob(head, CONFIG) or b"").decode("utf-8")
        try:
            config = tomlkit.parse(raw)
        except TomlParseError as exc:
            raise WorkspaceError(f"{CONFIG}: 設定ファイルを読めません（{exc}）。") from exc
        versions = config.setdefault("versions", tomlkit.table())
        order = versions.setdefault("order", tomlkit.array())
        if version in [str(v) for v in order]:
            return None
        order.append(version)
        return tomlkit.dumps(config).encode("utf-8")


# ------------------------------------------------------------------ helpers


def _git(root: Path, args: Sequence[str], *, input: bytes | None = None, env: Mapping[str, str] | None = None) -> bytes:
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


def _git_config(root: Path, key: str, *, outside_repo: bool = False) -> str:
    cwd = ["-C", str(root)] if not outside_repo else []
    result = subprocess.run(["git", *cwd, "config", "--get", key], capture_output=True)
    return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else ""


def _blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _read_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputFileError(f"{path.name}: ファイルがありません。") from exc
    except IsADirectoryError as exc:
        raise InputFileError(f"{path.name}: ファイルではなくフォルダです。") from exc
    except OSError as exc:
        raise InputFileError(f"{path.name}: ファイルを読めません（{exc.strerror}）。") from exc


def _with_source(doc: Document, path: Path, sha: str) -> Document:
    if doc.source is None:
        fmt = path.suffix.lower().lstrip(".")
        return dataclasses.replace(doc, source=Source(path.name, sha, fmt))
    if doc.source.sha256 != sha:
        raise InputFileError(f"{path.name}: 文書の sha256 がファイルと一致しません（別のファイルから読み取った文書です）。")
    return doc


def _refusal(version: str, name: str, sha: str, same_file: bool) -> tuple[str, str]:
    if same_file:
        return (
            f"版「{version}」は {name} から取り込み済みですが、今回の読み取り結果が前回と異なります。",
            "読み取り結果で置き換えるには --force を付けてください（以前の版も履歴に残ります）。",
        )
    return (
        f"版「{version}」は別のファイルで取り込み済みです（今回: {name}, sha256 {sha[:12]}）。",
        "同じ版名で取り込み直すには --force を付けてください（以前の版も履歴に残ります）。別の版なら別の名前（例: 案2）を付けてください。",
    )


def _check_cite(cite: str) -> str:
    cite = cite.strip()
    if not cite or any(ch in cite for ch in ",\n\r") or not cite.isprintable():
        raise WorkspaceError(f"意見番号「{cite}」は使えません（例: C01）。")
    return cite


def _check_relpath(path: str) -> None:
    parts = path.split("/")
    if (
        not path
        or PurePosixPath(path).is_absolute()
        or "\\" in path
        or "\0" in path
        or any(p in ("", ".", "..") for p in parts)
        or parts[0] == ".git"
    ):
        raise WorkspaceError(f"「{path}」はワークスペース内の相対パスではありません。")


def _safe_file_name(name: str) -> str:
    """The original file name, made safe for any file system: separators, controls and
    reserved characters become ``_``; trailing dots and spaces go; at most 120 characters."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or not ch.isprintable() else ch for ch in name)
    cleaned = cleaned.strip().rstrip(". ")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    suffix = suffix[:16]
    stem = stem[: 120 - len(suffix) - 1].rstrip(". ")
    if not stem or stem.startswith(".") or stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return f"{stem}.{suffix}" if suffix else stem


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _message(subject: str, body: str, trailers: Mapping[str, str]) -> str:
    parts = [subject.strip() or "revtool"]
    if body.strip():
        parts.append(body.strip())
    if trailers:
        parts.append("\n".join(f"{key}: {_one_line(value)}" for key, value in trailers.items()))
    return "\n\n".join(parts) + "\n"


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _trailers(message: str) -> dict[str, str]:
    paragraphs = message.strip().split("\n\n")
    out: dict[str, str] = {}
    for line in paragraphs[-1].splitlines() if len(paragraphs) > 1 else []:
        key, sep, value = line.partition(": ")
        if sep and key.startswith("Revtool-"):
            out[key] = value.strip()
    return out


def _strip_trailers(message: str) -> str:
    paragraphs = message.strip().split("\n\n")
    if len(paragraphs) > 1 and _trailers(message):
        paragraphs = paragraphs[:-1]
    return "\n\n".join(paragraphs)


def _crash_point(name: str) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if wanted == name:
        os.kill(os.getpid(), signal.SIGKILL)
    elif wanted == "sigint:" + name:
        os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl-C were pressed here


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
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
    "IngestResult",
    "VersionInfo",
    "Workspace",
    "init_workspace",
    "validate_version_label",
]
