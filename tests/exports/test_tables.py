"""The graph as tables: every edge is one relation row and one statement row with the IRIs
the RDF export gives it, every node one entity row. The graph is made by hand
(tests/records.py), so these tests do not move when the extractors improve."""

from __future__ import annotations

import sys
from dataclasses import replace

import networkx as nx
import pytest
from rdflib import RDF, URIRef

from exports.rdf import to_graph
from exports.tables import (
    ENTITY_COLUMNS,
    RELATION_COLUMNS,
    STATEMENT_COLUMNS,
    entity_rows,
    relation_rows,
    statement_rows,
    to_dataframe,
)
from graph.errors import ExportError
from graph.kg import add_article, new_graph
from tests.records import coalition_article

OSLO_IRI = "https://www.geonames.org/3143244"


@pytest.fixture(scope="module")
def pandas():  # noqa: ANN201
    return pytest.importorskip("pandas")  # the [dataframe] extra; .ci/run installs it


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    """The coalition article, its reported relation said by Norway, Oslo linked to GeoNames,
    and a second article repeating it (so one entity is in two articles)."""
    g = new_graph()
    for article_id in ("a1", "a2"):
        resolved = coalition_article(article_id)
        relations = tuple(
            replace(r, speaker="Country/norway") if r.stance.value == "reported" else r
            for r in resolved.relations
        )
        add_article(g, replace(resolved, relations=relations))
    g.nodes["Place/oslo"]["links"] = [
        {"target": OSLO_IRI, "method": "geonames-city", "score": 0.9, "article": a}
        for a in ("a1", "a2")
    ]
    return g


def test_one_relation_row_per_edge_with_labels_and_evidence(graph) -> None:  # noqa: ANN001
    rows = relation_rows(graph)
    assert len(rows) == graph.number_of_edges() == 8
    by_key = {row["statement"]: row for row in rows}
    for u, v, key, data in graph.edges(keys=True, data=True):
        row = by_key[key]
        assert (row["subject"], row["object"]) == (u, v)
        assert row["subject_label"] == graph.nodes[u]["label"]
        assert row["object_label"] == graph.nodes[v]["label"]
        assert row["subject_type"] == graph.nodes[u]["type"]
        for column in ("predicate", "stance", "extractor", "confidence", "article", "sentence"):
            assert row[column] == data[column]
        assert (row["sentence_start"], row["start"], row["end"]) == (
            data["sentence_start"],
            data["start"],
            data["end"],
        )
    finland = next(r for r in rows if r["subject_label"] == "Finland" and r["article"] == "a1")
    assert (finland["predicate"], finland["predicate_label"], finland["stance"]) == (
        "memberOf",
        "member of",
        "negated",
    )
    reported = [r for r in rows if r["stance"] == "reported"]
    assert {(r["speaker"], r["speaker_label"]) for r in reported} == {("Country/norway", "Norway")}
    assert all(r["speaker"] is None for r in rows if r["stance"] != "reported")


def test_statement_rows_name_the_iris_the_rdf_export_writes(graph) -> None:  # noqa: ANN001
    rdf = to_graph(graph)
    rows = statement_rows(graph)
    assert len(rows) == graph.number_of_edges()
    for row in rows:
        statement = URIRef(row["statement"])
        triple = URIRef(row["subject"]), URIRef(row["predicate"]), URIRef(row["object"])
        assert (statement, RDF.subject, triple[0]) in rdf
        assert (statement, RDF.predicate, triple[1]) in rdf
        assert (statement, RDF.object, triple[2]) in rdf
        assert row["bare_triple"] == (triple in rdf)
        assert row["graph"].endswith("/graph/" + row["article"].rsplit("/", 1)[-1])
    bare = {r["stance"] for r in rows if r["bare_triple"]}
    assert bare == {"asserted"}  # proposed, negated and reported facts stay statements


def test_one_entity_row_per_node(graph) -> None:  # noqa: ANN001
    rows = {row["key"]: row for row in entity_rows(graph)}
    assert set(rows) == set(graph.nodes)
    norway = rows["Country/norway"]
    assert (norway["label"], norway["type"], norway["aliases"]) == ("Norway", "Country", ["Norge"])
    assert norway["articles"] == ["a1", "a2"] and norway["mentions"] == 2
    assert norway["iri"] == "https://w3id.org/newsgraph/entity/country/norway"
    assert rows["Place/oslo"]["links"] == [OSLO_IRI]  # one target, linked in two articles
    assert rows["Country/sweden"]["links"] == []


@pytest.mark.parametrize(
    ("what", "columns", "count"),
    [
        ("relations", RELATION_COLUMNS, "edges"),
        ("statements", STATEMENT_COLUMNS, "edges"),
        ("entities", ENTITY_COLUMNS, "nodes"),
    ],
)
def test_dataframes_hold_the_rows(pandas, graph, what, columns, count) -> None:  # noqa: ANN001
    frame = to_dataframe(graph, what)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(columns)
    expected = graph.number_of_edges() if count == "edges" else graph.number_of_nodes()
    assert len(frame) == expected
    empty = to_dataframe(new_graph(), what)
    assert list(empty.columns) == list(columns) and len(empty) == 0


def test_dataframe_of_relations_can_be_filtered_like_any_frame(pandas, graph) -> None:  # noqa: ANN001
    frame = to_dataframe(graph)
    members = frame[(frame.predicate == "memberOf") & (frame.article == "a1")]
    assert sorted(zip(members.subject_label, members.stance, strict=True)) == [
        ("Finland", "negated"),
        ("Norway", "asserted"),
        ("Sweden", "proposed"),
    ]


def test_unknown_table_and_missing_pandas_say_what_to_do(graph, monkeypatch) -> None:  # noqa: ANN001
    with pytest.raises(ValueError, match="relations, statements, entities"):
        to_dataframe(graph, "edges")
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ExportError, match=r"newsgraph\[dataframe\]"):
        to_dataframe(graph)
    assert len(relation_rows(graph)) == 8  # the rows need no pandas
