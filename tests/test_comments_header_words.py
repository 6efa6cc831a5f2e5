"""Column names of real result tables (e-Gov 意見募集の結果, municipal 別紙1):
the opinion, the answer and the place are told apart by their words."""

from __future__ import annotations

import pytest

from revtool.comments.table import CATEGORY, COUNT, OPINION, REF, RESPONSE, column_role, header_mapping


@pytest.mark.parametrize("header, role", [
    ("提出意見", OPINION), ("提出された御意見", OPINION), ("提出された御意見の概要", OPINION),  # ministries' wording
    ("御意見の要旨", OPINION), ("主な意見", OPINION), ("寄せられた御意見の概要", OPINION),
    ("意見提出者", None), ("提出者", None), ("提出日", None), ("提出件数", COUNT),  # bookkeeping, not the opinion
    ("御意見に対する考え方", RESPONSE), ("当省の考え方", RESPONSE), ("区の考え方", RESPONSE),
    ("意見の該当箇所", REF), ("意見の対象", REF), ("素案該当箇所", REF), ("該当ページ", REF),
    ("反映の有無", CATEGORY),
])
def test_column_roles(header: str, role: str | None) -> None:
    assert column_role(header) == role


def test_an_egov_result_header_is_found() -> None:
    mapping = header_mapping(("No.", "意見の該当箇所", "提出意見", "提出意見に対する考え方"))
    assert mapping is not None
    assert (mapping[REF], mapping[OPINION], mapping[RESPONSE]) == (1, 2, 3)
