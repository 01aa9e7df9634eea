"""Makers of named products and works, read from the words around the name, since the
small parser attaches these phrases too loosely for one dependency path (organisations.py
holds the paths that do hold). A product or work noun (graph/schema/product_nouns.tsv)
next to a name ("Drake's Scorpion album", "BTS's single Dynamite"), said of it ("Sony's
PlayStation 5 is the best-selling console", "the Nano, a car") or naming it ("its service,
dubbed Skype Out") gives the maker predicate; the maker is the possessive before the phrase
(a possessive pronoun through its resolved antecedent), an organisation's name written just
before the model's ("the BMW i4 electric car") or, failing both, an organisation of the
article whose name begins the product's ("the BBC iPlayer service").

A possessive holds whatever its clause says (as "its Osram unit" does in organisations.py);
a maker read from the name alone takes the clause's stance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.organisations import Thing, may_be_thing, thing_of
from graph.extract.stance import stance_of
from graph.extract.work_names import (
    MODIFIER_REACH,
    POSSESSIVE_MARKS,
    RETYPABLE,
    already,
    as_thing,
    cue,
    fits,
    mention_over,
    modifiers_before,
    possessor,
    presupposed,
    span_around,
    span_ending,
    span_starting,
)
from graph.model import EntityType, Mention, RelationMention
from graph.vocab import relation_schema

NOUN_REACH = 2
"""Lower-case modifiers between a name and its noun ("the Optio SV digital camera")."""
DASHES = {",", "-", "–", "—", ":"}


@dataclass(frozen=True, slots=True)
class Named:
    """A product or work noun and the name it types, with where the phrase starts."""

    noun: Token
    thing: Thing
    span: tuple[int, int]
    phrase_start: int
    said: bool
    """The noun is said of the name (copula, apposition, naming), not written next to it."""


def _named_things(ctx: Context) -> Iterator[Named]:
    """Every product or work noun with the name it types (see the module docstring)."""
    for noun, lemma, lower in zip(ctx.tokens, ctx.lemmas, ctx.lowers, strict=True):
        if not noun.is_lower or not may_be_thing(lemma, lower):
            continue  # thing_of would find nothing
        thing = thing_of(noun)
        if thing is None or thing.type is EntityType.EVENT:
            continue
        if noun.pos_ not in {"NOUN", "PROPN"} and not _before_name(noun):
            continue  # "single", "hit" read as adjective or verb before a title
        found = _name_before_noun(ctx, noun) or _name_after_noun(ctx, noun)
        said = found is None
        found = found or _name_said_of(ctx, noun)
        if found is not None:
            span, start = found
            yield Named(noun, thing, span, start, said)


def _before_name(noun: Token) -> bool:
    """ "BTS's single Dynamite": a cue the parser read as a modifier stands before a name
    that is no title word or people ("Labour's single MP")."""
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return (
        following is not None
        and following.text[:1].isupper()
        and noun.pos_ in {"ADJ", "VERB"}
        and following.lower_ not in lexicon.titles()
        and not lexicon.demonym_country(following.text)
    )


def _name_before_noun(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "Drake's Scorpion album", "the Optio SV digital camera": the name before the noun."""
    doc = ctx.doc
    if noun.pos_ not in {"NOUN", "PROPN"} or cue(noun.lemma_.lower(), "modifier_noun"):
        return None  # "Pfizer's Covid vaccine": the name before a vaccine is its disease
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and following.is_lower and following.pos_ == "NOUN":
        return None  # "the MTN phone network": the noun describes another
    start = modifiers_before(doc, noun.i, NOUN_REACH)
    if any(thing_of(t) is not None for t in doc[start : noun.i]):
        return None  # "the album track": the nearer noun types the name
    span = span_ending(ctx, start - 1)
    if span is None:
        return None
    return span, span[0]


