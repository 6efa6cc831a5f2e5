"""``revtool blame``: for each sentence of a section, the version that
introduced it. Pure.

Versions are walked newest to oldest from the one asked for: a sentence was
introduced by the oldest version of the unbroken run in which its comparison
key (``normalize_key``, spaces dropped) is present in the corresponding
section. The corresponding section is the same heading path, else the same
titles without numbers (renumbered), else what the query finds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from revtool.model import Document, Section, SectionPath
from revtool.normalize import normalize_key, split_sentences
from revtool.views.trace import locate


@dataclass(frozen=True)
class BlameLine:
    path: SectionPath  # the (sub)section the sentence is in
    sentence: str
    introduced: str  # version label
    index: int  # position of that version in the list


def _key(sentence: str) -> str:
    return re.sub(r"\s+", "", normalize_key(sentence))


def section_sentences(sec: Section, path: SectionPath = ()) -> list[tuple[SectionPath, str]]:
    """The sentences of a section and its subsections, in order, each with its
    section path (tables: one line a row)."""
    path = path or (sec.heading,)
    out: list[tuple[SectionPath, str]] = []
    for b in sec.blocks:
        text = b.text.replace("\t", "｜") if b.table is not None else b.text
        out.extend((path, s) for s in split_sentences(text))
    for child in sec.children:
        out.extend(section_sentences(child, path + (child.heading,)))
    return out


def blame(versions: Sequence[tuple[str, Document]], version: str, query: str) -> tuple[SectionPath, list[BlameLine]] | None:
    """The section of ``version`` that ``query`` names, and for each of its
    sentences the version that introduced it; None when there is no such section."""
    labels = [label for label, _ in versions]
    if version not in labels:
        return None
    at = labels.index(version)
    hit = locate(versions[at][1], query)
    if hit is None:
        return None
    path, sec = hit
    keysets: list[set[str] | None] = []
    for label, doc in versions[:at]:
        found = locate(doc, query, path)
        keysets.append({_key(s) for _, s in section_sentences(found[1])} if found else None)
    lines: list[BlameLine] = []
    for sub, sentence in section_sentences(sec, path):
        k = _key(sentence)
        first = at
        for i in range(at - 1, -1, -1):
            ks = keysets[i]
            if ks is None or k not in ks:
                break
            first = i
        lines.append(BlameLine(sub, sentence, labels[first], first))
    return path, lines
