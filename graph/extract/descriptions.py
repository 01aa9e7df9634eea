"""Organisations named by a place and what they are: "the Frankfurt exchange", "Kenya's
central bank", "the German exchange", "the Paris, Amsterdam and Lisbon bourses".

A definite noun phrase whose head is an organisation noun (graph/schema/organisation_nouns.tsv)
and whose only modifier is a known place (gazetteer city, region or country, or a place NER
tags as a geopolitical entity), a country's demonym, or a possessive place becomes an
Organization named by the phrase without "the" ("Frankfurt exchange"), headquarteredIn the
city or region, or country for a country. Coordinated places share the noun: one organisation
each, named with the singular noun ("Paris bourse").

The place keeps its own mention; the organisation's mention sits on the noun's tokens, and
for the earlier places of a list on the characters from that place to the noun, so that the
mentions never share a token in the Context index. The fact is part of the description, not
of the clause, so it is asserted whatever the verb's stance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.locative import _hyphenated
from graph.extract.salience import dominant_organisation, families, family, named_organisations
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention

PLACES = {EntityType.PLACE, EntityType.COUNTRY}
POSSESSIVE = {"'s", "’s"}
SEPARATORS = {",", "and", "&"}
ROLE = "described"
"""A name made from a description: no alias from the mention's text ("exchange")."""
SHARED_NOUN = "shared_noun"
"""ctx.notes key: the span of the indexed mention of "the Paris and Lisbon bourses" (the
last organisation) or of one of its places -> every organisation the phrase names, in order
(see shared_noun_organisations)."""


def shared_noun_organisations(ctx: Context, mention: Mention) -> list[Mention]:
    """Every organisation a list sharing one noun names, for the mention the noun's tokens
    hold or one of the list's places ("Lisbon bourse" or "Paris" in "the Paris and Lisbon
    bourses" -> Paris bourse, Lisbon bourse); the mention alone otherwise. A verb's argument
    is the whole list."""
    table = ctx.notes.get(SHARED_NOUN, {})
    return list(table.get(mention.span, [mention]))  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Noun:
    words: tuple[str, ...]
    plural_last: str
    portfolio: bool
    place_only: bool
    name_words: frozenset[str]
    """Words the names of such organisations hold, in several languages ("Borsa", "Boerse"
    for an exchange): after a demonym, the noun refers back to a named one."""


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


@lru_cache(maxsize=1)
def nouns() -> tuple[Noun, ...]:
    """The organisation nouns, longest first so "stock exchange" wins over "exchange"."""
    found = []
    for words, plural, flag, names in _rows("organisation_nouns.tsv", 4):
        split = tuple(words.lower().split())
        found.append(
            Noun(
                split,
                plural or _plural(split[-1]),
                flag == "portfolio",
                flag == "place",
                frozenset(names.lower().split()),
            )
        )
    return tuple(sorted(found, key=lambda n: -len(n.words)))


@lru_cache(maxsize=1)
def _nouns_ending() -> dict[str, tuple[Noun, ...]]:
    """nouns() by the word they end with, singular or plural, in nouns() order: a token
    is tried against its own few, not every noun (this ran at every token)."""
    table: dict[str, list[Noun]] = {}
    for noun in nouns():
        for word in dict.fromkeys((noun.words[-1], noun.plural_last)):
            if word != "-":
                table.setdefault(word, []).append(noun)
    return {word: tuple(found) for word, found in table.items()}


def _noun_at(ctx: Context, last: Token) -> tuple[int, bool, Noun] | None:
    """(first token index, plural, noun) of an organisation noun phrase ending at ``last``."""
    doc = ctx.doc
    for noun in _nouns_ending().get(last.lower_, ()):
        start = last.i - len(noun.words) + 1
        if start < 0:
            continue
        words = [t.lower_ for t in doc[start : last.i + 1]]
        if words[:-1] != list(noun.words[:-1]):
            continue
        if words[-1] == noun.words[-1]:
            plural = False
        elif noun.plural_last != "-" and words[-1] == noun.plural_last:
            plural = True
        else:
            continue
        if noun.portfolio:
            portfolios = lexicon.portfolio_words()
            while start > 0 and doc[start - 1].lower_ in portfolios:
                start -= 1
        return start, plural, noun
    return None


