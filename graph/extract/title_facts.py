"""What a title found next to a person (graph/extract/titles.py) means: whether it makes a
Position entity, the Position's name, and the relations the title's kind implies.

Choices an analyst can rely on:
- A generic word alone ("Minister X", "Spokesman X", "chief") is no Position: a node named
  "Minister" would join every minister of every article. With a portfolio ("Culture
  Secretary") or a jurisdiction ("Minister of Kenya") it is one.
- Playing roles ("striker", "goalkeeper") are memberships of the team, not offices.
- "former"/"ex-" holders keep positionHeld and memberships (Wikidata P39 and P54 cover past
  holders) but get no current relation: no leaderOf, headOf, worksFor, spokespersonOf.
- "shadow" offices are other Positions ("Shadow Foreign Secretary") with no office-holder
  relation; "deputy"/"vice" ones never give leaderOf or headOf.
- An indefinite holder ("a senior Hamas commander, X") is a member, not the leader, and
  names no Position (the office's node would be shared with its real holder).
- A leader title with a portfolio ("Shell finance chief") leads a department: worksFor the
  organisation, not leaderOf it.
- A party premodifier ("Tory leader", "Labour MP", "Lib Dem spokesman") gives
  memberOfPoliticalParty; the party is the jurisdiction of its own offices (leader,
  spokesman) but not of an office of a territory (an MP's seat).
- A national office written without a country ("Education minister X", "Labour MP X") is
  the office of the one country the article names, if it names exactly one
  (graph/extract/home_country.py); never a country from world knowledge.
- A member of a government (titles.tsv flag "government") worksFor the government the
  article names for the office's country ("the British government", or a plain "the
  government" the article keeps coming back to); a board chair leads but is not employed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.extract.home_country import government_of, home_country
from graph.extract.sports import other_kind
from graph.lexicon import Title
from graph.model import EntityType, Mention, RelationMention, Stance

ORG_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
LEADER_KINDS = {"leader", "head_of_state", "head_of_government"}
STATE_OFFICES = {"head_of_state", "head_of_government", "minister"}
PARTY_OFFICES = {"leader", "deputy", "spokesperson", "employee"}


@dataclass(frozen=True, slots=True)
class Held:
    """One title found next to a person, before it becomes mentions and relations."""

    person: Mention
    title: Title
    title_tokens: tuple[Token, ...]
    jurisdiction: Mention | None = None
    from_demonym: bool = False
    nationality: Mention | None = None
    """A demonym that gives the holder's country but not the office's ("Italian striker")."""
    portfolio: bool = False
    status: str = ""
    """"former", "indefinite" ("a ... commander"), "relational" ("his counterpart") or ""."""
    implied: Mention | None = None
    """The article's one country, for a national office written without a country."""
    government: Mention | None = None
    """The government a minister of the office's country works for, as the article names it."""
    stance: Stance = Stance.ASSERTED
    """Proposed or negated when the clause that gives the title says so ("will be chancellor",
    "was nominated as interior minister", "is not the chairman")."""


def same_person(a: Mention, b: Mention) -> bool:
    """Two person mentions of one article with the same surname."""
    return a.name.split()[-1:] == b.name.split()[-1:] if a.name and b.name else False


def is_party(mention: Mention) -> bool:
    """A political party: a listed short name ("Tory"), a name ending in "Party" or one
    opening with "Party of" ("the Party of Regions", "Party of the Democratic Revolution")."""
    name = mention.name.lower().strip()
    return mention.type in ORG_TYPES and (
        name in lexicon.party_words()
        or name.endswith((" party", " parties"))
        or name.startswith("party of ")
    )


def is_affiliation(held: Held) -> bool:
    """ "Labour MP Eric Joyce", "Conservative shadow chancellor": an office of a territory or
    a government written with an organisation or party names the holder's party, not the
    office's jurisdiction (a party has leaders and spokesmen, not MPs or ministers)."""
    j = held.jurisdiction
    if j is None or j.type not in ORG_TYPES:
        return False
    if held.title.scope == "place":
        return True
    return is_party(j) and held.title.kind not in PARTY_OFFICES


