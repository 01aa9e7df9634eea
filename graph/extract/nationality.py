"""Nationality and an organisation's country from demonyms: "Australian Mamdouh Habib",
"Kenyan-born runner Sifan Hassan", "Lena Meyer, a German," or "X, the young Dutchman," give
citizenOf; "Russian gas giant Gazprom", "Japanese carmaker Toyota", "UK retailer Tesco" give
country. A name right after a possessive belongs to its owner: "Britain's Andy Murray"
(citizenOf), "Atticus' David Slager" (worksFor), "Labour's Rachel Reeves" (party). Where a
person lives from the words before the name in the same way: a resident noun ("New Yorker
William Trowbridge") or the place of a posted job ("BBC Moscow correspondent X") gives livesIn.

Only a demonym inside the name's own noun phrase counts: "the French club's striker X" says
where the club is, not what X is; a collective noun between them ("the French club coach X")
stops the phrase for the same reason. Titles with a demonym are handled in titles.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.salience import person_key
from graph.extract.sports import article_sport, is_team, other_kind, roles
from graph.extract.title_facts import is_party
from graph.model import EntityType, Mention, RelationMention

MAX_WORDS = 4
CITIZEN_NOUNS = {"citizen", "national"}
"""The words that make a country's name before a person's name say whose citizen they are
("US citizen Paul Whelan"); others do not ("Russia expert Fiona Hill", "Iran envoy X")."""
HYPHEN_ORIGIN = {"born"}
"""The one word after "<demonym>-" that says what the name is ("Kenyan-born"); "-based",
"-backed", "-led" say where it works or who supports or leads it (graph/extract/locative.py)."""


CLAUSE_ROLES = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "pobj", "attr", "ccomp"})
"""Roles of a word that stands in the clause, not inside a name's premodifiers."""


def _country_of(ctx: Context, token: Token) -> Mention | None:
    """The country a demonym token names ("French", "Colombian" in "Colombian-born"), as a
    mention (reusing the one on the token)."""
    if not token.text[:1].isupper() or lexicon.demonym_country(token.text) is None:
        return None
    existing = ctx.mention_at(token)
    if existing is not None and existing.type is EntityType.COUNTRY:
        return existing
    if existing is not None and (
        existing.type is not EntityType.GROUP or len(existing.text.split()) > 1
    ):
        return None
    name = lexicon.demonym_country(token.text)
    if existing is not None:  # "a German": the nationality word, not a group of Germans
        ctx.remove_mention(existing)
    return ctx.add_mention(token, EntityType.COUNTRY, name=name, confidence=0.75, role="demonym")


def _demonym_before(ctx: Context, first: Token, person: bool) -> Mention | None:
    """A demonym that premodifies the name starting at ``first``, over lower-case words
    ("French actress"), a "-born" ("Colombian-born") and name words the model left out."""
    doc = ctx.doc
    words = 0
    between: list[Token] = []
    i = first.i - 1
    while i >= 0 and words <= MAX_WORDS:
        token = doc[i]
        mention = ctx.mention_at(token)
        if token.text == "-" and i > 0 and not token.whitespace_ and not doc[i - 1].whitespace_:
            if doc[i + 1].lower_ not in HYPHEN_ORIGIN:
                return None  # "US-based fund", "Iranian-backed militia": not its nationality
            i -= 1
            continue
        if mention is not None or token.text[:1].isupper():
            country = _country_of(ctx, token)
            if country is None and mention is not None and mention.type is EntityType.COUNTRY:
                if not person or (between and all(t.lemma_ in CITIZEN_NOUNS for t in between)):
                    country = mention  # "UK retailer Tesco"; of a person "US citizen X" only
            if country is not None:
                return country
            if mention is None and token.pos_ == "PROPN" and token.head.i >= first.i and not words:
                i -= 1  # "Australian Mamdouh Habib" with only "Habib" recognised
                continue
            return None
        if person and not words and token.is_lower and token.lower_ in lexicon.titles():
            # a title right before the name, whatever the tagger made of it ("Argentine
            # forward Paulo Dybala" with "forward" an adverb)
            words += 1
            between.append(token)
            i -= 1
            continue
        if token.pos_ not in {"NOUN", "ADJ", "VERB"} or not token.is_lower:
            return None
        if token.head.i <= token.i or token.dep_ in CLAUSE_ROLES:
            return None  # "Israeli jets struck Hamas": a clause between, not a modifier
        if token.tag_ == "POS" or (person and token.lemma_ in lexicon.collective_nouns()):
            return None  # "the French club coach X": the club is French
        if not person and token.lower_ in lexicon.titles():
            return None
        words += 1
        between.append(token)
        i -= 1
    return None


def _appositive_demonym(ctx: Context, head: Token) -> Mention | None:
    """ "X, a Briton," / "X, the young Dutchman," / "X, a German national,"."""
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    for noun in nouns:
        if noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        if noun.lemma_ in lexicon.collective_nouns():
            continue
        if not any(c.dep_ == "det" for c in noun.children):
            continue
        country = _country_of(ctx, noun)
        if country is not None:
            return country
        for child in noun.lefts:
            if child.dep_ in {"amod", "compound"}:
                country = _country_of(ctx, child)
                if country is not None:
                    return country
    return None


