"""Split Changes into *facts*: the atomic edits a 別紙2 row talks about.

A diff engine may report a whole table or paragraph as one Change; a row of
「素案からの主な変更点」 talks about smaller things: a column added to a table,
one cell rewritten, a phrase deleted from a sentence. ``facts_of`` turns one
Change into such facts so that grouping and summaries work the same whatever
granularity the diff stage chose. Pure: no files, no clock, deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from revtool.compare import chardiff, morph
from revtool.compare.tablediff import align_tables
from revtool.model import Change, ChangeKind, EditOp, SectionPath, Table
from revtool.normalize import NUMBER_DASHES, compact_key

# Fact kinds
TEXT = "text"  # a span of a paragraph (or a cell reported alone) replaced/inserted/deleted
CELL = "cell"  # one table cell changed inside a table reported as a whole
ROW_ADDED = "row-added"
ROW_DELETED = "row-deleted"
COLUMN_ADDED = "column-added"
COLUMN_DELETED = "column-deleted"
BLOCK_ADDED = "block-added"  # a paragraph or list item added
BLOCK_DELETED = "block-deleted"
TABLE_ADDED = "table-added"
TABLE_DELETED = "table-deleted"
SECTION_ADDED = "section-added"
SECTION_DELETED = "section-deleted"
SECTION_RENAMED = "section-renamed"
SECTION_MOVED = "section-moved"
BLOCK_MOVED = "block-moved"  # a paragraph or list item moved, as it was, to another section


@dataclass(frozen=True)
class Fact:
    """One atomic edit. ``old``/``new`` are the changed spans expanded to natural
    units (a word, a cell, a row); ``old_unit``/``new_unit`` the enclosing unit
    (the sentence or the cell) for quoting; ``column`` the column header of a
    table cell, ``row_key`` the row's key cell."""

    change: Change
    kind: str
    old: str = ""
    new: str = ""
    old_unit: str = ""
    new_unit: str = ""
    column: str = ""
    row_key: str = ""
    order: tuple[int, int] = (0, 0)
    header: tuple[str, ...] = ()  # the table's header row, when known

    @property
    def section_path(self) -> SectionPath:
        return self.change.section_path

    @property
    def pages(self) -> tuple[int, ...]:
        return self.change.new_pages or self.change.old_pages

    @cached_property
    def polarity(self) -> str:
        """``+`` adds content, ``-`` removes it, ``~`` rewrites it."""
        if self.kind in (ROW_ADDED, BLOCK_ADDED, TABLE_ADDED, SECTION_ADDED):
            return "+"
        if self.kind in (ROW_DELETED, BLOCK_DELETED, TABLE_DELETED, SECTION_DELETED, COLUMN_DELETED):
            return "-"
        if self.kind in (TEXT, CELL):
            if self.old and not self.new:
                return "-"
            if self.new and not self.old:
                return "+"
            spans = text_spans(self.old, self.new)
            if spans and all(b1 == b2 for _, _, b1, b2 in spans):
                return "-"
            if spans and all(a1 == a2 for a1, a2, _, _ in spans):
                return "+"
        return "~"


# ---------------------------------------------------------------- text helpers

key = compact_key  # the comparison key of revtool.normalize: NFKC, no whitespace


_NUMBER_PREFIX = re.compile(
    r"^\s*(第[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)?(?:第?[0-9０-９一二三四五六七八九十]+項)?|"
    r"第[0-9０-９一二三四五六七八九十百]+[章節編部款項]|"
    r"[^\s\u30000-9０-９（(]{1,6}[0-9０-９]+(?:[" + NUMBER_DASHES + r".][0-9０-９]+)*|"
    r"[0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*[.．、]?|"
    r"[（(][0-9０-９一二三四五六七八九十]+[）)]|[①-⑳]|[ア-ン][.．、]?(?=[\s\u3000]))[\s\u3000]*"
)


@lru_cache(maxsize=65536)
def heading_title(heading: str) -> str:
    """The heading without its numbering (``施策2　防災DX…`` → ``防災DX…``)."""
    m = _NUMBER_PREFIX.match(heading)
    rest = heading[m.end():] if m else heading
    return rest.strip() or heading.strip()


@lru_cache(maxsize=65536)
def heading_number(heading: str) -> str:
    m = _NUMBER_PREFIX.match(heading)
    return m.group(1).strip() if m else ""


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


