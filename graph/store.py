"""The persistent corpus store: an embedded pyoxigraph database on disk, one named graph per
article plus the shared entity graph (see exports/rdf.py).

Atomic adds and consistent reads come from generations: the live database is never written.
An add or remove copies it (a RocksDB checkpoint: hard links, fast), changes the copy and
then switches ``DIR/newsgraph-store.json`` to it with one atomic rename. A process killed
mid-add leaves only an unused copy, cleaned on the next write; a query that opened the live
generation keeps reading that consistent snapshot while an add runs. One writer at a time
(a lock file).
"""

from __future__ import annotations

import fcntl
import gc
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.vocab import ARTICLE, ENTITY, ENTITY_GRAPH, NG, article_graph_iri, article_iri

POINTER = "newsgraph-store.json"
LOCK = ".newsgraph-store.lock"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class AddReport:
    added: tuple[str, ...]
    skipped: tuple[str, ...]
    replaced: tuple[str, ...]


def _pointer(directory: Path) -> dict | None:
    path = directory / POINTER
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"{directory}: unreadable store pointer {POINTER} ({exc})") from None
    if data.get("format") != FORMAT or "current" not in data:
        raise StoreError(f"{directory}: not a newsgraph store of format {FORMAT}")
    return data


def current_generation(directory: Path) -> Path | None:
    data = _pointer(directory)
    return directory / data["current"] if data else None


def open_store(directory: Path, read_only: bool = True) -> ox.Store:
    """Open the live generation for reading (the only way other modules should read it)."""
    if not directory.exists():
        raise StoreError(f"{directory}: no such store (create it with newsgraph add --store)")
    generation = current_generation(directory)
    if generation is None:
        raise StoreError(f"{directory}: not a newsgraph store (no {POINTER})")
    try:
        return ox.Store.read_only(str(generation)) if read_only else ox.Store(str(generation))
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot open the store ({str(exc).splitlines()[0]})"
        ) from None


@contextmanager
def _write_lock(directory: Path) -> Iterator[None]:
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"{directory}: another newsgraph process is writing this store"
            ) from None
        yield


@contextmanager
def new_generation(directory: Path) -> Iterator[ox.Store]:
    """A writable copy of the live generation that becomes live when the block succeeds."""
    with _write_lock(directory):
        data = _pointer(directory)
        number = (data or {}).get("generation", 0) + 1
        target = directory / f"gen-{number:06d}"
        if target.exists():
            shutil.rmtree(target)
        if data is None:
            store = ox.Store(str(target))
        else:
            source = ox.Store.read_only(str(directory / data["current"]))
            source.backup(str(target))
            del source
            store = ox.Store(str(target))
        yield store
        store.flush()
        del store
        gc.collect()
        pointer = {
            "format": FORMAT,
            "current": target.name,
            "generation": number,
            "previous": (data or {}).get("current"),
        }
        tmp = directory / f".{POINTER}.tmp"
        tmp.write_text(json.dumps(pointer), "utf-8")
        os.replace(tmp, directory / POINTER)
        _clean(directory, keep={target.name, pointer["previous"]})


def _clean(directory: Path, keep: set[str | None]) -> None:
    """Remove generations that are neither live nor the one before (a reader may still
    hold that one open), and any left by a killed writer."""
    for path in directory.glob("gen-*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ---- what an article contributes ----------------------------------------------------------
def _term(value: object) -> ox.NamedNode | ox.Literal:
    from rdflib import Literal, URIRef

    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype is not None:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    raise StoreError(f"cannot store term {value!r}")


def _quads(graph, article_id: str) -> list[ox.Quad]:  # noqa: ANN001
    """The article's named graph and the entity descriptions it brings."""
    from exports.rdf import article_triples, shared_triples

    named = ox.NamedNode(str(article_graph_iri(article_id)))
    quads = [
        ox.Quad(_term(s), _term(p), _term(o), named)
        for s, p, o in article_triples(graph).get(article_id, [])
    ]
    entities = ox.NamedNode(str(ENTITY_GRAPH))
    quads.extend(
        ox.Quad(_term(s), _term(p), _term(o), entities)
        for s, p, o in shared_triples(graph)
        if str(p) != str(NG.mentionCount)
    )
    return quads


RECOUNT = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }}
WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }} ;
INSERT {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?total }} }}
WHERE {{ {{ SELECT ?e (SUM(?n) AS ?total) WHERE {{ GRAPH ?g {{ ?e ng:articleMentionCount ?n }} }}
          GROUP BY ?e }} }}
