"""An answer that points to another row's answer: 「No.6と同様です。」「No.3と同じです」
「番号5の回答をご参照ください」「意見番号12に同じ」「番号72の考え方のとおりです」「上記と同様です」.

A campaign answered row by row gives its full answer once and, on the other
rows, only the number of that row. Such a row takes the referenced row's
answer type and, when changes are linked, its links (``same_answer_as``); the
evidence says 「No.6 の回答と同じ」. Only an answer that says nothing of its own
besides the pointer counts (「No.6と同様ですが、…を追記します」 is read as
written). The number is the table's own 番号 column when it has one, else the
row's position. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from revtool.model import Comment, ResponseType

# 「No.6」「No 6」「№6」「番号6」「意見番号6」「6番」; NFKC makes ６ → 6 and Ｎｏ． → No.
_NUMBER = r"(?:(?:No|NO|no|№|#|(?:意見|通し|整理|項)?番号)\s*[.:]?\s*(?P<n>\d{1,5})(?:番)?|(?P<m>\d{1,5})番)"
_PREVIOUS = r"(?P<prev>上記|前記|前項|前(?:の)?(?:意見|番号|行))"
# 「の回答」「に対する町の考え方」「のご意見への回答」 between the pointer and the verb
_WHOSE = r"(?:の(?:ご|御)?意見)?(?:(?:への|に対する|の)(?:回答|考え方|(?:町|市|区|村|県|都|府|国)の考え方|見解))?"
_SAME = r"(?:と|に)?(?:同(?:様|じ|旨|趣旨|一)|おなじ)"
_SEE = r"を?(?:ご|御)?(?:参照|覧|確認)"
_AS = r"の(?:とおり|通り)"  # 「番号72の考え方のとおりです」
_POINTER = re.compile(r"(?:" + _NUMBER + "|" + _PREVIOUS + r")\s*" + _WHOSE + r"\s*(?:" + _SAME + "|" + _SEE + "|" + _AS + ")")
# what may stand around the pointer without being an answer of its own
_FILLER = re.compile(
    r"(?:(?:ご|御)?意見(?:について|に対して|に対する回答)?は?|回答は?|考え方は?|につきましては|については|"
    r"です|でございます|となります|のとおり|ください|下さい|願います|いただきますよう|いただけますよう|"
    r"(?:お)?願いいたします|お願いします|の回答|回答|をご|を|と|に|は|の|、|。|\s|[()「」『』])+"
)


@dataclass(frozen=True)
class AnswerPointer:
    number: str  # the row number named, digits ("" for 「上記」: the row before)
    phrase: str  # the pointer as written (NFKC): 「No.6と同様」


def answer_pointer(response: str) -> AnswerPointer | None:
    """The other row an answer points to, when that pointer is all it says."""
    text = unicodedata.normalize("NFKC", response or "").strip()
    m = _POINTER.search(text)
    if not m:
        return None
    rest = _FILLER.sub("", text[: m.start()] + text[m.end():])
    if rest:
        return None  # the answer says something of its own
    number = m.group("n") or m.group("m") or ""
    return AnswerPointer(str(int(number)) if number else "", m.group(0))


def number_key(cell: str) -> str:
    """A 番号 cell as compared with a pointer: its digits (「No.６」 → 6), else the
    cell as written (NFKC, no spaces)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell or ""))
    m = re.fullmatch(r"(?:No\.?|NO\.?|№)?(\d+)", text)
    return str(int(m.group(1))) if m else text


def follow_answer_pointers(comments: Sequence[Comment], numbers: Sequence[str],
                           typed_by_category: Sequence[bool] = (), tables: Sequence[str] = ()) -> tuple[Comment, ...]:
    """``comments`` with every pointing answer resolved: ``same_answer_as`` set
    to the comment whose answer it repeats (followed through chains), and the
    answer type and evidence taken from it, unless the row's own 対応区分 gave
    the type (``typed_by_category``). ``numbers``: each comment's table
    number (``number_key`` of its 番号 cell, or its row position). A pointer
    to no row of the table stays as it is, with a warning. ``tables``: each
    comment's table (an XLSX sheet): a workbook whose sheets each number their
    rows from 1 (パブリックコメント, 団体ヒアリング) means No.3 of the pointer's own
    sheet first."""
    by_number: dict[str, int] = {}
    in_table: dict[tuple[str, str], int] = {}
    for i, n in enumerate(numbers):
        by_number.setdefault(n, i)
        if i < len(tables):
            in_table.setdefault((tables[i], n), i)
    pointers: dict[int, tuple[int | None, AnswerPointer]] = {}
    for i, c in enumerate(comments):
        if c.response_type != ResponseType.OTHER and not (i < len(typed_by_category) and typed_by_category[i]):
            continue  # an answer the classifier read on its own words
        p = answer_pointer(c.response)
        if p is None:
            continue
        own = in_table.get((tables[i], p.number)) if i < len(tables) else None
        target = (i - 1 if i > 0 else None) if not p.number else own if own is not None else by_number.get(p.number)
        pointers[i] = (target if target != i else None, p)
    out = list(comments)
    for i, (target, p) in pointers.items():
        c = comments[i]
        final = _final(i, pointers)
        if target is None or final is None:
            out[i] = replace(c, warnings=c.warnings + (f"回答「{c.response.strip()}」が指す意見が表にありません。",))
            continue
        src = comments[final]
        label = f"No.{p.number}" if p.number else f"前の行（{src.id}）"
        via = f"（{src.id}）" if p.number else ""
        evidence = f"{label} の回答と同じ{via}: {src.response_evidence}" if src.response_evidence else f"{label} の回答と同じ{via}"
        typed = i < len(typed_by_category) and typed_by_category[i]
        out[i] = replace(c, same_answer_as=src.id,
                         response_type=c.response_type if typed else src.response_type,
                         response_evidence=c.response_evidence if typed else evidence)
    return tuple(out)


def _final(i: int, pointers: Mapping[int, tuple[int | None, AnswerPointer]]) -> int | None:
    """The row whose own answer ``i``'s pointer ends at (through chains), None on a loop or a dead end."""
    seen = {i}
    at = pointers[i][0]
    while at is not None and at in pointers:
        if at in seen:
            return None
        seen.add(at)
        at = pointers[at][0]
    return at
