"""Japanese character diff: unit boundaries, islands, rewrites, invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from revtool.compare.chardiff import apply_edits, char_diff, hunks, judged_hunks, units
from revtool.model import EditOp

JA = st.text(alphabet="区民のデジタル化推進計画をする。、「」0123456789年度ア漢字かなカナ取組みAIab ", max_size=60)


def ops(old: str, new: str) -> list[tuple[str, str]]:
    return [(e.op.value, e.text) for e in char_diff(old, new)]


def test_units_keep_kanji_with_okurigana_and_katakana_runs() -> None:
    assert units("取組みを推進する") == ["取組みを", "推進する"]
    assert units("ガバメントクラウド上") == ["ガバメントクラウド", "上"]
    assert units("第4.0版、32.5%減") == ["第", "4.0", "版", "、", "32.5%", "減"]
    assert units("「ナカペイ」") == ["「", "ナカペイ", "」"]


def test_edit_edges_fall_on_word_boundaries() -> None:
    # the 4.0 → 5.0 edit is the whole number, not the one digit
    assert ops("現在は第4.0版が最新版", "現在は第5.0版が最新版") == [
        ("equal", "現在は第"), ("delete", "4.0"), ("insert", "5.0"), ("equal", "版が最新版")]
    # katakana typo: the whole katakana word is replaced, never half of it
    d = ops("あわせて、ガバメンクラウド上での連携", "あわせて、ガバメントクラウド上での連携")
    assert ("delete", "ガバメンクラウド") in d and ("insert", "ガバメントクラウド") in d


def test_short_islands_between_edits_are_absorbed() -> None:
    d = ops("企画課長、財政課長", "総務課長、人事課長")
    # 「課長、」 is short: one hunk instead of confetti
    assert len([o for o in d if o[0] != "equal"]) <= 2


def test_rewrite_beyond_two_thirds_is_one_pair() -> None:
    old = "総務省では、ワーキンググループを設置し、方策について検討を進めている。"
    new = "国は2025年12月にガイドブック第4版を公表し、責任者の設置に関する考え方を示した。"
    d = ops(old, new)
    assert d == [("delete", old), ("insert", new)]


def test_small_edit_is_not_a_pair() -> None:
    old = "区においても、共同調達の枠組みを活用することで、調達事務の負担軽減を図っている。"
    new = "区においても、共同調達の枠組を活用することで、調達事務の負担軽減を図っている。"
    assert any(o[0] == "equal" for o in ops(old, new))


def test_deterministic() -> None:
    old = "本計画の計画期間は、2026年度から2030年度までの5年間とする" * 20
    new = old.replace("5年間", "6年間").replace("2030", "2031")
    assert char_diff(old, new) == char_diff(old, new)


@settings(max_examples=200, deadline=None)
@given(JA, JA)
def test_edits_rebuild_both_texts(old: str, new: str) -> None:
    edits = char_diff(old, new)
    assert apply_edits(edits) == (old, new)
    for h in hunks(edits):
        assert old[h.old_start:h.old_end] == h.old
        assert new[h.new_start:h.new_end] == h.new
    for h in judged_hunks(old, new, edits):
        assert old[h.old_start:h.old_end] == h.old


@settings(max_examples=100, deadline=None)
@given(JA)
def test_equal_text_has_no_edit(text: str) -> None:
    assert all(e.op is EditOp.EQUAL for e in char_diff(text, text))
