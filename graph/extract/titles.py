"""Offices and roles: "French President Emmanuel Macron", "Bill Gates, the chairman of
Microsoft", "Microsoft's chairman, Bill Gates", and descriptions that refer back to a title
holder ("the French President", "the Prime Minister").

A title becomes a Position entity ("President of France") with positionHeld from the person
and appliesToJurisdiction to the country or organisation; the title's kind (titles.tsv) adds
headOfState / headOfGovernment / leaderOf / worksFor / memberOf / spokespersonOf, and a
demonym jurisdiction adds citizenOf.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.lexicon import Title
from graph.model import EntityType, Mention, RelationMention

NP_POS = {"NOUN", "PROPN", "ADJ"}
JURISDICTION_TYPES = {
    EntityType.COUNTRY,
    EntityType.PLACE,
    EntityType.ORGANIZATION,
    EntityType.GROUP,
}
MAX_TITLE_WORDS = max(len(t.split()) for t in ["chancellor of the exchequer"])


@dataclass(frozen=True, slots=True)
class Held:
    """One title found next to a person, before it becomes mentions and relations."""

    person: Mention
    title: Title
    title_tokens: tuple[Token, ...]
    jurisdiction: Mention | None
    from_demonym: bool
    nationality: Mention | None = None
    """A demonym that gives the holder's country but not the office's ("Italian striker")."""


def _title_suffix(tokens: list[Token]) -> tuple[Title, list[Token]] | None:
    """The longest title formed by the last words of ``tokens`` (e.g. 'Israeli Prime Minister'
    -> 'prime minister')."""
    table = lexicon.titles()
    for size in range(min(len(tokens), 6), 0, -1):
        if tokens[-size].text == "-":
            continue
        words = "".join(t.text_with_ws for t in tokens[-size:]).strip().lower()
        words = " ".join(words.replace(" - ", "-").split())
        if words in table:
            return table[words], tokens[-size:]
    return None


def _demonym_mention(ctx: Context, token: Token) -> Mention | None:
    """A country mention on a demonym word ("French" -> France), reusing an existing one."""
    existing = ctx.mention_at(token)
    if existing is not None:
        return existing if existing.type is EntityType.COUNTRY else None
    country = lexicon.demonym_country(token.text)
    if country is None:
        return None
    return ctx.add_mention(token, EntityType.COUNTRY, name=country, confidence=0.8, role="demonym")


def _jurisdiction_left(ctx: Context, token: Token) -> tuple[Mention | None, bool]:
    """The jurisdiction written just before a title: a demonym, a place or organisation name,
    or a possessive ("Microsoft's")."""
    doc = ctx.doc
    i = token.i
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < 0:
        return None, False
    mention = ctx.mention_at(doc[i])
    if mention is not None and mention.type in JURISDICTION_TYPES:
        return mention, False
    if lexicon.demonym_country(doc[i].text):
        return _demonym_mention(ctx, doc[i]), True
    return None, False


def _jurisdiction_of_head(ctx: Context, head: Token) -> tuple[Mention | None, bool]:
    """The jurisdiction attached to a title noun: "of/for/at X", "X's", compound X, demonym."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "to"}:
            for pobj in child.children:
                mention = ctx.mention_of(pobj)
                if (
                    pobj.dep_ == "pobj"
                    and mention is not None
                    and mention.type in JURISDICTION_TYPES
                ):
                    return mention, False
    for child in head.lefts:
        mention = ctx.mention_of(child)
        if (
            child.dep_ in {"poss", "compound", "nmod"}
            and mention
            and mention.type in JURISDICTION_TYPES
        ):
            return mention, False
        if child.dep_ in {"amod", "compound"} and lexicon.demonym_country(child.text):
            return _demonym_mention(ctx, child), True
    return None, False


def _premodifier_titles(ctx: Context, person: Mention) -> Held | None:
    """Title words written right before the name, inside the same noun phrase."""
    doc = ctx.doc
    first = ctx.mention_tokens(person)[0]
    words: list[Token] = []
    i = first.i - 1
    while i >= 0 and len(words) < 6:
        token = doc[i]
        hyphen = (
            token.text == "-" and i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
        )
        if (token.pos_ not in NP_POS and not hyphen) or (token.is_punct and not hyphen):
            break
        if ctx.mention_at(token):
            break
        words.insert(0, token)
        i -= 1
    found = _title_suffix(words)
    if found is None:
        return None
    title, tokens = found
    title, tokens = _with_portfolio(title, tokens, words)
    jurisdiction, demonym = (
        _jurisdiction_left(ctx, doc[tokens[0].i - 1]) if tokens[0].i > 0 else (None, False)
    )
    return Held(person, title, tuple(tokens), jurisdiction, demonym)


