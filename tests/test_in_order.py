"""The one in-order pairing (compare/in_order.py) on small cases."""

from __future__ import annotations

from revtool.compare.in_order import best_in_order


def test_the_pairing_with_the_largest_total_wins_over_the_first_good_pair() -> None:
    # a0 fits b0 a little and b1 well, a1 fits b1 only: a0-b0 + a1-b1 (1.5) beats a0-b1 alone (0.9)
    scores = {("a0", "b0"): 0.6, ("a0", "b1"): 0.9, ("a1", "b1"): 0.9}
    assert best_in_order(["a0", "a1"], ["b0", "b1"], scores) == [("a0", "b0"), ("a1", "b1")]


def test_pairs_never_cross() -> None:
    # a0-b1 and a1-b0 are the two best pairs, but they cross: only one of them is made
    scores = {("a0", "b1"): 0.9, ("a1", "b0"): 0.8}
    assert best_in_order(["a0", "a1"], ["b0", "b1"], scores) == [("a0", "b1")]


def test_an_item_inserted_before_the_closer_one_is_skipped() -> None:
    # old note 44 against new 46 (added, a weaker match) and 47 (its rewording)
    scores = {(44, 46): 62.0, (44, 47): 88.0}
    assert best_in_order([44], [46, 47], scores) == [(44, 47)]


def test_a_tie_pairs_the_earliest() -> None:
    scores = {("a", "b0"): 0.7, ("a", "b1"): 0.7}
    assert best_in_order(["a"], ["b0", "b1"], scores) == [("a", "b0")]
    scores = {("a0", "b"): 0.7, ("a1", "b"): 0.7}
    assert best_in_order(["a0", "a1"], ["b"], scores) == [("a0", "b")]


def test_two_pairings_with_the_same_total_up_to_rounding_take_the_earliest_pair() -> None:
    # a0-b0 + a1-b1 and a1-b0 alone are the same total but for the rounding of the sum
    scores = {("a0", "b0"): 0.1, ("a1", "b1"): 0.2, ("a1", "b0"): 0.3000000000000001}  # above 0.1 + 0.2 by one rounding
    pairs = best_in_order(["a0", "a1"], ["b0", "b1"], scores)
    assert pairs == [("a0", "b0"), ("a1", "b1")]


def test_empty_sides_and_no_scores_pair_nothing() -> None:
    assert best_in_order([], ["b"], {}) == []
    assert best_in_order(["a"], [], {}) == []
    assert best_in_order([], [], {}) == []
    assert best_in_order(["a0", "a1"], ["b0"], {}) == []


def test_all_unmatched_but_one() -> None:
    scores = {("a2", "b0"): 0.5}
    assert best_in_order(["a0", "a1", "a2"], ["b0", "b1"], scores) == [("a2", "b0")]


def test_ranges_as_sides_give_the_indices() -> None:
    scores = {(i, j): 1.0 for i, j in [(3, 5), (4, 7)]}
    assert best_in_order(range(3, 5), range(5, 8), scores) == [(3, 5), (4, 7)]
