"""Mentions -> entities within one article: names, aliases, possessives, acronyms, and the
antecedent links that pronoun/description extractors recorded."""

from __future__ import annotations

from collections import Counter, defaultdict

from graph import lexicon
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
from graph.name_variants import link_names, norm, person_core
from graph.vocab import entity_key, slug

PART_PREDICATES = {"partOf", "parentOrganization", "owns", "ownedBy", "acquires", "hasPart"}
"""Relations between two organisations that make them two, whatever their names share."""

FAMILIES = {
    EntityType.COUNTRY: "place",
    EntityType.PLACE: "place",
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "org",
    EntityType.GROUP: "group",
    EntityType.PRODUCT: "product",
    EntityType.WORK: "work",
}
ARTICLE_SCOPED = {EntityType.EVENT, EntityType.QUANTITY, EntityType.DATE, EntityType.CONCEPT}
"""Types whose same label in two articles is not evidence of one entity."""
HOLDER_PREDICATES = {"positionHeld"}
"""Predicates whose subject holds an office, and so is a person."""


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


def _choose_type(mentions: list[Mention], holders: set[tuple[int, int]]) -> EntityType:
    """The majority type of the named mentions, each weighted by its confidence (a type the
    article's wording gave outweighs NER's guess); whoever holds a position is a person."""
    if any(m.span in holders for m in mentions):
        return EntityType.PERSON
    counts: Counter[EntityType] = Counter()
    for m in mentions:
        if m.name:
            counts[m.type] += m.confidence
    if not counts:
        counts = Counter(m.type for m in mentions)
    if EntityType.COUNTRY in counts and EntityType.PLACE in counts:
        counts[EntityType.COUNTRY] += counts.pop(EntityType.PLACE)
    longest = {t: max((len(m.name) for m in mentions if m.type is t), default=0) for t in counts}
    # a tie goes to the type of the fuller name ("Green Party" over "Greens")
    return max(counts, key=lambda t: (round(counts[t], 6), longest[t]))


