"""Footnote marks renumbered because a footnote was added or cut earlier.

Both readers give each footnote as a paragraph labelled ``注N`` (N its number)
right after the paragraph that cites it, and leave the mark in the text where
the document prints it (``「持続可能な開発」57の概念``, typed custom marks in
DOCX, superscript digits in PDF).  When a footnote is inserted early in the
new version every later mark shifts (57 → 61, 58 → 62 …): a consequence, like
a list item renumbered ④ → ③, never a change of the plan.

The footnotes of the two versions are paired by their own text (a monotone
alignment, then a pass for moved ones), which gives a mapping old number →
new number consistent across the document.  A hunk whose only edit is a mark
``X`` → ``Y`` with ``X`` mapped to ``Y`` (or the mark of a footnote that was
added or cut, inserted or removed) is judged editorial with the evidence; a
footnote whose *text* changed keeps its real edits.  Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from revtool.compare.chardiff import Hunk
from revtool.compare.in_order import best_in_order
from revtool.model import Block, Document, Verdict

RULE = "footnote-renumbered"
LABEL = "文言整理（脚注番号の繰り下げ・繰り上げ）"
PAIR_MIN = 60.0  # rapidfuzz ratio for two footnotes in a gap to be the same footnote
MOVE_MIN = 85.0  # … and for a footnote found elsewhere (moved)

_NOTE_LABEL = re.compile(r"^注\s*([0-9０-９]{1,4})$")
_LEADING_NUMBER = re.compile(r"^\s*(?:注\s*)?[0-9０-９]{1,4}(?:\s|$)")
_NUMBER = re.compile(r"[0-9]+")
_NOTE_HEAD = re.compile(r"^\s*注\s*[0-9０-９]{1,4}\s*$")
_COUNTERS = frozenset("年月日％%倍件万億兆歳ヶヵ割箇")
"""A number followed by a counter is a quantity, never a footnote mark."""


@dataclass(frozen=True)
class FootnoteMarks:
    """The footnote numbers of two versions and how they correspond."""

    mapping: dict[int, int] = field(default_factory=dict)  # old number -> new number (same footnote)
    added: frozenset[int] = frozenset()  # new numbers of footnotes with no old counterpart
    deleted: frozenset[int] = frozenset()  # old numbers of footnotes with no new counterpart

    def __bool__(self) -> bool:
        return bool(self.mapping or self.added or self.deleted)


def footnotes(doc: Document) -> list[tuple[int, str]]:
    """(number, text without its number) of every footnote, in document order."""
    out: list[tuple[int, str]] = []
    for _, section in doc.walk():
        for block in section.blocks:
            number = note_number(block)
            if number is not None:
                out.append((number, _LEADING_NUMBER.sub("", block.text, count=1).strip()))
    return out


def note_number(block: Block) -> int | None:
    m = _NOTE_LABEL.match(block.label.strip()) if block.label else None
    return int(unicodedata.normalize("NFKC", m.group(1))) if m else None


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def pair_footnotes(old: Sequence[tuple[int, str]], new: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """(old index, new index) of the footnotes that are the same note: equal
    texts in order, then the most similar ones inside the gaps in order, then moved ones."""
    ka, kb = [_key(t) for _, t in old], [_key(t) for _, t in new]
    pairs: list[tuple[int, int]] = []
    sm = SequenceMatcher(None, ka, kb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend((i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "replace":
            pairs.extend(_best_in_order(ka, kb, i1, i2, j1, j2))
    used_a, used_b = {i for i, _ in pairs}, {j for _, j in pairs}
    left_b = [j for j in range(len(kb)) if j not in used_b]
    for i in range(len(ka)):
        if i in used_a:
            continue
        best = max(left_b, key=lambda j: fuzz.ratio(ka[i], kb[j]), default=None)
        if best is not None and fuzz.ratio(ka[i], kb[best]) >= MOVE_MIN:
            pairs.append((i, best))
            left_b.remove(best)
    return sorted(pairs)


def _best_in_order(ka: Sequence[str], kb: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
    """The pairs of a gap (old notes ``i1:i2``, new notes ``j1:j2``) in order whose
    similarities add up to the most, each at least ``PAIR_MIN``: a note inserted
    just before a reworded one is not taken for it because it comes first
    (old 44 is the new 47, not the new 46 added before it, when 47 is the closer text)."""
    scores = {(i, j): r for i in range(i1, i2) for j in range(j1, j2) if (r := fuzz.ratio(ka[i], kb[j])) >= PAIR_MIN}
    return best_in_order(range(i1, i2), range(j1, j2), scores)


def footnote_marks(old: Document, new: Document) -> FootnoteMarks:
    """How the footnote numbers of ``old`` map to those of ``new``."""
    a, b = footnotes(old), footnotes(new)
    if not a and not b:
        return FootnoteMarks()
    pairs = pair_footnotes(a, b)
    mapping: dict[int, int] = {}
    ambiguous: set[int] = set()
    for i, j in pairs:
        x, y = a[i][0], b[j][0]
        if mapping.get(x, y) != y:
            ambiguous.add(x)  # numbering restarts (per chapter): the number alone does not say which note
        mapping[x] = y
    for x in ambiguous:
        del mapping[x]
    paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
    new_numbers = {n for n, _ in b}
    old_numbers = {n for n, _ in a}
    added = {b[j][0] for j in range(len(b)) if j not in paired_b} - set(mapping.values())
    deleted = {a[i][0] for i in range(len(a)) if i not in paired_a} - set(mapping)
    # a number both added and kept elsewhere cannot be told apart
    added -= {n for n in new_numbers if list(x for x, _ in b).count(n) > 1}
    deleted -= {n for n in old_numbers if list(x for x, _ in a).count(n) > 1}
    return FootnoteMarks(mapping, frozenset(added), frozenset(deleted))


def _digits(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", c) if c.isdigit() else c for c in text)


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` over the digits around it (a mark is a whole number)."""
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    while end < len(text) and text[end].isdigit():
        end += 1
    return start, end


