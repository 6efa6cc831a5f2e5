"""Split and merge pairs that are only a heading one version lacks. Pure.

A DOCX styles a label (``【現状と課題】``) as a heading and its reader makes it a
section; the PDF printed from it may give the same label as a line of the
body, or lose it. When no line can be promoted (``outline_match``), the
section alignment finds the label's text inside the counterpart of its
parent and pairs them as a merge (or, the other way round, a split): the
table would read 「「【現状と課題】」を「（１）…」に変更」, a label renamed to a
numbered heading, though not a word changed. ``heading_only`` finds such
pairs so that the comparison keeps them, with that evidence, as a 文言整理;
the text under them is compared as usual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from revtool.compare.align import section_links
from revtool.model import ChangeKind, Section, SectionPair, SectionPath


@dataclass(frozen=True)
class HeadingOnly:
    """Split and merge pairs that are a heading one version has and the other
    lacks (``heading_only``): ``parts``, the (old, new) pairs of such a
    heading's section with the section that holds its text, and ``wholes``,
    the pairs that were split or merged by such parts alone."""

    parts: frozenset[tuple[SectionPath, SectionPath]]
    wholes: frozenset[tuple[SectionPath, SectionPath]]


def heading_only(pairs: Sequence[SectionPair], old_map: Mapping[SectionPath, Section],
                 new_map: Mapping[SectionPath, Section]) -> HeadingOnly:
    """A section without a number (``【現状と課題】``) merged into the counterpart
    of its own parent, or split from the counterpart of its parent, is no
    merge or split of the plan: its text stays where it was, under a heading
    one version prints (or one reader sees) and the other does not. A label
    is not paired with a numbered heading as its rename; the pair is kept,
    with that evidence, as a 文言整理."""
    new_sources, old_targets = section_links(pairs)
    parts: set[tuple[SectionPath, SectionPath]] = set()
    for p in pairs:
        if p.old_path is None or p.new_path is None:
            continue
        if p.kind is ChangeKind.MERGED and not old_map[p.old_path].marker \
                and p.old_path[:-1] in new_sources.get(p.new_path, ()):
            parts.add((p.old_path, p.new_path))
        elif p.kind is ChangeKind.SPLIT and not new_map[p.new_path].marker \
                and p.new_path[:-1] in old_targets.get(p.old_path, ()):
            parts.add((p.old_path, p.new_path))
    wholes = set()
    for p in pairs:
        if p.old_path is None or p.new_path is None or (p.old_path, p.new_path) in parts:
            continue
        if p.kind is ChangeKind.MERGED:
            others = [(q, p.new_path) for q in new_sources.get(p.new_path, ()) if q != p.old_path]
        elif p.kind is ChangeKind.SPLIT:
            others = [(p.old_path, q) for q in old_targets.get(p.old_path, ()) if q != p.new_path]
        else:
            continue
        if others and all(o in parts for o in others):
            wholes.add((p.old_path, p.new_path))
    return HeadingOnly(frozenset(parts), frozenset(wholes))
