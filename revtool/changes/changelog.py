"""Group substantive changes into the rows of 素案からの主な変更点 (別紙2). Pure.

Rules, in order:

1. Editorial changes (文言整理) never make a row; they are counted. Front
   matter (no section: cover, 目次) and pure renumbering of a heading are
   not reportable either.
2. Each change is split into facts (``change_facts``): a column added, a
   cell rewritten, a phrase deleted, a row or section added.
3. The same edit repeated in several sections (the same column added to the
   indicator table of every 施策, the same phrase deleted in two places)
   becomes one row; groups repeated over the same set of sections merge
   (a column and its footnote).
4. Every other fact makes a row with the other facts of its section; facts
   inside a section added as a whole belong to that section's row.
5. Rows are numbered R1… in document order.

Then each row gets its cause (``link``), its summary (``summary``) and the
staff decisions are applied; consistency warnings are collected.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TypeVar

from revtool.changes.facts import (
    marker_swaps,
    renumbered_item,
    BLOCK_ADDED,
    BLOCK_DELETED,
    BLOCK_MOVED,
    CELL,
    ROW_ADDED,
    ROW_DELETED,
    COLUMN_ADDED,
    COLUMN_DELETED,
    SECTION_ADDED,
    SECTION_DELETED,
    SECTION_MOVED,
    SECTION_RENAMED,
    TEXT,
    Fact,
    edit_core,
    facts_of,
    text_spans,
    with_table_context,
    heading_number,
    heading_title,
    key,
)
from revtool.changes.structure import Group as _Group
from revtool.changes.structure import common_prefix as _common_prefix
from revtool.changes.structure import ordered_unique as _ordered_unique
from revtool.changes.structure import position as _position
from revtool.changes.structure import TitleSplit, regroup, title_splits
from revtool.changes.structure import where as _where
from revtool.workspace.decisions import Decisions, RowDecision
from revtool.changes.editorial_answers import QUOTE as _QUOTE
from revtool.changes.editorial_answers import UNLINKED_MARK, EditorialIndex, answered_by_editorial, editorial_answers, keep_pair
from revtool.changes.group_links import expand_links, link_units, spread_group_links
from revtool.compare.chardiff import char_diff
from revtool.compare.diff import full_text
from revtool.changes.item import Outline, every_below, every_label, item_text, places_text
from revtool.changes.external import (
    External,
    detect_external,
    prior_of,
    national_organisation,
    organisation_only,
    replaced_reference,
)
from revtool.changes.row_target import RowTarget, relation, _path_key as path_key
from revtool.changes.table import Scored
from revtool.changes.link import cause_for, choose_links
from revtool.changes.link_scores import score_pairs
from revtool.model import (
    Block,
    BlockKind,
    Cause,
    CauseType,
    Change,
    ChangeKind,
    ChangeRow,
    Comment,
    Document,
    Link,
    PageSpan,
    ResponseType,
    Section,
    SectionPath,
)
from revtool.changes.summary import SummaryStyle, summarize
from revtool.changes.unmarked import MarkIndex
from revtool.changes.table import Changelog, ChangelogWarning  # noqa: F401 (the table's data, re-exported)

_TOC = re.compile(r"^(目次|もくじ|目\s*次)$")
NOT_COUNTED = frozenset({"front-matter", "section-renumbered", "row-renumbered"})
MIN_SIGNATURE = 4  # characters an edit needs before its repetition groups sections
_T = TypeVar("_T")


# ---------------------------------------------------------------- filtering


def _renumber_only(change: Change) -> bool:
    """A heading whose number changed because something was inserted before it."""
    if change.block_kind != "section" and change.kind not in (ChangeKind.RENAMED, ChangeKind.MOVED):
        return False
    old_p, new_p = change.old_section_path, change.section_path
    if not old_p or not new_p or len(old_p) != len(new_p):
        return False
    same_titles = [key(heading_title(a)) for a in old_p] == [key(heading_title(b)) for b in new_p]
    if not same_titles:
        return False
    strip = lambda t: re.sub(r"[0-9０-９]+", "", key(t))  # noqa: E731
    return change.kind in (ChangeKind.RENAMED, ChangeKind.MOVED) or strip(change.old_text) == strip(change.new_text)


def _moved_with_renamed_parent(change: Change) -> bool:
    """A subsection that stayed where it was under a 施策 that was renamed
    (2 税務事務による地域づくり（1）現状と課題 → 2 税務事務を通じた参加の促進（1）
    現状と課題): the diff sees it moved or split off, but its own heading and
    every number above it are unchanged — the rename is the row, not this."""
    if change.block_kind != "section" or change.kind not in (ChangeKind.MOVED, ChangeKind.SPLIT):
        return False
    old_p, new_p = change.old_section_path, change.section_path
    if not old_p or not new_p or len(old_p) != len(new_p) or tuple(old_p) == tuple(new_p):
        return False
    if key(old_p[-1]) != key(new_p[-1]) or key(change.old_text) != key(change.new_text):
        return False
    for a, b in zip(old_p[:-1], new_p[:-1]):
        na, nb = heading_number(a), heading_number(b)
        if (na or nb) and key(na) != key(nb):
            return False
        if not (na or nb) and key(a) != key(b):
            return False
    return True


_VERSION_WORD = re.compile(r"[（(](?:素案|原案|案|最終案|骨子案|中間のまとめ|改定案|改訂案)[）)]")
_DATED = re.compile(
    r"(?:(?:令和|平成)[0-9０-９元]+年|(?:19|20)[0-9]{2}年)(?:[（(][^）)]{1,10}[）)])?[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?"
)


def version_stamp_only(old: str, new: str) -> bool:
    """Only the version label （素案）→（案） and dated stamps differ: cover,
    running headers, colophon."""
    strip = lambda t: _DATED.sub("", _VERSION_WORD.sub("", key(t)))  # noqa: E731
    return key(old) != key(new) and strip(old) == strip(new)


_DIGITS = re.compile(r"[0-9０-９]|(?:令和|平成|昭和)")


def _renamed_by_words(change: Change) -> bool:
    """A heading (or a table cell: the 施策体系 line of a 節) renamed in its
    words, called a number or year spelling only because a word holds a kanji
    numeral (一体的, 統一) or the hunk reached into its number (第４節): a number
    rule cannot decide an edit without digits, and a rename must not vanish."""
    if change.verdict.rule != "era":
        return False
    heading = change.block_kind == "section" and change.kind == ChangeKind.RENAMED
    cell = change.block_kind == "table" and change.kind == ChangeKind.MODIFIED  # a 施策体系 cell naming the 節
    if not (heading or cell):
        return False
    old, new = key(heading_title(change.old_text.split("\n")[0])), key(heading_title(change.new_text.split("\n")[0]))
    spans = text_spans(old, new) if old and new else []
    return bool(spans) and not any(_DIGITS.search(old[a1:a2] + new[b1:b2]) for a1, a2, b1, b2 in spans)


def reordered(changes: "Iterable[Change]") -> frozenset[str]:
    """Ids of section changes that look like renumbering (same titles, new
    numbers) but trade places with a sibling: 施策3 and 施策4 swapped. An
    insertion shifts the numbers after it and keeps their order; a reorder
    inverts it, and must not vanish as a renumbering."""
    by_parent: dict[tuple[SectionPath, SectionPath], list[Change]] = defaultdict(list)
    for ch in changes:
        if _renumber_only(ch) and ch.section_path and ch.old_section_path:
            by_parent[(ch.section_path[:-1], ch.old_section_path[:-1])].append(ch)
    out: set[str] = set()
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1 :]:
                oa, ob = _position(a.old_section_path), _position(b.old_section_path)
                na, nb = _position(a.section_path), _position(b.section_path)
                if oa and ob and na and nb and (oa < ob) != (na < nb):
                    out.update((a.id, b.id))
    return frozenset(out)


def swapped_items(changes: "Iterable[Change]") -> frozenset[str]:
    """Ids of list items that only traded numbers with a sibling item (①
    ⇄ ②): two items swapped, a decision that must not vanish as renumbering."""
    by_section: dict[tuple[SectionPath, SectionPath], list[tuple[Change, tuple[str, str, str]]]] = defaultdict(list)
    for ch in changes:
        if ch.block_kind == "section" or not ch.old_text or not ch.new_text:
            continue
        item = renumbered_item(ch.old_text, ch.new_text)
        if item is not None:
            by_section[(ch.old_section_path, ch.section_path)].append((ch, item))
    out: set[str] = set()
    for items in by_section.values():
        for i, j in marker_swaps([it for _, it in items]):
            out.update((items[i][0].id, items[j][0].id))
    return frozenset(out)


_MARKER_FAMILIES = (
    re.compile(r"[\u2460-\u2473\u24ea\u2776-\u277f]"),  # ① … ⑳
    re.compile(r"[（(][0-9０-９]{1,2}[）)]"),  # （1）
)


def _marker_family(marker: str) -> "re.Pattern[str] | None":
    return next((f for f in _MARKER_FAMILIES if f.fullmatch(marker)), None)


def _marker_number(marker: str) -> int | None:
    digits = re.sub(r"[^0-9]", "", unicodedata.normalize("NFKC", marker))
    return int(digits) if digits else None


def renumbering_consequences(changes: "Iterable[Change]", swapped: frozenset[str] = frozenset()) -> frozenset[str]:
    """Ids of list items whose only change is their number, shifted because
    items were cut or added in the same section (④ → ③ after ② was deleted):
    a consequence, never a row nor part of one. Items that traded numbers
    (``swapped``) and items renumbered with no item added or cut beside them
    (a reorder) are not consequences."""
    by_section: dict[SectionPath, list[Change]] = defaultdict(list)
    for ch in changes:
        by_section[ch.old_section_path or ch.section_path].append(ch)
    out: set[str] = set()
    for chs in by_section.values():
        renumbered = {ch.id: renumbered_item(ch.old_text, ch.new_text) for ch in chs
                      if ch.old_text and ch.new_text and ch.id not in swapped}
        for ch in chs:
            item = renumbered.get(ch.id)
            if item is None:
                continue
            family = _marker_family(item[1])
            old_n, new_n = _marker_number(item[1]), _marker_number(item[2])
            if family is None or old_n is None or new_n is None or _marker_family(item[2]) is not family:
                continue
            added = sum(len(family.findall(o.new_text or "")) - len(family.findall(o.old_text or ""))
                        for o in chs if o is not ch and renumbered.get(o.id) is None)
            shift = new_n - old_n
            if added and shift * added > 0 and abs(shift) <= abs(added):
                out.add(ch.id)
    return frozenset(out)


def reportable(change: Change, decisions: Decisions, swapped: frozenset[str] = frozenset()) -> bool | None:
    """True: may make a row; False: editorial (counted); None: not reportable."""
    if change.id in decisions.substantive or change.id in swapped:
        return True
    if change.id in decisions.editorial:
        return False
    if not change.section_path and not change.old_section_path:
        return None  # cover, table of contents: never a row, not a 文言整理 either
    if any(_TOC.match(key(h)) for h in change.section_path + change.old_section_path):
        return None  # a table of contents read as a section follows the headings
    if not change.substantive and _renamed_by_words(change):
        return True
    if not change.substantive:
        if change.verdict.rule in NOT_COUNTED or key(change.old_text) == key(change.new_text):
            return None  # renumbering caused by an insertion, line breaks moved by the layout
        return False
    if _renumber_only(change) or _moved_with_renamed_parent(change) or version_stamp_only(change.old_text, change.new_text):
        return None
    return True


# ---------------------------------------------------------------- grouping


def _signature(f: Fact) -> tuple[str, ...] | None:
    """What makes two facts 'the same edit'."""
    if f.kind == COLUMN_ADDED or f.kind == COLUMN_DELETED:
        return (f.kind, key(f.column))
    if f.kind == BLOCK_ADDED:
        # the same note added under every 施策, numbers aside
        k = re.sub(r"[0-9]+", "0", key(f.new))
        return (f.kind, k) if len(k) >= MIN_SIGNATURE * 2 else None
    if f.kind in (TEXT, CELL):
        old, new = f.old, f.new
        if old and new and (f.kind == CELL or (old == f.change.old_text and new == f.change.new_text)):
            spans = text_spans(old, new)
            if len(spans) == 1:
                a1, a2, b1, b2 = spans[0]
                old, new = old[a1:a2], new[b1:b2]
        old, new = _unshared(old, new, f.new_unit), _unshared(new, old, f.old_unit)
        quantity = _quantity(old), _quantity(new)
        if quantity[0] and quantity[1] and quantity[0][1] == quantity[1][1] and quantity[0][0] != quantity[1][0]:
            # a value changed with its unit (46か所 → 51か所): the same value raised in the
            # table and in the text is one decision, however much of the unit each edit quotes
            return ("quantity", quantity[0][0], quantity[1][0], quantity[0][1])
        o, n = key(edit_core(old)), key(edit_core(new))
        if max(len(o), len(n)) < MIN_SIGNATURE:
            return None
        if f.kind == CELL and f.column and len(o) > 40:
            return None
        return ("edit", o, n)
    return None


_QUANTITY = re.compile(r"([0-9]+(?:[.,][0-9]+)*)([^\s0-9.,、。・「」『』（）()※の]{1,3})")


def _quantity(text: str) -> tuple[str, str] | None:
    """(value, the first character of its unit) when ``text`` is a number with
    its unit and nothing else (46か所, 51か, 12.5％)."""
    m = _QUANTITY.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return (m.group(1), m.group(2)[0]) if m else None


def _unshared(text: str, other: str, other_unit: str) -> str:
    """``text`` without the words it shares with the other version's context:
    an edit quoted with the words around it on one side only (「…事務局」 →
    「…推進庁と連携し」, the old unit reading 「…事務局と連携し」) is the edit
    「…事務局」 → 「…推進庁」, the same as where other words follow."""
    at = other_unit.find(other) if other and other_unit and len(text) <= 200 else -1
    if at < 0:
        return text
    after, before = other_unit[at + len(other):], other_unit[:at]
    cut = next((m for m in range(len(text) - 1, 0, -1) if after.startswith(text[-m:])), 0)
    text = text[: len(text) - cut]
    cut = next((m for m in range(len(text) - 1, 0, -1) if before.endswith(text[:m])), 0)
    return text[cut:]


def _signature_text(f: Fact) -> str:
    sig = _signature(f)
    if sig is None:
        return ""
    if sig[0] == "quantity":
        return f"値「{sig[1]}」→「{sig[2]}」"
    if sig[0] == "edit":
        return f"「{sig[1]}」→「{sig[2]}」" if sig[1] and sig[2] else f"「{sig[1] or sig[2]}」の{'削除' if sig[1] else '追加'}"
    return f"「{sig[1]}」"


def added_tops(added: set[SectionPath]) -> set[SectionPath]:
    """The added sections not inside another added section. Looked up by
    each path's prefixes, so the work grows with the sections, not their square."""
    return {p for p in added if not any(p[:k] in added for k in range(len(p)))}


