"""Editorial rules about words added, removed or swapped: ``filler`` (a word
that changes nothing), ``phrase``, ``term`` (a noun swapped) and ``content``
(anything else). Each test returns evidence (Japanese, short) when it matches,
or None. Pure."""

from __future__ import annotations

from revtool.compare import morph
from revtool.compare.editorial_context import _content, Context, _fmt, _HIRAGANA, _short
from revtool.compare.written_numbers import _has_number


def _t_phrase(c: Context) -> str | None:
    a, b = c.core
    if _content(a) == 0 and _content(b) > 0:
        return f"語句の追加「{_short(b)}」"
    if _content(b) == 0 and _content(a) > 0:
        return f"語句の削除「{_short(a)}」"
    return None


def _t_filler(c: Context) -> str | None:
    """Words added or removed that change nothing (啓発 → 啓発活動, 推進 →
    積極的に推進, 研修等 → 研修): every content word added is in the
    rule table's filler words, the rest particles and punctuation."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if bool(a) == bool(b) or _has_number(a + b):
        return None
    h = c.hunk
    text, start, core = (c.new_text, c.core_at[1], b) if b else (c.old_text, c.core_at[0], a)
    words = [m for m in morph.words_at(text, start, start + len(core)) if m.begin < start + len(core) and m.end > start]
    if not words or words[0].begin < start or words[-1].end > start + len(core):
        return None  # the change cuts a word: another word, not a filler
    # a noun suffix is a word here (悪化 → 悪化等: 等 adds nothing; デジタル → デジタル化 does)
    content = [m for m in words if not (m.is_punct or (m.is_function and not _noun_suffix(m)))]
    if content and all(c.rules.is_filler(m.normalized) for m in content):
        if any(_noun_suffix(m) and _suffixed_term(c, text, m) for m in content):
            return None  # 開示等 used throughout the document is a term of its own: 開示等 → 開示 narrows it
        return f"語の補い「{core}」（{'追加' if b else '削除'}）"
    return None


TERM_USES = 3  # a word + suffix (開示等) used this often in one version is a term of the document


def _suffixed_term(c: Context, text: str, suffix: "morph.Morpheme") -> bool:
    """True when the word the suffix is attached to, with the suffix, is a term
    the document uses throughout (「開示等」 67 times in a contract), so adding or
    removing the suffix changes what the term covers. 悪化 → 悪化等 written once
    stays a filler."""
    if c.vocabulary is None or suffix.begin == 0:
        return False
    before = [m for m in morph.words_at(text, max(0, suffix.begin - 1), suffix.begin) if m.end == suffix.begin]
    if not before or before[-1].is_punct or before[-1].is_function:
        return False
    term = text[before[-1].begin:suffix.end]
    return any(doc.count(term) >= TERM_USES for doc in c.vocabulary)


def _noun_suffix(m: "morph.Morpheme") -> bool:
    return m.pos == "接尾辞" and m.pos2 == "名詞的"


def _t_term(c: Context) -> str | None:
    a, b = c.core
    if a and b and not _HIRAGANA.search(a + b):
        return f"語の置換 {_fmt(a, b)}"
    return None


def _t_content(c: Context) -> str | None:
    return f"内容の変更 {_fmt(_short(c.core[0]), _short(c.core[1]))}"
