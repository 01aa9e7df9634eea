"""Pronoun coreference with guards: a pronoun is linked only when one antecedent is clearly
best, since a missing link costs less than a wrong one.

- Agreement: he/she only to people of that sex or of unknown sex (sex from an honorific, a
  sexed title or noun, a common given name, or an earlier he/she for that person); it/its to
  organisations, countries and named things; they/them/their to organisations and groups.
- Binding: "X said he ...", "X ... his", "X ..., and it said": a subject or possessive
  pronoun takes the subject of its own or of a governing clause; an object pronoun never
  takes the subject of its own clause ("Police dispersed them").
- Quotes: inside quoted speech he/she/it/they are never the speaker; I/me/my are the speaker;
  we/us/our the speaker's organisation when the speaker's phrase names exactly one.
- Otherwise the nearest sentence (this one or up to two back) with a candidate decides: one
  candidate is linked; several are linked only to a subject organisation or group with a
  subject or possessive pronoun; two possible people give no link. Unnamed noun phrases
  ("researchers", "the probe") compete too and are never linked to.
Each link is a mention with an antecedent, which resolve.py turns into ng:Coreference.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.coref_lexicon import PronounForm, agentive_verbs, pronouns
from graph.extract.coref_quotes import Quote, is_speech, quote_of, quotes
from graph.extract.coref_units import SUBJECTS, People, Unit, unit_of, units_before
from graph.model import EntityType, RelationMention

MAX_SENTENCES_BACK = 2
FINITE = {"VBD", "VBZ", "VBP", "MD"}
CLIMB = {"ccomp", "conj", "advcl", "parataxis"}
LINKS = {
    "m": {"person": "link", "person-noun": "block", "unknown": "block"},
    "f": {"person": "link", "person-noun": "block", "unknown": "block"},
    "n": {"org": "link", "country": "link", "product": "link"}
    | {"org-description": "block", "thing": "block", "place": "block", "unknown": "block"},
    "plural": {"org": "link", "group": "link"}
    | {"org-description": "block", "plural-noun": "block", "coordination": "block"}
    | {"place": "block", "country": "block", "unknown": "block"},  # a team named by its place
}


def _verdict(unit: Unit, form: PronounForm) -> str | None:
    """ "link", "block" (a competitor that cannot be linked to) or None (does not agree)."""
    if form.plural:
        if unit.in_coordination and unit.kind != "coordination":
            return None  # "Toyota and Honda ... their": the pair, not one of them
        verdict = LINKS["plural"].get(unit.kind)
        if verdict == "link" and not unit.collective:
            return "block"  # "Microsoft ... their computer": a company is "it"
        return verdict
    verdict = LINKS[form.sex].get(unit.kind)
    if verdict and form.sex in {"m", "f"} and unit.sex and unit.sex != form.sex:
        return None
    return verdict


def _clause_verb(token: Token) -> Token:
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _finite(verb: Token) -> bool:
    if any(c.tag_ == "TO" for c in verb.children):
        return False
    return verb.tag_ in FINITE or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE for c in verb.children
    )


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECTS]


def _case(pronoun: Token, form: PronounForm) -> str:
    if form.reflexive:
        return "refl"
    if pronoun.dep_ == "poss" or pronoun.lower_ in {"his", "its", "their", "my", "our"}:
        return "poss"
    if pronoun.dep_ in SUBJECTS and _finite(pronoun.head):
        return "subj"
    return "obj"


def _coarguments(pronoun: Token) -> set[int]:
    """Subjects an object pronoun cannot refer to: its own clause's, and the controller's of
    a clause without a subject of its own ("Police used water cannon to disperse them")."""
    verb = _clause_verb(pronoun)
    excluded = {t.i for t in _subjects(verb) if t.i != pronoun.i}
    while (not excluded or pronoun.dep_ in SUBJECTS) and verb.dep_ in {"xcomp", "advcl", "ccomp"}:
        if _finite(verb):
            break
        verb = verb.head
        excluded |= {t.i for t in _subjects(verb)}
        if pronoun.dep_ in SUBJECTS:
            break
    return excluded


REPRESENTATIVES = {
    "lawyer",
    "attorney",
    "counsel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "agent",
    "aide",
    "representative",
}
"""Nouns of someone who speaks for another: what they say of "he" or "she" is mostly said of
the one they speak for."""


def _speaks_for_someone(subject: Token) -> bool:
    """Whether a speech verb's subject is someone's representative ("his lawyer Thierry
    Herzog", "her spokesman, John Smith"): a named appositive or the noun itself."""
    noun = subject.head if subject.dep_ == "appos" else subject
    return noun.lemma_.lower() in REPRESENTATIVES and any(c.dep_ == "poss" for c in noun.children)


def _pleonastic(pronoun: Token) -> bool:
    """ "It is raining", "it was the biggest win", "it is thought that": no referent."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECTS:
        return False
    if verb.lemma_ == "be" and any(c.dep_ == "attr" for c in verb.children):
        return True
    for adjective in (c for c in verb.children if c.dep_ == "acomp" and verb.lemma_ == "be"):
        # "it is likely that ...", "it is hard to say" have a clause for "it"; "it is
        # interested in bidding", "it is profitable" are said of a referent
        clauses = {"ccomp", "xcomp", "csubj"}
        if any(c.dep_ in clauses for c in [*verb.children, *adjective.children]):
            return True
        if not any(c.dep_ == "prep" for c in adjective.children):
            return True
    if pronoun.dep_ == "nsubjpass" and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return True  # "it is thought that ...", "it is reported to be ready"
    return verb.lemma_ in {"rain", "snow"}


class Resolver:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.people = People(ctx)
        self.quotes = quotes(ctx)

    def unit(self, token: Token) -> Unit | None:
        return unit_of(self.ctx, token, self.people)

    def speaker(self, quote: Quote | None) -> Unit | None:
        if quote is None or quote.speaker is None:
            return None
        unit = self.unit(quote.speaker)
        return unit if unit is not None and unit.kind == "person" else None

    def bound(self, pronoun: Token, form: PronounForm, case: str) -> Unit | str | None:
        """The subject a subject/possessive pronoun is bound to; "abstain" when that subject
        agrees but cannot be linked; None when no clause above decides."""
        verb = _clause_verb(pronoun)
        first = case in {"poss", "refl"}
        while True:
            if first or case == "subj":
                for subject in _subjects(verb):
                    if subject.i == pronoun.i or pronoun in subject.subtree:
                        continue
                    if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                        subject = verb.head  # "Tait, who made his debut": who is Tait
                    if _speaks_for_someone(subject) and is_speech(verb):
                        return "abstain"  # "his lawyer X said he would appeal": the client
                    unit = self.unit(subject)
                    if unit is None:
                        continue
                    verdict = _verdict(unit, form)
                    if verdict == "link":
                        if case == "poss" and quote_of(self.quotes, pronoun) is None:
                            return self.reporter(verb, unit, form)
                        return unit
                    if verdict == "block":
                        return "abstain"
            first = True
            if verb.dep_ == "relcl":
                return None
            if verb.dep_ not in CLIMB or verb.head.i == verb.i:
                return None
            verb = verb.head

    def reporter(self, verb: Token, own: Unit, form: PronounForm) -> Unit | str:
        """In reported speech a possessive may be the reporter's ("the Philippines insisted
        that China had attacked its ships"): when the reporter agrees too, a thing's or
        group's possessive goes to the reporter, a person's gets no link. (Inside a quote the
        reporter is the speaker, whom a third-person pronoun never means.)"""
        if verb.dep_ != "ccomp" or not is_speech(verb.head):
            return own
        for subject in _subjects(verb.head):
            unit = self.unit(subject)
            if unit is not None and unit.key != own.key and _verdict(unit, form) == "link":
                return "abstain" if form.sex in {"m", "f"} else unit
        return own

    def choose(
        self, pronoun: Token, form: PronounForm, case: str, quote: Quote | None
    ) -> Unit | None:
        excluded_keys: set[str] = set()
        speaker = self.speaker(quote)
        if speaker is not None:
            excluded_keys.add(speaker.key)
        if case == "obj":
            for i in _coarguments(pronoun):
                unit = self.unit(self.ctx.doc[i])
                if unit is not None:
                    excluded_keys.add(unit.key)
        if form.sex == "n" and _pleonastic(pronoun):
            return None
        if case in {"subj", "poss", "refl"}:
            found = self.bound(pronoun, form, case)
            if found == "abstain":
                return None
            if isinstance(found, Unit) and found.key not in excluded_keys:
                return found
        if case == "refl":
            return None
        here = self.ctx.sentence_index(pronoun)
        spoken = [q for q in self.quotes if q.speaker is not None and q.speaker.i == pronoun.i]
        above = {pronoun.i} | {t.i for t in pronoun.ancestors}  # whose subtree holds it
        units = [
            u
            for u in units_before(self.ctx, pronoun, self.people, MAX_SENTENCES_BACK)
            if u.key not in excluded_keys
            and u.token.i not in above
            and not any(q.start < u.token.idx < q.end for q in spoken)  # "“...X...,” he said"
        ]
        for number in range(here, here - MAX_SENTENCES_BACK - 1, -1):
            # An object pronoun weighs its own and the previous sentence together.
            window = {number, number - 1} if case == "obj" and number == here else {number}
            judged = [(u, v) for u in units if u.sentence in window if (v := _verdict(u, form))]
            if not judged:
                continue
            keys = {u.key for u, _ in judged}
            if len(keys) == 1:
                linked = [u for u, v in judged if v == "link"]
                if not linked or (form.sex in {"m", "f"} and self.coordinated(linked[-1], form)):
                    return None
                if (
                    form.sex in {"m", "f"}
                    and self.new_in(linked[-1], window)
                    and self.unresolved_before(pronoun, form, window)
                ):
                    return None  # "his bid against Hollande. ... his rallies": whose?
                return linked[-1]
            if form.sex in {"m", "f"} or case == "obj":
                return None  # two people who could both be meant, or an object: no link
            groups = [u for u, _ in judged if u.kind in {"plural-noun", "coordination"}]
            if form.plural and groups and (case != "subj" or any(u.subject for u in groups)):
                return None  # "restricting people's access ... their": people compete
            subject = next((u for u, v in judged if v == "link" and u.main_subject), None)
            if subject is None or sum(1 for u, _ in judged if u.subject and u.key != subject.key):
                return None  # no single subject stands out
            if form.sex == "n" and case == "subj":
                agentive = pronoun.head.lemma_.lower() in agentive_verbs()
                if not agentive:
                    return None  # "NASA launched the probe. It will reach ...": which?
            return subject
        return None

    def new_in(self, unit: Unit, window: set[int]) -> bool:
        """Whether the candidate is first named in these sentences (someone the story has
        just brought in, not the one it is about)."""
        first = min(window)
        return not any(
            u.key == unit.key and u.sentence < first
            for u in units_before(self.ctx, unit.token, self.people, MAX_SENTENCES_BACK * 4)
        )

    def unresolved_before(self, pronoun: Token, form: PronounForm, window: set[int]) -> bool:
        """Whether a pronoun of the same sex that no name was found for stands in these
        sentences before this one: it may well be meant again, and the one name beside it
        is then no safer a guess ("The case concerned his bid against Hollande. The firm
        that organised his rallies ...")."""
        ctx = self.ctx
        sentences = [ctx.sentences[n] for n in sorted(window) if 0 <= n < len(ctx.sentences)]
        for token in (
            ctx.tokens[i] for s in sentences for i in range(s.start, min(s.end, pronoun.i))
        ):
            if token.pos_ != "PRON":
                continue
            other = pronouns().get(token.lower_)
            if other is None or other.sex != form.sex or other.person != 3:
                continue
            mention = ctx.mention_at(token)
            if mention is None or mention.antecedent is None:
                return True
        return False

    def coordinated(self, unit: Unit, form: PronounForm) -> bool:
        """Whether the person is one of "X and Y" where Y might also be meant (Y's type or
        sex unknown): "Taylor Swift and Beyoncé ... She" gives no link."""
        token = unit.token
        conjuncts = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj":
            conjuncts.append(token.head)
            conjuncts += [c for c in token.head.children if c.dep_ == "conj" and c.i != token.i]
        for other in conjuncts:
            other_unit = self.unit(other)
            if other_unit is None or (other_unit.key != unit.key and _verdict(other_unit, form)):
                return True
            if other_unit.kind != "person":
                return True
        return False

    def first_person(self, form: PronounForm, quote: Quote | None) -> Unit | None:
        speaker = self.speaker(quote)
        if speaker is None:
            return None
        if not form.plural:
            return speaker
        return self.organisation_of(speaker)

    def organisation_of(self, speaker: Unit) -> Unit | None:
        """The one organisation named in the speaker's own phrase ("the BBC's director
        general Tim Davie", "its governor, Sanjay Malhotra"), if there is exactly one."""
        ctx = self.ctx
        named = ctx.referent(speaker.mention) if speaker.mention is not None else None
        if named is None:
            return None
        head = ctx.mention_head(named)
        while head.dep_ in {"appos", "compound"} and head.head.i != head.i:
            head = head.head
        found: dict[str, Unit] = {}
        for token in head.subtree:
            if token.dep_ in {"relcl", "acl"}:
                break
            unit = self.unit(token)
            if unit is not None and unit.kind == "org" and unit.mention is not None:
                found.setdefault(unit.key, unit)
        return next(iter(found.values())) if len(found) == 1 else None


@extractors.register("pronouns", order=26)
def pronouns_extractor(ctx: Context) -> Iterator[RelationMention]:
    """Runs after names and descriptions, before titles (which read "its president, X");
    outside quotes first, so that a quote's speaker ("“...,” she said") is resolved before
    the pronouns inside it."""
    forms = pronouns()
    resolver = Resolver(ctx)
    candidates = [
        t for t in ctx.with_pos("PRON") if ctx.lowers[t.i] in forms and ctx.texts[t.i] != "US"
    ]
    outside = [t for t in candidates if quote_of(resolver.quotes, t) is None]
    inside = [t for t in candidates if quote_of(resolver.quotes, t) is not None]
    for token in outside + inside:
        form = forms[token.lower_]
        quote = quote_of(resolver.quotes, token)
        if form.person == 1:
            unit = resolver.first_person(form, quote) if quote is not None else None
        else:
            unit = resolver.choose(token, form, _case(token, form), quote)
        if unit is None or unit.mention is None:
            continue
        referent = ctx.referent(unit.mention)
        if referent.start >= token.idx and form.person == 3:
            continue  # "His track Candy Shop": never a name that comes later (but "I" may)
        added = ctx.add_mention(
            token, referent.type, name="", antecedent=unit.mention, confidence=0.7, role="pronoun"
        )
        if added is not None and form.sex in {"m", "f"}:
            resolver.people.sex.setdefault(unit.key, form.sex)
    yield from ()


__all__ = ["EntityType", "pronouns_extractor"]
