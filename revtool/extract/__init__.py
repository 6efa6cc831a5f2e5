"""Turn a document file into a ``Document``. The one entry point is ``extract``;
the formats are the readers in ``READERS`` (see ``readers.py``)."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from revtool.errors import InputFileError
from revtool.extract.readers import DOCX, PDF, DocumentReader, Read, ReadOptions
from revtool.model import Document

__all__ = ["READERS", "DocumentReader", "ReadOptions", "extract", "register_reader", "sniff_format"]

# The document readers, one line each; the first whose suffix matches reads the file.
READERS: list[DocumentReader] = [
    DOCX,
    PDF,
]
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def _check_target(reader: DocumentReader) -> None:
    module, sep, function = reader.read.partition(":")
    if not sep or not function or importlib.util.find_spec(module) is None:
        raise ImportError(f"document reader {reader.format}: {reader.read!r} does not exist")


for _reader in READERS:
    _check_target(_reader)


def register_reader(reader: DocumentReader) -> None:
    """Add a document format (checked now: a misspelt module fails here)."""
    _check_target(reader)
    READERS[:] = [r for r in READERS if r.format != reader.format] + [reader]


def _formats_text() -> str:
    return " または ".join(r.format.upper() for r in READERS)


def reader_for(path: Path) -> DocumentReader | None:
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), None)


def sniff_format(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The format (``"docx"``, ``"pdf"`` …) from the file's name *and* bytes, or raise
    ``InputFileError`` with a Japanese message naming the file."""
    name = path.name
    if not path.exists():
        raise InputFileError(f"{name}: ファイルが見つかりません（{path}）。")
    if path.is_dir():
        raise InputFileError(f"{name}: フォルダです。{_formats_text()} ファイルを指定してください。")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{name}: ファイルが空です（0 バイト）。")
    if size > max_bytes:
        raise InputFileError(
            f"{name}: ファイルが大きすぎます（{size / 1048576:.0f} MB、上限 {max_bytes / 1048576:.0f} MB）。",
            hint="上限は --max-size で変更できます。",
        )
    reader = reader_for(path)
    if reader is None:
        suffix = path.suffix.lower()
        raise InputFileError(
            f"{name}: 対応していない形式です（{suffix or '拡張子なし'}）。{_formats_text()} を指定してください。"
        )
    with path.open("rb") as f:
        head = f.read(8)
    reader.check(path, head, max_bytes)
    return reader.format


def extract(path: Path, *, original: bool = False, password: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, include_comments: bool = False, sha256: str | None = None) -> Document:
    """Extract a document file into a section tree.

    ``original`` reads a DOCX as it was before its tracked changes; ``password``
    opens an encrypted PDF; ``include_comments`` keeps a DOCX's Word comments
    (left out by default: they are reviewers' notes, not plan text); ``sha256``
    is the file's when the caller has hashed it (ingest hashes a file once).
    """
    fmt = sniff_format(path, max_bytes)
    reader = next(r for r in READERS if r.format == fmt)
    module, _, function = reader.read.partition(":")
    read: Read = getattr(importlib.import_module(module), function)
    return read(path, ReadOptions(original=original, password=password, include_comments=include_comments, sha256=sha256))
