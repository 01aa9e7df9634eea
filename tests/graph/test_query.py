"""SPARQL over a graph file (graph/query.py): the project's prefixes, error positions on the
user's own text, and every result format for every kind of query."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.query import prefix_header, render, run

PERSON = ox.NamedNode("https://w3id.org/newsgraph/entity/person/ada-lovelace")


@pytest.fixture()
def store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode("https://w3id.org/newsgraph/graph/a1")
    store.add(
        ox.Quad(
            PERSON,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("Ada Lovelace"),
            graph,
        )
    )
    store.add(
        ox.Quad(
            PERSON,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("https://w3id.org/newsgraph/ontology#Person"),
            graph,
        )
    )
    return store


def test_the_project_prefixes_need_no_declaration(store: ox.Store) -> None:
    result = run(store, "SELECT ?n WHERE { ?p a ng:Person ; rdfs:label ?n }")
    assert [s["n"].value for s in result] == ["Ada Lovelace"]


def test_a_prefix_the_query_declares_is_its_own(store: ox.Store) -> None:
    header = prefix_header("PREFIX ng: <http://other.example/>\nSELECT * {}")
    assert "ng:" not in header and "rdfs:" in header
    assert "\n" not in header
    result = run(store, "PREFIX ng: <http://other.example/>\nASK { ?p a ng:Person }")
    assert bool(result) is False


@pytest.mark.parametrize(
    "sparql, line",
    [("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER( \n}", "line 5"), ("SELEKT ?x", "line 1")],
)
def test_a_syntax_error_names_the_line_of_the_query_itself(
    store: ox.Store, sparql: str, line: str
) -> None:
    with pytest.raises(QueryError) as error:
        run(store, sparql)
    assert f"error at {line}," in str(error.value)


def test_an_error_on_the_first_line_has_its_own_column(store: ox.Store) -> None:
    with pytest.raises(QueryError) as error:
        run(store, "SELECT ?s WHERE { ?s ?p ?o . FILTER( }")
    column = int(str(error.value).split("column ")[1].split(":")[0])
    assert column <= len("SELECT ?s WHERE { ?s ?p ?o . FILTER( }") + 1


CONSTRUCT = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p rdfs:label ?n }"


def test_construct_in_csv_has_a_row_per_triple(store: ox.Store) -> None:
    lines = render(run(store, CONSTRUCT), "csv").splitlines()
    assert lines[0] == "subject,predicate,object"
    assert lines[1] == f"{PERSON.value},http://www.w3.org/2000/01/rdf-schema#label,Ada Lovelace"


def test_construct_in_json_is_json_ld(store: ox.Store) -> None:
    data = json.loads(render(run(store, CONSTRUCT), "json"))
    assert data[0]["@id"] == PERSON.value


def test_construct_as_a_table_is_n_triples(store: ox.Store) -> None:
    assert render(run(store, CONSTRUCT), "table").endswith('"Ada Lovelace" .')


def test_ask_answers_in_the_format_asked(store: ox.Store) -> None:
    assert json.loads(render(run(store, "ASK { ?s ?p ?o }"), "json")) == {
        "head": {},
        "boolean": True,
    }
    assert render(run(store, "ASK { ?s ?p 1 }"), "csv") == "false"


def test_an_unknown_format_is_refused_for_every_kind_of_query(store: ox.Store) -> None:
    for sparql in (CONSTRUCT, "ASK {}", "SELECT * {}"):
        with pytest.raises(QueryError, match="unknown result format 'yaml'"):
            render(run(store, sparql), "yaml")
