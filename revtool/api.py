"""The revtool library: every use case as one typed call, usable without the CLI.

    from revtool import api
    ws = api.init("nakano", plan="中野区DX推進計画")
    api.ingest(ws, "soan.docx", "素案", pages_from="soan.pdf")
    api.ingest(ws, "an.docx", "案")
    api.import_comments(ws, "bessi1.xlsx")
    table = api.changelog(ws, "素案", "案")
    Path("別紙2.xlsx").write_bytes(api.render(table, "xlsx"))

Each call takes the workspace as a ``Workspace`` or a folder path, raises a
``RevtoolError`` (one Japanese message naming the file or version) on bad input,
and returns a frozen value that ``render(result, fmt)`` turns into bytes. The
command line (``revtool.cli``) only parses arguments, calls one function here,
renders and maps errors to exit codes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from revtool.errors import InputFileError, WorkspaceError
from revtool.model import Comment, Comparison, Document, ResponseType, Section, SectionPath, Source
from revtool.workspace import paths

if TYPE_CHECKING:  # imported where used, so that ``revtool --help`` does not load git and every stage
    from revtool.pipeline import PipelineResult
    from revtool.workspace.purge import PurgeResult
    from revtool.workspace.store import IngestResult, VersionInfo, Workspace

    WorkspaceLike = Workspace | Path | str
    ChangelogResult = PipelineResult  # the change table (別紙2) with everything it was built from

DEFAULT_MAX_MB = 200
COMMENTS_SCHEMA = "revtool.comments/1"


def __getattr__(name: str) -> Any:
    """The names above, loaded on first use (``api.ChangelogResult``, ``api.Workspace`` …)."""
    if name in ("PipelineResult", "ChangelogResult"):
        from revtool.pipeline import PipelineResult

        return PipelineResult
    if name in ("Workspace", "VersionInfo", "IngestResult"):
        from revtool.workspace import store

        return getattr(store, name)
    if name == "WorkspaceLike":
        from revtool.workspace.store import Workspace

        return Workspace | Path | str
    raise AttributeError(name)


def open_workspace(workspace: WorkspaceLike) -> Workspace:
    """The workspace itself, or the one at this folder."""
    from revtool.workspace.store import Workspace

    return workspace if isinstance(workspace, Workspace) else Workspace.open(Path(workspace))


def init(directory: Path | str, plan: str = "") -> Workspace:
    """Create a plan workspace (a git repository with ``revtool.toml``) at ``directory``."""
    from revtool.workspace.store import init_workspace

    return init_workspace(Path(directory), plan)


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Ingested:
    """What ``ingest`` did. ``document`` is None when the file was already
    ingested as this version and nothing was read (``unchanged``)."""

    version: str
    file: str
    document: Document | None
    commit: str
    created: bool
    tag_moved: bool

    @property
    def unchanged(self) -> bool:
        return not self.created

    @property
    def section_count(self) -> int:
        return len(self.document.walk()) if self.document is not None else 0

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.document.warnings if self.document is not None else ()


def parse_cites(text: str) -> tuple[str, ...]:
    """「C01,C02」 or 「C01、C02」 as a tuple of comment ids."""
    return tuple(c.strip() for c in text.replace("、", ",").split(",") if c.strip())


def read_document(file: Path | str, *, pages_from: Path | str | None = None, original: bool = False,
                  password: str | None = None, max_bytes: int = DEFAULT_MAX_MB << 20,
                  sha256: str | None = None, include_comments: bool = False) -> Document:
    """A DOCX/PDF file as a ``Document`` (its ``source`` set), the printed page
    numbers taken from the PDF ``pages_from`` for a DOCX."""
    from revtool.extract import extract, sniff_format

    file = Path(file)
    fmt = sniff_format(file, max_bytes)
    doc = extract(file, original=original, password=password, max_bytes=max_bytes, include_comments=include_comments,
                  sha256=sha256)
    if pages_from is not None:
        from revtool.extract.pagemap import assign_pages

        pages_from = Path(pages_from)
        if fmt != "docx":
            raise InputFileError(f"{file.name}: --pages-from は DOCX を取り込むときだけ使えます。")
        if sniff_format(pages_from, max_bytes) != "pdf":
            raise InputFileError(f"{pages_from.name}: --pages-from には PDF を指定してください。")
        doc = assign_pages(doc, extract(pages_from, password=password, max_bytes=max_bytes))
    sha = sha256 or (doc.source.sha256 if doc.source is not None and doc.source.sha256 else _sha256(file))
    return dataclasses.replace(doc, source=Source(file.name, sha, fmt))


def ingest(workspace: WorkspaceLike, file: Path | str, version: str, *, pages_from: Path | str | None = None,
           original: bool = False, cites: Sequence[str] = (), message: str | None = None, force: bool = False,
           password: str | None = None, max_bytes: int = DEFAULT_MAX_MB << 20,
           include_comments: bool = False) -> Ingested:
    """Read ``file`` (DOCX/PDF) and record it as ``version``: one commit and the tag
    ``revtool/<version>``. The same file ingested again as the same version is a
    no-op (nothing is read) unless ``original`` or ``pages_from`` may change the
    reading; another file under an existing version needs ``force``, and so does
    a document in which no heading structure was found."""
    from revtool.extract import sniff_format
    from revtool.workspace.store import SourceFile, validate_version_label

    ws = open_workspace(workspace)
    file = Path(file)
    version = validate_version_label(version)
    _check_cites_known(ws, cites)
    sniff_format(file, max_bytes)  # the size cap first: the file is read whole once, here
    source = SourceFile.read(file)
    if ws.version_sha256(version) == source.sha256 and not original and pages_from is None and not include_comments:
        return Ingested(version, file.name, None, ws.resolve(version), created=False, tag_moved=False)
    doc = read_document(file, pages_from=pages_from, original=original, password=password,
                        max_bytes=max_bytes, sha256=source.sha256, include_comments=include_comments)
    if not force:
        from revtool.extract.structure import missing_structure

        problem = missing_structure(doc)
        if problem:
            raise InputFileError(f"{file.name}: {problem}。計画の版として取り込みません（それでも取り込むなら --force）。")
    result: IngestResult = ws.ingest(doc, source, version, cites=tuple(cites), message=message, force=force)
    return Ingested(version, file.name, doc, result.commit, result.created, result.tag_moved)


def _check_cites_known(ws: "Workspace", cites: Sequence[str]) -> None:
    """Refuse ``--cites`` ids the imported comment table does not have (a typo
    would otherwise be recorded silently and never shown). Before any table is
    imported the ids cannot be checked and are kept as given."""
    from revtool.pipeline import read_comments, read_workspace_file

    if not cites or read_workspace_file(ws, paths.COMMENTS_JSON, prefer_worktree=False) is None:
        return
    known = [c.id for c in read_comments(ws)]
    unknown = [c for c in cites if c not in set(known)]
    if unknown:
        span = f"{known[0]}〜{known[-1]}" if known else "意見なし"
        raise WorkspaceError(f"--cites: 意見 {'、'.join(unknown)} は取り込んだ意見の表にありません（{span}）。",
                             hint="revtool comments list で意見の番号を確認してください。")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def versions(workspace: WorkspaceLike) -> list[VersionInfo]:
    """The ingested versions, in ingest order."""
    return open_workspace(workspace).versions()


def load(workspace: WorkspaceLike, version: str) -> Document:
    """The section tree of one version (read once per commit: ``workspace/cache.py``)."""
    from revtool.workspace.cache import load_document

    return load_document(open_workspace(workspace), version)  # type: ignore[no-any-return]


def sections(workspace: WorkspaceLike, version: str, query: str | None = None) -> list[tuple[SectionPath, Section]]:
    """Every section of ``version`` (with its path), or those ``query`` names
    (a number, heading or path such as 「第2章/1.」)."""
    from revtool.views.section_query import find_sections

    doc = load(workspace, version)
    if query is None:
        return doc.walk()
    found = find_sections(doc, query)
    if not found:
        raise WorkspaceError(f"「{version}」に節「{query}」が見つかりません。",
                             hint=f"revtool show {version} で節の一覧を確認してください。")
    return found


# ---------------------------------------------------------------- comments


@dataclass(frozen=True)
class CommentsImport:
    """What ``import_comments`` recorded: the comments resolved against ``against``."""

    comments: tuple[Comment, ...]
    against: str
    source: str
    commit: str
    pii_masked: Counter[str] | None = None  # counts by kind, when masked
    decision_moves: tuple[Any, ...] = ()  # comments.fingerprint.IdChange: decisions re-pointed at new ids
    sheets: tuple[tuple[str, int], ...] = ()  # rows per sheet, when a workbook had several comment tables

    @property
    def unresolved(self) -> int:
        return sum(1 for c in self.comments if not c.resolved_section_paths and not c.locator.whole)

    @property
    def counts(self) -> dict[ResponseType, int]:
        got = Counter(c.response_type for c in self.comments)
        return {t: got[t] for t in ResponseType if got[t]}

    kind: ClassVar[str] = "comments"


def import_comments(workspace: WorkspaceLike, file: Path | str, *, against: str | None = None,
                    mask_pii: bool = False, max_bytes: int = DEFAULT_MAX_MB << 20) -> CommentsImport:
    """Import a comment table (別紙1: TSV/CSV/XLSX/DOCX/PDF): each 素案該当箇所
    resolved against ``against`` (default: the oldest version), each 区の考え方
    classified; ``comments/comments.json`` and the original file are committed
    (with ``mask_pii`` personal data is masked and the original is not kept)."""
    from revtool.comments import comments_file_bytes, groups_to_json, import_comments as resolve_comments, iter_store_json
    from revtool.comments import read_comment_table
    from revtool.comments.privacy import mask_rows
    from revtool.config import read_config
    from revtool import safety

    file = Path(file)
    with safety.max_bytes(max_bytes):
        rows = read_comment_table(file)  # a bad file fails before the workspace is touched
    masked = None
    if mask_pii:
        rows, masked = mask_rows(rows)
    if not rows:
        raise WorkspaceError(f"{file.name}: 見出し行はありますが、意見の行がありません。")
    ws = open_workspace(workspace)
    version = against or ws.oldest_version()
    if not version:
        raise WorkspaceError("版がまだありません。先に素案を取り込んでください。",
                             hint="revtool ingest soan.docx --version 素案")
    comments = tuple(resolve_comments(rows, ws.load(version), read_config(Path(ws.root))))
    data = file.read_bytes()
    payload: dict[str, Any] = {
        "schema": COMMENTS_SCHEMA, "against": version, "source": file.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "comments": iter_store_json(comments), "groups": groups_to_json(comments),  # written as they come (issue 15)
    }
    if masked is not None:
        payload["pii_masked"] = True
    files: dict[str, bytes | None] = {paths.COMMENTS_JSON: comments_file_bytes(payload)}
    if masked is None:  # with mask_pii the original (unmasked) file is not kept
        files[f"{paths.COMMENTS}/{file.name}"] = data
    existing = Path(ws.root) / paths.COMMENTS
    if existing.is_dir():  # an earlier import's original file goes
        for old in existing.iterdir():
            rel = f"{paths.COMMENTS}/{old.name}"
            if old.is_file() and not old.name.startswith(".") and rel not in files:
                files[rel] = None
    from revtool.pipeline import follow_decisions_on_import

    decisions, moves = follow_decisions_on_import(ws, comments)
    if decisions is not None:  # links follow their comments to the new ids
        files[paths.DECISIONS] = decisions.encode("utf-8")
    commit = ws.commit_files(
        files, f"意見を取り込み: {file.name}（{len(comments)} 件、{version} に照合）",
        trailers={"Revtool-Comments": file.name, "Revtool-Against": version},
    )
    per_sheet = Counter(r.table for r in rows) if file.suffix.lower() in (".xlsx", ".xlsm") else Counter()
    sheets = tuple(per_sheet.items()) if len(per_sheet) > 1 else ()
    return CommentsImport(comments, version, file.name, commit, masked, tuple(moves), sheets)


@dataclass(frozen=True)
class CommentList:
    """Imported comments (``comments list``)."""

    comments: tuple[Comment, ...]
    kind: ClassVar[str] = "comments"


def comments(workspace: WorkspaceLike, response_type: ResponseType | str | None = None) -> CommentList:
    """The imported comments (as committed), optionally only one answer type (反映, 参考 …)."""
    from revtool.pipeline import read_workspace_file, read_comments

    ws = open_workspace(workspace)
    if read_workspace_file(ws, paths.COMMENTS_JSON, prefer_worktree=False) is None:
        raise WorkspaceError("意見がまだ取り込まれていません。",
                             hint="revtool comments import bessi1.xlsx で取り込んでください。")
    got = read_comments(ws)
    if response_type is not None:
        valid = [t.value for t in ResponseType]
        if str(response_type) not in valid:
            raise WorkspaceError(f"分類「{response_type}」はありません（{'・'.join(valid)} のいずれか）。")
        wanted = ResponseType(response_type)
        got = tuple(c for c in got if c.response_type is wanted)
    return CommentList(got)


def purge_comments(workspace: WorkspaceLike, name: str) -> PurgeResult:
    """Remove the imported table ``comments/<name>`` from every commit and mask the
    opinions in comments.json throughout the history (rewrites history: commit ids change)."""
    from revtool.workspace.purge import purge_comments_file

    return purge_comments_file(open_workspace(workspace), name)


# ---------------------------------------------------------------- compare and the change table


def compare(workspace: WorkspaceLike, old: str, new: str, *, section: str | None = None) -> Comparison:
    """The comparison of two versions (section and block alignment, every change
    with its edits and editorial/substantive verdict), by the workspace's
    editorial rules. ``section`` keeps only the changes inside that section."""
    from revtool.pipeline import compare_for_workspace
    from revtool.views.section_query import changes_in_section

    comparison = compare_for_workspace(open_workspace(workspace), old, new)
    if section:
        comparison = dataclasses.replace(comparison, changes=changes_in_section(comparison, section))
    return comparison


diff = compare


def changelog(workspace: WorkspaceLike, old: str, new: str, *, decisions_text: str | None = None) -> ChangelogResult:
    """The change table (別紙2) of OLD → NEW with its comments, links (scores and
    evidence), the staff's decisions applied, and the comparison it came from.
    ``decisions_text`` stands in for decisions.toml (a preview)."""
    from revtool.pipeline import build_for_workspace

    return build_for_workspace(open_workspace(workspace), old, new, decisions_text)


def version_pair(workspace: WorkspaceLike, old: str | None = None, new: str | None = None) -> tuple[str, str]:
    """OLD and NEW as given, else defaults: the version before NEW, or the last two ingested."""
    from revtool.pipeline import default_pair

    ws = open_workspace(workspace)
    if old and new:
        return old, new
    d_old, d_new = default_pair(ws)
    if new and not old:
        labels = [v.label for v in ws.versions()]
        if new in labels and labels.index(new) > 0:
            return labels[labels.index(new) - 1], new
    return old or d_old, new or d_new


def stale_decisions(result: ChangelogResult) -> list[Any]:
    """Decisions in decisions.toml that no longer apply to this change table (to report, never drop)."""
    from revtool.pipeline import stale

    return stale(result)


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class TaishoResult:
    """The 新旧対照表 and what the renderers need beside it."""

    taisho: Any  # revtool.views.taisho_text.Taisho
    meta: Any  # revtool.views.taisho_text.TaishoMeta
    changelog: Any  # Changelog | None: the change table (html shows its links)
    kind: ClassVar[str] = "taisho"


def taisho(workspace: WorkspaceLike, old: str, new: str, *, section: str | None = None,
           substantive_only: bool = False, with_changelog: bool = False) -> TaishoResult:
    """The 新旧対照表 of OLD → NEW. With ``substantive_only`` or ``with_changelog``
    the staff's decisions count and the change table comes along (html)."""
    from revtool.views.taisho import TaishoMeta, build_taisho_from, with_staff_verdicts

    ws = open_workspace(workspace)
    log = None
    if with_changelog or substantive_only:
        result = changelog(ws, old, new)
        comparison, log = result.comparison, result.changelog
        comparison = dataclasses.replace(comparison, changes=with_staff_verdicts(
            result.changes, result.decisions.editorial, result.decisions.substantive))
    else:
        comparison = compare(ws, old, new)
    table = build_taisho_from(comparison, substantive_only=substantive_only, section=section)
    old_doc, new_doc = comparison.old, comparison.new
    meta = TaishoMeta(
        plan=ws.plan_name, old_version=old, new_version=new,
        old_source=old_doc.source.name if old_doc.source else "",
        new_source=new_doc.source.name if new_doc.source else "",
        document_title=new_doc.title,
    )
    return TaishoResult(table, meta, log)


