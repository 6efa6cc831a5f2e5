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
   of the part found; a block not found keeps ``pages=None``.  A PDF block
   that says where it turns the page (``Block.page_breaks``) gives each of its
   characters its own page, so a DOCX block found over a page break gets its
   ``page_breaks`` too.

The PDF's page map (``Document.page_map``: PDF page → printed page) comes
along, so that a 該当箇所 citing the PDF viewer's page can be read as such.

Pure: no files, only the two ``Document`` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Sequence

from revtool.model import Block, Document, PageSpan, Section, SectionPath, page_breaks_valid, paged_span
from revtool.normalize import normalize_key, normalize_with_map

MIN_PIECE = 8
"""Shortest stretch of text that may place a block found only in part."""

WRAP_MIN = 20
"""Shortest text that is also looked for behind the cursor: a short one
(``令和7年10月``) would be found anywhere."""


def text_key(text: str) -> str:
    """The comparison key without any whitespace (line breaks, tabs of tables)."""
    return _SPACE.sub("", normalize_key(text))


_SPACE = re.compile(r"\s+")


def keyed(text: str) -> tuple[str, list[int]]:
    """``text_key(text)`` and, for each of its characters, the offset in ``text``
    of the character it comes from."""
    key, origin = normalize_with_map(text)
    kept = [i for i, ch in enumerate(key) if not _SPACE.match(ch)]
    return "".join(key[i] for i in kept), [origin[i] for i in kept]


def path_key(path: SectionPath) -> tuple[str, ...]:
    return tuple(text_key(h) for h in path)


@dataclass
class Found:
    """Where a block's key was found: its pages, and the printed page of each
    key character found on a page known exactly (by its index in the key)."""

    span: PageSpan | None
    exact: dict[int, int]


@dataclass
class PagedText:
    """Blocks laid end to end: the key text, and the page span of each character
    (one page when the block says where it turns the page)."""

    text: str
    spans: list[PageSpan | None]
    cursor: int = 0

    @staticmethod
    def of(blocks: Sequence[Block]) -> "PagedText":
        parts: list[str] = []
        spans: list[PageSpan | None] = []
        for b in blocks:
            if b.page_breaks:
                k, origin = keyed(b.text)
                spans.extend(_one_page(b.page_at(o)) for o in origin)
            else:
                k = text_key(b.text)
                spans.extend([b.pages] * len(k))
            parts.append(k)
        return PagedText("".join(parts), spans)

    def locate(self, key: str) -> tuple[bool, PageSpan | None]:
        """Whether ``key``'s text is found, and its pages (``None`` for text on
        unnumbered pages).  The search runs from the cursor on; a long text
        is also looked for before it (a moved block); the cursor moves past
        what was found."""
        found = self.find(key)
        return found is not None, found.span if found is not None else None

    def find(self, key: str) -> Found | None:
        """``locate`` with the page of every character found (``None``: not found)."""
        if not key or not self.text:
            return None
        starts = (self.cursor, 0) if len(key) >= WRAP_MIN and self.cursor else (self.cursor,)
        for start in starts:
            pos = self.text.find(key, start)
            if pos >= 0:
                self.cursor = pos + len(key)
                return self._found([(0, pos, len(key))])
        return self._partial(key)

    def _found(self, pieces: "list[tuple[int, int, int]]") -> Found:
        """Pieces as (index in the key, index in ``text``, size)."""
        spans = [s for _, b, n in pieces for s in self.spans[b : b + n]]
        exact = {a + j: s.first for a, b, n in pieces for j, s in enumerate(self.spans[b : b + n])
                 if s is not None and s.first == s.last}
        return Found(PageSpan.cover(spans), exact)

    def _partial(self, key: str) -> Found | None:
        if len(key) < MIN_PIECE:
            return None
        window_start = self.cursor
        window = self.text[window_start : window_start + 3 * len(key) + 200]
        found = self._pieces(key, window, window_start)
        if found is None and window_start and len(key) >= WRAP_MIN:
            found = self._pieces(key, self.text, 0)
        return found

    def _pieces(self, key: str, window: str, offset: int) -> Found | None:
        sm = SequenceMatcher(None, key, window, autojunk=False)
        pieces = [m for m in sm.get_matching_blocks() if m.size >= MIN_PIECE]
        if not pieces or sum(m.size for m in pieces) < 0.3 * len(key):
            return None
        self.cursor = offset + pieces[-1].b + pieces[-1].size
        return self._found([(m.a, offset + m.b, m.size) for m in pieces])


def _one_page(page: int | None) -> PageSpan | None:
    return None if page is None else PageSpan(page, page)


def placed(block: Block, found: Found | None) -> Block:
    """``block`` with the pages where its text was found; with ``page_breaks``
    when the text found runs over pages known character by character."""
    if found is None:
        return replace(block, pages=None, page_breaks=())
    if found.span is None or found.span.first == found.span.last or not found.exact:
        return replace(block, pages=found.span, page_breaks=())
    _, origin = keyed(block.text)
    at = sorted(found.exact)
    span, breaks = paged_span([origin[i] for i in at], [found.exact[i] for i in at])
    if span != found.span or not page_breaks_valid(breaks, span, len(block.text)):
        return replace(block, pages=found.span, page_breaks=())  # text on pages known only as a span
    return replace(block, pages=span, page_breaks=breaks)


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
            found = local.find(key) if local is not None else None
            if found is None:
                found = whole.find(key)
            out.append(placed(b, found))
        return tuple(out)

    def visit(sec: Section, parent: tuple[str, ...], around: PagedText | None) -> Section:
        nonlocal matched
        key = parent + (text_key(sec.heading),)
        twin = pdf_sections.get(key)
        head = heading_span(key)
        if twin is not None:
            matched += 1
        elif around is not None:
            # a heading the PDF prints as a line of its parent's text (a bold 「ア　…」 the
            # DOCX styles as a heading): found there, in order, it is matched all the same
            found = around.find(text_key(sec.heading))
            if found is not None:
                matched += 1
                head = _one_page(found.span.first) if found.span is not None else None
        local = PagedText.of(twin.blocks) if twin is not None else None
        blocks = place(sec.blocks, local)
        inner = local if local is not None else around
        children = tuple(visit(c, key, inner) for c in sec.children)
        pages = PageSpan.cover([head, *(b.pages for b in blocks), *(c.pages for c in children)])
        return replace(sec, blocks=blocks, children=children, pages=pages)

    front = place(doc.front, None)
    sections = tuple(visit(s, (), None) for s in doc.sections)
    total = len(doc.walk())
    warnings = list(doc.warnings)
    if total and matched < total:
        name = paged.source.name if paged.source else "PDF"
        warnings.append(
            f"{name}: 見出しが一致した節は {total} 節中 {matched} 節です。"
            "一致しない節のページ番号は本文の位置から推定したか、空のままです。"
        )
    return replace(doc, front=front, sections=sections, warnings=tuple(warnings), page_map=paged.page_map)
