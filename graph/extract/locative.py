"""Where things are and what they belong to, from noun-phrase structure:
- "Hamas in Gaza" (a prepositional modifier of a name) -> basedIn / locatedIn;
- "Ramallah, West Bank" (a place in apposition to a place) -> locatedIn;
- "Goma is in eastern Congo", "Sines lies in Portugal" -> locatedIn;
- "Jordan's capital, Amman", "Nairobi, the capital of Kenya" -> capitalOf + locatedIn;
- "Reuters, based in London", "headquartered in" -> basedIn / headquarteredIn;
- "the U.S.-led coalition", "London-based bank", "Gazprom-owned NTV" -> ledBy / basedIn /
  supports / ownedBy;
- "the French bank BNP Paribas", "US insurer Marsh" -> country;
- "a coalition of France, Britain and Italy", "including X" -> memberOf;
  "excluding Israel" -> excludedFrom, and memberOf with stance negated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context, conjuncts, denied_phrase, real_place, second_object
from graph.extract.coref_lexicon import given_names
from graph.extract.stance import stance_of
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.vocab import relation_schema

PLACES = {EntityType.PLACE, EntityType.COUNTRY}
ACTORS = {EntityType.ORGANIZATION, EntityType.GROUP}
MEMBERS = {
    EntityType.COUNTRY,
    EntityType.ORGANIZATION,
    EntityType.GROUP,
    EntityType.PERSON,
    EntityType.PLACE,
}
HYPHEN = re.compile(
    r"^(?P<name>.+?)-(?P<verb>led|based|backed|funded|run|headquartered|owned|controlled)$"
)
HYPHEN_PREDICATE = {
    "led": ("ledBy", False),
    "run": ("ledBy", False),
    "based": ("basedIn", False),
    "headquartered": ("headquarteredIn", False),
    "backed": ("supports", True),
    "funded": ("supports", True),
    "owned": ("ownedBy", False),
    "controlled": ("ownedBy", False),
}
"""verb -> (predicate, whether the named thing is the subject)."""
PARTICIPLES = {
    "based": "basedIn",
    "headquartered": "headquarteredIn",
    "located": "locatedIn",
    "situated": "locatedIn",
}
EXCLUDING = {"excluding", "except", "besides", "without"}
INCLUDING = {"including", "includes", "include"}


def _place_objects(
    ctx: Context, prep: Token, coordinated: bool = True
) -> list[tuple[Token, Mention]]:
    found = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for token in conjuncts(pobj) if coordinated else [pobj]:
            mention = ctx.mention_of(token)
            if mention is None or mention.type not in PLACES:
                continue
            modified = token.pos_ == "NOUN" and ctx.mention_tokens(mention)[-1].i < token.i
            if modified and token.lemma_.lower() not in lexicon.place_nouns():
                continue  # "the dominant force in the UK market"; not "in Ishikawa prefecture"
            found.append((token, mention))
    return found


def _can_contain(outer: Mention, inner: Mention) -> bool:
    """A place "in" another: the inner one a city or a site ("Tahrir Square"), or the outer
    one a country, and never a country inside anything ("Wales in Hamilton" is a team
    playing away); a city holds sites only."""
    if inner.type is EntityType.COUNTRY or lexicon.country_name(inner.name):
        return False
    if lexicon.is_city(outer.name) and not lexicon.country_name(outer.name):
        return lexicon.is_facility(inner.name)
    return (
        outer.type is EntityType.COUNTRY
        or lexicon.is_region(outer.name)
        or lexicon.is_city(inner.name)
        or lexicon.is_facility(inner.name)
    )


def _located_predicate(subject: Mention) -> str | None:
    """ "Ramallah in the West Bank" is located, "Hamas in Gaza" is based, "Catholics in
    Britain" live there; a person "in Paris" is only visiting, so nothing is said."""
    if subject.type in PLACES:
        return "locatedIn"
    if subject.type is EntityType.ORGANIZATION:
        return "basedIn"
    if subject.type is EntityType.GROUP:
        return "livesIn"
    return None


@extractors.register("locative", order=50)
def locative(ctx: Context) -> Iterator[RelationMention]:
    for token, dep in zip(ctx.tokens, ctx.deps, strict=True):
        for rule in _rules_for(dep):
            yield from rule(ctx, token)
    for mention in list(ctx.mentions):
        yield from _country_in_name(ctx, mention)


