"""Pair the sections of two versions of a plan. Pure.

First, sections that can only be each other are paired wherever they are in
the tree (regulations-parser pairs labels the same way): a heading (number
and title) found exactly once in each version, then a title found exactly
once in each version, then a number found exactly once in each version
(``施策14``, ``第3章``) whose titles are similar. Such an anchored section is
paired with nothing else; when its counterpart sits under another parent it
is ``moved`` and its children follow it. Without this, two 施策 swapping
parents would pair with each other by the identical headings of their
（1）–（4） children.

Children of paired parents are then matched level by level, in this order:

0. the anchored pair, when both are at this level;
1. same number and same title;
2. same title, another number (renumbered → ``moved``);
3. title similarity (rapidfuzz on the title with the numbering prefix
   stripped and NFKC applied, docs/ARCHITECTURE.md §7) → ``renamed``;
4. body similarity (character-bigram Jaccard of the subtree text) → ``renamed``.

A subtree whose Merkle ``content_hash`` is equal on both sides is paired
wholesale without looking inside (regulations-parser's ``diff/tree.py`` idea),
so the work grows with the size of the change. Sections left over at every
level are then matched globally (a section moved under another parent),
and finally checked for split (one old → several new) and merge. What is
still left is ``added`` or ``deleted``. Every pair carries a score and a reason.

A split part can come from any section of the other version, paired or not,
so each leftover is compared with every section: as bigram bitsets
(``compare/bitgrams.py``), whose overlaps are counted in C. The scan stays
exhaustive and exact (tests/oracle_align.py is the frozenset scan it
replaced); what grows with the pages is building one bitset per section.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz

from revtool.compare.bitgrams import BigramBits, overlap
from revtool.compare.drafting_notes import without_note
from revtool.model import ChangeKind, Document, Section, SectionPair, SectionPath
from revtool.normalize import compact_key

TITLE_MIN = 80.0  # rapidfuzz ratio for a rename by title
BODY_MIN = 0.5  # bigram Jaccard for a rename by body
GLOBAL_MIN = 0.6  # bigram Jaccard for a match across parents
PART_MIN = 0.6  # share of a part's bigrams found in the whole, for split/merge
RUN_LEN = 8  # characters: a run this long shared by two texts is text carried over, not common words
RUN_MIN = 0.5  # share of a split/merged part's characters inside runs found in the whole
REPEAT_SLACK = 0.05
"""A split part whose text the whole's counterpart holds within this share of
how fully the whole holds it was repeated, not moved: a passage restated
elsewhere keeps 98–100 % of its share in the kept section (which may have been
edited a little), while a 施策's templated （1）–（5） sections share 9 to 60
points less with a sibling than with the section they really came from."""

_NUMBER_PREFIX = re.compile(
    r"^\s*(?:第[0-9一二三四五六七八九十百]+[章節部編款項]|施策[0-9]+|基本目標[0-9]+|"
    r"[0-9]+(?:[-－.．][0-9]+)*[.．]?|[（(][0-9一二三四五六七八九十]+[）)]|[①-⑳]|[ア-ン][.．、]?)"
    r"[\s\u3000]*"
)


norm = compact_key  # NFKC, no whitespace (revtool.normalize)

_T = TypeVar("_T")


def best_first(candidates: Sequence[tuple[float, int, _T]], free: Callable[[_T], bool]) -> Iterator[tuple[float, _T]]:
    """The symmetric greedy pairing every pass uses: ``(score, distance, pair)``
    candidates, highest score first, then the nearest positions (then the order
    given); yields each whose sides are still ``free`` when its turn comes. The
    caller pairs what it gets before asking for the next, so a pair taken (and
    whatever it pairs below it) rules out the candidates that share a side."""
    for score, _, pair in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if free(pair):
            yield score, pair


def title_key(section: Section) -> str:
    """The title without its numbering prefix and drafting note (※…), NFKC, no spaces."""
    title = section.title or _NUMBER_PREFIX.sub("", section.heading)
    return norm(without_note(title))


def heading_key(section: Section) -> str:
    """Number and title without a drafting note (※…), NFKC, no spaces: 「2 X ※追記予定」 is 「2 X」."""
    return norm(without_note(section.heading))


NOTE_ONLY = "番号・見出し一致（作成上の注記「※…」のみ変更）"


def compatible(a: Section, b: Section) -> bool:
    """Same numbering scheme (or one unknown): a chapter is not paired with an
    article, nor a 施策 with a （1）, on similarity alone."""
    return not a.marker or not b.marker or a.marker == b.marker


def bigrams(text: str) -> frozenset[str]:
    t = norm(text)
    return frozenset(t[i:i + 2] for i in range(len(t) - 1)) if len(t) > 1 else frozenset({t})


def runs_of(text: str, k: int = RUN_LEN) -> frozenset[str]:
    """Every ``k``-character run of ``text`` (NFKC, no whitespace); a text
    shorter than ``k`` is its own single run."""
    t = norm(text)
    if len(t) < k:
        return frozenset({t}) if t else frozenset()
    return frozenset(t[i:i + k] for i in range(len(t) - k + 1))


def run_share(part: str, whole_runs: frozenset[str], k: int = RUN_LEN) -> float:
    """Share of ``part``'s characters inside a ``k``-character run that the
    whole also has: text carried over from it. Bigram containment alone is
    high by chance when the whole is long (a short new paragraph's common
    words are all somewhere in a long section); carried-over text keeps runs."""
    t = norm(part)
    if len(t) < k:
        return 1.0 if t and any(t in r for r in whole_runs) else 0.0
    covered = [False] * len(t)
    for i in range(len(t) - k + 1):
        if t[i:i + k] in whole_runs:
            covered[i:i + k] = [True] * k
    return sum(covered) / len(t)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def subtree_text(section: Section) -> str:
    parts = [section.own_text()]
    parts.extend(subtree_text(c) for c in section.children)
    return "\n".join(p for p in parts if p)


RENUMBERED = "同じ位置で番号のみ変更"
REORDERED = "順序変更"


def is_renumbering(pair: SectionPair) -> bool:
    """A section that kept its title and place and only changed its number."""
    return pair.kind is ChangeKind.MOVED and pair.reason.endswith(RENUMBERED)


def _increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose new positions increase (pairs sorted by old)."""
    if not pairs:
        return set()
    best: list[int] = [1] * len(pairs)
    prev: list[int] = [-1] * len(pairs)
    for k in range(len(pairs)):
        for m in range(k):
            if pairs[m][1] < pairs[k][1] and best[m] + 1 > best[k]:
                best[k], prev[k] = best[m] + 1, m
    k = max(range(len(pairs)), key=lambda x: (best[x], -x))
    out = set()
    while k != -1:
        out.add(pairs[k])
        k = prev[k]
    return out


