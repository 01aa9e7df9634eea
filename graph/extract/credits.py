"""People credited with a named work: an acting verb ("Audrey Tautou starred in Amélie"), a
credit word (graph/schema/credit_cues.tsv) between
the work and the person ("Former Superman actor the late Christopher Reeve", "Parasite
director Bong Joon-ho"), a person's "performance in" a work ("Charlize Theron's Oscar
winning performance in Monster") and a director's possessed work ("director Mira Nair's
Monsoon Wedding"). Read from the words in order, as the small parser attaches these
phrases loosely. A credit in a noun phrase holds whatever its clause says.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.creative import titled_name
from graph.extract.entity_types import form_type
from graph.extract.organisations import thing_of
from graph.extract.stance import stance_of
from graph.extract.work_names import (
    MODIFIER_REACH,
    POSSESSIVE_MARKS,
    RETYPABLE,
    WEAKLY_TYPED,
    already,
    as_thing,
    cue,
    fits,
    genre,
    industry,
    mention_over,
    modifiers_before,
    possessor,
    presupposed,
    span_ending,
    span_starting,
)
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.name_variants import known_place

SKIPPED_BEFORE_PERSON = {"the", "late", "former"}
UNSURE_TITLES = {EntityType.PLACE, EntityType.ORGANIZATION}


def _works_named(ctx: Context) -> set[str]:
    """Names the article already gives a work or product."""
    return {
        m.name.casefold()
        for m in ctx.mentions
        if m.type in {EntityType.WORK, EntityType.PRODUCT} and m.antecedent is None
    }


def _person_after(ctx: Context, index: int) -> tuple[int, int] | None:
    """The name of the person credited at ``index`` ("the late Christopher Reeve" counts):
    a person's mention, or a name of two words or more NER took for an organisation or an
    unknown place ("Parasite director Bong Joon-ho") or missed, without an organisation's
    form word; the caller types it once the work is found."""
    doc = ctx.doc
    while index < len(doc) and doc[index].lower_ in SKIPPED_BEFORE_PERSON:
        index += 1
    if index >= len(doc):
        return None
    mention = ctx.mention_at(doc[index])
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        if tokens[0].i != index:
            return None
        span = (index, tokens[-1].i + 1)
        if mention.type is EntityType.PERSON:
            return span
        if mention.type not in {EntityType.ORGANIZATION, EntityType.PLACE, EntityType.CONCEPT}:
            return None
    else:
        found = titled_name(ctx, index)
        if found is None or found[0] != index:
            return None
        span = found
    words = doc[span[0] : span[1]]
    if (
        len(words) < 2
        or not all(t.pos_ == "PROPN" or t.text == "-" for t in words)
        or known_place(words.text)
        or form_type(words.text)[0] is not None
        or any(ctx.mention_at(t) not in {None, mention} for t in words)
    ):
        return None
    return span


def _as_person(ctx: Context, span: tuple[int, int]) -> Mention | None:
    mention = mention_over(ctx, span)
    if mention is not None and mention.type is EntityType.PERSON:
        return mention
    words = ctx.doc[span[0] : span[1]]
    return ctx.add_mention(words, EntityType.PERSON, confidence=0.6, replace=True)


def _work_before(
    ctx: Context, cue_token: Token, any_name: bool, person: tuple[int, int]
) -> Mention | None:
    """The work named before a credit word: "Superman actor", "the Today programme
    presenter"; ``any_name`` lets an untyped name (or a character's) be the work."""
    doc = ctx.doc
    last = cue_token.i - 1
    noun_typed = last >= 0 and (found := thing_of(doc[last])) is not None
    if noun_typed and found.type is not EntityType.WORK:
        return None
    if noun_typed:
        last -= 1
    span = span_ending(ctx, last)
    if span is None and last >= 0 and doc[last].is_sent_start:
        span = (last, last + 1)  # a sentence's first word is a name only if the article says so
    if span is None:
        return None
    if span[0] > 0 and doc[span[0] - 1].text in POSSESSIVE_MARKS:
        return None
    text = doc[span[0] : span[1]].text
    mention = mention_over(ctx, span)
    if span[1] > person[0] or (mention is not None and mention.antecedent is not None):
        return None
    typed = (
        noun_typed
        or text.casefold() in _works_named(ctx)
        or (mention is not None and mention.type is EntityType.WORK)
    )
    words = doc[span[0] : span[1]]
    if industry(text) or genre(text):
        return None  # "Hollywood actor X", "R&B star Keys"
    named = text.casefold() in _works_named(ctx)
    if len(words) == 1 and words[0].is_sent_start and mention is None and not named:
        return None  # "Veteran actress X", "Talk show host X"
    if not typed:
        if not any_name or lexicon.demonym_country(text):
            return None
        if words[-1].pos_ != "PROPN":
            return None  # "Veteran actor X", "Shakespearean actor X"
        if thing_of(words[-1]) is not None or any(t.like_num for t in words):
            return None  # "the Oscar actress", "the 2012 actor"
        if mention is not None and mention.type not in RETYPABLE | {EntityType.PERSON}:
            return None  # an organisation, place, group or event employs or honours actors
    # "Superman actor": NER's person is the character, and the name the film's
    return as_thing(ctx, span, EntityType.WORK, strong=False, person_ok=True)


