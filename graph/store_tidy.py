"""Keeping a store's shared graphs in line with its article graphs after a change: entity
mention totals, entities and extractors left without evidence, gazetteer facts no entity
needs any more, and one entity folded into another (a merge across articles).

Each step costs what the changed articles touch, not what the store holds: totals are
incremented from the new articles' counts, and after a removal only the entities the
removed articles mentioned are checked (on Oxigraph's indexes). A removal touching more
entities than ``FULL_PASS_ABOVE`` runs the whole-store passes instead, cheaper then than
long VALUES lists.
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.vocab import ENTITY, ENTITY_GRAPH, GRAPH, NG, entity_iri

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_ENTITIES = ox.NamedNode(str(ENTITY_GRAPH))
_MENTION_COUNT = ox.NamedNode(str(NG.mentionCount))
_MENTIONED_IN = ox.NamedNode(str(NG.mentionedIn))
ARTICLE_MENTION_COUNT = ox.NamedNode(str(NG.articleMentionCount))

FULL_PASS_ABOVE = 2000
"""More entities to check than this and one pass over the whole store is cheaper."""

RECOUNT = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }}
WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }} ;
INSERT {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?total }} }}
WHERE {{ {{ SELECT ?e (SUM(?n) AS ?total) WHERE {{ GRAPH ?g {{ ?e ng:articleMentionCount ?n }} }}
          GROUP BY ?e }} }}
"""
RECOUNT_SOME = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }}
WHERE {{ VALUES ?e {{ ENTITIES }} GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?old }} }} ;
INSERT {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ng:mentionCount ?total }} }}
WHERE {{ {{ SELECT ?e (SUM(?n) AS ?total) WHERE {{ VALUES ?e {{ ENTITIES }}
          GRAPH ?g {{ ?e ng:articleMentionCount ?n }} }} GROUP BY ?e }} }}
"""
DROP_UNUSED_EXTRACTORS = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?x ?p ?o }} }}
WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?x a ng:Extractor ; ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ng:extractor ?x }} }} }}
"""
"""Extractors no stored statement names (a few dozen to check, whatever the store)."""
DROP_ORPHANS = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}
WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o . FILTER(STRSTARTS(STR(?e), "{ENTITY}")) }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ng:mentionedIn ?a }} }} }}
"""
"""Entities no article mentions any more (every entity of the store checked)."""
DROP_SOME_ORPHANS = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}
WHERE {{ VALUES ?e {{ ENTITIES }} GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }}
        FILTER(STRSTARTS(STR(?e), "{ENTITY}"))
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ng:mentionedIn ?a }} }} }}
"""
DROP_UNSUPPORTED_SHARED = f"""
PREFIX ng: <{NG}>
DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }}
WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(?g != <{ENTITY_GRAPH}> && !STRSTARTS(STR(?g), "{GRAPH}"))
        FILTER(STRSTARTS(STR(?s), "{ENTITY}"))
        FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ng:mentionedIn ?a }} }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?s . FILTER(?x != ?s) }} }} }}
"""
"""A fact of a shared graph other than the entities' (the gazetteer's background) goes when
its subject is an entity no article mentions and no remaining fact there points to."""
RENAME = """
DELETE { GRAPH ?g { <OLD> ?p ?o } } INSERT { GRAPH ?g { <NEW> ?p ?o } }
WHERE { GRAPH ?g { <OLD> ?p ?o } FILTER(?g != <ENTITIES>) } ;
DELETE { GRAPH ?g { ?s ?p <OLD> } } INSERT { GRAPH ?g { ?s ?p <NEW> } }
WHERE { GRAPH ?g { ?s ?p <OLD> } FILTER(?g != <ENTITIES>) } ;
INSERT { GRAPH <ENTITIES> { <NEW> <ALT> ?name } }
WHERE { GRAPH <ENTITIES> { <OLD> <LABEL>|<ALT> ?name }
        FILTER NOT EXISTS { GRAPH <ENTITIES> { <NEW> <LABEL> ?name } } } ;
DELETE WHERE { GRAPH <ENTITIES> { <OLD> ?p ?o } }
"""


