"""Glyphs -> lines -> paragraphs, with the Japanese joining rules.

Pure helpers, no PDF needed: everything works on ``Glyph`` tuples (see
``pdf_read``) or on ``Line`` values.

* A space is put between two glyphs only where the PDF has a space character,
  or where two ASCII alphanumerics stand apart by more than a fifth of an em,
  or where the gap is wider than 0.8 em (U+3000 up to 1.5 em, where
  pdfium sometimes drops the ideographic space glyph; a space beyond).  The gap that LibreOffice and Word leave between kanji and
  half-width digits (``令和 3年``, about a quarter em) is *not* a space; a
  gap of ``TYPED_SPACE_EMS`` or more there is a typed one.
* Wrapped lines join with nothing between them, except a single space
  between two ASCII alphanumerics.
* A new paragraph starts at a first-line indent (字下げ), a vertical gap
  larger than the line pitch, after a line that stops short of the right
  edge, unless it ends mid-sentence and the next line starts with hiragana
  (broken by hand: ``対象として取`` / ``り扱う。``), at a change of font style,
  and at a list label (・, ①, (1), ※ …).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from itertools import accumulate
from operator import itemgetter
from dataclasses import dataclass
from typing import Iterable, Sequence

from revtool.extract.pdf_read import Glyph

# ---------------------------------------------------------------- characters


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_wide(ch: str) -> bool:
    """A full-width character: kanji, kana, full-width forms and CJK punctuation."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_space(ch: str) -> bool:
    return ch in _SPACES


_SPACES = frozenset((" ", "\u3000", "\t", "\u00a0"))
_X0 = itemgetter(1)  # a glyph's x0, as a key (or map) without a Python call a glyph


_URL_END = re.compile(r"(?:https?://|www\.)[\x21-\x7e]*$")


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one sentence that a line break separated."""
    if not left:
        return right
    if not right:
        return left
    if is_ascii_alnum(left[-1]) and is_ascii_alnum(right[0]):
        if _URL_END.search(left):
            return left + right  # an address wrapped mid-word: ``…/170607_hb`` / ``tebiki.pdf``
        return left + " " + right
    # ASCII punctuation ending an English clause keeps its space: "e.g. the"
    if left[-1] in ",;:" and right[0].isascii() and right[0].isalpha() and left[-2:-1].isascii():
        return left + " " + right
    return left + right


def join_lines(texts: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph with the CJK rule."""
    out = ""
    for t in texts:
        out = join_wrapped(out, t.strip(" "))
    return out


# Characters that may not start a line (行頭禁則): they travel with the one before.
NO_LINE_START = set("、。，．,.)）」』】〕〉》］｝ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々！？!?・：；:;")


def first_unit(text: str) -> str:
    """The shortest piece a line could have taken from the start of the next
    one: an ASCII word, or one character with the punctuation that must
    follow it (kinsoku)."""
    t = text.lstrip(" \u3000")
    if not t:
        return ""
    if t[0].isascii() and not t[0].isspace():
        end = 0
        while end < len(t) and t[end].isascii() and not t[end].isspace():
            end += 1
        return t[:end]
    end = 1
    while end < len(t) and t[end] in NO_LINE_START:
        end += 1
    return t[:end]


def text_width(text: str, size: float) -> float:
    """Estimated advance of ``text``: an em for full-width characters, about
    half an em for the rest."""
    return sum(size if is_wide(ch) else 0.55 * size for ch in text)


SENTENCE_END = set("。．！？!?：:」』）)")


def ends_sentence(text: str) -> bool:
    """A line that can end a paragraph: it ends with 。, ！, ？, ：, or a closing
    bracket. A short line ending mid-sentence was broken by hand and
    continues when the next line ``continues_word``."""
    t = text.rstrip(" \u3000")
    return bool(t) and t[-1] in SENTENCE_END


