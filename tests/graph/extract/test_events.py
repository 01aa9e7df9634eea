"""Event nouns: Event mentions named without determiner, roles chosen by entity type,
victims, and article-scoped event entities."""

from __future__ import annotations

import pytest

from graph import lexicon
from graph.model import EntityType, Stance
from graph.vocab import relation_schema
from tests.graph.extract.helpers import run


def _roles(text: str) -> set[tuple[str, str, str, str]]:
    ctx, relations = run(text)
    return {
        (r.subject.name, r.predicate, ctx.referent(r.object).name, r.stance.value)
        for r in relations
        if r.subject.type is EntityType.EVENT
    }


def test_data_files_agree_with_the_schema() -> None:
    schema = relation_schema()
    kinds = set(lexicon.event_nouns().values())
    for (kind, _link), roles in lexicon.event_roles().items():
        assert kind == "*" or kind in kinds
        for role in roles:
            assert "Event" in schema[role].domain, role
    assert {pos for _, pos in lexicon.harm_words()} <= {"VERB", "NOUN"}


def test_event_mention_is_the_noun_phrase_without_determiner_or_possessor() -> None:
    ctx, _ = run("Emmanuel Macron's planned visit to China was delayed.")
    [event] = [m for m in ctx.mentions if m.type is EntityType.EVENT]
    assert event.name == "planned visit"
    assert event.text == "planned visit"


@pytest.mark.parametrize(
    "text, name",
    [
        ("The stadium hosted concerts all summer.", "concerts"),
        ("The city hosted talks between the two sides.", "talks"),
    ],
)
def test_a_misparsed_clause_verb_is_no_part_of_the_event(text: str, name: str) -> None:
    ctx, _ = run(text)  # the parser reads "hosted" as a modifier of the noun
    assert [m.name for m in ctx.mentions if m.type is EntityType.EVENT] == [name]


def test_roles_follow_the_entity_type() -> None:
    roles = _roles("The summit between Kenya and Somalia in Nairobi ended on Friday.")
    assert ("summit", "participant", "Kenya", "asserted") in roles
    assert ("summit", "location", "Nairobi", "asserted") in roles
    assert ("summit", "pointInTime", "Friday", "asserted") in roles
    assert ("summit", "participant", "Nairobi", "asserted") not in roles
    assert ("summit", "location", "Kenya", "asserted") not in roles


def test_victims_from_harm_words() -> None:
    assert ("bombing", "victim", "Nine", "asserted") in _roles(
        "Nine people died in a bombing in Kabul."
    )
    assert ("attack", "victim", "French citizens", "asserted") in _roles(
        "The conflict resulted in the loss of thirty French citizens in an attack."
    )
    assert ("earthquake", "victim", "twelve", "asserted") in _roles(
        "The earthquake killed twelve people in Nepal."
    )


def test_proposed_event_and_negated_participation() -> None:
    planned = _roles("A planned meeting with Mahmoud Abbas in Ramallah was cancelled.")
    assert ("planned meeting", "location", "Ramallah", "proposed") in planned
    absent = _roles("Israel did not attend the conference in Geneva.")
    assert ("conference", "participant", "Israel", Stance.NEGATED.value) in absent
    assert ("conference", "location", "Geneva", Stance.ASSERTED.value) in absent


def test_an_event_nothing_is_said_about_is_no_node() -> None:
    from graph.pipeline import build_text

    graph = build_text("The meeting was long and the talks were difficult.")
    assert not [n for n, d in graph.nodes(data=True) if d["type"] == "Event"]


def test_events_are_scoped_to_their_article() -> None:
    from graph.ingest import make_article
    from graph.pipeline import build

    text = "The summit in Brussels ended on Friday."
    graph = build([make_article(text, id="a"), make_article(text, id="b")])
    events = [n for n, d in graph.nodes(data=True) if d["type"] == "Event"]
    assert len(events) == 2
    brussels = [n for n, d in graph.nodes(data=True) if d["label"] == "Brussels"]
    assert len(brussels) == 1  # places are shared, events are not


@pytest.mark.parametrize(
    "text, name",
    [
        ("There are no plans yet around the Barcelona game.", "Barcelona"),  # a side
        ("Saturday's Wembley final was a sell-out.", "Wembley"),  # a venue
        ("Fans queued for tickets to the Lagos match.", "Lagos"),
    ],
)
def test_a_name_before_a_matchs_noun_is_no_location_nor_side(text: str, name: str) -> None:
    _, relations = run(text)
    assert not [r for r in relations if r.evidence.extractor == "events" and r.object.name == name]
