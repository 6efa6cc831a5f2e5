"""Marker parsing and depth-from-sequence (golden cases)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revtool.extract.base import RawHeading
from revtool.extract.outline import Marker, build_outline, parse_marker
from revtool.model import Block, BlockKind, PageSpan, Section
from tests.purity_helpers import imported_modules


@pytest.mark.parametrize(
    ("text", "number", "kind", "value", "title"),
    [
        ("第3章　DXの取組", "第3章", "chapter", 3, "DXの取組"),
        ("第１章計画の基本的な考え方", "第１章", "chapter", 1, "計画の基本的な考え方"),
        ("第1章はじめに", "第1章", "chapter", 1, "はじめに"),
        ("第十二章 附則", "第十二章", "chapter", 12, "附則"),
        ("第2節　子育て", "第2節", "section", 2, "子育て"),
        ("第4条　目的", "第4条", "article", 4, "目的"),
        ("1. 計画策定の趣旨", "1.", "decimal", 1, "計画策定の趣旨"),
        ("２．計画の位置付け", "２．", "decimal", 2, "計画の位置付け"),
        ("（1）計画の対象範囲", "（1）", "paren", 1, "計画の対象範囲"),
        ("(2) 成果指標", "(2)", "paren", 2, "成果指標"),
        ("（１０）ロードマップ", "（１０）", "paren", 10, "ロードマップ"),
        ("⑶ 現状と課題", "⑶", "paren", 3, "現状と課題"),
        ("3) 取組内容", "3)", "rparen", 3, "取組内容"),
        ("②　窓口の改善", "②", "circled", 2, "窓口の改善"),
        ("ウ　オンライン申請", "ウ", "katakana", 3, "オンライン申請"),
        ("(イ) 職員研修", "(イ)", "paren_katakana", 2, "職員研修"),
        ("施策2　防災DXによる安全・安心なまちづくり", "施策2", "shisaku", 2, "防災DXによる安全・安心なまちづくり"),
        ("施策10データ利活用", "施策10", "shisaku", 10, "データ利活用"),
        ("基本目標３ 安心して暮らせるまち", "基本目標３", "kihon", 3, "安心して暮らせるまち"),
        ("重点取組1 窓口DX", "重点取組1", "label:重点取組", 1, "窓口DX"),
        ("1-2　地域の見守り", "1-2", "hyphen2", 1, "地域の見守り"),
        ("2.3 情報セキュリティ", "2.3", "dotted2", 2, "情報セキュリティ"),
        ("Ⅱ　計画の背景", "Ⅱ", "roman", 2, "計画の背景"),
        ("IV. 推進体制", "IV.", "roman", 4, "推進体制"),
        ("（三）附則", "（三）", "paren_kanji", 3, "附則"),
        ("二　区の責務", "二", "kanji", 2, "区の責務"),
        ("1　計画策定の趣旨", "1", "bare", 1, "計画策定の趣旨"),
        ("【基本目標１】安心して暮らせるまち", "【基本目標１】", "bracket:基本目標", 1, "安心して暮らせるまち"),
        ("［2］計画の経過", "［2］", "bracket", 2, "計画の経過"),
        ("第2項　定義", "第2項", "item", 2, "定義"),
        ("(ｲ) 半角カナの項目", "(ｲ)", "paren_katakana", 2, "半角カナの項目"),
        ("b) 補足", "b)", "rparen_alpha_lower", 2, "補足"),
        ("ステップ２　実施", "ステップ２", "label:ステップ", 2, "実施"),
        ("施策の方向1 見守り", "施策の方向1", "label:施策の方向", 1, "見守り"),
        ("重点プロジェクト3　まちづくり", "重点プロジェクト3", "label:重点プロジェクト", 3, "まちづくり"),
    ],
)
def test_parse_marker(text: str, number: str, kind: str, value: int, title: str) -> None:
    assert parse_marker(text) == Marker(number, kind, value, title)


@pytest.mark.parametrize(
    "text",
    [
        "アプリの活用を進める",  # ア starts a word, not a marker
        "一方で、課題も残る",  # 一 starts a word
        "2030年度に目指す姿",  # a year, not a number marker
        "1.5倍に増加した",  # a decimal number
        "（参考）本計画の策定経過",  # a bracketed word
        "本計画は区の最上位計画である。",
        "第2章で述べたとおり、",  # a reference inside a sentence
        "施策1の推進に当たっては",
        "1.の内容",
        "",
    ],
)
def test_parse_marker_rejects_non_markers(text: str) -> None:
    assert parse_marker(text) is None


def P(text: str, page: int | None = None) -> Block:
    return Block(BlockKind.PARAGRAPH, text, pages=PageSpan(page, page) if page else None)


def H(text: str, level: int | None = None, certain: bool = False, page: int | None = None) -> RawHeading:
    return RawHeading(text, level, certain, PageSpan(page, page) if page else None)


def shape(sections: tuple[Section, ...], depth: int = 0) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append("  " * depth + s.heading)
        out.extend(shape(s.children, depth + 1))
    return out


def test_depth_from_marker_sequence() -> None:
    items = [
        P("表紙：中野区DX推進計画（素案）"),
        H("第1章　計画の基本的な考え方"),
        H("1. 計画策定の趣旨"),
        P("区は、DXを推進する。"),
        H("2. 計画期間"),
        H("（1）計画の対象範囲"),
        H("①　区の事務"),
        H("②　外郭団体"),
        H("（2）計画の構成"),
        H("3. 基本理念"),
        H("第2章　計画策定の背景"),
        H("1. 国の動向"),  # restarts under a new chapter
        H("（1）デジタル社会"),
    ]
    front, sections = build_outline(items)
    assert [b.text for b in front] == ["表紙：中野区DX推進計画（素案）"]
    assert shape(sections) == [
        "第1章　計画の基本的な考え方",
        "  1. 計画策定の趣旨",
        "  2. 計画期間",
        "    （1）計画の対象範囲",
        "      ①　区の事務",
        "      ②　外郭団体",
        "    （2）計画の構成",
        "  3. 基本理念",
        "第2章　計画策定の背景",
        "  1. 国の動向",
        "    （1）デジタル社会",
    ]
    first = sections[0].children[0]
    assert (first.number, first.title, first.marker, first.level) == ("1.", "計画策定の趣旨", "decimal", 2)
    assert first.own_text() == "区は、DXを推進する。"


def test_unseen_scheme_nests_and_returns() -> None:
    """Schemes not in any table still nest by order of appearance."""
    items = [
        H("基本目標1 安心して暮らせるまち"),
        H("施策1-1 見守りの充実"),
        H("ア　見守りネットワーク"),
        H("イ　相談窓口"),
        H("施策1-2 防災"),
        H("基本目標2 にぎわいのあるまち"),
        H("施策2-1 商店街"),
    ]
    _, sections = build_outline(items)
    assert shape(sections) == [
        "基本目標1 安心して暮らせるまち",
        "  施策1-1 見守りの充実",
        "    ア　見守りネットワーク",
        "    イ　相談窓口",
        "  施策1-2 防災",
        "基本目標2 にぎわいのあるまち",
        "  施策2-1 商店街",
    ]


def test_kind_seen_before_returns_to_its_depth_after_a_gap() -> None:
    """（1） under 施策1 sets the depth of （N); after an unnumbered heading at
    the same depth as 施策, （1） nests under it at the depth it had before."""
    items = [
        H("第3章　DXの取組"),
        H("施策1　地域通貨"),
        H("（1）目指す姿"),
        H("施策2　防災"),
        H("（1）目指す姿"),
        H("（2）成果指標"),
    ]
    _, sections = build_outline(items)
    assert shape(sections) == [
        "第3章　DXの取組",
        "  施策1　地域通貨",
        "    （1）目指す姿",
        "  施策2　防災",
        "    （1）目指す姿",
        "    （2）成果指標",
    ]


def test_certain_levels_win_over_markers() -> None:
    items = [
        H("第3章　DXの取組", 1, True),
        H("1. 施策ごとの取組", 2, True),
        H("施策1　地域通貨", 3, True),
        H("（1）目指す姿", 4, True),
        H("2. ICT調達", 2, True),
        H("参考資料", 1, True),
        H("1. 用語集", 2, True),
        H("（参考）本計画の策定経過", 3, True),
    ]
    _, sections = build_outline(items)
    assert shape(sections) == [
        "第3章　DXの取組",
        "  1. 施策ごとの取組",
        "    施策1　地域通貨",
        "      （1）目指す姿",
        "  2. ICT調達",
        "参考資料",
        "  1. 用語集",
        "    （参考）本計画の策定経過",
    ]
    ref = sections[1]
    assert (ref.number, ref.title, ref.level) == ("", "参考資料", 1)


def test_uncertain_markers_nest_under_certain_headings() -> None:
    items = [
        H("第1章　総則", 1, True),
        H("1. 目的"),
        H("（1）背景"),
        H("2. 期間"),
    ]
    _, sections = build_outline(items)
    assert shape(sections) == ["第1章　総則", "  1. 目的", "    （1）背景", "  2. 期間"]
    assert sections[0].children[1].level == 2


def test_sentences_and_long_items_stay_in_the_body() -> None:
    items = [
        H("1. 計画策定の趣旨"),
        H("1. 区は、令和8年度までに全ての手続をオンライン化する。"),
        H("2. 区民が身近な場所でデジタル機器の使い方を学べる機会を、地域の団体と連携して増やしていく"),
        H("2. 計画の位置付け"),
    ]
    _, sections = build_outline(items)
    assert shape(sections) == ["1. 計画策定の趣旨", "2. 計画の位置付け"]
    body = sections[0].blocks
    assert [b.kind for b in body] == [BlockKind.LIST, BlockKind.LIST]
    assert [b.label for b in body] == ["1.", "2."]


def test_uncertain_line_without_marker_uses_hint_or_stays_text() -> None:
    items = [H("はじめに", 1), P("本書は…"), H("ただの太字の行")]
    front, sections = build_outline(items)
    assert shape(sections) == ["はじめに"]
    assert [b.text for b in sections[0].blocks] == ["本書は…", "ただの太字の行"]
    assert front == ()


def test_pages_cover_heading_blocks_and_children() -> None:
    items = [
        H("第1章　総則", page=1),
        P("本文", 1),
        H("1. 目的", page=2),
        P("本文", 3),
        H("第2章　背景", page=4),
    ]
    _, sections = build_outline(items)
    assert sections[0].pages == PageSpan(1, 3)
    assert sections[0].children[0].pages == PageSpan(2, 3)
    assert sections[1].pages == PageSpan(4, 4)


def test_empty_input() -> None:
    assert build_outline([]) == ((), ())


def test_level_is_the_depth_in_the_tree_when_hints_skip() -> None:
    items = [H("第1章　総則", 1, True), H("（1）目的", 3, True), H("第2章　背景", 1, True)]
    _, sections = build_outline(items)
    assert shape(sections) == ["第1章　総則", "  （1）目的", "第2章　背景"]
    assert [sections[0].level, sections[0].children[0].level, sections[1].level] == [1, 2, 1]


def test_top_level_from_level_two_hints() -> None:
    """Chapters styled 見出し2 (見出し1 kept for the title) still sit at the top."""
    items = [H("第1章　総則", 2, True), H("1. 目的", 3, True)]
    _, sections = build_outline(items)
    assert (sections[0].level, sections[0].children[0].level) == (1, 2)


@pytest.mark.parametrize("module", ["revtool.extract.outline", "revtool.normalize"])
def test_core_modules_are_pure(module: str) -> None:
    forbidden = {"git", "typer", "rich", "docx", "lxml", "pdfplumber", "pypdfium2", "os", "io"}
    assert not imported_modules(module) & forbidden


_HEADINGS = [
    "第1章　総則", "第2章　施策", "1. 目的", "2. 期間", "（1）背景", "（2）課題", "①　見守り",
    "ア　相談", "施策1　地域通貨", "基本目標2 安心", "参考資料", "1-1 体制",
    "1. 区は、全ての手続をオンライン化する。", "アプリの活用",
]
_ITEM = st.one_of(
    st.builds(lambda t: Block(BlockKind.PARAGRAPH, t), st.sampled_from(["本文。", "区は推進する。", "表"])),
    st.builds(
        lambda t, level, certain: RawHeading(t, level, certain),
        st.sampled_from(_HEADINGS),
        st.one_of(st.none(), st.integers(1, 4)),
        st.booleans(),
    ),
)


@given(st.lists(_ITEM, max_size=30))
def test_no_text_is_lost_and_order_is_kept(items: list[Block | RawHeading]) -> None:
    front, sections = build_outline(items)
    flat: list[str] = [b.text for b in front]

    def visit(section: Section, depth: int) -> None:
        assert section.level == depth
        flat.append(section.heading)
        flat.extend(b.text for b in section.blocks)
        for child in section.children:
            visit(child, depth + 1)

    for section in sections:
        visit(section, 1)
    assert flat == [item.text for item in items]


def test_a_number_with_a_unit_is_a_quantity_not_an_item_number() -> None:
    from revtool.extract.outline import is_quantity

    def quantity(text: str) -> bool:
        m = parse_marker(text)
        return m is not None and is_quantity(m)

    assert quantity("100 年当たり 1.35℃の割合で上昇した")
    assert quantity("56.3 ％、大阪湾は66.7％")
    assert quantity("2019 年に公表された報告書によれば")  # no list runs to 2019
    assert not quantity("1 日本の現状")
    assert not quantity("1.2 ケーブル関係")
    assert not quantity("2 人材の育成")
    assert not quantity("（1）年次計画")  # only bare and dotted numbers


@pytest.mark.parametrize("dash", ["－", "-", "\u2212", "\u2010", "\u2013", "\u30fc"])
def test_compound_numbers_read_alike_whatever_dash_the_pdf_gives(dash: str) -> None:
    """A PDF's text layer often gives − (U+2212), ‐ or – where the DOCX has －:
    施策５−２−１ is still 施策 5-2-1 with its title, and nests like the DOCX's."""
    marker = parse_marker(f"施策５{dash}２{dash}１　行政のデジタル化の推進")
    assert marker is not None
    assert (marker.kind, marker.value, marker.title) == ("shisaku-sub", 5, "行政のデジタル化の推進")
    assert marker.number == f"施策５{dash}２{dash}１"  # as printed
    hyphen = parse_marker(f"1{dash}2 計画の位置付け")
    assert hyphen is not None and (hyphen.kind, hyphen.title) == ("hyphen2", "計画の位置付け")


