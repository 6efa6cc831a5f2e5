"""Issue 13 item 14 (without the lead phrase): the 別紙2 files are publishable
as they come out — three columns, no review material in the table, the 「別紙2」
mark and the plan name in the heading, XLSX on A4 with print titles, no
English anywhere a reader sees it."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from revtool.render.changelog_common import HEADER
from tests.review_helpers import build_example, run

PLAN = "かえで市子育て支援推進計画"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("publish"))


def out(ws: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    path = tmp_path / f"bessi2.{fmt}"
    run(ws, "changelog", "素案", "案", "--format", fmt, "-o", str(path), *extra)
    return path


def test_csv_has_only_the_published_columns_unless_asked(ws: Path, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(out(ws, tmp_path, "csv").read_bytes().decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADER and all(len(r) == 3 for r in rows)
    review = list(csv.reader(io.StringIO(out(ws, tmp_path, "csv", "--with-review").read_bytes().decode("utf-8-sig"))))
    assert review[0][3:] == ["ID", "理由", "確信度"] and review[1][3].startswith("R")


def test_md_keeps_what_to_check_out_of_the_publishable_file(ws: Path, tmp_path: Path) -> None:
    data = json.loads(out(ws, tmp_path, "json").read_text(encoding="utf-8"))
    assert any(w["code"] == "unknown-cause" for w in data["warnings"])  # still in JSON
    md = out(ws, tmp_path, "md").read_text(encoding="utf-8")
    assert "確認が必要な点" not in md and "見つかりません" not in md
    staff = out(ws, tmp_path, "md", "--with-review").read_text(encoding="utf-8")
    assert "確認が必要な点" in staff and "確認用" in staff
    assert staff.index("確認用") > staff.index("文言整理等の一部修正")  # after the table, never in it


def test_xlsx_is_ready_to_print(ws: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(out(ws, tmp_path, "xlsx"))
    sheet = wb["別紙2"]
    assert sheet["C1"].value == "別紙2" and PLAN in sheet["A3"].value
    assert int(sheet.page_setup.paperSize) == 9  # A4
    header_row = next(r for r in range(1, 6) if sheet.cell(r, 1).value == HEADER[0])
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert wb.sheetnames[0] == "別紙2"
    for s in wb.worksheets:
        assert not re.search(r"[A-Za-z]", s.title), s.title
        for row in s.iter_rows(values_only=True):
            for v in row:
                assert not (isinstance(v, str) and re.search(r"\b[a-z]+-[a-z]+\b", v)), (s.title, v)


def test_docx_heading_has_the_mark_and_the_plan(ws: Path, tmp_path: Path) -> None:
    from docx import Document

    path = out(ws, tmp_path, "docx")
    doc = Document(str(path))
    assert "別紙2" in doc.sections[0].header.paragraphs[0].text
    texts = [p.text for p in doc.paragraphs[:3]]
    assert texts[0] == "素案からの主な変更点" and any(PLAN in t for t in texts)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "unknown-cause" not in xml
