"""主な変更点 of numbered items (①②… 取組) that were split, merged or reordered
inside one section, said by the items' names as staff write them, and the
facts those words stand for. Pure.

The diff pairs list items by place and likeness, so one 取組 split in two
reads as 「…の文言を削除、…の記述を追記、「⑤」を「⑥」に変更」 and two 取組
that traded places as word edits between unrelated items. Reading the
section's items by their names (the words before 「について、」) says the
decision once, one verb per kind:

- split: 「「A及びB」を「A」と「B」に分割」
- merged: 「「A」と「B」を「A及びB」に統合」
- two items that traded places: 「「A」と「B」の順序を入れ替え」
- an item moved among the others: 「「A」を⑤から②に移動」
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from revtool.changes.facts import BLOCK_ADDED, BLOCK_DELETED, BLOCK_MOVED, CELL, TEXT, Fact, facts_of, key
from revtool.changes.item_markers import item_marker
from revtool.changes.summary_text import one_line, text_clause
from revtool.changes.text_spans import sentence_around, text_spans
from revtool.model import ChangeKind, Document, SectionPath

# the 取組's name: the words its first sentence is about (「…の構築について、」)
_TOPIC = re.compile(r"^([^。「」\n]{2,60}?)(?:について|に関して|については)、")
# an item's number: ①, （1）, （ア）
_MARK = r"[\u2460-\u2473\u2776-\u277f\u24ea]|[（(][0-9０-９ア-ンa-zａ-ｚ]{1,2}[）)]"
# the words that join two names into one (AとB, A及びB, A並びにB, A・B, A、B)
_JOIN = ("及び", "並びに", "と", "・", "、", "や")


@dataclass(frozen=True)
class Item:
    marker: str
    name: str
    text: str  # the body without its marker


@dataclass(frozen=True)
class ItemStory:
    """Clauses said for the items, and the ids of the facts they stand for."""

    clauses: tuple[str, ...] = ()
    facts: frozenset[int] = frozenset()
    kinds: tuple[ChangeKind, ...] = ()  # split | merged | moved, one per clause


def item_name(body: str) -> str:
    """A 取組 named by the words its text is about (居場所づくりへの当事者の参画について、…
    → 居場所づくりへの当事者の参画); "" when its text names no topic."""
    m = _TOPIC.match(body.strip())
    return m.group(1).strip() if m else ""


_ITEM_TITLE_MAX = 40  # characters of the longest item title line (②　ＳＮＳを活用した啓発)


def with_item_names(facts: list[Fact], new_doc: Document | None) -> list[Fact]:
    """The facts, those rewriting words of a numbered item's body (the paragraph
    right after its title line 「②　ＳＮＳを活用した啓発」) with the item's name
    (``Fact.item``): what staff name the 取組 by when only its predicate changed
    (「ＳＮＳを活用した啓発」について、「検討します」を「実施します」に変更)."""
    if new_doc is None:
        return facts
    out = []
    for f in facts:
        sec = new_doc.find(f.section_path) if f.kind == TEXT and f.old and f.new and f.change.new_text else None
        blocks = list(sec.blocks) if sec is not None else []
        at = next((i for i, b in enumerate(blocks) if b.text == f.change.new_text), 0)
        before = blocks[at - 1] if at > 0 else None
        marker, name = item_marker(before.text.strip()) if before is not None and before.table is None else ("", "")
        name = name.strip()
        fits = marker and name and len(name) <= _ITEM_TITLE_MAX and not re.search(r"[。．、]", name)
        out.append(replace(f, item=name) if fits else f)
    return out


def section_items(blocks: "tuple[object, ...] | list[object]") -> list[Item]:
    """The numbered items of a section with their names (items without a name included, name "")."""
    out: list[Item] = []
    for b in blocks:
        text = getattr(b, "text", "") or ""
        marker, body = item_marker(text)
        if marker and getattr(b, "table", None) is None:
            out.append(Item(marker, item_name(body), body.strip()))
    return out


def _joined(whole: str, parts: list[str]) -> bool:
    """``whole`` is the parts joined by 及び, と, ・ … in order (A及びB)."""
    rest = key(whole)
    for i, p in enumerate(parts):
        k = key(p)
        if not rest.startswith(k):
            return False
        rest = rest[len(k):]
        if i < len(parts) - 1:
            glue = next((j for j in _JOIN if rest.startswith(key(j))), None)
            if glue is None:
                return False
            rest = rest[len(key(glue)):]
    return rest == ""


@dataclass(frozen=True)
class _Decision:
    clause: str
    kind: ChangeKind
    old: tuple[Item, ...]
    new: tuple[Item, ...]
    check_residue: bool  # a reorder: edits between the same item's two texts are edits of their own


def item_decisions(old: list[Item], new: list[Item]) -> list[_Decision]:
    """Splits, merges and reorders among the named items of one section."""
    out: list[_Decision] = []
    old_names = {key(i.name) for i in old if i.name}
    new_names = {key(i.name) for i in new if i.name}
    gone = [i for i in old if i.name and key(i.name) not in new_names]
    came = [i for i in new if i.name and key(i.name) not in old_names]
    used: set[int] = set()
    for g in gone:  # one item become two next to each other
        for a, b in zip(new, new[1:]):
            if a.name and b.name and id(a) not in used and id(b) not in used \
                    and (a in came or b in came) and _joined(g.name, [a.name, b.name]):
                out.append(_Decision(f"「{g.name}」を「{a.name}」と「{b.name}」に分割", ChangeKind.SPLIT, (g,), (a, b), False))
                used.update((id(g), id(a), id(b)))
                break
    for c in came:  # two items become one
        if id(c) in used:
            continue
        for a, b in zip(old, old[1:]):
            if a.name and b.name and id(a) not in used and id(b) not in used \
                    and (a in gone or b in gone) and _joined(c.name, [a.name, b.name]):
                out.append(_Decision(f"「{a.name}」と「{b.name}」を「{c.name}」に統合", ChangeKind.MERGED, (a, b), (c,), False))
                used.update((id(c), id(a), id(b)))
                break
    # the items both versions name once, in their old order and their new order
    once_old = [i for i in old if i.name and sum(key(j.name) == key(i.name) for j in old) == 1]
    once_new = {key(i.name): i for i in new if i.name and sum(key(j.name) == key(i.name) for j in new) == 1}
    common = [(i, once_new[key(i.name)]) for i in once_old if key(i.name) in once_new]
    order = [new.index(n) for _, n in common]
    kept = _longest_increasing(order)
    moved = [k for k in range(len(common)) if k not in kept]
    other = _traded(common, moved[0], order) if len(moved) == 1 else None
    if other is not None:
        # named in the 案's order, as the reader finds them now (as summary's swaps)
        first, second = sorted((common[moved[0]], common[other]), key=lambda p: new.index(p[1]))
        out.append(_Decision(f"「{first[0].name}」と「{second[0].name}」の順序を入れ替え", ChangeKind.MOVED,
                             (first[0], second[0]), (first[1], second[1]), True))
    else:
        for k in moved:
            o, n = common[k]
            out.append(_Decision(f"「{o.name}」を{o.marker}から{n.marker}に移動", ChangeKind.MOVED, (o,), (n,), True))
    return out


def _traded(common: list[tuple[Item, Item]], k: int, order: list[int]) -> int | None:
    """The one item the moved item ``k`` traded places with (next to it in both orders)."""
    ranked = sorted(range(len(order)), key=lambda x: order[x])
    at = ranked.index(k)
    for other in (k - 1, k + 1):
        if 0 <= other < len(order) and abs(ranked.index(other) - at) == 1 and (other < k) != (order[other] < order[k]):
            return other
    return None


def _longest_increasing(seq: list[int]) -> set[int]:
    """Indexes of one longest increasing subsequence (the items that kept their order)."""
    best: list[list[int]] = []
    for i, v in enumerate(seq):
        chains = [c for c in best if seq[c[-1]] < v]
        chain = max(chains, key=lambda c: len(c), default=[]) + [i]
        best.append(chain)
    longest: list[int] = max(best, key=lambda c: len(c)) if best else []
    return set(longest)


def _inside(text: str, bodies: list[str]) -> bool:
    """Every clause of the changed words (item markers aside) is words of these
    items: the diff that paired two items by place stitches one item's clauses
    to the other's, so the test is clause by clause."""
    parts = [p for p in re.split(rf"{_MARK}|[、。]", text) if key(p)]
    joined = "".join(key(b) for b in bodies)
    return all(key(p) in joined for p in parts)


