"""Headings typed by hand one step below the styled outline (issue 11, blind2
K13): a ministry plan styles 第１部/第１章/第１節/１． and types 「（１）…」 as a
bold Normal paragraph.  Such a line is a heading only when it is bold as a
whole, numbered one step further down the official ladder than the styled
heading above it, short, not a sentence, and followed by body text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from revtool.extract.docx import extract_docx
from revtool.extract.outline import ladder_rank
from revtool.model import BlockKind, Document


def headings(doc: Document) -> list[tuple[str, ...]]:
    return [path for path, _ in doc.walk()]


def _plan(tmp_path: Path, body: list[tuple[str, str]]) -> Path:
    """A DOCX from (style, text) lines; style 'B' is a Normal paragraph typed
    bold as a whole, 'b' one whose marker only is bold."""
    document = docx.Document()
    for style, text in body:
        if style == "B":
            document.add_paragraph().add_run(text).bold = True
        elif style == "b":
            p = document.add_paragraph()
            p.add_run(text[:3]).bold = True
            p.add_run(text[3:])
        else:
            document.add_paragraph(text, style=style)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return path


BODY = "　国は、地域の学習活動に関する調査研究を実施し、その成果を広く提供する。"
STYLED = [("Heading 1", "第１章　学びの機会の充実"), ("Heading 2", "第１節　学び直しの推進"), ("Heading 3", "１．資格取得の支援")]


def test_bold_paren_line_under_a_styled_decimal_is_a_heading(tmp_path: Path) -> None:
    doc = extract_docx(_plan(tmp_path, [
        *STYLED, ("Normal", BODY),
        ("B", "（１）学び直しの強化"), ("Normal", BODY),
        ("B", "（２）大学開放の確保"), ("Normal", BODY),
        ("Heading 3", "２．公開講座の整備"), ("Normal", BODY),
    ]))
    chapter, section = "第１章　学びの機会の充実", "第１節　学び直しの推進"
    assert headings(doc) == [
        (chapter,), (chapter, section), (chapter, section, "１．資格取得の支援"),
        (chapter, section, "１．資格取得の支援", "（１）学び直しの強化"),
        (chapter, section, "１．資格取得の支援", "（２）大学開放の確保"),
        (chapter, section, "２．公開講座の整備"),
    ]
    first = doc.sections[0].children[0].children[0]
    assert [b.text for b in first.children[0].blocks] == [BODY.strip()]
    assert [b.text for b in first.blocks] == [BODY.strip()]  # the body before （１） stays on １．


@pytest.mark.parametrize("lines, why", [
    ([("B", "（１）～（３）の取組を一体的に推進する。"), ("Normal", BODY)], "a bold sentence"),
    ([("B", "（１）学び直しの強化"), ("B", "（２）大学開放の確保"), ("Normal", BODY)], "a run of bold lines is a list"),
    ([("Normal", "（１）学び直しの強化"), ("Normal", BODY)], "not bold"),
    ([("b", "（１）学び直しの強化"), ("Normal", BODY)], "only the marker is bold"),
    ([("B", "①学び直しの強化"), ("Normal", BODY)], "① numbers list items"),
    ([("B", "（１）学び直しの強化"), ("Heading 3", "２．公開講座の整備")], "no body text follows"),
    ([("B", "（１）" + "学び直しの強化と大学開放の確保を一体として推進するための全国的な体制の構築と専門的な人材の育成"), ("Normal", BODY)],
     "too long for a heading"),
])
def test_bold_lines_that_are_not_headings_stay_in_the_body(tmp_path: Path, lines: list[tuple[str, str]], why: str) -> None:
    doc = extract_docx(_plan(tmp_path, [*STYLED, ("Normal", BODY), *lines]))
    assert [path[-1] for path in headings(doc)][:3] == [h for _, h in STYLED], why
    assert all(path[-1][:3] != "（１）" and path[-1][:3] != "（２）" and path[-1][:1] != "①" for path in headings(doc)), why


def test_a_bold_line_of_a_styled_level_is_not_a_second_heading_scheme(tmp_path: Path) -> None:
    """A bold 「２．…」 where the styles already number １． is emphasis in the
    body (the styled ladder step is taken), as is a bold 「（１）」 directly
    under a styled heading deeper on the ladder than it."""
    doc = extract_docx(_plan(tmp_path, [
        *STYLED, ("Normal", BODY), ("B", "２．重点的に取り組む事項"), ("Normal", BODY),
        ("Heading 4", "（１）学び直しの強化"), ("Normal", BODY), ("B", "１．特に留意する点"), ("Normal", BODY),
    ]))
    assert [path[-1] for path in headings(doc)] == [
        "第１章　学びの機会の充実", "第１節　学び直しの推進", "１．資格取得の支援", "（１）学び直しの強化"]
    leaf = doc.sections[0].children[0].children[0]
    assert [b.kind for b in leaf.blocks] == [BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.PARAGRAPH]


def test_ladder_orders_the_official_numbering() -> None:
    ranks = [ladder_rank(k) for k in ("part", "chapter", "section", "decimal", "paren", "katakana", "paren_katakana")]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert ladder_rank("circled") is None and ladder_rank("shisaku") is None