def _role_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Former Superman actor the late Christopher Reeve", "Parasite director Bong Joon-ho"."""
    for token in ctx.with_pos("NOUN", "PROPN"):
        if not token.is_lower:
            continue
        lower = ctx.lowers[token.i]
        credit = cue(lower, "role") or cue(lower, "work_role")
        if credit is None or credit.predicate is None:
            continue
        person_span = _person_after(ctx, token.i + 1)
        if person_span is None:
            continue
        work = _work_before(ctx, token, credit.kind == "role", person_span)
        if work is None:
            continue
        person = _as_person(ctx, person_span)
        if person is None or not fits(credit.predicate, work, person):
            continue
        stance, speaker = presupposed(ctx, token)
        yield ctx.relation(
            work, credit.predicate, person, [token], confidence=0.7, stance=stance, speaker=speaker
        )


def _work_after_in(
    ctx: Context, index: int, any_name: bool, acting: bool = False
) -> Mention | None:
    """The work named after "in": "in Monster", "in the film Lionheart", "in The Lunchbox";
    in an article about sport a performance is a match's, so the name must be a work."""
    doc = ctx.doc
    any_name = any_name and not ctx.notes.get("sport")
    if index >= len(doc) or doc[index].lower_ != "in":
        return None
    first = index + 1
    noun_typed = False
    if first + 1 < len(doc) and doc[first].lower_ in {"the", "a"}:
        found = thing_of(doc[first + 1])
        if found is not None and found.type is EntityType.WORK:
            first, noun_typed = first + 2, True
    span = span_starting(ctx, first)
    if span is None:
        return None
    words = doc[span[0] : span[1]]
    mention = mention_over(ctx, span)
    typed = (
        noun_typed
        or words.text.casefold() in _works_named(ctx)
        or (mention is not None and mention.type is EntityType.WORK)
    )
    if not typed:
        if not any_name or any(t.like_num for t in words) or industry(words.text):
            return None  # "in Euro 2004" is a tournament
        # NER often takes a film's title for a place, and for a firm: after an acting verb
        # ("starred in Lionheart") a firm's name is a title, after "performance in" it is not
        unsure = UNSURE_TITLES if acting else {EntityType.PLACE}
        if mention is not None and mention.type not in RETYPABLE | unsure:
            return None
        if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
            return None
        if span[1] < len(doc) and doc[span[1]].text in POSSESSIVE_MARKS:
            return None  # "starred in Chelsea's win"
    return as_thing(ctx, span, EntityType.WORK, strong=True)


