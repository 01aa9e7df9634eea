"""Organisation-like noun phrases (graph/extract/noun_phrases.py)."""

from __future__ import annotations

import pytest

from graph.model import EntityType
from tests.graph.extract.helpers import run


@pytest.mark.parametrize(
    "text",
    [
        "Liam Neeson held a dinner party in New York to promote the theatre.",
        "The singer threw a birthday party in Lagos on Friday.",
        "Guests at the launch party in Tokyo included two ministers.",
    ],
)
def test_a_social_occasion_is_no_organisation(text: str) -> None:
    ctx, relations = run(text)
    assert not [m for m in ctx.mentions if m.type is EntityType.ORGANIZATION]
    assert not [r for r in relations if r.predicate in {"basedIn", "country"}]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The ruling party won the vote in Nairobi.", "ruling party"),
        ("The opposition party boycotted the session.", "opposition party"),
    ],
)
def test_a_political_party_description_is_still_an_organisation(text: str, party: str) -> None:
    ctx, _ = run(text)
    assert [m for m in ctx.mentions if m.text == party and m.type is EntityType.ORGANIZATION]


@pytest.mark.parametrize(
    ("text", "description", "company"),
    [
        (
            "Unilever sold Ekaterra to CVC Capital Partners, the consumer goods group said.",
            "group",
            "Unilever",
        ),
        (
            "Toyota will recall a million cars in the United States, the Japanese carmaker said.",
            "carmaker",
            "Toyota",
        ),
        (
            "Vodafone has agreed to buy a stake in a Nairobi bank, the telecoms company said.",
            "company",
            "Vodafone",
        ),
    ],
)
def test_a_closing_attribution_describes_the_reported_clause_s_subject(
    text: str, description: str, company: str
) -> None:
    ctx, _ = run(text)
    [said] = [m for m in ctx.mentions if m.role == "description" and description in m.text]
    assert said.antecedent is not None
    assert ctx.referent(said).name == company


def test_a_closing_attribution_by_another_body_is_not_the_subject() -> None:
    ctx, _ = run("Lufthansa will buy a stake in ITA Airways, the Italian government said.")
    said = [m for m in ctx.mentions if "government" in m.text]
    assert said and all(ctx.referent(m).name != "Lufthansa" for m in said)
