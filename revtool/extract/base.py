"""What the format readers hand to ``outline.build``: a flat stream of blocks
and heading candidates in reading order."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.model import Block, PageSpan


@dataclass(frozen=True)
class RawHeading:
    """A line that may be a heading.

    ``level_hint`` is what the format knows about depth: the DOCX outline level
    or heading style (1 = top), or a PDF font-size rank; ``None`` when only the
    numbering marker in the text can tell. ``certain`` is True when the format
    itself says it is a heading (a heading style or outline level), False when
    it is only a guess from markers, font size or weight. ``min_level`` is
    the shallowest depth a guessed heading may take (``None``: no bound): a
    PDF line set in the body's own style, told a heading by its numbering
    alone, nests below every heading set larger than the body.
    """

    text: str
    level_hint: int | None = None
    certain: bool = False
    pages: PageSpan | None = None
    min_level: int | None = None


RawItem = Block | RawHeading
