"""The line builder as it was before issue 15's second speed round (commit
ed80af3): one sort of (centre, x0, index, glyph) tuples, the clustering a
glyph at a time, the cut and spacing tests pair by pair.  An oracle for
tests/test_pdf_lines.py: the fast ``group_lines`` must give the same lines."""

from __future__ import annotations

from typing import Iterable, Sequence

from revtool.extract.pdf_lines import _SPACES, Line, _is_label_char, _typed_space, attach_small, is_ascii_alnum
from revtool.extract.pdf_read import Glyph

def is_distributed(glyphs: Sequence[Glyph]) -> bool:
    """均等割り付け: every gap between the glyphs is wide and about the same
    (``基　本　方　針``); such gaps are spacing, not spaces.  A line with a
    space, or with two non-ASCII glyphs closer than 0.3 em, is told at once
    (most lines: their first two glyphs touch)."""
    n = len(glyphs)
    if n < 3:
        return False
    spaces = _SPACES
    for g in glyphs:
        if g[0] in spaces:
            return False  # not every glyph visible
    em = min(g[5] for g in glyphs) or 1.0
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
    if len(wide) < 2:
        return False
    return min(wide) > limit and max(wide) - min(wide) < 0.35 * em

def _spaced_text(kept: Sequence[Glyph]) -> str:
    """The text of a line's glyphs (sorted left to right, duplicates of fake
    bold removed), spaced by the rule in the module docstring.  A gap of at
    most 0.2 em (nearly every gap) is no space by every rule below, so only
    the wider ones are looked at."""
    smallest = min([g[5] for g in kept]) if kept else 0.0
    if smallest > 0:  # em >= smallest for every pair: a gap within 0.2 * smallest is within 0.2 em
        limit = 0.2 * smallest
        wider = [i for i, (p, g) in enumerate(zip(kept, kept[1:]), 1) if g[1] - p[2] > limit]
    else:
        wider = list(range(1, len(kept)))
    if not wider:
        return "".join([g[0] for g in kept])
    spaces = _SPACES
    out: list[str] = []
    add = out.append
    done = 0
    for i in wider:
        out.extend([g[0] for g in kept[done:i]])
        done = i
        prev, g = kept[i - 1], kept[i]
        if prev[0] in spaces or g[0] in spaces:
            continue
        gap = g[1] - prev[2]
        em = min(prev[5], g[5]) or 1.0
        if gap <= 0.2 * em and em > 0:
            continue  # no rule below puts a space in a gap this narrow
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
    out.extend([g[0] for g in kept[done:]])
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


def line_text(glyphs: Sequence[Glyph]) -> str:
    """The text of one line's glyphs (sorted left to right), spaced by the rule above."""
    if is_distributed(glyphs):
        return "".join(g.text for g in glyphs)
    return _spaced_text(_without_duplicates(glyphs))


def _dominant(glyphs: Sequence[Glyph]) -> tuple[float, bool]:
    """The line's size and weight: what most of its length is set in.  The
    size is the median weighted by each glyph's width, so a short line of
    body text with a footnote mark (``いく105。``) keeps the body's size."""
    spaces = _SPACES
    visible = [g for g in glyphs if g[0] not in spaces] or list(glyphs)
    bold = sum(g[6] for g in visible) * 2 > len(visible)
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


def _ordered_line(ordered: Sequence[Glyph]) -> Line:
    """``make_line`` of glyphs already sorted by ``x0``."""
    size, bold = _dominant(ordered)
    text = line_text(ordered)
    spaces = _SPACES
    first = last = None
    for g in ordered:
        if g[0] not in spaces:
            first = g
            break
    if first is None:
        first, last = ordered[0], ordered[-1]
    else:
        for k in range(len(ordered) - 1, -1, -1):
            if ordered[k][0] not in spaces:
                last = ordered[k]
                break
    assert last is not None
    return Line(
        text=text,
        x0=first[1],
        x1=last[2],
        top=min([g[3] for g in ordered]),
        bottom=max([g[4] for g in ordered]),
        size=size,
        bold=bold,
    )


def _x0(g: Glyph) -> float:
    return g[1]


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
        cluster.sort(key=_x0)
        start = 0
        for k in [k for k, (p, g) in enumerate(zip(cluster, cluster[1:]), 1)
                  if g[1] - p[2] > 3.0 * (p[5] if p[5] > g[5] else g[5])]:
            lines.append(_ordered_line(cluster[start:k]))
            start = k
        piece = cluster[start:] if start else cluster
        if piece and any(g[0] not in spaces for g in piece):
            lines.append(_ordered_line(piece))
    lines.sort(key=lambda ln: (round(ln.top, 0), ln.x0))
    return lines


# ---------------------------------------------------------------- vertical writing
