"""Real versioned Japanese text: e-Gov 法令XML (../shared/corpus/real). Known
amendments must be found, and nothing else reported as substantive."""

from __future__ import annotations

from pathlib import Path

from revtool.compare.diff import diff_documents
from revtool.model import ChangeKind
from tests.egov_helpers import load_law


def _diff(root: Path, a: str, b: str):
    return diff_documents(load_law(root / a), load_law(root / b))


def test_gyotetsu_only_article_3_changes(real_corpus: Path) -> None:
    ch = _diff(real_corpus, "lawtext-gyotetsu/405AC0000000088_20180401_429AC0000000004.xml",
               "lawtext-gyotetsu/405AC0000000088_20240401_504AC0100000052.xml")
    assert ch and all(c.substantive for c in ch)
    assert {c.section_path[-1] for c in ch} == {"第三条（適用除外）"}
    text = "".join(c.old_text + c.new_text for c in ch)
    assert "婦人補導院" in text and "補完的保護対象者" in text


def test_genshiryoku_added_and_changed_articles(real_corpus: Path) -> None:
    ch = _diff(real_corpus, "egov-laws-doc/330AC1000000186_20150801_000000000000000.xml",
               "egov-laws-doc/330AC1000000186_20230607_505AC0000000044.xml")
    added = {c.section_path[-1] for c in ch if c.kind is ChangeKind.ADDED and c.block_kind == "section"}
    assert added == {"第二条の二（国の責務）", "第二条の三（原子力利用に関する基本的施策）", "第二条の四（原子力事業者の責務）"}
    touched = {c.section_path[-1] for c in ch if c.substantive}
    assert {"第一条（目的）", "第二条（基本方針）"} <= touched
    ch2 = _diff(real_corpus, "egov-laws-doc/330AC1000000186_20230607_505AC0000000044.xml",
                "egov-laws-doc/330AC1000000186_20250606_505AC0000000044.xml")
    assert [(c.kind, c.section_path[-1]) for c in ch2] == [(ChangeKind.ADDED, "第十六条の二")]


def test_unchanged_main_provision_has_no_change(real_corpus: Path) -> None:
    assert _diff(real_corpus, "egov-laws-doc/419M60400000005_20161001_000000000000000.xml",
                 "egov-laws-doc/419M60400000005_20201228_502M60400000013.xml") == ()


def test_large_restructure_stays_consistent(real_corpus: Path) -> None:
    """24 articles → 68 under new chapters: every change well-formed, nothing lost."""
    from revtool.compare.chardiff import apply_edits

    ch = _diff(real_corpus, "egov-laws-doc/417AC0000000048_20160401_427AC0000000047.xml",
               "egov-laws-doc/417AC0000000048_20161001_428AC0000000040.xml")
    assert len(ch) > 20 and sum(c.substantive for c in ch) > 20
    for c in ch:
        assert apply_edits(c.edits) == (c.old_text, c.new_text)
    # a chapter is never paired with an article on similarity alone
    assert not [c for c in ch if c.kind is ChangeKind.RENAMED and "章" in c.new_text and "条" in c.old_text]
