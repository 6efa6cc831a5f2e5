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


def test_mixed_reads_the_soan_from_its_docx_and_the_an_from_its_pdf(tmp_path) -> None:
    from benchmarks.accuracy import mixed_versions

    soan, soan_pdf, an, an_pdf = (tmp_path / n for n in ("soan.docx", "soan.pdf", "an.docx", "an.pdf"))
    assert mixed_versions(soan, an, soan_pdf, an_pdf) == (soan, an_pdf, soan_pdf, None)
    # a 案 published as PDF only (its "DOCX" is its PDF): the same
    assert mixed_versions(soan, an_pdf, soan_pdf, an_pdf) == (soan, an_pdf, soan_pdf, None)
    # only the 案 has a DOCX: the reverse
    assert mixed_versions(soan_pdf, an, soan_pdf, an_pdf) == (soan_pdf, an, None, an_pdf)
    # no DOCX at all: nothing to mix
    assert mixed_versions(soan_pdf, an_pdf, soan_pdf, an_pdf) is None


def test_mixed_is_a_known_flag_of_every_runner(capsys) -> None:
    assert accuracy.main(["--mixed", "--tunning"]) == 2
    assert "--mixed" not in capsys.readouterr().err.split("unknown option(s):")[1].split("\n")[0]
