"""The store's lookups for an add: cross-article resolution through the name index (both
merge directions), the index kept right by remove, replace and rename, and stores written
without an index."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyoxigraph as ox

from graph import store, store_index
from graph.ingest import make_article
from graph.model import Article, Entity, EntityType, ResolvedArticle
from graph.pipeline import resolve_articles
from graph.query import select
from graph.vocab import entity_key

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "tests" / "fixtures" / "store"


def articles(*ids: str):  # noqa: ANN201
    return resolve_articles(
        make_article((TEXTS / f"{i}.txt").read_text("utf-8").strip(), id=i, detect_title=False)
        for i in ids
    )


def record(article_id: str, *names: str) -> ResolvedArticle:
    """An article naming people (a country when the name starts with '@'), no spaCy."""
    entities = []
    for name in names:
        etype = EntityType.COUNTRY if name.startswith("@") else EntityType.PERSON
        label = name.lstrip("@")
        entities.append(Entity(entity_key(etype.value, label), label, etype, (), ()))
    return ResolvedArticle(
        Article(article_id, f"{article_id}: {', '.join(names)}"), tuple(entities), ()
    )


def index_entries(directory: Path) -> set[tuple[str, str]]:
    """The live name index as (entity IRI, last word) pairs."""
    pointer = json.loads((directory / store.POINTER).read_text("utf-8"))
    index = ox.Store.read_only(str(directory / pointer["index"]))
    return {(q.subject.value, q.object.value) for q in index}


def rebuilt_entries(directory: Path) -> set[tuple[str, str]]:
    """What an index built from scratch on the live store holds."""
    fresh = ox.Store()
    store_index.build(store.open_store(directory), fresh)
    return {(q.subject.value, q.object.value) for q in fresh}


def people(directory: Path) -> set[tuple[str, str]]:
    """Stored people as (label, number of articles mentioning them)."""
    rows = select(
        store.open_store(directory),
        """SELECT ?l (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a ng:Person ; rdfs:label ?l ;
        ng:mentionedIn ?a } GROUP BY ?l""",
    ).rows
    return set(rows)


def entity(name: str) -> str:
    return str(store_index.iri(entity_key("Person", name)).value)


def test_a_short_name_added_later_becomes_the_stored_full_name(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-full"))
    report = store.add(tmp_path, articles("bn-short"))
    assert report.merged == ()
    assert people(tmp_path) == {("Benjamin Netanyahu", "2")}
    assert index_entries(tmp_path) == {(entity("Benjamin Netanyahu"), "netanyahu")}


def test_a_full_name_added_later_absorbs_the_stored_short_name(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-short"))
    assert index_entries(tmp_path) == {(entity("Netanyahu"), "netanyahu")}
    report = store.add(tmp_path, articles("bn-full"))
    assert report.merged == (("Person/netanyahu", "Person/benjamin-netanyahu"),)
    assert people(tmp_path) == {("Benjamin Netanyahu", "2")}
    assert index_entries(tmp_path) == {(entity("Benjamin Netanyahu"), "netanyahu")}


def test_two_stored_people_sharing_the_last_word_keep_a_short_name_apart(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-full", "sara"))
    store.add(tmp_path, articles("bn-short"))
    assert people(tmp_path) == {
        ("Benjamin Netanyahu", "1"),
        ("Sara Netanyahu", "1"),
        ("Netanyahu", "1"),
    }
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)


def test_the_lookup_reads_only_the_keys_and_last_words_of_the_article(tmp_path: Path) -> None:
    store.add(
        tmp_path,
        [
            record("r1", "Benjamin Netanyahu", "@Israel", "Joe Biden"),
            record("r2", "Sara Netanyahu", "Cyril Ramaphosa", "@Kenya"),
            record("r3", "Hunter Biden", "Narendra Modi"),
        ],
    )
    pointer = json.loads((tmp_path / store.POINTER).read_text("utf-8"))
    db = store.open_store(tmp_path)
    index = ox.Store.read_only(str(tmp_path / pointer["index"]))
    known = store_index.known_for(db, index, record("new", "Netanyahu", "@Israel", "Lula"))
    assert set(known.labels) == {
        "Person/benjamin-netanyahu",
        "Person/sara-netanyahu",
        "Country/israel",
    }
    assert known.person_for("Netanyahu") is None  # two stored people end in it
    known = store_index.known_for(db, index, record("new", "Joe Biden"))
    assert set(known.labels) == {"Person/joe-biden", "Person/hunter-biden"}


def test_the_index_follows_remove_replace_and_rename(tmp_path: Path) -> None:
    store.add(tmp_path, articles("sara", "short"))
    assert store.add(tmp_path, articles("full")).merged == (
        ("Person/putin", "Person/vladimir-putin"),
    )
    assert {word for _, word in index_entries(tmp_path)} == {"netanyahu", "putin", "jinping"}
    assert entity("Putin") not in {e for e, _ in index_entries(tmp_path)}
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)

    store.remove(tmp_path, ["sara"])
    assert {word for _, word in index_entries(tmp_path)} == {"putin", "jinping"}
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)

    replacement = make_article(
        (TEXTS / "extra.txt").read_text("utf-8").strip(), id="full", detect_title=False
    )
    report = store.add(tmp_path, resolve_articles([replacement]), on_duplicate="replace")
    assert report.replaced == ("full",)
    assert {word for _, word in index_entries(tmp_path)} == {"putin", "merkel", "macron"}
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)

    store.add(tmp_path, articles("bn-short"))
    report = store.add(tmp_path, articles("bn-full"))  # Sara Netanyahu is gone: one meaning
    assert report.merged == (("Person/netanyahu", "Person/benjamin-netanyahu"),)
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)


def _forget_index(directory: Path) -> None:
    """Make the store look like one written before the index existed."""
    pointer = json.loads((directory / store.POINTER).read_text("utf-8"))
    shutil.rmtree(directory / pointer.pop("index"))
    (directory / store.POINTER).write_text(json.dumps(pointer), "utf-8")


def test_a_store_without_an_index_gets_one_on_its_next_add(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-short", "h"))
    _forget_index(tmp_path)
    assert not list(tmp_path.glob("index-*"))
    report = store.add(tmp_path, articles("bn-full"))
    assert report.merged == (("Person/netanyahu", "Person/benjamin-netanyahu"),)
    assert people(tmp_path) == {("Benjamin Netanyahu", "2"), ("Hillary Clinton", "1")}
    assert index_entries(tmp_path) == rebuilt_entries(tmp_path)
    assert len(list(tmp_path.glob("index-*"))) == 1


def test_an_add_that_changes_nothing_still_keeps_the_index_it_built(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-short"))
    live = json.loads((tmp_path / store.POINTER).read_text("utf-8"))["current"]
    _forget_index(tmp_path)
    assert store.add(tmp_path, articles("bn-short")).skipped == ("bn-short",)
    pointer = json.loads((tmp_path / store.POINTER).read_text("utf-8"))
    assert pointer["current"] == live
    assert index_entries(tmp_path) == {(entity("Netanyahu"), "netanyahu")}


def test_a_writable_server_drops_the_index_it_would_not_keep_right(tmp_path: Path) -> None:
    store.add(tmp_path, articles("bn-short"))
    with store.serving_writable(tmp_path, "http://127.0.0.1:7878/query"):
        pointer = json.loads((tmp_path / store.POINTER).read_text("utf-8"))
        assert "index" not in pointer and not list(tmp_path.glob("index-*"))
    assert store.add(tmp_path, articles("bn-full")).merged == (
        ("Person/netanyahu", "Person/benjamin-netanyahu"),
    )


def test_stored_articles_are_found_by_id_and_by_text(tmp_path: Path) -> None:
    store.add(tmp_path, [record("r1", "Joe Biden"), record("r2", "Narendra Modi")])
    db = store.open_store(tmp_path)
    sha = hashlib.sha1(record("r1", "Joe Biden").article.text.encode("utf-8")).hexdigest()
    assert store_index.stored_sha1(db, "r1") == sha
    assert store_index.stored_sha1(db, "r3") is None
    assert store_index.article_with_text(db, sha) == "r1"
    assert store_index.article_with_text(db, "no such hash") is None
    assert store_index.has_article(db, "r2") and not store_index.has_article(db, "r3")
