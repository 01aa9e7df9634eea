"""Killings told by nouns (graph/schema/killing_nouns.tsv), where no verb says who killed whom:
- the killer named by what they did: "Lincoln's assassin John Wilkes Booth", "King assassin
  James Earl Ray", "Ray, the killer of Martin Luther King", "Czolgosz was the assassin of
  McKinley";
- the killing: "the assassination of Franz Ferdinand by Gavrilo Princip", "Booth's murder of
  Lincoln", and who was convicted of it or charged with it ("Sirhan was convicted of
  Kennedy's killing": asserted; "X was charged with the murder of Y": reported), also
  with a killing verb ("Amir was convicted of assassinating Rabin").
A description is asserted unless a modifier says otherwise ("the alleged killer": reported;
"the would-be assassin": negated); the killing takes the stance of its clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from graph.extract import extractors
from graph.extract.affiliations import _named, _nouns_of
from graph.extract.context import Context, conjuncts
from graph.extract.stance import stance_of, undone
from graph.extract.verbs import _fits
from graph.lexicon import _rows, killing_nouns
from graph.model import EntityType, Mention, RelationMention, Stance

PREDICATE = "kills"


def _kind(token: Token) -> str:
    return killing_nouns().get(token.lemma_.lower(), killing_nouns().get(token.lower_, ("", "")))[0]


def _people(ctx: Context, tokens: list[Token]) -> list[tuple[Token, Mention]]:
    found = []
    for token in tokens:
        for t in conjuncts(token):
            mention = ctx.mention_of(t)
            if mention is not None and mention.type is EntityType.PERSON and _named(mention):
                found.append((t, mention))
    return found


def _of(noun: Token) -> list[Token]:
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _modifier_stance(ctx: Context, noun: Token) -> Stance:
    """The stance a word right before the noun gives ("alleged", "would-be")."""
    words = ctx.text[max(0, noun.idx - 20) : noun.idx].lower().split()
    word = words[-1].strip(",") if words else ""
    kind, effect = killing_nouns().get(word, ("", ""))
    if kind == "modifier":
        return Stance(effect)
    return Stance.ASSERTED


def _victims_of_agent(ctx: Context, noun: Token, head: Token) -> list[tuple[Token, Mention]]:
    """Whom the killer killed: the noun's possessor or name modifier ("King assassin"), its
    "of", or the possessor of the name the noun stands before ("McKinley's assassin X")."""
    tokens = [c for c in noun.children if c.dep_ in {"poss", "compound"}] + _of(noun)
    if noun.head.i == head.i and noun.i < head.i:
        # "McKinley's assassin X", "John F. Kennedy assassin X" (the parser hangs both names on X)
        tokens += [c for c in head.children if c.dep_ in {"poss", "compound"} and c.i < noun.i]
    return _people(ctx, tokens)


def _described_by(head: Token) -> list[Token]:
    """The nouns that describe a name: those of ``_nouns_of`` and the noun the name stands in
    apposition to ("Rabin's killer, Yigal Amir, is serving ...": the parser hangs the name on
    the noun)."""
    nouns = _nouns_of(head)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    return nouns


def _agents(ctx: Context, mention: Mention) -> Iterator[RelationMention]:
    head = ctx.mention_head(mention)
    for noun in _described_by(head):
        if _kind(noun) != "agent":
            continue
        stance = _modifier_stance(ctx, noun)
        for token, victim in _victims_of_agent(ctx, noun, head):
            if victim.span != mention.span and _fits(PREDICATE, mention, victim):
                yield ctx.relation(
                    mention, PREDICATE, victim, [head, noun, token], confidence=0.7, stance=stance
                )


def _named_after_victim(ctx: Context, noun: Token) -> Iterator[RelationMention]:
    """ "The alleged killer of Jo Cox, Thomas Mair, appeared": the parser hangs the killer's
    name on the victim's. Only a name in apposition to a name: in "the killer of the MP,
    Jo Cox" the name is the victim's own."""
    for victim_token, victim in _people(ctx, _of(noun)):
        if ctx.mention_at(victim_token) is None:
            continue  # the victim is a noun ("the MP"): its appositive names it
        for child in victim_token.children:
            killer = ctx.mention_at(child) if child.dep_ == "appos" else None
            if (
                killer is not None
                and killer.type is EntityType.PERSON
                and _named(killer)
                and killer.span != victim.span
            ):
                yield ctx.relation(
                    killer,
                    PREDICATE,
                    victim,
                    [child, noun, victim_token],
                    confidence=0.65,
                    stance=_modifier_stance(ctx, noun),
                )


def _killers_of_event(ctx: Context, noun: Token) -> list[tuple[Token, Mention]]:
    """Who did it: the noun's possessor, or a "by" in the noun's phrase (the parser may hang
    it on the victim: "the assassination of Franz Ferdinand by Gavrilo Princip")."""
    tokens = [c for c in noun.children if c.dep_ == "poss"]
    tokens += [
        p
        for t in noun.subtree
        if t.dep_ in {"prep", "agent"} and t.lower_ == "by"
        for p in t.children
        if p.dep_ == "pobj"
    ]
    return _people(ctx, tokens)


