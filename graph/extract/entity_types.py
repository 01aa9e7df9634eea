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

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.person_place import in_sport, person_or_place, shape_type
from graph.learn.types import corrected_class
from graph.model import NAMED_TYPES, EntityType, Mention, RelationMention
from graph.name_variants import known_place

RETYPABLE = NAMED_TYPES
PLACES = {EntityType.PLACE, EntityType.COUNTRY}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CREATIVE = {EntityType.PRODUCT, EntityType.WORK}
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "outside"}
LOOSE_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", ""}
"""NER labels (or none) under which a word after the name may make it a product or work."""


@dataclass(frozen=True, slots=True)
class Cues:
    legal: dict[str, EntityType]
    form: dict[str, EntityType]
    last: dict[str, EntityType]
    first: dict[str, EntityType]
    before: dict[str, EntityType]
    after: dict[str, EntityType]
    before_shares: dict[str, EntityType]
    before_of: dict[str, EntityType]
    before_for: dict[str, EntityType]
    team_after: dict[str, EntityType]
    team_before: dict[str, EntityType]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of graph/schema/entity_cues.tsv by where they stand."""
    table: dict[str, dict[str, EntityType]] = defaultdict(dict)
    for word, where, etype in lexicon._rows("entity_cues.tsv", 3):
        table[where][word] = EntityType(etype)
    for noun in lexicon.collective_nouns().keys() | lexicon.descriptor_nouns():
        table["before"].setdefault(noun, EntityType.ORGANIZATION)
    return Cues(**{name: dict(table[name]) for name in Cues.__slots__})


@lru_cache(maxsize=1 << 14)
def form_type(name: str) -> tuple[EntityType | None, bool]:
    """The type a name's own words give it, and whether that is a legal form that outweighs
    a place reading ("Jet Airways" -> Organization; "Vodafone Egypt SAE" too). Kept per
    name: every mention of a name asks it again."""
    words = [w.strip(".,").lower() for w in re.split(r"[\s]+", name) if w]
    if len(words) < 2 or lexicon.country_name(name):
        return None, False
    table = cues()
    if words[-1] in table.legal:
        return table.legal[words[-1]], True
    if words[-1] in table.last:
        return table.last[words[-1]], False
    if any(w in table.form for w in words[1:]):
        etype = next(table.form[w] for w in words[1:] if w in table.form)
        if etype is EntityType.EVENT and words[-1] in lexicon.facility_nouns():
            return EntityType.PLACE, False  # "Royal Festival Hall", "Olympic Games Stadium"
        return etype, False
    if words[0] in table.first and name.split()[1][:1].isupper():
        return table.first[words[0]], False
    return None, False


def _ner_labels(ctx: Context) -> dict[int, str]:
    return {i: ent.label_ for ent in ctx.ents for i in range(ent.start, ent.end)}


def _neighbours(ctx: Context, mention: Mention):  # type: ignore[no-untyped-def]
    """The mention's tokens, the token before it and the one after (past a possessive)."""
    tokens = ctx.mention_tokens(mention)
    doc = ctx.doc
    before = doc[tokens[0].i - 1] if tokens and tokens[0].i > 0 else None
    after_i = tokens[-1].i + 1 if tokens else len(doc)
    if after_i < len(doc) and doc[after_i].tag_ == "POS":
        after_i += 1
    return tokens, before, doc[after_i] if after_i < len(doc) else None


