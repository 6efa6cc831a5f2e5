"""Editorial rules ``format`` and ``variant``: punctuation, width and spacing;
表記ゆれ by the rule table and by the dictionary's normalized forms; 対 before
the base of a ratio. Each test returns evidence (Japanese, short) when it
matches, or None. Pure."""

from __future__ import annotations

import unicodedata

from revtool.compare import morph
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial_context import (
    Context, _fmt, _hunk_fmt, _quoted_touching, _sentence_around, _short, _strip_punct, _word_pair,
)
from revtool.compare.written_numbers import _DIGITS, _has_number


def _t_format(c: Context) -> str | None:
    if _strip_punct(c.hunk.old) == _strip_punct(c.hunk.new):
        return _hunk_fmt(c)
    return None


def _t_variant(c: Context) -> str | None:
    r = c.rules
    if r.fold(_strip_punct(c.hunk.old)) == r.fold(_strip_punct(c.hunk.new)):
        return _hunk_fmt(c)
    found = _t_morph_variant(c)
    if found is not None:
        return found
    # a variant that straddles the hunk edge: compare the enclosing sentence
    if _sentence_around(c, old=True) and r.fold(_sentence_around(c, True)) == r.fold(_sentence_around(c, False)):
        return _hunk_fmt(c)
    return _ratio_base(c)


def _ratio_base(c: Context) -> str | None:
    """「対」 before the base of a ratio written or dropped (対GDP比 = GDP比,
    対前年比 = 前年比): both name the same ratio. The 対 must be a word of its own
    followed, inside one compound (spaces allowed: 対GDP 比), by a noun ending in 比."""
    if not c.rules.morphology or sorted(c.core) != ["", "対"]:
        return None
    h = c.hunk
    text, at = (c.old_text, h.old_start + h.old.find("対")) if c.core[0] else (c.new_text, h.new_start + h.new.find("対"))
    words = [m for m in morph.words_at(text, at, at + 12) if m.begin >= at]
    if not words or words[0].surface != "対" or words[0].begin != at:
        return None
    for m in words[1:]:
        if m.pos == "空白":
            continue  # 対GDP 比: a space inside the compound
        if m.pos != "名詞":
            return None
        if m.surface.endswith("比"):
            shown = text[at:m.end]
            pair = (shown, shown[1:]) if c.core[0] else (shown[1:], shown)
            return f"{_fmt(*pair)}（比の基準を示す「対」）"
    return None


def _t_morph_variant(c: Context) -> str | None:
    """The same words by the dictionary's normalized forms (SudachiPy core):
    一人暮らし/ひとり暮らし → 独り暮らし, 子ども/こども → 子供, 取組/取り組み; plus
    the rule table's pairs a dictionary cannot know (行う/する, 等/など).
    Numbers on both sides and 「」 names are left to their own rules (the
    dictionary reads 一人暮らし as one word, not as the number 1)."""
    r = c.rules
    if not r.morphology or (_has_number(c.hunk.old) and _has_number(c.hunk.new)
                            and _DIGITS.search(unicodedata.normalize("NFKC", c.hunk.old + c.hunk.new))):
        return None  # numbers on both sides: the number and era rules decide
    h = c.hunk
    if _quoted_touching(c.old_text, h.old_start, h.old_end) or _quoted_touching(c.new_text, h.new_start, h.new_end):
        return None
    a, b = _word_pair(c)
    if comparison_key(a) == comparison_key(b) or (r.word_key(a) != r.word_key(b)
                                                    and r.compound_key(a) != r.compound_key(b)):
        return None
    table = r._lemma_table()
    shown = "・".join(dict.fromkeys(m.normalized for m in morph.morphemes(b) if not m.is_punct
                                    and m.surface not in a and m.normalized != m.surface
                                    and m.normalized not in table))  # rule-table words: 用字・用語の統一
    return _fmt(_short(a.strip()), _short(b.strip())) + (f"（辞書の正規形「{shown}」）" if shown else "（用字・用語の統一）")
