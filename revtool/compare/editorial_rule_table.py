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

    # Words added to a level of commitment, by the level's name (検討, 努める,
    # 図る, 推進, 実施), see the ``commitment`` rule.
    [editorial.commitment]
    "努める" = ["心掛ける"]

Words come from the dictionary first (compare/morph.py, SudachiPy core):
表記ゆれ are equal ``normalized_form()`` (一人暮らし = ひとり暮らし, 子ども =
こども, 取組 = 取り組み), a typo fix turns a non-word into a dictionary word
(施索 → 施策). The tables above hold what a dictionary cannot know.

Rule ids: ``format`` (width, spacing, punctuation), ``variant`` (表記ゆれ;
対GDP比 = GDP比),
``figure`` (a figure or table renumbered: 図表１２ → 図表１－３), ``item-number``
(a list item's own number at the head of its line: ① → ②), ``cross-reference``
(a reference to another place of the plan renumbered: 第2部第1章を参照 → 第2部第2章を参照,
p.25参照 → p.31参照), ``number``
(numbers, dates, percentages; 令和8年 = 2026年), ``counter`` (the
same number with another counter or unit: 3件 → 3回), ``era`` (the same
year written in 和暦 or 西暦), ``defined_term`` (words replaced by a 「」
term the plan already uses: 質の高い生活 → 「ウェルビーイング／高い生活の質」),
``abbreviation`` (a short form the plan defines, 以下「再エネ」という, and its full
form, either way), ``name`` (「」 names), ``negation``,
``alternative`` (items joined turned into a choice: 及び → 又は), ``coordinator``
(the same items joined by another word of the kind: と → 及び, 、 → 及び),
``meaning`` (substantive words), ``commitment`` (a clause's predicate moved to
another level of commitment: 努める → 取り組む, 検討する → 実施する, 図る → 進める;
行う → する stays at its level; levels in ``commitment_levels``, extended per plan by
``[editorial.commitment]``: 努める = ["心掛ける"]), ``proviso`` (「ただし、」 added or
removed: a condition), ``sentence`` (sentence added or removed),
``reorder`` (same words, new order), ``typo``, ``homophone`` (an IME slip:
the same reading, the dictionary's or the document's spelling: 社会補償 →
社会保障), ``spelling`` (Latin spelling), ``broken-word`` (characters dropped up to the middle
of a katakana or Latin word: 例として、バリューチェーン → 例リューチェーン),
``org`` (a change inside an organisation's name: …部, …課, …センター;
not 関係 or 一部, words of their own),
``filler`` (a word that changes nothing added or removed: 啓発 → 啓発活動,
悪化 → 悪化等), ``connective`` (a connective phrase added or removed: 一方で,
中でも, ことに加え, 「例えば、」 at the head of a sentence; also with the clause
end inflected anew for it: 多く、 → 多い一方で),
``predicate-form`` (a predicate in another form of the same kanji: 低下する → 低い),
``phrase`` (words added or removed), ``term`` (a noun swapped for another),
``list-item`` (an item added to a list or taken out: 水及び土壌 → 水、土壌及び海洋),
``rewording`` (a short paraphrase), ``same-words`` (the same content words built
into another construction), ``content`` (anything else).
"""


from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from revtool.compare.editorial_commitment import _t_commitment
from revtool.compare.editorial_connectives import _t_connective
from revtool.compare.editorial_context import Context
from revtool.compare.editorial_lists import _t_alternative, _t_coordinator, _t_list_item
from revtool.compare.editorial_meaning import _t_meaning, _t_negation, _t_proviso, _t_reorder, _t_sentence
from revtool.compare.editorial_names import _t_abbreviation, _t_defined_term, _t_name
from revtool.compare.editorial_numbers import _t_counter, _t_cross_reference, _t_era, _t_figure, _t_item_number, _t_number
from revtool.compare.editorial_org import _t_org
from revtool.compare.editorial_phrases import _t_content, _t_filler, _t_phrase, _t_term
from revtool.compare.editorial_rewording import _t_predicate_form, _t_rewording, _t_same_words
from revtool.compare.editorial_typos import _t_broken_word, _t_homophone, _t_spelling, _t_typo
from revtool.compare.editorial_variants import _t_format, _t_variant


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
    Rule("cross-reference", False, "文言整理（参照先の章・ページの番号）", _t_cross_reference),
    Rule("number", True, "数値・日付の変更", _t_number),
    Rule("counter", True, "数値の単位・助数詞の変更", _t_counter),
    Rule("era", False, "文言整理（年・数値の表記）", _t_era),
    Rule("defined_term", False, "文言整理（計画の用語への置換）", _t_defined_term),
    Rule("abbreviation", False, "文言整理（略称と正式な名称）", _t_abbreviation),
    Rule("name", True, "名称（「」）の変更", _t_name),
    Rule("negation", True, "否定・肯定の変更", _t_negation),
    Rule("alternative", True, "並列・選択の変更", _t_alternative),
    Rule("coordinator", False, "文言整理（並列の表し方）", _t_coordinator),
    Rule("sentence", True, "文の追加・削除", _t_sentence),
    Rule("meaning", True, "意味の変わる語の変更", _t_meaning),
    Rule("commitment", True, "述語の確約の程度の変更", _t_commitment),
    Rule("proviso", True, "条件（但し書き）の追加・削除", _t_proviso),
    Rule("typo", False, "文言整理（誤字・脱字）", _t_typo),
    Rule("homophone", False, "文言整理（同音の誤変換）", _t_homophone),
    Rule("spelling", False, "文言整理（英字表記）", _t_spelling),
    Rule("broken-word", False, "文言整理（語の途中の脱字）", _t_broken_word),
    Rule("org", True, "組織名・名称の変更", _t_org),
    Rule("reorder", False, "文言整理（語順の入替え）", _t_reorder),
    Rule("filler", False, "文言整理（意味の変わらない語の補い）", _t_filler),
    Rule("connective", False, "文言整理（接続表現の追加・削除）", _t_connective),
    Rule("predicate-form", False, "文言整理（同じ漢字の述語の言い換え）", _t_predicate_form),
    Rule("phrase", True, "語句の追加・削除", _t_phrase),
    Rule("term", True, "語句の置換", _t_term),
    Rule("list-item", True, "並列の項目の追加・削除", _t_list_item),
    Rule("rewording", False, "文言整理（軽微な言い換え）", _t_rewording),
    Rule("same-words", False, "文言整理（同じ語による言い回しの変更）", _t_same_words),
    Rule("content", True, "内容の変更", _t_content),
)
