"""Character diff for Japanese text, cleaned up for reading. Pure.

The text is cut into *units* first — a kanji run with its okurigana, a
katakana run, a run of Latin letters or digits (``4.0``, ``5,000``, ``32.5%``),
a hiragana run, one punctuation mark — and diff-match-patch runs over the unit
sequence (each unit encoded as one character, the ``diff_linesToChars`` trick).
Edit edges therefore fall on natural boundaries (docs/ARCHITECTURE.md §6) without a
whitespace-based ``diff_cleanupSemanticLossless``. Then:

* short unchanged islands between two edits are absorbed (no confetti);
* a text changed by more than ``REWRITE_RATIO`` becomes one before/after pair.

``Diff_Timeout = 0``: the result never depends on the clock. Half-match stays
on (diff-match-patch switches it off with the timeout; here it is kept, as it
is deterministic) and a long text is diffed by clauses first, then each
changed run of clauses by units: the cost of one change is bounded by its own
size (``REGION_MAX``), not by the length of the paragraph (issue 16 item 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from revtool.model import Edit, EditOp
from revtool.text_chars import FULLWIDTH_LATIN, HALFWIDTH_KATAKANA, HIRAGANA, KANJI_ALL, KATAKANA_NO_DOT, LATIN

REWRITE_RATIO = 2 / 3
ISLAND_MAX = 2  # unchanged runs this short between two edits are absorbed

_UNIT = re.compile(
    f"[{KANJI_ALL}]+[{HIRAGANA}]*"  # kanji + okurigana
    f"|[{KATAKANA_NO_DOT}{HALFWIDTH_KATAKANA}]+"  # katakana run (・ excluded)
    f"|[{LATIN}{FULLWIDTH_LATIN}]+"  # Latin word
    r"|[0-9０-９]+(?:[.,．，][0-9０-９]+)*[%％]?"  # number, decimals, thousands, percent
    f"|[{HIRAGANA}]+"  # hiragana run
    r"|\s+"
    r"|.",
    re.DOTALL,
)


def units(text: str) -> list[str]:
    """Cut ``text`` into diff units; ``"".join(units(t)) == t``."""
    return _UNIT.findall(text)


CLAUSE_MODE = 3000  # from this many characters (both sides) the middle is diffed by clauses first
REGION_MAX = 2000  # a changed run of clauses longer than this (either side) is one before/after pair


class _DeterministicDmp(diff_match_patch):  # type: ignore[misc]
    """diff-match-patch without a clock, with its half-match speed-up kept."""

    Diff_Timeout: float  # set by diff_match_patch.__init__

    def diff_halfMatch(self, text1: str, text2: str) -> tuple[str, str, str, str, str] | None:
        saved: float = self.Diff_Timeout  # type: ignore[has-type]
        self.Diff_Timeout = 1.0  # only gates the heuristic; the deadline was fixed by diff_main
        try:
            return super().diff_halfMatch(text1, text2)  # type: ignore[no-any-return]
        finally:
            self.Diff_Timeout = saved


def _dmp() -> diff_match_patch:
    dmp = _DeterministicDmp()
    dmp.Diff_Timeout = 0  # deterministic: no clock-dependent bail-out
    return dmp


def _encode(a: list[str], b: list[str]) -> tuple[str, str, list[str]]:
    table: dict[str, int] = {}
    rev: list[str] = []

    def enc(seq: list[str]) -> str:
        out = []
        for u in seq:
            code = table.get(u)
            if code is None:
                code = len(rev)
                table[u] = code
                rev.append(u)
            out.append(chr(0xE000 + code) if code < 0x1900 else chr(0xF0000 + code))
        return "".join(out)

    return enc(a), enc(b), rev


def _decode(s: str, rev: list[str]) -> str:
    out = []
    for ch in s:
        c = ord(ch)
        out.append(rev[c - 0xE000] if c < 0xF0000 else rev[c - 0xF0000])
    return "".join(out)


_HARD = "。、\n\t．，！？"  # a unit never spans these: safe places to cut a text


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the longest common prefix and of the longest common suffix
    of what follows it, character by character."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    return p, s


def _common_cut(old: str, new: str) -> tuple[int, int]:
    """Lengths of a common prefix and suffix that end on a hard boundary, so the
    unit diff only has to look at the middle (cost ∝ size of the change)."""
    dmp = _dmp()
    p = dmp.diff_commonPrefix(old, new)
    while p > 0 and old[p - 1] not in _HARD:
        p -= 1
    s = min(dmp.diff_commonSuffix(old[p:], new[p:]), len(old) - p, len(new) - p)
    while s > 0 and old[len(old) - s - 1] not in _HARD:
        s -= 1
    return p, s


_OPS = {0: EditOp.EQUAL, 1: EditOp.INSERT, -1: EditOp.DELETE}
_CLAUSE = re.compile(r"[^。、\n\t．，！？]*[。、\n\t．，！？]?")


def _unit_diff(old: str, new: str) -> list[tuple[EditOp, str]]:
    ea, eb, rev = _encode(units(old), units(new))
    return [(_OPS[op], _decode(t, rev)) for op, t in _dmp().diff_main(ea, eb, False) if t]


def clauses(text: str) -> list[str]:
    """``text`` cut after each 。、 or line break; ``"".join(clauses(t)) == t``."""
    return [c for c in _CLAUSE.findall(text) if c]


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Clauses found exactly once on each side, kept in an order both sides
    agree on (longest increasing run, patience diff): fixed points that cut
    the diff into small independent gaps."""
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for x in a:
        count_a[x] = count_a.get(x, 0) + 1
    for x in b:
        count_b[x] = count_b.get(x, 0) + 1
    where_b = {x: j for j, x in enumerate(b) if count_b[x] == 1}
    pairs = [(i, where_b[x]) for i, x in enumerate(a) if count_a[x] == 1 and x in where_b]
    # longest increasing subsequence of the b positions (O(n log n))
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _anchored_diff(a: list[str], b: list[str]) -> list[tuple[EditOp, str]]:
    """Clause diff: anchors first, diff-match-patch only in the gaps between them."""
    out: list[tuple[EditOp, str]] = []
    i = j = 0
    for ai, bj in _anchors(a, b) + [(len(a), len(b))]:
        if ai > i or bj > j:
            ea, eb, rev = _encode(a[i:ai], b[j:bj])
            out += [(_OPS[op], _decode(t, rev)) for op, t in _dmp().diff_main(ea, eb, False) if t]
        if ai < len(a):
            out.append((EditOp.EQUAL, a[ai]))
        i, j = ai + 1, bj + 1
    return out


