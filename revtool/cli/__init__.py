"""The ``revtool`` command line: typer app, global options, and the one place
where errors end the process (0 ok, 1 input error, 2 usage; the messages are
``render/error_text.py``'s)."""

from __future__ import annotations

import gc
import sys

import typer

from revtool.cli.app import app
from revtool.errors import RevtoolError
from revtool.render.error_text import error_report

from revtool.cli import localize  # noqa: E402

localize.apply()

# The commands: each module registers its commands on ``app`` when imported, and
# --help lists them in this order (the order of the work). Adding a command is
# one module and one line here; a misspelt name fails at import.
from revtool.cli import demo_cmd  # noqa: E402,F401,I001
from revtool.cli import workspace_cmds  # noqa: E402,F401
from revtool.cli import diff_cmd  # noqa: E402,F401
from revtool.cli import comments_cmd  # noqa: E402,F401
from revtool.cli import changelog_cmd  # noqa: E402,F401
from revtool.cli import trace_cmd  # noqa: E402,F401
from revtool.cli import review_cmd  # noqa: E402,F401
from revtool.cli import taisho_cmd  # noqa: E402,F401


from revtool.cli import usage as _usage  # noqa: E402

_usage.install()
_usage.add_examples(app)


def _debug_requested(argv: list[str]) -> bool:
    return "--debug" in argv


# A full collection of the cyclic GC walks every live container object. With
# the default thresholds (700, 10, 10) it runs after every 10 middle ones once
# the survivors pending reach a quarter of the old generation; a 1,200-page
# plan keeps millions of objects alive (two documents, the comparison, the
# links), so those full walks cost more the larger the plan and ran more often:
# at 1,200 pages (generated plan) 6 full collections in `diff` (0.6 s of 11 s
# CPU), 10 in `changelog` with the cache off (1.7 s of 20 s), none at 300 pages
# (issue 15: the stages' slopes). A full collection after every 100 middle
# ones: 0 and 1 of them, +2-3 MiB peak; reference counting frees everything
# that is not cyclic as before, and the results are the same.
GC_THRESHOLDS = (700, 10, 100)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point.

    typer's standalone mode handles help, usage errors (exit 2) and Ctrl-C;
    domain errors become one Japanese line on stderr and exit 1, with the
    traceback only under ``--debug``.
    """
    gc.set_threshold(*GC_THRESHOLDS)
    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debug_requested(args)
    try:
        app(args=args, prog_name="revtool", standalone_mode=True)
    except (RevtoolError, OSError) as exc:
        if debug:
            raise
        lines, code = error_report(exc)
        for line in lines:
            typer.echo(line, err=True)
        raise SystemExit(code) from None


def run_subcommand(args: list[str]) -> None:
    """Run one revtool command in this process (used by ``demo``); errors propagate."""
    app(args=args, prog_name="revtool", standalone_mode=False)
