"""The persistent store: one named graph per article, entities merged across articles,
idempotent adds, replace and remove, exports, and atomicity under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import store
from graph.errors import StoreError
from graph.ingest import make_article
from graph.pipeline import resolve_articles
from graph.query import select

ROOT = Path(__file__).resolve().parents[2]
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"

TEXTS = {
    "a1": "Kenyan President William Ruto visited Mombasa on Monday.",
    "a2": "William Ruto met Ugandan President Yoweri Museveni in Kampala.",
    "a3": "Mr Ruto later flew to Nairobi, the capital of Kenya.",
}


def articles(*ids: str, texts: dict[str, str] = TEXTS):  # noqa: ANN201
    return resolve_articles(make_article(texts[i], id=i, detect_title=False) for i in ids)


def count(directory: Path, sparql: str) -> int:
    return int(select(store.open_store(directory), sparql).rows[0][0])


ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article }"


def test_entities_merge_across_articles_with_evidence_from_each(tmp_path: Path) -> None:
    report = store.add(tmp_path, articles("a1", "a2", "a3"))
    assert report.added == ("a1", "a2", "a3")
    db = store.open_store(tmp_path)
    rows = select(
        db,
        """SELECT ?n (COUNT(DISTINCT ?a) AS ?articles) WHERE {
        ?e rdfs:label "William Ruto" ; ng:mentionCount ?n ; ng:mentionedIn ?a } GROUP BY ?n""",
    ).rows
    assert rows == (("3", "3"),)
    labels = select(
        db,
        """SELECT ?l WHERE { ?e a ng:Person ; rdfs:label ?l .
        FILTER(CONTAINS(?l, "Ruto")) }""",
    ).rows
    assert labels == (("William Ruto",),)
    graphs = {g.value for g in db.named_graphs()}
    assert {f"https://w3id.org/newsgraph/graph/{i}" for i in TEXTS} <= graphs


def test_adding_again_changes_nothing_and_replace_reextracts(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a1"))
    before = len(store.open_store(tmp_path))
    again = store.add(tmp_path, articles("a1"))
    assert again.added == () and again.skipped == ("a1",)
    same_text = resolve_articles([make_article(TEXTS["a1"], id="other-id", detect_title=False)])
    assert store.add(tmp_path, same_text).skipped == ("other-id",)
    assert len(store.open_store(tmp_path)) == before
    assert store.add(tmp_path, articles("a1"), replace=True).replaced == ("a1",)
    assert len(store.open_store(tmp_path)) == before


def test_remove_drops_the_article_and_entities_left_without_evidence(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a1", "a2"))
    assert count(tmp_path, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Yoweri Museveni" }') == 1
    store.remove(tmp_path, ["a2"])
    assert count(tmp_path, ARTICLES) == 1
    assert count(tmp_path, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Yoweri Museveni" }') == 0
    assert (
        count(tmp_path, 'SELECT ?n WHERE { ?e rdfs:label "William Ruto" ; ng:mentionCount ?n }')
        == 1
    )
    with pytest.raises(StoreError, match="no article with id missing"):
        store.remove(tmp_path, ["missing"])


def test_export_dumps_every_format(tmp_path: Path) -> None:
    import rdflib

    directory = tmp_path / "db"
    store.add(directory, articles("a1", "a2"))
    for fmt, parse_as in [
        ("nquads", "nquads"),
        ("trig", "trig"),
        ("turtle", "turtle"),
        ("jsonld", "json-ld"),
    ]:
        path = store.export(directory, fmt, tmp_path / f"dump.{fmt}")
        dataset = rdflib.Dataset()
        dataset.parse(path, format=parse_as)
        assert len(list(dataset.quads())) > 50


def test_opening_a_folder_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a newsgraph store"):
        store.open_store(tmp_path)
    with pytest.raises(StoreError, match="no such store"):
        store.open_store(tmp_path / "missing")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:  # noqa: ANN001
    if not BBC.exists():
        pytest.skip("../shared/data/news/bbc.jsonl is not beside the checkout")
    path = tmp_path_factory.mktemp("corpus") / "bbc60.jsonl"
    with BBC.open() as source:
        path.write_text("".join(next(source) for _ in range(60)))
    return path


def _add_process(directory: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "add", "--store", str(directory), str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_new_generation(directory: Path, before: set[str], process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if {p.name for p in directory.glob("gen-*")} - before:
            return
        time.sleep(0.02)
    pytest.fail("the add finished or stalled before it started writing")


def test_sigkill_mid_add_leaves_the_store_as_before(tmp_path: Path, corpus: Path) -> None:
    store.add(tmp_path, articles("a1"))
    pointer = (tmp_path / store.POINTER).read_text()
    before = {p.name for p in tmp_path.glob("gen-*")}
    process = _add_process(tmp_path, corpus)
    _wait_for_new_generation(tmp_path, before, process)
    time.sleep(0.5)  # let it write some articles into the new generation
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert (tmp_path / store.POINTER).read_text() == pointer
    assert count(tmp_path, ARTICLES) == 1
    # the next add works and clears what the killed one left
    report = store.add(tmp_path, articles("a2"))
    assert report.added == ("a2",) and count(tmp_path, ARTICLES) == 2
    assert len(list(tmp_path.glob("gen-*"))) <= 2


def test_queries_during_an_add_see_the_state_before_or_after(tmp_path: Path, corpus: Path) -> None:
    store.add(tmp_path, articles("a1"))
    before = {p.name for p in tmp_path.glob("gen-*")}
    process = _add_process(tmp_path, corpus)
    _wait_for_new_generation(tmp_path, before, process)
    seen = set()
    while process.poll() is None:
        seen.add(count(tmp_path, ARTICLES))
        time.sleep(0.05)
    assert process.returncode == 0, process.stderr.read()
    seen.add(count(tmp_path, ARTICLES))
    assert seen <= {1, 61} and 1 in seen and 61 in seen
    assert json.loads((tmp_path / store.POINTER).read_text())["generation"] == 2
