"""Offline entity linking, a stage over the networkx graph (after graph/kg.py).

- Countries -> GeoNames (https://sws.geonames.org/<id>/) and their ISO 3166-1 code.
- Places -> GeoNames continents, US states and the 34,000 cities of more than 15,000 people
  in graph/geonames.py, by name (a place named like a country links as that country). A name
  one place has is linked at once. A name several places share ("Paris", "Springfield"), or
  one only an alternate name gives ("Kiev"), is linked only when the article settles it,
  strongest first: a relation of the article puts it in the candidate's country or state
  ("Paris, Texas"); the article names the candidate's state or an unambiguous city in that
  state; it names the candidate's country or an unambiguous city there. Population breaks
  a tie only when the largest is ten times the next, and a country alone does not outweigh
  a namesake five times larger (Geneva, Illinois against Geneva). Part of a place's name
  ("Frankfurt", "Palmeiras") needs a relation. Anything else stays unlinked.
- People and organisations (any type the file gives) -> a newsroom's own knowledge base
  (``--kb FILE``: CSV with columns iri, label, aliases ("|"-separated), type), by label or
  alias after normalising case, accents and dots; a surname alone only when one person in
  the knowledge base has it and no other person in the article does.

Each link is kept on its node (``node["links"]``: target, method, score 0..1, article) and
exported as ``owl:sameAs`` plus an ``ng:Link`` node (method, confidence) in the article's
named graph. A country also gets ``node["iso3166"]`` (``ng:iso3166Code``).

What the gazetteer says on its own (a linked city's or state's country) is not evidence from
any article: it goes to ``graph.graph["background"]`` (subject, predicate, object,
object_label, source) and is never an ``ng:Statement`` (it has no sentence, stance or
extractor). The choice: a named graph of its own, ``https://w3id.org/newsgraph/background``,
holding plain triples in N-Quads/TriG, so ``GRAPH <.../background> { ?place ng:country ?c }``
asks the gazetteer and ``?s a ng:Statement`` the articles, and the store can drop a fact
with the last article that mentions its place; formats without named graphs write each fact
as an ``ng:BackgroundFact`` node (``prov:wasDerivedFrom`` its GeoNames record) instead, so no
bare triple there mixes it with what articles assert.

Use: ``link_graph(graph, read_kb(path) if path else None)`` once the graph is built (pipeline
does, and the store links each added article the same way); ``read_kb`` fails on a bad file
with an InputError naming the file and row, so read it before any parsing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.errors import InputError
from graph.gazetteer import Areas, Place, candidates, disambiguate, gazetteer, normalise
from graph.model import EntityType
from graph.vocab import entity_key

GEONAMES = "https://sws.geonames.org/{}/"
CONTAINED_IN = frozenset({"locatedIn", "capitalOf", "country", "partOf"})
"""Relations (ng: local names) whose subject lies inside their object."""
CONTAINS = frozenset({"hasCapital"})
"""Relations whose object lies inside their subject."""


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """A newsroom's authority file, indexed by normalised name."""

    labels: dict[tuple[str, str], frozenset[str]]  # (type, name) -> IRIs with that label
    aliases: dict[tuple[str, str], frozenset[str]]  # (type, name) -> IRIs with that alias
    surnames: dict[str, frozenset[str]]  # a person's last name -> IRIs


KB_TYPES = {t.value.casefold(): t.value for t in EntityType} | {
    "organisation": EntityType.ORGANIZATION.value,
    "org": EntityType.ORGANIZATION.value,
    "per": EntityType.PERSON.value,
}


def read_kb(path: Path) -> KnowledgeBase:
    """Read a knowledge base CSV (iri, label, aliases, type); InputError names a bad row."""
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the knowledge base ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames
            if header is None or not {"iri", "label", "type"} <= set(header):
                raise InputError(f"{path}: expected a CSV header with iri, label, aliases, type")
            for row in reader:
                iri, label, names, etype = _kb_row(f"{path}:{reader.line_num}", row)
                labels[etype, normalise(label)].add(iri)
                for alias in names:
                    aliases[etype, normalise(alias)].add(iri)
                if etype == EntityType.PERSON.value and len(label.split()) > 1:
                    surnames[normalise(label.split()[-1])].add(iri)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{path}:{reader.line_num}: not a valid CSV ({exc})") from None
    if not labels:
        raise InputError(f"{path}: the knowledge base has no rows")
    return KnowledgeBase(_frozen(labels), _frozen(aliases), _frozen(surnames))


def _kb_row(where: str, row: dict) -> tuple[str, str, list[str], str]:
    """One row's iri, label, aliases and entity type, or an InputError naming the row."""
    if None in row or None in row.values():
        raise InputError(f"{where}: expected {len(row) - (None in row)} fields")
    iri, label = row["iri"].strip(), row["label"].strip()
    if not iri.startswith(("http://", "https://", "urn:")) or not label:
        raise InputError(f"{where}: needs an absolute iri and a label")
    etype = KB_TYPES.get(row["type"].strip().casefold())
    if etype is None:
        known = ", ".join(t.value for t in EntityType)
        raise InputError(f"{where}: unknown type {row['type']!r} (known: {known})")
    names = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    return iri, label, names, etype


def _frozen(table: dict) -> dict:
    return {k: frozenset(v) for k, v in table.items()}


