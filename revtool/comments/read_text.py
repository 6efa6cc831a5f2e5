"""Text tables: TSV copied from a report, CSV in any Japanese encoding,
Markdown pipe tables → ``Grid``s."""

from __future__ import annotations

import csv
import io
import re

from revtool.comments.table import Grid
from revtool.errors import CommentTableError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes, name: str) -> str:
    """Decode a text table. BOMs first; otherwise each likely encoding (UTF-8,
    UTF-16 without BOM, CP932, EUC-JP, ISO-2022-JP, then charset-normalizer's
    guess) is tried and the first whose text shows a comment-table header word
    wins (EUC-JP bytes often decode as CP932 garbage); fail with a message."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff")
            except UnicodeDecodeError:
                break
    candidates: list[str] = []
    encodings = ["utf-8"]
    if data.count(b"\x00") > len(data) // 4:
        encodings += ["utf-16-le", "utf-16-be"]
    if b"\x1b$B" in data or b"\x1b$@" in data:
        encodings.append("iso2022_jp")
    encodings += ["cp932", "euc-jp"]
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            candidates.append(text)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a detector failure is just "unknown"
        best = None
    if best is not None and best.encoding and _plausible(str(best)) and _has_header_words(str(best)):
        candidates.append(str(best))
    for text in candidates:
        if _has_header_words(text):
            return text
    if candidates and "\x1b" not in candidates[0]:
        return candidates[0]
    raise CommentTableError(
        f"{name}: 文字コードを判定できません（UTF-8、UTF-16、Shift_JIS（CP932）、EUC-JP のいずれでもありません）。",
        hint="Excel などで「CSV UTF-8」として保存し直してください。",
    )


def _has_header_words(text: str) -> bool:
    head = text[:5000]
    return any(w in head for w in ("意見", "考え方", "回答", "見解", "該当"))


def _plausible(text: str) -> bool:
    """Decoded text that looks like a table: few control characters."""
    if not text:
        return False
    return len(_CONTROL_OR_PRIVATE.findall(text)) <= len(text) // 200


_CONTROL_OR_PRIVATE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff]")
"""Control characters other than tab and line breaks, and the private use area
(what a wrong encoding makes of text): counted by the regex engine, not
character by character in Python (issue 15: 2 MB of TSV at 1,200 pages)."""


def looks_like_csv(text: str, suffix: str) -> bool:
    if suffix == ".csv":
        return "\t" not in text.split("\n", 1)[0] or text.count(",") > text.count("\t")
    return "\t" not in text and text.count(",") > 0


_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def _markdown_rows(text: str) -> list[tuple[str | None, ...]] | None:
    """Rows of Markdown pipe tables (| a | b |), or None when the text has none."""
    lines = text.split("\n")
    piped = [ln for ln in lines if ln.strip().startswith("|")]
    if len(piped) < 2 or not any(_MD_SEPARATOR.match(ln.strip()) for ln in piped):
        return None
    rows: list[tuple[str | None, ...]] = []
    for ln in lines:
        t = ln.strip()
        if _MD_SEPARATOR.match(t) and "-" in t:
            continue
        if t.startswith("|"):
            cells = [c.strip().replace("<br>", "\n") for c in t.strip("|").split("|")]
            rows.append(tuple(cells))
        else:
            rows.append((t,) if t else ())
    return rows


def text_grids(text: str, comma: bool) -> list[Grid]:
    """TSV (text copied from a report: title lines, blank lines, a header line
    before each page's rows), Markdown pipe tables, or CSV (RFC 4180 quoting)."""
    markdown = _markdown_rows(text.replace("\r\n", "\n").replace("\r", "\n"))
    if markdown is not None:
        return [Grid(tuple(markdown), title_lines_end_table=True, blank_ref_inherits=True)]
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")),
                        delimiter="," if comma else "\t")
    rows: list[tuple[str | None, ...]] = []
    for cells in reader:
        rows.append(tuple(cells))
    return [Grid(tuple(rows), title_lines_end_table=True, blank_ref_inherits=True)]
