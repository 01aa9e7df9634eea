"""The SHACL shapes (graph/schema/shapes.ttl): a graph built from hand-made records
conforms, and breaking it in any one way is caught by the constraint meant for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD

from exports.rdf import to_graph
from graph.kg import add_article, new_graph
from graph.model import Coreference, ResolvedArticle
from graph.validate import shapes_text, validate_graph
from graph.vocab import NG, PROV, SCHEMA, entity_iri, entity_key
from tests.records import coalition_article, mention


@pytest.fixture(scope="module")
def valid() -> Graph:
    resolved = coalition_article("a1")
    norway = next(e for e in resolved.entities if e.label == "Norway")
    body = resolved.article.text
    pronoun = mention("a1", "Sweden", body, norway.type)  # stands in for a pronoun span
    with_coref = ResolvedArticle(
        resolved.article,
        resolved.entities,
        resolved.relations,
        (Coreference(pronoun, norway.key, "test"),),
    )
    kg = new_graph()
    add_article(kg, with_coref)
    add_article(kg, coalition_article("a2"))
    return to_graph(kg)


def _results(graph: Graph) -> tuple[bool, set[tuple[str, str]]]:
    """Whether ``graph`` conforms, and the (path, constraint) pairs of its violations."""
    from pyshacl import validate

    shapes = Graph().parse(data=shapes_text(), format="turtle")
    conforms, report, _ = validate(graph, shacl_graph=shapes, inference="none")
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        component = report.value(result, SH.sourceConstraintComponent)
        found.add((_local(path), _local(component)))
    return bool(conforms), found


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1] if term is not None else ""


def test_valid_graph_conforms(valid: Graph) -> None:
    conforms, found = _results(valid)
    assert conforms, found
    assert validate_graph(valid).conforms


NORWAY = entity_iri(entity_key("Country", "Norway"))


def _statement(graph: Graph, stance: URIRef = NG.Asserted) -> URIRef:
    return next(s for s in graph.subjects(NG.stance, stance))


def _coref(graph: Graph) -> URIRef:
    return next(graph.subjects(RDF.type, NG.Coreference))


def _set(node_of: Callable[[Graph], URIRef], path: URIRef, value: object) -> Callable:
    def change(graph: Graph) -> None:
        graph.set((node_of(graph), path, value))

    return change


def _add(node_of: Callable[[Graph], URIRef], path: URIRef, value: object) -> Callable:
    def change(graph: Graph) -> None:
        graph.add((node_of(graph), path, value))

    return change


def _drop(node_of: Callable[[Graph], URIRef], path: URIRef) -> Callable:
    def change(graph: Graph) -> None:
        graph.remove((node_of(graph), path, None))

    return change


def _swap_offsets(graph: Graph) -> None:
    statement = _statement(graph)
    start = graph.value(statement, NG.startOffset)
    end = graph.value(statement, NG.endOffset)
    graph.set((statement, NG.startOffset, end))
    graph.set((statement, NG.endOffset, start))


def _untyped_subject(graph: Graph) -> None:
    graph.set((_statement(graph), RDF.subject, URIRef("https://example.org/nobody")))


norway = lambda g: NORWAY  # noqa: E731

BREAKS = [
    ("two labels", _add(norway, RDFS.label, Literal("Kingdom of Norway")), "label", "MaxCount"),
    ("no label", _drop(norway, RDFS.label), "label", "MinCount"),
    ("no ng class", lambda g: g.remove((NORWAY, RDF.type, NG.Country)), "type", "Qualified"),
    ("two ng classes", _add(norway, RDF.type, NG.Person), "type", "Qualified"),
    (
        "tagged alt label",
        _add(norway, SKOS.altLabel, Literal("Noreg", lang="nn")),
        "altLabel",
        "Datatype",
    ),
    ("IRI alt label", _add(norway, SKOS.altLabel, SCHEMA.Norway), "altLabel", "Datatype"),
    ("zero mentions", _set(norway, NG.mentionCount, Literal(0)), "mentionCount", "MinInclusive"),
    ("two stances", _add(_statement, NG.stance, NG.Negated), "stance", "MaxCount"),
    ("no stance", _drop(_statement, NG.stance), "stance", "MinCount"),
    ("unknown stance", _set(_statement, NG.stance, NG.Maybe), "stance", "In"),
    ("no sentence", _drop(_statement, NG.sentence), "sentence", "MinCount"),
    ("no subject", _drop(_statement, RDF.subject), "subject", "MinCount"),
    ("untyped subject", _untyped_subject, "subject", "Node"),
    ("literal object", _set(_statement, RDF.object, Literal("Norway")), "object", "NodeKind"),
    ("foreign predicate", _set(_statement, RDF.predicate, SCHEMA.knows), "predicate", "Pattern"),
    ("string offset", _set(_statement, NG.startOffset, Literal("3")), "startOffset", "Datatype"),
    ("start after end", _swap_offsets, "startOffset", "LessThan"),
    (
        "sentence after start",
        _set(_statement, NG.sentenceStart, Literal(10**6)),
        "sentenceStart",
        "LessThanOrEquals",
    ),
    (
        "confidence above 1",
        _set(_statement, NG.confidence, Literal("1.5", datatype=XSD.decimal)),
        "confidence",
        "MaxInclusive",
    ),
    (
        "negative confidence",
        _set(_statement, NG.confidence, Literal("-0.1", datatype=XSD.decimal)),
        "confidence",
        "MinInclusive",
    ),
    ("float confidence", _set(_statement, NG.confidence, Literal(0.5)), "confidence", "Datatype"),
    ("no extractor", _drop(_statement, NG.extractor), "extractor", "MinCount"),
    (
        "source not an article",
        _set(_statement, PROV.wasDerivedFrom, NORWAY),
        "wasDerivedFrom",
        "Class",
    ),
    ("no source", _drop(_statement, PROV.wasDerivedFrom), "wasDerivedFrom", "MinCount"),
    ("speaker not an entity", _add(_statement, NG.speaker, SCHEMA.Somebody), "speaker", "Node"),
    ("coreference to nothing", _set(_coref, NG.refersTo, SCHEMA.Nothing), "refersTo", "Node"),
    (
        "coreference offsets",
        _set(_coref, NG.startOffset, Literal(10**6)),
        "startOffset",
        "LessThan",
    ),
]


@pytest.mark.parametrize(
    "change, path, component", [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS]
)
def test_each_break_is_caught_by_its_constraint(
    valid: Graph, change: Callable[[Graph], None], path: str, component: str
) -> None:
    broken = Graph()
    for triple in valid:
        broken.add(triple)
    change(broken)
    assert len(broken) != len(valid) or set(broken) != set(valid)
    conforms, found = _results(broken)
    assert not conforms
    assert any(p == path and component in c for p, c in found), found


def test_example_nquads_conform(tmp_path) -> None:  # noqa: ANN001
    """The N-Quads of the examples (union of all named graphs) conform too."""
    from exports import export
    from graph import build
    from graph.validate import validate_file
    from tests.conftest import EXAMPLES

    path = export(build([EXAMPLES]), "nquads", tmp_path / "graph.nq")
    report = validate_file(path)
    assert report.conforms, report.text
