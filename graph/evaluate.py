"""``newsgraph eval conll04 FILE``: strict precision/recall/F1 of entities and relations on
the CoNLL04 JSON format (tokens, typed entity spans, typed relations), for newsgraph and for
a peer baseline (textacy's subject-verb-object triples).

How newsgraph's output is mapped onto the dataset's conventions (the graph keeps its own);
each choice was measured on the train split, not dev:
- text: the tokens are joined as running text ("Lucille Ball's", "150,000", "``If"), with a
  token -> character map, so the parser sees prose rather than "Ball 's" and "150 , 000";
- types: Person -> Peop, Organization -> Org, Place/Country -> Loc; Group, Date, Quantity,
  Event and demonym nouns -> Other; positions, concepts, unnamed descriptions and guesses
  below MIN_CONFIDENCE (capitalised phrases NER did not tag) are not counted;
- spans: newsgraph keeps a title as a positionHeld fact and out of the name; the dataset
  writes most titles inside the name ("President Kennedy", "Ms. Toth") but not scoped ones
  ("Haitian President Jean Bertrand Aristide"), so the adapter widens a person's span over
  a title or honorific written with a capital (not "first lady", "professor") unless a
  capitalised word comes before it; a leading "the", a possessive and a final period are
  never part of a name (but a "THE" in capitals is, "THE NATION", train: 5 of 5, and so is
  the "The" of a city, "The Hague"); a place written "City , ST" is one entity when the
  state ends the sentence ("Amherst , Mass .", train: 43 joined, 7 apart) and two otherwise
  ("Chattanooga , Tenn. ,"), so the adapter joins only the former; a dateline
  ("MEMPHIS , Tenn .", train: 11 of 12) keeps city and state apart and the state's period;
- "Other" in CoNLL04 holds dates and measures ("26 Apr 94", "70 miles") and nationalities
  as nouns ("Croats"), not bare counts or years, weekdays or relative dates, so the adapter
  drops those (the graph keeps them);
- relations: each schema predicate's ``ng:conll04Label`` (graph/schema/ontology.ttl) gives
  its CoNLL label (worksFor/memberOf/leaderOf -> Work_For, kills -> Kill, basedIn/
  headquarteredIn -> OrgBased_In, livesIn/citizenOf/bornIn -> Live_In, locatedIn/capitalOf ->
  Located_In), graph/schema/conll04_labels.tsv the rest (inverses, "country" by the entity
  types, an office's jurisdiction: "Illinois Gov. X" is Live_In); a pronoun or description is
  replaced by the name it refers to, a name CoNLL would not annotate (the demonym inside
  "Haitian Parliament", which the graph gives the country Haiti) by the sentence's mentions
  of the same name; negated relations are not counted, statements of any
  other stance are (the dataset has no stance).
The textacy baseline's entities (spaCy's NER) go through the same span mapping.
Strict scoring: an entity counts when span and type are exact; a relation when both spans,
both types and the label are exact.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from graph.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graph.model import Article, ArticleExtraction, Mention

TYPE_MAP = {
    "Person": "Peop",
    "Organization": "Org",
    "Place": "Loc",
    "Country": "Loc",
    "Group": "Other",
    "Date": "Other",
    "Quantity": "Other",
    "Event": "Other",
}
SIGNATURES = {
    "Work_For": ("Peop", "Org"),
    "Kill": ("Peop", "Peop"),
    "OrgBased_In": ("Org", "Loc"),
    "Live_In": ("Peop", "Loc"),
    "Located_In": ("Loc", "Loc"),
}

Span = tuple[int, int, str]  # token start, token end (exclusive), type
K = TypeVar("K")
RelationKey = tuple[str, Span, Span]


@dataclass(frozen=True, slots=True)
class Record:
    tokens: tuple[str, ...]
    entities: frozenset[Span]
    relations: frozenset[RelationKey]


@dataclass(slots=True)
class Tally:
    """Counts of true positives, predictions and gold items, overall and per type."""

    tp: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, predicted: Iterable, gold: Iterable, type_of) -> None:  # noqa: ANN001
        predicted, gold = set(predicted), set(gold)
        for item in predicted:
            self.predicted[type_of(item)] += 1
        for item in gold:
            self.gold[type_of(item)] += 1
        for item in predicted & gold:
            self.tp[type_of(item)] += 1

    @staticmethod
    def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

    def micro(self) -> dict[str, float]:
        return self.prf(
            sum(self.tp.values()), sum(self.predicted.values()), sum(self.gold.values())
        )

    def per_type(self) -> dict[str, dict[str, float]]:
        types = sorted(set(self.gold) | set(self.predicted))
        return {t: self.prf(self.tp[t], self.predicted[t], self.gold[t]) for t in types}


def read_conll04(path: Path) -> list[Record]:
    """Records of a CoNLL04 JSON file (the SpERT split format)."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not CoNLL04 JSON ({exc})") from None
    if not isinstance(raw, list):
        raise InputError(f"{path}: expected a JSON list of records")
    records = []
    for number, item in enumerate(raw):
        try:
            entities = [(e["start"], e["end"], e["type"]) for e in item["entities"]]
            relations = frozenset(
                (r["type"], entities[r["head"]], entities[r["tail"]]) for r in item["relations"]
            )
            records.append(Record(tuple(item["tokens"]), frozenset(entities), relations))
        except (KeyError, IndexError, TypeError) as exc:
            raise InputError(f"{path}: record {number} is not in CoNLL04 form ({exc})") from None
    return records


NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    ")",
    "]",
    "%",
    "'s",
    "'S",
    "'t",
    "'re",
    "'d",
    "'m",
    "'ll",
    "'ve",
    "n't",
}
NO_SPACE_AFTER = {"(", "[", "$"}
DIGIT_GROUP = re.compile(r"\d{3}")
GROUP_LEAD = re.compile(r"\$?\d{1,3}")  # "150" or "$160" before ", 000"; not a year


def _glued(previous: str, token: str) -> bool:
    """Whether ``token`` is written without a space after ``previous`` in running text."""
    if token in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER:
        return True
    if previous == token and token in {"`", "'"}:
        return True  # `` and '' are one quote mark, split into two tokens
    if previous == "``" or (previous == "`" and token not in {"`", "'"}):
        return True
    if token in {"'", "''"} and previous not in {"`", "'"}:
        return True
    return False


def _token_offsets(tokens: tuple[str, ...]) -> tuple[str, list[int]]:
    """The sentence as running text (spaces only where print would put them, so the parser
    sees "Lucille Ball's" and "150,000", not "Ball 's" and "150 , 000"), and each token's
    character offset in it."""
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    digit_comma = False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        glued = digit_comma  # the "000" of "150 , 000"
        digit_comma = (
            token == "," and i > 0 and bool(GROUP_LEAD.fullmatch(tokens[i - 1]))
        ) and bool(DIGIT_GROUP.fullmatch(following))
        if i and not (glued or _glued(tokens[i - 1], token)):
            parts.append(" ")
            position += 1
        starts.append(position)
        parts.append(token)
        position += len(token)
    return "".join(parts), starts


def _token_span(
    starts: list[int], tokens: tuple[str, ...], start: int, end: int
) -> tuple[int, int]:
    first = max(i for i, s in enumerate(starts) if s <= start)
    last = max(i for i, s in enumerate(starts) if s < end)
    return first, last + 1


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
RELATIVE = {"last", "next", "this", "ago", "earlier", "later", "today", "yesterday", "tomorrow"}
NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "half",
    "more",
    "than",
    "about",
    "some",
}


WIDEN = "titles"
MIN_CONFIDENCE = 0.6


def _widen_person(tokens: tuple[str, ...], first: int) -> int:
    """Move a person's start left over honorifics (and, with WIDEN="titles", titles)."""
    from graph import lexicon

    original = first
    while first > 0:
        word = tokens[first - 1].lower().rstrip(".")
        capital = tokens[first - 1][:1].isupper()  # "first lady", "professor" are no honorific
        title = WIDEN == "titles" and capital and word in lexicon.titles()
        if (capital and word in lexicon.honorifics()) or title:
            first -= 1
        else:
            break
    if first < original and first > 1 and tokens[first - 1][:1].isupper():
        return original  # a scoped title ("Haitian President X") stays out of the name
    return first


