"""Offices and roles: "French President Emmanuel Macron", "Bill Gates, the chairman of
Microsoft", "Microsoft's chairman, Bill Gates", "Labour leader Keir Starmer", "Arsenal
striker Bukayo Saka".

This module finds a title next to a person and what is written before it: a portfolio
("Culture Secretary"), modifiers ("shadow", "former", "deputy"), a jurisdiction (a demonym, a
country, an organisation or party, whatever the named-entity model typed it) and whether the
phrase is indefinite ("a senior Hamas commander" is one of several, not THE commander).
graph/extract/title_facts.py turns that into a Position and the relations the title's kind
implies (graph/schema/titles.tsv). Before that, per article: informal "chief"/"boss" become
an office (title_senses.py), national offices take the article's country
(home_country.py), counterparts take their possessor's office (title_counterparts.py).
Titles used without a name are in title_descriptions.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract import title_names as names
from graph.extract.context import Context, title_of_misplaced_name
from graph.extract.person_place import appointed_offices
from graph.extract.sports import article_sport
from graph.extract.stance import stance_of
from graph.extract.title_counterparts import counterparts
from graph.extract.title_facts import (
    Held,
    is_affiliation,
    position_name,
    relations,
    same_person,
    wants_position,
    with_home_country,
)
from graph.extract.title_senses import formal_titles
from graph.lexicon import Title
from graph.model import EntityType, Mention, RelationMention, Stance

NP_POS = {"NOUN", "PROPN", "ADJ"}
JURISDICTION_TYPES = {
    EntityType.COUNTRY,
    EntityType.PLACE,
    EntityType.ORGANIZATION,
    EntityType.GROUP,
}
ORG_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
HOSTS = ORG_TYPES | {EntityType.COUNTRY}
"""What a pronoun before a title may stand for ("its chief executive", "their leader")."""
TEAM_KINDS = {"player", "captain"}
MISC_TYPES = {EntityType.PRODUCT, EntityType.CONCEPT, EntityType.WORK}
INDEFINITE = {"a", "an", "another", "one"}

__all__ = [
    "Held",
    "add_position",
    "describe",
    "holders",
    "of_jurisdiction",
    "title_of_noun",
    "titles",
]


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


@lru_cache(maxsize=1)
def _title_endings() -> frozenset[str]:
    """Every ending of a title of titles.tsv ("minister", "inister", ... of "prime minister"):
    a noun whose text is none of them ends no title."""
    return frozenset(title[i:] for title in lexicon.titles() for i in range(len(title)))


def describe(
    ctx: Context, person: Mention, title: Title, tokens: list[Token], stop: int
) -> Held | None:
    """What the words before a title (back to token ``stop``) say about it."""
    doc = ctx.doc
    modifiers = lexicon.title_modifiers()
    portfolio: list[Token] = []
    effects: set[str] = set()
    jurisdiction: Mention | None = None
    demonym = indefinite = False
    i = tokens[0].i - 1
    while i >= stop:
        token = doc[i]
        mention = ctx.mention_at(token)
        if names.portfolio_mention(mention):
            mention = None
        if mention is not None and not mention.name and ctx.referent(mention).type not in HOSTS:
            break  # "Her coach Aston Moore": she is no organisation; "Its chief executive" is
        low = token.lower_
        if token.tag_ == "POS" or (token.text == "-" and not token.whitespace_):
            i -= 1
            continue
        if jurisdiction is None and token.text == ")":
            opened = _bracketed_name(ctx, i, stop)
            if opened is not None:
                i = opened - 1  # "CHP (Republican People's Party) leader": the name before
                continue
        if mention is None and low in modifiers:
            effects.add(modifiers[low])
            i -= 1
            continue
        if jurisdiction is None and not effects and len(portfolio) < 3:
            if mention is None and names.is_portfolio_word(ctx, token, title):
                portfolio.insert(0, token)
                i -= 1
                continue
        if jurisdiction is None:
            if mention is not None:
                mention = names.widen_to_party(ctx, mention, stop)
            if mention is not None and mention.name.lower() in lexicon.party_words():
                mention = names.as_organisation(ctx, mention)  # "Lib Dem" tagged a person
            if mention is not None:
                if mention.type in JURISDICTION_TYPES:
                    jurisdiction = mention
                elif (
                    mention.type is EntityType.PERSON
                    and mention is not person
                    and names.retype_allowed(title)
                    and doc[i + 1].tag_ != "POS"
                ):
                    jurisdiction = mention
                else:
                    break
                if (
                    jurisdiction.type is not EntityType.COUNTRY
                    and jurisdiction.type not in ORG_TYPES
                    and names.retype_allowed(title, jurisdiction)
                    and not portfolio
                ):
                    jurisdiction = names.as_organisation(ctx, jurisdiction)
                i = ctx.mention_tokens(jurisdiction)[0].i - 1
                if jurisdiction.type is EntityType.PLACE and title.kind == "employee" and i >= 0:
                    employer = ctx.mention_at(doc[i])  # "BBC Delhi reporter": Delhi is the beat
                    if employer is not None and employer.type in ORG_TYPES:
                        jurisdiction = employer
                        i = ctx.mention_tokens(employer)[0].i - 1
                continue
            if lexicon.demonym_country(token.text) and token.text[:1].isupper():
                jurisdiction, demonym = names.demonym_mention(ctx, token), True
                i -= 1
                continue
            found = names.party_at(ctx, i, stop) or (
                names.proper_org_at(ctx, i, stop) if names.org_allowed(title) else None
            )
            if found is not None:
                jurisdiction = found
                i = ctx.mention_tokens(found)[0].i - 1
                continue
        if token.pos_ == "ADJ" and token.is_lower and mention is None:
            if token.ent_type_ == "ORDINAL":
                indefinite = True
            i -= 1  # "senior", "veteran": no part of the office
            continue
        break
    if i >= 0 and doc[i].lower_ in INDEFINITE and doc[i].pos_ in {"DET", "NUM", "PRON"}:
        indefinite = True
    if jurisdiction is not None and not demonym and len(portfolio) == 1:
        if portfolio[0].lower_ in lexicon.portfolio_org_nouns():
            jurisdiction = names.joined_organisation(ctx, jurisdiction, portfolio[0])
            portfolio = []
    if effects & {"relational", "counterpart"}:
        # "his Chinese counterpart Minister Li": someone else's office; only the demonym holds.
        nationality = jurisdiction if demonym else None
        return Held(person, title, tuple(tokens), nationality=nationality, status="relational")
    title, tokens = _with_portfolio(title, tokens, portfolio)
    if "shadow" in effects:
        national = title.flags & {"national"}  # the shadow of a national office is national
        title = Title(
            f"shadow {title.words}", f"Shadow {title.label}", "shadow", title.scope, national
        )
    elif "deputy" in effects:
        title = replace(title, words=f"deputy {title.words}", label=f"Deputy {title.label}")
        title = replace(title, kind="deputy")
    status = "former" if "former" in effects else "indefinite" if indefinite else ""
    return _held(person, title, tokens, jurisdiction, demonym, bool(portfolio), status)


def _bracketed_name(ctx: Context, close: int, stop: int) -> int | None:
    """The "(" of a bracket closing at ``close`` that glosses the organisation named right
    before it ("the PRD (Party of the Democratic Revolution)", "Welfare Party (RP)"), so the
    walk back from a title can step over the gloss to that organisation; None otherwise."""
    doc = ctx.doc
    for j in range(close - 1, max(stop, close - 8), -1):
        if doc[j].text == "(":
            inside = doc[j + 1 : close]
            before = ctx.mention_at(doc[j - 1]) if j - 1 >= stop else None
            if not inside or before is None or before.type not in ORG_TYPES:
                return None
            named = {ctx.mention_at(t) for t in inside}
            glossed = (len(named) == 1 and None not in named and named.pop().type in ORG_TYPES) or (
                len(inside) == 1 and inside[0].is_upper
            )
            return j if glossed else None
        if doc[j].is_punct and doc[j].tag_ != "POS":
            return None
    return None


def _with_portfolio(
    title: Title, tokens: list[Token], portfolio: list[Token]
) -> tuple[Title, list[Token]]:
    """ "economy minister", "Culture Secretary": the portfolio belongs to the office's label."""
    if not portfolio:
        return title, tokens
    words = " ".join(t.lower_ for t in portfolio)
    label = " ".join(t.text.capitalize() for t in portfolio) + " " + title.label
    return replace(title, words=f"{words} {title.words}", label=label), [*portfolio, *tokens]


