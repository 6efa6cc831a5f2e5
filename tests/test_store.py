"""store: the plan workspace in git — init, ingest, versions, load, atomicity, lock."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from revtool.errors import InputFileError, VersionLabelError, WorkspaceError
from revtool.workspace.lock import LOCK_NAME, WorkspaceLock
from revtool.model import Block, BlockKind, Document, PageSpan, Section, Table
from revtool.workspace.store import (
    CRASH_ENV,
    JOURNAL_NAME,
    Workspace,
    init_workspace,
    validate_version_label,
)
from tests.pty_helpers import ctrl_c_as_at_a_terminal

# ------------------------------------------------------------------ fixtures


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No user or system git config: tests see what a fresh machine sees."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", CRASH_ENV):
        monkeypatch.delenv(var, raising=False)
    return home


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=false", *args], capture_output=True, text=True, check=True).stdout


def plan(*policy_sentences: str, title: str = "中野区DX推進計画（素案）") -> Document:
    indicators = Table.from_texts([["指標", "現状値", "目標値"], ["オンライン申請率", "32%", "70%"]])
    policy = Section(
        heading="施策1　行政手続のオンライン化",
        number="施策1",
        title="行政手続のオンライン化",
        level=2,
        marker="shisaku",
        blocks=(
            Block(BlockKind.PARAGRAPH, "".join(policy_sentences), pages=PageSpan(18, 18)),
            Block(BlockKind.LIST, "申請様式を見直します。", label="①"),
            Block(BlockKind.TABLE, indicators.as_text(), table=indicators),
        ),
        pages=PageSpan(18, 20),
    )
    chapter = Section(
        heading="第3章　DXの取組",
        number="第3章",
        title="DXの取組",
        level=1,
        marker="chapter",
        blocks=(Block(BlockKind.PARAGRAPH, "本章では、施策ごとの取組を示します。区の考え方を整理します。"),),
        children=(policy,),
        pages=PageSpan(17, 40),
    )
    background = Section(
        heading="第2章　計画策定の背景",
        number="第2章",
        title="計画策定の背景",
        level=1,
        marker="chapter",
        blocks=(Block(BlockKind.PARAGRAPH, "国は自治体DX推進計画を改定しました。"),),
    )
    return Document(title=title, sections=(background, chapter))


SOAN = plan("区民が来庁せずに手続できるよう、オンライン申請を拡充します。", "窓口の待ち時間を短縮します。", "職員の事務負担も軽減します。")
AN = plan("区民が来庁せずに手続できるよう、オンライン申請を拡充します。", "書かない窓口を導入し、窓口の待ち時間を短縮します。", "職員の事務負担も軽減します。", title="中野区DX推進計画（案）")


def source(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / "inputs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "plan", "中野区DX推進計画")


def snapshot(root: Path) -> dict[str, object]:
    """Everything a failed operation must leave as it was."""
    files = {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }
    return {
        "head": git(root, "rev-parse", "HEAD"),
        "refs": git(root, "for-each-ref", "--format=%(refname) %(objectname)"),
        "status": git(root, "status", "--porcelain", "--untracked-files=all"),
        "index": git(root, "ls-files", "-s"),
        "files": files,
    }


# ------------------------------------------------------------------ init / open


def test_init_creates_a_workspace_with_one_commit(ws: Workspace) -> None:
    root = ws.root
    assert (root / "revtool.toml").read_text(encoding="utf-8").count('plan = "中野区DX推進計画"') == 1
    assert 'order = []' in (root / "revtool.toml").read_text(encoding="utf-8")
    for folder in ("drafts", "sections", "comments", "changelogs"):
        assert (root / folder).is_dir()
    assert "sections/manifest.json -diff" in (root / ".gitattributes").read_text(encoding="utf-8")
    assert git(root, "log", "--format=%s").splitlines() == ["revtool ワークスペースを作成（中野区DX推進計画）"]
    assert git(root, "status", "--porcelain") == ""
    assert ws.plan_name == "中野区DX推進計画"
    assert ws.versions() == [] and ws.oldest_version() is None


def test_fallback_identity_is_used_only_for_the_command(ws: Workspace, isolated_git: Path) -> None:
    assert git(ws.root, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip() == "revtool <revtool@localhost>|revtool <revtool@localhost>"
    assert not (isolated_git / "gitconfig").exists()
    assert "user." not in (ws.root / ".git" / "config").read_text()


def test_user_identity_is_respected(tmp_path: Path) -> None:
    repo = tmp_path / "plan"
    git(tmp_path, "init", "-q", str(repo))
    git(repo, "config", "user.name", "企画課 山田")
    git(repo, "config", "user.email", "yamada@example.jp")
    workspace = init_workspace(repo)
    assert git(workspace.root, "log", "-1", "--format=%an <%ae>").strip() == "企画課 山田 <yamada@example.jp>"


def test_init_adds_to_an_existing_repository_and_keeps_its_history(tmp_path: Path) -> None:
    repo = tmp_path / "existing"
    git(tmp_path, "init", "-q", str(repo))
    (repo / "memo.txt").write_text("打合せメモ\n", encoding="utf-8")
    git(repo, "add", "memo.txt")
    git(repo, "-c", "user.name=u", "-c", "user.email=u@example.jp", "commit", "-q", "-m", "メモ")
    (repo / "staged.txt").write_text("ステージ済み\n", encoding="utf-8")
    git(repo, "add", "staged.txt")
    init_workspace(repo, "計画")
    assert git(repo, "log", "--format=%s").splitlines() == ["revtool ワークスペースを作成（計画）", "メモ"]
    assert "staged.txt" not in git(repo, "show", "--name-only", "--format=", "HEAD")
    assert git(repo, "status", "--porcelain").splitlines() == ["A  staged.txt"]


def test_init_refuses_an_existing_workspace(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="すでに revtool のワークスペース"):
        init_workspace(ws.root)


def test_open_refuses_a_folder_that_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="revtool のワークスペースではありません（revtool init で作成してください）"):
        Workspace.open(tmp_path)
    (tmp_path / "revtool.toml").write_text("", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="ワークスペースではありません"):
        Workspace.open(tmp_path)  # no .git


# ------------------------------------------------------------------ ingest


def test_ingest_commits_tags_and_reads_back(ws: Workspace, tmp_path: Path) -> None:
    soan = source(tmp_path, "soan.docx", b"PK\x03\x04 soan")
    result = ws.ingest(SOAN, soan, "素案", cites=["C01", "C02"])
    root = ws.root
    assert result.created and not result.tag_moved and result.version == "素案"
    assert git(root, "rev-parse", "HEAD").strip() == result.commit
    assert git(root, "rev-parse", "revtool/素案^{commit}").strip() == result.commit
    assert git(root, "status", "--porcelain") == ""
    assert (root / "drafts" / "soan.docx").read_bytes() == b"PK\x03\x04 soan"
    assert not (root / "sections" / ".gitkeep").exists()
    message = git(root, "log", "-1", "--format=%B")
    assert message.startswith("素案 を取り込み（soan.docx, sha256 ")
    assert "Revtool-Version: 素案\n" in message and "Revtool-Cites: C01,C02\n" in message
    assert "Revtool-Sha256: " + ws.version_sha256("素案") in message  # type: ignore[operator]
    loaded = ws.load("素案")
    assert loaded == dataclasses.replace(SOAN, source=loaded.source)
    assert loaded.source is not None and loaded.source.name == "soan.docx" and loaded.source.format == "docx"
    [info] = ws.versions()
    assert (info.label, info.source, info.section_count, info.cites, info.draft) == ("素案", "soan.docx", 3, ("C01", "C02"), "drafts/soan.docx")
    assert info.sha256 == ws.version_sha256("素案") and info.commit == result.commit
    assert ws.read_at("素案", "drafts/soan.docx") == b"PK\x03\x04 soan"
    assert ws.read_at(result.commit, "comments/none.json") is None


def test_load_reads_the_tag_not_the_work_tree(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    manifest = ws.root / "sections" / "manifest.json"
    manifest.write_text("壊れた", encoding="utf-8")
    assert ws.load("素案").title == "中野区DX推進計画（素案）"
    assert ws.load("案").title == "中野区DX推進計画（案）"


def test_same_bytes_again_makes_no_commit(ws: Workspace, tmp_path: Path) -> None:
    soan = source(tmp_path, "soan.docx", b"soan")
    first = ws.ingest(SOAN, soan, "素案")
    before = snapshot(ws.root)
    again = ws.ingest(SOAN, soan, "素案")
    assert not again.created and again.commit == first.commit
    assert snapshot(ws.root) == before


def test_a_different_file_under_an_existing_label_needs_force(ws: Workspace, tmp_path: Path) -> None:
    first = ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan v1"), "素案")
    ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    before = snapshot(ws.root)
    replacement = source(tmp_path, "soan_fixed.docx", b"soan v2")
    with pytest.raises(VersionLabelError, match="別のファイルで取り込み済み") as info:
        ws.ingest(SOAN, replacement, "素案")
    assert "--force" in info.value.hint
    assert snapshot(ws.root) == before

    forced = ws.ingest(SOAN, replacement, "素案", force=True)
    assert forced.created and forced.tag_moved
    assert git(ws.root, "rev-parse", "revtool/素案^{commit}").strip() == forced.commit
    # history is kept: the first ingest is still an ancestor of the branch
    subprocess.run(["git", "-C", str(ws.root), "merge-base", "--is-ancestor", first.commit, "HEAD"], check=True)
    assert len(git(ws.root, "log", "--format=%H").splitlines()) == 4
    assert (ws.root / "drafts" / "soan.docx").read_bytes() == b"soan v1"
    assert (ws.root / "drafts" / "soan_fixed.docx").read_bytes() == b"soan v2"
    assert [v.label for v in ws.versions()] == ["素案", "案"]  # order of first ingest
    assert ws.version_sha256("素案") == hashlib.sha256(b"soan v2").hexdigest()


def test_same_file_read_differently_needs_force(ws: Workspace, tmp_path: Path) -> None:
    soan = source(tmp_path, "soan.docx", b"soan")
    ws.ingest(SOAN, soan, "素案")
    with pytest.raises(VersionLabelError, match="読み取り結果が前回と異なります"):
        ws.ingest(AN, soan, "素案")
    assert ws.ingest(AN, soan, "素案", force=True).tag_moved
    assert ws.load("素案").title == "中野区DX推進計画（案）"


def test_two_versions_with_the_same_file_name_keep_both_drafts(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "計画.docx", b"soan"), "素案")
    (tmp_path / "inputs" / "計画.docx").write_bytes(b"an")
    ws.ingest(AN, tmp_path / "inputs" / "計画.docx", "案")
    assert (ws.root / "drafts" / "計画.docx").read_bytes() == b"soan"
    assert (ws.root / "drafts" / "案" / "計画.docx").read_bytes() == b"an"
    assert [v.draft for v in ws.versions()] == ["drafts/計画.docx", "drafts/案/計画.docx"]


def test_hostile_source_names_stay_inside_drafts(ws: Workspace, tmp_path: Path) -> None:
    weird = source(tmp_path, "CON.docx", b"x")
    ws.ingest(SOAN, weird, "素案")
    assert (ws.root / "drafts" / "_CON.docx").read_bytes() == b"x"


def test_missing_source_file(ws: Workspace, tmp_path: Path) -> None:
    before = snapshot(ws.root)
    with pytest.raises(InputFileError, match="nai.docx: ファイルがありません"):
        ws.ingest(SOAN, tmp_path / "nai.docx", "素案")
    assert snapshot(ws.root) == before


def test_versions_resolve_and_oldest(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    second = ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案", message="パブリック・コメントを反映")
    assert [v.label for v in ws.versions()] == ["素案", "案"]
    assert ws.oldest_version() == "素案"
    assert ws.resolve("案") == second.commit
    assert ws.versions()[1].message.startswith("パブリック・コメントを反映")
    assert 'order = ["素案", "案"]' in (ws.root / "revtool.toml").read_text(encoding="utf-8")
    with pytest.raises(WorkspaceError, match="版「案3」はありません。取り込み済みの版: 素案、案"):
        ws.resolve("案3")
    assert ws.version_sha256("案3") is None
    assert ws.version_sha256("a/b") is None


def test_word_diff_of_two_versions_shows_only_the_changed_sentence(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    # exactly what a planner types: the changed sentence, and one line for the manifest
    whole = git(ws.root, "diff", "--word-diff=porcelain", "revtool/素案", "revtool/案", "--", "sections/")
    changed = [line for line in whole.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-窓口の待ち時間を短縮します。", "+書かない窓口を導入し、窓口の待ち時間を短縮します。"]
    assert "Binary files a/sections/manifest.json and b/sections/manifest.json differ" in whole
    plain = git(ws.root, "diff", "--word-diff", "revtool/素案", "revtool/案", "--", "sections/")
    assert "[-窓口の待ち時間を短縮します。-]{+書かない窓口を導入し、窓口の待ち時間を短縮します。+}" in plain
    # the manifest (shown with --text) changes in hashes and the title, never in the prose
    manifest = git(ws.root, "diff", "--text", "--word-diff=porcelain", "revtool/素案", "revtool/案", "--", "sections/manifest.json")
    manifest_changes = [line[1:] for line in manifest.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert manifest_changes and all("窓口" not in c for c in manifest_changes)


def test_a_renamed_and_renumbered_section_keeps_its_file_and_git_follows_it(ws: Workspace, tmp_path: Path) -> None:
    """issue 15: a new chapter before the others renumbers them and the 施策 is
    retitled; its index.md stays where it was, so git shows a modification."""
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    chapter2, chapter3 = AN.sections
    policy = dataclasses.replace(chapter3.children[0], heading="施策1　行政手続のデジタル化", title="行政手続のデジタル化")
    new_first = Section(heading="第1章　計画の概要", number="第1章", title="計画の概要", level=1, marker="chapter",
                        blocks=(Block(BlockKind.PARAGRAPH, "本計画の概要です。"),))
    renamed = dataclasses.replace(AN, sections=(
        new_first,
        dataclasses.replace(chapter2, heading="第3章　計画策定の背景", number="第3章"),
        dataclasses.replace(chapter3, heading="第4章　DXの取組", number="第4章", children=(policy,)),
    ))
    ws.ingest(renamed, source(tmp_path, "an.docx", b"an"), "案")
    status = git(ws.root, "diff", "--no-renames", "--name-status", "revtool/素案", "revtool/案", "--", "sections/").splitlines()
    assert sorted(status) == sorted([
        "A\tsections/01_第1章_計画の概要/index.md",
        "M\tsections/01_第2章_計画策定の背景/index.md",
        "M\tsections/02_第3章_DXの取組/01_施策1_行政手続のオンライン化/index.md",
        "M\tsections/02_第3章_DXの取組/index.md",
        "M\tsections/manifest.json",
    ])
    path = "sections/02_第3章_DXの取組/01_施策1_行政手続のオンライン化/index.md"
    assert git(ws.root, "show", f"revtool/案:{path}").startswith("## 施策1　行政手続のデジタル化\n")
    log = git(ws.root, "log", "--follow", "--format=%s", "--", path).splitlines()
    assert [line.split("（")[0] for line in log] == ["案 を取り込み", "素案 を取り込み"]
    assert ws.load("案") == dataclasses.replace(renamed, source=ws.load("案").source)


# ------------------------------------------------------------------ guarding the work tree


def test_hand_edited_sections_are_never_overwritten(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    edited = next((ws.root / "sections").rglob("index.md"))
    edited.write_text("手で直した\n", encoding="utf-8")
    before = snapshot(ws.root)
    with pytest.raises(WorkspaceError, match="手で変更されています"):
        ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    assert snapshot(ws.root) == before
    assert edited.read_text(encoding="utf-8") == "手で直した\n"


def test_untracked_file_in_sections_refuses_ingest(ws: Workspace, tmp_path: Path) -> None:
    (ws.root / "sections" / "メモ.md").write_text("メモ\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="sections/メモ.md"):
        ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")


def test_uncommitted_outputs_and_staged_unrelated_files_are_left_alone(ws: Workspace, tmp_path: Path) -> None:
    (ws.root / "changelogs" / "別紙2.md").write_text("生成物\n", encoding="utf-8")
    (ws.root / "notes.txt").write_text("メモ\n", encoding="utf-8")
    git(ws.root, "add", "notes.txt")
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    assert git(ws.root, "status", "--porcelain", "--untracked-files=all").splitlines() == ["A  notes.txt", "?? changelogs/別紙2.md"]
    assert "notes.txt" not in git(ws.root, "show", "--name-only", "--format=", "HEAD")


# ------------------------------------------------------------------ atomicity


@pytest.mark.parametrize("step", ["_build_tree", "_update_refs", "_materialize"])
@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_ingest_leaves_the_workspace_as_it_was(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, exception: BaseException
) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    before = snapshot(ws.root)
    original = getattr(Workspace, step)
    calls = []

    def fail_after_doing_the_work(self: Workspace, *args: object, **kwargs: object) -> object:
        result = original(self, *args, **kwargs)
        if not calls:  # the first call is the ingest's; later ones are the roll-back's
            calls.append(step)
            raise exception
        return result

    monkeypatch.setattr(Workspace, step, fail_after_doing_the_work)
    with pytest.raises(type(exception)):
        ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    assert snapshot(ws.root) == before
    assert not (ws.git_dir / JOURNAL_NAME).exists() and not (ws.git_dir / LOCK_NAME).exists()
    monkeypatch.undo()
    assert ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案").created


def test_failure_while_writing_files_of_a_forced_reingest(ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    before = snapshot(ws.root)
    original = Workspace._materialize

    def half(self: Workspace, from_tree: str, to_tree: str) -> None:
        monkeypatch.setattr(Workspace, "_materialize", original)
        original(self, from_tree, to_tree)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workspace, "_materialize", half)
    with pytest.raises(OSError):
        ws.ingest(AN, source(tmp_path, "soan2.docx", b"soan2"), "素案", force=True)
    assert snapshot(ws.root) == before


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from revtool.model import Block, BlockKind, Document, Section
    from revtool.workspace.store import Workspace
    ws = Workspace.open(Path(sys.argv[1]))
    doc = Document(title="案", sections=(Section(heading="第1章　総則", blocks=(Block(BlockKind.PARAGRAPH, "新しい文。"),)),))
    ws.ingest(doc, Path(sys.argv[2]), "案")
    """
)


