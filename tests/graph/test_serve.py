"""``newsgraph serve`` safe by default (graph/serve.py's guard in front of Oxigraph's server),
tested with a real HTTP client on loopback: no CORS, Host checked, SERVICE and LOAD refused,
cross-origin writes refused, a runaway query stopped with its core freed, a result limit."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest

from graph.serve import refusal
from tests.newsgraph.cli.test_store import COUNT, _count, oxigraph_children, serving

APP = "http://app.example:3000"
PRODUCT = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
CROSS = f"SELECT ?a WHERE {{ {PRODUCT} }} ORDER BY ?a"
"""A cross product Oxigraph's own --timeout-s does not stop (the sort runs on)."""


@pytest.mark.parametrize(
    "text, update",
    [
        ("SELECT * { SERVICE <http://127.0.0.1:22/> { ?s ?p ?o } }", False),
        ("select * { service silent ?x { ?s ?p ?o } }", False),
        ("SELECT * { SERVIC\\u0045 <http://x/> { ?s ?p ?o } }", False),
        ("# a comment\nASK{?s ?p ?o}SERVICE<http://a/>{?s ?p ?o}", False),
        ("SELECT * { ?s ?p ?o FILTER(?o<3) SERVICE <http://x/> {} }", False),
        ("LOAD <http://127.0.0.1:22/data.ttl>", True),
        ("load silent <http://x/> into graph <http://g/>", True),
        ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ],
)
def test_service_and_load_are_refused(text: str, update: bool) -> None:
    assert refusal(text, update)


@pytest.mark.parametrize(
    "text, update",
    [
        ('SELECT * { ?s <http://example.org/service> "SERVICE" }', False),
        ("SELECT ?service { ?service a ?type }", False),
        ("PREFIX service: <http://x/> SELECT * { ?s service:load ?o }", True),
        ("# SERVICE in a comment\nASK {}", False),
        ('ASK { ?s ?p "x"@service }', False),
        ("SELECT * { ?s :service ?o . _:load ?p ?o }", True),
        ('SELECT * { ?s ?p """SERVICE <http://x/> {}""" }', False),
        ("INSERT DATA { <a:b> <a:c> 'LOAD <http://x/>' }", True),
    ],
)
def test_the_words_elsewhere_are_not_refused(text: str, update: bool) -> None:
    assert refusal(text, update) is None


@pytest.fixture(scope="module")
def endpoint(store_dir: Path):  # noqa: ANN201
    """``newsgraph serve`` with its default options."""
    with serving(store_dir) as running:
        yield running


@pytest.fixture(scope="module")
def guarded(store_dir: Path):  # noqa: ANN201
    with serving(store_dir, "--timeout", "2", "--max-results", "100", "--cors", APP) as running:
        yield running


def _get(base: str, query: str, **headers: str) -> httpx.Response:
    headers.setdefault("Accept", "application/sparql-results+json")
    return httpx.get(f"{base}/query", params={"query": query}, headers=headers, timeout=30)


def test_no_cors_header_by_default(endpoint) -> None:  # noqa: ANN001
    base, _ = endpoint
    response = _get(base, COUNT, Origin="http://evil.example")
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = httpx.options(
        f"{base}/query",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 403 and "access-control-allow-origin" not in preflight.headers


def test_cors_only_for_the_origin_given(guarded) -> None:  # noqa: ANN001
    base, _ = guarded
    assert _get(base, COUNT, Origin=APP).headers["access-control-allow-origin"] == APP
    assert (
        "access-control-allow-origin" not in _get(base, COUNT, Origin="http://evil.example").headers
    )
    posted = httpx.post(f"{base}/query", data={"query": COUNT}, headers={"Origin": APP})
    assert posted.status_code == 200 and posted.headers["access-control-allow-origin"] == APP


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1:1", "rebind.example"])
def test_a_rebinding_host_is_refused(endpoint, host: str) -> None:  # noqa: ANN001
    base, port = endpoint
    response = _get(base, COUNT, Host=host.format(port=port))
    assert response.status_code == 421 and "Host" in response.text
    view = httpx.get(f"http://127.0.0.1:{port + 1}/", headers={"Host": host.format(port=port + 1)})
    assert view.status_code == 421
    assert _get(base, COUNT, Host=f"localhost:{port}").status_code == 200


def test_service_is_refused_at_the_endpoint(endpoint) -> None:  # noqa: ANN001
    base, _ = endpoint
    query = "SELECT * { SERVICE <http://127.0.0.1:22/sparql> { ?s ?p ?o } }"
    for response in (
        _get(base, query),
        httpx.post(f"{base}/query", data={"query": query}),
        httpx.post(
            f"{base}/query", content=query, headers={"Content-Type": "application/sparql-query"}
        ),
    ):
        assert response.status_code == 400 and "SERVICE is refused" in response.text


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}],
)
def test_cross_origin_posts_are_refused(endpoint, headers: dict) -> None:  # noqa: ANN001
    base, _ = endpoint
    with httpx.Client(timeout=30) as client:  # one connection: the refused body is not read
        response = client.post(f"{base}/query", data={"query": COUNT}, headers=headers)
        assert response.status_code == 403
        assert client.post(f"{base}/query", data={"query": COUNT}).status_code == 200


