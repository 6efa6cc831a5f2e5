"""A plan published as 素案 DOCX and 案 PDF: the same unchanged table read by the
DOCX reader and by the PDF reader must compare equal (issue 11, mixed formats).
Small hand-made cases of each kind of reader difference, at the comparison."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from revtool.compare.comparison_key import comparison_key
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


def _keika(blocks: tuple[Block, ...]) -> Document:
    return Document(sections=(Section("第3節　計画の策定経過", number="第3節", title="計画の策定経過", marker="setsu",
                                      blocks=(Block(BlockKind.PARAGRAPH, "計画は次の経過で策定しました。"), *blocks)),))


KEIKA = [["年月", "内容"], ["令和7年5月", "策定委員会（第1回）"], ["令和7年8月", "策定委員会（第2回）"],
         ["令和7年12月〜令和8年1月", "パブリック・コメントの実施"]]


def _table(rows: list[list[str]]) -> Block:
    t = Table.from_texts(rows)
    return Block(BlockKind.TABLE, t.as_text(), table=t)


def test_a_table_the_pdf_reader_gave_as_lines_of_text_is_not_an_edit() -> None:
    # an unruled two-column table printed as 「年月　内容」 lines: the PDF reader keeps them as text
    docx = _keika((_table(KEIKA),))
    pdf = _keika(tuple(Block(BlockKind.PARAGRAPH, "　".join(r)) for r in KEIKA))
    for old, new in ((docx, pdf), (pdf, docx)):
        changes = list(diff_documents(old, new))
        assert not [c for c in changes if c.substantive]
        assert [c.verdict.rule for c in changes] == ["format"]  # the evidence kept: one format change
    # a row edited on the way is still a change
    edited = [r[:] for r in KEIKA]
    edited[2][1] = "策定委員会（第3回）"
    pdf_edited = _keika(tuple(Block(BlockKind.PARAGRAPH, "　".join(r)) for r in edited))
    assert [c for c in diff_documents(docx, pdf_edited) if c.substantive]
