"""The ``revtool`` command line: typer app, global options, and the one place
where errors end the process (0 ok, 1 input error, 2 usage; the messages are
``render/error_text.py``'s)."""

from __future__ import annotations

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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point.

    typer's standalone mode handles help, usage errors (exit 2) and Ctrl-C;
    domain errors become one Japanese line on stderr and exit 1, with the
    traceback only under ``--debug``.
    """
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
