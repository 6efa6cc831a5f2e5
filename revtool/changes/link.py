"""Link change-table rows to the comments (or other causes) behind them. Pure.

For each row, candidate comments are those whose resolved section overlaps the
row's sections (same section, an ancestor or a descendant), whose cited 素案
page holds the row, or whose answer names the changed text (a 「quoted」 phrase
or a stated value found in it, or the title of the row's section). Candidates
are scored by

* character-bigram TF-IDF similarity between the comment (opinion + answer,
  the answer counted twice) and the changed text,
* where the comment points: same section > on the cited page > descendant >
  ancestor > only named; a reference by page alone names the rows printed on
  that page, not the whole section holding the page,
* whether the answer names the change (a phrase, a quote, a stated value),
  discounted by how many rows hold that phrase (a template phrase names none),
  and whether the opinion names it (a quoted name, the indicator of a cell),
* the answer's own promise read as a kind of row (「施策を二つに分けて」 → a split,
  「順序を入れ替え」 → a reorder, 「目標値を修正」 → a changed value, 「削除」 →
  a deletion): agreeing raises the score, contradicting lowers it,
* the answer type: 反映 (or an answer promising an edit: …を記載する) counts
  most; 参考/既記載/不反映 answers can still link when they quote the change.

A comment links to its best row when it reaches ``LINK_THRESHOLD`` or, for an
answer promising an edit, is clearly ahead of its other rows; to a second row
only when the answer names it too. Comments compete for rows where scores are
close (``choose_links``). Explicit citations always win.

Rows without a convincing comment get ``external`` when the changed text cites
an outside revision (a plan, guideline or law 改定/改正/公表 with 第N版 or a
year-month) and ``unknown`` otherwise. ``internal`` comes from staff decisions
and from the plan's own reorganisation (only its division names changed).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import compress, repeat
from operator import mul

from revtool.changes.facts import heading_title, key
from revtool.compare import morph
from revtool.model import Cause, CauseType, Comment, Link, ResponseType, SectionPath
from revtool.changes.table import Scored  # noqa: F401 (re-exported)

LINK_THRESHOLD = 0.45
RELATIVE_CUTOFF = 0.6
NAMED_ONLY_CUTOFF = 0.9  # a row outside the comment's section needs nearly its best score
PROMISE_FLOOR = 0.35  # a 反映 answer promised an edit: its clearly best row links from here
PROMISE_MARGIN = 1.15
ONLY_ROW_FLOOR = 0.25  # a 反映 answer whose section holds one changed row links it from here
WORD_MIN = 5  # characters of an unquoted word of the answer that may name the one row holding it
WORD_NAMED = 0.6  # how strongly such a word names its row (a quote found in it: up to 1.0)
OPINION_NAMED = 0.45  # how strongly a name quoted by the opinion (or its indicator) names the one row holding it
NAMED_FLOOR = 0.4  # a mention weaker than this (a template heading shared by many rows) does not make a candidate outside the section
SAME_SECTION_BONUS = 0.08  # a 反映 answer and a row in the very section it points at  # "clearly": this much above the comment's second-best row

TYPE_WEIGHT: dict[ResponseType, float] = {
    ResponseType.REFLECTED: 1.0,
    ResponseType.OTHER: 0.55,
    ResponseType.ALREADY: 0.35,
    ResponseType.REFERENCE: 0.35,
    ResponseType.NOT_REFLECTED: 0.2,
}

RELATION_SCORE = {"same": 1.0, "page": 0.95, "descendant": 0.85, "ancestor": 0.6, "off-page": 0.45, "named": 0.5}
# "page": the row is printed on the page the comment cites (a reference by page
# alone, or one whose section was read otherwise); "off-page": inside the
# section a page-only reference resolved to, but not on the cited page.

_PROMISE = re.compile(
    r"(記載|追記|表記|掲載|明記|追加|修正|変更|反映|改め|加筆|更新|削除)(する|します|いたします|しました|した|を行う|を行います)"
)
_QUOTED = re.compile(r"[「『]([^「」『』]{2,60})[」』]")

# What kind of edit an answer promises, read from its words: the structural
# edits and a changed value first (they name one kind of row), then the verbs.
_PROMISE_SPECIFIC = (
    ("split", re.compile(r"分け|分割|二つに|独立させ")),
    ("merged", re.compile(r"統合|一本化|一つに(?:まとめ|し)|まとめ(?:る|て|ます|いたします)")),
    ("moved", re.compile(r"入れ替|入替|順序|順番|並べ替|並び替|配置を(?:変更|見直)")),
    ("renamed", re.compile(r"名称|名前|題名|表題|タイトル")),
    # the value itself changed: 「目標値を修正」「目標値を68％に引き上げ」 (not 「目標値が…かを記載する」)
    ("value", re.compile(r"(?:目標値|数値|指標値|目標水準|目標)を[^、。を]{0,15}?(?:修正|変更|引き上げ|引上げ|引き下げ|見直|改め|更新)"
                         r"|\d[\d,.]*\s*(?:％|%|人|件|回|か所|箇所|団体|校|世帯|時間|日|円)(?:に|へ|と)")),
)
_STRUCTURE = re.compile(r"構成")
_STATED_VALUE = re.compile(r"\d[\d,.]*\s*(?:％|%|人|件|回|か所|箇所|団体|校|世帯|時間|日|円)(?=に|へ|と|まで)")
# 「表記を「こども」に統一します」: a 表記ゆれ answered by a 文言整理, never by a
# substantive row that does not hold the word
_UNIFY = re.compile(r"[「『]([^「」『』]{1,20})[」』]に統一")  # 「構成を見直し」: a split, a merge or a reorder
_PROMISE_KIND = (
    ("deleted", re.compile(r"(?:削除|削り|削っ|除き|取り下げ)")),
    ("added", re.compile(r"(?:追記|追加|加筆|加え|盛り込|書き加え|付記|補記|新たに(?:記載|掲載)|掲載|明記)")),
    ("modified", re.compile(r"(?:修正|変更|改め|見直|統一|更新|差し替|差替|置き換|修文|訂正|引き上げ|引上げ|引き下げ)")),
)
_STRUCTURAL_KINDS = frozenset({"split", "merged", "moved", "renamed"})
# A sentence's own boilerplate (ご意見を踏まえ): no evidence of which row is meant.
_BOILERPLATE = re.compile(r"(?:ご|御)?(?:意見|指摘|提案|要望)(?:の(?:趣旨|内容))?(?:等)?を踏まえ(?:て|、)?|(?:ご|御)(?:意見|指摘)の(?:とおり|通り)")


def promised_kind(response: str) -> str:
    """``added`` / ``deleted`` / ``modified`` when the answer's verb says which
    edit it made (「…を追記しました」 → added), else ""."""
    found = {kind for kind, pattern in _PROMISE_KIND if pattern.search(response)}
    return next(iter(found)) if len(found) == 1 else ""


_OBJECT = re.compile(r"([^、。「」『』（）()\s]{3,40}?)を(?:[^、。を「」]{0,12}に)?"
                     r"(?:追記|追加|加え|加筆|書き加え|盛り込|記載|削除|掲載|明記)")
_GENERIC_TAIL = re.compile(r"(?:(?:に関する|についての|に係る|の)?(?:記述|記載|内容|文言|表現)|について|に関して)$")
_DEICTIC = re.compile(r"^(?:当該|該当する|該当の|その|この|上記|同様の|ご指摘の|ご意見の|という)")


def promised_objects(response: str) -> list[str]:
    """What the answer says it adds or deletes, in its own words, when it is
    specific: 「つながるアプリ事業を追記いたします」 → つながるアプリ事業; 「あんしん区民
    カード事業を主な事業に加えます」 → あんしん区民カード事業. Nothing for 「当該記述を
    削除いたします」 or 「記載を追加します」."""
    out = []
    text = _BOILERPLATE.sub("、", unicodedata.normalize("NFKC", response))
    for m in _OBJECT.finditer(text):
        obj = _GENERIC_TAIL.sub("", m.group(1))
        if len(obj) >= 4 and not _DEICTIC.search(obj) and _CONTENT_CHAR.search(obj):
            out.append(obj)
    return out


# an answer whose object is the opinion's (当該記述, ご指摘の箇所)
_POINTS_BACK = re.compile(r"当該|該当(?:する|の)?(?:記述|箇所|部分)|(?:ご|御)指摘の(?:記述|箇所|部分|文言)")
# the text an opinion describes: 「受益者負担を原則とする記述は」, 「…に関する記載を」
_DESCRIBED = re.compile(r"([^、。「」『』（）()\s]{4,40}?)(?:という|とする|とした|に関する|についての|の)?"
                        r"(?:記述|記載|表現|文言|部分|一文|箇所)(?:は|を|について|が|も)")


def described_words(opinion: str) -> tuple[str, ...]:
    """The nouns of the text an opinion describes, when it names it by two or more
    (「受益者負担を原則とする記述は…削除すべき」 → 受益者, 負担, 原則): what an answer's
    「当該記述」 points at. Empty when the opinion describes nothing so."""
    m = _DESCRIBED.search(unicodedata.normalize("NFKC", opinion))
    if not m:
        return ()
    nouns = tuple(dict.fromkeys(_norm(x.surface) for x in morph.morphemes(m.group(1))
                                if x.pos == "名詞" and x.pos2 in ("普通名詞", "固有名詞") and len(x.surface) >= 2))
    return nouns if len(nouns) >= 2 else ()


def promised_kinds(response: str) -> frozenset[str]:
    """The kinds of row the answer's promise fits, most specific first: a
    structural edit (「施策を二つに分けて」 → split, 「統合」 → merged, 「順序を入れ替え」 →
    moved, 「名称を見直し」 → renamed, 「構成を見直し」 → any of split/merged/moved), a
    changed value (「目標値を修正」「68％に引き上げ」 → value); else the verb's kind
    (added / deleted / modified); empty when the answer promises nothing
    readable. Boilerplate (ご意見を踏まえ) is not read."""
    text = _BOILERPLATE.sub("", unicodedata.normalize("NFKC", response))
    specific = {kind for kind, pattern in _PROMISE_SPECIFIC if pattern.search(text)}
    if _STRUCTURE.search(text):
        specific |= {"split", "merged", "moved"}
    if specific:
        return frozenset(specific)
    kind = promised_kind(text)
    return frozenset({kind}) if kind else frozenset()


# a quantity: digits with at most a short unit around them (43人, 64%, 約5,000件, ▲30%(導入前比)), not a
# law number (令和6年法律第65号) or a sentence that happens to hold a number
_QUANTITY = re.compile(r"[^\d\n]{0,3}\d[\d,.]*[^\d\n]{0,6}(?:\n[^\d\n]{0,3}\d[\d,.]*[^\d\n]{0,6})*")


def row_family(target: RowTarget) -> str:
    """The row's kind as answers name it: its structural kind (split, merged,
    moved, renamed), ``value`` for a number replaced by another (a 目標値 cell),
    else added / deleted / modified."""
    if target.kind in _STRUCTURAL_KINDS:
        return target.kind
    removed, added = _norm(target.removed), _norm(target.added)
    if target.kind == "modified" and all(_QUANTITY.fullmatch(x) for x in (removed, added) if x) and removed and added:
        return "value"
    return target.kind if target.kind in ("added", "deleted") else "modified"


AGREE_STRONG = 0.15  # the answer names the row's structural edit or value change
AGREE_VERB = 0.08  # the answer's verb (追記/削除) is the row's kind of edit
AGREE_WEAK = 0.04  # a generic 修正/修文 and a rewritten row
CONTRADICTS = 0.55  # 削除 for an added row, 追記 for a deleted one: the score is multiplied by this


@lru_cache(maxsize=4096)
def kind_fit(want: frozenset[str], family: str) -> tuple[float, float, str]:
    """(bonus, factor, evidence) of a row of ``family`` for an answer promising
    ``want`` (``promised_kinds``)."""
    if not want:
        return 0.0, 1.0, ""
    names = {"split": "分割", "merged": "統合", "moved": "順序の入れ替え", "renamed": "名称の変更", "value": "値の変更",
             "added": "追記", "deleted": "削除", "modified": "修正"}
    said = "・".join(names[k] for k in sorted(want, key=list(names).index))
    if family in want:
        bonus = AGREE_STRONG if family in _STRUCTURAL_KINDS or family == "value" else AGREE_VERB
        return bonus, 1.0, f"回答の約束（{said}）と変更の種類が一致"
    if want == {"modified"} and family in ("value", "renamed", "merged", "split", "moved"):
        return AGREE_WEAK, 1.0, f"回答の約束（{said}）と変更の種類が一致"
    if {"added", "deleted"} & {family} and (want & {"added", "deleted"} or want & _STRUCTURAL_KINDS or "value" in want):
        return 0.0, CONTRADICTS, f"回答の約束（{said}）と変更の種類が異なる"
    if want & (_STRUCTURAL_KINDS | {"value"}) and family not in want:
        # 「名称を見直します」 and a merge, 「分けて」 and a value: another decision
        return 0.0, 0.8, f"回答の約束（{said}）と変更の種類が異なる"
    if want <= {"added", "deleted"} and (family == "value" or family in _STRUCTURAL_KINDS):
        # 「削除」 never names a value, a split, a rename or a reorder; 「追記」 never a
        # value, a rename or a reorder (a split or a merge may add or drop a 施策)
        near = {"deleted": {"merged"}, "added": {"split", "merged"}}
        if any(family in near[k] for k in want):
            return 0.0, 0.8, f"回答の約束（{said}）と変更の種類が異なる"
        return 0.0, CONTRADICTS, f"回答の約束（{said}）と変更の種類が異なる"
    return 0.0, 1.0, ""


@dataclass(frozen=True)
class RowTarget:
    """What linking needs of one row: where it is and what text changed."""

    row_id: str
    section_paths: tuple[SectionPath, ...]
    old_section_paths: tuple[SectionPath, ...]
    removed: str
    added: str
    context: str = ""
    kind: str = ""  # the row's ChangeKind value (added / deleted / modified / split / merged / moved / renamed), when known
    old_pages: tuple[int, ...] = ()  # 素案 pages the row's places are printed on (its blocks and their sections)
    labels: str = ""  # what names a changed table cell: its row's key and its column (「…の登録者数 目標値」)


# ---------------------------------------------------------------- text similarity


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    # table cells are joined by tabs or " | " (a quoted row is written with spaces); a
    # footnote mark inside a phrase (ライフステージ※５全体) is no part of its words
    return _FOOTNOTE.sub("", re.sub(r"[\s\u3000|｜]+", "", unicodedata.normalize("NFKC", text)))


_FOOTNOTE = re.compile(r"※\d{1,2}(?![\d,.])")


_PUNCT = set("、。，．・「」『』（）()[]［］：:；;！!？?　 \n\t-ー→…")


def bigrams(text: str) -> Counter[str]:
    t = _norm(text)
    # a bigram counts when neither of its characters is punctuation
    return Counter(x + y for x, y in zip(t, t[1:]) if x not in _PUNCT and y not in _PUNCT)


class _Tfidf:
    def __init__(self, texts: list[str]) -> None:
        df: Counter[str] = Counter()
        self._grams: dict[str, Counter[str]] = {}  # text → bigrams, for vector()
        for t in texts:
            grams = self._grams.get(t)
            if grams is None:
                grams = self._grams[t] = bigrams(t)
            df.update(set(grams))
        self.n = max(len(texts), 1)
        self.df = df
        self._idf: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}

    def idf(self, g: str) -> float:
        # smoothed: with a handful of rows a bigram shared by a comment and a row
        # (df = 2) must still count
        w = self._idf.get(g)
        if w is None:
            w = self._idf[g] = math.log(1 + self.n / max(self.df.get(g, 0), 1))
        return w

    def vector(self, text: str) -> dict[str, float]:
        """The text's TF-IDF vector (computed once per text; do not modify it)."""
        vec = self._vectors.get(text)
        if vec is None:
            grams = self._grams.get(text)
            if grams is None:
                grams = bigrams(text)
            vec = self._vectors[text] = {g: (1 + math.log(c)) * self.idf(g) for g, c in grams.items()}
        return vec

    def coverage(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Share of ``a``'s weight whose bigrams occur in ``b``."""
        total = sum(a.values())
        return sum(v for g, v in a.items() if g in b) / total if total else 0.0


# ---------------------------------------------------------------- relations


@lru_cache(maxsize=16384)
def _path_key(path: SectionPath) -> tuple[str, ...]:
    return tuple(key(heading_title(h)) for h in path)


def relation(comment_paths: tuple[SectionPath, ...], row_paths: tuple[SectionPath, ...]) -> str:
    """``same`` / ``descendant`` (the row lies inside the comment's section) /
    ``ancestor`` (the row's section contains the comment's) / ``""``."""
    ckeys = [k for k in map(_path_key, comment_paths) if k]
    rkeys = [k for k in map(_path_key, row_paths) if k]
    return _relation_keys(ckeys, rkeys)


_DENIAL = re.compile(r"^(予定はな|ことは(し|考え)|考えはな|ものではな|必要はな|ことはでき|ことは困難)")


def promises_edit(response: str) -> bool:
    """Whether an answer says the plan will be (or was) edited (「記載する」, not
    「記載する予定はない」)."""
    for m in _PROMISE.finditer(response):
        if not _DENIAL.match(response[m.end():].lstrip("。、 ")):
            return True
    return False


QUOTE_PART = 8  # characters of a quote found in a change that make it name the change
GRAM = 6  # length of the character n-grams indexing rows by their changed text
MAX_ALIGN = 2_000_000  # characters² above which only whole words are looked up
_CONTENT_CHAR = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9々]")


