"""Oracle for tests/test_link_index.py: ``structure.distribute_echoes`` and
``group_links.spread_group_links`` as they were before they were indexed
(every fact tested against every structural anchor; every answer normalized
for each of its units, every link scanned for each follower). Do not change
it to follow the modules; it is the reference the indexed code must equal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from revtool.changes.group_links import _answer_key, _number, _specific
from revtool.changes.echoes import _anchors, _echoes, _only_renumbers, echo_reason
from revtool.changes.group import Group, move_fact, ordered_unique, where
from revtool.changes.facts import CELL, ROW_ADDED, ROW_DELETED
from revtool.model import Comment, Link
from revtool.normalize import normalize_key


def distribute_echoes(groups: list[Group], renumbered: frozenset[str] = frozenset()) -> None:
    """Each fact elsewhere that repeats a structural decision joins that
    decision's row; facts that only renumber a title (``renumbered``: titles
    present in both versions under other numbers) are consequences and are
    dropped; groups left empty disappear."""
    anchors = _anchors(groups)
    if not anchors and not renumbered:
        return
    anchored = {id(a.group) for a in anchors}
    for g in list(groups):
        if g.every or g.added_root or id(g) in anchored:
            continue
        for f in list(g.facts):
            target = next((a for a in anchors if _echoes(f, a)), None)
            if target is not None:
                move_fact(f, g, target.group)
                reason = echo_reason(target, g)
                if reason not in target.group.why:
                    target.group.why.append(reason)
            elif renumbered and f.kind in (ROW_ADDED, ROW_DELETED, CELL) and _only_renumbers(f, renumbered):
                g.facts.remove(f)  # a consequence: the number of a 施策 that kept its name
        if not g.facts:
            groups.remove(g)
        else:
            g.paths = ordered_unique([where(f) for f in g.facts])


def spread_group_links(links: Iterable[Link], scored_units: Sequence[Comment], own: Iterable[str] = ()) -> tuple[Link, ...]:
    """``links`` (of the scored units' first members) plus, for a unit that got
    none, the links of the other units of its group with the same answer, when
    those agree (every linking unit has the same rows); and for a unit citing no
    place the table resolves, the links of the units given the same specific
    answer word for word, when those agree. A comment named in a staff decision
    or cited at ingest (``own``) is left as it is."""
    links = tuple(links)
    alone = set(own)
    rows_of: dict[str, frozenset[str]] = {}
    for link in links:
        rows_of[link.comment_id] = rows_of.get(link.comment_id, frozenset()) | {link.row_id}
    by_answer: dict[tuple[object, ...], list[Comment]] = {}
    for c in scored_units:
        if c.id in alone:
            continue
        if c.group_id:
            by_answer.setdefault(_answer_key(c), []).append(c)
        if _specific(c):
            # the same words answering comments of any group; only those citing no place follow
            by_answer.setdefault(("", c.response_type, normalize_key(c.response)), []).append(c)
    out = list(links)
    followed: set[str] = set()
    for (group, _, _), members in by_answer.items():
        heads = members if group else [c for c in members if c.id in rows_of or not c.resolved_section_paths]
        linked = [c for c in heads if c.id in rows_of]
        if not linked or len(linked) == len(heads) or len({rows_of[c.id] for c in linked}) != 1:
            continue  # nothing to follow, nothing missing, or the places disagree: each keeps its own
        model = linked[0]
        for c in heads:
            if c.id in rows_of or c.id in followed:
                continue
            followed.add(c.id)
            for link in links:
                if link.comment_id == model.id:
                    why = (f"同趣旨 {c.group_id} の {model.id} と同じ意見・回答（該当箇所の記載は異なる）" if group
                           else f"該当箇所が特定できないが、回答が {model.id} への回答と同文")
                    out.append(Link(c.id, link.row_id, link.confidence, f"{why}: {link.evidence}"))
    return tuple(sorted(out, key=lambda l: (_number("R", l.row_id), _number("C", l.comment_id))))
