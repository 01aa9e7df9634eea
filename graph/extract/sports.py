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
from graph.extract.entity_types import cues
from graph.extract.salience import person_key
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention
from graph.name_variants import known_place

MIN_SCORE = 2
LEAD = 2.0
"""How many times the next sport's score the article's sport must reach."""
TEAM_KINDS = {"player", "captain"}
TEAM_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
TEAM_PREDICATES = {"memberOfSportsTeam", "playsAgainst"}
OFFICE_PREDICATES = {"positionHeld", "leaderOf", "worksFor", "spokespersonOf"}
TEAM_NOUNS = {"squad", "side", "team", "fans", "supporters"}
CLUB_NOUNS = {"club", "side", "outfit", "team"}


@lru_cache(maxsize=1)
def sport_words() -> dict[str, frozenset[str]]:
    """Lower-case word or phrase -> the sports it belongs to."""
    return {
        words.lower(): frozenset(s.strip() for s in sports.split(",") if s.strip())
        for words, sports in _rows("sport_words.tsv", 2)
    }


@lru_cache(maxsize=1)
def _words_pattern() -> re.Pattern[str]:
    """Any sport word as a whole word, the longest that fits where several start alike
    ("premier league" before "premier"). The words go in as a tree of their common
    beginnings, not 160 alternatives each tried at every character (four times slower)."""
    alternatives = _prefix_tree(sorted(sport_words()))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _prefix_tree(words: list[str]) -> str:
    """A regex matching exactly the (lower-case) words, longest first: each character's
    continuations are tried before a word that ends there, so a failed lookahead after the
    longer word falls back to the shorter one, as an alternation sorted by length does."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


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


@lru_cache(maxsize=1)
def club_words() -> frozenset[str]:
    """Last words of clubs' names ("FC", "United", "Rovers"), graph/schema/club_words.txt."""
    return frozenset(row[0].lower() for row in _rows("club_words.txt", 1))


def team_names(ctx: Context) -> set[str]:
    """Lower-case names of the organisations the article shows as teams so far: a player's
    or captain's club ("Leeds winger X"), a side of a fixture, a national team, a name with
    a sports role or team word after it ("Bayern coach", "Bayern fans") or a club noun before
    it ("French club PSG"), and in an article about a sport a name ending in a club word
    ("Leicester City", "Blackburn Rovers")."""
    names = {name.lower() for name in ctx.notes.get("sports.national_teams", {})}
    relations: list[RelationMention] = ctx.notes.get("relations", [])  # type: ignore[assignment]
    for rel in relations:
        if rel.predicate in TEAM_PREDICATES:
            for side in (rel.subject, rel.object):
                if side.type in TEAM_TYPES and side.name:
                    names.add(side.name.lower())
    sport = article_sport(ctx)
    after_words = team_words() | {w for w, t in lexicon.titles().items() if t.kind == "leader"}
    after_words |= TEAM_NOUNS
    for mention in ctx.mentions:
        if mention.type not in TEAM_TYPES or not mention.name or mention.antecedent is not None:
            continue
        tokens = ctx.mention_tokens(mention)
        if not tokens:
            continue
        doc = ctx.doc
        after_i = tokens[-1].i + 1
        if after_i < len(doc) and doc[after_i].tag_ == "POS":
            after_i += 1
        after = doc[after_i] if after_i < len(doc) else None
        before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        cued = (after is not None and after.is_lower and after.lower_ in after_words) or (
            before is not None and before.lower_ in CLUB_NOUNS
        )
        formed = sport is not None and mention.name.split()[-1].lower() in club_words()
        if cued or formed:
            names.add(mention.name.lower())
    return names


def is_team(ctx: Context, mention: Mention, names: set[str] | None = None) -> bool:
    """Whether an organisation mention is one of the article's teams (see team_names); a
    name that begins another team's name is that team ("Bayern" and "Bayern Munich"), unless
    it is a place's ("Manchester")."""
    if not mention.name or not (
        mention.type in TEAM_TYPES
        or (mention.type is EntityType.PLACE and not known_place(mention.name))
    ):
        return False  # a place NER made of a club's name ("Bayern Munich") may be the club
    known = team_names(ctx) if names is None else names
    name = mention.name.lower()
    if name in known:
        return True
    words = name.split()
    if known_place(name):
        return False
    return any(
        (other.split()[: len(words)] == words or words[: len(other.split())] == other.split())
        and not known_place(other)
        for other in known
    )


def could_be_club(ctx: Context, mention: Mention) -> bool:
    """In an article about a sport, an organisation (or a name NER took for a place the
    gazetteer does not know) whose name says it is nothing else: not a
    competition or governing body (a word of sport_words.tsv: "Premier League", "Fifa"), no
    word of another kind of organisation ("Football Association", "Sky Group", "Nike Inc")."""
    if article_sport(ctx) is None or not mention.name:
        return False
    if mention.type not in TEAM_TYPES and not (
        mention.type is EntityType.PLACE and not known_place(mention.name)
    ):
        return False  # a place NER made of a club's name ("Aston Villa") may be the club
    if mention.role == "description":
        return False  # "the club", "the French newspaper": no name of a club
    return not other_kind(mention.name)


def other_kind(name: str) -> bool:
    """Whether a name is a competition's or a governing body's (a phrase of sport_words.tsv:
    "Premier League", "Fifa") or has a word of another kind of organisation or of an event
    (graph/schema/entity_cues.tsv, non_club_words.txt: "Football Association", "Irish League",
    "FA Cup", "Sky Sports", "Nike Inc"); "Bath Rugby" and "Surrey County Cricket Club" are
    clubs."""
    low = name.lower()
    if low in sport_words():
        return True
    return any(word.strip(".,") in _other_kind_words() for word in low.split())


@lru_cache(maxsize=1)
def _other_kind_words() -> frozenset[str]:
    table = cues()
    words = set(table.form) | set(table.legal) | {r[0] for r in _rows("non_club_words.txt", 1)}
    return frozenset(words - club_words())


def roles(ctx: Context) -> tuple[set[str], set[str]]:
    """Keys (graph/extract/salience.person_key) of the people the article gives an office or
    employment so far and never a team (a chairman, a manager, a pundit; not a captain), and
    of those it shows in a team."""
    people = [
        m for m in ctx.mentions if m.type is EntityType.PERSON and m.name and m.antecedent is None
    ]
    offices, players = set(), set()
    relations: list[RelationMention] = ctx.notes.get("relations", [])  # type: ignore[assignment]
    for rel in relations:
        subject = ctx.referent(rel.subject)
        if subject.type is not EntityType.PERSON or not subject.name:
            continue
        key = person_key(people, subject)
        if rel.predicate == "memberOfSportsTeam":
            players.add(key)
        elif rel.predicate in OFFICE_PREDICATES:
            offices.add(key)
    return offices - players, players
