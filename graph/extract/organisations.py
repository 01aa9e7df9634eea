"""Relations of organisations, products and works: who owns, controls, buys or sues whom,
a firm's units and headquarters, who plays whom, who makes a product, performs, directs or
stars in a work, who won an award.

Every way of saying one is a row of graph/schema/organisation_patterns.tsv: a cue word and a
dependency path from it to each side, compiled into DependencyMatcher patterns and matched by
graph/extract/dependency_paths.py (the same matches, faster). The code
holds the mechanisms the rows share: conjuncts and relative pronouns, the product or work a
noun like "phone" or "album" names (graph/schema/product_nouns.tsv), the ontology's domain
and range, and the stance (graph/extract/stance.py, plus "a bid is proposed" and "the bid
failed" from graph/schema/deal_failures.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from graph import lexicon
from graph.errors import SchemaError
from graph.extract import extractors
from graph.extract.context import Context, conjuncts, second_object
from graph.extract.dependency_paths import PathMatcher
from graph.extract.descriptions import ROLE as DESCRIBED
from graph.extract.entity_types import form_type
from graph.extract.sports import article_sport, sport_scores
from graph.extract.stance import stance_of
from graph.lexicon import _rows
from graph.model import EntityType, Mention, RelationMention, Stance
from graph.vocab import relation_schema

STEP = re.compile(r"([<>])([a-z|]+)(?::([^<>]+))?")
RELATIVE_TAGS = {"WP", "WDT", "WP$"}
NAME_DEPS = {"compound", "nmod", "nummod", "appos", "flat", "npadvmod"}
RETYPABLE = {EntityType.CONCEPT, EntityType.PRODUCT, EntityType.WORK}
"""Types a cue may overrule on its own: NER's WORK_OF_ART / PRODUCT land in Concept."""
WEAKLY_TYPED = {EntityType.ORGANIZATION, EntityType.GROUP, EntityType.PLACE, EntityType.QUANTITY}
"""Types a cue overrules only when a product/work noun stands next to the name."""
FUTURE_AUX = {"will", "'ll", "shall"}
VERSUS = {"v", "v.", "vs", "vs.", "versus"}
TEAM_TYPES = {EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PLACE}