def _residue(d: _Decision) -> list[tuple[str, str]]:
    """Edits the decision does not make: between a reordered item's old and new
    texts any edit; between the texts of items split or merged (read one after
    the other) a word replaced by another (an office renamed inside them), the
    words cut and added being the split or merge itself."""
    pairs = list(zip((o.text for o in d.old), (n.text for n in d.new))) if d.check_residue \
        else [("".join(o.text for o in d.old), "".join(n.text for n in d.new))]
    out = []
    for old, new in pairs:
        for a1, a2, b1, b2 in text_spans(old, new):
            if d.check_residue or (a2 > a1 and b2 > b1):
                out.append((old[a1:a2], new[b1:b2]))
    return out


def _own_edit(f: Fact, residue: list[tuple[str, str]], replaced_only: bool) -> bool:
    """The fact is one of the residual edits (an edit of its own, not the decision's)."""
    if replaced_only and not (key(f.old) and key(f.new)):
        return False
    return any(key(f.old) in key(a) and key(f.new) in key(b) for a, b in residue)


def _paired(f: Fact, d: _Decision) -> bool:
    """The fact is an edit between one item's old and new texts (the diff paired them right)."""
    return any(_inside(f.old, [o.text]) and _inside(f.new, [n.text]) for o, n in zip(d.old, d.new))


