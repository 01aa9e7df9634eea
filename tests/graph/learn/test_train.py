"""Training on a few documents written here: labelled pairs from both formats, a split by
document, and a byte-for-byte reproducible model that the run-time code loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.learn.data import NONE, conll04_sentences, examples, redocred_sentences
from graph.learn.model import load_model, probabilities
from graph.learn.train import split, train

pytest.importorskip("sklearn")
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
REDOCRED = FIXTURES / "redocred_mini.json"
CONLL04 = FIXTURES / "conll04_mini.json"


def test_redocred_labels_follow_evidence_and_inverses() -> None:
    first = next(redocred_sentences([REDOCRED]))  # "Harwick is a market town in Dorset, England."
    names = [" ".join(first.words[s:e]) for s, e, _ in first.entities]
    labels = {(names[h], names[t]): p for (h, t), p in first.labels.items()}
    assert labels == {
        ("Harwick", "Dorset"): "locatedIn",
        ("Harwick", "England"): "locatedIn",
        ("Dorset", "England"): "locatedIn",
    }
    second = list(redocred_sentences([REDOCRED]))[1]  # "Dorset contains ... Ashby and Corle."
    names = [" ".join(second.words[s:e]) for s, e, _ in second.entities]
    labels = {(names[h], names[t]): p for (h, t), p in second.labels.items()}
    assert labels == {("Ashby", "Dorset"): "locatedIn", ("Corle", "Dorset"): "locatedIn"}


def test_examples_cover_every_ordered_pair() -> None:
    sentences = list(redocred_sentences([REDOCRED])) + list(conll04_sentences(CONLL04))
    data = list(examples(sentences))
    expected = sum(len(s.entities) * (len(s.entities) - 1) - len(s.skip) for s in sentences)
    assert len(data) == expected
    assert {e.label for e in data} >= {"locatedIn", "worksFor", "kills", "ownedBy", NONE}
    training, held = split(data, held_out=0.5)
    assert not {e.doc for e in training} & {e.doc for e in held}


def test_training_is_reproducible_and_loads(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    report = train([REDOCRED], CONLL04, first)
    train([REDOCRED], CONLL04, second)
    assert first.read_bytes() == second.read_bytes()
    assert report["bytes"] == first.stat().st_size
    model = load_model.__wrapped__(first)
    assert set(model["held_out"]) == set(report["held_out"])
    probs = probabilities(model, {"types=LOC>LOC": 1.0, "only_between=,": 1.0})
    assert set(probs) == set(model["labels"]) and abs(sum(probs.values()) - 1) < 1e-9