def continues_word(text: str) -> bool:
    """A line that can only be the rest of a sentence: it starts with hiragana,
    a small kana, ー or 々, or punctuation that may not start a line
    (``り扱う。`` after ``対象として取``).  Titles, addresses and captions
    do not start that way, so a short line before them ends its paragraph."""
    t = text.lstrip(" \u3000")
    if not t:
        return False
    ch = t[0]
    return "\u3041" <= ch <= "\u309f" or ch in NO_LINE_START


def stops_short(prev_x1: float, right: float, next_text: str, size: float) -> bool:
    """Whether a line ending at ``prev_x1`` ended its paragraph: the next
    line's first word (or character, with its kinsoku punctuation) would have
    fitted before ``right``."""
    room = right - prev_x1
    return room > text_width(first_unit(next_text), size) + 0.5 * size


# ---------------------------------------------------------------- lines


class Line(Glyph):
    """One printed line (or, on a vertical page, one column turned sideways):
    a glyph's fields (``Glyph``: text, box, effective size, weight), for the
    whole line; equal, hashed and printed by them alone."""

    runs: tuple[tuple[float, str], ...]
    """Where the line stands apart by wide gaps (a space in ``text``, more
    than 1.5 em): each piece's left edge and text, left to right (cells of a
    table set without rules: ``区分`` … ``現状値（年度）``); empty when there
    is no such gap."""
    xs: tuple[float, ...]
    """The left edge of each character of ``text``, one a character (a space
    the spacing rule put in: the right edge of the glyph before it); empty
    when not known (a line made otherwise than from its glyphs, a glyph of
    several characters).  Where a table's column starts in a row whose cells
    touch (``…必要な支援高齢介護課``), the text is cut by these."""

    def __new__(cls, text: str, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool,
                runs: tuple[tuple[float, str], ...] = (), xs: tuple[float, ...] = ()) -> Line:
        self = tuple.__new__(cls, (text, x0, x1, top, bottom, size, bold))
        self.runs = runs
        self.xs = xs
        return self

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _is_duplicate(prev: Glyph, g: Glyph) -> bool:
    """Fake bold: the same glyph drawn twice at (almost) the same place."""
    return prev.text == g.text and abs(prev.x0 - g.x0) < 0.15 * g.size and abs(prev.top - g.top) < 0.15 * g.size


def is_distributed(glyphs: Sequence[Glyph]) -> bool:
    """均等割り付け: every gap between the glyphs is wide and about the same
    (``基　本　方　針``); such gaps are spacing, not spaces.  A line with a
    space, or with two non-ASCII glyphs closer than 0.3 em, is told at once
    (most lines: their first two glyphs touch)."""
    n = len(glyphs)
    if n < 3:
        return False
    # every early answer is False, so the gaps (where most lines are told,
    # at their first pair) are looked at before the spaces
    em = min([g[5] for g in glyphs]) or 1.0
    limit = 0.3 * em
    wide: list[float] = []
    prev = glyphs[0]
    prev_ascii = prev[0].isascii()
    for g in glyphs[1:]:
        gap = g[1] - prev[2]
        ascii_ = g[0].isascii()
        if prev_ascii and ascii_:  # an ASCII run inside (``…にするDX``) keeps its own tight spacing
            if gap > limit:
                return False
        elif gap <= limit:
            return False  # min(wide) > 0.3 em fails
        else:
            wide.append(gap)
        prev, prev_ascii = g, ascii_
    if len(wide) < 2 or not _SPACES.isdisjoint([g[0] for g in glyphs]):
        return False  # (a space: not every glyph visible)
    return min(wide) > limit and max(wide) - min(wide) < 0.35 * em


TYPED_SPACE_EMS = 0.38
"""Between a kanji or kana and an ASCII letter or digit, Word and LibreOffice
leave about a quarter em (autospace, not a space); a space typed there makes
the gap half an em or more."""


