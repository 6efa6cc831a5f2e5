"""Drafting notes on a heading: 「2 パートナーシップの充実・強化 ※今後内容を精査し、追記する予定」,
「（1）国際的なルール作りへの貢献 ※一部調整中」. A draft marks a section still being written with a
note after its title; the next version drops the note (and writes the section). The note is about the
draft, not a word of the plan: sections are paired on the title without it, and a heading whose only
change is a note added or removed is 文言整理 — what the section says is judged on its own text. Pure.

A ※ followed by a digit is a footnote mark (※１), part of the title, never a note."""

from __future__ import annotations

import re

_NOTE = re.compile(r"[\s\u3000]*[※＊](?![0-9０-９\s\u3000])[^\n]+$")


def split_note(heading: str) -> tuple[str, str]:
    """The heading without its trailing drafting note, and the note (``""`` when there is none).
    A heading that is nothing but a note keeps it as its text."""
    m = _NOTE.search(heading)
    if m is None or not heading[:m.start()].strip():
        return heading, ""
    return heading[:m.start()], m.group(0).strip()


def without_note(heading: str) -> str:
    return split_note(heading)[0]


def note_only_change(old: str, new: str) -> str | None:
    """When two headings differ only by a drafting note (added, removed or reworded), the
    evidence for the verdict; otherwise None. ``old`` and ``new`` are compared as given
    (callers pass comparison keys when spacing must not count)."""
    (base_old, note_old), (base_new, note_new) = split_note(old), split_note(new)
    if note_old == note_new or base_old != base_new:
        return None
    if note_old and note_new:
        return f"作成上の注記「{note_old}」→「{note_new}」"
    return f"作成上の注記「{note_old}」を削除" if note_old else f"作成上の注記「{note_new}」を追加"
