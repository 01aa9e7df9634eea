"""Named-entity mentions: spaCy's NER mapped to newsgraph types, plus proper-noun phrases
NER missed ("the Islamic State") and names inside hyphenated modifiers ("U.S.-led")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import ALNUM, Context
from graph.extract.coref_lexicon import given_names
from graph.extract.entity_types import form_type
from graph.model import EntityType, RelationMention

NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
    "EVENT": EntityType.EVENT,
    "DATE": EntityType.DATE,
    "CARDINAL": EntityType.QUANTITY,
    "QUANTITY": EntityType.QUANTITY,
    "MONEY": EntityType.QUANTITY,
    "PERCENT": EntityType.QUANTITY,
    "LAW": EntityType.CONCEPT,
    "WORK_OF_ART": EntityType.CONCEPT,
    "PRODUCT": EntityType.CONCEPT,
}
HYPHEN_VERBS = {"led", "based", "backed", "owned", "funded", "run", "born", "headquartered"}
HYPHEN_MODIFIER = re.compile(r"^(?P<name>.+?)-(?P<verb>" + "|".join(sorted(HYPHEN_VERBS)) + ")$")


def place_type(name: str) -> EntityType:
    """Country when the gazetteer knows the name as a country, else Place."""
    return EntityType.COUNTRY if lexicon.country_name(name) else EntityType.PLACE


def _honorific_first(span) -> bool:  # type: ignore[no-untyped-def]
    """A span that starts with "Mr", "Ms", "Dr" ... names a person, whatever NER said."""
    return len(span) > 1 and span[0].lower_.rstrip(".") in lexicon.honorifics()


def _descriptor_first(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name's first word is a business's kind at a sentence's start, capitalised
    only by its place ("Chipmaker Nvidia", "Retailer Tesco"), before a proper noun."""
    return (
        end - start > 1
        and doc[start].is_sent_start
        and doc[start].lower_ in lexicon.descriptor_nouns()
        and doc[start + 1].pos_ == "PROPN"
    )


def _party_word_first(span) -> bool:  # type: ignore[no-untyped-def]
    """An organisation NER found that is a party's word before a person's full name
    ("Socialist Francois Hollande", "Conservative Kemi Badenoch"): the given name after the
    party word says who it is."""
    from graph.extract.person_place import given_name_first

    if len(span) < 3 or span[0].lower_ not in lexicon.party_words():
        return False
    rest = span[1:]
    return all(t.pos_ == "PROPN" for t in rest) and given_name_first(rest.text)


