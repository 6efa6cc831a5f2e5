"""The token-by-token content-stream reader: the definition that
``revtool.extract.pdf_glyphs.operations`` (whose fast path matches whole text
operations at once) is tested against. Test code only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from revtool.extract.pdf_glyphs import _ARRAY, _INLINE_END, _TOKEN, _literal


def operations_reference(data: bytes) -> Iterator[tuple[bytes, list[Any]]]:
    """``operations`` one token at a time (the definition the fast path is
    tested against). (operator, operands) of a content stream, operands being the strings
    (``bytes``), names (``str``, no slash) and arrays (lists) before it;
    numbers are left out; inline image data is skipped."""
    stack: list[Any] = []
    pos = 0
    search = _TOKEN.search
    while True:
        m = search(data, pos)
        if m is None:
            return
        tok = m.group()
        pos = m.end()
        first = tok[0]
        if first == 0x28:  # (
            s, pos = _literal(data, pos)
            stack.append(s)
        elif first == 0x2F:  # /
            stack.append(tok[1:].decode("latin-1"))
        elif first == 0x3C or first == 0x3E:  # <hex>, << or >>
            if tok[:2] in (b"<<", b">>"):
                continue  # dictionaries (marked content, inline images): nothing we use
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", tok[1:-1])
            stack.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")))
        elif first == 0x5B:  # [
            stack.append(_ARRAY)
        elif first == 0x5D:  # ]
            items: list[Any] = []
            while stack:
                v = stack.pop()
                if v is _ARRAY:
                    break
                items.append(v)
            items.reverse()
            stack.append(items)
        elif first == 0x25:  # a comment
            continue
        elif tok == b"ID":  # inline image data up to EI
            end = _INLINE_END.search(data, pos)
            if end is None:
                return
            pos = end.end()
            stack = []
        elif tok in (b"true", b"false", b"null"):
            continue
        else:
            yield tok, stack
            stack = []
