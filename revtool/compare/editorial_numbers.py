"""Editorial rules about numbers: ``figure`` (図表・注の番号), ``item-number``
(a list item's own number), ``number``, ``counter`` (助数詞・単位) and ``era``
(和暦/西暦). Each test returns evidence (Japanese, short) when it matches, or
None. Pure."""

from __future__ import annotations

import re
from collections import Counter

from revtool.compare import morph
from revtool.compare.comparison_key import comparison_key
from revtool.compare.editorial_context import Context, _fmt, _sentence_around, _sentence_at
from revtool.compare.editorial_typos import _typo_fix
from revtool.compare.written_numbers import _has_number, _numbers
from revtool.normalize import NUMBER_DASHES


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
    r"|[0-9０-９]{1,2}[.．)）](?![0-9０-９])|[ア-ンa-zａ-ｚ][.．)）]"  # 55.0 is a number, not item 55.
    # an item numbered in two levels (8-2) and set off by a space, written once or twice as a table's
    # number cell read as a line gives it (「8-2 　8-2　…」): 2-3 in a sentence is no item number
    r"|(?:[0-9０-９]{1,2}[-－‐][0-9０-９]{1,2}[ \t\u3000]+){1,2})"
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


def _t_era(c: Context) -> str | None:
    """Same numbers in the sentence once 和暦 is read as 西暦, and an era name or a
    number in the hunk: only the way the year is written changed."""
    if not (_has_number(c.hunk.old) or _has_number(c.hunk.new)):
        return None
    a, b = c.core
    if not _has_number(a + b) and (max(len(a), len(b)) > _NOTATION_MAX or not _next_to_number(c)):
        return None  # the number is only context (（7） kept in a retitled heading, 一本化に努め → 一本化を
        # 実施し): words changed, not a notation
    a, b = _sentence_around(c, True), _sentence_around(c, False)
    if _numbers(a) == _numbers(b):
        return f"年の表記 {_fmt(*c.core)}"
    return None


_NOTATION_MAX = 6
"""Longest edit without a number read as the way a number or year is written (％ → パーセント)."""


def _next_to_number(c: Context) -> bool:
    """Whether the changed characters touch a number or an era name on either side
    (30％ → 30パーセント: ％ follows 30), so that they can be the way it is written."""
    (oa, ob), (na, nb) = c.core_spans
    return any(_has_number(text[max(0, i - 2):i]) or _has_number(text[j:j + 2])
               for text, i, j in ((c.old_text, oa, ob), (c.new_text, na, nb)))


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


_NUMERAL = "0-9０-９〇一二三四五六七八九十"
_PLACE_REF = re.compile(
    rf"(?:第[{_NUMERAL}]+[部章節項款](?:[{_NUMERAL}]+(?![{_NUMERAL}年月日度]))?)+"  # 第2部第1章, 第３章２
    r"|[pPｐＰ][.．]\s*[0-9０-９]+(?:[" + NUMBER_DASHES + r"~〜～][0-9０-９]+)?"  # p.25, p.25-27
    r"|[0-9０-９]+\s*(?:頁|ページ)")  # 25頁, 25ページ
_REFERRING = re.compile(r"参照|詳述|後述|前述|記載|記述|述べ|示し|示す|示さ|掲げ|掲載|再掲")
_REF_REACH = 16  # characters after (or before) a place reference where its verb stands


def _place_ref_at(text: str, start: int, end: int) -> str:
    """The reference to a part of the document (第2部第1章, p.25) whose number holds
    [start, end) and that is read as a reference (参照, 詳述, 後述 … next to it), or ""."""
    for m in _PLACE_REF.finditer(text, max(0, start - 16), min(len(text), end + 16)):
        if not (m.start() <= start and end <= m.end()):
            continue
        after = re.split(r"[。\n]", text[m.end():m.end() + _REF_REACH], maxsplit=1)[0]
        before = re.split(r"[。\n]", text[max(0, m.start() - _REF_REACH):m.start()])[-1]
        if _REFERRING.search(after) or _REFERRING.search(before):
            return m.group(0)
    return ""


_POINTER = re.compile(
    r"[（(]?(?:詳細は|詳しくは)?"
    rf"(?:(?:{_PLACE_REF.pattern})(?:[、・]|及び|並びに)?)*"
    r"(?:を|で|に|において)?"
    r"(?:参照|詳述|後述|前述|記載|記述|述べた|述べる|示した|示す)?(?:とおり|ように)?"
    r"(?:する|した|している|されている)?[）)]?")


def _pointer_only(text: str) -> str:
    """``text`` when it is nothing but a pointer to another place of the plan (「（第３部第２章４参照）」,
    「第１部第２章で述べた」, 「（詳細は後述）」): a place reference (or 後述/前述) and
    no word of its own, with a referring word (参照, 述べた, 後述). "" otherwise."""
    t = text.strip(" \u3000、。")
    if not t or not _POINTER.fullmatch(t):
        return ""
    points = _REFERRING.search(t) and (_PLACE_REF.search(t) or re.search("後述|前述", t))
    return t if points else ""  # 第５部において (no referring word) may say where a thing is done


def _t_cross_reference(c: Context) -> str | None:
    """A reference to another place of the plan renumbered (第2部第1章を参照 →
    第2部第2章を参照, （p.25参照） → （p.31参照）, 第３章２で詳述 → 第３章３で詳述):
    parts, chapters and pages are numbered in their order, so a part added or
    moved renumbers every reference to the ones after it. Only a number read as
    such a reference (a referring word — 参照, 詳述, 後述, 記載 — next to it) on
    both sides; 第4部において点検する → 第5部において… is not one. A pointer added or
    removed whole (「（第３部第２章４参照）」, 「第１部第２章で述べた」) says where else the
    plan speaks of it, and commits to nothing."""
    a, b = c.core
    if bool(a.strip()) != bool(b.strip()):
        pointer = _pointer_only(a or b)
        return f"参照先の{'追加' if b else '削除'}「{pointer}」" if pointer else None
    numeral = re.compile(f"[{_NUMERAL}]+")
    if not (numeral.fullmatch(a) and numeral.fullmatch(b)):
        return None
    old_span, new_span = c.core_spans
    old_ref = _place_ref_at(c.old_text, *old_span)
    new_ref = _place_ref_at(c.new_text, *new_span)
    if old_ref and new_ref:
        return f"参照先の番号 {_fmt(old_ref, new_ref)}"
    return None