def top_of(path: SectionPath, tops: set[SectionPath]) -> SectionPath | None:
    """The top (``added_tops``) holding ``path`` or equal to it; no top is inside
    another, so there is one at most."""
    return next((path[:k] for k in range(len(path) + 1) if path[:k] in tops), None)


def group_facts(
    facts: list[Fact],
    outline: Outline,
    new_sections: frozenset[SectionPath] = frozenset(),
    renumbered: frozenset[str] = frozenset(),
    moves: "list[tuple[SectionPath, SectionPath]] | None" = None,
    comment_places: "tuple[tuple[str, tuple[SectionPath, ...]], ...]" = (),
    splits: "list[TitleSplit] | None" = None,
) -> list[_Group]:
    """Facts → row groups (rules 3 and 4 above), in document order.
    ``comment_places``: (comment id, resolved sections) of the comments answered
    反映: a wording edit repeated in places each answered to its own comment is
    one decision per place, not one row."""
    # sections added as a whole: their facts belong to the top added section
    tops = added_tops({f.section_path for f in facts if f.kind == SECTION_ADDED} | set(new_sections))

    groups: list[_Group] = []
    rest: list[Fact] = []
    by_root: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in facts:
        r = top_of(f.section_path, tops)
        if r is not None:
            by_root[r].append(f)
        else:
            rest.append(f)
    for r, fs in by_root.items():
        group = _Group(fs, r, added_root=True, paths=[r])
        # a block moved into a section added as a whole is part of that section (a split's content)
        group.echoes.update(id(f) for f in fs if f.kind == BLOCK_MOVED)
        groups.append(group)

    f_why: dict[int, str] = {}
    # repeated edits across sections
    by_sig: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    followers = reheaded_values(rest)  # the values under a column header changed alike in many tables
    for f in rest:
        s = followers[id(f)][0] if id(f) in followers else _signature(f)
        if s is not None:
            by_sig[s].append(f)
    clusters: list[tuple[frozenset[SectionPath], list[Fact]]] = []
    by_change: dict[int, list[Fact]] = defaultdict(list)
    for f in rest:
        by_change[id(f.change)].append(f)
    for s, fs in by_sig.items():
        paths = frozenset(f.section_path for f in fs)
        if len(paths) >= 2 and not _fragments(s, fs, by_change):
            clusters.append((paths, fs))
    merged: list[tuple[frozenset[SectionPath], list[Fact]]] = []
    for paths, fs in clusters:
        for i, (mp, mf) in enumerate(merged):
            inter = len(mp & paths)
            if inter >= 2 and inter >= 0.8 * min(len(mp), len(paths)):
                merged[i] = (mp | paths, mf + fs)
                break
        else:
            merged.append((paths, list(fs)))
    clustered: set[int] = set()
    for paths, fs in merged:
        fs = [f for f in fs if id(f) not in clustered]
        if not fs:
            continue
        answered = _separately_answered(fs, comment_places)
        if answered:
            for f in fs:  # each place stays a row of its own, with its own comment
                f_why[id(f)] = answered
            continue
        clustered.update(id(f) for f in fs)
        ordered = _ordered_unique([f.section_path for f in sorted(fs, key=lambda f: f.order)])
        anchor = _common_prefix(ordered)
        varying = _ordered_unique([p[: len(anchor) + 1] for p in ordered if len(p) > len(anchor)])
        every = every_label(anchor, [v[-1] for v in varying], outline) if len(varying) >= 2 else ""
        every = every_below(anchor, ordered, outline) or every  # 各施策 across 基本目標, not 各基本目標
        group = _Group(sorted(fs, key=lambda f: f.order), anchor, every=every, paths=ordered)
        # one decision said once: per signature one fact is summarized (a table's
        # cell first: it names the indicator), the others are its echoes (pages only)
        spoken: dict[tuple[str, ...] | None, Fact] = {}
        for f in sorted(group.facts, key=lambda f: (f.kind != CELL, f.order)):
            spoken.setdefault(_signature(f), f)
        quantity = any(sig is not None and sig[0] == "quantity" for sig in spoken)  # a table's value and the text's
        if quantity or len({(f.old, f.new) for f in group.facts}) > len(spoken):  # or quoted with other words around it
            group.echoes.update(id(f) for f in group.facts if spoken.get(_signature(f)) is not f)
        group.why.append(f"同じ変更（{_signature_text(fs[0])}）が{len(ordered)}か所にあるため一つの行")
        values = [f for f in group.facts if id(f) in followers]
        if values:  # the values follow their header: said by it, counted for pages only
            group.echoes.update(id(f) for f in values)
            group.why.append(followers[id(values[0])][1])
        groups.append(group)

    by_section: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in rest:
        if id(f) not in clustered:
            by_section[_where(f)].append(f)
    for path, fs in by_section.items():
        parts = _unrelated_parts(fs)
        for part in parts:
            group = _Group(part, path, paths=[path])
            group.why.extend(_ordered_unique([f_why[id(f)] for f in part if id(f) in f_why]))
            if len(parts) > 1 and part is not parts[0]:
                group.why.append("同じ節の他の変更と別の名称（" + "、".join(f"「{n}」" for n in sorted(_names_of(part))[:3])
                                 + "）を加える・除く文のため別の行")
            groups.append(group)
    _absorb_mentions(groups)
    regroup(groups, renumbered, moves, splits)
    groups.sort(key=lambda g: min(f.order for f in g.facts))
    return groups


