"""A cited page read as the PDF viewer's page, when the opinion says so.

Published plans open with unnumbered pages (表紙, 目次), so a commenter who
reads the number off the PDF viewer cites the PDF's own page — printed page 18
is PDF page 20 behind a cover and a 目次 — instead of the footer's. A version
that keeps its PDF's page map (``Document.page_map``) lets a reference's pages
be read both ways: as printed (what a reference means by default) and as PDF
pages (``pdf_reading``).

When the two readings resolve to different sections, the opinion's words
decide (``weigh``): each word of the opinion (a run of kanji and katakana, of
Latin letters; a 「」 quote) found in a reading's text — its sections' text;
only what they print on its pages for a section holding the other reading's —
counts for that reading, weighted by how few pages of the plan hold it (a
word on every page weighs nothing). The PDF reading is taken only when its
text holds the words better than any other section of its depth (they point
at it, not just occur there: words a plan repeats everywhere point nowhere),
at least ``MARGIN`` times the weight of the printed reading's, and at least
``MIN_WORDS`` words the printed reading lacks — or, when the version prints no
such page at all, any of them. The PDF reading must name a place as
precisely as the printed one (``comparable``: not several tied places, not a
chapter around it). A tie or a close call keeps the printed
reading, and so does a printed reading the words fit (it then weighs at least
half). The choice and its words are the evidence (the note in the
resolution's warnings).

Pure.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from revtool.comments.resolution import PAGE_MISMATCH, Resolution
from revtool.model import Document, Locator, Section, SectionPath
from revtool.pages import page_list
from revtool.text_chars import KANJI_ALL_AND_HEXAGRAMS, KATAKANA

MARGIN = 2.0  # the PDF reading's words must weigh at least this many times the printed reading's
MIN_WORDS = 2  # and hold at least this many words of the opinion that the printed pages lack
SHOWN = 3  # words quoted in a note

_K = f"[{KANJI_ALL_AND_HEXAGRAMS}]"
_OKURI = "[" + "".join(chr(c) for c in range(0x3041, 0x3097) if chr(c) not in "のをにがはとでもへやかねよ") + "]"  # not a particle
_KATA = f"[{KATAKANA}]"
_PART = re.compile(
    rf"{_K}+(?:{_OKURI}{{1,2}}{_K}+)*"  # 地域通貨, 担い手, 見守り活動
    rf"|{_KATA}{{2,}}"  # カタカナ
    r"|[A-Za-z][A-Za-z0-9]+"  # DX, ICT
)
_WORD = re.compile(rf"(?:{_K}|{_KATA})+(?:{_OKURI}{{1,2}}(?:{_K}|{_KATA})+)*|[A-Za-z][A-Za-z0-9]+")  # 温室効果ガス排出量
_QUOTE = re.compile(r"「([^「」]{2,40})」")
_SPACE = re.compile(r"\s+")


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
    """NFKC without whitespace: full-width letters and digits fold (ＤＸ = DX),
    and a word broken over lines is found whole."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


