"""Editorial rules ``typo`` (誤字・脱字), ``homophone`` (an IME slip: same
reading, the right spelling by the dictionary or the document) and
``spelling`` (Latin spelling). Each test returns evidence (Japanese, short)
when it matches, or None. Pure."""

from __future__ import annotations

import re
import unicodedata

from revtool.compare import morph
from revtool.compare.chardiff import changed_chars, minimal_diff
from revtool.compare.editorial_context import Context, _content, _fmt, _hunk_fmt, _is_kanji, _replacements, _short, _strip_punct
from revtool.compare.editorial_org import _unit_swapped
from revtool.compare.rare_kanji import rare_kanji_fix
from revtool.compare.written_numbers import _COUNTERS, _has_number
from revtool.model import EditOp
from revtool.text_chars import KANJI, KATAKANA, LATIN


def _t_typo(c: Context) -> str | None:
    a, b = c.core
    n = changed_chars(_strip_punct(a), _strip_punct(b))  # 。、 moved along do not count
    if n > c.rules.typo_max_chars or _unit_swapped(a, b):
        return None
    if any(unicodedata.category(ch).startswith("S") for ch in a + b):
        return None  # ◎ → ○, → and ※ carry meaning
    if _touches_number(c):
        # next to a number or a date (年度中 → 年度末, 3件 → 3回) only the changed
        # word decides: a non-word fixed into a dictionary word that is no
        # number, counter or date word is a typo (48%削滅 → 48%削減)
        fixed = _dictionary_fix(c)
        if fixed is None or any(_DATE_OR_NUMBER.search(unicodedata.normalize("NFKC", w)) for w in fixed):
            return None
        return f"誤字の修正（「{fixed[0]}」は辞書にない語、「{fixed[1]}」は辞書の語）"
    if _doubled(c):
        return f"重複した文字の削除 {_hunk_fmt(c)}"
    if _document_spelling(c):
        return f"誤字の修正（文書の他の箇所と同じ表記） {_hunk_fmt(c)}"
    fixed = _dictionary_fix(c) or _stray_char_fix(c)
    if fixed is not None:
        return f"誤字の修正（「{fixed[0]}」は辞書にない語、「{fixed[1]}」は辞書の語）"
    if c.vocabulary is not None and c.rules.morphology:
        rare = rare_kanji_fix(c.old_text, c.new_text, c.core_at, c.core, c.vocabulary)
        if rare is not None:
            return rare
    # a kanji added, removed or swapped for another changes the word: not a typo
    for op_a, op_b in _replacements(a, b):
        if _is_kanji(op_a) and _is_kanji(op_b):
            return None
    for op, text in minimal_diff(a, b):
        if op is not EditOp.EQUAL and _is_kanji(_strip_punct(text)) and not any(text in x for x in _replacements(a, b)):
            # a kanji word added or removed with its separator (「手話・」) is a word, not a 脱字
            return None
    return f"誤字・脱字の修正 {_hunk_fmt(c)}"


def _typo_fix(c: Context) -> bool:
    """Whether the hunk fixes a non-word into a dictionary word that is no number, counter or date word."""
    fixed = _dictionary_fix(c)
    return fixed is not None and not any(_DATE_OR_NUMBER.search(unicodedata.normalize("NFKC", w)) for w in fixed)


_DATE_OR_NUMBER = re.compile(r"[0-9〇一二三四五六七八九十]|年度|[年月日]|[" + _COUNTERS + "]")

HOMOPHONE_MAX_CHARS = 4  # an IME converts a word at a time: longer swaps are rewrites