def _clause_diff(old: str, new: str) -> list[tuple[EditOp, str]]:
    """Clauses first, then units inside each changed run of clauses; a run
    longer than ``REGION_MAX`` stays one before/after pair."""
    coarse = _normalise(_anchored_diff(clauses(old), clauses(new)))
    out: list[tuple[EditOp, str]] = []
    i = 0
    while i < len(coarse):
        op, text = coarse[i]
        if op is EditOp.EQUAL:
            out.append((op, text))
            i += 1
            continue
        gone = text if op is EditOp.DELETE else ""
        came = text if op is EditOp.INSERT else ""
        if op is EditOp.DELETE and i + 1 < len(coarse) and coarse[i + 1][0] is EditOp.INSERT:
            came = coarse[i + 1][1]
            i += 1
        i += 1
        if gone and came and max(len(gone), len(came)) <= REGION_MAX:
            out.extend(_unit_diff(gone, came))
        else:
            out.extend(x for x in ((EditOp.DELETE, gone), (EditOp.INSERT, came)) if x[1])
    return out


@lru_cache(maxsize=2048)
def _raw_diff(old: str, new: str) -> tuple[tuple[EditOp, str], ...]:
    if old == new:
        return ((EditOp.EQUAL, old),) if old else ()
    p, s = _common_cut(old, new)
    mid_old, mid_new = old[p:len(old) - s], new[p:len(new) - s]
    out = [(EditOp.EQUAL, old[:p])] if p else []
    if len(mid_old) + len(mid_new) >= CLAUSE_MODE:
        out += _clause_diff(mid_old, mid_new)
    else:
        out += _unit_diff(mid_old, mid_new)
    if s:
        out.append((EditOp.EQUAL, old[len(old) - s:]))
    return tuple(out)


