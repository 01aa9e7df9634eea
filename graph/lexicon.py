"""Knowledge that lives in data files under graph/schema: loaded once, looked up by code.

Countries come from GeoNames (graph/geonames.py) plus graph/schema/country_aliases.tsv;
demonyms, titles and collective nouns from their TSV/TXT files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from graph.errors import SchemaError
from graph.geonames import collector_paused


def _rows(filename: str, columns: int) -> list[list[str]]:
    """Non-comment rows of a tab-separated data file, padded to ``columns`` fields."""
    text = resources.files("graph.schema").joinpath(filename).read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) > columns:
            raise SchemaError(f"graph/schema/{filename}:{number}: more than {columns} fields")
        rows.append(fields + [""] * (columns - len(fields)))
    return rows


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Lower-cased country name or alias -> canonical country name."""
    from graph.geonames import tables

    table: dict[str, str] = {}
    for info in tables().countries:
        table[info.name.lower()] = info.name
    for alias, canonical in _rows("country_aliases.tsv", 2):
        table[alias.lower()] = canonical
    return table


def country_name(text: str) -> str | None:
    """The canonical country a name or alias stands for ("U.S." -> "United States")."""
    key = text.strip().lower()
    return countries().get(key) or countries().get(key.removeprefix("the "))


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Lower-cased names of the 34,000 GeoNames cities of more than 15,000 people."""
    return frozenset(city_countries())


def is_city(name: str) -> bool:
    return name.strip().lower() in city_names()


@lru_cache(maxsize=1)
@collector_paused()
def city_countries() -> dict[str, frozenset[str]]:
    """Lower-cased GeoNames city name -> the canonical names of the countries that have a
    city of that name (Paris: France and the United States)."""
    from graph.geonames import tables

    by_iso = {c.iso: country_name(c.name) or c.name for c in tables().countries}
    table: dict[str, set[str]] = {}
    for city in tables().cities:
        found = table.setdefault(city.name.lower(), set())  # every city, country known or not
        if city.country in by_iso:
            found.add(by_iso[city.country])
    return {name: frozenset(found) for name, found in table.items()}


def city_elsewhere(city: str, country: str) -> bool:
    """Whether the gazetteer knows cities named ``city`` but none in ``country``: "Paris,
    Germany, and Italy" is a list of places, not Paris in Germany."""
    canonical = country_name(country)
    found = city_countries().get(city.strip().lower())
    return bool(canonical and found) and canonical not in found


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Lower-cased names and postal codes of regions that contain cities (US states)."""
    from graph.geonames import tables

    names = {n.lower() for s in tables().states for n in (s.name, s.code)}
    names |= {abbreviation.lower() for abbreviation, _ in _rows("us_state_abbreviations.tsv", 2)}
    return frozenset(names)


def is_region(name: str) -> bool:
    return name.strip().lower().rstrip(".") in region_names()


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lower-cased demonym ("french") -> canonical country name ("France")."""
    return {d.lower(): c for d, c in _rows("demonyms.tsv", 2)}


def demonym_country(word: str) -> str | None:
    return demonyms().get(word.strip().lower())


@lru_cache(maxsize=1)
def resident_demonyms() -> dict[str, str]:
    """Noun for a city's or region's residents, as written ("New Yorker") -> the place
    ("New York"), from resident_demonyms.tsv."""
    return {noun: place for noun, place in _rows("resident_demonyms.tsv", 2)}


@lru_cache(maxsize=1)
def country_parts() -> dict[str, str]:
    """Lower-cased part of a country without a government of its own ("england") -> the
    canonical country ("United Kingdom"), from country_parts.tsv."""
    return {part.lower(): country for part, country in _rows("country_parts.tsv", 2)}


@dataclass(frozen=True, slots=True)
class Title:
    """An office or role word: its canonical label and what kind of relation it implies."""

    words: str
    label: str
    kind: str
    scope: str = ""
    """"place" for offices of a territory (mayor, MP): an organisation named with them is
    the holder's party, not the office's jurisdiction; "org" for offices in an organisation
    (chairman, striker): a demonym with them is the holder's nationality."""
    flags: frozenset[str] = frozenset()
    """"bare": no Position alone; "portfolio": a Position only with a portfolio; "role":
    never a Position (see titles.tsv)."""


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Lower-cased title phrase -> Title; multi-word titles are keyed by their words."""
    return {
        w.lower(): Title(w.lower(), label, kind, scope, frozenset(flags.split(",")) - {""})
        for w, label, kind, scope, flags in _rows("titles.tsv", 5)
    }


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of a title of titles.tsv ("principal" of "team principal")."""
    return frozenset(w for title in titles() for w in title.split())


