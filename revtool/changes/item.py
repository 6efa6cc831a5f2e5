"""項目: a section path written the way 別紙2 tables write it. Pure.

``第2章　計画策定の背景 / 1. 国の動向 / （2）自治体DXの推進`` becomes
``第2章 計画策定の背景 1. 国の動向（2）自治体DXの推進``: headings joined by a
space, the full-width space after a number made ASCII, no space before a
（N） heading. Two habits of the official tables are followed when the plan's
outline is known:

* a *template* heading (a title that recurs under several parents, such as
  （2）成果指標 under every 施策) is not the place a reader looks for, its parent
  is: ``… 施策2 防災DXによる…``;
* a plain-numbered container (``1. 施策ごとの取組``) directly above headings
  that carry their own named number (``施策2``) is left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from revtool.changes.headings import heading_number, heading_title
from revtool.changes.facts import key
from revtool.changes.item_abbrev import ITEM_MAX, abbreviate
from revtool.normalize import NUMBER_DASHES
from revtool.model import Document, SectionPath

TEMPLATE_PARENTS = 3  # a title under this many parents is a template heading (（2）成果指標)
WHOLE_PLAN = "全体"  # 項目 of a row whose sections share no chapter
PLACES_MAX = 6  # a row in more places than this names their common parents

_NAMED_NUMBER = re.compile(r"^([^\d\s（(第.．]{1,6}?)\s*(\d+)$")


def named_number(heading: str) -> tuple[str, str] | None:
    """``施策2　防災…`` → (``施策``, ``2``); None for 第N章, 1., （2）…"""
    number = unicodedata.normalize("NFKC", heading_number(heading)).replace(" ", "")
    m = _NAMED_NUMBER.match(number)
    if not m:
        return None
    return m.group(1), m.group(2)


_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")

# a label's number opening a title, set apart from the words after it (施策３−３　…, 基本方針１　…);
# 「５疾病・６事業」「第７期障がい福祉計画」 are words of the title
_INNER_NUMBER = re.compile(r"^[^\s\d０-９]{0,6}[0-9０-９]+(?:[.．" + re.escape(NUMBER_DASHES) + r"][0-9０-９]+)*(?=[\s\u3000])")


def format_heading(heading: str) -> str:
    """One heading in the official style (number, ASCII space, title)."""
    text = re.sub(r"[\s\u3000]+", " ", heading.strip())
    number = heading_number(heading)
    if not number:
        return text
    title = heading_title(heading)
    if title == heading.strip():
        return text
    n = number.translate(_DIGITS)
    if heading_number(title):  # 5－4－3　施策３−３　…: the title's own number in the number's form
        dash = next((ch for ch in n if ch in NUMBER_DASHES), "")
        same = str.maketrans({d: dash for d in NUMBER_DASHES}) if dash else {}
        title = _INNER_NUMBER.sub(lambda m: m.group().translate(_DIGITS).translate(same), title, count=1)
    if n.startswith(("（", "(")) or (n.endswith(("条", "項")) and title.startswith(("（", "("))):
        return f"{n}{title}"  # （2）自治体DX…, 第1条1項（秘密情報の定義）
    return f"{n} {title}"


def join_item(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if not p:
            continue
        if not out or p.startswith(("（", "(")):
            out += p
        else:
            out += " " + p
    return out


@dataclass(frozen=True)
class Outline:
    """What the item writer needs to know about the 案's section tree."""

    paths: frozenset[SectionPath] = frozenset()
    template_titles: frozenset[str] = frozenset()
    children: dict[SectionPath, tuple[str, ...]] = field(default_factory=dict)

    @staticmethod
    def of(doc: Document | None) -> "Outline":
        if doc is None:
            return Outline()
        paths = [p for p, _ in doc.walk()]
        parents: dict[str, set[SectionPath]] = defaultdict(set)
        children: dict[SectionPath, list[str]] = defaultdict(list)
        for p in paths:
            parents[key(heading_title(p[-1]))].add(p[:-1])
            children[p[:-1]].append(p[-1])
        templates = frozenset(t for t, ps in parents.items() if len(ps) >= TEMPLATE_PARENTS)
        return Outline(frozenset(paths), templates, {k: tuple(v) for k, v in children.items()})

    @property
    def known(self) -> bool:
        return bool(self.paths)

    def is_template(self, heading: str) -> bool:
        return key(heading_title(heading)) in self.template_titles

    def siblings(self, parent: SectionPath) -> tuple[str, ...]:
        return self.children.get(parent, ())


def item_parts(path: SectionPath, outline: Outline, keep_leaf: bool = False) -> list[str]:
    """The headings of ``path`` that the 項目 shows, formatted."""
    return [format_heading(h) for h in _shown_headings(path, outline, keep_leaf)]


