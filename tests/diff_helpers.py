"""Build Documents from a small plain-text plan format, for the diff tests.

    # 第1章　総則            heading; the number of # is the level
    本文の段落。              a paragraph
    ・項目                    a list item (label ・, ①, ア …)
    | 指標 | 現状値 |          consecutive | lines make a table, first row = header
    @p 12                     printed page of the blocks that follow
"""

from __future__ import annotations

import re
from pathlib import Path

from revtool.model import Block, BlockKind, Document, PageSpan, Section, Table

_NUM = re.compile(r"^(第[0-9０-９]+章|施策[0-9]+|[0-9]+\.|（[0-9]+）)[\s\u3000]*")
_LIST = re.compile(r"^([・①-⑳]|[ア-ン][.．])\s*")


def _section(heading: str, level: int, blocks: list[Block], children: list[Section], pages: list[int]) -> Section:
    m = _NUM.match(heading)
    number = m.group(1) if m else ""
    title = heading[m.end():] if m else heading
    marker = {"第": "chapter", "施": "measure", "（": "paren"}.get(number[:1], "decimal" if number else "")
    span = PageSpan(min(pages), max(pages)) if pages else None
    return Section(heading=heading, number=number, title=title, level=level, marker=marker,
                   blocks=tuple(blocks), children=tuple(children), pages=span)


def parse_plan(text: str, title: str = "") -> Document:
    root: list = [[], [], []]  # blocks, children, pages for the document level
    stack: list[tuple[str, int, list]] = []  # (heading, level, [blocks, children, pages])
    page: int | None = None
    table_rows: list[list[str]] = []

    def current() -> list:
        return stack[-1][2] if stack else root

    def flush_table() -> None:
        if table_rows:
            t = Table.from_texts([list(r) for r in table_rows])
            add(Block(BlockKind.TABLE, t.as_text(), table=t, pages=_span()))
            table_rows.clear()

    def _span() -> PageSpan | None:
        return PageSpan(page, page) if page is not None else None

    def add(block: Block) -> None:
        cur = current()
        cur[0].append(block)
        if page is not None:
            cur[2].append(page)

    def close_to(level: int) -> None:
        while stack and stack[-1][1] >= level:
            heading, lvl, (blocks, children, pages) = stack.pop()
            sec = _section(heading, lvl, blocks, children, pages)
            parent = current()
            parent[1].append(sec)
            parent[2].extend(pages)

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            table_rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            continue
        if line.startswith("@p "):
            page = int(line[3:])
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            close_to(level)
            stack.append((line[level:].strip(), level, [[], [], [page] if page is not None else []]))
            continue
        m = _LIST.match(line)
        if m:
            add(Block(BlockKind.LIST, line, label=m.group(1), pages=_span()))
        else:
            add(Block(BlockKind.PARAGRAPH, line, pages=_span()))
    flush_table()
    close_to(0)
    return Document(title=title, front=tuple(root[0]), sections=tuple(root[1]))


def load_plan(path: Path) -> Document:
    return parse_plan(path.read_text(encoding="utf-8"), title=path.stem)
