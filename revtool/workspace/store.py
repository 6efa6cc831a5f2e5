"""The plan workspace (docs/ARCHITECTURE.md §1): a git repository with revtool.toml, drafts/,
sections/, comments/, decisions.toml and changelogs/ — versions, their ingest, their
order and manifests. Every write goes through the atomic commit of ``atomic_repo``
(journal, compare-and-swap refs, recovery), which ``Workspace`` is built on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from git import Blob, Repo
from git.exc import GitError

from revtool.errors import InputFileError, VersionLabelError, WorkspaceError
from revtool.model import Document, Source
from revtool.workspace.atomic_repo import (  # noqa: F401  (CRASH_ENV, JOURNAL_NAME: re-exported for callers and tests)
    CRASH_ENV,
    JOURNAL_NAME,
    AtomicRepo,
    RefUpdate,
    blob_sha,
    git_config,
    run_git,
)
from revtool.workspace.serialize import MANIFEST, document_from_files, document_to_files, manifest_section_count, safe_name

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
_LABEL_MAX = 64
_NOT_A_WORKSPACE = "{path} は revtool のワークスペースではありません（revtool init で作成してください）。"


@dataclass(frozen=True)
class IngestResult:
    version: str
    commit: str
    created: bool  # False: the same file was already ingested under this label
    tag_moved: bool  # True: the label existed and now points at the new commit


@dataclass(frozen=True)
class SourceFile:
    """The file an ingest records: its bytes, read once, and their sha256 (the one
    hash of an ingest: the no-op check, the reader's ``Source`` and the commit use it)."""

    path: Path
    data: bytes = dataclasses.field(repr=False)
    sha256: str

    @classmethod
    def read(cls, path: Path) -> SourceFile:
        data = _read_source(path)
        return cls(path, data, hashlib.sha256(data).hexdigest())


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
        if not git_config(root, "init.defaultBranch", outside_repo=True):
            args.append("--initial-branch=main")
        run_git(root, args)
        run_git(root, ["config", "core.quotepath", "false"])  # show Japanese paths as they are
    workspace = Workspace(root, Repo(root))
    import tomlkit  # written by init and ingest only: reading commands never load it

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


class Workspace(AtomicRepo):
    """One plan workspace. Open with :meth:`open` or :func:`init_workspace`."""

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
        infos = self._version_infos(tags)
        order = [label for label in self._version_order(self._head_commit()) if label in tags]
        rest = sorted(set(tags) - set(order), key=lambda label: (infos[label].date.timestamp(), label))
        return [infos[label] for label in order + rest]

    def _version_infos(self, tags: dict[str, str]) -> dict[str, VersionInfo]:
        """Label -> its VersionInfo. What a commit says never changes, so they are read
        once per set of (label, commit) and kept (in this process and in
        ``.git/revtool-cache``): ``versions()`` no longer parses every version's
        manifest (0.7 MB for 300 pages) each time it is asked (issue 15)."""
        from revtool.workspace import cache

        pairs = tuple(sorted(tags.items()))
        memo: dict[tuple[tuple[str, str], ...], dict[str, VersionInfo]] = self.__dict__.setdefault("_infos_memo", {})
        if pairs not in memo:
            key = cache.cache_key("versions", {"tags": "\n".join(f"{label}\0{commit}" for label, commit in pairs)})
            memo.clear()
            memo[pairs] = cache.cached(self.git_dir, key, lambda: {label: self._version_info(label, commit)
                                                                    for label, commit in pairs})
        return memo[pairs]

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
        source_file: Path | SourceFile,
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
        source = source_file if isinstance(source_file, SourceFile) else SourceFile.read(source_file)
        data, sha = source.data, source.sha256
        doc = _with_source(doc, source.path, sha)
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
                    raise VersionLabelError(*_refusal(version, source.path.name, sha, same_file))
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
            commit = self._commit_and_apply(head, files, (SECTIONS,), text, tag=RefUpdate(tag, None, old_tag), always=True)
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

    # ---------------------------------------------------------------- internals: reading the plan

    def _commit_message(self, commit: str) -> str:
        message = self.repo.commit(commit).message
        return message if isinstance(message, str) else message.decode("utf-8", "replace")

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
        return stored == {path: blob_sha(data) for path, data in files.items()}

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
            count = manifest_section_count(manifest)
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
        import tomlkit
        from tomlkit.exceptions import ParseError as TomlParseError

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


__all__ = [
    "IngestResult",
    "SourceFile",
    "VersionInfo",
    "Workspace",
    "init_workspace",
    "validate_version_label",
]