def _conll_other(words: list[str]) -> bool:
    """Whether an "Other"-typed span is one CoNLL04 annotates (see the module docstring)."""
    lower = [w.lower().strip(".,") for w in words]
    if all(w.replace(",", "").replace(".", "").isdigit() or w in NUMBER_WORDS for w in lower if w):
        return False  # counts and bare years: train annotates 30 of the ~150 years it has
    if set(lower) & (WEEKDAYS | RELATIVE):
        return False
    return True


SENTENCE_END = {".", ";", "?", "!"}


def _join_city_state(spans: set[Span], tokens: tuple[str, ...]) -> set[Span]:
    from graph import lexicon

    out = set(spans)
    for city in spans:
        for state in spans:
            if city[2] == state[2] == "Loc" and state[0] == city[1] + 1 and tokens[city[1]] == ",":
                name = " ".join(tokens[state[0] : state[1]])
                final = state[1] == len(tokens) or tokens[state[1]] in SENTENCE_END
                if final and not name.endswith(".") and lexicon.is_region(name):
                    out -= {city, state}
                    out.add((city[0], state[1], "Loc"))
    return out


def _named(span: tuple[int, int], by_span: dict, spans: dict) -> Span | None:
    """The CoNLL span of the name a mention (or the pronoun chain it starts) refers to."""
    seen = set()
    while span in by_span and by_span[span].antecedent is not None and span not in seen:
        seen.add(span)
        span = by_span[span].antecedent
    return spans.get(span)


def parse_records(
    records: list[Record], model: str | None = None
) -> Iterator[tuple[Article, Doc, Record]]:
    """Each record's tokens as running text, parsed by the newsgraph pipeline."""
    from graph.ingest import make_article
    from graph.nlp import parse

    articles = [
        make_article(_token_offsets(r.tokens)[0], id=f"r{n}", detect_title=False, source="conll04")
        for n, r in enumerate(records)
    ]
    for (article, doc), record in zip(
        parse(articles, model=model, batch_size=64), records, strict=True
    ):
        yield article, doc, record


def conll_spans(mentions: Iterable[Mention], record: Record) -> dict[tuple[int, int], Span]:
    """The CoNLL04 span (token start, end, type) each named mention stands for, under the
    dataset's conventions (module docstring); mentions CoNLL04 would not annotate are left out."""
    _, starts = _token_offsets(record.tokens)
    spans: dict[tuple[int, int], Span] = {}
    datelined: set[tuple[int, int]] = set()
    for mention in mentions:
        if (mention.antecedent is not None and mention.role != "alias") or not mention.name:
            continue  # an acronym in parentheses ("Khmer Rouge ( KR )") is a name CoNLL tags
        if mention.role in {"description", "position", "event"}:
            continue
        if mention.confidence < MIN_CONFIDENCE:
            continue
        ctype = "Other" if mention.role == "demonym" else TYPE_MAP.get(mention.type.value)
        if ctype is None:
            continue
        first, last = _token_span(starts, record.tokens, mention.start, mention.end)
        spans[mention.span] = (first, last, ctype)
        if mention.extractor == "datelines":
            datelined.add(mention.span)
    return with_conventions(spans, record.tokens, datelined)


LEADING_ARTICLES = {"the", "The", "a", "A", "an", "An"}  # "THE NATION", "THE HINDU" keep theirs