def _t_homophone(c: Context) -> str | None:
    """An IME slip fixed (同音の誤変換): kanji swapped for kanji read the same
    (補償 → 保障, both ホショウ), and the new spelling is the right one by the
    dictionary or by the document itself:

    * with its neighbours the new spelling is one dictionary word, the old
      spelling of the same span is not (社会補償 → 社会保障: 社会保障 is a word);
    * or the old version already wrote the new spelling elsewhere and the new
      version no longer writes the old one anywhere (権利の補償 → 権利の保障).

    Both sides must read alike in the dictionary (SudachiPy reading forms), so
    a word replaced by another word (補償 → 支援) is never a slip."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if not (a and b) or len(a) > HOMOPHONE_MAX_CHARS or len(b) > HOMOPHONE_MAX_CHARS \
            or not (_is_kanji(a) and _is_kanji(b)):
        return None
    h = c.hunk
    new_at = c.core_at[1]
    old_at = c.core_at[0]
    words = [w for w in morph.words_at(c.new_text, new_at, new_at + len(b)) if w.begin < new_at + len(b) and w.end > new_at]
    if len(words) == 1 and not words[0].oov and words[0].begin <= new_at and words[0].end >= new_at + len(b) \
            and len(words[0].surface) > len(b):
        w = words[0]
        os_, oe = old_at - (new_at - w.begin), old_at + len(a) + (w.end - new_at - len(b))
        old_word = c.old_text[max(0, os_):oe]
        if os_ >= 0 and not morph.is_dictionary_word(old_word) and morph.reading(old_word) == morph.reading(w.surface):
            return f"同音の誤変換の修正（「{old_word}」は辞書の一語でなく、同じ読みの「{w.surface}」は辞書の語）"
    if c.vocabulary is not None and morph.reading(a) == morph.reading(b):
        old_doc, new_doc = c.vocabulary
        if b in old_doc and a not in new_doc:
            return f"同音の誤変換の修正（「{b}」は文書が他の箇所で使う表記、「{a}」は案にない） {_fmt(a, b)}"
    return None


def _touches_number(c: Context) -> bool:
    h = c.hunk
    a, b = c.core
    for text, start, core in ((c.old_text, c.core_at[0], a), (c.new_text, c.core_at[1], b)):
        around = unicodedata.normalize("NFKC", text[max(0, start - 3):start + len(core) + 1])
        if re.search(r"[0-9〇一二三四五六七八九十]|年度|[年月日]", around):
            return True
    return False


def _doubled(c: Context) -> bool:
    """A character typed twice was removed (成成 → 成)."""
    a, b = c.core
    if b or not 1 <= len(a) <= 2:
        return False
    pos = c.core_at[0]
    text = c.old_text
    return text[pos - len(a):pos] == a or text[pos + len(a):pos + 2 * len(a)] == a


def _dictionary_fix(c: Context) -> tuple[str, str] | None:
    """(old word, new word) when the hunk turned a non-word into one dictionary
    word of the same length ±1 (施索 → 施策): the new text's word around the
    change is one known word, the old text's same span is not."""
    if not c.rules.morphology:
        return None
    h = c.hunk
    a, b = c.core
    if not b or len(a) > 2 or len(b) > 2:
        return None
    new_core = c.core_at[1]
    words = morph.words_at(c.new_text, new_core, new_core + len(b))
    if len(words) != 1:
        return None
    w = words[0]
    if w.oov or len(w.surface) < 2 or w.pos not in ("名詞", "動詞", "形容詞", "形状詞", "副詞"):
        return None
    left, right = new_core - w.begin, w.end - (new_core + len(b))
    old_core = c.core_at[0]
    os_, oe = old_core - left, old_core + len(a) + right
    if os_ < 0 or oe > len(c.old_text):
        return None
    old_word = c.old_text[os_:oe]
    if not old_word or morph.is_common_word(old_word):
        return None
    inside = [m for m in morph.words_at(c.old_text, os_, oe) if m.begin < oe and m.end > os_]
    if len(inside) == 1 and not inside[0].oov and (inside[0].begin, inside[0].end) == (os_, oe) \
            and not (inside[0].pos2 == "固有名詞" and inside[0].pos3 == "人名"):
        return None  # a word in context (the old spelling is a word too)
    return old_word, w.surface


def _stray_char_fix(c: Context) -> tuple[str, str] | None:
    """(old word, new word) when one character typed into or left out of a word
    was fixed (停留場所 → 停留所, ガバメンクラウド → ガバメントクラウド): the
    new text's word around the change is one dictionary word with the change
    inside it (not at its edge: 利便 → 利便性 adds a suffix), the old spelling
    of the same span is not one dictionary word, and the document agrees — the
    old version already writes the new word elsewhere and the new version no
    longer writes the old spelling anywhere."""
    if not c.rules.morphology or c.vocabulary is None:
        return None
    a, b = c.core
    if bool(a) == bool(b) or len(a + b) != 1:
        return None
    old_doc, new_doc = c.vocabulary
    old_at, new_at = c.core_at
    words = [m for m in morph.words_at(c.new_text, max(0, new_at - 1), new_at + len(b) + 1)
             if m.begin < new_at + max(len(b), 1) and m.end > new_at - (0 if b else 1)]
    if len(words) != 1:
        return None
    w = words[0]
    if w.oov or len(w.surface) < 2 or w.pos != "名詞" or not (w.begin < new_at and new_at + len(b) < w.end):
        return None
    os_, oe = old_at - (new_at - w.begin), old_at + len(a) + (w.end - new_at - len(b))
    if os_ < 0 or oe > len(c.old_text):
        return None
    old_word = c.old_text[os_:oe]
    if morph.is_dictionary_word(old_word) or old_word in new_doc or w.surface not in old_doc:
        return None
    return old_word, w.surface


