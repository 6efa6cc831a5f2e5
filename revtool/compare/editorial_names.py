"""Editorial rules about names: ``name`` (「」 names changed), ``defined_term``
(words replaced by the plan's own 「」 term), ``abbreviation`` (a short form
and its full form). Each test returns evidence (Japanese, short) when it
matches, or None. Pure."""

from __future__ import annotations

from collections import Counter

from revtool.compare.abbreviations import abbreviated_word, abbreviation_swap
from revtool.compare.editorial_context import _CONTENT, Context, _fmt, _quoted_touching
from revtool.compare.editorial_typos import _dictionary_fix


def _t_name(c: Context) -> str | None:
    h = c.hunk
    a = _quoted_touching(c.old_text, h.old_start, h.old_end)
    b = _quoted_touching(c.new_text, h.new_start, h.new_end)
    if a != b:
        fa = Counter(c.rules.fold(k) for k in a.elements())
        fb = Counter(c.rules.fold(k) for k in b.elements())
        if fa != fb and _dictionary_fix(c) is None:  # a typo inside a name is still a typo (推准 → 推進)
            gone = "、".join(f"「{k}」" for k in sorted(a - b)) or "なし"
            new = "、".join(f"「{k}」" for k in sorted(b - a)) or "なし"
            return f"名称 {gone} → {new}"
    return None


_TERM_CONTEXT = 6  # characters around a quoted term that must be the same on both sides


def _t_defined_term(c: Context) -> str | None:
    """A phrase replaced by the plan's own 「」 term for the same thing (質の高い生活
    → 「ウェルビーイング／高い生活の質」): the quoted term replaces, between the same
    words on both sides, a phrase every content character of which is in the
    term (the same words, reordered or completed), and the old document already
    uses the term in 「」 (it is the plan's term, not a new name). The character
    diff may cut this into several hunks; each one inside the term is judged so.
    A term new to the plan, or one that replaces other words, stays a name change."""
    if c.vocabulary is None:
        return None
    h = c.hunk
    added = _quoted_touching(c.new_text, h.new_start, h.new_end)
    if len(added) != 1 or _quoted_touching(c.old_text, h.old_start, h.old_end):
        return None
    term = next(iter(added))
    if f"「{term}」" not in c.vocabulary[0]:
        return None
    qs = c.new_text.rfind("「" + term + "」", 0, h.new_end + 1 + len(term))
    if qs < 0 or qs > h.new_end or qs + len(term) + 2 < h.new_start:
        return None
    qe = qs + len(term) + 2
    os_, oe = c.core_spans[0]  # the hunk's own edit, without the words it shares
    left, right = c.new_text[max(0, qs - _TERM_CONTEXT):qs], c.new_text[qe:qe + _TERM_CONTEXT]
    lo = c.old_text.rfind(left, 0, os_ + len(left) + 1) if left else 0
    if lo < 0:
        return None
    lo += len(left)
    hi = c.old_text.find(right, lo) if right else len(c.old_text)
    if hi < 0 or hi - lo > 2 * len(term) or not (lo <= os_ and oe <= hi):
        return None
    phrase = c.old_text[lo:hi]
    chars = _CONTENT.findall(phrase)
    if len(chars) < 2 or not all(ch in term for ch in chars) or "「" in phrase:
        return None
    return f"計画の用語「{term}」への置換 {_fmt(phrase, term)}"


def _t_abbreviation(c: Context) -> str | None:
    """The plan's own short form for its full form, or the reverse (再生可能エネルギー
    （以下「再エネ」という。） → 再エネ ⇄ 再生可能エネルギー), or a word and the
    abbreviation made from it (再エネ ⇄ 再生可能エネルギー undefined, 省エネ ⇄
    省エネルギー): compare/abbreviations.py."""
    if c.vocabulary is None:
        return None
    spans = c.core_spans
    found = abbreviation_swap(c.old_text, c.new_text, *spans, c.vocabulary)
    if found is not None:
        return f"計画で定めた略称「{found[1]}」と正式な名称「{found[0]}」"
    found = abbreviated_word(c.old_text, c.new_text, *spans)
    if found is not None:
        return f"略語「{found[1]}」と元の語「{found[0]}」"
    return None
