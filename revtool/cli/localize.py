"""Japanese labels for typer's built-in help screens.

typer vendors click and hard-codes a few English strings ("Usage:", the help
option's text); panel titles are module constants. Patching is guarded so that
a future typer degrades to English instead of failing.

typer imports its help and error screens (``typer.rich_utils``: rich's
markdown, markdown-it, pygments) only when it shows one, and so do we: the
labels are set when that module is first imported (``after_import``), so that
``revtool versions`` or ``trace`` never load them (issue 15).
"""

from __future__ import annotations

from typing import Any

from revtool.after_import import after_import

HELP_OPTION_TEXT = "このヘルプを表示して終了します。"
USAGE_PREFIX = "使い方: "


def apply() -> None:
    from revtool.render.linebreak import install

    install()  # 禁則処理 in every wrapped view
    after_import("rich.prompt", _prompts)
    after_import("typer.rich_utils", _help_screens)
    _click_texts()


def _prompts(prompt: Any) -> None:  # rich.prompt
    prompt.PromptBase.illegal_choice_message = "[prompt.invalid.choice]一覧にある文字を入力してください。"
    prompt.PromptBase.validate_error_message = "[prompt.invalid]入力を読み取れません。もう一度入力してください。"


def _help_screens(rich_utils: Any) -> None:  # typer.rich_utils
    rich_utils.ARGUMENTS_PANEL_TITLE = "引数"
    rich_utils.OPTIONS_PANEL_TITLE = "オプション"
    rich_utils.COMMANDS_PANEL_TITLE = "コマンド"
    rich_utils.ERRORS_PANEL_TITLE = "エラー"
    rich_utils.ABORTED_TEXT = "中断しました。"
    rich_utils.DEFAULT_STRING = "[既定: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[必須]"
    rich_utils.RICH_HELP = "使い方は '{command_path} {help_option}' で表示されます。"
    highlighter = getattr(rich_utils, "OptionHighlighter", None)
    if highlighter is not None:
        highlighter.highlights = [h.replace("Usage: ", USAGE_PREFIX) for h in highlighter.highlights]


def _click_texts() -> None:
    """The help option's text and the usage line (typer's vendored click, loaded with typer)."""
    try:
        from typer._click import core, formatting
    except ImportError:  # pragma: no cover - other typer layouts
        return
    command_class = getattr(core, "Command", None)
    original_help_option = getattr(command_class, "get_help_option", None)
    if command_class is not None and original_help_option is not None \
            and not getattr(original_help_option, "_revtool", False):

        def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
            option = original_help_option(self, ctx)
            if option is not None:
                option.help = HELP_OPTION_TEXT
            return option

        get_help_option._revtool = True  # type: ignore[attr-defined]
        command_class.get_help_option = get_help_option
    formatter_class = getattr(formatting, "HelpFormatter", None)
    original_write_usage = getattr(formatter_class, "write_usage", None)
    if formatter_class is not None and original_write_usage is not None \
            and not getattr(original_write_usage, "_revtool", False):

        def write_usage(self, prog, args="", prefix=None):  # type: ignore[no-untyped-def]
            return original_write_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

        write_usage._revtool = True  # type: ignore[attr-defined]
        formatter_class.write_usage = write_usage