@dataclass(frozen=True, slots=True)
class Thing:
    """A noun that types the name next to it: "phone" -> Product, made by a manufacturer."""

    type: EntityType
    maker: str | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One row of organisation_patterns.tsv."""

    name: str
    predicate: str
    anchor: tuple[str, ...]
    pos: tuple[str, ...]
    subject: str
    object: str
    also: str
    stance: str
    thing: str
    types: frozenset[str]


@lru_cache(maxsize=1)
def things() -> dict[str, Thing]:
    """Noun lemma (or "modifier noun": "operating system") -> what it says of the name next
    to it (graph/schema/product_nouns.tsv)."""
    table = {}
    for noun, type_name, maker in _rows("product_nouns.tsv", 3):
        table[noun] = Thing(EntityType(type_name), None if maker in {"", "-"} else maker)
    return table


def thing_of(token: Token) -> Thing | None:
    """What a noun says of the name next to it: its lemma's row, or a two-word row whose first
    word modifies it ("operating system"; "system" alone says nothing)."""
    table = things()
    lemma = token.lemma_.lower()
    endings = _row_endings()
    for child in token.lefts if lemma in endings or token.lower_ in endings else ():
        if child.dep_ in {"compound", "amod", "nmod"}:
            pair = f"{child.lower_} {lemma}"
            found = table.get(pair) or table.get(f"{child.lower_} {token.lower_}")
            if found is not None:
                return found
    found = table.get(lemma) or table.get(token.lower_)
    if found is None and token.lower_.endswith("s"):
        found = table.get(token.lower_[:-1])  # "the Independent Spirit Awards", "Emmys"
    return found


def may_be_thing(lemma: str, lower: str) -> bool:
    """Whether ``thing_of`` can find a row for a word of this lemma and lower-case form: a
    test on the two strings alone, for a walk over every word of an article."""
    table, endings = things(), _row_endings()
    return (
        lemma in table
        or lower in table
        or lemma in endings
        or lower in endings
        or (lower.endswith("s") and lower[:-1] in table)
    )


@lru_cache(maxsize=1)
def _row_endings() -> frozenset[str]:
    """What follows a space in a row of product_nouns.tsv ("system" of "operating system"):
    a noun that is none of them has no two-word row, so its modifiers need no look."""
    return frozenset(row[i + 1 :] for row in things() for i, c in enumerate(row) if c == " ")


@lru_cache(maxsize=1)
def failures() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("deal_failures.txt", 1))


@lru_cache(maxsize=1)
def patterns() -> dict[str, Pattern]:
    """The rows of organisation_patterns.tsv, checked against the ontology."""
    found = {}
    for row in _rows("organisation_patterns.tsv", 10):
        name, predicate, anchor, pos, subject, obj, also, stance, thing, types = row
        if predicate != "@maker" and predicate not in relation_schema():
            raise SchemaError(f"organisation_patterns.tsv: {name}: unknown predicate {predicate}")
        if anchor == "@thing":
            lemmas = tuple(
                {n.split()[-1] for n, t in things().items() if t.type is not EntityType.EVENT}
            )
        else:
            lemmas = tuple(anchor.split("|"))
        found[name] = Pattern(
            name=name,
            predicate=predicate,
            anchor=lemmas,
            pos=tuple(pos.split("|")),
            subject=subject,
            object=obj,
            also="" if also == "-" else also,
            stance=stance,
            thing="" if thing == "-" else thing,
            types=frozenset() if types == "-" else frozenset(types.split("|")),
        )
    return found


def _path_nodes(path: str, start: str, label: str) -> tuple[list[dict], dict[str, dict]]:
    """DependencyMatcher nodes for a path from node ``start``; the last node is ``label``.
    Returns the new nodes and extra attributes the path puts on nodes already placed."""
    if path == ".":
        return [], {}
    steps = STEP.findall(path)
    if "".join(f"{d}{r}" + (f":{w}" if w else "") for d, r, w in steps) != path:
        raise SchemaError(f"organisation_patterns.tsv: cannot read the path {path!r}")
    nodes, constraints, previous = [], {}, start
    for number, (direction, deps, words) in enumerate(steps):
        node_id = label if number == len(steps) - 1 else f"{label}{number}"
        attrs: dict = {}
        if direction == ">":
            attrs["DEP"] = {"IN": deps.split("|")}
            op = ">"
        else:
            constraints.setdefault(previous, {})["DEP"] = {"IN": deps.split("|")}
            op = "<"
        if words:
            attrs["LOWER"] = {"IN": words.split("|")}
        nodes.append({"LEFT_ID": previous, "REL_OP": op, "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs})
        previous = node_id
    return nodes, constraints


def _compile(pattern: Pattern, key: str) -> list[dict]:
    pos = [p for tag in pattern.pos for p in ((tag, "PROPN") if tag == "NOUN" else (tag,))]
    anchor: dict = {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {key: {"IN": list(pattern.anchor)}}}
    anchor["RIGHT_ATTRS"]["POS"] = {"IN": pos}
    nodes: list[dict] = []
    for path, label in ((pattern.subject, "subject"), (pattern.object, "object")):
        new, constraints = _path_nodes(path, "anchor", label)
        nodes.extend(new)
        anchor["RIGHT_ATTRS"].update(constraints.get("anchor", {}))
        for node in nodes:
            node["RIGHT_ATTRS"].update(constraints.get(node["RIGHT_ID"], {}))
    if pattern.also:
        new, constraints = _path_nodes(pattern.also, "anchor", "also")
        nodes.extend(new)
        anchor["RIGHT_ATTRS"].update(constraints.get("anchor", {}))
    return [anchor, *nodes]


def matcher(table: dict[str, Pattern]) -> PathMatcher:
    """One matcher over every row of a table (matching the cue by lemma or by word)."""
    found = PathMatcher()
    for name, pattern in table.items():
        found.add(name, [_compile(pattern, "LEMMA"), _compile(pattern, "LOWER")])
    return found


_LAST: list = [None, ()]
"""The last doc matched and its matches: the two passes (organisations, then
organisations_described) read the same doc, and the matcher is most of their cost."""


def _matches(doc: Doc) -> list[tuple[Pattern, dict[str, Token]]]:
    if _LAST[0] is not doc:
        _LAST[:] = [doc, list(row_matches(_matcher(), patterns(), doc))]
    return _LAST[1]


@lru_cache(maxsize=1)
def _matcher() -> PathMatcher:
    return matcher(patterns())


def row_matches(
    path_matcher: PathMatcher, table: dict[str, Pattern], doc: Doc
) -> Iterator[tuple[Pattern, dict[str, Token]]]:
    """Each row's matches in a doc, once per (row, cue, subject, object), its tokens by node
    ("anchor", "subject", "object", ...; a side the row gives as "." is the cue)."""
    seen = set()
    for name, token_ids in path_matcher(doc):
        pattern = table[name]
        tokens = {label: doc[i] for label, i in zip(_labels(pattern), token_ids, strict=True)}
        anchor = tokens["anchor"]
        tokens.setdefault("subject", anchor)
        tokens.setdefault("object", anchor)
        signature = (name, tokens["anchor"].i, tokens["subject"].i, tokens["object"].i)
        if signature not in seen:
            seen.add(signature)
            yield pattern, tokens


@cache
def _labels(pattern: Pattern) -> tuple[str, ...]:
    return tuple(node["RIGHT_ID"] for node in _compile(pattern, "LEMMA"))


# ---- sides --------------------------------------------------------------------------
def _side_tokens(token: Token) -> list[Token]:
    """The tokens a side stands for: a relative pronoun's noun, and the conjuncts."""
    if token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl":
        token = token.head.head
    return conjuncts(token)


