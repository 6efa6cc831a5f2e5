"""A heading's number and title (``施策2　防災DX…`` → ``施策2`` and ``防災DX…``), and a
section path's key by its titles alone (``path_key``). Pure."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from revtool.model import SectionPath
from revtool.normalize import NUMBER_DASHES
from revtool.normalize import compact_key as key


_NUMBER_PREFIX = re.compile(
    r"^\s*[★☆]*[\s\u3000]*(第[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)?(?:第?[0-9０-９一二三四五六七八九十]+項)?|"
    r"第[0-9０-９一二三四五六七八九十百]+[章節編部款項]|"
    r"第[0-9０-９一二三四五六七八九十百]+[^\s\u30000-9０-９、。・（()「」]{1,3}(?=[\s\u3000])|"  # 第７分野　…, 第２期　…
    # a level word and its number, parts joined by a dash or a dot (施策2-3, 施策２．３: full-width dot too)
    r"[^\s\u30000-9０-９（(]{1,6}[0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*|"
    r"[0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*[.．、]?|"
    r"[（(][0-9０-９一二三四五六七八九十]+[）)]|[①-⑳]|[ア-ン][.．、]?(?=[\s\u3000]))[\s\u3000]*"
)


@lru_cache(maxsize=65536)
def heading_title(heading: str) -> str:
    """The heading without its numbering (``施策2　防災DX…`` → ``防災DX…``)."""
    m = _NUMBER_PREFIX.match(heading)
    rest = heading[m.end():] if m else heading
    return rest.strip() or heading.strip()


_SECOND_NUMBER = re.compile(r"^[^\s\u30000-9０-９（(]{1,6}[0-9０-９]+(?:[" + NUMBER_DASHES + r".．][0-9０-９]+)*[\s\u3000]+(?=\S)")


@lru_cache(maxsize=65536)
def bare_title(heading: str) -> str:
    """The heading without any of its numbers: a heading numbered twice, by its
    place and by its level word (``5-3-3　施策2-3　…``, ``２　基本方針２　…``), is
    named by the title after both, as its line of a 施策の体系 table names it
    (``施策2-3　…`` → ``…``); the second number is stripped only when a space
    follows it (``計画2030の推進`` keeps its words)."""
    title = heading_title(heading)
    m = _SECOND_NUMBER.match(title)
    return title[m.end():].strip() if m and title != heading.strip() else title


@lru_cache(maxsize=65536)
def heading_number(heading: str) -> str:
    m = _NUMBER_PREFIX.match(heading)
    return m.group(1).strip() if m else ""


@lru_cache(maxsize=16384)
def path_key(path: SectionPath) -> tuple[str, ...]:
    """The path's headings by their titles (no numbers), as comparison keys."""
    return tuple(key(heading_title(h)) for h in path)


# 公用文 numbering below （1）: ア イ ウ … in 五十音 order
_KANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"


def heading_order(heading: str) -> tuple[int, ...]:
    """The order a heading's number gives it among its siblings (施策3 → (3,),
    施策4-2 → (4, 2), ② → (2,), イ → (2,)); () when it has none."""
    number = unicodedata.normalize("NFKC", heading_number(heading))
    digits = tuple(int(n) for n in re.findall(r"[0-9]+", number))
    if digits:
        return digits
    letters = [ch for ch in number if ch in _KANA_ORDER]
    return (_KANA_ORDER.index(letters[0]) + 1,) if len(letters) == 1 else ()
