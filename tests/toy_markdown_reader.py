"""A toy document reader for tests: Markdown headings (#, ##) and paragraphs.
It shows what adding an input format takes: this module and one registry line."""

from __future__ import annotations

from pathlib import Path

from revtool.errors import InputFileError
from revtool.extract.base import RawHeading, RawItem
from revtool.extract.outline import build_outline
from revtool.extract.readers import DocumentReader, ReadOptions
from revtool.model import Block, BlockKind, Document


def check(path: Path, head: bytes, max_bytes: int) -> None:
    if b"\0" in head:
        raise InputFileError(f"{path.name}: Markdown ではありません。")


def read(path: Path, options: ReadOptions) -> Document:
    items: list[RawItem] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            items.append(RawHeading(line.lstrip("#").strip(), level_hint=level, certain=True))
        elif line.strip():
            items.append(Block(BlockKind.PARAGRAPH, line.strip()))
    front, sections = build_outline(items)
    return Document(title=path.stem, front=front, sections=sections)


READER = DocumentReader("md", (".md",), check, "tests.toy_markdown_reader:read")
