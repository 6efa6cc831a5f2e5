"""extract_pdf on the generated fixtures in tests/fixtures/pdf (see make_fixtures.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.errors import InputFileError, UnreadablePagesError
from revtool.extract import extract
from revtool.extract.pdf import extract_pdf, is_toc_line
from revtool.model import BlockKind, Document, PageSpan

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"
FACTS = json.loads((PDF / "sample.json").read_text(encoding="utf-8"))

HEADING_PAGES = {  # printed pages, from the fixture's layout (forced page breaks)
    "第1章　計画の概要": (1, 3),
    "1. 計画策定の趣旨": (1, 1),
    "（1）計画の対象": (1, 1),
    "2. 成果指標": (2, 3),
    "第2章　取組の内容": (4, 5),
    "1. 施策ごとの取組": (4, 5),
    "施策1　デジタル窓口の推進": (4, 5),
    "施策2　データ利活用の推進": (5, 5),
}


@pytest.fixture(scope="module")
def sample() -> Document:
    return extract_pdf(PDF / "sample.pdf")


def all_blocks(doc: Document):
    yield from doc.front
    for _, s in doc.walk():
        yield from s.blocks


def test_section_tree_and_printed_pages(sample: Document) -> None:
    paths = [list(p) for p, _ in sample.walk()]
    assert paths == FACTS["headings"]
    for p, s in sample.walk():
        assert s.pages == PageSpan(*HEADING_PAGES[p[-1]]), p
    assert [s.level for _, s in sample.walk()] == [1, 2, 3, 2, 1, 2, 3, 3]
    assert sample.source is not None and sample.source.format == "pdf" and len(sample.source.sha256) == 64
    assert sample.title == "サンプル市DX推進計画（素案）"


def test_same_tree_without_bookmarks(sample: Document) -> None:
    plain = extract_pdf(PDF / "sample-nobookmarks.pdf")
    assert [(p, s.level, s.pages) for p, s in plain.walk()] == [(p, s.level, s.pages) for p, s in sample.walk()]


def test_front_matter_has_no_arabic_pages(sample: Document) -> None:
    texts = [b.text for b in sample.front]
    assert "サンプル市DX推進計画（素案）" in texts
    assert all(b.pages is None for b in sample.front)  # cover: no number; 目次: roman i
    # 目次 entries keep the heading they name, not the leader and page number (as from DOCX)
    assert "第1章\u3000計画の概要" in texts and "第2章\u3000取組の内容" in texts
    assert not any(is_toc_line(t) for t in texts)


def test_running_header_and_page_numbers_removed(sample: Document) -> None:
    for b in all_blocks(sample):
        assert "（素案）　本文" not in b.text  # the running header
        assert not b.text.strip().startswith("- ")  # the footer "- 3 -"


def test_japanese_line_joining(sample: Document) -> None:
    paras = [b for _, s in sample.walk() for b in s.blocks if b.kind == BlockKind.PARAGRAPH]
    joined = "".join(b.text for b in paras)
    assert "令和3年度" in joined and "2030年度に向けてDXの取組" in joined
    assert "令和 3" not in joined and "DX の" not in joined
    # every body paragraph of the fixture is a full sentence: no break mid-sentence,
    # also where a paragraph runs over the page break between printed pages 4 and 5
    body = [b for b in paras if not b.text.startswith("コラム")]
    assert all(b.text.endswith("。") for b in body), [b.text[-20:] for b in body if not b.text.endswith("。")]
    assert any(b.pages == PageSpan(4, 5) for b in body)


def test_list_items_keep_their_label(sample: Document) -> None:
    items = [b for b in all_blocks(sample) if b.kind == BlockKind.LIST and b.label == "・"]
    texts = [b.text for b in items]
    assert "・区民の利便性の向上：「行かない」「書かない」「待たない」区役所の実現に向けて、オンライン申請の対象手続を拡大する" in texts
    assert "・来庁者数のデータを分析し、窓口の混雑予測を区ホームページで公開している取組" in texts  # inside a box


def test_table_stitched_across_pages(sample: Document) -> None:
    sec = sample.find(("第1章　計画の概要", "2. 成果指標"))
    assert sec is not None
    tables = [b for b in sec.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    t = tables[0]
    assert t.pages == PageSpan(2, 3)
    assert t.table is not None and len(t.table.rows) == FACTS["table_rows"]  # header once
    assert t.table.texts()[0] == ("指標", "現状値", "目標値（2030年度）")
    assert sum(1 for row in t.table.texts() if row[0] == "指標") == 1
    # the wrapped cell is one text, the merged cell is filled
    assert t.table.texts()[3][0] == "健康ポイント・コミュニティポイントの付与件数（単年度）の合計"
    row5 = t.table.rows[5]
    assert [c.text for c in row5[1:]] == ["継続実施　→", "継続実施　→"] and row5[2].merged
    # the table's text is not repeated in the running text
    assert not any("指標7のオンライン申請率" in b.text for b in sec.blocks if b.kind != BlockKind.TABLE)


def test_one_or_two_processes_give_the_same_document() -> None:
    a = extract_pdf(PDF / "sample.pdf", workers=1)
    b = extract_pdf(PDF / "sample.pdf", workers=2)
    assert a == b


def test_encrypted_pdf(sample: Document) -> None:
    with pytest.raises(InputFileError) as missing:
        extract_pdf(PDF / "sample-encrypted.pdf")
    assert "sample-encrypted.pdf" in missing.value.message and "パスワード" in missing.value.message
    with pytest.raises(InputFileError) as wrong:
        extract_pdf(PDF / "sample-encrypted.pdf", password="wrong")
    assert "パスワードが違います" in wrong.value.message
    doc = extract(PDF / "sample-encrypted.pdf", password="himitsu")
    assert [p for p, _ in doc.walk()] == [p for p, _ in sample.walk()]


def test_one_scanned_page_is_skipped_with_a_warning() -> None:
    doc = extract_pdf(PDF / "scanned-page.pdf")
    assert len(doc.warnings) == 1
    warning = doc.warnings[0]
    assert "scanned-page.pdf" in warning and "3ページ" in warning and "画像" in warning
    sec = doc.find(("第1章　計画の概要", "2. 成果指標"))
    assert sec is not None and sec.pages == PageSpan(2, 2)  # page 3 is gone, its number is still known


def test_all_scanned_pages_raise() -> None:
    with pytest.raises(UnreadablePagesError) as err:
        extract_pdf(PDF / "all-scanned.pdf")
    assert err.value.pages == ["PDF 1ページ目", "PDF 2ページ目", "PDF 3ページ目"]
    assert "all-scanned.pdf" in err.value.message and err.value.hint


def test_broken_pdf_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(InputFileError) as err:
        extract_pdf(bad)
    assert "broken.pdf" in err.value.message


def test_rotated_page_reads_the_same(sample: Document, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(PDF / "sample.pdf"))
    pdf[4].set_rotation(90)  # printed page 3 shown landscape: glyphs stay in the page's own axes
    rotated = tmp_path / "rotated.pdf"
    pdf.save(str(rotated))
    pdf.close()
    doc = extract_pdf(rotated)
    assert doc.sections == sample.sections and doc.front == sample.front


def test_metadata_title_that_is_a_file_name_is_ignored() -> None:
    from revtool.extract.pdf import _meta_title

    assert _meta_title("Microsoft Word - 素案.docx") == ""
    assert _meta_title("計画（素案）.pdf") == ""
    assert _meta_title(" 中野区DX推進計画（素案） ") == "中野区DX推進計画（素案）"