def _before_type(ctx: Context, mention: Mention, label: str, before) -> EntityType | None:  # type: ignore[no-untyped-def]
    """What the words before a name say: "shares in X", "carrier X", "owner of X", "the MP
    for X", "London-based X", "the film X", "striker X"; "the" before a NER person ("the Lib
    Dems")."""
    if before is None:
        return None
    doc, table = ctx.doc, cues()
    lemma = before.lemma_.lower()
    ahead = doc[before.i - 1] if before.i > 0 else None
    if before.lower_ in table.before_shares and ahead is not None:
        if lexicon.country_name(mention.name):
            return None  # "foreign investment in Cambodia", "shares in China": the market
        if ahead.lemma_.lower() in {"share", "stake", "investment", "holding"}:
            return table.before_shares[before.lower_]  # "shares in Gazprom"
    if before.lower_ == "of" and ahead is not None and ahead.lower_ == "shares":
        if not known_place(mention.name) and not lexicon.country_name(mention.name):
            return EntityType.ORGANIZATION  # "shares of Nvidia rose", not "a share of Tokyo's"
    if before.lower_ in {"based", "headquartered"} and ahead is not None and ahead.text == "-":
        return EntityType.ORGANIZATION  # "Paris-based Euronext"
    if before.lower_ == "of" and ahead is not None and ahead.is_lower:
        etype = table.before_of.get(ahead.lemma_.lower())
        if etype is EntityType.PLACE or (etype is not None and not known_place(mention.name)):
            return etype  # "owner of Liffe", "a native of Kulm", "north of Jamestown"
    if before.lower_ == "for" and ahead is not None and ahead.lower_ in table.before_for:
        end = ctx.mention_tokens(mention)[-1].i + 1
        possessive = end < len(doc) and doc[end].tag_ == "POS"  # "the MP for Sony's help"
        whole = ctx.mention_head(mention).head == before  # not "Senator for Victoria Lidia| X"
        if not possessive and whole and ahead.dep_ != "compound":
            return table.before_for[ahead.lower_]  # "the MP for Derby North": the seat
    if before.lower_ in {"like", "as", "including"} and ahead is not None:
        kind = ahead if before.lower_ != "as" else (doc[ahead.i - 1] if ahead.i > 0 else ahead)
        if kind.tag_ == "NNS" and table.before.get(kind.lemma_.lower()) is EntityType.ORGANIZATION:
            return EntityType.ORGANIZATION  # "clubs like Everton", "banks such as HSBC"
    if (
        ctx.notes.get("sport")
        and before.lower_ in table.team_before
        and (mention.type in PLACES or known_place(mention.name))
        and not _read_as_place(ctx, mention.name)
    ):
        return EntityType.ORGANIZATION  # "beaten by Wales" where "England captain" is a team
    if before.lower_ == "the" and label == "PERSON" and mention.type is EntityType.PERSON:
        return EntityType.ORGANIZATION  # a person's name is not written after "the"
    if before.is_sent_start and before.lower_ in lexicon.descriptor_nouns():
        return EntityType.ORGANIZATION  # "Chipmaker Nvidia said"
    if lexicon.player_read_as_modifier(before) and in_sport(ctx):
        return EntityType.PERSON  # "Germany forward Niclas Fullkrug": "forward" read as ADV
    if before.pos_ != "NOUN" or not before.is_lower:
        return None
    etype = table.before.get(lemma)
    if etype in CREATIVE and (label == "PERSON" or before.tag_ != "NN"):
        return None  # "one of the shows Alan Titchmarsh left"
    if etype is not None:
        return etype
    if lemma in lexicon.people_nouns() or before.lower_ in lexicon.titles():
        return EntityType.PERSON  # "striker Okocha", "chairman Wardle"
    return None


def _after_type(ctx: Context, mention: Mention, label: str, after) -> EntityType | None:  # type: ignore[no-untyped-def]
    """What the word after a name says: "Gazprom chief", "Labour MP", "England captain",
    "the Xbox 2 console"."""
    table = cues()
    if after is not None and after.is_lower and after.lower_ in table.team_after:
        if _read_as_place(ctx, mention.name):
            return None  # "Scotland captain ... the match in Scotland": team and place, abstain
        return EntityType.ORGANIZATION  # a country's or a city's team
    if after is not None and after.is_upper and _title_follows(after):
        return None if _place_or_person(ctx, mention) else EntityType.ORGANIZATION  # "Labour MP"
    if after is None or not after.is_lower or after.pos_ not in {"NOUN", "PROPN"}:
        return None
    etype = table.after.get(after.lower_)
    if etype is None and _title_follows(after):
        etype = EntityType.ORGANIZATION  # "Labour MP", "Lib Dem home affairs spokesman"
    if etype in CREATIVE and not (label in LOOSE_LABELS or any(c.isdigit() for c in mention.name)):
        return None  # "a Sony camera": the maker, not the product
    if etype is EntityType.ORGANIZATION and _place_or_person(ctx, mention):
        return None
    return etype