def _held(
    person: Mention,
    title: Title,
    tokens: list[Token],
    jurisdiction: Mention | None,
    demonym: bool,
    portfolio: bool,
    status: str,
) -> Held:
    if jurisdiction is not None and jurisdiction.role == "description":
        jurisdiction, demonym = None, False  # "Cabinet minister": a description, no jurisdiction
    nationality = None
    if demonym and (title.scope == "org" or title.kind in {"employee", "player", "captain"}):
        # "Spanish manager", "Italian striker": a nationality, not the office's country.
        jurisdiction, nationality = None, jurisdiction
    return Held(person, title, tuple(tokens), jurisdiction, demonym, nationality, portfolio, status)


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
        inner = token.lower_ in {"of", "the"} and bool(words)  # "Secretary of State"
        mistagged = token.dep_ == "compound" and token.lower_ in lexicon.titles()  # captain/VERB
        mistagged = mistagged or (i == first.i - 1 and lexicon.player_read_as_modifier(token))
        if (token.pos_ not in NP_POS and not hyphen and not inner and not mistagged) or (
            token.is_punct and not hyphen
        ):
            break
        if token.tag_ == "POS" or ctx.mention_at(token) is person:
            break
        words.insert(0, token)
        i -= 1
    found = _title_suffix(words)
    if found is None and words and words[-1].lower_ in lexicon.honorifics():
        words = words[:-1]  # "Auditor General Sir John Bourn"
        found = _title_suffix(words)
    if found is None:
        return None
    title, tokens = found
    inside = {t.i for t in tokens}
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention is None or names.portfolio_mention(mention):
            continue
        if (
            mention.type is EntityType.PERSON
            or not {t.i for t in ctx.mention_tokens(mention)} <= inside
        ):
            return None  # the title words belong to a longer name
    found = _title_suffix(words)
    if found is None:
        return None
    title, tokens = found
    return describe(ctx, person, title, tokens, max(0, first.i - 10))