"""
DROP_ORPHANS = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}
WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o . FILTER(STRSTARTS(STR(?e), "{ENTITY}")) }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ng:mentionedIn ?a }} }} }}
"""


def article_ids(store: ox.Store) -> dict[str, str]:
    """Stored article id -> its text's SHA-1."""
    query = f"""PREFIX ng: <{NG}> PREFIX schema: <https://schema.org/>
        SELECT ?id ?sha WHERE {{ GRAPH ?g {{ ?a a ng:Article ; schema:identifier ?id .
        OPTIONAL {{ ?a ng:textSha1 ?sha }} }} }}"""
    return {row["id"].value: row["sha"].value if row["sha"] else "" for row in store.query(query)}


def _known_entities(store: ox.Store):  # noqa: ANN202
    from graph.corpus import KnownEntities
    from graph.model import EntityType

    known = KnownEntities()
    query = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX ng: <{NG}>
        SELECT ?e ?label ?type WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e rdfs:label ?label ; a ?type .
        FILTER(STRSTARTS(STR(?type), STR(ng:))) }} }}"""
    from exports.rdf_read import _key

    for row in store.query(query):
        type_name = row["type"].value[len(str(NG)) :]
        try:
            etype = EntityType(type_name)
        except ValueError:
            continue
        known.add(_key(row["e"], type_name), row["label"].value, etype)
    return known


def add(
    directory: Path,
    resolved_articles: Iterable,  # ResolvedArticle records
    *,
    replace: bool = False,
) -> AddReport:
    """Add articles as one transaction: all of them become visible together, or none."""
    from graph.corpus import link_to_known
    from graph.kg import add_article, new_graph

    added: list[str] = []
    skipped: list[str] = []
    replaced: list[str] = []
    with new_generation(directory) as store:
        stored = article_ids(store)
        hashes = {sha: aid for aid, sha in stored.items() if sha}
        known = _known_entities(store)
        for resolved in resolved_articles:
            article = resolved.article
            import hashlib

            sha = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
            duplicate = article.id if article.id in stored else hashes.get(sha)
            if duplicate is not None and not replace:
                skipped.append(article.id)
                continue
            if duplicate is not None:
                store.remove_graph(ox.NamedNode(str(article_graph_iri(duplicate))))
                replaced.append(article.id)
            graph = new_graph()
            add_article(graph, link_to_known(resolved, known))
            store.extend(_quads(graph, article.id))
            stored[article.id], hashes[sha] = sha, article.id
            if duplicate is None:
                added.append(article.id)
        store.update(DROP_ORPHANS)
        store.update(RECOUNT)
    return AddReport(tuple(added), tuple(skipped), tuple(replaced))


def remove(directory: Path, ids: Iterable[str]) -> list[str]:
    """Delete articles' named graphs and the entities no article mentions any more."""
    with new_generation(directory) as store:
        stored = article_ids(store)
        missing = [i for i in ids if i not in stored]
        if missing:
            raise StoreError(f"{directory}: no article with id {', '.join(missing)} in the store")
        for article_id in ids:
            store.remove_graph(ox.NamedNode(str(article_graph_iri(article_id))))
        store.update(DROP_ORPHANS)
        store.update(RECOUNT)
    return list(ids)


def export(directory: Path, fmt: str, path: Path) -> Path:
    """Dump the whole live store: quads formats keep the named graphs, triple formats the union."""
    from exports import atomic_path

    store = open_store(directory)
    formats = {
        "nquads": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    if fmt not in formats:
        raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(formats)})")
    from graph.vocab import PREFIXES

    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    with atomic_path(path) as tmp:
        if fmt == "nquads":
            store.dump(str(tmp), formats[fmt])
        elif fmt == "trig":
            store.dump(str(tmp), formats[fmt], prefixes=prefixes)
        else:
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            union = ox.Store()
            union.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            options = {} if fmt in {"ntriples", "jsonld"} else {"prefixes": prefixes}
            union.dump(str(tmp), formats[fmt], from_graph=ox.DefaultGraph(), **options)
    return path


__all__ = ["ARTICLE", "AddReport", "add", "article_iri", "export", "open_store", "remove"]