def _fragments(sig: tuple[str, ...], fs: list[Fact], by_change: "dict[int, list[Fact]]") -> bool:
    """Whether a repeated edit is only a shared fragment of different rewrites:
    in every place its sentence was also rewritten otherwise, and the other
    edits differ between the places (「国では、…法の改正に向けた検討が進められて
    います」 → 「令和7年11月に…法が改正され、…」 for two different laws: the
    common 「国では」→「令和7年11月に」 is no decision of its own)."""
    if sig[0] != "edit":
        return False
    others: list[frozenset[tuple[str, ...] | None]] = []
    for f in fs:
        unit = f.new_unit or f.old_unit
        rest = [g for g in by_change[id(f.change)] if g is not f and (g.new_unit or g.old_unit) == unit and unit]
        if not rest:
            return False
        others.append(frozenset(_signature(g) or (g.kind, key(g.old), key(g.new)) for g in rest))
    return not frozenset.intersection(*others)


REPEATED_TABLES = 3  # tables whose header changed alike before their values count as one update
_VALUE = re.compile(r"[-−△▲]?[0-9]+(?:[.,][0-9]+)*[%％]?")


def _header_edit(f: Fact) -> bool:
    """A table's column header itself rewritten (現状値（令和5年度） → 現状値（令和6年度））."""
    return f.kind == CELL and not f.row_key and bool(f.column) and key(f.new) == key(f.column) and bool(f.old)


