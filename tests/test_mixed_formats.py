"""A plan published as 素案 DOCX and 案 PDF: the same unchanged table read by the
DOCX reader and by the PDF reader must compare equal (issue 11, mixed formats).
Small hand-made cases of each kind of reader difference, at the comparison."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from revtool.compare.editorial import comparison_key
from revtool.model import Block, BlockKind, Document, Section, Table

HEADER = ["取組", "乳幼児期", "学童期", "高齢期"]


def _doc(rows: list[list[str]]) -> Document:
    table = Table.from_texts([HEADER, *rows])
    block = Block(BlockKind.TABLE, table.as_text(), table=table)
    return Document(sections=(Section("第６章　計画の推進", number="第６章", title="計画の推進", marker="chapter",
                                      blocks=(Block(BlockKind.PARAGRAPH, "ライフステージ別の取組を示します。"), block)),))


def test_a_dash_placeholder_printed_as_a_minus_sign_is_the_same_cell() -> None:
    # Word's full-width hyphen-minus － (U+FF0D) comes out of a PDF's text layer as the minus sign − (U+2212)
    assert comparison_key("－") == comparison_key("−") == comparison_key("-")
    assert comparison_key("△−3.5％") == comparison_key("△－3.5％")
    docx = _doc([["食育講座", "○", "－", "○"], ["健診の受診勧奨", "－", "－", "○"]])
    pdf = _doc([["食育講座", "○", "−", "○"], ["健診の受診勧奨", "−", "−", "○"]])
    assert not [c for c in diff_documents(docx, pdf) if c.substantive]
    # a dash that becomes a mark is still a change
    filled = _doc([["食育講座", "○", "○", "○"], ["健診の受診勧奨", "−", "−", "○"]])
    assert [c for c in diff_documents(docx, filled) if c.substantive]