TITLE_REACH = 3
"""Lower-case words a title may stand after a name ("Lib Dem home affairs spokesman")."""


def _title_follows(after) -> bool:  # type: ignore[no-untyped-def]
    """A one-word title of titles.tsv at or a few lower-case words after ``after``."""
    doc = after.doc
    for i in range(after.i, min(after.i + TITLE_REACH, len(doc))):
        title = doc[i].lower_ in lexicon.titles() and (doc[i].pos_ == "NOUN" or doc[i].is_upper)
        if not (doc[i].is_lower or title):
            return False
        if title:
            return i + 1 >= len(doc) or doc[i + 1].lower_ not in {"of", "for"}
    return False


def _context_type(ctx: Context, mention: Mention, label: str) -> EntityType | None:
    """The type the words around one mention give it, or None."""
    tokens, before, after = _neighbours(ctx, mention)
    if not tokens:
        return None
    found = _before_type(ctx, mention, label, before)
    if found is None:
        head = ctx.mention_head(mention)
        if head.dep_ == "conj" and (first := ctx.mention_at(head.head)) is not None:
            _, first_before, _ = _neighbours(ctx, first)  # "hedge funds TCI and Atticus"
            found = _before_type(ctx, first, "", first_before)
            found = found if found is EntityType.ORGANIZATION else None
    head = ctx.mention_head(mention)
    if found is None:
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > tokens[-1].i:
                if cues().before.get(child.lemma_.lower()) is EntityType.ORGANIZATION:
                    found = EntityType.ORGANIZATION  # "Yukos, the oil company,"
    if found is None and head.dep_ == "appos" and head.head.pos_ == "NOUN":
        noun = head.head  # "its tea business, Ekaterra,": the name is the noun's appositive
        if (
            noun.i < tokens[0].i
            and cues().before.get(noun.lemma_.lower()) is EntityType.ORGANIZATION
        ):
            found = EntityType.ORGANIZATION
    if found is None and _headquartered(head):
        found = EntityType.ORGANIZATION  # "Nvidia, which is headquartered in Santa Clara"
    if found is None and mention.type is EntityType.PERSON and _starring(head):
        found = None if in_sport(ctx) else EntityType.WORK  # not "the Yankees, starring X"
    if (
        found is None
        and mention.type in {EntityType.ORGANIZATION, EntityType.PLACE}
        and _described_as_person(ctx, mention, tokens, age_only=mention.type is EntityType.PLACE)
    ):
        found = EntityType.PERSON
    found = found or _after_type(ctx, mention, label, after)
    found = found or person_or_place(ctx, mention, tokens, before)
    if (
        found is None
        and before is not None
        and before.lower_ in PLACE_PREPOSITIONS
        and len(tokens) == 1
        and mention.type in {EntityType.PERSON, EntityType.CONCEPT}
        and (lexicon.is_city(mention.name) or lexicon.is_region(mention.name))
    ):
        return EntityType.PLACE  # "in Mombasa"
    return found


def _headquartered(head: Token) -> bool:
    """Whether a name is the subject of "headquartered", directly or through a relative
    clause ("X is headquartered in", "X, which is headquartered in"): only an organisation
    has headquarters ("based" is left out: a person is based somewhere too)."""
    verbs = [head.head] if head.dep_ in {"nsubj", "nsubjpass"} else []
    verbs += [c for c in head.children if c.dep_ in {"relcl", "acl"}]
    return any(v.lower_ == "headquartered" or v.lemma_.lower() == "headquarter" for v in verbs)