@lru_cache(maxsize=1)
def title_countries() -> dict[tuple[str, str], Title]:
    """(title, country) -> the office that title names in that country ("chancellor",
    United Kingdom -> Chancellor of the Exchequer), from title_countries.tsv."""
    return {
        (word.lower(), country): titles()[office.lower()]
        for word, country, office in _rows("title_countries.tsv", 3)
    }


@lru_cache(maxsize=1)
def title_modifiers() -> dict[str, str]:
    """Word before a title ("shadow", "former") -> its effect, from title_modifiers.tsv."""
    return {word.lower(): effect for word, effect in _rows("title_modifiers.tsv", 2)}


@lru_cache(maxsize=1)
def party_words() -> frozenset[str]:
    """Lower-cased short names of political parties ("tory", "lib dem"), from parties.txt."""
    return frozenset(row[0] for row in _rows("parties.txt", 1))


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Lower-cased words that name a ministry's portfolio ("culture", "affairs")."""
    return frozenset(row[0] for row in _rows("portfolios.txt", 2))


@lru_cache(maxsize=1)
def portfolio_org_nouns() -> frozenset[str]:
    """Portfolio words that complete an organisation after a name ("Kent police")."""
    return frozenset(word for word, flag in _rows("portfolios.txt", 2) if flag == "org")


@lru_cache(maxsize=1)
def unit_nouns() -> frozenset[str]:
    """Nouns for a part of an organisation ("arm", "division"), from unit_nouns.txt."""
    return frozenset(row[0] for row in _rows("unit_nouns.txt", 1))


@lru_cache(maxsize=1)
def collective_nouns() -> dict[str, frozenset[str]]:
    """Organisation-like head nouns -> their flags ("refers_back", "members")."""
    return {
        lemma: frozenset(f.strip() for f in flags.split(",") if f.strip())
        for lemma, flags in _rows("collective_nouns.txt", 2)
    }


@lru_cache(maxsize=1)
def organisation_kinds() -> frozenset[str]:
    """Lemmas of nouns that say what kind of organisation a name is ("bank", "carmaker"):
    organisation_kinds.txt and the collective nouns."""
    return frozenset(row[0] for row in _rows("organisation_kinds.txt", 1)) | frozenset(
        collective_nouns()
    )


@lru_cache(maxsize=1)
def descriptor_nouns() -> frozenset[str]:
    """Nouns of a business's kind that describe a name and never begin one ("Carmaker
    Toyota said"), from descriptor_nouns.txt."""
    return frozenset(row[0] for row in _rows("descriptor_nouns.txt", 1))


@lru_cache(maxsize=1)
def personal_nouns() -> frozenset[str]:
    """Nouns only a person owns ("X's wife", "X's lawyer"), from personal_nouns.txt."""
    return frozenset(row[0] for row in _rows("personal_nouns.txt", 1))


@lru_cache(maxsize=1)
def national_body_nouns() -> frozenset[str]:
    """Head words of a name a country opens that make it that country's ("Department" in
    "US Department of Justice"), from national_body_nouns.txt."""
    return frozenset(row[0] for row in _rows("national_body_nouns.txt", 1))


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Lemmas of nouns that denote people ("citizen", "soldier")."""
    return frozenset(row[0] for row in _rows("people_nouns.txt", 1))


@lru_cache(maxsize=1)
def stance_cues() -> dict[tuple[str, str], frozenset[str]]:
    """(lemma, coarse part of speech) -> stance cues ("proposal", "report", ...)."""
    table: dict[tuple[str, str], set[str]] = {}
    for lemma, pos, cue in _rows("stance_cues.tsv", 3):
        table.setdefault((lemma, pos), set()).add(cue)
    return {key: frozenset(cues) for key, cues in table.items()}


@dataclass(frozen=True, slots=True)
class VerbSense:
    """A verb (with an optional preposition or particle) that expresses a schema predicate."""

    lemma: str
    prep: str
    predicate: str
    reverse: bool
    """True when the grammatical object is the relation's subject ("X hired Y": Y worksFor X)."""
    direction: str = "forward"
    """The verbs.tsv direction as written ("guest": the object must be a person by name)."""
    types: frozenset[str] = frozenset()
    """Entity types both sides must have besides the predicate's domain and range (empty:
    any): "Euronext combines the Paris and Lisbon bourses" relates organisations only."""


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, list[VerbSense]]:
    """Verb lemma -> its senses, from graph/schema/verbs.tsv."""
    table: dict[str, list[VerbSense]] = {}
    for lemma, prep, predicate, direction, types in _rows("verbs.tsv", 5):
        sense = VerbSense(
            lemma,
            "" if prep == "-" else prep,
            predicate,
            direction == "reverse",
            direction,
            frozenset(types.split("|")) - {"", "-"},
        )
        table.setdefault(lemma, []).append(sense)
    return table


