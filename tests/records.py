"""Hand-made pipeline records for tests that must not depend on what extractors find."""

from __future__ import annotations

from graph.ingest import make_article
from graph.model import Entity, EntityType, Evidence, Mention, Relation, ResolvedArticle, Stance
from graph.vocab import entity_key


def mention(article_id: str, text: str, body: str, etype: EntityType) -> Mention:
    start = body.index(text)
    return Mention(article_id, start, start + len(text), text, etype, 0, "test", 1.0, name=text)


def entity(article_id: str, label: str, body: str, etype: EntityType, *aliases: str) -> Entity:
    return Entity(
        key=entity_key(etype.value, label),
        label=label,
        type=etype,
        aliases=aliases,
        mentions=(mention(article_id, label, body, etype),),
        article_ids=(article_id,),
    )


def relation(
    subject: Entity, predicate: str, obj: Entity, body: str, article_id: str, stance: Stance
) -> Relation:
    start = body.index(subject.label)
    end = body.index(obj.label) + len(obj.label)
    evidence = Evidence(article_id, body, 0, min(start, end - 1), max(end, start + 1), "test", 0.9)
    return Relation(subject.key, predicate, obj.key, stance, evidence)


def coalition_article(article_id: str = "a1") -> ResolvedArticle:
    """Norway is in the alliance, Sweden is proposed, Finland is excluded."""
    body = "Norway, Sweden and Finland and the Nordic Alliance met in Oslo."
    article = make_article(body, id=article_id, detect_title=False)
    alliance = entity(article_id, "Nordic Alliance", body, EntityType.ORGANIZATION)
    norway = entity(article_id, "Norway", body, EntityType.COUNTRY, "Norge")
    sweden = entity(article_id, "Sweden", body, EntityType.COUNTRY)
    finland = entity(article_id, "Finland", body, EntityType.COUNTRY)
    oslo = entity(article_id, "Oslo", body, EntityType.PLACE)
    relations = (
        relation(norway, "memberOf", alliance, body, article_id, Stance.ASSERTED),
        relation(sweden, "memberOf", alliance, body, article_id, Stance.PROPOSED),
        relation(finland, "memberOf", alliance, body, article_id, Stance.NEGATED),
        relation(oslo, "locatedIn", norway, body, article_id, Stance.REPORTED),
    )
    return ResolvedArticle(article, (alliance, norway, sweden, finland, oslo), relations)