def _trim(span, honorifics: bool = True):  # type: ignore[no-untyped-def]
    """Drop leading determiners/punctuation and a trailing possessive from an entity span,
    and a leading honorific unless the name is a firm's ("General Motors")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    if span.label_ in {"PERSON", "ORG", "GPE"}:
        # "bank Barclays", "spokesman John Smith": a lower-case common noun is not the name.
        while start < end - 1 and doc[start].is_lower and doc[start].pos_ == "NOUN":
            start += 1
    if span.label_ in {"PERSON", "ORG", "GPE"} and _descriptor_first(doc, start, end):
        start += 1  # "Carmaker Toyota said": the sentence's first word describes the name
    if honorifics and (span.label_ == "PERSON" or _honorific_first(span)):
        # "Ms Boynton", "Gen Pinochet", "Sir Phil Watts": the honorific is not the name.
        while start < end - 1 and doc[start].lower_.rstrip(".") in lexicon.honorifics():
            start += 1
            if start < end - 1 and doc[start].text == ".":
                start += 1
    opener = doc[start] if start < end else None
    if span.label_ == "PERSON" and end - start > 2 and opener is not None:
        # "Defender Rio Ferdinand", "Briton Moazzam Begg": a title or a demonym opening a
        # full name is no part of it
        leading = opener.lower_ in lexicon.titles() or lexicon.demonym_country(opener.text)
        if leading and all(t.pos_ == "PROPN" for t in doc[start + 1 : end]):
            start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start:end] if end > start else None


@extractors.register("ner", order=10)
def named_entities(ctx: Context) -> Iterator[RelationMention]:
    """spaCy entities -> mentions; a NORP word modifying a noun ("French President") is a
    demonym used as an adjective, left to the title and citizenship extractors."""
    office_words = _secretary_of_state_words(ctx)
    for ent in ctx.ents:
        label = ent.label_
        etype = NER_TYPES.get(label)
        if etype is None:
            continue
        if label == "ORG" and ent.start in office_words:
            rest = [t for t in ent if t.i not in office_words]
            if not rest or not all(t.pos_ == "PROPN" for t in rest) or rest[0].i < ent.start:
                continue  # "Secretary of State for Culture, Media and Sport": the office's words
            ent = ctx.doc[rest[0].i : ent.end]  # "Secretary of Commerce| Gina Raimondo"
            label, etype = "PERSON", EntityType.PERSON
        firm = label == "ORG" and form_type(ctx.span_text(ent))[0] is EntityType.ORGANIZATION
        if (
            _honorific_first(ent)
            and label in {"ORG", "GPE", "NORP", "FAC", "PRODUCT"}
            and not firm  # "General Motors", "General Electric": a firm's words
        ):
            etype = EntityType.PERSON
        if label in {"PERSON", "GPE"} and _descriptor_first(ctx.doc, ent.start, ent.end):
            etype = EntityType.ORGANIZATION  # "Retailer Tesco", NER's person, is a company
        if label == "ORG" and _party_word_first(ent):
            ent = ctx.doc[ent.start + 1 : ent.end]  # "Socialist Francois Hollande": a person
            label, etype = "PERSON", EntityType.PERSON
        span = _trim(ent, honorifics=not firm)
        text = ctx.span_text(span) if span is not None else ""
        if span is None or not ALNUM.search(text):  # "U.S." has no alpha token
            continue
        if label == "NORP" and (
            span.root.dep_ in {"amod", "compound"}
            or (span.root.pos_ == "ADJ" and lexicon.demonym_country(text))
        ):
            continue  # a nationality adjective ("is Chinese") names no group
        if label == "PERSON" and all(t.pos_ != "PROPN" for t in span):
            continue  # lower-case "person" entities are tagging noise
        if all(ctx.lowers[t.i] in lexicon.title_modifiers() for t in span):
            continue  # "Shadow" (chancellor), "Acting" (head): an office's modifier, no name
        if label in {"GPE", "LOC", "FAC"} or (
            label in {"ORG", "PERSON", "NORP"} and lexicon.country_name(text)
        ):
            etype = place_type(text)
        name = text
        if etype is EntityType.COUNTRY:
            name = lexicon.country_name(text) or name
        ctx.add_mention(span, etype, name=_clean(name), confidence=0.85)
    yield from ()


def _secretary_of_state_words(ctx: Context) -> set[int]:
    """Token indices of the office's words after "Secretary of" ("State", "Commerce", "the
    Treasury") and of the portfolio in "Secretary of State for Culture, Media and Sport",
    whose words NER reads as organisations."""
    from graph.extract.titles import portfolio_tokens, secretary_of_state

    known = ctx.notes.get("secretary_of_state_words")
    if known is not None:
        return known  # type: ignore[return-value]
    found: set[int] = set()
    ctx.notes["secretary_of_state_words"] = found
    for i, lower in enumerate(ctx.lowers):
        if lower == "secretary" and (british := secretary_of_state(ctx.doc[i])) is not None:
            words, opener = british
            found.update(t.i for t in words[2:])  # "State", "Commerce", "the Treasury"
            if opener is not None:
                found.update(t.i for t in portfolio_tokens(opener))
    return found


def _clean(name: str) -> str:
    from graph.extract.context import clean_name

    return clean_name(name)


NAME_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "ben",
    "abu",
    "dos",
    "das",
    "ter",
    "ten",
}


@extractors.register("name_particles", order=11)
def join_name_particles(ctx: Context) -> Iterator[RelationMention]:
    """ "Jeroen van der Veer" tagged as "Jeroen van" + "Veer": a person's name runs on across
    lower-case particles to the capitalised word after them."""
    doc = ctx.doc
    for person in [m for m in ctx.mentions if m.type is EntityType.PERSON]:
        last = ctx.mention_tokens(person)[-1].i
        i = last + 1
        if doc[last].lower_ not in NAME_PARTICLES and not (
            i < len(doc) and doc[i].lower_ in NAME_PARTICLES
        ):
            continue
        while i < len(doc) and doc[i].lower_ in NAME_PARTICLES and i - last <= 3:
            i += 1
        if i >= len(doc) or not doc[i].text[:1].isupper() or doc[i].pos_ != "PROPN":
            continue
        end = doc[i].idx + len(doc[i])
        if ctx.holds(person):
            ctx.remove_mention(person)
        ctx.add_mention((person.start, end), EntityType.PERSON, confidence=0.8, replace=True)
    yield from ()


@extractors.register("proper_nouns", order=12)
def proper_noun_phrases(ctx: Context) -> Iterator[RelationMention]:
    """Capitalised proper-noun phrases that NER left out ("the Islamic State") become
    organisation mentions with lower confidence."""
    office_words = _secretary_of_state_words(ctx)
    for token in ctx.with_pos("PROPN"):
        if token.dep_ == "compound" or ctx.mention_at(token) or token.i in office_words:
            continue
        if not token.text[:1].isupper() or ctx.sentence_index(token) is None:
            continue
        left = token
        for child in reversed(list(token.lefts)):
            if child.dep_ == "compound" and child.i == left.i - 1 and child.text[:1].isupper():
                left = child
        described = any(
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and c.lemma_.lower() in lexicon.collective_nouns()
            for c in token.lefts
        ) or any(  # "Wirecard, the German payments company, ..."
            c.dep_ == "appos"
            and c.pos_ == "NOUN"
            and c.lemma_.lower() in lexicon.collective_nouns()
            for c in token.rights
        )
        if left.i == token.i and not described:
            continue  # a lone capitalised word is too often sentence-initial noise
        if any(ctx.mention_at(t) for t in ctx.doc[left.i : token.i + 1]):
            continue
        if _descriptor_first(ctx.doc, left.i, token.i + 1):
            left = ctx.doc[left.i + 1]  # "Rival Danone, the yoghurt maker": the name is "Danone"
        words = ctx.doc[left.i : token.i + 1]
        if lexicon.titles().get(words.text.lower()):
            continue
        if _honorific_first(words):
            ctx.add_mention(words[1:], EntityType.PERSON, confidence=0.6)  # "Mr Ruto"
        elif (
            len(words) in (2, 3)
            and words[0].text in given_names()
            and form_type(words.text)[0] is None
        ):
            ctx.add_mention(words, EntityType.PERSON, confidence=0.6)  # "Anna Petrova"
        else:
            ctx.add_mention(words, EntityType.ORGANIZATION, confidence=0.55)
    yield from ()


@extractors.register("hyphen_modifiers", order=14)
def hyphenated_names(ctx: Context) -> Iterator[RelationMention]:
    """Names inside modifiers such as "U.S.-led", "Saudi-led" or "London - based" become
    mentions (a demonym stands for its country); the relation they imply is added by the
    locative extractor."""
    doc, texts, lowers = ctx.doc, ctx.texts, ctx.lowers
    for token in ctx.tokens:
        if "-" not in texts[token.i] and lowers[token.i] not in HYPHEN_VERBS:
            continue  # neither "U.S.-led" nor "London - based"
        match = HYPHEN_MODIFIER.match(token.text)
        if match:
            span, name, verb = (
                (token.idx, token.idx + len(match.group("name"))),
                match.group("name"),
                match.group("verb"),
            )
        elif token.i >= 2 and doc[token.i - 1].text == "-" and token.lower_ in HYPHEN_VERBS:
            name_token = doc[token.i - 2]
            span, name, verb = (
                (name_token.idx, name_token.idx + len(name_token)),
                name_token.text,
                token.lower_,
            )
        else:
            continue
        existing = ctx.mention_at(doc[token.i - 2]) if not match else ctx.mention_at(token)
        country = lexicon.country_name(name) or lexicon.demonym_country(name)
        if existing is not None and not (country and existing.type is EntityType.GROUP):
            continue
        if not (country or name[:1].isupper()):
            continue
        etype = EntityType.COUNTRY if country else EntityType.PLACE
        if verb in {"led", "backed", "owned", "funded", "run"} and not country:
            etype = EntityType.ORGANIZATION
        ctx.add_mention(span, etype, name=country or name, confidence=0.75, replace=True)
    yield from ()


@extractors.register("name_propagation", order=16)
def propagate_names(ctx: Context) -> Iterator[RelationMention]:
    """One sense per article: a person's surname or a full name seen once as an entity is
    the same entity wherever else it appears ("Sunak’s plan" after "Rishi Sunak"), even
    where NER missed it or gave it another type."""
    people = [m for m in ctx.mentions if m.type is EntityType.PERSON and len(m.name.split()) > 1]
    surnames: dict[str, set[str]] = {}
    for person in people:
        surnames.setdefault(person.name.split()[-1], set()).add(person.name)
    names = {m.name: m.type for m in ctx.mentions if m.extractor == "ner" and m.name}
    texts = ctx.texts
    for token in ctx.with_pos("PROPN", "NOUN", "ADJ"):
        if not texts[token.i][:1].isupper():
            continue
        existing = ctx.mention_at(token)
        full = surnames.get(token.text)
        if full is not None and len(full) == 1:
            if existing is None or (
                existing.type is not EntityType.PERSON and existing.name == token.text
            ):
                ctx.add_mention(
                    token, EntityType.PERSON, name=token.text, confidence=0.7, replace=True
                )
        elif existing is None and names.get(token.text) in {
            EntityType.ORGANIZATION,
            EntityType.PERSON,
        }:
            ctx.add_mention(token, names[token.text], name=token.text, confidence=0.7)
    yield from ()
