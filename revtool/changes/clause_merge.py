"""The same content deleted and added in one row is one edit. Pure.

A paragraph rewritten beyond recognition reaches the summary as a deleted and
an added block; quoted by their 「」 names or first words they read as
「「きれいで豊かな海」に関する記述を追加、「きれいで豊かな海」に関する記述を削除」,
which says nothing.  A clause that adds and a clause that removes the same
names (or the same first words, or the same words moved inside a sentence)
become one: 「…に関する記述を修正」, 「「…」の記載位置を変更」.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from revtool.compare.chardiff import common_ends

_NAMES = re.compile(r"^((?:「[^「」]+」)+)に関する記述を(追加|追記|削除)$")
_LEAD = re.compile(r"^「([^「」]+)」の記述を(追加|追記|削除)$")
_WORDS = re.compile(r"^「([^「」]+)」(?:を追記|の文言を(削除))$")
_REPLACED = re.compile(r"^「([^「」]*)」を「([^「」]*)」に変更$")
_NAME = re.compile(r"「([^「」]+)」")
MAX_NAMES = 2


@dataclass(frozen=True)
class _Side:
    added: bool
    names: tuple[str, ...] = ()
    lead: str = ""
    words: str = ""


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip("…")


def _removed_and_added(old: str, new: str) -> tuple[str, str]:
    """What a replacement takes out and puts in, the shared ends set aside."""
    i, j = common_ends(old, new)
    return old[i:len(old) - j], new[i:len(new) - j]


def _side(clause: str) -> list[_Side]:
    m = _NAMES.match(clause)
    if m:
        return [_Side(m.group(2) != "削除", names=tuple(_NAME.findall(m.group(1))))]
    m = _LEAD.match(clause)
    if m:
        return [_Side(m.group(2) != "削除", lead=_key(m.group(1)))]
    m = _WORDS.match(clause)
    if m:
        return [_Side(m.group(2) is None, words=_key(m.group(1)))]
    m = _REPLACED.match(clause)
    if m:
        removed, added = _removed_and_added(m.group(1), m.group(2))
        out = []
        if _key(removed):
            out.append(_Side(False, words=_key(removed)))
        if _key(added):
            out.append(_Side(True, words=_key(added)))
        return out
    return []


def _merged(a: _Side, b: _Side, clause_a: str, clause_b: str) -> str | None:
    """One clause for an added and a removed side that are the same content."""
    if a.names and b.names and set(a.names) & set(b.names):
        names = list(dict.fromkeys(a.names + b.names))[:MAX_NAMES]
        return "".join(f"「{n}」" for n in names) + "に関する記述を修正"
    if a.lead and a.lead == b.lead:
        lead = _LEAD.match(clause_a) or _LEAD.match(clause_b)
        return f"「{lead.group(1) if lead else a.lead}」の記述を修正"
    if a.words and a.words == b.words and len(a.words) >= 2 and not (_REPLACED.match(clause_a) and _REPLACED.match(clause_b)):
        # (two replacements trading words are a swap, told elsewhere)
        quoted = next((q for c in (clause_a, clause_b) for q in _NAME.findall(c) if _key(q) == a.words), a.words)
        return f"「{quoted}」の記載位置を変更"
    return None


def merge_rewrites(clauses: list[str]) -> list[str]:
    """``clauses`` with each pair that adds and removes the same content told as one edit."""
    sides = [_side(c) for c in clauses]
    out = list(clauses)
    gone: set[int] = set()
    for i in range(len(clauses)):
        if i in gone:
            continue
        for j in range(i + 1, len(clauses)):
            if j in gone:
                continue
            merged = next((m for a in sides[i] for b in sides[j] if a.added != b.added
                           for m in [_merged(a, b, clauses[i], clauses[j])] if m), None)
            if merged is not None:
                out[i] = merged
                gone.add(j)
                break
    return [c for k, c in enumerate(out) if k not in gone]
