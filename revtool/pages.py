"""Printed page numbers as revtool writes them: the one home of page labels.

``page_range`` on every screen, in messages and terminal tables (「P.12」,
「P.12–13」); ``official_pages`` only in the 別紙2 table's 案のページ column,
which follows the published tables (「P. 12、P. 13」). Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from revtool.model import PageSpan


def page_range(pages: PageSpan | Sequence[int] | None, missing: str = "ページ不明") -> str:
    """``P.12`` / ``P.12–13`` (the first page to the last), ``missing`` when there is none."""
    if pages is None:
        return missing
    if isinstance(pages, PageSpan):
        first, last = pages.first, pages.last
    elif not pages:
        return missing
    else:
        first, last = min(pages), max(pages)
    return f"P.{first}" if first == last else f"P.{first}–{last}"


def page_list(pages: Sequence[int], missing: str = "") -> str:
    """``P.3–5`` for a run of pages, ``P.3、7`` for pages apart."""
    if not pages:
        return missing
    if list(pages) == list(range(pages[0], pages[-1] + 1)):
        return page_range(pages)
    return "P." + "、".join(str(p) for p in pages)


RANGE_MIN = 3
"""A run of this many consecutive pages or more is written as a range."""
MAX_ENTRIES = 10
"""More entries than this (an office renamed on 44 pages in 12 runs) on at
least half the pages of their span, and the cell says the span: a cell of more
than ten page references is a list nobody reads. Pages scattered thinly (one
per chapter) stay listed: the span would hide where. The JSON keeps every page
(an_pages)."""


def official_pages(pages: Sequence[int]) -> str:
    """「P. 12、P. 13」: the 案のページ column of the official 別紙2 tables; a run
    of three pages or more as a range, as staff write it (「P. 131～165」); more
    than ``MAX_ENTRIES`` entries on most pages of their span as that span
    (「P. 6～61」)."""
    runs: list[list[int]] = []
    for p in dict.fromkeys(pages):  # in the row's order
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    out: list[str] = []
    if not runs:
        return ""
    first, last = min(pages), max(pages)
    if sum(1 if len(r) >= RANGE_MIN else len(r) for r in runs) > MAX_ENTRIES and 2 * len(set(pages)) >= last - first + 1:
        return f"P. {first}～{last}"  # on most pages of the span: the span, not a list nobody reads
    for run in runs:
        if len(run) >= RANGE_MIN:
            out.append(f"P. {run[0]}～{run[-1]}")
        else:
            out.extend(f"P. {p}" for p in run)
    return "、".join(out)
