"""Abbreviations the plan defines for itself, and their full forms. Pure.

Official Japanese text defines a short name once — 再生可能エネルギー（以下「再エネ」
という。）, 「環境教育等による環境保全の取組の促進に関する法律」（平成15年法律第130号）
（以下「環境教育等促進法」という。） — and may use either form after that. A
passage that says the full form where it said the short one (or the reverse)
says the same thing: 文言整理, whatever words the two forms have in common.

Only the plan's own definitions count (in either version), never a list of
abbreviations: a short form the plan does not define stays a change of words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from revtool.compare import morph

_DEFINE = re.compile(r"[（(]以下[、，]?「([^「」\n]{1,40})」(?:という|とする|と略|と称|と総称|と呼|と表記|と記|と言う)")
_PAREN = re.compile(r"[（(][^（）()\n]{0,60}[）)]$")  # a law number between the name and its definition
_BEFORE = 80  # characters of the full form read before a definition
_CONTEXT = 3  # characters around both forms that must be the same on both sides
MIN_FULL = 4  # a full form shorter than this is no more than a word


@lru_cache(maxsize=4)
def definitions(text: str) -> tuple[tuple[str, str], ...]:
    """(short form, the text its definition follows) for every 以下「…」という of ``text``;
    the text is cut at the line, any parenthesis between it and the definition left out,
    and a 「」 name given without its brackets."""
    out: dict[tuple[str, str], None] = {}
    for m in _DEFINE.finditer(text):
        before = text[max(0, m.start() - _BEFORE):m.start()]
        before = before[before.rfind("\n") + 1:]
        while (p := _PAREN.search(before)) is not None:
            before = before[:p.start()]
        if before.endswith("」") and "「" in before:
            before = before[before.rfind("「") + 1:-1]
        short = m.group(1).strip()
        if short and before:
            out[(short, before)] = None
    return tuple(out)


def _full_forms(before: str, short: str) -> list[str]:
    """The full forms a definition allows, longest first: every ending of the text
    before it that starts on a content word and is longer than the short form."""
    starts = {m.begin for m in morph.morphemes(before) if not m.is_function}  # not from a particle: 「による協議会」
    return [before[i:] for i in sorted(starts) if len(before) - i >= max(MIN_FULL, len(short) + 1)]


def _at(text: str, form: str, start: int, end: int) -> list[int]:
    """Starts of the occurrences of ``form`` in ``text`` covering [start, end)."""
    out = []
    i = text.find(form, max(0, end - len(form)))
    while 0 <= i <= start:
        if i + len(form) >= end:
            out.append(i)
        i = text.find(form, i + 1)
    return out


def _same_around(a: str, i: int, j: int, b: str, k: int, m: int) -> bool:
    """``a[i:j]`` and ``b[k:m]`` stand between the same characters."""
    left = min(_CONTEXT, i, k)
    right = min(_CONTEXT, len(a) - j, len(b) - m)
    return a[i - left:i] == b[k - left:k] and a[j:j + right] == b[m:m + right]


def abbreviation_swap(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int],
                      vocabulary: tuple[str, str]) -> tuple[str, str] | None:
    """(full form, short form) when the edit at ``old_span`` → ``new_span`` (the
    characters that differ) puts one of the plan's defined short forms for its full
    form, or the reverse, between the same words; None otherwise."""
    defs = definitions(vocabulary[0]) + definitions(vocabulary[1])
    (os_, oe), (ns, ne) = old_span, new_span
    for short, before in dict.fromkeys(defs):
        for full_text, fs, fe, short_text, ss, se in ((old, os_, oe, new, ns, ne), (new, ns, ne, old, os_, oe)):
            shorts = _at(short_text, short, ss, se)
            if not shorts:
                continue
            for full in _full_forms(before, short):
                for i in _at(full_text, full, fs, fe):
                    if any(_same_around(full_text, i, i + len(full), short_text, k, k + len(short)) for k in shorts):
                        return full, short
    return None


def formed_from(short: str, full: str) -> bool:
    """``short`` is made the way Japanese abbreviations are made from ``full``
    (再生可能エネルギー → 再エネ): the heads of some of its words in order, the
    last one cut short from the full form's last word, or one long word cut short
    (省エネルギー → 省エネ, at least three characters kept) — never
    the full form with words left out (国際協力 → 国際) nor whole words joined
    anew (高齢障害者 → 高齢者: another group of people)."""
    if len(full) < len(short) + 2 or len(short) < 2:
        return False
    words = [m.surface for m in morph.morphemes(full)]
    if len(words) < 2:  # one word cut short: コンビニエンスストア → コンビニ, 省エネルギー → 省エネ
        return len(short) >= 3 and full.startswith(short)
    last = words[-1]
    # the last piece: a proper head of the last word
    for cut in range(1, min(len(last), len(short))):
        if short.endswith(last[:cut]) and _heads(short[:-cut], words[:-1]):
            return True
    return False


def _heads(text: str, words: list[str]) -> bool:
    """``text`` is the heads (non-empty prefixes) of some of ``words``, in order, the first word's included."""
    if not text:
        return False
    if not words or text[0] != words[0][0]:
        return False
    # dynamic programme over (position in text, next word)
    reach = {(0, 0)}
    todo = [(0, 0)]
    while todo:
        i, w = todo.pop()
        for k in range(w, len(words)):
            if k > w and i == 0:
                break  # the first piece comes from the first word
            word = words[k]
            for n in range(1, len(word) + 1):
                if text[i:i + n] != word[:n]:
                    break
                if i + n == len(text):
                    return True
                if (i + n, k + 1) not in reach:
                    reach.add((i + n, k + 1))
                    todo.append((i + n, k + 1))
    return False


def _compound(text: str, start: int, end: int) -> tuple[int, int]:
    if start == end:  # an insertion point: the compound it falls in
        if start == 0 or start >= len(text):
            return start, end
        start, end = start - 1, start + 1
    return morph.compound_span(text, start, end)


def abbreviated_word(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> tuple[str, str] | None:
    """(full form, short form) when the compound word edited at ``old_span`` →
    ``new_span`` is, between the same characters, a word and its abbreviation
    (``formed_from``), either way; None otherwise."""
    os_, oe = _compound(old, *old_span)
    ns, ne = _compound(new, *new_span)
    a, b = old[os_:oe], new[ns:ne]
    if not a or not b or a == b or not _same_around(old, os_, oe, new, ns, ne):
        return None
    if formed_from(a, b):
        return b, a
    if formed_from(b, a):
        return a, b
    return None
