"""An unnumbered heading set larger than the body (基本目標Ⅲ: no number the outline
reads) may be long only because of a parenthesised gloss (「仕事と生活の調和（ワーク・
ライフ・バランス）の実現」): the gloss does not count towards the length that tells a
heading from a line of text.  Small PDFs written by ``benchmarks.plan_pdf``."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line, write_pdf
from revtool.extract.pdf import extract_pdf
from revtool.model import Section

_TEXT = "地域の医療機関と連携し切れ目のない医療提供体制を整えるため研修会を開催します"


def _page(rows: list[tuple[float, str]]) -> list[Line]:
    out: list[Line] = []
    y = TOP
    for size, text in rows:
        y -= size + 6
        out.append(Line(LEFT, y, size, text))
    out.append(Line(PAGE_W / 2 - 15, 40, 9, "－ 1 －"))
    return out


def _outline(sections: tuple[Section, ...], depth: int = 0) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append("  " * depth + s.heading)
        out += _outline(s.children, depth + 1)
    return out


def _tree(tmp_path: Path, big: str) -> list[str]:
    rows = [(16.0, "第１部\u3000計画の基本的な考え方"), (13.5, "１\u3000計画策定の趣旨"), (BODY_SIZE, _TEXT[:38]),
            (BODY_SIZE, "取り組みます。"), (16.0, "第２部\u3000施策の展開"), (13.5, "基本目標Ⅰ\u3000意識の改革"), (12.0, "重点目標１\u3000理解の促進"),
            (BODY_SIZE, _TEXT[:38]), (BODY_SIZE, "取り組みます。"), (13.5, big), (12.0, "重点目標２\u3000働き方改革の推進"),
            (BODY_SIZE, _TEXT[:38]), (BODY_SIZE, "取り組みます。")]
    path = tmp_path / "plan.pdf"
    write_pdf([_page(rows)], path)
    return _outline(extract_pdf(path, workers=1).sections)


def test_a_long_heading_with_a_gloss_is_a_heading(tmp_path: Path) -> None:
    big = "基本目標Ⅲ\u3000仕事と生活の調和（ワーク・ライフ・バランス）の実現"  # 32 characters, 17 without the gloss
    assert _tree(tmp_path, big) == [
        "第１部\u3000計画の基本的な考え方", "  １\u3000計画策定の趣旨", "第２部\u3000施策の展開", "  基本目標Ⅰ\u3000意識の改革", "    重点目標１\u3000理解の促進",
        f"  {big}", "    重点目標２\u3000働き方改革の推進"]


def test_a_long_larger_line_without_a_gloss_is_not_a_heading(tmp_path: Path) -> None:
    big = "仕事と生活の調和の実現に向けた取組を県内の全ての事業所と連携しながら進めていく"  # 38 characters
    assert f"  {big}" not in _tree(tmp_path, big)
