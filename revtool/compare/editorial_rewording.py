"""Editorial rule ``rewording``: a short paraphrase with words on both sides,
unless it renames (a name rewritten in most of its words or its head noun
swapped), adds nouns, or names a new place, person or organisation. Pure."""

from __future__ import annotations

import re

from revtool.compare import morph
from revtool.compare.editorial_context import Context, _fmt, _sentence_around, _strip_punct


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
    return _head_changed(c) or _other_words(a, b)


_CONTENT_CHAR = re.compile(r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\uff21-\uff3a\uff41-\uff5aA-Za-z]")
_OTHER_WORDS_MIN = 4  # characters on each side of a term replaced by other words


def _other_words(a: str, b: str) -> bool:
    """Whether a name's words were replaced by words sharing no kanji, katakana or
    letter with them, each side a term of some length (ワーク・ライフ・バランス →
    仕事と生活の調和): another name, not a rewording of it (推進 → 促進 is short)."""
    def content(x: str) -> set[str]:
        return set(_CONTENT_CHAR.findall(x))
    return len(a) >= _OTHER_WORDS_MIN and len(b) >= _OTHER_WORDS_MIN and bool(content(a)) and bool(content(b)) \
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
