"""Terminal views of a workspace: the version list, a section tree, a section's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.tree import Tree

from revtool.model import Block, Document, Section, SectionPath
from revtool.render.text import page_range


def versions_table(infos: Sequence[Any]) -> RichTable:
    """``VersionInfo``s as a table: label, date, source, sha256, sections, commit."""
    table = RichTable("版", "日時", "元ファイル", "sha256", "節の数", "コミット")
    for info in infos:
        table.add_row(info.label, str(info.date)[:19], info.source, info.sha256[:12], str(info.section_count), info.commit[:8])
    return table


def section_tree(doc: Document, version: str) -> Tree:
    root = Tree(f"[bold]{escape(version)}[/bold]  {escape(doc.title)}")

    def add(node: Tree, section: Section) -> None:
        label = escape(section.heading)
        if section.pages is not None:
            label += f"  [dim]{page_range(section.pages)}[/dim]"
        child = node.add(label)
        for sub in section.children:
            add(child, sub)

    for section in doc.sections:
        add(root, section)
    return root


def section_body(path: SectionPath, sec: Section) -> list[RenderableType]:
    """A section as ``revtool show`` prints it: a rule with its path, its pages, its blocks."""
    parts: list[RenderableType] = [Rule(" ＞ ".join(path)), f"ページ: {page_range(sec.pages)}"]
    for block in sec.blocks:
        if block.table is not None:
            parts.append(block_table(block))
        else:
            parts.append(escape((block.label + " " if block.label else "") + block.text))
        parts.append("")
    return parts


def block_table(block: Block) -> RichTable:
    assert block.table is not None
    rows = block.table.texts()
    header = rows[: block.table.header_rows] or rows[:1]
    table = RichTable(show_lines=True)
    for heading in header[0]:
        table.add_column(escape(heading), overflow="fold")
    for row in rows[len(header):]:
        table.add_row(*[escape(c) for c in row])
    return table