def _name_tokens(token: Token) -> list[Token]:
    """A name's tokens around its head: proper-noun and number modifiers, kept contiguous."""
    chosen = {token.i}
    for child in token.children:
        if child.dep_ in {"compound", "flat", "nmod", "nummod"} and child.i < token.i:
            if child.pos_ == "NUM" and child.is_alpha:
                continue  # "three Emmys" counts the awards
            if child.pos_ in {"PROPN", "NUM"} or child.is_title:
                chosen.update(t.i for t in child.subtree if not t.is_punct)
    if token.dep_ == "compound" and token.pos_ == "PROPN":
        # "PlayStation Portable console": the name is the whole run before the noun
        chosen.update(
            c.i
            for c in token.head.children
            if c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"
            for c in c.subtree
        )
    start = token.i
    while start - 1 in chosen:
        start -= 1
    return [token.doc[i] for i in range(start, token.i + 1)]


def _is_name(tokens: list[Token]) -> bool:
    return any(t.pos_ == "PROPN" or (t.is_title and not t.is_sent_start) for t in tokens)


def _class_word(token: Token, anchor: Token) -> tuple[Token | None, Token | None]:
    """(the product/work noun, the name token it types) for a side's token."""
    if thing_of(token) is not None:
        name = _name_of_class_word(token, anchor)
        return token, name
    for child in token.children:
        if child.dep_ in {"compound", "appos"} and thing_of(child) is not None:
            return child, token
    if token.dep_ in {"compound", "appos"} and thing_of(token.head) is not None:
        return token.head, token
    return None, None


def _name_of_class_word(noun: Token, anchor: Token) -> Token | None:
    """The name a product/work noun types: "the film Parasite", "album, Renaissance",
    "its N95 phone"; an award noun may be the name itself ("the Booker Prize")."""
    if noun.is_title and not noun.is_sent_start and _thing(noun).type is EntityType.EVENT:
        return noun
    for child in noun.children:
        if child.dep_ in {"appos", "nummod", "npadvmod"} and child.i > noun.i:
            if _is_name(_name_tokens(child)) or child.pos_ == "NUM":
                return child
    if noun.dep_ == "compound" and noun.head.i > noun.i and _is_name(_name_tokens(noun.head)):
        return noun.head
    left = [
        c
        for c in noun.children
        if c.dep_ in {"compound", "nmod"} and c.i < noun.i and c.pos_ == "PROPN"
    ]
    possessed = any(c.dep_ == "poss" for c in noun.children)
    if left and (possessed or _thing(noun).type is EntityType.PRODUCT):
        return max(left, key=lambda t: t.i)  # "its Galaxy Fold phone": the model's name
    return None


def _thing(noun: Token) -> Thing:
    """The row of a noun known to be a product/work noun."""
    found = thing_of(noun)
    if found is None:
        raise ValueError(f"{noun.text!r} is not a product or work noun")
    return found


