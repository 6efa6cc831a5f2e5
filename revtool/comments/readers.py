"""Readers at the edge: a comment-table file → ``Grid``s (see ``table.py``).

TSV / copied text, CSV (encoding detected), XLSX, DOCX and PDF. Each raises
``CommentTableError`` / ``InputFileError`` with a Japanese message naming the file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from revtool.comments.table import Grid, header_mapping
from revtool.errors import CommentTableError, InputFileError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".tsv", ".txt", ".csv", ".tab", ".md")
SUFFIXES = TEXT_SUFFIXES + (".xlsx", ".xlsm", ".docx", ".pdf")


def read_grids(path: Path) -> list[Grid]:
    name = path.name
    if not path.exists():
        raise InputFileError(f"{name}: ファイルが見つかりません（{path}）。")
    if path.is_dir():
        raise InputFileError(f"{name}: フォルダです。意見の表のファイルを指定してください。")
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
    if data.startswith(b"%PDF-"):
        return read_pdf(path)
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise CommentTableError(f"{name}: ファイルが壊れています（ZIP として読めません）。") from exc
        if "word/document.xml" in names:
            return read_docx(path, data)
        if "xl/workbook.xml" in names:
            return read_xlsx(path, data)
        raise CommentTableError(f"{name}: 対応していない形式です（Excel でも Word でもない ZIP）。")
    if suffix in (".xlsx", ".xlsm", ".docx", ".pdf"):
        raise CommentTableError(f"{name}: 拡張子は {suffix} ですが、中身がその形式ではありません。")
    text = decode_text(data, name)
    return text_grids(text, comma=_looks_like_csv(text, suffix))


# ---------------------------------------------------------------- text / CSV

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
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= len(text) // 200


def _looks_like_csv(text: str, suffix: str) -> bool:
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


# ---------------------------------------------------------------- XLSX

def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    try:
        values_wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas_wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CommentTableError(f"{name}: Excel ファイルを読めません（{exc}）。") from exc
    grids: list[Grid] = []
    for ws in values_wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        fws = formulas_wb[ws.title]
        grids.append(_sheet_grid(ws, fws, formulas_wb))
    # the sheet is chosen by its header row: sheets without one yield no rows.
    with_header = [g for g in grids if any(header_mapping(r) for r in g.rows[:50])]
    return with_header[:1] if with_header else grids


MAX_EMPTY_RUN = 500  # rows formatted down to row 1048576 are not data


def _sheet_grid(ws, fws, formulas_wb) -> Grid:  # type: ignore[no-untyped-def]
    cells: list[list[str | None]] = []
    empty_run = 0
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)):
        values: list[str | None] = []
        for c, cell in enumerate(row):
            value = cell.value
            if value is None:
                formula = fws.cell(row=r + 1, column=c + 1).value
                if isinstance(formula, str) and formula.startswith("="):
                    value = evaluate_formula(formula, fws, formulas_wb)
            values.append(_cell_text(value))
        cells.append(values)
        empty_run = 0 if any(v for v in values) else empty_run + 1
        if empty_run >= MAX_EMPTY_RUN:
            break
    n_rows, n_cols = len(cells), ws.max_column
    for rng in ws.merged_cells.ranges:
        if rng.min_row - 1 >= n_rows:
            continue
        origin = cells[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row, min(rng.max_row, n_rows) + 1):
            for c in range(rng.min_col, min(rng.max_col, n_cols) + 1):
                # a column merged across (a header spanning two columns) keeps
                # its text in the first column only
                cells[r - 1][c - 1] = origin if c == rng.min_col else ""
    return Grid(tuple(tuple(r) for r in cells), name=ws.title)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_REF = re.compile(r"^(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)$")
_STR = re.compile(r'^"((?:[^"]|"")*)"$')


def evaluate_formula(formula: str, ws, wb, depth: int = 0) -> str:  # type: ignore[no-untyped-def]
    """Value of a formula whose cached value is missing (a file written by a
    program, never opened in Excel). Handles what comment tables use: a cell
    reference (``=B3``, ``=Sheet1!B3``), string literals and ``&``."""
    if depth > 20:
        return ""
    expr = formula[1:].strip() if formula.startswith("=") else formula.strip()
    parts = _split_concat(expr)
    out: list[str] = []
    for part in parts:
        part = part.strip()
        m = _STR.match(part)
        if m:
            out.append(m.group(1).replace('""', '"'))
            continue
        m = _REF.match(part)
        if m:
            sheet = wb[m.group(1)] if m.group(1) and m.group(1) in wb.sheetnames else ws
            value = sheet[f"{m.group(2)}{m.group(3)}"].value
            if isinstance(value, str) and value.startswith("="):
                out.append(evaluate_formula(value, sheet, wb, depth + 1))
            else:
                out.append(_cell_text(value))
            continue
        return ""  # something we do not evaluate
    return "".join(out)


def _split_concat(expr: str) -> list[str]:
    parts, buf, in_str = [], [], False
    for ch in expr:
        if ch == '"':
            in_str = not in_str
        if ch == "&" and not in_str:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WRAPPERS = (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag", _W + "ins")


def read_docx(path: Path, data: bytes) -> list[Grid]:
    """Every table of the body (also inside content controls, not nested ones,
    text boxes once), rows and cells as laid out: a vertically merged cell
    repeats its text, a horizontally merged one fills its first column."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise CommentTableError(f"{path.name}: Word ファイルを読めません（{exc}）。") from exc
    grids: list[Grid] = []
    tables = [t for t in document.element.body.iter(_W + "tbl")
              if not _inside(t, _W + "tbl") and not _inside(t, _MC_FALLBACK)]
    for n, tbl in enumerate(tables, start=1):
        rows: list[tuple[str | None, ...]] = []
        for tr in _children(tbl, _W + "tr"):
            cells: list[str | None] = []
            for tc in _children(tr, _W + "tc"):
                span_el = tc.find(f"{_W}tcPr/{_W}gridSpan")
                span = int(span_el.get(_W + "val", "1")) if span_el is not None else 1
                vmerge_el = tc.find(f"{_W}tcPr/{_W}vMerge")
                continued = vmerge_el is not None and vmerge_el.get(_W + "val", "continue") == "continue"
                if continued:
                    text: str | None = None  # filled from above
                else:
                    text = "\n".join(_paragraph_text(p) for p in _children(tc, _W + "p"))
                cells.extend([text] + [""] * (span - 1))
            rows.append(tuple(cells))
        for r in range(len(rows)):  # vertical merges take the text above
            if any(c is None for c in rows[r]):
                above = rows[r - 1] if r else ()
                rows[r] = tuple(
                    (above[c] if c < len(above) else "") if v is None else v for c, v in enumerate(rows[r])
                )
        grids.append(Grid(tuple(rows), name=f"表{n}"))
    return grids