_EDGE = re.compile(r"^[\u3040-\u309f、。・]+|[\u3040-\u309f、。・]+$")
_HIRA = re.compile(r"[\u3040-\u309f]")
_WORD = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9々・]{4,}")


def _phrase_words(a: str) -> list[str]:
    """The answer's own words (normalised answer ``a``) looked up whole."""
    return _WORD.findall(a)


def _shared(a: str, words: list[str], b: str, matcher: SequenceMatcher | None, align: bool = True) -> str:
    """The longest phrase the answer ``a`` shares with the changed text ``b``
    (normalised; kanji, katakana or latin in it, hiragana at its edges
    trimmed); ``matcher`` has ``b`` as its
    second sequence (``set_seq2`` caches its index, so one matcher serves
    every answer scored against ``b``). ``align=False`` skips the alignment
    (the caller knows ``a`` and ``b`` share no three characters in a row, so
    it could only find phrases of one or two characters, which score 0)."""
    if not a or not b:
        return ""
    best = ""
    if align and len(a) * len(b) <= MAX_ALIGN:
        if matcher is None:
            matcher = SequenceMatcher(None, a, b, autojunk=False)
        else:
            matcher.set_seq1(a)
        blocks = matcher.get_matching_blocks()
    else:
        blocks = []
    for m in blocks:
        if m.size <= len(best):
            continue  # trimming only shortens a block
        piece = _EDGE.sub("", a[m.a : m.a + m.size])
        if len(piece) > len(best) and _CONTENT_CHAR.search(piece) and len(_HIRA.findall(piece)) * 4 <= len(piece):
            best = piece
    # the matching blocks of one alignment can miss a phrase; look for the
    # answer's own words in the changed text too
    for word in words:
        if len(word) > len(best) and word in b:
            best = word
    return best


