"""Faults through the real command line (issue 8): ``kill -9`` at injected points of
``ingest`` and of ``comments import`` (``commit_files``, which review uses too),
concurrent ingests, a stale lock, a full disk, a hand-edited work tree. After each,
the workspace is at its last good commit, ``git status`` is clean and the next
command works.

tests/test_store.py covers the same faults one level down (the library, the
lock, each store step failing with ENOSPC); these tests drive ``python -m
revtool`` in subprocesses with real DOCX files."""

from __future__ import annotations

import errno
import io
import json
import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from revtool.workspace.lock import LOCK_NAME
from revtool.workspace.store import CRASH_ENV, JOURNAL_NAME

POINTS = ["after-objects", "after-journal", "after-refs", "after-materialize"]
TABLE_1 = "素案該当箇所\t主な意見\t区の考え方\nP.1（第1章）\t総則を分かりやすく。\t修正します。\n"
TABLE_2 = "素案該当箇所\t主な意見\t区の考え方\nP.1（第1章）\t別の意見です。\t参考にします。\nP.1\t二つ目。\t既に記載しています。\n"


@pytest.fixture
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A fresh machine's git: no user or system config, no crash point."""
    home = tmp_path_factory.mktemp("home")
    base = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != CRASH_ENV}
    return {**base, "HOME": str(home), "GIT_CONFIG_GLOBAL": str(home / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1"}


def revtool(ws: Path, env: dict[str, str], *args: str, crash: str | None = None, preexec=None) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    run_env = {**env, CRASH_ENV: crash} if crash else env
    return subprocess.run(
        [sys.executable, "-m", "revtool", "-C", str(ws), *args],
        env=run_env, capture_output=True, text=True, timeout=120, preexec_fn=preexec,
    )


def git(ws: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(ws), *args], capture_output=True, text=True, check=True).stdout


def state(ws: Path) -> tuple[str, str, str]:
    return git(ws, "rev-parse", "HEAD"), git(ws, "for-each-ref"), git(ws, "status", "--porcelain", "--untracked-files=all")


def plan_docx(path: Path, *paragraphs: str, padding: bytes = b"") -> Path:
    """A DOCX with one chapter; ``padding`` adds an incompressible media part."""
    import docx

    d = docx.Document()
    d.add_heading("第1章　総則", level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    d.add_heading("第2章　施策", level=1)
    d.add_paragraph("施策を進めます。")
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if padding:
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info))
            dst.writestr("word/media/padding.bin", padding)
        data = out.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def ws(tmp_path: Path, env: dict[str, str]) -> Path:
    root = tmp_path / "plan"
    done = subprocess.run([sys.executable, "-m", "revtool", "init", str(root), "--plan", "テスト計画"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    soan = plan_docx(tmp_path / "in" / "soan.docx", "本計画は区の計画です。")
    done = revtool(root, env, "ingest", str(soan), "--version", "素案")
    assert done.returncode == 0, done.stderr
    return root


def an_docx(tmp_path: Path) -> Path:
    return plan_docx(tmp_path / "in" / "an.docx", "本計画は区の基本となる計画です。")


def assert_healthy(ws: Path, before: tuple[str, str, str]) -> None:
    """The next command works, and the workspace is exactly at its last good commit."""
    done = revtool(ws, {k: v for k, v in os.environ.items() if k != CRASH_ENV}, "versions")
    assert done.returncode == 0, done.stderr
    assert state(ws) == before
    assert not (ws / ".git" / JOURNAL_NAME).exists()
    assert not list((ws / ".git").glob("revtool-index-*"))


# ------------------------------------------------------------------ kill -9


@pytest.mark.parametrize("point", POINTS)
def test_kill_9_during_ingest(ws: Path, tmp_path: Path, env: dict[str, str], point: str) -> None:
    before = state(ws)
    an = an_docx(tmp_path)
    killed = revtool(ws, env, "ingest", str(an), "--version", "案", crash=point)
    assert killed.returncode == -9, killed.stderr
    assert_healthy(ws, before)
    done = revtool(ws, env, "ingest", str(an), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert "revtool/案" in git(ws, "tag", "--list")
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""
    shown = revtool(ws, env, "show", "案", "--format", "json")
    assert shown.returncode == 0 and "区の基本となる計画" in shown.stdout


@pytest.mark.parametrize("point", ["after-objects", "after-refs"])  # same machinery as ingest: its two most different states
def test_kill_9_during_comments_import(ws: Path, tmp_path: Path, env: dict[str, str], point: str) -> None:
    first = tmp_path / "in" / "first.tsv"
    first.write_text(TABLE_1, encoding="utf-8")
    done = revtool(ws, env, "comments", "import", str(first))
    assert done.returncode == 0, done.stderr
    before = state(ws)
    second = tmp_path / "in" / "second.tsv"
    second.write_text(TABLE_2, encoding="utf-8")
    killed = revtool(ws, env, "comments", "import", str(second), crash=point)
    assert killed.returncode == -9, killed.stderr
    assert_healthy(ws, before)
    listed = revtool(ws, env, "comments", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [c["opinion"] for c in json.loads(listed.stdout)["comments"]] == ["総則を分かりやすく。"]
    assert (ws / "comments" / "first.tsv").exists() and not (ws / "comments" / "second.tsv").exists()
    done = revtool(ws, env, "comments", "import", str(second))
    assert done.returncode == 0, done.stderr
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.parametrize("point", ["after-journal", "after-refs"])
def test_kill_9_during_review(ws: Path, tmp_path: Path, env: dict[str, str], point: str) -> None:
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    before = state(ws)
    killed = revtool(ws, env, "review", "素案", "案", "--exclude", "R1", crash=point)
    assert killed.returncode == -9, killed.stderr
    assert_healthy(ws, before)
    done = revtool(ws, env, "review", "素案", "案", "--exclude", "R1")
    assert done.returncode == 0, done.stderr
    assert "decisions.toml" in git(ws, "show", "--name-only", "--format=", "HEAD")
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""


def test_kill_9_right_after_the_first_ingest_of_an_empty_workspace(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "plan"
    assert subprocess.run([sys.executable, "-m", "revtool", "init", str(root)], env=env, capture_output=True).returncode == 0
    before = state(root)
    soan = plan_docx(tmp_path / "in" / "soan.docx", "本計画は区の計画です。")
    killed = revtool(root, env, "ingest", str(soan), "--version", "素案", crash="after-refs")
    assert killed.returncode == -9
    assert_healthy(root, before)
    assert revtool(root, env, "ingest", str(soan), "--version", "素案").returncode == 0


# ------------------------------------------------------------------ lock


def test_two_ingests_at_once_are_serialized(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:
    files = {label: plan_docx(tmp_path / "in" / f"{label}.docx", f"{label}の本文です。") for label in ("案", "最終案")}
    children = [
        subprocess.Popen([sys.executable, "-m", "revtool", "-C", str(ws), "ingest", str(path), "--version", label],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for label, path in files.items()
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    tags = git(ws, "tag", "--list").split()
    assert {"revtool/案", "revtool/最終案", "revtool/素案"} <= set(tags)
    assert len(git(ws, "rev-list", "HEAD").split()) == 4  # init, 素案, then both, one after the other
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (ws / ".git" / LOCK_NAME).exists()


def test_a_stale_lock_from_a_dead_process_is_cleared(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (ws / ".git" / LOCK_NAME).write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname(), "token": "x"}))
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert not (ws / ".git" / LOCK_NAME).exists()
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""


# ------------------------------------------------------------------ full disk


def _file_size_limit(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_failing_for_lack_of_space_leaves_the_workspace_as_it_was(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:
    """Every write of the ingest (ours and git's) is capped at 1 MB, as on a nearly
    full disk: the 3 MB original file cannot be stored."""
    before = state(ws)
    big = plan_docx(tmp_path / "in" / "an.docx", "本計画は区の基本となる計画です。", padding=os.urandom(3 * 1024 * 1024))
    failed = revtool(ws, env, "ingest", str(big), "--version", "案", preexec=_file_size_limit(1024 * 1024))
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr and failed.stderr.startswith("エラー: ")
    assert "空き容量" in failed.stderr
    assert_healthy(ws, before)
    done = revtool(ws, env, "ingest", str(big), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""


def test_enospc_midway_through_writing_objects(ws: Path, tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """The object writer succeeds a few times, then the disk is full (ENOSPC)."""
    from revtool.cli import main
    from revtool.workspace import atomic_repo as store

    for key in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(key)
    for key in ("HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"):
        monkeypatch.setenv(key, env[key])
    before = state(ws)
    real_store = store.LooseObjectDB.store
    calls = []

    def store_until_full(self, istream):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(ws / ".git" / "objects"))
        return real_store(self, istream)

    monkeypatch.setattr(store.LooseObjectDB, "store", store_until_full)
    try:
        main(["-C", str(ws), "ingest", str(an_docx(tmp_path)), "--version", "案"])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    _, err = capsys.readouterr()
    assert len(calls) > 3
    assert code == 1 and "Traceback" not in err and err.startswith("エラー: ")
    assert "ディスクの空き容量が足りません" in err
    monkeypatch.undo()
    assert_healthy(ws, before)


# ------------------------------------------------------------------ hand edits


def test_hand_edited_sections_refuse_ingest_and_are_kept(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:
    edited = next((ws / "sections").rglob("*.md"))
    edited.write_text("職員が手で直した文。\n", encoding="utf-8")
    head = git(ws, "rev-parse", "HEAD")
    failed = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert failed.returncode == 1
    assert failed.stderr.startswith("エラー: ") and "手で変更されています" in failed.stderr and "Traceback" not in failed.stderr
    assert edited.read_text(encoding="utf-8") == "職員が手で直した文。\n"
    assert git(ws, "rev-parse", "HEAD") == head and "revtool/案" not in git(ws, "tag", "--list")


def test_hand_edited_comments_refuse_import_and_are_kept(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:
    first = tmp_path / "in" / "first.tsv"
    first.write_text(TABLE_1, encoding="utf-8")
    assert revtool(ws, env, "comments", "import", str(first)).returncode == 0
    stored = ws / "comments" / "comments.json"
    stored.write_text(stored.read_text(encoding="utf-8").replace("修正します。", "手で直した回答。"), encoding="utf-8")
    hand = stored.read_bytes()
    head = git(ws, "rev-parse", "HEAD")
    second = tmp_path / "in" / "second.tsv"
    second.write_text(TABLE_2, encoding="utf-8")
    failed = revtool(ws, env, "comments", "import", str(second))
    assert failed.returncode == 1
    assert failed.stderr.startswith("エラー: ") and "comments/comments.json" in failed.stderr and "Traceback" not in failed.stderr
    assert stored.read_bytes() == hand
    assert git(ws, "rev-parse", "HEAD") == head
