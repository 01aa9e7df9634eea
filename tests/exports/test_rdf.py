"""RDF exports: every format parses back (rdflib, pyoxigraph, and Debian's rapper for
Turtle), one named graph per article, and only asserted relations become direct triples."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from exports import export, exporters, suffix
from graph.kg import add_article, new_graph
from graph.query import load_file, select
from tests.records import coalition_article

RDF_FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld"]
RDFLIB_FORMAT = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}


@pytest.fixture(scope="module")
def two_article_graph():  # noqa: ANN201
    graph = new_graph()
    add_article(graph, coalition_article("a1"))
    add_article(graph, coalition_article("a2"))
    return graph


@pytest.fixture(scope="module")
def written(two_article_graph, tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    out = tmp_path_factory.mktemp("rdf")
    return {
        name: export(two_article_graph, name, out / f"graph{suffix(name)}") for name in RDF_FORMATS
    }


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_format_parses_back_with_rdflib_and_pyoxigraph(written, name: str) -> None:  # noqa: ANN001
    path = written[name]
    if name in {"nquads", "trig"}:
        parsed = rdflib.Dataset()
        parsed.parse(path, format=RDFLIB_FORMAT[name])
        count = len(list(parsed.quads((None, None, None, None))))
    else:
        count = len(rdflib.Graph().parse(path, format=RDFLIB_FORMAT[name]))
    assert count > 50
    store = load_file(path)
    assert len(store) > 50


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils is not installed")
def test_turtle_parses_with_rapper(written) -> None:  # noqa: ANN001
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(written["turtle"])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "returned" in result.stderr and "triples" in result.stderr


def test_nquads_has_one_named_graph_per_article(written) -> None:  # noqa: ANN001
    store = ox.Store()
    store.bulk_load(path=str(written["nquads"]), format=ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {
        "https://w3id.org/newsgraph/graph/a1",
        "https://w3id.org/newsgraph/graph/a2",
        "https://w3id.org/newsgraph/entities",
    }


def test_only_asserted_relations_are_direct_triples(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    members = select(store, "SELECT DISTINCT ?l WHERE { ?x ng:memberOf ?a ; rdfs:label ?l }")
    assert [r[0] for r in members.rows] == ["Norway"]
    located = select(store, "SELECT ?x WHERE { ?x ng:locatedIn ?y }")
    assert located.rows == ()
    stances = select(
        store,
        """SELECT DISTINCT ?l ?stance WHERE {
        ?s rdf:subject ?x ; rdf:predicate ng:memberOf ; ng:stance ?stance . ?x rdfs:label ?l }""",
    )
    assert set(stances.rows) == {
        ("Norway", "ng:Asserted"),
        ("Sweden", "ng:Proposed"),
        ("Finland", "ng:Negated"),
    }


def test_evidence_is_reachable_and_offsets_slice_the_sentence(written) -> None:  # noqa: ANN001
    store = load_file(written["nquads"])
    table = select(
        store,
        """SELECT ?sentence ?start ?end ?extractor ?confidence ?article WHERE {
        ?s a ng:Statement ; rdf:predicate ng:memberOf ; ng:sentence ?sentence ;
           ng:startOffset ?start ; ng:endOffset ?end ; ng:extractor ?e ;
           ng:confidence ?confidence ; prov:wasDerivedFrom ?article . ?e rdfs:label ?extractor }""",
    )
    assert len(table.rows) == 6  # three memberships in each of two articles
    for sentence, start, end, extractor, confidence, article in table.rows:
        assert sentence[int(start) : int(end)]
        assert extractor == "test" and float(confidence) == 0.9
        assert article in {"art:a1", "art:a2"}


def test_entities_have_one_label_and_alt_labels(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    labels = select(store, "SELECT ?e (COUNT(?l) AS ?n) WHERE { ?e rdfs:label ?l } GROUP BY ?e")
    assert labels.rows and all(n == "1" for _, n in labels.rows)
    alt = select(store, 'SELECT ?a WHERE { ?e rdfs:label "Norway" ; skos:altLabel ?a }')
    assert alt.rows == (("Norge",),)
    types = select(store, 'SELECT ?t WHERE { ?e rdfs:label "Norway" ; a ?t }')
    assert {"ng:Country", "schema:Country"} <= {t for (t,) in types.rows}


def test_mention_count_sums_over_articles(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    counts = select(store, 'SELECT ?n WHERE { ?e rdfs:label "Norway" ; ng:mentionCount ?n }')
    assert counts.rows == (("2",),)


def test_unknown_format_is_an_export_error(two_article_graph, tmp_path) -> None:  # noqa: ANN001
    from graph.errors import ExportError

    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export(two_article_graph, "xml", tmp_path / "g.xml")
    assert "turtle" in exporters.names()


def test_failed_write_leaves_no_partial_file(two_article_graph, tmp_path) -> None:  # noqa: ANN001
    target = tmp_path / "graph.ttl"
    target.write_text("previous content")

    class Broken(dict):
        def items(self):  # noqa: ANN202
            raise RuntimeError("interrupted")

    graph = two_article_graph.copy()
    graph.graph["articles"] = Broken()
    with pytest.raises(RuntimeError):
        export(graph, "turtle", target)
    assert target.read_text() == "previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