@dataclass(frozen=True)
class RowTraceResult:
    old: str
    new: str
    trace: Any  # revtool.views.trace.RowTrace
    docs: tuple[Document, Document] | None = None  # both versions (table headers for the diff view)
    kind: ClassVar[str] = "row-trace"


@dataclass(frozen=True)
class CommentTraceResult:
    trace: Any  # revtool.views.trace.CommentTrace
    kind: ClassVar[str] = "comment-trace"


@dataclass(frozen=True)
class SectionTraceResult:
    query: str
    steps: tuple[Any, ...]  # revtool.views.trace.SectionStep, one per version
    log: tuple[Any, ...]  # revtool.workspace.log_entry.LogEntry: commits touching the section's folder
    folder: str
    rows: tuple[Any, ...]  # ChangeRow of the last two versions' table touching it
    comments: tuple[Comment, ...]
    pair: tuple[str, str]
    note: str | None = None  # the query matched several sections: which one is shown
    kind: ClassVar[str] = "section-trace"


TraceResult = RowTraceResult | CommentTraceResult | SectionTraceResult


def trace(workspace: WorkspaceLike, target: str, *, old: str | None = None, new: str | None = None) -> TraceResult:
    """Why a row (R3), a comment (C01) or a section (施策5, 第2章/1.) is what it is:
    its changes, linked comments with scores and evidence, its history."""
    from revtool.views.trace import comment_trace, parse_target, row_decision_notes, row_trace
    from revtool.changes.decisions import accepted_rows

    ws = open_workspace(workspace)
    t = parse_target(target)
    if t.kind == "section":
        return trace_section(ws, t.value)
    o, n = version_pair(ws, old, new)
    result = changelog(ws, o, n)
    log = result.changelog
    if t.kind == "row":
        notes = row_decision_notes(result.decisions, accepted_rows(result.decisions_text), t.value)
        rt = row_trace(log, t.value, result.base, notes)
        if rt is None:
            shown = "、".join(r.id for r in log.rows) or "なし"
            raise WorkspaceError(f"行 {t.value} は「{o}」→「{n}」の変更点一覧にありません（行: {shown}）。")
        from revtool.render.diff_view import shows_headers

        # both versions only for a table row shown under its headers (read from the cache when used)
        docs = (result.old_doc, result.new_doc) if any(shows_headers(c) for c in rt.row.changes) else None
        return RowTraceResult(o, n, rt, docs)
    ct = comment_trace(log, t.value)
    if ct is None:
        raise WorkspaceError(f"意見 {t.value} は取り込まれていません（{len(log.comments)} 件）。",
                             hint="revtool comments list で一覧を確認してください。")
    return CommentTraceResult(ct)


