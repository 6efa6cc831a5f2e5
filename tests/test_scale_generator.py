"""The scale generator of ``make bench`` (benchmarks/scale.py): deterministic,
hits the requested counts, and its ground truth agrees with the documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.scale import ScalePair, counts, generate, match_changes, write_comments_tsv, write_docx
from revtool.model import Change, ChangeKind, Section, Verdict

PAGES = 15


@pytest.fixture(scope="module")
def pair() -> ScalePair:
    return generate(PAGES, seed=7)


def _key(s: str) -> str:
    return "".join(s.split())


def _own(sec: Section | None) -> str:
    return _key(sec.own_text()) if sec is not None else ""


def test_same_seed_same_pair(pair: ScalePair) -> None:
    again = generate(PAGES, seed=7)
    assert again == pair
    assert generate(PAGES, seed=8).old != pair.old


def test_requested_counts(pair: ScalePair) -> None:
    want = counts(PAGES)
    got = pair.counts()
    for k in ("substantive", "editorial", "moved", "comments"):
        assert got[k] == want[k], k
    assert want["chars"] <= got["chars"] <= 1.25 * want["chars"]
    assert counts(300) == {"substantive": 200, "editorial": 500, "moved": 100, "comments": 2000, "chars": 399_900}


def test_edit_paths_exist(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    for e in pair.edits:
        assert e.old_path or e.new_path
        if e.old_path:
            assert e.old_path in old, e
        if e.new_path:
            assert e.new_path in new, e


def test_content_edits_are_in_the_text(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    for e in pair.edits:
        if e.id.startswith("M") or e.kind.startswith("section-"):
            continue
        before, after = _key(e.before), _key(e.after)
        assert before != after, e
        if before:
            assert before in _own(old[e.old_path]), e
        if after:
            assert after in _own(new[e.new_path]), e
        assert (before and before not in _own(new[e.new_path])) or (after and after not in _own(old[e.old_path])), e


def test_every_difference_is_an_edit(pair: ScalePair) -> None:
    """A section whose own text differs between the versions (same path) carries an edit."""
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    edited = {e.new_path for e in pair.edits} | {e.old_path for e in pair.edits}
    for path in old.keys() & new.keys():
        if _own(old[path]) != _own(new[path]):
            assert path in edited, path
    for path in new.keys() - old.keys():
        assert any(e.new_path == path[:len(e.new_path)] for e in pair.edits), path


def test_moves_and_renames_keep_the_content(pair: ScalePair) -> None:
    old, new = dict(pair.old.walk()), dict(pair.new.walk())
    moved = [e for e in pair.edits if e.id.startswith("M")]
    assert moved
    for e in moved:
        a, b = old[e.old_path], new[e.new_path]
        assert e.old_path != e.new_path
        assert a.body_hash == b.body_hash
        if e.kind == "moved":
            assert a.content_hash == b.content_hash
            assert e.old_path[:-1] != e.new_path[:-1]
        else:
            assert a.heading != b.heading


def test_comments_agree_with_edits(pair: ScalePair) -> None:
    old = dict(pair.old.walk())
    edits = {e.id: e for e in pair.edits}
    assert [c.row for c in pair.comments] == list(range(1, len(pair.comments) + 1))
    assert {c.response_type for c in pair.comments} == {"反映", "既記載", "参考", "不反映", "その他"}
    for c in pair.comments:
        assert c.id == f"C{c.row:02d}"
        assert c.ref and c.opinion and c.response
        assert (c.response_type == "反映") == bool(c.edit_ids)
        for eid in c.edit_ids:
            assert edits[eid].substantive and edits[eid].cause == "comment"
            assert c.id in edits[eid].comment_ids
        assert c.section_path in old
    for e in pair.edits:
        assert (e.cause == "comment") == bool(e.comment_ids), e
        if e.substantive and not e.id.startswith("M"):
            assert e.cause in ("comment", "external", "internal")


def test_truth_json_round_trips(pair: ScalePair) -> None:
    import json

    data = json.loads(json.dumps(pair.truth_json(), ensure_ascii=False))
    assert data["counts"] == pair.counts()
    assert len(data["edits"]) == len(pair.edits)


def test_match_changes_on_a_perfect_diff(pair: ScalePair) -> None:
    """One change per content edit, built from the truth, is all found and nothing is left over."""
    changes = []
    for e in pair.edits:
        if e.id.startswith("M"):
            kind = ChangeKind.MOVED if e.kind == "moved" else ChangeKind.RENAMED
        else:
            kind = ChangeKind.MODIFIED
        changes.append(Change(e.id, kind, e.new_path or e.old_path, e.old_path or e.new_path, e.before, e.after,
                              Verdict(e.substantive, "truth", "")))
    got = match_changes(pair, changes)
    assert got["substantive_found"] == got["substantive_as_substantive"] == got["substantive"]
    assert got["editorial_shown"] == got["editorial"] and got["editorial_as_substantive"] == 0
    assert got["moved_seen"] == got["moved"]
    assert got["unmatched_changes"] == 0


def test_comment_table_reads_back(pair: ScalePair, tmp_path: Path) -> None:
    from revtool.comments import read_comment_table

    path = tmp_path / "bessi1.tsv"
    write_comments_tsv(pair, path)
    rows = read_comment_table(path)
    assert [(r.ref, r.opinion, r.response) for r in rows] == [(c.ref, c.opinion, c.response) for c in pair.comments]


def test_docx_extracts_to_the_same_headings(tmp_path: Path) -> None:
    from revtool.extract import extract

    small = generate(3, seed=2)
    path = tmp_path / "soan.docx"
    write_docx(small.old, path)
    first = path.read_bytes()
    write_docx(small.old, path)
    assert path.read_bytes() == first  # deterministic bytes
    got = [p for p, _ in extract(path).walk()]
    assert got == [p for p, _ in small.old.walk()]


@pytest.mark.parametrize("pages,seed", [(1, 1), (5, 3), (24, 4)])
def test_counts_at_other_sizes(pages: int, seed: int) -> None:
    want, got = counts(pages), generate(pages, seed).counts()
    assert {k: got[k] for k in PER_KEYS} == {k: want[k] for k in PER_KEYS}


PER_KEYS = ("substantive", "editorial", "moved", "comments")
