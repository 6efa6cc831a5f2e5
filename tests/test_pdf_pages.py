"""Printed page numbers and running headers/footers (pure helpers)."""

from __future__ import annotations

import pytest

from revtool.extract.pdf_lines import Line
from revtool.extract.pdf_pages import (
    PageNumber,
    mask_digits,
    page_map,
    page_name,
    page_number_candidates,
    parse_page_label,
    printed_numbers,
    roman_value,
    running_lines,
)

H = 842.0


@pytest.mark.parametrize(
    "text, value",
    [("- 18 -", 18), ("18", 18), ("P.18", 18), ("p. 18", 18), ("－１８－", 18), ("— 3 —", 3), ("１８", 18),
     ("18 / 64", 18), ("18ページ", 18), ("（18）", 18), ("ｰ 7 ｰ", 7)],
)
def test_arabic_labels(text: str, value: int) -> None:
    n = parse_page_label(text)
    assert n is not None and n.value == value and n.roman is None


@pytest.mark.parametrize("text, value", [("i", 1), ("ii", 2), ("- iv -", 4), ("XII", 12), ("ⅲ", 3)])
def test_roman_labels(text: str, value: int) -> None:
    n = parse_page_label(text)
    assert n is not None and n.value is None and n.roman == value


@pytest.mark.parametrize("text", ["2025年", "第1章", "1. 計画策定の趣旨", "中野区", "", "ic", "- 18 - 19 -"])
def test_not_labels(text: str) -> None:
    assert parse_page_label(text) is None


def test_roman_value() -> None:
    assert roman_value("xiv") == 14 and roman_value("IX") == 9 and roman_value("abc") is None


def test_mask_digits() -> None:
    assert mask_digits("中野区DX推進計画（素案）　第３章") == "中野区DX推進計画（素案）第#章"


def _page(header: str, body: list[str], footer: str, size: float = 11.0) -> list[Line]:
    lines = [Line(header, 300, 540, 30, 39, 8.5, False)]
    lines += [Line(t, 57, 538, 80 + 20 * i, 91 + 20 * i, size, False) for i, t in enumerate(body)]
    lines.append(Line(footer, 288, 308, 806, 815, 9.0, False))
    return lines


def test_running_headers_and_page_numbers_are_found() -> None:
    pages = [
        _page("計画（素案）　第1章　考え方", ["（1）目指す姿"] + ["本文"] * 3, "- 1 -"),
        _page("計画（素案）　第1章　考え方", ["本文です"] * 3, "- 2 -"),
        _page("計画（素案）　第2章　背景", ["（1）目指す姿"] + ["本文"] * 3, "- 3 -"),
        _page("計画（素案）　第2章　背景", ["本文です"] * 2, "- 4 -"),
    ]
    found = running_lines(pages, [H] * 4, body_size=11.0)
    for p, lines in enumerate(pages):
        assert (p, 0) in found  # header
        assert (p, len(lines) - 1) in found  # page number
    assert (0, 1) not in found and (2, 1) not in found  # a heading opening two pages is body text


def test_heading_repeated_far_apart_is_not_running() -> None:
    pages = [_page("h", ["（4）取組内容"], "- 1 -")] + [_page("h", ["本文"], f"- {i} -") for i in range(2, 6)]
    pages.append(_page("h", ["（4）取組内容"], "- 6 -"))
    found = running_lines(pages, [H] * len(pages), body_size=11.0)
    assert (0, 1) not in found and (5, 1) not in found


def test_a_table_header_left_at_the_foot_of_two_pages_is_not_running() -> None:
    # the header row of the 取組 tables is printed in the body on most pages; on two neighbouring
    # pages it is the last line (its table continues overleaf), in the bottom band, at the same height
    header = "事業名　内容　所管課"
    pages = []
    for n in range(1, 7):
        page = _page("計画（素案）", ["本文です", header, "ひろば窓口事業　相談を支援する　福祉推進課"], f"- {n} -")
        if n in (3, 4):
            page.insert(-1, Line(header, 57, 538, 780, 789, 9.0, False))
        pages.append(page)
    found = running_lines(pages, [H] * len(pages), body_size=11.0)
    assert (2, len(pages[2]) - 2) not in found and (3, len(pages[3]) - 2) not in found
    assert all((p, 0) in found and (p, len(lines) - 1) in found for p, lines in enumerate(pages))


def test_page_number_candidates_prefer_bottom_band() -> None:
    lines = _page("令和7年（2025年）10月", ["本文"], "- 12 -")
    cands = page_number_candidates(lines, H)
    assert cands[0].value == 12


def test_printed_numbers_follow_the_sequence() -> None:
    seq = [[], [PageNumber("i", roman=1)], [PageNumber("ii", roman=2)]]
    seq += [[PageNumber(str(n), value=n)] for n in (1, 2)]
    seq += [[]]  # a full-page figure without a footer
    seq += [[PageNumber(str(n), value=n)] for n in (4, 5)]
    seq += [[PageNumber("99", value=99)]]  # a stray number that fits nothing: dropped, then 6 by position
    seq += [[PageNumber("7", value=7)], []]
    got = printed_numbers(seq)
    values = [n.value if n else None for n in got]
    assert values == [None, None, None, 1, 2, 3, 4, 5, 6, 7, None]
    assert got[1] is not None and got[1].roman == 1


def test_printed_numbers_take_an_agreeing_alternative_and_page_labels() -> None:
    seq = [[PageNumber("1", value=1)], [PageNumber("2030", value=2030), PageNumber("2", value=2)], [PageNumber("3", value=3)]]
    assert [n.value for n in printed_numbers(seq) if n] == [1, 2, 3]
    got = printed_numbers([[], []], labels=["表紙", "5"])
    assert got[0] is not None and got[0].label == "表紙" and got[1] is not None and got[1].value == 5