def _starring(head: Token) -> bool:
    """ "Barbie, starring Margot Robbie", "Robbie stars in Barbie": a name NER read as a
    person's that stars someone, or that someone stars in, is a work."""
    clauses = [c for c in head.children if c.dep_ == "acl"]
    clauses += [c for clause in clauses for c in clause.children if c.dep_ == "conj"]
    starring = [c for c in clauses if c.lower_ == "starring"]  # "directed by X and starring Y"
    if any(d.dep_ == "dobj" for c in starring for d in c.children):  # not "starring in a film"
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_ == "star"


MAX_AGE = 120


def _described_as_person(ctx: Context, mention: Mention, tokens, age_only: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """ "Ferraro, 50, of Bethany", "Harrington, a professor of politics, ...": an age or an
    office or people noun in apposition after a name NER read as an organisation; after one
    it read as a place, an age ("Albrecht, 54,") or, for one word the gazetteers do not know,
    an office ("Lazutkin, former first deputy director"; not "Kulm, Alaska, the last man to
    ...", "Kent, the county's chief constable", "D-Calif., chairman")."""
    doc = ctx.doc
    for child in ctx.mention_head(mention).children:
        if child.dep_ != "appos" or child.i <= tokens[-1].i:
            continue
        if child.text.isdigit() and 0 < int(child.text) < MAX_AGE:
            after = child.i + 1
            if doc[child.i - 1].text == "," and after < len(doc) and doc[after].text == ",":
                return True
        lemma = child.lemma_.lower()
        described = lemma in lexicon.titles() or (not age_only and lemma in lexicon.people_nouns())
        if age_only and (not mention.name.isalpha() or known_place(mention.name)):
            continue  # one unknown word: not "D-Calif., chairman", "Campbell Farm, a center"
        if child.pos_ == "NOUN" and described:
            return cues().before.get(lemma) is not EntityType.ORGANIZATION
    return False


def _place_or_person(ctx: Context, mention: Mention) -> bool:
    """A place or a named person keeps its type before "chief" ("Kenya chief ...")."""
    return known_place(mention.name) or any(
        m.type is EntityType.PERSON and len(m.name.split()) > 1 and mention.name in m.name.split()
        for m in ctx.mentions
    )


def _demonym(name: str) -> bool:
    return bool(lexicon.demonym_country(name) or lexicon.demonym_country(name.removesuffix("s")))


def _evidence(ctx: Context, mention: Mention, label: str) -> tuple[EntityType | None, int]:
    """A mention's evidenced type and its weight (2 for a legal form, else 1). A form word
    does not outweigh NER's place reading ("West Bank", "Union Square"); a legal form does,
    and so does a happening's word that ends the name ("the G20 Summit in Osaka")."""
    if mention.type in {EntityType.PLACE, EntityType.PERSON} and _demonym(mention.name):
        return EntityType.GROUP, 1  # "the average Briton"
    etype, legal = form_type(mention.name)
    if etype is not None and (legal or label not in PLACE_LABELS or _ends_in_event(mention)):
        return etype, 2 if legal else 1
    shaped = shape_type(mention.name) if etype is None else None
    if shaped is not None and not (shaped is EntityType.PLACE and label == "ORG" and in_sport(ctx)):
        return shaped, 1  # "Prince Ranariddh", "Ocala National Forest"; not "Nottingham Forest"
    return _context_type(ctx, mention, label), 1


def _ends_in_event(mention: Mention) -> bool:
    """ "G20 Summit", "Frankfurt Book Fair": the last word names a happening, not a site."""
    last = mention.name.split()[-1].lower()
    return EntityType.EVENT in {cues().form.get(last), cues().last.get(last)}


def _unnamed_organisations(ctx: Context) -> None:
    """A capitalised word NER missed, written before "chief" or "shares" or after "carrier",
    names an organisation, and so does every other bare occurrence of it."""
    table = cues()
    found: set[str] = set()
    pos, texts = ctx.pos, ctx.texts
    for token in ctx.with_pos("PROPN", "ADJ"):
        if not texts[token.i][:1].isupper() or ctx.mention_at(token):
            continue
        nxt = ctx.tokens[token.i + 1] if token.i + 1 < len(ctx.tokens) else None
        if pos[token.i] == "ADJ" and not _adjective_club(ctx, token, nxt):
            continue
        prev = ctx.tokens[token.i - 1] if token.i > 0 else None
        if prev is not None and texts[prev.i][:1].isupper() and pos[prev.i] == "PROPN":
            continue  # part of a longer name ("Civil Aviation minister"), not a name alone
        if lexicon.demonym_country(texts[token.i]):
            continue  # "the Uruguayan midfielder X" tagged as a name: a nationality, no team
        if ctx.lowers[token.i] in lexicon.title_modifiers():
            continue  # "Shadow home secretary X": the office's modifier, no organisation
        if known_place(token.text) and not (nxt is not None and nxt.lower_ in table.team_after):
            continue
        after = (
            nxt is not None
            and (nxt.is_lower or nxt.is_upper)
            and (
                table.after.get(nxt.lower_)
                or table.team_after.get(nxt.lower_)
                or (_title_follows(nxt) and EntityType.ORGANIZATION)
            )
        )
        before = (
            prev is not None
            and prev.is_lower
            and pos[prev.i] == "NOUN"
            and (table.before.get(ctx.lemmas[prev.i]))
        )
        if EntityType.ORGANIZATION in (after, before):
            found.add(token.text)
    for token in ctx.with_pos("PROPN", "ADJ") if found else ():
        if texts[token.i] in found and not ctx.mention_at(token):
            ctx.add_mention(token, EntityType.ORGANIZATION, confidence=0.75)
    _formed_names(ctx)


def _adjective_club(ctx: Context, token: Token, nxt: Token | None) -> bool:
    """ "Arsenal manager Mikel Arteta": a capitalised word the tagger read as an adjective
    names a club when a team's role follows it in an article about a sport; at a
    sentence's start an adjective is capitalised anyway ("Former manager", "Interim coach")."""
    if not token.is_title or nxt is None or nxt.lower_ not in cues().team_after:
        return False
    if ctx.lowers[token.i] in lexicon.title_modifiers() or ctx.lowers[token.i] in PAST_WORDS:
        return False
    from graph.extract.sports import article_sport  # sports reads this module's cues

    return article_sport(ctx) is not None


PAST_WORDS = {"former", "ex", "erstwhile", "onetime", "one-time", "new", "current", "young"}


def _formed_names(ctx: Context) -> None:
    """ "the $3bn Trident Funds operation": capitalised words NER missed that end in an
    organisation form word name an organisation."""
    doc, tokens, table = ctx.doc, ctx.tokens, cues()
    pos, texts = ctx.pos, ctx.texts
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and pos[j] == "PROPN" and texts[j][:1].isupper():
            j += 1
        words = doc[i:j] if j - i >= 2 else ()  # a span only for a run of two or more
        if (
            len(words) >= 2
            and not any(ctx.mention_at(t) for t in words)
            and not tokens[i].is_sent_start
            and (words[-1].lower_ in table.form or words[-1].lower_ in table.legal)
            and table.form.get(words[-1].lower_, EntityType.ORGANIZATION) is EntityType.ORGANIZATION
        ):
            ctx.add_mention(words, EntityType.ORGANIZATION, confidence=0.7)
        i = max(j, i + 1)


LOCATIVE = {"in", "at", "near", "outside", "across", "throughout"}


def _read_as_place(ctx: Context, name: str) -> bool:
    """Whether the article also uses the name as a place ("in Scotland"): a team cue is then
    no evidence for all its mentions, and the place reading is kept."""
    places = ctx.notes.get("place_readings")
    if places is None:
        places = {
            m.name.casefold()
            for m in ctx.mentions
            if (tokens := ctx.mention_tokens(m))
            and tokens[0].i > 0
            and ctx.doc[tokens[0].i - 1].lower_ in LOCATIVE
        }
        ctx.notes["place_readings"] = places
    return name.casefold() in places


def _names_a_team(ctx: Context) -> bool:
    """Whether the article names a country's or city's team ("England captain X"): then a
    place after "against" or "beaten by" is a team too."""
    team = cues().team_after
    return any(
        lower in team and t.i > 0 and _place_name(ctx, t.nbor(-1))
        for t, lower in zip(ctx.tokens, ctx.lowers, strict=True)
        if t.is_lower
    )


def _place_name(ctx: Context, token) -> bool:  # type: ignore[no-untyped-def]
    mention = ctx.mention_at(token)
    if mention is not None:
        return mention.type in PLACES or known_place(mention.name)
    return known_place(token.text)


LEARNED = {"P": EntityType.PERSON, "O": EntityType.ORGANIZATION, "L": EntityType.PLACE}
CORRECTABLE = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}


