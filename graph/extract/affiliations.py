"""Where a named person lives and whom a named person or organisation belongs to, from the
noun phrase that names them:
- "Virginia Towle of Wallingford", "Marie Ferraro, 50, of Bethany, Conn." -> livesIn (a
  country: citizenOf); "Roger Crouch of NASA" -> worksFor (a party's member, a team's
  player); "Manufacturers Hanover Trust Co. of New York" -> basedIn (a country: country);
- "X, a resident of Leeds", "X is a native of Kano" -> the predicate of the noun
  (graph/schema/residence_nouns.tsv);
- "Atlanta businessman Neil Estes", "X, a Netherlands businessman" -> livesIn / citizenOf,
  for the nouns of graph/schema/local_people_nouns.txt (offices are titles: "Texas Governor"
  is a jurisdiction, left to graph/extract/titles.py);
- "X's hometown of Y", "Y, X's home town", "in his native Y" -> graph/schema/home_nouns.tsv;
- "Texas-born singer X", "Ohio born astronaut X" -> bornIn;
- "Trudeau's Liberal Party" -> memberOfPoliticalParty.
The fact is part of the description, not of the clause, so it is asserted whatever the
verb's stance (as in graph/extract/descriptions.py). A pair an earlier extractor related,
directly or through an office ("Prime Minister Gonzalez of Spain"), is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context, conjuncts, first_conjunct, real_place
from graph.extract.sports import club_words, could_be_club, team_names
from graph.extract.title_facts import is_party
from graph.extract.verbs import _fits
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention

PLACES = {EntityType.PLACE, EntityType.COUNTRY}
NAME_ROLES = {"", "described"}


@lru_cache(maxsize=1)
def residence_nouns() -> dict[str, tuple[str, str]]:
    """Noun lemma -> (predicate for a city or region, predicate for a country); "-": none."""
    return {noun: (place, country) for noun, place, country in _rows("residence_nouns.tsv", 3)}


@lru_cache(maxsize=1)
def home_nouns() -> dict[str, str]:
    """ "hometown", "home state", "native" ... -> predicate."""
    return {words: predicate for words, predicate in _rows("home_nouns.tsv", 2)}


@lru_cache(maxsize=1)
def local_people_nouns() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("local_people_nouns.txt", 1))


def _related(ctx: Context, a: Mention, b: Mention) -> bool:
    """Whether an earlier extractor related the two, or a's office to b."""
    relations: list[RelationMention] = ctx.notes.get("relations", [])  # type: ignore[assignment]
    offices = {
        r.object.span
        for r in relations
        if r.subject.span == a.span and r.predicate == "positionHeld"
    }
    pair = {a.span, b.span}
    for r in relations:
        if {r.subject.span, r.object.span} == pair:
            return True
        if r.subject.span in offices and r.object.span == b.span:
            return True
    return False


def _places(ctx: Context, token: Token) -> list[tuple[Token, Mention]]:
    """The place a token names and the place in apposition to it ("Bethany, Conn.")."""
    found = []
    for t in [token, *(c for c in token.children if c.dep_ == "appos")]:
        mention = ctx.mention_of(t)
        if mention is not None and mention.type in PLACES and _named(mention):
            found.append((t, mention))
    return found


def _named(mention: Mention) -> bool:
    """A name, not a description ("the law firm"), an office or a pronoun."""
    return bool(mention.name) and mention.antecedent is None and mention.role in NAME_ROLES


def _is_country(place: Mention) -> bool:
    name = place.name
    return place.type is EntityType.COUNTRY or any(
        lexicon.country_name(n) for n in (name, "the " + name)
    )


def _place_predicate(place: Mention, predicates: tuple[str, str]) -> str | None:
    """The first predicate for a city or region, the second for a country."""
    country = _is_country(place)
    predicate = predicates[1] if country else predicates[0]
    return None if predicate == "-" else predicate


