"""GraphML for yEd, Gephi and Cytoscape desktop (networkx writer, scalar attributes)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from exports.flat import flat_graph


@exporters.register("graphml", suffix=".graphml")
def graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as tmp:
        nx.write_graphml(flat_graph(graph), tmp, encoding="utf-8", named_key_ids=True)
