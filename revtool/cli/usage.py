"""Help examples on every command and usage errors as one Japanese line with
a did-you-mean (typer prints an English panel otherwise); the texts are in
``render/help_text.py``."""

from __future__ import annotations

import re
from typing import Any

import typer

from revtool.render.help_text import epilog, japanese_value_error, suggest

def add_examples(app: typer.Typer, prefix: str = "") -> None:
    """Put the examples of EXAMPLES at the end of each command's help."""
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        if info.epilog is None:
            info.epilog = epilog(f"{prefix}{name}")
    for group in app.registered_groups:
        if group.typer_instance is not None:
            add_examples(group.typer_instance, f"{prefix}{group.name} ")


def _option_names(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    return [o for p in ctx.command.params for o in (*getattr(p, "opts", ()), *getattr(p, "secondary_opts", ())) if o.startswith("-")]


def _param_label(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")] or list(getattr(param, "opts", ()))
    if opts and opts[0].startswith("-"):
        return f"オプション「{opts[0]}」"
    return f"引数「{(param.name or '').upper()}」"


def usage_error_line(exc: Any) -> str:
    """One Japanese line for a click usage error (no English, a did-you-mean)."""
    from typer._click import exceptions as ce

    ctx = getattr(exc, "ctx", None)
    message = str(getattr(exc, "message", "") or "")
    if isinstance(exc, ce.NoSuchOption):
        text = f"オプション「{exc.option_name}」はありません。" + suggest(exc.option_name, _option_names(ctx))
    elif isinstance(exc, ce.MissingParameter):
        param = exc.param
        if param is None:
            text = "必要な引数が足りません。"
        else:
            text = f"{_param_label(param)}を指定してください。"
    elif isinstance(exc, ce.BadOptionUsage):
        if "requires an argument" in message:
            text = f"オプション「{exc.option_name}」には値が必要です。"
        else:
            text = f"オプション「{exc.option_name}」の使い方が正しくありません: {message}"
    elif isinstance(exc, ce.BadParameter):
        param = exc.param
        where = f"「{exc.param_hint}」" if isinstance(exc.param_hint, str) else (_param_label(param) if param else "")
        text = f"{where}の値が正しくありません: {japanese_value_error(message)}"
    elif m := re.match(r"No such command '([^']+)'", message):
        name = m.group(1)
        choices = list(ctx.command.list_commands(ctx)) if ctx is not None and hasattr(ctx.command, "list_commands") else []
        text = f"コマンド「{name}」はありません。" + suggest(name, choices)
    elif message.startswith("Missing command"):
        text = "コマンドを指定してください。"
    elif m := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", message):
        text = f"余分な引数「{m.group(1)}」があります（空白を含む値は \"\" で囲んでください）。"
    else:
        text = f"使い方が正しくありません（{message}）。"
    path = ctx.command_path if ctx is not None else "revtool"
    return f"エラー: {text}（使い方: {path} -h）"


def install() -> None:
    """typer prints usage errors through rich_utils.rich_format_error: one line instead."""
    import typer.rich_utils as rich_utils

    def rich_format_error(self: Any) -> None:
        if self.__class__.__name__ == "NoArgsIsHelpError":
            return
        typer.echo(usage_error_line(self), err=True)

    rich_utils.rich_format_error = rich_format_error  # type: ignore[assignment]
