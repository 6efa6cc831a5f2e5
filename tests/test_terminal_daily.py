"""Issue 13 items 8–12: the terminal (pager, labels never cut, 禁則処理,
show of a subtree, help and usage errors)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pty_helpers import run_in_pty
from tests.review_helpers import build_example, run, runner
from revtool.cli import app


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("terminal"))


# ---------------------------------------------------------------- 8. pager


def test_diff_on_a_terminal_goes_through_the_pager(ws: Path, tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案"], {"PAGER": f"cat > {got}", "COLUMNS": "80"})
    assert code == 0, out
    paged = got.read_text(encoding="utf-8")
    assert "施策" in paged and "施策" not in out  # all of it went to the pager, nothing around it


def test_no_pager_and_pager_cat_print_directly(ws: Path, tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案", "--no-pager"], {"PAGER": f"cat > {got}"})
    assert code == 0 and "施策" in out and not got.exists()
    code, out = run_in_pty(["-C", str(ws), "diff", "素案", "案"], {"PAGER": "cat"})
    assert code == 0 and "施策" in out


def test_diff_piped_never_pages(ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {got}")
    assert "施策" in run(ws, "diff", "素案", "案").output and not got.exists()


# ---------------------------------------------------------------- 10. 禁則処理


from revtool.render.linebreak import NO_END, NO_START, wrap  # noqa: E402

BOX = "│┃║|╭╮╰╯─━┏┓┗┛┡┩╇┳┻╋┼├┤┬┴└┘┌┐"


def kinsoku_violations(output: str) -> list[str]:
    """Lines (of each table cell) that start with a closing mark or end with an opening one."""
    bad = []
    for line in output.splitlines():
        for cell in line.strip(BOX).split("│"):
            cell = cell.strip(BOX + " \u3000")
            if cell and (cell[0] in "、。）」』，．" or cell[-1] in "（「『"):
                bad.append(line)
    return bad


SENTENCE = (
    "本計画は、国のガイドライン（第3版）の改定を踏まえ、「子ども・子育て支援」の施策を見直した。"
    "詳細は P. 12 及び P.13 を参照。意見 C05 と C101 を反映（R3）。"
)


@pytest.mark.parametrize("width", range(8, 60))
def test_wrap_follows_kinsoku_and_keeps_ids_whole(width: int) -> None:
    lines = wrap(SENTENCE, width)
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")
    for line in lines[1:]:
        assert line[0] not in NO_START, (width, lines)
    for line in lines[:-1]:
        assert line[-1] not in NO_END, (width, lines)
    for token in ("P. 12", "P.13", "C05", "C101", "R3"):
        assert any(token in line for line in lines), (token, width, lines)


@pytest.mark.parametrize("args", [["diff", "素案", "案"], ["trace", "R4"], ["comments", "list"], ["show", "案", "施策3"]])
def test_every_wrapped_view_follows_kinsoku(ws: Path, args: list[str]) -> None:
    for width in ("60", "80"):
        out = runner.invoke(app, ["-C", str(ws), *args], env={"COLUMNS": width}).output
        assert kinsoku_violations(out) == [], (args, width)


# ---------------------------------------------------------------- 12. help, usage errors, --version


def _commands() -> list[list[str]]:
    out = []
    for info in app.registered_commands:
        out.append([info.name or ""])
    for group in app.registered_groups:
        for info in group.typer_instance.registered_commands:
            out.append([group.name or "", info.name or ""])
    return out


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c))
def test_help_has_examples_and_nothing_cut_at_80_columns(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "…" not in result.output  # no option text cut
    assert all(len(line) <= 80 for line in result.output.splitlines())
    examples = result.output.split("例:", 1)[1]
    assert f"revtool {' '.join(command)}" in examples


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["dif", "素案", "案"], ["コマンド「dif」はありません", "もしかして「diff」"]),
        (["ingest", "soan.pdf"], ["オプション「--version」を指定してください"]),
        (["ingest", "soan.pdf", "--verison", "案"], ["「--verison」はありません", "もしかして「--version」"]),
        (["diff", "素案"], ["引数「NEW」を指定してください"]),
        (["comments", "imprt"], ["もしかして「import」"]),
        (["diff", "素案", "案", "--format", "xml"], ["「--format」の値が正しくありません"]),
        (["show", "案", "--depth", "x"], ["「--depth」の値が正しくありません", "数値を指定してください"]),
        (["-C", "/etc/hostname", "versions"], ["「--workspace」の値が正しくありません", "ファイルです"]),
    ],
)
def test_usage_errors_are_one_japanese_line(args: list[str], needles: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("エラー: "), result.output
    assert all(n in lines[0] for n in needles), lines[0]
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", lines[0])  # no English sentence


def test_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"revtool {version('revtool')}"


# ---------------------------------------------------------------- 9. labels never cut, row headers


def _diff_json(ws: Path) -> list[dict]:  # type: ignore[type-arg]
    import json

    return json.loads(run(ws, "diff", "素案", "案", "--format", "json").output)["changes"]


@pytest.mark.parametrize("width", ["80", "70"])
def test_cell_change_labels_are_never_cut(ws: Path, width: str) -> None:
    changes = _diff_json(ws)
    cells = [c for c in changes if c["block_kind"] == "table" and c["kind"] == "modified"]
    assert cells
    out = runner.invoke(app, ["-C", str(ws), "diff", "素案", "案", "--editorial"], env={"COLUMNS": width}).output
    for c in cells:
        line = next(line for line in out.splitlines() if f" {c['id']} " in line)
        label = "実質" if c["substantive"] else "文言整理"
        assert label in line and f"{c['id']}  {label}" in line, line


def test_added_table_row_shows_its_column_headers(ws: Path) -> None:
    changes = _diff_json(ws)
    added = next(c for c in changes if c["block_kind"] == "table" and c["kind"] == "added" and "行『" in c["location"])
    out = run(ws, "diff", "素案", "案").output
    after = out.split(added["id"], 1)[1].split("────", 1)[0]
    assert "取組" in after and "令和8年度" in after  # the roadmap table's header row


# ---------------------------------------------------------------- 11. show a subtree; show and trace agree


def _doc(ws: Path):  # type: ignore[no-untyped-def]
    from revtool.workspace.store import Workspace

    return Workspace.open(ws).load("案")


def test_show_prints_the_subtree_and_depth_limits_it(ws: Path) -> None:
    doc = _doc(ws)
    path, sec = next((p, s) for p, s in doc.walk() if s.number == "施策5")
    assert sec.children
    out = run(ws, "show", "案", "施策5").output
    for child in sec.children:
        assert child.heading in out
        for block in [b for b in child.blocks if b.table is None][:1]:
            assert block.text.splitlines()[0][:20] in out.replace("\n", "")
    shallow = run(ws, "show", "案", "施策5", "--depth", "0").output
    assert not any(child.heading in shallow for child in sec.children)
    assert " ＞ ".join(path) in shallow.replace("\n", "")  # the full path, not cut


def test_show_and_trace_count_the_same_matches(ws: Path) -> None:
    doc = _doc(ws)
    n = sum(1 for _, s in doc.walk() if "成果指標" in s.heading)
    assert n > 1
    show = run(ws, "show", "案", "成果指標").output
    assert f"「成果指標」に一致する節: {n} 件" in show
    trace = run(ws, "trace", "成果指標").output.replace("\n", "")
    assert f"「成果指標」に一致する節が {n} 件あります" in trace
    first = next(p for p, s in doc.walk() if "成果指標" in s.heading)
    assert " ＞ ".join(first) in trace


def test_trace_shows_an_added_row_under_its_headers(ws: Path) -> None:
    changes = _diff_json(ws)
    added = next(c for c in changes if c["block_kind"] == "table" and c["kind"] == "added" and "行『" in c["location"])
    from revtool.pipeline import build_for_workspace
    from revtool.workspace.store import Workspace

    log = build_for_workspace(Workspace.open(ws), "素案", "案").changelog
    row = next(r for r in log.rows if any(c.id.split(".")[0] == added["id"] for c in r.changes))
    out = run(ws, "trace", row.id).output
    change = out.split(added["id"], 1)[1].split("リンクした", 1)[0]  # the change, not the comments below it
    assert "令和10年度" in change and "令和12年度" in change


# ---------------------------------------------------------------- progress (issue 15)


def test_ingest_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.review_helpers import DRAFTS

    for name in ("tty", "pipe"):
        assert runner.invoke(app, ["init", str(tmp_path / name)]).exit_code == 0
    code, out = run_in_pty(["-C", str(tmp_path / "tty"), "ingest", str(DRAFTS / "soan.docx"), "--version", "素案"])
    assert code == 0, out
    assert "soan.docx を読み取り、「素案」として記録しています" in out  # the bar, on stderr
    assert "「素案」として soan.docx を取り込みました" in out.replace("\n", "").replace("\r", "")
    piped = subprocess.run([sys.executable, "-m", "revtool.cli", "-C", str(tmp_path / "pipe"), "ingest",
                            str(DRAFTS / "soan.docx"), "--version", "素案"], capture_output=True, text=True)
    assert piped.returncode == 0, piped.stderr
    assert "記録しています" not in piped.stderr + piped.stdout and "\x1b[" not in piped.stderr
