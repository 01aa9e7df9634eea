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
from graph.extract.stance import _clause_verb, cues, stance_of, undone
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


PLACES = {EntityType.PLACE, EntityType.COUNTRY}
PENDING = {"visits", "meets"}
"""Deeds that are arranged before they happen: told in the present, they are not yet facts."""


def _arguments(noun: Token) -> Iterator[tuple[str, list[Token]]]:
    """(preposition, its objects) of a noun, and ("-", its name modifiers): "Straw's China
    trip" is a trip to China (the table's "-" rows; only places count there)."""
    for prep in _prepositions(noun):
        yield prep.lower_, [p for p in prep.children if p.dep_ == "pobj"]
    names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if names:
        yield "-", names


def _ahead(noun: Token) -> bool:
    """ "Mr Straw's China trip is part of regular meetings": a trip or meeting told in the
    present tense is ahead or under way, which a bare fact must not claim."""
    verb = _clause_verb(noun)
    if verb.tag_ not in {"VBZ", "VBP"}:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBN"} for c in verb.children)


@extractors.register("nominal_relations", order=62)
def nominal_relations(ctx: Context) -> Iterator[RelationMention]:
    """ "Russia's war on Ukraine", "support for Kyiv", "operations against ISIS", "the
    meeting between Modi and Xi"."""
    table, events = lexicon.nominal_relations(), lexicon.event_nouns()
    nouns = {noun for noun, _ in table}
    for noun in ctx.with_pos("NOUN"):
        lemma = ctx.lemmas[noun.i]
        if events.get(lemma) == "meeting":  # what both of these ask first
            yield from _joint_meeting(ctx, noun)
            yield from _talks_abroad(ctx, noun)
        if lemma not in nouns:
            continue  # a noun with no row relates nothing by its arguments
        for word, arguments in _arguments(noun):
            predicate = table.get((lemma, word))
            if predicate is None:
                continue
            role = ROLES.get(predicate, "object")
            targets = _mentions(ctx, arguments, role)
            if word == "-":
                targets = [(t, m) for t, m in targets if m.type in PLACES]
            owner = _owner(ctx, noun)
            if word == "between" and owner is None and len(targets) == 2:
                owner, targets = targets[0], targets[1:]  # "talks between Iran and Oman"
            if not targets or owner is None:
                continue
            stance, speaker = stance_of(ctx, noun)
            if stance in {Stance.ASSERTED, Stance.REPORTED}:
                stance = undone(noun) or stance
            if stance in {Stance.ASSERTED, Stance.REPORTED} and predicate in PENDING:
                stance = Stance.PROPOSED if _ahead(noun) else stance
            for o_token, obj in targets:
                kind = _verbal_attack(ctx, predicate, owner[0], owner[1], obj, lemma) or predicate
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


HOSTING = {"host"}
"""Light verbs of a meeting whose subject is at home: "hosted talks in Nairobi"."""


def _talks_abroad(ctx: Context, noun: Token) -> Iterator[RelationMention]:
    """ "Straw, who will hold talks in Beijing": a person who holds talks in a place, with no
    one else named, goes there. Asserted only when the article ties the person to another
    country than the place's ("UK Foreign Secretary"), else only as proposed."""
    if lexicon.event_nouns().get(noun.lemma_.lower()) != "meeting" or noun.dep_ != "dobj":
        return
    verb = noun.head
    lemma = verb.lemma_.lower()
    if (lemma, "") not in lexicon.event_verbs() or lemma in HOSTING:
        return
    links = [c for h in (verb, noun) for c in h.children if c.dep_ == "prep"]
    if any(c.lower_ in {"with", "between"} for c in links):
        return  # "held talks with Scholz in Paris": Scholz may be at home there
    subjects = [(t, m) for t, m in _subjects(ctx, verb) if m.type is EntityType.PERSON]
    places = [
        (t, m)
        for prep in links
        if prep.lower_ in {"in", "at"}
        for t, m in _mentions(ctx, [p for p in prep.children if p.dep_ == "pobj"])
        if m.type in PLACES
    ]
    if len(subjects) != 1 or not places:
        return
    stance, speaker = stance_of(ctx, verb)
    if stance is Stance.NEGATED:
        return  # "did not hold talks in Beijing" says nothing of being there
    s_token, person = subjects[0]
    home = _home_countries(ctx, person)
    for p_token, place in places:
        there = _countries_of(place)
        if home & there or (not (home and there) and stance is not Stance.PROPOSED):
            continue
        if _fits("visits", person, place):
            yield ctx.relation(
                person,
                "visits",
                place,
                [s_token, verb, noun, p_token],
                confidence=0.55,
                stance=stance,
                speaker=speaker,
            )


