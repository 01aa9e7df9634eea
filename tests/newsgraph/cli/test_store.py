"""The store through the command line, and the SPARQL 1.1 endpoint (Oxigraph's server) tested
with a real HTTP client on loopback."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
COUNT = (
    "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newsgraph/ontology#Article> }"
)


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_add_again_reports_unchanged(store_dir: Path) -> None:
    result = newsgraph("add", "--store", str(store_dir), str(EXAMPLES / "merger.txt"))
    assert "unchanged 1" in result.stdout


def test_add_refuses_skips_or_replaces_another_article_under_a_stored_id(tmp_path: Path) -> None:
    """One article id, two texts: refused by default (exit 2, one line), kept or replaced
    on request; never left as 'unchanged' in silence."""
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text('{"id": "x", "text": "Jacinda Ardern spoke in Auckland."}\n')
    second.write_text('{"id": "x", "text": "Lionel Messi arrived in Miami."}\n')
    db = str(tmp_path / "db")
    assert newsgraph("add", "--store", db, str(first)).returncode == 0
    refused = newsgraph("add", "--store", db, str(second))
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"newsgraph: skipped: {second}:1: article id 'x' is already stored with another text; "
        "not added (on duplicate: skip keeps the stored one, replace replaces it)"
    ]
    skipped = newsgraph("add", "--store", db, str(second), "--on-duplicate", "skip")
    assert skipped.returncode == 0 and "kept 1 stored article" in skipped.stdout
    assert "skipped, the stored one is kept" in skipped.stderr
    replaced = newsgraph("add", "--store", db, str(second), "--on-duplicate", "replace")
    assert replaced.returncode == 0 and "replaced 1" in replaced.stdout, replaced.stderr
    labels = newsgraph(
        "query",
        "--store",
        db,
        "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l",
        "--format",
        "csv",
    ).stdout
    assert "Lionel Messi" in labels and "Jacinda Ardern" not in labels


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


@contextmanager
def serving(directory: Path, *extra: str) -> Iterator[tuple[str, int]]:
    """``newsgraph serve`` on a free loopback port, stopped (SIGTERM) when the block ends."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--store", str(directory)]
        + ["--port", str(port), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        if _wait_for(lambda: _count(base) is not None, 60) is None:
            process.kill()
            pytest.fail("the endpoint did not start: " + process.communicate(timeout=10)[1])
        yield base, port
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=20)


def oxigraph_children(directory: Path, port: int) -> list[str]:
    """Process ids of the Oxigraph servers that ``serving(directory)`` on ``port`` runs."""

    def pids(*pattern: str) -> list[str]:
        found = subprocess.run(["pgrep", *pattern], capture_output=True, text=True)
        return found.stdout.split()

    (serve,) = pids("-f", f"newsgraph serve --store {directory} --port {port}( |$)")
    return pids("-P", serve, "oxigraph")


def _count(base: str) -> int | None:
    try:
        response = httpx.get(
            f"{base}/query",
            params={"query": COUNT},
            headers={"Accept": "application/sparql-results+json"},
            timeout=5,
        )
    except httpx.TransportError:
        return None
    if response.status_code != 200:
        return None
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _wait_for(check, seconds: float):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    return None


@pytest.fixture(scope="module")
def endpoint(store_dir: Path):  # noqa: ANN201
    with serving(store_dir) as running:
        yield running


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


def test_a_read_only_server_follows_adds(store_dir: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    article = ROOT / "tests" / "fixtures" / "store" / "extra.txt"
    with serving(copy) as (base, _):
        assert _count(base) == 7
        result = newsgraph("add", "--store", str(copy), str(article))
        assert result.returncode == 0, result.stderr
        assert _wait_for(lambda: _count(base) == 8, 60)


def test_writable_server_takes_updates_and_keeps_others_out(
    store_dir: Path, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    insert = (
        "INSERT DATA { GRAPH <https://w3id.org/newsgraph/graph/manual> { "
        "<https://w3id.org/newsgraph/article/manual> a "
        "<https://w3id.org/newsgraph/ontology#Article> } }"
    )
    with serving(copy, "--writable") as (base, _):
        response = httpx.post(
            f"{base}/update",
            content=insert,
            headers={"Content-Type": "application/sparql-update"},
            timeout=10,
        )
        assert response.status_code in (200, 204), response.text
        assert _count(base) == 8
        query = newsgraph("query", "--store", str(copy), COUNT)
        assert query.returncode != 0 and query.stderr.count("\n") == 1
        assert f"{base}/query" in query.stderr
        added = newsgraph("add", "--store", str(copy), str(EXAMPLES / "merger.txt"), "--replace")
        assert added.returncode != 0 and "another newsgraph process" in added.stderr
    result = newsgraph("query", "--store", str(copy), COUNT, "--format", "csv")
    assert result.stdout.splitlines() == ["n", "8"]


def test_serve_refuses_a_store_written_by_another_oxigraph_version(tmp_path: Path) -> None:
    from graph import store
    from graph.endpoint import check_versions
    from graph.errors import StoreError

    directory = tmp_path / "db"
    (directory / "gen-000001").mkdir(parents=True)
    pointer = {"format": store.FORMAT, "current": "gen-000001", "generation": 1}
    (directory / store.POINTER).write_text(json.dumps({**pointer, "pyoxigraph": "0.4.11"}))
    with pytest.raises(StoreError, match="pyoxigraph 0.4.11 but the oxigraph server is 0.5"):
        check_versions(directory)
    (directory / store.POINTER).write_text(json.dumps(pointer))
    assert check_versions(directory).startswith("0.5.")


def test_no_endpoint_outlives_a_killed_serve(store_dir: Path) -> None:
    import signal

    with serving(store_dir) as (base, port):
        server = oxigraph_children(store_dir, port)
        assert len(server) == 1
        parent = int(Path(f"/proc/{server[0]}/stat").read_text().split()[3])
        os.kill(parent, signal.SIGKILL)
        assert _wait_for(lambda: _count(base) is None, 20)
        assert _wait_for(lambda: not Path(f"/proc/{server[0]}").exists(), 20)