def trace_section(workspace: WorkspaceLike, query: str) -> SectionTraceResult:
    """A section through every version: its path and text at each, the commits
    that touched it, and the rows and comments of the last change table about it."""
    from revtool.views.section_query import find_sections, match_note
    from revtool.views.trace import VersionDoc, section_history, section_links
    from revtool.workspace.history import file_log, section_folder

    ws = open_workspace(workspace)
    infos = ws.versions()
    if not infos:
        raise WorkspaceError("取り込まれた版がありません。", hint="revtool ingest で取り込んでください。")
    docs = [VersionDoc(v.label, v.commit, v.date, v.cites, v.message, ws.load(v.label)) for v in infos]
    steps = section_history(docs, query)
    if not any(s.path for s in steps):
        raise WorkspaceError(f"節「{query}」はどの版にも見つかりません。", hint="revtool show 版 で節の一覧を確認してください。")
    latest = next(s for s in reversed(steps) if s.path)
    latest_doc = next(v.doc for v in docs if v.label == latest.label)
    note = match_note(query, find_sections(latest_doc, query), chosen=True)
    folder = section_folder(ws.read_at(latest.label, paths.MANIFEST), latest.path)
    log = file_log(Path(ws.root), folder) if folder else []
    rows: list[Any] = []
    linked: list[Comment] = []
    pair = ("", "")
    if len(infos) >= 2:
        pair = (infos[-2].label, infos[-1].label)
        rows, linked = section_links(changelog(ws, *pair).changelog, latest.path)
    return SectionTraceResult(query, tuple(steps), tuple(log), folder, tuple(rows), tuple(linked), pair, note)


