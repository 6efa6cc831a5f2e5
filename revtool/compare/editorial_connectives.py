"""Editorial rule ``connective``: a connective phrase added or removed (一方で,
中でも, ことに加え, 「例えば、」 at the head of a sentence), also with the
clause end inflected anew for it. Returns evidence (Japanese, short) when it
matches, or None. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from revtool.compare import morph
from revtool.compare.editorial_context import _content, Context, _fmt, _short, _strip_punct, _word_pair
from revtool.compare.editorial_meaning import _NEGATION
from revtool.compare.written_numbers import _has_number


def _t_connective(c: Context) -> str | None:
    """A connective phrase added or removed (一方で, 中でも, その結果, なお,
    ことに加え, などの理由により): words that only link a clause to the text
    around it, with no content noun or predicate that changes what is said or
    committed to. Every content word of the phrase (whole words, one side
    empty) is a 接続詞 (the dictionary's part of speech), a demonstrative
    pointing back (その, これ, こうした — not あらゆる, 大きな), or a noun/verb of the rule table's connective words (one
    the dictionary cuts as 一方|で, 中|で|も, こと|に|加え); a verb only as a
    compound particle (right after に: に加え, により); a 副詞 of the connective
    words only as a sentence adverb (at the head of a sentence or clause,
    before 、: 「例えば、」「とりわけ、」 say how the sentence stands to the one
    before, not what it commits to).

    Not connectives: 接続詞 that bind a condition or another item (ただし,
    及び, 又は …: the rule table's binding connectives; 「ただし、」 is the
    ``proviso`` rule), other 副詞 (必ず, 概ね, 常に, 直ちに change a
    commitment), an adverb inside a clause (例えば太陽光を…), numbers, and
    the substantive words."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    kana_only = bool(_strip_punct(a)) != bool(_strip_punct(b))  # まず、 / とりわけ、 hold no kanji
    if (bool(_content(a)) == bool(_content(b)) and not kana_only) or _has_number(a + b):
        return None
    h = c.hunk
    core = b if (_content(b) or (kana_only and _strip_punct(b))) else a
    text, start = (c.new_text, c.core_at[1]) if core is b else (c.old_text, c.core_at[0])
    end = start + len(core)
    words = [m for m in morph.words_at(text, start, end) if m.begin < end and m.end > start]
    if not words or words[0].begin < start or words[-1].end > end:
        return _reinflected_connective(c)  # the change cuts a word
    folded = c.rules.fold(core)
    if any((k := c.rules.fold(w)) and k in folded for w in c.rules.binding_connectives + c.rules.substantive_words):
        return None
    if not _only_connective_words(c, text, words):
        return _reinflected_connective(c)  # 減少し、 → 減少する中で: the hunk starts at the re-inflected verb
    return f"接続表現「{_short(core.strip())}」（{'追加' if core is b else '削除'}）"


def _only_connective_words(c: Context, text: str, words: "Sequence[morph.Morpheme]") -> bool:
    """Whether ``words`` (whole words of ``text``) hold content words and every one
    of them is a connective word (see ``_t_connective``)."""
    content = [(i, m) for i, m in enumerate(words) if not (m.is_function or m.is_punct)]
    if not content:
        return False
    for i, m in content:
        if m.pos == "接続詞" or (m.pos in ("連体詞", "代名詞") and m.surface[:1] in "こそ"):
            continue  # a demonstrative points back (その, これ, こうした); あらゆる, 大きな do not
        if m.pos == "副詞" and c.rules.is_connective_word(m.normalized) and _sentence_adverb(text, m, list(words), i):
            continue
        if m.pos == "名詞" and c.rules.is_connective_word(m.normalized):
            continue
        if (m.pos == "動詞" and c.rules.is_connective_word(m.normalized) and i > 0
                and words[i - 1].surface == "に" and words[i - 1].pos == "助詞"):
            continue
        if m.pos == "動詞" and c.rules.is_connective_word(m.normalized) and _sentence_verb(text, m, list(words), i):
            continue
        return False
    return True


