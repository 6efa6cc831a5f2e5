"""Where two texts differ, in the units a reader quotes: the changed spans
widened to whole words, balanced brackets and, for a short replacement, its
predicate; the share of a text that changed; an edit's core without its
joiners. Pure."""

from __future__ import annotations

import re
from functools import lru_cache

from revtool.compare import chardiff, morph
from revtool.model import Change, EditOp


def _char_class(ch: str) -> str:
    if not ch:
        return ""
    o = ord(ch)
    if ch.isdigit() or ch in ".．,，%％":
        return "num"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if (0x30A0 <= o <= 0x30FF and ch != "・") or ch == "ー":
        return "kata"
    if 0x4E00 <= o <= 0x9FFF or ch in "々〆":
        return "kanji"
    if 0x3040 <= o <= 0x309F:
        return "hira"
    if "Ａ" <= ch <= "ｚ" or "０" <= ch <= "９":
        return "latin"
    return "punct"


_WORDY = {"num", "latin", "kata", "kanji"}


def _joins(a: str, b: str) -> bool:
    """Whether characters of classes ``a`` and ``b`` belong to one word."""
    return a in _WORDY and (a == b or {a, b} == {"num", "latin"})


_ERAS = ("令和", "平成", "昭和")
_COUNTERS = set("第版年月日件人回章節条項号円倍点%％")


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words: a run of one script (digits with
    latin letters), and a number with its counter (第4.0版). A change of script
    (katakana → kanji, kanji → hiragana) is a word boundary."""
    if start == end:
        return start, end
    while start > 0 and _joins(_char_class(text[start - 1]), _char_class(text[start])):
        start -= 1
    while end < len(text) and _joins(_char_class(text[end]), _char_class(text[end - 1])):
        end += 1
    if start > 0 and text[start - 1] in _COUNTERS and _char_class(text[start]) == "num":
        start -= 1
    if end < len(text) and text[end] in _COUNTERS and _char_class(text[end - 1]) == "num":
        end += 1
    if start >= 2 and text[start - 2 : start] in _ERAS and _char_class(text[start]) == "num":
        start -= 2
    return start, end


def _boundary(text: str, i: int) -> int:
    """How natural a cut before ``text[i]`` is: 3 at the text edges, 2 next to
    punctuation, 1 at a change of script, 0 inside a word."""
    if i <= 0 or i >= len(text):
        return 3
    a, b = _char_class(text[i - 1]), _char_class(text[i])
    if a == "punct" or b == "punct":
        return 2
    return 0 if _joins(a, b) else 1


def _slide(text: str, s: int, e: int) -> tuple[int, int]:
    """Shift a pure insertion/deletion [s, e) of ``text`` to the equivalent
    position with the most natural edges (ties: the rightmost)."""
    while s > 0 and text[s - 1] == text[e - 1]:
        s, e = s - 1, e - 1
    best, best_score = (s, e), -1
    while True:
        score = _boundary(text, s) + _boundary(text, e)
        if score >= best_score:
            best, best_score = (s, e), score
        if e < len(text) and text[s] == text[e]:
            s, e = s + 1, e + 1
        else:
            break
    return best


_SENTENCE_END = "。\n"


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``text[start]`` begins: after the 。 or line end before it."""
    s = start
    while s > 0 and text[s - 1] not in _SENTENCE_END:
        s -= 1
    return s


def _sentence_end(text: str, end: int) -> int:
    """Where the sentence that goes on at ``end`` ends: after its 。, or at its line end."""
    e = end
    while e < len(text) and text[e] not in _SENTENCE_END:
        e += 1
    if e < len(text) and text[e] == "。":
        e += 1
    return e


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (a span that ends with 。 runs on to the
    end of the next sentence; ``_sentence_bounds`` stops there)."""
    return text[_sentence_start(text, start):_sentence_end(text, end)].strip()


REFINE_MAX = 400  # a changed region up to this long is refined character by character


@lru_cache(maxsize=4096)
def _char_ops(old: str, new: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """Changed regions (tag, i1, i2, j1, j2): the project's diff engine
    (compare/chardiff: clauses, then units), each small region refined to
    characters so that a word is not replaced whole for one character."""
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in chardiff.opcodes(old, new):
        if tag == "equal" or max(i2 - i1, j2 - j1) > REFINE_MAX or i1 == i2 or j1 == j2:
            out.append((tag, i1, i2, j1, j2))
            continue
        i, j = i1, j1
        for op, t in chardiff.minimal_diff(old[i1:i2], new[j1:j2]):
            if op is EditOp.EQUAL:
                out.append(("equal", i, i + len(t), j, j + len(t)))
                i, j = i + len(t), j + len(t)
            elif op is EditOp.DELETE:
                out.append(("delete", i, i + len(t), j, j))
                i += len(t)
            else:
                out.append(("insert", i, i, j, j + len(t)))
                j += len(t)
    return tuple(out)


def changed_share(old: str, new: str) -> float:
    """Share of the longer text that the character diff changes (0..1)."""
    ops = [o for o in _char_ops(old, new) if o[0] != "equal"]
    longest = max(len(old), len(new))
    if not longest:
        return 0.0
    return max(sum(o[2] - o[1] for o in ops), sum(o[4] - o[3] for o in ops)) / longest


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words and compounds (morphemes, 及び and
    okurigana kept with their word), with numbers, dates, law numbers and
    short 「」 names kept whole."""
    if start == end:
        return start, end
    s, e = morph.compound_span(text, start, end)
    return morph.keep_whole(text, s, e)


