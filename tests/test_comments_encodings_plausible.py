"""``read_text._plausible``: a decoded text is a table when at most one
character in 200 is a control character (tab and line breaks aside) or in the
private use area; the count is the regex engine's, the same as reading each
character's code point."""

from __future__ import annotations

from revtool.comments.read_text import _CONTROL_OR_PRIVATE, _plausible


def _bad(ch: str) -> bool:
    return (ord(ch) < 32 and ch not in "\t\r\n") or 0xE000 <= ord(ch) <= 0xF8FF


def test_the_class_is_every_control_and_private_character() -> None:
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        assert bool(_CONTROL_OR_PRIVATE.fullmatch(ch)) == _bad(ch), hex(cp)


def test_one_bad_character_in_200_is_still_a_table() -> None:
    row = "1\t第2章\t意見です。\t考え方です。\n"
    text = row * 40
    assert _plausible(text)
    limit = len(text) // 200
    assert _plausible(text[: len(text) - limit] + "\x01" * limit)
    assert not _plausible(text[: len(text) - limit - 1] + "\ue000" * (limit + 1))
    assert not _plausible("")