class PageWords:
    """The text printed on each page of a version (section headings and
    blocks; a block over several pages split where it turns the page when it
    says so, else counted on each of its pages), keyed for comparison, each
    piece with the path of its section; and, per word, the pages holding it
    (memoized)."""

    def __init__(self, parts: dict[int, list[tuple[SectionPath, str]]]) -> None:
        self.parts = parts
        self.pages = sorted(parts)
        self.texts = {p: "\x00".join(t for _, t in parts[p]) for p in self.pages}
        self.joined = "\x01".join(self.texts[p] for p in self.pages)
        starts, at = [], 0
        for p in self.pages:
            starts.append(at)
            at += len(self.texts[p]) + 1
        self.starts = starts
        self._on: dict[str, tuple[int, ...]] = {}
        self._peers: dict[int, dict[SectionPath, str]] = {}
        self._hits: dict[tuple[str, int], tuple[SectionPath, ...]] = {}
        # weigh() of an opinion against two readings: campaign rows repeat all of it (issue 15)
        self.weighed: dict[tuple[str, tuple[int, ...], tuple[SectionPath, ...], tuple[int, ...], tuple[SectionPath, ...]], Weighed] = {}

    @staticmethod
    def of(doc: Document) -> "PageWords":
        parts: dict[int, list[tuple[SectionPath, str]]] = {}

        def add(page: int, path: SectionPath, text: str) -> None:
            key = _key(text)
            if key:
                parts.setdefault(page, []).append((path, key))

        def visit(sec: Section, parent: SectionPath) -> None:
            path = parent + (sec.heading,)
            if sec.pages is not None:
                add(sec.pages.first, path, sec.heading)
            for b in sec.blocks:
                if b.pages is None:
                    continue
                if b.page_breaks:
                    cuts = (0, *b.page_breaks, len(b.text))
                    for k in range(len(cuts) - 1):
                        add(b.pages.first + k, path, b.text[cuts[k]:cuts[k + 1]])
                else:
                    key = _key(b.text)  # keyed once, counted on each of its pages
                    if key:
                        for page in b.pages.pages():
                            parts.setdefault(page, []).append((path, key))
            for c in sec.children:
                visit(c, path)

        for b in doc.front:
            if b.pages is not None:
                for page in b.pages.pages():
                    add(page, (), b.text)
        for s in doc.sections:
            visit(s, ())
        return PageWords(parts)

    def on(self, word: str) -> tuple[int, ...]:
        """The pages holding ``word`` (not across a page's pieces)."""
        got = self._on.get(word)
        if got is None:
            found: list[int] = []
            at = self.joined.find(word)
            while at >= 0:
                k = bisect_right(self.starts, at)  # the page after the one found on
                found.append(self.pages[k - 1])
                if k >= len(self.starts):
                    break
                at = self.joined.find(word, self.starts[k])
            got = self._on[word] = tuple(found)
        return got

    def count(self, word: str) -> int:
        """How many pages hold ``word``."""
        return len(self.on(word))

    def weight(self, word: str) -> float:
        """log(pages / pages holding it): 0 for a word on every page, or none."""
        n = self.count(word)
        return math.log(len(self.pages) / n) if n else 0.0

    def within(self, pages: Iterable[int], paths: Iterable[SectionPath]) -> str:
        """The text printed on ``pages`` that belongs to one of the sections
        ``paths`` (or their subsections)."""
        roots = tuple(paths)
        return "\x00".join(t for p in pages for path, t in self.parts.get(p, ())
                            if any(path[:len(r)] == r for r in roots))

    def subtree(self, root: SectionPath) -> str:
        """The text of section ``root`` and its subsections, on every page."""
        return self.peers(len(root)).get(root, "")

    def peers(self, depth: int) -> dict[SectionPath, str]:
        """Every section at ``depth`` (a path of that length) with its subtree's text (memoized)."""
        got = self._peers.get(depth)
        if got is None:
            pieces: dict[SectionPath, list[str]] = {}
            for p in self.pages:
                for path, t in self.parts[p]:
                    if len(path) >= depth:
                        pieces.setdefault(path[:depth], []).append(t)
            got = self._peers[depth] = {k: "\x00".join(v) for k, v in pieces.items()}
        return got

    def reading_text(self, pages: tuple[int, ...], paths: Iterable[SectionPath], other: Iterable[SectionPath]) -> str:
        """What a reading says: its sections' text, all of it; only what is
        printed on its pages for a section holding one of the other reading's
        (a chapter holding both: its whole text would fit any opinion)."""
        others = tuple(other)
        out = []
        for c in paths:
            inside = any(o[:len(c)] == c for o in others)
            out.append(self.within(pages, [c]) if inside else self.subtree(c))
        return "\x00".join(out)

    def best_peer(self, found: Iterable[str], paths: Iterable[SectionPath]) -> float:
        """The weight of ``found`` in the section, of the depth of one of
        ``paths`` but not one of them, holding the most of it."""
        chosen = set(paths)
        best = 0.0
        for depth in sorted({len(c) for c in chosen}):
            score: dict[SectionPath, float] = {}
            for w in found:
                weight = self.weight(w)
                for path in self._peer_hits(w, depth):
                    if path not in chosen:
                        score[path] = score.get(path, 0.0) + weight
            best = max(best, max(score.values(), default=0.0))
        return best

    def _peer_hits(self, word: str, depth: int) -> tuple[SectionPath, ...]:
        got = self._hits.get((word, depth))
        if got is None:
            got = self._hits[(word, depth)] = tuple(p for p, t in self.peers(depth).items() if word in t)
        return got