@pytest.mark.parametrize("point", ["after-objects", "after-journal", "after-refs", "after-materialize"])
def test_kill_9_at_any_point_is_rolled_back_by_the_next_command(ws: Workspace, tmp_path: Path, point: str) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    before = snapshot(ws.root)
    an = source(tmp_path, "an.docx", b"an")
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(ws.root), str(an)],
        env={**os.environ, CRASH_ENV: point},
        capture_output=True,
    )
    assert child.returncode == -9, child.stderr.decode()
    assert (ws.git_dir / LOCK_NAME).exists()  # left behind by the killed process
    reopened = Workspace.open(ws.root)  # a journal left behind is rolled back here
    assert snapshot(ws.root) == before
    assert not (ws.git_dir / JOURNAL_NAME).exists()
    reopened.lock_timeout = 2
    assert reopened.ingest(AN, an, "案").created  # the stale lock does not block it
    assert not (ws.git_dir / LOCK_NAME).exists()


# ------------------------------------------------------------------ lock


def test_a_live_lock_makes_ingest_wait_then_fail(ws: Workspace, tmp_path: Path) -> None:
    holder = WorkspaceLock(ws.git_dir)
    holder.acquire()
    try:
        ws.lock_timeout = 0.3
        before = snapshot(ws.root)
        with pytest.raises(WorkspaceError, match=f"別の revtool（pid {os.getpid()}"):
            ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
        assert snapshot(ws.root) == before
    finally:
        holder.release()
    assert not (ws.git_dir / LOCK_NAME).exists()
    assert ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案").created


