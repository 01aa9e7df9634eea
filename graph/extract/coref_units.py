"""Candidate antecedents for pronoun coreference: every noun phrase before the pronoun, named
or not. Named ones (mentions) can be linked to; unnamed ones ("researchers", "the probe",
"Toyota and Honda") cannot, but they compete, so that "They" after "Researchers at the
University of Otago ..." is left alone rather than given to the university."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.extract.coref_lexicon import collective_heads, given_names, sexed_words
from graph.model import EntityType, Mention

SUBJECTS = {"nsubj", "nsubjpass"}
CANDIDATE_POS = {"NOUN", "PROPN", "PRON"}
LOCATIVE = {"in", "at", "near"}
NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
KIND_OF_TYPE = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "org",
    EntityType.COUNTRY: "country",
    EntityType.GROUP: "group",
    EntityType.PRODUCT: "product",
    EntityType.WORK: "product",
    EntityType.EVENT: "thing",
    EntityType.CONCEPT: "thing",
    EntityType.PLACE: "place",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One candidate: its head token, the mention a link would point to (None: unnamed),
    who it is (``key``), its kind, sex ("m", "f" or ""), and whether it is a subject."""

    token: Token
    mention: Mention | None
    key: str
    kind: str
    sex: str
    sentence: int
    in_coordination: bool = False
    collective: bool = False
    """A name a plural pronoun may take: plural in form ("the Tories") or headed by a
    collective noun ("the Labour Party"), or a singular noun's ("the bank Barclays": no)."""

    @property
    def subject(self) -> bool:
        return self.token.dep_ in SUBJECTS

    @property
    def main_subject(self) -> bool:
        verb = self.token.head
        return self.subject and (verb.dep_ == "ROOT" or verb.head.i == verb.i)


