"""Noun phrases that act as entities although NER does not name them:
- organisation-like descriptions ("the international coalition", "the ruling party"), with
  definite descriptions of the same head referring back ("this coalition", "the firm");
- groups of people by nationality ("thirty French citizens", "Israeli soldiers");
- quoted key phrases ("a “humanitarian pause”") as concepts.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph import lexicon
from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.coref_quotes import is_speech
from graph.extract.salience import dominant_organisation
from graph.extract.sports import article_sport, could_be_club
from graph.model import EntityType, Mention, RelationMention

DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod"}
TEAM_NOUNS = {"club", "team", "side"}
QUOTES = {"“": "”", '"': '"', "‘": "’"}


def _modifiers(ctx: Context, head: Token) -> list[Token]:
    """Contiguous adjective/noun modifiers left of ``head`` that carry no mention."""
    mods: list[Token] = []
    for child in reversed(list(head.lefts)):
        if child.dep_ not in MODIFIER_DEPS or child.i != (mods[0].i if mods else head.i) - 1:
            break
        if ctx.mention_at(child) is not None or child.like_num:
            break
        doc = child.doc
        if child.i > 1 and doc[child.i - 1].text == "-" and ctx.mention_at(doc[child.i - 2]):
            break  # the verb half of "U.S. - led": its name is a mention of its own
        mods.insert(0, child)
    return mods


def _capitalised(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens if t.text[:1].isupper()}


def _is_named_elsewhere(ctx: Context, head: Token) -> bool:
    """ "the militant group Hamas" / "Hamas, an extremist organisation": the noun only
    describes a named entity."""
    if head.dep_ in {"appos", "compound"} and ctx.mention_of(head.head) is not None:
        return True
    following = head.i + 1
    if following < len(head.doc) and head.doc[following].pos_ == "PROPN":
        if ctx.mention_at(head.doc[following]) is not None:
            return True
    return any(
        c.dep_ in {"appos", "compound"} and ctx.mention_of(c) is not None for c in head.children
    )


def _club(ctx: Context, head: Token, near: list[Mention]) -> Mention | None:
    """ "The club" in a sports story: the one club named in the last sentences, else the
    club the article is about when no other club was named near (graph/extract/salience.py
    among clubs: a league or a governing body is no club)."""
    clubs = [m for m in near if could_be_club(ctx, m)]
    if len({m.name.lower() for m in clubs}) == 1:
        return clubs[0]
    dominant = dominant_organisation(ctx, head, lambda m: could_be_club(ctx, m))
    if dominant is None or (clubs and dominant.name.lower() not in {m.name.lower() for m in clubs}):
        return None
    return dominant


def _set_of_people(ctx: Context, head: Token) -> bool:
    """ "a rare group of actresses", "a small group of investors": an indefinite collective
    of unnamed people (graph/schema/people_nouns.txt) is a set, not an organisation ("a
    coalition of African states", "a coalition of France and Italy" are organisations)."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects and all(
            o.tag_ == "NNS"
            and ctx.mention_at(o) is None
            and o.lemma_.lower() in lexicon.people_nouns()  # not "a coalition of states"
            for o in objects
        ):
            return True
    return False


def _previous_subject(ctx: Context, head: Token, named: list[Mention]) -> Mention | None:
    """For "the company" as a clause's subject, the named organisation that was the
    subject of the sentence before: a story goes on about what it last spoke of ("Pure
    Encapsulations ... will become part of Nestle Health Science, a unit of Nestle. The
    company was founded in 1991" is Pure Encapsulations, not the nearer Nestle)."""
    if head.dep_ not in {"nsubj", "nsubjpass"} or not named:
        return None
    here = ctx.sentence_index(head)
    for mention in named:
        if mention.sentence != here - 1:
            continue
        token = ctx.mention_head(mention)
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            # "The Sunday Times reported that ...": a source is not what the story is about
            return None if is_speech(token.head) else mention
    return None


def _reporting_subject(ctx: Context, head: Token) -> Mention | None:
    """The named organisation a wire story's closing attribution describes: in "Unilever
    has agreed to sell Ekaterra, the consumer goods group said", the description that says
    the report is the subject of the reported clause before it, modifiers and all (the
    story names the company first and describes it after)."""
    verb = head.head
    if head.dep_ != "nsubj" or not is_speech(verb):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > head.i:
            continue
        for subject in clause.children:
            if subject.dep_ in {"nsubj", "nsubjpass"}:
                named = ctx.mention_of(subject)
                if named is not None and named.type is EntityType.ORGANIZATION and named.name:
                    return named if named.role != "description" else None
    return None


@extractors.register("noun_phrases", order=20)
def collective_noun_phrases(ctx: Context) -> Iterator[RelationMention]:
    """Organisation-like noun phrases, with same-head definite descriptions linked back."""
    nouns = lexicon.collective_nouns()
    chains: dict[str, list[tuple[Mention, set[str]]]] = {}
    for head in ctx.with_pos("NOUN"):
        lemma = ctx.lemmas[head.i]
        if head.tag_ != "NN" or lemma not in nouns:
            continue
        if ctx.mention_at(head) is not None or _is_named_elsewhere(ctx, head):
            continue
        mods = _modifiers(ctx, head)
        if mods and mods[-1].lower_ in lexicon.occasion_nouns() and mods[-1].is_lower:
            continue  # "a dinner party", "the launch party": an occasion, no organisation
        det = next((c for c in head.lefts if c.dep_ in {"det", "poss"}), None)
        definite = det is not None and det.lower_ in DEFINITE
        has_members = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if not definite and not mods and not has_members:
            continue
        if det is not None and det.lower_ in {"any", "every", "no"}:
            continue
        if not definite and (head.dep_ == "attr" or any(m.tag_ == "JJR" for m in mods)):
            continue  # "we are a big club", "to play for a bigger club": no club in particular
        if not definite and _set_of_people(ctx, head):
            continue
        capitals = _capitalised(mods)
        sport_team = lemma in TEAM_NOUNS and definite and article_sport(ctx) is not None
        earlier = chains.get(lemma, [])
        antecedent = None
        for first, caps in reversed(earlier if definite else []):
            if not (capitals and caps and capitals != caps):
                antecedent = first
                break
        if antecedent is None and definite and not has_members and "refers_back" in nouns[lemma]:
            antecedent = _reporting_subject(ctx, head)  # "X sold Y, the consumer goods group said"
        if (
            antecedent is None
            and definite
            and not mods
            and not has_members  # "the group of ministers" is no company
            and "refers_back" in nouns[lemma]
        ):
            named = [
                m
                for m in ctx.mentions_before(head, [EntityType.ORGANIZATION])
                if m.extractor == "ner" and ctx.sentence_index(head) - m.sentence <= 2
            ]
            if sport_team:
                antecedent = _club(ctx, head, named)
            else:
                antecedent = _previous_subject(ctx, head, named) or (
                    named[0] if named else dominant_organisation(ctx, head)
                )
        span = ctx.doc[(mods[0].i if mods else head.i) : head.i + 1]
        words = ctx.span_text(span)
        mention = ctx.add_mention(
            span,
            EntityType.ORGANIZATION,
            name=words,
            antecedent=antecedent,
            confidence=0.6,
            role="description",
        )
        if mention is not None and antecedent is None and not (sport_team and not mods):
            # an unresolved "the club" of a sports story is no antecedent: the next one may
            # well be resolved on its own
            chains.setdefault(lemma, []).append((mention, capitals))
        elif mention is not None and antecedent is not None and lemma in chains:
            chains[lemma] = [
                (f, caps | capitals) if f.span == antecedent.span else (f, caps)
                for f, caps in chains[lemma]
            ]
    yield from ()


@extractors.register("demonym_groups", order=22)
def demonym_groups(ctx: Context) -> Iterator[RelationMention]:
    """ "thirty French citizens" -> Group "French citizens" citizenOf France, with its count."""
    for head in ctx.with_pos("NOUN"):
        if head.tag_ != "NNS" or ctx.mention_at(head) is not None:
            continue
        demonym = next(
            (
                c
                for c in head.lefts
                if c.dep_ in {"amod", "compound"} and lexicon.demonym_country(c.text)
            ),
            None,
        )
        if demonym is None or demonym.i != head.i - 1:
            continue
        if head.lemma_.lower() not in lexicon.people_nouns():
            continue
        country = ctx.mention_at(demonym)
        if country is None or country.type is not EntityType.COUNTRY:
            country = ctx.add_mention(
                demonym,
                EntityType.COUNTRY,
                name=lexicon.demonym_country(demonym.text),
                confidence=0.8,
                role="demonym",
                replace=True,
            )
        group = ctx.add_mention(
            head,
            EntityType.GROUP,
            name=f"{demonym.text} {head.text}",
            confidence=0.7,
            role="description",
        )
        if group is None or country is None:
            continue
        evidence = [demonym, head]
        yield ctx.relation(group, "citizenOf", country, evidence, confidence=0.8)
        for child in head.lefts:
            count = ctx.mention_at(child)
            if child.dep_ == "nummod" and count is not None and count.type is EntityType.QUANTITY:
                yield ctx.relation(group, "quantity", count, [child, head], confidence=0.8)


@extractors.register("quoted_concepts", order=24)
def quoted_concepts(ctx: Context) -> Iterator[RelationMention]:
    """A short noun phrase in quotation marks is a key phrase the article names."""
    doc, texts = ctx.doc, ctx.texts
    for i, text in enumerate(texts):
        closing = QUOTES.get(text)
        if closing is None:
            continue
        end = next((j for j in range(i + 1, min(i + 7, len(doc))) if texts[j] == closing), None)
        if end is None or end - i < 2:
            continue
        inner = doc[i + 1 : end]
        if inner.root.pos_ not in {"NOUN", "PROPN"} or any(
            t.pos_ in {"VERB", "AUX"} for t in inner
        ):
            continue
        if any(ctx.mention_at(t) for t in inner):
            continue
        ctx.add_mention(inner, EntityType.CONCEPT, confidence=0.6, role="description")
    yield from ()
