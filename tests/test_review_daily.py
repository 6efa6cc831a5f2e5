"""Issue 13 items 1–4: decisions follow their comment through a re-import,
unknown comment ids are refused, Ctrl-C in an interactive review keeps what was
decided (and the next run resumes), causes typed in Japanese."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import pty
import select
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from revtool.cli import main
from revtool.comments.fingerprint import comment_fingerprint, resolve_ids
from revtool.model import Comment, Locator
from revtool.pipeline import build_for_workspace
from revtool.changes.decisions import parse_decisions
from revtool.workspace.store import Workspace
from tests.pty_helpers import ctrl_c_as_at_a_terminal
from tests.review_helpers import DRAFTS, build_example, copy_workspace, git, run, runner
from revtool.cli import app


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("daily"))


@pytest.fixture
def ws(pristine: Path, tmp_path: Path) -> Path:
    return copy_workspace(pristine, tmp_path / "ws")


def rows(ws: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    result = build_for_workspace(Workspace.open(ws), "素案", "案")
    from revtool.render.registry import render_changelog as render

    data = json.loads(render(result.changelog, result.meta, "json"))
    return {r["id"]: r for r in data["rows"]}


def comments(ws: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    data = json.loads((ws / "comments" / "comments.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["comments"]}


def table_without(tmp_path: Path, comment_row: int) -> Path:
    """bessi1.tsv with the data row of ``C<comment_row>`` removed (a corrected 別紙1)."""
    text = (DRAFTS / "bessi1.tsv").read_text(encoding="utf-8")
    head, _, body = text.partition("素案該当箇所")
    records = list(csv.reader(io.StringIO("素案該当箇所" + body), delimiter="\t"))
    data = [i for i, r in enumerate(records) if r and r[0] != "素案該当箇所"]  # the header repeats per page
    del records[data[comment_row - 1]]
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\n").writerows(records)
    out = tmp_path / "bessi1.tsv"
    out.write_text(head + buf.getvalue(), encoding="utf-8")
    return out


def linked_row(ws: Path, cid: str) -> str:
    return next(r for r, row in rows(ws).items() if row["cause"]["comment_ids"] == [cid])


# ---------------------------------------------------------------- 1. decisions follow the comment


def test_confirmed_link_follows_its_comment_when_an_earlier_row_is_removed(ws: Path, tmp_path: Path) -> None:
    row = linked_row(ws, "C05")
    opinion = comments(ws)["C05"]["opinion"]
    run(ws, "review", "素案", "案", "--accept", row)
    out = run(ws, "comments", "import", str(table_without(tmp_path, 2))).output  # C02 removed
    assert "意見 C05 は C04 に移りました" in out
    assert comments(ws)["C04"]["opinion"] == opinion
    got = rows(ws)[row]["cause"]
    assert got["comment_ids"] == ["C04"] and got["confidence"] == 1.0
    trace = run(ws, "trace", row).output
    assert "C04" in trace
    assert git(ws, "status", "--porcelain") == ""  # decisions.toml committed with the import


def test_old_decisions_file_without_fingerprints_keeps_working(ws: Path, tmp_path: Path) -> None:
    row = linked_row(ws, "C05")
    (ws / "decisions.toml").write_text(f'[[links]]\ncomment = "C05"\nrow = "{row}"\nstatus = "confirmed"\n', encoding="utf-8")
    git(ws, "add", "decisions.toml")
    git(ws, "commit", "-q", "-m", "手で書いた判断")
    assert rows(ws)[row]["cause"]["confidence"] == 1.0
    out = run(ws, "comments", "import", str(table_without(tmp_path, 1))).output  # C01 removed
    assert "意見 C05 は C04 に移りました" in out
    assert rows(ws)[row]["cause"]["comment_ids"] == ["C04"]
    assert parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8")).confirmed == (("C04", row),)


def test_link_to_a_removed_comment_is_reported_and_not_applied_to_its_successor(ws: Path, tmp_path: Path) -> None:
    row = linked_row(ws, "C05")
    run(ws, "review", "素案", "案", "--accept", row)
    out = run(ws, "comments", "import", str(table_without(tmp_path, 5))).output  # C05 itself removed
    assert "意見 C05 は取り込み直した意見の表にありません" in out
    got = rows(ws)[row]["cause"]
    assert got["confidence"] < 1.0  # the new C05 (old C06) did not inherit the confirmation
    kept = tomllib.loads((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert kept["links"][0]["vanished"] is True  # kept for the record


def test_changed_comments_json_without_import_is_resolved_and_reported(ws: Path, tmp_path: Path) -> None:
    """Decisions are re-resolved at every build, not only on import."""
    row = linked_row(ws, "C05")
    run(ws, "review", "素案", "案", "--accept", row)
    data = json.loads((ws / "comments" / "comments.json").read_text(encoding="utf-8"))
    data["comments"] = [c for c in data["comments"] if c["id"] != "C01"]
    for i, c in enumerate(data["comments"], 1):
        c["id"], c["row"] = f"C{i:02d}", i
    (ws / "comments" / "comments.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    git(ws, "commit", "-q", "-am", "手で意見を差し替え")
    assert rows(ws)[row]["cause"]["comment_ids"] == ["C04"]
    out = run(ws, "changelog", "素案", "案", "--format", "md", "-o", str(tmp_path / "x.md")).output
    assert "C05 は C04 に移りました" in out


def test_resolve_ids_keeps_identical_comments_in_order() -> None:
    def c(i: int, opinion: str) -> Comment:
        return Comment(f"C{i:02d}", i, "第1章", opinion, "考え方", Locator(raw="第1章"))

    old = [c(1, "同じ意見"), c(2, "同じ意見"), c(3, "別の意見")]
    new = [c(1, "同じ意見"), c(2, "別の意見")]
    fp = {x.id: comment_fingerprint(x) for x in old}
    mapping, moves = resolve_ids(fp, new)
    assert mapping == {"C01": "C01", "C02": None, "C03": "C02"}
    assert [(m.old_id, m.new_id) for m in moves] == [("C02", None), ("C03", "C02")]
    # width and spacing variants do not change a fingerprint
    assert comment_fingerprint(c(1, "意見 ＡＢＣ")) == comment_fingerprint(c(1, "意見ABC"))


# ---------------------------------------------------------------- 2. unknown comment ids


def test_link_to_a_comment_that_does_not_exist_is_refused(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["-C", str(ws), "review", "素案", "案", "--link", "R4=C98"])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "C98" in err and "ありません" in err and "Traceback" not in err
    assert not (ws / "decisions.toml").exists()


def test_interactive_link_to_an_unknown_comment_asks_again(ws: Path) -> None:
    out = run(ws, "review", "素案", "案", input="l\nC99\nC06\nq\n").output
    assert "C99 は取り込んだ意見の表にありません" in out
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert [c for c, _ in d.confirmed] == ["C06"]


# ---------------------------------------------------------------- 4. causes in Japanese


def test_cause_typed_in_japanese(ws: Path) -> None:
    run(ws, "review", "素案", "案", "--cause", "R3=内部:組織改正")
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert d.row("R3").cause == "internal" and d.row("R3").note == "組織改正"


def test_interactive_cause_in_japanese_after_an_invalid_one(ws: Path) -> None:
    out = run(ws, "review", "素案", "案", input="c\nたぶん内部\n外部：国の指針改定\nq\n").output
    assert "意見・外部・内部・不明" in out  # the invalid answer is explained, then asked again
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    (row,) = [r for r, rd in d.rows.items() if rd.cause]
    assert d.row(row).cause == "external" and d.row(row).note == "国の指針改定"


def test_invalid_menu_key_is_asked_again(ws: Path) -> None:
    out = run(ws, "review", "素案", "案", input="z\nx\nq\n").output
    assert "一覧にある文字を入力してください" in out
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert sum(1 for rd in d.rows.values() if rd.exclude) == 1


# ---------------------------------------------------------------- 3. Ctrl-C keeps the decisions; resume


def _read_until(fd: int, needle: str, seen: list[str], timeout: float = 120.0, count: int = 1) -> None:
    end = time.monotonic() + timeout
    while "".join(seen).count(needle) < count:
        if time.monotonic() > end:
            raise AssertionError(f"{needle!r} not seen in {''.join(seen)[-2000:]}")
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            try:
                seen.append(os.read(fd, 65536).decode("utf-8", "replace"))
            except OSError:
                break


def test_ctrl_c_in_interactive_review_keeps_decisions_and_next_run_resumes(ws: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "PAGER": "cat"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "revtool.cli", "-C", str(ws), "review", "素案", "案"],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, preexec_fn=ctrl_c_as_at_a_terminal,
    )
    os.close(slave)
    seen: list[str] = []
    try:
        _read_until(master, "操作", seen)
        first = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen)).split("1/", 1)[1].split()[1]
        os.write(master, "x\n".encode())  # exclude the first row
        _read_until(master, "2/", seen)
        _read_until(master, "操作", seen, count=2)  # the second row's prompt: the first decision is saved
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _read_until(master, "中断しました", seen)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    out = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen))
    assert "保存済み" in out and "Traceback" not in out
    assert proc.returncode == 130
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert d.row(first).exclude  # the decision made before Ctrl-C is kept, and committed
    assert git(ws, "status", "--porcelain") == ""
    again = run(ws, "review", "素案", "案", input="q\n").output
    assert "前回の続きから再開します" in again
    assert f"1/" in again and f"  {first}（確認済み）" not in again.split("1/", 1)[1].split("\n", 1)[0]
