"""Mentions -> entities within one article: names, aliases, possessives, acronyms, and the
antecedent links that pronoun/description extractors recorded."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from graph.extract.context import clean_name
from graph.model import (
    ArticleExtraction,
    Coreference,
    Entity,
    EntityType,
    Mention,
    Relation,
    ResolvedArticle,
)
from graph.vocab import entity_key, slug

FAMILIES = {
    EntityType.COUNTRY: "place",
    EntityType.PLACE: "place",
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "org",
    EntityType.GROUP: "group",
}
ARTICLE_SCOPED = {EntityType.EVENT, EntityType.QUANTITY, EntityType.DATE, EntityType.CONCEPT}
"""Types whose same label in two articles is not evidence of one entity."""


def _norm(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the earlier mention as the root so clusters are stable.
            first, second = sorted((ra, rb))
            self.parent[second] = first


def _link_names(named: list[Mention], uf: _UnionFind) -> None:
    """Merge name mentions: same name; a person's surname or shorter name inside a longer
    unique full name; an organisation's acronym."""
    by_norm: dict[str, list[Mention]] = defaultdict(list)
    for mention in named:
        by_norm[_norm(mention.name)].append(mention)
    for group in by_norm.values():
        for other in group[1:]:
            uf.union(group[0].span, other.span)
    persons = {n: ms for n, ms in by_norm.items() if any(m.type is EntityType.PERSON for m in ms)}
    for short, mentions in persons.items():
        short_words = short.split()
        longer = [
            n
            for n in persons
            if n != short
            and len(n.split()) > len(short_words)
            and n.split()[-len(short_words) :] == short_words
        ]
        if len(longer) == 1 or (longer and len({persons[n][0].span for n in longer}) == 1):
            uf.union(persons[longer[0]][0].span, mentions[0].span)
    orgs = {n: ms for n, ms in by_norm.items() if ms[0].type is EntityType.ORGANIZATION}
    for name, mentions in orgs.items():
        acronym = _acronym(mentions[0].name)
        if acronym and acronym.lower() in orgs and acronym.lower() != name:
            uf.union(mentions[0].span, orgs[acronym.lower()][0].span)
        # "Merrill" after "Merrill Lynch", "the Bank" after "Bank of England": a shorter name
        # that starts exactly one longer organisation name in the article.
        longer = [n for n in orgs if n != name and n.split()[: len(name.split())] == name.split()]
        if len(longer) == 1 and all(m.role != "description" for m in mentions):
            uf.union(orgs[longer[0]][0].span, mentions[0].span)


def _choose_type(mentions: list[Mention]) -> EntityType:
    counts = Counter(m.type for m in mentions if m.name)
    if not counts:
        counts = Counter(m.type for m in mentions)
    if EntityType.COUNTRY in counts and EntityType.PLACE in counts:
        counts[EntityType.COUNTRY] += counts.pop(EntityType.PLACE)
    return counts.most_common(1)[0][0]


def _choose_label(mentions: list[Mention], etype: EntityType) -> str:
    """The canonical name: a person's fullest name; otherwise the most repeated name, with
    modified names ("international coalition") preferred over a bare head ("coalition")."""
    names = [m for m in mentions if m.name]
    if not names:
        return mentions[0].text
    proper = [m for m in names if m.antecedent is None and m.role != "description"]
    if etype is EntityType.PERSON:
        pool = proper or names
        return max(pool, key=lambda m: (len(m.name.split()), m.confidence, -m.start)).name
    pool = proper or names
    counts = Counter(m.name for m in pool)
    return max(
        pool,
        key=lambda m: (
            m.confidence,
            len(m.name.split()) > 1,
            counts[m.name],
            len(m.name),
            -m.start,
        ),
    ).name


def resolve(extraction: ArticleExtraction) -> ResolvedArticle:
    """Group an article's mentions into entities and rewrite relations onto entity keys."""
    article = extraction.article
    mentions = list(extraction.mentions)
    by_span = {m.span: m for m in mentions}
    uf = _UnionFind()
    for mention in mentions:
        uf.find(mention.span)
    named = [m for m in mentions if m.name and m.antecedent is None and m.type in FAMILIES]
    by_family: dict[str, list[Mention]] = defaultdict(list)
    for mention in named:
        by_family[FAMILIES[mention.type]].append(mention)
    for family in by_family.values():
        _link_names(family, uf)
    for mention in mentions:
        if mention.antecedent is not None and mention.antecedent in by_span:
            uf.union(mention.antecedent, mention.span)

    clusters: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        clusters[uf.find(mention.span)].append(mention)

    key_of: dict[tuple[int, int], str] = {}
    entities: list[Entity] = []
    for members in clusters.values():
        members.sort(key=lambda m: m.start)
        etype = _choose_type(members)
        label = _choose_label(members, etype)
        named_members = [m for m in members if m.name] or members
        if etype in ARTICLE_SCOPED or all(m.role == "description" for m in named_members):
            key = entity_key(etype.value, f"{slug(article.id)}--{label}")
        else:
            key = entity_key(etype.value, label)
        surfaces = {m.name for m in members if m.name} | {
            clean_name(m.text) for m in members if m.name and not m.role and m.antecedent is None
        }
        aliases = sorted(surfaces - {label, ""})
        for mention in members:
            key_of[mention.span] = key
        entities.append(
            Entity(
                key=key,
                label=label,
                type=etype,
                aliases=tuple(aliases),
                mentions=tuple(members),
                article_ids=(article.id,),
                value=_value(members, label),
            )
        )
    entities = _merge_same_keys(entities)

    relations: list[Relation] = []
    related: set[str] = set()
    for rel in extraction.relations:
        subject, obj = key_of.get(rel.subject.span), key_of.get(rel.object.span)
        if subject is None or obj is None or subject == obj:
            continue
        speaker = key_of.get(rel.speaker.span) if rel.speaker is not None else None
        relations.append(Relation(subject, rel.predicate, obj, rel.stance, rel.evidence, speaker))
        related.update(k for k in (subject, obj, speaker) if k)
    # An unnamed description ("the government") that nothing relates to says nothing.
    entities = [
        e
        for e in entities
        if e.key in related or any(m.name and m.role != "description" for m in e.mentions)
    ]
    kept = {e.key for e in entities}

    coreferences = tuple(
        Coreference(m, key_of[m.span], m.extractor)
        for m in mentions
        if m.antecedent is not None and key_of.get(m.span) in kept
    )
    return ResolvedArticle(article, tuple(entities), tuple(relations), coreferences)


def _value(members: list[Mention], label: str) -> str:
    """The normalised value of a date or quantity: the labelled mention's, else the first."""
    valued = sorted((m.name != label, m.start, m.value) for m in members if m.value)
    return valued[0][2] if valued else ""


def _merge_same_keys(entities: list[Entity]) -> list[Entity]:
    """Two clusters that end up with one key (e.g. "U.S." and "United States") are one entity."""
    merged: dict[str, Entity] = {}
    for entity in entities:
        if entity.key not in merged:
            merged[entity.key] = entity
            continue
        old = merged[entity.key]
        aliases = sorted(set(old.aliases) | set(entity.aliases) - {old.label})
        merged[entity.key] = Entity(
            old.key,
            old.label,
            old.type,
            tuple(aliases),
            tuple(sorted(old.mentions + entity.mentions, key=lambda m: m.start)),
            old.article_ids,
            old.value or entity.value,
        )
    return list(merged.values())
