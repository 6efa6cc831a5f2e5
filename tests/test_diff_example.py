"""The same acceptance checks on the bundled example in drafts/ (かえで市, another
layout and other edits than nakano-dx): rules must be general."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.compare.diff import diff_documents
from tests.test_diff_nakano import _editorial_hits, same_path

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"


@pytest.fixture(scope="module")
def example():
    if not (DRAFTS / "soan.docx").exists():
        pytest.skip("drafts/ example not generated")
    from revtool.extract import extract

    changes = diff_documents(extract(DRAFTS / "soan.docx"), extract(DRAFTS / "an.docx"))
    return changes, json.loads((DRAFTS / "expected.json").read_text(encoding="utf-8"))


def test_rows_are_substantive_in_their_sections(example) -> None:
    changes, expected = example
    for row in expected["rows"]:
        for path in row["section_paths"]:
            assert any(c.substantive and same_path(c.section_path[:len(path)], path) for c in changes), row["id"]


def test_editorial_edits_are_editorial(example) -> None:
    changes, expected = example
    entries = expected["editorial"]
    assert not [e["core_before"] for e in entries if any(c.substantive for c in _editorial_hits(changes, e))]
    ok = [e for e in entries if (hits := _editorial_hits(changes, e)) and not any(c.substantive for c in hits)]
    assert len(ok) >= 0.9 * len(entries)


def test_cover_is_not_substantive(example) -> None:
    changes, _ = example
    assert not any(c.substantive for c in changes if not c.section_path)
