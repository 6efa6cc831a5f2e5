"""The fields of one row built from its facts: its kind, its changes (a fact
as a ``Change`` with its edits), its 項目, its cause (staff decisions over
links), what linking reads of it (``RowTarget``) and the items a change
removed and added. Pure."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from revtool.changes.external import External
from revtool.changes.facts import CELL, COLUMN_ADDED, SECTION_ADDED, SECTION_DELETED, TEXT, Fact, key
from revtool.changes.text_spans import text_spans
from revtool.changes.headings import heading_title
from revtool.changes.item import Outline, item_text, places_text
from revtool.changes.link import cause_for
from revtool.changes.row_pages import old_version_pages
from revtool.changes.row_target import RowTarget
from revtool.changes.table import Scored
from revtool.changes.group import Group, ordered_unique
from revtool.compare.chardiff import char_diff
from revtool.model import Cause, CauseType, Change, ChangeKind, Document, Link, SectionPath
from revtool.changes.decisions import RowDecision


def row_kind(facts: list[Fact]) -> ChangeKind:
    kinds = {f.change.kind for f in facts}
    if len(kinds) == 1 and next(iter(kinds)) in (ChangeKind.MOVED, ChangeKind.RENAMED, ChangeKind.SPLIT, ChangeKind.MERGED):
        return next(iter(kinds))
    pol = {f.polarity for f in facts}
    if pol == {"+"}:
        return ChangeKind.ADDED
    if pol == {"-"}:
        return ChangeKind.DELETED
    return ChangeKind.MODIFIED


def _part_change(f: Fact, n: int) -> Change:
    """The fact as a Change (for the row's ``changes``): the source change when
    the fact is all of it, else a copy carrying the fact's text and its edits
    (computed here, once, so views never diff again)."""
    c = f.change
    whole = (f.old == c.old_text and f.new == c.new_text) or f.kind not in (TEXT, CELL)
    if whole:
        return c
    loc = c.location
    if f.column:
        loc = (loc + " " if loc else "") + f"列「{f.column}」" + (f" 行「{f.row_key}」" if f.row_key else "")
    edits = char_diff(f.old, f.new) if c.kind is ChangeKind.MODIFIED and f.old and f.new else ()
    return replace(c, id=f"{c.id}.{n}", old_text=f.old, new_text=f.new, edits=edits, location=loc)


def row_changes(facts: list[Fact]) -> tuple[Change, ...]:
    out: list[Change] = []
    seen: set[str] = set()
    counters: dict[str, int] = defaultdict(int)
    for f in facts:
        counters[f.change.id] += 1
        ch = _part_change(f, counters[f.change.id])
        if ch.id in seen:
            continue
        seen.add(ch.id)
        out.append(ch)
    return tuple(out)


_STRUCTURAL_TARGET_KIND = {"split": "split", "merged": "merged", "swapped": "moved", "renamed": "renamed", "moved": "moved",
                           "reordered": "moved"}


def row_link_target(row_id: str, facts: list[Fact], paths: list[SectionPath], structural: str = "",
            old_doc: Document | None = None) -> RowTarget:
    removed = "\n".join(f.old for f in facts if f.old)
    added_parts = []
    for f in facts:
        if f.kind in (COLUMN_ADDED,):
            added_parts.append(f.column + "\n" + f.new_unit)
        elif f.kind == SECTION_ADDED:
            added_parts.append(heading_title(f.section_path[-1]) + "\n" + f.new)
        elif f.new:
            added_parts.append(f.new)
    old_paths = tuple(ordered_unique([f.change.old_section_path for f in facts if f.change.old_section_path]))
    context = "\n".join(ordered_unique([f.new_unit for f in facts if f.new_unit]))
    # a table cell is named by its row's key and its column (「見守り活動の登録者数」「目標値」 for 43人 → 51人)
    labels = "\n".join(ordered_unique([" ".join(x for x in (f.row_key, f.column) if x) for f in facts if f.row_key or f.column]))
    kind = _STRUCTURAL_TARGET_KIND.get(structural) or row_kind(facts).value
    return RowTarget(row_id, tuple(paths), old_paths, removed, "\n".join(added_parts), context, kind,
                     old_version_pages(facts, old_doc, bool(structural)), labels)


def row_cause(rid: str, links: tuple[Link, ...], external: External | None, organisation: bool, dec: RowDecision,
           national: bool = False, own_update: str = "", unworded: bool = False) -> Cause:
    """Staff decisions first, then linked comments, an outside revision, unknown."""
    kind, note = dec.cause, dec.note
    if kind == "internal":
        return cause_for(rid, links, None, note or "庁内での見直し（decisions.toml）")
    if kind == "unknown":
        return Cause(CauseType.UNKNOWN, (), 0.0, note)
    cause = cause_for(rid, links, external, None, organisation, national, own_update, unworded)
    if kind == "external" and cause.type != CauseType.EXTERNAL:
        return Cause(CauseType.EXTERNAL, (), 1.0, note or "外部の改定等（decisions.toml）")
    return cause


_STRUCTURE_JA = {"renamed": "名称の変更", "swapped": "順序の入れ替え", "split": "分割", "merged": "統合", "moved": "移動",
                 "reordered": "記載順の変更"}


def office_structure_cause(structural: str, candidates: Sequence[Scored], linked: set[str] | frozenset[str]) -> Cause | None:
    """A structural decision (a section renamed, two swapped, one split, merged or
    moved) that no comment and no outside revision explains, when every comment
    near it whose answer promised an edit is linked to another row (its promise
    kept there): the office's own restructuring, inferred (``internal``, 0.5, and
    the evidence says so). None when a comment promising an edit is near it and
    linked to no row (a link may have been missed: the row stays unknown)."""
    what = _STRUCTURE_JA.get(structural)
    if what is None or any(s.promised and s.comment_id not in linked for s in candidates):
        return None
    kept = sorted({s.comment_id for s in candidates if s.promised}, key=lambda c: (len(c), c))
    tail = (f"近くの修正を約束した意見（{'、'.join(kept[:3])}{'ほか' if len(kept) > 3 else ''}）は他の行に対応済み" if kept
            else "この箇所に修正を約束した意見はありません")
    return Cause(CauseType.INTERNAL, (), 0.5, f"意見・外部の改定によらない構成の見直し（{what}）と推定：{tail}")


STRUCTURAL_KIND = {"split": ChangeKind.SPLIT, "merged": ChangeKind.MERGED, "swapped": ChangeKind.MOVED, "renamed": ChangeKind.RENAMED,
                    "moved": ChangeKind.MOVED, "reordered": ChangeKind.MOVED}


def row_item(g: Group, outline: Outline) -> str:
    """項目: an added section is listed under its parent (参考資料), a deleted one
    by its old heading, a repeated edit by the common parent plus 「各施策」."""
    if g.structural and g.heading_paths:
        places = [p for p in g.paths if any(p == c[: len(p)] for c in g.cut_paths)] + list(g.heading_paths) + [p for p in g.paths if not any(p[: len(h)] == h for h in g.heading_paths)
                                          and not any(p == f.change.old_section_path for f in g.facts if f.kind == SECTION_DELETED)]
        return places_text(places, outline, keep_leaf=True)
    if g.added_root:
        return item_text(g.anchor[:-1] or g.anchor, outline, keep_leaf=True)
    if all(f.kind == SECTION_DELETED for f in g.facts):
        return item_text(g.anchor, outline, keep_leaf=True)
    if not g.every and len(g.paths) >= 2 and len(g.anchor) < 1:
        # one decision in places of different chapters (a law quoted in 第2章 and
        # 第4章, a renamed 施策 and the 施策の体系 table): every place is listed
        return places_text(g.paths, outline)
    return item_text(g.anchor, outline, every=g.every)


def changed_items(old: str, new: str) -> tuple[list[str], list[str]]:
    """What was removed and what was added: list items (、-separated) when both
    texts are lists, else the changed words."""
    split = lambda t: [i.strip() for i in re.split(r"[、,，\n]", t) if i.strip()]  # noqa: E731
    o, n = split(old), split(new)
    if len(o) >= 2 and len(n) >= 2:
        ok, nk = {key(i) for i in o}, {key(i) for i in n}
        return [i for i in o if key(i) not in nk], [i for i in n if key(i) not in ok]
    spans = text_spans(old, new) if old and new else []
    if not spans:
        return ([old] if old else []), ([new] if new else [])
    return [old[a1:a2] for a1, a2, _, _ in spans if a2 > a1], [new[b1:b2] for _, _, b1, b2 in spans if b2 > b1]


def no_word_changed(removed: list[str], added: list[str]) -> bool:
    """Whether the row's facts changed no unit (``changed_items`` found nothing removed
    and nothing added): what was written only moved or changed its order."""
    return not any(u.strip() for u in removed + added)
