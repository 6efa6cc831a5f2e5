"""A reviewer's Word comment in the 案 must never reach 別紙2 or the 新旧対照表
(issue 16, item 2): comments, hidden text and revision authors are not plan text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.workspace_helpers import run

MEMO = "【内部メモ】課長：この施策は議員から要望あり。"
HIDDEN = "非公開の検討経緯"


def plan_docx(path: Path, *, revised: bool) -> Path:
    import docx

    doc = docx.Document()
    doc.add_heading("第1章　計画の概要", level=1)
    doc.add_heading("1. 計画の目的", level=2)
    doc.add_paragraph("区は、デジタル技術を活用して区民サービスの向上を図る。")
    doc.add_heading("2. 施策", level=2)
    p = doc.add_paragraph("施策1　窓口の手続をオンライン化する。")
    if revised:
        run_ = p.add_run("あわせて、高齢者向けの相談窓口を設ける。")
        doc.add_comment(run_, text=MEMO, author="企画課長", initials="KK")
        hidden = p.add_run(HIDDEN)
        hidden.font.hidden = True
    doc.save(str(path))
    return path


@pytest.fixture
def workspace(tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    ws = tmp_path / "ws"
    assert run(["init", str(ws), "--plan", "テスト計画"], capsys)[0] == 0
    soan = plan_docx(tmp_path / "soan.docx", revised=False)
    an = plan_docx(tmp_path / "an.docx", revised=True)
    assert run(["-C", str(ws), "ingest", str(soan), "--version", "素案"], capsys)[0] == 0
    code, _, err = run(["-C", str(ws), "ingest", str(an), "--version", "案"], capsys)
    assert code == 0, err
    assert err.count("Word のコメント 1 件") == 1 and "--include-comments" in err  # warned once
    return ws


def test_comment_stays_out_of_the_workspace_and_every_output(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    manifest = json.loads((workspace / "sections" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["left_out"] == {"word_comments": 1, "hidden_text_runs": 1}
    tracked = "".join(p.read_text(encoding="utf-8") for p in (workspace / "sections").rglob("*.md"))
    assert "高齢者向けの相談窓口" in tracked  # the commented text itself is plan text
    assert "内部メモ" not in tracked and HIDDEN not in tracked
    for fmt in ("md", "json", "csv"):
        code, out, err = run(["-C", str(workspace), "changelog", "素案", "案", "-f", fmt, "-o", "-"], capsys)
        assert code == 0, err
        assert "高齢者向けの相談窓口" in out
        assert "内部メモ" not in out and "議員" not in out and HIDDEN not in out
    code, out, err = run(["-C", str(workspace), "taisho", "素案", "案", "-f", "html", "-o", "-"], capsys)
    assert code == 0, err
    assert "高齢者向けの相談窓口" in out and "内部メモ" not in out and HIDDEN not in out


def test_comments_come_in_only_when_asked(tmp_path: Path, workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    an = plan_docx(tmp_path / "an2.docx", revised=True)
    code, _, err = run(["-C", str(workspace), "ingest", str(an), "--version", "案2", "--include-comments"], capsys)
    assert code == 0, err
    tracked = "".join(p.read_text(encoding="utf-8") for p in (workspace / "sections").rglob("*.md"))
    assert "内部メモ" in tracked and HIDDEN not in tracked
