"""Removing an imported comment table from the workspace's whole history.

``comments import`` without ``--mask-pii`` commits the original table and the
opinions as written; a later masked import cannot take them out of the earlier
commits. :func:`purge_comments_file` rewrites the history of the workspace
branch (and moves the version tags onto the rewritten commits): in every
commit ``comments/<name>`` is dropped and the opinions in
``comments/comments.json`` are masked (``revtool.comments.privacy``). Then the
old objects are pruned from ``.git``. Messages, authors and dates are kept;
commit ids change. This is the only place revtool rewrites history, and only
when the user asks for it (``revtool comments purge NAME``, confirmed).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revtool.comments.privacy import mask_pii
from revtool.errors import WorkspaceError
from revtool.normalize import normalize_key
from revtool.workspace.store import TAG_PREFIX, Workspace

COMMENTS_DIR = "comments"
COMMENTS_JSON = f"{COMMENTS_DIR}/comments.json"


@dataclass(frozen=True)
class PurgeResult:
    commits: int  # commits rewritten
    dropped: int  # commits that held the file
    masked: int  # commits whose comments.json had unmasked opinions
    refs: tuple[str, ...]  # branch and tags moved


def check_purge_name(ws: Workspace, name: str) -> None:
    """Refuse a name purge cannot act on (not a file name in comments/, the
    comments.json, a file never imported), before anything is asked or rewritten."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise WorkspaceError(f"「{name}」は comments/ の中のファイル名ではありません（例: bessi1.xlsx）。")
    if name == "comments.json":
        raise WorkspaceError("comments.json は消せません。意見の本文は purge で伏せ字にします。元の表のファイル名を指定してください。")
    path = f"{COMMENTS_DIR}/{name}"
    if not any(_has(ws, commit[0], path) for commit in _history(ws)):
        raise WorkspaceError(f"{path} はこのワークスペースの履歴にありません。",
                             hint="git log --stat -- comments/ で取り込んだファイル名を確認してください。")


def _history(ws: Workspace) -> list[list[str]]:
    """Every commit reachable from the branch and the version tags, oldest first, with its parents."""
    tips = [ws._branch(), *_version_tags(ws).keys()]
    listed = ws._git_out(["rev-list", "--reverse", "--topo-order", "--parents", *tips]).split("\n")
    return [line.split() for line in listed if line.strip()]


def purge_comments_file(ws: Workspace, name: str) -> PurgeResult:
    """Rewrite the workspace history without ``comments/<name>`` and with masked
    opinions. Refuses when the file never was in the history."""
    path = f"{COMMENTS_DIR}/{name}"
    with ws._locked():
        check_purge_name(ws, name)
        ws._ensure_clean((COMMENTS_DIR,))
        branch = ws._branch()
        tags = _version_tags(ws)
        tips = [branch, *tags.keys()]
        history = _history(ws)
        index = ws.git_dir / f"revtool-index-{os.getpid()}"
        env = {"GIT_INDEX_FILE": str(index)}
        mapping: dict[str, str] = {}
        dropped = masked = 0
        try:
            for commit, *parents in history:
                ws._git(["read-tree", commit], env=env)
                if _has(ws, commit, path):
                    ws._git(["update-index", "--force-remove", "--", path], env=env)
                    dropped += 1
                if _mask_comments_json(ws, commit, env):
                    masked += 1
                tree = ws._git_out(["write-tree"], env=env).strip()
                mapping[commit] = _recommit(ws, commit, tree, [mapping[p] for p in parents])
        finally:
            index.unlink(missing_ok=True)
            index.with_name(index.name + ".lock").unlink(missing_ok=True)
        lines = [f"update {ref} {mapping[ws._git_out(['rev-parse', ref + '^{commit}']).strip()]}" for ref in tips]
        ws._git(["update-ref", "-m", f"revtool: {path} を履歴から削除", "--stdin"], input=("\n".join(lines) + "\n").encode())
        ws._git(["reset", "--hard", "-q", "HEAD"])
        # the old commits and blobs must not survive in reflogs or as loose objects
        ws._git(["reflog", "expire", "--expire=now", "--all"])
        ws._git(["gc", "--prune=now", "--quiet"])
    return PurgeResult(len(history), dropped, masked, tuple(r.removeprefix("refs/heads/").removeprefix("refs/tags/") for r in tips))


def _version_tags(ws: Workspace) -> dict[str, str]:
    out = ws._git_out(["for-each-ref", "--format=%(refname) %(objectname)", TAG_PREFIX])
    return dict(line.split(" ", 1) for line in out.splitlines() if line.strip())


def _has(ws: Workspace, commit: str, path: str) -> bool:
    return bool(ws._git(["ls-tree", "--name-only", commit, "--", path]).strip())


def _mask_comments_json(ws: Workspace, commit: str, env: dict[str, str]) -> bool:
    """Mask the opinions of the commit's comments.json in the temporary index; True when it changed."""
    if not _has(ws, commit, COMMENTS_JSON):
        return False
    raw = ws._git(["cat-file", "blob", f"{commit}:{COMMENTS_JSON}"])
    try:
        data: dict[str, Any] = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    changed = False
    for comment in data.get("comments", []):
        if isinstance(comment, dict) and isinstance(comment.get("opinion"), str):
            masked = mask_pii(comment["opinion"])
            changed |= masked != comment["opinion"]
            comment["opinion"] = masked
            if "opinion_norm" in comment:  # the same text, normalized for matching
                comment["opinion_norm"] = normalize_key(masked)
    source_name = data.get("source")
    if isinstance(source_name, str) and not data.get("pii_masked"):
        data["pii_masked"] = True
        changed = True
    if not changed:
        return False
    text = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    blob = ws._git_out(["hash-object", "-w", "--stdin"], input=text).strip()
    ws._git(["update-index", "--cacheinfo", f"100644,{blob},{COMMENTS_JSON}"], env=env)
    return True


def _recommit(ws: Workspace, commit: str, tree: str, parents: list[str]) -> str:
    """The commit again, on ``tree`` and ``parents``, with its message, authors and dates."""
    fields = ws._git_out(["show", "-s", "--format=%an%x00%ae%x00%ad%x00%cn%x00%ce%x00%cd", "--date=raw", commit]).rstrip("\n")
    an, ae, ad, cn, ce, cd = fields.split("\0")
    message = ws._git(["cat-file", "commit", commit]).split(b"\n\n", 1)[1]
    env = {"GIT_AUTHOR_NAME": an, "GIT_AUTHOR_EMAIL": ae, "GIT_AUTHOR_DATE": ad,
           "GIT_COMMITTER_NAME": cn, "GIT_COMMITTER_EMAIL": ce, "GIT_COMMITTER_DATE": cd}
    args = ["commit-tree", tree]
    for parent in parents:
        args += ["-p", parent]
    return ws._git_out([*args, "-F", "-"], input=message, env=env).strip()


def describe_warning(ws_root: Path, name: str) -> str:
    """What the user is asked to confirm (Japanese)."""
    return (
        f"警告: ワークスペース {ws_root} の履歴を書き換えます。すべてのコミットから comments/{name} を削除し、"
        "comments.json の意見の本文を伏せ字にします。コミットの ID は変わり、元に戻せません。"
        "このワークスペースを複製・共有・バックアップした先には古い履歴が残るので、そちらも消してください。"
    )
