"""A 該当箇所 citing the PDF viewer's page (printed page + the unnumbered 表紙 and
目次) is read so only when the opinion's words are on that page, and says why.

Fixture: tests/fixtures/pages/cover-toc.pdf (8 PDF pages, printed 1–6 from PDF
page 3; regenerate with make_fixtures.py there) and its 別紙1."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from revtool.comments import import_comments, read_comment_table
from revtool.comments.page_reading import PageWords, pdf_reading, weigh
from revtool.comments.table import RawRow
from revtool.extract.pdf import extract_pdf
from revtool.model import Block, BlockKind, Comment, Document, PageSpan, Section

HERE = Path(__file__).resolve().parent / "fixtures" / "pages"
MAP = tuple((p, p - 2) for p in range(3, 9))  # PDF page 3 prints 1 … PDF page 8 prints 6


@lru_cache(maxsize=1)
def _plan() -> Document:
    return extract_pdf(HERE / "cover-toc.pdf", workers=1)


def _comments(doc: Document) -> dict[str, Comment]:
    return {c.id: c for c in import_comments(read_comment_table(HERE / "cover-toc-comments.tsv"), doc)}


def _titles(c: Comment) -> list[str]:
    return [p[-1].replace("\u3000", " ") for p in c.resolved_section_paths]


def test_the_pdf_keeps_its_page_map() -> None:
    assert _plan().page_map == MAP


def test_pdf_reading() -> None:
    assert pdf_reading((5,), MAP) == (3,)
    assert pdf_reading((5, 6), MAP) == (3, 4)
    assert pdf_reading((2,), MAP) == ()  # the 目次: no printed number
    assert pdf_reading((9,), MAP) == ()  # past the PDF
    assert pdf_reading((5,), ()) == ()
    assert pdf_reading((1,), ((1, 1), (2, 2), (4, 3))) == ()  # the same page both ways


def test_a_pdf_page_is_taken_when_the_opinion_words_are_there() -> None:
    got = _comments(_plan())
    c01 = got["C01"]  # P.5 = PDF page 5 = printed 3: 温室効果ガス排出量 is printed there
    assert _titles(c01) == ["１ 地球温暖化"] and c01.old_pages == (3,) and c01.locator.pages == (3,)
    assert len(c01.warnings) == 1, c01.warnings
    assert c01.warnings[0].startswith("P.5 は PDF の通し番号（印刷ページでは P.3）と判断しました: 意見の語句「")
    assert "「温室効果ガス排出量」" in c01.warnings[0] and c01.warnings[0].endswith(
        "は P.3 の「１ 地球温暖化」にあり、P.5 の「施策１ 再生可能エネルギーの導入」にはありません。")
    assert c01.candidates[0].reason.endswith("P.5 を PDF の通し番号として")
    c03 = got["C03"]  # 「6ページ」 = printed 4: 里山, 竹林, 外来種
    assert _titles(c03) == ["２ 生物多様性"] and c03.old_pages == (4,)
    assert c03.ref == "6ページ"  # what the commenter wrote is kept


def test_the_printed_page_stays_when_the_words_fit_it_or_nothing_decides() -> None:
    got = _comments(_plan())
    c02 = got["C02"]  # P.5 printed: 太陽光発電設備 and 蓄電池 are on printed page 5
    assert _titles(c02) == ["施策１ 再生可能エネルギーの導入"] and c02.locator.pages == (5,) and c02.warnings == ()
    c04 = got["C04"]  # words found on neither page: a tie keeps the printed reading
    assert _titles(c04) == ["施策２ ごみの減量"] and c04.locator.pages == (6,) and c04.warnings == ()


def test_a_heading_printed_on_the_pdf_page_explains_the_page() -> None:
    c05 = _comments(_plan())["C05"]  # P.7（施策１ …）: the heading is on printed 5 = PDF page 7
    assert _titles(c05) == ["施策１ 再生可能エネルギーの導入"] and c05.locator.pages == (5,)
    assert c05.warnings == ("P.7 は PDF の通し番号（印刷ページでは P.5）と判断しました: "
                            "該当箇所の見出しは P.5 にあり、P.7 にはありません。",)


def test_a_page_the_plan_does_not_print() -> None:
    c06 = _comments(_plan())["C06"]  # P.8: the plan prints 1–6; PDF page 8 is printed 6, and 分別収集 is there
    assert _titles(c06) == ["施策２ ごみの減量"]
    assert c06.warnings[0].startswith("P.8 は PDF の通し番号（印刷ページでは P.6）と判断しました: "
                                      "この版に印刷ページ P.8 はなく、意見の語句「")
    assert "「分別収集」" in c06.warnings[0] and c06.warnings[0].endswith("は P.6 の「施策２ ごみの減量」にあります。")


def test_without_a_page_map_pages_are_read_as_printed() -> None:
    """A DOCX without its PDF: as before, the cited page is the printed page."""
    got = _comments(replace(_plan(), page_map=()))
    assert _titles(got["C01"]) == ["施策１ 再生可能エネルギーの導入"] and got["C01"].warnings == ()
    assert _titles(got["C03"]) == ["施策２ ごみの減量"]
    assert got["C05"].warnings[0].startswith("ページ（P.7）と見出しが一致しません。見出しを優先しました")
    assert got["C06"].resolved_section_paths == () and got["C06"].warnings == ("P.8 にあたる節が見つかりません。",)


def _flat(*texts: str) -> PageWords:
    """One section a page: 「節1」 on page 1 …"""
    return PageWords.of(Document(sections=tuple(
        Section(f"節{i}", blocks=(Block(BlockKind.PARAGRAPH, t, pages=PageSpan(i, i)),), pages=PageSpan(i, i))
        for i, t in enumerate(texts, start=1))))


def test_weigh_needs_a_margin_and_words_the_printed_page_lacks() -> None:
    words = _flat("地域の見守り活動を進めます", "見守り活動の担い手を育成します", "計画の推進体制")

    def pdf(opinion: str) -> bool:
        return weigh(opinion, (1,), (("節1",),), (2,), (("節2",),), words).prefers_pdf()

    assert pdf("担い手の育成を急ぐべき")  # 担い手 and 育成 only on page 2, nothing of them on page 1
    assert not pdf("見守りを強化すべき")  # 見守り is on both pages: a tie keeps the printed page
    assert not pdf("担い手を増やすべき")  # one word the printed page lacks is not enough
    assert not pdf("地域の見守り活動の担い手と育成")  # the printed page holds the words as well


def test_the_words_must_point_at_the_pdf_reading_not_just_occur_there() -> None:
    """担い手 and 育成 are in 節2 (the PDF reading), but 節3 holds them and more
    of the opinion: they do not point at 節2."""
    words = _flat("地域の見守り活動を進めます", "担い手を育成します", "町会の担い手を育成し、防災訓練を支援します", "計画の推進体制")
    assert not weigh("町会の担い手の育成と防災訓練", (1,), (("節1",),), (2,), (("節2",),), words).prefers_pdf()
    assert weigh("担い手の育成", (1,), (("節1",),), (2,), (("節2",),), _flat(
        "地域の見守り活動を進めます", "担い手を育成します", "防災訓練を支援します")).prefers_pdf()


def _templated() -> Document:
    """Three 基本目標 with the same 「（1）現状と課題」 on printed pages 10, 12, 14,
    behind a cover and a 目次 (PDF page = printed page + 2)."""
    goals = [("基本目標1", "健康づくり", "特定健診の受診率は伸び悩んでおり、働く世代の生活習慣病予防が課題です。", 10),
             ("基本目標2", "地域の支え合い", "ひとり暮らし高齢者の見守り活動の担い手が減少しており、町会の負担が増えています。", 12),
             ("基本目標3", "子育て支援", "保育所の待機児童は解消しましたが、学童クラブの定員不足が続いています。", 14)]
    parts = []
    for number, title, body, page in goals:
        now = Section("（1）現状と課題", "（1）", "現状と課題", 3, blocks=(Block(BlockKind.PARAGRAPH, body, pages=PageSpan(page, page)),),
                      pages=PageSpan(page, page))
        todo = Section("（2）主な取組", "（2）", "主な取組", 3,
                       blocks=(Block(BlockKind.PARAGRAPH, "関係機関と連携して取り組みます。", pages=PageSpan(page + 1, page + 1)),),
                       pages=PageSpan(page + 1, page + 1))
        parts.append(Section(f"{number}　{title}", number, title, 2, children=(now, todo), pages=PageSpan(page, page + 1)))
    return Document(sections=(Section("第3章　施策の展開", "第3章", "施策の展開", 1, children=tuple(parts), pages=PageSpan(10, 15)),),
                    page_map=tuple((p + 2, p) for p in range(1, 16)))


def _one(doc: Document, ref: str, opinion: str) -> Comment:
    (c,) = import_comments([RawRow(1, ref, opinion, "ご意見として承ります。")], doc)
    return c


def test_a_templated_heading_on_the_pdf_page_named_by_the_opinion() -> None:
    """「P.14 （1）現状と課題」 names 基本目標3's by the printed page, 基本目標2's by
    the PDF page: the opinion's words (見守り活動, 担い手) are on printed page 12."""
    c = _one(_templated(), "P.14 （1）現状と課題", "見守り活動の担い手を増やすため、町会への支援を強めてほしい。")
    assert c.resolved_section_paths[0][1] == "基本目標2　地域の支え合い" and c.locator.pages == (12,)
    assert c.warnings[0].startswith("P.14 は PDF の通し番号（印刷ページでは P.12）と判断しました")
    # the same reference about 学童クラブ (printed page 14): the printed page stays
    c = _one(_templated(), "P.14 （1）現状と課題", "学童クラブの定員を増やしてほしい。")
    assert c.resolved_section_paths[0][1] == "基本目標3　子育て支援" and c.locator.pages == (14,) and c.warnings == ()


