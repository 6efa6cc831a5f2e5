"""Facts grouped into the rows of 別紙2 (``group_facts``): the same edit
repeated in several sections is one row, groups repeated over the same
sections merge, every other fact joins the row of its section (or of the
section added as a whole around it); groups that share terms new to the plan
merge (``merge_by_new_terms``). Each grouping keeps its reason. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import NamedTuple

from revtool.changes.facts import (
    BLOCK_ADDED,
    BLOCK_DELETED,
    BLOCK_MOVED,
    CELL,
    COLUMN_ADDED,
    COLUMN_DELETED,
    ROW_ADDED,
    SECTION_ADDED,
    SECTION_RENAMED,
    TEXT,
    Fact,
    key,
)
from revtool.changes.text_spans import edit_core, text_spans
from revtool.changes.headings import bare_title, heading_number, heading_title, path_key
from revtool.changes.item import Outline, every_below, every_label
from revtool.changes.group import (
    Group,
    parents_named,
    common_prefix,
    ordered_unique,
    where,
)
from revtool.changes.summary_text import DATED_NOTE, one_line
from revtool.changes.title_splits import TitleSplit
from revtool.changes.structure import regroup
from revtool.changes.promises import QUOTED, promised_objects
from revtool.changes.refreshed_column import header_edit, refresh_said, refreshed_column
from revtool.changes.row_splits import split_row
from revtool.model import Change, ChangeKind, Comment, Document, SectionPath
from revtool.text_chars import ASCII_ALNUM, KANJI, KATAKANA, LATIN


MIN_SIGNATURE = 4  # characters an edit needs before its repetition groups sections


class AnsweredComment(NamedTuple):
    """A comment answered 反映 as the grouping reads it: where it resolves, its
    opinion and answer (keyed) and what its answer quotes or promises (keyed)."""
    id: str
    paths: tuple[SectionPath, ...]
    words: str
    quoted: tuple[str, ...]


def answered_comment(c: Comment) -> AnsweredComment:
    quoted = QUOTED.findall(c.response) + promised_objects(c.response)
    return AnsweredComment(c.id, c.resolved_section_paths, key(c.opinion + "\n" + c.response),
                           tuple(ordered_unique(key(q) for q in quoted)))


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
    comment_places: "tuple[AnsweredComment, ...]" = (),
    splits: "list[TitleSplit] | None" = None,
) -> list[Group]:
    """Facts → row groups (rules 3 and 4 above), in document order.
    ``comment_places``: the comments answered 反映 (``answered_comment``): a
    wording edit repeated in places each answered to its own comment about that
    very wording is one decision per place, not one row."""
    # sections added as a whole: their facts belong to the top added section
    tops = added_tops({f.section_path for f in facts if f.kind == SECTION_ADDED} | set(new_sections))

    groups: list[Group] = []
    rest: list[Fact] = []
    by_root: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in facts:
        r = top_of(f.section_path, tops)
        if r is not None:
            by_root[r].append(f)
        else:
            rest.append(f)
    for r, fs in by_root.items():
        group = Group(fs, r, added_root=True, paths=[r])
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
        answered, note = _separately_answered(fs, comment_places)
        if answered:
            for f in fs:  # each place stays a row of its own, with its own comment
                f_why[id(f)] = answered
            continue
        clustered.update(id(f) for f in fs)
        ordered = ordered_unique([f.section_path for f in sorted(fs, key=lambda f: f.order)])
        anchor = common_prefix(ordered)
        varying = ordered_unique([p[: len(anchor) + 1] for p in ordered if len(p) > len(anchor)])
        every = every_label(anchor, [v[-1] for v in varying], outline) if len(varying) >= 2 else ""
        every = every_below(anchor, ordered, outline) or every  # 各施策 across 基本目標, not 各基本目標
        group = Group(sorted(fs, key=lambda f: f.order), anchor, every=every, paths=ordered)
        # one decision said once: per signature one fact is summarized (a table's
        # cell first: it names the indicator), the others are its echoes (pages only)
        spoken: dict[tuple[str, ...] | None, Fact] = {}
        for f in sorted(group.facts, key=lambda f: (f.kind != CELL, f.order)):
            spoken.setdefault(_signature(f), f)
        quantity = any(sig is not None and sig[0] == "quantity" for sig in spoken)  # a table's value and the text's
        if quantity or len({(f.old, f.new) for f in group.facts}) > len(spoken):  # or quoted with other words around it
            group.echoes.update(id(f) for f in group.facts if spoken.get(_signature(f)) is not f)
        group.why.append(f"同じ変更（{_signature_text(fs[0])}）が{len(ordered)}か所にあるため一つの行")
        if note:
            group.why.append(note)
        group.statement = _said_once(group.facts, len(ordered))
        values = [f for f in group.facts if id(f) in followers]
        if values:  # the values follow their header: said by it, counted for pages only
            group.echoes.update(id(f) for f in values)
            group.why.append(followers[id(values[0])][1])
            group.statement = group.statement or _reheaded_statement(group.facts, values, ordered, anchor)
        groups.append(group)

    by_section: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in rest:
        if id(f) not in clustered:
            by_section[where(f)].append(f)
    for path, fs in by_section.items():
        parts = _unrelated_parts(fs)
        for part in parts:
            first = part is parts[0]
            part, refreshed, own = refreshed_column(part)
            if refreshed:  # a column's date moved on beside other edits of the table: its own row
                group = Group(refreshed, path, paths=[path], own_update=own,
                              statement=refresh_said(refreshed, heading_title(path[-1]) if path else ""))
                group.why.append("列の見出しの時点とその列の数値の更新（「" + refreshed[0].old.strip() + "」→「"
                                 + refreshed[0].new.strip() + "」）は、同じ表の他の変更と別の決定のため別の行")
                groups.append(group)
            part, split, counts, said = split_row(part)
            if split:  # a table row split in two beside other edits of the section: its own row
                group = Group(split, path, paths=[path], structural="split", statement=said)
                group.echoes.update(id(f) for f in counts)
                group.why.append("表の行の分割（「" + split[0].change.old_text.strip()[:30] + "」を二つの行に分けたもの）は、"
                                 "同じ節の他の変更と別の決定のため別の行" + ("。本文の件数の変更はその結果" if counts else ""))
                groups.append(group)
            entries, values = entries_and_values(part)
            renamed, figures = ([], []) if values else renamed_and_figures(part)
            if figures:
                entries, values = renamed, figures
            for piece in ([entries, values] if values else [part]):
                group = Group(piece, path, paths=[path])
                group.why.extend(ordered_unique([f_why[id(f)] for f in piece if id(f) in f_why]))
                if len(parts) > 1 and not first:
                    group.why.append("同じ節の他の変更と別の名称（" + "、".join(f"「{n}」" for n in sorted(_names_of(part))[:3])
                                     + "）を加える・除く文のため別の行")
                if piece is values and figures:
                    group.why.append(f"見出しの名称の変更と、表の値の変更（{len(figures)}か所）は別の決定のため別の行")
                elif piece is values:
                    group.why.append("表に加えた行（" + "、".join(f"「{f.row_key}」" for f in entries if f.kind == ROW_ADDED)
                                     + "）と、既にあった行（" + "、".join(ordered_unique(f"「{f.row_key}」" for f in values))
                                     + "）の値の変更は別の決定のため別の行")
                groups.append(group)
    _absorb_mentions(groups)
    regroup(groups, renumbered, moves, splits)
    groups.sort(key=lambda g: min(f.order for f in g.facts))
    return groups


def _said_once(facts: list[Fact], places: int) -> str:
    """The words of one edit repeated word for word in the cells of many tables
    (a 課 renamed in every 事業一覧: 担当課を「高齢介護課」から「長寿支援課」に変更),
    said once instead of cell by cell; "" for any other repeated edit."""
    if places < REPEATED_TABLES or len({(key(f.old), key(f.new)) for f in facts}) != 1 or not facts[0].old or not facts[0].new:
        return ""
    columns = {f.column for f in facts if f.kind == CELL}
    if not columns or any(f.kind == CELL and not f.row_key for f in facts):
        return ""  # a column header rewritten is said by its own rule (reheaded_values)
    old, new = facts[0].old.strip(), facts[0].new.strip()
    (column,) = columns if len(columns) == 1 else ("",)
    return f"{column}を「{old}」から「{new}」に変更" if column else f"「{old}」を「{new}」に変更"


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


def reheaded_values(facts: list[Fact]) -> dict[int, tuple[tuple[str, ...], str]]:
    """Value cells that follow a column header rewritten the same way in at least
    ``REPEATED_TABLES`` tables (the year of a 現状値 column moved on in every
    成果指標 table, its figures updated with it): fact id → (the header edit's
    signature, the evidence). A statistic of repetition — the same header edit
    in many tables — not a word: one decision, said once, not a row per table.
    Only figures follow (a number replaced by a number in that column, with
    its unit whatever it is: 42.0ha, 812万人, 5.8㎡, 12地区); a changed wording
    in the column stays a change of its own."""
    headers: dict[tuple[str, ...], dict[tuple[SectionPath, str], Fact]] = defaultdict(dict)
    for f in facts:
        sig = _signature(f) if header_edit(f) else None
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
        if f.kind != CELL or not f.row_key or header_edit(f):
            continue
        follows = column_of.get((f.section_path, key(f.column)))
        if follows and ((_VALUE.fullmatch(key(f.old)) and _VALUE.fullmatch(key(f.new))) or _figure_edit(f)):
            out[id(f)] = follows
    return out


def _reheaded_statement(facts: list[Fact], values: list[Fact], places: list[SectionPath], anchor: SectionPath) -> str:
    """The decision in one sentence when a column header moved on in the tables
    of sections of different names (the 数値目標 of each 分野) and its figures
    with it: the tables said as the tables of their common section, the date
    the column now stands at, one figure old → new (分野別の方針の各表の現状値を
    令和5年度から令和6年度の値に更新（都市計画道路の整備率 61.5％ → 61.8％ほか）),
    its row named with its table's section when every table has such a row
    (１号認定の量の見込み（人） 1,044 → 1,103).
    "" when the places share one name (each 施策's 成果指標: the header's own
    clause names them) or the header is no dated column."""
    if len({key(heading_title(p[-1])) for p in places if p}) < 2:
        return ""
    header = next((f for f in facts if header_edit(f)), None)
    if header is None:
        return ""
    a, b = DATED_NOTE.match(one_line(header.old)), DATED_NOTE.match(one_line(header.new))
    if not a or not b or key(a.group(1)) != key(b.group(1)) or key(a.group(2)) == key(b.group(2)):
        return ""
    tables = f"{heading_title(anchor[-1])}の各表の" if anchor else "各表の"
    sample = min(values, key=lambda f: f.order)
    label = sample.row_key.strip()
    if sum(key(f.row_key) == key(label) for f in values) > 1 and sample.section_path:
        label = f"{heading_title(sample.section_path[-1])}の{label}"  # every table has that row: say whose
    example = f"（{label} {sample.old.strip()} → {sample.new.strip()}" + ("ほか）" if len(values) > 1 else "）")
    return f"{tables}{b.group(1).strip()}を{a.group(2)}から{b.group(2)}の値に更新{example}"


_DIGIT_OR_NAME = re.compile(r"[0-9０-９「」『』]|(?:令和|平成|昭和)")


def _keyed(path: SectionPath) -> tuple[str, ...]:
    return tuple(key(h) for h in path)


def _answered_at(place: SectionPath, fs: list[Fact], comment_places: "tuple[tuple[str, tuple[SectionPath, ...]], ...]",
                 depth: int) -> bool:
    """Whether a comment answered 反映 resolves to ``place`` itself, a section
    inside it or one of its parents below the edit's common part (``depth``)."""
    mine = {_keyed(p) for f in fs if f.section_path == place for p in (f.section_path, f.change.old_section_path) if p}
    return any(len(cp) >= depth and any(k[: len(cp)] == _keyed(cp) or _keyed(cp)[: len(k)] == k for k in mine)
               for _, paths in comment_places for cp in paths)