@dataclass(frozen=True)
class _Node:
    path: SectionPath
    section: Section
    index: int  # position in document order
    parent: SectionPath


def _nodes(doc: Document) -> list[_Node]:
    return [_Node(p, s, i, p[:-1]) for i, (p, s) in enumerate(doc.walk())]


def _unique(nodes: list[_Node], key) -> dict[str, _Node]:
    """Nodes by ``key``, for the keys that occur exactly once (empty keys left out)."""
    seen: dict[str, _Node | None] = {}
    for n in nodes:
        k = key(n.section)
        if k:
            seen[k] = None if k in seen else n
    return {k: n for k, n in seen.items() if n is not None}


def anchors(old_nodes: list[_Node], new_nodes: list[_Node]) -> dict[SectionPath, SectionPath]:
    """Old path → new path for the sections that can only be each other:
    same heading, then same title, then same number with a similar title,
    each key found exactly once in each version (among the sections not
    anchored by an earlier key). Symmetric."""
    out: dict[SectionPath, SectionPath] = {}
    taken_new: set[SectionPath] = set()
    keys = (
        heading_key,
        title_key,
        lambda s: norm(s.number) if s.number and s.marker else "",
    )
    for rank, key in enumerate(keys):
        uo = _unique([n for n in old_nodes if n.path not in out], key)
        un = _unique([n for n in new_nodes if n.path not in taken_new], key)
        for k, o in uo.items():
            n = un.get(k)
            if n is None or not compatible(o.section, n.section):
                continue
            if rank == 2 and fuzz.ratio(title_key(o.section), title_key(n.section)) < TITLE_MIN:
                continue
            out[o.path] = n.path
            taken_new.add(n.path)
    return out


