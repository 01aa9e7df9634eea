"""Entity types from the article's own wording, not NER's label alone.

Evidence, each from graph/schema/entity_cues.tsv and the gazetteers: a form word in the name
("Jet Airways", "Vodafone plc"), the noun written before it ("carrier Air Sahara", "shares
in Gazprom", "the film Up") or after it ("Gazprom chief", "the Xbox 2 console"), a title or
people noun before a name ("striker Okocha"), a gazetteer place after "in"/"at"/"near". The
mentions of one name then agree: the type most of the evidence gives wins for them all, and
a name with no evidence keeps NER's types (graph/resolve.py votes over those).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.model import EntityType, Mention, RelationMention

RETYPABLE = {
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.PLACE,
    EntityType.COUNTRY,
    EntityType.GROUP,
    EntityType.CONCEPT,
    EntityType.PRODUCT,
    EntityType.WORK,
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CREATIVE = {EntityType.PRODUCT, EntityType.WORK}
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "outside"}
LOOSE_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", ""}
"""NER labels (or none) under which a word after the name may make it a product or work."""


@dataclass(frozen=True, slots=True)
class Cues:
    legal: dict[str, EntityType]
    form: dict[str, EntityType]
    first: dict[str, EntityType]
    before: dict[str, EntityType]
    after: dict[str, EntityType]
    before_shares: dict[str, EntityType]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of graph/schema/entity_cues.tsv by where they stand."""
    table: dict[str, dict[str, EntityType]] = defaultdict(dict)
    for word, where, etype in lexicon._rows("entity_cues.tsv", 3):
        table[where][word] = EntityType(etype)
    for noun in lexicon.collective_nouns():
        table["before"].setdefault(noun, EntityType.ORGANIZATION)
    return Cues(**{name: dict(table[name]) for name in Cues.__slots__})


def form_type(name: str) -> tuple[EntityType | None, bool]:
    """The type a name's own words give it, and whether that is a legal form that outweighs
    a place reading ("Jet Airways" -> Organization; "Vodafone Egypt SAE" too)."""
    words = [w.strip(".,").lower() for w in re.split(r"[\s]+", name) if w]
    if len(words) < 2 or lexicon.country_name(name):
        return None, False
    table = cues()
    if words[-1] in table.legal:
        return table.legal[words[-1]], True
    if any(w in table.form for w in words[1:]):
        return next(table.form[w] for w in words[1:] if w in table.form), False
    if words[0] in table.first and name.split()[1][:1].isupper():
        return table.first[words[0]], False
    return None, False


def _ner_labels(ctx: Context) -> dict[int, str]:
    return {t.i: ent.label_ for ent in ctx.doc.ents for t in ent}


def _context_type(ctx: Context, mention: Mention, label: str) -> EntityType | None:
    """The type the words around one mention give it, or None."""
    tokens = ctx.mention_tokens(mention)
    if not tokens:
        return None
    doc, table = ctx.doc, cues()
    first, last = tokens[0], tokens[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after_i = last.i + 1
    if after_i < len(doc) and doc[after_i].tag_ == "POS":
        after_i += 1
    after = doc[after_i] if after_i < len(doc) else None
    if before is not None and before.lower_ in table.before_shares and first.i > 1:
        if doc[first.i - 2].lemma_.lower() in {"share", "stake", "investment", "holding"}:
            return table.before_shares[before.lower_]  # "shares in Gazprom"
    if before is not None and before.pos_ == "NOUN" and before.is_lower:
        lemma = before.lemma_.lower()
        if lemma in table.before:
            return table.before[lemma]
        if lemma in lexicon.people_nouns() or before.lower_ in lexicon.titles():
            return EntityType.PERSON  # "striker Okocha", "chairman Wardle"
    for child in ctx.mention_head(mention).children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > last.i:
            lemma = child.lemma_.lower()
            if table.before.get(lemma) is EntityType.ORGANIZATION:
                return EntityType.ORGANIZATION  # "Yukos, the oil company,"
    if after is not None and after.is_lower and after.pos_ in {"NOUN", "PROPN"}:
        etype = table.after.get(after.lower_)
        if etype in CREATIVE and not (
            label in LOOSE_LABELS or any(c.isdigit() for c in mention.name)
        ):
            etype = None  # "a Sony camera": the maker, not the product
        if etype is not None and not (
            etype is EntityType.ORGANIZATION and _place_or_person(ctx, mention)
        ):
            return etype
    if (
        before is not None
        and before.lower_ in PLACE_PREPOSITIONS
        and len(tokens) == 1
        and mention.type in {EntityType.PERSON, EntityType.CONCEPT}
        and (lexicon.is_city(mention.name) or lexicon.is_region(mention.name))
    ):
        return EntityType.PLACE  # "in Mombasa"
    return None


def _place_or_person(ctx: Context, mention: Mention) -> bool:
    """A country or a named person keeps its type before "chief" ("Kenya chief ...")."""
    return bool(lexicon.country_name(mention.name)) or any(
        m.type is EntityType.PERSON and len(m.name.split()) > 1 and mention.name in m.name.split()
        for m in ctx.mentions
    )


def _evidence(ctx: Context, mention: Mention, label: str) -> tuple[EntityType | None, int]:
    """A mention's evidenced type and its weight (2 for a legal form, else 1). A form word
    does not outweigh NER's place reading ("West Bank", "Union Square"); a legal form does."""
    etype, legal = form_type(mention.name)
    if etype is not None and (legal or label not in PLACE_LABELS):
        return etype, 2 if legal else 1
    return _context_type(ctx, mention, label), 1


TITLE_GLUE = {"of", "the", "a", "an", "for"}
"""Small words inside a title-cased work's name ("Maria Full of Grace"); "at", "in" are left
out, as "the film Up at Cannes" more often goes on to a place than a title."""


def _titled_name(ctx: Context, start: int) -> tuple[int, int] | None:
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
        )
    ):
        if doc[end].is_sent_start and end > start:
            break
        end += 1
    while end > start and doc[end - 1].lower_ in TITLE_GLUE:
        end -= 1
    return (start, end) if end > start and doc[start].text[:1].isupper() else None


