"""The diff is computed once: taisho, trace and the change table show the same
change with the same alignment and the same link score (nakano-dx, DOCX pair
with printed pages from the PDFs and the real comment table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool import api


@pytest.fixture(scope="module")
def nakano_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import NAKANO

    if not (NAKANO / "soan.docx").exists():
        pytest.skip("../shared/corpus/nakano-dx is not available")
    root = tmp_path_factory.mktemp("nakano") / "ws"
    api.init(root, plan="中野区DX推進計画")
    api.ingest(root, NAKANO / "soan.docx", "素案", pages_from=NAKANO / "soan.pdf")
    api.ingest(root, NAKANO / "an.docx", "案", pages_from=NAKANO / "an.pdf")
    api.import_comments(root, NAKANO / "comments" / "bessi1.xlsx")
    return root


def test_taisho_trace_and_changelog_agree_on_changes_alignment_and_scores(nakano_ws: Path) -> None:
    result = api.changelog(nakano_ws, "素案", "案")
    log, comparison = result.changelog, result.comparison
    assert result.changes == comparison.changes
    change_ids = {c.id for c in comparison.changes}
    assert log.links, "nakano-dx links comments to rows"

    # the change table's rows are made of the comparison's changes (parts keep the change id)
    for row in log.rows:
        assert {c.id.split(".")[0] for c in row.changes} <= change_ids

    # taisho: the same changes, on sections paired as the comparison paired them
    table = api.taisho(nakano_ws, "素案", "案", with_changelog=True).taisho
    pairs = {(p.old_path, p.new_path) for p in comparison.section_pairs}
    new_paths = {p.new_path for p in comparison.section_pairs}
    old_paths = {p.old_path for p in comparison.section_pairs}
    shown = set()
    for trow in table.rows:
        assert set(trow.change_ids) <= change_ids
        shown.update(trow.change_ids)
        if trow.new is not None and trow.old is not None and len(trow.change_ids) == 1:
            assert trow.new.path in new_paths and trow.old.path in old_paths
    assert pairs
    for row in log.rows:  # every change behind a row of 別紙2 appears in the 新旧対照表
        assert {c.id.split(".")[0] for c in row.changes} & shown, row.id

    # taisho reads the comparison's block alignment; aligning afresh would give the same table
    from revtool.views.taisho import build_taisho, build_taisho_from

    assert build_taisho_from(comparison) == build_taisho(comparison.old, comparison.new, comparison.changes)
    assert comparison.block_pairs and {p.relation for p in comparison.block_pairs} >= {"equal", "edited"}

    # trace: each link with the changelog's own confidence, runners-up with its own scores
    scores = {(s.comment_id, s.row_id): s.score for s in log.scores}
    for link in log.links:
        traced = api.trace(nakano_ws, link.row_id, old="素案", new="案")
        assert traced.kind == "row-trace"
        got = {lc.comment.id: lc.link.confidence for lc in traced.trace.linked}
        assert got[link.comment_id] == link.confidence
        for runner in traced.trace.runners_up:
            assert scores[(runner.comment.id, runner.row_id)] == runner.score


def test_taisho_from_a_comparison_aligns_and_diffs_nothing_again(nakano_ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections, blocks and tables of the 新旧対照表 come from the comparison (tables:
    ``BlockPair.table``, aligned once by the diff stage), and so do the underlines
    of edited cells and headings (the changes' edits)."""
    import revtool.views.taisho as taisho

    comparison = api.compare(nakano_ws, "素案", "案")
    assert any(p.table is not None for p in comparison.block_pairs), "nakano-dx has edited tables"
    expected = taisho.build_taisho_from(comparison)

    def again(*args: object, **kwargs: object) -> None:
        raise AssertionError("aligned again")

    for name in ("align_sections", "align_blocks", "align_tables", "char_diff"):
        monkeypatch.setattr(taisho, name, again)
    assert taisho.build_taisho_from(comparison) == expected
    assert any(isinstance(item, tuple) for row in expected.rows if row.new for item in row.new.body)
