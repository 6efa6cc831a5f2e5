"""Structural decisions as one row each: a section renamed, split, merged,
moved or two sections swapped. Pure.

Staff write one row per decision even when it touches several places. A
structural decision is anchored on its heading fact (renamed, added, deleted,
moved section) and collects:

* its *echoes*: the same names changed elsewhere — the 施策の体系 table's
  cell renamed, its row added or deleted, two rows trading names — fact by
  fact, so one overview table touched by three decisions feeds three rows;
* for a **split** (a section added next to a sibling that lost the very
  content the new one holds), the sibling's deletions;
* for a **merge** (a section deleted whose content reappears in a renamed
  sibling), the deleted section and the content added to the sibling;
* for a **swap**, the other section of the pair.

A *consequence* — a number shifted by an insertion (施策3-4 → 施策3-5 in the
overview table) — never makes a row: facts that only renumber an existing
title are dropped. Every grouping says why (``Group.why``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from revtool.changes.echoes import distribute_echoes
from revtool.changes.facts import (
    BLOCK_DELETED,
    CELL,
    TEXT,
    BLOCK_MOVED,
    ITEM_REORDERED,
    ROW_DELETED,
    SECTION_DELETED,
    SECTION_MOVED,
    SECTION_RENAMED,
    Fact,
    key,
)
from revtool.changes.group import (
    common_prefix,
    Group,
    join_groups,
    MIN_NAME,
    move_fact,
    ordered_unique,
    position,
    single_line,
    take_facts,
    heading_key,
    where,
)
from revtool.changes.headings import heading_title, path_key
from revtool.changes.text_spans import edit_core
from revtool.changes.title_splits import pair_title_splits, TitleSplit
from revtool.model import ChangeKind, SectionPath


def pair_splits(groups: list[Group], moves: "list[tuple[SectionPath, SectionPath]] | None" = None) -> None:
    """A section added whose content was cut from a sibling (the sibling's
    deleted items are in the new section, or blocks moved from the sibling
    into it: ``moves`` holds (the sibling's path in 案, the block's new path))
    is a split: one row with the sibling's deletions and both headings."""
    for a in [g for g in groups if g.added_root]:
        depth = len(a.anchor)
        sources = ordered_unique(
            src for src, dst in (moves or []) if dst[:depth] == a.anchor and len(src) >= depth and src[:depth] != a.anchor
            and src[: depth - 1] == a.anchor[:-1]
        )
        donors = ordered_unique(src[:depth] for src in sources)
        if not donors:  # or the diff read parts of a sibling of 素案 as split into the new section
            donors = ordered_unique(
                _in_new(old[:depth], groups) for f in a.facts if f.change.kind == ChangeKind.SPLIT
                and len(old := f.change.old_section_path) >= depth and _same_parent(old[: depth - 1], a.anchor[:-1])
                and not _same_parent(old[:depth], a.anchor)
            )
        if donors and not a.structural:
            a.structural = "split"
            # seen where the new section starts and where the donor's content was cut
            a.heading_paths = ordered_unique([a.anchor] + a.heading_paths)
            a.cut_paths = [src for src in sources if src[:depth] == donors[0]][:1]
            a.paths = ordered_unique([donors[0]] + a.paths)
            a.why.append(f"「{heading_title(donors[0][-1])}」の内容が新しい「{heading_title(a.anchor[-1])}」に移ったため分割として一つの行")
            a.statement = a.statement or _split_from(donors[0], a.anchor)
            _take_donor_side(a, donors[0], groups)
        text = key("\n".join(f.new for f in a.facts))
        parent = a.anchor[:-1]
        for g in list(groups):
            if g is a or g.added_root or g.every or g not in groups:
                continue
            cut = [f for f in g.facts if f.polarity == "-" and f.kind != SECTION_DELETED]
            if not cut or len(cut) != len(g.facts):
                continue
            if not all(len(key(edit_core(f.old))) >= MIN_NAME and key(edit_core(f.old)).lstrip("・") in text for f in cut):
                continue
            sibling = where(cut[0])
            sibling = sibling[: len(parent) + 1] if sibling[: len(parent)] == parent else sibling
            join_groups(a, g, echo=True, why=f"「{heading_title(sibling[-1])}」から削られた内容が新しい「{heading_title(a.anchor[-1])}」にあるため分割として一つの行")
            a.structural = "split"
            # seen where the new section starts and where the sibling's content was cut
            # (not on the sibling's heading, which the split leaves as it was)
            a.heading_paths = ordered_unique([a.anchor] + a.heading_paths)
            a.cut_paths = ordered_unique(a.cut_paths + [where(cut[-1])])
            # the donor's cut is an echo (never summarized): the decision is said from the group
            a.statement = a.statement or _split_from(sibling, a.anchor)
            groups.remove(g)