def _residue_clauses(d: _Decision, like: Fact) -> list[str]:
    """The edits between each reordered item's old and new texts, said as text edits."""
    out = []
    for o, n in zip(d.old, d.new):
        for a1, a2, b1, b2 in text_spans(o.text, n.text):
            f = replace(like, kind=TEXT, old=o.text[a1:a2], new=n.text[b1:b2],
                        old_unit=sentence_around(o.text, a1, a2), new_unit=sentence_around(n.text, b1, b2))
            out.append(text_clause(f))
    return out


def _unnumbered_move(f: Fact, d: _Decision) -> bool:
    """``f`` is an edit of an item the diff saw moved (paired with its own old text)
    whose change holds no edit of its number: no fact anywhere says the move. (A
    change that does holds it says the move in the row that has that fact.)"""
    if f.change.kind != ChangeKind.MOVED or not _paired(f, d):
        return False
    return not any(_MARKER_ONLY.match(g.old) and _MARKER_ONLY.match(g.new) for g in facts_of(f.change))


_MARKER_ONLY = re.compile(rf"^[\s\u3000]*(?:{_MARK})[\s\u3000]*$")


def list_item_story(facts: list[Fact], old_doc: Document | None, new_doc: Document | None) -> ItemStory:
    """The items split, merged or reordered in the sections of the row's facts,
    and the facts that only say so (edits between items the diff paired by place,
    the items' numbers shifted by the split)."""
    if old_doc is None or new_doc is None:
        return ItemStory()
    places: dict[tuple[SectionPath, SectionPath], list[Fact]] = {}
    for f in facts:
        if f.kind in (TEXT, BLOCK_ADDED, BLOCK_DELETED, BLOCK_MOVED) and not f.column and f.change.block_kind != "section":
            places.setdefault((f.change.old_section_path, f.change.section_path), []).append(f)
    clauses: list[str] = []
    kinds: list[ChangeKind] = []
    used: set[int] = set()
    for (old_path, new_path), fs in places.items():
        old_sec = old_doc.find(old_path) if old_path else None
        new_sec = new_doc.find(new_path) if new_path else None
        if old_sec is None or new_sec is None:
            continue
        decisions = item_decisions(section_items(old_sec.blocks), section_items(new_sec.blocks))
        if not decisions:
            continue
        said = False
        for d in decisions:
            olds, news = [i.text for i in d.old], [i.text for i in d.new]
            residue = _residue(d)
            mine = [f for f in fs if id(f) not in used and (key(f.old) or key(f.new))
                    and _inside(f.old, olds) and _inside(f.new, news)
                    and not _own_edit(f, residue, not d.check_residue)]
            if not mine and not (d.check_residue and any(_unnumbered_move(f, d) for f in fs)):
                continue  # the decision is another row's (its facts are elsewhere)
            # (an item moved AND edited whose new number no fact says — its siblings'
            # relabelling read as editorial: the move is said beside the edit)
            if d.clause not in clauses:
                clauses.append(d.clause)
                kinds.append(d.kind)
            used.update(id(f) for f in mine)
            if d.check_residue and any(not _paired(f, d) for f in mine):
                # the diff paired the items by place: an item's own edit is in no fact, said here
                clauses.extend(c for c in _residue_clauses(d, mine[0]) if c not in clauses)
            said = said or not d.check_residue
        if said:  # the numbers the split or merge shifted
            used.update(id(f) for f in fs if _MARKER_ONLY.match(f.old) and _MARKER_ONLY.match(f.new))
    for clause in unnumbered_moves(facts, used) + moved_rows(facts, old_doc, new_doc):
        if clause not in clauses:
            clauses.append(clause)
            kinds.append(ChangeKind.MOVED)
    return ItemStory(tuple(clauses), frozenset(used), tuple(kinds))


