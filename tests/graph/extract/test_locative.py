"""The locative extractor's own decisions, apart from what the learned classifier adds
(sentence-level triples are in tests/fixtures/sentences/locative.tsv)."""

from __future__ import annotations

import pytest

from graph.extract.locative import _can_contain
from graph.model import EntityType, Mention
from tests.graph.extract.helpers import run


def _place(name: str, type_: EntityType = EntityType.PLACE) -> Mention:
    return Mention("t", 0, len(name), name, type_, 0, "ner", 1.0, name)


@pytest.mark.parametrize(
    "inner, outer, contained",
    [
        ("Tahrir Square", "Cairo", True),
        ("Wembley Stadium", "London", True),
        ("Leeds", "Bradford", False),  # a city holds no other city: a team away
        ("Mombasa", "Nairobi", False),
        ("Lagos", "Nigeria", True),
        ("Wales", "Hamilton", False),  # no country inside anything
    ],
)
def test_what_a_place_can_hold(inner: str, outer: str, contained: bool) -> None:
    outer_type = EntityType.COUNTRY if outer == "Nigeria" else EntityType.PLACE
    assert _can_contain(_place(outer, outer_type), _place(inner)) is contained


@pytest.mark.parametrize(
    "text",
    ["Supporters of Leeds in Bradford were angry.", "Kyoto in Tokyo was a hit."],
)
def test_a_city_in_a_city_is_not_located_there(text: str) -> None:
    _, relations = run(text)
    assert not [
        r for r in relations if r.predicate == "locatedIn" and r.evidence.extractor == "locative"
    ]


def test_a_person_after_a_possessive_country_is_no_organisation_of_it() -> None:
    """NER sometimes types a player in a list as an organisation: a given name tells."""
    _, relations = run("Italy's Marco Bortolami and France's Imanol Harinordoquy are in the squad.")
    assert not [
        r
        for r in relations
        if r.evidence.extractor == "locative" and r.subject.name == "Marco Bortolami"
    ]


@pytest.mark.parametrize(
    "text, place, outer",
    [
        (
            "Sri Lanka, an island nation in the Indian Ocean, held elections.",
            "Sri Lanka",
            "Indian Ocean",
        ),
        ("Malta, a republic in the Mediterranean, joined the EU.", "Malta", "Mediterranean"),
    ],
)
def test_a_country_described_as_a_nation_in_a_region_lies_in_it(
    text: str, place: str, outer: str
) -> None:
    _, relations = run(text)
    assert (place, "locatedIn", outer) in {
        (r.subject.name, r.predicate, r.object.name) for r in relations
    }


@pytest.mark.parametrize(
    "text",
    [
        "Qatar, a country in turmoil, said the talks failed.",
        "Dolly Jones, a country singer in Nashville, died.",
        "Kenya said the United States had agreed to the plan.",
    ],
)
def test_no_place_from_a_description_that_names_none(text: str) -> None:
    _, relations = run(text)
    assert not [
        r for r in relations if r.predicate == "locatedIn" and r.evidence.extractor == "locative"
    ]


@pytest.mark.parametrize(
    "text, site, place",
    [
        (
            "Workers at the Hanford Site, in Richland, Wash., went on strike.",
            "Hanford Site",
            "Richland",
        ),
        (
            "A fire damaged the Museum of Modern Art, in New York.",
            "Museum of Modern Art",
            "New York",
        ),
        (
            "Students at the University of Ghana, in Accra, protested.",
            "University of Ghana",
            "Accra",
        ),
        ("Putin met Macron at the Elysee Palace, in Paris, on Monday.", "Elysee Palace", "Paris"),
    ],
)
def test_a_site_set_off_by_a_comma_lies_in_the_place_after_it(
    text: str, site: str, place: str
) -> None:
    _, relations = run(text)
    assert (site, place) in {
        (r.subject.name, r.object.name)
        for r in relations
        if r.predicate in {"locatedIn", "basedIn"}
    }


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man who works for Google, in London.",
        "Shares of Siemens, in Frankfurt trading, fell.",
    ],
)
def test_no_place_for_an_organisation_that_is_no_site(text: str) -> None:
    _, relations = run(text)
    assert not [r for r in relations if r.predicate in {"locatedIn", "basedIn"}]


