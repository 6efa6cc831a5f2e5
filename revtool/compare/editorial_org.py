"""Editorial rule ``org``: a change inside an organisation's name (…部, …課,
…センター), not inside a word that only ends like one (関係, 一部). Pure."""

from __future__ import annotations

from revtool.compare import morph
from revtool.compare.editorial_context import Context, _fmt, _replacements


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
