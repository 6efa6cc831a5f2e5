"""A footnote's mark is found in the text by one pattern for every number
(``pdf._NoteMark``, issue 15): the same answer as the pattern with the number
written in that the reader compiled per note before."""

from __future__ import annotations

import random
import re

from revtool.extract.pdf import _COUNTER_CLASS, _LOOSE_MARK, _TIGHT_MARK, _NoteMark


def _written_in(number: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    loose = re.compile(rf"(?<![0-9０-９.,．，]){number}(?![0-9０-９.．]|[ \u3000]?[{_COUNTER_CLASS}])")
    tight = re.compile(rf"(?<![0-9０-９.,．，\s]){number}(?![0-9０-９.．\s{_COUNTER_CLASS}])")
    return loose, tight


def test_note_marks_agree_with_the_pattern_written_per_number() -> None:
    cases = ["である17。", "ここ30 年間", "ここ30年間", "注17 は", "第117条", "1.17", "17.5", "１７", "17", " 17 ",
             "17、18", "約17％", "17 ％", "17\u3000件", "a17b", "，17", "17，", "（17）"]
    rnd = random.Random(3)
    alphabet = "1723０１７.．,，  \u3000年％件あ漢（）、。\n"
    cases += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 14))) for _ in range(20000)]
    for number in (1, 17, 3, 7, 117):
        loose, tight = _written_in(number)
        mine_loose, mine_tight = _NoteMark(str(number), _LOOSE_MARK), _NoteMark(str(number), _TIGHT_MARK)
        for text in cases:
            assert mine_loose.search(text) == bool(loose.search(text)), (number, text)
            assert mine_tight.search(text) == bool(tight.search(text)), (number, text)


def test_a_tight_mark_is_found_and_a_quantity_is_not() -> None:
    assert _NoteMark("17", _TIGHT_MARK).search("取り組みである17。")
    assert not _NoteMark("30", _LOOSE_MARK).search("ここ30 年間")
    assert not _NoteMark("17", _TIGHT_MARK).search("第117条")
