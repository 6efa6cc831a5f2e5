"""Editorial rule tests for the words that join the items of a list: the same
items joined by another word of the kind (と, 、, 及び: all of them; 又は, 若しくは:
one of them) is a list written anew; items joined all together turned into a
choice among them, or the reverse, changes who or what is covered. Pure."""

from __future__ import annotations

import re
from collections import Counter

from revtool.compare import morph
from revtool.compare.editorial_context import Context, _fmt, _word_pair
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


def _t_list_item(c: Context) -> str | None:
    """An item added to a list or taken out of it (大気、水及び土壌 → 大気、水、土壌及び海洋):
    both sides are list items and the words that join them, and one side has a content word
    the other lacks — who or what the plan covers changes. Fillers (等) are no item (及び水素 →
    、水素等 stays a list written anew)."""
    if not c.rules.morphology:
        return None
    a, b = _word_pair(c)
    words_a, skel_a = _items(a, c)
    words_b, skel_b = _items(b, c)
    if words_a is None or words_b is None or _coordinators(skel_a + skel_b) is None:
        return None
    added, removed = words_b - words_a, words_a - words_b
    if bool(added) == bool(removed):
        return None
    shown = "、".join(sorted(added or removed))
    return f"並列の項目の{'追加' if added else '削除'}「{shown}」 {_fmt(a.strip(), b.strip())}"


def _items(text: str, c: Context) -> tuple[Counter[str] | None, str]:
    """The content words of ``text`` (fillers aside) and what is left once they are taken out:
    (None, "") when a word of it is neither a noun (with its prefixes and suffixes), a filler,
    the の inside an item (生物多様性の損失) nor punctuation or a word that joins items."""
    words: Counter[str] = Counter()
    rest: list[str] = []
    for m in morph.morphemes(text):
        if m.pos in ("名詞", "接頭辞", "接尾辞") or (m.pos == "形状詞" and m.pos2 != "助動詞語幹"):
            if not c.rules.is_filler(m.normalized):
                words[m.normalized] += 1
        elif m.surface == "の" and m.pos == "助詞" and words:
            continue
        else:
            rest.append(m.surface)
    return words, "".join(rest)