def _name_after_noun(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "his album Renaissance", "the album, Renaissance," 'the single "Dynamite"'."""
    doc = ctx.doc
    first = noun.i + 1
    if first < len(doc) and doc[first].text == ",":
        first += 1
    if first >= len(doc) or doc[first].is_sent_start:
        return None
    span = span_starting(ctx, first)
    if span is None:
        return None
    if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
        return None  # "the hit Broadway show": the name is a modifier of another noun
    return span, modifiers_before(doc, noun.i, MODIFIER_REACH)


def _name_said_of(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "X is the best-selling console", "the Nano, a car", "a service dubbed Skype Out"."""
    doc = ctx.doc
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (span := span_around(ctx, subject)) is not None:
            return span, span[0]
    if noun.dep_ == "appos" and head.i < noun.i and doc[noun.left_edge.i - 1].text == ",":
        if (span := span_ending(ctx, noun.left_edge.i - 2)) is not None:
            return span, span[0]
    index = noun.i + 1
    while index < len(doc) and doc[index].text in DASHES:
        index += 1
    if index < len(doc) and cue(doc[index].lower_, "naming") is not None:
        first = index + 1
        if first < len(doc) and doc[first].lower_ == "the":
            first += 1
        span = span_starting(ctx, first)
        if span is not None:
            return span, modifiers_before(doc, noun.i, MODIFIER_REACH)
    return None


def _bare_number(ctx: Context, named: Named) -> bool:
    """A name of digits alone: a model only after a possessive and before a singular noun
    ("Adele's album 25", "Sharp's 902 phone"); else a count or a chart ("Elvis' 18 number
    one singles", "the Billboard 200 album")."""
    words = ctx.doc[named.span[0] : named.span[1]]
    return not any(c.isalpha() for c in words.text)


def _maker_before_name(ctx: Context, span: tuple[int, int]) -> tuple[Token, Mention] | None:
    """ "the BMW i4 electric car": an organisation's name written just before the model's,
    where NER split the two."""
    doc = ctx.doc
    if span[0] == 0:
        return None
    before = doc[span[0] - 1]
    maker = ctx.mention_at(before)
    if maker is None or maker.type is not EntityType.ORGANIZATION or maker.antecedent:
        return None
    if _countable(ctx, maker.name):
        return None
    first = ctx.mention_tokens(maker)[0].i
    if first > 0 and doc[first - 1].text in POSSESSIVE_MARKS:
        return None
    return before, maker


def _maker_by(ctx: Context, named: Named) -> tuple[Token, Mention] | None:
    """ "the album Thriller by Michael Jackson", "Thriller, an album by Michael Jackson":
    the person or organisation named right after "by" following the phrase."""
    doc = ctx.doc
    after = max(named.span[1], named.noun.i + 1)
    if after + 1 >= len(doc) or doc[after].lower_ != "by":
        return None
    maker = ctx.mention_at(doc[after + 1])
    if maker is None or ctx.mention_tokens(maker)[0].i != after + 1:
        return None
    if maker.type not in {EntityType.PERSON, EntityType.ORGANIZATION}:
        return None
    return doc[after + 1], maker


def _prefix_maker(ctx: Context, span: tuple[int, int]) -> Mention | None:
    """An organisation of the article, mentioned apart, whose name begins the product's
    ("BBC" of "the BBC iPlayer service"); the longest one."""
    doc = ctx.doc
    words = [t.text.casefold() for t in doc[span[0] : span[1]]]
    best: Mention | None = None
    for mention in ctx.mentions:
        if mention.type is not EntityType.ORGANIZATION or mention.antecedent is not None:
            continue
        tokens = ctx.mention_tokens(mention)
        if not tokens or span[0] <= tokens[0].i < span[1]:
            continue
        name = [t.casefold() for t in mention.name.split()]
        if 0 < len(name) < len(words) and words[: len(name)] == name:
            if _version(doc[span[0] + len(name) : span[1]].text):
                continue  # "Firefox 1.0": the product's own name with its version
            if best is None or len(name) > len(best.name.split()):
                best = mention
    return best if best is None or not _countable(ctx, best.name) else None


def _version(text: str) -> bool:
    """ "1.0", "8", "v2": a version number, all the rest of a product's name may be."""
    return bool(re.fullmatch(r"[vV]?\d+(\.\d+)*", text.strip()))


def _countable(ctx: Context, name: str) -> bool:
    """Whether the article writes the name after "a" or "an" as a noun phrase of its own
    ("a Mac"): a product, which a firm's name never is."""
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.name.casefold() != name.casefold():
            continue
        tokens = ctx.mention_tokens(mention)
        first, after = tokens[0].i, tokens[-1].i + 1
        modifier = after < len(doc) and doc[after].pos_ in {"NOUN", "PROPN"}
        if first > 0 and doc[first - 1].lower_ in {"a", "an"} and not modifier:
            return True  # "a Mac", not "a Skype account"
    return False


def _maker_relations(ctx: Context) -> Iterator[RelationMention]:
    for named in _named_things(ctx):
        predicate = named.thing.maker
        if predicate is None:
            continue
        owner = possessor(ctx, named.phrase_start)
        if owner is None and named.phrase_start != named.span[0]:
            owner = possessor(ctx, named.span[0])  # "Sony's PlayStation 5 is the console"
        if _bare_number(ctx, named) and (owner is None or named.noun.tag_ in {"NNS", "NNPS"}):
            continue
        if owner is None:
            owner = _maker_by(ctx, named)
        if owner is None:
            owner = _maker_before_name(ctx, named.span)
        if owner is not None:
            token, maker = owner
            stance, speaker = presupposed(ctx, named.noun)
        else:
            maker = _prefix_maker(ctx, named.span)
            if maker is None:
                continue
            mention = mention_over(ctx, named.span)
            if not named.said and mention is not None and mention.type not in RETYPABLE:
                continue  # "the Virgin Media service": a firm named after its parent
            token = ctx.doc[named.span[0]]
            stance, speaker = stance_of(ctx, named.noun)
        if maker.type.value not in relation_schema()[predicate].range:
            continue  # "Nigeria's MTN network": a country makes no product
        thing = as_thing(ctx, named.span, named.thing.type, strong=True)
        if thing is None or not fits(predicate, thing, maker):
            continue
        yield ctx.relation(
            thing,
            predicate,
            maker,
            [named.noun, token, ctx.doc[named.span[0]]],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


def _maker_nouns(ctx: Context) -> Iterator[RelationMention]:
    """ "Windows maker Microsoft", "Fortnite developer Epic Games": a name written before a
    maker noun (credit_cues.tsv "maker_noun") is the product, and the organisation right
    after the noun its maker; "the iPhone maker" types the product only."""
    doc = ctx.doc
    for noun in ctx.tokens:
        found = lexicon.credit_cue(noun.lower_, "maker_noun")
        if found is None or found.predicate is None or noun.i == 0:
            continue
        span = span_ending(ctx, noun.i - 1)
        if span is None or not doc[span[0]].text[:1].isalpha():
            continue
        named = mention_over(ctx, span)
        if named is not None and named.type in {EntityType.PLACE, EntityType.COUNTRY}:
            continue  # "Canary Wharf developer Songbird": a place is developed, not a product
        if doc[span[1] - 1].pos_ not in {"PROPN", "NOUN", "NUM"}:
            continue  # "European manufacturer Airbus": an adjective names no product
        first = doc[span[0]]
        if named is None and span[1] - span[0] == 1 and first.is_sent_start:
            if ctx.lowers.count(first.lower_) > 1 and not first.is_upper:
                continue  # "Game maker Valve ... the game": a common noun opening the sentence
        maker = ctx.mention_at(doc[noun.i + 1]) if noun.i + 1 < len(doc) else None
        if maker is not None and maker.type is not EntityType.ORGANIZATION:
            maker = None
        thing = as_thing(ctx, span, EntityType.PRODUCT, strong=True)
        if thing is None or maker is None or not fits(found.predicate, thing, maker):
            continue
        stance, speaker = presupposed(ctx, noun)
        evidence = [doc[span[0]], noun, *ctx.mention_tokens(maker)]
        yield ctx.relation(
            thing, found.predicate, maker, evidence, confidence=0.7, stance=stance, speaker=speaker
        )


@extractors.register("makers", order=58)
def makers(ctx: Context) -> Iterator[RelationMention]:
    """Makers of named products and works (see the module docstring)."""
    for relation in (*_maker_relations(ctx), *_maker_nouns(ctx)):
        if not already(ctx, relation):
            yield relation
