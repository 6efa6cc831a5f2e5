"""Blocks and heading candidates -> front matter plus a section tree.

Two pure jobs:

* ``parse_marker`` reads the numbering marker at the start of a heading line
  (第3章, 1., （2）, ①, ア, (ア), 施策5, 基本目標2, 1-1, 第4条, …) and returns the
  number as printed, the marker kind, its numeric value and the title.
* ``build_outline`` infers depth from the *sequence* of markers, the way
  eregs/regulations-parser does: a marker kind already open on the current
  path returns to that depth, a kind seen earlier in the document returns to
  the depth it had then, and a new kind nests one deeper than the current
  heading.  A ``certain`` heading (DOCX style or outline level) keeps its
  ``level_hint``.  Uncertain lines that only look like headings (long, or a
  sentence ending in 。) stay in the body as list items.

No file I/O and no imports beyond the model (and, for a marker followed by a
particle's kana, the dictionary wrapper ``revtool.compare.morph``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field
from collections.abc import Sequence

from revtool.extract.base import RawHeading, RawItem
from revtool.model import Block, BlockKind, PageSpan, Section
from revtool.normalize import NUMBER_DASHES, uniform_number_dashes

# ---------------------------------------------------------------- markers


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a line.

    ``number`` is the marker exactly as printed (``第３章``, ``（1）``, ``施策2``),
    ``kind`` names the scheme (``chapter``, ``paren``, ``circled`` …) so that
    siblings of one scheme are recognised whatever their number, ``value`` is
    the ordinal (1 for ①, ア, Ⅰ, 一; ``None`` when unknown) and ``title`` is
    the text after the marker and its separating space.
    """

    number: str
    kind: str
    value: int | None
    title: str


_DIGITS = "[0-9０-９]+"
_KANJI_DIGITS = "[〇零一二三四五六七八九十百]+"
_NUM = f"(?:{_DIGITS}|{_KANJI_DIGITS})"
_SPACE = "[ \u3000\t]"
_HYPHEN = f"[{NUMBER_DASHES}]"  # 施策５－２－１, and the −, ‐, – a PDF gives for its －
_KATAKANA_AIUEO = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
_ROMAN_UPPER = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_ROMAN_LOWER = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"

# Words that prefix a number to name a heading in Japanese plans: 施策1,
# 基本目標2, 重点取組3, 方針4 … Each word is its own marker kind.
_LABEL_WORDS = tuple(sorted((
    "基本目標", "基本方針", "基本施策", "基本政策", "重点施策", "重点取組", "重点項目", "重点目標",
    "重点プロジェクト", "プロジェクト", "施策の方向", "施策", "個別施策", "主要施策", "推進施策",
    "政策目標", "目標", "方針", "政策", "取組", "分野", "視点", "戦略", "柱",
    "ステップ", "フェーズ", "STEP", "Step", "Phase",
), key=len, reverse=True))  # longest first: 施策の方向 before 施策
_LABEL_KIND = {"施策": "shisaku", "基本目標": "kihon"}

_KATAKANA = f"{_KATAKANA_AIUEO}\uff71-\uff9d"  # full and half width (ｱ)
_BRACKET_OPEN = "[【［\\[〔＜<《〈]"
_BRACKET_CLOSE = "[】］\\]〕＞>》〉]"
_OPEN = "[(（]"
_CLOSE = "[)）]"
_DOT = "[.．]"

