"""Japanese words: the one wrapper around SudachiPy (core dictionary). Pure.

Everything that needs word knowledge goes through here: the editorial rules
(表記ゆれ compared on ``normalized_form()``: 一人暮らし = ひとり暮らし → 独り暮らし,
子ども = こども → 子供, 取組 = 取り組み; typo fixes: the new word is in the
dictionary, the old one is not) and the summaries (edits quoted on word and
文節 boundaries, numbers, dates, law numbers and 「」 names kept whole).

The dictionary is loaded lazily, once per process (about 25 ms). Texts are
analysed in windows around the place of interest, so every call costs the
same whatever the length of the paragraph (DESIGN §6, issue 16 item 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

WINDOW = 48  # characters analysed on each side of an edit edge
_MAX_CHUNK = 4000  # Sudachi refuses inputs over 49,149 bytes: analyse in pieces
_HARD = "。．！？!?\n\t"  # no word crosses these


@dataclass(frozen=True)
class Morpheme:
    """One word of a text: ``text[begin:end] == surface``."""

    surface: str
    normalized: str  # dictionary form of the spelling (表記ゆれ unified)
    pos: str  # first level of the part of speech (名詞, 助詞, …)
    pos2: str  # second level (普通名詞, 格助詞, 非自立可能, …)
    begin: int
    end: int
    oov: bool  # not in the dictionary
    form: str = "*"  # conjugation form (連用形-一般, 終止形-一般, …) of inflecting words
    pos3: str = "*"  # third level (サ変可能 for 創設/削減, 助数詞可能 for 件/%, 一般 …)

    @property
    def is_function(self) -> bool:
        """Particles, auxiliaries, suffixes, punctuation: they attach to the word before."""
        if self.pos == "補助記号":
            return self.pos2 not in ("括弧開",)
        return self.pos in ("助詞", "助動詞", "接尾辞", "空白")

    @property
    def is_punct(self) -> bool:
        """Punctuation, brackets, spaces, 中点 and dashes (◎, ○, ※, → are symbols that carry meaning)."""
        if self.pos == "空白":
            return True
        return self.pos == "補助記号" and (self.pos2 in ("句点", "読点", "括弧開", "括弧閉")
                                         or self.surface in "・ー～〜-‐－―")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode  # imported on first use: `revtool --help` stays fast

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


def _pieces(text: str) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces Sudachi accepts, at hard boundaries when possible."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > _MAX_CHUNK:
        cut = max(text.rfind(ch, start, start + _MAX_CHUNK) for ch in _HARD)
        cut = cut + 1 if cut > start else start + _MAX_CHUNK
        out.append((start, text[start:cut]))
        start = cut
    if start < len(text) or not out:
        out.append((start, text[start:]))
    return out


@lru_cache(maxsize=8192)
def morphemes(text: str) -> tuple[Morpheme, ...]:
    """The words of ``text`` in order (offsets into ``text``)."""
    out: list[Morpheme] = []
    for offset, piece in _pieces(text):
        if not piece:
            continue
        for m in _tokenizer().tokenize(piece):
            pos = m.part_of_speech()
            out.append(Morpheme(m.surface(), m.normalized_form(), pos[0], pos[1],
                                offset + m.begin(), offset + m.end(), bool(m.is_oov()), pos[5], pos[2]))
    return tuple(out)


@lru_cache(maxsize=8192)
def unit_bounds(text: str) -> frozenset[int]:
    """The offsets of ``text`` where the dictionary's shortest units meet
    (SplitMode.A inside each word: サプライ|チェーン, マネジメント|システム,
    地方|公共|団体), its start and end included. A writer adds or deletes
    whole units; an edit edge strictly inside one (サ|プライ) cuts a word."""
    from sudachipy import SplitMode

    out: set[int] = {0, len(text)}
    for offset, piece in _pieces(text):
        for m in _tokenizer().tokenize(piece) if piece else ():
            out.update((offset + m.begin(), offset + m.end()))
            out.update(offset + x.begin() for x in m.split(SplitMode.A))
    return frozenset(out)


@lru_cache(maxsize=65536)
def normalized(text: str) -> str:
    """``text`` spelled the dictionary's way, without punctuation or spaces:
    equal for two spellings of the same words (ひとり暮らし, 一人暮らし)."""
    return "".join(m.normalized for m in morphemes(text) if not m.is_punct)


@lru_cache(maxsize=8192)
def reading(text: str) -> str:
    """How ``text`` is read, in katakana (the dictionary's reading of each word:
    補償 and 保障 are both ホショウ); punctuation and spaces dropped."""
    out: list[str] = []
    for _, piece in _pieces(text):
        for m in _tokenizer().tokenize(piece) if piece else ():
            pos = m.part_of_speech()
            if pos[0] == "空白" or (pos[0] == "補助記号" and pos[1] in ("句点", "読点", "括弧開", "括弧閉")):
                continue
            out.append(m.reading_form())
    return "".join(out)


def lemmas(text: str) -> tuple[str, ...]:
    """The normalized forms of the content of ``text`` (punctuation dropped)."""
    return tuple(m.normalized for m in morphemes(text) if not m.is_punct)


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is one known word of the dictionary (施策 yes, 施索 no)."""
    ms = morphemes(word)
    return len(ms) == 1 and not ms[0].oov and ms[0].surface == word


