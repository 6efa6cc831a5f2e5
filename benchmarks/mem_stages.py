"""Where a command's memory goes (issue 15): the steps of ``comments import``
and of ``changelog -f json`` run in this process as the CLI runs them, with the
peak resident size of each step (Linux: the high-water mark is reset before
each step through ``/proc/self/clear_refs``) and the resident size after it.

    python -m benchmarks.mem_stages WORKSPACE COMMENTS_TABLE [--steps import,changelog]

WORKSPACE must hold the versions 素案 and 案 (``benchmarks/stages.py`` makes
such workspaces); the import is committed to it as the CLI would, the change
table is computed with the cache off and written to a temporary file.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _status(field: str) -> float:
    for ln in Path("/proc/self/status").read_text().splitlines():
        if ln.startswith(field + ":"):
            return int(ln.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


ROWS: list[tuple[str, float, float, float]] = []


def step(name: str, fn: Callable[[], Any]) -> Any:
    gc.collect()
    _reset_peak()
    t = time.process_time()
    value = fn()
    cpu = time.process_time() - t
    ROWS.append((name, cpu, _status("VmHWM"), _status("VmRSS")))
    print(f"  {name:<44} CPU {cpu:6.2f} s   peak {ROWS[-1][2]:6.0f} MiB   after {ROWS[-1][3]:6.0f} MiB", flush=True)
    return value


def import_steps(ws_path: Path, table: Path) -> None:
    import hashlib

    from revtool import api
    from revtool.comments import comments_file_bytes, groups_to_json, import_comments, iter_store_json, read_comment_table
    from revtool.config import read_config
    from revtool.workspace import paths
    from revtool.api import COMMENTS_SCHEMA

    print(f"comments import {table.name}")
    ws = step("open workspace", lambda: api.open_workspace(ws_path))
    rows = step("read table", lambda: read_comment_table(table))
    doc = step("load 素案", lambda: ws.load(ws.oldest_version()))
    comments = step("resolve + classify + group", lambda: tuple(import_comments(rows, doc, read_config(Path(ws.root)))))
    data = table.read_bytes()
    payload = {"schema": COMMENTS_SCHEMA, "against": "素案", "source": table.name, "sha256": hashlib.sha256(data).hexdigest(),
               "comments": iter_store_json(comments), "groups": groups_to_json(comments)}
    raw = step("comments.json bytes (as api.import_comments)", lambda: comments_file_bytes(payload))
    step("commit", lambda: ws.commit_files({paths.COMMENTS_JSON: raw, f"{paths.COMMENTS}/{table.name}": data},
                                           "bench: comments"))


def changelog_steps(ws_path: Path) -> None:
    from revtool import api
    from revtool.pipeline import compare_for_workspace, read_comments

    os.environ["REVTOOL_NO_CACHE"] = "1"
    print("changelog 素案 案 -f json (cache off)")
    ws = step("open workspace", lambda: api.open_workspace(ws_path))
    step("compare (load both + diff)", lambda: compare_for_workspace(ws, "素案", "案"))
    step("read comments.json", lambda: read_comments(ws))
    result = step("whole changelog (api.changelog)", lambda: api.changelog(ws, "素案", "案"))
    data = step("render JSON", lambda: api.render(result, "json"))
    with tempfile.TemporaryDirectory() as tmp:
        step("write file", lambda: (Path(tmp) / "c.json").write_bytes(data))
    from revtool.workspace import cache

    del os.environ["REVTOOL_NO_CACHE"]
    with tempfile.TemporaryDirectory() as tmp:
        step("pickle to the cache", lambda: cache.store(Path(tmp), "k", result))
        step("unpickle from the cache", lambda: cache.load(Path(tmp), "k"))


def main(argv: list[str]) -> int:
    ws, table = Path(argv[0]), Path(argv[1])
    steps = argv[argv.index("--steps") + 1].split(",") if "--steps" in argv else ["import", "changelog"]
    if "import" in steps:
        import_steps(ws, table)
    if "changelog" in steps:
        changelog_steps(ws)
    print(f"  whole process: peak {max(r[2] for r in ROWS):.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