def wants_position(held: Held) -> bool:
    """Whether the title makes a Position entity (see the module docstring)."""
    flags = held.title.flags
    if held.status == "relational" or "role" in flags:
        return False
    if held.status == "indefinite" and held.title.kind in LEADER_KINDS | {"captain"}:
        return False
    if "portfolio" in flags:
        return held.portfolio
    if "bare" in flags:
        named = held.jurisdiction is not None and not is_affiliation(held)
        return held.portfolio or named or held.title.kind in {"shadow", "deputy"}
    return True


def position_name(ctx: Context, held: Held) -> str:
    """ "Chief Executive of Apple"; the bare label when there is no jurisdiction."""
    where = held.jurisdiction
    if where is None or is_affiliation(held):
        where = held.implied
    if where is None:
        return held.title.label
    named = ctx.referent(where)
    return f"{held.title.label} of {named.name}" if named.name else held.title.label


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """Words a national office's name may be made of: portfolios, titles, modifiers; not the
    organisation nouns among portfolio words ("party secretary", "council secretary")."""
    portfolios = lexicon.portfolio_words() - lexicon.portfolio_org_nouns()
    return frozenset(lexicon.title_words() | portfolios | lexicon.title_modifiers().keys())


def with_home_country(ctx: Context, held: Held) -> Held:
    """A national office written without a country ("Education minister Ivan Lewis") is
    the office of the article's one country; a member of a government works for it.

    Only a listed portfolio makes a bare word a national office: a "club secretary" is not
    one."""
    flags = held.title.flags
    if held.status == "relational" or not {"national", "government"} & flags:
        return held
    if not set(held.title.words.split()) <= _office_words():
        return held
    j = held.jurisdiction
    unnamed = j is None or is_affiliation(held)
    if "national" in flags and unnamed and held.implied is None and wants_position(held):
        held = replace(held, implied=home_country(ctx))
    current = held.status not in {"former", "relational"} and held.title.kind != "shadow"
    if "government" in flags and current:
        if unnamed:
            held = replace(held, government=government_of(ctx, held.implied or home_country(ctx)))
        elif j is not None and j.type is EntityType.COUNTRY:
            held = replace(held, government=government_of(ctx, j))
    return held


def relations(
    ctx: Context, held: Held, position: Mention | None, evidence: list[Token] | None = None
) -> Iterator[RelationMention]:
    """The relations a title implies; ``evidence`` the tokens that state them (the title and
    the name, by default)."""
    person, j, kind = held.person, held.jurisdiction, held.title.kind
    tokens = evidence or list(held.title_tokens) + ctx.mention_tokens(person)

    def rel(subject: Mention, predicate: str, obj: Mention, confidence: float) -> RelationMention:
        held_only = predicate not in {"appliesToJurisdiction", "citizenOf"}  # the office's own
        stance = held.stance if held_only else Stance.ASSERTED
        return ctx.relation(subject, predicate, obj, tokens, confidence=confidence, stance=stance)

    now = held.status not in {"former", "relational"}
    sole = now and held.status != "indefinite"
    if position is not None:
        yield rel(person, "positionHeld", position, 0.85)
    if held.nationality is not None:
        yield rel(person, "citizenOf", held.nationality, 0.7)
    if held.implied is not None and position is not None and position.role == "position":
        yield rel(position, "appliesToJurisdiction", held.implied, 0.75)
    if held.government is not None:
        yield rel(person, "worksFor", held.government, 0.7)
    if j is None or held.status == "relational":
        return
    if "party" in held.title.flags and not is_party(j):
        return  # "a candidate for the Senate" is no member of the Senate
    team_place = kind in {"player", "captain"} and j.type not in ORG_TYPES
    if position is not None and position.role == "position" and not is_affiliation(held):
        if not team_place:  # "England captain": the captain of a team, not of the place
            yield rel(position, "appliesToJurisdiction", j, 0.85)
    if (
        j.type is EntityType.COUNTRY
        and (held.from_demonym or kind in STATE_OFFICES)
        and not _destination(ctx, held, j)
    ):
        yield rel(person, "citizenOf", j, 0.6)  # "UK Foreign Secretary", "French President"
    if is_party(j):
        if now or kind == "shadow":
            yield rel(person, "memberOfPoliticalParty", j, 0.75)
        if kind == "leader" and sole:
            yield rel(person, "leaderOf", j, 0.7)
        elif kind == "spokesperson" and now:
            yield rel(person, "spokespersonOf", j, 0.75)
            yield rel(person, "worksFor", j, 0.7)
        return
    if is_affiliation(held):
        if now:
            yield rel(person, "memberOf", j, 0.7)
        return
    if j.type is EntityType.COUNTRY:
        yield from _country_relations(held, j, rel, sole)
        return
    if j.type not in ORG_TYPES:
        return  # "Notts police chief": an office of a place, no organisation to lead
    national = j.name in ctx.notes.get("sports.national_teams", {})  # type: ignore[operator]
    if kind in {"player", "captain"} and not national and other_kind(j.name):
        return  # "the Irish League midfielder", "a Premiership striker": a league, no team
    yield from _organisation_relations(held, j, rel, now, sole)


