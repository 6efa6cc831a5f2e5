"""A PDF's lines re-wrapped after an edit are never an edit (issue 11): the
paragraphs a PDF reader cut at a line that stopped short are compared as one
text with their neighbours, whatever place the cut fell on each side."""

from __future__ import annotations

from revtool.compare.diff import diff_documents
from tests.diff_helpers import parse_plan

HEAD = "# 第1章　総則\n"


def _diff(old: str, new: str):  # type: ignore[no-untyped-def]
    return diff_documents(parse_plan(HEAD + old), parse_plan(HEAD + new))


def test_a_cut_that_moved_by_one_character_is_no_edit() -> None:
    old = "様々な手続きの問い合わせに対応出\n来る体制を整える。\n別の段落。\n"
    new = "様々な手続きの問い合わせに対応\n出来る体制を整える。\n別の段落。\n"
    changes = _diff(old, new)
    assert not [c for c in changes if c.substantive]
    assert all(c.verdict.rule == "format" for c in changes)


def test_a_short_tail_joined_to_a_long_paragraph_with_a_variant_is_no_edit() -> None:
    # the paragraph was cut after 及び in 素案; in 案 一人暮らし → ひとり暮らし re-wrapped it whole
    body = "但し、公共交通の実施に当たっては、個人情報の保護及び情報セキュリティの確保を前提とする。" * 3
    old = body + "区は、一人暮らし高齢者及び\n障害のある人の地域活動支援を行う体制の充実を図る。\n"
    new = body + "区は、ひとり暮らし高齢者及び障害のある人の地域活動支援を行う体制の充実を図る。\n"
    changes = _diff(old, new)
    assert not [c for c in changes if c.substantive], [(c.verdict.rule, c.old_text, c.new_text) for c in changes]
    # not the same sentence deleted in one place and added in another
    assert not [c for c in changes if not c.new_text or not c.old_text]


def test_an_edit_across_a_cut_at_the_same_place_is_one_whole_edit() -> None:
    """令和4年 | 法律第77号 cut by a line on both sides: one law number changed, not two halves."""
    old = "本計画は、介護保険法（令和4年\n法律第77号）に基づく計画である。\n"
    new = "本計画は、介護保険法（令和6年\n法律第65号）に基づく計画である。\n"
    (change,) = [c for c in _diff(old, new) if c.substantive]
    assert "令和4年法律第77号" in change.old_text and "令和6年法律第65号" in change.new_text


def test_two_real_paragraphs_edited_side_by_side_stay_apart() -> None:
    old = "区は、研修を年1回実施する。\n区は、相談窓口を2か所に設ける。\n"
    new = "区は、研修を年2回実施する。\n区は、相談窓口を3か所に設ける。\n"
    changes = [c for c in _diff(old, new) if c.substantive]
    assert len(changes) == 2
    assert changes[0].location != changes[1].location
