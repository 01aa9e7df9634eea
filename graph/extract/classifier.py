"""The learned relation model (graph/learn/, ``newsgraph train relations``), for pairs of
named entities in a sentence that the rules left unrelated. It writes a relation only where
the model passed its held-out precision bar, the probability reaches that relation's
threshold, the ontology's domain and range admit the pair, and a cue in the sentence supports
it; the probability is the confidence, the clause's stance is the stance."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from graph.extract import extractors
from graph.extract.context import Context
from graph.extract.stance import stance_of
from graph.learn.features import COARSE, path
from graph.learn.gate import present, present_both, supported
from graph.learn.labels import fits
from graph.learn.model import Decision, decide, load_model
from graph.lexicon import city_elsewhere
from graph.model import EntityType, Mention, RelationMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def named(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions the model relates: named entities of the types it was trained on."""
    return [
        m
        for m in mentions
        if m.type in COARSE and m.name and m.antecedent is None and m.role != "description"
    ]


def candidate_pairs(
    mentions: Iterable[Mention], doc: Doc
) -> Iterator[tuple[Mention, Mention, Span, Span]]:
    """Each unordered pair of named mentions in one sentence, with their token spans."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in named(mentions):
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for group in by_sentence.values():
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in group]
        for (a, a_span), (b, b_span) in combinations(zip(group, spans, strict=True), 2):
            if a_span is None or b_span is None:
                continue
            if a_span.start < b_span.end and b_span.start < a_span.end:
                continue  # overlapping mentions
            yield a, b, a_span, b_span


def writable(model: dict, head: EntityType, tail: EntityType) -> list[str]:
    """The relations the model may write from a head of one type to a tail of another: those
    with a threshold (that passed their precision bar) whose domain and range admit them."""
    key = (id(model), head, tail)
    if key not in _WRITABLE:
        _WRITABLE[key] = [p for p in model["thresholds"] if fits(p, {head.value}, {tail.value})]
    return _WRITABLE[key]


_WRITABLE: dict[tuple[int, EntityType, EntityType], list[str]] = {}


def best(
    model: dict, a: Mention, b: Mention, a_span: Span, b_span: Span
) -> tuple[Mention, Mention, Span, Span, Decision] | None:
    """The more probable of the pair's two directions that the model would write. A direction
    whose types admit no writable relation, or whose sentence holds a cue for none of them,
    is not scored: the model's answer there could only be dropped (on BBC news, 234 of 6,352
    directions reach the model)."""
    found = []
    both: tuple[frozenset[str], frozenset[str]] | None = None  # each direction's cues
    for n, (head, tail, h, t) in enumerate(((a, b, a_span, b_span), (b, a, b_span, a_span))):
        relations = writable(model, head.type, tail.type)
        if not relations:
            continue
        if both is None:
            both = present_both(h, t) if n == 0 else (frozenset(), present(h, t))
        cues = both[n]
        if not any(supported(p, cues) for p in relations):
            continue
        decision = decide(model, h, t, COARSE[head.type], COARSE[tail.type], cues)
        if decision is not None and fits(decision.predicate, {head.type.value}, {tail.type.value}):
            found.append((head, tail, h, t, decision))
    return max(found, key=lambda f: f[4].probability, default=None)


def anchor(head: Span, tail: Span) -> Token:
    """The word whose clause joins the two names: their lowest common ancestor, or when that
    is one of the names, the word the other name hangs from."""
    up, _ = path(head.root, tail.root)
    top = up[-1]
    for span, other in ((head, tail), (tail, head)):
        if span.start <= top.i < span.end:
            return other.root.head
    return top


PLACE_IN_COUNTRY = {"locatedIn", "country"}


@extractors.register("relation_classifier", order=80)
def relation_classifier(ctx: Context) -> Iterator[RelationMention]:
    model = load_model()
    if model is None:
        return
    rules = ctx.notes.get("relations", [])
    related = {frozenset((r.subject.span, r.object.span)) for r in rules}
    related |= ctx.notes.get("unrelated", set())  # pairs a rule knows are no fact (datelines)
    killed = {r.object.span for r in rules if r.predicate == "kills"}
    for a, b, a_span, b_span in candidate_pairs(ctx.mentions, ctx.doc):
        if frozenset((a.span, b.span)) in related:
            continue
        chosen = best(model, a, b, a_span, b_span)
        if chosen is None:
            continue
        head, tail, head_span, tail_span, decision = chosen
        if decision.predicate == "kills" and tail.span in killed:
            continue  # a rule named the killer ("Ruby shot Oswald, the assassin of Kennedy")
        if decision.predicate in PLACE_IN_COUNTRY and (
            city_elsewhere(head.name, tail.name)  # every city of that name is elsewhere
            or head.type is tail.type is EntityType.COUNTRY  # no country lies in another
        ):
            continue
        stance, speaker = stance_of(ctx, anchor(head_span, tail_span))
        yield ctx.relation(
            head,
            decision.predicate,
            tail,
            [*head_span, *tail_span],
            confidence=round(decision.probability, 3),
            stance=stance,
            speaker=speaker,
        )
