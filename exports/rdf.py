"""RDF exports (Turtle, N-Triples, N-Quads, TriG, JSON-LD) of the knowledge graph.

The files are written from the plain N-Quads/N-Triples lines of exports/quads.py (Turtle and
TriG through pyoxigraph's serialisers, JSON-LD through rdflib, which writes a context);
``to_graph`` and ``to_dataset`` give the same triples as rdflib objects for users' code.

Mapping, in one place:
- entity: ``rdf:type`` ng:<Type> and schema:<Type>; one ``rdfs:label``; ``skos:altLabel``;
  ``ng:mentionedIn`` each article; ``ng:mentionCount``.
- relation mention: an ``ng:Statement`` node with rdf:subject/predicate/object, ng:stance,
  ng:sentence, offsets, ng:confidence, ng:extractor, prov:wasDerivedFrom (the article) and
  ng:speaker for reported speech. Only an asserted relation is also a direct triple
  ``subject ng:predicate object``, so a naive query never sees proposed or negated facts,
  and only from an extractor trusted to assert (graph/schema/statement_only.tsv lists those
  below 0.8 precision on the news gold, whose facts stay statements).
- N-Quads/TriG: one named graph per article (graph/<article id>) holds what that article
  says: its metadata, its statements and asserted triples, which entities it mentions
  (ng:mentionedIn) and its coreference evidence. What every article shares (an entity's
  type, label, alt labels and total mention count; the extractors) is written once, in the
  graph ``https://w3id.org/newsgraph/entities``, so a query over the union of graphs never
  sees an entity's label twice.
- Links (graph/link.py): ``owl:sameAs`` to GeoNames or a newsroom's knowledge base, with an
  ``ng:Link`` node (ng:linkSubject, ng:linkTarget, ng:method, ng:confidence,
  prov:wasDerivedFrom the article) in the article's graph; a country's ``ng:iso3166Code``
  with its description. Facts the gazetteer adds on its own (a city's ``ng:country``) are
  never an ng:Statement: N-Quads/TriG put them, as bare triples, in the graph
  ``https://w3id.org/newsgraph/background`` only; formats without named graphs (Turtle,
  N-Triples, JSON-LD) write each as an ``ng:BackgroundFact`` node (rdf:subject, rdf:predicate,
  rdf:object, prov:wasDerivedFrom the GeoNames record) and never as a bare triple.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from exports import atomic_path, exporters, quads
from graph.errors import ExportError
from graph.lexicon import writes_bare_triple
from graph.vocab import (
    BACKGROUND_GRAPH,
    ENTITY_GRAPH,
    NG,
    PREFIXES,
    PROV,
    SCHEMA,
    STATEMENT,
    article_graph_iri,
    article_iri,
    entity_iri,
    extractor_iri,
    predicate_iri,
    statement_iri,
)

Triple = tuple[URIRef, URIRef, object]

SCHEMA_CLASS = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Country": SCHEMA.Country,
    "Event": SCHEMA.Event,
    "Quantity": SCHEMA.QuantitativeValue,
    "Position": SCHEMA.Role,
    "Group": SCHEMA.Audience,
    "Product": SCHEMA.Product,
    "Work": SCHEMA.CreativeWork,
    "Concept": SCHEMA.Thing,
}
STANCE = {
    "asserted": NG.Asserted,
    "proposed": NG.Proposed,
    "negated": NG.Negated,
    "reported": NG.Reported,
}


def _entity_triples(key: str, node: dict, mentions: int) -> Iterator[Triple]:
    iri = entity_iri(key)
    yield iri, RDF.type, NG[node["type"]]
    if node["type"] in SCHEMA_CLASS:
        yield iri, RDF.type, SCHEMA_CLASS[node["type"]]
    yield iri, RDFS.label, Literal(node["label"])
    for alias in node.get("aliases", []):
        if alias != node["label"]:
            yield iri, SKOS.altLabel, Literal(alias)
    yield iri, NG.mentionCount, Literal(mentions)
    for name, datatype in (("date_value", None), ("numeric_value", XSD.decimal)):
        value = node.get(name)
        if value:
            literal = Literal(value, datatype=datatype) if datatype else _date_literal(value)
            yield iri, NG.dateValue if name == "date_value" else NG.numericValue, literal
    if node.get("iso3166"):
        yield iri, NG.iso3166Code, Literal(node["iso3166"])


def _decimal(value: float) -> Literal:
    """An xsd:decimal with a valid lexical form: rdflib keeps a float given as a decimal
    as a float, which SHACL then finds ill-typed in a graph that was never written out."""
    return Literal(Decimal(format(Decimal(repr(float(value))), "f")), datatype=XSD.decimal)


def _date_literal(value: str) -> Literal:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def _article_triples(article_id: str, info: dict) -> Iterator[Triple]:
    iri = article_iri(article_id)
    yield iri, RDF.type, NG.Article
    yield iri, RDF.type, SCHEMA.NewsArticle
    yield iri, SCHEMA.identifier, Literal(article_id)
    if info.get("title"):
        yield iri, SCHEMA.headline, Literal(info["title"])
    if info.get("date"):
        yield iri, SCHEMA.datePublished, Literal(info["date"])
    if info.get("url"):
        yield iri, SCHEMA.url, Literal(info["url"])
    if info.get("sha1"):
        yield iri, NG.textSha1, Literal(info["sha1"])


def _statement_triples(u: str, v: str, key: str, data: dict) -> Iterator[Triple]:
    statement = STATEMENT[key]
    subject, obj, predicate = entity_iri(u), entity_iri(v), predicate_iri(data["predicate"])
    if data["stance"] not in STANCE:
        raise ExportError(f"edge {key}: unknown stance {data['stance']!r}")
    if writes_bare_triple(data["stance"], data["extractor"]):
        yield subject, predicate, obj
    yield statement, RDF.type, NG.Statement
    yield statement, RDF.subject, subject
    yield statement, RDF.predicate, predicate
    yield statement, RDF.object, obj
    yield statement, NG.stance, STANCE[data["stance"]]
    yield statement, NG.sentence, Literal(data["sentence"])
    yield statement, NG.sentenceStart, Literal(data["sentence_start"])
    yield statement, NG.startOffset, Literal(data["start"])
    yield statement, NG.endOffset, Literal(data["end"])
    yield statement, NG.confidence, _decimal(data["confidence"])
    yield statement, NG.extractor, extractor_iri(data["extractor"])
    yield statement, PROV.wasDerivedFrom, article_iri(data["article"])
    if data.get("speaker"):
        yield statement, NG.speaker, entity_iri(data["speaker"])


def _coreference_triples(coref: dict) -> Iterator[Triple]:
    node = statement_iri("coref", coref["article"], coref["start"], coref["end"])
    yield node, RDF.type, NG.Coreference
    yield node, NG.refersTo, entity_iri(coref["entity"])
    yield node, NG.surface, Literal(coref["text"])
    yield node, NG.startOffset, Literal(coref["start"])
    yield node, NG.endOffset, Literal(coref["end"])
    yield node, NG.method, Literal(coref["method"])
    yield node, PROV.wasDerivedFrom, article_iri(coref["article"])


def article_triples(graph: nx.MultiDiGraph) -> dict[str, list[Triple]]:
    """Article id -> the triples that article supports (its own named graph)."""
    by_article: dict[str, list[Triple]] = defaultdict(list)
    for article_id, info in graph.graph.get("articles", {}).items():
        by_article[article_id].extend(_article_triples(article_id, info))
    for key, node in graph.nodes(data=True):
        counts = node.get("article_mentions", {})
        for article_id in node["articles"]:
            iri = entity_iri(key)
            by_article[article_id].append((iri, NG.mentionedIn, article_iri(article_id)))
            if article_id in counts:
                by_article[article_id].append(
                    (iri, NG.articleMentionCount, Literal(counts[article_id]))
                )
    for u, v, key, data in graph.edges(keys=True, data=True):
        by_article[data["article"]].extend(_statement_triples(u, v, key, data))
    for coref in graph.graph.get("coreferences", []):
        by_article[coref["article"]].extend(_coreference_triples(coref))
    for key, node in graph.nodes(data=True):
        for link in node.get("links", []):
            by_article[link["article"]].extend(_link_triples(key, link))
    return by_article


def _link_triples(key: str, link: dict) -> Iterator[Triple]:
    """owl:sameAs to the linked resource, and an ng:Link node keeping method and score."""
    subject, target = entity_iri(key), URIRef(link["target"])
    node = statement_iri("link", link["article"], key, link["target"])
    yield subject, OWL.sameAs, target
    yield node, RDF.type, NG.Link
    yield node, NG.linkSubject, subject
    yield node, NG.linkTarget, target
    yield node, NG.method, Literal(link["method"])
    yield node, NG.confidence, Literal(link["score"], datatype=XSD.decimal)
    yield node, PROV.wasDerivedFrom, article_iri(link["article"])


def background_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Facts the gazetteer adds (a city's country): they hold in the world, but no article
    says them, so they get a graph of their own and no statement node."""
    for fact in graph.graph.get("background", []):
        country = entity_iri(fact["object"])
        yield entity_iri(fact["subject"]), NG[fact["predicate"]], country
        if fact["object"] not in graph:  # a country no article names still gets a name
            yield country, RDFS.label, Literal(fact["object_label"])


