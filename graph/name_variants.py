"""Which name mentions of one article are variants of one name: the same name whatever NER
called it, a person's surname or first name, title + surname, an acronym and its expansion,
a shorter and a longer form of one organisation's name.

Every rule abstains when a short form fits two longer names ("Sanchez" beside Pedro and
Maria Sanchez, "Deutsche" beside Deutsche Bank and Deutsche Boerse).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from graph import lexicon
from graph.model import EntityType, Mention

Union = Callable[[tuple[int, int], tuple[int, int]], None]
PLACE_TYPES = {EntityType.COUNTRY, EntityType.PLACE}
NAMED_THINGS = {EntityType.WORK, EntityType.PRODUCT}
ACRONYM_SKIP = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "&", "on", "in"}


def norm(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()


def acronym(name: str) -> str:
    """Initials of the capitalised words ("Digital Markets Act" -> "DMA"); "" for one word."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    words = [w for w in words if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def known_place(name: str) -> bool:
    """A name the gazetteers know as a country, city or region."""
    return bool(lexicon.country_name(name) or lexicon.is_city(name) or lexicon.is_region(name))


def person_core(name: str) -> str:
    """A person's name without the titles and honorifics written before it
    ("Principal Horner", "Mr Horner" -> "horner")."""
    words = norm(name).split()
    titles, honorifics = lexicon.titles(), lexicon.honorifics()
    while len(words) > 1 and (words[0] in honorifics or words[0] in titles):
        words = words[1:]
    return " ".join(words)


def link_names(
    named: list[Mention], union: Union, apart: frozenset[frozenset[str]] = frozenset()
) -> None:
    """Call ``union`` on the spans of mentions that are variants of one name; ``apart``
    holds pairs of names (as ``norm`` gives them) the article relates to each other, which
    are two things whatever their words ("Nestle Health Science, a unit of Nestle")."""
    by_norm: dict[str, list[Mention]] = defaultdict(list)
    for mention in named:
        by_norm[norm(mention.name)].append(mention)
    by_norm.pop("", None)
    _plural_forms(by_norm)
    people = _person_names(by_norm)
    for name, group in by_norm.items():
        _same_name(name, group, people, union)
    _people(by_norm, people, union)
    _organisations(by_norm, people, union, apart)


def _plural_forms(by_norm: dict[str, list[Mention]]) -> None:
    """ "Lib Dems" and "Lib Dem", "Democrats" and "Democrat", "the Greens" and "the Green
    Party": an organisation or group named in the plural and in the singular, or by its
    members and as a party, is one name (people's names are left alone)."""
    for name in [n for n in by_norm if n.endswith(" party") and n[:-6] + "s" in by_norm]:
        members = by_norm[name[:-6] + "s"]  # "the Conservatives" and "the Conservative Party"
        if not any(m.type is EntityType.PERSON for m in members + by_norm[name]):
            by_norm[name] = by_norm[name] + by_norm.pop(name[:-6] + "s")
    for name in [n for n in by_norm if n.endswith("s") and n[:-1] in by_norm]:
        plural, singular = by_norm[name], by_norm[name[:-1]]
        if any(m.type is EntityType.PERSON for m in plural + singular):
            continue
        if all(m.type in {EntityType.ORGANIZATION, EntityType.GROUP} for m in plural + singular):
            by_norm[name[:-1]] = singular + by_norm.pop(name)


