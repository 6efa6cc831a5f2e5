"""Editorial (文言整理) or substantive: each hunk of a change judged by the rule
table (compare/editorial_rule_table.py, where the rules and their
``[editorial]`` settings are described), the first rule that matches
deciding; a change is substantive when any of its hunks is. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from revtool.compare.chardiff import Hunk, common_ends
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial_config import EditorialRules
from revtool.compare.editorial_context import _CONTENT, Context, _short, _strip_punct
from revtool.compare.editorial_lists import _coordinators
from revtool.compare.editorial_meaning import _NEGATION
from revtool.compare.editorial_rewording import _content_words
from revtool.compare.editorial_rule_table import RULES, Rule
from revtool.compare.sentence_moves import whole_sentence
from revtool.compare.structural_verdicts import verdict_for
from revtool.compare.written_numbers import _has_number
from revtool.model import Verdict

# Imported from here by tools and scripts: the rule table, its configuration, the comparison key, the structural verdicts.
__all__ = ["RULES", "EditorialRules", "Rule", "combine", "comparison_key", "judge", "judge_hunk", "moved_hunks",
           "reworded_moves", "verdict_for"]


def _moved_sentence(c: Context) -> str | None:
    """A whole sentence (``sentence_moves.whole_sentence``: ending in 。, with
    ``sentence_moves.MOVE_MIN`` content characters or more) deleted where the same
    sentence is inserted elsewhere in the block: two sentences swapped in a
    paragraph move no word — neither a sentence added nor a figure changed.

    A sentence moved to *another paragraph* of the section is
    ``sentence_moves.relabel_sentence_moves``'s (two changes, not two hunks).
    The two count content differently, kept as measured: here without hiragana
    (``_CONTENT``, as every editorial rule weighs a hunk), there with it."""
    text = (c.hunk.old or c.hunk.new).strip()
    if not c.moved or not whole_sentence(text, _CONTENT):
        return None
    return f"「{_short(text)}」"


def judge_hunk(ctx: Context) -> Verdict:
    if "reorder" not in ctx.rules.disable and (moved := _moved_sentence(ctx)) is not None:
        return verdict_for("sentence-moved", moved)
    if "reorder" not in ctx.rules.disable and ctx.moved_words:
        shown = _short((ctx.core[0] or ctx.core[1]).strip("、，。 \u3000"))
        return Verdict(False, "reorder", f"文言整理（語順の入替え）: 同じ語を文中の別の位置へ「{shown}」")
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


MOVED_WORDS_MIN = 3  # content words a clause moved and rebuilt holds: fewer are in many places


def _moved_content(h: Hunk, rules: EditorialRules, old: bool) -> Counter[str]:
    """The content words of one side of a hunk's core (see ``_content_words``)."""
    a, b = h.old, h.new
    p, s = common_ends(a, b)
    return _content_words((a if old else b)[p:len(a if old else b) - s], rules)


def _core(h: Hunk) -> tuple[str, str]:
    p, s = common_ends(h.old, h.new)
    return h.old[p:len(h.old) - s], h.new[p:len(h.new) - s]


def swapped_items(hs: list[Hunk], old_text: str, rules: EditorialRules, taken: set[int]) -> set[int]:
    """Indexes of two replacements that swap the items of one list (地方公共団体、事業者及び国民 →
    事業者、地方公共団体及び国民): what one puts in, the other took out, word for word, and
    between them the old text holds only the words that join items (、, 及び, ・). The same
    items in another order; words swapped across a clause (市が実施し、県が支援する → 県が…、市が…)
    change who does what and are not taken."""
    if not rules.morphology:
        return set()
    subs = [i for i, (a, b) in enumerate(_core(h) for h in hs)
            if i not in taken and _strip_punct(a) and _strip_punct(b) and not _has_number(a + b)]
    out: set[int] = set()
    for x, i in enumerate(subs):
        if i in out:
            continue
        (ai, bi) = _core(hs[i])
        wi_old, wi_new = _content_words(ai, rules), _content_words(bi, rules)
        if not wi_old or not wi_new:
            continue
        for j in subs[x + 1:]:
            if j in out:
                continue
            aj, bj = _core(hs[j])
            if wi_old != _content_words(bj, rules) or wi_new != _content_words(aj, rules):
                continue
            p1, s1 = common_ends(hs[i].old, hs[i].new)
            p2, _ = common_ends(hs[j].old, hs[j].new)
            gap = old_text[hs[i].old_start + len(hs[i].old) - s1:hs[j].old_start + p2]
            if _coordinators(gap) is not None:
                out.update((i, j))
                break
    return out


def reworded_moves(hs: list[Hunk], rules: EditorialRules, taken: set[int]) -> set[int]:
    """Indexes of pure deletions and insertions (not in ``taken``) that hold the
    same content words (``MOVED_WORDS_MIN`` or more), as many negations and no
    number: a clause moved inside the block and rebuilt where it now stands
    (これは人口が減っているためである。 → 人口が減っているため、 at the head of
    the sentence before). Nothing is added or withdrawn."""
    if not rules.morphology:
        return set()
    cores = [_core(h) for h in hs]
    # a pure deletion or insertion once the characters both sides share at its ends are set
    # aside (the hunk slid to a word boundary: 促進する → 促進するとともに、…を進める)
    dels = [i for i, (a, b) in enumerate(cores) if i not in taken and _strip_punct(a) and not _strip_punct(b)]
    ins = [i for i, (a, b) in enumerate(cores) if i not in taken and _strip_punct(b) and not _strip_punct(a)]
    out: set[int] = set()
    if not dels or not ins:
        return out
    for i in dels:
        words = _moved_content(hs[i], rules, True)
        if sum(words.values()) < MOVED_WORDS_MIN or _has_number(hs[i].old):
            continue
        for j in ins:
            if j in out or _has_number(hs[j].new):
                continue
            if _moved_content(hs[j], rules, False) == words and \
                    len(_NEGATION.findall(hs[i].old)) == len(_NEGATION.findall(hs[j].new)):
                out.update((i, j))
                break
    return out


def judge(old_text: str, new_text: str, hs: list[Hunk], rules: EditorialRules,
          vocabulary: tuple[str, str] | None = None) -> list[Verdict]:
    """One verdict per hunk of ``old_text`` → ``new_text``. ``vocabulary`` is the
    text of both whole documents, for typos corrected to the document's own spelling."""
    moved = moved_hunks(hs)
    rebuilt = reworded_moves(hs, rules, moved)
    rebuilt |= swapped_items(hs, old_text, rules, moved | rebuilt)
    return [judge_hunk(Context(h, old_text, new_text, rules, i in moved, vocabulary, i in rebuilt))
            for i, h in enumerate(hs)]


def combine(verdicts: Iterable[Verdict]) -> Verdict:
    """A change is substantive when any part is; the evidence lists the deciding parts."""
    vs = list(verdicts)
    if not vs:
        return Verdict(False, "none", "変更なし")
    deciding = [v for v in vs if v.substantive] or vs
    rules = sorted(dict.fromkeys(v.rule for v in deciding))
    evidence = "／".join(dict.fromkeys(v.evidence for v in deciding))
    return Verdict(deciding[0].substantive, "+".join(rules), evidence)