def reheaded_values(facts: list[Fact]) -> dict[int, tuple[tuple[str, ...], str]]:
    """Value cells that follow a column header rewritten the same way in at least
    ``REPEATED_TABLES`` tables (the year of a 現状値 column moved on in every
    成果指標 table, its figures updated with it): fact id → (the header edit's
    signature, the evidence). A statistic of repetition — the same header edit
    in many tables — not a word: one decision, said once, not a row per table.
    Only figures follow (a number replaced by a number in that column); a
    changed wording in the column stays a change of its own."""
    headers: dict[tuple[str, ...], dict[tuple[SectionPath, str], Fact]] = defaultdict(dict)
    for f in facts:
        sig = _signature(f) if _header_edit(f) else None
        if sig is not None:
            headers[sig].setdefault((f.section_path, key(f.column)), f)
    column_of: dict[tuple[SectionPath, str], tuple[tuple[str, ...], str]] = {}
    for sig, columns in headers.items():
        tables = {path for path, _ in columns}
        if len(tables) < REPEATED_TABLES:
            continue
        sample = next(iter(columns.values()))
        why = (f"列の見出しが{len(tables)}か所の表で同じく変わり（「{sample.old}」→「{sample.new}」）、"
               f"その列の数値も併せて更新されているため一つの行")
        for place in columns:
            column_of.setdefault(place, (sig, why))
    out: dict[int, tuple[tuple[str, ...], str]] = {}
    if not column_of:
        return out
    for f in facts:
        if f.kind != CELL or not f.row_key or _header_edit(f):
            continue
        follows = column_of.get((f.section_path, key(f.column)))
        if follows and _VALUE.fullmatch(key(f.old)) and _VALUE.fullmatch(key(f.new)):
            out[id(f)] = follows
    return out


_DIGIT_OR_NAME = re.compile(r"[0-9０-９「」『』]|(?:令和|平成|昭和)")


def _keyed(path: SectionPath) -> tuple[str, ...]:
    return tuple(key(h) for h in path)


def _separately_answered(fs: list[Fact], comment_places: "tuple[tuple[str, tuple[SectionPath, ...]], ...]") -> str:
    """Why the places of one repeated edit are separate decisions ("" when they
    are one): the edit is wording (no number, date or 「」 name — a law or plan
    revised and quoted twice stays one row), and at least two of its places are
    each answered to a comment that resolves to that place and not the other."""
    sig = _signature(fs[0])
    if sig is None or sig[0] != "edit" or _DIGIT_OR_NAME.search(sig[1] + sig[2]) or not comment_places:
        return ""
    places = _ordered_unique([f.section_path for f in fs])
    depth = len(_common_prefix(places)) + 1
    tied: list[frozenset[str]] = []
    for place in places:
        homes = {_keyed(p[:depth]) for f in fs if f.section_path == place
                 for p in (f.section_path, f.change.old_section_path) if len(p) >= depth}
        tied.append(frozenset(cid for cid, paths in comment_places
                              if any(len(cp) >= depth and _keyed(cp[:depth]) in homes for cp in paths)))
    for i, a in enumerate(tied):
        for b in tied[i + 1:]:
            if a and b and not (a & b):
                return (f"同じ文言の変更（{_signature_text(fs[0])}）でも、箇所ごとに別の意見"
                        f"（{'・'.join(sorted(a))}／{'・'.join(sorted(b))}）に答える変更のため別の行")
    return ""


_NAME = re.compile(r"「([^「」]{2,40})」")
_SENTENCE_END_CHARS = "。．！？"


def _names_of(facts: list[Fact]) -> set[str]:
    return {key(n) for f in facts for n in _NAME.findall(f.new + "\n" + f.old)}


def _standalone(f: Fact) -> bool:
    """A fact that adds or removes whole sentences naming something in 「」 (a
    new service, a programme): a decision of its own, whatever else changed in
    its section."""
    if f.kind not in (TEXT, BLOCK_ADDED, BLOCK_DELETED) or f.polarity not in ("+", "-"):
        return False
    text = (f.new if f.polarity == "+" else f.old).strip()
    return bool(text) and text[-1] in _SENTENCE_END_CHARS and bool(_NAME.search(text))


def _unrelated_parts(facts: list[Fact]) -> list[list[Fact]]:
    """The facts of one section as the decisions they belong to: sentences added
    or removed that name different things in 「」 (two services announced, one
    programme dropped) are one row each; every other fact, and a standalone one
    whose name the others mention, stay together."""
    rest = [f for f in facts if not _standalone(f)]
    alone = [f for f in facts if _standalone(f)]
    if len(facts) < 2 or not alone or (len(alone) == 1 and not rest):
        return [facts]
    rest_text = key("\n".join(f.new + "\n" + f.old + "\n" + f.new_unit + "\n" + f.old_unit for f in rest))
    parts: list[list[Fact]] = []
    for f in alone:
        names = _names_of([f])
        if any(n in rest_text for n in names):
            rest.append(f)
            continue
        home = next((p for p in parts if names & _names_of(p)), None)
        if home is not None:
            home.append(f)
        else:
            parts.append([f])
    out = ([sorted(rest, key=lambda f: f.order)] if rest else []) + parts
    out.sort(key=lambda p: min(f.order for f in p))
    return out


