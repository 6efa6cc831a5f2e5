"""``normalize_key``'s fast path (issue 15): a text made of ``_PLAIN_CHARS``,
whitespace, tildes and dashes is keyed with regular expressions and
``str.translate``; the key must be the one ``normalize_with_map`` gives, for
every plain character and any mix of them with whitespace, dashes, tildes and
the characters that take the full path (combining marks, variation selectors,
invisible characters, a dash after whitespace)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from revtool import normalize as N
from revtool.normalize import normalize_key, normalize_with_map


def _plain_chars() -> list[str]:
    """The characters of the class, its ranges written ``a-b`` (``-`` itself is not in it)."""
    body, out, i = N._PLAIN_CHARS, [], 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.extend(chr(cp) for cp in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.append(body[i])
            i += 1
    return out


def _simple(ch: str) -> bool:
    """Its own cluster whatever surrounds it, and never folded, merged or dropped."""
    return not (N._is_variation_selector(ch) or N._is_combining(ch) or ch.isspace() or ch in N._DASHES
                or ch in N._TILDES or N._is_invisible(ch))


PLAIN = _plain_chars()
ONE_PLAIN = re.compile(f"[{N._PLAIN_CHARS}]")


def test_the_class_is_what_the_functions_say() -> None:
    assert len(PLAIN) > 30_000 and len(set(PLAIN)) == len(PLAIN)
    assert all(ONE_PLAIN.fullmatch(ch) for ch in PLAIN)
    for ch in PLAIN:
        key = N._convert(ch)
        assert _simple(ch) and len(key) == 1 and _simple(key) and N._convert(key) == key, hex(ord(ch))
        assert normalize_key(ch) == normalize_with_map(ch)[0] == key


def test_characters_that_need_the_full_path_are_not_plain() -> None:
    for ch in " \u3000\t\n-－ー―~～〜\u3099\uff9e\ufe0f\u200b\u00ad\ufeff\u2474゛":
        assert not ONE_PLAIN.fullmatch(ch), hex(ord(ch))


def test_a_plan_paragraph_takes_the_fast_path_with_the_same_key() -> None:
    text = "（２）地域ＤＸの推進：区民の利便性向上に向け、オンライン申請を２０２８年度までに拡大する。※詳細は別表①参照"
    assert N._DASH_AFTER_SPACE.search("データ 　－連携")  # a dash after whitespace: the full path
    assert N._SIMPLE.fullmatch(text)
    assert normalize_key(text) == normalize_with_map(text)[0] == (
        "(2)地域DXの推進:区民の利便性向上に向け、オンライン申請を2028年度までに拡大する。※詳細は別表①参照")


SPECIAL = list(" \u3000\t\n\r\xa0-－ー―─~～〜\u3099\u309a\uff9e\uff9f\ufe0f\U000e0100\u200b\u00ad\ufeff\u2474゛ｶﾞ①㋐㈱")
_chars = st.one_of(st.sampled_from(PLAIN), st.sampled_from(SPECIAL), st.sampled_from(list("データ施策（）１Ａａ、。")))


@settings(max_examples=600, deadline=None)
@given(st.lists(_chars, max_size=30).map("".join))
def test_any_mix_keys_as_the_full_path(text: str) -> None:
    assert normalize_key(text) == normalize_with_map(text)[0]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_keys_as_the_full_path(text: str) -> None:
    assert normalize_key(text) == normalize_with_map(text)[0]


def test_kana_class_is_the_plain_characters_keyed_as_kana() -> None:
    kana = re.compile(f"[{N._KANA_CHARS}]")
    assert [ch for ch in PLAIN if N.is_kana(N._convert(ch))] == [ch for ch in PLAIN if kana.fullmatch(ch)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(list("カあ漢A1 \u3000\t-－ー―~〜ｶｰ")), max_size=20).map("".join))
def test_dashes_and_spaces_key_as_the_full_path(text: str) -> None:
    assert normalize_key(text) == normalize_with_map(text)[0]


def test_a_fresh_key_table_fills_itself_with_each_characters_key() -> None:
    """The translate table looks a character up the first time ``translate``
    meets it (``_KeyTable.__missing__``): every plain character, met for the
    first time inside one long text, keys as the full path keys it alone, and
    the table then holds it (a second text reads the table)."""
    table = N._KeyTable(N._TILDE_KEYS)
    text = "".join(PLAIN)
    assert text.translate(table) == "".join(normalize_with_map(ch)[0] for ch in PLAIN)
    assert len(table) == len(PLAIN) + len(N._TILDE_KEYS)
    assert text.translate(table) == "".join(normalize_with_map(ch)[0] for ch in PLAIN)
