"""Quiet at scale (issue 15): warnings counted and summarized on the terminal
(how many of each kind, the first few, and where the full list is) instead of
one stderr line each; progress bars on stderr for long steps, silent when
stderr is not a terminal."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

SHOW_ALL = 10  # up to this many warnings are printed in full
LINE = 100  # characters of each line shown in a summary
TOP = 5  # otherwise: this many kinds with their counts, and this many lines

_T = TypeVar("_T")


def warning_kind(message: str) -> str:
    """What a warning says, without the names, numbers and quotes that vary:
    「C12: 該当箇所が複数の節に当てはまります: …」 → 該当箇所が複数の節に当てはまります."""
    text = re.sub(r"^[A-Z]+\d+:?\s*", "", message)
    text = re.sub(r"「[^」]*」|（[^）]*）|P\.[\d、\-]+", "…", text)
    text = text.split(":")[0].split("。")[0]
    return re.sub(r"\d+", "N", text).strip() or message[:30]


def print_warnings(err: Any, messages: Sequence[str], full_list: str) -> None:
    """All of them when there are few; else the count, the commonest kinds, the
    first lines and where the full list is (``full_list``, Japanese)."""
    if len(messages) <= SHOW_ALL:
        for m in messages:
            err.print(f"注意: {m}")
        return
    kinds = Counter(warning_kind(m) for m in messages)
    top = "、".join(f"{k} {n:,} 件" for k, n in kinds.most_common(TOP))
    more = f"、他 {len(kinds) - TOP} 種類" if len(kinds) > TOP else ""
    err.print(f"注意が {len(messages):,} 件あります（{top}{more}）。最初の {TOP} 件:")
    for m in messages[:TOP]:
        err.print(f"  注意: {m if len(m) <= LINE else m[:LINE - 1] + '…'}")
    err.print(f"全件は {full_list} で確認できます。")


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


def tracked(err: Any, items: Iterable[_T], label: str, total: int | None = None) -> Iterator[_T]:
    """``items`` with a progress bar (see ``progress``)."""
    with progress(err, label, total) as advance:
        for x in items:
            yield x
            advance()
