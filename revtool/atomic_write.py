"""Writing an output file all or nothing.

The bytes go to a temporary file in the target's folder, are flushed to disk
(fsync), and the temporary file is renamed over the target: a reader sees the
old file or the complete new one, never a truncated one. On a full disk, a file
size limit (``ulimit -f``) or any other write error the temporary file is removed,
the target is left as it was, and one Japanese line says so.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from revtool.errors import RevtoolError

_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class OutputWriteError(RevtoolError):
    """An output file could not be written; nothing was left half-written."""


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (folders created) so that ``target`` is either
    unchanged or complete."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _error(target, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(target, exc) from exc
        raise
    _fsync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new one gets what open() would give."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is done
    finally:
        os.close(fd)


def scratch_write_error(kind: str, exc: Exception) -> OutputWriteError:
    """A renderer (openpyxl writes each sheet to a temporary file first) could not
    write its scratch file: ``exc`` is an OSError or lxml's SerialisationError."""
    where = tempfile.gettempdir()
    return OutputWriteError(
        f"{kind} を作るための一時ファイル（{where}）を書けませんでした（{_reason(exc)}）。出力ファイルは作成・変更していません。",
        hint="空き容量を確保してから、同じコマンドをもう一度実行してください。",
    )


def collect_quietly() -> None:
    """Collect garbage with "Exception ignored in …" reports silenced: a library's
    writers that failed on a full disk raise again when they are finalized."""
    import gc
    import sys

    hook = sys.unraisablehook
    sys.unraisablehook = lambda _info: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _reason(exc: Exception) -> str:
    text = str(exc)
    if (isinstance(exc, OSError) and exc.errno in _NO_SPACE) or "EFBIG" in text or "ENOSPC" in text:
        return "ディスクの空きまたはファイルサイズの上限が足りません"
    return getattr(exc, "strerror", None) or text or type(exc).__name__


def _error(target: Path, exc: OSError) -> OutputWriteError:
    if exc.errno in _NO_SPACE:
        return OutputWriteError(
            f"{target.name}: ディスクの空きまたはファイルサイズの上限が足りず、書き込めませんでした。ファイルは作成・変更していません（{target.absolute().parent}）。",
            hint="空き容量を確保してから、同じコマンドをもう一度実行してください。",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputWriteError(
            f"{target.name}: 書き込む権限がありません（{target.absolute().parent}）。ファイルは作成・変更していません。",
            hint="書き込めるフォルダを -o で指定してください。",
        )
    return OutputWriteError(
        f"{target.name}: 書き込めませんでした（{exc.strerror or exc}）。ファイルは作成・変更していません。"
    )
