"""Table alignment: columns by header label, rows by key column, then cells. Pure.

Never by position alone (docs/ARCHITECTURE.md §6): columns are matched by their header
labels (exact, then similar), rows by the key column — a column whose header
names the item (指標, 取組, 項目 …) or else the first column whose values are
unique and not quantities (12, 14,711, 3.5％, －) — or, when no column alone is
unique, two neighbouring columns together (事業名 merged over 量の見込み / 確保方策),
and then by the similarity of the whole row.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from revtool.compare.align import bigrams, jaccard
from revtool.compare.comparison_key import comparison_key
from revtool.model import Table, TableAlignment

__all__ = ["TableAlignment", "align_tables", "cell", "labels", "row_label"]

KEY_HEADERS = ("指標", "取組", "項目", "事業", "名称", "内容", "区分", "課題", "目標")
LABEL_MIN = 60.0  # rapidfuzz ratio for two header labels to be the same column
CATEGORY_MAX = 12  # a category cell (量の見込み（人日）) is a short label
ROW_MIN = 0.4  # bigram Jaccard for two rows to be the same row


def labels(table: Table) -> tuple[str, ...]:
    """One label per column: the header rows' texts joined (``2列目`` without a header)."""
    width = table.width
    out = []
    for c in range(width):
        parts: list[str] = []
        for r in range(min(table.header_rows, len(table.rows))):
            row = table.rows[r]
            if c < len(row):
                t = row[c].text.strip()
                if t and t not in parts:
                    parts.append(t)
        out.append(" / ".join(parts) if parts else f"{c + 1}列目")
    return tuple(out)


def cell(table: Table, r: int, c: int | None) -> str:
    if c is None or r >= len(table.rows) or c >= len(table.rows[r]):
        return ""
    return table.rows[r][c].text


def _match_columns(old: tuple[str, ...], new: tuple[str, ...], has_header: bool) -> list[tuple[int | None, int | None]]:
    if not has_header:
        width = max(len(old), len(new))
        return [(i if i < len(old) else None, i if i < len(new) else None) for i in range(width)]
    pairs: dict[int, int] = {}
    free_o = set(range(len(old)))
    for j, lab in enumerate(new):
        for i in sorted(free_o):
            if comparison_key(old[i]) == comparison_key(lab):
                pairs[j] = i
                free_o.discard(i)
                break
    cands = []
    for j, lab in enumerate(new):
        if j in pairs:
            continue
        for i in free_o:
            r = fuzz.ratio(comparison_key(old[i]), comparison_key(lab))
            if r >= LABEL_MIN:
                cands.append((-r, abs(i - j), i, j))
    for _, _, i, j in sorted(cands):
        if j not in pairs and i in free_o:
            pairs[j] = i
            free_o.discard(i)
    out: list[tuple[int | None, int | None]] = []
    for j in range(len(new)):
        # deleted columns go before the next kept one
        if j in pairs:
            for i in sorted(x for x in free_o if x < pairs[j]):
                out.append((i, None))
                free_o.discard(i)
        out.append((pairs.get(j), j))
    out.extend((i, None) for i in sorted(free_o))
    return out


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9０-９]+[.．]?", text.strip()))


_QUANTITY = re.compile(r"[-－―‐−ー]|[△▲+＋-]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?")


def _is_quantity(text: str) -> bool:
    """A figure or a dash placeholder (14,711 / 3.5％ / －): it varies, it does not name a row."""
    return bool(_QUANTITY.fullmatch(text.strip()))


def _key_columns(table: Table, labs: tuple[str, ...], cols: list[int]) -> tuple[int | None, int | None]:
    """The key column, or two neighbouring columns that are a key together
    (the first names the item, the second the row of it); (None, None) when none is."""
    body = range(table.header_rows, len(table.rows))
    ordered = [c for c in cols if any(k in labs[c] for k in KEY_HEADERS)] + cols
    naming: dict[int, list[str]] = {}
    for c in dict.fromkeys(ordered):
        texts = [cell(table, r, c) for r in body]
        values = [comparison_key(t) for t in texts]
        if values and all(values) and not all(map(_is_quantity, texts)):
            naming[c] = values
    for c in ordered:
        if c in naming and len(set(naming[c])) == len(naming[c]):
            return c, None
    for c, c2 in zip(cols, cols[1:]):
        # the second is a category repeated over the items (量の見込み / 確保方策), not a text of its own
        if c in naming and c2 in naming and len(set(naming[c2])) < len(naming[c2]) and max(map(len, naming[c2])) <= CATEGORY_MAX \
                and len(set(zip(naming[c], naming[c2]))) == len(naming[c]):
            return c, c2
    return None, None