def _about_edit(sig: tuple[str, ...], words: str, quoted: tuple[str, ...]) -> bool:
    """Whether a comment is about the repeated edit ``sig`` itself: its opinion
    or answer (``words``, keyed) names the old or the new wording, or what its
    answer quotes or promises (``quoted``, keyed) is a part of that wording
    (「「創設します」と改めます」 for 「創設を検討します」→「創設します」). A comment
    answered 反映 in the place for another edit there is not."""
    wording = [w for w in sig[1:3] if len(w) >= _NAMED]
    return any(w in words for w in wording) or any(len(q) >= _NAMED and any(q in w for w in wording) for q in quoted)


_NAMED = 3  # characters of a wording (or of a quote of it) a comment names: a 課 (企画課) at least


def _separately_answered(fs: list[Fact], comment_places: "tuple[AnsweredComment, ...]") -> tuple[str, str]:
    """Why the places of one repeated edit are separate decisions, and a note
    for the one row when they are not: ("", "") when no comment bears on it.
    Separate: the edit is wording (no number, date or 「」 name — a law or plan
    revised and quoted twice stays one row), every place of it is answered to a
    comment about this very edit (``_about_edit``) that resolves there (that
    section, one inside it or one of its parents), and at least two places to
    such comments that resolve to one and not the other. A place no such
    comment answers shows the edit made throughout by the plan itself (the
    secretariat renamed in the （担当府省） of every 取組, comments answered in
    a few 施策 — or in every 施策 — for other edits there): one decision, one
    row, noted when every place had a comment of its own about something else."""
    sig = _signature(fs[0])
    if sig is None or sig[0] != "edit" or _DIGIT_OR_NAME.search(sig[1] + sig[2]) or not comment_places:
        return "", ""
    about = [c for c in comment_places if _about_edit(sig, c.words, c.quoted)]
    apart = _apart(fs, tuple((c.id, c.paths) for c in about))
    if apart:
        return (f"同じ文言の変更（{_signature_text(fs[0])}）でも、箇所ごとにこの文言に触れる別の意見"
                f"（{'・'.join(sorted(apart[0]))}／{'・'.join(sorted(apart[1]))}）に答える変更のため別の行"), ""
    other = _apart(fs, tuple((c.id, c.paths) for c in comment_places))
    if other:
        return "", (f"箇所ごとに別の反映意見（{'・'.join(sorted(other[0]))}／{'・'.join(sorted(other[1]))}）があるが、"
                    f"この文言に触れる意見が全箇所にはないため一つの決定")
    return "", ""


