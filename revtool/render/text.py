"""Small plain-text helpers shared by renderers: section text and JSON (page labels: ``revtool.pages``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from revtool.model import Section, SectionPath
from revtool.pages import page_range

__all__ = ["page_range", "section_json", "section_text", "sections_json"]


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


def sections_json(version: str, entries: Sequence[tuple[SectionPath, Section]]) -> str:
    """``revtool show --format json``: the version and its sections (one line per key, no final newline)."""
    return json.dumps({"version": version, "sections": [section_json(p, s) for p, s in entries]},
                      ensure_ascii=False, indent=2)
