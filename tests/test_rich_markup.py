"""Rich markup in user text (comments, headings, file and folder names) prints as
written and never crashes a command (issue 16, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool.cli.app import make_console, styled
from tests.workspace_helpers import run

HEADING = "2. 施策[/]と[bold]見出し"
ADDED = "[link=http://evil.example/]ここを押す[/link]窓口を設ける。"
OPINION = "[/]相談窓口を設けてほしい。[bold]至急[/bold]"


def plan_docx(path: Path, *, revised: bool) -> Path:
    import docx

    doc = docx.Document()
    doc.add_heading("第1章　計画の概要", level=1)
    doc.add_heading("1. 計画の目的", level=2)
    doc.add_paragraph("区は、デジタル技術を活用して区民サービスの向上を図る。")
    doc.add_heading(HEADING, level=2)
    doc.add_paragraph("施策1　窓口の手続をオンライン化する。" + (ADDED if revised else ""))
    doc.save(str(path))
    return path


def ok(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run(list(args), capsys)
    assert code == 0, err
    assert "Traceback" not in err and "MarkupError" not in err
    return out + err


def test_console_prints_markup_literally(capsys) -> None:  # type: ignore[no-untyped-def]
    console = make_console()
    console.print("[/] [bold]x[/bold] [link=http://e]y soan[draft].docx :warning:")
    console.print(styled(("[/b]", "bold"), " [dim]"))
    out = capsys.readouterr().out
    assert "[/] [bold]x[/bold] [link=http://e]y soan[draft].docx :warning:" in out and "[/b] [dim]" in out


def test_markup_in_user_text_through_every_command(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "300")  # tables wide enough not to wrap the names we look for
    ws = tmp_path / "ws[/b][bold]"
    out = ok(capsys, "init", str(ws), "--plan", "計画[/]")
    assert "ws[/b][bold]" in out
    soan = plan_docx(tmp_path / "soan[draft].docx", revised=False)
    an = plan_docx(tmp_path / "an[bold].docx", revised=True)
    assert "soan[draft].docx" in ok(capsys, "-C", str(ws), "ingest", str(soan), "--version", "素案")
    assert "an[bold].docx" in ok(capsys, "-C", str(ws), "ingest", str(an), "--version", "案")
    table = tmp_path / "iken[link=x].csv"
    table.write_text(f"該当箇所,意見の概要,区の考え方\r\n{HEADING},{OPINION},ご意見を踏まえ[bold]窓口[/]を設けます。\r\n",
                     encoding="utf-8")
    out = ok(capsys, "-C", str(ws), "comments", "import", str(table))
    assert "iken[link=x].csv" in out
    assert "[/]相談窓口" in ok(capsys, "-C", str(ws), "comments", "list")
    assert "soan[draft].docx" in ok(capsys, "-C", str(ws), "versions")
    assert "[/]と[bold]見出し" in ok(capsys, "-C", str(ws), "show", "素案")
    assert "[link=http://evil.example/]" in ok(capsys, "-C", str(ws), "show", "案", "[bold]見出し")
    assert "[link=http://evil.example/]" in ok(capsys, "-C", str(ws), "diff", "素案", "案")
    assert "[/]と[bold]見出し" in ok(capsys, "-C", str(ws), "changelog", "素案", "案")
    out = ok(capsys, "-C", str(ws), "changelog", "素案", "案", "-o", str(tmp_path / "c[/b].md"))
    assert "c[/b].md" in out and (tmp_path / "c[/b].md").exists()
    ok(capsys, "-C", str(ws), "trace", "R1")
    ok(capsys, "-C", str(ws), "trace", "C01")
    ok(capsys, "-C", str(ws), "blame", "案", "[bold]見出し")
    ok(capsys, "-C", str(ws), "review", "素案", "案", "--summary", "R1=[/]要約[bold]", "--dry-run")
    out = ok(capsys, "-C", str(ws), "review", "素案", "案", "--summary", "R1=[/]要約[bold]")
    assert "[/]要約[bold]" in ok(capsys, "-C", str(ws), "changelog", "素案", "案")
    out = ok(capsys, "-C", str(ws), "taisho", "素案", "案", "-f", "html", "-o", str(tmp_path / "t[/b].html"))
    assert "t[/b].html" in out
    # a refusal that quotes user text is one clean line too
    code, _, err = run(["-C", str(ws), "show", "素案", "[/]存在しない節"], capsys)
    assert code == 1 and "Traceback" not in err and "[/]存在しない節" in err
