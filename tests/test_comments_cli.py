"""``revtool comments import`` / ``list`` on a real workspace."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.workspace_helpers import run, workspace_with_soan

HERE = FIXTURES / "comments"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    pytest.importorskip("revtool.workspace.store")
    return workspace_with_soan(tmp_path)


def test_import_commits_json_and_original(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["-C", str(workspace), "comments", "import", str(HERE / "merged.xlsx")], capsys)
    assert code == 0, err
    assert "7 件を取り込みました" in out
    data = json.loads((workspace / "comments" / "comments.json").read_text(encoding="utf-8"))
    assert data["against"] == "素案" and data["source"] == "merged.xlsx"
    assert [c["id"] for c in data["comments"]] == [f"C0{i}" for i in range(1, 8)]
    assert (workspace / "comments" / "merged.xlsx").exists()
    log = subprocess.run(["git", "-C", str(workspace), "log", "-1", "--format=%B"], capture_output=True, text=True).stdout
    assert "merged.xlsx" in log and "Revtool-Against: 素案" in log
    status = subprocess.run(["git", "-C", str(workspace), "status", "--porcelain"], capture_output=True, text=True).stdout
    assert status.strip() == ""

    # a second import replaces the first one's original file
    code, _, err = run(["-C", str(workspace), "comments", "import", str(HERE / "cp932.csv"), "--against", "素案"], capsys)
    assert code == 0, err
    assert not (workspace / "comments" / "merged.xlsx").exists()
    assert (workspace / "comments" / "cp932.csv").exists()


def test_list_formats_and_filter(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["-C", str(workspace), "comments", "import", str(HERE / "cp932.csv")], capsys)[0] == 0
    code, out, _ = run(["-C", str(workspace), "comments", "list", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert len(data["comments"]) == 6
    assert data["comments"][4]["resolved_section_paths"][0][-1] == "施策11　職員のデジタルスキルの向上"

    code, out, _ = run(["-C", str(workspace), "comments", "list", "--type", "反映", "--format", "json"], capsys)
    assert [c["id"] for c in json.loads(out)["comments"]] == ["C01"]

    code, out, _ = run(["-C", str(workspace), "comments", "list", "--format", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["id", "row", "素案該当箇所"] and len(rows) == 7

    code, out, _ = run(["-C", str(workspace), "comments", "list"], capsys)
    assert code == 0 and "C06" in out and "不反映" in out

    code, _, err = run(["-C", str(workspace), "comments", "list", "--type", "採用"], capsys)
    assert code == 2


@pytest.mark.parametrize(
    ("name", "needle"),
    [("noheader.csv", "見出し行"), ("password.xlsx", "パスワード"), ("unknown-encoding.csv", "文字コード")],
)
def test_bad_tables_exit_1_with_a_message(workspace: Path, capsys, name: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["-C", str(workspace), "comments", "import", str(HERE / name)], capsys)
    assert code == 1
    assert name in err and needle in err
    assert "Traceback" not in err


def test_list_before_import(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["-C", str(workspace), "comments", "list"], capsys)
    assert code == 1 and "取り込まれていません" in err


def test_nakano_import_pdf_against_extracted_soan(nakano: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("revtool.workspace.store")
    root = tmp_path / "ws"
    assert run(["init", str(root)], capsys)[0] == 0
    code, _, err = run(["-C", str(root), "ingest", str(nakano / "soan.pdf"), "--version", "素案"], capsys)
    assert code == 0, err
    code, out, err = run(["-C", str(root), "comments", "import", str(nakano / "comments" / "bessi1.docx")], capsys)
    assert code == 0, err
    expected = json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))["comments"]
    got = json.loads((root / "comments" / "comments.json").read_text(encoding="utf-8"))["comments"]
    assert [c["resolved_section_paths"] for c in got] == [[e["resolved_section_path"]] for e in expected]
    assert [c["soan_pages"] for c in got] == [e["soan_pages"] for e in expected]
    assert [c["response_type"] == "反映" for c in got] == [e["reflected"] for e in expected]
