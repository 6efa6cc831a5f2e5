"""Group substantive changes into the rows of 素案からの主な変更点 (別紙2). Pure.

Rules, in order:

1. Editorial changes (文言整理) never make a row; they are counted. Front
   matter (no section: cover, 目次) and pure renumbering of a heading are
   not reportable either.
2. Each change is split into facts (``change_facts``): a column added, a
   cell rewritten, a phrase deleted, a row or section added.
3. The same edit repeated in several sections (the same column added to the
   indicator table of every 施策, the same phrase deleted in two places)
   becomes one row; groups repeated over the same set of sections merge
   (a column and its footnote).
4. Every other fact makes a row with the other facts of its section; facts
   inside a section added as a whole belong to that section's row.
5. Rows are numbered R1… in document order.

Then each row gets its cause (``link``), its summary (``summary``) and the
staff decisions are applied; consistency warnings are collected.

This module runs those steps (``build_changelog``); each lives beside it:
``reportable`` (rules 1, what counts), ``facts`` (2), ``fact_groups`` (3-4),
``row_fields`` and ``row_pages`` (a row's fields and pages), ``table_warnings``.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace
from typing import TypeVar

from revtool.changes.answer_rows import join_answered_rows
from revtool.changes.editorial_answers import (
    QUOTE,
    UNLINKED_MARK,
    EditorialIndex,
    answered_by_editorial,
    editorial_answers,
    keep_pair,
)
from revtool.changes.external import (
    Prior,
    detect_external,
    prior_of,
    national_organisation,
    organisation_only,
    replaced_reference,
)
from revtool.changes.external_rows import join_same_revision
from revtool.changes.rolled_series import mark_rolled_series
from revtool.changes.entry_places import join_entry_and_schedule
from revtool.changes.fact_groups import answered_comment, block_moves, group_facts, merge_by_new_terms, added_sections, renumbered_titles
from revtool.changes.facts import BLOCK_MOVED, Fact, facts_of, split_apart, with_table_context
from revtool.changes.headings import heading_title
from revtool.changes.group_links import answer_followers, expand_links, follow_answers, link_units, spread_group_links
from revtool.changes.item import Outline
from revtool.changes.item_story import ItemStory, list_item_story, with_item_names
from revtool.changes.link import choose_links
from revtool.changes.link_scores import PairScores
from revtool.changes.moved_content import absorb_moved_content
from revtool.changes.reportable import (
    between_kept_sections,
    only_numbering,
    outline_count_consequences,
    renumbering_consequences,
    reordered,
    reportable,
    swapped_items,
    title_paths,
)
from revtool.changes.row_fields import office_structure_cause, row_cause, changed_items, no_word_changed, row_item, row_kind, row_changes, STRUCTURAL_KIND, row_link_target
from revtool.changes.row_pages import move_echoes, order_echoes, new_version_pages, structural_pages
from revtool.changes.same_decision import join_across_places
from revtool.changes.row_moves import join_row_moves
from revtool.changes.group import Group, ordered_unique
from revtool.changes.title_splits import title_splits
from revtool.changes.summary import SummaryStyle, summarize, whole_phrase_summary
from revtool.changes.table import Changelog, ChangelogWarning, Scored  # noqa: F401 (the table's data, re-exported)
from revtool.changes.table_warnings import changelog_warnings
from revtool.changes.unmarked import MarkIndex
from revtool.compare.diff import full_text
from revtool.model import CauseType, Change, ChangeKind, ChangeRow, Comment, Document, Link, ResponseType, SectionPath
from revtool.changes.decisions import Decisions


_T = TypeVar("_T")


def build_changelog(
    changes: "tuple[Change, ...] | list[Change]",
    comments: "tuple[Comment, ...] | list[Comment]" = (),
    decisions: Decisions | None = None,
    new_doc: Document | None = None,
    old_doc: Document | None = None,
    style: SummaryStyle = SummaryStyle(),
    basis: "Basis | None" = None,
) -> Changelog:
    """The whole 別紙2: rows with causes and summaries, links, warnings.
    ``style``: the ward's way of writing summaries (``[summary]`` of revtool.toml).
    ``basis``: what an earlier build on the same changes, comments and
    documents computed (``Basis``: filled when empty, reused when it fits)."""
    decisions = decisions or Decisions()
    outline = Outline.of(new_doc)
    if basis is not None and basis.stage and basis.verdicts == (decisions.editorial, decisions.substantive):
        stage: _Stage = pickle.loads(basis.stage)  # a copy: the steps below change the groups
    else:
        stage = _group_changes(changes, comments, decisions, new_doc, old_doc, outline)
        if basis is not None and not basis.stage:
            basis.verdicts = (decisions.editorial, decisions.substantive)
            basis.stage = pickle.dumps(stage, protocol=pickle.HIGHEST_PROTOCOL)
    editorial, editorial_changes, groups, prior = stage.editorial, stage.editorial_changes, stage.groups, stage.prior

    drafts: list[tuple[str, Group]] = [(f"R{i}", g) for i, g in enumerate(groups, 1)]
    targets = [row_link_target(rid, g.facts, g.paths, g.structural, old_doc) for rid, g in drafts]
    comment_list = list(comments)
    # a 反映 answer quoting the very words of a 文言整理 in its section
    # (「…に統一いたします」) was answered by that edit: no row of its own to link
    editorial_index = EditorialIndex(editorial_changes)
    by_editorial = {c.id for c in comment_list if c.response_type == ResponseType.REFLECTED
                    and QUOTE.search(c.response) and answered_by_editorial(c, editorial_index)}
    named = {c for c, _ in decisions.confirmed + decisions.rejected} | set(decisions.cites)
    # 「No.6と同様です」: the row takes No.6's links, it is not scored on its own
    pointing = answer_followers(comment_list, named)
    units, followers = link_units([c for c in comment_list if c.id not in pointing], named)  # a 同趣旨 group is scored once
    # the scores are those of the table without decisions: its units are the
    # model every unit is scored against, a decision only adds units (Basis)
    cites = frozenset(decisions.cites)
    if named == set(cites):
        model = units
    else:
        pointing_undecided = answer_followers(comment_list, cites)
        model = link_units([c for c in comment_list if c.id not in pointing_undecided], cites)[0]
    scorer = basis.scores if basis is not None and basis.scores is not None else None
    if scorer is None or not scorer.fits(targets, model, cites):
        scorer = PairScores(targets, model, cites)
        if basis is not None and basis.scores is None:
            basis.scores = scorer
    # a 反映 answer to a wording comment (「施索」は誤記ではないか → 修文いたします) whose own
    # section holds the 文言整理 that answers it: a row elsewhere links only when named
    wording = editorial_answers([c for c in units if c.id not in by_editorial and c.id not in named],
                                editorial_index)
    by_target = {t.row_id: t for t in targets}
    scored, unlinked = [], []
    for s in scorer.pairs(units, comment_list):
        if s.comment_id in by_editorial:
            continue
        answer = wording.get(s.comment_id)
        if answer is None or keep_pair(s, answer, by_target[s.row_id]):
            scored.append(s)
        else:
            unlinked.append(replace(s, evidence=s.evidence + f"、{UNLINKED_MARK}{answer.why}"))
    links = choose_links(scored, decisions.cites, decisions.confirmed, decisions.rejected,
                         {c.id: c.response for c in units})
    links = spread_group_links(links, units, named | {c for c, _ in decisions.rejected})
    scored += unlinked
    if followers:
        links = expand_links(links, followers, comment_list)
    links = follow_answers(links, pointing)
    # one 反映 answer carried out in several places inside the section it answers for: one row
    joined_drafts, links, scored = join_answered_rows(drafts, links, scored, comment_list)
    if len(joined_drafts) != len(drafts):
        drafts = joined_drafts
        targets = [row_link_target(rid, g.facts, g.paths, g.structural, old_doc) for rid, g in drafts]

    rows: list[ChangeRow] = []
    excluded: list[str] = []
    moved_blocks = [ch for ch in changes if ch.kind == ChangeKind.MOVED and ch.block_kind != "section"]
    by_id = {c.id: c for c in comment_list}
    marks = MarkIndex.of(old_doc, new_doc)  # quotes never carry a footnote mark (制度的補完性118にも)
    # each row's links, in the links' order: cause_for reads only its row's (one pass, not one per row)
    linked_ids = {link.comment_id for link in links}
    links_of: dict[str, list[Link]] = {}
    for link in links:
        links_of.setdefault(link.row_id, []).append(link)
    scored_of: dict[str, list[Scored]] = {}  # each row's scores, for the structural-cause step (not rows x scores)
    for s in scored:
        scored_of.setdefault(s.row_id, []).append(s)
    for (rid, g), target in zip(drafts, targets):
        dec = decisions.row(rid)
        if dec.exclude:
            excluded.append(rid)
            continue
        external = detect_external(target.added, target.context, target.removed, prior) \
            or replaced_reference(target.removed, target.added)
        removed_items = [x for f in g.facts for x in changed_items(f.old, f.new)[0]]
        added_items = [x for f in g.facts for x in changed_items(f.old, f.new)[1]]
        # an item moved in its list changes no word: it is no change of names (組織改正)
        organisation = g.structural != "reordered" and organisation_only(removed_items, added_items)
        national = organisation and national_organisation(removed_items, added_items)
        # a paragraph moved, as it was, to another section: the office's own restructuring, with its
        # own evidence (a reordered item's row stays with office_structure_cause below)
        unworded = g.structural != "reordered" and no_word_changed(removed_items, added_items)
        cause = row_cause(rid, tuple(links_of.get(rid, ())), external, organisation, dec, national, g.own_update,
                          unworded=unworded)
        if cause.type == CauseType.UNKNOWN and g.structural and dec.cause is None:
            # the office's own restructuring, when every promise near it is kept elsewhere (said as inferred)
            cause = office_structure_cause(g.structural, scored_of.get(rid, []), linked_ids) or cause
        linked = sorted(
            (by_id[c] for c in cause.comment_ids if c in by_id),
            key=lambda c: (c.response_type != ResponseType.REFLECTED, c.row),
        )
        listed_pages, listed_in = order_echoes(g, old_doc, new_doc)
        if listed_in:
            g.paths = ordered_unique(g.paths + listed_in)
            g.why.append("入れ替えた二つの名称が" + "・".join(heading_title(p[-1]) for p in listed_in) + "でも順序を入れ替えて並ぶため、その箇所も一つの行")
        moved_pages, moved_in = move_echoes(g, old_doc, new_doc)
        if moved_in:
            new_in = [p for p in moved_in if p not in g.paths]
            g.paths = ordered_unique(g.paths + moved_in)
            listed_pages |= moved_pages
            if new_in:
                g.why.append(f"移動した「{heading_title(g.heading_paths[0][-1])}」が" + "・".join(heading_title(p[-1]) for p in new_in)
                             + "でも移動先の見出しの下に並ぶため、その箇所も一つの行")
        placed = [f for f in g.facts if id(f) not in g.mentions]
        own = [f for f in placed if id(f) not in g.echoes]
        ext = external if cause.type == CauseType.EXTERNAL else None
        spoken = with_item_names(marks.for_summary(own), new_doc)
        story = list_item_story(spoken, old_doc, new_doc) if not g.statement else ItemStory()
        # a row that is only the 取組 split, merged or reordered is of that kind
        story_kind = story.kinds[0] if len(story.kinds) == 1 and story.facts >= {id(f) for f in spoken} else None
        rows.append(
            ChangeRow(
                id=rid,
                item=dec.item or row_item(g, outline),
                # a structural decision is also seen where it is announced (the 施策の体系 line of a split)
                new_pages=tuple(sorted(set(structural_pages(g, g.facts, new_doc, moved_blocks)) | listed_pages)) if g.structural
                else new_version_pages(placed, new_doc, g.anchor, old_doc),
                summary=dec.summary or (g.statement if g.statement and cause.type in (CauseType.INTERNAL, CauseType.UNKNOWN)
                                        and not dec.note else "")
                or summarize(spoken, cause.type, linked, ext, organisation, reason=dec.note, style=style,
                             statement=g.statement, items=story)
                or whole_phrase_summary(own or placed or g.facts),  # never a row without a summary
                kind=STRUCTURAL_KIND.get(g.structural) or (ChangeKind.MOVED if g.moved_from else None) or story_kind or row_kind([f for f in g.facts if id(f) not in g.echoes]),
                section_paths=tuple(g.paths),
                changes=row_changes(g.facts),
                cause=cause,
                page_label=g.every if g.every.startswith("各") else "",
                grouping="；".join(g.why),
            )
        )
    warnings = changelog_warnings(rows, comment_list, links, editorial_index)
    return Changelog(tuple(rows), tuple(comment_list), links, editorial, tuple(warnings), tuple(excluded),
                     tuple(scored))


@dataclass
class _Stage:
    """The changes judged and grouped into the rows' groups (before links)."""

    editorial: int
    editorial_changes: list[Change]
    groups: list[Group]
    prior: "Prior | None"


