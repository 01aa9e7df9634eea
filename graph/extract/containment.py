"""Containment the gazetteer settles between two places one article names: an article that
names Bristol and England, or Beijing and China, puts the city in the division or country
that holds it (locatedIn), as a reader of the article would.

Only a city of the GeoNames table (graph/gazetteer.py) that the article's own places settle
without doubt: the namesake the article's countries and divisions support (England is a
division: GB/ENG, as the city records carry it; graph/schema/admin1_divisions.tsv), when it
is also the largest place bearing the name anywhere, towns and other names included ("Paris"
beside "Texas" is still the French one, "Hollywood" beside "Florida" the Los Angeles one, so
nothing is said), and no other namesake lies in another country the article names. The holder is
the narrowest area the article names: Bristol lies in England, not the United Kingdom, when
both are named. A place the article itself puts somewhere ("Paris, Texas", "the Kenyan
capital Nairobi") is left to those facts; divisions and countries are never contained
here.

The evidence is a sentence that names the city, one naming both where there is one. The
confidence is modest: the article names both places but states no containment.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph import gazetteer
from graph.extract import extractors
from graph.extract.context import Context
from graph.gazetteer import Areas, Place
from graph.lexicon import country_name
from graph.model import EntityType, Mention, RelationMention

PLACES = {EntityType.PLACE, EntityType.COUNTRY}
PLACED = frozenset({"locatedIn", "capitalOf", "country", "partOf"})
"""Relations by which the article itself says where their subject is."""
CONFIDENCE = 0.55


def _named_places(ctx: Context) -> list[Mention]:
    return [
        m
        for m in ctx.mentions
        if m.type in PLACES and m.name and m.antecedent is None and m.role != "description"
    ]


def _placed_by_article(ctx: Context) -> set[str]:
    """Normalised names of places an earlier relation puts somewhere."""
    placed = set()
    for relation in ctx.notes.get("relations", []):  # type: ignore[union-attr]
        if relation.predicate in PLACED and relation.object.type in PLACES:
            placed.add(gazetteer.normalise(relation.subject.name))
        if relation.predicate == "hasCapital":
            placed.add(gazetteer.normalise(relation.object.name))
    return placed


def settled_city(name: str, areas: set[tuple[str, str]]) -> Place | None:
    """The GeoNames city a place name stands for, given the (country, admin1) areas the
    article names, when nothing leaves a doubt; None otherwise."""
    places, how = gazetteer.candidates(name)
    if how != "name" or not places or any(p.kind != "city" for p in places):
        return None
    choice = gazetteer.disambiguate(places, Areas(related=set(), areas=areas, cities=[]))
    if choice is None:
        return None
    city = choice[0]
    if gazetteer.largest_bearer(name) != city.geonameid:
        # "Paris" beside "Texas", "Hollywood" beside "Florida": a larger place of that name
        # (a town, or a city known so for short: "Clermont") is the likelier one
        return None
    named_countries = {country for country, _ in areas}
    if len({p.country for p in places} & named_countries) > 1:
        return None  # a city of that name in two countries the article names
    return city


@extractors.register("containment", order=75)
def containment(ctx: Context) -> Iterator[RelationMention]:
    places = _named_places(ctx)
    by_area: dict[tuple[str, str], Mention] = {}
    for mention in places:
        found = gazetteer.area(mention.name)
        if found is not None:
            by_area.setdefault(found, mention)
    if not by_area:
        return
    placed = _placed_by_article(ctx)
    done: set[str] = set()
    for mention in places:
        key = gazetteer.normalise(mention.name)
        if mention.type is not EntityType.PLACE or key in done or key in placed:
            continue
        done.add(key)
        if gazetteer.area(mention.name) is not None or country_name(mention.name):
            continue  # divisions and countries are not contained here
        city = settled_city(mention.name, set(by_area))
        if city is None:
            continue
        holder = by_area.get((city.country, city.admin1)) or by_area.get((city.country, ""))
        if holder is None or gazetteer.normalise(holder.name) == key:
            continue
        yield _relation(ctx, mention, holder, places)


def _relation(
    ctx: Context, city: Mention, holder: Mention, places: list[Mention]
) -> RelationMention:
    """locatedIn with the first sentence naming both, else the city's first mention."""
    city_key, holder_key = gazetteer.normalise(city.name), gazetteer.normalise(holder.name)
    holders = {m.sentence: m for m in reversed(places) if gazetteer.normalise(m.name) == holder_key}
    for other in places:
        if gazetteer.normalise(other.name) == city_key and other.sentence in holders:
            together = holders[other.sentence]
            tokens = ctx.mention_tokens(other) + ctx.mention_tokens(together)
            return ctx.relation(other, "locatedIn", together, tokens, confidence=CONFIDENCE)
    return ctx.relation(city, "locatedIn", holder, ctx.mention_tokens(city), confidence=CONFIDENCE)