def _longest_match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """``SequenceMatcher(None, a, b, autojunk=False).find_longest_match(alo,
    ahi, blo, bhi)`` (nothing junk): the longest common block, the earliest in
    ``a``, then in ``b``. Found with ``str.find``, growing the length while
    some start in ``a`` still matches (a block of length n + 1 starts with one
    of length n), which is quick for a short answer against a long change."""
    starts = [i for i in range(alo, ahi) if b.find(a[i], blo, bhi) >= 0]
    n = 0
    while starts:
        n += 1
        longer = [i for i in starts if i + n < ahi and b.find(a[i : i + n + 1], blo, bhi) >= 0]
        if not longer:
            break
        starts = longer
    if not starts:
        return alo, blo, 0
    i = starts[0]
    return i, b.find(a[i : i + n], blo, bhi), n


def _longest_from(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, least: int) -> tuple[int, int, int]:
    """``_longest_match(a, b, alo, ahi, blo, bhi)`` when its block has ``least``
    characters or more, else ``(alo, blo, 0)``: the same growth, started at
    ``least`` characters (the starts of blocks that long are those of the
    longest block's length's too)."""
    least = max(least, 1)
    starts = [i for i in range(alo, ahi - least + 1) if b.find(a[i : i + least], blo, bhi) >= 0]
    if not starts:
        return alo, blo, 0
    n = least
    while True:
        longer = [i for i in starts if i + n < ahi and b.find(a[i : i + n + 1], blo, bhi) >= 0]
        if not longer:
            break
        starts = longer
        n += 1
    i = starts[0]
    return i, b.find(a[i : i + n], blo, bhi), n


def _shared_scored(a: str, words: list[str], b: str, matcher: SequenceMatcher | None, align: bool, least: int = 3) -> str:
    """``_shared`` as far as scoring can tell: the same phrase whenever it has
    three characters or more (shorter phrases score 0 and are not shown).

    It walks the ranges of ``SequenceMatcher.get_matching_blocks`` itself
    (the same longest blocks, ``_longest_match``, in the same order) but leaves out
    a range too small to hold a phrase that could win: one shorter than
    three characters, than the longest of the answer's words found in ``b``
    (a word wins over a phrase shorter than it) or than the best phrase so
    far (a phrase must be strictly longer, or as long and earlier, to win).
    Without junk the blocks of nested ranges are never adjacent, so
    get_matching_blocks' merging of adjacent blocks does nothing here.

    ``least`` (≥ 3): the shortest phrase the caller reads; ranges too small to
    hold one are left out as well, so the phrase is the same whenever it has
    ``least`` characters or more (the ranges that can hold one are the same
    ranges, walked in the same order). A range whose longest block is too
    short to win is not split further either: the blocks of its parts are no
    longer. Below ``least`` characters the phrase may differ from ``_shared``'s
    (scoring reads none)."""
    if not a or not b:
        return ""
    if not align or len(a) * len(b) > MAX_ALIGN:
        return _shared(a, words, b, None, align)
    floor = max([least] + [len(w) for w in words if w in b])
    best, best_at = "", -1
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        if min(ahi - alo, bhi - blo) < max(floor, len(best)):
            continue
        i, j, k = _longest_from(a, b, alo, ahi, blo, bhi, max(floor, len(best)))
        if k < max(floor, len(best)):
            # no block of the range, nor of the ranges it splits into (none longer than
            # this one), can win: shorter than the best phrase, or than the floor (a word
            # found in ``b`` is longer than any such phrase and replaces it at the end)
            continue
        if k >= len(best):
            piece = _EDGE.sub("", a[i : i + k])
            if (
                (len(piece) > len(best) or (len(piece) == len(best) and i < best_at))
                and _CONTENT_CHAR.search(piece)
                and len(_HIRA.findall(piece)) * 4 <= len(piece)
            ):
                best, best_at = piece, i
        if alo < i and blo < j:
            queue.append((alo, i, blo, j))
        if i + k < ahi and j + k < bhi:
            queue.append((i + k, ahi, j + k, bhi))
    for word in words:
        if len(word) > len(best) and word in b:
            best = word
    return best


def _titles(target: RowTarget) -> set[str]:
    return {_norm(heading_title(h)) for path in target.section_paths for h in path[-2:]}


def _named(comment: Comment, target: RowTarget, title_rows: "Counter[str] | None" = None) -> tuple[float, str]:
    """How strongly the answer names the change: 1.0 for a quoted phrase found
    in the changed text, 0.6 for the title of the row's (new) section."""
    quotes = [(q, _norm(q)) for q in _QUOTED.findall(comment.response)]
    titles = [(heading_title(h), _norm(heading_title(h))) for path in target.section_paths for h in path[-2:]]
    return _named_from(quotes, _norm(comment.response), _norm(target.added + "\n" + target.removed), titles, title_rows)


_DIGIT = re.compile(r"[0-9]")


