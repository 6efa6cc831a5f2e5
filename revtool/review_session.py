"""The review of the change table's rows, one decision at a time: which rows
come first (lowest confidence; rows an earlier session went through last, so a
second run resumes where one stopped), what an answer means, and each decision
written to decisions.toml and committed as it is made (Ctrl-C loses nothing).

The prompts and the keys a reviewer types are ``render/review_prompt.py``'s;
``parse_review_options`` turns the scripted options (``--link R4=C05`` …) into
the actions ``api.review`` applies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from revtool.errors import RevtoolError
from revtool.workspace import paths
from revtool.changes.decisions import parse_decisions
from revtool.changes.decisions_edit import Action, apply_actions, parse_action, reviewed_rows

if TYPE_CHECKING:
    from revtool.model import ChangeRow
    from revtool.pipeline import PipelineResult
    from revtool.views.trace import RowTrace
    from revtool.workspace.store import Workspace

OPTION_KINDS = ("accept", "reject", "link", "unlink", "summary", "item", "editorial", "cause", "exclude")


def row_ids_of(result: PipelineResult) -> list[str]:
    """Every row a review may name (undecided table's and decided one's), R2 before R10."""
    ids = {r.id for r in result.base.rows} | {r.id for r in result.changelog.rows}
    return sorted(ids, key=lambda r: (len(r), r))


def parse_review_options(result: PipelineResult, options: Mapping[str, Sequence[str]]) -> list[Action]:
    """``{"link": ["R4=C05"], "accept": ["all"]}`` → actions, checked against the
    rows and comments that exist (a ``WorkspaceError`` naming the bad option)."""
    row_ids = row_ids_of(result)
    comment_ids = [c.id for c in result.comments]
    actions: list[Action] = []
    for kind in OPTION_KINDS:
        for spec in options.get(kind, ()):
            actions.extend(parse_action(kind, spec, row_ids, comment_ids))
    return actions


@dataclass
class ReviewSession:
    """One interactive review of ``result``'s rows, committing to ``workspace``."""

    workspace: Workspace
    result: PipelineResult
    text: str = ""
    saved: int = 0
    reviewed: set[str] = field(default_factory=set)
    _rows: dict[str, Any] = field(default_factory=dict)
    _fingerprints: Mapping[str, str] = field(default_factory=dict)
    seen: int = 0  # rows only marked as gone through (their decisions unchanged)

    @classmethod
    def start(cls, workspace: Workspace, result: PipelineResult) -> ReviewSession:
        from revtool.api import review_rows
        from revtool.comments.fingerprint import LazyFingerprints

        fingerprints = LazyFingerprints(result.comments)
        return cls(workspace, result, result.decisions_text, 0, reviewed_rows(result.decisions_text),
                   review_rows(result), fingerprints)

    @property
    def comment_ids(self) -> list[str]:
        return [c.id for c in self.result.comments]

    def order(self) -> list[ChangeRow]:
        """Lowest confidence first; rows already reviewed come last."""
        return sorted(self.result.changelog.rows, key=lambda r: (
            r.id in self.reviewed, r.cause.confidence, int(r.id[1:]) if r.id[1:].isdigit() else 0))

    def pending(self) -> list[ChangeRow]:
        return [r for r in self.order() if r.id not in self.reviewed]

    def row_trace(self, row: ChangeRow) -> RowTrace:
        from revtool.views.trace import row_decision_notes, row_trace

        notes = row_decision_notes(self.result.decisions, self.reviewed, row.id)
        trace = row_trace(self.result.changelog, row.id, self.result.base, notes)
        assert trace is not None
        return trace

    def check(self, kind: str, row_id: str, value: str) -> str:
        """The Japanese message saying why ``value`` is not a valid answer; "" when it is."""
        try:
            parse_action(kind, f"{row_id}={value}", [row_id], self.comment_ids)
        except RevtoolError as exc:
            return exc.message
        return ""

    def actions(self, row: ChangeRow, kind: str, value: str = "") -> list[Action]:
        """What an answer does to ``row``; ``value`` is the typed value of link,
        unlink, summary, item and cause ("" cancels them)."""
        if kind in ("skip", "quit"):
            return []
        if kind == "link":
            if not value:
                return []
            return [*(Action("unlink", row.id, c) for c in row.cause.comment_ids if c != value), Action("link", row.id, value)]
        if kind in ("summary", "item"):
            current = row.summary if kind == "summary" else row.item
            return [Action(kind, row.id, value)] if value and value != current else []
        if kind in ("unlink", "cause"):
            return [Action(kind, row.id, value)] if value else []
        return [Action(kind, row.id)]

    def decide(self, row_id: str, actions: Sequence[Action]) -> list[str]:
        """Record the actions and that the row was seen; commit when decisions.toml
        changes. Returns what was done (Japanese lines)."""
        text, done = apply_actions(self.text, [*actions, Action("seen", row_id)], self._rows, self._fingerprints)
        parse_decisions(text)  # the text stays readable
        if text == self.text:
            return []
        old, new = self.result.old, self.result.new
        message = f"レビュー: {old} → {new} {row_id}\n\n" + "\n".join(f"- {d}" for d in done or ["確認のみ"])
        self.workspace.commit_files({paths.DECISIONS: text.encode("utf-8")}, message, {"Revtool-Review": f"{old}..{new}"})
        self.text = text
        self.saved += len(done)
        self.seen += not done
        return list(done)
