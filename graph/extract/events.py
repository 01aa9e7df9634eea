"""Events named by nouns ("the summit in Brussels", "talks between Armenia and Azerbaijan",
"an attack on southern Israel, which took place on October 7") become Event mentions with
participant, location, pointInTime and victim relations.

Which nouns name events, which preposition gives which role, which verbs make their subject
a participant ("Iran held talks") and which words of harm give victims live in
graph/schema/event_nouns.tsv, event_roles.tsv, event_verbs.tsv and harm_words.tsv. A role is
used only when the entity's type fits its range in the ontology. The event's name is its
noun phrase without determiner or possessor; events are article-scoped entities (resolve).
Runs before the verb relations so that "signed a trade deal" can relate to the event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context, conjuncts
from graph.extract.stance import stance_of
from graph.extract.values import is_duration
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.vocab import relation_schema

MODIFIERS = {"amod", "compound", "nmod"}
PLACE_AND_TIME = ("location", "pointInTime")
CLAUSE_PREPOSITIONS = {"in", "at", "on", "near"}


def _entities(ctx: Context, tokens: Iterable[Token]) -> list[tuple[Token, Mention]]:
    """The mentions tokens stand for, conjuncts expanded; an unnamed noun is represented by
    its named compound, possessor or count ("Amazon workers", "two officers")."""
    found = []
    for token in tokens:
        for item in conjuncts(token):
            mention = ctx.mention_of(item)
            if mention is None:
                mention = next(
                    (
                        m
                        for c in item.children
                        if c.dep_ in {"compound", "poss", "nummod"}
                        and (m := ctx.mention_of(c)) is not None
                    ),
                    None,
                )
            if mention is not None:
                found.append((item, mention))
    return found


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def is_event_noun(token: Token) -> str | None:
    """The event kind of a noun that names an event, else None."""
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return None
    if token.lower_.endswith("ing") and token.dep_ in {"advcl", "xcomp", "ccomp", "csubj"}:
        return None  # "Meeting in Brussels, ministers agreed": a participle read as a noun
    table = lexicon.event_nouns()
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _event_mention(ctx: Context, noun: Token) -> Mention | None:
    """The noun phrase from its first unnamed modifier to the noun, as an Event mention."""
    existing = ctx.mention_at(noun)
    if existing is not None:
        return existing if existing.type is EntityType.EVENT else None
    start = noun.i
    sentence_start = ctx.sentence_of(noun).start
    while start > sentence_start:
        before = ctx.doc[start - 1]
        if (
            before.dep_ not in MODIFIERS
            or not noun.i >= before.head.i >= start
            or ctx.mention_at(before) is not None
            or before.pos_ in {"DET", "PRON", "NUM"}
            or _clause_verb(before)
        ):
            break
        start -= 1
    return ctx.add_mention(
        ctx.doc[start : noun.i + 1], EntityType.EVENT, confidence=0.6, role="description"
    )


def _clause_verb(token: Token) -> bool:
    """ "The stadium hosted concerts", parsed as "hosted" modifying "concerts": a verb with
    its own subject before it is the clause's verb, no part of the event's name."""
    return token.tag_.startswith("VB") and any(c.i < token.i for c in token.children)


def _own_stance(ctx: Context, noun: Token) -> tuple[Stance, Mention | None]:
    """The stance of what the event noun's own phrase says (place, date, parties): a
    negated governing verb ("did not attend the conference in Geneva") denies taking part,
    not where the conference was; "no talks" and a negated "took place" do deny it."""
    stance, speaker = stance_of(ctx, noun)
    denied_here = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    if stance is Stance.NEGATED and not denied_here and noun.dep_ not in {"nsubj", "nsubjpass"}:
        stance = Stance.REPORTED if speaker is not None else Stance.ASSERTED
    if denied_here:
        stance = Stance.NEGATED
    return stance, speaker


StanceAndSpeaker = tuple[Stance, Mention | None]


class _Emitter:
    """Relations of one event, each (role, entity) once, the role chosen by type."""

    def __init__(self, ctx: Context, event: Mention, kind: str) -> None:
        self.ctx, self.event, self.kind = ctx, event, kind
        self.seen: set[tuple[str, tuple[int, int]]] = set()

    def roles(self, link: str) -> tuple[str, ...]:
        table = lexicon.event_roles()
        return table.get((self.kind, link)) or table.get(("*", link), ())

    def relate(
        self,
        roles: tuple[str, ...],
        targets: list[tuple[Token, Mention]],
        anchor: list[Token],
        stance: StanceAndSpeaker,
        confidence: float = 0.6,
    ) -> Iterator[RelationMention]:
        schema = relation_schema()
        for token, mention in targets:
            target = self.ctx.referent(mention)
            if mention.span == self.event.span:
                continue
            role = next((r for r in roles if target.type.value in schema[r].range), None)
            if role == "pointInTime" and is_duration(target.text):
                continue  # "a three-day visit", "lasted two weeks"
            if role is None or (role, mention.span) in self.seen:
                continue
            self.seen.add((role, mention.span))
            yield self.ctx.relation(
                self.event,
                role,
                mention,
                [*anchor, token],
                confidence=confidence,
                stance=stance[0],
                speaker=stance[1],
            )


def _clause_roles(
    emit: _Emitter, verb: Token, skip: Token, stance: StanceAndSpeaker
) -> Iterator[RelationMention]:
    """Place and date phrases of a verb that reports the event ("took place on October 7",
    "held talks in Moscow"), except the phrase holding the event itself."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in CLAUSE_PREPOSITIONS or prep.i == skip.i:
            continue
        roles = tuple(r for r in emit.roles(prep.lower_) if r in PLACE_AND_TIME)
        yield from emit.relate(roles, _entities(emit.ctx, _pobjs(prep)), [verb, prep], stance)
    for child in verb.children:  # "Tuesday" as a bare noun phrase; not "a week" (a length)
        if child.dep_ == "npadvmod" and child.pos_ in {"PROPN", "NUM"}:
            if (m := emit.ctx.mention_at(child)) is not None:
                yield from emit.relate(("pointInTime",), [(child, m)], [verb], stance)