_BULLET = re.compile(r"^[\s\u3000]*(?:[●○◆◇■□・◎]|[ア-ン](?=[\s\u3000]))[\s\u3000]*")


def unnumbered_moves(facts: list[Fact], said: set[int]) -> list[str]:
    """An item without a number (●, 「ア　」) moved among its siblings AND edited:
    the edit is in its facts, the move only in their change's kind; said by the
    item's name (「A」の掲載位置を変更), beside the edit. Numbered items are
    said by their numbers (``item_decisions``)."""
    out: list[str] = []
    seen: set[str] = set()
    for f in facts:
        ch = f.change
        if id(f) in said or ch.kind != ChangeKind.MOVED or ch.block_kind != "list" or ch.id in seen:
            continue
        if not ch.old_section_path or tuple(ch.old_section_path) != tuple(ch.section_path) or item_marker(ch.new_text)[0]:
            continue
        seen.add(ch.id)
        body = _BULLET.sub("", ch.new_text).strip()
        name = item_name(body) or (body if 0 < len(body) <= 30 and "。" not in body else "")
        if name:
            out.append(f"「{name}」の掲載位置を変更")
    return out


def _row_keys(doc: Document, path: SectionPath, row_key: str) -> list[str] | None:
    """The keys of the rows of the table in ``path`` holding a row keyed ``row_key``, in
    their order: the cells of the key's column (None when no table there holds it)."""
    sec = doc.find(path) if path else None
    wanted = key(row_key)
    for b in (sec.blocks if sec is not None else ()):
        if b.table is None or not wanted:
            continue
        rows = [[key(c.text) for c in r] for r in b.table.rows]
        col = next((j for r in rows for j, c in enumerate(r) if c == wanted), None)
        if col is not None:
            return [r[col] if col < len(r) else "" for r in rows]
    return None


def moved_rows(facts: list[Fact], old_doc: Document, new_doc: Document) -> list[str]:
    """A table row (a 取組 of a 取組一覧) moved among the others AND edited: its
    cells' edits are facts, the move none; said by its key (「A」の掲載位置を変更)
    when it is out of the order the other rows kept (a longest run in order)."""
    out: list[str] = []
    for f in facts:
        if f.kind != CELL or not f.row_key or f.change.block_kind != "table":
            continue
        olds = _row_keys(old_doc, f.change.old_section_path, f.row_key)
        news = _row_keys(new_doc, f.change.section_path, f.row_key)
        if olds is None or news is None:
            continue
        common = [k for k in olds if k and olds.count(k) == 1 and news.count(k) == 1]
        order = [news.index(k) for k in common]
        kept = _longest_increasing(order)
        moved = {common[i] for i in range(len(common)) if i not in kept}
        clause = f"「{one_line(f.row_key)}」の掲載位置を変更"
        if key(f.row_key) in moved and clause not in out:
            out.append(clause)
    return out
