"""Structural decisions seen in several places (issue 11, blind2 K6/K7/K5):
a 節 renamed in its heading and in the 施策体系 table, where the table cell
holds the heading with its number and the table of contents repeats it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import compare_documents
from revtool.extract.docx import extract_docx
from revtool.model import ChangeKind, Verdict

from tests.changelog_helpers import cell, change, plan_doc

PART2 = ("第２部　各論", "第５章　デジタル社会における学びの推進")
TAIKEI = ("第１部　総論", "第３章　基本的な方針", "第３節　施策体系")
OLD_H, NEW_H = "第３節　データ利活用の向上", "第３節　データ利活用を通じた地域の活性化"


def _rename(pages: tuple[int, ...] = (62,)):  # type: ignore[no-untyped-def]
    return change(PART2 + (NEW_H,), OLD_H, NEW_H, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                  old_path=PART2 + (OLD_H,), location="見出し", pages=pages)


def test_rename_and_the_overview_cell_holding_the_numbered_heading_are_one_row() -> None:
    """The 施策体系 cell is the heading itself (第３節　…), number and all: it
    repeats the rename, one row citing both pages."""
    changes = [cell(TAIKEI, NEW_H, "施策", OLD_H, NEW_H, pages=(9,)), _rename()]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED
    assert row.new_pages == (9, 62)
    assert "名称変更" in row.grouping and "施策体系" in row.grouping
    assert row.summary.count("地域の活性化") == 1


def test_overview_cell_called_a_year_spelling_still_joins_the_rename() -> None:
    """The number rule saw 第３節 in the hunk and called the cell 年の表記:
    an edit without digits is no number spelling, and the cell is the rename's."""
    taikei = cell(TAIKEI, NEW_H, "施策", OLD_H, NEW_H, pages=(9,))
    taikei = replace(taikei, verdict=Verdict(False, "era", "年の表記"))
    (row,) = build_changelog([taikei, _rename()], new_doc=plan_doc(3)).rows
    assert row.new_pages == (9, 62)
    # a real year spelling in a table cell stays editorial
    year = replace(cell(TAIKEI, "目標", "年度", "令和12年度", "2030年度"), verdict=Verdict(False, "era", "年の表記"))
    log = build_changelog([year], new_doc=plan_doc(3))
    assert log.rows == () and log.editorial_count == 1


def _plan(tmp_path: Path, name: str, heading: str) -> Path:
    document = docx.Document()
    document.add_paragraph("目次")
    document.add_paragraph("第１章　総論")
    document.add_paragraph(heading)  # the table-of-contents line
    document.add_paragraph("第１章　総論", style="Heading 1")
    document.add_paragraph("施策体系", style="Heading 2")
    document.add_paragraph("本計画の施策体系は、次のとおりである。")
    table = document.add_table(rows=2, cols=2)
    for row, texts in zip(table.rows, (("章", "施策"), ("第５章　デジタル社会", heading))):
        for c, text in zip(row.cells, texts):
            c.text = text
    document.add_paragraph("第５章　デジタル社会", style="Heading 1")
    document.add_paragraph(heading, style="Heading 2")
    document.add_paragraph("データの利活用を進めるため、関係機関の連携体制を強化する。")
    path = tmp_path / name
    document.save(str(path))
    return path


def test_a_table_of_contents_line_is_no_cover_stamp_for_the_overview_table(tmp_path: Path) -> None:
    """The renamed heading's TOC line changes in the front matter; the 施策体系
    cell with the same text is content, not an echo of the cover."""
    old = extract_docx(_plan(tmp_path, "soan.docx", OLD_H))
    new = extract_docx(_plan(tmp_path, "an.docx", NEW_H))
    changes = compare_documents(old, new).changes
    cells = [c for c in changes if c.block_kind == "table"]
    assert len(cells) == 1 and cells[0].verdict.rule != "front-matter"
    front = [c for c in changes if not c.section_path]
    assert front and all(c.verdict.rule == "front-matter" for c in front)
    rows = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert len(rows) == 1 and rows[0].kind == ChangeKind.RENAMED
    assert len(rows[0].section_paths) == 2
