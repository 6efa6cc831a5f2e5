"""Quotes in 主な変更点 never carry a footnote mark (issue 11: on the real env6
plan 「制度的補完性118にも鑑み」, 「29.3％25」, 「た33。」を「35」に変更, and an
added footnote quoted whole 「注112 112 財・サービス…」の記述を追記)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.facts import facts_of
from revtool.changes.summary import fact_clauses
from revtool.changes.unmarked import MarkIndex
from revtool.compare.footnote_marks import drop_marks, section_marks
from revtool.model import Block, BlockKind, Document, Section
from tests.changelog_helpers import change

PART = ("第2部　環境政策の具体的な展開", "（公正な移行に資する人的資本投資の拡大等）")


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def note(n: int, text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, f"{n} {text}", label=f"注{n}")


def test_a_mark_glued_to_a_word_is_dropped_a_number_of_the_text_is_kept() -> None:
    marks = frozenset({3, 25, 33, 118})
    assert drop_marks("制度的補完性118にも鑑み", marks) == "制度的補完性にも鑑み"
    assert drop_marks("2023 年には29.3％25となった", marks) == "2023 年には29.3％となった"
    assert drop_marks("低下した33。", marks) == "低下した。"
    # numbers that are no mark: a quantity, an ordinal, a code, a note's own number, a number no note has
    assert drop_marks("第3章", marks) == "第3章"
    assert drop_marks("3件を実施", marks) == "3件を実施"
    assert drop_marks("COVID-25の影響", marks) == "COVID-25の影響"
    assert drop_marks("注25 25 総務省", marks) == "注25 25 総務省"
    assert drop_marks("目標4の達成", marks) == "目標4の達成"


def _docs() -> tuple[Document, Document]:
    old = Document(sections=(Section(PART[0], children=(Section(PART[1], blocks=(
        para("労働市場改革の制度的補完性も鑑み、円滑な労働移動を促進する。"),)),)),))
    new = Document(sections=(Section(PART[0], children=(Section(PART[1], blocks=(
        para("労働市場改革の制度的補完性118にも鑑み、新たな雇用を創出しつつ、円滑な労働移動を促進する。"),
        note(118, "制度的補完性とは、ある制度の存在が他の制度の効率性を高める関係をいう。"))),)),))
    return old, new


def test_the_summary_quotes_the_words_without_the_mark_its_section_carries() -> None:
    old, new = _docs()
    assert section_marks(new) == {PART: frozenset({118})}
    ch = change(PART, "労働市場改革の制度的補完性も鑑み、円滑な労働移動を促進する。",
                "労働市場改革の制度的補完性118にも鑑み、新たな雇用を創出しつつ、円滑な労働移動を促進する。")
    (row,) = build_changelog([ch], new_doc=new, old_doc=old).rows
    # 補完性も → 補完性118にも is a particle and a mark: what is said is the words added
    assert row.summary == "「新たな雇用を創出しつつ」を追記"
    # without the documents nothing is known of marks: the words are quoted as read
    (row,) = build_changelog([ch]).rows
    assert "118" in row.summary


def test_an_edit_that_is_a_mark_and_a_stop_says_nothing() -> None:
    """低下した33。 → 低下し35、: what is left without the marks is a kana and a
    stop; the row says its other edit only."""
    path = ("第1部　総論", "（2）経済の長期停滞")
    edit = change(path, "順位は低下した33。実質賃金は伸びていない。", "順位は低下し35、実質賃金は伸びていない。")
    other = change(path, "我が国の企業部門は、利益を引き上げた。", "我が国の企業は、利益を引き上げた。")
    fs = [f for i, c in enumerate((edit, other)) for f in facts_of(c, i)]
    index = MarkIndex(old={path: frozenset({33})}, new={path: frozenset({35})})
    assert fact_clauses(index.for_summary(fs)) == ["「企業部門」を「企業」に変更"]
    # a fact with nothing else beside it is kept as it is
    alone = [f for f in facts_of(edit, 0)]
    assert index.for_summary(alone) == alone


def test_a_footnote_added_inside_a_reflowed_paragraph_pair_is_no_quote() -> None:
    path = ("第2部　環境政策の具体的な展開", "（基本的な考え方）")
    body = "地上資源の循環を基調とする経済システムを構築する。"
    ch = change(path, body, body + "\n注112 112 財・サービスそのものが持つものと、製造工程の改善から生じるものがある。")
    assert fact_clauses(facts_of(ch, 0)) == ["注記を追加"]


def test_a_note_mark_in_a_quote_and_a_note_added_in_the_notes_are_not_quoted() -> None:
    """「…ウェルビーイング※1の向上…」を追記、「ウェルビーイング：…※2」を追記 → the
    sentence without its mark; the note's own text is no clause beside it."""
    path = ("第3章　施策の展開", "施策5－1－1　市民協働と地域コミュニティの活性化")
    body = change(path, "地域の活動を支えます。", "地域の活動を支えます。市民一人一人のウェルビーイング※1の向上を意識した取組が求められています。")
    notes = change(path, "※1\u3000地域づくり協議会：地域の課題に取り組む組織",
                   "※1\u3000ウェルビーイング：身体的・精神的・社会的に良い状態にあること※2\u3000地域づくり協議会：地域の課題に取り組む組織")
    fs = [f for i, c in enumerate((body, notes)) for f in facts_of(c, i)]
    assert fact_clauses(fs) == ["「市民一人一人のウェルビーイングの向上を意識した取組が求められています。」を追記"]
