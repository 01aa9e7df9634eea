"""The trained relation classifier (``newsgraph train relations``), for pairs of named
entities in a sentence that the rules left unrelated. It proposes the five relations its
training data knows (works for, kills, based in, lives in, located in), with its
probability as confidence and the stance of the clause that joins the two names."""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import permutations
from pathlib import Path
from typing import TYPE_CHECKING

from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.stance import stance_of
from graph.model import EntityType, Mention, RelationMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MODEL = Path(__file__).resolve().parent.parent / "models" / "relations.json.gz"
THRESHOLD = 0.8  # for a model saved without the threshold its training cross-validated
CONLL_TYPE = {
    EntityType.PERSON: "Peop",
    EntityType.ORGANIZATION: "Org",
    EntityType.PLACE: "Loc",
    EntityType.COUNTRY: "Loc",
}
PREDICATE = {
    "Work_For": "worksFor",
    "Kill": "kills",
    "OrgBased_In": "basedIn",
    "Live_In": "livesIn",
    "Located_In": "locatedIn",
}
SIGNATURES = {("Peop", "Org"), ("Peop", "Peop"), ("Org", "Loc"), ("Peop", "Loc"), ("Loc", "Loc")}


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL) -> dict | None:
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def probabilities(model: dict, features: dict[str, float]) -> dict[str, float]:
    scores = list(model["intercept"])
    for name, value in features.items():
        weights = model["weights"].get(name)
        if weights is not None:
            scores = [s + w * value for s, w in zip(scores, weights, strict=True)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return {label: e / total for label, e in zip(model["labels"], exp, strict=True)}


def named(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions the classifier relates: named people, organisations and places."""
    return [
        m
        for m in mentions
        if m.type in CONLL_TYPE and m.name and m.antecedent is None and m.role != "description"
    ]


def candidate_pairs(
    mentions: Iterable[Mention], doc: Doc
) -> Iterator[tuple[Mention, Mention, tuple[str, str], Span, Span]]:
    """Every ordered pair of named mentions in one sentence whose types fit a label, with
    their token spans; shared with training (graph/train.py) so both see the same pairs."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in named(mentions):
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for group in by_sentence.values():
        for head, tail in permutations(group, 2):
            types = (CONLL_TYPE[head.type], CONLL_TYPE[tail.type])
            if types not in SIGNATURES:
                continue
            head_span = doc.char_span(head.start, head.end, alignment_mode="expand")
            tail_span = doc.char_span(tail.start, tail.end, alignment_mode="expand")
            if head_span is not None and tail_span is not None:
                yield head, tail, types, head_span, tail_span


@extractors.register("relation_classifier", order=80)
def relation_classifier(ctx: Context) -> Iterator[RelationMention]:
    from graph.relation_features import pair_features

    model = load_model()
    if model is None:
        return
    related = {frozenset((r.subject.span, r.object.span)) for r in ctx.notes.get("relations", [])}
    for head, tail, types, head_span, tail_span in candidate_pairs(ctx.mentions, ctx.doc):
        if frozenset((head.span, tail.span)) in related:
            continue
        probs = probabilities(model, pair_features(head_span, tail_span, *types))
        label, p = max(probs.items(), key=lambda item: item[1])
        if label == "NONE" or p < model.get("threshold", THRESHOLD):
            continue
        anchor = (
            head_span.root if head_span.root.head.i == head_span.root.i else head_span.root.head
        )
        stance, speaker = stance_of(ctx, anchor)
        yield ctx.relation(
            head,
            PREDICATE[label],
            tail,
            [*head_span, *tail_span],
            confidence=p,
            stance=stance,
            speaker=speaker,
        )