def _in_new(path: SectionPath, groups: list[Group]) -> SectionPath:
    """A section of 素案 by its path in 案: its new heading when a fact renames it."""
    for g in groups:
        for f in g.facts:
            if f.kind == SECTION_RENAMED and _same_parent(f.change.old_section_path, path):
                return f.section_path
    return path


_SPLIT_RUN = 6  # characters a cut from the donor shares with the new section's text


def _shares_run(text: str, body: str) -> bool:
    t = key(edit_core(text)).strip("・／/、")
    if len(t) < MIN_NAME:
        return False
    m = SequenceMatcher(None, t, body, autojunk=False).find_longest_match(0, len(t), 0, len(body))
    return m.size >= min(_SPLIT_RUN, len(t))


def _mostly_cut(f: Fact, body: str) -> bool:
    """A sentence rewritten by mostly cutting words the new section holds
    (「…数は過去最多を更新し、いじめの認知件数も増加しています。」 → 「…数が過去最多を更新しています。」)."""
    if f.kind not in (CELL, TEXT) or f.polarity != "~":
        return False
    old, new = key(f.old), key(f.new)
    lost, gained = [], []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            lost.append(old[a1:a2])
        if op in ("insert", "replace"):
            gained.append(new[b1:b2])
    cut = "".join(lost)
    return 2 * len("".join(gained)) <= len(cut) and any(_shares_run(part, body) for part in lost)


def _donor_cuts(g: Group, donor: SectionPath, body: str) -> list[Fact]:
    """The edits of ``g`` in the donor that are what the split cut from it: a
    sentence, a phrase or a table row whose words are in the new section
    (``body``), and a rewording inside a sentence that lost such words
    (「不登校児童生徒数は」→「が」 beside 「、いじめの認知件数も増加し」 cut)."""
    mine = [f for f in g.facts if where(f)[: len(donor)] == donor and f.kind != SECTION_RENAMED]
    cuts = [f for f in mine if (f.polarity == "-" and _shares_run(f.old, body)) or _mostly_cut(f, body)]
    cut_units = {key(f.old_unit) for f in cuts if f.old_unit}
    return [f for f in mine if f in cuts or (f.polarity == "~" and f.old_unit and key(f.old_unit) in cut_units)]


def _lost_name(f: Fact, name: str) -> bool:
    """Whether ``f`` only takes ``name`` out of a line that listed it with
    others (「A／B」 → 「A」)."""
    if f.kind not in (CELL, TEXT) or not f.old:
        return False
    old, new = key(f.old), key(f.new)
    rest = old.replace(new, "", 1) if new and new in old else key(edit_core(f.old)) if not new else ""
    return bool(rest) and rest.strip("・／/、") == name


