"""Campaign comments grouped: the same opinion sent many times becomes one
group (「同趣旨の御意見 N 件」) with a representative, a count and every member id.

Two opinions are in one group when their texts are equal after normalization
(NFKC, no spaces or punctuation, kana/kanji as written), or, for texts of at
least ``min_chars`` characters, when the member's text is at least
``threshold`` similar to the representative's (``similarity``: the share of
the shorter text that is unedited, text added before or after it aside; a
bounded, symmetric measure). Every member is
compared with its representative, never through a chain of members, so a
group cannot drift from one opinion to another.

Candidates are blocked (MinHash-style bottom-k sketches of 5-character
shingles), so a table of n distinct texts costs O(n · k) lookups, not n²:
a representative is compared in full only when it shares at least two of the
text's 16 smallest shingle hashes (a near-duplicate shares most of them), the
32 sent most often first. A missed pair gives two groups, never a lost or merged
opinion. Short texts (template replies of a line) differ in the
one word that matters, so they group only when equal. Pure.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from heapq import nsmallest

from rapidfuzz.distance import Indel

THRESHOLD = 0.9  # share of the shorter text found in the other (see ``similarity``)
MIN_LENGTH_RATIO = 0.4  # a text less than 40% as long as the other is a different opinion
MIN_CHARS = 30  # shorter opinions group only when equal after normalization
SHINGLE = 5
SKETCH = 16
MIN_SHARED = 2  # sketch values a candidate representative must share (near-duplicates share most)
VERIFY = 32  # candidates (most shared first) compared in full
COMMON = 256  # sketch values held by more representatives than this are not looked up

_DROP = re.compile(r"[\s、。，．,.・「」『』（）()［］\[\]【】！!？?：:；;…ー－‐\-〜~]+")


def opinion_key(text: str) -> str:
    """The comparison form of an opinion: NFKC, whitespace and punctuation removed."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class CommentGroup:
    id: str  # G1, G2 … in table order of their first member
    representative: str  # comment id: the first with the most frequent wording
    member_ids: tuple[str, ...]  # table order, the representative among them
    similarities: tuple[float, ...]  # of each member to the representative (1.0: equal after normalization)
    exact: int  # members equal to the representative after normalization (itself included)

    @property
    def count(self) -> int:
        return len(self.member_ids)

    @property
    def min_similarity(self) -> float:
        return min(self.similarities)

    def evidence(self, member: str, sim: float) -> str:
        """Why ``member`` (similarity ``sim``) is in the group (Japanese, for trace and the JSON)."""
        if member == self.representative:
            return f"同趣旨 {self.count} 件の代表（正規化後に同文 {self.exact} 件、他は類似度 {THRESHOLD:.2f} 以上）"
        if sim >= 1.0:
            return f"{self.representative} と正規化後に同文"
        return f"{self.representative} と類似度 {sim:.2f}（{THRESHOLD:.2f} 以上）"


def _sketch(key: str) -> list[int]:
    shingles = {key[i:i + SHINGLE] for i in range(max(1, len(key) - SHINGLE + 1))}
    return nsmallest(SKETCH, (zlib.crc32(s.encode("utf-8")) for s in shingles))