def _destination(ctx: Context, held: Held, j: Mention) -> bool:
    """Whether the country is where the office is sent ("the ambassador to Cuba", "envoy to
    the UN"): the holder serves there and is no citizen of it."""
    head = ctx.mention_head(j)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head in held.title_tokens


OPPOSITION = "opposition"


def _opposition(held: Held) -> bool:
    """ "South Africa's opposition leader X" leads the opposition, not the country."""
    return any(t.lower_ == OPPOSITION for t in held.title_tokens)


def _country_relations(held: Held, j: Mention, rel, sole: bool) -> Iterator[RelationMention]:  # noqa: ANN001
    person, kind = held.person, held.title.kind
    if kind == "head_of_state" and sole:
        yield rel(j, "headOfState", person, 0.75)
    elif kind == "head_of_government" and sole:
        yield rel(j, "headOfGovernment", person, 0.75)
    elif kind == "leader" and sole and held.title.scope != "org" and not _opposition(held):
        yield rel(person, "leaderOf", j, 0.7)  # "Palestinian leader Mahmoud Abbas"
    elif kind in {"player", "captain"} and not held.from_demonym:
        yield rel(person, "citizenOf", j, 0.6)  # "England midfielder": plays for his country


def _organisation_relations(
    held: Held,
    j: Mention,
    rel,  # noqa: ANN001
    now: bool,
    sole: bool,
) -> Iterator[RelationMention]:
    person, kind = held.person, held.title.kind
    if kind == "founder":
        yield rel(j, "foundedBy", person, 0.75)  # a founder stays one, whatever the status
    elif kind in {"player", "captain"}:
        yield rel(person, "memberOfSportsTeam", j, 0.75)
        if kind == "captain" and sole:
            yield rel(person, "leaderOf", j, 0.7)
    elif kind in LEADER_KINDS:
        if held.portfolio and now:
            yield rel(person, "worksFor", j, 0.7)  # "Siemens finance chief" leads finance only
        elif sole:
            yield rel(person, "leaderOf", j, 0.7)
            if "board" not in held.title.flags:
                yield rel(person, "worksFor", j, 0.75)
        elif now:
            yield rel(person, "memberOf", j, 0.65)  # "a senior Hamas commander"
    elif kind == "spokesperson" and now:
        yield rel(person, "spokespersonOf", j, 0.75)
        yield rel(person, "worksFor", j, 0.75)
    elif kind in {"employee", "deputy", "minister"} and now:
        yield rel(person, "worksFor", j, 0.75)
    elif kind == "member" and now:
        yield rel(person, "memberOf", j, 0.7)
