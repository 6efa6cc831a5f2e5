"""The change table as Markdown (the official three columns)."""

from __future__ import annotations

from revtool.changes.table import Changelog
from revtool.render.changelog_common import HEADER, TITLE, ChangelogMeta, cause_label, table_rows
from revtool.render.options import ChangelogFile, RenderOptions


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\r", "").replace("\n", "<br>")


def changelog_md(log: Changelog, meta: ChangelogMeta, with_review: bool = False) -> str:
    """The publishable table; ``with_review`` adds a 「確認用」 section (理由, 確信度,
    確認が必要な点) after it, for staff."""
    plan = f"{meta.plan}　" if meta.plan else ""
    lines = [
        f"# {TITLE}",
        "",
        f"{plan}{meta.old.version} → {meta.new.version}",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|---|---|---|",
    ]
    for item, pages, summary in table_rows(log.rows):
        lines.append(f"| {_cell(item)} | {_cell(pages)} | {_cell(summary)} |")
    if not log.rows:
        lines.append("| （変更なし） |  |  |")
    lines.append("")
    lines.append(f"文言整理等の一部修正 {log.editorial_count} 件は掲載していません。")
    if with_review:
        lines += ["", "## 確認用（公表しない）", "", "| ID | 項目 | 理由 | 確信度 |", "|---|---|---|---|"]
        lines += [f"| {r.id} | {_cell(r.item)} | {_cell(cause_label(r))} | {r.cause.confidence:.2f} |" for r in log.rows]
        if log.warnings:
            lines += ["", "### 確認が必要な点", ""]
            lines += [f"- {m}" for m in dict.fromkeys(w.message for w in log.warnings)]
    return "\n".join(lines) + "\n"


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as Markdown."""
    return changelog_md(result.changelog, result.meta, with_review=options.with_review).encode("utf-8")
