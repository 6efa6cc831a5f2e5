"""A change-table result (``pipeline.PipelineResult``) kept in the workspace
cache in parts, and read back a part at a time (issue 15: a view reads what
it shows, not the whole result — at 1,200 pages unpickling all of it was most
of ``trace`` and ``review --warnings`` and grew faster than the plan).

Parts (``workspace/cache.py`` keeps them in one file with an index):

- ``head``: the versions' labels, decisions and their text, metadata, the
  comment moves, and the small fields of both tables;
- ``docs`` (both versions), ``changes``, ``comments``, ``comparison``;
- ``log.<field>`` / ``base.<field>``: the decided table's and the undecided
  one's rows, comments, links, warnings, scores (``base`` only when it is
  another table than ``log``);
- ``log.scores/c/<comment id>`` and ``log.scores/r/<row id>``: the decided
  table's scored pairs of one comment, of one row, in the table's order
  (what ``trace C01`` and ``trace R3`` show as runners-up).

The key is the whole result's (``pipeline.build_for_workspace``): any input
change is another key, as before. Pure apart from what ``Parts`` reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revtool.changes.table import Changelog, Scored
from revtool.lazy_fields import lazy
from revtool.workspace.cache import Parts, Split

if TYPE_CHECKING:
    from revtool.pipeline import PipelineResult

TABLE_FIELDS = ("rows", "comments", "links", "warnings", "scores")  # kept as parts; the others are in the head
SMALL_FIELDS = ("editorial_count", "excluded")


def split_result(result: PipelineResult) -> Split:
    """The parts of ``result`` (the order matters: an object several parts hold is kept in the first)."""
    log, base = result.changelog, result.base
    head = {"old": result.old, "new": result.new, "decisions": result.decisions,
            "decisions_text": result.decisions_text, "meta": result.meta, "comment_moves": result.comment_moves,
            "log": {f: getattr(log, f) for f in SMALL_FIELDS},
            "base": None if base is log else {f: getattr(base, f) for f in SMALL_FIELDS}}
    parts: dict[str, Any] = {"head": head, "docs": (result.old_doc, result.new_doc), "changes": result.changes,
                             "comments": result.comments, "comparison": result.comparison}
    tables = [("log", log)] + ([] if base is log else [("base", base)])
    for prefix, table in tables:
        parts.update({f"{prefix}.{f}": getattr(table, f) for f in TABLE_FIELDS})
    by_comment: dict[str, list[Scored]] = {}
    by_row: dict[str, list[Scored]] = {}
    for s in log.scores:
        by_comment.setdefault(s.comment_id, []).append(s)
        by_row.setdefault(s.row_id, []).append(s)
    parts.update({f"log.scores/c/{c}": tuple(got) for c, got in by_comment.items()})
    parts.update({f"log.scores/r/{r}": tuple(got) for r, got in by_row.items()})
    return Split(parts, shared=("docs", "changes", "comments", "log.rows"),
                 refers=frozenset({"comparison", "log.rows", "log.comments", "base.rows", "base.comments"}))


class _TableLoader:
    """A table's fields from its parts; one comment's or one row's scores without the others."""

    def __init__(self, parts: Parts, prefix: str, small: dict[str, Any]) -> None:
        self.parts, self.prefix, self.small = parts, prefix, small

    def __call__(self, name: str) -> Any:
        if name in self.small:
            return self.small[name]
        return self.parts.get(f"{self.prefix}.{name}")

    def scores_of(self, comment_id: str | None, row_id: str | None) -> tuple[Scored, ...] | None:
        if self.prefix != "log" or comment_id is None and row_id is None:
            return None
        got: tuple[Scored, ...] = (self.parts.get(f"log.scores/c/{comment_id}", ()) if comment_id is not None
                                   else self.parts.get(f"log.scores/r/{row_id}", ()))
        if comment_id is not None and row_id is not None:
            got = tuple(s for s in got if s.row_id == row_id)
        return got


def assemble_result(parts: Parts) -> PipelineResult:
    """The kept result, each part read when a caller first uses it."""
    from revtool.pipeline import PipelineResult

    head = parts.get("head")
    log = lazy(Changelog, _TableLoader(parts, "log", head["log"]))
    base = log if head["base"] is None else lazy(Changelog, _TableLoader(parts, "base", head["base"]))
    fields: dict[str, Any] = {"changelog": log, "base": base}

    def load(name: str) -> Any:
        if name in fields:
            return fields[name]
        if name in head:
            return head[name]
        if name in ("old_doc", "new_doc"):
            return parts.get("docs")[0 if name == "old_doc" else 1]
        return parts.get(name)  # changes, comments, comparison

    return lazy(PipelineResult, load)
