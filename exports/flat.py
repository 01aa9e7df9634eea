"""Graph tools' formats (GraphML, GEXF) take only scalar attributes: lists of names become
text joined by " | " (readable in Gephi's data table), dicts and lists of records become JSON
text and None becomes "", in one place for every such exporter."""

from __future__ import annotations

import json

import networkx as nx

from graph.vocab import relation_schema

SEPARATOR = " | "


def scalar(value: object) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)) and all(
        isinstance(v, (str, int, float)) for v in value
    ):
        return SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (list, tuple, dict)):  # records, e.g. a node's entity links
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node and edge attributes are all scalars, with each edge's predicate
    label and Wikidata property added so desktop tools can show them."""
    schema = relation_schema()
    flat = nx.MultiDiGraph()
    for key, data in graph.nodes(data=True):
        flat.add_node(key, **{k: scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: scalar(val) for k, val in data.items()}
        relation = schema.get(data["predicate"])
        attrs["label"] = relation.label if relation else data["predicate"]
        attrs["wikidata"] = scalar(relation.wikidata if relation else None)
        attrs["id"] = key  # GEXF readers key edges by their id attribute
        flat.add_edge(u, v, key=key, **attrs)
    return flat
