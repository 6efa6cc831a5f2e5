"""Linking on 同趣旨 groups (issue 15): a link to a group is a link to each member.

The members of one comment group (``Comment.group_id``) that got the same
answer (type and text, after normalization) and point at the same sections
are one *link unit*: only its first member is scored against the rows, and
every link it gets is copied to each member, the evidence naming the group.
A comment named in a staff decision (confirmed or rejected link) or cited at
ingest is always a unit of its own. 40,000 campaign rows thus cost what their
few hundred distinct opinions cost.

Members of one group with the same answer that cite different places (one
writes 「第2部」, another 「情報提供について」 or a page next door) are one opinion
answered once: when the units that link agree on their rows, a unit of the
same group and answer that found no row of its own gets theirs
(``spread_group_links``), the evidence naming the member it follows. So does
a comment that cites no place the table can find (「全体」) when its answer is,
word for word, a specific answer (``SPECIFIC_ANSWER`` characters beyond its
boilerplate) given to linked comments that agree: one answer, one decision. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from revtool.model import Comment, Link, ResponseType
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


SPECIFIC_ANSWER = 20  # characters of an answer beyond its boilerplate that make it one decision's own
_BOILERPLATE = re.compile(r"(?:ご|御)?(?:意見|指摘|提案|要望)(?:の(?:趣旨|内容))?(?:等)?を踏まえ(?:て|、)?|(?:ご|御)(?:意見|指摘)の(?:とおり|通り)")


def _answer_key(c: Comment) -> tuple[object, ...]:
    return (c.group_id, c.response_type, normalize_key(c.response))


def _specific(c: Comment) -> bool:
    """A 反映 answer saying what it adds in words of its own (not 「ご指摘のとおり修正します」)."""
    return c.response_type == ResponseType.REFLECTED and len(normalize_key(_BOILERPLATE.sub("", c.response))) >= SPECIFIC_ANSWER


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
    links_of: dict[str, list[Link]] = {}  # a comment's links, in their order
    for link in links:
        rows_of[link.comment_id] = rows_of.get(link.comment_id, frozenset()) | {link.row_id}
        links_of.setdefault(link.comment_id, []).append(link)
    keys: dict[str, str] = {}  # answers repeat (a campaign's, a 定型 answer): each text normalized once

    def answer_key(text: str) -> str:
        k = keys.get(text)
        if k is None:
            k = keys[text] = normalize_key(text)
        return k

    own_words: dict[str, bool] = {}

    def specific(text: str) -> bool:
        v = own_words.get(text)
        if v is None:
            v = own_words[text] = len(normalize_key(_BOILERPLATE.sub("", text))) >= SPECIFIC_ANSWER
        return v

    by_answer: dict[tuple[object, ...], list[Comment]] = {}
    for c in scored_units:
        if c.id in alone:
            continue
        if c.group_id:
            by_answer.setdefault((c.group_id, c.response_type, answer_key(c.response)), []).append(c)  # _answer_key(c)
        if c.response_type == ResponseType.REFLECTED and specific(c.response):  # _specific(c)
            # the same words answering comments of any group; only those citing no place follow
            by_answer.setdefault(("", c.response_type, answer_key(c.response)), []).append(c)
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
            for link in links_of[model.id]:
                why = (f"同趣旨 {c.group_id} の {model.id} と同じ意見・回答（該当箇所の記載は異なる）" if group
                       else f"該当箇所が特定できないが、回答が {model.id} への回答と同文")
                out.append(Link(c.id, link.row_id, link.confidence, f"{why}: {link.evidence}"))
    return tuple(sorted(out, key=lambda l: (_number("R", l.row_id), _number("C", l.comment_id))))


def answer_followers(comments: Sequence[Comment], own: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Comment id -> (the comment whose answer its own points to, its answer as
    written): 「No.6と同様です」 (``Comment.same_answer_as``), for the comments not scored on their own: they
    take that comment's links (``follow_answers``). A comment named in a staff
    decision or cited at ingest is scored as usual."""
    alone = set(own)
    known = {c.id for c in comments}
    return {c.id: (c.same_answer_as, c.response.strip()) for c in comments
            if c.same_answer_as and c.same_answer_as in known and c.id not in alone}


def follow_answers(links: Iterable[Link], followed: dict[str, tuple[str, str]]) -> tuple[Link, ...]:
    """``links`` plus, for each comment answered 「No.nと同様です」, a copy of every
    link of the comment it points to, the evidence saying so."""
    links = tuple(links)
    if not followed:
        return links
    links_of: dict[str, list[Link]] = {}
    for link in links:
        links_of.setdefault(link.comment_id, []).append(link)
    out = list(links)
    for cid, (source, answer) in followed.items():
        for link in links_of.get(source, ()):
            out.append(Link(cid, link.row_id, link.confidence, f"{source} の回答と同じ（「{answer}」）: {link.evidence}"))
    return tuple(sorted(out, key=lambda l: (_number("R", l.row_id), _number("C", l.comment_id))))