@lru_cache(maxsize=1)
def nominal_relations() -> dict[tuple[str, str], str]:
    """(noun lemma, preposition) -> predicate, from graph/schema/nominal_relations.tsv."""
    return {(noun, prep): predicate for noun, prep, predicate in _rows("nominal_relations.tsv", 3)}


@lru_cache(maxsize=1)
def attitude_frames() -> dict[tuple[str, str], dict[str, str]]:
    """(word, VERB/NOUN/ADJ) -> {role: predicate or ""} of the words that say an attitude
    through a frame ("called for the removal of X"), from attitude_frames.tsv."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    known = {
        *("act", "act-by", "demand", "label", "verdict", "light"),
        *("holder", "holder-of", "state", "penalty", "fault"),
    }
    for word, pos, role, predicate in _rows("attitude_frames.tsv", 4):
        if role not in known:
            raise SchemaError(f"graph/schema/attitude_frames.tsv: {word}: unknown role {role}")
        table.setdefault((word, pos), {})[role] = "" if predicate == "-" else predicate
    return table


@lru_cache(maxsize=1)
def verb_argument_nouns() -> dict[str, str]:
    """Noun lemma -> "agent", "voice", "conduct" or "relative", from verb_arguments.tsv:
    heads through which a verb's argument stands (or never stands) for their owner."""
    return {noun: role for noun, role in _rows("verb_arguments.tsv", 2)}


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Lemmas of nouns that describe a place ("town", "province")."""
    return frozenset(row[0] for row in _rows("place_nouns.txt", 1))


@lru_cache(maxsize=1)
def appointment_verbs() -> dict[str, str]:
    """Verbs that put a person in an office -> "asserted" or "proposed" (appointment_verbs.tsv)."""
    return {lemma: stance for lemma, stance in _rows("appointment_verbs.tsv", 2)}


@lru_cache(maxsize=1)
def club_prefixes() -> frozenset[str]:
    """Words before a town's name that name its club ("AC", "PSV", "Dynamo"), as written."""
    return frozenset(row[0] for row in _rows("club_prefixes.txt", 1))


@lru_cache(maxsize=1)
def facility_nouns() -> frozenset[str]:
    """Last words of sites' names ("square", "stadium"), from facility_nouns.txt."""
    return frozenset(row[0] for row in _rows("facility_nouns.txt", 1))


def is_facility(name: str) -> bool:
    """Whether a name is a site's, one a city may hold ("Tahrir Square", "the Museum of
    Modern Art": the noun before "of")."""
    words = name.lower().split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
        return words[-1] in facility_nouns()
    return len(words) > 1 and words[-1] in facility_nouns()


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    """Lower-cased names of news agencies a dateline credits ("AP", "Xinhua", "BTA")."""
    return frozenset(row[0].lower() for row in _rows("news_agencies.txt", 1))


