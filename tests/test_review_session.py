"""The interactive review as a library (review_session.py), without
the CLI: order and resume point, answers → actions, one commit per decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool import api
from revtool.demo import demo_steps
from revtool.changes.decisions_edit import Action, reviewed_rows
from revtool.render.review_prompt import answer_kind
from revtool.review_session import ReviewSession, parse_review_options
from tests.review_helpers import build_example, git


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("session"))


def test_a_session_commits_each_decision_and_the_next_one_resumes_after_it(ws: Path) -> None:
    result = api.changelog(ws, "素案", "案")
    session = ReviewSession.start(api.open_workspace(ws), result)
    order = session.order()
    assert order and [r.cause.confidence for r in order] == sorted(r.cause.confidence for r in order)
    first = order[0]
    commits = git(ws, "rev-list", "--count", "HEAD")
    done = session.decide(first.id, session.actions(first, answer_kind("A"), ""))
    assert done and session.saved == len(done)
    assert int(git(ws, "rev-list", "--count", "HEAD")) == int(commits) + 1
    assert first.id in reviewed_rows((ws / "decisions.toml").read_text(encoding="utf-8"))
    again = ReviewSession.start(api.open_workspace(ws), api.changelog(ws, "素案", "案"))
    assert again.order()[-1].id == first.id and first.id not in {r.id for r in again.pending()}


def test_a_row_only_gone_through_is_counted_as_seen_not_as_unchanged(ws: Path) -> None:
    from revtool.render.review_prompt import review_outcome

    session = ReviewSession.start(api.open_workspace(ws), api.changelog(ws, "素案", "案"))
    row = session.pending()[0]
    commits = int(git(ws, "rev-list", "--count", "HEAD"))
    assert session.decide(row.id, session.actions(row, answer_kind("n"))) == []
    assert int(git(ws, "rev-list", "--count", "HEAD")) == commits + 1  # the mark is committed
    assert (session.saved, session.seen) == (0, 1)
    assert "変更していません" not in review_outcome(session.saved, session.seen)
    assert "確認済みの印を 1 行" in review_outcome(0, 1) and review_outcome(0, 0) == "decisions.toml は変更していません。"
    assert review_outcome(2, 0) == "decisions.toml に 2 件の判断を保存しました。"


def test_answers_become_checked_actions(ws: Path) -> None:
    result = api.changelog(ws, "素案", "案")
    session = ReviewSession.start(api.open_workspace(ws), result)
    row = session.order()[0]
    assert answer_kind("?") == "skip" and session.actions(row, "skip") == []
    assert session.actions(row, "link", "") == []  # empty: cancelled
    assert session.actions(row, "summary", row.summary) == []  # unchanged
    assert session.actions(row, "cause", "internal") == [Action("cause", row.id, "internal")]
    assert "C99" in session.check("link", row.id, "C99")
    assert session.check("cause", row.id, "内部:組織改正") == ""
    actions = parse_review_options(result, {"accept": ["all"]})
    assert {a.row for a in actions} >= {r.id for r in result.changelog.rows}


def test_demo_steps_run_every_stage_on_the_bundled_example(tmp_path: Path) -> None:
    drafts = Path(__file__).resolve().parents[1] / "drafts"
    steps = demo_steps(drafts, tmp_path / "ws", tmp_path / "out")
    commands = [args[0] if args[0] != "-C" else args[2] for _, args in steps]
    assert commands[0] == "init" and {"ingest", "diff", "changelog", "trace", "taisho"} <= set(commands)
    assert all(str(tmp_path / "out") in " ".join(a) for t, a in steps if "-o" in a)