def _typed_thing(
    ctx: Context, name: Token, target: EntityType, cued: bool, is_noun: bool
) -> Mention | None:
    """The mention of a named product/work/place, typed ``target`` when nothing says
    otherwise; None when the name is already something else (a person, a city)."""
    mention = ctx.mention_of(name)
    tokens = _name_tokens(name)
    if mention is not None and (mention.start, mention.end) != _char_range(tokens):
        if mention.start >= tokens[0].idx and mention.end <= tokens[-1].idx + len(tokens[-1]):
            mention = None  # NER found part of the name ("PlayStation" of "PlayStation Portable")
    if mention is not None:
        if mention.type is target:
            return mention
        allowed = mention.type in RETYPABLE or (
            cued and mention.type in WEAKLY_TYPED and not _known_place(mention)
        )
        if mention.type is EntityType.PERSON and is_noun:
            allowed = True  # "an Oscar": NER took the award for a person
        if not allowed:
            return None
        return ctx.add_mention(
            (mention.start, mention.end), target, name=mention.name, confidence=0.7, replace=True
        )
    if not cued and not is_noun:
        return None  # "directed Mr Sullivan to hide": an untyped name needs a noun to be a work
    if not _is_name(tokens) and not any(t.pos_ == "NUM" for t in tokens):
        return None
    span = ctx.doc[tokens[0].i : tokens[-1].i + 1]
    return ctx.add_mention(span, target, confidence=0.7, replace=True)


def _char_range(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _known_place(mention: Mention) -> bool:
    return _place_name(mention.name)


def _thing_side(
    ctx: Context, pattern: Pattern, token: Token, anchor: Token
) -> tuple[Mention | None, Thing | None]:
    """The named thing on a side the row marks as one, and the noun that typed it."""
    spec = pattern.thing.split("=", 1)[1] if "=" in pattern.thing else ""
    if spec and spec != "award":
        noun, name = _class_word(token, anchor)
        if noun is not None and _thing(noun).type.value != spec:
            return None, None  # "the Model S car, made by Tesla" yes, "the album, made by" no
        cued = noun is not None or spec == "Place"
        if noun is not None and name is None and noun.i == token.i:
            return None, None  # "directed the 2002 hit": a common noun alone names nothing
        return _typed_thing(ctx, name or token, EntityType(spec), cued, is_noun=False), None
    noun, name = _class_word(token, anchor)
    if noun is None or name is None:
        return None, None
    thing = _thing(noun)
    if (spec == "award") != (thing.type is EntityType.EVENT):
        return None, None
    if spec == "award" and lexicon.credit_cue(token.lemma_.lower(), "nomination") is not None:
        if anchor.lemma_.lower() != token.lemma_.lower():
            return None, None  # "received a Grammy nomination" wins nothing: its own row
        name = noun if noun.i != token.i else name  # the award, not "Grammy nomination"
    return _typed_thing(ctx, name, thing.type, cued=True, is_noun=name.i == noun.i), thing


# ---- stance -------------------------------------------------------------------------
@lru_cache(maxsize=1)
def past_modifiers() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("past_modifiers.txt", 1))


def _past(anchor: Token) -> bool:
    """ "its former unit", "the ex-owner of": the relation no longer holds."""
    words = past_modifiers()
    return (
        any(
            c.dep_ in {"amod", "compound", "advmod"} and c.lower_.rstrip("-") in words
            for c in anchor.children
        )
        or anchor.lower_.split("-")[0] in words
    )


def _failed(anchor: Token) -> bool:
    """ "the failed bid", "the takeover collapsed", "regulators blocked the takeover"."""
    words = failures()
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in words for c in anchor.children):
        return True
    return anchor.dep_ in {"nsubj", "nsubjpass", "dobj"} and anchor.head.lemma_.lower() in words


def _stance(ctx: Context, pattern: Pattern, anchor: Token) -> tuple[Stance, Mention | None]:
    stance, speaker = stance_of(ctx, anchor)
    if _failed(anchor) and stance is not Stance.NEGATED:
        return Stance.NEGATED, speaker
    if pattern.stance == "presupposed":
        # "its Clearstream unit" holds whatever the clause says Deutsche Boerse may do with it
        return (Stance.REPORTED if speaker is not None else Stance.ASSERTED), speaker
    if pattern.stance == "proposed" and stance in {Stance.ASSERTED, Stance.REPORTED}:
        return Stance.PROPOSED, speaker
    if pattern.stance == "fixture" and stance is Stance.PROPOSED:
        verb = anchor if anchor.pos_ == "VERB" else anchor.head
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
        if modals and modals <= FUTURE_AUX and verb.dep_ in {"ROOT", "conj", "ccomp"}:
            return (Stance.REPORTED if speaker else Stance.ASSERTED), speaker
    return stance, speaker