def _known_place(ctx: Context, mention: Mention) -> bool:
    if mention.type not in PLACES:
        return False
    name = mention.name
    if lexicon.country_name(name) or lexicon.is_city(name) or lexicon.is_region(name):
        return True
    tokens = ctx.mention_tokens(mention)
    return bool(tokens) and all(t.ent_type_ == "GPE" for t in tokens)


def _place_ending_at(ctx: Context, token: Token) -> Mention | None:
    mention = ctx.mention_at(token)
    if mention is None or ctx.mention_tokens(mention)[-1].i != token.i:
        return None
    return mention if _known_place(ctx, mention) else None


def _places_before(ctx: Context, start: int) -> list[Mention] | None:
    """The places of "the Paris, Amsterdam and Lisbon <noun>" (noun at ``start``), in order."""
    doc = ctx.doc
    places: list[Mention] = []
    i = start - 1
    while i >= 0:
        place = _place_ending_at(ctx, doc[i])
        if place is None:
            return None
        places.insert(0, place)
        i = ctx.mention_tokens(place)[0].i - 1
        if i >= 0 and doc[i].lower_ == "the":
            return places
        if i >= 0 and doc[i].lower_ == "and" and doc[i - 1].text == ",":
            i -= 1  # the serial comma
        if i < 0 or doc[i].lower_ not in SEPARATORS:
            return None
        i -= 1
    return None


def _country(ctx: Context, token: Token) -> Mention | None:
    """The country of a demonym ("German"), its mention added unless one is there."""
    country = lexicon.demonym_country(token.text)
    if country is None or not token.text[:1].isupper():
        return None
    existing = ctx.mention_at(token)
    if existing is not None:
        if existing.type is EntityType.COUNTRY:
            return existing
        if existing.type is not EntityType.GROUP or ctx.mention_tokens(existing) != [token]:
            return None
    return ctx.add_mention(
        token, EntityType.COUNTRY, name=country, confidence=0.8, role="demonym", replace=True
    )


def _predicate(place: Mention) -> str:
    """country for a country, headquarteredIn for a city or region (and for a name that is
    both a country and a US state, "Georgia": the weaker claim)."""
    if lexicon.is_region(place.name):
        return "headquarteredIn"
    if place.type is EntityType.COUNTRY or lexicon.country_name(place.name):
        if not lexicon.is_city(place.name) or place.type is EntityType.COUNTRY:
            return "country"
    return "headquarteredIn"


def _free(ctx: Context, first: int, last: int) -> bool:
    """No mention on the noun's tokens but a bare description of the same words."""
    for token in ctx.doc[first : last + 1]:
        mention = ctx.mention_at(token)
        if mention is not None and mention.role != "description":
            return False
    return True


def _singular(ctx: Context, first: int, last: int, plural: bool) -> str:
    words = [t.text for t in ctx.doc[first : last + 1]]
    if plural:
        noun = next(n for n in nouns() if n.words[-1] == words[-1].lower()[: len(n.words[-1])])
        words[-1] = noun.words[-1] if words[-1].islower() else noun.words[-1].title()
    return " ".join(words)


@extractors.register("descriptions", order=57)
def place_organisations(ctx: Context) -> Iterator[RelationMention]:
    doc, endings = ctx.doc, _nouns_ending()
    for last, lower in zip(ctx.tokens, ctx.lowers, strict=True):
        if lower not in endings:
            continue  # no organisation noun ends here (what _noun_at looks up first)
        if last.i + 1 < len(doc) and ctx.tokens[last.i + 1].pos_ in {"NOUN", "PROPN"}:
            continue  # "the London office building", "the Paris police chief"
        found = _noun_at(ctx, last)
        if found is None:
            continue
        first, plural, noun = found
        if first == 0 or not _free(ctx, first, last.i):
            continue
        before = doc[first - 1]
        owners: list[tuple[Mention, str]] = []
        antecedent: Mention | None = None
        if before.text in POSSESSIVE and first >= 2 and not plural:
            place = _place_ending_at(ctx, doc[first - 2])
            if place is not None:
                owners = [(place, doc[ctx.mention_tokens(place)[0].i : first].text)]
        elif first >= 2 and doc[first - 2].lower_ == "the" and not plural and not noun.place_only:
            country = _country(ctx, before)
            if country is not None:
                owners = [(country, before.text)]
                if noun.name_words:
                    antecedent = _described_company(ctx, before, country, noun)
        if not owners and before.text not in POSSESSIVE:
            places = _places_before(ctx, first)
            if places and (len(places) > 1) == plural:
                owners = [(p, p.text) for p in places]
        if noun.place_only and any(_predicate(o) == "country" for o, _ in owners):
            continue  # "the US embassy" is the sending state's, in another country
        if not owners:
            continue
        noun_words = _singular(ctx, first, last.i, plural)
        yield from _organisations(ctx, owners, noun_words, first, last, antecedent)
    yield from _based_late(ctx)