def background_fact_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """The gazetteer's facts for a single graph, where no graph name can mark them: each a
    described ng:BackgroundFact, so no query for bare triples mistakes one for the news."""
    for fact in graph.graph.get("background", []):
        subject, obj = entity_iri(fact["subject"]), entity_iri(fact["object"])
        node = statement_iri("background", fact["subject"], fact["predicate"], fact["object"])
        yield node, RDF.type, NG.BackgroundFact
        yield node, RDF.subject, subject
        yield node, RDF.predicate, NG[fact["predicate"]]
        yield node, RDF.object, obj
        yield node, PROV.wasDerivedFrom, URIRef(fact["source"])
        if fact["object"] not in graph:
            yield obj, RDFS.label, Literal(fact["object_label"])


def shared_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """What all articles share: entity descriptions and the extractors (one copy each)."""
    for key, node in graph.nodes(data=True):
        yield from _entity_triples(key, node, node["mentions"])
    for name in sorted({data["extractor"] for *_, data in graph.edges(data=True)}):
        yield extractor_iri(name), RDF.type, NG.Extractor
        yield extractor_iri(name), RDFS.label, Literal(name)


def to_dataset(graph: nx.MultiDiGraph) -> Dataset:
    """One named graph per article, plus the shared entity graph."""
    dataset = Dataset()
    _bind(dataset)
    for article_id, triples in article_triples(graph).items():
        named = dataset.graph(article_graph_iri(article_id))
        for triple in triples:
            named.add(triple)
    shared = dataset.graph(ENTITY_GRAPH)
    for triple in shared_triples(graph):
        shared.add(triple)
    background = list(background_triples(graph))
    if background:
        named = dataset.graph(BACKGROUND_GRAPH)
        for triple in background:
            named.add(triple)
    return dataset


