"""Find sections by what a user types: a number (施策5, 第3章, （2）), a heading,
a path joined by ``/`` or ``>``, or a unique fragment of a title. Pure."""

from __future__ import annotations

import re

from revtool.model import Change, Comparison, Document, Section, SectionPath
from revtool.normalize import compact_key

_SEPARATORS = re.compile(r"\s*[/>＞／]\s*")


_key = compact_key


def find_sections(doc: Document, query: str) -> list[tuple[SectionPath, Section]]:
    """Sections matching ``query``, best kind of match first; empty when none.

    Order of preference: exact path, exact heading, exact number, then headings
    containing the query. A path query matches when each part matches one level,
    from the top or as a suffix.
    """
    parts = [_key(p) for p in _SEPARATORS.split(query.strip()) if p.strip()]
    if not parts:
        return []
    entries = doc.walk()

    def level_matches(section: Section, part: str) -> bool:
        return part in (_key(section.heading), _key(section.number), _key(section.title))

    if len(parts) > 1:
        hits = []
        for path, section in entries:
            if len(path) < len(parts):
                continue
            chain = _chain(doc, path)[-len(parts):]
            if all(level_matches(s, p) for s, p in zip(chain, parts)):
                hits.append((path, section))
        return hits
    part = parts[0]
    for test in (
        lambda s: _key(s.heading) == part,
        lambda s: bool(s.number) and _key(s.number) == part,
        lambda s: part in _key(s.heading),
    ):
        hits = [(p, s) for p, s in entries if test(s)]
        if hits:
            return hits
    return []


def _chain(doc: Document, path: SectionPath) -> list[Section]:
    chain: list[Section] = []
    level: tuple[Section, ...] = doc.sections
    for heading in path:
        found = next(s for s in level if s.heading == heading)
        chain.append(found)
        level = found.children
    return chain


def _in_subtree(path: SectionPath, roots: list[SectionPath]) -> bool:
    return any(path[:len(r)] == r for r in roots)


def changes_in_section(comparison: Comparison, query: str) -> tuple[Change, ...]:
    """The comparison's changes inside the section ``query`` names (in either version)."""
    from revtool.errors import WorkspaceError

    new_roots = [p for p, _ in find_sections(comparison.new, query)]
    old_roots = [p for p, _ in find_sections(comparison.old, query)]
    if not new_roots and not old_roots:
        raise WorkspaceError(f"節「{query}」が見つかりません。", hint="revtool show 版名 で節の一覧を確認してください。")
    return tuple(c for c in comparison.changes
                 if _in_subtree(c.section_path, new_roots) or _in_subtree(c.old_section_path, old_roots))


def match_note(query: str, hits: list[tuple[SectionPath, Section]], chosen: bool = False) -> str | None:
    """What ``show`` and ``trace`` both say about a name that matched several
    sections (None for one or none). ``chosen``: only the first is shown."""
    if len(hits) < 2:
        return None
    if not chosen:
        return f"「{query}」に一致する節: {len(hits)} 件"
    first = hits[0][0]
    parent = first[-2] if len(first) > 1 else ""
    hint = f"（絞り込み例: {_short(parent)}/{query}）" if parent else ""
    return f"「{query}」に一致する節が {len(hits)} 件あります。最初の「{' ＞ '.join(first)}」を表示します{hint}。"


def _short(heading: str) -> str:
    """A heading's number when it has one (施策5), else the heading."""
    m = re.match(r"(第[0-9０-９]+[章節部編]|施策[0-9０-９]+|基本目標[0-9０-９]+|[0-9０-９]+\.)", heading)
    return m.group(1) if m else heading


def subtree(
    path: SectionPath, section: Section, depth: int | None = None
) -> list[tuple[SectionPath, Section, int]]:
    """The section and its descendants in document order, with their depth below
    it (0 for the section); ``depth`` limits how far down (None: all)."""
    out: list[tuple[SectionPath, Section, int]] = []

    def visit(p: SectionPath, s: Section, level: int) -> None:
        out.append((p, s, level))
        if depth is None or level < depth:
            for child in s.children:
                visit(p + (child.heading,), child, level + 1)

    visit(path, section, 0)
    return out


def without_nested(hits: list[tuple[SectionPath, Section]]) -> list[tuple[SectionPath, Section]]:
    """Hits that are not inside another hit (their subtree is shown anyway)."""
    out: list[tuple[SectionPath, Section]] = []
    for p, s in hits:
        if not any(p[: len(q)] == q and len(p) > len(q) for q, _ in out):
            out.append((p, s))
    return out
