"""The eighteenth blind family's generator: deterministic, its truth consistent with its documents."""

import json
import unicodedata
from pathlib import Path

from benchmarks import blind18_family as fam
from benchmarks.blind18_family import FORMATS, all_text, generate, write_plan


def _k(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def test_deterministic(tmp_path: Path) -> None:
    a, b = write_plan(generate(20001), tmp_path / "a"), write_plan(generate(20001), tmp_path / "b")
    assert a["expected"].read_bytes() == b["expected"].read_bytes()
    assert a["soan_pdf"].read_bytes() == b["soan_pdf"].read_bytes()


def test_formats_spread_over_both_sets() -> None:
    for i in range(3):
        assert {FORMATS[s][i] for s in fam.BLIND18_TUNING_SEEDS} == {FORMATS[s][i] for s in fam.BLIND18_SEEDS}


def test_truth_consistent(tmp_path: Path) -> None:
    plan = generate(20002)
    files = write_plan(plan, tmp_path)
    exp = json.loads(files["expected"].read_text(encoding="utf-8"))
    assert 12 <= len(exp["rows"]) <= 16
    text = _k(all_text(plan.an) + all_text(plan.soan))
    ids = {c["id"] for c in exp["comments"]}
    for r in exp["rows"]:
        assert r["an_pages"], r
        for m in r["must_mention"]:
            assert _k(m) in text, (r["id"], m)
        assert set(r["cause"]["comment_ids"]) <= ids
        if r["cause"]["type"] == "comment":
            assert r["cause"]["comment_ids"]
    for e in exp["editorial"]:
        assert e["before"] != e["after"]
    assert 400 <= plan.opinions_total <= 1500
