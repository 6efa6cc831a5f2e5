"""Locator × Document → chosen sections, ranked candidates, warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.comments.refs import parse_ref
from revtool.comments.resolve import resolve
from revtool.model import Document, PageSpan, Section


def sec(heading: str, first: int, last: int, *children: Section) -> Section:
    return Section(heading=heading, pages=PageSpan(first, last), children=tuple(children))


DOC = Document(sections=(
    sec("第1章　計画の基本的な考え方", 1, 4,
        sec("1. 計画策定の趣旨", 1, 2),
        sec("2. 計画の位置付け", 3, 4)),
    sec("第2章　現状と課題", 5, 12,
        sec("第1節　国の動向", 5, 8,
            sec("（1）デジタル社会の実現", 5, 6),
            sec("（2）自治体DXの推進", 7, 8)),
        sec("第2節　市の現状", 9, 12,
            sec("（1）人口の推移", 9, 10),
            sec("（2）市民の利用状況", 11, 12))),
    sec("第3章　施策の展開", 13, 40,
        sec("基本目標1　安心して暮らせるまち", 13, 18,
            sec("1-1　子育て支援の充実", 13, 14),
            sec("1-3　見守りの強化", 15, 18)),
        sec("基本目標2　便利な行政サービス", 19, 24,
            sec("1-3　窓口サービスの向上", 19, 24)),
        sec("1. 施策ごとの取組", 25, 40,
            sec("施策1　デジタル地域通貨の活用", 25, 27),
            sec("施策2　防災DXの推進", 28, 30),
            sec("施策11　職員のデジタルスキルの向上", 31, 34),
            sec("施策12　AI等のデジタルツールの活用", 35, 40))),
    sec("参考資料", 41, 44, sec("1. 用語集", 41, 44)),
))

CH3 = "第3章　施策の展開"
POLICIES = (CH3, "1. 施策ごとの取組")


def chosen(raw: str, doc: Document = DOC) -> tuple[tuple[str, ...], ...]:
    return resolve(parse_ref(raw), doc).chosen


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ("第3章", (CH3,)),
        ("第2章第1節", ("第2章　現状と課題", "第1節　国の動向")),
        ("第2章 第2節 (2)", ("第2章　現状と課題", "第2節　市の現状", "（2）市民の利用状況")),
        ("施策1", POLICIES + ("施策1　デジタル地域通貨の活用",)),
        ("施策1.1", POLICIES + ("施策11　職員のデジタルスキルの向上",)),
        ("Ｐ．３１（施策１．１　職員のデジタルスキルの向上）", POLICIES + ("施策11　職員のデジタルスキルの向上",)),
        ("基本目標2 1-3", (CH3, "基本目標2　便利な行政サービス", "1-3　窓口サービスの向上")),
        ("基本目標1 1-3", (CH3, "基本目標1　安心して暮らせるまち", "1-3　見守りの強化")),
        ("P.7 (2)", ("第2章　現状と課題", "第1節　国の動向", "（2）自治体DXの推進")),
        ("P.11（2）", ("第2章　現状と課題", "第2節　市の現状", "（2）市民の利用状況")),
        ("P.7（自治体DXの推進）", ("第2章　現状と課題", "第1節　国の動向", "（2）自治体DXの推進")),
        ("自治体ＤＸの推進", ("第2章　現状と課題", "第1節　国の動向", "（2）自治体DXの推進")),
        ("P. 28 (施策2 防災DXの推進)", POLICIES + ("施策2　防災DXの推進",)),
        ("1. 用語集", ("参考資料", "1. 用語集")),
        ("参考資料", ("参考資料",)),
        ("第三章", (CH3,)),
        ("現状と課題 国の動向", ("第2章　現状と課題", "第1節　国の動向")),
        ("施策の展開", (CH3,)),
        ("第2章 2 (1)", ("第2章　現状と課題", "第2節　市の現状", "（1）人口の推移")),
    ],
)
def test_resolves(raw: str, path: tuple[str, ...]) -> None:
    assert chosen(raw) == (path,)


def test_page_alone_gives_the_smallest_section_holding_the_page() -> None:
    assert chosen("P.26") == (POLICIES + ("施策1　デジタル地域通貨の活用",),)
    assert chosen("P.5") == (("第2章　現状と課題", "第1節　国の動向", "（1）デジタル社会の実現"),)
    assert chosen("p.5-8") == (("第2章　現状と課題", "第1節　国の動向"),)
    res = resolve(parse_ref("P.7、P.9"), DOC)
    assert res.chosen == (("第2章　現状と課題",),)
    assert res.pages == tuple(range(5, 13))


def test_title_beats_page_with_a_warning() -> None:
    res = resolve(parse_ref("P.9 (施策2 防災DXの推進)"), DOC)
    assert res.chosen == (POLICIES + ("施策2　防災DXの推進",),)
    assert any("一致しません" in w and "見出しを優先" in w for w in res.warnings)
    assert res.pages == (28, 29, 30)


def test_truncated_title_with_number() -> None:
    assert chosen("2. 計画の位置…") == (("第1章　計画の基本的な考え方", "2. 計画の位置付け"),)


def test_real_subsection_wins_over_the_dotted_artifact() -> None:
    doc = Document(sections=(sec("第1章　取組", 1, 9,
                                sec("施策1.1　本物の施策", 1, 3),
                                sec("施策11　別の施策", 4, 9)),))
    assert chosen("施策1.1", doc) == (("第1章　取組", "施策1.1　本物の施策"),)


def test_every_policy_resolves_to_the_parent_of_the_policies() -> None:
    res = resolve(parse_ref("第3章 施策の展開 各施策"), DOC)
    assert res.chosen == (POLICIES,)
    assert res.pages == tuple(range(25, 41))


def test_ambiguous_number_is_reported() -> None:
    res = resolve(parse_ref("(2)"), DOC)
    assert len(res.chosen) > 1
    assert any("複数" in w for w in res.warnings)


def test_words_that_name_no_heading_fall_back_on_the_page() -> None:
    res = resolve(parse_ref("P.26 ナカペイの加盟店"), DOC)
    assert res.chosen == (POLICIES + ("施策1　デジタル地域通貨の活用",),)
    assert any("見出しと一致しない" in w for w in res.warnings)


def test_unknown_reference() -> None:
    res = resolve(parse_ref("その他"), DOC)
    assert res.chosen == ()
    assert res.warnings


@pytest.mark.parametrize("raw", ["計画全体", "全体", "全般", "計画全般", "本計画全体について", "（計画全体）", "全体的に"])
def test_the_whole_plan_resolves_quietly_to_no_section(raw: str) -> None:
    res = resolve(parse_ref(raw), DOC_WITH_WHOLE_IN_A_TITLE)
    assert res.chosen == () and res.candidates == ()
    assert res.warnings == ()


def test_a_heading_that_starts_with_zentai_is_still_a_heading() -> None:
    res = resolve(parse_ref("全体構想"), DOC_WITH_WHOLE_IN_A_TITLE)
    assert res.chosen == (("第3章　全体構想",),)


# a 都市計画マスタープラン: 「全体」 is in a chapter's title, but 「全体」 alone still means the whole plan
DOC_WITH_WHOLE_IN_A_TITLE = Document(sections=(
    sec("第1章　計画の概要", 1, 3),
    sec("第2章　都市の現状と課題", 4, 5),
    sec("第3章　全体構想", 6, 9, sec("3-1　都市づくりの理念", 6, 6), sec("3-2　将来都市構造", 7, 9)),
))


def test_candidates_are_ranked_and_the_first_is_chosen() -> None:
    res = resolve(parse_ref("P.28 (施策2 防災DXの推進)"), DOC)
    scores = [c.score for c in res.candidates]
    assert res.candidates[0].section_path == res.chosen[0]
    assert scores == sorted(scores, reverse=True)
    assert res.candidates[0].reason


def test_document_without_pages_still_resolves_by_title_and_number() -> None:
    def strip(s: Section) -> Section:
        return Section(heading=s.heading, children=tuple(strip(c) for c in s.children))

    doc = Document(sections=tuple(strip(s) for s in DOC.sections))
    res = resolve(parse_ref("P.28 (施策2 防災DXの推進)"), doc)
    assert res.chosen == (POLICIES + ("施策2　防災DXの推進",),)
    assert res.pages == ()


# ---------------------------------------------------------------- nakano

def doc_from_headings(entries: list[dict]) -> Document:
    """A Document from expected/sections.json (headings with printed pages)."""
    def build(i: int, level: int) -> tuple[list[Section], int]:
        out: list[Section] = []
        while i < len(entries) and entries[i]["level"] >= level:
            e = entries[i]
            kids, j = build(i + 1, level + 1)
            out.append(Section(heading=e["title"], level=level, children=tuple(kids),
                               pages=PageSpan(e["page"], e["end_page"])))
            i = j
        return out, i

    return Document(sections=tuple(build(0, 1)[0]))


def _expected(nakano: Path) -> list[dict]:
    return json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))["comments"]


def test_nakano_every_reference_on_hand_built_soan(nakano: Path) -> None:
    sections = json.loads((nakano / "expected" / "sections.json").read_text(encoding="utf-8"))["soan"]
    doc = doc_from_headings(sections)
    for c in _expected(nakano):
        res = resolve(parse_ref(c["ref"]), doc)
        assert res.chosen == (tuple(c["resolved_section_path"]),), c["id"]
        assert list(res.pages) == c["soan_pages"], c["id"]
        assert not res.warnings, c["id"]


@pytest.mark.parametrize("name", ["soan.pdf", "soan.docx"])
def test_nakano_every_reference_on_extracted_soan(nakano: Path, name: str) -> None:
    extract = pytest.importorskip("revtool.extract").extract
    doc = extract(nakano / name)
    for c in _expected(nakano):
        res = resolve(parse_ref(c["ref"]), doc)
        assert res.chosen == (tuple(c["resolved_section_path"]),), c["id"]
        if name.endswith(".pdf"):
            assert list(res.pages) == c["soan_pages"], c["id"]


def _parts(number: str, title: str, first: int, last: int) -> Section:
    """A 総合計画 施策 page: the 施策 heading, then its ■ parts (same titles under every 施策)."""
    return Section(heading=f"施策{number}　{title}", number=f"施策{number}", title=title, level=3,
                   pages=PageSpan(first, last),
                   children=tuple(Section(heading=t, title=t, level=4, pages=PageSpan(first, last))
                                  for t in ("目指す姿", "現状と課題", "主な取組")))


CITY = Document(sections=(Section(heading="第３章　施策の展開", number="第３章", title="施策の展開", level=1,
                                  pages=PageSpan(10, 24), children=(
    Section(heading="政策４－１　産業の振興", number="政策４－１", title="産業の振興", level=2, pages=PageSpan(10, 24),
            children=(_parts("４－１－１", "農業の振興", 10, 19), _parts("４－１－２", "観光の振興", 20, 22),
                      _parts("４－１－３", "防災・減災対策の推進", 23, 24))),)),))


@pytest.mark.parametrize(("raw", "want"), [
    # the number names the 施策, the title its ■ part; the page (one off) is another 施策's
    ("p19 施策4-1-2 観光の振興 現状と課題", ("施策４－１－２　観光の振興", "現状と課題")),
    ("19ページ 施策4-1-2 主な取組", ("施策４－１－２　観光の振興", "主な取組")),
    # the 施策 named by its title only (a page misread as a number before it)
    ("13 防災・減災対策の推進 現状と課題", ("施策４－１－３　防災・減災対策の推進", "現状と課題")),
    # the 施策 itself when the title is its own
    ("施策4-1-2 観光の振興", ("施策４－１－２　観光の振興",)),
])
def test_a_reference_names_the_parent_then_the_part(raw: str, want: tuple[str, ...]) -> None:
    got = resolve(parse_ref(raw), CITY)
    assert len(got.chosen) == 1 and got.chosen[0][-len(want):] == want, got.chosen
    if len(want) > 1:
        assert "上位の節" in got.candidates[0].reason  # the evidence says the parent was named


def test_a_pdf_minus_sign_in_a_heading_number_matches_the_reference() -> None:
    pdf = Document(sections=(Section(heading="施策５−２−１　行政のデジタル化", number="施策５−２−１",
                                     title="行政のデジタル化", level=1, pages=PageSpan(5, 6)),
                             Section(heading="施策５−２−２　財政運営", number="施策５−２−２",
                                     title="財政運営", level=1, pages=PageSpan(7, 8))))
    assert chosen("施策5-2-2", pdf) == (("施策５−２−２　財政運営",),)


TOWN = Document(sections=(
    sec("Ⅰ　計画の概要", 1, 2, sec("1　計画策定の趣旨", 1, 1), sec("2　計画の位置付け", 2, 2)),
    sec("Ⅳ　施策の展開", 4, 12,
        sec("1　地域包括ケアシステムの深化・推進", 4, 7,
            sec("（1）地域包括支援センターの機能強化", 4, 5), sec("（2）在宅医療・介護連携の推進", 5, 7)),
        sec("2　介護予防と健康づくりの推進", 8, 12,
            sec("（1）介護予防・日常生活支援総合事業の推進", 8, 9), sec("（2）社会参加の促進", 10, 12))),
))


def test_dotted_policy_number_read_as_goal_and_policy() -> None:
    """「施策2.1」 in a plan that numbers its 基本目標 2 and its 施策 （1）: the first 施策 of the second 基本目標."""
    res = resolve(parse_ref("6ページ 施策2.1"), TOWN)
    assert res.chosen == (("Ⅳ　施策の展開", "2　介護予防と健康づくりの推進", "（1）介護予防・日常生活支援総合事業の推進"),)
    assert "「施策2.1」を「2 (1)」と読んで" in res.candidates[0].reason
    assert resolve(parse_ref("施策1-2"), TOWN).chosen == (
        ("Ⅳ　施策の展開", "1　地域包括ケアシステムの深化・推進", "（2）在宅医療・介護連携の推進"),)
    # a chain the plan does not have is no reading: the page decides, as before
    assert resolve(parse_ref("P.4 施策3.1"), TOWN).chosen == (("Ⅳ　施策の展開", "1　地域包括ケアシステムの深化・推進", "（1）地域包括支援センターの機能強化"),)


def test_a_name_in_a_sections_table_resolves_there() -> None:
    """「P9 介護支援ボランティアポイント事業について」 names no heading but a row of the
    事業一覧 of one 施策: that 施策, with the reason; a name two sections hold is left
    to the page, and one printed elsewhere than the cited page still wins, with a warning."""
    from revtool.model import Block, BlockKind, Table

    def table(*rows: list[str]) -> Block:
        t = Table.from_texts([["事業名", "事業内容"], *rows])
        return Block(BlockKind.TABLE, t.as_text(), table=t)

    doc = Document(sections=(sec("Ⅳ　施策の展開", 8, 12,
        Section(heading="（1）社会参加の促進", pages=PageSpan(8, 9),
                blocks=(table(["介護支援ボランティアポイント事業", "ポイントを付与します。"], ["老人クラブ支援事業", "助成します。"]),)),
        Section(heading="（2）移動手段の確保", pages=PageSpan(9, 12),
                blocks=(table(["外出支援サービス事業", "送迎します。"], ["老人クラブ支援事業", "連携します。"]),))),))
    res = resolve(parse_ref("P9 介護支援ボランティアポイント事業について"), doc)
    assert res.chosen == (("Ⅳ　施策の展開", "（1）社会参加の促進"),)
    assert res.candidates[0].reason == "本文に「介護支援ボランティアポイント事業」を含む" and not res.warnings
    assert resolve(parse_ref("P9 老人クラブ支援事業"), doc).chosen == (("Ⅳ　施策の展開",),)  # both hold it: the page decides
    far = resolve(parse_ref("P11 介護支援ボランティアポイント事業"), doc)
    assert far.chosen == (("Ⅳ　施策の展開", "（1）社会参加の促進"),) and "本文を優先" in far.warnings[0]


def test_dotted_number_under_another_word_is_that_section() -> None:
    """「基本施策4-1」 in a plan that numbers the same level 政策4-1: that 政策, never a
    chapter-and-section chain (第4章 第1節) the word does not name."""
    doc = Document(sections=(
        sec("第1章　計画の策定にあたって", 1, 4, sec("第1節　計画策定の趣旨", 1, 2)),
        sec("第3章　施策の展開", 5, 20,
            sec("基本目標4　にぎわいのあるまち", 5, 20, sec("政策4-1　産業の振興", 5, 12), sec("政策4-2　環境の保全", 13, 20))),
        sec("第4章　計画の推進に向けて", 21, 24, sec("第1節　推進体制", 21, 24)),
    ))
    res = resolve(parse_ref("18 基本施策4-1"), doc)
    assert res.chosen == (("第3章　施策の展開", "基本目標4　にぎわいのあるまち", "政策4-1　産業の振興"),)
    assert "「基本施策4-1」を「政策4-1」と読んで" in res.candidates[0].reason
    assert resolve(parse_ref("施策4.1"), Document(sections=doc.sections[2:])).chosen == ()  # no 施策 part: no reading


NATIONAL = Document(sections=(
    sec("第１部　基本的な考え方", 1, 4, sec("１　計画策定の趣旨", 1, 2), sec("３　計画の構成", 3, 4)),
    sec("第２部　分野別施策", 5, 30,
        sec("第１分野　あらゆる分野における参画の拡大", 5, 12,
            sec("１　基本認識", 5, 6), sec("２　施策の基本的方向と具体的な取組", 7, 10,
                                      sec("（１）意思決定過程への参画", 7, 8)), sec("３　成果目標", 11, 12)),
        sec("第２分野　雇用・働き方分野における共生", 13, 20,
            sec("１　基本認識", 13, 14), sec("２　施策の基本的方向と具体的な取組", 15, 18,
                                       sec("（１）多様な働き方", 15, 16)), sec("３　成果目標", 19, 20))),
    sec("第３部　推進体制", 31, 32, sec("１　推進体制の整備", 31, 32)),
))


def test_a_chained_national_reference_names_its_section() -> None:
    part2 = "第２部　分野別施策"
    field2 = "第２分野　雇用・働き方分野における共生"
    assert chosen("第２部第２分野３", NATIONAL) == ((part2, field2, "３　成果目標"),)
    assert chosen("第２部第２分野２（１）", NATIONAL) == ((part2, field2, "２　施策の基本的方向と具体的な取組", "（１）多様な働き方"),)
    assert chosen("第２部第１分野", NATIONAL) == ((part2, "第１分野　あらゆる分野における参画の拡大"),)


NAMED = Document(sections=(
    sec("第３章　健康増進計画", 10, 20,
        sec("１　基本方針１　生活習慣病の予防", 10, 14,
            sec("（１）がん対策", 10, 12), sec("（２）循環器病の予防", 13, 14)),
        sec("２　基本方針２　こころと体の休養", 15, 17,
            sec("（１）睡眠", 15, 16), sec("（２）身体活動", 17, 17))),
    sec("第４章　食育推進計画", 21, 30,
        sec("１　基本方針１　食を通じた健康づくり", 21, 25,
            sec("（１）朝食", 21, 23), sec("（２）栄養バランス", 24, 25)),
        sec("２　基本方針２　持続可能な食", 26, 30)),
))


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        # 「２　基本方針２　…」: the bare number 2 and the named number 基本方針2 are the same heading's
        ("第３章 基本方針２", ("第３章　健康増進計画", "２　基本方針２　こころと体の休養")),
        ("第４章 基本方針１", ("第４章　食育推進計画", "１　基本方針１　食を通じた健康づくり")),
        ("第４章 基本方針１（２）", ("第４章　食育推進計画", "１　基本方針１　食を通じた健康づくり", "（２）栄養バランス")),
        ("第３章 ２", ("第３章　健康増進計画", "２　基本方針２　こころと体の休養")),  # the bare number still answers
    ],
)
def test_named_number_inside_a_numbered_heading(raw: str, path: tuple[str, ...]) -> None:
    assert chosen(raw, NAMED) == (path,)


def test_named_number_alone_is_ambiguous_between_chapters() -> None:
    got = resolve(parse_ref("基本方針２"), NAMED)  # no chapter: both 基本方針２, with a warning
    assert got.chosen == (("第３章　健康増進計画", "２　基本方針２　こころと体の休養"),
                          ("第４章　食育推進計画", "２　基本方針２　持続可能な食"))
    assert any("複数" in w for w in got.warnings)
