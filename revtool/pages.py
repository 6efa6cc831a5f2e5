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


def official_pages(pages: Sequence[int]) -> str:
    """「P. 12、P. 13」: the 案のページ column of the official 別紙2 tables."""
    return "、".join(f"P. {p}" for p in pages)