# (kind, regex for the marker, whether a separator is required after it).
# Order matters: the more specific pattern first.
_PATTERNS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("part", re.compile(f"第{_NUM}[部編]"), False),
    ("chapter", re.compile(f"第{_NUM}章"), False),
    ("section", re.compile(f"第{_NUM}節"), False),
    ("item", re.compile(f"第{_NUM}[項款]"), False),
    ("article", re.compile(f"第{_NUM}条(?:の{_NUM})?"), False),
    # 公用文's top level without a unit word: 「第１　計画の策定にあたって」 (never 第2期, 第3回: a space follows)
    ("dai", re.compile(f"第{_NUM}(?![0-9０-９部編章節項款条])"), True),
    ("label", re.compile(f"(?:{'|'.join(_LABEL_WORDS)}){_SPACE}?{_DIGITS}(?:{_HYPHEN}{_DIGITS})*"), False),
    ("bracket", re.compile(
        f"{_BRACKET_OPEN}(?:(?:{'|'.join(_LABEL_WORDS)}){_SPACE}?)?{_DIGITS}(?:(?:{_HYPHEN}|[.．]){_DIGITS})*{_BRACKET_CLOSE}"
    ), False),
    ("hyphen", re.compile(f"{_DIGITS}(?:{_HYPHEN}{_DIGITS})+(?![0-9０-９])"), True),
    ("dotted", re.compile(f"{_DIGITS}(?:{_DOT}{_DIGITS})+{_DOT}?(?![0-9０-９])"), True),
    ("decimal", re.compile(f"{_DIGITS}{_DOT}(?![0-9０-９])"), False),
    ("decimal", re.compile(f"[{_FULLSTOP_DIGITS}]"), False),
    ("paren", re.compile(f"{_OPEN}{_DIGITS}{_CLOSE}"), False),
    ("paren", re.compile(f"[{_PAREN_DIGITS}]"), False),
    ("rparen", re.compile(f"{_DIGITS}{_CLOSE}"), False),
    ("circled", re.compile(f"[{_CIRCLED}]"), False),
    ("paren_katakana", re.compile(f"{_OPEN}[{_KATAKANA}]{_CLOSE}"), False),
    ("katakana", re.compile(f"[{_KATAKANA}]{_DOT}?"), True),
    ("rparen_katakana", re.compile(f"[{_KATAKANA}]{_CLOSE}"), False),
    ("paren_kanji", re.compile(f"{_OPEN}{_KANJI_DIGITS}{_CLOSE}"), False),
    ("kanji", re.compile(f"{_KANJI_DIGITS}[、．.]"), False),
    ("kanji", re.compile(_KANJI_DIGITS), True),
    ("roman", re.compile(f"[{_ROMAN_UPPER}]{_DOT}?"), False),
    ("roman_lower", re.compile(f"[{_ROMAN_LOWER}]{_DOT}?"), False),
    ("roman", re.compile(f"(?=[IVX])X{{0,3}}(?:IX|IV|V?I{{0,3}}){_DOT}"), False),
    ("paren_alpha_lower", re.compile(f"{_OPEN}[a-zａ-ｚ]{_CLOSE}"), False),
    ("paren_alpha_upper", re.compile(f"{_OPEN}[A-ZＡ-Ｚ]{_CLOSE}"), False),
    ("rparen_alpha_lower", re.compile(f"[a-zａ-ｚ]{_CLOSE}"), False),
    ("alpha_upper", re.compile(f"[A-ZＡ-Ｚ]{_DOT}"), True),
    ("alpha_lower", re.compile(f"[a-zａ-ｚ]{_DOT}"), True),
    ("bare", re.compile(f"{_DIGITS}(?={_SPACE})"), True),
)

_ANY_PATTERN = re.compile("|".join(f"(?P<p{k}>{pattern.pattern})" for k, (_, pattern, _) in enumerate(_PATTERNS)))
"""All the markers in one alternation, in their order: the name of the group
that matched is the first pattern that matches (the ones before it do not),
and no match means no marker — most lines are sentences, which the single
alternation tells at once instead of thirty-odd patterns one by one."""

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_PARTICLES = frozenset("にのをがでとへもや、。，．")  # not は: 第1章はじめに


def _kanji_value(text: str) -> int | None:
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if all(ch in digits for ch in text):  # positional: 二〇二五
        return int("".join(str(digits[ch]) for ch in text)) if text else None
    units = {"十": 10, "百": 100}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current


def _roman_value(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text).upper()
    values = [_ROMAN_VALUES.get(ch) for ch in text]
    if not values or None in values:
        return None
    total = 0
    for i, v in enumerate(values):
        assert v is not None
        nxt = values[i + 1] if i + 1 < len(values) else None
        total += -v if nxt is not None and nxt > v else v
    return total