def _take_donor_side(a: Group, donor: SectionPath, groups: list[Group]) -> None:
    """The donor's side of a split: its heading renamed in the same revision
    (「不登校・いじめへの対応」 → 「不登校児童生徒への支援」 beside the new
    「いじめの防止と早期対応」: the old section split in two, said as
    「A」を「A'」と「B」に分割), what was cut from it into the new section, and
    the overview lines that lost the new section's name from the donor's line."""
    body = key("\n".join(f.new for f in a.facts))
    added = heading_key(a.anchor[-1])
    for g in list(groups):
        if g is a or g.every or g.added_root or g.structural or g not in groups:
            continue
        renamed = next((f for f in g.facts if f.kind == SECTION_RENAMED and _same_parent(f.section_path, donor)), None)
        if renamed is not None:
            join_groups(a, g, echo=True, why=f"分割元の「{heading_title(single_line(renamed.old))}」が同じ改定で"
                                      f"「{heading_title(single_line(donor[-1]))}」に改称されたため、改称も分割の一部として一つの行")
            a.heading_paths = ordered_unique([donor] + a.heading_paths)
            a.statement = (f"「{heading_title(single_line(renamed.old))}」を「{heading_title(single_line(donor[-1]))}」と"
                           f"「{heading_title(single_line(a.anchor[-1]))}」に分割")
            groups.remove(g)
        elif cuts := _donor_cuts(g, donor, body):
            a.why.append(f"「{heading_title(single_line(donor[-1]))}」から削られた内容が新しい"
                         f"「{heading_title(single_line(a.anchor[-1]))}」にあるため分割として一つの行")
            a.cut_paths = ordered_unique(a.cut_paths + [where(cuts[-1])])
            take_facts(cuts, g, a, groups)  # the section's other edits stay their rows
        elif lost := [f for f in g.facts if _lost_name(f, added)]:
            # an overview line that listed the new section's name with the donor's (「A／B」 → 「A」)
            a.why.append(f"「{heading_title(single_line(a.anchor[-1]))}」の名称が他の行から外れたのは分割のため一つの行")
            take_facts(lost, g, a, groups)


def _split_from(donor: SectionPath, new: SectionPath) -> str:
    """A 施策 split off a sibling, as staff write it: 「A」から「B」を分割."""
    return f"「{heading_title(single_line(donor[-1]))}」から「{heading_title(single_line(new[-1]))}」を分割"


def pair_merges(groups: list[Group]) -> None:
    """A section deleted whose content reappears in a sibling (renamed, or
    not) is a merge: one row on the sibling's heading with the deleted section
    and the content it received."""
    for d in [g for g in groups if any(f.kind == SECTION_DELETED for f in g.facts)]:
        if d not in groups:
            continue
        gone = next(f for f in d.facts if f.kind == SECTION_DELETED)
        old_path = gone.change.old_section_path or gone.section_path
        old_text = key(gone.old)
        parent = old_path[:-1]
        receivers: list[tuple[Group, list[Fact], SectionPath]] = []
        for g in groups:
            if g is d or g.added_root or g.every:
                continue
            home = next((p for p in g.paths if len(p) > len(parent) and _same_parent(p[: len(parent)], parent)), None)
            if home is None:
                continue
            added = [f for f in g.facts if f.polarity == "+" and len(key(edit_core(f.new))) >= MIN_NAME]
            received = [f for f in added if key(edit_core(f.new)).lstrip("・") in old_text]
            # or whole parts of the deleted section now under the sibling (ウ 成果指標 merged)
            moved_in = [f for f in g.facts if f.kind == SECTION_MOVED and _same_parent(f.change.old_section_path[: len(old_path)], old_path)]
            if moved_in:
                home = next((f.section_path for f in moved_in if len(f.section_path) > len(parent)), home)
                receivers.append((g, _merge_parts(g, old_path, old_text), home[: len(parent) + 1]))
            elif received and len(received) * 2 >= len(added):
                receivers.append((g, received, home[: len(parent) + 1]))
        if not receivers:
            named = _named_receiver(groups, d, old_path)
            if named is None:
                continue
            receivers.append(named)
        head = receivers[0][2]
        receivers = [r for r in receivers if r[2] == head]
        renamed = next((g for g in groups if any(f.kind == SECTION_RENAMED and f.section_path == head for f in g.facts)), None)
        target = renamed or receivers[0][0]
        target.structural = "merged"
        target.heading_paths = ordered_unique([head] + target.heading_paths)
        for g, received, _ in receivers:
            if g is target:
                target.echoes.update(id(f) for f in received)
            elif len(received) == len(g.facts):
                join_groups(target, g, echo=True, why="")
                groups.remove(g)
            elif any(f.kind == SECTION_MOVED for f in received):
                for f in received:  # the part's own other changes stay a row of their own
                    move_fact(f, g, target)
        # the deleted section's parts that now sit under the sibling (（3）成果指標 merged into its namesake)
        for g in list(groups):
            if g is not target and g is not d and g.facts and all(
                f.kind == SECTION_MOVED and f.section_path[: len(head)] == head for f in g.facts
            ):
                join_groups(target, g, echo=True, why="")
                groups.remove(g)
        join_groups(target, d, echo=False, why=f"削除された「{heading_title(old_path[-1])}」の内容が「{heading_title(head[-1])}」に移ったため統合として一つの行")
        target.echoes.update(id(f) for f in d.facts if f.kind != SECTION_DELETED)
        groups.remove(d)


