"""The store through the command line, and the SPARQL 1.1 endpoint (Oxigraph's server) tested
with a real HTTP client on loopback."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COUNT = (
    "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newsgraph/ontology#Article> }"
)


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:  # noqa: ANN001
    directory = tmp_path_factory.mktemp("store")
    result = newsgraph("add", "--store", str(directory), str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    assert "added 7" in result.stdout
    return directory


def test_add_again_reports_unchanged(store_dir: Path) -> None:
    result = newsgraph("add", "--store", str(store_dir), str(EXAMPLES / "merger.txt"))
    assert "unchanged 1" in result.stdout


def test_query_and_export_from_the_store(store_dir: Path, tmp_path: Path) -> None:
    result = newsgraph("query", "--store", str(store_dir), COUNT, "--format", "csv")
    assert result.stdout.splitlines() == ["n", "7"]
    out = tmp_path / "dump.nq"
    assert (
        newsgraph(
            "export", "--store", str(store_dir), "--format", "nquads", "-o", str(out)
        ).returncode
        == 0
    )
    assert out.stat().st_size > 1000


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = newsgraph("query", "--store", str(tmp_path / "nope"), COUNT)
    assert (
        result.returncode != 0
        and result.stderr.count("\n") == 1
        and "no such store" in result.stderr
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(store_dir: Path):  # noqa: ANN201
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "serve",
            "--store",
            str(store_dir),
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the endpoint did not start: " + process.stderr.read())
    yield base, port
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize(
    "accept, parse",
    [
        (
            "application/sparql-results+json",
            lambda t: json.loads(t)["results"]["bindings"][0]["n"]["value"],
        ),
        ("text/csv", lambda t: list(csv.reader(io.StringIO(t)))[1][0]),
        ("text/tab-separated-values", lambda t: t.splitlines()[1].split("^^")[0].strip('"')),
        (
            "application/sparql-results+xml",
            lambda t: (
                ElementTree.fromstring(t)
                .find(".//{http://www.w3.org/2005/sparql-results#}literal")
                .text
            ),
        ),
    ],
)
def test_get_and_post_with_each_result_format(endpoint, accept: str, parse) -> None:  # noqa: ANN001
    base, _ = endpoint
    got = httpx.get(
        f"{base}/query", params={"query": COUNT}, headers={"Accept": accept}, timeout=10
    )
    posted = httpx.post(
        f"{base}/query", data={"query": COUNT}, headers={"Accept": accept}, timeout=10
    )
    assert got.status_code == posted.status_code == 200
    assert parse(got.text) == parse(posted.text) == "7"


def test_read_only_endpoint_refuses_updates(endpoint) -> None:  # noqa: ANN001
    base, _ = endpoint
    response = httpx.post(
        f"{base}/update", data={"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}, timeout=10
    )
    assert response.status_code >= 400


def test_serve_offers_the_view(endpoint) -> None:  # noqa: ANN001
    _, port = endpoint
    page = httpx.get(f"http://127.0.0.1:{port + 1}/", timeout=60)
    assert page.status_code == 200 and "vis.Network" in page.text and "7 articles" in page.text
