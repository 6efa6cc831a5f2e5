"""A cited page read as the PDF viewer's page, when the opinion says so.

Published plans open with unnumbered pages (表紙, 目次), so a commenter who
reads the number off the PDF viewer cites the PDF's own page — printed page 18
is PDF page 20 behind a cover and a 目次 — instead of the footer's. A version
that keeps its PDF's page map (``Document.page_map``) lets a reference's pages
be read both ways: as printed (what a reference means by default) and as PDF
pages (``pdf_reading``).

When the two readings resolve to different sections, the opinion's words
decide (``weigh``): each word of the opinion (a run of kanji, of katakana, of
Latin letters; a 「」 quote) found in the text printed on a reading's pages
counts for that reading, weighted by how few pages of the plan hold it (a word
on every page weighs nothing). The PDF reading is taken only when its pages
hold at least ``MARGIN`` times the weight and at least ``MIN_WORDS`` words the
printed pages lack, or when the version has no such printed page at all and
the words are on the PDF reading's pages; a
tie or a close call keeps the printed reading, and so does a printed reading
the words already fit (it then weighs at least half). The choice and its words
are the evidence (``Reading.note``).

Pure.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from revtool.comments.resolve import Resolution
from revtool.model import Document, Locator, Section
from revtool.normalize import normalize_key
from revtool.pages import page_list

MARGIN = 2.0  # the PDF reading's words must weigh at least this many times the printed reading's
MIN_WORDS = 2  # and hold at least this many words of the opinion that the printed pages lack
SHOWN = 3  # words quoted in a note

_K = "[\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]"
_OKURI = "[" + "".join(chr(c) for c in range(0x3041, 0x3097) if chr(c) not in "のをにがはとでもへやかねよ") + "]"  # not a particle
_KATA = "[\u30a1-\u30fa\u30fc]"
_PART = re.compile(
    rf"{_K}+(?:{_OKURI}{{1,2}}{_K}+)*"  # 地域通貨, 担い手, 見守り活動
    rf"|{_KATA}{{2,}}"  # カタカナ
    r"|[A-Za-z][A-Za-z0-9]+"  # DX, ICT
)
_WORD = re.compile(rf"(?:{_K}|{_KATA})+(?:{_OKURI}{{1,2}}(?:{_K}|{_KATA})+)*|[A-Za-z][A-Za-z0-9]+")  # 温室効果ガス排出量
_QUOTE = re.compile(r"「([^「」]{2,40})」")
_SPACE = re.compile(r"\s+")
_KANJI_PART = re.compile(rf"{_K}{{2,}}")


def pdf_reading(pages: tuple[int, ...], page_map: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The printed pages of PDF pages ``pages``; () when a page is not a
    numbered page of the PDF or when both readings are the same pages."""
    if not pages or not page_map:
        return ()
    printed = dict(page_map)
    got = [printed.get(p) for p in pages]
    if any(g is None for g in got):
        return ()
    out = tuple(sorted({g for g in got if g is not None}))
    return () if out == tuple(sorted(set(pages))) else out


def _key(text: str) -> str:
    return _SPACE.sub("", normalize_key(text))


class PageWords:
    """The text printed on each page of a version (section headings and
    blocks; a block over several pages split where it turns the page when it
    says so, else counted on each of its pages), keyed for comparison; and,
    per word, how many pages hold it (memoized)."""

    def __init__(self, texts: dict[int, str]) -> None:
        self.pages = sorted(texts)
        self.texts = texts
        self.joined = "\x00".join(texts[p] for p in self.pages)
        starts, at = [], 0
        for p in self.pages:
            starts.append(at)
            at += len(texts[p]) + 1
        self.starts = starts
        self._df: dict[str, int] = {}

    @staticmethod
    def of(doc: Document) -> "PageWords":
        parts: dict[int, list[str]] = {}

        def add(page: int, text: str) -> None:
            parts.setdefault(page, []).append(text)

        def visit(sec: Section) -> None:
            if sec.pages is not None:
                add(sec.pages.first, sec.heading)
            for b in sec.blocks:
                if b.pages is None:
                    continue
                if b.page_breaks:
                    cuts = (0, *b.page_breaks, len(b.text))
                    for k in range(len(cuts) - 1):
                        add(b.pages.first + k, b.text[cuts[k]:cuts[k + 1]])
                else:
                    for page in b.pages.pages():
                        add(page, b.text)
            for c in sec.children:
                visit(c)

        for b in doc.front:
            if b.pages is not None:
                for page in b.pages.pages():
                    add(page, b.text)
        for s in doc.sections:
            visit(s)
        return PageWords({p: _key("\n".join(t)) for p, t in parts.items()})

    def holds(self, word: str, pages: Iterable[int]) -> bool:
        return any(word in self.texts.get(p, "") for p in pages)

    def count(self, word: str) -> int:
        """How many pages hold ``word``."""
        got = self._df.get(word)
        if got is None:
            got, at = 0, self.joined.find(word)
            while at >= 0:
                got += 1
                k = bisect_right(self.starts, at)  # the page after the one found on
                if k >= len(self.starts):
                    break
                at = self.joined.find(word, self.starts[k])
            self._df[word] = got
        return got

    def weight(self, word: str) -> float:
        """log(pages / pages holding it): 0 for a word on every page, or none."""
        n = self.count(word)
        return math.log(len(self.pages) / n) if n else 0.0