def _merge_parts(g: Group, old_path: SectionPath, old_text: str) -> list[Fact]:
    """The facts of ``g`` that a merge of ``old_path`` into a sibling explains: the
    parts (■ 目指す姿, 成果指標 …) of either section now under the merged one,
    what the deleted section's parts lost there (a line both lists held, its
    table folded into the sibling's), and what the sibling gained from the
    deleted section's own text (its indicators as rows of the merged table)."""
    parent = old_path[:-1]
    out: list[Fact] = []
    for f in g.facts:
        source = f.change.old_section_path
        if f.kind == SECTION_MOVED:
            ok = _same_parent(source[: len(parent)], parent)
        elif source and _same_parent(source[: len(old_path)], old_path):
            ok = f.polarity == "-" or f.kind in (ROW_DELETED, BLOCK_DELETED, BLOCK_MOVED)
        else:
            core = key(f.row_key or edit_core(f.new))
            ok = f.polarity == "+" and len(core) >= MIN_NAME and core.lstrip("・") in old_text
        if ok:
            out.append(f)
    return out


def _named_receiver(groups: list[Group], d: Group, old_path: SectionPath) -> "tuple[Group, list[Fact], SectionPath] | None":
    """A sibling renamed to a name that takes up the deleted section's own words
    (調達手続の充実 deleted, 見守り活動による地域づくり → 調達手続と見守り活動の一体的な推進):
    the receiver of a merge even when no content is seen moving (a PDF read
    with other paragraph breaks)."""
    parent = old_path[:-1]
    gone = heading_key(old_path[-1])
    for g in groups:
        if g is d or g.added_root or g.every:
            continue
        for f in g.facts:
            if f.kind != SECTION_RENAMED or len(f.section_path) != len(old_path) or not _same_parent(f.section_path[:-1], parent):
                continue
            new, old = heading_key(f.new), heading_key(f.old)
            m = SequenceMatcher(None, gone, new, autojunk=False).find_longest_match(0, len(gone), 0, len(new))
            shared = gone[m.a : m.a + m.size]
            if m.size >= MIN_NAME and shared not in old:
                return g, [], f.section_path
    return None


def _same_parent(a: SectionPath, b: SectionPath) -> bool:
    return path_key(a) == path_key(b)


def _moved_section(g: Group) -> Fact | None:
    if len(g.facts) == 1 and g.facts[0].kind == SECTION_MOVED:
        return g.facts[0]
    return None


def pair_swaps(groups: list[Group]) -> None:
    """Two sibling sections that traded places (施策3 and 施策4 swapped) are one
    row: each alone reads as a move, or as nothing but a new number."""
    moved = [(g, f) for g in groups if (f := _moved_section(g)) is not None]
    used: set[int] = set()
    for i, (ga, fa) in enumerate(moved):
        if id(ga) in used:
            continue
        for gb, fb in moved[i + 1 :]:
            if id(gb) in used:
                continue
            na, nb = fa.change.section_path, fb.change.section_path
            oa, ob = fa.change.old_section_path, fb.change.old_section_path
            if not (na and nb and oa and ob) or na[:-1] != nb[:-1] or not _same_parent(oa[:-1], ob[:-1]):
                continue
            if heading_key(na[-1]) == heading_key(nb[-1]):
                continue
            pa, pb, qa, qb = position(oa), position(ob), position(na), position(nb)
            if not (pa and pb and qa and qb) or pa == pb or qa == qb or (pa < pb) == (qa < qb):
                continue  # their order kept: not a swap
            ga.facts = sorted(ga.facts + gb.facts, key=lambda f: f.order)
            ga.paths = ordered_unique(ga.paths + gb.paths)
            ga.anchor = common_prefix(ga.paths)
            ga.structural = "swapped"
            ga.heading_paths = sorted([na, nb], key=position)
            ga.why.append(f"「{heading_title(na[-1])}」と「{heading_title(nb[-1])}」が互いの位置に移ったため入れ替えとして一つの行")
            used.update((id(ga), id(gb)))
            groups.remove(gb)
            break


