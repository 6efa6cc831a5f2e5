"""The extension points are registries: document readers, renderers, commands.
A new format is one module plus one registry line; a misspelt entry fails loudly."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from revtool import extract
from revtool.errors import InputFileError
from revtool.render import registry


@pytest.fixture
def markdown_reader():  # type: ignore[no-untyped-def]
    from tests.toy_markdown_reader import READER

    before = list(extract.READERS)
    extract.register_reader(READER)  # the one registry line
    yield READER
    extract.READERS[:] = before


def test_a_toy_markdown_reader_is_one_module_and_one_registry_line(markdown_reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from revtool import api

    plan = tmp_path / "plan.md"
    plan.write_text("# 第1章 総論\n計画の目的を定める。\n## 1. 背景\n人口が減少している。\n", encoding="utf-8")
    assert extract.sniff_format(plan) == "md"
    doc = extract.extract(plan)
    assert [p for p, _ in doc.walk()] == [("第1章 総論",), ("第1章 総論", "1. 背景")]
    assert doc.walk()[1][1].blocks[0].text == "人口が減少している。"
    ws = api.init(tmp_path / "ws")
    got = api.ingest(ws, plan, "素案")
    assert got.created and got.document is not None and got.document.source is not None
    assert got.document.source.format == "md"
    assert [s.heading for s in api.load(ws, "素案").sections] == ["第1章 総論"]


def test_without_the_reader_the_format_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# 第1章\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="plan.md: 対応していない形式です（.md）。DOCX または PDF"):
        extract.sniff_format(plan)


def test_a_misspelt_reader_fails_when_registered() -> None:
    from revtool.extract.readers import DOCX, DocumentReader

    with pytest.raises(ImportError, match="revtool.extract.readerz"):
        extract.register_reader(DocumentReader("odt", (".odt",), DOCX.check, "revtool.extract.readerz:read_odt"))
    assert [r.format for r in extract.READERS] == ["docx", "pdf"]


def test_every_renderer_in_the_registry_resolves() -> None:
    for (kind, fmt), target in registry.RENDERERS.items():
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), (kind, fmt)


def test_a_misspelt_renderer_fails_when_registered() -> None:
    with pytest.raises(ImportError):
        registry.register("changelog", "pptx", "revtool.render.changelog_pptz:render_file")
    assert "pptx" not in registry.formats("changelog")


def test_every_command_module_is_imported_and_shows_in_help() -> None:
    from revtool.cli import app

    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert names == {"demo", "init", "ingest", "versions", "show", "diff", "comments", "changelog",
                     "trace", "blame", "review", "taisho"}


def test_a_misspelt_command_module_fails_at_import() -> None:
    source = (Path(__file__).resolve().parents[1] / "revtool" / "cli" / "__init__.py").read_text(encoding="utf-8")
    assert "from revtool.cli import taisho_cmd" in source
    assert "except ModuleNotFoundError" not in source  # nothing swallows a missing command module
    with pytest.raises(ImportError):
        exec("from revtool.cli import taisho_cmnd", {})


def test_a_comment_table_format_is_one_reader_and_one_registry_line(tmp_path: Path) -> None:
    import json

    from revtool.comments import read_comment_table
    from revtool.comments import readers
    from revtool.comments.table import Grid

    def read_json(path: Path, data: bytes) -> list[Grid]:
        rows = json.loads(data.decode("utf-8"))
        return [Grid(tuple(tuple(r) for r in rows), name=path.name)]

    table = tmp_path / "bessi1.json"
    table.write_text(json.dumps([["素案該当箇所", "主な意見", "区の考え方"],
                                 ["第2章 1.", "目標値の根拠を示してほしい。", "ご意見を踏まえ、根拠を追記しました。"]],
                                ensure_ascii=False), encoding="utf-8")
    before = list(readers.READERS)
    readers.READERS.append(readers.TableReader("json", lambda head: head.data.lstrip().startswith(b"["), read_json))
    try:
        (row,) = read_comment_table(table)
    finally:
        readers.READERS[:] = before
    assert (row.row, row.ref, row.opinion) == (1, "第2章 1.", "目標値の根拠を示してほしい。")
