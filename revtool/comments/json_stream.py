"""One array of a JSON document, element by element (issue 15: a 40,000-comment
``comments.json`` is 50 MB; ``json.loads`` would hold every comment's dict at
once, several hundred MB).

    for obj in iter_array(text, "comments"): ...

The whole document is checked as ``json.loads`` checks it (the other members
are decoded and dropped, nothing may follow the closing brace): what
``json.loads`` rejects raises ``ValueError`` (``json.JSONDecodeError``) here
too, once the elements before the fault have been yielded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, i: int) -> int:
    m = _SPACE.match(text, i)
    return m.end() if m else i


def _expect(text: str, i: int, chars: str) -> str:
    if i >= len(text) or text[i] not in chars:
        raise json.JSONDecodeError(f"Expecting one of {chars!r}", text, i)
    return text[i]


def _elements(text: str, i: int) -> Generator[Any, None, int]:
    """The elements of the array whose ``[`` is at ``i``; returns the index after its ``]``."""
    i = _skip(text, i + 1)
    if i < len(text) and text[i] == "]":
        return i + 1
    while True:
        value, i = _DECODER.raw_decode(text, i)
        yield value
        i = _skip(text, i)
        if _expect(text, i, ",]") == "]":
            return i + 1
        i = _skip(text, i + 1)


def iter_array(text: str, key: str) -> Iterator[Any]:
    """The elements of ``text``'s top-level array, or of the array under
    ``key`` when the top level is an object (none when it has no ``key``;
    a key given twice: the elements of both, where ``json.loads`` keeps the last)."""
    i = _skip(text, 0)
    if _expect(text, i, "{[") == "[":
        _end(text, (yield from _elements(text, i)))
        return
    i = _skip(text, i + 1)
    if i < len(text) and text[i] == "}":
        _end(text, i + 1)
        return
    while True:
        _expect(text, i, '"')
        name, i = _DECODER.raw_decode(text, i)
        i = _skip(text, i)
        _expect(text, i, ":")
        i = _skip(text, i + 1)
        if name == key and i < len(text) and text[i] == "[":
            i = yield from _elements(text, i)
        else:
            value, i = _DECODER.raw_decode(text, i)
            if name == key:  # not an array: what iterating it gives (TypeError for a number or null)
                yield from value
        i = _skip(text, i)
        if _expect(text, i, ",}") == "}":
            _end(text, i + 1)
            return
        i = _skip(text, i + 1)


def _end(text: str, i: int) -> None:
    i = _skip(text, i)
    if i != len(text):
        raise json.JSONDecodeError("Extra data", text, i)
