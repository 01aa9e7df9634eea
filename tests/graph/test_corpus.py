"""Cross-article entity resolution on short articles written here."""

from __future__ import annotations

from graph.ingest import make_article
from graph.pipeline import build


def people(texts: list[str]) -> dict[str, list[str]]:
    graph = build([make_article(t, id=f"a{i}", detect_title=False) for i, t in enumerate(texts)])
    return {
        d["label"]: sorted(d["articles"])
        for _, d in graph.nodes(data=True)
        if d["type"] == "Person"
    }


def test_surname_in_a_later_article_joins_the_known_full_name() -> None:
    found = people(
        [
            "Israeli Prime Minister Benjamin Netanyahu met the envoy in Jerusalem.",
            "Netanyahu later flew to Washington for talks.",
            "Critics said Benjamin Netanyahu had ignored the warnings.",
        ]
    )
    assert found == {"Benjamin Netanyahu": ["a0", "a1", "a2"]}


def test_shared_surname_without_evidence_is_not_merged() -> None:
    found = people(
        [
            "Hillary Clinton spoke in New York on Monday.",
            "Bill Clinton visited Little Rock on Tuesday.",
            "Clinton said the plan would fail.",
        ]
    )
    assert "Clinton" in found and found["Clinton"] == ["a2"]
    assert found["Hillary Clinton"] == ["a0"] and found["Bill Clinton"] == ["a1"]


def test_same_full_name_is_one_node_with_evidence_from_each_article() -> None:
    graph = build(
        [
            make_article(
                "Kenyan President William Ruto visited Mombasa on Monday.",
                id="x",
                detect_title=False,
            ),
            make_article("William Ruto met farmers in Eldoret.", id="y", detect_title=False),
        ]
    )
    node = graph.nodes["Person/william-ruto"]
    assert node["articles"] == ["x", "y"] and node["mentions"] == 2
