"""Readers at the edge: a comment-table file → ``Grid``s (see ``table.py``).

Chooses the format from the bytes: the first reader in ``READERS`` whose
``matches`` accepts the file (PDF, DOCX, XLSX), else text — TSV / copied text,
CSV and Markdown (``read_text``). Each raises ``CommentTableError`` /
``InputFileError`` with a Japanese message naming the file. A new format is one
``read_*.py`` module and one line in ``READERS``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from revtool.comments.read_docx import read_docx
from revtool.comments.read_pdf import read_pdf
from revtool.comments.read_text import decode_text, looks_like_csv, text_grids
from revtool.comments.read_xlsx import evaluate_formula, read_xlsx
from revtool.comments.table import Grid
from revtool.errors import CommentTableError, InputFileError
from revtool.safety import check_file_size, check_macro_suffix, check_no_nul, check_zip, nul_error

__all__ = [
    "READERS", "FileHead", "TableReader", "decode_text", "evaluate_formula", "read_docx", "read_grids", "read_pdf",
    "read_xlsx", "text_grids",
]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".tsv", ".txt", ".csv", ".tab", ".md")
SUFFIXES = TEXT_SUFFIXES + (".xlsx", ".xlsm", ".docx", ".pdf")


@dataclass(frozen=True)
class FileHead:
    """What a reader may look at to claim a file: its bytes, suffix and, for a ZIP, its member names."""

    data: bytes
    suffix: str
    zip_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TableReader:
    format: str
    matches: Callable[[FileHead], bool]
    read: Callable[[Path, bytes], list[Grid]]  # (path, the file's bytes) -> tables


# The comment-table readers, one line each, tried in order; text (TSV/CSV/Markdown) when none matches.
READERS: list[TableReader] = [
    TableReader("pdf", lambda head: head.data.startswith(b"%PDF-"), lambda path, data: read_pdf(path)),
    TableReader("docx", lambda head: "word/document.xml" in head.zip_names, read_docx),
    TableReader("xlsx", lambda head: "xl/workbook.xml" in head.zip_names, read_xlsx),
]


def read_grids(path: Path) -> list[Grid]:
    name = path.name
    if not path.exists():
        raise InputFileError(f"{name}: ファイルが見つかりません（{path}）。")
    if path.is_dir():
        raise InputFileError(f"{name}: フォルダです。意見の表のファイルを指定してください。")
    check_file_size(path)  # before reading it whole; the cap is the command's --max-size
    check_macro_suffix(path)
    data = path.read_bytes()
    if not data.strip():
        raise CommentTableError(f"{name}: ファイルが空です。")
    suffix = path.suffix.lower()
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00" in data or suffix in (".xlsx", ".xlsm", ".docx"):
            raise CommentTableError(
                f"{name}: パスワードで保護（暗号化）されているため読めません。",
                hint="Excel / Word でパスワードを解除して保存し直してから取り込んでください。",
            )
        raise CommentTableError(
            f"{name}: 古い Office 形式（.xls / .doc）には対応していません。",
            hint="Excel / Word で .xlsx / .docx として保存し直してください。",
        )
    names: frozenset[str] = frozenset()
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = frozenset(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise CommentTableError(f"{name}: ファイルが壊れています（ZIP として読めません）。") from exc
        check_zip(data, name, kind="XLSX" if "xl/workbook.xml" in names else "DOCX")
    head = FileHead(data, suffix, names)
    for reader in READERS:
        if reader.matches(head):
            return reader.read(path, data)
    if data.startswith(b"PK"):
        raise CommentTableError(f"{name}: 対応していない形式です（Excel でも Word でもない ZIP）。")
    if suffix in (".xlsx", ".xlsm", ".docx", ".pdf"):
        raise CommentTableError(f"{name}: 拡張子は {suffix} ですが、中身がその形式ではありません。")
    try:
        text = decode_text(data, name)
    except CommentTableError:
        _refuse_if_nul_bytes_broke_it(data, name)
        raise
    check_no_nul(text, name)
    return text_grids(text, comma=looks_like_csv(text, suffix))


def _refuse_if_nul_bytes_broke_it(data: bytes, name: str) -> None:
    """NUL bytes made the text undecodable: name them when the rest decodes."""
    if b"\x00" not in data:
        return
    try:
        decode_text(data.replace(b"\x00", b""), name)
    except CommentTableError:
        return
    nul_error(name, data.count(b"\n", 0, data.index(b"\x00")) + 1)
