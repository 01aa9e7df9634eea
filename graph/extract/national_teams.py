"""A nation's name used for its team: "England captain X", "England were beaten by Wales",
"the Brazil striker" name the England national rugby union team or the Brazil national
football team, while "come to England" names the country.

In an article whose sport is clear (graph/extract/sports.py), each mention of a nation's
name is read on its own: a sports role or team word after it ("captain", "striker", "squad",
"fans") or a fixture around it ("against Wales", "beat France", "beaten by Wales", "lost to
Italy") makes it the team; a place preposition before it ("in", "to", "from") the country;
a sentence about another grade ("under-21", "women's") leaves the name alone.
A mention with neither follows the others: the team when the article never uses the name as
a place, else the type the article's other evidence gave it. Team mentions are named after
graph/schema/national_teams.tsv, so that the team and the country are two entities; the
name as written stays an alias. An article with no clear sport is left as it is.

Players of a national team are citizens of its nation (the news convention: "England
midfielder X" is English): ``national_team_citizens`` writes that when the article names the
nation as a place too, so that no country is made up from a team's name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.entity_types import cues
from graph.extract.organisations import patterns
from graph.extract.sports import article_sport, nation_of, national_team_name, team_words
from graph.extract.transfers import patterns as transfer_patterns
from graph.model import EntityType, Mention, RelationMention, Stance

NATION_TYPES = {EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.GROUP}
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "to",
    "from",
    "into",
    "across",
    "around",
    "throughout",
    "near",
    "outside",
    "within",
    "inside",
}
LOSING = {"lose", "go"}
"""Verbs whose "to" introduces the other side ("lost to Italy", "went down to Wales")."""
SUBJECT_OBJECT = {"nsubj", "nsubjpass", "dobj"}
OTHER_GRADE = re.compile(r"\b(?:under[- ]?\d\ds?|u-?\d\ds?|women'?s?|youth)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def fixture_verbs() -> frozenset[str]:
    """Verb lemmas of the fixture rows of organisation_patterns.tsv ("beat", "face")."""
    return frozenset(
        lemma
        for p in patterns().values()
        if p.predicate == "playsAgainst" and "VERB" in p.pos
        for lemma in p.anchor
    )


@lru_cache(maxsize=1)
def playing_for() -> frozenset[str]:
    """Cue lemmas of transfer_patterns.tsv whose team is "for" them ("play for", "debut for")."""
    return frozenset(
        lemma
        for p in transfer_patterns().values()
        if p.object == ">prep:for>pobj"
        for lemma in p.anchor
    )


def _after(ctx: Context, last: Token) -> Token | None:
    doc = ctx.doc
    i = last.i + 1
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    return doc[i] if i < len(doc) else None


def _team_word_at(ctx: Context, first: Token) -> bool:
    """A team word or a sports role starts at ``first`` ("captain", "fans", "fly-half")."""
    doc = ctx.doc
    words = [first.lower_]
    if first.i + 2 < len(doc) and doc[first.i + 1].text == "-" and not first.whitespace_:
        words.append(f"{first.lower_}-{doc[first.i + 2].lower_}")  # "fly - half"
    if first.i + 1 < len(doc):
        words.append(f"{first.lower_} {doc[first.i + 1].lower_}")  # "point guard"
    return any(w in cues().team_after or w in team_words() for w in words)


def _reading(ctx: Context, mention: Mention) -> str | None:
    """ "team", "place", "other" (a side of another grade: "the under-19 World Cup", "the
    women's team": not the national team the name stands for) or None for one mention of a
    nation's name."""
    tokens = ctx.mention_tokens(mention)
    if not tokens:
        return None
    if OTHER_GRADE.search(tokens[0].sent.text):
        return "other"
    doc, first, last = ctx.doc, tokens[0], tokens[-1]
    after = _after(ctx, last)
    if after is not None and after.is_lower and _team_word_at(ctx, after):
        return "team"
    before = doc[first.i - 1] if first.i > 0 else None
    head = ctx.mention_head(mention)
    if head.dep_ in SUBJECT_OBJECT and head.head.lemma_.lower() in fixture_verbs():
        return "team"
    if before is not None and before.lower_ != "by" and before.lower_ in cues().team_before:
        return "team"
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "by" and prep.dep_ == "agent":
            return "team" if prep.head.lemma_.lower() in fixture_verbs() else None
        if prep.lower_ == "to" and prep.head.lemma_.lower() in LOSING:
            return "team"
        if prep.lower_ == "for" and prep.head.lemma_.lower() in playing_for():
            return "team"  # "scored for Nigeria", "his debut for Wales"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return "place"
    return None


@extractors.register("national_teams", order=18)
def national_teams(ctx: Context) -> Iterator[RelationMention]:
    sport = article_sport(ctx)
    if sport is None:
        return
    by_nation: dict[str, list[Mention]] = defaultdict(list)
    for mention in ctx.mentions:
        if mention.type not in NATION_TYPES or mention.antecedent is not None:
            continue
        if mention.role == "demonym" or not mention.name:
            continue
        nation = nation_of(mention.name)
        if nation is not None:
            by_nation[nation].append(mention)
    teams: dict[str, str] = ctx.notes.setdefault("sports.national_teams", {})  # type: ignore[assignment]
    for nation, mentions in by_nation.items():
        name = national_team_name(nation, sport)
        if name is None:
            continue
        readings = [_reading(ctx, m) for m in mentions]
        if "team" not in readings and not any(m.type is EntityType.ORGANIZATION for m in mentions):
            continue
        placed = "place" in readings
        for mention, reading in zip(mentions, readings, strict=True):
            team = reading == "team" or (
                reading is None and (not placed or mention.type is EntityType.ORGANIZATION)
            )
            if reading == "other":
                continue
            if team:
                ctx.add_mention(
                    (mention.start, mention.end),
                    EntityType.ORGANIZATION,
                    name=name,
                    confidence=max(mention.confidence, 0.85),
                    extractor=mention.extractor,
                    replace=True,
                )
                teams[name] = nation
            elif mention.type is not EntityType.COUNTRY:  # the nation itself
                ctx.add_mention(
                    (mention.start, mention.end),
                    EntityType.COUNTRY,
                    name=mention.name,
                    confidence=max(mention.confidence, 0.85),
                    extractor=mention.extractor,
                    replace=True,
                )
    yield from ()


@extractors.register("national_team_citizens", order=70)
def national_team_citizens(ctx: Context) -> Iterator[RelationMention]:
    """A player of a national team (asserted or reported) is a citizen of its nation, when
    the article names that nation as a place."""
    teams: dict[str, str] = ctx.notes.get("sports.national_teams", {})  # type: ignore[assignment]
    if not teams:
        return
    places: dict[str, Mention] = {}
    for mention in ctx.mentions:
        if mention.type in {EntityType.COUNTRY, EntityType.PLACE} and mention.antecedent is None:
            nation = nation_of(mention.name) if mention.name else None
            if nation is not None and _reading(ctx, mention) != "other":
                places.setdefault(nation, mention)
    relations: list[RelationMention] = ctx.notes.get("relations", [])  # type: ignore[assignment]
    for rel in list(relations):
        if rel.predicate != "memberOfSportsTeam" or rel.stance not in {
            Stance.ASSERTED,
            Stance.REPORTED,
        }:
            continue
        nation = teams.get(rel.object.name)
        country = places.get(nation) if nation is not None else None
        if country is not None and rel.subject.type is EntityType.PERSON:
            evidence = replace(rel.evidence, extractor=ctx.current)
            yield replace(rel, predicate="citizenOf", object=country, evidence=evidence)
