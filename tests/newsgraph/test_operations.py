"""The CLI's operations from Python (newsgraph/operations.py): query, validate, write, view,
evaluate, train_relations; and every CLI command has its API counterpart."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

import newsgraph
from graph.errors import ExportError, InputError, QueryError
from newsgraph.cli import commands
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TEXT = (
    "Kenyan President William Ruto visited Nairobi. "
    "Ghana will not join the trade bloc, President John Mahama said."
)
COUNTRIES = "SELECT DISTINCT ?l WHERE { ?c a ng:Country ; rdfs:label ?l } ORDER BY ?l"

API = {
    "build": (newsgraph.build, newsgraph.write),
    "query": (newsgraph.query,),
    "validate": (newsgraph.validate,),
    "add": (Store.add,),
    "remove": (Store.remove,),
    "export": (Store.export,),
    "serve": (Store.serve,),
    "view": (newsgraph.view,),
    "eval": (newsgraph.evaluate,),
    "train": (newsgraph.train_relations,),
}
"""Each command of the CLI -> the API functions that do what it does."""


def test_every_cli_command_has_an_api_function() -> None:
    assert {command.name for command in commands()} == set(API)
    for functions in API.values():
        assert all(callable(f) and f.__doc__ for f in functions)


@pytest.fixture(scope="module")
def kg():  # noqa: ANN201
    return newsgraph.build_text(TEXT, date="2024-05-01")


@pytest.fixture(scope="module")
def written(kg, tmp_path_factory) -> Path:  # noqa: ANN001
    out = tmp_path_factory.mktemp("written") / "out"
    paths = newsgraph.write(kg, out, ["jsonld", "turtle"])
    assert paths == [out / "graph.ttl", out / "graph.nq", out / "graph.jsonld"]
    return out


def test_write_is_a_build_output_folder(written: Path, tmp_path: Path, kg) -> None:  # noqa: ANN001
    assert sorted(p.name for p in written.iterdir()) == ["graph.jsonld", "graph.nq", "graph.ttl"]
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        newsgraph.write(kg, tmp_path / "o", ["xml"])
    assert not (tmp_path / "o").exists()  # refused before anything was written


def test_query_a_graph_a_file_and_a_pyoxigraph_store_alike(kg, written: Path) -> None:  # noqa: ANN001
    from_graph = [row["l"].value for row in newsgraph.query(kg, COUNTRIES)]
    assert from_graph == ["Ghana", "Kenya"]
    for path in (written / "graph.nq", str(written / "graph.ttl")):
        assert [row["l"].value for row in newsgraph.query(path, COUNTRIES)] == from_graph
    store = ox.Store()
    store.load(path=str(written / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert [row["l"].value for row in newsgraph.query(store, COUNTRIES)] == from_graph


def test_query_formats_as_the_cli_prints(written: Path) -> None:
    assert newsgraph.query(written / "graph.nq", COUNTRIES, format="csv").split() == [
        "l",
        "Ghana",
        "Kenya",
    ]
    table = newsgraph.query(written / "graph.nq", COUNTRIES, format="table")
    assert table.splitlines()[-1] == "(2 rows)"
    assert newsgraph.query(written / "graph.nq", "ASK { ?s ng:memberOf ?o }") is not None
    with pytest.raises(QueryError, match="bad SPARQL"):
        newsgraph.query(written / "graph.nq", "SELEKT ?x")
    with pytest.raises(InputError, match="no such file"):
        newsgraph.query(written / "missing.ttl", COUNTRIES)


def test_validate_a_file_and_a_graph(kg, written: Path) -> None:  # noqa: ANN001
    for source in (written / "graph.ttl", str(written / "graph.nq"), kg, newsgraph.to_rdflib(kg)):
        report = newsgraph.validate(source)
        assert report.conforms and report.violations == 0, report.text


def test_validate_finds_a_broken_statement(kg) -> None:  # noqa: ANN001
    rdf = newsgraph.to_rdflib(kg)
    ng = rdflib.Namespace("https://w3id.org/newsgraph/ontology#")
    statement = next(rdf.subjects(rdflib.RDF.type, ng.Statement))
    rdf.remove((statement, ng.stance, None))
    report = newsgraph.validate(rdf)
    assert not report.conforms and report.violations >= 1


def test_view_draws_a_graph_or_a_file(kg, written: Path, tmp_path: Path) -> None:  # noqa: ANN001
    page = newsgraph.view(kg, tmp_path / "kg.html")
    assert "William Ruto" in page.read_text("utf-8")
    from_file = newsgraph.view(written / "graph.nq", tmp_path / "file.html")
    assert "John Mahama" in from_file.read_text("utf-8")
    with pytest.raises(ExportError, match="cannot tell the view format"):
        newsgraph.view(written / "missing.nq", tmp_path / "view.pdf")


def test_evaluate_scores_the_shipped_fixtures() -> None:
    conll04 = newsgraph.evaluate("conll04", FIXTURES / "conll04_mini.json")
    assert conll04["system"] == "newsgraph" and 0 <= conll04["relations"]["f1"] <= 1
    news = newsgraph.evaluate("news", FIXTURES / "news_gold" / "mini.jsonl", errors=True)
    assert news["articles"] == 2 and 0 < news["facts"]["p"] <= 1
    assert {a["id"] for a in news["errors"]} <= {"mini-fisheries-talks", "mini-striker-move"}
    with pytest.raises(InputError, match="unknown evaluation data set 'squad'"):
        newsgraph.evaluate("squad", FIXTURES / "conll04_mini.json")


def test_train_relations_checks_its_inputs_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="training file not found"):
        newsgraph.train_relations([tmp_path / "none.json"], None, tmp_path / "m.json.gz")
    with pytest.raises(InputError, match="must be in"):
        newsgraph.train_relations(
            [FIXTURES / "redocred_mini.json"], None, tmp_path / "m.json.gz", min_precision=1.5
        )
    assert not (tmp_path / "m.json.gz").exists()
