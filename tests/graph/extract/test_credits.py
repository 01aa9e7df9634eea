"""The credits extractor's mechanisms: the work a credit word, a performance or an acting
verb names, the names that are no work, and the stances. Sentence-level triples are in
tests/fixtures/sentences/works.tsv."""

from __future__ import annotations

import pytest

from graph.model import EntityType, Stance
from tests.graph.extract.helpers import run


def _credited(text: str) -> list[tuple[str, str, str, Stance]]:
    _, relations = run(text)
    return [
        (r.subject.name, r.predicate, r.object.name, r.stance)
        for r in relations
        if r.evidence.extractor == "credits"
    ]


def test_a_characters_name_before_actor_is_the_film() -> None:
    text = "Former Superman actor the late Christopher Reeve was an advocate for the research."
    ctx, _ = run(text)
    assert ("Superman", "castMember", "Christopher Reeve", Stance.ASSERTED) in _credited(text)
    [work] = [m for m in ctx.mentions if m.name == "Superman"]
    assert work.type is EntityType.WORK


def test_a_job_title_credits_only_a_name_the_article_gives_a_work() -> None:
    named = "The film Parasite won in Cannes. Parasite director Bong Joon-ho thanked his cast."
    assert ("Parasite", "director", "Bong Joon-ho", Stance.ASSERTED) in _credited(named)
    assert _credited("Reuters director Bong Joon-ho spoke in Seoul.") == []


def test_her_performance_in_an_untyped_name_is_a_role() -> None:
    text = "Viola Davis spoke in New York. Her performance in Fences won praise."
    assert ("Fences", "castMember", "Viola Davis", Stance.ASSERTED) in _credited(text)


def test_a_performance_in_a_sports_article_is_a_match() -> None:
    text = (
        "England captain Harry Kane scored twice. Kane's performance in Wembley Park "
        "delighted the fans."
    )
    assert _credited(text) == []


def test_an_acting_verb_takes_the_clause_stance() -> None:
    done = _credited("Audrey Tautou starred in Amélie in 2001.")
    planned = _credited("Audrey Tautou will star in Amélie next year.")
    assert done == [("Amélie", "castMember", "Audrey Tautou", Stance.ASSERTED)]
    assert planned == [("Amélie", "castMember", "Audrey Tautou", Stance.PROPOSED)]


@pytest.mark.parametrize(
    "text",
    [
        "Hollywood actor Tom Hanks visited Athens.",
        "Nollywood actress Genevieve Nnaji directed a film in Lagos.",
        "French actor Gerard Depardieu moved to Russia.",
        "Shakespearean actor Ian McKellen spoke in London.",
        "Veteran actor Michael Caine retired in London.",
        "Oscar-winning actress Olivia Colman spoke in London.",
        "BBC presenter Fiona Bruce hosted the debate.",
        "Chelsea star Didier Drogba scored twice in London.",
        "Tony Blair's role in Iraq was criticised in Parliament.",
        "Gordon Brown's performance in Parliament was criticised.",
        "Managing director Bob Smith's Acme Roadster was unveiled.",
    ],
)
def test_names_that_are_no_work(text: str) -> None:
    assert [c for c in _credited(text) if c[1] != "awardReceived"] == []


@pytest.mark.parametrize(
    "text, holder, award, stance",
    [
        (
            "Oscar-winning actress Olivia Colman spoke in London.",
            "Olivia Colman",
            "Oscar",
            Stance.ASSERTED,
        ),
        (
            "Booker Prize-winning author Hilary Mantel died in 2022.",
            "Hilary Mantel",
            "Booker Prize",
            Stance.ASSERTED,
        ),
        (
            "The Oscar-winning film Parasite was shown in Seoul.",
            "Parasite",
            "Oscar",
            Stance.ASSERTED,
        ),
        (
            "The Bafta-nominated actor Daniel Kaluuya spoke in London.",
            "Daniel Kaluuya",
            "Bafta",
            Stance.PROPOSED,
        ),
    ],
)
def test_an_award_before_winning_or_nominated(
    text: str, holder: str, award: str, stance: Stance
) -> None:
    assert (holder, "awardReceived", award, stance) in _credited(text)


@pytest.mark.parametrize(
    "text",
    [
        "The award-winning actress Thandiwe Newton spoke in London.",  # no award named
        "Race-winning driver Lewis Hamilton spoke in Monaco.",
    ],
)
def test_no_award_without_an_awards_name(text: str) -> None:
    assert not [c for c in _credited(text) if c[1] == "awardReceived"]
