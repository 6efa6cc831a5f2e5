"""Editorial rules that find a change of meaning: ``negation``, ``meaning``
(substantive and action words), ``proviso`` (ただし), ``sentence`` (a
sentence added or removed), and ``reorder`` (the same words in a new order).
Each test returns evidence (Japanese, short) when it matches, or None. Pure."""

from __future__ import annotations

import re
from collections import Counter

from revtool.compare.chardiff import minimal_diff
from revtool.compare.editorial_context import (
    _CONTENT, _content, Context, _fmt, _HIRAGANA, _is_kanji, _short, _strip_punct,
)
from revtool.model import EditOp
from revtool.text_chars import ASCII_ALNUM, FULLWIDTH_DIGITS, FULLWIDTH_LATIN, HIRAGANA, KANJI, KATAKANA


_NEGATION = re.compile(f"(?<=[{HIRAGANA}])(?:ない|なく|なかっ|ず|ぬ|ません)")
_NEGATION_PREFIX = "不非未無"


def _t_negation(c: Context) -> str | None:
    a = len(_NEGATION.findall(c.rules.fold(c.hunk.old)))
    b = len(_NEGATION.findall(c.rules.fold(c.hunk.new)))
    if a != b:
        return f"否定表現の変更 {_fmt(*c.core)}"
    # a negating prefix added, removed or swapped in: 実施 → 未実施, 必要 → 不要
    ca, cb = c.core
    h = c.hunk
    a_at = c.core_at[0] + len(ca)
    b_at = c.core_at[1] + len(cb)
    a_ext = ca + c.old_text[a_at:a_at + 1] if ca else ""
    b_ext = cb + c.new_text[b_at:b_at + 1] if cb else ""
    a_pos = b_pos = 0
    for op, t in minimal_diff(ca, cb):
        side, pos = (a_ext, a_pos) if op is EditOp.DELETE else (b_ext, b_pos)
        if op is not EditOp.EQUAL and len(t) == 1 and t in _NEGATION_PREFIX \
                and _is_kanji(side[pos + 1:pos + 2] or "x"):
            return f"否定表現の変更 {_fmt(ca, cb)}"
        if op is not EditOp.INSERT:
            a_pos += len(t)
        if op is not EditOp.DELETE:
            b_pos += len(t)
    return None


def _t_meaning(c: Context) -> str | None:
    ca, cb = c.core
    if (_content(ca) == 0) != (_content(cb) == 0):
        # a word added or removed: the phrase rule names it, unless it is a
        # substantive word short enough to pass for a typo (「必ず、」 added)
        added = c.rules.fold(ca or cb)
        for word in c.rules.substantive_words:
            w = c.rules.fold(word)
            if w and w in added and len(_strip_punct(added)) <= c.rules.typo_max_chars + 1:
                return f"意味の変わる語「{word}」（{'追加' if cb else '削除'}）"
        return None
    a, b = c.rules.fold(c.hunk.old), c.rules.fold(c.hunk.new)
    for word in c.rules.substantive_words:
        w = c.rules.fold(word)
        if w and _uses(a, w) != _uses(b, w):
            return f"意味の変わる語「{word}」 {_fmt(*c.core)}"
    gone = [w for w in c.rules.action_words if (k := c.rules.fold(w)) and a.count(k) > b.count(k)]
    came = [w for w in c.rules.action_words if (k := c.rules.fold(w)) and b.count(k) > a.count(k)]
    if gone and came and set(gone) != set(came):
        return f"意味の変わる語「{gone[0]}」→「{came[0]}」 {_fmt(*c.core)}"
    return None


_REFERENCE_WORDS = ("以上", "以下")
"""Bounds (65歳以上, 基準以下) that also point to the text: 以下に述べる, 以上のことから."""
_BOUND_BEFORE = re.compile(f"[{KANJI}{KATAKANA}{ASCII_ALNUM}{FULLWIDTH_LATIN}{FULLWIDTH_DIGITS}%％]")


def _uses(text: str, word: str) -> int:
    """How often ``word`` occurs in ``text`` as a substantive word. 以上 and 以下 count only
    as a bound, right after what they bound (a noun or number); at the head of a clause
    (以下に述べるとおり, 以上のことから) they refer to the text around, which is no commitment."""
    if word not in _REFERENCE_WORDS:
        return text.count(word)
    return sum(1 for m in re.finditer(re.escape(word), text)
               if m.start() > 0 and _BOUND_BEFORE.match(text[m.start() - 1]))


_PROVISO = re.compile(r"(?:^|[。\s])(?:ただし|但し)")


def _t_proviso(c: Context) -> str | None:
    """但し書き added or removed: 「ただし、」 at a sentence start turns the sentence
    into a condition or an exception to the one before, whatever its length
    (two hiragana words are no typo). The hunk is read with the character before it."""
    h = c.hunk
    before_old = c.old_text[max(0, h.old_start - 1):h.old_end]
    before_new = c.new_text[max(0, h.new_start - 1):h.new_end]
    a, b = len(_PROVISO.findall(before_old)), len(_PROVISO.findall(before_new))
    if a != b:
        return f"但し書きの{'追加' if b > a else '削除'} {_fmt(*c.core)}"
    return None


def _t_sentence(c: Context) -> str | None:
    a, b = c.core
    for side, label in ((a, "削除"), (b, "追加")):
        body = side.strip()
        if "。" in body and len(_CONTENT.findall(body)) >= 8:
            other = b if side is a else a
            if len(_CONTENT.findall(other)) * 2 < len(_CONTENT.findall(body)):
                return f"文の{label}「{_short(body)}」"
    return None


def _t_reorder(c: Context) -> str | None:
    if c.moved:
        return f"語順の入替え「{_short(c.hunk.old or c.hunk.new)}」"
    a = Counter(_strip_punct(c.rules.fold(c.hunk.old)))
    b = Counter(_strip_punct(c.rules.fold(c.hunk.new)))
    rest = (a - b) + (b - a)
    if (sum(a.values()) >= 6 and sum(rest.values()) <= 2
            and all(_HIRAGANA.match(ch) for ch in rest.elements())):
        return f"語順の入替え {_fmt(*c.core)}"
    return None
