"""Oracle for tests/test_link_index.py: ``score_pairs``, ``choose_links`` and
``cause_for`` of changes/link.py as they were before they were indexed (every
row scanned for the indicator an opinion names, list membership by equality
among a comment's near-tied rows, every link scanned once per row). Do not
change it to follow link.py; it is the reference the indexed code must equal."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from itertools import repeat
from operator import mul

from revtool.changes.headings import heading_title
from revtool.compare import morph
from revtool.changes.promises import (
    BOILERPLATE,
    QUOTED,
    STATED_VALUE,
    UNIFY,
    AGREE_STRONG,
    CONTRADICTS,
    POINTS_BACK,
    described_words,
    kind_fit,
    promised_kinds,
    promised_objects,
    promises_edit,
    row_family,
)
from revtool.changes.link import _PLACE_RANK, EXTRA_CUTOFF, EXTRA_NAMED, NEAR_TIE, TIE, _cid, _rid
from revtool.changes.link_scores import (
    GRAM,
    LINK_THRESHOLD,
    NAMED_FLOOR,
    NAMED_ONLY_CUTOFF,
    ONLY_ROW_FLOOR,
    OPINION_NAMED,
    PROMISE_FLOOR,
    PROMISE_MARGIN,
    HIRAGANA,
    RELATION_SCORE,
    SPREAD_FLOOR,
    SPREAD_MIN,
    RELATIVE_CUTOFF,
    SAME_SECTION_BONUS,
    TYPE_WEIGHT,
    WORD_MIN,
    WORD_NAMED,
    QUOTE_PART,
    _holders,
    _named_from,
    _row_keys,
    _Row,
    _titles,
)
from revtool.changes.external import External, own_reorganisation
from revtool.changes.headings import path_key as _path_key
from revtool.changes.row_target import RowTarget, relation_keys
from revtool.changes.table import Scored
from revtool.changes.text_match import norm_text, vector_norm, phrase_words, shared_scored, Tfidf, char_trigrams
from revtool.model import Cause, CauseType, Comment, Link, ResponseType


def score_pairs(targets: list[RowTarget], comments: list[Comment], cited: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate (comment, row) pair with its score, best first. A cited
    comment (ingest --cites) is a candidate for every row.

    Row and comment features are computed once; a comment's candidate rows
    come from indexes (section-path prefixes, section titles, quoted phrases)
    instead of a scan of every row."""
    docs = [t.added + "\n" + t.removed for t in targets] + [c.opinion + "\n" + c.response for c in comments]
    model = Tfidf(docs)
    title_rows: Counter[str] = Counter()
    for t in targets:
        title_rows.update(_titles(t))
    rows: list[_Row] = []
    by_prefix: dict[tuple[str, ...], list[int]] = {}  # every prefix of a row's path key → rows
    by_key: dict[tuple[str, ...], list[int]] = {}  # a row's whole path key → rows
    by_title: dict[str, list[int]] = {}  # normalised title (4+ chars) → rows
    by_gram: dict[str, set[int]] = {}  # GRAM-character piece of a row's changed text → rows
    by_page: dict[int, list[int]] = {}  # 素案 page → rows printed on it
    for i, t in enumerate(targets):
        vec = model.vector(t.added + "\n" + t.removed)
        keys = [k for k in (_path_key(p) for p in t.section_paths + t.old_section_paths) if k]
        titles = [(heading_title(h), norm_text(heading_title(h))) for path in t.section_paths for h in path[-2:]]
        rows.append(_Row(t, i, vec, vector_norm(vec), keys, norm_text(t.added + "\n" + t.removed + "\n" + t.labels),
                         max(len(norm_text(t.added + t.removed)), 1), titles, pages=frozenset(t.old_pages),
                         family=row_family(t), keys_named=_row_keys(t.labels),
                         places=tuple(dict.fromkeys(k for k in (_path_key(p) for p in t.section_paths) if k))))
        rows[-1].trigrams = char_trigrams(rows[-1].changed)
        rows[-1].added = norm_text(t.added)
        rows[-1].context = norm_text(t.context)
        for pg in t.old_pages:
            by_page.setdefault(pg, []).append(i)
        for k in keys:
            by_key.setdefault(k, []).append(i)
            for n in range(1, len(k) + 1):
                by_prefix.setdefault(k[:n], []).append(i)
        for _, tn in titles:
            if len(tn) >= 4:
                by_title.setdefault(tn, []).append(i)
        changed_i = rows[-1].changed
        for g in {changed_i[j : j + GRAM] for j in range(len(changed_i) - GRAM + 1)}:
            by_gram.setdefault(g, set()).add(i)
    # rows whose whole new text is short (a value, a name): looked up inside quotes
    short_added = [r for r in rows if 3 <= len(r.added) < GRAM * 4]
    long_added = {r.order for r in rows if len(r.added) >= GRAM * 4}
    by_title_head: dict[str, list[str]] = {}  # first 4 characters of a title → titles (finds those in an answer)
    for tn in by_title:
        by_title_head.setdefault(tn[:4], []).append(tn)
    # a title shared by so many rows that naming it cannot reach NAMED_FLOOR (0.9/√rows,
    # _named_from) makes no candidate by itself: its rows count only when related or quoted
    weak_titles = {tn for tn in by_title if 0.9 / math.sqrt(max(title_rows.get(tn, 1), 1)) < NAMED_FLOOR}
    piece_cache: dict[str, int] = {}  # piece of text → rows whose changed text holds it
    word_rows: dict[str, frozenset[int]] = {}  # a word an opinion describes → rows whose changed text holds it
    out: list[Scored] = []
    for c in comments:
        cvec = model.vector(c.opinion + "\n" + c.response + "\n" + c.response)
        cnorm = vector_norm(cvec)
        ckeys_g, cvals = list(cvec.keys()), list(cvec.values())
        rvec = model.vector(c.response)
        rtotal = sum(rvec.values())
        reflected = c.response_type == ResponseType.REFLECTED or promises_edit(c.response)
        weight = 1.0 if reflected else TYPE_WEIGHT.get(c.response_type, 0.3)
        resp = norm_text(c.response)
        # phrases are looked for outside the answer's boilerplate (ご意見を踏まえ)
        resp_words = BOILERPLATE.sub("＿", resp)
        words = phrase_words(resp_words)
        want = promised_kinds(c.response) if reflected else frozenset()
        cpages = set(c.locator.pages)
        # a reference by page alone resolves to the smallest section holding
        # the whole page: only the rows printed on that page are where it points
        page_only = bool(cpages) and not c.locator.numbers and not c.locator.title and not c.locator.every
        # the opinion's own words (a name it quotes, the indicator it discusses)
        # (read for answers promising an edit only: the others hardly link)
        op = BOILERPLATE.sub("＿", norm_text(c.opinion)) if reflected else ""
        op_words = phrase_words(op)
        op_quotes = [norm_text(q) for q in QUOTED.findall(c.opinion) if len(norm_text(q)) >= 4] if reflected else []
        op_tri = char_trigrams(op)
        quotes = [(q, norm_text(q)) for q in QUOTED.findall(c.response)]
        # a value the answer states (「目標値を47人に引き上げます」) names the cell now
        # holding it; the object of its promise (「つながるアプリ事業を追記いたします」)
        # names the text that must now be in 案
        quotes += [(v, norm_text(v)) for v in (STATED_VALUE.findall(c.response) + promised_objects(c.response) if reflected else [])
                   if not any(norm_text(v) in qn for _, qn in quotes)]
        unify = UNIFY.findall(unicodedata.normalize("NFKC", c.response)) if reflected else []
        ckeys = [k for k in (_path_key(p) for p in c.resolved_section_paths) if k]
        hits = {tn for j in range(len(resp) - 3) for tn in by_title_head.get(resp[j : j + 4], ()) if tn in resp}
        rtri: set[str] | None = None

        def piece_rows(piece: str) -> int:
            """How many rows' changed text holds ``piece``."""
            n = piece_cache.get(piece)
            if n is None:
                pool = by_gram.get(piece[:GRAM], set()) if len(piece) >= GRAM else range(len(rows))
                n = piece_cache[piece] = sum(1 for r in pool if piece in rows[r].changed)
            return n

        if c.id in cited:
            cand: set[int] = set(range(len(rows)))
        else:
            cand = set()
            for ck in ckeys:
                cand.update(by_prefix.get(ck, ()))  # same or descendant
                for n in range(1, len(ck)):
                    cand.update(by_key.get(ck[:n], ()))  # ancestor
            for tn in hits:
                if tn not in weak_titles:
                    cand.update(by_title[tn])
                elif quotes:  # its rows may still be named by a quote holding their whole new text
                    cand.update(i for i in by_title[tn] if rows[i].added and any(rows[i].added in qn for _, qn in quotes))
            for pg in cpages:
                cand.update(by_page.get(pg, ()))
            for _, qn in quotes:
                if len(qn) >= GRAM:
                    # rows sharing pieces of the quote: _named_from names a row by a
                    # quote only when all of it, or a block of `least` characters, is
                    # in its change, and such a block holds `sampled` of the pieces
                    # looked up (every other position); or when the row's whole new
                    # text is in a quote (short ones: short_added below)
                    shared: Counter[int] = Counter()
                    for j in range(0, len(qn) - GRAM + 1, 2):
                        shared.update(by_gram.get(qn[j : j + GRAM], ()))
                    least = max(QUOTE_PART, -(-len(qn) // 2))
                    sampled = max(1, (least - GRAM + 1) // 2)
                    cand.update(r for r, n in shared.items() if n >= sampled
                                or r in long_added and any(rows[r].added in q for _, q in quotes))
                elif len(qn) >= 4:
                    cand.update(r.order for r in rows if qn in r.changed)
                if len(qn) >= 3:
                    cand.update(r.order for r in short_added if r.added in qn)
        # a word of the promise (「つながるアプリ事業を追記いたします」) held by one
        # changed row only names that row, quoted or not; so does a name the
        # opinion quotes (「あんしん窓口」に関する記述は削除すべき) or the indicator it
        # discusses (ごみ収集の参加者数の目標値は…), when a reference read ambiguously
        # left that row out
        word_named: dict[int, str] = {}
        op_named: dict[int, str] = {}
        pointed: dict[int, str] = {}  # the row the answer's 当該記述 points at, by the opinion's words
        if reflected:
            compounds = [w for w in morph.noun_compounds(resp_words) if HIRAGANA.search(w)]
            for w in sorted({w for w in words + compounds if len(w) >= WORD_MIN}, key=len, reverse=True):
                holders = _holders(w, rows, by_gram)
                if len(holders) > 1:
                    holders = [h for h in holders if not rows[h].sweeping]
                if len(holders) == 1 and holders[0] not in word_named:
                    word_named[holders[0]] = w
            for q in op_quotes:
                holders = _holders(q, rows, by_gram)
                if len(holders) == 1:
                    op_named.setdefault(holders[0], q)
            # an answer pointing back (「当該記述を削除いたします」): the text the opinion
            # describes (受益者負担を原則とする記述は…), all its nouns in one row only
            described = described_words(c.opinion) if POINTS_BACK.search(c.response) else ()
            if described:
                for w in described:
                    if w not in word_rows:
                        word_rows[w] = frozenset(i for i, r in enumerate(rows) if w in r.changed)
                holding = frozenset.intersection(*(word_rows[w] for w in described))
                if len(holding) == 1:
                    # the answer names it as much as a word of its own would (WORD_NAMED)
                    pointed[next(iter(holding))] = "・".join(described)
            keyed = [i for i, r in enumerate(rows) if r.keys_named and any(k in op for k in r.keys_named)]
            if len(keyed) == 1:
                op_named.setdefault(keyed[0], next(k for k in rows[keyed[0]].keys_named if k in op))
            cand.update(word_named)
            cand.update(op_named)
            cand.update(pointed)
        for i in sorted(cand):
            row = rows[i]
            t = row.target
            rel = relation_keys(ckeys, row.keys)
            on_page = bool(cpages) and not cpages.isdisjoint(row.pages)
            if page_only and rel and row.pages:
                rel = "page" if on_page else "off-page"
            elif on_page and not rel:
                rel = "page"  # the page says so where the numbers or the title were read otherwise
            named, named_ev = _named_from(quotes, resp, row.changed, row.titles, title_rows, hits, piece_rows, row.added,
                                          context=row.context)
            if named < WORD_NAMED and i in word_named:
                named, named_ev = WORD_NAMED, f"回答の「{word_named[i]}」を含む唯一の変更"
            elif named < WORD_NAMED and i in pointed:
                named, named_ev = WORD_NAMED, f"回答の「当該記述」が指す意見の記述の語（{pointed[i]}）をすべて含む唯一の変更"
            elif named < OPINION_NAMED and i in op_named:
                named, named_ev = OPINION_NAMED, f"意見の「{op_named[i]}」を含む唯一の変更"
            if not rel and c.id not in cited and (not named or named < NAMED_FLOOR):
                continue  # outside the comment's section only a specific mention counts
            tvec = row.vec
            if cvec and tvec and cnorm and row.norm:
                # the products in the order of Tfidf.cosine, so the sum is the same
                cos = sum(map(mul, cvals, map(tvec.get, ckeys_g, repeat(0.0)))) / (cnorm * row.norm)
            else:
                cos = 0.0
            cov = sum(v for g, v in rvec.items() if g in tvec) / rtotal if rtotal else 0.0
            sim = max(cos, 0.6 * cov)
            sim_part = min(1.0, sim * 2.5)
            rel_part = RELATION_SCORE.get(rel or "named", 0.5)
            focus = ""
            if rel in ("same", "descendant") and row.sweeping:
                inside = sum(1 for p in row.places if relation_keys(ckeys, [p]) in ("same", "descendant"))
                if inside < len(row.places):
                    rel_part *= SPREAD_FLOOR + (1 - SPREAD_FLOOR) * inside / len(row.places)
                    focus = f"（変更のある {len(row.places)} 節のうち {inside} 節）"
            elif rel == "page" and row.sweeping and row.pages:
                inside = len(row.pages & cpages)
                if inside < len(row.pages):
                    rel_part *= SPREAD_FLOOR + (1 - SPREAD_FLOOR) * inside / len(row.pages)
                    focus = f"（変更のある {len(row.pages)} ページのうち {inside} ページ）"
            phrase = row.phrases.get(resp_words)
            if phrase is None:  # answers repeat (定型の回答): one alignment per answer text and row
                if row.matcher is None and row.changed:
                    row.matcher = SequenceMatcher(None, "", row.changed, autojunk=False)
                # a phrase of one or two characters scores 0 and is not shown
                # (phrase_part below): align only when three characters in a row are shared
                if rtri is None:
                    rtri = char_trigrams(resp_words)
                phrase = row.phrases[resp_words] = shared_scored(
                    resp_words, words, row.changed, row.matcher, not rtri.isdisjoint(row.trigrams)
                )
            changed_len = row.changed_len
            phrase_part = min(1.0, max(0, len(phrase) - 2) / 4) * (0.5 + 0.5 * min(1.0, 4 * len(phrase) / changed_len))
            if phrase_part:
                # a phrase many rows share (a templated sentence, 「外国人住民」 in
                # every 「…の声を踏まえ」) names none of them: IDF-like discount
                phrase_part /= math.sqrt(max(piece_rows(phrase), 1))
            # the opinion names the row: a name it quotes in the changed text, the
            # indicator it discusses in the changed cell's row
            op_phrase = next((q for q in op_quotes if q in row.changed), "")
            if not op_phrase and op and not op_tri.isdisjoint(row.trigrams):
                op_phrase = shared_scored(op, op_words, row.changed, None, True)
            op_part = 0.0
            if len(op_phrase) >= 4:
                # a phrase lost in a long change (a whole 施策 moved) barely names it
                op_part = (min(1.0, (len(op_phrase) - 3) / 5) * (0.5 + 0.5 * min(1.0, 4 * len(op_phrase) / changed_len))
                           / math.sqrt(max(piece_rows(op_phrase), 1)))
            raw = 0.25 * rel_part + 0.35 * sim_part + 0.25 * phrase_part + 0.35 * named + 0.2 * op_part
            # the answer's own promise: the edit it names is the row's kind of
            # edit, in the section the comment points at
            bonus, factor, kind_ev = kind_fit(want, row.family)
            if unify and not any(norm_text(u) in row.changed for u in unify):
                bonus, factor, kind_ev = 0.0, CONTRADICTS, f"回答は表記の統一（「{unify[0]}」）で、この行の変更ではない"
            raw = (raw + bonus) * factor
            if reflected and rel in ("same", "page"):
                raw += SAME_SECTION_BONUS
            score = round(min(1.0, weight * raw), 3)
            why = [f"{c.response_type.value}" + ("（回答に修正の記述）" if reflected and c.response_type != ResponseType.REFLECTED else "")]
            if rel:
                why.append({"same": "同じ節", "descendant": "指摘箇所の下位の節", "ancestor": "指摘箇所を含む節",
                            "page": f"指摘のページ（{'、'.join(f'P.{p}' for p in sorted(cpages))}）の箇所",
                            "off-page": "指摘のページを含む節（ページ外）"}[rel] + focus)
            if named_ev:
                why.append(named_ev)
            if kind_ev:
                why.append(kind_ev)
            if phrase_part and not named_ev.endswith(f"「{phrase}」に言及"):
                why.append(f"共通の語句「{phrase}」")
            if op_part and f"「{op_phrase}」" not in named_ev:
                why.append(f"意見が「{op_phrase}」に言及")
            why.append(f"文字類似度{sim:.2f}")
            out.append(Scored(c.id, t.row_id, score, rel or "named", "、".join(why), reflected, named,
                              (2 if bonus >= AGREE_STRONG else 1) if bonus else (-1 if factor < 1 else 0),
                              phrase if phrase_part else (op_phrase if op_part else "")))
    out.sort(key=lambda s: (-s.score, s.comment_id, s.row_id))
    return out


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
            rest = [s for s in items if s is not free[0] and (s in free or s not in near)]
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


def cause_for(
    row_id: str,
    links: tuple[Link, ...],
    external: External | None,
    internal_note: str | None = None,
    organisation: bool = False,
    national: bool = False,
) -> Cause:
    """The row's cause: staff decision (internal) > linked comments > outside
    revision > unknown. A change of the plan's own organisation names (its
    divisions, its 組織改正) is ``internal``: the author reorganised itself."""
    if internal_note is not None:
        return Cause(CauseType.INTERNAL, (), 1.0, internal_note or "職員の判断（decisions.toml）")
    mine = [l for l in links if l.row_id == row_id]
    if mine:
        mine.sort(key=lambda l: (-l.confidence, l.comment_id))
        ids = tuple(sorted((l.comment_id for l in mine), key=_cid))
        return Cause(CauseType.COMMENT, ids, max(l.confidence for l in mine), "；".join(f"{l.comment_id}: {l.evidence}" for l in mine))
    if external is not None and own_reorganisation(external):
        return Cause(CauseType.INTERNAL, (), 0.6, f"自らの組織改正・組織編制の反映と推定：{external.sentence[:80]}")
    if external is not None:
        what = "、".join(x for x in (f"「{external.document}」" if external.document else "", external.edition, external.when) if x)
        ev = f"外部の改定等（{external.verb}{'：' + what if what else ''}）：{external.sentence[:80]}"
        return Cause(CauseType.EXTERNAL, (), 0.8 if external.document or external.edition else 0.6, ev)
    if organisation and national:
        # 内閣府…室 → …庁: the state reorganised its bodies (a law or an ordinance), not the author
        return Cause(CauseType.EXTERNAL, (), 0.6, "国の組織の改編（府省庁等の名称の変更）と推定")
    if organisation:
        # the plan's own divisions (…課, …担当課長) renamed, added or dropped: the
        # author's reorganisation (令和8年度組織編制), a decision of its own, not an
        # outside revision
        return Cause(CauseType.INTERNAL, (), 0.6, "組織名のみの変更（自らの組織改正・組織編制の反映と推定）")
    return Cause(CauseType.UNKNOWN, (), 0.0, "対応する意見・外部の改定が見つかりません")


