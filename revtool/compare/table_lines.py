"""An edited table that one version's reader gave as lines of text. Pure.

A table printed without rules (a 施策の体系 of two or three columns) is a
table in the DOCX and lines of text in the PDF printed from it. Unedited,
``diff.tables_as_text`` finds the same characters in the same order and
calls it one format change. Edited (a 施策 renamed, two merged, one moved),
the characters differ, and the table would be deleted whole and every line
added: one invented row holding the whole 体系, and the decisions it echoes
losing their 体系 page.

``tables_read_as_lines`` finds such a table: left unpaired by the block
alignment, beside a run of unpaired lines of the other version that are
made of its words (each line's character bigrams mostly among the table's,
and together most of the table's). ``table_rows`` then turns the table into
one line per row, its cells joined by an ideographic space as a PDF prints
them, so the rows are compared with the lines as paragraphs are: an
unchanged row (cut into several lines or not: ``diff._reflows``) is no
change, and an edited one is an edit of that line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from revtool.compare.comparison_key import comparison_key
from revtool.extract.outline import is_quantity, parse_marker
from revtool.model import Block, BlockKind, PageSpan

LINE_INSIDE = 0.8
"""Share of a line's bigrams that must be the table's for the line to be one of its lines."""
TABLE_COVERED = 0.5
"""Share of the table's bigrams the run of lines must hold."""
MIN_LINES = 2

_BULLETS = "・･•●○◎■□◆◇▪▫★☆"


def _bigrams(text: str) -> set[str]:
    return {text[k:k + 2] for k in range(len(text) - 1)}


def _inside(key: str, grams: set[str], flat: str) -> bool:
    """Whether a line (its comparison key) is made of a table's words: most of
    its bigrams are the table's; a line of one character (the end of a cell
    the width cut: ``下``) when the table has that character."""
    if len(key) == 1:
        return key in flat
    own = _bigrams(key)
    return bool(own) and len(own & grams) >= LINE_INSIDE * len(own)


def flat_cells(table: Block) -> str:
    """A table's characters in reading order: its cells row by row, a merged cell once."""
    assert table.table is not None
    return "".join(comparison_key(c.text) for row in table.table.rows for c in row if not c.merged)


def unpaired(tables: Sequence[Block], texts: Sequence[Block], paired: Sequence[tuple[int, int]], flip: bool,
             taken_tables: Collection[int] = (), taken_texts: Collection[int] = ()) -> tuple[list[int], set[int]]:
    """(tables, lines): the tables of ``tables`` the block alignment left without
    a table counterpart (unpaired, or paired with a paragraph), and the
    paragraphs of ``texts`` it left without a paragraph counterpart, leaving out
    those already ``taken``. ``paired`` are (old, new) indexes; ``flip`` says
    ``tables`` is the new version."""
    partner = {(j if flip else i): (i if flip else j) for i, j in paired}  # table side -> text side
    back = {b: a for a, b in partner.items()}
    lone = [k for k, b in enumerate(tables) if b.table is not None and k not in taken_tables
            and (k not in partner or texts[partner[k]].table is None)]
    free = {k for k, b in enumerate(texts) if b.table is None and k not in taken_texts
            and (k not in back or tables[back[k]].table is not None)}
    return lone, free


def tables_read_as_lines(tables: Sequence[Block], lines: Sequence[Block], lone_tables: Sequence[int],
                         free_lines: set[int]) -> list[tuple[int, list[int]]]:
    """(table index, line indexes) for each table of ``lone_tables`` (indexes
    into ``tables``) that a run of consecutive ``free_lines`` (indexes into
    ``lines``, none of them a table) reads as lines of text; each line is
    given to one table at most."""
    out: list[tuple[int, list[int]]] = []
    free = set(free_lines)
    for t in lone_tables:
        flat = flat_cells(tables[t])
        grams = _bigrams(flat)
        if len(grams) < 4:
            continue
        inside = [k for k in sorted(free) if _inside(comparison_key(lines[k].text), grams, flat)]
        runs: list[list[int]] = []
        for k in inside:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        best = max(runs, key=lambda r: sum(len(lines[k].text) for k in r), default=[])
        if len(best) < MIN_LINES:
            continue
        held = set().union(*(_bigrams(comparison_key(lines[k].text)) for k in best))
        if len(held & grams) < TABLE_COVERED * len(grams):
            continue
        free -= set(best)
        out.append((t, best))
    return out


