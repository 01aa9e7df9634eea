"""Products and works named by the words around them: the title-cased name after a work
or product noun ("the film Maria Full of Grace", 'the album "Blue Skies"', "his novel,
Half of a Yellow Sun,") and a model name with a number before a product noun ("the Xbox 2
console", "Samsung's Yepp YH-999 video jukebox"). Cue words: graph/schema/entity_cues.tsv.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.entity_types import CREATIVE, cues
from graph.model import EntityType, RelationMention

TITLE_GLUE = {"of", "the", "a", "an", "for", "as", "or"}
"""Small words inside a title-cased work's name ("Maria Full of Grace", "Twice as Tall",
"Hate It or Love It"); "at", "in", "to" are left out, as "took the film Up to Cannes" more
often goes on to a place than a title."""


CONTRACTIONS = {"n't", "'s", "'re", "'ll", "'m", "'ve", "'d"}


def titled_name(ctx: Context, start: int) -> tuple[int, int] | None:
    """The title-cased words from token ``start`` on (to a closing quote if one opens it)."""
    doc = ctx.doc
    if start >= len(doc):
        return None
    if doc[start].text in {'"', "“", "‘"}:
        close = {'"': '"', "“": "”", "‘": "’"}[doc[start].text]
        end = next(
            (j for j in range(start + 1, min(start + 12, len(doc))) if doc[j].text == close), None
        )
        return (start + 1, end) if end is not None and end > start + 1 else None
    end = start
    while (
        end < len(doc)
        and end - start < 10
        and (
            doc[end].text[:1].isupper()
            or doc[end].like_num
            or (doc[end].lower_ in TITLE_GLUE and end > start)
            or (end > start and _contraction(doc[end]))
        )
    ):
        if doc[end].is_sent_start and end > start:
            break
        end += 1
    while end > start and (doc[end - 1].lower_ in TITLE_GLUE or _contraction(doc[end - 1])):
        end -= 1
    return (start, end) if end > start and doc[start].text[:1].isupper() else None


def _contraction(token) -> bool:  # type: ignore[no-untyped-def]
    """ "n't" of "Ain't", "'s" of "It's": a clitic written onto the word before it, which
    a title runs through ("If I Ain't Got You", "Hips Don't Lie")."""
    return (
        token.i > 0
        and not token.doc[token.i - 1].whitespace_
        and token.text[:1] in {"'", "’", "n"}
        and token.lower_.replace("’", "'") in CONTRACTIONS
    )


def _works_after_cues(ctx: Context) -> None:
    """ "the film Maria Full of Grace", 'the album "Get Rich"': the title-cased name after a
    work or product noun (with a determiner or possessive before the noun) is that work; so
    after "single" or "hit" read as a modifier ("BTS's single Dynamite") when the name is
    nothing else."""
    table = cues()
    doc = ctx.doc
    for token, lower in zip(ctx.tokens, ctx.lowers, strict=True):
        etype = table.before.get(lower)
        if etype not in CREATIVE or not token.is_lower or token.i + 1 >= len(doc):
            continue
        misread = token.pos_ in {"ADJ", "VERB"} and _phrase_opened(token)
        if token.pos_ != "NOUN" and not misread:
            continue
        if not misread and not any(c.dep_ in {"det", "poss"} for c in token.lefts):
            if token.dep_ != "compound":
                continue
        after = token.i + 2 if token.nbor(1).text == "," else token.i + 1  # "novel, X,"
        found = titled_name(ctx, after)
        if found is None:
            continue
        span = doc[found[0] : found[1]]
        named = {m for t in span if (m := ctx.mention_at(t)) is not None}
        if any(m.type is EntityType.PERSON for m in named) and len(span) > 1:
            if not _attached(token, span):
                continue  # "In the film Tom Hanks plays a lawyer": a new clause's subject
        if misread and not _title_after_modifier(doc, span, named):
            continue  # "Labour's single MP", "a single European market"
        ctx.add_mention(span, etype, confidence=0.8, replace=True)


def _title_after_modifier(doc, span: Span, named: set) -> bool:  # type: ignore[no-untyped-def]
    """Whether the name after "single" or "hit" read as a modifier is a title: nothing else
    by NER, no title word or people, and no noun of its own after it."""
    following = doc[span.end] if span.end < len(doc) else None
    return not (
        any(m.type not in {EntityType.CONCEPT, EntityType.WORK} for m in named)
        or span.text.lower() in lexicon.titles()
        or lexicon.demonym_country(span.text)
        or (following is not None and following.is_lower and following.pos_ == "NOUN")
    )


def _phrase_opened(token) -> bool:  # type: ignore[no-untyped-def]
    """A determiner or possessive before the word, past an adjective or two ("her new")."""
    doc = token.doc
    index = token.i - 1
    while index >= 0 and token.i - index <= 2 and doc[index].pos_ == "ADJ" and doc[index].is_lower:
        index -= 1
    return index >= 0 and (doc[index].pos_ == "DET" or doc[index].tag_ in {"PRP$", "POS"})


def _attached(noun, span: Span) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name hangs on its noun or the noun on it ("his track Candy Shop", "the film
    Erin Brockovich won"), not on a verb of its own."""
    inside = {t.i for t in span}
    head = next((t for t in span if t.head.i not in inside), span[-1])
    return head.head.i == noun.i or noun.head.i in inside