def _named_from(
    quotes: list[tuple[str, str]],
    resp: str,
    changed: str,
    titles: list[tuple[str, str]],
    title_rows: "Counter[str] | None",
    hits: "set[str] | None" = None,
    piece_rows: "Callable[[str], int] | None" = None,
    added: str = "",
    may_share: "Callable[[str], bool] | None" = None,
) -> tuple[float, str]:
    """``_named`` on precomputed parts: the answer's quotes (raw, normalised),
    the normalised answer and changed text, the row's titles (raw,
    normalised) in order; ``hits``: the normalised titles found in the answer,
    when already known; ``may_share(qn)``: False when the changed text holds
    none of quote ``qn``'s ``GRAM``-character pieces (so no block of
    ``QUOTE_PART`` characters: its search is skipped)."""
    for q, qn in quotes:
        if len(qn) >= 4 and qn in changed:
            # a phrase that is most of the change names it; one lost in a long
            # added section barely does
            share = min(1.0, 4 * len(qn) / max(len(changed), 1))
            return 0.5 + 0.5 * share, f"回答が「{q}」に言及"
    if quotes and (added and len(added) >= 3 and _DIGIT.search(added) or len(added) >= 6):
        for q, qn in quotes:
            if added in qn:
                # the whole (short) new text inside the promise: 「…を1,660件とする」 → 1,660件
                spread = piece_rows(added) if piece_rows is not None else 1
                return (0.5 + 0.4 * len(added) / len(qn)) / math.sqrt(max(spread, 1)), f"回答の「{q}」に変更後の「{added}」"
    for q, qn in quotes:
        # the promised text quoted with some of its unchanged surroundings, or
        # cut short: most of it (eight characters at least) is in the change
        least = max(QUOTE_PART, -(-len(qn) // 2))  # the block this needs: QUOTE_PART characters, half the quote
        if len(qn) >= QUOTE_PART and (may_share is None or may_share(qn)):
            # the longest block, when it has the `least` characters that name (else k = 0)
            i, _, k = _longest_from(qn, changed, 0, len(qn), 0, len(changed), least)
            if k >= QUOTE_PART and k * 2 >= len(qn):
                share = min(1.0, 4 * k / max(len(changed), 1))
                # a piece many rows share (a templated sentence) names none of them
                spread = piece_rows(qn[i : i + k]) if piece_rows is not None else 1
                strength = (0.5 + 0.5 * share) * (0.6 + 0.4 * k / len(qn)) / math.sqrt(max(spread, 1))
                return strength, f"回答が「{q}」に言及（{k}文字が変更箇所と一致）"
    named: list[str] = []
    for raw, t in titles:
        if len(t) >= 4 and (t in hits if hits is not None else t in resp) and raw not in named:
            named.append(raw)
    if named:
        strength = 0.9 if len(named) >= 2 else 0.6
        # a title shared by several rows (（2）成果指標 of every 施策) names none of them well
        spread = max((title_rows or Counter()).get(_norm(t), 1) for t in named)
        return strength / math.sqrt(spread), "回答が見出し「" + "」「".join(named) + "」に言及"
    return 0.0, ""


# ---------------------------------------------------------------- scoring


_REL_ORDER = {"": 0, "ancestor": 1, "descendant": 2, "same": 3}


def _relation_keys(ckeys: list[tuple[str, ...]], rkeys: list[tuple[str, ...]]) -> str:
    """``relation`` on precomputed, non-empty path keys."""
    best = ""
    for ck in ckeys:
        for rk in rkeys:
            if ck == rk:
                rel = "same"
            elif rk[: len(ck)] == ck:
                rel = "descendant"
            elif ck[: len(rk)] == rk:
                rel = "ancestor"
            else:
                continue
            if _REL_ORDER[rel] > _REL_ORDER[best]:
                best = rel
    return best


@dataclass
class _Row:
    """What scoring needs of one row, computed once."""

    target: RowTarget
    order: int
    vec: dict[str, float]
    norm: float
    keys: list[tuple[str, ...]]
    changed: str  # normalised added + removed
    changed_len: int
    titles: list[tuple[str, str]]
    matcher: SequenceMatcher | None = None
    phrases: dict[str, str] = field(default_factory=dict)  # normalised answer → shared phrase
    trigrams: set[str] = field(default_factory=set)  # of ``changed``
    added: str = ""  # normalised added text
    pages: frozenset[int] = frozenset()  # 素案 pages of the row's places
    keys_named: tuple[str, ...] = ()  # normalised row keys (6+ characters) of its changed table cells
    family: str = ""  # row_family


def _row_keys(labels: str) -> tuple[str, ...]:
    """The row keys of a row's changed cells (each label line is 「row key column」),
    normalised, when long enough to name an indicator (6+ characters)."""
    keys = []
    for line in labels.splitlines():
        k = _norm(line.rsplit(" ", 1)[0] if " " in line else line)
        if len(k) >= 6:
            keys.append(k)
    return tuple(keys)


def _holders(piece: str, rows: "list[_Row]", by_gram: dict[str, set[int]],
             by_tri: "dict[str, set[int]] | None" = None) -> list[int]:
    """The rows whose changed text holds ``piece``; ``by_tri``: the rows by
    the trigrams of their changed text, to look up a piece shorter than ``GRAM``."""
    return sorted(r for r in _pool(piece, rows, by_gram, by_tri) if piece in rows[r].changed)


def _pool(piece: str, rows: "list[_Row]", by_gram: dict[str, set[int]],
          by_tri: "dict[str, set[int]] | None" = None) -> "set[int] | range":
    """Rows among which are all those whose changed text holds ``piece``
    (with ``by_tri``: those holding both its first and its last piece)."""
    if len(piece) >= GRAM:
        if by_tri is None:
            return by_gram.get(piece[:GRAM], set())
        return by_gram.get(piece[:GRAM], set()) & by_gram.get(piece[-GRAM:], set())
    if by_tri is not None and len(piece) >= 3:
        return by_tri.get(piece[:3], set()) & by_tri.get(piece[-3:], set())
    return range(len(rows))


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def _norm_of(vec: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def score_pairs(targets: list[RowTarget], comments: list[Comment], cited: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate (comment, row) pair with its score, best first. A cited
    comment (ingest --cites) is a candidate for every row.

    Row and comment features are computed once; a comment's candidate rows
    come from indexes (section-path prefixes, section titles, quoted phrases)
    instead of a scan of every row."""
    docs = [t.added + "\n" + t.removed for t in targets] + [c.opinion + "\n" + c.response for c in comments]
    model = _Tfidf(docs)
    title_rows: Counter[str] = Counter()
    for t in targets:
        title_rows.update(_titles(t))
    rows: list[_Row] = []
    by_prefix: dict[tuple[str, ...], list[int]] = {}  # every prefix of a row's path key → rows
    by_key: dict[tuple[str, ...], list[int]] = {}  # a row's whole path key → rows
    by_title: dict[str, list[int]] = {}  # normalised title (4+ chars) → rows
    by_gram: dict[str, set[int]] = {}  # GRAM-character piece of a row's changed text → rows
    by_page: dict[int, list[int]] = {}  # 素案 page → rows printed on it
    by_tri: dict[str, set[int]] = {}  # trigram of a row's changed text → rows (pieces shorter than GRAM)
    for i, t in enumerate(targets):
        vec = model.vector(t.added + "\n" + t.removed)
        keys = [k for k in (_path_key(p) for p in t.section_paths + t.old_section_paths) if k]
        titles = [(heading_title(h), _norm(heading_title(h))) for path in t.section_paths for h in path[-2:]]
        rows.append(_Row(t, i, vec, _norm_of(vec), keys, _norm(t.added + "\n" + t.removed + "\n" + t.labels),
                         max(len(_norm(t.added + t.removed)), 1), titles, pages=frozenset(t.old_pages),
                         family=row_family(t), keys_named=_row_keys(t.labels)))
        rows[-1].trigrams = _trigrams(rows[-1].changed)
        for g in rows[-1].trigrams:
            by_tri.setdefault(g, set()).add(i)
        rows[-1].added = _norm(t.added)
        for pg in t.old_pages:
            by_page.setdefault(pg, []).append(i)
        for k in keys:
            by_key.setdefault(k, []).append(i)
            for n in range(1, len(k) + 1):
                by_prefix.setdefault(k[:n], []).append(i)
        for _, tn in titles:
            if len(tn) >= 4:
                by_title.setdefault(tn, []).append(i)
        changed_i = rows[-1].changed
        for g in {changed_i[j : j + GRAM] for j in range(len(changed_i) - GRAM + 1)}:
            by_gram.setdefault(g, set()).add(i)
    # row keys of changed cells by their first six characters (every key has six or more):
    # the rows whose key an opinion holds, found from the opinion instead of a scan of every row
    by_key_head: dict[str, list[tuple[str, int]]] = {}
    for r in rows:
        for row_key in r.keys_named:
            by_key_head.setdefault(row_key[:6], []).append((row_key, r.order))
    # rows whose whole new text is short (a value, a name): looked up inside quotes
    short_added = [r for r in rows if 3 <= len(r.added) < GRAM * 4]
    long_added = {r.order for r in rows if len(r.added) >= GRAM * 4}
    short_by_head: dict[str, list[tuple[int, str]]] = {}  # first 3 characters of a short new text → (row, text)
    for r in short_added:
        short_by_head.setdefault(r.added[:3], []).append((r.order, r.added))
    by_title_head: dict[str, list[str]] = {}  # first 4 characters of a title → titles (finds those in an answer)
    for tn in by_title:
        by_title_head.setdefault(tn[:4], []).append(tn)
    # a title shared by so many rows that naming it cannot reach NAMED_FLOOR (0.9/√rows,
    # _named_from) makes no candidate by itself: its rows count only when related or quoted
    weak_titles = {tn for tn in by_title if 0.9 / math.sqrt(max(title_rows.get(tn, 1), 1)) < NAMED_FLOOR}
    piece_cache: dict[str, int] = {}  # piece of text → rows whose changed text holds it
    relation_memo: dict[tuple[tuple[str, ...], ...], dict[int, str]] = {}  # comment's path keys → row → relation
    word_rows: dict[str, frozenset[int]] = {}  # a word an opinion describes → rows whose changed text holds it
    out: list[Scored] = []
    for c in comments:
        cvec = model.vector(c.opinion + "\n" + c.response + "\n" + c.response)
        cnorm = _norm_of(cvec)
        ckeys_g, cvals = list(cvec.keys()), list(cvec.values())
        rvec = model.vector(c.response)
        rtotal = sum(rvec.values())
        rkeys_g, rvals = list(rvec.keys()), list(rvec.values())
        reflected = c.response_type == ResponseType.REFLECTED or promises_edit(c.response)
        weight = 1.0 if reflected else TYPE_WEIGHT.get(c.response_type, 0.3)
        resp = _norm(c.response)
        # phrases are looked for outside the answer's boilerplate (ご意見を踏まえ)
        resp_words = _BOILERPLATE.sub("＿", resp)
        words = _phrase_words(resp_words)
        want = promised_kinds(c.response) if reflected else frozenset()
        cpages = set(c.locator.pages)
        # a reference by page alone resolves to the smallest section holding
        # the whole page: only the rows printed on that page are where it points
        page_only = bool(cpages) and not c.locator.numbers and not c.locator.title and not c.locator.every
        # the opinion's own words (a name it quotes, the indicator it discusses)
        # (read for answers promising an edit only: the others hardly link)
        op = _BOILERPLATE.sub("＿", _norm(c.opinion)) if reflected else ""
        op_words = _phrase_words(op)
        op_quotes = [_norm(q) for q in _QUOTED.findall(c.opinion) if len(_norm(q)) >= 4] if reflected else []
        op_tri = _trigrams(op)
        quotes = [(q, _norm(q)) for q in _QUOTED.findall(c.response)]
        # a value the answer states (「目標値を47人に引き上げます」) names the cell now
        # holding it; the object of its promise (「つながるアプリ事業を追記いたします」)
        # names the text that must now be in 案
        quotes += [(v, _norm(v)) for v in (_STATED_VALUE.findall(c.response) + promised_objects(c.response) if reflected else [])
                   if not any(_norm(v) in qn for _, qn in quotes)]
        unify = _UNIFY.findall(unicodedata.normalize("NFKC", c.response)) if reflected else []
        ckeys = [k for k in (_path_key(p) for p in c.resolved_section_paths) if k]
        # comments citing the same places (a chapter cited by many) share their relations to the rows
        relations = relation_memo.setdefault(tuple(ckeys), {})
        # for each quote long enough to name a row by a block of it: the rows holding
        # one of its GRAM-character pieces (any other row shares no such block with it)
        quote_rows = {qn: set().union(*(by_gram.get(qn[j : j + GRAM], ()) for j in range(len(qn) - GRAM + 1)))
                      for _, qn in quotes if len(qn) >= QUOTE_PART}
        hits = {tn for j in range(len(resp) - 3) for tn in by_title_head.get(resp[j : j + 4], ()) if tn in resp}
        rtri: set[str] | None = None

        def piece_rows(piece: str) -> int:
            """How many rows' changed text holds ``piece``."""
            n = piece_cache.get(piece)
            if n is None:
                n = piece_cache[piece] = sum(1 for r in _pool(piece, rows, by_gram, by_tri) if piece in rows[r].changed)
            return n

        if c.id in cited:
            cand: set[int] = set(range(len(rows)))
        else:
            cand = set()
            for ck in ckeys:
                cand.update(by_prefix.get(ck, ()))  # same or descendant
                for n in range(1, len(ck)):
                    cand.update(by_key.get(ck[:n], ()))  # ancestor
            for tn in hits:
                if tn not in weak_titles:
                    cand.update(by_title[tn])
                elif quotes:  # its rows may still be named by a quote holding their whole new text
                    cand.update(i for i in by_title[tn] if rows[i].added and any(rows[i].added in qn for _, qn in quotes))
            for pg in cpages:
                cand.update(by_page.get(pg, ()))
            for _, qn in quotes:
                if len(qn) >= GRAM:
                    # rows sharing pieces of the quote: _named_from names a row by a
                    # quote only when all of it, or a block of `least` characters, is
                    # in its change, and such a block holds `sampled` of the pieces
                    # looked up (every other position); or when the row's whole new
                    # text is in a quote (short ones: short_added below)
                    shared: Counter[int] = Counter()
                    for j in range(0, len(qn) - GRAM + 1, 2):
                        shared.update(by_gram.get(qn[j : j + GRAM], ()))
                    least = max(QUOTE_PART, -(-len(qn) // 2))
                    sampled = max(1, (least - GRAM + 1) // 2)
                    cand.update(r for r, n in shared.items() if n >= sampled
                                or r in long_added and any(rows[r].added in q for _, q in quotes))
                elif len(qn) >= 4:
                    cand.update(_holders(qn, rows, by_gram, by_tri))
                if len(qn) >= 3:
                    # the short new texts the quote holds, each found where it starts in the quote
                    cand.update(r for j in range(len(qn) - 2) for r, a in short_by_head.get(qn[j : j + 3], ())
                                if qn.startswith(a, j))
        # a word of the promise (「つながるアプリ事業を追記いたします」) held by one
        # changed row only names that row, quoted or not; so does a name the
        # opinion quotes (「あんしん窓口」に関する記述は削除すべき) or the indicator it
        # discusses (ごみ収集の参加者数の目標値は…), when a reference read ambiguously
        # left that row out
        word_named: dict[int, str] = {}
        op_named: dict[int, str] = {}
        pointed: dict[int, str] = {}  # the row the answer's 当該記述 points at, by the opinion's words
        if reflected:
            for w in sorted({w for w in words if len(w) >= WORD_MIN}, key=len, reverse=True):
                holders = _holders(w, rows, by_gram, by_tri)
                if len(holders) == 1 and holders[0] not in word_named:
                    word_named[holders[0]] = w
            for q in op_quotes:
                holders = _holders(q, rows, by_gram, by_tri)
                if len(holders) == 1:
                    op_named.setdefault(holders[0], q)
            # an answer pointing back (「当該記述を削除いたします」): the text the opinion
            # describes (受益者負担を原則とする記述は…), all its nouns in one row only
            described = described_words(c.opinion) if _POINTS_BACK.search(c.response) else ()
            if described:
                for w in described:
                    if w not in word_rows:
                        word_rows[w] = frozenset(_holders(w, rows, by_gram, by_tri))
                holding = frozenset.intersection(*(word_rows[w] for w in described))
                if len(holding) == 1:
                    # the answer names it as much as a word of its own would (WORD_NAMED)
                    pointed[next(iter(holding))] = "・".join(described)
            # the rows holding a key the opinion holds (a key found in it starts at one of its positions)
            keyed = sorted({i for j in range(len(op) - 5) for row_key, i in by_key_head.get(op[j : j + 6], ())
                            if op.startswith(row_key, j)})
            if len(keyed) == 1:
                op_named.setdefault(keyed[0], next(k for k in rows[keyed[0]].keys_named if k in op))
            cand.update(word_named)
            cand.update(op_named)
            cand.update(pointed)
        for i in sorted(cand):
            row = rows[i]
            t = row.target
            rel = relations.get(i)
            if rel is None:
                rel = relations[i] = _relation_keys(ckeys, row.keys)
            on_page = bool(cpages) and not cpages.isdisjoint(row.pages)
            if page_only and rel and row.pages:
                rel = "page" if on_page else "off-page"
            elif on_page and not rel:
                rel = "page"  # the page says so where the numbers or the title were read otherwise
            if quotes or hits:
                named, named_ev = _named_from(quotes, resp, row.changed, row.titles, title_rows, hits, piece_rows, row.added,
                                              lambda qn: i in quote_rows[qn])
            else:
                named, named_ev = 0.0, ""  # no quote, no title named: _named_from finds nothing
            if named < WORD_NAMED and i in word_named:
                named, named_ev = WORD_NAMED, f"回答の「{word_named[i]}」を含む唯一の変更"
            elif named < WORD_NAMED and i in pointed:
                named, named_ev = WORD_NAMED, f"回答の「当該記述」が指す意見の記述の語（{pointed[i]}）をすべて含む唯一の変更"
            elif named < OPINION_NAMED and i in op_named:
                named, named_ev = OPINION_NAMED, f"意見の「{op_named[i]}」を含む唯一の変更"
            if not rel and c.id not in cited and (not named or named < NAMED_FLOOR):
                continue  # outside the comment's section only a specific mention counts
            tvec = row.vec
            if cvec and tvec and cnorm and row.norm:
                # the products in the order of _Tfidf.cosine, so the sum is the same
                cos = sum(map(mul, cvals, map(tvec.get, ckeys_g, repeat(0.0)))) / (cnorm * row.norm)
            else:
                cos = 0.0
            # the answer's weights whose bigram the row has, summed in the answer's order
            cov = sum(compress(rvals, map(tvec.__contains__, rkeys_g))) / rtotal if rtotal else 0.0
            sim = max(cos, 0.6 * cov)
            sim_part = min(1.0, sim * 2.5)
            rel_part = RELATION_SCORE.get(rel or "named", 0.5)
            phrase = row.phrases.get(resp_words)
            if phrase is None:  # answers repeat (定型の回答): one alignment per answer text and row
                if row.matcher is None and row.changed:
                    row.matcher = SequenceMatcher(None, "", row.changed, autojunk=False)
                # a phrase of one or two characters scores 0 and is not shown
                # (phrase_part below): align only when three characters in a row are shared
                if rtri is None:
                    rtri = _trigrams(resp_words)
                phrase = row.phrases[resp_words] = _shared_scored(
                    resp_words, words, row.changed, row.matcher, not rtri.isdisjoint(row.trigrams)
                )
            changed_len = row.changed_len
            phrase_part = min(1.0, max(0, len(phrase) - 2) / 4) * (0.5 + 0.5 * min(1.0, 4 * len(phrase) / changed_len))
            if phrase_part:
                # a phrase many rows share (a templated sentence, 「外国人住民」 in
                # every 「…の声を踏まえ」) names none of them: IDF-like discount
                phrase_part /= math.sqrt(max(piece_rows(phrase), 1))
            # the opinion names the row: a name it quotes in the changed text, the
            # indicator it discusses in the changed cell's row
            op_phrase = next((q for q in op_quotes if q in row.changed), "")
            if not op_phrase and op and not op_tri.isdisjoint(row.trigrams):
                # read only from four characters on (op_part): the same phrase whenever it counts
                op_phrase = _shared_scored(op, op_words, row.changed, None, True, least=4)
            op_part = 0.0
            if len(op_phrase) >= 4:
                # a phrase lost in a long change (a whole 施策 moved) barely names it
                op_part = (min(1.0, (len(op_phrase) - 3) / 5) * (0.5 + 0.5 * min(1.0, 4 * len(op_phrase) / changed_len))
                           / math.sqrt(max(piece_rows(op_phrase), 1)))
            raw = 0.25 * rel_part + 0.35 * sim_part + 0.25 * phrase_part + 0.35 * named + 0.2 * op_part
            # the answer's own promise: the edit it names is the row's kind of
            # edit, in the section the comment points at
            bonus, factor, kind_ev = kind_fit(want, row.family)
            if unify and not any(_norm(u) in row.changed for u in unify):
                bonus, factor, kind_ev = 0.0, CONTRADICTS, f"回答は表記の統一（「{unify[0]}」）で、この行の変更ではない"
            raw = (raw + bonus) * factor
            if reflected and rel in ("same", "page"):
                raw += SAME_SECTION_BONUS
            score = round(min(1.0, weight * raw), 3)
            why = [f"{c.response_type.value}" + ("（回答に修正の記述）" if reflected and c.response_type != ResponseType.REFLECTED else "")]
            if rel:
                why.append({"same": "同じ節", "descendant": "指摘箇所の下位の節", "ancestor": "指摘箇所を含む節",
                            "page": f"指摘のページ（{'、'.join(f'P.{p}' for p in sorted(cpages))}）の箇所",
                            "off-page": "指摘のページを含む節（ページ外）"}[rel])
            if named_ev:
                why.append(named_ev)
            if kind_ev:
                why.append(kind_ev)
            if phrase_part and not named_ev.endswith(f"「{phrase}」に言及"):
                why.append(f"共通の語句「{phrase}」")
            if op_part and f"「{op_phrase}」" not in named_ev:
                why.append(f"意見が「{op_phrase}」に言及")
            why.append(f"文字類似度{sim:.2f}")
            out.append(Scored(c.id, t.row_id, score, rel or "named", "、".join(why), reflected, named,
                              (2 if bonus >= AGREE_STRONG else 1) if bonus else (-1 if factor < 1 else 0),
                              phrase if phrase_part else (op_phrase if op_part else "")))
    out.sort(key=lambda s: (-s.score, s.comment_id, s.row_id))
    return out


EXTRA_CUTOFF = 0.85  # a comment's second row: this near its best one, and named by the answer
EXTRA_NAMED = 0.5  # how strongly the answer must name a second row (a quote found in it)
NEAR_TIE = 0.9  # rows within this share of a comment's best score compete for it
_PLACE_RANK = {"same": 4, "page": 3, "descendant": 3, "ancestor": 2, "off-page": 1, "named": 0}
TIE = 0.98  # a second row this close to the best, neither named by the answer: no link (a coin toss is no evidence)


def choose_links(
    scored: list[Scored],
    cited: frozenset[str] = frozenset(),
    confirmed: tuple[tuple[str, str], ...] = (),
    rejected: tuple[tuple[str, str], ...] = (),
    answers: "dict[str, str] | None" = None,
) -> tuple[Link, ...]:
    """Links from scored pairs. ``confirmed`` (comment, row) pairs always link
    with confidence 1.0; ``rejected`` pairs never link; a ``cited`` comment
    (ingest --cites) links to its best row even below the threshold.

    Otherwise a comment links to ONE row, its best: when the score reaches
    ``LINK_THRESHOLD``, or when its answer promised an edit and the row is
    clearly ahead of the comment's other rows (``PROMISE_MARGIN``) or the only
    row where the comment points. A second row links only when the answer names
    it too (a quote found in it), it scores nearly as well and it is no farther
    from where the comment points than the first: one answer
    rarely causes two rows, and vague answers (「構成を見直し修文いたします」) must
    not spill onto their neighbours.

    Comments compete for rows: comments are settled most decisive first, and a
    row already taken by a comment with another answer (``answers``: comment id
    → answer text) steps back when a comment hesitates between it and rows
    within ``NEAR_TIE`` of it (a greedy matching over the score matrix where the
    scores are close). Comments with the same answer share a row."""
    rejected_set = set(rejected)
    answers = answers or {}
    ranked: dict[str, list[Scored]] = {}
    for s in scored:
        if (s.comment_id, s.row_id) in rejected_set:
            continue
        ranked.setdefault(s.comment_id, []).append(s)
    links: dict[tuple[str, str], Link] = {}
    for c, r in confirmed:
        links[(c, r)] = Link(c, r, 1.0, "職員が確認したリンク（decisions.toml）")
    confirmed_comments = {c for c, _ in confirmed}

    def margin(items: list[Scored]) -> float:
        return items[0].score - (items[1].score if len(items) > 1 else 0.0)

    order = sorted(ranked, key=lambda cid: (-margin(sorted(ranked[cid], key=lambda x: -x.score)), cid))
    taken: dict[str, set[str]] = {}  # row → normalised answers of the comments linked to it
    for cid in order:
        if cid in confirmed_comments:
            continue
        items = sorted(ranked[cid], key=lambda x: (-x.score, x.row_id))
        top = items[0].score
        if cid in cited:
            for s in items:
                if s.score >= top * RELATIVE_CUTOFF and s.score > 0:
                    links[(cid, s.row_id)] = Link(cid, s.row_id, max(s.score, 0.9), "改定時に引用された意見（--cites）、" + s.evidence)
            continue
        answer = _norm(answers.get(cid, ""))
        near = [s for s in items if s.score >= top * NEAR_TIE]
        free = [s for s in near if not (taken.get(s.row_id, set()) - {answer})] if answer else near
        competed = ""
        if free and free[0] is not items[0]:
            # the best row is explained by another answer: take the next free one
            competed = "（同程度の候補のうち、他の回答に対応済みでない行）"
            in_free, in_near = set(free), set(near)  # membership by equality, as in the lists, in one step
            rest = [s for s in items if s is not free[0] and (s in in_free or s not in in_near)]
            items = [free[0]] + rest
        first = items[0]
        second = items[1].score if len(items) > 1 else 0.0
        chosen: list[Scored] = []
        rival = max((s.score for s in items[1:] if _PLACE_RANK[s.relation] >= _PLACE_RANK[first.relation]), default=0.0)
        if rival >= first.score * TIE and first.named < EXTRA_NAMED:
            continue  # two rows equally likely and nothing names either: staff choose (the 反映 answer is warned)
        if first.score >= LINK_THRESHOLD and (first.relation != "named" or first.score >= top * NAMED_ONLY_CUTOFF):
            chosen.append(first)
        elif (first.promised and first.fits >= 0 and first.relation != "named"
              and first.score >= (ONLY_ROW_FLOOR if first.fits >= 2 else PROMISE_FLOOR)
              and first.score >= second * PROMISE_MARGIN):
            # a promise naming the row's very kind of edit (「施策を二つに分けて」 and the one
            # split there) links it from a lower score: the page cited may be its heading's
            chosen.append(first)
        elif (first.promised and first.fits >= 0 and first.relation in ("same", "descendant", "page") and len(items) == 1
              and first.score >= ONLY_ROW_FLOOR):
            # the one row where a 反映 answer points, however vague the answer
            # (「目標値を修正いたします」)
            chosen.append(first)
        if chosen:
            for s in items[1:]:
                # never farther from where the comment points than the first row: the same words
                # edited in another 施策 answer another comment there
                if s.score >= LINK_THRESHOLD and s.score >= first.score * EXTRA_CUTOFF and s.named >= EXTRA_NAMED \
                        and _PLACE_RANK[s.relation] >= _PLACE_RANK[first.relation]:
                    chosen.append(s)
        for s in chosen:
            links[(cid, s.row_id)] = Link(cid, s.row_id, s.score, s.evidence + (competed if s is first else ""))
            if answer:
                taken.setdefault(s.row_id, set()).add(answer)
    return tuple(sorted(links.values(), key=lambda l: (_rid(l.row_id), _cid(l.comment_id))))


def _rid(row_id: str) -> tuple[int, str]:
    m = re.match(r"R(\d+)$", row_id)
    return (int(m.group(1)), "") if m else (10**9, row_id)


# ---------------------------------------------------------------- external causes

_DOC = r"[「『]([^「」『』]{2,60})[」』]"
_YEAR_MONTH = r"((?:19|20)\d{2}年(?:（[^）]{1,8}）)?\d{1,2}月|(?:令和|平成)(?:\d{1,2}|元)年(?:（[^）]{1,8}）)?\d{1,2}月)"
_EDITION = r"第\s*[0-9０-９.．一二三四五六七八九十]+\s*(?:版|次|期)"
# 決定 alone is a revision only said of a plan-like document (「第12次交通安全基本計画」が決定され,
# …大綱を決定): 事業の実施が決定 is no outside revision
_REVISE_VERB = (r"(改定|改訂|改正|公表|策定|施行|閣議決定|制定|公布|告示|発出|更新|成立"
                r"|(?<=[画針略綱ン想][」』][がを])決定|(?<=[画針略綱ン想][がを])決定)")
_ORG = r"(組織(?:改正|改編|編制|再編|変更)|機構改革)"
_DOC_SUFFIX = (
    r"(?:計画|指針|方針|ガイドライン|ガイドブック|戦略|プラン|要綱|要領|手引き?|法律?|条例|規則|ビジョン|構想|報告書|基準|マニュアル|大綱)"
)
_NAMED_DOC = re.compile(r"([^\s、。「」『』（）()\u3000]{2,40}?" + _DOC_SUFFIX + r")(?=は|が|を|の|[（(]?第|\s*第)")
_ORG_UNIT = re.compile(r"(担当課長|課長|部長|室長|係長|担当部長|課|室|係|部|センター|担当|庁|事務局|本部|局|府|省)$")
# a name cut with the particle phrase after it (共生社会推進庁と連携し, …庁が実施し, …庁を中心に)
_ORG_TAIL = re.compile(r"(?:が|を|と|に|で|の|は|も)[^、。]{0,6}$")
# the state's own bodies (内閣府…室 → …庁): a reorganisation of the government, not the author's
_NATIONAL_BODY = re.compile(r"内閣府|内閣官房|庁|省|本部事務局|政府")


@dataclass(frozen=True)
class External:
    """An outside revision cited by the new text."""

    document: str  # 「自治体DX推進計画」; "" when not named
    when: str  # 2025年12月; "" when unknown
    edition: str  # 第5.0版
    verb: str  # 改定 / 公表 / 改正 / 組織改正
    sentence: str  # the sentence that says so
    finding: str = ""  # 「…が示され」 part, when the text has one


def _clean_when(when: str) -> str:
    return re.sub(r"（[^）]*）", "", when)


_BRACKETED = re.compile(r"[「『]([^「」『』\n]+)[」』]")


def _in_other_name(sentence: str, at: int, document: str) -> bool:
    """Whether offset ``at`` lies inside a 「」 name that is not ``document``
    (「第五次環境基本計画」 next to the revised 「生物多様性国家戦略2023-2030」):
    that name's edition is not the revised document's."""
    for m in _BRACKETED.finditer(sentence):
        if m.start() < at < m.end():
            return not document or _norm(document) not in _norm(m.group(1))
    return False


_BILL = re.compile(r"法律案|法案|改正案")


@dataclass(frozen=True)
class Prior:
    """What the old version already knew: its whole text (to find a document it
    cites) and the newest year and month it dates a revision by
    （令和５年７月28日閣議決定）, 2024年3月に改定された). The old version was written
    after that, so a revision dated no later is not one between the versions."""

    raw: str = ""
    newest: tuple[int, int] | None = None

    @cached_property
    def text(self) -> str:
        """``raw`` normalized as ``_norm`` does, on first need (most rows cite nothing)."""
        return _norm.__wrapped__(self.raw)


# a date in the text as printed (full-width digits, spaces, （令和7年）): 令和５年 11 月, 2025年（令和7年）12月
_RAW_DATE = (r"((?:19|20)\d{2}\s*年(?:\s*[（(][^）)]{1,8}[）)])?\s*\d{1,2}\s*月"
             r"|(?:令和|平成)\s*(?:\d{1,2}|元)\s*年(?:\s*[（(][^）)]{1,8}[）)])?\s*\d{1,2}\s*月)")
# a dated revision: 令和５年７月 28 日閣議決定, 2023年3月に公表; never one still to come
# (令和8年4月に施行する, …策定予定)
_DATED_EVENT = re.compile(
    _RAW_DATE + r"(?:\s*\d{1,2}\s*日)?[^。]{0,24}?" + _REVISE_VERB + r"(?!\s*(?:予定|の予定|する|される|見込|を目途|に向け))"
)
# a document cited with its date: 「…（第2版）」（令和6年3月）
_DATED_CITATION = re.compile(r"[」』]\s*[（(]\s*" + _RAW_DATE + r"(?:\s*\d{1,2}\s*日)?(?:(?!予定)[^（）()。]){0,14}[）)]")


def prior_of(old_text: str) -> Prior:
    """The old version's ``Prior`` from its whole text (once per changelog)."""
    found = list(_DATED_EVENT.finditer(old_text)) + list(_DATED_CITATION.finditer(old_text))
    dates = [_year_month(m.group(1)) for m in found]
    return Prior(old_text, max((d for d in dates if d), default=None))


_ERA = {"令和": 2018, "平成": 1988, "昭和": 1925}


def _year_month(when: str) -> tuple[int, int] | None:
    """令和5年6月 / 2025年（令和7年）12月 / 令和元年5月 → (2023, 6) / (2025, 12) / (2019, 5)."""
    m = re.match(r"(令和|平成|昭和)?(\d{1,4}|元)年(?:\([^)]*\))?(\d{1,2})月", _norm(when))
    if not m:
        return None
    year = 1 if m.group(2) == "元" else int(m.group(2))
    return (_ERA[m.group(1)] + year if m.group(1) else year, int(m.group(3)))


def _after(when: str, prior: Prior | None) -> bool:
    """Whether a date falls after the newest revision the old version dates (True when unknown)."""
    ym = _year_month(when)
    return prior is None or prior.newest is None or ym is None or ym > prior.newest


def detect_external(added: str, context: str = "", removed: str = "", prior: Prior | None = None) -> External | None:
    """An outside revision named in the added text (or its sentences). A law
    number the new text brings counts when the old text spoke of the bill
    (法律案が…国会に提出された → 法律（令和７年法律第60号）が成立した): the bill became
    law between the versions; an old law quoted anew (平成９年法律第81号) is no news.
    With ``prior`` (the old version), a revision dated no later than the newest one
    the old version dates is history it could already cite (令和３年６月の…一部改正
    in a plan whose 素案 cites 令和５年７月28日閣議決定), and a citation counts when
    the old version cites the same document with another date or edition."""
    text = unicodedata.normalize("NFC", added + "\n" + context)
    sentences = [s for s in re.split(r"(?<=。)|\n", text) if s.strip()]
    for s in sentences:
        named = _NAMED_DOC.search(s)
        if re.search(r"本計画|この計画|本プラン|本方針", s) and not re.search(_DOC, s) and not named:
            continue  # the plan speaking of itself (本計画は第2期計画として策定する)
        has_verb = re.search(_REVISE_VERB, s)
        has_edition = re.search(_EDITION, s)
        has_when = re.search(_YEAR_MONTH, s)
        has_doc = re.search(_DOC, s)
        # an edition alone (第六次, 第二期) is no evidence that a document changed
        # between the versions: the new text may only recall its history; an edition
        # replaced in the text itself is replaced_reference's.
        # a law number the new text brings (法律（令和７年法律第60号）が成立した): the law was
        # enacted or amended between the versions
        has_law = next((m for m in _LAW_NUMBER.finditer(s) if _norm(m.group(0)) in _norm(added)), None) \
            if _BILL.search(removed) else None
        if not has_verb or not (has_law or (has_when and (has_doc or named or has_edition))):
            continue
        if not any(seg and _norm(seg) in _norm(s) for seg in _fragments(added)):
            continue
        cited_name, cited_when, cited = "", "", None
        if not has_law:
            verbs = list(re.finditer(_REVISE_VERB, s))
            events = [v for v in verbs if not _cited(s, v) and not _INTENT.match(s, v.end())]
            if not events:
                # every revision word is a citation (（令和３年３月閣議決定）, 施行（令和４年４月）後)
                # or the author's own intent (推進戦略を新たに策定する): the document is quoted,
                # not revised — unless the old text cites it with another date or edition, or the
                # sentence says the plan was changed in response (decided below)
                cited = next((v for v in verbs if _cited(s, v)), None)
                if cited is None:
                    continue
                cited_name, cited_when = _citation(s, cited)
            has_verb = events[0] if events else (cited or has_verb)
        document = _norm_quote(cited_name) if cited_name else _quote_before(s, has_verb.start())
        edition = has_edition.group(0) if has_edition and not _in_other_name(s, has_edition.start(), document) else ""
        if not document:
            for other in [s] + sentences:
                m = _NAMED_DOC.search(other)
                if m:
                    # 「令和5年5月に改正された介護保険法」 → 介護保険法
                    tail = re.sub(r"^.*[\u3040-\u309f]", "", m.group(1))
                    document = tail if len(tail) >= 3 else m.group(1)
                    break
        when = cited_when or (_clean_when(has_when.group(1)) if has_when else "")
        if not has_law:
            recited = _recited_otherwise(document, when, edition, removed, prior)
            if cited is not None:
                if not (recited or (_answered(s) and _after(when, prior))):
                    continue
            else:
                # a revision between the versions is dated after every one the old version dates,
                # unless the old version cites the document with another date or edition
                later = [m for m in re.finditer(_YEAR_MONTH, s) if _after(m.group(1), prior)]
                if not later and not recited:
                    continue
                if later and not _after(when, prior):
                    when = _clean_when(later[0].group(1))
        finding = ""
        idx = sentences.index(s)
        for follow in sentences[idx : idx + 3]:
            m = re.search(r"(?:では|において)、(.{5,80}?)(?:が示され|が定められ|が掲げられ|が盛り込まれ|が整理され|が明記され)", follow)
            if m:
                finding = re.sub(r"^(新たに|改めて|特に|主に)、?", "", m.group(1))
                break
        verb = has_verb.group(1)
        if has_law:
            # the law by its name before its number, else by its number (never 「令和７年法律」);
            # the verb is the one said of it (…（令和７年法律第60号）が成立した), not one inside its name
            number = _norm(has_law.group(0))
            # the added fragment (法律（令和７年法律第60号）が成立した) may hold the number alone:
            # the name is the one before the same number in its sentence
            named_in = next(((n, o, m.end()) for o in [s] + sentences for m in _LAW_NUMBER.finditer(o)
                             if _norm(m.group(0)) == number for n in [_law_before(o, m.start())] if n), None)
            after = has_law.end()
            if named_in:
                name, s, after = named_in  # the evidence: the sentence that names the law
            else:
                name = document if document and _norm(document) not in number else ""
            said = re.search(_REVISE_VERB, s[after:])
            verb = said.group(1) if said else verb
            amended = re.match(r"(.+?)(?:等)?の一部を改正する法律$", name)
            if amended:  # an amending law enacted: the law it amends was 改正
                document, verb = amended.group(1), "改正"
            else:
                document = name or number
                if verb == "成立":
                    verb = "制定"  # a law 成立した is a law 制定された (「…が制定されたため」)
        return External(
            document=document,
            when=when,
            edition=re.sub(r"\s", "", edition),
            verb=verb,
            sentence=s.strip(),
            finding=finding,
        )
    m = re.search(_ORG, text)
    if m:
        s = next((x for x in sentences if m.group(1) in x), m.group(1))
        return External("", "", "", "組織改正", s.strip())
    return None


def _quote_before(sentence: str, at: int) -> str:
    """The 「」 name nearest before offset ``at`` (the revision word), else one
    right after it (改定された「…」), else "": never a quote of the sentence
    unrelated to the revision (…の一部改正により、「地下水の適正な保全及び利用」等が追加)."""
    quotes = list(re.finditer(_DOC, sentence))
    before = [q for q in quotes if q.end() <= at]
    if before:
        return before[-1].group(1)
    after = next((q for q in quotes if q.start() >= at), None)
    if after and re.fullmatch(r"[^、。「」]{0,10}", sentence[at : after.start()]):
        return after.group(1)
    return ""


# a revision word the author announces for itself (…戦略を新たに策定する): no outside event
_INTENT = re.compile(r"(?:する|します|していく|を行う|を進める|を目指す)(?!法律)")


def _norm_quote(name: str) -> str:
    return re.sub(r"^[「『]|[」』]$", "", name.strip())


def _enclosing_paren(sentence: str, at: int) -> tuple[int, int] | None:
    """The innermost （…） around offset ``at``, as (open, close), or None."""
    depth, i = 0, at - 1
    while i >= 0:
        ch = sentence[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                close = re.search(r"[）)]", sentence[at:])
                return (i, at + close.start()) if close else None
            depth -= 1
        i -= 1
    return None


# a revision word that dates something: 施行（令和４年４月）後, 策定後５年を目途に, 改正瀬戸内法施行後
_TIME_AFTER = re.compile(r"[^\s、。をがはにでとものへや]{0,12}?(?:[（(][^（）()]{0,20}[）)])?\s*(?:後|以降|以来)")


def _cited(sentence: str, verb: re.Match[str]) -> bool:
    """Whether a revision word only cites a document: inside a dated parenthetical
    （令和３年３月閣議決定）, or a time reference (施行（令和４年４月）後５年を目途に)."""
    paren = _enclosing_paren(sentence, verb.start())
    if paren and re.search(r"\d\s*年|元年", sentence[paren[0] : paren[1]]):
        return True
    return bool(_TIME_AFTER.match(sentence, verb.end()))


def _citation(sentence: str, verb: re.Match[str]) -> tuple[str, str]:
    """The cited document (the name just before the dated parenthetical) and its date."""
    paren = _enclosing_paren(sentence, verb.start())
    if not paren:
        return "", ""
    inside = sentence[paren[0] : paren[1]]
    when = re.search(_YEAR_MONTH, re.sub(r"\s", "", inside))
    before = sentence[: paren[0]].rstrip()
    quoted = re.search(r"[「『]([^「」『』]{2,60})[」』]$", before)
    if quoted:
        name = quoted.group(1)
    else:
        m = re.search(r"([^\s、。「」『』（）()\u3000]{2,40}?" + _DOC_SUFFIX + r"[^\s、。「」『』（）()\u3000]{0,8})$", before)
        name = m.group(1) if m else ""
    return name, _clean_when(when.group(1)) if when else ""


# the sentence says the plan itself was changed in response (…を踏まえ、目標を見直した)
_ANSWERED = re.compile(r"(?:踏まえ|受け|伴い|合わせ|基づき)て?、?[^。]{0,40}?(?:見直し|改め|変更し|改定し|改訂し|更新し|修正し)(?:た|ました)")


def _answered(sentence: str) -> bool:
    return bool(_ANSWERED.search(sentence))


def _recited_otherwise(name: str, when: str, edition: str, removed: str, prior: Prior | None) -> bool:
    """Whether the old text (the row's removed text, or the whole old version)
    cites the same document, its name without edition or year (「…ガイドライン（第2版）」,
    「生物多様性国家戦略2012-2020」), with another date or edition: the document
    was revised. Never when the old text cites it only undated, or with this
    very date and edition (the citation is only reworded)."""
    base = _norm(_NAME_VERSION.sub("", _EDITION_OF.sub("", name)))
    if len(base) < 3 or not (when or edition):
        return False
    same, other = False, False
    for old in (_norm(removed), prior.text if prior else ""):
        at = old.find(base)
        while at >= 0:
            near = re.split(r"。", old[max(0, at - 25) : at])[-1] + re.split(r"。", old[at : at + len(base) + 30])[0]
            if (not when or _norm(when) in near) and (not edition or _norm(edition) in near):
                same = True
            elif _OLD_VERSION.search(near) and not _knows_later(near, when):
                other = True
            at = old.find(base, at + len(base))
    return other and not same


def _knows_later(near: str, when: str) -> bool:
    """Whether an old citation is dated no earlier than ``when``: the new text
    recalls an earlier step of the document's history, not a revision."""
    new = _year_month(when)
    return new is not None and any((d := _year_month(m.group(1))) is not None and d >= new
                                   for m in re.finditer(_RAW_DATE, near))


# what dates or numbers a citation: 令和6年3月, 平成24年, 第2版, 第五次
_OLD_VERSION = re.compile(r"(?:令和|平成|昭和)(?:\d{1,2}|元)年|(?:19|20)\d{2}年|第[0-9.一二三四五六七八九十]+(?:版|次|期)")
# a year or span closing a document's name (基本方針2023, 国家戦略2023-2030)
_NAME_VERSION = re.compile(r"\s*(?:19|20)\d{2}(?:\s*[-－～〜]\s*(?:19|20)\d{2})?$")


def _law_before(sentence: str, at: int) -> str:
    """The law named just before its number (「…に関する法律」（令和7年法律第60号）), or "":
    a long name whole when it starts the clause (また、生涯学習の振興のための…の一部を改正する法律（…）)."""
    m = _LAW_NAME_CLAUSE.search(sentence[:at][-90:])
    if m:
        # the clause's topic before the name (本市では…法律, 国においては…法律): not the name
        name = re.sub(r"^.*(?:では|において|には|は)", "", m.group(1))
        return name if len(name) >= 3 else m.group(1)
    m = _LAW_NAME.search(sentence[:at][-40:])
    return m.group(1) if m else ""


_LAW_NUMBER = re.compile(r"(?:令和|平成|昭和)\s*[0-9０-９元]+\s*年\s*法律\s*第\s*[0-9０-９]+\s*号")
_EDITION_OF = re.compile(r"[（(]?第\s*[0-9０-９.．一二三四五六七八九十]+\s*(?:版|次|期)[）)]?")
# a law's name that starts its clause (after 、。 or a bracket), however long
_LAW_NAME_CLAUSE = re.compile(r"(?:^|(?<=[、。「『\n]))([^\s、。「」『』（）()\u3000]{2,80}?(?:法|法律|条例))[」』]?\s*[（(]\s*$")
_LAW_NAME = re.compile(r"[「『]?([^\s、。「」『』（）()\u3000]{2,30}?(?:法|法律|条例|計画|指針|方針|ガイドライン|戦略|プラン|大綱|ビジョン))[」』]?\s*[（(]?\s*$")


def replaced_reference(removed: str, added: str) -> External | None:
    """An outside document cited by number, the number replaced: a law number
    （平成17年法律第123号 → 令和4年法律第104号: the law was amended) or an edition
    （第2版 → 第3版: the plan or guideline was revised)."""
    for pattern, verb in ((_LAW_NUMBER, "改正"), (_EDITION_OF, "改定")):
        new = pattern.findall(unicodedata.normalize("NFC", added))
        old = pattern.findall(unicodedata.normalize("NFC", removed))
        if not new or not old or {_norm(x) for x in new} == {_norm(x) for x in old}:
            continue
        source = added if added.find(new[0]) >= 0 else ""
        before = source[: source.find(new[0])] if source else ""
        m = _LAW_NAME.search(before[-40:])
        return External(m.group(1) if m else "", "", _norm(new[0]).strip("()（）") if verb == "改定" else "", verb,
                        f"「{old[0]}」→「{new[0]}」", "")
    return None


def _fragments(added: str) -> list[str]:
    return [p for p in re.split(r"[。\n]", added) if len(_norm(p)) >= 4]


def organisation_only(removed: list[str], added: list[str]) -> bool:
    """Whether every changed unit is an organisation name (…課長, …課, …担当):
    an organisation change (組織改正)."""
    units = [u for u in removed + added if u.strip()]
    # each unit only a name (a new table row whose 所管課 cell ends in 課 is a
    # new row, not an 組織改正)
    if any("|" in u or "\t" in u or len(_norm(u)) > 25 for u in units):
        return False
    return all(_ORG_UNIT.search(_org_name(u)) for u in units)


def _org_name(unit: str) -> str:
    """The name in a changed unit: 「共生社会推進庁と連携し」 → 共生社会推進庁."""
    name = _norm(unit).rstrip("、,")
    cut = _ORG_TAIL.sub("", name)
    return cut if cut != name and _ORG_UNIT.search(cut) else name


def national_organisation(removed: list[str], added: list[str]) -> bool:
    """Whether an organisation change names the state's own bodies (内閣府地域学習推進室 →
    地域学習推進庁, …本部事務局, …省): the government was reorganised, an outside cause."""
    return any(_NATIONAL_BODY.search(_org_name(u)) for u in removed + added if u.strip())


# ---------------------------------------------------------------- causes


_OUTSIDE_BODY = re.compile(r"国|省|庁|政府|内閣|東京都|都道府県|[都道府県]の")


def _own_reorganisation(external: External) -> bool:
    """An 組織改正 named without an outside document or body (「令和8年度の組織改正に
    合わせて所管課を改めた」): the author's own reorganisation."""
    return external.verb == "組織改正" and not external.document and not _OUTSIDE_BODY.search(external.sentence)


def cause_for(
    row_id: str,
    links: tuple[Link, ...],
    external: External | None,
    internal_note: str | None = None,
    organisation: bool = False,
    national: bool = False,
) -> Cause:
    """The row's cause: staff decision (internal) > linked comments > outside
    revision > unknown. A change of the plan's own organisation names (its
    divisions, its 組織改正) is ``internal``: the author reorganised itself."""
    if internal_note is not None:
        return Cause(CauseType.INTERNAL, (), 1.0, internal_note or "職員の判断（decisions.toml）")
    mine = [l for l in links if l.row_id == row_id]
    if mine:
        mine.sort(key=lambda l: (-l.confidence, l.comment_id))
        ids = tuple(sorted((l.comment_id for l in mine), key=_cid))
        return Cause(CauseType.COMMENT, ids, max(l.confidence for l in mine), "；".join(f"{l.comment_id}: {l.evidence}" for l in mine))
    if external is not None and _own_reorganisation(external):
        return Cause(CauseType.INTERNAL, (), 0.6, f"自らの組織改正・組織編制の反映と推定：{external.sentence[:80]}")
    if external is not None:
        what = "、".join(x for x in (f"「{external.document}」" if external.document else "", external.edition, external.when) if x)
        ev = f"外部の改定等（{external.verb}{'：' + what if what else ''}）：{external.sentence[:80]}"
        return Cause(CauseType.EXTERNAL, (), 0.8 if external.document or external.edition else 0.6, ev)
    if organisation and national:
        # 内閣府…室 → …庁: the state reorganised its bodies (a law or an ordinance), not the author
        return Cause(CauseType.EXTERNAL, (), 0.6, "国の組織の改編（府省庁等の名称の変更）と推定")
    if organisation:
        # the plan's own divisions (…課, …担当課長) renamed, added or dropped: the
        # author's reorganisation (令和8年度組織編制), a decision of its own, not an
        # outside revision
        return Cause(CauseType.INTERNAL, (), 0.6, "組織名のみの変更（自らの組織改正・組織編制の反映と推定）")
    return Cause(CauseType.UNKNOWN, (), 0.0, "対応する意見・外部の改定が見つかりません")


def _cid(cid: str) -> tuple[int, str]:
    m = re.match(r"C(\d+)$", cid)
    return (int(m.group(1)), "") if m else (10**9, cid)
