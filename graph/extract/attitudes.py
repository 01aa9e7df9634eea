"""Attitudes said through a frame rather than a verb of attitude: a demand whose content is
an act on someone ("called for the resignation of X", "urged the board to sack X", "demanded
that X step down": opposes X; "urged Arsenal to sign X": supports X), and a labelling verb
with a verdict ("called X's decision a mistake", "described X as reckless": criticises X).
The words are in graph/schema/attitude_frames.tsv; arguments are found as for verbs
(graph.extract.verbs), and the stance is the demanding or labelling word's.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.nominals import _owner
from graph.extract.organisations import _past
from graph.extract.stance import COARSE, stance_of
from graph.extract.verbs import _controllers, _fits, _mentions, _subjects
from graph.model import EntityType, Mention, RelationMention, Stance

CLAUSES = {"xcomp", "ccomp", "advcl", "acl"}
COPULAS = {"be", "seem", "prove", "look", "remain"}
NOT_JUDGED = {"it", "this", "that", "these", "those", "which", "what", "there", "who"}
"""Subjects too vague to be the one a verdict is about ("it was a mistake to ...")."""
PATIENTS = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GROUP}
VERDICT_LINKS = {"oprd", "attr", "acomp", "xcomp", "ccomp", "dobj"}
NOT_EMPLOYERS = {EntityType.PERSON, EntityType.COUNTRY, EntityType.GROUP}


@lru_cache(maxsize=1)
def _frame_openings() -> frozenset[str]:
    """Each frame word and what stands before each of its spaces ("step" of "step down"): a
    lemma that is none of them has no frame, with a particle or without."""
    words = {word for word, _ in lexicon.attitude_frames()}
    return frozenset(words | {w[:i] for w in words for i, c in enumerate(w) if c == " "})


def _roles(token: Token) -> dict[str, str]:
    """The frame roles of a word, a verb with its particle first ("step down")."""
    table = lexicon.attitude_frames()
    lemma = token.lemma_.lower()
    if lemma not in _frame_openings():
        return {}
    pos = COARSE.get(token.pos_, token.pos_)
    for particle in (c for c in token.children if c.dep_ == "prt"):
        if (roles := table.get((f"{lemma} {particle.lower_}", pos))) is not None:
            return roles
    return table.get((lemma, pos), {})


def _state(token: Token) -> tuple[str, Token] | None:
    """(predicate, preposition) of an adjective said of a subject with its preposition ("is
    critical of", "are opposed to", where the parser may call "opposed" a verb)."""
    if token.dep_ not in {"acomp", "oprd"} or token.pos_ not in {"ADJ", "VERB"}:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep"):
        roles = lexicon.attitude_frames().get((f"{token.lower_} {prep.lower_}", "ADJ"), {})
        if "state" in roles:
            return roles["state"], prep
    return None


@extractors.register("attitudes", order=61)
def attitudes(ctx: Context) -> Iterator[RelationMention]:
    openings = _frame_openings()
    for token, lemma in zip(ctx.tokens, ctx.lemmas, strict=True):
        roles = _roles(token) if lemma in openings else {}
        if "act" in roles or "act-by" in roles:
            yield from _demanded(ctx, token, roles)
        if "label" in roles:
            yield from _labelled(ctx, token)
        holder = roles.get("holder") or roles.get("holder-of")
        if holder and token.pos_ == "NOUN" and not _past(token):
            yield from _holder_noun(ctx, token, holder, "holder-of" not in roles)
        if (state := _state(token)) is not None:
            yield from _stated(ctx, token, *state)
        if "verdict" in roles or "fault" in roles:
            yield from _judged(ctx, token, roles)


def _related(
    ctx: Context,
    holders: list[tuple[Token, Mention]],
    predicate: str,
    targets: list[tuple[Token, Mention]],
    anchors: tuple[Token, ...],
    stance: Stance,
    speaker: Mention | None,
) -> Iterator[RelationMention]:
    """Each holder's attitude to each target it fits, the anchors (the noun, verb or
    adjective that says it) in the evidence."""
    for h_token, holder in holders:
        for t_token, target in targets:
            if ctx.referent(holder).span == ctx.referent(target).span:
                continue
            if _fits(predicate, holder, target):
                yield ctx.relation(
                    holder,
                    predicate,
                    target,
                    [h_token, *anchors, t_token],
                    confidence=0.6,
                    stance=stance,
                    speaker=speaker,
                )


# ---- holders and states -------------------------------------------------------------
def _holder_noun(
    ctx: Context, noun: Token, predicate: str, modifiers: bool
) -> Iterator[RelationMention]:
    """ "X, a critic of Y", "X is a supporter of Y"; with ``modifiers`` also "X, Y's fiercest
    critic", "Y's critic X" and "Putin critic X" (a person's name before the noun only)."""
    of = [
        p
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if not of and not modifiers:
        return
    if of:
        targets = _mentions(ctx, of, "stance")
    else:
        # "The Guardian's critic X", "Guardian critic X" write for the Guardian: a name or
        # possessor before the noun is the target only when it cannot be an employer
        possessors = _mentions(ctx, [c for c in noun.children if c.dep_ == "poss"], "stance")
        targets = [(t, m) for t, m in possessors if m.type in NOT_EMPLOYERS]
    if not targets and noun.dep_ == "compound" and ctx.mention_at(noun.head) is not None:
        named = _mentions(ctx, [c for c in noun.children if c.dep_ == "compound"], "stance")
        targets = [(t, m) for t, m in named if m.type is EntityType.PERSON]
    if not targets:
        return
    if noun.dep_ == "appos":
        holders = _mentions(ctx, [noun.head], "subject")
    elif noun.dep_ == "compound":
        holders = _mentions(ctx, [noun.head], "subject")
    elif noun.dep_ == "attr":
        holders = _subjects(ctx, noun.head)
    else:
        holders = _mentions(ctx, [c for c in noun.children if c.dep_ == "appos"], "subject")
    holders = [(t, m) for t, m in holders if ctx.mention_at(t) is m]  # a name, not the noun
    if noun.dep_ == "attr":
        stance, speaker = stance_of(ctx, noun.head)
    else:
        stance, speaker = _presupposed(ctx, noun)
    yield from _related(ctx, holders, predicate, targets, (noun,), stance, speaker)


def _stated(
    ctx: Context, adjective: Token, predicate: str, prep: Token
) -> Iterator[RelationMention]:
    """ "Amnesty is highly critical of Saudi Arabia", "the Tories are opposed to Labour"."""
    targets = _mentions(ctx, [p for p in prep.children if p.dep_ == "pobj"], "stance")
    holders = _subjects(ctx, adjective.head)
    stance, speaker = stance_of(ctx, adjective.head)
    yield from _related(ctx, holders, predicate, targets, (adjective,), stance, speaker)


def _presupposed(ctx: Context, noun: Token) -> tuple[Stance, Mention | None]:
    """A noun phrase's attitude holds whatever its clause says will happen, unless the
    clause denies it; a named speaker's words are reported."""
    stance, speaker = stance_of(ctx, noun)
    if stance is not Stance.NEGATED:
        stance = Stance.REPORTED if speaker is not None else Stance.ASSERTED
    return stance, speaker


# ---- demands ------------------------------------------------------------------------
def _demand_of(act: Token) -> Token | None:
    """The demand whose content an act is: "demanded the removal", "called for the
    removal", "urged X to sack", "demanded that X resign", "TCI's request for the removal"."""
    head = act.head
    if act.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep":
        head = head.head
    elif act.dep_ == "dobj" and act.pos_ == "NOUN":
        pass
    elif act.dep_ not in CLAUSES:
        return None
    if head.i == act.i or "demand" not in _roles(head):
        return None
    if head.lemma_.lower() == "call" and head.pos_ == "VERB":
        if not any(
            c.dep_ in {"prep", "prt", "mark"} and c.lower_ in {"for", "on"}
            for c in [*head.children, *act.children]
        ):
            return None  # "called him a liar" is a label, "called for" a demand
    return head


def _targets(ctx: Context, act: Token, roles: dict[str, str]) -> list[tuple[Token, Mention]]:
    """Whom the act is done to: a noun's "of" phrase or else its possessor ("the sacking of
    X", "X's resignation"); a verb's object ("sack X", "X to be sacked"); for an act by its
    subject, that subject or the one the demand asks ("X to resign", "urged X to resign")."""
    if act.pos_ == "NOUN":
        tokens = [
            p
            for prep in act.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj"
        ] or [c for c in act.children if c.dep_ == "poss"]
    elif "act" in roles:
        tokens = [c for c in act.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not tokens and any(c.dep_ == "auxpass" for c in act.children):
            tokens = _controllers(act)  # "called for Garland to be impeached"
    elif any(c.dep_ == "dobj" for c in act.children):
        return []  # "urged Britain to quit the EU" is about the EU, not Britain
    else:
        tokens = [c for c in act.children if c.dep_ == "nsubj"] or _controllers(act)
    return [(t, m) for t, m in _mentions(ctx, tokens, "stance") if m.type in PATIENTS]


def _off_a_penalty_list(act: Token) -> bool:
    return any(
        "penalty" in _roles(p)
        for prep in act.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for p in prep.children
        if p.dep_ == "pobj"
    )


def _asked(act: Token) -> bool:
    """Whether the act is asked of another party ("urged Arsenal to sign X", "called for the
    club to sign X") rather than one the holder would do itself ("want to sign X")."""
    if act.pos_ == "NOUN":
        return True
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in act.children):
        return True
    return act.dep_ == "xcomp" and bool(_controllers(act))


def _holders(ctx: Context, demand: Token) -> list[tuple[Token, Mention]]:
    if demand.pos_ == "VERB":
        return _subjects(ctx, demand)
    owner = _owner(ctx, demand)
    return [owner] if owner is not None else []


def _demand_stance(ctx: Context, demand: Token) -> tuple[Stance, Mention | None]:
    """A verb's stance; a demand named by a noun ("TCI's request for ...") was made."""
    if demand.pos_ == "VERB":
        return stance_of(ctx, demand)
    return _presupposed(ctx, demand)


def _demanded(ctx: Context, act: Token, roles: dict[str, str]) -> Iterator[RelationMention]:
    demand = _demand_of(act)
    if demand is None:
        return
    predicate = roles.get("act") or roles.get("act-by") or ""
    if predicate == "supports" and not _asked(act):
        return  # "Chelsea want to sign X" is a transfer, not backing
    if _off_a_penalty_list(act):
        return  # "urged the US to remove Cuba from its terror list" backs Cuba
    targets = _targets(ctx, act, roles)
    if predicate == "supports":
        targets = [(t, m) for t, m in targets if m.type is EntityType.PERSON]
    if not targets:
        return
    holders = _holders(ctx, demand)
    stance, speaker = _demand_stance(ctx, demand)
    yield from _related(ctx, holders, predicate, targets, (demand, act), stance, speaker)


# ---- verdicts -----------------------------------------------------------------------
def _verdict(token: Token) -> str:
    """The attitude a complement names, through its modifiers' head ("a big mistake")."""
    return _roles(token).get("verdict", "")


def _labelled(ctx: Context, verb: Token) -> Iterator[RelationMention]:
    """ "called Johnson's decision a mistake", "branded Pelosi a disgrace", "described the
    plan of X as reckless": the labeller's attitude to the one labelled."""
    complements = [c for c in verb.children if c.dep_ in VERDICT_LINKS]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd"} and not _verdict(c)]
    for obj in objects:
        complements += [c for c in obj.children if c.dep_ in {"appos", "oprd", "acomp"}]
    if verb.lemma_.lower() == "describe":
        complements = [
            p
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "as"
            for p in prep.children
            if p.dep_ in {"pobj", "amod", "acomp"}
        ]
    predicate = next((_verdict(c) for c in complements if _verdict(c)), "")
    if not predicate or not objects:
        return
    targets = _mentions(ctx, objects, "stance")
    stance, speaker = stance_of(ctx, verb)
    yield from _related(ctx, _subjects(ctx, verb), predicate, targets, (verb,), stance, speaker)


# ---- verdicts in someone's words ----------------------------------------------------
def _judged(ctx: Context, word: Token, roles: dict[str, str]) -> Iterator[RelationMention]:
    """A speaker's verdict on someone: "Smith said Jones's plan was a mistake", "Ruto said
    the opposition were wrong" (the copula's subject, or the owner of what it names), and a
    fault noun's possessor ('Collins said: "It shows Labour's failure to act"'). Only what a
    named speaker says counts (the article's own "a mistake" holds no one's attitude), and
    the fact is reported whatever the clause's mood: it is true that the speaker said it."""
    if "verdict" in roles and word.dep_ in {"attr", "acomp"}:
        copula = word.head
        if copula.lemma_.lower() not in COPULAS:
            return
        subjects = [c for c in copula.children if c.dep_ == "nsubj" and _judgeable(ctx, c)]
        predicate = roles["verdict"]
    elif "fault" in roles and word.pos_ == "NOUN" and not ctx.notes.get("sport"):
        # in sport a side's "failure to qualify" or "error" is a play of the game, no fault
        subjects = [c for c in word.children if c.dep_ == "poss"]
        predicate = roles["fault"]
    else:
        return
    subjects = [t for t in subjects if t.lower_ not in NOT_JUDGED]
    if not subjects or _past(word):
        return
    # "said the plan would be a disaster": the mood is the verdict's; that it was said holds
    stance, speaker = stance_of(ctx, word)
    if stance is Stance.NEGATED or speaker is None:
        return
    stance = Stance.REPORTED
    targets = [(t, m) for t, m in _mentions(ctx, subjects, "stance") if m.type in PATIENTS]
    holder = [(ctx.mention_tokens(speaker)[0], speaker)]
    yield from _related(ctx, holder, predicate, targets, (word,), stance, speaker)


def _judgeable(ctx: Context, subject: Token) -> bool:
    """A verdict is on its subject when that is someone or their conduct ("Ruto's plan"),
    not something that befell them ("Nigeria's defeat was a disaster")."""
    if ctx.mention_at(subject) is not None or subject.pos_ == "PRON":
        return True
    return lexicon.verb_argument_nouns().get(subject.lemma_.lower()) == "conduct"