def _is_quantity_context(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is part of a quantity: a decimal or
    thousands separator beside it, or a counter right after it."""
    if _NOTE_HEAD.match(text[:start]):
        return False  # the note's own number after its label: 注36 36 日本銀行…
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 2].lstrip(" ")[:1]
    if before in ".．,，" and start > 1 and text[start - 2].isdigit():
        return True
    if text[end:end + 1] in (".", "．", ",", "，") and text[end + 1:end + 2].isdigit():
        return True
    return after in _COUNTERS


def _numbers(text: str) -> Counter[int]:
    return Counter(int(m.group()) for m in _NUMBER.finditer(_digits(text)))


def mark_edit(old_text: str, new_text: str, hunk: Hunk, marks: FootnoteMarks) -> str | None:
    """Evidence when ``hunk`` only renumbers, adds or removes footnote marks, else None.

    With the words around them set aside, the hunk must differ only by whole
    numbers that are not quantities, each one a footnote mark: an old mark
    whose footnote's new number is cited in the new text (or whose footnote was
    cut), a new mark whose footnote's old number is cited in the old text (or
    whose footnote was added). The words around may also differ as a sentence
    joined to the next or split from it at the mark (``_sentence_join``)."""
    if not marks:
        return None
    os_, oe, ns, ne = hunk.old_start, hunk.old_end, hunk.new_start, hunk.new_end
    # the same words around the numbers (a hunk of whole words: ``注57`` → ``注61``)
    while os_ < oe and ns < ne and old_text[os_] == new_text[ns] and not old_text[os_].isdigit():
        os_, ns = os_ + 1, ns + 1
    while os_ < oe and ns < ne and old_text[oe - 1] == new_text[ne - 1] and not old_text[oe - 1].isdigit():
        oe, ne = oe - 1, ne - 1
    os_, oe = _expand(old_text, os_, oe)
    ns, ne = _expand(new_text, ns, ne)
    old_runs, new_runs = _number_runs(old_text, os_, oe), _number_runs(new_text, ns, ne)
    if not old_runs and not new_runs:
        return None
    rest_old = _NUMBER.sub("", "".join(_digits(old_text[os_:oe]).split()))
    rest_new = _NUMBER.sub("", "".join(_digits(new_text[ns:ne]).split()))
    joined = rest_old != rest_new
    if joined and not _sentence_join(rest_old, rest_new):
        return None
    if any(_is_quantity_context(old_text, a, b) for a, b, _ in old_runs) \
            or any(_is_quantity_context(new_text, a, b) for a, b, _ in new_runs):
        return None
    parts = _mark_parts(old_text, new_text, old_runs, new_runs, marks, moved_ok=True)
    if parts is None:
        return None
    evidence = "、".join(dict.fromkeys(parts))
    return f"{evidence}（文の接続・分割 「{rest_old}」→「{rest_new}」）" if joined else evidence


_JOIN_ENDS = "。、"
_JOIN_MAX_KANA = 2
_NEGATION = re.compile(r"ない|なく|なかっ|ず|ぬ|ません")


def _sentence_join(old: str, new: str) -> bool:
    """Whether the words around the marks differ only as a sentence joined to
    the next or split from it: the mark stays at the end of its clause while
    。 becomes 、 (or back) and the verb ending changes (低下した33。 → 低下し35、):
    each side is a sentence or clause end, the rest at most two kana of an
    inflection ending, no negation gained or lost."""
    if not (old and new and old[-1] in _JOIN_ENDS and new[-1] in _JOIN_ENDS and old[-1] != new[-1]):
        return False
    a, b = old[:-1], new[:-1]
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    ra, rb = a[p:], b[p:]
    if len(ra) > _JOIN_MAX_KANA or len(rb) > _JOIN_MAX_KANA:
        return False
    if not all("\u3041" <= ch <= "\u309f" for ch in ra + rb):
        return False
    return bool(_NEGATION.search(a)) == bool(_NEGATION.search(b))


Rejudge = Callable[[str, str], Sequence[tuple[Hunk, Verdict]]]
"""The editorial rules over two whole texts: each hunk of their diff with its verdict."""


def relabel(old_text: str, new_text: str, hs: Sequence[Hunk], verdicts: Sequence[Verdict],
            marks: FootnoteMarks, rejudge: Rejudge | None = None) -> list[Verdict]:
    """``verdicts`` with each hunk that only moves footnote marks judged editorial,
    and (with ``rejudge``) each hunk whose edit holds renumbered marks beside a
    wording edit judged on that edit alone (横ばいである44。 → 横ばいとなっている47。:
    the rewording decides, the marks 44 → 47 are no number changed)."""
    out = list(verdicts)
    if not marks:
        return out
    for k, h in enumerate(hs):
        evidence = mark_edit(old_text, new_text, h, marks)
        if evidence is not None:
            out[k] = Verdict(False, RULE, f"{LABEL}: {evidence}")
        elif rejudge is not None and out[k].substantive:
            out[k] = _without_marks(old_text, new_text, h, marks, rejudge) or out[k]
    return out


def _marks_in(old_text: str, new_text: str, hunk: Hunk, marks: FootnoteMarks) \
        -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]] | None:
    """The spans of the numbers inside ``hunk`` on each side and their evidence,
    when every one is a footnote mark (as ``mark_edit`` reads them), else None."""
    old_runs = _number_runs(old_text, *_expand(old_text, hunk.old_start, hunk.old_end))
    new_runs = _number_runs(new_text, *_expand(new_text, hunk.new_start, hunk.new_end))
    if not old_runs and not new_runs:
        return None
    if any(_is_quantity_context(old_text, a, b) or not _glued_to_word(old_text, a) for a, b, _ in old_runs) \
            or any(_is_quantity_context(new_text, a, b) or not _glued_to_word(new_text, a) for a, b, _ in new_runs):
        return None
    parts = _mark_parts(old_text, new_text, old_runs, new_runs, marks, moved_ok=False)
    if parts is None:
        return None
    return [(a, b) for a, b, _ in old_runs], [(a, b) for a, b, _ in new_runs], list(dict.fromkeys(parts))


Run = tuple[int, int, int]  # a number's start, end and value in a text


def _number_runs(text: str, start: int, end: int) -> list[Run]:
    """The numbers of ``text[start:end]``, each with its span in ``text``."""
    return [(start + m.start(), start + m.end(), int(m.group())) for m in _NUMBER.finditer(_digits(text[start:end]))]


def _mark_parts(old_text: str, new_text: str, old_runs: Sequence[Run], new_runs: Sequence[Run],
                marks: FootnoteMarks, moved_ok: bool) -> list[str] | None:
    """The evidence for each number of a hunk as a footnote mark (「44 → 47」,
    「削除された脚注 12」), or None when one of them is not a mark. ``moved_ok``: a
    mark that keeps its number counts when it is only moved (cited in the other
    text as often); otherwise only a renumbered mark does."""
    cited_old, cited_new = _numbers(old_text), _numbers(new_text)
    inverse = {y: x for x, y in marks.mapping.items()}
    parts: list[str] = []
    for _, _, old_mark in old_runs:
        to = marks.mapping.get(old_mark)
        if to is not None and to in cited_new and (to != old_mark or (moved_ok and cited_new[to] >= cited_old[to])):
            parts.append(f"{old_mark} → {to}")
        elif old_mark in marks.deleted:
            parts.append(f"削除された脚注 {old_mark}")
        else:
            return None
    for _, _, new_mark in new_runs:
        came = inverse.get(new_mark)
        if came is not None and came in cited_old and (came != new_mark or (moved_ok and cited_old[came] >= cited_new[came])):
            parts.append(f"{came} → {new_mark}")  # the other side of an old mark above, or a mark moved
        elif new_mark in marks.added:
            parts.append(f"追加された脚注 {new_mark}")
        else:
            return None
    return parts


def _glued_to_word(text: str, start: int) -> bool:
    """A mark is printed right after a word (横ばいである44), not after a space or a sign."""
    before = text[start - 1] if start > 0 else ""
    return bool(before) and not before.isspace() and not (before.isascii() and before.isalnum()) \
        and before not in "注※第約+-−‐―▲△▼.．,，:：/／#＃№"


def _cut(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        last = b
    out.append(text[last:])
    return "".join(out), list(spans)


def _shift(pos: int, spans: Sequence[tuple[int, int]]) -> int:
    """``pos`` in the text with ``spans`` cut out."""
    return pos - sum(min(b, pos) - a for a, b in spans if a < pos)


def _without_marks(old_text: str, new_text: str, hunk: Hunk, marks: FootnoteMarks, rejudge: Rejudge) -> Verdict | None:
    """The verdict of ``hunk`` judged with its footnote marks cut out of both texts:
    the edits left in its place decide; none left means the marks alone changed."""
    found = _marks_in(old_text, new_text, hunk, marks)
    if found is None:
        return None
    old_spans, new_spans, parts = found
    old_cut, _ = _cut(old_text, old_spans)
    new_cut, _ = _cut(new_text, new_spans)
    lo, hi = _shift(hunk.old_start, old_spans), _shift(hunk.old_end, old_spans)
    nlo, nhi = _shift(hunk.new_start, new_spans), _shift(hunk.new_end, new_spans)
    inside = [v for h, v in rejudge(old_cut, new_cut)
              if (h.old_start < hi and h.old_end > lo) or (h.new_start < nhi and h.new_end > nlo)
              or (not h.old and lo <= h.old_start <= hi) or (not h.new and nlo <= h.new_start <= nhi)]
    evidence = f"{LABEL}: {'、'.join(parts)}"
    if not inside:
        return Verdict(False, RULE, evidence)
    if any(v.substantive for v in inside):
        deciding = [v for v in inside if v.substantive]
        return Verdict(True, "+".join(sorted(dict.fromkeys(v.rule for v in deciding))),
                       "／".join(dict.fromkeys(v.evidence for v in deciding)))
    rules = sorted({r for v in inside for r in v.rule.split("+")} | {RULE})
    return Verdict(False, "+".join(rules), "／".join(dict.fromkeys([v.evidence for v in inside] + [evidence])))


# ---------------------------------------------------------------- marks in quoted text

_MARK_RUN = re.compile(r"[0-9０-９]+")
_NOT_A_MARK_BEFORE = frozenset("注※第約+-−‐―▲△▼.．,，:：/／#＃№")


def section_marks(doc: Document) -> dict[tuple[str, ...], frozenset[int]]:
    """The path of each section holding footnotes → their numbers: the marks
    its text may carry (``制度的補完性118にも鑑み`` beside ``注118``; a note
    may follow the paragraph that cites it or stand a few paragraphs below)."""
    out: dict[tuple[str, ...], frozenset[int]] = {}
    for path, section in doc.walk():
        numbers = frozenset(n for b in section.blocks if (n := note_number(b)) is not None)
        if numbers:
            out[tuple(path)] = numbers
    return out


def drop_marks(text: str, numbers: "frozenset[int] | set[int]") -> str:
    """``text`` without the footnote marks glued to its words (``制度的補完性118にも``
    → ``制度的補完性にも``, ``29.3％25`` → ``29.3％``): a whole number among
    ``numbers`` (the marks its section carries) right after a word, never a
    quantity (a counter after it, a decimal), an ordinal (第3) or a code (COVID-19)."""
    if not numbers:
        return text

    def keep_or_drop(m: "re.Match[str]") -> str:
        start, end = m.span()
        if start == 0 or int(unicodedata.normalize("NFKC", m.group())) not in numbers:
            return m.group()
        before = text[start - 1]
        if before.isspace() or before.isdigit() or before.isascii() and before.isalnum() or before in _NOT_A_MARK_BEFORE \
                or _NOTE_HEAD.match(text[:start]) or _is_quantity_context(text, start, end):
            return m.group()
        return ""

    return _MARK_RUN.sub(keep_or_drop, text)