# ---- the extractor ------------------------------------------------------------------
def _fits(predicate: str, pattern: Pattern, subject: Mention, obj: Mention) -> bool:
    relation = relation_schema()[predicate]
    if subject.type.value not in relation.domain or obj.type.value not in relation.range:
        return False
    if pattern.types and not {subject.type.value, obj.type.value} <= pattern.types:
        return False
    return subject.span != obj.span and ctx_name(subject) != ctx_name(obj)


def ctx_name(mention: Mention) -> str:
    return mention.name.lower()


def _sides(
    ctx: Context, pattern: Pattern, tokens: dict[str, Token], role: str
) -> list[tuple[Token, Mention, Thing | None]]:
    anchor = tokens["anchor"]
    found = []
    thing_role = pattern.thing.split("=")[0]
    path = pattern.subject if role == "subject" else pattern.object
    if path.startswith(("<conj", "<xcomp")) and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in anchor.children
    ):
        return []  # "X beat Y and Z face W": Z, not X, faces W
    if path == "." or path.startswith("<compound"):
        side = [tokens[role]]  # "DHL-owner Deutsche Post and GE Capital": the cue is one's
    else:
        side = _side_tokens(tokens[role])
    for token in side:
        if _person_noun(ctx, token) or (thing_role != role and _thing_noun(ctx, token)):
            continue
        if pattern.predicate == "memberOf" and role == "object" and not ctx.mention_at(token):
            continue  # "members of their Six Nations squad": a squad, not the Six Nations
        if pattern.thing == "teams":
            mention = ctx.mention_of(token)
            if mention is not None and mention.type in {EntityType.PLACE, EntityType.COUNTRY}:
                mention = ctx.add_mention(
                    (mention.start, mention.end),
                    EntityType.ORGANIZATION,
                    name=mention.name,
                    confidence=0.6,
                    replace=True,
                )  # a place does not play; its team does (the national side is a club too)
            thing = None
        elif pattern.thing.split("=")[0] == role:
            mention, thing = _thing_side(ctx, pattern, token, anchor)
        else:
            mention, thing = ctx.mention_of(token), None
            if mention is not None:
                mention = ctx.referent(mention)
            mention = _as_organisation(ctx, token, mention, _allowed(pattern, role))
            if pattern.thing and _allowed(pattern, role) == {EntityType.PERSON.value}:
                mention = _as_person(ctx, token, mention)
        if mention is not None:
            found.append((token, mention, thing))
    return found


def _as_person(ctx: Context, token: Token, mention: Mention | None) -> Mention | None:
    """A name on a side only a person fills opposite a work ("directed by Bong Joon-ho"):
    a name of two proper nouns or more NER took for an organisation or an unknown place,
    or missed, without an organisation's form word, is that person."""
    if mention is not None and mention.type is EntityType.PERSON:
        return mention
    if mention is not None:
        if mention.type not in {EntityType.ORGANIZATION, EntityType.PLACE, EntityType.CONCEPT}:
            return mention
        tokens = ctx.mention_tokens(mention)
    else:
        tokens = _name_tokens(token)
    words = [t for t in tokens if t.text != "-"]
    name = ctx.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if (
        len(words) < 2
        or not all(t.pos_ == "PROPN" for t in words)
        or _place_name(name)
        or form_type(name)[0] is not None
    ):
        return mention
    return ctx.add_mention(
        ctx.doc[tokens[0].i : tokens[-1].i + 1], EntityType.PERSON, confidence=0.6, replace=True
    )


def _thing_noun(ctx: Context, token: Token) -> bool:
    """ "The BBC show beat The Office": a show, not the BBC its compound names."""
    return token.pos_ == "NOUN" and ctx.mention_at(token) is None and thing_of(token) is not None


