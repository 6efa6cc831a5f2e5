"""Oracle for tests/test_resolve_indexed.py: comments/resolve.py as it was before
resolution was indexed by classes (every candidate section scored one by one).
Do not change it to follow resolve.py; it is the reference the indexed path must equal.

Locator × Document → ranked candidate sections, the chosen ones, warnings.

Each part of the reference votes: the title (fuzzy, numbering stripped, NFKC),
the numbering labels (the last one on the section, earlier ones on its
ancestors: 第2章 1. (2)), and the printed pages (inside the section's span).
The title weighs most, so when page and title disagree the title wins and a
warning says so. A page alone resolves to the smallest section holding
everything on that page. 「各施策」 resolves to the section whose children are
the 施策s. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from revtool.comments.refs import LABEL, is_truncated, label_key, nfkc, strip_truncation
from revtool.model import Candidate, Document, Locator, Section, SectionPath
from revtool.pages import page_list, page_range

W_TITLE, W_NUMBER, W_PAGE = 0.5, 0.3, 0.2
MIN_TITLE = 0.6  # below this a title does not count as naming the section
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class Entry:
    path: SectionPath
    section: Section
    number: str  # label_key of the numbering
    title: str  # comparison key of the title
    depth: int
    heading: str = ""  # comparison key of the whole heading (numbering the extractor left in)


@dataclass(frozen=True)
class Resolution:
    candidates: tuple[Candidate, ...]
    chosen: tuple[SectionPath, ...]
    pages: tuple[int, ...]  # printed pages of the chosen sections
    warnings: tuple[str, ...]


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
    entries by number, children by parent, and which entries hold each
    character of a title or heading (for blocking, ``title_candidates``)."""

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__(entries)
        self.by_path: dict[SectionPath, Entry] = {e.path: e for e in entries}
        self.known: set[str] = {e.number for e in entries}
        self.order: dict[SectionPath, int] = {e.path: i for i, e in enumerate(entries)}
        self.by_number: dict[str, list[int]] = {}
        self.children: dict[SectionPath, list[Entry]] = {}
        self.postings: dict[str, set[int]] = {}
        for i, e in enumerate(entries):
            self.by_number.setdefault(e.number, []).append(i)
            self.children.setdefault(e.path[:-1], []).append(e)
            if e.title:
                for ch in set(e.title) | set(e.heading):
                    self.postings.setdefault(ch, set()).add(i)

    def title_candidates(self, query: str, threshold: float) -> set[int]:
        """Entries whose title or heading can reach ``fuzz.ratio`` ≥ ``threshold``
        against ``query``: a ratio 2M/(a+b) ≥ t needs M ≥ t·a/(2−t) characters in
        common, so a section sharing none of the query's rarest characters (all
        but fewer than that many of its positions) cannot reach it. Exact, not
        a heuristic; far fewer entries than the whole document."""
        if not query:
            return set()
        need = threshold * len(query) / (2 - threshold) - 1e-6
        counts: dict[str, int] = {}
        for ch in query:
            counts[ch] = counts.get(ch, 0) + 1
        uncovered = len(query)
        out: set[int] = set()
        for ch in sorted(counts, key=lambda c: (len(self.postings.get(c, ())), c)):
            if uncovered < need:
                break
            out |= self.postings.get(ch, set())
            uncovered -= counts[ch]
        return out


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


def _number_sim(numbers: tuple[str, ...], entry: Entry, by_path: dict[SectionPath, Entry],
                known: set[str]) -> float:
    if not numbers or not entry.number:
        return 0.0
    last = numbers[-1]
    if entry.number != last:
        # 施策1.1 is an extraction artifact for 施策11 when no 施策1.1 exists
        if last in known or "." not in last or entry.number != last.replace(".", "").rstrip("."):
            return 0.0
        base = 0.9
    else:
        base = 1.0
    if len(numbers) == 1:
        return base
    ancestors = [by_path[entry.path[:i]].number for i in range(1, len(entry.path))]
    # earlier labels must appear among the ancestors, in order
    it = iter(ancestors)
    if all(any(a == n for a in it) for n in numbers[:-1]):
        return base
    # 「第2章 2 (1)」 where the document numbers the middle level 第2節
    it = iter(ancestors)
    if all(any(_same_number(a, n) for a in it) for n in numbers[:-1]):
        return base * 0.9
    return base * 0.6


def _same_number(a: str, n: str) -> bool:
    if a == n:
        return True
    digits_a = re.sub(r"\D", "", a)
    return n.isdigit() and digits_a == n


def _in_pages(entry: Entry, pages: tuple[int, ...]) -> bool:
    span = entry.section.pages
    return span is not None and any(span.first <= p <= span.last for p in pages)


def _page_sections(entries: SectionIndex, pages: tuple[int, ...]) -> list[Entry]:
    """For a page-only reference: the smallest section that holds everything
    printed on those pages (the common ancestor of the deepest sections there)."""
    deepest: list[Entry] = []
    for e in entries:
        if not _in_pages(e, pages):
            continue
        if any(_in_pages(c, pages) for c in entries.children.get(e.path, ())):
            continue
        deepest.append(e)
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


def _pages_of(sections: list[Section]) -> tuple[int, ...]:
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


def _candidates(entries: SectionIndex, title: str, last: str, truncated: bool,
                numbers: tuple[str, ...]) -> list[int]:
    """Entries that can score: a title similarity ≥ MIN_TITLE (the title, or
    the last word group at 0.95) or a matching number; in document order. A
    truncated title is compared by ``partial_ratio`` too: every entry then."""
    if title and truncated:
        return list(range(len(entries)))
    found: set[int] = set()
    if title:
        found |= entries.title_candidates(title, MIN_TITLE)
        if last and last != title:
            found |= entries.title_candidates(last, MIN_TITLE / 0.95)
    if numbers:
        last_number = numbers[-1]
        found.update(entries.by_number.get(last_number, ()))
        if last_number not in entries.known and "." in last_number:
            found.update(entries.by_number.get(last_number.replace(".", "").rstrip("."), ()))
    return sorted(found)