def _absorb_mentions(groups: list[_Group]) -> None:
    """An added section announced elsewhere (its line added to the 施策体系 table)
    is one change: the announcement joins the section's row, its page does not."""
    for a in [g for g in groups if g.added_root]:
        title = key(heading_title(a.anchor[-1]))
        if len(title) < MIN_SIGNATURE:
            continue
        for g in list(groups):
            if g is a or g.added_root or g.every:
                continue
            if all(f.polarity == "+" and title in key(f.new) for f in g.facts):
                a.facts = sorted(a.facts + g.facts, key=lambda f: f.order)
                a.mentions.update(id(f) for f in g.facts)
                a.paths = _ordered_unique(a.paths + g.paths)
                a.why.append(f"追加された「{heading_title(a.anchor[-1])}」を他の箇所（表・一覧）で示す追加のため一つの行")
                groups.remove(g)


_TERM = re.compile(r"[\u30a1-\u30faー]{4,}|[\u4e00-\u9fff々]{4,}|[A-Za-z][A-Za-z0-9]{2,}")


def _terms(text: str) -> set[str]:
    """Content words: katakana or kanji runs of four or more, latin words of
    three or more (numbers and dates are not terms)."""
    return set(_TERM.findall(unicodedata.normalize("NFKC", text)))


def merge_by_new_terms(groups: list[_Group], old_doc: Document | None) -> list[_Group]:
    """Rows in sibling sections (one 施策's 現状と課題 and 取組内容) that bring in
    the same new term — a word the old version of their parent never used — are
    one change with one purpose: one row under the parent."""
    if old_doc is None:
        return groups
    out: list[_Group] = []
    near: dict[SectionPath, list[int]] = defaultdict(list)  # anchor and its parent → groups of out there

    def keep(pos: int) -> None:
        near[out[pos].anchor].append(pos)
        near[out[pos].anchor[:-1]].append(pos)

    for g in groups:
        if g.every or g.added_root or len(g.paths) != 1 or len(g.anchor) < 2:
            out.append(g)
            keep(len(out) - 1)
            continue
        mine = _terms(" ".join(f.new for f in g.facts)) | _terms(" ".join(f.old for f in g.facts if f.polarity == "-"))
        merged = False
        for pos in sorted(set(near.get(g.anchor[:-1], ()))):  # the groups beside g or at its parent, in order
            h = out[pos]
            if h.every or h.added_root or len(h.anchor) < 2 or h.anchor[:-1] != g.anchor[:-1] and h.anchor != g.anchor[:-1]:
                continue
            parent = g.anchor[:-1]
            theirs = _terms(" ".join(f.new for f in h.facts)) | _terms(" ".join(f.old for f in h.facts if f.polarity == "-"))
            old_paths = [f.change.old_section_path for f in g.facts if len(f.change.old_section_path) >= 2]
            old_parent = old_doc.find(old_paths[0][:-1]) if old_paths else None
            if old_parent is None:
                continue
            known = _terms(_subtree_text(old_parent))
            shared = {t for t in (mine & theirs) if t not in known}
            if shared:
                h.why.append("同じ新しい語（" + "、".join(f"「{t}」" for t in sorted(shared)[:3]) + "）を導入する隣の節の変更のため一つの行")
                h.facts = sorted(h.facts + g.facts, key=lambda f: f.order)
                h.paths = _ordered_unique(h.paths + g.paths)
                h.anchor = parent
                keep(pos)
                merged = True
                break
        if not merged:
            out.append(g)
            keep(len(out) - 1)
    return out


def _subtree_text(section: object) -> str:
    parts = [getattr(b, "text", "") for b in getattr(section, "blocks", ())]
    for child in getattr(section, "children", ()):
        parts.append(getattr(child, "heading", ""))
        parts.append(_subtree_text(child))
    return "\n".join(parts)


# ---------------------------------------------------------------- rows


def _pages(facts: list[Fact], new_doc: Document | None, anchor: SectionPath) -> tuple[int, ...]:
    """Printed pages in the new version: the changes' own, else (a deletion) the
    first page of the section it was deleted from; never the old version's."""
    new = sorted({p for f in facts for p in fact_pages(f, new_doc)})
    if new:
        return tuple(new)
    if new_doc is not None:
        where = anchor
        while where:
            sec = new_doc.find(where)
            if sec is not None and sec.pages is not None:
                return (sec.pages.first,)
            where = where[:-1]
    return ()


def fact_pages(f: Fact, new_doc: Document | None = None) -> tuple[int, ...]:
    """The printed page(s) in 案 of one fact. A paragraph or table printed over
    several pages gives the page(s) where the fact sits: exactly when the block
    knows where it turns the page (``Block.page_breaks``), else estimated from
    its place in the block (its share of the text before it, or its row among
    the table's rows); a section added keeps its whole span."""
    pages = f.change.new_pages
    if len(pages) <= 1 or f.kind in (SECTION_ADDED, SECTION_RENAMED, SECTION_MOVED):
        return pages
    place = _fact_place(f, new_doc)
    if place is None:
        return pages
    block, start, end, share = place
    if block.page_breaks:
        return block.pages_of(start, end)
    if f.kind in (TEXT, BLOCK_ADDED) and (end - start) * 2 > len(block.text):
        return pages  # a rewrite of most of the block keeps all its pages
    return (pages[min(int(share * len(pages)), len(pages) - 1)],)


def _fact_place(f: Fact, new_doc: Document | None) -> tuple[Block, int, int, float] | None:
    """The block of 案 a fact sits in, the fact's range in its text (a table
    fact: its row's) and where it sits as a share of the block (a table fact:
    of its rows)."""
    pages = f.change.new_pages
    if new_doc is None:
        return None
    sec = new_doc.find(f.section_path)
    blocks = [b for b in (sec.blocks if sec is not None else ()) if b.pages is not None and b.pages.pages() == tuple(pages)]
    if f.kind in (CELL, ROW_ADDED, ROW_DELETED) and f.row_key:
        wanted = key(f.row_key)
        for b in blocks:
            if b.table is None or not wanted:
                continue
            lines = b.text.split("\n")
            rows = [key(" | ".join(c.text for c in r)) for r in b.table.rows]
            hit = _row_of(f, rows)
            if hit is None:
                continue
            share = (hit + 0.5) / len(rows)
            if len(lines) != len(rows):  # cells with line breaks: no offsets, the share only
                return replace(b, page_breaks=()), 0, 0, share
            start = sum(len(line) + 1 for line in lines[:hit])
            return b, start, start + max(len(lines[hit]), 1), share
    elif f.kind in (TEXT, BLOCK_ADDED) and f.change.new_text:
        text = f.change.new_text
        probe = f.new or f.new_unit
        at = text.find(probe) if probe else -1
        if at < 0:
            return None
        block = next((b for b in blocks if b.text == text), None)
        if block is None:
            block = Block(BlockKind.PARAGRAPH, text, pages=PageSpan(pages[0], pages[-1]))
        return block, at, at + len(probe), (at + len(probe) / 2) / len(text)
    return None