def _home_countries(ctx: Context, person: Mention) -> set[str]:
    """The countries the article has so far made the person a citizen or head of."""
    key = ctx.referent(person).span
    found = set()
    relations = ctx.notes.get("relations")
    for relation in relations if isinstance(relations, list) else []:
        subject, obj = ctx.referent(relation.subject), ctx.referent(relation.object)
        if relation.predicate == "citizenOf" and subject.span == key:
            found.add(obj.name)
        elif relation.predicate in {"headOfState", "headOfGovernment"} and obj.span == key:
            found.add(subject.name)
    return found


def _countries_of(place: Mention) -> set[str]:
    """The country a place is, or the countries that have a city of its name."""
    if place.type is EntityType.COUNTRY:
        return {lexicon.country_name(place.name) or place.name}
    return set(lexicon.city_countries().get(place.name.lower(), ()))


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


def _someone_elses_deed(ctx: Context, head: Token) -> bool:
    """A proposal that another party do something ("called for Deutsche Boerse to hold a
    meeting", "called on Kenya to sign", "suggested that the coalition should fight Hamas"):
    the proposal is that party's deed, and neither it nor what the deed acts on is the
    thing proposed (the deed's own relation carries the proposed stance). A passive's
    subject ("proposed that the vote be held") and a thing's property ("that the
    coalition's scope should grow") are what the proposal acts on, not parties."""
    clauses = [c for c in head.children if c.dep_ in CLAUSES]
    subjects = [c for clause in clauses for c in clause.children if c.dep_ == "nsubj"]
    if any(ctx.mention_at(t) is not None or not _property(t) for t in subjects):
        return True
    controlled = any(
        c.dep_ in {"prep", "prt"}
        and c.lower_ in CONTROLLERS
        and any(p.dep_ == "pobj" and p.i < clause.i for p in c.children)
        for c in head.children
        for clause in clauses
    )
    return controlled


def _property(token: Token) -> bool:
    """ "the coalition's scope", "its budget": an unnamed noun that belongs to a possessor."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)


def _proposed_things(ctx: Context, head: Token) -> list[tuple[Token, Mention]]:
    """What a proposal is about: its object ("called for a ceasefire", a new Concept when no
    entity names it), or the first entity its clause acts on ("a proposition to expand the
    coalition" -> the coalition). Coordinated clauses are other statements and not searched;
    an unnamed noun's own phrase belongs to it ("called for the sacking of X" proposes a
    sacking, not X), and an adverbial or relative clause says why or which, not what."""
    if _someone_elses_deed(ctx, head):
        return []
    branches = [c for c in head.children if c.dep_ in {"dobj", "xcomp", "ccomp", "acl", "prep"}]
    # "proposed to Aguilera", "a proposal to the council": "to" names whom it is put to
    branches = [c for c in branches if c.dep_ != "prep" or c.lower_ in {"for", "of"}]
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
        if child.dep_ in {"advcl", "relcl"}:
            continue  # "a plan to cut jobs as it tries to catch up with Apple": not the plan's
        yield from _without_conjoined_clauses(child, ctx)


@extractors.register("proposals", order=64)
def proposals(ctx: Context) -> Iterator[RelationMention]:
    """ "X proposed ...", "X put forward a proposition to expand the coalition" -> proposes."""
    for token, lemma in zip(ctx.tokens, ctx.lemmas, strict=True):
        if lemma not in PROPOSAL_FRAMES or ctx.pos[token.i] not in {"VERB", "NOUN"}:
            continue
        if ctx.pos[token.i] == "VERB" and lemma in NOUN_ONLY_FRAMES:
            continue
        if lemma == "call" and not any(
            c.dep_ in {"prep", "prt"} and c.lower_ == "for" for c in token.children
        ):
            continue  # "called him a liar" is no proposal; "called for a ceasefire" is
        if token.pos_ == "VERB":
            subjects = _subjects(ctx, token)
        else:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            governing = token.head if token.dep_ in {"dobj", "attr"} else None
            if owner is None and governing is not None and "refusal" in cues(governing):
                continue  # "Oxfam rejected calls for a boycott": Oxfam made no call
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
