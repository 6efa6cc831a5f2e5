"""Every TOML snippet in the README parses and takes effect; a TOML mistake names
the file, the line and the fix in Japanese (issue 16, item 9)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from revtool.comments.classify import build_rules
from revtool.compare.editorial_config import EditorialRules
from revtool.config import read_config, section
from revtool.errors import WorkspaceError
from revtool.model import ResponseType
from tests.workspace_helpers import run, workspace_with_soan

README = Path(__file__).resolve().parents[1] / "README.md"


def toml_snippets() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_has_toml_snippets_and_each_parses() -> None:
    snippets = toml_snippets()
    assert snippets
    for snippet in snippets:
        tomllib.loads(snippet)


def test_each_readme_table_takes_effect(tmp_path: Path) -> None:
    for snippet in toml_snippets():
        (tmp_path / "revtool.toml").write_text('plan = "テスト計画"\n\n' + snippet, encoding="utf-8")
        config = read_config(tmp_path)
        known = {"editorial", "answers", "summary", "plan", "versions"}
        assert set(config) <= known, set(config) - known
        if "editorial" in config:
            rules = EditorialRules.from_config(section(config, "editorial"))
            for group in config["editorial"].get("variants", []):
                assert tuple(group) in rules.variants
            assert set(config["editorial"].get("substantive_words", [])) <= set(rules.substantive_words)
            assert rules.disable == frozenset(config["editorial"].get("disable", []))
        if "summary" in config:
            from revtool.changes.summary import SummaryStyle

            lead = SummaryStyle.from_config(section(config, "summary")).comment_lead
            assert lead == config["summary"].get("comment_lead", "")
        if "answers" in config:
            rules = build_rules(section(config, "answers"))
            user = [(t.value, p.pattern) for t, p in rules.patterns[: sum(len(v) for v in config["answers"].values())]]
            assert user == [(k, p) for k, v in config["answers"].items() for p in v]
            assert {t.value for t, _ in rules.patterns} <= {t.value for t in ResponseType}


def test_the_readme_answers_table_classifies_an_import(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = workspace_with_soan(tmp_path)
    snippet = next(s for s in toml_snippets() if "[answers]" in s)
    config = ws / "revtool.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + snippet, encoding="utf-8")
    table = tmp_path / "iken.tsv"
    table.write_text("該当箇所\t意見の概要\t区の考え方\nP.1\t早く進めてほしい。\t現時点では見送ります。\n", encoding="utf-8")
    code, _, err = run(["-C", str(ws), "comments", "import", str(table)], capsys)
    assert code == 0, err
    code, out, _ = run(["-C", str(ws), "comments", "list", "--format", "json"], capsys)
    assert '"response_type": "不反映"' in out


@pytest.mark.parametrize(("text", "line", "fix"), [
    ('[answers]\n反映 = ["改定します"]\n', 2, '"反映" = [...]'),
    ('[answers\n"反映" = ["改定します"]\n', 1, "[answers]"),
    ('[editorial]\nvariants = [[及び, "および"]]\n', 2, '"…"'),
])
def test_toml_errors_name_the_file_the_line_and_the_fix(tmp_path: Path, text: str, line: int, fix: str) -> None:
    (tmp_path / "revtool.toml").write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as exc:
        read_config(tmp_path)
    assert exc.value.message.startswith(f"revtool.toml: {line} 行目")
    assert fix in exc.value.hint


def test_a_bad_config_is_one_line_on_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = workspace_with_soan(tmp_path)
    config = ws / "revtool.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[answers]\n反映 = ["改定します"]\n', encoding="utf-8")
    table = tmp_path / "iken.tsv"
    table.write_text("該当箇所\t意見の概要\t区の考え方\nP.1\t早く。\t見送ります。\n", encoding="utf-8")
    code, _, err = run(["-C", str(ws), "comments", "import", str(table)], capsys)
    assert code == 1 and "Traceback" not in err
    assert "revtool.toml: " in err and "行目" in err and '"反映"' in err
