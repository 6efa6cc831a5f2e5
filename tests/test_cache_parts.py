"""The change table kept in parts (issue 15): a view reads the parts it shows,
answers exactly as a table computed from nothing, and any input change, a
corrupt part or another revtool computes it again."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from revtool import api, pipeline
from revtool.changes.table import Changelog, Scored
from revtool.lazy_fields import lazy, loader_of
from revtool.render.warning_summary import grouped_lines
from revtool.workspace import cache
from tests.review_helpers import DRAFTS, build_example, copy_workspace, run

DECISIONS = '[rows.R2]\nexclude = true\n\n[rows.R3]\nsummary = "手で直した要約"\n'


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("parts"))


@pytest.fixture
def ws(pristine: Path, tmp_path: Path) -> Path:
    return copy_workspace(pristine, tmp_path / "copy")


def _fresh(ws: Path, monkeypatch: pytest.MonkeyPatch) -> pipeline.PipelineResult:
    with monkeypatch.context() as m:
        m.setenv("REVTOOL_NO_CACHE", "1")
        return api.changelog(ws, "素案", "案")


def _kept(ws: Path) -> pipeline.PipelineResult:
    """The table as a view gets it: read back from the cache (filled first)."""
    api.changelog(ws, "素案", "案")
    got = api.changelog(ws, "素案", "案")
    assert loader_of(got) is not None  # read back in parts, not computed
    return got


def _parts_read(result: pipeline.PipelineResult) -> set[str]:
    return set(loader_of(result.changelog).parts._read)


def _views(ws: Path, result: pipeline.PipelineResult) -> list[bytes]:
    """What every view prints of this table, and its JSON."""
    out = [api.render(result, "json"), api.render(result, "md"), "\n".join(grouped_lines(result)).encode(),
           repr(pipeline.stale(result)).encode()]
    ids = [r.id for r in result.base.rows] + [c.id for c in result.comments]
    for target in ids:
        out.append(run(ws, "trace", target).stdout.encode())
    return out


@pytest.mark.parametrize("decisions", ["", DECISIONS])
def test_views_answer_as_a_table_computed_from_nothing(ws: Path, monkeypatch: pytest.MonkeyPatch, decisions: str) -> None:
    if decisions:  # an excluded row: the undecided table is another table than the shown one
        (ws / "decisions.toml").write_text(decisions, encoding="utf-8")
    fresh = _fresh(ws, monkeypatch)
    with monkeypatch.context() as m:
        m.setenv("REVTOOL_NO_CACHE", "1")
        uncached = _views(ws, fresh)
    kept = _kept(ws)
    assert (kept.base is kept.changelog) == (not decisions)
    assert _views(ws, kept) == uncached
    assert kept == fresh and kept.changelog == fresh.changelog and kept.base == fresh.base  # every field read back whole
    assert kept.comparison == fresh.comparison and kept.old_doc == fresh.old_doc


def test_a_comment_trace_reads_no_version_nor_every_score(ws: Path) -> None:
    kept = _kept(ws)
    comment = next(c.id for c in kept.comments if kept.changelog.scores_of(comment_id=c.id))
    row = kept.changelog.rows[0].id
    api.trace(ws, comment)  # another read of the table, as the command makes
    got = api.changelog(ws, "素案", "案")
    from revtool.views.trace import comment_trace, row_trace

    comment_trace(got.changelog, comment)
    row_trace(got.changelog, row, got.base)
    read = _parts_read(got)
    assert f"log.scores/c/{comment}" in read and f"log.scores/r/{row}" in read
    assert not read & {"docs", "comparison", "log.scores", "log.warnings"}
    lines = grouped_lines(got)  # review --warnings: the warnings and the comments, still no version
    assert lines and "docs" not in _parts_read(got) and "log.warnings" in _parts_read(got)


def test_scores_of_a_part_are_the_table_s_own(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(ws, monkeypatch).changelog
    kept = _kept(ws).changelog
    for c in {s.comment_id for s in fresh.scores} | {"C999"}:
        assert kept.scores_of(comment_id=c) == fresh.scores_of(comment_id=c)
    for r in {s.row_id for s in fresh.scores}:
        assert kept.scores_of(row_id=r) == fresh.scores_of(row_id=r)
        c = fresh.scores_of(row_id=r)[0].comment_id
        assert kept.scores_of(comment_id=c, row_id=r) == fresh.scores_of(comment_id=c, row_id=r)
    assert not kept.loaded("scores")  # every answer from its own part


def test_every_input_change_is_another_kept_table(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _kept(ws)
    (ws / "decisions.toml").write_text(DECISIONS, encoding="utf-8")
    decided = api.changelog(ws, "素案", "案")
    assert loader_of(decided) is None  # computed, not read back
    assert "R2" in decided.changelog.excluded and "R2" not in first.changelog.excluded
    (ws / "decisions.toml").unlink()
    lines = (DRAFTS / "bessi1.tsv").read_text(encoding="utf-8").splitlines()
    fewer = ws.parent / "bessi1-short.tsv"
    fewer.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    run(ws, "comments", "import", str(fewer))
    after = api.changelog(ws, "素案", "案")
    assert loader_of(after) is None and len(after.comments) == len(first.comments) - 1
    real = cache.code_stamp
    monkeypatch.setattr(cache, "code_stamp", lambda: real() + "another revtool")
    assert loader_of(api.changelog(ws, "素案", "案")) is None


def test_a_part_that_cannot_be_read_computes_the_table_again(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(ws, monkeypatch)
    api.changelog(ws, "素案", "案")
    (kept_file,) = (ws / ".git" / cache.CACHE_DIR).glob("changelog-*.pickle")
    data = bytearray(kept_file.read_bytes())
    kept = api.changelog(ws, "素案", "案")  # index read; no part yet
    parts = loader_of(kept.changelog).parts
    offset, length = parts.index["log.rows"]
    data[parts._start + offset: parts._start + offset + length] = b"\x00" * length  # the rows unreadable
    kept_file.write_bytes(bytes(data))
    again = api.changelog(ws, "素案", "案")
    assert again.changelog.rows == fresh.changelog.rows  # computed again, not an error
    assert api.render(again, "json") == api.render(fresh, "json")
    assert kept_file.exists()  # and kept again, whole
    third = api.changelog(ws, "素案", "案")
    assert loader_of(third) is not None and third.changelog == fresh.changelog


# ---------------------------------------------------------------- lazy fields, small cases


def _table() -> Changelog:
    return Changelog(rows=(), comments=(), links=(), editorial_count=2,
                     scores=(Scored("C01", "R1", 0.5, "関連", "根拠"), Scored("C02", "R1", 0.2, "関連", "")))


def test_a_lazy_value_reads_each_field_once_and_equals_the_whole() -> None:
    whole = _table()
    asked: list[str] = []

    def load(name: str) -> object:
        asked.append(name)
        return getattr(whole, name)

    part = lazy(Changelog, load)
    assert part.editorial_count == 2 and part.editorial_count == 2 and asked == ["editorial_count"]
    assert part.scores == whole.scores and asked == ["editorial_count", "scores"]  # a field with a default too
    assert part == whole and hash(part) == hash(whole)
    back = pickle.loads(pickle.dumps(part))
    assert back == whole and loader_of(back) is None  # pickled whole, without its loader
    assert dataclasses.replace(part, editorial_count=3) == dataclasses.replace(whole, editorial_count=3)
    assert _table().warnings == () and loader_of(_table()) is None  # an ordinary instance keeps its defaults
    assert part.scores_of(comment_id="C02") == (whole.scores[1],)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count open files")
def test_tables_read_back_leave_no_file_open(ws: Path) -> None:
    """A test run or a long review reads many tables: none may leave its cache file, or its
    workspace's git processes and their pipes, open once it is gone (a run of the whole suite
    ran out of descriptors: select() refused a descriptor above 1024)."""
    import gc

    api.changelog(ws, "素案", "案")  # fill the cache
    gc.collect()
    before = len(list(Path("/proc/self/fd").iterdir()))
    for _ in range(10):
        got = api.changelog(ws, "素案", "案")
        assert loader_of(got) is not None  # read back in parts, not computed
        assert got.changelog.rows  # parts are read after the file was closed
        run(ws, "trace", got.changelog.rows[0].id)
    del got
    gc.collect()
    assert len(list(Path("/proc/self/fd").iterdir())) <= before
