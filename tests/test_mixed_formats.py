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


TAIKEI = [["基本目標", "施策"],
          ["１　地域包括ケアシステムの深化・推進", "（１）地域包括支援センターの機能強化"],
          ["", "（２）在宅医療・介護連携の推進"],
          ["", "（３）権利擁護の推進"],
          ["２　介護予防と健康づくりの推進", "（１）介護予防・日常生活支援総合事業の推進"],
          ["", "（２）健康づくりと生きがいづくりの推進に向けた地域の通いの場の充実"]]


def _taikei(blocks: tuple[Block, ...]) -> Document:
    return Document(sections=(Section("３　施策の体系", number="３", title="施策の体系", marker="decimal",
                                      blocks=(Block(BlockKind.PARAGRAPH, "本計画の施策の体系は次のとおりです。"), *blocks)),))


def _printed(rows: list[list[str]]) -> tuple[Block, ...]:
    """The table as a PDF reader gives it without rules: each cell a line, numbered lines labelled,
    a long cell wrapped onto an unlabelled line."""
    out = []
    for row in rows:
        for cell in row:
            if not cell:
                continue
            label = cell[: cell.index("）") + 1] if cell.startswith("（") else cell[:1] if cell[:1] in "１２" else ""
            if len(cell) > 30:
                out += [Block(BlockKind.LIST if label else BlockKind.PARAGRAPH, cell[:30], label=label),
                        Block(BlockKind.PARAGRAPH, cell[30:])]
            else:
                out.append(Block(BlockKind.LIST if label else BlockKind.PARAGRAPH, cell, label=label))
    return tuple(out)


def test_an_edited_table_the_pdf_reader_gave_as_lines_is_compared_row_by_row() -> None:
    # 素案 DOCX: the 施策の体系 as a table; 案 PDF: the same table, one 施策 renamed, printed as lines
    edited = [r[:] for r in TAIKEI]
    edited[3][1] = "（３）権利擁護と虐待防止の推進"
    docx, pdf = _taikei((_table(TAIKEI),)), _taikei(_printed(edited))
    for old, new, flip in ((docx, pdf, False), (pdf, docx, True)):
        changes = list(diff_documents(old, new))
        substantive = [c for c in changes if c.substantive]
        # before: the whole table deleted and every line added
        assert len(substantive) == 1
        texts = (substantive[0].old_text, substantive[0].new_text)
        assert texts == (("（３）権利擁護と虐待防止の推進", "（３）権利擁護の推進") if flip else
                         ("（３）権利擁護の推進", "（３）権利擁護と虐待防止の推進"))
        # the reading kept as evidence: one format change naming it
        assert [c.verdict.evidence for c in changes if c.verdict.rule == "format" and "行ごとに比較" in c.verdict.evidence]
    # the same table unedited is still one format change and nothing else
    assert [c.verdict.rule for c in diff_documents(docx, _taikei(_printed(TAIKEI)))] == ["format"]


def test_lines_that_only_share_some_words_with_a_deleted_table_stay_lines() -> None:
    other = (Block(BlockKind.PARAGRAPH, "地域包括支援センターの相談件数は年々増加しています。"),
             Block(BlockKind.PARAGRAPH, "介護予防の取組を進めます。"))
    changes = [c for c in diff_documents(_taikei((_table(TAIKEI),)), _taikei(other)) if c.substantive]
    assert sorted(c.kind.value for c in changes) == ["added", "added", "deleted"]


def test_a_heading_cut_from_the_toc_and_from_the_taikei_lines_is_content_in_the_body() -> None:
    # the 目次 line of a deleted 施策 is front matter; the same line cut from the 施策の体系
    # (read as lines of text) is the decision echoed in the body, not a cover stamp
    def doc(items: list[str]) -> Document:
        toc = tuple(Block(BlockKind.PARAGRAPH, t) for t in ["目次", "３　施策の体系", *items])
        taikei = Section("３　施策の体系", number="３", title="施策の体系", marker="decimal",
                         blocks=tuple(Block(BlockKind.LIST, t, label=t[:3]) for t in items))
        sections = tuple(Section(t, number=t[:3], title=t[3:], level=2, marker="paren",
                                 blocks=(Block(BlockKind.PARAGRAPH, f"{t[3:]}に取り組みます。"),)) for t in items)
        return Document(front=toc, sections=(taikei, Section("４　施策の展開", number="４", title="施策の展開",
                                                               marker="decimal", children=sections)))
    old = doc(["（１）地域包括支援センターの機能強化", "（２）在宅医療・介護連携の推進", "（３）高齢者虐待の防止"])
    new = doc(["（１）地域包括支援センターの機能強化", "（２）在宅医療・介護連携の推進"])
    changes = diff_documents(old, new)
    cut = [c for c in changes if c.old_text == "（３）高齢者虐待の防止" and c.block_kind != "section"]
    assert [c.verdict.rule for c in cut if not c.location.startswith("表紙")] == ["block-deleted"]
    assert [c.verdict.rule for c in cut if c.location.startswith("表紙")] == ["front-matter"]


def test_a_note_typed_as_a_paragraph_is_the_footnote_the_pdf_reader_read_at_the_page_foot() -> None:
    # DOCX: 「※２　用語：説明」 typed after the paragraph that cites it; PDF: the same line set small at
    # the page foot, read as footnote 注2 — the same note, not one deleted and one added
    cite = Block(BlockKind.PARAGRAPH, "マイクロクレデンシャル※２の考え方を取り入れ、施策を展開する。")
    note = "※２　マイクロクレデンシャル：短期間の学習の成果を証明するもの。"

    def doc(*blocks: Block) -> Document:
        return Document(sections=(Section("（１）学び直しの強化", number="（１）", title="学び直しの強化", marker="paren",
                                          blocks=(cite, *blocks)),))
    docx, pdf = doc(Block(BlockKind.PARAGRAPH, note)), doc(Block(BlockKind.PARAGRAPH, note, label="注2"))
    for old, new in ((docx, pdf), (pdf, docx)):
        assert [c for c in diff_documents(old, new)] == []
    # a note edited on the way is one edit of that note
    edited = doc(Block(BlockKind.PARAGRAPH, note.replace("短期間", "比較的短い期間"), label="注2"))
    changes = [c for c in diff_documents(docx, edited) if c.substantive]
    assert [c.kind.value for c in changes] == ["modified"] and "比較的短い期間" in changes[0].new_text
    # two DOCX versions that both type their notes are compared as before (in the body)
    assert not diff_documents(docx, doc(Block(BlockKind.PARAGRAPH, note)))
