"""Where a command that makes a file writes it: the format read from the file
name, a default path under the workspace's changelogs/, standard output for
``-o -``, the folder created."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from revtool.workspace.paths import CHANGELOGS


def safe_label(label: str) -> str:
    """A version label usable in a file name."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", label).strip("_") or "版"


def default_output(root: Path, name: str, old: str, new: str, fmt: str) -> Path:
    """``changelogs/<name>_<old>-<new>.<fmt>`` in the workspace."""
    return root / CHANGELOGS / f"{name}_{safe_label(old)}-{safe_label(new)}.{fmt}"


def format_from_name(output: Path | None, formats: Sequence[str], default: str) -> str:
    """The format the output file's suffix names, or ``default``."""
    suffix = output.suffix.lstrip(".").lower() if output is not None else ""
    return suffix if suffix in formats else default


def is_stdout(output: Path | None) -> bool:
    return output is not None and str(output) == "-"


def write_output(target: Path, data: bytes) -> None:
    """All or nothing: a full disk never leaves a truncated output (see atomic_write)."""
    from revtool.atomic_write import write_atomic

    write_atomic(target, data)
