"""The comparison computed once (issue 15): results kept under the workspace's
git directory (``.git/revtool-cache/``, never committed, never in the working
tree), keyed by everything they were computed from.

    key = cache_key("changelog", {"old": commit, "new": commit, "comments": blob id, ...})
    result = cached(ws, key, lambda: build(...))

The key is a sha256 of the named parts plus the code stamp (revtool's version
and the size and modification time of every module of the package), so a
change to any input — a version's commit, the comment table, decisions.toml,
revtool.toml, a cite, revtool itself — gives another key and the value is
computed again. Values are pickled; a file that cannot be read back (cut
short, corrupt, from another Python) is deleted and the value rebuilt. Only
the last ``KEEP`` values of each kind are kept. Set ``REVTOOL_NO_CACHE=1`` to
bypass it.

``load_document(ws, version)``: a version's section tree, kept by its commit
(``show``, ``blame`` and the comparison read it without walking the git tree
of every section file again).

Kinds kept: ``document`` (a version's sections), ``comparison``, ``base``
(the change table without decisions: a review action builds only the decided
one), ``changelog`` (the whole result: rows, links, causes, scores, both
versions, comments, decisions), ``versions`` (what each version's commit says).

``cached_parts``: a value kept in named parts in one file — an index, then
each part pickled on its own — and handed back by ``assemble`` as a value
whose parts are read when first used (``revtool/lazy_fields.py``): ``trace
C01`` reads the comments, rows and links and that comment's scores, not both
versions' sections nor the whole comparison (issue 15: unpickling all of a
1,200-page change table was most of what a view cost, and grew faster than
the plan). Objects that several parts hold (a version's document, a change,
a comment, a row) are kept once, in the part named first, and the others
refer to them: a part read gives the same objects as the whole value did.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import revtool

CACHE_DIR = "revtool-cache"
KEEP = 8  # values kept of each kind (a few version pairs, a review preview or two; documents)
FORMAT = 2  # bump when the file layout changes

_T = TypeVar("_T")


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """revtool's version and the size and mtime of each of its modules."""
    root = Path(revtool.__file__).parent
    h = hashlib.sha256(f"{revtool.__version__}/{FORMAT}".encode())
    for path in sorted(root.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def cache_key(kind: str, parts: Mapping[str, str | bytes]) -> str:
    """A key for ``kind`` computed from ``parts`` (names and values) and the code stamp."""
    h = hashlib.sha256(f"{kind}\0{code_stamp()}\0".encode())
    for name in sorted(parts):
        value = parts[name]
        data = value.encode("utf-8") if isinstance(value, str) else value
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return f"{kind}-{h.hexdigest()[:40]}"


def cache_dir(git_dir: Path) -> Path:
    return Path(git_dir) / CACHE_DIR


def _enabled() -> bool:
    return os.environ.get("REVTOOL_NO_CACHE", "") in ("", "0")


def load(git_dir: Path, key: str) -> Any | None:
    """The value stored under ``key``; None when absent or unreadable (then deleted)."""
    path = cache_dir(git_dir) / f"{key}.pickle"
    try:
        with open(path, "rb") as f, _no_gc():
            stored_key, value = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - any unreadable cache file is only a miss
        path.unlink(missing_ok=True)
        return None
    if stored_key != key:
        path.unlink(missing_ok=True)
        return None
    os.utime(path)  # recently used: kept by prune
    return value


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: unpickling creates only new objects
    (hundreds of thousands for a 300-page plan) and would run the collector
    over them again and again — half the time of loading a changelog. Then
    the loaded objects are frozen (``gc.freeze``: moved to the permanent
    generation): a cached value lives as long as the command that read it,
    and otherwise the first collections after loading walk all of them again,
    once per generation — a cost that grew faster than the plan (issue 15:
    a third of ``trace`` at 1,200 pages). Objects freed by their reference
    count are still freed (a loaded changelog holds no reference cycles: dropped,
    it leaves nothing for the collector); only cycles would be kept, and so
    would cyclic garbage already waiting when a value is loaded — bounded, and
    nothing of ours in a one-shot command."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was:
            gc.enable()


def store(git_dir: Path, key: str, value: Any) -> None:
    """Write atomically (temporary file + rename), then keep only the last ``KEEP``."""
    folder = cache_dir(git_dir)
    try:
        folder.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:  # a read-only or full disk: the result is still returned, just not kept
        return
    prune(folder)


def prune(folder: Path, keep: int = KEEP) -> None:
    """The ``keep`` most recently used values of each kind (``<kind>-<hash>.pickle``)."""
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    seen: dict[str, int] = {}
    for old in files:
        kind = old.name.rsplit("-", 1)[0]
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] > keep:
            _remove(old)
    for tmp in folder.glob(".tmp-*"):  # left by a process killed while writing
        try:
            if tmp.stat().st_mtime < time.time() - 3600:
                tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _remove(path: Path) -> None:
    """Delete a kept value; one still open elsewhere (a value read in parts, on
    Windows) stays until a later prune."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def cached(git_dir: Path | None, key: str, build: Callable[[], _T]) -> _T:
    """``build()``, or the value a previous call with the same key stored."""
    if git_dir is None or not _enabled():
        return build()
    hit = load(git_dir, key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    value = build()
    store(git_dir, key, value)
    return value


def load_document(ws: Any, version: str) -> Any:
    """``ws.load(version)`` (a ``Document``), kept under the version's commit:
    the same commit is the same section files, so the key needs nothing else
    (and the code stamp: another revtool reads them again)."""
    git_dir = getattr(ws, "git_dir", None)  # a stand-in workspace (tests) has none
    if git_dir is None:
        return ws.load(version)
    return cached(git_dir, cache_key("document", {"commit": ws.resolve(version)}), lambda: ws.load(version))


# ---------------------------------------------------------------- values kept in parts

PARTS_MAGIC = b"revtool-parts\x00"  # then the index's length (8 bytes), the index, the parts


@dataclass
class Split:
    """A value as named parts. ``shared``: parts (tuples) whose elements other
    parts hold too — pickled once there, referred to elsewhere (only from a part
    named after it, so reading a part never needs itself). ``refers``: the parts
    that may hold such elements (the others are pickled without looking)."""

    parts: dict[str, Any]
    shared: Sequence[str] = ()
    refers: frozenset[str] = field(default_factory=frozenset)


class _RefPickler(pickle.Pickler):
    def __init__(self, f: Any, owners: dict[int, tuple[str, int]]) -> None:
        super().__init__(f, protocol=pickle.HIGHEST_PROTOCOL)
        self.owners = owners

    def persistent_id(self, obj: Any) -> tuple[str, int] | None:  # type: ignore[override]
        return self.owners.get(id(obj))


def _dump_parts(split: Split) -> tuple[dict[str, tuple[int, int]], list[bytes]]:
    owners: dict[int, tuple[str, int]] = {}  # object id -> (part, position) of the parts pickled so far
    shared = set(split.shared)
    index: dict[str, tuple[int, int]] = {}
    blobs: list[bytes] = []
    offset = 0
    for name, value in split.parts.items():
        if name in split.refers and owners:
            buf = io.BytesIO()
            _RefPickler(buf, owners).dump(value)
            data = buf.getvalue()
        else:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if name in shared:
            owners.update({id(item): (name, i) for i, item in enumerate(value)})
        index[name] = (offset, len(data))
        blobs.append(data)
        offset += len(data)
    return index, blobs


def store_parts(git_dir: Path, key: str, split: Split) -> None:
    """``split`` written atomically under ``key`` (as ``store``), its parts readable one by one."""
    folder = cache_dir(git_dir)
    try:
        index, blobs = _dump_parts(split)
        head = pickle.dumps((key, index), protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as f:
            f.write(PARTS_MAGIC + len(head).to_bytes(8, "little") + head)
            for data in blobs:
                f.write(data)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        return
    prune(folder)


class Parts:
    """The parts of a kept value, each unpickled when first asked for. The file's
    bytes are read whole when it is opened and the file closed at once: a value
    stored again meanwhile replaces the name, not what is read, and no file stays
    open while the value lives (a process that keeps many values, a test run or a
    long review, would otherwise run out of file descriptors). Reading the bytes
    costs little next to unpickling them, which is what is put off. A part that
    cannot be read deletes the file and gives every part from ``rebuild()`` (the
    value computed again, as a ``Split``)."""

    def __init__(self, path: Path, data: bytes, start: int, index: dict[str, tuple[int, int]],
                 rebuild: Callable[[], Split]) -> None:
        self.path, self._data, self._start, self.index, self._rebuild = path, memoryview(data), start, index, rebuild
        self._read: dict[str, Any] = {}
        self._whole: dict[str, Any] | None = None

    def __contains__(self, name: str) -> bool:
        return name in self.index

    def get(self, name: str, default: Any = None) -> Any:
        if self._whole is not None:
            return self._whole.get(name, default)
        if name in self._read:
            return self._read[name]
        if name not in self.index:
            return default
        try:
            offset, length = self.index[name]
            data = self._data[self._start + offset:self._start + offset + length]
            if len(data) != length:
                raise EOFError(name)
            unpickler = pickle.Unpickler(io.BytesIO(data))
            unpickler.persistent_load = self._reference  # type: ignore[method-assign]
            with _no_gc():
                value = unpickler.load()
        except Exception:  # noqa: BLE001 - a part that cannot be read: everything computed again
            _remove(self.path)
            self._whole = self._rebuild().parts
            return self._whole.get(name, default)
        self._read[name] = value
        return value

    def _reference(self, pid: Any) -> Any:
        name, i = pid
        return self.get(name)[i]


def load_parts(git_dir: Path, key: str, rebuild: Callable[[], Split]) -> Parts | None:
    """The index of the value kept under ``key``; None when absent or unreadable (then deleted)."""
    path = cache_dir(git_dir) / f"{key}.pickle"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:  # unreadable (permissions, a device error): only a miss
        return None
    start = len(PARTS_MAGIC) + 8
    try:
        if data[:len(PARTS_MAGIC)] != PARTS_MAGIC:
            raise ValueError("not a value kept in parts")
        size = int.from_bytes(data[len(PARTS_MAGIC):start], "little")
        stored_key, index = pickle.loads(data[start:start + size])
        if stored_key != key or not isinstance(index, dict):
            raise ValueError("another key")
    except Exception:  # noqa: BLE001 - only a miss
        path.unlink(missing_ok=True)
        return None
    os.utime(path)
    return Parts(path, data, start + size, index, rebuild)


def cached_parts(git_dir: Path | None, key: str, build: Callable[[], _T], split: Callable[[_T], Split],
                 assemble: Callable[[Parts], _T]) -> _T:
    """``build()``, or the value a previous call with the same key stored in
    parts, handed back by ``assemble`` (parts read when used)."""
    if git_dir is None or not _enabled():
        return build()

    def rebuild() -> Split:
        parts = split(build())
        store_parts(git_dir, key, parts)
        return parts

    hit = load_parts(git_dir, key, rebuild)
    if hit is not None:
        return assemble(hit)
    value = build()
    store_parts(git_dir, key, split(value))
    return value
