"""素案該当箇所 parsing: every form the issue names."""

from __future__ import annotations

import pytest

from revtool.comments.refs import parse_ref


@pytest.mark.parametrize(
    ("raw", "pages"),
    [
        ("P. 18", (18,)),
        ("P.18", (18,)),
        ("Ｐ１８", (18,)),
        ("Ｐ．１８", (18,)),
        ("18ページ", (18,)),
        ("18頁", (18,)),
        ("p.18-19", (18, 19)),
        ("P18～P19", (18, 19)),
        ("P.37、P.39", (37, 39)),
        ("37・39ページ", (37, 39)),
        ("18", (18,)),  # a 該当ページ column holding a bare number
        ("37、39", (37, 39)),
    ],
)
def test_pages(raw: str, pages: tuple[int, ...]) -> None:
    loc = parse_ref(raw)
    assert loc.pages == pages
    assert loc.numbers == () and loc.title == ""


@pytest.mark.parametrize(
    ("raw", "numbers", "title"),
    [
        ("第3章", ("第3章",), ""),
        ("第2章第1節", ("第2章", "第1節"), ""),
        ("施策1", ("施策1",), ""),
        ("施策1.1", ("施策1.1",), ""),
        ("施策６", ("施策6",), ""),
        ("(2)", ("(2)",), ""),
        ("（２）", ("(2)",), ""),
        ("基本目標2 1-3", ("基本目標2", "1-3"), ""),
        ("2. ICT調達の…", ("2",), "ICT調達の..."),
        ("２．ICT調達", ("2",), "ICT調達"),
        ("2 ICT調達", ("2",), "ICT調達"),
        ("第2章 計画策定の背景 1. 国の動向（2）自治体DXの推進", ("第2章", "1", "(2)"), "自治体DXの推進"),
        ("第2章 1 (2)", ("第2章", "1", "(2)"), ""),
        ("第三章", ("第3章",), ""),
        ("基本目標二", ("基本目標2",), ""),
        ("（3）2030年度に目指す姿", ("(3)",), "2030年度に目指す姿"),
        # Roman and katakana labels (国の計画: Ⅰ/1/(1)/ア); words that merely start alike stay title
        ("Ⅱ 2", ("II", "2"), ""),
        ("Ⅳ．計画の推進", ("IV",), "計画の推進"),
        ("第Ⅱ部", ("第II部",), ""),
        ("（3）ウ　成果指標", ("(3)", "ウ"), "成果指標"),
        ("（イ）相談体制", ("(イ)",), "相談体制"),
        ("IoTの活用", (), "IoTの活用"),
        ("IT化の推進", (), "IT化の推進"),
        ("ウェルビーイング", (), "ウェルビーイング"),
    ],
)
def test_numbers_and_titles(raw: str, numbers: tuple[str, ...], title: str) -> None:
    loc = parse_ref(raw)
    assert loc.numbers == numbers
    assert loc.title == title


def test_page_with_title_in_parentheses() -> None:
    loc = parse_ref("P. 18 (施策1 デジタル地域通貨「ナカペイ」を活用したまちの活性化や区民の健康増進)")
    assert loc.pages == (18,)
    assert loc.numbers == ("施策1",)
    assert loc.title == "デジタル地域通貨「ナカペイ」を活用したまちの活性化や区民の健康増進"


def test_title_only_in_parentheses() -> None:
    loc = parse_ref("P.12（自治体DXの推進）")
    assert (loc.pages, loc.numbers, loc.title) == ((12,), (), "自治体DXの推進")


def test_parentheses_inside_a_title_are_kept() -> None:
    loc = parse_ref("P.37 (施策7 地方税統一QRコード(eL-QR)による電子納付の推進)")
    assert loc.title == "地方税統一QRコード(eL-QR)による電子納付の推進"


def test_every() -> None:
    loc = parse_ref("第3章 DXの取組 各施策")
    assert loc.numbers == ("第3章",)
    assert loc.title == "DXの取組"
    assert loc.every == "施策"


def test_raw_is_kept_and_nothing_fails() -> None:
    for raw in ("", "全体", "その他", "計画全般について", "P.", "第章"):
        loc = parse_ref(raw)
        assert loc.raw == raw
    assert parse_ref("全体").title == "全体"


@pytest.mark.parametrize("raw", ["計画全体", "全体", "全般", "計画全般", "本計画全体について", "素案全体", "計画の全体",
                                 "【計画全体】", "全体的に"])
def test_the_whole_plan(raw: str) -> None:
    loc = parse_ref(raw)
    assert loc.whole and not loc.pages and not loc.numbers


@pytest.mark.parametrize("raw", ["全体構想", "第3章 全体構想", "P.12 全体", "その他", "全体の目標値", "施策の全体像"])
def test_not_the_whole_plan(raw: str) -> None:
    assert not parse_ref(raw).whole


def test_chained_ordinals_of_a_national_plan() -> None:
    # 公用文 chains the levels without a space: 第２部 / 第３分野 / ３ (成果目標)
    assert parse_ref("第２部第３分野３").numbers == ("第2部", "第3分野", "3")
    assert parse_ref("第２部第５分野２（１）").numbers == ("第2部", "第5分野", "2", "(1)")
    assert parse_ref("第２部第３分野").numbers == ("第2部", "第3分野")
    assert parse_ref("第3章2(1)").numbers == ("第3章", "2", "(1)")
    # a 第N that numbers no unit of the plan stays text
    assert parse_ref("第1期計画").numbers == ()
