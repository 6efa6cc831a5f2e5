"""主な変更点 of structural decisions: a 施策 split off a sibling or two merged
(「A」と「B」を統合し、名称を「C」に変更), a section or a paragraph moved to
another parent (施策「X」を政策「A」から政策「B」に移動), two sections swapped. Pure.
"""

from __future__ import annotations

import re

from revtool.changes.facts import (
    BLOCK_DELETED,
    CELL,
    ROW_ADDED,
    ROW_DELETED,
    SECTION_ADDED,
    SECTION_DELETED,
    SECTION_RENAMED,
    TEXT,
    Fact,
    key,
)


from revtool.changes.headings import bare_title, heading_number, heading_order, heading_title
from revtool.changes.item_markers import item_marker
from revtool.model import SectionPath
from revtool.changes.summary_text import gist, section_title, one_line


def moved_clause(f: Fact) -> str:
    """A block moved to another section, said by what it says and the two places
    that differ (「…」の記述を施策「A」の現状と課題から施策「B」の現状と課題に移動): the
    headings both places share after the one that differs are said once each."""
    old_path, new_path = f.change.old_section_path, f.change.section_path
    shared = 0
    while shared < min(len(old_path), len(new_path)) - 1 and \
            key(heading_title(old_path[-1 - shared])) == key(heading_title(new_path[-1 - shared])):
        shared += 1
    tail = "".join("の" + heading_title(h) for h in new_path[len(new_path) - shared:])

    def place(path: SectionPath) -> str:
        return f"{_named_heading(path[len(path) - shared - 1])}{tail}"  # 施策「A」の現状と課題

    return f"{gist(f.old)}を{place(old_path)}から{place(new_path)}に移動"


_LEVEL_WORD = re.compile(r"[^\W\d_（(第]{2,6}(?=[0-9０-９])")


def _level_number(heading: str) -> tuple[str, str]:
    """The word a heading's number is written with and that number (施策５－１－３
    → 施策, 施策５－１－３; 基本目標２ → 基本目標, 基本目標２), also when the heading
    is numbered first by its place (5-4-5　施策3-5　… → 施策, 施策3-5);
    ("", "") for 第3章, （１） or a bare number alone."""
    line = one_line(heading)
    outer = heading_number(line)
    for number in (outer, heading_number(heading_title(line)) if outer and not _LEVEL_WORD.match(outer) else ""):
        m = _LEVEL_WORD.match(number)
        if m:
            return m.group(0), number
    return "", ""


def _level_word(heading: str) -> str:
    """The word a heading's number is written with (施策５－１－３ → 施策,
    基本目標２ → 基本目標, 5-4-5　施策3-5　… → 施策); "" for 第3章, （１） or a bare number."""
    return _level_number(heading)[0]


def _named_heading(heading: str) -> str:
    """A heading named in a sentence by its level word and title, as the plan
    calls it: 施策「重層的な支援体制の構築」, 政策「協働と多様性」, 「推進体制」
    (a heading numbered twice, 5-3　基本方針2　…, by its inner word: 基本方針「…」)."""
    return f"{_level_word(heading)}「{bare_title(one_line(heading))}」"


def _parents_named(old_parent: str, new_parent: str) -> tuple[str, str]:
    """The parent a section left and the one it joined, as staff name them (a 施策
    moved from one 基本方針 to another: 施策2-3「…」を基本方針2から基本方針3に移動): by
    their numbers when both have one of a level word and the numbers differ
    (基本方針2, 基本方針3; 政策２－２, 政策５－１), else by word and title
    (政策「地域福祉の推進」; 「安心して暮らせるまちづくり」)."""
    (word_a, number_a), (word_b, number_b) = _level_number(old_parent), _level_number(new_parent)
    if number_a and number_b and word_a == word_b and key(number_a) != key(number_b):
        return number_a, number_b
    return _named_heading(old_parent), _named_heading(new_parent)


