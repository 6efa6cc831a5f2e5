"""A heading that one version holds as a section and the other as a line of
its body. Pure.

The two readers do not always agree on how deep a plan's outline goes. A
low rung (``ア　総合相談支援の充実``, ``■ 目指す姿``, ``【現状と課題】``) is a
Word heading style in a DOCX, so the DOCX reader makes it a section; printed
in the body's own type, the PDF reader can only read it as a line of the
body. Compared as they are, a plan whose 素案 came as a DOCX and whose 案
came as a PDF alone shows every such section deleted and its text added
again as lines of its parent: whole blocks of changes nobody made.

``match_outlines`` makes the two trees agree before they are compared: the
sections are paired once (``align.align_sections``), and under each pair,
a line of one side's body becomes a heading — of the depth the other side
gives it — when the other side holds it as a child section:

* by its text: the line, without its ornament (■, ◆ …), is the heading of a
  child section of the counterpart (``■ 目指す姿`` ↔ section ``目指す姿``);
* by its numbering: it starts with a marker of a kind the counterpart's
  child sections are numbered with (``ア``, ``（ア）``) and this side has no
  section of that kind there (a renamed ``ア`` is still one of them).

A section the alignment left alone (a 施策 split in two has a part with no
counterpart of its own) takes the headings the other version has anywhere,
by their text, and their series. An unnumbered preface (``はじめに``) that the
PDF reader left in the front matter, before any numbered heading, opens the
first section when the other version has it as one (the last such line of the
front matter, text after it: the 目次 lines before it name it too).

Either way the line must stand alone as a heading does (one short line with
a title, no sentence: ``outline.looks_like_heading``); the blocks after it,
up to the next such line, become its section. Lines are only ever promoted,
never sections flattened: a section of the DOCX is what the office styled
as a heading, and the PDF printed the same line. Each promoted heading is
returned with the line it was read from, as the evidence of the pairing
(``Promotion``). Documents whose outlines agree pass through unchanged at
the cost of one set of heading keys each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from revtool.compare.align import align_sections
from revtool.extract.base import RawHeading, RawItem
from revtool.extract.outline import build_outline, is_quantity, looks_like_heading, parse_marker, strip_decoration
from revtool.model import Block, BlockKind, ChangeKind, Document, Section, SectionPair, SectionPath
from revtool.normalize import compact_key

_LINE_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST)


@dataclass(frozen=True)
class Promotion:
    """A body line read as a heading because the other version holds it as one.

    ``side`` is ``"old"`` or ``"new"`` (the version whose line it was),
    ``path`` the promoted section's path in that version, ``line`` the line
    as read, ``model`` the heading of the other version's section that
    showed it (``by`` ``"text"``: the same heading; ``"marker"``: a sibling
    numbered in the same series)."""

    side: str
    path: SectionPath
    line: str
    model: str
    by: str


def heading_key(text: str) -> str:
    """A heading (or a line) compared without its ornament and spacing."""
    return compact_key(strip_decoration(text.strip()))


def _heading_keys(doc: Document) -> set[str]:
    return {heading_key(s.heading) for _, s in doc.walk()}


def _line_text(block: Block) -> str | None:
    """The text of a block that could be a heading standing alone: one line,
    a short title, no sentence."""
    if block.kind not in _LINE_KINDS or "\n" in block.text:
        return None
    text = strip_decoration(block.text.strip())
    marker = parse_marker(text)
    if not text or (marker is not None and is_quantity(marker)) or not looks_like_heading(text, marker):
        return None
    return block.text.strip()


def _has_candidates(doc: Document, keys: set[str]) -> bool:
    """Whether a line of ``doc``'s sections reads as one of ``keys`` (headings
    the other version has and this one never has)."""
    if not keys:
        return False
    for _, s in doc.walk():
        for b in s.blocks:
            if b.kind in _LINE_KINDS and "\n" not in b.text and heading_key(b.text) in keys and _line_text(b) is not None:
                return True
    return False


def _promoted_lines(target: Section, model: Section) -> list[tuple[int, str, str, str]]:
    """The blocks of ``target`` (by index) to read as headings because
    ``model``, its counterpart, holds them as child sections: (index, line,
    model heading, by)."""
    if not model.children or not target.blocks:
        return []
    own = {heading_key(c.heading) for c in target.children}
    by_text = {heading_key(c.heading): c.heading for c in model.children}
    own_kinds = {c.marker for c in target.children if c.marker}
    by_kind: dict[str, str] = {}
    for c in model.children:
        if c.marker and c.marker not in own_kinds:
            by_kind.setdefault(c.marker, c.heading)
    out = []
    for k, b in enumerate(target.blocks):
        line = _line_text(b)
        if line is None:
            continue
        key = heading_key(line)
        if key in by_text and key not in own:
            out.append((k, line, by_text[key], "text"))
            continue
        marker = parse_marker(strip_decoration(line))
        if marker is not None and marker.kind in by_kind:
            out.append((k, line, by_kind[marker.kind], "marker"))
    return out


def _relevel(sections: Iterable[Section], level: int) -> tuple[Section, ...]:
    return tuple(replace(s, level=level, children=_relevel(s.children, level + 1)) for s in sections)


def _same_child(child: Section, model: Section) -> Section | None:
    """The child of ``model`` that ``child`` (a promoted section) stands for:
    the same heading, else the same number in the same series."""
    key = heading_key(child.heading)
    for c in model.children:
        if heading_key(c.heading) == key:
            return c
    if child.marker and child.number:
        number = compact_key(child.number)
        for c in model.children:
            if c.marker == child.marker and compact_key(c.number) == number:
                return c
    return None


def promote(target: Section, model: Section, side: str, path: SectionPath, out: list[Promotion]) -> Section:
    """``target`` with the body lines that ``model`` holds as child sections
    read as headings (recursively, for the lines under them); ``target``
    itself when there are none. Each promotion is appended to ``out``."""
    lines = _promoted_lines(target, model)
    if not lines:
        return target
    at = {k: (line, heading, by) for k, line, heading, by in lines}
    items: list[RawItem] = [
        RawHeading(at[k][0], level_hint=1, certain=True, pages=b.pages) if k in at else b
        for k, b in enumerate(target.blocks)
    ]
    front, sections = build_outline(items)
    promoted = _relevel(sections, target.level + 1)
    made = []
    lines_in_order = [at[k] for k in sorted(at)]
    for child, (line, heading, by) in zip(promoted, lines_in_order):
        child_path = path + (child.heading,)
        out.append(Promotion(side, child_path, line, heading, by))
        counterpart = _same_child(child, model)
        made.append(promote(child, counterpart, side, child_path, out) if counterpart is not None else child)
    return replace(target, blocks=tuple(front), children=(*made, *target.children))


def _rebuild(sections: Sequence[Section], new: dict[int, Section]) -> tuple[Section, ...]:
    out = []
    for s in sections:
        s = new.get(id(s), s)
        children = _rebuild(s.children, new)
        out.append(s if children == s.children else replace(s, children=children))
    return tuple(out)


def match_outlines(old: Document, new: Document) -> tuple[Document, Document, tuple[Promotion, ...]]:
    """``old`` and ``new`` with their outlines made to agree (module doc),
    and what was promoted. Unchanged documents (the same objects) when no
    line of one is a heading of the other."""
    old_keys, new_keys = _heading_keys(old), _heading_keys(new)
    only_old, only_new = old_keys - new_keys, new_keys - old_keys
    front_old, front_new = _front_heading(old, new, only_new), _front_heading(new, old, only_old)
    in_body = _has_candidates(new, only_old) or _has_candidates(old, only_new)
    if not in_body and front_old is None and front_new is None:
        return old, new, ()
    old_new: dict[int, Section] = {}
    new_new: dict[int, Section] = {}
    found: list[Promotion] = []
    if in_body:
        _promote_body(old, new, only_old, only_new, old_new, new_new, found)
    old2 = replace(old, sections=_rebuild(old.sections, old_new)) if old_new else old
    new2 = replace(new, sections=_rebuild(new.sections, new_new)) if new_new else new
    if front_old is not None:
        old2 = _promote_front(old2, front_old, new, "old", found)
    if front_new is not None:
        new2 = _promote_front(new2, front_new, old, "new", found)
    return (old2, new2, tuple(found)) if found else (old, new, ())


def _promote_body(old: Document, new: Document, only_old: set[str], only_new: set[str],
                  old_new: dict[int, Section], new_new: dict[int, Section], found: list[Promotion]) -> None:
    """The promotions inside the sections (module doc), as replacements by ``id``."""
    old_map, new_map = old.section_map, new.section_map
    aligned = align_sections(old, new)
    pairs = [(p.old_path, p.new_path, p.kind in (ChangeKind.SPLIT, ChangeKind.MERGED))
             for p in aligned if p.old_path is not None and p.new_path is not None]
    # a section's own counterpart first; the parts of a split or merge (a 施策 cut in two, each
    # part holding lines of its ア items) after, so that a whole paired with its own heading is its model
    pairs.sort(key=lambda p: p[2] and heading_key(p[0][-1]) != heading_key(p[1][-1]))
    for old_path, new_path, _ in pairs:
        o, n = old_map[old_path], new_map[new_path]
        if id(n) not in new_new and (n2 := promote(n, o, "new", new_path, found)) is not n:
            new_new[id(n)] = n2
        if id(o) not in old_new and (o2 := promote(o, n, "old", old_path, found)) is not o:
            old_new[id(o)] = o2
    # a section the alignment left alone (added or deleted, or paired as a part: its counterpart
    # not known): its lines that are headings of the other version only, and their numbering series
    lone_new = [p.new_path for p in aligned if p.new_path is not None and p.old_path is None]
    lone_old = [p.old_path for p in aligned if p.old_path is not None and p.new_path is None]
    for paths, sections, other, keys, made, side in ((lone_new, new_map, old, only_old, new_new, "new"),
                                                     (lone_old, old_map, new, only_new, old_new, "old")):
        if not paths or not keys:
            continue
        index: dict[str, Section] = {}
        for _, s in other.walk():
            index.setdefault(heading_key(s.heading), s)
        for path in paths:
            sec = sections[path]
            if id(sec) in made:
                continue
            heads = [index[k] for k in dict.fromkeys(heading_key(b.text) for b in sec.blocks) if k in keys and k in index]
            if heads and (s2 := promote(sec, Section("", children=tuple(heads)), side, path, found)) is not sec:
                made[id(sec)] = s2


def _front_heading(doc: Document, other: Document, keys: set[str]) -> int | None:
    """The front-matter line of ``doc`` that opens a first section the other
    version has (``はじめに`` set larger but unnumbered, before any numbered
    heading, which only a DOCX's style makes a heading): the last line of the
    front matter that is a top-level heading of ``other`` only, followed by
    text and by no other such line (the 目次 lines before it name headings too)."""
    tops = {heading_key(s.heading) for s in other.sections} & keys
    if not tops or not doc.front:
        return None
    at = None
    for k, b in enumerate(doc.front):
        if _line_text(b) is not None and heading_key(b.text) in tops:
            at = k
    if at is None:
        return None
    rest = doc.front[at + 1:]
    if any(_line_text(b) is not None and heading_key(b.text) in keys for b in rest) \
            or all(_line_text(b) is not None for b in rest):
        return None
    return at


def _promote_front(doc: Document, at: int, other: Document, side: str, out: list[Promotion]) -> Document:
    """``doc`` with its front-matter line ``at`` (``_front_heading``) read as the first section."""
    line = doc.front[at].text.strip()
    items: list[RawItem] = [*doc.front[:at], RawHeading(line, level_hint=1, certain=True, pages=doc.front[at].pages),
                            *doc.front[at + 1:]]
    front, sections = build_outline(items)
    model = next(s.heading for s in other.sections if heading_key(s.heading) == heading_key(line))
    out.append(Promotion(side, (sections[0].heading,), line, model, "text"))
    return replace(doc, front=front, sections=(*_relevel(sections, 1), *doc.sections))


def with_promotions(pairs: Sequence[SectionPair], promoted: Sequence[Promotion]) -> tuple[SectionPair, ...]:
    """The section pairs, each whose section was promoted saying so in its
    reason (the evidence ``trace`` shows): which line of which version was
    read as a heading, after which heading of the other."""
    if not promoted:
        return tuple(pairs)
    notes = {(p.side, p.path): p for p in promoted}
    out = []
    for pair in pairs:
        why = [notes[(side, path)] for side, path in (("old", pair.old_path), ("new", pair.new_path))
               if path is not None and (side, path) in notes]
        if why:
            extra = "、".join(
                f"{'旧版' if p.side == 'old' else '新版'}の本文の行「{p.line}」を見出しとして読む"
                f"（他方の版の見出し「{p.model}」{'と同じ文言' if p.by == 'text' else 'と同じ番号の系列'}）" for p in why)
            pair = replace(pair, reason=f"{pair.reason}／{extra}" if pair.reason else extra)
        out.append(pair)
    return tuple(out)
