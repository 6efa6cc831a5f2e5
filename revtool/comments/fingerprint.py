"""A comment's identity that survives a re-import of a corrected table.

Comment ids (``C`` + the 1-based row number) are for display: remove one row
from 別紙1 and every later id shifts. Decisions about a comment are therefore
keyed by a fingerprint of what the comment *says* — 該当箇所 + 意見 + 考え方,
each through the comparison key (width, spacing and punctuation variants do
not change it) — and the id is re-resolved from the fingerprint.

Pure: comments in, mapping out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from revtool.model import Comment
from revtool.normalize import normalize_key

_SEPARATOR = "\x1f"


def comment_fingerprint(c: Comment) -> str:
    """16 hex digits of sha256 over the normalized 該当箇所, 意見 and 考え方."""
    key = _SEPARATOR.join(normalize_key(part) for part in (c.ref, c.opinion, c.response))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class IdChange:
    """What became of a comment id a decision names."""

    old_id: str
    new_id: str | None  # None: no comment with this fingerprint any more
    fingerprint: str

    @property
    def vanished(self) -> bool:
        return self.new_id is None

    def describe(self) -> str:
        if self.new_id is None:
            return f"意見 {self.old_id} は取り込み直した意見の表にありません（削除または内容の修正）。この意見への判断は適用しません。"
        return f"意見 {self.old_id} は {self.new_id} に移りました。判断は {self.new_id} に付け替えます。"


def resolve_ids(
    wanted: Mapping[str, str], comments: Sequence[Comment]
) -> tuple[dict[str, str | None], list[IdChange]]:
    """``wanted``: comment id as written in a decision -> its recorded fingerprint.
    Returns (old id -> current id or None, the ids that moved or vanished).

    A comment still at its id keeps it; otherwise the first comment with the
    same fingerprint not already claimed takes the decision (two identical
    comments keep their order). Every comment's fingerprint is computed only
    when one has moved: the usual case (no re-import since the decisions) reads
    the few comments the decisions name, not all 40,000 (issue 15)."""
    by_id = {c.id: c for c in comments}
    mapping: dict[str, str | None] = {}
    claimed: set[str] = set()
    for old_id, fp in wanted.items():  # first those that did not move
        here = by_id.get(old_id)
        if here is not None and comment_fingerprint(here) == fp:
            mapping[old_id] = old_id
            claimed.add(old_id)
    changes: list[IdChange] = []
    if len(mapping) == len(wanted):
        return mapping, changes
    by_fp: dict[str, list[str]] = {}
    for c in comments:
        by_fp.setdefault(comment_fingerprint(c), []).append(c.id)
    for old_id, fp in wanted.items():
        if old_id in mapping:
            continue
        new_id = next((i for i in by_fp.get(fp, ()) if i not in claimed), None)
        if new_id is not None:
            claimed.add(new_id)
        mapping[old_id] = new_id
        changes.append(IdChange(old_id, new_id, fp))
    return mapping, changes


def fingerprints_of(ids: Iterable[str], comments: Sequence[Comment]) -> dict[str, str]:
    """Fingerprints of the comments with these ids (ids not found are left out)."""
    by_id = {c.id: c for c in comments}
    return {i: comment_fingerprint(by_id[i]) for i in ids if i in by_id}


class LazyFingerprints(Mapping[str, str]):
    """Comment id -> fingerprint of every comment, each computed when first asked
    for: a review action records the fingerprints of the few comments it links,
    not of all 40,000 (issue 15)."""

    def __init__(self, comments: Sequence[Comment]) -> None:
        self._by_id = {c.id: c for c in comments}
        self._done: dict[str, str] = {}

    def __getitem__(self, comment_id: str) -> str:
        got = self._done.get(comment_id)
        if got is None:
            got = self._done[comment_id] = comment_fingerprint(self._by_id[comment_id])
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)
