"""``revtool trace`` on the bundled example, at 80 columns, piped (plain text)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.cells import cell_len

from revtool.cli import main
from revtool.model import ResponseType
from revtool.pipeline import build_for_workspace, default_pair
from revtool.render.changelog_common import CAUSE_JA
from revtool.workspace.store import Workspace
from revtool.views.trace import comment_trace, parse_target, row_trace
from tests.purity_helpers import imported_modules
from tests.review_helpers import build_example, expected, flat, run


@pytest.fixture(scope="module")
def example_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("trace"))


@pytest.fixture(scope="module")
def result(example_ws: Path):  # type: ignore[no-untyped-def]
    ws = Workspace.open(example_ws)
    return build_for_workspace(ws, *default_pair(ws))


def _tool_row(result, exp_row):  # type: ignore[no-untyped-def]
    """The generated row whose sections best match the expected row's (Jaccard)."""
    want = {tuple(p) for p in exp_row["section_paths"]}
    best, score = None, 0.0
    for r in result.changelog.rows:
        got = set(r.section_paths)
        s = len(want & got) / len(want | got)
        if s > score:
            best, score = r, s
    return best


def _lines_fit(text: str) -> None:
    assert "\x1b" not in text
    for line in text.splitlines():
        assert cell_len(line) <= 80, line


def test_parse_target() -> None:
    assert parse_target("R3") == parse_target("r3") == parse_target("Ｒ３")
    assert parse_target("R3").kind == "row"
    assert parse_target("C1").value == "C01"
    assert parse_target("C100").value == "C100"
    assert parse_target("施策5").kind == "section"
    assert parse_target("第2章/1./（2）").value == "第2章/1./（2）"


def test_default_pair_is_the_last_two_versions(example_ws: Path) -> None:
    assert default_pair(Workspace.open(example_ws)) == ("素案", "案")


def test_every_expected_row_shows_its_cause_and_evidence(example_ws: Path, result) -> None:  # type: ignore[no-untyped-def]
    found = 0
    for exp in expected()["rows"]:
        row = _tool_row(result, exp)
        if row is None:
            continue
        found += 1
        out = run(example_ws, "trace", row.id).output
        _lines_fit(out)
        text = flat(out)
        assert flat(row.item) in text
        assert CAUSE_JA[row.cause.type] in text
        assert flat(row.cause.evidence)[:30] in text
        assert f"変更{len(row.changes)}件" in text
        for change in row.changes:
            assert change.id in text
        if exp["cause"]["type"] == "comment":
            (cid,) = exp["cause"]["comment_ids"]
            assert cid in row.cause.comment_ids, (exp["id"], row.id, row.cause)
            assert "リンクした意見1件" in text or "リンクした意見" in text
            comment = next(c for c in result.comments if c.id == cid)
            assert flat(comment.response)[:40] in text
            link = next(l for l in result.changelog.links if l.comment_id == cid and l.row_id == row.id)
            assert f"確からしさ{link.confidence:.2f}" in text
    assert found == len(expected()["rows"])


def test_row_shows_inline_diff_with_pages(example_ws: Path, result) -> None:  # type: ignore[no-untyped-def]
    exp = expected()["rows"][0]  # R1: the guideline 第2版 → 第3版
    row = _tool_row(result, exp)
    out = run(example_ws, "trace", row.id).output
    # piped: deletions and insertions stay visible without colour
    assert "[-2-]{+3+}" in flat(out) or "[-第2版-]{+第3版+}" in flat(out) or ("旧" in out and "新" in out)
    assert f"素案P.{exp['soan_pages'][0]}" in flat(out)
    assert f"案P.{exp['an_pages'][0]}" in flat(out)


def test_row_lists_runners_up_that_were_not_linked(result) -> None:  # type: ignore[no-untyped-def]
    exp = next(r for r in expected()["rows"] if r["cause"]["comment_ids"] == ["C01"])
    row = _tool_row(result, exp)
    t = row_trace(result.changelog, row.id)
    assert t is not None
    linked = {lc.comment.id for lc in t.linked}
    assert linked == {"C01"}
    assert t.runners_up, "other comments about 施策 sections scored for this row"
    assert not linked & {r.comment.id for r in t.runners_up}
    assert [r.score for r in t.runners_up] == sorted((r.score for r in t.runners_up), reverse=True)


def test_linked_comment_shows_its_rows(example_ws: Path, result) -> None:  # type: ignore[no-untyped-def]
    for exp in expected()["comments"]:
        if not exp["row_ids"]:
            continue
        exp_row = next(r for r in expected()["rows"] if r["id"] == exp["row_ids"][0])
        row = _tool_row(result, exp_row)
        out = run(example_ws, "trace", exp["id"]).output
        _lines_fit(out)
        text = flat(out)
        assert flat(exp["ref"]) in text
        assert "リンクした行1件" in text, exp["id"]
        assert f"╭─{row.id}" in out.replace(" ", "") or f"─{row.id}─" in out.replace(" ", "")
        assert flat(row.summary)[:30] in text
        assert "注意" not in text


