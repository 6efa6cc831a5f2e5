"""``revtool diff`` through the CLI, on a stand-in workspace (no git needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.errors import WorkspaceError
from revtool.model import Document
from tests.diff_helpers import load_plan
from tests.workspace_helpers import run

CASES = Path(__file__).resolve().parent / "cases" / "diff"


class FakeWorkspace:
    def __init__(self, docs: dict[str, Document], root: Path) -> None:
        self.docs = docs
        self.root = root  # where revtool.toml (the editorial rules) would be

    def load(self, version: str) -> Document:
        if version not in self.docs:
            raise WorkspaceError(f"版「{version}」はありません。")
        return self.docs[version]


@pytest.fixture
def workspace(monkeypatch, tmp_path: Path) -> Path:
    import revtool.workspace.store as store

    docs = {"素案": load_plan(CASES / "editorial_variants" / "old.txt"),
            "案": load_plan(CASES / "editorial_variants" / "new.txt")}
    monkeypatch.setattr(store.Workspace, "open", classmethod(lambda cls, path: FakeWorkspace(docs, tmp_path)))
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


def test_text_view_shows_substantive_changes_plainly_when_piped(workspace: Path, capsys) -> None:
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案"], capsys)
    assert code == 0
    assert "\x1b[" not in out
    assert "2. 実質的な変更" in out and "素案 P.1–2 / 案 P.1–2" in out
    assert "[-20-]{+60+}" in out
    assert "位置付ける" not in out  # editorial hidden by default
    assert "文言整理" in out and "--editorial" in out


def test_editorial_flag_shows_editorial_changes(workspace: Path, capsys) -> None:
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案", "--editorial"], capsys)
    assert code == 0 and "1. 計画策定の趣旨" in out and "文言整理" in out


def test_json_is_the_design_contract(workspace: Path, capsys) -> None:
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案", "--format", "json"], capsys)
    assert code == 0
    payload = json.loads(out)
    assert payload["old"] == "素案" and payload["new"] == "案"
    kinds = {c["substantive"] for c in payload["changes"]}
    assert kinds == {True, False}  # editorial included in JSON
    first = payload["changes"][0]
    for key in ("section_path", "old_section_path", "kind", "substantive", "reason", "old_text", "new_text",
                "old_pages", "new_pages"):
        assert key in first


def test_stat_and_section_filter(workspace: Path, capsys) -> None:
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案", "--stat"], capsys)
    assert code == 0 and "実質的な変更" in out and "文言整理" in out
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案", "--section", "2.", "--format", "json"], capsys)
    assert code == 0
    paths = {tuple(c["section_path"]) for c in json.loads(out)["changes"]}
    assert paths == {("第1章　計画の基本的な考え方", "2. 実質的な変更")}


def test_unknown_section_and_version_are_clear_errors(workspace: Path, capsys) -> None:
    code, _, err = run(["-C", str(workspace), "diff", "素案", "案", "--section", "第9章"], capsys)
    assert code == 1 and "第9章" in err and "Traceback" not in err
    code, _, err = run(["-C", str(workspace), "diff", "素案", "最終案"], capsys)
    assert code == 1 and "最終案" in err


def test_bad_format_is_usage_error(workspace: Path, capsys) -> None:
    code, _, _ = run(["-C", str(workspace), "diff", "素案", "案", "--format", "xml"], capsys)
    assert code == 2


def test_user_rules_from_revtool_toml(workspace: Path, capsys) -> None:
    (workspace / "revtool.toml").write_text('[editorial]\ndisable = ["rewording"]\n', encoding="utf-8")
    code, out, _ = run(["-C", str(workspace), "diff", "素案", "案", "--format", "json"], capsys)
    assert code == 0
    hits = [c for c in json.loads(out)["changes"] if "速やかに" in c["new_text"]]
    assert hits and all(c["substantive"] for c in hits)