def _value(kind: str, number: str) -> int | None:
    """The ordinal of a marker: its first number, or its place in its series."""
    if kind == "circled":
        return _CIRCLED.index(number) + 1
    if number and number[0] in _PAREN_DIGITS:
        return _PAREN_DIGITS.index(number[0]) + 1
    if number and number[0] in _FULLSTOP_DIGITS:
        return _FULLSTOP_DIGITS.index(number[0]) + 1
    core = unicodedata.normalize("NFKC", number)
    if kind in ("katakana", "paren_katakana", "rparen_katakana"):
        kana = next((ch for ch in core if ch in _KATAKANA_AIUEO), "")
        return _KATAKANA_AIUEO.index(kana) + 1 if kana else None
    if kind.startswith("roman"):
        stripped = core.strip(".")
        return _roman_value(stripped)
    if kind.startswith(("alpha", "paren_alpha", "rparen_alpha")):
        letter = next((ch for ch in core if ch.isalpha()), "")
        return ord(letter.lower()) - ord("a") + 1 if letter else None
    found = re.search(r"[0-9]+", core)
    if found:
        return int(found.group())
    kanji = re.search(_KANJI_DIGITS, number)
    return _kanji_value(kanji.group()) if kanji else None


def _label_kind(number: str) -> str:
    word = re.match(f"(?:{'|'.join(_LABEL_WORDS)})", number)
    assert word is not None
    name = word.group()
    kind = _LABEL_KIND.get(name, f"label:{name}")
    if re.search(f"[0-9０-９]{_HYPHEN}[0-9０-９]", number):
        kind += "-sub"
    return kind


_KANA_PARTICLES = frozenset("にのをがでとへもや")


def _starts_with_word(rest: str) -> bool:
    """Whether the text after a marker starts with a word that merely begins
    with a particle's kana (``（１）がん検診``, ``２ もの忘れ``), not with the
    particle itself (``（１）が示す``, ``施策1の推進``): the dictionary tells."""
    if rest[:1] not in _KANA_PARTICLES:
        return False
    from revtool.compare.morph import morphemes  # only for these few lines: the dictionary loads once

    words = morphemes(rest[:16])
    return bool(words) and words[0].pos not in ("助詞", "助動詞") and len(words[0].surface) > 1


@lru_cache(maxsize=8192)  # a pure function of the text, with a frozen answer; the PDF reader asks of a line several times
def parse_marker(text: str) -> Marker | None:
    """Read the numbering marker at the start of ``text``.

    The title may follow after a full-width space, an ASCII space, a tab or
    nothing at all (``第1章計画の…`` and ``（1）目指す姿`` are both common).
    Kinds whose marker could start an ordinary word (ア in アプリ, 一 in 一方,
    a bare 1 in 1人) need a separator.  Returns ``None`` when no marker.
    """
    line = text.strip()
    first = _ANY_PATTERN.match(line)
    if first is None:
        return None
    assert first.lastgroup is not None
    for kind, pattern, needs_separator in _PATTERNS[int(first.lastgroup[1:]):]:
        found = pattern.match(line)
        if not found:
            continue
        number = found.group()
        rest = line[found.end():]
        separated = bool(rest) and bool(re.match(_SPACE, rest))
        if needs_separator and not separated and rest:
            continue
        if needs_separator and not rest and kind in ("katakana", "kanji", "bare", "alpha_upper", "alpha_lower"):
            continue
        if not separated and rest[:1] in _PARTICLES and not _starts_with_word(rest):
            return None  # 「第2章で述べた」「施策1の推進」: a reference in a sentence
        if kind == "label":
            kind = _label_kind(number)
        elif kind == "bracket":
            word = re.search(f"{'|'.join(_LABEL_WORDS)}", number)
            kind = f"bracket:{word.group()}" if word else "bracket"
        elif kind in ("hyphen", "dotted"):
            kind = f"{kind}{len(re.findall(r'[0-9０-９]+', number))}"
        title = rest.lstrip(" \u3000\t")
        return Marker(number=number, kind=kind, value=_value(kind, number), title=title)
    return None


