"""The one country an article names, for offices written without a country ("Foreign
Secretary Jack Straw", "Labour MP John Cryer"), and the government its ministers work for.

No facts from world knowledge: an office takes a country only when the article itself names
that country and no other. A second country, a demonym of one ("Chinese counterpart"), or a
city that lies only elsewhere ("talks in Beijing") makes a bare "Foreign Minister" anyone's.
A part of the country without a government of its own ("England", graph/schema/
country_parts.tsv) is no second country, but does not name the country either.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.model import EntityType, Mention

GOVERNMENT_NOUN = "government"
PLAIN_DETERMINERS = {"the", "this"}
MIN_PLAIN_MENTIONS = 2
"""An unqualified "the government" is the article's government only when the article keeps
coming back to it (a single mention may be anyone's)."""


@dataclass(frozen=True, slots=True)
class Countries:
    """The countries an article refers to, folded to sovereign countries."""

    names: frozenset[str]
    home: Mention | None
    """The one country named, when it is the only one referred to; else None."""


def _sovereign(name: str) -> tuple[str, bool]:
    """(country, named directly) for a country-level name: "England" -> (UK, False)."""
    part = lexicon.country_parts().get(name.lower())
    if part is not None:
        return part, False
    return lexicon.country_name(name) or name, True


def countries(ctx: Context) -> Countries:
    """Every country the article refers to, by name, demonym, part or city (computed once)."""
    cached = ctx.notes.get("countries")
    if isinstance(cached, Countries):
        return cached
    found: dict[str, list[tuple[Token, Mention | None, bool]]] = {}
    cities: list[tuple[str, Token]] = []
    country_level = {c.lower() for c in lexicon.demonyms().values()}
    for mention in ctx.mentions:
        if not mention.name:
            continue
        head = ctx.mention_head(mention)
        if mention.type is EntityType.COUNTRY or (
            mention.type is EntityType.PLACE
            and (mention.name.lower() in country_level or lexicon.country_name(mention.name))
        ):
            country, direct = _sovereign(mention.name)
            found.setdefault(country, []).append((head, mention, direct))
        elif mention.type is EntityType.PLACE and lexicon.is_city(mention.name):
            cities.append((mention.name, head))
    for token, text in zip(ctx.tokens, ctx.texts, strict=True):
        demonym = lexicon.demonym_country(text) if text[:1].isupper() else None
        covering = ctx.mention_at(token)
        if demonym is None or (
            covering is not None and covering.type in {EntityType.COUNTRY, EntityType.PERSON}
        ):
            continue
        country, direct = _sovereign(demonym)
        found.setdefault(country, []).append((token, None, direct and covering is None))
    home = None
    if len(found) == 1:
        [(country, references)] = found.items()
        tokens = [token for token, _, _ in references] + [
            token for city, token in cities if not lexicon.city_elsewhere(city, country)
        ]
        if (
            any(direct for _, _, direct in references)
            and not any(lexicon.city_elsewhere(city, country) for city, _ in cities)
            and not any(_abroad(ctx, token) for token in tokens)
        ):
            home = _home_mention(ctx, country, references)
    result = Countries(frozenset(found), home)
    ctx.notes["countries"] = result
    return result


def _abroad(ctx: Context, token: Token) -> bool:
    """Whether the words around a country's (or its city's) name make it the other side of
    the story, not the article's own country: the nationality of officials ("Chinese
    officials", "Chinese President Xi", "his Chinese counterpart") or a destination ("flew to
    Beijing", "a visit to India", "talks in Nairobi"). Then a bare "Foreign Secretary" is
    more likely the unnamed country of the outlet's."""
    head = token.head
    if token.dep_ in {"amod", "compound", "nmod", "poss"}:
        person = ctx.mention_at(head)
        if person is not None and person.type is EntityType.PERSON:
            return True
        titled = head.lemma_.lower() in lexicon.titles() or head.lower_ in lexicon.titles()
        if titled or head.lower_ in lexicon.title_modifiers():
            return True
    if token.dep_ == "dobj":
        return _visit_word(head, "")
    if token.dep_ == "pobj" and head.dep_ == "prep":
        return _visit_word(head.head, head.lower_)
    return False


def _visit_word(word: Token, prep: str) -> bool:
    """ "visit X", "fly to X", "a trip to X", and any visit or meeting word with "in X"."""
    lemma = word.lemma_.lower()
    senses = {(s.prep, s.predicate) for s in lexicon.verb_senses().get(lemma, [])}
    nominal = {p: rel for (noun, p), rel in lexicon.nominal_relations().items() if noun == lemma}
    relations = {predicate for _, predicate in senses} | set(nominal.values())
    if prep == "in" and relations & {"visits", "meets"}:
        return True
    return (prep, "visits") in senses or nominal.get(prep) == "visits"


def _home_mention(
    ctx: Context, country: str, references: list[tuple[Token, Mention | None, bool]]
) -> Mention | None:
    """A mention of the home country: its first named mention, else one on its demonym."""
    for _, mention, direct in references:
        if direct and mention is not None and mention.type is EntityType.COUNTRY:
            return mention
    for token, mention, direct in references:
        if direct and mention is None:
            return ctx.add_mention(
                token, EntityType.COUNTRY, name=country, confidence=0.8, role="demonym"
            )
    return None


def home_country(ctx: Context) -> Mention | None:
    return countries(ctx).home


def _country_named_by(ctx: Context, token: Token) -> str | None:
    """The country a modifier token names: a country mention, a demonym, a country name."""
    covering = ctx.mention_at(token)
    if covering is not None and covering.type is EntityType.COUNTRY:
        return _sovereign(covering.name)[0]
    if not token.text[:1].isupper():
        return None
    words = " ".join(t.text for t in token.subtree)
    named = lexicon.demonym_country(token.text) or lexicon.country_name(words)
    return _sovereign(named)[0] if named else None


def _government_country(ctx: Context, mention: Mention) -> str | None:
    """The country a government mention names ("British Government", "the government of
    Kenya"); "" for a plain "the government"; None when it is qualified otherwise ("local
    government", "the Labour government", "its government", "the government in Kabul")."""
    head = ctx.mention_head(mention)
    if head.lemma_.lower() != GOVERNMENT_NOUN:
        return None
    named: set[str] = set()
    for token in {*ctx.mention_tokens(mention), *head.children}:
        if token.head.i != head.i or token.i == head.i or token.is_punct or token.tag_ == "POS":
            continue  # words of a longer modifier are read through it ("United Kingdom")
        if token.dep_ == "det" and token.lower_ in PLAIN_DETERMINERS:
            continue
        if token.dep_ == "prep":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            country = _country_named_by(ctx, objects[0]) if objects else None
            if token.lower_ != "of" or country is None:
                return None
            named.add(country)
        elif token.i < head.i:
            country = _country_named_by(ctx, token)
            if country is None:
                return None
            named.add(country)
    if len(named) > 1:
        return None
    return next(iter(named), "")


def government_of(ctx: Context, country: Mention | None) -> Mention | None:
    """The government an office of ``country`` belongs to, as the article names it: "the
    British government" for the UK; a plain "the government" (named again and again) when
    the country is the article's only one, or when the article names no country and no
    country's government at all. None when the article leaves it open."""
    governments = [
        (m, _government_country(ctx, m))
        for m in ctx.mentions
        if m.type is EntityType.ORGANIZATION and m.name
    ]
    governments = [(m, c) for m, c in governments if c is not None]
    wanted = _sovereign(country.name)[0] if country is not None else None
    if wanted is not None:
        for mention, named in governments:
            if named == wanted:
                return mention
    if any(named for _, named in governments):
        return None  # another country's government is named: "the government" is open
    plain = [m for m, named in governments if named == ""]
    if len(plain) < MIN_PLAIN_MENTIONS:
        return None
    known = countries(ctx)
    home = known.home
    if wanted is None and not known.names:
        return plain[0]
    if wanted is not None and home is not None and _sovereign(home.name)[0] == wanted:
        return plain[0]
    return None
