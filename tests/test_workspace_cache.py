"""The comparison computed once (issue 15): kept under .git/revtool-cache, keyed
by its inputs; any input change computes it again; a corrupt file is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool import api, pipeline
from revtool.workspace import cache
from tests.review_helpers import DRAFTS, build_example, copy_workspace, git, run


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def ws(pristine: Path, tmp_path: Path) -> Path:
    return copy_workspace(pristine, tmp_path / "copy")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of every change table actually computed (not read from the cache)."""
    seen: list[str] = []
    real = pipeline._build_for_workspace

    def counting(ws, old, new, text, infos):  # type: ignore[no-untyped-def]
        seen.append(f"{old}->{new}")
        return real(ws, old, new, text, infos)

    monkeypatch.setattr(pipeline, "_build_for_workspace", counting)
    return seen


def test_second_call_reads_the_cache_and_gives_the_same_result(ws: Path, builds: list[str]) -> None:
    first = api.changelog(ws, "素案", "案")
    again = api.changelog(ws, "素案", "案")
    assert builds == ["素案->案"]
    assert again.changelog == first.changelog and again.comparison == first.comparison
    kinds = sorted(f.name.split("-")[0] for f in (ws / ".git" / cache.CACHE_DIR).glob("*.pickle"))
    # both versions, the comparison, the table and its undecided rows (and ``versions()``'s
    # reading of each set of tags, one per ingest)
    assert [k for k in kinds if k != "versions"] == ["base", "changelog", "comparison", "document", "document"]
    assert git(ws, "status", "--porcelain") == ""  # never in the working tree


def test_every_input_change_computes_again(ws: Path, builds: list[str]) -> None:
    api.changelog(ws, "素案", "案")
    (ws / "decisions.toml").write_text('[rows.R1]\nsummary = "手で直した要約"\n', encoding="utf-8")
    edited = api.changelog(ws, "素案", "案")
    assert len(builds) == 2 and edited.changelog.rows[0].summary == "手で直した要約"
    (ws / "decisions.toml").unlink()
    lines = (DRAFTS / "bessi1.tsv").read_text(encoding="utf-8").splitlines()
    fewer = ws.parent / "bessi1-short.tsv"
    fewer.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    run(ws, "comments", "import", str(fewer))
    after = api.changelog(ws, "素案", "案")
    assert len(builds) == 3 and len(after.comments) == len(edited.comments) - 1


def test_a_corrupt_cache_is_ignored_and_rebuilt(ws: Path, builds: list[str]) -> None:
    good = api.changelog(ws, "素案", "案")
    for f in (ws / ".git" / cache.CACHE_DIR).glob("*.pickle"):
        f.write_bytes(f.read_bytes()[:100])  # cut short
    again = api.changelog(ws, "素案", "案")
    assert len(builds) == 2 and again.changelog == good.changelog
    third = api.changelog(ws, "素案", "案")  # rewritten whole
    assert len(builds) == 2 and third.changelog == good.changelog


