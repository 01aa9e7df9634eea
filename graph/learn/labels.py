"""Training labels (Wikidata properties of Re-DocRED, CoNLL04 labels) mapped onto the
ontology's predicates, one direction per pair of inverses, so that "P150 contains" and
"P131 located in" teach the same relation."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from graph.lexicon import _rows
from graph.vocab import relation_schema

CLASSES = {
    "PER": {"Person"},
    "ORG": {"Organization", "Group"},
    "LOC": {"Place", "Country"},
    "MISC": {"Event", "Product", "Work", "Group", "Concept"},
}
"""Ontology classes a coarse (Re-DocRED) type may stand for."""


class Target(NamedTuple):
    predicate: str
    inverse: bool
    """True when label(h, t) means predicate(t, h)."""
    head_types: frozenset[str]
    """Coarse types the label's head must have for this mapping; empty: any."""


@lru_cache(maxsize=1)
def canonical() -> dict[str, str]:
    """Predicate -> the predicate it is learned as, reversed (one of two declared inverses
    that both have a Wikidata property: capitalOf for hasCapital ...)."""
    schema = relation_schema()
    out = {}
    for pid, rel in schema.items():
        other = schema.get(rel.inverse or "")
        if other is not None and other.wikidata and rel.wikidata and other.id < pid:
            out[pid] = other.id
    return out


@lru_cache(maxsize=1)
def targets() -> dict[str, list[Target]]:
    """Label -> the predicates it may map onto, tried in order."""
    table: dict[str, list[Target]] = {}
    for label, predicate, direction, heads in _rows("training_labels.tsv", 4):
        head_types = frozenset(h for h in heads.split(",") if h)
        table.setdefault(label, []).append(Target(predicate, direction == "inverse", head_types))
    kinds = {"exact": 0, "inverse": 1, "close": 2}  # an exact match is tried before a close one
    schema = relation_schema()
    for pid in sorted(schema, key=lambda p: (kinds.get(schema[p].wikidata_match or "", 3), p)):
        rel = schema[pid]
        if rel.wikidata and rel.wikidata_match in kinds:
            target = Target(pid, rel.wikidata_match == "inverse", frozenset())
            table.setdefault(rel.wikidata, []).append(target)
    return table


def fits(predicate: str, head_classes: set[str], tail_classes: set[str]) -> bool:
    """Whether the ontology's domain and range admit the pair's classes."""
    rel = relation_schema()[predicate]
    return bool(set(rel.domain) & head_classes) and bool(set(rel.range) & tail_classes)


def map_label(label: str, head_type: str, tail_type: str) -> tuple[str, bool] | None:
    """(predicate, reversed) for a label on a pair of coarse types, or None if the inventory
    has no relation for it (then the pair is a negative)."""
    for target in targets().get(label, []):
        if target.head_types and head_type not in target.head_types:
            continue
        h, t = (tail_type, head_type) if target.inverse else (head_type, tail_type)
        if not fits(target.predicate, CLASSES[h], CLASSES[t]):
            continue
        predicate, flipped = target.predicate, target.inverse
        if predicate in canonical():
            predicate, flipped = canonical()[predicate], not flipped
        return predicate, flipped
    return None