def test_comment_without_link_shows_its_type_and_no_rows(example_ws: Path) -> None:
    out = run(example_ws, "trace", "C06").output
    text = flat(out)
    assert "不反映" in text and "リンクした行はありません" in text


def test_reflected_comment_without_change_warns(result) -> None:  # type: ignore[no-untyped-def]
    log = replace(result.changelog, links=tuple(l for l in result.changelog.links if l.comment_id != "C05"))
    t = comment_trace(log, "C05")
    assert t is not None and t.comment.response_type == ResponseType.REFLECTED
    assert not t.rows and "反映" in t.warning


def test_section_history(example_ws: Path) -> None:
    out = run(example_ws, "trace", "施策5").output
    _lines_fit(out)
    text = flat(out)
    assert "施策5" in text and "児童虐待の未然防止" in text
    ws = Workspace.open(example_ws)
    soan, an = ws.versions()
    assert soan.commit[:8] in text and an.commit[:8] in text
    assert "素案" in text and "初版" in text and "変更" in text
    assert "gitlog--sections/" in text
    # and back: the rows of the change table with a change in it, the comments about it
    exp = next(r for r in expected()["rows"] if r["cause"]["comment_ids"] == ["C07"])
    assert "C07（反映）" in text
    res = build_for_workspace(ws, "素案", "案")
    row = next(r for r in res.changelog.rows if "C07" in r.cause.comment_ids)
    assert f"関わる行:" in text and row.id in text.split("関わる行:")[1]
    assert exp["section_paths"][0][2] in {p[2] for p in row.section_paths}


def test_section_history_of_an_unchanged_section(example_ws: Path) -> None:
    out = run(example_ws, "trace", "計画の対象").output
    assert "4.計画の対象" in flat(out)
    assert "初版" in flat(out) and "変更なし" in flat(out)


def test_unknown_targets_are_one_line_errors(example_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for target, words in (("R99", "R99"), ("C99", "C99"), ("存在しない節", "存在しない節")):
        with pytest.raises(SystemExit) as exc:
            main(["-C", str(example_ws), "trace", target])
        assert exc.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("エラー: ") and words in err and "Traceback" not in err


def test_explicit_versions(example_ws: Path) -> None:
    out = run(example_ws, "trace", "R1", "--old", "素案", "--new", "案").output
    assert "R1（素案→案）" in flat(out)


# ---------------------------------------------------------------- nakano-dx (../shared)


@pytest.fixture(scope="module")
def nakano_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import NAKANO
    from tests.review_helpers import WIDTH, runner
    from revtool.cli import app

    if not (NAKANO / "soan.docx").exists():
        pytest.skip("../shared/corpus/nakano-dx is not available")
    ws = tmp_path_factory.mktemp("nakano") / "ws"
    assert runner.invoke(app, ["init", str(ws)], env=WIDTH).exit_code == 0
    run(ws, "ingest", str(NAKANO / "soan.docx"), "--version", "素案", "--pages-from", str(NAKANO / "soan.pdf"))
    run(ws, "ingest", str(NAKANO / "an.docx"), "--version", "案", "--pages-from", str(NAKANO / "an.pdf"))
    run(ws, "comments", "import", str(NAKANO / "comments" / "bessi1.xlsx"))
    return ws


def test_nakano_every_expected_row_and_its_comment(nakano_ws: Path) -> None:
    import json

    from tests.conftest import NAKANO

    exp = json.loads((NAKANO / "expected" / "changes.json").read_text(encoding="utf-8"))
    ws = Workspace.open(nakano_ws)
    res = build_for_workspace(ws, "素案", "案")
    for exp_row in exp["rows"]:
        row = _tool_row(res, exp_row)
        assert row is not None, exp_row["id"]
        text = flat(run(nakano_ws, "trace", row.id).output)
        assert flat(row.item) in text and CAUSE_JA[row.cause.type] in text
        assert flat(row.cause.evidence)[:30] in text
        for cid in exp_row["cause"]["comment_ids"]:
            assert cid in row.cause.comment_ids, (exp_row["id"], row.id)
            out = run(nakano_ws, "trace", cid).output
            _lines_fit(out)
            ctext = flat(out)
            assert "リンクした行1件" in ctext and row.id in ctext
            link = next(l for l in res.changelog.links if l.comment_id == cid and l.row_id == row.id)
            assert flat(link.evidence)[:30] in ctext


def test_nakano_section_by_path(nakano_ws: Path) -> None:
    text = flat(run(nakano_ws, "trace", "第2章/1./（2）").output)
    assert "（2）自治体DXの推進" in text and "変更" in text
    text = flat(run(nakano_ws, "blame", "案", "第2章/1./（2）").output)
    assert "第5.0版に改定された" in text


def test_trace_blame_and_decision_edits_are_pure() -> None:
    forbidden = {"git", "typer", "rich", "docx", "openpyxl", "click", "subprocess", "pathlib", "os", "time"}
    for name in ("revtool.views.trace", "revtool.views.blame", "revtool.changes.decisions_edit"):
        mods = imported_modules(name)
        assert not forbidden & mods, (name, forbidden & mods)