def to_graph(graph: nx.MultiDiGraph) -> Graph:
    """Everything in one graph."""
    rdf = Graph()
    _bind(rdf)
    for triples in article_triples(graph).values():
        for triple in triples:
            rdf.add(triple)
    for triple in shared_triples(graph):
        rdf.add(triple)
    for triple in background_fact_triples(graph):
        rdf.add(triple)
    return rdf


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def _failed(path: Path, exc: OSError) -> ExportError:
    return ExportError(f"{path}: cannot write ({exc.strerror})")


def write_lines(lines: list[str], path: Path) -> None:
    """Sorted N-Quads or N-Triples lines (exports/quads.py) to ``path``, atomically."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(quads.encode(lines))
    except OSError as exc:
        raise _failed(path, exc) from None


def _prefixes() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def turtle_from_ntriples(source: Path | bytes, path: Path) -> None:
    """Turtle with the project's prefixes from N-Triples (a file or bytes), streamed through
    pyoxigraph's serialiser: subjects sorted together are written once each."""
    import pyoxigraph as ox

    parsed = (
        ox.parse(source, ox.RdfFormat.N_TRIPLES)
        if isinstance(source, bytes)
        else ox.parse(path=source, format=ox.RdfFormat.N_TRIPLES)
    )
    try:
        with atomic_path(path) as tmp:
            ox.serialize(parsed, str(tmp), ox.RdfFormat.TURTLE, prefixes=_prefixes())
    except OSError as exc:
        raise _failed(path, exc) from None


def trig_from_nquads(source: Path | bytes, path: Path) -> None:
    """TriG with the project's prefixes from sorted N-Quads (a file or bytes), one block per
    named graph: the lines are grouped by graph name (in memory) and streamed through
    pyoxigraph's serialiser, which keeps every literal as written."""
    import pyoxigraph as ox

    data = source if isinstance(source, bytes) else source.read_bytes()
    lines = data.splitlines(keepends=True)
    lines.sort(key=lambda line: line.rsplit(b" ", 2)[-2])  # stable: sorted within a graph
    try:
        with atomic_path(path) as tmp:
            ox.serialize(
                ox.parse(b"".join(lines), ox.RdfFormat.N_QUADS),
                str(tmp),
                ox.RdfFormat.TRIG,
                prefixes=_prefixes(),
            )
    except OSError as exc:
        raise _failed(path, exc) from None


def jsonld_from_ntriples(source: Path | bytes, path: Path) -> None:
    """JSON-LD compacted with the project's prefixes as its context (rdflib: pyoxigraph
    writes no context)."""
    rdf = Graph()
    if isinstance(source, bytes):
        rdf.parse(data=source, format="nt")
    else:
        rdf.parse(str(source), format="nt")
    try:
        with atomic_path(path) as tmp:
            rdf.serialize(
                destination=str(tmp), format="json-ld", encoding="utf-8", context=_prefixes()
            )
    except OSError as exc:
        raise _failed(path, exc) from None


def _ntriples(graph: nx.MultiDiGraph) -> list[str]:
    return quads.sorted_unique(quads.graph_lines(graph))


@exporters.register("turtle", suffix=".ttl")
def turtle(graph: nx.MultiDiGraph, path: Path) -> None:
    turtle_from_ntriples(quads.encode(_ntriples(graph)), path)


@exporters.register("ntriples", suffix=".nt")
def ntriples(graph: nx.MultiDiGraph, path: Path) -> None:
    write_lines(_ntriples(graph), path)


@exporters.register("jsonld", suffix=".jsonld")
def jsonld(graph: nx.MultiDiGraph, path: Path) -> None:
    jsonld_from_ntriples(quads.encode(_ntriples(graph)), path)


@exporters.register("nquads", suffix=".nq")
def nquads(graph: nx.MultiDiGraph, path: Path) -> None:
    write_lines(quads.sorted_unique(quads.dataset_lines(graph)), path)


@exporters.register("trig", suffix=".trig")
def trig(graph: nx.MultiDiGraph, path: Path) -> None:
    trig_from_nquads(quads.encode(quads.sorted_unique(quads.dataset_lines(graph))), path)
