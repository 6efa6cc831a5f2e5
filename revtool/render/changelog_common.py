"""What every change-table renderer shares: the header, page labels, metadata."""

from __future__ import annotations

from revtool.changes.meta import ChangelogMeta, VersionRef, format_note, formats_differ  # noqa: F401 (re-exported)
from revtool.model import CauseType, ChangeRow
from revtool.pages import official_pages

__all__ = ["CAUSE_JA", "HEADER", "TITLE", "ChangelogMeta", "VersionRef", "bulleted", "cause_label", "pages_label", "table_rows"]

TITLE = "素案からの主な変更点"
MARK = "別紙2"  # the attachment mark printed at the top right, as in the published report
REVIEW_COLUMNS = ("ID", "理由", "確信度")  # for staff: out of the publishable table unless asked for
WARNING_JA = {
    "unresolved-comment": "該当箇所が見つからない意見",
    "reflected-without-change": "「反映」だが変更が見つからない意見",
    "unknown-cause": "理由が未確認の行",
}
HEADER = ("項目", "案のページ", "主な変更点 ※文言整理等の一部修正は除く")
CAUSE_JA = {
    CauseType.COMMENT: "意見",
    CauseType.EXTERNAL: "外部の改定等",
    CauseType.INTERNAL: "庁内の見直し",
    CauseType.UNKNOWN: "未確認",
}


def pages_label(row: ChangeRow) -> str:
    """「P. 12、P. 13」 as in the official tables; the row's label (「各施策」) when set."""
    if row.page_label:
        return row.page_label
    if not row.new_pages:
        return ""
    return official_pages(row.new_pages)


def cause_label(row: ChangeRow) -> str:
    label = CAUSE_JA[row.cause.type]
    if row.cause.comment_ids:
        label += "（" + "、".join(row.cause.comment_ids) + "）"
    return label


def plan_heading(meta: "ChangelogMeta") -> str:
    """The line under the title: the plan name and the versions compared."""
    versions = f"（{meta.old.version} → {meta.new.version}）"
    return f"{meta.plan}{versions}" if meta.plan else versions


def warning_kind(code: str) -> str:
    """A warning's code in Japanese (never an English code in a table)."""
    return WARNING_JA.get(code, "確認事項")


def table_rows(rows: tuple[ChangeRow, ...] | list[ChangeRow]) -> list[tuple[str, str, str]]:
    """The three official columns of each row."""
    return [(r.item, pages_label(r), r.summary) for r in rows]


def bulleted(summary: str) -> str:
    """The summary with each 「・」 item on its own line (DOCX, XLSX)."""
    return summary.replace(" ・", "\n・")
