"""素案 as PDF, 案 as DOCX (the common real case: the 素案 survives only as the
published PDF): the two readers agree, so the change table is the one of a
same-format pair, and the output says that the formats differ (issue 13 item 7)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from revtool.changes.changelog import build_changelog
from revtool.comments import import_comments, read_comment_table
from revtool.compare.diff import diff_documents
from revtool.extract import extract
from revtool.extract.pagemap import assign_pages
from revtool.render.changelog_common import ChangelogMeta, VersionRef, format_note
from revtool.render.changelog_json import changelog_json
from revtool.render.diff_view import diff_json


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_same_version_from_docx_and_pdf_has_no_substantive_change(nakano: Path) -> None:
    from_docx, from_pdf = extract(nakano / "soan.docx"), extract(nakano / "soan.pdf")
    changes = diff_documents(from_docx, from_pdf)
    assert [c for c in changes if c.substantive] == []


def test_pdf_soan_docx_an_gives_the_expected_table(nakano: Path) -> None:
    expected = json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))
    old = extract(nakano / "soan.pdf")
    new = assign_pages(extract(nakano / "an.docx"), extract(nakano / "an.pdf"))
    comments = import_comments(read_comment_table(nakano / "comments" / "bessi1.xlsx"), old)
    log = build_changelog(diff_documents(old, new), comments, new_doc=new, old_doc=old)
    wanted = [{tuple(_key(h) for h in p) for p in exp["section_paths"]} for exp in expected["rows"]]
    got = [{tuple(_key(h) for h in p) for p in r.section_paths} for r in log.rows]
    assert len(log.rows) == len(expected["rows"]), [r.item for r in log.rows]  # none invented
    assert all(w in got for w in wanted)
    for exp in expected["rows"]:
        row = log.rows[got.index({tuple(_key(h) for h in p) for p in exp["section_paths"]})]
        assert list(row.new_pages) == exp["an_pages"], (exp["id"], row.new_pages)


def test_the_output_says_the_formats_differ() -> None:
    meta = ChangelogMeta("計画", VersionRef("素案", format="pdf"), VersionRef("案", format="docx"))
    data = changelog_json(build_changelog((), ()), meta)
    assert data["formats_differ"] is True and data["old_format"] == "pdf" and data["new_format"] == "docx"
    assert data["format_note"].startswith("素案 は PDF、案 は DOCX から読み取った版です。")
    assert "\n" not in data["format_note"]
    same = ChangelogMeta("計画", VersionRef("素案", format="docx"), VersionRef("案", format="docx"))
    assert changelog_json(build_changelog((), ()), same)["formats_differ"] is False and same.format_note == ""
    # the contract's fields are all still there
    assert {"schema", "plan", "old", "new", "rows", "comments", "editorial_count", "warnings"} <= set(data)
    diff = diff_json("素案", "案", [], old_format="pdf", new_format="docx")
    assert diff["formats_differ"] and diff["format_note"] == format_note("素案", "pdf", "案", "docx")
    assert {"old", "new", "changes"} <= set(diff)
