"""Every candidate (comment, row) pair with its score and evidence
(``score_pairs``): candidates come from indexes of the rows (section-path
prefixes, titles, quoted phrases, pages); the score weighs text similarity,
where the comment points, what the answer names and what it promises. Pure."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import compress, repeat
from operator import mul

from revtool import text_chars
from revtool.changes.headings import heading_title
from revtool.compare import morph
from revtool.changes.promises import (
    AGREE_STRONG,
    BOILERPLATE,
    CONTRADICTS,
    described_words,
    kind_fit,
    POINTS_BACK,
    promised_kinds,
    promised_objects,
    promises_edit,
    QUOTED,
    row_family,
    STATED_VALUE,
    UNIFY,
)
from revtool.changes.headings import path_key
from revtool.changes.row_target import relation_keys, RowTarget
from revtool.changes.table import Scored
from revtool.changes.text_match import longest_from, norm_text, vector_norm, phrase_words, shared_scored, Tfidf, char_trigrams
from revtool.model import Comment, ResponseType


HIRAGANA = re.compile(f"[{text_chars.HIRAGANA}]")
LINK_THRESHOLD = 0.45
RELATIVE_CUTOFF = 0.6
NAMED_ONLY_CUTOFF = 0.9  # a row outside the comment's section needs nearly its best score
PROMISE_FLOOR = 0.35  # a 反映 answer promised an edit: its clearly best row links from here
PROMISE_MARGIN = 1.15
ONLY_ROW_FLOOR = 0.25  # a 反映 answer whose section holds one changed row links it from here
WORD_MIN = 5  # characters of an unquoted word of the answer that may name the one row holding it
WORD_NAMED = 0.6  # how strongly such a word names its row (a quote found in it: up to 1.0)
OPINION_NAMED = 0.45  # how strongly a name quoted by the opinion (or its indicator) names the one row holding it
NAMED_FLOOR = 0.4  # a mention weaker than this (a template heading shared by many rows) does not make a candidate outside the section
SAME_SECTION_BONUS = 0.08  # a 反映 answer and a row in the very section it points at  # "clearly": this much above the comment's second-best row

TYPE_WEIGHT: dict[ResponseType, float] = {
    ResponseType.REFLECTED: 1.0,
    ResponseType.OTHER: 0.55,
    ResponseType.ALREADY: 0.35,
    ResponseType.REFERENCE: 0.35,
    ResponseType.NOT_REFLECTED: 0.2,
}

STRUCTURAL_KINDS = frozenset({"split", "merged", "moved", "renamed"})
SPREAD_MIN = 3  # a row in this many sections or more (a sweeping update) is where a comment points only in part
SPREAD_FLOOR = 0.4  # such a row's relation counts this much when none but one of its many sections is pointed at
RELATION_SCORE = {"same": 1.0, "page": 0.95, "descendant": 0.85, "ancestor": 0.6, "off-page": 0.45, "named": 0.5}


QUOTE_PART = 8  # characters of a quote found in a change that make it name the change
GRAM = 6  # length of the character n-grams indexing rows by their changed text


def _titles(target: RowTarget) -> set[str]:
    return {norm_text(heading_title(h)) for path in target.section_paths for h in path[-2:]}


def _named(comment: Comment, target: RowTarget, title_rows: "Counter[str] | None" = None) -> tuple[float, str]:
    """How strongly the answer names the change: 1.0 for a quoted phrase found
    in the changed text, 0.6 for the title of the row's (new) section."""
    quotes = [(q, norm_text(q)) for q in QUOTED.findall(comment.response)]
    titles = [(heading_title(h), norm_text(heading_title(h))) for path in target.section_paths for h in path[-2:]]
    return _named_from(quotes, norm_text(comment.response), norm_text(target.added + "\n" + target.removed), titles, title_rows)


_DIGIT = re.compile(r"[0-9]")


