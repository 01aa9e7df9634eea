"""The cue gate: a pair may carry a relation only when the sentence holds a cue for it.
Sentences written here, from several topics and countries."""

from __future__ import annotations

import pytest

from graph.learn.gate import cues, present, supported
from graph.nlp import load
from graph.vocab import relation_schema


def pair(sentence: str, head: str, tail: str):  # noqa: ANN201
    doc = load()(sentence)
    spans = []
    for name in (head, tail):
        start = sentence.index(name)
        spans.append(doc.char_span(start, start + len(name), alignment_mode="expand"))
    return spans


@pytest.mark.parametrize(
    "sentence, head, tail, predicate, expected",
    [
        ("Amaka Obi, who lives in Lagos, runs a bakery.", "Amaka Obi", "Lagos", "livesIn", True),
        ("Lagos resident Amaka Obi opened a bakery.", "Amaka Obi", "Lagos", "livesIn", True),
        ("Pablo Ruiz, from Seville, won the race.", "Pablo Ruiz", "Seville", "livesIn", True),
        ("Ms Obi said Ghana had agreed to the plan.", "Obi", "Ghana", "livesIn", False),
        ("Kenji Sato visited Osaka on Monday.", "Kenji Sato", "Osaka", "livesIn", False),
        ("Kenji Sato was born in Osaka in 1970.", "Kenji Sato", "Osaka", "bornIn", True),
        (
            "Lena Berg, an analyst at Nordbank, said rates would rise.",
            "Lena Berg",
            "Nordbank",
            "worksFor",
            True,
        ),
        ("Volvo chief executive Jim Rowan spoke.", "Jim Rowan", "Volvo", "worksFor", True),
        ("Lena Berg criticised Nordbank on Friday.", "Lena Berg", "Nordbank", "worksFor", False),
        (
            "Omar Said, a patient at Cairo University Hospital, recovered.",
            "Omar Said",
            "Cairo University Hospital",
            "worksFor",
            False,
        ),
        (
            "Lena Berg, a student at Uppsala University, won the prize.",
            "Lena Berg",
            "Uppsala University",
            "worksFor",
            False,
        ),
        (
            "The Munich-based insurer Allianz reported a loss.",
            "Allianz",
            "Munich",
            "headquarteredIn",
            True,
        ),
        ("Allianz sponsored a concert in Munich.", "Allianz", "Munich", "headquarteredIn", False),
        (
            "Floods hit Porto Alegre, Brazil, last week.",
            "Porto Alegre",
            "Brazil",
            "locatedIn",
            True,
        ),
        (
            "Sergei Petrov was shot dead by Ivan Orlov.",
            "Ivan Orlov",
            "Sergei Petrov",
            "kills",
            True,
        ),
        ("Sergei Petrov met Ivan Orlov in Minsk.", "Ivan Orlov", "Sergei Petrov", "kills", False),
        # a shooting is no killing unless the death is told
        ("Sergei Petrov was shot by Ivan Orlov.", "Ivan Orlov", "Sergei Petrov", "kills", False),
        # a cue of another noun, or a preposition far along the path, does not count
        (
            "Nordbank looks committed, said one Oslo-based trader.",
            "Nordbank",
            "Oslo",
            "headquarteredIn",
            False,
        ),
        ("Ana Reyes said she lives in Quito.", "Ana Reyes", "Quito", "livesIn", False),
        (
            "Siemens shares rose, said one Berlin-based trader.",
            "Siemens",
            "Berlin",
            "headquarteredIn",
            False,
        ),
        (
            "Wales beat Italy in Rome and face France next week.",
            "Rome",
            "France",
            "locatedIn",
            False,
        ),
        (
            "Lucia Conti met investors in Milan and later called Ferrari.",
            "Lucia Conti",
            "Ferrari",
            "worksFor",
            False,
        ),
    ],
)
def test_gate(sentence: str, head: str, tail: str, predicate: str, expected: bool) -> None:
    assert supported(predicate, present(*pair(sentence, head, tail))) is expected


def test_structural_cues() -> None:
    assert "<comma>" in present(*pair("He flew to Perth, Australia.", "Perth", "Australia"))
    found = present(*pair("Tokyo's Keio University hosted it.", "Keio University", "Tokyo"))
    assert "<poss>" in found


def test_a_relation_without_cues_is_never_supported() -> None:
    everything = frozenset().union(*cues().values())
    assert not supported("positionHeld", everything)


def test_cue_file_names_declared_predicates() -> None:
    assert set(cues()) <= set(relation_schema())


@pytest.mark.parametrize(
    "sentence, head, tail",
    [
        ("Amaka Obi, who lives in Lagos, runs a bakery.", "Amaka Obi", "Lagos"),
        ("Lagos resident Amaka Obi opened a bakery.", "Amaka Obi", "Lagos"),
        ("Toyota's chief executive Akio Toyoda spoke in Nagoya.", "Toyota", "Akio Toyoda"),
        ("Ms Obi said Ghana had agreed to the plan.", "Obi", "Ghana"),
        ("Siemens, based in Munich, cut jobs in Brazil.", "Munich", "Brazil"),
    ],
)
def test_present_both_is_present_from_either_end(sentence: str, head: str, tail: str) -> None:
    from graph.learn.gate import present_both

    a, b = pair(sentence, head, tail)
    assert present_both(a, b) == (present(a, b), present(b, a))
    assert present_both(b, a) == (present(b, a), present(a, b))
