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
