"""Read a graph file written by ``newsgraph build`` (any RDF format) back into the networkx
MultiDiGraph of graph/kg.py, so views and desktop formats can start from the RDF file."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.kg import new_graph
from graph.query import load_file, run
from graph.vocab import ARTICLE, ENTITY, NG, STATEMENT

NODES = f"""
SELECT ?e ?label ?type ?count WHERE {{
  ?e rdfs:label ?label ; a ?type .
  OPTIONAL {{ ?e ng:mentionCount ?count }}
  FILTER(STRSTARTS(STR(?type), STR(ng:)) && STRSTARTS(STR(?e), "{ENTITY}"))
}}"""
ALIASES = "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
MENTIONED = "SELECT DISTINCT ?e ?article WHERE { ?e ng:mentionedIn ?article }"
COUNTS_BY_GRAPH = """
SELECT ?e ?article ?n WHERE {
  GRAPH ?g { ?e ng:articleMentionCount ?n ; ng:mentionedIn ?article }
}"""
COUNTS = "SELECT ?e ?article ?n WHERE { ?e ng:articleMentionCount ?n ; ng:mentionedIn ?article }"
ARTICLES = """
SELECT ?article ?id ?title ?date ?url ?sha1 WHERE {
  ?article a ng:Article ; schema:identifier ?id .
  OPTIONAL { ?article ng:textSha1 ?sha1 }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:url ?url }
}"""
STATEMENTS = """
SELECT ?s ?subject ?predicate ?object ?stance ?confidence ?extractor ?article ?sentence
       ?sentenceStart ?start ?end ?speaker WHERE {
  ?s a ng:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
     ng:stance ?stance ; ng:confidence ?confidence ; ng:extractor/rdfs:label ?extractor ;
     prov:wasDerivedFrom ?article ; ng:sentence ?sentence ; ng:sentenceStart ?sentenceStart ;
     ng:startOffset ?start ; ng:endOffset ?end .
  OPTIONAL { ?s ng:speaker ?speaker }
}"""
LINKS = """
SELECT ?e ?target ?method ?score ?article WHERE {
  ?l a ng:Link ; ng:linkSubject ?e ; ng:linkTarget ?target ; ng:method ?method ;
     ng:confidence ?score ; prov:wasDerivedFrom ?article .
}"""
ISO = "SELECT ?e ?code WHERE { ?e ng:iso3166Code ?code }"
VALUES = """
SELECT ?e ?date ?number WHERE {
  { ?e ng:dateValue ?date } UNION { ?e ng:numericValue ?number }
}"""
BACKGROUND = """
SELECT DISTINCT ?s ?p ?o ?label ?source WHERE {
  { GRAPH <https://w3id.org/newsgraph/background> { ?s ?p ?o . FILTER(?p != rdfs:label) }
    ?link ng:linkSubject ?s ; ng:linkTarget ?source .
    FILTER(STRSTARTS(STR(?source), "https://sws.geonames.org/")) }
  UNION
  { ?fact a ng:BackgroundFact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      prov:wasDerivedFrom ?source }
  ?o rdfs:label ?label .
}"""
COREFERENCES = """
SELECT ?entity ?surface ?start ?end ?method ?article WHERE {
  ?c a ng:Coreference ; ng:refersTo ?entity ; ng:surface ?surface ; ng:startOffset ?start ;
     ng:endOffset ?end ; ng:method ?method ; prov:wasDerivedFrom ?article .
}"""


def _local(term: ox.NamedNode, namespace: object) -> str:
    return term.value[len(str(namespace)) :]


def _key(iri: ox.NamedNode, type_name: str) -> str:
    """Entity key from its IRI (entity/<type>/<name>) and its ng: class."""
    return f"{type_name}/{_local(iri, ENTITY).split('/', 1)[1]}"


def _article_id(iri: ox.NamedNode) -> str:
    from urllib.parse import unquote

    return unquote(_local(iri, ARTICLE))


def read_graph(path: Path) -> nx.MultiDiGraph:
    """The knowledge graph stored in an RDF file, with the kg.py node and edge attributes."""
    return graph_from_store(load_file(path))


def graph_from_store(store: ox.Store) -> nx.MultiDiGraph:
    graph = new_graph()
    keys: dict[str, str] = {}
    for row in run(store, NODES):
        type_name = _local(row["type"], NG)
        if type_name in {"Article", "Statement", "Extractor", "Coreference"}:
            continue
        if row["e"].value in keys and type_name != "Country":
            continue  # a Country is also typed by its superclass only in reasoned data
        key = _key(row["e"], type_name)
        keys[row["e"].value] = key
        graph.add_node(
            key,
            label=row["label"].value,
            type=type_name,
            aliases=[],
            mentions=int(row["count"].value) if row["count"] else 0,
            articles=[],
            article_mentions={},
        )
    for row in run(store, ALIASES):
        if row["e"].value in keys:
            graph.nodes[keys[row["e"].value]]["aliases"].append(row["alias"].value)
    for row in run(store, MENTIONED):
        if row["e"].value in keys:
            graph.nodes[keys[row["e"].value]]["articles"].append(_article_id(row["article"]))
    for _, data in graph.nodes(data=True):
        data["aliases"].sort()
        data["articles"].sort()
    rows = list(run(store, COUNTS_BY_GRAPH))
    if not rows:  # a triples-only file: a count is only certain for a one-article entity
        rows = [
            r
            for r in run(store, COUNTS)
            if len(graph.nodes.get(keys.get(r["e"].value), {}).get("articles", [])) == 1
        ]
    for row in rows:
        if row["e"].value in keys:
            node = graph.nodes[keys[row["e"].value]]
            node["article_mentions"][_article_id(row["article"])] = int(row["n"].value)
    for row in run(store, ARTICLES):
        graph.graph["articles"][row["id"].value] = {
            "title": row["title"].value if row["title"] else "",
            "date": row["date"].value if row["date"] else None,
            "url": row["url"].value if row["url"] else None,
            "source": "",
            "sha1": row["sha1"].value if row["sha1"] else None,
        }
    for row in run(store, STATEMENTS):
        subject, obj = keys.get(row["subject"].value), keys.get(row["object"].value)
        if subject is None or obj is None:
            continue
        speaker = row["speaker"]
        graph.add_edge(
            subject,
            obj,
            key=_local(row["s"], STATEMENT),
            predicate=_local(row["predicate"], NG),
            stance=_local(row["stance"], NG).lower(),
            confidence=float(row["confidence"].value),
            extractor=row["extractor"].value,
            article=_article_id(row["article"]),
            sentence=row["sentence"].value,
            sentence_start=int(row["sentenceStart"].value),
            start=int(row["start"].value),
            end=int(row["end"].value),
            speaker=keys.get(speaker.value) if speaker is not None else None,
        )
    for row in run(store, LINKS):
        if row["e"].value in keys:
            graph.nodes[keys[row["e"].value]].setdefault("links", []).append(
                {
                    "target": row["target"].value,
                    "method": row["method"].value,
                    "score": float(row["score"].value),
                    "article": _article_id(row["article"]),
                }
            )
    for row in run(store, VALUES):
        if row["e"].value in keys:
            node = graph.nodes[keys[row["e"].value]]
            if row["date"] is not None:
                node["date_value"] = row["date"].value
            if row["number"] is not None:
                number = float(row["number"].value)
                node["numeric_value"] = int(number) if number.is_integer() else number
    for row in run(store, ISO):
        if row["e"].value in keys:
            graph.nodes[keys[row["e"].value]]["iso3166"] = row["code"].value
    sources = {}
    for row in run(store, BACKGROUND):
        if row["s"].value in keys:
            sources.setdefault((row["s"].value, row["p"].value, row["o"].value), row)
    for (subject, _predicate, _obj), row in sources.items():
        graph.graph.setdefault("background", []).append(
            {
                "subject": keys[subject],
                "predicate": _local(row["p"], NG),
                "object": _key(row["o"], "Country"),
                "object_label": row["label"].value,
                "source": row["source"].value,
            }
        )
    for row in run(store, COREFERENCES):
        if row["entity"].value in keys:
            graph.graph["coreferences"].append(
                {
                    "article": _article_id(row["article"]),
                    "entity": keys[row["entity"].value],
                    "text": row["surface"].value,
                    "start": int(row["start"].value),
                    "end": int(row["end"].value),
                    "method": row["method"].value,
                }
            )
    return graph