def tables_continued_as_lines(tables: Sequence[Block], lines: Sequence[Block], paired: Sequence[tuple[int, int]],
                               flip: bool, free_lines: set[int]) -> list[tuple[int, int, list[int]]]:
    """(table index, counterpart index, line indexes) for each table of
    ``tables`` paired with a table of ``lines``'s version that holds only a
    part of it, the rest read as lines right after that counterpart: an
    unruled table whose continuation page has no header row, which the other
    reader gave as lines of text (``　3-2　県及び市町村の…``). The run of
    consecutive ``free_lines`` right after the counterpart must be made of the
    table's words (``LINE_INSIDE``) and hold most of what the counterpart
    lacks (``TABLE_COVERED``). ``paired``: (old, new) indexes; ``flip`` says
    ``tables`` is the new version."""
    out: list[tuple[int, int, list[int]]] = []
    free = set(free_lines)
    for i, j in paired:
        t, u = (j, i) if flip else (i, j)
        if tables[t].table is None or lines[u].table is None:
            continue
        flat = flat_cells(tables[t])
        grams = _bigrams(flat)
        missing = grams - _bigrams(flat_cells(lines[u]))
        if len(missing) < 4:
            continue
        run = _run_after(u, lines, free, grams, flat)
        if not run:
            continue
        held = set().union(*(_bigrams(comparison_key(lines[k].text)) for k in run))
        if len(held & missing) < TABLE_COVERED * len(missing):
            continue
        free -= set(run)
        out.append((t, u, run))
    return out


def _run_after(u: int, lines: Sequence[Block], free: set[int], grams: set[str], flat: str) -> list[int]:
    """The consecutive ``free`` lines right after ``lines[u]`` that go on a
    table: up to the last line made of its words (``_inside``), a line that
    is not (a row added, or rewritten) let through between two that are;
    empty when fewer than ``MIN_LINES`` lines, or not most of them, are the
    table's."""
    run: list[int] = []
    inside = 0
    k = u + 1
    while k in free:
        if _inside(comparison_key(lines[k].text), grams, flat):
            run.append(k)
            inside += 1
        elif (k == u + 1 or run[-1] == k - 1) and k + 1 in free \
                and _inside(comparison_key(lines[k + 1].text), grams, flat):
            run.append(k)
        else:
            break
        k += 1
    if inside < MIN_LINES or 2 * inside < len(run):
        return []
    return run


def _line_block(text: str, pages: PageSpan | None) -> Block:
    """A row as the PDF reader gives a printed line: labelled by its bullet or
    its numbering marker (``１　地域包括ケア…``, ``（２）在宅医療…``)."""
    if text[:1] in _BULLETS:
        return Block(BlockKind.LIST, text, label=text[0], pages=pages)
    marker = parse_marker(text)
    if marker is not None and marker.title and not is_quantity(marker):
        return Block(BlockKind.LIST, text, label=marker.number, pages=pages)
    return Block(BlockKind.PARAGRAPH, text, pages=pages)


def table_rows(block: Block) -> list[Block]:
    """A table as lines: one per row with any text, its cells' texts (a merged
    cell once, at its origin) joined by an ideographic space, on the page the
    row is printed on."""
    assert block.table is not None
    out = []
    offset = 0
    for row in block.table.rows:
        texts = [c.text for c in row]
        cells = [" ".join(c.text.split("\n")).strip() for c in row if not c.merged and c.text.strip()]
        if cells:
            page = block.page_at(offset)
            pages = PageSpan(page, page) if page is not None and block.page_breaks else block.pages
            out.append(_line_block("\u3000".join(cells), pages))
        offset += len("\t".join(texts)) + 1
    return out


def row_starts(table: Block) -> frozenset[str]:
    """The first cell of each row of ``table`` (comparison key, two characters
    or more; a merged or empty cell left out): how a printed row of it begins."""
    assert table.table is not None
    out = set()
    for row in table.table.rows:
        first = next((c for c in row if c.text.strip()), None)
        key = comparison_key(first.text) if first is not None and not first.merged else ""
        if len(key) >= 2:
            out.add(key)
    return frozenset(out)


def rows_of_lines(lines: Sequence[Block], starts: Collection[str] = ()) -> list[Block]:
    """The lines of a table read as text, each row once: a line without a
    label (``充実　１－１－１ 保育サービス…``) is the rest of the row above, which
    the printed table's width cut (``…子ども・子育て支援の``), unless it begins
    with the first cell of one of the table's rows (``starts``, ``row_starts``)
    and goes on past it: a row of a table whose first column has no numbering
    (``個別施策分野　①行政機能…`` under ``区分　施策分野``) begins a row of its own.
    A line that is a first cell alone is a table read column by column
    (``指標名`` / ``調査研究の設置数`` / …), not a row: it is joined as before."""
    out: list[Block] = []
    for b in lines:
        if b.text != b.text.strip(" \u3000"):  # a row under a merged first cell: ``　3-2　…``
            b = Block(b.kind, b.text.strip(" \u3000"), label=b.label, pages=b.pages)
        key = comparison_key(b.text)
        if out and b.kind is BlockKind.PARAGRAPH and not b.label and not any(key.startswith(s) and key != s for s in starts):
            prev = out[-1]
            out[-1] = Block(prev.kind, prev.text + b.text, label=prev.label, pages=PageSpan.cover([prev.pages, b.pages]))
        else:
            out.append(b)
    return out
