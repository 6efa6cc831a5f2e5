"""「3つの重点目標を掲げ」 → 「4つの…」 in a section whose sub-sections went from 3
to 4 (one split in two) restates the outline: a consequence of the split, never
a row of its own. A count that does not match the sub-sections stays a change."""

from revtool.changes.reportable import outline_count_consequences
from revtool.model import Block, BlockKind, Change, ChangeKind, Document, Section, Verdict

GOAL = ("第２部　施策の展開", "基本目標Ⅱ　女性の参画拡大")
NUMBER = Verdict(True, "number", "数値・日付の変更")


def _doc(count: int, intro: str) -> Document:
    children = tuple(Section(f"重点目標{4 + k}　目標{k}", f"重点目標{4 + k}", f"目標{k}", 3) for k in range(count))
    goal = Section(GOAL[1], "基本目標Ⅱ", "女性の参画拡大", 2, blocks=(Block(BlockKind.PARAGRAPH, intro),), children=children)
    return Document(sections=(Section(GOAL[0], "第２部", "施策の展開", 1, children=(goal,)),))


def _change(old: str, new: str) -> Change:
    return Change("D1", ChangeKind.MODIFIED, GOAL, GOAL, old, new, NUMBER)


def test_a_count_of_the_sub_sections_that_follows_a_split_is_a_consequence() -> None:
    old = _doc(3, "基本目標Ⅱでは、3つの重点目標を掲げ、施策を展開します。")
    new = _doc(4, "基本目標Ⅱでは、4つの重点目標を掲げ、施策を展開します。")
    assert outline_count_consequences([_change(old.sections[0].children[0].blocks[0].text,
                                               new.sections[0].children[0].blocks[0].text)], old, new) == {"D1"}
    assert outline_count_consequences([_change("３つの重点目標を掲げ", "４つの重点目標を掲げ")], old, new) == {"D1"}


def test_a_number_that_is_not_the_count_of_the_sub_sections_stays_a_change() -> None:
    old = _doc(3, "基本目標Ⅱでは、3つの重点目標を掲げ、施策を展開します。")
    new = _doc(4, "基本目標Ⅱでは、5つの重点目標を掲げます。")
    assert outline_count_consequences([_change("3つの重点目標", "5つの重点目標")], old, new) == frozenset()
    # the same parts in both versions: the count is news
    assert outline_count_consequences([_change("3つの重点目標", "4つの重点目標")], old, _doc(3, "")) == frozenset()
    # the parts changed, but the number counts something else (件, not つ)
    assert outline_count_consequences([_change("相談件数は3件です。", "相談件数は4件です。")], old, new) == frozenset()
    assert outline_count_consequences([_change("13つの重点目標", "14つの重点目標")], old, new) == frozenset()