@lru_cache(maxsize=1)
def broadcast_words() -> frozenset[str]:
    """Words that name a broadcaster ("Radio", "Television", "Network")."""
    return frozenset(row[0].lower() for row in _rows("broadcast_words.txt", 1))


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Words before a name that are not part of it ("Mr", "Gen", "Sir")."""
    return frozenset(row[0] for row in _rows("honorifics.txt", 1))


@lru_cache(maxsize=1)
def number_scales() -> dict[str, int]:
    """Scale words after a number ("million", "bn") -> multiplier, from number_scales.tsv."""
    return {word.lower(): int(multiplier) for word, multiplier in _rows("number_scales.tsv", 2)}


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, str]:
    """Event noun lemma ("summit") -> its kind ("meeting"), from event_nouns.tsv."""
    return {noun: kind for noun, kind in _rows("event_nouns.tsv", 2)}


@lru_cache(maxsize=1)
def event_roles() -> dict[tuple[str, str], tuple[str, ...]]:
    """(event kind or "*", preposition or link) -> roles to try, from event_roles.tsv."""
    return {
        (kind, link): tuple(r.strip() for r in roles.split(","))
        for kind, link, roles in _rows("event_roles.tsv", 3)
    }


@lru_cache(maxsize=1)
def event_verbs() -> dict[tuple[str, str], bool]:
    """(verb lemma, preposition or "") -> whether the verb keeps its own relation, for verbs
    whose subject takes part in the event they govern ("held talks"), from event_verbs.tsv."""
    return {
        (lemma, "" if prep == "-" else prep): keeps == "keeps"
        for lemma, prep, keeps in _rows("event_verbs.tsv", 3)
    }


@lru_cache(maxsize=1)
def killing_nouns() -> dict[str, tuple[str, str]]:
    """Word -> (kind, effect) of killing_nouns.tsv: "agent" ("assassin"), "event"
    ("murder"), "modifier" (with its stance) or "verdict"."""
    return {word: (kind, effect) for word, kind, effect in _rows("killing_nouns.tsv", 3)}


@lru_cache(maxsize=1)
def harm_words() -> frozenset[tuple[str, str]]:
    """(lemma, VERB/NOUN) of words whose patients are victims, from harm_words.tsv."""
    return frozenset((lemma, pos) for lemma, pos in _rows("harm_words.tsv", 2))


@lru_cache(maxsize=1)
def statement_only_extractors() -> frozenset[str]:
    """Extractors not yet precise enough to write bare triples (statement_only.tsv)."""
    return frozenset(row[0] for row in _rows("statement_only.tsv", 2))


def writes_bare_triple(stance: str, extractor: str) -> bool:
    """Whether a relation is also a bare triple: asserted, by an extractor trusted to assert."""
    return stance == "asserted" and extractor not in statement_only_extractors()


@lru_cache(maxsize=1)
def occasion_nouns() -> frozenset[str]:
    """Words that make a collective noun a social occasion ("dinner party"), from
    occasion_nouns.txt."""
    return frozenset(row[0] for row in _rows("occasion_nouns.txt", 1))


@lru_cache(maxsize=1)
def generic_owners() -> frozenset[str]:
    """Words that may head "X-owned" without naming an owner ("state-owned")."""
    return frozenset(row[0] for row in _rows("generic_owners.txt", 1))


@lru_cache(maxsize=1)
def product_features() -> frozenset[str]:
    """Technology words that describe a product without naming it ("3G", "4K")."""
    return frozenset(row[0] for row in _rows("product_features.txt", 1))


def feature_start(doc, end: int) -> int:  # type: ignore[no-untyped-def]
    """Where a technology word of product_features.txt ending just before token ``end``
    starts ("3G" may be the two tokens "3", "G"); ``end`` when there is none."""
    features = product_features()
    if 0 < end <= len(doc):  # the words themselves, not spans over them (asked of many words)
        last = doc[end - 1]
        if last.text.lower() in features:
            return end - 1
        if end >= 2 and not (first := doc[end - 2]).whitespace_:
            if (first.text + last.text).lower() in features:
                return end - 2
        return end
    for width in (1, 2):
        start = end - width
        if start < 0:
            break
        words = doc[start:end]
        if any(t.whitespace_ for t in words[:-1]):
            break
        if words.text.lower() in product_features():
            return start
    return end


@dataclass(frozen=True, slots=True)
class CreditCue:
    """A word of credit_cues.tsv: what it says ("role", "naming" ...) and its predicate."""

    kind: str
    predicate: str | None


@lru_cache(maxsize=1)
def credit_cues() -> dict[tuple[str, str], CreditCue]:
    """(word, kind) -> its cue (graph/schema/credit_cues.tsv); a word may have several kinds."""
    return {
        (word, kind): CreditCue(kind, None if predicate in {"", "-"} else predicate)
        for word, kind, predicate in _rows("credit_cues.tsv", 3)
    }


def credit_cue(word: str, kind: str) -> CreditCue | None:
    return credit_cues().get((word, kind))


@cache
def credit_words(kind: str) -> frozenset[str]:
    """The words of credit_cues.tsv that have a cue of this kind (``credit_cue`` finds one)."""
    return frozenset(word for word, k in credit_cues() if k == kind)


def player_read_as_modifier(token) -> bool:  # type: ignore[no-untyped-def]
    """ "Germany forward Niclas Fullkrug": a lower-case player's title of titles.tsv that the
    tagger read as an adverb or adjective (not "major", "general": "a major Honda plant")."""
    title = titles().get(token.lower_)
    return (
        token.is_lower
        and token.pos_ in {"ADV", "ADJ"}
        and title is not None
        and title.kind == "player"
    )
