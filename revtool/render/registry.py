"""The renderers: which module turns which result into which file format.

A result says what it is by its ``kind`` (``changelog``, ``taisho``, ``diff``,
``comments``); ``RENDERERS`` maps (kind, format) to ``"module:function"``, a
function ``(result, RenderOptions) -> bytes``. Adding a format is one module
with such a function and one line here. Modules are imported when used (xlsx
and docx pull in large libraries); a line naming a module that does not exist
fails when this registry is imported, and tests resolve every function.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from revtool.errors import RevtoolError
from revtool.render.options import RenderOptions

Renderer = Callable[[Any, RenderOptions], bytes]

RENDERERS: dict[tuple[str, str], str] = {
    ("changelog", "md"): "revtool.render.changelog_md:render_file",
    ("changelog", "csv"): "revtool.render.changelog_csv:render_file",
    ("changelog", "xlsx"): "revtool.render.changelog_xlsx:render_file",
    ("changelog", "docx"): "revtool.render.changelog_docx:render_file",
    ("changelog", "json"): "revtool.render.changelog_json:render_file",
    ("taisho", "docx"): "revtool.render.taisho_docx:render_file",
    ("taisho", "html"): "revtool.render.taisho_html:render_file",
    ("diff", "json"): "revtool.render.diff_view:render_file",
    ("comments", "json"): "revtool.render.comments_table:render_json",
    ("comments", "csv"): "revtool.render.comments_table:render_csv",
}

TEXT_FORMATS = frozenset({"md", "csv", "json", "html"})  # may go to standard output


class UnknownFormatError(RevtoolError):
    """No renderer for this result and format."""


def _check(table: dict[tuple[str, str], str]) -> None:
    for key, target in table.items():
        module, sep, function = target.partition(":")
        if not sep or not function or importlib.util.find_spec(module) is None:
            raise ImportError(f"render registry: {key} names {target!r}, which does not exist")


_check(RENDERERS)


def register(kind: str, fmt: str, target: str) -> None:
    """Add a renderer (``"module:function"``) for results of ``kind`` in format ``fmt``."""
    _check({(kind, fmt): target})
    RENDERERS[(kind, fmt)] = target


def formats(kind: str) -> tuple[str, ...]:
    """The formats a result kind can be rendered in, in registry order."""
    return tuple(fmt for k, fmt in RENDERERS if k == kind)


def renderer(kind: str, fmt: str) -> Renderer:
    target = RENDERERS.get((kind, fmt))
    if target is None:
        shown = "・".join(formats(kind)) or "なし"
        raise UnknownFormatError(f"形式「{fmt}」には出力できません（{shown} のいずれか）。")
    module, _, function = target.partition(":")
    got: Renderer = getattr(importlib.import_module(module), function)
    return got


def render(result: Any, fmt: str, *, with_opinions: bool = False, new_first: bool = True,
           with_review: bool = False) -> bytes:
    """``result`` (anything with a ``kind``) as the bytes of format ``fmt``."""
    return renderer(str(result.kind), fmt)(result, RenderOptions(with_opinions, new_first, with_review))


@dataclass(frozen=True)
class _ChangelogOnly:
    changelog: Any
    meta: Any
    kind: str = "changelog"


def render_changelog(log: Any, meta: Any, fmt: str, *, with_opinions: bool = False, with_review: bool = False) -> bytes:
    """A bare (Changelog, ChangelogMeta) pair as one file format."""
    return render(_ChangelogOnly(log, meta), fmt, with_opinions=with_opinions, with_review=with_review)
