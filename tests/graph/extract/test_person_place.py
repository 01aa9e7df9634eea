"""A name's own words as person or place evidence (graph/extract/person_place.py)."""

from __future__ import annotations

import pytest

from graph.extract.person_place import given_name_first, shape_type
from graph.model import EntityType

P, PL = EntityType.PERSON, EntityType.PLACE


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Prince Norodom Sihamoni", P),
        ("Duchess of Cornwall", P),
        ("Sheikh Mohammed bin Rashid", P),
        ("Custer National Forest", PL),
        ("Atlas Mountains", PL),
        ("Zambezi River", PL),
        ("Mount Elgon", PL),
        ("Sierra Nevada", PL),
        ("Mount Sinai Hospital", None),  # a feature word first names a feature only in two words
        ("King Fahd Hospital", None),  # a rank title before a facility word: a site
        ("Prince George", None),  # a city the gazetteer knows
        ("Gazprom", None),
        ("Kenya Airways", None),
    ],
)
def test_shape_type(name: str, expected: EntityType | None) -> None:
    assert shape_type(name) is expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Frank Okafor", True),
        ("Maria Lindqvist", True),
        ("Victoria", False),  # one word
        ("Charles Town", False),  # a place word
        ("Henry Ford Hospital", False),  # a facility word
        ("Victoria Falls", False),  # a feature word
        ("Paris Saint-Germain", False),  # not a given name first
    ],
)
def test_given_name_first(name: str, expected: bool) -> None:
    assert given_name_first(name) is expected
