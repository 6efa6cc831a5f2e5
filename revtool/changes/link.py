"""Link change-table rows to the comments (or other causes) behind them. Pure.

For each row, candidate comments are those whose resolved section overlaps the
row's sections (same section, an ancestor or a descendant), whose cited 素案
page holds the row, or whose answer names the changed text (a 「quoted」 phrase
or a stated value found in it, or the title of the row's section). Candidates
are scored by

* character-bigram TF-IDF similarity between the comment (opinion + answer,
  the answer counted twice) and the changed text,
* where the comment points: same section > on the cited page > descendant >
  ancestor > only named; a reference by page alone names the rows printed on
  that page, not the whole section holding the page,
* whether the answer names the change (a phrase, a quote, a stated value),
  discounted by how many rows hold that phrase (a template phrase names none),
  and whether the opinion names it (a quoted name, the indicator of a cell),
* the answer's own promise read as a kind of row (「施策を二つに分けて」 → a split,
  「順序を入れ替え」 → a reorder, 「目標値を修正」 → a changed value, 「削除」 →
  a deletion): agreeing raises the score, contradicting lowers it,
* the answer type: 反映 (or an answer promising an edit: …を記載する) counts
  most; 参考/既記載/不反映 answers can still link when they quote the change.

A comment links to its best row when it reaches ``LINK_THRESHOLD`` or, for an
answer promising an edit, is clearly ahead of its other rows; to a second row
only when the answer names it too. Comments compete for rows where scores are
close (``choose_links``). Explicit citations always win.

Rows without a convincing comment get ``external`` when the changed text cites
an outside revision (a plan, guideline or law 改定/改正/公表 with 第N版 or a
year-month) and ``unknown`` otherwise. ``internal`` comes from staff decisions
and from the plan's own reorganisation (only its division names changed).

This module assigns links (``choose_links``) and causes (``cause_for``); the
steps before it live beside it: ``link_scores`` (candidates and scores),
``promises`` (what an answer promises), ``row_target`` (a row and its places),
``text_match`` (text similarity) and ``external`` (outside revisions).
"""

from __future__ import annotations

import re

from revtool.changes.external import BASIS, External, own_reorganisation
from revtool.changes.link_scores import (
    LINK_THRESHOLD,
    NAMED_ONLY_CUTOFF,
    ONLY_ROW_FLOOR,
    PROMISE_FLOOR,
    PROMISE_MARGIN,
    RELATIVE_CUTOFF,
)
from revtool.changes.table import Scored
from revtool.changes.text_match import norm_text
from revtool.model import Cause, CauseType, Link


EXTRA_CUTOFF = 0.85  # a comment's second row: this near its best one, and named by the answer
EXTRA_NAMED = 0.5  # how strongly the answer must name a second row (a quote found in it)
NEAR_TIE = 0.9  # rows within this share of a comment's best score compete for it
_PLACE_RANK = {"same": 4, "page": 3, "descendant": 3, "ancestor": 2, "off-page": 1, "named": 0}
TIE = 0.98  # a second row this close to the best, neither named by the answer: no link (a coin toss is no evidence)