def _works_after_cues(ctx: Context) -> None:
    """ "the film Maria Full of Grace", 'the album "Get Rich"': the title-cased name after a
    work or product noun (with a determiner or possessive before the noun) is that work."""
    table = cues()
    for token in ctx.doc:
        etype = table.before.get(token.lower_)
        if etype not in CREATIVE or token.pos_ != "NOUN" or not token.is_lower:
            continue
        if not any(c.dep_ in {"det", "poss"} for c in token.lefts) and token.dep_ != "compound":
            continue
        after = token.i + 2 if token.nbor(1).text == "," else token.i + 1  # "novel, X,"
        found = _titled_name(ctx, after)
        if found is None:
            continue
        span = ctx.doc[found[0] : found[1]]
        if any(
            (m := ctx.mention_at(t)) is not None and m.type is EntityType.PERSON and len(span) > 1
            for t in span
        ):
            continue  # "his album Eminem ..." is no title
        ctx.add_mention(span, etype, confidence=0.8, replace=True)


def _unnamed_organisations(ctx: Context) -> None:
    """A capitalised word NER missed, written before "chief" or "shares" or after "carrier",
    names an organisation, and so does every other bare occurrence of it; a model name with
    a number before a product noun ("the Xbox 2 console") is a product."""
    table = cues()
    found: set[str] = set()
    for token in ctx.doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or ctx.mention_at(token):
            continue
        model = _model_name(ctx, token)
        if model is not None:
            ctx.add_mention(model, EntityType.PRODUCT, confidence=0.75)
            continue
        if lexicon.country_name(token.text) or lexicon.is_city(token.text):
            continue
        nxt = token.nbor(1) if token.i + 1 < len(ctx.doc) else None
        prev = token.nbor(-1) if token.i > 0 else None
        after = nxt is not None and nxt.is_lower and table.after.get(nxt.lower_)
        before = (
            prev is not None
            and prev.is_lower
            and prev.pos_ == "NOUN"
            and (table.before.get(prev.lemma_.lower()))
        )
        if EntityType.ORGANIZATION in (after, before):
            found.add(token.text)
    for token in ctx.doc:
        if token.text in found and not ctx.mention_at(token) and token.pos_ == "PROPN":
            ctx.add_mention(token, EntityType.ORGANIZATION, confidence=0.75)


def _model_name(ctx: Context, token):  # type: ignore[no-untyped-def]
    """ "Xbox 2" in "the Xbox 2 console": capitalised words and numbers before a product noun."""
    doc, end = ctx.doc, token.i + 1
    while end < len(doc) and end - token.i < 4 and (doc[end].like_num or doc[end].pos_ == "PROPN"):
        end += 1
    words = doc[token.i : end]
    if end >= len(doc) or not any(t.like_num or any(c.isdigit() for c in t.text) for t in words):
        return None
    if cues().after.get(doc[end].lower_) is not EntityType.PRODUCT or ctx.mention_at(doc[end - 1]):
        return None
    return words


@extractors.register("entity_types", order=17)
def entity_types(ctx: Context) -> Iterator[RelationMention]:
    """Retype every mention of a name to the type most of the article's evidence gives it."""
    _works_after_cues(ctx)
    _unnamed_organisations(ctx)
    labels = _ner_labels(ctx)
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for mention in ctx.mentions:
        if mention.type in RETYPABLE and mention.name and mention.antecedent is None:
            by_name[mention.name.casefold()].append(mention)
    for mentions in by_name.values():
        votes: Counter[EntityType] = Counter()
        for mention in mentions:
            tokens = ctx.mention_tokens(mention)
            label = labels.get(tokens[0].i, "") if tokens else ""
            etype, weight = _evidence(ctx, mention, label)
            if etype is not None:
                votes[etype] += weight
        if not votes:
            continue
        ranked = votes.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue  # the evidence disagrees: leave NER's types
        best = ranked[0][0]
        for mention in mentions:
            if mention.type is best or (
                best is EntityType.PLACE and mention.type is EntityType.COUNTRY
            ):
                continue
            ctx.add_mention(
                (mention.start, mention.end),
                best,
                name=mention.name,
                confidence=max(mention.confidence, 0.85),
                role=mention.role,
                extractor=mention.extractor,
                replace=True,
            )
    yield from ()
