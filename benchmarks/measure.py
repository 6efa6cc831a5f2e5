"""Run one command and report its own CPU, wall time and peak memory.

    python benchmarks/measure.py RESULT.json CMD [ARGS...]

Why a launcher: on Linux a child's ``ru_maxrss`` (``wait4``) starts at the
resident size of the process that forked it (fork copies the page tables; a
vfork/posix_spawn child execs from the parent's own memory), so a benchmark
that holds a generated 40,000-comment table in memory charges it to every
command it starts. This script is started instead: it is small (no imports
beyond the standard ones below), so the command it forks inherits a few MiB
at most, and it writes ``{"cpu": s, "wall": s, "peak_mib": MiB, "code": n}``
of that command to RESULT.json. The command's stdout/stderr are this
process's own.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    result, cmd = argv[0], argv[1:]
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - replaced by the command
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w", encoding="utf-8") as f:
        json.dump({"cpu": ru.ru_utime + ru.ru_stime, "wall": wall, "peak_mib": ru.ru_maxrss / 1024, "code": code}, f)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