def _described_name(ctx: Context, noun: Token) -> Mention | None:
    """The name a noun is or describes: "BNP Paribas" for "bank" in "the French bank BNP
    Paribas" (a compound of the name), "the Russian gas giant, Gazprom" (its apposition),
    "Safaricom, the Kenyan telecoms firm" (the name it is in apposition to) or "Jet Airways
    is India's premier carrier" (the subject of an affirmative "be")."""
    for _ in range(3):
        mention = ctx.mention_at(noun)
        if mention is not None and mention.role != "description":
            return mention
        for child in noun.children:
            if child.dep_ == "appos" and (named := ctx.mention_at(child)) is not None:
                return named
        if noun.dep_ == "appos" and noun.pos_ == "NOUN":
            return ctx.mention_at(noun.head) or mention
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            if any(c.dep_ == "neg" for c in noun.head.children):
                return None  # "X is not a Kenyan firm"
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            return (ctx.mention_at(subjects[0]) if subjects else None) or mention
        if mention is not None:
            return mention  # "the Kenyan government": the description itself
        if noun.dep_ != "compound" or noun.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        noun = noun.head
    return None


def _country_opening(words: list[Token]) -> tuple[int, str] | None:
    """(number of words, country) of a country's name or demonym opening a name ("United
    States Army", "South Korean Navy", "US Department of Justice")."""
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        text = " ".join(t.text for t in words[:size])
        name = lexicon.country_name(text) or (
            lexicon.demonym_country(text) if text[:1].isupper() else None
        )
        if name and lexicon.country_name(name):  # "Scottish": Scotland is no state
            return size, lexicon.country_name(name) or name
    return None


def _country_in_name(ctx: Context, organisation: Mention) -> Iterator[RelationMention]:
    """ "the US Department of Justice", "the Argentine Work Ministry", "Kenya Airways": a
    country or demonym opening the name of a national body (graph/schema/
    national_body_nouns.txt) -> country. The country's mention lies inside the name's, so it
    is kept apart from the token index, as the extra places of a list are in descriptions."""
    if organisation.type is not EntityType.ORGANIZATION or organisation.role:
        return
    words = [t for t in ctx.mention_tokens(organisation) if t.lower_ != "the"]
    head = ctx.mention_head(organisation).lemma_.lower()
    opening = _country_opening(words) if head in lexicon.national_body_nouns() else None
    if opening is None:
        return
    size, name = opening
    if any(lexicon.demonym_country(t.text) or lexicon.country_name(t.text) for t in words[size:]):
        return  # "the Anglo-Irish Bank", "the England and Wales Cricket Board": whose?
    start, end = words[0].idx, words[size - 1].idx + len(words[size - 1])
    country = replace(
        organisation,
        start=start,
        end=end,
        text=ctx.text[start:end],
        type=EntityType.COUNTRY,
        extractor=ctx.current,
        confidence=0.8,
        name=name,
        role="" if lexicon.country_name(ctx.text[start:end]) else "demonym",
    )
    ctx.mentions.append(country)
    yield ctx.relation(organisation, "country", country, words, confidence=0.7)


