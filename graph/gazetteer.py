"""The GeoNames gazetteer as knowledge: which places a name may stand for, and which one an
article's other places settle. Loaded once from the GeoNames tables the package ships
(graph/geonames.py); read by the extractors
(graph/extract/containment.py) and by the linking stage (graph/link.py) alike.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from graph.geonames import collector_paused

POPULATION_RATIO = 10
"""How much larger the biggest equally supported candidate must be to win on population."""
OUTWEIGHED = 5
"""A place supported only by its country is not linked if a namesake is this much larger."""

# How strongly the article supports a candidate place, and the score and method suffix of
# a link made at that level.
RELATED, REGION, COUNTRY = 3, 2, 1
LEVELS = {RELATED: (0.85, "related"), REGION: (0.8, "region"), COUNTRY: (0.7, "country")}


def normalise(name: str) -> str:
    """The form names are compared in: accents, case, dots, spacing and a leading "the"
    do not count ("The Hague" = "hague", "U.N." = "un", "Zürich" = "zurich")."""
    if not name.isascii():  # the fast path matters: the gazetteer has 190,000 names
        name = unicodedata.normalize("NFKD", name).replace("\u2019", "'")
        name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().replace(".", "").split()).removeprefix("the ")


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames place a name may stand for."""

    geonameid: int
    name: str
    kind: str  # "city" or "region"
    country: str  # ISO 3166-1 code
    admin1: str  # first-level division code (a US state's postal code)
    population: int | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Normalised name -> candidate places, read once from the shipped GeoNames tables."""

    countries: dict[str, tuple[int, str]]  # normalised country name -> (geonameid, ISO code)
    country_names: dict[str, str]  # ISO code -> canonical name
    continents: dict[str, int]
    names: dict[str, tuple[Place, ...]]  # by a place's own name
    alternates: dict[str, tuple[Place, ...]]  # by an alternate name only ("Bombay")
    partial: dict[str, frozenset[int]]  # alternate names that are part of the place's name
    alternate_bearers: dict[str, tuple[int, int]]
    """Alternate name -> (population, geonameid) of the largest city bearing it, even where
    other cities have it as their own name ("clermont": Clermont-Ferrand)."""


@lru_cache(maxsize=1)
@collector_paused()
def gazetteer() -> Gazetteer:
    """Load the tables (once per process; bench/link.py times it)."""
    from graph.geonames import tables
    from graph.lexicon import _rows, country_name

    geonames = tables()
    countries = {c.name: (c.geonameid, c.iso) for c in geonames.countries}
    # name -> {geonameid: place}: dicts keep GeoNames' order and skip hashing the records
    names: dict[str, dict[int, Place]] = defaultdict(dict)
    alternates: dict[str, dict[int, Place]] = defaultdict(dict)
    partial: dict[str, set[int]] = defaultdict(set)  # "frankfurt": Frankfurt am Main ...
    bearers: dict[str, tuple[int, int]] = {}
    for info in geonames.cities:
        city = Place(info.geonameid, info.name, "city", info.country, info.admin1, info.population)
        name = normalise(info.name)
        names[name][city.geonameid] = city
        for alternate in info.alternates:  # ASCII ones only, as shipped
            alternate = normalise(alternate)
            alternates[alternate][city.geonameid] = city
            if (city.population or 0) > bearers.get(alternate, (-1, 0))[0]:
                bearers[alternate] = (city.population or 0, city.geonameid)
            if set(alternate.split()) < set(name.split()):
                partial[alternate].add(city.geonameid)
    states = {}
    for state in geonames.states:
        region = Place(state.geonameid, state.name, "region", "US", state.code, None)
        states[state.name] = region
        names[normalise(state.name)][region.geonameid] = region
        alternates[normalise(state.code)][region.geonameid] = region
    for abbreviation, name in _rows("us_state_abbreviations.tsv", 2):
        if name in states:
            alternates[normalise(abbreviation)][states[name].geonameid] = states[name]
    return Gazetteer(
        countries={normalise(name): ids for name, ids in countries.items()},
        # named as the resolver names countries, so a fact's object is the article's entity
        country_names={iso: country_name(name) or name for name, (_, iso) in countries.items()},
        continents={normalise(c.name): c.geonameid for c in geonames.continents},
        names={k: tuple(v.values()) for k, v in names.items()},
        alternates={k: tuple(v.values()) for k, v in alternates.items() if k not in names},
        partial={k: frozenset(v) for k, v in partial.items() if k not in names},
        alternate_bearers=bearers,
    )


def candidates(name: str) -> tuple[tuple[Place, ...], str]:
    """The places a name may stand for, and how: by their "name" or an "alternate-name"."""
    table, key = gazetteer(), normalise(name)
    if key in table.names:
        return table.names[key], "name"
    return table.alternates.get(key, ()), "alternate-name"


@dataclass(frozen=True, slots=True)
class Areas:
    """What one article says about where a place name is: (country, state) pairs, state ""
    for a whole country."""

    related: set[tuple[str, str]]  # areas a relation of the article puts the place in
    areas: set[tuple[str, str]]  # countries and states the article names
    cities: list[Place]  # cities it names unambiguously


def disambiguate(
    places: tuple[Place, ...], context: Areas, partial: frozenset[int] = frozenset()
) -> tuple[Place, str, float] | None:
    """The candidate the article's other places support best, with method and score.
    Places in ``partial`` (the name is part of theirs) count only when a relation puts them."""
    regions = {a for a in context.areas if a[1]} | {(c.country, c.admin1) for c in context.cities}
    countries = {c for c, _ in context.areas} | {c.country for c in context.cities}

    def level(place: Place) -> int:
        if {(place.country, ""), (place.country, place.admin1)} & context.related:
            return RELATED
        if place.geonameid in partial:
            return 0
        if (place.country, place.admin1) in regions:
            return REGION
        return COUNTRY if place.country in countries else 0

    best = max(level(p) for p in places)
    if best == 0:
        return None
    top = [p for p in places if level(p) == best]
    score, why = LEVELS[best]
    method = f"geonames-{top[0].kind}-{why}"
    if len(top) > 1:
        sizes = sorted((p.population or 0 for p in top), reverse=True)
        if any(p.population is None for p in top) or sizes[0] < POPULATION_RATIO * sizes[1]:
            return None
        top = [max(top, key=lambda p: p.population or 0)]
        method, score = f"geonames-{top[0].kind}-{why}-population", score - 0.15
    chosen = top[0]
    if best == COUNTRY and chosen.population:
        # Naming a country is weak evidence (most articles name the United States): it does
        # not outweigh a far larger namesake (Geneva, Illinois against Geneva).
        if any((p.population or 0) >= OUTWEIGHED * chosen.population for p in places):
            return None
    return chosen, method, score


@lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[str, str]]:
    """Normalised name of a first-level division -> (ISO country code, admin1 code): the US
    states and graph/schema/admin1_divisions.tsv (England, Scotland ...)."""
    from graph.lexicon import _rows

    table = {
        normalise(p.name): (p.country, p.admin1)
        for places in gazetteer().names.values()
        for p in places
        if p.kind == "region"
    }
    for name, country, admin1 in _rows("admin1_divisions.tsv", 3):
        table[normalise(name)] = (country, admin1)
    return table


def area(name: str) -> tuple[str, str] | None:
    """The (country, admin1) area a country's or division's name stands for, admin1 "" for a
    whole country: "Kenya" -> ("KE", ""), "Texas" -> ("US", "TX"), "Wales" -> ("GB", "WLS");
    None for a name that is no such area or two of them ("Georgia")."""
    from graph.lexicon import country_name

    key, country = normalise(name), country_name(name)
    if key in divisions():
        return None if country else divisions()[key]  # "Georgia": the state or the country?
    found = gazetteer().countries.get(normalise(country)) if country else None
    return (found[1], "") if found else None


@lru_cache(maxsize=1)
@collector_paused()
def _largest_bearers() -> dict[str, tuple[int, int]]:
    """Normalised name -> (population, geonameid) of the largest place that bears it: as its
    own name among the 69,000 GeoNames places of more than 5,000 people, or as an alternate
    name of a city of the main table ("Clermont" for Clermont-Ferrand)."""
    from graph.geonames import tables

    def bear(name: str, population: int, geonameid: int) -> None:
        if population > table.get(name, (-1, 0))[0]:
            table[name] = (population, geonameid)

    table = dict(gazetteer().alternate_bearers)
    for town in tables().towns:
        bear(normalise(town.name), town.population or 0, town.geonameid)
    return table


def largest_bearer(name: str) -> int | None:
    """The GeoNames id of the most populous place known by ``name``, small towns and other
    names included: "Hollywood" is the Los Angeles one, not Hollywood, Florida."""
    found = _largest_bearers().get(normalise(name))
    return found[1] if found else None