def _shown_headings(path: SectionPath, outline: Outline, keep_leaf: bool = False) -> list[str]:
    """The headings of ``path`` that the 項目 shows, as printed."""
    parts = list(path)
    if outline.known and not keep_leaf:
        while len(parts) > 1 and outline.is_template(parts[-1]):
            parts.pop()
    shown: list[str] = []
    for i, h in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (
            i > 0
            and nxt is not None
            and named_number(nxt) is not None
            and named_number(h) is None
            and heading_number(h)
            and not heading_number(h).startswith("第")
        ):
            continue
        shown.append(h)
    return shown


def every_label(anchor: SectionPath, varying: list[str], outline: Outline) -> str:
    """「各施策」 when ``varying`` (headings directly below ``anchor``) are named
    siblings (施策N) covering all of them (or at least three when the outline is
    unknown); 「施策3、施策7」 for a few; "" when they are not named."""
    named = [named_number(h) for h in varying]
    if not varying or any(n is None for n in named):
        return ""
    words = {n[0] for n in named if n}
    if len(words) != 1:
        return ""
    word = words.pop()
    distinct = sorted({int(n[1]) for n in named if n})
    if outline.known:
        all_named = [named_number(h) for h in outline.siblings(anchor)]
        total = {int(n[1]) for n in all_named if n and n[0] == word}
        if total and set(distinct) >= total:
            return f"各{word}"
    elif len(distinct) >= 3:
        return f"各{word}"
    return "、".join(f"{word}{d}" for d in distinct)


_SERIES = re.compile(r"^([^\d\s（(第.．]{1,6}?)\s*(\d+(?:[-‐－−.][0-9]+)*)$")


def _series(heading: str) -> tuple[str, str] | None:
    """``施策1-2-3　…`` → (``施策``, ``1-2-3``): a named number, nested numbers allowed."""
    m = _SERIES.match(unicodedata.normalize("NFKC", heading_number(heading)).replace(" ", ""))
    return (m.group(1), m.group(2)) if m else None


def every_below(anchor: SectionPath, paths: list[SectionPath], outline: Outline) -> str:
    """「各施策」 when each place lies in a named section of its own (施策N) one
    level or more below ``anchor`` and those are all the sections of that name
    under ``anchor`` (the 成果指標 of every 施策 across its 基本目標 and 政策):
    the deepest such level names the places; "" when there is none."""
    if not outline.known or len(paths) < 2:
        return ""
    for depth in range(min(len(p) for p in paths) - 1, len(anchor) - 1, -1):
        owners = {p[: depth + 1] for p in paths}
        named = [_series(o[-1]) for o in owners]
        if len(owners) != len(paths) or any(n is None for n in named) or len({n[0] for n in named if n}) != 1:
            continue
        word = named[0][0] if named[0] else ""
        level = [anchor]
        for _ in range(depth + 1 - len(anchor)):
            level = [q + (h,) for q in level for h in outline.siblings(q)]
        total = {q for q in level if (n := _series(q[-1])) is not None and n[0] == word}
        if total and owners >= total:
            return f"各{word}"
    return ""


def places_text(paths: Iterable[SectionPath], outline: Outline, keep_leaf: bool = False) -> str:
    """項目 of a row that lists several places: each place in full while the
    whole stays short, else each with its ancestors' numbers only."""
    paths = list(paths)
    if len(set(paths)) > PLACES_MAX:
        # one decision in dozens of sections (an office renamed in every 取組): staff name
        # the places' common parents, at the deepest level that keeps the list short
        for depth in range(max(len(p) for p in paths) - 1, 0, -1):
            parents = list(dict.fromkeys(p[:depth] for p in paths))
            if len(parents) <= PLACES_MAX:
                return places_text(parents, outline, keep_leaf=True)
        return WHOLE_PLAN
    joined = "、".join(dict.fromkeys(item_text(p, outline, keep_leaf=keep_leaf) for p in paths))
    if len(joined) <= ITEM_MAX:
        return joined
    return "、".join(dict.fromkeys(item_text(p, outline, keep_leaf=keep_leaf, limit=0) for p in paths))


def item_text(path: SectionPath, outline: Outline, every: str = "", keep_leaf: bool = False,
              limit: int = ITEM_MAX) -> str:
    if not path:
        return WHOLE_PLAN
    parts = item_parts(path, outline, keep_leaf=keep_leaf or bool(every))
    if every:
        # the container right above named siblings is left out, as in item_parts
        if path and named_number(path[-1]) is None and heading_number(path[-1]) and not heading_number(
            path[-1]
        ).startswith("第") and len(path) > 1:
            parts = parts[:-1] if parts and parts[-1] == format_heading(path[-1]) else parts
        parts.append(every)
        return join_item(parts)
    return abbreviate(_shown_headings(path, outline, keep_leaf), parts, join_item(parts), limit)