def _apart(fs: list[Fact], comment_places: "tuple[tuple[str, tuple[SectionPath, ...]], ...]") -> "tuple[frozenset[str], frozenset[str]] | None":
    """Two sets of comments tying two places of a repeated edit apart, when
    every place is answered by one of ``comment_places`` (None otherwise)."""
    if not comment_places:
        return None
    places = ordered_unique([f.section_path for f in fs])
    depth = len(common_prefix(places)) + 1
    if not all(_answered_at(place, fs, comment_places, depth) for place in places):
        return None
    tied: list[frozenset[str]] = []
    for place in places:
        homes = {_keyed(p[:depth]) for f in fs if f.section_path == place
                 for p in (f.section_path, f.change.old_section_path) if len(p) >= depth}
        tied.append(frozenset(cid for cid, paths in comment_places
                              if any(len(cp) >= depth and _keyed(cp[:depth]) in homes for cp in paths)))
    for i, a in enumerate(tied):
        for b in tied[i + 1:]:
            if a and b and not (a & b):
                return a, b
    return None


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


_DATE = re.compile(r"(?:令和|平成|昭和)(?:[0-9]{1,2}|元)年[0-9]{1,2}月|(?:19|20)[0-9]{2}年[0-9]{1,2}月")


def _dates(text: str) -> set[str]:
    return set(_DATE.findall(key(text)))


