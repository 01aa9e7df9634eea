"""What the sports extractors share: the sport an article is about, the nations that field
teams, and whether an organisation is a team in the article.

The sport comes from the article's own words (graph/schema/sport_words.tsv): each word found
counts for the sports it belongs to, twice when it belongs to one sport only, and the sport
clearly ahead (at least two points and twice the next) is the article's. An article with no
clear sport gets none, and what depends on the sport (a national team's name) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph import lexicon
from graph.extract.context import Context
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention

MIN_SCORE = 2
LEAD = 2.0
"""How many times the next sport's score the article's sport must reach."""
TEAM_KINDS = {"player", "captain"}
TEAM_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
TEAM_PREDICATES = {"memberOfSportsTeam", "playsAgainst"}


@lru_cache(maxsize=1)
def sport_words() -> dict[str, frozenset[str]]:
    """Lower-case word or phrase -> the sports it belongs to."""
    return {
        words.lower(): frozenset(s.strip() for s in sports.split(",") if s.strip())
        for words, sports in _rows("sport_words.tsv", 2)
    }


@lru_cache(maxsize=1)
def _words_pattern() -> re.Pattern[str]:
    ordered = sorted(sport_words(), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def sport_scores(text: str) -> Counter[str]:
    """Each sport's score in a text: its distinct words, a word of one sport counting twice."""
    found = {m.group().lower() for m in _words_pattern().finditer(text)}
    scores: Counter[str] = Counter()
    for words in found:
        sports = sport_words()[words]
        for sport in sports:
            scores[sport] += 2 if len(sports) == 1 else 1
    return scores


def sport_of_text(text: str) -> str | None:
    """The sport a text is clearly about, or None."""
    ranked = sport_scores(text).most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) == 2 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def article_sport(ctx: Context) -> str | None:
    """The sport of the article being read (computed once)."""
    if "sports.sport" not in ctx.notes:
        ctx.notes["sports.sport"] = sport_of_text(ctx.text)
    return ctx.notes["sports.sport"]  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _sport_nations() -> dict[str, str]:
    return {name.lower(): nation for name, nation in _rows("sport_nations.tsv", 2)}


@lru_cache(maxsize=1)
def _team_names() -> dict[str, str]:
    return {sport: pattern for sport, pattern in _rows("national_teams.tsv", 2)}


def nation_of(name: str) -> str | None:
    """The nation a name stands for when it names a national side ("England", "Holland" ->
    Netherlands), or None."""
    return _sport_nations().get(name.lower()) or lexicon.country_name(name)


def national_team_name(nation: str, sport: str) -> str | None:
    """ "England national football team"; None for a sport with no national teams."""
    pattern = _team_names().get(sport)
    return pattern.replace("{nation}", nation) if pattern else None


def team_words() -> frozenset[str]:
    """One-word sports roles of graph/schema/titles.tsv: "striker", "captain", "fly-half"."""
    return frozenset(w for w, t in lexicon.titles().items() if t.kind in TEAM_KINDS)


def teams_in(ctx: Context) -> set[str]:
    """Lower-case names of the organisations the article shows as teams so far: a player's
    or captain's club ("Leeds winger X"), a side of a fixture."""
    relations: list[RelationMention] = ctx.notes.get("relations", [])  # type: ignore[assignment]
    names = set()
    for rel in relations:
        if rel.predicate not in TEAM_PREDICATES:
            continue
        for side in (rel.subject, rel.object):
            if side.type in TEAM_TYPES and side.name:
                names.add(side.name.lower())
    return names


def is_team(ctx: Context, mention: Mention) -> bool:
    """Whether an organisation mention is a team of the article: shown as one by a title or
    a fixture, or named as a national side in a sports article."""
    if mention.type not in TEAM_TYPES or not mention.name:
        return False
    return mention.name.lower() in teams_in(ctx) or mention.name in ctx.notes.get(
        "sports.national_teams", {}
    )
