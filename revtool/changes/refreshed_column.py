"""A table column brought up to a later date inside one table (現状値（令和5年度）
→ 現状値（令和6年度）, its figures with it) beside other edits of the same table
(a 目標値 raised on a comment): two decisions, two rows. Pure."""

from __future__ import annotations

import re

from revtool.changes.facts import CELL, Fact, key
from revtool.changes.summary_text import DATED_NOTE, one_line

_YEAR = re.compile(r"(令和|平成)([0-9]{1,2}|元)年|(?<![0-9])((?:19|20)[0-9]{2})年")


def header_edit(f: Fact) -> bool:
    """A table's column header itself rewritten (現状値（令和5年度） → 現状値（令和6年度））."""
    return f.kind == CELL and not f.row_key and bool(f.column) and key(f.new) == key(f.column) and bool(f.old)


def _years(text: str) -> list[tuple[str, int]]:
    return [(era, 1 if year == "元" else int(year)) if era else ("", int(western))
            for era, year, western in _YEAR.findall(key(text))]


def dated_forward(f: Fact) -> tuple[str, str, str] | None:
    """(the column's name, old date, new date) when ``f`` is a column header whose
    date, and nothing else, moved forward (現状値（令和5年度） → 現状値（令和6年度））."""
    if not header_edit(f):
        return None
    a, b = DATED_NOTE.match(one_line(f.old)), DATED_NOTE.match(one_line(f.new))
    if not a or not b or key(a.group(1)) != key(b.group(1)):
        return None
    old, new = _years(a.group(2)), _years(b.group(2))
    if not old or len(old) != len(new) or not all(x[0] == y[0] and y[1] > x[1] for x, y in zip(old, new)):
        return None
    return a.group(1).strip(), a.group(2).strip(), b.group(2).strip()


def refreshed_column(facts: list[Fact]) -> tuple[list[Fact], list[Fact], str]:
    """(the other facts, the refresh, its evidence) of one section's facts when a
    table's column header moved to a later date and the section holds edits
    outside that column too: the header and the cells under it are the plan's
    own update of its figures, the rest another decision. (facts, [], "") when
    no header moved on, or when nothing else changed (one decision, one row)."""
    for h in facts:
        dated = dated_forward(h)
        if dated is None:
            continue
        column = key(h.column)
        mine = [h] + [f for f in facts if f is not h and f.kind == CELL and f.row_key
                      and f.section_path == h.section_path and key(f.column) == column]
        chosen = {id(f) for f in mine}
        rest = [f for f in facts if id(f) not in chosen]
        if not rest:
            return facts, [], ""
        name, old, new = dated
        return rest, mine, f"計画自身の時点更新と推定（表の「{name}」の列を{old}から{new}に更新）"
    return facts, [], ""


def refresh_said(refreshed: list[Fact], title: str) -> str:
    """The decision of a column refreshed (``refreshed_column``) in words, as staff write
    it: what was updated and to which date, one figure as the example
    (成果指標の「現状値」を令和5年度から令和6年度の値に更新（…の割合 29％ → 31％ほか）); "" when its
    header did not move forward."""
    dated = dated_forward(refreshed[0]) if refreshed else None
    if dated is None:
        return ""
    name, old, new = dated
    cells = [f for f in refreshed[1:] if f.row_key.strip()]
    sample = f"（{one_line(cells[0].row_key)} {cells[0].old.strip()} → {cells[0].new.strip()}{'ほか' if len(cells) > 1 else ''}）" \
        if cells else ""
    return f"{title + 'の' if title else ''}「{name}」を{old}から{new}の値に更新{sample}"
