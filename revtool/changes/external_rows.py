"""One outside revision quoted in several places is one row. Pure.

A national guideline revised once (国の「医療計画作成指針」が令和７年10月に一部改正)
may be written into the plan's 位置付け (「…指針」（令和７年10月一部改正）) and again
into a 節 that the revision concerns (なお、令和７年10月に国の「…指針」が一部改正され、…):
staff write one row of 別紙2 that lists both places and both pages, as they
do for a name replaced throughout (``same_decision``). The rows are told
alike by what ``external.detect_external`` reads in each: the same document
named, the same verb, the same date.
"""

from __future__ import annotations

import re
from collections import defaultdict

from revtool.changes.external import BASIS, EDITION_OF, External, Prior, detect_external, replaced_reference
from revtool.changes.facts import TEXT, Fact
from revtool.changes.group import Group, join_groups, own_row, take_facts, with_continuations
from revtool.changes.row_fields import row_link_target
from revtool.changes.text_match import norm_text
from revtool.model import Document


def revision_of(g: Group, old_doc: Document | None, prior: Prior | None) -> External | None:
    """The outside revision a row's text cites, as the row's cause will read it."""
    target = row_link_target("", g.facts, g.paths, g.structural, old_doc)
    return detect_external(target.added, target.context, target.removed, prior) \
        or replaced_reference(target.removed, target.added)


def join_same_revision(groups: list[Group], old_doc: Document | None, prior: Prior | None) -> list[Group]:
    """Rows that cite the same outside revision (document named, verb and date
    all read, and equal) joined into the first of them; the others' edits count
    for its places and pages (echoes), its own words make the summary. Rows of
    a structural decision or of every section (各章) stay as they are."""
    found: dict[tuple[str, str, str], list[tuple[Group, External]]] = defaultdict(list)
    for g in groups:
        if g.every or g.added_root or g.structural or not g.facts:
            continue
        ext = revision_of(g, old_doc, prior)
        if ext is None:
            continue
        # dated (令和７年６月), or a law's article cited as the basis (第8条第1項)
        when = ext.when or (ext.number if ext.verb == BASIS else "")
        if not ext.document or not when or not ext.verb:
            continue
        found[(norm_text(ext.document), norm_text(when), ext.verb)].append((g, ext))
    citing = {id(g) for same in found.values() for g, _ in same}
    for same in found.values():
        first, ext = same[0]
        # a row whose every added words name the revised document with its revision, undated
        # (改正された食料・農業・農村基本法の基本理念に沿って、): the same revision written into
        # another place, not a decision of its own (a row that dates a revision is its own)
        echoes = [g for g in groups if id(g) not in citing and _recalls(g, ext)]
        citing.update(id(g) for g in echoes)
        if len(same) + len(echoes) < 2:
            continue
        # only the edits that cite the revision make its row: another decision of the same
        # section (a コラム added beside it, a heading dropped) stays a row of its own
        row = own_row(first, _citing(first, ext), groups)
        for g, _ in same[1:]:
            take_facts(_citing(g, ext), g, row, groups)
        for g in echoes:
            join_groups(row, g, echo=True, why="")
            groups.remove(g)
        cited = (f"同じ法令の規定（「{ext.document}」{ext.number}）" if ext.verb == BASIS
                 else f"同じ外部の改定等（{ext.verb}：「{ext.document}」、{ext.when}）")
        row.why.append(f"{cited}を引く{len(same) + len(echoes)}か所のため一つの行")
    return groups


def _citing(g: Group, ext: External) -> list[Fact]:
    """The facts of ``g`` that cite ``ext``: those whose added words name its document,
    with the other edits of the same paragraphs and the passage they go on with
    (``with_continuations``); all of them when none names it (同法の改正: the row as a
    whole cites it)."""
    doc = norm_text(ext.document)
    named = {f.change.id for f in g.facts
             if doc in norm_text(f.new) or (f.kind == TEXT and doc in norm_text(f.new_unit) and doc not in norm_text(f.old_unit))}
    return with_continuations([f for f in g.facts if f.change.id in named], g.facts) or list(g.facts)


def _recalls(g: Group, ext: External) -> bool:
    """Whether each fact of ``g`` only adds words that name ``ext``'s document
    together with its revision word (改正された…法, …法の改正を踏まえ), nothing removed."""
    if g.every or g.added_root or g.structural or not g.facts:
        return False
    doc, verb = norm_text(ext.document), norm_text(ext.verb)
    return all(not f.old and f.new and doc in norm_text(f.new) and verb in norm_text(f.new)
               and not _DATED.search(norm_text(f.new)) for f in g.facts) or _recited(g, ext)


def _recited(g: Group, ext: External) -> bool:
    """Whether ``g`` only brings another citation of ``ext``'s document up to date:
    each fact replaces its edition or its date with ``ext``'s own (国の第５次…計画
    （令和２年12月閣議決定） → 第６次…（令和７年12月…）), in a sentence that names
    the document, and the edition is among them."""
    edition = EDITION_OF.search(ext.document)
    if edition is None:
        return False
    name = norm_text(ext.document[edition.end():])
    new_parts = {norm_text(edition.group()), norm_text(ext.when)} - {""}
    if len(name) < 4 or not g.facts:
        return False
    recited = [f for f in g.facts if f.old and f.new and norm_text(f.new) in new_parts
               and norm_text(f.old) != norm_text(f.new) and name in norm_text(f.new_unit or f.new)]
    return len(recited) == len(g.facts) and any(norm_text(f.new) == norm_text(edition.group()) for f in recited)


# a year (令和6年, 2024年): a text that dates a revision cites one of its own
_DATED = re.compile(r"(?:令和|平成|昭和)(?:\d{1,2}|元)年|(?:19|20)\d{2}年")
