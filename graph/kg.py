"""Resolved articles -> one networkx MultiDiGraph.

Nodes are entity keys with ``label``, ``type``, ``aliases`` (sorted list), ``mentions``
(count over all articles), ``articles`` (ids) and ``article_mentions`` (id -> count);
Date nodes may have ``date_value`` (ISO xsd:date, gYearMonth or gYear string) and Quantity
nodes ``numeric_value`` (a number), when the text and the article date fix them.
Edges are relation mentions keyed by their statement id, with ``predicate``, ``stance``,
``confidence``, ``extractor``, ``article``, ``sentence``, ``sentence_start``, ``start``,
``end`` and ``speaker`` (an entity key or None).
``graph.graph["articles"]`` maps article id -> {title, date, url, source, sha1 of the text};
``graph.graph["coreferences"]`` lists {article, entity, text, start, end, method}.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Container, Iterable

import networkx as nx

from graph.model import Entity, EntityType, Relation, ResolvedArticle
from graph.vocab import statement_iri


def statement_id(relation: Relation) -> str:
    """Deterministic id of one relation mention (the last segment of its statement IRI)."""
    ev = relation.evidence
    iri = statement_iri(
        ev.article_id,
        relation.subject,
        relation.predicate,
        relation.object,
        relation.stance,
        ev.start,
        ev.end,
    )
    return str(iri).rsplit("/", 1)[-1]


def new_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = {}
    graph.graph["coreferences"] = []
    return graph


def add_article(graph: nx.MultiDiGraph, resolved: ResolvedArticle) -> None:
    """Add one article's entities and relations, merging nodes that share a key."""
    article = resolved.article
    graph.graph["articles"][article.id] = {
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "source": article.source,
        "sha1": hashlib.sha1(article.text.encode("utf-8")).hexdigest(),
    }
    _add_entities(graph, article.id, resolved.entities)
    for relation in resolved.relations:
        ev = relation.evidence
        graph.add_edge(
            relation.subject,
            relation.object,
            key=statement_id(relation),
            predicate=relation.predicate,
            stance=relation.stance.value,
            confidence=ev.confidence,
            extractor=ev.extractor,
            article=ev.article_id,
            sentence=ev.sentence,
            sentence_start=ev.sentence_start,
            start=ev.start,
            end=ev.end,
            speaker=relation.speaker,
        )
    for coref in resolved.coreferences:
        graph.graph["coreferences"].append(
            {
                "article": article.id,
                "entity": coref.entity_key,
                "text": coref.mention.text,
                "start": coref.mention.start,
                "end": coref.mention.end,
                "method": coref.method,
            }
        )


def _add_entities(
    graph: nx.MultiDiGraph, article_id: str, entities: Iterable[Entity], counts: bool = True
) -> None:
    for entity in entities:
        if entity.key in graph:
            node = graph.nodes[entity.key]
            node["aliases"] = sorted(set(node["aliases"]) | set(entity.aliases))
            node["mentions"] += len(entity.mentions)
            if counts:
                node["article_mentions"][article_id] = len(entity.mentions)
            if article_id not in node["articles"]:
                node["articles"].append(article_id)
        else:
            graph.add_node(
                entity.key,
                label=entity.label,
                type=entity.type.value,
                aliases=list(entity.aliases),
                mentions=len(entity.mentions),
                articles=[article_id],
            )
            if counts:
                graph.nodes[entity.key]["article_mentions"] = {article_id: len(entity.mentions)}
            _set_value(graph.nodes[entity.key], entity)


def add_outline(
    graph: nx.MultiDiGraph, resolved: ResolvedArticle, predicates: Container[str]
) -> None:
    """Add what later stages need of an article and no evidence: its entities as
    ``add_article`` adds them but without per-article counts, and only the relations with one
    of ``predicates`` (keyed as there, with ``predicate`` and ``article`` only). The streaming
    build keeps this outline in memory while the evidence goes to disk (graph/stream.py)."""
    article_id = resolved.article.id
    _add_entities(graph, article_id, resolved.entities, counts=False)
    for relation in resolved.relations:
        if relation.predicate in predicates:
            graph.add_edge(
                relation.subject,
                relation.object,
                key=statement_id(relation),
                predicate=relation.predicate,
                article=article_id,
            )


def _set_value(node: dict, entity: Entity) -> None:
    if not entity.value:
        return
    if entity.type is EntityType.DATE:
        node["date_value"] = entity.value
    elif entity.type is EntityType.QUANTITY:
        number = float(entity.value)
        node["numeric_value"] = int(number) if number.is_integer() else number


def build_graph(resolved: Iterable[ResolvedArticle]) -> nx.MultiDiGraph:
    """One graph from a stream of resolved articles."""
    graph = new_graph()
    for item in resolved:
        add_article(graph, item)
    return graph


def summary(graph: nx.MultiDiGraph) -> str:
    """Articles, entities by type, relations by predicate and stance, and links, as the few
    lines ``newsgraph build`` prints."""
    edges = [data for *_, data in graph.edges(data=True)]
    return summary_text(
        len(graph.graph.get("articles", {})),
        graph,
        Counter(data["predicate"] for data in edges),
        Counter(data["stance"] for data in edges),
    )


def summary_text(
    articles: int, nodes: nx.MultiDiGraph, predicates: Counter, stances: Counter
) -> str:
    """``summary`` from counts: the entities and links are read from ``nodes``' nodes."""
    types = Counter(data["type"] for _, data in nodes.nodes(data=True))
    links = Counter(x["method"] for _, d in nodes.nodes(data=True) for x in d.get("links", ()))

    def counts(counter: Counter) -> str:
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))  # ties by name
        return ", ".join(f"{k} {v}" for k, v in ranked) or "none"

    return "\n".join(
        [
            f"articles: {articles}",
            f"entities: {nodes.number_of_nodes()} ({counts(types)})",
            f"relations: {sum(predicates.values())} ({counts(predicates)})",
            f"stances: {counts(stances)}",
            f"links: {sum(links.values())} ({counts(links)})",
        ]
    )
