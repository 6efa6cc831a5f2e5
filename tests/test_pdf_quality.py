"""Unreadable-page checks on synthetic pages."""

from __future__ import annotations

from revtool.extract.pdf_quality import mojibake_count, page_problem
from revtool.extract.pdf_read import Glyph, RawPage, is_bad_codepoint, is_bold_font


def page(text: str, bad: int = 0, image_cover: float = 0.0) -> RawPage:
    glyphs = tuple(Glyph(ch, i * 10.0, i * 10.0 + 10, 100, 110, 10.0, False) for i, ch in enumerate(text))
    return RawPage(0, 595, 842, glyphs, (), image_cover, bad, "")


def test_readable_page() -> None:
    assert page_problem(page("区は、令和3年度から計画を推進してきた。™は商標です")) == ""


def test_unmapped_glyphs() -> None:
    assert "対応表" in page_problem(page("計画" * 20, bad=40))
    assert page_problem(page("計画" * 200, bad=2)) == ""  # a few are tolerated


def test_cp1252_mojibake_in_japanese() -> None:
    text = "平成™—年›月™œ日金曜日官報第›Ÿ˜号"
    assert mojibake_count(text) >= 3
    assert "文字化け" in page_problem(page(text * 3))


def test_image_only_page() -> None:
    assert "画像" in page_problem(page("", image_cover=0.95))
    assert page_problem(page("", image_cover=0.0)) == ""  # a blank page is not an error


def test_codepoints_and_fonts() -> None:
    assert is_bad_codepoint(0xE000) and is_bad_codepoint(0xFFFD) and is_bad_codepoint(0x01)
    assert not is_bad_codepoint(ord("あ")) and not is_bad_codepoint(0x3000)
    assert is_bold_font("BAAAAA+NotoSansCJKjp-Bold-VKana") and is_bold_font("HGGothicE-W7")
    assert not is_bold_font("NotoSerifCJKjp-Regular")


def test_control_count_is_the_unicode_categories_on_every_code_point() -> None:
    import sys
    import unicodedata

    from revtool.extract.pdf_quality import control_count

    text = "".join(chr(cp) for cp in range(sys.maxunicode + 1))
    expected = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cs") and c not in "\t\n\r")
    assert control_count(text) == expected > 137_000


def test_visible_count_leaves_out_every_kind_of_blank() -> None:
    from revtool.extract.pdf_quality import visible_count
    from revtool.extract.pdf_read import Glyph

    text = "あ い\u3000う\u00a0え\tお\u2003か\x1cき"
    glyphs = [Glyph(c, 0.0, 1.0, 0.0, 1.0, 10.0, False) for c in text]
    assert visible_count(glyphs) == sum(1 for c in text if not c.isspace()) == 7


def test_blank_pattern_is_str_isspace_on_every_code_point() -> None:
    """``visible_count`` counts blanks with ``\\s``: the same characters as
    ``str.isspace`` (checked on every code point)."""
    from revtool.extract.pdf_quality import _BLANK

    assert all(bool(_BLANK.match(chr(c))) == chr(c).isspace() for c in range(0x110000))
