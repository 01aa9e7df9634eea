"""``newsgraph.open_store``: the store's operations from Python, as the CLI's store commands
offer them (add, remove, query, export, serve), on short articles written here."""

from __future__ import annotations

import contextlib
import io
import re
import threading
from pathlib import Path

import pytest
import rdflib

import newsgraph
from graph.errors import InputError, StoreError
from graph.ingest import make_article
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "tests" / "fixtures" / "store"
ARTICLES = "SELECT ?id WHERE { ?a a ng:Article ; schema:identifier ?id } ORDER BY ?id"


def ids(store: Store) -> list[str]:
    return [row["id"].value for row in store.query(ARTICLES)]


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> Store:  # noqa: ANN001
    """A store of a1 (Ruto in Mombasa) and a2 (Ruto meets Museveni in Kampala), by path."""
    store = newsgraph.open_store(tmp_path_factory.mktemp("api") / "db")
    report = store.add([TEXTS / "a1.txt", str(TEXTS / "a2.txt")])
    assert report.added == ("a1", "a2") and report.skipped == ()
    return store


def test_added_paths_are_stored_and_queried_with_the_project_prefixes(two: Store) -> None:
    assert two.articles() == ["a1", "a2"] == ids(two)
    people = two.query("SELECT ?l WHERE { ?p a ng:Person ; rdfs:label ?l } ORDER BY ?l")
    assert [row["l"].value for row in people] == ["William Ruto", "Yoweri Museveni"]


def test_query_through_newsgraph_query_and_the_folder_give_the_same(two: Store) -> None:
    sparql = "SELECT DISTINCT ?l WHERE { ?p rdfs:label ?l } ORDER BY ?l"
    by_store = newsgraph.query(two, sparql, format="csv")
    assert by_store == newsgraph.query(two.directory, sparql, format="csv")
    assert "Kampala" in by_store and "Mombasa" in by_store


def test_adding_again_changes_nothing(two: Store) -> None:
    again = two.add(TEXTS / "a1.txt")
    assert again.added == () and again.skipped == ("a1",)


def test_a_second_store_object_sees_the_same_folder(two: Store) -> None:
    assert Store(two.directory).articles() == two.articles()
    assert repr(two) == f"Store({str(two.directory)!r})"


def test_export_writes_the_whole_store(two: Store, tmp_path: Path) -> None:
    path = two.export("turtle", tmp_path / "all.ttl")
    parsed = rdflib.Graph().parse(path)
    labels = {str(o) for o in parsed.objects(predicate=rdflib.RDFS.label)}
    assert {"William Ruto", "Yoweri Museveni", "Kampala", "Mombasa"} <= labels
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        two.export("xml", tmp_path / "all.xml")


def test_to_networkx_is_the_graph_build_returns(two: Store) -> None:
    graph = two.to_networkx()
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"William Ruto", "Yoweri Museveni"} <= labels
    assert sorted(graph.graph["articles"]) == ["a1", "a2"]


def test_add_takes_article_records_and_remove_takes_ids(tmp_path: Path) -> None:
    store = newsgraph.open_store(tmp_path / "db")
    text = "Ghanaian President John Mahama visited Accra on Friday."
    store.add([make_article(text, id="ghana", detect_title=False), TEXTS / "a1.txt"])
    assert store.articles() == ["a1", "ghana"]
    assert store.remove("ghana") == ["ghana"]
    assert store.articles() == ["a1"]
    left = store.query("ASK { ?p rdfs:label 'John Mahama' }")
    assert not bool(left)  # the entity went with its only article
    with pytest.raises(StoreError, match="no article with id ghana"):
        store.remove(["ghana"])


def test_bad_inputs_go_to_on_error_and_the_rest_is_added(tmp_path: Path) -> None:
    store = newsgraph.open_store(tmp_path / "db")
    refused: list[InputError] = []
    report = store.add([tmp_path / "missing.txt", TEXTS / "a2.txt"], on_error=refused.append)
    assert report.added == ("a2",)
    assert len(refused) == 1 and "missing.txt: no such file" in str(refused[0])
    with pytest.raises(InputError, match="no such file"):
        store.add(tmp_path / "missing.txt")


def test_a_different_article_under_a_stored_id_follows_on_duplicate(tmp_path: Path) -> None:
    store = newsgraph.open_store(tmp_path / "db")
    first = make_article("Snow fell in Oslo on Monday.", id="x", detect_title=False)
    other = make_article("Rain fell in Lima on Tuesday.", id="x", detect_title=False)
    store.add([first])
    with pytest.raises(InputError, match="'x'"):
        store.add([other])
    notices: list[str] = []
    report = store.add([other], on_duplicate="replace", on_notice=notices.append)
    assert report.replaced == ("x",) and len(notices) == 1
    assert bool(store.query("ASK { ?p rdfs:label 'Lima' }"))


def test_opening_is_lazy_and_a_missing_store_fails_on_first_read(tmp_path: Path) -> None:
    store = newsgraph.open_store(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()
    with pytest.raises(StoreError, match="no such store"):
        store.articles()


def test_serve_of_a_missing_store_fails_before_listening(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        newsgraph.open_store(tmp_path / "nothing").serve(stop=threading.Event())


def readme_store_example() -> tuple[str, str]:
    """README's Python API block that uses open_store, and the text block under it."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", section, re.S | re.M)
    for (kind, code), (after, shown) in zip(blocks, blocks[1:]):  # noqa: B905
        if kind == "python" and "newsgraph.open_store" in code and after == "text":
            return code, shown
    raise AssertionError("README's Python API section has no open_store example with output")


def test_readme_store_example_prints_what_readme_shows(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    code, shown = readme_store_example()
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)  # the store and corpus.ttl are written here, not in the checkout
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert printed.getvalue().replace("\r\n", "\n") == shown
    assert (tmp_path / "corpus.ttl").stat().st_size > 0
