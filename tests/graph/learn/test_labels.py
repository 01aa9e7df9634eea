"""Wikidata properties and CoNLL04 labels map onto ontology predicates, one direction per
pair of inverses, and only where the ontology's domain and range admit the pair's types."""

from __future__ import annotations

import pytest

from graph.learn.labels import canonical, map_label
from graph.vocab import relation_schema


@pytest.mark.parametrize(
    "label, head, tail, expected",
    [
        ("P131", "LOC", "LOC", ("locatedIn", False)),
        ("P150", "LOC", "LOC", ("locatedIn", True)),  # contains: the inverse of located in
        ("P17", "LOC", "LOC", ("locatedIn", False)),  # a place in a country
        ("P17", "ORG", "LOC", ("country", False)),
        ("P276", "ORG", "LOC", ("basedIn", False)),  # the close match for an organisation
        ("P276", "MISC", "LOC", ("location", False)),  # the exact match for an event
        ("P36", "LOC", "LOC", ("capitalOf", True)),  # capital: learned as capital of, reversed
        ("P355", "ORG", "ORG", ("parentOrganization", True)),
        ("P108", "PER", "ORG", ("worksFor", False)),
        ("P31", "LOC", "LOC", None),  # instance of: not in the inventory
        ("P17", "PER", "LOC", None),  # country of a person: the domain does not admit it
        ("conll04:OrgBased_In", "ORG", "LOC", ("headquarteredIn", False)),
        ("conll04:Kill", "PER", "PER", ("kills", False)),
    ],
)
def test_map_label(label: str, head: str, tail: str, expected: tuple | None) -> None:
    assert map_label(label, head, tail) == expected


def test_canonical_predicates_are_declared_inverses() -> None:
    schema = relation_schema()
    for predicate, learned_as in canonical().items():
        assert schema[predicate].inverse == learned_as
