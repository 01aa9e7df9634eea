"""Evidence that a name NER typed as an organisation (or a place as a person, a person as a
place) is a person or a place, read by graph/extract/entity_types.py.

Each cue is a general pattern of the article's wording or the name's own words, from
graph/schema/entity_cues.tsv and the gazetteers:
- the name's words: a title of rank first ("Prince Ranariddh", "Duchess of York"), a
  natural feature's head noun last or first ("Ocala National Forest", "Mount Kenya");
- what is done to it: the object of a killing verb ("Booth shot Lincoln"), the victim of a
  killing noun ("the assassination of Kennedy", "Kennedy's murder", "the Kennedy slaying");
  what it did: named by a killer's noun ("Kennedy assassin Sirhan Sirhan");
- what refers back to it: ", who" after the name ("Mason, who headed ...");
- a birth clause with a day ("X was born on Feb. 5, 1907"), an appointment to an office
  ("named X as finance minister");
- a speech verb's subject that is the surname of a person the article names in full;
- a gazetteer place after "in"/"near"/"outside", or after "of"/"from" written after a name
  ("Daniel Sullivan, 30, of Boothbay"), and a gazetteer place before ", <state or
  country>" ("Tempe, Ariz."), where the name has no organisation form word.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.extract.coref_lexicon import given_names
from graph.extract.coref_quotes import SPEECH_EXTRA
from graph.model import EntityType, Mention
from graph.name_variants import known_place

PERSON, PLACE, ORG = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION
SUBJECTS = {"nsubj", "nsubjpass"}
NOT_PEOPLE = {ORG, PLACE, EntityType.CONCEPT, EntityType.PRODUCT, EntityType.WORK}
"""Types NER gives a person's name by mistake; a group or a country is not retyped."""
RELATIVES = {"who", "whom", "whose"}
NEAR_PREPOSITIONS = {"in", "near", "outside"}
ORIGIN_PREPOSITIONS = {"of", "from"}


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for word, where, _ in lexicon._rows("entity_cues.tsv", 3):
        table.setdefault(where, set()).add(word)
    return {where: frozenset(words) for where, words in table.items()}


def rank_titles() -> frozenset[str]:
    return _table().get("rank_first", frozenset())


def _words(name: str) -> list[str]:
    return [w.strip(".,").lower() for w in name.split() if w.strip(".,")]


@lru_cache(maxsize=1 << 14)
def shape_type(name: str) -> EntityType | None:
    """The type a name's own words give it: a title of rank first ("Prince Charles",
    "Duchess of York") -> Person; a natural feature's head noun last ("Custer National
    Forest") or first in a two-word name ("Sierra Nevada", "Mount Kenya") -> Place. Kept
    per name: every mention of a name asks it again."""
    words = _words(name)
    if len(words) < 2:
        return None
    table = _table()
    last_is_feature = words[-1] in table.get("feature_last", ())
    joined = {"of", "bin", "al", "de", "von", "van"}
    if (
        words[0] in table.get("rank_first", ())
        and not last_is_feature
        and all(w[:1].isupper() or w in joined for w in name.split()[1:])
    ):
        if words[-1] not in lexicon.facility_nouns() and not lexicon.is_city(name):
            return PERSON
    if words[-1] in table.get("suffix_last", ()) and all(w[:1].isupper() for w in name.split()):
        return PERSON  # "Vinicius Junior", "Robert Downey Jr"
    if last_is_feature:
        return PLACE
    if words[0] in table.get("feature_first", ()) and len(words) == 2:
        return PLACE  # "Mount Kenya", not "Mount Sinai Hospital" or "Cape Town Supreme Court"
    return None


def _is_killing_verb(token: Token) -> bool:
    """A verb of killing or of a harm that killed ("shot Ngata dead"), or a shooting, whose
    named patient is someone ("the soldiers shot Ngata")."""
    from graph.extract.verbs import PATIENT_VERBS, to_death  # verbs imports nothing of this module

    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    return lemma in PATIENT_VERBS or any(
        s.predicate == "kills"
        and not s.reverse
        and (not s.prep or (s.prep == "to-death" and to_death(token)))
        for s in lexicon.verb_senses().get(lemma, ())
    )


def _killing_noun(token: Token) -> bool:
    """A killer's or a killing's noun ("assassin", "murder": graph/schema/killing_nouns.tsv)."""
    kind = lexicon.killing_nouns().get(token.lemma_.lower(), ("", ""))[0]
    return token.pos_ == "NOUN" and kind in {"agent", "event"}