def _unit(text: str, start: int, end: int) -> str:
    """The sentence around [start, end)."""
    s = start
    while s > 0 and text[s - 1] not in _SENTENCE_END:
        s -= 1
    e = end
    while e < len(text) and text[e] not in _SENTENCE_END:
        e += 1
    if e < len(text) and text[e] == "。":
        e += 1
    return text[s:e].strip()


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
        out.append(_balanced(old, new, a1, a2, b1, b2))
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


def _balanced(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int, int, int]:
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


_LEADING_JOINERS = re.compile(r"^((?:また|あわせて|併せて|さらに|更に|なお)、|及び|および|並びに|ならびに|又は|または|若しくは|や|と|・|、|，|,)+")
_TRAILING_JOINERS = re.compile(r"(及び|および|並びに|ならびに|又は|または|や|と|・|、|，|,)+$")


def edit_core(text: str) -> str:
    """An edited span without the joiners around it (及び, ・, 、)."""
    t = text.strip().strip("\u3000")
    t = _LEADING_JOINERS.sub("", t)
    t = _TRAILING_JOINERS.sub("", t)
    return t.strip()


# ---------------------------------------------------------------- list items

_ITEM_MARKER = re.compile(
    r"^[\s\u3000]*(?:[\u2460-\u2473\u2776-\u277f\u24ea]|[（(][0-9０-９ア-ンa-zａ-ｚ]{1,2}[）)]"
    r"|[0-9０-９]{1,2}[.．)）]|[ア-ンa-zａ-ｚ][.．)）])[\s\u3000]*"
)


def item_marker(text: str) -> tuple[str, str]:
    """A list item's number (①, （2）, 3., ア)) and the rest of its text;
    ("", text) when it has none."""
    m = _ITEM_MARKER.match(text)
    if not m:
        return "", text
    return m.group(0).strip(), text[m.end():]


def marker_swaps(items: "list[tuple[str, str, str]]") -> list[tuple[int, int]]:
    """Among renumbered list items (body, old marker, new marker), the pairs of
    indexes whose bodies stayed and whose numbers traded: ① ⇄ ②."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, (body_a, om_a, nm_a) in enumerate(items):
        for j in range(i + 1, len(items)):
            body_b, om_b, nm_b = items[j]
            if i in used or j in used:
                continue
            if om_a == nm_b and nm_a == om_b and key(body_a) != key(body_b):
                out.append((i, j))
                used.update((i, j))
    return out


def renumbered_item(old: str, new: str) -> tuple[str, str, str] | None:
    """(body, old marker, new marker) when only a list item's number changed."""
    om, ob = item_marker(old)
    nm, nb = item_marker(new)
    if om and nm and om != nm and ob.strip() and key(ob) == key(nb):
        return ob.strip(), om, nm
    return None


# ---------------------------------------------------------------- tables


def is_table_text(text: str) -> bool:
    return "\t" in text


def parse_table(text: str) -> list[list[str]]:
    rows = [r.split("\t") for r in text.split("\n")]
    return [r for r in rows if any(c.strip() for c in r)]


_MARKERISH = re.compile(r"^[\s\u3000]*[0-9０-９]*[.．)）]?[\s\u3000]*$")


def row_key(row: list[str]) -> str:
    """A row's key: its first cell that is more than a number or a marker."""
    for c in row:
        if c.strip() and not _MARKERISH.match(c):
            return c.strip()
    return row[0].strip() if row else ""


