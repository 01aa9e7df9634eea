"""Normalised values of Date and Quantity mentions: "October 7" in an article dated
2023-10-20 -> 2023-10-07, "September 2014" -> 2014-09, "thirty" -> 30, "$1.5bn" -> 1500000000.

Dates are read by dateparser relative to the article date; without an article date only a
date that names its year is normalised (a bare "Friday" could be any Friday). The value is
an ISO xsd:date, gYearMonth or gYear string, or "" when the text fixes none of them (weeks,
decades, "recent years"). Number words are read by text2num; digits with a scale word
("1.5 million", "$2bn") use graph/schema/number_scales.tsv. Vague counts ("hundreds",
"dozens") get no value.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from graph import lexicon
from graph.extract import extractors
from graph.model import EntityType

if TYPE_CHECKING:
    from collections.abc import Iterator

    from dateparser.date import DateDataParser

    from graph.extract.context import Context
    from graph.model import RelationMention

EXPLICIT_YEAR = re.compile(r"\b(1[0-9]|20)\d\d\b(?!s)")
DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(?:-\s*)?([A-Za-z]+))?")
SEASON = re.compile(r"\b\d{4}\s*[-–/]\s*\d{2}(?![\d-])")
FRACTION = re.compile(r"\b(halfs?|halves|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
DURATION_UNIT = re.compile(r"\b(hours?|days?|weeks?|months?|years?|decades?|centuries|century)\b")
DEICTIC = re.compile(r"\b(last|this|next|ago|previous|coming|earlier|later|same)\b")
PERIOD_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
PLAIN_YEAR = re.compile(r"(?:1[0-9]|20)[0-9][0-9]")
PLAIN_MONTH = re.compile(rf"({'|'.join(MONTHS)}) ((?:1[0-9]|20)[0-9][0-9])")
"""A year, and a month's name and a year, alone: the commonest dates, read here as
dateparser reads them."""


def article_datetime(date: str | None) -> datetime | None:
    """The article's date as a datetime (any ISO form or written date), None if unreadable."""
    if not date:
        return None
    try:
        return datetime.fromisoformat(date.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    parsed = _parser(None).get_date_data(date)
    return parsed.date_obj.replace(tzinfo=None) if parsed.date_obj else None


@lru_cache(maxsize=64)
def _parser(base: datetime | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    # "current_period": a weekday in the article's week, a month and day in its year.
    settings = {"PREFER_DATES_FROM": "current_period", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def is_duration(text: str) -> bool:
    """A length of time ("three-day", "14 years", "two decades"), not a point in time ("last
    week", "two years ago", "this month")."""
    lowered = text.lower()
    return bool(DURATION_UNIT.search(lowered)) and not DEICTIC.search(lowered)


def normalise_date(text: str, article_date: datetime | None) -> str:
    """ISO value of a date expression relative to the article date, "" when not fixed."""
    return _normalised_date(" ".join(text.split()).strip(" ,."), article_date)


@lru_cache(maxsize=8192)
def _normalised_date(text: str, article_date: datetime | None) -> str:
    """normalise_date of a cleaned text, kept per (text, date): the same expressions ("2004",
    "November 2003") recur across articles, and a dateparser call costs about 0.3 ms."""
    if not text or (article_date is None and not EXPLICIT_YEAR.search(text)):
        return ""
    if PLAIN_YEAR.fullmatch(text):
        return text  # what dateparser reads "2004" as, without its 1 ms (tests check)
    if plain := PLAIN_MONTH.fullmatch(text):
        return f"{plain.group(2)}-{MONTHS[plain.group(1)]:02d}"  # "November 2003" -> 2003-11
    if re.search(r"\d0s\b|\bdecades?\b|\bcentur", text) or SEASON.search(text):
        return ""  # "the 1990s", "2020-21": periods with no calendar value of ours
    parsed = _parser(article_date).get_date_data(text)
    if parsed.date_obj is None or parsed.period not in PERIOD_FORMATS:
        return ""
    return parsed.date_obj.strftime(PERIOD_FORMATS[parsed.period])


def _number_words(words: list[str]) -> float | None:
    """The longest run of number words ("one hundred and twenty") read by text2num."""
    from text_to_num import text2num

    for start in range(len(words)):
        if words[start].endswith("s"):
            return None  # "hundreds", "dozens": no exact number
        for end in range(len(words), start, -1):
            try:
                return float(text2num(" ".join(words[start:end]), "en"))
            except ValueError:
                continue
    return None


def normalise_quantity(text: str) -> str:
    """The number a quantity expression names ("thirty" -> "30", "$1.5bn" -> "1500000000")."""
    if FRACTION.search(text):
        return ""
    match = DIGITS.search(text)
    if match:
        whole, fraction, unit = match.groups()
        number = float(whole.replace(",", "") + (fraction or ""))
        number *= lexicon.number_scales().get((unit or "").lower(), 1)
    else:
        words = re.sub(r"-", " ", text.lower()).split()
        found = _number_words([w for w in words if w != "and"] if "and" in words else words)
        if found is None:
            return ""
        number = found
    return str(int(number)) if number.is_integer() else repr(number)


@extractors.register("values", order=90)
def values(ctx: Context) -> Iterator[RelationMention]:
    """Set the value of every Date and Quantity mention; adds no relation."""
    base = article_datetime(ctx.article.date)
    for mention in list(ctx.mentions):
        if mention.value:
            continue
        if mention.type is EntityType.DATE:
            value = normalise_date(mention.text, base)
        elif mention.type is EntityType.QUANTITY:
            value = normalise_quantity(mention.text)
        else:
            continue
        if value:
            ctx.set_value(mention, value)
    return iter(())
