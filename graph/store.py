"""The persistent corpus store: an embedded pyoxigraph database on disk holding exactly what
exports/quads.py writes for each article (its named graph, including any
``owl:sameAs`` links), the shared entity graph, and any other shared graph (the gazetteer's
background facts), with entities merged across articles (graph/corpus.py).

Atomic adds and consistent reads come from generations: the live database is never written.
An add or remove copies it (``Store.backup``: a RocksDB checkpoint of hard links, fast),
changes the copy and then switches ``DIR/newsgraph-store.json`` to it with one atomic
rename. A process killed mid-add leaves only an unused copy, cleaned on the next write; a
query that opened the live generation keeps reading that consistent snapshot while an add
runs. This is needed because Oxigraph 0.5 documents a read-only open while another process
writes as undefined behaviour and has dropped its "secondary" mode. One writer at a time
(a lock file, through ``filelock``: portable, released when the holder dies).

Beside the live generation the pointer names its name index (``index-NNNNNN``, see
graph/store_index.py), copied and switched with it, so an add looks up only the names its
articles use. The index is optional in format 1: a pointer without one (written before it
existed, or dropped by a writable server that changed the generation in place) makes the
next add or remove build it, once.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.errors import InputError, StoreError
from graph.vocab import ENTITY_GRAPH, NG, article_graph_iri

if TYPE_CHECKING:  # not imported at run time: `newsgraph query --store` stays light
    import networkx as nx

    from graph.model import ResolvedArticle

POINTER = "newsgraph-store.json"
LOCK = ".newsgraph-store.lock"
SERVING = ".newsgraph-serving-writable"
FORMAT = 1
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

Linker = Callable[["nx.MultiDiGraph"], object]
"""Adds links to a one-article graph in place (graph.link.link_graph with its settings)."""


@dataclass(frozen=True, slots=True)
class AddReport:
    added: tuple[str, ...]
    skipped: tuple[str, ...]
    replaced: tuple[str, ...]
    merged: tuple[tuple[str, str], ...] = ()
    """Entity keys (old, new) of stored people folded into a fuller name by this add."""
    kept: tuple[str, ...] = ()
    """Ids of articles not added because a different article of that id was stored and
    ``on_duplicate`` was "skip"."""


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


def written_by(directory: Path) -> str | None:
    """The pyoxigraph version that wrote the live generation (its on-disk format)."""
    data = _pointer(directory)
    return data.get("pyoxigraph") if data else None


def open_store(directory: Path, read_only: bool = True) -> ox.Store:
    """Open the live generation for reading (the only way other modules should read it).
    It is never opened for writing: changes go through ``add`` and ``remove``."""
    if not read_only:
        raise StoreError(f"{directory}: the store changes only through add and remove")
    if not directory.exists():
        raise StoreError(f"{directory}: no such store (create it with newsgraph add --store)")
    generation = current_generation(directory)
    if generation is None:
        raise StoreError(f"{directory}: not a newsgraph store (no {POINTER})")
    url = served_writable_at(directory)
    if url is not None:
        raise StoreError(
            f"{directory}: a writable server is changing this store; query it at {url}"
        )
    try:
        return ox.Store.read_only(str(generation))
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot open the store ({str(exc).splitlines()[0]})"
        ) from None


@contextmanager
def write_lock(directory: Path) -> Iterator[None]:
    """Hold the store's single-writer lock (adds, removes, a writable server): an OS lock
    on DIR/.newsgraph-store.lock through ``filelock`` (flock on POSIX, LockFileEx on
    Windows), released by the OS when the holder dies, so a killed add leaves no stale lock.
    A second writer is refused at once, not queued."""
    from filelock import FileLock, Timeout

    directory.mkdir(parents=True, exist_ok=True)
    lock = FileLock(directory / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(f"{directory}: another newsgraph process is writing this store") from None
    try:
        yield
    finally:
        lock.release()


def _lock_held(directory: Path) -> bool:
    """Whether a writer holds the store's lock now. Probed by taking it for an instant; a
    lock file this process cannot open (a read-only user) counts as held, the safe side."""
    from filelock import FileLock, Timeout

    if not (directory / LOCK).exists():
        return False
    lock = FileLock(directory / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return True
    lock.release()
    return False


def served_writable_at(directory: Path) -> str | None:
    """The endpoint of a running writable server on this store, if there is one: while it
    writes the live generation in place, nobody else may open it (see the module doc)."""
    marker = directory / SERVING
    if not marker.exists() or not _lock_held(directory):
        return None  # no marker, or one a killed server left behind
    try:
        return marker.read_text("utf-8").strip() or "its endpoint"
    except OSError:
        return None


@contextmanager
def serving_writable(directory: Path, url: str) -> Iterator[None]:
    """Hold the writer lock and announce ``url`` while a writable server runs."""
    with write_lock(directory):
        _forget_index(directory)
        (directory / SERVING).write_text(url, "utf-8")
        try:
            yield
        finally:
            (directory / SERVING).unlink(missing_ok=True)


def _forget_index(directory: Path) -> None:
    """A writable server changes the live generation in place, which its name index would
    not follow: drop the index, the next add or remove builds a fresh one."""
    data = _pointer(directory)
    if data and data.get("index"):
        index = data.pop("index")
        _write_pointer(directory, data)
        shutil.rmtree(directory / index, ignore_errors=True)


@dataclass(slots=True)
class _Writing:
    store: ox.Store
    index: ox.Store
    """The name index of this generation (graph/store_index.py)."""
    changed: bool = False
    compact: bool = False
    """Compact both before they go live (after a large add, see ``COMPACT_AFTER``)."""


def _copy(source: Path, target: Path) -> ox.Store:
    """A writable copy of a database (a RocksDB checkpoint: hard links, fast)."""
    db = ox.Store.read_only(str(source))
    db.backup(str(target))
    del db
    return ox.Store(str(target))


def _close(db: ox.Store) -> None:
    """Flush and close a database we opened for writing. A reader may not open a database
    another process still holds open for writing, and the next writer reopens the index.
    Dropping the last reference closes it; a full collection (slow in a process holding
    spaCy) only if something else still refers to it."""
    db.flush()
    if sys.getrefcount(db) > 3:  # this frame's name, the argument, the caller's
        gc.collect()


@contextmanager
def new_generation(directory: Path) -> Iterator[_Writing]:
    """A writable copy of the live generation and of its name index that become live when
    the block succeeds and marked it changed (an add that changes nothing leaves the live
    generation live). A store without an index (written before there was one, or changed
    in place by a writable server) gets one built here, once."""
    from graph import store_index

    with write_lock(directory):
        data = _pointer(directory) or {}
        number = data.get("generation", 0) + 1
        target = directory / f"gen-{number:06d}"
        index_target = directory / f"index-{number:06d}"
        _clean(directory, keep={data.get("current"), data.get("previous"), data.get("index")})
        for path in (target, index_target):
            if path.exists():
                shutil.rmtree(path)
        index_source = directory / data["index"] if data.get("index") else None
        built_index = False
        if not data:
            writing = _Writing(ox.Store(str(target)), ox.Store(str(index_target)), changed=True)
        elif index_source is not None and index_source.exists():
            writing = _Writing(
                _copy(directory / data["current"], target), _copy(index_source, index_target)
            )
        else:
            writing = _Writing(
                _copy(directory / data["current"], target), ox.Store(str(index_target))
            )
            store_index.build(writing.store, writing.index)
            built_index = True
        try:
            yield writing
        except BaseException:
            # Close the copy now, not when the traceback goes: in a long-lived process (the
            # Python API) the next add reopens a generation of this number.
            del writing.store, writing.index
            gc.collect()
            raise
        changed, db, index = writing.changed, writing.store, writing.index
        del writing.store, writing.index
        if changed and writing.compact:
            db.optimize()
            index.optimize()
        _close(db)
        _close(index)
        del db, index
        if not changed:
            shutil.rmtree(target, ignore_errors=True)
            if not built_index:
                shutil.rmtree(index_target, ignore_errors=True)
                return
            pointer = {**data, "generation": number, "index": index_target.name}
        else:
            pointer = {
                "format": FORMAT,
                "current": target.name,
                "generation": number,
                "previous": data.get("current"),
                "index": index_target.name,
                "pyoxigraph": ox.__version__,
            }
        _write_pointer(directory, pointer)
        _clean(directory, keep={pointer["current"], pointer["previous"], pointer["index"]})


def _write_pointer(directory: Path, pointer: dict) -> None:
    tmp = directory / f".{POINTER}.tmp"
    tmp.write_text(json.dumps(pointer), "utf-8")
    os.replace(tmp, directory / POINTER)


def _clean(directory: Path, keep: set[str | None]) -> None:
    """Remove generations that are neither live nor the one before (a reader may still
    hold that one open), name indexes but the live one (only writers read them), and any
    left by a killed writer."""
    for path in [*directory.glob("gen-*"), *directory.glob("index-*")]:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ---- what an article contributes ----------------------------------------------------------
def _quads(graph: nx.MultiDiGraph, store: ox.Store) -> list[ox.Quad]:
    """Everything ``to_dataset`` writes for a one-article graph, fitted to what is stored:
    entity mention totals are recounted afterwards, and a stored entity keeps its label (a
    differently written one becomes an alternative label)."""
    from exports.quads import dataset_lines, encode, sorted_unique

    entities = ox.NamedNode(str(ENTITY_GRAPH))
    label, alt = ox.NamedNode(RDFS_LABEL), ox.NamedNode(SKOS_ALT)
    count = ox.NamedNode(str(NG.mentionCount))
    quads = []
    lines = encode(sorted_unique(dataset_lines(graph)))
    for quad in ox.parse(lines, ox.RdfFormat.N_QUADS):
        if quad.graph_name == entities and quad.predicate == count:
            continue
        if quad.graph_name == entities and quad.predicate == label:
            stored = [
                q.object
                for q in store.quads_for_pattern(quad.subject, label, None, quad.graph_name)
            ]
            if stored and quad.object not in stored:
                quad = ox.Quad(quad.subject, alt, quad.object, quad.graph_name)
        quads.append(quad)
    return quads


def article_ids(store: ox.Store) -> dict[str, str]:
    """Stored article id -> its text's SHA-1 (reads every article: not for the add path)."""
    query = f"""PREFIX ng: <{NG}> PREFIX schema: <https://schema.org/>
        SELECT ?id ?sha WHERE {{ GRAPH ?g {{ ?a a ng:Article ; schema:identifier ?id .
        OPTIONAL {{ ?a ng:textSha1 ?sha }} }} }}"""
    return {row["id"].value: row["sha"].value if row["sha"] else "" for row in store.query(query)}


