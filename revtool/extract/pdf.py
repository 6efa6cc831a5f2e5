"""PDF -> ``Document``: body text in reading order, printed page numbers,
headings, lists and tables.

Engines: pypdfium2 reads every page (glyphs with boxes, font size and weight,
ruling lines, images: ~3-5 ms a page against pdfplumber's ~30-50); the
lattice geometry of tables is pdfplumber's (``pdf_tables``); line joining,
running headers and page numbers are our own pure helpers (``pdf_lines``,
``pdf_pages``); ``outline.build_outline`` nests the headings.  Pages are
independent: a long document is analysed in two processes over page ranges
when a core is free (``default_workers``), the results merged in page order.

Stages:
1. ``analyze_page``: one page -> ``PageLayout`` (lines, tables, problem).
2. ``extract_pdf``: running headers/footers and printed numbers across
   pages, unreadable pages, then the reading-order stream of paragraphs,
   list items, tables and ``RawHeading``s for ``build_outline``.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import re
import signal
import sys
import threading
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

import pypdfium2 as pdfium

from revtool.errors import InputFileError, UnreadablePagesError
from revtool.extract.base import RawHeading, RawItem
from revtool.extract.outline import (
    COUNTERS, LIST_MARKER_KINDS, build_outline, is_quantity, looks_like_heading, parse_marker, strip_decoration,
)
from revtool.normalize import compact_key
from revtool.extract.pdf_glyphs import PageGlyphs, StreamBombError, StreamCaps, count_pages
from revtool.extract.pdf_miner import iter_miner_pages
from revtool.extract.pdf_lines import (
    LayoutMetrics,
    Line,
    body_metrics,
    bullet_label,
    group_lines,
    indents_paragraphs,
    is_vertical,
    join_wrapped,
    order_columns,
    starts_paragraph,
    stops_short,
    turn_vertical,
)
from revtool.extract.pdf_pages import (
    PageNumber,
    most_common_size,
    page_map,
    page_name,
    page_number_candidates,
    printed_numbers,
    running_lines,
)
from revtool.extract.pdf_quality import page_problem, visible_count
from revtool.extract.pdf_read import RawPage, read_page
from revtool.extract.pdf_tables import PageTable, find_frames, find_ruled, glyphs_outside, row_overleaf, same_columns, stitch
from revtool.extract.pdf_column_tables import find_column_tables
from revtool.extract.pdf_text_tables import find_text_tables, table_of, text_table_starts
from revtool.model import Block, BlockKind, Document, PageSpan, Source, Table, paged_span

VERTICAL_SHARE = 0.6
NOTE_MARKS = "※＊*"
PARALLEL_MIN_PAGES = 48
_PR_SET_PDEATHSIG = 1

# ---------------------------------------------------------------- one page


@dataclass(frozen=True)
class PageLayout:
    """One page after layout analysis. A vertical page is stored turned
    sideways (columns as lines), with width and height swapped."""

    index: int
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[PageTable, ...]
    problem: str = ""
    vertical: bool = False
    label: str = ""
    blank: bool = False
    frames: tuple[tuple[float, float, float, float], ...] = ()
    bad_chars: int = 0  # unmapped glyphs left out of a page that is otherwise readable
    slow: bool = False  # read through pdfminer: pdfium's text depended on the machine's fonts
    rows: tuple[PageTable, ...] = ()  # frames that are one ruled row of cells (their text stays in ``lines``)


_GLOSS = re.compile(r"（[^（）。]{1,30}）|\([^()。]{1,30}\)")
"""A parenthesised gloss in a title (「仕事と生活の調和（ワーク・ライフ・バランス）」, an
abbreviation, a reading): it lengthens a heading without making it a sentence."""


def analyze_page(raw: RawPage) -> PageLayout:
    glyphs = list(raw.glyphs)
    visible = visible_count(glyphs)
    problem = page_problem(raw, visible)
    blank = visible == 0 and raw.image_cover < 0.5
    if problem:
        return PageLayout(raw.index, raw.width, raw.height, (), (), problem, False, raw.label, blank)
    if is_vertical(glyphs, VERTICAL_SHARE):
        turned = turn_vertical(glyphs, raw.width)
        lines = order_columns(group_lines(turned))
        return PageLayout(raw.index, raw.height, raw.width, tuple(lines), (), "", True, raw.label, blank, (), raw.bad_chars)
    tables, frames, rows = find_ruled(raw.edges, glyphs)
    if tables:
        glyphs = glyphs_outside(glyphs, [t.bbox for t in tables])
    return PageLayout(
        raw.index, raw.width, raw.height, tuple(order_columns(group_lines(glyphs))), tuple(tables), "", False,
        raw.label, blank,
        tuple(find_frames(raw.boxes, tables, frames)), raw.bad_chars, rows=tuple(rows),
    )


def _open(path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            if password:
                raise InputFileError(
                    f"{path.name}: パスワードが違います。暗号化された PDF を開けません。",
                    hint="正しいパスワードを --password で指定してください。",
                ) from exc
            raise InputFileError(
                f"{path.name}: パスワードで保護された PDF です。",
                hint="パスワードを --password で指定するか、保護を解除した PDF を使ってください。",
            ) from exc
        if code == 6:  # FPDF_ERR_SECURITY
            raise InputFileError(f"{path.name}: 対応していない暗号化方式の PDF です。") from exc
        raise InputFileError(f"{path.name}: PDF が壊れていて読めません（{exc}）。") from exc


def needs_slow_path(raw: RawPage, drawn: PageGlyphs | None) -> bool:
    """Whether pdfium's text of a page cannot be trusted to be the same on every
    machine: it returned fewer characters than the content stream draws, or
    the page draws text in a CID font the PDF does not embed (pdfium then lays
    it out with whatever fonts are installed)."""
    if drawn is None:
        return False
    return drawn.unembedded_cid or visible_count(raw.glyphs) + raw.bad_chars < drawn.visible


def _drawn(path: str, password: str | None, start: int, stop: int) -> list[PageGlyphs | None]:
    """What each page's content streams draw; ``None`` for a page drawn in
    embedded fonts only, and for every page when pdfminer cannot parse the
    file (pdfium's text is then taken as it is)."""
    try:
        return list(count_pages(path, password, start, stop, StreamCaps(Path(path).name)))
    except StreamBombError:
        raise
    except Exception:  # pdfminer cannot parse what pdfium can: keep pdfium's text
        return [None] * (stop - start)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while pages are read and laid out.

    Reading a page creates thousands of glyph tuples, lines and layouts, none
    of them in a reference cycle: objects are still freed by their reference
    count, but the collector would walk the young ones every 700 allocations
    and, twice or so a document, every object of the process (the imported
    modules included) — 3-5 % of the reading (issue 15). Only cyclic garbage
    made meanwhile waits for the next collection; pdfminer's parsers, which
    make it, run with the collector on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _analyze_range(path: str, password: str | None, start: int, stop: int) -> list[PageLayout]:
    """Pages ``start`` to ``stop - 1``, each analysed as soon as it is read so
    that only one page's glyphs are held at a time."""
    drawn = _drawn(path, password, start, stop)  # first: refuses stream bombs before pdfium inflates them
    # a page drawn in a CID font the PDF does not embed is read through pdfminer
    # whatever pdfium finds: pdfium is not asked for its text
    unembedded = {start + k for k, d in enumerate(drawn) if d is not None and d.unembedded_cid}
    out: dict[int, PageLayout] = {}
    slow: dict[int, RawPage] = {}  # pages to read through pdfminer
    pdf = _open(Path(path), password)
    try:
        with _gc_paused():
            for k, i in enumerate(range(start, stop)):
                raw = read_page(pdf, i, glyphs=i not in unembedded)
                if i in unembedded or needs_slow_path(raw, drawn[k] if k < len(drawn) else None):
                    slow[i] = raw
                else:
                    out[i] = analyze_page(raw)
        for i, glyphs, bad in iter_miner_pages(path, password, set(slow)):
            raw = replace(slow.pop(i), glyphs=tuple(glyphs), bad_chars=bad)
            out[i] = replace(analyze_page(raw), slow=True)
        for i, raw in slow.items():  # pdfminer lost the page: pdfium's text after all
            out[i] = analyze_page(read_page(pdf, i) if i in unembedded else raw)
    finally:
        pdf.close()
    return [out[i] for i in range(start, stop)]


def _die_with_parent() -> None:
    """Worker initializer: end this process when the one that started it dies,
    even by ``kill -9`` (no orphaned workers reading pages for nobody).
    Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG); elsewhere, and as a
    backstop, a thread sees the parent change (re-parented to init)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl (another libc): the watchdog remains
            pass
    if os.getppid() != parent or parent == 1:
        os._exit(1)  # the parent died before the signal was armed

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="revtool-parent-watch", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers die with their parent."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent)


def default_workers(count: int) -> int:
    """Processes for reading ``count`` pages: two when the document is long
    enough to repay starting a second process (~0.2 s of CPU, measured) and a
    core is idle; one on a busy machine, where a second process only adds
    that CPU (issue 15: on a loaded 2-core machine the pool took 5-20 % more
    CPU for the same or a longer wall time)."""
    cores = os.cpu_count() or 1
    if cores < 2 or count < PARALLEL_MIN_PAGES:
        return 1
    try:
        load = os.getloadavg()[0]  # this process counts for about one
    except (OSError, AttributeError):  # no load average (Windows): assume a free core
        return 2
    return 2 if load < cores - 0.5 else 1


def analyze_pages(path: Path, password: str | None, count: int, workers: int | None = None) -> list[PageLayout]:
    """All pages, in order; two processes for long documents when a core is free
    (``default_workers``); ``workers`` forces the number."""
    workers = workers if workers is not None else default_workers(count)
    if workers <= 1 or count < 2:
        return _analyze_range(str(path), password, 0, count)
    chunks = workers * 2
    bounds = [round(count * k / chunks) for k in range(chunks + 1)]
    with worker_pool(workers) as pool:
        futures = [pool.submit(_analyze_range, str(path), password, a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
        out: list[PageLayout] = []
        for f in futures:
            out.extend(f.result())
    return out


# ---------------------------------------------------------------- headings


_norm = compact_key


@dataclass
class _Bookmark:
    title: str
    key: str
    level: int
    page: int
    used: bool = False


def read_bookmarks(pdf: pdfium.PdfDocument) -> list[_Bookmark]:
    out: list[_Bookmark] = []
    try:
        for i, bm in enumerate(pdf.get_toc()):
            if i > 5000:
                break
            dest = bm.get_dest()
            page = dest.get_index() if dest is not None else None
            title = strip_decoration((bm.get_title() or "").strip())
            if page is None or not title:
                continue
            out.append(_Bookmark(title, _norm(title), bm.level, page))
    except Exception:  # a broken outline tree: fall back to styles
        return []
    return out


_TOC_LINE = re.compile(r"(?:[.．…‥・･_]{3,}|[.．…‥・･_](?: ?[.．…‥・･_]){2,})\s*[-－]?\s*[0-9０-９ivxIVX]{1,4}\s*[-－]?$")
_HEADING_KINDS = {"part", "chapter", "section", "article", "dai", "decimal", "paren", "shisaku", "kihon"}
_TITLE_KINDS = frozenset({"dai", "decimal", "bare", "paren"})
"""Markers of the official ladder's heading rungs (第１, １, （１）) that may
number a heading set in the body's own style (``_Stream.numbered_title``)."""


def is_toc_line(text: str) -> bool:
    """A table-of-contents entry: a title, a dot leader and a page number."""
    return bool(_TOC_LINE.search(text.strip()))


def _bucket(size: float) -> float:
    return round(size * 2) / 2


@dataclass
class _Styles:
    """Font styles of the body and of headings, for documents without bookmarks.

    ``buckets`` are the sizes (to half a point) of the lines that carry a
    heading marker and are set larger than the body, largest first: a
    heading's font-size rank is its place among them.
    """

    body_size: float
    body_bold: bool
    buckets: tuple[float, ...] = ()
    prose: frozenset[float] = frozenset()  # sizes (buckets) of lines that end a sentence: running text, not headings

    def heading_like(self, ln: Line) -> bool:
        return self.bigger(ln) or (ln.bold and not self.body_bold and ln.size >= self.body_size - 0.25)

    def bigger(self, ln: Line) -> bool:
        return ln.size >= self.body_size + 0.5

    def rank(self, ln: Line) -> int:
        b = _bucket(ln.size)
        return 1 + sum(1 for s in self.buckets if s > b)


def _styles(pages: Sequence[Sequence[Line]]) -> _Styles:
    counts: dict[tuple[float, bool], int] = {}
    for lines in pages:
        for ln in lines:
            k = (round(ln.size, 1), ln.bold)
            counts[k] = counts.get(k, 0) + len(ln.text)
    if not counts:
        return _Styles(10.0, False)
    (size, bold) = max(counts, key=lambda k: counts[k])
    st = _Styles(size, bold)
    marked = {
        _bucket(ln.size)
        for lines in pages
        for ln in lines
        if st.bigger(ln) and parse_marker(ln.text) is not None and not is_toc_line(ln.text)
    }
    st.buckets = tuple(sorted(marked, reverse=True))
    st.prose = frozenset(_bucket(ln.size) for lines in pages for ln in lines if ln.text.rstrip().endswith("。"))
    return st


# ---------------------------------------------------------------- the stream


@dataclass
class _Para:
    lines: list[Line]
    label: str
    line_pages: list[int | None]  # the printed page of each line

    def text(self) -> str:
        return self.text_and_starts()[0]

    def text_and_starts(self) -> tuple[str, list[int]]:
        """The joined text and where each line starts in it."""
        out = ""
        starts: list[int] = []
        for ln in self.lines:
            piece = ln.text.strip(" ")
            out = join_wrapped(out, piece)
            starts.append(len(out) - len(piece))
        return out, starts


def _span(a: int | None, b: int | None) -> PageSpan | None:
    if a is None and b is None:
        return None
    lo, hi = (a if a is not None else b), (b if b is not None else a)
    assert lo is not None and hi is not None
    return PageSpan(min(lo, hi), max(lo, hi))


_COUNTER_CLASS = re.escape("".join(sorted(COUNTERS)))
_LETTER_LABEL = re.compile(r"^([a-zA-Zａ-ｚＡ-Ｚ])[ \u3000](?=[^\x00-\x7f])")


def _label_of(text: str) -> str:
    """The list label a line starts with: a bullet, a numbering marker, or a
    single letter before Japanese text (``ａ ねじ止め端子``).  A number that
    is a quantity (``2019 年に``, ``56.3 ％``) is not a label."""
    b = bullet_label(text)
    if b:
        return b
    letter = _LETTER_LABEL.match(text)
    if letter:
        return letter.group(1)
    m = parse_marker(text)
    return m.number if m is not None and not is_quantity(m) else ""


def _next_in_sequence(label: str, text: str) -> bool:
    """Whether the marker at the start of ``text`` numbers the item after the
    one labelled ``label`` (same scheme, value one higher)."""
    a, b = parse_marker(label + "\u3000x"), parse_marker(text)
    return a is not None and b is not None and a.kind == b.kind and a.value is not None and b.value == a.value + 1


def _is_note(item: RawItem) -> bool:
    return isinstance(item, Block) and item.label.startswith("注")


_LOOSE_MARK = re.compile(rf"(?<![0-9０-９.,．，])([0-9０-９]+)(?![0-9０-９.．]|[ \u3000]?[{_COUNTER_CLASS}])")
_TIGHT_MARK = re.compile(rf"(?<![0-9０-９.,．，\s])([0-9０-９]+)(?![0-9０-９.．\s{_COUNTER_CLASS}])")


@dataclass(frozen=True)
class _NoteMark:
    """Where a text shows note ``number``'s mark: a whole run of digits equal to
    it, with what may stand before and after it (``pattern``, one of the two
    above). The same answer as a pattern with the number written in, without
    compiling two patterns per note (issue 15: ~0.5 ms each)."""

    number: str
    pattern: re.Pattern[str]

    def search(self, text: str) -> bool:
        return self.number in text and any(m.group(1) == self.number for m in self.pattern.finditer(text))


def _cites(item: RawItem, ref: _NoteMark) -> bool:
    return isinstance(item, Block) and not item.label.startswith("注") and ref.search(item.text)


class _Stream:
    """Builds the reading-order item list page by page."""

    def __init__(self, metrics: LayoutMetrics, styles: _Styles, bookmarks: list[_Bookmark] | None) -> None:
        self.m = metrics
        self.styles = styles
        self.bookmarks = bookmarks
        self.near_bookmarks: dict[int, list[_Bookmark]] = {}  # PDF page -> bookmarks within a page of it
        self.bookmark_pages: dict[int, list[int]] = {}  # PDF page -> indexes of its bookmarks, in order
        for k, bm in enumerate(bookmarks or ()):
            self.bookmark_pages.setdefault(bm.page, []).append(k)
        self.items: list[RawItem] = []
        self.para: _Para | None = None
        self.seen_marked_heading = False
        self.last_table: tuple[int, Table, tuple[float, ...]] | None = None  # item index, table, columns
        self.text_table_lines: list[tuple[tuple[str, ...], bool]] = []  # the last table's printed lines, when unruled
        self.text_table_pages: list[tuple[int, int | None]] = []  # where each page's lines start among them, the page
        self.boxed: set[int] = set()  # id(line) of lines inside a box drawn with ┌─┐ characters (box_rules)
        self.matched = 0
        self.local_right: dict[int, float] = {}  # id(line) -> right edge of its frame
        self.pending_notes: list[Block] = []
        self.hanging: dict[int, float] = {}  # id(label row) -> where its text starts (merge_label_rows)
        self.indented = False  # paragraphs start with a first-line indent (indents_paragraphs)
        self.titles: dict[int, Block] = {}  # id(heading told by numbering alone) -> the list item it was read from

    def metrics_for(self, ln: Line) -> LayoutMetrics:
        right = self.local_right.get(id(ln))
        return self.m if right is None else replace(self.m, right=right)

    # paragraphs
    def flush(self) -> None:
        p = self.para
        if p is not None:
            text, starts = p.text_and_starts()
            title = self.numbered_title(p)
            if text.strip():
                kind = BlockKind.LIST if p.label else BlockKind.PARAGRAPH
                span, breaks = paged_span(starts, p.line_pages)
                block = Block(kind, text, label=p.label, pages=span, page_breaks=breaks)
                if title is not None:
                    self.titles[id(title)] = block
                self.items.append(block if title is None else title)
            self.para = None
        self.items.extend(self.pending_notes)  # notes cited by the paragraph that just ended
        self.pending_notes = []

    def numbered_title(self, p: _Para) -> RawHeading | None:
        """A heading in the body's own style, told by its numbering alone
        (``１　現状と課題``, ``（１）がん検診の充実`` set like the text): a single
        line at the left margin, in the body's size and weight, that starts
        with a marker of a heading rung of the official ladder (not ア or ①,
        which number paragraphs), is a short title (no sentence) and stops well
        short of the right margin.  Two of one kind in a row are a short list
        (``plain_title_runs``).  It nests below every heading set larger than the
        body (``min_level``); its depth among such headings comes from the
        marker sequence (``build_outline``)."""
        if not p.label or len(p.lines) != 1:
            return None
        ln = p.lines[0]
        em = max(ln.size, 1.0)
        text = ln.text.strip()
        marker = parse_marker(text)
        if (marker is None or marker.kind not in _TITLE_KINDS or is_quantity(marker)
                or not looks_like_heading(text, marker) or bullet_label(text)):
            return None
        if (abs(ln.x0 - self.m.left) > 0.5 * em or abs(ln.size - self.styles.body_size) > 0.6
                or ln.bold != self.styles.body_bold or ln.x1 > self.metrics_for(ln).right - 2 * em):
            return None
        rank = 1 + len(self.styles.buckets)
        return RawHeading(text, certain=False, pages=_span(p.line_pages[0], p.line_pages[0]), min_level=rank)

    def continues_hanging(self, p: _Para, ln: Line) -> bool:
        """A line of an item whose label row was joined (``merge_label_rows``)
        continues it when it stands at the hanging indent: right of the label,
        not right of where the row's text starts (weight may change: a bold
        title, then the body)."""
        prev, first = p.lines[-1], p.lines[0]
        em = max(ln.size, 1.0)
        m = self.metrics_for(prev)
        return (abs(ln.size - prev.size) <= 0.6
                and ln.top - prev.bottom <= max(m.pitch - prev.height, 0.0) + 0.6 * em
                and not stops_short(prev.x1, m.right, ln.text, em)
                and first.x0 + 0.5 * em < ln.x0 <= self.hanging[id(first)] + 0.5 * em)

    def add_notes(self, notes: Sequence[tuple[int, Block]], page_start: int, prev_start: int) -> None:
        """Footnotes of a page, each right after the block that cites it (as
        the DOCX reader places them): the latest block that shows the note's
        mark set tight in the text (``である17。``) on this page, else on the
        page before (a reference just before a page break whose note went to
        the next page), else one that shows the number standing alone on this
        page; a note cited by the paragraph still open (it may go on over the
        page) waits until it ends."""
        for number, block in notes:
            # the mark standing alone, not a quantity (``ここ30 年間`` does not cite note 30)
            loose, tight = _NoteMark(str(number), _LOOSE_MARK), _NoteMark(str(number), _TIGHT_MARK)
            if self.para is not None and loose.search(self.para.text()):
                self.pending_notes.append(block)
                continue
            at = None
            for ref, lowest in ((tight, page_start), (tight, prev_start), (loose, page_start)):
                at = next((j for j in range(len(self.items) - 1, lowest - 1, -1) if _cites(self.items[j], ref)), None)
                if at is not None:
                    break
            if at is None:
                self.pending_notes.append(block)
                continue
            pos = at + 1
            while pos < len(self.items) and _is_note(self.items[pos]):
                pos += 1  # after the notes already placed there, in their order
            self.items.insert(pos, block)

    def wraps_into(self, p: _Para, ln: Line) -> bool:
        """Whether the lines of ``p`` are the start of the table-of-contents
        entry that ``ln`` ends: right above it, in its style, filling the line
        without ending a sentence, and not left of where ``ln`` starts."""
        prev = p.lines[-1]
        em = max(ln.size, 1.0)
        return (abs(ln.size - prev.size) <= 0.6 and ln.bold == prev.bold
                and 0 <= ln.top - prev.bottom <= max(self.m.pitch - prev.height, 0.0) + 0.6 * em
                and not stops_short(prev.x1, self.metrics_for(prev).right, ln.text, em)
                and not _SENTENCE_END.search(prev.text.rstrip())
                and abs(ln.x0 - prev.x0) <= 0.5 * em)

    def page_break_inside(self, p: _Para, ln: Line) -> bool:
        """Whether ``ln``, the first line of a page, goes on with ``p`` although
        the page before ended it with a sentence: in a document whose
        paragraphs start indented (字下げ), a line at the left edge is no
        paragraph start, so a page break was put inside the paragraph."""
        em = max(ln.size, 1.0)
        left = self.m.left
        return (self.indented and not p.label and abs(ln.x0 - left) <= 0.5 * em
                and -0.5 * em <= p.lines[0].x0 - left <= 1.5 * em and abs(ln.size - self.m.size) <= 0.6
                and _NOTE_START.match(ln.text.strip()) is None
                # running text (a full line, or one ending a sentence), not a caption or a source line
                and (ln.x1 >= self.m.right - 2 * em or _SENTENCE_END.search(ln.text.rstrip()) is not None))

    def item_goes_on(self, p: _Para, ln: Line) -> bool:
        """Whether ``ln``, the first line of a page, goes on with the list item
        ``p`` although it stands left of the item's label: the page before
        cut a sentence, and the line stands where the item's own wrapped lines
        stand (or, with one line so far, at the left edge of a document whose
        paragraphs start indented).  Even a ``・`` there is the sentence's
        (a forced page break lets it start the line)."""
        if not p.label or len(p.lines) == 0:
            return False
        first, prev = p.lines[0], p.lines[-1]
        em = max(ln.size, 1.0)
        if ln.x0 >= first.x0 - 0.3 * em or _SENTENCE_END.search(prev.text.rstrip()):
            return False
        if len(p.lines) > 1:
            return abs(ln.x0 - p.lines[1].x0) <= 0.5 * em
        return self.indented and abs(ln.x0 - self.m.left) <= 0.5 * em

    def label_for(self, ln: Line, new_page: bool) -> str:
        """The list label ``ln`` starts with, unless the line goes on with a
        sentence the line (or page) before cut: a number or marker there is
        part of the text (``100 年当たり``, ``第６条（市場メカニズム）、…``).
        A bullet always starts an item (kinsoku keeps ・ off a line start)."""
        label = _label_of(ln.text)
        p = self.para
        if label and p is not None and new_page and self.item_goes_on(p, ln):
            return ""
        if not label or p is None or bullet_label(ln.text) or _LETTER_LABEL.match(ln.text):
            return label
        prev = p.lines[-1]
        em = max(ln.size, 1.0)
        if abs(ln.size - prev.size) > 0.6 or _SENTENCE_END.search(prev.text.rstrip()):
            return label
        if not new_page and (stops_short(prev.x1, self.metrics_for(prev).right, ln.text, em)
                             or ln.top - prev.bottom > max(self.m.pitch - prev.height, 0.0) + 0.6 * em):
            return label
        if p.label:
            # inside an item: where its wrapped lines stand (its hanging indent, or the
            # margin when the label line was indented), and not the next item's number
            first = p.lines[0]
            at_wrap = len(p.lines) > 1 and abs(ln.x0 - p.lines[1].x0) <= 0.5 * em < abs(p.lines[1].x0 - first.x0)
            if (ln.x0 <= first.x0 + 0.3 * em and not at_wrap) or _next_in_sequence(p.label, ln.text):
                return label
        elif ln.x0 > prev.x0 + 0.5 * em:
            return label
        return ""

    def indented_start(self, p: _Para, ln: Line) -> bool:
        """Whether ``p`` is a paragraph whose indented first line (字下げ)
        happens to start with a marker that is no list label (``第１部``, a
        bare number): its full first line is followed by ``ln`` back at the
        body's left edge, as a paragraph wraps and an item does not."""
        if not p.label or len(p.lines) != 1 or bullet_label(p.lines[0].text) or _LETTER_LABEL.match(p.lines[0].text):
            return False
        first = p.lines[0]
        m = parse_marker(first.text.strip())
        if m is None or m.kind in LIST_MARKER_KINDS or id(first) in self.hanging:
            return False
        em = max(ln.size, 1.0)
        return (abs(ln.size - first.size) <= 0.6 and ln.bold == first.bold
                and ln.x0 < first.x0 - 0.5 * em and abs(ln.x0 - self.m.left) <= 0.5 * em
                and not stops_short(first.x1, self.metrics_for(first).right, ln.text, em)
                and ln.top - first.bottom <= max(self.m.pitch - first.height, 0.0) + 0.6 * em)

    def add_line(self, ln: Line, page: int | None, new_page: bool) -> None:
        if is_toc_line(ln.text):
            # a table-of-contents entry: the heading it names, without the leader
            # and page number (which move with every edit), on its own, as from DOCX
            entry = _TOC_LINE.sub("", ln.text).rstrip(" \u3000.．…‥・･_")
            first_page = page
            p = self.para
            if p is not None and self.wraps_into(p, ln):
                entry = join_wrapped(p.text(), entry.strip())  # a long entry wrapped onto the leader's line
                first_page = p.line_pages[0] if p.line_pages[0] is not None else page
                self.para = None
            self.flush()
            self.items.append(Block(BlockKind.PARAGRAPH, entry, pages=_span(first_page, page)))
            return
        if _BOX_CAPTION.match(ln.text.strip()):
            # ＜ポイント＞, 【解説】: a caption standing alone opens what follows; never part of a paragraph
            self.flush()
            self.items.append(Block(BlockKind.PARAGRAPH, ln.text.strip(), pages=_span(page, page)))
            return
        p = self.para
        label = self.label_for(ln, new_page)
        if p is not None and not label and self.indented_start(p, ln):
            p.label = ""  # ``第１部第２章「…」`` opening an indented paragraph: a reference, not an item
        note = ln.text.lstrip(" \u3000")[:1] in NOTE_MARKS  # ※ starts a paragraph, unlabelled
        if p is not None and not label and not note:
            prev = p.lines[-1]
            if new_page:
                em = max(ln.size, 1.0)
                same_style = abs(ln.size - prev.size) <= 0.6 and ln.bold == prev.bold
                cont = (
                    same_style
                    # a line cut short by a forced page break inside a sentence goes on too
                    and (not stops_short(prev.x1, self.metrics_for(prev).right, ln.text, em)
                         or not _SENTENCE_END.search(prev.text.rstrip()))
                    and (ln.x0 <= prev.x0 + 0.5 * em if not p.label else ln.x0 > p.lines[0].x0 - 0.3 * em)
                ) or (same_style and (self.page_break_inside(p, ln) or self.item_goes_on(p, ln)))
            elif id(p.lines[0]) in self.hanging:
                cont = self.continues_hanging(p, ln)
            else:
                cont = not starts_paragraph(prev, ln, p.lines[0], self.metrics_for(prev), bool(p.label), self.indented)
            if cont:
                p.lines.append(ln)
                p.line_pages.append(page)
                return
        self.flush()
        self.para = _Para([ln], label, [page])
        self.last_table = None

    def add_heading(self, text: str, level: int | None, certain: bool, page: int | None) -> None:
        self.flush()
        self.last_table = None
        self.items.append(RawHeading(text, level_hint=level, certain=certain, pages=_span(page, page)))

    def add_table(self, t: PageTable, page: int | None, first_on_page: bool) -> None:
        self.flush()
        if first_on_page and self.last_table is not None:
            idx, head, cols = self.last_table
            # an unruled table goes on whatever its width on this page (a wrapped row can hide a column)
            if same_columns(cols, t.columns) or (t.lines and self.text_table_lines):
                old = self.items[idx]
                assert isinstance(old, Block)
                if t.lines:  # unruled: the printed lines of both pages assembled again as one table
                    self.text_table_pages.append((len(self.text_table_lines), page))
                    self.text_table_lines += list(t.lines)
                    merged = Table(table_of(self.text_table_lines), header_rows=1)
                    text = merged.as_text()
                    span, breaks = paged_span(text_table_starts(self.text_table_lines, [n for n, _ in self.text_table_pages], text),
                                              [p for _, p in self.text_table_pages])
                    self.items[idx] = Block(BlockKind.TABLE, text, table=merged, pages=span, page_breaks=breaks)
                    self.last_table = (idx, merged, t.columns)
                    return
                merged = stitch(head, t.rows)
                text = merged.as_text()
                # the rows of this page start after the head's rows (a row the break cut
                # in two counts on the page where it starts)
                kept = Table(merged.rows[: len(head.rows)], merged.header_rows).as_text()
                at = len(kept) + 1 if len(merged.rows) > len(head.rows) else len(text)
                starts = [0, *old.page_breaks, at]
                pages = [old.pages.first + i for i in range(len(old.page_breaks) + 1)] if old.pages else [None]
                span, breaks = paged_span(starts, [*pages[: len(starts) - 1], page])
                self.items[idx] = Block(BlockKind.TABLE, text, table=merged, pages=span, page_breaks=breaks)
                self.last_table = (idx, merged, t.columns)
                return
        table = Table(t.rows, header_rows=1)
        self.items.append(Block(BlockKind.TABLE, table.as_text(), table=table, pages=_span(page, page)))
        self.last_table = (len(self.items) - 1, table, t.columns)
        self.text_table_lines = list(t.lines)
        self.text_table_pages = [(0, page)]

    # headings
    def bookmark_heading(self, lines: Sequence[Line], i: int, pdf_page: int) -> tuple[_Bookmark, int, str] | None:
        """The bookmark whose title starts at ``lines[i]`` (possibly wrapped over
        more lines), the number of lines it takes and the heading as printed.
        A bookmark without the line's numbering (``計画の概要`` for
        ``第1章　計画の概要``) matches too; the printed line is the heading."""
        assert self.bookmarks is not None
        near = self.near_bookmarks.get(pdf_page)
        if near is None:  # the bookmarks of this page and the pages beside it, in their order
            pages = self.bookmark_pages
            near = self.near_bookmarks[pdf_page] = [self.bookmarks[k] for k in sorted(
                pages.get(pdf_page - 1, []) + pages.get(pdf_page, []) + pages.get(pdf_page + 1, []))]
        if all(bm.used for bm in near):
            return None
        line = strip_decoration(lines[i].text.strip())  # bookmarks are stored without ■ / ○
        key = _norm(line)
        if not key:
            return None
        marker = parse_marker(line)
        title_key = _norm(marker.title) if marker is not None else ""
        for bm in near:
            if bm.used:
                continue
            if bm.key == key:
                return bm, 1, bm.title
            if title_key and bm.key == title_key:
                return bm, 1, lines[i].text.strip()
            if bm.key.startswith(key):
                acc, j = key, i + 1
                while j < len(lines) and len(acc) < len(bm.key):
                    acc += _norm(lines[j].text)
                    j += 1
                    if acc == bm.key:
                        return bm, j - i, bm.title
                    if not bm.key.startswith(acc):
                        break
        return None

    def styled_heading(self, lines: Sequence[Line], i: int, numbered_page: bool) -> tuple[str, int] | None:
        """A heading told by its style (no bookmarks): text and lines used.

        A line set larger than the body with a numbering marker is a heading;
        so is a bold body-size line whose marker is a heading kind (第N章, N.,
        （N）, 施策N), not a list kind (①, ア).  A larger line without a marker
        (参考資料, or ``■ 目指す姿``: an ornament, not a bullet, on a line set
        larger than the body, in a size no sentence of the text is set in)
        counts once a numbered heading was seen, on a numbered page.
        """
        ln = lines[i]
        st = self.styles
        text = ln.text.strip()
        # an ornament (■ 目指す姿) on a line set larger than the body opens an unnumbered heading, not an item
        ornament = st.bigger(ln) and _bucket(ln.size) not in st.prose and strip_decoration(text) != text
        if not st.heading_like(ln) or is_toc_line(text) or (bullet_label(text) and not ornament) or id(ln) in self.boxed:
            return None
        marker = parse_marker(text)
        bigger = st.bigger(ln)
        if marker is None:
            if (not (bigger and self.seen_marked_heading and numbered_page) or len(_GLOSS.sub("", text)) > 30
                    or text.endswith("。")):
                return None
        elif not bigger and marker.kind.split("-")[0] not in _HEADING_KINDS:
            return None  # a bold ① or ア line: a list item
        used = 1
        # a long heading wrapped onto the next line in the same style
        while i + used < len(lines):
            nxt = lines[i + used]
            prev = lines[i + used - 1]
            if (abs(nxt.size - ln.size) > 0.3 or nxt.bold != ln.bold or parse_marker(nxt.text)
                    or prev.x1 < self.m.right - 2 * ln.size or nxt.top - prev.bottom > ln.size):
                break
            text = join_wrapped(text, nxt.text.strip())
            used += 1
        if marker is not None:
            self.seen_marked_heading = True
        return text, used

    def add_page(self, layout: PageLayout, lines: Sequence[Line], page: int | None) -> None:
        # text in a ruled box wraps at the box, not at the body's right edge
        for f in sorted(layout.frames, key=lambda f: -(f[2] - f[0]) * (f[3] - f[1])):
            boxed = [ln for ln in lines if ln.x0 >= f[0] - 1 and ln.x1 <= f[2] + 1 and ln.top >= f[1] - 1 and ln.bottom <= f[3] + 1]
            if boxed:
                edge = max(ln.x1 for ln in boxed)
                for ln in boxed:
                    self.local_right[id(ln)] = edge
        # lines keep group_lines' order; each table goes before the first line below its top
        elements: list[Line | PageTable] = []
        tables = sorted(layout.tables, key=lambda t: t.top)
        for ln in lines:
            while tables and tables[0].top <= ln.top:
                elements.append(tables.pop(0))
            elements.append(ln)
        elements.extend(tables)
        body_lines = list(lines)
        first = True
        k = 0  # index into body_lines
        skip = 0
        for el in elements:
            if isinstance(el, PageTable):
                self.add_table(el, page, first)
                first = False
                continue
            assert isinstance(el, Line)
            i = k
            k += 1
            if skip:
                skip -= 1
                continue
            if self.bookmarks is not None:
                hit = self.bookmark_heading(body_lines, i, layout.index)
                if hit is not None:
                    bm, used, heading = hit
                    bm.used = True
                    self.matched += 1
                    self.add_heading(heading, bm.level + 1, True, page)
                    skip = used - 1
                    first = False
                    continue
            else:
                styled = self.styled_heading(body_lines, i, page is not None)
                if styled is not None:
                    text, used = styled
                    # clearly larger than the body: the size rank is the level
                    self.add_heading(text, self.styles.rank(el), self.styles.bigger(el), page)
                    skip = used - 1
                    first = False
                    continue
            self.add_line(el, page, new_page=first)
            first = False


def _page_value(n: PageNumber | None) -> int | None:
    return n.value if n is not None else None


LABEL_GAP_EMS = 8.0
"""A numbering label stands at most this many ems before the text it numbers."""


def merge_label_rows(lines: Sequence[Line], hanging: dict[int, float] | None = None) -> list[Line]:
    """Join a numbering label and the text that follows it on the same row
    (``基本方針1`` … ``区民の暮らしを豊かにするDX``): a hanging indent or a tab
    puts a wide gap between them, which ``group_lines`` cuts as two pieces;
    Word holds them as one paragraph (label, tab, text), and so must we.
    ``hanging`` receives, per joined line (by ``id``), where its text starts:
    the lines below, indented up to there, are the item's hanging indent."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and abs(ln.top - prev.top) <= 0.3 * max(ln.size, prev.size) and ln.x0 > prev.x1:
            marker = parse_marker(prev.text.strip())
            gap = ln.x0 - prev.x1
            if marker is not None and not marker.title and gap <= LABEL_GAP_EMS * max(ln.size, prev.size):
                left, right = prev.text.rstrip(), ln.text.lstrip()
                xs = (*prev.xs[:len(left)], prev.x1, *ln.xs[len(ln.text) - len(right):]) if prev.xs and ln.xs else ()
                out[-1] = Line(left + "\u3000" + right, prev.x0, ln.x1, min(prev.top, ln.top),
                               max(prev.bottom, ln.bottom), max(prev.size, ln.size), prev.bold and ln.bold, xs=xs)
                if hanging is not None:
                    hanging[id(out[-1])] = ln.x0
                continue
        out.append(ln)
    return out


_BOX_CAPTION = re.compile(r"^[＜<【〈《≪][^＜<【〈《≪＞>】〉》≫]{1,15}[＞>】〉》≫]$")
_SENTENCE_END = re.compile(r"[。．.！？!?：:]$")
_NOTE_START = re.compile(r"^(?:注|※)?\s*([0-9０-９]{1,3})(?:[ \u3000)）]|$)")
NOTE_SMALLER = 1.0
"""Footnotes are set at least this many points smaller than the body."""


_BOX_RULE = re.compile(r"^[\u2500-\u257f\s]{3,}$")
_BOX_TOP, _BOX_BOTTOM = "┌╔┏╭", "└╚┗╰"


def box_rules(lines: Sequence[Line]) -> tuple[list[Line], set[int]]:
    """A box drawn with line-drawing characters (``┌──┐`` … ``└──┘``, a
    コラム set in text): its rule lines are decoration, not text, and the
    lines inside it (by ``id``) are the box's text, never headings (its
    caption ``コラム　…`` set larger is no section of the plan)."""
    kept: list[Line] = []
    boxed: set[int] = set()
    inside = False
    for ln in lines:
        text = ln.text.strip()
        if _BOX_RULE.match(text):
            inside = text[0] in _BOX_TOP or (inside and text[0] not in _BOX_BOTTOM)
            continue
        if inside:
            boxed.add(id(ln))
        kept.append(ln)
    return kept, boxed


def split_footnotes(lines: Sequence[Line], body_size: float, page: int | None) -> tuple[list[Line], list[tuple[int, Block]]]:
    """A page's body lines and its footnotes: the run of lines at the foot of
    the page set smaller than the body, below every body line, the first of
    them starting with a note number (``13 2020 年に…``).  A note goes on over
    the lines that do not start with a number at the first note's indent.
    Each note is a paragraph labelled ``注N``, as the DOCX reader gives."""
    k = len(lines)
    while k > 0 and lines[k - 1].size <= body_size - NOTE_SMALLER:
        k -= 1
    tail = list(lines[k:])
    if not tail or not _NOTE_START.match(tail[0].text.strip()):
        return list(lines), []
    if k and min(t.top for t in tail) < max(ln.bottom for ln in lines[:k]) - 1:
        return list(lines), []  # small text beside the body (a caption), not at the foot
    notes: list[tuple[int, list[str]]] = []
    left = tail[0].x0
    for ln in tail:
        m = _NOTE_START.match(ln.text.strip())
        if m and ln.x0 <= left + 0.5 * ln.size:
            notes.append((int(unicodedata.normalize("NFKC", m.group(1))), [ln.text.strip()]))
        elif notes:
            notes[-1][1].append(ln.text.strip())
    out: list[tuple[int, Block]] = []
    for number, texts in notes:
        text = ""
        for t in texts:
            text = join_wrapped(text, t)
        out.append((number, Block(BlockKind.PARAGRAPH, text, label=f"注{number}", pages=_span(page, page))))
    return list(lines[:k]), out


def _build_items(
    layouts: Sequence[PageLayout],
    bodies: Sequence[Sequence[Line]],
    numbers: Sequence[PageNumber | None],
    bookmarks: list[_Bookmark] | None,
) -> tuple[list[RawItem], int]:
    layouts, bodies = rows_overleaf(layouts, bodies)
    all_lines = [ln for b in bodies for ln in b]
    styles = _styles(bodies)
    metrics = body_metrics(all_lines, styles.body_size) if all_lines else body_metrics([])
    stream = _Stream(metrics, styles, bookmarks)
    stream.indented = indents_paragraphs(bodies, metrics)
    start = 0  # where the current page's items start
    for layout, lines, number in zip(layouts, bodies, numbers):
        if layout.problem or layout.blank:
            stream.flush()
            continue
        unruled, boxed = box_rules(lines)
        stream.boxed |= boxed
        unruled, column_tables = find_column_tables(unruled, styles.body_size)
        body, notes = split_footnotes(merge_label_rows(unruled, stream.hanging), styles.body_size, _page_value(number))
        body, text_tables = find_text_tables(body, styles.body_size, stream.last_table is not None and bool(stream.text_table_lines))
        text_tables = sorted((*text_tables, *column_tables), key=lambda t: t.top)
        if text_tables:
            layout = replace(layout, tables=tuple(sorted((*layout.tables, *text_tables), key=lambda t: t.top)))
        prev_start, start = start, len(stream.items)
        stream.add_page(layout, body, _page_value(number))
        stream.add_notes(notes, start, prev_start)
    stream.flush()
    return plain_title_runs(stream.items, stream.titles), stream.matched


def rows_overleaf(
    layouts: Sequence[PageLayout], bodies: Sequence[Sequence[Line]]
) -> tuple[list[PageLayout], list[Sequence[Line]]]:
    """One ruled row of a table that a page break left alone (``row_overleaf``):
    its header row at the foot of a page, the table overleaf; or its last body
    row at the top of a page, the table at the foot of the page before. The
    row becomes a table of its page (its lines leave the running text), so the
    two stitch into one table with its header, as the DOCX reader gives it."""
    layouts, bodies = list(layouts), list(bodies)

    def inside(lines: Sequence[Line], box: tuple[float, float, float, float]) -> set[int]:
        x0, top, x1, bottom = box
        return {id(ln) for ln in lines if ln.x0 >= x0 - 1 and ln.x1 <= x1 + 1 and ln.top >= top - 1 and ln.bottom <= bottom + 1}

    def take(i: int, row: PageTable, mine: set[int]) -> None:
        bodies[i] = [ln for ln in bodies[i] if id(ln) not in mine]
        layouts[i] = replace(layouts[i], tables=tuple(sorted((*layouts[i].tables, row), key=lambda t: t.top)))

    for i in range(len(layouts) - 1):
        lay, nxt = layouts[i], layouts[i + 1]
        if lay.problem or lay.blank or nxt.problem or nxt.blank:
            continue
        if lay.rows and nxt.tables:  # a header row at the foot of page i
            row = max(lay.rows, key=lambda r: r.bottom)
            mine = inside(bodies[i], row.bbox)
            first = min(nxt.tables, key=lambda t: t.top)
            between = [ln for ln in bodies[i] if ln.top >= row.top - 1 and id(ln) not in mine]
            between += [ln for ln in bodies[i + 1] if ln.bottom <= first.top + 1]
            if mine and not any(t.top >= row.bottom - 1 for t in lay.tables) and row_overleaf(row, first, between):
                take(i, row, mine)
                continue
        if nxt.rows and lay.tables:  # a last body row at the top of page i + 1
            row = min(nxt.rows, key=lambda r: r.top)
            mine = inside(bodies[i + 1], row.bbox)
            last = max(lay.tables, key=lambda t: t.bottom)
            between = [ln for ln in bodies[i] if ln.top >= last.bottom - 1]
            between += [ln for ln in bodies[i + 1] if ln.bottom <= row.bottom + 1 and id(ln) not in mine]
            if mine and not any(t.top <= row.top + 1 for t in nxt.tables) and row_overleaf(row, last, between):
                take(i + 1, row, mine)
    return layouts, bodies


def plain_title_runs(items: Sequence[RawItem], titles: dict[int, Block]) -> list[RawItem]:
    """Headings told by their numbering alone that stand one right after the
    other with the same marker kind (``（１）高齢者`` ``（２）障害者`` with nothing
    between) are a short list, not headings: they go back to list items."""
    def kind(item: RawItem) -> str | None:
        if id(item) not in titles or not isinstance(item, RawHeading):
            return None
        m = parse_marker(item.text)
        return m.kind if m is not None else None

    out = list(items)
    kinds = [kind(item) for item in items]
    for k in range(len(items) - 1):
        if kinds[k] is not None and kinds[k] == kinds[k + 1]:
            out[k], out[k + 1] = titles[id(items[k])], titles[id(items[k + 1])]
    return out


# ---------------------------------------------------------------- entry point


def extract_pdf(
    path: Path, *, password: str | None = None, workers: int | None = None, use_bookmarks: bool = True,
    sha256: str | None = None,
) -> Document:
    """Extract a PDF into a section tree with printed page numbers.

    Headings come from the PDF's bookmarks when they match lines of the text
    (``certain``, with the bookmark depth as level), otherwise from font size
    and weight plus numbering markers (``use_bookmarks=False`` forces that).
    ``workers`` overrides the number of processes (default: ``default_workers``);
    ``sha256`` is the file's, when the caller has hashed it already.

    Raises ``InputFileError`` for a PDF that cannot be opened (wrong or missing
    password, broken file) and ``UnreadablePagesError`` when most pages have no
    usable text; a few unreadable pages become ``Document.warnings``.
    """
    path = Path(path)
    sha = sha256 or hashlib.sha256(path.read_bytes()).hexdigest()
    pdf = _open(path, password)
    try:
        count = len(pdf)
        meta = pdf.get_metadata_dict() if count else {}
        bookmarks = read_bookmarks(pdf) if use_bookmarks else []
    finally:
        pdf.close()
    if count == 0:
        raise InputFileError(f"{path.name}: ページがありません。")
    layouts = analyze_pages(path, password, count, workers)
    with _gc_paused():  # lines, blocks and headings: no reference cycles either
        heights = [lay.height for lay in layouts]
        pages_lines = [list(lay.lines) for lay in layouts]
        body_size = most_common_size(pages_lines)
        running = running_lines(pages_lines, heights, body_size)
        numbers = printed_numbers(
            [page_number_candidates(lay.lines, lay.height) for lay in layouts], [lay.label for lay in layouts]
        )
        bodies = [[ln for i, ln in enumerate(lines) if (p, i) not in running] for p, lines in enumerate(pages_lines)]

        warnings = _check_pages(path, layouts, numbers)

        items, matched = _build_items(layouts, bodies, numbers, bookmarks or None)
        if bookmarks and matched < 0.5 * len(bookmarks):
            for bm in bookmarks:
                bm.used = False
            items, _ = _build_items(layouts, bodies, numbers, None)
        front, sections = build_outline(items)
    title = _meta_title(meta.get("Title") or "") or _first_title(bodies)
    return Document(
        title=title,
        front=front,
        sections=sections,
        source=Source(path.name, sha, "pdf"),
        warnings=tuple(warnings),
        page_map=page_map(numbers),
    )


def _meta_title(title: str) -> str:
    """The metadata title unless it is a file name (``Microsoft Word - 素案.docx``)."""
    t = title.strip()
    if re.search(r"\.(docx?|xlsx?|pptx?|pdf|jtd|odt)$", t, re.IGNORECASE) or t.startswith("Microsoft "):
        return ""
    return t


def _first_title(bodies: Sequence[Sequence[Line]]) -> str:
    for lines in bodies:
        if lines:
            return max(lines, key=lambda ln: ln.size).text.strip()
    return ""


def _check_pages(path: Path, layouts: Sequence[PageLayout], numbers: Sequence[PageNumber | None]) -> list[str]:
    """Warnings for a few unreadable pages; ``UnreadablePagesError`` for most."""
    bad = [(i, lay) for i, lay in enumerate(layouts) if lay.problem]
    content = [lay for lay in layouts if not lay.blank]
    warnings: list[str] = []
    if bad:
        names = [page_name(numbers[i], lay.index) for i, lay in bad]
        detail = "、".join(f"{n}（{lay.problem}）" for n, (_, lay) in zip(names, bad))
        if len(bad) * 2 > len(content):
            raise UnreadablePagesError(
                f"{path.name}: テキストとして読み取れないページがあります: {detail}。",
                pages=names,
                hint="文字情報を含む PDF（Word などから「PDF として保存」したもの）か、DOCX を使ってください。"
                "スキャンした PDF は OCR で文字を付けてから読み込めます。",
            )
        warnings.append(f"{path.name}: 次のページは読み取れないため飛ばしました: {detail}。")
    partly = [f"{page_name(numbers[i], lay.index)}（{lay.bad_chars} 字）" for i, lay in enumerate(layouts)
              if lay.bad_chars and not lay.problem]
    if partly:
        warnings.append(f"{path.name}: 文字コードの対応表がなく読めない文字を除きました: {'、'.join(partly)}。")
    slow = [page_name(numbers[i], lay.index) for i, lay in enumerate(layouts) if lay.slow and not lay.problem]
    if slow:
        warnings.append(
            f"{path.name}: 次のページは、埋め込まれていないフォントの文字を含むか、読み取れた文字が描かれた文字より"
            f"少なかったため、PDF 自身の文字コード表から読み直しました（時間がかかります）: {'、'.join(slow)}。"
        )
    vertical = [page_name(numbers[i], lay.index) for i, lay in enumerate(layouts) if lay.vertical]
    if vertical:
        warnings.append(
            f"{path.name}: 縦書きのページを右の列から順に読み取りました: {'、'.join(vertical)}。"
            "段組みのある縦書き紙面は順序が崩れることがあります。"
        )
    return warnings
