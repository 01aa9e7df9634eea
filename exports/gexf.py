"""GEXF for Gephi (networkx writer, scalar attributes)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from exports.flat import flat_graph


@exporters.register("gexf", suffix=".gexf")
def gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = flat_graph(graph)
    for _, data in flat.nodes(data=True):
        data["name"] = data["label"]  # Gephi shows a node's "label" attribute as its name
    with atomic_path(path) as tmp:
        nx.write_gexf(flat, tmp, encoding="utf-8")
