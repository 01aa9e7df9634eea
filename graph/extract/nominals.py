"""Relations expressed by nouns and proposals: "Russia's war on Ukraine", "support for Kyiv",
"talks between Iran and Oman", "Iran and Oman held talks"; "X proposed ...", "X called for a
ceasefire". Arguments are found as for verbs (graph.extract.verbs), the nouns and their
predicates in graph/schema/nominal_relations.tsv.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.stance import stance_of, undone
from graph.extract.verbs import ROLES, _fits, _mentions, _subjects, _verbal_attack
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.vocab import relation_schema


def _owner(ctx: Context, noun: Token) -> tuple[Token, Mention] | None:
    """Whose war/support it is: the noun's possessor or its "by"/"from" phrase ("opposition
    from TCI"), the subject of a light verb it is the object of ("voiced opposition to",
    "launched an attack on"), else the entity the phrase describes ("the coalition, involved
    in operations against ISIS"), at most three heads up."""
    for child in noun.children:
        if child.dep_ == "poss" and (mention := ctx.mention_of(child)) is not None:
            return child, mention
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}):
        agents = _mentions(ctx, [p for p in prep.children if p.dep_ == "pobj"], "subject")
        if agents:
            return agents[0]
    verb = noun.head
    if noun.dep_ == "dobj" and (verb.lemma_.lower(), "") in lexicon.event_verbs():
        # "Hamas launched an attack on Israel", "Russia waged war on Ukraine"
        subjects = _mentions(ctx, [c for c in verb.children if c.dep_ == "nsubj"], "subject")
        if subjects:
            return subjects[0]
    if _light_verb(noun) is not None:
        # "a shareholder fund voiced opposition to", "Kenya expressed support for Haiti"
        subjects = _subjects(ctx, verb)
        return subjects[0] if subjects else None
    current = noun
    for _ in range(3):
        if current.head.i == current.i or current.dep_ not in {"pobj", "prep", "acl", "dobj"}:
            return None
        current = current.head
        mention = ctx.mention_at(current)
        if mention is not None:
            return current, mention
    return None


def _light_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of when the verb only carries it ("voiced opposition",
    "gave their backing"), from graph/schema/attitude_frames.tsv."""
    verb = noun.head
    roles = lexicon.attitude_frames().get((verb.lemma_.lower(), "VERB"), {})
    return verb if noun.dep_ == "dobj" and "light" in roles else None


def _prepositions(noun: Token) -> list[Token]:
    """A noun's prepositions, and those its light verb took for it ("gave their backing to
    X", where the parser hangs "to X" on the verb)."""
    found = [c for c in noun.children if c.dep_ == "prep"]
    verb = _light_verb(noun)
    if verb is not None:
        found += [c for c in verb.children if c.dep_ in {"prep", "dative"} and c.i > noun.i]
    return found


@extractors.register("nominal_relations", order=62)
def nominal_relations(ctx: Context) -> Iterator[RelationMention]:
    """ "Russia's war on Ukraine", "support for Kyiv", "operations against ISIS", "the
    meeting between Modi and Xi"."""
    table = lexicon.nominal_relations()
    for noun in ctx.doc:
        if noun.pos_ != "NOUN":
            continue
        yield from _joint_meeting(ctx, noun)
        for prep in _prepositions(noun):
            predicate = table.get((noun.lemma_.lower(), prep.lower_))
            if predicate is None:
                continue
            role = ROLES.get(predicate, "object")
            targets = _mentions(ctx, [p for p in prep.children if p.dep_ == "pobj"], role)
            owner = _owner(ctx, noun)
            if prep.lower_ == "between" and owner is None and len(targets) == 2:
                owner, targets = targets[0], targets[1:]  # "talks between Iran and Oman"
            if not targets or owner is None:
                continue
            stance, speaker = stance_of(ctx, noun)
            if stance in {Stance.ASSERTED, Stance.REPORTED}:
                stance = undone(noun) or stance
            for o_token, obj in targets:
                kind = _verbal_attack(ctx, predicate, owner[0], owner[1], obj) or predicate
                if owner[1].span != obj.span and _fits(kind, owner[1], obj):
                    yield ctx.relation(
                        owner[1],
                        kind,
                        obj,
                        [owner[0], noun, o_token],
                        confidence=0.55,
                        stance=stance,
                        speaker=speaker,
                    )


def _joint_meeting(ctx: Context, noun: Token) -> Iterator[RelationMention]:
    """ "Iran and Saudi Arabia held talks in Baghdad": the coordinated subjects of a light verb
    whose object is a meeting meet each other (with a "with" party, the table above says who)."""
    if lexicon.event_nouns().get(noun.lemma_.lower()) != "meeting" or noun.dep_ != "dobj":
        return
    verb = noun.head
    if (verb.lemma_.lower(), "") not in lexicon.event_verbs() or any(
        c.dep_ == "prep" and c.lower_ == "with" for c in [*noun.children, *verb.children]
    ):
        return
    subjects = _subjects(ctx, verb)
    if len(subjects) < 2:
        return
    stance, speaker = stance_of(ctx, verb)
    (s_token, first), *others = subjects
    for o_token, other in others:
        if first.span != other.span and _fits("meets", first, other):
            yield ctx.relation(
                first,
                "meets",
                other,
                [s_token, noun, o_token],
                confidence=0.55,
                stance=stance,
                speaker=speaker,
            )