def is_common_word(word: str) -> bool:
    """A dictionary word that a plan would write as it is: not a person's
    given name or surname that happens to share its spelling (啓登, a name,
    is the typo of 啓発 in 普及啓登)."""
    ms = morphemes(word)
    return is_dictionary_word(word) and not (ms[0].pos2 == "固有名詞" and ms[0].pos3 == "人名")


# ---------------------------------------------------------------- windows


def _window(text: str, at: int) -> tuple[int, str]:
    """The text around position ``at``, cut at hard boundaries when near."""
    lo = max(0, at - WINDOW)
    hi = min(len(text), at + WINDOW)
    left = max(text.rfind(ch, lo, at) for ch in _HARD)
    if left >= lo:
        lo = left + 1
    rights = [i for i in (text.find(ch, at, hi) for ch in _HARD) if i >= 0]
    if rights:
        hi = min(rights) + 1
    return lo, text[lo:hi]


def _local(text: str, at: int) -> tuple[Morpheme, ...]:
    lo, window = _window(text, at)
    return _shifted(window, lo)


@lru_cache(maxsize=8192)
def _shifted(window: str, lo: int) -> tuple[Morpheme, ...]:
    return tuple(Morpheme(m.surface, m.normalized, m.pos, m.pos2, m.begin + lo, m.end + lo, m.oov, m.form, m.pos3)
                 for m in morphemes(window))


def word_start(text: str, i: int) -> int:
    """The start of the word containing ``text[i]`` (``i`` itself on a boundary)."""
    if i <= 0 or i >= len(text):
        return max(0, min(i, len(text)))
    for m in _local(text, i):
        if m.begin <= i < m.end:
            return m.begin
    return i