def _described_company(
    ctx: Context, demonym: Token, country: Mention, noun: Noun
) -> Mention | None:
    """ "the German exchange": the one organisation named before whose names say it is an
    exchange ("Deutsche Boerse") and that is of that country: its name holds a place of it,
    or it is the one left when the others are of other countries ("London Stock Exchange")
    or it is the organisation the article is about. Otherwise none."""
    named = named_organisations(ctx, demonym)
    keys = families(named)
    names: dict[str, set[str]] = {}
    for mention, key in zip(named, keys, strict=True):
        names.setdefault(key, set()).add(mention.name)
    kind = {
        k for k, ns in names.items() if any(w in noun.name_words for n in ns for w in _words(n))
    }
    countries = {k: {c for n in names[k] for c in _countries_in(n)} for k in kind}
    ours = [k for k in kind if country.name in countries[k]]
    left = [k for k in kind if not countries[k]]
    if len(ours) == 1:
        chosen = ours[0]
    elif not ours and len(left) == 1 and (len(kind) > 1 or _dominant(ctx, demonym, named, left[0])):
        chosen = left[0]
    else:
        return None
    return next(m for m, k in zip(reversed(named), reversed(keys), strict=True) if k == chosen)


def _words(name: str) -> list[str]:
    return name.lower().replace("-", " ").split()


def _countries_in(name: str) -> set[str]:
    """Countries a name's words place it in: a country, a demonym, a gazetteer city."""
    found: set[str] = set()
    for word in name.split():
        found |= {lexicon.country_name(word), lexicon.demonym_country(word)} - {None}
        found |= lexicon.city_countries().get(word.lower(), frozenset())
    return found


def _dominant(ctx: Context, token: Token, named: list[Mention], key: str) -> bool:
    """Whether the organisation the article is about is of family ``key``, an acronym
    joined to its expansion among ``named`` as there."""
    dominant = dominant_organisation(ctx, token)
    return dominant is not None and family(dominant.name, [m.name for m in named]) == key


def _based_late(ctx: Context) -> Iterator[RelationMention]:
    """ "its Luxembourg-based Clearstream unit": the locative extractor's "X-based" rule again,
    for names found after it ran (the organisations extractor's); repeats are dropped."""
    for token, lower in zip(ctx.tokens, ctx.lowers, strict=True):
        word = lower.rsplit("-", 1)[-1]
        if word in {"based", "headquartered"}:
            yield from _hyphenated(ctx, token)


def _organisations(
    ctx: Context,
    owners: list[tuple[Mention, str]],
    noun_words: str,
    first: int,
    last: Token,
    antecedent: Mention | None = None,
) -> Iterator[RelationMention]:
    noun = ctx.doc[first : last.i + 1]
    *earlier, (place, words) = owners
    organisation = ctx.add_mention(
        noun,
        EntityType.ORGANIZATION,
        name=f"{words} {noun_words}",
        confidence=0.7,
        role=ROLE,
        antecedent=antecedent,
        replace=True,
    )
    if organisation is None:
        return
    made = [(organisation, place)]
    for other, other_words in earlier:
        # Not indexed by token: the place and the last organisation hold those tokens.
        extra = replace(
            organisation,
            start=other.start,
            text=ctx.text[other.start : organisation.end],
            name=f"{other_words} {noun_words}",
        )
        ctx.mentions.append(extra)
        made.append((extra, other))
    if earlier:
        # The parser often reads "the Paris, Amsterdam and Lisbon bourses" as places with a
        # verb "bourses": each place of the phrase stands for the whole list too.
        siblings = [extra for extra, _ in made[1:]][::-1] + [organisation]
        table = ctx.notes.setdefault(SHARED_NOUN, {})
        for key in [organisation.span, *(owner.span for owner, _ in owners)]:
            table[key] = siblings  # type: ignore[index]
    for org, owner in made:
        evidence = [*ctx.mention_tokens(owner), last]
        yield ctx.relation(org, _predicate(owner), owner, evidence, confidence=0.75)
