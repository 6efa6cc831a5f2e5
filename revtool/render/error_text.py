"""The one place where a failure becomes what the user reads: a domain error
(``RevtoolError``) or an ``OSError`` → 「エラー: …」, maybe 「ヒント: …」, and
the exit code (1 for bad input, a full disk, a locked workspace …)."""

from __future__ import annotations

from revtool.errors import RevtoolError


def error_report(exc: RevtoolError | OSError) -> tuple[list[str], int]:
    """The Japanese lines for stderr and the exit code of ``exc``."""
    if isinstance(exc, RevtoolError):
        message, hint, code = exc.message, exc.hint, exc.exit_code
    else:
        from revtool.safety import describe_os_error

        (message, hint), code = describe_os_error(exc), 1
    return [f"エラー: {message}"] + ([f"ヒント: {hint}"] if hint else []), code
