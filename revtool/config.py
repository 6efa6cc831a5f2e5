"""Reading ``revtool.toml``: the plan's settings and the user's rule tables.

Stages get plain values from here (never the file): e.g. ``editorial_rules``
for diff, ``answer_patterns`` for comments. Unknown keys are kept, so each
stage owns its own table (``[editorial]``, ``[answers]``, ``[link]`` …).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from revtool.errors import WorkspaceError

CONFIG_NAME = "revtool.toml"  # this module's file, at the workspace's top (workspace/paths.py names it CONFIG)


def read_config(workspace: Path) -> dict[str, Any]:
    path = workspace / CONFIG_NAME
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"{CONFIG_NAME}: 設定ファイルを UTF-8 として読めません。", hint="UTF-8 で保存し直してください。") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise toml_error(CONFIG_NAME, text, exc) from exc


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_error(name: str, text: str, exc: tomllib.TOMLDecodeError) -> WorkspaceError:
    """A TOML syntax error as one Japanese line naming the file and the line, with
    the likely fix as the hint."""
    message = str(exc)
    found = _AT.search(message)
    reason = _AT.sub("", message).strip()
    line_no = int(found.group(1)) if found and found.group(1) else len(text.splitlines())
    lines = text.splitlines()
    line = lines[line_no - 1].strip() if 0 < line_no <= len(lines) else ""
    where = f"{line_no} 行目" + (f"「{line[:60]}」" if line else "")
    return WorkspaceError(f"{name}: {where}が TOML として読めません（{reason}）。", hint=_toml_fix(line))


def _toml_fix(line: str) -> str:
    key, sep, _ = line.partition("=")
    key = key.strip()
    if sep and key and not key.startswith(("[", "#", '"', "'")) and not all(_BARE_KEY.match(k.strip()) for k in key.split(".")):
        return f'日本語などの名前は引用符で囲んでください（例: "{key}" = [...]）。'
    if line.startswith("[") and not line.rstrip().endswith("]"):
        return "表の見出しは [answers] のように角かっこで閉じてください。"
    if sep:
        return '文字列は "…" で囲み、リストは ["…", "…"] のように書いてください。'
    return "「名前 = 値」の形で書いてください（README の「設定（revtool.toml）」に例があります）。"


def section(config: dict[str, Any], name: str) -> dict[str, Any]:
    value = config.get(name, {})
    if not isinstance(value, dict):
        raise WorkspaceError(f"{CONFIG_NAME}: [{name}] は表（テーブル）で指定してください。")
    return value
