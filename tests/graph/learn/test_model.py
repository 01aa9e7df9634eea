"""The shipped relation model: it loads without scikit-learn, is small, gives probabilities,
and only relations that reached the statement layer's precision bar on held-out documents
have a threshold."""

from __future__ import annotations

import math

import pytest

from graph.learn.model import MODEL, decide, load_model, probabilities
from graph.learn.train import STATEMENT_PRECISION
from graph.nlp import load
from graph.vocab import relation_schema


@pytest.fixture(scope="module")
def model() -> dict:
    loaded = load_model()
    assert loaded is not None, f"{MODEL} is missing: run `newsgraph train relations`"
    return loaded


def test_shipped_model_is_small_and_well_formed(model: dict) -> None:
    assert MODEL.stat().st_size < 50_000_000
    assert "NONE" in model["labels"]
    assert set(model["labels"]) - {"NONE"} <= set(relation_schema())
    assert all(len(w) == len(model["labels"]) for w in model["weights"].values())
    assert len(model["intercept"]) == len(model["labels"])


def test_only_relations_precise_on_held_out_documents_have_thresholds(model: dict) -> None:
    assert model["thresholds"], "the model writes no relation at all"
    assert model["min_precision"] == STATEMENT_PRECISION, "retrain: the bar changed"
    for predicate, threshold in model["thresholds"].items():
        row = model["held_out"][predicate]
        assert row["threshold"] == threshold and 0 < threshold < 1
        assert row["precision"] >= model["min_precision"]
        assert row["written"] >= 5
    dropped = [p for p, row in model["held_out"].items() if row["threshold"] is None]
    assert not set(dropped) & set(model["thresholds"])


def test_probabilities_sum_to_one(model: dict) -> None:
    features = {"types=PER>PER": 1.0, "between=assassin": 1.0, "top=assassin": 1.0}
    probs = probabilities(model, features)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-9)
    assert set(probs) == set(model["labels"])


def spans(sentence: str, head: str, tail: str):  # noqa: ANN201
    doc = load()(sentence)
    out = []
    for name in (head, tail):
        start = sentence.index(name)
        out.append(doc.char_span(start, start + len(name), alignment_mode="expand"))
    return out


@pytest.mark.parametrize(
    "sentence, head, tail, types, predicate",
    [
        (
            "Jean Dupont, who killed Paul Martin, fled to Lyon.",
            "Jean Dupont",
            "Paul Martin",
            ("PER", "PER"),
            "kills",
        ),
        (
            "Maria Costa, a spokeswoman for Unilever, declined to comment.",
            "Maria Costa",
            "Unilever",
            ("PER", "ORG"),
            "worksFor",
        ),
        (
            "Storms battered Kraków, Poland, overnight.",
            "Kraków",
            "Poland",
            ("LOC", "LOC"),
            "locatedIn",
        ),
    ],
)
def test_decide_writes_a_relation_with_a_cue(
    model: dict, sentence: str, head: str, tail: str, types: tuple, predicate: str
) -> None:
    decision = decide(model, *spans(sentence, head, tail), *types)
    assert decision is not None and decision.predicate == predicate
    assert model["thresholds"][predicate] <= decision.probability <= 1


@pytest.mark.parametrize(
    "sentence, head, tail, types",
    [
        ("Mr Dupont said France had agreed to the deal.", "Dupont", "France", ("PER", "LOC")),
        ("Maria Costa praised Unilever on Monday.", "Maria Costa", "Unilever", ("PER", "ORG")),
        ("Jean Dupont greeted Paul Martin warmly.", "Jean Dupont", "Paul Martin", ("PER", "PER")),
    ],
)
def test_decide_abstains_without_a_cue(
    model: dict, sentence: str, head: str, tail: str, types: tuple
) -> None:
    assert decide(model, *spans(sentence, head, tail), *types) is None