def test_no_cache_variable_bypasses_it(ws: Path, builds: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVTOOL_NO_CACHE", "1")
    folder = ws / ".git" / cache.CACHE_DIR
    before = sorted(folder.glob("*")) if folder.exists() else []  # what building the workspace kept
    api.changelog(ws, "素案", "案")
    api.changelog(ws, "素案", "案")
    assert len(builds) == 2 and (sorted(folder.glob("*")) if folder.exists() else []) == before


def test_key_names_every_part() -> None:
    a = cache.cache_key("x", {"old": "1", "new": "2"})
    assert a == cache.cache_key("x", {"new": "2", "old": "1"})
    assert a != cache.cache_key("x", {"old": "12", "new": ""})  # lengths are part of the key
    assert a != cache.cache_key("y", {"old": "1", "new": "2"})


def test_a_document_is_kept_by_its_commit(ws: Path) -> None:
    w = api.open_workspace(ws)
    first = api.load(ws, "案")
    assert first == w.load("案")
    key = cache.cache_key("document", {"commit": w.resolve("案")})
    assert cache.load(w.git_dir, key) == first  # read back from the cache, not the git tree
    run(ws, "ingest", str(DRAFTS / "soan.docx"), "--version", "案", "--force")  # another file under the same label
    again = api.load(ws, "案")
    assert again == w.load("案") != first  # a new commit: the new sections, never the kept ones


def test_prune_keeps_the_most_recent_of_each_kind(tmp_path: Path) -> None:
    import os

    folder = tmp_path / cache.CACHE_DIR
    folder.mkdir()
    for i in range(cache.KEEP + 3):
        for kind in ("changelog", "document"):
            f = folder / f"{kind}-{i:040d}.pickle"
            f.write_bytes(b"x")
            os.utime(f, ns=(i * 10**9, i * 10**9))
    (folder / "comparison-1.pickle").write_bytes(b"x")
    cache.prune(folder)
    for kind in ("changelog", "document"):
        kept = sorted(int(f.name.split("-")[1].split(".")[0]) for f in folder.glob(f"{kind}-*.pickle"))
        assert kept == list(range(3, cache.KEEP + 3))  # the oldest three went
    assert (folder / "comparison-1.pickle").exists()  # one kind never evicts another


@pytest.fixture
def tables(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many decisions each change table actually built (build_changelog) had:
    0 for the undecided table, else the number of row and link decisions."""
    from revtool.changes import changelog

    seen: list[int] = []
    real = changelog.build_changelog

    def counting(changes, comments=(), decisions=None, **kw):  # type: ignore[no-untyped-def]
        seen.append(0 if decisions is None else len(decisions.rows) + len(decisions.confirmed) + len(decisions.rejected))
        return real(changes, comments, decisions, **kw)

    monkeypatch.setattr(changelog, "build_changelog", counting)
    return seen


def fresh(ws: Path, monkeypatch: pytest.MonkeyPatch, decisions_text: str | None = None) -> pipeline.PipelineResult:
    """The change table computed from nothing (the cache bypassed)."""
    with monkeypatch.context() as m:
        m.setenv("REVTOOL_NO_CACHE", "1")
        return api.changelog(ws, "素案", "案", decisions_text=decisions_text)


def test_a_review_action_builds_only_the_decided_table(ws: Path, tables: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    from revtool.changes.decisions_edit import Action

    result = api.changelog(ws, "素案", "案")
    assert tables == [0]  # the undecided table, kept
    outcome = api.review(ws, result, [Action("accept", "R2"), Action("summary", "R3", "手で直した要約")], dry_run=True)
    assert tables == [0, 3]  # the decided table only: the undecided one is read back
    again = api.review(ws, api.changelog(ws, "素案", "案"),
                       [Action("accept", "R2"), Action("summary", "R3", "手で直した要約")], dry_run=True)
    assert tables == [0, 3] and again.after == outcome.after  # the same preview: read whole from the cache
    built = fresh(ws, monkeypatch, outcome.text)
    assert outcome.after.changelog == built.changelog and outcome.after.base == built.base
    assert api.render(outcome.after, "json") == api.render(built, "json")  # byte-identical to a table computed from nothing
    assert "手で直した要約" in [r.summary for r in outcome.after.changelog.rows]


def test_revtool_toml_a_reingest_and_revtool_itself_each_compute_again(ws: Path, builds: list[str], tables: list[int],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first = api.changelog(ws, "素案", "案")
    assert builds == ["素案->案"] and tables == [0]
    config = ws / "revtool.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[summary]\ncomment_lead = "ご意見を踏まえ、"\n', encoding="utf-8")
    styled = api.changelog(ws, "素案", "案")
    assert len(builds) == 2 and tables == [0, 0]  # the configuration is part of both keys
    assert styled.changelog == fresh(ws, monkeypatch).changelog != first.changelog
    assert any(r.summary.startswith("ご意見を踏まえ、") for r in styled.changelog.rows)
    run(ws, "ingest", str(DRAFTS / "an.docx"), "--version", "案", "--force", "--message", "取り込み直し")
    api.changelog(ws, "素案", "案")
    assert len(builds) == 3 and len(tables) == 3  # a new commit of 案
    real = cache.code_stamp
    monkeypatch.setattr(cache, "code_stamp", lambda: real() + "another revtool")
    api.changelog(ws, "素案", "案")
    assert len(builds) == 4 and len(tables) == 4  # another revtool never reads what this one kept
    monkeypatch.setattr(cache, "code_stamp", real)
    api.changelog(ws, "素案", "案")
    assert len(builds) == 4 and len(tables) == 4  # this revtool's values are still there


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the changes were grouped into rows and how many comments were
    scored against the rows (computed, not read from a ``changelog.Basis``)."""
    from revtool.changes import changelog, link_scores

    seen = {"grouped": 0, "scored": 0}
    group, score = changelog._group_changes, link_scores._score_comment

    def grouping(*args, **kw):  # type: ignore[no-untyped-def]
        seen["grouped"] += 1
        return group(*args, **kw)

    def scoring(*args, **kw):  # type: ignore[no-untyped-def]
        seen["scored"] += 1
        return score(*args, **kw)

    monkeypatch.setattr(changelog, "_group_changes", grouping)
    monkeypatch.setattr(link_scores, "_score_comment", scoring)
    return seen


def test_an_accepted_row_is_layered_on_the_kept_groups_and_scores(ws: Path, computed: dict[str, int],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from revtool.changes.decisions_edit import Action

    result = api.changelog(ws, "素案", "案")
    assert computed["grouped"] == 1 and computed["scored"] > 0  # the undecided table: everything computed
    linked = [r.id for r in result.changelog.rows if r.cause.comment_ids]
    before = dict(computed)
    outcome = api.review(ws, result, [Action("accept", linked[0]), Action("reject", linked[-1])], dry_run=True)
    assert computed == before  # neither grouped nor scored again: read back with the undecided table
    assert outcome.after.changelog != result.changelog
    built = fresh(ws, monkeypatch, outcome.text)  # from nothing, in one process
    assert api.render(outcome.after, "json") == api.render(built, "json")
    # the committed decision is another key of the table, not of the groups and scores
    api.review(ws, result, [Action("accept", linked[0])])
    before = dict(computed)
    api.changelog(ws, "素案", "案")
    assert computed == before


def test_an_input_change_groups_and_scores_again(ws: Path, computed: dict[str, int]) -> None:
    api.changelog(ws, "素案", "案")
    lines = (DRAFTS / "bessi1.tsv").read_text(encoding="utf-8").splitlines()
    fewer = ws.parent / "bessi1-short.tsv"
    fewer.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    run(ws, "comments", "import", str(fewer))
    before = dict(computed)
    api.changelog(ws, "素案", "案")
    assert computed["grouped"] == before["grouped"] + 1 and computed["scored"] > before["scored"]  # another comment table
    config = ws / "revtool.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[summary]\ncomment_lead = "ご意見を踏まえ、"\n', encoding="utf-8")
    before = dict(computed)
    api.changelog(ws, "素案", "案")
    assert computed["grouped"] == before["grouped"] + 1 and computed["scored"] > before["scored"]  # another configuration