_WORD_CHAR = re.compile(f"[{KANJI}{KATAKANA}]")  # kanji and katakana: a neighbour that belongs to the changed word


def _windows(text: str, start: int, length: int) -> list[str]:
    """The changed characters with one neighbouring kanji/katakana on either side."""
    out = []
    if start > 0 and _WORD_CHAR.match(text[start - 1]):
        out.append(text[start - 1:start + length])
    if start + length < len(text) and _WORD_CHAR.match(text[start + length]):
        out.append(text[start:start + length + 1])
    return out


def _document_spelling(c: Context) -> bool:
    """A kanji swapped for the spelling the document uses elsewhere, while the
    old spelling appears nowhere in the new version (世隊 → 世帯)."""
    if c.vocabulary is None:
        return False
    old_doc, new_doc = c.vocabulary
    h = c.hunk
    a, b = c.core
    if not (a and b and len(a) <= 2 and len(b) <= 2):
        return False
    old_w = _windows(c.old_text, c.core_at[0], len(a))
    new_w = _windows(c.new_text, c.core_at[1], len(b))
    return any(ow not in new_doc and nw in old_doc for ow, nw in zip(old_w, new_w))


def _t_spelling(c: Context) -> str | None:
    a, b = c.hunk.old.strip(), c.hunk.new.strip()
    if not (re.fullmatch(r"[A-Za-z\-]+", a) and re.fullmatch(r"[A-Za-z\-]+", b)):
        return None
    longer = max(len(a), len(b))
    if changed_chars(a, b) <= min(3, longer // 2) and (a.startswith(b) or b.startswith(a)
                                                        or changed_chars(a, b) <= 2):
        return f"英字表記の修正 {_fmt(a, b)}"
    return None


BROKEN_MAX = 8
"""Most content characters dropped (or restored) inside a word: more is a phrase, damaged or not."""
_SPELLED = re.compile(f"[{KATAKANA}{LATIN}]")  # katakana and Latin: a word of them is one unit of sound
_BROKEN_REACH = 24  # characters of context analysed on each side of the span


def _t_broken_word(c: Context) -> str | None:
    """Characters dropped by mistake up to the middle of a word (例として、バリュー
    チェーン → 例リューチェーン), or the reverse, a broken word made whole: the
    short span one side lacks starts or ends strictly inside one of the
    dictionary's shortest units (SplitMode.A: サプライ|チェーン) of a katakana or
    Latin word on the side that has it, wherever the span is slid along the
    characters it repeats (バイオ燃料とバイオガス → バイオガス deletes a whole
    word, whichever バイオ the character diff took). The text is damaged or
    repaired; nothing is said or withdrawn. A kanji compound is left alone:
    its pieces are words of their own (地方公共団体 → 公共団体 narrows)."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if bool(a) == bool(b):
        return None
    span = a or b
    if _content(span) > BROKEN_MAX or _has_number(span) or "。" in span:
        return None
    (os_, oe), (ns, ne) = c.core_spans
    full, start, end = (c.old_text, os_, oe) if a else (c.new_text, ns, ne)
    lo, hi = max(0, start - _BROKEN_REACH), min(len(full), end + _BROKEN_REACH)
    window = full[lo:hi]
    bounds = {lo + k for k in morph.unit_bounds(window)}
    n = end - start

    def cuts(at: int) -> bool:
        """``at`` lies inside a unit of spelled-out sound (a katakana or Latin word)."""
        return at not in bounds and lo < at < hi and bool(_SPELLED.match(full[at - 1])) \
            and bool(_SPELLED.match(full[at]))

    placements = [start]
    k = start
    while k > 0 and full[k - 1] == full[k - 1 + n]:
        k -= 1
        placements.append(k)
    k = start
    while k + n < len(full) and full[k] == full[k + n]:
        k += 1
        placements.append(k)
    if not all(cuts(p) or cuts(p + n) for p in placements):
        return None  # some reading of the edit takes or gives whole words
    at = start if cuts(start) else end
    w_lo, w_hi = at, at
    while w_lo > 0 and _SPELLED.match(full[w_lo - 1]):
        w_lo -= 1
    while w_hi < len(full) and _SPELLED.match(full[w_hi]):
        w_hi += 1
    word = full[w_lo:w_hi]
    piece = full[at:w_hi] if at == end else full[w_lo:at]
    if a:
        return f"語の途中までの脱落「{_short(span)}」（「{word}」の一部「{piece}」が残る）"
    return f"欠けた語の補正「{_short(span)}」（「{piece}」が「{word}」に）"