def _people_name(name: str) -> bool:
    """ "Kurds", "Palestinians", "Basque": a people's name, not a misread firm."""
    word = name.lower()
    return any(lexicon.demonym_country(w) for w in (word, word.removesuffix("s")))


def misread_group(mention: Mention) -> bool:
    """NER calls many firms a nationality ("Euronext" NORP): a group whose name is no
    people's ("Kurds", "Basque") and no demonym is an organisation where one is expected."""
    return (
        mention.type is EntityType.GROUP
        and not _people_name(mention.name)
        and mention.role != "demonym"
    )


def _person_noun(ctx: Context, token: Token) -> bool:
    """ "bids for the former Arsenal striker": the striker, not the club his noun names."""
    if token.pos_ != "NOUN" or ctx.mention_at(token) is not None:
        return False
    lemma = token.lemma_.lower()
    return lemma in lexicon.titles() or lemma in lexicon.people_nouns()


def _allowed(pattern: Pattern, role: str) -> set[str]:
    """The entity types the row's side may have ("X, a unit of Y": organisations)."""
    if pattern.predicate == "@maker":
        return set()
    relation = relation_schema()[pattern.predicate]
    allowed = set(relation.domain if role == "subject" else relation.range)
    return allowed & pattern.types if pattern.types else allowed


def _as_organisation(
    ctx: Context, token: Token, mention: Mention | None, allowed: set[str]
) -> Mention | None:
    """A name the cue says is an organisation, typed so when NER missed it or mistyped it:
    a side only an organisation can fill takes an untyped name or one NER called a group or
    an unknown place ("Instagram, a unit of Meta"); a side for actors but not products
    takes one NER called a product ("the Commission is suing AstraZeneca")."""
    organisation = EntityType.ORGANIZATION.value
    if organisation not in allowed:
        return mention
    only = allowed == {organisation}
    if mention is None:
        tokens = _name_tokens(token)
        if not only or token.pos_ != "PROPN" or not _is_name(tokens):
            return None
        span = ctx.doc[tokens[0].i : tokens[-1].i + 1]
        return ctx.add_mention(span, EntityType.ORGANIZATION, confidence=0.6)
    weak = mention.type is EntityType.GROUP or (
        mention.type is EntityType.PLACE and not _known_place(mention)
    )
    products = {EntityType.PRODUCT.value, EntityType.WORK.value, EntityType.CONCEPT.value}
    # NER calls many firms a nationality ("Euronext" NORP): a side for organisations but not
    # groups takes it as one, unless the name is a people's ("Kurds").
    misread = misread_group(mention) and EntityType.GROUP.value not in allowed
    # A name NER took for a place the gazetteer does not know ("controlled by Gazprom",
    # "owner of Liffe") is an organisation on a side that takes one.
    unknown_place = mention.type is EntityType.PLACE and not _known_place(mention)
    if (
        (only and (weak or mention.type in RETYPABLE))
        or (mention.type in RETYPABLE and not allowed & products)
        or misread
        or unknown_place
    ):
        return ctx.add_mention(
            (mention.start, mention.end),
            EntityType.ORGANIZATION,
            name=mention.name,
            confidence=0.6,
            replace=True,
        )
    return mention


@extractors.register("organisations", order=56)
def organisations(ctx: Context) -> Iterator[RelationMention]:
    yield from _relations(ctx)
    yield from _versus(ctx)


@extractors.register("organisations_described", order=58)
def organisations_described(ctx: Context) -> Iterator[RelationMention]:
    """The rows again where a side is an organisation the descriptions extractor named after
    the first pass ("the German exchange tabled an offer for LSE")."""
    yield from _relations(ctx, described_only=True)  # repeats of the first pass are dropped


def _described_side(ctx: Context, tokens: dict[str, Token]) -> bool:
    return any(
        (mention := ctx.mention_of(token)) is not None and mention.role == DESCRIBED
        for role in ("subject", "object")
        for token in _side_tokens(tokens[role])
    )


SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
"""A result written as a score ("2-1", "27-13")."""


