"""The knowledge graph as N-Quads lines, built once as plain strings: the one model of a
triple on the hot path. The writers (exports/rdf.py), the streaming build
(graph/stream.py) and the store (graph/store.py) all start from these lines.

The mapping is exports/rdf.py's (see its docstring); the terms are written exactly as
rdflib's N-Triples/N-Quads serialiser writes them, so the sorted lines are byte-identical
to what the rdflib path wrote: IRIs as ``<iri>``, literals with ``\\``, ``"``, newline and
carriage return escaped, integers as xsd:integer, confidences as xsd:decimal in plain
notation, dates as xsd:date, gYearMonth or gYear.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

import networkx as nx

from graph.errors import ExportError
from graph.lexicon import writes_bare_triple
from graph.vocab import (
    BACKGROUND_GRAPH,
    ENTITY_GRAPH,
    NG,
    PROV,
    SCHEMA,
    STATEMENT,
    article_graph_iri,
    article_iri,
    entity_iri,
    extractor_iri,
    statement_iri,
)

Triple = tuple[str, str, str]
"""Subject, predicate and object, each already an N-Triples term."""

_INVALID_IRI = '<>" {}|\\^`'
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def iri(value: str) -> str:
    """An IRI as an N-Triples term; an IRI no RDF writer accepts is an ExportError."""
    if any(c in value for c in _INVALID_IRI):
        raise ExportError(f"cannot write {value!r} as an IRI")
    return f"<{value}>"


def literal(text: str) -> str:
    """A plain string literal."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return '"' + escaped.replace("\r", "\\r") + '"'


def typed(lexical: str, datatype: str) -> str:
    return f"{literal(lexical)}^^<{datatype}>"


def integer(value: int) -> str:
    return typed(str(int(value)), _XSD + "integer")


def decimal(value: float | int) -> str:
    """A number as rdflib writes ``Literal(value, datatype=XSD.decimal)``: its Python text."""
    if isinstance(value, float) and not math.isfinite(value):
        lexical = "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
    else:
        lexical = str(value)
    return typed(lexical, _XSD + "decimal")


def confidence(value: float) -> str:
    """A score as a valid xsd:decimal (plain notation, never 1e-07)."""
    return typed(format(Decimal(repr(float(value))), "f"), _XSD + "decimal")


def date_literal(value: str) -> str:
    kind = {10: "date", 7: "gYearMonth"}.get(len(value), "gYear")
    return typed(value, _XSD + kind)