def _performance_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Charlize Theron's Oscar winning performance in Monster", "her role in the film X"."""
    for token in ctx.with_pos("NOUN"):
        if not token.is_lower:
            continue
        lemma = ctx.lemmas[token.i]
        credit = cue(lemma, "performance") or cue(lemma, "work_performance")
        if credit is None or credit.predicate is None:
            continue
        owner = possessor(ctx, _award_modifiers_before(ctx, token.i))
        if owner is None or owner[1].type is not EntityType.PERSON:
            continue
        work = _work_after_in(ctx, token.i + 1, credit.kind == "performance")
        if work is None or not fits(credit.predicate, work, owner[1]):
            continue
        stance, speaker = presupposed(ctx, token)
        yield ctx.relation(
            work,
            credit.predicate,
            owner[1],
            [owner[0], token],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


def _acting_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Audrey Tautou starred in Amélie", "she will star in Lionheart" (proposed): the
    subject of an acting verb is in the work named after its "in"."""
    for verb in ctx.with_pos("VERB"):
        if cue(ctx.lemmas[verb.i], "acting_verb") is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        actor = ctx.mention_at(subject) if subject is not None else None
        if actor is None or (actor := ctx.referent(actor)).type is not EntityType.PERSON:
            continue
        places = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
        work = _work_after_in(ctx, places[0].i, any_name=True, acting=True) if places else None
        if work is None or not fits("castMember", work, actor):
            continue
        stance, speaker = stance_of(ctx, verb)
        yield ctx.relation(
            work,
            "castMember",
            actor,
            [subject, verb, places[0]],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


def _starring_credits(ctx: Context) -> Iterator[RelationMention]:
    """Read from the words where the parser loses them: "Squid Game, starring Lee Jung-jae
    (and X)" (the name before the comma is the work, whatever NER took it for) and "Tom
    Hanks stars in Big" with "stars" read as a noun."""
    doc, acting = ctx.doc, lexicon.credit_words("acting_verb")
    for word, lemma in zip(ctx.tokens, ctx.lemmas, strict=True):
        if lemma not in acting or word.i == 0:
            continue
        if word.lower_.endswith("ing") and doc[word.i - 1].text == ",":
            span = span_ending(ctx, word.i - 2)
            actors = _people_from(ctx, word.i + 1)
            if span is None or not actors:
                continue
            work = as_thing(ctx, span, EntityType.WORK, strong=True, person_ok=True)
            anchor = word
        elif word.pos_ != "VERB" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "in":
            actor = ctx.mention_at(doc[word.i - 1])
            if actor is None or ctx.mention_tokens(actor)[-1].i != word.i - 1:
                continue
            actors = [(doc[word.i - 1], ctx.referent(actor))]
            work = _work_after_in(ctx, word.i + 1, any_name=True, acting=True)
            anchor = word
        else:
            continue
        for token, actor in actors:
            if work is None or actor.type is not EntityType.PERSON:
                continue
            if not fits("castMember", work, actor):
                continue
            stance, speaker = presupposed(ctx, anchor)
            yield ctx.relation(
                work,
                "castMember",
                actor,
                [token, anchor],
                confidence=0.7,
                stance=stance,
                speaker=speaker,
            )


def _people_from(ctx: Context, index: int) -> list[tuple[Token, Mention]]:
    """The people named from ``index`` on: "Tom Hanks", "Tom Hanks and Robin Wright"."""
    doc = ctx.doc
    found = []
    while index < len(doc):
        mention = ctx.mention_at(doc[index])
        if mention is None or mention.type is not EntityType.PERSON:
            break
        tokens = ctx.mention_tokens(mention)
        if tokens[0].i != index:
            break
        found.append((doc[index], mention))
        index = tokens[-1].i + 1
        if index >= len(doc) or doc[index].lower_ not in {"and", ","}:
            break
        index += 1
    return found


def _award_modifiers_before(ctx: Context, index: int) -> int:
    """The start of the modifiers before ``index``, past an award's name written before
    "winning" or "nominated" ("Theron's Oscar winning performance", "Bafta-nominated")."""
    doc = ctx.doc
    start = index
    while start - 1 >= 0 and index - start <= MODIFIER_REACH:
        word = doc[start - 1]
        nxt = doc[start] if start < index else None
        award = (
            word.text[:1].isupper()
            and nxt is not None
            and (nxt.text == "-" or cue(nxt.lower_, "award_participle") is not None)
        )
        if not award and modifiers_before(doc, start, 1) == start:
            break
        start -= 1
    return start


def _director_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "director Mira Nair's Monsoon Wedding", "film-maker Kunle Afolayan's film October 1"."""
    doc = ctx.doc
    for mention in list(ctx.mentions):
        if mention.type is not EntityType.PERSON or mention.antecedent is not None:
            continue
        tokens = ctx.mention_tokens(mention)
        before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        after = tokens[-1].i + 1
        if before is None or cue(before.lower_, "director_title") is None:
            continue
        if not (before.is_lower or before.is_sent_start):
            continue
        if _corporate_title(before):
            continue
        if after >= len(doc) or doc[after].text not in POSSESSIVE_MARKS:
            continue
        first = after + 1
        while first < len(doc) and doc[first].is_lower and thing_of(doc[first]) is None:
            if doc[first].pos_ not in {"ADJ", "VERB", "ADV"} or first - after > MODIFIER_REACH:
                break
            first += 1
        noun_typed = False
        if first < len(doc) and (found := thing_of(doc[first])) is not None:
            if found.type is not EntityType.WORK or found.maker is not None:
                continue  # "director X's album": the director's music is no film of his
            first, noun_typed = first + 1, True
            if first < len(doc) and doc[first].text == ",":
                first += 1
        span = span_starting(ctx, first)
        if span is None:
            continue
        target = mention_over(ctx, span)
        typed = noun_typed or (target is not None and target.type is EntityType.WORK)
        if not typed and target is not None and target.type not in RETYPABLE:
            continue
        if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
            continue  # "director X's Hollywood home"
        work = as_thing(ctx, span, EntityType.WORK, strong=False)
        if work is None or not fits("director", work, mention):
            continue
        stance, speaker = presupposed(ctx, before)
        yield ctx.relation(
            work,
            "director",
            mention,
            [before, doc[span[0]]],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


def _corporate_title(title: Token) -> bool:
    """ "managing director", "BP director": a word before "director" other than a film
    noun ("film director") or a determiner makes it a firm's or a body's title."""
    if title.i == 0 or title.is_sent_start:
        return False
    before = title.doc[title.i - 1]
    if not before.is_alpha or before.pos_ in {"DET", "PRON", "ADP", "CCONJ", "VERB", "AUX"}:
        return False
    found = thing_of(before)
    return found is None or found.type is not EntityType.WORK


def _award_name(ctx: Context, participle: Token) -> Mention | None:
    """The award before "winning"/"nominated": "Oscar-winning", "Booker Prize-winning"
    (its last word an award noun of graph/schema/product_nouns.tsv), typed an event."""
    doc = ctx.doc
    last = participle.i - 2 if participle.i > 1 and doc[participle.i - 1].text == "-" else -1
    if last < 0 and participle.i > 0 and doc[participle.i - 1].whitespace_:
        last = participle.i - 1  # "Oscar winning"
    span = span_ending(ctx, last) if last >= 0 else None
    if span is None and last >= 0 and doc[last].is_sent_start:
        span = (last, last + 1)  # "Oscar-winning actress X." opening the sentence
    if span is None or not doc[span[1] - 1].text[:1].isupper():
        return None
    found = thing_of(doc[span[1] - 1])
    if found is None or found.type is not EntityType.EVENT:
        return None  # "Race-winning driver": no award's name
    mention = mention_over(ctx, span)
    if mention is not None and mention.type is EntityType.EVENT:
        return mention
    if mention is not None and mention.type not in RETYPABLE | WEAKLY_TYPED | {EntityType.PERSON}:
        return None
    words = doc[span[0] : span[1]]
    return ctx.add_mention(words, EntityType.EVENT, confidence=0.7, replace=True)


def _award_holder(ctx: Context, participle: Token, award: Mention) -> tuple[Token, Mention] | None:
    """Who won the award of "AWARD-winning": the person or work the phrase describes
    ("Oscar-winning actress Olivia Colman", "the Oscar-winning film Parasite") or the
    possessor ("Theron's Oscar winning performance")."""
    doc = ctx.doc
    index = participle.i + 1
    while index < len(doc) and index - participle.i <= 3 and doc[index].is_lower:
        found = thing_of(doc[index])
        if found is not None and found.type is EntityType.WORK:
            span = span_starting(ctx, index + 1)
            if span is None or (mention_over(ctx, span) is None and span[1] - span[0] > 1):
                return None
            work = as_thing(ctx, span, EntityType.WORK, strong=False, person_ok=True)
            return (doc[index + 1], work) if work is not None else None
        if doc[index].pos_ not in {"NOUN", "ADJ"}:
            break
        index += 1
    if index < len(doc) and index > participle.i + 1:
        person = ctx.mention_at(doc[index])
        if (
            person is not None
            and person.type is EntityType.PERSON
            and ctx.mention_tokens(person)[0].i == index
        ):
            return doc[index], person
    first = ctx.mention_tokens(award)[0].i
    owner = possessor(ctx, first)
    if owner is not None and owner[1].type is EntityType.PERSON:
        return owner
    return None


def _award_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Oscar-winning actress Olivia Colman" (asserted), "Bafta-nominated director X"
    (proposed: a nomination wins nothing), "Theron's Oscar winning performance"."""
    participles = lexicon.credit_words("award_participle")
    for participle, lower in zip(ctx.tokens, ctx.lowers, strict=True):
        participle_cue = cue(lower, "award_participle") if lower in participles else None
        if participle_cue is None:
            continue
        award = _award_name(ctx, participle)
        holder = _award_holder(ctx, participle, award) if award is not None else None
        if award is None or holder is None or not fits("awardReceived", holder[1], award):
            continue
        stance, speaker = presupposed(ctx, participle)
        if participle.lower_ == "nominated":
            stance = Stance.PROPOSED
        yield ctx.relation(
            holder[1],
            "awardReceived",
            award,
            [ctx.mention_tokens(award)[0], participle, holder[0]],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


@extractors.register("credits", order=59)
def credits(ctx: Context) -> Iterator[RelationMention]:
    """Cast, directors and performers credited with named works (see the module docstring)."""
    for found in (
        _role_credits,
        _performance_credits,
        _acting_credits,
        _starring_credits,
        _director_credits,
        _award_credits,
    ):
        for relation in found(ctx):
            if not already(ctx, relation):
                yield relation