def _fixture_context(ctx: Context, tokens: dict[str, Token]) -> bool:
    """Whether "X beat Y" can be a fixture: in a sports article, said by a match's noun, in
    a sentence with a sport's word or a score, or between two places (national sides:
    "Brazil beat Argentina in Rio"); elsewhere it is an award, a vote or a deal ("the ITV
    drama beat Sherlock", "Labour beat the Tories in Hartlepool")."""
    if article_sport(ctx) or tokens["anchor"].pos_ == "NOUN":
        return True  # a noun's row names the contest itself ("their match against Y")
    sentence = ctx.span_text(ctx.sentence_of(tokens["anchor"]))
    if SCORE.search(sentence) or sport_scores(sentence):
        return True
    return all(
        (mention := ctx.mention_of(token)) is not None
        and mention.type in {EntityType.PLACE, EntityType.COUNTRY}
        for role in ("subject", "object")
        for token in _side_tokens(tokens[role])
    )


def _relations(ctx: Context, described_only: bool = False) -> Iterator[RelationMention]:
    for pattern, tokens in _matches(ctx.doc):
        if described_only and not _described_side(ctx, tokens):
            continue
        anchor = tokens["anchor"]
        if (anchor.pos_ in {"NOUN", "PROPN"} and not anchor.is_lower) or _past(anchor):
            continue  # "G-Unit" is a name, not a unit; a former owner owns nothing
        if pattern.object == ">dobj" and second_object(tokens["object"]):
            continue  # "bought two copies of the charity single Band Aid": a misparse
        if pattern.thing == "teams" and not _fixture_context(ctx, tokens):
            continue  # "The Chaplin Collection beat Oasis" for an award: no fixture
        objects = _sides(ctx, pattern, tokens, "object")
        subjects = _sides(ctx, pattern, tokens, "subject") if objects else []
        for s_token, subject, s_thing in subjects:
            for o_token, obj, o_thing in objects:
                predicate = pattern.predicate
                if predicate == "@maker":
                    thing = s_thing or o_thing
                    if thing is None or thing.maker is None:
                        continue
                    predicate = thing.maker
                if not _fits(predicate, pattern, subject, obj):
                    continue
                stance, speaker = _stance(ctx, pattern, anchor)
                yield ctx.relation(
                    subject,
                    predicate,
                    obj,
                    [anchor, s_token, o_token],
                    confidence=0.75,
                    stance=stance,
                    speaker=speaker,
                )


def _versus_side(ctx: Context, tokens: list[Token]) -> Mention | None:
    """One side of "X v Y": its mention, or an organisation over its proper nouns; a place
    is its team."""
    if not tokens or not all(t.pos_ == "PROPN" for t in tokens):
        return None
    mention = ctx.mention_at(tokens[0])
    if mention is not None and mention.type not in TEAM_TYPES:
        return None
    start, end = _char_range(tokens)
    if mention is not None and (mention.start, mention.end) == (start, end):
        if mention.type is not EntityType.PLACE:
            return mention
    elif any(ctx.mention_at(t) is not None for t in tokens):
        return None
    return ctx.add_mention(
        (start, end), EntityType.ORGANIZATION, confidence=0.6, role="team", replace=True
    )


def _place_name(name: str) -> bool:
    return bool(lexicon.country_name(name) or lexicon.is_city(name) or lexicon.is_region(name))


def _versus(ctx: Context) -> Iterator[RelationMention]:
    """ "Liverpool v Everton", "England vs Wales": a fixture between two sides of which one
    at least is named after a place (a court case, "Roe v Wade", is between people)."""
    doc = ctx.doc
    for token, lower in zip(ctx.tokens, ctx.lowers, strict=True):
        if lower not in VERSUS or token.i == 0 or token.i + 1 >= len(doc):
            continue
        left = []
        for i in range(token.i - 1, max(token.sent.start, token.i - 4) - 1, -1):
            if doc[i].pos_ != "PROPN":
                break
            left.insert(0, doc[i])
        right = []
        for i in range(token.i + 1, min(token.sent.end, token.i + 5)):
            if doc[i].pos_ != "PROPN":
                break
            right.append(doc[i])
        names = [" ".join(t.text for t in side) for side in (left, right)]
        if not any(_place_name(n) for n in names):
            continue
        covering = ctx.mention_at(token)
        if covering is not None:
            ctx.remove_mention(covering)  # NER's "Celtic v Rangers" is two teams
        home, away = _versus_side(ctx, left), _versus_side(ctx, right)
        if home is None or away is None or home.name.lower() == away.name.lower():
            continue
        yield ctx.relation(home, "playsAgainst", away, [left[0], token, right[-1]], confidence=0.7)
