"""A 該当箇所 written at the head of the opinion, for tables without one.

Many result tables have no 該当箇所 column: the writer puts the place in the
opinion itself — 「【第2編第3章 P.12】…」「［P.7］…」「P7の「…」について、…」
「第2章第1節について、…」. When a row's 該当箇所 is empty, that head is read
as its reference; only a head that ``parse_ref`` reads as pages or numbering
labels counts, so an opinion that merely starts with a number or a bracket
(「【意見】…」「35人学級の…」) keeps an empty reference. Pure.
"""

from __future__ import annotations

import re

from revtool.comments.refs import parse_ref

_BRACKETS = {"【": "】", "［": "］", "[": "]", "〔": "〕", "＜": "＞", "<": ">", "《": "》"}  # not （）: 「（1）の…」 is a label
# A head without brackets ends at the first particle or punctuation that starts the sentence.
_HEAD_END = re.compile(r"の|について|に関して|に関する|における|、|，|：|:|\s")
MAX_HEAD = 40  # characters: a reference, not a sentence


def _is_reference(text: str) -> bool:
    if re.fullmatch(r"[\d０-９\s.．]+", text):
        return False  # a bare number (【13】, 「1 」 numbering a list) is a count or an id, not a page
    loc = parse_ref(text)
    if not (loc.pages or loc.numbers):
        return False
    # what is left beside the pages and labels must be a title at most, not a sentence
    return "。" not in text and len(text) <= MAX_HEAD


def ref_in_opinion(opinion: str) -> str:
    """The reference the opinion starts with, as written (without its brackets), or ""."""
    text = (opinion or "").lstrip()
    if not text:
        return ""
    close = _BRACKETS.get(text[0])
    if close:
        end = text.find(close, 1)
        inner = text[1:end] if 1 < end <= MAX_HEAD + 1 else ""
        if inner and _is_reference(inner):
            return inner.strip()
        return ""
    m = _HEAD_END.search(text[:MAX_HEAD + 1])
    if not m or m.start() == 0:
        return ""
    candidate = text[:m.start()]
    return candidate.strip() if _is_reference(candidate) else ""