LIST_MARKER_KINDS = frozenset({
    "decimal", "paren", "rparen", "circled", "katakana", "paren_katakana", "rparen_katakana",
    "alpha_upper", "alpha_lower", "paren_alpha_upper", "paren_alpha_lower", "rparen_alpha_lower",
    "kanji", "paren_kanji", "roman", "roman_lower",
})
"""Marker kinds that number the items of a list when typed at the start of a
paragraph (``①``, ``（1）``, ``ア``); ``第1章``, ``施策1`` or a bare ``1`` are
not list labels of a body paragraph."""

_OFFICIAL_LADDER: tuple[frozenset[str], ...] = (
    frozenset({"part"}),
    frozenset({"chapter", "roman"}),
    frozenset({"section"}),
    frozenset({"item"}),
    frozenset({"dai"}),
    frozenset({"decimal", "bare"}),
    frozenset({"paren"}),
    frozenset({"katakana"}),
    frozenset({"paren_katakana"}),
)
"""The numbering ladder of Japanese official documents, outermost first
(公用文作成の考え方 (2022): 第１ → １ → （１） → ア → （ア）, under the 第１部 /
第１章 / 第１節 of a plan; Ⅰ stands where a 章 would)."""


def ladder_rank(kind: str) -> int | None:
    """A marker kind's depth on the official numbering ladder, ``None`` when
    the kind is not on it (施策1, ①, 1-1 …)."""
    return next((rank for rank, kinds in enumerate(_OFFICIAL_LADDER) if kind in kinds), None)


COUNTERS = frozenset("年月日％%倍件万億兆歳ヶヵ割")
"""Characters that follow a number as its unit or counter (``2023 年``,
``56.3 ％``, ``100 年当たり``): a number before them is a quantity in the
sentence, not the number of a list item.  Only units that rarely start the
title of an item (not 人, 分, 時, 本: ``1 人材育成``, ``2 分野別``)."""
_NOT_UNITS = ("日本", "万全", "万一", "年齢")  # words that start with a unit character


def is_quantity(marker: Marker) -> bool:
    """Whether a bare or dotted number at the start of a line is a quantity
    (``2019 年に公表された``, ``56.3 ％``) rather than an item's number:
    a unit or counter follows it, or it is larger than any list runs."""
    if not marker.kind.startswith(("bare", "dotted", "hyphen")):
        return False
    unit = marker.title[:1] in COUNTERS and not marker.title.startswith(_NOT_UNITS)
    return unit or (marker.value or 0) >= 1000


# ---------------------------------------------------------------- heading filter

MAX_GUESSED_HEADING_CHARS = 40
"""An uncertain heading longer than this (title only) is body text."""

_SENTENCE_END = re.compile(r"[。．！？!?]\s*$")


def looks_like_heading(text: str, marker: Marker | None) -> bool:
    """Whether an uncertain line is a heading rather than a numbered item of the
    body: it has a title, is short, and is not a sentence."""
    title = marker.title if marker else text.strip()
    if not title:
        return False
    if len(title) > MAX_GUESSED_HEADING_CHARS:
        return False
    if _SENTENCE_END.search(title) or "。" in title:
        return False
    return True


# ---------------------------------------------------------------- tree building


@dataclass
class _Node:
    heading: str
    number: str
    title: str
    level: int
    marker: str
    pages: PageSpan | None
    blocks: list[Block] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self, depth: int = 1) -> Section:
        children = tuple(c.freeze(depth + 1) for c in self.children)
        spans = [self.pages, *(b.pages for b in self.blocks), *(c.pages for c in children)]
        return Section(
            heading=self.heading,
            number=self.number,
            title=self.title,
            level=depth,
            marker=self.marker,
            blocks=tuple(self.blocks),
            children=children,
            pages=PageSpan.cover(spans),
        )


