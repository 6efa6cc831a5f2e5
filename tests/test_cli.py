"""The command line as a user meets it: help, exit codes, bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revtool.cli import app
from tests.workspace_helpers import git, run

runner = CliRunner()


def _all_commands():
    from typer.main import get_command

    root = get_command(app)
    stack = [((), root)]
    while stack:
        prefix, cmd = stack.pop()
        for name, sub in getattr(cmd, "commands", {}).items():
            stack.append(((*prefix, name), sub))
        if prefix:
            yield prefix, cmd


def test_every_command_has_japanese_help() -> None:
    seen = 0
    for names, cmd in _all_commands():
        seen += 1
        assert cmd.help, f"{' '.join(names)} has no help"
        assert any("\u3040" <= ch <= "\u9fff" for ch in cmd.help), f"{' '.join(names)} help is not Japanese"
        for param in cmd.params:
            if getattr(param, "help", None) is not None and param.name not in ("help",):
                assert any("\u3040" <= ch <= "\u9fff" for ch in param.help), f"{names} --{param.name}"
    assert seen >= 5


def test_help_screen_is_japanese() -> None:
    result = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "使い方" in result.output and "取り込む DOCX または PDF" in result.output
    assert "Show this message" not in result.output


def test_unknown_option_is_usage_error(capsys) -> None:
    code, _, _ = run(["versions", "--nope"], capsys)
    assert code == 2


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["show", "案", "--depth", "-1"], "「--depth」の値が正しくありません: 0 以上の数を指定してください。"),
        (["ingest", "an.docx", "--version", "案", "--max-size", "0"], "「--max-size」の値が正しくありません: 1 以上の数を指定してください。"),
        (["comments", "import", "x.csv", "--max-size", "-5"], "「--max-size」の値が正しくありません: 1 以上の数を指定してください。"),
    ],
)
def test_out_of_range_number_is_a_japanese_usage_error(args: list[str], said: str, capsys) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert said in err
    assert "Input should" not in err and "Traceback" not in err


def test_not_a_workspace(tmp_path: Path, capsys) -> None:
    code, _, err = run(["-C", str(tmp_path), "versions"], capsys)
    assert code == 1
    assert "ワークスペースではありません" in err
    assert "Traceback" not in err


# ------------------------------------------------------------ bad input for ingest


@pytest.fixture
def workspace(tmp_path: Path, capsys) -> Path:
    ws = tmp_path / "ws"
    code, _, err = run(["init", str(ws), "--plan", "テスト計画"], capsys)
    assert code == 0, err
    return ws


def _state(ws: Path) -> tuple[str, str, str]:
    return git(ws, "rev-parse", "HEAD"), git(ws, "tag", "--list"), git(ws, "status", "--porcelain", "--untracked-files=all")


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    tmp.mkdir()
    empty = tmp / "empty.docx"
    empty.write_bytes(b"")
    unsupported = tmp / "plan.txt"
    unsupported.write_text("第1章　総論\n", encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
    truncated = tmp / "truncated.docx"
    truncated.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    pdf_as_docx = tmp / "really-a-pdf.docx"
    pdf_as_docx.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    return {
        "missing": (tmp / "nothere.docx", "見つかりません"),
        "empty": (empty, "空"),
        "unsupported": (unsupported, "対応していない形式"),
        "truncated": (truncated, "壊れて"),
        "pdf-as-docx": (pdf_as_docx, "PDF"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "unsupported", "truncated", "pdf-as-docx"])
def test_bad_file_is_refused_cleanly(case: str, workspace: Path, tmp_path: Path, capsys) -> None:
    path, words = _bad_files(tmp_path / "bad")[case]
    before = _state(workspace)
    code, _, err = run(["-C", str(workspace), "ingest", str(path), "--version", "素案"], capsys)
    assert code == 1
    assert path.name in err and words in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2
    assert _state(workspace) == before


@pytest.mark.parametrize("label", ["a/b", "..", "素案 2", "素案\u30002", "x..y"])
def test_bad_version_label_is_refused(label: str, workspace: Path, tmp_path: Path, capsys) -> None:
    doc = tmp_path / "plan.docx"
    doc.write_bytes(b"PK\x03\x04")
    before = _state(workspace)
    code, _, err = run(["-C", str(workspace), "ingest", str(doc), "--version", label], capsys)
    assert code == 1
    assert "版" in err and "Traceback" not in err
    assert _state(workspace) == before


def test_help_loads_no_stage_of_the_pipeline() -> None:
    """issue 15: `revtool --help` costs typer and rich, not the tool: no stage,
    renderer of results, workspace code or revtool.api is imported for it."""
    import subprocess
    import sys

    code = ("import sys\nfrom revtool.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(m for m in sys.modules if m.startswith('revtool')), file=sys.stderr)")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "使い方" in got.stdout
    loaded = set(got.stderr.split())
    assert "revtool.cli" in loaded
    heavy = {"revtool.api", "revtool.model", "revtool.pipeline"}
    stages = ("revtool.changes", "revtool.compare", "revtool.comments", "revtool.extract", "revtool.views", "revtool.workspace")
    constants = {"revtool.workspace", "revtool.workspace.paths"}  # folder names, for default output paths
    assert not loaded & heavy and not [m for m in loaded - constants if m.startswith(stages)], sorted(loaded)