def test_writable_refuses_load_and_cross_origin_form_updates(
    store_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    insert = (
        "INSERT DATA { GRAPH <https://w3id.org/newsgraph/graph/manual> { "
        "<https://w3id.org/newsgraph/article/manual> a "
        "<https://w3id.org/newsgraph/ontology#Article> } }"
    )
    with serving(copy, "--writable", "--timeout", "2") as (base, port):
        load = httpx.post(
            f"{base}/update",
            content="LOAD <http://127.0.0.1:22/data.ttl>",
            headers={"Content-Type": "application/sparql-update"},
        )
        assert load.status_code == 400 and "LOAD is refused" in load.text
        for headers in ({"Origin": "http://evil.example"}, {}):  # a page's form; no Origin
            form = httpx.post(f"{base}/update", data={"update": insert}, headers=headers)
            assert form.status_code == 403, form.text
        assert _count(base) == 7
        same = httpx.post(
            f"{base}/update",
            data={"update": insert},
            headers={"Origin": f"http://localhost:{port}"},
        )
        assert same.status_code in (200, 204), same.text
        assert _count(base) == 8
        runaway = httpx.post(  # Oxigraph's own limit covers queries only: the guard's covers this
            f"{base}/update",
            content=f"INSERT {{ GRAPH <urn:x> {{ ?a <urn:p> ?i }} }} WHERE {{ {PRODUCT} }}",
            headers={"Content-Type": "application/sparql-update"},
            timeout=30,
        )
        assert runaway.status_code == 503 and "--timeout" in runaway.text
        assert _count(base) == 8  # nothing of it written; the restarted server answers


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_a_runaway_query_is_stopped_and_its_core_freed(guarded, store_dir: Path) -> None:  # noqa: ANN001
    base, port = guarded
    (before,) = oxigraph_children(store_dir, port)
    start = time.monotonic()
    response = _get(base, CROSS)
    took = time.monotonic() - start
    assert response.status_code == 503 and "--timeout" in response.text
    assert took < 8, took
    assert not Path(f"/proc/{before}").exists()  # the busy server is gone
    (after,) = oxigraph_children(store_dir, port)
    ticks = _cpu_ticks(int(after))
    time.sleep(1)
    assert _cpu_ticks(int(after)) - ticks < 20  # the new one is idle: under 0.2 s of CPU in 1 s
    assert _count(base) == 7
    counted = _get(base, f"SELECT (COUNT(*) AS ?n) {{ {PRODUCT} }}", Accept="text/csv")
    assert counted.status_code == 503  # stopped (by Oxigraph's own limit, when it is in time)
    (live,) = oxigraph_children(store_dir, port)  # no partial answer, and no busy server left
    ticks = _cpu_ticks(int(live))
    time.sleep(1)
    assert _cpu_ticks(int(live)) - ticks < 20


def test_results_over_the_limit_are_refused(guarded) -> None:  # noqa: ANN001
    base, _ = guarded
    everything = "SELECT * { ?s ?p ?o }"
    for accept in ("application/sparql-results+json", "text/csv", "application/sparql-results+xml"):
        response = _get(base, everything, Accept=accept)
        assert response.status_code == 400 and "more than 100 rows" in response.text
    construct = _get(base, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="application/n-triples")
    assert construct.status_code == 400 and "--max-results 100" in construct.text
    for alias in (
        httpx.get(f"{base}/sparql", params={"query": everything}),
        httpx.post(f"{base}/sparql", data={"query": everything}),
    ):
        assert alias.status_code == 400 and "more than 100 rows" in alias.text
    limited = _get(base, everything + " LIMIT 100")
    assert limited.status_code == 200 and len(limited.json()["results"]["bindings"]) == 100


def test_the_view_is_rendered_once_per_generation(guarded) -> None:  # noqa: ANN001
    _, port = guarded
    first = httpx.get(f"http://127.0.0.1:{port + 1}/", timeout=60)
    start = time.monotonic()
    second = httpx.get(f"http://127.0.0.1:{port + 1}/", timeout=60)
    assert first.status_code == second.status_code == 200 and "7 articles" in first.text
    assert second.content == first.content and time.monotonic() - start < 1


PREFIXED = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article ; schema:identifier ?id }"
"""Uses the project's prefixes without declaring them, as README's queries do."""


def test_the_endpoint_knows_the_prefixes_newsgraph_query_adds(endpoint) -> None:  # noqa: ANN001
    base, _ = endpoint
    accept = {"Accept": "application/sparql-results+json"}
    answers = [
        _get(base, PREFIXED),
        httpx.post(f"{base}/query", data={"query": PREFIXED}, headers=accept),
        httpx.post(
            f"{base}/query",
            content=PREFIXED,
            headers={**accept, "Content-Type": "application/sparql-query"},
        ),
    ]
    expected = _get(base, COUNT).json()["results"]["bindings"][0]["n"]["value"]
    for response in answers:
        assert response.status_code == 200, response.text
        assert response.json()["results"]["bindings"][0]["n"]["value"] == expected
    own = "PREFIX ng: <http://other.example/> ASK { ?a a ng:Article }"
    assert _get(base, own).json()["boolean"] is False
