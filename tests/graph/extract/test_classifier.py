"""The relation_classifier extractor: the shipped model writes relations the rules leave out,
only with a supporting cue, with its probability as confidence and the clause's stance."""

from __future__ import annotations

import pytest

from graph.extract.classifier import writable
from graph.learn.model import load_model
from graph.model import EntityType, Stance
from tests.graph.extract.helpers import run


def learned(text: str) -> list:
    _, relations = run(text)
    return [r for r in relations if r.evidence.extractor == "relation_classifier"]


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject.name, r.predicate, r.object.name) for r in learned(text)}


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            # "designer" is no title in graph/schema/titles.tsv: the rules leave it to the model
            "David Kim, a designer at Samsung, made the chip.",
            ("David Kim", "worksFor", "Samsung"),
        ),
        (
            # a town too small for the gazetteer: the containment rule leaves it to the model
            "Heavy snow fell in Aspen, Colorado, on Monday.",
            ("Aspen", "locatedIn", "Colorado"),
        ),
    ],
)
def test_classifier_writes_relations_with_a_cue(text: str, triple: tuple) -> None:
    assert triple in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed said Boeing would appeal.",
        "Mr Dupont said France had agreed to the deal.",
        "Ms Obi said Ghana had agreed to the plan.",
        "Nadia Haddad thanked Nestle for the donation.",
    ],
)
def test_classifier_abstains_without_a_cue(text: str) -> None:
    assert learned(text) == []


def test_confidence_is_the_probability_and_stance_the_clause() -> None:
    model = load_model()
    [relation] = learned("Police say Tom Reed, a former employee of Boeing, set the fire.")
    assert relation.predicate == "worksFor"
    assert model["thresholds"]["worksFor"] <= relation.evidence.confidence <= 1.0
    assert relation.stance is Stance.REPORTED


@pytest.mark.parametrize(
    ("city", "country", "elsewhere"),
    [("Paris", "Germany", True), ("Paris", "France", False), ("Lagos", "Nigeria", False),
     ("Lagos", "Kenya", True), ("Gondor", "Greece", False), ("Paris", "Narnia", False)],
)  # fmt: skip
def test_a_city_the_gazetteer_puts_in_other_countries_only(
    city: str, country: str, elsewhere: bool
) -> None:
    from graph.lexicon import city_elsewhere

    assert city_elsewhere(city, country) is elsewhere


@pytest.mark.parametrize(
    "text",
    [
        "The United States, in Oman, praised the deal.",
        "Brazil, Argentina and Chile signed the pact in Lima.",
        "Aid from Japan in Indonesia reached Aceh.",
    ],
)
def test_the_classifier_never_puts_a_country_in_another(text: str) -> None:
    _, relations = run(text)
    located = [
        r for r in relations
        if r.predicate in {"locatedIn", "country"} and r.evidence.extractor == "relation_classifier"
        and r.subject.type is r.object.type is EntityType.COUNTRY
    ]  # fmt: skip
    assert located == []


@pytest.mark.parametrize(
    "text, victim",
    [
        ("In 1995, Ali Reza shot Omar Zaki, the convicted killer of Judge Amal Nour.", "Amal Nour"),
        (
            "In 1986, gunman Piet Kruger shot and mortally wounded Jan Berg, the accused assassin "
            "of Mayor Willem Dekker.",
            "Willem Dekker",
        ),
    ],
)
def test_classifier_names_no_second_killer_of_a_victim_the_rules_gave_one(
    text: str, victim: str
) -> None:
    assert not [t for t in triples(text) if t[1] == "kills" and t[2] == victim]


@pytest.mark.parametrize(
    "text",
    [
        "David Peterson, 37, a mental patient at Connecticut Valley Hospital, was charged.",
        "Maria Lopez, a candidate for the Senate, spoke in Madrid.",
        "Tom Hill, a student at Oxford University, won the prize.",
    ],
)
def test_classifier_writes_no_employer_where_a_blocker_says_otherwise(text: str) -> None:
    assert not [t for t in triples(text) if t[1] == "worksFor"]


@pytest.mark.parametrize(
    "head, tail, expected, absent",
    [
        (EntityType.PERSON, EntityType.ORGANIZATION, "worksFor", "locatedIn"),
        (EntityType.PERSON, EntityType.COUNTRY, "livesIn", "memberOf"),
        (EntityType.PLACE, EntityType.COUNTRY, "locatedIn", "worksFor"),
    ],
)
def test_writable_relations_are_those_the_ontology_admits(
    head: EntityType, tail: EntityType, expected: str, absent: str
) -> None:
    relations = writable(load_model(), head, tail)
    assert expected in relations and absent not in relations


def test_no_relation_is_writable_from_a_product_or_between_works() -> None:
    model = load_model()
    assert writable(model, EntityType.PRODUCT, EntityType.COUNTRY) == []
    assert writable(model, EntityType.WORK, EntityType.WORK) == []


def test_a_pair_without_a_cue_is_never_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap filters come first: a sentence with no cue for any relation the pair's types
    admit never reaches the model's features."""
    import graph.extract.classifier as classifier

    scored = []
    real = classifier.decide
    monkeypatch.setattr(classifier, "decide", lambda *a: scored.append(a) or real(*a))
    assert learned("Anna Berg said Oslo had agreed to the plan.") == []
    assert scored == []
    assert ("Aspen", "locatedIn", "Colorado") in triples("Snow fell in Aspen, Colorado, today.")
    assert scored
