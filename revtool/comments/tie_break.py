"""A 該当箇所 that fits several sections equally, settled by the comment's words.

「3（1）現状と課題」 names one section under every chapter of a templated plan:
the reference alone cannot tell them apart, but the comment usually can — it
quotes or paraphrases the text it is about. Each tied section is scored by the
character bigrams it shares with the opinion and the answer, each bigram
weighted by how few of the tied sections hold it (inverse document frequency
over the ties: words every tied section has — the template's own wording — weigh
nothing). The best section is taken only when it is clearly ahead; otherwise
the resolution is left as it was (the first few ties, with the warning).
Pure.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Mapping
from functools import lru_cache

from revtool.comments.resolution import Resolution
from revtool.comments.resolve import Entry, pages_of
from revtool.model import Candidate, Section, SectionPath
from revtool.normalize import is_kana, normalize_key

MIN_LEAD = 2.0  # the best score must be at least this many times the second's
MIN_OWN = 3  # and the best section hold at least this many of the comment's bigrams the second lacks (a word, not a kana pair)
SECTION_CHARS = 20_000  # text read from each tied section (its blocks, then its subsections')
_NOT_TEXT = re.compile(r"[\s\W_]+")


def bigrams(text: str) -> set[str]:
    """The character bigrams of ``text`` after normalization, without spaces or punctuation."""
    key = _NOT_TEXT.sub("", normalize_key(text))
    return {key[i:i + 2] for i in range(len(key) - 1)}


@lru_cache(maxsize=1 << 16)
def _text_keys(text: str) -> tuple[str, str]:
    """``normalize_key`` of one heading or paragraph and that key without
    spaces and punctuation (what ``bigrams`` reads), cached: in a templated
    plan the tied sections are often ancestors of one another and share their
    paragraphs (issue 15)."""
    key = normalize_key(text)
    return key, _NOT_TEXT.sub("", key)


def section_bigrams(section: Section, limit: int = SECTION_CHARS) -> set[str]:
    """``bigrams(section_text(section, limit))``, computed paragraph by paragraph
    so that a paragraph read for several tied sections is normalized once.
    The key of the joined text is the join of the paragraphs' keys (the line
    break between them is whitespace, which the key drops; ``normalize_key``
    folds each character by itself and its predecessor), except at one seam:
    dashes that start a paragraph after one ending in kana are prolonged sound
    marks in the joined text's key (「データ」 then 「－タ」). Only the
    paragraph cut by ``limit`` is normalized as cut."""
    bare: list[str] = []  # each key without spaces and punctuation (removed character by character)
    last = ""  # the last non-empty key
    offset = 0  # where the next text starts in "\n".join(texts)
    size = 0
    stack = [section]
    while stack and size < limit:
        s = stack.pop(0)
        for text in (s.heading, *(b.text for b in s.blocks)):
            room = limit - offset
            if room > 0:
                if len(text) <= room:
                    key, plain = _text_keys(text)
                else:
                    key = normalize_key(text[:room])
                    plain = _NOT_TEXT.sub("", key)
                if key.startswith("-") and last and is_kana(last[-1]):
                    key = normalize_key(last[-1] + key)[1:]  # the seam read as the joined text reads it
                    plain = _NOT_TEXT.sub("", key)
                if key:
                    last = key
                    bare.append(plain)
            offset += len(text) + 1
            size += len(text)
        stack[:0] = list(s.children)
    key = "".join(bare)
    return set(map(operator.add, key, key[1:]))  # the bigrams in text order, as {key[i:i + 2] …} adds them


def section_text(section: Section, limit: int = SECTION_CHARS) -> str:
    """The heading and text of ``section`` and its subsections, in order, up to ``limit`` characters."""
    parts: list[str] = []
    size = 0
    stack = [section]
    while stack and size < limit:
        s = stack.pop(0)
        for text in (s.heading, *(b.text for b in s.blocks)):
            parts.append(text)
            size += len(text)
        stack[:0] = list(s.children)
    return "\n".join(parts)[:limit]


def scores(held: list[set[str]]) -> list[float]:
    """For each tied section's bigrams shared with the comment, their summed inverse
    frequency over the texts: a bigram every text holds weighs nothing."""
    n = len(held)
    df: dict[str, int] = {}
    for grams in held:
        for g in grams:
            df[g] = df.get(g, 0) + 1
    return [sum(math.log(n / df[g]) for g in grams) for grams in held]


def prefer_by_text(res: Resolution, context: str, by_path: Mapping[SectionPath, Entry],
                   grams: dict[SectionPath, set[str]] | None = None) -> Resolution:
    """``res`` settled on one of its ``ties`` when the comment's words
    (``context``: opinion and answer) point clearly at it; ``res`` unchanged otherwise.
    ``grams``: each tied section's bigrams, kept across the comments of one
    import (a section tied for thousands of rows is read once, not once a row:
    issue 15)."""
    ties = [p for p in res.ties if p in by_path]
    if len(ties) < 2 or not context.strip():
        return res
    known = grams if grams is not None else {}

    def section_grams(path: SectionPath) -> set[str]:
        got = known.get(path)
        if got is None:
            got = known[path] = section_bigrams(by_path[path].section)
        return got

    wanted = bigrams(context)
    held = [section_grams(p) & wanted for p in ties]
    got = scores(held)
    ranked = sorted(range(len(ties)), key=lambda k: -got[k])
    best, second = got[ranked[0]], got[ranked[1]]
    if best < MIN_LEAD * second or len(held[ranked[0]] - held[ranked[1]]) < MIN_OWN:
        return res
    chosen = ties[ranked[0]]
    entry = by_path[chosen]
    note = (f"該当箇所が {len(ties)} 節に当てはまるため、意見と回答の文言が最も多く現れる"
            f"「{' '.join(chosen)}」に対応付けました。")
    warnings = tuple(w for w in res.warnings if not w.startswith("該当箇所が複数の節に当てはまります")) + (note,)
    others = tuple(c for c in res.candidates if c.section_path != chosen)
    first = [c for c in res.candidates if c.section_path == chosen]
    head = first[0] if first else Candidate(chosen, 1.0, "")
    head = Candidate(head.section_path, head.score, (head.reason + "、" if head.reason else "") + "意見の文言で選択")
    return Resolution((head, *others), (chosen,), pages_of([entry.section]), warnings, res.ties)