def _kind(facts: list[Fact]) -> ChangeKind:
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


def _row_changes(facts: list[Fact]) -> tuple[Change, ...]:
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


_STRUCTURAL_TARGET_KIND = {"split": "split", "merged": "merged", "swapped": "moved", "renamed": "renamed"}


def _old_pages(facts: list[Fact], old_doc: Document | None, structural: bool = False) -> tuple[int, ...]:
    """The 素案 pages the row's places are printed on: each changed block's pages
    and the span of the 素案 section holding it (a comment citing 「P.16」 names the
    page of the section's heading or of its text). A structural row (a 施策
    split, merged, renamed, moved) is also on the page of the heading of the
    section holding its changed parts (the 施策 itself)."""
    pages: set[int] = set()
    for f in facts:
        pages.update(f.change.old_pages)
        path = f.change.old_section_path
        if old_doc is None or not path:
            continue
        section = old_doc.find(path)
        if section is not None and section.pages is not None:
            pages.update(section.pages.pages())
        parent = old_doc.find(path[:-1]) if structural and len(path) > 1 else None
        if parent is not None and parent.pages is not None:
            pages.add(parent.pages.first)
    return tuple(sorted(pages))


def _target(row_id: str, facts: list[Fact], paths: list[SectionPath], structural: str = "",
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
    old_paths = tuple(_ordered_unique([f.change.old_section_path for f in facts if f.change.old_section_path]))
    context = "\n".join(_ordered_unique([f.new_unit for f in facts if f.new_unit]))
    # a table cell is named by its row's key and its column (「見守り活動の登録者数」「目標値」 for 43人 → 51人)
    labels = "\n".join(_ordered_unique([" ".join(x for x in (f.row_key, f.column) if x) for f in facts if f.row_key or f.column]))
    kind = _STRUCTURAL_TARGET_KIND.get(structural) or _kind(facts).value
    return RowTarget(row_id, tuple(paths), old_paths, removed, "\n".join(added_parts), context, kind,
                     _old_pages(facts, old_doc, bool(structural)), labels)


def build_changelog(
    changes: "tuple[Change, ...] | list[Change]",
    comments: "tuple[Comment, ...] | list[Comment]" = (),
    decisions: Decisions | None = None,
    new_doc: Document | None = None,
    old_doc: Document | None = None,
    style: SummaryStyle = SummaryStyle(),
) -> Changelog:
    """The whole 別紙2: rows with causes and summaries, links, warnings.
    ``style``: the ward's way of writing summaries (``[summary]`` of revtool.toml)."""
    decisions = decisions or Decisions()
    outline = Outline.of(new_doc)
    editorial = 0
    editorial_changes: list[Change] = []
    facts: list[Fact] = []
    swapped = reordered(changes) | swapped_items(changes)
    consequences = renumbering_consequences(changes, swapped)
    for idx, ch in enumerate(changes):
        if ch.id in consequences and ch.id not in decisions.substantive:
            continue
        verdict = reportable(ch, decisions, swapped)
        if verdict is False:
            editorial += 1
            editorial_changes.append(ch)
            continue
        if verdict is None:
            continue
        blocks = _blocks(new_doc, ch.section_path) + _blocks(old_doc, ch.old_section_path)
        facts.extend(with_table_context(f, blocks) for f in facts_of(ch, idx) if not _noise(f))
    if any(f.kind == BLOCK_MOVED for f in facts) and old_doc is not None and new_doc is not None:
        kept = _title_paths(old_doc), _title_paths(new_doc)
        facts = [f for f in facts if f.kind != BLOCK_MOVED or _between_kept_sections(f, *kept)]
    new_sections = _new_sections(facts, old_doc)
    moves = block_moves(changes, old_doc, new_doc)
    groups = merge_by_new_terms(
        group_facts(facts, outline, new_sections, renumbered_titles(old_doc, new_doc), moves,
                    tuple((c.id, c.resolved_section_paths) for c in comments
                          if c.response_type == ResponseType.REFLECTED and c.resolved_section_paths),
                    title_splits(old_doc, new_doc)), old_doc
    )

    drafts: list[tuple[str, _Group]] = [(f"R{i}", g) for i, g in enumerate(groups, 1)]
    targets = [_target(rid, g.facts, g.paths, g.structural, old_doc) for rid, g in drafts]
    comment_list = list(comments)
    # a 反映 answer quoting the very words of a 文言整理 in its section
    # (「…に統一いたします」) was answered by that edit: no row of its own to link
    editorial_index = EditorialIndex(editorial_changes)
    by_editorial = {c.id for c in comment_list if c.response_type == ResponseType.REFLECTED
                    and _QUOTE.search(c.response) and answered_by_editorial(c, editorial_index)}
    named = {c for c, _ in decisions.confirmed + decisions.rejected} | set(decisions.cites)
    units, followers = link_units(comment_list, named)  # a 同趣旨 group is scored once
    # a 反映 answer to a wording comment (「施索」は誤記ではないか → 修文いたします) whose own
    # section holds the 文言整理 that answers it: a row elsewhere links only when named
    wording = editorial_answers([c for c in units if c.id not in by_editorial and c.id not in named],
                                editorial_index)
    by_target = {t.row_id: t for t in targets}
    scored, unlinked = [], []
    for s in score_pairs(targets, units, decisions.cites):
        if s.comment_id in by_editorial:
            continue
        answer = wording.get(s.comment_id)
        if answer is None or keep_pair(s, answer, by_target[s.row_id]):
            scored.append(s)
        else:
            unlinked.append(replace(s, evidence=s.evidence + f"、{UNLINKED_MARK}{answer.why}"))
    links = choose_links(scored, decisions.cites, decisions.confirmed, decisions.rejected,
                         {c.id: c.response for c in units})
    links = spread_group_links(links, units, named | {c for c, _ in decisions.rejected})
    scored += unlinked
    if followers:
        links = expand_links(links, followers, comment_list)

    rows: list[ChangeRow] = []
    excluded: list[str] = []
    by_id = {c.id: c for c in comment_list}
    marks = MarkIndex.of(old_doc, new_doc)  # quotes never carry a footnote mark (制度的補完性118にも)
    # each row's links, in the links' order: cause_for reads only its row's (one pass, not one per row)
    links_of: dict[str, list[Link]] = {}
    for link in links:
        links_of.setdefault(link.row_id, []).append(link)
    # what the old version already cites and dates: a revision it could cite is no news
    prior = prior_of(full_text(old_doc)) if old_doc is not None and drafts else None
    for (rid, g), target in zip(drafts, targets):
        dec = decisions.row(rid)
        if dec.exclude:
            excluded.append(rid)
            continue
        external = detect_external(target.added, target.context, target.removed, prior) \
            or replaced_reference(target.removed, target.added)
        removed_items = [x for f in g.facts for x in _changed_items(f.old, f.new)[0]]
        added_items = [x for f in g.facts for x in _changed_items(f.old, f.new)[1]]
        organisation = organisation_only(removed_items, added_items)
        national = organisation and national_organisation(removed_items, added_items)
        cause = _cause(rid, tuple(links_of.get(rid, ())), external, organisation, dec, national)
        linked = sorted(
            (by_id[c] for c in cause.comment_ids if c in by_id),
            key=lambda c: (c.response_type != ResponseType.REFLECTED, c.row),
        )
        listed_pages, listed_in = _order_echoes(g, old_doc, new_doc)
        if listed_in:
            g.paths = _ordered_unique(g.paths + listed_in)
            g.why.append("入れ替えた二つの名称が" + "・".join(heading_title(p[-1]) for p in listed_in) + "でも順序を入れ替えて並ぶため、その箇所も一つの行")
        placed = [f for f in g.facts if id(f) not in g.mentions]
        own = [f for f in placed if id(f) not in g.echoes]
        ext = external if cause.type == CauseType.EXTERNAL else None
        rows.append(
            ChangeRow(
                id=rid,
                item=dec.item or _item(g, outline),
                # a structural decision is also seen where it is announced (the 施策の体系 line of a split)
                new_pages=tuple(sorted(set(_structural_pages(g, g.facts, new_doc)) | listed_pages)) if g.structural
                else _pages(placed, new_doc, g.anchor),
                summary=dec.summary or (g.statement if g.statement and cause.type in (CauseType.INTERNAL, CauseType.UNKNOWN)
                                        and not dec.note else "")
                or summarize(marks.for_summary(own), cause.type, linked, ext, organisation, reason=dec.note, style=style, statement=g.statement),
                kind=_STRUCTURAL_KIND.get(g.structural) or _kind([f for f in g.facts if id(f) not in g.echoes]),
                section_paths=tuple(g.paths),
                changes=_row_changes(g.facts),
                cause=cause,
                page_label=g.every if g.every.startswith("各") else "",
                grouping="；".join(g.why),
            )
        )
    warnings = _warnings(rows, comment_list, links, editorial_index)
    return Changelog(tuple(rows), tuple(comment_list), links, editorial, tuple(warnings), tuple(excluded),
                     tuple(scored))


def _cause(rid: str, links: tuple[Link, ...], external: External | None, organisation: bool, dec: RowDecision,
           national: bool = False) -> Cause:
    """Staff decisions first, then linked comments, an outside revision, unknown."""
    kind, note = dec.cause, dec.note
    if kind == "internal":
        return cause_for(rid, links, None, note or "庁内での見直し（decisions.toml）")
    if kind == "unknown":
        return Cause(CauseType.UNKNOWN, (), 0.0, note)
    cause = cause_for(rid, links, external, None, organisation, national)
    if kind == "external" and cause.type != CauseType.EXTERNAL:
        return Cause(CauseType.EXTERNAL, (), 1.0, note or "外部の改定等（decisions.toml）")
    return cause


_STRUCTURAL_KIND = {"split": ChangeKind.SPLIT, "merged": ChangeKind.MERGED, "swapped": ChangeKind.MOVED, "renamed": ChangeKind.RENAMED}


def block_moves(
    changes: "tuple[Change, ...] | list[Change]", old_doc: Document | None, new_doc: Document | None
) -> list[tuple[SectionPath, SectionPath]]:
    """Blocks (or subsections) that moved to another section: (the section they
    came from, as it is named in 案, their new section). Editorial or not, a
    move tells where a new section's content came from (a split)."""
    if new_doc is None:
        return []
    by_titles = {tuple(key(heading_title(h)) for h in p): p for p, _ in new_doc.walk()}
    out: list[tuple[SectionPath, SectionPath]] = []
    for ch in changes:
        if ch.kind not in (ChangeKind.MOVED, ChangeKind.SPLIT) or not ch.old_section_path or not ch.section_path:
            continue
        if ch.block_kind == "section":
            src_old = ch.old_section_path[:-1]
        else:
            src_old = ch.old_section_path
        src = by_titles.get(tuple(key(heading_title(h)) for h in src_old))
        if src is not None and src != ch.section_path[: len(src)]:
            out.append((src, ch.section_path))
    return out


def renumbered_titles(old_doc: Document | None, new_doc: Document | None) -> frozenset[str]:
    """Titles of sections that kept their name but not their number (the
    施策 after a split or a merge): their lines elsewhere are consequences."""
    if old_doc is None or new_doc is None:
        return frozenset()
    # by numbering scheme: 「第３節　X」 and 「（２）X」 are two headings, not one title with two numbers
    scheme = lambda number: re.sub(r"[0-9０-９]+", "#", number)  # noqa: E731
    numbers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p, _ in old_doc.walk():
        number = key(heading_number(p[-1]))
        numbers[(key(heading_title(p[-1])), scheme(number))].add(number)
    out: set[str] = set()
    for p, _ in new_doc.walk():
        title, number = key(heading_title(p[-1])), key(heading_number(p[-1]))
        olds = numbers.get((title, scheme(number)), set())
        if len(title) >= MIN_SIGNATURE and number and olds and number not in olds and len(olds) == 1:
            out.add(title)
    return frozenset(out)


def _structural_pages(g: _Group, facts: list[Fact], new_doc: Document | None) -> tuple[int, ...]:
    """A structural decision is seen on the headings it moved, renamed, split
    or merged (their first page in 案) and wherever it is echoed (the 施策の体系
    table); not on every page of the sections involved."""
    pages: set[int] = set()
    for path in g.heading_paths:
        sec = new_doc.find(path) if new_doc is not None else None
        if sec is not None and sec.pages is not None:
            pages.add(sec.pages.first)
        else:  # the section's pages unknown: its heading change's own first page
            pages.update(f.change.new_pages[0] for f in facts if f.section_path == path and f.change.new_pages
                         and f.kind in (SECTION_RENAMED, SECTION_MOVED, SECTION_ADDED))
    for path in g.cut_paths:
        sec = new_doc.find(path) if new_doc is not None else None
        cut = _cut_page(sec, [f for f in facts if f.section_path == path and f.polarity == "-"]) if sec is not None else None
        if cut is not None:
            pages.add(cut)
        elif sec is not None and sec.pages is not None:
            pages.add(sec.pages.last)
    for f in facts:
        inside = any(f.section_path[: len(h)] == h for h in g.heading_paths)
        if not inside or not g.heading_paths:
            pages.update(f.change.new_pages[:1] if f.kind in (SECTION_RENAMED, SECTION_MOVED) else fact_pages(f, new_doc))
    return tuple(sorted(pages)) or _pages(facts, new_doc, g.anchor)


def _order_echoes(g: _Group, old_doc: Document | None, new_doc: Document | None) -> tuple[set[int], list[SectionPath]]:
    """Where two swapped sections are listed elsewhere in the opposite order
    from 素案 (the lines of the 施策の体系 table): pages of those lines and the
    sections holding them. A table whose rows only traded places has no
    changed cell, so no fact says so."""
    if g.structural != "swapped" or old_doc is None or new_doc is None or len(g.heading_paths) < 2:
        return set(), []
    titles = [heading_title(p[-1]) for p in g.heading_paths[:2]]
    if any(len(key(t)) < MIN_SIGNATURE for t in titles):
        return set(), []
    swapped = g.heading_paths[:2]

    def listings(doc: Document) -> list[tuple[SectionPath, Block, int, int]]:
        out = []
        for path, sec in doc.walk():
            if any(path[: len(h)] == h for h in swapped):
                continue
            for b in sec.blocks:
                a, c = b.text.find(titles[0]), b.text.find(titles[1])
                if a >= 0 and c >= 0:
                    out.append((path, b, a, c))
        return out

    old_order: dict[SectionPath, bool] = {}
    for p, _, a, c in listings(old_doc):
        old_order.setdefault(p, a < c)
    pages: set[int] = set()
    paths: list[SectionPath] = []
    for path, b, a, c in listings(new_doc):
        before = old_order.get(path)
        if before is None or before == (a < c) or b.pages is None:
            continue
        for at, title in ((a, titles[0]), (c, titles[1])):
            if b.page_breaks:
                pages.update(b.pages_of(at, at + len(title)))
            else:  # estimated from its place in the block
                span = b.pages.pages()
                pages.add(span[min(int(at / max(len(b.text), 1) * len(span)), len(span) - 1)])
        paths.append(path)
    return pages, paths


def _row_of(f: Fact, rows: list[str]) -> int | None:
    """The row of 案's table a table fact stands on (``rows``: each row's key,
    cells joined by ``|``): an added row by its whole text, a cell by its row
    key; a deleted row where the surviving row most like it stands (a renamed
    施策's old line next to its new one, a merged 施策's line by the merged one)."""
    wanted = key(f.row_key)
    if f.kind == ROW_ADDED:
        whole = key(f.new)
        hit = next((i for i, k in enumerate(rows) if k == whole), None)
        if hit is not None:
            return hit
    if f.kind == ROW_DELETED:
        gone = key(f.old)
        scored = [(SequenceMatcher(None, gone, k, autojunk=False).ratio(), -i) for i, k in enumerate(rows) if wanted in k]
        best = max(scored, default=None)
        return -best[1] if best is not None and best[0] >= 0.5 else None
    return next((i for i, k in enumerate(rows) if wanted in k), None)


_INDEX = re.compile(r"([0-9]+)$")


def _cut_page(sec: Section, cuts: list[Fact]) -> int | None:
    """The page of 案 where a section lost the blocks ``cuts`` deleted: the page of
    the block that now stands where the first of them stood (the one before it
    among the blocks of its kind, by the deleted block's number), else the page
    of the section's last block."""
    for f in cuts:
        m = _INDEX.search(f.change.location)
        kin = [b for b in sec.blocks if str(b.kind) == f.change.block_kind and b.pages is not None]
        if m is None or not kin:
            continue
        before = kin[max(0, min(int(m.group(1)) - 1, len(kin)) - 1)]
        assert before.pages is not None
        return before.pages.last
    known = [b.pages for b in sec.blocks if b.pages is not None]
    return known[-1].last if known else None


def _item(g: _Group, outline: Outline) -> str:
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


def _blocks(doc: Document | None, path: SectionPath) -> tuple[object, ...]:
    if doc is None or not path:
        return ()
    sec = doc.find(path)
    return sec.blocks if sec is not None else ()


def _title_paths(doc: Document) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(key(heading_title(h)) for h in p) for p, _ in doc.walk())