def opinion_words(opinion: str, words: PageWords) -> list[str]:
    """The words of ``opinion`` found somewhere in the plan: its 「」 quotes and
    its runs of kanji and katakana (with okurigana inside: 担い手, 見守り活動,
    温室効果ガス排出量) and of Latin letters; one the plan does not print whole
    by its kanji and katakana parts, a kanji part not printed whole by its
    two-kanji pieces; each once, in order."""
    out: dict[str, None] = {}
    for q in _QUOTE.findall(opinion):
        k = _key(q)
        if len(k) >= 2 and words.count(k):
            out.setdefault(k)
    for m in _WORD.finditer(_key(opinion)):
        w = m.group(0)
        if len(w) >= 2 and words.count(w):
            out.setdefault(w)
            continue
        for part in _PART.findall(w):  # not printed whole: its kanji, katakana parts, else two-kanji pieces
            if len(part) < 2:
                continue
            if words.count(part):
                out.setdefault(part)
                continue
            for piece in _KANJI_PART.findall(part):
                for i in range(len(piece) - 1):
                    if words.count(piece[i:i + 2]):
                        out.setdefault(piece[i:i + 2])
    return list(out)


@dataclass(frozen=True)
class Weighed:
    """The opinion's words on each reading's pages, and their weights."""

    printed: tuple[str, ...]
    pdf: tuple[str, ...]
    printed_weight: float
    pdf_weight: float
    printed_missing: bool  # the version prints none of the cited pages, and some of the PDF reading's

    def pdf_only(self) -> tuple[str, ...]:
        return tuple(w for w in self.pdf if w not in self.printed)

    def prefers_pdf(self) -> bool:
        if self.printed_missing:
            return self.pdf_weight > 0  # and the opinion's words are there
        return (self.pdf_weight > 0 and self.pdf_weight >= MARGIN * self.printed_weight
                and len(self.pdf_only()) >= MIN_WORDS)


def weigh(opinion: str, printed: tuple[int, ...], pdf: tuple[int, ...], words: PageWords) -> Weighed:
    found = opinion_words(opinion, words)
    on_printed = tuple(w for w in found if words.holds(w, printed))
    on_pdf = tuple(w for w in found if words.holds(w, pdf))
    missing = not any(p in words.texts for p in printed) and any(p in words.texts for p in pdf)
    return Weighed(on_printed, on_pdf, sum(words.weight(w) for w in on_printed), sum(words.weight(w) for w in on_pdf),
                   missing)


def _quoted(words: Iterable[str], by_weight: PageWords) -> str:
    best = sorted(words, key=lambda w: -by_weight.weight(w))[:SHOWN]
    return "".join(f"「{w}」" for w in best)


def note(cited: tuple[int, ...], pdf: tuple[int, ...], got: Weighed, words: PageWords) -> str:
    """Why the reference was read as PDF pages (``got.prefers_pdf()``), or why
    not although the words lean that way; "" when there is nothing to say."""
    said, printed = page_list(cited), page_list(pdf)
    if got.prefers_pdf():
        head = f"{said} は PDF の通し番号（印刷ページでは {printed}）と判断しました: "
        if got.printed_missing:
            return head + f"この版に印刷ページ {said} はなく、意見の語句{_quoted(got.pdf, words)}は {printed} にあります。"
        return head + f"意見の語句{_quoted(got.pdf_only(), words)}は {printed} にあり、{said} にはありません。"
    if got.pdf_weight > got.printed_weight:
        return (f"{said} は印刷ページとして読みました。PDF の通し番号なら印刷ページでは {printed} にあたり、"
                f"意見の語句{_quoted(got.pdf_only() or got.pdf, words)}はそちらにもありますが、決め手になりません。")
    return ""


def _replace_mismatch(res: Resolution, text: str) -> Resolution:
    kept = tuple(w for w in res.warnings if not w.startswith(MISMATCH))
    return replace(res, warnings=kept + (text,))


MISMATCH = "ページ（"  # resolve's 「ページ（P.20）と見出しが一致しません…」


def read_pages(locator: Locator, opinion: str, res: Resolution, resolve_at: Callable[[Locator], Resolution],
               page_map: tuple[tuple[int, int], ...], words: Callable[[], PageWords]) -> tuple[Locator, Resolution]:
    """The reference's pages read as printed (``res``, ``locator``) or as PDF
    pages (``resolve_at`` the printed pages they stand for), with the reason
    in the resolution's warnings and its first candidate's reason. ``words``
    gives the version's ``PageWords`` (built once, when first needed)."""
    pdf = pdf_reading(locator.pages, page_map)
    if not pdf:
        return locator, res
    as_pdf = replace(locator, pages=pdf)
    other = resolve_at(as_pdf)
    if not other.chosen:
        return locator, res
    cited = locator.pages
    if other.chosen == res.chosen:
        mismatch = any(w.startswith(MISMATCH) for w in res.warnings)
        if mismatch and not any(w.startswith(MISMATCH) for w in other.warnings):
            # the heading named is printed on the PDF reading's pages, not on the cited ones
            why = (f"{page_list(cited)} は PDF の通し番号（印刷ページでは {page_list(pdf)}）と判断しました: "
                   f"該当箇所の見出しは {page_list(pdf)} にあり、{page_list(cited)} にはありません。")
            return as_pdf, _replace_mismatch(res, why)
        return locator, res
    got = weigh(opinion, cited, pdf, words())
    why = note(cited, pdf, got, words())
    if not got.prefers_pdf():
        return locator, (replace(res, warnings=res.warnings + (why,)) if why else res)
    cands = other.candidates
    if cands:
        head = cands[0]
        cands = (replace(head, reason=(head.reason + "、" if head.reason else "") + f"{page_list(cited)} を PDF の通し番号として"),
                 *cands[1:])
    return as_pdf, replace(other, candidates=cands, warnings=other.warnings + (why,))
