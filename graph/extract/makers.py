"""Who makes, performs, directs or acts in a named product or work, read from the words
around the name, since the small parser attaches these phrases too loosely for one
dependency path (organisations.py holds the paths that do hold):

- a product or work noun (graph/schema/product_nouns.tsv) next to the name ("Drake's
  Scorpion album", "BTS's single Dynamite"), said of it ("Sony's PlayStation 5 is the
  best-selling console", "the Nano, a car") or naming it ("its service, dubbed Skype Out")
  gives the maker predicate; the maker is the possessive before the phrase (a possessive
  pronoun through its resolved antecedent) or, failing one, an organisation of the article
  whose name begins the product's ("the BBC iPlayer service");
- a credit word (graph/schema/credit_cues.tsv) between a work and a person ("EastEnders
  actress Barbara Windsor"), a person's "performance in" a work, and a director's possessed
  work ("director Mira Nair's Monsoon Wedding") credit the person with the work.

A possessive or a credit in a noun phrase holds whatever its clause says (as "its Osram
unit" does in organisations.py); a maker read from the name alone takes the clause's stance.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.coref_lexicon import given_names
from graph.extract.creative import titled_name
from graph.extract.entity_types import form_type
from graph.extract.organisations import Thing, thing_of
from graph.extract.stance import stance_of
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.name_variants import known_place
from graph.vocab import relation_schema

RETYPABLE = {EntityType.CONCEPT, EntityType.PRODUCT, EntityType.WORK}
"""Types a product or work noun overrules on its own."""
WEAKLY_TYPED = {
    EntityType.ORGANIZATION,
    EntityType.GROUP,
    EntityType.PLACE,
    EntityType.QUANTITY,
    EntityType.EVENT,
}
"""Types it overrules once a maker other than the name is found ("Sony's PlayStation 5",
NER's event "Ioniq 5"): a firm's name before a noun is otherwise the maker ("a Sony camera")."""
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
MODIFIER_REACH = 3
"""Lower-case modifiers between a possessive and its phrase ("Adele's new hit single")."""
NOUN_REACH = 2
"""Lower-case modifiers between a name and its noun ("the Optio SV digital camera")."""
NAME_REACH = 6
DASHES = {",", "-", "–", "—", ":"}
QUOTES = {'"', "“", "‘", "'"}
SKIPPED_BEFORE_PERSON = {"the", "late", "former"}


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    predicate: str | None


@lru_cache(maxsize=1)
def credit_cues() -> dict[str, list[Cue]]:
    """Word -> its cues (graph/schema/credit_cues.tsv); a word may have several kinds."""
    table: dict[str, list[Cue]] = defaultdict(list)
    for word, kind, predicate in lexicon._rows("credit_cues.tsv", 3):
        table[word].append(Cue(kind, None if predicate in {"", "-"} else predicate))
    return dict(table)


def _cue(word: str, kind: str) -> Cue | None:
    return next((c for c in credit_cues().get(word, []) if c.kind == kind), None)


def _industry(name: str) -> bool:
    return _cue(name.lower(), "industry") is not None


# ---- names --------------------------------------------------------------------------
def _name_token(token: Token) -> bool:
    """A word that may be part of a name: a proper noun, a capitalised word inside the
    sentence, a model number."""
    if token.is_punct and token.text not in {"-", "&"}:
        return False
    return (
        token.pos_ == "PROPN"
        or (token.text[:1].isupper() and not token.is_sent_start)
        or token.like_num
        or any(c.isdigit() for c in token.text)
    )


def _span_ending(ctx: Context, last: int) -> tuple[int, int] | None:
    """The name whose last token is ``last``: the mention there, or a run of name words."""
    doc = ctx.doc
    if last < 0 or not _name_token(doc[last]) or doc[last].text in {"-", "&"}:
        return None
    mention = ctx.mention_at(doc[last])
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        return (tokens[0].i, last + 1) if tokens[-1].i == last else None
    start = last
    while start - 1 >= doc[last].sent.start and last - start < NAME_REACH:
        before = doc[start - 1]
        if not _name_token(before) or before.tag_ == "POS" or ctx.mention_at(before):
            break
        start -= 1
    while doc[start].text in {"-", "&"}:
        start += 1
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() or t.like_num for t in doc[start : last + 1]):
        return None
    return start, last + 1


def _span_around(ctx: Context, token: Token) -> tuple[int, int] | None:
    """The name a token is part of: the mention covering it, or the run of name words
    ending at it."""
    mention = ctx.mention_at(token)
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        return tokens[0].i, tokens[-1].i + 1
    return _span_ending(ctx, token.i)


def _span_starting(ctx: Context, first: int) -> tuple[int, int] | None:
    """The name whose first token is ``first``: the mention there, or a title-cased run."""
    doc = ctx.doc
    if first >= len(doc):
        return None
    mention = ctx.mention_at(doc[first])
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        return (first, tokens[-1].i + 1) if tokens[0].i == first else None
    return titled_name(ctx, first)


def _mention_over(ctx: Context, span: tuple[int, int]) -> Mention | None:
    """The mention covering exactly these tokens, if any."""
    doc = ctx.doc
    mention = ctx.mention_at(doc[span[0]])
    if mention is None:
        return None
    tokens = ctx.mention_tokens(mention)
    return mention if (tokens[0].i, tokens[-1].i + 1) == span else None


def _as_thing(
    ctx: Context, span: tuple[int, int], etype: EntityType, strong: bool
) -> Mention | None:
    """The mention of a named product or work over ``span``, typed ``etype`` when nothing
    says otherwise: a concept or an untyped name always, an organisation's, place's or
    event's name only when ``strong`` (a maker other than the name was found), never a
    person's or a known place's name."""
    doc = ctx.doc
    words = doc[span[0] : span[1]]
    inside = {ctx.mention_at(t) for t in words} - {None}
    if any(
        (tokens := ctx.mention_tokens(m)) and (tokens[0].i < span[0] or tokens[-1].i >= span[1])
        for m in inside
    ):
        return None  # a mention reaching out of the name: the name is part of something else
    mention = _mention_over(ctx, span)
    if mention is not None and mention.type is etype:
        return mention
    for old in inside:
        if known_place(old.name) or old.antecedent is not None:
            return None
        if old.type is EntityType.PERSON and not (strong and _misread_product(old, etype)):
            return None
        if old.type not in RETYPABLE | {EntityType.PERSON} and not (
            strong and old.type in WEAKLY_TYPED
        ):
            return None
    if known_place(words.text) or _industry(words.text):
        return None
    return ctx.add_mention(words, etype, confidence=0.7, replace=True)


def _misread_product(mention: Mention, etype: EntityType) -> bool:
    """ "Sony's Playstation Portable is the top gadget": NER's person is a device when a
    product noun says so and the name starts with no given name."""
    first = mention.name.split()[0] if mention.name else ""
    return etype is EntityType.PRODUCT and first not in given_names()


# ---- products and works named by their nouns ----------------------------------------
@dataclass(frozen=True, slots=True)
class Named:
    """A product or work noun and the name it types, with where the phrase starts."""

    noun: Token
    thing: Thing
    span: tuple[int, int]
    phrase_start: int


def _modifiers_before(doc, index: int, reach: int) -> int:  # type: ignore[no-untyped-def]
    """The first of up to ``reach`` lower-case modifiers ending just before ``index``."""
    start = index
    while start - 1 >= 0 and index - start < reach:
        if (feature := lexicon.feature_start(doc, start)) < start:
            start = feature  # "902 3G mobile phone"
            continue
        word = doc[start - 1]
        if not (word.is_lower or word.text in {"-"}) or word.pos_ not in {"ADJ", "NOUN", "VERB", "ADV", "PUNCT", "NUM"}:
            break
        if word.is_punct and word.text != "-":
            break
        start -= 1
    return start


def _named_things(ctx: Context) -> Iterator[Named]:
    """Every product or work noun with the name it types (see the module docstring)."""
    doc = ctx.doc
    for noun in doc:
        thing = thing_of(noun)
        if thing is None or thing.type is EntityType.EVENT or not noun.is_lower:
            continue
        if noun.pos_ not in {"NOUN", "PROPN"} and not _before_name(noun):
            continue  # "single", "hit" read as adjective or verb before a title
        found = (
            _name_before_noun(ctx, noun)
            or _name_after_noun(ctx, noun)
            or _name_said_of(ctx, noun)
        )
        if found is not None:
            span, start = found
            yield Named(noun, thing, span, start)


def _before_name(noun: Token) -> bool:
    """ "BTS's single Dynamite": a cue the parser read as a modifier stands before a name."""
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.text[:1].isupper() and noun.pos_ in {"ADJ", "VERB"}


def _name_before_noun(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "Drake's Scorpion album", "the Optio SV digital camera": the name before the noun."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    doc = ctx.doc
    start = _modifiers_before(doc, noun.i, NOUN_REACH)
    if any(thing_of(t) is not None for t in doc[start : noun.i]):
        return None  # "the album track": the nearer noun types the name
    span = _span_ending(ctx, start - 1)
    if span is None:
        return None
    return span, span[0]


def _name_after_noun(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "his album Renaissance", "the album, Renaissance," 'the single "Dynamite"'."""
    doc = ctx.doc
    first = noun.i + 1
    if first < len(doc) and doc[first].text == ",":
        first += 1
    if first >= len(doc) or doc[first].is_sent_start:
        return None
    span = _span_starting(ctx, first)
    if span is None:
        return None
    if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
        return None  # "the hit Broadway show": the name is a modifier of another noun
    return span, _modifiers_before(doc, noun.i, MODIFIER_REACH)


def _name_said_of(ctx: Context, noun: Token) -> tuple[tuple[int, int], int] | None:
    """ "X is the best-selling console", "the Nano, a car", "a service dubbed Skype Out"."""
    doc = ctx.doc
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (span := _span_around(ctx, subject)) is not None:
            return span, span[0]
    if noun.dep_ == "appos" and head.i < noun.i and doc[noun.left_edge.i - 1].text == ",":
        if (span := _span_ending(ctx, noun.left_edge.i - 2)) is not None:
            return span, span[0]
    index = noun.i + 1
    while index < len(doc) and doc[index].text in DASHES:
        index += 1
    if index < len(doc) and _cue(doc[index].lower_, "naming") is not None:
        first = index + 1
        if first < len(doc) and doc[first].lower_ == "the":
            first += 1
        span = _span_starting(ctx, first)
        if span is not None:
            return span, _modifiers_before(doc, noun.i, MODIFIER_REACH)
    return None


def _possessor(ctx: Context, start: int) -> tuple[Token, Mention] | None:
    """The named owner of the phrase starting at token ``start``: "Sony's ...", "its ..."
    (through the pronoun's antecedent), past a few lower-case modifiers."""
    doc = ctx.doc
    index = _modifiers_before(doc, start, MODIFIER_REACH) - 1
    if index < 0:
        return None
    word = doc[index]
    if word.tag_ == "PRP$":
        owner = ctx.mention_at(word)
        if owner is None or owner.antecedent is None:
            return None
        return word, ctx.referent(owner)
    if word.text not in POSSESSIVE_MARKS or index == 0:
        return None
    owner = ctx.mention_at(doc[index - 1])
    if owner is None:
        return None
    return doc[index - 1], ctx.referent(owner)


def _maker_before_name(ctx: Context, span: tuple[int, int]) -> tuple[Token, Mention] | None:
    """ "the BMW i4 electric car": an organisation's name written just before the model's,
    where NER split the two."""
    doc = ctx.doc
    if span[0] == 0:
        return None
    before = doc[span[0] - 1]
    maker = ctx.mention_at(before)
    if maker is None or maker.type is not EntityType.ORGANIZATION or maker.antecedent:
        return None
    first = ctx.mention_tokens(maker)[0].i
    if first > 0 and doc[first - 1].text in POSSESSIVE_MARKS:
        return None
    return before, maker


def _prefix_maker(ctx: Context, span: tuple[int, int]) -> Mention | None:
    """An organisation of the article, mentioned apart, whose name begins the product's
    ("BBC" of "the BBC iPlayer service"); the longest one."""
    doc = ctx.doc
    words = [t.text.casefold() for t in doc[span[0] : span[1]]]
    best: Mention | None = None
    for mention in ctx.mentions:
        if mention.type is not EntityType.ORGANIZATION or mention.antecedent is not None:
            continue
        tokens = ctx.mention_tokens(mention)
        if not tokens or span[0] <= tokens[0].i < span[1]:
            continue
        name = [t.casefold() for t in mention.name.split()]
        if 0 < len(name) < len(words) and words[: len(name)] == name:
            if best is None or len(name) > len(best.name.split()):
                best = mention
    return best


def _fits(predicate: str, subject: Mention, obj: Mention) -> bool:
    relation = relation_schema()[predicate]
    return (
        subject.type.value in relation.domain
        and obj.type.value in relation.range
        and subject.name.casefold() != obj.name.casefold()
    )


def _presupposed(ctx: Context, anchor: Token) -> tuple[Stance, Mention | None]:
    """A noun phrase's relation holds whatever its clause says, unless a speaker says it."""
    _, speaker = stance_of(ctx, anchor)
    return (Stance.REPORTED if speaker is not None else Stance.ASSERTED), speaker


def _maker_relations(ctx: Context) -> Iterator[RelationMention]:
    for named in _named_things(ctx):
        predicate = named.thing.maker
        if predicate is None:
            continue
        owner = _possessor(ctx, named.phrase_start)
        if owner is None and named.phrase_start != named.span[0]:
            owner = _possessor(ctx, named.span[0])  # "Sony's PlayStation 5 is the console"
        if owner is None:
            owner = _maker_before_name(ctx, named.span)
        if owner is not None:
            token, maker = owner
            stance, speaker = _presupposed(ctx, named.noun)
        else:
            maker = _prefix_maker(ctx, named.span)
            if maker is None:
                continue
            token = ctx.doc[named.span[0]]
            stance, speaker = stance_of(ctx, named.noun)
        thing = _as_thing(ctx, named.span, named.thing.type, strong=True)
        if thing is None or not _fits(predicate, thing, maker):
            continue
        yield ctx.relation(
            thing,
            predicate,
            maker,
            [named.noun, token, ctx.doc[named.span[0]]],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


# ---- credits --------------------------------------------------------------------------
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
    mention = _mention_over(ctx, span)
    if mention is not None and mention.type is EntityType.PERSON:
        return mention
    return ctx.add_mention(ctx.doc[span[0] : span[1]], EntityType.PERSON, confidence=0.6, replace=True)


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
    span = _span_ending(ctx, last)
    if span is None and last >= 0 and doc[last].is_sent_start:
        span = (last, last + 1)  # a sentence's first word is a name only if the article says so
    if span is None:
        return None
    if span[0] > 0 and doc[span[0] - 1].text in POSSESSIVE_MARKS:
        return None
    text = doc[span[0] : span[1]].text
    mention = _mention_over(ctx, span)
    if span[1] > person[0] or (mention is not None and mention.antecedent is not None):
        return None
    typed = noun_typed or text.casefold() in _works_named(ctx) or (
        mention is not None and mention.type is EntityType.WORK
    )
    if not typed:
        if not any_name or _industry(text) or lexicon.demonym_country(text):
            return None
        if doc[span[0]].is_sent_start and doc[span[0]].pos_ != "PROPN":
            return None  # "Veteran actor X"
        if thing_of(doc[span[1] - 1]) is not None or any(t.like_num for t in doc[span[0] : span[1]]):
            return None  # "the Oscar actress", "the 2012 actor"
        if mention is not None and mention.type not in RETYPABLE | {EntityType.PERSON}:
            return None  # an organisation, place, group or event employs or honours actors
    strong = typed or (mention is not None and mention.type is EntityType.PERSON)
    if mention is not None and mention.type is EntityType.PERSON:
        ctx.remove_mention(mention)  # "Superman": NER's person is the character's film
    return _as_thing(ctx, span, EntityType.WORK, strong=strong)


def _role_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Former Superman actor the late Christopher Reeve", "Parasite director Bong Joon-ho"."""
    for token in ctx.doc:
        if not token.is_lower or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        cue = _cue(token.lower_, "role") or _cue(token.lower_, "work_role")
        if cue is None or cue.predicate is None:
            continue
        person_span = _person_after(ctx, token.i + 1)
        if person_span is None:
            continue
        work = _work_before(ctx, token, cue.kind == "role", person_span)
        if work is None:
            continue
        person = _as_person(ctx, person_span)
        if person is None or not _fits(cue.predicate, work, person):
            continue
        stance, speaker = _presupposed(ctx, token)
        yield ctx.relation(
            work, cue.predicate, person, [token], confidence=0.7, stance=stance, speaker=speaker
        )


def _work_after_in(ctx: Context, index: int, any_name: bool) -> Mention | None:
    """The work named after "in": "in Monster", "in the film Lionheart", "in The Lunchbox"."""
    doc = ctx.doc
    if index >= len(doc) or doc[index].lower_ != "in":
        return None
    first = index + 1
    noun_typed = False
    if first + 1 < len(doc) and doc[first].lower_ in {"the", "a"}:
        found = thing_of(doc[first + 1])
        if found is not None and found.type is EntityType.WORK:
            first, noun_typed = first + 2, True
    span = _span_starting(ctx, first)
    if span is None:
        return None
    words = doc[span[0] : span[1]]
    mention = _mention_over(ctx, span)
    typed = noun_typed or words.text.casefold() in _works_named(ctx) or (
        mention is not None and mention.type is EntityType.WORK
    )
    if not typed:
        if not any_name or any(t.like_num for t in words) or _industry(words.text):
            return None  # "in Euro 2004" is a tournament
        if mention is not None and mention.type not in RETYPABLE | {EntityType.PLACE}:
            return None
        if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
            return None
    return _as_thing(ctx, span, EntityType.WORK, strong=True)


def _performance_credits(ctx: Context) -> Iterator[RelationMention]:
    """ "Charlize Theron's Oscar winning performance in Monster", "her role in the film X"."""
    doc = ctx.doc
    for token in doc:
        if token.pos_ != "NOUN" or not token.is_lower:
            continue
        cue = _cue(token.lemma_.lower(), "performance") or _cue(
            token.lemma_.lower(), "work_performance"
        )
        if cue is None or cue.predicate is None:
            continue
        owner = _possessor(ctx, _award_modifiers_before(ctx, token.i))
        if owner is None or owner[1].type is not EntityType.PERSON:
            continue
        work = _work_after_in(ctx, token.i + 1, cue.kind == "performance")
        if work is None or not _fits(cue.predicate, work, owner[1]):
            continue
        stance, speaker = _presupposed(ctx, token)
        yield ctx.relation(
            work,
            cue.predicate,
            owner[1],
            [owner[0], token],
            confidence=0.7,
            stance=stance,
            speaker=speaker,
        )


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
            and (nxt.text == "-" or _cue(nxt.lower_, "award_participle") is not None)
        )
        if not award and _modifiers_before(doc, start, 1) == start:
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
        if before is None or _cue(before.lower_, "director_title") is None:
            continue
        if not (before.is_lower or before.is_sent_start):
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
        span = _span_starting(ctx, first)
        if span is None:
            continue
        target = _mention_over(ctx, span)
        if not noun_typed and target is not None and target.type not in RETYPABLE:
            continue
        if span[1] < len(doc) and doc[span[1]].is_lower and doc[span[1]].pos_ == "NOUN":
            continue  # "director X's Hollywood home"
        work = _as_thing(ctx, span, EntityType.WORK, strong=noun_typed)
        if work is None or not _fits("director", work, mention):
            continue
        stance, speaker = _presupposed(ctx, before)
        yield ctx.relation(
            work, "director", mention, [before, doc[span[0]]], confidence=0.7, stance=stance,
            speaker=speaker,
        )


def _already(ctx: Context, relation: RelationMention) -> bool:
    """Whether an earlier extractor wrote the same fact from the same sentence."""
    relations = ctx.notes.get("relations", [])
    assert isinstance(relations, list)
    key = (relation.subject.name.casefold(), relation.predicate, relation.object.name.casefold())
    return any(
        (r.subject.name.casefold(), r.predicate, r.object.name.casefold()) == key
        and r.evidence.sentence_start == relation.evidence.sentence_start
        and r.stance is relation.stance
        for r in relations
    )


@extractors.register("makers", order=58)
def makers(ctx: Context) -> Iterator[RelationMention]:
    """Makers, performers, directors and cast of named products and works (module docstring)."""
    for found in (
        _maker_relations,
        _role_credits,
        _performance_credits,
        _director_credits,
    ):
        for relation in found(ctx):
            if not _already(ctx, relation):
                yield relation
