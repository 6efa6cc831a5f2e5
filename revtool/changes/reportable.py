"""Which changes and facts make rows of 別紙2. Editorial changes are counted,
not shown; front matter, a heading only renumbered, a version stamp, and a
renumbering that follows from another change (a split, swapped items) are
not reportable; a fact that is only numbering or whitespace is noise, and a
block moved counts only between sections both versions keep. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from revtool.compare.chardiff import common_ends
from revtool.changes.item_markers import marker_swaps, renumbered_item
from revtool.changes.facts import CELL, TEXT, Fact, key
from revtool.changes.text_spans import text_spans
from revtool.changes.headings import bare_title, heading_number, heading_title, path_key
from revtool.changes.group import position
from revtool.model import Change, ChangeKind, Document, SectionPath
from revtool.changes.decisions import Decisions
from revtool.changes.facts import ITEM_REORDERED


_TOC = re.compile(r"^(目次|もくじ|目\s*次)$")
NOT_COUNTED = frozenset({"front-matter", "section-renumbered", "row-renumbered", "item-number"})
EXPLANATORY_REORDER = "section-reordered"  # compare/section_roles.py: a reorder of explanatory text


# ---------------------------------------------------------------- filtering


def renamed_sections(changes: "Iterable[Change]") -> dict[SectionPath, SectionPath]:
    """The new path of each section the diff paired under a new heading (基本目標Ⅱ　あらゆる分野における
    女性の活躍推進 → 基本目標Ⅱ　あらゆる分野における女性の参画と活躍の推進), by its old path."""
    return {ch.old_section_path: ch.section_path for ch in changes
            if ch.block_kind == "section" and ch.kind == ChangeKind.RENAMED and ch.old_section_path and ch.section_path}


def _in_new(path: SectionPath, renames: "dict[SectionPath, SectionPath]") -> SectionPath:
    """An old path with its renamed ancestors (``renamed_sections``) under their new headings."""
    for k in range(len(path), 0, -1):
        if path[:k] in renames:
            return renames[path[:k]] + path[k:]
    return path


def _renumber_only(change: Change, renames: "dict[SectionPath, SectionPath] | None" = None) -> bool:
    """A heading whose number changed because something was inserted before it
    (or because it traded places with a sibling: ``reordered``). A parent renamed
    in the same revision (``renames``, ``renamed_sections``) is the same parent:
    施策の方向５ ⇄ ６ under 基本目標Ⅱ, renamed, only changed numbers there.
    (A measure's item moved in its list, ``item-reordered``, is the move itself.)"""
    if change.verdict.rule == ITEM_REORDERED:
        return False
    if change.block_kind != "section" and change.kind not in (ChangeKind.RENAMED, ChangeKind.MOVED):
        return False
    old_p, new_p = change.old_section_path, change.section_path
    if not old_p or not new_p or len(old_p) != len(new_p):
        return False
    if renames:
        old_p = _in_new(old_p[:-1], renames) + old_p[-1:]
        if len(old_p) != len(new_p):
            return False
    # by the titles without any number: a heading numbered twice (5-3-3　施策2-3　… → 5-3-2　施策2-2　…,
    # after the 施策 before it moved away) is renumbered in both its numbers
    same_titles = [key(bare_title(h)) for h in old_p] == [key(bare_title(h)) for h in new_p]
    if not same_titles:
        return False
    strip = lambda t: re.sub(r"[0-9０-９]+", "", key(t))  # noqa: E731
    if change.block_kind != "section":
        # a list item (or an overview line 「4-1-3 観光の振興」) moved among its siblings: only its
        # numbers changed, or nothing; moved AND edited, it is a change of its own (the move is
        # said with its edit, item_story)
        return strip(change.old_text) == strip(change.new_text) or renumbered_item(change.old_text, change.new_text) is not None
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
# a date stamp; never the date a document was decided or revised (（令和７年４月閣議決定）, 令和６年３月改定):
# that date changed is another edition of what the plan cites
_DATED = re.compile(
    r"(?:(?:令和|平成)[0-9０-９元]+年|(?:19|20)[0-9]{2}年)(?:[（(][^）)]{1,10}[）)])?[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?"
    r"(?!に?(?:閣議決定|決定|改定|改訂|改正|策定|制定|公布|施行|告示|公表))"
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
    inverts it, and must not vanish as a renumbering. A sibling that keeps
    its order with the others while one section moves past it ((1)(2)(3) →
    (2)(3)(1): only the first moved) is renumbered, not reordered
    (``kept_in_order``). Explanatory subsections the diff judged reordered as
    文言整理 (rule ``section-reordered``, compare/section_roles.py) are no
    decision and are left out."""
    changes = list(changes)
    renames = renamed_sections(changes)
    by_parent: dict[tuple[SectionPath, SectionPath], list[Change]] = defaultdict(list)
    for ch in changes:
        if _renumber_only(ch, renames) and ch.section_path and ch.old_section_path and ch.verdict.rule != EXPLANATORY_REORDER:
            by_parent[(ch.section_path[:-1], ch.old_section_path[:-1])].append(ch)
    out: set[str] = set()
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1 :]:
                oa, ob = position(a.old_section_path), position(b.old_section_path)
                na, nb = position(a.section_path), position(b.section_path)
                if oa and ob and na and nb and (oa < ob) != (na < nb):
                    out.update((a.id, b.id))
    return frozenset(out - kept_in_order(changes))


def kept_in_order(changes: "Iterable[Change]") -> set[str]:
    """Ids of section headings that stand in EVERY longest run of siblings kept
    in their old order (the sections of one parent with a heading change, read
    by their old and new numbers). Whatever else moved, these did not: their
    number changed because a sibling was taken out before them and put back
    after. Two sections that traded places are in no such run (either could
    be the one that moved), so a swap stays a swap."""
    by_parent: dict[tuple[SectionPath, SectionPath], dict[tuple[SectionPath, SectionPath], Change]] = defaultdict(dict)
    for ch in changes:
        if ch.block_kind == "section" and ch.section_path and ch.old_section_path \
                and position(ch.section_path) and position(ch.old_section_path):
            by_parent[(ch.section_path[:-1], ch.old_section_path[:-1])].setdefault(
                (ch.old_section_path, ch.section_path), ch)
    out: set[str] = set()
    for group in by_parent.values():
        members = sorted(group.values(), key=lambda c: position(c.old_section_path))
        for i in _in_every_longest_run([position(c.section_path) for c in members]):
            out.add(members[i].id)
    return out


def _in_every_longest_run(seq: list[tuple[int, ...]]) -> list[int]:
    """Indexes of ``seq`` that belong to every longest strictly increasing subsequence."""
    n = len(seq)
    ends = [1] * n  # longest increasing run ending at i
    starts = [1] * n  # longest increasing run starting at i
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i]:
                ends[i] = max(ends[i], ends[j] + 1)
    for i in reversed(range(n)):
        for j in range(i + 1, n):
            if seq[i] < seq[j]:
                starts[i] = max(starts[i], starts[j] + 1)
    best = max((e + s - 1 for e, s in zip(ends, starts)), default=0)
    on = [i for i in range(n) if ends[i] + starts[i] - 1 == best]
    return [i for i in on if sum(1 for j in on if ends[j] == ends[i]) == 1]


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


_COUNT_UNIT = re.compile("つ|項目|本の|点の|分野")  # 「3つの重点目標」「4本の柱」: a count of the parts that follow


def _count_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """(old number, new number, the new text after it) when the only edit between
    two texts is one small number (「3つの重点目標」 → 「4つの重点目標」)."""
    p, s = common_ends(old, new)
    a, b = (unicodedata.normalize("NFKC", t) for t in (old[p:len(old) - s], new[p:len(new) - s]))
    while p and (a + b)[:1].isdigit() and old[p - 1:p].isdigit():  # 13 → 14: the whole number
        p -= 1
        a, b = unicodedata.normalize("NFKC", old[p]) + a, unicodedata.normalize("NFKC", new[p]) + b
    if not (a.isdigit() and b.isdigit() and len(a) <= 2 and len(b) <= 2) or a == b:
        return None
    return int(a), int(b), new[len(new) - s:]


def outline_count_consequences(changes: "Iterable[Change]", old_doc: Document | None,
                               new_doc: Document | None) -> frozenset[str]:
    """Ids of changes that only restate how many parts a section has (「3つの重点目標
    を掲げ」 → 「4つの…」 after one of them was split in two): the number is the count
    of the section's sub-sections in each version, written before a counter, so
    it follows the split, merge or deletion that changed them — a consequence,
    never a row nor part of one (the change of the parts is the row)."""
    if old_doc is None or new_doc is None:
        return frozenset()
    out: set[str] = set()
    for ch in changes:
        edit = _count_edit(ch.old_text or "", ch.new_text or "") if ch.old_text and ch.new_text else None
        if edit is None or not ch.section_path or not ch.old_section_path:
            continue
        old_n, new_n, after = edit
        old_sec, new_sec = old_doc.find(ch.old_section_path), new_doc.find(ch.section_path)
        if old_sec is None or new_sec is None or (len(old_sec.children), len(new_sec.children)) != (old_n, new_n):
            continue
        if _COUNT_UNIT.match(after):
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


def title_paths(doc: Document) -> frozenset[tuple[str, ...]]:
    return frozenset(path_key(p) for p, _ in doc.walk())


def between_kept_sections(f: Fact, old_titles: frozenset[tuple[str, ...]], new_titles: frozenset[tuple[str, ...]]) -> bool:
    """A block moved is a change of its own only between sections that are in
    both versions (``*_titles``: their heading paths without numbers): out of a
    section still in 案 (not one renamed, merged or deleted: its content went
    with it) and into one already in 素案 (not a section added, a split, whose
    content it is)."""
    src = path_key(f.change.old_section_path)
    dst = path_key(f.change.section_path)
    return src in new_titles and dst in old_titles


def only_numbering(f: Fact) -> bool:
    """A fact that is only numbering or whitespace."""
    if f.kind in (TEXT, CELL):
        return key(f.old) == key(f.new)
    return False
