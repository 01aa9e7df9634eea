"""Reading an exported RDF file back gives the same networkx graph that was written."""

from __future__ import annotations

import pytest

from exports import export
from exports.rdf_read import read_graph


@pytest.mark.parametrize(
    "name, suffix", [("turtle", ".ttl"), ("nquads", ".nq"), ("jsonld", ".jsonld")]
)
def test_round_trip_of_the_seed_graph(seed_graph, tmp_path, name, suffix) -> None:  # noqa: ANN001
    path = export(seed_graph, name, tmp_path / f"graph{suffix}")
    read = read_graph(path)
    assert dict(read.nodes(data=True)) == dict(seed_graph.nodes(data=True))
    original = {k: (u, v, d) for u, v, k, d in seed_graph.edges(keys=True, data=True)}
    again = {k: (u, v, d) for u, v, k, d in read.edges(keys=True, data=True)}
    assert again == original
    assert read.graph["articles"].keys() == seed_graph.graph["articles"].keys()
    for article_id, info in seed_graph.graph["articles"].items():
        assert read.graph["articles"][article_id]["sha1"] == info["sha1"]
    assert len(read.graph["coreferences"]) == len(seed_graph.graph["coreferences"])
    facts = lambda g: sorted(tuple(sorted(f.items())) for f in g.graph.get("background", []))  # noqa: E731
    assert facts(read) == facts(seed_graph) != []