def _same_context(old: str, new: str, i: int, j: int, left: int, right_i: int, right_j: int, right: int) -> tuple[int, int]:
    """Shrink a widening until the added context is the same text on both sides."""
    while left > 0 and old[i - left:i] != new[j - left:j]:
        left -= 1
    while right > 0 and old[right_i:right_i + right] != new[right_j:right_j + right]:
        right -= 1
    return left, right


_NAME_EDGE = re.compile(r"[「」『』]")  # a short equal run holding a name's bracket separates two edits


@lru_cache(maxsize=4096)
def _text_spans(old: str, new: str, island: int) -> tuple[tuple[int, int, int, int], ...]:
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in _char_ops(old, new):
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= island and j1 - spans[-1][3] <= island \
                and not _NAME_EDGE.search(old, spans[-1][1], i1):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in spans:
        if i1 < i2 and j1 < j2:
            a1, a2 = _widen(old, i1, i2)
            b1, b2 = _widen(new, j1, j2)
            left = min(max(i1 - a1, j1 - b1), i1, j1)
            right = min(max(a2 - i2, b2 - j2), len(old) - i2, len(new) - j2)
            left, right = _same_context(old, new, i1, j1, left, i2, j2, right)
            a1, b1, a2, b2 = i1 - left, j1 - left, i2 + right, j2 + right
        elif i1 < i2:
            # a deletion slid to natural edges; when they cut a word, the word is
            # quoted whole on both sides (介護予防・日常生活支援総合事業 → 総合事業)
            s_, e_ = _slide(old, i1, i2)
            a1, a2 = _widen(old, s_, e_)
            j = j1 + (s_ - i1)
            b1, b2 = j - (s_ - a1), j + (a2 - e_)
        else:
            s_, e_ = _slide(new, j1, j2)
            b1, b2 = _widen(new, s_, e_)
            i = i1 + (s_ - j1)
            a1, a2 = i - (s_ - b1), i + (b2 - e_)
        if out and a1 <= out[-1][1] and b1 <= out[-1][3]:
            p = out.pop()
            a1, b1 = min(p[0], a1), min(p[2], b1)
            a2, b2 = max(p[1], a2), max(p[3], b2)
        out.append(balanced_span(old, new, a1, a2, b1, b2))
    return tuple(out)


_OPEN_CLOSE = (("「", "」"), ("『", "』"), ("（", "）"))