def choose_links(
    scored: list[Scored],
    cited: frozenset[str] = frozenset(),
    confirmed: tuple[tuple[str, str], ...] = (),
    rejected: tuple[tuple[str, str], ...] = (),
    answers: "dict[str, str] | None" = None,
) -> tuple[Link, ...]:
    """Links from scored pairs. ``confirmed`` (comment, row) pairs always link
    with confidence 1.0; ``rejected`` pairs never link; a ``cited`` comment
    (ingest --cites) links to its best row even below the threshold.

    Otherwise a comment links to ONE row, its best: when the score reaches
    ``LINK_THRESHOLD``, or when its answer promised an edit and the row is
    clearly ahead of the comment's other rows (``PROMISE_MARGIN``) or the only
    row where the comment points. A second row links only when the answer names
    it too (a quote found in it), it scores nearly as well and it is no farther
    from where the comment points than the first: one answer
    rarely causes two rows, and vague answers (「構成を見直し修文いたします」) must
    not spill onto their neighbours.

    Comments compete for rows: comments are settled most decisive first, and a
    row already taken by a comment with another answer (``answers``: comment id
    → answer text) steps back when a comment hesitates between it and rows
    within ``NEAR_TIE`` of it (a greedy matching over the score matrix where the
    scores are close). Comments with the same answer share a row."""
    rejected_set = set(rejected)
    answers = answers or {}
    ranked: dict[str, list[Scored]] = {}
    for s in scored:
        if (s.comment_id, s.row_id) in rejected_set:
            continue
        ranked.setdefault(s.comment_id, []).append(s)
    links: dict[tuple[str, str], Link] = {}
    for c, r in confirmed:
        links[(c, r)] = Link(c, r, 1.0, "職員が確認したリンク（decisions.toml）")
    confirmed_comments = {c for c, _ in confirmed}

    def margin(items: list[Scored]) -> float:
        return items[0].score - (items[1].score if len(items) > 1 else 0.0)

    order = sorted(ranked, key=lambda cid: (-margin(sorted(ranked[cid], key=lambda x: -x.score)), cid))
    taken: dict[str, set[str]] = {}  # row → normalised answers of the comments linked to it
    for cid in order:
        if cid in confirmed_comments:
            continue
        items = sorted(ranked[cid], key=lambda x: (-x.score, x.row_id))
        top = items[0].score
        if cid in cited:
            for s in items:
                if s.score >= top * RELATIVE_CUTOFF and s.score > 0:
                    links[(cid, s.row_id)] = Link(cid, s.row_id, max(s.score, 0.9), "改定時に引用された意見（--cites）、" + s.evidence)
            continue
        answer = norm_text(answers.get(cid, ""))
        near = [s for s in items if s.score >= top * NEAR_TIE]
        free = [s for s in near if not (taken.get(s.row_id, set()) - {answer})] if answer else near
        competed = ""
        if free and free[0] is not items[0]:
            # the best row is explained by another answer: take the next free one
            competed = "（同程度の候補のうち、他の回答に対応済みでない行）"
            in_free, in_near = set(free), set(near)  # membership by equality, as in the lists, in one step
            rest = [s for s in items if s is not free[0] and (s in in_free or s not in in_near)]
            items = [free[0]] + rest
        first = items[0]
        second = items[1].score if len(items) > 1 else 0.0
        chosen: list[Scored] = []
        rival = max((s.score for s in items[1:] if _PLACE_RANK[s.relation] >= _PLACE_RANK[first.relation]), default=0.0)
        if rival >= first.score * TIE and first.named < EXTRA_NAMED:
            continue  # two rows equally likely and nothing names either: staff choose (the 反映 answer is warned)
        if first.score >= LINK_THRESHOLD and (first.relation != "named" or first.score >= top * NAMED_ONLY_CUTOFF):
            chosen.append(first)
        elif (first.promised and first.fits >= 0 and first.relation != "named"
              and first.score >= (ONLY_ROW_FLOOR if first.fits >= 2 else PROMISE_FLOOR)
              and first.score >= second * PROMISE_MARGIN):
            # a promise naming the row's very kind of edit (「施策を二つに分けて」 and the one
            # split there) links it from a lower score: the page cited may be its heading's
            chosen.append(first)
        elif (first.promised and first.fits >= 0 and first.relation in ("same", "descendant", "page") and len(items) == 1
              and first.score >= ONLY_ROW_FLOOR):
            # the one row where a 反映 answer points, however vague the answer
            # (「目標値を修正いたします」)
            chosen.append(first)
        if chosen:
            for s in items[1:]:
                # never farther from where the comment points than the first row: the same words
                # edited in another 施策 answer another comment there
                if s.score >= LINK_THRESHOLD and s.score >= first.score * EXTRA_CUTOFF and s.named >= EXTRA_NAMED \
                        and _PLACE_RANK[s.relation] >= _PLACE_RANK[first.relation]:
                    chosen.append(s)
        for s in chosen:
            links[(cid, s.row_id)] = Link(cid, s.row_id, s.score, s.evidence + (competed if s is first else ""))
            if answer:
                taken.setdefault(s.row_id, set()).add(answer)
    return tuple(sorted(links.values(), key=lambda l: (_rid(l.row_id), _cid(l.comment_id))))


