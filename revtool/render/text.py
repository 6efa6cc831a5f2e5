"""Small plain-text helpers shared by renderers: page labels, section JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from revtool.model import PageSpan, Section, SectionPath


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


def section_text(section: Section) -> str:
    """The section's own body as text, tables included (cells tab-separated)."""
    return "\n".join(b.text for b in section.blocks)


def section_json(path: SectionPath, section: Section) -> dict[str, Any]:
    """One entry of ``revtool show --format json`` (docs/ARCHITECTURE.md §2 contract)."""
    return {
        "path": list(path),
        "number": section.number,
        "title": section.title,
        "pages": section.pages.as_list() if section.pages else [],
        "text": section_text(section),
    }
