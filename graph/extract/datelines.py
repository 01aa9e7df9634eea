"""Datelines: wire copy opens a story with where it was filed and who filed it
("BANGKOK, Thailand (AP) -", "Moscow, March 5 (ITAR-TASS) --", "(Text) Sofia, 15 Feb (BTA)
--", "DAYTON, Ohio (AP)", "EAST LANSING, Mich. -"). NER reads the capitalised city as an
organisation or splits it, and misses the agency; the shape is regular enough to read
directly: city (capitals allowed, several words), optional region or country, optional date,
the agency in parentheses, a dash or the end of the paragraph. The city and region become
places, the agency an organisation. No relation is made: a dateline says where a story was
filed, not where the agency is based.

Monitoring services head a translated story with a credit line instead: the city and the
source, after a document code, before the language and date ("LD2504174394 Moscow ITAR-TASS
in English 1654 GMT 25 Apr 94", "Bangkok THE NATION"); the city is a place, the source an
organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.model import EntityType, RelationMention

_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PARTICLE = r"(?:de|da|do|del|di|la|le|el|al|of|on|upon|am|an|sur|es|en)"
_NAME = rf"{_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_WORD}){{0,3}}"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-Z][a-z]{2,8}\.?)"
_CREDIT = r"[A-Za-z][A-Za-z&.\-]*(?:[ ][A-Za-z][A-Za-z&.\-]*){0,3}"
DATELINE = re.compile(
    rf"(?:\([ ]?(?P<lead>{_CREDIT})[ ]?\)[ ]*)?"
    rf"(?P<city>{_NAME})"
    rf"(?:,[ ]*(?P<region>{_NAME}))?"
    rf"(?:,[ ]*(?P<date>{_DATE}))?"
    rf"(?:[ ]*\([ ]?(?P<agency>{_CREDIT})[ ]?\))?"
    r"[ ]*(?P<end>--?|–|—|_(?=[ ])|(?=[ \t]*(?:\n|$)))"
)
LEAD_IN = re.compile(r"\([ ]?[A-Z][a-z]+[ ]?\)[ ]*")  # "(Text)", "(Excerpts)" before a dateline
PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _agency(credit: str | None) -> bool:
    return bool(credit) and (credit.lower() in lexicon.news_agencies() or _capitals(credit))


def _known_place(name: str) -> bool:
    return lexicon.is_city(name) or bool(lexicon.country_name(name)) or lexicon.is_region(name)


def _title_case(name: str) -> str:
    """ "EAST LANSING" -> "East Lansing", "STOCKTON-ON-TEES" -> "Stockton-On-Tees"."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), name) if _capitals(name) else name


def is_dateline(match: re.Match[str]) -> bool:
    """A credit in parentheses, or a city in capitals before a region or a dash. A credit
    not on the agency list needs a city known or in capitals: "Facebook (FB) -" is a name
    and its ticker."""
    city, region, lead, agency = (match.group(g) for g in ("city", "region", "lead", "agency"))
    credit = agency or lead
    if lead and not agency and not _agency(lead) and not match.group("date"):
        return False  # "(Text) Moscow" alone is no dateline
    if credit and credit.lower() in lexicon.news_agencies():
        return True
    if credit and _capitals(credit):
        return _capitals(city) or _known_place(city)
    if credit:
        return False
    # no credit: a capitals city before a region, or before a dash
    return _capitals(city) and (region is not None or match.group("end") != "")


def datelines(text: str) -> Iterator[re.Match[str]]:
    """Datelines opening a paragraph of ``text`` or following a "(Text)" lead-in."""
    starts = {m.end() for m in PARAGRAPH.finditer(text)}
    starts |= {m.end() for m in LEAD_IN.finditer(text)}
    seen: set[int] = set()
    for start in sorted(starts):
        match = DATELINE.match(text, start)
        if match and match.start("city") not in seen and is_dateline(match):
            seen.add(match.start("city"))
            yield match


