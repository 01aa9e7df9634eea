"""The command line end to end, as a user runs it (subprocesses, real files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def newsgraph(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:  # noqa: ANN001
    out = tmp_path_factory.mktemp("built")
    result = newsgraph("build", str(EXAMPLES), "-o", str(out), "-f", "jsonld")
    assert result.returncode == 0, result.stderr
    assert "articles: 7" in result.stdout
    assert "entities:" in result.stdout and "relations:" in result.stdout
    return out


def test_build_writes_turtle_nquads_and_extra_formats(built: Path) -> None:
    assert {p.name for p in built.iterdir()} >= {"graph.ttl", "graph.nq", "graph.jsonld"}


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


def test_stdin_article(tmp_path: Path) -> None:
    text = "Spanish Prime Minister Pedro Sanchez met Moroccan officials in Rabat, Morocco."
    result = newsgraph("build", "-", "-o", str(tmp_path), stdin=text)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "graph.ttl").stat().st_size > 0


def test_one_bad_file_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    result = newsgraph(
        "build",
        str(FIXTURES / "oslo.txt"),
        str(FIXTURES / "latin.txt"),
        str(tmp_path / "nope.txt"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "latin.txt" in errors[0] and "not UTF-8" in errors[0]
    assert "nope.txt" in errors[1] and "no such file" in errors[1]
    assert "articles: 1" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "missing-file.txt", "-o", "OUT"], "missing-file.txt: no such file"),
        (["build", "tests/fixtures/ingest/empty.txt", "-o", "OUT"], "empty.txt: file is empty"),
        (["build", "examples", "-o", "OUT", "-f", "xml"], "unknown export format 'xml'"),
        (["query", "missing.ttl", "SELECT * WHERE { ?s ?p ?o }"], "missing.ttl: no such file"),
        (["query", "README.md", "SELECT * WHERE { ?s ?p ?o }"], "unknown RDF file type"),
    ],
)
def test_errors_are_one_line_and_nonzero(args: list[str], message: str, tmp_path: Path) -> None:
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


def test_query_does_not_import_spacy(built: Path) -> None:
    code = (
        "import sys; from graph.cli import main; "
        f"main(['query', {str(built / 'graph.ttl')!r}, 'ASK {{ ?s ?p ?o }}']); "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
