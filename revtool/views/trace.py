"""What ``revtool trace`` shows: a row with its changes and comments, a comment
with its rows, or a section across versions. Pure: built from the changelog,
the documents and the version list; rendering is ``render/trace_view.py``.

Runners-up (comments that scored for a row but were not linked) are the
changelog's own scores (``Changelog.scores``), never scored again, so trace
shows the numbers linking saw. Linked comments show the link's own confidence
and evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from revtool.changes.table import UNLINKED_MARK, Changelog
from revtool.changes.decisions import Decisions
from revtool.model import Change, ChangeRow, Comment, Document, Link, ResponseType, Section, SectionPath
from revtool.normalize import normalize_key
from revtool.views.section_query import find_sections

RUNNERS_UP = 3


@dataclass(frozen=True)
class Target:
    kind: str  # row | comment | section
    value: str


def parse_target(text: str) -> Target:
    """``R3`` / ``r3`` → row, ``C01`` / ``C1`` → comment (zero-padded as in
    docs/ARCHITECTURE.md §4), anything else → a section query."""
    t = text.strip()
    m = re.fullmatch(r"[RrＲｒ]\s*([0-9０-９]+)", t)
    if m:
        return Target("row", f"R{int(m.group(1))}")
    m = re.fullmatch(r"[CcＣｃ]\s*([0-9０-９]+)", t)
    if m:
        return Target("comment", f"C{int(m.group(1)):02d}")
    return Target("section", t)


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class LinkedComment:
    comment: Comment
    link: Link


@dataclass(frozen=True)
class RunnerUp:
    """A comment or row that scored but was not linked."""

    comment: Comment
    row_id: str
    score: float
    evidence: str


@dataclass(frozen=True)
class RowTrace:
    row: ChangeRow
    linked: tuple[LinkedComment, ...]
    runners_up: tuple[RunnerUp, ...]
    excluded: bool = False
    decided: tuple[str, ...] = ()  # decisions.toml about this row, in words


def _unlinked_scores(log: Changelog, *, row_id: str | None = None,
                     comment_id: str | None = None) -> list[tuple[str, str, float, str]]:
    """(comment id, row id, score, evidence) of every scored pair that is not a
    link, in the changelog's order; only the row's or the comment's when named
    (picked before anything is built: the scores grow faster than the plan)."""
    linked = {(l.comment_id, l.row_id) for l in log.links}
    return [(s.comment_id, s.row_id, s.score, s.evidence) for s in log.scores_of(comment_id, row_id)
            if s.score > 0 and (s.comment_id, s.row_id) not in linked]


def find_row(log: Changelog, base: Changelog | None, row_id: str) -> tuple[ChangeRow | None, bool]:
    """The row as shown, else (excluded by a decision) as generated."""
    for r in log.rows:
        if r.id == row_id:
            return r, False
    if base is not None and row_id in log.excluded:
        for r in base.rows:
            if r.id == row_id:
                return r, True
    return None, False


def row_trace(log: Changelog, row_id: str, base: Changelog | None = None, decided: Sequence[str] = ()) -> RowTrace | None:
    row, excluded = find_row(log, base, row_id)
    if row is None:
        return None
    by_id = {c.id: c for c in log.comments}
    linked = tuple(
        LinkedComment(by_id[l.comment_id], l) for l in log.links if l.row_id == row_id and l.comment_id in by_id
    )
    runners = [
        RunnerUp(by_id[c], r, s, ev) for c, r, s, ev in _unlinked_scores(log, row_id=row_id) if c in by_id
    ]
    return RowTrace(row, linked, tuple(runners[:RUNNERS_UP]), excluded, tuple(decided))


# ---------------------------------------------------------------- comments


@dataclass(frozen=True)
class CommentTrace:
    comment: Comment
    rows: tuple[tuple[ChangeRow, Link], ...]
    runners_up: tuple[RunnerUp, ...]
    warning: str = ""


def comment_trace(log: Changelog, comment_id: str) -> CommentTrace | None:
    by_id = {c.id: c for c in log.comments}
    comment = by_id.get(comment_id)
    if comment is None:
        return None
    rows = {r.id: r for r in log.rows}
    linked = tuple((rows[l.row_id], l) for l in log.links if l.comment_id == comment_id and l.row_id in rows)
    runners = tuple(
        RunnerUp(comment, r, s, ev) for c, r, s, ev in _unlinked_scores(log, comment_id=comment_id) if r in rows
    )[:RUNNERS_UP]
    warning = ""
    if comment.response_type == ResponseType.REFLECTED and not linked:
        # not when the change table set its rows aside because a 文言整理 where it points answered it
        if not any(UNLINKED_MARK in s.evidence for s in log.scores_of(comment_id)):
            warning = "区の考え方は「反映」ですが、対応する変更が見つかりません。"
    elif comment.response_type != ResponseType.REFLECTED and linked:
        warning = f"区の考え方は「{comment.response_type.value}」ですが、変更に結び付いています。"
    return CommentTrace(comment, linked, runners, warning)


# ---------------------------------------------------------------- sections


@dataclass(frozen=True)
class VersionDoc:
    """One ingested version as the section history needs it."""

    label: str
    commit: str
    date: datetime
    cites: tuple[str, ...]
    message: str
    doc: Document


@dataclass(frozen=True)
class SectionStep:
    label: str
    commit: str
    date: datetime
    cites: tuple[str, ...]
    message: str
    path: SectionPath  # () when the section is absent from this version
    pages: tuple[int, ...]
    status: str  # 新規 | 変更 | 変更なし | なし | 削除
    text: str


def locate(doc: Document, query: str, like: SectionPath = ()) -> tuple[SectionPath, Section] | None:
    """The section of ``doc`` a query (or a path found in another version) names."""
    if like:
        sec = doc.find(like)
        if sec is not None:
            return like, sec
        titles = tuple(_title_key(h) for h in like)
        for p, s in doc.walk():
            if tuple(_title_key(h) for h in p) == titles:
                return p, s
    hits = find_sections(doc, query)
    return hits[0] if hits else None


def _title_key(heading: str) -> str:
    """A heading without its number: 「施策5　子育て…」→「子育て…」."""
    h = normalize_key(heading)
    h = re.sub(r"^(第[0-9]+[章節部編]|施策[0-9]+|基本目標[0-9]+|[0-9]+(?:[-.][0-9]+)*\.?|\([0-9]+\)|[①-⑳]|[ア-ン])\s*", "", h)
    return re.sub(r"\s+", "", h)


def section_history(versions: Sequence[VersionDoc], query: str) -> list[SectionStep]:
    """The section in every version, oldest first, with what happened to it."""
    latest = next((locate(v.doc, query) for v in reversed(versions) if locate(v.doc, query)), None)
    like = latest[0] if latest else ()
    steps: list[SectionStep] = []
    previous: Section | None = None
    seen = False
    for v in versions:
        hit = locate(v.doc, query, like)
        if hit is None:
            status = "削除" if seen else "なし"
            steps.append(SectionStep(v.label, v.commit, v.date, v.cites, v.message, (), (), status, ""))
            previous = None
            continue
        path, sec = hit
        if not seen:
            status = "新規" if steps else "初版"
        elif previous is None:
            status = "新規"
        elif previous.content_hash == sec.content_hash:
            status = "変更なし"
        else:
            status = "変更"
        seen = True
        pages = sec.pages.as_list() if sec.pages else []
        steps.append(SectionStep(v.label, v.commit, v.date, v.cites, v.message, path, tuple(pages), status, _all_text(sec)))
        previous = sec
    return steps


def _all_text(sec: Section) -> str:
    return "\n".join([sec.own_text()] + [_all_text(c) for c in sec.children]).strip()


# ---------------------------------------------------------------- display helpers


@dataclass(frozen=True)
class ChangeGroup:
    """A change and the same edit repeated in other sections (a column added to
    the indicator table of every 施策)."""

    change: Change
    repeats: tuple[Change, ...] = ()


def fold_repeats(changes: Sequence[Change]) -> list[ChangeGroup]:
    """Changes in order, each edit repeated elsewhere shown once."""
    groups: dict[tuple[str, ...], list[Change]] = {}
    for c in changes:
        k: tuple[str, ...] = (str(c.kind), c.block_kind, c.location, normalize_key(c.old_text), normalize_key(c.new_text))
        if not (c.old_text or c.new_text):
            k = k + (c.id,)
        groups.setdefault(k, []).append(c)
    return [ChangeGroup(cs[0], tuple(cs[1:])) for cs in groups.values()]


def distinguishing_heading(path: SectionPath, others: Sequence[SectionPath]) -> str:
    """The first heading of ``path`` not shared by all ``others``, by its number
    when it has one (施策2); the last heading otherwise."""
    for i, h in enumerate(path):
        if any(len(o) <= i or o[i] != h for o in others):
            return re.split(r"[\s\u3000]", h, maxsplit=1)[0] or h
    return path[-1] if path else ""


def section_links(log: Changelog, path: SectionPath) -> tuple[list[ChangeRow], list[Comment]]:
    """Rows with a change in the section (or below it) and comments resolved to
    it (or to a section containing it, or below it), by titles without numbers."""
    key = tuple(_title_key(h) for h in path)

    def related(p: SectionPath) -> bool:
        k = tuple(_title_key(h) for h in p)
        n = min(len(k), len(key))
        return bool(n) and k[:n] == key[:n]

    def inside(p: SectionPath) -> bool:
        k = tuple(_title_key(h) for h in p)
        return len(k) >= len(key) and k[: len(key)] == key

    rows = [r for r in log.rows if any(inside(c.section_path) or inside(c.old_section_path) for c in r.changes)]
    comments = [c for c in log.comments if any(related(p) and len(p) >= len(key) - 1 for p in c.resolved_section_paths)]
    return rows, comments


def row_decision_notes(decisions: Decisions, accepted: "set[str] | frozenset[str]", row_id: str) -> list[str]:
    """What decisions.toml says about a row, in words."""
    d = decisions.row(row_id)
    notes = []
    if row_id in accepted:
        notes.append("確認済み")
    notes += [f"{c} とのリンクを確定" for c, r in decisions.confirmed if r == row_id]
    notes += [f"{c} とのリンクを却下" for c, r in decisions.rejected if r == row_id]
    if d.summary is not None:
        notes.append("主な変更点を修正")
    if d.item is not None:
        notes.append("項目を修正")
    if d.cause:
        notes.append(f"理由を {d.cause} に指定" + (f"（{d.note}）" if d.note else ""))
    if d.exclude:
        notes.append("別紙2 から除外")
    return notes
