"""A table row split in two: one decision, apart from the table's other edits. Pure.

A table of numbered items (リスクシナリオ 1-1 … 8-4) where one item is split in
two shows, once the diff has paired rows by what they say
(``tablediff._renumbered_key``), as one cell that lost words (「避難や救助が…
事態」 → 「避難が…事態」) and a row added next to it holding the words it lost
(「救助が…事態」); the following rows' numbers moved on (項番, editorial) and a
count in the text may say so (31 → 32). The cell and the added row are one
decision — a split — whatever else the same table changes on the same day (an
item reworded on a comment is its own row). The count of rows said in the
section's text, moved by the number of rows the split added, goes with it.

Evidence of a split: the old cell and each of the two new texts share most of
their characters (bigram overlap ≥ ``SPLIT_SIMILAR``), the two new texts differ,
and together they hold nearly every bigram of the old cell (≥ ``SPLIT_COVER``).
"""

from __future__ import annotations

import re

from revtool.changes.facts import CELL, ROW_ADDED, ROW_DELETED, TEXT, Fact, key, row_cells
from revtool.compare.align import bigrams, jaccard

SPLIT_SIMILAR = 0.4  # each part keeps this much of the old cell's bigrams (Jaccard)
SPLIT_COVER = 0.8  # the two parts together hold this share of the old cell's bigrams

_COUNT = re.compile(r"[0-9０-９]{1,4}")


def _cell_fact(f: Fact) -> bool:
    return (f.kind == CELL or (f.kind == TEXT and bool(f.column))) and bool(f.change.old_text.strip()) \
        and bool(f.change.new_text.strip())


def _split_pair(cell: Fact, added: Fact) -> str:
    """The added row's text that took the words the cell lost ("" when none did)."""
    old, new = cell.change.old_text.strip(), cell.change.new_text.strip()
    bo, bn = bigrams(old), bigrams(new)
    if jaccard(bo, bn) < SPLIT_SIMILAR:
        return ""
    for part in row_cells(added.change.new_text):
        part = part.strip()
        if not part or key(part) == key(new):
            continue
        bp = bigrams(part)
        if jaccard(bo, bp) >= SPLIT_SIMILAR and len(bo & (bn | bp)) >= SPLIT_COVER * len(bo):
            return part
    return ""


def _count_edit(f: Fact, delta: int) -> bool:
    """A number of the section's text moved by exactly ``delta`` (31 → 32) and
    nothing else changed in that edit."""
    if f.kind != TEXT or f.column or delta == 0:
        return False
    a, b = key(f.old), key(f.new)
    if not (_COUNT.fullmatch(a) and _COUNT.fullmatch(b)):
        return False
    return int(b) - int(a) == delta


def split_row(facts: list[Fact]) -> tuple[list[Fact], list[Fact], list[Fact], str]:
    """(the other facts, the split's facts, the count edits among them, the
    statement) of one section's facts when a table row was split in two; (facts,
    [], [], "") when none was, or when nothing else changed in the section (one
    decision, one row: left as it is)."""
    cells = [f for f in facts if _cell_fact(f)]
    added = [f for f in facts if f.kind == ROW_ADDED]
    for c in cells:
        for a in added:
            if a.section_path != c.section_path:
                continue
            part = _split_pair(c, a)
            if not part:
                continue
            net = sum(f.kind == ROW_ADDED for f in facts) - sum(f.kind == ROW_DELETED for f in facts)
            counts = [f for f in facts if _count_edit(f, 1) and net == 1]
            mine = [c, a] + counts
            chosen = {id(f) for f in mine}
            rest = [f for f in facts if id(f) not in chosen]
            if not rest:  # the split is the section's only change: one decision, one row as it is
                return facts, [], [], ""
            label = f"「{c.row_key.strip()}」" if c.row_key.strip() else ""
            old, new = c.change.old_text.strip(), c.change.new_text.strip()
            statement = f"{label}「{old}」を「{new}」と「{part}」の2つに分割" + ("（以降の番号を繰下げ）" if counts else "")
            return rest, mine, counts, statement
    return facts, [], [], ""
