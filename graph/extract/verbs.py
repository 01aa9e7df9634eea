"""Relations expressed by verbs: "X met Y", "the coalition combating the Islamic State",
"X was killed by Y", "X, who leads Y", with the verb lexicon in graph/schema/verbs.tsv.

Subjects come from nsubj (or the passive agent), from the noun an acl/relcl verb modifies,
or from the governing clause for a subjectless verb ("While standing alongside Y, X ...");
objects from the direct object or the lexicon's preposition; conjuncts are expanded. A
relation is kept only when its entity types fit the predicate's domain and range, and every
relation carries the stance of its verb (graph.extract.stance). Meetings, visits, attacks
and killings with a place or date become Event entities with participants. Relations named
by nouns ("support for Kyiv") and proposals are in graph.extract.nominals.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context, conjuncts, misplaced_appositives
from graph.extract.descriptions import shared_noun_organisations
from graph.extract.organisations import misread_group
from graph.extract.stance import cues, stance_of
from graph.lexicon import VerbSense
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.vocab import relation_schema

SUBJECTS = {"nsubj"}
RELATIVE_TAGS = {"WP", "WDT", "WP$"}
EVENT_NOUN = {
    "meets": "meeting",
    "visits": "visit",
    "attacks": "attack",
    "kills": "killing",
    "signs": "signing",
}
VICTIM_FIRST = {"kills": "of", "attacks": "on"}
"""Events named after who suffered them, as news names them: "the killing of Lennon by
Chapman", not "killing of Chapman", which says Chapman was killed."""
PHYSICAL_ATTACKS = {"shoot", "stab", "raid", "bomb", "shell", "shooting", "stabbing", "bombing"}
"""Attack verbs that are never words ("attack" and "target" may be: "Musk attacked Biden")."""
PATIENT_VERBS = {"shoot", "stab"}
"""Verbs of harm whose named object is someone, killed when the sentence tells a death."""
DEATH_WORDS = {("die", "VERB"), ("death", "NOUN"), ("fatal", "ADJ")}
"""Words that tell a death, besides the killings' nouns of killing_nouns.tsv ("murder")."""
DIRECT = {"", "to-death"}
"""verbs.tsv senses whose object is the direct one (or a passive's subject): no preposition,
or a marker the verb must carry ("to-death": "stabbed X to death")."""
NOT_ACTORS = {EntityType.POSITION, EntityType.DATE}
STANCES = {"criticises", "opposes", "supports"}
"""Attitudes: their target may be what an entity did or holds (see _stand_in)."""
RECIPROCAL = {"meets"}
ROLES = {**{p: "stance" for p in STANCES}, "kills": "victim", "holdsHostage": "victim"}


def _named(ctx: Context, token: Token) -> Mention | None:
    """The mention a token stands for, an appositive name before a name modifier ("his LSE
    counterpart Clara Furse" is Clara Furse, not the LSE, nor the office "counterpart" names)."""
    if (mention := ctx.mention_at(token)) is not None and mention.type is not EntityType.POSITION:
        return mention
    for child in [*token.children, *misplaced_appositives(ctx, token)]:
        if child.dep_ == "appos" and (name := ctx.mention_at(child)) is not None:
            return name
    if mention is not None:
        return mention
    if token.pos_ == "NOUN" and token.lemma_.lower() not in lexicon.collective_nouns():
        # "the Deutsche Boerse shareholder", "the Chelsea squad" are not the firm or club;
        # _stand_in decides by the argument's role. "the bank Barclays" still names Barclays.
        if any(c.dep_ == "compound" and ctx.mention_at(c) for c in token.children):
            return None
    return ctx.mention_of(token)


