"""Golden cases: hand-made changes and comments → the expected 別紙2 rows.

Regenerate with ``REVTOOL_REGEN=1`` and review the diff of ``expected.json``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from revtool.changes.changelog import build_changelog
from revtool.comments import comments_from_json
from revtool.model import Change, ChangeKind, Verdict

CASES = Path(__file__).resolve().parent / "cases" / "changelog"


def _changes(data: list[dict]) -> list[Change]:  # type: ignore[type-arg]
    return [
        Change(
            id=d["id"],
            kind=ChangeKind(d["kind"]),
            section_path=tuple(d["section_path"]),
            old_section_path=tuple(d.get("old_section_path", d["section_path"])),
            old_text=d["old_text"],
            new_text=d["new_text"],
            verdict=Verdict(d["substantive"], d.get("rule", ""), ""),
            old_pages=tuple(d.get("old_pages", ())),
            new_pages=tuple(d.get("new_pages", ())),
            block_kind=d.get("block_kind", ""),
            location=d.get("location", ""),
        )
        for d in data
    ]


def _rows(case: Path) -> dict:  # type: ignore[type-arg]
    changes = _changes(json.loads((case / "changes.json").read_text(encoding="utf-8")))
    comments = comments_from_json(json.loads((case / "comments.json").read_text(encoding="utf-8")))
    log = build_changelog(changes, comments)
    return {
        "rows": [
            {
                "id": r.id,
                "item": r.item,
                "an_pages": list(r.new_pages),
                "page_label": r.page_label,
                "kind": str(r.kind),
                "summary": r.summary,
                "cause": str(r.cause.type),
                "comment_ids": list(r.cause.comment_ids),
            }
            for r in log.rows
        ],
        "editorial_count": log.editorial_count,
        "warnings": [w.code + ":" + (w.comment_id or w.row_id) for w in log.warnings],
    }


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_golden(case: Path) -> None:
    got = _rows(case)
    expected_file = case / "expected.json"
    if os.environ.get("REVTOOL_REGEN"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))