def link_graph(graph: nx.MultiDiGraph, kb: KnowledgeBase | None = None) -> nx.MultiDiGraph:
    """Add links to the graph's nodes and gazetteer facts to ``graph.graph["background"]``,
    in place, article by article (a name links as its own article's places allow).
    Running it again adds nothing new. Returns the graph."""
    graph.graph.setdefault("background", [])
    by_article: dict[str, list[str]] = defaultdict(list)
    for key, node in graph.nodes(data=True):
        for article in node.get("articles", []):
            by_article[article].append(key)
    edges: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, data in graph.edges(data=True):
        edges[data.get("article", "")].append((u, data.get("predicate", ""), v))
    for article, keys in by_article.items():
        _link_places(graph, article, keys, edges[article])
        if kb is not None:
            _link_kb(graph, article, keys, kb)
    return graph


def _link(node: dict, target: str, method: str, score: float, article: str) -> None:
    links = node.setdefault("links", [])
    if not any(link["target"] == target and link["article"] == article for link in links):
        links.append(
            {"target": target, "method": method, "score": round(score, 2), "article": article}
        )


def _background(graph: nx.MultiDiGraph, key: str, place: Place) -> None:
    """Record the gazetteer's word that ``place`` (what node ``key`` is) lies in its country."""
    country = gazetteer().country_names.get(place.country)
    if country is None:
        return
    fact = {
        "subject": key,
        "predicate": "country",
        "object": entity_key(EntityType.COUNTRY.value, country),
        "object_label": country,
        "source": GEONAMES.format(place.geonameid),
    }
    if fact not in graph.graph["background"]:
        graph.graph["background"].append(fact)


def _link_places(
    graph: nx.MultiDiGraph, article: str, keys: list[str], edges: list[tuple[str, str, str]]
) -> None:
    from graph.lexicon import country_name

    table = gazetteer()
    areas: dict[str, tuple[str, str]] = {}  # node -> (country, state) it stands for
    found: dict[str, tuple[tuple[Place, ...], bool]] = {}
    for key in keys:
        node = graph.nodes[key]
        if node["type"] not in (EntityType.COUNTRY.value, EntityType.PLACE.value):
            continue
        places, how = candidates(node["label"])
        country = normalise(country_name(node["label"]) or node["label"])
        continent = table.continents.get(normalise(node["label"]))
        if country in table.countries and (node["type"] == "Country" or not places):
            geonameid, iso = table.countries[country]
            if node["type"] == EntityType.COUNTRY.value:
                node["iso3166"] = iso
            _link(node, GEONAMES.format(geonameid), "geonames-country", 1.0, article)
            areas[key] = (iso, "")
        elif node["type"] != EntityType.PLACE.value:
            continue
        elif continent is not None:
            _link(node, GEONAMES.format(continent), "geonames-continent", 0.9, article)
        elif places:
            found[key] = (places, how)
    settled = {k: c[0] for k, (c, how) in found.items() if len(c) == 1 and how == "name"}
    areas |= {k: (p.country, p.admin1) for k, p in settled.items() if p.kind == "region"}
    for key, (places, how) in found.items():
        if key in settled:
            place, method, score = places[0], f"geonames-{places[0].kind}", 0.9
        else:
            # Several places, or one known by another name ("Iberia" is a town's alternate
            # name): only the article's other places can settle it. Part of a name
            # ("Palmeiras" for Santa Cruz das Palmeiras, more often a football club) only
            # when the article says where the place is.
            context = Areas(
                related=_related(key, edges, areas),
                areas={a for k, a in areas.items() if k != key},
                cities=[p for k, p in settled.items() if k != key and p.kind == "city"],
            )
            partial = table.partial.get(normalise(graph.nodes[key]["label"]), frozenset())
            choice = disambiguate(places, context, partial)
            if choice is None:
                continue
            place, method, score = choice
            if how != "name":
                how = "short-name" if place.geonameid in partial else how
                method, score = f"{method}-{how}", score - 0.05
        _link(graph.nodes[key], GEONAMES.format(place.geonameid), method, score, article)
        _background(graph, key, place)


def _related(key: str, edges: list[tuple[str, str, str]], areas: dict) -> set[tuple[str, str]]:
    around = [o for s, p, o in edges if s == key and p in CONTAINED_IN]
    around += [s for s, p, o in edges if o == key and p in CONTAINS]
    return {areas[k] for k in around if k in areas}


def _kb_match(kb: KnowledgeBase, etype: str, names: list[str]) -> tuple[str, str, float] | None:
    """The one knowledge-base entry the names (label first) stand for, by label or alias."""
    for name in names:
        for table, method, score in ((kb.labels, "kb-label", 1.0), (kb.aliases, "kb-alias", 0.9)):
            iris = table.get((etype, normalise(name)), frozenset())
            if len(iris) > 1:  # a name several entries share settles nothing
                return None
            if iris:
                return next(iter(iris)), method, score
    return None


def _link_kb(graph: nx.MultiDiGraph, article: str, keys: list[str], kb: KnowledgeBase) -> None:
    nodes = [graph.nodes[k] for k in keys]
    last_names = [normalise(n["label"].split()[-1]) for n in nodes if n["type"] == "Person"]
    for node in nodes:
        match = _kb_match(kb, node["type"], [node["label"], *node.get("aliases", [])])
        if match is not None:
            _link(node, *match, article)
            continue
        words = node["label"].split()
        if node["type"] != EntityType.PERSON.value or len(words) != 1:
            continue
        # A surname alone: one person in the knowledge base has it, and no one else in the
        # article does (the node itself counts once).
        surname = normalise(words[0])
        owners = kb.surnames.get(surname, frozenset())
        if len(owners) == 1 and last_names.count(surname) == 1:
            _link(node, next(iter(owners)), "kb-surname", 0.6, article)


def linker(kb: Path | None = None):  # noqa: ANN201 - a graph.store.Linker
    """``link_graph`` with an optional knowledge base file, as ``build`` links: what
    ``graph.store.add`` takes as ``link``."""
    base = read_kb(kb) if kb is not None else None
    return lambda graph: link_graph(graph, base)
