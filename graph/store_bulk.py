"""Bulk loading of N-Quads shards (the graph.nq files ``build`` writes) into a store, with the
bookkeeping ``add`` keeps: one transaction, article ids under the duplicate policy, mention
totals, one label per entity, the name index, and short names folded into stored full ones.

A shard is read twice: a streaming scan first (every line parsed, so a bad one is refused
with its file and line before anything is written; its articles and entities listed), then
pyoxigraph's bulk loader writes it into the new generation; a shard holding an article this
add leaves out (already stored, or refused by the duplicate policy) is streamed through
``bulk_extend`` without that article's graph instead. Nothing is re-extracted: what a shard
says about its own articles (the build's resolution across them, its links) is kept; what
an article add would do against the stored entities is done on the loaded entities, shard
by shard (graph/corpus.py's rules: a new short name becomes the one stored person it can
mean, a stored short name the one new fuller name that settles it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import InputError
from graph.vocab import ENTITY, ENTITY_GRAPH, GRAPH, NG, SCHEMA, article_graph_iri

_NQ = ox.RdfFormat.N_QUADS
_ENTITIES = ox.NamedNode(str(ENTITY_GRAPH))
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_ARTICLE = ox.NamedNode(str(NG.Article))
_PERSON = ox.NamedNode(str(NG.Person))
_IDENTIFIER = ox.NamedNode(str(SCHEMA.identifier))
_SHA1 = ox.NamedNode(str(NG.textSha1))


@dataclass(slots=True)
class Shard:
    """What the scan of one shard found."""

    path: Path
    quads: int = 0
    articles: dict[ox.NamedNode, tuple[str, str]] = field(default_factory=dict)
    """Article graph -> (article id, text SHA-1)."""
    entities: set[ox.NamedNode] = field(default_factory=set)
    people: dict[ox.NamedNode, str] = field(default_factory=dict)
    """Person -> its label in the shard."""
    labels: list[ox.Quad] = field(default_factory=list)
    """Entity labels the store already holds otherwise: to become alternative labels."""


def scan(path: Path, store: ox.Store) -> Shard:
    """Parse every line of ``path``; list its articles and entities. ``store`` (the
    generation being written) tells which labels are already held otherwise."""
    shard = Shard(path)
    ids: dict[ox.NamedNode, str] = {}
    shas: dict[ox.NamedNode, str] = {}
    article_graph: dict[ox.NamedNode, ox.NamedNode] = {}
    people: set[ox.NamedNode] = set()
    labels: dict[ox.NamedNode, ox.Quad] = {}
    try:
        for quad in ox.parse(path=str(path), format=_NQ):
            shard.quads += 1
            graph, predicate = quad.graph_name, quad.predicate
            if graph == _ENTITIES:
                if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(
                    str(ENTITY)
                ):
                    shard.entities.add(quad.subject)
                    if predicate == _TYPE and quad.object == _PERSON:
                        people.add(quad.subject)
                    elif predicate == _LABEL:
                        labels[quad.subject] = quad
            elif isinstance(graph, ox.NamedNode) and graph.value.startswith(str(GRAPH)):
                if predicate == _TYPE and quad.object == _ARTICLE:
                    article_graph[quad.subject] = graph
                elif predicate == _IDENTIFIER:
                    ids[quad.subject] = quad.object.value
                elif predicate == _SHA1:
                    shas[quad.subject] = quad.object.value
            elif isinstance(graph, ox.DefaultGraph):
                raise InputError(
                    f"{path}: a triple outside any named graph; not N-Quads a build wrote"
                )
    except SyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno}: not N-Quads ({exc.msg})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for article, graph in article_graph.items():
        if article not in ids:
            raise InputError(f"{path}: article {article.value} has no schema:identifier")
        shard.articles[graph] = (ids[article], shas.get(article, ""))
    for entity, quad in labels.items():
        if entity in people:
            shard.people[entity] = quad.object.value
        held = [q.object for q in store.quads_for_pattern(entity, _LABEL, None, _ENTITIES)]
        if held and quad.object not in held:
            shard.labels.append(quad)
    return shard


def _person_pool(store: ox.Store, index: ox.Store, labels: Iterable[str]):  # noqa: ANN202
    """Stored people the names in ``labels`` can mean (by last word, on the name index)."""
    from graph.corpus import KnownEntities, last_word
    from graph.store_index import LAST_WORD

    known = KnownEntities()
    words = {last_word(label) for label in labels} - {None}
    for word in sorted(words):
        for quad in index.quads_for_pattern(None, LAST_WORD, ox.Literal(word)):
            for label in store.quads_for_pattern(quad.subject, _LABEL, None, _ENTITIES):
                known.add(quad.subject.value, label.object.value, _person_type())
                break
    return known


def _person_type():  # noqa: ANN202
    from graph.model import EntityType

    return EntityType.PERSON


def fold_people(
    store: ox.Store, index: ox.Store, shard: Shard, stored: set[str]
) -> list[tuple[str, str]]:
    """Merge a shard's people with the stored ones as an article add would: a new short
    name into the one stored fuller name, a stored short name into the one new fuller name
    that settles it. ``stored``: the shard's people already held before it was loaded (the
    name index, not yet refreshed, still lists only the people held before). Returns the
    (old, new) IRIs renamed."""
    new = {e.value: label for e, label in shard.people.items() if e.value not in stored}
    if not new:
        return []
    pool = _person_pool(store, index, new.values())
    before = set(pool.labels) | stored
    for iri, label in shard.people.items():
        pool.add(iri.value, label, _person_type())
    renames: list[tuple[str, str]] = []
    for iri, label in sorted(new.items()):
        target = pool.person_for(label)
        if target is not None and target in before:
            renames.append((iri, target))
            continue
        for short in sorted(pool.shorter_names_of(label) & before):
            if pool.person_for(pool.labels[short][0]) == iri:
                renames.append((short, iri))
    for old, new_iri in renames:
        _rename(store, old, new_iri)
    return renames


def _rename(store: ox.Store, old: str, new: str) -> None:
    from graph.store_tidy import RDFS_LABEL, RENAME, SKOS_ALT

    update = RENAME
    for name, value in (
        ("OLD", old),
        ("NEW", new),
        ("ENTITIES", str(ENTITY_GRAPH)),
        ("LABEL", RDFS_LABEL),
        ("ALT", SKOS_ALT),
    ):
        update = update.replace(f"<{name}>", f"<{value}>")
    store.update(update)


def add_shards(
    directory: Path,
    shards: Iterable[Path],
    *,
    replace: bool = False,
    on_duplicate: str = "error",
    on_error: Callable[[InputError], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
):  # noqa: ANN201 - graph.store.AddReport
    """Load N-Quads shards into the store at ``directory`` in one transaction; the article
    policy is ``graph.store.add``'s (unchanged articles left, ``on_duplicate`` for an id
    stored with another text, ``replace`` to load stored articles again). A shard that does
    not parse is refused (an InputError naming its file and line) and nothing is loaded."""
    from graph import store_index, store_tidy
    from graph.store import COMPACT_AFTER, AddReport, new_generation, stored_duplicate

    notice = on_notice or (lambda _message: None)
    added: list[str] = []
    skipped: list[str] = []
    replaced: list[str] = []
    kept: list[str] = []
    merged: list[tuple[str, str]] = []
    touched: set[ox.NamedNode] = set()
    removed_from: set[ox.NamedNode] = set()
    left_out = False
    written = 0
    with new_generation(directory) as writing:
        db, index = writing.store, writing.index
        loaded_from: dict[str, tuple[str, str]] = {}
        """Article id -> (text SHA-1, shard) of the articles this add loaded."""
        for path in shards:
            shard = scan(path, db)
            stored_people = {
                e.value
                for e in shard.people
                if any(True for _ in db.quads_for_pattern(e, _TYPE, _PERSON, _ENTITIES))
            }
            excluded: set[ox.NamedNode] = set()
            for graph, (article_id, sha) in sorted(shard.articles.items(), key=lambda g: g[1]):
                earlier = loaded_from.get(article_id)
                stored_sha = earlier[0] if earlier else store_index.stored_sha1(db, article_id)
                where = f"in {earlier[1]}" if earlier else "stored"
                wanted, duplicate = stored_duplicate(
                    db,
                    article_id,
                    sha,
                    stored_sha,
                    f"{path}: article id {article_id!r} is already {where}",
                    replace=replace,
                    on_duplicate=on_duplicate,
                    on_error=on_error,
                    notice=notice,
                    kept=kept,
                    skipped=skipped,
                )
                if not wanted:
                    excluded.add(graph)
                    continue
                if duplicate is not None:
                    old_graph = ox.NamedNode(str(article_graph_iri(duplicate)))
                    removed_from |= store_index.entities_mentioned_in(db, old_graph)
                    db.remove_graph(old_graph)
                    if duplicate in added:
                        added.remove(duplicate)
                    else:
                        replaced.append(article_id)
                added.append(article_id)
                loaded_from[article_id] = (sha, str(path))
            if shard.articles and excluded >= set(shard.articles):
                continue  # nothing of it is added: its shared graphs are not loaded either
            left_out |= bool(excluded)
            if excluded:
                db.bulk_extend(
                    q for q in ox.parse(path=str(path), format=_NQ) if q.graph_name not in excluded
                )
            else:
                db.bulk_load(path=str(path), format=_NQ)
            written += shard.quads
            for quad in shard.labels:  # the stored label stays; the shard's is another name
                db.remove(quad)
                db.add(ox.Quad(quad.subject, _ALT, quad.object, _ENTITIES))
            renames = fold_people(db, index, shard, stored_people)
            merged.extend(renames)
            touched |= shard.entities | {ox.NamedNode(i) for pair in renames for i in pair}
            store_index.refresh(db, index, touched & (set(shard.people) | _iris(renames)))
            writing.changed = writing.changed or bool(shard.quads)
        if writing.changed:
            if removed_from or left_out or merged:
                # Entities only a left-out or replaced article named lose their evidence.
                store_tidy.after_removal(db, touched | removed_from)
                store_index.refresh(db, index, removed_from | _iris(merged))
            else:
                store_tidy.recount(db, touched)
        writing.compact = written >= COMPACT_AFTER
    return AddReport(
        tuple(added),
        tuple(skipped),
        tuple(replaced),
        tuple((_key(old), _key(new)) for old, new in merged),
        tuple(kept),
    )


def _iris(pairs: Iterable[tuple[str, str]]) -> set[ox.NamedNode]:
    return {ox.NamedNode(i) for pair in pairs for i in pair}


def _key(iri: str) -> str:
    return iri.removeprefix(str(ENTITY))


__all__ = ["Shard", "add_shards", "fold_people", "scan"]
