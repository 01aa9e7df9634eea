"""A graph in a notebook: ``newsgraph.show(graph)`` displays the interactive HTML view.

``build`` returns a plain networkx MultiDiGraph, which cannot be given display methods, so
``show`` wraps it: Jupyter calls ``_repr_html_`` and gets the page ``newsgraph view`` writes
(exports/html.py), in a sandboxed iframe so its script and styles stay apart from the
notebook's; a console gets the build summary from ``repr``.
"""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx


class GraphView:
    """A graph with a notebook display; the graph itself is ``.graph``."""

    def __init__(self, graph: nx.MultiDiGraph, title: str | None = None, height: int = 600):
        self.graph = graph
        self.title = title
        self.height = height

    def page(self) -> str:
        """The whole self-contained HTML page of the view."""
        from exports.html import render, view_title

        return render(self.graph, self.title or view_title(self.graph))

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page(), quote=True)}" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd" '
            'sandbox="allow-scripts allow-popups"></iframe>'
        )

    def __repr__(self) -> str:
        from graph.kg import summary

        return "newsgraph graph\n" + summary(self.graph)

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (what ``newsgraph build --view`` writes as graph.html)."""
        from exports import atomic_path

        path = Path(path)
        with atomic_path(path) as tmp:
            tmp.write_text(self.page(), "utf-8")
        return path


def show(graph: nx.MultiDiGraph, title: str | None = None, height: int = 600) -> GraphView:
    """The graph with a notebook display: the last expression of a cell draws it."""
    return GraphView(graph, title=title, height=height)
