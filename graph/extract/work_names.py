"""Names of products and works in the words around them, shared by makers.py and
credits.py: the name a run of words or a mention gives, the possessive before a phrase, and
the typing of a name as a product or work when nothing says it is something else. Cue words:
graph/schema/credit_cues.tsv.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph import lexicon
from graph.extract.context import Context
from graph.extract.coref_lexicon import given_names
from graph.extract.creative import TITLE_GLUE, titled_name
from graph.extract.organisations import things
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
NAME_REACH = 6
MODIFIER_POS = {"ADJ", "NOUN", "VERB", "ADV", "NUM"}


def cue(word: str, kind: str) -> lexicon.CreditCue | None:
    return lexicon.credit_cue(word, kind)


def industry(name: str) -> bool:
    """A film or theatre industry ("Hollywood"): no work's name."""
    return cue(name.lower(), "industry") is not None


def genre(name: str) -> bool:
    """A kind of music or film ("R&B star Keys"): no work's name before a credit word,
    though a product may bear it ("the Honda Jazz car")."""
    return cue(name.lower(), "genre") is not None


# ---- names --------------------------------------------------------------------------
def name_token(token: Token) -> bool:
    """A word that may be part of a name: a proper noun, a capitalised word inside the
    sentence, a model number."""
    if token.is_punct and token.text not in {"-", "&"}:
        return False
    if any(c.isdigit() for c in token.text) or token.text in {"-", "&"}:
        return True
    if not any(c.isupper() for c in token.text):
        return False  # "chat show host": a lower-case word names nothing ("iPod" does)
    return token.pos_ == "PROPN" or not token.is_sent_start


def span_ending(ctx: Context, last: int) -> tuple[int, int] | None:
    """The name whose last token is ``last``: the mention there, or a run of name words."""
    doc = ctx.doc
    if last < 0 or not name_token(doc[last]) or doc[last].text in {"-", "&"}:
        return None
    mention = ctx.mention_at(doc[last])
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        return (tokens[0].i, last + 1) if tokens[-1].i == last else None
    start = last
    while start - 1 >= doc[last].sent.start and last - start < NAME_REACH:
        before = doc[start - 1]
        glue = (
            before.lower_ in TITLE_GLUE
            and start - 2 >= doc[last].sent.start
            and name_token(doc[start - 2])
            and not ctx.mention_at(doc[start - 2])
        )  # "Like a Virgin"
        if not (name_token(before) or glue) or before.tag_ == "POS" or ctx.mention_at(before):
            break
        start -= 1
    while doc[start].text in {"-", "&"}:
        start += 1
    words = doc[start : last + 1]
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() or t.like_num for t in words):
        return None
    return start, last + 1


def span_around(ctx: Context, token: Token) -> tuple[int, int] | None:
    """The name a token heads: the mention covering it, or the run of name words ending at
    it, with the numbers of its phrase after it ("iPhone 15" where NER found "iPhone")."""
    mention = ctx.mention_at(token)
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        span = (tokens[0].i, tokens[-1].i + 1)
    else:
        found = span_ending(ctx, token.i)
        if found is None:
            return None
        span = found
    end = span[1]
    while end <= token.right_edge.i and ctx.doc[end].like_num:
        number = ctx.mention_at(ctx.doc[end])
        if number is not None and number.type is not EntityType.QUANTITY:
            break
        end += 1
    return span[0], end


def span_starting(ctx: Context, first: int) -> tuple[int, int] | None:
    """The name whose first token is ``first``: the mention there, or a title-cased run."""
    doc = ctx.doc
    if first >= len(doc):
        return None
    mention = ctx.mention_at(doc[first])
    if mention is not None:
        tokens = ctx.mention_tokens(mention)
        if tokens[0].i != first or not name_token(doc[first]):
            return None  # "his songs, half of which": a quantity, no title
        return first, tokens[-1].i + 1
    return titled_name(ctx, first)


