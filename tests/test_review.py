"""``revtool review``: decisions written to decisions.toml, committed, honoured
by the next change table, kept by a clone; stale decisions reported."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from revtool.cli import main
from revtool.render.registry import render_changelog as render
from revtool.changes.decisions import accepted_rows, parse_decisions
from revtool.changes.decisions_edit import Action, apply_actions, parse_action
from revtool.changes.decisions_stale import stale_decisions
from revtool.errors import WorkspaceError
from revtool.pipeline import build_for_workspace
from revtool.workspace.store import Workspace
from tests.review_helpers import build_example, copy_workspace, git, run


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("review"))


@pytest.fixture
def ws(pristine: Path, tmp_path: Path) -> Path:
    return copy_workspace(pristine, tmp_path / "ws")


def changelog(ws: Path) -> dict:  # type: ignore[type-arg]
    """What ``revtool changelog 素案 案 --format json`` writes, through the shared pipeline."""
    result = build_for_workspace(Workspace.open(ws), "素案", "案")
    return json.loads(render(result.changelog, result.meta, "json"))


def row_for(data: dict, heading: str) -> dict:  # type: ignore[type-arg]
    """The row about one section only (not the 各施策 row spanning all of them)."""
    return next(r for r in data["rows"] if len(r["section_paths"]) == 1 and heading in r["section_paths"][0])


def test_scripted_review_changes_the_next_changelog_and_survives_a_clone(ws: Path, tmp_path: Path) -> None:
    before = changelog(ws)
    ids = [r["id"] for r in before["rows"]]
    shisaku3 = row_for(before, "施策3　放課後の居場所づくりと学童クラブの充実")
    shisaku2 = row_for(before, "施策2　多様な保育ニーズへの対応と保育の質の向上")
    first, last = before["rows"][0], before["rows"][-1]
    assert shisaku3["cause"]["comment_ids"] == ["C05"]
    assert shisaku2["id"] not in (first["id"], last["id"])  # a row in the middle: ids must not shift

    run(
        ws, "review", "素案", "案",
        "--accept", "all",
        "--unlink", f"{shisaku3['id']}=C05", "--link", f"{shisaku3['id']}=C06",
        "--summary", f"{first['id']}=国のガイドライン改定（第3版）を反映",
        "--editorial", shisaku2["id"],
    )
    after = changelog(ws)
    by_id = {r["id"]: r for r in after["rows"]}
    assert shisaku2["id"] not in by_id
    assert [r for r in ids if r != shisaku2["id"]] == list(by_id)  # the other rows keep their ids
    assert after["editorial_count"] == before["editorial_count"] + len({c["id"].split(".")[0] for c in shisaku2["changes"]})
    assert by_id[first["id"]]["summary"] == "国のガイドライン改定（第3版）を反映"
    assert by_id[shisaku3["id"]]["cause"]["comment_ids"] == ["C06"]
    assert by_id[shisaku3["id"]]["cause"]["confidence"] == 1.0
    assert any(w["code"] == "reflected-without-change" and w["comment_id"] == "C05" for w in after["warnings"])
    for r in after["rows"]:  # accepted links stay, confirmed
        if r["cause"]["type"] == "comment" and r["id"] != shisaku3["id"]:
            assert r["cause"]["confidence"] == 1.0
    assert by_id[last["id"]]["item"] == last["item"]

    # committed with the reviewer's identity, the working tree clean
    assert git(ws, "log", "-1", "--format=%an <%ae>").strip() == "Reviewer Tanaka <tanaka@example.jp>"
    assert "Revtool-Review: 素案..案" in git(ws, "log", "-1", "--format=%B")
    assert git(ws, "status", "--porcelain") == ""

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(ws), str(clone))
    git(clone, "fetch", "-q", "origin", "refs/tags/*:refs/tags/*")
    assert changelog(clone)["rows"] == after["rows"]
    out = run(clone, "changelog", "素案", "案", "--format", "json", "-o", "-").output
    assert json.loads(out)["rows"][0]["summary"] == "国のガイドライン改定（第3版）を反映"


def test_review_keeps_the_users_own_content(ws: Path) -> None:
    text = '# 担当: 子育て支援課\ncites = ["C01"]  # 意見交換会で確認\n\n[rows.R1]\nnote = "国の改定"  # 手で書いた\n'
    (ws / "decisions.toml").write_text(text, encoding="utf-8")
    git(ws, "add", "decisions.toml")
    git(ws, "commit", "-q", "-m", "手で判断を記録")
    run(ws, "review", "素案", "案", "--item", "R1=第2章 国・東京都の動向", "--cause", "R2=internal:予算の見直し")
    new = (ws / "decisions.toml").read_text(encoding="utf-8")
    assert new.startswith("# 担当: 子育て支援課\ncites = [\"C01\"]  # 意見交換会で確認\n")
    assert 'note = "国の改定"  # 手で書いた' in new
    d = parse_decisions(new)
    assert d.row("R1").item == "第2章 国・東京都の動向" and d.row("R1").note == "国の改定"
    assert d.row("R2").cause == "internal" and d.row("R2").note == "予算の見直し"
    assert d.cites == frozenset({"C01"})


def test_dry_run_commits_nothing(ws: Path) -> None:
    head = git(ws, "rev-parse", "HEAD")
    out = run(ws, "review", "素案", "案", "--exclude", "R2", "--dry-run").output
    assert "exclude = true" in out
    assert git(ws, "rev-parse", "HEAD") == head and not (ws / "decisions.toml").exists()


def test_excluded_row_keeps_the_others_in_place(ws: Path) -> None:
    before = changelog(ws)
    run(ws, "review", "素案", "案", "--exclude", "R2")
    after = changelog(ws)
    assert [r["id"] for r in after["rows"]] == [r["id"] for r in before["rows"] if r["id"] != "R2"]
    # trace still shows the excluded row, marked
    text = run(ws, "trace", "R2").output
    assert "※decisions.toml で除外" in text and "職員の判断  別紙2 から除外" in text


def test_interactive_review_lowest_confidence_first(ws: Path) -> None:
    data = changelog(ws)
    lowest = sorted(data["rows"], key=lambda r: (r["cause"]["confidence"], int(r["id"][1:])))[0]
    out = run(ws, "review", "素案", "案", input="x\nq\n").output
    assert f"1/{len(data['rows'])}  {lowest['id']}" in out
    d = parse_decisions((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert d.row(lowest["id"]).exclude
    assert lowest["id"] not in [r["id"] for r in changelog(ws)["rows"]]


def test_interactive_relink(ws: Path) -> None:
    data = changelog(ws)
    order = sorted(data["rows"], key=lambda r: (r["cause"]["confidence"], int(r["id"][1:])))
    target = order[0]
    out = run(ws, "review", "素案", "案", input="l\nC13\nq\n").output
    assert "C13" in out
    row = next(r for r in changelog(ws)["rows"] if r["id"] == target["id"])
    assert row["cause"]["comment_ids"] == ["C13"]


def test_bad_actions_are_one_line_errors(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--link", "R3=X5"], ["--accept", "R99"], ["--summary", "R1"], ["--cause", "R1=because"]):
        with pytest.raises(SystemExit) as exc:
            main(["-C", str(ws), "review", "素案", "案", *args])
        assert exc.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("エラー: ") and "Traceback" not in err
    assert not (ws / "decisions.toml").exists()


def test_stale_decisions_are_reported(ws: Path) -> None:
    base = build_for_workspace(Workspace.open(ws), "素案", "案").base
    text = (
        '[rows.R99]\nsummary = "消えた行"\n\n'
        '[rows.R1]\nabout = "第9章 どこか別の節"\nsummary = "ずれた行"\n\n'
        '[[links]]\ncomment = "C77"\nrow = "R2"\n\n'
        '[changes]\neditorial = ["D999"]\n'
    )
    stale = stale_decisions(text, base.rows, ["D1"], [f"C{i:02d}" for i in range(1, 14)])
    where = [s.where for s in stale]
    assert "[rows.R99]" in where and "[rows.R1]" in where and "[changes] editorial D999" in where
    assert any("C77" in s.message for s in stale)
    assert all(s.message for s in stale)
    (ws / "decisions.toml").write_text(text, encoding="utf-8")
    git(ws, "add", "decisions.toml")
    git(ws, "commit", "-q", "-m", "古い判断")
    result = run(ws, "review", "素案", "案", "--accept", "R3")
    assert "[rows.R99]" in result.output and "[changes] editorial D999" in result.output  # reported, never dropped
    assert "[[links]] C77 → R2" in result.output
    kept = tomllib.loads((ws / "decisions.toml").read_text(encoding="utf-8"))
    assert kept["rows"]["R99"]["summary"] == "消えた行" and kept["changes"]["editorial"] == ["D999"]


def test_apply_actions_is_idempotent_for_links() -> None:
    from revtool.model import Cause, CauseType, ChangeKind, ChangeRow

    row = ChangeRow("R4", "施策3", (11,), "…", ChangeKind.MODIFIED, (), (), Cause(CauseType.COMMENT, ("C05",), 0.6, ""))
    rows = {"R4": row}
    once, _ = apply_actions("", [Action("accept", "R4")], rows)
    twice, _ = apply_actions(once, [Action("accept", "R4")], rows)
    assert once == twice
    assert parse_decisions(twice).confirmed == (("C05", "R4"),)
    assert accepted_rows(twice) == {"R4"}
    rejected, _ = apply_actions(twice, [Action("reject", "R4")], rows)
    d = parse_decisions(rejected)
    assert d.rejected == (("C05", "R4"),) and d.confirmed == () and accepted_rows(rejected) == set()


def test_parse_action() -> None:
    assert parse_action("accept", "all", ["R1", "R2"]) == [Action("accept", "R1"), Action("accept", "R2")]
    assert parse_action("link", "r4 = c5", ["R4"]) == [Action("link", "R4", "C5")]
    assert parse_action("summary", "R4=A=B", ["R4"]) == [Action("summary", "R4", "A=B")]
    with pytest.raises(WorkspaceError):
        parse_action("link", "R4", ["R4"])


def test_brackets_in_user_text_are_not_markup(ws: Path) -> None:
    run(ws, "review", "素案", "案", "--summary", "R1=[重要] 国の改定を反映 [bold]")
    out = run(ws, "trace", "R1").output
    assert "[重要] 国の改定を反映 [bold]" in out and "職員の判断  主な変更点を修正" in out


def test_a_change_forced_into_the_table_gets_the_next_free_id(pristine: Path) -> None:
    ws = Workspace.open(pristine)
    plain = build_for_workspace(ws, "素案", "案")
    in_rows = {c.id.split(".")[0] for r in plain.changelog.rows for c in r.changes}
    editorial = next(c for c in plain.changes if not c.substantive and c.section_path and c.id not in in_rows)
    forced = build_for_workspace(ws, "素案", "案", decisions_text=f'[changes]\nsubstantive = ["{editorial.id}"]\n')
    before = {r.id: r.item for r in plain.changelog.rows}
    after = {r.id: r.item for r in forced.changelog.rows}
    assert {k: v for k, v in after.items() if k in before} == before
    (new,) = set(after) - set(before)
    assert new == f"R{len(before) + 1}"
    row = next(r for r in forced.changelog.rows if r.id == new)
    assert [c.id.split(".")[0] for c in row.changes] == [editorial.id]
    assert forced.changelog.editorial_count == plain.changelog.editorial_count - 1
