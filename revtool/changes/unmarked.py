"""Facts as the summary quotes them: without footnote marks. Pure.

A footnote mark is printed glued to the words it annotates (``制度的補完性118
にも鑑み``, ``29.3％25``); the readers keep it in the text. A quote in 主な変更点
never carries it: the summary is given each fact with the marks of its section
(the numbers of the footnotes there, ``compare/footnote_marks``) taken out of
its spans.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from revtool.changes.facts import Fact
from revtool.compare.footnote_marks import drop_marks, section_marks
from revtool.model import Document
from revtool.text_chars import HIRAGANA


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class MarkIndex:
    """The footnote numbers of each section of the two versions."""

    old: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict)
    new: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict)

    @staticmethod
    def of(old_doc: "Document | None", new_doc: "Document | None") -> "MarkIndex":
        return MarkIndex(section_marks(old_doc) if old_doc is not None else {},
                         section_marks(new_doc) if new_doc is not None else {})

    def unmarked(self, f: Fact) -> "Fact | None":
        """``f`` with its sections' marks out of its spans and units (``f`` itself
        when there are none); None when, the marks set aside, only a kana or a
        stop is left of its edit (「た33。」→「35、」: 低下した。→ 低下し、)."""
        old_marks = self.old.get(tuple(f.change.old_section_path or f.change.section_path), frozenset())
        new_marks = self.new.get(tuple(f.change.section_path), frozenset())
        if not old_marks and not new_marks:
            return f
        old, new = _unmark_span(f.old, old_marks), _unmark_span(f.new, new_marks)
        if (old, new) == (f.old, f.new):
            return f
        if _key(old) == _key(new):
            return f  # the marks were all it changed: judged where marks are judged, not here
        if all(_TRIVIAL.fullmatch(_key(x)) for x in (old, new)):
            return None
        return dataclasses.replace(f, old=old, new=new, old_unit=drop_marks(f.old_unit, old_marks),
                                   new_unit=drop_marks(f.new_unit, new_marks))

    def for_summary(self, facts: "list[Fact]") -> "list[Fact]":
        """The facts as quoted: marks out, mark-only leftovers dropped (all of
        them kept when nothing else would be left to say)."""
        kept = [u for f in facts if (u := self.unmarked(f)) is not None]
        return kept or list(facts)


_TRIVIAL = re.compile(f"[{HIRAGANA}、。，．,.・]{{0,2}}")
_LEADING_MARK = re.compile(f"^([0-9０-９]{{1,4}})(?=[、。，．）)」』{HIRAGANA}]|$)")


def _unmark_span(span: str, marks: frozenset[int]) -> str:
    """A span without its marks, one opening the span included (``35、`` where
    the diff cut just after the word the mark is glued to)."""
    m = _LEADING_MARK.match(span)
    if m and int(unicodedata.normalize("NFKC", m.group(1))) in marks and not span[m.end():m.end() + 1] in _COUNTER_KANA:
        span = span[m.end():]
    return drop_marks(span, marks)


_COUNTER_KANA = frozenset("つかヶヵケカ")
