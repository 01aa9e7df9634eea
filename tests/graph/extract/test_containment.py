"""Containment the gazetteer settles between places one article names (graph/extract/
containment.py): sentences from several countries, and the names it must leave alone."""

from __future__ import annotations

import pytest

from graph.extract.containment import settled_city
from tests.graph.extract.helpers import run


def _contained(text: str) -> set[tuple[str, str]]:
    _, relations = run(text)
    return {
        (r.subject.name, r.object.name)
        for r in relations
        if r.evidence.extractor == "containment" and r.predicate == "locatedIn"
    }


@pytest.mark.parametrize(
    "text, city, holder",
    [
        ("Floods hit Mombasa on Sunday. Kenya asked for aid.", "Mombasa", "Kenya"),
        ("Protests spread across India. Police in Mumbai arrested 20 people.", "Mumbai", "India"),
        ("Brazil's president flew to Sao Paulo.", "Sao Paulo", "Brazil"),
        ("Germany's economy grew. Factories in Munich hired staff.", "Munich", "Germany"),
        ("Voters in Ohio queued for hours. Turnout in Cleveland was high.", "Cleveland", "Ohio"),
        ("Protesters in Osaka criticised Japan's government.", "Osaka", "Japan"),
        (
            "Schools in Scotland reopened. Pupils in Glasgow returned on Monday.",
            "Glasgow",
            "Scotland",
        ),
    ],
)
def test_a_city_lies_in_the_area_the_article_names(text: str, city: str, holder: str) -> None:
    assert (city, holder) in _contained(text)


def test_the_narrowest_area_named_holds_the_city() -> None:
    text = "Elections will be held across England in May. Turnout in Leeds was low, the UK said."
    found = _contained(text)
    assert ("Leeds", "England") in found
    assert not {pair for pair in found if pair[0] == "Leeds" and pair[1] != "England"}


@pytest.mark.parametrize(
    "text",
    [
        "Macron spoke in Paris. Floods hit Texas on Monday.",  # the French Paris, not named
        "A Kenyan runner won the race in Berlin.",  # a country beside a city it does not hold
        "Talks between India and Pakistan resumed in Hyderabad.",  # a city in both
        "Leaders met in Atlanta. Georgia's governor spoke.",  # the state or the country?
        "Fans gathered in Birmingham. Alabama won the game.",  # the far larger Birmingham
    ],
)
def test_a_doubtful_name_is_left_alone(text: str) -> None:
    assert not _contained(text)


def test_what_the_article_says_wins() -> None:
    """ "Paris, Texas" is the locative extractor's; nothing puts it in France."""
    assert not _contained("The Texas town of Paris flooded. Paris, Texas, is small. France won.")


@pytest.mark.parametrize(
    "name, areas, country",
    [
        ("Doncaster", {("GB", "ENG")}, "GB"),  # the Australian one is smaller
        ("London", {("CA", "")}, None),  # London, Ontario is outweighed by London
        ("Frankfurt", {("DE", "")}, None),  # an alternate name only: not without doubt
        ("Springfield", {("US", "")}, None),  # eight namesakes in one country
    ],
)
def test_settled_city(name: str, areas: set[tuple[str, str]], country: str | None) -> None:
    city = settled_city(name, areas)
    assert (city.country if city else None) == country


def test_a_name_a_larger_place_bears_is_in_doubt() -> None:
    """Hollywood, Florida is a city of the main table; the Los Angeles one is larger."""
    assert settled_city("Hollywood", {("US", "FL")}) is None
    assert settled_city("Clermont", {("US", "")}) is None  # Clermont-Ferrand, for short
