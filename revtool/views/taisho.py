"""The 新旧対照表: two versions side by side, section by section. Pure.

``build_taisho(old, new, changes)`` turns the diff (``diff.diff_documents``)
into rows, one per changed section, in the new document's order. Each row has
a new side and an old side (``None`` for a section added or deleted as a
whole); each side is the heading path as printed and the body as paragraphs
of ``Run``s, where ``underline`` marks the changed text (傍線): inserted text in
the new column, deleted text in the old column. The model, the runs and the
folding of a paragraph are in ``revtool.views.taisho_text`` (importable from here too).

Folding (docs/ARCHITECTURE.md §6): inside a changed paragraph only the sentences touched by
a change are kept, on both sides (a sentence that received an insertion on
one side keeps its counterpart on the other), the rest becomes （略）; a run
of unchanged paragraphs becomes one （略） paragraph. Tables are shown row by
row as 「指標｜現状値｜目標値」 text, the header row and the changed rows
only. Sections with no change are omitted; headings are always kept.

The changes drive the underlines: each change's edits are located in the
section's blocks, so ``substantive_only`` (drop 文言整理) leaves editorial
edits as plain, folded text. A change that cannot be located in its section
is still shown, as its own before/after pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from revtool.compare.align import align_sections, section_component, section_links
from revtool.compare.chardiff import char_diff
from revtool.compare.diff import align_blocks
from revtool.errors import RevtoolError
from revtool.model import (
    Block, BlockKind, BlockPair, BlockRef, Change, ChangeKind, Comparison, Document, Edit, EditOp, Section,
    SectionPair, SectionPath, Table, TableAlignment, Verdict,
)
from revtool.views.section_query import find_sections
from revtool.compare.tablediff import align_tables, cell, row_label
from revtool.views.taisho_text import (
    CELL_SEP, DELETED_MARK, FOLD, FOLD_MIN, NEW_MARK, SHORT_PARAGRAPH, Item, Marks, Para, Run, SectionHeading, Side,
    Taisho, TaishoMeta, TaishoRow, TableRow, block_paras, column_labels, display, fold_para, fold_paragraph, grouped,
    is_fold, marked_runs, merge_runs, missing_mark, note_text, para_text, row_para, sentences, table_paras,
    title_text, underlined, whole_marks,
)

__all__ = [
    "CELL_SEP", "DELETED_MARK", "FOLD", "FOLD_MIN", "NEW_MARK", "SHORT_PARAGRAPH", "Gate", "Item", "Marks", "Para",
    "Run", "SectionHeading", "SectionNotFoundError", "Side", "Taisho", "TaishoMeta", "TaishoRow", "TableRow",
    "block_paras", "build_taisho", "column_labels", "display", "fold_paragraph", "grouped", "is_fold",
    "missing_mark", "note_text", "para_text", "sentences", "table_paras", "title_text", "underlined",
    "with_staff_verdicts",
]

Gate = Callable[[str, str, str], bool]  # (what, row label, column label) -> shown?
_TOC = re.compile(r"^(目次|もくじ)$")
_INDEX = re.compile(r"(?:段落|箇条書き)(\d+)")


# ---------------------------------------------------------------- locating changes


@dataclass
class _Tagged:
    block: Block
    path: SectionPath
    index: int  # within its own section
    text: str


@dataclass
class _SideMarks:
    marks: dict[int, Marks] = field(default_factory=dict)
    points: dict[int, list[int]] = field(default_factory=dict)

    def mark(self, b: int, s: int, e: int) -> None:
        if e > s:
            self.marks.setdefault(b, []).append((s, e))
        else:
            self.points.setdefault(b, []).append(s)

    def point(self, b: int, p: int) -> None:
        self.points.setdefault(b, []).append(p)

    def touched(self, b: int) -> bool:
        return b in self.marks or b in self.points


def _tag(sections: Sequence[tuple[SectionPath, Section]]) -> list[_Tagged]:
    return [_Tagged(b, p, i, display(b)) for p, s in sections for i, b in enumerate(s.blocks)]


def _hint_indexes(location: str, side: str) -> list[int]:
    """0-based block indexes named by a diff location (``段落3``, ``段落3、段落4``,
    ``段落2 → 段落3`` for a move: old before the arrow, new after it)."""
    if "→" in location:
        old_part, new_part = location.split("→", 1)
        location = old_part if side == "old" else new_part
    return [int(n) - 1 for n in _INDEX.findall(location)]


def _locate(text: str, blocks: list[_Tagged], path: SectionPath, hints: list[int],
            prefer: list[int]) -> list[tuple[int, int]] | None:
    """Where each line of ``text`` sits: (position in ``blocks``, offset), or None."""
    lines = text.split("\n")
    out: list[tuple[int, int]] = []
    after = -1
    for k, line in enumerate(lines):
        cands: list[int] = []
        if k < len(hints):
            cands += [b for b, t in enumerate(blocks) if t.path == path and t.index == hints[k]]
        if k < len(prefer):
            cands.append(prefer[k])
        cands += [b for b, t in enumerate(blocks) if t.path == path and b > after]
        cands += list(range(len(blocks)))
        found = None
        for b in cands:
            if not 0 <= b < len(blocks) or blocks[b].block.kind is BlockKind.TABLE:
                continue
            off = blocks[b].text.find(line)
            if off >= 0 and (line or k == 0):
                found = (b, off)
                break
        if found is None:
            return None
        out.append(found)
        after = found[0]
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _map_range(text: str, where: list[tuple[int, int]], s: int, e: int,
               fn: Callable[[int, int, int], None]) -> None:
    """Call ``fn(block, start, end)`` for each line piece of ``text[s:e]``."""
    starts = _line_starts(text)
    for k, ls in enumerate(starts):
        le = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        a, b = max(s, ls), min(e, le)
        if a < b or (s == e and ls <= s <= le):
            blk, off = where[k]
            fn(blk, off + a - ls, off + b - ls)
            if s == e:
                return


def _apply_edits(edits: Sequence[Edit], old_text: str, new_text: str,
                 old_where: list[tuple[int, int]] | None, new_where: list[tuple[int, int]] | None,
                 om: _SideMarks, nm: _SideMarks) -> None:
    po = pn = 0
    for ed in edits:
        n = len(ed.text)
        if ed.op is EditOp.EQUAL:
            po += n
            pn += n
            continue
        if ed.op is EditOp.DELETE:
            if old_where is not None:
                _map_range(old_text, old_where, po, po + n, om.mark)
            if new_where is not None:
                _map_range(new_text, new_where, pn, pn, lambda b, s, e: nm.point(b, s))
            po += n
        else:
            if new_where is not None:
                _map_range(new_text, new_where, pn, pn + n, nm.mark)
            if old_where is not None:
                _map_range(old_text, old_where, po, po, lambda b, s, e: om.point(b, s))
            pn += n


# ---------------------------------------------------------------- tables


def _table_rows(ta: Table, tb: Table, allowed: Gate, alignment: TableAlignment | None = None,
                known: KnownEdits | None = None) -> tuple[list[Item], list[Item]]:
    """A changed table pair: header rows and the changed rows (others folded), both
    sides; rows and columns as the comparison aligned them (``alignment``), cell
    edits as the comparison diffed them (``known``)."""
    al = alignment or align_tables(ta, tb)
    cols = list(al.columns)
    old_out: list[Item] = []
    new_out: list[Item] = []

    def add_fold() -> None:
        if not old_out or old_out[-1] != fold_para():
            old_out.append(fold_para())
            new_out.append(fold_para())

    # header rows: always shown, column changes underlined
    for r in range(max(ta.header_rows, tb.header_rows)):
        ot, om, nt, nmk = [], [], [], []
        for ci, cj in cols:
            a = cell(ta, r, ci) if r < ta.header_rows else ""
            b = cell(tb, r, cj) if r < tb.header_rows else ""
            lab_old = al.old_labels[ci] if ci is not None else ""
            lab_new = al.new_labels[cj] if cj is not None else ""
            if ci is not None:
                ot.append(a)
                om.append(whole_marks(a) if cj is None and allowed("column", "", lab_old) else [])
            if cj is not None:
                nt.append(b)
                nmk.append(whole_marks(b) if ci is None and allowed("column", "", lab_new) else [])
            if ci is not None and cj is not None and a != b and allowed("header", "", lab_new):
                em, en = _edit_marks(a, b, known)
                om[-1], nmk[-1] = em, en
        if ot:
            old_out.append(row_para(ot, om, header=True))
        if nt:
            new_out.append(row_para(nt, nmk, header=True))
    skipped = False
    for ri, rj in al.rows:
        ot, om, nt, nmk = [], [], [], []
        if rj is not None:
            label = row_label(tb, rj, al.key_new, al.key2_new)
        else:
            label = row_label(ta, ri, al.key_old, al.key2_old) if ri is not None else ""
        for ci, cj in cols:
            a = cell(ta, ri, ci) if ri is not None else ""
            b = cell(tb, rj, cj) if rj is not None else ""
            if ri is not None and ci is not None:
                ot.append(a)
                whole_old = (rj is None and allowed("row", label, "")) or \
                    (cj is None and allowed("column", "", al.old_labels[ci]))
                om.append(whole_marks(a) if whole_old else [])
            if rj is not None and cj is not None:
                nt.append(b)
                whole_new = (ri is None and allowed("row", label, "")) or \
                    (ci is None and allowed("column", "", al.new_labels[cj]))
                nmk.append(whole_marks(b) if whole_new else [])
            if ri is not None and rj is not None and ci is not None and cj is not None and a != b \
                    and allowed("cell", label, al.new_labels[cj]):
                om[-1], nmk[-1] = _edit_marks(a, b, known)
        changed = any(om) or any(nmk)
        if not changed:
            skipped = True
            continue
        if skipped:
            add_fold()
            skipped = False
        old_out.append(row_para(ot, om) if ot else ())
        new_out.append(row_para(nt, nmk) if nt else ())
    if skipped:
        add_fold()
    return [p for p in old_out if p != ()], [p for p in new_out if p != ()]


KnownEdits = Mapping[tuple[str, str], Sequence[Edit]]  # (old text, new text) -> the comparison's edits


def known_edits(changes: Iterable[Change]) -> dict[tuple[str, str], Sequence[Edit]]:
    """The edits the comparison found, by the texts they turn one into the other."""
    return {(c.old_text, c.new_text): c.edits for c in changes if c.edits}


def _edit_marks(a: str, b: str, known: KnownEdits | None = None) -> tuple[Marks, Marks]:
    """Where ``a`` and ``b`` differ: the comparison's edits when it diffed these
    two texts (a table cell, a heading), else diffed here (by the same engine)."""
    om: Marks = []
    nm: Marks = []
    po = pn = 0
    edits = (known or {}).get((a, b))
    for ed in edits if edits is not None else char_diff(a, b):
        n = len(ed.text)
        if ed.op is EditOp.EQUAL:
            po, pn = po + n, pn + n
        elif ed.op is EditOp.DELETE:
            om.append((po, po + n))
            po += n
        else:
            nm.append((pn, pn + n))
            pn += n
    return om, nm


def _table_gate(changes: Sequence[Change]) -> Gate:
    """Whether a table difference is covered by one of ``changes`` (by the diff's location)."""
    locs = [c.location for c in changes if c.block_kind == "table"]

    def allowed(what: str, row: str, col: str) -> bool:
        for loc in locs:
            if what == "cell" and f"行『{row}』" in loc and f"列『{col}』" in loc:
                return True
            if what == "row" and loc.endswith(f"行『{row}』"):
                return True
            if what == "column" and loc.endswith(f"列『{col}』") and "行『" not in loc:
                return True
            if what == "header" and "見出し行" in loc and f"列『{col}』" in loc:
                return True
        return False

    return allowed


# ---------------------------------------------------------------- sections


def _heading(old_h: str, new_h: str, changed: bool, known: KnownEdits | None = None) -> tuple[Para, Para]:
    if not changed or old_h == new_h:
        return (Run(old_h),), (Run(new_h),)
    om, nm = _edit_marks(old_h, new_h, known)
    return merge_runs(marked_runs(old_h, om)), merge_runs(marked_runs(new_h, nm))


def _whole_section(path: SectionPath, sec: Section, underline: bool) -> Side:
    body: list[Item] = []
    for b in sec.blocks:
        body.extend(block_paras(b, underline))
    heading = (Run(sec.heading, underline),)
    return Side(path, heading, tuple(body), sec.pages.pages() if sec.pages else ())


def _is_front(c: Change) -> bool:
    """Cover and table of contents (front matter, or a 目次 read as a section):
    they follow the body and are left out of the table."""
    if not c.section_path and not c.old_section_path:
        return True
    return any(_TOC.match(re.sub(r"\s+", "", h)) for h in c.section_path + c.old_section_path)


class _Builder:
    def __init__(self, old: Document, new: Document, changes: Sequence[Change],
                 block_pairs: Sequence[BlockPair] = ()) -> None:
        self.old_map = dict(old.walk())
        self.new_map = dict(new.walk())
        self.changes = [c for c in changes if not _is_front(c)]
        self.block_pairs = block_pairs
        self.tables = {(bp.old, bp.new): bp.table for bp in block_pairs if bp.table is not None}
        self.edits = known_edits(changes)  # every change, editorial ones too: the marks follow the text

    def aligned(self, ob: list[_Tagged], nb: list[_Tagged]) -> list[tuple[int | None, int | None, str]]:
        """The blocks of a row paired as the comparison paired them; aligned here
        only for sections the comparison did not open (same body on both sides)."""
        opos = {(t.path, t.index): k for k, t in enumerate(ob)}
        npos = {(t.path, t.index): k for k, t in enumerate(nb)}
        got: list[tuple[int | None, int | None, str]] = []
        for bp in self.block_pairs:
            i = opos.get((bp.old.section_path, bp.old.index)) if bp.old is not None else None
            j = npos.get((bp.new.section_path, bp.new.index)) if bp.new is not None else None
            if (bp.old is not None and i is None) or (bp.new is not None and j is None) or (i is None and j is None):
                continue
            got.append((i, j, bp.relation))
        if got:
            return got
        if [(t.block.kind, t.block.label, t.text) for t in ob] == [(t.block.kind, t.block.label, t.text) for t in nb]:
            # a section moved or renamed with its body as it was
            return [(k, k, "equal") for k in range(len(ob))]
        return align_blocks([t.block for t in ob], [t.block for t in nb])

    def whole(self, path: SectionPath, side: str) -> TaishoRow | None:
        kind = ChangeKind.ADDED if side == "new" else ChangeKind.DELETED

        def where(c: Change) -> SectionPath:
            return c.section_path if side == "new" else c.old_section_path

        mine = [c for c in self.changes if c.kind is kind and c.block_kind == "section"
                and where(c) and path[:len(where(c))] == where(c)]
        if not mine:
            return None
        own = [c.id for c in mine if where(c) == path]
        sec = (self.new_map if side == "new" else self.old_map)[path]
        s = _whole_section(path, sec, underline=True)
        return TaishoRow("", kind, s if side == "new" else None, s if side == "old" else None, tuple(own))

    def paired(self, olds: list[SectionPath], news: list[SectionPath], kind: ChangeKind | None) -> TaishoRow | None:
        mine = [c for c in self.changes if c.section_path in news and c.old_section_path in olds]
        if not mine:
            return None
        heading_changed = any(c.block_kind == "section" and c.section_path == news[0] for c in mine)
        body_changes = [c for c in mine if c.block_kind != "section"]
        ob = _tag([(p, self.old_map[p]) for p in olds])
        nb = _tag([(p, self.new_map[p]) for p in news])
        aligned = self.aligned(ob, nb)
        new_to_old = {j: i for i, j, _ in aligned if i is not None and j is not None}
        om, nm = _SideMarks(), _SideMarks()
        orphans: list[tuple[Para, Para]] = []
        rediff: set[tuple[int, int]] = set()
        for c in body_changes:
            if c.block_kind == "table":
                continue
            new_where = old_where = None
            if c.new_text:
                new_where = _locate(c.new_text, nb, c.section_path, _hint_indexes(c.location, "new"), [])
            if c.old_text:
                prefer = [new_to_old[b] for b, _ in new_where if b in new_to_old] if new_where else []
                hints = _hint_indexes(c.location, "old") if (not c.new_text or "→" in c.location) else []
                old_where = _locate(c.old_text, ob, c.old_section_path, hints, prefer)
            if (c.new_text and new_where is None) or (c.old_text and old_where is None):
                pair = _block_pair(c, nb, ob, new_where, old_where, new_to_old)
                if pair is None:
                    orphans.append(_orphan(c))
                else:
                    rediff.add(pair)
                continue
            _apply_edits(c.edits, c.old_text, c.new_text, old_where, new_where, om, nm)
        for oi, nj in sorted(rediff):  # staged edits of one paragraph: diff the paragraph itself
            a, b = ob[oi].text, nb[nj].text
            _apply_edits(char_diff(a, b), a, b, [(oi, s) for s in _line_starts(a)],
                         [(nj, s) for s in _line_starts(b)], om, nm)
        gate = _table_gate(body_changes)
        entries: list[tuple[list[Item], list[Item]] | None] = []  # None = unchanged
        where: list[tuple[SectionPath | None, SectionPath | None]] = []  # (old, new) section of each entry
        for i, j, _how in aligned:
            o = ob[i] if i is not None else None
            n = nb[j] if j is not None else None
            where.append((o.path if o is not None else None, n.path if n is not None else None))
            is_table = (o or n).block.kind is BlockKind.TABLE  # type: ignore[union-attr]
            if is_table:
                entries.append(self.table_entry(o, n, body_changes, gate))
                continue
            touched = (i is not None and om.touched(i)) or (j is not None and nm.touched(j))
            if not touched:
                entries.append(None)
                continue
            op_: list[Item] = [fold_paragraph(o.text, om.marks.get(i, []), om.points.get(i, []))] if o is not None and i is not None else []
            np2: list[Item] = [fold_paragraph(n.text, nm.marks.get(j, []), nm.points.get(j, []))] if n is not None and j is not None else []
            entries.append((op_, np2))
        bodies: dict[str, list[Item]] = {"old": [], "new": []}
        pending = {"old": False, "new": False}
        current = {"old": olds[0], "new": news[0]}
        split_heads = {c.section_path for c in mine if c.block_kind == "section"} | \
            {("old",) + c.old_section_path for c in mine if c.block_kind == "section"}
        for e, (op_path, np_path) in zip(entries, where):
            for side, path in (("old", op_path), ("new", np_path)):
                if path is None or path == current[side]:
                    continue
                # a split or merged section: the next section's heading inside the row
                if pending[side]:
                    bodies[side].append(fold_para())
                    pending[side] = False
                sec = (self.old_map if side == "old" else self.new_map)[path]
                key = ("old",) + path if side == "old" else path
                bodies[side].append(SectionHeading((Run(sec.heading, key in split_heads),)))
                current[side] = path
            if e is None:
                pending["old"] = pending["old"] or op_path is not None
                pending["new"] = pending["new"] or np_path is not None
                continue
            for side in ("old", "new"):
                if pending[side]:
                    bodies[side].append(fold_para())
                    pending[side] = False
            bodies["old"].extend(e[0])
            bodies["new"].extend(e[1])
        old_body, new_body = bodies["old"], bodies["new"]
        has_text = any(not isinstance(p, SectionHeading) for p in old_body + new_body)
        if not has_text and not orphans and not heading_changed:
            return None
        for side in ("old", "new"):
            if pending[side] or (not has_text and not orphans and (ob if side == "old" else nb)):
                bodies[side].append(fold_para())
        for old_para, new_para in orphans:
            old_body.append(old_para)
            new_body.append(new_para)
        o_sec, n_sec = self.old_map[olds[0]], self.new_map[news[0]]
        oh, nh = _heading(o_sec.heading, n_sec.heading, heading_changed, self.edits)
        return TaishoRow(
            "", kind or ChangeKind.MODIFIED,
            Side(news[0], nh, tuple(_dedupe_folds(new_body)), n_sec.pages.pages() if n_sec.pages else ()),
            Side(olds[0], oh, tuple(_dedupe_folds(old_body)), o_sec.pages.pages() if o_sec.pages else ()),
            tuple(c.id for c in mine),
        )

    def table_entry(self, o: _Tagged | None, n: _Tagged | None, changes: list[Change],
                    gate: Gate) -> tuple[list[Item], list[Item]] | None:
        if o is not None and n is not None:
            ta, tb = o.block.table, n.block.table
            if ta is None or tb is None or ta == tb:
                return None
            olds, news = _table_rows(ta, tb, gate, self.tables.get((BlockRef(o.path, o.index), BlockRef(n.path, n.index))),
                                     self.edits)
            if not any(underlined(p) for p in olds + news):
                return None
            return olds, news
        t = n or o
        assert t is not None
        kind = ChangeKind.ADDED if n is not None else ChangeKind.DELETED
        hit = any(c.kind is kind and c.block_kind == "table"
                  and (c.new_text if n is not None else c.old_text) == t.text for c in changes)
        if not hit:
            return None
        paras = block_paras(t.block, underline=True)
        return ([], paras) if n is not None else (paras, [])

    def run(self, old: Document, new: Document, pairs: Sequence[SectionPair] | None = None) -> list[TaishoRow]:
        if pairs is None:
            pairs = align_sections(old, new)
        sources, targets = section_links(pairs)
        rows: list[TaishoRow] = []
        done: set[SectionPath] = set()
        for p in pairs:
            row: TaishoRow | None = None
            if p.old_path is None and p.new_path is not None:
                row = self.whole(p.new_path, "new")
            elif p.new_path is None and p.old_path is not None:
                row = self.whole(p.old_path, "old")
            elif p.old_path is not None and p.new_path is not None:
                if p.new_path in done:
                    continue
                olds, news = section_component(p.old_path, p.new_path, sources, targets)
                done.update(news)
                kind = p.kind if len(olds) == 1 and len(news) == 1 else (
                    ChangeKind.SPLIT if len(news) > 1 else ChangeKind.MERGED)
                row = self.paired(olds, news, kind)
            if row is not None:
                rows.append(row)
        return rows


def _block_pair(c: Change, nb: list[_Tagged], ob: list[_Tagged], new_where: list[tuple[int, int]] | None,
                old_where: list[tuple[int, int]] | None, new_to_old: dict[int, int]) -> tuple[int, int] | None:
    """The (old, new) block pair a change belongs to when its texts are not
    found as they are (the diff split one paragraph's edits into steps whose
    texts are neither version): by where one side was found, else by the
    change's location, then through the block alignment."""
    j: int | None = new_where[0][0] if new_where else None
    if j is None:
        for k in _hint_indexes(c.location, "new"):
            j = next((b for b, t in enumerate(nb) if t.path == c.section_path and t.index == k), None)
            if j is not None:
                break
    if j is not None and j in new_to_old:
        return new_to_old[j], j
    if old_where:
        i = old_where[0][0]
        old_to_new = {v: k for k, v in new_to_old.items()}
        if i in old_to_new:
            return i, old_to_new[i]
    return None


def _orphan(c: Change) -> tuple[Para, Para]:
    om, nm = _SideMarks(), _SideMarks()
    ow = [(0, s) for s in _line_starts(c.old_text)]
    nw = [(0, s) for s in _line_starts(c.new_text)]
    _apply_edits(c.edits, c.old_text, c.new_text, ow, nw, om, nm)
    return (merge_runs(marked_runs(c.old_text, om.marks.get(0, []))) if c.old_text else (),
            merge_runs(marked_runs(c.new_text, nm.marks.get(0, []))) if c.new_text else ())


def _dedupe_folds(paras: list[Item]) -> list[Item]:
    out: list[Item] = []
    for p in paras:
        if p == ():
            continue
        if is_fold(p) and out and is_fold(out[-1]):
            continue
        out.append(p)
    return out


# ---------------------------------------------------------------- entry point


def with_staff_verdicts(changes: Sequence[Change], editorial: Iterable[str] = (),
                        substantive: Iterable[str] = ()) -> tuple[Change, ...]:
    """The changes with the staff's decisions (decisions.toml ``[changes]``)
    overriding the diff's editorial/substantive verdict, by change id."""
    ed, sub = set(editorial), set(substantive)
    out = []
    for c in changes:
        if c.id in sub and not c.substantive:
            c = replace(c, verdict=Verdict(True, "staff-substantive", "職員の判断で実質的な変更"))
        elif c.id in ed and c.substantive:
            c = replace(c, verdict=Verdict(False, "staff-editorial", "職員の判断で文言整理"))
        out.append(c)
    return tuple(out)


class SectionNotFoundError(RevtoolError):
    """``--section`` names no section in either version."""


def _under(path: SectionPath | None, roots: list[SectionPath]) -> bool:
    return path is not None and any(path[:len(r)] == r for r in roots)


def build_taisho_from(comparison: Comparison, *, substantive_only: bool = False,
                      section: str | None = None) -> Taisho:
    """The 新旧対照表 of a comparison: its section alignment and its changes, not recomputed."""
    return build_taisho(comparison.old, comparison.new, comparison.changes, substantive_only=substantive_only,
                        section=section, section_pairs=comparison.section_pairs, block_pairs=comparison.block_pairs)


def build_taisho(old: Document, new: Document, changes: Sequence[Change], *,
                 substantive_only: bool = False, section: str | None = None,
                 section_pairs: Sequence[SectionPair] | None = None, block_pairs: Sequence[BlockPair] = ()) -> Taisho:
    """The 新旧対照表 of ``old`` → ``new`` from the diff's ``changes``.

    Editorial changes (文言整理) are shown unless ``substantive_only``; front
    matter (cover, 目次) is left out. ``section`` limits the rows to one
    section and its subsections (a number, heading or path as ``revtool show``
    accepts), matched in either version.
    """
    used = [c for c in changes if c.substantive or not substantive_only]
    substantive_ids = {c.id for c in used if c.substantive}
    rows = _Builder(old, new, used, block_pairs).run(old, new, section_pairs)
    if section is not None:
        new_roots = [p for p, _ in find_sections(new, section)]
        old_roots = [p for p, _ in find_sections(old, section)]
        if not new_roots and not old_roots:
            raise SectionNotFoundError(f"節「{section}」が見つかりません。",
                                       hint="revtool show 版名 で節の一覧を確認してください。")
        rows = [r for r in rows if _under(r.new.path if r.new else None, new_roots)
                or _under(r.old.path if r.old else None, old_roots)]
    numbered = tuple(
        TaishoRow(f"T{k}", r.kind, r.new, r.old, r.change_ids,
                  substantive=bool(substantive_ids & set(r.change_ids)) or not r.change_ids)
        for k, r in enumerate(rows, 1)
    )
    return Taisho(numbered, substantive_only)