def victim(head: Token) -> bool:
    """Whether the name is who was killed: "shot Lincoln", "was murdered", "the
    assassination of Kennedy", "Kennedy's murder", "the Kennedy slaying", "Lincoln's
    assassin"."""
    if head.dep_ in {"dobj", "nsubjpass"} and _is_killing_verb(head.head):
        return True  # "Booth shot Lincoln", "Caesar was assassinated"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and _killing_noun(head.head.head):
        return True
    if head.dep_ == "compound" and known_place(head.text):
        return False  # "the Guadalajara slayings": where, not whom
    return head.dep_ in {"poss", "compound"} and _killing_noun(head.head) and head.head.tag_ == "NN"


def killer(head: Token, tokens: list[Token]) -> bool:
    """Whether the name is who killed, named by a killer's noun: "Rajiv Gandhi's killer
    Thenmozhi Rajaratnam" (the name in apposition to the noun), "Kennedy assassin Sirhan
    Sirhan" (the noun a modifier of the name)."""

    def agent(token: Token) -> bool:
        kind = lexicon.killing_nouns().get(token.lemma_.lower(), ("", ""))[0]
        return token.pos_ == "NOUN" and kind == "agent"

    if head.dep_ == "appos" and agent(head.head):
        return True
    inside = {t.i for t in tokens}
    return any(
        c.dep_ == "compound" and c.i not in inside and agent(c) for t in tokens for c in t.children
    )


def born_subject(ctx: Context, head: Token) -> bool:
    """ "X was born on Feb. 5, 1907": who a birth clause with a day is about is a person (a
    firm may be "born in a garage in 1998", never on a day), unless another person's name
    stands between them (a misparsed heading before "..., X, was born")."""
    verb = head.head
    if head.dep_ != "nsubjpass" or verb.lower_ != "born" or verb.lemma_ != "bear":
        return False
    if any(m.type is PERSON and head.idx < m.start < verb.idx for m in ctx.mentions):
        return False
    return any(
        ent.label_ == "DATE" and ent.root.head.lower_ == "on" and ent.root.head.head == verb
        for ent in ctx.ents
    )


