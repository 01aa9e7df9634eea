"""Labelled entity pairs for training the relation model, from Re-DocRED (Wikidata
properties) and CoNLL04, each sentence parsed by the newsgraph spaCy pipeline on the
dataset's own tokens. A pair is labelled with an ontology predicate (graph/learn/labels.py)
or NONE; a Re-DocRED fact whose evidence is another sentence leaves its pair out, since the
sentence at hand may not state it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from graph.learn.features import pair_features
from graph.learn.gate import present
from graph.learn.labels import map_label

NONE = "NONE"
REDOCRED_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
CONLL_TYPES = {"Peop": "PER", "Org": "ORG", "Loc": "LOC"}


@dataclass(frozen=True, slots=True)
class Example:
    features: dict[str, float]
    label: str
    """The predicate of (head, tail), or NONE."""
    doc: str
    """The source document ("redocred:<title>", "conll04:<n>"), the unit of held-out splits."""
    types: tuple[str, str]
    cues: frozenset[str]
    """The gate's cues of the pair (graph/learn/gate.py)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    words: list[str]
    entities: list[tuple[int, int, str]]
    """(token start, end, coarse type) of each entity's mention in this sentence."""
    labels: dict[tuple[int, int], str]
    """(head, tail) entity indices -> predicate."""
    skip: frozenset[tuple[int, int]]
    """Pairs left out: related in the document, but not by this sentence."""


def _spaces(words: list[str]) -> list[bool]:
    """Whether a space follows each token, for a readable text that keeps the tokens."""
    glue_before = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "%", "'"}
    out = []
    for n, word in enumerate(words):
        following = words[n + 1] if n + 1 < len(words) else ""
        out.append(bool(following) and following not in glue_before and word not in {"(", "["})
    return out


def _choose(candidates: dict[tuple[int, int], set[str]], counts: Counter) -> dict:
    """One predicate a pair: the rarest of its labels, so the long tail is not swamped."""
    return {pair: min(labels, key=lambda p: (counts[p], p)) for pair, labels in candidates.items()}


def redocred_sentences(paths: list[Path]) -> Iterator[Sentence]:
    docs = [doc for path in paths for doc in json.loads(path.read_text("utf-8"))]
    counts: Counter = Counter()
    for doc in docs:
        for fact in doc["labels"]:
            h, t = doc["vertexSet"][fact["h"]][0]["type"], doc["vertexSet"][fact["t"]][0]["type"]
            if h in REDOCRED_TYPES and t in REDOCRED_TYPES:
                mapped = map_label(fact["r"], h, t)
                counts[mapped[0] if mapped else None] += 1
    for doc in docs:
        vertices = doc["vertexSet"]
        for number, words in enumerate(doc["sents"]):
            members = []
            for index, entity in enumerate(vertices):
                mention = next((m for m in entity if m["sent_id"] == number), None)
                kind = REDOCRED_TYPES.get(entity[0]["type"])
                if mention is not None and kind is not None:
                    members.append((index, (mention["pos"][0], mention["pos"][1], kind)))
            if len(members) < 2:
                continue
            local = {index: n for n, (index, _) in enumerate(members)}
            candidates: dict[tuple[int, int], set[str]] = {}
            skip = set()
            for fact in doc["labels"]:
                if fact["h"] not in local or fact["t"] not in local:
                    continue
                h, t = local[fact["h"]], local[fact["t"]]
                mapped = map_label(fact["r"], members[h][1][2], members[t][1][2])
                if mapped is None:
                    continue
                pair = (t, h) if mapped[1] else (h, t)
                if fact["evidence"] and number not in fact["evidence"]:
                    skip.add(pair)
                else:
                    candidates.setdefault(pair, set()).add(mapped[0])
            labels = _choose(candidates, counts)
            yield Sentence(
                f"redocred:{doc['title']}",
                list(words),
                [span for _, span in members],
                labels,
                frozenset(skip - set(labels)),
            )


def conll04_sentences(path: Path) -> Iterator[Sentence]:
    for number, record in enumerate(json.loads(path.read_text("utf-8"))):
        entities = [(e["start"], e["end"], CONLL_TYPES.get(e["type"])) for e in record["entities"]]
        kept = [e for e in entities if e[2]]
        index = {n: m for m, n in enumerate(n for n, e in enumerate(entities) if e[2])}
        labels = {}
        for relation in record["relations"]:
            head, tail = index.get(relation["head"]), index.get(relation["tail"])
            if head is None or tail is None:
                continue
            label = "conll04:" + relation["type"]
            mapped = map_label(label, str(kept[head][2]), str(kept[tail][2]))
            if mapped is not None:
                labels[(tail, head) if mapped[1] else (head, tail)] = mapped[0]
        yield Sentence(f"conll04:{number}", list(record["tokens"]), kept, labels, frozenset())


def examples(sentences: list[Sentence], model: str | None = None) -> Iterator[Example]:
    """Every ordered pair of entities in each sentence, parsed and featurised."""
    from spacy.tokens import Doc

    from graph.nlp import load

    nlp = load(model)
    docs = (Doc(nlp.vocab, words=s.words, spaces=_spaces(s.words)) for s in sentences)
    disabled = [name for name in nlp.pipe_names if name in {"ner", "newsgraph_paragraphs"}]
    for sentence, parsed in zip(sentences, nlp.pipe(docs, disable=disabled), strict=True):
        spans = [parsed[start:end] for start, end, _ in sentence.entities]
        for h, t in permutations(range(len(spans)), 2):
            if (h, t) in sentence.skip or not len(spans[h]) or not len(spans[t]):
                continue
            types = (sentence.entities[h][2], sentence.entities[t][2])
            yield Example(
                pair_features(spans[h], spans[t], *types),
                sentence.labels.get((h, t), NONE),
                sentence.doc,
                types,
                present(spans[h], spans[t]),
            )
