"""The shared run-time side of the shipped linear models (graph/learn/linear.py)."""

import gzip
import json
import math
from pathlib import Path

from graph.learn.linear import read_model, softmax

MODEL = {"classes": ["a", "b"], "intercept": [0.0, 1.0], "weights": {"x": [2.0, 0.0]}}


def test_softmax_adds_the_weights_of_the_features_present() -> None:
    probs = softmax(MODEL, {"x": 1.0, "unknown": 5.0}, "classes")
    assert math.isclose(probs["a"], math.e**2 / (math.e**2 + math.e))
    assert math.isclose(sum(probs.values()), 1.0)
    assert softmax(MODEL, {}, "classes")["b"] > 0.7


def test_read_model_reads_gzipped_json_and_none_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "m.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(MODEL, handle)
    assert read_model(path) == MODEL
    assert read_model(tmp_path / "absent.json.gz") is None


def test_softmax_scores_features_in_order_as_the_weighted_sum() -> None:
    model = {
        "classes": ["a", "b", "c"],
        "intercept": [0.1, -0.2, 0.3],
        "weights": {"x": [0.7, 0.1, -0.4], "y": [1e-9, 2.5, 0.3], "z": [-1.1, 0.0, 0.9]},
    }
    features = {"x": 1.0, "y": 0.5, "z": 1.0, "w": 1.0}
    scores = list(model["intercept"])
    for name in ("x", "y", "z"):
        weights = model["weights"][name]
        scores = [s + w * features[name] for s, w in zip(scores, weights, strict=True)]
    exp = [math.exp(s - max(scores)) for s in scores]
    expected = {c: e / sum(exp) for c, e in zip(model["classes"], exp, strict=True)}
    assert softmax(model, features, "classes") == expected  # the same floats, not close ones


def test_softmax_refuses_weights_of_another_length() -> None:
    import pytest

    with pytest.raises(ValueError, match="2 weights for 3 classes"):
        model = {"classes": "abc", "intercept": [0, 0, 0], "weights": {"x": [1, 2]}}
        softmax(model, {"x": 1.0}, "classes")
