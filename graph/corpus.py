"""Cross-article entity resolution: an article's entities are mapped onto the entities a
corpus already knows, so "Netanyahu" in one article and "Benjamin Netanyahu" in another are
one node, while two people who merely share a surname are not merged without evidence.

Evidence used, for people only (organisations and places already meet on their canonical
key, the same label and type):
- a person named by fewer words ("Netanyahu") in a new article becomes the one known person
  whose fuller name ends with those words, and only when exactly one such person is known;
- the other way round, a person known only by a short name becomes a newly added fuller
  name when that fuller name is then the only one it can mean. Such a merge of two known
  entities is returned as a ``Merge`` for the caller to apply to what it holds (a networkx
  graph: ``merge_nodes``; the store: an IRI rename).
A short name two known full names fit ("Clinton" with Hillary and Bill Clinton known) stays
its own entity. Resolution inside one article (graph/resolve.py) is never undone here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

import networkx as nx

from graph.model import Coreference, EntityType, ResolvedArticle


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().split())


def last_word(label: str) -> str | None:
    """The word people are matched by: a shorter name of a person ends in the same word as
    the fuller one (casefolded; None for an empty label)."""
    words = _words(label)
    return words[-1] if words else None


def _ends_with(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


@dataclass(frozen=True, slots=True)
class Merge:
    """Known entity ``old`` turned out to be ``new``: fold the one into the other."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class CorpusLink:
    """An article rewritten onto known entities, and the known entities merged because of it."""

    article: ResolvedArticle
    merges: tuple[Merge, ...]


@dataclass(slots=True)
class KnownEntities:
    """The corpus' entities, indexed for matching: key -> (label, type). For one article it
    may hold just the entities ``resolve_against`` reads: those with the article's keys and
    the people whose name has the same ``last_word`` as one of the article's people."""

    labels: dict[str, tuple[str, EntityType]] = field(default_factory=dict)
    _people_by_last_word: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, key: str, label: str, etype: EntityType) -> None:
        self.labels[key] = (label, etype)
        word = last_word(label)
        if etype is EntityType.PERSON and word is not None:
            self._people_by_last_word[word].add(key)

    def discard(self, key: str) -> None:
        label, etype = self.labels.pop(key, ("", EntityType.CONCEPT))
        word = last_word(label)
        if etype is EntityType.PERSON and word is not None:
            self._people_by_last_word[word].discard(key)

    def _people_ending(self, words: tuple[str, ...]) -> set[str]:
        return {k for k in self._people_by_last_word.get(words[-1], ()) if k in self.labels}

    def person_for(self, label: str) -> str | None:
        """The one known fuller-name person a shorter person name can only mean."""
        words = _words(label)
        if not words:
            return None
        candidates = {
            key
            for key in self._people_ending(words)
            if _ends_with(_words(self.labels[key][0]), words)
        }
        return candidates.pop() if len(candidates) == 1 else None

    def shorter_names_of(self, label: str) -> set[str]:
        """Known people whose name is a strict ending of ``label`` ("Netanyahu" for
        "Benjamin Netanyahu")."""
        words = _words(label)
        if not words:
            return set()
        return {
            key
            for key in self._people_ending(words)
            if _ends_with(words, _words(self.labels[key][0]))
        }


def resolve_against(resolved: ResolvedArticle, known: KnownEntities) -> CorpusLink:
    """Rewrite the article's entity keys onto known entities, add its entities to ``known``
    for the articles that follow, and merge known short-name people its full names settle."""
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
        aliases = tuple(sorted((set(entity.aliases) | {entity.label}) - {label}))
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
    this_article = {e.key for e in entities}
    new_people = [e for e in entities if e.key not in known.labels]
    for entity in entities:
        if entity.key not in known.labels:
            known.add(entity.key, entity.label, entity.type)
    merges: list[Merge] = []
    for entity in new_people:
        if entity.type is not EntityType.PERSON:
            continue
        for short in sorted(known.shorter_names_of(entity.label) - this_article):
            if known.person_for(known.labels[short][0]) == entity.key:
                merges.append(Merge(short, entity.key))
                known.discard(short)
    article = ResolvedArticle(resolved.article, tuple(entities), relations, corefs)
    return CorpusLink(article, tuple(merges))


def merge_nodes(graph: nx.MultiDiGraph, merge: Merge) -> None:
    """Fold node ``merge.old`` into ``merge.new`` (kg.py attributes): aliases, mention
    counts, articles, edges, speakers, coreferences and links all move to the new key."""
    if merge.old not in graph or merge.new not in graph:
        return
    old, new = graph.nodes[merge.old], graph.nodes[merge.new]
    new["aliases"] = sorted(
        (set(new["aliases"]) | set(old["aliases"]) | {old["label"]}) - {new["label"]}
    )
    new["mentions"] += old["mentions"]
    for article_id, count in old.get("article_mentions", {}).items():
        new["article_mentions"][article_id] = new["article_mentions"].get(article_id, 0) + count
    new["articles"] = list(dict.fromkeys(new["articles"] + old["articles"]))
    for link in old.get("links", []):
        links = new.setdefault("links", [])
        if link not in links:
            links.append(link)
    for u, v, key, data in list(graph.in_edges(merge.old, keys=True, data=True)) + list(
        graph.out_edges(merge.old, keys=True, data=True)
    ):
        if u == v == merge.old:
            u = v = merge.new
        elif u == merge.old:
            u = merge.new
        else:
            v = merge.new
        graph.add_edge(u, v, key=key, **data)
    graph.remove_node(merge.old)
    for *_, data in graph.edges(data=True):
        if data.get("speaker") == merge.old:
            data["speaker"] = merge.new
    for coref in graph.graph.get("coreferences", []):
        if coref["entity"] == merge.old:
            coref["entity"] = merge.new
    for fact in graph.graph.get("background", []):
        if fact["subject"] == merge.old:
            fact["subject"] = merge.new


__all__ = [
    "CorpusLink",
    "KnownEntities",
    "Merge",
    "last_word",
    "merge_nodes",
    "resolve_against",
]