def _between_kept_sections(f: Fact, old_titles: frozenset[tuple[str, ...]], new_titles: frozenset[tuple[str, ...]]) -> bool:
    """A block moved is a change of its own only between sections that are in
    both versions (``*_titles``: their heading paths without numbers): out of a
    section still in 案 (not one renamed, merged or deleted: its content went
    with it) and into one already in 素案 (not a section added, a split, whose
    content it is)."""
    src = tuple(key(heading_title(h)) for h in f.change.old_section_path)
    dst = tuple(key(heading_title(h)) for h in f.change.section_path)
    return src in new_titles and dst in old_titles


def _noise(f: Fact) -> bool:
    """A fact that is only numbering or whitespace."""
    if f.kind in (TEXT, CELL):
        return key(f.old) == key(f.new)
    return False


def _new_sections(facts: list[Fact], old_doc: Document | None) -> frozenset[SectionPath]:
    """Sections of the new version that did not exist in the old one."""
    out: set[SectionPath] = set()
    by_path: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in facts:
        by_path[f.section_path].append(f)
    if old_doc is not None:
        old_keys = {tuple(key(heading_title(h)) for h in p) for p, _ in old_doc.walk()}
        old_titles = {key(heading_title(p[-1])) for p, _ in old_doc.walk()}
        for p, fs in by_path.items():
            if p and tuple(key(heading_title(h)) for h in p) not in old_keys and key(heading_title(p[-1])) not in old_titles:
                if all(g.polarity == "+" for g in fs):
                    out.add(p)
    else:
        for p, fs in by_path.items():
            if p and all(f.polarity == "+" and not f.change.old_section_path for f in fs):
                out.add(p)
    return frozenset(out)