def word_end(text: str, i: int) -> int:
    """The end of the word containing ``text[i - 1]`` (``i`` itself on a boundary)."""
    if i <= 0 or i >= len(text):
        return max(0, min(i, len(text)))
    for m in _local(text, i - 1):
        if m.begin < i <= m.end:
            return m.end
    return i


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words."""
    if start == end:
        return start, end
    return word_start(text, start), word_end(text, end)


_COMPOUND = ("名詞", "接頭辞", "接尾辞")


def compound_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words, then over the compound they belong
    to (個別|避難|計画, デジタル|基盤|整備|担当課|長): adjacent nouns, prefixes
    and suffixes. Particles, 及び, okurigana and punctuation end a compound."""
    if start == end:
        return start, end
    s, e = word_span(text, start, end)
    for _ in range(8):  # a compound longer than this is quoted from the edit's words
        ms = _local(text, s)
        prev = next((m for m in reversed(ms) if m.end == s), None)
        first = next((m for m in ms if m.begin == s), None)
        if prev is None or first is None or prev.pos not in _COMPOUND or first.pos not in _COMPOUND \
                or prev.pos == "接尾辞" and first.pos == "接頭辞" or prev.pos2 == "数詞" or first.pos2 == "数詞":
            break
        s = prev.begin
    for _ in range(8):
        ms = _local(text, max(0, e - 1))
        last = next((m for m in ms if m.end == e), None)
        nxt = next((m for m in ms if m.begin == e), None)
        if last is None or nxt is None or last.pos not in _COMPOUND or nxt.pos not in _COMPOUND \
                or last.pos2 == "数詞" or nxt.pos2 == "数詞":
            break
        e = nxt.end
    return s, e


def noun_compounds(text: str) -> list[str]:
    """The compound nouns of ``text``: adjacent nouns, prefixes and suffixes (not
    numerals), with a verb's 連用形 or a 形状詞 inside when a noun follows it
    (一時|預かり|事業, 放課後|児童|健全|育成|事業, 子育て世帯訪問支援事業)."""
    ms = morphemes(text)
    out: list[str] = []
    start = -1

    def noun(i: int) -> bool:
        return i < len(ms) and ms[i].pos in _COMPOUND and ms[i].pos2 != "数詞"

    for i, m in enumerate(ms):
        inner = (m.pos == "形状詞" or m.pos == "動詞" and m.form.startswith("連用形")) and noun(i + 1) \
            and ms[i + 1].begin == m.end
        if (noun(i) or inner) and (start < 0 or ms[i - 1].end == m.begin):
            start = i if start < 0 else start
            continue
        if start >= 0:
            out.append(text[ms[start].begin: ms[i - 1].end])
        start = i if noun(i) or inner else -1
    if start >= 0:
        out.append(text[ms[start].begin: ms[-1].end])
    return out


def words_at(text: str, start: int, end: int) -> tuple[Morpheme, ...]:
    """The words overlapping [start, end), analysed in their context. A span that runs past a
    sentence end (「。加えて」) is analysed window after window: the context of one position
    stops at the hard boundary after it."""
    if end - start > 2 * WINDOW:
        return morphemes(text[start:end])
    stop = max(end, start + 1)
    out: list[Morpheme] = []
    at = start
    while True:
        ms = _local(text, at)
        out.extend(m for m in ms if m.end > at and m.begin < stop and (not out or m.begin >= out[-1].end))
        reached = ms[-1].end if ms else at
        if reached >= stop or reached <= at:
            return tuple(out)
        at = reached


# ---------------------------------------------------------------- 文節


_INDEPENDENT_AFTER_NOUN = ("名詞", "接尾辞")


def _starts_phrase(prev: Morpheme | None, m: Morpheme) -> bool:
    """Whether a 文節 begins at ``m``: an independent word that is not part of a
    compound (名詞+名詞, 接頭辞+…, サ変名詞+する)."""
    if prev is None:
        return True
    if m.pos == "補助記号" and m.pos2 == "括弧開":
        return True
    if m.is_function:
        return False
    if prev.pos == "接頭辞" or (prev.pos == "補助記号" and prev.pos2 == "括弧開"):
        return False
    if prev.pos in _INDEPENDENT_AFTER_NOUN and m.pos in ("名詞", "接頭辞"):
        return prev.is_punct
    if prev.pos == "名詞" and m.pos == "動詞" and m.pos2 == "非自立可能":
        return False  # 推進する, 実施し
    return True


def phrase_bounds(text: str) -> list[int]:
    """Offsets where a 文節 starts, plus ``len(text)``."""
    out: list[int] = []
    prev: Morpheme | None = None
    for m in morphemes(text):
        if _starts_phrase(prev, m):
            out.append(m.begin)
        prev = m
    out.append(len(text))
    return out