def _named_from(
    quotes: list[tuple[str, str]],
    resp: str,
    changed: str,
    titles: list[tuple[str, str]],
    title_rows: "Counter[str] | None",
    hits: "set[str] | None" = None,
    piece_rows: "Callable[[str], int] | None" = None,
    added: str = "",
    may_share: "Callable[[str], bool] | None" = None,
    context: str = "",
) -> tuple[float, str]:
    """``_named`` on precomputed parts: the answer's quotes (raw, normalised),
    the normalised answer and changed text, the row's titles (raw,
    normalised) in order; ``hits``: the normalised titles found in the answer,
    when already known; ``may_share(qn)``: False when the changed text holds
    none of quote ``qn``'s ``GRAM``-character pieces (so no block of
    ``QUOTE_PART`` characters: its search is skipped); ``context``: the
    normalised new text units (sentences, cells) the row's edits are in."""
    for q, qn in quotes:
        if len(qn) >= 4 and qn in changed:
            # a phrase that is most of the change names it; one lost in a long
            # added section barely does
            share = min(1.0, 4 * len(qn) / max(len(changed), 1))
            return 0.5 + 0.5 * share, f"回答が「{q}」に言及"
    if quotes and (added and len(added) >= 3 and _DIGIT.search(added) or len(added) >= 6):
        for q, qn in quotes:
            if added in qn:
                # the whole (short) new text inside the promise: 「…を1,660件とする」 → 1,660件
                spread = piece_rows(added) if piece_rows is not None else 1
                return (0.5 + 0.4 * len(added) / len(qn)) / math.sqrt(max(spread, 1)), f"回答の「{q}」に変更後の「{added}」"
    if quotes and added and context:
        for q, qn in quotes:
            if len(qn) >= QUOTE_PART and added in qn and qn in context:
                # the promised sentence quoted as it now reads, the edit a word of it
                # (「…の導入を推進する」に修正 for 検討 → 推進): it names the row whose unit it is
                return 0.5 + 0.4 * min(1.0, len(qn) / len(context)), f"回答の「{q}」は変更後の文で、変更後の「{added}」を含む"
    for q, qn in quotes:
        # the promised text quoted with some of its unchanged surroundings, or
        # cut short: most of it (eight characters at least) is in the change
        least = max(QUOTE_PART, -(-len(qn) // 2))  # the block this needs: QUOTE_PART characters, half the quote
        if len(qn) >= QUOTE_PART and (may_share is None or may_share(qn)):
            # the longest block, when it has the `least` characters that name (else k = 0)
            i, _, k = longest_from(qn, changed, 0, len(qn), 0, len(changed), least)
            if k >= QUOTE_PART and k * 2 >= len(qn):
                share = min(1.0, 4 * k / max(len(changed), 1))
                # a piece many rows share (a templated sentence) names none of them
                spread = piece_rows(qn[i : i + k]) if piece_rows is not None else 1
                strength = (0.5 + 0.5 * share) * (0.6 + 0.4 * k / len(qn)) / math.sqrt(max(spread, 1))
                return strength, f"回答が「{q}」に言及（{k}文字が変更箇所と一致）"
    named: list[str] = []
    for raw, t in titles:
        if len(t) >= 4 and (t in hits if hits is not None else t in resp) and raw not in named:
            named.append(raw)
    if named:
        strength = 0.9 if len(named) >= 2 else 0.6
        # a title shared by several rows (（2）成果指標 of every 施策) names none of them well
        spread = max((title_rows or Counter()).get(norm_text(t), 1) for t in named)
        return strength / math.sqrt(spread), "回答が見出し「" + "」「".join(named) + "」に言及"
    return 0.0, ""


@dataclass
class _Row:
    """What scoring needs of one row, computed once."""

    target: RowTarget
    order: int
    vec: dict[str, float]
    norm: float
    keys: list[tuple[str, ...]]
    changed: str  # normalised added + removed
    changed_len: int
    titles: list[tuple[str, str]]
    matcher: SequenceMatcher | None = None
    phrases: dict[str, str] = field(default_factory=dict)  # normalised answer → shared phrase
    trigrams: set[str] = field(default_factory=set)  # of ``changed``
    added: str = ""  # normalised added text
    pages: frozenset[int] = frozenset()  # 素案 pages of the row's places
    keys_named: tuple[str, ...] = ()  # normalised row keys (6+ characters) of its changed table cells
    family: str = ""  # row_family
    places: tuple[tuple[str, ...], ...] = ()  # path keys of the row's sections in 案, each once
    context: str = ""  # normalised new text units holding the row's edits (RowTarget.context)

    @property
    def sweeping(self) -> bool:
        """An edit made alike in SPREAD_MIN sections or more (every table's 実績 updated):
        a comment on one of them points at it only in part. A structural row (a split,
        a merge, a move, a rename) spans its 施策's places and its 体系 line by nature."""
        return len(self.places) >= SPREAD_MIN and self.target.kind not in STRUCTURAL_KINDS


def _row_keys(labels: str) -> tuple[str, ...]:
    """The row keys of a row's changed cells (each label line is 「row key column」),
    normalised, when long enough to name an indicator (6+ characters)."""
    keys = []
    for line in labels.splitlines():
        k = norm_text(line.rsplit(" ", 1)[0] if " " in line else line)
        if len(k) >= 6:
            keys.append(k)
    return tuple(keys)


def _holders(piece: str, rows: "list[_Row]", by_gram: dict[str, set[int]],
             by_tri: "dict[str, set[int]] | None" = None) -> list[int]:
    """The rows whose changed text holds ``piece``; ``by_tri``: the rows by
    the trigrams of their changed text, to look up a piece shorter than ``GRAM``."""
    return sorted(r for r in _pool(piece, rows, by_gram, by_tri) if piece in rows[r].changed)


def _pool(piece: str, rows: "list[_Row]", by_gram: dict[str, set[int]],
          by_tri: "dict[str, set[int]] | None" = None) -> "set[int] | range":
    """Rows among which are all those whose changed text holds ``piece``
    (with ``by_tri``: those holding both its first and its last piece)."""
    if len(piece) >= GRAM:
        if by_tri is None:
            return by_gram.get(piece[:GRAM], set())
        return by_gram.get(piece[:GRAM], set()) & by_gram.get(piece[-GRAM:], set())
    if by_tri is not None and len(piece) >= 3:
        return by_tri.get(piece[:3], set()) & by_tri.get(piece[-3:], set())
    return range(len(rows))


@dataclass
class _Index:
    """The rows, with the indexes that find a comment's candidates among them
    and the memos comments share."""

    model: Tfidf
    title_rows: Counter[str]
    rows: list[_Row]
    by_prefix: dict[tuple[str, ...], list[int]]  # every prefix of a row's path key → rows
    by_key: dict[tuple[str, ...], list[int]]  # a row's whole path key → rows
    by_title: dict[str, list[int]]  # normalised title (4+ chars) → rows
    by_gram: dict[str, set[int]]  # GRAM-character piece of a row's changed text → rows
    by_page: dict[int, list[int]]  # 素案 page → rows printed on it
    by_tri: dict[str, set[int]]  # trigram of a row's changed text → rows (pieces shorter than GRAM)
    by_key_head: dict[str, list[tuple[str, int]]]  # first six characters of a changed cell's row key → (key, row)
    long_added: set[int]  # rows whose whole new text is long
    short_by_head: dict[str, list[tuple[int, str]]]  # first 3 characters of a short new text → (row, text)
    by_title_head: dict[str, list[str]]  # first 4 characters of a title → titles (finds those in an answer)
    weak_titles: set[str]  # titles shared by too many rows to name one
    piece_cache: dict[str, int] = field(default_factory=dict)  # piece of text → rows whose changed text holds it
    relation_memo: dict[tuple[tuple[str, ...], ...], dict[int, str]] = field(default_factory=dict)  # comment's path keys → row → relation
    word_rows: dict[str, frozenset[int]] = field(default_factory=dict)  # a word an opinion describes → rows whose changed text holds it

    def piece_rows(self, piece: str) -> int:
        """How many rows' changed text holds ``piece``."""
        n = self.piece_cache.get(piece)
        if n is None:
            n = self.piece_cache[piece] = sum(1 for r in _pool(piece, self.rows, self.by_gram, self.by_tri) if piece in self.rows[r].changed)
        return n


def _index_rows(targets: list[RowTarget], comments: list[Comment]) -> _Index:
    """Row features computed once, and the indexes of the rows."""
    docs = [t.added + "\n" + t.removed for t in targets] + [c.opinion + "\n" + c.response for c in comments]
    model = Tfidf(docs)
    title_rows: Counter[str] = Counter()
    for t in targets:
        title_rows.update(_titles(t))
    rows: list[_Row] = []
    by_prefix: dict[tuple[str, ...], list[int]] = {}
    by_key: dict[tuple[str, ...], list[int]] = {}
    by_title: dict[str, list[int]] = {}
    by_gram: dict[str, set[int]] = {}
    by_page: dict[int, list[int]] = {}
    by_tri: dict[str, set[int]] = {}
    for i, t in enumerate(targets):
        vec = model.vector(t.added + "\n" + t.removed)
        keys = [k for k in (path_key(p) for p in t.section_paths + t.old_section_paths) if k]
        titles = [(heading_title(h), norm_text(heading_title(h))) for path in t.section_paths for h in path[-2:]]
        rows.append(_Row(t, i, vec, vector_norm(vec), keys, norm_text(t.added + "\n" + t.removed + "\n" + t.labels),
                         max(len(norm_text(t.added + t.removed)), 1), titles, pages=frozenset(t.old_pages),
                         family=row_family(t), keys_named=_row_keys(t.labels),
                         places=tuple(dict.fromkeys(k for k in (path_key(p) for p in t.section_paths) if k))))
        rows[-1].trigrams = char_trigrams(rows[-1].changed)
        for g in rows[-1].trigrams:
            by_tri.setdefault(g, set()).add(i)
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
    # row keys of changed cells by their first six characters (every key has six or more):
    # the rows whose key an opinion holds, found from the opinion instead of a scan of every row
    by_key_head: dict[str, list[tuple[str, int]]] = {}
    for r in rows:
        for row_key in r.keys_named:
            by_key_head.setdefault(row_key[:6], []).append((row_key, r.order))
    # rows whose whole new text is short (a value, a name): looked up inside quotes
    short_added = [r for r in rows if 3 <= len(r.added) < GRAM * 4]
    long_added = {r.order for r in rows if len(r.added) >= GRAM * 4}
    short_by_head: dict[str, list[tuple[int, str]]] = {}
    for r in short_added:
        short_by_head.setdefault(r.added[:3], []).append((r.order, r.added))
    by_title_head: dict[str, list[str]] = {}
    for tn in by_title:
        by_title_head.setdefault(tn[:4], []).append(tn)
    # a title shared by so many rows that naming it cannot reach NAMED_FLOOR (0.9/√rows,
    # _named_from) makes no candidate by itself: its rows count only when related or quoted
    weak_titles = {tn for tn in by_title if 0.9 / math.sqrt(max(title_rows.get(tn, 1), 1)) < NAMED_FLOOR}
    return _Index(model, title_rows, rows, by_prefix, by_key, by_title, by_gram, by_page, by_tri, by_key_head,
                  long_added, short_by_head, by_title_head, weak_titles)


@dataclass
class _Reading:
    """What scoring needs of one comment, read once."""

    cvec: dict[str, float]
    cnorm: float
    ckeys_g: list[str]
    cvals: list[float]
    rtotal: float
    rkeys_g: list[str]
    rvals: list[float]
    reflected: bool
    weight: float
    resp: str
    resp_words: str
    words: list[str]
    want: frozenset[str]
    cpages: set[int]
    page_only: bool
    op: str
    op_words: list[str]
    op_quotes: list[str]
    op_tri: set[str]
    quotes: list[tuple[str, str]]
    unify: list[str]
    ckeys: list[tuple[str, ...]]
    relations: dict[int, str]
    quote_rows: dict[str, set[int]]
    hits: set[str]
    rtri: set[str] | None = None  # trigrams of ``resp_words``, read when first needed


def _read_comment(c: Comment, idx: _Index) -> _Reading:
    model = idx.model
    cvec = model.vector(c.opinion + "\n" + c.response + "\n" + c.response)
    cnorm = vector_norm(cvec)
    ckeys_g, cvals = list(cvec.keys()), list(cvec.values())
    rvec = model.vector(c.response)
    rtotal = sum(rvec.values())
    rkeys_g, rvals = list(rvec.keys()), list(rvec.values())
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
    ckeys = [k for k in (path_key(p) for p in c.resolved_section_paths) if k]
    # comments citing the same places (a chapter cited by many) share their relations to the rows
    relations = idx.relation_memo.setdefault(tuple(ckeys), {})
    # for each quote long enough to name a row by a block of it: the rows holding
    # one of its GRAM-character pieces (any other row shares no such block with it)
    by_gram = idx.by_gram
    quote_rows = {qn: set().union(*(by_gram.get(qn[j : j + GRAM], ()) for j in range(len(qn) - GRAM + 1)))
                  for _, qn in quotes if len(qn) >= QUOTE_PART}
    hits = {tn for j in range(len(resp) - 3) for tn in idx.by_title_head.get(resp[j : j + 4], ()) if tn in resp}
    return _Reading(cvec, cnorm, ckeys_g, cvals, rtotal, rkeys_g, rvals, reflected, weight, resp, resp_words, words,
                    want, cpages, page_only, op, op_words, op_quotes, op_tri, quotes, unify, ckeys, relations,
                    quote_rows, hits)


def _candidates(c: Comment, rd: _Reading, idx: _Index, cited: frozenset[str]) -> set[int]:
    """The rows where the comment points: its places, the titles and pages it
    names, the rows its quotes are found in (every row for a cited comment)."""
    rows, by_gram, by_tri, quotes = idx.rows, idx.by_gram, idx.by_tri, rd.quotes
    if c.id in cited:
        cand: set[int] = set(range(len(rows)))
    else:
        cand = set()
        for ck in rd.ckeys:
            cand.update(idx.by_prefix.get(ck, ()))  # same or descendant
            for n in range(1, len(ck)):
                cand.update(idx.by_key.get(ck[:n], ()))  # ancestor
        for tn in rd.hits:
            if tn not in idx.weak_titles:
                cand.update(idx.by_title[tn])
            elif quotes:  # its rows may still be named by a quote holding their whole new text
                cand.update(i for i in idx.by_title[tn] if rows[i].added and any(rows[i].added in qn for _, qn in quotes))
        for pg in rd.cpages:
            cand.update(idx.by_page.get(pg, ()))
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
                            or r in idx.long_added and any(rows[r].added in q for _, q in quotes))
            elif len(qn) >= 4:
                cand.update(_holders(qn, rows, by_gram, by_tri))
            if len(qn) >= 3:
                # the short new texts the quote holds, each found where it starts in the quote
                cand.update(r for j in range(len(qn) - 2) for r, a in idx.short_by_head.get(qn[j : j + 3], ())
                            if qn.startswith(a, j))
    return cand


def _named_rows(c: Comment, rd: _Reading, idx: _Index) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """The rows an answer promising an edit names by a word held by one changed
    row only (``word_named``), the rows named by the opinion (``op_named``), and
    the row its 当該記述 points at by the opinion's words (``pointed``)."""
    rows, by_gram, by_tri, op = idx.rows, idx.by_gram, idx.by_tri, rd.op
    word_named: dict[int, str] = {}
    op_named: dict[int, str] = {}
    pointed: dict[int, str] = {}
    # the answer's words: runs of kanji/katakana, and compound nouns with okurigana (一時預かり事業)
    compounds = [w for w in morph.noun_compounds(rd.resp_words) if HIRAGANA.search(w)]
    for w in sorted({w for w in rd.words + compounds if len(w) >= WORD_MIN}, key=len, reverse=True):
        holders = _holders(w, rows, by_gram, by_tri)
        if len(holders) > 1:
            # a sweeping row (every table's 実績 updated, in SPREAD_MIN+ sections) holds
            # every name in passing: the one focused row holding the word is named
            holders = [h for h in holders if not rows[h].sweeping]
        if len(holders) == 1 and holders[0] not in word_named:
            word_named[holders[0]] = w
    for q in rd.op_quotes:
        holders = _holders(q, rows, by_gram, by_tri)
        if len(holders) == 1:
            op_named.setdefault(holders[0], q)
    # an answer pointing back (「当該記述を削除いたします」): the text the opinion
    # describes (受益者負担を原則とする記述は…), all its nouns in one row only
    described = described_words(c.opinion) if POINTS_BACK.search(c.response) else ()
    if described:
        word_rows = idx.word_rows
        for w in described:
            if w not in word_rows:
                word_rows[w] = frozenset(_holders(w, rows, by_gram, by_tri))
        holding = frozenset.intersection(*(word_rows[w] for w in described))
        if len(holding) == 1:
            # the answer names it as much as a word of its own would (WORD_NAMED)
            pointed[next(iter(holding))] = "・".join(described)
    # the rows holding a key the opinion holds (a key found in it starts at one of its positions)
    keyed = sorted({i for j in range(len(op) - 5) for row_key, i in idx.by_key_head.get(op[j : j + 6], ())
                    if op.startswith(row_key, j)})
    if len(keyed) == 1:
        op_named.setdefault(keyed[0], next(k for k in rows[keyed[0]].keys_named if k in op))
    return word_named, op_named, pointed


def _score_row(c: Comment, i: int, rd: _Reading, idx: _Index, cited: frozenset[str], word_named: dict[int, str],
               op_named: dict[int, str], pointed: dict[int, str]) -> Scored | None:
    """The comment and row ``i`` scored, with the evidence; None when the row
    is outside the comment's section and not specifically named."""
    row = idx.rows[i]
    t = row.target
    reflected, cpages, quotes, op = rd.reflected, rd.cpages, rd.quotes, rd.op
    rel = rd.relations.get(i)
    if rel is None:
        rel = rd.relations[i] = relation_keys(rd.ckeys, row.keys)
    on_page = bool(cpages) and not cpages.isdisjoint(row.pages)
    if rd.page_only and rel and row.pages:
        rel = "page" if on_page else "off-page"
    elif on_page and not rel:
        rel = "page"  # the page says so where the numbers or the title were read otherwise
    if quotes or rd.hits:
        named, named_ev = _named_from(quotes, rd.resp, row.changed, row.titles, idx.title_rows, rd.hits, idx.piece_rows,
                                      row.added, lambda qn: i in rd.quote_rows[qn], row.context)
    else:
        named, named_ev = 0.0, ""  # no quote, no title named: _named_from finds nothing
    if named < WORD_NAMED and i in word_named:
        named, named_ev = WORD_NAMED, f"回答の「{word_named[i]}」を含む唯一の変更"
    elif named < WORD_NAMED and i in pointed:
        named, named_ev = WORD_NAMED, f"回答の「当該記述」が指す意見の記述の語（{pointed[i]}）をすべて含む唯一の変更"
    elif named < OPINION_NAMED and i in op_named:
        named, named_ev = OPINION_NAMED, f"意見の「{op_named[i]}」を含む唯一の変更"
    if not rel and c.id not in cited and (not named or named < NAMED_FLOOR):
        return None  # outside the comment's section only a specific mention counts
    tvec = row.vec
    if rd.cvec and tvec and rd.cnorm and row.norm:
        # the products in the order of Tfidf.cosine, so the sum is the same
        cos = sum(map(mul, rd.cvals, map(tvec.get, rd.ckeys_g, repeat(0.0)))) / (rd.cnorm * row.norm)
    else:
        cos = 0.0
    # the answer's weights whose bigram the row has, summed in the answer's order
    cov = sum(compress(rd.rvals, map(tvec.__contains__, rd.rkeys_g))) / rd.rtotal if rd.rtotal else 0.0
    sim = max(cos, 0.6 * cov)
    sim_part = min(1.0, sim * 2.5)
    rel_part = RELATION_SCORE.get(rel or "named", 0.5)
    focus = ""
    if rel in ("same", "descendant") and row.sweeping:
        # a sweeping row (every table's 実績 updated) lies where the comment points
        # only in part: the row wholly there (the one 事業's 見込み raised) is meant
        inside = sum(1 for p in row.places if relation_keys(rd.ckeys, [p]) in ("same", "descendant"))
        if inside < len(row.places):
            rel_part *= SPREAD_FLOOR + (1 - SPREAD_FLOOR) * inside / len(row.places)
            focus = f"（変更のある {len(row.places)} 節のうち {inside} 節）"
    elif rel == "page" and row.sweeping and row.pages:
        # the same by page: a sweeping row printed over several pages, one of them cited
        inside = len(row.pages & cpages)
        if inside < len(row.pages):
            rel_part *= SPREAD_FLOOR + (1 - SPREAD_FLOOR) * inside / len(row.pages)
            focus = f"（変更のある {len(row.pages)} ページのうち {inside} ページ）"
    resp_words = rd.resp_words
    phrase = row.phrases.get(resp_words)
    if phrase is None:  # answers repeat (定型の回答): one alignment per answer text and row
        if row.matcher is None and row.changed:
            row.matcher = SequenceMatcher(None, "", row.changed, autojunk=False)
        # a phrase of one or two characters scores 0 and is not shown
        # (phrase_part below): align only when three characters in a row are shared
        if rd.rtri is None:
            rd.rtri = char_trigrams(resp_words)
        phrase = row.phrases[resp_words] = shared_scored(
            resp_words, rd.words, row.changed, row.matcher, not rd.rtri.isdisjoint(row.trigrams)
        )
    changed_len = row.changed_len
    phrase_part = min(1.0, max(0, len(phrase) - 2) / 4) * (0.5 + 0.5 * min(1.0, 4 * len(phrase) / changed_len))
    if phrase_part:
        # a phrase many rows share (a templated sentence, 「外国人住民」 in
        # every 「…の声を踏まえ」) names none of them: IDF-like discount
        phrase_part /= math.sqrt(max(idx.piece_rows(phrase), 1))
    # the opinion names the row: a name it quotes in the changed text, the
    # indicator it discusses in the changed cell's row
    op_phrase = next((q for q in rd.op_quotes if q in row.changed), "")
    if not op_phrase and op and not rd.op_tri.isdisjoint(row.trigrams):
        # read only from four characters on (op_part): the same phrase whenever it counts
        op_phrase = shared_scored(op, rd.op_words, row.changed, None, True, least=4)
    op_part = 0.0
    if len(op_phrase) >= 4:
        # a phrase lost in a long change (a whole 施策 moved) barely names it
        op_part = (min(1.0, (len(op_phrase) - 3) / 5) * (0.5 + 0.5 * min(1.0, 4 * len(op_phrase) / changed_len))
                   / math.sqrt(max(idx.piece_rows(op_phrase), 1)))
    raw = 0.25 * rel_part + 0.35 * sim_part + 0.25 * phrase_part + 0.35 * named + 0.2 * op_part
    # the answer's own promise: the edit it names is the row's kind of
    # edit, in the section the comment points at
    bonus, factor, kind_ev = kind_fit(rd.want, row.family)
    if rd.unify and not any(norm_text(u) in row.changed for u in rd.unify):
        bonus, factor, kind_ev = 0.0, CONTRADICTS, f"回答は表記の統一（「{rd.unify[0]}」）で、この行の変更ではない"
    raw = (raw + bonus) * factor
    if reflected and rel in ("same", "page"):
        raw += SAME_SECTION_BONUS
    score = round(min(1.0, rd.weight * raw), 3)
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
    return Scored(c.id, t.row_id, score, rel or "named", "、".join(why), reflected, named,
                  (2 if bonus >= AGREE_STRONG else 1) if bonus else (-1 if factor < 1 else 0),
                  phrase if phrase_part else (op_phrase if op_part else ""))


def score_pairs(targets: list[RowTarget], comments: list[Comment], cited: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate (comment, row) pair with its score, best first. A cited
    comment (ingest --cites) is a candidate for every row.

    Row and comment features are computed once; a comment's candidate rows
    come from indexes (section-path prefixes, section titles, quoted phrases)
    instead of a scan of every row."""
    return PairScores(targets, comments, cited).pairs(comments, comments)


class PairScores:
    """``score_pairs`` kept comment by comment (issue 15: the comparison computed once).

    The index (the rows' features and the TF-IDF model over the rows and the
    *model* comments) is built from the rows and the comments as scored without
    any staff decision; a comment's pairs depend on nothing else, so they are
    computed once and kept (``memo``, by comment id). A review decision that
    makes a 同趣旨 member a unit of its own scores that member against the same
    index — a decision is layered on the scores, it never changes another
    comment's. The value is pickled with the change table (the index is not:
    it is built again, from the rows and the model comments' ids, only when a
    comment not scored yet is asked for)."""

    def __init__(self, targets: "list[RowTarget] | tuple[RowTarget, ...]", model: "list[Comment] | tuple[Comment, ...]",
                 cited: frozenset[str] = frozenset()) -> None:
        self.targets = tuple(targets)
        self.model_ids = tuple(c.id for c in model)
        self.cited = cited
        self.memo: dict[str, tuple[Scored, ...]] = {}
        self._idx: _Index | None = None
        self._model: "list[Comment] | tuple[Comment, ...] | None" = model

    def fits(self, targets: "list[RowTarget] | tuple[RowTarget, ...]", model: "list[Comment] | tuple[Comment, ...]",
             cited: frozenset[str]) -> bool:
        """Made for these rows, model comments and cites (its pairs are theirs)."""
        return (self.cited == cited and len(self.targets) == len(targets)
                and self.model_ids == tuple(c.id for c in model) and self.targets == tuple(targets))

    def __getstate__(self) -> dict[str, object]:
        return {"targets": self.targets, "model_ids": self.model_ids, "cited": self.cited, "memo": self.memo}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._idx = None
        self._model = None

    def _index(self, everyone: "dict[str, Comment]") -> _Index:
        if self._idx is None:
            model = self._model if self._model is not None else [everyone[c] for c in self.model_ids]
            self._idx = _index_rows(list(self.targets), list(model))
            self._model = None
        return self._idx

    def of(self, c: Comment, everyone: "dict[str, Comment] | None" = None) -> tuple[Scored, ...]:
        """The comment's candidate pairs (unsorted), computed on first use.
        ``everyone``: the comments by id (to build the index again after unpickling)."""
        got = self.memo.get(c.id)
        if got is None:
            got = self.memo[c.id] = tuple(_score_comment(c, self._index(everyone or {}), self.cited))
        return got

    def pairs(self, comments: "list[Comment] | tuple[Comment, ...]",
              everyone: "list[Comment] | tuple[Comment, ...]") -> list[Scored]:
        """Every candidate pair of ``comments``, best first (``score_pairs``);
        ``everyone``: the comment table the model comments are taken from."""
        by_id: dict[str, Comment] | None = None
        out: list[Scored] = []
        for c in comments:
            if c.id not in self.memo and self._idx is None and self._model is None and by_id is None:
                by_id = {x.id: x for x in everyone}
            out.extend(self.of(c, by_id))
        out.sort(key=lambda s: (-s.score, s.comment_id, s.row_id))
        return out


def _score_comment(c: Comment, idx: _Index, cited: frozenset[str]) -> list[Scored]:
    """One comment's candidate pairs, in row order."""
    out: list[Scored] = []
    rd = _read_comment(c, idx)
    cand = _candidates(c, rd, idx, cited)
    # a word of the promise (「つながるアプリ事業を追記いたします」) held by one
    # changed row only names that row, quoted or not; so does a name the
    # opinion quotes (「あんしん窓口」に関する記述は削除すべき) or the indicator it
    # discusses (ごみ収集の参加者数の目標値は…), when a reference read ambiguously
    # left that row out
    word_named: dict[int, str] = {}
    op_named: dict[int, str] = {}
    pointed: dict[int, str] = {}
    if rd.reflected:
        word_named, op_named, pointed = _named_rows(c, rd, idx)
        cand.update(word_named)
        cand.update(op_named)
        cand.update(pointed)
    for i in sorted(cand):
        scored = _score_row(c, i, rd, idx, cited, word_named, op_named, pointed)
        if scored is not None:
            out.append(scored)
    return out
