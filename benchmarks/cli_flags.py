"""Command-line flags of the accuracy runners, checked before anything runs.

A runner whose default is the HELD-OUT measurement must never start it on a
flag it does not know (``--help`` used to run the held-out seeds, and three
engineers saw held-out figures that way)."""

from __future__ import annotations

import sys


def check_flags(argv: list[str], known: set[str], usage: str) -> int | None:
    """None when every ``--flag`` in ``argv`` is known; otherwise print the
    usage (stdout for --help/-h, stderr for an unknown flag) and return the exit code."""
    if "--help" in argv or "-h" in argv:
        print(usage)
        return 0
    unknown = [a for a in argv if a.startswith("-") and a not in known]
    if unknown:
        print(f"unknown option(s): {' '.join(unknown)}\n\n{usage}", file=sys.stderr)
        return 2
    return None
