"""Titles and nationality: the data files' vocabulary and the mention types titles decide."""

from __future__ import annotations

import pytest

from graph import lexicon
from graph.model import EntityType
from tests.graph.extract.helpers import run

KINDS = {
    "head_of_state",
    "head_of_government",
    "leader",
    "deputy",
    "minister",
    "spokesperson",
    "employee",
    "member",
    "player",
    "captain",
}


def test_titles_table_uses_known_kinds_scopes_and_flags() -> None:
    for words, title in lexicon.titles().items():
        assert title.kind in KINDS, words
        assert title.scope in {"", "place", "org"}, words
        known = {"bare", "portfolio", "role", "national", "government", "board", "posted"}
        assert title.flags <= known, words


def test_modifiers_have_known_effects() -> None:
    effects = set(lexicon.title_modifiers().values())
    assert effects <= {"shadow", "deputy", "former", "same", "relational", "counterpart"}
    assert lexicon.title_modifiers()["shadow"] == "shadow"


def test_party_words_are_not_demonyms_or_titles() -> None:
    for word in lexicon.party_words():
        assert word not in lexicon.titles(), word


@pytest.mark.parametrize(
    "text, name",
    [
        ("On Saturday, Real Betis midfielder Isco Alarcon was injured.", "Real Betis"),
        (
            "Yesterday, Manchester United captain Bruno Fernandes scored.",
            "Manchester United",
        ),
    ],
)
def test_a_club_before_a_playing_role_is_an_organisation(text: str, name: str) -> None:
    ctx, relations = run(text)
    club = [m for m in ctx.mentions if m.name == name]
    assert club and club[0].type is EntityType.ORGANIZATION
    assert not [r for r in relations if r.predicate == "livesIn" and r.object.name == name]


def test_a_bare_generic_title_makes_no_position() -> None:
    ctx, _ = run("Secretary Pete Hegseth and Spokesman Ned Price spoke on Friday.")
    assert not [m for m in ctx.mentions if m.type is EntityType.POSITION]


def test_a_shadow_office_is_not_the_real_office() -> None:
    ctx, relations = run(
        "Foreign Secretary David Lammy met shadow foreign secretary Priti Patel in London."
    )
    held = {(r.subject.name, r.object.name) for r in relations if r.predicate == "positionHeld"}
    assert ("David Lammy", "Foreign Secretary") in held
    assert ("Priti Patel", "Shadow Foreign Secretary") in held


@pytest.mark.parametrize(
    "text, subject, predicate, owner",
    [
        (
            "Samsung's Lee Jae-yong told reporters the plan was ready.",
            "Lee Jae-yong",
            "worksFor",
            "Samsung",
        ),
        ("Nintendo's Switch Lite is the best gadget of the year.", "Switch Lite", None, "Nintendo"),
    ],
)
def test_a_possessive_before_a_name(
    text: str, subject: str, predicate: str | None, owner: str
) -> None:
    _, relations = run(text)
    found = {
        r.predicate
        for r in relations
        if r.evidence.extractor == "nationality"
        and r.subject.name == subject
        and r.object.name == owner
    }
    assert found == ({predicate} if predicate else set())


@pytest.mark.parametrize(
    "text, holder, jurisdiction",
    [
        ("Illinois Gov. James Thompson signed the bill last month.", "James Thompson", "Illinois"),
        ("Ohio Sen. John Glenn flew on the shuttle again.", "John Glenn", "Ohio"),
    ],
)
def test_abbreviated_us_titles(text: str, holder: str, jurisdiction: str) -> None:
    """AP style writes "Gov." and "Sen." before a name: the office and its state."""
    _, relations = run(text)
    held = {
        r.object.span
        for r in relations
        if r.predicate == "positionHeld" and r.subject.name == holder
    }
    assert any(
        r.predicate == "appliesToJurisdiction"
        and r.subject.span in held
        and r.object.name == jurisdiction
        for r in relations
    )
