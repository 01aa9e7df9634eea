"""Attitudes through frames: the frame table, and the stances of demands and labels.
Sentence-level triples are in tests/fixtures/sentences/attitudes.tsv."""

from __future__ import annotations

import pytest

from graph import lexicon
from graph.model import Stance
from graph.vocab import relation_schema
from tests.graph.extract.helpers import run


def _found(text: str, predicate: str) -> set[tuple[str, str, Stance, str | None]]:
    ctx, relations = run(text)
    return {
        (
            ctx.referent(r.subject).name,
            ctx.referent(r.object).name,
            r.stance,
            r.speaker.name if r.speaker else None,
        )
        for r in relations
        if r.predicate == predicate and r.evidence.extractor == "attitudes"
    }


def test_every_frame_predicate_is_declared() -> None:
    frames = lexicon.attitude_frames()
    assert len(frames) > 40
    with_predicate = {"act", "act-by", "verdict", "holder", "holder-of", "state", "fault"}
    for (word, _), roles in frames.items():
        for role, predicate in roles.items():
            if role in with_predicate:
                assert predicate in relation_schema(), word
            else:
                assert predicate == "", word
    assert {role for roles in frames.values() for role in roles} >= with_predicate


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Democratic Alliance demanded the resignation of Cyril Ramaphosa.",
            ("Democratic Alliance", "Cyril Ramaphosa", Stance.ASSERTED, None),
        ),
        (
            "Reuters said the Democratic Alliance demanded the resignation of Cyril Ramaphosa.",
            ("Democratic Alliance", "Cyril Ramaphosa", Stance.REPORTED, "Reuters"),
        ),
        (
            "The Democratic Alliance did not demand the resignation of Cyril Ramaphosa.",
            ("Democratic Alliance", "Cyril Ramaphosa", Stance.NEGATED, None),
        ),
        (
            "The Democratic Alliance plans to demand the resignation of Cyril Ramaphosa.",
            ("Democratic Alliance", "Cyril Ramaphosa", Stance.PROPOSED, None),
        ),
        # A demand named by a noun was made, whatever will be done with it.
        (
            "TCI's request for the removal of Werner Seifert will be considered in May.",
            ("TCI", "Werner Seifert", Stance.ASSERTED, None),
        ),
    ],
)
def test_a_demand_takes_the_stance_of_its_own_words(
    text: str, expected: tuple[str, str, Stance, str | None]
) -> None:
    assert _found(text, "opposes") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana called for the removal of trade barriers.",  # no one is removed
        "The board sacked Jose Mourinho in December.",  # an act done, not demanded
        "Chelsea want to sign Victor Osimhen.",  # the holder's own signing
        "Real Madrid called Jude Bellingham a star.",  # not a verdict
    ],
)
def test_no_attitude_without_a_demand_of_an_act_on_someone(text: str) -> None:
    _, relations = run(text)
    attitudes = [r for r in relations if r.evidence.extractor == "attitudes"]
    assert attitudes == []


def test_a_verdict_in_a_quote_is_the_speakers() -> None:
    text = 'Jose Mourinho said: "I called Arsene Wenger a liar and I meant it."'
    found = _found(text, "criticises")
    assert ("Jose Mourinho", "Arsene Wenger", Stance.REPORTED, "Jose Mourinho") in found