def _choose_label(mentions: list[Mention], etype: EntityType) -> str:
    """The canonical name: a person's fullest name; otherwise the most repeated name, with
    modified names ("international coalition") preferred over a bare head ("coalition")."""
    names = [m for m in mentions if m.name]
    if not names:
        return mentions[0].text
    proper = [m for m in names if m.antecedent is None and m.role != "description"]
    if etype is EntityType.PERSON:
        pool = proper or names
        return max(
            pool, key=lambda m: (len(person_core(m.name).split()), m.confidence, -m.start)
        ).name
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
    # An alias ("CAO" after "China Aviation Oil (CAO)") is a name of its antecedent's entity.
    named = [
        m
        for m in mentions
        if m.name and (m.antecedent is None or m.role == "alias") and m.type in FAMILIES
    ]
    apart = frozenset(
        frozenset({norm(r.subject.name), norm(r.object.name)})
        for r in extraction.relations
        if r.subject.name and r.object.name and r.predicate in PART_PREDICATES
    )
    link_names(named, uf.union, apart)
    holders = {r.subject.span for r in extraction.relations if r.predicate in HOLDER_PREDICATES}
    unlinked: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        if mention.antecedent is not None and mention.antecedent in by_span:
            if _qualified_elsewhere(mention, by_span[mention.antecedent], mentions):
                # abstain: "the government" is one entity of its own, not that country's
                first = unlinked.setdefault(mention.name.casefold(), mention.span)
                uf.union(first, mention.span)
                continue
            uf.union(mention.antecedent, mention.span)

    clusters: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        clusters[uf.find(mention.span)].append(mention)

    key_of: dict[tuple[int, int], str] = {}
    entities: list[Entity] = []
    for members in clusters.values():
        members.sort(key=lambda m: m.start)
        etype = _choose_type(members, holders)
        label = _choose_label(members, etype)
        named_members = [m for m in members if m.name] or members
        if etype in ARTICLE_SCOPED or all(m.role == "description" for m in named_members):
            key = entity_key(etype.value, f"{slug(article.id)}--{label}")
        else:
            key = entity_key(etype.value, label)
        # "the company" is no alias: the words describe, not name (an entity known only by
        # descriptions is labelled by one and has no aliases).
        proper = [m for m in members if m.name and m.role != "description"]
        surfaces = {m.name for m in proper if m.name} | {
            clean_name(m.text) for m in proper if m.name and not m.role and m.antecedent is None
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
    # An unnamed description that nothing relates to says nothing, unless the article keeps
    # coming back to it ("the government" ... "the government's scheme").
    entities = [
        e
        for e in entities
        if e.key in related
        or any(m.name and m.role != "description" for m in e.mentions)
        or _salient(e)
    ]
    kept = {e.key for e in entities}

    coreferences = tuple(
        Coreference(m, key_of[m.span], m.extractor)
        for m in mentions
        if m.antecedent is not None and key_of.get(m.span) in kept
    )
    return ResolvedArticle(article, tuple(entities), tuple(relations), coreferences)


QUALIFIER_REACH = 2
"""Sentences over which a bare description may continue a qualified one."""


def _national(words: list[str]) -> bool:
    """Whether modifier words name a country ("American", "US", "British")."""
    text = " ".join(words)
    return bool(
        lexicon.country_name(text)
        or lexicon.demonym_country(text)
        or any(lexicon.demonym_country(w) or lexicon.country_name(w) for w in words)
    )


def _qualified_elsewhere(mention: Mention, antecedent: Mention, mentions: list[Mention]) -> bool:
    """Whether a bare description ("the government") would be folded into one of a named
    country ("American government") without clear evidence: the two are far apart, or the
    article gives the noun two countries before it ("British government" ... "American
    government")."""
    if mention.role != "description" or antecedent.role != "description":
        return False
    words, qualified = mention.name.split(), antecedent.name.split()
    if len(words) != 1 or len(qualified) < 2 or qualified[-1].casefold() != words[0].casefold():
        return False
    if not _national(qualified[:-1]):
        return False  # "the coalition" after "the international coalition" continues it
    if mention.sentence - antecedent.sentence > QUALIFIER_REACH:
        return True
    others = {
        m.name.casefold()
        for m in mentions
        if m.role == "description"
        and m.start < mention.start
        and len(m.name.split()) > 1
        and m.name.split()[-1].casefold() == words[0].casefold()
        and _national(m.name.split()[:-1])
    }
    return len(others) > 1


SALIENT_MENTIONS = 2


def _salient(entity: Entity) -> bool:
    """A description-only institution the article names again and again ("the government").
    Nouns that refer back to a name ("the company", "the club") are left out: unresolved,
    they are more likely a named entity's than one of their own."""
    if entity.type is not EntityType.ORGANIZATION or len(entity.mentions) < SALIENT_MENTIONS:
        return False
    heads = {m.name.split()[-1].lower() for m in entity.mentions if m.name}
    nouns = lexicon.collective_nouns()
    return all(h in nouns and "refers_back" not in nouns[h] for h in heads)


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


VALUE_TYPES = {EntityType.DATE, EntityType.QUANTITY}


def without_unused_values(resolved: ResolvedArticle) -> ResolvedArticle:
    """The article without the dates and quantities no relation uses: "on Monday" or "5%"
    alone says nothing an analyst can query, and they are a third of the nodes."""
    used = {k for r in resolved.relations for k in (r.subject, r.object, r.speaker) if k}
    unused = {e.key for e in resolved.entities if e.type in VALUE_TYPES and e.key not in used}
    if not unused:
        return resolved
    return ResolvedArticle(
        resolved.article,
        tuple(e for e in resolved.entities if e.key not in unused),
        resolved.relations,
        tuple(c for c in resolved.coreferences if c.entity_key not in unused),
    )
