"""Locator × Document → ranked candidate sections, the chosen ones, warnings.

Each part of the reference votes: the title (fuzzy, numbering stripped, NFKC),
the numbering labels (the last one on the section, earlier ones on its
ancestors: 第2章 1. (2)), and the printed pages (inside the section's span).
The title weighs most, so when page and title disagree the title wins and a
warning says so. A page alone resolves to the smallest section holding
everything on that page. 「各施策」 resolves to the section whose children are
the 施策s. 「計画全体」 (``Locator.whole``) resolves to no section, quietly: the
comment is on the whole plan. Pure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from revtool.comments.page_reading import PageWords
from revtool.comments.refs import LABEL, is_truncated, label_key, nfkc, strip_truncation
from revtool.comments.resolution import PAGE_MISMATCH, Resolution
from revtool.model import Candidate, Document, Locator, Section, SectionPath
from revtool.pages import page_list, page_range

W_TITLE, W_NUMBER, W_PAGE = 0.5, 0.3, 0.2
MIN_TITLE = 0.6  # below this a title does not count as naming the section
LEAD_MIN = 0.85  # the first word groups of 「観光の振興 現状と課題」 name a parent only this closely
MAX_CANDIDATES = 5
MAX_TIES = 30  # equal-scoring sections handed to a tie-break (a reference naming more says too little)


@dataclass(frozen=True)
class Entry:
    path: SectionPath
    section: Section
    number: str  # label_key of the numbering
    title: str  # comparison key of the title
    depth: int
    heading: str = ""  # comparison key of the whole heading (numbering the extractor left in)


def title_key(text: str) -> str:
    t = re.sub(r"\s+", "", nfkc(text))
    return t.strip("()「」")


def _split_heading(section: Section) -> tuple[str, str]:
    if section.number:
        title = section.title or section.heading.replace(section.number, "", 1)
        return label_key(section.number), title_key(title)
    text = re.sub(r"\s+", " ", nfkc(section.heading)).strip()
    m = LABEL.match(text)
    if m:
        return label_key(m.group(0)), title_key(text[m.end():])
    return "", title_key(section.title or text)


class SectionIndex(list[Entry]):
    """The entries of a document (a list, in document order) with the lookup
    tables every resolution needs, built once: by path, the known numbers,
    children by parent, the entries on each printed page, the entries below
    each path (runs of the list), and *classes*: entries with the same number,
    title, heading and depth (「（2）主な取組」 under every 施策) score alike
    except for their ancestors and pages, so candidates are found and scored per class
    (``title_candidates``, ``number_classes``) and only the members an
    ancestor or a page sets apart are scored one by one (``resolve``)."""

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__(entries)
        self.by_path: dict[SectionPath, Entry] = {e.path: e for e in entries}
        self.known: set[str] = {e.number for e in entries}
        self.order: dict[SectionPath, int] = {e.path: i for i, e in enumerate(entries)}
        self.by_number: dict[str, list[int]] = {}
        self.children: dict[SectionPath, list[Entry]] = {}
        self.on_page: dict[int, list[int]] = {}  # printed page -> entries whose span holds it
        # path -> the entries whose path extends it, as runs [start, end) of consecutive
        # entries (one run per section so headed, in document order)
        self.below: dict[SectionPath, list[list[int]]] = {}
        self.cls: list[int] = []  # entry -> its class
        self.classes: list[list[int]] = []  # class -> its entries, in document order
        self.class_numbers: dict[str, list[int]] = {}  # number -> classes
        # character of a title or heading -> that string's length -> classes
        self.postings: dict[str, dict[int, set[int]]] = {}
        self._posting_size: dict[str, int] = {}
        keys: dict[tuple[str, str, str, int], int] = {}
        for i, e in enumerate(entries):
            self.by_number.setdefault(e.number, []).append(i)
            self.children.setdefault(e.path[:-1], []).append(e)
            for k in range(1, len(e.path)):
                runs = self.below.setdefault(e.path[:k], [])
                if runs and runs[-1][1] == i:
                    runs[-1][1] = i + 1
                else:
                    runs.append([i, i + 1])
            span = e.section.pages
            if span is not None:
                for page in range(span.first, span.last + 1):
                    self.on_page.setdefault(page, []).append(i)
            key = (e.number, e.title, e.heading, e.depth)
            c = keys.get(key)
            if c is None:
                c = keys[key] = len(self.classes)
                self.classes.append([])
                self.class_numbers.setdefault(e.number, []).append(c)
                if e.title:
                    for text in (e.title, e.heading):
                        for ch in set(text):
                            self.postings.setdefault(ch, {}).setdefault(len(text), set()).add(c)
                    for ch in set(e.title) | set(e.heading):
                        self._posting_size[ch] = self._posting_size.get(ch, 0) + 1
            self.cls.append(c)
            self.classes[c].append(i)
        # 「３　基本方針３　…」: a bare number whose title opens with the same number
        # named (基本方針3) answers to that name too (「第３章 基本方針３」)
        self.named: dict[SectionPath, str] = {}
        for i, e in enumerate(entries):
            if e.number.isdigit() and (m := LABEL.match(e.title)) and not m.group(0)[0].isdigit():
                name = label_key(m.group(0))
                if re.sub(r"\D", "", name) == e.number and name not in self.by_number.get(name, ()):
                    self.named[e.path] = name
                    self.by_number.setdefault(name, []).append(i)
                    if self.cls[i] not in self.class_numbers.get(name, ()):
                        self.class_numbers.setdefault(name, []).append(self.cls[i])
        self.known |= set(self.named.values())
        self._ancestors: dict[SectionPath, tuple[str, ...]] = {}
        self._digits: dict[str, str] = {}
        self._by_digits: dict[str, list[int]] | None = None
        self.title_memo: dict[tuple[str, str, bool], dict[int, float]] = {}  # see _title_scores
        self.rank_memo: dict[tuple, _Fixed] = {}  # see _fixed
        self._body: list[str] | None = None  # see body_hits
        self._dotted: dict[tuple[str, ...], set[str]] | None = None  # see dotted
        self.dotted_memo: dict[str, tuple[str, ...]] = {}  # see _dotted_reading
        self.rest_memo: dict[tuple[int, tuple[int, ...]], list[int]] = {}  # see _rest
        self._numbered_runs: dict[str, list[tuple[int, int]]] = {}  # see runs_below
        self.page_words: PageWords | None = None  # the text on each printed page: page_reading, built when needed

    def body_hits(self, name: str) -> list[int]:
        """Entries whose own text (paragraphs, table cells; not their
        subsections') holds ``name`` (a ``title_key``), in document order;
        each entry's text is keyed once, on the first call."""
        texts = self._body
        if texts is None:
            texts = self._body = [title_key("\n".join(b.text for b in e.section.blocks)) for e in self]
        return [i for i, t in enumerate(texts) if name in t]

    def dotted(self) -> dict[tuple[str, ...], set[str]]:
        """The dotted or hyphenated numbers of the document (施策4-1, 2.3) by their
        digits (("4", "1")), built on the first call."""
        got = self._dotted
        if got is None:
            got = self._dotted = {}
            for number in self.known:
                m = _DOTTED.fullmatch(number)
                if m:
                    got.setdefault(tuple(re.split(r"[.\-]", m.group(2))), set()).add(number)
        return got

    def ancestor_numbers(self, path: SectionPath) -> tuple[str, ...]:
        """The numbers of the sections above ``path``, outermost first (memoized)."""
        got = self._ancestors.get(path)
        if got is None:
            got = self._ancestors[path] = tuple(self.by_path[path[:i]].number for i in range(1, len(path)))
        return got

    def digits(self, number: str) -> str:
        got = self._digits.get(number)
        if got is None:
            got = self._digits[number] = re.sub(r"\D", "", number)
        return got

    def numbered(self, n: str) -> list[int]:
        """Entries whose number is ``n`` or, when ``n`` is all digits, whose
        number's digits are ``n`` (第2節 for 「2」): ``_same_number``."""
        if not n.isdigit():
            return self.by_number.get(n, [])
        if self._by_digits is None:
            self._by_digits = {}
            for i, e in enumerate(self):
                self._by_digits.setdefault(self.digits(e.number), []).append(i)
        return sorted(set(self.by_number.get(n, [])) | set(self._by_digits.get(n, [])))

    def runs_below(self, paths: Iterable[SectionPath], first: str | None = None) -> list[tuple[int, int]]:
        """The entries whose path extends one of ``paths`` or the path of one
        of the entries ``numbered(first)``: disjoint runs [start, end), in
        order (those of ``first`` memoized)."""
        spans: list[tuple[int, int]] = []
        if first is not None:
            got = self._numbered_runs.get(first)
            if got is None:
                got = self._numbered_runs[first] = _merged(
                    [(a, b) for p in {self[i].path for i in self.numbered(first)} for a, b in self.below.get(p, ())])
            spans = got
        more = [(a, b) for p in paths for a, b in self.below.get(p, ())]
        return _merged(spans + more) if more else spans

    def title_candidates(self, query: str, threshold: float) -> set[int]:
        """Classes whose title or heading can reach ``fuzz.ratio`` ≥ ``threshold``
        against ``query``. A ratio 2M/(a+b) ≥ t (M characters in common, in
        order) needs M ≥ t·a/(2−t), so a text sharing none of the query's
        rarest characters (all but fewer than that many of its positions)
        cannot reach it; and, as M ≤ min(a, b), a text of length b outside
        [a·t/(2−t), a·(2−t)/t] cannot either. Exact, not a heuristic; far fewer
        classes than the whole document."""
        if not query:
            return set()
        a = len(query)
        need = threshold * a / (2 - threshold) - 1e-6
        shortest, longest = threshold * a / (2 - threshold) - 1e-6, a * (2 - threshold) / threshold + 1e-6
        counts: dict[str, int] = {}
        for ch in query:
            counts[ch] = counts.get(ch, 0) + 1
        uncovered = a
        out: set[int] = set()
        for ch in sorted(counts, key=lambda c: (self._posting_size.get(c, 0), c)):
            if uncovered < need:
                break
            for length, classes in self.postings.get(ch, {}).items():
                if shortest <= length <= longest:
                    out |= classes
            uncovered -= counts[ch]
        return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs [start, end) made disjoint and sorted."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _inside(members: list[int], runs: list[tuple[int, int]], starts: list[int]) -> list[int]:
    """The ``members`` (ascending) inside the disjoint sorted ``runs`` (``starts``
    their starts), in order; by whichever of the two is shorter."""
    if len(members) <= len(runs):
        out = []
        for i in members:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < runs[k][1]:
                out.append(i)
        return out
    got: list[int] = []
    for a, b in runs:
        got.extend(members[bisect_left(members, a):bisect_left(members, b)])
    return got


def index(doc: Document) -> SectionIndex:
    out = []
    for path, section in doc.walk():
        number, title = _split_heading(section)
        out.append(Entry(path, section, number, title, len(path), title_key(section.heading)))
    return SectionIndex(out)


def _title_sim(query: str, truncated: bool, entry: Entry, last: str = "") -> float:
    """Similarity of the reference's title to the section's: the title, the
    whole heading, and (for 「計画策定の背景 国の動向」) the last word group."""
    if not query or not entry.title:
        return 0.0
    if query in (entry.title, entry.heading):
        return 1.0
    score = max(fuzz.ratio(query, entry.title), fuzz.ratio(query, entry.heading)) / 100
    if last and last != query:
        score = max(score, 0.95 * _title_sim(last, truncated, entry))
    if truncated and len(query) >= 2:
        if entry.title.startswith(query):
            score = max(score, 0.97)
        else:
            score = max(score, 0.9 * fuzz.partial_ratio(query, entry.title) / 100)
    return score


def _base_number_sim(numbers: tuple[str, ...], entry: Entry, entries: SectionIndex) -> float:
    """How well the last cited number names the entry's own number (1, 0.9, 0)."""
    if not numbers or not entry.number:
        return 0.0
    last = numbers[-1]
    if entry.number != last and entries.named.get(entry.path) != last:
        # 施策1.1 is an extraction artifact for 施策11 when no 施策1.1 exists
        if last in entries.known or "." not in last or entry.number != last.replace(".", "").rstrip("."):
            return 0.0
        return 0.9
    return 1.0


def _number_sim(numbers: tuple[str, ...], entry: Entry, entries: SectionIndex) -> float:
    base = _base_number_sim(numbers, entry, entries)
    if base == 0:
        return 0.0
    if len(numbers) == 1:
        return base
    ancestors = entries.ancestor_numbers(entry.path)
    # earlier labels must appear among the ancestors, in order
    if _in_order(numbers[:-1], ancestors, lambda a, n: a == n):
        return base
    if entries.named:  # 「第３章 基本方針３（２）」 below 「３　基本方針３　…」
        named = tuple(entries.named.get(entry.path[:k], a) for k, a in enumerate(ancestors, 1))
        if named != ancestors and _in_order(numbers[:-1], named, lambda a, n: a == n):
            return base
    # 「第2章 2 (1)」 where the document numbers the middle level 第2節
    if _in_order(numbers[:-1], ancestors, lambda a, n: a == n or (n.isdigit() and entries.digits(a) == n)):
        return base * 0.9
    return base * 0.6


def _in_order(wanted: tuple[str, ...], ancestors: tuple[str, ...], same: Callable[[str, str], bool]) -> bool:
    """Each of ``wanted`` matches an ancestor, each after the previous match."""
    at = 0
    for n in wanted:
        while at < len(ancestors) and not same(ancestors[at], n):
            at += 1
        if at == len(ancestors):
            return False
        at += 1
    return True


def _in_pages(entry: Entry, pages: tuple[int, ...]) -> bool:
    span = entry.section.pages
    return span is not None and any(span.first <= p <= span.last for p in pages)


def _page_sections(entries: SectionIndex, pages: tuple[int, ...]) -> list[Entry]:
    """For a page-only reference: the smallest section that holds everything
    printed on those pages (the common ancestor of the deepest sections there)."""
    hit = sorted({i for p in pages for i in entries.on_page.get(p, ())})  # document order
    inside = {id(entries[i]) for i in hit}
    deepest = [entries[i] for i in hit
               if not any(id(c) in inside for c in entries.children.get(entries[i].path, ()))]
    if not deepest:
        return []
    common = deepest[0].path
    for e in deepest[1:]:
        n = 0
        while n < min(len(common), len(e.path)) and common[n] == e.path[n]:
            n += 1
        common = common[:n]
    if not common:  # the pages span several top-level parts
        return deepest
    return [entries.by_path[common]] if common in entries.by_path else []


def pages_of(sections: list[Section]) -> tuple[int, ...]:
    pages: set[int] = set()
    for s in sections:
        if s.pages is not None:
            pages.update(s.pages.pages())
    return tuple(sorted(pages))


def _every(entries: SectionIndex, scope: SectionPath, word: str) -> list[Entry]:
    """Sections under ``scope`` whose children are numbered with ``word``
    (施策1, 施策2 …): the parent of the 施策s."""
    parents: list[SectionPath] = []
    for e in entries:
        if e.path[: len(scope)] != scope or len(e.path) <= len(scope):
            continue
        if e.number.startswith(word) or (word in ("章", "節") and e.number.endswith(word)):
            parent = e.path[:-1]
            if parent not in parents:
                parents.append(parent)
    return [e for e in entries if e.path in parents] or [e for e in entries if e.path == scope]


def _title_scores(entries: SectionIndex, title: str, last: str, truncated: bool) -> dict[int, float]:
    """The classes whose title similarity (``_title_sim``) reaches MIN_TITLE,
    with it; memoized on the index (a 別紙1 cites 「ロードマップ」 or a chapter's
    title many times). Classes outside ``title_candidates`` cannot reach it; a
    truncated title is compared by ``partial_ratio`` too: every class then."""
    key = (title, last, truncated)
    got = entries.title_memo.get(key)
    if got is not None:
        return got
    if truncated:
        pool: Iterable[int] = range(len(entries.classes))
    else:
        pool = entries.title_candidates(title, MIN_TITLE)
        if last and last != title:
            pool = pool | entries.title_candidates(last, MIN_TITLE / 0.95)
    got = {}
    for c in sorted(pool):
        t = _title_sim(title, truncated, entries[entries.classes[c][0]], last)
        if t >= MIN_TITLE:
            got[c] = t
    entries.title_memo[key] = got
    return got


def _candidates(entries: SectionIndex, title: str, last: str, truncated: bool,
                numbers: tuple[str, ...]) -> tuple[list[int], dict[int, float]]:
    """Classes that can score: a title similarity ≥ MIN_TITLE (the title, or
    the last word group at 0.95) or a matching number. Second: the classes
    whose title reaches MIN_TITLE, with their similarity."""
    titled = _title_scores(entries, title, last, truncated) if title else {}
    found = set(titled)
    if numbers:
        last_number = numbers[-1]
        found.update(entries.class_numbers.get(last_number, ()))
        if last_number not in entries.known and "." in last_number:
            found.update(entries.class_numbers.get(last_number.replace(".", "").rstrip("."), ()))
    return sorted(found), titled


_Scored = tuple[float, int, Entry, str]


def _reasons(t_part: float, t: float, n: float, p: float, pages: tuple[int, ...]) -> str:
    reasons = []
    if t_part:
        reasons.append(f"見出し一致 {t:.2f}")
    if n:
        reasons.append("番号一致" if n >= 1 else f"番号一致 {n:.2f}")
    if p:
        reasons.append(f"{page_list(pages)} を含む")
    return "、".join(reasons)


@dataclass(frozen=True)
class _Ranking:
    head: list[_Scored]  # the first MAX_CANDIDATES
    ties: list[_Scored]  # those of them with the best score
    all_ties: list[Entry]  # every entry with the best score (at most MAX_TIES), in document order
    n_ties: int  # how many have the best score in all
    deepest: _Scored | None  # when every tie is nested with the first: the first deepest of them


def _named_parents(entries: SectionIndex, numbers: tuple[str, ...], lead: str) -> tuple[set[SectionPath], set[SectionPath]]:
    """The sections a reference names as the *parent* of what it points at:
    「施策4-1-2 観光の振興 現状と課題」 names 施策4-1-2 by its number (when it
    cites a single number) and by its title (the word groups before the last,
    ``lead``), and points at the 現状と課題 inside it. (by number, by title)."""
    by_number: set[SectionPath] = set()
    if len(numbers) == 1:
        by_number = {entries[i].path for i in entries.by_number.get(numbers[0], ())}
    by_title: set[SectionPath] = set()
    if lead:
        for c, sim in _title_scores(entries, lead, "", False).items():
            if sim >= LEAD_MIN:
                by_title.update(entries[i].path for i in entries.classes[c])
    return by_number, by_title


def _under(path: SectionPath, parents: set[SectionPath]) -> SectionPath | None:
    """The nearest of ``parents`` above ``path``, or None."""
    return next((path[:k] for k in range(len(path) - 1, 0, -1) if path[:k] in parents), None)


@dataclass(frozen=True)
class _Fixed:
    """What a ranking owes to the reference's title, numbers and lead, not to its
    pages: memoized on the index (a 別紙1 cites 「（2）主な取組」 with a
    different page hundreds of times, and the sections its number names grow
    with the plan: issue 15)."""
    found: list[int]  # the classes that can score
    titled: dict[int, float]
    parent_by_number: set[SectionPath]
    parent_by_title: set[SectionPath]
    apart: dict[int, list[int]]  # class -> members set apart by an ancestor the reference names
    rest: dict[int, list[int]]  # class -> the other members, in document order
    singles: dict[int, list[_Scored]]  # class -> its members set apart, scored as when no page is cited
    # class -> (score, reasons) of its other members, None when they cannot score: filled by _ranked
    base: dict[int, tuple[float, str] | None] = field(default_factory=dict)


def _fixed(entries: SectionIndex, numbers: tuple[str, ...], title: str, last: str, truncated: bool, lead: str,
           has_pages: bool) -> _Fixed:
    key = (numbers, title, last, truncated, lead, has_pages)
    got = entries.rank_memo.get(key)
    if got is not None:
        return got
    found, titled = _candidates(entries, title, last, truncated, numbers)
    # members set apart whatever the pages: below a section the first cited number can
    # name, or a parent the reference names; looked for among the classes that can
    # score only (not collected from every subtree: those grow with the plan, issue 15)
    parent_by_number, parent_by_title = _named_parents(entries, numbers, lead) if title else (set(), set())
    runs = entries.runs_below(parent_by_number | parent_by_title, numbers[0] if len(numbers) > 1 else None)
    by_class: dict[int, list[int]] = {}
    if runs:
        starts = [a for a, _ in runs]
        for c in found:
            members = _inside(entries.classes[c], runs, starts)
            if members:
                by_class[c] = members
    got = _Fixed(found, titled, parent_by_number, parent_by_title, by_class, {}, {})
    for c in found:
        special = by_class.get(c)
        got.rest[c] = _rest(entries, c, special) if special else entries.classes[c]
        if special:
            got.singles[c] = [s for s in (_single(entries, got, i, numbers, title, last, truncated, False, (), has_pages)
                                          for i in special) if s is not None]
    entries.rank_memo[key] = got
    return got


def _rest(entries: SectionIndex, c: int, special: list[int]) -> list[int]:
    """The members of class ``c`` other than ``special`` (those set apart), in
    document order; memoized on the index: references naming the same parents
    set apart the same members of a class that grows with the plan (issue 15)."""
    key = (c, tuple(special))
    got = entries.rest_memo.get(key)
    if got is None:
        apart = set(special)
        got = entries.rest_memo[key] = [i for i in entries.classes[c] if i not in apart]
    return got


def _single(entries: SectionIndex, fixed: _Fixed, i: int, numbers: tuple[str, ...], title: str, last: str,
            truncated: bool, on_page: bool, pages: tuple[int, ...], has_pages: bool) -> _Scored | None:
    """A member set apart (on a cited page, or below a section the reference
    names), scored by itself; None when only its page would name it."""
    has_title, has_number = bool(title), bool(numbers)
    weight = (W_TITLE if has_title else 0) + (W_NUMBER if has_number else 0) + (W_PAGE if has_pages else 0)
    e = entries[i]
    t_part = fixed.titled.get(entries.cls[i], 0.0)
    n = _number_sim(numbers, e, entries) if has_number else 0.0
    p = 1.0 if on_page else 0.0
    if t_part == 0 and n == 0:
        return None  # the page alone does not name a section when a label/title was given
    parent_by_number, parent_by_title = fixed.parent_by_number, fixed.parent_by_title
    t_e, parent = t_part, ""
    if t_part and (parent_by_number or parent_by_title):
        named = _under(e.path, parent_by_number) if n == 0 else None
        if named is not None and t_part > _title_sim(title, truncated, entries.by_path[named], last):
            # the cited number is the parent's, the title names this part better
            # than the parent: 「施策4-1-2 現状と課題」 (not 「3. 公共交…」 for a 公共交通… below 3.)
            n, parent = 1.0, "番号"
        if last and _under(e.path, parent_by_title) and _title_sim(last, truncated, e) > t_part:
            t_e = _title_sim(last, truncated, e)  # the last words name it, the first its parent
            parent += ("・" if parent else "") + "見出し"
    score = (W_TITLE * t_e + W_NUMBER * n + W_PAGE * p) / weight
    why = _reasons(t_e, t_e, n, p, pages) + (f"（上位の節の{parent}を含めて）" if parent else "")
    return (score, i, e, why)


def _ranked(entries: SectionIndex, locator: Locator, title: str, last: str, truncated: bool,
            lead: str = "") -> _Ranking:
    """The sections the reference can name, ranked (score, deeper first when no
    title was given, document order), as scoring every section and sorting
    would; but the members of a class that no ancestor or page sets apart
    share one score, so they are scored once and only the first few of them
    ranked. A section whose title the reference's last word group names, inside
    a parent the reference names first (by its number or title: 「施策4-1-2 観光の
    振興 現状と課題」), counts as named in full: number and title. What does
    not depend on the cited pages is computed once per index (``_fixed``)."""
    numbers, pages = locator.numbers, locator.pages
    has_title, has_number, has_pages = bool(title), bool(numbers), bool(pages)
    weight = (W_TITLE if has_title else 0) + (W_NUMBER if has_number else 0) + (W_PAGE if has_pages else 0)
    if weight == 0:
        return _Ranking([], [], [], 0, None)
    fixed = _fixed(entries, numbers if has_number else (), title, last, truncated, lead, has_pages)
    titled = fixed.titled
    # members set apart by a cited page, besides those an ancestor sets apart
    on_pages = {i for page in pages for i in entries.on_page.get(page, ())}
    paged: dict[int, list[int]] = {}
    for i in sorted(on_pages):
        paged.setdefault(entries.cls[i], []).append(i)

    def key(x: _Scored) -> tuple[float, int, int]:
        return (-x[0], -x[2].depth if not has_title else 0, x[1])

    singles: list[_Scored] = []  # scored one by one
    runs: list[tuple[float, int, list[int], str]] = []  # (score, class, members sharing it, reasons)
    for c in fixed.found:
        members = entries.classes[c]
        first = entries[members[0]]
        t = t_part = titled.get(c, 0.0)  # not there: found by its number, its title below MIN_TITLE
        on_page = paged.get(c, [])
        if on_page:
            for s in fixed.singles.get(c, ()):
                if s[1] not in on_pages:
                    singles.append(s)
            done = set(fixed.apart.get(c, ()))
            for i in fixed.apart.get(c, ()):
                if i in on_pages:
                    got = _single(entries, fixed, i, numbers, title, last, truncated, True, pages, has_pages)
                    if got is not None:
                        singles.append(got)
            for i in on_page:
                if i not in done:
                    got = _single(entries, fixed, i, numbers, title, last, truncated, True, pages, has_pages)
                    if got is not None:
                        singles.append(got)
        else:
            singles.extend(fixed.singles.get(c, ()))
        # the others: no page cited, no ancestor named by the first number
        if c in fixed.base:
            base = fixed.base[c]
        else:  # the same for every citation of this reference: scored once (issue 15)
            n = _base_number_sim(numbers, first, entries) if has_number else 0.0
            if len(numbers) > 1:
                n = n * 0.6
            base = fixed.base[c] = None if t_part == 0 and n == 0 else (
                (W_TITLE * t_part + W_NUMBER * n + W_PAGE * 0.0) / weight, _reasons(t_part, t, n, 0.0, ()))
        if base is None:
            continue
        rest = fixed.rest[c]
        if on_page:
            rest = [i for i in rest if i not in on_pages]
        if rest:
            runs.append((base[0], c, rest, base[1]))
    head = list(singles)
    for score, _, rest, why in runs:
        head.extend((score, i, entries[i], why) for i in rest[:MAX_CANDIDATES])
    head.sort(key=key)
    if not head:
        return _Ranking([], [], [], 0, None)
    best = head[0][0]
    tied = [s for s in singles if abs(s[0] - best) < 1e-9]
    tied_runs = [(score, rest, why) for score, _, rest, why in runs if abs(score - best) < 1e-9]
    top_path = head[0][2].path

    def nested(path: SectionPath) -> bool:
        return top_path == path[: len(top_path)] or path == top_path[: len(path)]

    # equal scores: resolve() takes the deepest when every one is nested with the first
    # (then there are few, one per depth); one that is not ends the search
    deepest = None
    if all(nested(s[2].path) for s in tied) and all(nested(entries[i].path) for _, rest, _ in tied_runs for i in rest):
        ties = tied + [(score, i, entries[i], why) for score, rest, why in tied_runs for i in rest]
        ties.sort(key=key)
        deepest = max(ties, key=lambda s: s[2].depth)
    n_ties = len(tied) + sum(len(rest) for _, rest, _ in tied_runs)
    all_ties: list[Entry] = []
    if 1 < n_ties <= MAX_TIES:
        order = sorted({s[1] for s in tied} | {i for _, rest, _ in tied_runs for i in rest})
        all_ties = [entries[i] for i in order]
    return _Ranking(head[:MAX_CANDIDATES], [s for s in head[:MAX_CANDIDATES] if abs(s[0] - best) < 1e-9],
                    all_ties, n_ties, deepest)


def resolve(locator: Locator, doc: Document, entries: list[Entry] | None = None) -> Resolution:
    """``entries``: ``index(doc)`` when the caller resolves many references
    against one document (built once, not per reference)."""
    if entries is None:
        entries = index(doc)
    elif not isinstance(entries, SectionIndex):
        entries = SectionIndex(list(entries))
    title = strip_truncation(title_key(locator.title)) if locator.title else ""
    words = locator.title.split()
    last = strip_truncation(title_key(words[-1])) if len(words) > 1 else ""
    truncated = bool(locator.title) and is_truncated(title_key(locator.title))
    warnings: list[str] = []
    has_title, has_number, has_pages = bool(title), bool(locator.numbers), bool(locator.pages)

    if locator.whole:  # 「計画全体」: the comment is on the whole plan, no section to look for
        return Resolution((), (), (), ())
    if not (has_title or has_number or has_pages or locator.every):
        return Resolution((), (), (), ("該当箇所から節やページを読み取れません。",))

    if has_pages and not has_title and not has_number and not locator.every:
        found = _page_sections(entries, locator.pages)
        if not found:
            return Resolution((), (), (), (f"{page_list(locator.pages)} にあたる節が見つかりません。",))
        cands = tuple(Candidate(e.path, 1.0, f"{page_list(locator.pages)} を含む最小の節") for e in found)
        return Resolution(cands, tuple(e.path for e in found), pages_of([e.section for e in found]),
                          tuple(warnings))

    lead = title_key(" ".join(words[:-1])) if last else ""
    reading = _dotted_reading(entries, locator.numbers)
    dotted = locator.numbers[-1] if reading else ""
    if reading:  # 「施策2.1」 in a plan numbering 2 … (1): ranked as 「2 (1)」
        locator = replace(locator, numbers=locator.numbers[:-1] + reading)
    ranking = _ranked(entries, locator, title, last, truncated, lead)
    scored, top = ranking.head, ranking.ties

    if not scored:
        body = _body_sections(entries, title, locator.pages) if title and not truncated else []
        if body:  # the words name no heading but what a section says: a 事業名 in its 事業一覧
            name = body_name(entries, title)
            cands = tuple(Candidate(e.path, round(W_TITLE / weight_of(locator), 3), f"本文に「{name}」を含む") for e in body)
            if has_pages and not any(_in_pages(e, locator.pages) for e in body):
                warnings.append(f"{PAGE_MISMATCH}{page_list(locator.pages)}）と本文の位置が一致しません。本文を優先しました: "
                                + "、".join(f"{' '.join(e.path[-1:])}（{_span_label(e.section)}）" for e in body))
            return Resolution(cands, tuple(e.path for e in body), pages_of([e.section for e in body]), tuple(warnings))
        if has_pages:  # the words name no heading: fall back on the pages
            found = _page_sections(entries, locator.pages)
            if found:
                note = (f"「{locator.raw}」は見出しと一致しないため、"
                        f"{page_list(locator.pages)} を含む節に対応付けました。")
                cands = tuple(Candidate(e.path, round(W_PAGE / (W_PAGE + W_TITLE), 3), "ページのみ一致") for e in found)
                return Resolution(cands, tuple(e.path for e in found), pages_of([e.section for e in found]), (note,))
        msg = f"「{locator.raw}」にあたる節が見つかりません。"
        return Resolution((), (), (), (msg,))

    ties: tuple[SectionPath, ...] = ()
    if ranking.n_ties > 1:
        # equal scores: prefer the deeper section only when one contains the other
        paths = [s[2].path for s in top]
        if ranking.deepest is not None:
            top = [ranking.deepest]
        else:
            ties = tuple(e.path for e in ranking.all_ties) if not locator.every else ()
            warnings.append(
                "該当箇所が複数の節に当てはまります: " + "、".join(" ".join(p) for p in paths[:5])
            )
            top = top[:3]
    chosen = [s[2] for s in top]
    if locator.every:
        scope = chosen[0].path
        chosen = _every(entries, scope, locator.every)
    if has_pages and not any(_in_pages(e, locator.pages) for e in chosen) and not locator.every:
        spans = "、".join(
            f"{' '.join(e.path[-1:])}（{_span_label(e.section)}）" for e in chosen
        )
        warnings.append(
            f"{PAGE_MISMATCH}{page_list(locator.pages)}）と見出しが一致しません。見出しを優先しました: {spans}"
        )
    cands = tuple(Candidate(e.path, round(s, 3), r) for s, _, e, r in scored[:MAX_CANDIDATES])
    if reading:
        cands = tuple(replace(c, reason=f"{c.reason}（「{dotted}」を「{' '.join(reading)}」と読んで）") for c in cands)
    if locator.every:
        cands = tuple(Candidate(e.path, 1.0, f"「各{locator.every}」: {locator.every}を含む節") for e in chosen) + cands
    chosen_paths = tuple(e.path for e in chosen)
    # chosen first, then the alternatives, no duplicates
    ordered = sorted(cands, key=lambda c: c.section_path not in chosen_paths)  # stable
    seen: set[SectionPath] = set()
    unique = []
    for c in ordered:
        if c.section_path not in seen:
            seen.add(c.section_path)
            unique.append(c)
    return Resolution(tuple(unique[:MAX_CANDIDATES]), chosen_paths,
                      pages_of([e.section for e in chosen]), tuple(warnings), ties)


BODY_MIN = 5  # characters of a name looked up in the sections' text (shorter ones are common words)
_BODY_TAIL = re.compile(r"(?:について|に関して|に関する(?:意見|記述|記載)?|の件|関係|関連)$")


# a kind of item with its name in brackets: KPI（新規就農者数）, 成果指標「認定農業者数」, 事業（…）
# (its closing bracket may be gone: ``title_key`` strips the title's ends)
_LABELLED = re.compile(r"([^()（）「」『』]{1,12}?)[(（「『]([^()（）「」『』]+)[)）」』]?")


def body_name(entries: SectionIndex, title: str) -> str:
    """The words of ``title`` to look up in the sections' text: the title without
    its tail (…について); for a kind of item named in brackets (KPI（新規就農者数）,
    the indicator a KPI table's row holds) the name inside when the whole is
    nowhere in the text."""
    name = _BODY_TAIL.sub("", title)
    m = _LABELLED.fullmatch(name)
    if m and len(m.group(2)) >= BODY_MIN and not entries.body_hits(name):
        return m.group(2)
    return name


def weight_of(locator: Locator) -> float:
    return (W_TITLE if locator.title else 0) + (W_NUMBER if locator.numbers else 0) + (W_PAGE if locator.pages else 0)


def _body_sections(entries: SectionIndex, title: str, pages: tuple[int, ...]) -> list[Entry]:
    """For a reference whose words name no heading (「介護支援ボランティアポイント事業
    について」): the section whose own text holds them (the 事業一覧 listing that
    事業), when one does; those on the cited pages first; [] when none does, or
    several that are not nested (the deepest when they are)."""
    name = body_name(entries, title)
    if len(name) < BODY_MIN:
        return []
    hits = [entries[i] for i in entries.body_hits(name)]
    if pages:
        hits = [e for e in hits if _in_pages(e, pages)] or hits
    if not hits:
        return []
    deepest = max(hits, key=lambda e: e.depth)
    if any(deepest.path[: len(e.path)] != e.path for e in hits):
        return []  # several places say it: the words do not tell which is meant
    return [deepest]


_DOTTED = re.compile(r"(\D*?)(\d+(?:[.\-]\d+)+)")


def _dotted_reading(entries: SectionIndex, numbers: tuple[str, ...]) -> tuple[str, ...]:
    """「施策2.1」 (or 2-1) when no section is numbered so, nor 施策21 (the dotless
    extraction artifact): the numbers of the sections it names level by level,
    a section whose number's digits are 2 and, directly inside it, one whose
    number's digits are 1 (「2」「(1)」), when one such chain exists; when several
    do, the one under a heading holding the label's word (施策 → 「Ⅳ 施策の展開」).
    () when there is no such reading."""
    if not numbers:
        return ()
    last = numbers[-1]
    got = entries.dotted_memo.get(last)
    if got is None:  # a reading depends on the last number only: found once per index
        got = entries.dotted_memo[last] = _dotted_chain(entries, last)
    return got


def _dotted_chain(entries: SectionIndex, last: str) -> tuple[str, ...]:
    """``_dotted_reading`` of a reference whose last number is ``last``
    (each chain walks every section numbered like its first part: issue 15)."""
    m = _DOTTED.fullmatch(last)
    if not m or last in entries.known or last.replace(".", "").rstrip(".") in entries.known:
        return ()
    word, parts = m.group(1), tuple(re.split(r"[.\-]", m.group(2)))
    # the same numbers under another word (基本施策4-1 for a plan's 政策4-1): that section
    same = entries.dotted().get(parts, set())
    if same:
        return (next(iter(same)),) if len(same) == 1 else ()
    chains = [[entries[i]] for i in entries.numbered(parts[0])]
    for part in parts[1:]:
        chains = [chain + [c] for chain in chains for c in entries.children.get(chain[-1].path, ())
                  if c.number and entries.digits(c.number) == part]
    if word:  # 施策2.1 reads as 2 (1) only inside the part the word names (Ⅳ 施策の展開)
        chains = [ch for ch in chains if any(word in nfkc(h) for h in ch[-1].path)]
    if len(chains) != 1:
        return ()
    return tuple(e.number for e in chains[0])


def _span_label(section: Section) -> str:
    return page_range(section.pages)
