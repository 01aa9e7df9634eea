"""Cytoscape.js JSON (``{"elements": {"nodes": [...], "edges": [...]}}``), the format
Cytoscape desktop and cytoscape.js read; lists stay lists."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from graph.vocab import relation_schema


def cytoscape_data(graph: nx.MultiDiGraph) -> dict:
    """networkx's cytoscape_data, with edge ids, predicate labels and Wikidata ids added."""
    data = nx.cytoscape_data(graph)
    schema = relation_schema()
    edges = list(graph.edges(keys=True))
    for element, (_, _, key) in zip(data["elements"]["edges"], edges, strict=True):
        element["data"]["id"] = key
        relation = schema.get(element["data"]["predicate"])
        element["data"]["label"] = relation.label if relation else element["data"]["predicate"]
        element["data"]["wikidata"] = relation.wikidata if relation else None
    for element in data["elements"]["nodes"]:
        element["data"]["name"] = element["data"]["label"]
    return data


@exporters.register("cytoscape", suffix=".cyjs")
def cytoscape(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(cytoscape_data(graph), ensure_ascii=False, indent=1), "utf-8")