@dataclass(frozen=True)
class BlameResult:
    version: str
    path: SectionPath
    lines: tuple[Any, ...]  # revtool.views.blame.BlameLine
    origins: dict[str, tuple[str, str, tuple[str, ...]]]  # version -> (commit, date, cites)
    kind: ClassVar[str] = "blame"


def blame(workspace: WorkspaceLike, version: str, section: str) -> BlameResult:
    """For each sentence of a section, the version (ingest commit) that first had it."""
    from revtool.views.blame import blame as blame_lines

    ws = open_workspace(workspace)
    ws.resolve(version)  # a clear message for an unknown version
    infos = ws.versions()
    got = blame_lines([(v.label, load(ws, v.label)) for v in infos], version, section)
    if got is None:
        raise WorkspaceError(f"版「{version}」に節「{section}」が見つかりません。",
                             hint=f"revtool show {version} で節の一覧を確認してください。")
    path, lines = got
    origins = {v.label: (v.commit, v.date.strftime("%Y-%m-%d"), tuple(v.cites)) for v in infos}
    return BlameResult(version, path, tuple(lines), origins)


# ---------------------------------------------------------------- review


@dataclass(frozen=True)
class ReviewOutcome:
    """decisions.toml after the actions, what they did, and the table it gives."""

    text: str
    done: tuple[str, ...]
    after: ChangelogResult
    commit: str  # "" for a dry run