def _with_portfolio(
    title: Title, tokens: list[Token], words: list[Token]
) -> tuple[Title, list[Token]]:
    """ "economy minister", "production chief": a lower-case noun before a title names its
    portfolio and belongs to the office's label."""
    before = [t for t in words if t.i < tokens[0].i]
    portfolio: list[Token] = []
    for token in reversed(before):
        if (
            token.pos_ != "NOUN"
            or not (token.is_lower or token.is_sent_start)
            or len(portfolio) == 3
        ):
            break
        portfolio.insert(0, token)
    if portfolio and title.kind != "member":
        words = " ".join(t.lower_ for t in portfolio)
        label = " ".join(t.text.capitalize() for t in portfolio) + " " + title.label
        return Title(f"{words} {title.words}", label, title.kind, title.scope), [
            *portfolio,
            *tokens,
        ]
    return title, tokens


def _title_of_noun(head: Token) -> tuple[Title, list[Token]] | None:
    words = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.i >= head.i - 3] + [head]
    words = [t for t in words if t.i >= words[-1].i - len(words) + 1]
    found = _title_suffix(words)
    return _with_portfolio(*found, words) if found is not None else None


def _appositive_titles(ctx: Context, person: Mention, head: Token) -> Held | None:
    """ "Bill Gates, the chairman of Microsoft" and "Microsoft's chairman, Bill Gates"."""
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for noun in candidates:
        if ctx.mention_at(noun) is not None or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        found = _title_of_noun(noun)
        if found is None:
            continue
        title, tokens = found
        jurisdiction, demonym = _jurisdiction_of_head(ctx, noun)
        return Held(person, title, tuple(tokens), jurisdiction, demonym)
    return None


