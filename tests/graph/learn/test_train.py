"""Training on a few documents written here: labelled pairs from both formats, a split by
document, and a byte-for-byte reproducible model that the run-time code loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.learn.data import NONE, conll04_sentences, examples, redocred_sentences
from graph.learn.model import load_model, probabilities
from graph.learn.train import best_threshold, split, train

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


def scored(*pairs: tuple[float, int]) -> list[tuple[float, bool]]:
    """(probability, right) pairs, n of each, from (probability, right, n) shorthand."""
    return [(p, bool(r)) for p, r, n in pairs for _ in range(n)]


@pytest.mark.parametrize(
    "pairs, gold, bar, expected",
    [
        # every pair right: the lowest threshold (0.10) writes the most and has the best F1
        ([(0.9, 1, 5), (0.3, 1, 5)], 10, 0.5, (0.1, 10, 10)),
        # the low-probability pairs are all wrong: F1 is best once they stop being written
        # (from 0.35 up to 0.9 it is the same; the tie goes to the lowest threshold)
        ([(0.9, 1, 6), (0.3, 0, 6)], 10, 0.5, (0.35, 6, 6)),
        # 6 right of 10 from 0.2 down passes the 0.5 bar and beats 4 of 4 on F1 (0.6 vs 0.57)
        ([(0.9, 1, 4), (0.2, 1, 2), (0.2, 0, 4)], 10, 0.5, (0.1, 6, 10)),
        # ... but not the 0.8 bar, under which only the precise top is kept
        ([(0.9, 1, 5), (0.2, 1, 1), (0.2, 0, 4)], 10, 0.8, (0.25, 5, 5)),
        # fewer than MIN_PREDICTED written at any passing threshold: not written at all
        ([(0.9, 1, 4), (0.2, 0, 10)], 10, 0.5, None),
        ([(0.6, 1, 3), (0.6, 0, 7)], 10, 0.5, None),
    ],
)
def test_threshold_is_best_f1_above_the_bar(pairs, gold, bar, expected) -> None:  # noqa: ANN001
    assert best_threshold(scored(*pairs), gold, bar) == expected


def test_choose_thresholds_reports_each_source(tmp_path: Path) -> None:
    report = train([REDOCRED], CONLL04, tmp_path / "m.json.gz", min_precision=0.5)
    assert report["min_precision"] == 0.5
    for row in report["held_out"].values():
        assert sum(s["gold"] for s in row["by_source"].values()) == row["gold"]
        assert set(row["by_source"]) <= {"conll04", "redocred"}
        if row["threshold"] is not None:
            assert row["precision"] >= 0.5 and row["written"] >= 5


def test_cli_takes_the_precision_bar(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from graph.errors import InputError
    from newsgraph.cli import main

    files = ["--redocred", str(REDOCRED), "--conll04", str(CONLL04)]
    output = ["-o", str(tmp_path / "m.json.gz")]
    assert main(["train", "relations", *files, *output, "--min-precision", "0.3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["min_precision"] == 0.3
    assert load_model.__wrapped__(tmp_path / "m.json.gz")["min_precision"] == 0.3
    bad = ["train", "relations", *files, *output, "--min-precision", "1.5"]
    assert main(bad) == InputError.exit_code
    assert "--min-precision" in capsys.readouterr().err
