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
    format: str = ""  # "docx" | "pdf" | "" (unknown): the reader it was extracted with


@dataclass(frozen=True)
class ChangelogMeta:
    plan: str
    old: VersionRef
    new: VersionRef

    @property
    def format_note(self) -> str:
        return format_note(self.old.version, self.old.format, self.new.version, self.new.format)


_FORMAT_JA = {"docx": "DOCX", "pdf": "PDF"}


def formats_differ(old_format: str, new_format: str) -> bool:
    return bool(old_format and new_format and old_format != new_format)


def format_note(old: str, old_format: str, new: str, new_format: str) -> str:
    """One Japanese line when the two versions were read from different formats
    (a 素案 kept only as the published PDF, the 案 as DOCX), else ``""``."""
    if not formats_differ(old_format, new_format):
        return ""
    a, b = _FORMAT_JA.get(old_format, old_format), _FORMAT_JA.get(new_format, new_format)
    return (f"{old} は {a}、{new} は {b} から読み取った版です。形式の違い（枠・テキストボックス・改行など）"
            "による見かけの変更が混じることがあります。")