COMPACT_AFTER = 100_000
"""Quads (some 500 articles) past which an add compacts its generation before it goes
live. A large add leaves RocksDB compaction work pending, and every generation is closed
before it goes live: the short adds that follow would each start that work and abandon it
at close, paying again and again (twice an add's CPU at 10,000 articles) until a write
stall forces it through. Compacting once here costs little beside such an add (3 s for
1.8 million quads, against some 45 s to add 1,000 articles)."""


def stored_duplicate(
    db: ox.Store,
    article_id: str,
    sha: str,
    stored_sha: str | None,
    taken: str,
    *,
    replace: bool,
    on_duplicate: str,
    on_error: Callable[[InputError], None] | None,
    notice: Callable[[str], None],
    kept: list[str],
    skipped: list[str],
) -> tuple[bool, str | None]:
    """An add's policy for one article against what is stored (``add`` and the shard load
    of graph/store_bulk.py): whether to add it, and the stored article id it replaces or
    repeats. ``stored_sha`` is the text SHA-1 stored under its id (None: the id is free);
    ``taken`` starts the line that says the id is taken. A different text under the id goes
    by ``on_duplicate`` (an error to ``on_error``, else raised; a skip recorded in ``kept``);
    the same text, or this text under another id, is left as it is (in ``skipped``) unless
    ``replace``."""
    from graph import store_index

    same_text = store_index.article_with_text(db, sha) if stored_sha is None and sha else None
    del db  # a refusal's traceback must not keep the generation's store open (new_generation)
    if stored_sha is not None and stored_sha not in ("", sha):
        taken = f"{taken} with another text"
        if on_duplicate == "error":
            error = InputError(
                f"{taken}; not added (on duplicate: skip keeps the stored one, replace replaces it)"
            )
            if on_error is None:
                raise error
            on_error(error)
            return False, None
        if on_duplicate == "skip":
            kept.append(article_id)
            notice(f"{taken}; skipped, the stored one is kept")
            return False, None
        notice(f"{taken}; replaced by this one")
        return True, article_id
    duplicate = article_id if stored_sha is not None else same_text
    if duplicate is not None and not replace:
        skipped.append(article_id)
        return False, duplicate
    return True, duplicate


