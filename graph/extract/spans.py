"""A filter on the spans NER gives, so that no entity is made of junk: a ticker ("AAPL.O"),
an age ("48-year-old") or a bare number, a fragment ending in a conjunction or preposition
("Meta's Facebook and"), an unbalanced parenthesis ("China Aviation Oil (CAO"), a time word
run on ("Daniel today"). Spans that hold two names are split: "Rimbink Pato's Port Moresby",
"Bristol, Isle of Wight"; an acronym in parentheses after a name is recorded as its alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import ALNUM, Context
from graph.extract.person_place import in_sport
from graph.model import NAMED_TYPES, EntityType, Mention, RelationMention
from graph.name_variants import known_place

NAMED = NAMED_TYPES
TICKER = re.compile(r"^[A-Z]{1,5}\.[A-Z]{1,2}$")
AGE = re.compile(r"^\d{1,3}-years?-old$", re.I)
LOOSE_ENDS = {"CCONJ", "ADP", "DET", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}


@lru_cache(maxsize=1)
def junk_words() -> frozenset[str]:
    """Time words and time zones (graph/schema/span_junk.txt)."""
    return frozenset(row[0] for row in lexicon._rows("span_junk.txt", 1))


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,]+", text))


def _trimmed(span: Span) -> Span | None:
    """The span without a ticker, a run-on time word, a loose conjunction or preposition at
    its end, a hyphened participle ("Meta-owned"), or an unclosed parenthesis and what
    follows it."""
    start, end = span.start, span.end
    doc = span.doc
    if _leading_verb(span):
        start += 1
    opened = [t.i for t in span if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : end]):
        end = opened[-1]
    end = _without_score(doc, start, end)
    if end - start > 2 and doc[end - 2].text == "-" and doc[end - 1].tag_ in {"VBN", "VBD"}:
        if doc[end - 1].is_lower:
            end -= 2  # "Meta-owned", "Kremlin-backed": the name is before the participle
    if end - start > 1 and _opens_title(doc, end) and not _title_words(doc[start : end - 1]):
        end -= 1  # "Red Bull Team Principal Christian Horner": "Team" is the title's
    while end > start and (
        TICKER.match(doc[end - 1].text)
        or doc[end - 1].lower_ in junk_words()
        or (doc[end - 1].pos_ in LOOSE_ENDS and doc[end - 1].text not in {")", "."})
    ):
        end -= 1
    return doc[start:end] if end > start else None


SCORE_TAIL = re.compile(r"\s\d{1,2}\s?[-–]\s?\d{1,2}(?:\s\d{1,2}(?:\s?[-–]\s?\d{1,2})?)*$")
"""A result written after a side's name ("Rangers 2-0", "Leinster 27 - 13", a tennis
player's sets "Kim 3-6 6-2 6-7"); not a model number ("Boeing 747-400")."""


def _opens_title(doc, end: int) -> bool:  # noqa: ANN001 - a spaCy Doc
    """Whether a name's last word and the words after it form a title of more than one word
    ("Team" + "Principal"): NER took the title's first word into the name."""
    following = doc[end : end + 2]
    if not following or not following[0].text[:1].isupper():
        return False
    table = lexicon.titles()
    last = doc[end - 1].lower_
    return f"{last} {following[0].lower_}" in table or (
        len(following) == 2 and f"{last} {following.text.lower()}" in table
    )


def _title_words(words) -> bool:  # noqa: ANN001 - a spaCy Span
    """Whether words are only a title's modifiers or words ("Shadow" of "Shadow Home
    Secretary"): what would be left of the name is none, the titles extractor reads it."""
    known = lexicon.title_modifiers()
    return all(t.lower_ in known or t.lower_ in lexicon.titles() for t in words)


def _without_score(doc, start: int, end: int) -> int:  # noqa: ANN001 - a spaCy Doc
    """The span's end before a score it runs on into: "Celtic beat Rangers 2-0"."""
    text = doc[start:end].text
    found = SCORE_TAIL.search(text)
    if found is None:
        return end
    keep = doc[start:end].char_span(0, found.start(), alignment_mode="contract")
    return keep.end if keep is not None and len(keep) else end


CLAUSE_DEPS = {"advcl", "csubj", "csubjpass", "pcomp", "ROOT"}


def _leading_verb(span: Span) -> bool:
    """ "Evaluating Juppe, the paper said ...": a sentence's first word, an -ing verb
    capitalised only for its place, is no part of the name after it. The parse tells it from
    a name ("Sterling Morrison", "Reading Festival"): a verb tag, a clause of its own, or the
    name as its object."""
    first = span[0]
    if len(span) < 2 or not first.is_sent_start or not first.lower_.endswith("ing"):
        return False
    return (
        first.tag_ == "VBG"
        or first.dep_ in CLAUSE_DEPS
        or any(c.dep_ in {"dobj", "obj"} and c.i < span.end for c in first.children)
    )


