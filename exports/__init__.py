"""Exporters: one module per output format, registered by name with a file suffix.

An exporter is ``(graph: networkx.MultiDiGraph, path: Path) -> None``. Modules are imported
only when their format is asked for, so listing formats does not import rdflib or spaCy.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from graph.errors import ExportError
from graph.registry import Registry

Exporter = Callable[[nx.MultiDiGraph, Path], None]

exporters: Registry[Exporter] = Registry("export format", ExportError)

# name -> (module, suffix): declared here so the CLI can list formats without importing.
_LAZY = {
    "turtle": ("exports.rdf", ".ttl"),
    "ntriples": ("exports.rdf", ".nt"),
    "nquads": ("exports.rdf", ".nq"),
    "trig": ("exports.rdf", ".trig"),
    "jsonld": ("exports.rdf", ".jsonld"),
    "graphml": ("exports.graphml", ".graphml"),
    "gexf": ("exports.gexf", ".gexf"),
    "cytoscape": ("exports.cytoscape", ".cyjs"),
    "html": ("exports.html", ".html"),
    "svg": ("exports.static", ".svg"),
    "png": ("exports.static", ".png"),
}
for _name, (_module, _suffix) in _LAZY.items():
    exporters.register_lazy(_name, f"{_module}:{_name}", suffix=_suffix)


def suffix(name: str) -> str:
    return exporters.meta(name)["suffix"]


def export(graph: nx.MultiDiGraph, name: str, path: Path) -> Path:
    """Write ``graph`` in format ``name`` to ``path``."""
    exporters.get(name)(graph, path)
    return path


VIEW_FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".png": "png"}
"""A picture's suffix -> its exporter: the interactive view, or a static SVG/PNG."""


def view_format(path: Path) -> str:
    """The exporter a picture's suffix asks for (VIEW_FORMATS), or an ExportError."""
    fmt = VIEW_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(VIEW_FORMATS))
        raise ExportError(f"{path}: cannot tell the view format (use {known})")
    return fmt


def view(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Draw ``graph`` to ``path``, the format picked by its suffix (VIEW_FORMATS)."""
    return export(graph, view_format(path), path)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it only if writing succeeds, so an
    interrupted export never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