def raw_diff(old: str, new: str) -> list[tuple[EditOp, str]]:
    """Unit-level diff before any cleanup (equal/insert/delete runs)."""
    return list(_raw_diff(old, new))


def _normalise(ops: list[tuple[EditOp, str]]) -> list[tuple[EditOp, str]]:
    """Merge runs: every hunk becomes (delete?, insert?) between equals."""
    out: list[tuple[EditOp, str]] = []
    dels: list[str] = []
    ins: list[str] = []
    equal: list[str] = []

    def flush() -> None:
        if dels:
            out.append((EditOp.DELETE, "".join(dels)))
        if ins:
            out.append((EditOp.INSERT, "".join(ins)))
        dels.clear()
        ins.clear()

    for op, text in ops:
        if not text:
            continue
        if op is EditOp.DELETE:
            dels.append(text)
        elif op is EditOp.INSERT:
            ins.append(text)
        else:
            if dels or ins:
                flush()
            equal.append(text)
            continue
        if equal:
            out.append((EditOp.EQUAL, "".join(equal)))  # joined once: linear in the text
            equal.clear()
    if equal:
        out.append((EditOp.EQUAL, "".join(equal)))
    flush()
    return out


def _absorb_islands(ops: list[tuple[EditOp, str]], island_max: int) -> list[tuple[EditOp, str]]:
    out = list(ops)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(out) - 1):
            op, text = out[i]
            if op is not EditOp.EQUAL or len(text) > island_max:
                continue
            if out[i - 1][0] is EditOp.EQUAL or out[i + 1][0] is EditOp.EQUAL:
                continue
            out[i:i + 1] = [(EditOp.DELETE, text), (EditOp.INSERT, text)]
            out = _normalise(out)
            changed = True
            break
    return out


def char_diff(old: str, new: str, *, rewrite_ratio: float = REWRITE_RATIO,
              island_max: int = ISLAND_MAX) -> tuple[Edit, ...]:
    """Diff ``old`` → ``new`` for reading: unit-aligned, islands absorbed, and a
    single before/after pair when more than ``rewrite_ratio`` changed.

    Invariant: the EQUAL+DELETE texts join to ``old``, EQUAL+INSERT to ``new``.
    """
    ops = _absorb_islands(_normalise(raw_diff(old, new)), island_max)
    if is_rewrite(ops, old, new, rewrite_ratio):
        ops = _normalise([(EditOp.DELETE, old), (EditOp.INSERT, new)])
    return tuple(Edit(op, text) for op, text in ops)


def is_rewrite(ops: list[tuple[EditOp, str]], old: str, new: str,
               rewrite_ratio: float = REWRITE_RATIO) -> bool:
    total = len(old) + len(new)
    if total == 0:
        return False
    kept = sum(len(t) for op, t in ops if op is EditOp.EQUAL)
    return 1 - 2 * kept / total > rewrite_ratio


def apply_edits(edits: tuple[Edit, ...] | list[Edit]) -> tuple[str, str]:
    """Rebuild (old, new) from edits."""
    old = "".join(e.text for e in edits if e.op is not EditOp.INSERT)
    new = "".join(e.text for e in edits if e.op is not EditOp.DELETE)
    return old, new


@dataclass(frozen=True)
class Hunk:
    """One changed region: ``old[old_start:old_end]`` became ``new[new_start:new_end]``."""

    old: str
    new: str
    old_start: int
    new_start: int

    @property
    def old_end(self) -> int:
        return self.old_start + len(self.old)

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.new)