@dataclass
class _DepthState:
    """What the sequence so far says about depth: the open path of (kind,
    level) and the level each kind had when last seen."""

    path: list[tuple[str, int]] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)

    @property
    def current(self) -> int:
        return self.path[-1][1] if self.path else 0

    def level_for(self, kind: str) -> int:
        for open_kind, level in reversed(self.path):
            if kind and open_kind == kind:
                return level
        if kind in self.seen and self.seen[kind] <= self.current + 1:
            return self.seen[kind]
        return self.current + 1

    def enter(self, kind: str, level: int) -> None:
        while self.path and self.path[-1][1] >= level:
            self.path.pop()
        self.path.append((kind, level))
        if kind:
            self.seen[kind] = level


_DECORATION = re.compile(r"^[■□◆◇●○◎▲△▼▽★☆◼◻◾◽▶▷►▸\ue000-\uf8ff]+[ \u3000\t]*(?=\S)")


def strip_decoration(text: str) -> str:
    """A heading without the ornament it starts with (``■　前文`` -> ``前文``):
    Word draws it from a bullet numbering, a PDF bookmark keeps it as a symbol
    font's private-use character, a printed page may show it or not, so it is
    not part of the title."""
    return _DECORATION.sub("", text)


_PRIORITY_MARK = re.compile(r"^[★☆]+(?=[ \u3000\t]*\S)")


def priority_mark(text: str) -> str:
    """The ★ / ☆ a heading starts with: in Japanese plans it marks a 重点 (priority)
    measure, so it stays in the heading (the numbering and title are read without it)."""
    found = _PRIORITY_MARK.match(text.strip())
    return found.group() if found else ""


def _demote(raw: RawHeading, marker: Marker | None) -> Block:
    """An uncertain heading that turned out to be body text."""
    if marker is not None:
        return Block(BlockKind.LIST, raw.text.strip(), label=marker.number, pages=raw.pages)
    return Block(BlockKind.PARAGRAPH, raw.text.strip(), pages=raw.pages)


def build_outline(items: Sequence[RawItem]) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Turn a reading-order stream into (front-matter blocks, section tree).

    Levels: a ``certain`` heading with a ``level_hint`` takes it; otherwise the
    marker sequence decides (see module doc).  An uncertain heading without a
    marker takes its ``level_hint`` if any, else it is a paragraph.  The
    ``Section.level`` written out is the depth in the tree (1 = top), so a
    document whose styles skip a level (見出し1 then 見出し3) and its PDF, whose
    bookmarks do not, get the same levels.
    """
    front: list[Block] = []
    roots: list[_Node] = []
    stack: list[_Node] = []
    depth = _DepthState()

    for item in items:
        if isinstance(item, Block):
            (stack[-1].blocks if stack else front).append(item)
            continue
        text = strip_decoration(item.text.strip())
        if not text:
            continue
        marker = parse_marker(text)
        kind = marker.kind if marker else ""
        if item.certain and item.level_hint is not None:
            level = max(1, item.level_hint)
        elif not item.certain and not looks_like_heading(text, marker):
            block = _demote(item, marker)
            (stack[-1].blocks if stack else front).append(block)
            continue
        elif marker is not None:
            level = depth.level_for(kind)
            if item.min_level is not None:
                level = max(level, item.min_level)
        elif item.level_hint is not None:
            level = max(1, item.level_hint)
        elif item.certain:
            level = depth.current + 1 if depth.current else 1
        else:
            (stack[-1].blocks if stack else front).append(_demote(item, None))
            continue

        depth.enter(kind, level)
        number = uniform_number_dashes(marker.number) if marker else ""
        if marker and number != marker.number and text.startswith(marker.number):
            text = number + text[len(marker.number):]  # 施策５−２−１ (a PDF's −) is the printed 施策５－２－１
        node = _Node(
            heading=priority_mark(item.text) + text,
            number=number,
            title=marker.title if marker else text,
            level=level,
            marker=kind,
            pages=item.pages,
        )
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    return tuple(front), tuple(n.freeze() for n in roots)
