"""A time series brought up to a later year in one place (the plan's statistics
refreshed): a table whose year columns moved on (令和2年～令和6年 → 令和3年～令和7年,
the oldest column dropped and the newest added — read by the table diff as the old
first column's header rewritten to the new year) with the figures of the new column,
and the running text beside it whose dates and figures moved on to that year
(令和6年には130,529人 → 令和7年には130,120人). One decision, the plan's own
(internal, inferred), said as staff write it in 別紙2:
総人口・高齢化率の推移を令和7年の数値に更新（総人口130,120人、高齢化率30.3％）. Pure."""

from __future__ import annotations

import re

from revtool.changes.facts import CELL, TEXT, Fact, key
from revtool.changes.group import Group, where
from revtool.changes.same_decision import figures_only, year_steps

# a column header that is a year and nothing else: 令和７年, 2025年, 令和6年度
_YEAR_HEADER = re.compile(r"(令和|平成)([0-9]{1,2}|元)(年度?)|((?:19|20)[0-9]{2})(年度?)")
# the unit a row's name gives in brackets: 総人口（人）, 高齢化率（％）
_UNIT = re.compile(r"^(.+?)\s*[（(]([^（）()]{1,4})[）)]$")
SHOWN_VALUES = 3  # the new figures quoted in the summary


def _year(label: str) -> tuple[str, int, str] | None:
    """(era, year, 年 or 年度) of a header that is a year alone, else None."""
    m = _YEAR_HEADER.fullmatch(key(label))
    if m is None:
        return None
    if m.group(1):
        return m.group(1), 1 if m.group(2) == "元" else int(m.group(2)), m.group(3)
    return "", int(m.group(4)), m.group(5)


def _rolled(h: Fact, header: tuple[str, ...]) -> bool:
    """Whether ``h`` is a year column's header rewritten to a later year that the
    table's other year columns lead up to (令和2年 → 令和7年 beside 令和3年～令和6年):
    the series moved on, its oldest year dropped."""
    if h.kind != CELL or h.row_key or not h.old or key(h.new) != key(h.column):
        return False
    old, new = _year(h.old), _year(h.new)
    if old is None or new is None or old[0] != new[0] or old[2] != new[2] or new[1] <= old[1]:
        return False
    others = [y for c in header if key(c) != key(h.column) and (y := _year(c)) is not None]
    return len(others) >= 2 and all(y[0] == new[0] and old[1] < y[1] < new[1] for y in others)


def rolled_series(g: Group) -> tuple[str, str] | None:
    """(the decision in words, its evidence) when every edit of ``g`` is one table's
    series moved on by its newest year (``_rolled``), a figure of that year's column,
    or a date or figure of the running text moved on to that year; None otherwise."""
    for h in g.facts:
        column = key(h.column)
        cells = [f for f in g.facts if f.kind == CELL and f.row_key and key(f.column) == column and where(f) == where(h)]
        header = next((f.header for f in cells if f.header), ())
        if not cells or not _rolled(h, header):
            continue
        new_year = _year(h.new)
        assert new_year is not None
        text = [f for f in g.facts if f is not h and f not in cells]
        if not all(f.kind == TEXT and figures_only(f) and all(b == new_year[1] for _, _, b in year_steps(f)) for f in text):
            return None
        names, values = [], []
        for f in cells:
            m = _UNIT.match(f.row_key.strip())
            name, unit = (m.group(1), m.group(2)) if m else (f.row_key.strip(), "")
            names.append(name)
            values.append(f"{name}{f.new.strip()}{unit if not f.new.strip().endswith(unit) else ''}")
        when = h.new.strip()
        shown = "、".join(values[:SHOWN_VALUES]) + ("ほか" if len(values) > SHOWN_VALUES else "")
        statement = f"{'・'.join(names[:SHOWN_VALUES])}{'など' if len(names) > SHOWN_VALUES else ''}の推移を{when}の数値に更新（{shown}）"
        evidence = (f"計画自身の時点更新と推定（表の年の列の「{h.old.strip()}」を除き「{when}」を加え"
                    + (f"、本文の年と数値も{when}に更新）" if text else "）"))
        return statement, evidence
    return None


def mark_rolled_series(groups: list[Group]) -> None:
    """Each row that is a time series moved on (``rolled_series``) said so, its
    cause the plan's own update (``Group.own_update``)."""
    for g in groups:
        if g.own_update or g.statement or g.structural or g.every:
            continue
        found = rolled_series(g)
        if found:
            g.statement, g.own_update = found
