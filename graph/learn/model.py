"""The shipped relation model (graph/learn/relations.json.gz, written by
``newsgraph train relations``): loading it and deciding a pair's relation. Pure Python at
run time; scikit-learn is only needed to train."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from graph.learn.features import pair_features
from graph.learn.gate import present, supported
from graph.learn.linear import read_model, softmax

MODEL = Path(__file__).resolve().parent / "relations.json.gz"
NONE = "NONE"


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL) -> dict | None:
    """The model as saved (labels, intercept, weights, per-relation thresholds), or None."""
    return read_model(path)


def probabilities(model: dict, features: dict[str, float]) -> dict[str, float]:
    """The softmax probability of each label (NONE included) for a pair's features."""
    return softmax(model, features, "labels")


@dataclass(frozen=True, slots=True)
class Decision:
    predicate: str
    probability: float


def decide(
    model: dict,
    head: Span,
    tail: Span,
    head_type: str,
    tail_type: str,
    cues: frozenset[str] | None = None,
) -> Decision | None:
    """The relation the model writes for (head, tail): its most probable relation other than
    NONE, if the relation passed its held-out precision bar, the probability reaches the
    relation's threshold and the sentence holds a cue for it; else None. ``cues`` is the
    pair's ``present(head, tail)`` when the caller has it already."""
    probs = probabilities(model, pair_features(head, tail, head_type, tail_type))
    label, p = max(((k, v) for k, v in probs.items() if k != NONE), key=lambda kv: kv[1])
    threshold = model["thresholds"].get(label)
    if threshold is None or p < threshold:
        return None
    if not supported(label, present(head, tail) if cues is None else cues):
        return None
    return Decision(label, p)
