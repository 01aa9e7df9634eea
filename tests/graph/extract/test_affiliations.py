"""The affiliations extractor: "X of Y", "X, a resident of Y", "Lagos businessman X"."""

from __future__ import annotations

import pytest

from tests.graph.extract.helpers import run


def _facts(text: str) -> set[tuple[str, str, str]]:
    _, relations = run(text)
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in relations
        if r.evidence.extractor == "affiliations"
    }


@pytest.mark.parametrize(
    "text, fact",
    [
        # a person of a place lives there
        (
            '"It was a shock," said Virginia Towle of Wallingford.',
            ("Virginia Towle", "livesIn", "Wallingford"),
        ),
        (
            "Marie Ferraro, 50, of Bethany, Conn., was hurt on Thursday.",
            ("Marie Ferraro", "livesIn", "Conn."),
        ),
        (
            "Grace Wanjiru of Nakuru told the court she had lost everything.",
            ("Grace Wanjiru", "livesIn", "Nakuru"),
        ),
        # a person of an organisation works for it, or plays for a team, or belongs to a party
        (
            "Roger Crouch of NASA will fly on the next shuttle.",
            ("Roger Crouch", "worksFor", "NASA"),
        ),
        (
            "Priya Raman of Infosys said demand for software was rising.",
            ("Priya Raman", "worksFor", "Infosys"),
        ),
        (
            "Wayne Rooney of Manchester United scored twice.",
            ("Wayne Rooney", "memberOfSportsTeam", "Manchester United"),
        ),
        (
            "Harriet Harman of the Labour Party spoke first.",
            ("Harriet Harman", "memberOfPoliticalParty", "Labour Party"),
        ),
        # an organisation of a place is based there
        (
            "Manufacturers Hanover Trust Co. of New York will file a repayment plan.",
            ("Manufacturers Hanover Trust Co.", "basedIn", "New York"),
        ),
        # residence and birth nouns
        (
            "James Okafor, a resident of Lagos, was among the passengers.",
            ("James Okafor", "livesIn", "Lagos"),
        ),
        (
            "The singer Kylie Minogue is a native of Melbourne.",
            ("Kylie Minogue", "bornIn", "Melbourne"),
        ),
        # a place before a person's occupation
        (
            '"We played for hours," said Atlanta businessman Neil Estes.',
            ("Neil Estes", "livesIn", "Atlanta"),
        ),
        (
            "Mumbai lawyer Anil Mehta filed the petition on Monday.",
            ("Anil Mehta", "livesIn", "Mumbai"),
        ),
        # a home through a possessive
        (
            "Thousands lined the streets of Bolton, Amir Khan's home town.",
            ("Amir Khan", "livesIn", "Bolton"),
        ),
        (
            "With South Carolina being Jesse Jackson's home state, turnout was high.",
            ("Jesse Jackson", "livesIn", "South Carolina"),
        ),
        (
            "The parade passed through Soweto, Kaizer Motaung's birthplace.",
            ("Kaizer Motaung", "bornIn", "Soweto"),
        ),
        # "from" a place after an age or a description
        ("John Smith, 34, from Leeds, was arrested on Monday.", ("John Smith", "livesIn", "Leeds")),
        (
            "Derwinski, a Republican from Chicago, denied the claims.",
            ("Derwinski", "livesIn", "Chicago"),
        ),
    ],
)
def test_affiliation_from_the_noun_phrase(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # the office's jurisdiction is the title's (graph/extract/titles.py), not a residence
        "Prime Minister Felipe Gonzalez of Spain told reporters the arrests mattered.",
        "Texas Governor Greg Abbott signed the bill on Monday.",
        # "of" that does not hang on the name
        "The fans of Lionel Messi in Barcelona cheered.",
        "A portrait of Nelson Mandela by a Cape Town artist was sold.",
        # a description is not a name: no fact about "the law firm"
        "Sam Kadet of the corporate law firm said the bid would go ahead.",
        # a fan is not placed by the club's city
        "Liverpool fan Jamie Carragher watched from the stand.",
        # a player "from" a club is a transfer, not a residence
        "Chelsea signed Frank Lampard, 22, from West Ham United.",
        # a home crowd is no home town
        "Rafael Nadal's home crowd at the Madrid Open cheered.",
        # an organisation has no age: a person NER typed as one gets nothing
        "Acme Holdings, 50, of Boston, closed.",
        # a work's title worded "X of the Y", both halves typed by NER: no place the
        # gazetteers know, so no seat
        "It is up against Eternal Sunshine of the Spotless Mind at the awards.",
        "Critics praised Raiders of the Lost Ark and Children of the Silent Sea.",
    ],
)
def test_no_affiliation(text: str) -> None:
    assert not _facts(text)


