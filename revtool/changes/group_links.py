"""Linking on 同趣旨 groups (issue 15): a link to a group is a link to each member.

The members of one comment group (``Comment.group_id``) that got the same
answer (type and text, after normalization) and point at the same sections
are one *link unit*: only its first member is scored against the rows, and
every link it gets is copied to each member, the evidence naming the group.
A comment named in a staff decision (confirmed or rejected link) or cited at
ingest is always a unit of its own. 40,000 campaign rows thus cost what their
few hundred distinct opinions cost. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from revtool.model import Comment, Link
from revtool.normalize import normalize_key


def link_units(comments: Sequence[Comment], own: Iterable[str] = ()) -> tuple[list[Comment], dict[str, list[str]]]:
    """(the comments to score, first member id -> the other members' ids)."""
    alone = set(own)
    heads: dict[tuple[object, ...], Comment] = {}
    followers: dict[str, list[str]] = {}
    scored: list[Comment] = []
    answer_keys: dict[str, str] = {}  # a campaign's members mostly share one answer: normalized once
    for c in comments:
        if not c.group_id or c.id in alone:
            scored.append(c)
            continue
        answer = answer_keys.get(c.response)
        if answer is None:
            answer = answer_keys[c.response] = normalize_key(c.response)
        key = (c.group_id, c.response_type, answer, c.resolved_section_paths)
        head = heads.get(key)
        if head is None:
            heads[key] = c
            scored.append(c)
        else:
            followers.setdefault(head.id, []).append(c.id)
    return scored, followers


def _number(prefix: str, ident: str) -> tuple[int, str]:
    m = re.fullmatch(prefix + r"(\d+)", ident)
    return (int(m.group(1)), "") if m else (10**9, ident)


def expand_links(links: Iterable[Link], followers: dict[str, list[str]],
                 comments: Sequence[Comment]) -> tuple[Link, ...]:
    """Each link of a unit's first member, copied to every other member; in
    the order ``choose_links`` gives (row, then comment number)."""
    group_of = {c.id: c.group_id for c in comments}
    out: list[Link] = []
    for link in links:
        out.append(link)
        for member in followers.get(link.comment_id, ()):
            out.append(Link(member, link.row_id, link.confidence,
                            f"同趣旨 {group_of[member]} の {link.comment_id} と同じ意見・回答: {link.evidence}"))
    return tuple(sorted(out, key=lambda l: (_number("R", l.row_id), _number("C", l.comment_id))))
