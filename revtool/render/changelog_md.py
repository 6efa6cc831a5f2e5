"""The change table as Markdown (the official three columns)."""

from __future__ import annotations

from revtool.changes.changelog import Changelog
from revtool.render.changelog_common import HEADER, TITLE, ChangelogMeta, table_rows
from revtool.render.options import ChangelogFile, RenderOptions


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\r", "").replace("\n", "<br>")


def changelog_md(log: Changelog, meta: ChangelogMeta) -> str:
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
    if log.warnings:
        lines += ["", "## 確認が必要な点", ""]
        lines += [f"- {w.message}" for w in log.warnings]
    return "\n".join(lines) + "\n"


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as Markdown."""
    return changelog_md(result.changelog, result.meta).encode("utf-8")
