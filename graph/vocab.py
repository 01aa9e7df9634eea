"""Namespaces, IRI minting and the relation schema read from graph/schema/ontology.ttl.

Every IRI the project writes is minted here, so the same entity gets the same IRI in every
run and every article, and an IRI is valid whatever characters the text holds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

from graph.errors import SchemaError

BASE = "https://w3id.org/newsgraph/"
NG = Namespace(BASE + "ontology#")
ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
STATEMENT = Namespace(BASE + "statement/")
EXTRACTOR = Namespace(BASE + "extractor/")
GRAPH = Namespace(BASE + "graph/")
ENTITY_GRAPH = URIRef(BASE + "entities")
"""The named graph of what articles share: entity types, labels, aliases, counts."""
BACKGROUND_GRAPH = URIRef(BASE + "background")
"""The named graph of facts from gazetteers, not from any article."""
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "ng": NG,
    "ent": ENTITY,
    "art": ARTICLE,
    "stmt": STATEMENT,
    "schema": SCHEMA,
    "wd": WD,
    "wdt": WDT,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "rdfs": RDFS,
}


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A readable ASCII IRI segment for a name; non-Latin names keep a percent-encoded form.
    (Kept per text: the same names and types are slugged for every entity, IRI and export.)"""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()
    if folded:
        return folded[:120]
    encoded = quote(text.strip().lower(), safe="")
    return encoded[:120] if encoded else "x" + hashlib.sha1(text.encode()).hexdigest()[:12]


def entity_key(type_name: str, name: str) -> str:
    """The stable key of an entity, also its IRI path: ``Person/emmanuel-macron``."""
    return f"{type_name}/{slug(name)}"


def entity_iri(key: str) -> URIRef:
    type_part, _, name_part = key.partition("/")
    return ENTITY[f"{slug(type_part)}/{quote(name_part, safe='-._~%')}"]


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[quote(article_id, safe="-._~")]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything one article says."""
    return GRAPH[quote(article_id, safe="-._~")]


def statement_iri(*parts: object) -> URIRef:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return STATEMENT[digest[:20]]


def extractor_iri(name: str) -> URIRef:
    return EXTRACTOR[slug(name)]


def predicate_iri(predicate: str) -> URIRef:
    return NG[predicate]


@dataclass(frozen=True, slots=True)
class RelationType:
    """One predicate of the relation schema, as declared in ontology.ttl."""

    id: str
    label: str
    comment: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    wikidata: str | None
    wikidata_match: str | None
    """"exact", "close" or "inverse": how the Wikidata property relates to this one."""
    inverse: str | None
    conll04: str | None


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def ontology_text() -> str:
    return resources.files("graph.schema").joinpath("ontology.ttl").read_text("utf-8")


@lru_cache(maxsize=1)
def relation_schema() -> dict[str, RelationType]:
    """Predicate id -> RelationType for every ng:RelationType in the ontology."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF

    graph = Graph().parse(data=ontology_text(), format="turtle")
    schema: dict[str, RelationType] = {}
    for prop in graph.subjects(RDF.type, NG.RelationType):

        def one(p: URIRef, prop: URIRef = prop) -> object | None:
            return next(iter(graph.objects(prop, p)), None)

        wikidata, match = None, None
        for predicate, kind in (
            (SKOS.exactMatch, "exact"),
            (SKOS.closeMatch, "close"),
            (NG.wikidataInverse, "inverse"),
        ):
            value = one(predicate)
            if value is not None:
                wikidata, match = _local(value), kind
                break
        label = one(RDFS.label)
        if not isinstance(label, Literal):
            raise SchemaError(f"ontology.ttl: {prop} has no rdfs:label")
        inverse = one(OWL.inverseOf)
        conll = one(NG.conll04Label)
        schema[_local(prop)] = RelationType(
            id=_local(prop),
            label=str(label),
            comment=str(one(RDFS.comment) or ""),
            domain=tuple(sorted(_local(o) for o in graph.objects(prop, SCHEMA.domainIncludes))),
            range=tuple(sorted(_local(o) for o in graph.objects(prop, SCHEMA.rangeIncludes))),
            wikidata=wikidata,
            wikidata_match=match,
            inverse=_local(inverse) if inverse is not None else None,
            conll04=str(conll) if conll is not None else None,
        )
    return schema


def check_predicate(predicate: str) -> str:
    """Return ``predicate`` if the schema declares it; a typo in an extractor fails loudly."""
    if predicate not in relation_schema():
        raise SchemaError(f"predicate {predicate!r} is not declared in graph/schema/ontology.ttl")
    return predicate