def section_moved_clause(f: Fact) -> str:
    """A section moved: to another parent, said with both parents, as staff
    write it (施策2-3「X」を基本方針2から基本方針3に移動（施策3-5）: the section by
    its old number and title, the parents by their numbers — by titles when they
    have none —, the new number last; the headings both parents share below the
    one that differs said once each; its title edited in the same revision, the
    new name too: …に移動し、名称を「Y」に変更); within the same parent, only its
    place changed (「X」の掲載位置を変更)."""
    old_path, new_path = f.change.old_section_path, f.change.section_path
    title = bare_title(one_line(new_path[-1])) if new_path else section_title(f)
    old_up, new_up = old_path[:-1], new_path[:-1]
    same = [key(heading_title(h)) for h in old_up] == [key(heading_title(h)) for h in new_up]
    if not old_up or not new_up or same:
        return f"「{title}」の掲載位置を変更"
    shared = 0
    while shared < min(len(old_up), len(new_up)) - 1 and \
            key(heading_title(old_up[-1 - shared])) == key(heading_title(new_up[-1 - shared])):
        shared += 1
    tail = "".join("の" + bare_title(h) for h in new_up[len(new_up) - shared:])
    old_title = bare_title(one_line(old_path[-1]))
    word, old_number = _level_number(old_path[-1])
    new_number = _level_number(new_path[-1])[1]
    a, b = old_up[len(old_up) - shared - 1], new_up[len(new_up) - shared - 1]
    # the parent itself by its number; a level higher (施策「健康づくり」の主な取組) by its name
    left, joined = _parents_named(a, b) if not shared else (_named_heading(a), _named_heading(b))
    renamed = f"し、名称を「{title}」に変更" if key(old_title) != key(title) else ""
    renumbered = f"（{new_number}）" if old_number and new_number and key(old_number) != key(new_number) else ""
    return f"{old_number or word}「{old_title}」を{left}{tail}から{joined}{tail}に移動{renamed}{renumbered}"


def _numbers(heading: str) -> tuple[int, ...]:
    return heading_order(heading)


def numbers_swapped(a: Fact, b: Fact) -> bool:
    """Two sections whose numbers traded order (施策4-2 ⇄ 施策4-3)."""
    oa, ob = _numbers(a.change.old_section_path[-1]), _numbers(b.change.old_section_path[-1])
    na, nb = _numbers(a.section_path[-1]), _numbers(b.section_path[-1])
    return bool(oa and ob and na and nb) and oa != ob and (oa < ob) != (na < nb)


def _under(path: SectionPath, root: SectionPath) -> bool:
    return bool(root) and tuple(path[:len(root)]) == tuple(root)


def _mentions(f: Fact, titles: list[str]) -> bool:
    """A table fact that lists one of the titles (the 施策の体系 line of the decision)."""
    if f.kind not in (CELL, ROW_ADDED, ROW_DELETED, TEXT) or not (f.column or f.kind != TEXT or "\t" in f.change.new_text):
        return False
    text = key(f.old + " " + f.new)
    return any(key(t) in text for t in titles if t)


def _order(path: SectionPath) -> tuple[int, ...]:
    return _numbers(path[-1]) if path else ()


TITLE_MAX = 30  # a heading line (（２）福祉との連携の促進) is short and ends no sentence


def _title_line(text: str) -> str:
    """The title of a numbered heading line (（３）バリアフリーの普及 →
    バリアフリーの普及); "" for a sentence or a line without a number."""
    t = text.strip()
    marker, body = item_marker(t)
    number = heading_number(t)
    if not (marker or number):
        return ""
    body = (body if marker else heading_title(t)).strip()
    return body if 0 < len(body) <= TITLE_MAX and "。" not in body else ""


