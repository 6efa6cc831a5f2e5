"""From a workspace to a change table: the one I/O edge every command shares.

``build_for_workspace(ws, old, new)`` loads both versions, the editorial rules
of ``revtool.toml``, ``comments/comments.json`` (as committed), the staff
decisions (``decisions.toml``: the working tree's copy first, so a hand edit
counts before it is committed) plus the new version's ``--cites``, and builds
the changelog with its metadata.

Row ids are those generated *without* decisions (``decisions.py``): when a
decision marks a change editorial (or forces one into the table) the grouping
shifts, so the rows are matched back to the undecided ones and keep their ids
(R7 stays R7 when R6 became a 文言整理; a forced new row gets the next free id).
Row decisions are translated the same way before they are applied.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar
from pathlib import Path

from revtool.changes.meta import ChangelogMeta, VersionRef
from revtool.changes.table import Changelog, ChangelogWarning
from revtool.config import CONFIG_NAME, read_config, section
from revtool.changes.decisions import DECISIONS_NAME, Decisions, parse_decisions
from revtool.errors import WorkspaceError
from revtool.lazy_fields import LazyFields
from revtool.model import Change, ChangeRow, Comment, Comparison, Document, Link
from revtool.workspace.paths import COMMENTS_JSON
from revtool.workspace import cache
from revtool.workspace.store import VersionInfo, Workspace, normalize_label

if TYPE_CHECKING:  # the stages are imported where they compute: a change table read back
    # from the cache (trace, show, review) loads only its data classes (issue 15)
    from revtool.changes.changelog import Basis
    from revtool.changes.summary import SummaryStyle
    from revtool.comments.fingerprint import IdChange
    from revtool.changes.decisions_stale import Stale


@dataclass(frozen=True)
class PipelineResult(LazyFields):
    """Read back from the workspace cache, its fields are read when first used
    (``revtool/result_parts.py``)."""

    old: str
    new: str
    old_doc: Document
    new_doc: Document
    changes: tuple[Change, ...]
    comments: tuple[Comment, ...]
    decisions: Decisions  # as parsed, ingest cites included, ids as in the file
    decisions_text: str  # the text they were parsed from ("" when there is no file)
    changelog: Changelog  # with the decisions applied
    base: Changelog  # without any decision (cites aside): the ids decisions refer to
    meta: ChangelogMeta
    comparison: Comparison  # the diff the changelog was built from (``changes`` is its changes)
    comment_moves: tuple[IdChange, ...] = ()  # decisions whose comment moved to another id or vanished
    kind: ClassVar[str] = "changelog"  # what ``render`` makes of it


def read_workspace_file(ws: Workspace, relpath: str, prefer_worktree: bool) -> bytes | None:
    """A workspace file: the working tree's copy (decisions edited by hand) or HEAD's."""
    path = Path(ws.root) / relpath
    if prefer_worktree and path.is_file():
        return path.read_bytes()
    try:
        got = ws.read_at("HEAD", relpath)
    except WorkspaceError:
        got = None
    if got is None and path.is_file():
        return path.read_bytes()
    return got


def read_decisions_text(ws: Workspace, prefer_worktree: bool = True) -> str:
    raw = read_workspace_file(ws, DECISIONS_NAME, prefer_worktree)
    if raw is None:
        return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"{DECISIONS_NAME}: UTF-8 として読めません。") from exc


def read_comments(ws: Workspace) -> tuple[Comment, ...]:
    from revtool.comments import comments_from_bytes

    raw = read_workspace_file(ws, COMMENTS_JSON, prefer_worktree=False)
    if raw is None:
        return ()
    try:
        return comments_from_bytes(raw)  # one comment at a time: 40,000 are 50 MB of JSON (issue 15)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise WorkspaceError(f"{COMMENTS_JSON}: 読めません（{exc}）。") from exc


def follow_decisions_on_import(ws: Workspace, new_comments: tuple[Comment, ...]) -> tuple[str | None, list[IdChange]]:
    """The committed decisions.toml re-pointed at a comment table about to be
    imported (None when it does not change), and what moved or vanished."""
    from revtool.changes.decisions_edit import follow_comments_in_text

    text = read_decisions_text(ws, prefer_worktree=False)
    new_text, moves = follow_comments_in_text(text, read_comments(ws), new_comments)
    return (new_text if new_text != text else None), moves


def default_pair(ws: Workspace) -> tuple[str, str]:
    """The last two versions in ingest order."""
    labels = [v.label for v in ws.versions()]
    if len(labels) < 2:
        raise WorkspaceError(
            "比較する版が 2 つありません（取り込み済み: " + ("、".join(labels) or "なし") + "）。",
            hint="revtool ingest で素案と案を取り込んでください。",
        )
    return labels[-2], labels[-1]


def _config_bytes(ws: Workspace) -> bytes:
    path = Path(ws.root) / CONFIG_NAME
    return path.read_bytes() if path.is_file() else b""


def _comparison_inputs(ws: Workspace, old: str, new: str) -> dict[str, str | bytes]:
    """What a comparison is computed from: both versions' commits and revtool.toml."""
    return {"old": old, "new": new, "old_commit": ws.resolve(old), "new_commit": ws.resolve(new),
            "config": _config_bytes(ws)}