def _balance(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) widened until every bracket it holds is closed inside it."""
    for _ in range(4):
        changed = False
        for o, c in _OPEN_CLOSE:
            span = text[s:e]
            if span.count(o) > span.count(c):
                end = text.find(c, e)
                if 0 <= end and end - e <= 60:
                    e, changed = end + 1, True
            elif span.count(c) > span.count(o):
                start = text.rfind(o, 0, s)
                if 0 <= start and s - start <= 60:
                    s, changed = start, True
        if not changed:
            break
    return s, e


def balanced_span(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int, int, int]:
    """A changed span whose quotes never cut a 「」 name or a （） note in half
    (「第六次環境基本計画 → the whole 「第六次環境基本計画」)."""
    if a1 < a2 and b1 < b2:
        return (*_balance(old, a1, a2), *_balance(new, b1, b2))
    text, s, e = (old, a1, a2) if a1 < a2 else (new, b1, b2)
    s2, e2 = _balance(text, s, e)
    left, right = s - s2, e2 - e
    if (left or right) and a1 - left >= 0 and b1 - left >= 0 and old[a1 - left:a1] == new[b1 - left:b1] \
            and old[a2:a2 + right] == new[b2:b2 + right]:
        return a1 - left, a2 + right, b1 - left, b2 + right
    return a1, a2, b1, b2


def text_spans(old: str, new: str, change: Change | None = None, island: int = 3) -> list[tuple[int, int, int, int]]:
    """Changed spans (old_start, old_end, new_start, new_end), with equal islands
    of at most ``island`` characters absorbed and edges widened to whole words
    (SudachiPy morphemes, compound nouns), numbers, dates, law numbers and
    「」 names. Linear in the text: the cost of each span is bounded by its size."""
    # our own character diff: a diff stage may report a mostly-changed sentence
    # as one before/after pair, which is right for display but hides the word
    return list(_text_spans(old, new, island))


PHRASE_CONTEXT_MAX = 20  # characters of context a quote may borrow on each side


def phrase_context(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int, int, int]:
    """A words-only insertion or deletion that cannot be quoted alone (「の作成」,
    「を」, a one-character word) widened to the 文節 around it on both sides,
    trailing particles dropped: 個別避難計画を推進 → 個別避難計画の作成を推進 is
    quoted 「個別避難計画」→「個別避難計画の作成」."""
    if (a1 < a2) == (b1 < b2):
        return a1, a2, b1, b2
    text, s, e = (new, b1, b2) if b1 < b2 else (old, a1, a2)
    core = edit_core(text[s:e])
    words = [m for m in morph.words_at(text, s, e) if m.begin >= s and m.end <= e and not m.is_punct]
    if not core or (words and not words[0].is_function and len(core) > 2) or "。" in text[s:e]:
        return a1, a2, b1, b2
    ps, pe = morph.phrase_span(text, s, e)
    left, right = min(s - ps, PHRASE_CONTEXT_MAX), min(pe - e, PHRASE_CONTEXT_MAX)
    tail = [m for m in morph.words_at(text, e, e + right) if m.begin >= e and m.end <= e + right]
    while tail and (tail[-1].is_function or tail[-1].is_punct) and not _ends_predicate(tail):
        right = tail.pop().begin - e
    left = max(0, min(left, a1, b1))
    right = max(0, min(right, len(old) - a2, len(new) - b2))
    if old[a1 - left:a1] != new[b1 - left:b1] or old[a2:a2 + right] != new[b2:b2 + right]:
        return a1, a2, b1, b2
    return a1 - left, a2 + right, b1 - left, b2 + right


_PREDICATE_POS = ("動詞", "助動詞", "形容詞")


def _ends_predicate(words: "list[morph.Morpheme]") -> bool:
    """Whether ``words`` end a predicate that the quote must keep whole: a
    verb with its endings (創設します, 推進しました, 実施しない) is quoted to the
    end, never cut after its stem (「創設し」)."""
    last = words[-1]
    if last.pos != "助動詞" or len(words) < 2:
        return False
    i = len(words) - 1
    while i > 0 and words[i].pos == "助動詞":
        i -= 1
    return words[i].pos in _PREDICATE_POS


_PREDICATE_TAIL = ("助動詞",)


def _predicate_tail(text: str, e: int) -> int:
    """The end of the predicate endings that follow ``text[:e]`` (し+ます,
    ます, ない): ``e`` when the next word is not an ending."""
    words = [m for m in morph.words_at(text, e, min(len(text), e + PHRASE_CONTEXT_MAX)) if m.begin >= e]
    end = e
    for n, m in enumerate(words):
        if m.begin != end or m.is_punct:
            break
        ending = m.pos in _PREDICATE_TAIL or (m.pos == "動詞" and m.pos2 == "非自立可能" and n == 0)
        if not ending:
            break
        end = m.end
    return end if end > e and words and words[0].begin == e and any(w.pos == "助動詞" for w in words if w.end <= end) else e


def predicate_context(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int, int, int]:
    """A replaced span quoted as whole 文節 up to the end of the predicate:
    基金の創設を検討します → 基金を創設します is quoted 「基金の創設を検討します」→
    「基金を創設します」, never 「の創設を検討」→「を創設」. Context is borrowed only
    where it reads the same on both sides, at most PHRASE_CONTEXT_MAX characters."""
    if a1 >= a2 or b1 >= b2 or "。" in old[a1:a2] + new[b1:b2] or max(a2 - a1, b2 - b1) > MAX_PREDICATE_QUOTE:
        return a1, a2, b1, b2
    left = 0
    firsts = [ws[0] for ws in (morph.words_at(old, a1, a2), morph.words_at(new, b1, b2)) if ws]
    if any(w.pos == "助詞" for w in firsts):
        ps, _ = morph.phrase_span(old, max(0, a1 - 1), a1)
        left = min(a1 - ps, PHRASE_CONTEXT_MAX, b1)
        if old[a1 - left:a1] != new[b1 - left:b1]:
            left = 0
    right_old, right_new = _predicate_tail(old, a2) - a2, _predicate_tail(new, b2) - b2
    right = max(right_old, right_new)
    if right and old[a2:a2 + right] != new[b2:b2 + right]:
        right = 0
    return a1 - left, a2 + right, b1 - left, b2 + right


MAX_PREDICATE_QUOTE = 30  # a longer replaced span is not widened (it is described, or quoted as it is)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) as offsets (its 。 included)."""
    s = _sentence_start(text, start)
    if end > start and text[end - 1] in _SENTENCE_END:
        return s, end  # the span ends its sentence
    return s, _sentence_end(text, end)


