"""Read-only git history of workspace files (``git log -- PATH``), for
``revtool trace`` on a section. store.py (through atomic_repo.py) owns every write; this module only
reads commits through GitPython.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from git import Repo
from git.exc import GitError

from revtool.workspace.log_entry import LogEntry

__all__ = ["LogEntry", "file_log", "section_folder", "trailers_of"]

_TRAILER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$")


def trailers_of(message: str) -> dict[str, str]:
    """``Key: value`` lines of the message's last paragraph."""
    paragraphs = [p for p in message.strip().split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return {}
    out: dict[str, str] = {}
    for line in paragraphs[-1].splitlines():
        m = _TRAILER.match(line.strip())
        if not m:
            return {}
        out[m.group(1)] = m.group(2).strip()
    return out


def file_log(root: Path, relpath: str, limit: int = 50) -> list[LogEntry]:
    """Commits on HEAD that touched ``relpath`` (a file or folder), newest first."""
    try:
        repo = Repo(root)
    except GitError:
        return []
    try:
        out = []
        for c in repo.iter_commits("HEAD", paths=relpath, max_count=limit):
            message = c.message if isinstance(c.message, str) else c.message.decode("utf-8", "replace")
            out.append(
                LogEntry(c.hexsha, c.committed_datetime, str(c.author.name), message.strip().splitlines()[0] if message.strip() else "", trailers_of(message))
            )
        return out
    except (GitError, ValueError):
        return []
    finally:
        repo.close()


def section_folder(manifest: bytes | None, path: tuple[str, ...]) -> str:
    """The folder of a section in ``sections/`` (``sections/02_.../01_...``), from
    a version's ``sections/manifest.json``; "" when the manifest does not have it."""
    if manifest is None or not path:
        return ""
    entries = json.loads(manifest.decode("utf-8")).get("sections", [])
    file = ""
    for heading in path:
        entry = next((e for e in entries if e.get("heading") == heading), None)
        if entry is None:
            return ""
        file, entries = entry.get("file", ""), entry.get("children", [])
    return "sections/" + file.rsplit("/", 1)[0] if file else ""
