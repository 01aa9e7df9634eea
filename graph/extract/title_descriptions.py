"""Titles used without a name: "the French President", "the Liberal Democrat leader".

A definite title refers to the most recent holder of that title the article names (kept as
a coreference of the person). With no such holder, a title that names its jurisdiction
("the Tory leader", "the Arsenal manager") is the one person the article has named so far,
when it has named exactly one and recently: "..., said Charles Kennedy. In his New Year
message the Liberal Democrat leader said ..." gives Kennedy the office and what it implies.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.title_facts import position_name, relations, same_person, wants_position
from graph.extract.titles import (
    JURISDICTION_TYPES,
    add_position,
    describe,
    holders,
    of_jurisdiction,
    title_of_noun,
)
from graph.lexicon import Title
from graph.model import EntityType, Mention, RelationMention

DEFINITE = {"the", "this", "that"}
MAX_SENTENCES_BACK = 2
"""How far back the one person named so far may be last mentioned (by name or pronoun)."""


def _description_jurisdiction(ctx: Context, head: Token) -> str | None:
    """The jurisdiction's name in a description: "of X", "X's", a compound name, a demonym."""
    of = of_jurisdiction(ctx, head)
    if of is not None:
        return ctx.referent(of).name
    for child in head.lefts:
        mention = ctx.mention_of(child)
        if child.dep_ in {"poss", "compound", "nmod"} and mention is not None:
            if mention.type in JURISDICTION_TYPES:
                return ctx.referent(mention).name
        if child.dep_ in {"amod", "compound"} and lexicon.demonym_country(child.text):
            return lexicon.demonym_country(child.text)
    return None


def _main_subject(token: Token) -> bool:
    """ "The Tory leader argued ...": the subject of the sentence's main verb, not of a
    clause someone else says or an object ("Blair attacked the Tory leader")."""
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return token.dep_ in {"nsubj", "nsubjpass"} and verb.dep_ == "ROOT"


def _only_person_so_far(ctx: Context, token: Token) -> Mention | None:
    """The one person the article names before ``token``, if it names exactly one, not in
    the title's own sentence, and last mentioned them (by name or pronoun) at most
    MAX_SENTENCES_BACK sentences before."""
    before = [m for m in ctx.mentions if m.type is EntityType.PERSON and m.end <= token.idx]
    named = [m for m in before if m.name and m.antecedent is None]
    if not named or any(not same_person(m, named[0]) for m in named):
        return None
    if named[-1].sentence == ctx.sentence_index(token):
        return None
    last = max(m.sentence for m in before if ctx.referent(m) in named or m in named)
    if ctx.sentence_index(token) - last > MAX_SENTENCES_BACK:
        return None
    return named[-1]


def _untitled_holder(
    ctx: Context, token: Token, title: Title, words: list[Token]
) -> Iterator[RelationMention]:
    """ "the Liberal Democrat leader" as the office of the one person named so far."""
    person = _only_person_so_far(ctx, token) if _main_subject(token) else None
    if person is None or any(same_person(holder, person) for _, _, holder in holders(ctx)):
        return  # no one, or someone whose own titles the article gives
    held = describe(ctx, person, title, words, token.left_edge.i)
    if held is None or held.jurisdiction is None or held.status:
        return
    position = None
    if wants_position(held):
        name = position_name(ctx, held)
        position = add_position(ctx, held, name)
        if position is None:
            return
        holders(ctx).append((held.title.label, name, person))
    evidence = [*ctx.doc[token.left_edge.i : token.i + 1]]
    yield from relations(ctx, held, position, evidence)


@extractors.register("title_descriptions", order=45)
def title_descriptions(ctx: Context) -> Iterator[RelationMention]:
    """ "The French President" / "the Prime Minister" with no name: the most recent holder of
    that title in the article (a coreference), or the one person named so far (the office)."""
    for token in ctx.with_pos("NOUN", "PROPN"):
        if ctx.mention_at(token) is not None:
            continue
        found = title_of_noun(token)
        if found is None or found[1][-1].i != token.i:
            continue
        title, words = found
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            continue
        if any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
            continue  # a title next to a name is handled by `titles`
        where = _description_jurisdiction(ctx, token)
        wanted = f"{title.label} of {where}" if where else None
        for label, known, holder in reversed(holders(ctx)):
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
        else:
            yield from _untitled_holder(ctx, token, title, words)