def test_page_name() -> None:
    assert page_name(PageNumber("- 18 -", value=18), 20) == "18ページ"
    assert page_name(PageNumber("ii", roman=2), 2) == "iiページ"
    assert page_name(None, 0) == "PDF 1ページ目"


def test_page_map_pairs_pdf_pages_with_printed_numbers() -> None:
    """表紙 (none), 目次 (ii), then 1, 2: PDF pages 3 and 4 print 1 and 2."""
    numbers = [None, PageNumber("ii", roman=2), PageNumber("- 1 -", value=1), PageNumber("- 2 -", value=2)]
    assert page_map(numbers) == ((3, 1), (4, 2))
    # every printed number is its PDF page: nothing to tell apart
    assert page_map([PageNumber("1", value=1), PageNumber("2", value=2), None]) == ()


def test_a_running_head_on_a_landscape_page_is_running() -> None:
    """A 施策の体系 page turned to landscape (595 high among 842) sets the running head
    at its own margin (top 18, not 30): still the running head, not a line of text."""
    head = "○○市地域公共交通計画（案）"
    pages = [_page(head, ["本文です"] * 3, f"- {i} -") for i in (1, 2)]
    turned = [Line(head, 400, 560, 18, 26, 8.5, False), Line("施策の体系", 57, 300, 60, 71, 11.0, False),
              Line("- 3 -", 410, 430, 560, 569, 9.0, False)]
    pages += [turned] + [_page(head, ["本文です"] * 3, f"- {i} -") for i in (4, 5)]
    found = running_lines(pages, [H, H, 595.0, H, H], body_size=11.0)
    assert (2, 0) in found and (2, 2) in found and (2, 1) not in found
    # the same words in the body of a turned page are body text
    body = [Line("施策の体系", 57, 300, 20, 29, 11.0, False), Line(head, 57, 300, 300, 309, 11.0, False)]
    found = running_lines(pages[:2] + [body] + pages[3:], [H, H, 595.0, H, H], body_size=11.0)
    assert (2, 1) not in found


def test_a_running_head_naming_a_one_page_chapter_is_running() -> None:
    """A running head that names the chapter (``…（案）　第２章　社会経済情勢``) recurs on
    every page of a long chapter, but a chapter one page long prints its variant once:
    it is still the running head (its title part shared with the neighbours')."""
    plan = "南原市第6次総合計画 基本計画（案）"
    pages = [_page(f"{plan}　第１章　計画の策定にあたって", ["本文です"] * 3, f"- {i} -") for i in (1, 2)]
    pages.append(_page(f"{plan}　第２章　本市を取り巻く社会経済情勢", ["本文です"] * 3, "- 3 -"))
    pages += [_page(f"{plan}　第３章　施策の展開", ["本文です"] * 3, f"- {i} -") for i in (4, 5)]
    found = running_lines(pages, [H] * 5, body_size=11.0)
    assert all((p, 0) in found for p in range(5))
    # a line set like the body at the top of a page is text, however it starts
    pages[2] = _page(f"{plan}　第２章　本市を取り巻く社会経済情勢", ["本文です"] * 3, "- 3 -")
    pages[2][0] = Line(f"{plan}　第２章は", 300, 540, 30, 41, 11.0, False)
    assert (2, 0) not in running_lines(pages, [H] * 5, body_size=11.0)


def test_a_label_under_a_heading_opening_every_page_is_text() -> None:
    """Each 施策 starts a page: its heading, then the same label (``【現状と課題】``)
    at the same height, page after page, inside the top band. The heading above
    it (text, not a running line) shows the label is text; the running head
    above both stays running."""
    titles = ["見守り活動の推進", "担い手の育成", "居場所づくり", "相談支援の充実", "情報発信の充実"]
    pages = []
    for n, title in enumerate(titles, 1):
        page = [Line("計画（案）", 300, 540, 20, 28, 8.5, False),
                Line(f"（{n}）{title}", 57, 400, 50, 62, 12.0, True),
                Line("【現状と課題】", 57, 200, 70, 81, 11.0, True)]
        page += [Line(f"本文{n}です", 57, 538, 100 + 20 * i, 111 + 20 * i, 11.0, False) for i in range(3)]
        page.append(Line(f"- {n} -", 288, 308, 806, 815, 9.0, False))
        pages.append(page)
    found = running_lines(pages, [H] * 5, body_size=11.0)
    assert all((p, 0) in found and (p, 6) in found for p in range(5))
    assert not any((p, 2) in found for p in range(5))
    # without the heading above it, the same label at the page's edge is a running head
    bare = [[ln for k, ln in enumerate(page) if k != 1] for page in pages]
    assert all((p, 1) in running_lines(bare, [H] * 5, body_size=11.0) for p in range(5))


def test_a_line_under_a_footer_makes_it_text() -> None:
    """A line repeated at the foot of pages with a body line below it is no footer."""
    pages = []
    for n, last in enumerate(["避難所の運営", "物資の備蓄", "情報の伝達", "施設の耐震化"], 1):
        page = [Line(f"本文{n}です", 57, 538, 100, 111, 11.0, False),
                Line("（注）以下同じ", 57, 300, 760, 771, 11.0, False),
                Line(last, 57, 538, 780, 791, 11.0, False),
                Line(f"- {n} -", 288, 308, 806, 815, 9.0, False)]
        pages.append(page)
    found = running_lines(pages, [H] * 4, body_size=11.0)
    assert all((p, 3) in found and (p, 1) not in found for p in range(4))
