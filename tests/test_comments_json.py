"""Comments <-> JSON (docs/ARCHITECTURE.md §4 "comments" objects), and purity of the core."""

from __future__ import annotations

import ast
from pathlib import Path

from revtool.comments import comments_from_json, comments_to_json, import_comments, read_comment_table
from revtool.model import ResponseType
from tests.conftest import FIXTURES
from tests.test_comments_resolve import DOC, DOC_WITH_WHOLE_IN_A_TITLE

CONTRACT_FIELDS = {"id", "row", "ref", "opinion", "response", "resolved_section_paths", "soan_pages",
                   "response_type", "row_ids"}


def _comments():
    return import_comments(read_comment_table(FIXTURES / "comments" / "cp932.csv"), DOC, {})


def test_json_has_the_contract_fields() -> None:
    data = comments_to_json(_comments())
    assert list(data)[0] == "comments" and data["groups"] == []  # extended with the 同趣旨 groups (none here)
    first = data["comments"][0]
    assert CONTRACT_FIELDS <= set(first)
    assert first["id"] == "C01" and first["row"] == 1
    assert first["resolved_section_paths"] == [["第2章　現状と課題", "第1節　国の動向", "（2）自治体DXの推進"]]
    assert first["soan_pages"] == [7, 8]
    assert first["soan_page"] == 12  # the page the table names (here it disagrees with the title)
    assert first["response_type"] == "反映"
    assert first["warnings"]
    assert all(isinstance(c["candidates"], list) for c in data["comments"])


def test_round_trip() -> None:
    comments = _comments()
    assert comments_from_json(comments_to_json(comments)) == comments


def test_minimal_objects_are_accepted() -> None:
    (c,) = comments_from_json({"comments": [{"id": "C03", "row": 3, "ref": "P.18", "opinion": "o", "response": "r",
                                             "response_type": "参考"}]})
    assert c.locator.pages == (18,)
    assert c.response_type == ResponseType.REFERENCE


PURE = ("refs.py", "resolve.py", "classify.py", "table.py")


def test_core_modules_import_no_io_libraries() -> None:
    folder = Path(__file__).resolve().parents[1] / "revtool" / "comments"
    for name in PURE:
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                assert top not in {"git", "typer", "rich", "docx", "openpyxl", "pdfplumber", "subprocess"}, (name, mod)


def test_a_comment_on_the_whole_plan_is_imported_without_a_warning_and_round_trips() -> None:
    from revtool.comments.table import RawRow

    rows = [RawRow(1, "計画全体", "全体に文章が長く分かりにくい。", "概要版を作成します。"),
            RawRow(2, "全体構想", "将来都市構造の図を大きくしてほしい。", "参考とします。")]
    whole, heading = import_comments(rows, DOC_WITH_WHOLE_IN_A_TITLE, {})
    assert whole.locator.whole and whole.resolved_section_paths == () and whole.warnings == ()
    assert heading.resolved_section_paths == (("第3章　全体構想",),) and not heading.locator.whole
    data = comments_to_json([whole, heading])
    assert data["comments"][0]["locator"]["whole"] is True and "whole" not in data["comments"][1]["locator"]
    assert comments_from_json(data) == (whole, heading)
