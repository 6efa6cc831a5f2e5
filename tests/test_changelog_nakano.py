"""Acceptance: 別紙2 generated from a 素案/案 pair and its comment table must have
exactly the expected rows, pages, links and wording. On the nakano-dx corpus
(DOCX pair with printed pages from the PDFs, and the PDF pair, with
comments/bessi1.xlsx) and on the bundled example in drafts/ (PDF pair)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from revtool.changes.changelog import Changelog, build_changelog
from revtool.model import CauseType
from revtool.render.changelog_common import ChangelogMeta, VersionRef
from revtool.render.changelog_json import changelog_json


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=3)
def _build(corpus: str, fmt: str, table: str = "comments/bessi1.xlsx") -> Changelog:
    from revtool.comments import import_comments, read_comment_table
    from revtool.compare.diff import diff_documents
    from revtool.extract import extract

    root = Path(corpus)
    if fmt == "docx":
        from revtool.extract.pagemap import assign_pages

        old = assign_pages(extract(root / "soan.docx"), extract(root / "soan.pdf"))
        new = assign_pages(extract(root / "an.docx"), extract(root / "an.pdf"))
    else:
        old, new = extract(root / "soan.pdf"), extract(root / "an.pdf")
    comments = import_comments(read_comment_table(root / table), old)
    return build_changelog(diff_documents(old, new), comments, new_doc=new, old_doc=old)


def _match(expected_rows: list[dict], log: Changelog) -> dict[str, str]:  # type: ignore[type-arg]
    """Expected row id → generated row id, by section paths."""
    out: dict[str, str] = {}
    for exp in expected_rows:
        want = {tuple(_key(h) for h in p) for p in exp["section_paths"]}
        hits = [r.id for r in log.rows if {tuple(_key(h) for h in p) for p in r.section_paths} == want]
        assert len(hits) == 1, (exp["id"], hits, [r.section_paths for r in log.rows])
        out[exp["id"]] = hits[0]
    return out


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_nakano_change_table(nakano: Path, fmt: str) -> None:
    expected = json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))
    log = _build(str(nakano), fmt)
    ids = _match(expected["rows"], log)
    assert len(log.rows) == len(expected["rows"]), [r.item for r in log.rows]
    by_id = {r.id: r for r in log.rows}
    for exp in expected["rows"]:
        row = by_id[ids[exp["id"]]]
        assert list(row.new_pages) == exp["an_pages"], (exp["id"], row.new_pages)
        for word in exp["must_mention"]:
            assert word in row.summary, (exp["id"], word, row.summary)
        if exp["cause"]["type"] == "comment":
            assert row.cause.type == CauseType.COMMENT and list(row.cause.comment_ids) == exp["cause"]["comment_ids"]
        else:
            assert row.cause.type != CauseType.COMMENT, (exp["id"], row.cause)
        if exp["cause"]["type"] == "external":
            assert row.cause.type == CauseType.EXTERNAL, (exp["id"], row.cause)
    shown = {r.id for r in log.rows}
    got_links = sorted((l.comment_id, l.row_id) for l in log.links if l.row_id in shown)
    want_links = sorted((c["id"], ids[r]) for c in expected["comments"] for r in c["row_ids"])
    assert got_links == want_links
    assert by_id[ids["R3"]].page_label == "各施策" and by_id[ids["R3"]].item == "第3章 DXの取組 各施策"
    assert by_id[ids["R1"]].item == expected["rows"][0]["item"]
    data = changelog_json(log, ChangelogMeta("中野区DX推進計画", VersionRef("素案"), VersionRef("案")))
    row_ids = {c["id"]: c["row_ids"] for c in data["comments"]}
    assert row_ids["C01"] == [ids["R3"]] and row_ids["C03"] == []
    assert not [w for w in log.warnings if w.code in ("reflected-without-change", "unresolved-comment")]


DRAFTS = Path(__file__).resolve().parents[1] / "drafts"


@pytest.mark.skipif(not (DRAFTS / "an.pdf").exists(), reason="drafts/ example PDFs not built")
def test_bundled_example_change_table() -> None:
    expected = json.loads((DRAFTS / "expected.json").read_text(encoding="utf-8"))
    log = _build(str(DRAFTS), "pdf", "bessi1.tsv")
    ids = _match(expected["rows"], log)
    assert len(log.rows) == len(expected["rows"]), [r.item for r in log.rows]
    by_id = {r.id: r for r in log.rows}
    for exp in expected["rows"]:
        row = by_id[ids[exp["id"]]]
        if not row.page_label:  # a 「各施策」 row prints no page numbers
            assert list(row.new_pages) == exp["an_pages"], (exp["id"], row.new_pages)
        for word in exp["must_mention"]:
            assert word in row.summary, (exp["id"], word, row.summary)
        assert (row.cause.type == CauseType.COMMENT) == (exp["cause"]["type"] == "comment"), (exp["id"], row.cause)
    shown = {r.id for r in log.rows}
    got_links = sorted((l.comment_id, l.row_id) for l in log.links if l.row_id in shown)
    assert got_links == sorted((c["id"], ids[r]) for c in expected["comments"] for r in c["row_ids"])
