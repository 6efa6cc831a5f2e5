"""One commit of a workspace's history, as views show it (no git import here:
``history.py`` reads the commits)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
