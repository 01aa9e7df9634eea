"""Graph tools' formats (GraphML, GEXF) take only scalar attributes: lists of names become
text joined by " | " (readable in Gephi's data table), dicts and lists of records become JSON
text and None becomes "", in one place for every such exporter. Each attribute gets one
type over all nodes (and over all edges), because GraphML and GEXF declare a type per
attribute: a quantity of 3 beside one of 2.5 makes every value a double, a number beside
text makes every value text; characters XML 1.0 forbids are dropped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import networkx as nx

from graph.vocab import relation_schema

SEPARATOR = " | "
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def scalar(value: object) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)) and all(
        isinstance(v, (str, int, float)) for v in value
    ):
        return SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (list, tuple, dict)):  # records, e.g. a node's entity links
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("", value)
    if isinstance(value, (int, float, bool)):
        return value
    return XML_FORBIDDEN.sub("", str(value))


def _kind(value: object) -> str:
    return type(value).__name__


def unify_types(records: Iterable[dict]) -> None:
    """Give each attribute one type over all records, in place: ints beside floats become
    floats, any other mixture becomes text."""
    records = list(records)
    kinds: dict[str, set[str]] = {}
    for data in records:
        for k, v in data.items():
            kinds.setdefault(k, set()).add(_kind(v))
    for data in records:
        for k, v in data.items():
            found = kinds[k]
            if len(found) == 1:
                continue
            data[k] = float(v) if found == {"int", "float"} else str(v)


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
    unify_types(data for _, data in flat.nodes(data=True))
    unify_types(data for *_, data in flat.edges(keys=True, data=True))
    return flat
