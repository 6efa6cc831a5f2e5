"""Headings told by direct formatting and typed 目次 blocks (blind11: a town's plan
written without any Heading style — every heading a Normal paragraph set bold and
larger by hand, the 目次 typed as 「第４章　施策の展開　……　６」 lines)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from revtool.extract.docx import extract_docx
from revtool.model import BlockKind, Document

BODY = "町は、関係機関と連携し、男女共同参画に関する情報を分かりやすく発信します。"


def headings(doc: Document) -> list[tuple[str, ...]]:
    return [path for path, _ in doc.walk()]


def _plan(tmp_path: Path, lines: list[tuple[str, str]], name: str = "plan.docx") -> Path:
    """A DOCX of Normal paragraphs (or the style named): kind 'b16' is bold 16 pt,
    'b14' bold 14 pt, 'b12' bold 12 pt, 'b' bold at the body's size, 'p' plain
    body text, 'H1'… a Heading style."""
    document = docx.Document()
    for kind, text in lines:
        if kind.startswith("H"):
            document.add_paragraph(text, style=f"Heading {kind[1:]}")
            continue
        run = document.add_paragraph().add_run(text)
        if kind.startswith("b"):
            run.bold = True
            if kind[1:]:
                run.font.size = Pt(int(kind[1:]))
    path = tmp_path / name
    document.save(str(path))
    return path


TOC = [
    ("b22", "第２次みなみ野町男女共同参画プラン"),
    ("b14", "目次"),
    ("p", "第１章　計画の策定にあたって　……　１"),
    ("p", "第２章　施策の展開　……　３"),
    ("p", "基本目標Ⅰ　意識づくり　……　４"),
    ("p", "資料編　……　９"),
]
PLAN = [
    ("b16", "第１章　計画の策定にあたって"),
    ("b14", "１　計画策定の趣旨"), ("p", BODY),
    ("b14", "２　計画策定の背景"),
    ("b12", "（１）国の動き"), ("p", BODY),
    ("b16", "第２章　施策の展開"),
    ("b14", "基本目標Ⅰ　意識づくり"), ("p", BODY),
    ("b", "【現状と課題】"), ("p", BODY),
    ("b12", "施策の方向１　意識啓発の推進"), ("p", BODY),
    ("b", "★（１）広報・啓発活動の充実"), ("p", BODY),
    ("b", "①　広報紙による情報発信"), ("p", BODY), ("p", "担当課：企画課"),
    ("b", "②　ＳＮＳを活用した啓発"), ("p", BODY),
    ("b", "（２）講座の開催"), ("p", BODY),
    ("b16", "資料編"),
    ("b14", "１　用語解説"), ("p", BODY),
]


def test_headings_told_by_bold_and_size_nest_as_the_formatting_says(tmp_path: Path) -> None:
    doc = extract_docx(_plan(tmp_path, TOC + PLAN))
    ch1, ch2 = "第１章　計画の策定にあたって", "第２章　施策の展開"
    goal, direction = "基本目標Ⅰ　意識づくり", "施策の方向１　意識啓発の推進"
    assert headings(doc) == [
        (ch1,), (ch1, "１　計画策定の趣旨"), (ch1, "２　計画策定の背景"), (ch1, "２　計画策定の背景", "（１）国の動き"),
        (ch2,), (ch2, goal), (ch2, goal, direction),
        # ★ (a 重点 measure) stays in the heading; （１） is one level below 施策の方向 (smaller) although
        # （１） sat at level 3 in 第１章
        (ch2, goal, direction, "★（１）広報・啓発活動の充実"), (ch2, goal, direction, "（２）講座の開催"),
        ("資料編",), ("資料編", "１　用語解説"),
    ]
    item = doc.sections[1].children[0].children[0].children[0]
    assert (item.number, item.title) == ("（１）", "広報・啓発活動の充実")
    # ① lines number the items of a list, a bold 【…】 at the body's size is a caption: neither is a section
    assert [(b.kind, b.text) for b in item.blocks[:3]] == [
        (BlockKind.PARAGRAPH, BODY), (BlockKind.LIST, "①　広報紙による情報発信"), (BlockKind.PARAGRAPH, BODY),
    ]
    assert "【現状と課題】" in [b.text for b in doc.sections[1].children[0].blocks]


def test_a_typed_toc_block_is_neither_headings_nor_page_numbers(tmp_path: Path) -> None:
    doc = extract_docx(_plan(tmp_path, TOC + PLAN))
    assert all("……" not in path[-1] for path in headings(doc))
    assert [b.text for b in doc.front] == [
        "第２次みなみ野町男女共同参画プラン", "目次",
        "第１章　計画の策定にあたって", "第２章　施策の展開", "基本目標Ⅰ　意識づくり", "資料編",
    ]
    assert doc.title == "第２次みなみ野町男女共同参画プラン"


def test_leader_lines_without_a_toc_title_need_a_run(tmp_path: Path) -> None:
    # three leader lines in a row are a 目次; one such line in the body is text as written
    lines = [("p", "第１章　総論・・・・・１"), ("p", "第２章　各論・・・・・５"), ("p", "第３章　推進・・・・・９"),
             *PLAN[:3], ("p", "詳しくは別冊を参照……１２")]
    doc = extract_docx(_plan(tmp_path, lines))
    assert [b.text for b in doc.front] == ["第１章　総論", "第２章　各論", "第３章　推進"]
    assert headings(doc)[0] == ("第１章　計画の策定にあたって",)
    assert doc.sections[0].children[0].blocks[-1].text == "詳しくは別冊を参照……１２"


def test_a_typed_toc_in_a_styled_plan_loses_its_page_numbers_only(tmp_path: Path) -> None:
    lines = [("b14", "目次"), ("p", "第１章　総論　……　１"), ("p", "第２章　各論　……　３"),
             ("H1", "第１章　総論"), ("H2", "１　趣旨"), ("p", BODY), ("H1", "第２章　各論"), ("p", BODY)]
    doc = extract_docx(_plan(tmp_path, lines))
    assert headings(doc) == [("第１章　総論",), ("第１章　総論", "１　趣旨"), ("第２章　各論",)]
    assert [b.text for b in doc.front] == ["目次", "第１章　総論", "第２章　各論"]


def test_one_formatting_only_leaves_the_numbering_to_decide(tmp_path: Path) -> None:
    # every heading bold at the body's size: no ladder of formattings, the markers nest as before
    lines = [("b", "第１章　総論"), ("b", "１　趣旨"), ("p", BODY), ("b", "（１）背景"), ("p", BODY),
             ("b", "第２章　各論"), ("p", BODY)]
    doc = extract_docx(_plan(tmp_path, lines))
    assert headings(doc) == [("第１章　総論",), ("第１章　総論", "１　趣旨"), ("第１章　総論", "１　趣旨", "（１）背景"),
                             ("第２章　各論",)]


def test_an_unnumbered_large_line_before_the_first_heading_is_front_matter(tmp_path: Path) -> None:
    # the cover title and a 「はじめに」-like banner set large before 第１章 are not sections
    lines = [("b22", "みなみ野町計画"), ("b16", "町長あいさつ"), ("p", BODY), *PLAN[:6]]
    doc = extract_docx(_plan(tmp_path, lines))
    assert headings(doc)[0] == ("第１章　計画の策定にあたって",)
    assert [b.text for b in doc.front][:2] == ["みなみ野町計画", "町長あいさつ"]
