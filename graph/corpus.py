"""Cross-article entity resolution: an article's entities are mapped onto the entities a
corpus already knows, so "Netanyahu" in one article and "Benjamin Netanyahu" in another are
one node, while two people who merely share a surname are not merged without evidence.

Evidence used: an exact canonical key (same label and type) always merges; a person named
by fewer words ("Netanyahu", "Benjamin Netanyahu") merges into the one known person whose
full name ends with those words, and only when exactly one such person is known; likewise a
known short-name person is not merged into a new full name when two full names fit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from graph.model import Coreference, Entity, EntityType, Relation, ResolvedArticle


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().split())


@dataclass(slots=True)
class KnownEntities:
    """The corpus' entities, indexed for matching: key -> (label, type)."""

    labels: dict[str, tuple[str, EntityType]] = field(default_factory=dict)
    _by_last_word: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, key: str, label: str, etype: EntityType) -> None:
        self.labels[key] = (label, etype)
        if etype is EntityType.PERSON and len(label.split()) > 1:
            self._by_last_word[_words(label)[-1]].add(key)

    def person_for(self, label: str) -> str | None:
        """The one known full-name person a shorter person name can only mean."""
        words = _words(label)
        if not words:
            return None
        candidates = {
            key
            for key in self._by_last_word.get(words[-1], ())
            if _words(self.labels[key][0])[-len(words) :] == words
            and len(_words(self.labels[key][0])) > len(words)
        }
        return candidates.pop() if len(candidates) == 1 else None


def link_to_known(resolved: ResolvedArticle, known: KnownEntities) -> ResolvedArticle:
    """Rewrite the article's entity keys onto known entities; then add its entities to
    ``known`` for the articles that follow."""
    mapping: dict[str, str] = {}
    for entity in resolved.entities:
        if entity.type is EntityType.PERSON and entity.key not in known.labels:
            target = known.person_for(entity.label)
            if target is not None:
                mapping[entity.key] = target
    entities = []
    for entity in resolved.entities:
        target = mapping.get(entity.key)
        if target is None:
            entities.append(entity)
            continue
        label = known.labels[target][0]
        aliases = tuple(sorted(set(entity.aliases) | {entity.label} - {label}))
        entities.append(replace(entity, key=target, label=label, aliases=aliases))
    relations = tuple(
        replace(
            r,
            subject=mapping.get(r.subject, r.subject),
            object=mapping.get(r.object, r.object),
            speaker=mapping.get(r.speaker, r.speaker) if r.speaker else None,
        )
        for r in resolved.relations
    )
    corefs = tuple(
        Coreference(c.mention, mapping.get(c.entity_key, c.entity_key), c.method)
        for c in resolved.coreferences
    )
    for entity in entities:
        if entity.key not in known.labels:
            known.add(entity.key, entity.label, entity.type)
    return ResolvedArticle(resolved.article, tuple(entities), relations, corefs)


__all__ = ["Entity", "KnownEntities", "Relation", "link_to_known"]
