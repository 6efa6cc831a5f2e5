"""Printed page numbers and running headers/footers. Pure helpers.

* ``parse_page_label`` reads a footer or header like ``- 18 -``, ``18``,
  ``P.18``, ``－１８－``, ``18 / 64``, ``ii`` into a ``PageNumber``.
* ``running_keys`` finds lines in the top and bottom bands that repeat across
  pages once digits are masked (running headers, footers, page numbers).
* ``printed_numbers`` chooses one number per page, keeps only numbers that
  agree with their neighbours and fills a page between two numbered pages.
* ``page_map`` pairs each PDF page with its printed number.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from revtool.extract.pdf_lines import Line


@dataclass(frozen=True)
class PageNumber:
    """A printed page number: ``value`` for arabic numbers, ``roman`` for
    front-matter numerals (i, ii, …); ``text`` as printed."""

    text: str
    value: int | None = None
    roman: int | None = None

    @property
    def label(self) -> str:
        if self.value is not None:
            return str(self.value)
        return self.text.strip()


_DASH = "-－‐―—–−ー"
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_PATTERNS = (
    re.compile(rf"^[{_DASH}]\s*(\d{{1,4}})\s*[{_DASH}]$"),
    re.compile(r"^(\d{1,4})$"),
    re.compile(r"^(?:p|P|ｐ|Ｐ)\.?\s*(\d{1,4})$"),
    re.compile(r"^(?:ページ|頁)\s*(\d{1,4})$"),
    re.compile(r"^(\d{1,4})\s*(?:ページ|頁)$"),
    re.compile(r"^第\s*(\d{1,4})\s*(?:ページ|頁)$"),
    re.compile(r"^(\d{1,4})\s*/\s*\d{1,4}$"),
    re.compile(r"^[(（]\s*(\d{1,4})\s*[)）]$"),
)
_ROMAN_DASHED = re.compile(rf"^[{_DASH}]?\s*([ivxlcIVXLC]+|[ⅰ-ⅻⅠ-Ⅻ]+)\s*[{_DASH}]?$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(text: str) -> int | None:
    """Value of a lower- or upper-case roman numeral, ``None`` if it is not one."""
    low = unicodedata.normalize("NFKC", text).lower()
    if not low or not _ROMAN.match(low):
        return None
    total = 0
    for i, ch in enumerate(low):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[low[i + 1]] if i + 1 < len(low) else 0
        total += -v if nxt > v else v
    return total or None


def parse_page_label(text: str) -> PageNumber | None:
    """Read a line that is only a page number."""
    raw = text.strip()
    s = unicodedata.normalize("NFKC", raw).replace("\u3000", " ").strip()
    s = re.sub(r"\s+", " ", s)
    if not s or len(s) > 16:
        return None
    for pat in _PATTERNS:
        m = pat.match(s)
        if m:
            return PageNumber(raw, value=int(m.group(1)))
    m = _ROMAN_DASHED.match(s)
    if m:
        r = roman_value(m.group(1))
        if r is not None:
            return PageNumber(raw, roman=r)
    return None


def mask_digits(text: str) -> str:
    """The line with every number replaced by ``#`` and spaces removed."""
    return re.sub(r"\s+", "", re.sub(r"[0-9０-９]+", "#", text))


@dataclass(frozen=True)
class BandLine:
    """A line near the top or bottom edge of a page."""

    page: int  # position in the page list
    line: int  # index into that page's lines
    key: str
    top: float
    size: float


BAND = 0.12
"""Top and bottom share of the page where running headers and footers live."""


