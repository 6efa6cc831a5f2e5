"""素案該当箇所 → ``Locator``: printed pages, numbering labels, a title, 「各施策」.

Accepted forms (after NFKC, so ``Ｐ１８`` = ``P18``): ``P. 18``, ``P.18``,
``p.18-19``, ``P.37、P.39``, ``18ページ``, ``18頁``; ``第3章``, ``第2章第1節``,
``施策1``, ``施策1.1``, ``基本目標2 1-3``, ``(2)``, ``2. ICT調達の…``; a title
in parentheses; ``各施策`` (every 施策 of the part named before it); 「計画全体」
「全般」 (the whole plan: ``Locator.whole``).
Pure.
"""

from __future__ import annotations

import re
import unicodedata

from revtool.model import Locator
from revtool.normalize import fold_number_dashes

# Words that number a unit of a plan (施策1, 基本目標2 …). A label is the word
# followed by a number, optionally dotted (施策1.1) or hyphenated (1-3).
UNIT_WORDS = (
    "基本目標", "基本方針", "基本施策", "重点施策", "重点取組", "重点事業", "重点目標", "政策目標",
    "施策", "目標", "方針", "政策", "取組", "事業", "分野", "視点", "柱", "項目",
)
_UNIT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))

_PAGE_NUM = r"(\d{1,4})"
_RANGE_SEP = r"\s*[-~〜～―‐−–—ー]\s*"
_P_PREFIX = r"(?<![A-Za-z])[Pp]\s*\.?\s*"
_PAGE_PATTERNS = (
    # P.18 / P. 18 / p.18-19 / P.18~P.19
    re.compile(_P_PREFIX + _PAGE_NUM + r"(?:" + _RANGE_SEP + r"(?:[Pp]\s*\.?\s*)?" + _PAGE_NUM + r")?(?![\d.])"),
    # 18ページ / 18-19ページ / 18頁 / 37、39ページ
    re.compile(_PAGE_NUM + r"(?:" + _RANGE_SEP + _PAGE_NUM + r")?((?:\s*[、,・]\s*\d{1,4})*)\s*(?:ページ|頁)"),
)

_LABEL = re.compile(
    r"第\s*(?:\d+|[一二三四五六七八九十]+|[IVX]+)\s*[章節項部編款]"  # 第3章 第1節 第三章 第Ⅱ部
    r"|第\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:" + _UNIT + r")"  # 第3分野 第2目標: the ordinal before the word
    r"|第\s*\d+(?=$|\s|\()"  # 公用文 top level without a unit word: 第5 (of 「第5の3(2)」)
    r"|(?:" + _UNIT + r")\s*(?:\d+(?:\s*[.\-]\s*\d+)*|[一二三四五六七八九十]+"  # 施策1 施策1.1 基本目標2 基本目標二
    r"|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?![A-Za-z]))"  # 基本目標Ⅱ (NFKC: II)
    r"|\(\d+\)"  # (2)
    r"|[①-⑳]"  # ①
    r"|(?:(?<=^)|(?<=[\s(\[章節]))\d+(?:-\d+)+(?=$|[\s(])"  # 1-3
    r"|(?:(?<=^)|(?<=[\s(\[章節]))\d+\.(?:\d+\.?)*(?=$|\s|[^\d.])"  # 2. / 2.1
    r"|(?:(?<=^)|(?<=[\s章節]))\d{1,2}(?=\s|\(|$)"  # a bare 1 between labels: 第2章 1 (2)
    r"|(?:(?<=^)|(?<=[\s(\[]))(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?=$|[\s.(])"  # Ⅱ (NFKC: II), IV.
    r"|(?:(?<=^)|(?<=[\s)\]]))[アイウエオカキクケコサシスセソタチツテト](?=$|[\s.、])"  # ア イ ウ
    r"|\([アイウエオカキクケコサシスセソタチツテト]\)"  # (ア)
)
LABEL = _LABEL  # numbering labels (第3章, 施策1, (2), 1-3, 2.), for other modules
_EVERY = re.compile(r"各\s*(" + _UNIT + r"|章|節)")
_TRUNCATION = re.compile(r"(?:…+|\.{3,}|・{3,}|等)$")
# the whole plan, no place in it: 計画全体, 全体, 全般, 本計画全体について, 計画の全体, 素案全般, 全体的に
_WHOLE = re.compile(
    r"(?:本|この)?(?:計画書?|計画案|素案|案|プラン)?の?(?:全体|全般)的?"
    r"(?:に|を通して|について|に関して|に対して|に係る(?:こと)?|関係)?(?:の(?:意見|こと))?"
)


