"""Editorial (文言整理) or substantive: each hunk of a change judged by the rule
table (compare/editorial_rule_table.py, where the rules and their
``[editorial]`` settings are described), the first rule that matches
deciding; a change is substantive when any of its hunks is. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from revtool.compare.chardiff import Hunk
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial_config import EditorialRules
from revtool.compare.editorial_context import _CONTENT, Context, _short, _strip_punct
from revtool.compare.editorial_rule_table import RULES, Rule
from revtool.compare.structural_verdicts import verdict_for
from revtool.model import Verdict

# Imported from here by tools and scripts: the rule table, its configuration, the comparison key, the structural verdicts.
__all__ = ["RULES", "EditorialRules", "Rule", "combine", "comparison_key", "judge", "judge_hunk", "moved_hunks",
           "verdict_for"]


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
