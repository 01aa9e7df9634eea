"""A player's teams and moves between them: "joined Roma from Chelsea", "signed for Bayern",
"his move to Inter Miami", "on loan at Leeds" (asserted), "linked with a move to Barcelona",
"set to join Chelsea", "urged the club to sign X", "interest from Juventus", "a bid for X"
(proposed, never a bare triple), "turned down bids for X" (he is theirs); and the teams a
player plays against ("made his debut against Wales", "scored against Arsenal").

Every way of saying one is a row of graph/schema/transfer_patterns.tsv, compiled and
matched like organisation_patterns.tsv (graph/extract/organisations.py) and given its
stance the same way. The player side takes a person, through a pronoun's or a
description's antecedent, who holds no office in the article (a manager joining a club is
not its player); the team side an organisation the article shows as a team
(graph/extract/sports.py), "the club" through its antecedent. "A move to London" names no
team, and a name that is only an organisation ("signed with Nike") is none either.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Token

from graph.errors import SchemaError
from graph.extract import extractors
from graph.extract.context import Context, conjuncts
from graph.extract.dependency_paths import PathMatcher
from graph.extract.organisations import (
    Pattern,
    _person_noun,
    _side_tokens,
    _stance,
    matcher,
    row_matches,
)
from graph.extract.salience import person_key
from graph.extract.sports import could_be_club, is_team, roles, team_names
from graph.extract.verbs import _subjects as verb_subjects
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.name_variants import known_place

SUBJECT = "@subject"
RELATIONS = ("memberOfSportsTeam", "playsAgainst")
CLUB_HEADS = {"club", "team", "side"}
TABLE = "transfer_patterns.tsv"


@lru_cache(maxsize=1)
def patterns() -> dict[str, Pattern]:
    """The rows of transfer_patterns.tsv as organisation patterns (player the subject, team
    the object); "@subject" is compiled as the cue itself."""
    found = {}
    for name, relation, anchor, pos, player, team, stance, _ in _rows(TABLE, 8):
        if relation not in RELATIONS:
            raise SchemaError(f"{TABLE}: {name}: relation {relation!r} is not one of {RELATIONS}")
        found[name] = Pattern(
            name=name,
            predicate=relation,
            anchor=tuple(anchor.split("|")),
            pos=tuple(pos.split("|")),
            subject="." if player == SUBJECT else player,
            object="." if team == SUBJECT else team,
            also="",
            stance="" if stance == "-" else stance,
            thing="",
            types=frozenset(),
        )
    return found


@lru_cache(maxsize=1)
def _verb_subject_sides() -> dict[str, str]:
    """Row name -> the side ("subject" for the player, "object" for the team) that is the
    cue verb's subject."""
    sides = {}
    for name, _, _, _, player, team, _, _ in _rows(TABLE, 8):
        if player == SUBJECT:
            sides[name] = "subject"
        elif team == SUBJECT:
            sides[name] = "object"
    return sides


@lru_cache(maxsize=1)
def _clubs_allowed() -> frozenset[str]:
    """Rows whose team may be an organisation that can be nothing but a club ("club")."""
    return frozenset(row[0] for row in _rows(TABLE, 8) if row[7] == "club")


def _matches(doc: Doc) -> Iterator[tuple[Pattern, dict[str, Token]]]:
    return row_matches(_matcher(), patterns(), doc)


@lru_cache(maxsize=1)
def _matcher() -> PathMatcher:
    return matcher(patterns())