def opinion_words(opinion: str, words: PageWords) -> list[str]:
    """The words of ``opinion`` found somewhere in the plan: its 「」 quotes and
    its runs of kanji and katakana (with okurigana inside: 担い手, 見守り活動,
    温室効果ガス排出量) and of Latin letters; one the plan does not print whole
    by its kanji and katakana parts (not by pieces of them: 「推進事業」's 「進事」
    would be found in any 推進事業費); each once, in order."""
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
        for part in _PART.findall(w):  # not printed whole: its kanji and katakana parts
            if len(part) >= 2 and words.count(part):
                out.setdefault(part)
    return list(out)


@dataclass(frozen=True)
class Weighed:
    """The opinion's words in each reading's text (``PageWords.reading_text``), and their weights."""

    printed: tuple[str, ...]
    pdf: tuple[str, ...]
    printed_weight: float
    pdf_weight: float
    printed_missing: bool  # the version prints none of the cited pages
    elsewhere: float  # the words' weight in the section holding the most of them, but for the PDF reading's

    def pdf_only(self) -> tuple[str, ...]:
        return tuple(w for w in self.pdf if w not in self.printed)

    def prefers_pdf(self) -> bool:
        if self.pdf_weight <= 0 or self.pdf_weight <= self.elsewhere + 1e-9:
            return False  # the words are not there, or another section holds as many of them
        if self.printed_missing:
            return True
        return self.pdf_weight >= MARGIN * self.printed_weight and len(self.pdf_only()) >= MIN_WORDS


def weigh(opinion: str, printed: tuple[int, ...], printed_paths: tuple[SectionPath, ...], pdf: tuple[int, ...],
          pdf_paths: tuple[SectionPath, ...], words: PageWords) -> Weighed:
    """The opinion's words in each reading's text (``PageWords.reading_text``),
    and in the best other section at the depth of the PDF reading's."""
    found = opinion_words(opinion, words)
    printed_text = words.reading_text(printed, printed_paths, pdf_paths)
    pdf_text = words.reading_text(pdf, pdf_paths, printed_paths)
    on_printed = tuple(w for w in found if w in printed_text)
    on_pdf = tuple(w for w in found if w in pdf_text)
    missing = not any(p in words.texts for p in printed)
    return Weighed(on_printed, on_pdf, sum(words.weight(w) for w in on_printed), sum(words.weight(w) for w in on_pdf),
                   missing, words.best_peer(found, pdf_paths))


def _quoted(words: Iterable[str], by_weight: PageWords) -> str:
    best = sorted(words, key=lambda w: -by_weight.weight(w))[:SHOWN]
    return "".join(f"「{w}」" for w in best)


def _names(paths: Iterable[SectionPath], other: Iterable[SectionPath]) -> str:
    """「（1）現状と課題」, or as much of the path as tells it from ``other``'s
    (「基本目標3 子育て支援 （1）現状と課題」 in a templated plan)."""
    others = tuple(other)

    def name(p: SectionPath) -> str:
        k = 1
        while k < len(p) and any(o[-k:] == p[-k:] for o in others):
            k += 1
        return "「" + " ".join(" ".join(h.split()) for h in p[-k:]) + "」"

    return "、".join(name(p) for p in paths)