def _learned_type(ctx: Context, mention: Mention, tokens, label: str) -> EntityType | None:  # type: ignore[no-untyped-def]
    """The type graph/learn/types.py's model gives a name no rule has evidence for, when it
    is confident and disagrees with NER ("Walesa" an organisation, "Boise" a person). It is
    asked only about a name the article writes once: a company it names again and again
    ("Marsh said ...") is the article's subject, which one sentence's words do not show."""
    after = tokens[-1].i + 1
    if mention.type not in CORRECTABLE or (after < len(ctx.doc) and ctx.doc[after].text == "-"):
        return None  # "Mercedes-owned", "London-based": the hyphened word says (entities.py)
    found = corrected_class(ctx.doc[tokens[0].i : tokens[-1].i + 1], label)
    etype = LEARNED.get(found or "")
    if etype is EntityType.PERSON and (
        mention.type is EntityType.ORGANIZATION or not _could_be_person(mention.name)
    ):
        return None  # a company says and meets as a person does ("Kraft said", "Sony and Honda")
    first = tokens[0]
    if etype is EntityType.PLACE and mention.type is EntityType.ORGANIZATION:
        if first.i == 0 or ctx.doc[first.i - 1].pos_ != "ADP":
            return None  # a company named like a town ("Honda", "Mercedes") unless "in X"
    return None if etype is mention.type else etype


