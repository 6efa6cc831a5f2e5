"""Japanese line breaking (禁則処理) for every wrapped terminal view.

rich breaks lines only at spaces, so a Japanese sentence is one long "word"
that it chops anywhere: a line may start with 、。）」 or end with （「, and an
id such as ``P.12`` or ``C05`` may be cut in two. ``divide_line`` has rich's
signature and contract (break offsets for a width) with Japanese rules:

* a break is allowed between any two CJK characters and at spaces;
* a run of half-width letters, digits and ASCII punctuation (``P.12``,
  ``C05``, ``R3``, ``--format``, ``decisions.toml``), a page label written
  ``P. 12`` and a katakana word are never broken inside (unless longer than the
  line);
* 行頭禁則: closing brackets, 、。 and small kana stay on the previous line;
* 行末禁則: opening brackets go to the next line with what follows them.

``install()`` makes rich use it (done once by the CLI), so diff, trace, show,
review and tables all wrap alike. Pure apart from ``install``.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len
from revtool.text_chars import KATAKANA

# may not start a line (行頭禁則)
NO_START = frozenset(
    "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»"
    "ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～？！?!‼⁇⁈⁉・：；:;/／…‥"
)
# may not end a line (行末禁則)
NO_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")

# never broken inside: a page label, then runs of half-width text, then katakana words
_UNIT = re.compile(
    r"[PpＰｐ][.．]\s?\d+(?:[-–〜～]\d+)?"
    r"|第?[0-9０-９]+(?:[.,:][0-9]+)*[!-~]*(?:[ \u3000]?[件行節章版年月日回条項号頁点個人%％])?"
    r"|[!-~]+"
    r"|[０-９Ａ-Ｚａ-ｚ]+"
    f"|[{KATAKANA}]{{2,}}"
)


def _units(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a line may be broken between; trailing
    whitespace belongs to the piece before it (as in rich)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        m = _UNIT.match(text, i)
        if m and m.end() > i:
            j = m.end()
        elif text[i].isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if spans:  # whitespace goes with what precedes it
                spans[-1] = (spans[-1][0], j)
                i = j
                continue
        else:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):  # keep combining marks with their base
                j += 1
        while j < n and text[j].isspace():
            j += 1
        spans.append((i, j))
        i = j
    # 行頭禁則: a piece starting with a closing mark joins the one before it
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and text[start] in NO_START:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    # 行末禁則: a piece ending with an opening mark joins the one after it
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in joined:
        begin = start if carry is None else carry
        if text[start:end].rstrip()[-1:] in NO_END and end < n:
            carry = begin
            continue
        out.append((begin, end))
        carry = None
    if carry is not None:
        out.append((carry, n))
    return out


def _fold(piece: str, width: int) -> list[str]:
    """A piece longer than a line, cut by cells; a cut that would start a line
    with a closing mark (or end one with an opening mark) moves back (追い出し)."""
    lines: list[str] = []
    cur = ""
    for ch in piece:
        if cur and cell_len(cur + ch) > width:
            nxt = ch
            while len(cur) > 1 and (nxt[0] in NO_START or cur[-1] in NO_END or (cur[-1] + nxt[0]).isdigit()):
                nxt, cur = cur[-1] + nxt, cur[:-1]
            lines.append(cur)
            cur = nxt
        else:
            cur += ch
    lines.append(cur)
    return lines


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets at which to break ``text`` so that each line fits ``width`` cells
    (rich's ``divide_line`` contract), following the rules above."""
    breaks: list[int] = []
    offset = 0
    for start, end in _units(text):
        piece = text[start:end]
        length = cell_len(piece.rstrip())
        if width - offset >= length:
            offset += cell_len(piece)
            continue
        if length > width:  # longer than a line: fold it
            if fold:
                folded = _fold(piece, width)
                pos = start
                for k, line in enumerate(folded):
                    if pos and (k or offset):
                        breaks.append(pos)
                    pos += len(line)
                offset = cell_len(folded[-1]) if folded else 0
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(piece)
        else:
            offset += cell_len(piece)
    return breaks


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one paragraph) as lines of at most ``width`` cells."""
    out, last = [], 0
    for b in divide_line(text, width):
        out.append(text[last:b].rstrip())
        last = b
    out.append(text[last:].rstrip())
    return out


def install() -> None:
    """Make rich wrap every Text with ``divide_line`` (idempotent)."""
    import rich.text

    rich.text.divide_line = divide_line  # type: ignore[attr-defined]
