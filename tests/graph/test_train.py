"""Training the relation classifier: examples from gold and pipeline pairs, a threshold
chosen by cross-validation on the training file, and a byte-for-byte reproducible model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import read_conll04
from graph.extract.classifier import load_model, probabilities
from graph.train import THRESHOLDS, examples, train

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "conll04_mini.json"
TRAIN = ROOT.parent / "shared" / "data" / "conll04" / "conll04_train.json"


def test_examples_label_gold_and_pipeline_pairs() -> None:
    records = read_conll04(MINI)
    data = list(examples(records))
    gold = [e for e in data if not e.from_pipeline]
    pipeline = [e for e in data if e.from_pipeline]
    # every gold relation of the fixture is one positive gold-pair example
    assert sorted(e.label for e in gold if e.label != "NONE") == sorted(
        label for r in records for label, *_ in r.relations
    )
    assert {e.label for e in pipeline} >= {"Kill", "NONE"}
    assert all(next(iter(e.features)).startswith("types=") for e in data)


@pytest.mark.skipif(not TRAIN.exists(), reason="needs the shared CoNLL04 data")
def test_training_is_reproducible_and_loads(tmp_path: Path) -> None:
    part = tmp_path / "part.json"
    part.write_text(json.dumps(json.loads(TRAIN.read_text("utf-8"))[:60]))
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    report = train(part, first)
    train(part, second)
    assert first.read_bytes() == second.read_bytes()
    assert report["threshold"] in THRESHOLDS and report["bytes"] == first.stat().st_size
    model = load_model.__wrapped__(first)
    assert model["threshold"] == report["threshold"]
    probs = probabilities(model, {"types=Peop>Peop": 1.0, "between=kill": 1.0})
    assert set(probs) == set(model["labels"]) and abs(sum(probs.values()) - 1) < 1e-9