def _merged_titles(facts: list[Fact], used: set[int]) -> list[str]:
    """Two headings that became one (a heading renamed to a name holding the
    words of a heading cut beside it, or two headings renamed to the same
    name): 「A」と「B」を統合し、名称を「C」に変更."""
    renames: list[tuple[Fact, str, str]] = []
    for f in facts:
        if id(f) in used:
            continue
        if f.kind == SECTION_RENAMED:
            renames.append((f, heading_title(one_line(f.old)), heading_title(one_line(f.new))))
        elif f.kind == TEXT and f.old and f.new:
            old_t, new_t = _title_line(f.change.old_text), _title_line(f.change.new_text)
            if old_t and new_t and key(old_t) != key(new_t):
                renames.append((f, old_t, new_t))
    cut: list[tuple[Fact, str]] = []
    for f in facts:
        if id(f) in used:
            continue
        if f.kind == SECTION_DELETED and f.change.old_section_path:
            cut.append((f, heading_title(f.change.old_section_path[-1])))
        elif f.kind in (BLOCK_DELETED, TEXT) and f.old and not f.new and _title_line(f.change.old_text) \
                and not f.change.new_text.strip():
            cut.append((f, _title_line(f.change.old_text)))
    out: list[str] = []
    for f, old_t, new_t in renames:
        if id(f) in used:
            continue
        partner = next(((g, t) for g, t in cut if id(g) not in used and len(key(t)) >= 2 and key(t) in key(new_t)
                        and key(t) not in key(old_t)), None)
        twin = next(((g, o) for g, o, n in renames if g is not f and id(g) not in used and key(n) == key(new_t)
                     and key(o) != key(old_t)), None)
        other = partner or twin
        if other is None:
            continue
        out.append(f"「{old_t}」と「{other[1]}」を統合し、名称を「{new_t}」に変更")
        used.update((id(f), id(other[0])))
        # the same merge echoed elsewhere (the 施策体系 line): said once
        used.update(id(g) for g, o, n in renames if key(n) == key(new_t))
    return out


def split_or_merge(facts: list[Fact]) -> tuple[list[str], set[int]]:
    """A 施策 split in two or two merged into one, said in one clause the way
    staff write it, and the facts that clause stands for (the new section's
    contents, the subsections that moved with it, the donor's cut, the
    施策の体系 lines): 「電子決裁の推進」から「相談体制の推進」を分割;
    「就労支援による地域づくり」と「キャッシュレス決済の推進」を統合し、名称を
    「就労支援とキャッシュレス決済の一体的な推進」に変更."""
    clauses: list[str] = []
    used: set[int] = set()
    renamed = [f for f in facts if f.kind == SECTION_RENAMED]
    for d in (f for f in facts if f.kind == SECTION_DELETED):
        gone = d.change.old_section_path
        partner = next((r for r in renamed if id(r) not in used and gone and r.change.old_section_path
                        and r.change.old_section_path[:-1] == gone[:-1]), None)
        if partner is None:
            continue
        into = partner.section_path
        first, second = sorted((gone, partner.change.old_section_path), key=_order)
        titles = [heading_title(first[-1]), heading_title(second[-1]), heading_title(into[-1])]
        clauses.append(f"「{titles[0]}」と「{titles[1]}」を統合し、名称を「{titles[2]}」に変更")
        used.update(id(f) for f in facts if f is d or f is partner or _under(f.section_path, into)
                    or _under(f.change.old_section_path, gone) or _mentions(f, titles))
    clauses += _merged_titles(facts, used)
    for a in (f for f in facts if f.kind == SECTION_ADDED and id(f) not in used):
        new = a.section_path
        if not new:
            continue
        depth = len(new)

        def sibling(path: SectionPath) -> bool:
            return len(path) >= depth and tuple(path[:depth - 1]) == tuple(new[:depth - 1]) and path[depth - 1] != new[-1]

        moved = [f for f in facts if f.change.block_kind == "section" and f is not a and _under(f.section_path, new)
                 and sibling(f.change.old_section_path)]
        cut = [f for f in facts if f.polarity == "-" and sibling(f.section_path) and f.kind != SECTION_DELETED]
        donor_path = (moved[0].change.old_section_path if moved else cut[0].section_path if cut else ())
        titles = [heading_title(new[-1])]
        if donor_path:
            clauses.append(f"「{heading_title(donor_path[depth - 1])}」から「{titles[0]}」を分割")
        elif any(f.change.block_kind == "section" and f is not a and _under(f.section_path, new) for f in facts):
            # its subsections came from elsewhere: a new section, said once (not 「現状と課題」の掲載位置を変更)
            clauses.append(f"「{titles[0]}」を新たに掲載")
        else:
            continue
        used.update(id(f) for f in facts if f is a or _under(f.section_path, new) or f in cut
                    or (f.change.block_kind == "section" and _under(f.section_path, new)) or _mentions(f, titles))
    return clauses, used
