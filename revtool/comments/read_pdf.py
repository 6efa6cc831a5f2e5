"""PDF tables (ruled) → ``Grid``s with pdfplumber: wrapped lines joined, rows
broken across pages marked as continuations."""

from __future__ import annotations

import re
from pathlib import Path

from revtool.comments.table import Grid, header_mapping
from revtool.errors import CommentTableError

_TERMINAL = tuple("。．.!！?？)）」』】〕]")
_CID = re.compile(r"\(cid:\d+\)")  # pdfminer's mark for a glyph without a Unicode mapping


def read_pdf(path: Path) -> list[Grid]:
    import pdfplumber

    rows: list[tuple[str | None, ...]] = []
    continues: set[int] = set()
    cid_pages: list[int] = []
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds
        kinds = " ".join(type(e).__name__ for e in (exc, *exc.args) if isinstance(e, BaseException))
        if "Password" in kinds or "Encrypt" in kinds:  # pdfplumber wraps pdfminer's PDFPasswordIncorrect
            raise CommentTableError(
                f"{path.name}: パスワードで保護（暗号化）された PDF のため読めません。",
                hint="保護を解除した PDF か、元の Excel / Word の表を取り込んでください。",
            ) from exc
        raise CommentTableError(f"{path.name}: PDF を読めません（{exc or type(exc).__name__}）。") from exc
    with pdf:
        for page in pdf.pages:
            first_data_on_page = True
            for table in page.find_tables():
                above: dict[int, tuple[float, str]] = {}  # column -> (bottom, text) of its last cell
                for trow in table.rows:
                    cells = _row_cells(page, trow, above)
                    if all(not (c or "").strip() for c in cells):
                        continue
                    if any(_CID.search(c or "") for c in cells) and page.page_number not in cid_pages:
                        cid_pages.append(page.page_number)
                    if header_mapping(cells) is not None:
                        rows.append(cells)
                        continue
                    if first_data_on_page and rows and _continues(rows, cells):
                        continues.add(len(rows))
                    first_data_on_page = False
                    rows.append(cells)
            page.close()
    if cid_pages:
        raise CommentTableError(
            f"{path.name}: 文字コードの対応表がないフォントが使われていて、表の文字を読み取れません"
            f"（PDF {'、'.join(map(str, cid_pages))}ページ目）。",
            hint="元の Word / Excel ファイルを使ってください。",
        )
    if not rows:
        raise CommentTableError(
            f"{path.name}: PDF に罫線で区切られた表が見つかりません（画像だけの PDF や罫線のない表は読めません）。",
            hint="元の Word / Excel ファイルを使うか、表の文字をコピーしてテキストファイルに貼り付けて取り込んでください。",
        )
    return [Grid(tuple(rows), name="PDF", continues=frozenset(continues))]


def _row_cells(page, trow, above: dict[int, tuple[float, str]]) -> tuple[str | None, ...]:  # type: ignore[no-untyped-def]
    """A table row's cell texts. A cell drawn over several rows (a merged cell: one
    該当箇所 or one answer for a 同趣旨 group) is read once and repeated in every
    row it covers, as an Excel merged cell is filled; a position no cell covers
    stays None."""
    bottom = trow.bbox[3]
    out: list[str | None] = []
    for i, bbox in enumerate(trow.cells):
        if bbox is not None:
            text = _pdf_cell_text(page, bbox)
            above[i] = (bbox[3], text)
            out.append(text)
        elif i in above and above[i][0] >= bottom - 1.0:
            out.append(above[i][1])
        else:
            out.append(None)
    return tuple(out)


def _continues(rows: list[tuple[str | None, ...]], cells: tuple[str | None, ...]) -> bool:
    """Does the first data row of a page continue the last row of the previous
    page (a row broken across pages)? Yes when every non-empty cell of the new
    row sits under a cell whose text stopped mid-sentence. No when the new row is
    one cell ruled across the table (a heading 「第３章関係」 or a total at the top
    of a page): a cell broken at the page keeps its column's rules."""
    if len(cells) > 1 and cells[0] and all(c is None for c in cells[1:]):
        return False
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