def _resident(ctx: Context, person: Mention, first: Token) -> Iterator[RelationMention]:
    """ "New Yorker William Trowbridge", "Texan Michael Chicoine": a resident noun right
    before a person's name (graph/schema/resident_demonyms.tsv), or leading the span NER
    took for the name ("Muscovite Olga Ivanova"), says where the person lives."""
    doc = ctx.doc
    tokens = ctx.mention_tokens(person)
    for size in (2, 1):
        inside = len(tokens) > size + 1 and _resident_place(doc[first.i : first.i + size])
        before = first.i >= size and _resident_place(doc[first.i - size : first.i])
        if not inside and not before:
            continue
        words = doc[first.i : first.i + size] if inside else doc[first.i - size : first.i]
        for token in words:
            existing = ctx.mention_at(token)
            if existing is not None and existing is not person:
                if existing.type is EntityType.PERSON or existing.type is EntityType.COUNTRY:
                    return  # "Georgian" is no one's city, a name is no demonym
                ctx.remove_mention(existing)  # a magazine's name, a group of Texans
        if inside:
            rest = doc[first.i + size : tokens[-1].i + 1]
            person = (
                ctx.add_mention(rest, EntityType.PERSON, confidence=person.confidence, replace=True)
                or person
            )
        place = ctx.add_mention(
            words, EntityType.PLACE, name=_resident_place(words), confidence=0.7
        )
        if place is not None and place.span != person.span:
            yield ctx.relation(person, "livesIn", place, [*words], confidence=0.65)
        return


def _posted(ctx: Context, person: Mention) -> Iterator[RelationMention]:
    """ "BBC Moscow correspondent Steve Rosenberg", "Monica Chadha, BBC Delhi reporter,": a
    place written just before a posted job's title (flag "posted" in titles.tsv), the title
    next to the name, is where the holder lives."""
    doc = ctx.doc
    tokens = ctx.mention_tokens(person)
    before = tokens[0].i - 1
    after = tokens[-1].i + 1
    titles = [before] if before >= 1 else []
    if after + 2 < len(doc) and doc[after].text == ",":
        # the appositive's title word is the last of its words before the next comma
        end = next((i for i in range(after + 1, min(after + 8, len(doc))) if doc[i].is_punct), None)
        if end is not None:
            titles.append(end - 1)
    for index in titles:
        title = lexicon.titles().get(doc[index].lower_)
        if title is None or "posted" not in title.flags or not doc[index].is_lower:
            continue
        place = ctx.mention_at(doc[index - 1])
        if place is None or place.type not in {EntityType.PLACE, EntityType.COUNTRY}:
            continue
        if ctx.mention_tokens(place)[-1].i != index - 1:
            continue
        yield ctx.relation(person, "livesIn", place, [doc[index - 1], doc[index]], confidence=0.6)
        return


def _resident_place(words) -> str | None:  # noqa: ANN001 - a spaCy Span
    """The place whose residents the words name ("New Yorker" -> New York), if they do."""
    return lexicon.resident_demonyms().get(words.text)


def _possessor(ctx: Context, first: Token) -> Mention | None:
    """ "Britain's Andy Murray", "Atticus' David Slager": a name right after a possessive."""
    i = first.i - 1
    if i < 1 or not (ctx.doc[i].tag_ == "POS" or ctx.doc[i].dep_ == "case"):
        return None
    owner = ctx.mention_at(ctx.doc[i - 1])
    if owner is None or not owner.name or lexicon.demonym_country(owner.name):
        return None
    return owner if owner.type in {EntityType.COUNTRY, EntityType.ORGANIZATION} else None


def _possessive_relation(ctx: Context, person: Mention, owner: Mention) -> str:
    """ "Britain's X" a citizen, "Labour's X" a party member, "McLaren's X" in an article
    about a sport a member of the team (unless X holds an office: the team's boss), else an
    employee ("Atticus' David Slager")."""
    if owner.type is EntityType.COUNTRY:
        return "citizenOf"
    if is_party(owner):
        return "memberOfPoliticalParty"
    if article_sport(ctx) is not None and _team_owner(ctx, owner):
        people = [m for m in ctx.mentions if m.type is EntityType.PERSON and m.name]
        if person_key(people, person) not in roles(ctx)[0]:
            return "memberOfSportsTeam"
    return "worksFor"


def _team_owner(ctx: Context, owner: Mention) -> bool:
    """In an article about a sport, an organisation a person is named after is a team: one
    the article shows as a team, or any but a competition, a governing body, a paper or a
    broadcaster (other_kind) and an acronym ("Arsenal's Sol Campbell"; not "BBC's X")."""
    if is_team(ctx, owner):
        return True
    name = owner.name
    return not (other_kind(name) or name.isupper() or name.lower() in lexicon.news_agencies())


@extractors.register("nationality", order=32)
def nationality(ctx: Context) -> Iterator[RelationMention]:
    """citizenOf for people and country for organisations named with a demonym."""
    for mention in list(ctx.mentions):
        if mention.type not in {EntityType.PERSON, EntityType.ORGANIZATION}:
            continue
        tokens = ctx.mention_tokens(mention)
        if not tokens:
            continue
        if mention.type is EntityType.PERSON:
            owner = _possessor(ctx, tokens[0])
            head = ctx.mention_head(mention)
            if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                owner = None  # "Sony's Playstation Portable is the top gadget": a thing
            if owner is not None:
                predicate = _possessive_relation(ctx, mention, owner)
                evidence = ctx.mention_tokens(owner) + tokens
                yield ctx.relation(mention, predicate, owner, evidence, confidence=0.6)
            yield from _resident(ctx, mention, tokens[0])
            yield from _posted(ctx, mention)
            country = _demonym_before(ctx, tokens[0], person=True)
            if country is None:
                country = _appositive_demonym(ctx, ctx.mention_head(mention))
            predicate = "citizenOf"
        else:
            country = _demonym_before(ctx, tokens[0], person=False)
            predicate = "country"
        if country is not None and country is not mention:
            evidence = tokens + ctx.mention_tokens(country)
            yield ctx.relation(mention, predicate, country, evidence, confidence=0.65)
