"""Headings set in the body's own size and weight, told by their numbering
alone (a prefecture's plan: 「１　現状と課題」「（１）がん検診の充実」 look like
the text, only 第N章/第N節 are set larger), on small PDFs written by
``benchmarks.plan_pdf`` (no LibreOffice, no font file)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line, write_pdf
from revtool.extract.pdf import extract_pdf
from revtool.model import BlockKind, Section

PITCH = BODY_SIZE + 6
_TEXT = "地域の医療機関と連携し切れ目のない医療提供体制を整えるため研修会を開催します"  # 38 characters


def _rows(rows: list[tuple[float, float, str]]) -> list[Line]:
    out: list[Line] = []
    y = TOP
    for x, size, text in rows:
        y -= size + 6
        out.append(Line(x, y, size, text))
    out.append(Line(PAGE_W / 2 - 15, 40, 9, "－ 1 －"))
    return out


def _item(label: str, n: int) -> list[tuple[float, float, str]]:
    """A paragraph numbered ア/イ at the margin: two full lines and a short one."""
    return [(LEFT, BODY_SIZE, f"{label}\u3000{_TEXT[:38]}"), (LEFT, BODY_SIZE, _TEXT[n:n + 40] + _TEXT[:n]),
            (LEFT, BODY_SIZE, "支援します。")]


def _para() -> list[tuple[float, float, str]]:
    return [(LEFT + BODY_SIZE, BODY_SIZE, _TEXT[:39]), (LEFT, BODY_SIZE, _TEXT), (LEFT, BODY_SIZE, "取り組みます。")]


def _tree(tmp_path: Path, rows: list[tuple[float, float, str]]) -> tuple[Section, ...]:
    path = tmp_path / "plan.pdf"
    write_pdf([_rows(rows)], path)
    return extract_pdf(path, workers=1).sections


def _outline(sections: tuple[Section, ...], depth: int = 0) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append("  " * depth + s.heading)
        out += _outline(s.children, depth + 1)
    return out


def test_numbered_lines_in_the_body_style_nest_below_the_larger_headings(tmp_path: Path) -> None:
    rows = [(LEFT, 14.0, "第１章\u3000計画の基本的事項"), (LEFT, 12.0, "１\u3000計画策定の趣旨"), *_para(),
            (LEFT, 14.0, "第２章\u3000疾病ごとの医療"), (LEFT, 12.0, "第１節\u3000がん"),
            (LEFT, BODY_SIZE, "１\u3000現状と課題"), (LEFT, BODY_SIZE, "（１）がん検診"), *_item("ア", 3),
            *_item("イ", 5), (LEFT, BODY_SIZE, "２\u3000施策の方向"), (LEFT, BODY_SIZE, "（１）緩和ケアの充実"),
            *_item("ア", 7)]
    sections = _tree(tmp_path, rows)
    assert _outline(sections) == [
        "第１章\u3000計画の基本的事項", "  １\u3000計画策定の趣旨",
        "第２章\u3000疾病ごとの医療", "  第１節\u3000がん",
        "    １\u3000現状と課題", "      （１）がん検診",
        "    ２\u3000施策の方向", "      （１）緩和ケアの充実",
    ]
    cancer = sections[1].children[0].children[0].children[0]
    assert [b.label for b in cancer.blocks if b.label] == ["ア", "イ"]  # ア paragraphs stay body text
    assert cancer.title == "がん検診" and cancer.number == "（１）"


def test_two_numbered_lines_in_a_row_are_a_short_list(tmp_path: Path) -> None:
    rows = [(LEFT, 14.0, "第１章\u3000計画の基本的事項"), (LEFT, 12.0, "１\u3000対象となる方"), *_para(),
            (LEFT, BODY_SIZE, "（１）高齢者"), (LEFT, BODY_SIZE, "（２）障害のある方"), *_para()]
    sections = _tree(tmp_path, rows)
    assert _outline(sections) == ["第１章\u3000計画の基本的事項", "  １\u3000対象となる方"]
    blocks = sections[0].children[0].blocks
    assert [(b.kind, b.label) for b in blocks[1:3]] == [(BlockKind.LIST, "（１）"), (BlockKind.LIST, "（２）")]


def test_a_full_numbered_line_is_an_item_not_a_heading(tmp_path: Path) -> None:
    rows = [(LEFT, 14.0, "第１章\u3000計画の基本的事項"), (LEFT, 12.0, "１\u3000計画策定の趣旨"), *_para(),
            (LEFT, BODY_SIZE, "（１）" + _TEXT[:37]), (LEFT, BODY_SIZE, "（２）" + _TEXT[1:38]), *_para()]
    sections = _tree(tmp_path, rows)
    assert _outline(sections) == ["第１章\u3000計画の基本的事項", "  １\u3000計画策定の趣旨"]


def _pages(pages: list[list[tuple[float, float, str]]]) -> list[list[Line]]:
    out = []
    for n, rows in enumerate(pages, 1):
        page = _rows(rows)
        page[-1] = Line(PAGE_W / 2 - 15, 40, 9, f"－ {n} －")
        out.append(page)
    return out


def test_an_ornamented_line_set_larger_than_the_body_is_a_heading(tmp_path: Path) -> None:
    # ■ 目指す姿 / ■ 現状と課題 set half a point above the body: unnumbered headings under the 施策
    # (the one left at the foot of a page heads the text overleaf, never joins it); ・ items stay items
    big = BODY_SIZE + 0.5
    first = [(LEFT, 14.0, "第３章\u3000施策の展開"), (LEFT, 12.0, "施策１\u3000保育サービスの充実"),
             (LEFT, big, "■ 目指す姿"), *_para(), (LEFT, BODY_SIZE, "・" + _TEXT[:30])]
    first += [(LEFT, BODY_SIZE, _TEXT)] * 34 + [(LEFT, big, "■ 現状と課題")]
    second = [(LEFT, BODY_SIZE, _TEXT[:39]), (LEFT, BODY_SIZE, "取り組みます。"), (LEFT, big, "■ 主な取組"), *_para()]
    path = tmp_path / "plan.pdf"
    write_pdf(_pages([first, second]), path)
    sections = extract_pdf(path, workers=1).sections
    assert _outline(sections) == ["第３章\u3000施策の展開", "  施策１\u3000保育サービスの充実",
                                  "    目指す姿", "    現状と課題", "    主な取組"]
    goal, issue = sections[0].children[0].children[:2]
    assert any(b.label == "・" for b in goal.blocks)
    assert issue.blocks[0].text.startswith(_TEXT[:39]) and issue.pages is not None and issue.pages.first == 1


def test_an_ornamented_line_in_the_body_size_is_an_item(tmp_path: Path) -> None:
    rows = [(LEFT, 14.0, "第３章\u3000施策の展開"), (LEFT, 12.0, "施策１\u3000保育サービスの充実"),
            (LEFT, BODY_SIZE, "■ 目指す姿"), *_para()]
    sections = _tree(tmp_path, rows)
    assert _outline(sections) == ["第３章\u3000施策の展開", "  施策１\u3000保育サービスの充実"]
    assert sections[0].children[0].blocks[0].label == "■"