def _unrelated_parts(facts: list[Fact]) -> list[list[Fact]]:
    """The facts of one section as the decisions they belong to: sentences added
    or removed that name different things in 「」 (two services announced, one
    programme dropped) are one row each; every other fact, a standalone one
    whose name the others mention, and one dated by the date another edit of
    the section newly writes (「令和8年3月の改定で示された「…」の考え方を反映」
    beside 令和3年3月 → 令和8年3月改定: one revision said twice) stay together."""
    rest = [f for f in facts if not _standalone(f)]
    alone = [f for f in facts if _standalone(f)]
    if len(facts) < 2 or not alone or (len(alone) == 1 and not rest):
        return [facts]
    rest_text = key("\n".join(f.new + "\n" + f.old + "\n" + f.new_unit + "\n" + f.old_unit for f in rest))
    new_dates = set().union(*(_dates(f.new) - _dates(f.old_unit or f.old) for f in rest)) if rest else set()
    parts: list[list[Fact]] = []
    titled = _titled(facts)
    for f in alone:
        names = _names_of([f])
        if any(n in rest_text for n in names) or (f.polarity == "+" and _dates(f.new) & new_dates) \
                or id(f) in titled:
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


def _titled(facts: list[Fact]) -> set[int]:
    """Facts adding whole paragraphs right after an added title line (a line with
    no sentence end: 「コラム　男性の育児休業」) of the same section, in one run of
    added paragraphs: the body of what the title heads (a コラム, a box), one
    decision with it whatever it names. Ids of those bodies."""
    out: set[int] = set()
    title: Fact | None = None
    last = -1
    for f in sorted(facts, key=lambda f: f.order):
        text = f.new.strip()
        if not (f.kind in (TEXT, BLOCK_ADDED) and f.polarity == "+" and not f.old.strip() and text):
            title = None
        elif title is not None and f.order[0] == last + 1 and f.section_path == title.section_path:
            out.add(id(f))
            last = f.order[0]
        elif text[-1] not in _SENTENCE_END_CHARS and "。" not in text and len(text) <= _TITLE_MAX:
            title, last = f, f.order[0]
        else:
            title = None
    return out


