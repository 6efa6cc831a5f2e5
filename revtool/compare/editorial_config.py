"""The user-tunable part of the editorial rule table (``EditorialRules``): the
built-in word lists extended by the ``[editorial]`` table of ``revtool.toml``
(documented in compare/editorial_rule_table.py), and the keys built from them — text
with variants folded, words by dictionary form. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from revtool.compare import morph
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial_rule_table import RULES
from revtool.compare.editorial_words import (
    DEFAULT_ACTION_WORDS, DEFAULT_BINDING_CONNECTIVES, DEFAULT_COMMITMENT_LEVELS, DEFAULT_CONNECTIVE_WORDS,
    DEFAULT_FILLER_WORDS, DEFAULT_LEMMA_VARIANTS, DEFAULT_SUBSTANTIVE_WORDS, DEFAULT_VARIANTS, _SURU,
)
from revtool.errors import WorkspaceError


@dataclass(frozen=True)
class EditorialRules:
    """The user-tunable part of the rule table (see compare/editorial_rule_table.py)."""

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
    commitment_levels: tuple[tuple[str, ...], ...] = DEFAULT_COMMITMENT_LEVELS
    morphology: bool = True  # compare on SudachiPy's normalized morphemes
    _canon: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _lemma: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _fillers: set[str] = field(default_factory=set, compare=False, repr=False)
    _connectives: set[str] = field(default_factory=set, compare=False, repr=False)
    _commitment: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
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
        commitment = table.get("commitment", {})
        names = [level[0] for level in base.commitment_levels]
        if not isinstance(commitment, Mapping) or not all(
                isinstance(v, list) and all(isinstance(w, str) for w in v) for v in commitment.values()):
            raise WorkspaceError("revtool.toml: [editorial.commitment] は、段階の名前に語のリストを指定してください"
                                 "（例: 努める = [\"心掛ける\"]）。")
        if set(commitment) - set(names):
            raise WorkspaceError(f"revtool.toml: [editorial.commitment] に不明な段階があります: "
                                 f"{'、'.join(sorted(set(commitment) - set(names)))}", hint="使える段階: " + "、".join(names))
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
            commitment_levels=tuple(level + tuple(commitment.get(level[0], ())) for level in base.commitment_levels),
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

    def commitment_level(self, normalized_form: str) -> int | None:
        """How firmly a predicate headed by this word (by its dictionary form)
        commits the plan: the index of its level in ``commitment_levels``
        (weakest 0), None for a word no level lists."""
        if not self._commitment:
            levels = {ms[0].normalized: k for k, level in enumerate(self.commitment_levels) for w in level
                      if len(ms := morph.morphemes(w)) == 1}
            object.__setattr__(self, "_commitment", levels or {"": -1})
        return self._commitment.get(normalized_form)

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
