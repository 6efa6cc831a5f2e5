"""The change table (別紙2) as data: its rows, links, warnings and the scored
pairs behind the links. Pure, and nothing else: what a view needs to read a
kept table back (``workspace/cache.py``) without loading the stages that
build it (``changelog.py``, ``link.py`` and the modules beside them: issue 15)."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.lazy_fields import LazyFields, loader_of
from revtool.model import ChangeRow, Comment, Link

UNLINKED_MARK = "リンクしない："  # in the evidence of a pair set aside, before the reason


@dataclass(frozen=True)
class Scored:
    comment_id: str
    row_id: str
    score: float
    relation: str
    evidence: str
    promised: bool = False  # the answer is 反映 or says the plan is edited
    named: float = 0.0  # how strongly the answer names this very row (a quote found in it, its title)
    fits: int = 0  # the answer's promised kind of edit: 2 names the row's very edit (a split, a value), 1 agrees with it, -1 contradicts it, 0 says nothing
    shared: str = ""  # the words the comment shares with the row's changed text (a phrase of the answer or the opinion), when they count


@dataclass(frozen=True)
class ChangelogWarning:
    code: str  # reflected-without-change | unknown-cause | unresolved-comment
    message: str
    comment_id: str = ""
    row_id: str = ""


@dataclass(frozen=True)
class Changelog(LazyFields):
    """A change table; read back from the workspace cache, its fields are read
    when first used (``revtool/result_parts.py``)."""

    rows: tuple[ChangeRow, ...]
    comments: tuple[Comment, ...]
    links: tuple[Link, ...]
    editorial_count: int
    warnings: tuple[ChangelogWarning, ...] = ()
    excluded: tuple[str, ...] = ()  # row ids excluded by decisions
    scores: tuple[Scored, ...] = ()  # every (comment, row) pair linking scored, with its evidence

    def scores_of(self, comment_id: str | None = None, row_id: str | None = None) -> tuple[Scored, ...]:
        """The scored pairs of one comment and/or one row, in the table's order
        (a table read back from the cache reads only theirs, not every score)."""
        load = loader_of(self)
        if load is not None and not self.loaded("scores") and hasattr(load, "scores_of"):
            got = load.scores_of(comment_id, row_id)
            if got is not None:
                return tuple(got)
        return tuple(s for s in self.scores
                     if (comment_id is None or s.comment_id == comment_id) and (row_id is None or s.row_id == row_id))

    def row_ids_for(self, comment_id: str) -> list[str]:
        return self._row_ids().get(comment_id, [])

    def _row_ids(self) -> dict[str, list[str]]:
        """Comment id -> shown row ids, built once (40,000 comments x their links)."""
        cached = self.__dict__.get("_row_ids_cache")
        if cached is None:
            shown = {r.id for r in self.rows}
            cached = {}
            for l in self.links:
                if l.row_id in shown:
                    cached.setdefault(l.comment_id, []).append(l.row_id)
            object.__setattr__(self, "_row_ids_cache", cached)
        return cached
