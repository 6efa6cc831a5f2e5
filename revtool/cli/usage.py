"""Help examples on every command and usage errors as one Japanese line with
a did-you-mean (typer prints an English panel otherwise); the texts are in
``render/help_text.py`` and ``render/usage_error.py``."""

from __future__ import annotations

from typing import Any

import typer

from revtool.render.help_text import epilog
from revtool.render.usage_error import usage_error_line


def add_examples(app: typer.Typer, prefix: str = "") -> None:
    """Put the examples of EXAMPLES at the end of each command's help."""
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        if info.epilog is None:
            info.epilog = epilog(f"{prefix}{name}")
    for group in app.registered_groups:
        if group.typer_instance is not None:
            add_examples(group.typer_instance, f"{prefix}{group.name} ")


def install() -> None:
    """typer prints usage errors through rich_utils.rich_format_error: one line instead
    (set when typer first imports that module, for an error or a help screen)."""
    from revtool.after_import import after_import

    after_import("typer.rich_utils", _one_line_errors)


def _one_line_errors(rich_utils: Any) -> None:  # typer.rich_utils
    def rich_format_error(self: Any) -> None:
        if self.__class__.__name__ == "NoArgsIsHelpError":
            return
        typer.echo(usage_error_line(self), err=True)

    rich_utils.rich_format_error = rich_format_error
