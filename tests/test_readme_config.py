"""Every revtool.toml example in the README parses and takes effect (issue 16 item 9)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from revtool.changes.summary import SummaryStyle
from revtool.comments.classify import build_rules
from revtool.compare.editorial_config import EditorialRules

README = Path(__file__).resolve().parents[1] / "README.md"


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_readme_has_toml_examples_once() -> None:
    blocks = _toml_blocks()
    assert blocks and len(blocks) == len(set(blocks))
    assert len(README.read_text(encoding="utf-8").splitlines()) < 2000  # no text pasted between every character


def test_every_toml_example_parses_and_takes_effect() -> None:
    for block in _toml_blocks():
        config = tomllib.loads(block)
        if "editorial" in config:
            rules = EditorialRules.from_config(config["editorial"])
            for group in config["editorial"].get("variants", []):
                assert tuple(group) in rules.variants
            for word in config["editorial"].get("filler_words", []):
                assert word in rules.filler_words
            for word in config["editorial"].get("connective_words", []):
                assert word in rules.connective_words
            for word in config["editorial"].get("binding_connectives", []):
                assert word in rules.binding_connectives
        if "summary" in config:
            assert SummaryStyle.from_config(config["summary"]).comment_lead == config["summary"].get("comment_lead", "")
        if "answers" in config:
            assert build_rules(config["answers"])
