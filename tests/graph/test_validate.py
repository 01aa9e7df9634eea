"""SHACL: what newsgraph exports conforms to its shapes, and a broken graph is caught."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from graph.validate import validate_file, validate_graph
from graph.vocab import NG


def test_seed_exports_conform(seed_export) -> None:  # noqa: ANN001
    for name in ("graph.ttl", "graph.nq"):
        report = validate_file(seed_export / name)
        assert report.conforms, report.text


def test_example_articles_conform(tmp_path) -> None:  # noqa: ANN001
    from exports import export
    from graph import build
    from tests.conftest import EXAMPLES

    export(build([EXAMPLES]), "turtle", tmp_path / "graph.ttl")
    report = validate_file(tmp_path / "graph.ttl")
    assert report.conforms, report.text


def test_broken_graph_is_caught(seed_export) -> None:  # noqa: ANN001
    graph = Graph().parse(seed_export / "graph.ttl")
    statement = next(graph.subjects(predicate=NG.stance))
    graph.add((statement, NG.stance, NG.Asserted))
    graph.add((statement, NG.stance, NG.Negated))
    person = next(graph.subjects(predicate=RDFS.label, object=Literal("Emmanuel Macron")))
    graph.add((person, RDFS.label, Literal("Another label")))
    graph.set((statement, NG.confidence, Literal(1.5)))
    report = validate_graph(graph)
    assert not report.conforms
    assert report.violations >= 3