def compare_for_workspace(ws: Workspace, old: str, new: str) -> Comparison:
    """Both versions compared, changes judged by the editorial rules of ``revtool.toml``
    (computed once per input: ``workspace/cache.py``)."""
    old, new = normalize_label(old), normalize_label(new)

    def build() -> Comparison:
        from revtool.compare.diff import compare_documents
        from revtool.compare.editorial_config import EditorialRules

        old_doc, new_doc = cache.load_document(ws, old), cache.load_document(ws, new)
        rules = EditorialRules.from_config(section(read_config(Path(ws.root)), "editorial"))
        return replace(compare_documents(old_doc, new_doc, rules), old_label=old, new_label=new)

    git_dir = getattr(ws, "git_dir", None)  # a stand-in workspace (tests) has none: no cache
    if git_dir is None:
        return build()
    return cache.cached(git_dir, cache.cache_key("comparison", _comparison_inputs(ws, old, new)), build)


def _comments_id(ws: Workspace) -> str:
    """The comment table as ``read_comments`` reads it: HEAD's blob id, else the file's hash."""
    try:
        return "blob:" + (ws.repo.head.commit.tree / COMMENTS_JSON).hexsha
    except (KeyError, ValueError):
        raw = read_workspace_file(ws, COMMENTS_JSON, prefer_worktree=False)
        return "" if raw is None else "sha256:" + hashlib.sha256(raw).hexdigest()


def diff_for_workspace(ws: Workspace, old: str, new: str) -> tuple[Document, Document, tuple[Change, ...]]:
    """Both versions and every change between them (``compare_for_workspace`` unpacked)."""
    comparison = compare_for_workspace(ws, old, new)
    return comparison.old, comparison.new, comparison.changes


def build_for_workspace(ws: Workspace, old: str, new: str, decisions_text: str | None = None) -> PipelineResult:
    """Everything a command needs to show or render the change table of OLD → NEW.
    ``decisions_text`` replaces the workspace's decisions.toml (review previews).
    Computed once per input (versions, comments, decisions, cites, config, plan
    name, revtool itself) and kept in ``.git/revtool-cache`` (``workspace/cache.py``)."""
    old, new = normalize_label(old), normalize_label(new)  # NFD and NFC spellings: one version
    text = read_decisions_text(ws) if decisions_text is None else decisions_text
    infos = {v.label: v for v in ws.versions()}
    inputs = {**_comparison_inputs(ws, old, new), "comments": _comments_id(ws), "decisions": text,
              "cites": "\n".join(sorted(infos[new].cites)) if new in infos else "", "plan": ws.plan_name,
              "versions": "\n".join(f"{v.label}\0{v.commit}\0{v.source}\0{v.sha256}" for v in infos.values())}
    key = cache.cache_key("changelog", inputs)
    from revtool.result_parts import assemble_result, split_result

    return cache.cached_parts(ws.git_dir, key, lambda: _build_for_workspace(ws, old, new, text, infos),
                              split_result, assemble_result)


