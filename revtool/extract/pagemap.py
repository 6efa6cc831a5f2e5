"""Printed pages for a DOCX-derived ``Document`` from the PDF of the same
document (``revtool ingest a.docx --pages-from a.pdf``).

DOCX has no fixed pages.  ``assign_pages`` aligns the two documents' text:

1. sections by heading path (compared on the normalized key), which gives
   each DOCX section the page its heading is printed on;
2. blocks by normalized text position: the PDF's blocks of the matched
   section (or of the whole document, for front matter and sections the PDF
   lacks) are laid end to end with every character knowing its page, and
   each DOCX block is found in that stream, in order.  A block found only in
   part (edited between the two files, or split differently) takes the pages
   of the part found; a block not found keeps ``pages=None``.

Pure: no files, only the two ``Document`` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Sequence

from revtool.model import Block, Document, PageSpan, Section, SectionPath
from revtool.normalize import normalize_key

MIN_PIECE = 8
"""Shortest stretch of text that may place a block found only in part."""

WRAP_MIN = 20
"""Shortest text that is also looked for behind the cursor: a short one
(``令和7年10月``) would be found anywhere."""


def text_key(text: str) -> str:
    """The comparison key without any whitespace (line breaks, tabs of tables)."""
    return re.sub(r"\s+", "", normalize_key(text))


def path_key(path: SectionPath) -> tuple[str, ...]:
    return tuple(text_key(h) for h in path)


@dataclass
class PagedText:
    """Blocks laid end to end: the key text, and the page span of each character."""

    text: str
    spans: list[PageSpan | None]
    cursor: int = 0

    @staticmethod
    def of(blocks: Sequence[Block]) -> "PagedText":
        parts: list[str] = []
        spans: list[PageSpan | None] = []
        for b in blocks:
            k = text_key(b.text)
            parts.append(k)
            spans.extend([b.pages] * len(k))
        return PagedText("".join(parts), spans)

    def locate(self, key: str) -> tuple[bool, PageSpan | None]:
        """Whether ``key``'s text is found, and its pages (``None`` for text on
        unnumbered pages).  The search runs from the cursor on; a long text
        is also looked for before it (a moved block); the cursor moves past
        what was found."""
        if not key or not self.text:
            return False, None
        starts = (self.cursor, 0) if len(key) >= WRAP_MIN and self.cursor else (self.cursor,)
        for start in starts:
            pos = self.text.find(key, start)
            if pos >= 0:
                self.cursor = pos + len(key)
                return True, PageSpan.cover(self.spans[pos : pos + len(key)])
        return self._partial(key)

    def _partial(self, key: str) -> tuple[bool, PageSpan | None]:
        if len(key) < MIN_PIECE:
            return False, None
        window_start = self.cursor
        window = self.text[window_start : window_start + 3 * len(key) + 200]
        found = self._pieces(key, window, window_start)
        if not found[0] and window_start and len(key) >= WRAP_MIN:
            found = self._pieces(key, self.text, 0)
        return found

    def _pieces(self, key: str, window: str, offset: int) -> tuple[bool, PageSpan | None]:
        sm = SequenceMatcher(None, key, window, autojunk=False)
        pieces = [m for m in sm.get_matching_blocks() if m.size >= MIN_PIECE]
        if not pieces or sum(m.size for m in pieces) < 0.3 * len(key):
            return False, None
        spans = [s for m in pieces for s in self.spans[offset + m.b : offset + m.b + m.size]]
        self.cursor = offset + pieces[-1].b + pieces[-1].size
        return True, PageSpan.cover(spans)


def _all_blocks(doc: Document) -> list[Block]:
    return list(doc.front) + [b for _, s in doc.walk() for b in s.blocks]


def assign_pages(doc: Document, paged: Document) -> Document:
    """``doc`` with the printed pages of ``paged`` (the PDF of the same document)
    on its sections and blocks.  Text of ``doc`` is never changed."""
    pdf_sections = {path_key(p): s for p, s in paged.walk()}
    whole = PagedText.of(_all_blocks(paged))
    matched = 0

    def heading_span(key: tuple[str, ...]) -> PageSpan | None:
        s = pdf_sections.get(key)
        if s is None or s.pages is None:
            return None
        return PageSpan(s.pages.first, s.pages.first)

    def place(blocks: Sequence[Block], local: PagedText | None) -> tuple[Block, ...]:
        out: list[Block] = []
        for b in blocks:
            key = text_key(b.text)
            found, span = local.locate(key) if local is not None else (False, None)
            if not found:
                found, span = whole.locate(key)
            out.append(replace(b, pages=span))
        return tuple(out)

    def visit(sec: Section, parent: tuple[str, ...]) -> Section:
        nonlocal matched
        key = parent + (text_key(sec.heading),)
        twin = pdf_sections.get(key)
        if twin is not None:
            matched += 1
        local = PagedText.of(twin.blocks) if twin is not None else None
        blocks = place(sec.blocks, local)
        children = tuple(visit(c, key) for c in sec.children)
        pages = PageSpan.cover([heading_span(key), *(b.pages for b in blocks), *(c.pages for c in children)])
        return replace(sec, blocks=blocks, children=children, pages=pages)

    front = place(doc.front, None)
    sections = tuple(visit(s, ()) for s in doc.sections)
    total = len(doc.walk())
    warnings = list(doc.warnings)
    if total and matched < total:
        name = paged.source.name if paged.source else "PDF"
        warnings.append(
            f"{name}: 見出しが一致した節は {total} 節中 {matched} 節です。"
            "一致しない節のページ番号は本文の位置から推定したか、空のままです。"
        )
    return replace(doc, front=front, sections=sections, warnings=tuple(warnings))
