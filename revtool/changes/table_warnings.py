"""The consistency warnings of a change table: a comment whose 素案該当箇所
names no section, a 反映 answer with no change behind it, a row whose cause
is unknown. Pure."""

from __future__ import annotations

from revtool.changes.editorial_answers import EditorialIndex, answered_by_editorial
from revtool.changes.table import ChangelogWarning
from revtool.model import CauseType, Change, ChangeRow, Comment, Link, ResponseType


def changelog_warnings(
    rows: list[ChangeRow], comments: list[Comment], links: tuple[Link, ...],
    editorial: "list[Change] | EditorialIndex | None" = None,
) -> list[ChangelogWarning]:
    out: list[ChangelogWarning] = []
    shown = {r.id for r in rows}
    linked = {l.comment_id for l in links if l.row_id in shown}
    by_id = {c.id: c for c in comments}
    for c in comments:
        # 「No.6と同様です」: the answer is No.6's, and so is the place it answers
        source = by_id.get(c.same_answer_as) if c.same_answer_as else None
        # 「計画全体」 points at the whole plan: nothing to find, nothing unresolved
        if not c.resolved_section_paths and not c.locator.whole and not (source is not None and source.resolved_section_paths):
            out.append(
                ChangelogWarning(
                    "unresolved-comment",
                    f"{c.id}: 素案該当箇所「{c.ref}」に当たる節が見つかりません。",
                    comment_id=c.id,
                )
            )
        if c.response_type == ResponseType.REFLECTED and c.id not in linked \
                and not answered_by_editorial(source or c, editorial or []):
            out.append(
                ChangelogWarning(
                    "reflected-without-change",
                    f"{c.id}: 回答（考え方）は「反映」ですが、対応する変更が案に見つかりません。",
                    comment_id=c.id,
                )
            )
    for r in rows:
        if r.cause.type == CauseType.UNKNOWN:
            out.append(
                ChangelogWarning(
                    "unknown-cause",
                    f"{r.id}: {r.item} の変更の理由（意見・外部の改定等）が見つかりません。decisions.toml で指定してください。",
                    row_id=r.id,
                )
            )
    return out