def _build_for_workspace(ws: Workspace, old: str, new: str, text: str, infos: dict[str, VersionInfo]) -> PipelineResult:
    from revtool.changes.summary import SummaryStyle

    comparison = compare_for_workspace(ws, old, new)
    old_doc, new_doc, changes = comparison.old, comparison.new, comparison.changes
    comments = read_comments(ws)
    decisions, moves = follow_comments(parse_decisions(text), comments)
    decisions = decisions.with_cites(infos[new].cites if new in infos else ())
    style = SummaryStyle.from_config(section(read_config(Path(ws.root)), "summary"))
    base, basis = _base_table(ws, old, new, comparison, comments, decisions.cites, style)
    base, log = build_with_stable_ids(changes, comments, decisions, new_doc, old_doc, style, base=base, basis=basis)

    def ref(label: str) -> VersionRef:
        info = infos.get(label)
        if info is None:
            return VersionRef(label, ws.resolve(label))
        return VersionRef(label, info.commit, info.source, info.sha256, info.format)

    meta = ChangelogMeta(ws.plan_name, ref(old), ref(new))
    return PipelineResult(old, new, old_doc, new_doc, changes, comments, decisions, text, log, base, meta, comparison,
                          tuple(moves))


def _base_table(ws: Workspace, old: str, new: str, comparison: Comparison, comments: tuple[Comment, ...],
                cites: frozenset[str], style: SummaryStyle) -> tuple[Changelog, Basis]:
    """The change table without the staff's decisions (cites aside) and what
    building it computed that decisions do not change (``changelog.Basis``: the
    groups of changes, the link scores), kept in the cache by what they are
    built from — both versions' commits, revtool.toml, the comment table, the
    cites, revtool itself — and not by decisions.toml: a review action (an
    accepted row, a confirmed link) changes only the decisions, so it builds
    the decided table on them without grouping or scoring again (issue 15)."""
    from revtool.changes.changelog import Basis, build_changelog

    def build() -> tuple[Changelog, Basis]:
        basis = Basis()
        log = build_changelog(comparison.changes, comments, Decisions(cites=cites), new_doc=comparison.new,
                              old_doc=comparison.old, style=style, basis=basis)
        return log, basis

    git_dir = getattr(ws, "git_dir", None)
    if git_dir is None:
        return build()
    parts = {**_comparison_inputs(ws, old, new), "comments": _comments_id(ws), "cites": "\n".join(sorted(cites))}
    return cache.cached(git_dir, cache.cache_key("base", parts), build)


def follow_comments(decisions: Decisions, comments: tuple[Comment, ...]) -> tuple[Decisions, list[IdChange]]:
    """Decisions whose links point at the comment they were made about: a link
    recorded with a fingerprint follows it to its current id (or is dropped
    when the comment is gone); links without one (older files) keep their id."""
    if not decisions.fingerprints:
        return decisions, []
    from revtool.comments.fingerprint import resolve_ids

    mapping, moves = resolve_ids(decisions.fingerprints, comments)
    return decisions.with_comment_ids(mapping), moves


# ---------------------------------------------------------------- stable row ids (pure)


