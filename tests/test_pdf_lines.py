"""Line building and Japanese line joining, on synthetic glyphs (no PDF)."""

from __future__ import annotations

from revtool.extract.pdf_lines import (
    Line,
    LayoutMetrics,
    first_unit,
    group_lines,
    is_distributed,
    join_lines,
    join_wrapped,
    line_text,
    order_columns,
    starts_paragraph,
    stops_short,
    turn_vertical,
    vertical_share,
)
from revtool.extract.pdf_read import Glyph


def glyphs(text: str, x: float = 50.0, top: float = 100.0, size: float = 10.0, gaps: dict[int, float] | None = None,
           bold: bool = False) -> list[Glyph]:
    """Lay ``text`` out left to right: full-width characters one em wide,
    others half an em; ``gaps[i]`` adds space before character ``i``."""
    out: list[Glyph] = []
    for i, ch in enumerate(text):
        x += (gaps or {}).get(i, 0.0)
        w = size if ord(ch) > 0x2000 else size * 0.55
        out.append(Glyph(ch, x, x + w, top, top + size, size, bold))
        x += w
    return out


def line(text: str, x0: float = 50.0, x1: float = 450.0, top: float = 100.0, size: float = 10.0,
         bold: bool = False) -> Line:
    return Line(text, x0, x1, top, top + size, size, bold)


METRICS = LayoutMetrics(left=50.0, right=450.0, pitch=17.0, size=10.0)


# ---------------------------------------------------------------- spacing inside a line


def test_no_space_invented_between_kanji_and_digits() -> None:
    # LibreOffice/Word leave ~0.27 em between 和 and 3: not a space
    g = glyphs("令和3年度", gaps={2: 2.7, 3: 2.7})
    assert line_text(g) == "令和3年度"


def test_space_between_ascii_words_without_space_glyph() -> None:
    g = glyphs("AIOCR", gaps={2: 3.0})
    assert line_text(g) == "AI OCR"


def test_real_spaces_kept_and_not_doubled() -> None:
    assert line_text(glyphs("1. 計画")) == "1. 計画"
    assert line_text(glyphs("第1章\u3000計画")) == "第1章\u3000計画"


def test_em_gap_is_an_ideographic_space() -> None:
    # pdfium sometimes drops the U+3000 glyph and leaves its gap
    g = glyphs("⑤決済", gaps={1: 10.0})
    assert line_text(g) == "⑤\u3000決済"


def test_distributed_line_has_no_spaces() -> None:
    g = glyphs("基本方針", gaps={1: 10.0, 2: 10.0, 3: 10.0})
    assert is_distributed(g)
    assert line_text(g) == "基本方針"
    g = glyphs("区民のDX", gaps={1: 9.0, 2: 9.0, 3: 9.0})  # ASCII run keeps its tight spacing
    assert line_text(g) == "区民のDX"


def test_duplicate_glyphs_from_fake_bold_are_dropped() -> None:
    g = glyphs("計画")
    doubled = [g[0], g[0]._replace(x0=g[0].x0 + 0.3, x1=g[0].x1 + 0.3), g[1]]
    assert line_text(doubled) == "計画"


# ---------------------------------------------------------------- lines


def test_group_lines_by_vertical_centre_and_order() -> None:
    second = glyphs("二行目", top=120)
    first = glyphs("一行目です", top=100)
    lines = group_lines(second + first)
    assert [ln.text for ln in lines] == ["一行目です", "二行目"]
    assert lines[0].x0 == 50.0 and lines[0].size == 10.0


def test_group_lines_cuts_at_wide_gaps() -> None:
    g = glyphs("左の列") + glyphs("右の列", x=300)
    assert [ln.text for ln in group_lines(g)] == ["左の列", "右の列"]


def test_bold_and_size_are_the_majority_of_visible_glyphs() -> None:
    ln = group_lines(glyphs("見出し", size=15, bold=True))[0]
    assert ln.bold and ln.size == 15.0


# ---------------------------------------------------------------- joining


def test_join_wrapped_cjk_has_no_space() -> None:
    assert join_wrapped("情報", "化施策") == "情報化施策"
    assert join_wrapped("デジタル社", "会の実現") == "デジタル社会の実現"


def test_join_wrapped_space_only_between_ascii_alphanumerics() -> None:
    assert join_wrapped("Business Process", "Re-engineering") == "Business Process Re-engineering"
    assert join_wrapped("令和", "16年度") == "令和16年度"
    assert join_wrapped("DX", "推進") == "DX推進"
    assert join_lines(["区は、2021年", "（令和3年）に", "策定した。"]) == "区は、2021年（令和3年）に策定した。"


def test_keep_ideographic_space_inside_lines() -> None:
    assert join_lines(["まち\u3000中野", "を掲げる。"]) == "まち\u3000中野を掲げる。"