PROPOSAL_FRAMES = {
    "propose",
    "suggest",
    "recommend",
    "proposal",
    "proposition",
    "plan",
    "suggestion",
    "idea",
    "call",
}
NOUN_ONLY_FRAMES = {"plan"}
""""Iceland plans to join the EU" is an intention, not a proposal of the EU; "a plan" is one."""
CLAUSES = {"xcomp", "ccomp", "advcl", "acl"}
CONTROLLERS = {"for", "on"}


def _someone_elses_deed(head: Token) -> bool:
    """A proposal that another party do something ("called for Deutsche Boerse to hold a
    meeting", "called on Kenya to sign", "suggested that the coalition should fight Hamas"):
    the proposal is that party's deed, and neither it nor what the deed acts on is the
    thing proposed (the deed's own relation carries the proposed stance)."""
    clauses = [c for c in head.children if c.dep_ in CLAUSES]
    if any(c.dep_ in {"nsubj", "nsubjpass"} for clause in clauses for c in clause.children):
        return True
    controlled = any(
        c.dep_ in {"prep", "prt"}
        and c.lower_ in CONTROLLERS
        and any(p.dep_ == "pobj" and p.i < clause.i for p in c.children)
        for c in head.children
        for clause in clauses
    )
    return controlled


def _proposed_things(ctx: Context, head: Token) -> list[tuple[Token, Mention]]:
    """What a proposal is about: its object ("called for a ceasefire", a new Concept when no
    entity names it), or the first entity its clause acts on ("a proposition to expand the
    coalition" -> the coalition). Coordinated clauses are other statements and not searched;
    an unnamed noun's own phrase belongs to it ("called for the sacking of X" proposes a
    sacking, not X)."""
    if _someone_elses_deed(head):
        return []
    branches = [c for c in head.children if c.dep_ in {"dobj", "xcomp", "ccomp", "acl", "prep"}]
    branches = [c for c in branches if c.dep_ != "prep" or c.lower_ in {"for", "to", "of"}]
    for branch in branches:
        for token in _without_conjoined_clauses(branch, ctx):
            if token.dep_ not in {"dobj", "pobj", "nsubjpass", "poss"}:
                continue
            mention = ctx.mention_of(token)
            if mention is not None and mention.type.value in relation_schema()["proposes"].range:
                return [(token, mention)]
    for branch in branches:
        obj = (
            branch
            if branch.dep_ == "dobj"
            else next((c for c in branch.children if c.dep_ == "pobj"), None)
        )
        if obj is not None and obj.pos_ == "NOUN" and ctx.mention_at(obj) is None:
            start = min([obj.i] + [c.i for c in obj.lefts if c.dep_ in {"amod", "compound"}])
            concept = ctx.add_mention(
                ctx.doc[start : obj.i + 1], EntityType.CONCEPT, confidence=0.5, role="description"
            )
            if concept is not None:
                return [(obj, concept)]
    return []


def _without_conjoined_clauses(token: Token, ctx: Context | None = None) -> Iterator[Token]:
    yield token
    if token.pos_ == "NOUN" and ctx is not None and ctx.mention_at(token) is None:
        if token.dep_ in {"dobj", "pobj"}:
            return  # "the sacking of X": the phrase is the noun's
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            continue
        yield from _without_conjoined_clauses(child, ctx)


@extractors.register("proposals", order=64)
def proposals(ctx: Context) -> Iterator[RelationMention]:
    """ "X proposed ...", "X put forward a proposition to expand the coalition" -> proposes."""
    for token in ctx.doc:
        if token.lemma_.lower() not in PROPOSAL_FRAMES or token.pos_ not in {"VERB", "NOUN"}:
            continue
        if token.pos_ == "VERB" and token.lemma_.lower() in NOUN_ONLY_FRAMES:
            continue
        if token.lemma_.lower() == "call" and not any(
            c.dep_ in {"prep", "prt"} and c.lower_ == "for" for c in token.children
        ):
            continue  # "called him a liar" is no proposal; "called for a ceasefire" is
        if token.pos_ == "VERB":
            subjects = _subjects(ctx, token)
        else:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            governing = token.head if token.dep_ in {"dobj", "attr"} else None
            subjects = (
                _mentions(ctx, [owner])
                if owner is not None
                else (_subjects(ctx, governing) if governing is not None else [])
            )
        things = _proposed_things(ctx, token)
        if not subjects or not things:
            continue
        stance, speaker = stance_of(ctx, token.head if token.pos_ == "NOUN" else token)
        if stance is Stance.PROPOSED:
            stance = Stance.ASSERTED  # proposing is itself a fact; what is proposed is not
        for s_token, subject in subjects:
            for o_token, obj in things:
                if subject.span != obj.span and _fits("proposes", subject, obj):
                    yield ctx.relation(
                        subject,
                        "proposes",
                        obj,
                        [s_token, token, o_token],
                        confidence=0.6,
                        stance=stance,
                        speaker=speaker,
                    )