def with_conventions(
    spans: dict[K, Span], tokens: tuple[str, ...], datelined: frozenset | set = frozenset()
) -> dict[K, Span]:
    """Token spans moved onto the dataset's conventions: titles before a person, "City , ST"
    joined where the dataset joins it (not in a dateline, the ``datelined`` keys, where the
    state keeps its period: "MEMPHIS , Tenn ."), "Other" spans it would not annotate left out."""
    from graph import lexicon

    out: dict[K, Span] = {}
    for key, (first, last, ctype) in spans.items():
        while first < last - 1 and tokens[first] in LEADING_ARTICLES:
            if tokens[first] == "The" and lexicon.is_city(" ".join(tokens[first:last])):
                break  # "The Hague"
            first += 1
        while last > first + 1 and tokens[last - 1] in {"'s", "'", ".", ","}:
            if key in datelined and tokens[last - 1] == ".":
                break
            last -= 1
        if ctype == "Peop" and WIDEN:
            first = _widen_person(tokens, first)
        if ctype == "Other" and not _conll_other(list(tokens[first:last])):
            continue
        out[key] = (first, last, ctype)
    joined = _join_city_state({v for k, v in out.items() if k not in datelined}, tokens)
    joined |= {v for k, v in out.items() if k in datelined}
    for key, value in list(out.items()):
        if value not in joined:
            # the city (or state) of a joined "City , ST" now stands for the joined span
            out[key] = next(j for j in joined if j[0] <= value[0] and value[1] <= j[1])
    return out


def conll_labels() -> dict[str, list[tuple[bool, str]]]:
    """Predicate (or "a+b" chain) -> [(inverse, CoNLL label)]: the ontology's
    ng:conll04Label and the rows of graph/schema/conll04_labels.tsv."""
    from graph.lexicon import _rows
    from graph.vocab import relation_schema

    table: dict[str, list[tuple[bool, str]]] = {
        p: [(False, r.conll04)] for p, r in relation_schema().items() if r.conll04
    }
    for predicate, direction, label in _rows("conll04_labels.tsv", 3):
        if label not in SIGNATURES or direction not in {"forward", "inverse"}:
            raise InputError(f"graph/schema/conll04_labels.tsv: bad row {predicate!r}")
        table.setdefault(predicate, []).append((direction == "inverse", label))
    return table


def _chained(relations: list) -> list[tuple[str, object, object]]:
    """(a+b, x, y) for each a(x, p) and b(p, y) of one extraction whose chain has a label
    ("James Thompson positionHeld Governor", "Governor appliesToJurisdiction Illinois")."""
    chains = [c for c in conll_labels() if "+" in c]
    out = []
    for chain in chains:
        first, second = chain.split("+")
        onward: dict[tuple[int, int], list] = {}
        for r in relations:
            if r.predicate == second:
                onward.setdefault(r.subject.span, []).append(r.object)
        out += [
            (chain, r.subject, end)
            for r in relations
            if r.predicate == first
            for end in onward.get(r.object.span, [])
        ]
    return out


def conll_relations(extraction: ArticleExtraction, record: Record) -> tuple[set, set]:
    """(entities, relations) of one extraction in CoNLL terms."""
    labels = conll_labels()
    by_span = {m.span: m for m in extraction.mentions}
    spans = conll_spans(extraction.mentions, record)
    facts = [r for r in extraction.relations if r.stance.value != "negated"]
    pairs = [(r.predicate, r.subject, r.object) for r in facts] + _chained(facts)
    namesakes: dict[str, set[Span]] = {}
    for mention in extraction.mentions:
        if mention.span in spans:
            namesakes.setdefault(mention.name, set()).add(spans[mention.span])

    def ends(mention: Mention) -> set[Span]:
        found = _named(mention.span, by_span, spans)
        if found and mention.role != "demonym":
            return {found}
        return namesakes.get(mention.name, set())

    relations = set()
    for predicate, subject, obj in pairs:
        for inverse, label in labels.get(predicate, []):
            heads, tails = ends(subject), ends(obj)
            if inverse:
                heads, tails = tails, heads
            for head in heads:
                for tail in tails:
                    if head != tail and (head[2], tail[2]) == SIGNATURES[label]:
                        relations.add((label, head, tail))
    return set(spans.values()), relations