def _side(
    ctx: Context, pattern: Pattern, tokens: dict[str, Token], role: str
) -> list[tuple[Token, Mention]]:
    """The mentions of one side, its conjuncts included, each taken to its antecedent."""
    anchor = tokens["anchor"]
    passive = [c for c in anchor.children if c.dep_ == "nsubjpass"]
    if _verb_subject_sides().get(pattern.name) == role and role == "subject" and passive:
        # "He was signed from Milan by Gullit": the player is the one signed
        found = [(t, m) for t in passive if (m := ctx.mention_of(t)) is not None]
    elif _verb_subject_sides().get(pattern.name) == role:
        found = verb_subjects(ctx, anchor)
    else:
        found = []
        for token in _side_tokens(tokens[role]):
            for item in conjuncts(token):
                if role == "object" and _person_noun(ctx, item):
                    continue  # "quit as Scotland coach": a coach, not the team his noun names
                mention = ctx.mention_of(item)
                if mention is not None:
                    found.append((item, mention))
        if role == "object" and any(m.type is EntityType.PERSON for _, m in found):
            return []  # "join fellow Springboks Smit, Visagie and Matfield": people, no team
    return [
        (t, ctx.referent(m))
        for t, m in dict(found).items()
        if not (m.role == "description" and m.name.split()[-1].lower() not in CLUB_HEADS)
    ]  # "the club" may be the club the article is about; "the group" is no team


def _as_club(ctx: Context, mention: Mention) -> Mention:
    """The same name typed as the organisation it is ("Bayern Munich" NER took for a place)."""
    retyped = ctx.add_mention(
        (mention.start, mention.end),
        EntityType.ORGANIZATION,
        name=mention.name,
        confidence=0.7,
        extractor=mention.extractor,
        replace=True,
    )
    return retyped or mention


def _after_determiner(ctx: Context, mention: Mention) -> bool:
    """ "the new Maradona": a name after "the" is a likeness, not the person."""
    tokens = ctx.mention_tokens(mention)
    if not tokens or tokens[0].i == 0:
        return False
    i = tokens[0].i - 1
    while i > 0 and ctx.doc[i].pos_ == "ADJ":
        i -= 1
    return ctx.doc[i].lower_ in {"the", "a", "an"} and ctx.doc[i].i < tokens[0].i


def _as_player(ctx: Context, role_verb: Token) -> bool:
    """ "joined Chelsea as technical director": a role other than a player's."""
    for child in role_verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            return False
    return True


@extractors.register("transfers", order=58)
def transfers(ctx: Context) -> Iterator[RelationMention]:
    matched = list(_matches(ctx.doc))
    if not matched:
        return
    teams = team_names(ctx)
    offices, known_players = roles(ctx)
    people = [
        m for m in ctx.mentions if m.type is EntityType.PERSON and m.name and m.antecedent is None
    ]
    for pattern, tokens in matched:
        anchor = tokens["anchor"]
        if not _as_player(ctx, anchor):
            continue
        players = [
            (t, m)
            for t, m in _side(ctx, pattern, tokens, "subject")
            if m.type is EntityType.PERSON
            and m.name
            and person_key(people, m) not in offices
            and not known_place(m.name)
            and not _after_determiner(ctx, m)
        ]
        if not players:
            continue
        # A player the article shows in a team moves to clubs: an organisation that can only
        # be one is one ("Kane, the Tottenham striker, ... joined Bayern Munich").
        shown = any(person_key(people, m) in known_players for _, m in players)
        loose = shown and pattern.name in _clubs_allowed()
        clubs = [
            (t, m)
            for t, m in _side(ctx, pattern, tokens, "object")
            if m.role != "description"  # "a club", "the club" left unresolved: no team
            and (is_team(ctx, m, teams) or (loose and could_be_club(ctx, m)))
        ]
        if not clubs:
            continue
        stance, speaker = _stance(ctx, pattern, anchor)
        if pattern.stance == "presupposed":
            # "rejected a bid for X", "did not leave Y": whatever happens, X is theirs
            stance = Stance.REPORTED if speaker is not None else Stance.ASSERTED
        for p_token, player in players:
            for c_token, club in clubs:
                if club.type is not EntityType.ORGANIZATION:
                    club = _as_club(ctx, club)
                yield ctx.relation(
                    player,
                    pattern.predicate,
                    club,
                    [anchor, p_token, c_token],
                    confidence=0.7,
                    stance=stance,
                    speaker=speaker,
                )