def _children(el, tag: str):  # type: ignore[no-untyped-def]
    """Children with ``tag``, looking through content controls and similar wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    """Text of a paragraph as displayed: runs, hyperlinks, fields' results and
    inserted text kept; deleted and moved-away text dropped; text boxes once."""
    parts: list[str] = []
    for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if _inside(el, _W + "del") or _inside(el, _W + "moveFrom") or _inside(el, _MC_FALLBACK):
            continue
        if el.tag == _W + "t":
            parts.append(el.text or "")
        elif el.tag == _W + "tab":
            if el.getparent() is not None and el.getparent().tag == _W + "r":
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _inside(el, tag: str) -> bool:  # type: ignore[no-untyped-def]
    parent = el.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


# ---------------------------------------------------------------- PDF

_TERMINAL = tuple("。．.!！?？)）」』】〕]")


def read_pdf(path: Path) -> list[Grid]:
    import pdfplumber

    rows: list[tuple[str | None, ...]] = []
    continues: set[int] = set()
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds
        raise CommentTableError(f"{path.name}: PDF を読めません（{exc}）。") from exc
    with pdf:
        for page in pdf.pages:
            first_data_on_page = True
            for table in page.find_tables():
                for trow in table.rows:
                    cells = tuple(_pdf_cell_text(page, bbox) if bbox is not None else None for bbox in trow.cells)
                    if all(not (c or "").strip() for c in cells):
                        continue
                    if header_mapping(cells) is not None:
                        rows.append(cells)
                        continue
                    if first_data_on_page and rows and _continues(rows, cells):
                        continues.add(len(rows))
                    first_data_on_page = False
                    rows.append(cells)
            page.close()
    if not rows:
        raise CommentTableError(
            f"{path.name}: PDF に罫線で区切られた表が見つかりません（画像だけの PDF や罫線のない表は読めません）。",
            hint="元の Word / Excel ファイルを使うか、表の文字をコピーしてテキストファイルに貼り付けて取り込んでください。",
        )
    return [Grid(tuple(rows), name="PDF", continues=frozenset(continues))]


def _continues(rows: list[tuple[str | None, ...]], cells: tuple[str | None, ...]) -> bool:
    """Does the first data row of a page continue the last row of the previous
    page (a row broken across pages)? Yes when every non-empty cell of the new
    row sits under a cell whose text stopped mid-sentence."""
    prev = next((r for r in reversed(rows) if header_mapping(r) is None), None)
    if prev is None or len(prev) != len(cells):
        return False
    unfinished = {i for i, c in enumerate(prev) if (c or "").strip() and not (c or "").rstrip().endswith(_TERMINAL)}
    filled = {i for i, c in enumerate(cells) if (c or "").strip()}
    return bool(filled) and filled <= unfinished


def _pdf_cell_text(page, bbox: tuple[float, float, float, float]) -> str:  # type: ignore[no-untyped-def]
    """A cell's lines joined: wrapped lines run together, a short line ending a
    sentence ends a paragraph (newline)."""
    x0, top, x1, bottom = bbox

    def inside(obj: dict) -> bool:  # type: ignore[type-arg]
        if obj.get("object_type") != "char":
            return False
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= cx <= x1 and top <= cy <= bottom

    lines = page.filter(inside).extract_text_lines(strip=True, return_chars=True)
    out = ""
    prev_line = None
    for line in lines:
        text = line["text"]
        if not text:
            continue
        if prev_line is not None:
            size = max((c["x1"] - c["x0"]) for c in prev_line["chars"]) if prev_line["chars"] else 10.0
            short = prev_line["x1"] < x1 - 2.5 * size
            height = prev_line["bottom"] - prev_line["top"]
            spaced = line["top"] - prev_line["bottom"] > 0.8 * height  # paragraph spacing
            if prev_line["text"].endswith(_TERMINAL) and (short or spaced):
                out += "\n"
            elif out[-1:].isascii() and out[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum():
                out += " "
        out += text
        prev_line = line
    return out
