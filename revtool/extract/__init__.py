"""Turn a DOCX or PDF file into a ``Document``. The one entry point is ``extract``."""

from __future__ import annotations

import zipfile
from pathlib import Path

from revtool.errors import InputFileError
from revtool.model import Document

SUPPORTED = (".docx", ".pdf")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def sniff_format(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return ``"docx"`` or ``"pdf"`` from the file's name *and* bytes, or raise
    ``InputFileError`` with a Japanese message naming the file."""
    name = path.name
    if not path.exists():
        raise InputFileError(f"{name}: ファイルが見つかりません（{path}）。")
    if path.is_dir():
        raise InputFileError(f"{name}: フォルダです。DOCX または PDF ファイルを指定してください。")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{name}: ファイルが空です（0 バイト）。")
    if size > max_bytes:
        raise InputFileError(
            f"{name}: ファイルが大きすぎます（{size / 1048576:.0f} MB、上限 {max_bytes / 1048576:.0f} MB）。",
            hint="上限は --max-size で変更できます。",
        )
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputFileError(
            f"{name}: 対応していない形式です（{suffix or '拡張子なし'}）。DOCX または PDF を指定してください。"
        )
    with path.open("rb") as f:
        head = f.read(8)
    from revtool.safety import content_note

    if suffix == ".pdf":
        if not head.startswith(b"%PDF-"):
            raise InputFileError(f"{name}: PDF ではありません{content_note(head) or '（先頭が %PDF- で始まっていません）'}。")
        return "pdf"
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
    from revtool.safety import check_zip

    check_zip(path, name, kind="DOCX", file_cap=max_bytes)  # zip bomb, DOCTYPE/entities, macros
    return "docx"


def extract(path: Path, *, original: bool = False, password: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, include_comments: bool = False) -> Document:
    """Extract a DOCX or PDF into a section tree.

    ``original`` reads a DOCX as it was before its tracked changes; ``password``
    opens an encrypted PDF; ``include_comments`` keeps a DOCX's Word comments
    (left out by default: they are reviewers' notes, not plan text).
    """
    fmt = sniff_format(path, max_bytes)
    if fmt == "docx":
        from revtool.extract.docx import extract_docx

        return extract_docx(path, original=original, include_comments=include_comments)
    from revtool.extract.pdf import extract_pdf

    return extract_pdf(path, password=password)