def secretary_of_state(head: Token) -> tuple[list[Token], Token | None] | None:
    """ "Secretary of State for Culture, Media and Sport", "Secretary of Commerce", "Secretary
    of the Treasury": the title's words (a "secretary of ..." row of titles.tsv) and the "for"
    that opens a portfolio after them (None when none follows), or None."""
    doc = head.doc
    if head.lower_ != "secretary" or head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "of":
        return None
    words: list[Token] = []
    for key in _secretary_titles():
        length = len(key.split())
        if length > len(words) and [t.lower_ for t in doc[head.i : head.i + length]] == key.split():
            words = list(doc[head.i : head.i + length])
    if not words:
        return None
    last = words[-1].i
    after = doc[last + 1] if last + 1 < len(doc) else None
    opens = after is not None and after.lower_ == "for" and after.head.i in {head.i, last}
    return words, after if opens else None


@lru_cache(maxsize=1)
def _secretary_titles() -> tuple[str, ...]:
    return tuple(t for t in lexicon.titles() if t.startswith("secretary of "))


def portfolio_tokens(opener: Token) -> list[Token]:
    """The words of the portfolio a "for" opens, without the punctuation that ends it."""
    words = [t for t in opener.subtree if t.i > opener.i]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return words


def title_of_noun(head: Token) -> tuple[Title, list[Token]] | None:
    if (british := secretary_of_state(head)) is not None:
        words, opener = british
        title = lexicon.titles()[" ".join(t.lower_ for t in words)]
        if opener is not None and (portfolio := portfolio_tokens(opener)):
            written = opener.doc[portfolio[0].i : portfolio[-1].i + 1].text
            title = replace(title, label=f"{title.label} for {written}")
        return title, words
    if not head.is_space and head.text.lower() not in _title_endings():
        return None  # every title read back from the head ends with the head's text
    words = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.i >= head.i - 3] + [head]
    words = [t for t in words if t.i >= words[-1].i - len(words) + 1]
    return _title_suffix(words)