def review_rows(result: ChangelogResult) -> dict[str, Any]:
    """The rows a review action may name: the undecided table's and the decided one's."""
    rows = {r.id: r for r in result.base.rows}
    rows.update({r.id: r for r in result.changelog.rows})
    return rows


def review(workspace: WorkspaceLike, result: ChangelogResult, actions: Sequence[Any], *,
           dry_run: bool = False) -> ReviewOutcome:
    """Apply review actions (``decisions_edit.Action``) to decisions.toml, check
    that the table still builds, and commit it (unless ``dry_run``)."""
    from revtool.comments.fingerprint import LazyFingerprints
    from revtool.changes.decisions_edit import apply_actions

    ws = open_workspace(workspace)
    fingerprints = LazyFingerprints(result.comments)
    text, done = apply_actions(result.decisions_text, list(actions), review_rows(result), fingerprints)
    after = changelog(ws, result.old, result.new, decisions_text=text)  # validates the new text
    commit = ""
    if not dry_run:
        message = f"レビュー: {result.old} → {result.new}（{len(done)} 件）\n\n" + "\n".join(f"- {d}" for d in done)
        commit = ws.commit_files({paths.DECISIONS: text.encode("utf-8")}, message,
                                 {"Revtool-Review": f"{result.old}..{result.new}"})
    return ReviewOutcome(text, tuple(done), after, commit)


# ---------------------------------------------------------------- output


def render(result: Any, fmt: str, *, with_opinions: bool = False, new_first: bool = True,
           with_review: bool = False) -> bytes:
    """A result of this module as the bytes of one file format: the change table
    as md/csv/xlsx/docx/json, the 新旧対照表 as docx/html, a comparison or the
    comments as json/csv. ``with_opinions`` puts opinion text in json/html;
    ``new_first`` puts the new version on the left (新旧); ``with_review`` adds the
    staff's columns (md, csv)."""
    from revtool.render.registry import render as render_result

    return render_result(result, fmt, with_opinions=with_opinions, new_first=new_first, with_review=with_review)


def formats(result_kind: str) -> tuple[str, ...]:
    """The file formats ``render`` makes of a result kind (``changelog``, ``taisho`` …)."""
    from revtool.render.registry import formats as registry_formats

    return registry_formats(result_kind)
