"""The trained relation classifier: the shipped model loads, is small, scores pairs with
probabilities, and adds relations the rules miss, with its probability as confidence."""

from __future__ import annotations

import math

import pytest

from graph.extract.classifier import MODEL, load_model, probabilities
from graph.pipeline import build_text


def test_shipped_model_is_small_and_well_formed() -> None:
    assert MODEL.exists() and MODEL.stat().st_size < 3_000_000
    model = load_model()
    assert set(model["labels"]) == {
        "Kill",
        "Live_In",
        "Located_In",
        "NONE",
        "OrgBased_In",
        "Work_For",
    }
    assert all(len(w) == len(model["labels"]) for w in model["weights"].values())


def test_probabilities_sum_to_one() -> None:
    model = load_model()
    features = {
        "types=Peop>Peop": 1.0,
        "order=ht": 1.0,
        "gap=1": 1.0,
        "between=kill": 1.0,
        "path=nsubj^ kill dobjv": 1.0,
        "path_deps=nsubj^ dobjv": 1.0,
        "top=kill": 1.0,
    }
    probs = probabilities(model, features)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-9)
    assert max(probs, key=probs.get) == "Kill"
    work = probabilities(model, {"types=Peop>Org": 1.0, "between=of": 1.0, "between=chairman": 1.0})
    assert work["Work_For"] > work["Kill"]


def relations(text: str, classifier: bool = True) -> set[tuple[str, str, str]]:
    """Triples the classifier adds (or, with classifier=False, those of the other extractors)."""
    graph = build_text(text)
    return {
        (graph.nodes[u]["label"], d["predicate"], graph.nodes[v]["label"])
        for u, v, d in graph.edges(data=True)
        if (d.get("extractor") == "relation_classifier") == classifier
    }


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            "John Wilkes Booth, the assassin of Abraham Lincoln, fled to Maryland.",
            ("John Wilkes Booth", "kills", "Abraham Lincoln"),
        ),
        (
            "Sirhan Sirhan was convicted in the assassination of Robert F. Kennedy.",
            ("Sirhan Sirhan", "kills", "Robert F. Kennedy"),
        ),
        (
            "Maria Lopez, a native of Tucson, sang at the festival.",
            ("Maria Lopez", "livesIn", "Tucson"),
        ),
    ],
)
def test_classifier_finds_relations_the_rules_do_not(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in relations(text)
    assert triple not in relations(text, classifier=False)  # none of the rules says it


def test_classifier_confidence_is_its_probability() -> None:
    graph = build_text("Oswald, a former Marine from New Orleans, shot Kennedy in Dallas.")
    for *_, data in graph.edges(data=True):
        if data["extractor"] == "relation_classifier":
            assert load_model()["threshold"] <= data["confidence"] <= 1.0