def _ending(words: "list[morph.Morpheme]") -> str:
    """What a piece ends with, as its role in the sentence: its last particle
    (は of 国では, に of 令和7年11月に), else "" (a noun, a predicate)."""
    return words[-1].surface if words and words[-1].pos == "助詞" else ""


def _unlike(a: str, b: str) -> bool:
    """Whether two pieces the character diff set against each other are no
    replacement of one by the other: either begins with a particle or an
    auxiliary (の改正に向けた… / が改正され…: the tail of a phrase), or they play
    different parts in the sentence (国では, a topic, against 令和7年11月に, a time)."""
    if not a.strip() or not b.strip():
        return False
    wa = [m for m in morph.morphemes(a) if not m.is_punct]
    wb = [m for m in morph.morphemes(b) if not m.is_punct]
    if not wa or not wb:
        return False
    if wa[0].pos in ("助詞", "助動詞") or wb[0].pos in ("助詞", "助動詞"):
        return True
    return _ending(wa) != _ending(wb)


def sentence_rewrites(old: str, new: str, spans: "list[tuple[int, int, int, int]]",
                      rewrite_share: float) -> list[tuple[int, int, int, int]]:
    """The spans, where two or more of them restructure one sentence replaced
    by that sentence before and after. The character diff pairs the pieces
    of a restructured sentence by position (なお、国では、X法の改正に向けた検討が…
    → なお、令和7年11月にX法が改正され、…: 「国では」 against 「令和7年11月に」,
    「の改正に向けた…」 against 「が改正され、…」); such pieces are neither whole
    phrases nor replacements of each other. Restructured: the edits change
    more than ``rewrite_share`` of the sentence, or one of their pairs is unlike (``_unlike``). A
    sentence with one edit, or with like-for-like edits (48% → 52%, 2030年度 →
    2035年度), keeps its spans."""
    bounds: list[list[int]] = []  # per sentence: old start, old end, new start, new end
    members: list[list[tuple[int, int, int, int]]] = []
    for a1, a2, b1, b2 in spans:
        os_, oe = _sentence_bounds(old, a1, a2)
        ns, ne = _sentence_bounds(new, b1, b2)
        if bounds and (os_ < bounds[-1][1] or ns < bounds[-1][3]):
            bounds[-1][1], bounds[-1][3] = max(bounds[-1][1], oe), max(bounds[-1][3], ne)
            members[-1].append((a1, a2, b1, b2))
        else:
            bounds.append([os_, oe, ns, ne])
            members.append([(a1, a2, b1, b2)])
    out: list[tuple[int, int, int, int]] = []
    for (os_, oe, ns, ne), inside in zip(bounds, members):
        a, b = old[os_:oe], new[ns:ne]
        if len(inside) >= 2 and a.strip() and b.strip() and (
                changed_share(a, b) > rewrite_share or any(_unlike(old[a1:a2], new[b1:b2]) for a1, a2, b1, b2 in inside)):
            out.append((os_, oe, ns, ne))
        else:
            out.extend(inside)
    return out


_LEADING_JOINERS = re.compile(r"^((?:また|あわせて|併せて|さらに|更に|なお)、|及び|および|並びに|ならびに|又は|または|若しくは|や|と|・|、|，|,)+")
_TRAILING_JOINERS = re.compile(r"(及び|および|並びに|ならびに|又は|または|や|と|・|、|，|,)+$")


def edit_core(text: str) -> str:
    """An edited span without the joiners around it (及び, ・, 、)."""
    t = text.strip().strip("\u3000")
    t = _LEADING_JOINERS.sub("", t)
    t = _TRAILING_JOINERS.sub("", t)
    return t.strip()