def rename(store: ox.Store, old: str, new: str) -> None:
    """Fold stored entity ``old`` into ``new``: its evidence in every graph moves over, its
    names become alternative labels of ``new``."""
    update = RENAME
    for name, value in (
        ("OLD", str(entity_iri(old))),
        ("NEW", str(entity_iri(new))),
        ("ENTITIES", str(ENTITY_GRAPH)),
        ("LABEL", RDFS_LABEL),
        ("ALT", SKOS_ALT),
    ):
        update = update.replace(f"<{name}>", f"<{value}>")
    store.update(update)


def add_mentions(store: ox.Store, counts: dict[ox.NamedNode, int]) -> None:
    """Add new articles' mention counts to the stored totals: what RECOUNT would sum,
    without reading every article an often-named entity (a country) appears in."""
    totals = []
    for entity, extra in counts.items():
        stored = list(store.quads_for_pattern(entity, _MENTION_COUNT, None, _ENTITIES))
        for quad in stored:
            store.remove(quad)
        total = ox.Literal(
            str(sum(int(q.object.value) for q in stored) + extra), datatype=XSD_INTEGER
        )
        totals.append(ox.Quad(entity, _MENTION_COUNT, total, _ENTITIES))
    store.extend(totals)


def _values(entities: set[ox.NamedNode]) -> str:
    return " ".join(f"<{e.value}>" for e in sorted(entities, key=lambda e: e.value))


def recount(store: ox.Store, entities: set[ox.NamedNode]) -> None:
    """Recount the totals of ``entities`` from every graph that mentions them."""
    if len(entities) > FULL_PASS_ABOVE:
        store.update(RECOUNT)
    elif entities:
        store.update(RECOUNT_SOME.replace("ENTITIES", _values(entities)))


def _is_shared(graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    return (
        isinstance(graph, ox.NamedNode)
        and graph != _ENTITIES
        and not graph.value.startswith(str(GRAPH))
    )


def _unsupported_shared_facts(store: ox.Store, subjects: set[ox.NamedNode]) -> list[ox.Quad]:
    """DROP_UNSUPPORTED_SHARED's matches among facts about ``subjects``."""
    facts = []
    for subject in subjects:
        if not subject.value.startswith(str(ENTITY)):
            continue
        if any(True for _ in store.quads_for_pattern(subject, _MENTIONED_IN, None, None)):
            continue
        for quad in store.quads_for_pattern(subject, None, None, None):
            pointed_to = any(
                q.subject != subject
                for q in store.quads_for_pattern(None, None, subject, quad.graph_name)
            )
            if _is_shared(quad.graph_name) and not pointed_to:
                facts.append(quad)
    return facts


def after_removal(store: ox.Store, entities: set[ox.NamedNode]) -> None:
    """Tidy after article graphs were removed. ``entities``: those the removed graphs
    mentioned and any whose evidence moved (merges), the only ones that can have lost
    evidence or a total."""
    if len(entities) > FULL_PASS_ABOVE:
        store.update(DROP_ORPHANS)
        store.update(DROP_UNUSED_EXTRACTORS)
        for _ in range(3):  # a city's fact first, then the country label it pointed to
            before = len(store)
            store.update(DROP_UNSUPPORTED_SHARED)
            if len(store) == before:
                break
        store.update(RECOUNT)
        return
    if entities:
        store.update(DROP_SOME_ORPHANS.replace("ENTITIES", _values(entities)))
    store.update(DROP_UNUSED_EXTRACTORS)
    subjects = set(entities)
    for _ in range(3):  # a city's fact first, then the country label it pointed to
        facts = _unsupported_shared_facts(store, subjects)
        for quad in facts:
            store.remove(quad)
        subjects = {q.object for q in facts if isinstance(q.object, ox.NamedNode)}
        if not subjects:
            break
    recount(store, entities)


__all__ = ["add_mentions", "after_removal", "recount", "rename"]
