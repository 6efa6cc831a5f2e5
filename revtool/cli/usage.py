"""Help examples for every command, ``--version``, and usage errors as one
Japanese line with a did-you-mean (typer prints an English panel otherwise)."""

from __future__ import annotations

import difflib
import re
from typing import Any

import typer

# command path -> one or two real examples (shown at the end of --help)
EXAMPLES: dict[str, tuple[str, ...]] = {
    "init": ('revtool init 中野区DX --plan "中野区DX推進計画"',),
    "ingest": ("revtool ingest soan.pdf --version 素案", "revtool ingest an.docx --version 案 --pages-from an.pdf"),
    "versions": ("revtool versions", "revtool -C 中野区DX versions"),
    "show": ("revtool show 案 施策5", "revtool show 案 --depth 1"),
    "diff": ("revtool diff 素案 案 --section 施策5", "revtool diff 素案 案 --format json > diff.json"),
    "changelog": ("revtool changelog 素案 案 -o 別紙2.docx", "revtool changelog 素案 案 --format xlsx"),
    "trace": ("revtool trace R3", "revtool trace C05"),
    "blame": ("revtool blame 案 施策5",),
    "review": ("revtool review 素案 案", "revtool review 素案 案 --link R4=C05 --cause R8=内部:組織改正"),
    "taisho": ("revtool taisho 素案 案 -o 新旧対照表.docx", "revtool taisho 素案 案 --format html"),
    "demo": ("revtool demo",),
    "comments import": ("revtool comments import bessi1.xlsx", "revtool comments import bessi1.pdf --against 素案"),
    "comments list": ("revtool comments list --type 反映", "revtool comments list --format csv > comments.csv"),
    "comments purge": ("revtool comments purge bessi1.xlsx", "revtool comments purge bessi1.xlsx --yes"),
}


def epilog(path: str) -> str | None:
    examples = EXAMPLES.get(path)
    if not examples:
        return None
    return "例:\n\n" + "\n\n".join(f"  {e}" for e in examples)


def add_examples(app: typer.Typer, prefix: str = "") -> None:
    """Put the examples of EXAMPLES at the end of each command's help."""
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        if info.epilog is None:
            info.epilog = epilog(f"{prefix}{name}")
    for group in app.registered_groups:
        if group.typer_instance is not None:
            add_examples(group.typer_instance, f"{prefix}{group.name} ")


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return f"もしかして「{close[0]}」ですか？" if close else ""


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
        text = f"オプション「{exc.option_name}」はありません。" + _suggest(exc.option_name, _option_names(ctx))
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
        text = f"{where}の値が正しくありません: {_japanese_value_error(message)}"
    elif m := re.match(r"No such command '([^']+)'", message):
        name = m.group(1)
        choices = list(ctx.command.list_commands(ctx)) if ctx is not None and hasattr(ctx.command, "list_commands") else []
        text = f"コマンド「{name}」はありません。" + _suggest(name, choices)
    elif message.startswith("Missing command"):
        text = "コマンドを指定してください。"
    elif m := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", message):
        text = f"余分な引数「{m.group(1)}」があります（空白を含む値は \"\" で囲んでください）。"
    else:
        text = f"使い方が正しくありません（{message}）。"
    path = ctx.command_path if ctx is not None else "revtool"
    return f"エラー: {text}（使い方: {path} -h）"


def _japanese_value_error(message: str) -> str:
    if m := re.match(r"'?(.*?)'? is not a valid (integer|float)", message):
        return f"「{m.group(1)}」は数値ではありません。"
    if re.match(r"Input should be a valid (integer|number)", message):
        return "数値を指定してください。"
    if m := re.match(r"'?(.*?)'? is not one of (.+)\.?$", message):
        return f"「{m.group(1)}」は {m.group(2)} のいずれでもありません。"
    if m := re.match(r"(?:file|directory|dir|path) '(.+)' does not exist", message, re.IGNORECASE):
        return f"「{m.group(1)}」がありません。"
    if m := re.match(r"(?:file|directory|dir|path) '(.+)' is a (file|directory)", message, re.IGNORECASE):
        return f"「{m.group(1)}」は{'ファイル' if m.group(2) == 'file' else 'フォルダ'}です。"
    return message


def install() -> None:
    """typer prints usage errors through rich_utils.rich_format_error: one line instead."""
    import typer.rich_utils as rich_utils

    def rich_format_error(self: Any) -> None:
        if self.__class__.__name__ == "NoArgsIsHelpError":
            return
        typer.echo(usage_error_line(self), err=True)

    rich_utils.rich_format_error = rich_format_error  # type: ignore[assignment]


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"revtool {version('revtool')}"
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "revtool (バージョン不明)"
