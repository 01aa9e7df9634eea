"""What a title implies (graph/extract/title_facts.py), on sentences written here."""

from __future__ import annotations

import pytest

from tests.graph.extract.helpers import run


def _triples(text: str) -> set[tuple[str, str, str]]:
    _, relations = run(text)
    return {(r.subject.name, r.predicate, r.object.name) for r in relations}


@pytest.mark.parametrize(
    "text, person, country",
    [
        (
            "Aleksander Alekseev, the former ambassador to Cuba, said the missiles were ready.",
            "Aleksander Alekseev",
            "Cuba",
        ),
        ("Li Ming, China's ambassador to Kenya, met the president.", "Li Ming", "Kenya"),
        ("Jean Dupont, the French ambassador to Japan, resigned.", "Jean Dupont", "Japan"),
    ],
)
def test_an_envoy_is_no_citizen_of_the_country_he_is_sent_to(
    text: str, person: str, country: str
) -> None:
    assert (person, "citizenOf", country) not in _triples(text)


@pytest.mark.parametrize(
    "text, person, country",
    [
        ("Li Ming, China's ambassador to Kenya, met the president.", "Li Ming", "China"),
        ("Omar Haddad, the foreign minister of Jordan, resigned.", "Omar Haddad", "Jordan"),
    ],
)
def test_a_state_office_of_a_country_is_held_by_its_citizen(
    text: str, person: str, country: str
) -> None:
    assert (person, "citizenOf", country) in _triples(text)
