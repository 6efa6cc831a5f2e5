"""The typer application object and the global options, shared by command modules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

app = typer.Typer(
    name="revtool",
    help="計画の素案と案を比較し、「素案からの主な変更点」（別紙2）を作成します。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Env:
    """What every command needs from outside: where the workspace is, and where to print.
    Tests can build their own."""

    workspace: Path
    out: "Console"
    err: "Console"
    debug: bool = False


def styled(*parts: str | tuple[str, str]) -> "Text":  # render.terminal's, imported by the command that runs
    from revtool.render.terminal import styled as styled_text
    return styled_text(*parts)


def make_console(stderr: bool = False) -> "Console":  # render.terminal's, imported when a command runs
    from revtool.render.terminal import make_console as terminal_console
    return terminal_console(stderr=stderr)


def _print_version(value: bool) -> None:
    if value:
        from revtool.render.help_text import version_text

        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    workspace: Path = typer.Option(
        Path("."), "-C", "--workspace", help="ワークスペースのフォルダ（既定: 現在のフォルダ）。",
        file_okay=False,
    ),
    debug: bool = typer.Option(False, "--debug", help="エラー時にトレースバックを表示します。"),
    version: bool = typer.Option(
        False, "--version", "-V", help="revtool のバージョンを表示して終了します。", is_eager=True,
        callback=_print_version,
    ),
) -> None:
    ctx.obj = Env(workspace=workspace, out=make_console(), err=make_console(stderr=True), debug=debug)


def env(ctx: typer.Context) -> Env:
    obj = ctx.find_root().obj
    assert isinstance(obj, Env)
    return obj
