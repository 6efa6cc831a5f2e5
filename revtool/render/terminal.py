"""Terminal views of a workspace: the console every command prints through,
the version list, a version's section tree and sections with their text."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from revtool.model import Block, Document, Section, SectionPath
from revtool.render.text import page_range


def versions_table(infos: Sequence[Any]) -> RichTable:
    """``VersionInfo``s as a table: label, date, source, sha256, sections, commit."""
    table = RichTable("版", "日時", "元ファイル", "sha256", "節の数", "コミット")
    for info in infos:
        table.add_row(info.label, str(info.date)[:19], info.source, info.sha256[:12], str(info.section_count), info.commit[:8])
    return table


def ingest_report(got: Any, file_name: str) -> tuple[list[str], str]:
    """What ``revtool ingest`` says for an ``api.Ingested``: the reading's
    warnings (for stderr) and one line on what was recorded."""
    version = got.version
    if got.document is None:
        return [], f"「{version}」は {file_name} と同じ内容で取り込み済みです。変更はありません。"
    warnings = [f"注意: {w}" for w in got.warnings]
    if not got.created:
        return warnings, f"「{version}」は同じ内容で取り込み済みです。変更はありません。"
    if got.tag_moved:
        return warnings, (f"「{version}」を {file_name} で取り込み直しました（{got.section_count} 節、"
                          f"コミット {got.commit[:8]}）。以前の版も履歴に残っています。")
    return warnings, (f"「{version}」として {file_name} を取り込みました（{got.section_count} 節、"
                      f"コミット {got.commit[:8]}、タグ revtool/{version}）。")


def make_console(stderr: bool = False) -> Console:
    """The console every command prints through.

    Markup and emoji codes are OFF: what we print is mostly user text (comments
    from the public, headings, file and folder names) and ``[/]``, ``[bold]``,
    ``[link=…]`` or ``:warning:`` in it must print as written, never style the
    output or crash it (``MarkupError``). Style with :func:`styled` instead.
    Plain text (no escape codes) when piped; rich decides from isatty."""
    width = None if os.environ.get("COLUMNS") is None else int(os.environ["COLUMNS"])
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False)


def print_plain(console: Console, text: str) -> None:
    """``text`` and a newline as ``console.print(text, soft_wrap=True)`` prints it
    (markup, emoji and highlighting are off: ``make_console``) — control codes
    removed, no wrapping — without rich making a ``Text`` of every line (thousands
    of warnings: a second at 1,200 pages, issue 15). Text with a tab (which rich
    expands) goes through rich."""
    from rich.control import strip_control_codes

    if "\t" in text:
        console.print(text, markup=False, soft_wrap=True)
        return
    console.file.write(strip_control_codes(text) + "\n")
    console.file.flush()


def styled(*parts: str | tuple[str, str]) -> Text:
    """Rich text from literal parts: ``styled((version, "bold"), "  ", title)``.
    Nothing in the parts is read as markup, so user text is safe in any part."""
    return Text.assemble(*parts)


def section_tree(doc: Document, version: str, depth: int | None = None) -> Tree:
    """The section tree of ``doc`` (``revtool show VERSION``), ``depth`` levels deep."""
    root = Tree(styled((version, "bold"), "  ", doc.title))

    def add(node: Tree, section: Section, level: int) -> None:
        label = styled(section.heading)
        if section.pages is not None:
            label = styled(section.heading, "  ", (page_range(section.pages), "dim"))
        child = node.add(label)
        if depth is None or level < depth:
            for sub in section.children:
                add(child, sub, level + 1)

    for section in doc.sections:
        add(root, section, 1)
    return root


def tree_view(doc: Document, version: str, entries: Sequence[tuple[SectionPath, Section]],
              depth: int | None = None) -> list[RenderableType]:
    """``revtool show VERSION``: the section tree, and a note when no section has printed pages."""
    out: list[RenderableType] = [section_tree(doc, version, depth)]
    if not any(s.pages for _, s in entries):
        out.append(Text("（ページ番号はありません。DOCX は --pages-from で同じ文書の PDF を指定すると印刷ページが付きます。）"))
    return out


def section_view(query: str, entries: list[tuple[SectionPath, Section]], depth: int | None = None) -> Iterator[RenderableType]:
    """The sections a query found, each with its path, pages, text and tables
    and its subsections ``depth`` levels deep (``revtool show VERSION SECTION``)."""
    from revtool.views.section_query import match_note, subtree, without_nested

    note = match_note(query, entries)
    if note:
        yield styled(note)
    for path, sec, level in [x for p, s in without_nested(entries) for x in subtree(p, s, depth)]:
        if level == 0:  # the full path, never cut (a rule's title would be)
            yield Rule()
            yield styled((" ＞ ".join(path), "bold"))
        else:
            yield styled("  " * (level - 1), (sec.heading, "bold"))
        yield Text(f"ページ: {page_range(sec.pages)}")
        for block in sec.blocks:
            yield block_table(block) if block.table is not None else Text((block.label + " " if block.label else "") + block.text)
            yield Text("")


def block_table(block: Block) -> RichTable:
    """A table block as a rich table (header rows as columns)."""
    assert block.table is not None
    rows = block.table.texts()
    header = rows[: block.table.header_rows] or rows[:1]
    table = RichTable(show_lines=True)
    for heading in header[0]:
        table.add_column(heading, overflow="fold")
    for row in rows[len(header):]:
        table.add_row(*row)
    return table
