"""The indexed linking and echo steps (issue 15) give exactly what the scans
they replaced gave (``tests/oracle_link.py``, ``tests/oracle_echoes.py``):
the whole change table — rows, causes, links, every scored pair with its
evidence (what ``trace`` shows), warnings — built with the old functions and
with the new ones is equal, on the bundled example, a generated family plan,
a blind plan, and the scale generator's plan with its organic comment table;
and the pieces that prune by a threshold agree with the unpruned search
wherever the caller reads them."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revtool.changes import changelog, link, link_scores, structure, text_match
from revtool.changes.changelog import Changelog
from revtool.cli import app
from revtool.model import Document
from tests import oracle_echoes, oracle_link

REPO = Path(__file__).resolve().parents[1]


class _OraclePairs:
    """``link_scores.PairScores`` as the scan it replaced scores (``oracle_link.score_pairs``)."""

    def __init__(self, targets: list, model: list, cited: frozenset[str] = frozenset()) -> None:  # type: ignore[type-arg]
        self.targets, self.cited = list(targets), cited

    def fits(self, *args: object) -> bool:
        return False

    def pairs(self, comments: list, everyone: list) -> list:  # type: ignore[type-arg]
        return oracle_link.score_pairs(self.targets, list(comments), self.cited)


@contextlib.contextmanager
def _old_code() -> Iterator[None]:
    """The change table's steps as they were before indexing."""
    saved = (changelog.PairScores, changelog.choose_links, changelog.spread_group_links, structure.distribute_echoes)
    changelog.PairScores, changelog.choose_links = _OraclePairs, oracle_link.choose_links  # type: ignore[misc,assignment]
    changelog.spread_group_links, structure.distribute_echoes = oracle_echoes.spread_group_links, oracle_echoes.distribute_echoes
    try:
        yield
    finally:
        (changelog.PairScores, changelog.choose_links, changelog.spread_group_links, structure.distribute_echoes) = saved  # type: ignore[misc]


def _cli(*args: str) -> None:
    r = CliRunner().invoke(app, list(args))
    assert r.exit_code == 0, r.output


def _workspace(tmp: Path, soan: Path, an: Path, table: Path) -> Path:
    ws = tmp / "ws"
    _cli("init", str(ws), "--plan", "テスト計画")
    _cli("-C", str(ws), "ingest", str(soan), "--version", "素案")
    _cli("-C", str(ws), "ingest", str(an), "--version", "案")
    _cli("-C", str(ws), "comments", "import", str(table))
    return ws


def _tables(ws: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Changelog, Changelog]:
    """The change table built by the new code and by the old, cache off."""
    from revtool.pipeline import build_for_workspace
    from revtool.workspace.store import Workspace

    monkeypatch.setenv("REVTOOL_NO_CACHE", "1")
    new = build_for_workspace(Workspace.open(ws), "素案", "案").changelog
    with _old_code():
        old = build_for_workspace(Workspace.open(ws), "素案", "案").changelog
    return new, old


def _assert_same(new: Changelog, old: Changelog) -> None:
    assert new.rows == old.rows
    assert new.links == old.links
    assert new.scores == old.scores
    assert new == old


def test_the_bundled_example_links_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = REPO / "drafts"
    ws = _workspace(tmp_path, drafts / "soan.docx", drafts / "an.docx", drafts / "bessi1.tsv")
    new, old = _tables(ws, monkeypatch)
    assert new.links and new.scores  # linking is exercised
    _assert_same(new, old)


def _docx(doc: Document, title: str, path: Path) -> Path:
    from benchmarks.scale import write_docx

    write_docx(type(doc)(title=title, sections=doc.sections), path)
    return path


def test_a_family_plan_links_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import families

    plan = families.generate_plan(families.FAMILIES["goals-taikei"], seed=101)  # a tuning seed
    files = []
    for version, tree in (("素案", plan.old), ("案", plan.new)):
        doc, _ = families._to_document(families._to_psec(tree), version)
        files.append(_docx(doc, f"テスト計画（{version}）", tmp_path / f"{version}.docx"))
    families.write_comments_tsv(plan, tmp_path / "bessi1.tsv")
    new, old = _tables(_workspace(tmp_path, files[0], files[1], tmp_path / "bessi1.tsv"), monkeypatch)
    assert any(r.cause.comment_ids for r in new.rows)
    _assert_same(new, old)


