"""Domain errors. The CLI turns each into a one-line Japanese message and exit 1."""

from __future__ import annotations


class RevtoolError(Exception):
    """A failure the user can act on. ``message`` is Japanese and names the file."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputFileError(RevtoolError):
    """The input file is missing, empty, unsupported, broken or hostile."""


class UnreadablePagesError(InputFileError):
    """Some PDF pages cannot be read as text (no Unicode map, image only, …)."""

    def __init__(self, message: str, pages: list[str], hint: str = "") -> None:
        super().__init__(message, hint)
        self.pages = pages


class WorkspaceError(RevtoolError):
    """The directory is not a workspace, is dirty, locked, or a version is unknown."""


class VersionLabelError(RevtoolError):
    """A version label cannot be used as a git tag component."""


class CommentTableError(InputFileError):
    """A comment table whose columns or encoding cannot be recognised."""
