"""Word tables → ``Grid``s, read from the XML (content controls, tracked
changes, merged cells)."""

from __future__ import annotations

import io
from pathlib import Path

from revtool.comments.table import Grid
from revtool.errors import CommentTableError

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
        spanning: set[int] = set()
        for tr in _children(tbl, _W + "tr"):
            cells: list[str | None] = []
            tcs = 0
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
                tcs += 1
            if tcs == 1 and len(cells) > 1:  # one cell merged across the row
                spanning.add(len(rows))
            rows.append(tuple(cells))
        for r in range(len(rows)):  # vertical merges take the text above
            if any(c is None for c in rows[r]):
                above = rows[r - 1] if r else ()
                rows[r] = tuple(
                    (above[c] if c < len(above) else "") if v is None else v for c, v in enumerate(rows[r])
                )
        grids.append(Grid(tuple(rows), name=f"表{n}", preamble=_paragraphs_before(tbl), spanning_rows=frozenset(spanning)))
    return grids


def _paragraphs_before(tbl) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The body paragraphs between the previous table and ``tbl`` (at most 10, in order):
    where a legend of the table's 対応区分 symbols is written."""
    found: list[str] = []
    for el in tbl.itersiblings(preceding=True):
        if el.tag == _W + "tbl" or len(found) >= 10:
            break
        if el.tag == _W + "p" and (text := _paragraph_text(el).strip()):
            found.append(text)
    return tuple(reversed(found))


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