def _windows(short: str, long_: str, slack: int) -> set[str]:
    """Stretches of ``long_`` that ``short`` may span: from where its first
    characters occur (anchors of 8, 4 or 2 characters) to where its last ones
    do (first or last occurrence far enough on), or its length plus ``slack``."""
    start = 0
    for k in (8, 4, 2):
        at = long_.find(short[:k])
        if at >= 0:
            start = at
            break
    out = {long_[start:start + len(short) + slack]}
    least = start + len(short) - slack  # an end before this is an earlier use of the same words
    for k in (8, 4, 2):
        tail = short[-k:]
        first, last = long_.find(tail, max(start, least - k)), long_.rfind(tail)
        for at in (first, last):
            if at >= start and at + k >= least:
                out.add(long_[start:at + k])
    return out


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """1 − (edits inside the shorter text) / its length, edits counted as
    characters deleted plus characters inserted (Indel distance) between the
    shorter text and the stretch of the longer one it spans. Text added before
    or after it (a greeting, a closing, a line of one's own) is free. So a
    form letter with 下さい for ください stays above 0.9, while 「デジタルに
    不慣れな区民への支援」 and 「…外国人住民への支援」 (one word that changes the
    opinion) fall below. 0 when the shorter is less than ``MIN_LENGTH_RATIO``
    of the longer, or below ``cutoff``."""
    if len(a) > len(b):
        a, b = b, a
    short, long_ = len(a), len(b)
    if not short or short < MIN_LENGTH_RATIO * long_:
        return 0.0
    budget = int((1 - cutoff) * short + 1e-9) if cutoff else short
    # characters of the shorter text found nowhere in order in the longer are edits
    # in any stretch of it: one Indel distance rejects most candidates at once
    if cutoff and Indel.distance(a, b, score_cutoff=long_ - short + 2 * budget) > long_ - short + 2 * budget:
        return 0.0
    edits = min(Indel.distance(a, w, score_cutoff=budget if cutoff else None) for w in _windows(a, b, budget))
    sim = max(0.0, 1 - edits / short)
    return sim if sim >= cutoff else 0.0


def group_opinions(items: Sequence[tuple[str, str]], threshold: float = THRESHOLD,
                   min_chars: int = MIN_CHARS) -> list[CommentGroup]:
    """Groups of ``(comment id, opinion)`` pairs (table order). Only groups of
    two or more are returned; a comment in none stands alone."""
    by_key: dict[str, list[str]] = {}
    for cid, text in items:
        by_key.setdefault(opinion_key(text), []).append(cid)
    leaders: list[str] = []  # distinct keys that lead a group, in table order
    members: dict[str, list[tuple[str, float]]] = {}  # leader key -> (member key, similarity)
    postings: dict[int, list[int]] = {}  # sketch hash -> leader indexes
    # the most frequent wording leads (the form letter as sent most often), then table order
    for key in sorted(by_key, key=lambda k: -len(by_key[k])):  # stable: ties keep table order
        if not key:
            continue
        best, best_sim = -1, 0.0
        sketch: list[int] = []
        if len(key) >= min_chars:
            sketch = _sketch(key)
            shared: Counter[int] = Counter()
            for h in sketch:
                hits = postings.get(h, ())
                if len(hits) <= COMMON:  # a shingle half the table uses tells nothing
                    shared.update(hits)
            # the representatives sent most often first (a campaign's), then those sharing most
            ranked = sorted((li for li, n in shared.items() if n >= MIN_SHARED),
                            key=lambda li: (-len(by_key[leaders[li]]), -shared[li]))
            for li in ranked[:VERIFY]:
                sim = similarity(key, leaders[li], threshold)
                if sim > best_sim:
                    best, best_sim = li, sim
        if best >= 0:
            members[leaders[best]].append((key, best_sim))
            continue
        members[key] = []
        leaders.append(key)
        for h in sketch:
            postings.setdefault(h, []).append(len(leaders) - 1)
    first = {cid: i for i, (cid, _) in enumerate(items)}
    out: list[tuple[int, str, tuple[str, ...], tuple[float, ...], int]] = []
    for lead in leaders:
        sim_of = {cid: 1.0 for cid in by_key[lead]}
        for key, sim in members[lead]:
            sim_of.update((cid, sim) for cid in by_key[key])
        if len(sim_of) < 2:
            continue
        ids = tuple(sorted(sim_of, key=first.__getitem__))
        out.append((first[ids[0]], by_key[lead][0], ids, tuple(sim_of[i] for i in ids), len(by_key[lead])))
    out.sort()
    return [CommentGroup(f"G{n}", rep, ids, sims, exact) for n, (_, rep, ids, sims, exact) in enumerate(out, 1)]
