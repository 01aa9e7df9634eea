"""The run-time side of the shipped linear models (relations.json.gz, types.json.gz): read
one from its gzipped JSON and score features with its weights, in pure Python, so using a
model needs no scikit-learn."""

from __future__ import annotations

import gzip
import json
import math
from operator import add
from pathlib import Path


def read_model(path: Path) -> dict | None:
    """The model as saved, or None when the file is not there."""
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def softmax(model: dict, features: dict[str, float], classes: str) -> dict[str, float]:
    """The probability of each of ``model[classes]`` for one set of features: a multinomial
    logistic regression's intercept plus the weighted features, normalised."""
    scores = list(model["intercept"])
    table = model["weights"]
    for name, value in features.items():
        weights = table.get(name)
        if weights is None:
            continue
        if len(weights) != len(scores):
            raise ValueError(
                f"feature {name!r} has {len(weights)} weights for {len(scores)} classes"
            )
        if value == 1.0:  # the features are binary: w * 1.0 is w exactly
            scores = list(map(add, scores, weights))
        else:
            scores = [s + w * value for s, w in zip(scores, weights, strict=True)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return {c: e / total for c, e in zip(model[classes], exp, strict=True)}
