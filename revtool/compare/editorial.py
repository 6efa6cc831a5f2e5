"""Editorial (文言整理) or substantive: the verdict rule table. Pure.

Every changed region (a *hunk* of the character diff) is tested against
``RULES`` in order; the first rule that matches decides, and its Japanese
label plus the changed words become the verdict's evidence. A change made of
several hunks is substantive when any hunk is.

The rules are data: each row names a test, whether a match means substantive,
and the label users read. Users tune them in ``revtool.toml``::

    [editorial]
    # Spelling variants treated as the same word; the first of each group is
    # the canonical form. Added to the built-in list (公用文の表記ゆれ).
    variants = [["及び", "および"], ["取組", "取組み", "取り組み"]]
    # Words whose appearance or disappearance changes meaning (検討, 努める).
    substantive_words = ["試行", "廃止"]
    # Action words: substantive only when swapped for another listed word
    # (拡大 → 縮小); a plain paraphrase (実施する → 行う) stays editorial.
    action_words = ["再編"]
    # Rules to switch off, by id (see RULES below), e.g. "rewording".
    disable = ["rewording"]
    typo_max_chars = 2          # 誤字脱字: at most this many characters changed
    rewording_max_chars = 12    # 軽微な言い換え: each side at most this long
    # Different dictionary words used as one (compared on SudachiPy's
    # normalized forms; built in: 行う/する, 等/など, 及び/および …).
    lemma_variants = [["推進", "促進"]]
    # Words whose addition changes nothing (built in: 活動, 対応, 積極的 …).
    filler_words = ["事業"]
    # Nouns/verbs that head a connective phrase (built in: 一方, 中, 結果,
    # ため, 理由, に加え, により …), and adverbs that do when they head a
    # sentence before 、 (built in: 例えば, 特に, とりわけ, まず, 現に), see
    # the ``connective`` rule.
    connective_words = ["観点"]
    morphology = true           # false: no dictionary, string rules only

Words come from the dictionary first (compare/morph.py, SudachiPy core):
表記ゆれ are equal ``normalized_form()`` (一人暮らし = ひとり暮らし, 子ども =
こども, 取組 = 取り組み), a typo fix turns a non-word into a dictionary word
(施索 → 施策). The tables above hold what a dictionary cannot know.

Rule ids: ``format`` (width, spacing, punctuation), ``variant`` (表記ゆれ;
対GDP比 = GDP比),
``figure`` (a figure or table renumbered: 図表１２ → 図表１－３), ``item-number``
(a list item's own number at the head of its line: ① → ②), ``number``
(numbers, dates, percentages; 令和8年 = 2026年), ``counter`` (the
same number with another counter or unit: 3件 → 3回), ``era`` (the same
year written in 和暦 or 西暦), ``defined_term`` (words replaced by a 「」
term the plan already uses: 質の高い生活 → 「ウェルビーイング／高い生活の質」),
``abbreviation`` (a short form the plan defines, 以下「再エネ」という, and its full
form, either way), ``name`` (「」 names), ``negation``,
``meaning`` (substantive words), ``proviso`` (「ただし、」 added or
removed: a condition), ``sentence`` (sentence added or removed),
``reorder`` (same words, new order), ``typo``, ``homophone`` (an IME slip:
the same reading, the dictionary's or the document's spelling: 社会補償 →
社会保障), ``spelling`` (Latin spelling),
``org`` (a change inside an organisation's name: …部, …課, …センター;
not 関係 or 一部, words of their own),
``filler`` (a word that changes nothing added or removed: 啓発 → 啓発活動,
悪化 → 悪化等), ``connective`` (a connective phrase added or removed: 一方で,
中でも, ことに加え, 「例えば、」 at the head of a sentence; also with the clause
end inflected anew for it: 多く、 → 多い一方で),
``phrase`` (words added or removed), ``term`` (a noun swapped for another),
``rewording`` (a short paraphrase), ``content`` (anything else).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from revtool.compare import morph
from revtool.compare.abbreviations import abbreviated_word, abbreviation_swap
from revtool.compare.chardiff import Hunk, changed_chars, common_ends, minimal_diff
from revtool.errors import WorkspaceError
from revtool.model import EditOp, Verdict
from revtool.normalize import NUMBER_DASHES

# Built-in 表記ゆれ (公用文作成の要領 and common practice). First = canonical.
DEFAULT_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("及び", "および"), ("並びに", "ならびに"), ("又は", "または"), ("若しくは", "もしくは"),
    ("等", "など"), ("こと", "事"), ("もの", "物"), ("とき", "時"), ("ところ", "所"),
    ("できる", "出来る"), ("さまざま", "様々"), ("いろいろ", "色々"), ("あらかじめ", "予め"),
    ("既に", "すでに"), ("更に", "さらに"), ("ただし", "但し"), ("なお", "尚"),
    ("全て", "すべて"), ("ほとんど", "殆ど"), ("おおむね", "概ね"), ("よる", "因る", "依る"),
    ("おいて", "於いて"), ("ある", "有る"), ("いる", "居る"), ("いただく", "頂く"),
    ("ください", "下さい"), ("いたす", "致す"), ("図る", "はかる", "計る"), ("行う", "行なう", "おこなう"),
    ("取組", "取組み", "取り組み"), ("取り組む", "取組む"), ("申込", "申込み", "申し込み"),
    ("申し込む", "申込む"), ("問合せ", "問い合わせ", "問合わせ"), ("手続", "手続き"),
    ("位置付け", "位置づけ"), ("位置付ける", "位置づける"), ("基づく", "基く"),
    ("向け", "むけ"), ("わたる", "亘る", "渡る"), ("かかわる", "関わる"), ("ふさわしい", "相応しい"),
    ("一層", "いっそう"), ("引き続き", "引続き"), ("取扱い", "取り扱い"),
    ("受付", "受け付け", "受付け"), ("貸出し", "貸し出し", "貸出"), ("お知らせ", "御知らせ"),
    ("子ども", "子供"), ("障害", "障がい"), ("ほか", "他"), ("まで", "迄"), ("ため", "為"),
    ("わかりやすい", "分かりやすい", "分り易い", "分かり易い"), ("つくる", "作る"),
    ("あわせて", "併せて", "合わせて"), ("とともに", "と共に"), ("さらなる", "更なる"),
    ("ように", "様に"), ("ような", "様な"), ("うえで", "上で"),
    ("か所", "箇所", "ケ所", "ヶ所", "カ所", "ヵ所"), ("か月", "ケ月", "ヶ月", "カ月", "ヵ月", "箇月"),
    ("ウェブ", "Web", "WEB", "ウエブ"), ("メール", "Eメール", "eメール", "電子メール"), ("ホームページ", "HP"),
)

# What a dictionary cannot know (公用文作成の考え方, 2022): word pairs with
# different dictionary entries that a plan uses interchangeably. Compared on
# the morphemes' normalized forms (する → 為る), so 研修をする = 研修を行う.
DEFAULT_LEMMA_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("行う", "する"), ("等", "など"), ("及び", "および"), ("又は", "または"), ("並びに", "ならびに"),
    ("図る", "はかる"), ("更に", "さらに"), ("全て", "すべて"), ("%", "パーセント"),
)
_SURU = "為る"  # SudachiPy's normalized form of する (the light verb of 〜を行う → 〜する)
# Words whose addition or removal changes nothing (啓発 → 啓発活動, 推進 → 積極的に推進).
DEFAULT_FILLER_WORDS: tuple[str, ...] = (
    "活動", "等", "など", "全般", "各種", "一層", "更に", "引き続き", "積極的", "着実", "適切",
    "円滑", "効果的", "十分", "継続的", "一体的", "様々", "対応",
)

# Connective phrases (接続表現) the dictionary cuts into a noun or a verb plus
# particles (一方|で, 中|で|も, その|結果, こと|に|加え, により): the nouns that
# only name how a clause stands to the text around it, and the verbs of
# compound particles (に加え, により). 接続詞 need no entry (the dictionary tags them).
DEFAULT_CONNECTIVE_WORDS: tuple[str, ...] = (
    "一方", "他方", "中", "反面", "結果", "ため", "際", "上", "理由", "こと", "加える", "よる",
    # 副詞 that only say how a sentence stands to the one before (an example, a
    # stress, an order): connectives at the head of a sentence or clause, before
    # 、 (例えば、 / 特に、); 必ず, 常に, 直ちに change a commitment and are not here
    "例えば", "特に", "とりわけ", "まず", "現に",
)
# 接続詞 that add a condition or another item: never a connective that changes nothing.
DEFAULT_BINDING_CONNECTIVES: tuple[str, ...] = (
    "ただし", "但し", "及び", "および", "又は", "または", "並びに", "ならびに", "若しくは", "もしくは",
    "かつ", "且つ", "あるいは", "或いは", "ないし",
)

# Words whose appearance or disappearance changes what the plan commits to.
DEFAULT_SUBSTANTIVE_WORDS: tuple[str, ...] = (
    "検討", "研究", "試行", "廃止", "新設", "終了", "中止", "休止", "見送", "延期", "前倒し",
    "義務", "努める", "努力", "必須", "必ず", "原則", "例外", "全て", "一部", "以上", "以下",
    "未満", "上限", "下限", "できる", "しなければならない", "ものとする", "禁止", "有料", "無料",
    "完了", "毎年", "毎月", "定期", "随時", "常時", "必要に応じ",
)
# Action words: a paraphrase (実施する → 行う) is editorial, but swapping one for
# another listed word (拡大 → 縮小, 導入 → 検討) is substantive.
DEFAULT_ACTION_WORDS: tuple[str, ...] = (
    "実施", "導入", "推進", "設置", "追加", "削除", "拡充", "拡大", "縮小", "継続", "開始",
    "対象", "本格", "増", "減", "強化", "維持", "充実", "支援", "整備", "目指", "達成", "目標",
    # a trend read from the figures: ほぼ横ばいである → 増加に転じている is news, not a paraphrase
    "横ばい", "上昇", "低下", "改善", "悪化", "鈍化", "停滞", "転じ",
)

_DIGITS = re.compile(r"[0-9]")  # written digits; kanji numerals inside words (一人一人, 一層) are words
_NEGATION = re.compile(r"(?<=[\u3041-\u309f])(?:ない|なく|なかっ|ず|ぬ|ません)")
_NEGATION_PREFIX = "不非未無"
_COUNTERS = "年月日度回件人%％割倍つ個名社校点か箇所台冊本枚歳時分"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[〇一二三四五六七八九十百千万億]+(?=[" + _COUNTERS + "])")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def _kanji_number(text: str) -> str:
    """一 → 1, 十二 → 12, 三百五 → 305 (up to 千; 万/億 kept as written)."""
    if any(ch in "万億" for ch in text):
        return text
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch] if digit is None else digit * 10 + _KANJI_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _KANJI_UNITS[ch]
            digit = None
    return str(total + (digit or 0))
_QUOTED = re.compile(r"「([^「」]*)」|『([^『』]*)』")
_CONTENT = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々〆\u30a1-\u30fa\u30fc-\u30ffA-Za-z0-9]")
_PUNCT_SPACE = re.compile(r"[\s、。，．,.・：:；;！!？?「」『』（）()\[\]【】〔〕\-‐－―ー〜～~]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_DASHES = (("‐", "-"), ("－", "-"), ("−", "-"), ("―", "-"), ("‒", "-"), ("–", "-"), ("—", "-"),
           ("〜", "~"), ("～", "~"), ("，", "、"), (",", "、"), ("．", "。"))
_LONG_VOWEL_END = re.compile(r"(?<=[\u30a1-\u30fa])ー(?![\u30a1-\u30fa\u30fc])")


@lru_cache(maxsize=65536)
def comparison_key(text: str) -> str:
    """Text for deciding equality: NFKC, one dash/tilde class (with the minus
    sign − a PDF's text layer gives for Word's －), no spaces, and no
    word-final katakana long vowel (セキュリティー = セキュリティ)."""
    t = unicodedata.normalize("NFKC", text)
    for a, b in _DASHES:
        if a in t:
            t = t.replace(a, b)
    t = "".join(t.split())
    return _LONG_VOWEL_END.sub("", t)


def _strip_punct(text: str) -> str:
    return _PUNCT_SPACE.sub("", comparison_key(text))


@dataclass(frozen=True)
class EditorialRules:
    """The user-tunable part of the rule table (see the module docstring)."""

    variants: tuple[tuple[str, ...], ...] = DEFAULT_VARIANTS
    substantive_words: tuple[str, ...] = DEFAULT_SUBSTANTIVE_WORDS
    action_words: tuple[str, ...] = DEFAULT_ACTION_WORDS
    disable: frozenset[str] = frozenset()
    typo_max_chars: int = 2
    rewording_max_chars: int = 12
    lemma_variants: tuple[tuple[str, ...], ...] = DEFAULT_LEMMA_VARIANTS
    filler_words: tuple[str, ...] = DEFAULT_FILLER_WORDS
    connective_words: tuple[str, ...] = DEFAULT_CONNECTIVE_WORDS
    binding_connectives: tuple[str, ...] = DEFAULT_BINDING_CONNECTIVES
    morphology: bool = True  # compare on SudachiPy's normalized morphemes
    _canon: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _lemma: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _fillers: set[str] = field(default_factory=set, compare=False, repr=False)
    _connectives: set[str] = field(default_factory=set, compare=False, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        canon: dict[str, str] = {}
        for group in self.variants:
            first = comparison_key(group[0])
            for form in group:
                key = comparison_key(form)
                if key:
                    canon.setdefault(key, first)
        forms = sorted(canon, key=lambda f: (-len(f), f))
        object.__setattr__(self, "_canon", canon)
        object.__setattr__(self, "_pattern", re.compile("|".join(map(re.escape, forms))) if forms else None)

    @staticmethod
    def from_config(table: Mapping[str, Any]) -> "EditorialRules":
        """Build from the ``[editorial]`` table of ``revtool.toml`` (extends the
        defaults). A malformed table raises ``WorkspaceError`` with a Japanese message."""
        base = EditorialRules()

        def strings(key: str) -> tuple[str, ...]:
            value = table.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise WorkspaceError(f"revtool.toml: [editorial] {key} は文字列のリストで指定してください"
                                     f"（例: {key} = [\"検討\", \"廃止\"]）。")
            return tuple(value)

        groups = table.get("variants", [])
        if not isinstance(groups, list) or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(v, str) for v in g) for g in groups):
            raise WorkspaceError("revtool.toml: [editorial] variants は 2 語以上のリストのリストで指定してください"
                                 "（例: variants = [[\"及び\", \"および\"]]）。")
        unknown = set(strings("disable")) - {r.id for r in RULES}
        if unknown:
            raise WorkspaceError(f"revtool.toml: [editorial] disable に不明な規則があります: {'、'.join(sorted(unknown))}",
                                 hint="使える規則: " + "、".join(r.id for r in RULES if r.id != "content"))
        lemma_groups = table.get("lemma_variants", [])
        if not isinstance(lemma_groups, list) or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(v, str) for v in g) for g in lemma_groups):
            raise WorkspaceError("revtool.toml: [editorial] lemma_variants は 2 語以上のリストのリストで指定してください"
                                 "（例: lemma_variants = [[\"行う\", \"する\"]]）。")
        morphology = table.get("morphology", True)
        if not isinstance(morphology, bool):
            raise WorkspaceError("revtool.toml: [editorial] morphology は true か false で指定してください。")
        limits: dict[str, int] = {}
        for key in ("typo_max_chars", "rewording_max_chars"):
            value = table.get(key, getattr(base, key))
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise WorkspaceError(f"revtool.toml: [editorial] {key} は 0 以上の整数で指定してください。")
            limits[key] = value
        return replace(
            base,
            variants=base.variants + tuple(tuple(g) for g in groups),
            substantive_words=base.substantive_words + strings("substantive_words"),
            action_words=base.action_words + strings("action_words"),
            disable=frozenset(strings("disable")),
            lemma_variants=base.lemma_variants + tuple(tuple(g) for g in lemma_groups),
            filler_words=base.filler_words + strings("filler_words"),
            connective_words=base.connective_words + strings("connective_words"),
            binding_connectives=base.binding_connectives + strings("binding_connectives"),
            morphology=morphology,
            typo_max_chars=limits["typo_max_chars"],
            rewording_max_chars=limits["rewording_max_chars"],
        )

    def fold(self, text: str) -> str:
        """Comparison key with every variant replaced by its canonical form."""
        t = comparison_key(text)
        if self._pattern is None:
            return t
        return self._pattern.sub(lambda m: self._canon[m.group(0)], t)

    def _lemma_table(self) -> dict[str, str]:
        """normalized form -> canonical normalized form, built on first use
        (the dictionary loads only when a hunk needs it)."""
        if not self._lemma:
            table: dict[str, str] = {}
            for group in self.variants + self.lemma_variants:
                heads = morph.morphemes(group[0])
                if len(heads) != 1:
                    continue
                for form in group:
                    ms = morph.morphemes(form)
                    if len(ms) == 1:
                        table.setdefault(ms[0].normalized, heads[0].normalized)
            table[""] = ""
            object.__setattr__(self, "_lemma", table)
        return self._lemma

    def word_key(self, text: str) -> str:
        """The words of ``text`` by dictionary form, variants of the rule table
        folded, punctuation dropped: equal for 表記ゆれ (ひとり暮らし = 一人暮らし).

        Inflecting words keep their conjugation class (連用形, 未然形) but not
        its sound variant (行っ/し are both 連用形, 行わ/さ both 未然形), so a
        rule-table pair applies in every conjugation (行います = します,
        行われる = される). A を between a noun and the light verb する/行う is
        dropped: 点検を行う = 点検する (公用文: 〜を行う → 〜する)."""
        table = self._lemma_table()
        light = table.get(_SURU, _SURU)
        ms = [m for m in morph.morphemes(text) if not m.is_punct]
        keys: list[str] = []
        for i, m in enumerate(ms):
            lemma = table.get(m.normalized, m.normalized)
            if (m.surface == "を" and m.pos == "助詞" and 0 < i < len(ms) - 1 and _nominal_before(ms, i)
                    and ms[i + 1].pos == "動詞" and table.get(ms[i + 1].normalized, ms[i + 1].normalized) == light):
                continue
            keys.append(lemma + ("/" + m.form.split("-")[0] if m.form != "*" else ""))
        return "|".join(keys)

    def compound_key(self, text: str) -> str:
        """``word_key`` with every run of nouns, prefixes and noun suffixes
        joined into one word: the dictionary cuts one spelling of a compound
        as one word and another as two (子供たち = 子供達, こども|たち = 子供|達),
        so only the run's normalized forms joined compare equal."""
        table = self._lemma_table()
        keys: list[str] = []
        nominal_run = False
        for m in morph.morphemes(text):
            if m.is_punct:
                nominal_run = False
                continue
            lemma = table.get(m.normalized, m.normalized)
            nominal = m.form == "*" and m.pos in ("名詞", "接頭辞", "接尾辞")
            if nominal and nominal_run:
                keys[-1] += lemma
            else:
                keys.append(lemma + ("/" + m.form.split("-")[0] if m.form != "*" else ""))
            nominal_run = nominal
        return "|".join(keys)

    def is_filler(self, normalized_form: str) -> bool:
        """Whether a word (by its dictionary form) adds nothing when added."""
        if not self._fillers:
            forms = {ms[0].normalized for w in self.filler_words if len(ms := morph.morphemes(w)) == 1}
            object.__setattr__(self, "_fillers", forms or {""})
        return normalized_form in self._fillers

    def is_connective_word(self, normalized_form: str) -> bool:
        """Whether a noun or verb (by its dictionary form) heads a connective phrase."""
        if not self._connectives:
            forms = {ms[0].normalized for w in self.connective_words if len(ms := morph.morphemes(w)) == 1}
            object.__setattr__(self, "_connectives", forms or {""})
        return normalized_form in self._connectives


