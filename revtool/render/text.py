"""Small plain-text helpers shared by renderers: page labels, section JSON."""

from __future__ import annotations

from typing import Any

from revtool.model import PageSpan, Section, SectionPath


def pages_label(span: PageSpan | None) -> str:
    """``P.12`` / ``P.12–13`` / ``ページ不明``."""
    if span is None:
        return "ページ不明"
    if span.first == span.last:
        return f"P.{span.first}"
    return f"P.{span.first}–{span.last}"


def section_text(section: Section) -> str:
    """The section's own body as text, tables included (cells tab-separated)."""
    return "\n".join(b.text for b in section.blocks)


def section_json(path: SectionPath, section: Section) -> dict[str, Any]:
    """One entry of ``revtool show --format json`` (DESIGN §2 contract)."""
    return {
        "path": list(path),
        "number": section.number,
        "title": section.title,
        "pages": section.pages.as_list() if section.pages else [],
        "text": section_text(section),
    }
