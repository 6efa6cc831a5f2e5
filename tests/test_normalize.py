"""Comparison keys: NFKC, dash/tilde classes, CJK spacing, IVS, offset map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revtool.normalize import normalize_key, normalize_with_map, original_span, split_sentences


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # widths
        ("施策１　地域通貨", "施策1地域通貨"),
        ("（２）成果指標", "(2)成果指標"),
        ("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"),
        # tilde / wave dash: never deleted, never turned into ー
        ("3〜5年", "3~5年"),
        ("3～5年", "3~5年"),
        ("令和7年度～令和11年度", "令和7年度~令和11年度"),
        # dash class; ー after kana is the prolonged sound mark
        ("1－3", "1-3"),
        ("1ー3", "1-3"),
        ("1―3", "1-3"),
        ("データ", "データ"),
        ("デ－タ", "データ"),
        ("コンピューター", "コンピューター"),
        # no whitespace next to CJK, one space between ASCII words
        ("令和 16 年度", "令和16年度"),
        ("DX 推進 計画", "DX推進計画"),
        ("Society 5.0 の実現", "Society 5.0の実現"),
        ("第1章\u3000計画の基本的な考え方", "第1章計画の基本的な考え方"),
        ("区民の\n利便性", "区民の利便性"),
        ("  前後の空白  ", "前後の空白"),
        # IVS stripped
        ("葛\U000e0100飾区", "葛飾区"),
        ("辻\ufe00", "辻"),
        # invisible characters
        ("区民\u200bの声", "区民の声"),
        ("\ufeff計画", "計画"),
        ("デジ\u00adタル", "デジタル"),
        # list labels keep their form
        ("①　区の事務", "①区の事務"),
        ("㋐ 相談", "㋐相談"),
        ("⑴ 目指す姿", "(1)目指す姿"),
    ],
)
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key


def test_editorial_variants_share_a_key() -> None:
    assert normalize_key("令和７年度～令和１１年度") == normalize_key("令和7年度〜令和11年度")
    assert normalize_key("ＤＸ　推進") == normalize_key("DX推進")


def test_offset_map_points_at_the_original() -> None:
    text = "施策１　地域通貨（ナカペイ）"
    key, offsets = normalize_with_map(text)
    assert len(offsets) == len(key) + 1
    start = key.index("地域")
    s, e = original_span(text, offsets, start, start + 4)
    assert text[s:e] == "地域通貨"
    s, e = original_span(text, offsets, key.index("1"), key.index("1") + 1)
    assert text[s:e] == "１"


def test_original_span_widens_expanded_characters() -> None:
    text = "㈱ナカノ"
    key, offsets = normalize_with_map(text)
    assert key == "(株)ナカノ"
    assert original_span(text, offsets, 1, 2) == (0, 1)
    assert original_span(text, offsets, 3, 6) == (1, 4)


_TRICKY = st.sampled_from(list("あアー－〜～~- \u3000\n１1A a①㈱ｶﾞ。、漢字\ufe00\u3099（）()"))


@given(st.text(alphabet=_TRICKY | st.characters(), max_size=40))
def test_key_is_idempotent_and_map_is_monotonic(text: str) -> None:
    key, offsets = normalize_with_map(text)
    assert normalize_key(key) == key
    assert len(offsets) == len(key) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets[-1] == len(text)


def test_split_sentences() -> None:
    text = "本計画は区の最上位計画である。「手続は簡単に。」と区民は述べた。次へ進む！\n（1）目指す姿\n最後"
    assert split_sentences(text) == [
        "本計画は区の最上位計画である。",
        "「手続は簡単に。」と区民は述べた。",
        "次へ進む！",
        "（1）目指す姿",
        "最後",
    ]


def test_compact_key_reads_dash_look_alikes_between_digits_as_one() -> None:
    from revtool.normalize import compact_key, fold_number_dashes
    docx = compact_key("施策５－２－１　行政のデジタル化の推進")
    for dash in ("\u2212", "\u2010", "\u2013", "\uff0d", "\u30fc", "-"):
        assert compact_key(f"施策５{dash}２{dash}１ 行政のデジタル化の推進") == docx == "施策5-2-1行政のデジタル化の推進"
    # a dash that is not between two digits keeps its meaning
    assert fold_number_dashes("データ−２、−5℃、令和5年〜7年") == "データ−２、−5℃、令和5年〜7年"
    assert fold_number_dashes("５ー２") == "５-２"
