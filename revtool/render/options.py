"""What every file renderer receives: the result (by the shape it needs) and the options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # annotations only: importing a renderer does not load the stages
    from revtool.changes.table import Changelog
    from revtool.changes.meta import ChangelogMeta


@dataclass(frozen=True)
class RenderOptions:
    with_opinions: bool = False  # opinion text in json/html (withheld by default: personal data)
    new_first: bool = True  # 新旧 (new on the left) or 旧新
    with_review: bool = False  # the staff's columns/sections (ID, 理由, 確信度, what to check) in md/csv


class ChangelogFile(Protocol):
    """A change table with its metadata (``api.changelog`` gives one)."""

    @property
    def changelog(self) -> Changelog: ...

    @property
    def meta(self) -> ChangelogMeta: ...


class TaishoFile(Protocol):
    """A 新旧対照表 with its metadata (``api.taisho`` gives one)."""

    @property
    def taisho(self) -> Any: ...

    @property
    def meta(self) -> Any: ...

    @property
    def changelog(self) -> Changelog | None: ...
