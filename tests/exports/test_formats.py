"""GraphML, GEXF and Cytoscape JSON: read back with networkx's readers, same nodes, edges
and attributes as the graph that was written."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from exports import export
from exports.flat import SEPARATOR
from graph.kg import add_article, new_graph
from tests.records import coalition_article


@pytest.fixture(scope="module")
def graph():  # noqa: ANN201
    g = new_graph()
    add_article(g, coalition_article("a1"))
    add_article(g, coalition_article("a2"))
    return g


def _check_same(original: nx.MultiDiGraph, read: nx.MultiDiGraph) -> None:
    assert set(read.nodes) == set(original.nodes)
    assert read.number_of_edges() == original.number_of_edges()
    for node, data in original.nodes(data=True):
        got = read.nodes[node]
        assert got["label"] == data["label"] and got["type"] == data["type"]
        assert int(got["mentions"]) == data["mentions"]
        aliases = got["aliases"]
        aliases = (
            aliases if isinstance(aliases, list) else [a for a in aliases.split(SEPARATOR) if a]
        )
        assert aliases == data["aliases"]
    original_edges = {k: (u, v, d) for u, v, k, d in original.edges(keys=True, data=True)}
    for u, v, k, d in read.edges(keys=True, data=True):
        key = d.get("id", k)
        ou, ov, od = original_edges[key]
        assert (u, v) == (ou, ov)
        for name in ("predicate", "stance", "article", "sentence", "extractor"):
            assert d[name] == od[name]
        assert float(d["confidence"]) == od["confidence"]
        assert int(d["start"]) == od["start"] and int(d["end"]) == od["end"]


def test_graphml_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "graphml", tmp_path / "g.graphml")
    read = nx.read_graphml(path, force_multigraph=True)
    _check_same(graph, read)
    wikidata = {d["predicate"]: d["wikidata"] for *_, d in read.edges(data=True)}
    assert wikidata["memberOf"] == "P463"


def test_gexf_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "gexf", tmp_path / "g.gexf")
    read = nx.read_gexf(path)
    assert isinstance(read, nx.MultiDiGraph)
    _check_same(graph, read)


def test_cytoscape_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "cytoscape", tmp_path / "g.cyjs")
    data = json.loads(path.read_text("utf-8"))
    assert {"nodes", "edges"} <= set(data["elements"])
    read = nx.cytoscape_graph(data)
    _check_same(graph, read)
    labels = {e["data"]["label"] for e in data["elements"]["edges"]}
    assert "member of" in labels
