"""Paragraph styles of a DOCX with their ``basedOn`` chain resolved.

Only what extraction needs: the style *name* (never the styleId, which is
``1`` for Heading 1 in Japanese Word), the outline level, the numbering
reference, bold and font size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from revtool.extract.docx_numbering import w, wval

_HEADING_NAME = re.compile(r"^(?:heading|見出し)\s*([0-9]+)$", re.IGNORECASE)
# "TOC Heading" is based on Heading 1 and inherits its outline level: never a heading.
_TOC_NAME = re.compile(r"^(?:toc|目次|索引|index)\s*[0-9]*$|^toc heading$|^目次の見出し$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "表題", "タイトル"})


def on(element: etree._Element | None) -> bool | None:
    """A w:b-like toggle: None when absent, else whether it is switched on."""
    if element is None:
        return None
    return wval(element) not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class StyleInfo:
    style_id: str
    name: str
    based_on: str | None
    outline_level: int | None  # 0-based; 9 = body text
    num_id: str | None
    ilvl: int | None
    bold: bool | None
    size: int | None  # half-points


def _parse_style(style: etree._Element) -> StyleInfo:
    ppr = style.find(w("pPr"))
    rpr = style.find(w("rPr"))
    outline = wval(ppr.find(w("outlineLvl"))) if ppr is not None else None
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    num_id = wval(num_pr.find(w("numId"))) if num_pr is not None else None
    ilvl = wval(num_pr.find(w("ilvl"))) if num_pr is not None else None
    size = wval(rpr.find(w("sz"))) if rpr is not None else None
    return StyleInfo(
        style_id=style.get(w("styleId"), ""),
        name=wval(style.find(w("name"))) or "",
        based_on=wval(style.find(w("basedOn"))),
        outline_level=int(outline) if outline and outline.isdigit() else None,
        num_id=num_id,
        ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
        bold=on(rpr.find(w("b"))) if rpr is not None else None,
        size=int(size) if size and size.isdigit() else None,
    )


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, StyleInfo] = {}
        self.characters: dict[str, StyleInfo] = {}  # character styles (w:rStyle)
        self.default_paragraph: str | None = None
        self.default_size: int | None = None
        if root is None:
            return
        for style in root.findall(w("style")):
            if style.get(w("type")) == "character":
                character = _parse_style(style)
                self.characters[character.style_id] = character
                continue
            if style.get(w("type")) not in (None, "paragraph"):
                continue
            info = _parse_style(style)
            self.by_id[info.style_id] = info
            if style.get(w("default")) in ("1", "true"):
                self.default_paragraph = info.style_id
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('sz')}")
        size = wval(defaults)
        if size and size.isdigit():
            self.default_size = int(size)

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style and its ancestors, nearest first (cycles cut)."""
        out: list[StyleInfo] = []
        current = style_id if style_id is not None else self.default_paragraph
        while current and current in self.by_id and all(s.style_id != current for s in out):
            info = self.by_id[current]
            out.append(info)
            current = info.based_on
        return out

    def name(self, style_id: str | None) -> str:
        chain = self.chain(style_id)
        return chain[0].name if chain else ""

    def outline_level(self, style_id: str | None) -> int | None:
        for info in self.chain(style_id):
            if info.outline_level is not None:
                return info.outline_level
        return None

    def heading_level(self, style_id: str | None, direct_outline: int | None = None) -> int | None:
        """1-based heading level, or None for body text.

        A direct outline level decides; otherwise the style chain, nearest
        style first, each style by its own outline level and then by its name
        (``heading N`` / ``見出し N``), so a heading-named style based on a
        Normal that says "body text" (9) is still a heading."""
        if direct_outline is not None:
            return direct_outline + 1 if direct_outline < 9 else None
        for info in self.chain(style_id):
            if info.outline_level is not None:
                return info.outline_level + 1 if info.outline_level < 9 else None
            found = _HEADING_NAME.match(unicodedata.normalize("NFKC", info.name).strip())
            if found:
                return int(found.group(1))
        return None

    def run_emphasis(self, char_style_id: str) -> tuple[bool | None, int | None]:
        """(bold, size) a character style gives a run, None where it is silent."""
        bold: bool | None = None
        size: int | None = None
        seen: set[str] = set()
        current: str | None = char_style_id
        while current and current in self.characters and current not in seen:
            seen.add(current)
            info = self.characters[current]
            bold = info.bold if bold is None else bold
            size = info.size if size is None else size
            current = info.based_on
        return bold, size

    def is_toc(self, style_id: str | None) -> bool:
        return any(_TOC_NAME.match(unicodedata.normalize("NFKC", i.name).strip()) for i in self.chain(style_id))

    def is_title(self, style_id: str | None) -> bool:
        return any(i.name.strip().lower() in _TITLE_NAMES for i in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        """(numId, ilvl or None) from the nearest style in the chain with numPr."""
        for info in self.chain(style_id):
            if info.num_id is not None:
                return info.num_id, info.ilvl
        return None

    def bold(self, style_id: str | None) -> bool:
        for info in self.chain(style_id):
            if info.bold is not None:
                return info.bold
        return False

    def size(self, style_id: str | None) -> int | None:
        for info in self.chain(style_id):
            if info.size is not None:
                return info.size
        return self.default_size
