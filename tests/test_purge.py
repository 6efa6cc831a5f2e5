"""``revtool comments purge NAME``: the only history rewrite, asked for and
confirmed, leaves no trace of an unmasked import (issue 16, item 11)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.test_faults import an_docx, env, git, revtool, ws  # noqa: F401

SECRET_MAIL = "taro.yamada@example.jp"
TABLE = (
    "素案該当箇所\t主な意見\t区の考え方\n"
    f"P.1（第1章）\t総則を分かりやすく。山田太郎様 {SECRET_MAIL} 090-1234-5678\t修正します。\n"
)


def everything(ws: Path) -> str:
    """Every object in .git, as text (loose and packed, reachable or not)."""
    objects = subprocess.run(["git", "-C", str(ws), "cat-file", "--batch-all-objects", "--batch"],
                             capture_output=True, check=True).stdout
    return objects.decode("utf-8", "replace")


def test_purge_rewrites_history_without_the_table_and_the_opinions(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    table = tmp_path / "in" / "bessi1.tsv"
    table.write_text(TABLE, encoding="utf-8")
    assert revtool(ws, env, "comments", "import", str(table)).returncode == 0
    done = revtool(ws, env, "ingest", str(an_docx(tmp_path)), "--version", "案")
    assert done.returncode == 0, done.stderr
    assert SECRET_MAIL in everything(ws)
    messages = git(ws, "log", "--format=%s%n%b")
    count = len(git(ws, "rev-list", "HEAD").split())

    refused = revtool(ws, env, "comments", "purge", "bessi1.tsv")  # no terminal, no --yes: nothing happens
    assert refused.returncode == 1 and "警告" in refused.stderr and "--yes" in refused.stderr
    assert SECRET_MAIL in everything(ws)

    done = revtool(ws, env, "comments", "purge", "bessi1.tsv", "--yes")
    assert done.returncode == 0, done.stderr
    assert "履歴を書き換えます" in done.stderr
    assert SECRET_MAIL not in everything(ws) and "090-1234-5678" not in everything(ws)
    assert "山田太郎" not in everything(ws)
    assert not (ws / "comments" / "bessi1.tsv").exists()
    assert git(ws, "log", "--format=%s%n%b") == messages and len(git(ws, "rev-list", "HEAD").split()) == count
    assert git(ws, "status", "--porcelain", "--untracked-files=all") == ""
    for args in (["versions"], ["comments", "list", "--format", "json"], ["changelog", "素案", "案", "-f", "md", "-o", "-"]):
        done = revtool(ws, env, *args)
        assert done.returncode == 0, done.stderr
    listed = revtool(ws, env, "comments", "list", "--format", "json").stdout
    assert "総則を分かりやすく。" in listed and "［メールアドレス］" in listed and "修正します。" in listed
    assert git(ws, "rev-parse", "revtool/案") == git(ws, "rev-parse", "HEAD")


def test_purge_of_an_unknown_file_changes_nothing(ws: Path, env: dict[str, str]) -> None:  # noqa: F811
    before = git(ws, "rev-parse", "HEAD")
    done = revtool(ws, env, "comments", "purge", "nothing.xlsx", "--yes")
    assert done.returncode == 1 and "履歴にありません" in done.stderr and "Traceback" not in done.stderr
    assert git(ws, "rev-parse", "HEAD") == before
    asked = revtool(ws, env, "comments", "purge", "nothing.xlsx")  # the name is checked before the warning
    assert asked.returncode == 1 and "履歴にありません" in asked.stderr
    assert "履歴を書き換えます" not in asked.stderr and "--yes" not in asked.stderr