def phrase_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole 文節 (analysed within the sentence around it)."""
    lo, _ = _window(text, start)
    lo2, tail = _window(text, max(start, end - 1))
    hi = max(end, lo2 + len(tail))
    bounds = [b + lo for b in phrase_bounds(text[lo:hi])]
    s = max((b for b in bounds if b <= start), default=lo)
    e = min((b for b in bounds if b >= end), default=hi)
    return s, e


# ---------------------------------------------------------------- kept whole

_NAMES = re.compile(r"「[^「」\n]{1,60}」|『[^『』\n]{1,60}』")
_NUMERIC = re.compile(
    r"(?:令和|平成|昭和)[0-9０-９元]+年(?:法律|政令|条例|規則|省令|府令|告示|訓令)第[0-9０-９]+号"
    r"|(?:令和|平成|昭和)?[0-9０-９元]+年度?(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?"
    r"|第[0-9０-９]+(?:[.．][0-9０-９]+)?(?:版|章|節|条|項|号|次|期|回)"
    r"|[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?[%％]?(?:か所|ヶ所|カ所|箇所|[件人回所円倍点歳]|万[件人円]?)?"
)


def protected_spans(text: str, names: bool = True) -> list[tuple[int, int]]:
    """Numbers, dates, law numbers (and 「」 names): never cut when quoted."""
    out = [(m.start(), m.end()) for m in _NUMERIC.finditer(text)]
    if names:
        out += [(m.start(), m.end()) for m in _NAMES.finditer(text)]
    return sorted(out)


def _grow(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    lo, hi = max(0, start - 70), min(len(text), end + 70)
    changed = True
    while changed:
        changed = False
        for m in pattern.finditer(text, lo, hi):
            a, b = m.start(), m.end()
            if (a < start < b or a < end < b) and (a < start or b > end):
                start, end = min(start, a), max(end, b)
                changed = True
    return start, end


def keep_whole(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened so that no number, date, law number or 「」 name is
    cut. An edit that is a whole number, date or edition inside a name
    (「…ガイドライン（第2版）」 → （第3版）) is quoted alone, as staff do."""
    s, e = _grow(text, start, end, _NUMERIC)
    if s < e and _NUMERIC.fullmatch(text, s, e):
        return s, e
    return _grow(text, s, e, _NAMES)


# ---------------------------------------------------------------- the subject of a number or a predicate

SUBJECT_MAX = 30  # a longer noun phrase is named by its head compound only
_CLAUSE_END = "。\n、，"
_MARKER_LEAD = re.compile(r"^[\s\u3000]*(?:[\u2460-\u2473\u2776-\u277f・●○◎■□◆◇※]|[（(][0-9０-９ア-ン]{1,2}[）)])[\s\u3000]*")
_DIGIT = re.compile(r"[0-9０-９〇一二三四五六七八九十]")
_SUBJECT_PARTICLES = ("を", "が", "は", "の", "も")


def _noun_end(ms: "list[Morpheme]") -> bool:
    """Whether words end on a noun that can name something: not a number, not
    a time word used as an adverb (現在は, 今後は)."""
    content = [m for m in ms if not m.is_punct]
    if not content:
        return False
    last = content[-1]
    return (last.pos == "名詞" and last.pos2 != "数詞" and last.pos3 != "副詞可能"
            or last.pos == "接尾辞" and last.pos2 == "名詞的")


