"""Paragraphs over page breaks and numbers inside sentences, on small PDFs
written by ``benchmarks.plan_pdf`` (no LibreOffice, no font file): the PDF
of a Word file must give the paragraphs the DOCX gives (issue 12)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line, write_pdf
from revtool.extract.pdf import extract_pdf
from revtool.model import Block, BlockKind

WIDTH = 40  # characters on a full line
INDENT = LEFT + BODY_SIZE  # 字下げ: one em
PITCH = BODY_SIZE + 6


_KANJI = "環境経済社会統合向上地域循環共生取組推進施策展開計画目標指標評価保全資源気候変動適応緩和生物多様性自然資本投資技術開発実証普及"


def _filler(n: int, seed: int) -> str:
    """``n`` characters of Japanese, different for every seed; no sentence
    end, no number."""
    out = []
    k = seed * 7919 + 17
    for _ in range(n):
        k = (k * 1103515245 + 12345) % 2**31
        out.append(_KANJI[k % len(_KANJI)])
    return "".join(out)


def _paragraph(seed: int, lines: int = 3) -> list[tuple[float, str]]:
    """An indented paragraph: full lines, the last one short and ending in 。"""
    rows = [(INDENT, _filler(WIDTH - 1, seed))]
    rows += [(LEFT, _filler(WIDTH, seed + i)) for i in range(1, lines - 1)]
    rows.append((LEFT, _filler(12, seed + 7) + "。"))
    return rows


def _page(rows: list[tuple[float, str]], number: int) -> list[Line]:
    out = [Line(x, TOP - i * PITCH, BODY_SIZE, text) for i, (x, text) in enumerate(rows)]
    out.append(Line(PAGE_W / 2 - 15, 40, 9, f"- {number} -"))
    return out


def _write(tmp_path: Path, pages: list[list[tuple[float, str]]]) -> list[Block]:
    path = tmp_path / "plan.pdf"
    write_pdf([_page(rows, i + 1) for i, rows in enumerate(pages)], path)
    doc = extract_pdf(path, workers=1)
    return [*doc.front, *(b for _, s in doc.walk() for b in s.blocks)]


def _body(seeds: range) -> list[tuple[float, str]]:
    return [row for s in seeds for row in _paragraph(s)]


def test_page_break_inside_a_paragraph_of_an_indented_document(tmp_path: Path) -> None:
    """Word put a page break inside a paragraph: page 1 ends with a sentence,
    page 2 goes on at the left edge (not indented: no paragraph start)."""
    before = _body(range(0, 5))
    tail = [(INDENT, _filler(WIDTH - 1, 40)), (LEFT, _filler(10, 41) + "。")]  # ends a sentence, short
    after = [(LEFT, _filler(WIDTH, 42)), (LEFT, _filler(8, 43) + "。")]  # the same paragraph goes on
    new = _body(range(50, 55))  # then indented paragraphs again
    blocks = _write(tmp_path, [before + tail, after + new])
    joined = [b for b in blocks if b.text.startswith(_filler(WIDTH - 1, 40))]
    assert len(joined) == 1
    (b,) = joined
    assert b.text.endswith(_filler(8, 43) + "。")
    assert b.pages is not None and (b.pages.first, b.pages.last) == (1, 2)
    # where page 2 starts inside the block's text
    assert b.page_breaks == (b.text.index(_filler(WIDTH, 42)),)
    # a paragraph that starts indented at the top of a page is its own
    assert any(x.text.startswith(_filler(WIDTH - 1, 50)) and x.pages and x.pages.first == 2 for x in blocks)
    assert len([x for x in blocks if x.kind is BlockKind.PARAGRAPH]) == 5 + 1 + 5


def test_indented_start_on_the_next_page_is_a_new_paragraph(tmp_path: Path) -> None:
    before = _body(range(0, 5))
    tail = [(INDENT, _filler(WIDTH - 1, 40)), (LEFT, _filler(10, 41) + "。")]
    after = [(INDENT, _filler(WIDTH - 1, 42)), (LEFT, _filler(8, 43) + "。")]
    blocks = _write(tmp_path, [before + tail, after + _body(range(50, 54))])
    ends = [b for b in blocks if b.text.endswith(_filler(10, 41) + "。")]
    assert len(ends) == 1 and ends[0].pages is not None and ends[0].pages.last == 1


def test_a_number_that_goes_on_with_a_sentence_is_no_list_label(tmp_path: Path) -> None:
    """``100 年当たり`` after a full line cut mid-sentence, and ``2019 年に`` at
    the start of a paragraph: text, not list items numbered 100 and 2019."""
    cut = [
        (INDENT, _filler(WIDTH - 1, 60)),
        (LEFT, _filler(WIDTH, 61)),
        (LEFT, "100 年当たり" + _filler(20, 62) + "。"),
        (INDENT, "2019 年に公表された" + _filler(WIDTH - 12, 63)),
        (LEFT, _filler(14, 64) + "。"),
    ]
    blocks = _write(tmp_path, [_body(range(0, 4)) + cut + _body(range(70, 73))])
    hundred = [b for b in blocks if "100 年当たり" in b.text]
    assert len(hundred) == 1 and hundred[0].text.startswith(_filler(WIDTH - 1, 60))
    assert hundred[0].kind is BlockKind.PARAGRAPH and hundred[0].label == ""
    year = [b for b in blocks if b.text.startswith("2019 年に公表された")]
    assert len(year) == 1 and year[0].label == "" and year[0].kind is BlockKind.PARAGRAPH


def test_a_list_item_goes_on_over_the_page_at_its_wrapped_lines(tmp_path: Path) -> None:
    """A bulleted item whose lines wrap back to the margin, cut by a forced page
    break mid-sentence: the next page's line at the margin is the same item,
    even when it starts with ・ (inline bullets in the sentence)."""
    item = [
        (INDENT, "・" + _filler(WIDTH - 2, 80)),
        (LEFT, _filler(WIDTH, 81)),
        (LEFT, _filler(15, 82)),  # cut short by the page break, no sentence end
    ]
    rest = [(LEFT, "・" + _filler(20, 83) + "の推進"), (INDENT, "・" + _filler(10, 84))]
    blocks = _write(tmp_path, [_body(range(0, 5)) + item, rest + _body(range(90, 94))])
    items = [b for b in blocks if b.kind is BlockKind.LIST]
    assert [b.label for b in items] == ["・", "・"]
    assert items[0].text.endswith(_filler(20, 83) + "の推進")
    assert items[0].pages is not None and (items[0].pages.first, items[0].pages.last) == (1, 2)
    assert items[1].text == "・" + _filler(10, 84)


def test_a_wrapped_table_of_contents_entry_is_one_entry(tmp_path: Path) -> None:
    toc = [
        (LEFT, "目次"),
        (LEFT, "1 はじめに" + "." * (WIDTH - 8) + "1"),
        (LEFT, "2 " + _filler(WIDTH - 2, 100)),  # fills the line, no leader
        (LEFT, "の実現" + "." * (WIDTH - 6) + "2"),
        (LEFT, "3 おわりに" + "..." + "9"),  # a leader of three dots
    ]
    blocks = _write(tmp_path, [toc, _body(range(0, 5))])
    texts = [b.text for b in blocks]
    assert "1 はじめに" in texts
    assert "2 " + _filler(WIDTH - 2, 100) + "の実現" in texts
    assert "3 おわりに" in texts
    assert not any(t.startswith("の実現") for t in texts)


def test_a_short_line_at_the_left_edge_after_a_sentence_is_not_joined(tmp_path: Path) -> None:
    """A caption or a source line at the top of the next page is no running text."""
    before = _body(range(0, 5))
    tail = [(INDENT, _filler(WIDTH - 1, 40)), (LEFT, _filler(10, 41) + "。")]
    after = [(LEFT, "図表" + _filler(8, 42))]
    blocks = _write(tmp_path, [before + tail, after + _body(range(50, 54))])
    ends = [b for b in blocks if b.text.endswith(_filler(10, 41) + "。")]
    assert len(ends) == 1 and ends[0].pages is not None and (ends[0].pages.first, ends[0].pages.last) == (1, 1)
    assert any(b.text == "図表" + _filler(8, 42) for b in blocks)


def test_a_reference_inside_an_item_wrapped_to_the_margin_is_no_new_item(tmp_path: Path) -> None:
    """``②…`` indented like a paragraph, its lines back at the margin; a line
    there that goes on with the cut sentence with ``第６条（…）、`` is the same item."""
    item = [
        (INDENT, "②" + _filler(WIDTH - 2, 110)),
        (LEFT, _filler(WIDTH, 111)),
        (LEFT, "第６条（市場メカニズム）、" + _filler(10, 112) + "。"),
        (INDENT, "③" + _filler(12, 113) + "。"),
    ]
    blocks = _write(tmp_path, [_body(range(0, 4)) + item + _body(range(120, 123))])
    items = [b for b in blocks if b.kind is BlockKind.LIST]
    assert [b.label for b in items] == ["②", "③"]
    assert items[0].text.endswith("第６条（市場メカニズム）、" + _filler(10, 112) + "。")
