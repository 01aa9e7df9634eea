"""Organisations named by a place and an organisation noun ("the Frankfurt exchange",
"Kenya's central bank", "the German exchange"): graph/extract/descriptions.py."""

from __future__ import annotations

import pytest

from graph.extract import descriptions
from graph.model import EntityType
from tests.graph.extract.helpers import run


def _facts(text: str) -> set[tuple[str, str, str]]:
    _, relations = run(text)
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in relations
        if r.evidence.extractor == "descriptions"
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Shares in the carmaker rose 3% on the Milan exchange on Tuesday.",
            {("Milan exchange", "headquarteredIn", "Milan")},
        ),
        (
            "Trading on the Seoul bourse was halted after the blackout.",
            {("Seoul bourse", "headquarteredIn", "Seoul")},
        ),
        (
            "The Mumbai stock market closed lower for a third day.",
            {("Mumbai stock market", "headquarteredIn", "Mumbai")},
        ),
        (
            "Ghana's central bank raised its main rate to 27%.",
            {("Ghana's central bank", "country", "Ghana")},
        ),
        (
            "The Brazilian foreign ministry summoned the envoy.",
            {("Brazilian foreign ministry", "country", "Brazil")},
        ),
        (
            "The Russian defence ministry denied the report.",
            {("Russian defence ministry", "country", "Russia")},
        ),
        (
            "The Japanese exchange will list the shares next month.",
            {("Japanese exchange", "country", "Japan")},
        ),
        (
            "Workers at the Nairobi branch were told to stay at home.",
            {("Nairobi branch", "headquarteredIn", "Nairobi")},
        ),
        (
            "Protesters gathered outside the Ankara embassy.",
            {("Ankara embassy", "headquarteredIn", "Ankara")},
        ),
        (
            "The firm will close the Detroit plant in June.",
            {("Detroit plant", "headquarteredIn", "Detroit")},
        ),
        (
            "The company runs the Madrid, Milan and Vienna exchanges.",
            {
                ("Madrid exchange", "headquarteredIn", "Madrid"),
                ("Milan exchange", "headquarteredIn", "Milan"),
                ("Vienna exchange", "headquarteredIn", "Vienna"),
            },
        ),
    ],
)
def test_a_place_and_an_organisation_noun_name_an_organisation(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The London weather turned cold on Sunday.",
        "After the Paris attacks, security was tightened.",
        "The German economy shrank in the second quarter.",
        "The British embassy in Cairo closed for the day.",  # the sending state, not its place
        "Protesters gathered outside the US embassy in Jakarta.",
        "The London office building was sold to a pension fund.",  # the noun goes on
        "The Tokyo stock exchanges are busy.",  # one place, many exchanges: which?
        "She works at a Lagos branch of the bank.",  # not definite
    ],
)
def test_no_organisation_without_a_place_and_a_definite_organisation_noun(text: str) -> None:
    assert _facts(text) == set()


def test_the_place_keeps_its_own_entity() -> None:
    ctx, _ = run("Shares fell on the Lisbon exchange.")
    names = {(m.name, m.type) for m in ctx.mentions}
    assert ("Lisbon", EntityType.PLACE) in names
    assert ("Lisbon exchange", EntityType.ORGANIZATION) in names


def test_a_named_exchange_is_left_alone() -> None:
    ctx, _ = run("Shares fell on the London Stock Exchange.")
    assert not [m for m in ctx.mentions if m.extractor == "descriptions"]


def test_every_noun_row_is_lower_case_and_has_a_plural() -> None:
    rows = descriptions.nouns()
    assert len(rows) >= 10
    for noun in rows:
        assert all(w == w.lower() for w in noun.words)
        assert noun.plural_last


def test_the_organisation_and_its_place_stay_two_entities() -> None:
    """The place's name is no short form of "Zurich exchange" (graph/name_variants.py)."""
    from graph import nlp
    from graph.extract import extract
    from graph.ingest import make_article
    from graph.resolve import resolve

    text = "Shares in Nestle rose on the Zurich exchange. Traders in Zurich were pleased."
    article = make_article(text, id="t", date=None, detect_title=False, source="test")
    [(article, doc)] = list(nlp.parse([article]))
    resolved = resolve(extract(article, doc))
    labels = {e.label: e.type for e in resolved.entities}
    assert labels.get("Zurich exchange") is EntityType.ORGANIZATION
    assert labels.get("Zurich") in {EntityType.PLACE, EntityType.COUNTRY}


@pytest.mark.parametrize(
    ("text", "named", "described"),
    [
        (
            "The Tokyo Stock Exchange opened late. Brokers said the Tokyo exchange would recover.",
            "Tokyo Stock Exchange",
            "Tokyo exchange",
        ),
        (
            "Shares on the Johannesburg Stock Exchange fell, and the Johannesburg exchange "
            "closed early.",
            "Johannesburg Stock Exchange",
            "Johannesburg exchange",
        ),
    ],
)
def test_a_description_is_the_named_organisation_it_shortens(
    text: str, named: str, described: str
) -> None:
    """ "the Tokyo exchange" beside the Tokyo Stock Exchange is that exchange, not a second."""
    from graph import nlp
    from graph.extract import extract
    from graph.ingest import make_article
    from graph.resolve import resolve

    article = make_article(text, id="t", date=None, detect_title=False, source="test")
    [(article, doc)] = list(nlp.parse([article]))
    resolved = resolve(extract(article, doc))
    organisations = [e for e in resolved.entities if e.type is EntityType.ORGANIZATION]
    assert [e.label for e in organisations] == [named]
    assert described in organisations[0].aliases
