"""Pronoun and description coreference: each resolution is checked against the entity a
reader would pick, on short texts from several topics."""

from __future__ import annotations

import pytest

from graph.pipeline import build_text

CASES = [
    # text, referring expression, expected entity label
    ("Angela Merkel arrived in Paris. She met the mayor.", "She", "Angela Merkel"),
    ("Elon Musk bought a social network in 2022. He later renamed it.", "He", "Elon Musk"),
    ("Lionel Messi scored twice. His second goal was a penalty.", "His", "Lionel Messi"),
    ("The company Siemens cut 500 jobs. Its shares fell.", "Its", "Siemens"),
    (
        "Serena Williams beat Maria Sharapova. Williams said her serve worked.",
        "her",
        "Serena Williams",
    ),
    ("Shell reported record profits. The firm said demand was strong.", "firm", "Shell"),
    (
        "French President Emmanuel Macron landed in Cairo. The French President then met students.",
        "President",
        "Emmanuel Macron",
    ),
    (
        "Kenyan President William Ruto opened the road. Later the President spoke to farmers.",
        "President",
        "William Ruto",
    ),
    (
        "A new alliance of Chile and Peru was formed. The alliance will meet in Lima.",
        "alliance",
        "new alliance",
    ),
]


def _entity_of(graph, surface: str) -> str | None:  # noqa: ANN001
    for coref in graph.graph["coreferences"]:
        if coref["text"] == surface:
            return graph.nodes[coref["entity"]]["label"]
    return None


@pytest.mark.parametrize("text, surface, expected", CASES)
def test_reference_resolves_to_entity(text: str, surface: str, expected: str) -> None:
    graph = build_text(text)
    assert _entity_of(graph, surface) == expected


def test_surname_and_possessive_merge_into_one_person() -> None:
    graph = build_text(
        "Prime Minister Rishi Sunak spoke in London. Sunak’s plan was criticised. "
        "Critics said Sunak's budget was late."
    )
    people = [d for _, d in graph.nodes(data=True) if d["type"] == "Person"]
    assert [p["label"] for p in people] == ["Rishi Sunak"]
    assert people[0]["mentions"] == 3


def test_pronoun_does_not_cross_to_unrelated_type() -> None:
    graph = build_text("Toyota recalled cars in Japan. He declined to comment.")
    assert _entity_of(graph, "He") is None


def test_description_with_different_proper_modifier_is_a_new_entity() -> None:
    graph = build_text(
        "The Liberal party, based in Toronto, won. The Green party, based in Ottawa, lost. "
        "The party will regroup."
    )
    homes = {
        (graph.nodes[u]["label"], graph.nodes[v]["label"])
        for u, v, d in graph.edges(data=True)
        if d["predicate"] == "basedIn"
    }
    assert homes == {("Liberal party", "Toronto"), ("Green party", "Ottawa")}


def test_unrelated_unnamed_description_is_dropped() -> None:
    graph = build_text("The government said prices would rise in Madrid.")
    assert "government" not in {d["label"] for _, d in graph.nodes(data=True)}