def test_a_stale_lock_from_a_dead_process_is_cleared(ws: Workspace, tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (ws.git_dir / LOCK_NAME).write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname(), "token": "x"}))
    ws.lock_timeout = 2
    assert ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案").created
    assert not (ws.git_dir / LOCK_NAME).exists()


def test_a_lock_from_another_host_is_respected(ws: Workspace, tmp_path: Path) -> None:
    (ws.git_dir / LOCK_NAME).write_text(json.dumps({"pid": 1, "host": "another-host.example.jp", "token": "x"}))
    ws.lock_timeout = 0.2
    with pytest.raises(WorkspaceError, match="another-host.example.jp"):
        ws.commit_files({"comments/comments.json": b"{}\n"}, "意見を取り込み")


def test_lock_release_never_removes_someone_elses_lock(tmp_path: Path) -> None:
    mine = WorkspaceLock(tmp_path)
    mine.acquire()
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "token": "other"}))
    mine.release()
    assert (tmp_path / LOCK_NAME).exists()


# ------------------------------------------------------------------ commit_files


def test_commit_files_adds_changes_deletes_and_skips_no_ops(ws: Workspace) -> None:
    head = git(ws.root, "rev-parse", "HEAD").strip()
    comments = '{"comments": []}\n'.encode()
    first = ws.commit_files(
        {"comments/comments.json": comments, "decisions.toml": "[links]\n".encode()},
        "意見表を取り込み（bessi1.tsv）",
        {"Revtool-Comments": "bessi1.tsv"},
    )
    assert first != head
    assert (ws.root / "comments" / "comments.json").read_bytes() == comments
    assert git(ws.root, "status", "--porcelain") == ""
    assert "Revtool-Comments: bessi1.tsv" in git(ws.root, "log", "-1", "--format=%B")
    assert ws.commit_files({"comments/comments.json": comments}, "同じ内容") == first
    removed = ws.commit_files({"comments": None}, "意見表を削除")
    assert not (ws.root / "comments" / "comments.json").exists()
    assert ws.read_at(removed, "decisions.toml") == b"[links]\n"
    assert ws.read_at(first, "comments/comments.json") == comments