def _possessive_country(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Kenya's Safaricom", "Germany's largest bank, Deutsche Bank", "Jet Airways is India's
    premier carrier": a country owning an organisation's name, or a noun saying what kind of
    organisation it is (graph/schema/organisation_kinds.txt) -> country. A noun of another
    relation ("Iran's ally Hezbollah") says nothing of where the organisation is."""
    if token.dep_ != "poss" or token.head.pos_ not in {"NOUN", "PROPN"}:
        return
    country = ctx.mention_at(token)
    if country is None or country.type is not EntityType.COUNTRY:
        return
    if ctx.mention_tokens(country)[-1].i != token.i:
        return
    head = token.head
    if head.pos_ == "NOUN" and head.lemma_.lower() not in lexicon.organisation_kinds():
        return
    organisation = _described_name(ctx, head)
    if organisation is None or organisation.type is not EntityType.ORGANIZATION:
        return
    if organisation.span == country.span:
        return
    if head.pos_ == "PROPN" and organisation.name.split()[0] in given_names():
        return  # "Italy's Marco Bortolami": a player NER took for an organisation
    yield ctx.relation(organisation, "country", country, [token, head], confidence=0.7)


def _national_organisation(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "the French bank BNP Paribas", "US insurer Marsh", "the US Treasury": a country or
    its demonym modifying an organisation's name or the noun describing it -> country."""
    if token.dep_ not in {"amod", "compound", "nmod"} or token.head.pos_ != "NOUN":
        return  # a demonym on the name itself ("fellow Russian Kuznetsova") may be a person's
    organisation = _described_name(ctx, token.head)
    if organisation is None or organisation.type is not EntityType.ORGANIZATION:
        return
    if organisation.start <= token.idx < organisation.end:
        return  # "Bank of England", "Air India": the country is part of the name
    country = ctx.mention_at(token)
    demonym = lexicon.demonym_country(token.text)
    if country is not None and country.type is not EntityType.COUNTRY:
        described = country.role == "description" and demonym is not None
        if not described and (  # "the Japanese carmaker": the demonym of a description
            country.type is not EntityType.GROUP
            or demonym is None
            or country.end > token.idx + len(token)
        ):
            return
        country = None
    if country is None:
        if demonym is None:
            return
        country = ctx.add_mention(
            token, EntityType.COUNTRY, name=demonym, confidence=0.8, role="demonym", replace=True
        )
        if country is None:
            return
    yield ctx.relation(organisation, "country", country, [token, token.head], confidence=0.75)


def _described_place(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Wajima, a city in Ishikawa prefecture" / "Sines, a port town in Portugal"."""
    if token.dep_ != "appos" or token.lemma_.lower() not in lexicon.place_nouns():
        return
    place = ctx.mention_of(token.head)
    if place is None or ctx.mention_at(token) is not None:
        return
    if place.type not in PLACES:
        # Being "a town in Nakuru County" makes it a place, whatever NER said.
        place = (
            ctx.add_mention(
                (place.start, place.end),
                EntityType.PLACE,
                name=place.name,
                confidence=0.7,
                replace=True,
            )
            or place
        )
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "on"}):
        for outer_token, outer in _place_objects(ctx, prep):
            if _can_contain(outer, place) or outer.type is not EntityType.COUNTRY:
                yield ctx.relation(
                    place, "locatedIn", outer, [token.head, token, outer_token], confidence=0.8
                )