def resolve(locator: Locator, doc: Document, entries: list[Entry] | None = None) -> Resolution:
    """``entries``: ``index(doc)`` when the caller resolves many references
    against one document (built once, not per reference)."""
    if entries is None:
        entries = index(doc)
    elif not isinstance(entries, SectionIndex):
        entries = SectionIndex(list(entries))
    by_path = entries.by_path
    known = entries.known
    title = strip_truncation(title_key(locator.title)) if locator.title else ""
    words = locator.title.split()
    last = strip_truncation(title_key(words[-1])) if len(words) > 1 else ""
    truncated = bool(locator.title) and is_truncated(title_key(locator.title))
    warnings: list[str] = []
    has_title, has_number, has_pages = bool(title), bool(locator.numbers), bool(locator.pages)

    if not (has_title or has_number or has_pages or locator.every):
        return Resolution((), (), (), ("該当箇所から節やページを読み取れません。",))

    if has_pages and not has_title and not has_number and not locator.every:
        found = _page_sections(entries, locator.pages)
        if not found:
            return Resolution((), (), (), (f"{page_list(locator.pages)} にあたる節が見つかりません。",))
        cands = tuple(Candidate(e.path, 1.0, f"{page_list(locator.pages)} を含む最小の節") for e in found)
        return Resolution(cands, tuple(e.path for e in found), _pages_of([e.section for e in found]),
                          tuple(warnings))

    # the sections the reference names as the parent of what it points at (「施策4-1-2 観光の振興 現状と課題」):
    # by its single number, by its leading word groups (session 5, blind3 B3-7)
    lead = title_key(" ".join(words[:-1])) if last else ""
    num_parents = {e.path for e in entries if has_title and len(locator.numbers) == 1 and e.number == locator.numbers[0]}
    title_parents = {e.path for e in entries if has_title and lead and _title_sim(lead, False, e) >= 0.85}

    def parent_in(path: SectionPath, parents: set[SectionPath]) -> SectionPath | None:
        return next((path[:k] for k in range(len(path) - 1, 0, -1) if path[:k] in parents), None)

    scored: list[tuple[float, int, Entry, str]] = []
    for order in _candidates(entries, title, last, truncated, locator.numbers if has_number else ()):
        e = entries[order]
        t = _title_sim(title, truncated, e, last) if has_title else 0.0
        if has_title and t < MIN_TITLE:
            t_part = 0.0
        else:
            t_part = t
        n = _number_sim(locator.numbers, e, by_path, known) if has_number else 0.0
        parent = ""
        if t_part:
            named = parent_in(e.path, num_parents) if n == 0 else None
            if named is not None and t_part > _title_sim(title, truncated, by_path[named], last):
                n, parent = 1.0, "番号"
            if last and parent_in(e.path, title_parents) and _title_sim(last, truncated, e) > t_part:
                t = t_part = _title_sim(last, truncated, e)
                parent += ("・" if parent else "") + "見出し"
        p = 1.0 if has_pages and _in_pages(e, locator.pages) else 0.0
        weight = (W_TITLE if has_title else 0) + (W_NUMBER if has_number else 0) + (W_PAGE if has_pages else 0)
        if weight == 0:
            continue
        if t_part == 0 and n == 0:
            continue  # the page alone does not name a section when a label/title was given
        score = (W_TITLE * t_part + W_NUMBER * n + W_PAGE * p) / weight
        reasons = []
        if t_part:
            reasons.append(f"見出し一致 {t:.2f}")
        if n:
            reasons.append("番号一致" if n >= 1 else f"番号一致 {n:.2f}")
        if p:
            reasons.append(f"{page_list(locator.pages)} を含む")
        scored.append((score, order, e, "、".join(reasons) + (f"（上位の節の{parent}を含めて）" if parent else "")))
    scored.sort(key=lambda x: (-x[0], -x[2].depth if not has_title else 0, x[1]))

    if not scored:
        if has_pages:  # the words name no heading: fall back on the pages
            found = _page_sections(entries, locator.pages)
            if found:
                note = (f"「{locator.raw}」は見出しと一致しないため、"
                        f"{page_list(locator.pages)} を含む節に対応付けました。")
                cands = tuple(Candidate(e.path, round(W_PAGE / (W_PAGE + W_TITLE), 3), "ページのみ一致") for e in found)
                return Resolution(cands, tuple(e.path for e in found), _pages_of([e.section for e in found]), (note,))
        msg = f"「{locator.raw}」にあたる節が見つかりません。"
        return Resolution((), (), (), (msg,))

    best_score = scored[0][0]
    top = [s for s in scored if abs(s[0] - best_score) < 1e-9]
    if len(top) > 1:
        # equal scores: prefer the deeper section only when one contains the other
        paths = [s[2].path for s in top]
        nested = all(paths[0] == p[: len(paths[0])] or p == paths[0][: len(p)] for p in paths)
        if nested:
            top = [max(top, key=lambda s: s[2].depth)]
        else:
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
            f"ページ（{page_list(locator.pages)}）と見出しが一致しません。見出しを優先しました: {spans}"
        )
    cands = tuple(Candidate(e.path, round(s, 3), r) for s, _, e, r in scored[:MAX_CANDIDATES])
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
                      _pages_of([e.section for e in chosen]), tuple(warnings))


def _span_label(section: Section) -> str:
    return page_range(section.pages)