def build_with_stable_ids(
    changes: tuple[Change, ...],
    comments: tuple[Comment, ...],
    decisions: Decisions,
    new_doc: Document | None,
    old_doc: Document | None,
    style: SummaryStyle | None = None,
    base: Changelog | None = None,
    basis: Basis | None = None,
) -> tuple[Changelog, Changelog]:
    """(changelog without decisions, changelog with them), the second's rows
    carrying the first's ids. ``base``: the first, when already built (the same
    inputs and ``decisions.cites``), with ``basis``: what building it computed
    (``changelog.Basis``), from which the second is built."""
    from revtool.changes.changelog import Basis, build_changelog
    from revtool.changes.summary import SummaryStyle

    style = SummaryStyle() if style is None else style
    if base is None:
        basis = Basis()
        base = build_changelog(changes, comments, Decisions(cites=decisions.cites), new_doc=new_doc, old_doc=old_doc,
                               style=style, basis=basis)
    if decisions == Decisions(cites=decisions.cites):
        return base, base
    if not decisions.editorial and not decisions.substantive:
        return base, build_changelog(changes, comments, decisions, new_doc=new_doc, old_doc=old_doc, style=style,
                                     basis=basis)
    verdicts = Basis()  # the groups under the staff's verdicts: made once for both builds below
    staged = build_changelog(
        changes,
        comments,
        Decisions(cites=decisions.cites, editorial=decisions.editorial, substantive=decisions.substantive),
        new_doc=new_doc,
        old_doc=old_doc,
        style=style,
        basis=verdicts,
    )
    to_base = match_rows(base.rows, staged.rows)  # staged id -> base id
    to_staged = {b: s for s, b in to_base.items()}
    translated = Decisions(
        confirmed=tuple((c, to_staged[r]) for c, r in decisions.confirmed if r in to_staged),
        rejected=tuple((c, to_staged[r]) for c, r in decisions.rejected if r in to_staged),
        cites=decisions.cites,
        rows={to_staged[r]: d for r, d in decisions.rows.items() if r in to_staged},
        editorial=decisions.editorial,
        substantive=decisions.substantive,
    )
    final = build_changelog(changes, comments, translated, new_doc=new_doc, old_doc=old_doc, style=style, basis=verdicts)
    return base, rename_rows(final, to_base)


def _change_keys(row: ChangeRow) -> set[str]:
    return {c.id.split(".")[0] for c in row.changes}


def match_rows(base: tuple[ChangeRow, ...], rows: tuple[ChangeRow, ...]) -> dict[str, str]:
    """Row id in ``rows`` -> id of the base row made of the same changes (most
    shared changes, then same sections); rows with no counterpart get fresh ids."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for r in rows:
        keys, paths = _change_keys(r), set(r.section_paths)
        best, best_score = "", (0, 0)
        for b in base:
            if b.id in taken:
                continue
            score = (len(keys & _change_keys(b)), len(paths & set(b.section_paths)))
            if score[0] and score > best_score:
                best, best_score = b.id, score
        if best:
            out[r.id] = best
            taken.add(best)
    numbers = [int(m.group(1)) for b in base if (m := re.fullmatch(r"R(\d+)", b.id))]
    n = max(numbers, default=0)
    for r in rows:
        if r.id not in out:
            n += 1
            out[r.id] = f"R{n}"
    return out


def rename_rows(log: Changelog, mapping: dict[str, str]) -> Changelog:
    """The changelog with row ids replaced (rows, links, warnings, exclusions)."""

    def rid(r: str) -> str:
        return mapping.get(r, r)

    def warning(w: ChangelogWarning) -> ChangelogWarning:
        if not w.row_id or rid(w.row_id) == w.row_id:
            return w
        message = w.message
        if message.startswith(w.row_id + ":"):
            message = rid(w.row_id) + message[len(w.row_id):]
        return replace(w, row_id=rid(w.row_id), message=message)

    return replace(
        log,
        rows=tuple(replace(r, id=rid(r.id)) for r in log.rows),
        links=tuple(Link(l.comment_id, rid(l.row_id), l.confidence, l.evidence) for l in log.links),
        warnings=tuple(warning(w) for w in log.warnings),
        excluded=tuple(rid(r) for r in log.excluded),
        scores=tuple(replace(s, row_id=rid(s.row_id)) for s in log.scores),
    )


def stale(result: PipelineResult) -> "list[Stale]":
    """Decisions in the workspace that no longer apply to this change table
    (to be reported by any command that shows it, never dropped)."""
    from revtool.changes.decisions_stale import Stale, stale_decisions

    found = [] if not result.decisions_text.strip() else stale_decisions(  # nothing to read without decisions
        result.decisions_text, result.base.rows, [c.id for c in result.changes], [c.id for c in result.comments]
    )
    followed = {m.old_id for m in result.comment_moves} | set(result.decisions.fingerprints)
    found = [s for s in found if not (s.comment_id and s.comment_id in followed)]
    return [Stale(f"意見 {m.old_id}", m.describe()) for m in result.comment_moves] + found
