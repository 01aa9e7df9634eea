"""Entity types from the article's wording: form words, nouns around a name, gazetteers,
products and works after their nouns; sentences written here, several topics and places."""

from __future__ import annotations

import pytest

from graph.extract.entity_types import form_type
from graph.model import EntityType
from tests.graph.extract.helpers import run

ORG, P, PL, PROD, WORK = (
    EntityType.ORGANIZATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.PRODUCT,
    EntityType.WORK,
)


def types_of(text: str) -> dict[str, set[EntityType]]:
    ctx, _ = run(text)
    found: dict[str, set[EntityType]] = {}
    for m in ctx.mentions:
        if m.name:
            found.setdefault(m.name, set()).add(m.type)
    return found


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Jet Airways", ORG),
        ("Vodafone plc", ORG),
        ("Atticus Capital", ORG),
        ("Air Sahara", ORG),
        ("Nairobi City Water Company Ltd", ORG),
        ("United States", None),
        ("Chinua Achebe", None),
        ("Kenya", None),
    ],
)
def test_form_words_of_a_name(name: str, expected: EntityType | None) -> None:
    assert form_type(name)[0] is expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Gazprom chief Alexei Miller said exports to Europe would rise.", "Gazprom", ORG),
        ("Shares in Yukos fell sharply in Moscow on Tuesday.", "Yukos", ORG),
        ("Jet Airways and Air Sahara are the two carriers that will benefit.", "Air Sahara", ORG),
        ("The firm will launch wi-fi on Virgin Trains later this year.", "Virgin Trains", ORG),
        ("Rival exchange operator Euronext has also said it may bid.", "Euronext", ORG),
        ("Floods hit Hebron, West Bank, on Sunday.", "West Bank", PL),
        ("Kenya chief negotiator Amina Mohamed left Geneva.", "Kenya", EntityType.COUNTRY),
    ],
)
def test_organisations_from_the_words_around_them(
    text: str, name: str, expected: EntityType
) -> None:
    assert expected in types_of(text).get(name, set())
    assert types_of(text)[name] == {expected}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Critics praised the film Maria Full of Grace at Sundance.", "Maria Full of Grace", WORK),
        (
            "Her debut novel, Half of a Yellow Sun, sold well in Lagos.",
            "Half of a Yellow Sun",
            WORK,
        ),
        ('The band released the album "Blue Skies" in Seoul.', "Blue Skies", WORK),
        ("Gamers queued in Tokyo for the Xbox 2 console on Friday.", "Xbox 2", PROD),
        ("Mr Okoye said his album Lagos Nights would be out in June.", "Lagos Nights", WORK),
    ],
)
def test_products_and_works_named_after_their_nouns(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Samsung sold a million phones. A Samsung camera won an award.", "Samsung", ORG),
        ("The BBC programme was shown in Cardiff.", "BBC", ORG),
    ],
)
def test_a_maker_before_a_product_noun_stays_an_organisation(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}