def note(cited: tuple[int, ...], pdf: tuple[int, ...], got: Weighed, words: PageWords,
         printed_paths: tuple[SectionPath, ...] = (), pdf_paths: tuple[SectionPath, ...] = ()) -> str:
    """Why the reference was read as PDF pages (``got.prefers_pdf()``), or why
    not although the words lean that way; "" when there is nothing to say."""
    said, printed = page_list(cited), page_list(pdf)
    there, here = f"{printed} の{_names(pdf_paths, printed_paths)}", f"{said} の{_names(printed_paths, pdf_paths)}"
    if got.prefers_pdf():
        head = f"{said} は PDF の通し番号（印刷ページでは {printed}）と判断しました: "
        if got.printed_missing:
            return head + f"この版に印刷ページ {said} はなく、意見の語句{_quoted(got.pdf, words)}は {there}にあります。"
        return head + f"意見の語句{_quoted(got.pdf_only(), words)}は {there}にあり、{here}にはありません。"
    if len(got.pdf_only()) >= MIN_WORDS and got.pdf_weight > max(got.printed_weight, got.elsewhere):
        # the words point at the PDF reading, but the printed reading holds more than half as many
        return (f"{said} は印刷ページ（{here}）として読みました。PDF の通し番号なら印刷ページでは {there}にあたり、"
                f"意見の語句{_quoted(got.pdf_only() or got.pdf, words)}はそちらにありますが、決め手になりません。")
    return ""


def _replace_mismatch(res: Resolution, text: str) -> Resolution:
    kept = tuple(w for w in res.warnings if not w.startswith(PAGE_MISMATCH))
    return replace(res, warnings=kept + (text,))


def comparable(printed: tuple[SectionPath, ...], other: Resolution) -> bool:
    """Whether the PDF reading names a place as precisely as the printed one,
    so that the opinion's words can weigh the two: one place or as many as
    the printed reading, none of them shared with it, none an ancestor of all
    of its (a chapter holds more words than the part inside it: that is no
    evidence). Always, when the printed reading names nothing."""
    if not printed:
        return True
    if other.ties or len(other.chosen) > max(1, len(printed)) or set(other.chosen) & set(printed):
        return False
    return min(len(p) for p in other.chosen) >= min(len(p) for p in printed)


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
        mismatch = [w for w in res.warnings if w.startswith(PAGE_MISMATCH)]
        if mismatch and not any(w.startswith(PAGE_MISMATCH) for w in other.warnings):
            # the heading (or the text) the reference names is printed on the PDF reading's pages, not on the cited ones
            what = "該当箇所の見出し" if "見出し" in mismatch[0] else "該当箇所の語句を含む本文"
            why = (f"{page_list(cited)} は PDF の通し番号（印刷ページでは {page_list(pdf)}）と判断しました: "
                   f"{what}は {page_list(pdf)} にあり、{page_list(cited)} にはありません。")
            return as_pdf, _replace_mismatch(res, why)
        return locator, res
    if not comparable(res.chosen, other):
        return locator, res
    pages = words()
    key = (opinion, cited, res.chosen, pdf, other.chosen)
    got = pages.weighed.get(key)
    if got is None:
        got = pages.weighed[key] = weigh(opinion, cited, res.chosen, pdf, other.chosen, pages)
    why = note(cited, pdf, got, pages, res.chosen, other.chosen)
    if not got.prefers_pdf():
        return locator, (replace(res, warnings=res.warnings + (why,)) if why else res)
    cands = other.candidates
    if cands:
        head = cands[0]
        cands = (replace(head, reason=(head.reason + "、" if head.reason else "") + f"{page_list(cited)} を PDF の通し番号として"),
                 *cands[1:])
    return as_pdf, replace(other, candidates=cands, warnings=other.warnings + (why,))
