"""A list item or paragraph that opens with its own title: one of the plan's
measures, whose place in the list is a decision. Pure.

A 推進方針 lists its measures as items that title themselves
(「○漁港施設の機能強化　近年の激甚化する豪雨災害を踏まえ、…を推進する。」):
a short title set off by a full-width space or a colon, then the sentences
that say what the office will do. Two such items traded places change the
order the plan gives its measures in — a decision staff write in 別紙2 (the
same policy as ``section_roles``: measures reordered are a row, explanatory
text reordered is 文言整理). A paragraph without such a title that moved
stays 文言整理 (``block-moved``).

An item's title is taken for a measure when it is named by an action (its last
word takes する: 機能強化, 更新 — ``section_roles.action_title``) or when the
item's own text repeats its title (「○火山防災対策　…火山防災対策を推進する。」):
a heading of explanation (「背景」) does neither.
"""

from __future__ import annotations

import re

from revtool.compare.section_roles import action_title

TITLE_MAX = 30  # a longer lead is a sentence, not a title

# marker (optional), the title, then a full-width space or a colon before the body
_TITLED = re.compile(r"^\s*(?:[○◯●◎■□◆◇・]\s*)?([^。、，,：:「」『』（）()\s　]{2,%d})(?:　+|[：:])(?=\S)" % TITLE_MAX)


def item_title(text: str) -> str:
    """The title an item opens with ("" when it opens with a sentence): the body
    after it must hold a sentence of its own (a 。)."""
    m = _TITLED.match(text)
    if not m or "。" not in text[m.end():]:
        return ""
    return m.group(1)


def measure_title(text: str) -> str:
    """The title of an item that is one of the plan's measures ("" otherwise):
    the title names an action, or the item's body repeats it."""
    title = item_title(text)
    if not title:
        return ""
    body = text[_TITLED.match(text).end():]  # type: ignore[union-attr]
    return title if action_title(title) or title in body else ""
