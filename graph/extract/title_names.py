"""Names written with a title (graph/extract/titles.py): the organisation, party, country
or portfolio a premodifier stands for, typed by its place next to the title rather than by
the small model ("Manchester City striker": a club, though tagged a place; "Constitutional
Affairs Minister": a portfolio, though tagged an organisation)."""

from __future__ import annotations

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.lexicon import Title
from graph.model import EntityType, Mention

NP_POS = {"NOUN", "PROPN", "ADJ"}
ORG_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
TEAM_KINDS = {"player", "captain"}


def demonym_mention(ctx: Context, token: Token) -> Mention | None:
    """A country mention on a demonym word ("French" -> France), reusing an existing one."""
    existing = ctx.mention_at(token)
    if existing is not None:
        return existing if existing.type is EntityType.COUNTRY else None
    country = lexicon.demonym_country(token.text)
    if country is None:
        return None
    return ctx.add_mention(token, EntityType.COUNTRY, name=country, confidence=0.8, role="demonym")


def as_organisation(ctx: Context, mention: Mention) -> Mention:
    """The same span typed as an organisation: a name premodifying "chairman" or "striker"
    names the club or firm even when the small model tagged it a place or a person."""
    if mention.type in ORG_TYPES:
        return mention
    tokens = ctx.mention_tokens(mention)
    span = ctx.doc[tokens[0].i : tokens[-1].i + 1]
    new = ctx.add_mention(
        span, EntityType.ORGANIZATION, name=mention.name, confidence=0.6, replace=True
    )
    return new or mention


def portfolio_mention(mention: Mention | None) -> bool:
    """ "Constitutional Affairs" or "Shadow Home" tagged as an organisation before "Minister"
    or "Secretary" is a portfolio (with its modifiers), not a jurisdiction."""
    if mention is None or mention.type not in ORG_TYPES:
        return False
    words = mention.name.lower().split()
    known = lexicon.portfolio_words() | lexicon.title_modifiers().keys()
    return bool(words) and all(w in known for w in words)


def joined_organisation(ctx: Context, jurisdiction: Mention, noun: Token) -> Mention:
    """ "Kent police chief": the name and the organisation noun after it are the organisation."""
    first = ctx.mention_tokens(jurisdiction)[0]
    if any(ctx.mention_at(t) not in {None, jurisdiction} for t in ctx.doc[first.i : noun.i + 1]):
        return jurisdiction
    name = ctx.doc[first.i : noun.i + 1].text
    joined = ctx.add_mention(
        ctx.doc[first.i : noun.i + 1],
        EntityType.ORGANIZATION,
        name=name,
        confidence=0.6,
        replace=True,
    )
    return joined or jurisdiction


def org_allowed(title: Title) -> bool:
    """Titles whose premodifier may be an unlisted organisation name ("Euronext chief")."""
    return title.scope == "org" or title.kind in {"leader", "spokesperson", "deputy"} | TEAM_KINDS


def retype_allowed(title: Title, mention: Mention | None = None) -> bool:
    """Titles before which a place or person name is really a club or firm ("Manchester City
    striker"). A name that is also a known city, region or country ("Newcastle centre",
    "England captain") stays a place: the article's other mentions of it are the place, and
    one entity cannot be both."""
    if title.kind not in TEAM_KINDS | {"leader", "spokesperson"} or title.scope == "place":
        return False
    if mention is None or mention.type is EntityType.PERSON:
        return title.scope == "org"
    name = mention.name
    return not (
        lexicon.is_city(name)
        or lexicon.is_region(name)
        or lexicon.country_name(name)
        or name.lower() in {c.lower() for c in lexicon.demonyms().values()}
    )


def party_at(ctx: Context, i: int, stop: int) -> Mention | None:
    """A party short name ending at token i ("Tory", "Lib Dem"), as a new organisation."""
    doc = ctx.doc
    for size in (2, 1):
        start = i - size + 1
        if start < stop:
            continue
        span = doc[start : i + 1]
        if not all(t.text[:1].isupper() for t in span) or any(ctx.mention_at(t) for t in span):
            continue
        if span.text.lower() in lexicon.party_words():
            return ctx.add_mention(span, EntityType.ORGANIZATION, confidence=0.7, role="party")
    return None


def widen_to_party(ctx: Context, mention: Mention, stop: int) -> Mention:
    """The mention grown leftwards into the party name it ends ("Liberal" + "Democrat" when
    NER found only "Democrat"), or the mention itself."""
    tokens = ctx.mention_tokens(mention)
    first, last = tokens[0].i, tokens[-1].i
    for size in (2, 1):
        start = first - size
        if start < stop:
            continue
        before = ctx.doc[start:first]
        if not all(t.text[:1].isupper() for t in before) or any(ctx.mention_at(t) for t in before):
            continue
        span = ctx.doc[start : last + 1]
        if span.text.lower() in lexicon.party_words():
            wider = ctx.add_mention(
                span, EntityType.ORGANIZATION, confidence=0.7, role="party", replace=True
            )
            return wider or mention
    return mention


def proper_org_at(ctx: Context, i: int, stop: int) -> Mention | None:
    """An unlisted capitalised name ending at token i ("Broadreach chief executive")."""
    doc = ctx.doc
    start = i
    while (
        start >= stop
        and name_word(ctx, doc[start])
        and ctx.mention_at(doc[start]) is None
        and doc[start].lower_ not in lexicon.portfolio_words()
        and doc[start].lower_ not in lexicon.titles()
        and doc[start].lower_ not in lexicon.title_modifiers()
        and not lexicon.demonym_country(doc[start].text)
    ):
        start -= 1
    if start == i:
        return None
    name = doc[start + 1 : i + 1].text
    if any(m.name == name and m.type in THINGS for m in ctx.mentions):
        return None  # "The film Parasite ... Parasite director X": the film's, no company's
    return ctx.add_mention(doc[start + 1 : i + 1], EntityType.ORGANIZATION, confidence=0.55)


THINGS = {EntityType.WORK, EntityType.PRODUCT}


def name_word(ctx: Context, token: Token) -> bool:
    """A capitalised word that is part of a name: a proper noun, or a capitalised word the
    tagger missed ("Arsenal/ADJ") unless it is capitalised only because it starts a sentence."""
    if not token.text[:1].isupper() or token.pos_ not in NP_POS:
        return False
    if token.pos_ == "PROPN" or not token.is_sent_start:
        return True
    return any(  # written capitalised where no sentence starts: a name
        t.text == token.text and not t.is_sent_start and t.i != token.i for t in ctx.tokens
    )


def is_portfolio_word(ctx: Context, token: Token, title: Title) -> bool:
    """ "Culture", "production" before "Secretary" or "chief": a listed portfolio, or a
    common noun; a capitalised first word of a sentence that the article writes as a name
    elsewhere ("Euronext chief ...", after "the takeover of Activision Blizzard") is an
    organisation instead."""
    if title.kind in TEAM_KINDS | {"member"}:
        return False
    if token.lower_ in lexicon.portfolio_words():
        return True
    if token.pos_ != "NOUN" or _possessor(token):
        return False  # "the startup's chief executive": the startup holds the office
    return token.is_lower or (token.is_sent_start and not name_word(ctx, token))


def _possessor(token: Token) -> bool:
    """Whether a noun is followed by a possessive "'s" (it owns what follows, it does not
    qualify it)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.tag_ == "POS"
