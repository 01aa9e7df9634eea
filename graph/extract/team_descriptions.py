"""A player described by club or country instead of by name: "the former Arsenal and Real
Madrid striker", "the 24-year-old England midfielder", "the Swedish forward", "the striker".

In an article about a sport (graph/extract/sports.py), such a definite description with a
sports role (a player or captain title of graph/schema/titles.tsv), with no name beside it,
refers to the person the article is about (graph/extract/salience.py) among those it may
fit: people with no office of another kind (a club's chairman is not "the striker"). It
never refers to a subject of its own clause or of a clause above it ("Keane praised the
Ireland midfielder" is someone else). The person is then a member of each team written
before the role (graph/extract/title_facts.py: "former" keeps the membership, a past one is
still a fact), a citizen of a demonym's country, and the description is kept as a
coreference of the person, so that what the clause says of "the striker" is said of him.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract import title_names as names
from graph.extract.context import Context
from graph.extract.salience import dominant_person, person_key
from graph.extract.sports import article_sport, other_kind, roles
from graph.extract.title_facts import Held, relations
from graph.extract.titles import _title_suffix as title_suffix
from graph.lexicon import Title
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.name_variants import known_place

TEAM_KINDS = {"player", "captain"}
TEAM_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
SEPARATORS = {",", "and", "&", "/"}
AGE_WORDS = {"year", "years", "old", "-"}
SKIPPED_TYPES = {EntityType.DATE, EntityType.QUANTITY}
SUBJECTS = {"nsubj", "nsubjpass", "agent"}


def _role(ctx: Context, token: Token) -> tuple[Title, list[Token]] | None:
    """The player or captain title ending at a singular noun ("striker", "fly-half")."""
    if ctx.pos[token.i] not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"}:
        return None
    start = max(ctx.sentence_of(token).start, token.i - 2)
    found = title_suffix(list(token.doc[start : token.i + 1]))
    if found is None or found[0].kind not in TEAM_KINDS or found[1][-1].i != token.i:
        return None
    if "sport" in found[0].flags:
        return None  # a race names many drivers: "the British driver" is not the dominant one
    return found


def _teams_before(ctx: Context, first: Token) -> tuple[list[Mention], str, Mention | None] | None:
    """The teams written between "the" and the role ("the former Arsenal and Real Madrid"),
    "former" when a modifier says so, and the country of a demonym ("the Swedish forward");
    None unless the phrase is definite and names nothing else (no person, no place that may
    not be a team)."""
    doc = ctx.doc
    modifiers = lexicon.title_modifiers()
    teams: list[Mention] = []
    status = ""
    nationality: Mention | None = None
    i = first.i - 1
    while i >= first.sent.start:
        token = doc[i]
        mention = ctx.mention_at(token)
        if token.text[:1].isupper() and lexicon.demonym_country(token.text):
            nationality = nationality or names.demonym_mention(ctx, token)
            i -= 1
            continue
        if mention is not None and mention.type in TEAM_TYPES and mention.name:
            national = mention.name in ctx.notes.get("sports.national_teams", {})
            if not national and other_kind(mention.name):
                return None  # "the Irish League midfielder": a league, no team
            if not teams or teams[0].span != mention.span:
                teams.insert(0, mention)
            i = ctx.mention_tokens(mention)[0].i - 1
            continue
        if mention is not None and mention.type not in SKIPPED_TYPES:
            return None  # "the Leeds winger" with Leeds a city, "the Smith striker"
        low = token.lower_
        if modifiers.get(low) == "former" or modifiers.get(low.rstrip("-")) == "former":
            status = "former"
        elif low == "the" and token.dep_ == "det":
            return teams, status, nationality
        elif not (
            mention is not None
            or low in SEPARATORS
            or low in AGE_WORDS
            or token.like_num
            or (token.pos_ == "ADJ" and token.is_lower)
        ):
            return None
        i -= 1
    return None


def _named_beside(ctx: Context, noun: Token) -> bool:
    """A name next to the role ("the Spain midfielder Xavi", "Xavi, the Spain midfielder"):
    the title extractor relates that name."""
    doc = ctx.doc
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and (m := ctx.mention_at(following)) is not None:
        if m.type is EntityType.PERSON:
            return True
    if noun.dep_ in {"appos", "attr"}:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)  # not ", 32,"


def _bound(ctx: Context, noun: Token, person: Mention) -> bool:
    """Whether the person is named earlier in the description's sentence ("talks with
    O'Neill as the Brazilian midfielder ...": someone else) or is a subject of its clause
    or of one above it ("He said the striker ...")."""
    people = [
        m for m in ctx.mentions if m.type is EntityType.PERSON and m.name and m.antecedent is None
    ]
    key = person_key(people, person)
    sentence = ctx.sentence_index(noun)
    for mention in ctx.mentions:
        if mention.sentence != sentence or mention.end > noun.idx:
            continue
        referent = ctx.referent(mention)
        if referent.type is EntityType.PERSON and referent.name:
            if person_key(people, referent) == key:
                return True
    current = noun
    for _ in range(12):
        for child in current.children:
            if child.dep_ not in SUBJECTS or child.i == noun.i:
                continue
            for token in [child, *(c for c in child.children if c.dep_ == "pobj")]:
                mention = ctx.mention_of(token)
                if mention is None:
                    continue
                referent = ctx.referent(mention)
                if referent.type is EntityType.PERSON and person_key(people, referent) == key:
                    return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _other_club(ctx: Context, person: Mention, teams: list[Mention]) -> bool:
    """Whether the person plays for a club the article names and the description names
    another club (national teams aside: a club player plays for his country too)."""
    national = ctx.notes.get("sports.national_teams", {})
    people = [
        m for m in ctx.mentions if m.type is EntityType.PERSON and m.name and m.antecedent is None
    ]
    key = person_key(people, person)
    clubs = {
        rel.object.name.lower()
        for rel in ctx.notes.get("relations", [])  # type: ignore[attr-defined]
        if rel.predicate == "memberOfSportsTeam"
        and rel.stance is Stance.ASSERTED
        and rel.object.name not in national
        and (subject := ctx.referent(rel.subject)).type is EntityType.PERSON
        and subject.name
        and person_key(people, subject) == key
    }
    named = {t.name.lower() for t in teams if t.name not in national}
    return bool(clubs and named and not named <= clubs)


@extractors.register("team_descriptions", order=34)
def team_descriptions(ctx: Context) -> Iterator[RelationMention]:
    if article_sport(ctx) is None:
        return  # "the Hamas military wing" is no player
    offices = roles(ctx)[0]

    def eligible(key: str) -> bool:
        return key not in offices and not known_place(key)  # "scored for Dortmund": no one

    for noun in ctx.with_pos("NOUN", "PROPN"):
        if ctx.mention_at(noun) is not None:
            continue
        role = _role(ctx, noun)
        if role is None:
            continue
        title, words = role
        found = _teams_before(ctx, words[0])
        if found is None or _named_beside(ctx, noun):
            continue
        teams, status, nationality = found
        person = dominant_person(ctx, noun, eligible)
        if person is None or _bound(ctx, noun, person):
            continue
        if status != "former" and _other_club(ctx, person, teams):
            continue  # "Charlton defender X" is not "the Boro defender"
        description = ctx.add_mention(
            ctx.doc[words[0].i : noun.i + 1],
            EntityType.PERSON,
            name="",
            antecedent=person,
            confidence=0.7,
            role="title",
        )
        if description is None:
            continue
        for team in teams:
            tokens = ctx.doc[ctx.mention_tokens(team)[0].i : noun.i + 1]
            held = Held(description, title, tuple(tokens), jurisdiction=team, status=status)
            yield from relations(ctx, held, None)
        if nationality is not None:
            tokens = ctx.doc[ctx.mention_tokens(nationality)[0].i : noun.i + 1]
            held = Held(description, title, tuple(tokens), nationality=nationality)
            yield from relations(ctx, held, None)  # "the Swedish forward": a citizen of Sweden
