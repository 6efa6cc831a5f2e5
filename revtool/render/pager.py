"""Long terminal output through a pager, as ``git diff`` does: only when
stdout is a terminal; ``$REVTOOL_PAGER`` or ``$PAGER`` (default ``less``) run
through the shell; ``LESS=FRX`` unless set (colors kept, quits when the text
fits one screen); ``PAGER=cat`` or ``--no-pager`` turns it off."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console


def pager_command(environ: "os._Environ[str] | dict[str, str]") -> str | None:
    """The pager to run, or None for none."""
    cmd = environ.get("REVTOOL_PAGER", environ.get("PAGER", "less")).strip()
    return None if cmd in ("", "cat") else cmd


@contextmanager
def paged(console: Console, enabled: bool = True) -> Iterator[None]:
    """Print inside this block; on a terminal the text goes through the pager."""
    cmd = pager_command(os.environ) if enabled else None
    if cmd is None or not console.is_terminal or not sys.stdout.isatty():
        yield
        return
    with console.capture() as capture:
        yield
    text = capture.get()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        subprocess.run(cmd, shell=True, input=text.encode("utf-8"), env=env, check=False)
    except OSError:
        sys.stdout.write(text)