def hunks(edits: tuple[Edit, ...] | list[Edit]) -> list[Hunk]:
    out: list[Hunk] = []
    o = n = 0
    cur_old: list[str] = []
    cur_new: list[str] = []
    start: tuple[int, int] | None = None
    for e in edits:
        if e.op is EditOp.EQUAL:
            if start is not None:
                out.append(Hunk("".join(cur_old), "".join(cur_new), start[0], start[1]))
                cur_old, cur_new, start = [], [], None
            o += len(e.text)
            n += len(e.text)
            continue
        if start is None:
            start = (o, n)
        if e.op is EditOp.DELETE:
            cur_old.append(e.text)
            o += len(e.text)
        else:
            cur_new.append(e.text)
            n += len(e.text)
    if start is not None:
        out.append(Hunk("".join(cur_old), "".join(cur_new), start[0], start[1]))
    return out


def minimal_diff(old: str, new: str) -> list[tuple[EditOp, str]]:
    """Plain character-level diff (no unit alignment), for counting changed characters."""
    return [(_OPS[op], s) for op, s in _dmp().diff_main(old, new, False) if s]


def opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """The unit diff as (tag, i1, i2, j1, j2) spans, tag ``equal`` or
    ``replace`` (a delete, an insert or both), like difflib's opcodes but
    linear in the text and bounded per change."""
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for op, text in _normalise(raw_diff(old, new)):
        if op is EditOp.EQUAL:
            out.append(("equal", i, i + len(text), j, j + len(text)))
            i += len(text)
            j += len(text)
        elif op is EditOp.DELETE:
            if out and out[-1][0] == "replace" and out[-1][2] == i and out[-1][4] == j:
                t, i1, _, j1, _ = out.pop()
                out.append(("replace", i1, i + len(text), j1, j))
            else:
                out.append(("replace", i, i + len(text), j, j))
            i += len(text)
        else:
            if out and out[-1][0] == "replace" and out[-1][2] == i and out[-1][4] == j:
                _, i1, i2, j1, _ = out.pop()
                out.append(("replace", i1, i2, j1, j + len(text)))
            else:
                out.append(("replace", i, i, j, j + len(text)))
            j += len(text)
    return out


def changed_chars(old: str, new: str) -> int:
    """Characters deleted plus inserted by the smallest character diff."""
    return sum(len(t) for op, t in minimal_diff(old, new) if op is not EditOp.EQUAL)


SIMILARITY_EXACT = 8000  # up to this many characters (both texts) similarity is the exact LCS share


def similarity(a: str, b: str) -> float:
    """Share of characters kept by the smallest character diff (2·LCS / total),
    0..1, 1 = equal. Computed by rapidfuzz's Indel distance, in C; for long
    texts (quadratic there) by the clause-then-unit diff, linear, whose
    result is cached for the display diff that usually follows."""
    if not a and not b:
        return 1.0
    if len(a) + len(b) <= SIMILARITY_EXACT:
        return float(Indel.normalized_similarity(a, b))
    if a == b:
        return 1.0
    kept = sum(len(t) for op, t in _raw_diff(a, b) if op is EditOp.EQUAL)
    return 2 * kept / (len(a) + len(b))


def judged_hunks(old: str, new: str, edits: tuple[Edit, ...]) -> list[Hunk]:
    """The hunks a verdict looks at: the display hunks when the text was
    rewritten (one before/after pair), else the unit diff's own hunks, before
    islands were absorbed (so two separate edits are judged separately)."""
    if len(edits) <= 2 and all(e.op is not EditOp.EQUAL for e in edits):
        return hunks(edits)
    return fine_hunks(old, new)


def fine_hunks(old: str, new: str) -> list[Hunk]:
    """The unit diff's hunks, with no island absorbed and no rewrite pairing."""
    return hunks(tuple(Edit(op, t) for op, t in _normalise(raw_diff(old, new))))