def _group_changes(changes: "tuple[Change, ...] | list[Change]", comments: "tuple[Comment, ...] | list[Comment]",
                   decisions: Decisions, new_doc: Document | None, old_doc: Document | None,
                   outline: Outline) -> _Stage:
    """Rules 1-4: which changes are reportable (the staff's editorial and
    substantive verdicts count here, no other decision does), their facts and
    the groups that become rows."""
    editorial = 0
    editorial_changes: list[Change] = []
    facts: list[Fact] = []
    swapped = reordered(changes) | swapped_items(changes)
    consequences = renumbering_consequences(changes, swapped) | outline_count_consequences(changes, old_doc, new_doc)
    apart = split_apart(changes)  # the new part of a 節 split in two whose old 節 took a new name
    for idx, ch in enumerate(changes):
        if ch.id in consequences and ch.id not in decisions.substantive:
            continue
        verdict = reportable(ch, decisions, swapped)
        if verdict is False:
            editorial += 1
            editorial_changes.append(ch)
            continue
        if verdict is None:
            continue
        blocks = _blocks(new_doc, ch.section_path) + _blocks(old_doc, ch.old_section_path)
        facts.extend(with_table_context(f, blocks) for f in facts_of(ch, idx, ch.id in apart) if not only_numbering(f))
    if any(f.kind == BLOCK_MOVED for f in facts) and old_doc is not None and new_doc is not None:
        kept = title_paths(old_doc), title_paths(new_doc)
        facts = [f for f in facts if f.kind != BLOCK_MOVED or between_kept_sections(f, *kept)]
    new_sections = added_sections(facts, old_doc)
    moves = block_moves(changes, old_doc, new_doc)
    groups = merge_by_new_terms(
        group_facts(facts, outline, new_sections, renumbered_titles(old_doc, new_doc), moves,
                    tuple(answered_comment(c) for c in comments
                          if c.response_type == ResponseType.REFLECTED and c.resolved_section_paths),
                    title_splits(old_doc, new_doc)), old_doc
    )
    groups = join_entry_and_schedule(groups)  # a 取組 written into the text and into its schedule table: one row
    absorb_moved_content(groups, old_doc, new_doc)  # what only moved with a split or merge is part of it
    groups = join_across_places(groups, old_doc, new_doc)  # one decision in places that differ in wording
    mark_rolled_series(groups)  # a table's years moved on with its text: the statistics brought up to date
    # what the old version already cites and dates: a revision it could cite is no news
    prior = prior_of(full_text(old_doc)) if old_doc is not None and groups else None
    groups = join_same_revision(groups, old_doc, prior)  # one outside revision quoted in several places
    groups = join_row_moves(groups)  # a table row deleted in one section and added as it was in another: one move

    return _Stage(editorial, editorial_changes, groups, prior)


@dataclass
class Basis:
    """What building a change table computes that the staff's link and row
    decisions do not change (issue 15: the comparison computed once): the
    groups of changes, made under the editorial/substantive verdicts
    ``verdicts`` (kept pickled: every use gets its own copy, the rows' steps
    change them), and the link scores (``PairScores``). ``build_changelog``
    fills an empty one and reuses one that fits, so that the table with a
    review decision (an accepted row, a confirmed link, a summary) is built
    from the undecided table's groups and scores. Valid only for the same
    changes, comments and documents: kept in the workspace cache under their
    key (``pipeline._base_table``)."""

    verdicts: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    stage: bytes = b""
    scores: PairScores | None = None


def _blocks(doc: Document | None, path: SectionPath) -> tuple[object, ...]:
    if doc is None or not path:
        return ()
    sec = doc.find(path)
    return sec.blocks if sec is not None else ()
