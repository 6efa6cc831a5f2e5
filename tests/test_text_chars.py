"""The character classes of revtool/text_chars.py: what each reads, and where
the readings kept apart differ (each difference is said in its docstring)."""

from __future__ import annotations

import re

from revtool import text_chars as tc

_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)


def _chars(cls: str | re.Pattern[str]) -> set[str]:
    pattern = cls if isinstance(cls, re.Pattern) else re.compile(f"[{cls}]")
    return set(pattern.findall(_BMP))


def test_content_char_reads_kanji_kana_latin_and_digits_not_punctuation() -> None:
    text = "地域の「見守り」活動、ＩＣＴとDX・2030年〆切。"
    assert "".join(tc.CONTENT_CHAR.findall(text)) == "地域の見守り活動とDX2030年〆切"  # full-width ＩＣＴ is not ASCII


def test_the_editorial_reading_is_content_without_hiragana() -> None:
    assert _chars(tc.CONTENT_CHAR) - _chars(tc.CONTENT_CHAR_NO_HIRAGANA) == _chars(tc.HIRAGANA)
    assert _chars(tc.CONTENT_CHAR_NO_HIRAGANA) < _chars(tc.CONTENT_CHAR)


def test_term_char_keeps_the_middle_dot_and_leaves_out_extension_a() -> None:
    assert tc.TERM_CHAR.match("・") and not tc.CONTENT_CHAR_NO_HIRAGANA.match("・")
    assert tc.CONTENT_CHAR_NO_HIRAGANA.match("\u3400") and not tc.TERM_CHAR.match("\u3400")
    assert tc.CONTENT_CHAR_NO_HIRAGANA.match("〆") and not tc.TERM_CHAR.match("〆")


def test_name_letters_have_no_digits_and_no_long_vowel_mark() -> None:
    assert "".join(tc.NAME_LETTER.findall("ワーク・ライフ2ＡＢ推進")) == "ワクライフＡＢ推進"


def test_the_kept_readings_differ_only_where_their_docstrings_say() -> None:
    assert _chars(tc.HIRAGANA_BLOCK) - _chars(tc.HIRAGANA) == {"\u3040"}
    assert _chars(tc.KANJI_ALL_AND_HEXAGRAMS) - _chars(tc.KANJI_ALL) == {chr(c) for c in range(0x4DC0, 0x4E00)}
    classic = _chars(tc.KANJI_CLASSIC)
    assert "龥" in classic and "\u9fa6" not in classic and "\u3400" not in classic
    assert _chars(tc.KANJI) - classic == {chr(c) for c in range(0x9FA6, 0xA000)}
    assert _chars(tc.KATAKANA_BLOCK) - _chars(tc.KATAKANA_NO_DOT) == {"゠", "・"}


def test_punctuation_and_space_leave_words_alone() -> None:
    drop = re.compile(f"[{tc.PUNCT_AND_SPACE}]")
    assert drop.sub("", "（仮称）地域 交流・拠点、整備。") == "仮称地域交流拠点整備"