def test_a_blind_plan_links_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import blind_family

    plan = blind_family.generate(7001)  # a tuning seed
    files = []
    for version, tree in (("素案", plan.old), ("案", plan.new)):
        doc, _ = blind_family._to_document(tree, version)
        files.append(_docx(doc, f"{plan.title}（{version}）", tmp_path / f"{version}.docx"))
    lines = ["素案該当箇所\t県民意見の概要\t県の考え方"]
    lines += ["\t".join(x.replace("\t", " ") for x in (c["ref"], c["opinion"], c["response"])) for c in plan.comments]
    (tmp_path / "bessi1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    new, old = _tables(_workspace(tmp_path, files[0], files[1], tmp_path / "bessi1.tsv"), monkeypatch)
    assert new.scores
    _assert_same(new, old)


@pytest.mark.parametrize("pages,seed", [(60, 2), (120, 5)])
def test_the_scale_generator_links_as_before(pages: int, seed: int) -> None:
    """In process: the generated pair, its organic comments resolved against 素案."""
    from benchmarks.scale import generate
    from revtool.comments import import_comments
    from revtool.compare.diff import diff_documents

    pair = generate(pages, seed)
    comments = import_comments(pair.raw_rows(), pair.old)
    changes = diff_documents(pair.old, pair.new)
    new = changelog.build_changelog(changes, comments, new_doc=pair.new, old_doc=pair.old)
    with _old_code():
        old = changelog.build_changelog(changes, comments, new_doc=pair.new, old_doc=pair.old)
    assert len(new.scores) > len(new.rows)  # comments compete for rows
    _assert_same(new, old)


def _texts(rng: random.Random, n: int, alphabet: str, lo: int, hi: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi))) for _ in range(n)]


def test_a_block_search_from_a_length_finds_the_longest_block_when_it_is_that_long() -> None:
    rng = random.Random(3)
    alphabet = "計画推進のをにす地域住民参加"
    for a, b in zip(_texts(rng, 400, alphabet, 0, 30), _texts(rng, 400, alphabet, 0, 120)):
        alo, ahi = sorted(rng.randint(0, len(a)) for _ in range(2))
        blo, bhi = sorted(rng.randint(0, len(b)) for _ in range(2))
        full = text_match._longest_match(a, b, alo, ahi, blo, bhi)
        for least in (1, 3, 5, 8):
            got = text_match.longest_from(a, b, alo, ahi, blo, bhi, least)
            assert got == (full if full[2] >= least else (alo, blo, 0)), (a, b, least)


def test_the_pruned_phrase_search_finds_every_phrase_scoring_reads() -> None:
    """``shared_scored`` with its floor (3 for the answer, 4 for the opinion)
    against ``_shared`` (difflib's matching blocks): the same phrase whenever
    it has that many characters; shorter phrases (read by nobody) may differ."""
    rng = random.Random(8)
    alphabet = "地域の住民参加を推進する計画ごみ収集アプリ事業"
    for a, b in zip(_texts(rng, 500, alphabet, 1, 40), _texts(rng, 500, alphabet, 1, 150)):
        words = text_match.phrase_words(a)
        want = text_match._shared(a, words, b, None)
        for least in (3, 4):
            got = text_match.shared_scored(a, words, b, None, True, least)
            if len(want) >= least:
                assert got == want, (a, b, least)
            else:
                assert len(got) < least, (a, b, least)


def test_a_row_cause_reads_the_same_from_its_own_links() -> None:
    """The change table gives ``cause_for`` a row's own links (indexed once):
    the cause is the one read from every link."""
    from revtool.model import Link

    rng = random.Random(5)
    links = tuple(Link(f"C{rng.randint(1, 30)}", f"R{rng.randint(1, 12)}", round(rng.random(), 3), f"根拠{i}")
                  for i in range(80))
    for r in range(1, 14):
        rid = f"R{r}"
        mine = tuple(l for l in links if l.row_id == rid)
        assert link.cause_for(rid, mine, None) == oracle_link.cause_for(rid, links, None)


def test_an_indicator_the_opinion_names_is_found_as_by_the_scan() -> None:
    """Cells of 成果指標 tables in many 施策 (each row keyed by its indicator):
    an opinion naming one indicator (held by one row) names that row even when
    its reference points at another 施策; one naming an indicator two rows
    hold, or none, names nothing. Scores and links equal the scan's."""
    from revtool.changes.row_target import RowTarget
    from tests.changelog_helpers import comment

    def m(n: int) -> tuple[str, ...]:
        return ("第2章　施策の展開", f"施策{n}　地域の取組{n}", "（3）　成果指標")

    names = ["見守り活動の登録者数", "相談体制の利用者数", "ごみ収集の参加者数", "防災訓練の実施回数", "見守り活動の登録者数"]
    targets = [RowTarget(f"R{i}", (m(i),), (), removed=f"{40 + i}人", added=f"{50 + i}人", kind="modified",
                         labels=f"{name} 目標値（令和11年度）") for i, name in enumerate(names, 1)]
    opinions = ["相談体制の利用者数の目標値は引き上げるべきではないか。", "見守り活動の登録者数の目標が低い。",
                "防災訓練の実施回数を増やすべき。", "図書館の利用者数の目標値を見直すべき。"]
    comments = [comment(i, op, "ご指摘を踏まえ、目標値を修正いたします。", (m(3),)) for i, op in enumerate(opinions, 1)]
    new = link_scores.score_pairs(targets, comments)
    assert new == oracle_link.score_pairs(targets, comments)
    named = {(s.comment_id, s.row_id) for s in new if "意見の「" in s.evidence and "唯一の変更" in s.evidence}
    assert named == {("C01", "R2"), ("C03", "R4")}