@pytest.mark.parametrize(
    "text, place, outer",
    [
        ("Bavaria is the largest of Germany's sixteen states.", "Bavaria", "Germany"),
        ("Texas, one of America's largest states, voted on Tuesday.", "Texas", "United States"),
    ],
)
def test_one_of_a_places_parts_lies_in_it(text: str, place: str, outer: str) -> None:
    _, relations = run(text)
    assert (place, "locatedIn", outer) in {
        (r.subject.name, r.predicate, r.object.name)
        for r in relations
        if r.evidence.extractor == "locative"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is one of Africa's fastest-growing economies.",
        "Smith is one of Britain's richest men.",
        "Putin met Macron in Paris on Monday.",
    ],
)
def test_no_containment_from_one_of_things_that_are_no_places(text: str) -> None:
    _, relations = run(text)
    assert not [
        r for r in relations if r.predicate == "locatedIn" and r.evidence.extractor == "locative"
    ]


def test_rules_for_a_label_keep_their_order_and_drop_those_that_cannot_fire() -> None:
    from graph.extract import locative

    assert locative._rules_for("poss") == (
        locative._capital,
        locative._hyphenated,
        locative._possessive_country,
    )
    prep = locative._rules_for("prep")
    assert prep[:3] == (locative._in_modifier, locative._comma_in, locative._one_of_parts)
    assert locative._possessive_country not in prep
    assert locative._rules_for("punct") == (locative._capital, locative._hyphenated)


@pytest.mark.parametrize(
    "text, fact",
    [
        ("Tbilisi is in Georgia, on the Kura river.", ("Tbilisi", "Georgia", "asserted")),
        (
            "The town of Goma is in eastern Congo, close to the border.",
            ("Goma", "Congo", "asserted"),
        ),
        ("The city of Mosul is not in Syria.", ("Mosul", "Syria", "negated")),
        (
            "Mr Obi said Onitsha was in Anambra State.",
            ("Onitsha", "Anambra State", "reported"),
        ),
    ],
)
def test_a_place_said_to_be_in_a_place_lies_there(text: str, fact: tuple) -> None:
    _, relations = run(text)
    assert fact in {
        (r.subject.name, r.object.name, r.stance.value)
        for r in relations
        if r.predicate == "locatedIn" and r.evidence.extractor == "locative"
    }


@pytest.mark.parametrize(
    "text", ["Emmanuel Macron is in Berlin for talks.", "Oxfam is in talks with Kenya."]
)
def test_a_person_or_firm_in_a_place_is_not_located_there(text: str) -> None:
    _, relations = run(text)
    assert not [r for r in relations if r.evidence.extractor == "locative"]


@pytest.mark.parametrize(
    "text, facts, not_facts",
    [
        (
            "Rome is in Lazio and Naples in Campania.",
            {("Rome", "Lazio"), ("Naples", "Campania")},
            {("Rome", "Campania")},
        ),
        (
            "Bavaria is in Germany and Salzburg in Austria, on either side of the Alps.",
            {("Bavaria", "Germany"), ("Salzburg", "Austria")},
            {("Bavaria", "Austria"), ("Bavaria", "Salzburg")},
        ),
        (
            "Kaduna and Zaria are in northern Nigeria.",
            {("Kaduna", "Nigeria"), ("Zaria", "Nigeria")},
            set(),
        ),
    ],
)
def test_a_gapped_second_clause_places_its_own_subject(
    text: str, facts: set, not_facts: set
) -> None:
    _, relations = run(text)
    found = {
        (r.subject.name, r.object.name)
        for r in relations
        if r.predicate == "locatedIn"
        and r.evidence.extractor == "locative"
        and r.stance.value == "asserted"
    }
    assert facts <= found
    assert not (not_facts & found)


def test_a_denied_in_phrase_is_negated_beside_the_asserted_one() -> None:
    _, relations = run("Strasbourg lies in France, not in Germany.")
    stances = {
        r.object.name: r.stance.value
        for r in relations
        if r.predicate == "locatedIn" and r.evidence.extractor == "locative"
    }
    assert stances == {"France": "asserted", "Germany": "negated"}


@pytest.mark.parametrize(
    "text",
    [
        "Shops sold the Windows-based Creative Zen player for $200.",
        "Archos showed its Android-based tablet at the fair.",
    ],
)
def test_a_platform_before_based_is_no_seat(text: str) -> None:
    _, relations = run(text)
    assert not [r for r in relations if r.predicate in {"basedIn", "headquarteredIn"}]


@pytest.mark.parametrize(
    ("text", "firm", "place"),
    [
        ("The London-based bank Barclays cut 500 jobs.", "Barclays", "London"),
        ("Nairobi-based Safaricom raised its prices.", "Safaricom", "Nairobi"),
        ("Frankfurt-based Commerzbank lost money in 2008.", "Commerzbank", "Frankfurt"),
    ],
)
def test_a_gazetteer_place_before_based_is_the_seat(text: str, firm: str, place: str) -> None:
    _, relations = run(text)
    assert (firm, "basedIn", place) in {
        (r.subject.name, r.predicate, r.object.name) for r in relations
    }
