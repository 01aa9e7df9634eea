"""The entity-type corrector's run-time side (graph/learn/types.py): features of a name,
the softmax over the saved weights, and a correction only when confident and different."""

from __future__ import annotations

from graph.learn.types import corrected_class, features, load_model, probabilities
from graph.nlp import load

SMALL = {
    "classes": ["L", "O", "P", "X"],
    "intercept": [0.0, 0.0, 0.0, 0.0],
    "weights": {"dep=nsubj": [0.0, 0.0, 3.0, 0.0], "hh=say": [0.0, 0.0, 2.0, 0.0]},
    "threshold": 0.8,
}


def _span(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    return load()(text)[start:end]


def test_features_of_a_name_read_its_context() -> None:
    span = _span("Protesters gathered outside the offices of Kibaki in Nyeri.", 6, 7)
    found = features(span, "ORG")
    assert {"ner=ORG", "prev=of", "next=in", "first=kibaki", "n=1"} <= set(found)


def test_probabilities_sum_to_one() -> None:
    ranked = probabilities(SMALL, {"dep=nsubj": 1.0, "unknown": 1.0})
    assert abs(sum(ranked.values()) - 1.0) < 1e-9
    assert max(ranked, key=ranked.__getitem__) == "P"


def test_a_correction_needs_confidence_and_disagreement() -> None:
    span = _span("Odinga said the vote was rigged.", 0, 1)
    assert corrected_class(span, "ORG", SMALL) == "P"  # exp(5) against three exp(0)
    assert corrected_class(span, "PERSON", SMALL) is None  # agrees with NER
    assert corrected_class(span, "DATE", SMALL) is None  # a label the model does not read
    timid = dict(SMALL, threshold=0.999)
    assert corrected_class(span, "ORG", timid) is None


def test_the_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None and model["classes"] == ["L", "O", "P", "X"]
    assert 0.5 < model["threshold"] < 1.0
