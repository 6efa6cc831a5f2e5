"""Limits and checks for files handed to revtool, applied at the edges before a
file is read whole or parsed.

* ``check_file_size`` — refuse a file above a size cap (raised with ``--max-size``)
  from its ``stat``, before a byte of it is read.
* ``check_zip`` — an OOXML package (DOCX / XLSX): caps the number of members, the
  uncompressed total and the compression ratio, first from the sizes the zip
  declares, then again while streaming every member (declared sizes can lie);
  refuses an XML part with a DOCTYPE or an entity declaration (no entity is ever
  resolved, no file or network touched: the prolog is read by expat with no
  external-entity handler, and reading stops at the root element); refuses
  macros (``vbaProject.bin``) and, for workbooks, external links.
  (Python's zipfile itself stops a member at its declared size and then fails
  its CRC check, so a lie ends as "broken", never as unbounded memory.)
* ``check_macro_suffix`` — ``.xlsm`` / ``.docm`` … are refused by name.
* ``check_no_nul`` — a text table with NUL characters is binary or broken.
* ``content_note`` — "the content is a PNG image" for a renamed file.
* ``describe_os_error`` — a full disk or a permission problem, in Japanese.

Every failure is an ``InputFileError`` whose Japanese message names the file and
the reason.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.parsers import expat

from revtool.errors import InputFileError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 200 * MB
"""The default cap on an input file's size (``--max-size`` raises it)."""
MAX_UNZIPPED = 512 * MB
"""Cap on the uncompressed total of a DOCX/XLSX (at least 2.5 × the file cap)."""
MAX_RATIO = 100
"""Cap on one member's compression ratio (Apache POI's ZipSecureFile uses 1/0.01)..."""
RATIO_GRACE = 20 * MB
"""... for members larger than this. Repetitive XML compresses far better than
100:1 (a generated 4,000-paragraph document.xml: 184:1), and parsing 20 MB is
harmless; past it, a high ratio is the mark of a bomb."""
MAX_MEMBERS = 10_000
CHUNK = 1 * MB
_XML_SUFFIXES = (".xml", ".rels", ".vml")

_limit: contextvars.ContextVar[int] = contextvars.ContextVar("revtool_max_bytes", default=DEFAULT_MAX_BYTES)


@contextlib.contextmanager
def max_bytes(limit: int) -> Iterator[None]:
    """Within the block, ``check_file_size`` without an explicit cap uses ``limit``
    (lets a command's ``--max-size`` reach readers deeper down)."""
    token = _limit.set(limit)
    try:
        yield
    finally:
        _limit.reset(token)


def current_max_bytes() -> int:
    return _limit.get()


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} バイト"


def check_file_size(path: Path, limit: int | None = None) -> int:
    """The file's size; ``InputFileError`` when it is above ``limit`` (default: the
    current cap). Only ``stat`` is used, so a huge or sparse file costs nothing."""
    limit = current_max_bytes() if limit is None else limit
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):  # a named pipe or a device (/dev/zero) never ends
        raise InputFileError(f"{path.name}: 通常のファイルではありません（名前付きパイプやデバイスは読み込めません）。")
    size = st.st_size
    if size > limit:
        raise InputFileError(
            f"{path.name}: ファイルが大きすぎます（{_mb(size)}、上限 {_mb(limit)}）。読み込まずに中止しました。",
            hint=f"本当にこの大きさのファイルであれば、--max-size {(size + MB - 1) // MB} のように上限（MB）を上げてください。",
        )
    return size