class _Aligner:
    def __init__(self, old: Document, new: Document) -> None:
        self.old_nodes = _nodes(old)
        self.new_nodes = _nodes(new)
        self.old_by_path = {n.path: n for n in self.old_nodes}
        self.new_by_path = {n.path: n for n in self.new_nodes}
        self.pairs: dict[SectionPath, tuple[SectionPath, ChangeKind | None, float, str]] = {}
        self.old_used: set[SectionPath] = set()
        self.extra: list[SectionPair] = []  # split/merge pairs (one side repeats)
        self.split_sources: set[SectionPath] = set()
        self.repeated: dict[tuple[bool, SectionPath], str] = {}  # (is_old, path) of a leftover whose text is also kept where it was: why not split/merged
        self.grams = BigramBits()  # one vocabulary for both versions
        self._bits: dict[tuple[bool, SectionPath], tuple[int, int]] = {}
        self._own_lists: dict[bool, list[tuple[int, _Node]]] = {}
        self._runs: dict[tuple[bool, SectionPath], frozenset[str]] = {}
        self.anchor = anchors(self.old_nodes, self.new_nodes)  # old path → new path
        self.anchored_new = {np: op for op, np in self.anchor.items()}

    # -- helpers
    def body(self, is_old: bool, path: SectionPath) -> tuple[int, int]:
        """The bigram bitset of a section's whole subtree text, and its size."""
        key = (is_old, path)
        if key not in self._bits:
            node = (self.old_by_path if is_old else self.new_by_path)[path]
            self._bits[key] = self.grams.of(subtree_text(node.section))
        return self._bits[key]

    def own(self, is_old: bool, path: SectionPath) -> tuple[int, int]:
        """The bigram bitset of a section's own text (no children), and its size."""
        key = (is_old, path + ("\0own",))
        if key not in self._bits:
            node = (self.old_by_path if is_old else self.new_by_path)[path]
            self._bits[key] = self.grams.of(node.section.own_text())
        return self._bits[key]

    def body_jaccard(self, op: SectionPath, np: SectionPath) -> float:
        """``jaccard`` of the two subtrees' bigram sets."""
        (a, na), (b, nb) = self.body(True, op), self.body(False, np)
        k = overlap(a, b)
        return k / (na + nb - k)

    def pair(self, op: SectionPath, np: SectionPath, kind: ChangeKind | None, score: float, reason: str) -> None:
        self.pairs[np] = (op, kind, score, reason)
        self.old_used.add(op)

    def pair_subtree(self, o: Section, op: SectionPath, n: Section, np: SectionPath) -> None:
        """Equal Merkle hashes: pair every descendant by position, no comparison."""
        for oc, nc in zip(o.children, n.children):
            ocp, ncp = op + (oc.heading,), np + (nc.heading,)
            self.pair(ocp, ncp, None, 1.0, "同一（内容ハッシュ一致）")
            self.pair_subtree(oc, ocp, nc, ncp)

    @staticmethod
    def anchor_kind(o: Section, n: Section) -> tuple[ChangeKind | None, float, str]:
        """Kind, score and reason of an anchored pair, as if found in place."""
        if norm(o.heading) == norm(n.heading):
            return None, 1.0, "番号・見出し一致"
        if heading_key(o) == heading_key(n):
            return ChangeKind.RENAMED, 1.0, NOTE_ONLY
        if title_key(o) == title_key(n):
            return ChangeKind.MOVED, 0.95, "見出し一致・番号変更"
        r = fuzz.ratio(title_key(o), title_key(n))
        return ChangeKind.RENAMED, r / 100, f"番号一致・見出しの類似度 {r:.0f}%"

    def match_anchors(self) -> None:
        """Anchored sections left unpaired by the level pass: their counterpart
        is under another parent. Paired as moved, children matched below them."""
        for node in self.new_nodes:
            op = self.anchored_new.get(node.path)
            if op is None or node.path in self.pairs or op in self.old_used:
                continue
            o, n = self.old_by_path[op].section, node.section
            kind, score, reason = self.anchor_kind(o, n)
            if kind is None:
                reason = "見出し一致"
            self.pair(op, node.path, kind or ChangeKind.MOVED, score, reason + "・位置変更")
            if o.content_hash == n.content_hash:
                self.pair_subtree(o, op, n, node.path)
            else:
                self.match_level(op, o.children, node.path, n.children)

    # -- level matching
    def match_level(self, old_parent: SectionPath | None, olds: Sequence[Section],
                    new_parent: SectionPath | None, news: Sequence[Section]) -> None:
        op_ = old_parent or ()
        np_ = new_parent or ()
        free_o = list(range(len(olds)))
        free_n = list(range(len(news)))
        matched: list[tuple[int, int]] = []

        # 0. anchored pairs at this level; anchored sections whose counterpart is
        # elsewhere wait for match_anchors
        new_at = {np_ + (n.heading,): j for j, n in enumerate(news)}
        anchored0: list[tuple[int, int]] = []
        for i, o in enumerate(olds):
            a = self.anchor.get(op_ + (o.heading,))
            if a is None:
                continue
            free_o.remove(i)
            j = new_at.get(a)
            if j is not None and a not in self.pairs:  # not already paired by match_anchors
                anchored0.append((i, j))
        for j, n in enumerate(news):
            if np_ + (n.heading,) in self.anchored_new:
                free_n.remove(j)
        for i, j in anchored0:
            o, n = olds[i], news[j]
            kind, score, reason = self.anchor_kind(o, n)
            matched.append((i, j))
            self.pair(op_ + (o.heading,), np_ + (n.heading,), kind, score, reason)

        def take(cands: list[tuple[float, int, int, ChangeKind | None, str]]) -> None:
            ranked = [(score, i + j, (i, j, kind, reason)) for score, i, j, kind, reason in cands]
            for score, (i, j, kind, reason) in best_first(ranked, lambda p: p[0] in free_o and p[1] in free_n):
                free_o.remove(i)
                free_n.remove(j)
                matched.append((i, j))
                o, n = olds[i], news[j]
                self.pair(op_ + (o.heading,), np_ + (n.heading,), kind, score, reason)

        # 1. same number and title (a drafting note added or dropped: renamed, judged by its note)
        take([(1.0, i, j, None, "番号・見出し一致") if norm(olds[i].heading) == norm(news[j].heading)
              else (1.0, i, j, ChangeKind.RENAMED, NOTE_ONLY)
              for i in free_o for j in free_n if heading_key(olds[i]) == heading_key(news[j])])
        # 2. same title, other number
        take([(0.95, i, j, ChangeKind.MOVED, "見出し一致・番号変更") for i in free_o for j in free_n
              if title_key(olds[i]) and title_key(olds[i]) == title_key(news[j]) and compatible(olds[i], news[j])])
        # 3. similar title
        cands: list[tuple[float, int, int, ChangeKind | None, str]] = []
        for i in free_o:
            for j in free_n:
                if not compatible(olds[i], news[j]):
                    continue
                r = fuzz.ratio(title_key(olds[i]), title_key(news[j]))
                if r >= TITLE_MIN:
                    cands.append((r / 100, i, j, ChangeKind.RENAMED, f"見出しの類似度 {r:.0f}%"))
        take(cands)
        # 4. similar body
        cands = []
        for i in free_o:
            for j in free_n:
                if not compatible(olds[i], news[j]):
                    continue
                s = self.body_jaccard(op_ + (olds[i].heading,), np_ + (news[j].heading,))
                if s >= BODY_MIN:
                    cands.append((s, i, j, ChangeKind.RENAMED, f"本文の類似度 {s:.2f}"))
        take(cands)

        in_order = _increasing(sorted(matched))
        for i, j in sorted(matched):
            o, n = olds[i], news[j]
            ncp = np_ + (n.heading,)
            if (i, j) not in in_order:
                op0, kind, score, reason = self.pairs[ncp]
                self.pairs[ncp] = (op0, ChangeKind.MOVED, score, reason + "・" + REORDERED)
            elif self.pairs[ncp][1] is ChangeKind.MOVED:
                op0, kind, score, reason = self.pairs[ncp]
                self.pairs[ncp] = (op0, kind, score, reason + "・" + RENUMBERED)
        for i, j in sorted(matched):
            o, n = olds[i], news[j]
            ocp, ncp = op_ + (o.heading,), np_ + (n.heading,)
            if o.content_hash == n.content_hash:
                self.pair_subtree(o, ocp, n, ncp)
            else:
                self.match_level(ocp, o.children, ncp, n.children)

    # -- global passes on what is left
    def leftovers(self) -> tuple[list[_Node], list[_Node]]:
        lo = [n for n in self.old_nodes if n.path not in self.old_used]
        ln = [n for n in self.new_nodes if n.path not in self.pairs]
        return lo, ln

    def both_free(self, pair: tuple[_Node, _Node] | tuple[_Node, _Node, str]) -> bool:
        """Neither section of a candidate pair is paired yet."""
        return pair[0].path not in self.old_used and pair[1].path not in self.pairs

    def match_global(self) -> None:
        lo, ln = self.leftovers()
        cands: list[tuple[float, int, tuple[_Node, _Node, str]]] = []
        for o in lo:
            for n in ln:
                if not compatible(o.section, n.section):
                    continue
                tk = title_key(o.section)
                if tk and tk == title_key(n.section):
                    score = 0.95
                    reason = "見出し一致・位置変更"
                else:
                    score = self.body_jaccard(o.path, n.path)
                    reason = f"本文の類似度 {score:.2f}・位置変更"
                    if score < GLOBAL_MIN:
                        continue
                cands.append((score, o.index + n.index, (o, n, reason)))
        for score, (o, n, reason) in best_first(cands, self.both_free):
            self.pair(o.path, n.path, ChangeKind.MOVED, score, reason)
            if o.section.content_hash == n.section.content_hash:
                self.pair_subtree(o.section, o.path, n.section, n.path)
            else:
                self.match_level(o.path, o.section.children, n.path, n.section.children)

    def _best(self, part_old: bool, part: _Node) -> tuple[float, _Node] | None:
        """The section of the other version holding the largest share
        (>= PART_MIN) of ``part``'s own bigrams, the first in document order
        on a tie: where a split part came from, or where a merged one went.
        Every section is a candidate, paired or not; parts under 4 bigrams
        are too small to tell."""
        own, size = self.own(part_old, part.path)
        if size < 4:
            return None
        best: tuple[float, _Node] | None = None
        for bits, cand in self.own_bits(not part_old):
            c = (own & bits).bit_count() / size
            if c >= PART_MIN and (best is None or c > best[0]) and compatible(cand.section, part.section) \
                    and run_share(part.section.own_text(), self.runs(not part_old, cand)) >= RUN_MIN:
                best = (c, cand)
        return best

    def runs(self, is_old: bool, node: _Node) -> frozenset[str]:
        """The ``RUN_LEN``-character runs of a section's own text (cached)."""
        key = (is_old, node.path)
        if key not in self._runs:
            self._runs[key] = runs_of(node.section.own_text())
        return self._runs[key]

    def own_bits(self, is_old: bool) -> list[tuple[int, _Node]]:
        """Every section of one version with its own-text bitset, in document order."""
        if is_old not in self._own_lists:
            nodes = self.old_nodes if is_old else self.new_nodes
            self._own_lists[is_old] = [(self.own(is_old, n.path)[0], n) for n in nodes]
        return self._own_lists[is_old]

    def counterpart(self, is_old: bool, path: SectionPath) -> _Node | None:
        """The section of the other version paired with ``path`` (of version ``is_old``), if any."""
        if is_old:
            np = next((n for n, (o, *_) in self.pairs.items() if o == path), None)
            return None if np is None else self.new_by_path[np]
        entry = self.pairs.get(path)
        return None if entry is None else self.old_by_path[entry[0]]

    def stays(self, part_old: bool, part: _Node, whole: _Node, score: float) -> _Node | None:
        """The section paired with ``whole`` when it still holds ``part``'s text
        as fully as ``whole`` does (``score``, the same measures as ``_best``):
        the text did not leave the whole, it is repeated. A new section that
        repeats a passage of an old section kept as it was is added, not split
        from it; an old section whose text its whole's counterpart already held
        is deleted, not merged. A section that only shares a template's words
        with the counterpart (clearly less than with the whole) is still split
        or merged."""
        other = self.counterpart(not part_old, whole.path)
        if other is None:
            return None
        own, size = self.own(part_old, part.path)
        kept = (own & self.own(part_old, other.path)[0]).bit_count() / size
        text = part.section.own_text()
        runs_kept, runs_whole = run_share(text, self.runs(part_old, other)), run_share(text, self.runs(not part_old, whole))
        if kept >= score - REPEAT_SLACK and runs_kept >= max(RUN_MIN, runs_whole - REPEAT_SLACK):
            return other
        return None

    def match_parts(self, part_old: bool, parts: list[_Node]) -> None:
        """Each leftover new section mostly found in one old section is split
        from it (``part_old`` False); each leftover old section mostly found in
        one new section is merged into it (``part_old`` True). Not when the
        text is still where it was (``stays``): then it was repeated, and the
        part stays added (or deleted), with the reason."""
        for part in parts:
            best = self._best(part_old, part)
            if best is None:
                continue
            score, whole = best
            other = self.stays(part_old, part, whole, score)
            if other is not None:
                here, there = ("新", "旧") if part_old else ("旧", "新")
                self.repeated[(part_old, part.path)] = (
                    f"本文の {score:.0%} は{here}「{whole.section.heading}」と同じだが、その本文は"
                    f"{there}「{other.section.heading}」にもある（再掲であり、{'統合' if part_old else '分割'}ではない）")
                continue
            if part_old:
                self.extra.append(SectionPair(part.path, whole.path, ChangeKind.MERGED, round(score, 3),
                                              f"統合（本文の {score:.0%} が新「{whole.section.heading}」へ）"))
            else:
                self.extra.append(SectionPair(whole.path, part.path, ChangeKind.SPLIT, round(score, 3),
                                              f"分割（本文の {score:.0%} が旧「{whole.section.heading}」から）"))
                self.split_sources.add(whole.path)

    def match_split_merge(self) -> None:
        """Leftovers by containment of their own text. A leftover pair that mostly
        contains each other is one section renamed; then each leftover new
        section mostly found in one old section is split from it, and each
        leftover old section mostly found in one new section is merged into it.
        Both directions use the same measure, so the result is symmetric."""
        lo, ln = self.leftovers()
        parts: list[tuple[float, int, tuple[_Node, _Node]]] = []
        for o in lo:
            a, na = self.own(True, o.path)
            if na < 4:
                continue
            for n in ln:
                b, nb = self.own(False, n.path)
                if nb < 4 or not compatible(o.section, n.section):
                    continue
                k = overlap(a, b)
                score = min(k / na, k / nb)
                if score >= PART_MIN:
                    parts.append((score, o.index + n.index, (o, n)))
        for score, (o, n) in best_first(parts, self.both_free):
            self.pair(o.path, n.path, ChangeKind.RENAMED, score, f"本文の {score:.0%} が一致")
            self.match_level(o.path, o.section.children, n.path, n.section.children)
        lo, ln = self.leftovers()
        self.match_parts(False, ln)
        self.match_parts(True, lo)

    def result(self) -> tuple[SectionPair, ...]:
        merged_old = {p.old_path for p in self.extra if p.kind is ChangeKind.MERGED}
        split_old = {p.old_path for p in self.extra if p.kind is ChangeKind.SPLIT}
        merged_new = {p.new_path for p in self.extra if p.kind is ChangeKind.MERGED}
        extra_by_new: dict[SectionPath, list[SectionPair]] = {}
        for p in self.extra:
            assert p.new_path is not None
            extra_by_new.setdefault(p.new_path, []).append(p)

        out: list[SectionPair] = []
        old_order = [n.path for n in self.old_nodes]
        old_pos = {p: i for i, p in enumerate(old_order)}
        # deleted sections are placed after the last old section already emitted
        deleted = deque(p for p in old_order if p not in self.old_used and p not in merged_old
                        and p not in self.split_sources)

        def flush_deleted(upto: int) -> None:
            while deleted and old_pos[deleted[0]] <= upto:
                p = deleted.popleft()
                out.append(SectionPair(p, None, ChangeKind.DELETED, 0.0, _with(
                    "対応する節なし（削除）", self.repeated.get((True, p)))))

        last_old = -1
        for node in self.new_nodes:
            np = node.path
            if np in self.pairs:
                op, kind, score, reason = self.pairs[np]
                if kind is None and op in split_old:
                    kind, reason = ChangeKind.SPLIT, reason + "／一部を分割"
                if kind is None and np in merged_new:
                    kind, reason = ChangeKind.MERGED, reason + "／他の節を統合"
                last_old = max(last_old, old_pos[op])
                flush_deleted(last_old)
                out.append(SectionPair(op, np, kind, round(score, 3), reason))
                for extra in extra_by_new.get(np, ()):
                    if extra.kind is ChangeKind.MERGED:
                        out.append(extra)
            elif np in extra_by_new:
                for extra in extra_by_new[np]:
                    out.append(extra)
            else:
                out.append(SectionPair(None, np, ChangeKind.ADDED, 0.0, _with(
                    "対応する節なし（追加）", self.repeated.get((False, np)))))
        flush_deleted(len(old_order))
        return tuple(out)


