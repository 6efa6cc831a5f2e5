"""Changes between two versions: sections aligned, then blocks, table cells and
characters, each change with an editorial/substantive verdict. Pure.

``diff_documents(old, new, rules)`` returns ``Change`` objects in the new
document's order with ids D1, D2, …. Inside a pair of sections the blocks are
aligned by equality (LCS), then by similarity in the gaps (an edited paragraph
is a modification, not a delete plus an add), then a move pass pairs left-over
deleted and added blocks with similarity ≥ ``MOVE_MIN``. Tables go to
``tablediff``; text to ``chardiff``; verdicts come from ``editorial``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from revtool.compare.align import (
    REORDERED, align_sections, bigrams, is_renumbering, section_component, section_links, subtree_text, title_key,
)
from revtool.compare.chardiff import Hunk, char_diff, fine_hunks, judged_hunks, similarity
from revtool.compare.comparison_key import comparison_key
from revtool.compare.drafting_notes import note_only_change, split_note
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_config import EditorialRules
from revtool.compare.structural_verdicts import verdict_for
from revtool.compare.footnote_marks import footnote_marks, note_number, relabel
from revtool.compare.footnote_moves import moved_note, note_texts, relabel_moves
from revtool.compare.heading_only import heading_only
from revtool.compare.in_order import best_in_order
from revtool.compare.outline_match import match_outlines, with_promotions
from revtool.compare.section_roles import explanatory_reorder, table_titles
from revtool.compare.table_lines import (
    flat_cells, row_starts, rows_of_lines, table_rows, tables_continued_as_lines, tables_read_as_lines, unpaired,
)
from revtool.compare.sentence_moves import relabel_sentence_moves
from revtool.compare.titled_items import measure_title
from revtool.model import (
    Block, BlockKind, BlockPair, BlockRef, Change, Comparison, ChangeKind, Document, Edit, EditOp, PageSpan, Section, SectionPair,
    SectionPath, TableAlignment, Verdict,
)
from revtool.compare.tablediff import align_tables, cell, row_label
from revtool.normalize import NUMBER_DASHES

PAIR_MIN = 0.5  # similarity for two blocks in a gap to be one edited block
SOLE_MIN = 0.1  # similarity for the only old and only new block of a gap to be one rewritten block
MOVE_MIN = 0.8  # similarity for a deleted and an added block to be one moved block
DP_LIMIT = 60
TAIL_BLOCKS = 5  # blocks at the end of a document that may be its back cover  # gap size above which the gap is paired greedily instead of by DP

_KIND_JA = {BlockKind.PARAGRAPH: "段落", BlockKind.LIST: "箇条書き", BlockKind.TABLE: "表"}
_CAPTION = re.compile(r"^\s*((?:図表|表|図)\s*[0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*)")


@dataclass(frozen=True)
class _Tagged:
    """A block with the section it belongs to and its index there."""

    block: Block
    path: SectionPath
    index: int
    caption: str


def _pages(span: PageSpan | None) -> tuple[int, ...]:
    return span.pages() if span is not None else ()


def _tag(section: Section, path: SectionPath) -> list[_Tagged]:
    out = []
    tables = 0
    for i, b in enumerate(section.blocks):
        caption = ""
        if b.kind is BlockKind.TABLE:
            tables += 1
            prev = section.blocks[i - 1].text if i > 0 else ""
            m = _CAPTION.match(prev)
            caption = m.group(1) if m and len(prev) <= 80 else f"表{tables}"
        out.append(_Tagged(b, path, i, caption))
    return out


def _key(b: Block) -> str:
    return f"{b.kind}\0{comparison_key(b.label)}\0{comparison_key(b.text)}"


def _block_similarity(a: Block, b: Block) -> float:
    if (a.kind is BlockKind.TABLE) != (b.kind is BlockKind.TABLE):
        return 0.0
    ka, kb = _ckey(a.text), _ckey(b.text)
    if a.kind is BlockKind.TABLE:
        # overlap, not Jaccard: a table that gained a column is still the same table
        ba, bb = _bigrams(ka), _bigrams(kb)
        return len(ba & bb) / max(1, min(len(ba), len(bb)))
    return similarity(ka, kb)


@lru_cache(maxsize=4096)
def _ckey(text: str) -> str:
    return comparison_key(text)


@lru_cache(maxsize=4096)
def _bigrams(key: str) -> frozenset[str]:
    return bigrams(key)


def _pair_lone_blocks(old: Sequence[Block], new: Sequence[Block], pairs: dict[int, tuple[int, str]],
                      used_old: set[int]) -> None:
    """Between two consecutive pairs, one unpaired old and one unpaired new block
    of the same kind are the same block rewritten."""
    anchors = sorted((i, j) for j, (i, _) in pairs.items())
    bounds = [(-1, -1)] + anchors + [(len(old), len(new))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        if i1 < i0 or j1 < j0:
            continue
        lo = [i for i in range(i0 + 1, i1) if i not in used_old]
        ln = [j for j in range(j0 + 1, j1) if j not in pairs]
        if len(lo) == 1 and len(ln) == 1 and _block_similarity(old[lo[0]], new[ln[0]]) >= SOLE_MIN:
            pairs[ln[0]] = (lo[0], "edited")
            used_old.add(lo[0])


def _pair_gap(a: Sequence[int], b: Sequence[int], sim: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Monotone pairing of a gap maximising total similarity (DP), or greedy when large."""
    good = {k: v for k, v in sim.items() if v >= PAIR_MIN}
    if not good:
        return []
    if len(a) > DP_LIMIT or len(b) > DP_LIMIT:
        out: list[tuple[int, int]] = []
        for (i, j), _ in sorted(good.items(), key=lambda kv: (-kv[1], kv[0][0] + kv[0][1])):
            if all((i < x) == (j < y) and i != x and j != y for x, y in out):
                out.append((i, j))
        return sorted(out)
    return best_in_order(a, b, good)