def _mixed_script(a: str, b: str) -> bool:
    """A Japanese letter (kanji, kana) next to an ASCII letter or digit."""
    def japanese(ch: str) -> bool:
        return is_wide(ch) and unicodedata.category(ch) in ("Lo", "Lm")

    return (japanese(a) and is_ascii_alnum(b)) or (is_ascii_alnum(a) and japanese(b))


def _is_label_char(text: str) -> bool:
    """A bullet or a one-character number (①, ⑴, ⒈) that starts a list item."""
    return len(text) == 1 and (text in BULLETS or "\u2460" <= text <= "\u249b" or "\u3251" <= text <= "\u325f"
                               or "\u32b1" <= text <= "\u32bf")


def _typed_space(glyphs: Sequence[Glyph], i: int) -> bool:
    """Whether the gap before ``glyphs[i]``, between a Japanese letter and an
    ASCII run, holds a typed space: it is ``TYPED_SPACE_EMS`` wide or more,
    and not matched by an equal gap on the run's other side (Word widens the
    autospace on both sides alike when it justifies a line: ``て 1000 万``)."""
    a, b = glyphs[i - 1], glyphs[i]
    em = min(a.size, b.size) or 1.0
    gap = b.x0 - a.x1
    if gap <= TYPED_SPACE_EMS * em or not _mixed_script(a.text[-1], b.text[0]):
        return False
    if is_ascii_alnum(b.text[0]):  # the run starts at i: its other side is where it ends
        j = i
        while j + 1 < len(glyphs) and is_ascii_alnum(glyphs[j + 1].text[0]) and glyphs[j + 1].x0 - glyphs[j].x1 < 0.2 * em:
            j += 1
        other = glyphs[j + 1].x0 - glyphs[j].x1 if j + 1 < len(glyphs) and _mixed_script(glyphs[j].text[-1], glyphs[j + 1].text[0]) else None
    else:  # the run ends at i - 1: its other side is where it starts
        j = i - 1
        while j > 0 and is_ascii_alnum(glyphs[j - 1].text[-1]) and glyphs[j].x0 - glyphs[j - 1].x1 < 0.2 * em:
            j -= 1
        other = glyphs[j].x0 - glyphs[j - 1].x1 if j > 0 and _mixed_script(glyphs[j - 1].text[-1], glyphs[j].text[0]) else None
    return other is None or abs(other - gap) >= 0.06 * em


def _spaced_text(kept: Sequence[Glyph], xs: list[float] | None = None) -> str:
    """The text of a line's glyphs (sorted left to right, duplicates of fake
    bold removed), spaced by the rule in the module docstring.  A gap of at
    most 0.2 em (nearly every gap) is no space by every rule below, so only
    the wider ones are looked at.  ``xs`` receives where each character of
    the text starts (``Line.xs``)."""
    smallest = min([g[5] for g in kept]) if kept else 0.0
    if smallest > 0:  # em >= smallest for every pair: a gap within 0.2 * smallest is within 0.2 em
        limit = 0.2 * smallest
        wider = [i for i, (p, g) in enumerate(zip(kept, kept[1:]), 1) if g[1] - p[2] > limit]
    else:
        wider = list(range(1, len(kept)))
    if not wider:
        if xs is not None:
            xs.extend(map(_X0, kept))
        return "".join([g[0] for g in kept])
    spaces = _SPACES
    out: list[str] = []
    add = out.append
    done = 0
    for i in wider:
        out.extend([g[0] for g in kept[done:i]])
        if xs is not None:
            xs.extend(map(_X0, kept[done:i]))
        done = i
        prev, g = kept[i - 1], kept[i]
        if prev[0] in spaces or g[0] in spaces:
            continue
        gap = g[1] - prev[2]
        em = min(prev[5], g[5]) or 1.0
        if gap <= 0.2 * em and em > 0:
            continue  # no rule below puts a space in a gap this narrow
        n = len(out)
        if i == 1 and gap > 0.3 * em and _is_label_char(prev[0]):
            add("\u3000")  # ●, ① and the text after it: a tab or a space, as the DOCX reader writes
        elif gap > 1.5 * em:
            add(" ")
        elif gap > 0.8 * em:
            # an em-wide gap is an ideographic space whose glyph pdfium
            # dropped (`施策12　AI等`); word spaces are a third of an em
            add("\u3000")
        elif gap > 0.2 * em and is_ascii_alnum(prev[0][-1]) and is_ascii_alnum(g[0][0]):
            add(" ")
        elif _typed_space(kept, i):
            add(" ")  # a typed space next to the ~0.25 em autospace: ``過去 2000年間``
        if xs is not None and len(out) > n:
            xs.append(prev[2])
    out.extend([g[0] for g in kept[done:]])
    if xs is not None:
        xs.extend(map(_X0, kept[done:]))
    return "".join(out)