class People:
    """Who is who among the article's named people, and their sex when the text says it."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        named = [
            m
            for m in ctx.mentions
            if m.type is EntityType.PERSON and m.name and m.antecedent is None
        ]
        self._full: dict[str, set[str]] = {}
        for m in named:
            words = m.name.split()
            if len(words) > 1:
                self._full.setdefault(words[-1].lower(), set()).add(m.name.lower())
        self._text_sex: dict[tuple[int, int, str], str] = {}
        self._units: dict[int, Unit | None] = {}
        self._units_for: tuple[int, int] = (-1, -1)
        self.sex: dict[str, str] = {}
        for m in named:
            sex = self.sex_from_text(m)
            if sex:
                self.sex.setdefault(self.key(m), sex)

    def titled(self, mention: Mention) -> bool:
        """Whether a title of office or an honorific stands right before the name."""
        tokens = self.ctx.mention_tokens(mention)
        if not tokens or tokens[0].i == 0:
            return False
        before = tokens[0].nbor(-1)
        word = before.lower_.rstrip(".")
        return word in lexicon.titles() or word in lexicon.honorifics() or word in sexed_words()

    def key(self, mention: Mention) -> str:
        """A surname alone is the person named in full with it, if only one is."""
        name = mention.name.lower() or mention.text.lower()
        full = self._full.get(name)
        return next(iter(full)) if full and len(full) == 1 else name

    def sex_from_text(self, mention: Mention) -> str:
        """ "m"/"f" from an honorific, a sexed noun next to the name or a given name, else ""
        (read once per mention: the text does not change, and candidates are asked for again
        for every pronoun after them)."""
        key = (mention.start, mention.end, mention.name)
        if key not in self._text_sex:
            self._text_sex[key] = self._sex_from_text(mention)
        return self._text_sex[key]

    def _sex_from_text(self, mention: Mention) -> str:
        words = sexed_words()
        tokens = self.ctx.mention_tokens(mention)
        if not tokens:
            return ""
        first = tokens[0]
        sentence_start = self.ctx.sentence_of(first).start
        before = [first.nbor(-k) for k in (1, 2) if first.i - k >= sentence_start]
        before = [t for t in before if t.text != "."][:1]
        head = self.ctx.mention_head(mention)
        around = [*before, tokens[0], *head.children]
        if head.dep_ in {"appos", "compound"}:
            around.append(head.head)
        around += [c for c in head.children if c.dep_ in {"appos", "compound"}]
        if head.head.dep_ == "appos" or any(
            c.i == head.i for c in head.head.children if c.dep_ == "appos"
        ):
            around.append(head.head)
        for token in around:
            sex = words.get(token.lower_.rstrip("."))
            if sex and not (token.i > head.i and token.dep_ not in {"appos", "compound"}):
                return sex
        parts = mention.name.split()
        if len(parts) > 1:
            return given_names().get(parts[0], "")
        return ""


def _person_noun(token: Token) -> str | None:
    """ "" for a noun that names a person of unknown sex, "m"/"f" for a sexed one, None else."""
    lemma = token.lemma_.lower()
    if lemma in sexed_words():
        return sexed_words()[lemma]
    if lemma in lexicon.titles() or lemma in lexicon.people_nouns():
        return ""
    return None


def _collective(ctx: Context, mention: Mention) -> bool:
    tokens = ctx.mention_tokens(mention)
    if not tokens:
        return False
    last = tokens[-1]
    if mention.type is EntityType.GROUP:
        return True
    lemma = last.lemma_.lower()
    return (
        last.tag_ in {"NNPS", "NNS"}
        or lemma in lexicon.collective_nouns()
        or lemma in collective_heads()
    )


def unit_of(ctx: Context, token: Token, people: People) -> Unit | None:
    """The candidate a noun phrase head stands for, or None (a date, a number, a modifier).
    Kept until a mention or a sex is added (all that changes while pronouns are resolved):
    every pronoun asks again for the words of the sentences before it."""
    state = (len(ctx.mentions), len(people.sex))
    if state != people._units_for:
        people._units.clear()
        people._units_for = state
    if token.i not in people._units:
        people._units[token.i] = _unit_of(ctx, token, people)
    return people._units[token.i]


def _unit_of(ctx: Context, token: Token, people: People) -> Unit | None:
    plural_noun = token.pos_ == "NOUN" and token.tag_ in {"NNS", "NNPS"}
    # "the bank Barclays" is Barclays, but "Ryanair pilots" are not Ryanair
    mention = ctx.mention_at(token) if plural_noun else ctx.mention_of(token)
    if mention is None:
        return _unnamed_unit(ctx, token)
    sentence = ctx.sentence_index(token)
    coordinated = _coordinated(ctx, token)
    if mention.role == "demonym":
        return None
    referent = ctx.referent(mention)
    if referent.role == "pronoun":
        return None  # a pronoun left unresolved
    kind = KIND_OF_TYPE.get(referent.type)
    if kind is None:
        return None
    if kind in {"person", "country"} and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
        kind = "place"  # "the race in Monza", "jobs in Sweden": a setting, not an actor
    if kind == "org" and (sex := people.sex_from_text(referent)):
        # "Baroness Hale", "Olaf Scholz" typed as organisations: a person, who competes
        return Unit(token, None, f"#{token.i}", "person-noun", sex, sentence, coordinated)
    unnamed = referent.role == "description" or not referent.name
    if kind == "org" and unnamed:
        kind = "org-description"
    if kind == "person":
        key = people.key(referent)
        sex = people.sex.get(key, "")
        if " " not in key and not sex and not people.titled(referent):
            # one word, no sex, no title: "Labour", "Twitter" typed Person by NER compete
            # but are not linked to
            return Unit(token, None, f"#{token.i}", "unknown", "", sentence, coordinated)
        return Unit(token, mention, key, kind, sex, sentence, coordinated)
    key = (referent.name or referent.text).lower()
    collective = _collective(ctx, referent) and not (
        token.pos_ == "NOUN" and token.tag_ == "NN" and ctx.mention_at(token) is None
    )
    return Unit(token, mention, key, kind, "", sentence, coordinated, collective)


def _coordinated(ctx: Context, token: Token) -> bool:
    """Whether the word is coordinated ("X and Y"), kept per word for the article."""
    known: dict[int, bool] = ctx.notes.setdefault("coref.coordinated", {})  # type: ignore[assignment]
    if token.i not in known:
        known[token.i] = token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)
    return known[token.i]


def _unnamed_unit(ctx: Context, token: Token) -> Unit | None:
    """The candidate a word no mention covers stands for: it follows from the parse alone,
    so it is made once per word and article, not again for every pronoun after it."""
    known: dict[int, Unit | None] = ctx.notes.setdefault("coref.unnamed", {})  # type: ignore[assignment]
    if token.i not in known:
        known[token.i] = _parsed_unit(token, ctx.sentence_index(token), _coordinated(ctx, token))
    return known[token.i]


def _parsed_unit(token: Token, sentence: int, coordinated: bool) -> Unit | None:
    if token.ent_type_ in NUMERIC or token.dep_ == "compound":
        return None
    if token.pos_ == "PROPN" and token.dep_ in SUBJECTS | {"dobj", "pobj", "appos", "conj"}:
        # a name nothing recognised ("Ericsson cut jobs"): it may be meant, so it competes
        return Unit(token, None, f"#{token.i}", "unknown", "", sentence, coordinated)
    if token.pos_ != "NOUN":
        return None
    if token.dep_ == "appos" or token.dep_ == "attr":
        return None  # another name for a neighbour, not a new candidate
    person = _person_noun(token)
    if token.tag_ in {"NNS", "NNPS"}:
        kind = "plural-noun"
    elif person is not None:
        kind = "person-noun"
    else:
        kind = "thing"
    return Unit(token, None, f"#{token.i}", kind, person or "", sentence, coordinated)


def units_before(ctx: Context, pronoun: Token, people: People, back: int) -> list[Unit]:
    """Candidates in the pronoun's sentence (before it) and the ``back`` sentences before."""
    here = ctx.sentence_index(pronoun)
    found: list[Unit] = []
    seen: set[object] = set()
    nouns = _nouns(ctx)
    for number in range(max(0, here - back), here + 1):
        for token in nouns[number]:
            if token.i >= pronoun.i:
                break
            covering = ctx.mention_at(token)
            if covering is not None and ctx.mention_head(covering).i != token.i:
                continue
            unit = unit_of(ctx, token, people)
            if unit is None:
                continue
            ident = unit.mention.span if unit.mention is not None else token.i
            if ident in seen:
                continue
            seen.add(ident)
            found.append(unit)
            conjuncts = [
                c for c in token.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}
            ]
            if conjuncts and token.dep_ != "conj":
                found.append(Unit(token, None, f"&{token.i}", "coordination", "", number))
    return found


def _nouns(ctx: Context) -> list[list[Token]]:
    """Each sentence's nouns, names and pronouns, the words a candidate can be headed by
    (found once an article: every pronoun looks through the sentences before it)."""
    found = ctx.notes.get("coref.nouns")
    if found is None:
        tokens, pos = ctx.tokens, ctx.pos
        found = [
            [tokens[i] for i in range(s.start, s.end) if pos[i] in CANDIDATE_POS]
            for s in ctx.sentences
        ]
        ctx.notes["coref.nouns"] = found
    return found  # type: ignore[return-value]