RDF_TYPE = iri(_RDF + "type")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (iri(_RDF + n) for n in ("subject", "predicate", "object"))
RDFS_LABEL = iri("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = iri("http://www.w3.org/2004/02/skos/core#altLabel")
OWL_SAME = iri("http://www.w3.org/2002/07/owl#sameAs")
DERIVED = iri(str(PROV.wasDerivedFrom))
ENTITIES = iri(str(ENTITY_GRAPH))
BACKGROUND = iri(str(BACKGROUND_GRAPH))


def ng(name: str) -> str:
    return iri(str(NG) + name)


SCHEMA_CLASS = {
    "Person": "Person",
    "Organization": "Organization",
    "Place": "Place",
    "Country": "Country",
    "Event": "Event",
    "Quantity": "QuantitativeValue",
    "Position": "Role",
    "Group": "Audience",
    "Product": "Product",
    "Work": "CreativeWork",
    "Concept": "Thing",
}
STANCE = {s: ng(s.capitalize()) for s in ("asserted", "proposed", "negated", "reported")}


def entity(key: str) -> str:
    return f"<{entity_iri(key)}>"


def article(article_id: str) -> str:
    return f"<{article_iri(article_id)}>"


def _entity_triples(key: str, node: dict, mentions: int) -> Iterator[Triple]:
    subject = entity(key)
    yield subject, RDF_TYPE, ng(node["type"])
    if node["type"] in SCHEMA_CLASS:
        yield subject, RDF_TYPE, iri(str(SCHEMA) + SCHEMA_CLASS[node["type"]])
    yield subject, RDFS_LABEL, literal(node["label"])
    for alias in node.get("aliases", []):
        if alias != node["label"]:
            yield subject, SKOS_ALT, literal(alias)
    yield subject, ng("mentionCount"), integer(mentions)
    if node.get("date_value"):
        yield subject, ng("dateValue"), date_literal(node["date_value"])
    if node.get("numeric_value"):
        yield subject, ng("numericValue"), decimal(node["numeric_value"])
    if node.get("iso3166"):
        yield subject, ng("iso3166Code"), literal(node["iso3166"])


def _article_triples(article_id: str, info: dict) -> Iterator[Triple]:
    subject = article(article_id)
    yield subject, RDF_TYPE, ng("Article")
    yield subject, RDF_TYPE, iri(str(SCHEMA) + "NewsArticle")
    yield subject, iri(str(SCHEMA) + "identifier"), literal(article_id)
    for field, name in (("title", "headline"), ("date", "datePublished"), ("url", "url")):
        if info.get(field):
            yield subject, iri(str(SCHEMA) + name), literal(info[field])
    if info.get("sha1"):
        yield subject, ng("textSha1"), literal(info["sha1"])


def _statement_triples(u: str, v: str, key: str, data: dict) -> Iterator[Triple]:
    statement = iri(str(STATEMENT) + key)
    subject, obj, predicate = entity(u), entity(v), ng(data["predicate"])
    if data["stance"] not in STANCE:
        raise ExportError(f"edge {key}: unknown stance {data['stance']!r}")
    if writes_bare_triple(data["stance"], data["extractor"]):
        yield subject, predicate, obj
    yield statement, RDF_TYPE, ng("Statement")
    yield statement, RDF_SUBJECT, subject
    yield statement, RDF_PREDICATE, predicate
    yield statement, RDF_OBJECT, obj
    yield statement, ng("stance"), STANCE[data["stance"]]
    yield statement, ng("sentence"), literal(data["sentence"])
    yield statement, ng("sentenceStart"), integer(data["sentence_start"])
    yield statement, ng("startOffset"), integer(data["start"])
    yield statement, ng("endOffset"), integer(data["end"])
    yield statement, ng("confidence"), confidence(data["confidence"])
    yield statement, ng("extractor"), f"<{extractor_iri(data['extractor'])}>"
    yield statement, DERIVED, article(data["article"])
    if data.get("speaker"):
        yield statement, ng("speaker"), entity(data["speaker"])


def _coreference_triples(coref: dict) -> Iterator[Triple]:
    node = f"<{statement_iri('coref', coref['article'], coref['start'], coref['end'])}>"
    yield node, RDF_TYPE, ng("Coreference")
    yield node, ng("refersTo"), entity(coref["entity"])
    yield node, ng("surface"), literal(coref["text"])
    yield node, ng("startOffset"), integer(coref["start"])
    yield node, ng("endOffset"), integer(coref["end"])
    yield node, ng("method"), literal(coref["method"])
    yield node, DERIVED, article(coref["article"])


def link_triples(key: str, link: dict) -> Iterator[Triple]:
    """owl:sameAs to the linked resource, and an ng:Link node keeping method and score."""
    subject, target = entity(key), iri(link["target"])
    node = f"<{statement_iri('link', link['article'], key, link['target'])}>"
    yield subject, OWL_SAME, target
    yield node, RDF_TYPE, ng("Link")
    yield node, ng("linkSubject"), subject
    yield node, ng("linkTarget"), target
    yield node, ng("method"), literal(link["method"])
    yield node, ng("confidence"), decimal(link["score"])
    yield node, DERIVED, article(link["article"])


def article_triples(graph: nx.MultiDiGraph, links: bool = True) -> dict[str, list[Triple]]:
    """Article id -> the triples that article supports (its own named graph); ``links``
    False leaves out the links (the streaming build writes them once all are known)."""
    by_article: dict[str, list[Triple]] = defaultdict(list)
    for article_id, info in graph.graph.get("articles", {}).items():
        by_article[article_id].extend(_article_triples(article_id, info))
    mentioned_in, count = ng("mentionedIn"), ng("articleMentionCount")
    for key, node in graph.nodes(data=True):
        counts = node.get("article_mentions", {})
        for article_id in node["articles"]:
            subject = entity(key)
            by_article[article_id].append((subject, mentioned_in, article(article_id)))
            if article_id in counts:
                by_article[article_id].append((subject, count, integer(counts[article_id])))
    for u, v, key, data in graph.edges(keys=True, data=True):
        by_article[data["article"]].extend(_statement_triples(u, v, key, data))
    for coref in graph.graph.get("coreferences", []):
        by_article[coref["article"]].extend(_coreference_triples(coref))
    if links:
        for key, node in graph.nodes(data=True):
            for link in node.get("links", []):
                by_article[link["article"]].extend(link_triples(key, link))
    return by_article


def background_triples(facts: Iterable[dict], nodes: nx.MultiDiGraph) -> Iterator[Triple]:
    """The gazetteer's facts as bare triples (N-Quads puts them in the background graph);
    a country no article names still gets a name."""
    for fact in facts:
        country = entity(fact["object"])
        yield entity(fact["subject"]), ng(fact["predicate"]), country
        if fact["object"] not in nodes:
            yield country, RDFS_LABEL, literal(fact["object_label"])


def background_fact_triples(facts: Iterable[dict], nodes: nx.MultiDiGraph) -> Iterator[Triple]:
    """The gazetteer's facts for a single graph: each a described ng:BackgroundFact."""
    for fact in facts:
        subject, obj = entity(fact["subject"]), entity(fact["object"])
        node = statement_iri("background", fact["subject"], fact["predicate"], fact["object"])
        node = f"<{node}>"
        yield node, RDF_TYPE, ng("BackgroundFact")
        yield node, RDF_SUBJECT, subject
        yield node, RDF_PREDICATE, ng(fact["predicate"])
        yield node, RDF_OBJECT, obj
        yield node, DERIVED, iri(fact["source"])
        if fact["object"] not in nodes:
            yield obj, RDFS_LABEL, literal(fact["object_label"])


def shared_triples(nodes: nx.MultiDiGraph, extractors: Iterable[str]) -> Iterator[Triple]:
    """What all articles share: entity descriptions and the extractors (one copy each)."""
    for key, node in nodes.nodes(data=True):
        yield from _entity_triples(key, node, node["mentions"])
    for name in sorted(set(extractors)):
        subject = f"<{extractor_iri(name)}>"
        yield subject, RDF_TYPE, ng("Extractor")
        yield subject, RDFS_LABEL, literal(name)


def extractor_names(graph: nx.MultiDiGraph) -> set[str]:
    return {data["extractor"] for *_, data in graph.edges(data=True)}


def quad_line(triple: Triple, graph_name: str) -> str:
    return f"{triple[0]} {triple[1]} {triple[2]} {graph_name} .\n"


def triple_line(triple: Triple) -> str:
    return f"{triple[0]} {triple[1]} {triple[2]} .\n"


def graph_name(article_id: str) -> str:
    return f"<{article_graph_iri(article_id)}>"


def dataset_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Every N-Quads line of the graph (one named graph per article, the shared entity
    graph, the background graph), unsorted and possibly repeated."""
    for article_id, triples in article_triples(graph).items():
        name = graph_name(article_id)
        for triple in triples:
            yield quad_line(triple, name)
    for triple in shared_triples(graph, extractor_names(graph)):
        yield quad_line(triple, ENTITIES)
    for triple in background_triples(graph.graph.get("background", []), graph):
        yield quad_line(triple, BACKGROUND)


def graph_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Every N-Triples line of the graph as one graph (background facts as nodes)."""
    for triples in article_triples(graph).values():
        for triple in triples:
            yield triple_line(triple)
    for triple in shared_triples(graph, extractor_names(graph)):
        yield triple_line(triple)
    for triple in background_fact_triples(graph.graph.get("background", []), graph):
        yield triple_line(triple)


def sorted_unique(lines: Iterable[str]) -> list[str]:
    """Lines in byte order (UTF-8 keeps code point order), each once."""
    return sorted(set(lines))


def encode(lines: Iterable[str]) -> bytes:
    return "".join(lines).encode("utf-8", "replace")
