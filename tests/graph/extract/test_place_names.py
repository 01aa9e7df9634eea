"""Places the NER misses, recovered where the sentence says they are places."""

from __future__ import annotations

import pytest

from graph.model import EntityType
from tests.graph.extract.helpers import run


def _places(text: str) -> dict[str, EntityType]:
    ctx, _ = run(text)
    return {m.name: m.type for m in ctx.mentions if m.extractor == "place_names"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Lyon is in France, on the Rhone.", "Lyon"),
        ("Kano and Kaduna are in northern Nigeria.", "Kano"),
        ("Nice is in France, near Monaco.", "Nice"),
    ],
)
def test_a_gazetteer_name_in_a_place_position_is_a_place(text: str, place: str) -> None:
    assert _places(text).get(place) is EntityType.PLACE


@pytest.mark.parametrize(
    "text",
    [
        "Reading is a good habit and Paris is nice.",  # a town's name, no place position
        "Airlines flying the jet are Aloha, Delta, Orion and Piedmont.",  # a list beside a place
        "Chelsea and Liverpool drew 1-1 at Stamford Bridge on Sunday.",  # clubs
        "March is in the spring.",
        "Victoria is in London this week.",  # a given name: a person visits
    ],
)
def test_a_gazetteer_name_elsewhere_is_left_alone(text: str) -> None:
    assert _places(text) == {}
