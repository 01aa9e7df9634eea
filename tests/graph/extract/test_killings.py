"""The killings extractor: killer nouns, killing nouns, verdicts, and their stance."""

from __future__ import annotations

import pytest

from tests.graph.extract.helpers import run


def _facts(text: str) -> set[tuple[str, str, str]]:
    _, relations = run(text)
    return {
        (r.subject.name, r.object.name, r.stance.value)
        for r in relations
        if r.evidence.extractor == "killings" and r.predicate == "kills"
    }


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "And William McKinley's assassin Leon Czolgosz sings from the electric chair.",
            ("Leon Czolgosz", "William McKinley", "asserted"),
        ),
        (
            "Ray, the killer of Martin Luther King, died in prison.",
            ("Ray", "Martin Luther King", "asserted"),
        ),
        (
            "Leon Czolgosz was the assassin of William McKinley.",
            ("Leon Czolgosz", "William McKinley", "asserted"),
        ),
        (
            "The assassination of Archduke Franz Ferdinand by Gavrilo Princip started the war.",
            ("Gavrilo Princip", "Archduke Franz Ferdinand", "asserted"),
        ),
        (
            "Sirhan was convicted of Kennedy's killing and is serving a life sentence.",
            ("Sirhan", "Kennedy", "asserted"),
        ),
        (
            "A jury convicted Ray of the murder of Martin Luther King.",
            ("Ray", "Martin Luther King", "asserted"),
        ),
        (
            "Jack Ruby, who killed John F. Kennedy assassin Lee Harvey Oswald, was a client.",
            ("Lee Harvey Oswald", "John F. Kennedy", "asserted"),
        ),
        # a claim, a charge and an acquittal are not the fact
        (
            "Kennedy's alleged assassin Lee Harvey Oswald was shot two days later.",
            ("Lee Harvey Oswald", "Kennedy", "reported"),
        ),
        (
            "Mijailo Mijailovic was charged with the murder of Anna Lindh.",
            ("Mijailo Mijailovic", "Anna Lindh", "reported"),
        ),
        (
            "Kamal Hossain was acquitted of the murder of Ahmed Rashid.",
            ("Kamal Hossain", "Ahmed Rashid", "negated"),
        ),
    ],
)
def test_killing_from_nouns(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a killing with no killer named, a mourner is not one
        "Thousands mourned the assassination of Yitzhak Rabin in Tel Aviv.",
        "Coretta Scott King condemned the killing of Medgar Evers.",
        # a murder inquiry's detective is no killer
        "Detective Jane Tennison led the inquiry into the murder of Tony Sparks.",
    ],
)
def test_no_killing(text: str) -> None:
    assert not _facts(text)


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "Yigal Amir was convicted of assassinating Yitzhak Rabin.",
            ("Yigal Amir", "Yitzhak Rabin", "asserted"),
        ),
        (
            "Nathuram Godse, the man convicted of killing Gandhi, was hanged in 1949.",
            ("Nathuram Godse", "Gandhi", "asserted"),
        ),
        ("Carlos Ruiz was acquitted of killing Ana Mora.", ("Carlos Ruiz", "Ana Mora", "negated")),
        (
            "Omar Khan was sentenced to death for the murder of Daniel Pearl.",
            ("Omar Khan", "Daniel Pearl", "asserted"),
        ),
        (
            "Kemal Aydin was tried for the killing of Hrant Dink.",
            ("Kemal Aydin", "Hrant Dink", "reported"),
        ),
    ],
)
def test_a_verdict_on_a_killing_verb_or_noun(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mehmet Ali Agca was sentenced to life for shooting Pope John Paul II.",
        "Kemal Aydin was praised for helping Hrant Dink.",
        "Ahmed said the United States had agreed to the plan.",
        "Putin met Macron in Paris on Monday.",
    ],
)
def test_no_killing_from_a_verdict_on_another_deed(text: str) -> None:
    assert _facts(text) == set()


def test_a_verdict_participle_is_on_its_own_name_only() -> None:
    facts = _facts(
        "Mark Ryan, convicted of killing John Moss; and Tom Wills, a former bank clerk "
        "convicted of fraud."
    )
    assert ("Tom Wills", "John Moss", "asserted") not in facts