def _person_names(by_norm: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Names that some mention types as a person, keyed by their core (no title words)."""
    people: dict[str, list[Mention]] = defaultdict(list)
    for group in by_norm.values():
        persons = [m for m in group if m.type is EntityType.PERSON]
        if persons:
            people[person_core(persons[0].name)].extend(persons)
    return people


def _surname_of_someone(name: str, people: dict[str, list[Mention]]) -> bool:
    words = name.split()
    return any(
        len(full.split()) > len(words) and full.split()[-len(words) :] == words for full in people
    )


def _same_name(name: str, group: list[Mention], people: dict, union: Union) -> None:
    """Mentions of one name are one entity, whatever type NER gave each, except a person's
    surname beside something else of that name ("Henry Ford" ... "Ford" the company)."""
    persons = [m for m in group if m.type is EntityType.PERSON]
    others = [m for m in group if m.type is not EntityType.PERSON]
    for a, b in zip(persons, persons[1:], strict=False):
        union(a.span, b.span)
    for a, b in zip(others, others[1:], strict=False):
        union(a.span, b.span)
    if not persons or not others:
        return
    if _surname_of_someone(name, people):
        return
    if known_place(name) and any(m.type in PLACE_TYPES for m in others):
        return  # "Jordan" the country beside a person NER also called Jordan
    union(persons[0].span, others[0].span)


def _people(by_norm: dict[str, list[Mention]], people: dict, union: Union) -> None:
    """Surname, first name or title + surname of exactly one person named in full."""
    full_names = [n for n in people if len(n.split()) > 1]
    for short, mentions in people.items():
        words = short.split()
        longer = [n for n in full_names if len(n.split()) > len(words)]
        ending = [n for n in longer if n.split()[-len(words) :] == words]
        if ending:
            if len(ending) == 1:
                union(people[ending[0]][0].span, mentions[0].span)
            continue
        if len(words) != 1:
            continue
        starting = [n for n in longer if n.split()[0] == words[0]]
        surnames = {n.split()[-1] for n in full_names}
        if len(starting) == 1 and words[0] not in surnames:
            union(people[starting[0]][0].span, mentions[0].span)  # "Max" -> "Max Verstappen"
            continue
        inside = [n for n in longer if len(n.split()) > 2 and words[0] in n.split()[1:-1]]
        firsts = {n.split()[0] for n in full_names}
        if len(inside) == 1 and not starting and words[0] not in firsts | surnames:
            union(
                people[inside[0]][0].span, mentions[0].span
            )  # "Lula" -> "Luiz Inacio Lula da Silva"


def _organisations(
    by_norm: dict[str, list[Mention]],
    people: dict,
    union: Union,
    apart: frozenset[frozenset[str]] = frozenset(),
) -> None:
    """Acronyms and shorter/longer forms of organisation names, except two names the
    article relates to each other."""
    given = union

    def union(a, b) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
        names = frozenset({norm(span_names[a]), norm(span_names[b])})
        if names not in apart:
            given(a, b)

    span_names = {m.span: m.name for ms in by_norm.values() for m in ms}
    orgs = {
        n: ms
        for n, ms in by_norm.items()
        if any(m.type is EntityType.ORGANIZATION for m in ms)
        and all(m.role != "description" for m in ms)
        and not all(m.role == "described" for m in ms)  # "Frankfurt exchange": no long form
    }
    expansions: dict[str, list[str]] = defaultdict(list)
    with_company: dict[str, list[str]] = defaultdict(list)
    for name, mentions in by_norm.items():
        if any(m.type is not EntityType.PERSON for m in mentions):
            letters = acronym(mentions[0].name).lower()
            if letters and letters != name:
                expansions[letters].append(name)
                if name in orgs:
                    with_company[letters + "c"].append(name)
    for letters, names in with_company.items():
        # "MMC" for Marsh & McLennan (Companies): a company's initials and a C for
        # Company, Corporation, unless the article also uses the bare initials ("GE")
        if letters[:-1] not in by_norm:
            expansions.setdefault(letters, names)
    for short, mentions in by_norm.items():
        if all(m.role == "description" for m in mentions):
            continue
        if is_acronym(mentions[0].name) and len(expansions.get(short, [])) == 1:
            union(by_norm[expansions[short][0]][0].span, mentions[0].span)
            continue
        is_org = short in orgs
        place = known_place(short) or any(m.type is EntityType.COUNTRY for m in mentions)
        if place and any(m.type is not EntityType.ORGANIZATION for m in mentions):
            continue  # "Paris" beside "Paris Bourse": the city is not the exchange
        if not is_org and short in people and _surname_of_someone(short, people):
            continue  # a person's surname does not join an organisation's name
        words = short.split()
        longer = [n for n in orgs if n != short and len(n.split()) > len(words)]
        starting = [n for n in longer if n.split()[: len(words)] == words]
        if len(starting) == 1 and not is_acronym(mentions[0].name):  # "MMC" is not "MMC Capital"
            union(orgs[starting[0]][0].span, mentions[0].span)  # "Meta" -> "Meta Platforms"
            continue
        ending = [n for n in longer if n.split()[-len(words) :] == words]
        # a title NER did not call an organisation ("this year's Essentials") may be the
        # short form of one too ("Stuff Essentials")
        thing = all(m.type in NAMED_THINGS for m in mentions)
        if (is_org or thing) and not starting and len(ending) == 1:
            union(orgs[ending[0]][0].span, mentions[0].span)  # "European Commission"
            continue
        if any(m.role == "described" for m in mentions):
            # "the London exchange" is the London Stock Exchange when the article names one
            within = [
                n
                for n in longer
                if n.split()[0] == words[0]
                and n.split()[-1] == words[-1]
                and set(words) <= set(n.split())
            ]
            if len(within) == 1:
                union(orgs[within[0]][0].span, mentions[0].span)