DOC_CODE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,12}[ ]+")
CREDIT_TAIL = re.compile(
    r"[ ]+in[ ][A-Z][a-z]+(?:-[A-Z][a-z]+)?[ ]+"  # "in English", "in Serbo-Croatian"
    r"(?:No\.?[ ]\d+[ ]?,[ ]+)?(?:\d{4}[ ]GMT[ ])?"  # "No. 4, ", "1654 GMT "
    r"(?:\d{1,2}(?:-\d{1,2})?[ ])?[A-Z][a-z]{2,8}[ ]\d{2,4}\b"  # "25 Apr 94", "Apr 94"
    r"|[ ]+\d{1,2}[ ][A-Z][a-z]{2}[ ]\d{2}\b"  # no language: "30 Jan 94" only
)
CREDIT_LINE_CONFIDENCE = 0.8
"""A credit line is a fixed format; what can go wrong is reading a heading as one."""
LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_CREDIT_WORD = re.compile(r"^(?:[A-Z][A-Za-z0-9.'\-]*|[A-Z0-9][A-Z0-9\-]*|de|del|da|of|i|y)$")


def _credit_split(words: list[str], tail: bool) -> int:
    """Where a credit line's city ends and its source begins, or 0: the longest known city
    first, else mixed-case words before capitals ("Kiev SILSKI VISTI"); the city is never in
    capitals ("LONDON BRIDGE" is a heading). Without a language and date after it ("in
    English 1654 GMT 25 Apr 94"), the source must start in capitals, be a known agency or
    a broadcaster ("Beirut Radio Lebanon")."""
    if words[0].isupper():
        return 0
    for n in (3, 2, 1):
        if len(words) > n and lexicon.is_city(" ".join(words[:n])):
            break
    else:
        n = next((i for i, w in enumerate(words) if w.isupper()), 0)
        if not 1 <= n <= 3:
            return 0
    source = " ".join(words[n:])
    if not all(_CREDIT_WORD.match(w) for w in words) or not words[n][:1].isupper():
        return 0
    known = (
        source.lower() in lexicon.news_agencies()
        or _capitals(words[n])  # "XINHUA Domestic Service"
        or any(w.lower() in lexicon.broadcast_words() for w in words[n:])
    )
    return n if tail or known else 0


def credit_lines(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(city span, source span) of each credit line opening a paragraph or following a
    document code."""
    starts = {m.end() for m in PARAGRAPH.finditer(text)} | {
        m.end() for m in DOC_CODE.finditer(text)
    }
    for start in sorted(starts):
        end_of_line = LINE_END.search(text, start).start()
        tail = CREDIT_TAIL.search(text, start, end_of_line)
        stop = tail.start() if tail else end_of_line
        words = text[start:stop].split(" ")
        if not 2 <= len(words) <= 9 or "" in words:
            continue
        n = _credit_split(words, tail is not None and " in " in tail.group())
        if n:
            city_end = start + len(" ".join(words[:n]))
            yield (start, city_end), (city_end + 1, stop)


def _place_type(name: str) -> EntityType:
    return EntityType.COUNTRY if lexicon.country_name(name) else EntityType.PLACE


@extractors.register("datelines", order=16.5)  # over what NER and the span rules made
def dateline_mentions(ctx: Context) -> Iterator[RelationMention]:
    """The city, region and agency of each dateline, over whatever NER made of them; the
    agency and the places are noted as a pair no later extractor relates. A credit line's
    source is based in its city."""
    unrelated: set[frozenset] = ctx.notes.setdefault("unrelated", set())  # type: ignore[assignment]
    for match in datelines(ctx.text):
        city, region = match.group("city"), match.group("region")
        places = [
            ctx.add_mention(
                match.span("city"),
                _place_type(city),
                name=lexicon.country_name(city) or _title_case(city),
                confidence=0.9,
                replace=True,
            )
        ]
        if region:
            places.append(
                ctx.add_mention(
                    match.span("region"),
                    _place_type(region),
                    name=lexicon.country_name(region) or None,
                    confidence=0.9,
                    replace=True,
                )
            )
        for group in ("lead", "agency"):
            if _agency(match.group(group)):
                agency = ctx.add_mention(
                    match.span(group), EntityType.ORGANIZATION, confidence=0.9, replace=True
                )
                unrelated |= {frozenset((agency.span, p.span)) for p in places if agency and p}
    for city, source in credit_lines(ctx.text):
        place = ctx.add_mention(city, EntityType.PLACE, confidence=0.9, replace=True)
        agency = ctx.add_mention(
            source,
            EntityType.ORGANIZATION,
            name=ctx.text[source[0] : source[1]],  # "THE NATION" keeps its article
            confidence=0.9,
            replace=True,
        )
        if place and agency:
            unrelated.add(frozenset((place.span, agency.span)))
            tokens = ctx.mention_tokens(agency) + ctx.mention_tokens(place)
            yield ctx.relation(agency, "basedIn", place, tokens, confidence=CREDIT_LINE_CONFIDENCE)