def appointed_offices(head: Token) -> list[Token]:
    """The office nouns an appointment verb gives the name whose head this is ("named X as
    finance minister", "X was appointed chancellor"; graph/schema/appointment_verbs.tsv)."""
    verb = head.head
    if head.dep_ not in {"dobj", "oprd", "nsubjpass"}:
        return []
    if verb.lemma_.lower() not in lexicon.appointment_verbs():
        return []
    offices = [c for c in verb.children if c.dep_ == "oprd" and c.i != head.i]
    return offices + [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def appointee(head: Token) -> bool:
    """Who an appointment verb puts in an office is a person."""
    return any(noun.lemma_.lower() in lexicon.titles() for noun in appointed_offices(head))


def relative_who(ctx: Context, tokens: list[Token]) -> bool:
    """ "Mason, who headed ...": "who" refers to a person, "which" to a thing. Without the
    comma it may refer to a noun before the name ("a scholar of the Renaissance who ...")."""
    doc = ctx.doc
    i = tokens[-1].i + 1
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in RELATIVES


def surname_speaker(ctx: Context, mention: Mention, head: Token) -> bool:
    """ "Walesa said": the one-word subject of a speech verb that is the last word of a
    person the article names in full ("Lech Walesa")."""
    if len(mention.name.split()) != 1 or head.dep_ not in SUBJECTS:
        return False
    verb = head.head
    if verb.lemma_.lower() not in SPEECH_EXTRA | {"tell", "insist", "warn", "argue"}:
        return False
    return any(
        m.type is PERSON and len(m.name.split()) > 1 and m.name.split()[-1] == mention.name
        for m in ctx.mentions
    )


def in_sport(ctx: Context) -> bool:
    """Whether the article is about a sport: its clubs are named by places ("at Barcelona")
    and features ("Nottingham Forest"), and spoken of as "who"."""
    from graph.extract.sports import article_sport  # sports reads entity_types' cues

    return bool(ctx.notes.get("sport") or article_sport(ctx))


MAX_NAME_WORDS = 4


def given_name_first(name: str) -> bool:
    """ "Leonard Lee", "Malcolm O'Neill": two to four capitalised words, the first a given
    name of graph/schema/given_names.tsv, none a facility or club word, not a known place."""
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[0] not in given_names():
        return False
    if not all(w[:1].isupper() for w in words) or known_place(name):
        return False
    lowered = set(_words(name))
    return not lowered & (lexicon.facility_nouns() | _club_words() | _table()["feature_last"])


def _club_words() -> frozenset[str]:
    from graph.extract.sports import club_words

    return club_words()


def _gazetteer_place(name: str) -> bool:
    return lexicon.is_city(name) or lexicon.is_region(name)


def place_after_preposition(ctx: Context, mention: Mention, before: Token | None) -> bool:
    """ "in Caguasu", "near Lemmon", and "of"/"from" after a name, an age or a comma
    ("Cox Packing Co. of Devine", "Sullivan, 30, of Boothbay", "a deputy from Sevastopol"):
    a gazetteer place there is the place, not an organisation of its name."""
    if before is None or in_sport(ctx):
        return False
    if not _gazetteer_place(mention.name):
        return _after_age(ctx, mention, before)
    if before.lower_ in NEAR_PREPOSITIONS:
        return mention.type is ORG  # a person "in" a place is graph/extract/entity_types.py's
    if (
        before.lower_ in {"and", "or"}
        and mention.type in {ORG, PERSON}
        and _after_a_place(ctx, before)
    ):
        return True  # "schools in Lilongwe and Blantyre": a place's conjunct
    if before.lower_ not in ORIGIN_PREPOSITIONS or before.i == 0:
        return False
    ahead = ctx.doc[before.i - 1]
    if ahead.text == "," or ahead.like_num:
        return True  # "Sullivan, 30, of Boothbay", "Viscomi, of Niagara Falls"
    owner = ctx.mention_at(ahead)
    return owner is not None and owner.type in {PERSON, ORG}  # "Avis Bourg Co. of Folsom"


def _after_a_place(ctx: Context, conjunction: Token) -> bool:
    """Whether the conjunct before "and" is a place written after "in"/"near" ("in Lilongwe
    and ...")."""
    if conjunction.i < 2:
        return False
    first = ctx.mention_at(ctx.doc[conjunction.i - 1])
    if first is None or first.type not in {PLACE, EntityType.COUNTRY}:
        return False
    tokens = ctx.mention_tokens(first)
    opener = ctx.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    return opener is not None and opener.lower_ in NEAR_PREPOSITIONS


def _after_age(ctx: Context, mention: Mention, before: Token) -> bool:
    """ "Mary Tolland, 43, of Ashbourne", "Henrik Berg, 58, of Tromso": one word NER read as
    a person's or an organisation's name, written after an age and "of"/"from", is where the
    person lives (the gazetteers lack small towns); not a given name, nor an acronym."""
    doc = ctx.doc
    name = mention.name
    if mention.type not in {PERSON, ORG} or not name.isalpha() or name.isupper():
        return False
    if name in given_names():
        return False
    if before.lower_ not in ORIGIN_PREPOSITIONS or before.i < 3:
        return False
    age, comma = doc[before.i - 2], doc[before.i - 1]
    return comma.text == "," and age.text.isdigit() and doc[age.i - 1].text == ","


def place_before_region(ctx: Context, tokens: list[Token]) -> bool:
    """ "Tempe, Ariz.", "ROYAL OAK, Mich.", "Kulm, N.D.": a name written before a comma
    and a state or a country that ends the phrase is a place in it."""
    doc = ctx.doc
    i = tokens[-1].i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    region = doc[i + 1]
    j = region.i + 1
    while j < len(doc) and doc[j].text == "." and region.text[-1:] != ".":
        j += 1  # "N.D ." tokenised apart
    if not (lexicon.is_region(region.text) or lexicon.country_name(region.text)):
        return False
    return j >= len(doc) or doc[j].is_punct or doc[j].is_space


def person_or_place(
    ctx: Context, mention: Mention, tokens: list[Token], before: Token | None
) -> EntityType | None:
    """A person or a place reading of a name from the words around it, or None."""
    head = ctx.mention_head(mention)
    if mention.type is ORG and given_name_first(mention.name):
        return PERSON
    # a place NER found may be a person's name; one the gazetteers know is a place
    known = mention.type is not ORG and known_place(mention.name)
    known = known or mention.name.isupper()  # "B.C.", "NATO": an acronym is no one's name
    if mention.type in NOT_PEOPLE and not known:
        if victim(head) or killer(head, tokens) or surname_speaker(ctx, mention, head):
            return PERSON
        if born_subject(ctx, head) or appointee(head):
            return PERSON
    if mention.type in {ORG, PLACE} and (mention.type is ORG or mention.name.isalpha()):
        if relative_who(ctx, tokens) and not known_place(mention.name) and not in_sport(ctx):
            return PERSON
    if mention.type in {ORG, PERSON} and place_after_preposition(ctx, mention, before):
        return PLACE
    if mention.type in {ORG, PERSON} and place_before_region(ctx, tokens):
        if _gazetteer_place(mention.name) or all(t.is_upper for t in tokens):
            return PLACE
    return None
