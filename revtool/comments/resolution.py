"""What resolving a comment's reference gives (``resolve.resolve``), and what a
later reading of it (``page_reading``, ``tie_break``) takes and returns: the
candidate sections, the chosen ones, their printed pages, warnings. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.model import Candidate, SectionPath

PAGE_MISMATCH = "ページ（"  # starts the warning of a cited page that is not where the heading or text found is


@dataclass(frozen=True)
class Resolution:
    candidates: tuple[Candidate, ...]
    chosen: tuple[SectionPath, ...]
    pages: tuple[int, ...]  # printed pages of the chosen sections
    warnings: tuple[str, ...]
    # when the reference fits several sections equally (none nested in the
    # others): all of them, in document order, for a caller who knows more (the
    # comment's words: ``tie_break.prefer_by_text``); () otherwise
    ties: tuple[SectionPath, ...] = ()