def _nominal_before(ms: "list[morph.Morpheme]", i: int) -> bool:
    """Whether the word before ``ms[i]`` ends a noun phrase: a noun, a noun
    suffix (点検等, デジタル化), or など after a noun (点検などを行う)."""
    prev = ms[i - 1]
    if prev.pos == "名詞" or (prev.pos == "接尾辞" and prev.pos2 == "名詞的"):
        return True
    return prev.surface == "など" and prev.pos == "助詞" and i >= 2 and ms[i - 2].pos in ("名詞", "接尾辞")


@dataclass(frozen=True)
class Context:
    """A hunk with the full old and new texts around it."""

    hunk: Hunk
    old_text: str
    new_text: str
    rules: EditorialRules
    moved: bool = False  # the same words were deleted/inserted elsewhere in the block
    vocabulary: tuple[str, str] | None = None  # whole old and new documents, for spelling checks

    @property
    def core(self) -> tuple[str, str]:
        """The hunk without its common prefix and suffix characters."""
        a, b = self.hunk.old, self.hunk.new
        p, s = common_ends(a, b)
        return a[p:len(a) - s], b[p:len(b) - s]

    @property
    def core_at(self) -> tuple[int, int]:
        """Where the core starts in the old and in the new text (after the common
        prefix: the 公 → 交 of 公共公通 → 公共交通 is the second 公, not the first)."""
        p, _ = common_ends(self.hunk.old, self.hunk.new)
        return self.hunk.old_start + p, self.hunk.new_start + p

    @property
    def core_spans(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Where the core lies in the old and in the new text: (start, end) of each."""
        (a, b), (oa, na) = self.core, self.core_at
        return (oa, oa + len(a)), (na, na + len(b))


# ---------------------------------------------------------------- rule tests
# Each returns evidence (Japanese, short) when it matches, or None.


def _fmt(a: str, b: str) -> str:
    return f"「{a}」→「{b}」"


def _hunk_fmt(c: Context) -> str:
    """The changed words as the reader sees them (whole units, not bare characters)."""
    return _fmt(_short(c.hunk.old.strip()), _short(c.hunk.new.strip()))


def _t_format(c: Context) -> str | None:
    if _strip_punct(c.hunk.old) == _strip_punct(c.hunk.new):
        return _hunk_fmt(c)
    return None


def _t_variant(c: Context) -> str | None:
    r = c.rules
    if r.fold(_strip_punct(c.hunk.old)) == r.fold(_strip_punct(c.hunk.new)):
        return _hunk_fmt(c)
    found = _t_morph_variant(c)
    if found is not None:
        return found
    # a variant that straddles the hunk edge: compare the enclosing sentence
    if _sentence_around(c, old=True) and r.fold(_sentence_around(c, True)) == r.fold(_sentence_around(c, False)):
        return _hunk_fmt(c)
    return _ratio_base(c)


def _ratio_base(c: Context) -> str | None:
    """「対」 before the base of a ratio written or dropped (対GDP比 = GDP比,
    対前年比 = 前年比): both name the same ratio. The 対 must be a word of its own
    followed, inside one compound (spaces allowed: 対GDP 比), by a noun ending in 比."""
    if not c.rules.morphology or sorted(c.core) != ["", "対"]:
        return None
    h = c.hunk
    text, at = (c.old_text, h.old_start + h.old.find("対")) if c.core[0] else (c.new_text, h.new_start + h.new.find("対"))
    words = [m for m in morph.words_at(text, at, at + 12) if m.begin >= at]
    if not words or words[0].surface != "対" or words[0].begin != at:
        return None
    for m in words[1:]:
        if m.pos == "空白":
            continue  # 対GDP 比: a space inside the compound
        if m.pos != "名詞":
            return None
        if m.surface.endswith("比"):
            shown = text[at:m.end]
            pair = (shown, shown[1:]) if c.core[0] else (shown[1:], shown)
            return f"{_fmt(*pair)}（比の基準を示す「対」）"
    return None


def _word_pair(c: Context) -> tuple[str, str]:
    """The hunk widened on both sides to whole words (a hunk may end inside
    one: 一人|暮らし), the same number of characters on both sides, so the
    context added is the same text."""
    h = c.hunk
    left = right = 0
    for _ in range(2):
        os_, oe = morph.word_span(c.old_text, h.old_start - left, h.old_end + right) if h.old or left or right \
            else (h.old_start, h.old_end)
        ns, ne = morph.word_span(c.new_text, h.new_start - left, h.new_end + right) if h.new or left or right \
            else (h.new_start, h.new_end)
        left = max(left, h.old_start - os_, h.new_start - ns)
        right = max(right, oe - h.old_end, ne - h.new_end)
    left = min(left, h.old_start, h.new_start)
    right = min(right, len(c.old_text) - h.old_end, len(c.new_text) - h.new_end)
    return (c.old_text[h.old_start - left:h.old_end + right], c.new_text[h.new_start - left:h.new_end + right])


def _t_morph_variant(c: Context) -> str | None:
    """The same words by the dictionary's normalized forms (SudachiPy core):
    一人暮らし/ひとり暮らし → 独り暮らし, 子ども/こども → 子供, 取組/取り組み; plus
    the rule table's pairs a dictionary cannot know (行う/する, 等/など).
    Numbers on both sides and 「」 names are left to their own rules (the
    dictionary reads 一人暮らし as one word, not as the number 1)."""
    r = c.rules
    if not r.morphology or (_has_number(c.hunk.old) and _has_number(c.hunk.new)
                            and _DIGITS.search(unicodedata.normalize("NFKC", c.hunk.old + c.hunk.new))):
        return None  # numbers on both sides: the number and era rules decide
    h = c.hunk
    if _quoted_touching(c.old_text, h.old_start, h.old_end) or _quoted_touching(c.new_text, h.new_start, h.new_end):
        return None
    a, b = _word_pair(c)
    if comparison_key(a) == comparison_key(b) or (r.word_key(a) != r.word_key(b)
                                                    and r.compound_key(a) != r.compound_key(b)):
        return None
    table = r._lemma_table()
    shown = "・".join(dict.fromkeys(m.normalized for m in morph.morphemes(b) if not m.is_punct
                                    and m.surface not in a and m.normalized != m.surface
                                    and m.normalized not in table))  # rule-table words: 用字・用語の統一
    return _fmt(_short(a.strip()), _short(b.strip())) + (f"（辞書の正規形「{shown}」）" if shown else "（用字・用語の統一）")


SENTENCE_REACH = 1000  # characters looked back for the start of a sentence


def _sentence_around(c: Context, old: bool) -> str:
    return _sentence_at(c, old)[0]


def _sentence_at(c: Context, old: bool) -> tuple[str, int, int]:
    """The sentence around the hunk, and the hunk's start and end in it."""
    text, start, end = (c.old_text, c.hunk.old_start, c.hunk.old_end) if old else (
        c.new_text, c.hunk.new_start, c.hunk.new_end)
    reach = max(0, start - SENTENCE_REACH)  # bounded: a hunk's cost never grows with the paragraph
    left = max(text.rfind("。", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
    m = re.compile(r"[。\n]").search(text, end)
    right = m.end() if m else len(text)
    return text[left:right], start - left, end - left


def _counted(c: Context, old: bool) -> Counter[str]:
    """The counters and units written right after the numbers the hunk touches
    (3件, 46%, 10か所, 令和8年度), by dictionary form with the rule table's
    variants folded (か所 = 箇所, % = パーセント)."""
    sentence, start, end = _sentence_at(c, old)
    table = c.rules._lemma_table()
    ms = morph.morphemes(sentence)
    out: Counter[str] = Counter()
    for a, b in zip(ms, ms[1:]):
        if a.pos2 != "数詞" or b.begin != a.end or b.pos2 == "数詞" or b.pos not in ("名詞", "接尾辞"):
            continue
        if a.begin < max(end, start + 1) and start < b.end:  # the hunk touches the number or its unit
            out[table.get(b.normalized, b.normalized)] += 1
    return out


_FIGURE_LABEL = re.compile(r"(?:(?<![\u4e00-\u9fff])(?:図表|図|表|別表|資料|グラフ|写真|コラム|脚注|注)|※)[\s\u3000]*"
                           r"([0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*)")
_LABEL_NUMBER = re.compile(r"[0-9０-９" + NUMBER_DASHES + r".．]*")


def _in_label(text: str, start: int, end: int) -> str:
    """The figure or table label (図表１２) whose number holds [start, end), or ""."""
    for m in _FIGURE_LABEL.finditer(text, max(0, start - 12), min(len(text), end + 12)):
        if m.start(1) <= start and end <= m.end(1):
            return m.group(0)
    return ""


def _t_figure(c: Context) -> str | None:
    """A figure, table or note renumbered (図表１２ → 図表１－３, ※７ → ※８, in
    its caption and in the text that refers to it): a consequence of figures or
    notes added or moved, never a change of content."""
    a, b = c.core
    if not (a or b) or not _LABEL_NUMBER.fullmatch(a) or not _LABEL_NUMBER.fullmatch(b):
        return None
    old_span, new_span = c.core_spans
    old_label = _in_label(c.old_text, *old_span)
    new_label = _in_label(c.new_text, *new_span)
    if old_label and new_label:
        return f"図表・注の番号 {_fmt(old_label, new_label)}"
    return None


# A list item's own number at the head of a line (the markers of changes/item_markers.py)
_ITEM_HEAD = re.compile(
    r"(?m)^[ \t\u3000]*(?:[\u2460-\u2473\u2776-\u277f\u24ea]|[（(][0-9０-９ア-ンa-zａ-ｚ]{1,2}[）)]"
    r"|[0-9０-９]{1,2}[.．)）](?![0-9０-９])|[ア-ンa-zａ-ｚ][.．)）])"  # 55.0 is a number, not item 55.
)


def _item_head_at(text: str, start: int, end: int) -> str:
    """The item marker at a line's head that holds [start, end), or ""."""
    line = text.rfind("\n", 0, start) + 1
    m = _ITEM_HEAD.match(text, line)
    return m.group(0).strip() if m and m.start() <= start and end <= m.end() else ""


def _t_item_number(c: Context) -> str | None:
    """A list item's own number (① → ②, （1） → （2）, ア. → イ.) at the head of its
    line: items are numbered in their order, so items added, cut or reordered
    renumber the others — a consequence, never a figure of the plan — when the
    items' words are unchanged (an item renumbered and edited stays one change
    with its edit, judged as before: ① → ② with 「・地域」 added). A swap of
    two measures is still a row: the change table reads the markers
    (changes/reportable.swapped_items)."""
    a, b = c.core
    if not a or not b:
        return None
    if comparison_key(_ITEM_HEAD.sub("", c.old_text)) != comparison_key(_ITEM_HEAD.sub("", c.new_text)):
        return None  # the item was edited too: its number is said with the edit (the change is not cut in two)
    old_span, new_span = c.core_spans
    old_mark = _item_head_at(c.old_text, *old_span)
    new_mark = _item_head_at(c.new_text, *new_span)
    if old_mark and new_mark and old_mark != new_mark:
        return f"項番 {_fmt(old_mark, new_mark)}"
    return None


def _t_counter(c: Context) -> str | None:
    """The same number with another counter or unit (3件 → 3回, 46% → 46ポイント):
    what is counted changed, whatever the number rules say."""
    if not c.rules.morphology:
        return None
    a, b = _counted(c, True), _counted(c, False)
    # a counter replaced (a word added after a number is another rule's); a non-word fixed into a
    # dictionary word is a typo even when the dictionary reads the non-word as number + counter
    # (参面 → 参画: 参 is the old form of 三, 面 a counter)
    if a != b and a and b and not _typo_fix(c):
        gone = "、".join(sorted((a - b).elements())) or "なし"
        came = "、".join(sorted((b - a).elements())) or "なし"
        return f"数値の単位・助数詞 {gone} → {came}"
    return None


_ERA = re.compile(r"(令和|平成|昭和)\s*([0-9]+|元)(?=\s*年)")
_ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}


def _seireki(t: str) -> str:
    """令和8年 → 2026年 (so 和暦 and 西暦 spellings of one year compare equal)."""
    return _ERA.sub(lambda m: str(_ERA_BASE[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))), t)


def _numbers(text: str) -> Counter[str]:
    t = _seireki(unicodedata.normalize("NFKC", text))
    return Counter(n.replace(",", "") if n[0].isascii() else _kanji_number(n) for n in _NUMBER.findall(t))


def _t_era(c: Context) -> str | None:
    """Same numbers in the sentence once 和暦 is read as 西暦, and an era name or a
    number in the hunk: only the way the year is written changed."""
    if not (_has_number(c.hunk.old) or _has_number(c.hunk.new)):
        return None
    a, b = c.core
    if not _has_number(a + b) and max(len(a), len(b)) > _NOTATION_MAX:
        return None  # the number is only context (（7） kept in a retitled heading): words changed, not a notation
    a, b = _sentence_around(c, True), _sentence_around(c, False)
    if _numbers(a) == _numbers(b):
        return f"年の表記 {_fmt(*c.core)}"
    return None


_NOTATION_MAX = 6
"""Longest edit without a number read as the way a number or year is written (％ → パーセント)."""


def _has_number(text: str) -> bool:
    return bool(_NUMBER.search(unicodedata.normalize("NFKC", text)) or _ERA.search(text))


def _t_number(c: Context) -> str | None:
    """Numbers compared over the sentence around the hunk, so a year that only
    moved inside the sentence (令和7年（2025年） → 2025年（令和7年）) is not a change."""
    if not (_has_number(c.hunk.old) or _has_number(c.hunk.new)):
        return None
    a, b = _numbers(_sentence_around(c, True)), _numbers(_sentence_around(c, False))
    if a != b:
        gone = "、".join(sorted((a - b).elements())) or "なし"
        new = "、".join(sorted((b - a).elements())) or "なし"
        return f"数値 {gone} → {new}"
    return None


_QUOTE_REACH = 300  # a 「」 name longer than this is not a name


def _quoted_touching(text: str, start: int, end: int) -> Counter[str]:
    out: Counter[str] = Counter()
    lo = max(0, start - _QUOTE_REACH)
    for m in _QUOTED.finditer(text, lo, min(len(text), end + _QUOTE_REACH)):
        if m.start() < end and m.end() > start or (start == end and m.start() < start < m.end()):
            out[m.group(1) if m.group(1) is not None else m.group(2)] += 1
    return out


def _t_name(c: Context) -> str | None:
    h = c.hunk
    a = _quoted_touching(c.old_text, h.old_start, h.old_end)
    b = _quoted_touching(c.new_text, h.new_start, h.new_end)
    if a != b:
        fa = Counter(c.rules.fold(k) for k in a.elements())
        fb = Counter(c.rules.fold(k) for k in b.elements())
        if fa != fb and _dictionary_fix(c) is None:  # a typo inside a name is still a typo (推准 → 推進)
            gone = "、".join(f"「{k}」" for k in sorted(a - b)) or "なし"
            new = "、".join(f"「{k}」" for k in sorted(b - a)) or "なし"
            return f"名称 {gone} → {new}"
    return None


_TERM_CONTEXT = 6  # characters around a quoted term that must be the same on both sides


def _t_defined_term(c: Context) -> str | None:
    """A phrase replaced by the plan's own 「」 term for the same thing (質の高い生活
    → 「ウェルビーイング／高い生活の質」): the quoted term replaces, between the same
    words on both sides, a phrase every content character of which is in the
    term (the same words, reordered or completed), and the old document already
    uses the term in 「」 (it is the plan's term, not a new name). The character
    diff may cut this into several hunks; each one inside the term is judged so.
    A term new to the plan, or one that replaces other words, stays a name change."""
    if c.vocabulary is None:
        return None
    h = c.hunk
    added = _quoted_touching(c.new_text, h.new_start, h.new_end)
    if len(added) != 1 or _quoted_touching(c.old_text, h.old_start, h.old_end):
        return None
    term = next(iter(added))
    if f"「{term}」" not in c.vocabulary[0]:
        return None
    qs = c.new_text.rfind("「" + term + "」", 0, h.new_end + 1 + len(term))
    if qs < 0 or qs > h.new_end or qs + len(term) + 2 < h.new_start:
        return None
    qe = qs + len(term) + 2
    os_, oe = c.core_spans[0]  # the hunk's own edit, without the words it shares
    left, right = c.new_text[max(0, qs - _TERM_CONTEXT):qs], c.new_text[qe:qe + _TERM_CONTEXT]
    lo = c.old_text.rfind(left, 0, os_ + len(left) + 1) if left else 0
    if lo < 0:
        return None
    lo += len(left)
    hi = c.old_text.find(right, lo) if right else len(c.old_text)
    if hi < 0 or hi - lo > 2 * len(term) or not (lo <= os_ and oe <= hi):
        return None
    phrase = c.old_text[lo:hi]
    chars = _CONTENT.findall(phrase)
    if len(chars) < 2 or not all(ch in term for ch in chars) or "「" in phrase:
        return None
    return f"計画の用語「{term}」への置換 {_fmt(phrase, term)}"


def _t_abbreviation(c: Context) -> str | None:
    """The plan's own short form for its full form, or the reverse (再生可能エネルギー
    （以下「再エネ」という。） → 再エネ ⇄ 再生可能エネルギー), or a word and the
    abbreviation made from it (再エネ ⇄ 再生可能エネルギー undefined, 省エネ ⇄
    省エネルギー): compare/abbreviations.py."""
    if c.vocabulary is None:
        return None
    spans = c.core_spans
    found = abbreviation_swap(c.old_text, c.new_text, *spans, c.vocabulary)
    if found is not None:
        return f"計画で定めた略称「{found[1]}」と正式な名称「{found[0]}」"
    found = abbreviated_word(c.old_text, c.new_text, *spans)
    if found is not None:
        return f"略語「{found[1]}」と元の語「{found[0]}」"
    return None


def _t_negation(c: Context) -> str | None:
    a = len(_NEGATION.findall(c.rules.fold(c.hunk.old)))
    b = len(_NEGATION.findall(c.rules.fold(c.hunk.new)))
    if a != b:
        return f"否定表現の変更 {_fmt(*c.core)}"
    # a negating prefix added, removed or swapped in: 実施 → 未実施, 必要 → 不要
    ca, cb = c.core
    h = c.hunk
    a_at = c.core_at[0] + len(ca)
    b_at = c.core_at[1] + len(cb)
    a_ext = ca + c.old_text[a_at:a_at + 1] if ca else ""
    b_ext = cb + c.new_text[b_at:b_at + 1] if cb else ""
    a_pos = b_pos = 0
    for op, t in minimal_diff(ca, cb):
        side, pos = (a_ext, a_pos) if op is EditOp.DELETE else (b_ext, b_pos)
        if op is not EditOp.EQUAL and len(t) == 1 and t in _NEGATION_PREFIX \
                and _is_kanji(side[pos + 1:pos + 2] or "x"):
            return f"否定表現の変更 {_fmt(ca, cb)}"
        if op is not EditOp.INSERT:
            a_pos += len(t)
        if op is not EditOp.DELETE:
            b_pos += len(t)
    return None


def _t_meaning(c: Context) -> str | None:
    ca, cb = c.core
    if (_content(ca) == 0) != (_content(cb) == 0):
        # a word added or removed: the phrase rule names it, unless it is a
        # substantive word short enough to pass for a typo (「必ず、」 added)
        added = c.rules.fold(ca or cb)
        for word in c.rules.substantive_words:
            w = c.rules.fold(word)
            if w and w in added and len(_strip_punct(added)) <= c.rules.typo_max_chars + 1:
                return f"意味の変わる語「{word}」（{'追加' if cb else '削除'}）"
        return None
    a, b = c.rules.fold(c.hunk.old), c.rules.fold(c.hunk.new)
    for word in c.rules.substantive_words:
        w = c.rules.fold(word)
        if w and a.count(w) != b.count(w):
            return f"意味の変わる語「{word}」 {_fmt(*c.core)}"
    gone = [w for w in c.rules.action_words if (k := c.rules.fold(w)) and a.count(k) > b.count(k)]
    came = [w for w in c.rules.action_words if (k := c.rules.fold(w)) and b.count(k) > a.count(k)]
    if gone and came and set(gone) != set(came):
        return f"意味の変わる語「{gone[0]}」→「{came[0]}」 {_fmt(*c.core)}"
    return None


_PROVISO = re.compile(r"(?:^|[。\s])(?:ただし|但し)")


def _t_proviso(c: Context) -> str | None:
    """但し書き added or removed: 「ただし、」 at a sentence start turns the sentence
    into a condition or an exception to the one before, whatever its length
    (two hiragana words are no typo). The hunk is read with the character before it."""
    h = c.hunk
    before_old = c.old_text[max(0, h.old_start - 1):h.old_end]
    before_new = c.new_text[max(0, h.new_start - 1):h.new_end]
    a, b = len(_PROVISO.findall(before_old)), len(_PROVISO.findall(before_new))
    if a != b:
        return f"但し書きの{'追加' if b > a else '削除'} {_fmt(*c.core)}"
    return None


def _t_sentence(c: Context) -> str | None:
    a, b = c.core
    for side, label in ((a, "削除"), (b, "追加")):
        body = side.strip()
        if "。" in body and len(_CONTENT.findall(body)) >= 8:
            other = b if side is a else a
            if len(_CONTENT.findall(other)) * 2 < len(_CONTENT.findall(body)):
                return f"文の{label}「{_short(body)}」"
    return None


def _t_reorder(c: Context) -> str | None:
    if c.moved:
        return f"語順の入替え「{_short(c.hunk.old or c.hunk.new)}」"
    a = Counter(_strip_punct(c.rules.fold(c.hunk.old)))
    b = Counter(_strip_punct(c.rules.fold(c.hunk.new)))
    rest = (a - b) + (b - a)
    if (sum(a.values()) >= 6 and sum(rest.values()) <= 2
            and all(_HIRAGANA.match(ch) for ch in rest.elements())):
        return f"語順の入替え {_fmt(*c.core)}"
    return None


ORG_SUFFIXES = ("本部", "センター", "委員会", "協議会", "審議会", "会議", "事務局", "部", "課", "局", "室",
                "係", "班", "所", "庁", "省")


def _t_org(c: Context) -> str | None:
    """A change inside the name of an organisation (…部, …課, …センター)."""
    a, b = c.core
    if not (a and b):
        return None
    for text, start, core in ((c.old_text, c.core_at[0], a),
                              (c.new_text, c.core_at[1], b)):
        at = start + len(core)
        tail = text[at:at + 4]
        suffix = next((sfx for sfx in ORG_SUFFIXES if (core.endswith(sfx) and _word_ends(text, at)
                                                       and not _suffix_inside_word(text, at, sfx))
                       or (tail.startswith(sfx) and _word_ends(text, at + len(sfx))
                           and not _suffix_inside_word(text, at + len(sfx), sfx))), None)
        if suffix is not None:
            return f"{_fmt(a, b)}（…{suffix}）"
    return None


_NOT_A_UNIT = ("サ変可能", "副詞可能")
"""Nouns of action or degree: no organisation's unit is named by one."""


def _suffix_inside_word(text: str, at: int, suffix: str) -> bool:
    """Whether the unit character before ``at`` ends a word of its own meaning
    that no organisation is named by: 関係 and 連係 (nouns of action), 一部 and
    全部 (nouns of degree) end in 係 and 部 without being a 係 or a 部.
    (国際関係 → 国際協調 renames no organisation; 企画部, 推進室, 福祉課 stay units.)"""
    if not at:
        return False
    word = next((m for m in morph.words_at(text, max(0, at - 1), at) if m.end == at), None)
    return word is not None and len(word.surface) > len(suffix) and word.surface.endswith(suffix) \
        and word.pos == "名詞" and word.pos3 in _NOT_A_UNIT


def _word_ends(text: str, at: int) -> bool:
    """Whether a word ends at ``at`` (the 課 of 福祉課 does; the 課 of 課題 does not)."""
    if not at or at >= len(text):
        return True
    return any(m.end == at for m in morph.words_at(text, max(0, at - 1), at))


def _unit_swapped(a: str, b: str) -> bool:
    """An organisation's unit word replaced by another (推進室 → 推進課, 企画部 →
    企画局): the unit was reorganised, whatever the dictionary knows of the words."""
    swaps = _replacements(a, b)
    return bool(swaps) and all(x in ORG_SUFFIXES and y in ORG_SUFFIXES for x, y in swaps)


def _t_typo(c: Context) -> str | None:
    a, b = c.core
    n = changed_chars(_strip_punct(a), _strip_punct(b))  # 。、 moved along do not count
    if n > c.rules.typo_max_chars or _unit_swapped(a, b):
        return None
    if any(unicodedata.category(ch).startswith("S") for ch in a + b):
        return None  # ◎ → ○, → and ※ carry meaning
    if _touches_number(c):
        # next to a number or a date (年度中 → 年度末, 3件 → 3回) only the changed
        # word decides: a non-word fixed into a dictionary word that is no
        # number, counter or date word is a typo (48%削滅 → 48%削減)
        fixed = _dictionary_fix(c)
        if fixed is None or any(_DATE_OR_NUMBER.search(unicodedata.normalize("NFKC", w)) for w in fixed):
            return None
        return f"誤字の修正（「{fixed[0]}」は辞書にない語、「{fixed[1]}」は辞書の語）"
    if _doubled(c):
        return f"重複した文字の削除 {_hunk_fmt(c)}"
    if _document_spelling(c):
        return f"誤字の修正（文書の他の箇所と同じ表記） {_hunk_fmt(c)}"
    fixed = _dictionary_fix(c) or _stray_char_fix(c)
    if fixed is not None:
        return f"誤字の修正（「{fixed[0]}」は辞書にない語、「{fixed[1]}」は辞書の語）"
    # a kanji added, removed or swapped for another changes the word: not a typo
    for op_a, op_b in _replacements(a, b):
        if _is_kanji(op_a) and _is_kanji(op_b):
            return None
    for op, text in minimal_diff(a, b):
        if op is not EditOp.EQUAL and _is_kanji(_strip_punct(text)) and not any(text in x for x in _replacements(a, b)):
            # a kanji word added or removed with its separator (「手話・」) is a word, not a 脱字
            return None
    return f"誤字・脱字の修正 {_hunk_fmt(c)}"


def _typo_fix(c: Context) -> bool:
    """Whether the hunk fixes a non-word into a dictionary word that is no number, counter or date word."""
    fixed = _dictionary_fix(c)
    return fixed is not None and not any(_DATE_OR_NUMBER.search(unicodedata.normalize("NFKC", w)) for w in fixed)


_DATE_OR_NUMBER = re.compile(r"[0-9〇一二三四五六七八九十]|年度|[年月日]|[" + _COUNTERS + "]")

HOMOPHONE_MAX_CHARS = 4  # an IME converts a word at a time: longer swaps are rewrites


def _t_homophone(c: Context) -> str | None:
    """An IME slip fixed (同音の誤変換): kanji swapped for kanji read the same
    (補償 → 保障, both ホショウ), and the new spelling is the right one by the
    dictionary or by the document itself:

    * with its neighbours the new spelling is one dictionary word, the old
      spelling of the same span is not (社会補償 → 社会保障: 社会保障 is a word);
    * or the old version already wrote the new spelling elsewhere and the new
      version no longer writes the old one anywhere (権利の補償 → 権利の保障).

    Both sides must read alike in the dictionary (SudachiPy reading forms), so
    a word replaced by another word (補償 → 支援) is never a slip."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if not (a and b) or len(a) > HOMOPHONE_MAX_CHARS or len(b) > HOMOPHONE_MAX_CHARS \
            or not (_is_kanji(a) and _is_kanji(b)):
        return None
    h = c.hunk
    new_at = c.core_at[1]
    old_at = c.core_at[0]
    words = [w for w in morph.words_at(c.new_text, new_at, new_at + len(b)) if w.begin < new_at + len(b) and w.end > new_at]
    if len(words) == 1 and not words[0].oov and words[0].begin <= new_at and words[0].end >= new_at + len(b) \
            and len(words[0].surface) > len(b):
        w = words[0]
        os_, oe = old_at - (new_at - w.begin), old_at + len(a) + (w.end - new_at - len(b))
        old_word = c.old_text[max(0, os_):oe]
        if os_ >= 0 and not morph.is_dictionary_word(old_word) and morph.reading(old_word) == morph.reading(w.surface):
            return f"同音の誤変換の修正（「{old_word}」は辞書の一語でなく、同じ読みの「{w.surface}」は辞書の語）"
    if c.vocabulary is not None and morph.reading(a) == morph.reading(b):
        old_doc, new_doc = c.vocabulary
        if b in old_doc and a not in new_doc:
            return f"同音の誤変換の修正（「{b}」は文書が他の箇所で使う表記、「{a}」は案にない） {_fmt(a, b)}"
    return None


def _touches_number(c: Context) -> bool:
    h = c.hunk
    a, b = c.core
    for text, start, core in ((c.old_text, c.core_at[0], a), (c.new_text, c.core_at[1], b)):
        around = unicodedata.normalize("NFKC", text[max(0, start - 3):start + len(core) + 1])
        if re.search(r"[0-9〇一二三四五六七八九十]|年度|[年月日]", around):
            return True
    return False


def _doubled(c: Context) -> bool:
    """A character typed twice was removed (成成 → 成)."""
    a, b = c.core
    if b or not 1 <= len(a) <= 2:
        return False
    pos = c.core_at[0]
    text = c.old_text
    return text[pos - len(a):pos] == a or text[pos + len(a):pos + 2 * len(a)] == a


def _dictionary_fix(c: Context) -> tuple[str, str] | None:
    """(old word, new word) when the hunk turned a non-word into one dictionary
    word of the same length ±1 (施索 → 施策): the new text's word around the
    change is one known word, the old text's same span is not."""
    if not c.rules.morphology:
        return None
    h = c.hunk
    a, b = c.core
    if not b or len(a) > 2 or len(b) > 2:
        return None
    new_core = c.core_at[1]
    words = morph.words_at(c.new_text, new_core, new_core + len(b))
    if len(words) != 1:
        return None
    w = words[0]
    if w.oov or len(w.surface) < 2 or w.pos not in ("名詞", "動詞", "形容詞", "形状詞", "副詞"):
        return None
    left, right = new_core - w.begin, w.end - (new_core + len(b))
    old_core = c.core_at[0]
    os_, oe = old_core - left, old_core + len(a) + right
    if os_ < 0 or oe > len(c.old_text):
        return None
    old_word = c.old_text[os_:oe]
    if not old_word or morph.is_common_word(old_word):
        return None
    inside = [m for m in morph.words_at(c.old_text, os_, oe) if m.begin < oe and m.end > os_]
    if len(inside) == 1 and not inside[0].oov and (inside[0].begin, inside[0].end) == (os_, oe) \
            and not (inside[0].pos2 == "固有名詞" and inside[0].pos3 == "人名"):
        return None  # a word in context (the old spelling is a word too)
    return old_word, w.surface


def _stray_char_fix(c: Context) -> tuple[str, str] | None:
    """(old word, new word) when one character typed into or left out of a word
    was fixed (停留場所 → 停留所, ガバメンクラウド → ガバメントクラウド): the
    new text's word around the change is one dictionary word with the change
    inside it (not at its edge: 利便 → 利便性 adds a suffix), the old spelling
    of the same span is not one dictionary word, and the document agrees — the
    old version already writes the new word elsewhere and the new version no
    longer writes the old spelling anywhere."""
    if not c.rules.morphology or c.vocabulary is None:
        return None
    a, b = c.core
    if bool(a) == bool(b) or len(a + b) != 1:
        return None
    old_doc, new_doc = c.vocabulary
    old_at, new_at = c.core_at
    words = [m for m in morph.words_at(c.new_text, max(0, new_at - 1), new_at + len(b) + 1)
             if m.begin < new_at + max(len(b), 1) and m.end > new_at - (0 if b else 1)]
    if len(words) != 1:
        return None
    w = words[0]
    if w.oov or len(w.surface) < 2 or w.pos != "名詞" or not (w.begin < new_at and new_at + len(b) < w.end):
        return None
    os_, oe = old_at - (new_at - w.begin), old_at + len(a) + (w.end - new_at - len(b))
    if os_ < 0 or oe > len(c.old_text):
        return None
    old_word = c.old_text[os_:oe]
    if morph.is_dictionary_word(old_word) or old_word in new_doc or w.surface not in old_doc:
        return None
    return old_word, w.surface


def _windows(text: str, start: int, length: int) -> list[str]:
    """The changed characters with one neighbouring kanji/katakana on either side."""
    word = re.compile(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fc]")
    out = []
    if start > 0 and word.match(text[start - 1]):
        out.append(text[start - 1:start + length])
    if start + length < len(text) and word.match(text[start + length]):
        out.append(text[start:start + length + 1])
    return out


def _document_spelling(c: Context) -> bool:
    """A kanji swapped for the spelling the document uses elsewhere, while the
    old spelling appears nowhere in the new version (世隊 → 世帯)."""
    if c.vocabulary is None:
        return False
    old_doc, new_doc = c.vocabulary
    h = c.hunk
    a, b = c.core
    if not (a and b and len(a) <= 2 and len(b) <= 2):
        return False
    old_w = _windows(c.old_text, c.core_at[0], len(a))
    new_w = _windows(c.new_text, c.core_at[1], len(b))
    return any(ow not in new_doc and nw in old_doc for ow, nw in zip(old_w, new_w))


def _replacements(a: str, b: str) -> list[tuple[str, str]]:
    ops = minimal_diff(a, b)
    out = []
    for i in range(len(ops) - 1):
        if ops[i][0] is EditOp.DELETE and ops[i + 1][0] is EditOp.INSERT:
            out.append((ops[i][1], ops[i + 1][1]))
    return out


def _is_kanji(s: str) -> bool:
    return bool(s) and all("\u4e00" <= ch <= "\u9fff" or ch == "々" for ch in s)


def _t_spelling(c: Context) -> str | None:
    a, b = c.hunk.old.strip(), c.hunk.new.strip()
    if not (re.fullmatch(r"[A-Za-z\-]+", a) and re.fullmatch(r"[A-Za-z\-]+", b)):
        return None
    longer = max(len(a), len(b))
    if changed_chars(a, b) <= min(3, longer // 2) and (a.startswith(b) or b.startswith(a)
                                                        or changed_chars(a, b) <= 2):
        return f"英字表記の修正 {_fmt(a, b)}"
    return None


def _content(s: str) -> int:
    return len(_CONTENT.findall(s))


def _t_phrase(c: Context) -> str | None:
    a, b = c.core
    if _content(a) == 0 and _content(b) > 0:
        return f"語句の追加「{_short(b)}」"
    if _content(b) == 0 and _content(a) > 0:
        return f"語句の削除「{_short(a)}」"
    return None


def _t_filler(c: Context) -> str | None:
    """Words added or removed that change nothing (啓発 → 啓発活動, 推進 →
    積極的に推進, 研修等 → 研修): every content word added is in the
    rule table's filler words, the rest particles and punctuation."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if bool(a) == bool(b) or _has_number(a + b):
        return None
    h = c.hunk
    text, start, core = (c.new_text, c.core_at[1], b) if b else (c.old_text, c.core_at[0], a)
    words = [m for m in morph.words_at(text, start, start + len(core)) if m.begin < start + len(core) and m.end > start]
    if not words or words[0].begin < start or words[-1].end > start + len(core):
        return None  # the change cuts a word: another word, not a filler
    # a noun suffix is a word here (悪化 → 悪化等: 等 adds nothing; デジタル → デジタル化 does)
    content = [m for m in words if not (m.is_punct or (m.is_function and not _noun_suffix(m)))]
    if content and all(c.rules.is_filler(m.normalized) for m in content):
        if any(_noun_suffix(m) and _suffixed_term(c, text, m) for m in content):
            return None  # 開示等 used throughout the document is a term of its own: 開示等 → 開示 narrows it
        return f"語の補い「{core}」（{'追加' if b else '削除'}）"
    return None


TERM_USES = 3  # a word + suffix (開示等) used this often in one version is a term of the document


def _suffixed_term(c: Context, text: str, suffix: "morph.Morpheme") -> bool:
    """True when the word the suffix is attached to, with the suffix, is a term
    the document uses throughout (「開示等」 67 times in a contract), so adding or
    removing the suffix changes what the term covers. 悪化 → 悪化等 written once
    stays a filler."""
    if c.vocabulary is None or suffix.begin == 0:
        return False
    before = [m for m in morph.words_at(text, max(0, suffix.begin - 1), suffix.begin) if m.end == suffix.begin]
    if not before or before[-1].is_punct or before[-1].is_function:
        return False
    term = text[before[-1].begin:suffix.end]
    return any(doc.count(term) >= TERM_USES for doc in c.vocabulary)


def _noun_suffix(m: "morph.Morpheme") -> bool:
    return m.pos == "接尾辞" and m.pos2 == "名詞的"


def _t_connective(c: Context) -> str | None:
    """A connective phrase added or removed (一方で, 中でも, その結果, なお,
    ことに加え, などの理由により): words that only link a clause to the text
    around it, with no content noun or predicate that changes what is said or
    committed to. Every content word of the phrase (whole words, one side
    empty) is a 接続詞 (the dictionary's part of speech), a demonstrative
    pointing back (その, これ, こうした — not あらゆる, 大きな), or a noun/verb of the rule table's connective words (one
    the dictionary cuts as 一方|で, 中|で|も, こと|に|加え); a verb only as a
    compound particle (right after に: に加え, により); a 副詞 of the connective
    words only as a sentence adverb (at the head of a sentence or clause,
    before 、: 「例えば、」「とりわけ、」 say how the sentence stands to the one
    before, not what it commits to).

    Not connectives: 接続詞 that bind a condition or another item (ただし,
    及び, 又は …: the rule table's binding connectives; 「ただし、」 is the
    ``proviso`` rule), other 副詞 (必ず, 概ね, 常に, 直ちに change a
    commitment), an adverb inside a clause (例えば太陽光を…), numbers, and
    the substantive words."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    kana_only = bool(_strip_punct(a)) != bool(_strip_punct(b))  # まず、 / とりわけ、 hold no kanji
    if (bool(_content(a)) == bool(_content(b)) and not kana_only) or _has_number(a + b):
        return None
    h = c.hunk
    core = b if (_content(b) or (kana_only and _strip_punct(b))) else a
    text, start = (c.new_text, c.core_at[1]) if core is b else (c.old_text, c.core_at[0])
    end = start + len(core)
    words = [m for m in morph.words_at(text, start, end) if m.begin < end and m.end > start]
    if not words or words[0].begin < start or words[-1].end > end:
        return _reinflected_connective(c)  # the change cuts a word
    folded = c.rules.fold(core)
    if any((k := c.rules.fold(w)) and k in folded for w in c.rules.binding_connectives + c.rules.substantive_words):
        return None
    if not _only_connective_words(c, text, words):
        return _reinflected_connective(c)  # 減少し、 → 減少する中で: the hunk starts at the re-inflected verb
    return f"接続表現「{_short(core.strip())}」（{'追加' if core is b else '削除'}）"


def _only_connective_words(c: Context, text: str, words: "Sequence[morph.Morpheme]") -> bool:
    """Whether ``words`` (whole words of ``text``) hold content words and every one
    of them is a connective word (see ``_t_connective``)."""
    content = [(i, m) for i, m in enumerate(words) if not (m.is_function or m.is_punct)]
    if not content:
        return False
    for i, m in content:
        if m.pos == "接続詞" or (m.pos in ("連体詞", "代名詞") and m.surface[:1] in "こそ"):
            continue  # a demonstrative points back (その, これ, こうした); あらゆる, 大きな do not
        if m.pos == "副詞" and c.rules.is_connective_word(m.normalized) and _sentence_adverb(text, m, list(words), i):
            continue
        if m.pos == "名詞" and c.rules.is_connective_word(m.normalized):
            continue
        if (m.pos == "動詞" and c.rules.is_connective_word(m.normalized) and i > 0
                and words[i - 1].surface == "に" and words[i - 1].pos == "助詞"):
            continue
        return False
    return True


_INFLECTING = ("動詞", "形容詞", "助動詞")


def _reinflected_connective(c: Context) -> str | None:
    """A clause end inflected anew to take a connective phrase, or give one up
    (所得が低いほど穀物摂取量が多く、野菜… → 多い一方で野菜…): the words around the
    change are the same dictionary words, one of them (a verb or adjective) in
    another conjugation, and what one side adds is a connective phrase
    (``_t_connective``) while the other adds only particles and punctuation.
    How two clauses are joined changes, not what either says."""
    a, b = _word_pair(c)
    ma = [m for m in morph.morphemes(a)]
    mb = [m for m in morph.morphemes(b)]
    table = c.rules._lemma_table()

    def same(x: "morph.Morpheme", y: "morph.Morpheme") -> bool:
        return table.get(x.normalized, x.normalized) == table.get(y.normalized, y.normalized) and x.pos == y.pos

    p = 0
    while p < min(len(ma), len(mb)) and same(ma[p], mb[p]):
        p += 1
    q = 0
    while q < min(len(ma), len(mb)) - p and same(ma[-1 - q], mb[-1 - q]):
        q += 1
    kept = list(zip(ma[:p], mb[:p])) + list(zip(ma[len(ma) - q:], mb[len(mb) - q:]))
    if not any(x.surface != y.surface and x.pos in _INFLECTING for x, y in kept):
        return None  # no word of the clause end re-inflected
    rest_a, rest_b = ma[p:len(ma) - q], mb[p:len(mb) - q]
    if _NEGATION.search("".join(m.surface for m in rest_a + rest_b)) or _has_number(a + b):
        return None
    for plain, phrase, side in ((rest_a, rest_b, "追加"), (rest_b, rest_a, "削除")):
        if all(m.is_function or m.is_punct for m in plain) and phrase:
            text = b if phrase is rest_b else a
            words = phrase
            folded = c.rules.fold("".join(m.surface for m in words))
            if any((k := c.rules.fold(w)) and k in folded
                   for w in c.rules.binding_connectives + c.rules.substantive_words):
                return None
            if _only_connective_words(c, text, words):
                shown = "".join(m.surface for m in phrase).strip("、，。")
                return f"接続表現「{_short(shown)}」（{side}、{_fmt(_short(a.strip()), _short(b.strip()))}）"
    return None


_CLAUSE_HEAD = "。．\n、，「（("
"""A sentence adverb stands after one of these (or at the start of the text)."""


def _sentence_adverb(text: str, m: "morph.Morpheme", words: "list[morph.Morpheme]", i: int) -> bool:
    """Whether the adverb ``words[i]`` (``m``) heads a sentence or a clause and is
    set off by 、 (「例えば、」「特に、」): it then qualifies how the sentence
    stands to the text before it, not what the sentence commits to. An adverb
    inside a clause (特に重要な) modifies the words after it and is not one."""
    before = text[:m.begin].rstrip(" \u3000")
    if before and before[-1] not in _CLAUSE_HEAD and not (
            i > 0 and all(w.is_punct or w.pos == "接続詞" for w in words[:i])):
        return False
    after = text[m.end:m.end + 1]
    return after in ("、", "，", ",")


def _t_term(c: Context) -> str | None:
    a, b = c.core
    if a and b and not _HIRAGANA.search(a + b):
        return f"語の置換 {_fmt(a, b)}"
    return None


def _t_rewording(c: Context) -> str | None:
    """A short paraphrase with words on both sides (過信 → 過度に依存, 図る → 行う).
    Whole sentences added or removed were caught by the sentence rule before."""
    a, b = c.core
    limit = c.rules.rewording_max_chars
    if len(_strip_punct(a)) <= limit and len(_strip_punct(b)) <= limit and not _most_of_unit(c) \
            and not _adds_nouns(a, b, c.rules.morphology) and not _new_proper_noun(c):
        return f"軽微な言い換え {_fmt(a, b)}"
    return None


def _new_proper_noun(c: Context) -> bool:
    """Whether one side of the paraphrase names a place, person or organisation
    (the dictionary's 固有名詞) that the other side's sentence does not: 「国際的な
    枠組みである」→「日本が設立した」 says who did it, a fact, not a rewording."""
    if not c.rules.morphology:
        return False
    a, b = c.core
    for side, other_old in ((a, False), (b, True)):
        names = {m.normalized for m in morph.morphemes(side) if m.pos == "名詞" and m.pos2 == "固有名詞"}
        if names:
            other = {m.normalized for m in morph.morphemes(_sentence_around(c, other_old))}
            if names - other:
                return True
    return False


def _adds_nouns(a: str, b: str, morphology: bool) -> bool:
    """Whether one side is the other with words around it that hold a noun: edits
    near each other read as one hunk (予防的取組方法 → 予防的な取組方法及び順応的管理:
    取組方法 → な取組方法及び順応的管理) add a phrase, they paraphrase nothing.
    An ending added (図る → 図っていく) holds no noun and stays a rewording."""
    if not (morphology and a and b and a != b):
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    at = long_.find(short)
    if at < 0:
        return False
    extra = long_[:at] + "、" + long_[at + len(short):]
    return any(m.pos == "名詞" for m in morph.morphemes(extra))


_NUMBERING = re.compile(r"^[\s\u3000]*\S*[0-9０-９Ⅰ-Ⅻ]\S*[\s\u3000]+")


def _most_of_unit(c: Context) -> bool:
    """Whether the paraphrase renames: a text that names something (a heading's
    title, a table cell ending in a noun, not a sentence) rewritten in more than
    half its words, or whose head noun was swapped for another word, is another
    name, not a rewording (防災情報の強化 → 防災情報を通じた参加の促進, 講座等の
    参加者数 → 講座等の参加者の満足度); 研修を実施する → 研修を行う stays one."""
    a, b = (_strip_punct(x) for x in c.core)
    old_body = _NUMBERING.sub("", c.old_text).strip()
    new_body = _NUMBERING.sub("", c.new_text).strip()
    if not (c.rules.morphology and _is_name(old_body) and _is_name(new_body)):
        return False
    if 2 * max(len(a), len(b)) > max(len(_strip_punct(old_body)), len(_strip_punct(new_body))):
        return True
    return _head_changed(c) or _other_words(a, b)


_CONTENT_CHAR = re.compile(r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\uff21-\uff3a\uff41-\uff5aA-Za-z]")
_OTHER_WORDS_MIN = 4  # characters on each side of a term replaced by other words


def _other_words(a: str, b: str) -> bool:
    """Whether a name's words were replaced by words sharing no kanji, katakana or
    letter with them, each side a term of some length (ワーク・ライフ・バランス →
    仕事と生活の調和): another name, not a rewording of it (推進 → 促進 is short)."""
    def content(x: str) -> set[str]:
        return set(_CONTENT_CHAR.findall(x))
    return len(a) >= _OTHER_WORDS_MIN and len(b) >= _OTHER_WORDS_MIN and bool(content(a)) and bool(content(b)) \
        and not content(a) & content(b)


def _head(text: str) -> morph.Morpheme | None:
    """The head noun of a name: its last noun outside brackets (講座等の参加者数 → 参加者数)."""
    depth = 0
    for m in reversed(morph.morphemes(text)):
        if m.pos == "補助記号" and m.pos2 == "括弧閉":
            depth += 1
        elif m.pos == "補助記号" and m.pos2 == "括弧開":
            depth = max(0, depth - 1)
        elif depth == 0 and m.pos == "名詞":
            return m
    return None


def _head_changed(c: Context) -> bool:
    """Whether the paraphrase replaced the head noun of a name by another word
    (参加者数 → 参加者の満足度: what is counted changed). A 表記ゆれ of the head
    (取組 → 取り組み) or a change before it (講座 → 研修会の参加者数) is not."""
    h = c.hunk
    heads = []
    for text, start, end in ((c.old_text, h.old_start, h.old_end), (c.new_text, h.new_start, h.new_end)):
        head = _head(text)
        if head is None or not (head.begin < end and start < head.end):
            return False  # the change does not touch the head
        heads.append(head)
    return c.rules.word_key(heads[0].surface) != c.rules.word_key(heads[1].surface)


def _is_name(text: str) -> bool:
    """A short text without a sentence end whose last word is a noun (or a noun suffix)."""
    if not text or "\n" in text or len(text) > 40 or text[-1] in "。．！？":
        return False
    words = [m for m in morph.morphemes(text) if not m.is_punct]
    return bool(words) and words[-1].pos in ("名詞", "接尾辞") and words[-1].pos2 != "非自立可能"


def _t_content(c: Context) -> str | None:
    return f"内容の変更 {_fmt(_short(c.core[0]), _short(c.core[1]))}"


def _short(s: str, n: int = 30) -> str:
    s = s.replace("\n", " ").replace("\t", " ")
    return s if len(s) <= n else s[:n] + "…"


@dataclass(frozen=True)
class Rule:
    id: str
    substantive: bool
    label: str  # Japanese, shown as the verdict's reason
    test: Callable[[Context], str | None]


# THE rule table. Order matters: the first match decides.
RULES: tuple[Rule, ...] = (
    Rule("format", False, "文言整理（句読点・空白・全角半角）", _t_format),
    Rule("variant", False, "文言整理（表記ゆれ・送り仮名）", _t_variant),
    Rule("figure", False, "文言整理（図表・注の番号の変更）", _t_figure),
    Rule("item-number", False, "文言整理（項番の変更）", _t_item_number),
    Rule("number", True, "数値・日付の変更", _t_number),
    Rule("counter", True, "数値の単位・助数詞の変更", _t_counter),
    Rule("era", False, "文言整理（年・数値の表記）", _t_era),
    Rule("defined_term", False, "文言整理（計画の用語への置換）", _t_defined_term),
    Rule("abbreviation", False, "文言整理（略称と正式な名称）", _t_abbreviation),
    Rule("name", True, "名称（「」）の変更", _t_name),
    Rule("negation", True, "否定・肯定の変更", _t_negation),
    Rule("sentence", True, "文の追加・削除", _t_sentence),
    Rule("meaning", True, "意味の変わる語の変更", _t_meaning),
    Rule("proviso", True, "条件（但し書き）の追加・削除", _t_proviso),
    Rule("typo", False, "文言整理（誤字・脱字）", _t_typo),
    Rule("homophone", False, "文言整理（同音の誤変換）", _t_homophone),
    Rule("spelling", False, "文言整理（英字表記）", _t_spelling),
    Rule("org", True, "組織名・名称の変更", _t_org),
    Rule("reorder", False, "文言整理（語順の入替え）", _t_reorder),
    Rule("filler", False, "文言整理（意味の変わらない語の補い）", _t_filler),
    Rule("connective", False, "文言整理（接続表現の追加・削除）", _t_connective),
    Rule("phrase", True, "語句の追加・削除", _t_phrase),
    Rule("term", True, "語句の置換", _t_term),
    Rule("rewording", False, "文言整理（軽微な言い換え）", _t_rewording),
    Rule("content", True, "内容の変更", _t_content),
)


def _moved_sentence(c: Context) -> str | None:
    """A whole sentence (ending in 。, ``MOVED_SENTENCE_MIN`` content characters or
    more) deleted where the same sentence is inserted elsewhere in the block: two
    sentences swapped in a paragraph move no word — neither a sentence added nor
    a figure changed."""
    text = (c.hunk.old or c.hunk.new).strip()
    if not c.moved or not text.endswith("。") or len(_CONTENT.findall(text)) < MOVED_SENTENCE_MIN:
        return None
    return f"「{_short(text)}」"


MOVED_SENTENCE_MIN = 12  # as sentence_moves.MOVE_MIN: a short phrase is in many places


def judge_hunk(ctx: Context) -> Verdict:
    if "reorder" not in ctx.rules.disable and (moved := _moved_sentence(ctx)) is not None:
        return verdict_for("sentence-moved", moved)
    for rule in RULES:
        if rule.id in ctx.rules.disable and rule.id != "content":
            continue
        evidence = rule.test(ctx)
        if evidence is not None:
            return Verdict(rule.substantive, rule.id, f"{rule.label}: {evidence}")
    raise AssertionError("the content rule always matches")


def moved_hunks(hs: list[Hunk]) -> set[int]:
    """Indexes of pure deletions and insertions whose words reappear on the other
    side (a clause moved inside the block)."""
    out: set[int] = set()
    dels = [(i, _strip_punct(h.old)) for i, h in enumerate(hs) if h.old and not _strip_punct(h.new)]
    ins = [(i, _strip_punct(h.new)) for i, h in enumerate(hs) if h.new and not _strip_punct(h.old)]
    used: set[int] = set()
    for i, key in dels:
        for j, key2 in ins:
            if j not in used and key and key == key2:
                out.update((i, j))
                used.add(j)
                break
    return out


def judge(old_text: str, new_text: str, hs: list[Hunk], rules: EditorialRules,
          vocabulary: tuple[str, str] | None = None) -> list[Verdict]:
    """One verdict per hunk of ``old_text`` → ``new_text``. ``vocabulary`` is the
    text of both whole documents, for typos corrected to the document's own spelling."""
    moved = moved_hunks(hs)
    return [judge_hunk(Context(h, old_text, new_text, rules, i in moved, vocabulary)) for i, h in enumerate(hs)]


def combine(verdicts: Iterable[Verdict]) -> Verdict:
    """A change is substantive when any part is; the evidence lists the deciding parts."""
    vs = list(verdicts)
    if not vs:
        return Verdict(False, "none", "変更なし")
    deciding = [v for v in vs if v.substantive] or vs
    rules = sorted(dict.fromkeys(v.rule for v in deciding))
    evidence = "／".join(dict.fromkeys(v.evidence for v in deciding))
    return Verdict(deciding[0].substantive, "+".join(rules), evidence)


def verdict_for(rule_id: str, evidence: str) -> Verdict:
    """A verdict from a structural rule (rows, columns, sections) by id."""
    substantive, label = STRUCTURAL[rule_id]
    return Verdict(substantive, rule_id, f"{label}: {evidence}" if evidence else label)


# Structural verdicts, also data: rule id -> (substantive, label).
STRUCTURAL: dict[str, tuple[bool, str]] = {
    "section-added": (True, "章・節の追加"),
    "section-deleted": (True, "章・節の削除"),
    "section-moved": (True, "章・節の移動（構成の変更）"),
    "section-renumbered": (False, "文言整理（見出し番号の変更）"),
    "section-reordered": (False, "文言整理（説明の節の順序変更）"),
    "section-split": (True, "章・節の分割"),
    "section-merged": (True, "章・節の統合"),
    "block-added": (True, "段落・表の追加"),
    "block-deleted": (True, "段落・表の削除"),
    "block-moved": (False, "文言整理（段落の移動）"),
    "footnote-moved": (False, "文言整理（本文と脚注の間の移動）"),
    "sentence-moved": (False, "文言整理（同じ節の中での文の移動）"),
    "block-moved-section": (True, "段落の移動（別の節へ）"),
    "row-added": (True, "表の行の追加"),
    "row-deleted": (True, "表の行の削除"),
    "column-added": (True, "表の列の追加"),
    "column-deleted": (True, "表の列の削除"),
    "row-renumbered": (False, "文言整理（項番の変更）"),
    "list-marker": (False, "文言整理（箇条書きの記号）"),
    "front-matter": (False, "本文外（表紙・目次等）"),
    "empty": (False, "文言整理（空行・空白のみ）"),
}