def subject_before(text: str, start: int) -> str:
    """The noun phrase that the number or predicate at ``text[start]`` belongs
    to, in the plan's own words ("" when none is found):

    * a note in brackets names what precedes them:
      「こども基本法」（令和6年法律第65号） → 「こども基本法」;
    * otherwise the nearest 文節 before it, in its clause, that ends in a noun
      marked を/が/は/の/も (adverbials such as 平成25年度比で, 令和12年度までに
      are passed over), with the words modifying it from the start of the clause
      when they hold no number: 温室効果ガス排出量を…48%削減 → 温室効果ガス排出量,
      地下水汚染に関する新たな支援制度の創設を検討 → 地下水汚染に関する新たな支援制度."""
    if start <= 0:
        return ""
    lo = max(text.rfind(ch, max(0, start - 4 * WINDOW), start) for ch in "。\n") + 1
    lo = max(lo, start - 4 * WINDOW)
    head = text[lo:start]
    stripped = head.rstrip(" \u3000")
    if stripped.endswith(("（", "(")):
        before = stripped[:-1].rstrip(" \u3000")
        m = re.search(r"「[^「」]{1,40}」$|『[^『』]{1,40}』$", before)
        if m:
            return m.group(0)
        ms = [w for w in morphemes(before) if not w.is_punct]
        if ms and _noun_end(ms):
            s, e = compound_span(before, ms[-1].begin, ms[-1].end)
            return before[s:e]
        return ""
    bounds = phrase_bounds(head)
    phrases = list(zip(bounds, bounds[1:]))
    for i in range(len(phrases) - 1, -1, -1):
        ps, pe = phrases[i]
        piece = head[ps:pe]
        if any(ch in piece for ch in _CLAUSE_END[:2]):
            break  # never across a sentence
        ms = [w for w in morphemes(piece) if not w.is_punct]
        if not ms or _DIGIT.search(piece):
            continue
        particles = 0
        while particles < len(ms) and ms[len(ms) - 1 - particles].pos == "助詞":
            particles += 1
        # …については / …に関して: the topic of the sentence (設置数については、…51か所)
        topic = ms[-1].surface == "に" and re.match(r"(?:ついて|関して)", head[pe:]) is not None
        if particles == 0 or (ms[-1].surface not in _SUBJECT_PARTICLES and not topic) \
                or not _noun_end(ms[:len(ms) - particles]):
            continue
        end = ps + ms[len(ms) - particles].begin
        clause = max(head.rfind(ch, 0, ps) for ch in _CLAUSE_END) + 1
        whole = _MARKER_LEAD.sub("", head[clause:end]).strip()
        if whole and len(whole) <= SUBJECT_MAX and not _DIGIT.search(whole) and whole.count("「") == whole.count("」"):
            return whole
        # too long or holding numbers: the head compound with its の-modifiers
        first = i
        while first > 0:
            prev = head[phrases[first - 1][0]:phrases[first - 1][1]]
            if not prev.endswith("の") or _DIGIT.search(prev) or any(ch in prev for ch in _CLAUSE_END):
                break
            first -= 1
        phrase = head[phrases[first][0]:end].strip()
        if len(phrase) <= SUBJECT_MAX:
            return phrase
        s, e = compound_span(head, ps + ms[len(ms) - particles - 1].begin, end)
        return head[s:e]
    return ""


def is_predicate_only(text: str) -> bool:
    """Whether a quote is a bare predicate that names nothing by itself: its
    nouns are all verbal nouns (創設を検討します, 実施する, 推進します)."""
    ms = [m for m in morphemes(text) if not m.is_punct]
    if not ms or not any(m.pos in ("動詞", "助動詞") for m in ms):
        return False
    return all(m.pos != "名詞" or m.pos3 == "サ変可能" for m in ms) and any(m.pos == "名詞" for m in ms)


_NOT_QUANTITY = re.compile(r"^第|[年月日]度?$|号$|^(?:令和|平成|昭和)")


def is_quantity(text: str) -> bool:
    """Whether a quote is only a quantity (48%, 64人, 約5,000件): it says
    nothing without what it counts. Dates, law numbers and ordinals (第3版,
    令和6年法律第65号) name themselves."""
    t = text.strip().lstrip("約")
    # a bare number (施策5-3 → 5-2: 「3」) is a label, not a quantity: a quantity has its unit
    return bool(t) and not t[-1].isdigit() and _NUMERIC.fullmatch(t) is not None and not _NOT_QUANTITY.search(t)
