"""GraphML, GEXF and Cytoscape JSON: read back with networkx's readers, same nodes, edges
and attributes as the graph that was written."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from exports import export
from exports.flat import SEPARATOR, scalar
from graph.kg import add_article, new_graph
from tests.records import coalition_article


@pytest.fixture(scope="module")
def graph():  # noqa: ANN201
    """Two articles, plus the optional attributes kg.py and link.py document: entity links
    (records), an ISO code, a date value and a speaker."""
    g = new_graph()
    add_article(g, coalition_article("a1"))
    add_article(g, coalition_article("a2"))
    norway = g.nodes["Country/norway"]
    norway["iso3166"] = "NO"
    norway["links"] = [
        {
            "target": "https://sws.geonames.org/3144096/",
            "method": "gazetteer",
            "score": 1.0,
            "article": "a1",
        }
    ]
    g.add_node(
        "Date/2024",
        label="2024",
        type="Date",
        aliases=[],
        mentions=1,
        articles=["a1"],
        article_mentions={"a1": 1},
        date_value="2024",
    )
    *_, key, data = next(iter(g.edges(keys=True, data=True)))
    data["speaker"] = "Country/norway"
    return g


def _check_same(original: nx.MultiDiGraph, read: nx.MultiDiGraph, flat: bool) -> None:
    """Every node and edge attribute read back equals the one written (flattened by
    exports.flat.scalar for the formats that need it)."""
    same = scalar if flat else (lambda value: value)
    assert set(read.nodes) == set(original.nodes)
    assert read.number_of_edges() == original.number_of_edges()
    for node, data in original.nodes(data=True):
        got = read.nodes[node]
        for name, value in data.items():
            assert got[name] == same(value), (node, name)
    original_edges = {k: (u, v, d) for u, v, k, d in original.edges(keys=True, data=True)}
    seen = set()
    for u, v, k, d in read.edges(keys=True, data=True):
        key = d.get("id", k)
        seen.add(key)
        ou, ov, od = original_edges[key]
        assert (u, v) == (ou, ov)
        for name, value in od.items():
            assert d[name] == same(value), (key, name)
    assert seen == set(original_edges)


def test_scalar_flattening() -> None:
    assert scalar(["Norge", "Noreg"]) == "Norge" + SEPARATOR + "Noreg"
    assert json.loads(scalar({"a2": 1, "a1": 3})) == {"a1": 3, "a2": 1}
    assert scalar(None) == "" and scalar(0.9) == 0.9 and scalar(True) is True
    links = [{"target": "https://sws.geonames.org/3144096/", "method": "gazetteer", "score": 1.0}]
    assert json.loads(scalar(links)) == links


def test_graphml_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "graphml", tmp_path / "g.graphml")
    read = nx.read_graphml(path, force_multigraph=True)
    _check_same(graph, read, flat=True)
    wikidata = {d["predicate"]: d["wikidata"] for *_, d in read.edges(data=True)}
    assert wikidata["memberOf"] == "P463"


def test_gexf_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "gexf", tmp_path / "g.gexf")
    read = nx.read_gexf(path)
    assert isinstance(read, nx.MultiDiGraph)
    _check_same(graph, read, flat=True)


def test_cytoscape_round_trip(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "cytoscape", tmp_path / "g.cyjs")
    data = json.loads(path.read_text("utf-8"))
    assert {"nodes", "edges"} <= set(data["elements"])
    read = nx.cytoscape_graph(data)
    _check_same(graph, read, flat=False)
    labels = {e["data"]["label"] for e in data["elements"]["edges"]}
    assert "member of" in labels


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_mixed_number_types_and_control_characters_read_back(name: str, tmp_path) -> None:  # noqa: ANN001
    """Whole and decimal quantities in one batch used to declare one attribute twice."""
    g = new_graph()
    add_article(g, coalition_article("a1"))
    keys = list(g.nodes)
    g.nodes[keys[0]]["numeric_value"] = 3
    g.nodes[keys[1]]["numeric_value"] = 2.5
    g.nodes[keys[2]]["numeric_value"] = "about 40"
    g.nodes[keys[3]]["numeric_value"] = 7
    g.nodes[keys[3]]["label"] = "Bell\x07 Corp"
    path = export(g, name, tmp_path / f"g.{name}")
    back = nx.read_graphml(path) if name == "graphml" else nx.read_gexf(path)
    values = {back.nodes[k].get("numeric_value") for k in keys[:4]}
    assert values == {"3", "2.5", "about 40", "7"}
    assert back.nodes[keys[3]]["label"] == "Bell Corp"


def test_ints_beside_floats_become_floats_in_graphml(tmp_path) -> None:  # noqa: ANN001
    g = new_graph()
    add_article(g, coalition_article("a1"))
    first, second = list(g.nodes)[:2]
    g.nodes[first]["numeric_value"] = 3
    g.nodes[second]["numeric_value"] = 2.5
    back = nx.read_graphml(export(g, "graphml", tmp_path / "g.graphml"))
    assert back.nodes[first]["numeric_value"] == 3.0
    assert back.nodes[second]["numeric_value"] == 2.5