def is_whole_plan(text: str) -> bool:
    """Whether a 該当箇所 names the whole plan and nothing in it (「計画全体」,
    「全般」, 「本計画全体について」); never a heading that starts so (「全体構想」)."""
    t = re.sub(r"[\s()（）【】\[\]「」]", "", nfkc(text))
    return bool(t) and _WHOLE.fullmatch(t) is not None


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def kanji_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23 (up to 99); None otherwise."""
    if not text or any(ch not in _KANJI_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    t = _KANJI_DIGITS.get(tens, 0) if tens else 1
    o = _KANJI_DIGITS.get(ones, 0) if ones else 0
    return t * 10 + o


def label_key(label: str) -> str:
    """Comparable form of a numbering label: NFKC, no spaces, kanji numerals as
    digits (第三章 = 第3章), ``1．``/``1、``/``1`` → ``1``, and any dash
    look-alike between digits as ``-`` (施策５−２−１ from a PDF = 施策5-2-1)."""
    key = fold_number_dashes(re.sub(r"\s+", "", nfkc(label)))
    key = key.replace("、", ".").replace("．", ".")
    key = re.sub(r"[〇一二三四五六七八九十]+", lambda m: str(kanji_number(m.group(0)) or m.group(0)), key)
    if re.fullmatch(r"\d+(?:\.\d+)*\.?", key):
        key = key.rstrip(".")
    return key


# 公用文 references chain their levels with の: 「第５の３（２）」「第４の２（２）ア」 = 第5 3 (2) ア
_NO_CHAIN = re.compile(r"(第\s*\d+|(?<![\d.])\d{1,2}|\(\d+\))の(?=\d|\(\d+\)|[アイウエオカキクケコサシスセソタチツテト](?:$|\s))")


def unchain(text: str) -> str:
    """「第5の3(2)」 → 「第5 3(2)」: the の between numbering labels read as a separator (NFKC text)."""
    prev = None
    while prev != text:
        prev, text = text, _NO_CHAIN.sub(lambda m: m.group(1) + " ", text)
    return text


# a 第N label chained to the number of the level below it, 公用文 style:
# 「第2部第3分野3」 = 第2部 第3分野 3, 「第3章2(1)」 = 第3章 2 (1)
_CHAINED = re.compile(r"(第\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:[章節項部編款]|" + _UNIT + r"))(?=\d)")


def unchain_ordinals(text: str) -> str:
    """「第2部第3分野3」 → 「第2部第3分野 3」: a digit right after a 第N label starts the next level (NFKC text)."""
    return _CHAINED.sub(lambda m: m.group(1) + " ", text)


def parse_pages(text: str) -> tuple[tuple[int, ...], str]:
    """Printed pages named in ``text`` (ranges expanded) and the text without them."""
    pages: list[int] = []
    rest = text
    for pattern in _PAGE_PATTERNS:
        def take(m: re.Match[str]) -> str:
            first = int(m.group(1))
            last = int(m.group(2)) if m.group(2) else first
            if last < first or last - first > 50:
                last = first
            pages.extend(range(first, last + 1))
            if m.lastindex and m.lastindex >= 3 and m.group(3):
                pages.extend(int(n) for n in re.findall(r"\d+", m.group(3)))
            return " "

        rest = pattern.sub(take, rest)
    return tuple(sorted(set(pages))), rest


def _unwrap(text: str) -> str:
    """Drop parentheses around the whole remaining text, and a lone stray pair
    of separators (``、``) left by removed pages."""
    t = text.strip(" 、,・:：")
    while len(t) >= 2 and t[0] == "(" and _matching_close(t, 0) == len(t) - 1:
        inner = t[1:-1].strip()
        if re.fullmatch(r"\d+", inner):  # (2) is a label, not a wrapper
            break
        t = inner
    return t


def _matching_close(t: str, start: int) -> int:
    depth = 0
    for i in range(start, len(t)):
        if t[i] == "(":
            depth += 1
        elif t[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def parse_ref(raw: str) -> Locator:
    """Parse one 素案該当箇所 cell. Never fails: what it cannot read stays in ``raw``."""
    text = fold_number_dashes(nfkc(raw).replace("\n", " "))  # 施策1−2 (a PDF's −) = 施策1-2
    text = re.sub(r"\s+", " ", text).strip()
    if re.fullmatch(r"\d{1,4}(?:\s*[-~〜～、,・]\s*\d{1,4})*", text):
        text = re.sub(r"\d+", lambda m: "P." + m.group(0), text)  # a bare number in a 該当ページ column
    pages, rest = parse_pages(text)
    rest = re.sub(r"\s+", " ", unchain_ordinals(unchain(rest))).strip()
    # a parenthesised title after the pages: "P.18 (施策1 …)"; or the title
    # around a parenthesised part: "施策1 (ナカペイ…)"
    every = ""
    m = _EVERY.search(rest)
    if m:
        every = m.group(1)
        rest = (rest[: m.start()] + " " + rest[m.end():]).strip()
    rest = _unwrap(rest)
    numbers: list[str] = []
    title = ""
    pos = 0
    segments: list[str] = []
    for lm in _LABEL.finditer(rest):
        segments.append(rest[pos: lm.start()])
        numbers.append(label_key(lm.group(0)))
        pos = lm.end()
    tail = rest[pos:]
    title = _clean_title(tail)
    if not title:
        # "(施策1) ナカペイ…" or "ナカペイ… (施策1)": take the longest text part
        parts = [_clean_title(s) for s in segments]
        title = max(parts, key=len, default="")
    whole = not pages and not numbers and not every and is_whole_plan(text)
    return Locator(raw=raw, pages=pages, numbers=tuple(numbers), title=title, every=every, whole=whole)


def _clean_title(text: str) -> str:
    t = _unwrap(text.strip())
    t = t.strip(" 、,・:：()").lstrip(".").strip()  # 「Ⅳ．計画の推進」: the label's dot
    # balance a stray closing parenthesis left from the wrapper
    if t.count(")") > t.count("("):
        t = t.rstrip(")").strip()
    if t.count("(") > t.count(")") and t.startswith("("):
        t = t[1:].strip()
    return t


def is_truncated(title: str) -> bool:
    return bool(_TRUNCATION.search(title))


def strip_truncation(title: str) -> str:
    return _TRUNCATION.sub("", title).strip()
