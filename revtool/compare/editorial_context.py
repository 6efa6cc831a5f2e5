"""A hunk in its old and new texts (``Context``), and the text helpers the
editorial rules share: the sentence around a hunk, the hunk widened to whole
words, the 「」 names touching it, content characters, the quoting of evidence. Pure."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revtool.compare import morph
from revtool.compare.chardiff import Hunk, common_ends, minimal_diff
from revtool.compare.comparison_key import comparison_key
from revtool.model import EditOp
from revtool.text_chars import CONTENT_CHAR_NO_HIRAGANA, HIRAGANA, PUNCT_AND_SPACE

if TYPE_CHECKING:  # the rules' configuration reads the rule table, which reads Context
    from revtool.compare.editorial_config import EditorialRules


_QUOTED = re.compile(r"「([^「」]*)」|『([^『』]*)』")
_CONTENT = CONTENT_CHAR_NO_HIRAGANA
_PUNCT_SPACE = re.compile(rf"[{PUNCT_AND_SPACE}\-‐－―ー〜～~]")
_HIRAGANA = re.compile(f"[{HIRAGANA}]")


def _strip_punct(text: str) -> str:
    return _PUNCT_SPACE.sub("", comparison_key(text))


@dataclass(frozen=True)
class Context:
    """A hunk with the full old and new texts around it."""

    hunk: Hunk
    old_text: str
    new_text: str
    rules: EditorialRules
    moved: bool = False  # the same words were deleted/inserted elsewhere in the block
    vocabulary: tuple[str, str] | None = None  # whole old and new documents, for spelling checks
    moved_words: bool = False  # the same content words, in another construction, deleted/inserted elsewhere

    @property
    def core(self) -> tuple[str, str]:
        """The hunk without its common prefix and suffix characters."""
        a, b = self.hunk.old, self.hunk.new
        p, s = common_ends(a, b)
        return a[p:len(a) - s], b[p:len(b) - s]

    @property
    def core_at(self) -> tuple[int, int]:
        """Where the core starts in the old and in the new text (after the common
        prefix: the 公 → 交 of 公共公通 → 公共交通 is the second 公, not the first)."""
        p, _ = common_ends(self.hunk.old, self.hunk.new)
        return self.hunk.old_start + p, self.hunk.new_start + p

    @property
    def core_spans(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Where the core lies in the old and in the new text: (start, end) of each."""
        (a, b), (oa, na) = self.core, self.core_at
        return (oa, oa + len(a)), (na, na + len(b))


def _fmt(a: str, b: str) -> str:
    return f"「{a}」→「{b}」"


def _hunk_fmt(c: Context) -> str:
    """The changed words as the reader sees them (whole units, not bare characters)."""
    return _fmt(_short(c.hunk.old.strip()), _short(c.hunk.new.strip()))


def _word_pair(c: Context) -> tuple[str, str]:
    """The hunk widened on both sides to whole words (a hunk may end inside
    one: 一人|暮らし), the same number of characters on both sides, so the
    context added is the same text."""
    h = c.hunk
    left = right = 0
    for _ in range(2):
        os_, oe = morph.word_span(c.old_text, h.old_start - left, h.old_end + right) if h.old or left or right \
            else (h.old_start, h.old_end)
        ns, ne = morph.word_span(c.new_text, h.new_start - left, h.new_end + right) if h.new or left or right \
            else (h.new_start, h.new_end)
        left = max(left, h.old_start - os_, h.new_start - ns)
        right = max(right, oe - h.old_end, ne - h.new_end)
    left = min(left, h.old_start, h.new_start)
    right = min(right, len(c.old_text) - h.old_end, len(c.new_text) - h.new_end)
    return (c.old_text[h.old_start - left:h.old_end + right], c.new_text[h.new_start - left:h.new_end + right])


SENTENCE_REACH = 1000  # characters looked back for the start of a sentence


def _sentence_around(c: Context, old: bool) -> str:
    return _sentence_at(c, old)[0]


def _sentence_at(c: Context, old: bool) -> tuple[str, int, int]:
    """The sentence around the hunk, and the hunk's start and end in it."""
    text, start, end = (c.old_text, c.hunk.old_start, c.hunk.old_end) if old else (
        c.new_text, c.hunk.new_start, c.hunk.new_end)
    reach = max(0, start - SENTENCE_REACH)  # bounded: a hunk's cost never grows with the paragraph
    left = max(text.rfind("。", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
    m = re.compile(r"[。\n]").search(text, end)
    right = m.end() if m else len(text)
    return text[left:right], start - left, end - left


_QUOTE_REACH = 300  # a 「」 name longer than this is not a name


def _quoted_touching(text: str, start: int, end: int) -> Counter[str]:
    out: Counter[str] = Counter()
    lo = max(0, start - _QUOTE_REACH)
    for m in _QUOTED.finditer(text, lo, min(len(text), end + _QUOTE_REACH)):
        if m.start() < end and m.end() > start or (start == end and m.start() < start < m.end()):
            out[m.group(1) if m.group(1) is not None else m.group(2)] += 1
    return out


def _replacements(a: str, b: str) -> list[tuple[str, str]]:
    ops = minimal_diff(a, b)
    out = []
    for i in range(len(ops) - 1):
        if ops[i][0] is EditOp.DELETE and ops[i + 1][0] is EditOp.INSERT:
            out.append((ops[i][1], ops[i + 1][1]))
    return out


def _is_kanji(s: str) -> bool:
    return bool(s) and all("\u4e00" <= ch <= "\u9fff" or ch == "々" for ch in s)


def _content(s: str) -> int:
    return len(_CONTENT.findall(s))


def _short(s: str, n: int = 30) -> str:
    s = s.replace("\n", " ").replace("\t", " ")
    return s if len(s) <= n else s[:n] + "…"