def _in_modifier(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """A name modified by "in/of <place>" inside its own noun phrase: "Hamas in Gaza"."""
    if token.dep_ != "prep" or token.lower_ not in {"in", "inside"}:
        return
    subject = ctx.mention_at(token.head)
    if subject is None or token.head.pos_ not in {"PROPN", "NOUN"} or second_object(token.head):
        return
    predicate = _located_predicate(subject)
    if predicate is None:
        return
    for place_token, place in _place_objects(ctx, token):
        if subject.type in PLACES and not _can_contain(place, subject):
            continue
        yield ctx.relation(
            subject, predicate, place, [token.head, token, place_token], confidence=0.65
        )


def _one_of_parts(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Bavaria is the largest of Germany's sixteen states", "Texas, one of America's
    largest states": a place said to be one of a place's parts (graph/schema/place_nouns.txt)
    lies in it."""
    if token.lower_ != "of" or token.dep_ != "prep" or token.head.dep_ not in {"attr", "appos"}:
        return
    said = token.head
    subject = said.head if said.dep_ == "appos" else None
    if said.dep_ == "attr" and said.head.lemma_ == "be":
        subject = next((c for c in said.head.children if c.dep_ == "nsubj"), None)
    place = ctx.mention_of(subject) if subject is not None else None
    if place is None or place.type not in PLACES:
        return
    if ctx.mention_at(said) is not None and said.lower_ != "one":  # "one" may be a number's
        return
    for parts in (c for c in token.children if c.dep_ == "pobj"):
        if parts.tag_ not in {"NNS", "NNPS"} or parts.lemma_.lower() not in lexicon.place_nouns():
            continue
        for owner in (c for c in parts.children if c.dep_ == "poss"):
            outer = ctx.mention_of(owner)
            if outer is not None and outer.type in PLACES and outer.span != place.span:
                yield ctx.relation(
                    place, "locatedIn", outer, [subject, said, parts, owner], confidence=0.7
                )


def _comma_in(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "the Palace of Fine Arts, in San Francisco", "the Savannah River Plant, in Aiken,
    S.C.": a site's name, a comma, then "in <place>", which the parser hangs on a word above
    the name. Only a site (graph/schema/facility_nouns.txt): "works for Google, in London"
    places the work, not Google."""
    if token.dep_ != "prep" or token.lower_ != "in" or token.i < 2:
        return
    if ctx.doc[token.i - 1].text != ",":
        return
    site = ctx.mention_at(ctx.doc[token.i - 2])
    if site is None or site.type not in PLACES | {EntityType.ORGANIZATION}:
        return
    tokens = ctx.mention_tokens(site)
    if tokens[-1].i != token.i - 2 or not lexicon.is_facility(site.name):
        return
    if not token.head.left_edge.i <= tokens[0].i < token.head.right_edge.i + 1:
        return
    predicate = _located_predicate(site)
    for place_token, place in _place_objects(ctx, token):
        if site.type in PLACES and not _can_contain(place, site):
            continue
        yield ctx.relation(
            site, predicate, place, [tokens[-1], token, place_token], confidence=0.65
        )


def _place_apposition(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Ramallah, West Bank" / "Springfield, Illinois": a place in apposition to a place."""
    if token.dep_ not in {"appos", "npadvmod"}:
        return
    inner, outer = ctx.mention_of(token.head), ctx.mention_of(token)
    if inner is None or outer is None or inner.type not in PLACES or outer.type not in PLACES:
        return
    if not _can_contain(outer, inner):
        return
    comma = ctx.doc[token.head.i + 1] if token.head.i + 1 < len(ctx.doc) else None
    if comma is None or comma.text != ",":
        return
    yield ctx.relation(inner, "locatedIn", outer, [token.head, token], confidence=0.7)


def _city_comma_country(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "protests in Lagos, Nigeria, and Accra, Ghana": a city and its country when the parser
    read the comma as a list. Only a known city, the country right after its comma and closed
    by a comma or the sentence's end, and no country conjoined after it ("Paris, Germany and
    Italy" is a list)."""
    if token.dep_ != "conj":
        return
    city, country = ctx.mention_of(token.head), ctx.mention_at(token)
    if city is None or country is None or country.type is not EntityType.COUNTRY:
        return
    if city.type not in PLACES or not lexicon.is_city(city.name) or not _can_contain(country, city):
        return
    city_end = ctx.mention_tokens(city)[-1].i
    country_tokens = ctx.mention_tokens(country)
    if city_end + 2 != country_tokens[0].i or ctx.doc[city_end + 1].text != ",":
        return
    after = country_tokens[-1].i + 1
    if after < len(ctx.doc) and ctx.doc[after].text not in {",", ".", "!", "?", ";"}:
        return
    if any(
        c.dep_ == "conj" and (m := ctx.mention_of(c)) is not None and m.type is EntityType.COUNTRY
        for c in token.children
    ):
        return
    yield ctx.relation(city, "locatedIn", country, [token.head, token], confidence=0.65)


def _capital_of(ctx: Context, capital: Token) -> Mention | None:
    for child in capital.children:
        mention = ctx.mention_of(child)
        if child.dep_ == "poss" and mention is not None and mention.type in PLACES:
            return mention
        if child.dep_ == "prep" and child.lower_ == "of":
            places = _place_objects(ctx, child)
            if places:
                return places[0][1]
        if child.dep_ in {"amod", "compound"} and lexicon.demonym_country(child.text):
            return ctx.mention_at(child) or ctx.add_mention(
                child,
                EntityType.COUNTRY,
                name=lexicon.demonym_country(child.text),
                confidence=0.8,
                role="demonym",
            )
    return None


def _capital(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Jordan's capital, Amman", "Nairobi, the capital of Kenya", "the Kenyan capital Nairobi"."""
    if ctx.lemmas[token.i] != "capital" or token.pos_ != "NOUN":
        return
    country = _capital_of(ctx, token)
    if country is None:
        return
    cities = [c for c in token.children if c.dep_ in {"appos", "compound"} and c.i > token.i]
    if token.dep_ == "appos":
        cities.append(token.head)
    for city_token in cities:
        city = ctx.mention_of(city_token)
        if city is None or city.type not in PLACES or city.span == country.span:
            continue
        evidence = [token, city_token]
        yield ctx.relation(city, "capitalOf", country, evidence, confidence=0.85)
        yield ctx.relation(city, "locatedIn", country, evidence, confidence=0.85)


def _participle(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "Reuters, based in London" / "a firm headquartered in Paris"."""
    predicate = PARTICIPLES.get(token.lower_)
    if predicate is None or token.dep_ not in {"acl", "relcl", "advcl"}:
        return
    subject = ctx.mention_of(token.head)
    if subject is None:
        return
    predicate = _based_predicate(predicate, subject)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
        for place_token, place in _place_objects(ctx, prep):
            yield ctx.relation(
                subject, predicate, place, [token.head, token, place_token], confidence=0.8
            )


LOCATED_VERBS = {
    "be": "locatedIn",
    "lie": "locatedIn",
    "locate": "locatedIn",
    "situate": "locatedIn",
}
"""Verbs whose place subject "in" a place lies there: "Goma is in eastern Congo", "Lyon
lies in the Rhone valley", "the town is located in Kerala"."""


def _place_named_by_noun(ctx: Context, noun: Token) -> Mention | None:
    """The place "the town of Goma" names: a place noun's "of" object."""
    if noun.lemma_.lower() not in lexicon.place_nouns():
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for _, place in _place_objects(ctx, prep):
            return place
    return None


def _lies_in(ctx: Context, prep: Token) -> Iterator[RelationMention]:
    """A place said to be in another: "Goma is in eastern Congo", "Sines lies in Portugal",
    "Chiang Mai is located in Thailand"; only a place, never a person ("Macron is in Berlin"
    is a visit) nor an organisation ("Oxfam is in talks"), and the clause's stance ("Lyon is
    not in Germany": negated; "he said Goma was in Rwanda": reported)."""
    verb = prep.head
    if prep.lower_ != "in" or verb.pos_ not in {"AUX", "VERB"}:
        return
    predicate = LOCATED_VERBS.get(verb.lemma_.lower())
    if predicate is None:
        return
    read = _in_phrase_reading(verb, prep)
    if read is None:
        return
    subject_tokens, objects_token = read
    stance, speaker = stance_of(ctx, verb)  # a denied phrase: ctx.relation negates it
    for subject_token in subject_tokens:
        subject = ctx.mention_of(subject_token) or _place_named_by_noun(ctx, subject_token)
        if subject is None or subject.type not in PLACES:
            continue
        for place_token, place in _place_objects(ctx, prep, objects_token):
            if place.span != subject.span and _can_contain(place, subject):
                yield ctx.relation(
                    subject,
                    predicate,
                    place,
                    [subject_token, verb, prep, place_token],
                    confidence=0.75,
                    stance=stance,
                    speaker=speaker,
                )


def _in_phrase_reading(verb: Token, prep: Token) -> tuple[list[Token], bool] | None:
    """Whose place one "in" phrase of a verb gives, and whether its object's conjuncts are
    places too. One phrase: the verb's subjects, all conjuncts ("is in Kent and Sussex"). A
    gapped second clause ("Rome is in Lazio and Naples in Campania": the parser hangs "in
    Campania" on "is" and Naples on Lazio): the first phrase gives its own object only and
    the second the stray conjunct. "in France, not in Germany": the denied phrase gives the
    same subject (ctx.relation negates it). Any other second phrase: nothing (None)."""
    ins = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    subjects = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)]
    if len(ins) == 1:
        return subjects, True
    first = ins[0]
    stray = [c for p in first.children if p.dep_ == "pobj" for c in p.children if c.dep_ == "conj"]
    if prep.i == first.i:
        return subjects, not stray
    if denied_phrase(prep):
        return subjects, True
    if stray and prep.i == ins[1].i and len(ins) == 2:
        return stray[:1], True
    return None


def _hyphenated(ctx: Context, token: Token) -> Iterator[RelationMention]:
    """ "the U.S.-led coalition" -> ledBy; "London-based Barclays" -> basedIn."""
    lower = ctx.lowers[token.i]  # has a hyphen where the text has one
    if "-" not in lower and lower not in HYPHEN_PREDICATE:
        return  # neither "Kabul-based" nor "Kabul - based"
    match = HYPHEN.match(token.text)
    if match:
        verb, named = match.group("verb"), ctx.mention_at(token)
    elif token.i >= 2 and ctx.doc[token.i - 1].text == "-" and token.lower_ in HYPHEN_PREDICATE:
        verb, named = token.lower_, ctx.mention_at(ctx.doc[token.i - 2])
    else:
        return
    target = ctx.mention_of(token.head)
    if named is None or target is None or named.span == target.span:
        return
    predicate, named_is_subject = HYPHEN_PREDICATE[verb]
    if predicate in {"basedIn", "headquarteredIn"} and (
        named.type not in PLACES or not real_place(ctx, named)
    ):
        return  # a seat is a place, and a real one: not "Windows-based", "Linux-based"
    if predicate == "ownedBy" and (
        not _fits_owner(named, target) or named.name.lower() in lexicon.generic_owners()
    ):
        return  # "State-owned Rosneft": the state is no named owner
    subject, obj = (named, target) if named_is_subject else (target, named)
    predicate = _based_predicate(predicate, subject)
    yield ctx.relation(subject, predicate, obj, [token, token.head], confidence=0.8)


def _based_predicate(predicate: str, subject: Mention) -> str:
    """What "based in" says of its subject: a place is located there ("a Cairo-based
    suburb" is rare, "the island, based in"), a person lives there ("a Lagos-based lawyer",
    "Ahmed Hassan, who is based in Cairo"), an organisation has its base there."""
    if predicate != "basedIn":
        return predicate
    if subject.type in PLACES:
        return "locatedIn"
    if subject.type is EntityType.PERSON:
        return "livesIn"
    return predicate


def _fits_owner(owner: Mention, owned: Mention) -> bool:
    """ "Gazprom-owned NTV": an owner the ontology allows, of a thing that can be owned."""
    schema = relation_schema()["ownedBy"]
    return owned.type.value in schema.domain and owner.type.value in schema.range


def _organisation_above(ctx: Context, token: Token, hops: int = 4) -> Mention | None:
    """The organisation a membership phrase hangs from, following heads upwards."""
    current = token
    for _ in range(hops):
        if current.head.i == current.i:
            return None
        current = current.head
        mention = ctx.mention_of(current)
        if mention is not None and mention.type is EntityType.ORGANIZATION:
            return mention
    return None


@extractors.register("membership", order=52)
def membership(ctx: Context) -> Iterator[RelationMention]:
    """ "a coalition of France and Britain", "including X" -> memberOf; "excluding X" ->
    excludedFrom plus a negated memberOf."""
    for token, word in zip(ctx.tokens, ctx.lowers, strict=True):
        if token.dep_ not in {"prep", "acl", "advcl"} or word not in EXCLUDING | INCLUDING | {"of"}:
            continue
        members = [
            (t, m)
            for pobj in token.children
            if pobj.dep_ in {"pobj", "dobj"}
            for t in conjuncts(pobj)
            if (m := ctx.mention_of(t)) is not None and m.type in MEMBERS
        ]
        if not members:
            continue
        if word == "of":
            head = ctx.mention_of(token.head)
            if (
                head is None
                or head.role != "description"
                or head.type is not EntityType.ORGANIZATION
                or "members" not in lexicon.collective_nouns().get(token.head.lemma_.lower(), ())
            ):
                continue  # "a coalition of France and Britain"; not "the parent company of X"
            organisation = head
        else:
            organisation = _organisation_above(ctx, token)
            if organisation is None and word in EXCLUDING:
                sentence_orgs = [
                    m
                    for m in ctx.mentions_before(token, [EntityType.ORGANIZATION])
                    if m.sentence == ctx.sentence_index(token) and m.role == "description"
                ]
                organisation = sentence_orgs[0] if sentence_orgs else None
        if organisation is None:
            continue
        for member_token, member in members:
            if member.span == organisation.span:
                continue
            evidence = [token, member_token]
            if word in EXCLUDING:
                yield ctx.relation(member, "excludedFrom", organisation, evidence, confidence=0.75)
                yield ctx.relation(
                    member,
                    "memberOf",
                    organisation,
                    evidence,
                    confidence=0.75,
                    stance=Stance.NEGATED,
                )
            else:
                yield ctx.relation(member, "memberOf", organisation, evidence, confidence=0.7)


TokenRule = Callable[[Context, Token], Iterator[RelationMention]]
TOKEN_RULES: tuple[tuple[TokenRule, frozenset[str] | None], ...] = (
    (_in_modifier, frozenset({"prep"})),
    (_comma_in, frozenset({"prep"})),
    (_one_of_parts, frozenset({"prep"})),
    (_lies_in, frozenset({"prep"})),
    (_place_apposition, frozenset({"appos", "npadvmod"})),
    (_city_comma_country, frozenset({"conj"})),
    (_capital, None),
    (_participle, frozenset({"acl", "relcl", "advcl"})),
    (_hyphenated, None),
    (_described_place, frozenset({"appos"})),
    (_national_organisation, frozenset({"amod", "compound", "nmod"})),
    (_possessive_country, frozenset({"poss"})),
)
"""The rules locative tries on each word, in order, with the dependency labels each one's
first test asks of the word (None: any)."""


@cache
def _rules_for(dep: str) -> tuple[TokenRule, ...]:
    """The rules, in TOKEN_RULES' order, that can fire on a word with this label: the others
    would return at their first test."""
    return tuple(rule for rule, deps in TOKEN_RULES if deps is None or dep in deps)