def _without_duplicates(glyphs: Sequence[Glyph]) -> Sequence[Glyph]:
    """The glyphs without fake bold's second copies (``_is_duplicate``); the
    same sequence when there are none."""
    kept: list[Glyph] | None = None
    prev = glyphs[0] if glyphs else None
    for i in range(1, len(glyphs)):
        g = glyphs[i]
        assert prev is not None
        if prev[0] == g[0] and abs(prev[1] - g[1]) < 0.15 * g[5] and abs(prev[3] - g[3]) < 0.15 * g[5]:
            if kept is None:
                kept = list(glyphs[:i])
            continue
        if kept is not None:
            kept.append(g)
        prev = g
    return glyphs if kept is None else kept


def line_text(glyphs: Sequence[Glyph], xs: list[float] | None = None) -> str:
    """The text of one line's glyphs (sorted left to right), spaced by the
    rule above; ``xs`` receives where each character starts (``Line.xs``)."""
    if is_distributed(glyphs):
        if xs is not None:
            xs.extend(map(_X0, glyphs))
        return "".join(g.text for g in glyphs)
    return _spaced_text(_without_duplicates(glyphs), xs)


def _dominant(glyphs: Sequence[Glyph]) -> tuple[float, bool]:
    """The line's size and weight: what most of its length is set in.  The
    size is the median weighted by each glyph's width, so a short line of
    body text with a footnote mark (``いく105。``) keeps the body's size."""
    spaces = _SPACES
    return _dominant_of([g for g in glyphs if g[0] not in spaces] or list(glyphs))


def _dominant_of(visible: Sequence[Glyph]) -> tuple[float, bool]:
    """``_dominant`` of a line's visible glyphs (all of them when none is)."""
    bold = sum([g[6] for g in visible]) * 2 > len(visible)
    if not visible:
        return 0.0, bold
    first = visible[0][5]
    for g in visible:
        if g[5] != first:
            break
    else:  # one size: the weighted median is that size
        return round(first, 1), bold
    by_size = sorted(visible, key=lambda g: g.size)
    widths = [max(g.x1 - g.x0, 0.01) for g in by_size]
    half, acc = sum(widths) / 2, 0.0
    for g, w in zip(by_size, widths):
        acc += w
        if acc >= half:
            return round(g.size, 1), bold
    return round(by_size[-1].size, 1), bold


def make_line(glyphs: Sequence[Glyph]) -> Line:
    return _ordered_line(sorted(glyphs, key=lambda g: g.x0))


def _ordered_line(ordered: Sequence[Glyph]) -> Line:
    """``make_line`` of glyphs already sorted by ``x0``: its visible glyphs
    found once, for the size and weight and for where the line starts and ends."""
    spaces = _SPACES
    visible = [g for g in ordered if g[0] not in spaces]
    if visible:
        first, last = visible[0], visible[-1]
        size, bold = _dominant_of(visible)
    else:
        first, last = ordered[0], ordered[-1]
        size, bold = _dominant_of(list(ordered))
    xs: list[float] = []
    text = line_text(ordered, xs)
    return Line(
        text=text,
        x0=first[1],
        x1=last[2],
        top=min([g[3] for g in ordered]),
        bottom=max([g[4] for g in ordered]),
        size=size,
        bold=bold,
        runs=wide_runs(ordered) if " " in text else (),
        xs=tuple(xs) if len(xs) == len(text) else (),  # (a glyph of several characters: not known)
    )


