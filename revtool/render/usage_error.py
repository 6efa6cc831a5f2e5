"""A click usage error (typer's parser) as one Japanese line with a
did-you-mean and where to find help, instead of typer's English panel."""

from __future__ import annotations

import re
from typing import Any

from revtool.render.help_text import japanese_value_error, suggest


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
