"""Every summary keeps its quotes balanced: each 「 has its 」, whatever the
edit (names holding numbers and years, dates next to them, predicates, items)."""

from __future__ import annotations

import random

from revtool.changes.facts import facts_of
from revtool.changes.external import detect_external, replaced_reference
from revtool.changes.summary import summarize
from revtool.model import CauseType
from tests.changelog_helpers import CH3, EACH, ISSUES, S1, change

NAMES = ["「生物多様性国家戦略2012-2020」", "「生物多様性国家戦略2023-2030」", "「第五次環境基本計画」", "「第六次環境基本計画」",
         "「地球温暖化対策計画」", "「やまなみ県環境基本計画2030」", "『循環型社会形成推進基本計画（第4次）』", "「プラスチック資源循環戦略」"]
DATES = ["平成24年9月", "令和5年3月", "令和3年10月", "2024年4月", "令和6年度"]
PREDICATES = ["を策定しました", "を踏まえます", "に基づき推進します", "の創設を検討します", "を創設します", "を進めます"]
OBJECTS = ["基金", "支援制度", "環境学習講座", "自然観察会", "省エネ診断"]


def sentence(rnd: random.Random) -> str:
    shape = rnd.randrange(4)
    if shape == 0:
        return f"国は、{rnd.choice(DATES)}に{rnd.choice(NAMES)}{rnd.choice(PREDICATES)}。"
    if shape == 1:
        return f"本計画は、国の{rnd.choice(NAMES)}（{rnd.choice(DATES)}閣議決定）及び{rnd.choice(NAMES)}を踏まえます。"
    if shape == 2:
        return f"県は、{rnd.choice(OBJECTS)}{rnd.choice(PREDICATES)}。"
    return f"{rnd.choice(DATES)}までに温室効果ガスを{rnd.randrange(20, 60)}%削減し、{rnd.choice(OBJECTS)}{rnd.choice(PREDICATES)}。"


def edited(rnd: random.Random, text: str) -> str:
    """The same sentence with one or two realistic edits (a name, a date, a
    predicate, an object or a number swapped for another)."""
    out = text
    for _ in range(rnd.randrange(1, 3)):
        pool = rnd.choice([NAMES, DATES, PREDICATES, OBJECTS])
        present = [x for x in pool if x in out]
        if present:
            out = out.replace(rnd.choice(present), rnd.choice(pool), 1)
    return out


def balanced(text: str, pairs: tuple[tuple[str, str], ...] = (("「", "」"), ("『", "』"), ("（", "）"))) -> bool:
    for a, b in pairs:
        depth = 0
        for ch in text:
            depth += (ch == a) - (ch == b)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def test_every_generated_summary_has_balanced_quotes() -> None:
    rnd = random.Random(11)
    checked = 0
    for n in range(400):
        old = "".join(sentence(rnd) for _ in range(rnd.randrange(1, 3)))
        new = edited(rnd, old)
        if new == old:
            continue
        fs = facts_of(change((CH3, EACH, S1, ISSUES), old, new), n)
        added = "\n".join(f.new for f in fs)
        ext = detect_external(added, new) or replaced_reference("\n".join(f.old for f in fs), added)
        text = summarize(fs, CauseType.EXTERNAL if ext else CauseType.UNKNOWN, external=ext)
        assert balanced(text), (old, new, text)
        assert "「「" not in text and "」」" not in text, (old, new, text)
        checked += 1
    assert checked > 250