def _stand_in(ctx: Context, item: Token, role: str) -> Mention | None:
    """The entity an unnamed noun phrase stands for, by the argument's role: a subject's
    possessor or name modifier when the head is an agent noun ("Hamas's leaders", "Kremlin
    officials"); an object's possessor, name or count ("Hamas positions", "thirty people");
    a stance's target the owner of what it targets ("Tanzania's offer", "the decisions of
    ExxonMobil"), never a name modifier ("the LSE bid" may be a bid for the LSE); a
    victim only a count ("killed thirty people", not "killed Hamas's leader")."""
    lemma = item.lemma_.lower()
    kind = lexicon.verb_argument_nouns().get(lemma)
    if kind == "relative":
        return None  # "criticised Uganda's ally", "a supporter of Ruto's rival": someone else
    if role == "subject" and not (kind == "voice" or (kind == "agent" and item.tag_ == "NNS")):
        return None
    if role != "subject" and (kind in {"agent", "voice"} or lemma in lexicon.collective_nouns()):
        return None  # "attacked Netanyahu's government", "killed Hamas's leader": someone else
    deps = {"stance": ["poss"], "victim": ["nummod"]}.get(role, ["poss", "compound", "nummod"])
    if role != "subject" and (lemma in lexicon.titles() or lemma in lexicon.people_nouns()):
        deps = [d for d in deps if d == "nummod"]  # "the group's chairman" is someone else
    for dep in deps:
        for child in item.children:
            if child.dep_ != dep or (mention := ctx.mention_of(child)) is None:
                continue
            if dep == "compound" and mention.type is EntityType.QUANTITY:
                continue  # "a £1.3bn offer" is no one's
            return mention
    if role == "stance" and kind == "conduct":
        for prep in (c for c in item.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if (mention := _named(ctx, pobj)) is not None:
                    return mention
    return None


def _listed(ctx: Context, token: Token) -> list[Token]:
    """An argument and its conjuncts, and the names listed in its appositive ("by her
    bodyguards Satwant Singh and Beant Singh": both names, not only the first)."""
    items = conjuncts(token)
    for item in list(items):
        for child in item.children:
            if child.dep_ == "appos" and ctx.mention_at(child) is not None:
                items += conjuncts(child)[1:]
    return items


def _mentions(
    ctx: Context, tokens: list[Token], role: str = "object"
) -> list[tuple[Token, Mention]]:
    """The entities of argument tokens and their conjuncts ("X and Y"); role is "subject",
    "object" or "stance" (the object of criticising, opposing, backing: see _stand_in)."""
    found = []
    for token in tokens:
        for item in _listed(ctx, token):
            mention = _named(ctx, item)
            if mention is None and item.dep_ == "poss":
                continue
            if item.pos_ in {"NOUN", "PROPN"} and (
                mention is None
                or (role == "stance" and mention.type in {EntityType.EVENT, EntityType.CONCEPT})
            ):
                # "condemned Russia's invasion": a stance on a deed is one on its doer
                mention = _stand_in(ctx, item, role) or mention
            if mention is not None and mention.type not in NOT_ACTORS:
                found.extend((item, m) for m in shared_noun_organisations(ctx, mention))
    seen: set[tuple[int, int]] = set()  # a list's places all stand for the one list
    return [(t, m) for t, m in found if m.span not in seen and not seen.add(m.span)]


def _subjects(
    ctx: Context, verb: Token, prepositional: bool = False
) -> list[tuple[Token, Mention]]:
    """Who does it: nsubj, the agent of a passive (or its subject when the verb's object is
    a prepositional one: "X was born in Y"), the noun an acl verb modifies, or the subject
    of the clause a subjectless verb hangs from, through a noun phrase too ("X issued an
    apology for criticising Y")."""
    direct = _antecedents(verb, [c for c in verb.children if c.dep_ in SUBJECTS])
    if direct:
        return _mentions(ctx, direct, "subject")
    if prepositional and any(c.dep_ == "nsubjpass" for c in verb.children):
        return _mentions(ctx, [c for c in verb.children if c.dep_ == "nsubjpass"], "subject")
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ] or [  # "was shot and mortally wounded by X": the last verb's agent is both verbs'
            p
            for v in verb.children
            if v.dep_ == "conj" and v.pos_ == "VERB" and v.tag_ == "VBN"
            for c in v.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return _mentions(ctx, agents, "subject")
    if verb.dep_ in {"acl", "relcl"}:
        noun = verb.head
        owner = ctx.mention_of(noun)
        if owner is not None:
            return [(noun, owner)]
        return _mentions(ctx, [c for c in noun.children if c.dep_ == "poss"], "subject")
    if verb.dep_ == "xcomp" and (controllers := _controllers(verb)):
        # object control: "Ukraine urged NATO to support Kyiv", "called on Kenya to sign";
        # an unnamed controller ("urged the board to sign X") names no one, not the urger
        return _mentions(ctx, controllers)
    if verb.dep_ == "pcomp":
        governor = _governing_verb(verb)
        return _subjects(ctx, governor) if governor is not None else []
    if verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.i != verb.i:
        found = _subjects(ctx, verb.head)
        if not found and verb.dep_ == "xcomp":
            # Raising: "Chile is expected to join" -> Chile joins.
            found = _mentions(
                ctx, [c for c in verb.head.children if c.dep_ == "nsubjpass"], "subject"
            )
        return found
    return []


def _controllers(verb: Token) -> list[Token]:
    """Who an infinitive's governor asks to act: its object ("urged NATO to ..."), or the
    object of "on"/"for" before the infinitive ("called on Kenya to ...", "called for
    Deutsche Boerse to ...")."""
    head = verb.head
    found = [c for c in head.children if c.dep_ == "dobj"]
    for child in head.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in {"on", "for"} and child.i < verb.i:
            found.extend(p for p in child.children if p.dep_ == "pobj")
    return found


def _governing_verb(verb: Token) -> Token | None:
    """The verb a gerund after a preposition depends on, through at most one noun ("while
    visiting Y", "an apology for criticising Y"), not through a subject ("the decision to
    ..." as a subject acts for nobody)."""
    current = verb.head  # the preposition
    for _ in range(3):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.dep_ not in {"prep", "dobj", "pobj"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def _said_of(verb: Token) -> Token:
    """The verb whose stance a clause takes: its own, or for a relative clause on a noun said
    of a name, the copula's ("Kaya was not the man who killed Dink")."""
    noun = verb.head
    if verb.dep_ == "relcl" and noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return noun.head
    return verb


def _antecedents(verb: Token, tokens: list[Token]) -> list[Token]:
    """Tokens with a relative pronoun replaced by the noun its clause modifies ("Badenoch,
    who leads the party"; "the coalition, which Israel did not join"), or by the name that
    noun is in apposition to ("Pablo Ruiz, the man who murdered X": Ruiz) or said to be
    ("Kaya was the gunman who killed Dink": Kaya)."""
    if verb.dep_ != "relcl":
        return tokens
    noun = verb.head
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
        noun = noun.head
    elif noun.dep_ == "attr" and noun.pos_ == "NOUN" and noun.head.lemma_ == "be":
        # "Kaya was the gunman who killed Dink": the copula's subject
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        noun = subjects[0] if subjects else noun
    return [noun if t.tag_ in RELATIVE_TAGS else t for t in tokens]


def _death_told(verb: Token) -> bool:
    """Whether the sentence of a shooting or stabbing tells of a death ("X had shot Kennedy
    and no agency was involved in the killing", "was shot by Y and died in hospital")."""
    killings = lexicon.killing_nouns()
    return any(
        (t.lemma_.lower(), t.pos_) in DEATH_WORDS
        or (t.pos_ == "NOUN" and killings.get(t.lemma_.lower(), ("", ""))[0] == "event")
        for t in verb.sent
        if t.i != verb.i
    )


def to_death(verb: Token) -> bool:
    """Whether the verb's harm killed: "stabbed X to death", "beaten to death", "shot dead",
    "fatally shot"."""
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "dead":
        return True  # "shot dead Franz Ferdinand", whatever the parser made of "dead"
    for child in verb.children:
        if child.lower_ == "dead" and child.dep_ in {"oprd", "acomp", "advmod", "xcomp", "ccomp"}:
            return True
        if child.dep_ == "advmod" and child.lower_ in {"fatally", "mortally"}:
            return True
        if child.dep_ == "conj" and child.pos_ == "VERB" and to_death(child):
            return True  # "shot and mortally wounded"
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(p.dep_ == "pobj" and p.lower_ == "death" for p in child.children):
                return True
    return False


def _objects(ctx: Context, verb: Token, sense: VerbSense) -> list[tuple[Token, Mention]]:
    if sense.prep == "hostage":
        if not any(c.lower_ == "hostage" for c in verb.children):
            return []
        return _mentions(ctx, [c for c in verb.children if c.dep_ == "dobj"])
    role = ROLES.get(sense.predicate, "object")
    if sense.prep == "to-death" and not (
        to_death(verb) or (sense.lemma in PATIENT_VERBS and _death_told(verb))
    ):
        return []  # "stabbed him in the arm" is no killing
    if sense.prep in DIRECT:
        direct = _antecedents(verb, [c for c in verb.children if c.dep_ == "dobj"]) or [
            # "operates the Paris and Lisbon bourses" with "bourses" read as a verb: a clause
            # whose head word is a name is the object noun phrase
            c
            for c in verb.children
            if c.dep_ in {"ccomp", "xcomp"} and ctx.mention_at(c) is not None
        ]
        passive = _antecedents(verb, [c for c in verb.children if c.dep_ == "nsubjpass"])
        return _mentions(ctx, direct or passive, role)
    *particles, last = sense.prep.split()
    words = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod", "prep"}}
    if not set(particles) <= words:
        return []  # "hit out at" needs its "out"
    preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ == last]
    return _mentions(ctx, [p for prep in preps for p in prep.children if p.dep_ == "pobj"], role)


def _fits(
    predicate: str, subject: Mention, obj: Mention, types: frozenset[str] = frozenset()
) -> bool:
    relation = relation_schema()[predicate]
    if types and not {subject.type.value, obj.type.value} <= types:
        return False
    return subject.type.value in relation.domain and obj.type.value in relation.range


def _organisations_expected(
    ctx: Context, predicate: str, head: Mention, tail: Mention, sense: VerbSense
) -> tuple[Mention, Mention]:
    """A sense for organisations only ("Euronext, which operates the Paris bourse") takes
    a name NER read as a nationality as the organisation it is, when the pair then fits."""
    organisation = EntityType.ORGANIZATION
    if sense.types != {organisation.value} or not (misread_group(head) or misread_group(tail)):
        return head, tail
    if not all(m.type is organisation or misread_group(m) for m in (head, tail)):
        return head, tail
    retyped = [
        ctx.add_mention((m.start, m.end), organisation, name=m.name, confidence=0.6, replace=True)
        if misread_group(m)
        else m
        for m in (head, tail)
    ]
    return (retyped[0] or head, retyped[1] or tail)


def _place_and_date(
    ctx: Context, verb: Token, participants: list[Token]
) -> tuple[list[tuple[Token, Mention]], ...]:
    """Where and when: "in/at <place>" on the verb or on a person it involves ("met Xi in
    Beijing" often attaches "in Beijing" to Xi), and a date in the clause."""
    places, dates = [], []
    holders = [verb] + [
        t
        for t in participants
        if (m := ctx.mention_of(t)) is not None and m.type is EntityType.PERSON
    ]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for item, mention in _mentions(ctx, [p for p in prep.children if p.dep_ == "pobj"]):
            if prep.lower_ in {"in", "at"} and mention.type in {
                EntityType.PLACE,
                EntityType.COUNTRY,
            }:
                places.append((item, mention))
    for child in verb.subtree:
        mention = ctx.mention_at(child)
        if (
            mention is not None
            and mention.type is EntityType.DATE
            and child.head.i in {verb.i, *[c.i for c in verb.children]}
        ):
            dates.append((child, mention))
            break
    return places, dates


@extractors.register("verb_relations", order=60)
def verb_relations(ctx: Context) -> Iterator[RelationMention]:
    senses = lexicon.verb_senses()
    for verb in ctx.with_pos("VERB", "AUX"):
        lemma = ctx.lemmas[verb.i]
        if lemma not in senses:
            continue
        stance, speaker = stance_of(ctx, _said_of(verb))
        for sense in senses[lemma]:
            predicate = sense.predicate
            objects = _objects(ctx, verb, sense)
            if sense.direction == "guest":
                objects = [
                    (t, m)
                    for t, m in objects
                    if m.type is EntityType.PERSON and ctx.mention_at(t) is m
                ]
            subjects = _subjects(ctx, verb, prepositional=sense.prep not in DIRECT)
            if not objects and _reciprocal(verb, sense) and len(subjects) > 1:
                subjects, objects = subjects[:1], subjects[1:]  # "Harris and Trump met"
            if not objects:
                continue
            if _light_verb_of_event(verb, sense, objects):
                continue  # "launched an attack": the event holds the participants
            this_stance = Stance.NEGATED if sense.reverse is False and _leaving(sense) else stance
            emitted = []
            involved = [t for t, _ in subjects] + [t for t, _ in objects]
            # "France and Germany vowed to run their deficits": a pronoun that points back
            # to the subjects names their own thing, not another party.
            own = {ctx.referent(m).span for _, m in subjects}
            objects = [
                (t, m)
                for t, m in objects
                if m.antecedent is None or ctx.referent(m).span not in own
            ]
            for s_token, subject in subjects:
                for o_token, obj in objects:
                    head, tail = (obj, subject) if sense.reverse else (subject, obj)
                    head, tail = _organisations_expected(ctx, predicate, head, tail, sense)
                    said = _verbal_attack(ctx, predicate, s_token, head, tail, sense.lemma)
                    if head.span == tail.span or not _fits(
                        said or predicate, head, tail, sense.types
                    ):
                        continue
                    if not said:
                        emitted.append((head, tail))
                    yield ctx.relation(
                        head,
                        said or predicate,
                        tail,
                        [s_token, verb, o_token],
                        confidence=0.7,
                        stance=this_stance,
                        speaker=speaker,
                    )
            if predicate in STANCES:
                yield from _advocated(ctx, verb, predicate, objects)
            if emitted and predicate in EVENT_NOUN:
                yield from _event(ctx, verb, predicate, emitted, this_stance, speaker, involved)
            if emitted:
                break  # the first sense that relates something wins


def _reciprocal(verb: Token, sense: VerbSense) -> bool:
    """ "Harris and Trump met in Philadelphia": a meeting verb without an object relates its
    coordinated subjects to each other."""
    return (
        sense.predicate in RECIPROCAL
        and sense.prep in DIRECT
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    )


def _advocated(
    ctx: Context, verb: Token, predicate: str, objects: list[tuple[Token, Mention]]
) -> Iterator[RelationMention]:
    """Who urges others to back, oppose or condemn something holds that stance themselves
    ("Kenya urged the UN to condemn Sudan" -> Kenya criticises Sudan), in the urging's stance."""
    urging = verb.head
    if verb.dep_ != "xcomp" or "advocacy" not in cues(urging):
        return
    stance, speaker = stance_of(ctx, urging)
    for s_token, subject in _subjects(ctx, urging):
        for o_token, obj in objects:
            if subject.span != obj.span and _fits(predicate, subject, obj):
                yield ctx.relation(
                    subject,
                    predicate,
                    obj,
                    [s_token, urging, verb, o_token],
                    confidence=0.6,
                    stance=stance,
                    speaker=speaker,
                )


def _verbal_attack(
    ctx: Context, predicate: str, s_token: Token, subject: Mention, obj: Mention, word: str = ""
) -> str | None:
    """ "criticises" when an attack is one of words: a named person attacking a person or an
    organisation, with no harm or weapon in the sentence ("Musk attacked Biden over the tax
    plan"; not "the gunman attacked Biden", "Putin attacked Ukraine", "Smith attacked and
    killed Jones", "Smith attacked Jones with a knife")."""
    if predicate != "attacks" or subject.type is not EntityType.PERSON:
        return None
    if word in PHYSICAL_ATTACKS:
        return None  # "Moore shot Ford" (``word``: the verb's or noun's lemma) was no speech
    if ctx.mention_at(s_token) is not subject or obj.type not in {
        EntityType.PERSON,
        EntityType.ORGANIZATION,
        EntityType.GROUP,
    }:
        return None
    harm = lexicon.harm_words()
    sentence = s_token.sent
    if any((t.lemma_.lower(), t.pos_) in harm for t in sentence):
        return None
    if any(t.dep_ == "prep" and t.lower_ == "with" and t.head.lemma_ == "attack" for t in sentence):
        return None  # "attacked Jones with a knife"
    return "criticises"


def _light_verb_of_event(
    verb: Token, sense: VerbSense, objects: list[tuple[Token, Mention]]
) -> bool:
    """A verb like "launch" or "hold" whose object is an event names no relation of its own
    (graph/schema/event_verbs.tsv); "sign" and "announce" keep theirs."""
    keeps = lexicon.event_verbs().get((verb.lemma_.lower(), sense.prep))
    return keeps is False and any(m.type is EntityType.EVENT for _, m in objects)


def _leaving(sense: VerbSense) -> bool:
    return sense.lemma in {"leave", "quit"}


def _event(
    ctx: Context,
    verb: Token,
    predicate: str,
    pairs: list[tuple[Mention, Mention]],
    stance: Stance,
    speaker: Mention | None,
    tokens: list[Token],
) -> Iterator[RelationMention]:
    """A meeting, visit or attack with a place or a date becomes an Event with roles."""
    places, dates = _place_and_date(ctx, verb, tokens)
    if not places and not dates:
        return
    if any(m.type is EntityType.EVENT for pair in pairs for m in pair):
        return  # "signed a deal in Rome": the deal is the event (graph.extract.events)
    first, second = (ctx.referent(m).name or m.text for m in pairs[0])
    label = f"{EVENT_NOUN[predicate]} of {first}"
    if predicate in {"meets", "visits"}:
        label += f" and {second}"
    elif predicate in VICTIM_FIRST:
        label = f"{EVENT_NOUN[predicate]} {VICTIM_FIRST[predicate]} {second} by {first}"
    event = ctx.add_mention(verb, EntityType.EVENT, name=label, confidence=0.6, role="event")
    if event is None:
        return
    participants = {m.span: m for pair in pairs for m in pair}
    for participant in participants.values():
        if participant.type in {EntityType.PLACE, EntityType.COUNTRY} and predicate == "visits":
            yield ctx.relation(
                event,
                "location",
                participant,
                [verb],
                confidence=0.6,
                stance=stance,
                speaker=speaker,
            )
            continue
        yield ctx.relation(
            event,
            "participant",
            participant,
            [verb],
            confidence=0.6,
            stance=stance,
            speaker=speaker,
        )
    for token, place in places:
        yield ctx.relation(
            event, "location", place, [verb, token], confidence=0.6, stance=stance, speaker=speaker
        )
    for token, date in dates:
        yield ctx.relation(
            event,
            "pointInTime",
            date,
            [verb, token],
            confidence=0.6,
            stance=stance,
            speaker=speaker,
        )