def _with(reason: str, note: str | None) -> str:
    return reason if note is None else f"{reason}／{note}"


SectionLinks = dict[SectionPath, list[SectionPath]]


def section_links(pairs: Sequence[SectionPair]) -> tuple[SectionLinks, SectionLinks]:
    """The pairs joining an old and a new section, as two maps:
    new path → its old sources, and old path → its new targets."""
    new_sources: SectionLinks = {}
    old_targets: SectionLinks = {}
    for p in pairs:
        if p.old_path is not None and p.new_path is not None:
            new_sources.setdefault(p.new_path, []).append(p.old_path)
            old_targets.setdefault(p.old_path, []).append(p.new_path)
    return new_sources, old_targets


def section_component(old_path: SectionPath, new_path: SectionPath, new_sources: SectionLinks,
                      old_targets: SectionLinks) -> tuple[list[SectionPath], list[SectionPath]]:
    """The old and the new sections linked, directly or not, to the pair
    ``old_path`` / ``new_path``: an old section split into several new ones,
    several merged into one, or just the pair itself."""
    olds, news = [old_path], [new_path]
    grown = True
    while grown:
        grown = False
        for q in list(olds):
            for t in old_targets.get(q, ()):
                if t not in news:
                    news.append(t)
                    grown = True
        for t in list(news):
            for q in new_sources.get(t, ()):
                if q not in olds:
                    olds.append(q)
                    grown = True
    return olds, news


def align_sections(old: Document, new: Document) -> tuple[SectionPair, ...]:
    """Pair every section of ``old`` with its counterpart in ``new``.

    Returns pairs in the new document's order, deleted sections placed after
    their old predecessor. ``kind`` is None for a section in the same place
    under the same heading (changed or not), else moved / renamed / split /
    merged / added / deleted.
    """
    al = _Aligner(old, new)
    if old.sections or new.sections:
        al.match_level(None, old.sections, None, new.sections)
        al.match_anchors()
        al.match_global()
        al.match_split_merge()
    return al.result()