def _table_facts(change: Change, idx: int) -> list[Fact]:
    """The facts of a table reported as one change (both texts tab-separated, first
    row the header), aligned as the diff stage aligns tables (``compare.tablediff``)."""
    old_rows, new_rows = parse_table(change.old_text), parse_table(change.new_text)
    if not old_rows or not new_rows:
        return []
    al = align_tables(Table.from_texts(old_rows), Table.from_texts(new_rows))
    facts: list[Fact] = []

    def add(**kw: object) -> None:
        facts.append(Fact(change=change, order=(idx, len(facts)), **kw))  # type: ignore[arg-type]

    def at(row: list[str], c: int) -> str:
        return row[c] if c < len(row) else ""

    def column(rows: list[list[str]], c: int) -> str:
        return "\n".join(r[c] for r in rows[1:] if c < len(r))

    oh, nh = old_rows[0], new_rows[0]
    both = sorted(((i, j) for i, j in al.columns if i is not None and j is not None), key=lambda p: p[1])
    for i, j in both:
        if key(at(oh, i)) != key(at(nh, j)):
            add(kind=CELL, old=at(oh, i), new=at(nh, j), old_unit=at(oh, i), new_unit=at(nh, j), column=at(nh, j),
                row_key=nh[0])
    for added in [j for i, j in al.columns if i is None and j is not None]:
        add(kind=COLUMN_ADDED, new=at(nh, added), new_unit=column(new_rows, added), column=at(nh, added))
    for deleted in [i for i, j in al.columns if j is None and i is not None]:
        add(kind=COLUMN_DELETED, old=at(oh, deleted), old_unit=column(old_rows, deleted), column=at(oh, deleted))
    for oi, nj in al.rows:
        if oi is None and nj is not None:
            rk = row_key(new_rows[nj])
            add(kind=ROW_ADDED, new="\t".join(new_rows[nj]), new_unit=rk, row_key=rk)
        elif nj is None and oi is not None:
            rk = row_key(old_rows[oi])
            add(kind=ROW_DELETED, old="\t".join(old_rows[oi]), old_unit=rk, row_key=rk)
        elif oi is not None and nj is not None:
            orow, nrow = old_rows[oi], new_rows[nj]
            for i, j in both:
                if key(at(orow, i)) != key(at(nrow, j)):
                    add(kind=CELL, old=at(orow, i), new=at(nrow, j), old_unit=at(orow, i), new_unit=at(nrow, j),
                        column=at(nh, j), row_key=row_key(nrow))
    return facts


# ---------------------------------------------------------------- entry point

REWRITE_SHARE = 0.6  # above this share of changed characters a paragraph counts as rewritten
MIN_REWRITE = 30  # a text shorter than twice this is never "rewritten": its one edit is quoted

_COLUMN_IN_LOCATION = re.compile(r"(?:column|列)\s*[「『\"]([^」』\"]+)[」』\"]")
_ROW_IN_LOCATION = re.compile(r"(?:row|行)\s*[「『\"]([^」』\"]+)[」』\"]")
_ROW_SEPARATOR = " | "


def _row_cells(text: str) -> list[str]:
    if "\t" in text:
        return text.split("\t")
    return [c.strip() for c in text.split(_ROW_SEPARATOR)]


def moved_block(change: Change) -> bool:
    """A block (not a section) moved unchanged to a section of another name: the
    text says nothing changed, the place says it did (a paragraph of one 施策's
    現状と課題 now in another 施策's)."""
    if change.kind != ChangeKind.MOVED or change.block_kind == "section" or not change.old_text.strip():
        return False
    if key(change.old_text) != key(change.new_text) or not change.old_section_path or not change.section_path:
        return False
    return [key(heading_title(h)) for h in change.old_section_path] != [key(heading_title(h)) for h in change.section_path]


