"""Editorial rule tests for the words that join the items of a list: the same
items joined by another word of the kind (と, 、, 及び: all of them; 又は, 若しくは:
one of them) is a list written anew; items joined all together turned into a
choice among them, or the reverse, changes who or what is covered. Pure."""

from __future__ import annotations

import re

from revtool.compare.editorial_context import Context, _fmt
from revtool.text_chars import ASCII_ALNUM, FULLWIDTH_DIGITS, FULLWIDTH_LATIN, KANJI, KATAKANA


# Words that join the items of a list: all of them (A及びB = AとB = A、B) or one of them (A又はB).
_JOINING = ("と", "や", "、", "，", "・", "及び", "および", "並びに", "ならびに")
_CHOOSING = ("又は", "または", "若しくは", "もしくは", "あるいは", "或いは", "か", "ないし")
_COORDINATORS = sorted([(w, "and") for w in _JOINING] + [(w, "or") for w in _CHOOSING], key=lambda x: -len(x[0]))
_ITEM_WORD = f"{KANJI}{KATAKANA}{ASCII_ALNUM}{FULLWIDTH_LATIN}{FULLWIDTH_DIGITS}"
_ITEM_EDGE = re.compile(f"[{_ITEM_WORD}」』）)]")
_ITEM_START = re.compile(f"[{_ITEM_WORD}「『（(]")


def _coordinators(text: str) -> tuple[str, ...] | None:
    """What each word of ``text`` joins by ("and", "or"), when ``text`` is made of
    list coordinators only (「及び」, 「、」, 「又は」); None otherwise."""
    t = "".join(text.split())
    out: list[str] = []
    while t:
        hit = next(((w, k) for w, k in _COORDINATORS if t.startswith(w)), None)  # longest first
        if hit is None:
            return None
        out.append(hit[1])
        t = t[len(hit[0]):]
    return tuple(out) if out else None


def _list_join(c: Context) -> tuple[set[str], set[str], str] | None:
    """How the two sides join the same items, when the change is only the word
    between two items (国と地方公共団体 → 国及び地方公共団体): the kinds of each
    side, and the words shown. The core is widened over the kana both sides
    share (又は → 若しくは: the core is 又 → 若しく)."""
    a, b = c.core
    if not (a and b):
        return None
    (os_, oe), (ns, ne) = c.core_spans
    for left in range(3):
        for right in range(3):
            sa, sb = (os_ - left, oe + right), (ns - left, ne + right)
            if sa[0] < 1 or sb[0] < 1 or sa[1] >= len(c.old_text) or sb[1] >= len(c.new_text):
                continue
            wa, wb = c.old_text[sa[0]:sa[1]], c.new_text[sb[0]:sb[1]]
            ka, kb = _coordinators(wa), _coordinators(wb)
            if ka is None or kb is None:
                continue
            if all(_ITEM_EDGE.match(text[start - 1]) and _ITEM_START.match(text[end])
                   for text, (start, end) in ((c.old_text, sa), (c.new_text, sb))):
                return set(ka), set(kb), _fmt(wa, wb)
    return None


def _t_alternative(c: Context) -> str | None:
    """Items joined all together turned into a choice among them, or the reverse
    (及び → 又は, と → か): who or what is covered changes."""
    kinds = _list_join(c)
    if kinds is not None and ("or" in kinds[0]) != ("or" in kinds[1]):
        return f"並列と選択 {kinds[2]}"
    return None


def _t_coordinator(c: Context) -> str | None:
    """The same items joined by another word of the same kind (国と地方公共団体 →
    国及び地方公共団体, 、 → 及び, や → 、, 又は → 若しくは): a list written anew."""
    kinds = _list_join(c)
    if kinds is not None and ("or" in kinds[0]) == ("or" in kinds[1]):
        return f"並列の語 {kinds[2]}"
    return None
