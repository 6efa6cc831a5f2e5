"""A sentence moved, unchanged, to another paragraph of the same section (文言整理). Pure.

A drafter reorders a section's argument: 「農業産出額は近年横ばいで推移しており、…」
leaves the end of the second paragraph and opens the first. Seen one paragraph
at a time it is a sentence added to one paragraph and the same sentence deleted
from another — two substantive changes where a reader sees the same words a few
lines away. Within one section a move changes no meaning (as a paragraph moved
within its section, ``block-moved``); moved to another section it may, and that
stays the move pass's (``block-moved-section``).

Only changes whose every edit inserts (or deletes) text, in paragraphs or list
items of the same section on both sides, pair; the text moved is at least one
whole sentence (it ends with 。) of ``MOVE_MIN`` content characters, compared
without spaces and punctuation.

The editorial rule of the same name (``compare.editorial._moved_sentence``,
verdict ``sentence-moved`` too) is the other half of the kind: a sentence moved
*inside one block*, one hunk deleting it where another inserts it
(``editorial.moved_hunks``). This pass sees what that rule cannot — the two
sides in two paragraphs, two changes — and pairs changes, not hunks. Both ask
``whole_sentence``; they count content differently: here hiragana count
(``text_chars.CONTENT_CHAR``), in the editorial rule they do not
(``CONTENT_CHAR_NO_HIRAGANA``, as every editorial rule weighs a hunk), so a
kana-heavy sentence of 12 or more characters may pair here and not be judged
moved there. Kept as measured; making them one is an accuracy change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from revtool.compare.comparison_key import comparison_key
from revtool.compare.structural_verdicts import verdict_for
from revtool.model import Change, ChangeKind, EditOp
from revtool.text_chars import CONTENT_CHAR, PUNCT_AND_SPACE

RULE = "sentence-moved"  # its label is in structural_verdicts.STRUCTURAL
MOVE_MIN = 12
"""Fewest content characters of a sentence judged moved (a short phrase is in many places)."""

_DROP = re.compile(f"[{PUNCT_AND_SPACE}]")


def _key(text: str) -> str:
    return _DROP.sub("", comparison_key(text))


def _one_way(change: Change, op: EditOp) -> str:
    """The text ``change`` only inserts (``op`` INSERT) or only deletes, "" when it does anything else."""
    if change.block_kind not in ("paragraph", "list") or not change.verdict.substantive:
        return ""
    if change.kind is ChangeKind.ADDED:
        return change.new_text if op is EditOp.INSERT else ""
    if change.kind is ChangeKind.DELETED:
        return change.old_text if op is EditOp.DELETE else ""
    if change.kind is not ChangeKind.MODIFIED:
        return ""
    moved = [e for e in change.edits if e.op is not EditOp.EQUAL]
    if not moved or any(e.op is not op for e in moved):
        return ""
    return "".join(e.text for e in moved)


def whole_sentence(text: str, content: re.Pattern[str] = CONTENT_CHAR) -> bool:
    """Whether ``text`` (without surrounding spaces) is a whole sentence long enough
    to be judged moved: it ends with 。 and holds ``MOVE_MIN`` characters of
    ``content`` or more. The editorial rule passes its own ``content`` (see the
    module's docstring)."""
    body = text.strip()
    return body.endswith("。") and len(content.findall(body)) >= MOVE_MIN


def relabel_sentence_moves(drafts: Sequence[Change]) -> list[Change]:
    """``drafts`` with each pair (a sentence inserted in one paragraph, the same
    sentence deleted from another of the same section) judged 文言整理."""
    out = list(drafts)
    inserts: dict[tuple[tuple[str, ...], tuple[str, ...], str], list[int]] = {}
    for k, d in enumerate(out):
        text = _one_way(d, EditOp.INSERT)
        if text and whole_sentence(text):
            inserts.setdefault((d.section_path, d.old_section_path, _key(text)), []).append(k)
    if not inserts:
        return out
    for k, d in enumerate(out):
        text = _one_way(d, EditOp.DELETE)
        if not text or not whole_sentence(text):
            continue
        # a deleted block keeps its own section on the old side only
        old_path = d.old_section_path
        new_path = d.section_path or old_path
        for (path, src, key), ks in inserts.items():
            if key != _key(text) or (src or path) != old_path or path != new_path or not ks:
                continue
            m = ks.pop(0)
            evidence = f"「{_short(text)}」（{d.location} → {out[m].location}、文言の変更なし）"
            out[k] = replace(d, verdict=verdict_for(RULE, evidence))
            out[m] = replace(out[m], verdict=verdict_for(RULE, evidence))
            break
    return out


def _short(s: str, n: int = 30) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + "…"