def _sentence_verb(text: str, m: "morph.Morpheme", words: "list[morph.Morpheme]", i: int) -> bool:
    """Whether the verb ``words[i]`` heads a sentence in its て-form (「加えて、」「併せて、」 where
    a long sentence was cut in two): it says how the sentence stands to the one before, as a
    接続詞 does. With an object before it (施策を加えて) it heads no sentence and adds."""
    if i + 1 >= len(words) or words[i + 1].surface != "て":
        return False
    before = text[:m.begin].rstrip(" \u3000")
    return not before or before[-1] in "。．\n"


_INFLECTING = ("動詞", "形容詞", "助動詞")


def _reinflected_connective(c: Context) -> str | None:
    """A clause end inflected anew to take a connective phrase, or give one up
    (所得が低いほど穀物摂取量が多く、野菜… → 多い一方で野菜…): the words around the
    change are the same dictionary words, one of them (a verb or adjective) in
    another conjugation, and what one side adds is a connective phrase
    (``_t_connective``) while the other adds only particles and punctuation.
    How two clauses are joined changes, not what either says."""
    a, b = _word_pair(c)
    ma = [m for m in morph.morphemes(a)]
    mb = [m for m in morph.morphemes(b)]
    table = c.rules._lemma_table()

    def same(x: "morph.Morpheme", y: "morph.Morpheme") -> bool:
        return table.get(x.normalized, x.normalized) == table.get(y.normalized, y.normalized) and x.pos == y.pos

    p = 0
    while p < min(len(ma), len(mb)) and same(ma[p], mb[p]):
        p += 1
    q = 0
    while q < min(len(ma), len(mb)) - p and same(ma[-1 - q], mb[-1 - q]):
        q += 1
    kept = list(zip(ma[:p], mb[:p])) + list(zip(ma[len(ma) - q:], mb[len(mb) - q:]))
    if not any(x.surface != y.surface and x.pos in _INFLECTING for x, y in kept):
        return None  # no word of the clause end re-inflected
    rest_a, rest_b = ma[p:len(ma) - q], mb[p:len(mb) - q]
    if _NEGATION.search("".join(m.surface for m in rest_a + rest_b)) or _has_number(a + b):
        return None
    for plain, phrase, side in ((rest_a, rest_b, "追加"), (rest_b, rest_a, "削除")):
        if all(m.is_function or m.is_punct for m in plain) and phrase:
            text = b if phrase is rest_b else a
            words = phrase
            folded = c.rules.fold("".join(m.surface for m in words))
            if any((k := c.rules.fold(w)) and k in folded
                   for w in c.rules.binding_connectives + c.rules.substantive_words):
                return None
            if _only_connective_words(c, text, words):
                shown = "".join(m.surface for m in phrase).strip("、，。")
                return f"接続表現「{_short(shown)}」（{side}、{_fmt(_short(a.strip()), _short(b.strip()))}）"
    return None


_CLAUSE_HEAD = "。．\n、，「（("
"""A sentence adverb stands after one of these (or at the start of the text)."""


def _sentence_adverb(text: str, m: "morph.Morpheme", words: "list[morph.Morpheme]", i: int) -> bool:
    """Whether the adverb ``words[i]`` (``m``) heads a sentence or a clause and is
    set off by 、 (「例えば、」「特に、」): it then qualifies how the sentence
    stands to the text before it, not what the sentence commits to. An adverb
    inside a clause (特に重要な) modifies the words after it and is not one."""
    before = text[:m.begin].rstrip(" \u3000")
    if before and before[-1] not in _CLAUSE_HEAD and not (
            i > 0 and all(w.is_punct or w.pos == "接続詞" for w in words[:i])):
        return False
    after = text[m.end:m.end + 1]
    return after in ("、", "，", ",")