def _changed_items(old: str, new: str) -> tuple[list[str], list[str]]:
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


def _warnings(
    rows: list[ChangeRow], comments: list[Comment], links: tuple[Link, ...],
    editorial: "list[Change] | EditorialIndex | None" = None,
) -> list[ChangelogWarning]:
    out: list[ChangelogWarning] = []
    shown = {r.id for r in rows}
    linked = {l.comment_id for l in links if l.row_id in shown}
    for c in comments:
        if not c.resolved_section_paths:
            out.append(
                ChangelogWarning(
                    "unresolved-comment",
                    f"{c.id}: 素案該当箇所「{c.ref}」に当たる節が見つかりません。",
                    comment_id=c.id,
                )
            )
        if c.response_type == ResponseType.REFLECTED and c.id not in linked and not answered_by_editorial(c, editorial or []):
            out.append(
                ChangelogWarning(
                    "reflected-without-change",
                    f"{c.id}: 回答（考え方）は「反映」ですが、対応する変更が案に見つかりません。",
                    comment_id=c.id,
                )
            )
    for r in rows:
        if r.cause.type == CauseType.UNKNOWN:
            out.append(
                ChangelogWarning(
                    "unknown-cause",
                    f"{r.id}: {r.item} の変更の理由（意見・外部の改定等）が見つかりません。decisions.toml で指定してください。",
                    row_id=r.id,
                )
            )
    return out
