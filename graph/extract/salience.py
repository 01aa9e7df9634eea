"""The organisation an article is about, for descriptions that refer back to it.

News names its subject company once or twice and then varies: "the firm", "the company",
"the German exchange", "the Japanese carmaker". When no named organisation is near, such a
description means the article's dominant one, but only when one clearly dominates: it is named
at least twice as often as any other so far, and no other organisation was named since it
last was (or it was named within the last two sentences).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from graph.extract.context import Context
from graph.model import EntityType, Mention
from graph.name_variants import acronym, is_acronym, norm

MIN_MENTIONS = 2
LEAD = 2.0
"""How many times as often as the next one the dominant organisation must be named."""
RECENT_SENTENCES = 2


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


def dominant_organisation(ctx: Context, token: Token) -> Mention | None:
    """The latest mention of the organisation the article is about at ``token``, or None
    when no organisation clearly is."""
    named = named_organisations(ctx, token)
    keys = families(named)
    counts = Counter(k for k in keys if k)
    if not counts:
        return None
    (top, top_count), *rest = counts.most_common()
    if top_count < MIN_MENTIONS or (rest and top_count < LEAD * rest[0][1]):
        return None
    latest = next(m for m, k in zip(reversed(named), reversed(keys), strict=True) if k == top)
    recent = ctx.sentence_index(token) - latest.sentence <= RECENT_SENTENCES
    if not recent and keys[-1] != top:
        return None
    return latest