def separate_moves(groups: list[Group]) -> None:
    """A section moved (to another 基本目標, or among its siblings) in the same
    revision as edits inside it: the move is one decision and each edit
    another (a comment's sentence added to the moved 施策). The move keeps a
    row of its own; the edits stay the row of the section."""
    for g in list(groups):
        if g.every or g.added_root or g.structural:
            continue
        # a part carried into a merged or split section (ChangeKind.MERGED/SPLIT) is that decision's, not a move
        moves = [f for f in g.facts if f.kind == SECTION_MOVED and f.change.kind == ChangeKind.MOVED and f.section_path == g.anchor]
        if not moves or len(moves) == len(g.facts):
            continue
        moved = {id(f) for f in moves}
        g.facts = [f for f in g.facts if id(f) not in moved]
        g.echoes -= moved
        group = Group(moves, g.anchor, paths=[g.anchor])
        group.why.append(f"「{heading_title(single_line(g.anchor[-1]))}」の移動と、その中の変更は別の決定のため別の行")
        groups.insert(groups.index(g), group)


def mark_renames(groups: list[Group]) -> None:
    """A group holding a section's rename cites that section's heading page."""
    for g in groups:
        for f in g.facts:
            if f.kind == SECTION_RENAMED and not g.structural:
                g.structural = "renamed"
                g.heading_paths = ordered_unique([f.section_path] + g.heading_paths)


def mark_moves(groups: list[Group]) -> None:
    """A group that is one section moved to another parent (a 施策 now under
    another 政策) is a structural decision: it cites the section's heading page
    and takes its line of an overview table as an echo (``distribute_echoes``)."""
    for g in groups:
        if g.structural or len(g.facts) != 1 or g.facts[0].kind != SECTION_MOVED:
            continue
        f = g.facts[0]
        old_up, new_up = f.change.old_section_path[:-1], f.change.section_path[:-1]
        if old_up and new_up and not _same_parent(old_up, new_up):
            g.structural = "moved"
            g.heading_paths = [f.section_path]


def mark_item_reorders(groups: list[Group]) -> None:
    """A group made of a measure's item moved in its list (``item-reordered``) is a
    structural decision: the order the plan gives its measures in (its cause, when
    nothing else explains it, inferred as the office's own like a swap of sections)."""
    for g in groups:
        if not g.structural and g.facts and all(f.kind == ITEM_REORDERED for f in g.facts):
            g.structural = "reordered"


def regroup(
    groups: list[Group],
    renumbered: frozenset[str] = frozenset(),
    moves: "list[tuple[SectionPath, SectionPath]] | None" = None,
    splits: "list[TitleSplit] | None" = None,
) -> None:
    """All the structural passes, in order."""
    separate_moves(groups)
    pair_title_splits(groups, splits or [])
    pair_swaps(groups)
    pair_splits(groups, moves)
    pair_merges(groups)
    mark_renames(groups)
    mark_moves(groups)
    mark_item_reorders(groups)
    distribute_echoes(groups, renumbered)
    for g in groups:
        if g.echoes or g.structural:
            donors = [p for p in g.paths if any(c[: len(p)] == p for c in g.cut_paths)]
            g.paths = ordered_unique(donors + [where(f) for f in g.facts])
            g.anchor = common_prefix(g.paths)

