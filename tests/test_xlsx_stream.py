"""The XLSX comment reader streams (read-only mode, once), caps rows with a clear
message, and names formula cells it cannot read instead of dropping them
(issue 16, items 6 and 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import revtool.comments.read_xlsx as read_xlsx
from revtool.comments import read_comment_table
from revtool.errors import CommentTableError
from tests.workspace_helpers import run, workspace_with_soan
from tests.xlsx_helpers import write_xlsx

HEADER = ("該当箇所", "意見の概要", "区の考え方")


def test_rows_over_the_cap_are_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_xlsx, "MAX_ROWS", 2_000)
    rows = [HEADER] + [("P.1", f"意見{i}", "参考とします。") for i in range(3_000)]
    path = write_xlsx(tmp_path / "huge.xlsx", rows)
    with pytest.raises(CommentTableError) as exc:
        read_comment_table(path)
    assert "huge.xlsx" in exc.value.message and "2,000 行を超えています" in exc.value.message
    under = write_xlsx(tmp_path / "ok.xlsx", rows[:1_500])
    assert len(read_comment_table(under)) == 1_499


def test_the_workbook_is_opened_once_in_read_only_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    calls: list[dict[str, object]] = []
    real = openpyxl.load_workbook

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    read_comment_table(write_xlsx(tmp_path / "t.xlsx", [HEADER, ("P.1", "意見", "参考とします。")]))
    assert len(calls) == 1 and calls[0].get("read_only") is True


def test_formulas_without_saved_values(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ("P.1", "窓口を増やしてほしい。", "=\"ご意見を\"&\"踏まえ検討します。\""),  # evaluated
        ("P.2", "=B2", "参考とします。"),  # a reference: evaluated
        ("P.3", "=VLOOKUP(A4,Sheet2!A:B,2,FALSE)", "=IF(A4=\"\",\"\",\"反映します。\")"),  # not: kept, named
        ("P.4", "駐輪場を設けてほしい。", "参考とします。"),
    ]
    got = read_comment_table(write_xlsx(tmp_path / "f.xlsx", rows))
    assert [r.opinion for r in got] == ["窓口を増やしてほしい。", "窓口を増やしてほしい。", "", "駐輪場を設けてほしい。"]
    assert got[0].response == "ご意見を踏まえ検討します。"
    assert got[2].ref == "P.3" and "別紙1!B4" in got[2].note and "別紙1!C4" in got[2].note
    assert "保存された値がない" in got[2].note and not got[0].note


def test_formula_warning_reaches_the_user(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = workspace_with_soan(tmp_path)
    rows = [HEADER, ("P.1", "窓口を増やしてほしい。", "参考とします。"), ("P.1", "=SUM(1,2)", "参考とします。")]
    code, _, err = run(["-C", str(ws), "comments", "import", str(write_xlsx(tmp_path / "g.xlsx", rows))], capsys)
    assert code == 0, err
    assert "C02" in err and "別紙1!B3" in err
