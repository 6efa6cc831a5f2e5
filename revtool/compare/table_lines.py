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
        inside = []
        for k in sorted(free):
            key = comparison_key(lines[k].text)
            own = _bigrams(key)
            if own and len(own & grams) >= LINE_INSIDE * len(own):
                inside.append(k)
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


def rows_of_lines(lines: Sequence[Block]) -> list[Block]:
    """The lines of a table read as text, each row once: a line without a
    label (``充実　１－１－１ 保育サービス…``) is the rest of the row above, which
    the printed table's width cut (``…子ども・子育て支援の``)."""
    out: list[Block] = []
    for b in lines:
        if out and b.kind is BlockKind.PARAGRAPH and not b.label:
            prev = out[-1]
            out[-1] = Block(prev.kind, prev.text + b.text, label=prev.label, pages=PageSpan.cover([prev.pages, b.pages]))
        else:
            out.append(b)
    return out