def add(
    directory: Path,
    resolved_articles: Iterable[ResolvedArticle],
    *,
    replace: bool = False,
    on_duplicate: str = "error",
    link: Linker | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> AddReport:
    """Add articles as one transaction: all of them become visible together, or none.

    An article already stored (same id and text, or same text under another id) is left
    as it is unless ``replace`` (re-extract it). A different article under a stored id (or
    one read earlier in this add) is handled by ``on_duplicate``: "error" refuses it (an
    InputError, to ``on_error`` if given, else raised and nothing is added), "skip" keeps
    the stored one, "replace" removes the stored one's quads and adds the new one, in the
    same transaction; each skip or replace tells ``on_notice`` one line. ``link`` adds links
    to each article's graph before it is stored. What an article costs does not grow with
    the store: stored articles and the entities its names can mean are looked up on
    indexes (graph/store_index.py), and only what it touched is tidied (graph/store_tidy.py).
    """
    from graph import store_index, store_tidy
    from graph.corpus import resolve_against
    from graph.kg import add_article, new_graph

    if on_duplicate not in ("error", "skip", "replace"):
        raise ValueError(f"on_duplicate must be error, skip or replace, not {on_duplicate!r}")
    notice = on_notice or (lambda _message: None)
    added: list[str] = []
    skipped: list[str] = []
    replaced: list[str] = []
    kept: list[str] = []
    merged: list[tuple[str, str]] = []
    mentions: dict[ox.NamedNode, int] = defaultdict(int)
    """Mentions the new articles add to each entity's stored total."""
    written = 0
    removed_from: set[ox.NamedNode] = set()
    """Entities of replaced articles: the tidy may drop them, and their index entries."""
    with new_generation(directory) as writing:
        for resolved in resolved_articles:
            article = resolved.article
            sha = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
            stored_sha = store_index.stored_sha1(writing.store, article.id)
            wanted, duplicate = stored_duplicate(
                writing.store,
                article.id,
                sha,
                stored_sha,
                f"{article.source or article.id}: article id {article.id!r} is already stored",
                replace=replace,
                on_duplicate=on_duplicate,
                on_error=on_error,
                notice=notice,
                kept=kept,
                skipped=skipped,
            )
            if not wanted:
                continue
            if duplicate is not None:
                # Its entities stay in the entity graph until the tidy at the end, but
                # without evidence: the lookup below no longer sees the ones only it named.
                graph_iri = ox.NamedNode(str(article_graph_iri(duplicate)))
                removed_from |= store_index.entities_mentioned_in(writing.store, graph_iri)
                writing.store.remove_graph(graph_iri)
                if duplicate not in added:  # one added earlier in this add stays "added"
                    replaced.append(article.id)
            linked = resolve_against(
                resolved, store_index.known_for(writing.store, writing.index, resolved)
            )
            graph = new_graph()
            add_article(graph, linked.article)
            if link is not None:
                link(graph)
            quads = _quads(graph, writing.store)
            writing.store.extend(quads)
            written += len(quads)
            for quad in quads:
                if quad.predicate == store_tidy.ARTICLE_MENTION_COUNT:
                    mentions[quad.subject] += int(quad.object.value)
            for merge in linked.merges:
                store_tidy.rename(writing.store, merge.old, merge.new)
                merged.append((merge.old, merge.new))
            store_index.refresh(
                writing.store,
                writing.index,
                [store_index.iri(key) for key in graph]
                + [store_index.iri(merge.old) for merge in linked.merges],
            )
            if duplicate is None or duplicate in added:
                if duplicate in added:
                    added.remove(duplicate)
                added.append(article.id)
            writing.changed = True
        if writing.changed:
            # Totals of entities whose evidence went (replaced articles) or moved (merges)
            # are recounted; the others' grow by the new articles' counts.
            exact = removed_from | {store_index.iri(key) for pair in merged for key in pair}
            store_tidy.add_mentions(
                writing.store, {e: n for e, n in mentions.items() if e not in exact}
            )
            if removed_from:
                store_tidy.after_removal(writing.store, exact)
                store_index.refresh(writing.store, writing.index, removed_from)
            else:
                store_tidy.recount(writing.store, exact)
        writing.compact = written >= COMPACT_AFTER
    return AddReport(tuple(added), tuple(skipped), tuple(replaced), tuple(merged), tuple(kept))


def remove(directory: Path, ids: Iterable[str]) -> list[str]:
    """Delete articles' named graphs and the entities no article mentions any more."""
    from graph import store_index, store_tidy

    ids = list(ids)
    with new_generation(directory) as writing:
        missing = [i for i in ids if not store_index.has_article(writing.store, i)]
        if missing:
            raise StoreError(f"{directory}: no article with id {', '.join(missing)} in the store")
        removed_from: set[ox.NamedNode] = set()
        for article_id in ids:
            graph_iri = ox.NamedNode(str(article_graph_iri(article_id)))
            removed_from |= store_index.entities_mentioned_in(writing.store, graph_iri)
            writing.store.remove_graph(graph_iri)
        store_tidy.after_removal(writing.store, removed_from)
        store_index.refresh(writing.store, writing.index, removed_from)
        writing.changed = bool(ids)
    return ids


EXPORT_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export(directory: Path, fmt: str, path: Path) -> Path:
    """Dump the whole live store: quads formats keep the named graphs, triple formats the
    union of all graphs."""
    from exports import atomic_path
    from graph.vocab import PREFIXES

    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    store = open_store(directory)
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    with atomic_path(path) as tmp:
        if fmt == "nquads":
            store.dump(str(tmp), EXPORT_FORMATS[fmt])
        elif fmt == "trig":
            store.dump(str(tmp), EXPORT_FORMATS[fmt], prefixes=prefixes)
        else:
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            union = ox.Store()
            union.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            options = {} if fmt in {"ntriples", "jsonld"} else {"prefixes": prefixes}
            union.dump(str(tmp), EXPORT_FORMATS[fmt], from_graph=ox.DefaultGraph(), **options)
    return path


__all__ = [
    "AddReport",
    "Linker",
    "add",
    "export",
    "open_store",
    "remove",
    "serving_writable",
    "write_lock",
]