_TITLE_MAX = 40  # characters of the longest line read as a title (コラム　デートＤＶを知っていますか)


_NOT_A_NAME = re.compile(r"[0-9０-９年月日度令和平成元.,．、・/／\-－~～（）()]*")


_FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def _figure_edit(f: Fact) -> bool:
    """A cell whose figure alone changed (1,200人 → 1,500人)."""
    old, new = key(f.old), key(f.new)
    return bool(old) and old != new and _FIGURE.search(old) is not None and _FIGURE.sub("0", old) == _FIGURE.sub("0", new)


def entries_and_values(facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """(the rest, the value edits) of one section's facts when a table there
    gained named entries (a 事業 row added) and also had a figure changed in
    rows that were there before (a 見込み raised): two decisions, each its
    own row. (facts, []) otherwise — a list rewritten in its words with rows
    added is one revision, and a row keyed by a year or a number is a
    statistic brought up to date with the figures beside it."""
    added = [f for f in facts if f.kind == ROW_ADDED and f.row_key and not _NOT_A_NAME.fullmatch(key(f.row_key))]
    if not added:
        return facts, []
    names = {key(f.row_key) for f in added}
    headers = {f.header for f in added}
    values = [f for f in facts if f.kind == CELL and f.row_key and key(f.row_key) not in names
              and (not f.header or f.header in headers) and _figure_edit(f)]
    if not values or len(values) == len(facts):
        return facts, []
    chosen = {id(f) for f in values}
    return [f for f in facts if id(f) not in chosen], values


def renamed_and_figures(facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """(the rest, the figure edits) of one section's facts when its heading was
    renamed and cells of its tables changed their figures (現状値 ５５.２％（速報値）
    → ５３.９％): a new name and figures brought up to date are two decisions,
    each its own row. ([], []) otherwise."""
    if not any(f.kind == SECTION_RENAMED for f in facts):
        return [], []
    figures = [f for f in facts if f.kind == CELL and _FIGURE.search(key(f.old)) and _FIGURE.search(key(f.new))]
    if not figures or len(figures) == len(facts):
        return [], []
    chosen = {id(f) for f in figures}
    return [f for f in facts if id(f) not in chosen], figures


def _absorb_mentions(groups: list[Group]) -> None:
    """An added section announced elsewhere (its line added to the 施策体系 table)
    is one change: the announcement joins the section's row, its page does not.
    Two sections of one name added (under two chapters): each line joins the
    one whose parent it names (``parents_named``), else the first."""
    added = [g for g in groups if g.added_root and len(key(heading_title(g.anchor[-1]))) >= MIN_SIGNATURE]
    for a in added:
        title = key(heading_title(a.anchor[-1]))
        for g in list(groups):
            if g is a or g.added_root or g.every or g not in groups:
                continue
            if not all(f.polarity == "+" and title in key(f.new) for f in g.facts):
                continue
            owners = [b for b in added if key(heading_title(b.anchor[-1])) == title]
            share: dict[int, list[Fact]] = {}
            for f in g.facts:
                share.setdefault(max(range(len(owners)), key=lambda i: parents_named(f, owners[i].anchor)), []).append(f)
            for i, facts in sorted(share.items()):
                b = owners[i]
                b.facts = sorted(b.facts + facts, key=lambda x: x.order)
                b.mentions.update(id(f) for f in facts)
                b.paths = ordered_unique(b.paths + (g.paths if len(share) == 1 else [where(f) for f in facts]))
                b.why.append(f"追加された「{heading_title(b.anchor[-1])}」を他の箇所（表・一覧）で示す追加のため一つの行")
            groups.remove(g)


_TERM = re.compile(f"[{KATAKANA}]{{4,}}|[{KANJI}]{{4,}}|[{LATIN}][{ASCII_ALNUM}]{{2,}}")


def _terms(text: str) -> set[str]:
    """Content words: katakana or kanji runs of four or more, latin words of
    three or more (numbers and dates are not terms)."""
    return set(_TERM.findall(unicodedata.normalize("NFKC", text)))


def merge_by_new_terms(groups: list[Group], old_doc: Document | None) -> list[Group]:
    """Rows in sibling sections (one 施策's 現状と課題 and 取組内容) that bring in
    the same new term — a word the old version of their parent never used — are
    one change with one purpose: one row under the parent."""
    if old_doc is None:
        return groups
    out: list[Group] = []
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
                h.paths = ordered_unique(h.paths + g.paths)
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


def block_moves(
    changes: "tuple[Change, ...] | list[Change]", old_doc: Document | None, new_doc: Document | None
) -> list[tuple[SectionPath, SectionPath]]:
    """Blocks (or subsections) that moved to another section: (the section they
    came from, as it is named in 案, their new section). Editorial or not, a
    move tells where a new section's content came from (a split)."""
    if new_doc is None:
        return []
    by_titles = {path_key(p): p for p, _ in new_doc.walk()}
    out: list[tuple[SectionPath, SectionPath]] = []
    for ch in changes:
        if ch.kind not in (ChangeKind.MOVED, ChangeKind.SPLIT) or not ch.old_section_path or not ch.section_path:
            continue
        if ch.block_kind == "section":
            src_old = ch.old_section_path[:-1]
        else:
            src_old = ch.old_section_path
        src = by_titles.get(path_key(src_old))
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
    # a heading numbered twice (5-3-3　施策2-3　…) by its title after both numbers, as its overview line names it
    for p, _ in old_doc.walk():
        number = key(heading_number(p[-1]))
        numbers[(key(bare_title(p[-1])), scheme(number))].add(number)
    out: set[str] = set()
    for p, _ in new_doc.walk():
        title, number = key(bare_title(p[-1])), key(heading_number(p[-1]))
        olds = numbers.get((title, scheme(number)), set())
        if len(title) >= MIN_SIGNATURE and number and olds and number not in olds and len(olds) == 1:
            out.add(title)
    return frozenset(out)


def added_sections(facts: list[Fact], old_doc: Document | None) -> frozenset[SectionPath]:
    """Sections of the new version that did not exist in the old one."""
    out: set[SectionPath] = set()
    by_path: dict[SectionPath, list[Fact]] = defaultdict(list)
    for f in facts:
        by_path[f.section_path].append(f)
    if old_doc is not None:
        old_keys = {path_key(p) for p, _ in old_doc.walk()}
        old_titles = {key(heading_title(p[-1])) for p, _ in old_doc.walk()}
        for p, fs in by_path.items():
            if p and path_key(p) not in old_keys and key(heading_title(p[-1])) not in old_titles:
                if all(g.polarity == "+" for g in fs):
                    out.add(p)
    else:
        for p, fs in by_path.items():
            if p and all(f.polarity == "+" and not f.change.old_section_path for f in fs):
                out.add(p)
    return frozenset(out)
