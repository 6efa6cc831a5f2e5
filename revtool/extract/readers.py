"""The document readers revtool ships: DOCX and PDF.

A reader is a ``DocumentReader``: the file suffixes it takes, a cheap ``check``
of the file's first bytes (raising ``InputFileError`` naming the file when they
are not this format), and ``read``, the ``"module:function"`` that turns the
file into a ``Document`` (imported only when a file of this format is read).
A new format (ODT, HTML …) is one module with its reader and one line in
``revtool.extract.READERS``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from revtool.errors import InputFileError
from revtool.model import Document


@dataclass(frozen=True)
class ReadOptions:
    original: bool = False  # a DOCX as it was before its tracked changes
    password: str | None = None  # an encrypted PDF's password
    include_comments: bool = False  # a DOCX's Word comments kept as text (reviewers' notes: left out by default)
    sha256: str | None = None  # the file's sha256 when the caller has it (a reader that records it need not hash again)


Check = Callable[[Path, bytes, int], None]  # (path, first 8 bytes, size cap) -> raises when not this format
Read = Callable[[Path, ReadOptions], Document]


@dataclass(frozen=True)
class DocumentReader:
    format: str  # "docx": the name in Source.format and in messages (upper-cased)
    suffixes: tuple[str, ...]
    check: Check
    read: str  # "module:function", a ``Read``


def _check_pdf(path: Path, head: bytes, max_bytes: int) -> None:
    from revtool.safety import content_note

    if not head.startswith(b"%PDF-"):
        raise InputFileError(f"{path.name}: PDF ではありません{content_note(head) or '（先頭が %PDF- で始まっていません）'}。")


def _check_docx(path: Path, head: bytes, max_bytes: int) -> None:
    from revtool.safety import check_zip, content_note

    name = path.name
    if head.startswith(b"%PDF-"):
        raise InputFileError(f"{name}: 拡張子は .docx ですが、中身は PDF です。")
    if not head.startswith(b"PK"):
        raise InputFileError(f"{name}: DOCX（ZIP 形式）ではありません{content_note(head)}。ファイルが壊れているか、別の形式です。")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputFileError(f"{name}: DOCX が壊れています（ZIP として読めません: {exc}）。") from exc
    if "word/document.xml" not in names:
        raise InputFileError(f"{name}: DOCX ではありません（word/document.xml がありません）。")
    check_zip(path, name, kind="DOCX", file_cap=max_bytes)  # zip bomb, DOCTYPE/entities, macros


def read_docx(path: Path, options: ReadOptions) -> Document:
    from revtool.extract.docx import extract_docx

    return extract_docx(path, original=options.original, include_comments=options.include_comments)


def read_pdf(path: Path, options: ReadOptions) -> Document:
    from revtool.extract.pdf import extract_pdf

    return extract_pdf(path, password=options.password, sha256=options.sha256)


DOCX = DocumentReader("docx", (".docx",), _check_docx, "revtool.extract.readers:read_docx")
PDF = DocumentReader("pdf", (".pdf",), _check_pdf, "revtool.extract.readers:read_pdf")
