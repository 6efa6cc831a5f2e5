"""What a change table says about where it comes from: the plan and the two versions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VersionRef:
    """One compared version: its label, ingest commit, source file and its sha256."""

    version: str
    commit: str = ""
    source: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class ChangelogMeta:
    plan: str
    old: VersionRef
    new: VersionRef