VERDICT_PREPOSITIONS = {"of", "with", "for"}


def _verdict(ctx: Context, noun: Token) -> tuple[Token, list[Token], Stance] | None:
    """(verb, killer tokens, stance) when the killing is what someone is convicted of,
    charged with ...: "Sirhan was convicted of Kennedy's killing", "a jury convicted Ray of
    the murder of King" (the parser may hang the "of" on the object)."""
    prep = noun.head
    if noun.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in VERDICT_PREPOSITIONS:
        return None
    verb, killers = prep.head, []
    if verb.pos_ in {"PROPN", "NOUN"} and verb.dep_ == "dobj":
        verb, killers = verb.head, [verb]
    kind, effect = killing_nouns().get(verb.lemma_.lower(), ("", ""))
    if kind != "verdict":
        return None
    links = {"nsubjpass"} if any(c.dep_ == "auxpass" for c in verb.children) else {"dobj"}
    killers = killers or [c for c in verb.children if c.dep_ in links]
    if not killers and verb.dep_ == "acl":  # "Godse, the man convicted of killing Gandhi"
        described = verb.head
        killers = [described.head if described.dep_ == "appos" else described]
    return verb, killers, Stance(effect)


def _verdict_people(
    ctx: Context, verdict: Token, tokens: list[Token]
) -> list[tuple[Token, Mention]]:
    """The people a verdict is on; a participle on a name is on that name alone, not on
    the names listed with it ("Chapman, convicted of killing Lennon; and Winans, ...")."""
    found = _people(ctx, tokens)
    return [(t, m) for t, m in found if t in tokens] if verdict.dep_ == "acl" else found


def _events(ctx: Context, noun: Token) -> Iterator[RelationMention]:
    victims = _people(ctx, _of(noun))
    anchor, modified = noun, _modifier_stance(ctx, noun)
    verdict = _verdict(ctx, noun)
    if verdict is not None:  # the one convicted is the killer, a possessor the victim
        anchor, tokens, modified = verdict
        killers = _verdict_people(ctx, anchor, tokens)
        victims = victims or _people(ctx, [c for c in noun.children if c.dep_ == "poss"])
    else:
        killers = _killers_of_event(ctx, noun)
    yield from _written(ctx, killers, victims, anchor, noun, modified)


@lru_cache(maxsize=1)
def killing_verbs() -> frozenset[str]:
    """Verbs whose object is the victim after a verdict ("convicted of murdering Y"), from
    graph/schema/killing_verbs.txt."""
    return frozenset(row[0] for row in _rows("killing_verbs.txt", 1))


def _gerunds(ctx: Context, verb: Token) -> Iterator[RelationMention]:
    """ "Amir was convicted of assassinating Rabin", "X was charged with murdering Y": a
    killing verb after a verdict's preposition, its object the victim."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.lemma_.lower() not in killing_verbs():
        return
    verdict = _verdict(ctx, verb)
    if verdict is None:
        return
    anchor, tokens, modified = verdict
    victims = _people(ctx, [c for c in verb.children if c.dep_ == "dobj"])
    yield from _written(ctx, _verdict_people(ctx, anchor, tokens), victims, anchor, verb, modified)


def _written(
    ctx: Context,
    killers: list[tuple[Token, Mention]],
    victims: list[tuple[Token, Mention]],
    anchor: Token,
    noun: Token,
    modified: Stance,
) -> Iterator[RelationMention]:
    """kills from each killer to each victim, in the stance of the anchor's clause."""
    if not victims or not killers:
        return
    stance, speaker = stance_of(ctx, anchor)
    if stance in {Stance.ASSERTED, Stance.REPORTED}:
        stance = undone(anchor) or stance
    if modified is not Stance.ASSERTED and stance is Stance.ASSERTED:
        stance = modified
    for k_token, killer in killers:
        for v_token, victim in victims:
            if killer.span != victim.span and _fits(PREDICATE, killer, victim):
                yield ctx.relation(
                    killer,
                    PREDICATE,
                    victim,
                    [k_token, anchor, noun, v_token],
                    confidence=0.7,
                    stance=stance,
                    speaker=speaker,
                )


@extractors.register("killings", order=63)
def killings(ctx: Context) -> Iterator[RelationMention]:
    """kills from "Lincoln's assassin Booth", "the assassination of X by Y"."""
    for mention in list(ctx.mentions):
        if mention.type is EntityType.PERSON and _named(mention) and ctx.mention_tokens(mention):
            yield from _agents(ctx, mention)
    for noun in ctx.with_pos("NOUN", "VERB"):
        kind = _kind(noun) if ctx.pos[noun.i] == "NOUN" else ""
        if kind == "agent":
            yield from _named_after_victim(ctx, noun)
        elif kind == "event":
            yield from _events(ctx, noun)
        elif ctx.pos[noun.i] == "VERB":
            yield from _gerunds(ctx, noun)
