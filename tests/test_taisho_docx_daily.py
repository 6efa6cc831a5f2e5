"""Issue 13 item 15: the 新旧対照表 DOCX has a running header with the plan's
name, and each row shows the printed pages of its 案 and 素案 sides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from tests.review_helpers import build_example, run


@pytest.fixture(scope="module")
def taisho(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("taisho")
    ws = build_example(root)
    out = root / "taisho.docx"
    run(ws, "taisho", "素案", "案", "--format", "docx", "-o", str(out))
    return out


def test_running_header_names_the_plan(taisho: Path) -> None:
    doc = Document(str(taisho))
    header = doc.sections[0].header
    assert not header.is_linked_to_previous
    assert "かえで市子育て支援推進計画" in header.paragraphs[0].text and "新旧対照表" in header.paragraphs[0].text


def test_each_row_shows_the_pages_of_both_sides(taisho: Path) -> None:
    doc = Document(str(taisho))
    table = doc.tables[0]
    rows = table.rows[1:]
    assert rows
    with_pages = 0
    for row in rows:
        new, old = (c.text for c in row.cells[:2])
        if re.search(r"P\.\s?\d+", new) and re.search(r"P\.\s?\d+", old):
            with_pages += 1
    assert with_pages >= len(rows) - 2  # rows with a side missing (added/deleted) may have one
