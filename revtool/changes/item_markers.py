"""List-item markers (1. ア ① （2）): a text's marker and rest, markers that
only traded places, an item only renumbered. Pure."""

from __future__ import annotations

import re

from revtool.normalize import compact_key as key


# ---------------------------------------------------------------- list items

_ITEM_MARKER = re.compile(
    r"^[\s\u3000]*(?:[\u2460-\u2473\u2776-\u277f\u24ea]|[（(][0-9０-９ア-ンa-zａ-ｚ]{1,2}[）)]"
    r"|[0-9０-９]{1,2}[.．)）]|[ア-ンa-zａ-ｚ][.．)）])[\s\u3000]*"
)


def item_marker(text: str) -> tuple[str, str]:
    """A list item's number (①, （2）, 3., ア)) and the rest of its text;
    ("", text) when it has none."""
    m = _ITEM_MARKER.match(text)
    if not m:
        return "", text
    return m.group(0).strip(), text[m.end():]


def marker_swaps(items: "list[tuple[str, str, str]]") -> list[tuple[int, int]]:
    """Among renumbered list items (body, old marker, new marker), the pairs of
    indexes whose bodies stayed and whose numbers traded: ① ⇄ ②."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, (body_a, om_a, nm_a) in enumerate(items):
        for j in range(i + 1, len(items)):
            body_b, om_b, nm_b = items[j]
            if i in used or j in used:
                continue
            if om_a == nm_b and nm_a == om_b and key(body_a) != key(body_b):
                out.append((i, j))
                used.update((i, j))
    return out


def renumbered_item(old: str, new: str) -> tuple[str, str, str] | None:
    """(body, old marker, new marker) when only a list item's number changed."""
    om, ob = item_marker(old)
    nm, nb = item_marker(new)
    if om and nm and om != nm and ob.strip() and key(ob) == key(nb):
        return ob.strip(), om, nm
    return None
