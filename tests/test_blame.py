"""``revtool blame``: the version that introduced each sentence of a section."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from revtool.views.blame import blame
from revtool.cli import main
from revtool.model import Block, BlockKind, Document, Section
from revtool.workspace.store import Workspace
from tests.review_helpers import DRAFTS, WIDTH, expected, flat, git, run, runner
from revtool.cli import app


@pytest.fixture(scope="module")
def cited_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """素案 and 案 of the example, 案 ingested citing the comment behind its new sentence."""
    ws = tmp_path_factory.mktemp("blame") / "ws"
    assert runner.invoke(app, ["init", str(ws)], env=WIDTH).exit_code == 0
    git(ws, "config", "user.name", "Reviewer Tanaka")
    git(ws, "config", "user.email", "tanaka@example.jp")
    run(ws, "ingest", str(DRAFTS / "soan.docx"), "--version", "素案", "--pages-from", str(DRAFTS / "soan.pdf"))
    run(ws, "ingest", str(DRAFTS / "an.docx"), "--version", "案", "--pages-from", str(DRAFTS / "an.pdf"), "--cites", "C07")
    return ws


def _young_carer_row() -> dict:  # type: ignore[type-arg]
    return next(r for r in expected()["rows"] if r["cause"]["comment_ids"] == ["C07"])


def test_new_sentence_is_blamed_on_the_new_version(cited_ws: Path) -> None:
    ws = Workspace.open(cited_ws)
    docs = [(v.label, ws.load(v.label)) for v in ws.versions()]
    got = blame(docs, "案", "施策5")
    assert got is not None
    path, lines = got
    assert path[-1].startswith("施策5")
    row = _young_carer_row()
    added = [c["new_text"] for c in row["changes"]]
    new_lines = [ln for ln in lines if ln.introduced == "案"]
    assert new_lines, "the ヤングケアラー sentence is new in 案"
    prose = [ln for ln in new_lines if "｜" not in ln.sentence]  # table rows: the 設定理由 column added
    assert prose
    for ln in prose:
        assert any(flat(ln.sentence) in flat(a) for a in added), ln.sentence
    assert all(ln.path[-1] == "（2）成果指標" for ln in new_lines if ln not in prose)  # its table got a column
    assert sum(ln.introduced == "素案" for ln in lines) > len(new_lines)
    assert all(ln.path[: len(path)] == path for ln in lines)


def test_blame_of_the_first_version_is_all_first(cited_ws: Path) -> None:
    ws = Workspace.open(cited_ws)
    docs = [(v.label, ws.load(v.label)) for v in ws.versions()]
    _, lines = blame(docs, "素案", "施策5")  # type: ignore[misc]
    assert lines and {ln.introduced for ln in lines} == {"素案"}


def test_cli_shows_commit_and_cites_at_80_columns(cited_ws: Path) -> None:
    out = run(cited_ws, "blame", "案", "施策5", "--cites").output
    assert "\x1b" not in out and all(cell_len(line) <= 80 for line in out.splitlines())
    ws = Workspace.open(cited_ws)
    soan, an = ws.versions()
    text = flat(out)
    assert f"案{an.commit[:8]}" in text and f"素案{soan.commit[:8]}" in text
    assert "C07" in text
    assert "ヤングケアラー" in text
    assert "（1）現状と課題" in text  # sub-sections are headed


def test_cli_without_cites_has_no_cites_column(cited_ws: Path) -> None:
    out = run(cited_ws, "blame", "案", "施策5").output
    assert "引用意見" not in out and "C07" not in out


def test_unknown_section_or_version(cited_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args, word in ((["案", "施策99"], "施策99"), (["第9版", "施策5"], "第9版")):
        with pytest.raises(SystemExit) as exc:
            main(["-C", str(cited_ws), "blame", *args])
        assert exc.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("エラー: ") and word in err


def _doc(*sentences: str) -> Document:
    body = Section("（1）現状と課題", "（1）", "現状と課題", 2, "paren", (Block(BlockKind.PARAGRAPH, "".join(sentences)),))
    return Document(sections=(Section("施策1　相談支援", "施策1", "相談支援", 1, "shisaku", children=(body,)),))


def test_a_sentence_must_be_present_without_a_break() -> None:
    a = "相談件数は増えている。"
    b = "支援を強化する。"
    c = "ヤングケアラーを早期に把握する。"
    versions = [
        ("素案", _doc(a, b)),
        ("案", _doc(a, "支援を 強化する。")),  # b only re-spaced: still present
        ("案2", _doc(b, c)),  # a dropped
        ("最終案", _doc(a, b, c)),  # a back
    ]
    path, lines = blame(versions, "最終案", "施策1")  # type: ignore[misc]
    assert path == ("施策1　相談支援",)
    assert [(ln.sentence, ln.introduced) for ln in lines] == [(a, "最終案"), (b, "素案"), (c, "案2")]
    assert all(ln.path == ("施策1　相談支援", "（1）現状と課題") for ln in lines)


def test_renumbered_section_is_followed_by_title() -> None:
    old = _doc("相談件数は増えている。")
    sec = old.sections[0]
    renumbered = Document(sections=(Section("施策2　相談支援", "施策2", "相談支援", 1, "shisaku", children=sec.children),))
    _, lines = blame([("素案", old), ("案", renumbered)], "案", "相談支援")  # type: ignore[misc]
    assert [ln.introduced for ln in lines] == ["素案"]