def test_commit_files_refuses_paths_outside_the_workspace_and_dirty_targets(ws: Workspace) -> None:
    for bad in ("../x", "/etc/passwd", ".git/config", "a//b", "a\\b", ""):
        with pytest.raises(WorkspaceError, match="相対パスではありません"):
            ws.commit_files({bad: b"x"}, "不正")
    (ws.root / "decisions.toml").write_text("# 手で書いた\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="decisions.toml が手で変更されています"):
        ws.commit_files({"decisions.toml": b"[links]\n"}, "判断を記録")
    assert (ws.root / "decisions.toml").read_text(encoding="utf-8") == "# 手で書いた\n"


# ------------------------------------------------------------------ labels


@pytest.mark.parametrize("label", ["素案", "案", "案2", "v1.0", "第2版", "R7-素案"])
def test_good_version_labels(label: str) -> None:
    assert validate_version_label(label) == label


@pytest.mark.parametrize(
    "label",
    ["", "a/b", "素案/案", "a\\b", "..", "案..2", "素 案", "素\u3000案", "案\t", "案\n", "-案", ".案", "案.lock", "案~1", "案^", "案:2", "案?", "案*", "案[1]", "@{1}", "案\x00", "案\u200b", "HEAD", "あ" * 65],
)
def test_bad_version_labels(label: str) -> None:
    with pytest.raises(VersionLabelError, match="版の名前「.*」は使えません"):
        validate_version_label(label)


def test_bad_label_is_refused_before_touching_anything(ws: Workspace, tmp_path: Path) -> None:
    before = snapshot(ws.root)
    with pytest.raises(VersionLabelError, match="「/」"):
        ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案/2")
    assert snapshot(ws.root) == before


# ------------------------------------------------------------------ the real corpus


def test_nakano_soan_and_an_diff_only_in_changed_lines(nakano: Path, tmp_path: Path) -> None:
    from revtool.extract import extract

    workspace = init_workspace(tmp_path / "nakano", "中野区DX推進計画")
    docs = {}
    for name, label in (("soan.docx", "素案"), ("an.docx", "案")):
        docs[label] = extract(nakano / name)
        assert workspace.ingest(docs[label], nakano / name, label).created
    for label, doc in docs.items():
        loaded = workspace.load(label)
        assert loaded == dataclasses.replace(doc, source=loaded.source)
    assert git(workspace.root, "tag", "--list", "revtool/*").split() == ["revtool/案", "revtool/素案"]
    changed_files = git(workspace.root, "diff", "--name-only", "revtool/素案", "revtool/案", "--", "sections/").split()
    assert 0 < len(changed_files) < len(workspace.load("案").walk()) / 2
    patch = git(workspace.root, "diff", "--unified=0", "-M", "revtool/素案", "revtool/案", "--", "sections/", ":(exclude)sections/manifest.json")
    removed = {line[1:] for line in patch.splitlines() if line.startswith("-") and not line.startswith("---")}
    added = {line[1:] for line in patch.splitlines() if line.startswith("+") and not line.startswith("+++")}
    assert "本計画の計画期間は、2026年度（令和8年度）から2030年度（令和12年度）までの5年間とする。" in added
    # no sentence is shown as removed and re-added: unchanged lines stay out of the diff
    assert not (removed & added) - {"", "| --- | --- | --- |", "| --- | --- | --- | --- |"}


CONCURRENT_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from revtool.model import Block, BlockKind, Document, Section
    from revtool.workspace.store import Workspace
    root, label, source = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    ws = Workspace.open(root)
    ws.lock_timeout = 60
    doc = Document(title=label, sections=(Section(heading="第1章　総則", blocks=(Block(BlockKind.PARAGRAPH, label + "の本文。"),)),))
    ws.ingest(doc, source, label)
    ws.commit_files({"comments/" + label + ".json": b"{}\\n"}, label + " の意見")
    """
)


def test_concurrent_ingests_are_serialized(ws: Workspace, tmp_path: Path) -> None:
    labels = ["案1", "案2", "案3", "案4"]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_CHILD, str(ws.root), label, str(source(tmp_path, f"{label}.docx", label.encode()))],
            stderr=subprocess.PIPE,
        )
        for label in labels
    ]
    for child in children:
        _, err = child.communicate()
        assert child.returncode == 0, err.decode()
    assert sorted(v.label for v in ws.versions()) == labels
    assert len(git(ws.root, "rev-list", "HEAD").split()) == 1 + 2 * len(labels)  # linear, nothing lost
    assert git(ws.root, "status", "--porcelain") == ""
    for label in labels:
        assert ws.load(label).title == label
        assert (ws.root / "comments" / f"{label}.json").exists()


def test_plan_names_with_toml_syntax_survive(tmp_path: Path) -> None:
    name = '中野区"DX"推進計画 \\ [versions]\n第2版'
    workspace = init_workspace(tmp_path / "plan", name)
    assert workspace.plan_name == name
    assert git(workspace.root, "log", "-1", "--format=%s").strip() == 'revtool ワークスペースを作成（中野区"DX"推進計画 \\ [versions] 第2版）'


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="フォルダではありません"):
        init_workspace(tmp_path / "plan.txt")


def test_property_load_of_ingest_is_the_document(tmp_path: Path) -> None:
    """load(commit(doc)) == doc through real git objects, over generated trees."""
    from hypothesis import HealthCheck, given, settings

    from tests.test_serialize import _documents

    workspace = init_workspace(tmp_path / "prop")
    counter = iter(range(10_000))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(_documents)
    def check(doc: Document) -> None:
        n = next(counter)
        path = source(tmp_path, f"v{n}.docx", f"版{n}".encode())
        doc = dataclasses.replace(doc, source=None)
        workspace.ingest(doc, path, f"v{n}")
        loaded = workspace.load(f"v{n}")
        assert loaded == dataclasses.replace(doc, source=loaded.source)
        assert git(workspace.root, "status", "--porcelain") == ""

    check()


def test_an_interrupted_operation_with_a_stale_git_lock_is_undone(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    before = snapshot(ws.root)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(ws.root), str(source(tmp_path, "an.docx", b"an"))],
        env={**os.environ, CRASH_ENV: "after-materialize"},
        capture_output=True,
    )
    assert child.returncode == -9
    (ws.git_dir / "index.lock").write_bytes(b"")  # as if git itself had been killed too
    if not Path("/proc/self/cwd").exists():
        pytest.skip("without /proc a fresh git lock cannot be judged dead")
    Workspace.open(ws.root)  # its owner is dead: removed like a stale workspace lock, then undone
    assert not (ws.git_dir / "index.lock").exists()
    assert snapshot(ws.root) == before


def test_a_clone_is_a_complete_workspace(ws: Workspace, tmp_path: Path) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    git(tmp_path, "clone", "-q", str(ws.root), str(tmp_path / "clone"))
    clone = Workspace.open(tmp_path / "clone")
    assert [v.label for v in clone.versions()] == ["素案", "案"]
    assert clone.load("素案") == ws.load("素案")
    assert clone.ingest(AN, source(tmp_path, "an.docx", b"an"), "案").created is False


def test_roll_back_never_deletes_a_file_it_did_not_write(ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    original = Workspace._update_refs

    def user_writes_then_failure(self: Workspace, updates: object, reason: str) -> None:
        # between the check and the failure, someone puts their own file where the new draft goes
        (self.root / "drafts" / "an.docx").write_bytes(b"the user's own file")
        monkeypatch.setattr(Workspace, "_update_refs", original)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workspace, "_update_refs", user_writes_then_failure)
    with pytest.raises(OSError):
        ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    assert (ws.root / "drafts" / "an.docx").read_bytes() == b"the user's own file"
    assert git(ws.root, "tag", "--list").split() == ["revtool/素案"]


def test_a_branch_moved_by_someone_else_mid_ingest_is_not_overwritten(ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    original = Workspace._build_tree

    def someone_commits(self: Workspace, *args: object) -> str:
        tree = original(self, *args)  # type: ignore[arg-type]
        (self.root / "memo.txt").write_text("同時に別の人が記録\n", encoding="utf-8")
        git(self.root, "add", "memo.txt")
        git(self.root, "-c", "user.name=u", "-c", "user.email=u@example.jp", "commit", "-q", "-m", "メモ")
        return tree

    monkeypatch.setattr(Workspace, "_build_tree", someone_commits)
    with pytest.raises(WorkspaceError, match="を更新できませんでした"):
        ws.ingest(AN, source(tmp_path, "an.docx", b"an"), "案")
    assert git(ws.root, "log", "-1", "--format=%s").strip() == "メモ"
    assert git(ws.root, "tag", "--list").split() == ["revtool/素案"]
    assert git(ws.root, "status", "--porcelain") == ""


def test_hostile_headings_stay_inside_sections(ws: Workspace, tmp_path: Path) -> None:
    from tests.test_serialize import HOSTILE

    doc = Document(title="../../題名", sections=tuple(Section(heading=h, title=h, blocks=(Block(BlockKind.PARAGRAPH, h + "。"),)) for h in HOSTILE))
    ws.ingest(doc, source(tmp_path, "soan.docx", b"soan"), "素案")
    tracked = git(ws.root, "ls-files", "-z").split("\0")
    assert all(p.startswith(("sections/", "drafts/", "comments/", "changelogs/")) or p in ("revtool.toml", ".gitattributes", "") for p in tracked)
    folders = {p.split("/")[1] for p in tracked if p.startswith("sections/") and p.count("/") == 2}
    assert len(folders) == len(HOSTILE)  # one folder per section, duplicates included
    loaded = ws.load("素案")
    assert loaded == dataclasses.replace(doc, source=loaded.source)
    assert not (tmp_path / "題名").exists() and not (ws.root.parent / "etc").exists()


@pytest.mark.parametrize(("point", "completes"), [("after-objects", False), ("after-journal", True), ("after-refs", True)])
def test_ctrl_c_lands_before_or_after_the_refs_move_never_between(ws: Workspace, tmp_path: Path, point: str, completes: bool) -> None:
    ws.ingest(SOAN, source(tmp_path, "soan.docx", b"soan"), "素案")
    before = snapshot(ws.root)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(ws.root), str(source(tmp_path, "an.docx", b"an"))],
        env={**os.environ, CRASH_ENV: "sigint:" + point},
        capture_output=True, preexec_fn=ctrl_c_as_at_a_terminal,
    )
    assert child.returncode != 0 and b"KeyboardInterrupt" in child.stderr
    assert not (ws.git_dir / JOURNAL_NAME).exists() and not (ws.git_dir / LOCK_NAME).exists()
    if completes:  # Ctrl-C inside the critical section is held back until it is done
        assert git(ws.root, "tag", "--list").split() == ["revtool/案", "revtool/素案"]
        assert git(ws.root, "status", "--porcelain") == ""
        assert Workspace.open(ws.root).load("案").title == "案"
    else:
        assert snapshot(ws.root) == before
