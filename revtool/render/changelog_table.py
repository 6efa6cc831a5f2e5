"""The change table for the terminal: a rich table plus the warnings."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from revtool.changes.table import Changelog
from revtool.model import CauseType
from revtool.render.changelog_common import TITLE, ChangelogMeta, cause_label, pages_label
from revtool.render.warning_summary import coded_kinds, summary_lines

WARNINGS_AT = "revtool changelog --format json の warnings と revtool review OLD NEW --warnings"

_CAUSE_STYLE = {
    CauseType.COMMENT: "green",
    CauseType.EXTERNAL: "cyan",
    CauseType.INTERNAL: "blue",
    CauseType.UNKNOWN: "yellow",
}


def changelog_table(log: Changelog, meta: ChangelogMeta) -> Group:
    if not log.rows:
        return Group(
            Text(f"{meta.old.version} と {meta.new.version} の間に、掲載する変更はありません。"),
            Text(f"文言整理等の一部修正 {log.editorial_count} 件は掲載していません。", style="dim"),
        )
    table = Table(title=f"{TITLE}（{meta.old.version} → {meta.new.version}）", show_lines=True, expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("項目", ratio=3, overflow="fold")
    table.add_column("案のページ", ratio=1, overflow="fold")
    table.add_column("主な変更点 ※文言整理等の一部修正は除く", ratio=6, overflow="fold")
    table.add_column("理由", ratio=1, overflow="fold")
    for r in log.rows:
        table.add_row(
            r.id,
            r.item,
            pages_label(r),
            r.summary,
            Text(cause_label(r), style=_CAUSE_STYLE[r.cause.type]),
        )
    parts: list[object] = [table, Text(f"文言整理等の一部修正 {log.editorial_count} 件は掲載していません。", style="dim")]
    messages = list(dict.fromkeys(w.message for w in log.warnings))  # each once
    for line in summary_lines(messages, WARNINGS_AT, coded_kinds(log.warnings, messages)):
        parts.append(Text(line, style="yellow"))
    if messages:
        parts.append(Text(
            f"→ 理由の確認・指定は revtool review {meta.old.version} {meta.new.version} で行えます（注意 {len(messages)} 件）。"
        ))
    return Group(*parts)  # type: ignore[arg-type]