def of_jurisdiction(ctx: Context, head: Token, playing: bool = False) -> Mention | None:
    """ "the chairman of Microsoft", "a spokesman for Oxfam", "consultant at security firm
    Sophos", "a colonel in the Indian Army", "a lobbyist with the API" (only an organisation
    after "in" or "with"). A name after a title and "at/for/of" is an organisation whatever
    NER typed it: a product or concept has no staff."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "to", "in", "with"}:
            if playing and child.lower_ == "of":
                continue
            for pobj in child.children:
                mention = ctx.mention_of(pobj)
                if pobj.pos_ == "NOUN" and ctx.mention_at(pobj) is None:
                    mention = _unit_owner(ctx, pobj, mention)
                if pobj.dep_ != "pobj" or mention is None:
                    continue
                if child.lower_ in {"in", "with"} and mention.type not in ORG_TYPES:
                    continue  # "a colonel in the army", not "a lawyer in Leeds"
                firm = any(
                    c.dep_ == "compound" and c.lemma_ in lexicon.collective_nouns()
                    for c in pobj.children
                )  # "at research firm Ovum"
                if (
                    (mention.type in MISC_TYPES or firm)
                    and mention.name
                    and (mention.type is not EntityType.PERSON)
                ):
                    return names.as_organisation(ctx, mention)
                if mention.type in JURISDICTION_TYPES:
                    return mention
    return None


def _unit_owner(ctx: Context, noun: Token, named: Mention | None) -> Mention | None:
    """The organisation a title "of" a common noun is an office of: a part of one ("Toyota's
    US sales arm", "the Labour group on Newham Council") is none of them, the head of a
    division leads no company; a firm's other noun belongs to its possessor ("the head of
    Unilever's Indian business"), a place that only modifies it is no jurisdiction; a name
    the noun stands for ("the bank Barclays") is the organisation."""
    if noun.lemma_.lower() in lexicon.unit_nouns():
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (owner := ctx.mention_at(child)) is not None:
            return owner if owner.type in ORG_TYPES else None  # not "Nigeria's central bank"
    if named is not None and named.type in {EntityType.COUNTRY, EntityType.PLACE}:
        return None
    return named


def _noun_titles(ctx: Context, person: Mention, noun: Token) -> Held | None:
    """A title noun in apposition to the name or after "is/was"."""
    if ctx.mention_at(noun) is not None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    found = title_of_noun(noun)
    if found is None:
        return None
    held = describe(ctx, person, found[0], found[1], noun.left_edge.i)
    if held is None:
        return None
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
        held = replace(held, status=held.status or "indefinite")
    if held.jurisdiction is None and held.status != "relational" and not secretary_of_state(noun):
        # "a defender of the Anglo-Irish Agreement": a playing role's team is not written
        # with "of" ("the Everton defender", "a midfielder for Benfica")
        of = of_jurisdiction(ctx, noun, playing=held.title.kind == "player")
        if of is not None and of.type is EntityType.PLACE and names.retype_allowed(held.title, of):
            of = names.as_organisation(ctx, of)
        if of is not None:
            held = _held(
                person, held.title, list(held.title_tokens), of, False, held.portfolio, held.status
            )
            if held.nationality is None and of.type is EntityType.COUNTRY:
                held = replace(held, nationality=None)
    return held


def _appositive_titles(ctx: Context, person: Mention, head: Token) -> Held | None:
    """ "Bill Gates, the chairman of Microsoft" and "Microsoft's chairman, Bill Gates"."""
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if (misplaced := title_of_misplaced_name(ctx, head)) is not None:
        candidates.append(misplaced)  # "the president of the United States, James Garfield"
    elif head.dep_ == "appos":
        candidates.append(head.head)
    for noun in candidates:
        held = _noun_titles(ctx, person, noun)
        if held is not None:
            return held
    return None


COPULAS = {"be", "become", "remain"}


def _copular_titles(ctx: Context, person: Mention, head: Token) -> Held | None:
    """ "Judy Boynton was finance chief", "Lagarde is the president of the ECB", "Starmer
    became prime minister", and in a relative clause on the name: "Ann Lee, who is a colonel
    in the army"."""
    verbs = [head.head] if head.dep_ == "nsubj" else []
    verbs += [
        c
        for c in head.children
        if c.dep_ == "relcl"
        and any(s.dep_ == "nsubj" and s.lower_ in {"who", "that"} for s in c.children)
    ]
    for verb in (v for v in verbs if v.lemma_ in COPULAS):
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            held = _noun_titles(ctx, person, attr)
            if held is not None:
                return _with_clause_stance(ctx, held, verb)
    return None


def _appointed_titles(ctx: Context, person: Mention, head: Token) -> Held | None:
    """ "Ruto named John Mbadi as finance minister", "Reeves was appointed chancellor",
    "nominated Kindiki as interior minister" (proposed): an appointment verb's object and the
    office after "as" or as its complement (graph/schema/appointment_verbs.tsv)."""
    verb, verbs = head.head, lexicon.appointment_verbs()
    offices = appointed_offices(head)
    for noun in offices:
        held = _noun_titles(ctx, person, noun)
        if held is not None:
            held = _with_clause_stance(ctx, held, verb)
            if verbs[verb.lemma_.lower()] == "proposed" and held.stance is Stance.ASSERTED:
                held = replace(held, stance=Stance.PROPOSED)
            return held
    return None


def _with_clause_stance(ctx: Context, held: Held, verb: Token) -> Held:
    """A title given by a clause holds only as far as the clause says: "will be chancellor"
    is proposed, "is not the chairman" negated (a source's words stay asserted titles)."""
    stance, _ = stance_of(ctx, verb)
    if stance in {Stance.PROPOSED, Stance.NEGATED}:
        return replace(held, stance=stance)
    return held


def holders(ctx: Context) -> list[tuple[str, str, Mention]]:
    """(title label, position name, person) for the titles found so far in the article."""
    return ctx.notes.setdefault("positions", [])  # type: ignore[return-value]


def _find_title(ctx: Context, person: Mention) -> Held | None:
    head = ctx.mention_head(person)
    held = (
        _premodifier_titles(ctx, person)
        or _appositive_titles(ctx, person, head)
        or _copular_titles(ctx, person, head)
        or _appointed_titles(ctx, person, head)
    )
    if held is not None and "sport" in held.title.flags and article_sport(ctx) is None:
        return None  # "Uber driver X" is no team's driver
    return held


def _find_titles(ctx: Context, person: Mention) -> list[Held]:
    """The title a name has, and when that is a former one, the office an appointment in
    the same clause gives it ("named Kelly Ortberg, a former head of Rockwell Collins, as
    its new chief executive")."""
    held = _find_title(ctx, person)
    if held is None:
        return []
    if held.status != "former":
        return [held]
    appointed = _appointed_titles(ctx, person, ctx.mention_head(person))
    return [held, appointed] if appointed is not None and appointed != held else [held]


def _share_jurisdictions(ctx: Context, found: list[Held]) -> list[Held]:
    """ "Deutsche's chairman Rolf Breuer and chief executive Werner Seifert": a bare title
    coordinated with a titled name, or a second name in apposition to the same title,
    shares its organisation."""
    by_head = {ctx.mention_head(h.person).i: h for h in found}
    for held in found:
        head = ctx.mention_head(held.person)
        if head.dep_ == "appos":  # "Deutsche's chairman Rolf Breuer and chief executive X"
            by_head.setdefault(head.head.i, held)
    shared = []
    for held in found:
        head = ctx.mention_head(held.person)
        first = by_head.get(head.head.i) if head.dep_ in {"conj", "appos"} else None
        if (
            held.jurisdiction is None
            and held.status != "relational"
            and first is not None
            and first is not held
            and first.jurisdiction is not None
            and not first.from_demonym
            and first.jurisdiction.type in ORG_TYPES
            and held.title.scope != "place"
        ):
            held = _held(
                held.person,
                held.title,
                list(held.title_tokens),
                first.jurisdiction,
                False,
                held.portfolio,
                held.status,
            )
        shared.append(held)
    return shared


def _shadow_countries(found: list[Held]) -> list[Held]:
    """ "UK Foreign Secretary Jack Straw ... shadow foreign secretary Michael Ancram": a shadow
    office shadows the office the article names with its country (when only one country)."""
    offices: dict[str, set[str]] = {}
    mentions: dict[str, Mention] = {}
    for held in found:
        where = held.implied or (None if is_affiliation(held) else held.jurisdiction)
        if held.title.kind != "shadow" and where is not None and where.type is EntityType.COUNTRY:
            offices.setdefault(held.title.words, set()).add(where.name)
            mentions[where.name] = where
    shadowed = []
    for held in found:
        real = held.title.words.removeprefix("shadow ")
        countries = offices.get(real, set())
        unnamed = held.jurisdiction is None or is_affiliation(held)
        if held.title.kind == "shadow" and unnamed and not held.implied and len(countries) == 1:
            held = replace(held, implied=mentions[next(iter(countries))])
        shadowed.append(held)
    return shadowed


def add_position(ctx: Context, held: Held, name: str) -> Mention | None:
    """The Position mention over a title's words, named ``name``."""
    span = ctx.doc[held.title_tokens[0].i : held.title_tokens[-1].i + 1]
    for token in span:
        inner = ctx.mention_at(token)
        if inner is not None and inner.type is not EntityType.PERSON:
            ctx.remove_mention(inner)  # "Shadow Home", "State": words of the title
    return ctx.add_mention(
        span,
        EntityType.POSITION,
        name=name,
        confidence=0.85,
        role="position" if name != held.title.label else "description",
    )


def _local_office(held: Held) -> Held:
    """The office a title names in its country ("UK Chancellor": the Chancellor of the
    Exchequer, not the head of government)."""
    country = held.jurisdiction or held.implied
    if country is None or country.type is not EntityType.COUNTRY:
        return held
    name = lexicon.country_name(country.name) or country.name
    office = lexicon.title_countries().get((held.title.words, name))
    return held if office is None else replace(held, title=office)


@extractors.register("titles", order=30)
def titles(ctx: Context) -> Iterator[RelationMention]:
    """Positions held, from titles before a name, in apposition to it, or after "is/was".

    Two passes: a bare title ("Prime Minister Netanyahu") takes the full office name that
    the same person holds elsewhere in the article ("Prime Minister of Israel")."""
    people = sorted((m for m in ctx.mentions if m.type is EntityType.PERSON), key=lambda m: m.start)
    found = _share_jurisdictions(
        ctx, [held for person in people for held in _find_titles(ctx, person)]
    )
    found = formal_titles(ctx, found)
    found = _shadow_countries([with_home_country(ctx, held) for held in found])
    found = [with_home_country(ctx, held) for held in counterparts(ctx, people, found)]
    found = [_local_office(held) for held in found]
    specific = [
        (h.title.label, position_name(ctx, h), h.person)
        for h in found
        if (h.jurisdiction is not None or h.implied is not None) and wants_position(h)
    ]
    for held in found:
        position = None
        if wants_position(held):
            name = position_name(ctx, held)
            if name == held.title.label:
                for label, known, holder in specific:
                    if label == held.title.label and same_person(holder, held.person):
                        name = known
                        break
            position = add_position(ctx, held, name)
            if position is None:
                continue
            if held.status != "former" and held.stance is Stance.ASSERTED:
                holders(ctx).append((held.title.label, name, held.person))
        yield from relations(ctx, held, position)
