"""Informal headship words as the office they stand for: "Euronext chief Jean-Francois
Theodore" is Euronext's chief executive, "Liverpool boss Rafael Benitez" its manager.

The office is the formal title the article gives the same person elsewhere ("Notts police
chief Steve Green ... chief constable Green"); otherwise the usual head office of the kind
of organisation the article shows it to be (graph/schema/title_senses.tsv,
graph/schema/organisation_kinds.tsv). With neither, the word stays informal: leaderOf, no
Position ("UN chief", "Fed chief" and "police chief" name other offices).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from graph import lexicon
from graph.extract.context import Context
from graph.extract.title_facts import Held, is_party, same_person
from graph.lexicon import Title, _rows
from graph.model import EntityType, Mention

ORG_TYPES = {EntityType.ORGANIZATION, EntityType.GROUP}
TEAM_KINDS = {"player", "captain"}


@lru_cache(maxsize=1)
def senses() -> dict[tuple[str, str], str]:
    """(informal word, organisation kind) -> the office's title words."""
    return {(word, kind): office for word, kind, office in _rows("title_senses.tsv", 3)}


@lru_cache(maxsize=1)
def kind_cues() -> dict[tuple[str, str], str]:
    """(cue word, where) -> organisation kind, from organisation_kinds.tsv."""
    return {(word, where): kind for word, where, kind in _rows("organisation_kinds.tsv", 3)}


def _cue(token: object, where: str) -> str | None:
    cues = kind_cues()
    return cues.get((token.lower_, where)) or cues.get((token.lemma_.lower(), where))  # type: ignore[attr-defined]


def _kinds_of_mention(ctx: Context, mention: Mention) -> set[str]:
    """The kinds one mention's own words and neighbours give its organisation."""
    cues = kind_cues()
    kinds = {cues[(w, "name")] for w in mention.name.lower().split() if (w, "name") in cues}
    tokens = ctx.mention_tokens(mention)
    head = ctx.mention_head(mention)
    before = [c for c in head.children if c.dep_ == "appos"]
    if tokens[0].i > 0:
        before.append(ctx.doc[tokens[0].i - 1])
    if head.dep_ == "appos":
        before.append(head.head)
    kinds |= {kind for t in before if t.pos_ == "NOUN" and (kind := _cue(t, "before"))}
    after = []
    if head.dep_ in {"compound", "poss"} and head.head.i > head.i:
        after.append(head.head)
    if head.dep_ == "pobj" and head.head.lower_ in {"in", "of"}:
        after.append(head.head.head)
    kinds |= {kind for t in after if t.pos_ == "NOUN" and (kind := _cue(t, "after"))}
    return kinds


def organisation_kind(ctx: Context, organisation: Mention, found: list[Held]) -> str | None:
    """ "company", "club" ...: what the article shows a named organisation to be, when it
    shows one kind only."""
    name = organisation.name.lower()
    kinds = {
        "club"
        for held in found
        if held.title.kind in TEAM_KINDS
        and held.jurisdiction is not None
        and held.jurisdiction.name.lower() == name
    }
    for mention in ctx.mentions:
        if mention.name.lower() == name and mention.type is not EntityType.PERSON:
            kinds |= _kinds_of_mention(ctx, mention)
    return next(iter(kinds)) if len(kinds) == 1 else None


def _formal_elsewhere(held: Held, found: list[Held], informal: set[str]) -> Title | None:
    """The head office the article gives the same person by name ("chief constable Green")."""
    for other in found:
        title = other.title
        if (
            other is held
            or not same_person(other.person, held.person)
            or title.kind != "leader"
            or title.words in informal
            or "role" in title.flags
            or other.portfolio
            or other.status in {"relational", "indefinite"}
        ):
            continue
        if other.jurisdiction is None or other.jurisdiction.name == held.jurisdiction.name:  # type: ignore[union-attr]
            return title
    return None


def usual_office(
    ctx: Context, title: Title, organisation: Mention, found: list[Held]
) -> Title | None:
    """The office an informal word stands for in an organisation of the kind the article
    shows ("chief" of a company: its chief executive); None when the word is not informal
    or the kind is unknown."""
    if organisation.type not in ORG_TYPES:
        return None
    office = senses().get((title.words, organisation_kind(ctx, organisation, found) or ""))
    return lexicon.titles().get(office) if office else None


def formal_titles(ctx: Context, found: list[Held]) -> list[Held]:
    """Every informal headship word after an organisation's name replaced by its office."""
    informal = {word for word, _ in senses()}
    out = []
    for held in found:
        j = held.jurisdiction
        if (
            held.title.words in informal
            and not held.portfolio
            and held.status != "relational"
            and j is not None
            and j.type in ORG_TYPES
            and not is_party(j)
        ):
            title = _formal_elsewhere(held, found, informal) or usual_office(
                ctx, held.title, j, found
            )
            if title is not None:
                held = replace(held, title=title)
        out.append(held)
    return out