def _copular_titles(ctx: Context, person: Mention, head: Token) -> Held | None:
    """ "Judy Boynton was finance chief", "Lagarde is the president of the ECB"."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}):
        if ctx.mention_at(attr) is not None:
            continue
        found = _title_of_noun(attr)
        if found is not None:
            jurisdiction, demonym = _jurisdiction_of_head(ctx, attr)
            return Held(person, found[0], tuple(found[1]), jurisdiction, demonym)
    return None


def _position_name(title: Title, jurisdiction: Mention | None, ctx: Context | None = None) -> str:
    if jurisdiction is None:
        return title.label
    named = ctx.referent(jurisdiction) if ctx is not None else jurisdiction
    return f"{title.label} of {named.name}" if named.name else title.label


def _relations(ctx: Context, held: Held, position: Mention) -> Iterator[RelationMention]:
    person, jurisdiction, kind = held.person, held.jurisdiction, held.title.kind
    tokens = list(held.title_tokens) + ctx.mention_tokens(person)
    yield ctx.relation(person, "positionHeld", position, tokens, confidence=0.85)
    if held.nationality is not None:
        yield ctx.relation(person, "citizenOf", held.nationality, tokens, confidence=0.7)
    if jurisdiction is None:
        return
    yield ctx.relation(position, "appliesToJurisdiction", jurisdiction, tokens, confidence=0.85)
    is_country = jurisdiction.type is EntityType.COUNTRY
    if kind == "head_of_state" and is_country:
        yield ctx.relation(jurisdiction, "headOfState", person, tokens, confidence=0.75)
    elif kind == "head_of_government" and is_country:
        yield ctx.relation(jurisdiction, "headOfGovernment", person, tokens, confidence=0.75)
    elif kind == "leader" or kind in {"head_of_state", "head_of_government"}:
        yield ctx.relation(person, "leaderOf", jurisdiction, tokens, confidence=0.7)
    elif kind == "spokesperson":
        yield ctx.relation(person, "spokespersonOf", jurisdiction, tokens, confidence=0.75)
    elif kind == "member" and not is_country:
        yield ctx.relation(person, "memberOf", jurisdiction, tokens, confidence=0.7)
    if jurisdiction.type is EntityType.ORGANIZATION and kind != "member":
        yield ctx.relation(person, "worksFor", jurisdiction, tokens, confidence=0.75)
    if held.from_demonym:
        yield ctx.relation(person, "citizenOf", jurisdiction, tokens, confidence=0.6)


def _holders(ctx: Context) -> list[tuple[str, str, Mention]]:
    """(title label, position name, person) for the titles found so far in the article."""
    return ctx.notes.setdefault("positions", [])  # type: ignore[return-value]


def _same_person(a: Mention, b: Mention) -> bool:
    return a.name.split()[-1:] == b.name.split()[-1:] if a.name and b.name else False


def _find_title(ctx: Context, person: Mention) -> Held | None:
    head = ctx.mention_head(person)
    held = (
        _premodifier_titles(ctx, person)
        or _appositive_titles(ctx, person, head)
        or _copular_titles(ctx, person, head)
    )
    if held is None or held.jurisdiction is None:
        return held
    if held.jurisdiction.role == "description":
        # "Cabinet minister": an unnamed description is a portfolio, not a jurisdiction.
        return Held(person, held.title, held.title_tokens, None, False)
    if held.from_demonym and held.title.kind == "employee":
        # "Italian striker", "French analyst": a nationality, not the office's country.
        return Held(person, held.title, held.title_tokens, None, False, held.jurisdiction)
    return held


@extractors.register("titles", order=30)
def titles(ctx: Context) -> Iterator[RelationMention]:
    """Positions held, from titles before a name, in apposition to it, or after "is/was".

    Two passes: a bare title ("Prime Minister Netanyahu") takes the full office name that
    the same person holds elsewhere in the article ("Prime Minister of Israel")."""
    people = sorted((m for m in ctx.mentions if m.type is EntityType.PERSON), key=lambda m: m.start)
    found = [held for person in people if (held := _find_title(ctx, person)) is not None]
    specific = [
        (h.title.label, _position_name(h.title, h.jurisdiction, ctx), h.person)
        for h in found
        if h.jurisdiction is not None and not _is_affiliation(h)
    ]
    for held in found:
        affiliation = _is_affiliation(held)
        name = held.title.label
        if held.jurisdiction is not None and not affiliation:
            name = _position_name(held.title, held.jurisdiction, ctx)
        else:
            for label, known, holder in specific:
                if label == held.title.label and _same_person(holder, held.person):
                    name = known
                    break
        position = ctx.add_mention(
            ctx.doc[held.title_tokens[0].i : held.title_tokens[-1].i + 1],
            EntityType.POSITION,
            name=name,
            confidence=0.85,
            role="position" if name != held.title.label else "description",
        )
        if position is None:
            continue
        _holders(ctx).append((held.title.label, name, held.person))
        if affiliation:
            yield from _affiliation_relations(ctx, held, position)
        else:
            yield from _relations(ctx, held, position)


def _is_affiliation(held: Held) -> bool:
    """ "Labour MP Eric Joyce", "Tory leader ... mayor": an office whose scope is a place,
    written with an organisation before it, names the holder's party, not the office's
    jurisdiction."""
    return (
        held.title.scope == "place"
        and held.jurisdiction is not None
        and held.jurisdiction.type in {EntityType.ORGANIZATION, EntityType.GROUP}
    )


def _affiliation_relations(
    ctx: Context, held: Held, position: Mention
) -> Iterator[RelationMention]:
    tokens = list(held.title_tokens) + ctx.mention_tokens(held.person)
    yield ctx.relation(held.person, "positionHeld", position, tokens, confidence=0.8)
    assert held.jurisdiction is not None
    yield ctx.relation(held.person, "memberOf", held.jurisdiction, tokens, confidence=0.7)


@extractors.register("title_descriptions", order=45)
def title_descriptions(ctx: Context) -> Iterator[RelationMention]:
    """ "The French President" / "the Prime Minister" with no name refers to the most recent
    holder of that title in the article (kept as a coreference of the person)."""
    holders = _holders(ctx)
    if not holders:
        return
    for token in ctx.doc:
        if token.pos_ not in {"NOUN", "PROPN"} or ctx.mention_at(token) is not None:
            continue
        found = _title_of_noun(token)
        if found is None or found[1][-1].i != token.i:
            continue
        title, words = found
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
            continue
        if any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
            continue  # a title next to a name is handled by `titles`
        jurisdiction, _ = _jurisdiction_of_head(ctx, token)
        wanted = _position_name(title, jurisdiction, ctx) if jurisdiction is not None else None
        for label, known, holder in reversed(holders):
            if holder.end <= token.idx and label == title.label and wanted in {None, known}:
                ctx.add_mention(
                    ctx.doc[words[0].i : token.i + 1],
                    holder.type,
                    name="",
                    antecedent=holder,
                    confidence=0.7,
                    role="title",
                )
                break
    yield from ()
