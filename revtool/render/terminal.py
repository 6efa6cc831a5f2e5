"""Terminal views of a workspace: the version list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table as RichTable


def versions_table(infos: Sequence[Any]) -> RichTable:
    """``VersionInfo``s as a table: label, date, source, sha256, sections, commit."""
    table = RichTable("版", "日時", "元ファイル", "sha256", "節の数", "コミット")
    for info in infos:
        table.add_row(info.label, str(info.date)[:19], info.source, info.sha256[:12], str(info.section_count), info.commit[:8])
    return table