def _ner_majority(mentions: list[Mention]) -> EntityType | None:
    """The type most of a name's mentions have (confidence-weighted, a place and a country
    one family, as graph/resolve.py weighs them); on a tie between an organisation and a
    place, the organisation, unless the gazetteers know the name as a place ("Nvidia" said
    and "Nvidia" shared are one company; "Jordan" stays undecided)."""
    counts: Counter[EntityType] = Counter()
    for mention in mentions:
        family = EntityType.PLACE if mention.type in PLACES else mention.type
        counts[family] += mention.confidence
    ranked = counts.most_common(2)
    if len(ranked) < 2:
        return None
    (best, first), (second, other) = ranked
    if round(first, 6) > round(other, 6):
        return best
    tied = {best, second}
    name = mentions[0].name
    last = name.split()[-1].lower() if name.split() else ""
    sited = last in lexicon.facility_nouns() or last in lexicon.place_nouns()
    if tied == {EntityType.ORGANIZATION, EntityType.PLACE} and not (known_place(name) or sited):
        return EntityType.ORGANIZATION  # not "Xiluodu dam", "Wembley Stadium"
    return None


def _agree_on_ner(ctx: Context, mentions: list[Mention]) -> None:
    """Mentions of one name that no wording types take the type most of NER's readings of
    it give, before the relation extractors read them: graph/resolve.py makes them one
    entity of that type anyway, and "Leclerc of Ferrari" read with the one place reading
    of the team would be a residence. A person's reading is left alone: a surname can be
    a person beside a company of that name ("Henry Ford ... Ford")."""
    others = [m for m in mentions if m.type is not EntityType.PERSON]
    best = _ner_majority(others)
    if best is None:
        return
    for mention in others:
        if mention.type is best or (best is EntityType.PLACE and mention.type in PLACES):
            continue
        ctx.add_mention(
            (mention.start, mention.end),
            best,
            name=mention.name,
            confidence=mention.confidence,
            role=mention.role,
            extractor=mention.extractor,
            replace=True,
        )