MODEL_MODIFIERS = 2
"""Lower-case words allowed between a model name and its product noun ("video jukebox")."""


def _model_name(ctx: Context, token) -> Span | None:  # type: ignore[no-untyped-def]
    """ "Xbox 2" in "the Xbox 2 console": capitalised words and numbers, one of them with a
    digit, starting a noun phrase and followed (past a modifier or two) by a product noun."""
    doc = ctx.doc
    last = ctx.tokens[min(token.i + 3, len(doc) - 1)]  # the name has at most four words
    if not any(map(str.isdigit, ctx.text[token.idx : last.idx + len(last)])):
        return None  # no digit: no model name can start here
    if token.i > 0 and (doc[token.i - 1].pos_ == "PROPN" or doc[token.i - 1].like_num):
        return None  # not the start of the name
    end = token.i
    while (
        end < len(doc)
        and end - token.i < 4
        and (doc[end].like_num or doc[end].pos_ == "PROPN" or doc[end].text[:1].isupper())
    ):
        end += 1
    name_end = end
    while token.i < (trimmed := lexicon.feature_start(doc, name_end)) < name_end:
        name_end = trimmed  # "902 3G mobile phone": "3G" describes the phone
    words = doc[token.i : name_end]
    if not len(words) or not any(any(c.isdigit() for c in t.text) for t in words):
        return None
    if (
        not any(t.text[:1].isalpha() for t in words)
        and token.i > 0
        and doc[token.i - 1].tag_ != "POS"
    ):
        return None  # "2,500 jobs": a bare number names no model
    noun = end
    while (
        noun < len(doc)
        and noun - end < MODEL_MODIFIERS
        and doc[noun].is_lower
        and (cues().after.get(doc[noun].lower_) is not EntityType.PRODUCT)
        and doc[noun].pos_ in {"NOUN", "ADJ"}
    ):
        noun += 1
    if noun >= len(doc) or cues().after.get(doc[noun].lower_) is not EntityType.PRODUCT:
        return None
    return words


@extractors.register("creative_works", order=15)
def creative_works(ctx: Context) -> Iterator[RelationMention]:
    """Work and product mentions from their nouns (see the module docstring)."""
    _works_after_cues(ctx)
    texts = ctx.texts
    for token in ctx.tokens:
        if texts[token.i][:1].isupper() or token.like_num:
            model = _model_name(ctx, token)
            if model is not None:
                ctx.add_mention(model, EntityType.PRODUCT, confidence=0.8, replace=True)
    yield from ()