def facts_of(change: Change, idx: int = 0) -> list[Fact]:
    """The atomic edits of one Change, in document order."""
    kind = change.kind
    old, new = change.old_text, change.new_text
    bk = change.block_kind
    rule = change.verdict.rule
    loc = change.location
    mcol = _COLUMN_IN_LOCATION.search(loc)
    mrow = _ROW_IN_LOCATION.search(loc)
    if rule in ("column-added", "column-deleted") or (bk == "table" and mcol and not mrow and (not old or not new)):
        text = new or old
        head, _, values = text.partition("\n")
        column = mcol.group(1) if mcol else head
        if new and not old:
            return [Fact(change, COLUMN_ADDED, new=head, new_unit=values, column=column, order=(idx, 0))]
        return [Fact(change, COLUMN_DELETED, old=head, old_unit=values, column=column, order=(idx, 0))]
    if rule in ("row-added", "row-deleted") or (bk == "table" and mrow and not mcol and (not old or not new)):
        text = new or old
        cells = _row_cells(text)
        rk = row_key(cells) if cells else (mrow.group(1) if mrow else "")
        if new and not old:
            return [Fact(change, ROW_ADDED, new=text, new_unit=rk, row_key=rk, order=(idx, 0))]
        return [Fact(change, ROW_DELETED, old=text, old_unit=rk, row_key=rk, order=(idx, 0))]
    if bk == "section":
        if kind == ChangeKind.ADDED:
            return [Fact(change, SECTION_ADDED, new=new, new_unit=change.section_path[-1] if change.section_path else "", order=(idx, 0))]
        if kind == ChangeKind.DELETED:
            return [Fact(change, SECTION_DELETED, old=old, old_unit=change.old_section_path[-1] if change.old_section_path else "", order=(idx, 0))]
        if kind in (ChangeKind.RENAMED,):
            return [Fact(change, SECTION_RENAMED, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
        if kind in (ChangeKind.MOVED, ChangeKind.SPLIT, ChangeKind.MERGED) and (
            key(old) == key(new) or (old.strip() and key(heading_title(old.strip())) == key(heading_title(new.strip())))
        ):
            return [Fact(change, SECTION_MOVED, old=old, new=new, order=(idx, 0))]
    if moved_block(change):
        return [Fact(change, BLOCK_MOVED, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
    if not old.strip() and new.strip():
        if bk == "table" or is_table_text(new):
            rows = parse_table(new)
            return [Fact(change, TABLE_ADDED, new=new, new_unit="\t".join(rows[0]) if rows else "", order=(idx, 0))]
        return [Fact(change, BLOCK_ADDED, new=new, new_unit=new, order=(idx, 0))]
    if old.strip() and not new.strip():
        if bk == "table" or is_table_text(old):
            rows = parse_table(old)
            return [Fact(change, TABLE_DELETED, old=old, old_unit="\t".join(rows[0]) if rows else "", order=(idx, 0))]
        return [Fact(change, BLOCK_DELETED, old=old, old_unit=old, order=(idx, 0))]
    if is_table_text(old) and is_table_text(new):
        facts = _table_facts(change, idx)
        if facts:
            return facts
    column = ""
    rkey = ""
    if mcol and (bk == "table" or mrow):
        # one table cell, as the diff stage reported it
        rkey = mrow.group(1) if mrow else ""
        return [Fact(change, CELL, old=old, new=new, old_unit=old, new_unit=new, column=mcol.group(1), row_key=rkey, order=(idx, 0))]
    spans = text_spans(old, new, change)
    rewritten = changed_share(old, new) > REWRITE_SHARE
    pure = len(spans) == 1 and (spans[0][0] == spans[0][1] or spans[0][2] == spans[0][3]
                                or (len(old) < 2 * MIN_REWRITE and not rewritten))
    if not column and spans and not pure and rewritten:
        # mostly rewritten: one before/after pair reads better than confetti
        return [Fact(change, TEXT, old=old, new=new, old_unit=old, new_unit=new, order=(idx, 0))]
    out: list[Fact] = []
    for n, (a1, a2, b1, b2) in enumerate(spans):
        a1, a2, b1, b2 = _balanced(old, new, *predicate_context(old, new, *phrase_context(old, new, a1, a2, b1, b2)))
        out.append(
            Fact(
                change,
                TEXT,
                old=old[a1:a2],
                new=new[b1:b2],
                old_unit=_unit(old, a1, a2) if not column else old,
                new_unit=_unit(new, b1, b2) if not column else new,
                column=column,
                row_key=rkey,
                order=(idx, n),
            )
        )
    return out


# ---------------------------------------------------------------- table context


def with_table_context(fact: Fact, blocks: "tuple[object, ...]") -> Fact:
    """The fact with its table's header row and the full row label, found among
    the section's blocks (a diff stage may shorten labels with …)."""
    if not fact.column and fact.kind not in (ROW_ADDED, ROW_DELETED, COLUMN_ADDED, COLUMN_DELETED, CELL):
        return fact
    probe = key(fact.new or fact.old)
    label = fact.row_key.rstrip("…")
    for b in blocks:
        table = getattr(b, "table", None)
        if table is None:
            continue
        rows = [[c.text for c in r] for r in table.rows]
        if not rows:
            continue
        header = tuple(rows[0])
        if fact.kind in (COLUMN_ADDED, COLUMN_DELETED):
            if key(fact.column) in {key(h) for h in header}:
                return replace(fact, header=header)
            continue
        for r in rows[1:]:
            keys = [key(c) for c in r]
            if fact.kind in (ROW_ADDED, ROW_DELETED):
                if key("".join(_row_cells(fact.new or fact.old))) == "".join(keys):
                    return replace(fact, header=header, row_key=row_key(r))
            elif probe and probe in keys and (not label or key(row_key(r)).startswith(key(label))):
                return replace(fact, header=header, row_key=row_key(r))
    return fact