def predict_newsgraph(records: list[Record], model: str | None = None) -> list[tuple[set, set]]:
    """(entities, relations) newsgraph predicts for each record, in CoNLL terms."""
    from graph.extract import extract

    return [
        conll_relations(extract(article, doc), record)
        for article, doc, record in parse_records(records, model)
    ]


def predict_textacy(records: list[Record], model: str | None = None) -> list[tuple[set, set]]:
    """The untyped SVO baseline: spaCy NER for entities (mapped as above), textacy's
    subject-verb-object triples for relations, labelled by the verb lexicon (verbs.tsv) where
    the verb is in it, else by the only CoNLL label that fits the two entity types."""
    try:
        import textacy.extract
    except ModuleNotFoundError:
        raise InputError(
            "the textacy baseline needs textacy: pip install 'newsgraph[baseline]'"
        ) from None
    from graph import lexicon
    from graph.nlp import load
    from graph.vocab import relation_schema

    ner = {
        "PERSON": "Peop",
        "ORG": "Org",
        "GPE": "Loc",
        "LOC": "Loc",
        "FAC": "Loc",
        "NORP": "Other",
        "DATE": "Other",
        "CARDINAL": "Other",
        "MONEY": "Other",
        "QUANTITY": "Other",
        "PERCENT": "Other",
        "EVENT": "Other",
    }
    labels = {p: r.conll04 for p, r in relation_schema().items() if r.conll04}
    by_types = {sig: label for label, sig in SIGNATURES.items()}
    nlp = load(model)
    texts = [_token_offsets(r.tokens)[0] for r in records]
    predictions = []
    for doc, record in zip(nlp.pipe(texts, batch_size=64), records, strict=True):
        _, starts = _token_offsets(record.tokens)
        ents = {
            (ent.start, ent.end): (
                *_token_span(starts, record.tokens, ent.start_char, ent.end_char),
                ner[ent.label_],
            )
            for ent in doc.ents
            if ent.label_ in ner
        }
        ents = with_conventions(ents, record.tokens)  # the same span mapping as newsgraph's
        relations = set()
        for svo in textacy.extract.subject_verb_object_triples(doc):
            heads = [e for (s, t), e in ents.items() if any(s <= tok.i < t for tok in svo.subject)]
            tails = [e for (s, t), e in ents.items() if any(s <= tok.i < t for tok in svo.object)]
            for head in heads:
                for tail in tails:
                    senses = lexicon.verb_senses().get(svo.verb[-1].lemma_.lower(), [])
                    label = next(
                        (labels[s.predicate] for s in senses if s.predicate in labels), None
                    )
                    label = label or by_types.get((head[2], tail[2]))
                    if label and SIGNATURES[label] == (head[2], tail[2]) and head != tail:
                        relations.add((label, head, tail))
        predictions.append((set(ents.values()), relations))
    return predictions


def score(records: list[Record], predictions: list[tuple[set, set]]) -> dict:
    """Strict micro and per-type P/R/F1, and ``reachable``: the share of gold relations whose
    two entities were both found exactly, the recall a perfect relation step would reach."""
    entities, relations = Tally(), Tally()
    reachable = 0
    for record, (predicted_entities, predicted_relations) in zip(records, predictions, strict=True):
        entities.add(predicted_entities, record.entities, lambda e: e[2])
        relations.add(predicted_relations, record.relations, lambda r: r[0])
        reachable += sum(1 for _, h, t in record.relations if {h, t} <= set(predicted_entities))
    gold = sum(len(r.relations) for r in records)
    return {
        "entities": entities.micro(),
        "relations": relations.micro(),
        "per_type": {"entities": entities.per_type(), "relations": relations.per_type()},
        "sentences": len(records),
        "reachable": round(reachable / gold, 4) if gold else 0.0,
    }


PREDICTORS = {"newsgraph": predict_newsgraph, "textacy": predict_textacy}


def evaluate(path: Path, system: str = "newsgraph", model: str | None = None) -> dict:
    records = read_conll04(path)
    started = time.perf_counter()
    result = score(records, PREDICTORS[system](records, model))
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["system"] = system
    return result