def test_a_close_call_keeps_the_printed_page_and_says_so() -> None:
    """Three words in the PDF reading (見守り活動, 担い手, 減少), two in the printed
    one (学童クラブ, 定員不足): not twice as many, so the printed page stays, and
    the user is told; one word alone (担い手) says nothing."""
    c = _one(_templated(), "P.14 （1）現状と課題", "学童クラブの定員不足と、見守り活動の担い手の減少が心配です。")
    assert c.resolved_section_paths[0][1] == "基本目標3　子育て支援" and c.locator.pages == (14,)
    assert len(c.warnings) == 1
    assert c.warnings[0].startswith("P.14 は印刷ページ（P.14 の「基本目標3 子育て支援 （1）現状と課題」）として読みました。"
                                    "PDF の通し番号なら印刷ページでは P.12 の「基本目標2 地域の支え合い （1）現状と課題」にあたり、"
                                    "意見の語句「"), c.warnings
    assert c.warnings[0].endswith("はそちらにありますが、決め手になりません。")
    c = _one(_templated(), "P.14 （1）現状と課題", "担い手が足りない。")
    assert c.resolved_section_paths[0][1] == "基本目標3　子育て支援" and c.warnings == ()


def test_the_page_map_survives_the_workspace(tmp_path: Path) -> None:
    """Ingested from the PDF and read back from the workspace, the version still
    reads 「P.5」 as PDF page 5 when the opinion says so."""
    from revtool import api

    ws = api.init(tmp_path / "ws", plan="みどり市環境基本計画")
    api.ingest(ws, HERE / "cover-toc.pdf", "素案")
    got = {c.id: c for c in api.import_comments(ws, HERE / "cover-toc-comments.tsv").comments}
    assert _titles(got["C01"]) == ["１ 地球温暖化"] and _titles(got["C02"]) == ["施策１ 再生可能エネルギーの導入"]
