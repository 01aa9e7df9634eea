"""What an add looks up in the store, without reading every entity or every article.

Cross-article resolution (graph/corpus.py) of one article needs only the stored entities
with the article's keys and the stored people whose name ends in the word one of the
article's people's names ends in. Keys are entity IRIs, found on Oxigraph's own indexes;
a name's last word is not something Oxigraph can look up (only a FILTER over every label
finds it), so the store keeps a name index beside each generation: a small pyoxigraph
store of ``<entity> ng:lastWord "netanyahu"`` triples, one per stored person. It lives
apart from the generation so that the store still holds exactly what the articles say:
queries, exports and the SPARQL endpoint never see it. Only writers read it, and a writer
rebuilds it from the entity graph when it is missing (graph/store.py).

Stored articles are found the same way: by their id or text SHA-1 literal.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.corpus import KnownEntities, last_word
from graph.model import EntityType, ResolvedArticle
from graph.vocab import ENTITY_GRAPH, NG, SCHEMA, entity_iri

LAST_WORD = ox.NamedNode(str(NG.lastWord))
_ENTITIES = ox.NamedNode(str(ENTITY_GRAPH))
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PERSON = ox.NamedNode(str(NG.Person))
_ARTICLE = ox.NamedNode(str(NG.Article))
_IDENTIFIER = ox.NamedNode(str(SCHEMA.identifier))
_SHA1 = ox.NamedNode(str(NG.textSha1))
_MENTIONED_IN = ox.NamedNode(str(NG.mentionedIn))


def _label(store: ox.Store, entity: ox.NamedNode) -> str | None:
    for quad in store.quads_for_pattern(entity, _LABEL, None, _ENTITIES):
        return quad.object.value
    return None


def _entries(store: ox.Store, entity: ox.NamedNode) -> set[ox.Quad]:
    """The index entries ``entity`` should have, given what the store holds now."""
    if not any(True for _ in store.quads_for_pattern(entity, _TYPE, _PERSON, _ENTITIES)):
        return set()
    label = _label(store, entity)
    word = last_word(label) if label is not None else None
    return set() if word is None else {ox.Quad(entity, LAST_WORD, ox.Literal(word))}


def build(store: ox.Store, index: ox.Store) -> None:
    """Index every stored person (once, for a store written without the index)."""
    people = {q.subject for q in store.quads_for_pattern(None, _TYPE, _PERSON, _ENTITIES)}
    index.bulk_extend(entry for person in people for entry in _entries(store, person))


def refresh(store: ox.Store, index: ox.Store, entities: Iterable[ox.NamedNode]) -> None:
    """Bring the entries of ``entities`` in line with the store: people added, renamed
    away or dropped as orphans. Costs what those entities hold, not what the store holds."""
    new: set[ox.Quad] = set()
    for entity in set(entities):
        wanted = _entries(store, entity)
        held = set(index.quads_for_pattern(entity, LAST_WORD, None))
        for quad in held - wanted:
            index.remove(quad)
        new |= wanted - held
    if new:
        index.extend(new)


def iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(str(entity_iri(key)))


def known_for(store: ox.Store, index: ox.Store, resolved: ResolvedArticle) -> KnownEntities:
    """The stored entities ``resolve_against`` can use for this article (see the module
    doc): a handful of index lookups, whatever the size of the store."""
    from exports.rdf_read import _key

    candidates = {iri(entity.key) for entity in resolved.entities}
    words = {
        last_word(entity.label) for entity in resolved.entities if entity.type is EntityType.PERSON
    } - {None}
    for word in words:
        candidates.update(
            q.subject for q in index.quads_for_pattern(None, LAST_WORD, ox.Literal(word))
        )
    known = KnownEntities()
    for entity in sorted(candidates, key=str):
        label = _label(store, entity)
        if label is None or not any(
            True for _ in store.quads_for_pattern(entity, _MENTIONED_IN, None, None)
        ):
            continue  # not stored, or named only by an article this add replaced
        for quad in store.quads_for_pattern(entity, _TYPE, None, _ENTITIES):
            type_name = quad.object.value.removeprefix(str(NG))
            try:
                etype = EntityType(type_name)
            except ValueError:
                continue  # schema:Person and the like
            known.add(_key(entity, type_name), label, etype)
    return known


def entities_mentioned_in(store: ox.Store, graph: ox.NamedNode) -> set[ox.NamedNode]:
    """Entities an article graph gives evidence for: those a removal may leave orphaned."""
    return {q.subject for q in store.quads_for_pattern(None, _MENTIONED_IN, None, graph)}


def _articles_with(store: ox.Store, predicate: ox.NamedNode, value: str) -> list[ox.Quad]:
    """The (article, predicate, value) quads of stored articles."""
    return [
        quad
        for quad in store.quads_for_pattern(None, predicate, ox.Literal(value), None)
        if any(
            True for _ in store.quads_for_pattern(quad.subject, _TYPE, _ARTICLE, quad.graph_name)
        )
    ]


def has_article(store: ox.Store, article_id: str) -> bool:
    return bool(_articles_with(store, _IDENTIFIER, article_id))


def stored_sha1(store: ox.Store, article_id: str) -> str | None:
    """The text SHA-1 of the stored article of that id ("" if it has none), None if no
    article of that id is stored."""
    for quad in _articles_with(store, _IDENTIFIER, article_id):
        for sha in store.quads_for_pattern(quad.subject, _SHA1, None, quad.graph_name):
            return sha.object.value
        return ""
    return None


def article_with_text(store: ox.Store, sha1: str) -> str | None:
    """The id of a stored article whose text has that SHA-1, if any."""
    ids = sorted(
        q.object.value
        for quad in _articles_with(store, _SHA1, sha1)
        for q in store.quads_for_pattern(quad.subject, _IDENTIFIER, None, quad.graph_name)
    )
    return ids[0] if ids else None


__all__ = [
    "article_with_text",
    "build",
    "entities_mentioned_in",
    "has_article",
    "iri",
    "known_for",
    "refresh",
    "stored_sha1",
]