def _row_key(table: Table, r: int, key: int | None, key2: int | None) -> str:
    return comparison_key(cell(table, r, key)) + ("\t" + comparison_key(cell(table, r, key2)) if key2 is not None else "")


def _numbering_column(table: Table, c: int | None) -> bool:
    if c is None:
        return False
    values = [cell(table, r, c) for r in range(table.header_rows, len(table.rows))]
    return bool(values) and all(map(_is_number, values))


# an item number of a list of rows (1-1, 8-4, 2.3, １－２): digits joined by a separator
_ITEM_NUMBER = re.compile(r"[0-9０-９]+(?:[-－‐―−.．][0-9０-９]+)+")


def _renumbered_key(old: Table, new: Table, key_old: int | None, key_new: int | None) -> bool:
    """The key column holds the rows' item numbers (1-1 … 8-4) and the two
    versions number their rows differently (an item split in two, the next ones
    renumbered): the number no longer names the same row, the rows are paired
    by what they say (their numbers' change is 項番, ``row-renumbered``)."""
    if key_old is None or key_new is None:
        return False
    olds = [cell(old, r, key_old).strip() for r in range(old.header_rows, len(old.rows))]
    news = [cell(new, r, key_new).strip() for r in range(new.header_rows, len(new.rows))]
    if not olds or not news or not all(_ITEM_NUMBER.fullmatch(t) for t in olds + news):
        return False
    return set(map(comparison_key, olds)) != set(map(comparison_key, news))


def align_tables(old: Table, new: Table) -> TableAlignment:
    lo, ln = labels(old), labels(new)
    has_header = old.header_rows > 0 and new.header_rows > 0
    columns = _match_columns(lo, ln, has_header)
    both = [(i, j) for i, j in columns if i is not None and j is not None]
    key_new, key2_new = _key_columns(new, ln, [j for _, j in both])
    key_old = next((i for i, j in both if j == key_new), None) if key_new is not None else None
    key2_old = next((i for i, j in both if j == key2_new), None) if key2_new is not None else None
    if (key2_new is None) != (key2_old is None):
        key_new = key_old = key2_new = key2_old = None
    numbering = next((i for i, j in both if _numbering_column(old, i) and _numbering_column(new, j)), None)
    by_content = _renumbered_key(old, new, key_old, key_new)
    if by_content:
        numbering = key_old

    old_rows = list(range(old.header_rows, len(old.rows)))
    new_rows = list(range(new.header_rows, len(new.rows)))
    pairs: dict[int, int] = {}  # new row -> old row
    free_o = list(old_rows)
    if key_new is not None and key_old is not None and not by_content:
        index: dict[str, int] = {}
        for r in old_rows:
            index.setdefault(_row_key(old, r, key_old, key2_old), r)
        for r in new_rows:
            o = index.get(_row_key(new, r, key_new, key2_new))
            if o is not None and o in free_o:
                pairs[r] = o
                free_o.remove(o)

    def row_text(t: Table, r: int, cols: list[int | None]) -> str:
        return "\n".join(cell(t, r, c) for c in cols)

    old_cols = [i for i, _ in both]
    new_cols = [j for _, j in both]
    cands = []
    for r in new_rows:
        if r in pairs:
            continue
        nb = bigrams(row_text(new, r, list(new_cols)))
        for o in free_o:
            s = jaccard(bigrams(row_text(old, o, list(old_cols))), nb)
            if s >= ROW_MIN:
                cands.append((-s, abs((o - old.header_rows) - (r - new.header_rows)), o, r))
    for _, _, o, r in sorted(cands):
        if r not in pairs and o in free_o:
            pairs[r] = o
            free_o.remove(o)

    rows: list[tuple[int | None, int | None]] = []
    for r in new_rows:
        if r in pairs:
            for o in [x for x in free_o if x < pairs[r]]:
                rows.append((o, None))
                free_o.remove(o)
        rows.append((pairs.get(r), r))
    rows.extend((o, None) for o in free_o)
    return TableAlignment(tuple(columns), tuple(rows), lo, ln, key_old, key_new, numbering, key2_old, key2_new)


def row_label(table: Table, r: int, key: int | None, key2: int | None = None) -> str:
    """How a row is named in a location: its key cell (with the second key cell:
    「一時預かり事業 量の見込み」), else its first non-empty cell that is not a figure."""
    if key is not None and key2 is not None:
        a, b = (cell(table, r, c).strip().replace("\n", " ") for c in (key, key2))
        if a and b:
            t = f"{a} {b}"
            return t if len(t) <= 30 else t[:30] + "…"
    texts = [key] if key is not None else []
    texts += list(range(table.width))
    for c in texts:
        t = cell(table, r, c).strip().replace("\n", " ")
        if t and not _is_quantity(t):
            return t if len(t) <= 30 else t[:30] + "…"
    return f"{r + 1}行目"
