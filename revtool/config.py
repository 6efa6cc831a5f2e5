"""Reading ``revtool.toml``: the plan's settings and the user's rule tables.

Stages get plain values from here (never the file): e.g. ``editorial_rules``
for diff, ``answer_patterns`` for comments. Unknown keys are kept, so each
stage owns its own table (``[editorial]``, ``[answers]``, ``[link]`` …).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from revtool.errors import WorkspaceError
from revtool.workspace.paths import CONFIG as CONFIG_NAME


def read_config(workspace: Path) -> dict[str, Any]:
    path = workspace / CONFIG_NAME
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"{CONFIG_NAME}: 設定ファイルを読めません（{exc}）。") from exc


def section(config: dict[str, Any], name: str) -> dict[str, Any]:
    value = config.get(name, {})
    if not isinstance(value, dict):
        raise WorkspaceError(f"{CONFIG_NAME}: [{name}] は表（テーブル）で指定してください。")
    return value
