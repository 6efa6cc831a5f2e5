"""Dataclass fields read on first use (issue 15): a value kept in parts in the
workspace cache is handed out as an instance of its own class whose fields
are absent until a caller reads one; then ``load(name)`` gives it, once.

    result = lazy(PipelineResult, lambda name: parts.get(...))
    result.changelog  # loaded now, and kept on the instance

Equality, hashing, ``repr``, ``dataclasses.replace`` and pickling read every
field, so they see the whole value: a lazy instance is the value, only read
later. Pure: what a field is comes from ``load``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

_LOAD = "_load_field"  # the instance's loader, in its __dict__ (never a field)

_T = TypeVar("_T", bound="LazyFields")


class LazyFields:
    """Mixin of a frozen dataclass that ``lazy`` can make with its fields unread."""

    if not TYPE_CHECKING:  # for the type checker, every field is always there

        def __getattr__(self, name: str) -> Any:  # only called for an attribute not set yet
            load = self.__dict__.get(_LOAD)
            if load is None or name not in _field_names(type(self)):
                raise AttributeError(name)
            value = load(name)
            object.__setattr__(self, name, value)
            return value

    def __getstate__(self) -> dict[str, Any]:
        """Every field (read now if it was not), never the loader."""
        state = {k: v for k, v in self.__dict__.items() if k != _LOAD}
        for name in _field_names(type(self)):
            state[name] = getattr(self, name)
        return state

    def loaded(self, name: str) -> bool:
        """Whether the field ``name`` has been read (always, for an instance not made by ``lazy``)."""
        return name in self.__dict__ or _LOAD not in self.__dict__


class _Default:
    """A field's default on its class (where a dataclass keeps it), which would
    hide the field from ``__getattr__``: the default for an ordinary instance,
    the loaded value for a lazy one (kept on the instance, which wins after)."""

    def __init__(self, name: str, default: Any) -> None:
        self.name, self.default = name, default

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        load = None if obj is None else obj.__dict__.get(_LOAD)
        if load is None:
            return self.default
        value = load(self.name)
        object.__setattr__(obj, self.name, value)
        return value


def _field_names(cls: type) -> tuple[str, ...]:
    """The dataclass's field names; the first time, its fields' class-level
    defaults are wrapped (``_Default``) so that a lazy instance loads them too."""
    names = cls.__dict__.get("_lazy_field_names")
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        for name in names:
            if name in cls.__dict__ and not isinstance(cls.__dict__[name], _Default):
                setattr(cls, name, _Default(name, cls.__dict__[name]))
        setattr(cls, "_lazy_field_names", names)
    return names  # type: ignore[no-any-return]


def lazy(cls: type[_T], load: Callable[[str], Any]) -> _T:
    """An instance of ``cls`` whose fields ``load(name)`` gives on first read."""
    _field_names(cls)
    obj = object.__new__(cls)
    object.__setattr__(obj, _LOAD, load)
    return obj


def loader_of(obj: object) -> Any:
    """The loader of an instance made by ``lazy`` (None for any other)."""
    return getattr(obj, "__dict__", {}).get(_LOAD)