def _fitting(predicate: str | None, subject: Mention, obj: Mention) -> str | None:
    """The predicate if the ontology admits the pair; a country NER typed as a place ("a
    Netherlands businessman") cannot be a citizenship's object, so it is a residence."""
    if predicate and _fits(predicate, subject, obj):
        return predicate
    if predicate == "citizenOf" and _fits("livesIn", subject, obj):
        return "livesIn"
    return None


def _organisation_predicate(ctx: Context, organisation: Mention) -> str:
    if is_party(organisation):
        return "memberOfPoliticalParty"
    last = organisation.name.lower().split()[-1:]
    if organisation.name.lower() in team_names(ctx) or set(last) & club_words():
        return "memberOfSportsTeam"
    if could_be_club(ctx, organisation) and not _media(organisation.name):
        return "memberOfSportsTeam"  # a sport's "Leclerc of Ferrari", "Kane of Bayern"
    return "worksFor"


def _media(name: str) -> bool:
    """A news agency's or a broadcaster's name: in a sports article "X of the BBC" reports."""
    words = set(name.lower().split())
    return name.lower() in lexicon.news_agencies() or bool(words & lexicon.broadcast_words())


def _of_objects(head: Token, person: bool) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) of "of" after a name, or after a person's age in apposition to
    it ("Ferraro, 50, of Bethany"); for a person also "from" ("Jane Doe, 34, from Leeds",
    "X, a Republican from Chicago"), whose object only a place can be."""
    holders = [head]
    if person:
        holders += [
            c for c in head.children if c.dep_ == "appos" and c.pos_ in {"NUM", "NOUN", "PROPN"}
        ]
    for holder in holders:
        words = {"of", "from"} if person else {"of"}
        if holder is not head and not holder.like_num:
            words = {"from"}  # "a Republican of Chicago" is not said; "a member of" is no place
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in words and prep.i > head.i:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    yield prep, pobj
    yield from _shared_of_objects(head, person)


def _shared_of_objects(head: Token, person: bool) -> Iterator[tuple[Token, Token]]:
    """The phrase a list of names shares, set off after its last name: "Martin Mubanga,
    Richard Belmar and Feroz Abbasi, from London" (the parser hangs it on the first)."""
    first = first_conjunct(head)
    if first.i == head.i:
        return
    last = max(t.i for t in conjuncts(first))
    words = {"of", "from"} if person else {"of"}
    for prep in first.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in words
            and prep.i > last
            and prep.doc[prep.i - 1].text == ","
        ):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                yield prep, pobj


def _of_phrase(ctx: Context, mention: Mention, head: Token) -> Iterator[RelationMention]:
    for prep, pobj in _of_objects(head, mention.type is EntityType.PERSON):
        target = ctx.mention_of(pobj)
        if target is None or not _named(target):
            continue
        if mention.type is EntityType.PERSON and target.type in PLACES:
            found = [
                (t, m, _place_predicate(m, ("livesIn", "citizenOf"))) for t, m in _places(ctx, pobj)
            ]
        elif prep.lower_ == "from":
            continue  # "Smith from Chelsea" may be a transfer
        elif mention.type is EntityType.PERSON and target.type is EntityType.ORGANIZATION:
            found = [(pobj, target, _organisation_predicate(ctx, target))]
        elif mention.type is EntityType.ORGANIZATION and target.type in PLACES:
            # Only a real place: "X of the Y" is also a title's wording ("Eternal Sunshine
            # of the Spotless Mind"), where NER types both halves.
            found = [
                (t, m, _place_predicate(m, ("basedIn", "country")))
                for t, m in _places(ctx, pobj)
                if real_place(ctx, m)
            ]
        else:
            continue
        for token, obj, predicate in found:
            predicate = _fitting(predicate, mention, obj)
            if predicate and not _related(ctx, mention, obj):
                yield ctx.relation(mention, predicate, obj, [head, prep, token], confidence=0.7)