def wide_runs(ordered: Sequence[Glyph]) -> tuple[tuple[float, str], ...]:
    """``Line.runs`` of a line's glyphs sorted by ``x0``: the pieces cut where
    ``_spaced_text`` puts a space for a gap wider than 1.5 em."""
    if is_distributed(ordered):
        return ()
    kept = _without_duplicates(ordered)
    spaces = _SPACES
    cuts = [i for i, (p, g) in enumerate(zip(kept, kept[1:]), 1)
            if g[1] - p[2] > 1.5 * (min(p[5], g[5]) or 1.0) and p[0] not in spaces and g[0] not in spaces
            and not (i == 1 and _is_label_char(p[0]))]
    if not cuts:
        return ()
    out: list[tuple[float, str]] = []
    for a, b in zip([0, *cuts], [*cuts, len(kept)]):
        piece = [g for g in kept[a:b] if g[0] not in spaces]
        if piece:
            out.append((piece[0][1], _spaced_text(kept[a:b]).strip(" \u3000")))
    return tuple(out) if len(out) > 1 else ()


def _median(values: list[float]) -> float:
    """``statistics.median``, the same value, without its overhead."""
    values.sort()
    n = len(values)
    mid = n // 2
    return values[mid] if n % 2 else (values[mid - 1] + values[mid]) / 2


def _box(cluster: Sequence[Glyph]) -> tuple[float, float, float, float, float]:
    size = _median([g[5] for g in cluster])
    return (min([g[1] for g in cluster]), max([g[2] for g in cluster]), min([g[3] for g in cluster]),
            max([g[4] for g in cluster]), size)


def attach_small(clusters: list[list[Glyph]]) -> list[list[Glyph]]:
    """Small glyphs next to a line of larger ones: a superscript or subscript
    (mostly inside the line's band) joins that line; ruby (ルビ, just above
    the line, at most 60% of its size) is dropped, as Word shows only the base
    text in the document's own text."""
    sizes = [_median([g[5] for g in c]) for c in clusters]
    largest = max(sizes, default=0.0)
    if not any(size < 0.8 * largest for size in sizes):
        return clusters  # no cluster is small next to another: nothing joins or goes
    boxes = [_box(c) for c in clusters]
    target: dict[int, int | None] = {}  # cluster -> the line it joins, None = dropped
    for i, (x0, x1, top, bottom, size) in enumerate(boxes):
        if not size < 0.8 * largest:
            continue  # no line is large enough to take it
        centre = (top + bottom) / 2
        near = sorted(
            (abs((b[2] + b[3]) / 2 - centre), j)
            for j, b in enumerate(boxes)
            if j != i and size < 0.8 * b[4] and abs((b[2] + b[3]) / 2 - centre) < b[4]
        )
        for _, j in near[:2]:
            nx0, nx1, ntop, nbottom, nsize = boxes[j]
            if j in target or x0 < nx0 - nsize or x1 > nx1 + nsize:
                continue
            overlap = min(bottom, nbottom) - max(top, ntop)
            if overlap >= 0.5 * (bottom - top):
                target[i] = j
                break
            if size <= 0.6 * nsize and 0 <= ntop - bottom < 0.15 * nsize:
                target[i] = None
                break
    out: list[list[Glyph]] = [list(c) for c in clusters]
    for i, joins in target.items():
        if joins is not None:
            out[joins].extend(out[i])
    return [c for i, c in enumerate(out) if i not in target]