def unzipped_cap(file_cap: int) -> int:
    """The uncompressed-total cap that goes with a file-size cap."""
    return max(MAX_UNZIPPED, file_cap * 5 // 2)


class _PrologDone(Exception):
    pass


class _Prolog:
    """Feeds an XML part to expat until its root element starts; refuses a DOCTYPE
    or an entity declaration on the way. Expat gets no external-entity handler
    and no DTD is loaded, so nothing outside the bytes given is ever read."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate()
        self.problem = ""
        self.done = False
        self.head = b""
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.StartElementHandler = self._start

    def _doctype(self, name: str, *args: object) -> None:
        self.problem = f"DOCTYPE 宣言（<!DOCTYPE {name}>）"
        raise _PrologDone

    def _entity(self, name: str, *args: object) -> None:
        self.problem = f"実体宣言（<!ENTITY {name}>）"
        raise _PrologDone

    def _start(self, name: str, attrs: object) -> None:
        raise _PrologDone

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.done:
            return
        if len(self.head) < 65536:
            self.head += data[: 65536 - len(self.head)]
        try:
            self.parser.Parse(data, final)
        except _PrologDone:
            self.done = True
        except expat.ExpatError:
            # expat gave up (an encoding it lacks, an empty part, broken XML): the
            # XML parser proper reports broken XML; still refuse a declaration seen
            # in the raw bytes, in UTF-8 or UTF-16.
            self.done = True
            for word, what in ((b"<!DOCTYPE", "DOCTYPE 宣言"), (b"<!ENTITY", "実体宣言")):
                forms = (word, word.decode().encode("utf-16-le"), word.decode().encode("utf-16-be"))
                if any(form in self.head for form in forms):
                    self.problem = what
                    break


def check_zip(source: Path | bytes, name: str, *, kind: str = "DOCX", file_cap: int | None = None) -> None:
    """Refuse a zip bomb, an XML part with a DOCTYPE/entity declaration, macros
    and (for ``kind="XLSX"``) external links, before any parser sees the package.

    ``source`` is the file or its bytes; ``name`` the file name for messages."""
    cap = unzipped_cap(current_max_bytes() if file_cap is None else file_cap)
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zf:
            infos = zf.infolist()
            _check_declared(infos, name, cap)
            _check_active_content(infos, name, kind)
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                with zf.open(info) as member:
                    total = _stream_member(member, info, name, total, cap)
    except InputFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise InputFileError(f"{name}: {kind} が壊れています（ZIP として読めません: {exc}）。") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encrypted member
        raise InputFileError(f"{name}: {kind} の ZIP を読めません（{exc}）。") from exc


def _bomb(name: str, detail: str) -> InputFileError:
    return InputFileError(
        f"{name}: 展開すると大きくなりすぎる ZIP です（{detail}）。ZIP 爆弾の可能性があるため読み込みません。",
        hint="正しいファイルであれば、Word / Excel で開いて保存し直すか、画像を圧縮してください。",
    )


def _check_declared(infos: list[zipfile.ZipInfo], name: str, cap: int) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _bomb(name, f"中のファイルが {len(infos)} 個、上限 {MAX_MEMBERS} 個")
    declared = sum(i.file_size for i in infos)
    if declared > cap:
        raise _bomb(name, f"展開後 {_mb(declared)}、上限 {_mb(cap)}")
    for info in infos:
        if info.file_size > RATIO_GRACE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _bomb(name, f"{info.filename} の圧縮率 {ratio} 倍、上限 {MAX_RATIO} 倍")


def _check_active_content(infos: list[zipfile.ZipInfo], name: str, kind: str) -> None:
    names = [i.filename for i in infos]
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise InputFileError(
            f"{name}: マクロ（VBA）を含むファイルです。安全のため読み込みません。",
            hint="マクロを含まない形式（.xlsx / .docx）で保存し直してください。",
        )
    if kind == "XLSX" and any(n.lower().startswith("xl/externallinks/") for n in names):
        raise InputFileError(
            f"{name}: 他のブックへの外部リンクを含む Excel ファイルです。安全のため読み込みません。",
            hint="Excel の「データ」→「リンクの編集」→「リンクの解除」で値に変えて保存し直してください。",
        )


def _stream_member(member: IO[bytes], info: zipfile.ZipInfo, name: str, total: int, cap: int) -> int:
    """Decompress one member in chunks, counting what really comes out."""
    prolog = _Prolog() if info.filename.lower().endswith(_XML_SUFFIXES) else None
    size = 0
    while True:
        chunk = member.read(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        total += len(chunk)
        if size > info.file_size:
            raise _bomb(name, f"{info.filename} が宣言より大きく展開されます")
        if total > cap:
            raise _bomb(name, f"展開後 {_mb(total)} を超えました、上限 {_mb(cap)}")
        if size > RATIO_GRACE and size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(name, f"{info.filename} の圧縮率が {MAX_RATIO} 倍を超えます")
        if prolog is not None:
            prolog.feed(chunk)
            if prolog.problem:
                break
            if prolog.done:
                prolog = None
    if prolog is not None and not prolog.problem:
        prolog.feed(b"", final=True)
    if prolog is not None and prolog.problem:
        raise InputFileError(
            f"{name}: {info.filename} に{prolog.problem}があります。"
            "外部のファイルや通信を参照できる XML のため、安全のため読み込みません。",
            hint="Word / Excel で開いて保存し直したファイルを使ってください。",
        )
    return total


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG 画像"),
    (b"\xff\xd8\xff", "JPEG 画像"),
    (b"GIF8", "GIF 画像"),
    (b"II*\x00", "TIFF 画像"),
    (b"MM\x00*", "TIFF 画像"),
    (b"BM", "BMP 画像"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "古い Office 形式（.doc / .xls）か暗号化された Office ファイル"),
    (b"Rar!", "RAR 圧縮ファイル"),
    (b"7z\xbc\xaf", "7-Zip 圧縮ファイル"),
    (b"\x1f\x8b", "gzip 圧縮ファイル"),
    (b"{\\rtf", "RTF 文書"),
)


def describe_content(head: bytes) -> str:
    """What the first bytes of a file say it really is (``"PNG 画像"``), or ``""``."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return ""


def content_note(head: bytes) -> str:
    """``（中身は PNG 画像です）`` for a message, or ``""`` when unknown."""
    what = describe_content(head)
    return f"（中身は {what}です）" if what else ""


_OS_REASONS = {
    "ENOSPC": "ディスクの空き容量が足りません",
    "EDQUOT": "ディスクの使用量の上限（クォータ）に達しました",
    "EFBIG": "ファイルサイズの上限に達しました（ディスクの空き容量または書き込みの制限）",
    "EROFS": "読み取り専用の場所には書き込めません",
    "EACCES": "アクセス権がありません",
    "EPERM": "この操作は許可されていません",
    "ENOENT": "ファイルまたはフォルダが見つかりません",
    "EISDIR": "フォルダです（ファイルを指定してください）",
    "ENAMETOOLONG": "ファイル名が長すぎます",
}


def describe_os_error(exc: OSError) -> tuple[str, str]:
    """A one-line Japanese message naming the file (when known) and the reason,
    and a hint, for an ``OSError`` that reached the command line."""
    import errno as errno_names

    code = errno_names.errorcode.get(exc.errno or 0, "")
    reason = _OS_REASONS.get(code, "")
    detail = exc.strerror or str(exc) or type(exc).__name__
    name = str(exc.filename) if getattr(exc, "filename", None) else ""
    where = f"{name}: " if name else ""
    message = f"{where}{reason}（{detail}）。" if reason else f"{where}{detail}。"
    hint = ""
    if code in ("ENOSPC", "EDQUOT", "EFBIG"):
        hint = "空き容量を確保してから、同じコマンドをもう一度実行してください（途中まで書いた内容は元に戻しています）。"
    return message, hint


MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".docm", ".dotm")


def check_macro_suffix(path: Path) -> None:
    """Refuse a macro-enabled Office file by its name (``.xlsm`` …)."""
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise InputFileError(
            f"{path.name}: マクロ有効ファイル（{suffix}）は安全のため読み込みません。",
            hint="Excel / Word で、マクロを含まない .xlsx / .docx として保存し直してください。",
        )


def check_no_nul(text: str, name: str) -> None:
    """A text table must not contain NUL characters (binary data or a broken file)."""
    at = text.find("\x00")
    if at >= 0:
        nul_error(name, text.count("\n", 0, at) + 1)


def nul_error(name: str, line: int) -> None:
    """Raise the NUL-character refusal for ``line`` of ``name``."""
    raise InputFileError(
        f"{name}: NUL 文字（0x00）が含まれています（{line} 行目）。テキストの表ではないか、ファイルが壊れています。",
        hint="Excel などで「CSV UTF-8」として保存し直してください。",
    )


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_RATIO",
    "MAX_UNZIPPED",
    "check_file_size",
    "check_macro_suffix",
    "check_no_nul",
    "check_zip",
    "content_note",
    "describe_content",
    "current_max_bytes",
    "describe_os_error",
    "max_bytes",
    "nul_error",
    "unzipped_cap",
]
