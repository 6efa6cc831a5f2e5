"""The layers of docs/ARCHITECTURE.md §3, checked on every module's imports
(at any depth, lazy imports included): the core imports no git, typer, rich or
python-docx and no edge module; render imports no stage that computes; nothing
but the CLI itself imports the CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "revtool"

CORE = (
    "revtool.normalize", "revtool.text_chars", "revtool.model", "revtool.errors", "revtool.pages", "revtool.compare", "revtool.changes", "revtool.views",
    "revtool.extract.outline", "revtool.extract.base", "revtool.comments.refs", "revtool.comments.resolve",
    "revtool.comments.classify", "revtool.comments.table", "revtool.comments.page_reading", "revtool.comments.resolution",
    "revtool.workspace.paths", "revtool.workspace.log_entry",
)
UI_AND_IO = ("git", "typer", "rich", "docx", "openpyxl", "pdfplumber", "pypdfium2")
EDGES = (
    "revtool.workspace.store", "revtool.workspace.atomic_repo", "revtool.workspace.history", "revtool.workspace.lock",
    "revtool.workspace.serialize", "revtool.pipeline", "revtool.api", "revtool.cli", "revtool.render", "revtool.extract.docx", "revtool.extract.pdf",
    "revtool.comments.readers", "revtool.comments.read_",
)
COMPUTING_STAGES = (
    "revtool.compare", "revtool.extract", "revtool.workspace.store", "revtool.workspace.atomic_repo", "revtool.workspace.history",
    "revtool.workspace.lock", "revtool.workspace.serialize", "revtool.pipeline", "revtool.api", "revtool.cli",
)


def _modules() -> dict[str, set[str]]:
    """Every module of the package -> the dotted names it imports (``from a import b`` gives a and a.b)."""
    out: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        out[name] = names
    return out


MODULES = _modules()


def _in(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") or (p.endswith("_") and module.startswith(p)) for p in prefixes)


def _violations(selected: tuple[str, ...], forbidden: tuple[str, ...], third_party: tuple[str, ...] = ()) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for module, names in MODULES.items() if _in(module, selected)
        for name in names
        if _in(name, forbidden) or name.split(".")[0] in third_party
    )


def test_the_module_list_is_real() -> None:
    assert {"revtool.compare.diff", "revtool.render.registry", "revtool.cli", "revtool.api"} <= set(MODULES)
    assert "revtool.compare.chardiff" in MODULES["revtool.compare.diff"]


def test_core_imports_no_ui_io_library_and_no_edge_module() -> None:
    assert _violations(CORE, EDGES, UI_AND_IO) == []


def test_the_computing_stages_import_nothing_of_the_workspace_package() -> None:
    """compare/, changes/ and views/ take values, never the workspace: a file name a core module
    reads (decisions.toml) is its own constant, which workspace/paths.py re-exports."""
    assert _violations(("revtool.compare", "revtool.changes", "revtool.views"), ("revtool.workspace",)) == []


def test_render_imports_no_stage_that_computes() -> None:
    assert _violations(("revtool.render",), COMPUTING_STAGES, ("git",)) == []


def test_nothing_imports_the_cli() -> None:
    got = sorted(f"{module} imports {name}" for module, names in MODULES.items()
                 if not _in(module, ("revtool.cli", "revtool.__main__"))
                 for name in names if _in(name, ("revtool.cli",)))
    assert got == []


def test_pipeline_takes_no_type_from_render() -> None:
    assert not {n for n in MODULES["revtool.pipeline"] if n.startswith("revtool.render")}


@pytest.mark.parametrize("module", ["revtool.render.trace_view", "revtool.views.taisho", "revtool.render.registry"])
def test_importing_a_view_does_not_load_git(module: str) -> None:
    got = subprocess.run([sys.executable, "-c", f"import sys, {module}; print('git' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert got.stdout.strip() == "False"


def test_the_cli_stays_thin() -> None:
    """issue 14: the command line parses, calls the API, renders; its size says when logic creeps back."""
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in (PACKAGE / "cli").glob("*.py"))
    assert lines < 800, f"revtool/cli/ has {lines} lines: move what is not parsing or printing to api.py or render/"


def test_render_takes_no_type_from_the_review_session() -> None:
    """The interactive prompt says what it needs of a review (``review_prompt.Review``);
    the session, which commits, is the one that depends (no arrow up from render)."""
    assert _violations(("revtool.render",), ("revtool.review_session",)) == []
