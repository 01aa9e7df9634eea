"""Places the small NER leaves out where the sentence itself says they are places: a name
the gazetteer knows (a country, a region, a city of more than 15,000 people) said to be,
lie or be located in a place it did find ("Lyon is in France", "Kano and Kaduna are in
northern Nigeria"). Sentence-initial names are what the NER misses most; a gazetteer hit
alone is not enough ("Reading", "Nice" and "March" are towns), nor is a list beside a place
("Delta, Orion and Piedmont" are airlines): the position is the evidence."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context, first_conjunct
from graph.extract.coref_lexicon import given_names
from graph.extract.entities import place_type
from graph.extract.locative import LOCATED_VERBS, PLACES
from graph.extract.person_place import in_sport
from graph.model import RelationMention


def _known_place(name: str) -> bool:
    return bool(lexicon.country_name(name)) or lexicon.is_region(name) or lexicon.is_city(name)


def _candidate(ctx: Context, token: Token) -> bool:
    """A capitalised word no mention covers, not a stop word, a person's given name or an
    acronym, that the gazetteer knows as a place."""
    text = token.text
    if ctx.mention_at(token) is not None or token.pos_ not in {"PROPN", "NOUN"}:
        return False
    if not (text[:1].isupper() and text.isalpha() and not text.isupper()) or token.is_stop:
        return False
    if text in given_names() and not lexicon.country_name(text):
        return False
    return _known_place(text)


def _placed_in_place(ctx: Context, token: Token) -> bool:
    """ "Lyon is in France", "Sines lies in Portugal": the subject of being in a place."""
    verb = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in LOCATED_VERBS:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = ctx.mention_of(pobj)
            if mention is not None and mention.type in PLACES:
                return True
    return False


@extractors.register("place_names", order=12.5)
def place_names(ctx: Context) -> Iterator[RelationMention]:
    if in_sport(ctx):
        return  # clubs are named by places ("Chelsea and Liverpool")
    found = [
        token
        for token in ctx.tokens
        if _candidate(ctx, token) and _placed_in_place(ctx, first_conjunct(token))
    ]
    for token in found:
        ctx.add_mention(token, place_type(token.text), confidence=0.6)
    yield from ()