def band_lines(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[BandLine]:
    """The lines of each page lying in its top or bottom band (at most three each)."""
    out: list[BandLine] = []
    for p, (lines, h) in enumerate(zip(pages, heights)):
        tops = [i for i, ln in enumerate(lines) if ln.bottom <= BAND * h][:3]
        bottoms = [i for i, ln in enumerate(lines) if ln.top >= (1 - BAND) * h][-3:]
        for i in sorted(set(tops + bottoms)):
            ln = lines[i]
            out.append(BandLine(p, i, mask_digits(ln.text), ln.top, ln.size))
    return out


def _same_band_turned(a: BandLine, b: BandLine, heights: Sequence[float]) -> bool:
    """Whether two band lines of pages of different heights (a landscape 施策の体系
    among portrait pages) lie in the same band, top or bottom: a turned page sets
    its running head at its own margin, not at the portrait pages' height."""
    ha, hb = heights[a.page], heights[b.page]
    if abs(ha - hb) < 1.0:
        return False
    return (a.top < BAND * ha) == (b.top < BAND * hb)


def running_lines(pages: Sequence[Sequence[Line]], heights: Sequence[float], body_size: float) -> set[tuple[int, int]]:
    """(page, line) positions of running headers, footers and page numbers.

    A band line is running when it is only a page number, or when its masked
    text recurs at about the same height on other pages: on two pages if it is
    set smaller than the body text, on three otherwise (a heading that happens
    to open two pages is not a running header), and one of those pages must
    lie within two of this one: running lines repeat on neighbouring pages.
    A page of another height (turned to landscape) has its band lines' peers in
    the same band whatever their height (``_same_band_turned``).
    A line whose text is printed inside the body on more pages than in the
    bands is content that recurs (a table's header row left at the foot of
    two pages, whose table continues overleaf), never a running line.
    """
    band = band_lines(pages, heights)
    seen: dict[str, list[BandLine]] = {}
    for b in band:
        seen.setdefault(b.key, []).append(b)
    in_band = {(b.page, b.line) for b in band}
    in_body: dict[str, set[int]] = {}
    for p, lines in enumerate(pages):
        for i, ln in enumerate(lines):
            if (p, i) not in in_band:
                key = mask_digits(ln.text)
                if key in seen:
                    in_body.setdefault(key, set()).add(p)
    out: set[tuple[int, int]] = set()
    for b in band:
        ln = pages[b.page][b.line]
        if parse_page_label(ln.text) is not None:
            out.add((b.page, b.line))
            continue
        peers = {o.page for o in seen[b.key] if o.page != b.page and (abs(o.top - b.top) < 3.0 or _same_band_turned(o, b, heights))}
        need = 1 if b.size < body_size - 0.25 else 2
        near = any(abs(q - b.page) <= 2 for q in peers)  # odd/even headers alternate
        if b.size >= body_size + 0.5 and len(peers) + 1 < 0.5 * len(pages):
            continue  # set larger than the body: a heading opening several pages
        if len(in_body.get(b.key, ())) > len({o.page for o in seen[b.key]}):
            continue  # body text that happens to fall in the band on a few pages
        if len(peers) >= need and near:
            out.add((b.page, b.line))
    return at_margin(pages, heights, out | _running_variants(band, out, body_size), body_size)


def at_margin(pages: Sequence[Sequence[Line]], heights: Sequence[float], running: set[tuple[int, int]], body_size: float) -> set[tuple[int, int]]:
    """The running lines that stand at the page's edge: a running head has no
    line of text above it (a footer none below it) but other running lines.
    A label that opens every 施策 on its own page (``【現状と課題】`` under the
    施策's heading) recurs at the same height page after page, like a running
    head; the heading printed above it shows it is the text's. Lines set
    smaller than the body (a chapter tab, a second running line) do not count
    as text here."""
    out = set(running)
    for p, lines in enumerate(pages):
        mine = [i for i in range(len(lines)) if (p, i) in running]
        if not mine:
            continue
        text = [ln for i, ln in enumerate(lines) if (p, i) not in running and ln.size >= body_size - 0.25]
        for i in mine:
            ln = lines[i]
            if parse_page_label(ln.text) is not None:
                continue
            if ln.top < 0.5 * heights[p]:
                inside = any(t.bottom <= ln.top + 1.0 for t in text)  # text above a head
            else:
                inside = any(t.top >= ln.bottom - 1.0 for t in text)  # text below a footer
            if inside:
                out.discard((p, i))
    return out


RUNNING_SHARED = 8
"""Characters (numbers masked, spaces removed) a running head shares with its
neighbour's at least (and half of the shorter one's) when it names the part
it heads (``…基本計画（案）　第２章　本市を取り巻く…`` / ``…第３章　施策の展開``)."""


def _shared_ends(a: str, b: str) -> int:
    """The longer of the common prefix and the common suffix of two texts."""
    n = min(len(a), len(b))
    head = next((k for k in range(n) if a[k] != b[k]), n)
    tail = next((k for k in range(n) if a[-1 - k] != b[-1 - k]), n)
    return max(head, tail)


def _running_variants(band: Sequence[BandLine], running: set[tuple[int, int]], body_size: float) -> set[tuple[int, int]]:
    """Band lines that are a running head naming the chapter they head: a
    chapter one page long prints its variant on that page only, so it never
    recurs. Such a line is set smaller than the body, at the height and size
    of a running line on a page within two of its own, and shares its
    beginning or its end with it (``RUNNING_SHARED``)."""
    by_page: dict[int, list[BandLine]] = {}
    for b in band:
        if (b.page, b.line) in running:
            by_page.setdefault(b.page, []).append(b)
    out: set[tuple[int, int]] = set()
    for b in band:
        if (b.page, b.line) in running or b.size >= body_size - 0.25 or not b.key:
            continue
        for q in range(b.page - 2, b.page + 3):
            if q == b.page:
                continue
            if any(abs(o.top - b.top) < 3.0 and abs(o.size - b.size) < 0.3
                   and _shared_ends(o.key, b.key) >= max(RUNNING_SHARED, 0.5 * min(len(o.key), len(b.key)))
                   for o in by_page.get(q, ())):
                out.add((b.page, b.line))
                break
    return out


def page_number_candidates(lines: Sequence[Line], height: float) -> list[PageNumber]:
    """Page numbers printed in a page's bands, bottom band first."""
    bottoms = [ln for ln in lines if ln.top >= (1 - BAND) * height]
    tops = [ln for ln in lines if ln.bottom <= BAND * height]
    found: list[PageNumber] = []
    for ln in list(reversed(bottoms)) + tops:
        n = parse_page_label(ln.text)
        if n is None:
            n = _trailing_number(ln.text)
        if n is not None:
            found.append(n)
    return found


def _trailing_number(text: str) -> PageNumber | None:
    """A number standing apart at either end of a footer (``中野区　18``)."""
    s = unicodedata.normalize("NFKC", text).strip()
    m = re.search(r"(?:^|\s)[-‐]?\s*(\d{1,4})\s*[-‐]?$", s) or re.match(r"^[-‐]?\s*(\d{1,4})\s*[-‐]?(?:\s)", s)
    if m and len(s) > len(m.group(0)):
        return PageNumber(text.strip(), value=int(m.group(1)))
    return None


AGREE_WINDOW = 10
"""A page's number must agree with a numbered page at most this many pages away."""


def printed_numbers(candidates: Sequence[Sequence[PageNumber]], labels: Sequence[str] = ()) -> list[PageNumber | None]:
    """One printed number per page.

    An arabic number must agree with another page's: some page within
    ``AGREE_WINDOW`` pages shows the number that its distance predicts (the
    same offset between number and position), unless the document has one
    numbered page only.  Otherwise another candidate of the page that agrees
    is taken, or none.  A single unnumbered page between ``n - 1`` and
    ``n + 1`` gets ``n``.  A page with no printed number falls back to its
    /PageLabels entry.
    """
    n = len(candidates)
    offsets: dict[int, list[int]] = {}
    for i, cands in enumerate(candidates):
        for c in cands:
            if c.value is not None:
                offsets.setdefault(c.value - i, []).append(i)
    numbered = sum(1 for cands in candidates if any(c.value is not None for c in cands))

    def agrees(i: int, c: PageNumber) -> bool:
        assert c.value is not None
        if numbered <= 1:
            return True
        return any(j != i and abs(j - i) <= AGREE_WINDOW for j in offsets.get(c.value - i, []))

    chosen: list[PageNumber | None] = []
    for i, cands in enumerate(candidates):
        arabic = [c for c in cands if c.value is not None and agrees(i, c)]
        roman = [c for c in cands if c.roman is not None]
        chosen.append(arabic[0] if arabic else (roman[0] if roman else None))

    def val(i: int) -> int | None:
        c = chosen[i]
        return c.value if c is not None else None

    for i in range(1, n - 1):
        a, b = val(i - 1), val(i + 1)
        if chosen[i] is None and a is not None and b is not None and b - a == 2:
            chosen[i] = PageNumber("", value=a + 1)
    for i, lab in enumerate(labels):
        if i < n and chosen[i] is None and lab:
            chosen[i] = parse_page_label(lab) or PageNumber(lab)
    return chosen


def page_map(numbers: Sequence[PageNumber | None]) -> tuple[tuple[int, int], ...]:
    """(PDF page, printed page) of every page with an arabic printed number,
    the PDF page counted from 1 as a viewer shows it; () when every such page
    prints its own PDF page number (nothing to tell apart: ``Document.page_map``)."""
    pairs = tuple((i + 1, n.value) for i, n in enumerate(numbers) if n is not None and n.value is not None)
    return pairs if any(pdf != printed for pdf, printed in pairs) else ()


def page_name(number: PageNumber | None, index: int) -> str:
    """How a page is named in messages: its printed number, else its PDF position."""
    if number is not None and number.label:
        return f"{number.label}ページ"
    return f"PDF {index + 1}ページ目"


def most_common_size(pages: Sequence[Sequence[Line]]) -> float:
    counts: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            counts[round(ln.size, 1)] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 10.0
