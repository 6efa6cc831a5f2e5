"""The accuracy scorer counts a link to any member of a campaign as the one link to the
campaign (issue 15: a link to a group is a link to each member), and still counts a
link to a comment outside the campaign as wrong."""

from __future__ import annotations

from benchmarks.accuracy_score import score_case


def _row(row_id: str, comment_ids: list[str]) -> dict:
    return {"id": row_id, "section_paths": [["第２部", "第３分野"]], "an_pages": [45], "item": "第３分野",
            "summary": "取組を追記", "changes": [],
            "cause": {"type": "comment", "comment_ids": comment_ids}}


def _expected(campaigns: list[dict]) -> dict:
    row = {"id": "E1", "section_paths": [["第２部", "第３分野"]], "an_pages": [45], "item": "第３分野",
           "must_mention": [], "kind": "comment", "cause": {"type": "comment", "comment_ids": ["C001"]}}
    return {"rows": [row], "editorial": [], "comments": [], "campaigns": campaigns}


def test_links_to_campaign_members_count_once_as_the_representative() -> None:
    campaign = {"representative": "C001", "members": ["C002", "C003", "C004"], "count": 4}
    s = score_case({"rows": [_row("R1", ["C001", "C002", "C003", "C004"])], "comments": []}, _expected([campaign]))
    assert (s["links_expected"], s["links_made"], s["links_right"]) == (1, 1, 1)


def test_a_link_to_a_comment_outside_the_campaign_stays_wrong() -> None:
    campaign = {"representative": "C001", "members": ["C002"], "count": 2}
    s = score_case({"rows": [_row("R1", ["C002", "C099"])], "comments": []}, _expected([campaign]))
    assert (s["links_made"], s["links_right"]) == (2, 1)
    assert {"kind": "wrong-link", "comment": "C099", "row": "E1"} in s["details"]


def test_without_campaigns_every_member_link_is_its_own() -> None:
    s = score_case({"rows": [_row("R1", ["C001", "C002"])], "comments": []}, _expected([]))
    assert (s["links_made"], s["links_right"]) == (2, 1)