def test_a_pronoun_home_is_the_antecedent_s() -> None:
    """ "his hometown of Grants": the pronoun's person, resolved later, lives there."""
    _, relations = run("Michael Henley went missing near his hometown of Grants, New Mexico.")
    homes = [r for r in relations if r.evidence.extractor == "affiliations"]
    assert {(r.subject.text, r.object.name) for r in homes} >= {("his", "Grants")}


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "Texas-born singer Beyonce Knowles performed in London.",
            ("Beyonce Knowles", "bornIn", "Texas"),
        ),
        (
            "Ohio born astronaut Neil Armstrong flew to the Moon.",
            ("Neil Armstrong", "bornIn", "Ohio"),
        ),
        (
            "London-born designer Stella Moss opened a shop in Paris.",
            ("Stella Moss", "bornIn", "London"),
        ),
    ],
)
def test_a_place_born_person_was_born_there(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Most Ohio voters were born after 1980, Sam Lee said.",
        "Ahmed said the United States had agreed to the plan.",
        "Putin met Macron in Paris on Monday.",
        "She is a critic of Amazon, Jane Ford said.",
    ],
)
def test_no_birthplace_without_place_born_before_the_name(text: str) -> None:
    assert not [f for f in _facts(text) if f[1] == "bornIn"]


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "Trudeau's Liberal Party won the vote.",
            ("Trudeau", "memberOfPoliticalParty", "Liberal Party"),
        ),
        (
            "Voters rejected Boris Johnson's Conservative Party.",
            ("Boris Johnson", "memberOfPoliticalParty", "Conservative Party"),
        ),
        (
            "Maria Ruiz, a Tucson, Ariz., teacher, won the prize.",
            ("Maria Ruiz", "livesIn", "Tucson"),
        ),
        (
            "John Carter, a Bristol, England, lawyer, filed the suit.",
            ("John Carter", "livesIn", "Bristol"),
        ),
    ],
)
def test_a_party_possessor_and_a_local_noun_after_city_and_state(
    text: str, fact: tuple[str, str, str]
) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Obama's criticism of the Republican Party was sharp.",
        "Ahmed said the Labour Party had agreed to the plan.",
        "Kemal Aydin, a critic of the Labour Party, spoke in Ankara.",
    ],
)
def test_no_party_membership_without_the_possessive(text: str) -> None:
    assert not [f for f in _facts(text) if f[1] == "memberOfPoliticalParty"]


@pytest.mark.parametrize(
    ("text", "people", "place"),
    [
        (
            "Martin Mubanga, Richard Belmar and Feroz Abbasi, from London, were freed.",
            {"Martin Mubanga", "Richard Belmar", "Feroz Abbasi"},
            "London",
        ),
        (
            "Chen Wei, Liu Yang and Zhang Min, from Shanghai, were arrested on Friday.",
            {"Chen Wei", "Liu Yang", "Zhang Min"},
            "Shanghai",
        ),
    ],
)
def test_a_phrase_set_off_after_a_list_of_names_is_all_of_theirs(
    text: str, people: set, place: str
) -> None:
    _, relations = run(text)
    assert people <= {
        r.subject.name for r in relations if r.predicate == "livesIn" and r.object.name == place
    }
