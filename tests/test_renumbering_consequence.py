"""A list item whose only change is its number, shifted because an item
beside it was cut or added, is a consequence: never a row nor part of one
(issue 11: 「…の記述を削除、「④」を「③」に変更」 read on a blind plan).
A reorder (numbers rotate with nothing cut or added) and a swap stay."""

from revtool.changes.reportable import renumbering_consequences
from revtool.model import Change, ChangeKind, Verdict

SECTION = ("第3章　施策の展開", "2　プラスチック資源循環の推進", "（2）主な取組")
NUMBER = Verdict(True, "number", "数値・日付の変更")


def change(cid: str, old: str, new: str) -> Change:
    return Change(cid, ChangeKind.MODIFIED, SECTION, SECTION, old, new, NUMBER, block_kind="list")


def test_an_item_renumbered_after_one_was_cut_is_a_consequence() -> None:
    cut = change("D1", "②大学と連携し、実証を進めます。③研修会を開催します。", "②研修会を開催します。")
    shifted = change("D2", "④実態を把握するため、調査を実施します。", "③実態を把握するため、調査を実施します。")
    assert renumbering_consequences([cut, shifted]) == {"D2"}


def test_an_item_renumbered_after_one_was_added_is_a_consequence() -> None:
    added = change("D1", "", "②新たに相談窓口を設けます。")
    shifted = change("D2", "②研修会を開催します。", "③研修会を開催します。")
    assert renumbering_consequences([added, shifted]) == {"D2"}


def test_a_rotation_with_nothing_cut_or_added_is_kept() -> None:
    rotated = [
        change("D1", "③調査を実施します。", "①調査を実施します。"),
        change("D2", "①研修会を開催します。", "②研修会を開催します。"),
        change("D3", "②実証を進めます。", "③実証を進めます。"),
    ]
    assert renumbering_consequences(rotated) == frozenset()


def test_a_shift_against_the_cut_or_larger_than_it_is_kept() -> None:
    cut = change("D1", "②大学と連携し、実証を進めます。③研修会を開催します。", "②研修会を開催します。")
    up = change("D2", "④調査を実施します。", "⑤調査を実施します。")
    far = change("D3", "⑥啓発を行います。", "③啓発を行います。")
    assert renumbering_consequences([cut, up, far]) == frozenset()


def test_swapped_items_are_left_to_the_swap() -> None:
    cut = change("D1", "②大学と連携し、実証を進めます。③研修会を開催します。", "②研修会を開催します。")
    shifted = change("D2", "④調査を実施します。", "③調査を実施します。")
    assert renumbering_consequences([cut, shifted], frozenset({"D2"})) == frozenset()
