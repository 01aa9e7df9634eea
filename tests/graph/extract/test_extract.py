"""The extraction run as a whole (graph/extract/__init__.py)."""

from __future__ import annotations

from graph.extract import still_typed
from graph.model import EntityType, Evidence, Mention, RelationMention, Stance


def _mention(start: int, end: int, type_: EntityType, name: str) -> Mention:
    return Mention("a", start, end, name, type_, 0, "ner", name=name)


def _relation(subject: Mention, predicate: str, obj: Mention) -> RelationMention:
    evidence = Evidence("a", "Boeing's Starliner", 0, 0, 18, "nationality", 0.6)
    return RelationMention(subject, predicate, obj, Stance.ASSERTED, evidence)


def test_a_relation_whose_end_was_retyped_out_of_its_domain_is_dropped() -> None:
    person = _mention(8, 18, EntityType.PERSON, "Starliner")
    boeing = _mention(0, 6, EntityType.ORGANIZATION, "Boeing")
    product = _mention(8, 18, EntityType.PRODUCT, "Starliner")  # retyped later, same span
    works = _relation(person, "worksFor", boeing)
    made = _relation(product, "manufacturer", boeing)
    assert list(still_typed([works, made], [product, boeing])) == [made]


def test_relations_whose_ends_keep_their_types_stay() -> None:
    person = _mention(8, 18, EntityType.PERSON, "Ann Lee")
    boeing = _mention(0, 6, EntityType.ORGANIZATION, "Boeing")
    works = _relation(person, "worksFor", boeing)
    assert list(still_typed([works], [person, boeing])) == [works]