def mention_over(ctx: Context, span: tuple[int, int]) -> Mention | None:
    """The mention covering exactly these tokens, if any."""
    doc = ctx.doc
    mention = ctx.mention_at(doc[span[0]])
    if mention is None:
        return None
    tokens = ctx.mention_tokens(mention)
    return mention if (tokens[0].i, tokens[-1].i + 1) == span else None


def as_thing(
    ctx: Context,
    span: tuple[int, int],
    etype: EntityType,
    strong: bool,
    person_ok: bool = False,
) -> Mention | None:
    """The mention of a named product or work over ``span``, typed ``etype`` when nothing
    says otherwise: a concept or an untyped name always; an organisation's, place's or
    event's name only when ``strong`` (a maker other than the name was found); a person's
    only when ``person_ok`` (a character's name: "Superman actor") or a product noun says so;
    never a known place, a people or an award."""
    doc = ctx.doc
    words = doc[span[0] : span[1]]
    inside = {ctx.mention_at(t) for t in words} - {None}
    if any(
        (tokens := ctx.mention_tokens(m)) and (tokens[0].i < span[0] or tokens[-1].i >= span[1])
        for m in inside
    ):
        return None  # a mention reaching out of the name: the name is part of something else
    if not_a_title(words.text):
        return None
    mention = mention_over(ctx, span)
    if mention is not None and mention.type is etype:
        return mention
    for old in inside:
        if known_place(old.name) or old.antecedent is not None or old.role == "demonym":
            return None
        if old.type is EntityType.PERSON:
            if not (person_ok or (strong and _misread_product(old, etype))):
                return None
        elif old.type not in RETYPABLE and not (strong and old.type in WEAKLY_TYPED):
            return None
    return ctx.add_mention(words, etype, confidence=0.7, replace=True)


def not_a_title(name: str) -> bool:
    """A place, a people, an industry ("Hollywood"), an award ("the Grammy") or what a
    product is for ("the NHS Covid app") is no title."""
    last = name.split()[-1].lower() if name.split() else ""
    award = (found := things().get(last)) is not None and found.type is EntityType.EVENT
    purpose = cue(name.lower(), "purpose") is not None
    return bool(
        known_place(name) or industry(name) or lexicon.demonym_country(name) or award or purpose
    )


def _misread_product(mention: Mention, etype: EntityType) -> bool:
    """ "Sony's Playstation Portable is the top gadget": NER's person is a device when a
    product noun says so and the name starts with no given name."""
    first = mention.name.split()[0] if mention.name else ""
    return etype is EntityType.PRODUCT and first not in given_names()


def modifiers_before(doc: Doc, index: int, reach: int) -> int:
    """The first of up to ``reach`` lower-case modifiers ending just before ``index``."""
    start = index
    while start - 1 >= 0 and index - start < reach:
        if (feature := lexicon.feature_start(doc, start)) < start:
            start = feature  # "902 3G mobile phone"
            continue
        word = doc[start - 1]
        if word.text != "-" and (not word.is_lower or word.pos_ not in MODIFIER_POS):
            break
        if word.pos_ == "VERB" and word.tag_ not in {"VBN", "VBG"}:
            break  # "Alan's films include Oscar-winning Fame": a verb ends the phrase
        start -= 1
    return start


def possessor(ctx: Context, start: int) -> tuple[Token, Mention] | None:
    """The named owner of the phrase starting at token ``start``: "Sony's ...", "its ..."
    (through the pronoun's antecedent), past a few lower-case modifiers."""
    doc = ctx.doc
    index = modifiers_before(doc, start, MODIFIER_REACH) - 1
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


def fits(predicate: str, subject: Mention, obj: Mention) -> bool:
    relation = relation_schema()[predicate]
    return (
        subject.type.value in relation.domain
        and obj.type.value in relation.range
        and subject.name.casefold() != obj.name.casefold()
    )


def presupposed(ctx: Context, anchor: Token) -> tuple[Stance, Mention | None]:
    """A noun phrase's relation holds whatever its clause says, unless a speaker says it."""
    _, speaker = stance_of(ctx, anchor)
    return (Stance.REPORTED if speaker is not None else Stance.ASSERTED), speaker


def already(ctx: Context, relation: RelationMention) -> bool:
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