def align_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[tuple[int | None, int | None, str]]:
    """Pair blocks: ``(old index, new index, how)``; how = equal | edited | moved | added | deleted.

    The order-preserving pairing with the largest total similarity wins (an equal
    block counts 1, an edited one its similarity ≥ ``PAIR_MIN``); a lone old and
    a lone new block between two pairs are one rewritten block; then the move
    pass. Returned in new order, deleted blocks after their old predecessor.
    """
    ka, kb = [_key(b) for b in old], [_key(b) for b in new]
    pairs: dict[int, tuple[int, str]] = {}  # new -> (old, how)
    used_old: set[int] = set()
    if len(old) * len(new) <= DP_LIMIT * DP_LIMIT:
        regions = [(0, len(old), 0, len(new))]
    else:  # large sections: equal runs by LCS first, DP inside the gaps
        regions = []
        sm = SequenceMatcher(None, ka, kb, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    pairs[j1 + k] = (i1 + k, "equal")
                    used_old.add(i1 + k)
            elif tag == "replace":
                regions.append((i1, i2, j1, j2))
    in_old, in_new = set(ka), set(kb)
    for i1, i2, j1, j2 in regions:
        ga, gb = list(range(i1, i2)), list(range(j1, j2))
        sim: dict[tuple[int, int], float] = {}
        # a block found unchanged on the other side is only compared with its equal
        loose_a = [i for i in ga if ka[i] not in in_new]
        loose_b = [j for j in gb if kb[j] not in in_old]
        for i in ga:
            if ka[i] in in_new:
                sim.update(((i, j), 1.0) for j in gb if kb[j] == ka[i])
        for i in loose_a:
            for j in loose_b:
                sim[(i, j)] = _block_similarity(old[i], new[j])
        for i, j in _pair_gap(ga, gb, sim):
            pairs[j] = (i, "equal" if ka[i] == kb[j] else "edited")
            used_old.add(i)
    _pair_lone_blocks(old, new, pairs, used_old)
    # move pass
    left_old = [i for i in range(len(old)) if i not in used_old]
    left_new = [j for j in range(len(new)) if j not in pairs]
    cands = []
    for i in left_old:
        for j in left_new:
            s = _block_similarity(old[i], new[j])
            if s >= MOVE_MIN:
                cands.append((-s, i + j, i, j))
    for _, _, i, j in sorted(cands):
        if i not in used_old and j not in pairs:
            pairs[j] = (i, "moved")
            used_old.add(i)
    out: list[tuple[int | None, int | None, str]] = []
    deleted = [i for i in range(len(old)) if i not in used_old]
    last = -1
    for j in range(len(new)):
        if j in pairs:
            i, how = pairs[j]
            if how != "moved":
                last = max(last, i)
                while deleted and deleted[0] < last:
                    out.append((deleted.pop(0), None, "deleted"))
            out.append((i, j, how))
        else:
            out.append((None, j, "added"))
    out.extend((i, None, "deleted") for i in deleted)
    return out


class _Differ:
    def __init__(self, old: Document, new: Document, rules: EditorialRules) -> None:
        self.old, self.new, self.rules = old, new, rules
        self.old_map = dict(old.walk())
        self.new_map = dict(new.walk())
        self.drafts: list[Change] = []  # ids are given at the end (_finish)
        self.section_pairs: list[SectionPair] = []
        self.block_pairs: list[BlockPair] = []
        self.tables: dict[tuple[SectionPath, int, SectionPath, int], TableAlignment] = {}
        self.vocabulary = (full_text(old), full_text(new))
        self.marks = footnote_marks(old, new)
        self.notes = note_texts(old, new)
        self.listed = table_titles(new)

    def rejudge(self, old_text: str, new_text: str) -> list[tuple[Hunk, Verdict]]:
        """Each hunk of ``old_text`` → ``new_text`` with its verdict by the rule table."""
        hs = judged_hunks(old_text, new_text, char_diff(old_text, new_text))
        return list(zip(hs, judge(old_text, new_text, hs, self.rules, self.vocabulary)))

    def table_alignment(self, o: _Tagged | None, n: _Tagged | None) -> TableAlignment | None:
        """How two differing tables map, aligned once (the change table's cells and
        the 新旧対照表 both read it from the comparison); None unless both are tables."""
        if o is None or n is None or o.block.table is None or n.block.table is None or o.block.table == n.block.table:
            return None
        key = (o.path, o.index, n.path, n.index)
        if key not in self.tables:
            self.tables[key] = align_tables(o.block.table, n.block.table)
        return self.tables[key]

    # ---------------------------------------------------------------- text
    def text_changes(self, old_text: str, new_text: str) -> list[tuple[str, str, tuple[Edit, ...], Verdict]]:
        """One or more (old, new, edits, verdict): split by sentence when the
        verdicts of the parts differ, so editorial edits are not drowned."""
        edits = char_diff(old_text, new_text)
        hs = judged_hunks(old_text, new_text, edits)
        vs = relabel(old_text, new_text, hs, judge(old_text, new_text, hs, self.rules, self.vocabulary), self.marks,
                     self.rejudge)
        vs = relabel_moves(hs, vs, self.notes)
        if len({v.substantive for v in vs}) <= 1:
            return [(old_text, new_text, edits, combine(vs))]
        spans = []
        for h, v in zip(hs, vs):
            os_, oe = _sentence_span(old_text, h.old_start, h.old_end)
            ns, ne = _sentence_span(new_text, h.new_start, h.new_end)
            spans.append([os_, oe, ns, ne, [(h, v)]])
        merged: list[list] = []
        for sp in spans:
            if merged and (sp[0] < merged[-1][1] or sp[2] < merged[-1][3]):
                last = merged[-1]
                last[1], last[3] = max(last[1], sp[1]), max(last[3], sp[3])
                last[4] = last[4] + sp[4]
            else:
                merged.append(sp)
        out = []
        for os_, oe, ns, ne, group in merged:
            a, b = old_text[os_:oe], new_text[ns:ne]
            if len({v.substantive for _, v in group}) == 1:
                out.append((a, b, char_diff(a, b), combine(v for _, v in group)))
                continue
            # one sentence with both kinds: two steps, substantive edits first
            # (old → mid), then the editorial ones (mid → new), so each change
            # shows only its own edits.
            mid = a
            for h, v in sorted(group, key=lambda hv: -hv[0].old_start):
                if v.substantive:
                    start = h.old_start - os_
                    mid = mid[:start] + h.new + mid[start + len(h.old):]
            sub = [v for _, v in group if v.substantive]
            edi = [v for _, v in group if not v.substantive]
            out.append((a, mid, char_diff(a, mid), combine(sub)))
            out.append((mid, b, char_diff(mid, b), combine(edi)))
        return out

    def add(self, kind: ChangeKind, path: SectionPath, old_path: SectionPath, old_text: str, new_text: str,
            verdict: Verdict, edits: tuple[Edit, ...] = (), old_pages: tuple[int, ...] = (),
            new_pages: tuple[int, ...] = (), block_kind: str = "", location: str = "") -> None:
        if not edits and (old_text or new_text) and kind in (ChangeKind.MODIFIED, ChangeKind.MOVED,
                                                             ChangeKind.RENAMED):
            edits = char_diff(old_text, new_text)
        elif not edits:
            if old_text:
                edits += (Edit(EditOp.DELETE, old_text),)
            if new_text:
                edits += (Edit(EditOp.INSERT, new_text),)
        self.drafts.append(Change("", kind, path, old_path, old_text, new_text, verdict, edits,
                                  old_pages, new_pages, block_kind, location))

    # ---------------------------------------------------------------- blocks
    def blocks(self, olds: list[_Tagged], news: list[_Tagged], default_new: SectionPath,
               default_old: SectionPath) -> None:
        """The blocks of a section (or of a split/merged component) compared.
        Footnotes (``注N`` blocks, placed after the paragraph that cites them)
        are aligned as a stream of their own: between two pieces of a paragraph
        that was split, a footnote would otherwise stand in the way of seeing
        the pieces as the old paragraph, and a footnote is never the
        counterpart of a body paragraph."""
        olds, news = _typed_notes(olds, news)
        notes_old = [t for t in olds if note_number(t.block) is not None]
        notes_new = [t for t in news if note_number(t.block) is not None]
        if not notes_old and not notes_new:
            self.block_stream(olds, news, default_new, default_old)
            return
        self.block_stream([t for t in olds if note_number(t.block) is None],
                          [t for t in news if note_number(t.block) is None], default_new, default_old)
        self.block_stream(notes_old, notes_new, default_new, default_old)

    def block_stream(self, olds: list[_Tagged], news: list[_Tagged], default_new: SectionPath,
                     default_old: SectionPath) -> None:
        aligned = align_blocks([t.block for t in olds], [t.block for t in news])
        joins = _reflows([t.block for t in olds], [t.block for t in news], aligned)
        absorbed_old = {k for (a, _), (oi, _) in joins.items() for k in oi if k != a}
        absorbed_new = {k for (_, b), (_, nj) in joins.items() for k in nj if k != b}
        as_text = tables_as_text([t.block for t in olds], [t.block for t in news], aligned)
        as_lines = self.tables_as_lines(olds, news, aligned, as_text)
        if as_lines is not None:
            self.block_stream(*as_lines, default_new, default_old)
            return
        for olds_k, news_k in as_text:
            self.table_read_as_text([olds[k] for k in olds_k], [news[k] for k in news_k])
        read_old = {k for olds_k, _ in as_text for k in olds_k}
        read_new = {k for _, news_k in as_text for k in news_k}
        for i, j, how in aligned:
            o = olds[i] if i is not None else None
            n = news[j] if j is not None else None
            joined = joins.get((i, j)) if i is not None and j is not None else None
            self.block_pairs.append(_block_pair(o, n, how, joined, self.table_alignment(o, n)))  # every aligned pair, as views need them
            if i in read_old or j in read_new:
                continue  # a table read as lines of text in the other version (``tables_as_text``)
            if joined is None and (i in absorbed_old or j in absorbed_new):
                continue  # part of a paragraph compared as one text with its neighbours
            if o is not None and n is not None and joined is not None:
                self.joined_pair([olds[k] for k in joined[0]], [news[k] for k in joined[1]])
                continue
            if how == "equal" and o is not None and n is not None:
                if o.block.text != n.block.text or o.block.label != n.block.label:
                    self.block_pair(o, n, ChangeKind.MODIFIED)
                continue
            if o is not None and n is not None and how == "moved" and j is not None and self.item_moved(o, n, news, j):
                continue
            if o is not None and n is not None:
                self.block_pair(o, n, ChangeKind.MOVED if how == "moved" else ChangeKind.MODIFIED)
            elif n is not None:
                b = n.block
                rule = "block-added" if comparison_key(b.text) else "empty"
                self.add(ChangeKind.ADDED, n.path, default_old, "", _display(b),
                         self.note_verdict(b) or verdict_for(rule, _short(b.text)), new_pages=_pages(b.pages),
                         block_kind=str(b.kind), location=self.where(n))
            elif o is not None:
                b = o.block
                rule = "block-deleted" if comparison_key(b.text) else "empty"
                self.add(ChangeKind.DELETED, default_new, o.path, _display(b), "",
                         self.note_verdict(b) or verdict_for(rule, _short(b.text)), old_pages=_pages(b.pages),
                         block_kind=str(b.kind), location=self.where(o))

    def tables_as_lines(self, olds: list[_Tagged], news: list[_Tagged], aligned: list[tuple[int | None, int | None, str]],
                        as_text: list[tuple[list[int], list[int]]]) -> tuple[list[_Tagged], list[_Tagged]] | None:
        """The two streams again with each edited table that the other version's
        reader gave as lines of text (``table_lines``) turned into one line per
        row, or None when there is none. The reading is kept as one format change
        (the evidence); the rows are then compared with the lines as paragraphs."""
        paired = [(i, j) for i, j, _ in aligned if i is not None and j is not None]
        taken_old = {k for ks, _ in as_text for k in ks}
        taken_new = {k for _, ks in as_text for k in ks}
        exploded: dict[tuple[bool, int], list[Block]] = {}
        for side, other, flip in ((olds, news, False), (news, olds, True)):
            taken_t, taken_l = (taken_new, taken_old) if flip else (taken_old, taken_new)
            side_blocks, other_blocks = [x.block for x in side], [x.block for x in other]
            lone, free = unpaired(side_blocks, other_blocks, paired, flip, taken_t, taken_l)
            for t, run in tables_read_as_lines(side_blocks, other_blocks, lone, free) if lone else ():
                exploded[(flip, t)] = table_rows(side[t].block)
                exploded[(not flip, run[0])] = rows_of_lines([other[k].block for k in run], row_starts(side[t].block))
                exploded.update(((not flip, k), []) for k in run[1:])
                self.table_as_lines([side[t]], [other[k] for k in run], flip,
                                    "一方では表、他方では本文の行として読まれた表（行ごとに比較）")
            free -= {k for f, k in exploded if f is not flip}
            for t, u, run in tables_continued_as_lines(side_blocks, other_blocks, paired, flip, free):
                if (flip, t) in exploded or (not flip, u) in exploded:
                    continue
                exploded[(flip, t)] = table_rows(side[t].block)
                exploded[(not flip, u)] = [*table_rows(other[u].block),
                                           *rows_of_lines([other[k].block for k in run], row_starts(side[t].block))]
                exploded.update(((not flip, k), []) for k in run)
                self.table_as_lines([side[t]], [other[u], *(other[k] for k in run)], flip,
                                    "一方では一つの表、他方では表とその続きの本文の行として読まれた表（行ごとに比較）")
        if not exploded:
            return None

        def rows(stream: list[_Tagged], flip: bool) -> list[_Tagged]:
            out: list[_Tagged] = []
            for k, t in enumerate(stream):
                lines = exploded.get((flip, k))
                out += [t] if lines is None else [_Tagged(b, t.path, t.index, "") for b in lines]
            return out

        return rows(olds, False), rows(news, True)

    def table_as_lines(self, table: list[_Tagged], lines: list[_Tagged], flip: bool, how: str) -> None:
        """The evidence of a table compared row by row with lines of the other
        version (``tables_as_lines``): one format change holding both readings."""
        os_, ns = (lines, table) if flip else (table, lines)
        self.add(ChangeKind.MODIFIED, ns[0].path, os_[0].path, "\n".join(_display(x.block) for x in os_),
                 "\n".join(_display(x.block) for x in ns), Verdict(False, "format", f"文言整理（表の形式）: {how}"), (),
                 tuple(sorted({p for x in os_ for p in _pages(x.block.pages)})),
                 tuple(sorted({p for x in ns for p in _pages(x.block.pages)})), str(ns[0].block.kind),
                 "、".join(self.where(x) for x in ns))

    def item_moved(self, o: _Tagged, n: _Tagged, news: list[_Tagged], j: int) -> bool:
        """A measure's item (``titled_items.measure_title``) moved, as it was, to another place in its
        list: the order of the plan's measures changed (``item-reordered``), said with the item it now
        follows (or precedes, when first). False (nothing added) for any other block."""
        old_text, new_text = _display(o.block), _display(n.block)
        title = measure_title(new_text)
        if not title or comparison_key(old_text) != comparison_key(new_text):
            return False
        before = measure_title(_display(news[j - 1].block)) if j > 0 else ""
        after = measure_title(_display(news[j + 1].block)) if j + 1 < len(news) else ""
        if not (before or after):
            return False  # no measure beside it: not a list of measures
        where = f"「{before}」の後に移動" if before else f"「{after}」の前に移動"
        location = self.where(n) if self.where(o) == self.where(n) else f"{self.where(o)} → {self.where(n)}"
        self.add(ChangeKind.MOVED, n.path, o.path, old_text, new_text, verdict_for("item-reordered", f"「{title}」を{where}"),
                 old_pages=_pages(o.block.pages), new_pages=_pages(n.block.pages),
                 block_kind=str(n.block.kind), location=location)
        return True

    def note_verdict(self, b: Block) -> Verdict | None:
        """A footnote added or cut whole because its text moved out of the body or into it."""
        if note_number(b) is None:
            return None
        evidence = moved_note(b.text, self.notes)
        return verdict_for("footnote-moved", evidence) if evidence is not None else None

    def joined_pair(self, os_: list[_Tagged], ns: list[_Tagged]) -> None:
        """A paragraph broken differently (a page break, a reflow): compared as one
        text. Where the breaks fall is never an edit: the same words broken at
        other places (``…対応出`` + ``来る…`` against ``…対応`` + ``出来る…``) are one
        文言整理; otherwise the pieces are diffed joined without a break."""
        old_text = "\n".join(_display(t.block) for t in os_)
        new_text = "\n".join(_display(t.block) for t in ns)
        op = tuple(p for t in os_ for p in _pages(t.block.pages))
        np_ = tuple(p for t in ns for p in _pages(t.block.pages))
        where = "、".join(self.where(t) for t in ns)
        if _ckey(old_text) == _ckey(new_text):
            verdict = Verdict(False, "format", "文言整理（句読点・空白・全角半角）: 段落の区切り・改行の位置のみの変更")
            self.add(ChangeKind.MODIFIED, ns[0].path, os_[0].path, old_text, new_text, verdict, (),
                     tuple(sorted(set(op))), tuple(sorted(set(np_))), str(ns[0].block.kind), where)
            return
        old_text, new_text = "".join(_display(t.block) for t in os_), "".join(_display(t.block) for t in ns)
        for a, b, edits, verdict in self.text_changes(old_text, new_text):
            self.add(ChangeKind.MODIFIED, ns[0].path, os_[0].path, a, b, verdict, edits,
                     tuple(sorted(set(op))), tuple(sorted(set(np_))), str(ns[0].block.kind), where)

    def table_read_as_text(self, os_: list[_Tagged], ns: list[_Tagged]) -> None:
        """A table in one version whose cells the other version's reader gave as
        lines of text, the same characters in the same order: not an edit."""
        old_text = "\n".join(_display(t.block) for t in os_)
        new_text = "\n".join(_display(t.block) for t in ns)
        op = tuple(sorted({p for t in os_ for p in _pages(t.block.pages)}))
        np_ = tuple(sorted({p for t in ns for p in _pages(t.block.pages)}))
        verdict = Verdict(False, "format", "文言整理（表の形式）: 同じ表が一方では表、他方では本文の行として読まれたもの（文字列は同じ）")
        self.add(ChangeKind.MODIFIED, ns[0].path, os_[0].path, old_text, new_text, verdict, (), op, np_,
                 str(ns[0].block.kind), "、".join(self.where(t) for t in ns))

    def where(self, t: _Tagged) -> str:
        if t.block.kind is BlockKind.TABLE:
            return t.caption
        return f"{_KIND_JA[t.block.kind]}{t.index + 1}"

    def block_pair(self, o: _Tagged, n: _Tagged, kind: ChangeKind) -> None:
        if o.block.kind is BlockKind.TABLE and n.block.kind is BlockKind.TABLE \
                and o.block.table is not None and n.block.table is not None:
            self.table_pair(o, n, kind)
            return
        location = self.where(n)
        if kind is ChangeKind.MOVED and self.where(o) != location:
            location = f"{self.where(o)} → {location}"
        old_text, new_text = _display(o.block), _display(n.block)
        if o.block.label != n.block.label and comparison_key(o.block.text) == comparison_key(n.block.text) \
                and kind is ChangeKind.MODIFIED:
            self.add(kind, n.path, o.path, old_text, new_text, verdict_for("list-marker", f"「{o.block.label}」→「{n.block.label}」"),
                     old_pages=_pages(o.block.pages), new_pages=_pages(n.block.pages),
                     block_kind=str(n.block.kind), location=location)
            return
        if kind is ChangeKind.MOVED:
            if comparison_key(old_text) == comparison_key(new_text):
                self.add(kind, n.path, o.path, old_text, new_text, verdict_for("block-moved", _short(new_text)),
                         old_pages=_pages(o.block.pages), new_pages=_pages(n.block.pages),
                         block_kind=str(n.block.kind), location=location)
                return
        for a, b, edits, verdict in self.text_changes(old_text, new_text):
            self.add(kind, n.path, o.path, a, b, verdict, edits, _pages(o.block.pages), _pages(n.block.pages),
                     str(n.block.kind), location)

    def table_pair(self, o: _Tagged, n: _Tagged, kind: ChangeKind) -> None:
        ta, tb = o.block.table, n.block.table
        assert ta is not None and tb is not None
        al = self.table_alignment(o, n) or align_tables(ta, tb)
        op, np_ = _pages(o.block.pages), _pages(n.block.pages)
        cap = n.caption
        common: dict[str, Any] = dict(old_pages=op, new_pages=np_, block_kind="table")
        for ci, cj in al.columns:
            if ci is not None and cj is not None:
                if comparison_key(al.old_labels[ci]) != comparison_key(al.new_labels[cj]) and tb.header_rows:
                    for a, b, edits, verdict in self.text_changes(al.old_labels[ci], al.new_labels[cj]):
                        self.add(ChangeKind.MODIFIED, n.path, o.path, a, b, verdict, edits,
                                 location=f"{cap} 見出し行 列『{al.new_labels[cj]}』", **common)
                continue
            if cj is not None:
                lab = al.new_labels[cj]
                values = [cell(tb, r, cj) for r in range(tb.header_rows, len(tb.rows))]
                self.add(ChangeKind.ADDED, n.path, o.path, "", "\n".join([lab] + values),
                         verdict_for("column-added", f"列『{lab}』"), location=f"{cap} 列『{lab}』", **common)
            elif ci is not None:
                lab = al.old_labels[ci]
                values = [cell(ta, r, ci) for r in range(ta.header_rows, len(ta.rows))]
                self.add(ChangeKind.DELETED, n.path, o.path, "\n".join([lab] + values), "",
                         verdict_for("column-deleted", f"列『{lab}』"), location=f"{cap} 列『{lab}』", **common)
        both = [(ci, cj) for ci, cj in al.columns if ci is not None and cj is not None]
        for ri, rj in al.rows:
            if ri is not None and rj is not None:
                label = row_label(tb, rj, al.key_new, al.key2_new)
                for ci, cj in both:
                    a, b = cell(ta, ri, ci), cell(tb, rj, cj)
                    if a == b:
                        continue
                    loc = f"{cap} 行『{label}』 列『{al.new_labels[cj]}』"
                    if ci == al.numbering_old:
                        self.add(ChangeKind.MODIFIED, n.path, o.path, a, b,
                                 verdict_for("row-renumbered", f"「{a}」→「{b}」"), location=loc, **common)
                        continue
                    for x, y, edits, verdict in self.text_changes(a, b):
                        self.add(ChangeKind.MODIFIED, n.path, o.path, x, y, verdict, edits, location=loc, **common)
            elif rj is not None:
                label = row_label(tb, rj, al.key_new, al.key2_new)
                text = " | ".join(c.text for c in tb.rows[rj])
                self.add(ChangeKind.ADDED, n.path, o.path, "", text, verdict_for("row-added", f"行『{label}』"),
                         location=f"{cap} 行『{label}』", **common)
            elif ri is not None:
                label = row_label(ta, ri, al.key_old, al.key2_old)
                text = " | ".join(c.text for c in ta.rows[ri])
                self.add(ChangeKind.DELETED, n.path, o.path, text, "", verdict_for("row-deleted", f"行『{label}』"),
                         location=f"{cap} 行『{label}』", **common)

    # ---------------------------------------------------------------- sections
    def section_pair(self, pair: SectionPair) -> None:
        op, np_ = pair.old_path, pair.new_path
        if pair.kind is ChangeKind.ADDED and np_ is not None:
            if np_[:-1] in self.added_new:
                return
            sec = self.new_map[np_]
            self.add(ChangeKind.ADDED, np_, (), "", _heading_and_text(sec),
                     verdict_for("section-added", sec.heading), new_pages=_pages(sec.pages),
                     block_kind="section", location="節全体")
            return
        if pair.kind is ChangeKind.DELETED and op is not None:
            if op[:-1] in self.deleted_old:
                return
            sec = self.old_map[op]
            parent_new = self.new_parent_of(op)
            self.add(ChangeKind.DELETED, parent_new, op, _heading_and_text(sec), "",
                     verdict_for("section-deleted", sec.heading), old_pages=_pages(sec.pages),
                     block_kind="section", location="節全体")
            return
        assert op is not None and np_ is not None
        o, n = self.old_map[op], self.new_map[np_]
        kind = None if (op, np_) in self.heading_only_pairs.wholes else pair.kind
        if (op, np_) in self.heading_only_pairs.parts:
            merged = pair.kind is ChangeKind.MERGED
            part, whole, side = (o, n, "旧") if merged else (n, o, "新")
            self.add(ChangeKind.MERGED if merged else ChangeKind.SPLIT, np_, op, o.heading, n.heading, verdict_for("section-heading-only", (
                f"「{part.heading}」は{side}版だけの見出しで、その本文は他方の版の「{whole.heading}」の中の同じ位置にある"
                f"（番号のない見出しを番号の付いた節の改名・統合・分割としない）")),
                old_pages=_pages(o.pages), new_pages=_pages(n.pages), block_kind="section", location="見出し")
            return
        if kind is ChangeKind.SPLIT or kind is ChangeKind.MERGED:
            rule = "section-split" if kind is ChangeKind.SPLIT else "section-merged"
            self.add(kind, np_, op, o.heading, n.heading, verdict_for(rule, pair.reason),
                     old_pages=_pages(o.pages), new_pages=_pages(n.pages), block_kind="section", location="見出し")
        elif kind is ChangeKind.MOVED:
            if is_renumbering(pair):
                verdict = verdict_for("section-renumbered", f"「{o.heading}」→「{n.heading}」")
            elif pair.reason.endswith(REORDERED) and (why := explanatory_reorder(o, n, self.listed)):
                verdict = verdict_for("section-reordered", why)
            else:
                verdict = verdict_for("section-moved", pair.reason)
            self.add(ChangeKind.MOVED, np_, op, o.heading, n.heading, verdict,
                     old_pages=_pages(o.pages), new_pages=_pages(n.pages), block_kind="section", location="見出し")
        elif kind is ChangeKind.RENAMED or (comparison_key(o.heading) != comparison_key(n.heading)
                                                 and title_key(o) != title_key(n)):
            verdict = self.heading_verdict(o, n)
            self.add(ChangeKind.RENAMED, np_, op, o.heading, n.heading, verdict,
                     old_pages=_pages(o.pages), new_pages=_pages(n.pages), block_kind="section", location="見出し")

    def heading_verdict(self, o: Section, n: Section) -> Verdict:
        """A heading whose title changed. Its own number (（2）→（1）, 施策3→施策4) is
        numbering, a consequence of sections added, cut or reordered, never a
        number of the plan: the titles are judged, and a changed number is
        evidence of a 見出し番号の変更 (文言整理). A drafting note (※…) added or dropped
        is 文言整理 too (``drafting_notes``): the titles are judged without it."""
        note = note_only_change(comparison_key(o.heading), comparison_key(n.heading))
        if note is not None:
            return verdict_for("heading-note", note)
        note_old, note_new = split_note(o.heading)[1], split_note(n.heading)[1]
        if note_old or note_new:
            titles = self.heading_verdict(_without_note(o), _without_note(n))
            if note_old == note_new:
                return titles
            return combine([titles, verdict_for("heading-note", f"「{note_old or 'なし'}」→「{note_new or 'なし'}」")])
        numbered = o.number and n.number and o.heading.startswith(o.number) and n.heading.startswith(n.number)
        if not numbered or comparison_key(o.number) == comparison_key(n.number):
            return combine(v for *_, v in self.text_changes(o.heading, n.heading))
        title_old, title_new = o.heading[len(o.number):].strip(), n.heading[len(n.number):].strip()
        parts = [verdict_for("section-renumbered", f"「{o.number}」→「{n.number}」")]
        if comparison_key(title_old) != comparison_key(title_new):
            parts.extend(v for *_, v in self.text_changes(title_old, title_new))
        return combine(parts)

    def new_parent_of(self, old_path: SectionPath) -> SectionPath:
        parent = old_path[:-1]
        while parent:
            if parent in self.old_to_new:
                return self.old_to_new[parent]
            parent = parent[:-1]
        return ()

    def run(self) -> tuple[Change, ...]:
        self.drafts = []
        self.front()
        pairs = align_sections(self.old, self.new)
        self.section_pairs = list(pairs)
        self.heading_only_pairs = heading_only(pairs, self.old_map, self.new_map)
        self.added_new = {p.new_path for p in pairs if p.kind is ChangeKind.ADDED}
        self.deleted_old = {p.old_path for p in pairs if p.kind is ChangeKind.DELETED}
        self.old_to_new = {p.old_path: p.new_path for p in pairs
                           if p.old_path is not None and p.new_path is not None
                           and p.kind not in (ChangeKind.SPLIT, ChangeKind.MERGED)}
        # components: an old section split into several new ones (or several merged)
        new_sources, old_targets = section_links(pairs)
        done: set[tuple[SectionPath, bool]] = set()
        for p in pairs:
            self.section_pair(p)
            if p.old_path is None or p.new_path is None or (p.new_path, False) in done:
                continue
            olds, news = section_component(p.old_path, p.new_path, new_sources, old_targets)
            if any((q, True) in done for q in olds):
                continue
            done.update((q, True) for q in olds)
            done.update((q, False) for q in news)
            if len(olds) == 1 and len(news) == 1:
                o, n = self.old_map[olds[0]], self.new_map[news[0]]
                if o.body_hash == n.body_hash:
                    continue
            ta = [t for q in olds for t in _tag(self.old_map[q], q)]
            tb = [t for q in news for t in _tag(self.new_map[q], q)]
            self.blocks(ta, tb, news[0], olds[0])
        self.moves_across_sections()
        self.drafts = relabel_sentence_moves(self.drafts)
        self.echo_front()
        return tuple(_finish(self.drafts))

    def moves_across_sections(self) -> None:
        """A paragraph deleted in one section and added in another is one moved
        paragraph (the move pass, across sections); its edits are judged as usual."""
        dels = [k for k, d in enumerate(self.drafts) if d.kind is ChangeKind.DELETED
                and d.block_kind in ("paragraph", "list") and comparison_key(d.old_text)]
        adds = [k for k, d in enumerate(self.drafts) if d.kind is ChangeKind.ADDED
                and d.block_kind in ("paragraph", "list") and comparison_key(d.new_text)]
        if not dels or not adds or len(dels) * len(adds) > 250_000:
            return
        cands = []
        for k in dels:
            for m in adds:
                a, b = self.drafts[k], self.drafts[m]
                if a.old_section_path == b.section_path:
                    continue  # same section: the block pass already decided
                sim = similarity(_ckey(a.old_text), _ckey(b.new_text))
                if sim >= MOVE_MIN:
                    cands.append((-sim, k + m, k, m))
        used: set[int] = set()
        replaced: dict[int, list[Change]] = {}
        for _, _, k, m in sorted(cands):
            if k in used or m in used:
                continue
            used.update((k, m))
            a, b = self.drafts[k], self.drafts[m]
            where = f"{' > '.join(a.old_section_path[-1:])} {a.location} → {b.location}"
            if comparison_key(a.old_text) == comparison_key(b.new_text):
                moved = [replace(b, kind=ChangeKind.MOVED, old_section_path=a.old_section_path, old_text=a.old_text,
                                 edits=char_diff(a.old_text, b.new_text), old_pages=a.old_pages, location=where,
                                 verdict=verdict_for("block-moved-section", _short(b.new_text)))]
            else:
                moved = [Change("", ChangeKind.MOVED, b.section_path, a.old_section_path, x, y, verdict, edits,
                                a.old_pages, b.new_pages, b.block_kind, where)
                         for x, y, edits, verdict in self.text_changes(a.old_text, b.new_text)]
            replaced[m] = moved
            replaced[k] = []
        if replaced:
            out: list[Change] = []
            for k, d in enumerate(self.drafts):
                out.extend(replaced.get(k, [d]))
            self.drafts = out

    def echo_front(self) -> None:
        """A body change that repeats a cover change is front matter too: the
        same text anywhere (a running title caught in the text), or, in the
        last blocks of the document (the back cover), the same edits."""
        # a table-of-contents line repeats a heading: its change is the
        # heading's, not a cover stamp (a 施策体系 cell naming the same 節 is content)
        # (its lines headings, or one added or cut whole: the 施策の体系 read as lines repeats them too)
        headings = sorted({comparison_key(s.heading) for doc in (self.old, self.new) for _, s in doc.walk()} - {""},
                          key=len, reverse=True)
        fronts = [d for d in self.drafts if d.verdict.rule == "front-matter"
                  and not (_only_headings(d.old_text, headings) and _only_headings(d.new_text, headings))]
        if not fronts:
            return
        texts = {(comparison_key(d.old_text), comparison_key(d.new_text)) for d in fronts}
        edits = {pair for d in fronts for pair in _edit_pairs(d.old_text, d.new_text)}
        tail = {_display(b) for b in _last_blocks(self.new, TAIL_BLOCKS)}
        for k, d in enumerate(self.drafts):
            if d.verdict.rule == "front-matter" or d.block_kind == "section":
                continue
            same_text = (comparison_key(d.old_text), comparison_key(d.new_text)) in texts
            same_edits = d.new_text in tail and _edit_pairs(d.old_text, d.new_text) <= edits
            if same_text or same_edits:
                self.drafts[k] = replace(d, verdict=verdict_for("front-matter", "表紙と同じ変更（裏表紙等）"))

    def front(self) -> None:
        a = [_Tagged(b, (), i, f"表{i + 1}") for i, b in enumerate(self.old.front)]
        b = [_Tagged(x, (), i, f"表{i + 1}") for i, x in enumerate(self.new.front)]
        if [x.block.content_hash for x in a] == [x.block.content_hash for x in b]:
            return
        start = len(self.drafts)
        self.blocks(a, b, (), ())
        for k in range(start, len(self.drafts)):
            d = self.drafts[k]
            self.drafts[k] = replace(d, verdict=verdict_for("front-matter", d.verdict.evidence),
                                     location="表紙・前付け " + d.location)


def _only_headings(text: str, headings: Sequence[str]) -> bool:
    """Whether ``text`` holds nothing but headings (``headings``: their
    comparison keys, longest first), or nothing at all."""
    rest = comparison_key(text)
    for h in headings:
        if not rest:
            break
        if h in rest:
            rest = rest.replace(h, "")
    return not rest


def full_text(doc: Document) -> str:
    """The document's text: front matter, then each heading and its blocks, one per line."""
    parts = [b.text for b in doc.front]
    for _, sec in doc.walk():
        parts.append(sec.heading)
        parts.extend(b.text for b in sec.blocks)
    return "\n".join(parts)


REFLOW_MAX = 6000
"""Longest joined text (characters) compared when looking for a reflow."""


def _flat(b: Block) -> str:
    """A block's characters in reading order for ``tables_as_text``: a table's
    cells row by row (a merged cell once), a paragraph's text with its label."""
    return flat_cells(b) if b.table is not None else comparison_key(_display(b))


def tables_as_text(old: Sequence[Block], new: Sequence[Block],
                   aligned: list[tuple[int | None, int | None, str]]) -> list[tuple[list[int], list[int]]]:
    """Tables of one version that the other version's reader gave as lines of
    text (a PDF table printed without rules, a row of a table alone on its
    page): a table left unpaired (or paired with a paragraph) on one side and a
    run of consecutive unpaired paragraphs on the other side with the same
    characters in the same order (``_flat``). Returns (old indexes, new indexes)."""
    out: list[tuple[list[int], list[int]]] = []
    paired = [(i, j) for i, j, _ in aligned if i is not None and j is not None]
    for tables, texts, flip in ((old, new, False), (new, old, True)):
        lone_tables, free = unpaired(tables, texts, paired, flip)
        if not lone_tables:
            continue
        flats: dict[int, str] = {}
        for t in lone_tables:
            want = _flat(tables[t])
            if not want:
                continue
            for start in sorted(free):
                got, run, k = "", [], start
                while k in free and len(got) < len(want):
                    if k not in flats:
                        flats[k] = _flat(texts[k])
                    got += flats[k]
                    run.append(k)
                    k += 1
                if got == want:
                    free -= set(run)
                    out.append((run, [t]) if flip else ([t], run))
                    break
    return out


def _reflows(old: Sequence[Block], new: Sequence[Block],
             aligned: list[tuple[int | None, int | None, str]]) -> dict[tuple[int, int], tuple[list[int], list[int]]]:
    """Edited pairs whose neighbours complete them: one old paragraph that
    became two new ones (or two that became one), or a paragraph cut at another
    place (``…対応出`` + ``来る…`` against ``…対応`` + ``出来る…``), because lines
    were broken differently — a PDF's lines re-wrapped after an edit, a page
    break. A neighbour joins when the joined texts differ by less than the
    pieces apart: an unpaired block on either side, or the next (previous)
    pair on both sides at once. Returns {(i, j): (old indexes, new indexes)}."""
    pairs = {(i, j): how for i, j, how in aligned if i is not None and j is not None}
    paired_new = {j for _, j in pairs}
    paired_old = {i for i, _ in pairs}
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def text(blocks: Sequence[Block], idx: list[int]) -> str:
        return _ckey("".join(blocks[k].text for k in idx))

    def fits(old_idx: list[int], new_idx: list[int]) -> bool:
        """A join short enough to compare (longer ones are never taken)."""
        return len(text(old, old_idx)) + len(text(new, new_idx)) <= REFLOW_MAX

    def free(blocks: Sequence[Block], k: int, used: set[int]) -> bool:
        return 0 <= k < len(blocks) and k not in used and blocks[k].kind is not BlockKind.TABLE

    for i, j, how in aligned:
        if i is None or j is None or how != "edited" or old[i].kind is BlockKind.TABLE or i in used_old or j in used_new:
            continue
        oi, nj = [i], [j]
        if len(text(old, oi)) + len(text(new, nj)) > REFLOW_MAX:
            continue  # every join would hold this pair: all over REFLOW_MAX (and the cost is quadratic)
        cost = _edit_cost(text(old, oi), text(new, nj))
        for _ in range(4):
            options: list[tuple[float, list[int], list[int]]] = []  # (gain, old indexes, new indexes)
            for k in (oi[-1] + 1, oi[0] - 1):
                if free(old, k, used_old) and k not in paired_old and fits(sorted(oi + [k]), nj):
                    trial = sorted(oi + [k])
                    options.append((cost + len(_ckey(old[k].text)) - _edit_cost(text(old, trial), text(new, nj)), trial, nj))
            for k in (nj[-1] + 1, nj[0] - 1):
                if free(new, k, used_new) and k not in paired_new and fits(oi, sorted(nj + [k])):
                    trial = sorted(nj + [k])
                    options.append((cost + len(_ckey(new[k].text)) - _edit_cost(text(old, oi), text(new, trial)), oi, trial))
            for ko, kn, first_o, first_n in ((oi[-1] + 1, nj[-1] + 1, oi[-1], nj[-1]), (oi[0] - 1, nj[0] - 1, oi[0] - 1, nj[0] - 1)):
                if pairs.get((ko, kn)) == "edited" and free(old, ko, used_old) and free(new, kn, used_new) \
                        and fits(sorted(oi + [ko]), sorted(nj + [kn])):
                    to, tn = sorted(oi + [ko]), sorted(nj + [kn])
                    apart = cost + _edit_cost(_ckey(old[ko].text), _ckey(new[kn].text))
                    # a paragraph cut mid-sentence on both sides (a PDF line that stopped
                    # short) goes on in the next one even when joining gains nothing
                    cut = 0.5 if _cut_mid_sentence(old[first_o]) and _cut_mid_sentence(new[first_n]) else 0.0
                    options.append((apart - _edit_cost(text(old, to), text(new, tn)) + cut, to, tn))
            options = [o for o in options if o[0] > 0 and len(text(old, o[1])) + len(text(new, o[2])) <= REFLOW_MAX]
            if not options:
                break
            _, oi, nj = max(options, key=lambda o: o[0])
            cost = _edit_cost(text(old, oi), text(new, nj))
        if len(oi) > 1 or len(nj) > 1:
            out[(i, j)] = (oi, nj)
            used_old.update(oi)
            used_new.update(nj)
    return out


_SENTENCE_END = re.compile(r"[。．！？!?」』）)：:]\s*$")


def _cut_mid_sentence(block: Block) -> bool:
    """A paragraph that stops inside a sentence (no 。 or closing bracket at its end)."""
    return block.kind is BlockKind.PARAGRAPH and not block.label and bool(block.text.strip()) \
        and not _SENTENCE_END.search(block.text)


def _edit_cost(a: str, b: str) -> int:
    """Characters deleted plus inserted to turn ``a`` into ``b``."""
    if a == b:
        return 0
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return len(a) + len(b) - 2 * sum(m.size for m in sm.get_matching_blocks())


def _edit_pairs(old: str, new: str) -> set[tuple[str, str]]:
    return {(comparison_key(h.old), comparison_key(h.new)) for h in fine_hunks(old, new)}


def _last_blocks(doc: Document, count: int) -> list[Block]:
    out: list[Block] = []
    for _, sec in reversed(doc.walk()):
        for b in reversed(sec.blocks):
            out.append(b)
            if len(out) >= count:
                return out
    return out


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    reach = max(0, start - 1000)  # bounded: the cost of one change never grows with the paragraph
    left = max(text.rfind("。", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
    m = re.compile(r"[。\n]").search(text, max(end, left) if end > start else start)
    right = m.end() if m else len(text)
    return left, max(right, end)


def _block_pair(o: _Tagged | None, n: _Tagged | None, how: str,
                joined: tuple[list[int], list[int]] | None, table: TableAlignment | None = None) -> BlockPair:
    old = BlockRef(o.path, o.index) if o is not None else None
    new = BlockRef(n.path, n.index) if n is not None else None
    if joined is not None:
        return BlockPair(old, new, "joined", len(joined[0]), len(joined[1]), table)
    return BlockPair(old, new, how, table=table)


_TYPED_NOTE = re.compile(r"^\s*(?:※|注)\s*([0-9０-９]{1,3})(?=[ \u3000:：)）])")


def _typed_notes(olds: list[_Tagged], news: list[_Tagged]) -> tuple[list[_Tagged], list[_Tagged]]:
    """The streams with each note typed as a paragraph (``※２　マイクロクレデンシャル：…``,
    a DOCX's) labelled ``注2`` when the other version holds its notes as such (a PDF
    reader reads them at the page foot): the same note either way. Versions that
    both type their notes, or both read them as footnotes, are left as they are."""
    labelled = [any(note_number(t.block) is not None for t in stream) for stream in (olds, news)]
    if labelled[0] == labelled[1]:
        return olds, news

    def label(stream: list[_Tagged]) -> list[_Tagged]:
        out = []
        for t in stream:
            m = _TYPED_NOTE.match(t.block.text) if t.block.kind is BlockKind.PARAGRAPH and not t.block.label else None
            number = int(unicodedata.normalize("NFKC", m.group(1))) if m else None
            out.append(t if number is None else replace(t, block=replace(t.block, label=f"注{number}")))
        return out

    return (olds, label(news)) if labelled[0] else (label(olds), news)


def _display(b: Block) -> str:
    return f"{b.label} {b.text}".strip() if b.label and not b.text.startswith(b.label) else b.text


def _without_note(sec: Section) -> Section:
    """The section with its heading's (and title's) drafting note dropped, for judging the title alone."""
    return replace(sec, heading=split_note(sec.heading)[0].rstrip(), title=split_note(sec.title)[0].rstrip())


def _heading_and_text(sec: Section) -> str:
    body = subtree_text(sec)
    return f"{sec.heading}\n{body}" if body else sec.heading


def _short(s: str, n: int = 30) -> str:
    s = s.replace("\n", " ").replace("\t", " ")
    return s if len(s) <= n else s[:n] + "…"


def _finish(drafts: Iterable[Change]) -> list[Change]:
    """The changes numbered D1, D2, … in order."""
    return [replace(d, id=f"D{k}") for k, d in enumerate(drafts, 1)]


def compare_documents(old: Document, new: Document, rules: EditorialRules | None = None) -> Comparison:
    """The whole comparison of ``old`` and ``new``: section and block alignment
    and every change (ids D1, D2, …, in the new document's order).

    ``rules`` defaults to the built-in editorial rule table
    (``EditorialRules.from_config`` builds it from ``revtool.toml``).
    """
    old, new, promoted = match_outlines(old, new)
    differ = _Differ(old, new, rules or EditorialRules())
    changes = differ.run()
    return Comparison(old, new, with_promotions(differ.section_pairs, promoted), tuple(differ.block_pairs), changes)


def diff_documents(old: Document, new: Document, rules: EditorialRules | None = None) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new`` (``compare_documents(...).changes``)."""
    return compare_documents(old, new, rules).changes