def test_pdf_and_docx_dashes_give_the_same_tree() -> None:
    def tree(dash: str) -> list[tuple[str, str, str, int]]:
        items = [H("第3章　施策の展開"), H(f"施策５{dash}１　市民協働の推進"), P("市民と連携する。"),
                 H(f"施策５{dash}２　行政のデジタル化"), P("手続をオンライン化する。")]
        chapter = build_outline(items)[1][0]
        return [(s.number, s.title, s.marker, s.level) for s in chapter.children]
    # the section is named with the dash Word prints, so both versions' paths are equal
    assert tree("\u2212") == tree("\u2010") == tree("－") == [("施策５－１", "市民協働の推進", "shisaku-sub", 2),
                                                            ("施策５－２", "行政のデジタル化", "shisaku-sub", 2)]
    ascii_numbers = build_outline([H("施策5\u22121　市民協働の推進")])[1][0]
    assert (ascii_numbers.heading, ascii_numbers.number) == ("施策5-1　市民協働の推進", "施策5-1")


_MARKER_CHARS = "第1２３一二十百章節部編項款条の施策基本目標方針（()）【】[]〔〕＜>①②㉑ⅠⅡⅰアイｱ.．-－‐ 　\tabcXIVＡｂ⑴⒈に、。で"


@given(st.text(alphabet=_MARKER_CHARS, max_size=10))
def test_one_alternation_finds_the_first_matching_marker_pattern(text: str) -> None:
    """``parse_marker`` asks one alternation of all marker patterns first: no
    match must mean that no pattern matches, and the group that matched must
    be the first pattern that does (the walk starts there)."""
    from revtool.extract.outline import _ANY_PATTERN, _PATTERNS

    first = next((k for k, (_, pattern, _) in enumerate(_PATTERNS) if pattern.match(text)), None)
    found = _ANY_PATTERN.match(text)
    if first is None:
        assert found is None
    else:
        assert found is not None and found.lastgroup == f"p{first}"


def test_a_title_that_starts_with_a_particles_kana_is_a_marker() -> None:
    """（１）がん検診: がん is a word, not the particle が; （１）が示す is a reference."""
    m = parse_marker("（１）がん相談支援センター")
    assert m is not None and (m.number, m.kind, m.title) == ("（１）", "paren", "がん相談支援センター")
    assert parse_marker("（１）が示すとおり") is None
    assert parse_marker("施策1の推進") is None
    assert parse_marker("第2章で述べた") is None