def group_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Cluster glyphs into lines by their vertical centre, top to bottom.

    A glyph joins the current line when its centre lies within 40% of the
    smaller font size from the line's running centre.  Lines are then cut where
    two glyphs stand more than three ems apart (side-by-side blocks, tab
    columns), so each piece keeps its own left edge.  Superscripts join
    their line and ruby is dropped (``attach_small``).

    One sort of the glyphs by (centre, x0), decorated so the centre is
    computed once; each line's glyphs are sorted by ``x0`` once and cut and
    measured in place.
    """
    keyed = sorted([((g[3] + g[4]) / 2, g[1], k, g) for k, g in enumerate(glyphs)])
    clusters: list[list[Glyph]] = []
    cluster: list[Glyph] = []
    centre = 0.0
    first_size = 0.0
    n = 0
    for c, _, _, g in keyed:
        size = g[5]
        if n and abs(c - centre) <= 0.4 * (size if size < first_size else first_size):
            cluster.append(g)
            n += 1
            centre += (c - centre) / n
        else:
            cluster = [g]
            clusters.append(cluster)
            first_size = size
            centre = c
            n = 1
    lines: list[Line] = []
    spaces = _SPACES
    for cluster in attach_small(clusters):
        cluster.sort(key=_X0)
        start = 0
        for k in [k for k, (p, g) in enumerate(zip(cluster, cluster[1:]), 1)
                  if g[1] - p[2] > 3.0 * (p[5] if p[5] > g[5] else g[5])]:
            lines.append(_ordered_line(cluster[start:k]))
            start = k
        piece = cluster[start:] if start else cluster
        if piece and not spaces.issuperset([g[0] for g in piece]):
            lines.append(_ordered_line(piece))
    lines.sort(key=lambda ln: (round(ln.top, 0), ln.x0))
    return lines


# ---------------------------------------------------------------- vertical writing


def vertical_share(glyphs: Sequence[Glyph]) -> float:
    """Share of consecutive glyph steps that go down a column rather than
    along a line (0 = horizontal page, 1 = 縦書き)."""
    down, along, _ = _steps(glyphs)
    total = down + along
    return down / total if total else 0.0


def is_vertical(glyphs: Sequence[Glyph], share: float) -> bool:
    """``vertical_share(glyphs) > share``, without walking the rest of a page
    once it cannot be: every step left could still go down, so when even
    that leaves the share at or under ``share`` the answer is no (on a
    horizontal page, after about 40 % of its steps)."""
    down, along, left = _steps(glyphs, share)
    if left:
        return False
    total = down + along
    return (down / total if total else 0.0) > share


_CHECK_EVERY = 64  # steps between two looks at whether the answer is settled


def _steps(glyphs: Sequence[Glyph], share: float | None = None) -> tuple[int, int, int]:
    """Steps down a column and along a line between consecutive visible
    glyphs, and the steps not looked at: with ``share``, the walk stops once
    the share of down steps cannot exceed it whatever the rest are."""
    spaces = _SPACES
    vis = [g for g in glyphs if g[0] not in spaces]
    # per step (glyph p, then g): em = max(g.size, p.size, 1.0); dx, dy from the top-left corners
    down = along = 0
    steps = len(vis) - 1
    next_check = _CHECK_EVERY if share is not None else steps + 1
    for i in range(steps):
        if i == next_check:
            left = steps - i
            if (down + left) / (down + left + along) <= share:  # type: ignore[operator]
                return down, along, left
            next_check += _CHECK_EVERY
        p, g = vis[i], vis[i + 1]
        em = g[5] if g[5] > p[5] else p[5]
        if em < 1.0:
            em = 1.0
        dx, dy = g[1] - p[1], g[3] - p[3]
        if -0.3 * em < dx < 0.3 * em and 0 < dy < 2 * em:
            down += 1
        elif -0.3 * em < dy < 0.3 * em and 0 < dx < 2 * em:
            along += 1
    return down, along, 0


def turn_vertical(glyphs: Sequence[Glyph], width: float) -> list[Glyph]:
    """Turn a vertical page sideways so that columns (right to left) become
    lines (top to bottom) and the horizontal machinery applies unchanged."""
    return [
        Glyph(g.text, g.top, g.bottom, width - g.x1, width - g.x0, g.size, g.bold) for g in glyphs
    ]


# ---------------------------------------------------------------- labels and paragraphs

BULLETS = "・･•◦●○◎■□◆◇❖▶▷►▸➢➤▪▫★☆-－→⇒✓✔"
"""List bullets. ※ and ＊ mark notes (注記), which stay paragraphs."""
_BULLET_RE = re.compile(f"^([{re.escape(BULLETS)}])[ \u3000]?")


def bullet_label(text: str) -> str:
    """The bullet at the start of a line (``・``, ``●``, ``※`` …), or ``""``."""
    m = _BULLET_RE.match(text)
    if not m:
        return ""
    if m.group(1) in "-－" and (len(text) < 2 or not is_space(text[1])):
        return ""  # "-1" or "－５－" are not bullets
    return m.group(1)


@dataclass(frozen=True)
class LayoutMetrics:
    """What a page (or document) says about its body text column."""

    left: float
    right: float
    pitch: float  # usual distance between the tops of two body lines
    size: float


def body_metrics(lines: Sequence[Line], body_size: float | None = None) -> LayoutMetrics:
    """Left and right edge, line pitch and size of the body text among ``lines``."""
    if not lines:
        return LayoutMetrics(0.0, 0.0, 0.0, body_size or 10.0)
    size = body_size or statistics.mode(round(ln.size, 1) for ln in lines)
    body = [ln for ln in lines if abs(ln.size - size) < 0.6] or list(lines)
    lefts = sorted(round(ln.x0) for ln in body)
    left = statistics.mode(lefts)
    right = sorted(ln.x1 for ln in body)[int(0.9 * (len(body) - 1))]
    pitches = [b.top - a.top for a, b in zip(body, body[1:]) if 0 < b.top - a.top < 3 * size]
    pitch = statistics.median(pitches) if pitches else 1.7 * size
    return LayoutMetrics(float(left), right, pitch, size)


MIN_PARAGRAPH_STARTS = 8


def indents_paragraphs(pages: Sequence[Sequence[Line]], m: LayoutMetrics) -> bool:
    """Whether the body's paragraphs start with a first-line indent (字下げ):
    after a line that ends a sentence short of the right edge, the next body
    line of the same page (unlabelled, same size) starts about an em right of
    the left edge nearly every time.  In such a document a line at the left
    edge continues a paragraph, even at the top of a new page after a
    sentence end (a page break inside a paragraph)."""
    em = max(m.size, 1.0)
    indented = flush = 0
    for lines in pages:
        for prev, ln in zip(lines, lines[1:]):
            if (abs(prev.size - m.size) > 0.6 or abs(ln.size - m.size) > 0.6 or prev.bold or ln.bold
                    or not ends_sentence(prev.text) or m.right - prev.x1 < 2 * em
                    or abs(prev.x0 - m.left) > 0.5 * em or bullet_label(ln.text)
                    or ln.top - prev.bottom > max(m.pitch - prev.height, 0.0) + 0.6 * em):
                continue
            if 0.5 * em < ln.x0 - m.left < 1.5 * em:
                indented += 1
            elif abs(ln.x0 - m.left) <= 0.5 * em:
                flush += 1
    return indented >= MIN_PARAGRAPH_STARTS and indented >= 9 * flush


def starts_paragraph(
    prev: Line, line: Line, para_first: Line, m: LayoutMetrics, labelled: bool, indented: bool = False
) -> bool:
    """Whether ``line`` begins a new paragraph after ``prev``.

    ``para_first`` is the first line of the paragraph ``prev`` belongs to and
    ``labelled`` whether that paragraph starts with a list label (a hanging
    indent then continues at the text's indent, not at the margin).
    ``indented``: the document starts its paragraphs with a first-line indent
    (``indents_paragraphs``), so an item wrapped back to the margin goes on
    there even after a full line that ends a sentence.
    """
    em = max(line.size, 1.0)
    if abs(line.size - prev.size) > 0.6 or line.bold != prev.bold:
        return True
    gap = line.top - prev.bottom
    if gap > max(m.pitch - prev.height, 0.0) + 0.6 * em:
        return True
    if stops_short(prev.x1, m.right, line.text, em):
        if labelled or ends_sentence(prev.text) or line.x0 > prev.x0 + 0.5 * em or not continues_word(line.text):
            return True  # the previous line stopped short at the end of a sentence or item
    if labelled:
        # a list item continues at the margin or at its hanging indent
        if line.x0 < para_first.x0 - 0.3 * em:
            return ends_sentence(prev.text) and not (indented and abs(line.x0 - m.left) <= 0.5 * em)
        return line.x0 > para_first.x0 + 3.5 * em
    return line.x0 > prev.x0 + 0.5 * em  # 字下げ: indented deeper than the line before


# ---------------------------------------------------------------- columns (段組み)

MIN_COLUMN_LINES = 5


def _gutter(lines: Sequence[Line]) -> tuple[float, float] | None:
    """The widest vertical band in the middle of the text that (almost) no
    line crosses, at least 1.5 em wide: the space between two columns."""
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    width = int(hi - lo) + 1
    if width < 50:
        return None
    steps = [0] * (width + 2)  # +1 where a line starts covering x, -1 after its last x
    for ln in lines:
        a, b = int(ln.x0 - lo), min(width, int(ln.x1 - lo) + 1)
        if a < b:
            steps[a] += 1
            steps[b] -= 1
    counts = list(accumulate(steps[: width + 1]))
    em = _median([ln.size for ln in lines])
    for allowed in (0, max(1, len(lines) // 10)):  # a clean gutter first, then one a few lines cross
        best: tuple[float, float] | None = None
        start = None
        for x in range(int(0.15 * width), int(0.85 * width) + 1):
            if counts[x] <= allowed:
                start = x if start is None else start
                if x - start + 1 >= 1.5 * em and (best is None or x - start > best[1] - best[0]):
                    best = (lo + start, lo + x)
            else:
                start = None
        if best is not None:
            return best
    return None


def order_columns(lines: Sequence[Line]) -> list[Line]:
    """Reading order for text set in columns (段組み): between lines that span
    the page, the left column is read before the right one.

    Columns are only assumed when a clear gutter separates at least five lines
    on each side that stand side by side, and the two sides have lines of
    comparable length, so an unruled two-column list (用語 / 解説) is left
    alone.  Applied again inside each column for three or more columns.
    """
    if len(lines) < 2 * MIN_COLUMN_LINES:
        return list(lines)
    gutter = _gutter(lines)
    if gutter is None:
        return list(lines)
    g0, g1 = gutter
    left = [ln for ln in lines if ln.x1 <= g0 + 1]
    right = [ln for ln in lines if ln.x0 >= g1 - 1]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return list(lines)
    overlap = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right)) - max(
        min(ln.top for ln in left), min(ln.top for ln in right)
    )
    if overlap <= 0:
        return list(lines)
    wl = statistics.median(ln.x1 - ln.x0 for ln in left)
    wr = statistics.median(ln.x1 - ln.x0 for ln in right)
    if min(wl, wr) < 0.5 * max(wl, wr):
        return list(lines)
    out: list[Line] = []
    buf_l: list[Line] = []
    buf_r: list[Line] = []

    def flush() -> None:
        out.extend(order_columns(buf_l))
        out.extend(order_columns(buf_r))
        buf_l.clear()
        buf_r.clear()

    for ln in sorted(lines, key=lambda ln: (round(ln.top), ln.x0)):
        if ln.x1 <= g0 + 1:
            buf_l.append(ln)
        elif ln.x0 >= g1 - 1:
            buf_r.append(ln)
        else:
            flush()
            out.append(ln)
    flush()
    return out
