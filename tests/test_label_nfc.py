"""NFC and NFD spellings of one version label are one version (issue 16, item 10)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from tests.test_faults import an_docx, env, git, revtool, ws  # noqa: F401

NFC = "ガイドライン案"
NFD = unicodedata.normalize("NFD", NFC)


def test_nfd_and_nfc_labels_name_one_version(ws: Path, tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    assert NFC != NFD
    an = an_docx(tmp_path)
    done = revtool(ws, env, "ingest", str(an), "--version", NFD)
    assert done.returncode == 0, done.stderr
    again = revtool(ws, env, "ingest", str(an), "--version", NFC)
    assert again.returncode == 0, again.stderr
    assert "取り込み済み" in again.stdout
    tags = [t for t in git(ws, "tag", "--list").splitlines() if t.startswith("revtool/")]
    assert sorted(tags) == sorted(["revtool/素案", "revtool/" + NFC])
    for label in (NFC, NFD):
        shown = revtool(ws, env, "show", label, "--format", "json")
        assert shown.returncode == 0, shown.stderr
        assert "区の基本となる計画" in shown.stdout
    config = (ws / "revtool.toml").read_text(encoding="utf-8")
    assert NFD not in config and NFC in config
    done = revtool(ws, env, "changelog", "素案", NFD, "-f", "json", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new"]["version"] == NFC