def _rid(row_id: str) -> tuple[int, str]:
    m = re.match(r"R(\d+)$", row_id)
    return (int(m.group(1)), "") if m else (10**9, row_id)


def cause_for(
    row_id: str,
    links: tuple[Link, ...],
    external: External | None,
    internal_note: str | None = None,
    organisation: bool = False,
    national: bool = False,
    own_update: str = "",
    unworded: bool = False,
) -> Cause:
    """The row's cause: staff decision (internal) > linked comments > outside
    revision > unknown. A change of the plan's own organisation names (its
    divisions, its 組織改正) is ``internal``: the author reorganised itself; so
    is the plan's own update of its figures to a later date (``own_update``, its
    evidence: every 成果目標's 現状 moved from 2023年 to 2024年), and a row that
    changes no word, only moves or reorders what was written (``unworded``):
    the office restructured its text, inferred."""
    if internal_note is not None:
        return Cause(CauseType.INTERNAL, (), 1.0, internal_note or "職員の判断（decisions.toml）")
    mine = [l for l in links if l.row_id == row_id]
    if mine:
        mine.sort(key=lambda l: (-l.confidence, l.comment_id))
        ids = tuple(sorted((l.comment_id for l in mine), key=_cid))
        return Cause(CauseType.COMMENT, ids, max(l.confidence for l in mine), "；".join(f"{l.comment_id}: {l.evidence}" for l in mine))
    if external is not None and own_reorganisation(external):
        return Cause(CauseType.INTERNAL, (), 0.6, f"自らの組織改正・組織編制の反映と推定：{external.sentence[:80]}")
    if external is not None and external.verb == BASIS:
        # no revision dated: the new text places the plan under a law's provision (…第8条第1項に基づく計画)
        return Cause(CauseType.EXTERNAL, (), 0.6,
                     f"法令の規定に基づく記載（「{external.document}」{external.number}）：{external.sentence[:80]}")
    if external is not None:
        what = "、".join(x for x in (f"「{external.document}」" if external.document else "", external.edition, external.when) if x)
        ev = f"外部の改定等（{external.verb}{'：' + what if what else ''}）：{external.sentence[:80]}"
        return Cause(CauseType.EXTERNAL, (), 0.8 if external.document or external.edition else 0.6, ev)
    if own_update:
        return Cause(CauseType.INTERNAL, (), 0.6, own_update)
    if organisation and national:
        # 内閣府…室 → …庁: the state reorganised its bodies (a law or an ordinance), not the author
        return Cause(CauseType.EXTERNAL, (), 0.6, "国の組織の改編（府省庁等の名称の変更）と推定")
    if organisation:
        # the plan's own divisions (…課, …担当課長) renamed, added or dropped: the
        # author's reorganisation (令和8年度組織編制), a decision of its own, not an
        # outside revision
        return Cause(CauseType.INTERNAL, (), 0.6, "組織名のみの変更（自らの組織改正・組織編制の反映と推定）")
    if unworded:
        # a paragraph moved, as it was, to another section: no name changed, no comment asked it
        return Cause(CauseType.INTERNAL, (), 0.6, "文言を変えずに記載箇所を移動・並べ替え（意見・外部の改定によらない構成の見直しと推定）")
    return Cause(CauseType.UNKNOWN, (), 0.0, "対応する意見・外部の改定が見つかりません")


def _cid(cid: str) -> tuple[int, str]:
    m = re.match(r"C(\d+)$", cid)
    return (int(m.group(1)), "") if m else (10**9, cid)
