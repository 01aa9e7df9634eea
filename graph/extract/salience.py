"""The organisation or person an article is about, for descriptions that refer back to it.

News names its subject company once or twice and then varies: "the firm", "the company",
"the German exchange", "the Japanese carmaker". When no named organisation is near, such a
description means the article's dominant one, but only when one clearly dominates: it is named
at least twice as often as any other so far, and no other organisation was named since it
last was (or it was named within the last two sentences). A person is found the same way
among the people a description may fit ("the former Arsenal striker": a player, not the
chairman who speaks of him); a pronoun resolved to a person counts as a mention of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Token

from graph.extract.context import Context
from graph.model import EntityType, Mention
from graph.name_variants import acronym, is_acronym, norm

MIN_MENTIONS = 2
LEAD = 2.0
"""How many times as often as the next one the dominant organisation must be named."""
RECENT_SENTENCES = 2
SURE_LEAD = 3.0
SURE_MENTIONS = 3
CROWD = 3
"""More people than this named so far, and one must lead by SURE_LEAD to be the subject."""


def family(name: str, names: list[str] = ()) -> str:  # type: ignore[assignment]
    """Names of one organisation share their first word ("Deutsche Boerse", "Deutsche");
    an acronym joins the one name among ``names`` it abbreviates ("LSE", "London Stock
    Exchange"), else it is a family of its own."""
    if is_acronym(name):
        expansions = {n for n in names if acronym(n) == name.replace(".", "")}
        if len(expansions) != 1:
            return norm(name)
        name = expansions.pop()
    words = norm(name).split()
    return words[0] if words else ""


def families(mentions: list[Mention]) -> list[str]:
    """The family of each mention, acronyms joined to the names they abbreviate."""
    names = [m.name for m in mentions]
    return [family(m.name, names) for m in mentions]


def named_organisations(ctx: Context, token: Token) -> list[Mention]:
    """Organisation mentions named before ``token`` (not descriptions, not pronouns), in
    text order."""
    return sorted(
        (
            m
            for m in ctx.mentions
            if m.type is EntityType.ORGANIZATION
            and m.end <= token.idx
            and m.name
            and m.antecedent is None
            and not m.role
        ),
        key=lambda m: m.start,
    )


def dominant_organisation(
    ctx: Context, token: Token, eligible: Callable[[Mention], bool] | None = None
) -> Mention | None:
    """The latest mention of the organisation the article is about at ``token``, or None
    when no organisation clearly is. With ``eligible`` (a kind of organisation: "the club"
    is a club's, not a league's), only those compete, and a description already resolved
    to one ("Manchester City ... the club") counts as a mention of it."""
    named = named_organisations(ctx, token)
    if eligible is None:
        return _dominant(ctx, token, named, families(named))
    resolved = [
        m
        for m in ctx.mentions
        if m.type is EntityType.ORGANIZATION
        and m.end <= token.idx
        and m.antecedent is not None
        and ctx.referent(m).name
    ]
    chosen = sorted(
        [m for m in named if eligible(m)] + [m for m in resolved if eligible(ctx.referent(m))],
        key=lambda m: m.start,
    )
    keys = families([ctx.referent(m) for m in chosen])
    found = _dominant(ctx, token, chosen, keys, sure=True)
    return ctx.referent(found) if found is not None else None


def _dominant(
    ctx: Context,
    token: Token,
    named: list[Mention],
    keys: list[str],
    minimum: int = MIN_MENTIONS,
    sure: bool = False,
) -> Mention | None:
    """The latest of ``named`` (in text order, one key each saying who it is) whose key
    clearly dominates: named at least ``minimum`` times and LEAD times as often as any
    other, and named recently or last. When ``sure``, a lead of SURE_LEAD times over every
    other and SURE_MENTIONS mentions need no recent one (a club's story names other clubs
    in passing)."""
    counts = Counter(k for k in keys if k)
    if not counts:
        return None
    (top, top_count), *rest = counts.most_common()
    if top_count < minimum or (rest and top_count < LEAD * rest[0][1]):
        return None
    latest = next(m for m, k in zip(reversed(named), reversed(keys), strict=True) if k == top)
    recent = ctx.sentence_index(token) - latest.sentence <= RECENT_SENTENCES
    clear = (
        sure and top_count >= SURE_MENTIONS and not (rest and top_count < SURE_LEAD * rest[0][1])
    )
    if not recent and keys[-1] != top and not clear:
        return None
    return latest


def person_key(people: list[Mention], mention: Mention) -> str:
    """Who a named person mention is among ``people``: a surname or a first name alone is
    the one person named in full with it ("Anelka", "Nicolas" -> "nicolas anelka")."""
    name = norm(mention.name)
    words = name.split()
    if len(words) != 1:
        return name
    full = set()
    for person in people:
        parts = norm(person.name).split()
        if len(parts) > 1 and words[0] in (parts[0], parts[-1]):
            full.add(" ".join(parts))
    return full.pop() if len(full) == 1 else name


def dominant_person(ctx: Context, token: Token, eligible: Callable[[str], bool]) -> Mention | None:
    """The latest mention (a pronoun's antecedent counts for its person) of the person the
    article is about at ``token``, among those ``eligible`` (called with a person's key),
    or None. The one eligible person named so far needs no second mention; among more than
    CROWD people, only one SURE_LEAD times as often named as the next is the subject."""
    people = [
        m for m in ctx.mentions if m.type is EntityType.PERSON and m.name and m.antecedent is None
    ]
    named: list[Mention] = []
    keys: list[str] = []
    for mention in sorted(ctx.mentions, key=lambda m: m.start):
        if mention.type is not EntityType.PERSON or mention.end > token.idx:
            continue
        referent = ctx.referent(mention)
        if referent.type is EntityType.PERSON and referent.name:
            named.append(mention)
            keys.append(person_key(people, referent))
    chosen = [(m, k) for m, k in zip(named, keys, strict=True) if eligible(k)]
    counts = Counter(k for _, k in chosen).most_common(2)
    if len({k for _, k in chosen}) > CROWD and counts[0][1] < SURE_LEAD * counts[1][1]:
        return None  # a match report naming many players: the story is not one player's
    minimum = 1 if len({k for _, k in chosen}) == 1 else MIN_MENTIONS
    found = _dominant(ctx, token, [m for m, _ in chosen], [k for _, k in chosen], minimum)
    return ctx.referent(found) if found is not None else None