# ---------------------------------------------------------------- paragraphs


def test_first_line_indent_starts_a_paragraph() -> None:
    prev = line("…を推進してきた。", x0=50, x1=450, top=100)
    nxt = line("この間、国においては", x0=60, x1=450, top=117)
    assert starts_paragraph(prev, nxt, prev, METRICS, labelled=False)


def test_wrapped_line_continues() -> None:
    first = line("区は、デジタル社", x0=60, x1=450, top=100)
    nxt = line("会の実現に向けて", x0=50, x1=300, top=117)
    assert not starts_paragraph(first, nxt, first, METRICS, labelled=False)


def test_short_line_ending_a_sentence_ends_the_paragraph() -> None:
    prev = line("策定する。", x0=50, x1=120, top=100)
    nxt = line("本計画では、", x0=50, x1=450, top=117)
    assert starts_paragraph(prev, nxt, prev, METRICS, labelled=False)


def test_short_line_broken_by_hand_mid_word_continues() -> None:
    prev = line("対象として取", x0=50, x1=200, top=100)
    assert not starts_paragraph(prev, line("り扱う。", top=117), prev, METRICS, labelled=False)
    # but a title-like line after it is a new paragraph
    assert starts_paragraph(prev, line("電話　03-1234", top=117), prev, METRICS, labelled=False)


def test_vertical_gap_and_style_change_start_paragraphs() -> None:
    prev = line("本文の行", top=100)
    assert starts_paragraph(prev, line("次の段落", top=140), prev, METRICS, labelled=False)
    assert starts_paragraph(prev, line("見出し", top=117, bold=True), prev, METRICS, labelled=False)


def test_hanging_indent_list_item_continues() -> None:
    first = line("・区民の利便性の向上：「行かない」「書かない」", x0=50, x1=450, top=100)
    cont = line("区役所の実現", x0=60, x1=200, top=117)
    assert not starts_paragraph(first, cont, first, METRICS, labelled=True)
    # a list item whose last line stopped short ends there
    short = line("・データの活用", x0=50, x1=150, top=100)
    assert starts_paragraph(short, line("サポーターには", x0=60, top=117), short, METRICS, labelled=True)


def test_kinsoku_short_line_is_not_short() -> None:
    # the next line starts with 境。: two characters would not have fitted
    assert first_unit("境。デジタル") == "境。"
    assert not stops_short(432.0, 450.0, "境。デジタル", 10.0)
    assert stops_short(300.0, 450.0, "境。デジタル", 10.0)
    assert first_unit("8341-3）で") == "8341-3"  # an ASCII word moves as a whole


# ---------------------------------------------------------------- vertical writing


def test_vertical_page_is_turned_into_lines() -> None:
    size = 10.0
    col1 = [Glyph(ch, 500, 510, 100 + i * size, 110 + i * size, size, False) for i, ch in enumerate("わたくし")]
    col2 = [Glyph(ch, 485, 495, 100 + i * size, 110 + i * size, size, False) for i, ch in enumerate("といふ")]
    g = col1 + col2
    assert vertical_share(g) > 0.8
    assert vertical_share(glyphs("横書きの行です")) < 0.2
    lines = group_lines(turn_vertical(g, 600.0))
    assert [ln.text for ln in lines] == ["わたくし", "といふ"]


# ---------------------------------------------------------------- columns


def _col(x0: float, x1: float, n: int, top: float = 100.0, tag: str = "") -> list[Line]:
    return [line(f"{tag}{i}の行です", x0=x0, x1=x1, top=top + 17 * i) for i in range(n)]


def test_two_columns_are_read_left_then_right() -> None:
    title = line("見出しは段をまたぐ", x0=50, x1=540, top=60)
    lines = [title] + sorted(_col(50, 280, 6, tag="左") + _col(310, 540, 6, tag="右"), key=lambda ln: ln.top)
    ordered = order_columns(lines)
    assert [ln.text[0] for ln in ordered] == ["見"] + ["左"] * 6 + ["右"] * 6


def test_unruled_term_list_is_not_taken_for_columns() -> None:
    terms = _col(50, 110, 6, tag="用")
    notes = _col(150, 540, 6, tag="解")
    lines = sorted(terms + notes, key=lambda ln: (ln.top, ln.x0))
    assert order_columns(lines) == lines


def test_superscript_joins_its_line_and_ruby_is_dropped() -> None:
    body = glyphs("計画の注", top=100, size=10.0)
    sup = [Glyph("1", body[-1].x1, body[-1].x1 + 3, 99.0, 104.5, 5.5, False)]
    after = glyphs("を参照する。", x=body[-1].x1 + 3, top=100)
    ruby = [Glyph(ch, 50 + 5 * i, 55 + 5 * i, 95.5, 99.5, 5.0, False) for i, ch in enumerate("けいかく")]
    lines = group_lines(body + sup + after + ruby)
    assert [ln.text for ln in lines] == ["計画の注1を参照する。"]


