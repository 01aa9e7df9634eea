"""``newsgraph query`` over graph files, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.newsgraph.cli.helpers import EXAMPLES, newsgraph


def test_query_prints_a_table_csv_and_json(built: Path) -> None:
    sparql = "SELECT DISTINCT ?l WHERE { ?p a ng:Person ; rdfs:label ?l } ORDER BY ?l"
    table = newsgraph("query", str(built / "graph.ttl"), sparql)
    assert table.returncode == 0, table.stderr
    assert "William Ruto" in table.stdout and "row" in table.stdout.splitlines()[-1]
    csv = newsgraph("query", str(built / "graph.nq"), sparql, "--format", "csv")
    assert csv.stdout.splitlines()[0] == "l" and "William Ruto" in csv.stdout
    data = json.loads(
        newsgraph("query", str(built / "graph.nq"), sparql, "--format", "json").stdout
    )
    names = {b["l"]["value"] for b in data["results"]["bindings"]}
    assert "William Ruto" in names


def test_query_reads_sparql_from_a_file(built: Path, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?x ng:capitalOf ?y }")
    result = newsgraph("query", str(built / "graph.ttl"), f"@{query}")
    assert result.stdout.strip() == "true"


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "missing.ttl", "SELECT * WHERE { ?s ?p ?o }"], "missing.ttl: no such file"),
        (["query", "README.md", "SELECT * WHERE { ?s ?p ?o }"], "unknown RDF file type"),
    ],
)
def test_query_errors_are_one_line_and_nonzero(
    args: list[str], message: str, tmp_path: Path
) -> None:
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = newsgraph(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_bad_sparql_is_one_line(built: Path) -> None:
    result = newsgraph("query", str(built / "graph.ttl"), "SELEKT ?x WHERE")
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "bad SPARQL" in result.stderr


def test_query_on_a_file_that_is_not_rdf_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is <not turtle")
    result = newsgraph("query", str(broken), "ASK { ?s ?p ?o }")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.ttl" in lines[0] and "not valid" in lines[0]


@pytest.mark.parametrize(
    "query", sorted(p.name for p in (EXAMPLES / "queries").glob("*.rq")) or ["none"]
)
def test_example_queries_answer_on_the_seed(query: str, seed_export: Path) -> None:
    """The README's questions (examples/queries/*.rq) run and find something in the seed."""
    result = newsgraph("query", str(seed_export / "graph.nq"), f"@examples/queries/{query}")
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.endswith(("row)", "rows)")) and last != "(0 rows)", result.stdout
