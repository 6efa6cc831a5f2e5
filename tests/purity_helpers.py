"""What a revtool module imports and calls, for the tests that keep the core pure
(docs/ARCHITECTURE.md §3: no files, git, clock or printing)."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path


def _tree(module: str) -> ast.Module:
    path = importlib.import_module(module).__file__
    assert path is not None, module
    return ast.parse(Path(path).read_text(encoding="utf-8"))


def imported_modules(module: str) -> set[str]:
    """Top-level names of what ``module`` (e.g. ``revtool.compare.diff``) imports: every
    import statement of its source, at any depth, and every module bound in its
    namespace."""
    names: set[str] = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    mod = importlib.import_module(module)
    names.update(v.__name__.split(".")[0] for v in vars(mod).values() if isinstance(v, type(sys)))
    return names


def calls_open(module: str) -> bool:
    """Whether the source of ``module`` calls the built-in ``open``."""
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open"
               for node in ast.walk(_tree(module)))