def _verb_split(span: Span) -> list[Span] | None:
    """ "Arps said Popeyes": a lower-case verb inside a name ends one name and starts the
    next; the parts that are capitalised are the names."""
    cuts = [t.i for t in span[1:-1] if t.is_lower and t.pos_ == "VERB"]
    if not cuts:
        return None
    bounds = [span.start, *cuts, span.end]
    parts = [span.doc[a + (a != span.start) : b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if len(p) and p[0].text[:1].isupper()]


def _junk(mention: Mention, span: Span) -> bool:
    name = mention.name or span.text
    if TICKER.match(name) or AGE.match(name.replace(" ", "")):
        return True
    if mention.type is not EntityType.DATE and name.lower() in junk_words():
        return True
    if mention.type is not EntityType.DATE and not any(c.isupper() or c.isdigit() for c in name):
        return True  # "jukebox": a name is written with a capital
    if _is_number(name):
        return not (mention.type is EntityType.DATE and len(name) == 4)  # a year stays
    return _unknown_place_modifier(mention, span)


def _unknown_place_modifier(mention: Mention, span: Span) -> bool:
    """ "AI workloads", "EV makers": a short capitalised abbreviation NER called a place,
    which no gazetteer knows, modifying a common noun, is a technology's name, not a place's
    ("UK market" stays: the gazetteer knows the UK)."""
    if mention.type not in {EntityType.PLACE, EntityType.COUNTRY} or len(span) != 1:
        return False
    word, head = span[0], span[0].head
    if not (word.is_upper and len(word.text) <= 3 and word.is_alpha) or known_place(word.text):
        return False
    return word.dep_ in {"compound", "nmod", "amod"} and head.pos_ == "NOUN" and head.i > word.i


def _type_of_part(ctx: Context, text: str, fallback: EntityType) -> EntityType:
    """A split-off part's type: a gazetteer place, else what another mention calls that
    name, else the type of the span it came from."""
    country = lexicon.country_name(text)
    if country:
        return EntityType.COUNTRY
    if lexicon.is_city(text) or lexicon.is_region(text):
        return EntityType.PLACE
    other = next((m.type for m in ctx.mentions if m.name == text), None)
    return other or fallback


def _parts(span: Span, listed: bool = False) -> list[Span]:
    """ "Bristol, Isle of Wight" -> its comma-separated names, each capitalised; split at
    "and" too when the span is ``listed`` junk already ("Meta's Facebook and Instagram")."""
    if not listed and not any(t.text == "," for t in span):
        return [span]
    parts, start = [], span.start
    for t in list(span) + [None]:
        if t is None or t.text == "," or (t.lower_ == "and" and start < t.i):
            part = span.doc[start : t.i if t is not None else span.end]
            parts.append(part)
            start = (t.i + 1) if t is not None else span.end
    parts = [p for p in parts if len(p)]
    if len(parts) < 2 or not all(p[0].text[:1].isupper() for p in parts):
        return [span]
    return parts


def _possessive_split(span: Span) -> tuple[Span, Span] | None:
    """ "Rimbink Pato's Port Moresby" -> (Rimbink Pato, Port Moresby) when both are names."""
    for t in span:
        if t.tag_ == "POS" and span.start < t.i < span.end - 1:
            owner, owned = span.doc[span.start : t.i], span.doc[t.i + 1 : span.end]
            if owner[-1].lemma_.lower() in lexicon.people_nouns() or (
                len(owned) == 1 and owned[0].lower_ in lexicon.collective_nouns()
            ):
                return None  # "Women's Committee", "People's Party" are one name
            if owner[0].text[:1].isupper() and owned[0].text[:1].isupper():
                return owner, owned
    return None


def _surname_in_parentheses(ctx: Context, mention: Mention, span: Span) -> bool:
    """ "we have gone for Olly (Barkley)": a first name with the surname in parentheses is
    the full name."""
    doc = ctx.doc
    i = span.end
    if mention.type is not EntityType.PERSON or len(span) != 1 or i + 2 >= len(doc):
        return False
    if doc[i].text != "(" or doc[i + 2].text != ")" or not doc[i + 1].text[:1].isupper():
        return False
    if not doc[i + 1].is_alpha or doc[i + 1].is_upper:
        return False  # "(CAO)" is an acronym, not a surname
    ctx.remove_mention(mention)
    ctx.add_mention(
        doc[span.start : i + 3],
        EntityType.PERSON,
        name=f"{span.text} {doc[i + 1].text}",
        confidence=mention.confidence,
        extractor=mention.extractor,
        replace=True,
    )
    return True


def _acronym_alias(ctx: Context, mention: Mention, span: Span) -> None:
    """ "China Aviation Oil (CAO)", "the Union of Democratic Forces (SDS)": the acronym in
    parentheses is another name of the span, with its type, whatever NER made of it. An
    organisation's acronym may come from another language; another kind of name needs its
    initials ("East Asian Growth Area (EAGA)"), since "Houston (AP)", "U.S. (USTR)" are a
    place and something else. A news agency's credit is never an alias."""
    from graph.name_variants import acronym

    doc = ctx.doc
    i = span.end
    if not (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"):
        return
    word = doc[i + 1]
    if not (word.text.isupper() and word.is_alpha and 2 <= len(word.text) <= 8):
        return
    if word.lower_ in lexicon.news_agencies():
        return
    initials = acronym(mention.name or span.text) == word.text
    if not initials and (mention.type is not EntityType.ORGANIZATION or len(span) < 2):
        return
    existing = ctx.mention_at(word)
    if existing is not None and existing.type not in NAMED:
        return
    ctx.add_mention(
        word,
        mention.type,
        antecedent=mention,
        role="alias",
        confidence=mention.confidence,
        replace=True,
    )


EXPANSION_LINKS = {"of", "the", "and", "for", "de", "del", "'s", "’s", "&"}


def _expansion_alias(ctx: Context, mention: Mention, span: Span) -> None:
    """ "the PRD (Party of the Democratic Revolution)", "CHP (Republican People's Party)":
    an organisation's acronym followed by its expansion in parentheses; the expansion is
    another name of it when its initials match or it has an organisation's form word."""
    from graph.extract.entity_types import cues
    from graph.name_variants import acronym, is_acronym

    doc = ctx.doc
    if mention.type is not EntityType.ORGANIZATION or len(span) != 1:
        return
    if not is_acronym(span.text) or span.end + 3 >= len(doc) or doc[span.end].text != "(":
        return
    close = next((t.i for t in doc[span.end + 1 : span.end + 10] if t.text == ")"), None)
    if close is None or close - span.end < 3:
        return
    inner = doc[span.end + 1 : close]
    if not inner[0].text[:1].isupper() or not all(
        t.text[:1].isupper() or t.lower_ in EXPANSION_LINKS for t in inner
    ):
        return
    formed = any(t.lower_ in cues().form for t in inner)
    if not (formed or acronym(inner.text) == span.text):
        return
    ctx.add_mention(
        inner,
        EntityType.ORGANIZATION,
        antecedent=mention,
        role="alias",
        confidence=mention.confidence,
        replace=True,
    )


PLACE_LINKS = {"on", "upon", "under", "le", "la", "en", "sur", "am", "an", "de"}


def _hyphenated_places(ctx: Context) -> None:
    """ "Stockton-on-Tees", "Newcastle-under-Lyme": a name run on by "-on-" and a capitalised
    word is one place, however NER cut it."""
    doc = ctx.doc
    before_dash = sorted({i - 1 for i in ctx.with_text("-") if i > 0})
    for t in (ctx.tokens[i] for i in before_dash):  # the words a dash follows
        if t.i + 4 >= len(doc) or not t.text[:1].isupper():
            continue
        dash, link, dash2, tail = ctx.tokens[t.i + 1 : t.i + 5]
        if (
            dash.text == dash2.text == "-"
            and link.lower_ in PLACE_LINKS
            and tail.text[:1].isupper()
        ):
            ctx.add_mention(doc[t.i : t.i + 5], EntityType.PLACE, confidence=0.8, replace=True)


OWNER_NOUNS = {"owner", "parent", "subsidiary", "unit", "rival", "partner"}
"""Nouns between two names that relate them ("Google owner Alphabet", "Facebook parent
Meta"): in "X owner A and B parent C" the A and B that NER joined are two names."""


def _teams_before_role(span: Span) -> bool:
    """ "the former Arsenal and Real Madrid striker": names joined by "and" before a sports
    role are two teams; "Google owner Alphabet and Facebook parent Meta", NER's "Alphabet and
    Facebook": names joined by "and" before an owner's noun and a name are two as well."""
    from graph.extract.entity_types import cues

    doc = span.doc
    if span.end >= len(doc) or not any(t.lower_ == "and" for t in span[1:-1]):
        return False
    after = doc[span.end]
    if after.lower_ in cues().team_after:
        return True
    following = doc[span.end + 1] if span.end + 1 < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return (  # both halves in the same frame: not "Procter and Gamble rival Unilever"
        after.lower_ in OWNER_NOUNS
        and before is not None
        and before.lower_ in OWNER_NOUNS
        and following is not None
        and following.text[:1].isupper()
        and following.pos_ == "PROPN"
    )


def _club_extended(ctx: Context, span: Span) -> Span:
    """ "SS Lazio", NER's "Lazio": in an article about a sport, a club prefix written just
    before the name belongs to it (graph/schema/club_prefixes.txt)."""
    doc = span.doc
    i = span.start
    if i == 0 or doc[i - 1].text not in lexicon.club_prefixes() or not in_sport(ctx):
        return span
    prefix = ctx.mention_at(doc[i - 1])
    if prefix is not None:
        if ctx.mention_tokens(prefix) != [doc[i - 1]]:
            return span
        ctx.remove_mention(prefix)
    return doc[i - 1 : span.end]


def _club_name(ctx: Context, mention: Mention, span: Span) -> bool:
    """ "AC Milan", "PSV Eindhoven": a club prefix and a capitalised name are one club, not
    an acronym beside a place; a person's initials ("AC Grayling") only outside sport."""
    if len(span) < 2 or span[0].text not in lexicon.club_prefixes():
        return False
    if not span[1].text[:1].isupper():
        return False
    return mention.type is EntityType.ORGANIZATION or in_sport(ctx)


def _acronym_place(span: Span) -> tuple[Span, Span] | None:
    """ "BBC Delhi", "UN Geneva": an organisation's acronym and a gazetteer place."""
    if len(span) < 2 or not (span[0].text.isupper() and span[0].is_alpha and len(span[0]) >= 2):
        return None
    rest = span[1:]
    if lexicon.is_city(rest.text) or lexicon.country_name(rest.text):
        return span[:1], rest
    return None


def _and_extended(ctx: Context, span: Span) -> Span:
    """ "Department for Education and Skills": an organisation named "<form> of/for X" runs
    on over "and" and one more capitalised word that ends the name."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or not doc[end + 1].text[:1].isupper():
        return span
    if not any(t.lower_ in {"of", "for"} for t in span[1:]):
        return span
    from graph.extract.entity_types import cues  # the form words live with the type cues

    if span[0].lower_ not in cues().form or (
        end + 2 < len(doc) and doc[end + 2].text[:1].isupper()
    ):
        return span
    following = ctx.mention_at(doc[end + 1])
    if following is not None:
        ctx.remove_mention(following)
    return doc[span.start : end + 2]


def _head_extended(ctx: Context, mention: Mention, span: Span) -> Span:
    """ "actor John Wilkes Booth", NER's "John Wilkes": a person's name runs on to the
    capitalised word the whole span modifies as compounds, when no other name holds it, no
    gazetteer knows it as a place and it is no organisation's form word nor a title."""
    doc = span.doc
    end = span.end
    if mention.type is not EntityType.PERSON or end >= len(doc):
        return span
    head = doc[end]
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or not head.is_alpha:
        return span
    if not all(t.dep_ == "compound" and t.head.i == end for t in span):
        return span
    from graph.extract.entity_types import cues  # "John Smith Associates" is a firm

    if head.lower_ in cues().form or head.lower_ in lexicon.titles():
        return span  # "Ugandan President Yoweri Museveni": a title is no part of the name
    if len(span) == 1 and lexicon.demonym_country(span.text):
        return span
    if (
        ctx.mention_at(head) is not None
        or lexicon.is_city(head.text)
        or lexicon.country_name(head.text)
    ):
        return span
    return doc[span.start : end + 1]


def _given_name_before(ctx: Context, mention: Mention, span: Span) -> Span:
    """ "Australian Mamdouh Habib", NER's "Habib": a capitalised word that NER left out and
    that modifies the person's name as a compound is the first part of the name, unless it
    is another name, a title's word, a time word ("Sunday Telegraph"), a people noun
    ("Actress"), an honorific, a demonym, a known place or a form word."""
    doc = span.doc
    if mention.type is not EntityType.PERSON or span.start == 0:
        return span
    word = doc[span.start - 1]
    if word.pos_ != "PROPN" or not word.is_alpha or not word.text[:1].isupper() or word.is_upper:
        return span
    if word.dep_ != "compound" or not span.start <= word.head.i < span.end:
        return span
    from graph.extract.entity_types import cues  # "Goldman Sachs": a firm's words

    low = word.lower_
    if (
        ctx.mention_at(word) is not None
        or word.ent_type_ == "NORP"  # "Republican Mitt Romney": a party's or a nation's word
        or low in lexicon.party_words()
        or low in lexicon.title_words()
        or low in junk_words()
        or low in lexicon.people_nouns()
        or low in lexicon.honorifics()
        or low in cues().form
        or lexicon.demonym_country(word.text)
        or _resident_word(word)
        or lexicon.is_city(word.text)
        or lexicon.country_name(word.text)
    ):
        return span
    return doc[span.start - 1 : span.end]


def _resident_word(word) -> bool:  # noqa: ANN001 - a spaCy Token
    """ "Texan", the "Yorker" of "New Yorker": a resident's demonym (resident_demonyms.tsv)."""
    residents = lexicon.resident_demonyms()
    before = word.doc[word.i - 1].text + " " if word.i > 0 else ""
    return word.text in residents or before + word.text in residents


def _hyphen_prefixed(ctx: Context, span: Span) -> Span:
    """ "Anti-Terrorism Bill": a capitalised word hyphened onto the name belongs to it."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text[:1].isupper():
        joined = doc[i - 2].idx + len(doc[i - 2]) == doc[i - 1].idx == span.start_char - 1
        if joined and ctx.mention_at(doc[i - 2]) is None:
            return doc[i - 2 : span.end]
    return span


@extractors.register("span_filter", order=13)
def span_filter(ctx: Context) -> Iterator[RelationMention]:
    """Trim, drop or split the named mentions found so far (see the module docstring)."""
    _hyphenated_places(ctx)
    for mention in list(ctx.mentions):
        if mention.type not in NAMED | {EntityType.DATE} or mention.role or mention.antecedent:
            continue
        if not ctx.holds(mention):
            continue  # replaced by a name found around an earlier one
        tokens = ctx.mention_tokens(mention)
        if not tokens:
            continue
        span = ctx.doc[tokens[0].i : tokens[-1].i + 1]
        if _junk(mention, span):
            ctx.remove_mention(mention)
            continue
        if mention.type is EntityType.DATE:
            continue
        trimmed = _trimmed(span)
        pieces = [trimmed] if trimmed is not None else []
        acronym_first, split, teams = False, None, False
        if trimmed is not None:
            trimmed = _and_extended(ctx, _hyphen_prefixed(ctx, trimmed))
            trimmed = _club_extended(ctx, _head_extended(ctx, mention, trimmed))
            trimmed = _given_name_before(ctx, mention, trimmed)
        club = trimmed is not None and _club_name(ctx, mention, trimmed)
        if club:
            pieces = [trimmed]
        elif trimmed is not None and (split := _possessive_split(trimmed)):
            pieces = [split[0], *_parts(split[1], listed=True)]
        elif trimmed is not None and (split := _acronym_place(trimmed)):
            pieces = list(split)
            acronym_first = True
        elif trimmed is not None and (verb_parts := _verb_split(trimmed)) is not None:
            pieces = verb_parts
        elif trimmed is not None and _teams_before_role(trimmed):
            pieces = _parts(trimmed, listed=True)
            teams = True
        elif trimmed is not None:
            pieces = _parts(trimmed)
        if pieces == [span] and not (club and mention.type is not EntityType.ORGANIZATION):
            if not _surname_in_parentheses(ctx, mention, span):
                _acronym_alias(ctx, mention, span)
                _expansion_alias(ctx, mention, span)
            continue
        ctx.remove_mention(mention)
        types = [_type_of_part(ctx, p.text, mention.type) for p in pieces]
        if acronym_first:
            types[0] = EntityType.ORGANIZATION
        if teams:
            types = [EntityType.ORGANIZATION] * len(pieces)
        places = [t for t in types if t in {EntityType.PLACE, EntityType.COUNTRY}]
        listed = len(pieces) > 1 and not acronym_first and split is None
        for piece, etype in zip(pieces, types, strict=True):
            piece = _trimmed(piece)
            if piece is None or not ALNUM.search(piece.text):
                continue
            if len(pieces) == 1:
                etype = EntityType.ORGANIZATION if club else mention.type
            elif listed and len(places) * 2 >= len(pieces) and etype not in places:
                etype = EntityType.PLACE  # a list of places: "Bristol, Isle of Wight"
            if etype is EntityType.COUNTRY:
                name = lexicon.country_name(piece.text)
            else:
                name = None
            added = ctx.add_mention(
                piece, etype, name=name, confidence=mention.confidence, extractor=mention.extractor
            )
            if added is not None and len(pieces) == 1:
                _acronym_alias(ctx, added, piece)
                _expansion_alias(ctx, added, piece)
    yield from ()