def test_typed_space_between_kanji_and_digits_is_kept() -> None:
    # 過去 2000年間: a typed space makes the gap half an em; autospace stays a quarter
    g = glyphs("過去2000年間", gaps={2: 5.3, 6: 2.1})
    assert line_text(g) == "過去 2000年間"


def test_autospace_widened_on_both_sides_is_no_space() -> None:
    # Word justifies a line by widening the autospace on both sides of a number alike
    g = glyphs("違約金として1000万円", gaps={6: 4.8, 10: 4.8})
    assert line_text(g) == "違約金として1000万円"


def test_line_size_is_what_most_of_its_length_is_set_in() -> None:
    # いく105。: three small superscript digits do not make the line small
    g = glyphs("いく", size=10.5) + glyphs("105", x=71.0, size=6.0) + glyphs("。", x=81.0, size=10.5)
    (ln,) = group_lines(g)
    assert ln.size == 10.5


def test_gap_after_a_leading_label_is_an_ideographic_space() -> None:
    # ①, a tab, the text: the DOCX reader writes the label's gap as U+3000 too
    assert line_text(glyphs("①研究領域", gaps={1: 9.0})) == "①\u3000研究領域"
    assert line_text(glyphs("●秘密保持", gaps={1: 20.0})) == "●\u3000秘密保持"
    assert line_text(glyphs("①研究領域")) == "①研究領域"


def test_address_wrapped_mid_word_joins_without_space() -> None:
    assert join_wrapped("・\u3000https://www.meti.go.jp/pdf/170607_hb", "tebiki.pdf") == "・\u3000https://www.meti.go.jp/pdf/170607_hbtebiki.pdf"
    assert join_wrapped("see the report", "online") == "see the report online"


def test_is_vertical_stops_early_with_the_same_answer() -> None:
    """``is_vertical`` answers ``vertical_share(g) > share`` on horizontal,
    vertical and mixed pages, also when it stops before the end."""
    import random

    from revtool.extract.pdf_lines import is_vertical

    rng = random.Random(7)
    pages = [glyphs("横書きの行です" * 40, size=10.0)]
    column = [Glyph(ch, 500.0, 510.0, 50.0 + 10 * i, 60.0 + 10 * i, 10.0, False) for i, ch in enumerate("縦書きの列" * 40)]
    pages.append(column)
    for _ in range(300):
        n = rng.randrange(0, 400)
        page = []
        x = y = 50.0
        for _ in range(n):
            if rng.random() < rng.random():
                y += rng.choice([10.0, 11.0, 30.0])
            else:
                x += rng.choice([10.0, 5.5, 40.0])
            page.append(Glyph(rng.choice("あ い"), x, x + 10, y, y + 10, rng.choice([0.5, 9.0, 10.0, 12.0]), False))
        pages.append(page)
    for page in pages:
        for share in (0.0, 0.3, 0.6, 0.9):
            assert is_vertical(page, share) == (vertical_share(page) > share)


def test_group_lines_gives_the_lines_of_the_plain_algorithm() -> None:
    """``group_lines`` gives the same lines as the code before issue 15's
    second round (tests/oracle_pdf_lines.py) on random pages: lines in one
    or two fonts, superscripts, ruby, wide gaps, spaces, fake bold copies,
    distributed headings, zero and equal sizes."""
    import random

    from tests.oracle_pdf_lines import group_lines as plain_group_lines

    rng = random.Random(11)
    for _ in range(400):
        page: list[Glyph] = []
        top = 40.0
        for _ in range(rng.randrange(0, 12)):
            size = rng.choice([10.5, 10.5, 9.0, 14.0, 6.0, 0.0])
            x = rng.choice([50.0, 60.5, 300.0])
            for _ in range(rng.randrange(1, 30)):
                ch = rng.choice("あいう漢字ab1 \u3000・①")
                s = size if rng.random() < 0.8 else rng.choice([size * 0.5, size * 1.2, 10.5])
                shift = rng.choice([0.0, 0.0, 0.0, -0.3 * s, 0.4])  # a superscript, a baseline off by a little
                w = s if ord(ch) > 0x2000 else 0.55 * s
                page.append(Glyph(ch, x, x + w, top + shift, top + shift + s, s, rng.random() < 0.2))
                if rng.random() < 0.05:  # fake bold: the same glyph again, a little to the right
                    page.append(Glyph(ch, x + 0.2, x + w + 0.2, top + shift, top + shift + s, s, True))
                x += w + rng.choice([0.0, 0.0, 0.5, 3.0, 12.0, 40.0])
            top += rng.choice([0.0, 4.0, 12.0, 15.0, 30.0])
        rng.shuffle(page) if rng.random() < 0.3 else None
        assert group_lines(page) == plain_group_lines(page)
