"""A plan published as 素案 DOCX and 案 PDF: the same unchanged table read by the
DOCX reader and by the PDF reader must compare equal (issue 11, mixed formats).
Small hand-made cases of each kind of reader difference, at the comparison."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from revtool.compare.comparison_key import comparison_key
from revtool.model import Block, BlockKind, Cell, Document, Section, Table

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


BUNYA = [["区分", "施策分野"], ["個別施策分野", "①行政機能／警察・消防"], ["個別施策分野", "②住宅・都市"],
         ["個別施策分野", "③エネルギー"], ["個別施策分野", "④産業・経済"], ["個別施策分野", "⑤環境"],
         ["横断的施策分野", "Ⅰリスクコミュニケーション"]]


def _framework(blocks: tuple[Block, ...]) -> Document:
    return Document(sections=(Section("１　評価の枠組み", number="１", title="評価の枠組み", marker="decimal",
                                      blocks=(Block(BlockKind.PARAGRAPH, "次の施策分野を設定した。"), *blocks)),))


def test_rows_whose_first_column_has_no_numbering_are_each_a_row_of_the_lines() -> None:
    # 素案 DOCX: a two-column table; 案 PDF: each row one unlabelled line, one field renamed.
    # The lines are not one row wrapped over five lines: each begins with a row's first cell.
    edited = [r[:] for r in BUNYA]
    edited[5][1] = "⑤環境・廃棄物処理"
    docx = _framework((_table(BUNYA),))
    pdf = _framework(tuple(Block(BlockKind.PARAGRAPH, "　".join(r)) for r in edited))
    for old, new, flip in ((docx, pdf, False), (pdf, docx, True)):
        substantive = [c for c in diff_documents(old, new) if c.substantive]
        assert len(substantive) == 1  # before: the lines joined into one row, added, and every row deleted
        pair = (substantive[0].old_text, substantive[0].new_text)
        assert pair == (("個別施策分野　⑤環境・廃棄物処理", "個別施策分野　⑤環境") if flip else
                        ("個別施策分野　⑤環境", "個別施策分野　⑤環境・廃棄物処理"))
    # a line that does not begin a row is still the rest of the row above (a cell the width cut)
    from revtool.compare.table_lines import row_starts, rows_of_lines
    cut = [Block(BlockKind.PARAGRAPH, "横断的施策分野　Ⅰリスクコミュ"), Block(BlockKind.PARAGRAPH, "ニケーション")]
    assert [b.text for b in rows_of_lines(cut, row_starts(_table(BUNYA)))] == ["横断的施策分野　Ⅰリスクコミュニケーション"]


SCENARIOS = [["目標", "番号", "リスクシナリオ"],
             ["1　直接死を防ぐ", "1-1", "建物の倒壊による死傷者の発生"],
             ["", "1-2", "津波による死傷者の発生"],
             ["", "1-3", "土砂災害による死傷者の発生"],
             ["2　救助を迅速に行う", "2-1", "物資供給の長期停止"],
             ["", "2-2", "孤立地域の同時発生"],
             ["", "2-3", "医療機能の麻痺"],
             ["3　行政機能を確保する", "3-1", "職員の被災による行政機能の低下"],
             ["", "3-2", "庁舎の被災による業務の停止"],
             ["4　経済活動を維持する", "4-1", "サプライチェーンの寸断"],
             ["", "4-2", "エネルギー供給の停止"]]


def _scenarios(blocks: tuple[Block, ...]) -> Document:
    return Document(sections=(Section("２　リスクシナリオ", number="２", title="リスクシナリオ", marker="decimal",
                                      blocks=(Block(BlockKind.PARAGRAPH, "次のリスクシナリオを設定した。"), *blocks)),))


def _merged_first(rows: list[list[str]]) -> Block:
    t = Table(tuple(tuple(Cell(c, merged=(k == 0 and not c)) for k, c in enumerate(r)) for r in rows), 1)
    return Block(BlockKind.TABLE, t.as_text(), table=t)


def _lines(rows: list[list[str]]) -> list[Block]:
    """Rows printed without rules on a page of their own: a row under a merged first cell starts
    with a space (``　3-2　…``), as the PDF reader gives it."""
    return [Block(BlockKind.LIST, ("" if r[0] else "\u3000") + "\u3000".join(c for c in r if c), label=r[1] if not r[0] else r[0][:1])
            for r in rows]


def test_a_table_whose_continuation_page_the_other_reader_gave_as_lines_is_compared_row_by_row() -> None:
    # 素案 DOCX: one table; 案 PDF: its first page read as a table, the page after it (no header row
    # printed) as lines; one scenario split in two on the second page. Not every row of the second
    # page deleted and every line added.
    edited = [r[:] for r in SCENARIOS]
    edited[8:9] = [["", "3-2", "庁舎の被災による業務の停止"], ["", "3-3", "情報システムの停止による業務の停止"]]
    docx = _scenarios((_merged_first(SCENARIOS),))
    pdf = _scenarios((_merged_first(edited[:8]), *_lines(edited[8:])))
    for old, new in ((docx, pdf), (pdf, docx)):
        changes = diff_documents(old, new)
        substantive = [c for c in changes if c.substantive]
        assert len(substantive) == 1, substantive  # before: rows 3-2 … 4-2 deleted, every line added
        assert "情報システムの停止" in substantive[0].new_text + substantive[0].old_text
        assert [c for c in changes if c.verdict.rule == "format" and "続きの本文の行" in c.verdict.evidence]
    # the same table unedited: nothing substantive
    same = _scenarios((_merged_first(SCENARIOS[:8]), *_lines(SCENARIOS[8:])))
    assert not [c for c in diff_documents(docx, same) if c.substantive]


def test_a_label_one_version_lacks_is_no_rename_of_the_numbered_heading_that_holds_its_text() -> None:
    # 素案 DOCX: the label 【現状と課題】 styled as a heading (a section under the 施策); 案 PDF: the
    # label lost, its text right under the 施策's heading. The alignment pairs the label's section
    # with the 施策 that holds its text (a merge); that is not 「「【現状と課題】」を「（１）…」に変更」.
    text = (Block(BlockKind.PARAGRAPH, "近所付き合いがほとんどないと回答した人の割合が増加しています。"),
            Block(BlockKind.PARAGRAPH, "見守り活動を広げていくことが求められています。"))
    tail = (Block(BlockKind.LIST, "●隣近所であいさつや声かけを行いましょう。", label="●"),)

    def doc(child: Section | None, blocks: tuple[Block, ...]) -> Document:
        shisaku = Section("（１）見守り活動の推進", number="（１）", title="見守り活動の推進", level=2, marker="paren",
                          blocks=blocks, children=(child,) if child else ())
        return Document(sections=(Section("基本目標１　支え合うまちづくり", number="基本目標１", title="支え合うまちづくり",
                                          marker="kihon", children=(shisaku,)),))

    labelled = doc(Section("【現状と課題】", title="【現状と課題】", level=3, blocks=text + tail), ())
    lost = doc(None, text + tail)
    for old, new in ((labelled, lost), (lost, labelled)):
        changes = diff_documents(old, new)
        assert not [c for c in changes if c.substantive]
        evidence = [c.verdict.evidence for c in changes if c.verdict.rule == "section-heading-only"]
        assert evidence and "【現状と課題】" in evidence[0]
    # the label's text edited on the way is still that edit, and only that
    edited = doc(None, (text[0], Block(BlockKind.PARAGRAPH, "見守り活動を全地区に広げていくことが求められています。"), *tail))
    assert [c.verdict.rule for c in diff_documents(labelled, edited) if c.substantive] != []
    assert not [c for c in diff_documents(labelled, edited) if c.substantive and c.block_kind == "section"]
    # a numbered item cut (its text left in the parent) is still a change of the plan's structure
    numbered = doc(Section("ア　地域の見守り", number="ア", title="地域の見守り", level=3, marker="katakana",
                           blocks=text + tail), ())
    assert [c for c in diff_documents(numbered, lost) if c.substantive and c.block_kind == "section"]


def test_a_table_read_column_by_column_is_not_cut_at_its_first_cells() -> None:
    from revtool.compare.table_lines import row_starts, rows_of_lines
    table = _table([["指標名", "現状値", "目標値"], ["設置数", "45か所", "70か所"], ["満足度", "42％", "62％"]])
    columns = [Block(BlockKind.PARAGRAPH, t) for t in ["指標名", "設置数", "満足度", "現状値　目標値"]]
    assert len(rows_of_lines(columns, row_starts(table))) == 1
    rows = [Block(BlockKind.PARAGRAPH, t) for t in ["指標名　現状値　目標値", "設置数　45か所　70か所", "満足度　42％　62％"]]
    assert len(rows_of_lines(rows, row_starts(table))) == 3