def _could_be_person(name: str) -> bool:
    """A person's name has no lower-case word ("Alexander and Catwoman") and no word that is
    a place ("Zurich Financial"); the model reads the sentence, not the name's words."""
    words = name.split()
    return all(w[:1].isupper() for w in words) and not (
        len(words) > 1 and any(known_place(w) for w in words)
    )


def _people_by_surname(ctx: Context) -> None:
    """Names NER called an organisation that are a person's, by the article's own names of
    that person: a full name whose surname the article writes alone as a person ("Omri
    Geller" ... "said Geller"), and a surname of a person named in full that owns what only
    a person has ("Sam Bankman-Fried" ... "Bankman-Fried's lawyer"). Without such a cue a
    surname beside a full name may be a company named after its founder ("Michael Dell"
    ... "Dell said profits rose"), and is left alone."""
    people = {m.name for m in ctx.mentions if m.type is EntityType.PERSON and m.name}
    full = [n for n in people if len(n.split()) > 1]
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for mention in ctx.mentions:
        if mention.type is EntityType.ORGANIZATION and mention.name and not mention.role:
            by_name[mention.name].append(mention)
    for name, mentions in by_name.items():
        words = name.split()
        if name in people or not _could_be_person(name) or form_type(name)[0] is not None:
            continue
        if 2 <= len(words) <= 3:
            person = (
                words[-1] in people
                and not known_place(name)
                and any(_beside_a_person(ctx, m) for m in mentions)
            )
        else:
            owners = [n for n in full if n.split()[-len(words) :] == words]
            person = len(owners) == 1 and any(_owns_personal(ctx, m) for m in mentions)
        if not person or any(_evidence(ctx, m, "ORG")[0] is not None for m in mentions):
            continue  # "shares in Ford", "carmaker Ford": the company
        for mention in mentions:
            ctx.add_mention(
                (mention.start, mention.end),
                EntityType.PERSON,
                name=mention.name,
                confidence=mention.confidence,
                extractor=mention.extractor,
                replace=True,
            )


def _beside_a_person(ctx: Context, mention: Mention) -> bool:
    """ "founded by Omri Geller and Ronen Dar": a name coordinated with a person's."""
    head = ctx.mention_head(mention)
    if head is None:
        return False
    around = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        around.append(head.head)
    return any(
        (other := ctx.mention_at(t)) is not None and other.type is EntityType.PERSON for t in around
    )


def _owns_personal(ctx: Context, mention: Mention) -> bool:
    """ "Bankman-Fried's lawyer", "Okafor's wife": a possessive before a noun of
    graph/schema/personal_nouns.txt."""
    tokens = ctx.mention_tokens(mention)
    if not tokens:
        return False
    doc = ctx.doc
    i = tokens[-1].i + 1
    if i >= len(doc) or doc[i].tag_ != "POS":
        return False
    owned = doc[i].head if doc[i].head.i != tokens[-1].i else tokens[-1].head
    return owned.pos_ == "NOUN" and owned.lemma_.lower() in lexicon.personal_nouns()


@extractors.register("entity_types", order=17)
def entity_types(ctx: Context) -> Iterator[RelationMention]:
    """Retype every mention of a name to the type most of the article's evidence gives it."""
    _unnamed_organisations(ctx)
    ctx.notes.pop("place_readings", None)
    ctx.notes["sport"] = _names_a_team(ctx)
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
            if etype is None and tokens and len(mentions) == 1:
                etype = _learned_type(ctx, mention, tokens, label)  # a name written once
            if etype is not None:
                votes[etype] += weight
        if not votes:
            _agree_on_ner(ctx, mentions)
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
    _people_by_surname(ctx)
    yield from ()
