"""Name -> callable registries, so adding an extractor or exporter is one module and a decorator.

Entries may also be declared lazily as ``"package.module:attr"`` so that importing the
registry does not import heavy dependencies (``newsgraph query`` must not import spaCy).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from graph.errors import NewsgraphError

T = TypeVar("T")


class Registry(Generic[T]):
    """A named collection of plugins; values are registered objects or lazy import paths."""

    def __init__(self, kind: str, error: type[NewsgraphError] = NewsgraphError) -> None:
        self.kind = kind
        self._error = error
        self._entries: dict[str, T | str] = {}
        self._meta: dict[str, dict[str, Any]] = {}

    def register(self, name: str, **meta: Any) -> Callable[[T], T]:
        """Decorator registering ``obj`` under ``name`` with optional metadata."""

        def decorate(obj: T) -> T:
            self._entries[name] = obj
            self._meta.setdefault(name, {}).update(meta)
            return obj

        return decorate

    def register_lazy(self, name: str, target: str, **meta: Any) -> None:
        """Declare ``name`` as ``"module:attr"``; the module is imported on first use."""
        self._entries.setdefault(name, target)
        self._meta.setdefault(name, {}).update(meta)

    def get(self, name: str) -> T:
        try:
            entry = self._entries[name]
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "none"
            raise self._error(f"unknown {self.kind} {name!r} (known: {known})") from None
        if isinstance(entry, str):
            module_name, _, attr = entry.partition(":")
            module = importlib.import_module(module_name)
            # Importing the module normally registers the real object under the same name.
            resolved = self._entries.get(name)
            entry = resolved if not isinstance(resolved, str) else getattr(module, attr)
            self._entries[name] = entry
        return entry  # type: ignore[return-value]

    def meta(self, name: str) -> dict[str, Any]:
        self.get(name)
        return dict(self._meta.get(name, {}))

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())
