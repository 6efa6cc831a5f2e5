"""How many submissions one row of a comment table stands for.

A ministry publishes its result table already grouped: one row per opinion,
the others sent with the same intent counted in the row — a 件数 column
(「件数」「意見数」「提出件数」) or a mark in the opinion cell:
「（他12件）」「（同旨他12件）」「同趣旨の御意見（ほか１２件）」 (12 others: the row
is 13 submissions), 「（同趣旨 13件）」「【13件】」 (13 in all). The row's text
stays as written; the count and where it was read go beside it. Pure.
"""

from __future__ import annotations

import re
import unicodedata

# 「他12件」「ほか12件」「外12件」: the others besides this one.
# 「他同趣旨5件」「ほか同旨の御意見12件」: the same, the intent named after 他.
_SAME = r"同(?:趣旨|旨|様)(?:の(?:御|ご)?意見)?"
_OTHERS = re.compile(rf"(?:{_SAME})?\s*(?:他|ほか|外)\s*(?:{_SAME})?\s*(\d[\d,]*)\s*件")
# 「同趣旨 13件」「同旨13件」「13件」 inside brackets: the count in all.
_ALL = re.compile(r"(?:同(?:趣旨|旨|様)(?:の(?:御|ご)?意見)?)?\s*(?:計|全|合計)?\s*(\d[\d,]*)\s*件")
_BRACKETED = re.compile(r"[（(【\[［]([^（）()【】\[\]［］]{1,24})[）)】\]］]")
_COUNT_CELL = re.compile(r"(\d[\d,]*)\s*件?")


def submissions_from_cell(cell: str) -> int | None:
    """A 件数 column's value (「13」「13件」「１３」), None when it holds no count."""
    text = unicodedata.normalize("NFKC", cell or "").strip()
    m = _COUNT_CELL.fullmatch(text)
    if not m:
        return None
    n = int(m.group(1).replace(",", ""))
    return n if n >= 1 else None


def submissions_from_opinion(opinion: str) -> tuple[int, str] | None:
    """The count an opinion cell states in brackets at its start or end, with the
    mark as written; None when it states none (a count inside the sentence —
    「約3,000件の事業所」 — is the opinion's own content, not a count of it)."""
    written = (opinion or "").strip()
    text = unicodedata.normalize("NFKC", written)
    for m in _BRACKETED.finditer(text):
        if m.start() != 0 and m.end() != len(text):
            continue
        inner = m.group(1).strip()
        others = _OTHERS.fullmatch(inner)
        total = _ALL.fullmatch(inner)
        if others:
            count = int(others.group(1).replace(",", "")) + 1
        elif total and int(total.group(1).replace(",", "")) >= 1:
            count = int(total.group(1).replace(",", ""))
        else:
            continue
        return count, _as_written(written, m.group(0), at_start=m.start() == 0)
    return _last_line_mark(written)


# A last line of its own that is only the mark, unbracketed: 「同趣旨 他12件」「他同旨 3件」「同旨の御意見 13件」.
_MARK_LINE = re.compile(rf"(?:{_SAME}\s*(?:他|ほか|外)?|(?:他|ほか|外)\s*{_SAME})\s*(\d[\d,]*)\s*件")


def _last_line_mark(written: str) -> tuple[int, str] | None:
    lines = written.split("\n")
    if len(lines) < 2:
        return None
    line = lines[-1].strip()
    m = _MARK_LINE.fullmatch(unicodedata.normalize("NFKC", line))
    if not m or int(m.group(1).replace(",", "")) < 1:
        return None
    n = int(m.group(1).replace(",", ""))
    return (n + 1 if _OTHERS.fullmatch(unicodedata.normalize("NFKC", line)) else n), line


def _as_written(written: str, mark: str, at_start: bool) -> str:
    """``mark`` (found in the NFKC form) as the cell writes it: full-width
    brackets and digits keep their width in messages."""
    piece = written[:len(mark)] if at_start else written[len(written) - len(mark):]
    return piece if unicodedata.normalize("NFKC", piece) == mark else mark


def row_submissions(opinion: str, count_cell: str) -> tuple[int, str]:
    """(submissions, evidence in Japanese); (1, "") for an ordinary row. A 件数
    column wins over a mark in the text; both are named when they disagree."""
    from_cell = submissions_from_cell(count_cell)
    from_text = submissions_from_opinion(opinion)
    if from_cell is not None:
        why = f"件数の列「{count_cell.strip()}」"
        if from_text is not None and from_text[0] != from_cell:
            why += f"（意見欄の「{from_text[1]}」とは異なります）"
        return from_cell, why
    if from_text is not None:
        return from_text[0], f"意見欄の「{from_text[1]}」"
    return 1, ""