def _nouns_of(head: Token) -> list[Token]:
    """Common nouns that describe the person: in apposition ("X, a native of Kano"), as the
    complement of "be" ("X is a resident of Ohio"), or written before the name ("Atlanta
    businessman X")."""
    nouns = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    nouns += [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    subject = head.head if head.dep_ == "appos" else head  # "The singer X is a native of"
    if subject.dep_ == "nsubj" and subject.head.lemma_ == "be":
        nouns += [c for c in subject.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return nouns


def _local_places(noun: Token) -> list[Token]:
    """The words before a noun that may name its place: "Atlanta businessman", and both
    places of "a Tucson, Ariz., teacher" (the parser hangs "Tucson" from "Ariz.")."""
    found = []
    for child in noun.lefts:
        if child.dep_ == "compound":
            found.append(child)
        elif child.dep_ == "nmod":
            found.append(child)
            found += [c for c in child.lefts if c.dep_ in {"nmod", "compound", "appos"}]
    return found


def _party_of_possessor(ctx: Context, mention: Mention, head: Token) -> Iterator[RelationMention]:
    """ "Trudeau's Liberal Party": the possessor of a party is its member (its leader, often,
    but the phrase does not say so)."""
    if not is_party(mention):
        return
    for owner in (c for c in head.children if c.dep_ == "poss"):
        person = ctx.mention_at(owner)
        if person is None or person.type is not EntityType.PERSON or not _named(person):
            continue
        if _fits("memberOfPoliticalParty", person, mention) and not _related(ctx, person, mention):
            yield ctx.relation(
                person, "memberOfPoliticalParty", mention, [owner, head], confidence=0.7
            )


def _party_word_before(ctx: Context, mention: Mention) -> Iterator[RelationMention]:
    """ "Democrat Barack Obama", "Socialist Francois Hollande", "Liberal Democrat Jo
    Swinson": a capitalised party word (or two) right before a person's name is the
    person's party."""
    tokens = ctx.mention_tokens(mention)
    doc = ctx.doc
    first = tokens[0].i if tokens else 0
    for size in (2, 1):
        words = doc[first - size : first] if first >= size else None
        if words is None or not all(t.is_title for t in words):
            continue
        if words.text.lower() not in lexicon.party_words():
            continue
        ahead = doc[words.start - 1] if words.start > 0 else None
        if ahead is not None and ahead.is_title and not words[0].is_sent_start:
            return  # "New Democrat X", "Young Conservative X": a longer name or title
        party = ctx.mention_at(words[0])
        if party is None:
            party = ctx.add_mention(words, EntityType.ORGANIZATION, confidence=0.6, role="party")
        if party is None or not _fits("memberOfPoliticalParty", mention, party):
            return
        if not _related(ctx, mention, party):
            yield ctx.relation(
                mention, "memberOfPoliticalParty", party, [words[0], tokens[0]], confidence=0.7
            )
        return


def _described(ctx: Context, mention: Mention, head: Token) -> Iterator[RelationMention]:
    for noun in _nouns_of(head):
        lemma = noun.lemma_.lower()
        found: list[tuple[Token, Token, Mention, str | None]] = []
        if lemma in residence_nouns():
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found += [
                        (prep, t, m, _place_predicate(m, residence_nouns()[lemma]))
                        for t, m in _places(ctx, pobj)
                    ]
        if lemma in local_people_nouns():
            for child in _local_places(noun):
                place = ctx.mention_at(child)
                if place is None or not _named(place):
                    continue
                if place.type in PLACES:
                    found.append(
                        (noun, child, place, _place_predicate(place, ("livesIn", "citizenOf")))
                    )
        for middle, token, obj, predicate in found:
            predicate = _fitting(predicate, mention, obj)
            if predicate and not _related(ctx, mention, obj):
                yield ctx.relation(
                    mention, predicate, obj, [head, noun, middle, token], confidence=0.7
                )


def _home_words(noun: Token) -> str | None:
    """The home_nouns.tsv entry a noun is ("hometown", "home state"), or None."""
    table = home_nouns()
    lemma = noun.lemma_.lower()
    if lemma in table and noun.pos_ == "NOUN":
        return lemma
    for child in noun.children:
        if child.dep_ == "compound" and f"{child.lower_} {lemma}" in table:
            return f"{child.lower_} {lemma}"
    return None


def _home_places(ctx: Context, noun: Token) -> list[tuple[Token, Mention]]:
    """The place a home noun names: its "of" ("hometown of Leeds"), the place it stands in
    apposition to ("Bolton, Amir Khan's home town"), or the subject it is said of ("South
    Carolina being Jackson's home state")."""
    tokens = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if noun.dep_ == "appos":
        tokens.append(noun.head)
    elif noun.left_edge.i > 1 and noun.doc[noun.left_edge.i - 1].text == ",":
        tokens.append(noun.doc[noun.left_edge.i - 2])  # an apposition the parser missed
    if noun.dep_ == "attr":
        tokens += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return [found for token in tokens for found in _places(ctx, token)]


def _homes(ctx: Context) -> Iterator[RelationMention]:
    """livesIn / bornIn from "X's hometown of Y", "Y, X's home town", "his native Y"."""
    owned = {t.head.i for t in ctx.tokens if t.dep_ == "poss" and t.head.i != t.i}
    for noun in (ctx.tokens[i] for i in sorted(owned)):  # the words with an owner
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if not owners:
            continue
        words = _home_words(noun)
        if words is not None and noun.pos_ == "NOUN":
            places = _home_places(ctx, noun)
        else:
            native = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in home_nouns()]
            places = _places(ctx, noun) if native else []
            words = native[0].lower_ if native else None
        person = ctx.mention_of(owners[0])
        if words is None or person is None or person.type is not EntityType.PERSON:
            continue
        for token, place in places:
            predicate = _fitting(home_nouns()[words], person, place)
            if predicate and not _related(ctx, person, place):
                yield ctx.relation(
                    person, predicate, place, [owners[0], noun, token], confidence=0.7
                )


BORN_GAP = 3
"""At most this many words between "born" and the name: "Ohio-born former astronaut X"."""


def _born_before(ctx: Context) -> Iterator[RelationMention]:
    """bornIn from "Texas-born singer X", "Ohio born astronaut X": a named place, "born"
    (hyphenated or not), then the person's name within a few words of nouns and adjectives.
    A demonym ("Kenyan-born") is a nationality, left to graph/extract/nationality.py."""
    doc = ctx.doc
    for born in (ctx.tokens[i] for i, w in enumerate(ctx.lowers) if w == "born" and i > 0):
        before = doc[born.i - 1]
        if before.text == "-" and born.i > 1:
            before = doc[born.i - 2]
        place = ctx.mention_at(before)
        if place is None or place.type not in PLACES or not _named(place):
            continue
        if ctx.mention_tokens(place)[-1].i != before.i:
            continue
        for t in doc[born.i + 1 : born.i + 2 + BORN_GAP]:
            person = ctx.mention_at(t)
            if person is not None:
                if person.type is EntityType.PERSON and _named(person):
                    predicate = _fitting("bornIn", person, place)
                    if predicate and not _related(ctx, person, place):
                        yield ctx.relation(
                            person, predicate, place, [before, born, t], confidence=0.7
                        )
                break
            if t.pos_ not in {"NOUN", "ADJ", "PROPN"} and t.lower_ not in {"the", "this", "a"}:
                break


@extractors.register("affiliations", order=63)
def affiliations(ctx: Context) -> Iterator[RelationMention]:
    """livesIn / worksFor / basedIn ... from "X of Y", "X, a resident of Y", "Y businessman X"."""
    for mention in list(ctx.mentions):
        if mention.type not in {EntityType.PERSON, EntityType.ORGANIZATION}:
            continue
        if not _named(mention):
            continue
        if not ctx.mention_tokens(mention):
            continue
        head = ctx.mention_head(mention)
        if mention.type is not EntityType.PERSON and any(
            c.dep_ == "appos" and c.like_num for c in head.children
        ):
            continue  # "Ferraro, 50, of Bethany": an age, so a person NER typed otherwise
        yield from _of_phrase(ctx, mention, head)
        yield from _party_of_possessor(ctx, mention, head)
        if mention.type is EntityType.PERSON:
            yield from _described(ctx, mention, head)
            yield from _party_word_before(ctx, mention)
    yield from _homes(ctx)
    yield from _born_before(ctx)
