"""Run revtool on a pseudo-terminal (what a user at a terminal sees)."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time

def ctrl_c_as_at_a_terminal() -> None:
    """``preexec_fn`` for a child that must react to Ctrl-C as at a terminal: a test run
    started in the background by a non-interactive shell (``make test &``) inherits
    SIGINT ignored, and Python then never raises KeyboardInterrupt in the child."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_in_pty(args: list[str], env: dict[str, str] | None = None, timeout: float = 300.0) -> tuple[int, str]:
    """``python -m revtool.cli ARGS`` with stdin/stdout/stderr on a pty; (exit code, output without escapes)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "revtool.cli", *args],
        stdin=slave, stdout=slave, stderr=slave, env={**os.environ, **(env or {})}, close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    end = time.monotonic() + timeout
    poller = select.poll()  # not select(): it refuses a descriptor above 1024 in a long test run
    poller.register(master, select.POLLIN)
    try:
        while time.monotonic() < end:
            ready = poller.poll(500)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return proc.returncode, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
