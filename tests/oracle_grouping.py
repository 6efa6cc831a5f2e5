"""Oracle for tests/test_grouping_index.py: the row grouping steps of
changes/fact_groups.py as they were before they were indexed (every added
section tested against every other, every group against every earlier one).
Do not change it to follow fact_groups.py; it is the reference the indexed
steps must equal."""

from __future__ import annotations

from revtool.changes.fact_groups import _subtree_text, _terms
from revtool.changes.group import Group, ordered_unique
from revtool.model import Document, SectionPath


def added_tops(added: set[SectionPath]) -> set[SectionPath]:
    return {p for p in added if not any(p[: len(q)] == q and p != q for q in added)}


def top_of(path: SectionPath, tops: set[SectionPath]) -> SectionPath | None:
    for t in tops:
        if path[: len(t)] == t:
            return t
    return None


def merge_by_new_terms(groups: list[Group], old_doc: Document | None) -> list[Group]:
    if old_doc is None:
        return groups
    out: list[Group] = []
    for g in groups:
        if g.every or g.added_root or len(g.paths) != 1 or len(g.anchor) < 2:
            out.append(g)
            continue
        mine = _terms(" ".join(f.new for f in g.facts)) | _terms(" ".join(f.old for f in g.facts if f.polarity == "-"))
        merged = False
        for h in out:
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
                merged = True
                break
        if not merged:
            out.append(g)
    return out