def _harmed(ctx: Context, verb: Token) -> list[tuple[Token, Mention]]:
    """Who a harm verb's clause says was harmed: its object, or its passive/intransitive
    subject ("nine people died", "two soldiers were killed")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects and verb.lemma_.lower() == "die":
        objects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [(t, m) for t, m in _entities(ctx, objects) if _is_victim(m)]


def _is_victim(mention: Mention) -> bool:
    return mention.type in {EntityType.PERSON, EntityType.GROUP, EntityType.QUANTITY}


def _harm(token: Token) -> bool:
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_
    return (token.lemma_.lower(), pos) in lexicon.harm_words()


@extractors.register("events", order=55)
def events(ctx: Context) -> Iterator[RelationMention]:
    for noun in ctx.with_pos("NOUN"):
        kind = is_event_noun(noun)
        if kind is None:
            continue
        event = _event_mention(ctx, noun)
        if event is None:
            continue
        yield from _roles(ctx, noun, event, kind)


def _roles(ctx: Context, noun: Token, event: Mention, kind: str) -> Iterator[RelationMention]:
    emit = _Emitter(ctx, event, kind)
    own = _own_stance(ctx, noun)
    # The noun's own phrase: "talks with X in Y on Z", "X's visit", "the Hamas attack".
    for child in noun.children:
        if child.dep_ == "prep":
            targets = _entities(ctx, _pobjs(child))
            yield from emit.relate(emit.roles(child.lower_), targets, [noun, child], own)
            for pobj in _pobjs(child):  # "talks with the Taliban in Doha": Doha is the talks'
                for inner in (c for c in pobj.children if c.dep_ == "prep"):
                    if inner.lower_ in CLAUSE_PREPOSITIONS:
                        roles = tuple(r for r in emit.roles(inner.lower_) if r in PLACE_AND_TIME)
                        found = _entities(ctx, _pobjs(inner))
                        yield from emit.relate(roles, found, [noun, inner], own, confidence=0.5)
        elif child.dep_ == "poss" or (child.dep_ in MODIFIERS and ctx.mention_at(child)):
            link = "poss" if child.dep_ == "poss" else "compound"
            yield from emit.relate(emit.roles(link), _entities(ctx, [child]), [noun], own)
    # A light verb: "Iran held talks", "Biden attended the summit", "took part in the race".
    verb, via = _governing_verb(noun)
    if verb is not None and (verb.lemma_.lower(), via) in lexicon.event_verbs():
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        taking_part = stance_of(ctx, verb)
        yield from emit.relate(emit.roles("subject"), _entities(ctx, subjects), [verb], taking_part)
        for prep in verb.children:  # "signed a deal with India": the parser's attachment
            if prep.dep_ == "prep" and prep.lower_ in {"with", "between", "among"}:
                found = _entities(ctx, _pobjs(prep))
                yield from emit.relate(emit.roles(prep.lower_), found, [verb, prep], taking_part)
        yield from _clause_roles(emit, verb, noun.head if via else noun, own)
    # The event as the subject of a clause: "the summit took place in Rome", "the attack,
    # which took place on October 7", "the earthquake killed 50,000 people".
    for clause in _clauses_about(noun):
        yield from _clause_roles(emit, clause, noun, own)
        if _harm(clause):
            yield from emit.relate(("victim",), _harmed(ctx, clause), [clause], own)
    # Harm in the event: "nine people died in a bombing", "the loss of thirty citizens in
    # an attack".
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and _harm(noun.head.head):
        harm = noun.head.head
        if harm.pos_ == "NOUN":
            victims = [
                p for c in harm.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)
            ]
            harmed = [(t, m) for t, m in _entities(ctx, victims) if _is_victim(m)]
        else:
            harmed = _harmed(ctx, harm)
            yield from _clause_roles(emit, harm, noun.head, own)
        yield from emit.relate(("victim",), harmed, [harm], own)


def _governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb whose object the event noun is, and the preposition between ("" if none)."""
    if noun.dep_ == "dobj":
        return noun.head, ""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head, noun.head.lower_
    if noun.dep_ == "conj":
        return _governing_verb(noun.head)
    return None, ""


def _clauses_about(noun: Token) -> list[Token]:
    """Verbs the event noun is the subject of, directly or through a relative clause."""
    found = []
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
        found.append(noun.head)
    for child in noun.children:
        if child.dep_ == "relcl" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in child.children
        ):
            found.append(child)
        elif child.dep_ == "acl" and child.tag_ in {"VBG", "VBN"}:
            found.append(child)  # "an attack killing twelve", "a summit held in Rome"
    return found
