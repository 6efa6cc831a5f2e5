"""Read-only git history of workspace files (``git log -- PATH``), for
``revtool trace`` on a section. store.py owns every write; this module only
reads commits through GitPython.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from git import Repo
from git.exc import GitError

_TRAILER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$")


@dataclass(frozen=True)
class LogEntry:
    commit: str
    date: datetime
    author: str
    subject: str
    trailers: dict[str, str]

    @property
    def cites(self) -> tuple[str, ...]:
        return tuple(c for c in self.trailers.get("Revtool-Cites", "").split(",") if c)


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
