"""DOCX extraction: our own run walker, numbering, styles, tables, corpus.

Fixtures are made by tests/fixtures/docx/make_fixtures.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.errors import InputFileError
from revtool.extract import extract
from revtool.extract.docx import extract_docx
from revtool.extract.docx_numbering import format_number
from revtool.model import BlockKind, Document, Section

DOCX = Path(__file__).resolve().parent / "fixtures" / "docx"


def texts(section: Section) -> list[str]:
    return [b.text for b in section.blocks]


def headings(doc: Document) -> list[tuple[str, ...]]:
    return [path for path, _ in doc.walk()]


# ---------------------------------------------------------------- tracked changes


def test_tracked_changes_accepted_view() -> None:
    doc = extract_docx(DOCX / "tracked_changes.docx")
    chapter = doc.sections[0]
    assert texts(chapter) == [
        "本計画は令和8年度に改定する。",
        "前半の文、後半の文。",  # deleted paragraph mark: the two paragraphs run on
        "区民の声を反映する。",  # moved here (moveTo), gone from its old place
        "新たに追加した段落。",
    ]
    assert headings(doc) == [("第1章　計画の概要",), ("第1章　計画の概要", "1. 推進体制")]
    table = chapter.children[0].blocks[1].table
    assert table is not None
    assert table.texts() == (("指標", "目標値"), ("電子申請", "500手続"))


def test_tracked_changes_original_view() -> None:
    doc = extract_docx(DOCX / "tracked_changes.docx", original=True)
    chapter = doc.sections[0]
    # the heading style was added by a tracked change: before it, body text
    assert headings(doc) == [("第1章　計画の概要",)]
    assert texts(chapter)[:4] == ["本計画は令和7年度に改定する。", "区民の声を反映する。", "前半の文、", "後半の文。"]
    assert "新たに追加した段落。" not in chapter.own_text()
    assert chapter.blocks[4].kind == BlockKind.LIST and chapter.blocks[4].text == "1. 推進体制"
    table = chapter.blocks[-1].table
    assert table is not None and table.texts()[1] == ("電子申請", "300手続")


def test_tracked_changes_are_reported() -> None:
    accepted = extract_docx(DOCX / "tracked_changes.docx")
    assert any("変更履歴が残っています" in w and "--original" in w for w in accepted.warnings)
    original = extract_docx(DOCX / "tracked_changes.docx", original=True)
    assert any("変更を反映する前" in w for w in original.warnings)
    assert all("tracked_changes.docx" in w for w in accepted.warnings + original.warnings)


def test_title_from_core_properties() -> None:
    assert extract_docx(DOCX / "tracked_changes.docx").title == "変更履歴のテスト"


# ---------------------------------------------------------------- runs


def test_inline_content_is_read_as_displayed() -> None:
    doc = extract_docx(DOCX / "inline_content.docx")
    body = doc.sections[0].blocks
    assert [b.text for b in body] == [
        "中野区は、令和7年10月に中野区DX推進計画を策定した。",  # ruby base, smart tag, sdt
        "詳しくは図表1-1及び図表1-2を参照。",  # field results, no instructions, no hidden text
        "本文の段落。",
        "コラム：区民の声",  # the text box, once (mc:Fallback skipped)
        "コンテンツ コントロール内の段落。",  # block-level sdt
        "項目\t内容\n次の行",
        "•記号つきの行",  # Symbol-font bullet
        "マイナンバーカードの交付率は向上した。ここに意見がある。",
        "2025年3月末時点。",
        "壊れたフィールドの前",
        "最後の段落。",
        "指標\t現状値\n交付率\t78.5%",
        "住民基本台帳人口に対する割合。",  # a footnote cited in a table cell follows the table
    ]
    assert body[-1].label == "注2"
    assert body[6].kind == BlockKind.LIST and body[6].label == "•"
    assert body[8].label == "注1"
    assert all(b.pages is None for b in body)
    # the Word comment and the hidden text are not plan text: left out, counted, named once
    assert dict(doc.left_out) == {"word_comments": 1, "hidden_text_runs": 1}
    (warning,) = [w for w in doc.warnings if "コメント" in w]
    assert "Word のコメント 1 件" in warning and "隠し文字 1 か所" in warning and "--include-comments" in warning


def test_word_comments_only_when_asked() -> None:
    doc = extract_docx(DOCX / "inline_content.docx", include_comments=True)
    body = doc.sections[0].blocks
    assert (body[8].label, body[9].label, body[9].text) == ("注1", "コメント", "出典を確認すること。")
    assert dict(doc.left_out) == {"hidden_text_runs": 1}
    assert any("指定どおり" in w for w in doc.warnings)


# ---------------------------------------------------------------- numbering and styles


def test_numbering_and_japanese_style_names() -> None:
    doc = extract_docx(DOCX / "numbering_formats.docx")
    assert headings(doc) == [
        ("第１章 計画の基本的な考え方",),
        ("第１章 計画の基本的な考え方", "（１）計画策定の趣旨"),
        ("第１章 計画の基本的な考え方", "（２）計画期間"),
        ("第１章 計画の基本的な考え方", "① 取組の柱"),
        ("第１章 計画の基本的な考え方", "② 取組の内容"),
        ("第１章 計画の基本的な考え方", "② 取組の内容", "詳細"),  # 「見出し３」 by name
        ("第２章 計画策定の背景",),
        ("第２章 計画策定の背景", "（１）国の動向"),  # counter reset under a new chapter
        ("第２章 計画策定の背景", "（１）国の動向", "補足"),  # 見出し 4 based on a body-text style
    ]
    first = doc.sections[0]
    assert (first.number, first.title, first.marker, first.level) == ("第１章", "計画の基本的な考え方", "chapter", 1)
    lists = first.children[0].blocks
    assert [(b.kind, b.label) for b in lists] == [
        (BlockKind.LIST, "一、"),
        (BlockKind.LIST, "(イ)"),
        (BlockKind.LIST, "(ロ)"),
        (BlockKind.LIST, "A."),
        (BlockKind.LIST, "i)"),
        (BlockKind.LIST, "二、"),
        (BlockKind.LIST, "(イ)"),  # deeper level restarts after 二、
        (BlockKind.LIST, "•"),
        (BlockKind.LIST, "ｱ"),
        (BlockKind.LIST, "二.1"),
    ]
    assert lists[0].text == "一、区の責務"
    assert lists[3].text == "A. 大学の役割"
    # outlineLvl 9 in the style: body text even though the style is after a heading
    assert texts(first.children[3].children[0]) == ["見出しスタイルだが本文扱い"]
    later = doc.sections[1].children[0].blocks
    assert [b.text for b in later] == [
        "五、改めて始まる番号",  # startOverride: its own counter
        "三、共有される番号",  # same abstractNum, no override: continues 一、二、
        "１-上書きされた書式",  # lvlOverride with its own lvl
        "番号を外した段落",  # numId 0
    ]
    # the table of contents stays in the front matter, never a heading
    assert [b.text for b in doc.front] == ["目次", "第１章 計画の基本的な考え方"]  # page number dropped


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (3, "decimal", "3"),
        (12, "decimalFullWidth", "１２"),
        (4, "decimalEnclosedCircle", "④"),
        (2, "decimalEnclosedParen", "⑵"),
        (1, "japaneseCounting", "一"),
        (10, "japaneseCounting", "十"),
        (21, "japaneseCounting", "二十一"),
        (105, "japaneseCounting", "百五"),
        (2025, "japaneseDigitalTenThousand", "二〇二五"),
        (3, "aiueoFullWidth", "ウ"),
        (3, "aiueo", "ｳ"),
        (3, "irohaFullWidth", "ハ"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (9, "upperRoman", "IX"),
        (2, "ideographTraditional", "乙"),
        (5, "none", ""),
    ],
)
def test_format_number(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


# ---------------------------------------------------------------- tables


def test_merged_cells_and_header_rows() -> None:
    doc = extract_docx(DOCX / "merged_table.docx")
    blocks = doc.sections[0].blocks
    table = blocks[0].table
    assert blocks[0].kind == BlockKind.TABLE and table is not None
    assert table.header_rows == 2
    assert table.texts() == (
        ("指標", "目標値", "目標値"),
        ("指標", "2026年度", "2030年度"),
        ("電子申請の件数", "3万件", "5万件"),
        ("電子申請の件数", "（参考）", "（参考）"),
        ("オンライン手続数", "合計\n内訳A\t10\n内訳B\t20", "400"),
        ("", "備考", ""),
        ("合計", "8万件", "8万件"),  # legacy hMerge
    )
    assert table.rows[6][2].merged
    assert [c.merged for c in table.rows[0]] == [False, False, True]
    assert [c.merged for c in table.rows[1]] == [True, False, False]
    assert table.rows[3][0].merged
    assert blocks[0].text == table.as_text()
    # a one-cell table is a frame: its paragraphs are read as blocks
    assert [(b.kind, b.label, b.text) for b in blocks[1:4]] == [
        (BlockKind.LIST, "■", "■ 計画策定の視点"),
        (BlockKind.LIST, "・", "・区民の利便性の向上"),
        (BlockKind.PARAGRAPH, "", "表の後の段落。"),
    ]
    # a table split by hand with its header repeated is one table; a different one stays apart
    glossary, history = blocks[4].table, blocks[5].table
    assert len(blocks) == 6 and glossary is not None and history is not None
    assert glossary.texts() == (("用語", "解説"), ("AI-OCR", "文字を読み取る技術。"), ("RPA", "定型作業の自動化。"))
    assert history.texts() == (("年度", "経過"), ("2025", "素案の公表"))


# ---------------------------------------------------------------- markers only


def test_headings_from_markers_when_no_heading_styles() -> None:
    doc = extract_docx(DOCX / "plain_markers.docx")
    assert doc.title == "中野区地域計画（素案）"
    assert [b.text for b in doc.front] == ["中野区地域計画（素案）", "目次", "第1章　総則"]
    assert headings(doc) == [
        ("第1章　総則",),
        ("第1章　総則", "1. 目的"),
        ("第1章　総則", "1. 目的", "（1）背景"),
        ("第1章　総則", "1. 目的", "（3）整備"),  # bold from the character style 「Strong」
        ("第1章　総則", "2. 期間"),
        ("第2章　施策",),
        ("第2章　施策", "施策1　見守り"),
        ("第2章　施策", "施策1　見守り", "①　見守りネットワーク"),
    ]
    purpose = doc.sections[0].children[0]
    # a numbered sentence stays in the body as a list item
    assert [(b.kind, b.label) for b in purpose.blocks] == [
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.LIST, "1."),
    ]
    assert purpose.blocks[1].text == "職員数\t120"  # after the first heading: not a TOC line
    # （2） is not emphasized: a list item, not a heading
    assert purpose.children[0].blocks[0].label == "（2）"
    assert all(s.pages is None for _, s in doc.walk())


def test_bold_markers_nest_under_a_single_styled_level() -> None:
    doc = extract_docx(DOCX / "one_styled_level.docx")
    assert headings(doc) == [
        ("第1章\u3000計画の概要",),  # a tab between number and title shows as a wide gap
        ("第1章\u3000計画の概要", "1. 計画の趣旨"),
        ("第1章\u3000計画の概要", "1. 計画の趣旨", "（1）背景"),
        ("第1章\u3000計画の概要", "2. 計画期間"),
        ("第2章\u3000施策の展開",),  # a manual line break inside the heading
        ("第2章\u3000施策の展開", "1. 基本目標"),
    ]
    background = doc.sections[0].children[0].children[0]
    assert [(b.kind, b.label) for b in background.blocks] == [(BlockKind.LIST, "（2）")]


# ---------------------------------------------------------------- errors and entry point


def test_extract_dispatches_docx() -> None:
    doc = extract(DOCX / "merged_table.docx")
    assert doc.sections[0].heading == "第1章　成果指標"
    assert doc.source is None


def test_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    broken = tmp_path / "壊れた素案.docx"
    broken.write_bytes((DOCX / "merged_table.docx").read_bytes()[:2000])
    with pytest.raises(InputFileError) as info:
        extract_docx(broken)
    assert "壊れた素案.docx" in info.value.message


# ---------------------------------------------------------------- corpus


@pytest.mark.parametrize("version", ["soan", "an"])
def test_nakano_heading_tree_matches_expected(nakano: Path, version: str) -> None:
    expected = json.loads((nakano / "expected" / "sections.json").read_text(encoding="utf-8"))[version]
    doc = extract_docx(nakano / f"{version}.docx")
    got = [list(path) for path, _ in doc.walk()]
    want = [entry["path"] for entry in expected]
    assert got == want
    assert [s.level for _, s in doc.walk()] == [entry["level"] for entry in expected]
    # no tracked changes in the corpus: the original view is the same document
    assert extract_docx(nakano / f"{version}.docx", original=True) == doc
    assert doc.title == ("中野区DX推進計画（素案）" if version == "soan" else "中野区DX推進計画（案）")
    # every section of chapter 3's measures has its indicator table
    measures = [s for path, s in doc.walk() if s.marker == "shisaku"]
    assert len(measures) == 12
    for measure in measures:
        indicators = next(c for c in measure.children if c.title == "成果指標")
        assert any(b.kind == BlockKind.TABLE for b in indicators.blocks), measure.heading


def test_wingdings_glyph_typed_in_a_toc_entry_reads_as_the_bullet(tmp_path: Path) -> None:
    """A TOC entry copies its heading's Wingdings ■ as U+F06E and a tab: read as
    ■ and U+3000, as the PDF of the same file prints it (meti-nda)."""
    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph("目次")
    d.add_paragraph("\uf06e\t前文\t2")
    d.add_paragraph("\uf06e\t第1条（秘密情報の定義）\t3")
    d.add_heading("前文", level=1)
    d.add_paragraph("本文。")
    path = tmp_path / "toc.docx"
    d.save(str(path))
    doc = extract_docx(path)
    assert [b.text for b in doc.front] == ["目次", "■\u3000前文", "■\u3000第1条（秘密情報の定義）"]
