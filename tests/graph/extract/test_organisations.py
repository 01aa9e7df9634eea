"""The organisations extractor's mechanisms: its pattern rows compile, the sides it types
(products, works, awards, teams), and its stances. Sentence-level triples are in
tests/fixtures/sentences/organisations.tsv."""

from __future__ import annotations

import pytest

from graph.errors import SchemaError
from graph.extract import organisations
from graph.model import EntityType, Stance
from graph.vocab import relation_schema
from tests.graph.extract.helpers import run


def test_every_row_names_a_declared_predicate_and_compiles() -> None:
    rows = organisations.patterns()
    assert len(rows) >= 60
    for pattern in rows.values():
        assert pattern.predicate == "@maker" or pattern.predicate in relation_schema()
        nodes = organisations._compile(pattern, "LEMMA")
        labels = {node["RIGHT_ID"] for node in nodes}
        assert "anchor" in labels
        for side, path in (("subject", pattern.subject), ("object", pattern.object)):
            assert path == "." or side in labels


def test_maker_predicates_of_product_nouns_are_declared() -> None:
    for noun, thing in organisations.things().items():
        assert thing.maker is None or thing.maker in relation_schema(), noun


def test_a_path_that_cannot_be_read_is_an_error() -> None:
    with pytest.raises(SchemaError):
        organisations._path_nodes(">nsubj>>dobj", "anchor", "subject")


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Nokia's new N95 phone goes on sale in March.", "N95", EntityType.PRODUCT),
        (
            "Sony's PlayStation Portable console sold well in Japan.",
            "PlayStation Portable",
            EntityType.PRODUCT,
        ),
        ("Taylor Swift's album Folklore topped the chart in Canada.", "Folklore", EntityType.WORK),
        ("Kazuo Ishiguro won the Nobel Prize in 2017.", "Nobel Prize", EntityType.EVENT),
    ],
)
def test_the_cue_noun_types_the_name(text: str, name: str, type_: EntityType) -> None:
    ctx, _ = run(text)
    assert any(m.name == name and m.type is type_ for m in ctx.mentions), ctx.mentions


def test_a_place_that_plays_is_its_team() -> None:
    ctx, relations = run("Scotland were beaten by Italy in Rome.")
    [fixture] = [r for r in relations if r.predicate == "playsAgainst"]
    assert {fixture.subject.name, fixture.object.name} == {"Scotland", "Italy"}
    assert fixture.subject.type is EntityType.ORGANIZATION
    assert fixture.object.type is EntityType.ORGANIZATION
    assert not any(r.predicate == "playsAgainst" and "Rome" in r.object.name for r in relations)


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Kraft bought Cadbury in 2010.", Stance.ASSERTED),
        ("Tesco plans to buy Booker for £3.7bn.", Stance.PROPOSED),
        ("Microsoft's bid for Yahoo was announced in February.", Stance.PROPOSED),
        ("Microsoft's bid for Yahoo failed.", Stance.NEGATED),
        ("Oxfam said Shell would buy BG Group.", Stance.PROPOSED),
    ],
)
def test_takeover_stance(text: str, stance: Stance) -> None:
    _, relations = run(text)
    found = [r.stance for r in relations if r.predicate == "acquires"]
    assert found and set(found) == {stance}


def test_a_fixture_that_will_be_played_is_set() -> None:
    _, relations = run("Ireland will play France in Dublin on Saturday.")
    stances = {r.stance for r in relations if r.predicate == "playsAgainst"}
    assert stances == {Stance.ASSERTED}


def test_a_possible_fixture_is_proposed() -> None:
    _, relations = run("Ireland could play France in the final.")
    stances = {r.stance for r in relations if r.predicate == "playsAgainst"}
    assert stances == {Stance.PROPOSED}


def test_a_unit_held_is_asserted_whatever_its_owner_may_do() -> None:
    _, relations = run("Siemens might sell its Osram unit next year.")
    [unit] = [r for r in relations if r.predicate == "parentOrganization"]
    assert (unit.subject.name, unit.object.name, unit.stance) == (
        "Osram",
        "Siemens",
        Stance.ASSERTED,
    )


@pytest.mark.parametrize(
    "text, organisation, place",
    [
        ("Unilever headquarters in Rotterdam were evacuated on Monday.", "Unilever", "Rotterdam"),
        ("Safaricom headquarters in Nairobi stayed open.", "Safaricom", "Nairobi"),
    ],
)
def test_headquarters_named_before_the_noun(text: str, organisation: str, place: str) -> None:
    _, relations = run(text)
    assert any(
        r.predicate == "headquarteredIn"
        and r.subject.name == organisation
        and r.object.name == place
        for r in relations
    )


@pytest.mark.parametrize(
    "text, person, organisation",
    [
        (
            "Virginia Galle, a City Council member, said permits were issued.",
            "Virginia Galle",
            "City Council",
        ),
        (
            "Kwame Mensah, a New Patriotic Party member, resigned on Friday.",
            "Kwame Mensah",
            "New Patriotic Party",
        ),
    ],
)
def test_member_in_apposition_with_the_organisation_before_it(
    text: str, person: str, organisation: str
) -> None:
    _, relations = run(text)
    assert any(
        r.predicate == "memberOf" and r.subject.name == person and r.object.name == organisation
        for r in relations
    )
