"""Counterparts: "Euronext chief Jean-Francois Theodore will meet his LSE counterpart Clara
Furse"; "Straw will meet Chinese counterpart Minister Li Zhaoxing".

A counterpart holds the possessor's office for the other side the phrase names (an
organisation, a country or its demonym): Furse leads the LSE as Theodore leads Euronext.
The possessor is the possessive's referent ("his") or else the subject of the clause. A
title word written with the counterpart is the counterpart's own word for the office and
keeps the possessor's portfolio: the UK's Foreign Secretary's Chinese counterpart
"Minister" is the Foreign Minister of China. No possessor holding an office with a
jurisdiction, or no other side, and the counterpart gets nothing (as before).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.extract.title_facts import Held, is_affiliation, same_person
from graph.extract.title_senses import usual_office
from graph.lexicon import Title
from graph.model import EntityType, Mention

COUNTERPART_EFFECT = "counterpart"
ORG_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}


@lru_cache(maxsize=1)
def _counterpart_words() -> frozenset[str]:
    return frozenset(
        w for w, effect in lexicon.title_modifiers().items() if effect == COUNTERPART_EFFECT
    )


def counterpart_noun(ctx: Context, person: Mention) -> tuple[Token, list[Token]] | None:
    """The word "counterpart" written with a person ("his counterpart X", "X, his Chinese
    counterpart") and the title words between it and the name ("counterpart Minister X")."""
    words = _counterpart_words()
    first = ctx.mention_tokens(person)[0]
    own: list[Token] = []
    i = first.i - 1
    while i >= 0 and ctx.doc[i].lower_ in lexicon.title_words():
        if ctx.mention_at(ctx.doc[i]) is not None:
            break
        own.insert(0, ctx.doc[i])
        i -= 1
    if i >= 0 and ctx.doc[i].lower_ in words and ctx.mention_at(ctx.doc[i]) is None:
        return ctx.doc[i], own
    head = ctx.mention_head(person)
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    for noun in nouns:
        if noun.lower_ in words and ctx.mention_at(noun) is None:
            return noun, []
    return None


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a noun phrase belongs to ("Theodore is scheduled to meet
    his counterpart": Theodore)."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0]
        if verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return None
        verb = verb.head


def _possessor(ctx: Context, noun: Token, person: Mention) -> Mention | None:
    """Whose counterpart: the possessive's referent, else the clause's subject."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    phrase = ctx.mention_head(person) if noun.dep_ in {"compound", "amod"} else noun
    subject = _clause_subject(phrase)
    token = owners[0] if owners else subject
    if token is None:
        return None
    mention = ctx.mention_at(token)
    if mention is None or mention.type is not EntityType.PERSON:
        return None
    referent = ctx.referent(mention)
    return None if same_person(referent, person) or not referent.name else referent


def _side(ctx: Context, noun: Token) -> tuple[Mention, bool] | None:
    """The other side written before "counterpart": an organisation, a country or a
    demonym ("his LSE counterpart", "Chinese counterpart")."""
    if noun.i == 0:
        return None
    before = ctx.doc[noun.i - 1]
    mention = ctx.mention_at(before)
    country = lexicon.demonym_country(before.text) if before.text[:1].isupper() else None
    if country is not None and (mention is None or mention.type is not EntityType.COUNTRY):
        if mention is not None and ctx.mention_tokens(mention) != [before]:
            return None
        demonym = ctx.add_mention(  # "Ugandan" tagged an organisation is the demonym
            before, EntityType.COUNTRY, name=country, confidence=0.8, role="demonym", replace=True
        )
        return (demonym, True) if demonym is not None else None
    if mention is not None and mention.type is EntityType.COUNTRY:
        return mention, mention.role == "demonym"
    if mention is not None and mention.type in ORG_TYPES:
        return mention, False
    return None


def _where(held: Held) -> Mention | None:
    if held.implied is not None:
        return held.implied
    return None if held.jurisdiction is None or is_affiliation(held) else held.jurisdiction


def _their_title(office: Title, own: list[Token]) -> Title:
    """The counterpart's title: the possessor's, or the counterpart's own word for it with
    the possessor's portfolio ("foreign secretary" + "Minister" -> "foreign minister")."""
    table = lexicon.titles()
    word = " ".join(t.lower_ for t in own)
    if not word or word not in table or word == office.words:
        return office
    portfolio = office.words.split()[:-1]
    return table.get(" ".join([*portfolio, word]), table[word])


def counterparts(ctx: Context, people: list[Mention], found: list[Held]) -> list[Held]:
    """Offices of the people written as someone's counterpart, from the possessor's office."""
    titled = {h.person.span: h for h in found if h.status != "relational"}
    out = [h for h in found if h.status != "relational"]
    for person in people:
        if person.span in titled:
            continue
        written = counterpart_noun(ctx, person)
        if written is None:
            continue
        noun, own = written
        possessor = _possessor(ctx, noun, person)
        side = _side(ctx, noun)
        holders = [
            h
            for h in found
            if possessor is not None
            and same_person(h.person, possessor)
            and h.status in {"", "indefinite"}
            and _where(h) is not None
        ]
        if side is None or len({h.title.words for h in holders}) != 1:
            continue
        office, (jurisdiction, demonym) = holders[0], side
        theirs = _where(office)
        assert theirs is not None
        same_kind = (theirs.type is EntityType.COUNTRY) == (jurisdiction.type is EntityType.COUNTRY)
        if not same_kind or ctx.referent(theirs).name == ctx.referent(jurisdiction).name:
            continue
        title = _their_title(office.title, own)
        formal = usual_office(ctx, title, jurisdiction, found)
        if formal is not None:  # the same office on both sides: the LSE's "chief" is Euronext's
            title = formal
            out = [replace(h, title=formal) if h is office else h for h in out]
        tokens = tuple(own) if own else (noun,)
        out.append(
            replace(
                Held(person, title, tuple(tokens), jurisdiction, demonym),
                portfolio=office.portfolio,
            )
        )
    kept = {h.person.span for h in out}
    return out + [h for h in found if h.status == "relational" and h.person.span not in kept]
