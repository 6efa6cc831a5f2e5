"""The key words a rewritten passage gained or lost, as a reader looks for
them: 「」 names and numbers whole, noun compounds whole (SudachiPy). Pure.

Used when an edit is too long to quote (「地域コミュニティの変容」の記述を更新
says nothing): the summary names what came in and what went.
"""

from __future__ import annotations

import re

from revtool.changes.facts import key
from revtool.compare import morph
from revtool.text_chars import HIRAGANA

KEY_WORDS = 3  # at most this many words are quoted
WORD_MIN = 2  # a shorter noun (国, 等) is no key word
WORD_MAX = 30  # a longer compound is a phrase, not a word

_NOMINAL = ("名詞", "接頭辞", "接尾辞")
_PLAIN_NUMBER = re.compile(r"[0-9０-９.．,，]+")
_KANA_ONLY = re.compile(f"[{HIRAGANA}]+")  # a formal noun (こと, もの, ため) says nothing


def _words(text: str) -> list[tuple[int, str]]:
    """(position, word) of the text's names, numbers and noun compounds (nouns
    joined by ・ are one compound)."""
    taken = morph.protected_spans(text)
    out = [(a, text[a:b]) for a, b in taken]
    run_start, run_end, has_noun = -1, -1, False

    def close() -> None:
        if run_start >= 0 and has_noun:
            out.append((run_start, text[run_start:run_end]))

    ms = morph.morphemes(text)
    for i, m in enumerate(ms):
        inside = any(a <= m.begin < b or a < m.end <= b for a, b in taken)
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if m.surface == "・" and run_start >= 0 and m.begin == run_end and has_noun and nxt is not None \
                and nxt.begin == m.end and nxt.pos == "名詞" and not nxt.is_punct:
            run_end = m.end  # two nouns joined by ・ are one term (指導・勧告, 子ども・子育て支援法)
            continue
        if m.pos in _NOMINAL and not m.is_punct and not inside and (m.begin == run_end or run_start < 0):
            if run_start < 0:
                run_start, has_noun = m.begin, False
            run_end = m.end
            has_noun = has_noun or (m.pos == "名詞" and m.pos2 != "数詞")
            continue
        close()
        run_start, run_end, has_noun = -1, -1, False
        if m.pos in _NOMINAL and not m.is_punct and not inside:
            run_start, run_end, has_noun = m.begin, m.end, m.pos == "名詞" and m.pos2 != "数詞"
    close()
    words = [(at, w.strip(" \u3000")) for at, w in sorted(out)]
    return [(at, w) for at, w in words if WORD_MIN <= len(w) <= WORD_MAX and not _PLAIN_NUMBER.fullmatch(w)
            and not _KANA_ONLY.fullmatch(w)]


def _only_in(text: str, other: str) -> list[tuple[int, str]]:
    """The words of ``text`` that ``other`` does not hold, each once, none inside another."""
    theirs = key(other)
    mine = [(at, w) for at, w in _words(text) if key(w.strip("「」『』")) not in theirs]
    unique: dict[str, tuple[int, str]] = {}
    for at, w in mine:
        unique.setdefault(key(w), (at, w))
    kept = [(at, w) for at, w in unique.values()
            if not any(key(w) != k and key(w) in k for k in unique)]
    return sorted(kept)


def _pick(words: list[tuple[int, str]]) -> list[str]:
    """The most telling words (names first, then the longest), in text order."""
    best = sorted(words, key=lambda x: (not x[1].startswith(("「", "『")), -len(x[1]), x[0]))[:KEY_WORDS]
    return [w.strip("「」『』") for _, w in sorted(best)]


def key_words(old: str, new: str) -> tuple[list[str], list[str]]:
    """(words the new text brings, words the old text loses), the most telling
    few of each, in text order."""
    return _pick(_only_in(new, old)), _pick(_only_in(old, new))
