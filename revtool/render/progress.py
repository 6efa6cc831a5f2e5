"""Quiet at scale (issue 15): warnings counted and summarized on the terminal
(how many of each kind, the first few, and where the full list is) instead of
one stderr line each; progress bars on stderr for long steps, silent when
stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

_T = TypeVar("_T")


def print_warnings(err: Any, messages: Sequence[str], full_list: str) -> None:
    """All of them when there are few; else the count, the commonest kinds, the
    first lines and where the full list is (``full_list``, Japanese)."""
    from revtool.render.warning_summary import summary_lines

    for line in summary_lines(messages, full_list):
        err.print(line, markup=False)


@contextmanager
def progress(err: Any, label: str, total: int | None = None) -> Iterator[Any]:
    """A rich progress bar on ``err`` (a rich Console) when it is a terminal;
    yields ``advance(n=1)``; a no-op otherwise."""
    if not getattr(err, "is_terminal", False):
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


@contextmanager
def working(err: Any, label: str) -> Iterator[None]:
    """An indeterminate progress bar with the elapsed time on ``err`` while a
    long step runs (ingest, comment import, comparison, change table); nothing
    when stderr is not a terminal (pipes, files, tests). Gone when it ends."""
    if not getattr(err, "is_terminal", False):
        yield
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        bar.add_task(label, total=None)
        yield


def tracked(err: Any, items: Iterable[_T], label: str, total: int | None = None) -> Iterator[_T]:
    """``items`` with a progress bar (see ``progress``)."""
    with progress(err, label, total) as advance:
        for x in items:
            yield x
            advance()
