"""A 該当箇所 that names one section under every chapter of a templated plan
(「3（1）現状と課題」) is settled by the words of the opinion and the answer —
only when they point clearly at one of the tied sections."""

from __future__ import annotations

from revtool.comments import import_comments
from revtool.comments.table import RawRow
from revtool.model import Block, BlockKind, Document, PageSpan, Section

_GOALS = [
    ("基本目標1", "健康づくり", "特定健診の受診率は伸び悩んでおり、働く世代の生活習慣病予防が課題です。", 10),
    ("基本目標2", "地域の支え合い", "ひとり暮らし高齢者の見守り活動の担い手が減少しており、町会の負担が増えています。", 20),
    ("基本目標3", "子育て支援", "保育所の待機児童は解消しましたが、学童クラブの定員不足が続いています。", 30),
]


def _plan() -> Document:
    chapters = []
    for number, title, body, page in _GOALS:
        now = Section("（1）現状と課題", "（1）", "現状と課題", 3,
                      blocks=(Block(BlockKind.PARAGRAPH, body),), pages=PageSpan(page, page))
        plan = Section("（2）主な取組", "（2）", "主な取組", 3,
                       blocks=(Block(BlockKind.PARAGRAPH, "関係機関と連携して取り組みます。"),), pages=PageSpan(page + 1, page + 1))
        chapters.append(Section(f"{number}　{title}", number, title, 2, children=(now, plan),
                                pages=PageSpan(page, page + 1)))
    return Document(sections=(Section("第3章　施策の展開", "第3章", "施策の展開", 1, children=tuple(chapters)),))


def _comment(opinion: str, response: str = "ご意見として承ります。", ref: str = "（1）現状と課題"):
    (c,) = import_comments([RawRow(1, ref, opinion, response)], _plan())
    return c


def test_the_opinions_words_settle_a_reference_every_chapter_shares() -> None:
    c = _comment("見守り活動の担い手不足について、町会だけに頼らない仕組みを書いてほしい。")
    assert c.resolved_section_paths == (("第3章　施策の展開", "基本目標2　地域の支え合い", "（1）現状と課題"),)
    assert c.old_pages == (20,)
    assert any("3 節に当てはまる" in w and "基本目標2" in w for w in c.warnings)
    assert not any(w.startswith("該当箇所が複数の節に当てはまります") for w in c.warnings)
    assert "意見の文言で選択" in c.candidates[0].reason


def test_the_answer_counts_too() -> None:
    c = _comment("記述が不十分です。", "学童クラブの定員不足への対応を追記します。")
    assert c.resolved_section_paths == (("第3章　施策の展開", "基本目標3　子育て支援", "（1）現状と課題"),)


def test_words_every_tied_section_shares_do_not_decide() -> None:
    """「現状と課題」「取り組みます」 are the template's own words: no choice, the tie stays visible."""
    c = _comment("現状と課題の書き方をもっと分かりやすくしてください。")
    assert len(c.resolved_section_paths) == 3
    assert any(w.startswith("該当箇所が複数の節に当てはまります") for w in c.warnings)


def test_words_pointing_at_two_sections_alike_do_not_decide() -> None:
    c = _comment("健診の受診率と学童クラブの定員の両方が気になります。")
    assert len(c.resolved_section_paths) > 1


def test_a_reference_naming_one_section_is_untouched() -> None:
    c = _comment("ひとり暮らし高齢者の見守りについて。", ref="基本目標1 （1）現状と課題")
    assert c.resolved_section_paths == (("第3章　施策の展開", "基本目標1　健康づくり", "（1）現状と課題"),)
    assert not any("当てはまる" in w for w in c.warnings)


def test_a_roman_chapter_number_is_a_number_not_a_tie() -> None:
    """「Ⅱ 2」 names 2 under Ⅱ: before Roman labels were read, 「Ⅱ」 was taken as a
    title and every 「2」 of the plan tied."""
    doc = Document(sections=tuple(
        Section(f"{roman}　{title}", roman, title, 1, children=(
            Section(f"2　{sub}", "2", sub, 2, blocks=(Block(BlockKind.PARAGRAPH, f"{sub}について述べます。"),)),))
        for roman, title, sub in (("Ⅰ", "計画の策定にあたって", "計画の位置付け"), ("Ⅱ", "計画の背景と課題", "区の現状"),
                                  ("Ⅲ", "施策の展開", "暮らしを支える"))))
    (c,) = import_comments([RawRow(1, "Ⅱ 2", "", "子育て世帯への支援を追記いたします。")], doc)
    assert c.resolved_section_paths == (("Ⅱ　計画の背景と課題", "2　区の現状"),)
