"""Pronoun coreference: he/his/she/her -> a person, its/they/their -> an organisation or
group, chosen by recency and syntactic prominence (a subject beats a deeply embedded noun).
Each resolution is kept as a mention with an antecedent, so it is evidence in the graph."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph.extract import extractors
from graph.extract.context import Context
from graph.model import EntityType, Mention, RelationMention

PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
COLLECTIVE = {"its", "itself", "they", "them", "their", "theirs", "themselves"}
MAX_SENTENCES_BACK = 2


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _head_token(ctx: Context, mention: Mention) -> Token:
    return min(ctx.mention_tokens(mention), key=_depth)


def _antecedent(ctx: Context, pronoun: Token, types: set[EntityType]) -> Mention | None:
    here = ctx.sentence_index(pronoun)
    best: tuple[tuple[int, int, bool, int], Mention] | None = None
    for mention in ctx.mentions_before(pronoun, types):
        distance = here - mention.sentence
        if distance > MAX_SENTENCES_BACK:
            break
        if mention.role == "pronoun" and mention.antecedent is None:
            continue
        head = _head_token(ctx, mention)
        if head.dep_ == "poss" and head.head.i == pronoun.i:
            continue
        score = (distance, _depth(head), head.dep_ not in {"nsubj", "nsubjpass"}, -mention.start)
        if best is None or score < best[0]:
            best = (score, mention)
    return best[1] if best else None


@extractors.register("pronouns", order=26)
def pronouns(ctx: Context) -> Iterator[RelationMention]:
    for token in ctx.doc:
        word = token.lower_
        if token.pos_ != "PRON" and token.tag_ not in {"PRP", "PRP$"}:
            continue
        if word in PERSONAL:
            types = {EntityType.PERSON}
        elif word in COLLECTIVE:
            types = {EntityType.ORGANIZATION, EntityType.GROUP, EntityType.COUNTRY}
        else:
            continue
        antecedent = _antecedent(ctx, token, types)
        if antecedent is None:
            continue
        ctx.add_mention(
            token, antecedent.type, name="", antecedent=antecedent, confidence=0.65, role="pronoun"
        )
    yield from ()
