"""The accuracy runners default to the HELD-OUT seeds: a flag they do not know
(``--help``, a typo) must stop them before anything is generated or run."""

from __future__ import annotations

import pytest

from benchmarks import accuracy, blind2_accuracy, blind3_accuracy, blind4_accuracy, blind_accuracy


@pytest.mark.parametrize("runner", [accuracy, blind_accuracy, blind2_accuracy, blind3_accuracy, blind4_accuracy])
def test_help_prints_the_usage_and_runs_nothing(runner, capsys, monkeypatch) -> None:
    monkeypatch.setattr(runner, "run_case", lambda *a, **k: pytest.fail("a plan was run"), raising=False)
    assert runner.main(["--help"]) == 0
    assert "python -m benchmarks" in capsys.readouterr().out


@pytest.mark.parametrize("runner", [accuracy, blind_accuracy, blind2_accuracy, blind3_accuracy, blind4_accuracy])
def test_an_unknown_flag_is_refused(runner, capsys) -> None:
    assert runner.main(["--tunning"]) == 2
    assert "--tunning" in capsys.readouterr().err
