"""Run a function right after a module is first imported, by whoever imports it.

The command line localizes typer's help and error screens (``typer.rich_utils``,
which loads rich's markdown, markdown-it and pygments) and rich's prompts; typer
imports those modules only when it shows one, and with this hook so do we
(issue 15: ``revtool versions`` or ``trace`` never load them).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs each of ``then`` (in order) right after ``name`` is first imported, by anyone."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.then: list[Callable[[ModuleType], None]] = []

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)  # once, and not for the lookup below
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader, then = spec.loader, self.then

        class _Then(importlib.abc.Loader):
            def create_module(self, s: importlib.machinery.ModuleSpec) -> ModuleType | None:
                return loader.create_module(s)

            def exec_module(self, module: ModuleType) -> None:
                loader.exec_module(module)  # type: ignore[union-attr]
                for step in then:
                    step(module)

        spec.loader = _Then()
        return spec


def after_import(name: str, then: Callable[[ModuleType], None]) -> None:
    """``then(module)`` now if ``name`` is loaded, else right after its first import."""
    if name in sys.modules:
        then(sys.modules[name])
        return
    hook = next((f for f in sys.meta_path if isinstance(f, _AfterImport) and f.name == name), None)
    if hook is None:
        hook = _AfterImport(name)
        sys.meta_path.insert(0, hook)
    if then not in hook.then:
        hook.then.append(then)
