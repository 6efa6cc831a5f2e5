"""Editorial rule ``rewording``: a short paraphrase with words on both sides,
unless it renames (a name rewritten in most of its words or its head noun
swapped), adds nouns, or names a new place, person or organisation; and the
paraphrases that keep their words: ``predicate-form`` (a predicate in another
form of the same kanji: 低下する → 低い) and ``same-words`` (the same content
words built into another construction). Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from revtool.compare import morph
from revtool.compare.editorial_context import (
    Context, _content, _fmt, _is_kanji, _sentence_around, _short, _strip_punct, _word_pair,
)
from revtool.compare.written_numbers import _has_number
from revtool.text_chars import NAME_LETTER

if TYPE_CHECKING:
    from revtool.compare.editorial_config import EditorialRules  # the config imports the rule table, which imports this


def _t_rewording(c: Context) -> str | None:
    """A short paraphrase with words on both sides (過信 → 過度に依存, 図る → 行う).
    Whole sentences added or removed were caught by the sentence rule before."""
    a, b = c.core
    limit = c.rules.rewording_max_chars
    if len(_strip_punct(a)) <= limit and len(_strip_punct(b)) <= limit and not _most_of_unit(c) \
            and not _adds_nouns(a, b, c.rules.morphology) and not _new_proper_noun(c):
        return f"軽微な言い換え {_fmt(a, b)}"
    return None


def _new_proper_noun(c: Context) -> bool:
    """Whether one side of the paraphrase names a place, person or organisation
    (the dictionary's 固有名詞) that the other side's sentence does not: 「国際的な
    枠組みである」→「日本が設立した」 says who did it, a fact, not a rewording."""
    if not c.rules.morphology:
        return False
    a, b = c.core
    for side, other_old in ((a, False), (b, True)):
        names = {m.normalized for m in morph.morphemes(side) if m.pos == "名詞" and m.pos2 == "固有名詞"}
        if names:
            other = {m.normalized for m in morph.morphemes(_sentence_around(c, other_old))}
            if names - other:
                return True
    return False


def _adds_nouns(a: str, b: str, morphology: bool) -> bool:
    """Whether one side is the other with words around it that hold a noun: edits
    near each other read as one hunk (予防的取組方法 → 予防的な取組方法及び順応的管理:
    取組方法 → な取組方法及び順応的管理) add a phrase, they paraphrase nothing.
    An ending added (図る → 図っていく) holds no noun and stays a rewording."""
    if not (morphology and a and b and a != b):
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    at = long_.find(short)
    if at < 0:
        return False
    extra = long_[:at] + "、" + long_[at + len(short):]
    return any(m.pos == "名詞" for m in morph.morphemes(extra))


_NUMBERING = re.compile(r"^[\s\u3000]*\S*[0-9０-９Ⅰ-Ⅻ]\S*[\s\u3000]+")


def _most_of_unit(c: Context) -> bool:
    """Whether the paraphrase renames: a text that names something (a heading's
    title, a table cell ending in a noun, not a sentence) rewritten in more than
    half its words, or whose head noun was swapped for another word, is another
    name, not a rewording (防災情報の強化 → 防災情報を通じた参加の促進, 講座等の
    参加者数 → 講座等の参加者の満足度); 研修を実施する → 研修を行う stays one."""
    a, b = (_strip_punct(x) for x in c.core)
    old_body = _NUMBERING.sub("", c.old_text).strip()
    new_body = _NUMBERING.sub("", c.new_text).strip()
    if not (c.rules.morphology and _is_name(old_body) and _is_name(new_body)):
        return False
    if 2 * max(len(a), len(b)) > max(len(_strip_punct(old_body)), len(_strip_punct(new_body))):
        return True
    return _head_changed(c) or _other_words(a, b) or _words_of_name_changed(c)


def _words_of_name_changed(c: Context) -> bool:
    """Whether the paraphrase gives a name words it did not have, or takes some
    away (見守り・支え合い活動の推進 → 日常的な見守りと支え合い活動の推進, 災害時の
    支え合い体制づくり → 災害に備えた地域の支え合い体制づくり): a name is its words,
    so what it names changed; one said with the same words in another
    construction (地域福祉の推進 → 地域福祉を推進) or with a word that adds nothing
    (the rule table's filler words) is still the same name."""
    wa, wb = (Counter({w: n for w, n in _content_words(x, c.rules).items() if not c.rules.is_filler(w)})
              for x in _word_pair(c))
    return wa != wb


_OTHER_WORDS_MIN = 4  # characters of the longer side of a term replaced by other words


def _other_words(a: str, b: str) -> bool:
    """Whether a name's words were replaced by words sharing no kanji, katakana or
    letter with them, one side a term of some length, the other a word at least
    (ワーク・ライフ・バランス → 仕事と生活の調和, 社会参加と就労の支援 → 社会参加と
    多様な働き方の支援: what the name covers changed): another name, not a
    rewording of it (推進 → 振興, two short words, stays one)."""
    def content(x: str) -> set[str]:
        return set(NAME_LETTER.findall(x))
    return max(len(a), len(b)) >= _OTHER_WORDS_MIN and min(len(content(a)), len(content(b))) >= 2 \
        and not content(a) & content(b)


def _head(text: str) -> morph.Morpheme | None:
    """The head noun of a name: its last noun outside brackets (講座等の参加者数 → 参加者数)."""
    depth = 0
    for m in reversed(morph.morphemes(text)):
        if m.pos == "補助記号" and m.pos2 == "括弧閉":
            depth += 1
        elif m.pos == "補助記号" and m.pos2 == "括弧開":
            depth = max(0, depth - 1)
        elif depth == 0 and m.pos == "名詞":
            return m
    return None


def _head_changed(c: Context) -> bool:
    """Whether the paraphrase replaced the head noun of a name by another word
    (参加者数 → 参加者の満足度: what is counted changed). A 表記ゆれ of the head
    (取組 → 取り組み) or a change before it (講座 → 研修会の参加者数) is not."""
    h = c.hunk
    heads = []
    for text, start, end in ((c.old_text, h.old_start, h.old_end), (c.new_text, h.new_start, h.new_end)):
        head = _head(text)
        if head is None or not (head.begin < end and start < head.end):
            return False  # the change does not touch the head
        heads.append(head)
    return c.rules.word_key(heads[0].surface) != c.rules.word_key(heads[1].surface)


def _is_name(text: str) -> bool:
    """A short text without a sentence end whose last word is a noun (or a noun suffix)."""
    if not text or "\n" in text or len(text) > 40 or text[-1] in "。．！？":
        return False
    words = [m for m in morph.morphemes(text) if not m.is_punct]
    return bool(words) and words[-1].pos in ("名詞", "接尾辞") and words[-1].pos2 != "非自立可能"


def _auxiliary(m: "morph.Morpheme") -> bool:
    """Particles, auxiliaries and the dependent verbs of an ending (して|いる, して|おく)."""
    return m.is_function or (m.pos == "動詞" and m.pos2 == "非自立可能")


_SURU_FORMS = ("為る", "出来る")  # the light verbs after a サ変 noun (低下する, 低下できる)


def _t_predicate_form(c: Context) -> str | None:
    """A predicate said in another form of the same kanji (低下する → 低い, 減少
    する → 減る, 増加している → 増えている): a サ変 noun with する on one side, a
    verb or adjective written with the noun's first kanji and kana on the other,
    the words before and after the same. The character diff sees only kana on
    one side (下する → い) and would read a word deleted; the words are the
    same statement. A substantive word (検討する) and a negation stay theirs."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if not (a and b) or (_content(a) == 0) == (_content(b) == 0) or _has_number(a + b):
        return None
    wa, wb = _word_pair(c)
    folded = c.rules.fold(wa + wb)
    if any((k := c.rules.fold(w)) and k in folded for w in c.rules.substantive_words):
        return None
    ma = [m for m in morph.morphemes(wa) if not m.is_punct]
    mb = [m for m in morph.morphemes(wb) if not m.is_punct]
    table = c.rules._lemma_table()
    for noun_side, other_side, shown in ((ma, mb, (wa, wb)), (mb, ma, (wa, wb))):
        found = _same_kanji_predicate(noun_side, other_side, table)
        if found is not None:
            return f"{_fmt(_short(shown[0].strip()), _short(shown[1].strip()))}（同じ漢字「{found}」の述語）"
    return None


def _same_kanji_predicate(xs: "list[morph.Morpheme]", ys: "list[morph.Morpheme]",
                          table: Mapping[str, str]) -> str | None:
    """The shared kanji when ``xs`` holds a サ変 noun + する where ``ys`` holds one
    verb or adjective starting with the noun's first kanji, all other kanji of
    it in the noun, and every other word is the same word (particles and
    auxiliaries after the predicate may differ: している → い)."""
    def same(x: "morph.Morpheme", y: "morph.Morpheme") -> bool:
        return table.get(x.normalized, x.normalized) == table.get(y.normalized, y.normalized)

    for i in range(len(xs) - 1):
        noun, verb = xs[i], xs[i + 1]
        if not (noun.pos == "名詞" and noun.pos3 == "サ変可能" and len(noun.surface) >= 2 and _is_kanji(noun.surface)
                and verb.pos == "動詞" and verb.normalized in _SURU_FORMS):
            continue
        for k, p in enumerate(ys):
            kanji = [ch for ch in p.surface if _is_kanji(ch)]
            if p.pos not in ("動詞", "形容詞") or not kanji or p.surface[0] != noun.surface[0] \
                    or not set(kanji) <= set(noun.surface):
                continue
            if k != i or len(xs[:i]) != len(ys[:k]) or not all(same(x, y) for x, y in zip(xs[:i], ys[:k])):
                continue
            tail_x = [m for m in xs[i + 2:] if not _auxiliary(m)]
            tail_y = [m for m in ys[k + 1:] if not _auxiliary(m)]
            if len(tail_x) == len(tail_y) and all(same(x, y) for x, y in zip(tail_x, tail_y)):
                return noun.surface[0]
    return None


SAME_WORDS_MAX = 60  # characters on each side of a rewording read as the same words in another order
_FORMAL_WORDS = frozenset({"為る", "行う", "有る", "居る", "成る", "出来る", "こと", "事", "もの", "物", "ため", "為", "よう"})
"""The light verbs and formal nouns of Japanese syntax (実現すること = 実現, 連携することにより = 連携により)."""


def _t_same_words(c: Context) -> str | None:
    """The same content words in another order or construction (環境と経済の好循環を
    実現すること → 経済と環境の好循環の実現): the words of both sides, by the
    dictionary's normalized forms with the rule table's variants folded, are the
    same multiset once particles, auxiliaries, punctuation, the light verbs
    (する, 行う, ある) and the formal nouns (こと, もの, ため) are set aside. Nothing
    is added, removed or swapped; the sentence is built another way. Checked
    after every rule that reads a word (number, negation, meaning, phrase), so a
    word added or removed never reaches it."""
    if not c.rules.morphology:
        return None
    a, b = _word_pair(c)
    if max(len(a), len(b)) > SAME_WORDS_MAX or _has_number(a + b):
        return None
    table = c.rules._lemma_table()

    def words(text: str) -> Counter[str]:
        return Counter(table.get(m.normalized, m.normalized) for m in morph.morphemes(text)
                       if not (m.is_punct or m.is_function or m.normalized in _FORMAL_WORDS
                               or (m.pos == "動詞" and m.pos2 == "非自立可能")))

    wa, wb = words(a), words(b)
    if sum(wa.values()) >= 2 and wa == wb:
        return f"{_fmt(_short(a.strip()), _short(b.strip()))}（同じ語の組み立て直し）"
    return None


def _content_words(text: str, rules: EditorialRules) -> Counter[str]:
    """The words of ``text`` that say something, by normalized form with the rule
    table's variants folded: no particle, auxiliary, punctuation, light verb
    (する, ある), formal noun (こと, ため) or demonstrative (これ, その)."""
    table = rules._lemma_table()
    return Counter(table.get(m.normalized, m.normalized) for m in morph.morphemes(text)
                   if not (m.is_punct or m.is_function or m.normalized in _FORMAL_WORDS
                           or (m.pos == "動詞" and m.pos2 == "非自立可能")
                           or (m.pos in ("代名詞", "連体詞") and m.surface[:1] in "こそ")))
